"""A gazetteer grown from the corpus itself, and the second extraction pass it feeds.

first pass (pool, cache) ─► summarise ─► build_gazetteer ─► names_for ─► second pass ─► reconcile
 DocumentResult             DocumentSummary  Gazetteer        (per page)    DocumentResult

Every document is first extracted on its own. Cluster organisations and policies that one
document names for certain (a factsheet's policy table, a slide's cluster list, a prose mention
made by a strong rule such as "X Cluster" or "Agrinova, the food cluster of the region") are
collected, with their aliases ("CML" for "Cluster Maritime Luxembourgeois asbl"), into a typed
`Gazetteer` that records which document and which rule made each name. A prose document (press
page, factsheet prose, slide deck: every extractor registered `with_names`) whose text holds a
gazetteer name that its own first pass did not take is extracted once more with only those names
as `known_names`; documents the gazetteer does not touch keep their first-pass result.

- Pure and deterministic: names and sources are sorted, so the result does not depend on the
  order documents were processed in. Names are kept per country (a document of another country
  does not see them).
- Memory: the results are read one at a time (they may be streamed from the cache) and only
  small `DocumentSummary`s are kept; second-pass results go to their own cache and are read back
  lazily (`SecondPassResults`).
- Cache: the second pass of a document is keyed by its bytes, the extractor fingerprint and the
  exact names it was given (`second_pass_key`), so warm runs stay warm and a changed gazetteer
  re-extracts only the documents whose names changed. The text used to find names is cached too.
- Provenance: a claim about a gazetteer name gets one more evidence item, the source document's
  own evidence for the name (method `gazetteer.<rule>`, e.g. `gazetteer.prose.apposition`), and
  its mention note records `source` (`<doc_id> <rule>`).
- Second passes run in this process, one document at a time (they are few, and every one of them
  already went through the pool's deadline and memory cap once).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, overload

from pydantic import ValidationError

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.claims import Claim, Evidence
from pipeline.datamodel.document import Document, DocumentKind
from pipeline.datamodel.results import DocumentResult, LoadedSource, MentionNote, SourceRef, Status
from pipeline.models.nlp.patterns import pattern_countries, pattern_name_lexicon
from pipeline.stages.cache import ResultCache, extractor_fingerprint
from pipeline.stages.discover import load
from pipeline.stages.registry import backends, extractors
from pipeline.storage import atomic_write, to_json

__all__ = [
    "DocumentSummary",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerRules",
    "GazetteerSource",
    "SecondPassResults",
    "build_gazetteer",
    "names_for",
    "pattern_gazetteer_rules",
    "second_pass",
    "second_pass_key",
    "summarise",
]

RULES_FILE = Path(__file__).parent / "rules" / "gazetteer.json"
GAZETTEER_METHOD = "gazetteer"  # evidence method prefix of the provenance evidence
_SKIPPED_BLOCKS = frozenset({"furniture", "meta"})  # as the prose extractor skips them

Label = Literal["CLUSTER", "POLICY"]


class GazetteerRulesError(ValueError):
    """The gazetteer rule file is missing or malformed."""


@dataclass(frozen=True)
class GazetteerRules:
    structured_methods: frozenset[str]
    strong_families: frozenset[str]
    bare_name_families: frozenset[str]
    joiners: frozenset[str]
    min_chars: int


@cache
def pattern_gazetteer_rules() -> GazetteerRules:
    """Which first-pass names the gazetteer takes (`stages/rules/gazetteer.json`).

    >>> rules = pattern_gazetteer_rules()
    >>> "apposition" in rules.strong_families, "x_org_head" in rules.strong_families
    (True, False)
    >>> "factsheet.policy_table" in rules.structured_methods
    True
    """
    try:
        data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
        return GazetteerRules(
            structured_methods=frozenset(data["structured_methods"]),
            strong_families=frozenset(data["strong_families"]),
            bare_name_families=frozenset(data["bare_name_families"]),
            joiners=frozenset(w.lower() for w in data["joiners"]),
            min_chars=int(data["min_chars"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GazetteerRulesError(f"cannot load rule file {RULES_FILE}: {exc}") from exc


# ------------------------------------------------------------------ types


class GazetteerSource(StrictModel):
    """One document naming a gazetteer entry: which one, by which rule, and its evidence."""

    doc_id: str
    uri: str
    rule: str  # "factsheet.policy_table", "prose.apposition", "slides.cluster_list", ...
    evidence: Evidence  # where that document names it (its quote holds the name)


class GazetteerEntry(StrictModel):
    name: str
    label: Label
    country: str | None
    aliases: list[str]  # sorted
    sources: list[GazetteerSource]  # sorted by (uri, rule, locator)

    @property
    def primary(self) -> GazetteerSource:
        return self.sources[0]


class Gazetteer(StrictModel):
    """Names known from the run's documents, sorted by (country, name)."""

    entries: list[GazetteerEntry]


