"""CODEBOOK.md, generated from the schema: every table, field, type, constraint and vocabulary
value with its description.  ``tests/test_codebook.py`` fails when the file is stale; regenerate
it with ``engagements schema write``.
"""

from __future__ import annotations

from pathlib import Path

from engagements.parquet import stored_schema
from engagements.schema.registry import SCHEMA_VERSION, TABLES, Table
from engagements.schema.types import field_type
from engagements.schema.vocab import describe
from engagements.validate import Constraints, constraints

CODEBOOK = Path(__file__).resolve().parents[1] / "CODEBOOK.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def _constraint_text(c: Constraints, is_key: bool) -> str:
    parts = ["primary key"] if is_key else []
    parts.append("required" if c.required else "nullable")
    if c.is_list:
        parts.append("a list, empty when there is nothing")
    if c.vocabulary:
        parts.append("one of the vocabulary below")
    if c.pattern:
        parts.append(f"matches `{c.pattern}`")
    if c.minimum is not None:
        parts.append(f"≥ {c.minimum:g}")
    if c.maximum is not None:
        parts.append(f"≤ {c.maximum:g}")
    if c.min_length:
        parts.append(f"at least {c.min_length} character{'s' * (c.min_length > 1)}")
    return "; ".join(parts)


def table_section(table: Table) -> str:
    arrow = {f.name: f.type for f in stored_schema(table)}
    cons = constraints(table)
    lines = [f"## `{table.name}`", "", table.description, "", f"Primary key: `{', '.join(table.primary_key)}`."]
    for fk in table.foreign_keys:
        lines.append(f"Foreign key: `{', '.join(fk.fields)}` -> `{fk.table}({', '.join(fk.reference)})`.")
    lines += ["", "| field | type | constraints | description |", "| --- | --- | --- | --- |"]
    vocabularies = []
    for name in table.fields:
        info = table.model.model_fields[name]
        ft = field_type(info.annotation)
        if ft.vocabulary and ft.vocabulary not in vocabularies:
            vocabularies.append(ft.vocabulary)
        constraint = _constraint_text(cons[name], name in table.primary_key)
        lines.append(f"| `{name}` | `{arrow[name]}` | {_cell(constraint)} | {_cell(info.description or '')} |")
    for vocab in vocabularies:
        users = [n for n in table.fields if field_type(table.model.model_fields[n].annotation).vocabulary is vocab]
        lines += ["", f"Vocabulary `{vocab.__name__}` (field{'s' * (len(users) > 1)} {', '.join(f'`{u}`' for u in users)}):", ""]
        lines += ["| value | description |", "| --- | --- |"]
        lines += [f"| `{value}` | {_cell(text)} |" for value, text in describe(vocab).items()]
    return "\n".join(lines) + "\n"


def render() -> str:
    head = [
        "# Codebook",
        "",
        f"Schema version {SCHEMA_VERSION}. Generated from the pydantic models in `schema/` by",
        "`engagements schema write`; do not edit by hand. Types are the Arrow types readers get from",
        "the Parquet files; lists are Parquet lists (`list<element: ...>`), never null.",
        "",
        "Tables: " + ", ".join(f"[`{t.name}`](#{t.name})" for t in TABLES) + ".",
        "",
    ]
    return "\n".join(head) + "\n".join("\n" + table_section(t) for t in TABLES)


def write_codebook(path: Path = CODEBOOK) -> Path:
    path.write_text(render(), encoding="utf-8")
    return path
