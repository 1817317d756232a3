"""The cross-document gazetteer (pipeline/stages/gazetteer.py) and its second prose pass."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

import pipeline.stages.gazetteer as gz
from pipeline.api import run_pipeline
from pipeline.datamodel.claims import Claim, Evidence
from pipeline.datamodel.document import Block, Document, DocumentKind
from pipeline.datamodel.results import DocumentResult, MentionNote, SourceRef, Status
from pipeline.stages.cache import ResultCache
from pipeline.stages.discover import discover, load
from pipeline.stages.gazetteer import (
    Gazetteer,
    build_gazetteer,
    names_for,
    second_pass,
    second_pass_key,
    summarise,
)
from pipeline.stages.process import extract_claims, process
from tests.conftest import published_bytes

# a page that names the organisation only by its bare name: no rule of its own makes it a cluster
BARE_PAGE = (
    "<html><head><title>Food network news</title></head><body><article>"
    "<h1>Growers and processors share a new cold store</h1>"
    "<p>Agrinova was set up in 2007 by the regional food federation. Its forty members now run a "
    "shared cold store near the river port, and the cluster plans a joint packaging line for next "
    "spring.</p><p>Together with Vitalis, the members bought two electric lorries last year.</p>"
    "</article></body></html>"
)
# an earlier page that says Agrinova is a cluster (an apposition)
NAMING_PAGE = (
    "<html><head><title>Clusters of the southern region</title></head><body><article>"
    "<h1>Clusters of the southern region</h1>"
    "<p>Agrinova, the agri-food cluster of the southern region, works with growers, dairies and "
    "bakeries on storage and logistics.</p><p>The region also supports a furniture network and a "
    "tourism platform through small innovation vouchers.</p></article></body></html>"
)
# an unrelated page: the gazetteer has nothing to say about it
OTHER_PAGE = (
    "<html><head><title>Vouchers</title></head><body><article><h1>Innovation vouchers</h1>"
    "<p>The Coastal Tourism Cluster was founded in 2011 and now counts sixty hotels, guides and "
    "ferry companies along the bay.</p></article></body></html>"
)
SENTENCE = "Agrinova was set up in 2007 by the regional food federation."
FACTSHEET_TEXT = (
    "Agrinova, the agri-food cluster of the southern region, gathers growers and processors.",
    "The Alpine Wood Cluster and the cluster manager Dr Lena Hofer met the regional development agency.",
)


def make_factsheet(doc_id: str, *paragraphs: str, country: str = "AT") -> DocumentResult:
    """A factsheet's first-pass result: its prose run through the real extractors."""
    blocks, offset = [], 0
    for i, text in enumerate(paragraphs):
        blocks.append(
            Block(kind="paragraph", text=text, start=offset, end=offset + len(text), page=2, locator=f"p{i}")
        )
        offset += len(text) + 2
    doc = Document(
        doc_id=doc_id,
        uri=f"factsheets/{doc_id}.pdf",
        sha256="f" * 64,
        media_type="pdf",
        kind=DocumentKind.FACTSHEET,
        blocks=blocks,
        text="\n\n".join(paragraphs),
    )
    extraction = extract_claims(doc, country)
    return DocumentResult(
        uri=doc.uri,
        doc_id=doc_id,
        sha256=doc.sha256,
        media_type="pdf",
        status=Status.OK,
        kind=DocumentKind.FACTSHEET,
        country=country,
        claims=extraction.claims,
        mentions=extraction.mentions,
    )


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw" / "press"
    folder.mkdir(parents=True)
    (folder / "food-network-news.html").write_text(BARE_PAGE, encoding="utf-8")
    (folder / "vouchers.html").write_text(OTHER_PAGE, encoding="utf-8")
    return tmp_path / "raw"


def first_pass(raw: Path) -> tuple[list[SourceRef], list[DocumentResult]]:
    refs = discover(raw)
    return refs, [process(load(ref)) for ref in refs]


def by_uri(results: Sequence[DocumentResult], uri: str) -> DocumentResult:
    return next(r for r in results if r.uri == uri)


