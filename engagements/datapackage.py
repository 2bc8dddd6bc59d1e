"""The Frictionless Data Package (v2) descriptor of a build or a release, and its integrity facts.

A descriptor is generated from the schema registry (field types, descriptions, vocabularies, keys
come from the pydantic models through ``schema.emit``) plus facts read from the files beside it:
``bytes``, ``hash`` (``sha256:<hex>``) and the record count of each Parquet file.  A *frozen*
descriptor (a release) also has ``version``, ``created`` and the git commit it was built from.

``verify(release_dir)`` is the one place that checks a release's files against its descriptor;
the loader, ``validate`` and the immutability test all call it.  Resource paths are resolved with
``resource_file``, which refuses any path that leaves the release folder.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pyarrow.parquet as pq

from engagements.errors import ReleaseIntegrityError, ReleaseNotFoundError
from engagements.schema.emit import to_frictionless_schema
from engagements.schema.registry import SCHEMA_VERSION, TABLES, Table

DESCRIPTOR = "datapackage.json"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
#: Descriptor keys that record a file beside the tables, checked like the tables' files.
EXTRA_FILES = ("changes",)

#: What the package is, once: the top of every descriptor.
PACKAGE = {
    "$schema": PROFILE,
    "name": "diplomatic-engagements",
    "title": "Diplomatic engagements in US diplomatic cables",
    "description": (
        "Typed, validated records of diplomatic engagement (dialogues, meetings, participants, requests) "
        "read from US diplomatic cables, each with the cable, paragraphs and exact quote it rests on. "
        "See CODEBOOK.md for every table, field and vocabulary value."
    ),
    "licenses": [
        {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0 (the records); see LICENSE-DATA.md"},
    ],
    "keywords": ["diplomacy", "diplomatic cables", "meetings", "dialogues", "event data"],
}


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def file_facts(directory: Path, name: str) -> dict:
    """``path``, ``bytes`` and ``hash`` of a file beside the tables (e.g. ``changes.json``)."""
    path = Path(directory) / name
    return {"path": name, "bytes": path.stat().st_size, "hash": f"sha256:{sha256_file(path)}"}


def parquet_schema(table: Table) -> dict:
    """The table's Frictionless schema for Parquet: Parquet has real nulls, so no string stands
    for a missing value (Frictionless would otherwise read an empty text as null)."""
    return {**to_frictionless_schema(table), "missingValues": []}


def resource_descriptor(table: Table, directory: Path | None = None) -> dict:
    """One table's resource; with ``directory``, the size, hash and record count of its file."""
    resource = {
        "name": table.name,
        "type": "table",
        "path": f"{table.name}.parquet",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "description": table.description,
        "schema": parquet_schema(table),
    }
    if directory is not None:
        path = Path(directory) / resource["path"]
        if path.exists():
            resource["bytes"] = path.stat().st_size
            resource["hash"] = f"sha256:{sha256_file(path)}"
            resource["recordCount"] = pq.read_metadata(path).num_rows
    return resource


def descriptor(directory: Path | None = None, version: str | None = None, extra: dict | None = None) -> dict:
    """The whole descriptor: package facts, then ``extra`` (release facts), then the resources."""
    out = dict(PACKAGE)
    if version:
        out["version"] = version
    out["schemaVersion"] = SCHEMA_VERSION
    out.update(extra or {})
    out["resources"] = [resource_descriptor(t, directory) for t in TABLES]
    return out


def dumps(desc: dict) -> str:
    """The one serialisation of descriptors, so regenerating one gives the same bytes."""
    return json.dumps(desc, indent=2, ensure_ascii=False) + "\n"


def write_descriptor(out_dir: Path, version: str | None = None, extra: dict | None = None) -> Path:
    """Describe the Parquet files in ``out_dir`` in ``out_dir/datapackage.json``."""
    path = Path(out_dir) / DESCRIPTOR
    path.write_text(dumps(descriptor(out_dir, version, extra)), encoding="utf-8")
    return path


