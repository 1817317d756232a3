"""A name that its own clause says has members is an organisation of members, a cluster, even
without a cluster word (context family `membership`): "Fjordkraft, founded in 2011 by ten yards,
today counts 48 member companies". Not a ministry, a university or a chamber, not a place, and not
a name after a preposition ("the X Cluster from Narvik, set up in 2016, which has 74 members").

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "paragraphs", "expected"),
    [
        pytest.param(
            "Shipbuilding on the west coast",
            ["Fjordkraft, founded in 2011 by ten yards and two colleges, today counts 48 member companies."],
            {("Fjordkraft", "created_year", 2011), ("Fjordkraft", "member_count", 48)},
            id="participle-then-counts-members",
        ),
        pytest.param(
            "Regional innovation",
            ["One of the funded networks is Baltic Robotics, set up in 2015 by Siemens, a university and the city, which now has 62 member organisations."],
            {("Baltic Robotics", "created_year", 2015), ("Baltic Robotics", "member_count", 62)},
            id="relative-after-participle-list-of-founders",
        ),
        pytest.param(
            "Business news",
            ["The Chamber of Commerce has 900 members and was founded in 1850."],
            set(),
            id="trap-chamber",
        ),
        pytest.param(
            "Business news",
            ["Among the newcomers is the Arctic Shipping Cluster from Narvik, set up in 2016 by port firms, which has 74 members."],
            # (no town's facts; the cluster's founding after "from Narvik, set up" is left to the learned binder)
            {("Arctic Shipping Cluster", "member_count", 74)},
            id="trap-name-after-a-preposition",
        ),
    ],
)
def test_a_name_with_members_is_a_cluster(h1: str, paragraphs: list[str], expected: set) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert page_facts(h1, body) == expected
