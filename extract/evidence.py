"""Evidence helpers shared by every extractor: stable record ids from content.

Quotes are cut at sentence bounds with ``extract.sentences.sentence_spans``."""

from __future__ import annotations

import hashlib
import re


def record_id(prefix: str, cable_id: str, *anchor: object) -> str:
    """A stable id from content, never from row order: ``mtg-09LIMA1661-3f2a9c1b0d``."""
    key = "\x1f".join([prefix, cable_id, *(str(a) for a in anchor)])
    return f"{prefix}-{cable_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


def slug(*parts: str) -> str:
    text = "-".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
