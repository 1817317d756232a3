"""Structured fields in prose pages: profile fields, definition lists and tables.

- "Year of establishment: 2005 · Members: 40" in one paragraph (fields split by separators);
- a label block followed by its value block (definition lists: "Founded" / "2012");
- a table whose header names the columns ("Cluster | Members | Year founded"): one subject per row.

The subject of a field is the section it sits in (the nearest heading above that names an
organisation), else the page topic; a table row names its own subject.  Labels are data
(`rules/v1/structured.json`); dates go through `pipeline.text.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from pipeline.datamodel.document import Block
from pipeline.models.nlp.patterns import (
    _load_json,
    is_camelcase_name,
    is_name_word,
    pattern_count_nouns,
    pattern_countries,
    pattern_syntax,
    pattern_name_lexicon,
)
from pipeline.text.dates import find_dates, pattern_dates

__all__ = ["Field", "StructuredRules", "find_fields", "describes_non_cluster", "item_head", "job_start_field", "start_field_line", "pattern_structured_fields"]


@dataclass(frozen=True)
class StructuredRules:
    start_labels: frozenset[str]
    member_labels: frozenset[str]
    cluster_count_labels: frozenset[str]
    non_member_words: frozenset[str]
    name_labels: frozenset[str]
    separators: tuple[str, ...]
    clause_separators: frozenset[str]
    # "When did the network start?", "Date the cluster organisation was established", "How many members are there?"
    described_openers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # "Start date: 01.04.2025" next to "Application deadline:" or "Salary:" is a job's start
    ambiguous_start_labels: frozenset[str] = frozenset()
    job_labels: frozenset[str] = frozenset()
    joining_tails: frozenset[str] = frozenset()
    start_questions: tuple[str, ...] = ()
    member_questions: tuple[str, ...] = ()
    answer_openers: frozenset[str] = frozenset()
    total_word: str = "total"  # "Total number of members": the other member fields are its parts
    owner_nouns: tuple[str, ...] = ()  # "Date of creation of the cluster organisation": whose field it is
    former_name_labels: frozenset[str] = frozenset()  # "Formerly: GIZ MAC (until 2009)": the old name


@cache
def pattern_structured_fields() -> StructuredRules:
    """Field labels of profile pages, directories and tables.

    >>> rules = pattern_structured_fields()
    >>> "year of establishment" in rules.start_labels, "members" in rules.member_labels
    (True, True)
    """
    data = _load_json("structured.json")
    assert isinstance(data, dict)
    return StructuredRules(
        start_labels=frozenset(data["start_labels"]),
        member_labels=frozenset(data["member_labels"]),
        cluster_count_labels=frozenset(data.get("cluster_count_labels", ())),
        non_member_words=frozenset(data.get("non_member_words", ())),
        name_labels=frozenset(data["name_labels"]),
        separators=tuple(data["separators"]),
        clause_separators=frozenset(data["clause_separators"]),
        described_openers=tuple(
            (str(attribute), tuple(sorted(openers, key=len, reverse=True)))
            for attribute, openers in data.get("described_openers", {}).items()
        ),
        ambiguous_start_labels=frozenset(data.get("ambiguous_start_labels", ())),
        job_labels=frozenset(data.get("job_labels", ())),
        joining_tails=frozenset(data.get("joining_tails", ())),
        start_questions=tuple(data.get("start_questions", ())),
        member_questions=tuple(data.get("member_questions", ())),
        answer_openers=frozenset(data.get("answer_openers", ())),
        total_word=str(data.get("total_word", "total")),
        owner_nouns=tuple(sorted((str(n) for n in data.get("owner_nouns", ())), key=len, reverse=True)),
        former_name_labels=frozenset(data.get("former_name_labels", ())),
    )


@dataclass(frozen=True)
class Field:
    """One structured value: which attribute, of which subject (None: the section/page topic)."""

    block: int  # index into the selected blocks
    start: int  # character span of the quote inside that block
    end: int
    attribute: str  # "start" | "member_count" | "cluster_count" | "former_name"
    value: int | str
    precision: str | None
    subject: str | None  # a table row's own name
    described: bool = False  # the label asks or describes its value ("When was X founded?"), never a job's "Start date"
    label: str = ""  # the field's label, lower case, when it has one
    answer: bool = False  # the answer to an FAQ heading ("Since when do you exist?" / "Since 1999."): the page's own


_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ ,.]\d{3})+|\d+)\s*\+?(?![\d.,]?\d)")


_LABEL_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # "Members (2024)": the note dates the value, it is not the label


def _label(text: str) -> str:
    """A field label as matched: lower case, without its note, colon or question mark, and without
    a leading article ("The date when the cluster organisation was established")."""
    words = _LABEL_NOTE.sub("", text.strip().rstrip(":").rstrip("?")).lower().split()
    if len(words) > 1 and words[0] in pattern_syntax().articles:
        words = words[1:]
    return " ".join(words)


_FORMER_NAME = re.compile(r"^\s*(?P<name>[^\W\d_][^(;·|,]{0,80}?)\s*(?:[(;·|,]|$)")


def _value(attribute: str, text: str, published: str | None) -> tuple[int | str, str | None] | None:
    if attribute == "former_name":
        # "GIZ MAC (until 2009)", "ECO WORLD STYRIA (renamed in 2021)": the name before its note
        m = _FORMER_NAME.match(text)
        name = m.group("name").strip() if m else ""
        return (name, None) if name[:1].isupper() and len(name.split()) <= 8 else None
    if attribute == "start":
        dates = [
            d for d in find_dates(text, published=published) if d.anchor == "own" and d.precision != "range"
        ]
        return (dates[0].value, dates[0].precision) if dates else None
    if attribute == "member_count":
        whole = _bare_field(0, 0, text, published)
        if whole is not None and whole.attribute == "member_count":
            # "74 companies<br>6 knowledge institutions", "26 companies, 3 schools": one count, the sum
            return whole.value, None
    m = _NUMBER.search(text)
    if m is None:
        return None
    if any(d.start <= m.start(1) < d.end for d in find_dates(text, published=published)):
        return None  # "Reykjavík, 2 October 2019": the day of a date counts nothing
    value = int(re.sub(r"[ ,.]", "", m.group(1)))
    return (value, None) if not 1800 <= value <= 2100 else None


def _attribute(label: str) -> str | None:
    """The attribute a field label gives: an exact label, else a label that opens or closes a
    longer one ("Membership at 31 December 2024", "Clusters holding the status", "Programme
    start"), unless the label speaks of a board, staff or team."""
    rules = pattern_structured_fields()
    exact = _exact_attribute(label, rules)
    if exact is not None or not label:
        return exact
    described = _described_attribute(label, rules)
    if described is not None:
        return described
    owner = _owner_tail(label)
    if owner is not None:
        return _attribute(label[: owner.start()])  # "date of creation of the cluster organisation"
    words = label.split()
    if len(words) > 6 or set(words) & rules.non_member_words:
        return None
    for n in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:n]), " ".join(words[-n:])
        if n == 1 and tail in rules.joining_tails:
            return None  # "In the programme since", "Member since": a joining or recognition year
        found = _exact_attribute(head, rules) or _exact_attribute(tail, rules)
        if found is not None:
            return found
    return None


