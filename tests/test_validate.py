"""`validate_release`: every problem of a build or release, each with a stable code."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import release_samples as samples  # tests/ is on sys.path, as conftest.py's folder

from engagements import datapackage
from engagements.validate import validate_release


def _build(tmp_path: Path, edit=None) -> Path:
    """A build of two synthetic cables, after ``edit(rows)`` changes its records."""
    rows = {name: a + b for (name, a), b in zip(samples.rows_for("09LIMA1661").items(), samples.rows_for("09LIMA1700").values())}
    rows["dialogues"] = rows["dialogues"][:1]
    rows["dialogues"][0].cable_count = 2
    if edit:
        edit(rows)
    return samples.write_rows(rows, tmp_path / "build")


def _codes(report) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in report.problems:
        out.setdefault(p.code, set()).add(p.table)
    return out


def test_a_good_build_is_valid(tmp_path):
    report = validate_release(_build(tmp_path))
    assert report.ok, report.to_text()
    assert report.tables["meetings"] == 2 and not report.frozen


def test_a_frozen_release_is_valid_and_says_its_version(tmp_path):
    report = validate_release(samples.release_sample(tmp_path))
    assert report.ok and report.frozen and report.version == "0.1.0"


def test_duplicate_primary_keys_are_found(tmp_path):
    def duplicate(rows):
        rows["requests"][1].request_id = rows["requests"][0].request_id

    report = validate_release(_build(tmp_path, duplicate))
    (problem,) = report.problems
    assert (problem.code, problem.table, problem.count) == ("primary-key-duplicate", "requests", 1)


def test_foreign_keys_meetings_to_dialogues_participants_and_requests_to_meetings(tmp_path):
    def orphan(rows):
        rows["meetings"][0].dialogue_id = "dlg-per-usa-unknown"
        rows["meeting_participants"][0].meeting_id = "mtg-09LIMA1661-0000000000"
        rows["requests"][1].meeting_id = "mtg-09LIMA1700-0000000000"

    report = validate_release(_build(tmp_path, orphan))
    assert _codes(report) == {"foreign-key-missing": {"meetings", "meeting_participants", "requests"}}
    # the orphaned meeting's participants and requests are still found through their own key
    assert all(p.count == 1 for p in report.problems)


def test_every_quote_must_be_found_in_its_paragraph(tmp_path):
    def misquote(rows):
        rows["meeting_participants"][0].quote = "Foreign Minister Garcia"  # not the paragraph's words
        rows["requests"][0].quote_paragraph = 7  # no such paragraph

    report = validate_release(_build(tmp_path, misquote))
    assert _codes(report) == {"quote-not-in-paragraph": {"meeting_participants"}, "quote-paragraph-missing": {"requests"}}
    assert "09LIMA1661" in report.problems[0].examples[0] or "09LIMA1661" in report.problems[1].examples[0]


def test_values_outside_the_schema_are_found(tmp_path):
    path = _build(tmp_path) / "meetings.parquet"
    table = pq.read_table(path)
    status = table.schema.get_field_index("status")
    table = table.set_column(status, table.schema.field(status), [["held", "postponed"]])
    pq.write_table(table, path)
    datapackage.write_descriptor(path.parent)  # a build describes whatever it holds
    report = validate_release(path.parent)
    assert _codes(report) == {"not-in-vocabulary": {"meetings"}}


def test_a_file_that_does_not_match_the_schema_is_reported_not_read(tmp_path):
    path = _build(tmp_path) / "requests.parquet"
    pq.write_table(pq.read_table(path).drop_columns(["item"]), path)
    datapackage.write_descriptor(path.parent)
    report = validate_release(path.parent)
    (problem,) = report.problems
    assert problem.code == "schema-mismatch" and "missing item" in problem.message


def test_a_changed_file_in_a_release_is_reported(tmp_path):
    folder = samples.release_sample(tmp_path)
    samples.make_writable(folder)
    with open(folder / "dialogues.parquet", "ab") as handle:
        handle.write(b" ")
    report = validate_release(folder)
    assert _codes(report) == {
        "byte-count-mismatch": {"dialogues"}, "hash-mismatch": {"dialogues"}, "unreadable-file": {"dialogues"},
    }
    assert "INVALID" in report.to_text() and '"ok": false' in report.to_json()
