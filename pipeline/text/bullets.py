"""Bullet characters that start list items, in PDF lines and table cells alike."""

from __future__ import annotations

import re

BULLETS = "•▪■●◦‣∙·-–—*►➢✓"
BULLET_PREFIX = re.compile("^[" + re.escape(BULLETS) + r"]\s+")


def is_bullet(text: str) -> bool:
    """A bullet character followed by one space opens the text.

    >>> is_bullet("• Wood"), is_bullet("-5 degrees"), is_bullet("•")
    (True, False, False)
    """
    return len(text) > 1 and text[0] in BULLETS and text[1] == " "


def strip_bullet(text: str) -> str:
    """The text without its opening bullet.

    >>> strip_bullet("▪ Health ")
    'Health'
    """
    return text[2:].strip() if is_bullet(text) else text
