"""Benchmark the reader on the shared corpus, beside a baseline measured in the same run.

    python benchmarks/bench_read.py [CORPUS_DIR] [--workers 2] [--limit N]

Baseline: the same files, read from disk and decoded, then scanned with one regular expression
(every numbered paragraph start): the floor any reader pays for I/O and one pass over the text.
Reader: ``read_path`` on every file (ParsedCable built and validated, errors counted).
Both stream the files through a process pool with the same chunking; nothing holds more than
one chunk of cables.  Reported: files, cables, errors by code, wall time, files and cables per
second, and peak resident memory (``resource.getrusage``: maximum RSS of this process and of the
largest worker).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("html", "pages", "pre", "raw")
_PARAGRAPH = re.compile(r"(?m)^\s*(?:<a [^>]*>¶</a>|¶)?\d{1,2}\.\s+\([A-Z/ ]{1,8}\)")


def _baseline(chunk: list[str]) -> tuple[int, int, int]:
    hits = 0
    for path in chunk:
        text = Path(path).read_bytes().decode("utf-8", errors="replace").replace("&#x000A;", "\n")
        hits += sum(1 for _ in _PARAGRAPH.finditer(text))
    return len(chunk), hits, _peak_kib()


def _reader(chunk: list[str]) -> tuple[int, dict, int, int]:
    from engagements.extract.read import read_path

    from engagements.errors import CableError

    cables, errors, paragraphs = 0, collections.Counter(), 0
    for path in chunk:
        try:
            doc = read_path(Path(path))
        except CableError as err:
            errors[err.code] += 1
            continue
        cables += 1
        paragraphs += len(doc.paragraphs)
    return cables, dict(errors), paragraphs, _peak_kib()


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _chunks(files: list[str], size: int):
    for i in range(0, len(files), size):
        yield files[i: i + size]


def run(label: str, fn, files: list[str], workers: int, chunk: int) -> dict:
    start = time.perf_counter()
    peak_worker = 0
    totals: collections.Counter = collections.Counter()
    errors: collections.Counter = collections.Counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(fn, _chunks(files, chunk)):
            if label == "baseline":
                n, hits, peak = result
                totals["files"] += n
                totals["matches"] += hits
            else:
                cables, errs, paragraphs, peak = result
                totals["cables"] += cables
                totals["paragraphs"] += paragraphs
                errors.update(errs)
            peak_worker = max(peak_worker, peak)
    seconds = time.perf_counter() - start
    out = {"label": label, "seconds": round(seconds, 2), "files": len(files), "files_per_second": round(len(files) / seconds, 1), "peak_worker_rss_mib": round(peak_worker / 1024, 1)}
    out.update(totals)
    if label == "reader":
        out["cables_per_second"] = round(totals["cables"] / seconds, 1)
        out["errors"] = dict(errors)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=64)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N files (0: all)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    files = sorted(str(f) for folder in FOLDERS if (args.corpus / folder).is_dir() for f in (args.corpus / folder).iterdir() if f.is_file())
    if args.limit:
        files = files[: args.limit]
    results = [run("baseline", _baseline, files, args.workers, args.chunk), run("reader", _reader, files, args.workers, args.chunk)]
    report = {
        "corpus": str(args.corpus), "workers": args.workers, "results": results,
        "reader_vs_baseline_time": round(results[1]["seconds"] / max(results[0]["seconds"], 1e-9), 1),
        "peak_main_rss_mib": round(_peak_kib() / 1024, 1),
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for r in results:
            extra = f", {r['cables_per_second']} cables/s, errors {r['errors']}" if r["label"] == "reader" else f", {r['matches']} regex matches"
            print(f"{r['label']:8s} {r['files']} files in {r['seconds']} s: {r['files_per_second']} files/s{extra}; peak worker RSS {r['peak_worker_rss_mib']} MiB")
        print(f"reader / baseline time: {report['reader_vs_baseline_time']}x; peak main-process RSS {report['peak_main_rss_mib']} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
