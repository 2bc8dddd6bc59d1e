"""Evidence helpers shared by every extractor: stable record ids and verbatim quotes."""

from __future__ import annotations

import hashlib
import re

from .document import ParsedCable


def record_id(prefix: str, cable_id: str, *anchor: object) -> str:
    """A stable id from content, never from row order: ``mtg-09LIMA1661-3f2a9c1b0d``."""
    key = "\x1f".join([prefix, cable_id, *(str(a) for a in anchor)])
    return f"{prefix}-{cable_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


def slug(*parts: str) -> str:
    text = "-".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def find_quote(doc: ParsedCable, paragraph_number: int, pattern: str | re.Pattern, flags: int = 0) -> str | None:
    """The exact text a regular expression matches in a paragraph, or None."""
    p = doc.paragraph(paragraph_number)
    if p is None:
        return None
    m = re.search(pattern, p.text, flags) if isinstance(pattern, str) else pattern.search(p.text)
    return m.group(0) if m else None


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence holding text[start:end], clipped to ``limit`` characters around the match,
    so quotes stay short enough to read yet are exact substrings of the paragraph."""
    left = max(text.rfind(". ", 0, start) + 2, 0) if text.rfind(". ", 0, start) >= 0 else 0
    right_dot = text.find(". ", end)
    right = len(text) if right_dot < 0 else right_dot + 1
    if right - left > limit:
        left = max(start - limit // 3, left)
        right = min(max(end, left + limit), right)
    return text[left:right].strip() or text[start:end]
