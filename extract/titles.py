"""Official titles: abbreviations cables use, and the rank (level) each office has.

Why a module of its own: titles are read by the meetings extractor (participants and leads),
by the dialogue extractor (who chairs a session) and by the requests extractor (who asked).
Levels follow the gold README's scale and its US equivalents (Secretary = minister; Deputy
Secretary and Under Secretary = deputy_minister; DAS/DASD/PDAS = deputy_assistant_secretary;
Chargé = ambassador).  Rules are ordered: the first that matches decides, so the more specific
title ("Vice President", "Deputy Minister") is tested before the word it contains.
"""

from __future__ import annotations

import re

from engagements.schema.vocab import Level

# ---------------------------------------------------------------------------------------------
# Abbreviations -> written-out titles.  Only forms that stand for an office; officer shorthand
# such as "Poloff" is how cables name the role and is kept as written.

ABBREVIATIONS: dict[str, str] = {
    "U/S": "Under Secretary",
    "US/S": "Under Secretary",
    "A/S": "Assistant Secretary",
    "D/S": "Deputy Secretary",
    "DepSec": "Deputy Secretary",
    "DAS": "Deputy Assistant Secretary",
    "PDAS": "Principal Deputy Assistant Secretary",
    "DASD": "Deputy Assistant Secretary of Defense",
    "PDASD": "Principal Deputy Assistant Secretary of Defense",
    "ASD": "Assistant Secretary of Defense",
    "USD": "Under Secretary of Defense",
    "SecDef": "Secretary of Defense",
    "SecState": "Secretary of State",
    "FM": "Foreign Minister",
    "DFM": "Deputy Foreign Minister",
    "VFM": "Vice Foreign Minister",
    "MinDef": "Minister of Defense",
    "DefMin": "Defense Minister",
    "PM": "Prime Minister",
    "DPM": "Deputy Prime Minister",
    "VP": "Vice President",
    "PermRep": "Permanent Representative",
    "Perm Rep": "Permanent Representative",
    "DPermRep": "Deputy Permanent Representative",
    "Amb.": "Ambassador",
    "Amb": "Ambassador",
    "CDA": "Chargé d'Affaires",
    "DCM": "Deputy Chief of Mission",
    "NSA": "National Security Advisor",
    "CJCS": "Chairman of the Joint Chiefs of Staff",
    "CHOD": "Chief of Defense",
    "Gen.": "General",
    "Adm.": "Admiral",
    "Sen.": "Senator",
    "Rep.": "Representative",
    "Lt. Gen.": "Lieutenant General",
    "LtGen": "Lieutenant General",
    "Maj. Gen.": "Major General",
    "MajGen": "Major General",
    "Brig. Gen.": "Brigadier General",
    "BGen": "Brigadier General",
    "Col.": "Colonel",
    "DG": "Director General",
    "Minster": "Minister",  # a common typo in cable subjects
}

_ABBREV_WORD = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w/])"
)
_ALL_CAPS_ABBREV = frozenset({"FM", "PM", "VP", "DAS", "DG", "NSA", "DCM", "CDA", "MFA", "USD", "ASD"})


def expand_title(title: str) -> str:
    """Abbreviations inside a title written out: 'U/S' -> 'Under Secretary', 'Peruvian Deputy
    PermRep to the UN' -> 'Peruvian Deputy Permanent Representative to the UN'.  Words that are
    not known abbreviations stay as written."""
    if not title:
        return title
    return _ABBREV_WORD.sub(lambda m: ABBREVIATIONS[m.group(1)], title.strip())


# ---------------------------------------------------------------------------------------------
# Levels.  Each rule: (pattern on the expanded title, level).  Case-insensitive; ordered.

