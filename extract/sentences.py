"""Sentence spans in cable paragraphs, for rules that read one clause at a time.

Cables abbreviate heavily ("U.S.", "Amb.", "U/S", "Dr.", initials "J."), so a full stop
followed by a capital is a boundary only when the word before it is not one of those.
Spans are offsets into the paragraph text, so quotes stay exact substrings.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“'(]?(?:[A-Z0-9]|[xX]{4}))|;\s+(?=[A-Z])|\s+-{2,}\s+|\s-{5,}\s*")
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.N|Mr|Mrs|Ms|Dr|Amb|Gen|Adm|Col|Lt|Maj|Capt|Sen|Rep|Gov|St|No|Jr|Sr|Ft|Mt|vs|approx|Corp|Inc|Co|Ref|para|Dept|Min|Pres|VP|i\.e|e\.g|U\.K|D\.C)|\b[A-Z])\.$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``; the end excludes the trailing space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + 1
        if text[m.start()] == "." and _ABBREV.search(text, max(0, cut - 12), cut):
            continue
        if cut > start:
            spans.append((start, cut if text[m.start()] in ".!?" else m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