MAX_DESCRIBED_LABEL_WORDS = 10


def _owner_tail(label: str) -> re.Match[str] | None:
    """A label's closing "of the cluster (organisation)", naming whose field it is.

    >>> _owner_tail("date of creation of the cluster organisation").group(0)
    ' of the cluster organisation'
    """
    nouns = "|".join(re.escape(n) for n in pattern_structured_fields().owner_nouns)
    if not nouns:
        return None
    return re.search(rf"\s+of\s+(?:the\s+|our\s+|this\s+)?(?:{nouns})$", label)


def _described_attribute(label: str, rules: StructuredRules) -> str | None:
    """A label that asks or describes what its value is: a date opener ("when", "date", "year")
    with a start label at its end, or a count opener ("how many") with a member label right after it.

    >>> _described_attribute("when did the network start", pattern_structured_fields())
    'start'
    >>> _described_attribute("date the cluster organisation was established", pattern_structured_fields())
    'start'
    >>> _described_attribute("how many members are there", pattern_structured_fields())
    'member_count'
    >>> _described_attribute("when is the deadline", pattern_structured_fields()) is None
    True
    """
    words = label.split()
    if len(words) > MAX_DESCRIBED_LABEL_WORDS:
        return None
    for attribute, openers in rules.described_openers:
        for opener in openers:
            if not label.startswith(opener + " "):
                continue
            rest = label[len(opener) + 1 :].split()
            if attribute == "start" and any(
                _exact_attribute(" ".join(rest[-n:]), rules) == "start" for n in (1, 2)
            ):
                return "start"
            if attribute == "member_count" and any(
                _exact_attribute(" ".join(rest[:n]), rules) == "member_count" for n in (2, 1)
            ):
                return "member_count"
    return None


def _described_label(text: str) -> bool:
    """A question or descriptive label ("When did the network start?"), longer than a field name."""
    return _described_attribute(_label(text), pattern_structured_fields()) is not None


def _exact_attribute(label: str, rules: StructuredRules) -> str | None:
    if label in rules.start_labels:
        return "start"
    if label in rules.member_labels:
        return "member_count"
    if label in rules.cluster_count_labels:
        return "cluster_count"
    if label in rules.former_name_labels:
        return "former_name"
    return None


