"""Files generated from the pydantic models must match them; regenerate with
`engagements schema write`.  Also: every field and vocabulary value is described, and the Arrow
schemas that write Parquet are the emitted ones."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from engagements.schema.emit import JSON_DIR, json_schema_files, to_arrow_schema
from engagements.schema.registry import TABLES
from engagements.schema.types import field_type
from engagements.schema.vocab import Vocabulary

from engagements import datapackage, parquet
from engagements.release import DATASETS, REPO_ROOT, top_level_descriptor

REGENERATE = "regenerate with `engagements schema write` and commit the result"


def test_json_schema_files_are_current():
    expected = json_schema_files()
    assert sorted(p.name for p in JSON_DIR.glob("*.schema.json")) == sorted(expected), REGENERATE
    for name, text in expected.items():
        assert (JSON_DIR / name).read_text(encoding="utf-8") == text, f"schema/json/{name} is stale: {REGENERATE}"


def test_top_level_datapackage_is_current():
    """The top-level descriptor is the latest release's, with paths into datasets/; before the
    first release it describes the current schema alone."""
    path = REPO_ROOT / datapackage.DESCRIPTOR
    assert json.loads(path.read_text(encoding="utf-8")) == top_level_descriptor(DATASETS), f"datapackage.json is stale: {REGENERATE}"


def test_a_fresh_descriptor_describes_every_table_with_keys():
    desc = datapackage.descriptor()
    assert desc["$schema"] == datapackage.PROFILE
    by_name = {r["name"]: r for r in desc["resources"]}
    assert list(by_name) == [t.name for t in TABLES]
    assert by_name["meetings"]["schema"]["primaryKey"] == ["meeting_id"]
    fks = {fk["reference"]["resource"] for fk in by_name["meeting_participants"]["schema"]["foreignKeys"]}
    assert "meetings" in fks


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_field_has_a_description(table):
    assert table.description
    missing = [n for n in table.fields if not (table.model.model_fields[n].description or "").strip()]
    assert not missing, f"{table.name}: fields without a description: {missing}"


def test_every_vocabulary_value_has_a_description():
    vocabularies = {
        field_type(t.model.model_fields[n].annotation).vocabulary for t in TABLES for n in t.fields
    } - {None}
    assert vocabularies
    for vocab in vocabularies:
        assert issubclass(vocab, Vocabulary)
        assert all(member.description.strip() for member in vocab), f"{vocab.__name__} has undescribed values"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_parquet_is_written_with_the_emitted_arrow_schema(table, tmp_path):
    schema = to_arrow_schema(table)
    path = parquet.write_table(table, schema.empty_table(), tmp_path / "t.parquet", dataset_version="9.9.9")
    written = pq.read_schema(path)
    assert written.equals(parquet.stored_schema(table), check_metadata=False)
    assert [f.metadata[b"description"] for f in written] == [f.metadata[b"description"] for f in schema]


def test_every_vocabulary_field_lists_its_values_with_descriptions_in_the_descriptor():
    for resource in datapackage.descriptor()["resources"]:
        t = next(t for t in TABLES if t.name == resource["name"])
        for field in resource["schema"]["fields"]:
            vocab = field_type(t.model.model_fields[field["name"]].annotation).vocabulary
            if vocab is None:
                continue
            categories = {c["value"]: c["label"] for c in field["categories"]}
            assert categories == {m.value: m.description for m in vocab}, f"{t.name}.{field['name']}"
            assert field["constraints"]["enum"] == list(categories)