class Candidate(StrictModel):
    """A name one document offers the gazetteer."""

    name: str
    label: Label
    country: str | None
    source: GazetteerSource
    alias_of: str | None = None  # an acronym: the full name it stands for


class DocumentSummary(StrictModel):
    """What the gazetteer needs of one first-pass result (kept for every document of a run)."""

    uri: str
    doc_id: str
    sha256: str
    status: Status
    kind: DocumentKind
    media_type: str | None = None
    country: str | None
    taken: list[str]  # names the document's own first pass took as a cluster or policy (sorted)
    candidates: list[Candidate]


# ------------------------------------------------------------------ summarise and build


def _is_plain_word(word: str) -> bool:
    """A word that may as well be a common noun: Title-case letters only ("Wood", "Agrinova")."""
    return word.isalpha() and word[:1].isupper() and word[1:].islower()


def acceptable_name(
    name: str, family: str, rules: GazetteerRules | None = None, *, label: Label = "CLUSTER"
) -> bool:
    """Whether a name may enter the gazetteer: not a person, a role, a country, a generic phrase
    or an agency, and not a single plain word unless the text said it is a cluster.

    >>> [acceptable_name(n, "x_cluster") for n in
    ...  ["Lakeside Food Cluster", "Cluster Manager", "Business Cluster", "Dr Smith", "Belgium"]]
    [True, False, False, False, False]
    >>> acceptable_name("Agrinova", "apposition"), acceptable_name("Wood", "enumeration")
    (True, False)
    >>> acceptable_name("AutoTec", "camelcase"), acceptable_name("Regional Food Federation", "apposition")
    (True, False)
    """
    rules = rules or pattern_gazetteer_rules()
    lex = pattern_name_lexicon()
    words = name.split()
    lower = [w.lower().strip(".,") for w in words]
    if len(name) < rules.min_chars or not words or not name[0].isupper() and not name[0].isdigit():
        return False  # "cluster for the creative industries": a description, not a name
    if name in pattern_countries():
        return False
    if lower[0] in lex.person_titles or any(w in lex.role_titles for w in lower):
        return False  # "Dr Anna Berg", "Cluster Manager", "Head of the Wood Cluster"
    if label == "CLUSTER" and any(w in lex.non_cluster_org_words for w in lower):
        return False  # ministries, agencies, federations are not clusters
    generic = lex.generic_modifiers | lex.cluster_nouns | lex.generic_heads | lex.policy_heads | rules.joiners
    if all(w in generic for w in lower):
        return False  # "Business Cluster", "Regional Cluster Initiative": a description, not a name
    # "Wood" from a list is too easily a common noun elsewhere
    return not (len(words) == 1 and _is_plain_word(name) and family not in rules.bare_name_families)


def _label(claim: Claim) -> Label | None:
    return {"cluster": "CLUSTER", "policy": "POLICY"}.get(claim.subject_type)  # type: ignore[return-value]


def _families(result: DocumentResult) -> dict[str, list[str]]:
    """Taken mention text -> the rules that took it (sorted), from the page's mention list."""
    out: dict[str, set[str]] = {}
    for note in result.mentions:
        if note.taken and note.family:
            out.setdefault(note.text, set()).add(note.family)
    return {text: sorted(families) for text, families in out.items()}


def _quote_holds(claim: Claim, name: str) -> bool:
    return name in claim.evidence.quote


