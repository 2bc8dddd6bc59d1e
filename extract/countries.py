"""Country mentions in cable English: names, adjectives, demonyms, government abbreviations.

Cables name parties in many ways: "Peru", "Peruvian", "the Peruvians", "the GOP", "USG",
"the PRC", "UN".  Everything here resolves such words to the party codes the schema uses
(ISO 3166-1 alpha-3, or an organisation's acronym).  "GO" + letter abbreviations ("GOP",
"GoB", "GOI") mean "Government of <host>", so they resolve only against the host country
whose short name starts with that letter.

One compiled alternation finds every mention in a text in a single pass (no per-name scans).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from .document import ParsedCable
from .fips import country_for_post

# ---------------------------------------------------------------------------------------------
# Words -> codes.  pycountry gives the ISO names; cables use shorter or older names too.

_EXTRA_NAMES: dict[str, str] = {
    "United States": "USA", "United States of America": "USA", "U.S.": "USA", "US": "USA",
    "U.S.A.": "USA", "USA": "USA", "USG": "USA", "U.S. Government": "USA", "U.S.G.": "USA",
    "America": "USA", "Washington": "USA", "Americans": "USA", "American": "USA",
    "United Kingdom": "GBR", "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "HMG": "GBR", "British": "GBR", "England": "GBR",
    "Russia": "RUS", "GOR": "RUS", "Russian Federation": "RUS",
    "China": "CHN", "PRC": "CHN", "People's Republic of China": "CHN", "Beijing": "CHN",
    "Taiwan": "TWN", "South Korea": "KOR", "Korea": "KOR", "ROK": "KOR", "ROKG": "KOR",
    "Republic of Korea": "KOR", "North Korea": "PRK", "DPRK": "PRK", "Pyongyang": "PRK",
    "Iran": "IRN", "Syria": "SYR", "SARG": "SYR", "Venezuela": "VEN", "GBRV": "VEN",
    "Bolivia": "BOL", "Vietnam": "VNM", "Laos": "LAO", "Moldova": "MDA", "Tanzania": "TZA",
    "Macedonia": "MKD", "Czech Republic": "CZE", "Burma": "MMR", "Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV", "Congo": "COG", "DRC": "COD", "Democratic Republic of the Congo": "COD",
    "Holland": "NLD", "The Netherlands": "NLD", "Netherlands": "NLD", "GONL": "NLD",
    "Vatican": "VAT", "Holy See": "VAT", "Palestinian Authority": "PSE", "Kosovo": "XKX",
    "Brasil": "BRA", "Turkey": "TUR", "Micronesia": "FSM", "Brunei": "BRN", "Cape Verde": "CPV",
    "East Timor": "TLS", "Timor-Leste": "TLS", "Swaziland": "SWZ", "UAE": "ARE",
    "Emirates": "ARE", "KSA": "SAU", "Saudi": "SAU", "Saudis": "SAU",
}

#: Capitals and other cities cables use as venues or as metonyms for governments.
_CITIES: dict[str, str] = {
    "Tel Aviv": "ISR", "Washington": "USA", "New York": "USA", "Mayport": "USA", "Miami": "USA",
    "Stuttgart": "DEU", "Geneva": "CHE", "Brussels": "BEL", "Vienna": "AUT", "Rio de Janeiro": "BRA",
    "Sao Paulo": "BRA", "Marseilles": "FRA", "Marseille": "FRA", "Rome": "ITA", "Ottawa": "CAN",
    "Beijing": "CHN", "Pyongyang": "PRK", "Guatemala City": "GTM", "San Salvador": "SLV",
    "Santo Domingo": "DOM", "Port-au-Prince": "HTI", "Kingston": "JAM", "Georgetown": "GUY",
    "Paramaribo": "SUR", "Canberra": "AUS", "Riyadh": "SAU", "Amman": "JOR", "Beirut": "LBN",
    "Kuwait City": "KWT", "Doha": "QAT", "Abu Dhabi": "ARE", "Dubai": "ARE", "Manama": "BHR",
    "Muscat": "OMN", "Sanaa": "YEM", "Tripoli": "LBY", "Tunis": "TUN", "Algiers": "DZA",
    "Rabat": "MAR", "Khartoum": "SDN", "Nairobi": "KEN", "Addis Ababa": "ETH", "Pretoria": "ZAF",
    "Lagos": "NGA", "Abuja": "NGA", "Kinshasa": "COD", "Dakar": "SEN", "Accra": "GHA",
    "Jakarta": "IDN", "Manila": "PHL", "Bangkok": "THA", "Hanoi": "VNM", "Kuala Lumpur": "MYS",
    "Dhaka": "BGD", "Colombo": "LKA", "Kathmandu": "NPL", "Tashkent": "UZB", "Astana": "KAZ",
    "Almaty": "KAZ", "Bishkek": "KGZ", "Ashgabat": "TKM", "Baku": "AZE", "Tbilisi": "GEO",
    "Yerevan": "ARM", "Kyiv": "UKR", "Kiev": "UKR", "Minsk": "BLR", "Warsaw": "POL", "Prague": "CZE",
    "Budapest": "HUN", "Bucharest": "ROU", "Sofia": "BGR", "Belgrade": "SRB", "Zagreb": "HRV",
    "Sarajevo": "BIH", "Athens": "GRC", "Lisbon": "PRT", "Dublin": "IRL", "Oslo": "NOR",
    "Stockholm": "SWE", "Helsinki": "FIN", "Copenhagen": "DNK", "Amsterdam": "NLD", "Bern": "CHE",
    "Jerusalem": "ISR", "Moscow": "RUS", "Tehran": "IRN", "Damascus": "SYR", "Caracas": "VEN",
    "Havana": "CUB", "Bogota": "COL", "Lima": "PER", "Brasilia": "BRA", "Islamabad": "PAK",
    "New Delhi": "IND", "Delhi": "IND", "Kabul": "AFG", "Baghdad": "IRQ", "Seoul": "KOR",
    "Tokyo": "JPN", "Paris": "FRA", "Berlin": "DEU", "London": "GBR", "Madrid": "ESP",
    "The Hague": "NLD", "Ankara": "TUR", "Cairo": "EGY", "Panama City": "PAN", "Quito": "ECU",
    "La Paz": "BOL", "Santiago": "CHL", "Buenos Aires": "ARG", "Montevideo": "URY",
    "Asuncion": "PRY", "San Jose": "CRI", "Managua": "NIC", "Tegucigalpa": "HND",
    "Reykjavik": "ISL", "Chisinau": "MDA", "Dushanbe": "TJK", "Mexico City": "MEX",

}

# Adjectives and demonyms, singular; plurals ("Peruvians", "the Brazilians") are derived.
_ADJECTIVES: dict[str, str] = {
    "Afghan": "AFG", "Albanian": "ALB", "Algerian": "DZA", "Angolan": "AGO", "Argentine": "ARG",
    "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT",
    "Azerbaijani": "AZE", "Azeri": "AZE", "Bahraini": "BHR", "Bangladeshi": "BGD",
    "Belarusian": "BLR", "Belgian": "BEL", "Belizean": "BLZ", "Bolivian": "BOL", "Bosnian": "BIH",
    "Brazilian": "BRA", "Bulgarian": "BGR", "Burmese": "MMR", "Cambodian": "KHM",
    "Canadian": "CAN", "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL",
    "Congolese": "COD", "Costa Rican": "CRI", "Croatian": "HRV", "Cuban": "CUB", "Cypriot": "CYP",
    "Czech": "CZE", "Danish": "DNK", "Dane": "DNK", "Dominican": "DOM", "Dutch": "NLD",
    "Ecuadorian": "ECU", "Ecuadoran": "ECU", "Egyptian": "EGY", "Salvadoran": "SLV",
    "Estonian": "EST", "Ethiopian": "ETH", "Finnish": "FIN", "Finn": "FIN", "French": "FRA",
    "Georgian": "GEO", "German": "DEU", "Ghanaian": "GHA", "Greek": "GRC", "Guatemalan": "GTM",
    "Guyanese": "GUY", "Haitian": "HTI", "Honduran": "HND", "Hungarian": "HUN",
    "Icelandic": "ISL", "Icelander": "ISL", "Indian": "IND", "Indonesian": "IDN",
    "Iranian": "IRN", "Iraqi": "IRQ", "Irish": "IRL", "Israeli": "ISR", "Italian": "ITA",
    "Jamaican": "JAM", "Japanese": "JPN", "Jordanian": "JOR", "Kazakh": "KAZ", "Kenyan": "KEN",
    "Korean": "KOR", "South Korean": "KOR", "North Korean": "PRK", "Kuwaiti": "KWT",
    "Kyrgyz": "KGZ", "Latvian": "LVA", "Lebanese": "LBN", "Liberian": "LBR", "Libyan": "LBY",
    "Lithuanian": "LTU", "Macedonian": "MKD", "Malaysian": "MYS", "Malian": "MLI",
    "Mexican": "MEX", "Moldovan": "MDA", "Mongolian": "MNG", "Moroccan": "MAR",
    "Mozambican": "MOZ", "Nepalese": "NPL", "Nepali": "NPL", "New Zealander": "NZL",
    "Nicaraguan": "NIC", "Nigerian": "NGA", "Norwegian": "NOR", "Omani": "OMN",
    "Pakistani": "PAK", "Palestinian": "PSE", "Panamanian": "PAN", "Paraguayan": "PRY",
    "Peruvian": "PER", "Filipino": "PHL", "Philippine": "PHL", "Polish": "POL", "Pole": "POL",
    "Portuguese": "PRT", "Qatari": "QAT", "Romanian": "ROU", "Russian": "RUS", "Rwandan": "RWA",
    "Saudi Arabian": "SAU", "Senegalese": "SEN", "Serbian": "SRB", "Serb": "SRB",
    "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN", "Somali": "SOM",
    "South African": "ZAF", "Spanish": "ESP", "Spaniard": "ESP", "Sri Lankan": "LKA",
    "Sudanese": "SDN", "Surinamese": "SUR", "Swedish": "SWE", "Swede": "SWE", "Swiss": "CHE",
    "Syrian": "SYR", "Taiwanese": "TWN", "Tajik": "TJK", "Tanzanian": "TZA", "Thai": "THA",
    "Trinidadian": "TTO", "Tunisian": "TUN", "Turkish": "TUR", "Turk": "TUR",
    "Turkmen": "TKM", "Ugandan": "UGA", "Ukrainian": "UKR", "Emirati": "ARE",
    "Uruguayan": "URY", "Uzbek": "UZB", "Venezuelan": "VEN", "Vietnamese": "VNM",
    "Yemeni": "YEM", "Zambian": "ZMB", "Zimbabwean": "ZWE",
}

#: International organisations, written by acronym as the gold README asks.
_ORGANISATIONS: dict[str, str] = {
    "UN": "UN", "U.N.": "UN", "United Nations": "UN", "UNSC": "UN", "UN Security Council": "UN",
    "OAS": "OAS", "Organization of American States": "OAS",
    "NATO": "NATO", "EU": "EU", "European Union": "EU", "European Commission": "EU",
    "African Union": "AU", "IAEA": "IAEA", "OSCE": "OSCE", "IMF": "IMF",
    "World Bank": "WB", "ASEAN": "ASEAN", "UNASUR": "UNASUR", "IDB": "IDB",
    "Inter-American Development Bank": "IDB", "WTO": "WTO", "MERCOSUR": "MERCOSUR",
    "Mercosur": "MERCOSUR", "SICA": "SICA", "ICRC": "ICRC", "Arab League": "LAS",
    "League of Arab States": "LAS",
}

#: "Government of <X>" abbreviations: GOP, GoB, GOI ...  The letter is the host's initial.
_GOV_ABBREV = re.compile(r"^G[Oo]([A-Z])$")


def _iso_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[value] = c.alpha_3
    return names


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Every word or phrase -> code, including plural demonyms ("the Brazilians")."""
    table = _iso_names()
    table.update(_EXTRA_NAMES)
    table.update(_CITIES)
    for adj, code in _ADJECTIVES.items():
        table.setdefault(adj, code)
        plural = adj + ("" if adj.endswith(("ese", "ss", "sh", "ch")) else "s")
        if adj.endswith(("ish", "ch", "ese", "Swiss")):
            continue  # "the French", "the Japanese": the adjective is the plural
        table.setdefault(plural, code)
    for k, v in _ORGANISATIONS.items():
        table[k] = v
    for k, v in list(table.items()):  # all-capitals cables ("PERUVIAN", "BRAZIL")
        if len(k) >= 4:
            table.setdefault(k.upper(), v)
    return table


