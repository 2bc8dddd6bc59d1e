"""A small synthetic release for the SQL recipe tests, built from the schema's own models.

Three cables in the style of the seeds: 09LIMA1661 (the Peru-US Bilateral Working Group, three
sessions, one request), 09STATE103113 (a memcon with five participants and five requests) and a
made-up 10BOGOTA123 (a Colombia-US dialogue session, two requests, a mention of the BWG).  Every
quote is an exact substring of its paragraph, as in a real build.  Ids are written by hand
(readable, in the id patterns) rather than hashed, so expected outputs are easy to read.

Other ``test_sql_*`` modules import ``build_release`` from here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from engagements.schema import registry
from engagements.schema.models import (
    Cable,
    CableTag,
    CableText,
    Dialogue,
    DialogueMention,
    Meeting,
    MeetingParticipant,
    Paragraph,
    Request,
)

from engagements import parquet

UTC = dt.UTC

# cable id -> (created, subject, classification, tags, [(number, marking, text)])
CABLES = {
    "09LIMA1661": (
        dt.datetime(2009, 11, 20, 16, 58, tzinfo=UTC),
        "PERU: INFORMATION ON SECURITY DIALOGUE",
        "CONFIDENTIAL",
        ["PREL", "PGOV", "MARR", "PE", "MOPS"],
        [
            (1, "U", "Please find below Embassy Lima's responses to questions posed in reftel."),
            (2, "SBU", "The U.S. and Peru have a formal dialogue mechanism referred to as the Bilateral Working Group (BWG) whose purpose is to discuss a wide range of security cooperation issues."),
            (3, "SBU", "The USG and the GOP held their first BWG of a pol/mil to pol/mil nature in May of 2007 Washington DC. The BWG dialogue mechanism was established and is regulated through an informal understanding."),
            (4, "SBU", "The second (last) BWG met 17-20 June 2009 in Lima. The next BWG is expected to take place in Washington DC around the same month in 2010."),
            (5, "SBU", "The last BWG was chaired by a Deputy Assistant Secretary of Defense (DASD) for the USG and a Minister of Defense (MOD) representing the GOP."),
            (6, "C", "By early August the Peruvian armed forces presented a request to the DoD for exactly such an assessment. The initiative has been approved and is moving forward."),
        ],
    ),
    "09STATE103113": (
        dt.datetime(2009, 9, 29, 14, 5, tzinfo=UTC),
        "U/S BURNS'S MEETING WITH PERUVIAN FM GARCIA BELAUNDE",
        "SECRET",
        ["BR", "PE", "PREL", "SNAR", "OAS"],
        [
            (1, "U", "September 25, 2009; 4:00 p.m.; New York City, NY, USA."),
            (2, "U", "Participants: UNITED STATES U/S Willian J. Burns DAS Christopher J. McMullen Sara Mangiaracina (WHA Notetaker) PERU FM Jose Antonio Garcia Belaunde Luis Valdivieso, Peruvian Ambassador to the United States"),
            (3, "S", "U/S Burns and Peruvian FM Garcia Belaunde discussed the threat posed to Peru by a resurgent Shining Path movement working with narcotraffickers. Regarding Honduras, Garcia Belaunde called for further action from the USG and the UN."),
            (4, "C", "Highlighting concerns of collaboration between narcotraffickers and mercenary remnants of the Shining Path (SP) Movement, Garcia Belaunde raised the need for more equipment, training, and greater intelligence sharing."),
            (5, "C", "Garcia Belaunde specifically requested helicopters and night vision goggles, as well as increased intelligence sharing and security training."),
        ],
    ),
    "10BOGOTA123": (
        dt.datetime(2010, 2, 12, 9, 30, tzinfo=UTC),
        "COLOMBIA: SECOND HIGH LEVEL PARTNERSHIP DIALOGUE",
        "CONFIDENTIAL",
        ["PREL", "CO", "SNAR"],
        [
            (1, "U", "Deputy Secretary Jane Roe and Foreign Minister Juan Perez opened the second session of the High Level Partnership Dialogue (HLPD) in Bogota on February 10, 2010."),
            (2, "C", "Perez asked for additional helicopters for the counter-narcotics brigade and for help with the extradition backlog."),
            (3, None, "The BWG with Peru, the model for the HLPD, was cited by both sides."),
            (4, "C/NF", "Vice Minister Ana Diaz noted that the first HLPD session was held in Washington in 2009."),
        ],
    ),
}

TAG_KINDS = {"PE": ("country", "Peru", "PER"), "CO": ("country", "Colombia", "COL"), "BR": ("country", "Brazil", "BRA"), "OAS": ("organisation", "Organization of American States", None)}


def _id(prefix: str, cable_id: str, n: int) -> str:
    return f"{prefix}-{cable_id}-{n:010x}"


def _evidence(cable_id, paragraphs, quote_paragraph, quote, method, confidence=0.9):
    text = {n: t for n, _m, t in CABLES[cable_id][4]}[quote_paragraph]
    assert quote in text, (cable_id, quote_paragraph, quote)
    return {"cable_id": cable_id, "paragraph_numbers": paragraphs, "quote_paragraph": quote_paragraph, "quote": quote, "method": method, "confidence": confidence}


MTG = {k: _id("mtg", c, n) for k, c, n in [("bwg1", "09LIMA1661", 1), ("bwg2", "09LIMA1661", 2), ("bwg3", "09LIMA1661", 3), ("memcon", "09STATE103113", 1), ("hlpd2", "10BOGOTA123", 2), ("hlpd1", "10BOGOTA123", 1)]}


def _cables() -> dict[str, list]:
    out: dict[str, list] = {n: [] for n in ("cables", "cable_tags", "cable_texts", "paragraphs")}
    for cable_id, (created, subject, classification, tags, paras) in CABLES.items():
        body, offsets = "", []
        for _n, _m, text in paras:
            if body:
                body += "\n\n"
            offsets.append((len(body), len(body) + len(text)))
            body += text
        sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        origin = cable_id[2:].rstrip("0123456789")
        out["cables"].append(Cable(
            cable_id=cable_id, source_path=f"pre/{cable_id}.txt", source_form="pre_fragment", renderings=[f"pre_fragment:pre/{cable_id}.txt"],
            created_datetime=created, sent_datetime=created, origin=f"Embassy {origin.title()}", origin_code=origin, classification=classification,
            precedence="PRIORITY", to_addressees=["SECSTATE WASHDC"], info_addressees=[], subject=subject, tags=tags,
            references=[], other_references=[], classified_by=None, classification_reasons=["1.4(d)"], declassify_on=None,
            declassify_on_text=None, signer=None, is_partial=False, is_press_version=False, is_truncated=False,
            paragraph_count=len(paras), body_sha256=sha,
        ))
        for position, tag in enumerate(tags, 1):
            kind, meaning, code = TAG_KINDS.get(tag, ("subject", None, None))
            out["cable_tags"].append(CableTag(cable_id=cable_id, position=position, tag=tag, kind=kind, meaning=meaning, country_code=code))
        out["cable_texts"].append(CableText(cable_id=cable_id, body=body, body_sha256=sha))
        for (number, marking, text), (start, end) in zip(paras, offsets):
            out["paragraphs"].append(Paragraph(cable_id=cable_id, paragraph_number=number, is_numbered=True, marking=marking, heading=None, text=text, char_start=start, char_end=end))
    return out


def _dialogues() -> dict[str, list]:
    bwg = Dialogue(
        dialogue_id="dlg-per-usa-bwg", name="Bilateral Working Group", acronym="BWG", country_codes=["PER", "USA"], kind="pol-mil",
        basis="informal-understanding", established_edtf="2007-05", frequency=None, first_cable_id="09LIMA1661", cable_count=2,
        paragraph_numbers=[2, 3, 4, 5], quote_paragraph=2, quote="Bilateral Working Group (BWG)", method="dialogues:named-mechanism", confidence=0.9,
    )
    hlpd = Dialogue(
        dialogue_id="dlg-col-usa-hlpd", name="High Level Partnership Dialogue", acronym="HLPD", country_codes=["COL", "USA"], kind="strategic",
        basis=None, established_edtf="2009", frequency=None, first_cable_id="10BOGOTA123", cable_count=1,
        paragraph_numbers=[1, 4], quote_paragraph=1, quote="High Level Partnership Dialogue (HLPD)", method="dialogues:named-mechanism", confidence=0.85,
    )
    mentions = [
        DialogueMention(dialogue_id="dlg-per-usa-bwg", **_evidence("09LIMA1661", [2, 3, 4, 5], 2, "Bilateral Working Group (BWG)", "dialogues:named-mechanism")),
        DialogueMention(dialogue_id="dlg-per-usa-bwg", **_evidence("10BOGOTA123", [3], 3, "The BWG with Peru", "dialogues:acronym", 0.7)),
        DialogueMention(dialogue_id="dlg-col-usa-hlpd", **_evidence("10BOGOTA123", [1, 4], 1, "High Level Partnership Dialogue (HLPD)", "dialogues:named-mechanism", 0.85)),
    ]
    return {"dialogues": [bwg, hlpd], "dialogue_mentions": mentions}


def _meeting(key, dialogue_id, session, edtf, start, end, city, country, status, kind, evidence, cameo="043", mode="visit"):
    return Meeting(
        meeting_id=MTG[key], dialogue_id=dialogue_id, session_number=session, date_edtf=edtf,
        date_start=start, date_end=end, city=city, country_code=country, status=status, kind=kind,
        cameo_code=cameo, plover_type="CONSULT", plover_mode=mode, **evidence,
    )


def _meetings() -> list[Meeting]:
    d = dt.date
    return [
        _meeting("bwg1", "dlg-per-usa-bwg", 1, "2007-05", d(2007, 5, 1), d(2007, 5, 31), "Washington", "USA", "held", "dialogue-session",
                 _evidence("09LIMA1661", [3], 3, "held their first BWG", "meetings:dialogue-session")),
        _meeting("bwg2", "dlg-per-usa-bwg", 2, "2009-06-17/2009-06-20", d(2009, 6, 17), d(2009, 6, 20), "Lima", "PER", "held", "dialogue-session",
                 _evidence("09LIMA1661", [4, 5], 4, "The second (last) BWG met 17-20 June 2009 in Lima", "meetings:dialogue-session")),
        _meeting("bwg3", "dlg-per-usa-bwg", 3, "2010-06~", d(2010, 5, 1), d(2010, 7, 31), "Washington", "USA", "planned", "dialogue-session",
                 _evidence("09LIMA1661", [4], 4, "The next BWG is expected to take place in Washington DC", "meetings:dialogue-session", 0.7), cameo="036", mode=None),
        _meeting("memcon", None, None, "2009-09-25", d(2009, 9, 25), d(2009, 9, 25), "New York", "USA", "held", "memcon",
                 _evidence("09STATE103113", [1, 2, 3], 1, "September 25, 2009; 4:00 p.m.; New York City, NY, USA.", "meetings:memcon-head", 0.95), mode="meet"),
        _meeting("hlpd2", "dlg-col-usa-hlpd", 2, "2010-02-10", d(2010, 2, 10), d(2010, 2, 10), "Bogota", "COL", "held", "dialogue-session",
                 _evidence("10BOGOTA123", [1, 2], 1, "opened the second session of the High Level Partnership Dialogue", "meetings:dialogue-session")),
        _meeting("hlpd1", "dlg-col-usa-hlpd", 1, "2009", d(2009, 1, 1), d(2009, 12, 31), "Washington", "USA", "held", "dialogue-session",
                 _evidence("10BOGOTA123", [4], 4, "the first HLPD session was held in Washington in 2009", "meetings:dialogue-session", 0.8)),
    ]


# (meeting key, n, name, title, country, role, level, paragraph, quote)
PARTICIPANTS = [
    ("bwg2", 1, None, "Deputy Assistant Secretary of Defense", "USA", "lead", "deputy_assistant_secretary", 5, "Deputy Assistant Secretary of Defense (DASD)"),
    ("bwg2", 2, None, "Minister of Defense", "PER", "lead", "minister", 5, "Minister of Defense (MOD)"),
    ("memcon", 1, "William J. Burns", "Under Secretary", "USA", "lead", "deputy_minister", 2, "U/S Willian J. Burns"),
    ("memcon", 2, "Christopher J. McMullen", "Deputy Assistant Secretary", "USA", "participant", "deputy_assistant_secretary", 2, "DAS Christopher J. McMullen"),
    ("memcon", 3, "Sara Mangiaracina", "Notetaker", "USA", "notetaker", "working_level", 2, "Sara Mangiaracina (WHA Notetaker)"),
    ("memcon", 4, "Jose Antonio Garcia Belaunde", "Foreign Minister", "PER", "lead", "minister", 2, "FM Jose Antonio Garcia Belaunde"),
    ("memcon", 5, "Luis Valdivieso", "Ambassador to the United States", "PER", "participant", "ambassador", 2, "Luis Valdivieso, Peruvian Ambassador to the United States"),
    ("hlpd2", 1, "Jane Roe", "Deputy Secretary", "USA", "lead", "deputy_minister", 1, "Deputy Secretary Jane Roe"),
    ("hlpd2", 2, "Juan Perez", "Foreign Minister", "COL", "lead", "minister", 1, "Foreign Minister Juan Perez"),
    ("hlpd2", 3, "Ana Diaz", "Vice Minister", "COL", "participant", "deputy_minister", 4, "Vice Minister Ana Diaz"),
]


def _participants() -> list[MeetingParticipant]:
    rows = []
    for key, n, name, title, country, role, level, para, quote in PARTICIPANTS:
        cable_id = MTG[key].split("-")[1]
        ev = _evidence(cable_id, [para], para, quote, "meetings:participants")
        rows.append(MeetingParticipant(participant_id=_id("par", cable_id, 16 * MTG_ORDER[key] + n), meeting_id=MTG[key], name=name, title=title,
                                       country_code=country, role=role, level=level, **ev))
    return rows


MTG_ORDER = {k: i for i, k in enumerate(MTG, 1)}

# (cable, n, meeting key, requester, req country, addressee, addr country, item, item_text, status, edtf, start, end, paragraphs, quote_paragraph, quote)
REQUESTS = [
    ("09LIMA1661", 1, None, "the Peruvian armed forces", "PER", "the DoD", "USA", "technical_assistance", "such an assessment", "approved", "2009-08", dt.date(2009, 8, 1), dt.date(2009, 8, 31), [6], 6, "presented a request to the DoD for exactly such an assessment"),
    ("09STATE103113", 1, "memcon", "FM Garcia Belaunde", "PER", None, "USA", "helicopters", "helicopters", "requested", "2009-09-25", dt.date(2009, 9, 25), dt.date(2009, 9, 25), [5], 5, "requested helicopters"),
    ("09STATE103113", 2, "memcon", "FM Garcia Belaunde", "PER", None, "USA", "night_vision_devices", "night vision goggles", "requested", "2009-09-25", dt.date(2009, 9, 25), dt.date(2009, 9, 25), [5], 5, "night vision goggles"),
    ("09STATE103113", 3, "memcon", "FM Garcia Belaunde", "PER", None, "USA", "intelligence_sharing", "increased intelligence sharing", "requested", "2009-09-25", dt.date(2009, 9, 25), dt.date(2009, 9, 25), [4, 5], 5, "increased intelligence sharing"),
    ("09STATE103113", 4, "memcon", "FM Garcia Belaunde", "PER", None, "USA", "training", "security training", "requested", "2009-09-25", dt.date(2009, 9, 25), dt.date(2009, 9, 25), [4, 5], 5, "security training"),
    ("09STATE103113", 5, "memcon", "Garcia Belaunde", "PER", "the USG", "USA", "diplomatic_action", "further action", None, "2009-09-25", dt.date(2009, 9, 25), dt.date(2009, 9, 25), [3], 3, "called for further action from the USG"),
    ("10BOGOTA123", 1, "hlpd2", "Perez", "COL", None, "USA", "helicopters", "additional helicopters", "requested", "2010-02-10", dt.date(2010, 2, 10), dt.date(2010, 2, 10), [2], 2, "asked for additional helicopters"),
    ("10BOGOTA123", 2, "hlpd2", "Perez", "COL", None, "USA", "legal_cooperation", "help with the extradition backlog", "pending", None, None, None, [2], 2, "help with the extradition backlog"),
]


def _requests() -> list[Request]:
    rows = []
    for cable_id, n, key, requester, rc, addressee, ac, item, item_text, status, edtf, start, end, paras, qp, quote in REQUESTS:
        rows.append(Request(
            request_id=_id("req", cable_id, n), meeting_id=MTG[key] if key else None, requester=requester, requester_country_code=rc,
            addressee=addressee, addressee_country_code=ac, item=item, item_text=item_text, status=status, date_edtf=edtf,
            date_start=start, date_end=end, cameo_code="0232" if item != "diplomatic_action" else "020", plover_type="REQUEST", plover_mode=None,
            **_evidence(cable_id, paras, qp, quote, "requests:asked-for"),
        ))
    return rows


def rows() -> dict[str, list]:
    """Model instances per table name (every table of the registry, quarantine empty)."""
    out = {**_cables(), **_dialogues(), "meetings": _meetings(), "meeting_participants": _participants(), "requests": _requests(), "quarantine": []}
    assert set(out) == set(registry.BY_NAME), set(out) ^ set(registry.BY_NAME)
    return out


def build_release(directory: Path, *, skip: tuple[str, ...] = ()) -> Path:
    """Write one Parquet file per table into ``directory`` (leaving out the tables in ``skip``)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, models in rows().items():
        if name in skip:
            continue
        t = registry.table(name)
        parquet.write_table(t, parquet.to_arrow(t, [m.model_dump() for m in models]), directory / f"{name}.parquet")
    return directory


def test_the_synthetic_release_is_valid_and_complete(tmp_path):
    import duckdb

    out = build_release(tmp_path / "rel")
    con = duckdb.connect()
    counts = {t.name: con.execute(f"select count(*) from read_parquet('{out / t.name}.parquet')").fetchall()[0][0] for t in registry.TABLES}
    assert counts == {"cables": 3, "cable_tags": 13, "cable_texts": 3, "paragraphs": 15, "dialogues": 2, "dialogue_mentions": 3,
                      "meetings": 6, "meeting_participants": 10, "requests": 8, "quarantine": 0}
    # every quote is an exact substring of its paragraph, as the pipeline guarantees
    bad = con.execute(f"""
        select r.request_id from read_parquet('{out}/requests.parquet') r
        join read_parquet('{out}/paragraphs.parquet') p on p.cable_id = r.cable_id and p.paragraph_number = r.quote_paragraph
        where strpos(p.text, r.quote) = 0""").fetchall()
    assert bad == []
