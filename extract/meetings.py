"""Meetings: encounters between officials of two governments (or a government and an
international organisation) that a cable reports or plans.

How cables write them, and the rule that reads each (``method`` is ``meetings:<rule>``):

* ``memcon-head``: a memorandum of conversation opens with "September 25, 2009; 4:00 p.m.;
  New York City, NY, USA." and a "Participants:" block listing each side's people.  The block
  gives participants, sides, roles and leads (see ``people.parse_participants``).
* ``met-with``: "The Ambassador met with President Rahmonov on December 1", "A/S Welch met
  Libyan Foreign Minister Shalgam on January 3", "X and Y met in Madrid".
* ``call-on``: "called on", "paid a (courtesy) call on".
* ``told-us``: a foreign official "told the Ambassador / Econoff / us on December 15" -- a
  conversation reported by the post, dated.
* ``during-meeting``: "during his/a ... meeting with ...", "in a ... meeting on 14 September".
* ``visit``: "X's visit to Y", "X visited Y", "CODEL X" -- a visit is an encounter with the host.
* ``future``: "will meet ... on <date>", "is scheduled to visit ... on <date>" (planned).
* ``talks``: "held talks with", "resume migration talks on July 14", "meeting between India and
  Pakistan", "discussions between DUSTR X and Ambassador Y", "the upcoming India-Pakistan talks".
* ``demarche``: "Poloffs delivered the demarche October 30 to <official>".
* ``subject``: the subject line announces the meeting ("MEETING WITH PRESIDENT X"); it folds into
  the body's record of the same encounter, or stands on the first sentence naming X.

Who takes part: titled officials of the meeting's clause (not of what was said in it), with
their government from a nationality written before the title, a US-only office, the cable's
other titled mentions of the same surname, else the post's host; national groups ("Argentine
intelligence officials") count as a side but never lead; private persons (activists, party
leaders, businessmen, former officials) are no side.  Each side's lead is its highest-ranked
official (an ambassador yields to a visiting principal of his own side; among equals a named
official before an unnamed office); in a participants list, the first listed.  A delegation
statement ("the Brazilian delegation was led by X, Title"; "X, Title, led the U.S. delegation,
which included A, Title; B, Title") names the side's lead and members outright.  A lead's
country must be one the cable gives: an official placed in the post's host only by default
(no nationality, no US-only office, no other mention) does not lead a meeting held in another
country unless that country's side is named there ("Premier Wen" in a Seoul cable visiting
Pyongyang is not Korean); an unnamed office so placed is not a participant there at all.

Each candidate takes the date written in its sentence (``dates.find_dates``, resolved against
the cable's date), the venue written there ("in Lima", "New York City"), and the officials named
there with their titles.  Candidates about the same encounter (same date, or one undated and
sharing a person) are merged into one record that lists every paragraph.  A candidate needs two
parties: a US official and a foreign one, or officials of two foreign governments; phone calls,
video conferences and hypothetical meetings ("if they meet") are left out.

Event coding (CAMEO 1.1b3 / PLOVER), the crosswalk used for ``cameo_code``, ``plover_type``
and ``plover_mode``:

=====================================  ======  =========  ===========
meeting                                CAMEO   PLOVER     mode
=====================================  ======  =========  ===========
planned, proposed or cancelled         036     CONSULT    null  (036 "express intent to meet
                                                                  or negotiate"; PLOVER codes
                                                                  intent as the event type)
held; venue in a party's country       042     CONSULT    visit (042 "make a visit"; the
(one side travelled)                                              visitor's view; 043 "host a
                                                                  visit" is the host's view of
                                                                  the same event)
held; venue outside every party        044     CONSULT    meet  (044 "meet at a third
                                                                  location")
held; venue unknown                    040     CONSULT    meet  (040 "consult, not specified")
=====================================  ======  =========  ===========
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from engagements.schema import Meeting, MeetingParticipant
from engagements.schema.vocab import Level, MeetingStatus, ParticipantRole

from .countries import _ORGANISATIONS, country_code, find_countries, host_country
from .dates import DateMention, find_dates
from .document import ParsedCable
from .evidence import record_id
from .office_holders import LEVEL_OF_OFFICE, TITLE_OF_OFFICE, find_full_names, identify
from .people import Person, parse_participants
from .sentences import sentence_spans
from .titles import expand_title, level_for_title

__all__ = ["MEETING_KINDS", "event_coding", "extract_meetings"]

#: The values of ``Meeting.kind``: how the cable reports the encounter.
MEETING_KINDS = {
    "memcon": "A memorandum of conversation: date/time/place head and a participants block.",
    "meeting": "A meeting reported in prose ('met with', 'in a meeting with', 'told the Ambassador').",
    "call-on": "A call paid on an official ('called on', 'paid a courtesy call on').",
    "visit": "A visit by an official or delegation to another government.",
    "codel": "A visit by a US congressional delegation.",
    "dialogue-session": "A session of a standing dialogue (built by the dialogue extractor).",
}


def event_coding(status: str, venue: str | None, parties: set[str]) -> tuple[str, str, str | None]:
    """(CAMEO code, PLOVER type, PLOVER mode) for a meeting, per the crosswalk in the module
    docstring."""
    if status in (MeetingStatus.PLANNED, MeetingStatus.PROPOSED, MeetingStatus.CANCELLED, "planned", "proposed", "cancelled"):
        return "036", "CONSULT", None
    if venue is None:
        return "040", "CONSULT", "meet"
    if venue in parties:
        return "042", "CONSULT", "visit"
    return "044", "CONSULT", "meet"


# ---------------------------------------------------------------------------------------------
# Patterns

_F = re.IGNORECASE
_MEMCON_HEAD = re.compile(
    r"^\s*(?:(?:Date|Time|Place|Location)\s*:\s*)?(?P<date>[^;\n]{4,40}?\d{4})\s*[;,]\s*"
    r"(?:(?:Time\s*:\s*)?(?P<time>\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|hrs|hours|local)?(?:\s*(?:-|to)\s*\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?)\s*[;,]\s*)?"
    r"(?:(?:Place|Location)\s*:\s*)?(?P<place>[^\n]{2,120}?)\s*\.?\s*$",
    _F,
)
_PARTICIPANTS_LINE = re.compile(r"(?m)^[ \t]*(?:(?:list of|other)\s+)?(?:[A-Z][\w.]*\s+){0,2}(?:meeting\s+)?participants\s*(?:included|were)?\s*:", re.IGNORECASE)
_PARTICIPANTS = re.compile(r"\b(?:meeting\s+)?participants\s*(?:included|were)?\s*:", _F)

_MET = re.compile(r"\b(?:met|meets|meeting)\b(?!\s+(?:the\s+)?(?:press|media|reporters|journalists|students|business|NGO|civil society))", _F)
_MET_VERB = re.compile(r"\b(?:met|meets)\s+(?:separately\s+|jointly\s+|again\s+|privately\s+|briefly\s+|also\s+|later\s+)?(?:(?:on|in)\s+[^,.;]{1,40}?\s+)?(?:with\s+)?", _F)
_CALL_ON = re.compile(r"\b(?:called on|call(?:s|ed)? upon|paid (?:a |an )?(?:\w+ )?(?:courtesy |farewell |introductory |official )?(?:call|visit) (?:on|to)|courtesy call|introductory call|farewell call|office call)\b", _F)
_TOLD_US = re.compile(
    r"\b(?:told|informed|assured|briefed|confided to|explained to|stressed to|emphasized to|said to|noted to|complained to|expressed to|underscored to|conveyed to|gave)\s+"
    r"(?:(?:the|visiting|a)\s+)?(?:(?:U\.S\.|US|American)\s+)?"
    r"(?:Ambassador|Amb\.|Charg[eé]|CDA|DCM|PolCouns|Pol ?Couns|Polcouns|D/PolCouns|Poloffs?|PolOffs?|POLOFFS?|Econoffs?|EconOffs?|ECONOFFS?|Emb ?offs?|EMBOFFS?|EmbOffs?|Pol/?Mil ?Offs?|Pol/Econ ?Offs?|PolEcon ?Offs?|(?i:emb ?offs?|pol ?offs?|econ ?offs?)|Deputy Political Counselor|Political Counselor|Economic Counselor|DATT|Defense Attache|Legat|us|A/S|U/S|DAS|PDAS|Deputy Secretary|Under Secretary|Assistant Secretary|Senator|CODEL|Codel|the Secretary)\b",
)
_DURING = re.compile(r"\b(?:during|in|at|from|since|after|following|before|ahead of)\s+(?:a|an|the|his|her|their|its|our|this|that|[A-Z][\w'’.]*(?:'s|’s))\s+(?:[\w/'’.-]+\s+){0,6}?(?:meeting|meetings|talks|visit|call|conversation|discussion|lunch|dinner|breakfast|luncheon|encounter|bilateral|summit|session)\b", _F)
_VISIT = re.compile(r"\b(?:visit(?:ed|s|ing)?|trip|travel(?:l?ed|s)?|traveling|travelling)\s+(?:to\s+)?", _F)
_CODEL = re.compile(r"\bCODEL\b|\bcongressional delegation\b", _F)
_SUMMIT = re.compile(r"\bsummits?\b", _F)
_WILL_MEET = re.compile(r"\b(?:will|would|is to|are to|plans? to|planning to|intends? to|expects? to|is expected to|are expected to|is scheduled to|are scheduled to|scheduled to|hopes? to|agreed to)\s+(?:\w+\s+)?(?:meet|visit|travel|hold talks|host|see(?=\s+(?:the\s+)?(?-i:[A-Z])(?!\w*['’]s\b)))\b", _F)

_EXCLUDE = re.compile(
    r"\b(?:phone|telephone|telephoned|by phone|phoned|video ?conference|VTC|videoconference|e-?mail|by letter|in a letter|press conference|"
    r"if (?:he|she|they|we|the|it)\b|whether|could meet|might meet|may meet|would like to meet|wants to meet|hoped to meet|"
    r"refused to meet|declined to meet|did not meet|never met|has not met|have not met|no plans? to|"
    r"skipped|missed|snubbed|avoided|boycotted|"
    r"(?:his|her|their) (?:family|wife|husband|children|relatives|son|daughter|brother|sister)|members of (?:his|her|their) family)",
    _F,
)
_HYPOTHETICAL = re.compile(r"\b(?:may|might|could|should|would like to|wants? to|wished to|(?:was|is|were|are) (?:willing|ready|prepared) to|hope[sd]? to|if|unless|whether|possible|possibility of|potential)\s+(?:\w+\s+)?(?:meet|visit|travel|call|talks?|hold|resume|a visit|a meeting|pay|have (?:\w+ )?(?:discussions?|talks|a meeting))\b", _F)
_PROPOSED = re.compile(r"\b(?:propos(?:ed|es|al)|suggest(?:ed|s)|invit(?:ed|ation|es)|offered to host|would welcome|asked for a meeting|requested a meeting)\b", _F)
_CANCELLED = re.compile(r"\b(?:cancel(?:l?ed|s)?|called off|postponed)\b", _F)
_FUTURE = re.compile(r"\b(?:will|shall|upcoming|forthcoming|next|scheduled|planned|plans? to|is to|are to|expected to|slated|to be held|tentatively|invitation|accepted|agreed to (?:visit|meet|travel|host))\b", _F)
_ROUTINE = re.compile(r"\b(?:often|regularly|frequently|routinely|every (?:week|month|year)|periodically|from time to time|weekly|monthly|frequent)\b", _F)

#: Offices of a US embassy or US government: a person so titled, with no nationality written,
#: serves the United States.
_US_TITLE = re.compile(
    r"^(?:the\s+)?(?:U\.S\.\s+|US\s+|American\s+|visiting\s+)?(?:Ambassador|Amb\.|Charg[eé](?: d'Affaires)?|CDA|DCM|Deputy Chief of Mission|PolCouns|Polcouns|Pol ?Couns|D/PolCouns|Poloffs?|PolOffs?|POLOFFS?|Econoffs?|EconOffs?|ECONOFFS?|Emb ?offs?|EMBOFFS?|EmbOffs?|Pol/?Mil ?Offs?|Pol/Econ ?Offs?|Deputy Political Counselor|Political Counselor|Economic Counselor|DATT|Defense Attache|Legat|A/S|U/S|DAS|PDAS|DASD|Deputy Secretary|Under Secretary|Assistant Secretary|Deputy Assistant Secretary|Secretary(?! General)|Senator|Sen\.|Congressman|Congresswoman|Rep\.|CODEL|Codel|POTUS|Special Envoy|Envoy)\b",
    _F,
)
#: US principals of the cables' years, named by surname after their title ("President Obama").
_US_PRINCIPALS = {
    "Obama": {"president"}, "Bush": {"president"}, "Clinton": {"president", "secretary", "secretary of state"},
    "Rice": {"secretary", "secretary of state"}, "Powell": {"secretary", "secretary of state"},
    "Gates": {"secretary", "secretary of defense"}, "Rumsfeld": {"secretary", "secretary of defense"},
    "Cheney": {"vice president"}, "Biden": {"vice president"},
}
_US_PRONOUNS = re.compile(r"\b(?:us|we)\b")

#: A title that can head a person in prose, longest first (abbreviations included).
_HEAD_TITLES = (
    r"Attorney General|Prosecutor General|Solicitor General|Inspector General|Consul General|Comptroller General|Secretary General|Director[- ]General|Deputy Director[- ]General|"
    r"(?:EU |European |Trade |High )?Commissioner(?: for [A-Z][\w]+(?: (?:and )?[A-Z][\w]+){0,3})?|Additional Secretary|Joint Secretary|Chief Scientist|Chief Executive|Foreign Secretary|"
    r"Prime Minister|Deputy Prime Minister|Vice President|President|Premier|King|Queen|Emir|Amir(?= of\b)|Crown Prince|Sultan|Chancellor|"
    r"(?:First |Second )?Vice[- ]President(?: and Foreign Minister)?|"
    r"(?:Deputy |Vice |State )?(?:Foreign |Defen[cs]e |Interior |Finance |Trade |Justice |Economy |Health |Energy )?Minis?ter(?: of (?:the )?[A-Z][\w]+(?: (?:and |of |for )?[A-Z][\w]+){0,4}| for [A-Z][\w]+(?: (?:and )?[A-Z][\w]+){0,3})?|"
    r"Vice Foreign Minister|Foreign Secretary|State Secretary|Secretary of State|Secretary of Defen[cs]e|Secretary General|Secretary|"
    r"Deputy Secretary|Under Secretary|Assistant Secretary|Deputy Assistant Secretary|Principal Deputy Assistant Secretary|"
    r"Ambassador(?:-at-Large)?|Charg[eé] d'Affaires|Charg[eé]|CDA|DCM|Deputy Chief of Mission|"
    r"Senator|Sen\.|Congressman|Congresswoman|Speaker|Rep\.|"
    r"Brigadier|Colonel|Col\.|COL|Lt\. Col\.|Lieutenant Colonel|"
    r"General|Gen\.|Lieutenant General|Major General|Brigadier General|Admiral|Adm\.|Vice Admiral|Commander|Chief of Defen[cs]e|Major|Captain|Capt\.|Lieutenant|"
    r"(?:Foreign (?:Affairs |Policy )?|International Affairs |Presidential |Senior |Special |Political |Military |Security )?Advis[eo]r(?: to the (?:President|Prime Minister))?|"
    r"Governor|Mayor|Director General|Senior Director|Political Director|Director|Chairman|Chairwoman|Chief of Staff|National Security Advis[eo]r|Special (?:[A-Z][a-z]+ ){0,2}(?:Envoy|Representative|Advis[eo]r|Assistant|Coordinator)|Envoy|(?:[Cc]hief |[Ll]ead |[Ss]enior )?[Nn]egotiator|(?<=[A-Z0-9] )chief|"
    r"A/S|U/S|DAS|PDAS|DASD|FM|DFM|VFM|PM|VP|MOD|MinDef|DefMin|NSA|DUSTR|Deputy USTR|(?:Deputy )?U\.S\. Trade Representative|"
    r"PolCouns|Polcouns|D/PolCouns|Poloffs?|PolOffs?|POLOFFS?|Econoffs?|EconOffs?|ECONOFFS?|EmbOffs?|Emboffs?|EMBOFFS?|Pol/?Mil ?Offs?|Pol/Econ ?Offs?|Political Counselor|Deputy Political Counselor|Economic Counselor|DATT|Defense Attache|Legat"
)
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|(?:[A-Z]\.){1,3}|(?:van der|van den|de la|de los|de|da|van|von|del|la|al-|el-|bin)\s?[A-Z][a-z]+|[A-Z]{2,}(?=\s|$|[,.;]))"


def _wrapped(pattern: str) -> str:
    """A pattern written with plain spaces, matching across the line breaks of a hard-wrapped
    cable ("Senior\nDirector"): a space becomes any white space, an optional one (" ?") an
    optional white-space character, and a look-behind keeps its fixed width."""
    return (pattern.replace(" ?", "\0").replace(" ", r"\s+").replace("\0", r"\s?")
            .replace(r"(?<=[A-Z0-9]\s+)", r"(?<=[A-Z0-9]\s)"))


_PERSON = re.compile(
    r"(?:(?P<adj>\b[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch)|\bU\.S\.|\bUS|\bEU|\bUN|\bOAS)\s+)?"
    r"(?:(?:MOD|MoD|MFA|MEA|MRE|MOFA|MinDef|NSC|USTR|EUR|WHA|EAP|SCA|NEA|AF|ISN|INL|PM|EEB|DRL)\s+)?"
    r"(?P<title>\b(?:" + _wrapped(_HEAD_TITLES) + r"))\b"
    r"(?:\s+\((?![A-Z]{2,6}\))[^()\n]{1,30}\)(?=\s+" + _NAME_WORD + r"))?"  # 'Director (Europe West) G.V. Rao'
    r"(?:(?:\s+|,\s+(?=" + _NAME_WORD + r"\s+" + _NAME_WORD + r")(?![A-Z][a-z]+\s+(?:" + _HEAD_TITLES + r")\b))(?P<name>(?!(?:and|of|the|on|in|to|for|said|told|met|was|is|has|had|who|also|stated|noted|that)\b)" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3}))?"
)
_NOT_NAMES = frozenset(["The", "And", "Of", "On", "In", "To", "For", "Said", "Told", "Met", "Was", "Is", "Has", "Had", "Who", "Also", "That", "This", "These", "When", "While", "During", "After", "Before", "Since", "Although", "Ministry", "Minister", "Government", "President", "Foreign", "Embassy", "Affairs", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Summary", "Comment", "End", "Note", "Meets", "Meeting", "Meetings", "Discusses", "Discuss", "Focuses", "Urges", "Says", "Seeks", "Presses", "Pushes", "Calls", "Visits", "Visit", "Talks", "Welcomes", "Outlines", "Reviews", "Stresses", "Offers", "Asks", "Agrees", "Expresses", "Reaffirms", "Raises", "Briefs", "Hosts", "Receives", "Warns", "Wants", "Vows", "Plans"])
_PLACE_IN = re.compile(r"\b(?:in|to|at)\s+(?P<place>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:de\s+|del\s+|el\s+)?[A-Z][\w'’.-]*){0,3})")
_CITY_HEAD = re.compile(r"^(?P<city>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")

#: Cities seen as venues that ``countries`` does not list as capitals.
_CITY_SUFFIX = re.compile(r"\s+(?:City|D\.?C\.?)$")


# ---------------------------------------------------------------------------------------------
# Candidates


@dataclass
class _Cand:
    rule: str
    kind: str
    paragraph: int
    quote: str
    date: DateMention | None
    status: str
    city: str | None = None
    country: str | None = None
    people: list[Person] = field(default_factory=list)
    paragraphs: set[int] = field(default_factory=set)
    confidence: float = 0.6
    block_people: bool = False  # people come from a participants block (sides are certain)
    separate: bool = False  # "in a separate meeting": never one with another candidate
    quotes_of: dict[int, str] = field(default_factory=dict)  # person index -> (para, quote)

    def parties(self) -> set[str]:
        return {p.country for p in self.people if p.country}


@dataclass
class _Ctx:
    doc: ParsedCable
    ref: dt.date | None
    host: str | None
    embassy: bool  # sent by a post abroad (its Ambassador, Econoff ... are US)
    known: dict[str, Person] = field(default_factory=dict)  # surname -> the titled mention
    people_cache: dict[str, list] = field(default_factory=dict)  # sentence -> its titled people


def _reference_date(doc: ParsedCable) -> dt.date | None:
    created = doc.cable.created_datetime
    return created.date() if created else None


def _is_embassy(doc: ParsedCable) -> bool:
    code = (doc.cable.origin_code or "").upper()
    return bool(code) and code not in ("STATE", "SECSTATE", "SECDEF", "WASHDC", "USUN", "USUNNEWYORK", "JCS", "CIA")


# --- venue -----------------------------------------------------------------------------------


_TOPIC_BEFORE = re.compile(r"\b(?:situation|events?|crisis|elections?|conflict|violence|war|presence|interests?|operations?|policy|developments?|stability|security|investment|troops|forces|role|progress|problems?|issues?)\s+(?:\w+\s+)?$", _F)
_TRAVEL_BEFORE = re.compile(r"\b(?:visit(?:ed|s|ing)?|trip|travel(?:l?ed|s|ling|ing)?|went|go(?:es|ing)?|came|come|return(?:ed|s)?|flew|fly|arriv(?:ed|es|al)|delegation|mission|journey|tour)(?:\s+\w+){0,2}\s*$", _F)
_CLAUSE_END = re.compile(r"\b(?:that|said|says|because|which|who|where|although|but)\b|[;:]")


def _venue(text: str, host: str | None, at: int = 0) -> tuple[str | None, str | None]:
    """(city, country) of the first place named after 'in'/'at'/'to' near the trigger (from a
    little before it to the end of its clause), skipping topics ('the situation in Iraq')."""
    lo = max(0, at - 80)
    stop = _CLAUSE_END.search(text, at + 8)
    hi = min(len(text), stop.start() if stop else len(text), at + 160)
    for m in _PLACE_IN.finditer(text, lo, hi):
        if _TOPIC_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if m.group(0).startswith("to") and not _TRAVEL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "India's approach to Burma": 'to' is a place only after travel words
        place = m.group("place")
        place = re.sub(r"^the\s+", "", place)
        words = place.split()
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n]).rstrip(".,;")
            cand_city = _city_name(cand)
            code = country_code(cand, host) or country_code(cand_city, host)
            if code and len(code) == 3:
                if _is_adjective(cand):
                    break  # "the Korean War Memorial": a nationality, not a place
                if _is_country_word(cand):
                    return None, code
                return cand_city, code
    return None, None


_ADJECTIVE_END = re.compile(r"(?:ian|ean|ese|ish|ic|i|an|ch)s?$", _F)


#: Nationality words the usual endings miss.
_IRREGULAR_DEMONYMS = frozenset({"Argentine", "Philippine", "Filipino", "Greek", "Swiss", "Thai", "Kazakh", "Uzbek", "Tajik", "Kyrgyz", "Turkmen", "Slovak", "Lao", "Kuwaiti", "Omani"})


def _is_adjective(word: str) -> bool:
    """'Korean', 'Peruvian', 'Israeli': a nationality word (countries ending so, such as
    'Iran' or 'Pakistan', are names; cities such as 'Delhi' are not nationalities)."""
    if word in _IRREGULAR_DEMONYMS:
        return True
    if not _ADJECTIVE_END.search(word) or " " in word:
        return False
    if word[:1].isupper() and word[1:].islower() and not word.endswith("s") and country_code(word + "s") is None and not word.endswith(("ese", "ish", "ch")):
        return False  # a demonym has a plural the country table knows ("Israelis"); "Delhis" no
    try:
        import pycountry

        pycountry.countries.lookup(word)
        return False
    except LookupError:
        return not word.lower().endswith("stan") and word.upper() not in ("TAIWAN", "OMAN", "IRAN", "JAPAN", "SUDAN", "BHUTAN", "CHILE", "MALI", "BRUNEI")


def _is_country_word(word: str) -> bool:
    from .people import _is_country_name

    code = country_code(word)
    if not code:
        return False
    try:
        import pycountry

        pycountry.countries.lookup(word)
        return True
    except LookupError:
        return word.upper() in ("U.S.", "US", "USA", "UNITED STATES", "UK", "BRITAIN", "RUSSIA", "CHINA", "KOREA", "SOUTH KOREA", "NORTH KOREA", "IRAN", "SYRIA", "VENEZUELA", "BOLIVIA", "VIETNAM", "TAIWAN", "BURMA", "HOLLAND", "THE NETHERLANDS", "NETHERLANDS", "MOLDOVA", "TANZANIA", "TURKEY") or (not _is_country_name(word))


_BUILDING = re.compile(r"\b(?:Hotel|Ministry|Embassy|Residence|Palace|House|Office|Building|Hall|Center|Centre|Room|Headquarters|Department|Mission|Chancery|Club|Restaurant|Airport|Base|Compound|Secretariat|Assembly|Congress|Senate)\b", _F)
_STATE_ABBREV = re.compile(r"^(?:[A-Z]{2}|[A-Z]\.[A-Z]\.)$")


def _head_venue(place: str, host: str | None) -> tuple[str | None, str | None]:
    """Venue of a memcon head's place field ('New York City, NY, USA', 'St. Regis Hotel,
    Beijing'): a part that names a country gives the country; a part that names a known city,
    or else the last part that is neither a building nor a state abbreviation, gives the city."""
    parts = [p.strip(" .") for p in re.split(r"[,;]", place) if p.strip(" .")]
    city, country, loose = None, None, None
    for part in parts:
        code = country_code(part, host)
        if code and len(code) == 3 and _is_country_word(part):
            country = country or code
            continue
        plain = _city_name(part)
        code = code or country_code(plain, host)
        if code and len(code) == 3:
            city, country = city or plain, country or code
        elif not _BUILDING.search(part) and not _STATE_ABBREV.match(part) and re.match(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$", part):
            loose = loose or plain
    return city or loose, country


def _city_name(word: str) -> str:
    """'New York City' -> 'New York'; 'Mexico City', whose first words name a country, stays."""
    word = word.strip()
    m = re.match(r"^(.*)\s+City$", word)
    if m and not _is_country_word(m.group(1)):
        return m.group(1)
    return re.sub(r",?\s+D\.?C\.?$", "", word)


# --- people in prose ---------------------------------------------------------------------------


_UNAMBIGUOUS_US = re.compile(r"^(?:Ambassador-at-Large|DUSTR|Deputy USTR|(?:Deputy )?U\.S\. Trade Representative|A/S|U/S|DAS|PDAS|DASD|Deputy Secretary|Under Secretary|Assistant Secretary|Deputy Assistant Secretary|Principal Deputy Assistant Secretary|Senator|Sen\.|Congressman|Congresswoman|Rep\.|PolCouns|Polcouns|D/PolCouns|Poloffs?|PolOffs?|POLOFFS?|Econoffs?|EconOffs?|ECONOFFS?|EmbOffs?|Emboffs?|EMBOFFS?|Pol/?Mil ?Offs?|Pol/Econ ?Offs?|DATT|Legat)$", _F)
_US_EMBASSY_BEFORE = re.compile(r"(?:\b(?:FBI|DEA|CIA|DHS|DOJ|DoJ|USAID|DoD|DOD|NSC|USTR|ATF|ICE|CBP|USCG|SOUTHCOM|CENTCOM|EUCOM|PACOM|AFRICOM|NORTHCOM|State Department|Pentagon|White House|National Security Council|(?:WHA|EUR|EAP|SCA|NEA|AF|ISN|INL|PM|EEB|DRL|OES|PRM|IO|CT|S/CT|INR)/[A-Z]{2,5})(?:\s+(?:Deputy|Assistant|Associate|Senior|Acting))?|\b(?:U\.S\.|US|American)\s+Embassy|(?<![A-Z][a-z]an )\bEmbassy\s+[A-Z][\w ]{2,20}?)\s+$")
_REPORTER_AFTER = re.compile(r"^[\s,]*(?:\([^)]*\)\s*)?(?:also\s+)?(?:noted|said|says|added|commented|reported|observed|explained|remarked|opined|believes|thinks|argued|asked)\b")
_AFTER_POSSESSIVE_KEEP = re.compile(r"^(?:'s|’s)\s+(?:\w+\s+){0,3}?(?:visit|trip|meeting|talks|travel|call|arrival|delegation)\b", _F)
_ADJ_POSSESSIVE = re.compile(r"(?:^|\s)(?P<adj>[A-Z][a-z]+)(?:'s|’s)\s+$")
_NAME_PARTICLES = re.compile(r"\b(?:van der|van den|de la|de los|de las|van|von|de|da|del|di|bin|ibn|al)\s+(?=[A-Z])")


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # 'G.V. Rao': initials are part of a name
_OFFICE_BEFORE_RANK = re.compile(r"(?P<office>(?:[A-Z][\w/.'’-]*\s+){0,5}(?:Department|Division|Directorate|Office|Section|Unit)?\s*(?:Head|Director|Chief|Coordinator|Counselor|Counsellor))\s+$")
_BARE_RANKS = frozenset({"general", "gen", "admiral", "adm", "colonel", "col", "brigadier", "major", "captain", "capt", "lieutenant"})
_AIDE_BEFORE = re.compile(r"\b(?:[A-Z][\w/]*\s+)?(?:Advis[eo]r|Assistant|Aide|Deputy|Spokes\w+|Chief of Staff|Counsel+or|Envoy)\s+to\s+(?:the\s+)?$")
_GLUE = re.compile(r"^\s*(?:(?:[A-Z0-9]{2,6}|[A-Z][a-z]+)\s+){0,2}$")


def _split_title_name(title: str, name: str | None) -> tuple[str, str | None]:
    """'Minister of Defense Gabriel Silva' read as one title: the trailing capitalised words
    that are no title words are the name, from a common first name if there is one, else the
    last two ('Minister for Commerce and Industry Kamal Nath')."""
    from .names import is_first_name
    from .people import _is_title_word

    if not re.search(r"\s(?:of|for)\s", title):
        return title, name
    words = title.split()
    run = []
    for w in reversed(words):
        if _is_title_word(w) or not w[:1].isupper() or len(run) == 4:
            break
        run.insert(0, w)
    if not run:
        return title, name
    firsts = [i for i, w in enumerate(run) if is_first_name(w)]
    cut = firsts[0] if firsts else (len(run) - 2 if len(run) >= 2 else None)
    if cut is None:
        return title, name
    keep = len(words) - len(run) + cut
    moved = " ".join(words[keep:])
    return " ".join(words[:keep]), (moved + (" " + name if name else "")).strip()


_ORG_ROLE_BEFORE = re.compile(r"(?P<org>(?:[A-Z][\w.]*\s+){1,3})(?:chief of mission|head of (?:the )?(?:delegation|mission)|(?:permanent )?representative|envoy)\s+$")
_OF_FOREIGN_BODY = re.compile(r",?\s+of\s+the\s+(?P<adj>[A-Z][a-z]+)\s+(?:Embassy|Mission|Ministry|Foreign Ministry|MFA|Government|government|delegation|Delegation|Consulate)\b")
_INSTITUTION_WORD = re.compile(r"General|Assembly|Council|Commission|Committee|Court|Bank|Union|Security|Parliament|Senate|Congress|Republic|Government|Ministry|Office|Agency|Authority|Organization|Organisation|Board|Fund|Conference|Forum")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_CAP_RUN = re.compile(r"(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|al-[A-Z][\w'’-]*)){0,6}")


def _body_after_title(text: str, at: int, host: str | None) -> tuple[str, bool, str | None, int] | None:
    """(country, weak, name, name end) when a title is followed by 'of (the) <country or
    organisation>' and perhaps the holder's name."""
    of = _OF_THE.match(text, at)
    if not of:
        return None
    run = _CAP_RUN.match(text, of.end())
    if not run:
        return None
    spans = [(run.start() + w.start(), run.start() + w.start() + len(w.group(0).rstrip(".,;:")))
             for w in re.finditer(r"\S+", run.group(0))]
    words = [text[a:b] for a, b in spans]
    for n in range(min(4, len(words)), 0, -1):
        code = country_code(" ".join(words[:n]), host)
        if code:
            rest = words[n:n + 3]
            name = " ".join(rest) if len(rest) >= 2 and not any(_INSTITUTION_WORD.fullmatch(w) for w in rest) else None
            end = spans[n + len(rest) - 1][1] if name else of.end()
            return code, False, name, end
    return None


_FOR_PORTFOLIO = re.compile(r"\s+(?P<portfolio>for\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}?)(?:,?\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}))?(?=[\s,.;]|$)")
_NON_US_SECRETARY_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?!State\b|Defen[cs]e\b|Treasury\b|Homeland\b|Commerce\b|Energy\b|Agriculture\b|Labor\b|Health\b|Education\b|"
    r"Transportation\b|Interior\b|Veterans\b|Housing\b|Navy\b|Army\b|Air Force\b)[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2}")

#: "opposition Senator Piedad Cordoba": a legislator of the country's own politics, not of Congress.
_LOCAL_POLITICIAN_BEFORE = re.compile(r"\b(?:opposition|ruling[- ]party|governing[- ]party|pro-government|provincial|regional|party)\s+$", re.IGNORECASE)


def _country_just_before(before: str, host: str | None) -> str | None:
    """A country or organisation named right before a title, perhaps with an office between
    ('Colombia President', 'Arab League Chief of Staff', 'ROK MOFA Director')."""
    found = find_countries(before, host)
    if not found:
        return None
    start, end, code = found[-1]
    word = before[start:end]
    if word in _ORGANISATIONS or (" " in word and _is_adjective(word.split()[0])):
        pass  # 'Arab League Chief of Staff', 'Palestinian Authority President': never a city
    elif len(code) == 3 and not (_is_adjective(word) or _is_country_word(word) or word.isupper()):
        return None  # a city ('Embassy Asuncion DCM') is not a nationality
    gap = before[end:]
    if _GLUE.match(gap) and not re.search(r"\b(?:to|of|for|in|from|with|and)\b", gap):
        return code
    return None


def _people_in(text: str, ctx: _Ctx, actors) -> list[tuple[Person, int, int]]:
    """Titled officials of a sentence, computed once per sentence (see ``_read_people``)."""
    hit = ctx.people_cache.get(text)
    if hit is None:
        hit = ctx.people_cache[text] = _read_people(text, ctx, actors)
    return [(_copy(p), a, b) for p, a, b in hit]


def _copy(p: Person) -> Person:
    q = Person(name=p.name, title=p.title, country=p.country, role=p.role, level=p.level,
               start=p.start, end=p.end, text=p.text, raw_title=p.raw_title)
    q.reporter = p.reporter
    q.weak = p.weak
    return q


_PRIVATE = re.compile(
    r"\b(?:activists?|businessm[ae]n|businesswom[ae]n|business (?:leaders?|people|community)(?!['’]?s?\s+(?:meeting|forum|summit|conference|event|roundtable|round-table|lunch|dinner))|journalists?|reporters?|editors?|academics?|"
    r"professors?|scholars?|analysts?|NGOs?|non-governmental|party (?:leaders?|president|chairman|chief|secretary)|opposition (?:leaders?|figures?)|"
    r"candidates?|CEOs?|company|companies|executives?|bankers?|priests?|bishops?|clerics?|lawyers?|consultants?|think[- ]tank|"
    r"foundation|institute|university|union (?:leaders?|president)|contacts?|source|industry|chamber of commerce|"
    r"former|ex-|retired|private sector|civil society|sales|marketing|security consultant)\b", _F)


_PARTY = re.compile(r"\bParty\b|\bPARTY\b")  # "Communist Party Deputy Chairman": a party office


def _is_private(text: str, start: int, end: int) -> bool:
    """A person a cable introduces as private (activist, businessman, party leader, former
    official) is no party to a meeting between governments."""
    lo, hi = max(0, start - 45), min(len(text), end + 25)
    # the words around the person, not his own title ("Minister for Commerce and Industry")
    return bool(_PRIVATE.search(text[lo:start]) or _PRIVATE.search(text[end:hi]) or _PARTY.search(text, max(0, start - 30), end)
                or (text[start:end].endswith("President") and _HEAD_OF_A_BODY.match(text, end)))


#: "the President of the Council of the Embera Comarca": the head of a body, not of a state.
_HEAD_OF_A_BODY = re.compile(
    r"\s+of\s+the\s+(?!Republic\b|Council of Ministers\b|Government\b|Senate\b|Congress\b|Chamber\b|Supreme\b|National\b|"
    r"Assembly\b|Constitutional\b|European\b|Commission\b|Court\b|Central Bank\b|Security Council\b|General Assembly\b|Palestinian\b|"
    r"Federation\b|Confederation\b|Union\b|United\b|Islamic Republic\b|People's\b|Kingdom\b)[A-Z]")


def _read_people(text: str, ctx: _Ctx, actors) -> list[tuple[Person, int, int]]:
    """Titled officials named in a sentence, with their government: a nationality written
    before the title wins ('Peruvian FM', "Israel's Chief Scientist"); an office only the US
    has ('A/S', 'Senator', 'Econoff') is US; then the person's surname as placed elsewhere in
    the cable; then an embassy title ('the Ambassador') is the post's own, US; else the host.
    A principal named in a possessive ("President Lula's Advisor") is not a participant."""
    from .people import _is_title_word

    out = []
    for m in _PERSON.finditer(text):
        title = " ".join(m.group("title").split())  # hard-wrapped: "Senior\nDirector"
        adj = m.group("adj")
        name = m.group("name")
        if name:
            kept = []
            for w in name.split():
                if kept and re.search(r"(?:'s|’s)$", kept[-1]):
                    break  # "Sanader's Meeting": the name ends at its possessive
                if w in _NOT_NAMES or level_for_title(w, None) in (Level.HEAD_OF_STATE, Level.MINISTER) and w not in ("King",):
                    break
                kept.append(w)
            while kept and _is_title_word(kept[0]) and not _NAME_PARTICLES.match(kept[0] + " X") and not _INITIALS.fullmatch(kept[0]):
                kept.pop(0)  # "Secretary East Rajiv Sikri": a title word before the name
            name = " ".join(kept) or None
            if name and all(_is_title_word(w) for w in name.split()):
                name = None  # "General Assembly": an institution, not a person
            if name and (name.isupper() and len(name) <= 5):
                name = None  # an acronym (MFA, GOB), not a name
        if not name and title.lower().rstrip(".") in _BARE_RANKS:
            continue  # "the UN General Assembly": a rank without a name is no person
        if out and text[max(0, m.start() - 2):m.start()].endswith("(") and m.start() - out[-1][2] <= 3:
            continue  # "Charge d'Affaires (CDA)": the abbreviation repeats the person before it
        name_end = text.find(name, m.start("title")) + len(name) if name and text.find(name, m.start("title")) >= 0 else m.end("title")
        tail = text[name_end:name_end + 60]
        if tail.startswith(("'s", "’s")):
            if not _AFTER_POSSESSIVE_KEEP.match(tail):
                continue  # "President Lula's Foreign Affairs Advisor": the advisor is meant
        us_rank = False
        if title == "Minister" and re.match(r"[\s-]+Counsel+or\b", text[m.end("title"):m.end("title") + 14]):
            # "Pol Minister Counselor": an embassy rank, not a minister named Counselor
            title, name = "Minister-Counselor", None
            if ctx.embassy and re.search(r"\b(?:Pol|Econ|Political|Economic|Embassy|Mission|Management|Public Affairs)\s*$", text[max(0, m.start() - 30):m.start("title")]):
                adj = adj or None
                us_rank = True
        if name:
            name = re.sub(r"(?:'s|’s)$", "", name)
        if adj and country_code(adj, ctx.host) is None and adj not in ("U.S.", "US"):
            adj = None
        before = text[max(0, m.start() - 30):m.start()]
        country = None
        weak = False
        if adj:
            country = country_code(adj, ctx.host)
        if country is None:
            pm = _ADJ_POSSESSIVE.search(before)
            if pm and country_code(pm.group("adj"), ctx.host):
                country = country_code(pm.group("adj"), ctx.host)  # "Israel's Chief Scientist"
        not_us = False
        junior = _FOR_PORTFOLIO.match(text, m.end("title")) if title.lower() in ("secretary of state", "state secretary", "minister of state") else None
        if junior:
            # "Secretary of State for Cooperation Alain Joyandet": a European junior minister
            title = title + " " + " ".join(junior.group("portfolio").split())
            full_title = expand_title(title)
            name = name or junior.group("name")
            if name == junior.group("name"):
                name_end = junior.end("name")
            not_us = True
            if country is None and ctx.host and ctx.host != "USA":
                country, weak = ctx.host, True
        if country is None and (us_rank or _UNAMBIGUOUS_US.match(title) or _US_EMBASSY_BEFORE.search(text, max(0, m.start() - 60), m.start())) and not not_us and not _LOCAL_POLITICIAN_BEFORE.search(before):
            country = "USA"
        if country is None:
            country = _country_just_before(before, ctx.host)  # "Arab League Chief of Staff", "ROK NSA"
        if country is None:
            role = _ORG_ROLE_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if role and country_code(role.group("org").strip(), ctx.host):
                country = country_code(role.group("org").strip(), ctx.host)  # "European Union chief of mission Ambassador X"
        if country is None and re.match(r"MEA\b", text[m.start():m.start("title")].strip().split(" ")[-1] or ""):
            country = "IND"  # India's Ministry of External Affairs: no other government's
        if country is None and name and actors is not None:
            country = actors.country_of_name(name)
        if country is None and name and name.split()[-1] in _US_PRINCIPALS and title.lower() in _US_PRINCIPALS[name.split()[-1]]:
            country = "USA"
        title, name = _split_title_name(title, name)
        aide = _AIDE_BEFORE.search(before)
        if aide:
            title = before[aide.start():] + title  # "Advisor to the Deputy Foreign Minister X": an aide
        rank_of = _OFFICE_BEFORE_RANK.search(before) if title in ("Minister", "Minister-Counselor", "Minister Counselor") else None
        if rank_of:
            # "Department Head Minister Carlos Abreu": the diplomat's rank follows his office
            title = rank_of.group("office").strip() + " (" + title + ")"
        full_title = expand_title(title)
        if title.lower() == "secretary" and _NON_US_SECRETARY_OF.match(text, m.end("title")):
            # "the Secretary of Intelligence": an office the US cabinet does not have
            title = " ".join((title + text[m.end("title"):_NON_US_SECRETARY_OF.match(text, m.end("title")).end()]).split())
            full_title = expand_title(title)
            if country is None and ctx.host and ctx.host != "USA":
                country, weak = ctx.host, True
        if country is None:
            bare_secretary = title.lower() == "secretary" and not before.rstrip().lower().endswith("the")
            if _US_TITLE.match(title) and not bare_secretary and not not_us and not _LOCAL_POLITICIAN_BEFORE.search(before):
                if title.lower().startswith(("ambassador", "amb.", "charg", "cda", "dcm", "deputy chief")) and not ctx.embassy:
                    country = None
                else:
                    country = "USA"
            elif ctx.host and (ctx.embassy or level_for_title(full_title, ctx.host) not in (Level.AMBASSADOR, Level.WORKING_LEVEL, None)):
                country = ctx.host  # a post's or a subject country's own officials
                weak = True
        of_embassy = _OF_FOREIGN_BODY.match(text, name_end) if name else None
        if of_embassy and country_code(of_embassy.group("adj"), ctx.host) not in (None, "USA"):
            # "Political Counselor Guillaume Bazard of the French Embassy": not ours
            country, weak = country_code(of_embassy.group("adj"), ctx.host), False
        if not name and (country is None or weak):
            # "President of the European Commission Jose Manuel Barroso", "Prime Minister of
            # Iraq Nouri al-Maliki": the body or country named after the title is his
            body = _body_after_title(text, m.end("title"), ctx.host)
            if body:
                country, weak, name, body_end = body
                if name:
                    name_end = body_end
        if name and (country is None or weak):
            # "President Mesa" in a Brasilia cable: the gazetteer of office-holders knows him
            # better than the post's host does
            holder = identify(name, title, ctx.ref)
            if holder is not None:
                country, weak = holder.country, False
        level = level_for_title(full_title, country)
        if rank_of:
            level = level_for_title(rank_of.group("office"), country) or Level.SENIOR_OFFICIAL
            if level == Level.WORKING_LEVEL and re.search(r"\bHead\b", rank_of.group("office")):
                level = Level.SENIOR_OFFICIAL  # heads a department
        start = m.start("adj") if adj else m.start("title")
        end = name_end if name else m.end("title")
        person = Person(name=name, title=full_title, country=country, level=level, start=start, end=end, text=text[start:end], raw_title=title)
        person.reporter = bool(_REPORTER_AFTER.match(text[end:end + 40]))
        person.weak = weak
        if person.country != "USA" and _is_private(text, start, end):
            continue
        out.append((person, start, end))
    out.extend(_untitled_leaders(text, ctx, [(a, b) for _, a, b in out]))
    for m in _BETWEEN_PLURAL.finditer(text):
        # "the meeting between the Indian and Pakistani Foreign Secretaries": one of each
        single = re.sub(r"ies$", "y", m.group("title"))
        single = re.sub(r"(?<!s)s$", "", single)
        for key in ("a", "b"):
            word = re.sub(r"(?:'s|’s)$", "", m.group(key))
            code = country_code(word, ctx.host)
            if code is None or not (_is_adjective(word) or _is_country_word(word)):
                continue
            full = expand_title(single)
            person = Person(name=None, title=full, country=code, level=level_for_title(full, code),
                            start=m.start(key), end=m.end(), text=text[m.start(key):m.end()], raw_title=single)
            out.append((person, m.start(key), m.end()))
    return out


_TOPIC_OF_TALK = re.compile(r"\b(?:discuss(?:ed|es|ing)?|about|regarding|concerning|on|of|toward|towards|against|criticiz\w*|criticis\w*|praised|support for|influence of|view of|views on|relations? with|ties to|close to|allied with|opposed to|like)\s+(?:the\s+|former\s+)?$", _F)


def _untitled_leaders(text: str, ctx: _Ctx, taken: list[tuple[int, int]]) -> list[tuple[Person, int, int]]:
    """Leaders named in full with no title ("Tony Blair wrapped up two days of summits"): the
    gazetteer of office-holders gives the government and the office."""
    out = []
    for start, end, full in find_full_names(text):
        if any(a <= start < b or start <= a < end for a, b in taken):
            continue
        if text.startswith(("'s", "’s"), end) or re.search(r"[A-Z][\w.]*\s+$", text[max(0, start - 25):start]):
            continue  # "President Lula da Silva's Advisor": the titled reading has decided
        if _TOPIC_OF_TALK.search(text, max(0, start - 40), start):
            continue  # "to discuss Hugo Chavez": a leader talked about, not one at the table
        holder = identify(full, None, ctx.ref)
        if holder is None:
            continue
        title = TITLE_OF_OFFICE[holder.office]
        person = Person(name=" ".join(full.split()), title=title, country=holder.country,
                        level=Level(LEVEL_OF_OFFICE[holder.office]), start=start, end=end, text=full, raw_title=title)
        person.reporter = bool(_REPORTER_AFTER.match(text[end:end + 40]))
        out.append((person, start, end))
    return out


_BETWEEN_PLURAL = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z][a-z]+)\s+and\s+(?:the\s+)?(?P<b>[A-Z][a-z]+(?:'s|’s)?)\s+"
    r"(?P<title>(?:(?:Foreign|Defen[cs]e|Interior|Finance|Trade|Prime|Deputy|Vice|National Security)\s+)?"
    r"(?:Secretaries|Ministers|Presidents|Ambassadors|Advis[eo]rs|Envoys|Negotiators|Chiefs of Staff|Chiefs))\b")


# --- sentence rules --------------------------------------------------------------------------


_PAST_VERB = re.compile(r"\b(?:met|held|called|paid|told|informed|assured|briefed|said|visited|traveled|travelled|hosted|received|discussed|expressed|gave|noted|stressed|was|were|had)\b", _F)


def _status(sentence: str, at: int, date: DateMention | None, ref: dt.date | None) -> str:
    """held / planned / proposed / cancelled from the words around the trigger and the date:
    a date after the cable's is planned; a future cue just before the trigger ('will meet',
    'upcoming visit') is planned; suggestions without agreement are proposed."""
    window = sentence[max(0, at - 60):at + 40]
    if _CANCELLED.search(window):
        return MeetingStatus.CANCELLED.value
    future = bool(_WILL_MEET.search(window)) or bool(_FUTURE.search(sentence[max(0, at - 40):at + 15]))
    if date is not None and ref is not None:
        if date.date_start and date.date_start > ref:
            future = True
        elif date.date_end and date.date_end < ref and not _WILL_MEET.search(window):
            future = False
    if future:
        if _PROPOSED.search(window) and not re.search(r"\bagreed\b", window):
            return MeetingStatus.PROPOSED.value
        return MeetingStatus.PLANNED.value
    return MeetingStatus.HELD.value


def _pick_date(dates: list[DateMention], s: int, e: int, trigger: int) -> DateMention | None:
    """The date of the sentence nearest after the trigger word, else nearest before it."""
    inside = [d for d in dates if d.start >= s and d.end <= e]
    if not inside:
        return None
    after = [d for d in inside if d.start >= trigger]
    return after[0] if after else inside[-1]


_TALKS = re.compile(r"\b(?:(?:held|hold|holding|for|resume|resumed|resuming|begin|began|start|started|open|opened|launch|launched|continue|continued)\s+(?:\w+\s+){0,2}?(?:talks|consultations|negotiations)|(?:talks|consultations|discussions?)\s+with|(?:talks|consultations|discussions?)\s+between|readout\s+of|met\b|meetings?\s+(?:with|between|featuring|attended by|involving)|discuss(?:ed|es)\s+(?:[\w'’,-]+\s+){0,8}?with(?=\s+(?:the\s+)?(?-i:[A-Z])))\b", _F)
_VISIT_NOUN = re.compile(r"\b(?:visit|visits|visited|visiting|trip|travel(?:l?ed)?|arrived|summits?(?!-level)|state visit)\b", _F)
_DEMARCHE = re.compile(r"\b(?:demarched|delivered\s+(?:[\w/]+\s+){0,3}?(?:demarche|points|talking points|message|non-paper|letter|reftel points)|(?:demarche|points)\s+(?:was|were)\s+delivered)\b", _F)
_BETWEEN = re.compile(r"\b(?:meetings?|talks|summit|consultations|negotiations|dialogue)\s+between\s+(?:the\s+)?(?P<a>[A-Z][\w.'’]+)\s+(?:and|&)\s+(?:the\s+)?(?P<b>[A-Z][\w.'’]+)")
_PAIR = re.compile(r"\b(?P<a>[A-Z][\w.]*[A-Za-z.])-(?P<b>[A-Z][\w.]*[A-Za-z])(?:\s+[\w'’-]+){0,3}?\s+(?:summit|summits|talks|meeting|meetings|consultations|session|dialogue|negotiations)\b")
_VISIT_OF = re.compile(r"\bvisit(?:s)?\s+(?:of|by)\s+(?:the\s+|a\s+|an\s+)?(?:U\.S\.\s+|USG\s+|US\s+)?[A-Z]|\bvisited\s+(?:Post|the Embassy|the Mission)\b", _F)
_ROUTINE_NEAR = re.compile(r"\b(?:several|many|numerous|countless|multiple) times\b|\bon (?:several|many|numerous) occasions\b|\brepeatedly\b|\b(?:meets?|met|meetings?|talks|visits?)\s+(?:\w+\s+)?(?:often|regularly|frequently|routinely|periodically|from time to time|weekly|monthly)\b|\b(?:frequent|regular|routine|periodic|numerous|many|several)\s+(?:\w+\s+)?(?:meetings|visits|contacts|talks|calls|interchanges|exchanges)\b", _F)


_TRIGGERS = (
    ("call-on", "call-on", _CALL_ON),
    ("future", "meeting", _WILL_MEET),
    ("met-with", "meeting", _MET_VERB),
    ("during-meeting", "meeting", _DURING),
    ("told-us", "meeting", _TOLD_US),
    ("codel", "codel", _CODEL),
    ("talks", "meeting", _TALKS),
    ("demarche", "meeting", _DEMARCHE),
    ("visit", "visit", _VISIT_NOUN),
)


def _trigger(sentence: str) -> tuple[str, str, int] | None:
    """(rule, kind, offset) of the first meeting trigger in a sentence (by rule priority)."""
    for rule, kind, pattern in _TRIGGERS:
        m = pattern.search(sentence)
        if m:
            return rule, kind, m.start()
    return None


def _all_triggers(sentence: str) -> list[tuple[str, str, int, int]]:
    """Every meeting trigger in a sentence as (rule, kind, start, end), in text order, the
    higher-priority rule kept where two overlap."""
    hits: list[tuple[str, str, int, int]] = []
    for rule, kind, pattern in _TRIGGERS:
        for m in pattern.finditer(sentence):
            if not any(m.start() < e and s < m.end() for _, _, s, e in hits):
                hits.append((rule, kind, m.start(), m.end()))
    return sorted(hits, key=lambda h: h[2])


#: Rule confidence: each rule's precision on the annotated dev cables (lenient matching: 0.83-1.0),
#: discounted by what eyeballed random samples of other cables showed (about 0.7-0.8 overall);
#: a candidate with only one side named by a person gets 0.8 of it, a second trigger 0.9.
_CONFIDENCE = {"memcon-head": 0.95, "call-on": 0.8, "met-with": 0.8, "told-us": 0.75, "during-meeting": 0.75, "demarche": 0.7, "subject": 0.7, "talks": 0.65, "future": 0.65, "visit": 0.6, "codel": 0.6}
#: Rules whose trigger alone says two sides met; the others need two parties named.
_ENCOUNTER_RULES = frozenset({"call-on", "met-with", "told-us", "talks", "during-meeting", "demarche"})


def _country_parties(sentence: str, ctx: _Ctx) -> set[str]:
    """Governments named by country words in a sentence (states only)."""
    return {code for _, _, code in find_countries(sentence, ctx.host) if len(code) == 3 or code in ("EU", "UN", "OAS", "NATO", "AU")}


@lru_cache(maxsize=256)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of a paragraph, computed once however many rules read it."""
    return tuple(sentence_spans(text))


