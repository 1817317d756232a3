"""Memory that does not grow with the number of documents (issue 11): the run history is scanned
one record at a time, the state fingerprint is hashed item by item, the forkserver is stopped
once the documents are processed. Each gives exactly what the all-in-memory version gave."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from pathlib import Path

import psutil
import pytest

from pipeline.publish.history import (
    ClaimPrint,
    ConflictPrint,
    DocumentChanges,
    InputFile,
    RunRecord,
    baseline,
    load_history,
    scan_history,
    state_fingerprint,
)
from pipeline.stages.pool import stop_forkserver


def _print(i: int) -> ClaimPrint:
    return ClaimPrint(
        subject_id=f"cluster-{i % 7}",
        subject_type="cluster",
        subject_name=f"Clüster «{i % 7}»",  # not ASCII: written as it is (ensure_ascii=False)
        attribute=("created_year", "mentioned", "name")[i % 3],
        doc_id=f"doc-{i:04d}",
        uri=f"press/{i:04d}.html",
        qualifier="announced" if i % 5 == 0 else None,
        value=json.dumps(2000 + i % 11),
    )


def _whole_text_fingerprint(
    inputs: list[InputFile], claims: list[ClaimPrint], conflicts: list[ConflictPrint], warnings: list[str]
) -> str:
    """The fingerprint as it was computed before: the whole payload as one JSON text."""
    payload = {
        "inputs": sorted((i.doc_id, i.sha256, i.status) for i in inputs),
        "claims": sorted(c.fact() for c in claims),
        "conflicts": sorted(c.model_dump_json() for c in conflicts),
        "warnings": sorted(warnings),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize("n", [0, 1, 40])
@pytest.mark.parametrize("order", ["shuffled", "sorted"])
def test_state_fingerprint_hashes_the_same_text_item_by_item(n: int, order: str) -> None:
    inputs = [InputFile(doc_id=f"doc-{i}", uri=f"{i}.html", sha256=f"{i:x}", status="ok") for i in range(n)]
    claims = [_print(i) for i in reversed(range(n))]
    if order == "sorted":
        claims.sort(key=ClaimPrint.fact)
    conflicts = [
        ConflictPrint(id=f"c{i}", subject_id="s", subject_name="Š", attribute="a", status="open", values=["1", "2"])
        for i in range(n // 10)
    ]
    warnings = [f"warning {i} — é" for i in range(n % 3)]
    expected = _whole_text_fingerprint(inputs, claims, conflicts, warnings)
    assert state_fingerprint(inputs, claims, conflicts, warnings) == expected


def _record(run_id: str, state: str, n_claims: int = 0) -> RunRecord:
    return RunRecord(
        run_id=run_id,
        started_at="",
        finished_at="",
        tool_version="0",
        state=state,
        inputs=[InputFile(doc_id="d", uri=f"{run_id}.html", sha256="0", status="ok")],
        documents=DocumentChanges(),
        claims=[_print(i) for i in range(n_claims)],
        conflicts=[],
    )


HISTORIES = {
    "empty": [],
    "reruns of the same state": [("20260101T0Z-a", "A"), ("20260102T0Z-b", "B"), ("20260103T0Z-c", "B")],
    "only the current state": [("20260101T0Z-a", "B")],
    "an unreadable file": [("20260101T0Z-a", "A"), ("20260102T0Z-b", None), ("20260103T0Z-c", "C")],
    "a file named out of order": [("20260105T0Z-z", "A"), ("20260101T0Z-a", "C")],
}


@pytest.mark.parametrize("history", HISTORIES, ids=list(HISTORIES))
def test_scan_history_finds_the_latest_run_and_the_baseline_of_load_history(tmp_path: Path, history: str) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    for n, (run_id, state) in enumerate(HISTORIES[history]):
        name = f"{n:02d}-{run_id}.json" if history == "a file named out of order" else f"{run_id}.json"
        text = "{broken" if state is None else _record(run_id, state, n_claims=3).model_dump_json()
        (runs / name).write_text(text, encoding="utf-8")
    loaded = load_history(tmp_path)
    scanned = scan_history(tmp_path, "B")
    assert scanned.problems == loaded.problems
    assert scanned.latest == loaded.latest
    assert scanned.baseline == baseline(loaded.runs, "B")


def test_stop_forkserver_stops_it_and_a_later_pool_starts_it_again() -> None:
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(1) as pool:
        assert pool.apply(sum, ([1, 2],)) == 3
    from multiprocessing import forkserver

    pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    assert pid is not None
    assert stop_forkserver() is True
    assert forkserver._forkserver._forkserver_pid is None  # type: ignore[attr-defined]
    assert not psutil.pid_exists(pid)  # stopped and reaped
    assert stop_forkserver() is False  # nothing left to stop
    with ctx.Pool(1) as pool:
        assert pool.apply(sum, ([3, 4],)) == 7


# ---------------------------------------------------------------- the report's per-document pages

from pipeline.api import reconcile_results  # noqa: E402
from pipeline.datamodel.results import DocumentResult  # noqa: E402
from pipeline.publish.publish import publish  # noqa: E402
from pipeline.publish.report_pages import ReportSettings  # noqa: E402
from tests.conftest import RAW, SAMPLE_URIS, sample_result  # noqa: E402

_SECTION = re.compile(r'<details class="doc" id="(claims-[^"]+)".*?\n</details>\n', re.S)
_HREF = re.compile(r'href="([^"#]*)(#[^"]*)?"')


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample published twice into sibling folders: one report page, and pages of 3."""
    results: list[DocumentResult] = [sample_result(uri) for uri in SAMPLE_URIS]
    root = tmp_path_factory.mktemp("pages")
    outs = {}
    for name, size in (("one", 200), ("paged", 3)):
        outs[name] = root / name
        reconciled = reconcile_results(results, None)
        publish(outs[name], results, reconciled, [], raw_dir=RAW, report=ReportSettings(page_documents=size))
    return outs


