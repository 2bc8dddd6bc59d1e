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

Editable installs (``pip install -e .``) serve modules through setuptools' import hook, which
``pkgutil.iter_modules`` cannot list, so the plain ``frictionless`` command does not see the shim
there.  ``python -m engagements.frictionless_plugin`` copies the shim into site-packages once
(it fails soft if ``engagements`` is later uninstalled; delete the file to undo).
"""

from __future__ import annotations

import pkgutil
import shutil
import sys
import sysconfig
from pathlib import Path
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


SHIM = "frictionless_engagements"


def shim_discoverable() -> bool:
    """True when frictionless' own discovery (``pkgutil.iter_modules``) lists the shim from where
    the ``frictionless`` command looks: ``sys.path`` without the current folder, which
    ``python -m`` adds but the command does not."""
    here = Path.cwd().resolve()
    paths = [p for p in sys.path if p and Path(p).resolve() != here]
    return any(m.name == SHIM for m in pkgutil.iter_modules(paths))


def install_shim(site_packages: Path | None = None) -> Path | None:
    """Copy the top-level shim into site-packages unless frictionless can already find it; return
    the file written, or None when nothing was needed."""
    if shim_discoverable():
        return None
    source = Path(__file__).resolve().parents[1] / f"{SHIM}.py"
    target = Path(site_packages or sysconfig.get_paths()["purelib"]) / f"{SHIM}.py"
    shutil.copyfile(source, target)
    return target


if __name__ == "__main__":
    written = install_shim()
    print(f"wrote {written}" if written else "frictionless already finds the engagements plugin; nothing to do")