_BARE_COUNT = re.compile(
    r"^\s*(?:(?:over|more than|about|some|around|approx\.?)\s+)?(?P<n>\d[\d,.]*)\+?\s+"
    r"(?:(?P<modifier>[a-z][a-z-]*)\s+(?=[a-z]))?(?P<noun>[a-z][a-z-]*)"
    r"(?P<rest>(?:(?:\s*(?:,|and)\s*|\s*\n\s*)\d[\d,.]*\s+[a-z][a-z -]*?)*)\s*$"
)


MAX_BARE_FIELD_WORDS = 8  # "set up in 2012 by 18 furniture factories"


def _bare_field(index: int, offset: int, text: str, published: str | None) -> Field | None:
    """A field without a colon in a line of fields: "Active since 2011", "est. 2019", "18 members",
    "29 companies, 2 faculties" (one member count, the sum)."""
    rules = pattern_structured_fields()
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    low = stripped.lower()
    for label in sorted(rules.start_labels, key=len, reverse=True):
        if not low.startswith(label + " "):
            continue
        rest = stripped[len(label) :]
        if len(stripped.split()) > len(label.split()) + 4:
            # "set up in 2012 by 18 furniture factories": a longer field whose date follows the label
            rest = " ".join(rest.split()[:3])
        found = _value("start", rest, published)
        if found:
            return Field(index, offset + lead, offset + lead + len(stripped), "start", found[0], found[1], None)
        return None
    m = _BARE_COUNT.match(_count_core(stripped))
    if m is None:
        return None
    kinds = pattern_count_nouns().member_kinds
    rest = [(n, phrase.split()[-1]) for n, phrase in re.findall(r"(\d[\d,.]*)\s+([a-z][a-z -]*[a-z])", m.group("rest"))]
    parts = [(m.group("n"), m.group("noun")), *rest]
    if m.group("noun") not in pattern_count_nouns().member_nouns or any(noun not in kinds for _, noun in parts[1:]):
        return None
    if m.group("modifier") and m.group("modifier") not in pattern_count_nouns().member_modifiers:
        return None  # "63 member companies", not "12 new companies"
    total = sum(int(re.sub(r"[,.]", "", n)) for n, _ in parts)
    return Field(index, offset + lead, offset + lead + len(stripped), "member_count", total, None, None)


_COUNT_LEAD = re.compile(r"^(?:today|now|currently|at present)\s*,?\s+(?=\S)", re.IGNORECASE)
_COUNT_TAIL = re.compile(
    r"(?:,\s*(?:among|including|incl\.|mostly|mainly|most of)\b.*|\s+(?:from|in|across)\s+[^\d]*)$", re.DOTALL
)


def _count_core(text: str) -> str:
    """A list item's count without its time word, a trailing full stop or a describing tail:
    "today 120 partners." -> "120 partners"; "86 partners, among them the university" -> "86 partners";
    "around 110 partners from solar and hydropower" -> "around 110 partners".

    >>> _count_core("today 120 partners."), _count_core("86 partners, among them the university")
    ('120 partners', '86 partners')
    >>> _count_core("around 110 partners from solar, biomass and hydropower")
    'around 110 partners'
    """
    core = _COUNT_LEAD.sub("", text.strip()).rstrip(".").rstrip()
    return _COUNT_TAIL.sub("", core).rstrip()


