"""Every reader users name (pyarrow, DuckDB, pandas, polars) reads a release's Parquet files,
and the files carry the dataset version and the descriptions of the table and its fields."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import release_samples as samples  # tests/ is on sys.path, as conftest.py's folder
from engagements.schema.registry import TABLES, table

from engagements.parquet import read_file_metadata


@pytest.fixture(scope="module")
def release_folder(tmp_path_factory) -> Path:
    return samples.release_sample(tmp_path_factory.mktemp("readers"), "0.1.0")


def test_files_carry_version_and_descriptions(release_folder):
    for t in TABLES:
        meta = read_file_metadata(release_folder / f"{t.name}.parquet")
        assert meta["dataset_version"] == "0.1.0" and meta["table"] == t.name and meta["description"] == t.description
        descriptions = json.loads(meta["field_descriptions"])
        assert list(descriptions) == sorted(t.fields) and all(descriptions.values())
        schema = pq.read_schema(release_folder / f"{t.name}.parquet")
        assert all(f.metadata[b"description"] for f in schema)  # Arrow readers see them per field


def test_duckdb_reads_them_lists_and_metadata_included(release_folder):
    path = str(release_folder / "meetings.parquet")
    con = duckdb.connect()
    rows = con.execute("select meeting_id, paragraph_numbers, date_start from read_parquet(?) order by 1", [path]).fetchall()
    assert rows[0][1] == [1] and str(rows[0][2]) == "2009-03-03"
    meta = dict(con.execute("select decode(key), decode(value) from parquet_kv_metadata(?)", [path]).fetchall())
    assert meta["dataset_version"] == "0.1.0"


def test_pandas_reads_them(release_folder):
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(release_folder / "cables.parquet")
    assert list(frame.columns) == table("cables").fields
    assert list(frame.loc[0, "tags"]) == ["PREL", "PE"]


def test_polars_reads_them(release_folder):
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(release_folder / "requests.parquet")
    assert frame.columns == table("requests").fields
    assert frame["paragraph_numbers"].to_list() == [[2], [2]]
    assert frame.schema["date_start"] == pl.Date


def test_pyarrow_reads_them_as_the_registry_types(release_folder):
    data = pq.read_table(release_folder / "cables.parquet")
    assert data.schema.field("created_datetime").type.tz == "UTC"
    assert data.column("renderings").to_pylist()[0] == ["raw_telegram:09LIMA1661.txt"]
