"""Dates in English prose: one module for every date form the extractors read.

`find_dates(text, published=...)` returns the date expressions of `text`, most
specific reading first and without overlaps:

- full dates: "on the 3rd of February 2018", "Jan 01, 2012", "01 June 1999",
  "1.6.1999", "2018-02-03" (precision `day`; the day is checked with dateutil);
- months: "March 2015", "in May of 2006" (`month`); bare years (`year`);
- vague decades: "at the beginning of the 2000s", "late 1980s/early 90s" (`vague`,
  value "START/END");
- ranges: "2014-2020", "between 2014 and 2020", "from 2009 to 2012" (`range`,
  value "START/END"); open ranges "from 2006 onwards", "since 2011" are a year;
- relative dates: "around 15 years ago", "a decade ago" resolved against the
  publication date (`approximate`); without a publication date they are skipped.

A year that dates another event is kept but marked `anchor="other"`
("after the financial crisis of 2008", "in the wake of the 2015 reform"), so an
event extractor can skip it. Word lists are data: `rules/dates_v1.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from dateutil import parser as date_parser

__all__ = ["DEFAULT_RULES_PATH", "DateExpr", "DateRules", "find_dates", "pattern_dates"]

DEFAULT_RULES_PATH = Path(__file__).parent / "rules" / "dates_v1.json"

Precision = Literal["day", "month", "year", "vague", "range", "approximate"]


@dataclass(frozen=True)
class DateExpr:
    start: int  # char offsets in the analysed text
    end: int
    text: str
    value: int | str  # a year, or "START/END" for vague expressions and ranges
    precision: Precision
    anchor: Literal["own", "other"] = "own"  # "other": the year dates another event


@dataclass(frozen=True)
class DateRules:
    vague_parts: dict[str, tuple[int, int]]
    year_min: int
    year_max: int
    months: dict[str, int]
    of_year_heads: frozenset[str]
    attributive_ok: frozenset[str]
    other_event_cues: tuple[str, ...]
    relative_units: dict[str, int]
    number_words: dict[str, int]
    approximators: tuple[str, ...]
    range_openers: tuple[tuple[str, str], ...]
    anniversary_words: tuple[str, ...] = ()
    age_verbs: tuple[str, ...] = ()  # "X turns 20 this year"
    celebration_verbs: tuple[str, ...] = ()  # "X celebrates fifteen years since its foundation"
    celebration_times: tuple[str, ...] = ()  # "marks this month a decade"
    celebration_possessives: tuple[str, ...] = ()  # "celebrates its first ten years"
    celebration_since_nouns: tuple[str, ...] = ()  # "... since its foundation"
    celebration_of_nouns: tuple[str, ...] = ()  # "ten years of activity"
    ordinal_words: dict[str, int] | None = None
    anniversary_shifts: dict[str, int] | None = None
    negated_until: tuple[str, ...] = ()
    negations: frozenset[str] = frozenset()
    publication_relative: dict[str, int] | None = None  # "last year" on a dated page: its year - 1


class DateRuleError(ValueError):
    """The date rule file is missing or malformed."""


@cache
def pattern_dates(path: Path = DEFAULT_RULES_PATH) -> DateRules:
    """Vague decade parts, month names and the cue words of `rules/dates_v1.json`.

    "At the beginning of the 2000s" -> "2000/2003"; "late 1980s" -> "1987/1989";
    "early 90s" -> "1990/1993"; "March 2015" -> 2015 (month); "2014-2020" -> a range.

    >>> pattern_dates().vague_parts["late"]
    (7, 9)
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DateRuleError(f"cannot load date rules {path}: {exc}") from exc
    low, high = data["year_range"]
    return DateRules(
        vague_parts={str(k): (int(v[0]), int(v[1])) for k, v in data["vague_parts"].items()},
        year_min=int(low),
        year_max=int(high),
        months={str(k): int(v) for k, v in data["months"].items()},
        of_year_heads=frozenset(data["of_year_heads"]),
        attributive_ok=frozenset(data["attributive_ok"]),
        other_event_cues=tuple(sorted(data["other_event_cues"], key=len, reverse=True)),
        relative_units={str(k): int(v) for k, v in data["relative_units"].items()},
        number_words={str(k): int(v) for k, v in data["number_words"].items()},
        approximators=tuple(sorted(data["approximators"], key=len, reverse=True)),
        range_openers=tuple((str(a), str(b)) for a, b in data["range_openers"]),
        anniversary_words=tuple(data["anniversary_words"]),
        age_verbs=tuple(sorted(data.get("age_verbs", ()), key=len, reverse=True)),
        celebration_verbs=tuple(sorted(data.get("celebration_verbs", ()), key=len, reverse=True)),
        celebration_times=tuple(sorted(data.get("celebration_times", ()), key=len, reverse=True)),
        celebration_possessives=tuple(data.get("celebration_possessives", ())),
        celebration_since_nouns=tuple(sorted(data.get("celebration_since_nouns", ()), key=len, reverse=True)),
        celebration_of_nouns=tuple(sorted(data.get("celebration_of_nouns", ()), key=len, reverse=True)),
        ordinal_words={str(k): int(v) for k, v in data["ordinal_words"].items()},
        anniversary_shifts={str(k): int(v) for k, v in data.get("anniversary_shifts", {}).items()},
        negated_until=tuple(data.get("negated_until", ())),
        negations=frozenset(data.get("negations", ())),
        publication_relative={str(k): int(v) for k, v in data.get("publication_relative", {}).items()},
    )


