"""Country tags and posts -> ISO 3166-1 alpha-3.

Cable TAGS name countries with the State Department's two-letter codes, which follow FIPS 10-4,
not ISO 3166 alpha-2: PE is Peru (ISO PE too), but PM is Panama (ISO PA), BR Brazil, HO
Honduras, NU Nicaragua, CH China, GM Germany, UK the United Kingdom.  Reading them as ISO
alpha-2 silently puts cables in the wrong country, so the mapping is written out here once.

The State Department also used a few codes of its own in TAGS (KV Kosovo, XF Middle East, XM
Latin America ...): regions map to no country (``None`` for the ISO code) but keep a meaning.
"""

from __future__ import annotations

from functools import cache

import pycountry

# FIPS 10-4 / State Department country tag -> ISO 3166-1 alpha-3.
_FIPS_TO_ISO3: dict[str, str] = {
    "AA": "ABW", "AC": "ATG", "AE": "ARE", "AF": "AFG", "AG": "DZA", "AJ": "AZE", "AL": "ALB",
    "AM": "ARM", "AN": "AND", "AO": "AGO", "AQ": "ASM", "AR": "ARG", "AS": "AUS", "AU": "AUT",
    "AV": "AIA", "AY": "ATA", "BA": "BHR", "BB": "BRB", "BC": "BWA", "BD": "BMU", "BE": "BEL",
    "BF": "BHS", "BG": "BGD", "BH": "BLZ", "BK": "BIH", "BL": "BOL", "BM": "MMR", "BN": "BEN",
    "BO": "BLR", "BP": "SLB", "BR": "BRA", "BT": "BTN", "BU": "BGR", "BX": "BRN", "BY": "BDI",
    "CA": "CAN", "CB": "KHM", "CD": "TCD", "CE": "LKA", "CF": "COG", "CG": "COD", "CH": "CHN",
    "CI": "CHL", "CJ": "CYM", "CK": "CCK", "CM": "CMR", "CN": "COM", "CO": "COL", "CS": "CRI",
    "CT": "CAF", "CU": "CUB", "CV": "CPV", "CW": "COK", "CY": "CYP", "DA": "DNK", "DJ": "DJI",
    "DO": "DMA", "DR": "DOM", "EC": "ECU", "EG": "EGY", "EI": "IRL", "EK": "GNQ", "EN": "EST",
    "ER": "ERI", "ES": "SLV", "ET": "ETH", "EZ": "CZE", "FG": "GUF", "FI": "FIN", "FJ": "FJI",
    "FK": "FLK", "FM": "FSM", "FO": "FRO", "FP": "PYF", "FR": "FRA", "GA": "GMB", "GB": "GAB",
    "GG": "GEO", "GH": "GHA", "GI": "GIB", "GJ": "GRD", "GL": "GRL", "GM": "DEU", "GP": "GLP",
    "GQ": "GUM", "GR": "GRC", "GT": "GTM", "GV": "GIN", "GY": "GUY", "GZ": "PSE", "HA": "HTI",
    "HK": "HKG", "HO": "HND", "HR": "HRV", "HU": "HUN", "IC": "ISL", "ID": "IDN", "IN": "IND",
    "IO": "IOT", "IR": "IRN", "IS": "ISR", "IT": "ITA", "IV": "CIV", "IZ": "IRQ", "JA": "JPN",
    "JM": "JAM", "JO": "JOR", "KE": "KEN", "KG": "KGZ", "KN": "PRK", "KR": "KIR", "KS": "KOR",
    "KT": "CXR", "KU": "KWT", "KV": "XKX", "KZ": "KAZ", "LA": "LAO", "LE": "LBN", "LG": "LVA",
    "LH": "LTU", "LI": "LBR", "LO": "SVK", "LS": "LIE", "LT": "LSO", "LU": "LUX", "LY": "LBY",
    "MA": "MDG", "MB": "MTQ", "MC": "MAC", "MD": "MDA", "MF": "MYT", "MG": "MNG", "MH": "MSR",
    "MI": "MWI", "MJ": "MNE", "MK": "MKD", "ML": "MLI", "MN": "MCO", "MO": "MAR", "MP": "MUS",
    "MR": "MRT", "MT": "MLT", "MU": "OMN", "MV": "MDV", "MX": "MEX", "MY": "MYS", "MZ": "MOZ",
    "NC": "NCL", "NE": "NIU", "NF": "NFK", "NG": "NER", "NH": "VUT", "NI": "NGA", "NL": "NLD",
    "NO": "NOR", "NP": "NPL", "NR": "NRU", "NS": "SUR", "NU": "NIC", "NZ": "NZL", "OD": "SSD",
    "PA": "PRY", "PC": "PCN", "PE": "PER", "PK": "PAK", "PL": "POL", "PM": "PAN", "PO": "PRT",
    "PP": "PNG", "PS": "PLW", "PU": "GNB", "QA": "QAT", "RE": "REU", "RI": "SRB", "RM": "MHL",
    "RO": "ROU", "RP": "PHL", "RQ": "PRI", "RS": "RUS", "RW": "RWA", "SA": "SAU", "SB": "SPM",
    "SC": "KNA", "SE": "SYC", "SF": "ZAF", "SG": "SEN", "SH": "SHN", "SI": "SVN", "SL": "SLE",
    "SM": "SMR", "SN": "SGP", "SO": "SOM", "SP": "ESP", "ST": "LCA", "SU": "SDN", "SW": "SWE",
    "SY": "SYR", "SZ": "CHE", "TC": "ARE", "TD": "TTO", "TH": "THA", "TI": "TJK", "TK": "TCA",
    "TL": "TKL", "TN": "TON", "TO": "TGO", "TP": "STP", "TS": "TUN", "TT": "TLS", "TU": "TUR",
    "TV": "TUV", "TW": "TWN", "TX": "TKM", "TZ": "TZA", "UG": "UGA", "UK": "GBR", "UP": "UKR",
    "US": "USA", "UV": "BFA", "UY": "URY", "UZ": "UZB", "VC": "VCT", "VE": "VEN", "VI": "VGB",
    "VM": "VNM", "VQ": "VIR", "VT": "VAT", "WA": "NAM", "WE": "PSE", "WF": "WLF", "WI": "ESH",
    "WS": "WSM", "WZ": "SWZ", "YM": "YEM", "ZA": "ZMB", "ZI": "ZWE",
    # Codes the State Department kept after FIPS retired them.
    "YI": "SRB",  # Yugoslavia / Serbia and Montenegro, in cables before 2006
    "SR": "SRB",  # Serbia, as some posts wrote it
    "MW": "MNE",  # Montenegro, before MJ
    "CQ": "MNP",
}