def _sentences_in(chunk: re.Match[str]) -> list[tuple[int, str]]:
    """The sentences of a field chunk as (offset in the block, text)."""
    text, base = chunk.group(0), chunk.start()
    cuts = [0, *(m.end() for m in re.finditer(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])", text)), len(text)]
    return [(base + a, text[a:b]) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _line_subject(text: str) -> str | None:
    """The organisation a field line starts with: 'Transylvania Textile Cluster (TTFC)' ->
    'Transylvania Textile Cluster'; 'ROSENC — Romanian Sustainable Energy Cluster' -> the long name."""
    lex = pattern_name_lexicon()

    def named(piece: str) -> bool:
        words = piece.split()
        if not 2 <= len(words) <= 8 or not all(w[:1].isupper() or w.lower() in ("&", "of", "de", "and") for w in words):
            return False
        return words[-1].lower() in lex.cluster_nouns | lex.org_heads or any(w.lower() in lex.cluster_nouns for w in words)

    # "Plastics Cluster (KC) – in operation since 1999, run with …": the longest piece that is a name
    pieces = [_ACRONYM_TAIL.sub("", p).strip() for p in re.split(r"\s+[—–-]\s+", text) if p.strip()]
    names = [p for p in pieces if named(p)]
    return max(names, key=len) if names else None


def _card_name(line: str) -> str | None:
    """The first line of a card when it is a short proper name and nothing else ('Timmerdalen',
    'Blekinge Ocean Tech'); not a field ('Founded: 2009'), a sentence or a generic heading.

    >>> _card_name("Blekinge Ocean Tech"), _card_name("Founded: 2009"), _card_name("Our members")
    ('Blekinge Ocean Tech', None, None)
    """
    text = _ACRONYM_TAIL.sub("", line).strip()
    words = text.split()
    lex = pattern_name_lexicon()
    if not 1 <= len(words) <= 5 or any(c in text for c in ":·|;•.,"):
        return None
    if not is_name_word(words[0]) or not all(is_name_word(w) or w.lower() in ("&", "of", "and") for w in words):
        return None
    if all(w.lower() in lex.headline_words or w.lower() in lex.generic_heads for w in words):
        return None
    return text


def _with_subject(field: Field, subject: str | None) -> Field:
    return field if subject is None else Field(
        field.block, field.start, field.end, field.attribute, field.value, field.precision, subject
    )


def _inline_fields(index: int, block: Block, published: str | None) -> list[Field]:
    rules = pattern_structured_fields()
    seps = "|".join(re.escape(s) for s in rules.separators)
    out = []
    if ":" not in block.text and "\n" in block.text and _bare_field(index, 0, block.text, published) is not None:
        return []  # lines that enumerate one count ("74 companies<br>6 institutions"): a value, read with its label
    # fields are split by the separators, and a field may follow a sentence ("... guessed. Members: 120")
    parts = [
        m
        for chunk in re.finditer(rf"[^{''.join(rules.separators)}\n]+", block.text)
        for m in _sentences_in(chunk)
    ]
    # a directory line "Transylvania Textile Cluster (TTFC) · Cluj · est. 2012 · 54 members" names its subject first;
    # so does a card whose first line is a name alone ("Timmerdalen<br>Jämtland · founded 2008 · 63 member companies")
    field_line = any(sep in block.text for sep in rules.separators if sep not in rules.clause_separators)
    subject = _line_subject(parts[0][1]) if len(parts) >= 2 and ":" not in parts[0][1] else None
    if subject is None and len(parts) >= 2 and "\n" in block.text:
        subject = _card_name(block.text.split("\n", 1)[0])
        subject = None if subject is not None and _exact_label_line(subject) else subject  # "Founded<br>2009"
    for n, (offset, part) in enumerate(parts):
        m = re.match(r"\s*(?P<label>[A-Za-z][\w '’-]{1,40}?(?:\s*\([^()]{1,20}\))?)\s*:\s*(?P<value>.+?)\s*$", part)
        if m is None and n + 1 < len(parts) and "\n" in block.text and _exact_label_line(part):
            # "<b>Founded</b><br>2009": a label line and its value on the next line
            attribute = _attribute(_label(part))
            value_offset, value_text = parts[n + 1]
            found = _value(attribute, value_text, published) if attribute else None
            if attribute and found and len(value_text.split()) <= 6:
                start = offset + len(part) - len(part.lstrip())
                out.append(Field(index, start, value_offset + len(value_text.rstrip()), attribute, found[0], found[1], subject, label=_label(part)))
            continue
        dashed = re.match(r"\s*(?P<label>[A-Za-z][\w '’]{1,40}?)\s+[–—-]\s+(?P<value>.+?)\s*$", part)
        if m is None and dashed is not None and _attribute(_label(dashed.group("label"))):
            m = dashed  # "Year of foundation – 2009": a known label, a dash and its value
        if m is None:
            # a field line: "Active since 2011 · 29 companies, 2 faculties · ..."; a long part is a clause
            # of a sentence ("Since 2015 the agency has held an annual Cluster Day; the 2025 edition …")
            if len(parts) >= 2 and (field_line or len(part.split()) <= MAX_BARE_FIELD_WORDS):
                bare = _bare_field(index, offset, part, published)
                out.extend([_with_subject(bare, subject)] if bare is not None else [])
            continue
        attribute = _attribute(_label(m.group("label")))
        if attribute and _counted_label(_label(m.group("label"))):
            continue  # "the pole federates 210 members: 150 companies, ...": a total and its breakdown
        found = _value(attribute, m.group("value"), published) if attribute else None
        if attribute and found:
            start = offset + m.start("label")
            end = offset + m.end("value")
            out.append(Field(index, start, end, attribute, found[0], found[1], subject, label=_label(m.group("label"))))
    del seps
    return out


def _exact_label_line(text: str) -> bool:
    """A line that is a field label and nothing else ("Founded", "Members", "Year of establishment")."""
    rules = pattern_structured_fields()
    return _exact_attribute(_label(text), rules) is not None


def _counted_label(label: str) -> bool:
    """A 'label' that already gives a count of members ("today the pole federates 210 members"):
    a sentence, not a field label.

    >>> _counted_label("today the pole federates 210 members"), _counted_label("membership at 31 december 2024")
    (True, False)
    """
    words = label.split()
    nouns = pattern_count_nouns().member_nouns
    return len(words) >= 2 and words[-1] in nouns and bool(_NUMBER.fullmatch(words[-2]) or words[-2].rstrip("+").isdigit())


_CELL = re.compile(r"^(?P<row>.*/tr(?:\[\d+\])?)/t[dh](?:\[(?P<col>\d+)\])?$")


def table_cell(locator: str | None) -> tuple[str, int] | None:
    """The row and column of a table cell's block, from its locator.

    >>> table_cell("html/body/table/tbody/tr[2]/td[1]"), table_cell("html/body/p")
    (('html/body/table/tbody/tr[2]', 1), None)
    """
    m = _CELL.match(locator or "")
    return (m.group("row"), int(m.group("col") or 1)) if m else None


def _table_fields(blocks: Sequence[Block], published: str | None) -> list[Field]:
    rules = pattern_structured_fields()
    rows: dict[str, list[tuple[int, int, Block]]] = {}
    for i, block in enumerate(blocks):
        m = _CELL.match(block.locator or "")
        if m:
            rows.setdefault(m.group("row"), []).append((int(m.group("col") or 1), i, block))
    out: list[Field] = []
    header: dict[int, str] | None = None
    years: dict[int, int] = {}  # "Indicator | 2024 | 2023": the year each column reports
    for _, cells in rows.items():
        columns = {col: _column_year(b.text) for col, _, b in cells[1:]}
        if len(cells) >= 3 and all(columns.values()) and all(_HEADER_CELL.search(b.locator or "") for _, _, b in cells[1:]):
            years = {col: y for col, y in columns.items() if y is not None}
            continue
        if len(cells) >= 3 and years and _attribute(_label(cells[0][2].text)) == "member_count":
            # "Number of members at 31 December | 44 | 41": the count of the latest year's column
            latest = max(years, key=lambda c: years[c])
            by_col = {col: (i, b) for col, i, b in cells}
            if latest in by_col:
                i, block = by_col[latest]
                found = _value("member_count", block.text, published)
                if found:
                    out.append(Field(i, 0, len(block.text), "member_count", found[0], found[1], None, False, _label(cells[0][2].text)))
            continue
        if len(cells) == 2 and _attribute(_label(cells[0][2].text)):
            # a two-column key/value row (infobox): "Founded | 2007"
            attribute = _attribute(_label(cells[0][2].text))
            _, i, block = cells[1]
            found = _value(attribute, block.text, published) if attribute else None
            if attribute and found:
                described = _described_label(cells[0][2].text)
                out.append(Field(i, 0, len(block.text), attribute, found[0], found[1], None, described, _label(cells[0][2].text)))
            continue
        labels = {col: _label(b.text) for col, _, b in cells}
        # a header names columns: a row holding a number or a year is a data row ("Viken Food Partners | 2017 | 26")
        if any(_attribute(v) for v in labels.values()) and not any(_NUMBER.search(v) for v in labels.values()):
            header = labels
            continue
        if header is None:
            continue
        name_col = next((c for c, v in header.items() if v in rules.name_labels), min(header))
        by_col = {col: (i, b) for col, i, b in cells}
        if name_col not in by_col:
            continue
        name = by_col[name_col][1].text.strip()
        if not name or not is_name_word(name.split()[0]):
            continue
        for col, label in header.items():
            attribute = _attribute(label)
            if attribute is None or col not in by_col:
                continue
            i, block = by_col[col]
            found = _value(attribute, block.text, published)
            if found:
                out.append(Field(i, 0, len(block.text), attribute, found[0], found[1], name))
    return out


_HEADER_CELL = re.compile(r"/th(?:\[\d+\])?$")
_COLUMN_YEAR = re.compile(r"^\s*(?:(?:\d{1,2}\.?\s+)?[A-Za-z]{3,9}\.?\s+)?(?P<y>(?:19|20)\d\d)\s*$")


def _column_year(text: str) -> int | None:
    """The year a table column reports: "2024", "31 Dec 2024", "December 2023".

    >>> _column_year("31 Dec 2024"), _column_year("2023"), _column_year("Members")
    (2024, 2023, None)
    """
    m = _COLUMN_YEAR.match(text)
    return int(m.group("y")) if m else None


_LEADING_DATE = re.compile(r"^\s*(?:\d{1,2}[./ ]\s?(?:\d{1,2}|[A-Z][a-z]+)[./ ]\s?)?(?:19|20)\d\d\b(?![-–/]\d)")


_TERM = re.compile(r"/dt(?:\[\d+\])?$")  # "Date of creation of the cluster organisation" in a definition list


def _pair_fields(blocks: Sequence[Block], published: str | None) -> list[Field]:
    """A short label block followed by its value block (dt/dd, profile boxes)."""
    out = []
    for i, (label, value) in enumerate(zip(blocks, blocks[1:])):
        term = _TERM.search(label.locator or "") is not None  # a <dt>: a label whatever its length
        if _CELL.match(label.locator or "") or (len(label.text.split()) > 5 and not term and not _described_label(label.text)):
            continue
        attribute = _attribute(_label(label.text))
        found = _value(attribute, value.text, published) if attribute else None
        # a short value, or a start value that opens with its date ("2011, by the regional farmers' union")
        if attribute and found and (len(value.text.split()) <= 6 or (attribute == "start" and _LEADING_DATE.match(value.text))):
            described = _described_label(label.text)
            out.append(Field(i + 1, 0, len(value.text), attribute, found[0], found[1], None, described, _label(label.text)))
    return out


_DASHED = re.compile(r"\s*[A-Za-z][\w '’]{1,40}?\s+[–—-]\s+\S")  # "Year of foundation – 2009"


def find_fields(blocks: Sequence[Block], published: str | None) -> list[Field]:
    """Every structured start date and member count of the page's blocks."""
    rules = pattern_structured_fields()
    fields = _table_fields(blocks, published) + _pair_fields(blocks, published)
    paired = {(f.block, f.attribute) for f in fields}
    # a question term read as a field's label ("<dt>Since when?</dt><dd>2012</dd>") is no second answer
    fields += [f for f in _answer_fields(blocks, published) if (f.block, f.attribute) not in paired]
    separators = rules.separators
    for i, block in enumerate(blocks):
        if ":" in block.text or "\n" in block.text or any(sep in block.text for sep in separators) or _DASHED.match(block.text):
            fields.extend(_inline_fields(i, block, published))
    if _job_page(blocks, rules):
        fields = [f for f in fields if f.label not in rules.ambiguous_start_labels]
    return sorted(_totals_only(fields, rules), key=lambda f: (f.block, f.start))


def _totals_only(fields: list[Field], rules: StructuredRules) -> list[Field]:
    """Where a profile gives a total ("Total number of members: 38"), its other member fields are
    parts of it ("Number of SME members: 31", "Number of larger company members: 3")."""
    totals = [f for f in fields if f.attribute == "member_count" and f.label.split()[:1] == [rules.total_word]]
    if not totals:
        return fields
    return [f for f in fields if f.attribute != "member_count" or f in totals or f.subject is not None]


def start_field_line(text: str) -> bool:
    """A 'Label: value' line whose label is a start label ("Foundation: 2008"): the field rules read it.

    >>> start_field_line("Foundation: 2008"), start_field_line("Duration: open-ended (running since 2019)")
    (True, False)
    """
    label = _line_label(text)
    return label is not None and label in pattern_structured_fields().start_labels


def job_start_field(text: str, blocks: Sequence[Block]) -> bool:
    """'Start date: 01.04.2025' on a page with a job's fields: the job's start, not an organisation's."""
    rules = pattern_structured_fields()
    label = _line_label(text)
    return label is not None and label in rules.ambiguous_start_labels and _job_page(blocks, rules)


def _line_label(text: str) -> str | None:
    """The label of a 'Label: value' line, as matched ("Foundation: 2008" -> "foundation")."""
    m = re.match(r"\s*([A-Za-z][\w '’-]{1,40}?)\s*:", text)
    return _label(m.group(1)) if m is not None else None


def _job_page(blocks: Sequence[Block], rules: StructuredRules) -> bool:
    """A page with a job's fields ("Salary:", "Application deadline:"): its "Start date:" is the job's.

    >>> from pipeline.datamodel.document import Block
    >>> _job_page([Block(kind="paragraph", text="Application deadline: 15.02.2025", start=0, end=32)], pattern_structured_fields())
    True
    """
    labels = {
        _label(m.group(1))
        for block in blocks
        for m in re.finditer(r"(?:^|\n|[·|;•])\s*([A-Za-z][\w '’-]{1,40}?)\s*:", block.text)
    }
    labels |= {_label(b.text) for b in blocks if len(b.text.split()) <= 4}
    return bool(labels & rules.job_labels)


_ANSWER_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ ,.]\d{3})+|\d+)(?![\d.,]?\d)")


