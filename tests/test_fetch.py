"""Listed sources fetched with httpx: successes become documents, failures are recorded."""

from __future__ import annotations

import httpx
import pytest

from pipeline.api import run_pipeline
from pipeline.stages.discover import DiscoverError, discover
from pipeline.stages.fetch import FetchError, fetch_url, read_sources_list
from tests.conftest import RAW

PAGE = (RAW / "press" / "luxembourg-lu-creative-industries-cluster.html").read_bytes()


def _client(routes: dict[str, tuple[int, bytes]]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        status, body = routes.get(str(request.url), (404, b"not found"))
        return httpx.Response(status, content=body, headers={"content-type": "text/html"})

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_fetch_returns_the_body() -> None:
    assert (
        fetch_url("https://agency.example/a", client=_client({"https://agency.example/a": (200, PAGE)}))
        == PAGE
    )


@pytest.mark.parametrize(("status", "code"), [(404, "http_404"), (500, "http_500"), (403, "http_403")])
def test_fetch_errors_are_specific(status: int, code: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url("https://agency.example/b", client=_client({"https://agency.example/b": (status, b"")}))
    assert info.value.code == code


def test_fetch_refuses_oversized_bodies() -> None:
    client = _client({"https://agency.example/big": (200, b"x" * 2048)})
    with pytest.raises(FetchError) as info:
        fetch_url("https://agency.example/big", client=client, max_bytes=1024)
    assert info.value.code == "too_large"


def test_sources_list_parsing(tmp_path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text(
        "# agency pages\nhttps://a.example/x  # news\n\nhttps://a.example/x\nhttp://b.example/y\n"
    )
    assert read_sources_list(path) == ["https://a.example/x", "http://b.example/y"]
    path.write_text("ftp://nope.example/file\n")
    with pytest.raises(DiscoverError, match=r"sources.txt:1: not an http\(s\) URL"):
        discover(tmp_path)


def test_unreachable_listed_source_is_quarantined_and_the_run_goes_on(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CLUSTERPIPE_FETCH_ALLOWED_NETWORKS", '["127.0.0.1/32"]')  # loopback, explicitly
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_bytes(PAGE)
    (raw / "sources.txt").write_text(
        "http://127.0.0.1:9/unreachable.html\n"
    )  # loopback discard port: refused
    summary = run_pipeline(raw, tmp_path / "out")
    assert (summary.documents_seen, summary.documents_quarantined) == (2, 1)
    records = [p.read_text() for p in (tmp_path / "out" / "documents").glob("*.json")]
    assert any('"code": "network"' in r and "127.0.0.1:9" in r for r in records)
