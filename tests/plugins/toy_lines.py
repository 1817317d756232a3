"""A toy backend and a toy extractor, added without touching the pipeline's own modules.

The backend reads "toy" sources (UTF-8 lines of `key: value`) into a `Document`; the
extractor turns `founded: <year>` lines of a document of kind OTHER into `created_year`
claims about the cluster named by the `cluster:` line.
"""

from __future__ import annotations

import re

from pipeline.datamodel.claims import Claim, Evidence
from pipeline.datamodel.document import Block, Document, DocumentKind
from pipeline.stages.registry import register_backend, register_extractor

MEDIA_TYPE = "toy"
EXTRACTOR = "toy.founded"
_LINE = re.compile(r"^(?P<key>[a-z]+):\s*(?P<value>.+)$")


class ToyParseError(ValueError):
    code = "toy_unreadable"


def parse_toy(data: bytes, *, doc_id: str, uri: str, sha256: str) -> Document:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ToyParseError(f"not UTF-8: {exc}") from exc
    blocks, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(kind="paragraph", text=line, start=offset, end=offset + len(line)))
        offset += len(line) + 1
    return Document(doc_id=doc_id, uri=uri, sha256=sha256, media_type=MEDIA_TYPE, blocks=blocks, text=text)


def extract_founded(doc: Document, country: str | None) -> list[Claim]:
    fields = {m["key"]: (m["value"], b) for b in doc.blocks if (m := _LINE.match(b.text))}
    if "cluster" not in fields or "founded" not in fields:
        return []
    name = fields["cluster"][0]
    year, block = fields["founded"]
    evidence = Evidence(
        doc_id=doc.doc_id,
        uri=doc.uri,
        locator=f"#c{block.start}-{block.end}",
        quote=block.text,
        method=EXTRACTOR,
    )
    return [
        Claim.create(
            subject_type="cluster",
            subject_name=name,
            attribute="created_year",
            value=int(year),
            evidence=evidence,
            country=country,
        )
    ]


def register() -> None:
    register_backend(MEDIA_TYPE, parse_toy, errors=(ToyParseError,))
    register_extractor(EXTRACTOR, [DocumentKind.OTHER], extract_founded)
