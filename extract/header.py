"""The cable's own header lines at the top of the body: banner, caveats, E.O., TAGS, SUBJECT,
REF, Classified by.

Every rendering carries these (the routing header is only in some), so they are read from the
body.  The lines are not always lines: exports glued some onto one line
(``...008305S/CT FOR REAPE.O. 12958: DECL: 11/14/2012 TAGS: ...``), so fields are found by their
keywords wherever they sit, and each field's value runs to the next keyword or blank line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from engagements.extract.ids import make_id, post_code

# --- the classification banner ----------------------------------------------------------------

_CLASS_WORDS = [
    ("TOP SECRET", r"T ?O ?P ?S ?E ?C ?R ?E ?T"),
    ("SECRET", r"S ?E ?C ?R ?E ?T"),
    ("CONFIDENTIAL", r"C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L"),
    ("LIMITED OFFICIAL USE", r"L ?I ?M ?I ?T ?E ?D ?O ?F ?F ?I ?C ?I ?A ?L ?U ?S ?E"),
    ("UNCLASSIFIED", r"UNCLAS(?:SIFIED)?|U ?N ?C ?L ?A ?S ?S ?I ?F ?I ?E ?D"),
]
BANNER = re.compile(
    r"(?P<cls>" + "|".join(p for _, p in _CLASS_WORDS) + r")"
    r"(?:\s+(?P<caveat>NOFORN|SENSITIVE|EFTO|EXDIS|NODIS|LIMDIS))?"
    r"(?:\s+SECTION\s+(?P<sec>\d+)\s+[OG]F\s*(?P<of>\d+))?"
    r"\s*(?P<post>(?:[A-Z][A-Z.'-]*)(?: [A-Z][A-Z.'-]*){0,3}?)(?:\s+(?P<serial>[0-9Q]{3,7})(?![0-9])|[ ]*(?=\n))"
)
_CLASS_NAMES = [(name, re.compile(r"^(?:" + pattern + r")$")) for name, pattern in _CLASS_WORDS]


def class_name(spaced: str) -> str:
    flat = spaced.strip()
    for name, rx in _CLASS_NAMES:
        if rx.match(flat):
            return name
    return flat


@dataclass
class Banner:
    classification: str
    post: str
    serial: int | None  # a few banners lost it ('C O N F I D E N T I A L SECTION 01 OF 02 TEL AVIV')
    start: int
    end: int


def find_banner(body: str, limit: int = 3000) -> Banner | None:
    """The first classification banner ('C O N F I D E N T I A L LIMA 001661') in the body."""
    for m in BANNER.finditer(body[:limit]):
        post = m.group("post")
        if post.split()[0] in {"SECTION", "TAGS", "SUBJECT", "E.O.", "EO"}:
            continue
        serial = m.group("serial")
        return Banner(class_name(m.group("cls")), post.strip(), int(serial.replace("Q", "0")) if serial else None, m.start(), m.end())
    return None


# --- fields -----------------------------------------------------------------------------------

_KEYWORDS = re.compile(
    r"(?P<eo>E\.?\s?[OM]\.?\s?1[23]\d{3}\b:?|\bEO\s?1[23]\d{3}\b:?)"
    r"|(?P<tags>(?<![A-Za-z])TAGS?(?=[:\s])(?!\s+(?:ARE|IS|OF|WERE|FOR)\b):?)"
    r"|(?P<subject>(?<![A-Za-z])SUBJ(?:ECT)?(?=[:\s.])[:.]?)"
    r"|(?P<ref>(?<![A-Za-z])REF(?:S|TEL|TELS)?(?=[:\s])(?![ ]+(?:IS|ARE|TO|THE)\b):?)"
    r"|(?P<clby>(?<![A-Za-z])(?:\(U\)\s*)?CLASSIFIED\s+BY\b:?)",
    re.IGNORECASE,
)
# Case matters for the short keywords: 'Subject:' is a heading in lower case only when it ends in a colon.
_UPPER_ONLY = {"tags", "ref"}


@dataclass
class Field:
    kind: str
    start: int  # of the keyword
    value_start: int
    value_end: int
    value: str


def find_fields(pre: str) -> list[Field]:
    """Keyword fields in the text before the first paragraph, each with its value's span."""
    hits = []
    for m in _KEYWORDS.finditer(pre):
        kind = m.lastgroup
        word = m.group(0)
        if kind in _UPPER_ONLY and not word[:3].isupper() and not (kind == "tags" and word.endswith(":")):
            continue
        if kind == "subject" and not word.isupper() and not word.endswith(":"):
            continue
        hits.append((kind, m.start(), m.end()))
    fields: list[Field] = []
    for i, (kind, start, vstart) in enumerate(hits):
        nxt = hits[i + 1][1] if i + 1 < len(hits) else len(pre)
        vend = _value_end(pre, kind, vstart, nxt)
        fields.append(Field(kind, start, vstart, vend, pre[vstart:vend]))
    return fields


