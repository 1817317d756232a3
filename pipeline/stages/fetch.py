"""Fetch listed sources over HTTP(S) with httpx (retries are the flow's job: it is I/O).

Every download is bounded, whatever the server does:

- an overall **deadline** per download (connect, TLS, every read: each waits at most the time
  left), besides the per-read timeout, so a server trickling one byte at a time is cut;
- a **size cap** on the decoded body, with or without Content-Length, gzip/deflate inflated
  in bounded pieces (a compression bomb stops at the cap);
- redirects are followed by hand, at most `fetch_max_redirects`, each hop checked: only
  http(s) (`file://` and the rest refused), no loops, and every **connection** (first hop
  and redirects) is made only after the host name is resolved and every address it
  resolves to is public — loopback, private, link-local and reserved addresses are refused
  unless inside `fetch_allowed_networks`. The check happens in the socket layer, on the
  address actually connected to, so a name that re-resolves differently cannot slip by.

Failures raise `FetchError` with a stable code (see `FETCH_CODES`).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import time
import typing
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from pathlib import Path

import httpcore
import httpx

from pipeline.backend.guards import GuardSettings, guard_settings

DEFAULT_TIMEOUT = 30.0  # kept for callers of the old signature: the per-read timeout
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
USER_AGENT = "cluster-policy-pipeline/0.1 (+https://github.com/; research use)"
SOURCES_FILE = "sources.txt"
_URL = re.compile(r"^https?://\S+$")
_PIECE = 64 * 1024

FETCH_CODES = {
    "http_<status>": "the server answered with an error status (http_404, http_500, ...)",
    "timeout": "the server did not answer within the per-read or connect timeout",
    "deadline": "the whole download took longer than fetch_deadline",
    "too_large": "the body (after gzip/deflate decoding) is larger than fetch_max_bytes",
    "redirect_loop": "a redirect leads back to a URL already visited",
    "too_many_redirects": "more than fetch_max_redirects redirects",
    "blocked_scheme": "a URL or redirect that is not http(s) (file://, ftp://, ...)",
    "blocked_address": "the host resolves to a loopback, private, link-local or reserved address",
    "unresolvable": "the host name does not resolve",
    "unsupported_encoding": "a Content-Encoding other than gzip, deflate or identity",
    "network": "any other transport failure (connection refused, reset, TLS)",
}


class FetchError(OSError):
    """A listed source could not be fetched; `code` is stable (http_404, timeout, ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[FetchError], tuple[str, str]]:  # picklable across processes
        return (type(self), (self.code, self.message))


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


# ------------------------------------------------------------------ address policy


def address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public (None when it is).

    >>> [address_kind(ipaddress.ip_address(a)) for a in ("8.8.8.8", "127.0.0.1", "169.254.169.254")]
    [None, 'loopback', 'link-local']
    >>> address_kind(ipaddress.ip_address("::ffff:10.0.0.1"))
    'private'
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("private", address.is_private),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return kind
    return None if address.is_global else "reserved"


def refusal(host: str, address: str, allowed: Iterable[str]) -> str | None:
    """The reason to refuse connecting to `address` (resolved from `host`), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    kind = address_kind(ip)
    if kind is None or any(ip in ipaddress.ip_network(n, strict=False) for n in allowed):
        return None
    return f"{host} resolves to {ip}, a {kind} address (not in fetch_allowed_networks)"


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every wait is clamped to the time left before the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, expires: float) -> None:
        self._inner = inner
        self._expires = expires

    def _left(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._expires - time.monotonic()
        if left <= 0:
            raise error("deadline")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        left = self._left(timeout, httpcore.ConnectTimeout)
        inner = self._inner.start_tls(ssl_context, server_hostname, left)
        return _DeadlineStream(inner, self._expires)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


def _resolve(host: str, port: int, seconds: float) -> list[tuple[typing.Any, ...]]:
    """getaddrinfo, given at most `seconds` (a resolver that hangs cannot outlast the deadline;
    its thread is left to finish on its own)."""
    if seconds <= 0:
        raise httpcore.ConnectTimeout("deadline")
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    pool.shutdown(wait=False)
    try:
        return list(future.result(timeout=seconds))
    except FuturesTimeout as exc:
        raise httpcore.ConnectTimeout(f"resolving {host} took longer than the deadline") from exc
    except socket.gaierror as exc:
        raise FetchError("unresolvable", f"{host}: {exc}") from exc


class _GuardedBackend(httpcore.SyncBackend):
    """Resolve, refuse non-public addresses, connect to a checked address, clamp to the deadline."""

    def __init__(self, allowed: tuple[str, ...], expires: float) -> None:
        self._allowed = allowed
        self._expires = expires

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        infos = _resolve(host, port, self._expires - time.monotonic())
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            reason = refusal(host, address, self._allowed)
            if reason is not None:
                raise FetchError("blocked_address", reason)
        failure: httpcore.ConnectError | None = None
        for address in addresses:  # every one was checked; the first that accepts is used
            left = self._expires - time.monotonic()
            if left <= 0:
                raise httpcore.ConnectTimeout("deadline")
            wait = left if timeout is None else min(timeout, left)
            try:
                stream = super().connect_tcp(address, port, wait, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream, self._expires)
        raise failure or httpcore.ConnectError(f"{host}: no address to connect to")


def guarded_client(
    settings: GuardSettings, expires: float, read_timeout: float | None = None
) -> httpx.Client:
    """An httpx client whose connections go through the guarded backend (no proxies from the
    environment, no automatic redirects, no automatic decoding: `fetch_url` does those)."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(  # httpx 0.28 has no public network_backend option
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_GuardedBackend(settings.fetch_allowed_networks, expires),
    )
    return httpx.Client(
        transport=transport,
        trust_env=False,
        follow_redirects=False,
        timeout=httpx.Timeout(
            read_timeout or settings.fetch_read_timeout, connect=settings.fetch_connect_timeout
        ),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
    )


