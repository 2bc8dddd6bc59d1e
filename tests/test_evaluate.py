"""Scoring against gold: the matching rules, and the seeds scored end to end."""

from __future__ import annotations

import json

import pytest

from engagements.errors import GoldFormatError
from engagements.evaluate import (
    Score,
    _date_score,
    _greedy,
    _meeting_pair_score,
    evaluate,
    load_gold,
)


def test_f1_is_the_harmonic_mean_and_empty_is_perfect():
    s = Score(tp=8, fp=2, fn=8)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert round(s.f1, 4) == round(2 * 0.8 * 0.5 / 1.3, 4)
    assert Score().f1 == 1.0


def test_dates_match_exactly_or_by_overlapping_bounds():
    assert _date_score("2009-06-17/2009-06-20", "2009-06-17/2009-06-20") == 3
    assert _date_score("2009-06", "2009-06-18") == 2  # a day inside the month
    assert _date_score("2009-06", "2009-08-01") == 0
    assert _date_score(None, "2009-06-18") == 1  # compatible, but pairs after exact ones


def test_meetings_pair_on_date_and_country():
    gold = {"date": "2009-09-25", "country": "USA"}
    assert _meeting_pair_score(gold, {"date_edtf": "2009-09-25", "country_code": "USA"}) > _meeting_pair_score(gold, {"date_edtf": "2009-09", "country_code": None})
    assert _meeting_pair_score(gold, {"date_edtf": "2009-09-25", "country_code": "PER"}) == 0


def test_greedy_pairing_uses_each_record_once():
    pairs = _greedy([1, 2], [1, 1, 2], lambda g, p: 1 if g == p else 0)
    assert sorted(pairs) == [(0, 1), (1, 2)] or sorted(pairs) == [(0, 0), (1, 2)]


def test_a_file_that_is_not_gold_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"no": "cable id"}))
    with pytest.raises(GoldFormatError, match="x.json"):
        load_gold([bad])


def test_the_seeds_score_perfectly_against_their_gold(gold_dir):
    report = evaluate([gold_dir / "seeds"], shared_root=gold_dir.parent)
    scores = {k: v.f1 for k, v in report.scores.items()}
    assert scores == {"dialogues": 1.0, "meetings": 1.0, "leads": 1.0, "participants": 1.0, "requests": 1.0}, report.to_text()
    assert set(report.field_accuracy().values()) == {1.0}, report.to_text()
