"""The `engagements` command line: one small function per command.

Library errors become CLI errors only here, at the edge; the exit code is the verdict
(0 ok, 1 the check failed, 2 the command could not run).  `--json` gives machines the same
facts people read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from engagements.errors import EngagementsError


def _fail(exc: Exception, code: int = 2):
    click.echo(f"error: {exc}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplomatic-engagements")
def main():
    """Read US diplomatic cables into typed, validated, versioned engagement records."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", default="build", show_default=True, type=click.Path(path_type=Path), help="Folder for the Parquet files and datapackage.json.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: one per core, at most 4).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def build(paths, out_dir, workers, progress, as_json):
    """Build every table from the cables under PATHS (default: the bundled seed cables).

    Example: engagements build ../shared/corpus --out build/corpus
    """
    from engagements.pipeline import build as run_build

    try:
        summary = run_build(list(paths) or None, out_dir, workers=workers, progress=progress)
    except (EngagementsError, FileNotFoundError) as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=2))
    else:
        click.echo("\n".join(summary.lines()))


@main.command()
@click.argument("version")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_root", default="datasets", show_default=True, type=click.Path(path_type=Path), help="Folder that holds the v<version>/ release folders.")
def release(version, paths, out_root):
    """Build and freeze release VERSION under OUT/v<VERSION> (refuses to overwrite one).

    Example: engagements release 0.1.0            (the bundled seeds, into datasets/)
             engagements release 0.1.0 ../shared/corpus --out /tmp/corpus-releases
    """
    from engagements.release import release as run_release

    try:
        folder = run_release(version, list(paths) or None, out_root)
    except EngagementsError as exc:
        _fail(exc)
    click.echo(f"released {version}: {folder}")


@main.command()
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def validate(data_dir, as_json):
    """Check a build or release: schema, primary and foreign keys, quotes, hashes.

    Example: engagements validate datasets/v0.1.0
    """
    from engagements.validate import validate_release

    try:
        report = validate_release(data_dir)
    except EngagementsError as exc:
        _fail(exc)
    click.echo(report.to_json() if as_json else report.to_text())
    sys.exit(0 if report.ok else 1)


@main.command()
@click.option("--gold", "gold_dirs", multiple=True, required=True, type=click.Path(exists=True, path_type=Path), help="Folder (or file) of gold JSON answers; repeat for several.")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="A build or release folder.")
@click.option("--sources", "shared_root", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Instead of --data: build the gold files' own sources, found under this folder (e.g. ../shared).")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
@click.option("--misses/--no-misses", default=True, help="List misses and false hits.")
def evaluate(gold_dirs, data_dir, shared_root, as_json, misses):
    """Score a built dataset against gold answers: P/R/F1 per record family, field accuracy.

    Example: engagements evaluate --gold ../shared/gold/dev --gold ../shared/gold/seeds --data build/corpus
             engagements evaluate --gold ../shared/gold/dev --sources ../shared
    """
    from engagements.evaluate import evaluate as run_evaluate

    if (data_dir is None) == (shared_root is None):
        _fail(click.UsageError("give exactly one of --data and --sources"))
    try:
        report = run_evaluate(list(gold_dirs), data_dir, shared_root=shared_root)
    except EngagementsError as exc:
        _fail(exc)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else report.to_text(misses=misses))


@main.group()
def schema():
    """Generated schema files: JSON Schema and the codebook."""


@schema.command("write")
def schema_write():
    """Regenerate every file generated from the pydantic models: the JSON Schema files under
    schema/json, CODEBOOK.md and the top-level datapackage.json (the latest release's descriptor).

    Example: engagements schema write
    """
    from engagements.codebook import write_codebook
    from engagements.release import write_top_level_descriptor
    from engagements.schema.emit import write_json_schemas

    for path in [*write_json_schemas(), write_codebook(), write_top_level_descriptor()]:
        click.echo(f"wrote {path}")


from engagements.cli_sql import sql

main.add_command(sql)

if __name__ == "__main__":
    main()
