"""Score press-page claims against the written evaluation set in tests/eval/press.

Layout of a set folder::

    dev/pages.json             [{id, split, style, country, classes}]: the dev pages (split fixed once)
    dev/<id>.html              a page; dev/<id>.gold.json its gold claims (written before any run)
    test/pages.json, test/...  likewise for the held-out split (kept apart so dev work never reads it)

Every page goes through the pipeline's own per-document processing
(`pipeline.stages.discover.load` then `pipeline.stages.process.process`: parse, classify,
extract, verify quotes), exactly as in a run, without Prefect.

Matching rule (see rules/press_match.json): an emitted claim matches a gold claim when

- their attributes fall in the same group (a cluster's `created_year` and a policy's
  `starting_year` are both a `start_date`; `renamed_to`, `member_count`, `cluster_count`);
- their values are equal (years and counts as integers, vague intervals as "1987/1993" text;
  a rename's new name is matched like a subject name);
- the emitted subject name matches the gold subject name or one of its aliases: equal once
  normalised (case, accents, dashes, punctuation, a leading "the"), or a rapidfuzz token-set
  ratio of at least `fuzzy_threshold` (90), except that containment through generic words only
  ("the cluster" in "Plastics Cluster of Business Upper Austria") is not a match.

A gold claim with at least one matching emitted claim is a true positive, otherwise a miss.
An emitted claim of a scored attribute that matches no gold claim is a false positive; repeats
of one (group, subject, value) count once. Emitted claims whose qualifier says they are not the
attribute (a `lineage` date) are not scored. Qualifier and precision are reported, not matched.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz import fuzz
from rich.console import Group
from rich.table import Table
from rich.text import Text

from pipeline.datamodel.claims import Claim, ClaimValue
from pipeline.datamodel.results import DocumentResult, SourceRef
from pipeline.evaluate import Score
from pipeline.stages.discover import load
from pipeline.stages.process import process

__all__ = [
    "DEFAULT_DEV_SHARE",
    "DEFAULT_FUZZY_THRESHOLD",
    "DEFAULT_SPLIT_SEED",
    "GoldClaim",
    "PageEntry",
    "PageOutcome",
    "Predicted",
    "PressEvalError",
    "PressReport",
    "PressSettings",
    "SplitReport",
    "evaluate_press",
    "load_set",
    "names_match",
    "normalise_name",
    "render_press",
    "score_page",
    "scored",
    "split_of",
]

DEFAULT_SPLIT_SEED = "h7-press-eval-2026"
DEFAULT_DEV_SHARE = 0.45
DEFAULT_FUZZY_THRESHOLD = 90
SPLITS: tuple[Literal["dev", "test"], ...] = ("dev", "test")
# Extra development splits: folders of their own, not drawn by the seeded hash (their pages were
# written after the dev/test split was fixed); loaded when the folder exists.
EXTRA_SPLITS: tuple[Literal["dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43", "dev44", "constructions", "constructions2"], ...] = (
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "dev18",
    "dev19",
    "dev20",
    "dev21",
    "dev22",
    "dev23",
    "dev24",
    "dev25",
    "dev26",
    "dev27",
    "dev28",
    "dev29",
    "dev30",
    "dev31",
    "dev32",
    "dev33",
    "dev34",
    "dev35",
    "dev36",
    "dev37",
    "dev38",
    "dev39",
    "dev40",
    "dev41",
    "dev42",
    "dev43",
    "dev44",
    "constructions",
    "constructions2",
)
RULES_FILE = Path(__file__).parent / "rules" / "press_match.json"
PAGES_FILE = "pages.json"
GOLD_SUFFIX = ".gold.json"

Split = Literal["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43", "dev44", "constructions", "constructions2", "test"]


class PressEvalError(ValueError):
    """The evaluation set is missing, malformed or inconsistent with its recorded split."""


class MatchRules(BaseModel):
    """rules/press_match.json, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    attribute_groups: dict[str, str]
    ignored_qualifiers: frozenset[str]
    generic_tokens: frozenset[str]


