"""The build as a user meets it: seeds in, one Parquet per table out, bad files quarantined."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SEEDS, seed_path
from engagements.schema import TABLES

from engagements.pipeline import build, iter_inputs


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.parquet"))}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    build([SEEDS], out, workers=1, progress=False)
    return out


def test_the_default_build_reads_the_two_seed_cables(seed_build):
    cables = pq.read_table(seed_build / "cables.parquet").to_pylist()
    assert sorted(c["cable_id"] for c in cables) == ["09LIMA1661", "09STATE103113"]
    assert {c["source_path"] for c in cables} == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")}


def test_every_table_is_written_with_its_registry_schema(seed_build):
    for t in TABLES:
        schema = pq.read_schema(seed_build / f"{t.name}.parquet")
        assert schema.names == t.fields, t.name


def test_building_twice_gives_byte_identical_parquet(seed_build, tmp_path):
    build([SEEDS], tmp_path, workers=1, progress=False)
    assert _digests(tmp_path) == _digests(seed_build)


def test_bad_files_are_quarantined_with_a_reason_and_the_build_goes_on(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (inputs / "letter.txt").write_text("Dear Sir,\n\nThank you for your letter of 3 May.\n\nYours faithfully,\nA. Clerk\n")
    header = seed_path("000").read_text(encoding="utf-8").split("CLASSIFIED BY")[0]
    (inputs / "truncated.txt").write_text(header, encoding="utf-8")
    (inputs / "good.txt").write_bytes(seed_path("000").read_bytes())
    summary = build([inputs], tmp_path / "out", workers=1, progress=False)

    assert summary.cables == 1
    rows = pq.read_table(tmp_path / "out" / "quarantine.parquet").to_pylist()
    by_file = {r["source_path"].split("/")[-1]: r for r in rows}
    assert by_file["empty.txt"]["error_type"] == "empty-file"
    assert by_file["binary.bin"]["error_type"] == "binary-file"
    assert by_file["letter.txt"]["error_type"] == "not-a-cable"
    assert by_file["truncated.txt"]["error_type"] == "truncated-cable"
    for name, row in by_file.items():
        assert name in row["error_message"], "the message names the file"
    assert sum(summary.quarantined.values()) == 4


def test_the_same_cable_in_two_renderings_is_one_cable(tmp_path):
    inputs = tmp_path / "two"
    inputs.mkdir()
    text = seed_path("004").read_bytes()
    (inputs / "a.txt").write_bytes(text)
    (inputs / "b.txt").write_bytes(text.replace(b"\n", b"\r\n"))
    summary = build([inputs], tmp_path / "out", workers=1, progress=False)
    cables = pq.read_table(tmp_path / "out" / "cables.parquet").to_pylist()
    assert summary.cables == 1 and summary.renderings == 2
    assert len(cables) == 1 and len(cables[0]["renderings"]) == 2


def test_inputs_are_named_relative_to_the_folder_given():
    shown = [name for _path, name in iter_inputs([SEEDS])]
    assert shown == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
