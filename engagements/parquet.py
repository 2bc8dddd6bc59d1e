"""Deterministic Parquet writing: the same rows give the same bytes, whatever the chunking.

Every writer option is set explicitly (pyarrow's defaults may change between versions), rows are
sorted by primary key before writing, and the Arrow schema comes from the table registry.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engagements.schema.emit import to_arrow_schema
from engagements.schema.registry import Table

WRITER_OPTIONS = dict(
    version="2.6",
    compression="zstd",
    compression_level=9,
    use_dictionary=True,
    write_statistics=True,
    data_page_size=1 << 20,
    data_page_version="1.0",
    use_byte_stream_split=False,
    write_page_index=False,
    store_schema=True,
    write_batch_size=1024,
)
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


def write_table(table: Table, data: pa.Table, path: Path, *, dataset_version: str | None = None) -> Path:
    schema = to_arrow_schema(table)
    meta = dict(schema.metadata or {})
    if dataset_version:
        meta[b"dataset_version"] = dataset_version.encode()
    data = data.cast(schema).replace_schema_metadata(meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path, row_group_size=ROW_GROUP_SIZE, **WRITER_OPTIONS)
    return path
