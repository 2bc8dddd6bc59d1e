"""`engagements sql ...`: list, show and run the SQL cookbook's recipes (``sql/*.sql``).

Registered in ``engagements.cli`` with ``main.add_command(sql)``.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from engagements.errors import EngagementsError


def _fail(exc: Exception, code: int = 2):
    click.echo(f"error: {exc}", err=True)
    sys.exit(code)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        if name.strip() in params:
            raise click.BadParameter(f"{name.strip()!r} given twice", param_hint="--param")
        params[name.strip()] = value
    return params


def _table(columns: list[str], rows: list[tuple], max_width: int) -> str:
    from engagements.recipes import cell_text

    def clip(text: str) -> str:
        text = text.replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[clip(cell_text(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


@click.group()
def sql():
    """The SQL cookbook: DuckDB recipes that answer common questions of a release.

    Each recipe is one file in sql/, runnable here or in the plain duckdb CLI:

        cd datasets/v0.1.0 && duckdb -c ".read ../../sql/requests_by_item.sql"
    """


@sql.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the recipes, their questions and parameters as JSON.")
def list_recipes(as_json):
    """List the recipes with the question each answers and its parameters.

    Example: engagements sql list
    """
    from engagements import sql as cookbook

    try:
        recipes = cookbook.recipes()
    except EngagementsError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps([
            {
                "name": r.name,
                "question": r.question,
                "tables": list(r.tables),
                "params": [{"name": p.name, "type": p.type, "default": p.default_text, "description": p.description} for p in r.params],
                "returns": r.returns,
                "examples": list(r.examples),
            }
            for r in recipes
        ], indent=2))
        return
    for r in recipes:
        click.echo(click.style(r.name, bold=True))
        click.echo(textwrap.fill(r.question, 96, initial_indent="  ", subsequent_indent="  "))
        click.echo(f"  tables: {', '.join(r.tables)}")
        for p in r.params:
            click.echo(f"  --param {p.name}=<{p.type}>  (default {p.default_text}) {p.description}")
        click.echo()
    click.echo("Run one: engagements sql run NAME --data DIR [--param k=v]; see its SQL: engagements sql show NAME")


@sql.command("show")
@click.argument("name")
@click.option("--path", "show_path", is_flag=True, help="Print the recipe file's path instead of its text.")
def show(name, show_path):
    """Print a recipe's SQL (its header says what it answers and how to run it).

    Example: engagements sql show evidence
    """
    from engagements import sql as cookbook

    try:
        if show_path:
            click.echo(str(cookbook.path(name)))
        else:
            click.echo(cookbook.recipe(name).text, nl=False)
    except EngagementsError as exc:
        _fail(exc)


@sql.command("run")
@click.argument("name")
@click.option("--data", "data", required=True, type=click.Path(path_type=Path), help="A release folder (datasets/vX.Y.Z) or an `engagements build` output.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A recipe parameter; repeat for several. See `engagements sql list`.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True, help="Output format.")
@click.option("--columns", default=None, metavar="A,B,...", help="Only these output columns, in this order.")
@click.option("--max-width", default=60, show_default=True, help="Widest cell in --format table; longer text is cut with '…'.")
def run(name, data, params, fmt, columns, max_width):
    """Run recipe NAME on the release in --data; parameters are bound, never pasted into SQL.

    Example: engagements sql run requests_by_item --data datasets/v0.1.0 --param item=helicopters

    Example: engagements sql run evidence --data datasets/v0.1.0 --param record_id=dlg-per-usa-bwg --format json
    """
    from engagements.recipes import json_default, to_csv
    from engagements.recipes import run as run_recipe

    try:
        result = run_recipe(name, data, _parse_params(params))
    except EngagementsError as exc:
        _fail(exc)
    if columns:
        wanted = [c.strip() for c in columns.split(",") if c.strip()]
        unknown = [c for c in wanted if c not in result.columns]
        if unknown:
            _fail(f"recipe {name!r} has no column {', '.join(map(repr, unknown))}; its columns: {', '.join(result.columns)}")
        index = [result.columns.index(c) for c in wanted]
        result.columns = wanted
        result.rows = [tuple(row[i] for i in index) for row in result.rows]
    if fmt == "csv":
        click.echo(to_csv(result), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(result.as_dicts(), default=json_default, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(result.columns, result.rows, max_width))
