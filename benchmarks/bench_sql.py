"""Time every SQL recipe on a release or build folder, beside baselines measured in the same run.

    engagements build ../shared/corpus --out build/corpus
    python benchmarks/bench_sql.py --data build/corpus [--repeat 5] [--json]

Each recipe runs through ``engagements.recipes.run`` (fresh connection, variables bound, rows
fetched into Python), ``--repeat`` times; the best and median wall-clock seconds are printed.
Two baselines go through the same path so the numbers compare:

- ``count``: ``select count(*)`` over each table the recipe reads (Parquet metadata only: the
  floor of connecting and opening the files);
- ``scan``: one pass over every value of every column of those tables (``max(hash(columns(*)))``),
  the cost of merely reading and decoding the data the recipe reads.

The aim is under a second per recipe on a build of the whole shared corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import duckdb

from engagements import recipes, sql


def cases(data: Path) -> list[tuple[str, dict]]:
    """(recipe, params) pairs: every recipe with its defaults, plus typical filtered runs."""
    con = duckdb.connect()

    def first(table: str, column: str) -> str | None:
        return con.execute(f"select min({column}) from read_parquet(?)", [str(data / f"{table}.parquet")]).fetchall()[0][0]

    out: list[tuple[str, dict]] = [
        ("requests_by_item", {}),
        ("requests_by_item", {"item": "helicopters", "year_from": 2005}),
        ("dialogue_timeline", {}),
        ("meetings_by_level", {}),
        ("meetings_by_level", {"country": "USA", "status": "held"}),
        ("who_met_whom", {}),
        ("request_classification", {}),
    ]
    for table, column in (("requests", "request_id"), ("dialogues", "dialogue_id"), ("meetings", "meeting_id")):
        record = first(table, column)
        if record:
            out.append(("evidence", {"record_id": record}))
    for query in ("helicopters", "night vision goggles", "security dialogue working group", "the extradition of narcotics traffickers"):
        out.append(("search_paragraphs", {"query": query}))
    missing = set(sql.names()) - {name for name, _ in out}
    assert not missing, f"benchmark lacks a case for {missing}"
    return out


def _time(fn, repeat: int) -> tuple[float, float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), rows


def _baseline(data: Path, tables: tuple[str, ...], kind: str) -> int:
    folder = recipes.tables_dir(data)
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    total = 0
    for table in tables:
        path = str(folder / f"{table}.parquet")
        query = "select count(*) from read_parquet(?)" if kind == "count" else "select max(hash(columns(*))) from read_parquet(?)"
        total += len(con.execute(query, [path]).fetchall()[0])
    con.close()
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path, help="release or build folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (best and median reported)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    folder = recipes.tables_dir(args.data)
    con = duckdb.connect()
    sizes = {
        p.stem: con.execute("select count(*) from read_parquet(?)", [str(p)]).fetchall()[0][0]
        for p in sorted(folder.glob("*.parquet"))
    }
    results = []
    for name, params in cases(args.data):
        recipe = sql.recipe(name)
        best, median, rows = _time(lambda: len(recipes.run(name, args.data, params).rows), args.repeat)  # noqa: B023
        count_best, _, _ = _time(lambda: _baseline(args.data, recipe.tables, "count"), args.repeat)  # noqa: B023
        scan_best, _, _ = _time(lambda: _baseline(args.data, recipe.tables, "scan"), args.repeat)  # noqa: B023
        results.append({
            "recipe": name, "params": params, "rows": rows, "best_s": round(best, 4), "median_s": round(median, 4),
            "baseline_count_s": round(count_best, 4), "baseline_scan_s": round(scan_best, 4),
        })

    env = {
        "data": str(args.data), "duckdb": duckdb.__version__, "python": platform.python_version(),
        "cpus": os.cpu_count(), "repeat": args.repeat, "table_rows": sizes,
    }
    if args.json:
        print(json.dumps({"environment": env, "results": results}, indent=2))
        return 0
    print(f"# bench_sql on {args.data}: duckdb {env['duckdb']}, python {env['python']}, {env['cpus']} cpus, best of {args.repeat}")
    print("# rows: " + ", ".join(f"{k} {v}" for k, v in sizes.items()))
    header = f"{'recipe':<24}{'params':<54}{'rows':>6}{'best s':>9}{'median s':>10}{'count s':>9}{'scan s':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        params = ", ".join(f"{k}={v}" for k, v in r["params"].items())
        params = params if len(params) <= 52 else params[:51] + "…"
        print(f"{r['recipe']:<24}{params:<54}{r['rows']:>6}{r['best_s']:>9.3f}{r['median_s']:>10.3f}{r['baseline_count_s']:>9.3f}{r['baseline_scan_s']:>9.3f}")
    slow = [r for r in results if r["median_s"] >= 1.0]
    print(f"# {len(results) - len(slow)} of {len(results)} cases under a second (median)" + (f"; slow: {', '.join(r['recipe'] for r in slow)}" if slow else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
