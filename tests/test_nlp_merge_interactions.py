"""Where two rule families learnt on different splits meet (dev7's described references and
dev8's same-head references): our own wordings, each with the reading a careful reader takes."""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("h1", "body", "expected"),
    [
        pytest.param(
            "Danube Innovation Clusters: how it grew",
            "<p>The Seed programme began in 2003 for young networks. A Growth programme followed in 2008."
            " Since 2015 both have been run together as Danube Innovation Clusters.</p>"
            "<p>Today the programme funds 21 clusters.</p>",
            ("Danube Innovation Clusters", "cluster_count", 21),
            id="nearer-topic-over-earlier-same-head",
        ),
    ],
)
def test_the_programme_is_the_page_topic_named_nearer(h1: str, body: str, expected: tuple) -> None:
    facts = page_facts(h1, body)
    assert expected in facts
    assert ("Seed programme", "cluster_count", 21) not in facts
    assert ("Growth programme", "cluster_count", 21) not in facts
