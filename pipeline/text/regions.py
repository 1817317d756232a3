"""Countries and regions: names, adjectives and ISO codes (data in `pipeline/models/data/geo.json`)."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _geo() -> dict[str, dict[str, object]]:
    text = resources.files("pipeline.models.data").joinpath("geo.json").read_text("utf-8")
    data: dict[str, dict[str, object]] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    countries: dict[str, list[str]] = _geo()["countries"]  # type: ignore[assignment]
    return tuple(
        (code, re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"))
        for code, names in countries.items()
    )


def country_code(name: str) -> str | None:
    """'Luxembourg' -> 'LU' (ECCP codes are mapped to ISO 3166-1: 'EL' -> 'GR')."""
    norm = " ".join(name.split()).casefold()
    countries: dict[str, list[str]] = _geo()["countries"]  # type: ignore[assignment]
    for code, names in countries.items():
        if norm in (n.casefold() for n in names) or norm == code.casefold():
            return iso_alpha2(code)
    return None


def iso_alpha2(code: str) -> str:
    mapping: dict[str, str] = _geo()["iso_alpha2"]  # type: ignore[assignment]
    return mapping.get(code, code)


def count_countries(text: str) -> Counter[str]:
    """How often each country is named (by name or adjective) in `text`."""
    counts: Counter[str] = Counter()
    for code, pattern in _country_patterns():
        n = len(pattern.findall(text))
        if n:
            counts[iso_alpha2(code)] += n
    return counts


# ISO 3166-1 codes where the data (EU usage) keys a country by another code
_EU_CODES = {"GR": "EL", "GB": "UK"}


def _eccp_code(code: str | None) -> str:
    """The key of a country in the data: its ISO code, or the EU's code where they differ."""
    return _EU_CODES.get(code or "", code or "")


def region_of(country: str | None, name: str) -> str | None:
    """The region a regional policy's name refers to.

    >>> region_of("BE", "Walloon Region Competitive Clusters Policy")
    'Wallonia'
    >>> region_of("BE", "Flanders Innovation Clusters Policy")
    'Flanders'
    """
    regions: dict[str, dict[str, list[str]]] = _geo()["regions"]  # type: ignore[assignment]
    for region, names in regions.get(_eccp_code(country), {}).items():
        if any(re.search(r"\b" + re.escape(n) + r"\b", name) for n in names):
            return region
    return None


def names_a_place(text: str) -> bool:
    """Whether `text` names a country, a region or a city, or holds one's adjective.

    >>> names_a_place("Basque Government"), names_a_place("Croatia"), names_a_place("Enterprise Agency")
    (True, True, False)
    """
    return bool(country_code(text) or country_in_name(text) or count_places(text) or _region_pattern().search(text))


@lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern[str]:
    """Every region's names and adjectives ("Catalonia", "Catalan", "Basque"), longest first."""
    regions: dict[str, dict[str, list[str]]] = _geo()["regions"]  # type: ignore[assignment]
    names = {n for by_country in regions.values() for values in by_country.values() for n in values}
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")


@lru_cache(maxsize=1)
def _place_set() -> frozenset[str]:
    geo = _geo()
    names: set[str] = set()
    for values in geo["countries"].values():  # type: ignore[union-attr]
        names.update(values)
    for values in geo.get("places", {}).values():  # type: ignore[union-attr]
        names.update(values)
    for by_country in geo["regions"].values():  # type: ignore[union-attr]
        names.update(by_country)
    return frozenset(n.casefold() for n in names)


def is_place(name: str) -> bool:
    """Whether `name` is, as a whole, a country, region or city of the data (not a name holding one).

    >>> is_place("Dresden"), is_place("Basque Country"), is_place("Silicon Saxony")
    (True, True, False)
    """
    return " ".join(name.split()).casefold() in _place_set()


def region_names(country: str | None) -> dict[str, list[str]]:
    regions: dict[str, dict[str, list[str]]] = _geo()["regions"]  # type: ignore[assignment]
    return regions.get(_eccp_code(country), {})


def country_name(code: str | None) -> str | None:
    """'LU' -> 'Luxembourg' (the first name listed in the data)."""
    if code is None:
        return None
    countries: dict[str, list[str]] = _geo()["countries"]  # type: ignore[assignment]
    names = countries.get(_eccp_code(code))
    return names[0] if names else None


def country_names(code: str | None) -> tuple[str, ...]:
    """Every name and adjective of a country in the data: 'SI' -> ('Slovenia', 'Slovenian')."""
    if code is None:
        return ()
    countries: dict[str, list[str]] = _geo()["countries"]  # type: ignore[assignment]
    return tuple(countries.get(_eccp_code(code), ()))


def country_in_name(name: str) -> str | None:
    """The one country a name itself names ('Slovenian Wood Cluster' -> 'SI'); None for none or two.

    >>> country_in_name("Slovenian Wood Cluster"), country_in_name("German-Czech Cluster")
    ('SI', None)
    """
    counts = count_countries(name)
    return next(iter(counts)) if len(counts) == 1 else None


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    places: dict[str, list[str]] = _geo().get("places", {})  # type: ignore[assignment]
    return tuple(
        (code, re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"))
        for code, names in places.items()
    )


def count_places(text: str) -> Counter[str]:
    """How often each country's cities and regions (the data's `places`) are named in `text`.

    >>> count_places("A Brno start-up and a Prague lab joined; Vienna hosted.")
    Counter({'CZ': 2, 'AT': 1})
    """
    counts: Counter[str] = Counter()
    for code, pattern in _place_patterns():
        n = len(pattern.findall(text))
        if n:
            counts[iso_alpha2(code)] += n
    return counts


def first_named(text: str, codes: set[str]) -> str | None:
    """Of `codes`, the country whose name, adjective or place comes first in `text`.

    >>> first_named("The Slovenian cluster met Austrian and Italian partners.", {"AT", "SI"})
    'SI'
    """
    best: tuple[int, str] | None = None
    for patterns in (_country_patterns(), _place_patterns()):
        for code, pattern in patterns:
            iso = iso_alpha2(code)
            if iso not in codes:
                continue
            match = pattern.search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), iso)
    return best[1] if best else None