@cache
def match_rules() -> MatchRules:
    data = json.loads(RULES_FILE.read_text("utf-8"))
    data.pop("_doc", None)
    return MatchRules.model_validate(data)


class PressSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fuzzy_threshold: int = Field(default=DEFAULT_FUZZY_THRESHOLD, ge=50, le=100)
    split_seed: str = DEFAULT_SPLIT_SEED
    dev_share: float = Field(default=DEFAULT_DEV_SHARE, gt=0.0, lt=1.0)


class GoldClaim(BaseModel):
    """One fact a careful reader takes from the page (written before the pipeline ran on it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject_name: str = Field(min_length=1)
    subject_type: Literal["cluster", "policy"]
    attribute: str
    value: int | str
    qualifier: str | None = None
    precision: str | None = None
    aliases: tuple[str, ...] = ()
    derivation: str | None = Field(
        default=None, description="how a value not written as such is read (relative date, number word)"
    )
    classes: tuple[str, ...] = Field(
        default=(),
        description="the constructions this claim exercises (dev3 onwards), for reading misses by class",
    )

    @field_validator("attribute")
    @classmethod
    def _scored(cls, value: str) -> str:
        if value not in match_rules().attribute_groups:
            raise ValueError(f"attribute {value!r} is not scored ({sorted(match_rules().attribute_groups)})")
        return value

    @property
    def group(self) -> str:
        return match_rules().attribute_groups[self.attribute]

    def names(self) -> tuple[str, ...]:
        return (self.subject_name, *self.aliases)


class PageEntry(BaseModel):
    """One row of pages.json."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    split: Split
    style: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Predicted:
    """An emitted claim of a scored attribute, reduced to what scoring needs."""

    subject_name: str
    attribute: str
    value: ClaimValue
    qualifier: str | None
    precision: str | None
    quote: str

    @classmethod
    def of(cls, claim: Claim) -> Predicted:
        return cls(claim.subject_name, claim.attribute, claim.value, claim.qualifier, claim.precision, claim.evidence.quote)

    @property
    def group(self) -> str:
        return match_rules().attribute_groups[self.attribute]


@dataclass
class PageOutcome:
    page: PageEntry
    status: str
    kind: str
    errors: list[str] = field(default_factory=list)
    hits: list[tuple[GoldClaim, Predicted]] = field(default_factory=list)
    misses: list[GoldClaim] = field(default_factory=list)
    false_positives: list[Predicted] = field(default_factory=list)


@dataclass
class SplitReport:
    split: Split
    outcomes: list[PageOutcome] = field(default_factory=list)

    def score(self, group: str | None = None) -> Score:
        """True positives, false positives and misses of one attribute group (None: all)."""
        s = Score()
        for outcome in self.outcomes:
            s.tp += sum(1 for g, _ in outcome.hits if group is None or g.group == group)
            s.fn += sum(1 for g in outcome.misses if group is None or g.group == group)
            s.fp += sum(1 for p in outcome.false_positives if group is None or p.group == group)
        return s

    @property
    def styles(self) -> set[str]:
        return {o.page.style for o in self.outcomes}

    def by_class(self) -> dict[str, tuple[int, Score]]:
        """Pages and scores per page class of pages.json ("name-without-cluster", "trap-lineage"...)."""
        out: dict[str, tuple[int, Score]] = {}
        for outcome in self.outcomes:
            for name in outcome.page.classes:
                pages, s = out.get(name, (0, Score()))
                s.tp += len(outcome.hits)
                s.fn += len(outcome.misses)
                s.fp += len(outcome.false_positives)
                out[name] = (pages + 1, s)
        return dict(sorted(out.items()))


@dataclass
class PressReport:
    splits: dict[str, SplitReport]


# ------------------------------------------------------------------ split and loading


