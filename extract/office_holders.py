"""Who held the top national offices in 2000-2010, so a leader named without a nationality can
be placed.

Cables routinely write "Prime Minister Blair", "President Uribe", "FM Lavrov" or just "Hu
Jintao" and never say which government the person serves: the cable's readers knew.  Guessing
the post's host country is wrong exactly when it matters most, for a visiting leader or a call
on a third country's minister.  The gazetteer in ``data/office_holders.csv`` (heads of state and
government, foreign and defence ministers, and the secretaries-general of the main
international organisations, written from general knowledge of world politics, months
approximate to +/-1) lets the extractors settle that from the name, the title in front of it
and the cable's date.

Conventions of the table, and why:

* Terms are months; a term covers its whole first and last month, so handovers overlap by a
  month rather than leave a gap (a cable dated the week of a handover may name either person).
  A same-surname handover (Nestor to Cristina Kirchner) therefore answers None that month.
* The table is deliberately incomplete: anyone the author was unsure of is left out, so a
  missing row means "unknown", never "nobody held the office".
* In presidential systems the president has only a ``head_of_state`` row: "Prime Minister X"
  must not resolve to a president.  Where one person really holds both posts (Saudi and Omani
  monarchs, Fidel and Raul Castro) both rows are present.
* Iran's Supreme Leader is the head of state and its President the head of government; Spain's
  head of government and the European Commission's head are styled "President" in English, so
  "President" also fits those three heads of government.
* Federal Yugoslavia / Serbia and Montenegro offices are filed under SRB, Kosovo under XKX
  (the code ``countries.py`` uses), the Palestinian Authority under PSE.
* A nationality written in the title ("Saudi King", "Indian PM") is read with
  ``countries.country_code`` and must agree with the holder's country.
* Bosnia's three presidency members are all ``head_of_state``; the AU Commission chairperson,
  the OAU secretary-general and the IAEA director general are ``secretary_general``.
"""

from __future__ import annotations

import calendar
import csv
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path

from .countries import country_code

DATA_PATH = Path(__file__).parent / "data" / "office_holders.csv"

OFFICES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defense_minister",
    "secretary_general",
)

#: Office -> the schema's participant level (schema.vocab.Level): a head of government meets at
#: head-of-state level, ministers at minister level, an organisation's head as a senior official.
LEVEL_OF_OFFICE: dict[str, str] = {
    "head_of_state": "head_of_state",
    "head_of_government": "head_of_state",
    "foreign_minister": "minister",
    "defense_minister": "minister",
    "secretary_general": "senior_official",
}

#: Organisation codes the table may use instead of an ISO 3166-1 alpha-3 code.
ORGANISATIONS = frozenset({"UN", "EU", "NATO", "OAS", "AU", "LAS", "OSCE", "IAEA"})

#: When ``on`` is not given, only terms overlapping the cables' decade count.
PERIOD = (date(2000, 1, 1), date(2010, 12, 31))


@dataclass(frozen=True)
class OfficeHolder:
    """One person's term in one office.  ``end`` is the last day of the term's last month, or
    None when the term ran past 2010."""

    country: str
    office: str
    name: str
    short: tuple[str, ...]
    start: date
    end: date | None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or first <= self.end)

    @property
    def level(self) -> str:
        return LEVEL_OF_OFFICE[self.office]


# ---------------------------------------------------------------------------------------------
# Loading


def _month_start(text: str) -> date:
    year, month = (int(part) for part in text.split("-"))
    return date(year, month, 1)


def _month_end(text: str) -> date:
    year, month = (int(part) for part in text.split("-"))
    return date(year, month, calendar.monthrange(year, month)[1])


@cache
def office_holders() -> tuple[OfficeHolder, ...]:
    """Every row of the gazetteer, in file order (read once)."""
    with DATA_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple(
            OfficeHolder(
                country=row["country"].strip(),
                office=row["office"].strip(),
                name=row["name"].strip(),
                short=tuple(s.strip() for s in row["short"].split("|") if s.strip()),
                start=_month_start(row["start"].strip()),
                end=_month_end(row["end"].strip()) if row["end"].strip() else None,
            )
            for row in csv.DictReader(handle)
        )


# ---------------------------------------------------------------------------------------------
# Name keys: cables write names in capitals, with or without accents, hyphens and apostrophes
# ("YAR'ADUA", "Kim Jong Il", "Koehler"), so names compare on a folded key.

_DROP = re.compile(r"[.'\u2019`\u00b4]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_,]+")
_ARTICLE = re.compile(r"^(?:al|el) ")

#: Name particles that do not make a surname any less bare ("de Villepin", "al-Maliki").
_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von",
     "der", "den", "zu", "al", "el", "bin", "ibn", "wa", "arap", "ould"}
)


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _SPACE.sub(" ", _DROP.sub("", folded)).strip()


