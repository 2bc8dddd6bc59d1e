"""One cable in, every engagement record out: meetings, dialogues and their sessions, requests.

The meetings extractor and the dialogues extractor can both see one encounter ("The second
BWG met 17-20 June 2009 in Lima" is a meeting and a session).  ``merge_sessions`` keeps one
row per encounter: the meetings extractor's row (its participants point at it) gains the
session's dialogue, ordinal and any date or venue it lacked.  Requests are read last so each
can be linked to the meeting where it was raised.
"""

from __future__ import annotations

from engagements.schema import Meeting, MeetingParticipant

from .countries import host_country
from .dates import edtf_bounds
from .dialogues import extract_dialogues, session_leads
from .document import Extraction, ParsedCable
from .meetings import extract_meetings
from .requests import extract_requests


def extract_records(doc: ParsedCable) -> Extraction:
    """Everything the extractors find in one cable, with no encounter recorded twice."""
    host = host_country(doc)
    meetings, participants = extract_meetings(doc, host)
    dialogues, mentions, sessions = extract_dialogues(doc)
    leads = session_leads(doc, sessions)
    meetings, participants = merge_sessions(meetings, participants, sessions, leads)
    requests = extract_requests(doc, meetings, participants)
    return Extraction(
        dialogues=dialogues,
        dialogue_mentions=mentions,
        meetings=meetings,
        participants=participants,
        requests=requests,
    )


def merge_sessions(meetings: list[Meeting], participants: list[MeetingParticipant],
                   sessions: list[Meeting], leads: list[MeetingParticipant]) -> tuple[list[Meeting], list[MeetingParticipant]]:
    """Meetings plus sessions, a session found by both extractors kept once."""
    out_meetings = list(meetings)
    out_participants = list(participants)
    taken: set[str] = set()
    for session in sessions:
        twin = _twin(session, meetings, taken)
        session_leads_ = [p for p in leads if p.meeting_id == session.meeting_id]
        if twin is None:
            out_meetings.append(session)
            out_participants.extend(session_leads_)
            continue
        taken.add(twin.meeting_id)
        _absorb(twin, session)
        sides = {p.country_code for p in out_participants if p.meeting_id == twin.meeting_id and p.role == "lead"}
        for lead in session_leads_:
            if lead.country_code not in sides:
                out_participants.append(lead.model_copy(update={"meeting_id": twin.meeting_id}))
    return out_meetings, out_participants


def _twin(session: Meeting, meetings: list[Meeting], taken: set[str]) -> Meeting | None:
    """The meeting that reports the same encounter: it shares a paragraph, its date agrees
    (both dated and overlapping, or the session undated and the meeting in its paragraph), and
    its venue country does not contradict the session's."""
    best = None
    for m in meetings:
        if m.meeting_id in taken or m.dialogue_id or not set(m.paragraph_numbers) & set(session.paragraph_numbers):
            continue
        if m.country_code and session.country_code and m.country_code != session.country_code:
            continue
        if not _dates_agree(m.date_edtf, session.date_edtf):
            continue
        if m.date_edtf is None and session.date_edtf is not None:
            continue  # an undated meeting in a paragraph about a dated session: too loose
        if best is None or (m.date_edtf == session.date_edtf and best.date_edtf != session.date_edtf):
            best = m
    return best


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    alo, ahi = edtf_bounds(a)
    blo, bhi = edtf_bounds(b)
    return bool(alo and ahi and blo and bhi and alo <= bhi and blo <= ahi)


def _absorb(meeting: Meeting, session: Meeting) -> None:
    """The session's knowledge moves onto the meeting row, which keeps its own id."""
    meeting.dialogue_id = session.dialogue_id
    meeting.session_number = session.session_number
    meeting.kind = "dialogue-session"
    if meeting.date_edtf is None and session.date_edtf:
        meeting.date_edtf, meeting.date_start, meeting.date_end = session.date_edtf, session.date_start, session.date_end
    if meeting.city is None and session.city:
        meeting.city, meeting.country_code = session.city, session.country_code
    if meeting.country_code is None and session.country_code:
        meeting.country_code = session.country_code
    meeting.paragraph_numbers = sorted(set(meeting.paragraph_numbers) | set(session.paragraph_numbers))
