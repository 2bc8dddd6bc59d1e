"""One cable, two renderings, one reading: every corpus cable that has a ``pre/`` fragment and a
WikiLeaks page is read from both, and every difference in cable fields, paragraphs and records
is reported; the differences that remain must be explained ones.

Explained differences (each counted in the report):

* ``pre-unreadable``: the mirror cut the wrong element into the fragment ("Appears in these
  articles:", not-a-cable) or kept only its header lines (truncated-cable); the fragment is
  quarantined and the cable is read from its page.  When both are stubs, both are quarantined.
* ``source-text``: the two mirrors hold different texts of the cable (lines joined or wrapped,
  an export's CSV leftovers, a dateline present in one only): the normalised bodies differ, so
  fields and paragraphs read from them may differ; they are reported, not failed.
* ``page-only``: fields the fragment does not carry at all: the routing header (precedence,
  TO, INFO, origin as written), the metadata table (created, classification as the page field,
  which wins over the banner), the partial-extract notice.  ``created`` is compared only when
  the fragment dates itself (press dateline) and the page has no date-time group.
* ``reference-year``: a STATE reference written without its year takes the year before when
  its serial is too high for the day the cable was sent; the fragment knows that day only
  from its DECL date, so the two readings may differ by a year.

Records are compared after copying the page-only fields into the fragment's reading (the
extractors read the sending date); where the two readings are then the same in everything an
extractor sees, their records are the same by construction, and extraction runs only where
they are not.
"""

from __future__ import annotations

import collections
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from engagements.extract.read import read_path

from engagements.errors import CableError

pytestmark = pytest.mark.corpus

COMPARED = (
    "cable_id", "origin_code", "subject", "tags", "references", "other_references", "classified_by",
    "classification_reasons", "declassify_on", "declassify_on_text", "signer", "is_press_version",
    "is_truncated", "paragraph_count", "body_sha256",
)
PAGE_ONLY = ("created_datetime", "origin", "classification", "precedence", "to_addressees", "info_addressees", "is_partial")
OWN = ("source_path", "source_form", "renderings")


def _paragraph_rows(doc) -> list[tuple]:
    return [(p.paragraph_number, p.printed_number, p.is_numbered, p.marking, p.heading, p.text) for p in doc.paragraphs]


def _records(doc) -> dict[str, list[str]]:
    from engagements.extract.engagement import extract_records

    ex = extract_records(doc)
    return {
        "dialogues": sorted(d.dialogue_id for d in ex.dialogues),
        "meetings": sorted(m.meeting_id for m in ex.meetings),
        "participants": sorted(p.participant_id for p in ex.participants),
        "requests": sorted(r.request_id for r in ex.requests),
    }


def _compare(args: tuple[str, str, str]) -> dict:
    pre_path, page_path, root = args
    root_path = Path(root)
    out: dict = {"pre": pre_path, "page": page_path, "explained": [], "unexplained": []}
    try:
        page = read_path(Path(page_path), root_path)
    except CableError as err:
        page = err
    try:
        pre = read_path(Path(pre_path), root_path)
    except CableError as err:
        both = "both-unreadable" if isinstance(page, CableError) else "pre-unreadable"
        out["explained"].append((both, err.code))
        return out
    if isinstance(page, CableError):
        out["unexplained"].append(("page-unreadable", page.code, str(page), ""))
        return out
    a, b = pre.cable.model_dump(mode="json"), page.cable.model_dump(mode="json")
    same_text = pre.text.body == page.text.body
    for field in COMPARED:
        if a[field] != b[field]:
            kind = "source-text" if not same_text else ("reference-year" if field == "references" and _only_years_differ(a[field], b[field]) else None)
            (out["explained"] if kind else out["unexplained"]).append((kind or "field", field, a[field], b[field]))
    if a["created_datetime"] and b["created_datetime"] and a["created_datetime"] != b["created_datetime"]:
        out["explained"].append(("page-only", "created_datetime", a["created_datetime"], b["created_datetime"]))
    for field in PAGE_ONLY:
        if a[field] != b[field] and field != "created_datetime":
            out["explained"].append(("page-only", field, a[field], b[field]))
    pa, pb = _paragraph_rows(pre), _paragraph_rows(page)
    if pa != pb:
        diff = [(x, y) for x, y in zip(pa, pb) if x != y][:3] or [(len(pa), len(pb))]
        (out["explained"] if not same_text else out["unexplained"]).append(("source-text" if not same_text else "paragraphs", "paragraphs", str(diff)[:500], ""))
    # records: give the fragment what only the page carries, then compare what extractors see
    for field in PAGE_ONLY:
        setattr(pre.cable, field, getattr(page.cable, field))
    seen_a = {k: v for k, v in pre.cable.model_dump().items() if k not in OWN}
    seen_b = {k: v for k, v in page.cable.model_dump().items() if k not in OWN}
    if seen_a == seen_b and pa == pb and same_text and [t.model_dump() for t in pre.tags] == [t.model_dump() for t in page.tags]:
        out["records"] = "same-input"
        return out
    try:
        ra, rb = _records(pre), _records(page)
    except ImportError:
        out["records"] = "no-extractors"
        return out
    out["records"] = "compared"
    for family in ra:
        if ra[family] != rb[family]:
            kind = "source-text" if not same_text else "reference-year" if seen_a["references"] != seen_b["references"] else None
            entry = (kind or "records", family, len(ra[family]), len(rb[family]))
            (out["explained"] if kind else out["unexplained"]).append(entry)
    return out


def _only_years_differ(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(x[2:] == y[2:] for x, y in zip(a, b))


def _pairs(corpus: Path) -> list[tuple[str, str, str]]:
    pages = {p.stem: p for folder in ("html", "pages") for p in (corpus / folder).glob("*.html")}
    return [(str(f), str(pages[f.stem]), str(corpus)) for f in sorted((corpus / "pre").glob("*.txt")) if f.stem in pages]


@pytest.fixture(scope="module")
def comparisons(corpus_dir):
    pairs = _pairs(corpus_dir)
    with ProcessPoolExecutor(max_workers=2) as pool:
        return list(pool.map(_compare, pairs, chunksize=32))


def test_every_fragment_has_its_page(corpus_dir, comparisons):
    fragments = list((corpus_dir / "pre").glob("*.txt"))
    assert len(comparisons) == len(fragments) > 3000


def test_renderings_agree_or_differences_are_explained(comparisons, tmp_path_factory):
    explained = collections.Counter(e[0] + ":" + e[1] for c in comparisons for e in c["explained"])
    unexplained = [(c["pre"], e) for c in comparisons for e in c["unexplained"]]
    records = collections.Counter(c.get("records", "not-read") for c in comparisons)
    report = {
        "pairs": len(comparisons),
        "identical_bodies": sum(1 for c in comparisons if not any(e[0] == "source-text" for e in c["explained"]) and "records" in c),
        "explained": dict(sorted(explained.items())),
        "records": dict(records),
        "unexplained": [(p, [str(x)[:300] for x in e]) for p, e in unexplained],
    }
    out = Path(os.environ.get("RENDERINGS_REPORT", tmp_path_factory.mktemp("renderings") / "report.json"))
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nrenderings report: {out}\n" + json.dumps({k: v for k, v in report.items() if k != "unexplained"}, indent=1))
    assert not unexplained, unexplained[:10]