def _excluded(sentence: str, start: int, end: int) -> bool:
    """Phone calls, hypotheticals and routine contacts, written near the trigger."""
    window = sentence[max(0, start - 70):end + 70]
    return bool(_EXCLUDE.search(window) or _ROUTINE_NEAR.search(window))


_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\b")


_INSIDE_A_NAME = re.compile(r"(?<![.!?:;]\s)(?<!^)\b(?!(?:The|And|Of|President|Minister|Ambassador|Secretary|General|Senator|Governor|Mayor|King|Prince|Foreign|Prime|Vice|Deputy|Chairman|Director|Commander|Chief|Mr|Mrs|Ms|Dr|FM|PM|VP|MOD)\b)[A-Z][a-z]+\s+$")
_NOT_A_PERSON_AFTER = re.compile(r"\s+(?:Administration|administration|government|Government|era|policy|policies|doctrine|camp|regime|"
                                 r"right-hand|ally|allies|loyalists?|aides?|confidants?|associates?|supporters?|prot[eé]g[eé]s?)\b")


def _known_surnames(sentence: str, ctx: _Ctx, found: list[tuple[Person, int, int]]) -> list[tuple[Person, int, int]]:
    """People the sentence names by surname alone ('Crumpton told Safonov'), known from a titled
    mention elsewhere in the cable."""
    if not ctx.known:
        return []
    out = []
    taken = [(a, b) for _, a, b in found]
    seen = {p.name.split()[-1] for p, _, _ in found if p.name}
    for m in _CAP_WORD.finditer(sentence):
        word = re.sub(r"(?:'s|’s)$", "", m.group(0))
        person = ctx.known.get(word)
        if person is None or word in seen or any(a <= m.start() < b for a, b in taken):
            continue
        inside = _INSIDE_A_NAME.search(sentence, max(0, m.start() - 25), m.start())
        if (inside and inside.group(0).split()[0] not in (person.name or "").split()) or _NOT_A_PERSON_AFTER.match(sentence, m.end()):
            continue  # "Jose Manuel Martinez Morales" is not President Morales; "the Obama Administration"
        seen.add(word)
        clone = Person(name=person.name, title=person.title, country=person.country, level=person.level,
                       start=m.start(), end=m.start() + len(word), text=word, raw_title=person.raw_title)
        clone.reporter = bool(_REPORTER_AFTER.match(sentence[m.end():m.end() + 40]))
        clone.weak = person.weak
        out.append((clone, m.start(), m.start() + len(word)))
    return out


