"""The build: input files -> read -> extract -> validate -> one Parquet file per table.

Files stream through worker processes; each worker returns plain rows for one file, and the
parent spills them to Arrow IPC files in batches, so memory does not grow with the number of
cables read.  Only at the end, table by table, are the spills filtered to the preferred rendering
of each cable (a cable seen as a WikiLeaks page and as a ``<pre>`` fragment is one cable), sorted
by primary key and written with the deterministic Parquet writer.

Nothing is dropped silently: an unreadable file, a failed extractor or an invalid record becomes a
``quarantine`` row with a stable error code and a message naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from engagements import parquet
from engagements.errors import CableError
from engagements.schema import TABLES, Quarantine
from engagements.schema.emit import to_arrow_schema
from engagements.schema.registry import Table
from engagements.schema.vocab import ErrorCode

DEFAULT_INPUT = Path(__file__).parent / "data" / "seeds"
#: Rows buffered per table before they go to a spill part; bodies are large, so fewer of them.
_SPILL_ROWS = {"cable_texts": 250, "paragraphs": 2_000}
_SPILL_ROWS_DEFAULT = 5_000
_SOURCE = "_source_path"


@dataclass
class FileResult:
    """What one input file gave: rows per table (model dumps), and the cable's identity."""

    source_path: str
    cable_id: str | None = None
    form: str | None = None
    rows: dict[str, list[dict]] = field(default_factory=dict)
    quarantine: list[dict] = field(default_factory=list)


@dataclass
class BuildSummary:
    out_dir: Path
    files_read: int = 0
    cables: int = 0
    renderings: int = 0
    quarantined: Counter = field(default_factory=Counter)
    records: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            f"files read: {self.files_read}",
            f"cables: {self.cables} (from {self.renderings} renderings)",
            f"quarantined: {sum(self.quarantined.values())}"
            + "".join(f"\n  {code}: {n}" for code, n in sorted(self.quarantined.items())),
            "records: " + ", ".join(f"{t} {n}" for t, n in self.records.items()),
            f"wrote: {self.out_dir}",
        ]
        return out

    def as_dict(self) -> dict:
        return {
            "out_dir": str(self.out_dir),
            "files_read": self.files_read,
            "cables": self.cables,
            "renderings": self.renderings,
            "quarantined": dict(sorted(self.quarantined.items())),
            "records": self.records,
        }


# ---------------------------------------------------------------------------------------------
# Inputs