def split_of(page_id: str, seed: str = DEFAULT_SPLIT_SEED, dev_share: float = DEFAULT_DEV_SHARE) -> Split:
    """The split a page belongs to: the first 32 bits of sha256("<seed>:<id>") below `dev_share`.

    >>> split_of("agency-news-se-biogas-cluster"), split_of("agency-news-fr-aerospace-pole")
    ('dev', 'test')
    """
    h = int(hashlib.sha256(f"{seed}:{page_id}".encode()).hexdigest()[:8], 16) / 2**32
    return "dev" if h < dev_share else "test"


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise PressEvalError(f"missing file: {path}") from exc
    except json.JSONDecodeError as exc:
        raise PressEvalError(f"{path}: not JSON ({exc})") from exc


def load_gold(path: Path) -> list[GoldClaim]:
    data = _read_json(path)
    if not isinstance(data, list):
        raise PressEvalError(f"{path}: expected a JSON list of gold claims")
    try:
        return [GoldClaim.model_validate(item) for item in data]
    except ValidationError as exc:
        raise PressEvalError(f"{path}: invalid gold claim: {exc}") from exc


def present_splits(folder: Path) -> tuple[Split, ...]:
    """The splits of the set: dev and test always, an extra split when its folder exists."""
    extra = tuple(s for s in EXTRA_SPLITS if (folder / s).is_dir())
    return (SPLITS[0], *extra, *SPLITS[1:])


def load_set(
    folder: Path, settings: PressSettings | None = None, splits: Sequence[Split] | None = None
) -> list[tuple[PageEntry, Path, list[GoldClaim]]]:
    """Every page of the set's dev and test splits (or of `splits`, e.g. with the extra "dev2"/"dev3") with its
    HTML path and gold claims, dev first, in id order.

    Raises `PressEvalError` when the index, a page or a gold file is missing or malformed, when a
    dev/test page's recorded split differs from its seeded hash, or when a page file has no index entry.
    """
    settings = settings or PressSettings()
    if not folder.is_dir():
        raise PressEvalError(f"evaluation set folder {folder} does not exist")
    chosen: tuple[Split, ...] = tuple(splits) if splits is not None else SPLITS
    entries: list[PageEntry] = []
    for split in chosen:
        index = folder / split / PAGES_FILE
        data = _read_json(index)
        if not isinstance(data, list):
            raise PressEvalError(f"{index}: expected a JSON list of pages")
        try:
            listed = [PageEntry.model_validate(item) for item in data]
        except ValidationError as exc:
            raise PressEvalError(f"{index}: invalid page entry: {exc}") from exc
        for entry in listed:
            if entry.split != split:
                raise PressEvalError(f"{index}: page {entry.id} says split {entry.split}")
        entries.extend(sorted(listed, key=lambda e: e.id))
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.id in seen:
            raise PressEvalError(f"page {entry.id} is listed twice")
        seen.add(entry.id)
        expected = split_of(entry.id, settings.split_seed, settings.dev_share)
        if entry.split in SPLITS and entry.split != expected:
            raise PressEvalError(
                f"page {entry.id} is recorded in {entry.split} but its seeded hash says {expected}"
            )
        html = folder / entry.split / f"{entry.id}.html"
        if not html.is_file():
            raise PressEvalError(f"missing page: {html}")
        out.append((entry, html, load_gold(folder / entry.split / f"{entry.id}{GOLD_SUFFIX}")))
    for split in chosen:
        for path in sorted((folder / split).glob("*.html")):
            if path.stem not in seen:
                raise PressEvalError(f"{path} has no entry in {folder / split / PAGES_FILE}")
    return out


# ------------------------------------------------------------------------- matching

_DASHES = re.compile(r"[\u2010-\u2015\u2212_/]")
_NON_WORD = re.compile(r"[^\w&+]+")


