"""Emit each table's schema in every format users and tools read, from the pydantic models.

Generated files (``schema/json/*.schema.json``) are checked by a drift test; regenerate them with
``engagements schema write``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from .registry import SCHEMA_VERSION, TABLES, Table
from .types import field_type, to_arrow, to_duckdb, to_frictionless
from .vocab import describe

JSON_DIR = Path(__file__).parent / "json"


def _fields(table: Table):
    for name in table.fields:
        info = table.model.model_fields[name]
        yield name, info, field_type(info.annotation)


def _describe_vocabularies(schema: dict) -> None:
    """Give each enumerated vocabulary in ``$defs`` a description per value (``oneOf`` of
    ``const`` + ``description``), so the JSON Schema documents values as the codebook does."""
    from . import vocab

    for name, definition in schema.get("$defs", {}).items():
        cls = getattr(vocab, name, None)
        if isinstance(cls, type) and issubclass(cls, vocab.Vocabulary) and "enum" in definition:
            if cls.__doc__:
                definition["description"] = cls.__doc__.strip().splitlines()[0]
            definition["oneOf"] = [{"const": v, "description": d} for v, d in describe(cls).items()]


def to_json_schema(table: Table) -> dict:
    schema = table.model.model_json_schema(mode="serialization")
    _describe_vocabularies(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://diplomatic-engagements.example/schema/{SCHEMA_VERSION}/{table.name}.schema.json"
    schema["title"] = table.name
    schema["description"] = table.description
    schema["x-primary-key"] = list(table.primary_key)
    return schema


def to_arrow_schema(table: Table) -> pa.Schema:
    fields = []
    for name, info, ft in _fields(table):
        meta = {"description": info.description or ""}
        if ft.vocabulary:
            meta["vocabulary"] = json.dumps(describe(ft.vocabulary), ensure_ascii=False)
        fields.append(pa.field(name, to_arrow(ft), nullable=ft.nullable or ft.is_list, metadata=meta))
    return pa.schema(fields, metadata={"table": table.name, "description": table.description})


def to_frictionless_schema(table: Table) -> dict:
    fields = []
    for name, info, ft in _fields(table):
        field = {"name": name, **to_frictionless(ft), "description": info.description or ""}
        constraints = {}
        if not ft.nullable:
            constraints["required"] = True
        if ft.vocabulary and not ft.is_list:
            constraints["enum"] = [m.value for m in ft.vocabulary]
            field["categories"] = [{"value": v, "label": d} for v, d in describe(ft.vocabulary).items()]
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict = {"fields": fields, "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields), "reference": {"resource": fk.table, "fields": list(fk.reference)}}
            for fk in table.foreign_keys
        ]
    return schema


def to_duckdb_ddl(table: Table) -> str:
    cols = []
    for name, _info, ft in _fields(table):
        null = "" if ft.nullable or ft.is_list else " NOT NULL"
        cols.append(f"    {name} {to_duckdb(ft)}{null}")
    cols.append(f"    PRIMARY KEY ({', '.join(table.primary_key)})")
    return f"create table {table.name} (\n" + ",\n".join(cols) + "\n);"


def json_schema_files() -> dict[str, str]:
    """File name -> exact text of every generated JSON Schema file."""
    return {
        f"{t.name}.schema.json": json.dumps(to_json_schema(t), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for t in TABLES
    }


def write_json_schemas(directory: Path = JSON_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schema_files().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
