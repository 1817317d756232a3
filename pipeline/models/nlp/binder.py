"""A learned binder for start dates: which (entity, date) pairs in a sentence are a founding or launch.

The rules in `claims.py` bind a date to a cluster or policy only through the constructions they
know; on text written by others many start dates are missed because the construction is new, not
because the words are. The binder looks at every (subject candidate, date) pair the rules left
without a start date and scores it with a logistic model over small, readable features (the words
between the two, the words next to the date, the event triggers the rules found in the sentence,
how the subject was found: a name, a reference, the page topic). Its weights are versioned data
(`rules/v1/binder.json`, which records what it was trained on), trained by
`pipeline.evaluation.binder` on development splits and construction sets of the written press set;
the held-out split is never read.

Chain: `pair_features` (pure, one pair) → `with_page_features` (what the whole page adds) →
`BinderModel.score` (weights) → `choose` (one claim per subject above the threshold, only for
subjects the rules left undated). The candidate pairs are read by `claims._binder_pairs`, which also
keeps the rules' judgements (a company's founding, an activity with an object, another noun's event).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.tokens import Span

from pipeline.datamodel.claims import Claim, Evidence, SubjectType

__all__ = [
    "BINDER_FILE",
    "FEATURES_FILE",
    "FeatureRules",
    "BinderCandidate",
    "BinderError",
    "BinderModel",
    "ClaimDraft",
    "How",
    "PairContext",
    "binder_model",
    "choose",
    "pair_features",
    "pattern_binder_features",
    "with_page_features",
    "word_class",
]

BINDER_FILE = Path(__file__).parent / "rules" / "v1" / "binder.json"
FEATURES_FILE = Path(__file__).parent / "rules" / "v1" / "binder_features.json"
SCHEMA = "binder/v1"

How = Literal["name", "reference", "topic", "previous", "unrecognised"]


class BinderError(ValueError):
    """The binder's weight file is missing or malformed."""