def _name_words(form: str) -> int:
    """How many real name words a form has: "Hu Jintao" 2, "al-Maliki" and "de Villepin" 1."""
    return sum(1 for w in form.split() if w.casefold().strip(".") not in _PARTICLES)


@cache
def _index() -> dict[str, tuple[tuple[OfficeHolder, bool], ...]]:
    """Folded name -> (holder, whether the name is the holder's full name).  "al-X" forms are
    also filed under "X", since cables drop the article as often as they keep it."""
    index: dict[str, list[tuple[OfficeHolder, bool]]] = {}

    def add(key: str, holder: OfficeHolder, full: bool) -> None:
        entries = index.setdefault(key, [])
        for i, (known, was_full) in enumerate(entries):
            if known is holder:
                entries[i] = (holder, was_full or full)
                return
        entries.append((holder, full))

    for holder in office_holders():
        add(_key(holder.name), holder, True)
        for form in holder.short:
            key = _key(form)
            add(key, holder, False)
            bare = _ARTICLE.sub("", key)
            if bare != key:
                add(bare, holder, False)
    return {k: tuple(v) for k, v in index.items()}


def _as_date(on: date | datetime | None) -> date | None:
    return on.date() if isinstance(on, datetime) else on


def _in_term(holder: OfficeHolder, on: date | None) -> bool:
    return holder.covers(on) if on is not None else holder.overlaps(*PERIOD)


def _matches(name: str, on: date | None) -> list[tuple[OfficeHolder, bool]]:
    key = _key(name or "")
    if not key:
        return []
    return [(h, full) for h, full in _index().get(key, ()) if _in_term(h, on)]


def _skeleton(key: str) -> str:
    """A name's consonants, doubled ones once: transliterations of one Arabic or Persian name
    differ in their vowels ("Moallam", "Moallem", "Muallem" are all "mlm")."""
    consonants = re.sub(r"[aeiouy\s'-]", "", key)
    return re.sub(r"(.)\1+", r"\1", consonants)


@cache
def _skeleton_index() -> dict[str, tuple[OfficeHolder, ...]]:
    index: dict[str, list[OfficeHolder]] = {}
    for holder in office_holders():
        for form in holder.short:
            if _name_words(form) == 1:
                bare = _ARTICLE.sub("", _key(form))
                skeleton = _skeleton(bare)
                if len(skeleton) >= 3 and holder not in index.setdefault(skeleton, []):
                    index[skeleton].append(holder)
    return {k: tuple(v) for k, v in index.items()}


def _spelled_otherwise(name: str, on: date | None) -> list[tuple[OfficeHolder, bool]]:
    """Surname matches by skeleton, for a titled name the table spells another way."""
    key = _ARTICLE.sub("", _key(name or ""))
    if _name_words(key) != 1 or len(key) < 6:
        return []
    return [(h, False) for h in _skeleton_index().get(_skeleton(key), ())
            if _in_term(h, on) and any(_ARTICLE.sub("", _key(f))[:1] == key[:1] for f in h.short)]


def holders_named(text_name: str, on: date | None = None) -> list[OfficeHolder]:
    """Every term whose holder a cable could mean by ``text_name`` on ``on``.  More than one
    answer is normal ("Kim", "Rasmussen"); the caller decides with the title and context, or
    uses :func:`identify`."""
    return [h for h, _ in _matches(text_name, _as_date(on))]


# ---------------------------------------------------------------------------------------------
# Titles.  A bare surname is only safe when the title in front of it agrees with the office:
# "Prime Minister Singh" is India's in 2005, "Foreign Minister Singh" may be another Singh.

_HOS = frozenset({"head_of_state"})
_HOG = frozenset({"head_of_government"})
_FM = frozenset({"foreign_minister"})
_MOD = frozenset({"defense_minister"})
_SG = frozenset({"secretary_general"})
_MINISTERS = _FM | _MOD

#: Title key -> ((offices, countries or None for any), ...).  Country limits keep titles that
#: mean something else elsewhere apart: India's and Pakistan's "Foreign Secretary" is a civil
#: servant, Latin America's "Chancellor" (Canciller) is the foreign minister.
_TITLES: dict[str, tuple[tuple[frozenset[str], frozenset[str] | None], ...]] = {}


def _title(offices: frozenset[str], *keys: str, countries: str | None = None) -> None:
    limit = frozenset(countries.split()) if countries else None
    for key in keys:
        _TITLES[_key(key)] = _TITLES.get(_key(key), ()) + ((offices, limit),)


