"""Rename cues in the present progressive and with an apposed new name: "X is changing its name to
Y", "X adopted its current name, Y, in 2015".

Every sentence here was written for these tests (our own wording), never copied from a page.
"""

from __future__ import annotations

import pytest

from tests.test_nlp_dev6_rules import page_facts


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "The Baltic Drone Network is changing its name to Nordic Airspace Cluster.",
            {("Baltic Drone Network", "renamed_to", "Nordic Airspace Cluster")},
            id="is-changing-its-name-to",
        ),
        pytest.param(
            "The Lakeside Wood Cluster adopted its current name, Nordic Timber Cluster, in 2015.",
            {("Lakeside Wood Cluster", "renamed_to", "Nordic Timber Cluster")},
            id="adopted-its-current-name-apposed",
        ),
    ],
)
def test_rename_cues(paragraph: str, expected: set) -> None:
    assert page_facts("Network news", f"<p>{paragraph}</p>") == expected