# Tags that look like country tags but name regions or groupings: a meaning, no country.
_REGIONS: dict[str, str] = {
    "XA": "Africa", "XB": "Asia and the Pacific", "XC": "Central Asia", "XD": "Indian Ocean",
    "XE": "Eastern Europe", "XF": "Middle East", "XG": "Europe", "XH": "Eastern Europe (Soviet bloc)",
    "XI": "East Asia", "XJ": "Eastern Africa", "XK": "Caribbean", "XL": "Southeast Asia",
    "XM": "Latin America", "XN": "Latin America and the Caribbean", "XO": "Indian subcontinent",
    "XP": "Western Pacific", "XQ": "Eastern Asia", "XR": "North America", "XS": "South Asia",
    "XT": "South America", "XU": "Northern Africa", "XV": "Antarctica", "XW": "Africa (Sub-Saharan)",
    "XX": "Non-Soviet bloc", "XY": "Western Africa", "XZ": "Western Hemisphere",
    "ZB": "Europe (Western)", "ZF": "Central Africa", "ZJ": "Caribbean",
    "ZK": "Caucasus", "ZO": "Southern Africa", "ZP": "Pacific", "ZR": "Andean region",
    "ZU": "Southeast Asia", "ZZ": "Unknown region", "ZS": "South America", "ZE": "Eastern Europe",
}

