"""The integration: one record per encounter, requests linked to meetings, evidence everywhere."""

from conftest import seed_path
from engagements.extract.engagement import extract_records
from engagements.extract.read import read_path


def _check_evidence(doc, rows):
    for r in rows:
        assert r.quote in doc.paragraph(r.quote_paragraph).text, (r.method, r.quote)
        assert r.quote_paragraph in r.paragraph_numbers or not r.paragraph_numbers or hasattr(r, "dialogue_id")
        assert 0 < r.confidence <= 1


def test_seed_000_sessions_are_meetings_once_each():
    doc = read_path(seed_path("000"))
    found = extract_records(doc)
    sessions = [m for m in found.meetings if m.dialogue_id == "dlg-per-usa-bwg"]
    assert sorted((m.session_number or 0, m.date_edtf) for m in sessions) == [
        (0, "2007-11~"), (1, "2007-05"), (2, "2009-06-17/2009-06-20"), (3, "2010-06~")]
    assert len({m.meeting_id for m in found.meetings}) == len(found.meetings)
    dates = [m.date_edtf for m in found.meetings]
    assert len(dates) == len(set(dates)), "an encounter recorded twice"
    second = next(m for m in sessions if m.session_number == 2)
    leads = sorted((p.country_code, p.level) for p in found.participants if p.meeting_id == second.meeting_id and p.role == "lead")
    assert leads == [("PER", "minister"), ("USA", "deputy_assistant_secretary")]
    _check_evidence(doc, found.meetings + found.requests + found.dialogue_mentions)


def test_seed_004_requests_point_at_the_memcon_meeting():
    doc = read_path(seed_path("004"))
    found = extract_records(doc)
    assert found.dialogues == []
    (meeting,) = found.meetings
    assert {r.meeting_id for r in found.requests} == {meeting.meeting_id}
    _check_evidence(doc, found.meetings + found.requests)