def normalise_name(name: str) -> str:
    """Case, accents, dashes and punctuation folded; a leading article dropped.

    >>> normalise_name("The  Pôle Mer–Bretagne (PMB)")
    'pole mer bretagne pmb'
    >>> normalise_name("Automotive Cluster – West Slovakia")
    'automotive cluster west slovakia'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _NON_WORD.sub(" ", _DASHES.sub(" ", text))
    words = text.split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def names_match(emitted: str, gold: str, threshold: int = DEFAULT_FUZZY_THRESHOLD) -> bool:
    """Equal once normalised, or token-set ratio >= threshold unless the containment is generic.

    >>> names_match("Foodvalley NL", "Foodvalley")
    True
    >>> names_match("the cluster", "Plastics Cluster of Business Upper Austria")
    False
    >>> names_match("Cluster Manager", "Plastics Cluster")
    False
    """
    a, b = normalise_name(emitted), normalise_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = set(a.split()), set(b.split())
    if (ta <= tb or tb <= ta) and not (ta & tb) - match_rules().generic_tokens:
        return False
    return fuzz.token_set_ratio(a, b) >= threshold


def _value_key(value: ClaimValue) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, str):
        return " ".join(value.split())
    return None


def claim_matches(gold: GoldClaim, pred: Predicted, threshold: int = DEFAULT_FUZZY_THRESHOLD) -> bool:
    """Same attribute group, same value, subject matched by name or alias (see module doc)."""
    if gold.group != pred.group:
        return False
    if not any(names_match(pred.subject_name, name, threshold) for name in gold.names()):
        return False
    if gold.group == "renamed_to":
        if not isinstance(pred.value, str) or not isinstance(gold.value, str):
            return False
        reversed_pair = normalise_name(pred.subject_name) == normalise_name(gold.value)
        return not reversed_pair and names_match(pred.value, gold.value, threshold)
    key = _value_key(pred.value)
    return key is not None and key == _value_key(gold.value)


def predictions(result: DocumentResult) -> list[Predicted]:
    """The emitted claims that are scored: attribute in a group, qualifier not ignored."""
    return scored(result.claims)


def scored(claims: Iterable[Claim]) -> list[Predicted]:
    """Of `claims`, those that are scored: attribute in a group, qualifier not ignored."""
    rules = match_rules()
    return [
        Predicted.of(c)
        for c in claims
        if c.attribute in rules.attribute_groups and c.qualifier not in rules.ignored_qualifiers
    ]


def score_page(
    page: PageEntry,
    gold: Sequence[GoldClaim],
    emitted: Sequence[Predicted],
    *,
    status: str = "ok",
    kind: str = "press_page",
    errors: Iterable[str] = (),
    threshold: int = DEFAULT_FUZZY_THRESHOLD,
) -> PageOutcome:
    """Hits, misses and (deduplicated) false positives of one page."""
    outcome = PageOutcome(page=page, status=status, kind=kind, errors=list(errors))
    used: set[int] = set()
    for g in gold:
        found = [i for i, p in enumerate(emitted) if claim_matches(g, p, threshold)]
        if found:
            outcome.hits.append((g, emitted[found[0]]))
            used.update(found)
        else:
            outcome.misses.append(g)
    seen: set[tuple[str, str, str | None]] = set()
    for i, p in enumerate(emitted):
        key = (p.group, normalise_name(p.subject_name), _value_key(p.value))
        if i in used or key in seen:
            continue
        seen.add(key)
        outcome.false_positives.append(p)
    return outcome


# ---------------------------------------------------------------------- running


def run_page(folder: Path, page: PageEntry) -> DocumentResult:
    """The pipeline's own processing of one page (uri relative to the set folder)."""
    uri = f"{page.split}/{page.id}.html"
    return process(load(SourceRef(uri=uri, path=str(folder / uri))))


