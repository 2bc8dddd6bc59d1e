"""A Frictionless plugin that reads this project's Parquet files with pyarrow.

Why: frictionless 5.21's own Parquet parser needs pandas, turns list columns into NumPy arrays
that fail ``array`` fields, and reads the file outside Frictionless's byte stream, so it never
checks ``hash`` and reports a false ``byte-count`` error.  This parser reads the file through the
loader's byte stream (so bytes and sha256 are counted and checked like any other format) and
yields plain Python values, lists included.  It takes over every ``parquet`` resource.

How it is found: frictionless 5.21 does not read entry points; ``frictionless.system`` imports
every *top-level* module whose name starts with ``frictionless_`` (``pkgutil.iter_modules``) and
uses its ``<Name>Plugin`` class.  The top-level shim ``frictionless_engagements.py`` (shipped in
the wheel) re-exports ``EngagementsPlugin`` from here.  ``register()`` adds it by hand, for
processes where the shim is not importable.
"""

from __future__ import annotations

from typing import ClassVar

import pyarrow as pa
import pyarrow.parquet as pq
from frictionless import Parser, Plugin, system

FORMATS = ("parquet", "parq")
BATCH_ROWS = 10_000


class ArrowParquetParser(Parser):
    """Parquet through pyarrow: header row, then each row as a list of Python values."""

    requires_loader = True
    supported_types: ClassVar[list[str]] = ["array", "boolean", "date", "datetime", "integer", "number", "object", "string", "time"]

    def read_cell_stream_create(self):
        # Reading to EOF through the loader's stream lets it count the bytes and hash them.
        stream, chunks = self.loader.byte_stream, []
        while chunk := stream.read1(1 << 20):
            chunks.append(chunk)
        parquet = pq.ParquetFile(pa.BufferReader(b"".join(chunks)))
        yield parquet.schema_arrow.names
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
            columns = [column.to_pylist() for column in batch.columns]
            yield from (list(row) for row in zip(*columns))

    def write_row_stream(self, source):
        raise NotImplementedError("this plugin only reads Parquet; releases are written by engagements.parquet")


class EngagementsPlugin(Plugin):
    """Parquet via pyarrow for every ``parquet`` resource."""

    def create_parser(self, resource):
        if resource.format in FORMATS:
            return ArrowParquetParser(resource)

    def detect_resource(self, resource):
        if resource.format in FORMATS:
            resource.datatype = resource.datatype or "table"
            resource.mediatype = resource.mediatype or "application/vnd.apache.parquet"


def register() -> None:
    """Add the plugin to this process's ``frictionless.system`` (idempotent).

    ``system.register`` only drops the cached plugin list when the hook table was built too, so
    both caches are dropped here to make the new plugin take effect at once."""
    system.register("engagements", EngagementsPlugin())
    system.__dict__.pop("plugins", None)
    system.__dict__.pop("methods", None)
