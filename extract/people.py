"""People in cables: participant blocks, titles and levels.

Memoranda of conversation list who took part under "Participants:", side by side, in many
layouts: one person per line under a country heading; "USG: ...; UK: ..."; or everything run
together on one line ("UNITED STATES U/S Willian J. Burns DAS Christopher J. McMullen Sara
Mangiaracina (WHA Notetaker) PERU FM Jose Antonio Garcia Belaunde ...").  ``parse_participants``
reads all of them into ``Person`` values: name (typos in common first names mended), title
(abbreviations written out), the government served, role and level.

Reading a run-together block works on words: each word is a title word (an office, rank,
honorific, acronym, country word or connector) or a name word (a capitalised word that is none
of those).  A person is an optional title before the name, the name, and an optional title after
a comma or in parentheses.  Where a title follows a comma and more words follow, the title words
that can only stand before a name ("Ambassador", "Rep.", "DAS") start the next person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from engagements.schema.vocab import Level, ParticipantRole

from .countries import country_code, find_countries
from .names import is_initial, is_particle, mend_name, split_names
from .titles import ABBREVIATIONS, expand_title, level_for_title

__all__ = ["LEVEL_ORDER", "Person", "choose_leads", "expand_title", "level_for_title", "parse_participants"]


@dataclass
class Person:
    """One participant as a block lists them; offsets are into the block."""

    name: str | None
    title: str | None
    country: str | None
    role: ParticipantRole = ParticipantRole.PARTICIPANT
    level: Level | None = None
    start: int = 0
    end: int = 0
    text: str = ""  # the words as written
    raw_title: str | None = None
    reporter: bool = False  # the sentence's reporting subject ("PolCouns noted that ..."), not a party
    weak: bool = False  # the country is only the post's host, by default: the cable does not say it


#: Ranks from highest to lowest, for choosing leads.
LEVEL_ORDER = [
    Level.HEAD_OF_STATE, Level.MINISTER, Level.DEPUTY_MINISTER, Level.ASSISTANT_SECRETARY,
    Level.DEPUTY_ASSISTANT_SECRETARY, Level.AMBASSADOR, Level.SENIOR_OFFICIAL,
    Level.MILITARY_COMMANDER, Level.LEGISLATOR, Level.WORKING_LEVEL, Level.OTHER,
]

# ---------------------------------------------------------------------------------------------
# Word classes

#: Words that make up titles and offices (lower case).  Any all-capitals acronym counts too.
_TITLE_WORDS = frozenset(
    ["ambassador", "amb", "amb.", "minister", "ministry", "deputy", "vice", "under", "assistant", "secretary", "secretariat", "foreign", "affairs", "defense", "defence", "interior", "justice", "finance", "trade", "commerce", "economy", "economic", "political", "president", "presidential", "prime", "premier", "king", "queen", "emir", "chancellor", "chief", "chair", "chairman", "chairwoman", "director", "general", "directorate", "senior", "special", "advisor", "adviser", "counselor", "counsellor", "counsel", "officer", "office", "desk", "staff", "notetaker", "note-taker", "interpreter", "attache", "attaché", "consul", "consular", "charge", "chargé", "d'affaires", "representative", "rep.", "rep", "sen.", "senator", "congressman", "congresswoman", "member", "members", "speaker", "leader", "majority", "minority", "head", "commander", "commandant", "admiral", "colonel", "lieutenant", "major", "captain", "brigadier", "gen.", "adm.", "col.", "lt.", "maj.", "capt.", "ltg", "bg", "mg", "spokesman", "spokesperson", "coordinator", "envoy", "governor", "mayor", "delegation", "delegate", "embassy", "mission", "permanent", "perm", "principal", "executive", "acting", "first", "second", "third", "spokeswoman", "legal", "expert", "specialist", "analyst", "adviser", "attorney", "prosecutor", "judge", "justice", "police", "national", "international", "public", "security", "intelligence", "affairs", "bureau", "department", "division", "section", "unit", "agency", "council", "committee", "commission", "house", "senate", "assembly", "parliament", "congress", "cabinet", "program", "programs", "policy", "planning", "relations", "cooperation", "international", "regional", "multilateral", "bilateral", "strategic", "military", "naval", "air", "force", "army", "navy", "marine", "corps", "joint", "staff", "of", "for", "the", "and", "to", "in", "on", "at", "with", "-", "&", "/", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "hon.", "honorable", "his", "her", "excellency", "americas", "america", "western", "hemisphere", "european", "eurasian", "asian", "pacific", "african", "near", "eastern", "east", "west", "north", "south", "central", "southern", "northern", "affairs", "office's", "science", "technology", "energy", "environment", "health", "education", "agriculture", "industry", "labor", "labour", "transport", "communications", "information", "press", "culture", "cultural", "human", "rights", "humanitarian", "development", "aid", "assistance", "cooperation", "counterterrorism", "counter-terrorism", "counternarcotics", "narcotics", "enforcement", "law", "customs", "border", "immigration", "migration", "defense-related", "operations", "operation", "plans", "policy", "sub-committee", "subcommittee", "affairs,", "team", "lead", "senior-level", "former", "new", "acting", "interim", "high", "commissioner", "commissioners", "bank", "authority", "institute", "service", "services", "court", "group", "corporation", "fund", "agency", "private", "guard", "coast", "wing", "corps", "milgrp", "msg", "dea", "fbi", "inl", "personal", "executive", "federal", "state", "states", "europe", "asia", "africa", "latin", "caribbean", "middle", "united", "nations", "organization", "organisation", "union"]
)

#: Title words that stand before a name and never end a title written after one.
_PRE_NAME = frozenset(
    ["ambassador", "amb", "amb.", "senator", "sen.", "rep.", "rep", "representative", "congressman", "congresswoman", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "general", "gen.", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "brigadier", "ltg", "bg", "mg", "president", "minister", "foreign", "secretary", "deputy", "under", "assistant", "counselor", "counsellor", "director", "chief", "charge", "chargé", "dcm", "das", "pdas", "dasd", "u/s", "a/s", "d/s", "fm", "dfm", "vfm", "pm", "vp", "cda", "nsa", "hon.", "honorable", "governor", "mayor", "commander"]
)

_ROLE_NOTETAKER = re.compile(r"\bnote[- ]?taker\b", re.IGNORECASE)
_INTERPRETER = re.compile(r"\binterpret(?:er|ing)\b|\btranslator\b", re.IGNORECASE)
_TOKEN = re.compile(r"\([^()]*\)|[;,:]|--+|[^\s;,:()]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/&.\-']*[A-Z0-9.]$|^[A-Z]$")
_LEADER_HINT = re.compile(r"\b(?:majority leader|minority leader|speaker|head of delegation|delegation head|codel)\b", re.IGNORECASE)
_HEADER_TAIL = re.compile(r"\s*(?:side|delegation|participants|government|team|officials)?\s*(?::|\n|-{2,}|$)", re.IGNORECASE)
_REDACTED = re.compile(r"^[XxХх]{4,}")


_NAME_PREFIX = re.compile(r"^(?:al|el|bin|ibn|abu|de|da|di|van|von|d')-?[A-Z]")


def _is_title_word(word: str) -> bool:
    w = word.strip(",;")
    if _NAME_PREFIX.match(w):
        return False
    if w.endswith(".") and len(w) > 2 and w not in ABBREVIATIONS and w.lower() not in _TITLE_WORDS:
        w = w[:-1]
    low = w.lower()
    if low in _TITLE_WORDS or w in ABBREVIATIONS or low in _PRE_NAME:
        return True
    if _ACRONYM.match(w) and not is_initial(w) and len(w) <= 12:
        return True
    if "/" in w:  # NEA/MAG, Pol/MilOff
        return True
    if "-" in w.strip("-") and all(part.lower() in _TITLE_WORDS for part in w.strip("-").split("-") if part):
        return True  # "Political-Military"
    if w[:1].islower() and not is_particle(w):
        return True
    if re.match(r"^[\d(]", w) or re.match(r"^[A-Z]-[A-Z]{2}$", w):  # "D-NV"
        return True
    return country_code(w) is not None and not w[:1].islower()


def _is_name_word(word: str) -> bool:
    w = word.strip(",;")
    if is_initial(w) or is_particle(w) or _NAME_PREFIX.match(w):
        return True
    if _REDACTED.match(w):
        return False
    return bool(w[:1].isupper()) and not _is_title_word(w)


# ---------------------------------------------------------------------------------------------
# Sides


@lru_cache(maxsize=2048)
def _is_country_name(word: str) -> bool:
    """A country's name (a side heading), not its adjective ('Peru' yes, 'Peruvian' no)."""
    w = word.strip()
    if w.upper() in ("U.S.", "US", "USG", "U.S.G.", "UNITED STATES", "USA", "U.S.A.", "UNITED STATES OF AMERICA"):
        return True
    if re.match(r"^G[Oo][A-Z]{1,3}$", w):
        return True
    try:
        import pycountry

        pycountry.countries.lookup(w)
        return True
    except LookupError:
        pass
    return not re.search(r"(?:ian|ean|ese|ish|ic|i|an)s?$", w, re.IGNORECASE) or w.lower().endswith("stan")


