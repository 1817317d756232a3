"""One number and year parser for every producer's text layer (pipeline.text.numbers)."""

from __future__ import annotations

import pytest

from pipeline.text.numbers import (
    find_years,
    first_year,
    numbers_in,
    parse_decimal,
    parse_int,
    parse_year_range,
    strip_markers,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("46", 46),
        ("46¹", 46),
        ("46*", 46),
        ("3.000", 3000),
        ("3,000", 3000),
        ("3\u00a0000", 3000),  # non-breaking space
        ("3\u2009000", 3000),  # thin space
        ("3\u202f000", 3000),  # narrow no-break space
        ("1,450,000", 1450000),
        (" 18 ", 18),
        ("one", 1),
        ("Sixteen", 16),
        ("²", None),
        ("³", None),  # passes str.isdigit(), not int()
        ("0,5", None),
        ("5,5", None),
        ("3.00", None),
        ("1,45,000", None),
        ("", None),
        ("n/a", None),
        ("12a", None),
    ],
)
def test_parse_int(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0,5", 0.5),
        ("5,5", 5.5),
        ("0.5", 0.5),
        ("2", 2.0),
        ("7,5¹", 7.5),
        (" 6 ", 6.0),
        ("", None),
        ("-", None),
        ("–", None),
        ("2 points", None),
        ("³", None),
    ],
)
def test_parse_decimal(text: str, expected: float | None) -> None:
    assert parse_decimal(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2002", 2002),
        ("2002³", 2002),
        ("2002 ³", 2002),
        ("2002*", 2002),
        ("Spearhead Clusters = 2026", 2026),
        ("2016–2026", 2016),
        ("2014-2020", 2014),
        ("since\u00a02008", 2008),
        ("3.000 jobs", None),
        ("20023", None),
        ("1850", None),
        ("Data not available", None),
    ],
)
def test_first_year(text: str, expected: int | None) -> None:
    assert first_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016–2026", (2016, 2026)),
        ("2014-2020", (2014, 2020)),
        ("2021 — 2027", (2021, 2027)),
        ("2018/2021", (2018, 2021)),
        ("(2018-2021)²", (2018, 2021)),
        ("2016", None),
        ("10-20", None),
    ],
)
def test_parse_year_range(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_year_range(text) == expected


def test_find_years_and_numbers_in_running_text() -> None:
    assert find_years("launched in 2002³ and renewed for 2014–2020") == [2002, 2014, 2020]
    assert numbers_in("grew over 3.000; 302 projects raised EUR 291 million, 0,5 points") == [
        3000,
        302,
        291,
    ]


def test_strip_markers_keeps_words_and_normalises_spaces() -> None:
    assert strip_markers("46¹\u00a0cluster organisations†") == "46 cluster organisations"
