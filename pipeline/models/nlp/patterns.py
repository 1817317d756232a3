"""Rule families for prose extraction, loaded from versioned data in `rules/<version>/`.

One `pattern_*` function per rule family; each returns the rules as data
(EntityRuler / Matcher token patterns or small typed tables) so that the rules
can be reviewed and versioned without touching code.  Nothing here knows the
sample documents: the rules describe phrasings, not names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

RULES_VERSION = "v1"
RULES_DIR = Path(__file__).parent / "rules" / RULES_VERSION

TokenPattern = list[dict[str, object]]


class RuleDataError(ValueError):
    """A rule file is missing or malformed."""


def _load_json(name: str) -> object:
    path = RULES_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleDataError(f"cannot load rule file {path}: {exc}") from exc


def _load_jsonl(name: str) -> list[dict[str, object]]:
    path = RULES_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleDataError(f"cannot load rule file {path}: {exc}") from exc


# ------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class NameLexicon:
    non_name_words: frozenset[str]
    generic_heads: frozenset[str]
    camelcase_stopwords: frozenset[str]
    legal_forms: frozenset[str]
    cluster_nouns: frozenset[str]
    policy_heads: frozenset[str]


@cache
def pattern_name_lexicon() -> NameLexicon:
    """Word lists behind the name patterns (`rules/v1/name_lexicon.json`).

    >>> lex = pattern_name_lexicon()
    >>> "the" in lex.non_name_words, "policy" in lex.generic_heads
    (True, True)
    """
    data = _load_json("name_lexicon.json")
    if not isinstance(data, dict):
        raise RuleDataError("name_lexicon.json must be an object")
    return NameLexicon(
        **{key: frozenset(str(w).lower() for w in data[key]) for key in NameLexicon.__dataclass_fields__}
    )


_NAME_WORD = re.compile(r"^[A-Z][\w&'’.\-]*$|^[A-Z0-9]+[A-Z][\w\-]*$")
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][A-Za-z]*|[0-9][A-Za-z0-9]*)+$")


def is_name_word(text: str) -> bool:
    """A token that can be part of a proper name (Title, UPPER, CamelCase).

    >>> [is_name_word(w) for w in ["Wood", "ICT", "HealthTech", "the", "Clusters", "The"]]
    [True, True, True, False, False, False]
    """
    lex = pattern_name_lexicon()
    low = text.lower()
    return bool(_NAME_WORD.match(text)) and low not in lex.non_name_words and low not in lex.cluster_nouns


def is_camelcase_name(text: str) -> bool:
    """A single CamelCase / alphanumeric brand token: 'SurfMat', 'BioMan4R2', 'SocialTech4EU'.

    >>> [is_camelcase_name(w) for w in ["SurfMat", "InfoComm", "BioMan4R2", "Wood", "PhD", "ClusterClusters"]]
    [True, True, True, False, False, False]
    """
    lex = pattern_name_lexicon()
    low = text.lower()
    return bool(_CAMEL.match(text)) and low not in lex.camelcase_stopwords and "cluster" not in low


# -------------------------------------------------------------- name rules


@cache
def pattern_cluster_names() -> tuple[dict[str, object], ...]:
    """EntityRuler patterns (label CLUSTER) for cluster names written with "cluster".

    Families (pattern `id`):
    - x_cluster: "Automotive Cluster", "the Luxembourg Wood Cluster", "ELBE Eurocluster",
      "Luxembourg Materials & Manufacturing Cluster"
    - x_lower_cluster: "the Luxembourg Wood cluster"
    - x_cluster_y: "Cluster Maritime Luxembourgeois asbl", "Hydrogen Cluster Bavaria"
    - cluster_for_x: "Cluster for Logistics"
    - lower_cluster_for_x: "a cluster for the creative industries" (name = "cluster for the creative industries")
    - cluster_named: "the cluster Danish Sound Cluster" (name = what follows "cluster")

    >>> sorted({p["id"] for p in pattern_cluster_names()})[:3]
    ['cluster_for_x', 'cluster_named', 'lower_cluster_for_x']
    """
    return tuple(_load_jsonl("cluster_names.jsonl"))


@cache
def pattern_policy_names() -> tuple[dict[str, object], ...]:
    """EntityRuler patterns (label POLICY) for initiatives and cluster policies.

    - cluster_initiative: "Luxembourg Cluster Initiative", "Cluster Initiative", "Joint Cluster Initiatives"
    - cluster_policy: "Flanders Innovation Clusters policy",
      "Business and Competitive Cluster policies", "Danish Cluster Programme"
    - initiative_anaphor: "the Initiative" (name = "Initiative")

    >>> sorted({p["id"] for p in pattern_policy_names()})
    ['cluster_initiative', 'cluster_policy', 'initiative_anaphor']
    """
    return tuple(_load_jsonl("policy_names.jsonl"))


# ------------------------------------------------------------ event rules


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[tuple[str, tuple[str, ...]], ...]  # (qualifier, token sequence)
    nominal: frozenset[str]
    announce: str
    lineage: tuple[tuple[str, ...], ...]
    passive_aux: frozenset[str]
    adverbs: frozenset[str]
    date_blockers: frozenset[str]


@cache
def pattern_event_triggers() -> EventRules:
    """Event verbs/nouns with the qualifier they give, lineage cues, passive auxiliaries.

    "was created in 2001" -> created; "has announced the creation of" -> announced;
    "set up in 2019" -> set up; "dating back to the late 1980s" -> lineage (never a start).

    >>> rules = pattern_event_triggers()
    >>> ("set up", ("set", "up")) in rules.triggers, "creation" in rules.nominal
    (True, True)
    """
    data = _load_json("events.json")
    if not isinstance(data, dict):
        raise RuleDataError("events.json must be an object")
    triggers = tuple((qualifier, tuple(seq)) for qualifier, seqs in data["triggers"].items() for seq in seqs)
    return EventRules(
        triggers=triggers,
        nominal=frozenset(data["nominal"]),
        announce=str(data["announce"]),
        lineage=tuple(tuple(seq) for seq in data["lineage"]),
        passive_aux=frozenset(data["passive_aux"]),
        adverbs=frozenset(data["adverbs"]),
        date_blockers=frozenset(data["date_blockers"]),
    )


def matcher_patterns(sequences: tuple[tuple[str, ...], ...]) -> list[TokenPattern]:
    """Lower-case token sequences -> Matcher patterns.

    >>> matcher_patterns((("set", "up"),))
    [[{'LOWER': 'set'}, {'LOWER': 'up'}]]
    """
    return [[{"LOWER": word} for word in seq] for seq in sequences]


# ----------------------------------------------------------- rename rules


@dataclass(frozen=True)
class RenameCue:
    tokens: tuple[str, ...]
    direction: Literal["forward", "backward"]
    in_parentheses: bool


@cache
def pattern_rename_cues() -> tuple[RenameCue, ...]:
    """Rename cues, longest first.

    forward (old before, new after): "InfoComm (2002, then renamed ICT)",
    "BioHealth (2008, now HealthTech)", "X was replaced by Y", "renamed the X";
    backward (current before, former after): "X, formerly Y", "X ... formerly known as Y".

    >>> pattern_rename_cues()[0].tokens
    ('changed', 'its', 'name', 'to')
    """
    data = _load_json("renames.json")
    if not isinstance(data, dict):
        raise RuleDataError("renames.json must be an object")
    cues = [RenameCue(tuple(c["tokens"]), c["direction"], bool(c["in_parentheses"])) for c in data["cues"]]
    return tuple(sorted(cues, key=lambda c: (-len(c.tokens), c.tokens)))


# ------------------------------------------------------------ count rules


@dataclass(frozen=True)
class CountRules:
    number_words: dict[str, int]
    approximators: dict[str, str]
    member_nouns: frozenset[str]
    member_modifiers: frozenset[str]
    membership_cues: frozenset[str]
    cluster_count_nouns: frozenset[str]
    cluster_count_modifiers: frozenset[str]
    org_nouns: tuple[tuple[str, str], ...]
    participation_cues: tuple[str, ...]
    country_fallback_cues: tuple[str, ...]
    policy_links: tuple[str, ...]
    region_words: frozenset[str]


@cache
def pattern_count_nouns() -> CountRules:
    """Counts with their subject.

    "More than 1,450 companies and institutions are involved in the Cluster Initiative"
    -> member_count 1450 "more than"; "six clusters supported by the Luxembourg Cluster
    Initiative" -> cluster_count 6; "46 cluster organisations registered on the ECCP from
    Belgium" -> cluster_organisations 46.

    >>> rules = pattern_count_nouns()
    >>> rules.number_words["six"], rules.approximators["over"]
    (6, 'more than')
    """
    data = _load_json("counts.json")
    if not isinstance(data, dict):
        raise RuleDataError("counts.json must be an object")
    return CountRules(
        number_words={str(k): int(v) for k, v in data["number_words"].items()},
        approximators={str(k): str(v) for k, v in data["approximators"].items()},
        member_nouns=frozenset(data["member_nouns"]),
        member_modifiers=frozenset(data["member_modifiers"]),
        membership_cues=frozenset(data["membership_cues"]),
        cluster_count_nouns=frozenset(data["cluster_count_nouns"]),
        cluster_count_modifiers=frozenset(data["cluster_count_modifiers"]),
        org_nouns=tuple((a, b) for a, b in data["org_nouns"]),
        participation_cues=tuple(data["participation_cues"]),
        country_fallback_cues=tuple(data["country_fallback_cues"]),
        policy_links=tuple(data["policy_links"]),
        region_words=frozenset(data["region_words"]),
    )


@cache
def pattern_countries() -> dict[str, str]:
    """Country names -> ISO code, for country-level counts.

    >>> pattern_countries()["Belgium"]
    'BE'
    """
    data = _load_json("countries.json")
    if not isinstance(data, dict):
        raise RuleDataError("countries.json must be an object")
    return {str(k): str(v) for k, v in data.items()}


# ------------------------------------------------------------- date rules


@dataclass(frozen=True)
class DateExpr:
    start: int  # char offsets in the analysed text
    end: int
    text: str
    value: int | str  # a year, or "START/END" for vague expressions
    precision: Literal["day", "month", "year", "vague", "range"]


@dataclass(frozen=True)
class DateRules:
    vague_parts: dict[str, tuple[int, int]]
    year_min: int
    year_max: int
    months: dict[str, int]


@cache
def pattern_dates() -> DateRules:
    """Vague decade parts and month names.

    "At the beginning of the 2000s" -> "2000/2003"; "late 1980s" -> "1987/1989";
    "early 90s" -> "1990/1993"; "March 2015" -> 2015 (month); "2014-2020" -> a range.

    >>> pattern_dates().vague_parts["late"]
    (7, 9)
    """
    data = _load_json("dates.json")
    if not isinstance(data, dict):
        raise RuleDataError("dates.json must be an object")
    low, high = data["year_range"]
    return DateRules(
        vague_parts={str(k): (int(v[0]), int(v[1])) for k, v in data["vague_parts"].items()},
        year_min=int(low),
        year_max=int(high),
        months={str(k): int(v) for k, v in data["months"].items()},
    )


@cache
def _date_regexes() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    rules = pattern_dates()
    parts = "|".join(sorted((re.escape(p) for p in rules.vague_parts if p), key=len, reverse=True))
    months = "|".join(sorted(map(re.escape, rules.months), key=len, reverse=True))
    vague = re.compile(
        rf"\b(?:(?P<part>{parts})(?:\s+of)?(?:\s+the)?[\s-]+|(?<=the\s))"
        r"(?P<decade>(?:1[89]|20)?\d0)['’]?s\b",
        re.IGNORECASE,
    )
    day = re.compile(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\.?,?\s+(?P<y>\d{{4}})\b"
        rf"|\b(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
        r"|\b\d{1,2}[./]\d{1,2}[./](?P<y3>\d{4})\b|\b(?P<y4>\d{4})-\d{2}-\d{2}\b",
        re.IGNORECASE,
    )
    month = re.compile(rf"\b(?:{months})\.?\s+(?:of\s+)?(?P<y>\d{{4}})\b", re.IGNORECASE)
    year_range = re.compile(r"\b(?P<a>\d{4})\s*[-–/]\s*(?P<b>\d{2}|\d{4})\b")
    year = re.compile(r"(?<![\d.,])\b(?P<y>\d{4})\b(?![.,]\d)")
    return vague, day, month, year_range, year


def find_dates(text: str) -> list[DateExpr]:
    """Date expressions in `text`, most specific reading first, without overlaps.

    >>> [(d.value, d.precision) for d in find_dates("At the beginning of the 2000s, in 2002")]
    [('2000/2003', 'vague'), (2002, 'year')]
    >>> [(d.value, d.precision) for d in find_dates("late 1980s/early 90s; established in March 2015")]
    [('1987/1993', 'vague'), (2015, 'month')]
    >>> [(d.value, d.precision) for d in find_dates("the 2014-2020 funding period")]
    [('2014/2020', 'range')]
    """
    rules = pattern_dates()
    vague, day, month, year_range, year = _date_regexes()
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(expr: DateExpr) -> None:
        found.append(expr)
        taken.append((expr.start, expr.end))

    for m in vague.finditer(text):
        decade = int(m.group("decade"))
        if decade < 100:
            decade += 1900 if decade >= 30 else 2000
        if not rules.year_min <= decade <= rules.year_max:
            continue
        part = (m.group("part") or "").lower()
        lo, hi = rules.vague_parts[part]
        start = m.start("part") if m.group("part") else m.start("decade")
        add(DateExpr(start, m.end(), text[start : m.end()], f"{decade + lo}/{decade + hi}", "vague"))
    # merge "late 1980s/early 90s" into one interval
    merged: list[DateExpr] = []
    for expr in sorted(found, key=lambda d: d.start):
        if merged and text[merged[-1].end : expr.start].strip() in ("/", "or", "to", "-", "–"):
            prev = merged.pop()
            a = str(prev.value).split("/")[0]
            b = str(expr.value).split("/")[1]
            merged.append(DateExpr(prev.start, expr.end, text[prev.start : expr.end], f"{a}/{b}", "vague"))
        else:
            merged.append(expr)
    found = merged
    for m in year_range.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b = m.group("a"), m.group("b")
        if len(b) == 2:
            b = a[:2] + b
        if rules.year_min <= int(a) <= rules.year_max and int(b) > int(a):
            add(DateExpr(m.start(), m.end(), m.group(0), f"{a}/{b}", "range"))
    for m in day.finditer(text):
        y = next(g for g in (m.group("y"), m.group("y2"), m.group("y3"), m.group("y4")) if g)
        if free(m.start(), m.end()) and rules.year_min <= int(y) <= rules.year_max:
            add(DateExpr(m.start(), m.end(), m.group(0), int(y), "day"))
    for m in month.finditer(text):
        if free(m.start(), m.end()) and rules.year_min <= int(m.group("y")) <= rules.year_max:
            add(DateExpr(m.start(), m.end(), m.group(0), int(m.group("y")), "month"))
    for m in year.finditer(text):
        if free(m.start(), m.end()) and rules.year_min <= int(m.group("y")) <= rules.year_max:
            add(DateExpr(m.start(), m.end(), m.group(0), int(m.group("y")), "year"))
    return sorted(found, key=lambda d: d.start)