def _side_headers(block: str, host: str | None) -> list[tuple[int, int, str]]:
    """Country headings that open each side's list, as (start, end, code)."""
    out = []
    for start, end, code in find_countries(block, host):
        word = block[start:end]
        if not _is_country_name(word):
            continue
        before = block[:start].rstrip(" \t")
        prev = before[-1:] if before else ""
        tail = block[end:end + 40]
        heading_tail = bool(_HEADER_TAIL.match(tail))
        at_start = not before.strip() or prev in ("\n", ")", ";", ".", ":") or before.endswith("--")
        caps = word.isupper() and len(word) >= 4 and not block.isupper()
        prev_word = before.split()[-1].lower() if before.split() else ""
        if prev_word in ("to", "of", "for", "the", "in", "from", "and", "at"):
            continue
        if prev == ",":
            continue  # "Director, MOD Mission, New York": a place in a title
        if (heading_tail and at_start) or (at_start and (caps or not block[end:end + 2].strip().startswith(","))) or caps:
            out.append((start, end, code))
    # Whole lines that name a country ("United states", "U.S. Side:") are headings however
    # they are capitalised.
    for m in _HEADING_LINE.finditer(block):
        code = country_code(m.group(1).strip().title(), host) or country_code(m.group(1).strip(), host)
        if code and not any(a <= m.start(1) < b for a, b, _ in out):
            out.append((m.start(1), m.end(1), code))
    out.sort()
    return out


