"""One parser for the numbers and years printed in factsheets, whatever typesetter made them.

PDF producers differ in how a number reaches the text layer: a footnote marker after a
year is a superscript character (``2002³``), a raised small digit the backend marked as
one, or a trailing ``*``; thousands are grouped with a comma, a dot, a space, a thin or a
non-breaking space (``3,000``, ``3.000``, ``3 000``); decimals use a comma (``0,5``) or a
dot; ranges use a hyphen, an en dash or a slash (``2016–2026``, ``2014-2020``). Every
reader of a number in the factsheet extractors goes through the functions here, so one
rule decides what ``int()`` sees (``str.isdigit()`` accepts ``'³'``; ``int()`` does not).
"""

from __future__ import annotations

import re
import unicodedata

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"
FOOTNOTE_MARKS = "*†‡§¶"
# every space a typesetter may put between digit groups
GROUP_SPACES = " \u00a0\u2007\u2009\u202f\u2008\u200a"
NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
MIN_YEAR = 1950
MAX_YEAR = 2099

_MARKERS = re.compile(
    f"[{SUPERSCRIPT_DIGITS}{SUBSCRIPT_DIGITS}{re.escape(FOOTNOTE_MARKS)}\u00b9\u00b2\u00b3]+"
)
_SPACES = re.compile(f"[{GROUP_SPACES}]")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,' ])\d{3})(?:\1\d{3})*$")
_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
_YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d])")
_RANGE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*[-‐‑‒–—/]\s*(19[5-9]\d|20\d\d)(?!\d)")
_NUMBER_IN_TEXT = re.compile(r"\d[\d.,'\u00a0\u2009\u202f]*")


def strip_markers(text: str) -> str:
    """Drop footnote markers (superscript/subscript digits, ``*``, ``†``) and normalise spaces.

    >>> strip_markers("2002³")
    '2002'
    >>> strip_markers("46¹ cluster organisations")
    '46 cluster organisations'
    >>> strip_markers("3\u202f000*")
    '3 000'
    """
    text = _MARKERS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _digits_only(text: str) -> str:
    """ASCII digits for any Unicode decimal digit (Arabic-Indic, full-width ...)."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdecimal() else ch for ch in text)


def parse_int(text: str) -> int | None:
    """A whole count, with any thousands grouping; None when the text is not one number.

    >>> parse_int("46¹"), parse_int("3.000"), parse_int("3,000"), parse_int("1\u00a0450")
    (46, 3000, 3000, 1450)
    >>> parse_int("one"), parse_int("Twelve")
    (1, 12)
    >>> parse_int("0,5") is None, parse_int("³") is None, parse_int("n/a") is None
    (True, True, True)
    """
    t = strip_markers(text).casefold()
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    t = _digits_only(t)
    if t.isdigit() and t.isascii():
        return int(t)
    if _GROUPED.match(t):
        return int(re.sub(r"[.,' ]", "", t))
    return None


def parse_decimal(text: str) -> float | None:
    """A score or share: decimal comma or dot, markers dropped.

    >>> parse_decimal("0,5"), parse_decimal("5,5"), parse_decimal("6"), parse_decimal("7.5²")
    (0.5, 5.5, 6.0, 7.5)
    >>> parse_decimal("") is None, parse_decimal("-") is None
    (True, True)
    """
    t = _digits_only(strip_markers(text)).replace(" ", "")
    if not t or not t.isascii() or not _DECIMAL.match(t):
        return None
    return float(t.replace(",", "."))


def find_years(text: str) -> list[int]:
    """Every plausible year (1950-2099) in the text, in order; markers never glue to a year.

    >>> find_years("launched in 2002³, renewed 2014-2020")
    [2002, 2014, 2020]
    >>> find_years("over 3.000 jobs, 20023 units")
    []
    """
    return [int(m.group(1)) for m in _YEAR.finditer(_digits_only(strip_markers(text)))]


def first_year(text: str) -> int | None:
    """The first plausible year in the text.

    >>> first_year("2002³"), first_year("Spearhead Clusters = 2026"), first_year("2016–2026")
    (2002, 2026, 2016)
    >>> first_year("Data not available") is None
    True
    """
    years = find_years(text)
    return years[0] if years else None


def parse_year_range(text: str) -> tuple[int, int] | None:
    """A period written as two years: hyphen, en dash, em dash or slash, spaces allowed.

    >>> parse_year_range("2016–2026"), parse_year_range("the 2014 - 2020 period")
    ((2016, 2026), (2014, 2020))
    >>> parse_year_range("2016") is None
    True
    """
    match = _RANGE.search(_digits_only(strip_markers(text)))
    return (int(match.group(1)), int(match.group(2))) if match else None


def numbers_in(text: str) -> list[int]:
    """Whole numbers written in digits inside running text (decimals are skipped).

    >>> numbers_in("grew over 3.000; 302 projects raised EUR 291 million")
    [3000, 302, 291]
    """
    out: list[int] = []
    for match in _NUMBER_IN_TEXT.finditer(strip_markers(text)):
        token = match.group(0).rstrip(".,' ")
        value = parse_int(token)
        if value is not None:
            out.append(value)
    return out
