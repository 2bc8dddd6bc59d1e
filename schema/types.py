"""Field types as each backend spells them: one place maps a pydantic annotation to Arrow,
Frictionless and DuckDB, so the three can never disagree."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass

import pyarrow as pa

from .vocab import Vocabulary


@dataclass(frozen=True)
class FieldType:
    """A field's logical type: scalar kind, list-ness, nullability, and vocabulary if any."""

    scalar: str  # string, integer, number, boolean, date, datetime
    is_list: bool
    nullable: bool
    vocabulary: type[Vocabulary] | None


_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean", dt.date: "date", dt.datetime: "datetime"}


def _unwrap(annotation):
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def field_type(annotation) -> FieldType:
    annotation = _unwrap(annotation)
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        (annotation,) = args
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
    is_list = origin is list
    if is_list:
        (annotation,) = typing.get_args(annotation)
        annotation = _unwrap(annotation)
    vocabulary = annotation if isinstance(annotation, type) and issubclass(annotation, enum.Enum) else None
    scalar = "string" if vocabulary else _SCALARS[annotation]
    return FieldType(scalar, is_list, nullable, vocabulary)


_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("s", tz="UTC"),
}
_DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE", "datetime": "TIMESTAMPTZ"}


def to_arrow(ft: FieldType) -> pa.DataType:
    t = _ARROW[ft.scalar]
    return pa.list_(t) if ft.is_list else t


def to_duckdb(ft: FieldType) -> str:
    t = _DUCKDB[ft.scalar]
    return f"{t}[]" if ft.is_list else t


def to_frictionless(ft: FieldType) -> dict:
    """Frictionless v2 has no typed list of non-strings; lists are `array` (JSON arrays)."""
    if ft.is_list:
        return {"type": "array"}
    return {"type": ft.scalar}
