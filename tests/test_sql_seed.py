"""Every recipe on the committed seed release (datasets/v0.1.0), compared with its expected output.

The expected outputs are CSV files in tests/expected/sql/, one per case below, written the way
`engagements sql run NAME --format csv` writes them.  After a deliberate change (a new seed
release, an extractor or a recipe that changes the answer), review the diff of:

    python -m engagements.recipes --regenerate-expected      # or: REGENERATE_SQL_EXPECTED=1 pytest tests/test_sql_seed.py

The tests skip, saying why, while datasets/v0.1.0 does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from engagements import sql as cookbook
from engagements.recipes import run, to_csv

ROOT = Path(__file__).resolve().parents[1]
SEED_RELEASE = ROOT / "datasets" / "v0.1.0"
EXPECTED = ROOT / "tests" / "expected" / "sql"


def _first(data: Path, table: str, column: str) -> str:
    con = duckdb.connect()
    (value,) = con.execute(f"select min({column}) from read_parquet(?)", [str(data / f"{table}.parquet")]).fetchall()[0]
    return value


def _evidence_dialogue(data: Path) -> dict:
    return {"record_id": _first(data, "dialogues", "dialogue_id")}


def _evidence_request(data: Path) -> dict:
    return {"record_id": _first(data, "requests", "request_id")}


#: case name -> (recipe, parameters or a function of the release folder giving them)
CASES: dict[str, tuple[str, dict | Callable[[Path], dict]]] = {
    "requests_by_item": ("requests_by_item", {}),
    "dialogue_timeline": ("dialogue_timeline", {}),
    "meetings_by_level": ("meetings_by_level", {}),
    "who_met_whom": ("who_met_whom", {}),
    "request_classification": ("request_classification", {}),
    "evidence-first-dialogue": ("evidence", _evidence_dialogue),
    "evidence-first-request": ("evidence", _evidence_request),
    "search_paragraphs-helicopters": ("search_paragraphs", {"query": "helicopters and night vision goggles", "top": 5}),
    "search_paragraphs-dialogue": ("search_paragraphs", {"query": "security dialogue working group", "top": 5}),
}


def case_output(case: str, data: Path) -> str:
    recipe, params = CASES[case]
    return to_csv(run(recipe, data, params(data) if callable(params) else params))


def regenerate(data: Path | None = None) -> list[Path]:
    """Rewrite every expected file from the release in ``data`` (default: the seed release)."""
    data = data or SEED_RELEASE
    if not data.is_dir():
        raise SystemExit(f"{data} does not exist: cut the seed release first (engagements release 0.1.0)")
    EXPECTED.mkdir(parents=True, exist_ok=True)
    written = []
    for case in CASES:
        path = EXPECTED / f"{case}.csv"
        path.write_text(case_output(case, data), encoding="utf-8")
        written.append(path)
    return written


def test_every_recipe_has_a_seed_case():
    assert {recipe for recipe, _ in CASES.values()} == set(cookbook.names())


@pytest.fixture(scope="module")
def seed_release() -> Path:
    if not (SEED_RELEASE / "requests.parquet").is_file():
        pytest.skip(f"{SEED_RELEASE.relative_to(ROOT)} does not exist yet: the seed release is cut at the end of the "
                    "release work; then run `python -m engagements.recipes --regenerate-expected` and review the diff")
    if os.environ.get("REGENERATE_SQL_EXPECTED"):
        regenerate(SEED_RELEASE)
    return SEED_RELEASE


@pytest.mark.parametrize("case", list(CASES))
def test_recipe_output_on_the_seed_release(seed_release, case):
    expected = EXPECTED / f"{case}.csv"
    assert expected.is_file(), f"{expected.relative_to(ROOT)} is missing: run `python -m engagements.recipes --regenerate-expected`"
    got = case_output(case, seed_release)
    assert got == expected.read_text(encoding="utf-8"), (
        f"recipe output for {case} changed; if that is intended, run "
        "`python -m engagements.recipes --regenerate-expected` and review the diff"
    )


def test_seed_outputs_are_not_empty_where_the_seeds_have_records(seed_release):
    # the two seed cables hold the BWG dialogue and FM Garcia Belaunde's requests
    for case in ("requests_by_item", "dialogue_timeline", "who_met_whom", "evidence-first-request", "search_paragraphs-helicopters"):
        assert len(case_output(case, seed_release).splitlines()) > 1, case
