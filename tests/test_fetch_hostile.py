"""A hostile HTTP server on 127.0.0.1 (started here; nothing leaves loopback): every download is
refused with a specific code within its deadline, and nothing the server says escapes the
output folder.

Loopback is allowed explicitly, for 127.0.0.1 only; every other non-public address stays refused.
"""

from __future__ import annotations

import gzip
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.api import run_pipeline
from pipeline.backend.guards import GuardSettings
from pipeline.datamodel.results import SourceRef
from pipeline.stages.discover import doc_id_for, load
from pipeline.stages.fetch import FetchError, fetch_url
from tests.conftest import RAW

PAGE = (RAW / "press" / "luxembourg-lu-creative-industries-cluster.html").read_bytes()
CAP = 1024 * 1024
DEADLINE = 2.0
ALLOW_ORIGIN = GuardSettings(fetch_allowed_networks=("127.0.0.1/32",), fetch_max_bytes=CAP)
GZIP_BOMB = gzip.compress(b"\0" * (64 * CAP), 9)  # 64 KiB on the wire, 64 MiB inflated


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # a body without Content-Length ends when the connection closes

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, Location=location)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        port = self.server.server_address[1]
        path = self.path
        if path.startswith("/page") or "escape" in path:
            self._send(200, PAGE, Content_Type="text/html", Content_Length=str(len(PAGE)))
        elif path == "/big-declared":
            self._send(200, b"x" * (CAP + 1), Content_Length=str(CAP + 1))
        elif path == "/big-undeclared":
            self._send(200)
            for _ in range(4):
                self.wfile.write(b"x" * (CAP // 2))
        elif path == "/gzip-bomb":
            self._send(200, GZIP_BOMB, Content_Encoding="gzip", Content_Length=str(len(GZIP_BOMB)))
        elif path == "/trickle":
            self._send(200, Content_Type="text/html")
            for _ in range(10):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(20)
        elif path == "/silent":
            time.sleep(30)  # accepts, then never answers
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect(f"http://127.0.0.1:{port}/loop-a")
        elif path.startswith("/chain/"):
            self._redirect(f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/to-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/to-private":
            self._redirect("http://10.0.0.7/admin")
        elif path == "/to-other-loopback":
            self._redirect(f"http://127.0.0.2:{port}/page")
        elif path == "/to-ipv6-loopback":
            self._redirect(f"http://[::1]:{port}/page")
        elif path == "/claims-pdf":
            self._send(200, PAGE, Content_Type="application/pdf", Content_Length=str(len(PAGE)))
        else:
            self._send(404, b"no")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _code(url: str, settings: GuardSettings = ALLOW_ORIGIN, **kwargs: float) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch_url(url, settings=settings, **kwargs)
    return info.value.code, time.monotonic() - started


def test_the_allowed_origin_is_fetched(server: str) -> None:
    assert fetch_url(f"{server}/page", settings=ALLOW_ORIGIN) == PAGE


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/big-declared", "too_large"),
        ("/big-undeclared", "too_large"),
        ("/gzip-bomb", "too_large"),
        ("/loop-a", "redirect_loop"),
        ("/chain/0", "too_many_redirects"),
        ("/to-file", "blocked_scheme"),
        ("/to-metadata", "blocked_address"),
        ("/to-private", "blocked_address"),
        ("/to-other-loopback", "blocked_address"),
        ("/to-ipv6-loopback", "blocked_address"),
        ("/missing", "http_404"),
    ],
)
def test_hostile_answers_are_refused_with_a_specific_code(server: str, path: str, code: str) -> None:
    got, seconds = _code(f"{server}{path}", deadline=DEADLINE)
    assert got == code
    assert seconds < DEADLINE + 1.5  # refused within the deadline (generous for a loaded machine)


def test_a_trickling_server_is_cut_at_the_overall_deadline(server: str) -> None:
    code, seconds = _code(f"{server}/trickle", deadline=DEADLINE)  # per-read timeout stays 30 s
    assert code == "deadline"
    assert DEADLINE - 0.1 <= seconds < DEADLINE + 1.5  # one byte every 20 s: never near 20 s


def test_a_server_that_never_answers_times_out(server: str) -> None:
    code, seconds = _code(f"{server}/silent", deadline=10.0, timeout=0.5)
    assert code == "timeout" and seconds < 3.0
    code, seconds = _code(f"{server}/silent", deadline=DEADLINE)
    assert code == "deadline" and seconds < DEADLINE + 1.5


def test_loopback_is_refused_unless_allowed_even_by_name(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    for url in (f"{server}/page", f"http://localhost:{port}/page"):
        code, _ = _code(url, settings=GuardSettings())
        assert code == "blocked_address"


def test_a_response_claiming_pdf_is_kept_as_html_from_its_content(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERPIPE_FETCH_ALLOWED_NETWORKS", '["127.0.0.1/32"]')
    source = load(SourceRef(uri=f"{server}/claims-pdf"))
    assert source.media_type == "html"


def test_names_from_urls_never_escape_the_output_folder(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERPIPE_FETCH_ALLOWED_NETWORKS", '["127.0.0.1/32"]')
    raw, out = tmp_path / "raw", tmp_path / "deep" / "out"
    raw.mkdir()
    urls = [
        f"{server}/a/../../../../../escape.html",
        f"{server}/%2e%2e%2f%2e%2e%2fescape2.html",
        f"{server}/page?name=../../../escape3.json",
    ]
    (raw / "sources.txt").write_text("\n".join(urls) + "\n")
    summary = run_pipeline(raw, out, use_cache=False)
    assert (summary.documents_seen, summary.documents_quarantined) == (3, 0)
    outside = [p for p in tmp_path.rglob("*") if out not in p.parents and raw not in p.parents]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in outside) == ["deep", "deep/.out.lock", "deep/out", "raw"]
    documents = sorted(p.name for p in (out / "documents").iterdir())
    assert documents == sorted(f"{doc_id_for(u)}.json" for u in urls)
    assert all(re.fullmatch(r"doc-[0-9a-f]{16}\.json", name) for name in documents)


def test_name_resolution_failures_and_hangs_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def hang(*args: object, **kwargs: object) -> list[object]:
        time.sleep(8)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert _code("http://agency.example/page", deadline=DEADLINE)[0] == "unresolvable"
    monkeypatch.setattr(socket, "getaddrinfo", hang)  # a resolver that never answers in time
    code, seconds = _code("http://agency.example/page", deadline=DEADLINE)
    assert code == "deadline" and seconds < DEADLINE + 1.5
