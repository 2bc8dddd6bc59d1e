"""Semantic versions of the dataset and the rule that says which bump a schema change needs.

The rule, for users who pin a version: anything that can break a reader's query needs a new
MAJOR version (a table or column removed, a column's type or nullability changed, a vocabulary
value removed); anything that only adds needs a new MINOR version (a table, column or vocabulary
value added); data and descriptions alone need a PATCH.

A schema is compared as a *snapshot*: table -> column -> (Arrow type, nullable, vocabulary
values).  The current snapshot comes from the models; a release's comes from the Arrow schemas
stored in its Parquet files, so the comparison needs nothing but the release itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engagements.errors import EngagementsError
from engagements.parquet import stored_schema
from engagements.schema.registry import TABLES

BUMPS = ("patch", "minor", "major")
_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


class VersionError(EngagementsError):
    code = "version-rule"


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _SEMVER.match(text.strip().removeprefix("v"))
        if not match:
            raise VersionError(f"{text!r} is not a semantic version MAJOR.MINOR.PATCH (e.g. 0.1.0)")
        return cls(*map(int, match.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def bump(self, kind: str) -> Version:
        if kind == "major":
            return Version(self.major + 1, 0, 0)
        if kind == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def bump_from(self, previous: Version) -> str | None:
        """Which bump leads from ``previous`` to this version (None if it is not higher)."""
        if self <= previous:
            return None
        if self.major != previous.major:
            return "major"
        return "minor" if self.minor != previous.minor else "patch"


# ---------------------------------------------------------------------------------------------
# Snapshots

Column = tuple[str, bool, tuple[str, ...]]  # arrow type, nullable, vocabulary values
Snapshot = dict[str, dict[str, Column]]


def _columns(schema: pa.Schema) -> dict[str, Column]:
    out = {}
    for f in schema:
        vocab = (f.metadata or {}).get(b"vocabulary")
        values = tuple(json.loads(vocab)) if vocab else ()
        out[f.name] = (str(f.type), f.nullable, values)
    return out


def current_snapshot() -> Snapshot:
    return {t.name: _columns(stored_schema(t)) for t in TABLES}


def release_snapshot(release_dir: Path) -> Snapshot:
    """The snapshot of a release, read from the Arrow schema stored in each Parquet file."""
    return {p.stem: _columns(pq.read_schema(p)) for p in sorted(Path(release_dir).glob("*.parquet"))}


@dataclass(frozen=True)
class Change:
    bump: str  # major, minor
    message: str


def diff(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every schema change from ``old`` to ``new`` with the bump it needs."""
    changes = []
    for table in sorted(old.keys() - new.keys()):
        changes.append(Change("major", f"table {table} removed"))
    for table in sorted(new.keys() - old.keys()):
        changes.append(Change("minor", f"table {table} added"))
    for table in sorted(old.keys() & new.keys()):
        before, after = old[table], new[table]
        for col in sorted(before.keys() - after.keys()):
            changes.append(Change("major", f"column {table}.{col} removed"))
        for col in sorted(after.keys() - before.keys()):
            changes.append(Change("minor", f"column {table}.{col} added"))
        for col in sorted(before.keys() & after.keys()):
            (t0, n0, v0), (t1, n1, v1) = before[col], after[col]
            if t0 != t1:
                changes.append(Change("major", f"column {table}.{col} retyped {t0} -> {t1}"))
            if n0 != n1:
                changes.append(Change("major", f"column {table}.{col} nullability changed {n0} -> {n1}"))
            for value in sorted(set(v0) - set(v1)):
                changes.append(Change("major", f"vocabulary value {value!r} removed from {table}.{col}"))
            for value in sorted(set(v1) - set(v0)):
                changes.append(Change("minor", f"vocabulary value {value!r} added to {table}.{col}"))
    return changes


def required_bump(changes: list[Change]) -> str:
    """The least bump that covers every change: patch when the schema did not change."""
    return max((c.bump for c in changes), key=BUMPS.index, default="patch")


def check_bump(previous: str, proposed: str, changes: list[Change]) -> str:
    """Raise ``VersionError`` unless ``proposed`` follows ``previous`` with a big enough bump;
    return the bump that is due."""
    due = required_bump(changes)
    old, new = Version.parse(previous), Version.parse(proposed)
    made = new.bump_from(old)
    if made is None:
        raise VersionError(f"version {new} is not higher than the previous release {old}")
    if BUMPS.index(made) < BUMPS.index(due):
        reasons = "; ".join(c.message for c in changes if c.bump == due)
        raise VersionError(
            f"{old} -> {new} is a {made} bump, but the schema changes need a {due} bump ({reasons}); "
            f"release {old.bump(due)} instead"
        )
    return due
