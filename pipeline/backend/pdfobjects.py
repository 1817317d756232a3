"""A page's objects as pdfplumber's dicts, with the characters converted in one cheap step.

pdfplumber turns every pdfminer layout object into a dict (`Page.process_object`): it
resolves every attribute recursively, decodes the colour-space name and rebuilds the kind
from the class name, for each of a page's thousands of characters. Most of that work is
the same for every character: a character's attributes are plain numbers, strings and
tuples, and its colour space is one of a handful of names. `char_object` does only the
work whose result can differ, and gives the very dict pdfplumber gives (same keys, same
order, same values; tests compare them on the robustness corpus); every other object
(lines, rects, curves, images, containers) still goes through pdfplumber's own
`process_object`.

    page ─► page.layout (pdfminer) ─► page_objects ─► page._objects (pdfplumber's cache)

The backend needs less still: words, and the tables' rules. `word_char` keeps only the keys
pdfplumber's word and text extraction read (`WORD_CHAR_KEYS`), with the same values; the
backend fills the page's cache with those (`load_objects`), and the words it extracts from
them are the words pdfplumber extracts from its full dicts (tested on the same corpus).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple
from unicodedata import normalize as normalize_unicode

import pdfplumber
from pdfminer.layout import LTChar, LTComponent, LTContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode

PlumberObject = dict[str, object]
# values `resolve_all` returns unchanged (it only rebuilds references, lists, tuples and dicts)
_PLAIN = frozenset({float, int, str, bool, type(None)})


@lru_cache(maxsize=256)
def _colour_space_name(name: str | bytes) -> object:
    """A colour-space name decoded as pdfplumber decodes it (a page uses a handful)."""
    return resolve_and_decode(name)


def colour_space_name(name: object) -> object:
    """`resolve_and_decode(name)`, cached for the plain names it is almost always given.

    >>> colour_space_name("DeviceRGB")
    'DeviceRGB'
    """
    if type(name) in (str, bytes):
        return _colour_space_name(name)  # type: ignore[arg-type]
    return resolve_and_decode(name)


def resolved(value: object) -> object:
    """`resolve_all(value)`, without its recursion for plain values and tuples of them (a
    character's matrix): those it gives back unchanged (an equal tuple).

    >>> resolved((1.0, 0.0, 0.0, 1.0, 72.0, 700.5)), resolved("F1"), resolved([1, (2, 3)])
    ((1.0, 0.0, 0.0, 1.0, 72.0, 700.5), 'F1', [1, (2, 3)])
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple and _PLAIN.issuperset(map(type, value)):  # type: ignore[call-overload]
        return value
    return resolve_all(value)


class PageFrame(NamedTuple):
    """What a character's dict takes from its page (read once per page, not once per character)."""

    page_number: int
    height: float
    mb_x0: float
    mb_top: float
    initial_doctop: float
    unicode_norm: str | None

    @classmethod
    def of(cls, page: pdfplumber.page.Page) -> PageFrame:
        mb_x0, mb_top = page.mediabox[:2]
        return cls(page.page_number, page.height, mb_x0, mb_top, page.initial_doctop, page.pdf.unicode_norm)


def char_object(frame: PageFrame, obj: LTChar) -> PlumberObject:
    """The dict `page.process_object(obj)` gives for a character, built without its overheads."""
    attr: PlumberObject = {
        k: v if type(v) in _PLAIN else resolved(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS
    }
    attr["object_type"] = "char"
    attr["page_number"] = frame.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = colour_space_name(getattr(obj, cs).name)
    text = obj.get_text()
    attr["text"] = normalize_unicode(frame.unicode_norm, text) if frame.unicode_norm is not None else text
    gs = obj.graphicstate
    attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
    attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
    if isinstance(attr["fontname"], bytes):
        attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    if "y0" in attr:
        attr["top"] = top = (frame.height - attr["y1"]) + frame.mb_top  # type: ignore[operator]
        attr["bottom"] = (frame.height - attr["y0"]) + frame.mb_top  # type: ignore[operator]
        attr["doctop"] = frame.initial_doctop + top
    if "x0" in attr and frame.mb_x0 != 0:
        attr["x0"] = attr["x0"] + frame.mb_x0  # type: ignore[operator]
        attr["x1"] = attr["x1"] + frame.mb_x0  # type: ignore[operator]
    return attr


# the keys of a character's dict that pdfplumber's word, text and table-text extraction read
WORD_CHAR_KEYS = (
    "text", "x0", "y0", "x1", "y1", "top", "bottom", "doctop", "width", "height",
    "upright", "matrix", "fontname", "size", "object_type", "page_number",
)  # fmt: skip


def word_char(frame: PageFrame, obj: LTChar) -> PlumberObject:
    """A character's dict with only `WORD_CHAR_KEYS`, each with the value `char_object` gives
    it: enough for `extract_words`, `extract_text` and the tables' text strategy, at a third
    of the cost. (A reader of another key, such as a colour, gets a KeyError, never a guess.)"""
    text = obj.get_text()
    fontname = obj.fontname if type(obj.fontname) is str else resolved(obj.fontname)
    top = (frame.height - obj.y1) + frame.mb_top
    x0, x1 = (obj.x0 + frame.mb_x0, obj.x1 + frame.mb_x0) if frame.mb_x0 != 0 else (obj.x0, obj.x1)
    return {
        "text": normalize_unicode(frame.unicode_norm, text) if frame.unicode_norm is not None else text,
        "x0": x0,
        "y0": obj.y0,
        "x1": x1,
        "y1": obj.y1,
        "top": top,
        "bottom": (frame.height - obj.y0) + frame.mb_top,
        "doctop": frame.initial_doctop + top,
        "width": obj.width,
        "height": obj.height,
        "upright": obj.upright,
        "matrix": resolved(obj.matrix),
        "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
        "size": obj.size,
        "object_type": "char",
        "page_number": frame.page_number,
    }


CharConverter = Callable[[PageFrame, LTChar], PlumberObject]


def iter_objects(
    page: pdfplumber.page.Page,
    items: list[LTComponent],
    frame: PageFrame | None = None,
    char: CharConverter = char_object,
) -> Iterator[PlumberObject]:
    """`Page.iter_layout_objects`, with characters through `char` (`char_object` by default)."""
    frame = frame or PageFrame.of(page)
    for obj in items:
        if type(obj) is LTChar:
            yield char(frame, obj)
        elif isinstance(obj, LTContainer):
            if page.pdf.laparams is not None:
                yield page.process_object(obj)
            yield from iter_objects(page, obj._objs, frame, char)
        else:
            yield page.process_object(obj)


def page_objects(
    page: pdfplumber.page.Page, char: CharConverter = char_object
) -> dict[str, list[PlumberObject]]:
    """`Page.parse_objects`: the page's objects by kind, equal to pdfplumber's own (with the
    default `char`; with `word_char` the characters carry only `WORD_CHAR_KEYS`)."""
    objects: dict[str, list[PlumberObject]] = {}
    for obj in iter_objects(page, page.layout._objs, char=char):
        kind = str(obj["object_type"])
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(obj)
    return objects


def load_objects(page: pdfplumber.page.Page, char: CharConverter = word_char) -> None:
    """Fill pdfplumber's object cache of `page` (what `page.objects` would parse) the cheap way;
    every later `page.chars`, `page.edges`, `extract_words` and `find_tables` reads it. By
    default the characters carry only the keys word and text extraction read (`word_char`)."""
    if not hasattr(page, "_objects"):
        page._objects = page_objects(page, char)
