"""TAGS typed: subject, country, program, organisation or person, with meaning and ISO3.

The State Department's TAGS (Traffic Analysis by Geography and Subject) put a two-letter
FIPS-style country code for places, four-letter codes for subjects (their first letter names the
family: P political, E economic, M military, S social, T technology, C consular, A
administration), K- and O-codes for programs and operations, and, on some cables, acronyms of
organisations and names of people.  The meanings below are those of the TAGS handbook for the
codes the corpus uses most; an unlisted code keeps its kind with no meaning.
"""

from __future__ import annotations

from engagements.extract.fips import country_for_tag, region_for_tag
from engagements.schema import CableTag
from engagements.schema.vocab import TagKind

SUBJECTS = {
    "PREL": "External Political Relations", "PGOV": "Internal Governmental Affairs",
    "PHUM": "Human Rights", "PTER": "Terrorists and Terrorism", "PINR": "Intelligence",
    "PARM": "Arms Controls and Disarmament", "PINS": "National Security", "PREF": "Refugees",
    "PBTS": "National Boundaries, Territories, and Sovereignty", "PHSA": "High Seas Affairs",
    "PNAT": "National Independence", "PMAR": "Maritime Affairs", "PROP": "Propaganda and Psychological Operations",
    "POL": "Political Affairs", "PINT": "Internal Political Affairs", "PEPR": "Economic Political Relations",
    "ECON": "Economic Conditions", "ETRD": "Foreign Trade", "EFIN": "Financial and Monetary Affairs",
    "ENRG": "Energy and Power", "EINV": "Foreign Investments", "EPET": "Petroleum and Natural Gas",
    "ELAB": "Labor Affairs", "EAID": "Foreign Economic Assistance", "EAGR": "Agriculture and Forestry",
    "EAIR": "Civil Aviation", "ECPS": "Communications and Postal Systems", "EWWT": "Waterborne Transportation",
    "EIND": "Industry and Manufacturing", "ECIN": "Economic Integration", "EMIN": "Minerals and Metals",
    "EFIS": "Commercial Fishing", "ELTN": "Land Transportation", "EINT": "Economic and Commercial Internet",
    "ENIV": "Environment", "ETTC": "Trade and Technology Controls", "EUN": "European Union",
    "MARR": "Military and Defense Arrangements", "MOPS": "Military Operations", "MASS": "Military Assistance and Sales",
    "MNUC": "Military Nuclear Applications", "MCAP": "Military Capabilities", "MPOS": "Military Posture",
    "MAPP": "Military Applications", "SNAR": "Narcotics", "SOCI": "Social Conditions", "SENV": "Environmental Affairs",
    "SMIG": "Migration", "SCUL": "Cultural Affairs", "SHUM": "Human Services", "SCRM": "Crime",
    "TRGY": "Energy Technology", "TBIO": "Biological and Medical Science", "TSPL": "Science and Technology Policy",
    "TSPA": "Space Activities", "TPHY": "Physical Sciences", "TNGD": "Engineering and Development",
    "TINT": "Internet Technology", "ASEC": "Security", "AORC": "International Organizations and Conferences",
    "AMGT": "Management Operations", "AEMR": "Emergency Planning and Evacuation", "AFIN": "Financial Management",
    "ABLD": "Buildings and Grounds", "APER": "Personnel", "AMED": "Medical Services",
    "CASC": "Assistance to Citizens", "CVIS": "Visas", "CMGT": "Consular Management", "CJAN": "Judicial Assistance and Notarial Services",
    "CPAS": "Passports and Citizenship", "CONS": "Consular Affairs",
}

PROGRAMS = {
    "KCRM": "Criminal Activity", "KDEM": "Democratization", "KNNP": "Nuclear Non-Proliferation",
    "KJUS": "Justice", "KPAO": "Public Affairs Office", "KISL": "Islamic Affairs", "KPAL": "Palestinian Affairs",
    "KCOR": "Corruption", "KWMN": "Women's Issues", "KIPR": "Intellectual Property Rights",
    "KIRF": "International Religious Freedom", "KSCA": "Science Cooperation Agreements",
    "KTFN": "Terrorism Financing", "KWBG": "West Bank and Gaza", "KPKO": "Peacekeeping Operations",
    "KTIP": "Trafficking in Persons", "KTIA": "Trade and Investment Agreements", "KFRD": "Fraud",
    "KGHG": "Greenhouse Gases", "KOMC": "Official Maritime Cooperation", "KSUM": "Summits",
    "KHLS": "Homeland Security", "KFLO": "Flooding", "KFLU": "Avian Influenza", "KUNR": "UN Reform",
    "KMDR": "Media Reaction", "KCFE": "Conventional Forces in Europe", "KGIC": "Global Initiative to Combat Nuclear Terrorism",
    "KAWC": "Atrocities and War Crimes", "KSEP": "Science and Engineering Partnerships", "KSTH": "Science, Technology and Health",
    "KPRP": "Plans and Programs", "KSTC": "Strategic Trade Controls", "KMPI": "Middle East Partnership Initiative",
    "KTDB": "Trade Development", "KDRG": "Drugs", "KVPR": "Visa Processing", "KMCA": "Millennium Challenge Account",
    "KBIO": "Biological Weapons", "KBCT": "Border Control", "KAWK": "Awareness", "KRAD": "Radiological",
    "KBTR": "Bioterrorism", "KSPR": "Special Programs", "KIDE": "Identity", "KICC": "International Criminal Court",
    "KOLY": "Olympics", "KNEI": "Near East Initiative", "KCIP": "Critical Infrastructure Protection",
    "KHIV": "HIV/AIDS", "KACT": "Arms Control Treaties", "KPRV": "Privatization",
    "OVIP": "Visits by Very Important Persons", "OTRA": "Travel", "OREP": "Congressional Visits",
    "OPRC": "Public Relations and Correspondence", "OPDC": "Diplomatic Correspondence",
    "OEXC": "Educational and Cultural Exchange", "OIIP": "International Information Programs",
    "ODIP": "Diplomatic Relations", "OFDP": "Foreign Diplomats and Personnel", "OSCI": "Science Exchange",
    "OPIC": "Overseas Private Investment Corporation", "BEXP": "Business Export Promotion",
    "BTIO": "Biotechnology", "SIPDIS": "SIPRNet distribution", "NSSP": "Next Steps in Strategic Partnership",
    "USTR": "United States Trade Representative", "FTAA": "Free Trade Area of the Americas",
}