def _learn_people(ctx: _Ctx, actors, memcon: _Cand | None) -> None:
    """Surname -> titled person, from the participants block and every titled mention, so a
    later bare surname can be placed.  A surname two governments share is dropped."""
    known: dict[str, Person] = {}
    clash: set[str] = set()
    sources: list[Person] = list(memcon.people) if memcon is not None else []
    for para in ctx.doc.paragraphs:
        for a, b in _spans(para.text):
            sources.extend(p for p, _, _ in _people_in(para.text[a:b], ctx, actors))
    for p in sources:
        if not p.name or not p.country or len(p.name.split()[-1]) < 3:
            continue
        last = p.name.split()[-1]
        if last in known and known[last].country != p.country:
            clash.add(last)
        known.setdefault(last, p)
    ctx.known = {k: v for k, v in known.items() if k not in clash and k not in _NOT_NAMES}


def _sentence_candidates(ctx: _Ctx, number: int, text: str, dates: list[DateMention], actors) -> list[_Cand]:
    out: list[_Cand] = []
    for s, e in _spans(text):
        if not _TRIGGER_HINT.search(text, s, e):
            continue
        sentence = text[s:e]
        every = _all_triggers(sentence)
        triggers = [t for t in every if not _excluded(sentence, t[2], t[3])]
        if not triggers:
            continue
        dropped = [t for t in every if t not in triggers]
        first = _trigger(sentence)
        if first is None or _excluded(sentence, first[2], first[2] + 10):
            first = (triggers[0][0], triggers[0][1], triggers[0][2])
        everyone = _people_in(sentence, ctx, actors)
        everyone += _known_surnames(sentence, ctx, everyone)
        antecedent = _antecedent(text, s, ctx, actors) if _PRONOUN_PARTY.search(sentence) else None
        used_dates: set[str] = set()
        for i, (rule, kind, at, _end) in enumerate(triggers):
            nxt = triggers[i + 1][2] if i + 1 < len(triggers) else len(sentence)
            if i == 0:
                rule, kind, at = first
                # people around a phone call or routine contact written earlier in the
                # sentence ("he speaks by phone and meets frequently with X") are not at this one
                window = (max([_clause_end(sentence, t[3], at) for t in dropped if t[3] <= at], default=0), len(sentence))
                joined = [j.end() for j in _CLAUSE_JOIN.finditer(sentence, window[0], at)]
                if joined and any(joined[-1] <= ps < at for _, ps, _ in everyone):
                    # "... suggested that President Obama consider X, and Prime Minister Gilani
                    # told Senator Kerry": the meeting's clause has its own subject
                    window = (joined[-1], window[1])
                readout = _READOUT.search(sentence, at) if rule == "told-us" else None
                if readout is not None and readout.start() - at < 80:
                    # "X gave us a readout of the August 28 visit to Jerusalem by Y": the
                    # briefing and the visit are two encounters, each with its own people
                    window = (0, readout.start())
            else:
                window = (max(triggers[i - 1][3], at - 60), nxt)
                own = [d for d in dates if s + at - 40 <= d.start and d.end <= s + nxt]
                if not own or all(d.edtf in used_dates for d in own):
                    continue  # a second trigger makes a second meeting only with its own date
            cand = _candidate(ctx, number, sentence, s, e, rule, kind, at, window, everyone, dates, i == 0, antecedent)
            if cand is not None and (cand.date is None or cand.date.edtf not in used_dates):
                out.append(cand)
                if cand.date is not None:
                    used_dates.add(cand.date.edtf)
    return out


