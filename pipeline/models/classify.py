"""Detect a document's kind and country from its content, never from its file name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.datamodel.document import Document, DocumentKind
from pipeline.models.factsheet.labels import SECTIONS, match_header, match_section
from pipeline.models.nlp.patterns import pattern_name_lexicon
from pipeline.text.regions import count_countries, count_places, country_code, first_named

_FACTSHEET_TITLE = re.compile(r"country\s+factsheet", re.IGNORECASE)
_CLUSTER_WORD = re.compile(r"\bclusters?\b", re.IGNORECASE)
# A press page may be short (a social-media post, a directory entry, a profile box); below this many
# words an HTML page is navigation or an error page, not an article.
DEFAULT_MIN_ARTICLE_WORDS = 15


@dataclass(frozen=True)
class Classification:
    kind: DocumentKind
    country: str | None
    reason: str


def policy_label_count(doc: Document) -> int:
    """How many distinct policy-table labels the document's tables carry in column one."""
    found: set[str] = set()
    for page in doc.pages:
        for table in page.tables:
            for cell in table.cells:
                if cell.col > 1:
                    continue
                section = match_section(cell.text)
                if section is not None:
                    found.add(section.key)
                elif (header := match_header(cell.text)) is not None:
                    found.add(header)
    return len(found)


def classify(doc: Document) -> Classification:
    """Factsheet: a policy table (most of its labels) or a 'Country factsheet' title with tables.

    Presentation: a PDF whose pages are mostly landscape with little text each.
    Press page: an HTML page with article text about clusters. Anything else: other.
    """
    country = detect_country(doc)
    if doc.media_type == "html":
        words = len(doc.text.split())
        if words >= DEFAULT_MIN_ARTICLE_WORDS and (_CLUSTER_WORD.search(doc.text) or _cluster_like(doc.text)):
            return Classification(DocumentKind.PRESS_PAGE, country, f"HTML article, {words} words")
        return Classification(DocumentKind.OTHER, country, "HTML page without cluster content")
    labels = policy_label_count(doc)
    if labels >= len(SECTIONS) // 2:
        return Classification(DocumentKind.FACTSHEET, country, f"policy table with {labels} labels")
    head = " ".join(b.text for b in doc.blocks[:40])
    if _FACTSHEET_TITLE.search(head) and any(p.tables for p in doc.pages):
        return Classification(DocumentKind.FACTSHEET, country, "'Country factsheet' title and tables")
    landscape = sum(1 for p in doc.pages if p.width > p.height)
    if doc.pages and landscape / len(doc.pages) >= 0.6:
        per_page = len(doc.text.split()) / len(doc.pages)
        if per_page < 250 and _CLUSTER_WORD.search(doc.text):
            return Classification(
                DocumentKind.PRESENTATION, country, f"{landscape} landscape pages, {per_page:.0f} words/page"
            )
    return Classification(DocumentKind.OTHER, country, "no factsheet, slide or article signature")


def _cluster_like(text: str) -> bool:
    """A page about a cluster that avoids the word: 'competitiveness pole', 'X Alliance', 'the network',
    'X Partnership', 'the Maritime Centre of Expertise' (cluster nouns, organisation heads and the
    cluster context heads of the NLP name lexicon).

    >>> _cluster_like("Aqua Nordica Partnership links utilities and manufacturers")
    True
    >>> _cluster_like("the Maritime Centre of Expertise in Turku")
    True
    >>> _cluster_like("Our bakery sells bread since 1950")
    False
    """
    lex = pattern_name_lexicon()
    words = {re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"[\w’'-]+", text)}  # "the klynge's"
    if words & (lex.cluster_nouns | lex.org_heads):
        return True
    if words & lex.membership_words and words & {"we", "our"}:
        return True  # an organisation that speaks of its members: "we were created ...", "our members"
    low = " ".join(text.lower().split())
    return any(f" {head} " in f" {low} " for label, head in lex.context_heads if label == "CLUSTER" and " " in head)


def detect_country(doc: Document) -> str | None:
    """The country a document is about: a factsheet's title country, else the most named one."""
    blocks = [b for b in doc.blocks if b.kind != "furniture"]
    for i, block in enumerate(blocks[:30]):
        if _FACTSHEET_TITLE.search(block.text):
            rest = _FACTSHEET_TITLE.split(block.text, maxsplit=1)[-1].strip(" :-–")
            candidates = [rest] + [b.text for b in blocks[i + 1 : i + 3]]
            for candidate in candidates:
                code = country_code(candidate)
                if code:
                    return code
    return most_named_country(doc.text)


def most_named_country(text: str) -> str | None:
    """The country named most often (by name or adjective); its cities and regions settle a
    page that names no country or two equally often, and the first named settles what is left.

    >>> most_named_country("The Slovenian Wood Cluster met Austrian partners in Ljubljana.")
    'SI'
    >>> most_named_country("Founded in Brno in 2009, the cluster now has 40 members.")
    'CZ'
    >>> most_named_country("The cluster was founded in 2009.") is None
    True
    """
    counts = count_countries(text)
    top = _leaders(counts)
    if len(top) != 1:
        places = count_places(text)
        if top:
            places = Counter({code: n for code, n in places.items() if code in top})
        top = _leaders(places) or top
    if len(top) == 1:
        return next(iter(top))
    return first_named(text, top) if top else None


def _leaders(counts: Counter[str]) -> set[str]:
    if not counts:
        return set()
    most = max(counts.values())
    return {code for code, n in counts.items() if n == most}
