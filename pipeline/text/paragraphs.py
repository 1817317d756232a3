"""Joining pieces of text back into paragraphs.

A piece that follows one ending a sentence starts a new paragraph; otherwise it continues
the previous line (a cell or block broken across lines or pages).
"""

from __future__ import annotations

from collections.abc import Iterable

SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', ")")


def join_paragraphs(texts: Iterable[str]) -> str:
    """Join pieces: a blank line after a sentence end, else one space.

    >>> join_paragraphs(["The policy runs", "until 2027.", "Budget: none."])
    'The policy runs until 2027.\\n\\nBudget: none.'
    >>> join_paragraphs([])
    ''
    """
    out = ""
    for text in texts:
        if not out:
            out = text
        elif out.endswith(SENTENCE_END):
            out += "\n\n" + text
        else:
            out += " " + text
    return out
