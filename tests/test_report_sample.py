"""The review report of the sample corpus: crops of the right page regions, decisions from the
report's form, and (when Debian's chromium is installed, as `.ci/run` does) a real browser."""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path

import pdfplumber
import pytest

from pipeline.api import run_pipeline
from pipeline.datamodel.claims import Evidence
from pipeline.datamodel.records import ConflictRecord, DocumentRecord
from pipeline.publish.crops import PageImage, SourceFile, build_evidence_media
from pipeline.publish.history import RunRecord
from tests.chromium import browser, chromium_path
from tests.conftest import RAW

pytestmark = pytest.mark.slow

CONFLICTS = [
    ("Luxembourg Cluster Initiative", "starting_year"),
    ("Creative Industries", "created_year"),
    ("Walloon Region Competitive Clusters Policy", "starting_year"),
    ("Belgium", "cluster_organisations.total"),
]
CHROMIUM = chromium_path()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-sample")
    run_pipeline(RAW, folder, folder / "no-decisions.json")
    return folder


def _conflicts(out: Path) -> list[ConflictRecord]:
    return [
        ConflictRecord.model_validate_json(p.read_bytes()) for p in sorted((out / "conflicts").glob("*.json"))
    ]


def _conflict(out: Path, subject: str, attribute: str) -> ConflictRecord:
    (found,) = [c for c in _conflicts(out) if c.subject_name == subject and c.attribute == attribute]
    return found


def _run(words: list[dict], tokens: list[str], start: int) -> int:
    """How many of `tokens` follow one another in `words` from `start`."""
    n = 0
    while n < len(tokens) and start + n < len(words) and _same(words[start + n]["text"], tokens[n]):
        n += 1
    return n


def _same(word: str, token: str) -> bool:
    """Equal up to the punctuation a quote may leave out at its ends ("Brussels" in "Brussels.")."""
    return word == token or word.strip(".,;:()") == token.strip(".,;:()")


def _quote_words_inside(region: PageImage, ev: Evidence) -> bool:
    """The quote's words, found in order among pdfplumber's words of the page, all lie inside the
    crop's region. A quote that runs on to the next page must end this page's part there: its
    remaining words then open a run on the next page."""
    assert ev.page is not None
    with pdfplumber.open(RAW / ev.uri) as pdf:
        words = pdf.pages[ev.page - 1].extract_words()
        following = pdf.pages[ev.page].extract_words() if ev.page < len(pdf.pages) else []
    tokens = ev.quote.split()
    box = region.region
    for start in range(len(words)):
        n = _run(words, tokens, start)
        if n == 0:
            continue
        rest = tokens[n:]
        if rest and not any(_run(following, rest, i) == len(rest) for i in range(len(following))):
            continue
        if all(
            w["x0"] >= box.x0 and w["x1"] <= box.x1 and w["top"] >= box.top and w["bottom"] <= box.bottom
            for w in words[start : start + n]
        ):
            return True
    return False


@pytest.mark.parametrize(("subject", "attribute"), CONFLICTS)
def test_each_conflict_shows_crops_of_the_right_page_regions(out: Path, subject: str, attribute: str) -> None:
    conflict = _conflict(out, subject, attribute)
    documents = [
        DocumentRecord.model_validate_json(p.read_bytes()) for p in (out / "documents").glob("*.json")
    ]
    sources = {d.id: SourceFile(doc_id=d.id, uri=d.uri, sha256=d.sha256) for d in documents}
    evidence = [ev for v in conflict.values for ev in v.evidence]
    media = build_evidence_media(evidence, sources, RAW, out)
    report = (out / "report.html").read_text("utf-8")
    card = report[report.index(f'<article class="card conflict status-open" id="{conflict.id}"') :]
    card = card[: card.index("</article>")]
    for ev in evidence:
        view = media.view(ev)
        if ev.page is None:  # HTML: the quote marked in its context, a link that scrolls to it
            assert view is not None and view.context is not None and view.context.quote == ev.quote
            assert view.link is not None and "#:~:text=" in view.link
            assert (out / view.link.split("#")[0]).resolve() == (RAW / ev.uri).resolve()
            assert f"<mark>{html.escape(ev.quote, quote=False)}</mark>" in card
            assert f'href="{html.escape(view.link)}"' in card
            continue
        assert view is not None and view.image is not None, (ev.uri, ev.page, view)
        assert _quote_words_inside(view.image, ev), (ev.uri, ev.page, ev.quote)
        assert view.link is not None and view.link.endswith(f"#page={ev.page}")
        assert (out / view.link.split("#")[0]).resolve() == (RAW / ev.uri).resolve()
        assert f'<use href="#{view.image.id}"' in card
        assert f'href="{view.link}"' in card
        assert f'<symbol id="{view.image.id}"' in report