def agrinova(result: DocumentResult) -> list[Claim]:
    return [c for c in result.claims if c.subject_name == "Agrinova"]


BARE = "press/food-network-news.html"


def test_first_pass_alone_takes_no_bare_name(raw: Path) -> None:
    _, results = first_pass(raw)
    assert agrinova(by_uri(results, BARE)) == []
    assert "Agrinova" not in {m.text for m in by_uri(results, BARE).mentions}


def test_factsheet_name_gives_the_claim_with_its_provenance(raw: Path) -> None:
    refs, results = first_pass(raw)
    factsheet = make_factsheet("doc-at-factsheet", *FACTSHEET_TEXT)
    out = second_pass(refs, [factsheet, *results], None)
    claims = agrinova(by_uri(out, BARE))
    dated = [c for c in claims if c.attribute == "created_year"]
    assert [(c.subject_type, c.value, c.qualifier, c.evidence.quote, c.evidence.method) for c in dated] == [
        ("cluster", 2007, "set up", SENTENCE, "nlp.event")
    ]
    provenance = dated[0].extra_evidence[-1]
    assert (provenance.doc_id, provenance.uri, provenance.method, provenance.quote) == (
        "doc-at-factsheet",
        "factsheets/doc-at-factsheet.pdf",
        "gazetteer.prose.apposition",
        FACTSHEET_TEXT[0],
    )
    mention = next(c for c in claims if c.attribute == "mentioned")
    assert (mention.qualifier, mention.evidence.quote) == ("gazetteer", SENTENCE)
    notes = [m for m in by_uri(out, BARE).mentions if m.text == "Agrinova"]
    assert [(m.taken, m.family, m.source) for m in notes] == [
        (True, "gazetteer", "doc-at-factsheet prose.apposition")
    ]
    assert out.redone_uris == [BARE]  # the untouched page and the factsheet keep their first pass
    assert by_uri(out, "press/vouchers.html") == by_uri(results, "press/vouchers.html")


def test_an_earlier_page_names_it_too(raw: Path) -> None:
    (raw / "press" / "regional-clusters.html").write_text(NAMING_PAGE, encoding="utf-8")
    refs, results = first_pass(raw)
    out = second_pass(refs, results, None)
    dated = [c for c in agrinova(by_uri(out, BARE)) if c.attribute == "created_year"]
    assert [(c.value, c.evidence.quote) for c in dated] == [(2007, SENTENCE)]
    assert [e.method for e in dated[0].extra_evidence] == ["gazetteer.prose.apposition"]
    assert out.redone_uris == [BARE]  # the naming page took the name itself: not redone


def dumped(results: Sequence[DocumentResult]) -> list[str]:
    """Results as JSON, by uri, without the time each took."""
    return [r.model_dump_json(exclude={"seconds"}) for r in sorted(results, key=lambda r: r.uri)]


def test_independent_of_document_order(raw: Path) -> None:
    (raw / "press" / "regional-clusters.html").write_text(NAMING_PAGE, encoding="utf-8")
    refs, results = first_pass(raw)
    factsheets = [make_factsheet("doc-at-a", *FACTSHEET_TEXT), make_factsheet("doc-at-b", FACTSHEET_TEXT[0])]
    forward = second_pass(refs, [*factsheets, *results], None)
    backward = second_pass(refs[::-1], [*results, *factsheets][::-1], None)
    assert forward.gazetteer == backward.gazetteer
    assert dumped(forward) == dumped(backward)
    entry = next(e for e in forward.gazetteer.entries if e.name == "Agrinova")
    naming = by_uri(results, "press/regional-clusters.html").doc_id
    assert [s.doc_id for s in entry.sources] == ["doc-at-a", "doc-at-b", naming]  # sorted by uri


def test_gazetteer_of_a_factsheet() -> None:
    gazetteer = build_gazetteer([summarise(make_factsheet("doc-at", *FACTSHEET_TEXT))])
    assert [(e.country, e.name, e.label, [s.rule for s in e.sources]) for e in gazetteer.entries] == [
        ("AT", "Agrinova", "CLUSTER", ["prose.apposition"]),
        ("AT", "Alpine Wood Cluster", "CLUSTER", ["prose.x_cluster"]),
    ]


