"""The two seed cables read exactly as the gold says.

The gold files are loaded at run time from ../shared/gold/seeds (never copied here); the test
skips without them, and fails under CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, seed_path
from engagements.extract.read import read_path


def _fields(doc) -> dict:
    """The reader's values under the gold's names."""
    c = doc.cable
    return {
        "origin": c.origin_code,
        "classification": c.classification,
        "created": c.created_datetime.strftime("%Y-%m-%dT%H:%MZ") if c.created_datetime else None,
        "precedence": c.precedence,
        "subject": c.subject,
        "tags": c.tags,
        "references": c.references,
        "signer": c.signer,
        "classified_by": c.classified_by,
        "reasons": c.classification_reasons,
        "declassify_on": c.declassify_on.isoformat() if c.declassify_on else None,
        "to": c.to_addressees,
        "info": c.info_addressees,
        "paragraphs": [{"number": p.printed_number, "marking": p.marking} for p in doc.paragraphs if p.is_numbered],
    }


def _gold(gold_dir: Path, source_prefix: str) -> dict:
    for path in sorted((gold_dir / "seeds").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if Path(gold["source"]).name.startswith(source_prefix):
            return gold
    pytest.fail(f"no gold file in {gold_dir / 'seeds'} names a source starting with {source_prefix}")


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_seed_matches_gold(prefix, gold_dir):
    gold = _gold(gold_dir, prefix)
    doc = read_path(seed_path(prefix), SEEDS)
    assert doc.cable_id == gold["cable_id"]
    mine = _fields(doc)
    expected = {k: v for k, v in gold["cable"].items() if k in mine}
    assert mine == expected


def test_seed_000_pilcrow_numbers_are_mended():
    """Printed 11.-16., meant 1-6: the numbers the text carries and the ones the cable means."""
    doc = read_path(seed_path("000"), SEEDS)
    assert [p.paragraph_number for p in doc.paragraphs] == [1, 2, 3, 4, 5, 6]
    assert all(p.is_numbered for p in doc.paragraphs)


def test_seed_004_paragraph_nine_inside_eight():
    doc = read_path(seed_path("004"), SEEDS)
    eight, nine = doc.paragraph(8), doc.paragraph(9)
    assert eight.text.endswith("as well as the UN.")
    assert nine.text.startswith("Garcia Belaunde said the situation in Honduras")
    assert nine.marking == "S"


def test_seed_004_headings_kept_out_of_text():
    doc = read_path(seed_path("004"), SEEDS)
    assert doc.paragraph(4).heading == "SHINING PATH AND NARCOTRAFFICKERS POSE SERIOUS THREAT"
    assert doc.paragraph(7).heading == "UPCOMING ELECTIONS"
    assert "----" not in doc.paragraph(6).text
    assert "UPCOMING" not in doc.paragraph(6).text
