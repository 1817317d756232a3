"""Which words of a page lie in a box, without every box scanning every word.

A word belongs to a box when its centre does (`centre_inside`). `index_words` sorts the
words' centres top to bottom once; `words_in_box` bisects the box's band of rows in that
order and checks only the words in the band across. The words come back in the page's
order, exactly as a scan over all words would give them (tests compare the two on the
robustness corpus), so the lines built from them are the same.

    words ─► index_words ─► words_in_box(index, cell box) ─► the cell's words
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (pdfplumber's page coordinates)


class Placed(Protocol):
    @property
    def x0(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def bottom(self) -> float: ...


W = TypeVar("W", bound=Placed)


def centre_inside(word: Placed, box: Box) -> bool:
    """Whether the centre of `word` lies in `box` (edges included).

    >>> from types import SimpleNamespace as W
    >>> centre_inside(W(x0=10, top=10, x1=20, bottom=20), (0, 0, 15, 15))
    True
    >>> centre_inside(W(x0=10, top=10, x1=20, bottom=20), (0, 0, 14.9, 15))
    False
    """
    cx = (word.x0 + word.x1) / 2
    cy = (word.top + word.bottom) / 2
    x0, top, x1, bottom = box
    return x0 <= cx <= x1 and top <= cy <= bottom


@dataclass(frozen=True)
class WordIndex(Generic[W]):
    """A page's words with their vertical centres in ascending order."""

    words: Sequence[W]
    centres: list[float]  # (top + bottom) / 2, ascending
    order: list[int]  # positions in `words`, in the order of `centres`


def index_words(words: Sequence[W]) -> WordIndex[W]:
    """Sort the words' vertical centres once (the positions keep the page's order on ties).

    >>> from types import SimpleNamespace as W
    >>> index_words([W(x0=0, top=50, x1=5, bottom=60), W(x0=0, top=10, x1=5, bottom=20)]).order
    [1, 0]
    """
    centres = (((w.top + w.bottom) / 2, i) for i, w in enumerate(words))
    keyed = sorted((cy, i) for cy, i in centres if not math.isnan(cy))  # a NaN centre is in no box
    return WordIndex(words, [cy for cy, _ in keyed], [i for _, i in keyed])


def words_in_box(index: WordIndex[W], box: Box) -> list[W]:
    """The words whose centre lies in `box`, in the page's order: the same list as
    ``[w for w in words if centre_inside(w, box)]``.

    >>> from types import SimpleNamespace as W
    >>> words = [W(x0=0, top=0, x1=10, bottom=10, text="a"), W(x0=20, top=0, x1=30, bottom=10, text="b"),
    ...          W(x0=0, top=20, x1=10, bottom=30, text="c")]
    >>> [w.text for w in words_in_box(index_words(words), (0, 0, 40, 12))]
    ['a', 'b']
    """
    x0, top, x1, bottom = box
    lo = bisect_left(index.centres, top)
    hi = bisect_right(index.centres, bottom)
    hits = []
    for position in index.order[lo:hi]:
        word = index.words[position]
        if x0 <= (word.x0 + word.x1) / 2 <= x1:
            hits.append(position)
    hits.sort()
    return [index.words[position] for position in hits]