@dataclass(frozen=True)
class _Regexes:
    vague: re.Pattern[str]
    day: re.Pattern[str]
    month: re.Pattern[str]
    year_range: re.Pattern[str]
    worded_range: re.Pattern[str]
    relative: re.Pattern[str]
    anniversary: re.Pattern[str]
    age: re.Pattern[str]
    celebrated: re.Pattern[str]
    year: re.Pattern[str]


_YEAR = r"(?:1[89]|20)\d\d"


@cache
def _regexes() -> _Regexes:
    rules = pattern_dates()
    parts = "|".join(sorted((re.escape(p) for p in rules.vague_parts if p), key=len, reverse=True))
    months = "|".join(sorted(map(re.escape, rules.months), key=len, reverse=True))
    ordinal = r"\d{1,2}(?:st|nd|rd|th)?"
    openers = "|".join(
        rf"{re.escape(a)}\s+(?P<a{i}>{_YEAR})\s+{re.escape(b)}\s+(?P<b{i}>{_YEAR})"
        for i, (a, b) in enumerate(rules.range_openers)
    )
    numbers = "|".join(sorted(map(re.escape, rules.number_words), key=len, reverse=True))
    tens = "|".join(re.escape(w) for w, n in rules.number_words.items() if n >= 20 and n % 10 == 0)
    ones = "|".join(re.escape(w) for w, n in rules.number_words.items() if 1 <= n <= 9 and w.isalpha() and len(w) > 2)
    numbers = rf"(?:{tens})[-\s](?:{ones})|{numbers}"  # "twenty-five", "thirty one"
    approx = "|".join(map(re.escape, rules.approximators))
    units = "|".join(sorted(map(re.escape, rules.relative_units), key=len, reverse=True))
    return _Regexes(
        vague=re.compile(
            rf"\b(?:(?P<part>{parts})(?:\s+of)?(?:\s+the)?[\s-]+|(?<=the\s))"
            r"(?P<decade>(?:1[89]|20)?\d0)['’]?s\b",
            re.IGNORECASE,
        ),
        day=re.compile(
            rf"\b(?:the\s+)?{ordinal}\s+(?:of\s+)?(?P<m1>{months})\.?,?\s+(?P<y>\d{{4}})\b"
            rf"|\b(?P<m2>{months})\.?\s+(?:the\s+)?{ordinal},?\s+(?P<y2>\d{{4}})\b"
            r"|\b\d{1,2}[./]\d{1,2}[./](?P<y3>\d{4})\b|\b(?P<y4>\d{4})-\d{2}-\d{2}\b",
            re.IGNORECASE,
        ),
        month=re.compile(rf"\b(?:{months})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b", re.IGNORECASE),
        year_range=re.compile(r"\b(?P<a>\d{4})\s*[-–/]\s*(?P<b>\d{2}|\d{4})\b"),
        worded_range=re.compile(rf"\b(?:{openers})\b", re.IGNORECASE),
        relative=re.compile(
            rf"(?<![\w-])(?:(?:{approx})\s+)?(?P<n>\d{{1,3}}|{numbers})\s+(?P<unit>{units})\s+ago\b", re.IGNORECASE
        ),
        anniversary=re.compile(
            rf"\b(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(map(re.escape, rules.ordinal_words or {}))})"
            rf"(?=\s+(?:{'|'.join(map(re.escape, rules.anniversary_words))})\b)",
            re.IGNORECASE,
        ),
        age=re.compile(
            rf"\b(?:{'|'.join(map(re.escape, rules.age_verbs)) or '(?!)'})\s+(?P<n>\d{{1,3}}|{numbers})\b(?!\s*(?:%|per\s*cent|percent|million|billion|degrees)|[.,]\d|\s+(?!(?:this|last|next|in|on|at|today|years?|and|with)\b)[a-z])",
            re.IGNORECASE,
        ),
        year=re.compile(r"(?<![\d.,])\b(?P<y>\d{4})\b(?![.,]\d)"),
        # "celebrates fifteen years since its foundation", "celebrates a quarter of a century",
        # "marks ten years of activity" (never "celebrates 30 years of Erasmus": another thing's age)
        celebrated=re.compile(
            rf"\b(?:{'|'.join(map(re.escape, rules.celebration_verbs)) or '(?!)'})\s+"
            rf"(?:(?:{_alternatives(rules.celebration_times)})\s+)?"  # "marks this month a decade"
            rf"(?:(?:{_alternatives(rules.celebration_possessives)})\s+(?:first\s+)?)?"
            rf"(?P<n>\d{{1,3}}|{numbers}|a|one)\s+(?P<unit>{units})\b"
            rf"(?:\s+since\s+(?:{_alternatives(rules.celebration_possessives)})\s+(?:{_alternatives(rules.celebration_since_nouns)})"
            rf"|\s+of\s+(?:(?:{_alternatives(rules.celebration_possessives)})\s+)?(?:{_alternatives(rules.celebration_of_nouns)})\b)?"
            r"(?!\s+of\b)",
            re.IGNORECASE,
        ),
    )


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first; one that never matches when empty.

    >>> _alternatives(("this month", "today"))
    'this\\\\s+month|today'
    >>> _alternatives(())
    '(?!)'
    """
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"


def is_negated_until(text: str, start: int) -> bool:
    """'until' after a negation in the same clause gives the event's own date: "it was not
    constituted as an association until 2005" (constituted in 2005).

    >>> is_negated_until("but it was not formally registered until 2005", 41)
    True
    >>> is_negated_until("the programme ran until 2005", 23)
    False
    """
    rules = pattern_dates()
    clause = re.split(r"[,.;:!?()]", text[:start])[-1].lower()
    words = re.findall(r"[\w’']+", clause)
    if not words or words[-1] not in rules.negated_until:
        return False
    return any(w in rules.negations or w.endswith(("n't", "n’t")) for w in words[:-1])


def _anniversary_year(text: str, end: int, published: int, rules: DateRules) -> int:
    """The year an anniversary was (or will be) celebrated: the page's year, unless the rest of its
    clause says otherwise ("its tenth birthday last year" -> the year before, "in 2024" -> 2024).

    >>> _anniversary_year(" birthday last year with a party", 0, 2025, pattern_dates())
    2024
    >>> _anniversary_year(" anniversary in 2019, and", 0, 2025, pattern_dates())
    2019
    >>> _anniversary_year(" anniversary. Last year it", 0, 2025, pattern_dates())
    2025
    """
    clause = re.split(r"[,.;:!?()]", text[end : end + 80], maxsplit=1)[0].lower()
    explicit = re.search(rf"\b(?:in|during)\s+({_YEAR})\b", clause)
    if explicit:
        return int(explicit.group(1))
    for phrase, shift in (rules.anniversary_shifts or {}).items():
        if re.search(rf"\b{re.escape(phrase)}\b", clause):
            return published + shift
    return published


def _anniversary_before(text: str, start: int, rules: DateRules) -> bool:
    """'its tenth birthday last year': the phrase says when an anniversary was, not an event date.

    >>> _anniversary_before("celebrated its tenth birthday last year", 32, pattern_dates())
    True
    """
    clause = re.split(r"[,.;:!?()]", text[:start])[-1].lower()
    return any(re.search(rf"\b{re.escape(w)}\b", clause) for w in (*rules.anniversary_words, *rules.age_verbs))


def _words_before(text: str, start: int, n: int) -> list[str]:
    return re.findall(r"[\w’']+", text[max(0, start - 80) : start].lower())[-n:]


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s+([A-Za-z][\w’'-]*)", text[end:])
    return m.group(1) if m else ""


def _anchor(text: str, expr: DateExpr) -> Literal["own", "other"]:
    """'other' when the date belongs to another event named around it.

    "the financial crisis of 2008" (a noun other than a period word before "of"),
    "the 2015 reform" (the year is an attribute of a noun), "after 2008", "in the
    wake of the 2015 reform" (a cue phrase before the date).
    """
    rules = pattern_dates()
    before = _words_before(text, expr.start, 5)
    prefix = text[max(0, expr.start - 40) : expr.start].lower()
    if is_negated_until(text, expr.start):
        return "own"
    for cue in rules.other_event_cues:
        if re.search(rf"\b{re.escape(cue)}\s+(?:the\s+)?$", prefix):
            return "other"
    if expr.precision in ("year", "month") and len(before) >= 2 and before[-1] == "of":
        head = before[-2]
        if head not in rules.of_year_heads and head not in rules.months and head.isalpha():
            return "other"
    if expr.precision == "year" and before and before[-1] in ("the", "a", "its", "their", "this"):
        following = _word_after(text, expr.end)
        if following and following.islower() and following not in rules.attributive_ok:
            return "other"
    return "own"


def _valid_day(text: str) -> bool:
    """dateutil reads the matched day ("the 3rd of February 2018", "31.02.2019" is not a day)."""
    cleaned = re.sub(r"^the\s+|\s+of\s+", " ", text, flags=re.IGNORECASE).replace(" the ", " ")
    try:
        date_parser.parse(cleaned, dayfirst=True, fuzzy=False)
    except (ValueError, OverflowError):
        return False
    return True


def _count_of(raw: str) -> int | None:
    """A number written in digits or words: "12", "ten", "twenty-five"."""
    rules = pattern_dates()
    raw = raw.lower()
    compound = re.fullmatch(r"([a-z]+)[-\s]([a-z]+)", raw)
    if raw.isdigit():
        return int(raw)
    if raw in rules.number_words:
        return rules.number_words[raw]
    if compound is not None and compound.group(1) in rules.number_words and compound.group(2) in rules.number_words:
        return rules.number_words[compound.group(1)] + rules.number_words[compound.group(2)]  # "twenty-five"
    return None


def _relative_year(match: re.Match[str], published: date) -> int | None:
    rules = pattern_dates()
    n = _count_of(match.group("n"))
    if n is None:
        return None
    return published.year - n * rules.relative_units[match.group("unit").lower()]


def _published_date(published: str | date | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(text: str, *, published: str | date | None = None) -> list[DateExpr]:
    """Date expressions in `text`, most specific reading first, without overlaps.

    >>> [(d.value, d.precision) for d in find_dates("At the beginning of the 2000s, in 2002")]
    [('2000/2003', 'vague'), (2002, 'year')]
    >>> [(d.value, d.precision) for d in find_dates("late 1980s/early 90s; established in March 2015")]
    [('1987/1993', 'vague'), (2015, 'month')]
    >>> [(d.value, d.precision) for d in find_dates("the 2014-2020 funding period")]
    [('2014/2020', 'range')]
    >>> [(d.value, d.precision) for d in find_dates("on the 3rd of February 2018 and Jan 01, 2012")]
    [(2018, 'day'), (2012, 'day')]
    >>> [(d.value, d.precision) for d in find_dates("around 15 years ago", published="2024-05-02")]
    [(2009, 'approximate')]
    >>> [(d.value, d.precision) for d in find_dates("Last year we founded it", published="2025-02-11")]
    [(2024, 'approximate')]
    >>> [d.value for d in find_dates("launched earlier this year; this year's fair", published="2025-02-11")]
    [2025]
    >>> [(d.value, d.anchor) for d in find_dates("founded after the financial crisis of 2008")]
    [(2008, 'other')]
    """
    rules = pattern_dates()
    rx = _regexes()
    pub = _published_date(published)
    found: list[DateExpr] = []

    def free(start: int, end: int) -> bool:
        return all(end <= d.start or start >= d.end for d in found)

    def add(expr: DateExpr) -> None:
        found.append(replace(expr, anchor=_anchor(text, expr)))

    for m in rx.vague.finditer(text):
        decade = int(m.group("decade"))
        if decade < 100:
            decade += 1900 if decade >= 30 else 2000
        if not rules.year_min <= decade <= rules.year_max:
            continue
        part = (m.group("part") or "").lower()
        lo, hi = rules.vague_parts[part]
        start = m.start("part") if m.group("part") else m.start("decade")
        found.append(DateExpr(start, m.end(), text[start : m.end()], f"{decade + lo}/{decade + hi}", "vague"))
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
    for m in rx.worded_range.finditer(text):
        years = [int(g) for g in m.groups() if g]
        if free(m.start(), m.end()) and len(years) == 2 and years[0] < years[1]:
            found.append(DateExpr(m.start(), m.end(), m.group(0), f"{years[0]}/{years[1]}", "range"))
    for m in rx.year_range.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b = m.group("a"), m.group("b")
        if len(b) == 2:
            b = a[:2] + b
        if rules.year_min <= int(a) <= rules.year_max and int(b) > int(a):
            found.append(DateExpr(m.start(), m.end(), m.group(0), f"{a}/{b}", "range"))
    for m in rx.day.finditer(text):
        y = next(g for g in (m.group("y"), m.group("y2"), m.group("y3"), m.group("y4")) if g)
        if free(m.start(), m.end()) and rules.year_min <= int(y) <= rules.year_max and _valid_day(m.group(0)):
            add(DateExpr(m.start(), m.end(), m.group(0), int(y), "day"))
    for m in rx.month.finditer(text):
        if free(m.start(), m.end()) and rules.year_min <= int(m.group("y")) <= rules.year_max:
            add(DateExpr(m.start(), m.end(), m.group(0), int(m.group("y")), "month"))
    if pub is not None:
        for m in rx.relative.finditer(text):
            year = _relative_year(m, pub)
            if year is not None and free(m.start(), m.end()) and rules.year_min <= year <= rules.year_max:
                found.append(DateExpr(m.start(), m.end(), m.group(0), year, "approximate"))
    if pub is not None:
        for phrase, shift in (rules.publication_relative or {}).items():  # "Last year we founded X"
            for m in re.finditer(rf"\b{re.escape(phrase)}\b(?![’'])", text, re.IGNORECASE):  # not "this year's"
                if free(m.start(), m.end()) and not _anniversary_before(text, m.start(), rules):
                    found.append(DateExpr(m.start(), m.end(), m.group(0), pub.year + shift, "approximate"))
    if pub is not None:
        for m in rx.anniversary.finditer(text):  # "its 20th anniversary" on a page of 2019 -> 1999
            raw = m.group("n").lower()
            n = int(raw[:-2]) if raw[:-2].isdigit() else (rules.ordinal_words or {}).get(raw)
            year = _anniversary_year(text, m.end(), pub.year, rules)
            if n and free(m.start(), m.end()) and rules.year_min <= year - n:
                found.append(DateExpr(m.start(), m.end(), m.group(0), year - n, "approximate"))
    if pub is not None:
        for m in rx.age.finditer(text):  # "X turns 20 this year" on a page of 2022 -> 2002
            n = _count_of(m.group("n"))
            year = _anniversary_year(text, m.end(), pub.year, rules)
            if n and free(m.start(), m.end()) and rules.year_min <= year - n:
                found.append(DateExpr(m.start("n"), m.end(), m.group("n"), year - n, "approximate"))
    if pub is not None:
        for m in rx.celebrated.finditer(text):  # "X celebrates fifteen years" on a page of 2021 -> 2006
            n = 1 if m.group("n").lower() in ("a", "one") else _count_of(m.group("n"))
            span = n * rules.relative_units[m.group("unit").lower()] if n else 0
            year = _anniversary_year(text, m.end(), pub.year, rules)
            if span and free(m.start("n"), m.end()) and rules.year_min <= year - span:
                found.append(DateExpr(m.start("n"), m.end(), text[m.start("n") : m.end()], year - span, "approximate"))
    for m in rx.year.finditer(text):
        if free(m.start(), m.end()) and rules.year_min <= int(m.group("y")) <= rules.year_max:
            add(DateExpr(m.start(), m.end(), m.group(0), int(m.group("y")), "year"))
    return sorted(found, key=lambda d: d.start)
