"""Cluster profile pages in the shape of an EU platform's organisation profile: labels that
describe their value with an article ("The date when the cluster organisation was established"),
a weekday before the date, generic sub-headings ("Composition of the cluster") that do not name the
subject, and a total with its parts ("Total number of members" over "Number of SME members"):
the parts are no member count of their own.

Every label, value and name here was written for these tests (our own page), never copied.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts

DL = (
    "<h2>General information</h2><dl>"
    "<dt>The date when the cluster organisation was established</dt><dd>Friday, 3 March, 2006</dd>"
    "<dt>Number of staff in the management team</dt><dd>5</dd></dl>"
    "<h2>Composition of the cluster</h2><dl>"
    "<dt>Total number of members</dt><dd>57</dd>"
    "<dt>Number of SME members</dt><dd>44</dd>"
    "<dt>Number of research organisations</dt><dd>6</dd></dl>"
)
TABLE = (
    "<h2>Composition of the cluster</h2><table>"
    "<tr><td>The date when the cluster organisation was established:</td><td>Tuesday, 9 May, 2011</td></tr>"
    "<tr><td>Total number of members:</td><td>41</td></tr>"
    "<tr><td>Number of larger company members:</td><td>4</td></tr></table>"
)
NO_TOTAL = "<dl><dt>Number of members</dt><dd>33</dd><dt>Year of establishment</dt><dd>2015</dd></dl>"


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Lusatian Ceramics Cluster",
            DL,
            {("Lusatian Ceramics Cluster", "created_year", 2006), ("Lusatian Ceramics Cluster", "member_count", 57)},
            id="definition-list-profile",
        ),
        pytest.param(
            "Iron Gate Metal Cluster",
            TABLE,
            {("Iron Gate Metal Cluster", "created_year", 2011), ("Iron Gate Metal Cluster", "member_count", 41)},
            id="two-column-table-profile",
        ),
        pytest.param(
            "Vistula Packaging Cluster",
            NO_TOTAL,
            {("Vistula Packaging Cluster", "created_year", 2015), ("Vistula Packaging Cluster", "member_count", 33)},
            id="without-a-total-the-member-field-counts",
        ),
    ],
)
def test_platform_profile_fields(h1: str, body: str, expected: set[tuple[str, str, object]]) -> None:
    assert page_facts(h1, body) == expected
