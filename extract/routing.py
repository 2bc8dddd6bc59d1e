"""The routing header: date-time group, precedence, FM, TO and INFO.

Telegrams open with a transmission block (VZCZC..., DE RUEHPE #1661/01 ...), then the line
with precedence and date-time group (``O R 201658Z NOV 09``), then FM / TO / INFO addressees,
each possibly prefixed by a routing indicator (``RUEHC/``) and followed by a precedence and a
serial.  Distribution logs (``INFO LOG-00 ...``) list offices, not addressees, and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS = {m: i for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

DTG = re.compile(r"\b([0-3]\d)([0-2]\d)([0-5]\d)Z\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{2}|\d{4})\b")
_PREC_DTG = re.compile(r"^[ \"',]*([OPRZ])(?:\s+[OPRZ])*\s+[0-3]\d[0-2]\d[0-5]\dZ\s+[A-Z]{3}\s+\d{2}", re.MULTILINE)
_FM = re.compile(r"^[ \"',]*(?:FM|From:)\s+(.+?)\s*$", re.MULTILINE)
_ADDR_START = re.compile(r"^[ \"',]*(TO|INFO)\s+(.*)$")
_STOP = re.compile(r"^\s*$|^(?:BT|ZEN|XMT|NNNN|Distribution:|ACTION\s|ORIGIN\s|E\.?O\.?|TAGS|SUBJ|SIPDIS|[A-Z ]*\d{6}\s*$)")
_LOG = re.compile(r"^\s*INFO\s+LOG-\d")
_ROUTING_INDICATOR = re.compile(r"^[A-Z0-9]{5,8}/")
_TRAILING = re.compile(r"(?:\s+(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?:\s+\d{1,5})?\s*$")


@dataclass
class Routing:
    dtg: dt.datetime | None = None
    precedence: str | None = None
    origin: str | None = None
    to: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)


def parse_dtg(text: str) -> dt.datetime | None:
    """The first date-time group in ``text`` as a UTC datetime, or None."""
    m = DTG.search(text)
    if not m:
        return None
    return dtg_datetime(m)


def dtg_datetime(m: re.Match) -> dt.datetime | None:
    day, hour, minute, mon, year = m.groups()
    y = int(year)
    if y < 100:
        y += 1900 if y >= 60 else 2000
    try:
        return dt.datetime(y, MONTHS[mon], int(day), int(hour), int(minute), tzinfo=dt.UTC)
    except ValueError:
        return None


def _clean_addressee(line: str) -> str | None:
    line = _ROUTING_INDICATOR.sub("", line.strip().strip("\",'"))
    line = _TRAILING.sub("", line).strip()
    return line or None


def parse_routing(header: str) -> Routing:
    """Precedence, DTG, FM and addressees from a routing header (any of the four shapes)."""
    r = Routing()
    m = _PREC_DTG.search(header)
    if m:
        r.precedence = PRECEDENCE[m.group(1)]
        r.dtg = parse_dtg(header[m.start():])
    else:
        r.dtg = parse_dtg(header)
    fm = _FM.search(header)
    if fm:
        r.origin = _clean_addressee(fm.group(1))
    current: list[str] | None = None
    for line in header.split("\n"):
        if _LOG.match(line):
            current = None
            continue
        start = _ADDR_START.match(line)
        if start:
            current = r.to if start.group(1) == "TO" else r.info
            line = start.group(2)
            if not line.strip():
                continue
        elif current is None:
            continue
        elif _STOP.match(line) or line.startswith(" " * 6):
            current = None
            continue
        name = _clean_addressee(line)
        if name:
            current.append(name)
    return r