def iter_inputs(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file under the given paths, in a stable order, with the path users will see:
    relative to the parent of the folder given (``corpus/pre/X.txt``, ``seeds/000_....txt``)."""
    for given in paths:
        given = Path(given)
        if given.is_dir():
            base = given.resolve().parent
            for path in sorted(p for p in given.rglob("*") if p.is_file() and not _hidden(p, given)):
                yield path, path.resolve().relative_to(base).as_posix()
        else:
            yield given, f"{given.resolve().parent.name}/{given.name}"


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


# ---------------------------------------------------------------------------------------------
# One file


def quarantine_row(source_path: str, error: ErrorCode, message: str, data: bytes | None, cable_id: str | None = None) -> dict:
    key = "\x1f".join([source_path, cable_id or "", error.value, message])
    return Quarantine(
        quarantine_id="qua-" + hashlib.sha256(key.encode()).hexdigest()[:12],
        source_path=source_path,
        cable_id=cable_id,
        error_type=error,
        error_message=message,
        byte_count=len(data) if data is not None else 0,
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
    ).model_dump()


def process_file(args: tuple[str, str]) -> FileResult:
    """Read, extract and check one file; never raises (a worker must not die on a bad cable)."""
    from engagements.extract.engagement import extract_records
    from engagements.extract.read import read_bytes

    path, source_path = args
    result = FileResult(source_path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        result.quarantine.append(quarantine_row(source_path, ErrorCode.UNREADABLE_FILE, f"{source_path}: cannot open the file ({exc.strerror or exc}).", None))
        return result
    try:
        doc = read_bytes(data, source_path)
    except CableError as exc:
        result.quarantine.append(quarantine_row(source_path, exc.error, exc.message, data, exc.cable_id))
        return result
    result.cable_id, result.form = doc.cable_id, doc.cable.source_form
    result.rows = {
        "cables": [doc.cable.model_dump()],
        "cable_tags": [t.model_dump() for t in doc.tags],
        "cable_texts": [doc.text.model_dump()],
        "paragraphs": [p.model_dump() for p in doc.paragraphs],
    }
    try:
        found = extract_records(doc)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must cost one cable's records, not the build
        result.quarantine.append(
            quarantine_row(
                source_path,
                ErrorCode.EXTRACTION_FAILED,
                f"{source_path} (cable {doc.cable_id}): the extractors raised {type(exc).__name__}: {exc}. "
                "The cable and its paragraphs are kept; its records are not. Report this as a bug.",
                data,
                doc.cable_id,
            )
        )
        return result
    texts = {p.paragraph_number: p.text for p in doc.paragraphs}
    for name, records in (
        ("dialogues", found.dialogues),
        ("dialogue_mentions", found.dialogue_mentions),
        ("meetings", found.meetings),
        ("meeting_participants", found.participants),
        ("requests", found.requests),
    ):
        kept = []
        for record in records:
            problem = _evidence_problem(record, texts)
            if problem:
                result.quarantine.append(
                    quarantine_row(source_path, ErrorCode.INVALID_RECORD, f"{source_path} (cable {doc.cable_id}): {name} record left out: {problem}.", data, doc.cable_id)
                )
            else:
                kept.append(record.model_dump())
        result.rows[name] = kept
    return result


def _evidence_problem(record, texts: dict[int, str]) -> str | None:
    """Why a record's evidence cannot be checked, or None: the quote must be in its paragraph."""
    quote, number = getattr(record, "quote", None), getattr(record, "quote_paragraph", None)
    if quote is None:
        return None
    if number not in texts:
        return f"its quote points at paragraph {number}, which the cable does not have"
    if quote not in texts[number]:
        return f"its quote {quote[:60]!r} is not in paragraph {number}"
    return None


# ---------------------------------------------------------------------------------------------
# Spilling and assembling


class _Spill:
    """Per-table Parquet part files written in batches; each row remembers its source file.

    Parts are Parquet so that DuckDB can filter and sort them at the end without loading a
    whole table into this process."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.buffers: dict[str, list[dict]] = defaultdict(list)
        self.parts: Counter = Counter()
        self.schemas = {t.name: to_arrow_schema(t).append(pa.field(_SOURCE, pa.string())) for t in TABLES}

    def add(self, name: str, rows: list[dict], source_path: str) -> None:
        buf = self.buffers[name]
        for row in rows:
            row[_SOURCE] = source_path
            buf.append(row)
        if len(buf) >= _SPILL_ROWS.get(name, _SPILL_ROWS_DEFAULT):
            self.flush(name)

    def flush(self, name: str) -> None:
        rows = self.buffers.pop(name, [])
        if not rows:
            return
        part = pa.Table.from_pylist(rows, schema=self.schemas[name])
        pq.write_table(part, self.directory / f"{name}-{self.parts[name]:05d}.parquet", compression="lz4")
        self.parts[name] += 1

    def close(self) -> None:
        for name in list(self.buffers):
            self.flush(name)

    def glob(self, name: str) -> str | None:
        return str(self.directory / f"{name}-*.parquet") if self.parts[name] else None

    def read(self, name: str) -> pa.Table:
        """A small table whole (quarantine, dialogues, mentions); big ones are streamed."""
        files = sorted(self.directory.glob(f"{name}-*.parquet"))
        if not files:
            return self.schemas[name].empty_table()
        return pa.concat_tables([pq.read_table(f, schema=self.schemas[name]) for f in files])


def _rendering_rank(form: str) -> int:
    from engagements.extract.read import RENDERING_PREFERENCE

    order = [str(f) for f in RENDERING_PREFERENCE]
    return order.index(form) if form in order else len(order)


def _choose_renderings(seen: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """cable_id -> the source path whose rendering is kept (richest form first, then path)."""
    return {cid: min(items, key=lambda it: (_rendering_rank(it[1]), it[0]))[0] for cid, items in seen.items()}


def _keep_winners(data: pa.Table, winners: dict[str, str], cable_column: str = "cable_id") -> pa.Table:
    """Rows that come from the kept rendering of their cable."""
    keys = pc.binary_join_element_wise(data[cable_column], data[_SOURCE], "\x1f")
    wanted = pa.array([f"{cid}\x1f{src}" for cid, src in winners.items()], pa.string())
    return data.filter(pc.is_in(keys, value_set=wanted))


def _merge_dialogues(rows: list[dict], mentions: pa.Table) -> list[dict]:
    """One row per dialogue_id across cables: the earliest cable's view, gaps filled from later ones."""
    counts = Counter(mentions["dialogue_id"].to_pylist()) if mentions.num_rows else Counter()
    merged: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: (r["dialogue_id"], r["first_cable_id"])):
        base = merged.setdefault(row["dialogue_id"], dict(row))
        for key, value in row.items():
            if base.get(key) in (None, [], "") and value not in (None, [], ""):
                base[key] = value
    for did, row in merged.items():
        row["cable_count"] = max(counts.get(did, 0), 1)
    return list(merged.values())