ORGANISATIONS = {
    "UN": "United Nations", "UNSC": "UN Security Council", "UNGA": "UN General Assembly", "NATO": "North Atlantic Treaty Organization",
    "EU": "European Union", "EUN": "European Union", "OAS": "Organization of American States", "AU": "African Union",
    "IAEA": "International Atomic Energy Agency", "OSCE": "Organization for Security and Co-operation in Europe",
    "WTO": "World Trade Organization", "WTRO": "World Trade Organization", "ICRC": "International Committee of the Red Cross",
    "OPCW": "Organisation for the Prohibition of Chemical Weapons", "OECD": "Organisation for Economic Co-operation and Development",
    "ICAO": "International Civil Aviation Organization", "NASA": "National Aeronautics and Space Administration",
    "USEU": "US Mission to the European Union", "ASEAN": "Association of Southeast Asian Nations", "APEC": "Asia-Pacific Economic Cooperation",
    "IMF": "International Monetary Fund", "IBRD": "World Bank", "IDB": "Inter-American Development Bank",
    "UNHCR": "UN High Commissioner for Refugees", "UNHRC": "UN Human Rights Council", "WHO": "World Health Organization",
    "UNESCO": "UNESCO", "MERCOSUR": "Mercosur", "UNASUR": "Union of South American Nations", "SICA": "Central American Integration System",
    "CARICOM": "Caribbean Community", "ECOWAS": "Economic Community of West African States", "SADC": "Southern African Development Community",
    "GCC": "Gulf Cooperation Council", "OPEC": "Organization of the Petroleum Exporting Countries", "ICC": "International Criminal Court",
    "INRB": "International Narcotics Control Board", "LTTE": "Liberation Tigers of Tamil Eelam", "FARC": "Revolutionary Armed Forces of Colombia",
    "BBSR": "Bureau of Budget", "ENGR": "Engineering", "UNMIK": "UN Mission in Kosovo", "ALBA": "Bolivarian Alliance",
}

_SUBJECT_FAMILIES = set("PEMSTCA")
_PROGRAM_FAMILIES = set("KO")


def classify_tag(tag: str) -> tuple[TagKind, str | None, str | None]:
    """(kind, meaning, ISO3) for one tag as written."""
    t = tag.strip().upper()
    if t in ORGANISATIONS:  # UN, EU before the two-letter country codes
        return TagKind.ORGANISATION, ORGANISATIONS[t], None
    if len(t) == 2:
        country = country_for_tag(t)
        if country:
            return TagKind.COUNTRY, country[1], country[0]
        region = region_for_tag(t)
        if region:
            return TagKind.COUNTRY, region, None
        return TagKind.UNKNOWN, None, None
    if t in ORGANISATIONS:
        return TagKind.ORGANISATION, ORGANISATIONS[t], None
    if t in SUBJECTS:
        return TagKind.SUBJECT, SUBJECTS[t], None
    if t in PROGRAMS:
        return TagKind.PROGRAM, PROGRAMS[t], None
    if len(t) == 4 and t.isalpha():
        if t[0] in _SUBJECT_FAMILIES:
            return TagKind.SUBJECT, None, None
        if t[0] in _PROGRAM_FAMILIES:
            return TagKind.PROGRAM, None, None
        return TagKind.UNKNOWN, None, None
    if len(t) >= 5 and t.isalpha():
        return TagKind.PERSON, None, None
    return TagKind.UNKNOWN, None, None


def tag_rows(cable_id: str, tags: list[str]) -> list[CableTag]:
    rows = []
    for i, tag in enumerate(tags, 1):
        kind, meaning, iso3 = classify_tag(tag)
        rows.append(CableTag(cable_id=cable_id, position=i, tag=tag, kind=kind, meaning=meaning, country_code=iso3))
    return rows
