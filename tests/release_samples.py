"""Small synthetic tables built from the schema's models, for tests of releases, loading and
validation that must not depend on the extractors.  ``build_sample(paths, out_dir)`` has the
signature of ``engagements.pipeline.build``: each path is a file whose lines are cable ids, so a
test can change the "corpus" and watch records come and go.

Test modules ``import release_samples``: pytest puts ``tests/`` (conftest.py's folder) on
``sys.path``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from engagements.schema import models as m
from engagements.schema.registry import TABLES
from engagements.schema.types import field_type

from engagements import datapackage, parquet


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _digest(*parts: object) -> str:
    return _sha("|".join(map(str, parts)))[:10]


def make(model, **values):
    """A model row from ``values``, with any field they leave out null (or an empty list), so
    these samples keep working when the schema gains a nullable field."""
    for name, info in model.model_fields.items():
        if name not in values:
            ft = field_type(info.annotation)
            if ft.nullable or ft.is_list:
                values[name] = [] if ft.is_list and not ft.nullable else None
    return model(**values)


def rows_for(cable_id: str, subject: str = "Bilateral Working Group meets") -> dict[str, list]:
    """One cable with two paragraphs, a dialogue, a meeting, one participant and one request."""
    p1 = f"The second Bilateral Working Group met in Lima on 3 March 2009. {subject}."
    p2 = "FM Garcia asked for helicopters to support counter-narcotics work."
    body = f"1. {p1}\n\n2. {p2}\n"
    cable = make(m.Cable, 
        cable_id=cable_id, source_path=f"{cable_id}.txt", source_form="raw_telegram",
        renderings=[f"raw_telegram:{cable_id}.txt"], created_datetime=dt.datetime(2009, 3, 4, 12, tzinfo=dt.UTC),
        origin="Embassy Lima", origin_code="LIMA", classification="CONFIDENTIAL", precedence="PRIORITY",
        to_addressees=["SECSTATE WASHDC"], info_addressees=[], subject=subject, tags=["PREL", "PE"],
        references=[], other_references=[], classified_by=None, classification_reasons=["1.4(b)"],
        declassify_on=dt.date(2019, 3, 4), declassify_on_text="03/04/2019", signer="MCKINLEY",
        is_partial=False, is_press_version=False, is_truncated=False, paragraph_count=2, body_sha256=_sha(body),
    )
    tags = [
        make(m.CableTag, cable_id=cable_id, position=1, tag="PREL", kind="subject", meaning="External Political Relations", country_code=None),
        make(m.CableTag, cable_id=cable_id, position=2, tag="PE", kind="country", meaning="Peru", country_code="PER"),
    ]
    text = make(m.CableText, cable_id=cable_id, body=body, body_sha256=_sha(body))
    paragraphs = [
        make(m.Paragraph, cable_id=cable_id, paragraph_number=n, is_numbered=True, marking="C", heading=None,
                    text=t, char_start=body.index(t), char_end=body.index(t) + len(t))
        for n, t in ((1, p1), (2, p2))
    ]
    evidence = {"cable_id": cable_id, "paragraph_numbers": [1], "quote_paragraph": 1, "quote": "Bilateral Working Group",
                    "method": "test:synthetic", "confidence": 0.9}
    dialogue = make(m.Dialogue, 
        dialogue_id="dlg-per-usa-bwg", name="Bilateral Working Group", acronym="BWG", country_codes=["PER", "USA"],
        kind="pol-mil", basis=None, established_edtf="2008", frequency=None, first_cable_id=cable_id, cable_count=1,
        paragraph_numbers=[1], quote_paragraph=1, quote="Bilateral Working Group", method="test:synthetic", confidence=0.9,
    )
    mention = make(m.DialogueMention, dialogue_id="dlg-per-usa-bwg", **evidence)
    meeting_id = f"mtg-{cable_id}-{_digest('mtg', cable_id)}"
    meeting = make(m.Meeting, 
        meeting_id=meeting_id, dialogue_id="dlg-per-usa-bwg", session_number=2, date_edtf="2009-03-03",
        date_start=dt.date(2009, 3, 3), date_end=dt.date(2009, 3, 3), city="Lima", country_code="PER",
        status="held", kind="dialogue-session", cameo_code="036", plover_type="CONSULT", plover_mode="meet", **evidence,
    )
    participant = make(m.MeetingParticipant, 
        participant_id=f"par-{cable_id}-{_digest('par', cable_id)}", meeting_id=meeting_id, cable_id=cable_id,
        name="Jose Garcia Belaunde", title="Foreign Minister", country_code="PER", role="lead", level="minister",
        paragraph_numbers=[2], quote_paragraph=2, quote="FM Garcia", method="test:synthetic", confidence=0.8,
    )
    request = make(m.Request, 
        request_id=f"req-{cable_id}-{_digest('req', cable_id)}", meeting_id=meeting_id, requester="FM Garcia",
        requester_country_code="PER", addressee=None, addressee_country_code="USA", item="helicopters",
        item_text="helicopters", status="requested", date_edtf=None, date_start=None, date_end=None,
        cameo_code="0232", plover_type="REQUEST", plover_mode=None,
        **{**evidence, "paragraph_numbers": [2], "quote_paragraph": 2, "quote": "asked for helicopters"},
    )
    return {
        "cables": [cable], "cable_tags": tags, "cable_texts": [text], "paragraphs": paragraphs,
        "dialogues": [dialogue], "dialogue_mentions": [mention], "meetings": [meeting],
        "meeting_participants": [participant], "requests": [request], "quarantine": [],
    }


def write_rows(rows: dict[str, list], out_dir: Path, dataset_version: str | None = None) -> Path:
    """Write every table (model instances) to ``out_dir`` and describe it, as the pipeline does."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        data = parquet.to_arrow(table, [r.model_dump() for r in rows.get(table.name, [])])
        parquet.write_table(table, data, out_dir / f"{table.name}.parquet", dataset_version=dataset_version)
    datapackage.write_descriptor(out_dir, dataset_version, None)
    return out_dir


