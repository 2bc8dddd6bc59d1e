"""Shared fixtures.  Tests that need ../shared skip with a reason when it is absent, and fail
when the CI variable is set: CI must never pass by skipping the corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()
SEEDS = ROOT / "engagements" / "data" / "seeds"


def _require(path: Path) -> Path:
    if path.exists():
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{path} is required when CI is set (the corpus tests must run in CI)")
    pytest.skip(f"{path} is absent: this test reads the shared corpus/gold, which is not on this machine")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _require(SHARED / "corpus")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _require(SHARED / "gold")


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ('000' is 09LIMA1661, '004' 09STATE103113)."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path