def evaluate_press(
    folder: Path, settings: PressSettings | None = None, splits: Sequence[Split] | None = None
) -> PressReport:
    """Run every page of the set (or of `splits`) and score it; one unreadable page is recorded, not fatal."""
    settings = settings or PressSettings()
    if not folder.is_dir():
        raise PressEvalError(f"evaluation set folder {folder} does not exist")
    chosen = tuple(splits) if splits is not None else present_splits(folder)
    report = PressReport(splits={s: SplitReport(s) for s in chosen})
    for page, _, gold in load_set(folder, settings, chosen):
        try:
            result = run_page(folder, page)
        except OSError as exc:
            outcome = score_page(
                page, gold, [], status="unreadable", kind="none", errors=[str(exc)],
                threshold=settings.fuzzy_threshold,
            )
        else:
            outcome = score_page(
                page,
                gold,
                predictions(result),
                status=result.status.value,
                kind=result.kind.value,
                errors=[f"{e.stage}: {e.code}: {e.message}" for e in result.errors],
                threshold=settings.fuzzy_threshold,
            )
        report.splits[page.split].outcomes.append(outcome)
    return report


# ---------------------------------------------------------------------- rendering


def _groups() -> list[str]:
    return list(dict.fromkeys(match_rules().attribute_groups.values()))


def split_table(split: SplitReport) -> Table:
    pages = len(split.outcomes)
    gold = sum(len(o.hits) + len(o.misses) for o in split.outcomes)
    styles = len(split.styles)
    title = f"press evaluation: {split.split} ({pages} pages, {styles} styles, {gold} gold claims)"
    table = Table(title=title)
    for column in ("attribute", "gold", "tp", "fp", "fn", "precision", "recall"):
        table.add_column(column, justify="left" if column == "attribute" else "right")
    for name in [*_groups(), None]:
        s = split.score(name)
        table.add_row(
            name or "overall", str(s.tp + s.fn), str(s.tp), str(s.fp), str(s.fn),
            f"{s.precision:.2f}" if s.tp + s.fp else "n/a",
            f"{s.recall:.2f}" if s.tp + s.fn else "n/a",
        )
    return table


def class_table(split: SplitReport) -> Table:
    """Recall and false positives of the pages that exercise each class (a page has several)."""
    table = Table(title=f"press evaluation: {split.split} by page class")
    for column in ("class", "pages", "gold", "tp", "fp", "recall"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for name, (pages, s) in split.by_class().items():
        recall = f"{s.recall:.2f}" if s.tp + s.fn else "n/a"
        table.add_row(name, str(pages), str(s.tp + s.fn), str(s.tp), str(s.fp), recall)
    return table


def _describe(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def split_details(split: SplitReport) -> Text:
    lines = [f"{split.split}: misses"]
    for o in split.outcomes:
        for g in o.misses:
            note = "" if o.kind == "press_page" else f"  [page {o.status}, kind {o.kind}]"
            if g.classes:
                note += f"  ({', '.join(g.classes)})"
            lines.append(f"  {o.page.id}: {g.subject_name} {g.attribute} = {_describe(g.value)}{note}")
    lines.append(f"{split.split}: false positives")
    for o in split.outcomes:
        for p in o.false_positives:
            lines.append(
                f"  {o.page.id}: {p.subject_name} {p.attribute} = {_describe(p.value)}"
                f" ({p.qualifier or '-'}) «{p.quote[:100]}»"
            )
    return Text("\n".join(lines))


def render_press(report: PressReport, *, details: bool = True, test_details: bool = False) -> Group:
    """Score tables for every split; per-class tables, misses and false positives for the
    development splits only, unless `test_details` (reading the held-out split's misses is how a
    held-out set stops being held out)."""
    parts: list[Table | Text] = []
    for split in report.splits:
        parts.append(split_table(report.splits[split]))
        if details and (split != "test" or test_details):
            parts.append(class_table(report.splits[split]))
            parts.append(split_details(report.splits[split]))
    return Group(*parts)