def test_sample_report_stays_small(out: Path) -> None:
    assert (out / "report.html").stat().st_size < 5_000_000


def test_each_run_is_in_the_history(out: Path) -> None:
    (only,) = (out / "runs").glob("*.json")
    run = RunRecord.model_validate_json(only.read_bytes())
    summary = json.loads((out / "run.json").read_text())
    assert run.run_id == only.stem == summary["id"]
    assert run.documents.new == sorted(d.uri for d in run.inputs) and len(run.inputs) == 7
    assert run.counts["conflicts"] == 4 and len(run.conflicts) == 4
    assert run.started_at < run.finished_at


# ---------------------------------------------------------------- in a browser


def _screenshot_dir() -> Path:
    folder = Path(os.environ.get("REPORT_SCREENSHOTS", "/tmp/report-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


CROPS_DECODED = """(async () => {
  const sizes = [];
  for (const el of document.querySelectorAll("svg.crop-store symbol > image")) {
    const image = new Image();
    image.src = el.getAttribute("href");
    await image.decode();
    sizes.push([image.naturalWidth, image.naturalHeight]);
  }
  const uses = [...document.querySelectorAll("svg.crop > use")];
  const linked = uses.every(u => {
    const target = document.getElementById(u.getAttribute("href").slice(1));
    return target !== null && target.tagName === "symbol";
  });
  const shown = [...document.querySelectorAll("article.conflict svg.crop")]
    .filter(s => s.getBoundingClientRect().width > 0).map(s => s.getBoundingClientRect().height);
  return {sizes, uses: uses.length, linked, shown};
})()"""


@needs_chromium
def test_report_loads_in_chromium_with_cards_and_decoded_crops(
    out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert CHROMIUM is not None
    with browser(CHROMIUM) as page:
        page.open(out / "report.html")
        cards = page.evaluate("document.querySelectorAll('article.conflict').length")
        crops = page.evaluate(CROPS_DECODED)
        forms = page.evaluate("[...document.querySelectorAll('form.decide')].filter(f => !f.hidden).length")
        shot = page.screenshot(_screenshot_dir() / "report-sample.png")
        page.drain()
        assert page.errors == []
    with capsys.disabled():
        print(f"\nscreenshot of the sample report: {shot}")
    assert cards == len(list((out / "conflicts").glob("*.json"))) == 4
    assert isinstance(crops, dict)
    assert crops["sizes"] and all(w > 0 and h > 0 for w, h in crops["sizes"])
    assert crops["linked"] and crops["uses"] >= len(crops["sizes"])
    assert crops["shown"] and all(h > 0 for h in crops["shown"])
    assert forms == 4


FILL_FORM = """(() => {
  const form = document.querySelector('form.decide[data-conflict="%s"]');
  const choice = [...form.querySelectorAll('input[name=value]')].find(i => i.getAttribute('data-json') === '%s');
  choice.checked = true;
  form.elements.reason.value = 'three sources, among them the factsheet table';
  form.elements.by.value = 'Ana <b>Reviewer</b>';
  form.requestSubmit();
  return document.getElementById('decisions-json').value;
})()"""


@needs_chromium
def test_decision_from_the_form_resolves_the_conflict_and_a_wrong_id_is_a_warning(
    out: Path, tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    work = tmp_path / "out"
    shutil.copytree(out, work)
    conflict = _conflict(work, "Luxembourg Cluster Initiative", "starting_year")
    with browser(CHROMIUM) as page:
        page.open(work / "report.html")
        produced = page.evaluate(FILL_FORM % (conflict.id, "2002"))
        entry = page.evaluate("document.querySelector('form.decide pre.entry:not([hidden])').textContent")
        page.drain()
        assert page.errors == []
    assert isinstance(produced, str) and isinstance(entry, str)
    decisions = json.loads(produced)
    assert decisions == [json.loads(entry)]
    (made,) = decisions
    assert (made["conflict_id"], made["value"], made["decided_by"]) == (
        conflict.id,
        2002,
        "Ana <b>Reviewer</b>",
    )
    assert made["values_seen"] == [v.value for v in conflict.values]
    wrong = dict(made, conflict_id="conflict-0000000000000000")
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps([*decisions, wrong]))

    summary = run_pipeline(RAW, work, path)
    resolved = _conflict(work, "Luxembourg Cluster Initiative", "starting_year")
    assert (resolved.status, resolved.resolution.value if resolved.resolution else None) == ("resolved", 2002)
    warning = "decision by Ana <b>Reviewer</b> names unknown conflict conflict-0000000000000000; not applied"
    assert summary.warnings == [warning]
    assert json.loads((work / "run.json").read_text())["warnings"] == [warning]
    report = (work / "report.html").read_text("utf-8")
    assert (
        "decision by Ana &lt;b&gt;Reviewer&lt;/b&gt; names unknown conflict conflict-0000000000000000"
        in report
    )
    since = report[report.index('<section id="since"') :]
    assert (
        f'<span class="badge ok">resolved</span> <a href="#{conflict.id}">'
        in since[: since.index("</section>")]
    )


HOSTILE_NAME = 'x"><svg onload=window.__pwned=1>.html'
PROBE = """(() => ({
  pwned: typeof window.__pwned,
  scripts: document.scripts.length,
  images: document.querySelectorAll('img').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  text: document.body.innerText,
}))()"""


@needs_chromium
def test_hostile_page_shows_as_text_and_nothing_executes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert CHROMIUM is not None
    raw = tmp_path / "raw"
    (raw / "press").mkdir(parents=True)
    page_html = (RAW / "press" / "luxembourg-lu-creative-industries-cluster.html").read_text("utf-8")
    script = "&lt;script&gt;window.__pwned = 'title'&lt;/script&gt;"
    img = "&lt;img src=x onerror=\"window.__pwned='img'\"&gt;"
    hostile = (
        page_html.replace(
            "<h1>A cluster for creative industries in the Grand Duchy!</h1>", f"<h1>{script} A cluster</h1>"
        )
        .replace(
            "<title>A cluster for creative industries in the Grand Duchy! - luxembourg.lu</title>",
            f"<title>{script}</title>",
        )
        .replace(
            "the Luxembourg Cluster Initiative was launched",
            f"the Luxembourg Cluster Initiative {img} was launched",
        )
    )
    assert hostile.count("__pwned") == 3
    (raw / "press" / HOSTILE_NAME).write_text(hostile, "utf-8")
    out = tmp_path / "out"
    run_pipeline(raw, out)
    claims = (out / "datasets" / "claims.jsonl").read_text("utf-8")
    assert "onerror=\\\"window.__pwned='img'\\\"" in claims  # the quote really carries the markup
    with browser(CHROMIUM) as page:
        page.open(out / "report.html")
        for details in ("details.doc", "details.more-evidence"):
            page.evaluate(f"document.querySelectorAll('{details}').forEach(d => d.open = true)")
        page.drain()
        probe = page.evaluate(PROBE)
        shot = page.screenshot(_screenshot_dir() / "report-hostile.png")
        page.drain()
        assert page.errors == []
    with capsys.disabled():
        print(f"\nscreenshot of the hostile page's report: {shot}")
    assert isinstance(probe, dict)
    assert probe["pwned"] == "undefined"
    assert (probe["scripts"], probe["images"], probe["handlers"]) == (1, 0, 0)
    assert "<script>window.__pwned = 'title'</script> A cluster" in probe["text"]
    assert "Initiative <img src=x onerror=\"window.__pwned='img'\"> was launched" in probe["text"]
    assert HOSTILE_NAME.replace('"', '"') in probe["text"]
