"""Flat, typed rows for dataframes, derived from the record models' type annotations.

Every column has one type. The rules, applied to each model field (nested models are
flattened with `_` between names):

- `str`, `Literal`, enums → text; `int` → integer; `float` (or `int | float`) → float;
  `bool` → boolean; `list[str]` → list of text;
- a claimed value (`int | float | str | list[str] | NotAvailable | None`) → four typed
  columns `<name>_text`, `<name>_number`, `<name>_year` and `<name>_json` (see `typed_value`);
- a scalar that may be an explicit "not available" marker (`int | NotAvailable | None`)
  → the scalar column (null when not available) and `<name>_not_available` (boolean);
- anything else (lists of objects, maps, evidence) → `<name>_json`, canonical JSON text.

>>> [c.name for c in columns_of(Evidence)][:4]
['doc_id', 'uri', 'page', 'bbox_x0']
"""

from __future__ import annotations

import enum
import json
import types
import typing
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from pipeline.datamodel.base import StrictModel
from pipeline.datamodel.claims import ClaimValue, Evidence, NotAvailable

ColumnKind = Literal["text", "integer", "float", "boolean", "text_list", "json"]
Scalar = str | int | float | bool | list[str] | None
YEAR_RANGE = range(1000, 3000)

__all__ = ["Column", "Evidence", "columns_of", "flat_row", "typed_value"]


@dataclass(frozen=True)
class Column:
    """One typed column: its name, kind, the path of model fields it reads, and how."""

    name: str
    kind: ColumnKind
    path: tuple[str, ...]
    read: Literal["plain", "not_available", "value_text", "value_number", "value_year", "value_json",
                  "json"] = "plain"
    description: str | None = None


def typed_value(value: ClaimValue, attribute: str | None = None) -> dict[str, Scalar]:
    """A claimed value split into typed columns; exactly the fields that apply are set.

    `value_year` is set for an integer value of a `*year` attribute within 1000-2999.

    >>> typed_value(2002, "history.starting_year")
    {'value_text': None, 'value_number': 2002.0, 'value_year': 2002, 'value_json': '2002'}
    >>> typed_value(NotAvailable(text="n/a"))["value_text"]
    'n/a'
    """
    text = value if isinstance(value, str) else value.text if isinstance(value, NotAvailable) else None
    number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    leaf = (attribute or "").rsplit(".", 1)[-1]
    year = (
        value
        if isinstance(value, int) and leaf.endswith("year") and value in YEAR_RANGE
        else None
    )
    return {
        "value_text": text,
        "value_number": number,
        "value_year": year,
        "value_json": None if value is None else _canonical(_plain(value)),
    }


def columns_of(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[Column]:
    """The typed columns of a record model (see the module docstring for the rules)."""
    out: list[Column] = []
    for name, field in model.model_fields.items():
        path = (*prefix, name)
        col = "_".join(path)
        annotation = field.annotation
        if _is_claim_value(annotation):
            for part, kind in (("text", "text"), ("number", "float"), ("year", "integer"), ("json", "json")):
                read = f"value_{part}"
                out.append(Column(f"{col}_{part}", kind, path, read, field.description))  # type: ignore[arg-type]
            continue
        args = _non_none(annotation)
        has_na = NotAvailable in args
        args = [a for a in args if a is not NotAvailable]
        if len(args) == 1 and _is_model(args[0]) and not has_na:
            out.extend(columns_of(args[0], path))
            continue
        kind = _scalar_kind(args)
        if kind is None:
            out.append(Column(f"{col}_json", "json", path, "json", field.description))
            continue
        out.append(Column(col, kind, path, "plain", field.description))
        if has_na:
            out.append(Column(f"{col}_not_available", "boolean", path, "not_available", field.description))
    return out


def flat_row(record: StrictModel, columns: list[Column]) -> dict[str, Scalar]:
    """One record as a flat dict of typed cells, in column order."""
    attribute = getattr(record, "attribute", None)
    row: dict[str, Scalar] = {}
    for column in columns:
        raw = _get(record, column.path)
        if column.read == "plain":
            row[column.name] = raw.value if isinstance(raw, enum.Enum) else _cell(raw)
        elif column.read == "not_available":
            row[column.name] = isinstance(raw, NotAvailable)
        elif column.read == "json":
            row[column.name] = None if raw is None else _canonical(_plain(raw))
        else:
            row[column.name] = typed_value(raw, attribute)[column.read]
    return row


def _cell(raw: object) -> Scalar:
    if isinstance(raw, NotAvailable):
        return None
    if isinstance(raw, list):
        return [str(x) for x in raw]
    return raw  # type: ignore[return-value]


def _get(record: object, path: tuple[str, ...]) -> object:
    for name in path:
        if record is None:
            return None
        record = getattr(record, name)
    return record


def _plain(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _non_none(annotation: object) -> list[object]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def _is_model(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_claim_value(annotation: object) -> bool:
    return set(_non_none(annotation)) == set(_non_none(ClaimValue))


def _scalar_kind(args: list[object]) -> ColumnKind | None:
    kinds = {_one_kind(a) for a in args}
    if kinds == {"integer", "float"}:
        return "float"
    if len(kinds) == 1:
        return kinds.pop()
    return None


def _one_kind(tp: object) -> ColumnKind | None:
    if tp is bool:
        return "boolean"
    if tp is int:
        return "integer"
    if tp is float:
        return "float"
    if tp is str or (isinstance(tp, type) and issubclass(tp, str)):
        return "text"
    if typing.get_origin(tp) is Literal and all(isinstance(a, str) for a in typing.get_args(tp)):
        return "text"
    if typing.get_origin(tp) is list and typing.get_args(tp) == (str,):
        return "text_list"
    return None