def build_sample(paths: list[Path], out_dir: Path, dataset_version: str | None = None) -> None:
    """A stand-in for ``engagements.pipeline.build``: one synthetic cable per id listed in ``paths``."""
    merged: dict[str, list] = {t.name: [] for t in TABLES}
    dialogue = None
    lines = sorted(line for path in paths for line in Path(path).read_text().splitlines() if line.strip())
    for line in lines:
        cable_id, _, subject = line.partition(":")
        rows = rows_for(cable_id, subject or "Bilateral Working Group meets")
        dialogue = dialogue or rows["dialogues"][0]
        del rows["dialogues"]
        for name, items in rows.items():
            merged[name].extend(items)
    if dialogue:
        dialogue.cable_count = len(lines)
    merged["dialogues"] = [dialogue] if dialogue else []
    write_rows(merged, out_dir, dataset_version)


def corpus(tmp_path: Path, *cable_ids: str, name: str = "corpus.txt") -> Path:
    """A "corpus" file for ``build_sample``: one cable id (optionally ``id:subject``) a line."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    path.write_text("\n".join(cable_ids) + "\n")
    return path


def release_sample(root: Path, version: str = "0.1.0", *cable_ids: str) -> Path:
    """A frozen release of the synthetic cables under ``root`` (default cables: two from Lima)."""
    from engagements.release import release

    ids = cable_ids or ("09LIMA1661", "09LIMA1700")
    return release(version, [corpus(root, *ids, name=f"corpus-{version}.txt")], root / "datasets", build=build_sample)


def make_writable(folder: Path) -> None:
    """Releases are frozen read-only; tests that tamper with one must undo that first."""
    for path in folder.iterdir():
        path.chmod(0o644)
