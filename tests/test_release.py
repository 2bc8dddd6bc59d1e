"""`engagements.release.release`: build, validate, check the version, write the changelog, freeze."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
import release_samples as samples  # tests/ is on sys.path, as conftest.py's folder
from engagements.schema.registry import TABLES

from engagements import datapackage
from engagements.errors import ReleaseExistsError, ValidationFailed
from engagements.release import list_releases, release
from engagements.versioning import VersionError


def test_a_release_holds_one_parquet_per_table_and_a_frozen_descriptor(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = samples.release_sample(tmp_path)
    assert folder == tmp_path / "datasets" / "v0.1.0"
    assert sorted(p.name for p in folder.glob("*.parquet")) == sorted(f"{t.name}.parquet" for t in TABLES)
    desc = json.loads((folder / "datapackage.json").read_text())
    assert desc["version"] == "0.1.0"
    assert desc["created"] == "2023-11-14T22:13:20Z"  # SOURCE_DATE_EPOCH, not the wall clock
    assert set(desc["git"]) == {"commit", "dirty"} and len(desc["git"]["commit"]) == 40
    assert desc["software"]["pyarrow"]
    for resource in desc["resources"]:
        path = folder / resource["path"]
        assert resource["bytes"] == path.stat().st_size
        assert resource["hash"] == f"sha256:{datapackage.sha256_file(path)}"
        assert resource["recordCount"] == pq.read_metadata(path).num_rows
    assert desc["changes"]["hash"] == f"sha256:{datapackage.sha256_file(folder / 'changes.json')}"


def test_a_version_is_never_overwritten(tmp_path):
    samples.release_sample(tmp_path)
    with pytest.raises(ReleaseExistsError, match="immutable"):
        samples.release_sample(tmp_path)


def test_building_twice_gives_byte_identical_parquet(tmp_path, monkeypatch):
    first = samples.release_sample(tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # a different time changes no Parquet byte
    second = samples.release_sample(tmp_path / "b")
    for table in TABLES:
        name = f"{table.name}.parquet"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_files_of_a_release_are_read_only(tmp_path):
    folder = samples.release_sample(tmp_path)
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o222 == 0, f"{path.name} is writable"


def test_an_invalid_build_is_not_released(tmp_path):
    def broken_build(paths, out_dir, dataset_version):
        rows = samples.rows_for("09LIMA1661")
        rows["meetings"][0].quote = "words the paragraph does not hold"
        samples.write_rows(rows, out_dir, dataset_version)

    with pytest.raises(ValidationFailed, match="quote-not-in-paragraph"):
        release("0.1.0", [], tmp_path / "datasets", build=broken_build)
    assert list_releases(tmp_path / "datasets") == []
    assert not [p for p in (tmp_path / "datasets").iterdir() if p.name.startswith(".v")], "staging folder left behind"


def test_each_release_lists_added_removed_and_changed_records(tmp_path):
    samples.release_sample(tmp_path, "0.1.0", "09LIMA1661", "09LIMA1700")
    folder = samples.release_sample(tmp_path, "0.1.1", "09LIMA1661:A new subject", "09LIMA1800")
    changes = json.loads((folder / "changes.json").read_text())
    assert changes["previous_version"] == "0.1.0"
    cables = changes["tables"]["cables"]["ids"]
    assert cables == {"added": ["09LIMA1800"], "removed": ["09LIMA1700"], "changed": ["09LIMA1661"]}
    assert changes["tables"]["paragraphs"]["ids"]["added"] == [["09LIMA1800", 1], ["09LIMA1800", 2]]
    assert changes["primary_keys"]["paragraphs"] == ["cable_id", "paragraph_number"]


def test_the_changelog_gets_an_entry_with_counts_and_schema_version(tmp_path):
    samples.release_sample(tmp_path, "0.1.0")
    samples.release_sample(tmp_path, "0.1.1", "09LIMA1661", "09LIMA1700", "09LIMA1800")
    text = (tmp_path / "datasets" / "CHANGELOG.md").read_text()
    assert text.index("## 0.1.1") < text.index("## 0.1.0"), "newest first"
    assert "| cables | 3 | 1 | 0 | 0 |" in text
    assert "Schema version" in text and "v0.1.1/changes.json" in text


def test_a_schema_change_needs_the_bump_it_calls_for(tmp_path):
    previous = samples.release_sample(tmp_path, "0.1.0")
    samples.make_writable(previous)
    path = previous / "requests.parquet"  # pretend 0.1.0 had a column the models no longer have
    table = pq.read_table(path)
    pq.write_table(table.append_column("legacy_note", table.column("quote")), path)
    with pytest.raises(VersionError, match="major bump.*column requests.legacy_note removed.*release 1.0.0"):
        samples.release_sample(tmp_path, "0.2.0")
    assert samples.release_sample(tmp_path, "1.0.0").name == "v1.0.0"


def test_the_seed_release_is_valid_and_rebuilds_byte_for_byte(tmp_path):
    """The real pipeline on the bundled seeds, twice: what `engagements release` commits."""
    first = release("0.1.0", None, tmp_path / "a")
    second = release("0.1.0", None, tmp_path / "b")
    for table in TABLES:
        name = f"{table.name}.parquet"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    desc = json.loads((first / "datapackage.json").read_text())
    assert desc["build"]["cables"] == 2 and "out_dir" not in desc["build"]  # no temporary path frozen


def test_the_wheel_ships_every_file_of_every_release():
    """pyproject maps `engagements.datasets` to datasets/ with globs that must cover each file."""
    import fnmatch
    import tomllib

    from engagements.release import DATASETS, REPO_ROOT

    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert config["package-dir"]["engagements.datasets"] == "datasets"
    assert "engagements.datasets" in config["packages"]
    globs = config["package-data"]["engagements.datasets"]
    for version, folder in list_releases(DATASETS):
        for path in folder.iterdir():
            rel = path.relative_to(DATASETS).as_posix()
            assert any(fnmatch.fnmatch(rel, g) for g in globs), f"{rel} would be left out of the wheel"
    assert any(fnmatch.fnmatch("v0.1.0/changes.json", g) for g in globs)