#: "Safonov said he would meet with Ambassador Burns": the reporter speaks of his own meeting.
_OWN_PLAN = re.compile(r"[\s,]*(?:\([^)]*\)\s*)?(?:also\s+)?(?:said|says|noted|added|told \w+|indicated|confirmed|announced)\s+(?:that\s+)?(?:he|she)\s+(?:would|will|had|has|plans? to|planned to|intends? to|hoped to|was going to|is going to|expects? to)?\s*(?:\w+\s+)?$")


#: Where the words someone told us begin, when no "that" introduces them.
_REPORTED_CLAUSE = re.compile(r"\b(?:he|she|they|it|we|there|his|her|its|their|this|these|those)\b")
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")


def _clause_end(sentence: str, start: int, limit: int) -> int:
    """Where the clause running at ``start`` ends (a closing parenthesis, semicolon or comma),
    not beyond ``limit``."""
    m = re.compile(r"[);,]").search(sentence, start, limit)
    return m.end() if m else limit


def status_hint(sentence: str, at: int) -> str:
    """held/planned from the words around a trigger alone (no date)."""
    return _status(sentence, at, None, None)


def _pair_parties(sentence: str, ctx: _Ctx) -> set[str]:
    """Parties of a hyphenated pair before a meeting noun ('India-Pakistan talks') or of a
    meeting 'between India and Pakistan' (states or organisations)."""
    for pattern in (_PAIR, _BETWEEN):
        for m in pattern.finditer(sentence):
            a = country_code(re.sub(r"['’]s$", "", m.group("a")), ctx.host)
            b = country_code(re.sub(r"['’]s$", "", m.group("b")), ctx.host)
            if a and b and a != b:
                return {a, b}
    return set()


