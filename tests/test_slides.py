"""Slide decks: dated headings, cluster lists with status markers, descriptions."""

from __future__ import annotations

import pytest

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.document import BBox, Block, Document
from pipeline.models.slides import extract_presentation_claims

Line = tuple[int, str, str, int]  # page, kind, text, level


def make_deck(lines: list[Line]) -> Document:
    blocks, parts, offset = [], [], 0
    for i, (page, kind, text, level) in enumerate(lines):
        if parts:
            offset += 2
        blocks.append(
            Block(
                kind=kind,
                text=text,
                start=offset,
                end=offset + len(text),
                level=level,
                page=page,  # type: ignore[arg-type]
                bbox=BBox.of(50 + 20 * level, 100 + 30 * i, 500, 120 + 30 * i),
            )
        )
        parts.append(text)
        offset += len(text)
    return Document(
        doc_id="deck",
        uri="presentations/deck.pdf",
        sha256="0",
        media_type="pdf",
        blocks=blocks,
        text="\n\n".join(parts),
    )


LUX_2008: list[Line] = [
    (6, "heading", "Cluster Initiative", 0),
    (6, "list_item", "SurfMat (Surface Engineering and New Materials)", 0),
    (6, "list_item", "InfoCom (Information and Communication Technologies)", 0),
    (6, "list_item", "AeroSpace (Aeronautic and Aerospace Technologies)", 0),
    (6, "paragraph", "Currently in development:", 0),
    (6, "list_item", "LogiTrace (Logistics and Traceability)", 0),
    (6, "list_item", "BioHealth (Biotechnology and Health Technology)", 0),
    (7, "heading", "Goals of Cluster Initiative (2001)", 0),
    (7, "list_item", "Increase the competitiveness of participating companies by:", 0),
    (7, "list_item", "Quick and easy access to shared competences", 1),
    (8, "heading", "Luxinnovation in figures 2007", 0),
    (8, "list_item", "Created in 1984, public-private partnership", 0),
    (8, "list_item", "About 320 different companies/ research laboratories assisted", 0),
]


def _facts(claims: list[Claim]) -> set[tuple[str, str, str, object, str | None]]:
    return {(c.subject_type, c.subject_name, c.attribute, c.value, c.qualifier) for c in claims}


def test_cluster_list_status_and_descriptions() -> None:
    claims = extract_presentation_claims(make_deck(LUX_2008), country="LU")
    status = {(c.subject_name, c.value, c.qualifier) for c in claims if c.attribute == "status"}
    assert status == {
        ("SurfMat", "active", None),
        ("InfoCom", "active", None),
        ("AeroSpace", "active", None),
        ("LogiTrace", "in development", "in development"),
        ("BioHealth", "in development", "in development"),
    }
    descriptions = {(c.subject_name, c.value) for c in claims if c.attribute == "description"}
    assert ("SurfMat", "Surface Engineering and New Materials") in descriptions
    assert ("LogiTrace", "Logistics and Traceability") in descriptions
    mentioned = {c.subject_name for c in claims if c.attribute == "mentioned" and c.subject_type == "cluster"}
    assert {"SurfMat", "InfoCom", "AeroSpace", "LogiTrace", "BioHealth"} <= mentioned


def test_dated_heading() -> None:
    claims = extract_presentation_claims(make_deck(LUX_2008), country="LU")
    dated = [c for c in claims if c.attribute in ("starting_year", "created_year")]
    assert [
        (c.subject_type, c.subject_name, c.attribute, c.value, c.qualifier, c.precision) for c in dated
    ] == [("policy", "Cluster Initiative", "starting_year", 2001, "dated heading", "year")]
    assert dated[0].evidence.page == 7
    assert dated[0].evidence.quote == "Goals of Cluster Initiative (2001)"
    assert dated[0].evidence.locator is not None and dated[0].evidence.locator.startswith("page 7 #c")


def test_status_ends_with_slide() -> None:
    deck: list[Line] = [
        (1, "heading", "Cluster Initiative", 0),
        (1, "paragraph", "Currently in development:", 0),
        (1, "list_item", "EcoDev (Ecotechnologies and Sustainable Development)", 0),
        (2, "heading", "Our Clusters", 0),
        (2, "list_item", "AutoTec (Automotive Technologies)", 0),
    ]
    claims = extract_presentation_claims(make_deck(deck), country=None)
    assert {(c.subject_name, c.value) for c in claims if c.attribute == "status"} == {
        ("EcoDev", "in development"),
        ("AutoTec", "active"),
    }


@pytest.mark.parametrize(
    "heading",
    ["Luxinnovation in figures 2007", "Success Factors/Problems Encountered", "Objectives"],
)
def test_non_cluster_slides_give_no_status(heading: str) -> None:
    deck: list[Line] = [(1, "heading", heading, 0), (1, "list_item", "Energy Efficient Building", 0)]
    assert not [
        c for c in extract_presentation_claims(make_deck(deck), country=None) if c.attribute == "status"
    ]


def test_quotes_are_verbatim() -> None:
    doc = make_deck(LUX_2008)
    for claim in extract_presentation_claims(doc, country="LU"):
        assert claim.evidence.quote in doc.text
        assert claim.evidence.page is not None and claim.evidence.bbox is not None
