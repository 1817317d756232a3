"""What only the eighth written development set (tests/eval/press/dev8) checks; the checks every written
split shares are in tests/test_press_written_splits.py. Its pages speak of several entities at once
(regional round-ups, programme pages listing the clusters they fund, history paragraphs dating a cluster,
its managing association, its programme and a company, mergers and spin-offs, member companies' press
releases, tables, lists and definition lists), several in translated agency English; four organisations
are dated differently on two pages each, so that conflict detection has something real to find."""

from __future__ import annotations

from pipeline.evaluation.press import load_set
from tests.press_split_checks import PRESS

DEV8 = load_set(PRESS, splits=("dev8",))


def test_most_dev8_pages_speak_of_several_entities() -> None:
    # several entities per page: 26 of 38 pages give claims about more than one subject
    assert sum(1 for _, _, gold in DEV8 if len({c.subject_name for c in gold}) > 1) == 26


def test_dev8_holds_cross_source_disagreements() -> None:
    """Four organisations' start is given differently on two dev8 pages each (see the README)."""
    starts: dict[str, set[int]] = {}
    for _, _, gold in DEV8:
        for c in gold:
            if c.attribute == "created_year" and "cross-source-conflict" in c.classes:
                starts.setdefault(c.subject_name, set()).add(int(c.value))
    assert starts == {
        "Pannonia Wood Cluster": {2007, 2008},
        "Adriatic Blue Cluster": {2012, 2013},
        "Danube Logistics Cluster": {2010, 2011},
        "Alpine Timber Network": {1999, 2000},
    }