def _speaker_before(sentence: str, at: int, everyone) -> bool:
    """A foreign official named just before 'told/briefed' (within its clause)."""
    for p, ps, pe in everyone:
        if p.country and p.country != "USA" and pe <= at and at - pe <= 90:
            return True
    return any(_is_adjective(m.group("adj")) for m in _GROUP.finditer(sentence, max(0, at - 90), at))


#: "He discussed ... with", "in his talks with": a party written only as a pronoun.
_PRONOUN_PARTY = re.compile(r"^\s*\(?(?:He|She)\b|\b(?:his|her)\s+(?:[\w-]+\s+){0,3}?(?:meeting|meetings|talks|conversation|discussions?|visit|call)\s+(?:with|to)\b")


#: "He said he would raise it with X": the speaker is the one who will meet.
_SAID_HE_WOULD = re.compile(r"\s+(?:said|told \w+|noted|added|indicated)\s+(?:that\s+)?(?:he|she)\s+(?:would|will|planned to|plans to|intends to|hoped to)\b")
_PRONOUN_OBJECT = re.compile(r"\b(?:(?:told|asked|assured|informed|urged|promised|briefed|pressed|invited)\s+(?:him|her)|(?:related|said|explained|confided|complained|conveyed|expressed|stressed) to (?:him|her))\b")


def _antecedent(text: str, s: int, ctx: _Ctx, actors) -> Person | None:
    """The official a pronoun at the start of a sentence refers to: the first one named, with
    a name and a government, in the nearest earlier sentence of the paragraph that names one
    (the subject the paragraph is running on)."""
    last = None
    for a, b in _spans(text):
        if a >= s:
            break
        sentence = text[a:b]
        found = _people_in(sentence, ctx, actors)
        found += _known_surnames(sentence, ctx, found)
        named = [p for p, _, _ in sorted(found, key=lambda x: x[1]) if p.name and p.country]
        if named:
            last = named[0]
    return last


#: "X and Y might discuss it at their next meeting": a modal in the trigger's own clause.
_MODAL_BEFORE = re.compile(r"\b(?:might|could)\s+(?:\w+\s+){1,8}?$|\b(?:never|would not|will not|won['’]t|wouldn['’]t)\s+[^.;,:]{0,40}$")

_VISIT_OF_FOREIGNER = re.compile(r"\bvisit\s+(?:\w+\s+){0,2}?(?:of|by)\b", _F)
_TELLS_POST = re.compile(r"\b(?:us|Emb ?offs?|EMBOFFS?|Pol ?offs?|POLOFFS?|Econ ?offs?|ECONOFFS?|PolCouns|DCM|the Ambassador|Ambassador|Charg[eé]|CDA)\b")
_IN_PLACE = re.compile(r"\b(?:by (?:tele)?phone|in Washington|in New York|in Geneva|in Brussels|on the margins)\b", _F)

_READOUT = re.compile(r"\b(?:a |an |the |his |her |their )?(?:\w+\s+){0,2}?(?:readout|read-out|debrief(?:ing)?|account)\s+(?:of|on)\b", _F)

#: "visit of Prison Management expert Don Stolworthy" in a post's cable: a US visitor whose
#: title is a description rather than an office.
_VISIT_OF_PERSON = re.compile(
    r"\bvisit\s+(?:of|by)\s+(?:the\s+|a\s+|an\s+)?(?:U\.S\.\s+|USG\s+|US\s+)?"
    r"(?P<title>(?:[A-Z][\w-]*\s+){0,4}(?:expert|specialist|consultant|trainer|instructor|advis[eo]r|official|officer))\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b")


def _visiting_expert(sentence: str) -> list[Person]:
    m = _VISIT_OF_PERSON.search(sentence)
    if not m or find_countries(m.group("title"), None):
        return []
    title = " ".join(m.group("title").split())
    return [Person(name=m.group("name"), title=title, country="USA", level=level_for_title(title, "USA") or Level.WORKING_LEVEL,
                   start=m.start("title"), end=m.end("name"), text=m.group(0)[m.start("title") - m.start():], raw_title=title)]


