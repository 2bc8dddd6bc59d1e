"""Section and page markers: transmission artefacts that interrupt the text.

Long telegrams were sent in sections, each opening with the banner again
("C O N F I D E N T I A L SECTION 02 OF 03 CARACAS 002200"), and printed with page lines
("CARACAS 00002200 002 OF 002").  Both can fall mid-paragraph, even mid-sentence once exports
joined lines.  They are cut out of the stored body (not only out of paragraph text) so that
every paragraph stays one contiguous slice of the body.  The first banner is kept: it is the
cable's own header line.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CLASS = r"(?:T ?O ?P ?)?(?:S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|UNCLAS(?:SIFIED)?|LIMITED OFFICIAL USE)"


def _post_pattern(post: str | None) -> str:
    if post:
        return r"\s+".join(re.escape(w) for w in post.split())
    return r"[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,2}"


@lru_cache(maxsize=4096)
def marker_patterns(post: str | None) -> tuple[re.Pattern, re.Pattern]:
    """Page lines and repeated section banners for a post (any post when the banner could not
    be read); the serial is captured and checked against the cable's own by the caller."""
    p = _post_pattern(post)
    page = re.compile(rf"(?<![A-Za-z0-9])(?:PAGE\s+\d{{2,3}}\s+)?{p}\s+(?P<serial>\d{{3,8}})\s+\d{{2,3}}(?:\.\d{{1,2}})?\s+[Oo][Ff]\s+\d{{2,3}}(?:\s+\d{{6}}Z)?(?![A-Za-z0-9])")
    section = re.compile(rf"(?<![A-Za-z0-9]){_CLASS}(?:\s+(?:NOFORN|SENSITIVE|EXDIS|NODIS))?\s+SECTION\s+\d{{1,2}}\s+[OG]F\s*\d{{1,2}}\s+{p}\s+(?P<serial>\d{{1,8}})(?![0-9])")
    return page, section


def remove_markers(body: str, post: str | None, serial: int | None, keep_before: int = 0) -> str:
    """The body without page and section markers found after offset ``keep_before`` (the end of
    the first banner).  A marker alone on its line takes its line with it; a marker inside a
    line leaves one space.  Without a known serial, only zero-padded serials (5+ digits) count."""

    def cut(m: re.Match) -> str:
        found = m.group("serial")
        ok = int(found) == serial if serial is not None else len(found) >= 5
        return _SENTINEL if ok else m.group(0)

    head, tail = body[:keep_before], body[keep_before:]
    if "OF" not in tail and "of" not in tail:
        return body
    for rx in marker_patterns(post):
        tail = rx.sub(cut, tail)
    if _SENTINEL not in tail:
        return body
    tail = re.sub(r"(?m)^[ ]*\ue000[ ]*(?:\n|$)", "", tail)
    tail = re.sub(r"[ ]*\ue000[ ]*", " ", tail)
    return head + tail


_SENTINEL = "\ue000"