_L = Level
_RULES: list[tuple[re.Pattern, Level]] = [
    (re.compile(p, re.IGNORECASE), lvl)
    for p, lvl in [
        # Aides take their own rank, not their principal's: "Advisor to President Lula".
        (r"\b(?:advis[eo]r|aide|assistant|deputy|chief of staff|spokes\w+)\s+to\s+(?:the\s+)?(?!secretary\b)\S", _L.SENIOR_OFFICIAL),
        # "General" in a civil title is not a rank.
        (r"\b(?:deputy )?(?:director|secretary|inspector|consul|solicitor|prosecutor|comptroller|accountant|auditor)[- ]general\b", _L.SENIOR_OFFICIAL),
        # Deputy assistant secretaries before assistant secretaries and deputies.
        (r"\bdeputy assistant secretary\b|\bDASD?\b|\bPDASD?\b", _L.DEPUTY_ASSISTANT_SECRETARY),
        (r"\bassistant secretary\b(?!\s+general)", _L.ASSISTANT_SECRETARY),
        # Vice presidents and deputy prime ministers: a ministerial rank, never head of state.
        (r"\bvice[- ]president\b.*\b(?:foreign )?minister\b|\bminister\b.*\bvice[- ]president\b", _L.MINISTER),
        (r"\bdeputy prime minister\b|\bvice[- ]premier\b|\bvice[- ]president\b", _L.MINISTER),
        (r"\b(?:vice|deputy|under|state)[- ](?:foreign\s+)?minister\b|\bvice[- ]chancellor\b|\bviceminist", _L.DEPUTY_MINISTER),
        (r"\bminister[- ]counsel+or\b|\bminister for (?:political|economic|public) affairs\b", _L.SENIOR_OFFICIAL),
        (r"\bstate secretary\b|\bsecretary of state\b(?=.*\b(?:for|of the)\b)", None),  # decided below by country
        (r"\bunder[- ]?secretary\b(?!\s+general)|\bdeputy secretary\b(?!\s+general)|\bdeputy (?:u\.?s\.? )?trade representative\b|\bDUSTR\b", _L.DEPUTY_MINISTER),
        # Heads of state and government.
        (r"\b(?:president|prime minister|premier|king|queen|emir|amir|sultan|chancellor|head of state|POTUS|taoiseach|supreme leader)\b(?!\s+of\s+the\s+(?:senate|assembly|congress|court|chamber|bank|commission|council of state|supreme court|board|republic's? (?:senate|assembly)))(?!\s+(?:of|for)\s+(?:the\s+)?(?:senate|assembly|congress|court|chamber|central bank|commission|board|university|company|party))", _L.HEAD_OF_STATE),
        # Ministers and their US equivalents.
        (r"\b(?:foreign|defen[cs]e|interior|finance|home|prime|cabinet)\s+secretary\b", None),  # country-dependent
        (r"\bsecretary of (?:state|defen[cs]e|the treasury|homeland security|commerce|energy|agriculture|labor|health|education|transportation|justice|the interior)\b", _L.MINISTER),
        (r"^(?:the )?(?:u\.?s\.? )?trade representative$|^USTR$|\bminister\b|\bcommissioner\b(?=.*\b(?:EU|European)\b)|\bEU\b.*\bcommissioner\b|\battorney general\b|\bchancellor\b", _L.MINISTER),
        (r"\bprince(?:ss)?\b(?!.*\b(?:minister|governor|president)\b)", _L.OTHER),
        # Ambassadors and chargés.
        (r"\bambassador\b|(?<!in )\bchar?g[eé]\b(?! of\b)|\bchargé d.affaires\b|\bcharge d.affaires\b|\bCDA\b|\bpermanent representative\b|\bperm ?rep\b", _L.AMBASSADOR),
        # Military commanders.
        (r"\b(?:general|admiral|commander|commandant|chief of (?:the )?(?:defen[cs]e|general staff|staff of the (?:army|navy|air force|armed forces))|chairman of the joint chiefs|chief of naval operations|brigadier|air marshal|CHOD|CJCS)\b", _L.MILITARY_COMMANDER),
        # Legislators.
        (r"\b(?:senator|congressman|congresswoman|member of (?:congress|parliament)|MP|parliamentarian|legislator|assemblyman|deputies|speaker|majority leader|minority leader|congressional delegation|CODEL|federal deputy|national deputy|deputy \(|Sen\.|Rep\.)\b", _L.LEGISLATOR),
        (r"^(?!(?:special|permanent|trade|personal|high)\b)(?:\w+ )?(?:deputy|diputado|representative)$", _L.LEGISLATOR),
        # Senior officials.
        (r"\bspecial\b.*\b(?:representative|envoy|coordinator)\b|\b(?:chief|negotiator|director[- ]general|deputy director[- ]general|secretary[- ]general|national security advis[eo]r|senior director|governor|chief of staff|special (?:representative|envoy|advis[eo]r|assistant to the president)|envoy|deputy chief of mission|DCM|chairman|chairwoman|chair|president of|head of|high commissioner|chief prosecutor|prosecutor general|attorney|advis[eo]r to the president|presidential advis[eo]r|foreign (?:affairs|policy) advis[eo]r|mayor|additional secretary|political director|director of (?:national|the)|coordinator|spokesman|spokesperson|secretary)\b", _L.SENIOR_OFFICIAL),
        # Working level.
        (r"\b(?:officers?|offs?|poloffs?|econoffs?|pol/?econoffs?|polmiloffs?|pol/?miloffs?|embof+s?|desk|staff(?:er)?|attach[eé]|counsel+or|notetaker|note-taker|assistant|advis[eo]r|analyst|specialist|expert|director|deputy director|chief|colonel|lieutenant colonel|major|captain|commander|representative|legat|consul|secretary|technician|official)\b", _L.WORKING_LEVEL),
    ]
]