def _candidate(ctx: _Ctx, number: int, sentence: str, s: int, e: int, rule: str, kind: str, at: int,
               window: tuple[int, int], everyone, dates: list[DateMention], first: bool,
               antecedent: Person | None = None) -> _Cand | None:
    """One meeting candidate for the trigger at ``at`` of a sentence (``s``/``e`` its span in
    the paragraph); people are those written in ``window`` (the whole sentence for the first)."""
    if _HYPOTHETICAL.search(sentence[max(0, at - 40):at + 10]) or _MODAL_BEFORE.search(sentence, max(0, at - 70), at):
        return None
    lo, hi = window
    said = _SPEECH.search(sentence, at + 4)
    if said and said.start() < hi:
        hi = said.start()  # what was said is not who met: "told the Ambassador that President X ..."
    told = _TOLD_US.match(sentence, at) if rule == "told-us" else None
    if told:
        content = _REPORTED_CLAUSE.search(sentence, told.end())
        if content and content.start() < hi:
            hi = content.start()  # "told us she believes Putin has narrowed the field": Putin is spoken of
    people = [p for p, ps, pe in everyone if (first and lo == 0 or ps >= lo) and pe <= hi
              and not (p.reporter and ps < at and rule != "told-us" and not _OWN_PLAN.match(sentence, pe, at))]
    if rule in ("met-with", "call-on") and ctx.host and ctx.host != "USA":
        # "NSA Jones, the Ambassador and delegation met President Zardari": who comes with a
        # US official to meet the host's officials is on the US side
        subject = [p for p, ps, pe in everyone if ps < at and any(p is q for q in people)]
        obj = [p for p, ps, pe in everyone if ps > at and any(p is q for q in people)]
        if any(q.country == "USA" and not q.weak for q in subject) and any(q.country == ctx.host for q in obj):
            for q in subject:
                if q.weak and q.country == ctx.host and not _SPEECH.search(sentence, 0, at):
                    q.country, q.weak, q.level = "USA", False, level_for_title(q.title, "USA")
    frame = [m for m in _SPEECH.finditer(sentence, lo, at)]
    if frame and rule != "told-us":
        # who reports is not who meets: "Perez told us that Gomez will meet Lula"
        inner = [p for p, ps, pe in everyone if ps >= frame[-1].end() and pe <= hi]
        if len({p.country for p in inner if p.country}) >= 2:
            people = inner
    if antecedent is not None and first and antecedent.country not in {p.country for p in people}:
        pronoun = _PRONOUN_PARTY.search(sentence)
        # the pronoun is the trigger's own subject: "He discussed these issues with X", "his
        # talks with X"; not the reporter of someone else's meeting ("He said that ... met")
        if pronoun and pronoun.start() <= at <= pronoun.end() + 90 and (not _SPEECH.search(sentence, pronoun.end(), at) or _SAID_HE_WOULD.match(sentence, pronoun.end())):
            people.append(_copy(antecedent))
        elif _PRONOUN_OBJECT.search(sentence, at, hi):
            people.append(_copy(antecedent))  # "in an October 12 meeting, Chavez told him"
    if rule == "told-us" and not any(p.country == "USA" for p in people):
        people.append(Person(name=None, title=None, country="USA", level=None, text="us"))
    if len({p.country for p in people if p.country}) < 2 and rule in _ENCOUNTER_RULES | {"call-on"}:
        people.extend(_groups_in(sentence[lo:hi], lo, ctx, {p.country for p in people}))
    if rule == "visit" and ctx.embassy and not any(p.country for p in people):
        people.extend(_visiting_expert(sentence))
    parties = {p.country for p in people if p.country}
    if first:
        date = _pick_date(dates, s, s + window[1] if window[1] < len(sentence) else e, s + at)
    else:
        own = [d for d in dates if s + at - 40 <= d.start and d.end <= s + hi]
        date = own[0] if own else None
    city, country = _venue(sentence[:window[1]] if first else sentence, ctx.host, at)
    if country is None:
        city, country = _venue_before_noun(sentence[max(0, at - 40):hi], ctx.host)
    pair = _pair_parties(sentence, ctx)
    if rule == "told-us" and not _speaker_before(sentence, at, everyone):
        return None  # "..., journalist X told us": the speaker must be a named official
    if len(parties) < 2 and len(pair | parties) >= 2 and rule in ("visit", "talks", "during-meeting", "future"):
        parties = pair | parties  # "the upcoming India-Pakistan talks", "the Madrid U.S.-EU Summit"
        if date is None and status_hint(sentence, at) == MeetingStatus.HELD.value and not re.search(r"\b(?:held|took place|last|recent)\b", sentence, _F):
            return None
    elif len(parties) < 2:
        if rule not in ("visit", "codel", "future", "talks", "during-meeting") or (date is None and country is None):
            return None  # "X met with Y" needs both sides named as people or groups
        named = parties | _country_parties(sentence[lo:hi] if not first else sentence, ctx) | ({country} if country else set())
        titled = [p for p in people if p.title and p.country]
        if rule == "visit" and date is not None and country is None and ctx.embassy and ctx.host and _VISIT_OF.search(sentence):
            # "visit of the FBI team, August 31-September 4" in a post's cable: a visit to the
            # post's host country
            country = ctx.host
            named = named | {ctx.host, "USA"}
        elif not titled and (rule == "visit" and not _SUMMIT.search(sentence) or date is None):
            return None  # a trip with no official named, or an undated event
        summit = bool(_SUMMIT.search(sentence)) and date is not None
        if len(named) < 2 and not summit:
            return None
    if rule == "visit" and date is None and country is None:
        return None
    if country is None and ctx.embassy and ctx.host and any(p.country == "USA" and p.level in (Level.AMBASSADOR, Level.WORKING_LEVEL, Level.SENIOR_OFFICIAL) for p in people) and ctx.host in parties and rule in ("told-us", "met-with", "call-on", "during-meeting"):
        country = ctx.host  # the post's own officers meet the host government at home
    elif country is None and ctx.embassy and ctx.host and rule == "told-us" and _TELLS_POST.search(sentence, at, at + 60) and not _IN_PLACE.search(sentence):
        country = ctx.host  # "Israel DCM Magen gave us a readout": a briefing at post
    elif (country is None and ctx.embassy and ctx.host and rule in ("visit", "during-meeting") and _VISIT_OF_FOREIGNER.search(sentence, at, at + 60)
          and any(p.name for p in people) and all(p.country not in (ctx.host, "USA", None) for p in people if p.name)):
        country = ctx.host  # "the visit last week of Israel's Chief Scientist": a visitor to the post's country
    if date is None and re.match(r"meetings\b", sentence[at:at + 9], _F):
        return None  # "based on meetings with high-ranking members": several, none dated
    status = _status(sentence, at, date, ctx.ref)
    quote = sentence.strip()
    if len(quote) > 400:
        quote = quote[:400].rstrip()
    return _Cand(rule=rule, kind=kind, paragraph=number, quote=quote, date=date, status=status,
                 city=city, country=country, people=people, paragraphs={number},
                 separate=bool(_SEPARATE.search(sentence, max(0, at - 30), at + 40)),
                 confidence=_CONFIDENCE[rule] * (1.0 if len(parties) >= 2 else 0.8) * (1.0 if first else 0.9))


_GROUP = re.compile(
    r"\b(?P<adj>[A-Z][a-z]+)(?:'s|’s)?\s+(?P<rest>(?:[\w'’()-]+\s+){0,7}?(?:officials?|officers?|authorities|police|units?|prosecutors?|delegation|delegations|"
    r"government|ministry|counterparts?|military|armed forces|diplomats?|representatives?|analysts|intelligence service|legislators|"
    r"parliamentarians|lawmakers|team|interlocutors|negotiators|commanders?))\b"
)


def _groups_in(text: str, offset: int, ctx: _Ctx, have: set) -> list[Person]:
    """Unnamed officials written as a group with their nationality ('Argentine intelligence
    officials', 'a Paraguayan federal prosecutor'): a party even without a name."""
    out = []
    for m in _GROUP.finditer(text):
        code = country_code(m.group("adj"), ctx.host)
        if not code or code in have or code == "USA":
            continue
        if not _is_adjective(m.group("adj")) and not m.group(0)[len(m.group("adj")):].startswith(("'s", "’s")):
            continue
        title = m.group(0)
        level = level_for_title(title, code) or Level.WORKING_LEVEL
        if level in (Level.HEAD_OF_STATE, Level.MINISTER, Level.DEPUTY_MINISTER) and not re.search(r"\b(?:minister|president)\b", title, _F):
            level = Level.WORKING_LEVEL
        group = Person(name=None, title=title, country=code, level=level, start=offset + m.start(), end=offset + m.end(), text=title, raw_title=title)
        group.group = True
        out.append(group)
        have = have | {code}
    return out


_SEPARATE = re.compile(r"\bseparate(?:ly)?\b|\banother meeting\b", _F)
_SPEECH = re.compile(r"(?<!, he )(?<!, she )(?<!, they )\b(?:that|said|says|saying|stating|noting|asserting|arguing|warning|explaining)\b(?!,)|[:\"“]")
_NOUN_PLACE = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:[\w.-]+\s+){0,2}?(?:summit|meeting|talks|conference|visit)\b")


def _venue_before_noun(text: str, host: str | None) -> tuple[str | None, str | None]:
    """'the proposed Madrid U.S.-EU Summit': a city named just before the meeting noun."""
    for m in _NOUN_PLACE.finditer(text):
        place = m.group("place")
        code = country_code(place, host)
        if code and len(code) == 3 and not _is_adjective(place) and not _is_country_word(place):
            return place, code
    return None, None


# --- memcon ----------------------------------------------------------------------------------


def _memcon(ctx: _Ctx, actors) -> _Cand | None:
    """The meeting a memorandum of conversation records: head paragraph and participants."""
    paras = ctx.doc.paragraphs[:6]
    block_para = None
    for p in ctx.doc.paragraphs:  # usually paragraph 2; some cables list participants at the end
        m = _PARTICIPANTS_LINE.search(p.text)
        if m:
            block_para = p
            break
    if block_para is None:
        return None
    label_at = _PARTICIPANTS_LINE.search(block_para.text).start()
    line_start = block_para.text.rfind("\n", 0, label_at + 1) + 1
    block = block_para.text[line_start:]  # from the line's start: "Israeli Participants:"
    people = parse_participants(block, host=ctx.host)
    people = [p for p in people if p.name or p.title]
    if len({p.country for p in people if p.country}) < 2:
        return None  # a list of one government's people (nominees, attendees) is no meeting
    date, city, country, head_para = None, None, None, None
    for p in paras:
        if p is block_para:
            continue
        hm = _MEMCON_HEAD.match(" ".join(p.text.split()))
        if hm:
            found = find_dates(hm.group("date"), ctx.ref)
            if found:
                date = found[0]
                city, country = _head_venue(hm.group("place"), ctx.host)
                head_para = p
                break
    if date is None and ctx.doc.cable.subject:
        found = [d for d in find_dates(ctx.doc.cable.subject, ctx.ref) if d.edtf.count("-") >= 2]
        date = found[0] if found else None
    sides = {p.country for p in people if p.country}
    for p in people:
        if p.country is None and ctx.host and len(sides) <= 1 and "USA" in sides:
            p.country = ctx.host
    if country is None and ctx.embassy and ctx.host in sides:
        country = ctx.host  # a post's memorandum without a place: the talks were held at post
    paragraphs = {block_para.paragraph_number}
    quote_para = block_para
    quote = block_para.text[:300].strip()
    if head_para is not None:
        paragraphs.add(head_para.paragraph_number)
        quote_para = head_para
        quote = head_para.text.strip()[:300]
    status = MeetingStatus.HELD.value
    if date and ctx.ref and date.date_start and date.date_start > ctx.ref:
        status = MeetingStatus.PLANNED.value
    return _Cand(rule="memcon-head", kind="memcon", paragraph=quote_para.paragraph_number, quote=quote, date=date,
                 status=status, city=city, country=country, people=people, paragraphs=paragraphs,
                 confidence=_CONFIDENCE["memcon-head"], block_people=True)


# --- merging ---------------------------------------------------------------------------------


def _surnames(c: _Cand) -> set[str]:
    return {p.name.split()[-1].lower() for p in c.people if p.name}


def _foreign_keys(c: _Cand) -> set[str]:
    """Who the US met: foreign persons' surnames, or their titles when unnamed."""
    keys = set()
    for p in c.people:
        if p.country and p.country != "USA":
            keys.add(p.name.split()[-1].lower() if p.name else (p.title or "").lower())
    return keys


def _named_foreign(c: _Cand) -> set[str]:
    return {p.name.split()[-1].lower() for p in c.people if p.name and p.country and p.country != "USA"}


def _same(a: _Cand, b: _Cand) -> bool:
    if a.separate or b.separate:
        return False
    if a.status != b.status and not (a.block_people or b.block_people):
        return False  # what happened and what is planned are different encounters
    if a.date and b.date:
        if a.date.edtf != b.date.edtf:
            return False
        if a.country and b.country and a.country != b.country:
            return False
        fa, fb = _named_foreign(a), _named_foreign(b)
        if fa and fb and not fa & fb and not (a.block_people or b.block_people):
            return False  # the same day, different people: two encounters
        return True
    if a.country and b.country and a.country != b.country:
        return False
    shared = _surnames(a) & _surnames(b)
    if not shared and not _surnames(a) and not _surnames(b) and a.status == b.status != "held":
        sides = lambda c: {(p.country, _plain(p.title)) for p in c.people if p.country and p.title}
        return bool(sides(a)) and sides(a) == sides(b)  # the same unnamed offices of the same sides
    return bool(shared) and (a.block_people or b.block_people or bool(_foreign_keys(a) & _foreign_keys(b)))


