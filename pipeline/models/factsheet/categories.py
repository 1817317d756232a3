"""Standardised categories of the ECCP policy table: the vocabulary first, layout second.

A categorised field holds a list of standardised categories (printed bold in the ECCP
template) followed by a free description. Producers set the categories as consecutive bold
lines with or without spacing, as bullets, or without bold at all, and they wrap, hyphenate
and re-case them. So the split is decided by the closed vocabulary in
`rules/v1/categories.json` wherever it applies: a run of whole lines whose letters and digits
spell a known category is that category. Text the vocabulary does not know falls back on
layout: bold text is a category (kept and reported as unknown, never merged into a
neighbour: a short line followed by a capitalised one starts a new category), other text is
description.

    lines ─► segment_lines (vocabulary match, else layout) ─► Segment(kind, text, quote, lines)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pipeline.backend.pdf import SOFT_HYPHENS, join_lines
from pipeline.datamodel.document import BBox, TextLine
from pipeline.text.numbers import strip_markers

RULES_VERSION = "v1"
RULES_DIR = Path(__file__).parent / "rules" / RULES_VERSION
DEFAULT_MAX_LINES = 12  # a category never wraps over more lines than this (narrow columns)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_BULLET = re.compile(r"^[•▪■●◦‣∙·–—*►➢✓-]\s+")

SegmentKind = Literal["category", "unknown_category", "description"]


@dataclass(frozen=True)
class Vocabulary:
    version: str
    by_field: dict[str, dict[str, tuple[str, ...]]]  # field -> key -> spellings

    def spellings(self, field: str, key: str) -> tuple[str, ...]:
        return self.by_field.get(field, {}).get(key, ())

    def knows(self, field: str, text: str) -> bool:
        return category_key(text) in self.by_field.get(field, {})


def category_key(text: str) -> str:
    """Letters and digits only, case-folded, ligatures and footnote markers removed.

    >>> category_key("Increasing competitiveness and boosting scale-\\nup of SMEs")
    'increasingcompetitivenessandboostingscaleupofsmes'
    >>> category_key("Digital\\u00adisation²") == category_key("DIGITALISATION")
    True
    """
    text = unicodedata.normalize("NFKC", strip_markers(text)).casefold()
    return _NOT_ALNUM.sub("", text)


@lru_cache(maxsize=1)
def pattern_categories() -> Vocabulary:
    """The closed category vocabulary per field path, keyed by `category_key`.

    >>> pattern_categories().knows("beneficiaries", "Start-\\nups")
    True
    >>> pattern_categories().knows("beneficiaries", "Green economy")
    False
    """
    data = json.loads((RULES_DIR / "categories.json").read_text("utf-8"))
    by_field: dict[str, dict[str, tuple[str, ...]]] = {}
    for field, names in data["fields"].items():
        table: dict[str, tuple[str, ...]] = {}
        for name in names:
            key = category_key(name)
            table[key] = (*table.get(key, ()), name)
        by_field[field] = table
    return Vocabulary(version=str(data["version"]), by_field=by_field)


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str  # the value: lines joined, hyphenation undone
    quote: str  # the lines as printed, joined by spaces (verbatim in the source)
    lines: tuple[TextLine, ...]

    @property
    def bbox(self) -> BBox:
        box = self.lines[0].bbox
        for line in self.lines[1:]:
            box = box.union(line.bbox)
        return box


def _clean(text: str) -> str:
    return _BULLET.sub("", text).strip()


def join_as_spelled(texts: Sequence[str], spellings: Sequence[str]) -> str:
    """Join a category's lines the way the vocabulary spells it (no space inside 'scale-up').

    >>> join_as_spelled(["boosting scale-", "up of SMEs"], ["boosting scale-up of SMEs"])
    'boosting scale-up of SMEs'
    >>> join_as_spelled(["organisations/", "cross-clustering"], ["organisations/cross-clustering"])
    'organisations/cross-clustering'
    >>> join_as_spelled(["Digital", "economy"], ["Digital economy"])
    'Digital economy'
    """
    folded = [" ".join(s.split()).casefold() for s in spellings]
    out = ""
    for text in texts:
        if not out:
            out = text
            continue
        if out.endswith(SOFT_HYPHENS):
            out = out[:-1] + text
            continue
        left = out.rsplit(" ", 1)[-1].casefold()
        right = text.split(" ", 1)[0].casefold()
        glued = left + right
        spaced = f"{left} {right}"
        if any(glued in f for f in folded) and not any(spaced in f for f in folded):
            out += text
        else:
            out += " " + text
    return out


def _match_at(lines: Sequence[TextLine], start: int, field: str, vocabulary: Vocabulary) -> int:
    """How many lines from `start` spell one known category (the longest match), else 0."""
    table = vocabulary.by_field.get(field, {})
    key = ""
    best = 0
    for n in range(1, min(DEFAULT_MAX_LINES, len(lines) - start) + 1):
        key += category_key(_clean(lines[start + n - 1].text))
        if key in table:
            best = n
        elif not any(k.startswith(key) for k in table):
            break
    return best


def segment_lines(
    lines: Sequence[TextLine],
    field: str,
    vocabulary: Vocabulary | None = None,
    gap: float = 2.0,
    right: float | None = None,
) -> list[Segment]:
    """Split a categorised field's lines into categories and description.

    Known categories are recognised whatever their weight, case, wrapping or bullets.
    `right` is where the text column ends (the cell's inner right edge).
    Unknown text is grouped by layout: a bold run is a category (a bullet, a wider gap or a
    short line followed by a capital starts the next one), other text is description (a
    bullet, a weight change or a gap wider than `gap` starts a new paragraph).
    """
    vocabulary = vocabulary or pattern_categories()
    if right is None:  # the text column's right edge: the widest line's end
        right = max((line.bbox.x1 for line in lines), default=0.0)
    segments: list[Segment] = []
    pending: list[TextLine] = []

    def flush() -> None:
        if not pending:
            return
        texts = [_clean(line.text) for line in pending]
        kind: SegmentKind = "unknown_category" if pending[0].bold else "description"
        segments.append(Segment(kind, join_lines(texts), " ".join(texts), tuple(pending)))
        pending.clear()

    def opens(i: int) -> bool:
        return not pending or _starts_new(pending[-1], lines[i], right, gap)

    def closes(end: int) -> bool:  # the next line is not a wrapped continuation of the match
        if end >= len(lines):
            return True
        following = lines[end]
        same_run = following.bold == lines[end - 1].bold and not _BULLET.match(following.text)
        return not (same_run and following.text[:1].islower())

    i = 0
    while i < len(lines):
        n = _match_at(lines, i, field, vocabulary)
        if n and opens(i) and closes(i + n):
            flush()
            chunk = lines[i : i + n]
            texts = [_clean(line.text) for line in chunk]
            key = category_key("".join(texts))
            text = join_as_spelled(texts, vocabulary.spellings(field, key))
            segments.append(Segment("category", text, " ".join(texts), tuple(chunk)))
            i += n
            continue
        line = lines[i]
        if pending and _starts_new(pending[-1], line, right, gap):
            flush()
        pending.append(line)
        i += 1
    flush()
    return segments


def _starts_new(previous: TextLine, line: TextLine, right: float, gap: float) -> bool:
    """Does `line` open a new category or paragraph rather than continue `previous`?

    A weight change or a bullet opens one; a lower-case start never does (a wrapped line,
    also when the row broke across a page); otherwise the line opens one when its first word
    would have fitted at the end of the previous line (the break was not a wrap), when the
    gap is wider than a line gap, or when a new cell piece follows a finished sentence.
    """
    if previous.bold != line.bold or _BULLET.match(line.text):
        return True
    if line.text[:1].islower():
        return False
    first_word = line.text.split(" ", 1)[0]
    per_char = (line.bbox.x1 - line.bbox.x0) / max(len(line.text), 1)
    if right - previous.bbox.x1 > per_char * (len(first_word) + 2):
        return True
    if line.bbox.top < previous.bbox.top - 1:  # a new piece (next page) starting higher up
        return previous.text.rstrip().endswith((".", "!", "?", ":", ";", "”", '"', ")"))
    return line.bbox.top - previous.bbox.bottom > gap
