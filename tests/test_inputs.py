"""Inputs stay inside raw/: links leading out are refused and recorded; any file name gets a
stable id and a record; oversized files are refused before they are read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.api import load_and_process
from pipeline.datamodel.base import stable_id
from pipeline.datamodel.results import SourceRef, Status
from pipeline.stages.discover import SourceError, discover, display_path, doc_id_for, load
from tests.conftest import RAW

PAGE = RAW / "press" / "luxembourg-lu-creative-industries-cluster.html"


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    """A folder beside raw/ holding a secret and a copy of a real page."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.txt").write_text("root:x:0:0:not for the datasets\n")
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    return folder


@pytest.fixture()
def raw(tmp_path: Path, outside: Path) -> Path:
    folder = tmp_path / "raw"
    (folder / "press").mkdir(parents=True)
    (folder / "press" / "page.html").write_bytes(PAGE.read_bytes())
    (folder / "press" / "inside-link.html").symlink_to(folder / "press" / "page.html")
    (folder / "leak.html").symlink_to(outside / "secret.txt")
    (folder / "copied.html").symlink_to(outside / "page.html")
    (folder / "outdir").symlink_to(outside, target_is_directory=True)
    (folder / "dangling.pdf").symlink_to(outside / "missing.pdf")
    return folder


def _by_uri(raw: Path) -> dict[str, SourceRef]:
    return {ref.uri: ref for ref in discover(raw)}


def test_every_link_is_listed_so_that_it_is_recorded(raw: Path) -> None:
    assert sorted(_by_uri(raw)) == [
        "copied.html",
        "dangling.pdf",
        "leak.html",
        "outdir",
        "press/inside-link.html",
        "press/page.html",
    ]


@pytest.mark.parametrize("uri", ["leak.html", "copied.html", "outdir", "dangling.pdf"])
def test_links_leaving_raw_are_refused_with_a_specific_code(raw: Path, uri: str) -> None:
    result = load_and_process(_by_uri(raw)[uri])
    assert result.status == Status.QUARANTINED
    assert [(e.stage, e.code) for e in result.errors] == [("load", "symlink_outside_raw")]
    assert result.claims == []


def test_a_link_inside_raw_is_read(raw: Path) -> None:
    source = load(_by_uri(raw)["press/inside-link.html"])
    assert source.data == PAGE.read_bytes()


def test_links_leaving_raw_are_followed_only_when_the_setting_says_so(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERPIPE_FOLLOW_EXTERNAL_SYMLINKS", "true")
    refs = _by_uri(raw)
    assert "outdir/page.html" in refs and "outdir" not in refs  # the linked folder is walked
    assert load(refs["copied.html"]).data == PAGE.read_bytes()
    with pytest.raises(SourceError) as info:  # followed, but there is nothing there
        load(refs["dangling.pdf"])
    assert info.value.code == "not_a_file"


def test_a_file_over_the_input_size_cap_is_refused_before_it_is_read(
    raw: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERPIPE_MAX_INPUT_BYTES", "1000")
    result = load_and_process(_by_uri(raw)["press/page.html"])
    assert [e.code for e in result.errors] == ["too_large"]
    assert "max_input_bytes=1000" in result.errors[0].message


NAMES = [b"caf\xe9-latin1.html", b"bad-\xff\xfe.html", b"r\xc3\xa9sum\xc3\xa9.html", b"cut-\xe2\x82.html"]


@pytest.mark.parametrize("name", NAMES, ids=["latin1", "ff-fe", "utf8", "truncated-utf8"])
def test_any_file_name_gets_a_stable_id_and_a_record(tmp_path: Path, name: bytes) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / os.fsdecode(name)).write_bytes(PAGE.read_bytes())
    (ref,) = discover(raw)
    expected_uri = name.decode("utf-8", "backslashreplace")
    assert ref.uri == expected_uri
    result = load_and_process(ref)
    assert result.status == Status.OK and result.claims
    assert result.doc_id == doc_id_for(expected_uri) == stable_id("doc", {"uri": expected_uri})
    json.loads(result.model_dump_json())  # the record is writable JSON


def test_stable_id_hashes_surrogate_escapes_and_keeps_old_ids() -> None:
    assert stable_id("policy", {"country": "LU", "name": "x"}) == "policy-687aa503132d100e"
    assert stable_id("doc", {"uri": "caf\udce9.html"}) != stable_id("doc", {"uri": "caf\udce8.html"})


def test_display_path_is_stable_and_valid_unicode() -> None:
    from pathlib import PurePath

    assert display_path(PurePath(os.fsdecode(b"a/b\xff.pdf"))) == "a/b\\xff.pdf"
    assert display_path(PurePath("a/b.pdf")) == "a/b.pdf"


def test_an_html_page_over_its_cap_is_refused_from_its_first_kib(tmp_path: Path) -> None:
    from tests.hostile_inputs import huge_html

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "huge.html").write_bytes(huge_html(11 * 1024 * 1024))
    (raw / "big.pdf").write_bytes(b"%PDF-1.4\n" + b" " * (11 * 1024 * 1024))  # not HTML: read, then parsed
    refs = _by_uri(raw)
    with pytest.raises(SourceError) as info:
        load(refs["huge.html"])
    assert info.value.code == "too_large" and "html_max_bytes=10485760" in info.value.message
    assert load(refs["big.pdf"]).media_type == "pdf"


def test_load_errors_keep_their_code_across_processes() -> None:
    import pickle

    from pipeline.stages.fetch import FetchError

    for error in (SourceError("symlink_outside_raw", "x.pdf"), FetchError("blocked_address", "y")):
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), copy.code, str(copy)) == (type(error), error.code, str(error))


@pytest.mark.parametrize(
    ("code", "retry"),
    [
        ("timeout", True),
        ("deadline", True),
        ("network", True),
        ("http_503", True),
        ("http_429", True),
        ("http_404", False),
        ("blocked_address", False),
        ("blocked_scheme", False),
        ("too_large", False),
        ("redirect_loop", False),
    ],
)
def test_only_transient_load_failures_are_worth_retrying(code: str, retry: bool) -> None:
    from pipeline.stages.discover import worth_retrying
    from pipeline.stages.fetch import FetchError

    assert worth_retrying(FetchError(code, "u")) is retry
    assert worth_retrying(SourceError("symlink_outside_raw", "x")) is False
    assert worth_retrying(OSError("disk")) is True
