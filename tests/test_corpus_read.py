"""The whole shared corpus: every file becomes a cable or a typed error, none is lost.

Required under CI, skipped with a reason when ../shared is absent (``corpus_dir`` fixture).
Reads with two worker processes: the corpus is some 10,000 files.
"""

from __future__ import annotations

import collections
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from engagements.extract.read import read_path

from engagements.errors import CableError

pytestmark = pytest.mark.corpus

FOLDERS = ("html", "pages", "pre", "raw")


def _read_one(args: tuple[str, str]) -> tuple:
    path, root = args
    try:
        doc = read_path(Path(path), Path(root))
    except CableError as err:
        return ("error", path, err.code, str(err))
    body = doc.text.body
    broken = [p.paragraph_number for p in doc.paragraphs if body[p.char_start:p.char_end] != p.text]
    keys = [p.paragraph_number for p in doc.paragraphs]
    return ("cable", path, doc.cable_id, broken, len(keys) != len(set(keys)))


@pytest.fixture(scope="module")
def corpus_results(corpus_dir):
    files = sorted(str(f) for folder in FOLDERS for f in (corpus_dir / folder).iterdir() if f.is_file())
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_read_one, [(f, str(corpus_dir)) for f in files], chunksize=64))
    return files, results


def test_no_file_is_lost(corpus_results):
    files, results = corpus_results
    assert len(results) == len(files)
    assert {r[1] for r in results} == set(files)


def test_errors_are_typed_and_not_reader_bugs(corpus_results):
    _, results = corpus_results
    errors = [r for r in results if r[0] == "error"]
    bugs = [r for r in errors if "reader failed" in r[3]]
    assert not bugs, bugs[:5]
    by_code = collections.Counter(r[2] for r in errors)
    # the corpus holds two kinds of unreadable files: <pre> fragments the mirror cut from the
    # wrong element ('Appears in these articles:') and stubs that stop after the header lines
    assert set(by_code) <= {"not-a-cable", "truncated-cable"}, by_code
    assert by_code["truncated-cable"] < 0.01 * len(results), by_code


def test_every_cable_of_the_corpus_is_read(corpus_results):
    """Each cable id the corpus names (file stems, canonicalised) has at least one reading."""
    _, results = corpus_results
    read_ids = {r[2] for r in results if r[0] == "cable"}
    errors = [r for r in results if r[0] == "error"]
    from engagements.extract.ids import canonical_id

    not_cables = {canonical_id(Path(r[1]).stem) for r in errors if r[2] == "not-a-cable"}
    stubs = {canonical_id(Path(r[1]).stem) for r in errors if r[2] == "truncated-cable"}
    # each fragment's cable is read from its page, unless that page is a stub too
    assert not not_cables - read_ids - stubs, sorted(not_cables - read_ids - stubs)[:20]
    assert len(read_ids) > 6700


def test_paragraph_offsets_and_keys(corpus_results):
    _, results = corpus_results
    cables = [r for r in results if r[0] == "cable"]
    assert not [r[1] for r in cables if r[3]][:10]
    assert not [r[1] for r in cables if r[4]][:10]
