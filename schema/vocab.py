"""Controlled vocabularies: every enumerated value with the description users read in the codebook.

Each vocabulary is a ``str`` Enum so that values serialise as plain strings in Parquet and JSON,
while the description of each value lives beside it, once.  ``describe(enum)`` gives the
value -> description mapping that the JSON Schema, datapackage and codebook emitters use.
"""

from __future__ import annotations

from enum import Enum


class Vocabulary(str, Enum):
    """A str Enum whose members carry a description: ``Member = ("value", "description")``."""

    def __new__(cls, value: str, description: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.description = description
        return obj

    def __str__(self) -> str:  # f-strings and joins give the bare value
        return self.value


def describe(vocab: type[Vocabulary]) -> dict[str, str]:
    return {m.value: m.description for m in vocab}


class SourceForm(Vocabulary):
    WIKILEAKS_PAGE = ("wikileaks_page", "A whole WikiLeaks cable page (XHTML) with navigation, metadata table and header/body <pre> blocks.")
    WIKILEAKS_PAGE_CUT = ("wikileaks_page_cut", "A WikiLeaks page cut to the bytes from <table class='cable'> to the end.")
    PRE_FRAGMENT = ("pre_fragment", "The <code><pre> body of a WikiLeaks page alone, with real newlines and paragraph anchors.")
    RAW_TELEGRAM = ("raw_telegram", "Plain telegram text with a VZCZC routing header, FM/TO/INFO lines (often Latin-1, CRLF).")
    PLAIN_TEXT = ("plain_text", "A plain-text rendering of a cable (e.g. Markdown-ish copy with the header and body as text).")


class TagKind(Vocabulary):
    SUBJECT = ("subject", "A TAGS subject category such as PREL (external political relations).")
    COUNTRY = ("country", "A two-letter State Department country or territory tag such as PE (Peru).")
    PROGRAM = ("program", "A program or activity tag such as SIPDIS, OVIP, KPAO or an ASEC/ECON program tag.")
    ORGANISATION = ("organisation", "An international organisation tag such as OAS, UN, NATO, EU.")
    PERSON = ("person", "A person tag: an individual's name written in TAGS (e.g. ZELAYA, MANUEL).")
    UNKNOWN = ("unknown", "A tag whose kind could not be determined.")


class Marking(Vocabulary):
    U = ("U", "Unclassified.")
    SBU = ("SBU", "Sensitive but unclassified.")
    U_FOUO = ("U/FOUO", "Unclassified, for official use only.")
    SBU_NF = ("SBU/NF", "Sensitive but unclassified, not releasable to foreign nationals.")
    C = ("C", "Confidential.")
    C_NF = ("C/NF", "Confidential, not releasable to foreign nationals (NOFORN).")
    C_REL = ("C/REL", "Confidential, releasable to named partners.")
    S = ("S", "Secret.")
    S_NF = ("S/NF", "Secret, not releasable to foreign nationals (NOFORN).")
    S_REL = ("S/REL", "Secret, releasable to named partners.")
    TS = ("TS", "Top secret.")
    TS_NF = ("TS/NF", "Top secret, not releasable to foreign nationals.")


class DialogueKind(Vocabulary):
    POL_MIL = ("pol-mil", "Political-military: foreign and defence ministries together (security dialogues, pol-mil working groups).")
    MIL_TO_MIL = ("mil-to-mil", "Purely military: staff talks, service-to-service working groups, defence consultative talks.")
    STRATEGIC = ("strategic", "A strategic dialogue covering the whole relationship, usually at ministerial or deputy level.")
    ECONOMIC = ("economic", "Trade, finance, energy or economic dialogues and joint economic commissions.")
    LAW_ENFORCEMENT = ("law-enforcement", "Counter-narcotics, police, justice, maritime law-enforcement mechanisms.")
    OTHER = ("other", "Any other standing mechanism (science, consular, human rights, ...).")


class DialogueBasis(Vocabulary):
    FORMAL_AGREEMENT = ("formal-agreement", "Established or regulated by a signed agreement, treaty or memorandum.")
    INFORMAL_UNDERSTANDING = ("informal-understanding", "Established or regulated by an informal understanding.")


class MeetingStatus(Vocabulary):
    HELD = ("held", "It took place.")
    PLANNED = ("planned", "A date or firm intent is set.")
    PROPOSED = ("proposed", "Suggested by one side, not agreed.")
    CANCELLED = ("cancelled", "It was planned and then called off.")


class MeetingKind(Vocabulary):
    """How a cable reports a meeting.  Event coding of meetings (CAMEO 1.1b3 -> PLOVER type and
    mode): planned, proposed or cancelled -> 036 'express intent to meet or negotiate',
    CONSULT, mode null; held with the venue in one party's country -> 042 'make a visit' (the
    visitor's view; 043 'host a visit' is the host's), CONSULT/visit; held at a third country ->
    044 'meet at a third location', CONSULT/meet; held at an unknown venue -> 040 'consult, not
    specified', CONSULT/meet."""

    MEMCON = ("memcon", "A memorandum of conversation: a date/time/place head and a participants list.")
    MEETING = ("meeting", "A meeting reported in prose: 'met with', 'in a meeting with', 'told the Ambassador on <date>', talks, a demarche delivered.")
    CALL_ON = ("call-on", "A call paid on an official: 'called on', 'paid a courtesy call on'.")
    VISIT = ("visit", "A visit by an official or delegation to another government, or a summit.")
    CODEL = ("codel", "A visit by a US congressional delegation.")
    DIALOGUE_SESSION = ("dialogue-session", "A session of a standing dialogue.")


class ParticipantRole(Vocabulary):
    LEAD = ("lead", "Chairs the meeting or heads a side's delegation.")
    PARTICIPANT = ("participant", "Takes part without leading.")
    NOTETAKER = ("notetaker", "Takes notes for a side.")


class Level(Vocabulary):
    HEAD_OF_STATE = ("head_of_state", "Head of state or government: president, prime minister, king, emir.")
    MINISTER = ("minister", "Cabinet minister or equivalent; the US Secretary of State or Defense.")
    DEPUTY_MINISTER = ("deputy_minister", "Deputy or vice minister; US Deputy Secretary and Under Secretary.")
    ASSISTANT_SECRETARY = ("assistant_secretary", "US Assistant Secretary or foreign equivalent.")
    DEPUTY_ASSISTANT_SECRETARY = ("deputy_assistant_secretary", "US Deputy Assistant Secretary (DAS, DASD, PDAS) or foreign equivalent.")
    AMBASSADOR = ("ambassador", "Ambassador or chargé d'affaires.")
    SENIOR_OFFICIAL = ("senior_official", "Other senior officials: director generals, national security advisers, senior directors, governors.")
    MILITARY_COMMANDER = ("military_commander", "Commanders and chiefs of armed forces, services and combatant commands.")
    LEGISLATOR = ("legislator", "Members of a legislature: senators, representatives, deputies.")
    WORKING_LEVEL = ("working_level", "Working-level officials: desk officers, embassy officers, staff.")
    OTHER = ("other", "Any other official role.")


class RequestItem(Vocabulary):
    """What a request asks for.  Event coding of requests (CAMEO 1.1b3 '02 Make an appeal or
    request' -> PLOVER): every request is PLOVER type REQUEST with mode null (the item says what
    was asked for); the CAMEO code of each item is given in its description.  Equipment,
    training and technical help for security forces count as military aid (0232)."""

    HELICOPTERS = ("helicopters", "Helicopters or helicopter support. CAMEO 0232 (appeal for military aid).")
    NIGHT_VISION_DEVICES = ("night_vision_devices", "Night-vision goggles and devices. CAMEO 0232.")
    AIRCRAFT = ("aircraft", "Fixed-wing aircraft, drones, aircraft parts or flights. CAMEO 0232.")
    VESSELS = ("vessels", "Boats, ships and maritime craft. CAMEO 0232.")
    VEHICLES = ("vehicles", "Ground vehicles. CAMEO 0232.")
    WEAPONS = ("weapons", "Arms, ammunition and munitions. CAMEO 0232.")
    COMMUNICATIONS_EQUIPMENT = ("communications_equipment", "Radios and communications systems. CAMEO 0232.")
    SURVEILLANCE_EQUIPMENT = ("surveillance_equipment", "Radars, sensors, cameras and surveillance systems. CAMEO 0232.")
    EQUIPMENT_OTHER = ("equipment_other", "Other or unspecified equipment. CAMEO 0232.")
    INTELLIGENCE_SHARING = ("intelligence_sharing", "Sharing of intelligence or information. CAMEO 0214 (appeal for intelligence co-operation).")
    TRAINING = ("training", "Training and education. CAMEO 0232.")
    TECHNICAL_ASSISTANCE = ("technical_assistance", "Expert advice, assessments and technical help. CAMEO 0232.")
    FINANCIAL_ASSISTANCE = ("financial_assistance", "Money: aid, loans, budget support, funding. CAMEO 0231 (appeal for economic aid).")
    HUMANITARIAN_ASSISTANCE = ("humanitarian_assistance", "Humanitarian and disaster relief. CAMEO 0233 (appeal for humanitarian aid).")
    DIPLOMATIC_ACTION = ("diplomatic_action", "A diplomatic step: a vote, statement, pressure, support in a forum; US demarches. CAMEO 0243 (appeal for policy change).")
    MEETING = ("meeting", "A meeting, visit or dialogue. CAMEO 026 (appeal to meet or negotiate).")
    LEGAL_COOPERATION = ("legal_cooperation", "Extradition, legal assistance, agreements on law enforcement. CAMEO 0213 (appeal for judicial co-operation).")
    OTHER = ("other", "Anything else. CAMEO 020 (make an appeal or request, not specified).")


class RequestStatus(Vocabulary):
    REQUESTED = ("requested", "Asked for; no answer reported.")
    APPROVED = ("approved", "Agreed to or granted.")
    DENIED = ("denied", "Refused.")
    PENDING = ("pending", "Under consideration.")
    DELIVERED = ("delivered", "Provided.")


class ErrorCode(Vocabulary):
    EMPTY_FILE = ("empty-file", "The file has no bytes, or only white space.")
    BINARY_FILE = ("binary-file", "The file holds binary data (NUL bytes or mostly non-text bytes), not cable text.")
    UNREADABLE_FILE = ("unreadable-file", "The file could not be opened or decoded.")
    NOT_A_CABLE = ("not-a-cable", "The text has none of the marks of a cable (no header, classification banner or paragraphs).")
    TRUNCATED_CABLE = ("truncated-cable", "The cable stops before its body: a header with no text, or a body cut short with no paragraphs.")
    MISSING_CABLE_ID = ("missing-cable-id", "No reference id could be read from the page, the header or the file name.")
    EXTRACTION_FAILED = ("extraction-failed", "An extractor raised an error on this cable; its cable row is kept, its records are not.")
    INVALID_RECORD = ("invalid-record", "A record failed schema validation and was left out.")
