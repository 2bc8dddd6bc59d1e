"""From bytes to clean text: decoding, markup removal and the normalisations every form shares.

Two renderings of one cable (a WikiLeaks page and its ``<pre>`` fragment) must give the same
body character for character, because paragraph offsets and evidence quotes index that body.
So every normalisation lives here, is applied in one order to every form, and never depends on
the form: line ends, Unicode line separators, tabs, no-break spaces, look-alike redaction marks,
and HTML entities (only well-formed ones: a bare ``&`` or ``<`` in text is text).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from engagements.schema.vocab import ErrorCode

from engagements.errors import CableError

#: Anything that is not a cable: share of control bytes above which a file counts as binary.
_BINARY_SHARE = 0.02
_CONTROL_BYTES = bytes(sorted(set(range(9)) | {11, 12} | set(range(14, 32)) | {127}))


def decode(data: bytes, source_path: str) -> str:
    """Bytes -> str.  UTF-8 first (pages, fragments); else Windows-1252, the superset of the
    Latin-1 the raw telegrams are written in (its curly quotes in 0x80-0x9F would be control
    characters in strict Latin-1); bytes 1252 leaves undefined fall back to Latin-1."""
    if not data.strip():
        raise CableError(ErrorCode.EMPTY_FILE, source_path, "the file is empty or holds only white space")
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > _BINARY_SHARE * len(sample):
        raise CableError(ErrorCode.BINARY_FILE, source_path, "the file holds binary data (NUL or control bytes), not cable text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(_cp1252_or_latin1(data))


def _cp1252_or_latin1(data: bytes):
    for b in data:
        try:
            yield bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            yield chr(b)


# --- markup -----------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Only the tags the WikiLeaks pages put inside <pre>: a bare '<' in cable text stays text.
_TAG = re.compile(r"</?(?:a|code|pre|span|b|i|u|em|strong|font|br|p|div)\b[^<>]*>", re.IGNORECASE)


def unescape_entities(text: str) -> str:
    """Decode well-formed entities only, so 'AT&T' or '&c' stay as written."""
    if "&" not in text:
        return text
    text = text.replace("&#x000A;", "\n")  # every newline of a WikiLeaks page
    return _ENTITY.sub(_entity, text)


@lru_cache(maxsize=2048)
def _entity_text(entity: str) -> str:
    return html.unescape(entity)


def _entity(m: re.Match) -> str:
    return _entity_text(m.group(0))


def strip_tags(text: str) -> str:
    """Remove markup, keep link text (tag names, the anchors' pilcrows), then decode entities."""
    return unescape_entities(_TAG.sub("", text))


# --- normalisation ----------------------------------------------------------------------------

_ESCAPED_LINE_END = re.compile(r"[ ]*\\\n")
_OTHER_LINE_ENDS = ("\u2028", "\u2029", "\u0085", "\x0b", "\x0c")
_SPACE_PAIRS = (("\t", " "), ("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\u200b", ""), ("\ufeff", ""), ("\ue000", ""), ("\u00b4", "'"))
# Redactions are runs of X; some were typed with the Cyrillic look-alike (U+0425 / U+0445).
_REDACTION = re.compile(r"[XxХх]*[Хх][XxХх]*")


def _redaction(m: re.Match) -> str:
    run = m.group(0)
    if len(run) >= 3 and any(c in "Xx" for c in run) or len(run) >= 4:
        return "X" * len(run)
    return run


def normalise(text: str) -> str:
    """The one normalisation of cable text: LF line ends (U+2028 and friends are line ends too,
    as ``str.splitlines`` would treat them), tabs and no-break spaces as spaces, the acute accent
    used as an apostrophe as one, look-alike redaction marks as X, no trailing spaces."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in _OTHER_LINE_ENDS:
        if sep in text:
            text = text.replace(sep, "\n")
    for old, new in _SPACE_PAIRS:
        if old in text:
            text = text.replace(old, new)
    if "Х" in text or "х" in text:
        text = _REDACTION.sub(_redaction, text)
    if text.count("\\\n") >= 3:  # a CSV export escaped every line end with a backslash
        text = _ESCAPED_LINE_END.sub("\n", text)
    if " \n" in text or text.endswith(" "):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text