def _merge_into(a: _Cand, b: _Cand) -> None:
    a.paragraphs |= b.paragraphs
    a.date = a.date or b.date
    if a.country is None and b.country:
        a.city, a.country = b.city, b.country
    if not a.block_people:
        known = {(p.country, (p.name or p.title or "").lower()) for p in a.people}
        for p in b.people:
            key = (p.country, (p.name or p.title or "").lower())
            if key not in known and not _known_surname(a, p):
                a.people.append(p)
                known.add(key)
    a.confidence = max(a.confidence, b.confidence)


def _known_surname(c: _Cand, p: Person) -> bool:
    if not p.name:
        return any(q.country == p.country and q.title and p.title and q.title.lower() == p.title.lower() for q in c.people)
    last = p.name.split()[-1].lower()
    return any(q.name and q.name.split()[-1].lower() == last for q in c.people)


def _merge(cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        for m in out:
            if _same(m, c):
                _merge_into(m, c)
                break
        else:
            out.append(c)
    return out


# ---------------------------------------------------------------------------------------------
# Records


def _dedupe_people(people: list[Person]) -> list[Person]:
    """One entry per person: a surname seen twice is kept once (the fuller name, the title)."""
    out: list[Person] = []
    for p in people:
        if not p.name and p.title and _REDACTED_TITLE.match(p.title):
            continue  # a redacted entry names nobody
        twin = None
        for q in out:
            if p.name and q.name and p.country == q.country and (p.name.split()[-1].lower() == q.name.split()[-1].lower() or _name_within(p.name, q.name)):
                twin = q  # 'Kim' and 'Kim Sung-hwan': a family name written first
            elif not p.name and not q.name and p.country == q.country and _plain(p.title) == _plain(q.title):
                twin = q
        if twin is None:
            out.append(p)
            continue
        if getattr(p, "delegation", False):
            twin.delegation, twin.level, twin.title = True, p.level, p.title  # the side's stated head
        if p.name and twin.name and len(p.name) > len(twin.name):
            twin.name = p.name
            if p.role == ParticipantRole.LEAD:
                twin.role = p.role
    return out


def _plain(title: str | None) -> str:
    """A title compared without case or accents ('Chargé' is 'Charge')."""
    import unicodedata

    text = unicodedata.normalize("NFKD", (title or "").lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_REDACTED_TITLE = re.compile(r"^[XxХх]{4,}")


def _name_within(a: str, b: str) -> bool:
    """One name's words all in the other's: the same person written shorter."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _quote_for(doc: ParsedCable, c: _Cand, p: Person) -> tuple[int, str]:
    """The paragraph and exact words naming a person: their text in the block or sentence."""
    for n in sorted(c.paragraphs):
        para = doc.paragraph(n)
        if para is None:
            continue
        for needle in (p.text, p.name, p.title):
            if needle and needle in para.text:
                return n, needle
    return c.paragraph, c.quote


_EMBASSY_STAFF = re.compile(r"\b(?:Deputy Chief of Mission|DCM|Counsel+or|Attach[eé]|Consul|Officer|Emboff|Poloff|Econoff)\b", _F)
_VISITOR_LEVELS = frozenset({Level.SENIOR_OFFICIAL, Level.MILITARY_COMMANDER, Level.LEGISLATOR})


def _may_lead(p: Person, people: list[Person], venue: str | None, host: str | None) -> bool:
    """A lead's side must be one the cable gives: a person placed in the post's host country
    only by default ('Premier X' with no nationality) does not lead a meeting held in another
    country, unless the meeting has someone the cable places in that venue country (the host's
    President travelling to meet his counterpart there)."""
    if not getattr(p, "weak", False) or venue is None or venue == host:
        return True
    return any(q.country == venue and not getattr(q, "weak", False) for q in people)


_SIDE_WORD = r"(?P<side>U\.S\.|US|USG|American|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
_LED_BY = re.compile(
    r"\b(?:the\s+)?" + _SIDE_WORD + r"\s+(?:delegation|side|team)\s+(?:was\s+|is\s+|will\s+be\s+)?(?:led|headed|chaired)\s+by\s+(?P<who>[^.;()]{4,160})",
    _F)
_WHO_LED = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w.'’/-]*|of|for|and|the|to|on|de|da|van|von),?\s+){1,16}?[\w.'’/-]+),?\s+(?:led|headed|chaired)\s+the\s+" + _SIDE_WORD + r"\s+(?:delegation|side|team)\b")
_WHO_END = re.compile(r",\s*(?:who|which|whose|and|with|while|as)\b|\s+(?:who|which|and was|and were|accompanied|together)\b|\s+-\s+|\s+--")


_HEAD_OF_SIDE = re.compile(
    r"\bhead of the\s+" + _SIDE_WORD + r"\s+(?:delegation|side|team)\s+(?:was|is|will be)\s+(?P<who>[^.;()]{4,160})", _F)
#: "X, Title, chaired the event": the chair of a gathering leads the side his title places him on.
_CHAIRED_EVENT = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’/-]*|of|for|and|the|to|on|de|da|van|von|Dr\.)(?:,?\s+(?:[A-Z][\w.'’/-]*|of|for|and|the|to|on|de|da|van|von|Dr\.)){1,16}),?\s+"
    r"(?:chaired|co-chaired|presided over)\s+the\s+(?:event|meeting|session|talks|consultations|dialogue|round|discussions|conference|plenary)\b")


def _side_heads(text: str, ctx: _Ctx) -> list[tuple[Person, list[Person], re.Match]]:
    """Who the paragraph says heads a side: 'The Brazilian delegation was led by X, Title';
    'X, Title, led the U.S. delegation'; 'The head of the Moldovan delegation was X'; 'X,
    Title, chaired the event'.  Each with the members the statement lists."""
    from .people import parse_participants

    out: list[tuple[Person, list[Person], re.Match]] = []
    if "chaired" in text or "presided" in text:
        for m in _CHAIRED_EVENT.finditer(text):
            found = [p for p, _, _ in _people_in(m.group("who"), ctx, None) if p.country and not p.weak and p.level]
            if found:
                lead = _copy(found[-1])
                lead.role, lead.text = ParticipantRole.LEAD, m.group(0)
                lead.delegation = True
                out.append((lead, [], m))
    if "delegation" not in text and " side" not in text and " team" not in text:
        return out
    if " led" not in text and "headed" not in text and "chaired" not in text and "head of" not in text:
        return out
    for m in list(_LED_BY.finditer(text)) + list(_WHO_LED.finditer(text)) + list(_HEAD_OF_SIDE.finditer(text)):
        side = country_code(m.group("side"), ctx.host)
        if side is None or (len(side) != 3 and side not in ("EU", "UN", "OAS", "NATO", "AU", "LAS")):
            continue
        who = m.group("who").strip()
        cut = _WHO_END.search(who)
        if cut:
            who = who[:cut.start()]
        who = " ".join(re.sub(r"^(?:by\s+)?", "", who).split()).strip(" ,")
        people = parse_participants(who, ctx.host, side)
        if not people or not people[0].name:
            continue
        lead = people[0]
        named = re.match(r"^(?P<name>[^,]+),\s*(?P<title>[^,]+)", who)
        if named and lead.name in named.group("name") and named.group("title").strip():
            lead.title = expand_title(named.group("title").strip())
            lead.level = level_for_title(lead.title, side) or lead.level
        if lead.level is None:
            continue  # a lead's rank only where the title gives one
        lead.country, lead.role = side, ParticipantRole.LEAD
        lead.delegation = True
        lead.text = m.group(0)
        out.append((lead, _delegation_members(text, m.end(), side), m))
    return out


def _delegation_leads(cands: list[_Cand], ctx: _Ctx) -> None:
    """The statement of who heads a side (``_side_heads``) belongs to the meeting reported in
    its paragraph, or else in the nearest paragraph before it; that person leads the side."""
    if not cands:
        return
    for para in ctx.doc.paragraphs:
        for lead, members, _m in _side_heads(para.text, ctx):
            side = lead.country
            home = [c for c in cands if c.paragraph == para.paragraph_number and c.rule in _ENCOUNTER_RULES | {"memcon-head"}]
            if not home:
                before = [c for c in cands if c.status == "held" and c.paragraphs and max(c.paragraphs) < para.paragraph_number and c.rule in _ENCOUNTER_RULES]
                if not before:
                    continue
                home = [max(before, key=lambda c: max(c.paragraphs))]
            for c in home[:1]:
                if c.block_people:
                    continue
                c.people = [p for p in c.people if not (p.country == side and getattr(p, "group", False))]
                c.people.append(lead)
                c.people.extend(members)
                c.paragraphs.add(para.paragraph_number)


_ATTENDED = re.compile(r"\b(?:also\s+)?(?:participated|attended|took part|sat in|joined (?:the|them|him|her|us)\b)", _F)


def _attendees(cands: list[_Cand], ctx: _Ctx, actors) -> None:
    """'The Secretary of Intelligence and his deputy participated': officials a paragraph says
    took part, in a sentence that reports no meeting of its own, are at the meeting the
    paragraph reports."""
    for para in ctx.doc.paragraphs:
        if not _ATTENDED.search(para.text):
            continue
        home = [c for c in cands if para.paragraph_number in c.paragraphs and c.status == MeetingStatus.HELD.value
                and not c.block_people and c.rule in _ENCOUNTER_RULES | {"subject"}]
        if len(home) != 1:
            continue  # no meeting, or several: whose attendee is unclear
        c = home[0]
        for a, b in _spans(para.text):
            sentence = para.text[a:b]
            if not _ATTENDED.search(sentence) or _all_triggers(sentence):
                continue
            have = {(p.country, p.name or p.title) for p in c.people}
            for p, _, _ in _people_in(sentence, ctx, actors):
                if p.country and p.level and not p.reporter and (p.country, p.name or p.title) not in have:
                    c.people.append(p)


def session_heads(doc: ParsedCable, paragraphs: set[int], host: str | None) -> list[tuple[Person, int]]:
    """The heads of each side a dialogue session's own paragraphs name (for sessions the
    meetings extractor did not also find), with the paragraph that says so."""
    ctx = _Ctx(doc=doc, ref=_reference_date(doc), host=host, embassy=_is_embassy(doc))
    out: list[tuple[Person, int]] = []
    for para in doc.paragraphs:
        if para.paragraph_number in paragraphs:
            out.extend((lead, para.paragraph_number) for lead, _members, _m in _side_heads(para.text, ctx))
    return out


_INCLUDED = re.compile(r"\b(?:which|that)\s+(?:also\s+)?included\b|\bincluding\b")
_SENTENCE_END = re.compile(r"\.(?:\s+[A-Z(]|\s*$)")
_NAME_COMMA_TITLE = re.compile(r"^(?:and\s+)?(?P<name>(?:[A-Z][\w'’.-]+\s+){1,4}[A-Z][\w'’.-]+),\s*(?P<title>[^,;]+(?:,\s*[^,;]+)?)$")


def _delegation_members(text: str, at: int, side: str) -> list[Person]:
    """'... led the U.S. delegation, which included A, Title; B, Title; and C, Title': the
    members of a side, each written 'Name, Title' and separated by semicolons."""
    from .people import _is_name_word

    end = _SENTENCE_END.search(text, at)
    clause = text[at:end.start() if end else len(text)]
    inc = _INCLUDED.search(clause)
    if not inc or ";" not in clause[inc.end():]:
        return []
    out = []
    for entry in clause[inc.end():].split(";"):
        m = _NAME_COMMA_TITLE.match(entry.strip(" ,:"))
        if not m or not all(_is_name_word(w) for w in m.group("name").split()):
            continue
        title = expand_title(m.group("title").strip())
        person = Person(name=m.group("name"), title=title, country=side, level=level_for_title(title, side),
                        start=0, end=0, text=m.group(0), raw_title=m.group("title").strip())
        out.append(person)
    return out


_SINGULAR_GROUP = re.compile(r"\b(?:official|officer|prosecutor|representative|diplomat|counterpart|commander|negotiator|interlocutor)$")


def _lead_by_rank(people: list[Person], venue: str | None = None, host: str | None = None) -> None:
    """Prose names people in any order: each side's lead is its highest-ranked official (the
    first named among equals)."""
    from .people import _rank

    def rank(p: Person) -> int:
        # an ambassador or chargé accompanies a visiting principal of his own side
        if p.level == Level.AMBASSADOR and any(q is not p and q.country == p.country and q.level in _VISITOR_LEVELS and not _EMBASSY_STAFF.search(q.title or "") for q in people):
            return _rank(Level.WORKING_LEVEL)
        return _rank(p.level)

    best: dict[str | None, Person] = {}
    fixed: set[str | None] = set()
    for p in people:
        if p.country is None or p.role == ParticipantRole.NOTETAKER or getattr(p, "group", False):
            continue  # an unnamed group ("Argentine officials") takes part but does not lead
        if not _may_lead(p, people, venue, host):
            continue
        if getattr(p, "delegation", False):
            best[p.country] = p  # the cable says who headed the side
            fixed.add(p.country)
            continue
        if p.country in fixed:
            continue
        cur = best.get(p.country)
        if cur is None or rank(p) < rank(cur) or (rank(p) == rank(cur) and p.name and not cur.name):
            best[p.country] = p  # among equals a named official rather than an unnamed office
    for p in people:
        # a side the cable gives only as a group ('a Paraguayan federal prosecutor', 'German
        # Embassy counterparts') is still a side: the group heads it
        if getattr(p, "group", False) and _SINGULAR_GROUP.search(p.title or "") and p.country and p.country not in best and p.role != ParticipantRole.NOTETAKER and _may_lead(p, people, venue, host):
            best[p.country] = p
    for p in best.values():
        p.role = ParticipantRole.LEAD


def _records(doc: ParsedCable, c: _Cand, host: str | None = None) -> tuple[Meeting, list[MeetingParticipant]]:
    edtf = c.date.edtf if c.date else None
    anchor = (min(c.paragraphs), edtf, c.country, c.rule)
    meeting_id = record_id("mtg", doc.cable_id, *anchor)
    people = _dedupe_people(c.people)
    for p in people:
        if p.role == ParticipantRole.LEAD and not c.block_people:
            p.role = ParticipantRole.PARTICIPANT
    if not c.block_people:
        # an unnamed office ('the President') placed in the host only by default is not
        # known to be at a meeting held in another country
        people = [p for p in people if p.name or _may_lead(p, people, c.country, host)]
        # a planned trip abroad is the host's own official travelling ("President Lee will visit
        # Washington"): he leads his side there
        travel = c.rule in ("visit", "future") and c.status != "held"
        _lead_by_rank(people, None if travel else c.country, host)
    cameo, plover, mode = event_coding(c.status, c.country, c.parties())
    meeting = Meeting(
        meeting_id=meeting_id, cable_id=doc.cable_id, paragraph_numbers=sorted(c.paragraphs),
        quote_paragraph=c.paragraph, quote=c.quote, method=f"meetings:{c.rule}", confidence=c.confidence,
        cameo_code=cameo, plover_type=plover, plover_mode=mode, dialogue_id=None, session_number=None,
        date_edtf=edtf, date_start=c.date.date_start if c.date else None, date_end=c.date.date_end if c.date else None,
        city=c.city, country_code=c.country, status=c.status, kind=c.kind,
    )
    rows = []
    seen = set()
    for p in people:
        if not (p.name or p.title):
            continue
        # names and titles read off hard-wrapped lines keep no line breaks
        name = " ".join(p.name.split()) if p.name else None
        title = " ".join(p.title.split()) if p.title else None
        pid = record_id("par", doc.cable_id, meeting_id, p.country, name or title)
        if pid in seen:
            continue
        seen.add(pid)
        qn, quote = _quote_for(doc, c, p)
        rows.append(MeetingParticipant(
            participant_id=pid, meeting_id=meeting_id, cable_id=doc.cable_id, name=name, title=title,
            country_code=p.country if p.country and (len(p.country) == 3 or p.country.isupper()) else None,
            role=p.role, level=p.level, paragraph_numbers=sorted(c.paragraphs), quote_paragraph=qn, quote=quote,
            method=f"meetings:{c.rule}", confidence=round(c.confidence * (0.9 if c.block_people else 0.7), 3),
        ))
    return meeting, rows


_SUBJECT_MEETING = re.compile(
    r"\b(?:meeting with|meets with|meets|met with|(?:courtesy |introductory |farewell |office )?calls? on|conversation with|talks with|"
    r"speaks (?:to|with)|meeting at|discuss(?:es)? .{0,60}? with)\b|\b(?:and|&) (?:the )?(?:ambassador|charge|dcm) discuss\b", _F)
_SUBJECT_ACRONYMS = frozenset({"US", "USG", "UN", "EU", "OAS", "NATO", "DAS", "PDAS", "DASD", "NSA", "CG", "DCM", "CDA", "FM", "PM", "VP", "MOD", "MFA", "MEA", "NSC", "USTR", "CODEL", "DFM", "VFM", "UK", "UAE", "DPRK", "PRC", "ROK"})
_POST_ACTOR = re.compile(r"\b(?:Ambassador|Charge|CDA|CG|DCM|Embassy|Poloff|Econoff|Consul|Deputy Chief|Post|U\.S\.|USG)\b", _F)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "to", "with", "on", "in", "at", "a", "an"})