_title(_HOS, "President", "King", "Queen", "Emir", "Amir", "Sultan", "Emperor", "Grand Duke",
       "Monarch", "Head of State", "Presidente")
_title(_HOS, "Supreme Leader", "Leader", countries="IRN")
_title(_HOS, "Pope", "Holy Father", "Pontiff", countries="VAT")
_title(_HOS, "Presidency Member", "Presidency Chairman", "Presidency Chair", countries="BIH")
_title(_HOS, "Chairman", countries="PSE PRK MMR")
_title(_HOS, "Senior General", countries="MMR")
_title(_HOS, "Brother Leader", "Leader", "Colonel", countries="LBY")
_title(_HOG, "President", countries="ESP EU IRN")
_title(_HOG, "Prime Minister", "PM", "Premier", "Head of Government", "Primer Ministro",
       "Premier Ministre")
_title(_HOG, "Chancellor", "Federal Chancellor", countries="DEU AUT")
_title(_HOG, "Taoiseach", countries="IRL")
_title(_HOG, "Chief Executive", countries="PAK")
_title(_HOG, "Chief Adviser", "Chief Advisor", countries="BGD")
_title(_HOG, "Chairman of the Council of Ministers", "Council of Ministers Chairman",
       countries="BIH")
_title(_FM, "Foreign Minister", "FM", "FonMin", "ForMin", "Minister of Foreign Affairs",
       "Minister for Foreign Affairs", "Foreign Affairs Minister", "Minister of External Affairs",
       "External Affairs Minister", "EAM", "Minister of External Relations",
       "External Relations Minister", "Minister of Foreign Relations")
_title(_FM, "Canciller", "Chancellor",
       countries="ARG BOL BRA CHL COL CRI CUB DOM ECU GTM HND MEX NIC PAN PER PRY SLV URY VEN")
_title(_FM, "Foreign Secretary", countries="GBR")
_title(_FM, "Secretary of State", "SecState", "Secretary of State for Foreign Affairs",
       countries="USA GBR")
_title(_FM, "High Representative", "HighRep", "High Rep", countries="EU")
_title(_MOD, "Defense Minister", "Defence Minister", "Minister of Defense", "Minister of Defence",
       "Minister for Defence", "Minister for Defense", "Minister of National Defense",
       "Minister of National Defence", "National Defense Minister", "National Defence Minister",
       "MOD", "MinDef", "DefMin", "Minister of People's Armed Forces",
       "Minister of the Armed Forces", "JDA Director General")
_title(_MOD, "Defense Secretary", "Defence Secretary", "Secretary of Defense", "SecDef",
       "Secretary of State for Defence", countries="USA GBR")
_title(_MINISTERS, "Secretary", countries="USA")
_title(_MINISTERS, "Minister")
_title(_SG, "Secretary General", "SYG", "SecGen", "SG", "UNSYG", "UNSG", "UNSecGen")
_title(_SG, "Director General", "DG", countries="IAEA")
_title(_SG, "Chairperson", "Chairman", "Commission Chairperson", "Commission Chairman",
       countries="AU")

#: Titles that are too vague with anything in front of them ("Home Secretary", "State Minister").
_ALONE_ONLY = frozenset({_key("Secretary"), _key("Minister"), _key("Leader")})

#: A word right before the title that makes it a different post ("Deputy Prime Minister").
_NOT_THE_POST = frozenset(
    {"vice", "deputy", "former", "ex", "assistant", "under", "crown", "shadow", "junior",
     "permanent", "principal", "senate", "assembly", "parliament", "parliamentary", "court",
     "bank", "party", "congress", "provincial", "regional", "state", "late",
     "outgoing", "incoming", "elect", "designate", "candidate", "presidential"}
)

_PM_TITLES = frozenset(_key(t) for t in ("Prime Minister", "PM", "Premier", "Chancellor",
                                          "Taoiseach", "Head of Government"))

_Title = tuple[tuple[frozenset[str], frozenset[str] | None], ...]


def _read_title(office_words: str | None) -> tuple[str, _Title] | None:
    """The recognised title at the end of ``office_words`` and what it may mean; () when the
    words name a different post (deputy, vice, former...); None when there is no title."""
    words = _key(office_words or "")
    if not words:
        return None
    if words.split()[-1] in {"elect", "designate"}:
        return words, ()
    best = ""
    for key in _TITLES:
        if (words == key or words.endswith(" " + key)) and len(key) > len(best):
            best = key
    if not best:
        return None
    before = words[: len(words) - len(best)].split()
    if before and best in _ALONE_ONLY:
        return best, ()
    if before and before[-1] in _NOT_THE_POST:
        return best, ()
    return best, _TITLES[best]


_PUNCT = re.compile(r"^[\W_]+|(?:'s|\u2019s)?[\W_]*$")


