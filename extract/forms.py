"""The five forms a cable file comes in, and how each splits into page fields, header and body.

Every form ends as the same three things: the WikiLeaks metadata table (where the form has
one), the routing header (VZCZC block, FM/TO/INFO: where the form has one) and the body (the
classification banner onwards).  The body is the part every rendering shares, so it alone
is stored and indexed; the form decides only where it starts.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from engagements.extract.document import RawCable
from engagements.extract.text import normalise, strip_tags
from engagements.schema.vocab import SourceForm

_PAGE_TABLE = re.compile(r"<table\s+class=['\"]cable['\"]", re.IGNORECASE)
_PRE = re.compile(r"<pre[^>]*>(.*?)(?:</pre>|\Z)", re.IGNORECASE | re.DOTALL)
_PRE_OPEN = re.compile(r"^\s*(?:<code>\s*)?<pre\b", re.IGNORECASE)
_MARKDOWN = re.compile(r"\]\(#\)|^#{1,6} |  $", re.MULTILINE)
_ROUTING = re.compile(r"^\s*(?:VZCZC|ZCZC|R?TTU|FM |DE [A-Z]{4,}|[OPRZ](?: [OPRZ])? \d{6}Z [A-Z]{3} \d{2})", re.MULTILINE)


def _as_text(data: bytes | str) -> str:
    if isinstance(data, bytes):
        return data[:200_000].decode("utf-8", errors="replace")
    return data


def detect_form(data: bytes | str, source_path: str | PurePath = "") -> SourceForm:
    """Which form a file is in, from its content (the extension is only a tie-breaker).

    A page holds the metadata table; a whole page has navigation before it.  A fragment opens
    with ``<pre>``.  Text with a routing header is a raw telegram unless it carries Markdown
    marks (``[PREL](#)`` links, two-space line breaks), which make it a plain-text rendering.
    """
    text = _as_text(data)
    m = _PAGE_TABLE.search(text)
    if m:
        return SourceForm.WIKILEAKS_PAGE_CUT if not text[: m.start()].strip() else SourceForm.WIKILEAKS_PAGE
    if _PRE_OPEN.match(text) or re.search(r"<pre\b", text[:2000], re.IGNORECASE):
        return SourceForm.PRE_FRAGMENT
    if _MARKDOWN.search(text):
        return SourceForm.PLAIN_TEXT
    if _ROUTING.search(text[:20000]) and ("\r\n" in text or not str(source_path).endswith(".md")):
        return SourceForm.RAW_TELEGRAM
    return SourceForm.PLAIN_TEXT


# --- the WikiLeaks metadata table -------------------------------------------------------------

_ROW = re.compile(r"<tr>(.*?)</tr>", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t([hd])[^>]*>(.*?)</t\1>", re.IGNORECASE | re.DOTALL)
_KEYS = {"reference id": "reference_id", "created": "created", "released": "released", "classification": "classification", "origin": "origin"}


def page_fields(html_text: str) -> dict[str, str]:
    """The metadata table as {reference_id, created, released, classification, origin}.

    Link text only: the classification link's ``title`` attribute is wrong on every page."""
    m = _PAGE_TABLE.search(html_text)
    if not m:
        return {}
    end = html_text.find("</table>", m.end())
    table = html_text[m.start(): end if end > 0 else m.start() + 5000]
    rows = [[c.group(2) for c in _CELL.finditer(r.group(1))] for r in _ROW.finditer(table)]
    if len(rows) < 2:
        return {}
    heads = [re.sub(r"\s+", " ", strip_tags(h)).strip().lower() for h in rows[0]]
    out: dict[str, str] = {}
    for head, cell in zip(heads, rows[1]):
        key = _KEYS.get(head)
        if key:
            out[key] = re.sub(r"\s+", " ", strip_tags(cell)).strip()
    return out


# --- splitting --------------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(#[^)\n]*\)")
_BANNER_LINE = re.compile(
    r"^[ \"',]*(?:C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|T ?O ?P ?S ?E ?C ?R ?E ?T|UNCLAS(?:SIFIED)?|"
    r"LIMITED OFFICIAL USE|L ?I ?M ?I ?T ?E ?D)\b.*?\b\d{3,7}\s*$",
    re.MULTILINE,
)
_BODY_START_FALLBACK = re.compile(r"^(?:E\.?\s?O\.?\s?1[23]\d{3}|TAGS?\b|SUBJ|¶?\s*1\.\s)", re.MULTILINE)


def split(text: str, form: SourceForm, source_path: str) -> RawCable:
    """Decoded text -> RawCable (page fields, header, body), normalised."""
    stem = PurePath(source_path).stem
    if form in (SourceForm.WIKILEAKS_PAGE, SourceForm.WIKILEAKS_PAGE_CUT):
        page = page_fields(text)
        pres = _pre_blocks(text, _PAGE_TABLE.search(text).start())
        header = normalise(strip_tags(pres[0])) if len(pres) >= 2 else ""
        body = normalise(strip_tags(pres[-1])) if pres else ""
        return RawCable(source_path, form, header, body, page, stem)
    if form is SourceForm.PRE_FRAGMENT:
        pres = _pre_blocks(text, 0)
        body = normalise(strip_tags(pres[-1] if pres else text))
        return RawCable(source_path, form, "", body, {}, stem)
    plain = normalise(_MD_LINK.sub(r"\1", text) if form is SourceForm.PLAIN_TEXT else text)
    header, body = _split_telegram(plain)
    return RawCable(source_path, form, header, body, {}, stem)


def _pre_blocks(text: str, start: int) -> list[str]:
    """The contents of the <pre> blocks from ``start`` on (an unclosed last block runs to the end)."""
    blocks = []
    lower = text.lower() if "<PRE" in text else text
    i = lower.find("<pre", start)
    while i != -1:
        open_end = lower.find(">", i)
        if open_end == -1:
            break
        close = lower.find("</pre>", open_end)
        blocks.append(text[open_end + 1: close if close != -1 else len(text)])
        if close == -1:
            break
        i = lower.find("<pre", close)
    return blocks


def _split_telegram(text: str) -> tuple[str, str]:
    """Plain telegram text: the body starts at the classification banner after the routing
    block; without a banner, at the first E.O./TAGS/SUBJECT line or paragraph 1."""
    routing = _ROUTING.search(text)
    # the banner comes after the routing block (its lines never look like a banner)
    search_from = routing.start() if routing else 0
    m = _BANNER_LINE.search(text, search_from)
    if m is None:
        m = _BODY_START_FALLBACK.search(text, search_from)
    if m is None:
        return "", text.strip("\n")
    start = m.start()
    return text[:start].strip("\n"), text[start:].strip("\n")