_BLANK = re.compile(r"\n[ ]*\n")


def _value_end(pre: str, kind: str, start: int, limit: int) -> int:
    """A value ends at the next keyword, or at the first blank line (SUBJECT and REF may run
    onto following lines; a TAGS or E.O. value is one line unless it ends in a comma)."""
    if kind in ("tags", "eo"):
        end = pre.find("\n", start)
        while end != -1 and end < limit and (pre[start:end].rstrip().endswith(",") or (kind == "tags" and _TAG_LINE.match(pre, end + 1))):
            end = pre.find("\n", end + 1)
        end = limit if end == -1 else min(end, limit)
        return end
    blank = _BLANK.search(pre, start, limit)
    end = blank.start() if blank else limit
    if kind == "clby":
        # 'Classified By: Ambassador X, reasons 1.4 (b) and (d). The text ...' on one line:
        # the value ends with its reasons
        reasons = _REASONS_END.search(pre, start, end)
        if reasons and end - reasons.end() > 40:
            return reasons.end()
    if kind == "ref" and end - start > 120:
        # 'REF: STATE 43120 (U) Allegations of ...': the text ran onto the REF line
        for m in _REF_THEN_TEXT.finditer(pre, start, min(end, start + 250)):
            return m.start("text")
    if kind == "ref":
        # lettered entries may be set apart by blank lines: '¶B. 04 NEW DELHI 7966'
        while blank and end < limit and _REF_ITEM.match(pre, blank.end()):
            blank = _BLANK.search(pre, blank.end(), limit)
            end = blank.start() if blank else limit
    rule = _RULE_LINE.search(pre, start, end)
    return rule.start() if rule else end


_REASONS_END = re.compile(r"1\s?\.\s?[4-6]\s*(?:\(?[a-hA-H]\)?(?:\s*(?:,|and|AND|&|/|\bor\b)\s*)?)+\)?\.?")
_REF_THEN_TEXT = re.compile(r"[A-Z][A-Za-z]+\s+\d{1,6}\b(?:\s*\((?:NOTAL|EXDIS|NODIS)\))?[ ]+(?P<text>\([A-Z/]{1,6}\)\s*[A-Z]|[A-Z][a-z]+\s+[a-z]+\s)")
# A line holding only tags ('TSPA, FR, IN'): the TAGS value ran onto it.
_TAG_LINE = re.compile(r"[ ]*[A-Z][A-Z0-9_-]{1,14}(?:(?:[ ]*,[ ]*|[ ]+)[A-Z][A-Z0-9_-]{1,14}){0,30}[ ]*,?[ ]*$", re.MULTILINE)
_REF_ITEM = re.compile(r"[ ]*¶?\(?[A-Z][.)]\s")
_RULE_LINE = re.compile(r"\n[ ]*-{5,}[ -]*(?=\n|$)")


# --- values -----------------------------------------------------------------------------------

_DECL = re.compile(r"DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*(?P<text>.*)", re.IGNORECASE | re.DOTALL)
_DATE_MDY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
_DATE_YMD = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b")


