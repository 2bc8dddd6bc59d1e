"""Meetings read from cables: the memcon of seed 004 exactly, and prose rules on cable-style text."""

import datetime as dt

from engagements.extract.meetings import event_coding, extract_meetings
from engagements.extract.read import read_path

from conftest import seed_path


def _by_meeting(participants):
    out = {}
    for p in participants:
        out.setdefault(p.meeting_id, []).append(p)
    return out


def test_seed_004_memcon_gives_the_new_york_meeting_with_six_participants():
    doc = read_path(seed_path("004"))
    meetings, participants = extract_meetings(doc)
    assert len(meetings) == 1
    (m,) = meetings
    assert (m.date_edtf, m.city, m.country_code, m.status, m.kind) == ("2009-09-25", "New York", "USA", "held", "memcon")
    assert m.method == "meetings:memcon-head"
    para = doc.paragraph(m.quote_paragraph)
    assert m.quote in para.text
    rows = [(p.name, p.title, p.country_code, p.role, p.level) for p in participants]
    assert rows == [
        ("William J. Burns", "Under Secretary", "USA", "lead", "deputy_minister"),
        ("Christopher J. McMullen", "Deputy Assistant Secretary", "USA", "participant", "deputy_assistant_secretary"),
        ("Sara Mangiaracina", "WHA Notetaker", "USA", "notetaker", "working_level"),
        ("Jose Antonio Garcia Belaunde", "Foreign Minister", "PER", "lead", "minister"),
        ("Luis Valdivieso", "Peruvian Ambassador to the United States", "PER", "participant", "ambassador"),
        ("Luis Chavez", "Peruvian Deputy Permanent Representative to the UN", "PER", "participant", "ambassador"),
    ]
    for p in participants:
        assert p.quote in doc.paragraph(p.quote_paragraph).text
        assert p.meeting_id == m.meeting_id


def test_event_coding_crosswalk():
    assert event_coding("planned", "USA", {"USA", "PER"}) == ("036", "CONSULT", None)
    assert event_coding("held", "PER", {"USA", "PER"}) == ("042", "CONSULT", "visit")
    assert event_coding("held", "FRA", {"USA", "RUS"}) == ("044", "CONSULT", "meet")
    assert event_coding("held", None, {"USA", "RUS"}) == ("040", "CONSULT", "meet")
