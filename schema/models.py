"""The tables of a release, one pydantic model each: the single source of truth for every field.

The JSON Schema files, the Frictionless descriptor, the Arrow schemas and the codebook are all
generated from these classes (see ``emit.py``); change a field here and regenerate.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import CableId, Edtf, PartyCode, Record
from .vocab import (
    DialogueBasis,
    DialogueKind,
    ErrorCode,
    Level,
    Marking,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    RequestItem,
    RequestStatus,
    SourceForm,
    TagKind,
)

# ---------------------------------------------------------------------------------------------
# Evidence: every extracted record says where it came from and how.


class Provenance(Record):
    """How an extracted record is tied to the paragraphs and exact words it rests on, and by what rule."""

    paragraph_numbers: list[int] = Field(description="Numbers of the paragraphs that state the record, ascending.")
    quote_paragraph: int = Field(description="The paragraph whose text contains `quote`.")
    quote: str = Field(min_length=1, description="An exact substring of the text of paragraph `quote_paragraph`: the words the record rests on.")
    method: str = Field(description="The extraction rule that produced the record, as `family:rule` (e.g. `meetings:memcon-head`).")
    confidence: float = Field(ge=0.0, le=1.0, description="The rule's estimated precision, from 0 to 1: set per rule from its precision on the annotated development cables and hand-checked samples of the open corpus (see each extractor's rule table).")


class Evidence(Provenance):
    """Provenance within one cable: every per-cable record carries it."""

    cable_id: CableId = Field(description="The cable the record was read from.")


class EventCoding(Record):
    """Event-ontology codes, so records can be joined with CAMEO- and PLOVER-coded event data."""

    cameo_code: str = Field(pattern=r"^[0-9]{2,4}$", description="CAMEO event code (e.g. 036 express intent to meet, 043 make a visit, 0232 appeal for military aid).")
    plover_type: str = Field(description="PLOVER event type (e.g. CONSULT, REQUEST).")
    plover_mode: str | None = Field(default=None, description="PLOVER mode of the event type (e.g. visit, host, meet for CONSULT), or null.")


# ---------------------------------------------------------------------------------------------
# Cables and their text.


class Cable(Record):
    """One cable, whatever the number of renderings it was read from."""

    cable_id: CableId = Field(description="Canonical reference id (malformed ids such as 08ECTION01OF02MANAMA492 canonicalised to 08MANAMA492).")
    source_path: str = Field(description="The input file the cable's fields and records were taken from (the preferred rendering), relative to the input root.")
    source_form: SourceForm = Field(description="The form of `source_path`.")
    renderings: list[str] = Field(description="Every input file that held this cable, as `form:path`, sorted.")
    created_datetime: dt.datetime | None = Field(description="The WikiLeaks page's Created field as printed (UTC), else the date-time group or press dateline. The page's date is right but its minutes repeat the hour on a 12-hour clock: use `sent_datetime` for the time of day.")
    sent_datetime: dt.datetime | None = Field(description="When the cable was sent, UTC, from its date-time group (or a press dateline); null when the rendering carries neither. Its minutes are right.")
    origin: str | None = Field(description="The sending post as written (e.g. 'Embassy Lima', 'AMEMBASSY LIMA', 'Secretary of State').")
    origin_code: str | None = Field(description="The post's code as used in reference ids (e.g. LIMA, STATE, NEWDELHI).")
    classification: str | None = Field(description="Overall classification with caveats, e.g. CONFIDENTIAL, SECRET//NOFORN, UNCLASSIFIED//FOR OFFICIAL USE ONLY.")
    precedence: str | None = Field(description="Precedence of the action addressee: FLASH, IMMEDIATE, PRIORITY or ROUTINE.")
    to_addressees: list[str] = Field(description="TO addressees without routing indicators or serials (e.g. 'SECSTATE WASHDC').")
    info_addressees: list[str] = Field(description="INFO addressees without routing indicators or serials.")
    subject: str | None = Field(description="The SUBJECT line, joined where it runs onto the next line; null when the cable has none.")
    tags: list[str] = Field(description="TAGS in the order written (details per tag in `cable_tags`).")
    references: list[str] = Field(description="Canonical ids of the cables listed under REF.")
    other_references: list[str] = Field(description="REF entries that are not cables (e-mails, memos, meetings, letters), as written.")
    classified_by: str | None = Field(description="The classifying official as written on the 'Classified by' line, title included.")
    classification_reasons: list[str] = Field(description="E.O. 12958 reasons, normalised as '1.4(b)'.")
    declassify_on: dt.date | None = Field(description="The declassification date of the E.O. line, when it is a date.")
    declassify_on_text: str | None = Field(description="The declassification instruction as written (e.g. '09/25/2029', 'N/A', 'TWENTY YEARS').")
    signer: str | None = Field(description="The surname signing the cable, as written at its end.")
    is_partial: bool = Field(description="True when the source says the record is a partial extract of the original cable.")
    is_press_version: bool = Field(description="True for press renderings (dateline, unwrapped paragraphs) rather than wire text.")
    is_truncated: bool = Field(description="True when the body ends in a stub or cut (e.g. ' ...'); its records may be incomplete.")
    paragraph_count: int = Field(ge=0, description="Number of rows in `paragraphs` for this cable.")
    body_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the UTF-8 normalised body in `cable_texts`; paragraph offsets index that body.")


class CableTag(Record):
    """One TAGS entry of a cable, typed."""

    cable_id: CableId = Field(description="The cable.")
    position: int = Field(ge=1, description="1-based position of the tag in the TAGS line.")
    tag: str = Field(description="The tag as written (e.g. PREL, PE, OAS).")
    kind: TagKind = Field(description="What the tag names.")
    meaning: str | None = Field(description="What the tag stands for, where known (e.g. 'External Political Relations', 'Peru').")
    country_code: str | None = Field(description="ISO 3166-1 alpha-3 code for country tags, else null.")


class CableText(Record):
    """The normalised body of a cable: the text that paragraph offsets and quotes point into."""

    cable_id: CableId = Field(description="The cable.")
    body: str = Field(description="Normalised body text: entities decoded, markup removed, line ends as LF.")
    body_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of `body` encoded as UTF-8.")


class Paragraph(Record):
    """One paragraph of a cable body, with its portion marking."""

    cable_id: CableId = Field(description="The cable.")
    paragraph_number: int = Field(ge=0, description="The paragraph's number as the cable means it (pilcrow artefacts such as '11.' for '1.' mended); unnumbered blocks are numbered in order and flagged.")
    is_numbered: bool = Field(description="True when the cable itself numbers this paragraph.")
    printed_number: int | None = Field(default=None, ge=0, description="The number as the cable prints it (pilcrow artefacts mended), null for unnumbered blocks; differs from `paragraph_number` only where the cable prints a number twice.")
    marking: Marking | None = Field(description="Portion marking without parentheses (U, SBU, C, S, S/NF ...), or null.")
    heading: str | None = Field(description="The section heading printed just before the paragraph, if any.")
    text: str = Field(description="Paragraph text, normalised, without number, marking, section and page markers.")
    char_start: int = Field(ge=0, description="Offset of the paragraph's first character in the cable's body (`cable_texts.body`).")
    char_end: int = Field(ge=0, description="Offset just past the paragraph's last character in the body.")


# ---------------------------------------------------------------------------------------------
# Engagement records.


class Dialogue(Provenance):
    """A standing mechanism between governments, one row however many cables mention it."""

    dialogue_id: str = Field(pattern=r"^dlg-[a-z0-9-]+$", description="Stable id from the parties and the name or acronym, e.g. dlg-per-usa-bwg.")
    name: str = Field(description="The mechanism's name as written (e.g. 'Bilateral Working Group').")
    acronym: str | None = Field(description="Its acronym where the cable defines or uses one.")
    country_codes: list[PartyCode] = Field(description="Parties, ISO 3166-1 alpha-3 (or organisation acronym), sorted.")
    kind: DialogueKind = Field(description="What kind of mechanism it is.")
    basis: DialogueBasis | None = Field(description="What it rests on, or null when the cables do not say.")
    established_edtf: Edtf | None = Field(description="When it was established (or first met), EDTF, or null.")
    frequency: str | None = Field(description="How often it meets, in words, or null.")
    first_cable_id: CableId = Field(description="The earliest cable (by id order) that describes it; its provenance fields (paragraphs, quote) point into that cable.")
    cable_count: int = Field(ge=1, description="How many cables mention it (rows in `dialogue_mentions`).")


class DialogueMention(Evidence):
    """A cable that describes a dialogue: the link between one dialogue and many cables."""

    dialogue_id: str = Field(pattern=r"^dlg-[a-z0-9-]+$", description="The dialogue.")


class Meeting(Evidence, EventCoding):
    """One gathering on a date reported or planned by a cable; dialogue sessions included."""

    meeting_id: str = Field(pattern=r"^mtg-[0-9A-Za-z]+-[0-9a-f]{10}$", description="Stable id: cable id and a hash of the meeting's anchor (first paragraph, date, venue).")
    dialogue_id: str | None = Field(description="The dialogue this is a session of, or null.")
    session_number: int | None = Field(ge=1, description="Ordinal of the session within its dialogue where the text gives one ('second BWG' is 2).")
    date_edtf: Edtf | None = Field(description="When, EDTF: a day, month, interval or approximate date; null when unknown.")
    date_start: dt.date | None = Field(description="Earliest day `date_edtf` allows (approximate dates widened), or null.")
    date_end: dt.date | None = Field(description="Latest day `date_edtf` allows, or null.")
    city: str | None = Field(description="City of the venue, or null.")
    country_code: str | None = Field(description="ISO 3166-1 alpha-3 code of the venue's country, or null.")
    status: MeetingStatus = Field(description="Whether it was held, planned, proposed or cancelled.")
    kind: MeetingKind = Field(description="How the cable reports it: memcon, meeting, call-on, visit, codel, dialogue-session (the vocabulary also states the CAMEO/PLOVER crosswalk used for meetings).")


class MeetingParticipant(Evidence):
    """A person (or a title) at a meeting, with side, role and level."""

    participant_id: str = Field(pattern=r"^par-[0-9A-Za-z]+-[0-9a-f]{10}$", description="Stable id from the meeting and the person's name or title.")
    meeting_id: str = Field(description="The meeting.")
    name: str | None = Field(description="Full name as a reader would write it, or null when the cable gives only a title.")
    title: str | None = Field(description="Title or office as written, abbreviations expanded (e.g. 'Deputy Assistant Secretary').")
    country_code: PartyCode | None = Field(description="The government (or organisation) the person serves.")
    role: ParticipantRole = Field(description="Lead, participant or notetaker.")
    level: Level | None = Field(description="Rank of the person's office on the level scale; null when it cannot be told.")


class Request(Evidence, EventCoding):
    """One party asks another for one item."""

    request_id: str = Field(pattern=r"^req-[0-9A-Za-z]+-[0-9a-f]{10}$", description="Stable id: cable id and a hash of (requester country, addressee country, item, item text).")
    meeting_id: str | None = Field(description="The meeting where it was raised, or null.")
    requester: str | None = Field(description="Who asked, as written (e.g. 'FM Garcia Belaunde').")
    requester_country_code: PartyCode | None = Field(description="The requester's government or organisation.")
    addressee: str | None = Field(description="Who was asked, as written, or null.")
    addressee_country_code: PartyCode | None = Field(description="The addressee's government or organisation.")
    item: RequestItem = Field(description="What was asked for, on the item vocabulary.")
    item_text: str = Field(description="The cable's own words for the item.")
    status: RequestStatus | None = Field(description="Where the request stands as the cable reports it.")
    date_edtf: Edtf | None = Field(description="When it was made, EDTF, or null.")
    date_start: dt.date | None = Field(description="Earliest day `date_edtf` allows, or null.")
    date_end: dt.date | None = Field(description="Latest day `date_edtf` allows, or null.")


class Quarantine(Record):
    """An input that could not become a cable, or a record that could not be kept, with why."""

    quarantine_id: str = Field(pattern=r"^qua-[0-9a-f]{12}$", description="Stable id from the source path, cable id and error type.")
    source_path: str = Field(description="The input file, relative to the input root.")
    cable_id: str | None = Field(description="The cable's id when it could be read.")
    error_type: ErrorCode = Field(description="Stable error code.")
    error_message: str = Field(description="What went wrong, naming the file or cable and the reason, and what to do.")
    byte_count: int = Field(ge=0, description="Size of the input file in bytes.")
    sha256: str | None = Field(description="SHA-256 of the input file's bytes, so the exact input can be found again.")