def claim_about(
    name: str, quote: str, *, subject_type: str = "cluster", method: str = "nlp.mention"
) -> Claim:
    evidence = Evidence(doc_id="doc-src", uri="src.html", quote=quote, method=method)
    return Claim.create(
        subject_type=subject_type,  # type: ignore[arg-type]
        subject_name=name,
        attribute="mentioned" if method == "nlp.mention" else "name",
        value=name,
        evidence=evidence,
        extractor="prose" if method == "nlp.mention" else method.split(".")[0],
        country="AT",
    )


def source_result(name: str, family: str, *, method: str = "nlp.mention") -> DocumentResult:
    quote = f"In the valley, {name} works with growers."
    notes = (
        [MentionNote(text=name, label="CLUSTER", taken=True, family=family)]
        if method == "nlp.mention"
        else []
    )
    return DocumentResult(
        uri="src.html",
        doc_id="doc-src",
        sha256="s",
        media_type="html",
        status=Status.OK,
        kind=DocumentKind.PRESS_PAGE,
        country="AT",
        claims=[claim_about(name, quote, method=method)],
        mentions=notes,
    )


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Cluster Manager", "x_cluster_y"),  # a role title
        ("Cluster President", "x_cluster_y"),
        ("Dr Lena Hofer", "apposition"),  # a person
        ("Business Cluster", "x_cluster"),  # a generic head
        ("Regional Innovation Cluster", "x_cluster"),
        ("Austria", "apposition"),  # a country
        ("Regional Development Agency", "copula"),  # an agency
        ("Wood", "enumeration"),  # one plain word from a list: a common noun elsewhere
        ("cluster for the food industry", "lower_cluster_for_x"),  # a description
        ("Lakeside Digital Hub", "x_org_head"),  # a weak rule
        ("Creative Industries", "name_year"),  # the list heuristic
    ],
)
def test_names_that_never_enter(name: str, family: str) -> None:
    assert build_gazetteer([summarise(source_result(name, family))]).entries == []


@pytest.mark.parametrize(
    ("name", "family", "rule"),
    [
        ("Agrinova", "apposition", "prose.apposition"),
        ("AutoTec", "camelcase", "prose.camelcase"),
        ("Lakeside Food Cluster", "x_cluster", "prose.x_cluster"),
    ],
)
def test_names_that_enter(name: str, family: str, rule: str) -> None:
    entries = build_gazetteer([summarise(source_result(name, family))]).entries
    assert [(e.name, [s.rule for s in e.sources]) for e in entries] == [(name, [rule])]


def test_a_structured_source_enters_with_its_method() -> None:
    result = source_result("Agri-Food Growth Programme", "", method="factsheet.policy_table")
    result = result.model_copy(
        update={"claims": [c.model_copy(update={"subject_type": "policy"}) for c in result.claims]}
    )
    entries = build_gazetteer([summarise(result)]).entries
    assert [(e.name, e.label, [s.rule for s in e.sources]) for e in entries] == [
        ("Agri-Food Growth Programme", "POLICY", ["factsheet.policy_table"])
    ]


@pytest.mark.parametrize(("country", "expected"), [("AT", ["Agrinova"]), (None, ["Agrinova"]), ("PT", [])])
def test_names_stay_in_their_country(country: str | None, expected: list[str]) -> None:
    gazetteer = build_gazetteer([summarise(make_factsheet("doc-at", FACTSHEET_TEXT[0]))])
    summary = summarise(
        DocumentResult(
            uri="p.html",
            doc_id="doc-p",
            sha256="p",
            media_type="html",
            status=Status.OK,
            kind=DocumentKind.PRESS_PAGE,
            country=country,
        )
    )
    assert [u.name for u in names_for(gazetteer, summary, SENTENCE)] == expected


