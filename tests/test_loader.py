"""`engagements.load` and `engagements.connect`: one line to a pinned, hash-checked release."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
import release_samples as samples  # tests/ is on sys.path, as conftest.py's folder

import engagements
from engagements.errors import ReleaseIntegrityError, ReleaseNotFoundError


@pytest.fixture()
def release_folder(tmp_path) -> Path:
    return samples.release_sample(tmp_path, "0.1.0")


def _edit_descriptor(folder: Path, change) -> None:
    samples.make_writable(folder)
    path = folder / "datapackage.json"
    desc = json.loads(path.read_text())
    change(desc)
    path.write_text(json.dumps(desc))


def test_load_returns_an_arrow_table_of_a_release_kept_elsewhere(release_folder):
    meetings = engagements.load("meetings", version="0.1.0", path=release_folder)
    assert isinstance(meetings, pa.Table)
    assert meetings.num_rows == 2
    assert meetings.schema.metadata[b"dataset_version"] == b"0.1.0"


def test_path_may_also_name_the_folder_that_holds_the_releases(release_folder):
    assert engagements.load("cables", "0.1.0", path=release_folder.parent).num_rows == 2


def test_connect_gives_every_table_as_a_described_view(release_folder):
    con = engagements.connect("0.1.0", path=release_folder)
    assert con.sql("select count(*) from requests join meetings using (meeting_id)").fetchall() == [(2,)]
    views = dict(con.sql("select view_name, comment from duckdb_views() where not internal").fetchall())
    assert views["dialogues"].startswith("Standing mechanisms")


def test_a_changed_file_is_refused(release_folder):
    samples.make_writable(release_folder)
    with open(release_folder / "meetings.parquet", "r+b") as handle:
        handle.seek(100)
        handle.write(b"\x00")
    with pytest.raises(ReleaseIntegrityError, match="sha256"):
        engagements.load("meetings", "0.1.0", path=release_folder)
    with pytest.raises(ReleaseIntegrityError, match="hash-mismatch"):
        engagements.connect("0.1.0", path=release_folder)


def test_a_missing_file_is_refused(release_folder):
    (release_folder / "requests.parquet").unlink()
    with pytest.raises(ReleaseIntegrityError, match="missing"):
        engagements.load("requests", "0.1.0", path=release_folder)
    with pytest.raises(ReleaseIntegrityError, match="missing-file"):
        engagements.connect("0.1.0", path=release_folder)


@pytest.mark.parametrize("bad_path", ["../outside.parquet", "/etc/passwd", "https://example.org/x.parquet"])
def test_resource_paths_outside_the_release_folder_are_never_followed(release_folder, bad_path):
    def point_outside(desc):
        desc["resources"][0]["path"] = bad_path

    _edit_descriptor(release_folder, point_outside)
    with pytest.raises(ReleaseIntegrityError, match="outside"):
        engagements.load("cables", "0.1.0", path=release_folder)
    with pytest.raises(ReleaseIntegrityError, match="outside"):
        engagements.connect("0.1.0", path=release_folder)


def test_a_symlink_out_of_the_release_folder_is_not_followed(release_folder, tmp_path):
    outside = tmp_path / "elsewhere.parquet"
    outside.write_bytes((release_folder / "cables.parquet").read_bytes())
    samples.make_writable(release_folder)
    (release_folder / "cables.parquet").unlink()
    (release_folder / "cables.parquet").symlink_to(outside)
    with pytest.raises(ReleaseIntegrityError, match="outside"):
        engagements.load("cables", "0.1.0", path=release_folder)


def test_the_folder_must_hold_the_version_asked_for(release_folder):
    with pytest.raises(ReleaseIntegrityError, match="holds release '0.1.0', not '0.2.0'"):
        engagements.load("cables", "0.2.0", path=release_folder)


def test_unknown_tables_and_versions_are_named_in_the_error(release_folder):
    with pytest.raises(ReleaseNotFoundError, match="its tables are: cables"):
        engagements.load("meeting", "0.1.0", path=release_folder)
    with pytest.raises(ReleaseNotFoundError, match="no release 9.9.9"):
        engagements.load("cables", "9.9.9")