def summarise(result: DocumentResult, rules: GazetteerRules | None = None) -> DocumentSummary:
    """The small summary of one first-pass result: the names it took, and those it offers."""
    rules = rules or pattern_gazetteer_rules()
    families = _families(result)
    taken: set[str] = set(families)
    best: dict[tuple[str, Label, str | None], Candidate] = {}

    def offer(candidate: Candidate) -> None:
        key = (candidate.name, candidate.label, candidate.alias_of)
        old = best.get(key)
        if old is None or _source_key(candidate.source) < _source_key(old.source):
            best[key] = candidate

    for claim in result.claims:
        label = _label(claim)
        if label is None:
            continue
        taken.add(claim.subject_name)
        if claim.attribute == "abbreviation" and isinstance(claim.value, str):
            taken.add(claim.value)
        name, country = claim.subject_name, claim.country or result.country
        rule = _rule_of(claim, families.get(name, []), rules)
        if rule is None or not _quote_holds(claim, name):
            continue
        family = (
            rule.rsplit(".", 1)[-1] if claim.evidence.method not in rules.structured_methods else "structured"
        )
        # a table or a list names it as such: a plain word is fine there, a person is not
        if not acceptable_name(name, "apposition" if family == "structured" else family, rules, label=label):
            continue
        source = GazetteerSource(doc_id=result.doc_id, uri=result.uri, rule=rule, evidence=claim.evidence)
        offer(Candidate(name=name, label=label, country=country, source=source))
        alias = claim.value if claim.attribute == "abbreviation" and isinstance(claim.value, str) else None
        if alias and acceptable_name(alias, "acronym", rules, label=label) and alias in claim.evidence.quote:
            offer(Candidate(name=alias, label=label, country=country, source=source, alias_of=name))
    candidates = sorted(best.values(), key=lambda c: (c.name, c.label, c.alias_of or ""))
    return DocumentSummary(
        uri=result.uri,
        doc_id=result.doc_id,
        sha256=result.sha256,
        status=result.status,
        kind=result.kind,
        media_type=result.media_type,
        country=result.country,
        taken=sorted(taken),
        candidates=candidates,
    )


def _rule_of(claim: Claim, families: list[str], rules: GazetteerRules) -> str | None:
    """The rule that makes a claim's subject a gazetteer name, or None (a weak or no rule)."""
    if claim.evidence.method in rules.structured_methods:
        return claim.evidence.method
    if claim.attribute not in ("mentioned", "abbreviation"):
        return None  # a prose subject counts through its mention claim, with its rule
    strong = [f for f in families if f in rules.strong_families]
    if claim.qualifier in rules.strong_families and claim.qualifier not in strong:
        strong.append(claim.qualifier)
    if not strong:
        return None
    family = min(strong, key=lambda f: (f not in rules.bare_name_families, f))
    return f"{claim.extractor or 'prose'}.{family}"


def _source_key(source: GazetteerSource) -> tuple[str, str, str, str]:
    return (source.uri, source.rule, source.evidence.locator or "", source.evidence.quote)


def build_gazetteer(summaries: Iterable[DocumentSummary]) -> Gazetteer:
    """Merge every document's candidates: one entry per (country, name), its label the one most
    sources give (ties: CLUSTER), its sources sorted. Independent of the documents' order."""
    grouped: dict[tuple[str | None, str], list[Candidate]] = {}
    for summary in summaries:
        if summary.status != Status.OK:
            continue
        for candidate in summary.candidates:
            grouped.setdefault((candidate.country, candidate.name), []).append(candidate)
    countries: dict[str, set[str]] = {}
    for country, name in grouped:
        if country is not None:
            countries.setdefault(name, set()).add(country)
    for country, name in [k for k in grouped if k[0] is None and len(countries.get(k[1], ())) == 1]:
        # a document of no known country joins the one country that knows the name
        (only,) = countries[name]
        moved = [c.model_copy(update={"country": only}) for c in grouped.pop((country, name))]
        grouped[(only, name)].extend(moved)
    # a name some document gives as another's abbreviation is listed under that name
    alias_names = {(c.country, c.name) for cs in grouped.values() for c in cs if c.alias_of is not None}
    full_names = {key for key, cs in grouped.items() if key not in alias_names}
    entries: list[GazetteerEntry] = []
    for (country, name), found in sorted(grouped.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        if (country, name) not in full_names:
            continue  # an alias is listed under its full name
        labels = sorted({c.label for c in found}, key=lambda lb: (-sum(c.label == lb for c in found), lb))
        aliases = sorted(
            {c.name for cs in grouped.values() for c in cs if c.alias_of == name and c.country == country}
        )
        sources = sorted({_source_key(c.source): c.source for c in found if c.alias_of is None}.items())
        entries.append(
            GazetteerEntry(
                name=name, label=labels[0], country=country, aliases=aliases, sources=[s for _, s in sources]
            )
        )
    return Gazetteer(entries=entries)


# ------------------------------------------------------------------ names for one document


@dataclass(frozen=True)
class NameUse:
    """A gazetteer name used for one document, with the entry that holds it."""

    name: str
    label: Label
    entry: GazetteerEntry


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """Where `name` stands as a whole word in `text` (a plain substring test first: most
    candidate names are not in a given document, and the regex would scan it for nothing).

    >>> _occurrences("Agrinova", "Agrinova, Agrinova-X and the Agrinova cluster")
    [(0, 8), (29, 37)]
    >>> _occurrences("Agrinova", "no such name")
    []
    """
    if name not in text:
        return []
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]


