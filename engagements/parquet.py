"""Deterministic Parquet writing: the same rows give the same bytes, whatever the chunking.

Every writer option is set explicitly (pyarrow's defaults may change between versions), rows are
sorted by primary key before writing, and the Arrow schema comes from the table registry.  No time
is ever written: a file's bytes depend on its rows, the schema and the dataset version only, so a
release can be rebuilt byte for byte.  The footer's ``created_by`` names the pyarrow version, which
is why ``pyproject.toml`` pins pyarrow.

Each file carries its own documentation in the key-value metadata, for readers that never see the
datapackage: ``table``, ``description``, ``dataset_version``, ``schema_version`` and
``field_descriptions`` (JSON, field -> description).  The serialised Arrow schema (``store_schema``)
also keeps each field's description and vocabulary for Arrow-based readers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engagements.schema.emit import to_arrow_schema
from engagements.schema.registry import SCHEMA_VERSION, Table

WRITER_OPTIONS = {
    "version": "2.6",
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "data_page_size": 1 << 20,
    "data_page_version": "1.0",
    "use_byte_stream_split": False,
    "write_page_index": False,
    "store_schema": True,
    "write_batch_size": 1024,
}
ROW_GROUP_SIZE = 1 << 17


def to_arrow(table: Table, rows: list[dict]) -> pa.Table:
    """Rows (model dumps) as an Arrow table in the registry's schema, sorted by primary key."""
    schema = to_arrow_schema(table)
    data = pa.Table.from_pylist(rows, schema=schema)
    return sort_by_key(table, data)


def sort_by_key(table: Table, data: pa.Table) -> pa.Table:
    if data.num_rows == 0:
        return data
    return data.sort_by([(k, "ascending") for k in table.primary_key]).combine_chunks()


def file_metadata(table: Table, dataset_version: str | None) -> dict[bytes, bytes]:
    """The key-value metadata written into every file of ``table`` (see the module docstring)."""
    schema = to_arrow_schema(table)
    meta = dict(schema.metadata or {})
    meta[b"schema_version"] = SCHEMA_VERSION.encode()
    meta[b"field_descriptions"] = json.dumps(
        {f.name: (f.metadata or {}).get(b"description", b"").decode() for f in schema},
        ensure_ascii=False,
        sort_keys=True,
    ).encode()
    if dataset_version:
        meta[b"dataset_version"] = dataset_version.encode()
    return meta


def write_table(table: Table, data: pa.Table, path: Path, *, dataset_version: str | None = None) -> Path:
    """Write ``data`` as ``table``'s Parquet file: cast to the registry schema, sorted by key."""
    schema = to_arrow_schema(table)
    data = sort_by_key(table, data.select(schema.names).cast(schema))
    data = data.replace_schema_metadata(file_metadata(table, dataset_version))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path, row_group_size=ROW_GROUP_SIZE, **WRITER_OPTIONS)
    return path


def write_sorted_batches(table: Table, batches, path: Path, *, dataset_version: str | None = None) -> int:
    """Stream record batches, already sorted by key, into ``table``'s Parquet file; returns rows.

    Batches are regrouped into row groups of exactly ``ROW_GROUP_SIZE`` rows, so the file has the
    bytes ``write_table`` gives for the same rows whatever size the batches come in, while memory
    holds one row group instead of the whole table."""
    schema = to_arrow_schema(table).with_metadata(file_metadata(table, dataset_version))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pending: list[pa.Table] = []
    buffered = written = 0
    with pq.ParquetWriter(path, schema, **WRITER_OPTIONS) as writer:
        for batch in batches:
            if batch.num_rows == 0:
                continue
            pending.append(pa.Table.from_batches([batch]).select(schema.names).cast(schema))
            buffered += batch.num_rows
            while buffered >= ROW_GROUP_SIZE:
                group = pa.concat_tables(pending)
                writer.write_table(group.slice(0, ROW_GROUP_SIZE).combine_chunks(), row_group_size=ROW_GROUP_SIZE)
                rest = group.slice(ROW_GROUP_SIZE)
                pending, buffered, written = [rest], rest.num_rows, written + ROW_GROUP_SIZE
        if buffered or not written:
            last = pa.concat_tables(pending) if pending else schema.empty_table()
            writer.write_table(last.combine_chunks(), row_group_size=ROW_GROUP_SIZE)
            written += last.num_rows
    return written


def read_file_metadata(path: Path) -> dict[str, str]:
    """The key-value metadata of a Parquet file, as text (Arrow's own schema blob left out)."""
    meta = pq.read_metadata(path).metadata or {}
    return {k.decode(): v.decode() for k, v in meta.items() if k != b"ARROW:schema"}


def stored_schema(table: Table) -> pa.Schema:
    """The Arrow schema readers get back from ``table``'s files (Parquet stores some types its own
    way, e.g. second timestamps as milliseconds and list items named ``element``); checks compare
    files with this, never with the schema before writing."""
    sink = pa.BufferOutputStream()
    pq.write_table(to_arrow_schema(table).empty_table(), sink, **WRITER_OPTIONS)
    return pq.read_schema(pa.BufferReader(sink.getvalue()))