_HEADING_LINE = re.compile(r"(?m)^[ \t]*(?:list of[ \t]+)?([A-Za-z.][A-Za-z. ']{1,40}?)[ \t]*(?:side|delegation|participants|officials|team|government)?[ \t]*:?[ \t]*-*[ \t]*$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Persons within one side


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str = ""  # 'name', 'title', 'sep', 'paren'
    forced: bool = False  # a capitalised word read as part of an office's name


_NOISE = frozenset({"SIPDIS", "SENSITIVE", "NOFORN"})
_SURNAME_TITLES = frozenset({"king", "major", "bishop", "judge", "marshal", "general"})


def _tokens(segment: str, offset: int, host: str | None = None) -> list[_Tok]:
    """Words of one line of a side, classified; country names written in several words
    ("United States") are title words as a whole."""
    country_spans = [(a, b) for a, b, _ in find_countries(segment, host)]
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(segment):
        t = m.group(0)
        if t in _NOISE:
            continue
        if any(a <= m.start() and m.end() <= b for a, b in country_spans) and not _REDACTED.match(t):
            toks.append(_Tok(t, m.start() + offset, m.end() + offset, "title"))
            continue
        if t.lower() in _SURNAME_TITLES and toks and toks[-1].kind == "name" and not is_initial(toks[-1].text):
            toks.append(_Tok(t, m.start() + offset, m.end() + offset, "name"))  # "Mervyn King"
            continue
        if t in (";", ",", ":") or t.startswith("--"):
            kind = "sep"
        elif t.startswith("("):
            kind = "paren"
        elif _is_name_word(t):
            kind = "name"
        else:
            kind = "title"
        toks.append(_Tok(t, m.start() + offset, m.end() + offset, kind))
    _office_before_comma(toks)
    return toks


_CONNECTORS = frozenset({"for", "of", "on", "to"})


def _office_before_comma(toks: list[_Tok]) -> None:
    """'High Commissioner for Reintegration, Frank Pearl': in a 'Title, Name' line the
    capitalised words after 'for/of/to' name the office's field, not a person."""
    commas = [i for i, t in enumerate(toks) if t.kind == "sep" and t.text == ","]
    if len(commas) != 1 or not toks or toks[0].kind != "title":
        return
    c = commas[0]
    after = toks[c + 1:]
    if not (1 <= len(after) <= 4 and all(t.kind == "name" for t in after)):
        return
    for i in range(1, c):
        if toks[i].kind == "name" and toks[i - 1].kind == "title" and (toks[i - 1].text.lower() in _CONNECTORS or toks[i - 1].forced):
            toks[i].kind, toks[i].forced = "title", True


@dataclass
class _Draft:
    pre: list[_Tok] = field(default_factory=list)
    name: list[_Tok] = field(default_factory=list)
    post: list[_Tok] = field(default_factory=list)
    paren: list[_Tok] = field(default_factory=list)


def _persons_in_line(toks: list[_Tok]) -> list[_Draft]:
    """Cut a side's words into persons (see the module docstring)."""
    drafts: list[_Draft] = []
    cur = _Draft()
    after_comma = False
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "sep":
            if t.text in (";",) or t.text.startswith("--"):
                if cur.name or cur.pre:
                    drafts.append(cur)
                cur, after_comma = _Draft(), False
            elif cur.name:
                after_comma = True
            i += 1
            continue
        if t.kind == "paren":
            if cur.name or cur.pre:
                cur.paren.append(t)
            i += 1
            continue
        if t.kind == "title":
            j = i
            while j < len(toks) and toks[j].kind == "title":
                j += 1
            run = toks[i:j]
            # a name after "to/of <title>" belongs to the title: "Advisor to President Lula"
            while j < len(toks) and toks[j].kind == "name" and run and run[-1].text.lower() not in ("ambassador",) and _embedded_name(run):
                k = j
                while k < len(toks) and toks[k].kind == "name":
                    k += 1
                run = run + toks[j:k]
                j = k
                while j < len(toks) and toks[j].kind == "title":
                    run.append(toks[j])
                    j += 1
            if cur.name and after_comma:
                followed_by_name = j < len(toks) and toks[j].kind == "name"
                cut = len(run)
                if followed_by_name:
                    cut = _pre_name_cut(run)
                cur.post.extend(run[:cut])
                if cut < len(run) or followed_by_name:
                    drafts.append(cur)
                    cur, after_comma = _Draft(pre=run[cut:]), False
            elif cur.name:
                drafts.append(cur)
                cur, after_comma = _Draft(pre=run), False
            else:
                cur.pre.extend(run)
            i = j
            continue
        # name words
        j = i
        while j < len(toks) and toks[j].kind == "name":
            j += 1
        words = [x.text.strip(",;") for x in toks[i:j]]
        groups = split_names(words)
        for gi, g in enumerate(groups):
            if cur.name:
                drafts.append(cur)
                cur, after_comma = _Draft(), False
            cur.name = [toks[i + k] for k in g]
        i = j
    if cur.name or cur.pre:
        drafts.append(cur)
    return drafts


def _embedded_name(run: list[_Tok]) -> bool:
    """True when a title run ends '... to President' or '... of Speaker': the name that follows
    is the principal's, part of the title."""
    if len(run) < 2:
        return False
    words = [t.text.lower() for t in run]
    for k in range(len(words) - 1, 0, -1):
        if words[k - 1] in ("to", "of", "for") and words[k] in _PRE_NAME | {"speaker", "president", "prime", "secretary"}:
            return all(w in _PRE_NAME or w in ("minister", "prime", "secretary", "speaker") for w in words[k:])
    return False


def _pre_name_cut(run: list[_Tok]) -> int:
    """Where, in a title written after a name, the next person's own title begins: the longest
    tail made of words that stand before names ('... Committee | Rep.')."""
    cut = len(run)
    while cut > 0 and run[cut - 1].text.lower().strip(",") in _PRE_NAME:
        cut -= 1
    if cut == len(run):
        # an abbreviation of office before a name (DAS, FM) is also a start
        if run[-1].text in ABBREVIATIONS:
            cut -= 1
    return cut


def _span(toks: list[_Tok], block: str) -> str:
    """The words as written from the first token to the last (commas kept), noise dropped."""
    if not toks:
        return ""
    text = block[toks[0].start:toks[-1].end]
    return " ".join(w for w in text.split() if w not in _NOISE)


def _clean_title(words: list[str]) -> str | None:
    text = " ".join(w for w in words).strip(" ,;-")
    if text.endswith(".") and text.rsplit(" ", 1)[-1] not in ABBREVIATIONS:
        text = text[:-1]
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:the|and)\s+", "", text, flags=re.IGNORECASE)
    return text or None


