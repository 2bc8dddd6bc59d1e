"""Every recipe on a build of the whole shared corpus: they run, return sane shapes, and are quick.

The build is made once per session with ``engagements.pipeline.build`` (a minute or two on two
cores), or reused from ``ENGAGEMENTS_CORPUS_BUILD=/path/to/build`` when that is set.  Skips
without ../shared; fails under CI (see conftest.py).  Timings per recipe are reported by
benchmarks/bench_sql.py.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest
from engagements.schema.vocab import Level, RequestItem
from test_sql_recipes import _stem

from engagements import sql as cookbook
from engagements.recipes import run

pytestmark = pytest.mark.corpus

#: a generous per-recipe ceiling for the test (the aim, under a second, is measured by the benchmark)
SECONDS = 10.0


@pytest.fixture(scope="session")
def corpus_build(corpus_dir, tmp_path_factory) -> Path:
    reuse = os.environ.get("ENGAGEMENTS_CORPUS_BUILD")
    if reuse:
        path = Path(reuse)
        assert (path / "paragraphs.parquet").is_file(), f"ENGAGEMENTS_CORPUS_BUILD={reuse} holds no build"
        return path
    from engagements.pipeline import build

    out = tmp_path_factory.mktemp("corpus-build")
    build([corpus_dir], out, progress=False)
    return out


def _count(build: Path, table: str, where: str = "true") -> int:
    return duckdb.connect().execute(f"select count(*) from read_parquet(?) where {where}", [str(build / f"{table}.parquet")]).fetchall()[0][0]


def _timed(name, build, params=None):
    start = time.perf_counter()
    result = run(name, build, params or {})
    return result, time.perf_counter() - start


def test_requests_by_item_covers_every_request(corpus_build):
    result, seconds = _timed("requests_by_item", corpus_build)
    rows = result.as_dicts()
    assert sum(r["requests"] for r in rows) == _count(corpus_build, "requests")
    assert {r["item"] for r in rows} <= {i.value for i in RequestItem}
    # a request's own date may name a target year ("by 2013"), so only a sanity range here
    assert all(r["year"] is None or 1900 <= r["year"] <= 2100 for r in rows)
    assert sum(r["requests"] for r in rows if r["year"] is not None and 1966 <= r["year"] <= 2010) >= 0.95 * sum(r["requests"] for r in rows)
    assert all(r["requested"] + r["approved"] + r["pending"] + r["denied"] + r["delivered"] + r["status_unknown"] == r["requests"] for r in rows)
    assert seconds < SECONDS


def test_dialogue_timeline_lists_every_session(corpus_build):
    result, seconds = _timed("dialogue_timeline", corpus_build)
    rows = result.as_dicts()
    assert len(rows) == _count(corpus_build, "meetings", "dialogue_id is not null")
    levels = {lv.value for lv in Level} | {None}
    assert all(r["side_a_level"] in levels and r["side_b_level"] in levels for r in rows)
    assert all(r["level_gap"] is None or -7 <= r["level_gap"] <= 7 for r in rows)
    assert all(r["days_since_previous"] is None or r["days_since_previous"] >= 0 for r in rows)
    assert seconds < SECONDS


def test_meetings_by_level_pairs_are_ordered(corpus_build):
    result, seconds = _timed("meetings_by_level", corpus_build)
    rows = result.as_dicts()
    assert all(r["country_a"] < r["country_b"] and 0 <= r["held"] <= r["meetings"] for r in rows)
    if _count(corpus_build, "meeting_participants") and rows:
        usa = run("meetings_by_level", corpus_build, {"country": "USA", "status": "held"}).as_dicts()
        assert all("USA" in (r["country_a"], r["country_b"]) and r["held"] == r["meetings"] for r in usa)
    assert seconds < SECONDS


def test_who_met_whom_is_an_undirected_edge_list(corpus_build):
    result, seconds = _timed("who_met_whom", corpus_build)
    rows = result.as_dicts()
    edges = [(r["source_country"], r["source"], r["target_country"], r["target"]) for r in rows]
    assert len(edges) == len(set(edges))
    assert all((a, b) < (c, d) and a != c for a, b, c, d in edges)
    assert all(r["weight"] >= 1 and r["weight"] == len(r["meeting_ids"].split()) for r in rows)
    assert seconds < SECONDS


def test_request_classification_shares_add_up(corpus_build):
    result, seconds = _timed("request_classification", corpus_build)
    rows = result.as_dicts()
    for item in {r["item"] for r in rows}:
        assert abs(sum(r["share_of_item"] for r in rows if r["item"] == item) - 1) < 0.01
    assert seconds < SECONDS


def test_evidence_quotes_are_found_for_sampled_records(corpus_build):
    con = duckdb.connect()
    ids = []
    for table, column in (("requests", "request_id"), ("meetings", "meeting_id"), ("dialogues", "dialogue_id"), ("meeting_participants", "participant_id")):
        ids += [r[0] for r in con.execute(f"select {column} from read_parquet(?) order by hash({column}) limit 5", [str(corpus_build / f"{table}.parquet")]).fetchall()]
    if not ids:
        pytest.skip("the corpus build has no records yet")
    for record_id in ids:
        result, seconds = _timed("evidence", corpus_build, {"record_id": record_id})
        rows = result.as_dicts()
        assert rows, record_id
        assert all(r["record_id"] == record_id and r["paragraph_text"] is not None for r in rows), record_id
        assert [r["quote_found"] for r in rows if r["is_quote_paragraph"]] and all(r["quote_found"] for r in rows if r["is_quote_paragraph"]), record_id
        assert seconds < SECONDS


@pytest.mark.parametrize("query", ["helicopters", "night vision goggles", "security dialogue working group", "extradition treaty"])
def test_search_finds_ranked_paragraphs(corpus_build, query):
    result, seconds = _timed("search_paragraphs", corpus_build, {"query": query, "top": 10})
    rows = result.as_dicts()
    assert 1 <= len(rows) <= 10
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    stems = {_stem(w) for w in query.split()}
    assert all(r["matched_terms"] and set(r["matched_terms"].split()) <= stems for r in rows)
    assert seconds < SECONDS


def test_every_recipe_is_covered_here():
    covered = {"requests_by_item", "dialogue_timeline", "meetings_by_level", "who_met_whom", "request_classification", "evidence", "search_paragraphs"}
    assert covered == set(cookbook.names())
