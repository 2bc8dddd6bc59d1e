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

    def cut_prefix(m: re.Match) -> str:
        """Any post spelling ('BUENOS AIR' for BUENOS AIRES) with this cable's serial: the
        leading words that are not part of the post stay in the text."""
        if serial is None or int(m.group("serial")) != serial or not post:
            return m.group(0)
        words = m.group("post").split()
        code = re.sub(r"[^A-Z]", "", post.upper())
        while words and not code.startswith(re.sub(r"[^A-Z]", "", "".join(words).upper())):
            words = words[1:]
        if not words:
            return m.group(0)
        keep = m.group(0)[: m.start("post") - m.start() + len(m.group("post")) - len(" ".join(words))]
        return keep + _SENTINEL

    head, tail = body[:keep_before], body[keep_before:]
    if "OF" not in tail and "of" not in tail:
        return body
    for rx in marker_patterns(post):
        tail = rx.sub(cut, tail)
    if serial is not None and post:
        tail = _sub_near_of(tail, cut_prefix)
    if _SENTINEL not in tail:
        return body
    tail = re.sub(r"(?m)^[ ]*\ue000[ ]*(?:\n|$)", "", tail)
    tail = re.sub(r"[ ]*\ue000[ ]*", " ", tail)
    return head + tail


def _sub_near_of(text: str, repl) -> str:
    """``_ANY_POST_PAGE.sub(repl, text)``, tried only around each ' OF ' (a plain find is far
    faster than scanning every capital letter)."""
    pieces = []
    for word in (" OF ", " of ", " Of "):
        pos = text.find(word)
        while pos != -1:
            if not (text[pos - 1: pos].isdigit() and text[pos + 4: pos + 5].isdigit()):
                pos = text.find(word, pos + 4)
                continue
            window_start = max(0, pos - 60)
            m = _ANY_POST_PAGE.search(text, window_start, min(len(text), pos + 12))
            if m is not None and m.start() <= pos < m.end():
                pieces.append((m.start(), m.end(), repl(m)))
            pos = text.find(word, pos + 4)
    if not pieces:
        return text
    out, at = [], 0
    for start, end, new in sorted(pieces):
        if start < at:
            continue
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    return "".join(out)


_SENTINEL = "\ue000"
_ANY_POST_PAGE = re.compile(r"(?<![A-Za-z0-9])(?P<post>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})\s+(?P<serial>\d{5,8})\s+\d{2,3}(?:\.\d{1,2})?\s+[Oo][Ff]\s+\d{2,3}(?![A-Za-z0-9])")
