from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.datamodel.results import DocumentResult
from pipeline.stages.discover import discover, load
from pipeline.stages.process import process

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/* from the current extractors instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


_RESULTS: dict[str, DocumentResult] = {}


def sample_result(uri: str) -> DocumentResult:
    """Process one sample document once per test session."""
    if uri not in _RESULTS:
        ref = next(r for r in discover(RAW) if r.uri == uri)
        _RESULTS[uri] = process(load(ref))
    return _RESULTS[uri]


SAMPLE_URIS = [r.uri for r in discover(RAW)]


_SINCE = re.compile(rb'<li><a href="#since">.*?</li>|<section id="since".*?</section>', re.S)
_SOURCE_LINK = re.compile(rb'href="(?:\.\./|/)[^"#]*')


def published_bytes(out: Path) -> dict[str, bytes]:
    """Every published file's bytes, keyed by relative path, without what varies per run
    (run.json, runs/, the cache, the manifest's `run` block) or with where the output lies: the
    report's "since the last run" section depends on the folder's history and its links to the
    sources are relative to the output folder, so both are blanked (and the report's checksum in
    the manifest is dropped); the report's own tests check those parts."""
    import json

    files = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if not path.is_file() or rel == "run.json" or rel.split("/")[0] in ("runs", ".cache"):
            continue
        data = path.read_bytes()
        if rel == "manifest.json":
            manifest = json.loads(data)
            manifest.pop("run")
            manifest["files"] = [f for f in manifest["files"] if f["path"] != "report.html"]
            data = json.dumps(manifest, sort_keys=True).encode()
        elif rel == "report.html":
            data = _SOURCE_LINK.sub(b'href="SOURCE', _SINCE.sub(b"", data))
        files[rel] = data
    return files


# The construction tests of tests/test_nlp_*.py test the positional rules: each case says what the
# rules read from a sentence. The learned binder that runs after them by default has its own tests
# (tests/test_binder.py) and its own measured figures (tests/eval/press/README.md).
RULE_MODULES = re.compile(r"^test_nlp_.*\.py$")


@pytest.fixture(autouse=True)
def _rules_alone_in_rule_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if RULE_MODULES.match(request.path.name):
        monkeypatch.setenv("CLUSTERPIPE_NLP_BINDER", "false")
