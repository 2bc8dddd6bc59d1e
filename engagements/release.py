"""Releases: build a corpus into ``<out_root>/v<version>/`` and freeze it, once.

A release is a folder of Parquet files (one per table) and a frozen ``datapackage.json`` that
records the version, when and from which git commit it was built, and the size and sha256 of every
file; ``changes.json`` lists the record ids added, removed and changed since the previous release.
Nothing in a release folder is ever rewritten: ``release`` refuses an existing version, and
``tests/test_release_immutable.py`` checks every committed release against its hashes.

``created`` is the time of the build's inputs, not of the build: ``SOURCE_DATE_EPOCH`` when set
(reproducible-builds.org), else the time of the git commit being built, else now.  Parquet files
never hold a time, so rebuilding a version gives the same Parquet bytes whatever ``created`` says.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow

from engagements import changelog, datapackage, versioning
from engagements.errors import ReleaseExistsError, ValidationFailed
from engagements.schema.registry import SCHEMA_VERSION
from engagements.validate import validate_release
from engagements.versioning import Version

#: The source checkout, when running from one (None in an installed wheel).
REPO_ROOT = Path(__file__).resolve().parents[1]
DATASETS = REPO_ROOT / "datasets"

Build = Callable[..., object]


# ---------------------------------------------------------------------------------------------
# Finding releases


def list_releases(root: Path) -> list[tuple[Version, Path]]:
    """Every ``v<semver>`` folder under ``root`` with a descriptor, oldest first."""
    out = []
    for child in Path(root).glob("v*") if Path(root).is_dir() else []:
        try:
            version = Version.parse(child.name)
        except versioning.VersionError:
            continue
        if (child / datapackage.DESCRIPTOR).is_file():
            out.append((version, child))
    return sorted(out)


def previous_release(root: Path, version: Version) -> tuple[Version, Path] | None:
    """The highest release under ``root`` below ``version``."""
    earlier = [r for r in list_releases(root) if r[0] < version]
    return earlier[-1] if earlier else None


# ---------------------------------------------------------------------------------------------
# Provenance


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def provenance() -> dict:
    """``created`` and ``git`` facts for a frozen descriptor (see the module docstring)."""
    commit = _git("rev-parse", "HEAD") if (REPO_ROOT / ".git").exists() else None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        created = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    elif commit and (stamp := _git("log", "-1", "--format=%ct", "HEAD")):
        created = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
    else:
        created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    git = {"commit": commit, "dirty": bool(_git("status", "--porcelain", "--untracked-files=no"))} if commit else None
    return {"created": created.strftime("%Y-%m-%dT%H:%M:%SZ"), "git": git}


def software() -> dict:
    """Versions that decide the bytes of a release (pyarrow writes its own into every footer)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        own = version("diplomatic-engagements")
    except PackageNotFoundError:
        own = None
    return {"diplomatic-engagements": own, "pyarrow": pyarrow.__version__, "duckdb": duckdb.__version__}


# ---------------------------------------------------------------------------------------------
# Releasing


def _default_build(paths, out_dir: Path, dataset_version: str):
    from engagements.pipeline import build

    return build(paths, out_dir, dataset_version=dataset_version, progress=False)


def _freeze_files(folder: Path) -> None:
    """Read-only files: an accidental write fails instead of silently breaking the hashes."""
    for path in folder.iterdir():
        path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def release(
    version: str,
    paths: list[Path] | None,
    out_root: Path | None = None,
    *,
    build: Build | None = None,
    changelog_path: Path | None = None,
) -> Path:
    """Build ``paths`` (default: the bundled seeds) into ``out_root/v<version>`` and freeze it.

    Refuses an existing version, a build that fails ``validate_release``, and a version number
    that is not a big enough bump over the previous release for the schema changes it carries.
    Appends an entry to ``changelog_path`` (default: the repository's CHANGELOG.md when releasing
    into its ``datasets/``, else ``out_root/CHANGELOG.md``) and, for the repository's own releases,
    regenerates the top-level ``datapackage.json``.
    """
    target_version = Version.parse(version)
    out_root = Path(out_root) if out_root is not None else DATASETS
    target = out_root / f"v{target_version}"
    if target.exists():
        raise ReleaseExistsError(f"{target} exists: releases are immutable; choose a new version")
    out_root.mkdir(parents=True, exist_ok=True)
    previous = previous_release(out_root, target_version)
    staging = Path(tempfile.mkdtemp(prefix=f".v{target_version}-", dir=out_root))
    try:
        (build or _default_build)(paths, staging, dataset_version=str(target_version))
        report = validate_release(staging)
        if not report.ok:
            raise ValidationFailed(f"the build of {target_version} is invalid; nothing was released:\n{report.to_text()}")
        schema_changes = []
        if previous:
            schema_changes = versioning.diff(versioning.release_snapshot(previous[1]), versioning.release_snapshot(staging))
            versioning.check_bump(str(previous[0]), str(target_version), schema_changes)
        changes = changelog.diff_releases(previous[1] if previous else None, staging)
        changes_file = changelog.write_changes(changes, staging, str(previous[0]) if previous else None)
        build_facts = datapackage.read_descriptor(staging).get("build", {})
        build_facts = {k: v for k, v in build_facts.items() if k != "out_dir"} if isinstance(build_facts, dict) else {}
        extra = {
            **provenance(),
            "previousVersion": str(previous[0]) if previous else None,
            "software": software(),
            "changes": datapackage.file_facts(staging, changes_file.name),
            **({"build": build_facts} if build_facts else {}),
        }
        datapackage.write_descriptor(staging, str(target_version), extra)
        _freeze_files(staging)
        staging.chmod(0o755)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    desc = datapackage.read_descriptor(target)
    counts = {r["name"]: r.get("recordCount", 0) for r in desc["resources"]}
    in_repo = out_root.resolve() == DATASETS.resolve()
    changelog_path = Path(changelog_path or (REPO_ROOT / "CHANGELOG.md" if in_repo else out_root / "CHANGELOG.md"))
    entry = changelog.changelog_entry(
        str(target_version), desc["created"], SCHEMA_VERSION, counts, changes,
        str(previous[0]) if previous else None, [c.message for c in schema_changes],
        changes_link=Path(os.path.relpath(target / changelog.CHANGES_FILE, changelog_path.resolve().parent)).as_posix(),
    )
    changelog.prepend_entry(changelog_path, entry)
    if in_repo:
        write_top_level_descriptor()
    return target


# ---------------------------------------------------------------------------------------------
# The top-level descriptor


def top_level_descriptor(root: Path = DATASETS) -> dict:
    """The repository's ``datapackage.json``: the latest release's frozen descriptor with paths
    into ``datasets/v<version>/`` (so ``frictionless validate datapackage.json`` checks the latest
    release); before any release, the descriptor of the current schema alone."""
    releases = list_releases(root)
    if not releases:
        return datapackage.descriptor()
    _version, folder = releases[-1]
    return datapackage.rebase(datapackage.read_descriptor(folder), f"{root.name}/{folder.name}")


def write_top_level_descriptor(repo_root: Path = REPO_ROOT) -> Path:
    path = repo_root / datapackage.DESCRIPTOR
    path.write_text(datapackage.dumps(top_level_descriptor(repo_root / "datasets")), encoding="utf-8")
    return path