def _answer_fields(blocks: Sequence[Block], published: str | None) -> list[Field]:
    """FAQ answers: a heading asking when the organisation started or how many members it has, and
    the first number of the next paragraph when only opener words stand before it.

    >>> from pipeline.datamodel.document import Block
    >>> q = Block(kind="heading", text="Since when do you exist?", start=0, end=24)
    >>> a = Block(kind="paragraph", text="Since 1999. Seven sawmills started it.", start=25, end=63)
    >>> [(f.attribute, f.value, f.answer) for f in _answer_fields([q, a], None)]
    [('start', 1999, True)]
    """
    rules = pattern_structured_fields()
    out: list[Field] = []
    for i in range(len(blocks) - 1):
        question, answer = blocks[i], blocks[i + 1]
        # a question heading, or a question term of a description list ("<dt>When was … founded?</dt><dd>")
        asked = question.kind == "heading" or _term_block(blocks, i + 1) is question
        if not asked or not question.text.rstrip().endswith("?") or answer.kind != "paragraph":
            continue
        low = " ".join(question.text.lower().split())
        attribute = (
            "start"
            if any(q in low for q in rules.start_questions)
            else "member_count"
            if any(q in low for q in rules.member_questions)
            # "When was the Moravian Engineering Cluster founded?": a question the labels describe
            else _described_attribute(_label(question.text), rules)
        )
        if attribute is None:
            continue
        m = _ANSWER_NUMBER.search(answer.text)
        months = pattern_dates().months if attribute == "start" else frozenset()
        opening = re.findall(r"[a-z]+", answer.text[: m.start()].lower()) if m is not None else []
        if m is None or not all(w in rules.answer_openers or w in months for w in opening):
            continue
        if attribute == "start":
            # "In March 2018, by a group of …": the date opens at its month
            words = re.finditer(r"[A-Za-z]+", answer.text[: m.start()])
            month = next((k.start() for k in words if k.group(0).lower() in months), m.start())
            found = _value("start", answer.text[month : m.end() + 20], published)
            if found is None or not isinstance(found[0], int) or not 1800 <= found[0] <= 2100:
                continue
            value, precision = found
        else:
            value, precision = int(re.sub(r"[ ,.]", "", m.group(1))), None
            if 1800 <= value <= 2100 and len(m.group(1)) == 4:
                continue  # a year, not a count
        out.append(Field(i + 1, m.start(), m.end(), attribute, value, precision, None, answer=True))
    return out


