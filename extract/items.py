"""What a request asks for, on the item vocabulary (``RequestItem``), from the cable's own words.

Rules are keyword families tried in order, most specific first: "night vision goggles" is
``night_vision_devices`` before "equipment" could make it ``equipment_other``; "helicopters"
is ``helicopters`` before "aircraft".  A that-clause or an object that names an action by a
government ("further action from the USG", "that the USG think and act carefully") with no
material item is a ``diplomatic_action``.

Each item also carries its event codes: the CAMEO code of the request (CAMEO 2.0 '02 Appeal'
family: 0231 economic aid, 0232 military aid, 0233 humanitarian aid, 0234 military protection
or peacekeeping, 0241..0244 political change, 025 yield/concessions, 026 meet or negotiate,
028 mediate, 0211 economic co-operation, 0212 military co-operation, 0213 judicial
co-operation, 0214 intelligence) and the PLOVER type and mode (REQUEST with mode the PLOVER
``request`` sub-kind: material, economic, military, humanitarian, political, legal, consult).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engagements.schema.vocab import RequestItem

_F = re.IGNORECASE

#: (item, pattern) in order; the first family that matches names the item.
_RULES: list[tuple[RequestItem, re.Pattern[str]]] = [
    (RequestItem.NIGHT_VISION_DEVICES, re.compile(r"\bnight[- ]vision|\bNVGs?\b|\bNVDs?\b", _F)),
    (RequestItem.HELICOPTERS, re.compile(r"\bhelicopters?\b|\bhelos?\b|\bBlack ?Hawks?\b|\bHueys?\b", _F)),
    (RequestItem.AIRCRAFT, re.compile(r"\baircraft\b|\bairplanes?\b|\bplanes?\b|\bdrones?\b|\bUAVs?\b|\bjets?\b|\bF-\d+s?\b|\bC-1\d0s?\b|\bflights?\b", _F)),
    (RequestItem.VESSELS, re.compile(r"\bboats?\b|\bvessels?\b|\bships?\b|\bpatrol craft\b|\binterceptors?\b|\bfrigates?\b", _F)),
    (RequestItem.VEHICLES, re.compile(r"\bvehicles?\b|\btrucks?\b|\bjeeps?\b|\bHumvees?\b|\bHMMWVs?\b|\bcars\b", _F)),
    (RequestItem.WEAPONS, re.compile(r"\bweapons?\b|\barms\b|\bammunition\b|\bmunitions?\b|\brifles?\b|\bmissiles?\b|\bguns\b", _F)),
    (RequestItem.COMMUNICATIONS_EQUIPMENT, re.compile(r"\bradios?\b|\bcommunications? (?:equipment|systems?|gear)\b", _F)),
    (RequestItem.SURVEILLANCE_EQUIPMENT, re.compile(r"\bradars?\b|\bsensors?\b|\bcameras?\b|\bsurveillance (?:equipment|systems?|aircraft)\b|\bscanners?\b", _F)),
    (RequestItem.INTELLIGENCE_SHARING, re.compile(r"\bintelligence\b|\binformation[- ]sharing\b|\bshar(?:e|ing) (?:of )?(?:information|intelligence)\b", _F)),
    (RequestItem.TRAINING, re.compile(r"\btraining\b|\btrainers?\b|\beducation(?:al)? (?:exchanges?|programs?)\b|\bscholarships?\b", _F)),
    (RequestItem.LEGAL_COOPERATION, re.compile(r"\bextradit\w*|\brepatriat\w*|\bmutual legal\b|\blegal assistance\b|\bprisoners?\b|\breleas\w+ (?:of )?(?:Dr\.|the prisoner|detainee)|\btransfer of (?:the )?(?:prisoner|detainee)s?", _F)),
    (RequestItem.HUMANITARIAN_ASSISTANCE, re.compile(r"\bhumanitarian\b|\bdisaster\b|\brelief\b|\bhospitals?\b|\bfood aid\b|\bmedicines?\b|\brefugees?\b", _F)),
    (RequestItem.FINANCIAL_ASSISTANCE, re.compile(r"\bfinancial\b|\bfunds?\b|\bfunding\b|\bmoney\b|\bloans?\b|\bbudget support\b|\beconomic (?:aid|assistance)\b|\bgrants?\b|\b\$\s?\d", _F)),
    (RequestItem.TECHNICAL_ASSISTANCE, re.compile(r"\bassessments?\b|\btechnical (?:assistance|support|help|advice)\b|\bexpert(?:s|ise)?\b|\badvisers?\b|\badvisors?\b", _F)),
    (RequestItem.EQUIPMENT_OTHER, re.compile(r"\bequipment\b|\bmateriel\b|\bhelmets?\b|\bvests?\b|\bkits?\b|\bspare parts\b|\bcomputers?\b|\blaptops?\b", _F)),
    (RequestItem.MEETING, re.compile(r"\bmeet(?:ing)?s?\b|\bvisits?\b|\bworking group\b|\bdialogue\b|\btalks\b|\bsummit\b|\bconsultations?\b|\bappointment\b|\bdiscussions? with\b", _F)),
    (RequestItem.DIPLOMATIC_ACTION, re.compile(r"\baction\b|\bsupport(?:ing)? (?:for|of)\b|\bvot(?:e|ing)\b|\bstatement\b|\bpressure\b|\bposition\b|\bresolution\b|\bsanctions?\b|\bunderstanding\b|\bassurances?\b|\bguarantees?\b|\bcondemn\w*|\brecogni[sz]\w*|\breturn of\b|\bpassage of\b|\bmessages?\b|\bcontinu\w+ (?:of|the)\b", _F)),
]

#: Words that make an object a generic plea for help with no item: "assistance", "help", "support".
_GENERIC_HELP = re.compile(r"\b(?:assistance|help|support|cooperation)\b", _F)


@dataclass(frozen=True)
class ItemCoding:
    """The CAMEO code and PLOVER type/mode of a request for one item."""

    cameo: str
    plover_type: str
    plover_mode: str


#: Crosswalk item -> (CAMEO, PLOVER REQUEST mode).  CAMEO: 0232 appeal for military aid,
#: 0231 economic aid, 0233 humanitarian aid, 0214 appeal for intelligence co-operation,
#: 0213 judicial co-operation, 026 appeal to meet, 0243 appeal for policy change (political
#: action), 020 make an appeal (unspecified).  PLOVER: REQUEST; the mode says what kind of good.
CODING: dict[RequestItem, ItemCoding] = {
    RequestItem.HELICOPTERS: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.NIGHT_VISION_DEVICES: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.AIRCRAFT: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.VESSELS: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.VEHICLES: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.WEAPONS: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.COMMUNICATIONS_EQUIPMENT: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.SURVEILLANCE_EQUIPMENT: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.EQUIPMENT_OTHER: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.TRAINING: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.TECHNICAL_ASSISTANCE: ItemCoding("0232", "REQUEST", "military-aid"),
    RequestItem.INTELLIGENCE_SHARING: ItemCoding("0214", "REQUEST", "intelligence"),
    RequestItem.FINANCIAL_ASSISTANCE: ItemCoding("0231", "REQUEST", "economic-aid"),
    RequestItem.HUMANITARIAN_ASSISTANCE: ItemCoding("0233", "REQUEST", "humanitarian-aid"),
    RequestItem.DIPLOMATIC_ACTION: ItemCoding("0243", "REQUEST", "policy-change"),
    RequestItem.MEETING: ItemCoding("026", "REQUEST", "meet"),
    RequestItem.LEGAL_COOPERATION: ItemCoding("0213", "REQUEST", "judicial-cooperation"),
    RequestItem.OTHER: ItemCoding("020", "REQUEST", "other"),
}


def classify_item(words: str) -> RequestItem | None:
    """The item a phrase names, or None when it names no item of the vocabulary."""
    words = " ".join(words.split())  # hard-wrapped text: one space between words
    for item, pattern in _RULES:
        if pattern.search(words):
            return item
    return None


def is_generic_help(words: str) -> bool:
    """True for an object that asks for help in general ("urgent USG assistance")."""
    return bool(_GENERIC_HELP.search(" ".join(words.split())))


def coding(item: RequestItem | str) -> ItemCoding:
    return CODING[RequestItem(item)]
