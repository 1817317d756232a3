"""Smaller in-memory models for what a run keeps for all its documents at once (the claims, and
the records built from them).

A pydantic model carries, besides its field values, the set of the fields that were given
(`__pydantic_fields_set__`): 728 bytes for a claim (13 fields), as much again for its evidence.
Claims read from JSON share a handful of such sets (the same fields are always given), so
every model of a claim (and of a record, with the models, lists and maps of models it holds)
gets the one shared set equal to its own: half of a claim's memory.

Safe because these models are frozen (pydantic adds to the set only on attribute assignment,
which a frozen model refuses) and `model_copy` copies the set before updating it.

>>> from pipeline.datamodel.claims import Evidence
>>> a = Evidence(doc_id="d1", uri="a.html", quote="x", method="m")
>>> b = Evidence(doc_id="d2", uri="b.html", quote="y", method="m")
>>> sets = FieldSets()
>>> sets.share(a) is a and sets.share(b) is b
True
>>> a.__pydantic_fields_set__ is b.__pydantic_fields_set__
True
>>> a == Evidence(doc_id="d1", uri="a.html", quote="x", method="m")
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


class FieldSets:
    """Gives equal field sets one shared object, for a model and the models it holds."""

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], set[str]] = {}

    def share(self, model: M) -> M:
        """The same model (changed in place, equal as before); frozen models only (a model it
        holds that is not frozen is left as it is)."""
        if not model.model_config.get("frozen"):
            raise TypeError(f"{type(model).__name__} is not frozen: its field set cannot be shared")
        self._share(model)
        return model

    def _share(self, model: BaseModel) -> None:
        own = model.__pydantic_fields_set__
        shared = self._sets.setdefault(frozenset(own), own)
        if shared is not own:
            object.__setattr__(model, "__pydantic_fields_set__", shared)
        for value in model.__dict__.values():
            self._share_within(value)

    def _share_within(self, value: object) -> None:
        if isinstance(value, BaseModel):
            if value.model_config.get("frozen"):
                self._share(value)
        elif isinstance(value, list | tuple):
            for item in value:
                self._share_within(item)
        elif isinstance(value, dict):
            for item in value.values():
                self._share_within(item)

    def share_all(self, models: Iterable[M]) -> Iterator[M]:
        for model in models:
            yield self.share(model)


class SharedStrings:
    """Gives equal texts one shared object, in a model and the models it holds.

    A run's claims repeat most of their texts: every claim of a document carries its `doc_id`
    and `uri`; attributes, extractor and method names, subject ids and names, countries and
    qualifiers come from small vocabularies; a quote read for several attributes is parsed once
    per claim. Read from JSON each is its own object; shared, a run of N documents keeps each
    distinct text once. Values are unchanged (equal strings), so is everything written.

    >>> from pipeline.datamodel.claims import Evidence
    >>> a = Evidence(doc_id="d" + "1", uri="a.html", quote="x", method="m")
    >>> b = Evidence(doc_id="".join(["d", "1"]), uri="b.html", quote="y", method="m")
    >>> a.doc_id is b.doc_id
    False
    >>> strings = SharedStrings()
    >>> strings.share(a) is a and strings.share(b) is b
    True
    >>> a.doc_id is b.doc_id and a == Evidence(doc_id="d1", uri="a.html", quote="x", method="m")
    True
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def share(self, model: M) -> M:
        """The same model, its texts (and those of the frozen models it holds) replaced by the
        shared equal ones; frozen models only."""
        if not model.model_config.get("frozen"):
            raise TypeError(f"{type(model).__name__} is not frozen: its texts cannot be shared")
        self._share(model)
        return model

    def _share(self, model: BaseModel) -> None:
        fields = model.__dict__
        for name, value in fields.items():
            if type(value) is str:
                fields[name] = self._texts.setdefault(value, value)
            elif isinstance(value, BaseModel) and value.model_config.get("frozen"):
                self._share(value)

    def share_all(self, models: Iterable[M]) -> Iterator[M]:
        for model in models:
            yield self.share(model)