_ACRONYM_TAIL = re.compile(r"\s*\(\s*[A-Z][A-Z0-9&.\-]{1,9}(?:\s[A-Z][A-Z0-9&.\-]{1,9})?\s*\)\s*$")  # "(TGS)", "(GIZ ACS)"
_ENUMERATOR = re.compile(r"^\(?\d{1,2}[.)]?\s*(?:[–—-]\s+)?(?=\S)")
_ENTRY = re.compile(r"^(?P<name>[^\s–—:;,.()][^–—:;,.()]{0,60}?)(?:\s+[–—-]\s+|:\s+)(?P<rest>\S.*)$", re.DOTALL)


def describes_non_cluster(description: str) -> bool:
    """An entry's description (up to its first full stop) says the name is an agency, a ministry, a
    company... ("Luxinnovation - National Agency for Innovation and Research", "Kemira – a chemical
    company").

    A description headed by a cluster noun describes a cluster, whatever follows ("Cluster of the
    Douro Wine Region", "the wine cluster of the region").

    >>> describes_non_cluster("National Agency for Innovation and Research"), describes_non_cluster("life sciences")
    (True, False)
    >>> describes_non_cluster("Cluster of the Douro Wine Region"), describes_non_cluster("wine cluster of the region")
    (False, False)
    """
    lex = pattern_name_lexicon()
    first = description.split(". ")[0]
    syntax = pattern_syntax()
    preps = "|".join(map(re.escape, sorted(syntax.complement_prepositions | syntax.place_prepositions)))
    head = re.split(rf"\s+(?:{preps})\s+", first, maxsplit=1)[0].split()
    if head and head[-1].lower() in lex.cluster_nouns:
        return False
    words = {w.lower() for w in re.findall(r"[\w'’-]+", first)}
    return bool(words & (lex.non_cluster_org_words | lex.non_cluster_descriptors))


