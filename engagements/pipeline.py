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
import pyarrow.ipc as ipc

from engagements import parquet
from engagements.errors import CableError
from engagements.schema import TABLES, Quarantine
from engagements.schema.emit import to_arrow_schema
from engagements.schema.registry import Table, table
from engagements.schema.vocab import ErrorCode

DEFAULT_INPUT = Path(__file__).parent / "data" / "seeds"
_SPILL_ROWS = 20_000
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
    except Exception as exc:  # an extractor bug must cost one cable's records, not the build
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
    """Per-table Arrow IPC files written in batches; each row remembers its source file."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.buffers: dict[str, list[dict]] = defaultdict(list)
        self.writers: dict[str, ipc.RecordBatchFileWriter] = {}
        self.schemas = {t.name: to_arrow_schema(t).append(pa.field(_SOURCE, pa.string())) for t in TABLES}

    def add(self, name: str, rows: list[dict], source_path: str) -> None:
        buf = self.buffers[name]
        for row in rows:
            row[_SOURCE] = source_path
            buf.append(row)
        if len(buf) >= _SPILL_ROWS:
            self.flush(name)

    def flush(self, name: str) -> None:
        rows = self.buffers.pop(name, [])
        if not rows:
            return
        batch = pa.RecordBatch.from_pylist(rows, schema=self.schemas[name])
        if name not in self.writers:
            self.writers[name] = ipc.new_file(self.directory / f"{name}.arrow", self.schemas[name])
        self.writers[name].write_batch(batch)

    def close(self) -> None:
        for name in list(self.buffers):
            self.flush(name)
        for w in self.writers.values():
            w.close()

    def read(self, name: str) -> pa.Table:
        path = self.directory / f"{name}.arrow"
        if not path.exists():
            return self.schemas[name].empty_table()
        with ipc.open_file(path) as reader:
            return reader.read_all()


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
            data = _assemble(t, spill, winners, seen)
            parquet.write_table(t, data, out_dir / f"{t.name}.parquet", dataset_version=dataset_version)
            summary.records[t.name] = data.num_rows
        shutil.rmtree(tmp, ignore_errors=True)
    from engagements.datapackage import write_descriptor

    write_descriptor(out_dir, version=dataset_version, extra={"build": summary.as_dict()})
    return summary


def _assemble(t: Table, spill: _Spill, winners: dict[str, str], seen: dict) -> pa.Table:
    data = spill.read(t.name)
    if t.name == "quarantine":
        data = data.drop_columns([_SOURCE])
    elif t.name == "dialogues":
        rows = _keep_winners(data, winners, "first_cable_id").drop_columns([_SOURCE]).to_pylist()
        mentions = _keep_winners(spill.read("dialogue_mentions"), winners)
        return parquet.to_arrow(t, _merge_dialogues(rows, mentions))
    else:
        data = _keep_winners(data, winners).drop_columns([_SOURCE])
        if t.name == "cables":
            rows = data.to_pylist()
            for row in rows:
                row["renderings"] = sorted(f"{form}:{src}" for src, form in seen[row["cable_id"]])
            return parquet.to_arrow(t, rows)
    data = data.select(table(t.name).fields)
    return parquet.sort_by_key(t, data)


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