_HONORIFIC = re.compile(r"^(?:mr\.?|mrs\.?|ms\.?|dr\.?|hon\.?|honorable|his excellency|her excellency|the)\s+", re.IGNORECASE)


def _person(d: _Draft, side: str | None, block: str) -> Person | None:
    pre = _HONORIFIC.sub("", _clean_title([_span(d.pre, block)]) or "") or None
    post = _clean_title([_span(d.post, block)])
    paren = " ".join(t.text[1:-1].strip() for t in d.paren).strip() or None
    name = " ".join(t.text.strip(",;") for t in d.name).rstrip(".") or None
    if name and re.search(r"\b[A-Z]$", name):
        name += "."  # a trailing initial keeps its period
    if name and _REDACTED.match(name):
        name = None
    role = ParticipantRole.PARTICIPANT
    note = " ".join(x for x in (pre, post, paren) if x)
    if _ROLE_NOTETAKER.search(note):
        role = ParticipantRole.NOTETAKER
    if _INTERPRETER.search(note) and not name:
        return None
    # the title: what is written after the name wins, else before, else the parentheses
    title_raw = post or pre or paren
    if pre and post and pre.lower() not in post.lower():
        title_raw = post  # "Ambassador Roberto Abdenur, Brazilian Ambassador to the U.S."
    if paren and not post and not pre:
        title_raw = paren
    if not name and not title_raw:
        return None
    if name:
        name = mend_name(name)
    title = expand_title(title_raw) if title_raw else None
    level = level_for_title(title, side) if title else None
    if level is None and pre:
        level = level_for_title(pre, side)
    start = min(t.start for t in d.pre + d.name + d.post + d.paren)
    end = max(t.end for t in d.pre + d.name + d.post + d.paren)
    return Person(name=name, title=title, country=side, role=role, level=level, start=start, end=end, text=block[start:end], raw_title=title_raw)