def _smart_case(text: str) -> str:
    """An all-capitals subject in ordinary capitals, so titles and names read as in prose:
    'MEETING WITH DEFENSE MINISTER KAMP' -> 'Meeting with Defense Minister Kamp'."""
    if not text.isupper():
        return text
    words = []
    for i, w in enumerate(text.split(" ")):
        low = w.lower()
        if i and low in _SMALL_WORDS:
            words.append(low)
        elif re.fullmatch(r"[A-Z]{1,3}/[A-Z]{1,3}[,:]?|[A-Z]\.?|(?:[A-Z]\.){2,3}[,:]?|GO[A-Z][,:]?", w) or w.strip(",:'S’") in _SUBJECT_ACRONYMS:
            words.append(w)
        else:
            words.append(w[:1] + w[1:].lower())
    return " ".join(words)


def _subject_candidate(ctx: _Ctx, actors) -> _Cand | None:
    """The meeting a cable's subject line announces ('MEETING WITH PRESIDENT RAHMONOV', 'A/S
    CAMPBELL'S FEBRUARY 3 MEETING WITH NSA KIM').  In a post's cable an unnamed US side is the
    post itself."""
    subject = ctx.doc.cable.subject
    if not subject or not _SUBJECT_MEETING.search(subject):
        return None
    text = _smart_case(re.sub(r"^\(\w+\)\s*", "", subject))
    people = [p for p, _, _ in _people_in(text, ctx, actors)]
    trig = _SUBJECT_MEETING.search(text)
    actor = text[:trig.start()].rsplit(":", 1)[-1].strip() if trig else ""
    post_is_actor = not actor or bool(_POST_ACTOR.search(actor))
    if not any(p.country == "USA" for p in people) and ctx.embassy and post_is_actor:
        people.append(Person(name=None, title=None, country="USA", level=None, text=""))
    if len({p.country for p in people if p.country}) < 2:
        return None
    dates = [d for d in find_dates(text, ctx.ref) if d.edtf.count("-") == 2]
    return _Cand(rule="subject", kind="meeting", paragraph=0, quote="", date=dates[0] if dates else None,
                 status=MeetingStatus.HELD.value, people=people, paragraphs=set(), confidence=0.6)


def _has_word(text: str, word: str) -> bool:
    """``word`` in ``text`` between non-letters (no per-word regex compiled)."""
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(word)] if i + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(word, i + 1)
    return False


def _place_subject(subject: _Cand, merged: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Fold the subject's meeting into the cable's own record of it (its first held meeting
    sharing a foreign side), or keep it, quoted from the first paragraph that names its
    counterpart, when the body reports it only in passing."""
    foreign = {p.country for p in subject.people if p.country and p.country != "USA"}
    names = {w.lower() for p in subject.people if p.name and p.country in foreign for w in p.name.split() if len(w) > 2}
    for c in merged:
        theirs = {w.lower() for p in c.people if p.name and p.country in foreign for w in p.name.split() if len(w) > 2}
        if names and theirs and not names & theirs:
            continue  # the subject names someone else: a different encounter
        if c.status == MeetingStatus.HELD.value and foreign & c.parties() and (subject.date is None or c.date is None or c.date.edtf == subject.date.edtf):
            if c.date is None and subject.date is not None:
                c.date = subject.date
            known = {(p.country, (p.name or "").split()[-1:] and p.name.split()[-1].lower()) for p in c.people if p.name}
            for p in subject.people:
                if p.name and p.country and (p.country, p.name.split()[-1].lower()) not in known and not c.block_people:
                    c.people.append(p)
            return merged
    keys = [p.name.split()[-1] for p in subject.people if p.name and p.country in foreign]
    keys += [p.raw_title for p in subject.people if not p.name and p.raw_title and p.country in foreign]
    # "the Minister said": the body names the subject's "Foreign Minister" by his rank alone
    keys += ["the " + p.raw_title.split()[-1] for p in subject.people
             if not p.name and p.raw_title and p.country in foreign and len(p.raw_title.split()) > 1]
    for para in ctx.doc.paragraphs:
        for s, e in sentence_spans(para.text):
            sentence = para.text[s:e]
            low = sentence.lower()
            if any(k and _has_word(low, k.lower()) for k in keys):
                subject.paragraph, subject.quote = para.paragraph_number, sentence.strip()[:400]
                subject.paragraphs = {para.paragraph_number}
                if ctx.embassy and ctx.host in foreign:
                    subject.country = ctx.host
                return merged + [subject]
    return merged


_TRIGGER_HINT = re.compile(r"meet|met\b|\bsee\b|visit|call|told|talks|summit|deliver|demarch|resum|negotia|between|trip|travel|codel|brief|session|consultation|discuss|conversation|lunch|dinner|breakfast|informed|assured|explained|stressed|emphasi|said to|noted to|gave|arriv|host|readout|confided|conveyed|underscored|complained|expressed", _F)


def _trigger_dates(text: str, ref: dt.date | None) -> list[DateMention]:
    """Dates of the sentences that may hold a meeting trigger, with paragraph offsets: dates are
    read only where a meeting may be (most sentences have none), which keeps extraction fast."""
    out: list[DateMention] = []
    for a, b in _spans(text):
        if not _TRIGGER_HINT.search(text, a, b):
            continue
        for d in find_dates(text[a:b], ref):
            out.append(DateMention(d.start + a, d.end + a, d.text, d.edtf, d.date_start, d.date_end, d.relative, d.approximate))
    return out


def _conversation_date(memcon: _Cand | None, found: list[list[_Cand]], ref: dt.date | None) -> dt.date | None:
    """The day of the conversation a cable reports: its memcon head's, else the day of the first
    held meeting in its first three paragraphs; kept only when it falls in the two months
    before the cable (a report, not a history)."""
    first = memcon if memcon is not None and memcon.date is not None else None
    if first is None:
        for group in found[:3]:
            for c in group:
                if (c.status == MeetingStatus.HELD.value and c.date is not None and c.date.date_start == c.date.date_end and not c.date.relative
                        and any(p.country == "USA" for p in c.people)):  # our conversation, not a visit it reports
                    first = c
                    break
            if first is not None:
                break
    if first is None or first.date is None or first.date.date_start != first.date.date_end or ref is None:
        return None
    day = first.date.date_start
    return day if 0 <= (ref - day).days <= 60 else None


def extract_meetings(doc: ParsedCable, host: str | None = None, actors=None) -> tuple[list[Meeting], list[MeetingParticipant]]:
    """Meetings a cable reports or plans, with their participants.

    ``host``: the country of the sending post (``countries.host_country(doc)`` when not given);
    officials with no nationality written in a post's cable serve the host government.
    ``actors``: an ``actors.ActorIndex`` of the cable when the caller has built one (surname ->
    government); optional, since the cable's own titled mentions place most surnames.
    """
    if not isinstance(host, str):
        host = host_country(doc)
    ctx = _Ctx(doc=doc, ref=_reference_date(doc), host=host, embassy=_is_embassy(doc))
    cands: list[_Cand] = []
    memcon = _memcon(ctx, actors)
    if memcon is not None:
        cands.append(memcon)
    _learn_people(ctx, actors, memcon)
    prose = [p for p in doc.paragraphs if not (memcon is not None and p.paragraph_number in memcon.paragraphs and _PARTICIPANTS.search(p.text))]
    dates = [_trigger_dates(p.text, ctx.ref) for p in prose]
    found = [_sentence_candidates(ctx, p.paragraph_number, p.text, d, actors) for p, d in zip(prose, dates)]
    talk_date = _conversation_date(memcon, found, ctx.ref)
    if talk_date is not None and talk_date != ctx.ref:
        # Reported speech ("he will visit Beijing next week") counts from the conversation:
        # paragraphs with relative dates are read again against that day.
        ctx.ref = talk_date
        for i, (p, d) in enumerate(zip(prose, dates)):
            if any(x.relative for x in d):
                found[i] = _sentence_candidates(ctx, p.paragraph_number, p.text, _trigger_dates(p.text, talk_date), actors)
    for group in found:
        cands.extend(group)
    if talk_date is not None:
        # "In a separate meeting, Brigadier Holand told Pol/MilOff ...": another conversation
        # of the same visit, on the day the cable reports
        for c in cands:
            if c.separate and c.date is None and c.status == MeetingStatus.HELD.value:
                c.date = DateMention(0, 0, "", talk_date.isoformat(), talk_date, talk_date, True, False)
    merged = _merge(cands)
    subject = _subject_candidate(ctx, actors)
    if subject is not None:
        merged = _place_subject(subject, merged, ctx)
    _delegation_leads(merged, ctx)
    _attendees(merged, ctx, actors)
    meetings, participants = [], []
    seen = set()
    for c in merged:
        m, rows = _records(doc, c, ctx.host)
        if m.meeting_id in seen:
            continue
        seen.add(m.meeting_id)
        meetings.append(m)
        participants.extend(rows)
    return meetings, participants