def parse_declassify(eo_value: str) -> tuple[dt.date | None, str | None]:
    """E.O. line -> (date, as written).  MM/DD/YYYY, YYYY/MM/DD, one-digit months and two-digit
    years give a date; N/A, OADR, TWENTY YEARS ... give only the text."""
    value = eo_value.strip()
    m = _DECL.search(value)
    text = (m.group("text") if m else value).strip()
    text = re.split(r"\s+TAGS?\b|\n", text)[0].strip().rstrip(".,;")
    if not text:
        return None, None
    d = _parse_date(text)
    return d, text


def _parse_date(text: str) -> dt.date | None:
    m = _DATE_YMD.match(text)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _DATE_MDY.match(text)
        if m:
            year = int(m.group(3))
            if year < 100:
                year += 2000 if year < 70 else 1900
            return dt.date(year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    return None


_TAG_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_&/-]*")


def parse_tags(value: str) -> list[str]:
    """TAGS value -> tags in order: separated by spaces and/or commas; trailing junk dropped."""
    value = value.split("\n\n")[0]
    value = re.split(r"\bSUBJ(?:ECT)?\b", value, flags=re.IGNORECASE)[0]
    value = re.sub(r"\([^()]*\)", " ", value)  # 'OVIP (STEINBERG, JAMES B.)': the person in brackets
    return [t.upper() for t in _TAG_TOKEN.findall(value)]


def one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


_REASON_HEAD = re.compile(r"[,.;:]?\s*\(?\b(?:for\s+)?reasons?\b\)?\s*:?", re.IGNORECASE)
_REASON_NUM = re.compile(r"1\s?\.\s?([4-6])")
_REASON_LETTER = re.compile(r"(?<![A-Za-z])([a-hA-H])(?![A-Za-z])")


def parse_classified_by(value: str) -> tuple[str | None, list[str]]:
    """'Ambassador D. Kathleen Stephens. Reasons 1.4 (b/d).' -> (official, ['1.4(b)', '1.4(d)'])."""
    text = re.sub(r"(?i)^(?:classified\s+by:?\s*)+", "", one_line(value))
    m = _REASON_HEAD.search(text)
    if m:
        who, why = text[: m.start()], text[m.end():]
    else:
        num = _REASON_NUM.search(text)
        who, why = (text[: num.start()], text[num.start():]) if num else (text, "")
    who = _name_and_title(who.strip().rstrip(".,;:").strip())
    return (who or None), parse_reasons(why)


_AGENCIES = re.compile(r"^(?:STATE|DOS|DEPT(?:\.|ARTMENT)? OF STATE|EXEC|DOD|DOJ|DHS|USAID|AID|TREASURY|COMMERCE|USDA|DOE|FBI|DEA|CIA|NSC|USTR|PEACE CORPS|[A-Z]{2,5})$", re.IGNORECASE)


def _name_and_title(who: str) -> str:
    """'Richard E. Hoagland, Ambassador, EXEC, Embassy Dushanbe' -> 'Richard E. Hoagland,
    Ambassador': the classification system's 'name, title, agency, office' keeps the official's
    name and title; agency and office say where, not who."""
    parts = [p.strip() for p in who.split(",")]
    if len(parts) >= 3 and _AGENCIES.match(parts[2]):
        return ", ".join(parts[:2])
    return who


def parse_reasons(text: str) -> list[str]:
    out: list[str] = []
    for m in _REASON_NUM.finditer(text):
        section = m.group(1)
        rest = text[m.end():]
        nxt = _REASON_NUM.search(rest)
        rest = rest[: nxt.start()] if nxt else rest
        rest = re.split(r"(?i)\bdeclassify\b|\n\n", rest)[0]
        for letter in _REASON_LETTER.findall(rest[:40]):
            reason = f"1.{section}({letter.lower()})"
            if reason not in out:
                out.append(reason)
    return out


# --- references -------------------------------------------------------------------------------

