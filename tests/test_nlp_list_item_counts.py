"""A list item naming a cluster, a dash and its facts separated by semicolons: the count of partners
or members is read with its time word ("today 120 partners"), its full stop and a describing tail
("86 partners, among them …", "around 110 partners from solar and hydropower") left out; the item's
name is its longest piece that is a name, even with an acronym ("Plastics Cluster (KC) – in
operation since 1999, run with …").

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param(
            "<strong>Boat Cluster (BC)</strong> – set up in 2004; 140 partners.",
            {("Boat Cluster", "created_year", 2004), ("Boat Cluster", "member_count", 140)},
            id="acronym-and-full-stop",
        ),
        pytest.param(
            "<strong>Wood Cluster Carinthia</strong> – started in 2008; today 95 partners.",
            {("Wood Cluster Carinthia", "created_year", 2008), ("Wood Cluster Carinthia", "member_count", 95)},
            id="time-word",
        ),
        pytest.param(
            "<strong>Energy Cluster Vorland</strong> – launched in 2006; around 75 partners from wind, solar and storage.",
            {("Energy Cluster Vorland", "created_year", 2006), ("Energy Cluster Vorland", "member_count", 75)},
            id="describing-tail",
        ),
        pytest.param(
            "<strong>Food Cluster (FC)</strong> – in operation since 2001, run together with the chamber of agriculture; 210 partners in both regions.",
            {("Food Cluster", "created_year", 2001), ("Food Cluster", "member_count", 210)},
            id="longest-piece-that-is-a-name",
        ),
    ],
)
def test_list_item_counts(item: str, expected: set) -> None:
    body = f"<p>The agency of Alpenland runs five clusters. Two of them:</p><ul><li>{item}</li><li>Other networks follow.</li></ul>"
    assert page_facts("Clusters and networks", body) == expected