def read_descriptor(directory: Path) -> dict:
    path = Path(directory) / DESCRIPTOR
    if not path.is_file():
        raise ReleaseNotFoundError(f"{directory} has no {DESCRIPTOR}: it is not a build or release folder")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReleaseIntegrityError(f"{path} is not valid JSON ({exc}); the release is damaged") from None


def resource_file(directory: Path, resource: dict) -> Path:
    """The file of ``resource``, refusing paths that are absolute, remote or leave ``directory``."""
    raw = resource.get("path")
    name = resource.get("name", "?")
    if not isinstance(raw, str) or not raw:
        raise ReleaseIntegrityError(f"resource {name!r} in {directory} has no single local path")
    pure = PurePosixPath(raw)
    if pure.is_absolute() or ".." in pure.parts or "://" in raw or "\\" in raw:
        raise ReleaseIntegrityError(
            f"resource {name!r} points outside its release folder ({raw!r}); releases only hold relative paths inside themselves"
        )
    root = Path(directory).resolve()
    path = (root / pure).resolve()
    if not path.is_relative_to(root):
        raise ReleaseIntegrityError(f"resource {name!r} resolves outside its release folder ({raw!r} -> {path})")
    return path


@dataclass(frozen=True)
class Problem:
    """One integrity problem of a release file."""

    code: str  # missing-file, hash-mismatch, byte-count-mismatch, path-outside-release, missing-hash
    resource: str
    message: str


def check_files(directory: Path, names: list[str] | None = None) -> list[Problem]:
    """Every resource (or those named) against its recorded bytes and sha256; no exceptions."""
    desc = read_descriptor(directory)
    problems = []
    extras = [{"name": key, **desc[key]} for key in EXTRA_FILES if isinstance(desc.get(key), dict)]
    for resource in desc.get("resources", []) + extras:
        name = resource.get("name", "?")
        if names is not None and name not in names:
            continue
        try:
            path = resource_file(directory, resource)
        except ReleaseIntegrityError as exc:
            problems.append(Problem("path-outside-release", name, exc.message))
            continue
        if not path.is_file():
            problems.append(Problem("missing-file", name, f"{path} is missing; restore it from the release"))
            continue
        expected = resource.get("hash")
        if not expected:
            problems.append(Problem("missing-hash", name, f"{name} has no recorded hash: the folder is a build, not a frozen release"))
            continue
        if "bytes" in resource and path.stat().st_size != resource["bytes"]:
            problems.append(Problem("byte-count-mismatch", name, f"{path} has {path.stat().st_size} bytes, the release recorded {resource['bytes']}"))
        algorithm, _, hexdigest = expected.partition(":")
        if algorithm != "sha256" or sha256_file(path) != hexdigest:
            problems.append(Problem("hash-mismatch", name, f"{path} does not match its recorded {expected[:20]}...: the file was changed after release"))
    if names is not None:
        missing = set(names) - {r.get("name") for r in desc.get("resources", [])}
        problems += [Problem("missing-file", n, f"{directory} has no resource named {n!r}") for n in sorted(missing)]
    return problems


def verify(directory: Path, names: list[str] | None = None) -> dict:
    """Raise ``ReleaseIntegrityError`` unless every (named) file matches its recorded hash; return
    the descriptor."""
    problems = check_files(directory, names)
    if problems:
        lines = "\n".join(f"  - [{p.code}] {p.message}" for p in problems)
        raise ReleaseIntegrityError(f"release {directory} failed its integrity check; refusing to read it:\n{lines}")
    return read_descriptor(directory)


def rebase(desc: dict, prefix: str) -> dict:
    """A copy of ``desc`` whose resource paths start with ``prefix`` (e.g. ``datasets/v0.1.0``)."""
    out = json.loads(json.dumps(desc))
    for resource in out["resources"]:
        resource["path"] = f"{prefix.rstrip('/')}/{resource['path']}"
    return out
