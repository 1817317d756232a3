"""The ECCP policy table's row labels, in the order every factsheet uses.

This is the shared template of the ECCP country factsheets (56 countries and
regions, 2021-2024 editions): section labels in column one, sub-row labels in
column two. Matching is on a normalised form, so "Ending year (for policies
with limited period)" matches "Ending year" and "POLICY ALIGNMENT WITH THE EU
PRIORITIES" may wrap over two lines or two rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS_VERSION = "eccp-policy-table/1"


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    sublabels: tuple[tuple[str, str], ...] = ()
    categorised: bool = True


HEADER_LABELS: dict[str, str] = {"policy type": "policy_type", "policy name": "name"}

SECTIONS: tuple[Section, ...] = (
    Section("objectives", "POLICY OBJECTIVES"),
    Section("focus", "POLICY FOCUS"),
    Section("responsible_authorities", "RESPONSIBLE AUTHORITIES"),
    Section("beneficiaries", "BENEFICIARIES"),
    Section(
        "instruments",
        "INSTRUMENTS",
        (
            ("financial", "Financial"),
            ("technical_assistance", "Technical assistance"),
            ("explanation", "Explanation"),
        ),
    ),
    Section(
        "history",
        "HISTORY",
        (
            ("period", "Period"),
            ("ending_year", "Ending year"),
            ("starting_year", "Starting year"),
            ("explanation", "Explanation"),
        ),
        categorised=False,
    ),
    Section(
        "budget",
        "BUDGET",
        (("overall", "Overall"), ("annual", "Annual"), ("source_of_funding", "Source of funding")),
        categorised=False,
    ),
    Section(
        "evaluation",
        "POLICY EVALUATION",
        (("availability", "Availability"), ("results", "Results")),
        categorised=False,
    ),
    Section("eu_priorities", "POLICY ALIGNMENT WITH THE EU PRIORITIES"),
)

SECTION_ORDER: dict[str, int] = {s.key: i for i, s in enumerate(SECTIONS)}
_NON_WORD = re.compile(r"[^a-z ]+")


def normalise_label(text: str) -> str:
    """Lower-case, drop punctuation and parentheticals, collapse spaces.

    >>> normalise_label("Ending year (for policies with limited period)")
    'ending year'
    >>> normalise_label("POLICY  EVALUATION:")
    'policy evaluation'
    """
    text = re.sub(r"\(.*?\)", " ", text.casefold())
    return " ".join(_NON_WORD.sub(" ", text).split())


def match_header(text: str) -> str | None:
    """'Policy type:' -> 'policy_type'; None when the text is not a header label."""
    return HEADER_LABELS.get(normalise_label(text))


def match_section(text: str) -> Section | None:
    """Match a column-one label, allowing it to carry a sub-label after it.

    >>> match_section("HISTORY").key
    'history'
    >>> match_section("INSTRUMENTS Financial").key
    'instruments'
    >>> match_section("Policy") is None
    True
    """
    norm = normalise_label(text)
    if not norm:
        return None
    for section in SECTIONS:
        label = normalise_label(section.label)
        if norm == label or norm.startswith(label + " "):
            return section
    return None


def match_sublabel(section: Section, text: str) -> str | None:
    """Match a column-two label among the section's sub-rows."""
    norm = normalise_label(text)
    for key, label in section.sublabels:
        if norm == normalise_label(label) or norm.startswith(normalise_label(label) + " "):
            return key
    return None


def sublabel_anywhere(text: str) -> tuple[Section, str] | None:
    """Find which section a stray sub-label belongs to (used to reject bad joins)."""
    for section in SECTIONS:
        key = match_sublabel(section, text)
        if key is not None:
            return section, key
    return None


def is_partial_section_label(text: str) -> bool:
    """True for the first words of a wrapped section label ("POLICY", "POLICY ALIGNMENT WITH")."""
    norm = normalise_label(text)
    if not norm or not text.strip()[:1].isupper():  # "POLICY ALIGNMENT WITH" or "Policy Alignment with"
        return False
    return any(normalise_label(s.label).startswith(norm + " ") for s in SECTIONS)