def test_a_name_inside_a_taken_name_is_not_a_new_use() -> None:
    gazetteer = build_gazetteer([summarise(make_factsheet("doc-at", FACTSHEET_TEXT[0]))])
    summary = summarise(
        DocumentResult(
            uri="p.html",
            doc_id="doc-p",
            sha256="p",
            media_type="html",
            status=Status.OK,
            kind=DocumentKind.PRESS_PAGE,
            claims=[claim_about("Agrinova Cluster", "The Agrinova Cluster grew.")],
        )
    )
    assert names_for(gazetteer, summary, "The Agrinova Cluster grew.") == []
    assert [u.name for u in names_for(gazetteer, summary, "The Agrinova Cluster grew. Agrinova hired.")] == [
        "Agrinova"
    ]


def uses_for(gazetteer: Gazetteer, text: str) -> list[gz.NameUse]:
    summary = summarise(
        DocumentResult(
            uri="p.html",
            doc_id="doc-p",
            sha256="p",
            media_type="html",
            status=Status.OK,
            kind=DocumentKind.PRESS_PAGE,
        )
    )
    return names_for(gazetteer, summary, text)


def test_second_pass_key_follows_the_names_used_only() -> None:
    text = "Agrinova and Vitalis bought two lorries."
    small = build_gazetteer([summarise(make_factsheet("doc-a", FACTSHEET_TEXT[0]))])
    unrelated = build_gazetteer(
        [
            summarise(make_factsheet("doc-a", FACTSHEET_TEXT[0])),
            summarise(make_factsheet("doc-b", "Portwell, the maritime cluster of the coast, grew.")),
        ]
    )
    wider = build_gazetteer(
        [
            summarise(make_factsheet("doc-a", FACTSHEET_TEXT[0])),
            summarise(make_factsheet("doc-c", "Vitalis, the health cluster of the valley, grew.")),
        ]
    )
    key = second_pass_key(uses_for(small, text), "fp")
    assert second_pass_key(uses_for(unrelated, text), "fp") == key  # a name the page lacks
    assert second_pass_key(uses_for(wider, text), "fp") != key  # a name the page holds
    assert second_pass_key(uses_for(small, text), "other-extractor") != key