def item_head(text: str) -> tuple[str, str] | None:
    """The name an entry opens with, and what follows its dash (or colon), for a list item or a
    heading that names an organisation and then describes it.

    >>> item_head("Addict – Creative Industries Cluster of Northern Portugal")
    ('Addict', 'Creative Industries Cluster of Northern Portugal')
    >>> item_head("Spiš Tech – engineering firms. Active since 2011.")
    ('Spiš Tech', 'engineering firms. Active since 2011.')
    >>> item_head("Vitis Valley Network: wine growers of the Danube")
    ('Vitis Valley Network', 'wine growers of the Danube')
    >>> [item_head(t) for t in ("History – how it began", "Purpose: connect makers", "Croatia – 12 clusters",
    ...                         "Dr Ana Horvat – cluster manager", "the network – founded 2004")]
    [None, None, None, None, None]
    """
    m = _ENTRY.match(text.strip())
    if m is None:
        return None
    name, rest = m.group("name").strip(), m.group("rest").strip()
    words = name.split()
    colon = text.strip()[m.end("name") :].lstrip().startswith(":")
    lex = pattern_name_lexicon()
    joiners = pattern_syntax().name_joiners
    opener = words[0] if words else ""
    if not 1 <= len(words) <= 6 or not (
        is_name_word(opener)
        or is_camelcase_name(opener)
        or (len(words) > 1 and opener[:1].isupper() and opener.lower() in lex.cluster_nouns)  # "Cluster Têxtil"
    ):
        return None
    if not all(is_name_word(w) or is_camelcase_name(w) or w.lower() in joiners or w.lower() in lex.cluster_nouns for w in words):
        return None
    low = {w.lower() for w in words}
    blocked = lex.headline_words | lex.non_cluster_org_words | lex.role_titles | lex.person_titles | lex.legal_forms
    if low & blocked or all(w in lex.generic_heads for w in low) or name in pattern_countries():
        return None
    single = len(words) == 1 and not (name.isupper() or is_camelcase_name(name))
    if colon and single:
        return None  # "Purpose: …", "Facts: …": a field label, not a name
    return name, rest


