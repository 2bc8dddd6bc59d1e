"""What changed between two releases, record by record, and the CHANGELOG.md entry that says so.

Record ids come from content (``record_id``), never from row order, so the primary key of a row
names the same record in every release.  A record is *added* or *removed* when its key appears or
disappears, and *changed* when its key stays but any column both releases share differs.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from engagements.schema.registry import TABLES, Table

CHANGES_FILE = "changes.json"


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def diff_table(con: duckdb.DuckDBPyConnection, table: Table, old: Path, new: Path) -> dict[str, list]:
    """Added, removed and changed record keys of one table, sorted (keys as lists when composite)."""
    old_cols = {r[0] for r in con.sql(f"describe select * from read_parquet({_sql_path(old)})").fetchall()}
    new_cols = {r[0] for r in con.sql(f"describe select * from read_parquet({_sql_path(new)})").fetchall()}
    shared = [c for c in table.fields if c in old_cols & new_cols] or sorted(old_cols & new_cols)
    row = "md5(cast(struct_pack(" + ", ".join(f'"{c}"' for c in shared) + ") as varchar))"
    keys = ", ".join(f'"{k}"' for k in table.primary_key)
    sql = f"""
        with o as (select {keys}, {row} as h from read_parquet({_sql_path(old)})),
             n as (select {keys}, {row} as h from read_parquet({_sql_path(new)}))
        select case when o.h is null then 'added' when n.h is null then 'removed' else 'changed' end as change,
               {keys}
        from o full outer join n using ({keys})
        where o.h is distinct from n.h
        order by change, {keys}
    """
    out: dict[str, list] = {"added": [], "removed": [], "changed": []}
    for change, *key in con.sql(sql).fetchall():
        out[change].append(key[0] if len(key) == 1 else key)
    return out


def diff_releases(old_dir: Path | None, new_dir: Path) -> dict:
    """The record-level changelog of ``new_dir`` against ``old_dir`` (None: the first release,
    where every record is new and only counts are listed)."""
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")  # quiet inside release and validate
    tables = {}
    for table in TABLES:
        new = Path(new_dir) / f"{table.name}.parquet"
        old = Path(old_dir) / f"{table.name}.parquet" if old_dir else None
        if not new.exists():
            continue
        if old is None or not old.exists():
            count = con.sql(f"select count(*) from read_parquet({_sql_path(new)})").fetchall()[0][0]
            tables[table.name] = {"added": count, "removed": 0, "changed": 0, "note": "new table: every record is added"}
            continue
        ids = diff_table(con, table, old, new)
        tables[table.name] = {**{k: len(v) for k, v in ids.items()}, "ids": ids}
    return {"tables": tables}


def write_changes(changes: dict, release_dir: Path, previous: str | None) -> Path:
    path = Path(release_dir) / CHANGES_FILE
    body = {"previous_version": previous, "primary_keys": {t.name: list(t.primary_key) for t in TABLES}, **changes}
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def changelog_entry(version: str, created: str, schema_version: str, counts: dict[str, int],
                    changes: dict, previous: str | None, schema_changes: list[str], changes_link: str) -> str:
    """The Markdown section of CHANGELOG.md for one release."""
    lines = [f"## {version} ({created[:10]})", ""]
    lines.append(f"Schema version {schema_version}; " + (f"changes against {previous}." if previous else "first release."))
    if schema_changes:
        lines += ["", "Schema changes:", *[f"- {c}" for c in schema_changes]]
    lines += ["", "| table | records | added | removed | changed |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, count in counts.items():
        c = changes["tables"].get(name, {})
        lines.append(f"| {name} | {count} | {c.get('added', 0)} | {c.get('removed', 0)} | {c.get('changed', 0)} |")
    lines += ["", f"Record ids of every change: [`{changes_link}`]({changes_link})."]
    return "\n".join(lines) + "\n"


CHANGELOG_HEADER = """# Changelog

Every dataset release, newest first: record counts, the schema version, and how many records
were added, removed or changed since the release before (ids in each release's `changes.json`).
Versions follow the rule in `engagements/versioning.py`: MAJOR for removals and retypings,
MINOR for additions, PATCH for data only.

"""


def prepend_entry(changelog: Path, entry: str) -> Path:
    """Put ``entry`` first under the header of ``changelog`` (created when absent)."""
    text = changelog.read_text(encoding="utf-8") if changelog.exists() else CHANGELOG_HEADER
    head, marker, rest = text.partition("\n## ")
    if not marker:
        text = text.rstrip("\n") + "\n\n" + entry
    else:
        text = head.rstrip("\n") + "\n\n" + entry + "\n## " + rest
    changelog.write_text(text, encoding="utf-8")
    return changelog
