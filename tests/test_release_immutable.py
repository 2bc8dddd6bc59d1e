"""Committed releases never change: every file matches the sha256 its release recorded, nothing
is added to or removed from a release folder, and git has no later edit of any of them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from engagements import datapackage
from engagements.parquet import read_file_metadata
from engagements.release import DATASETS, REPO_ROOT, list_releases

RELEASES = list_releases(DATASETS)
NONE_YET = f"no release is committed under {DATASETS} yet; cut one with `engagements release VERSION`"
#: One case per committed release, or one skipped case that says why there is nothing to check.
CASES = [pytest.param(v, f, id=f"v{v}") for v, f in RELEASES] or [pytest.param(None, None, marks=pytest.mark.skip(reason=NONE_YET))]
FIX = "releases are immutable: restore the folder with `git checkout -- {}` and release a new version instead"


def _git(*args: str) -> str | None:
    if not shutil.which("git") or not (REPO_ROOT / ".git").exists():
        return None
    return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("version", "folder"), CASES)
def test_every_file_matches_its_recorded_hash(version, folder):
    problems = datapackage.check_files(folder)
    assert not problems, "\n".join(f"[{p.code}] {p.message}" for p in problems) + "\n" + FIX.format(folder)


@pytest.mark.parametrize(("version", "folder"), CASES)
def test_a_release_holds_exactly_the_files_it_describes(version, folder):
    desc = datapackage.read_descriptor(folder)
    assert desc["version"] == str(version) == folder.name.removeprefix("v")
    described = {r["path"] for r in desc["resources"]} | {desc[k]["path"] for k in datapackage.EXTRA_FILES if k in desc}
    present = {p.name for p in folder.iterdir()} - {datapackage.DESCRIPTOR}
    assert present == described, FIX.format(folder)
    for resource in desc["resources"]:
        assert read_file_metadata(folder / resource["path"])["dataset_version"] == str(version)


@pytest.mark.parametrize(("version", "folder"), CASES)
def test_git_holds_no_change_to_a_committed_release(version, folder):
    rel = folder.relative_to(REPO_ROOT).as_posix()
    if _git("ls-files", "--", f"{rel}/{datapackage.DESCRIPTOR}") in (None, ""):
        pytest.skip(f"{rel} is not committed yet (or git is not available)")
    changed = _git("status", "--porcelain", "--untracked-files=all", "--", rel)
    assert not changed, f"uncommitted changes in {rel}:\n{changed}{FIX.format(rel)}"
    edits = _git("log", "--format=%h %s", "--diff-filter=MDR", "--", rel)
    assert not edits, f"commits changed {rel} after it was released:\n{edits}"