def _resolved(html: str, folder: Path) -> str:
    """Every relative link made absolute from the page's folder (a page sits one level below
    report.html, so the same target is written differently)."""

    def absolute(match: re.Match[str]) -> str:
        path, fragment = match.group(1), match.group(2) or ""
        if path and not path.startswith(("data:", "http:", "https:")):
            path = os.path.normpath(folder / path)
        return f'href="{path}{fragment}"'

    return _HREF.sub(absolute, html)


def _sections(path: Path) -> dict[str, str]:
    html = _resolved(path.read_text("utf-8"), path.parent)
    return {m.group(1): m.group(0) for m in _SECTION.finditer(html)}


def test_paged_report_holds_every_section_on_its_page_as_the_one_page_report_does(
    sample_outputs: dict[str, Path],
) -> None:
    one, paged = sample_outputs["one"], sample_outputs["paged"]
    assert not (one / "report").exists()
    whole = _sections(one / "report.html")
    assert len(whole) == len(SAMPLE_URIS) == 7
    pages = sorted((paged / "report").glob("*.html"))
    assert [p.name for p in pages] == ["documents-0001.html", "documents-0002.html", "documents-0003.html"]
    on_pages: dict[str, str] = {}
    for page in pages:
        sections = _sections(page)
        assert len(sections) == (1 if page.name.endswith("3.html") else 3)
        on_pages.update(sections)
    assert list(on_pages) == list(whole)  # the same order: by path
    index = (one / "report.html").as_posix()
    for anchor_id, section in whole.items():
        # a link into the index from a page reads `../report.html#x`; in the index itself `#x`
        assert on_pages[anchor_id].replace(f'href="{os.path.normpath(paged / "report.html")}#', 'href="#') == section, anchor_id
    assert index  # (the one-page report's own links stay within it)


def test_paged_index_lists_the_pages_and_links_each_document_to_its_section(
    sample_outputs: dict[str, Path],
) -> None:
    index = (sample_outputs["paged"] / "report.html").read_text("utf-8")
    assert '<details class="doc"' not in index
    pages = re.findall(r'<li data-filterable><a href="(report/documents-\d{4}\.html)">page (\d)</a>', index)
    assert pages == [(f"report/documents-000{n}.html", str(n)) for n in (1, 2, 3)]
    details = re.findall(r'<a class="small" href="([^"]+)">details</a>', index)
    assert len(details) == 7 and all(re.fullmatch(r"report/documents-000[123]\.html#claims-doc-\w+", d) for d in details)
    for href in details:
        page, fragment = href.split("#")
        assert f'<details class="doc" id="{fragment}"' in (sample_outputs["paged"] / page).read_text("utf-8")
    # from the header to the clusters the one-page report's text, but for those links; the crop
    # store holds only the crops the index itself shows (the conflicts'); the clusters' claims
    # keep their quotes (their crops are on the documents' pages)
    one = (sample_outputs["one"] / "report.html").read_text("utf-8")

    def head(html: str) -> str:
        part = html[html.index('<header class="page">') : html.index('<section id="clusters"')]
        return re.sub(r'href="[^"]*#claims-[^"]+"', "", part)

    assert head(index) == head(one)
    clusters = index[index.index('<section id="clusters"') : index.index('<section id="claims"')]
    one_clusters = one[one.index('<section id="clusters"') : one.index('<section id="claims"')]
    quotes = re.compile(r"<mark>(.*?)</mark>|<blockquote>(.*?)</blockquote>", re.S)
    assert sorted("".join(q) for q in quotes.findall(clusters)) == sorted("".join(q) for q in quotes.findall(one_clusters))
    assert "<svg class=\"crop\"" not in clusters
    used = set(re.findall(r'<use href="#(crop-[0-9a-f]+)"', index))
    assert used and used == set(re.findall(r'<symbol id="(crop-[0-9a-f]+)"', index))
    assert used < set(re.findall(r'<symbol id="(crop-[0-9a-f]+)"', one))