def test_warm_runs_stay_warm_and_a_changed_gazetteer_redoes_only_what_it_must(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refs, results = first_pass(raw)
    cache = ResultCache(tmp_path / "cache" / "documents", "fp-test")
    calls: list[str] = []
    import pipeline.stages.process as stage

    real = stage.process

    def counting(source, known_names=None):  # type: ignore[no-untyped-def]
        calls.append(f"{source.uri} {sorted(known_names or {})}")
        return real(source, known_names)

    monkeypatch.setattr(stage, "process", counting)
    factsheet = make_factsheet("doc-a", FACTSHEET_TEXT[0])
    cold = second_pass(refs, [factsheet, *results], cache)
    assert calls == [f"{BARE} ['Agrinova']"]
    warm = second_pass(refs, [factsheet, *results], cache)
    assert calls == [f"{BARE} ['Agrinova']"]  # nothing extracted again
    assert dumped([r.model_copy(update={"cached": False}) for r in warm]) == dumped(
        [r.model_copy(update={"cached": False}) for r in cold]
    )
    assert by_uri(warm, BARE).cached is True
    unrelated = make_factsheet("doc-b", "Portwell, the maritime cluster of the coast, grew.")
    second_pass(refs, [factsheet, unrelated, *results], cache)
    assert calls == [f"{BARE} ['Agrinova']"]  # the page holds no new name: still warm
    wider = make_factsheet("doc-c", "Vitalis, the health cluster of the valley, grew.")
    second_pass(refs, [factsheet, wider, *results], cache)
    assert calls == [f"{BARE} ['Agrinova']", f"{BARE} ['Agrinova', 'Vitalis']"]


def test_a_source_that_cannot_be_read_again_keeps_its_first_pass(raw: Path) -> None:
    refs, results = first_pass(raw)
    (raw / "press" / "food-network-news.html").write_text(BARE_PAGE.replace("2007", "2008"), encoding="utf-8")
    out = second_pass(refs, [make_factsheet("doc-a", FACTSHEET_TEXT[0]), *results], None)
    page = by_uri(out, BARE)
    assert agrinova(page) == []
    assert page.warnings[-1] == f"gazetteer second pass skipped: OSError: {BARE} changed since its first pass"


@pytest.mark.parametrize("in_process", [True, False], ids=["in-process", "pool"])
def test_run_pipeline_publishes_the_gazetteer_claim(raw: Path, tmp_path: Path, in_process: bool) -> None:
    (raw / "press" / "regional-clusters.html").write_text(NAMING_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    run_pipeline(raw, out, in_process=in_process)
    claims = [json.loads(line) for line in (out / "datasets" / "claims.jsonl").read_text().splitlines()]
    dated = [
        (
            c["evidence"]["uri"],
            c["value"],
            c["evidence"]["quote"],
            [e["method"] for e in c.get("extra_evidence", [])],
        )
        for c in claims
        if c["subject_name"] == "Agrinova" and c["attribute"] == "created_year"
    ]
    assert dated == [(BARE, 2007, SENTENCE, ["gazetteer.prose.apposition"])]


@pytest.mark.parametrize(
    ("kind", "method"),
    [
        (DocumentKind.PRESS_PAGE, "nlp.event"),
        (DocumentKind.FACTSHEET, "nlp.event"),  # its prose blocks
        (DocumentKind.PRESENTATION, "slides.nlp.event"),  # the slides' prose rules
    ],
)
def test_every_prose_extractor_takes_the_names(kind: DocumentKind, method: str) -> None:
    heading = "Food clusters"
    blocks = [
        Block(kind="heading", text=heading, start=0, end=len(heading), page=1),
        Block(
            kind="paragraph",
            text=SENTENCE,
            start=len(heading) + 2,
            end=len(heading) + 2 + len(SENTENCE),
            page=1,
        ),
    ]
    doc = Document(
        doc_id="doc-k",
        uri="k",
        sha256="0",
        media_type="pdf",
        kind=kind,
        blocks=blocks,
        text=f"{heading}\n\n{SENTENCE}",
    )
    assert extract_claims(doc, None).claims == []
    dated = [
        (c.subject_name, c.value, c.evidence.method)
        for c in extract_claims(doc, None, {"Agrinova": "CLUSTER"}).claims
        if c.attribute == "created_year"
    ]
    assert dated == [("Agrinova", 2007, method)]


def test_prefect_flow_publishes_the_same_bytes_as_the_library(raw: Path, tmp_path: Path) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from pipeline.flows import run_flow

    (raw / "press" / "regional-clusters.html").write_text(NAMING_PAGE, encoding="utf-8")
    run_flow(str(raw), str(tmp_path / "flow"))
    run_pipeline(raw, tmp_path / "library")
    flow = published_bytes(tmp_path / "flow")
    assert flow == published_bytes(tmp_path / "library")
    assert b"gazetteer.prose.apposition" in flow["datasets/claims.jsonl"]  # the second pass ran in both


def test_the_worker_keeps_the_text_so_the_second_pass_parses_nothing_again(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.stages.pool import Job, run_job

    cache = ResultCache(tmp_path / ".cache" / "documents")
    refs = discover(raw)
    for ref in refs:
        run_job(Job(ref=ref), cache, read_cache=False, limit_mib=1024)
    store = gz.second_pass_cache(cache)
    assert store is not None
    page = next(r for r in refs if r.uri.endswith(".html"))
    source = load(page)
    assert store.text(source.doc_id, source.sha256) == gz.prose_text(source)

    def no_parse(source: object) -> str:
        raise AssertionError("the second pass parsed a document again")

    monkeypatch.setattr(gz, "prose_text", no_parse)
    results = [cache.get(load(r)) for r in refs]
    assert all(r is not None for r in results)
    factsheet = make_factsheet("doc-at-factsheet", *FACTSHEET_TEXT)
    out = gz.second_pass(refs, [factsheet, *results], cache)  # type: ignore[list-item]
    assert out.redone_uris == [BARE]  # the names were looked for in the kept text, not a new parse
