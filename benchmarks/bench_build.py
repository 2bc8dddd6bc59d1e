"""Benchmark the whole build on the shared corpus: extraction cost beside the reader's, beside a
regex-scan baseline, and peak memory as the corpus grows — all measured in the same run.

    python benchmarks/bench_build.py [CORPUS_DIR] [--workers 2] [--limit N] [--json]

Stages, each over the same files through the same process pool (see bench_read.py):
- baseline: read, decode, one regular expression over every file;
- reader: ``read_path`` -> ParsedCable;
- reader + extractors: ``read_path`` then ``extract_records``.
Extraction's own cost is (reader + extractors) - reader, per cable.  Then ``engagements build``
runs in a fresh process on 25 %, 50 % and 100 % of the files, and reports wall time and peak RSS
of the parent and of its largest worker: flat memory means the build streams.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_read


def _extract(chunk: list[str]) -> tuple[int, dict, int, int]:
    from engagements.extract.engagement import extract_records
    from engagements.extract.read import read_path

    from engagements.errors import CableError

    cables, errors, records = 0, {}, 0
    for path in chunk:
        try:
            doc = read_path(Path(path))
        except CableError as err:
            errors[err.code] = errors.get(err.code, 0) + 1
            continue
        found = extract_records(doc)
        cables += 1
        records += len(found.meetings) + len(found.requests) + len(found.dialogues)
    return cables, errors, records, bench_read._peak_kib()


_BUILD = """
import json, resource, sys, time
from pathlib import Path
from engagements.pipeline import build
files = [Path(p) for p in json.load(open(sys.argv[1]))]
start = time.perf_counter()
summary = build(files, Path(sys.argv[2]), workers=int(sys.argv[3]), progress=False)
print(json.dumps({"seconds": time.perf_counter() - start, "cables": summary.cables,
  "parent_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
  "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def build_run(files: list[str], workers: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        listing = Path(tmp) / "files.json"
        listing.write_text(json.dumps(files))
        done = subprocess.run([sys.executable, "-c", _BUILD, str(listing), str(Path(tmp) / "out"), str(workers)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=bench_read.DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=64)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    files = sorted(str(f) for folder in bench_read.FOLDERS if (args.corpus / folder).is_dir() for f in (args.corpus / folder).iterdir() if f.is_file())
    files = files[: args.limit] if args.limit else files

    stages = []
    for label, fn in (("baseline", bench_read._baseline), ("reader", bench_read._reader)):
        stages.append(bench_read.run(label, fn, files, args.workers, args.chunk))
    start = time.perf_counter()
    totals = {"cables": 0, "records": 0}
    peak = 0
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for cables, _errors, records, p in pool.map(_extract, bench_read._chunks(files, args.chunk)):
            totals["cables"] += cables
            totals["records"] += records
            peak = max(peak, p)
    seconds = time.perf_counter() - start
    stages.append({"label": "reader+extractors", "seconds": round(seconds, 2), "files": len(files), **totals, "peak_worker_rss_mib": round(peak / 1024, 1)})

    base, reader, full = stages
    cables = max(reader["cables"], 1)
    per_cable = {
        "baseline_ms_per_file": round(1000 * base["seconds"] * args.workers / len(files), 3),
        "reader_ms_per_cable": round(1000 * reader["seconds"] * args.workers / cables, 3),
        "extractors_ms_per_cable": round(1000 * (full["seconds"] - reader["seconds"]) * args.workers / cables, 3),
    }
    growth = []
    for share in (0.25, 0.5, 1.0):
        subset = files[: max(1, int(len(files) * share))]
        run = build_run(subset, args.workers)
        growth.append({"share": share, "files": len(subset), **{k: round(v, 1) if isinstance(v, float) else v for k, v in run.items()}})
    report = {"corpus": str(args.corpus), "workers": args.workers, "stages": stages, "per_cable_cpu": per_cable,
              "extract_vs_reader": round(per_cable["extractors_ms_per_cable"] / max(per_cable["reader_ms_per_cable"], 1e-9), 2),
              "reader_vs_baseline": round(reader["seconds"] / max(base["seconds"], 1e-9), 2), "build_growth": growth,
              "bench_main_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    for s in stages:
        print(f"{s['label']:18s} {s['files']} files in {s['seconds']} s")
    print(f"per cable (CPU ms, {args.workers} workers): baseline {per_cable['baseline_ms_per_file']}, reader {per_cable['reader_ms_per_cable']}, extractors {per_cable['extractors_ms_per_cable']}")
    print(f"reader / baseline time: {report['reader_vs_baseline']}x; extractors / reader per cable: {report['extract_vs_reader']}x")
    for g in growth:
        print(f"build on {int(g['share'] * 100):3d}% ({g['files']} files): {g['seconds']} s, {g['cables']} cables, peak RSS parent {g['parent_mib']} MiB, largest worker {g['worker_mib']} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
