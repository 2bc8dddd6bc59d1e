"""Run a SQL recipe (``engagements.sql``) on a release folder, with its parameters bound.

The recipe text runs unchanged, exactly as in the duckdb CLI: this module only sets DuckDB
variables before it runs, never edits the SQL::

    set variable data = ?        -- the folder that holds the release's <table>.parquet files
    set variable item = ?        -- one per parameter given, typed by the recipe header

so a value can never change the query's text.  Parameters not given keep the default written
in the recipe (``coalesce(getvariable('top'), 20)``); required ones raise ``RecipeError``.

    >>> from engagements.recipes import run
    >>> result = run("requests_by_item", "datasets/v0.1.0", {"item": "helicopters"})
    >>> result.columns, result.rows[:1]

Expected outputs for the seed release (tests/expected/sql/) are rewritten by
``python -m engagements.recipes --regenerate-expected`` (see tests/test_sql_seed.py).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from engagements import sql
from engagements.errors import RecipeError
from engagements.sql import Param, Recipe

_TRUE = {"true", "t", "yes", "y", "1", "on"}
_FALSE = {"false", "f", "no", "n", "0", "off"}


@dataclass
class RecipeResult:
    recipe: str
    columns: list[str]
    rows: list[tuple]
    seconds: float

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def coerce(recipe: Recipe, param: Param, value: Any) -> Any:
    """A parameter value in its declared type (strings from the command line are parsed)."""
    if value is None:
        return None
    try:
        if param.type == "varchar":
            return str(value)
        if param.type == "integer":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(value)
            return int(value)
        if param.type == "double":
            return float(value)
        if param.type == "boolean":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError(value)
        if param.type == "date":
            if isinstance(value, dt.date):
                return value
            return dt.date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise RecipeError(
            f"recipe {recipe.name!r}: parameter {param.name!r} must be {'an' if param.type[0] in 'aeiou' else 'a'} {param.type}, got {value!r}"
            + (" (dates as YYYY-MM-DD)" if param.type == "date" else "")
        ) from None
    raise RecipeError(f"recipe {recipe.name!r}: parameter {param.name!r} has unknown type {param.type!r}")


def bind(recipe: Recipe, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Check names against the recipe header, coerce values, and insist on required ones."""
    given = dict(params or {})
    known = {p.name: p for p in recipe.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        listing = ", ".join(f"{p.name} ({p.type}, default {p.default_text})" for p in recipe.params) or "none"
        raise RecipeError(f"recipe {recipe.name!r} has no parameter {', '.join(map(repr, unknown))}; its parameters: {listing}")
    bound = {name: coerce(recipe, known[name], value) for name, value in given.items()}
    missing = [p.name for p in recipe.params if p.required and bound.get(p.name) is None]
    if missing:
        hints = "; ".join(f"{p.name}: {p.description}" for p in recipe.params if p.name in missing)
        raise RecipeError(
            f"recipe {recipe.name!r} needs {', '.join(map(repr, missing))} ({hints}); "
            f"pass it as --param {missing[0]}=VALUE"
        )
    return bound


def tables_dir(data: str | Path) -> Path:
    """The folder that holds a release's ``<table>.parquet`` files: ``data`` itself, or the
    folder that its ``datapackage.json`` points the resources into."""
    folder = Path(data)
    if not folder.is_dir():
        raise RecipeError(f"data folder {str(folder)!r} does not exist; give a release folder such as datasets/v0.1.0 or a build output")
    descriptor = folder / "datapackage.json"
    if not any(folder.glob("*.parquet")) and descriptor.is_file():
        try:
            resources = json.loads(descriptor.read_text(encoding="utf-8")).get("resources", [])
        except (OSError, ValueError) as exc:
            raise RecipeError(f"{descriptor}: cannot read it ({exc})") from None
        parents = {(folder / r["path"]).parent for r in resources if isinstance(r.get("path"), str) and r["path"].endswith(".parquet")}
        if len(parents) == 1:
            return parents.pop().resolve()
    return folder.resolve()


def check_tables(recipe: Recipe, folder: Path) -> None:
    missing = [t for t in recipe.tables if not (folder / f"{t}.parquet").is_file()]
    if missing:
        files = ", ".join(f"{t}.parquet" for t in missing)
        raise RecipeError(
            f"recipe {recipe.name!r} reads {files}, which {'is' if len(missing) == 1 else 'are'} not in {folder}; "
            "give --data a release folder (datasets/vX.Y.Z) or the output folder of `engagements build`"
        )


def connect(data: str | Path, recipe: Recipe, params: Mapping[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory connection with ``data`` and the recipe's parameters set as variables."""
    bound = bind(recipe, params)
    folder = tables_dir(data)
    check_tables(recipe, folder)
    con = duckdb.connect(":memory:")
    con.execute("set enable_progress_bar = false")
    con.execute("set variable data = ?", [str(folder)])
    for name, value in bound.items():
        # `name` was checked against the header (a lowercase identifier); the value is bound.
        con.execute(f"set variable {name} = ?", [value])
    return con


def _fetch(con: duckdb.DuckDBPyConnection, recipe: Recipe) -> tuple[list[str], list[tuple]]:
    try:
        cursor = con.execute(recipe.text)
        return [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.Error as exc:
        message = str(exc).strip()
        if "Invalid Input Error:" in message and "required" in message:
            message = message.split("Invalid Input Error:", 1)[1].strip()
        raise RecipeError(f"recipe {recipe.name!r} failed: {message}") from None


def run(name: str, data: str | Path, params: Mapping[str, Any] | None = None) -> RecipeResult:
    """Run recipe ``name`` on the release in ``data``; columns and rows as Python values."""
    recipe = sql.recipe(name)
    start = time.perf_counter()
    con = connect(data, recipe, params)
    try:
        columns, rows = _fetch(con, recipe)
    finally:
        con.close()
    return RecipeResult(recipe.name, columns, rows, time.perf_counter() - start)


def run_arrow(name: str, data: str | Path, params: Mapping[str, Any] | None = None) -> pa.Table:
    """Run recipe ``name`` and return an Arrow table (DuckDB's types kept)."""
    recipe = sql.recipe(name)
    con = connect(data, recipe, params)
    try:
        try:
            return con.sql(recipe.text).to_arrow_table()
        except duckdb.Error as exc:
            raise RecipeError(f"recipe {recipe.name!r} failed: {str(exc).strip()}") from None
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------
# Plain-text renderings shared by the CLI and the expected-output files.


def cell_text(value: Any) -> str:
    """One value as text: null is empty, lists and structs are JSON, floats keep 6 decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{round(value, 6):.6f}".rstrip("0").rstrip(".") if not math.isnan(value) else "nan"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, default=json_default, ensure_ascii=False, sort_keys=True)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


def json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return str(value)


def to_csv(result: RecipeResult) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell_text(v) for v in row])
    return buf.getvalue()


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m engagements.recipes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--regenerate-expected", action="store_true", help="rewrite tests/expected/sql/*.csv from the seed release")
    parser.add_argument("--data", default=None, help="release folder (default: the seed release datasets/v0.1.0)")
    args = parser.parse_args(argv)
    if not args.regenerate_expected:
        parser.print_help()
        return 2
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("test_sql_seed", root / "tests" / "test_sql_seed.py")
    if spec is None or spec.loader is None or not (root / "tests").is_dir():
        raise SystemExit("the regeneration reads tests/test_sql_seed.py: run it from a source checkout")
    import sys

    sys.path.insert(0, str(root / "tests"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.regenerate(Path(args.data) if args.data else None):
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
