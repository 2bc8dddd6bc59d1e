"""Reference ids: recognising, canonicalising and building them.

A WikiLeaks reference id is two digits of year, the post's code and the serial without leading
zeros (09LIMA1661).  A handful of ids in the mirrors were built from section lines
(08ECTION01OF02MANAMA492, 09SECTION02OF03QRIPOLI583): the section words are cut out and, when
the post letters were garbled, the post named in the cable's own FM line wins.
"""

from __future__ import annotations

import re

ID = re.compile(r"^(\d{2})([A-Z][A-Z0-9]*?)(\d+)$")
_SECTION_GARBAGE = re.compile(r"^(\d{2})S?E?C?T?I?O?N?\d{1,2}[A-Z]F\d{1,2}([A-Z]+)(\d+)$")
_LOOSE = re.compile(r"^(\d{2})([A-Z]+)(\d+)$")


def post_code(name: str) -> str:
    """'NEW DELHI' -> 'NEWDELHI': post codes in ids are the post's name without spaces or dots."""
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def make_id(year: int | str, post: str, serial: int | str) -> str:
    yy = f"{int(year) % 100:02d}"
    return f"{yy}{post_code(post)}{int(serial)}"


def is_malformed(raw: str) -> bool:
    return bool(_SECTION_GARBAGE.match(raw.upper()))


def canonical_id(raw: str, origin_hint: str | None = None) -> str | None:
    """The canonical id for an id as written, or None when it is not one.

    ``origin_hint`` is the post code read from the cable itself (FM line, banner); it replaces
    the letters of a malformed id when they differ (09SECTION02OF03QRIPOLI583 -> 09TRIPOLI583).
    """
    text = raw.strip().upper()
    m = _SECTION_GARBAGE.match(text)
    if m:
        year, post, serial = m.groups()
        if origin_hint and post != origin_hint and _close(post, origin_hint):
            post = origin_hint
        return make_id(year, post, serial)
    m = _LOOSE.match(text)
    if m:
        year, post, serial = m.groups()
        return make_id(year, post, serial)
    return None


def id_from_filename(stem: str, origin_hint: str | None = None) -> str | None:
    """The id a corpus file name carries (its stem), or None for names like '000_69213b056e47e10f'."""
    return canonical_id(stem, origin_hint)


def _close(a: str, b: str) -> bool:
    """Garbled letters: same length give or take one, and at most two letters differ."""
    if abs(len(a) - len(b)) > 1:
        return False
    return _distance(a, b) <= 2


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
