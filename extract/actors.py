"""Who is speaking: the government behind a person or body named in a clause.

A cable names a person once with a nationality or a US title ("Peruvian FM Garcia Belaunde",
"Senator John Kerry", "PERU FM Jose Antonio Garcia Belaunde") and later by surname alone.
``ActorIndex`` reads the whole cable once, remembers surname -> government, and then
resolves short mentions ("Garcia Belaunde", "Kerry", "he" via the last actor).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .countries import country_code, find_countries, is_domestic
from .document import ParsedCable
from .office_holders import find_full_names, identify

#: Titles and bodies that mark a US official or office when no other country is named.
US_ACTOR = re.compile(
    r"\b(?:we|We|Ambassador|Amb\.?|Charge|Charg[eé] d'Affaires|Embassy|Emb ?offs?|EMBOFFS?|Pol ?offs?|POLOFFS?|"
    r"PolCouns|D/PolCouns|Pol/Econ|Econ ?offs?|ECONOFFS?|Polmiloffs?|DCM|DATT|DAO|MILGRP|Post|"
    r"Secretary(?! General)|Senators?|Congress(?:man|woman|men)|Rep\.|Representatives?|CODEL|Codel|A/S|DAS|PDAS|"
    r"DASD|ASD|U/S|Under Secretary|Assistant Secretary|Deputy Secretary|USG|U\.S\.|US|United States|"
    r"POTUS|President Obama|President Bush|Department|Washington|DoD|DOD|USTR|DUSTR|DEA|FBI|NSC|INL|"
    r"USDEL|Delegation|Admiral|General|Commander,? (?:US|U\.S\.)|SOUTHCOM|EUCOM|CENTCOM|PACOM|"
    r"White House|Mission|USAID|Special Envoy|Envoy|Deputy Chief of Mission)\b"
)

#: Offices that are American whatever else the phrase names.
_SURE_US = re.compile(r"\b(?:POTUS|President Obama|President Bush|President Clinton|Secretary Clinton|Secretary Rice|Secretary Powell|Secretary Gates|the Secretary|Ambassador [A-Z]\w+ and (?:the )?(?:DCM|Poloff)|Emb ?offs?|Pol ?offs?|PolCouns|Econ ?offs?|the Ambassador|the Charge|the DCM|CODEL|Codel)\b")

#: "Ambassador Wolff" with no nationality: the US ambassador (foreign ones get an adjective).
_AMBASSADOR_FIRST = re.compile(r"^(?:the\s+)?(?:Ambassador|Amb\.)\s+[A-Z]")

#: A US title immediately before a name: the name belongs to the US side.
_US_TITLED_NAME = re.compile(
    r"\b(?:Charge|Senator|Sen\.|Congressman|Congresswoman|Rep\.|A/S|DAS|PDAS|DASD|U/S|"
    r"Under Secretary|Assistant Secretary|Deputy Secretary|Admiral|Adm\.|General|Gen\.|"
    r"Special Envoy|Envoy|DCM|USTR|DUSTR)\s+(?:(?:for|of) [A-Z][\w ]{0,40}?\s+)?"
    r"((?:[A-Z][a-z'-]+\.?\s?|[A-Z]\.\s|(?:van|der|de|da|del|al|bin)\s){1,5})"
)
#: Non-US offices whose words overlap US titles: "MOD State Secretary", "Foreign Secretary".
_FOREIGN_BEFORE_TITLE = re.compile(r"\b(?:MOD|MFA|MoD|Ministry|State|Foreign|Permanent|Cabinet|Home|Parliamentary|Party)\s+$")

#: "Sue Cronin, USTR Senior Director": a name, a comma, and an office that says whose it is.
_APPOSITIVE = re.compile(r"(?P<name>(?:[A-Z][a-z'’-]+\s){1,3}[A-Z][a-z'’-]+),\s+(?P<title>[^,;()]{3,40})")
_NAME_TOKEN = re.compile(r"\b[A-Z][a-z'-]{2,}\b")
_TITLE_WORDS = frozenset(
    ["Minister", "Foreign", "Defense", "Defence", "President", "Vice", "Deputy", "Secretary", "Ambassador", "Amb", "General", "Admiral", "Director", "Chief", "Commander", "Senator", "National", "Security", "Adviser", "Advisor", "Assistant", "Under", "Government", "Ministry", "Affairs", "State", "Prime", "Head", "Chairman", "Office", "Embassy", "Counselor", "Political", "Military", "Army", "Navy", "Air", "Force", "Police", "Justice", "Interior", "Finance", "Trade", "Economy", "Public", "The", "And", "For", "Of", "With", "Republic", "Affairs", "Permanent", "Representative", "Department", "Council", "Staff", "Joint", "Mission", "Special", "Envoy", "Party", "Leader", "Congress"]
)
_PRONOUN = re.compile(r"(?:^|\s)(?:he|she|they|He|She|They|it|It)\s*$")
_WE = re.compile(r"(?:^|\s)(?:we|We)\s*$")
#: A foreign title with a name: the name belongs to the host unless a nationality says otherwise.
_TITLED_NAME = re.compile(
    r"\b(?:FM|Foreign Minister|Minister|MOD|President|Prime Minister|PM|Vice President|VP|Vice Minister|VM|"
    r"Deputy Foreign Minister|State Secretary|Director General|DG|Chief|NSA|National Security Adviser|"
    r"Commander|Governor|Mayor|Chancellor|King|Emir|Crown Prince|Director|Director-General|Deputy Director|Head|"
    r"Secretary General|Secretary-General|Spokesman|Ambassador|Senator|Deputy|Congressman|General|Admiral|Colonel|"
    r"Undersecretary|Under Secretary|Vice Foreign Minister|Secretary)\s+((?:(?:[A-Z][a-z'-]+|van|der|de|da|del|al|bin)\s?){1,5})"
)


class ActorIndex:
    """Surname -> government for one cable, and clause-subject resolution."""

    def __init__(self, doc: ParsedCable, host: str | None, people: list | None = None):
        """``people``: participants already placed by the meetings extractor (objects with
        ``name`` and ``country_code``); their surnames are the surest evidence of all."""
        self.host = host
        # Only a post abroad can assume that an unplaced official is the host's: a Washington
        # cable's host is a guess from its tags.
        self.abroad = bool(host) and not is_domestic(doc)
        votes: dict[str, Counter] = defaultdict(Counter)
        created = doc.cable.created_datetime
        self.on = created.date() if created else None
        for p in doc.paragraphs:
            self._read(p.text, votes)
        for person in people or []:
            name, code = getattr(person, "name", None), getattr(person, "country_code", None)
            if name and code:
                tokens = _NAME_TOKEN.findall(name)
                for i, tok in enumerate(tokens):
                    # the name's last word is the one a cable repeats alone; an earlier one may
                    # be a family name many share ("Kim Gye-gwan" is not "NSA Kim")
                    votes[tok][code] += 5 if i == len(tokens) - 1 else 1
        self.names = {name: c.most_common(1)[0][0] for name, c in votes.items()}

    def _read(self, text: str, votes: dict[str, Counter]) -> None:
        for start, end, code in find_countries(text, self.host):
            window = text[end:end + 60]
            for tok in _NAME_TOKEN.findall(_leading_names(window)):
                if tok not in _TITLE_WORDS:
                    votes[tok][code] += 2
        for m in _US_TITLED_NAME.finditer(text):
            before = text[max(0, m.start() - 25):m.start()]
            if find_countries(before, self.host) or _FOREIGN_BEFORE_TITLE.search(before):
                continue  # "Peruvian Ambassador X": the nationality wins
            for tok in _NAME_TOKEN.findall(m.group(1)):
                if tok not in _TITLE_WORDS:
                    votes[tok]["USA"] += 3
        for m in _APPOSITIVE.finditer(text):
            head = m.group("title")
            found = find_countries(head, self.host)
            code = found[0][2] if found and found[0][0] < 12 else ("USA" if US_ACTOR.match(head) else None)
            if code:
                for tok in _NAME_TOKEN.findall(m.group("name")):
                    if tok not in _TITLE_WORDS:
                        votes[tok][code] += 2
        for m in _TITLED_NAME.finditer(text):
            # "President Mesa" in a Brasilia cable: the office-holders gazetteer outweighs the
            # guess that an official named without nationality is the host's
            name = m.group(1).strip()
            title = text[m.start():m.start(1)].strip()
            holder = identify(name, title, self.on) if name else None
            for tok in _NAME_TOKEN.findall(name):
                if tok in _TITLE_WORDS:
                    continue
                if holder is not None:
                    votes[tok][holder.country] += 3
                elif self.abroad:
                    votes[tok][self.host] += 1
        for _start, _end, full in find_full_names(text):
            holder = identify(full, None, self.on)
            if holder is not None:
                # the forms the cable will use alone ("Hu" for Hu Jintao), not every word of
                # the name ("Kim" of Kim Jong-il is half of Korea's)
                for form in holder.short:
                    if " " not in form:
                        votes[form.removeprefix("al-")][holder.country] += 3

    def country_of_name(self, phrase: str) -> str | None:
        """The government of a person named in ``phrase`` by a surname the cable has placed."""
        for tok in reversed(_NAME_TOKEN.findall(phrase)):
            if tok in self.names:
                return self.names[tok]
        return None

    def resolve(self, phrase: str) -> str | None:
        """The government of a subject phrase: a country word, a known name, a US office."""
        whole = country_code(phrase, self.host)
        if whole:
            return whole
        if _SURE_US.search(phrase) or (_AMBASSADOR_FIRST.match(phrase) and not find_countries(phrase, self.host)):
            return "USA"
        found = find_countries(phrase, self.host)
        if found:
            return found[-1][2] if _ends_with_country_body(phrase) else found[0][2]
        by_name = self.country_of_name(phrase)
        if by_name:
            return by_name
        if US_ACTOR.search(phrase):
            return "USA"
        if self.abroad and (_TITLED_NAME.search(phrase) or _HOST_BODY.search(phrase) or _REDACTED.search(phrase)):
            return self.host
        if self.abroad and _BARE_NAME.fullmatch(phrase.strip()) and not _NOT_A_NAME.search(phrase):
            return self.host  # a person an embassy names without nationality or US title
        return None


_HOST_BODY = re.compile(r"\b(?:MFA|MOD|MoD|Ministry|Government|government|President|Minister|Congress|Foreign Ministry)\b")
_BARE_NAME = re.compile(r"(?:[A-Z][a-z'’-]+|van|der|de|da|del|al|bin)(?:\s+(?:[A-Z][a-z'’-]+|van|der|de|da|del|al|bin)){0,2}")
_NOT_A_NAME = re.compile(
    r"^(?:He|She|They|It|This|That|These|Those|The|If|As|Since|Because|Unless|Once|Where|Whether|However|Nevertheless|Finally|Also|In|On|At|During|After|Before|"
    r"While|When|Although|Separately|Meanwhile|Moreover|Furthermore|Instead|Still|Yet|Then|Thus|Comment|Note|"
    r"Summary|Both|Each|All|Some|Many|Most|Other|Others|One|Two|Post|Embassy|Mission|Department|Washington)\b"
    r"|\b(?:North|South|East|West|Government|Ministry|Office|Party|Council|Commission|Group|Committee|Court|Congress|"
    r"Assembly|Army|Navy|Force|Police|Bank|Union|Agency|Service|Forces|Guard|Guards)\b"
)
_REDACTED = re.compile(r"[xXХ]{4,}")


_NAME_RUN = re.compile(r"(?:(?:[ \t]+|[ \t]*\n(?!\s*\n)[ \t]*)(?:[A-Z]\.|[A-Z][\w'’/-]*|of|for|to the|de|da|van der|van|von|al-|el-)){1,7}")


def _leading_names(window: str) -> str:
    """The run of capitalised words (titles and names) at the start of ``window``."""
    m = _NAME_RUN.match(window)
    return m.group(0) if m else ""


_COUNTRY_BODY_END = re.compile(r"(?:Government|government|Embassy|MFA|officials?|side)\s*$")


def _ends_with_country_body(phrase: str) -> bool:
    return bool(_COUNTRY_BODY_END.search(phrase))


def is_pronoun_subject(phrase: str) -> bool:
    return bool(_PRONOUN.search(phrase))


def is_we(phrase: str) -> bool:
    """"we" in a cable is the post or the Department: the US side."""
    return bool(_WE.search(phrase))