def candidate_names(gazetteer: Gazetteer, summary: DocumentSummary) -> list[NameUse]:
    """The gazetteer names (and aliases) that may concern a document: of its country (or of any,
    when either has none), named by another document, and not taken by its own first pass;
    sorted by name, one use per name."""
    taken = set(summary.taken)
    found: dict[str, NameUse] = {}
    for entry in gazetteer.entries:
        if summary.country is not None and entry.country is not None and entry.country != summary.country:
            continue
        if all(s.doc_id == summary.doc_id for s in entry.sources):
            continue  # the document's own names are its first pass's business
        for name in (entry.name, *entry.aliases):
            if name not in taken and name not in found:
                found[name] = NameUse(name, entry.label, entry)
    return [found[n] for n in sorted(found)]


def names_for(gazetteer: Gazetteer, summary: DocumentSummary, text: str) -> list[NameUse]:
    """The candidate names that occur in the document's text outside every name its own first
    pass took ("Agrinova" inside a taken "Agrinova Cluster" is not a new use)."""
    covered = [span for name in summary.taken for span in _occurrences(name, text)]
    return [
        use
        for use in candidate_names(gazetteer, summary)
        if any(not any(a <= s and e <= b for a, b in covered) for s, e in _occurrences(use.name, text))
    ]


def second_pass_key(names: Sequence[NameUse], fingerprint: str | None = None) -> str:
    """The second pass's cache key: the extractor fingerprint and exactly the names (and labels)
    given to the document; the same names give the same key whatever else the gazetteer holds.

    >>> a = second_pass_key([], "f")
    >>> a == second_pass_key([], "f"), a == second_pass_key([], "g")
    (True, False)
    """
    digest = hashlib.sha256((fingerprint or extractor_fingerprint()).encode())
    for use in sorted(names, key=lambda u: u.name):
        digest.update(f"\n{use.name}\t{use.label}".encode())
    return digest.hexdigest()[:16]


# ------------------------------------------------------------------ provenance


def provenance(entry: GazetteerEntry) -> Evidence:
    """The entry's first source's evidence, as the gazetteer's evidence (method `gazetteer.<rule>`)."""
    source = entry.primary
    return source.evidence.model_copy(update={"method": f"{GAZETTEER_METHOD}.{source.rule}"})


def with_provenance(result: DocumentResult, uses: Sequence[NameUse]) -> DocumentResult:
    """Claims about a gazetteer name carry the source's evidence; its mention notes say where
    the name came from."""
    by_name = {u.name: u for u in uses}
    claims: list[Claim] = []
    for claim in result.claims:
        use = by_name.get(claim.subject_name)
        if use is not None:
            extra = provenance(use.entry)
            if extra not in claim.extra_evidence:
                claim = claim.model_copy(update={"extra_evidence": [*claim.extra_evidence, extra]})
        claims.append(claim)
    mentions: list[MentionNote] = []
    for note in result.mentions:
        use = by_name.get(note.text)
        if use is not None and note.taken and note.family == GAZETTEER_METHOD:
            note = note.model_copy(update={"source": f"{use.entry.primary.doc_id} {use.entry.primary.rule}"})
        mentions.append(note)
    return result.model_copy(update={"claims": claims, "mentions": mentions})


# ------------------------------------------------------------------ texts and the second pass


class _TextEntry(StrictModel):
    fingerprint: str
    sha256: str
    text: str


