"""Registries: parse backends by media type, extractors by document kind.

Adding a backend or an extractor is one new module plus one registration line:

    register_backend("docx", parse_docx, errors=(DocxParseError,))
    register_extractor("factsheet.budget_notes", [DocumentKind.FACTSHEET], extract_budget_notes)

A backend turns bytes into a `Document` and raises one of its declared error types on bad
input (the document is then quarantined with the error's `code`). An extractor is a pure
function `(Document, country) -> list[Claim] | Extraction`; the extract stage runs every
extractor registered for the document's kind, in registration order, each in isolation
(see `pipeline.stages.process.run_extractors`). Registration order is priority: when two
extractors state the same fact from the same words, the first one's claim is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.datamodel.claims import Claim
from pipeline.datamodel.results import MentionNote
from pipeline.datamodel.document import Document, DocumentKind


@dataclass(frozen=True)
class Extraction:
    """What an extractor returns when it has warnings to record as well as claims."""

    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)
    mentions: list[MentionNote] = field(default_factory=list)  # names seen, taken or not (report)


ExtractFn = Callable[[Document, str | None], "list[Claim] | Extraction"]
# the same extractor given names known from other documents (name -> CLUSTER | POLICY), for the
# gazetteer's second pass (`pipeline.stages.gazetteer`)
NamesExtractFn = Callable[[Document, str | None, Mapping[str, str]], "list[Claim] | Extraction"]


class BackendFn(Protocol):
    """Bytes to `Document`: `parse(data, doc_id=..., uri=..., sha256=...)`."""

    def __call__(self, data: bytes, *, doc_id: str, uri: str, sha256: str) -> Document: ...


@dataclass(frozen=True)
class Backend:
    media_type: str
    parse: BackendFn
    errors: tuple[type[Exception], ...]
    code: str  # the error code recorded when an error carries none of its own


@dataclass(frozen=True)
class RegisteredExtractor:
    name: str
    kinds: frozenset[DocumentKind]
    run: ExtractFn
    with_names: NamesExtractFn | None = None  # None: the extractor takes no outside names


class RegistryError(ValueError):
    """A registration that would make dispatch ambiguous (a name or media type taken twice)."""


_BACKENDS: dict[str, Backend] = {}
_EXTRACTORS: list[RegisteredExtractor] = []


def register_backend(
    media_type: str, parse: BackendFn, *, errors: Sequence[type[Exception]], code: str | None = None
) -> Backend:
    """Register the parser of one media type; `errors` are the exceptions that mean 'bad input'
    (recorded with their `code` attribute if they have one, else with `code`)."""
    if media_type in _BACKENDS:
        raise RegistryError(f"a backend for media type {media_type!r} is already registered")
    backend = Backend(media_type, parse, tuple(errors), code or f"{media_type}_unreadable")
    _BACKENDS[media_type] = backend
    return backend


def unregister_backend(media_type: str) -> None:
    _BACKENDS.pop(media_type, None)


def backend_for(media_type: str | None) -> Backend | None:
    return _BACKENDS.get(media_type or "")


def backends() -> list[Backend]:
    return list(_BACKENDS.values())


def register_extractor(
    name: str, kinds: Iterable[DocumentKind], run: ExtractFn, *, with_names: NamesExtractFn | None = None
) -> RegisteredExtractor:
    """Register an extractor for some document kinds; its claims are stamped with `name`.
    `with_names` is its variant that also takes a gazetteer from other documents (optional)."""
    if any(e.name == name for e in _EXTRACTORS):
        raise RegistryError(f"an extractor named {name!r} is already registered")
    entry = RegisteredExtractor(name, frozenset(kinds), run, with_names)
    _EXTRACTORS.append(entry)
    return entry


def unregister_extractor(name: str) -> None:
    _EXTRACTORS[:] = [e for e in _EXTRACTORS if e.name != name]


def extractors_for(kind: DocumentKind) -> list[RegisteredExtractor]:
    """The extractors of one document kind, in registration (priority) order."""
    return [e for e in _EXTRACTORS if kind in e.kinds]


def extractors() -> list[RegisteredExtractor]:
    return list(_EXTRACTORS)