class BinderModel(BaseModel):
    """A logistic model: P(start) = sigmoid(bias + sum of the weights of the pair's features)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_name: Literal["binder/v1"] = Field(alias="schema")
    trained_on: list[str]
    threshold: float = Field(gt=0.0, lt=1.0)
    bias: float
    weights: dict[str, float]
    note: str = ""

    @field_validator("weights")
    @classmethod
    def _finite(cls, value: dict[str, float]) -> dict[str, float]:
        bad = [k for k, w in value.items() if not math.isfinite(w)]
        if bad:
            raise ValueError(f"non-finite weight for feature(s) {bad[:3]}")
        return value

    def score(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@cache
def binder_model(path: Path = BINDER_FILE) -> BinderModel | None:
    """The committed weights, or None where no file exists (the rules then run alone)."""
    if not path.exists():
        return None
    try:
        return BinderModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise BinderError(f"cannot load binder weights {path}: {exc}") from exc


# ------------------------------------------------------------------ features


class FeatureRules(BaseModel):
    """What the features are made of (`rules/v1/binder_features.json`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: str = Field(default="", alias="_doc")
    suffixes: tuple[str, ...] = Field(min_length=1)
    max_between: int = Field(ge=1)
    # feature families whose features are also paired ("how:name&between:found"): the interactions a
    # linear model cannot form itself
    conjoined: tuple[str, ...] = ()
    # of those pairs, only the ones holding a feature of these families (how the subject was found,
    # its type, the order, the trigger near the date, the word before it): fewer, readable weights
    pivots: tuple[str, ...] = ()


@cache
def pattern_binder_features(path: Path = FEATURES_FILE) -> FeatureRules:
    """Suffixes stripped from feature words, and how many words between subject and date count.

    >>> rules = pattern_binder_features()
    >>> "ing" in rules.suffixes, rules.max_between
    (True, 12)
    """
    try:
        return FeatureRules.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise BinderError(f"cannot load binder feature rules {path}: {exc}") from exc


@cache
def _longest_first(suffixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(suffixes, key=len, reverse=True))


@lru_cache(maxsize=65536)
def word_class(text: str) -> str:
    """A token as a feature: lower case, crude suffix stripping, digits as '#'.

    >>> word_class("Founded"), word_class("founding"), word_class("2004"), word_class("launches")
    ('found', 'found', '####', 'launch')
    """
    low = text.lower()
    if any(ch.isdigit() for ch in low):
        return re.sub(r"\d", "#", low)
    for suffix in _longest_first(pattern_binder_features().suffixes):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            return low[: -len(suffix)]
    return low


@dataclass(frozen=True)
class PairContext:
    """What one (subject candidate, date) pair looks like, in token indices of the block's doc."""

    sent: Span
    date: tuple[int, int]
    subject: tuple[int, int] | None  # None: the subject is not in the sentence (topic, previous)
    how: How
    subject_type: str
    is_topic: bool
    precision: str
    year: int | None
    published_year: int | None
    blocked: bool  # the rules' date blockers stand before the date ("until 2020")
    other_anchor: bool  # the date module says the year dates another event
    n_dates: int
    n_names: int
    in_parenthesis: bool
    block_kind: str
    events: tuple[tuple[int, int, str], ...] = ()  # event triggers in the sentence: (start, end, label)
    lineage: bool = False
    head: str = ""  # the subject name's last word
    n_words: int = 0  # words in the subject name
    renames: tuple[int, ...] = ()  # token indices of rename cues in the sentence ("renamed", "became")
    subject_in_parenthesis: bool = False
    place: bool = False  # the subject's name names a place or country
    names: tuple[tuple[int, int], ...] = ()  # every name in the sentence (token spans), the subject's too
    relatives: tuple[int, ...] = ()  # token indices of relative pronouns ("which", "that", "who")


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def pair_features(pair: PairContext, max_between: int | None = None) -> frozenset[str]:
    """The features of one pair: readable strings, e.g. `between:found`, `left1:in`, `how:topic`.

    >>> import spacy
    >>> doc = spacy.blank("en")("NordPort was founded in 2004.")
    >>> pair = PairContext(doc[:], (4, 5), (0, 1), "name", "cluster", False, "year", 2004, None,
    ...                    False, False, 1, 1, False, "paragraph", ((2, 3, "founded"),))
    >>> sorted(f for f in pair_features(pair) if f.startswith(("between:", "left1:", "ev")) and "&" not in f)
    ['between:found', 'between:in', 'between:was', 'ev:founded', 'ev_between', 'ev_near:founded', 'left1:in']
    """
    max_between = pattern_binder_features().max_between if max_between is None else max_between
    doc = pair.sent.doc
    s0, s1 = pair.sent.start, pair.sent.end
    d0, d1 = pair.date
    out: set[str] = {f"how:{pair.how}", f"type:{pair.subject_type}", f"prec:{pair.precision}", f"kind:{pair.block_kind}"}
    flags = {
        "topic": pair.is_topic,
        "blocked": pair.blocked,
        "other_anchor": pair.other_anchor,
        "date_in_paren": pair.in_parenthesis,
        "lineage": pair.lineage,
        "rename_cue": bool(pair.renames),
        "subject_in_paren": pair.subject_in_parenthesis,
        "place": pair.place,
    }
    out.update(feature for feature, on in flags.items() if on)
    out.add(f"dates:{_bucket(pair.n_dates, (1, 2))}")
    if pair.head:
        out.add(f"head:{word_class(pair.head)}")
        out.add(f"how_x_head:{pair.how}:{word_class(pair.head)}")
        out.add("acronym" if pair.head.isupper() and pair.n_words == 1 else f"words:{_bucket(pair.n_words, (1, 2, 4))}")
    out.add(f"names:{_bucket(pair.n_names, (0, 1, 2))}")
    if pair.year is not None and pair.published_year is not None:
        out.add(f"age:{_bucket(pair.published_year - pair.year, (-1, 0, 2, 10, 30))}")
    else:
        out.add("age:unknown")
    for k in (1, 2):
        i = d0 - k
        out.add(f"left{k}:{word_class(doc[i].text) if i >= s0 else '<s>'}")
    out.add(f"right1:{word_class(doc[d1].text) if d1 < s1 else '</s>'}")
    out.add(f"date_pos:{_bucket(d0 - s0, (0, 3, 10))}")
    for i in range(max(s0, d0 - 6), d0):
        if doc[i].is_alpha:
            out.add(f"win:{word_class(doc[i].text)}")
    for start, end, label in pair.events:
        out.add(f"ev:{label}")
        if d0 - 6 <= start < d0 or d1 <= start < d1 + 4:
            out.add(f"ev_near:{label}")
    if pair.subject is not None:
        a0, a1 = pair.subject
        before = a1 <= d0
        lo, hi = (a1, d0) if before else (d1, a0)
        out.add("order:subject_first" if before else "order:date_first")
        out.add(f"gap:{_bucket(max(0, hi - lo), (1, 3, 6, 12))}")
        if a0 - s0 <= 2:
            out.add("subject_opens")
        if hi - lo > max_between:
            out.add("between:far")
        else:
            for i in range(lo, hi):
                if doc[i].is_alpha:
                    out.add(f"between:{word_class(doc[i].text)}")
                elif doc[i].text in ",;:()–—-":
                    out.add(f"between_p:{doc[i].text}")
        if any(lo <= start < hi for start, _end, _label in pair.events):
            out.add("ev_between")
        if any(lo <= n0 and n1 <= hi for n0, n1 in pair.names if (n0, n1) != (a0, a1)):
            out.add("name_between")  # "X works with Y, which was founded in 1984": the date is nearer Y
        if any(lo <= r < hi for r in pair.relatives):
            out.add("relative_between")
        if any(a0 - 4 <= r < a0 for r in pair.renames):
            out.add("rename_before_subject")
        a_left = doc[a0 - 1].text if a0 > s0 else "<s>"
        out.add(f"subj_left1:{word_class(a_left)}")
    else:
        out.add("order:outside")
        if pair.events:
            out.add("ev_between")  # the trigger stands with the date, the subject is elsewhere
    # conjunctions the linear model cannot form itself
    near = sorted({label for start, _e, label in pair.events if d0 - 6 <= start < d0 or d1 <= start < d1 + 4})
    out.add(f"how_x_near:{pair.how}:{'yes' if near else 'no'}")
    out.add(f"how_x_left1:{pair.how}:{word_class(doc[d0 - 1].text) if d0 - 1 >= s0 else '<s>'}")
    return frozenset(out | _conjunctions(out))


def _conjunctions(features: set[str]) -> set[str]:
    """Every pair of the features whose family (the part before ":") is listed as `conjoined`, one
    of them of a `pivots` family.

    >>> sorted(_conjunctions({"how:name", "between:found", "topic"}))
    ['between:found&how:name']
    """
    rules = pattern_binder_features()
    families, pivots = frozenset(rules.conjoined), frozenset(rules.pivots or rules.conjoined)
    kept = sorted(f for f in features if f.split(":", 1)[0] in families)
    return {
        f"{a}&{b}"
        for i, a in enumerate(kept)
        for b in kept[i + 1 :]
        if a.split(":", 1)[0] in pivots or b.split(":", 1)[0] in pivots
    }


# ------------------------------------------------------------------ decisions


@dataclass(frozen=True)
class ClaimDraft:
    """What a chosen pair's claim says (built only for the pairs chosen: a page has many pairs)."""

    subject_type: SubjectType
    evidence: Evidence  # the sentence (method `<prefix>.learned`)
    extra_evidence: tuple[Evidence, ...] = ()  # a reference's antecedent (method `<prefix>.coreference`)
    country: str | None = None
    qualifier: str | None = None
    precision: str | None = None


@dataclass
class BinderCandidate:
    """One pair and the claim it would give (evidence: the sentence, and the antecedent's mention)."""

    subject_name: str
    year: int
    pair: PairContext
    draft: ClaimDraft
    features: frozenset[str] = field(default_factory=frozenset)

    @property
    def claim(self) -> Claim:
        d = self.draft
        return Claim.create(
            subject_type=d.subject_type,
            subject_name=self.subject_name,
            attribute="starting_year" if d.subject_type == "policy" else "created_year",
            value=self.year,
            evidence=d.evidence,
            extra_evidence=list(d.extra_evidence) or None,
            country=d.country,
            qualifier=d.qualifier,
            precision=d.precision,
        )


def with_page_features(candidates: Sequence[BinderCandidate]) -> list[BinderCandidate]:
    """Add what only the whole page tells: how the pair's year ranks among the page's years
    (a founding is mostly the earliest), and how often the page speaks of the subject."""
    years = sorted({c.year for c in candidates})
    spoken: dict[str, set[tuple[int, int]]] = {}
    for c in candidates:
        if c.pair.subject is not None:  # named or referred to in the sentence itself
            spoken.setdefault(c.subject_name, set()).add((c.pair.sent.start, c.pair.sent.end))
    out = []
    for c in candidates:
        rank = years.index(c.year)
        extra = {
            "year:earliest" if rank == 0 else "year:latest" if rank == len(years) - 1 else "year:middle",
            f"said:{_bucket(len(spoken.get(c.subject_name, ())), (0, 1, 2, 4))}",
        }
        out.append(replace(c, features=c.features | extra))
    return out


def _block_of(locator: str | None) -> str | None:
    """The block part of an evidence locator ("…/p[4]#c203-219" -> "…/p[4]")."""
    return locator.split("#", 1)[0] if locator else locator


def choose(
    candidates: Sequence[BinderCandidate], existing: Sequence[Claim], model: BinderModel
) -> list[Claim]:
    """One start claim per subject the rules left undated: its best pair, when it scores at least
    the threshold. Dates the rules bound to someone else in the same sentence, and sentences the
    rules read a rename in, are left alone."""
    dated = {c.subject_name for c in existing if c.attribute in ("created_year", "starting_year")}
    taken: dict[tuple[str | None, object], list[str]] = {}
    for c in existing:
        if c.attribute in ("created_year", "starting_year"):
            taken.setdefault((_block_of(c.evidence.locator), c.value), []).append(c.evidence.quote)
    # a sentence the rules read a rename in dates the rename, not a founding ("X was renamed Y in 2019")
    renamed = {(c.evidence.locator, c.evidence.quote) for c in existing if c.attribute == "renamed_to"}
    best: dict[str, tuple[float, BinderCandidate]] = {}
    for cand in candidates:
        if cand.subject_name in dated:
            continue
        first = cand.draft.evidence
        if (first.locator, first.quote) in renamed or any(
            quote in first.quote or first.quote in quote for quote in taken.get((_block_of(first.locator), cand.year), ())
        ):
            continue  # the rules gave this year of this sentence (or the field inside it) to someone
        p = model.score(cand.features)
        if p >= model.threshold and (cand.subject_name not in best or p > best[cand.subject_name][0]):
            best[cand.subject_name] = (p, cand)
    return [cand.claim for _p, cand in best.values()]