# ------------------------------------------------------------------ body


def _inflated(chunks: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    """Decode gzip/deflate in pieces of at most 64 KiB (identity passes through)."""
    if encoding in ("", "identity"):
        yield from chunks
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError("unsupported_encoding", f"Content-Encoding {encoding!r} is not accepted")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, auto-detected
    for chunk in chunks:
        data = chunk
        while data and not inflater.eof:
            try:
                out = inflater.decompress(data, _PIECE)
            except zlib.error as exc:
                raise FetchError("network", f"corrupt {encoding} body: {exc}") from exc
            data = inflater.unconsumed_tail
            if out:
                yield out


def _raw(response: httpx.Response) -> Iterator[bytes]:
    """The body as received (still encoded); a response built in memory is already read."""
    if response.is_stream_consumed:
        yield response.content
        return
    yield from response.iter_raw()


def _body(response: httpx.Response, url: str, max_bytes: int, expires: float) -> bytes:
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if declared.isdigit() and int(declared) > max_bytes and encoding in ("", "identity"):
        raise FetchError(
            "too_large", f"{url} declares {declared} bytes, more than fetch_max_bytes={max_bytes}"
        )
    parts: list[bytes] = []
    size = 0
    for piece in _inflated(_raw(response), encoding):
        size += len(piece)
        if size > max_bytes:
            raise FetchError("too_large", f"{url} is larger than fetch_max_bytes={max_bytes} bytes")
        if time.monotonic() > expires:
            raise FetchError("deadline", f"{url}: download not finished within the deadline")
        parts.append(piece)
    return b"".join(parts)


def fetch_url(
    url: str,
    *,
    client: httpx.Client | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
    deadline: float | None = None,
    settings: GuardSettings | None = None,
) -> bytes:
    """GET a URL, following redirects by hand, and return its body; raise `FetchError` on any
    failure. `timeout` is per read, `deadline` for the whole download (settings otherwise).

    A `client` passed in (tests with a mock transport) is used as it is: its connections are
    not address-checked; the scheme, redirect, size and deadline checks still apply.
    """
    limits = settings or guard_settings()
    max_bytes = max_bytes if max_bytes is not None else limits.fetch_max_bytes
    seconds = deadline if deadline is not None else limits.fetch_deadline
    started = time.monotonic()
    expires = started + seconds
    own = client is None
    client = client or guarded_client(limits, expires, timeout)
    seen: set[str] = set()
    current = url
    try:
        for _ in range(limits.fetch_max_redirects + 1):
            scheme = current.split(":", 1)[0].lower()
            if scheme not in ("http", "https"):
                raise FetchError("blocked_scheme", f"{url}: {scheme}:// is not fetched ({current})")
            if current in seen:
                raise FetchError("redirect_loop", f"{url}: redirected back to {current}")
            seen.add(current)
            with client.stream("GET", current, follow_redirects=False) as response:
                if response.is_redirect:
                    current = str(response.url.join(response.headers["location"]))
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        f"http_{response.status_code}", f"{current} answered {response.status_code}"
                    )
                return _body(response, current, max_bytes, expires)
        raise FetchError(
            "too_many_redirects", f"{url}: more than fetch_max_redirects={limits.fetch_max_redirects}"
        )
    except httpx.TimeoutException as exc:
        if time.monotonic() >= expires - 0.05:
            raise FetchError("deadline", f"{url}: not finished within {seconds:g} s") from exc
        raise FetchError("timeout", f"{url}: {exc!r}") from exc
    except httpx.InvalidURL as exc:
        raise FetchError("blocked_scheme", f"{url}: unusable redirect target {current!r}: {exc}") from exc
    except httpx.HTTPError as exc:
        raise FetchError("network", f"{url}: {exc!r}") from exc
    finally:
        if own:
            client.close()