_DESCRIPTION = re.compile(r"/dd(?:\[\d+\])?$")  # a definition list's description of the term before it


def _term_block(blocks: Sequence[Block], index: int) -> Block | None:
    """The `<dt>` block right before a `<dd>` block `index`, if there is one."""
    if index < 1 or index >= len(blocks):
        return None
    here, before = blocks[index].locator or "", blocks[index - 1].locator or ""
    return blocks[index - 1] if _DESCRIPTION.search(here) and _TERM.search(before) else None


def _term_of(blocks: Sequence[Block], index: int) -> Block | None:
    """The `<dt>` term that names the organisation its `<dd>` block `index` describes."""
    if _term_block(blocks, index) is None:
        return None
    label = _label(blocks[index - 1].text)
    rules = pattern_structured_fields()
    if _exact_attribute(label, rules) or _described_attribute(label, rules) or not any(c.isalpha() for c in blocks[index].text):
        return None  # "<dt>Founded</dt>", "<dt>Cluster Members</dt><dd>293</dd>": a field's label, not a name
    return blocks[index - 1]


def section_subject(blocks: Sequence[Block], index: int, is_name: Callable[[str], bool]) -> str | None:
    """The nearest heading above block `index` that names an organisation; a description list's
    term for its description (`<dt>MADE</dt><dd>since 2014 · 300+ members</dd>`)."""
    lex = pattern_name_lexicon()
    term = _term_of(blocks, index)
    for block in reversed(blocks[:index]):
        if block.kind in ("heading", "title") or block is term:
            text = _ACRONYM_TAIL.sub("", block.text).strip()  # "Tehnološki grozd Savinja (TGS)"
            text = _ENUMERATOR.sub("", text)  # "2 – Medical Valley EMN", "3. Automotive Cluster Mecklenburg"
            words = text.split()
            # "Hollow Wood Cluster", "Lindby Food Network", "ABT"; not "History", "Programme", "Results"
            if not any(w[:1].isupper() for w in words[1:]) and any(w in pattern_syntax().articles for w in words):
                continue  # "Composition of the cluster", "Members of the network": a generic sub-heading
            glue = pattern_syntax().articles | pattern_syntax().name_prepositions
            if words and all(w.lower().strip(".,:;!?") in lex.headline_words | glue for w in words):
                continue  # "General Information", "Key Facts & Figures", "Foreword of the Chairman"
            # a directory's term names its entry even as one word ("<dt>Fjordlab</dt>")
            named = len(words) >= 2 or text.isupper() or is_camelcase_name(text) or block is term
            if named and len(words) <= 8 and is_name(text) and not all(w.lower() in lex.generic_heads for w in words):
                return text
            if block is term:
                continue  # a field's label ("<dt>Founded</dt>"): the heading above names the subject
            if block.kind == "heading" and not any(w[:1].isupper() for w in words[1:]):
                continue  # a generic sub-heading ("General information", "Key facts"): the section above names it
            entry = item_head(text)
            if entry is not None and not entry[1][:1].isdigit() and not describes_non_cluster(entry[1]):
                return entry[0]  # a directory entry "Addict – Creative Industries Cluster of Northern Portugal"
            return None
    return None