def names_aware_kinds() -> frozenset[DocumentKind]:
    """Kinds of document that an extractor registered `with_names` reads (the built-ins are
    registered when `pipeline.stages.process` is imported: only here, so that a run whose
    second pass is all cached never loads the parsers and spaCy into this process)."""
    import pipeline.stages.process  # noqa: F401  (registers the built-in extractors)

    return frozenset(k for e in extractors() if e.with_names is not None for k in e.kinds)


def prose_text(source: LoadedSource) -> str:
    """The text the names are looked for in: every block the prose extractors may read."""
    from pipeline.stages.process import parse_source

    return document_text(parse_source(source))


def document_text(doc: Document) -> str:
    """The blocks the prose extractors may read, joined."""
    return "\n".join(b.text for b in doc.blocks if b.kind not in _SKIPPED_BLOCKS)


def remember_text(cache: ResultCache, doc: Document) -> None:
    """Keep a names-aware document's text for the second pass (called by the worker that parsed
    it); a cache that cannot be written only means the second pass parses it again. Any other
    document gets an empty text (no extractor of its kind reads names): so the second pass, in
    the parent process, need not import the extractors and spaCy to find that out."""
    names_aware = doc.kind in names_aware_kinds()
    if doc.kind == DocumentKind.OTHER and doc.media_type != "html":
        names_aware = False  # prose reads unclassified web pages only
    store = second_pass_cache(cache)
    if store is None:
        return
    try:
        store.put_text(doc.doc_id, doc.sha256, document_text(doc) if names_aware else "")
    except OSError:
        return  # recorded by its absence: `_redo` reads the source again


class SecondPassCache:
    """`<root>/texts/<doc_id>.json` (a document's text) and `<root>/results/` (second-pass
    results, keyed by `second_pass_key`); both keyed by the document's sha256 as well."""

    def __init__(self, root: Path, fingerprint: str | None = None) -> None:
        self.root = root
        self.fingerprint = fingerprint or extractor_fingerprint()

    def text(self, doc_id: str, sha256: str) -> str | None:
        path = self.root / "texts" / f"{doc_id}.json"
        try:
            entry = _TextEntry.model_validate_json(path.read_bytes())
        except (OSError, ValidationError, ValueError):
            return None  # missing or damaged: a miss
        if entry.fingerprint != self.fingerprint or entry.sha256 != sha256:
            return None
        return entry.text

    def put_text(self, doc_id: str, sha256: str, text: str) -> None:
        entry = _TextEntry(fingerprint=self.fingerprint, sha256=sha256, text=text)
        atomic_write(self.root / "texts" / f"{doc_id}.json", to_json(entry))

    def results(self, key: str) -> ResultCache:
        return ResultCache(self.root / "results", key)


def second_pass_cache(cache: ResultCache | None) -> SecondPassCache | None:
    """The second pass's cache beside the first pass's (`.cache/gazetteer`), or none."""
    return (
        SecondPassCache(cache.folder.parent / "gazetteer", cache.fingerprint) if cache is not None else None
    )


@dataclass(frozen=True)
class _Redo:
    index: int
    key: str
    uses: tuple[NameUse, ...]
    from_cache: bool = False  # read from the second pass's cache (not extracted in this run)


