"""Claims from slide decks (PDF parsed into blocks with page, bbox, level, kind).

- Dated headings: "Goals of Cluster Initiative (2001)" -> the initiative's `starting_year`
  2001, qualifier "dated heading" (a cluster in the heading gets `created_year`).
- Cluster lists: on a slide whose heading names a cluster initiative/policy or
  clusters, bullets of the form "Name (Description)" are clusters; a status marker
  such as "Currently in development:" gives status "in development" to the bullets
  under it until the slide ends; bullets above the first marker are "active".
- Every other prose block goes through the shared prose rules (`pipeline.models.nlp`).
Rules are data in `pipeline/models/nlp/rules/<version>/slides.json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import groupby

from pipeline.datamodel.claims import Claim, ClaimValue, SubjectType
from pipeline.datamodel.document import Block, Document
from pipeline.models.nlp.claims import SKIPPED_KINDS, extract_prose_claims
from pipeline.models.nlp.patterns import RULES_DIR, RuleDataError, is_name_word, pattern_name_lexicon
from pipeline.models.nlp.pipeline import build_nlp
from pipeline.text.evidence import block_evidence

__all__ = ["extract_presentation_claims", "pattern_slide_rules"]


@dataclass(frozen=True)
class SlideRules:
    status_markers: tuple[tuple[str, str], ...]  # (normalised phrase, status), longest first
    dated_heading: re.Pattern[str]
    list_item: re.Pattern[str]


@cache
def pattern_slide_rules() -> SlideRules:
    """Status markers and slide line shapes.

    >>> rules = pattern_slide_rules()
    >>> rules.dated_heading.match("Goals of Cluster Initiative (2001)").group("year")
    '2001'
    >>> rules.list_item.match("SurfMat (Surface Engineering and New Materials)").group("name", "desc")
    ('SurfMat', 'Surface Engineering and New Materials')
    """
    path = RULES_DIR / "slides.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleDataError(f"cannot load rule file {path}: {exc}") from exc
    markers = [(phrase, status) for status, phrases in data["status_markers"].items() for phrase in phrases]
    return SlideRules(
        status_markers=tuple(sorted(markers, key=lambda m: -len(m[0]))),
        dated_heading=re.compile(data["dated_heading"]),
        list_item=re.compile(data["list_item"]),
    )


def _status_marker(text: str) -> str | None:
    norm = " ".join(text.lower().strip(" :;-–•").split())
    for phrase, status in pattern_slide_rules().status_markers:
        if norm == phrase:
            return status
    return None


def _claim(
    doc: Document,
    block: Block,
    country: str | None,
    *,
    subject_type: SubjectType,
    name: str,
    attribute: str,
    value: ClaimValue,
    method: str,
    qualifier: str | None = None,
    precision: str | None = None,
) -> Claim:
    return Claim.create(
        subject_type=subject_type,
        subject_name=name,
        attribute=attribute,
        value=value,
        evidence=block_evidence(doc, block, method),
        country=country,
        qualifier=qualifier,
        precision=precision,
    )


def _cluster_list_claims(
    doc: Document, block: Block, country: str | None, item: re.Match[str], status: str
) -> list[Claim]:
    """A cluster-list bullet "Name (Description)": the mention, its status, its description."""
    name = item.group("name")
    facts: list[tuple[str, ClaimValue, str | None]] = [
        ("mentioned", name, None),
        ("status", status, None if status == "active" else status),
    ]
    if item.group("desc"):
        facts.append(("description", " ".join(item.group("desc").split()), None))
    return [
        _claim(
            doc,
            block,
            country,
            subject_type="cluster",
            name=name,
            attribute=attribute,
            value=value,
            method="slides.cluster_list",
            qualifier=qualifier,
        )
        for attribute, value, qualifier in facts
    ]


def _is_cluster_slide(heading: Block | None) -> bool:
    if heading is None:
        return False
    lex = pattern_name_lexicon()
    return any(w.lower().strip(":") in lex.cluster_nouns for w in heading.text.split())


def _heading_mentions(text: str) -> list[tuple[str, SubjectType]]:
    sdoc = build_nlp()(text)
    return [
        (re.sub(r"^(?:the|The)\s+", "", e.text), "policy" if e.label_ == "POLICY" else "cluster")
        for e in sdoc.ents
    ]


def extract_presentation_claims(
    doc: Document, *, country: str | None, known_names: Mapping[str, str] | None = None
) -> list[Claim]:
    """Claims from a slide deck: dated headings, cluster lists with status, then prose rules
    (`known_names`: names from other documents, see `extract_prose`)."""
    rules = pattern_slide_rules()
    claims: list[Claim] = []
    consumed: set[int] = set()
    blocks = [b for b in doc.blocks if b.kind not in SKIPPED_KINDS]
    for _, slide_iter in groupby(blocks, key=lambda b: b.page):
        slide = list(slide_iter)
        heading = next((b for b in slide if b.kind in ("heading", "title")), None)
        for block in slide:
            if block.kind not in ("heading", "title"):
                continue
            match = rules.dated_heading.match(block.text)
            if match is None:
                continue
            for name, subject_type in _heading_mentions(match.group("title")):
                attribute = "starting_year" if subject_type == "policy" else "created_year"
                claims.append(
                    _claim(
                        doc,
                        block,
                        country,
                        subject_type=subject_type,
                        name=name,
                        attribute=attribute,
                        value=int(match.group("year")),
                        method="slides.dated_heading",
                        qualifier="dated heading",
                        precision="year",
                    )
                )
                consumed.add(id(block))
        if not _is_cluster_slide(heading):
            continue
        status = "active"
        for block in slide:
            if block is heading:
                continue
            marker = _status_marker(block.text)
            if marker is not None:
                status = marker
                consumed.add(id(block))
                continue
            if block.kind not in ("list_item", "paragraph"):
                continue
            item = rules.list_item.match(block.text)
            if item is None or not all(is_name_word(w) or w == "&" for w in item.group("name").split()):
                continue
            consumed.add(id(block))
            claims.extend(_cluster_list_claims(doc, block, country, item, status))
    rest = [b for b in blocks if id(b) not in consumed]
    claims.extend(
        extract_prose_claims(
            doc, country=country, blocks=rest, method_prefix="slides.nlp", known_names=known_names
        )
    )
    return claims