#: Countries whose "Foreign/Defence/Home Secretary" is a cabinet minister; elsewhere (India,
#: Pakistan, Bangladesh, Sri Lanka) the Foreign Secretary heads the ministry's civil service,
#: which the gold codes as a deputy minister.
_SECRETARY_MINISTERS = frozenset({"GBR", "USA", "MEX", "PHL"})
_SECRETARY_CIVIL_SERVICE = frozenset({"IND", "PAK", "BGD", "LKA", "NPL"})


def level_for_title(title: str | None, country: str | None = None) -> Level | None:
    """The rank of an office on the level scale, or None when the title says nothing of rank.

    ``country`` is the government the holder serves (alpha-3): some titles rank differently by
    country ("Foreign Secretary" is a minister in London, a senior civil servant in New Delhi;
    "State Secretary" is a deputy minister in the Netherlands or Germany, "Secretary of State"
    is the minister in Washington)."""
    if not title:
        return None
    t = expand_title(title)
    low = t.lower()
    if re.search(r"\bstate secretary\b", low):
        return Level.DEPUTY_MINISTER
    if re.search(r"\b(?:foreign|defen[cs]e|home|interior)\s+secretary\b", low):
        if country in _SECRETARY_MINISTERS:
            return Level.MINISTER
        return Level.DEPUTY_MINISTER
    if re.search(r"\bsecretary of state\b", low) and country not in (None, "USA") and re.search(r"\bsecretary of state (?:for|of)\b", low):
        return Level.DEPUTY_MINISTER  # e.g. a Spanish or French junior minister
    if re.search(r"\battorney general\b", low) and country not in (None, "USA", "GBR"):
        return Level.SENIOR_OFFICIAL  # elsewhere the head of the prosecution service, no cabinet seat
    if country == "EU" and re.search(r"\bcommissioner\b", low) and not re.search(r"\b(?:deputy|assistant)\b", low):
        return Level.MINISTER  # a member of the European Commission: the EU's ministers
    if re.fullmatch(r"(?:u\.?s\.? )?secretary(?: of state)?", low):
        return Level.MINISTER if country in (None, "USA") else Level.SENIOR_OFFICIAL
    for pattern, level in _RULES:
        if level is not None and pattern.search(t):
            return level
    return None