_NAME_OVERRIDES = {
    "XKX": "Kosovo", "PSE": "Palestinian Territories", "TWN": "Taiwan", "KOR": "South Korea", "PRK": "North Korea",
    "RUS": "Russia", "VNM": "Vietnam", "MDA": "Moldova", "SYR": "Syria", "VAT": "Holy See", "CIV": "Cote d'Ivoire",
}


@cache
def country_name(iso3: str) -> str | None:
    """Short English name for an ISO alpha-3 code (pycountry), with the common names users expect."""
    if iso3 in _NAME_OVERRIDES:
        return _NAME_OVERRIDES[iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


# Codes some posts wrote that are not FIPS codes at all (never a reading of a valid FIPS code).
_NON_FIPS_USAGE = {"VZ": "VEN", "NK": "PRK"}


def country_for_tag(tag: str) -> tuple[str, str] | None:
    """(ISO alpha-3, name) for a two-letter State/FIPS country tag, or None when it is no country.

    FIPS always wins.  A two-letter tag that is no FIPS code (nor a region) but is an ISO
    alpha-2 code (RU, JP, IQ, YE, VN, TR ... which some posts wrote) is read as ISO."""
    code = tag.strip().upper()
    iso3 = _FIPS_TO_ISO3.get(code) or _NON_FIPS_USAGE.get(code)
    if iso3 is None and code not in _REGIONS and len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
        iso3 = country.alpha_3 if country is not None else None
    if iso3 is None:
        return None
    return iso3, country_name(iso3) or iso3


def region_for_tag(tag: str) -> str | None:
    """The region a two-letter regional tag (XF, XM ...) stands for, or None."""
    return _REGIONS.get(tag.strip().upper())


def is_country_tag(tag: str) -> bool:
    return tag.strip().upper() in _FIPS_TO_ISO3


def iso3_for_fips(code: str) -> str | None:
    return _FIPS_TO_ISO3.get(code.strip().upper())


# Post code (as in reference ids) -> host country ISO3.  Posts whose code is not a city name
# (missions to organisations, Washington offices) map to the organisation's seat or to None.
_POSTS: dict[str, str | None] = {
    # Western Hemisphere
    "LIMA": "PER", "BOGOTA": "COL", "CARACAS": "VEN", "QUITO": "ECU", "GUAYAQUIL": "ECU",
    "LAPAZ": "BOL", "SANTIAGO": "CHL", "BUENOSAIRES": "ARG", "MONTEVIDEO": "URY",
    "ASUNCION": "PRY", "BRASILIA": "BRA", "SAOPAULO": "BRA", "RIODEJANEIRO": "BRA", "RECIFE": "BRA",
    "PANAMA": "PAN", "SANJOSE": "CRI", "MANAGUA": "NIC", "TEGUCIGALPA": "HND", "SANSALVADOR": "SLV",
    "GUATEMALA": "GTM", "BELIZE": "BLZ", "MEXICO": "MEX", "TIJUANA": "MEX", "MONTERREY": "MEX",
    "GUADALAJARA": "MEX", "CIUDADJUAREZ": "MEX", "MATAMOROS": "MEX", "NUEVOLAREDO": "MEX",
    "HERMOSILLO": "MEX", "MERIDA": "MEX", "NOGALES": "MEX", "HAVANA": "CUB", "SANTODOMINGO": "DOM",
    "PORTAUPRINCE": "HTI", "KINGSTON": "JAM", "BRIDGETOWN": "BRB", "PORTOFSPAIN": "TTO",
    "NASSAU": "BHS", "GEORGETOWN": "GUY", "PARAMARIBO": "SUR", "OTTAWA": "CAN", "TORONTO": "CAN",
    "MONTREAL": "CAN", "VANCOUVER": "CAN", "CALGARY": "CAN", "HALIFAX": "CAN", "QUEBEC": "CAN",
    "CURACAO": "CUW", "HAMILTON": "BMU", "USOAS": None,
    # Europe
    "LONDON": "GBR", "BELFAST": "GBR", "EDINBURGH": "GBR", "PARIS": "FRA", "MARSEILLE": "FRA",
    "STRASBOURG": "FRA", "BERLIN": "DEU", "FRANKFURT": "DEU", "MUNICH": "DEU", "HAMBURG": "DEU",
    "DUSSELDORF": "DEU", "LEIPZIG": "DEU", "MADRID": "ESP", "BARCELONA": "ESP", "LISBON": "PRT",
    "PONTADELGADA": "PRT", "ROME": "ITA", "MILAN": "ITA", "NAPLES": "ITA", "FLORENCE": "ITA",
    "VATICAN": "VAT", "THEHAGUE": "NLD", "AMSTERDAM": "NLD", "BRUSSELS": "BEL", "LUXEMBOURG": "LUX",
    "BERN": "CHE", "GENEVA": "CHE", "VIENNA": "AUT", "DUBLIN": "IRL", "REYKJAVIK": "ISL",
    "OSLO": "NOR", "STOCKHOLM": "SWE", "COPENHAGEN": "DNK", "HELSINKI": "FIN", "TALLINN": "EST",
    "RIGA": "LVA", "VILNIUS": "LTU", "WARSAW": "POL", "KRAKOW": "POL", "PRAGUE": "CZE",
    "BRATISLAVA": "SVK", "BUDAPEST": "HUN", "LJUBLJANA": "SVN", "ZAGREB": "HRV", "SARAJEVO": "BIH",
    "BELGRADE": "SRB", "PODGORICA": "MNE", "PRISTINA": "XKX", "SKOPJE": "MKD", "TIRANA": "ALB",
    "ATHENS": "GRC", "THESSALONIKI": "GRC", "NICOSIA": "CYP", "VALLETTA": "MLT", "SOFIA": "BGR",
    "BUCHAREST": "ROU", "CHISINAU": "MDA", "KYIV": "UKR", "KIEV": "UKR", "MINSK": "BLR",
    "MOSCOW": "RUS", "STPETERSBURG": "RUS", "YEKATERINBURG": "RUS", "VLADIVOSTOK": "RUS",
    "ANKARA": "TUR", "ISTANBUL": "TUR", "ADANA": "TUR", "TBILISI": "GEO", "YEREVAN": "ARM",
    "BAKU": "AZE", "HOLYSEE": "VAT",
    # Middle East and North Africa
    "CAIRO": "EGY", "ALEXANDRIA": "EGY", "TELAVIV": "ISR", "JERUSALEM": None, "AMMAN": "JOR",
    "BEIRUT": "LBN", "DAMASCUS": "SYR", "BAGHDAD": "IRQ", "BASRAH": "IRQ", "KIRKUK": "IRQ",
    "HILLAH": "IRQ", "MOSUL": "IRQ", "RIYADH": "SAU", "JEDDAH": "SAU",
    "DHAHRAN": "SAU", "KUWAIT": "KWT", "MANAMA": "BHR", "DOHA": "QAT", "ABUDHABI": "ARE",
    "DUBAI": "ARE", "MUSCAT": "OMN", "SANAA": "YEM", "TRIPOLI": "LBY", "TUNIS": "TUN",
    "ALGIERS": "DZA", "RABAT": "MAR", "CASABLANCA": "MAR", "NOUAKCHOTT": "MRT", "TEHRAN": "IRN",
    "RPODUBAI": "IRN",
    # Sub-Saharan Africa
    "KHARTOUM": "SDN", "ADDISABABA": "ETH", "ASMARA": "ERI", "DJIBOUTI": "DJI", "NAIROBI": "KEN",
    "KAMPALA": "UGA", "KIGALI": "RWA", "BUJUMBURA": "BDI", "DARESSALAAM": "TZA", "LUSAKA": "ZMB",
    "HARARE": "ZWE", "LILONGWE": "MWI", "MAPUTO": "MOZ", "PRETORIA": "ZAF", "JOHANNESBURG": "ZAF",
    "CAPETOWN": "ZAF", "DURBAN": "ZAF", "GABORONE": "BWA", "WINDHOEK": "NAM", "MASERU": "LSO",
    "MBABANE": "SWZ", "ANTANANARIVO": "MDG", "PORTLOUIS": "MUS", "LUANDA": "AGO", "KINSHASA": "COD",
    "BRAZZAVILLE": "COG", "LIBREVILLE": "GAB", "MALABO": "GNQ", "YAOUNDE": "CMR", "DOUALA": "CMR",
    "BANGUI": "CAF", "NDJAMENA": "TCD", "NIAMEY": "NER", "ABUJA": "NGA", "LAGOS": "NGA",
    "COTONOU": "BEN", "LOME": "TGO", "ACCRA": "GHA", "ABIDJAN": "CIV", "OUAGADOUGOU": "BFA",
    "BAMAKO": "MLI", "DAKAR": "SEN", "BANJUL": "GMB", "BISSAU": "GNB", "CONAKRY": "GIN",
    "FREETOWN": "SLE", "MONROVIA": "LBR", "PRAIA": "CPV", "MOGADISHU": "SOM", "VICTORIA": "SYC",
    "SAOTOME": "STP",
    # South and Central Asia
    "NEWDELHI": "IND", "MUMBAI": "IND", "CHENNAI": "IND", "KOLKATA": "IND", "CALCUTTA": "IND",
    "HYDERABAD": "IND", "ISLAMABAD": "PAK", "KARACHI": "PAK", "LAHORE": "PAK", "PESHAWAR": "PAK",
    "KABUL": "AFG", "DHAKA": "BGD", "COLOMBO": "LKA", "KATHMANDU": "NPL", "COLOMBOSRILANKA": "LKA",
    "TASHKENT": "UZB", "ASTANA": "KAZ", "ALMATY": "KAZ", "BISHKEK": "KGZ", "DUSHANBE": "TJK",
    "ASHGABAT": "TKM",
    # East Asia and Pacific
    "BEIJING": "CHN", "SHANGHAI": "CHN", "GUANGZHOU": "CHN", "SHENYANG": "CHN", "CHENGDU": "CHN",
    "HONGKONG": "HKG", "TAIPEI": "TWN", "AITTAIPEI": "TWN", "TOKYO": "JPN", "OSAKAKOBE": "JPN",
    "NAHA": "JPN", "SAPPORO": "JPN", "FUKUOKA": "JPN", "NAGOYA": "JPN", "SEOUL": "KOR",
    "BUSAN": "KOR", "ULAANBAATAR": "MNG", "HANOI": "VNM", "HOCHIMINHCITY": "VNM", "VIENTIANE": "LAO",
    "PHNOMPENH": "KHM", "BANGKOK": "THA", "CHIANGMAI": "THA", "RANGOON": "MMR", "KUALALUMPUR": "MYS",
    "SINGAPORE": "SGP", "JAKARTA": "IDN", "SURABAYA": "IDN", "DILI": "TLS", "MANILA": "PHL",
    "BANDARSERIBEGAWAN": "BRN", "CANBERRA": "AUS", "SYDNEY": "AUS", "MELBOURNE": "AUS",
    "PERTH": "AUS", "WELLINGTON": "NZL", "AUCKLAND": "NZL", "PORTMORESBY": "PNG", "SUVA": "FJI",
    "KOLONIA": "FSM", "MAJURO": "MHL", "KOROR": "PLW", "APIA": "WSM",
    # Washington, missions to organisations: no host country of their own.
    "STATE": "USA", "SECSTATE": "USA", "SECDEF": "USA", "USUNNEWYORK": None, "USNATO": None,
    "USEUBRUSSELS": None, "UNVIEVIENNA": None, "USUNROME": None, "UNROME": None,
    "USOSCE": None, "MISSIONGENEVA": None, "CDGENEVA": None, "USMISSIONGENEVA": None,
}


def country_for_post(code: str) -> str | None:
    """ISO alpha-3 of the country hosting a post (reference-id code such as LIMA, NEWDELHI), or
    None for missions to organisations and for unknown codes."""
    return _POSTS.get(code.strip().upper().replace(" ", ""))


def known_post_codes() -> frozenset[str]:
    return frozenset(_POSTS)