def _country_hint(office_words: str | None, title_key: str | None) -> str | None:
    """The one country or organisation the words before the name mention ("Saudi King",
    "Indian PM", "NATO Secretary General"), or None."""
    title_words = set(title_key.split()) if title_key else set()
    tokens = [_PUNCT.sub("", t) for t in (office_words or "").split()]
    tokens = [t for t in tokens if t and _key(t) not in title_words]
    spans = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
    codes = {code for span in spans if (code := country_code(span))}
    return codes.pop() if len(codes) == 1 else None


def _fits(holder: OfficeHolder, meanings: _Title) -> bool:
    return any(
        holder.office in offices and (countries is None or holder.country in countries)
        for offices, countries in meanings
    )


@lru_cache(maxsize=16384)
def identify(
    name: str, office_words: str | None = None, on: date | None = None
) -> OfficeHolder | None:
    """The one office holder a cable must mean by "<office_words> <name>" on ``on``, or None.

    None is the honest answer whenever more than one person or country remains: a wrong
    nationality is worse than none.  A full name ("Hugo Chavez") is specific enough alone; a
    surname is accepted only under a title that fits the office ("President Uribe"), or when the
    short form is itself a multi-word name ("Hu Jintao").  A title that names another post
    ("Deputy Prime Minister", "Vice President", "former President") rules every holder out.
    """
    on = _as_date(on)
    matches = _matches(name, on)
    if not matches and office_words and office_words.strip().casefold() not in ("minister", "the minister"):
        matches = _spelled_otherwise(name, on)  # "FM Moallam": the table writes "Moallem"
    if not matches:
        return None
    title = _read_title(office_words)
    meanings = title[1] if title else None
    pm_title = title is not None and title[0] in _PM_TITLES

    # The same person heading state and government answers to "Prime Minister" either way.
    heads_of_government = {
        (h.country, h.name) for h, _ in matches if h.office == "head_of_government"
    }

    def fits(holder: OfficeHolder) -> bool:
        if meanings is None:
            return True
        if _fits(holder, meanings):
            return True
        return (pm_title and holder.office == "head_of_state"
                and (holder.country, holder.name) in heads_of_government)

    kept: list[OfficeHolder] = []
    for holder, full in matches:
        if not fits(holder):
            continue
        # Under no usable title only a full name or a multi-word short form is specific enough.
        if full or meanings or _name_words(name) >= 2:
            kept.append(holder)
    # "Saudi King Abdullah": a nationality written in the title decides, and contradicts.
    hint = _country_hint(office_words, title[0] if title else None)
    if hint is not None:
        kept = [h for h in kept if h.country == hint]
    people = {(h.country, _key(h.name)) for h in kept}
    if len(people) != 1:
        return None
    # Several terms of one person (PM twice, PM then FM): the one in office on the day, in the
    # office the title names, first.
    return min(kept, key=lambda h: (
        not (on is None or h.covers(on)),
        meanings is not None and not _fits(h, meanings),
        OFFICES.index(h.office),
    ))


@cache
def _full_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the word sequences of every name specific enough to stand without a
    title ("Tony Blair", "Hu Jintao"), longest first."""
    forms: dict[str, set[tuple[str, ...]]] = {}
    for holder in office_holders():
        for form in (holder.name, *holder.short):
            if _name_words(form) >= 2:
                words = tuple(form.split())
                forms.setdefault(words[0], set()).add(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in forms.items()}


_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s$")


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word.rstrip(".,"))


_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")


@lru_cache(maxsize=8192)
def find_full_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of each full name of an office-holder written in ``text``: a cable's
    first mention of a leader is often the bare full name.  Words are compared one by one from
    a known first word, which is far cheaper than one pattern of two thousand names; a text
    with no known first word at all is passed over after one scan."""
    forms = _full_forms()
    if forms.keys().isdisjoint(_CAPITALISED.findall(text)):
        return ()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        candidates = forms.get(words[i][2])
        hit = None
        if candidates:
            for form in candidates:
                n = len(form)
                if i + n <= len(words) and all(_bare(words[i + k][2]) == form[k] for k in range(1, n)):
                    last = words[i + n - 1]
                    end = last[0] + len(form[-1])
                    if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                        continue
                    hit = (words[i][0], end, text[words[i][0]:end])
                    i += n
                    break
        if hit:
            out.append(hit)
        else:
            i += 1
    return tuple(out)


#: An office as a title for a person the gazetteer names without one.
TITLE_OF_OFFICE: dict[str, str] = {
    "head_of_state": "Head of State",
    "head_of_government": "Head of Government",
    "foreign_minister": "Foreign Minister",
    "defense_minister": "Defense Minister",
    "secretary_general": "Secretary General",
}