def _trie_regex(words: list[str]) -> str:
    """One alternation of many literals as a prefix tree ("Ba(?:hrain|ngladesh|...)"), so the
    engine tests each position against a few branches instead of every name: many times
    faster than a flat alternation.  Longer matches are preferred, as in a longest-first list."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alternation = _trie_regex(list(_table()))
    # GO+letter abbreviations are matched too and resolved against the host.
    return re.compile(rf"(?<![\w.])(?:{alternation}|G[Oo][A-Z])(?![\w]|-[a-z])")


# ---------------------------------------------------------------------------------------------
# Public API


def _initial_matches(letter: str, code: str) -> bool:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return False
    names = {getattr(country, "common_name", None), country.name}
    names |= {k for k, v in _EXTRA_NAMES.items() if v == code and len(k) > 3}
    return any(n and n.upper().startswith(letter) for n in names)


def country_code(word: str, host: str | None = None) -> str | None:
    """The party code a word names, or None.

    ``host`` is the cable's host country: "GOP" is the Government of Peru only in a cable
    about Peru, so G+O+letter abbreviations resolve when the host's name starts with the letter.
    """
    w = word.strip()
    if w.lower().startswith("the "):
        w = w[4:]
    code = _table().get(w)
    if code:
        return code
    m = _GOV_ABBREV.match(w)
    if m and host and _initial_matches(m.group(1), host):
        return host
    if host in _DIVIDED and w in _DIVIDED[host]:
        return _DIVIDED[host][w]  # in a Seoul cable "the North" is the DPRK
    return None


#: Halves of a divided country named by direction in cables from either half.
_DIVIDED = {"KOR": {"North": "PRK", "South": "KOR"}, "PRK": {"North": "PRK", "South": "KOR"}}


def city_country(word: str) -> str | None:
    """The country of a city cables name as a venue ("Lima", "Washington", "Mayport"), or None
    for words that are not cities (country names included)."""
    return _CITIES.get(word.strip())


def find_countries(text: str, host: str | None = None) -> list[tuple[int, int, str]]:
    """Every country or organisation mention in ``text`` as (start, end, code), in order."""
    out: list[tuple[int, int, str]] = []
    for m in _pattern().finditer(text):
        code = country_code(m.group(0), host)
        if code == "USA" and m.group(0).startswith("America") and _REGION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue  # "Inter-American Commission", "Latin American states": a region, not the US
        if code:
            out.append((m.start(), m.end(), code))
    return out


#: Words that make "American" a region's adjective rather than the United States'.
_REGION_BEFORE = re.compile(r"(?:Inter-\s*|Pan-|Afro-|Latin |South |Central |North |Meso-?)$")


_DOMESTIC_ORIGINS = frozenset({"STATE", "SECSTATE", "SECDEF", "WASHDC", "DOD", "USUN", "USUNNEWYORK", "CIA", "JCS"})


@lru_cache(maxsize=1)
def _posts() -> dict[str, str]:
    """Post codes as written in reference ids (NEWDELHI, BUENOSAIRES) -> country, from the
    capital and city names above."""
    posts = {re.sub(r"[^A-Z]", "", k.upper()): v for k, v in _iso_names().items()}
    posts.update({re.sub(r"[^A-Z]", "", k.upper()): v for k, v in _CITIES.items()})
    return posts


def _post_country(origin_code: str | None) -> str | None:
    """The country a post's code (LIMA, NEWDELHI, BRASILIA) is in: the State Department post
    table first, then the capital and country names above."""
    if not origin_code:
        return None
    return country_for_post(origin_code) or _posts().get(re.sub(r"[^A-Z]", "", origin_code.upper()))


def is_domestic(doc: ParsedCable) -> bool:
    """True for cables sent from Washington offices (the Department, DoD, USUN) or of unknown
    origin: they have no host country of their own."""
    origin = doc.cable.origin_code
    return not origin or origin.upper() in _DOMESTIC_ORIGINS


def host_country(doc: ParsedCable) -> str | None:
    """The country the cable's post is in; for Washington cables, the first country tag.

    Falls back to the first country tag (embassy cables tag their host first nearly always).
    """
    origin = doc.cable.origin_code
    domestic = not origin or origin.upper() in _DOMESTIC_ORIGINS
    if not domestic:
        code = _post_country(origin)
        if code:
            return code
    tagged = [t.country_code for t in doc.tags if t.country_code and t.country_code != "USA"]
    if domestic and len(tagged) > 1:
        return _most_mentioned(doc, tagged)
    return tagged[0] if tagged else None


def _most_mentioned(doc: ParsedCable, candidates: list[str]) -> str:
    """Of the tagged countries, the one the body names most (Washington cables tag in
    alphabetical order, so the first tag says nothing); ties go to the earlier tag."""
    counts = dict.fromkeys(candidates, 0)
    for p in doc.paragraphs:
        for _, _, code in find_countries(p.text):
            if code in counts:
                counts[code] += 1
    return max(candidates, key=lambda c: (counts[c], -candidates.index(c)))