# ---------------------------------------------------------------------------------------------
# The build


def build(
    paths: Iterable[Path] | None = None,
    out_dir: Path = Path("build"),
    *,
    workers: int | None = None,
    progress: bool | None = None,
    dataset_version: str | None = None,
) -> BuildSummary:
    """Build every table from the files under ``paths`` (default: the bundled seed cables)."""
    paths = [Path(p) for p in (paths or [DEFAULT_INPUT])]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"input path {p} does not exist")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = [(str(path), shown) for path, shown in iter_inputs(paths)]
    summary = BuildSummary(out_dir=out_dir, files_read=len(inputs))
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    show = sys.stderr.isatty() if progress is None else progress

    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="engagements-build-") as tmp:
        spill = _Spill(Path(tmp))
        for result in _run(inputs, workers, show):
            for row in result.quarantine:
                spill.add("quarantine", [row], result.source_path)
                summary.quarantined[row["error_type"]] += 1
            if result.cable_id is None:
                continue
            seen[result.cable_id].append((result.source_path, result.form))
            for name, rows in result.rows.items():
                spill.add(name, rows, result.source_path)
        spill.close()
        winners = _choose_renderings(seen)
        summary.cables, summary.renderings = len(winners), sum(len(v) for v in seen.values())
        for t in TABLES:
            summary.records[t.name] = _assemble(t, spill, winners, seen, out_dir / f"{t.name}.parquet", dataset_version)
        shutil.rmtree(tmp, ignore_errors=True)
    from engagements.datapackage import write_descriptor

    write_descriptor(out_dir, version=dataset_version, extra={"build": summary.as_dict()})
    return summary


_SMALL_TABLES = ("quarantine", "dialogues")


def _assemble(t: Table, spill: _Spill, winners: dict[str, str], seen: dict, path: Path, version: str | None) -> int:
    """Write table ``t`` from the spill: one rendering per cable, sorted by key; returns rows."""
    if t.name in _SMALL_TABLES:
        data = spill.read(t.name)
        if t.name == "dialogues":
            rows = _keep_winners(data, winners, "first_cable_id").drop_columns([_SOURCE]).to_pylist()
            data = parquet.to_arrow(t, _merge_dialogues(rows, _keep_winners(spill.read("dialogue_mentions"), winners)))
        parquet.write_table(t, data.select(t.fields), path, dataset_version=version)
        return data.num_rows
    pattern = spill.glob(t.name)
    if pattern is None:
        parquet.write_table(t, to_arrow_schema(t).empty_table(), path, dataset_version=version)
        return 0
    return parquet.write_sorted_batches(t, _stream_winners(t, pattern, winners, seen, spill.directory), path, dataset_version=version)


def _stream_winners(t: Table, pattern: str, winners: dict[str, str], seen: dict, tmp: Path):
    """DuckDB filters the spill to the kept renderings and sorts it by key, spilling to disk
    under a memory limit, so the parent never holds a whole table (memory stays flat)."""
    import duckdb

    con = duckdb.connect(config={"memory_limit": "256MB", "threads": 2, "temp_directory": str(tmp / "duckdb")})
    kept = pa.table({"cable_id": list(winners), "kept_path": list(winners.values())})
    con.register("kept", kept)
    columns = [f't."{c}"' for c in t.fields]
    join_renderings = ""
    if t.name == "cables":
        renderings = pa.table({
            "cable_id": list(seen),
            "all_renderings": [sorted(f"{form}:{src}" for src, form in seen[cid]) for cid in seen],
        })
        con.register("renderings", renderings)
        columns = ["r.all_renderings as renderings" if c == 't."renderings"' else c for c in columns]
        join_renderings = "join renderings r on r.cable_id = t.cable_id"
    order = ", ".join(f't."{k}"' for k in t.primary_key)
    query = (
        f"select {', '.join(columns)} from read_parquet(?) t "
        f"join kept k on k.cable_id = t.cable_id and k.kept_path = t.{_SOURCE} {join_renderings} "
        f"order by {order}"
    )
    try:
        yield from con.sql(query, params=[pattern]).to_arrow_reader(8192)
    finally:
        con.close()


def _run(inputs: list[tuple[str, str]], workers: int, show: bool) -> Iterator[FileResult]:
    from tqdm import tqdm

    bar = tqdm(total=len(inputs), unit="file", disable=not show, desc="reading cables")
    try:
        if workers <= 1 or len(inputs) < 50:
            for item in inputs:
                yield process_file(item)
                bar.update()
        else:
            ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            with ctx.Pool(workers) as pool:
                for result in pool.imap(process_file, inputs, chunksize=16):
                    yield result
                    bar.update()
    finally:
        bar.close()
