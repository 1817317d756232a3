"""HTML backend: main content only, dates, offsets, locators, specific errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.backend.html import HtmlParseError, decode_html, parse_html, parse_visible_date
from pipeline.datamodel.document import Document

FIXTURES = Path(__file__).parent / "fixtures" / "press"


def _parse(name: str) -> Document:
    path = FIXTURES / name
    return parse_html(path.read_bytes(), doc_id=path.stem, uri=f"press/{name}", sha256="0" * 64)


@pytest.mark.parametrize(
    ("name", "title", "published", "published_quote", "n_prose"),
    [
        (
            "dk_sound_cluster.html",
            "Ten years of sound innovation",
            "2023-09-14",
            "Posted 14 September 2023",
            6,
        ),
        ("de_hydrogen_cluster.html", "Hydrogen Cluster Bavaria starts work", "2022-05-12", "2022-05-12", 4),
        (
            "fr_maritime_cluster.html",
            "The French maritime cluster turns eighteen",
            "2024-06-15",
            "Mis à jour le 15/06/2024",
            5,
        ),
    ],
)
def test_fixture_pages(name: str, title: str, published: str, published_quote: str, n_prose: int) -> None:
    doc = _parse(name)
    assert doc.media_type == "html"
    assert doc.title == title
    assert doc.published == published
    assert doc.published_quote == published_quote
    assert len([b for b in doc.blocks if b.kind in ("paragraph", "heading", "list_item")]) == n_prose
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        assert block.locator and block.locator.startswith(
            "html/head/" if block.kind == "page_title" else "html/body/"
        )
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)
    head = [(b.text, b.locator) for b in doc.blocks if b.kind == "page_title"]
    assert head == PAGE_TITLES.get(name, [])


# the <head> title is kept as a last block (kind page_title) whenever it is not the headline itself:
# its site part often names the organisation ("Our history – Hellenic Semiconductor Alliance")
PAGE_TITLES = {
    "dk_sound_cluster.html": [("Ten years of sound innovation | Cluster Excellence Denmark", "html/head/title")],
    "de_hydrogen_cluster.html": [("Hydrogen Cluster Bavaria starts work - Bavarian State Portal", "html/head/title")],
    "fr_maritime_cluster.html": [("Cluster Maritime Français - Actualités", "html/head/title")],
}


@pytest.mark.parametrize(
    ("name", "forbidden"),
    [
        (
            "dk_sound_cluster.html",
            [
                "cookies",
                "Related news",
                "Danish Food Cluster",
                "Robotics Cluster",
                "All rights reserved",
                "Water Cluster",
                "About",
            ],
        ),
        (
            "de_hydrogen_cluster.html",
            [
                "cookies",
                "Cookie settings",
                "Related news",
                "Automotive Cluster Bavaria",
                "New Space Cluster",
                "Imprint",
                "State Portal",
                "Cluster offensive",
            ],
        ),
        (
            "fr_maritime_cluster.html",
            ["Accueil", "Our clusters", "See also", "founded in 2005", "Aerospace Valley", "Legal"],
        ),
    ],
)
def test_boilerplate_is_excluded(name: str, forbidden: list[str]) -> None:
    doc = _parse(name)
    content = "\n\n".join(b.text for b in doc.blocks if b.kind != "page_title")
    for text in forbidden:
        assert text not in content, text


def test_locators_and_kinds() -> None:
    doc = _parse("dk_sound_cluster.html")
    kinds = [(b.kind, b.locator) for b in doc.blocks]
    assert kinds[0] == ("title", "html/body/main/article/h1")
    assert kinds[1] == ("meta", "html/body/main/article/p[1]")
    assert ("heading", "html/body/main/article/h2") in kinds
    assert ("paragraph", "html/body/main/article/blockquote/p") in kinds


def test_cp1252_declared_charset_is_decoded() -> None:
    doc = _parse("de_hydrogen_cluster.html")
    assert "Grün ist die Zukunft" in doc.text
    assert "“hydrogen for all”" in doc.text


LUX_LIKE = """<html><head><title>Clusters | news</title></head><body>
<nav><a href="/">Home</a><a href="/news">News</a><a href="/x">Clusters</a></nav>
<main><article><h1>20 years of clusters</h1>
<p>The very first cluster, SurfMat, was created in 2001.</p>
<p>Photo: © Agency</p>
<h2>Read more</h2>
<div class="news"><h3>Waste heat: Time to take action</h3><p>28-03-2024</p>
<p>The workshop organised on 26 March highlighted the need to act.</p></div>
</article></main>
<ul class="list"><li>Updated 01-10-2016</li></ul>
<footer>Contact us</footer></body></html>"""


def test_read_more_section_and_visible_updated_date() -> None:
    doc = parse_html(LUX_LIKE.encode("utf-8"), doc_id="x", uri="x.html", sha256="0")
    assert "Waste heat" not in doc.text
    assert "28-03-2024" not in doc.text
    assert "Contact us" not in doc.text and "Home" not in doc.text
    assert doc.title == "20 years of clusters"
    assert doc.published == "2016-10-01"
    assert doc.published_quote == "Updated 01-10-2016"


def test_div_content_without_article() -> None:
    doc = _parse("fr_maritime_cluster.html")
    assert doc.blocks[2].locator == "html/body/div[2]/div/p[1]"
    assert (
        doc.blocks[2].text
        == "The Cluster Maritime Français was set up in 2006 by the French maritime industry."
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"<html><body><p>caf\xe9 cr\xe8me</p></body></html>", "not valid UTF-8"),
        (b'<meta charset="x-no-such-charset"><p>x</p>', "unknown declared charset"),
        (
            b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>",
            "no main-content",
        ),
    ],
)
def test_errors_are_specific(data: bytes, message: str) -> None:
    with pytest.raises(HtmlParseError, match=message):
        parse_html(data, doc_id="x", uri="x.html", sha256="0")


def test_html_parse_error_is_value_error() -> None:
    assert issubclass(HtmlParseError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated 01-10-2016", ("2016-10-01", "01-10-2016")),
        ("12/31/2020", ("2020-12-31", "12/31/2020")),
        ("Published on March 4th, 2016", ("2016-03-04", "March 4th, 2016")),
        ("2023-12-21T10:00:00+01:00", ("2023-12-21", "2023-12-21")),
        ("no date here", None),
    ],
)
def test_parse_visible_date(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_visible_date(text) == expected


def test_bom_and_meta_charset() -> None:
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"
    assert decode_html('<meta charset="iso-8859-1"><p>é</p>'.encode("latin-1")).endswith("é</p>")


# Real pages put the article where class-name and tag rules would drop it. The main-content
# oracle (trafilatura) protects an element that holds most of the main text.
_ARTICLE_PARAGRAPHS = (
    "<h1>Nordic wood cluster opens a test hall</h1>"
    "<p>The wood cluster of the region opened its new test hall for timber joints on Monday morning.</p>"
    "<p>Forty member firms will share the hall, which cost the regional fund about two million euros.</p>"
    "<p>The cluster was founded in 2009 by eleven sawmills and the technical college of the town.</p>"
    "<p>Its manager said the hall would let small firms certify new products without travelling abroad.</p>"
)


def _page(body: str) -> bytes:
    return f"<html><head><title>News</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "body",
    [
        # a layout wrapper whose class says "sidebar" or "nav" holds the whole page
        f'<div class="l-outer l-outer--nav has-sidebar"><nav><a href="/">Home</a> <a href="/n">News</a>'
        f' <a href="/c">Contact</a></nav><div class="content">{_ARTICLE_PARAGRAPHS}</div></div>',
        # an ASP.NET page: one <form> around everything
        f'<form id="aspnetForm" method="post"><nav><a href="/">Home</a> <a href="/n">News</a>'
        f' <a href="/c">Contact</a></nav><div class="content">{_ARTICLE_PARAGRAPHS}</div></form>',
        # the same, written with decomposed accents ("u" + U+0308) in a wrapper named "menu-open"
        '<div class="page menu-open"><div class="content">'
        + _ARTICLE_PARAGRAPHS.replace("Monday", "Montag for Ju\u0308rgen")
        + "</div></div>",
    ],
    ids=["sidebar-wrapper", "aspnet-form", "decomposed-accents"],
)
def test_a_wrapper_that_looks_like_boilerplate_keeps_the_article(body: str) -> None:
    doc = parse_html(_page(body), doc_id="x", uri="x.html", sha256="0")
    assert "The cluster was founded in 2009 by eleven sawmills" in doc.text
    assert "Its manager said the hall" in doc.text
    assert "Contact" not in doc.text

