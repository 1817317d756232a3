"""Fetch listed sources over HTTP(S) with httpx (retries are the flow's job: it is I/O)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
USER_AGENT = "cluster-policy-pipeline/0.1 (+https://github.com/; research use)"
SOURCES_FILE = "sources.txt"
_URL = re.compile(r"^https?://\S+$")


class FetchError(OSError):
    """A listed source could not be fetched; `code` is stable (http_404, timeout, ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class SourcesListError(ValueError):
    """A line of sources.txt is not an http(s) URL; names the file and line."""


def read_sources_list(path: Path) -> list[str]:
    """URLs, one per line; blank lines and `#` comments ignored; duplicates dropped in order."""
    urls: list[str] = []
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if not _URL.match(line):
            raise SourcesListError(f"{path}:{number}: not an http(s) URL: {line!r}")
        if line not in urls:
            urls.append(line)
    return urls


def fetch_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> bytes:
    """GET a URL (redirects followed) and return its body; raise `FetchError` on any failure."""
    own = client is None
    client = client or httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"http_{response.status_code}", f"{url} answered {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError("too_large", f"{url} is larger than {max_bytes} bytes")
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.TimeoutException as exc:
        raise FetchError("timeout", f"{url}: {exc!r}") from exc
    except httpx.HTTPError as exc:
        raise FetchError("network", f"{url}: {exc!r}") from exc
    finally:
        if own:
            client.close()