def test_each_page_defines_every_crop_it_shows_and_links_back_to_the_index(
    sample_outputs: dict[str, Path],
) -> None:
    shown_anywhere = 0
    for page in sorted((sample_outputs["paged"] / "report").glob("*.html")):
        html = page.read_text("utf-8")
        used = set(re.findall(r'<use href="#(crop-[0-9a-f]+)"', html))
        defined = set(re.findall(r'<symbol id="(crop-[0-9a-f]+)"', html))
        assert used == defined, page.name
        shown_anywhere += len(used)
        assert '<a href="../report.html#claims">Review report</a>' in html
        assert html.count("<script>") == 1
    assert shown_anywhere > 0  # the sample's PDFs have crops


PAGE_STATE = """(async () => {
  const sizes = [];
  for (const el of document.querySelectorAll("svg.crop-store symbol > image")) {
    const image = new Image();
    image.src = el.getAttribute("href");
    await image.decode();
    sizes.push([image.naturalWidth, image.naturalHeight]);
  }
  const open = [...document.querySelectorAll("details.doc")].filter(d => d.open).map(d => d.id);
  const filter = !document.getElementById("filter").hidden;
  return {sizes, open, filter, sections: document.querySelectorAll("details.doc").length};
})()"""


def test_a_page_opens_in_chromium_with_its_crops_and_unfolds_the_linked_section(
    sample_outputs: dict[str, Path],
) -> None:
    from tests.chromium import browser, chromium_path

    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    index = (sample_outputs["paged"] / "report.html").read_text("utf-8")
    href = next(h for h in re.findall(r'<a class="small" href="([^"]+)">details</a>', index) if "0001" in h)
    page_file, fragment = href.split("#")
    with browser(executable) as page:
        page.send("Page.navigate", {"url": (sample_outputs["paged"] / page_file).resolve().as_uri() + "#" + fragment})
        page.wait_for("Page.loadEventFired")
        page.drain()
        state = page.evaluate(PAGE_STATE)
        page.drain()
        assert page.errors == []  # no script error, no CSP violation
    assert isinstance(state, dict)
    assert state["sections"] == 3 and state["open"] == [fragment] and state["filter"] is True
    assert state["sizes"] and all(w > 0 and h > 0 for w, h in state["sizes"])


# ---------------------------------------------------------------- what entity resolution compares

from collections import Counter  # noqa: E402

from pipeline.datamodel.claims import Claim, Evidence  # noqa: E402
from pipeline.reconcile import entities  # noqa: E402
from tests.test_reconcile_blocking import generated_claims  # noqa: E402


def _copies(claims: list[Claim], n: int) -> list[Claim]:
    """The claims as n documents would make them (each its own doc id and uri)."""
    out = []
    for i in range(n):
        for c in claims:
            evidence = Evidence(doc_id=f"doc-{i}", uri=f"{i}.html", quote=c.evidence.quote, method=c.evidence.method)
            out.append(c.model_copy(update={"evidence": evidence, "id": f"{c.id}-{i}"}))
    return out


def test_counting_comparisons_changes_nothing_and_counts_what_blocking_scores() -> None:
    claims = generated_claims(300)
    counts: Counter[str] = Counter()
    assert entities.resolve(claims, counts) == entities.resolve(claims)
    assert set(counts) == set(entities.COMPARISONS)
    names = len({(c.country, entities.cluster_core(c.subject_name, c.country)) for c in claims})
    assert counts["names"] == names
    assert 0 < counts["near_exact_scored"] < counts["all_pairs"]  # blocked by length
    assert 0 < counts["suggest_rated"] < counts["all_pairs"] // 10


def test_the_same_names_in_more_documents_are_compared_once() -> None:
    """Resolution compares distinct names: ten times the documents naming the same clusters
    (as the benchmark's generated corpus does) compare exactly as much."""
    claims = generated_claims(60)
    one: Counter[str] = Counter()
    ten: Counter[str] = Counter()
    entities.resolve(_copies(claims, 1), one)
    entities.resolve(_copies(claims, 10), ten)
    assert one == ten and one["suggest_scored"] > 0


def test_a_later_run_with_fewer_pages_leaves_no_stale_page(tmp_path: Path) -> None:
    results = [sample_result(uri) for uri in SAMPLE_URIS]
    reconciled = reconcile_results(results, None)
    out = tmp_path / "out"
    seen = []
    for size in (2, 3, 200):
        publish(out, results, reconciled, [], raw_dir=RAW, report=ReportSettings(page_documents=size))
        seen.append(sorted(p.name for p in (out / "report").glob("*")) if (out / "report").exists() else [])
        listed = json.loads((out / "manifest.json").read_text())["files"]
        assert sorted(f["path"] for f in listed if f["path"].startswith("report/")) == [f"report/{n}" for n in seen[-1]]
    assert [len(s) for s in seen] == [4, 3, 0]