def _country_of_title(title: str | None, host: str | None) -> str | None:
    """'Peruvian Ambassador to the United States' serves Peru: the first country word."""
    if not title:
        return None
    found = find_countries(title, host)
    return found[0][2] if found else None


_LABEL_LEFTOVER = re.compile(r"\s*(?:list of|other|and)?\s*(?:participants?|delegation|side)?\s*:?\s*", re.IGNORECASE)
_PARTICIPANTS_LABEL = re.compile(r"^\s*(?:(?:meeting|other)\s+)?participants?\s*(?:included|were)?\s*:?\s*", re.IGNORECASE)
_SIDE_LABEL = re.compile(r"^\s*(?:list of\s+)?(?P<side>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:participants|delegation|side|officials)\s*:", re.IGNORECASE)


class _At:
    """A stand-in for a match object: the start of an entry within its segment."""

    def __init__(self, start: int):
        self._start = start

    def start(self) -> int:
        return self._start


_BULLET = re.compile(r"^[ \t]*(?:--?|\*|o|•|\d+[.)])[ \t]+")


def _only_names(line: str, most: int) -> bool:
    words = line.split()
    return 1 <= len(words) <= most and all(_is_name_word(w) for w in words) and "," not in line


def _wrapped(seg: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Unbulleted lists wrap too: a line of name words alone continues the line before it when
    that line is a title still waiting for its name ('Director General for North America' /
    'Jose Perez') or ends 'Title, Firstname' with the surname wrapped ('..., Patricia' / 'Cortes')."""
    out: list[tuple[int, str]] = []
    for start, line in lines:
        if out and _only_names(line.strip(), 6) and "\n\n" not in seg[out[-1][0] + len(out[-1][1]):start]:
            s0, prev = out[-1]
            words = prev.replace(",", " ").split()
            last_is_title = bool(words) and not _is_name_word(words[-1]) and not words[-1].startswith("(")
            if "(" not in prev and "," not in prev and last_is_title and any(w[:1].isupper() for w in words):
                out[-1] = (s0, seg[s0:start + len(line)])
                continue
            tail = re.search(r",\s*(\S+)\s*$", prev)
            if tail and _is_name_word(tail.group(1)) and _only_names(line.strip(), 1):
                out[-1] = (s0, seg[s0:start + len(line)])
                continue
        out.append((start, line))
    return out


def _entries(seg: str) -> list[tuple[int, str]]:
    """Lines of a side's list; where entries are bulleted ('-- Name, Title'), a line without a
    bullet continues the entry before it (titles wrapped onto the next line)."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", seg)]
    if not any(_BULLET.match(line) for _, line in lines):
        return _wrapped(seg, lines)
    out: list[tuple[int, str]] = []
    prev_end = 0
    for start, line in lines:
        blank_before = "\n\n" in seg[prev_end:start + 1] if prev_end else False
        prev_end = start + len(line)
        b = _BULLET.match(line)
        if b:
            out.append((start + b.end(), line[b.end():]))
        elif out and line.strip() and not blank_before:
            s0, text = out[-1]
            out[-1] = (s0, seg[s0:start + len(line)])
        else:
            out.append((start, line))
    return out