_REF_CABLE = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<year>\d{2}|(?:19|20)\d{2})\s*)?(?P<post>[A-Za-z][A-Za-z.'-]*(?:\s[A-Za-z][A-Za-z.'-]*){0,3}?)\s+0*(?P<serial>\d{1,6})(?![\d/])"
)
_NOT_POSTS = {"FAM", "FAH", "USC", "CFR", "PARA", "PARAGRAPH", "PARAS", "SECTION", "AND", "OF", "THE", "ON", "IN", "TO", "NO", "NUMBER"}
_STATE_PER_DAY = 650
_ORDINAL_WORDS = {"AND", "PREVIOUS", "NOTAL", "ALL", "OTHERS"}


@dataclass
class References:
    cables: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def parse_references(value: str, default_year: int | None, known_posts: frozenset[str], own: tuple[str, int] | None = None, sent: dt.date | None = None) -> References:
    """REF value -> canonical cable ids and other entries (e-mails, memos, letters, meetings).

    Entries are split on their letters ('A.', '(B)', 'C)'); in each, every 'YY POST SERIAL' whose
    post is a known post code is a cable.  A missing year is the cable's own, or the year before
    when the post is the cable's own and the serial is higher than its own (a cable cannot
    cite a later one), or a STATE serial too high for the day of the year the cable was sent (the
    Department numbers at most some 650 cables a day).  An entry with no cable is kept as written in ``other``; 'AND PREVIOUS'
    and 'NOTAL' are notes, not references.  Every start is tried, so a rejected 'C. 2005' does
    not hide the '2005 MADRID 4308' that overlaps it.
    """
    refs = References()
    text = one_line(value.replace("¶", " "))
    if not text:
        return refs
    for entry in _split_entries(text):
        found = False
        pos = 0
        while (m := _REF_CABLE.search(entry, pos)):
            hit = _cable_ids(m, entry, default_year, known_posts, own, sent)
            if hit is None:
                pos = m.start() + 1
                continue
            found = True
            ids, pos = hit
            for cid in ids:
                if cid not in refs.cables:
                    refs.cables.append(cid)
        if not found:
            clean = entry.strip(" ,;.")
            if clean and clean.upper() not in _ORDINAL_WORDS and not re.fullmatch(r"(?i)(and\s+)?previous|notal|none", clean):
                refs.other.append(clean)
    return refs


def _cable_ids(m: re.Match, entry: str, default_year, known_posts, own, sent) -> tuple[list[str], int] | None:
    post_words = m.group("post").upper().split()
    # drop leading words that are not part of the post name (e.g. 'AND STATE 123')
    while len(post_words) > 1 and post_code(" ".join(post_words)) not in known_posts:
        post_words = post_words[1:]
    code = post_code(" ".join(post_words))
    if code == "SECSTATE":
        code = "STATE"
    if code not in known_posts or code in _NOT_POSTS:
        return None
    year = m.group("year")
    if year is None:
        if default_year is None:
            return None
        year = default_year
        serial = int(m.group("serial"))
        if own is not None and code == own[0] and serial > own[1] or code == "STATE" and sent is not None and sent.year == default_year and serial > (sent.timetuple().tm_yday + 15) * _STATE_PER_DAY:
            year = default_year - 1
    serials = [m.group("serial")]
    end = m.end()
    while (more := _MORE.match(entry, end)):
        serials.append(more.group(1))
        end = more.end()
    return [make_id(int(year), code, s) for s in serials], end


_LETTER = re.compile(r"(?:^|(?<=[\s,;¶]))(?:\(([A-Z])\)|([A-Z])[.)])")


def _split_entries(text: str) -> list[str]:
    """Lettered lists ('A. STATE 1 B. LIMA 2', '(A) ... (B) ...') split on their letters."""
    marks = list(_LETTER.finditer(text))
    if not marks or marks[0].start() != 0:
        return [text]
    return [text[m.end(): (marks[i + 1].start() if i + 1 < len(marks) else len(text))] for i, m in enumerate(marks)]


_MORE = re.compile(r"\s*(?:,|AND|&)\s*0*(\d{1,6})(?![\d/])(?!\s*[A-Z]{3,}\s+\d)")
