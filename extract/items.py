"""What a request asks for, on the item vocabulary (``RequestItem``), from the cable's own words.

Rules are keyword families tried in order, most specific first: "night vision goggles" is
``night_vision_devices`` before "equipment" could make it ``equipment_other``; "helicopters"
is ``helicopters`` before "aircraft".  A that-clause or an object that names an action by a
government ("further action from the USG", "that the USG think and act carefully") with no
material item is a ``diplomatic_action``.

Each item also carries its event codes (the crosswalk is written into the ``RequestItem``
descriptions of the schema too): the CAMEO code of the request, from CAMEO's '02 Make an
appeal or request' family (0231 appeal for economic aid, 0232 for military aid, 0233 for
humanitarian aid, 0213 for judicial co-operation, 0214 for intelligence, 026 to meet or
negotiate, 0243 for policy change, 020 unspecified), and the PLOVER event type REQUEST, whose
mode is left null: the item column already says what was asked for.
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
    (RequestItem.INTELLIGENCE_SHARING, re.compile(r"\bintelligence\b|\binformation[- ]sharing\b|\bshar(?:e|ing) (?:of )?intelligence\b|\bthreat information\b|\binformation requests?\b|\brequests? for information\b", _F)),
    (RequestItem.TRAINING, re.compile(r"\btraining\b|\btrainers?\b|\beducation(?:al)? (?:exchanges?|programs?)\b|\bscholarships?\b", _F)),
    (RequestItem.LEGAL_COOPERATION, re.compile(r"\bextradit\w*|\brepatriat\w*|\bmutual legal\b|\blegal assistance\b|\bprisoners?\b|\breleas\w+ (?:of )?(?:Dr\.|the prisoner|detainee)|\btransfer of (?:the )?(?:prisoner|detainee)s?", _F)),
    (RequestItem.HUMANITARIAN_ASSISTANCE, re.compile(r"\bhumanitarian\b|\bdisaster\b|\brelief\b|\bhospitals?\b|\bfood\b|\bmedicines?\b|\brefugees?\b", _F)),
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
    plover_mode: str | None


#: Crosswalk item -> (CAMEO code, PLOVER type, PLOVER mode).  Equipment, training and technical
#: help for security forces are military aid (0232).
CODING: dict[RequestItem, ItemCoding] = {
    RequestItem.HELICOPTERS: ItemCoding("0232", "REQUEST", None),
    RequestItem.NIGHT_VISION_DEVICES: ItemCoding("0232", "REQUEST", None),
    RequestItem.AIRCRAFT: ItemCoding("0232", "REQUEST", None),
    RequestItem.VESSELS: ItemCoding("0232", "REQUEST", None),
    RequestItem.VEHICLES: ItemCoding("0232", "REQUEST", None),
    RequestItem.WEAPONS: ItemCoding("0232", "REQUEST", None),
    RequestItem.COMMUNICATIONS_EQUIPMENT: ItemCoding("0232", "REQUEST", None),
    RequestItem.SURVEILLANCE_EQUIPMENT: ItemCoding("0232", "REQUEST", None),
    RequestItem.EQUIPMENT_OTHER: ItemCoding("0232", "REQUEST", None),
    RequestItem.TRAINING: ItemCoding("0232", "REQUEST", None),
    RequestItem.TECHNICAL_ASSISTANCE: ItemCoding("0232", "REQUEST", None),
    RequestItem.INTELLIGENCE_SHARING: ItemCoding("0214", "REQUEST", None),
    RequestItem.FINANCIAL_ASSISTANCE: ItemCoding("0231", "REQUEST", None),
    RequestItem.HUMANITARIAN_ASSISTANCE: ItemCoding("0233", "REQUEST", None),
    RequestItem.DIPLOMATIC_ACTION: ItemCoding("0243", "REQUEST", None),
    RequestItem.MEETING: ItemCoding("026", "REQUEST", None),
    RequestItem.LEGAL_COOPERATION: ItemCoding("0213", "REQUEST", None),
    RequestItem.OTHER: ItemCoding("020", "REQUEST", None),
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