def parse_participants(block: str, host: str | None = None, default_country: str | None = None) -> list[Person]:
    """The people a "Participants:" block lists, in order, with their side's country.

    ``host`` resolves "GOP"-style abbreviations; ``default_country`` is the side of people
    listed before any country heading (None leaves them to their title's country word).
    Roles: the notetaker is marked; each side's lead is chosen by ``choose_leads``.
    """
    label = _PARTICIPANTS_LABEL.match(block)
    side_label = None if label else _SIDE_LABEL.match(block)
    if side_label:  # "Israeli Participants:" opens the first side
        default_country = country_code(side_label.group("side"), host) or default_country
        label = side_label
    offset = label.end() if label else 0
    body = block[offset:]
    headers = _side_headers(body, host)
    segments: list[tuple[int, int, str | None]] = []
    pos, side = 0, default_country
    for start, end, code in headers:
        if start > pos:
            segments.append((pos, start, side))
        side = code
        pos = end
        tail = _HEADER_TAIL.match(body, pos)
        if tail and body[pos:tail.end()].strip():
            pos = tail.end()
    segments.append((pos, len(body), side))
    people: list[Person] = []
    for s, e, side in segments:
        seg = body[s:e]
        for line_start, line in _entries(seg):
            line_m = _At(line_start)
            if not line.strip() or re.fullmatch(r"[\s\-=_]+", line) or _LABEL_LEFTOVER.fullmatch(line):
                continue
            toks = _tokens(line, offset + s + line_m.start(), host)
            for d in _persons_in_line(toks):
                p = _person(d, side, block)
                if p is None:
                    continue
                if p.country is None:
                    p.country = _country_of_title(p.title, host)
                    if p.level is None and p.title:
                        p.level = level_for_title(p.title, p.country)
                people.append(p)
    for p in people:
        if p.level is None and p.title and (p.name or p.title) and not _REDACTED.match(p.title):
            p.level = Level.WORKING_LEVEL  # an office with no rank in a list (RSO, INL): staff
    choose_leads(people)
    return people


def _rank(level: Level | str | None) -> int:
    if level is None:
        return len(LEVEL_ORDER)
    return LEVEL_ORDER.index(Level(level))


def choose_leads(people: list[Person]) -> None:
    """Mark one lead per side: the first listed, unless the first is the post's own ambassador
    or deputy hosting a visitor of higher rank, or a legislator leads a delegation."""
    by_side: dict[str | None, list[Person]] = {}
    for p in people:
        by_side.setdefault(p.country, []).append(p)
    for side, members in by_side.items():
        candidates = [p for p in members if p.role != ParticipantRole.NOTETAKER and not (p.title and _REDACTED.match(p.title) and not p.name)]
        if not candidates or any(p.role == ParticipantRole.LEAD for p in candidates):
            continue
        lead = candidates[0]
        leaders = [p for p in candidates if p.raw_title and _LEADER_HINT.search(p.raw_title)]
        if leaders:
            lead = leaders[0]
        elif lead.level in (Level.AMBASSADOR, Level.SENIOR_OFFICIAL, Level.WORKING_LEVEL, None):
            higher = [p for p in candidates[1:] if _rank(p.level) < _rank(Level.AMBASSADOR)]
            if higher:
                lead = higher[0]
        lead.role = ParticipantRole.LEAD