class SecondPassResults(Sequence[DocumentResult]):
    """The first-pass results with the re-extracted documents swapped in, read lazily (from the
    second pass's cache when there is one, else kept here)."""

    def __init__(
        self,
        first: Sequence[DocumentResult],
        redone: Mapping[int, _Redo],
        cache: SecondPassCache | None,
        kept: Mapping[int, DocumentResult],
        gazetteer: Gazetteer,
    ) -> None:
        self.first = first
        self.redone = dict(redone)
        self.cache = cache
        self.kept = dict(kept)
        self.gazetteer = gazetteer

    def __len__(self) -> int:
        return len(self.first)

    @overload
    def __getitem__(self, index: int) -> DocumentResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DocumentResult]: ...

    def __getitem__(self, index: int | slice) -> DocumentResult | Sequence[DocumentResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return self._read(index)

    def __iter__(self) -> Iterator[DocumentResult]:
        for index in range(len(self)):
            yield self._read(index)

    @property
    def redone_uris(self) -> list[str]:
        return sorted(self.first[i].uri for i in self.redone)

    def _read(self, index: int) -> DocumentResult:
        redo = self.redone.get(index)
        if redo is None:
            return self.first[index]
        result = self.kept.get(index)
        if result is None and self.cache is not None:
            first = self.first[index]
            result = self.cache.results(redo.key).read(first.doc_id, first.sha256)
        if result is None:  # gone from the cache since: the first pass stands, and says so
            first = self.first[index]
            return first.model_copy(update={"warnings": [*first.warnings, "gazetteer second pass lost"]})
        return with_provenance(result, redo.uses).model_copy(update={"cached": redo.from_cache})


def second_pass(
    refs: Sequence[SourceRef],
    results: Sequence[DocumentResult],
    cache: ResultCache | None,
    *,
    read_cache: bool = True,
) -> SecondPassResults:
    """Build the gazetteer from the first-pass `results` and re-extract the prose documents that
    hold gazetteer names their first pass did not take (see the module docstring)."""
    rules = pattern_gazetteer_rules()
    summaries = [summarise(r, rules) for r in results]  # one result in memory at a time
    gazetteer = build_gazetteer(summaries)
    store = second_pass_cache(cache)
    by_uri = {ref.uri: ref for ref in refs}
    redone: dict[int, _Redo] = {}
    kept: dict[int, DocumentResult] = {}
    warnings: dict[int, str] = {}
    if gazetteer.entries:
        for index, summary in enumerate(summaries):
            if summary.status != Status.OK or summary.uri not in by_uri:
                continue
            outcome = _redo(index, summary, by_uri[summary.uri], gazetteer, store, read_cache)
            if isinstance(outcome, str):
                warnings[index] = outcome
            elif outcome is not None:
                redo, fresh = outcome
                redone[index] = redo
                if fresh is not None and store is None:
                    kept[index] = fresh
    for index, warning in warnings.items():  # a failed second pass keeps the first, recorded
        first = results[index]
        kept[index] = first.model_copy(update={"warnings": [*first.warnings, warning]})
        redone[index] = _Redo(index, "", (), from_cache=first.cached)
    return SecondPassResults(results, redone, store, kept, gazetteer)


def _redo(
    index: int,
    summary: DocumentSummary,
    ref: SourceRef,
    gazetteer: Gazetteer,
    store: SecondPassCache | None,
    read_cache: bool,
) -> tuple[_Redo, DocumentResult | None] | str | None:
    """One document's second pass: None when no gazetteer name concerns it, else its key and
    (when computed now) its result; a message when the source cannot be read again."""
    if not candidate_names(gazetteer, summary):
        return None  # nothing to look for: the text is not even read
    source: LoadedSource | None = None
    text = store.text(summary.doc_id, summary.sha256) if store is not None and read_cache else None
    if text is None and (
        summary.kind not in names_aware_kinds()
        or (summary.kind == DocumentKind.OTHER and summary.media_type != "html")
    ):
        text = ""  # no extractor of this kind takes names (prose reads unclassified web pages only)
    elif text is None:
        try:
            source = _reload(ref, summary)
            text = prose_text(source)
        except _read_errors() as exc:  # a document that parsed once and fails now: kept, recorded
            return f"gazetteer second pass skipped: {type(exc).__name__}: {exc}"
        if store is not None:
            store.put_text(summary.doc_id, summary.sha256, text)
    uses = names_for(gazetteer, summary, text)
    if not uses:
        return None
    key = second_pass_key(uses, store.fingerprint if store is not None else None)
    redo = _Redo(index, key, tuple(uses))
    results = store.results(key) if store is not None else None
    if results is not None and read_cache and results.read(summary.doc_id, summary.sha256) is not None:
        return _Redo(index, key, tuple(uses), from_cache=True), None
    try:
        source = source or _reload(ref, summary)
    except _read_errors() as exc:  # as above: the first pass stands, recorded
        return f"gazetteer second pass skipped: {type(exc).__name__}: {exc}"
    from pipeline.stages.process import process

    result = process(source, known_names={u.name: u.label for u in uses})
    if results is not None:
        results.put(result)
    return redo, result


def _read_errors() -> tuple[type[Exception], ...]:
    """What reading and parsing a source again may raise: I/O, and every backend's own errors."""
    from pipeline.stages.process import UnsupportedMediaError

    return (OSError, UnsupportedMediaError, *(e for b in backends() for e in b.errors))


def _reload(ref: SourceRef, summary: DocumentSummary) -> LoadedSource:
    source = load(ref)
    if source.sha256 != summary.sha256:
        raise OSError(f"{ref.uri} changed since its first pass")
    return source
