"""The reader: the bytes of one file -> ``ParsedCable`` (cable row, tags, stored body, paragraphs).

``read_bytes`` is the one entry point the pipeline uses; it raises only ``CableError`` (with an
``ErrorCode``), so every input file ends as a cable or as a quarantine row with its reason.
Each step lives in its own module: ``text`` (decoding, normalising), ``forms`` (which form, and
where its header and body are), ``markers`` (section/page lines), ``header`` and ``routing``
(fields), ``paragraphs`` (segmentation), ``tags`` and ``ids``.

Decisions a user of the tables should know:

* The stored body (``cable_texts.body``) is the cable from its classification banner on, as
  every rendering carries it, normalised (``text.normalise``) and without section and page
  markers; ``cables.body_sha256`` is its SHA-256, and every paragraph's text is exactly
  ``body[char_start:char_end]``.  Two renderings of one cable give the same body whenever
  their mirrors hold the same text.
* Paragraph numbering (unique keys, printed numbers, paragraph 0, unnumbered blocks): see
  ``paragraphs``.
* ``created_datetime``: the page's Created field as printed (the convention of the published
  Cablegate metadata, which users join on); without a page, the DTG or the dateline; a bare
  ``<pre>`` fragment without a dateline has none.  ``sent_datetime``: the true time, from the
  date-time group or a press dateline (the page's minutes are wrong: it prints the hour again).
* ``classification``: the page field where there is one, else the banner with its caveats.
* A file that is no cable, or a cable with no paragraph text (a stub that stops after its
  header lines), is a ``CableError`` with its ``ErrorCode``; the error names the file, the
  reason and, when the file name gives it, the cable id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from engagements.extract import header as hdr
from engagements.extract.document import ParsedCable, RawCable
from engagements.extract.fips import known_post_codes
from engagements.extract.forms import detect_form, split
from engagements.extract.ids import ID, canonical_id, id_from_filename, make_id, post_code
from engagements.extract.markers import remove_markers
from engagements.extract.paragraphs import Segment, numbered_starts, segment
from engagements.extract.routing import MONTHS, Routing, parse_routing
from engagements.extract.tags import tag_rows
from engagements.extract.text import decode
from engagements.schema import Cable, CableText, Paragraph
from engagements.schema.vocab import ErrorCode, SourceForm

from engagements.errors import CableError

#: When one cable comes in several renderings, the richest one supplies its fields and records:
#: a whole page and a page cut carry the metadata table and routing header, a raw telegram the
#: routing header, plain text what its author kept, a ``<pre>`` fragment the body alone.
RENDERING_PREFERENCE: tuple[SourceForm, ...] = (
    SourceForm.WIKILEAKS_PAGE,
    SourceForm.WIKILEAKS_PAGE_CUT,
    SourceForm.RAW_TELEGRAM,
    SourceForm.PLAIN_TEXT,
    SourceForm.PRE_FRAGMENT,
)

_KNOWN_POSTS = known_post_codes()


def read_path(path: Path, root: Path | None = None) -> ParsedCable:
    """Read one file; ``source_path`` is relative to ``root`` when given."""
    path = Path(path)
    source = path.relative_to(root).as_posix() if root is not None else path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CableError(ErrorCode.UNREADABLE_FILE, source, f"cannot open the file ({exc.strerror or exc})") from None
    return read_bytes(data, source)


def read_bytes(data: bytes, source_path: str) -> ParsedCable:
    """Bytes of one file -> ParsedCable; any failure is a CableError naming the file and reason."""
    try:
        return _read(data, source_path)
    except CableError as err:
        if err.cable_id is None and (cid := id_from_filename(PurePath(source_path).stem)):
            # the file name still says which cable could not be read: keep it for the quarantine row
            reason = err.message.split(": ", 1)[1] if err.message.startswith(source_path + ": ") else err.message
            raise CableError(err.error, source_path, reason, cid) from None
        raise
    except Exception as exc:  # a reader bug must quarantine the file, never stop a build
        raise CableError(ErrorCode.UNREADABLE_FILE, source_path, f"the reader failed on this file ({type(exc).__name__}: {exc}); please report it") from exc


# ---------------------------------------------------------------------------------------------


@dataclass
class _Dates:
    created: dt.datetime | None
    sent: dt.datetime | None
    year: int | None
    press: bool


def _read(data: bytes, source_path: str) -> ParsedCable:
    text = decode(data, source_path)
    form = detect_form(text, source_path)
    raw = split(text, form, source_path)
    body = raw.body.strip()
    routing = parse_routing(raw.header)
    banner = hdr.find_banner(body)
    _check_is_cable(raw, body, banner, source_path)
    if banner is not None:
        body = remove_markers(body, banner.post, banner.serial, keep_before=banner.end).strip()
        banner = hdr.find_banner(body)

    stop, signer = _signature(body)
    start_search = banner.end if banner else 0
    kept = numbered_starts(body, start_search, stop)
    first = kept[0].start if kept else None
    preamble_end = first if first is not None else min(stop, _preamble_limit(body, start_search))
    fields = hdr.find_fields(body[:preamble_end])
    if not any(f.kind == "subject" for f in fields):
        fields += _unlabelled_subject(body, fields, preamble_end)
    region_start = max([f.value_end for f in fields] + [banner.end if banner else 0])
    if first is not None:
        region_start = min(region_start, first)
    segments = segment(body, region_start, stop, kept)
    if not segments and fields:
        # an export joined the text onto the last header line ('REF: A) STATE 138248 Per
        # reftel, Post requests ...'): the value ends where prose begins
        last = max(fields, key=lambda f: f.value_end)
        prose = _PROSE.search(body, last.value_start, last.value_end)
        if prose is not None:
            last.value_end, last.value = prose.start(), body[last.value_start: prose.start()]
            region_start = prose.start()
            segments = segment(body, region_start, stop, [])
    if not segments:
        raise CableError(ErrorCode.TRUNCATED_CABLE, source_path, "the cable stops after its header lines: there is no paragraph text (a stub or a cut copy; read another rendering if there is one)")

    dates = _dates(raw, routing, body)
    decl_date, decl_text = _declassify(fields)
    origin_hint = _origin_hint(raw, routing, banner)
    cable_id = _cable_id(raw, routing, banner, dates, decl_date, body, origin_hint, source_path)
    origin_code = ID.match(cable_id).group(2)
    field_values = _field_values(fields, cable_id)
    serial = int(ID.match(cable_id).group(3))
    refs = hdr.parse_references(field_values.get("ref", ""), _full_year(cable_id), _KNOWN_POSTS | {origin_code}, (origin_code, serial), _sent_day(dates, decl_date, cable_id))
    if "clby" not in field_values:
        field_values.update(_classified_by_in_text(body, segments))
    classified_by, reasons = hdr.parse_classified_by(field_values["clby"]) if "clby" in field_values else (None, [])
    classified_by = _surname_last(classified_by, signer)
    if not reasons and "eo" in field_values:
        reasons = hdr.parse_reasons(field_values["eo"])

    body_sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    paragraphs = [_paragraph(cable_id, body, s) for s in segments]
    tags = _tags(field_values)
    cable = Cable(
        cable_id=cable_id,
        source_path=source_path,
        source_form=form,
        renderings=[f"{form.value}:{source_path}"],
        created_datetime=dates.created,
        sent_datetime=dates.sent,
        origin=raw.page.get("origin") or routing.origin or (banner.post if banner else None),
        origin_code=origin_code,
        classification=_classification(raw, body, banner),
        precedence=routing.precedence,
        to_addressees=routing.to,
        info_addressees=routing.info,
        subject=_subject(field_values.get("subject")),
        tags=tags,
        references=refs.cables,
        other_references=refs.other,
        classified_by=classified_by,
        classification_reasons=reasons,
        declassify_on=decl_date,
        declassify_on_text=decl_text,
        signer=signer,
        is_partial="partial extract of the original cable" in (raw.header + body[:500]).lower(),
        is_press_version=dates.press,
        is_truncated=_is_truncated(body),
        paragraph_count=len(paragraphs),
        body_sha256=body_sha,
    )
    return ParsedCable(
        cable=cable,
        tags=tag_rows(cable_id, tags),
        text=CableText(cable_id=cable_id, body=body, body_sha256=body_sha),
        paragraphs=paragraphs,
    )


# --- checks -----------------------------------------------------------------------------------

_CABLE_MARKS = re.compile(r"E\.?\s?O\.?\s?1[23]\d{3}|\bTAGS?\b|\bSUBJ(?:ECT)?:|CLASSIFIED BY|^\s*¶?\d{1,2}\.\s", re.IGNORECASE | re.MULTILINE)


def _check_is_cable(raw: RawCable, body: str, banner, source_path: str) -> None:
    if not body.strip():
        if raw.header.strip() or raw.page:
            raise CableError(ErrorCode.TRUNCATED_CABLE, source_path, "the cable stops after its header: the body is empty")
        raise CableError(ErrorCode.NOT_A_CABLE, source_path, "no cable text found (no header, banner or body)")
    if banner is None and not raw.page and not _CABLE_MARKS.search(body[:5000]):
        raise CableError(ErrorCode.NOT_A_CABLE, source_path, "the text has no classification banner, E.O./TAGS/SUBJECT line or numbered paragraph")


# --- signature and trailer --------------------------------------------------------------------

_TRAILER = re.compile(r"^(?:BT|NNNN|#\d{1,6}|[\"',.]+|END|ZZ|\d{1,6}|=+[A-Za-z ]*=+|END CABLE TEXT)$", re.IGNORECASE)
_SIGNER = re.compile(r"^[A-Z][A-Za-z'’-]+(?:[ -][A-Z][A-Za-z'’-]+)?\.?$")
_NOT_SIGNER = {"SIPDIS", "END", "NOFORN", "SUMMARY", "COMMENT", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "BT", "NNNN", "SENSITIVE", "NOTE", "TEXT"}


def _signature(body: str) -> tuple[int, str | None]:
    """(where the paragraphs stop, signer): the surname alone on the last line, under any
    transmission trailer (BT, #1661, NNNN)."""
    end = len(body)
    while True:
        line_start = body.rfind("\n", 0, end) + 1
        line = body[line_start:end].strip()
        if not line and line_start > 0:
            end = line_start - 1
            continue
        if _TRAILER.match(line) and line_start > 0:
            end = line_start - 1
            continue
        break
    line = line.rstrip('", .')
    if _SIGNER.match(line) and line.upper().rstrip(".") not in _NOT_SIGNER and line_start > 0:
        return line_start, line.rstrip(".")
    glued = _GLUED_SIGNER.search(line)
    if glued and glued.group(1).upper() not in _NOT_SIGNER:
        name = glued.group(1)
        before = line[: glued.start(1)]
        after_sentence = bool(re.search(r"[.!?\"”')\]]\s*$", before))
        if (name.isupper() and len(name) >= 3 and (after_sentence or re.search(r"[a-z]", before))) or (after_sentence and not name.isupper()):
            return line_start + glued.start(1), name
    return end, None


# '... END COMMENT. HOAGLAND': the surname glued to the last sentence by an export.
_GLUED_SIGNER = re.compile(r"\s([A-Z][A-Za-z'’-]{2,})$")


# --- preamble ---------------------------------------------------------------------------------


def _preamble_limit(body: str, start: int) -> int:
    """For a cable without numbered paragraphs: the header lines end at the first blank line
    after the last of SUBJECT/REF/Classified by within the top of the body."""
    top = body[: start + 3000]
    last = None
    for m in re.finditer(r"(?m)^(?:SUBJ|REF|CLASSIFIED BY|Classified By|E\.?\s?O\.?\s?1|TAGS)", top):
        last = m
    if last is None:
        return start
    blank = re.compile(r"\n[ ]*\n").search(body, last.end())
    return blank.start() if blank else len(body)


_PROSE = re.compile(r"(?<=\s)(?:\([A-Z/]{1,6}\)\s*)?[A-Z][a-z]+[,;]?(?:\s+\S+){0,2}?\s+[a-z]{2,}[,;]?\s+[a-z]{2,}\b")
_BLOCK = re.compile(r"\S[^\n]*(?:\n(?![ ]*\n)[^\n]*){0,2}")


def _unlabelled_subject(body: str, fields: list[hdr.Field], limit: int) -> list[hdr.Field]:
    """A subject written without 'SUBJECT:': the capitalised block right after the TAGS line
    (and before REF, Classified by and paragraph 1)."""
    tags = [f for f in fields if f.kind in ("tags", "eo")]
    if not tags:
        return []
    after = max(f.value_end for f in tags)
    later = [f.start for f in fields if f.start >= after]
    m = _BLOCK.search(body, after, min([limit, *later]))
    if m is None or body[after:m.start()].count("\n") > 3:
        return []
    text = m.group(0).strip()
    letters = [c for c in text if c.isalpha()]
    if len(text) < 12 or not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters) or text.startswith(("-", "¶", "(")):
        return []
    return [hdr.Field("subject", m.start(), m.start(), m.end(), m.group(0))]


def _field_values(fields: list[hdr.Field], cable_id: str) -> dict[str, str]:
    """First value of each field kind; REF values of several REF blocks are joined."""
    out: dict[str, str] = {}
    for f in fields:
        if f.kind == "ref" and "ref" in out:
            out["ref"] += "; " + f.value
        elif f.kind not in out and f.value.strip(" :.\n"):  # 'SUBJECT: SUBJECT: X': the first is empty
            out[f.kind] = f.value
    if "tags" not in out and "eo" in out and re.search(r"\bTAGS?\b", out["eo"]):
        out["tags"] = re.split(r"\bTAGS?\b:?", out["eo"], maxsplit=1)[1]
    return out


_CLBY_PARAGRAPH = re.compile(r"\s*(?:\(U\)\s*)?classified\s+by\b:?", re.IGNORECASE)


def _classified_by_in_text(body: str, segments: list[Segment]) -> dict[str, str]:
    """Some cables (State memoranda of conversation) put the 'Classified by' line in
    paragraph 1 rather than in the header lines."""
    for s in segments[:2]:
        m = _CLBY_PARAGRAPH.match(body, s.start, s.end)
        if m:
            return {"clby": body[m.end(): s.end]}
    return {}


def _surname_last(official: str | None, signer: str | None) -> str | None:
    """'McKinley P. Michael, Ambassador' signed MCKINLEY -> 'P. Michael McKinley, Ambassador'.

    The classification system writes 'Surname Given, Title, Agency, Office'; when the first
    word of the name is the cable's signer (and the last is not), the name was written surname
    first and is put in reading order."""
    if not official or not signer or "," not in official:
        return official
    name, rest = official.split(",", 1)
    words = name.split()
    sig = signer.upper()
    if len(words) >= 2 and words[0].upper() == sig and words[-1].upper() != sig:
        return " ".join(words[1:] + words[:1]) + "," + rest
    return official


def _subject(value: str | None) -> str | None:
    if value is None:
        return None
    subject = hdr.one_line(value).strip(" :")
    return subject or None


def _tags(values: dict[str, str]) -> list[str]:
    return hdr.parse_tags(values.get("tags", "")) if "tags" in values else []


def _declassify(fields: list[hdr.Field]) -> tuple[dt.date | None, str | None]:
    for f in fields:
        if f.kind == "eo":
            return hdr.parse_declassify(f.value)
    return None, None


def _classification(raw: RawCable, body: str, banner) -> str | None:
    """The page's field where there is one, else the banner with its caveats (NOFORN; SENSITIVE
    on an UNCLAS cable is 'for official use only')."""
    if raw.page.get("classification"):
        return raw.page["classification"].upper()
    if banner is None:
        return None
    base = banner.classification
    top = body[banner.end: banner.end + 600]
    top = re.split(r"E\.?\s?O\.?\s?1[23]\d{3}|\bTAGS\b|\bSUBJECT\b", top)[0]
    if base == "UNCLASSIFIED" and re.search(r"\bSENSITIVE\b|FOR OFFICIAL USE ONLY", top):
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    if re.search(r"\bNOFORN\b", top) and base in ("SECRET", "CONFIDENTIAL", "TOP SECRET"):
        return f"{base}//NOFORN"
    return base


def _is_truncated(body: str) -> bool:
    tail = body.rstrip().rstrip('",').rstrip()
    return tail.endswith(("...", "…"))


# --- dates and ids ----------------------------------------------------------------------------

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATELINE = re.compile(rf"(?m)^\s*(?:{_WEEKDAYS}),\s+(\d{{1,2}})\s+({_MONTH_NAMES})\s+(\d{{4}}),\s+(\d{{1,2}}):(\d{{2}})")
_CABLE_DATED = re.compile(r"Cable dated:\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})")
_PAGE_CREATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{1,2}):(\d{2}))?")
_FULL_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES.split("|"), 1)}


def _dates(raw: RawCable, routing: Routing, body: str) -> _Dates:
    """Created: the page's field as printed, else the sent time.  Sent: the date-time group, or
    the body's dateline (press 'Tuesday, 02 November 2004, 08:39' or an export's 'Cable dated:')
    where there is no DTG."""
    press = _DATELINE.match(body) or _DATELINE.search(raw.header[-300:])
    dateline = None
    if press:
        d, mon, y, hh, mm = press.groups()
        dateline = _utc(int(y), _FULL_MONTHS[mon], int(d), int(hh), int(mm))
    dated = _CABLE_DATED.search(body[:300])
    if dated:
        dateline = dateline or _utc(*map(int, dated.groups()))
    page = None
    m = _PAGE_CREATED.match(raw.page.get("created", ""))
    if m:
        y, mo, d, hh, mm = m.groups()
        page = _utc(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
    # the true time (DTG, else the body's own dateline) is kept apart from the page's field
    sent = routing.dtg or dateline
    created = page or sent
    year = created.year if created else None
    return _Dates(created, sent, year, bool(press))


def _utc(y: int, mo: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime | None:
    try:
        return dt.datetime(y, mo, d, hh, mm, tzinfo=dt.UTC)
    except ValueError:
        return None


def _origin_hint(raw: RawCable, routing: Routing, banner) -> str | None:
    """The post code the cable names itself by: banner post, else the FM line's post."""
    if banner is not None:
        return post_code(banner.post)
    if routing.origin:
        words = routing.origin.split()
        if words and words[0] in ("AMEMBASSY", "AMCONSUL", "USMISSION", "USOFFICE"):
            return post_code(" ".join(words[1:]))
        if routing.origin.startswith("SECSTATE"):
            return "STATE"
    return None


def _cable_id(raw, routing, banner, dates: _Dates, decl: dt.date | None, body: str, hint: str | None, source_path: str) -> str:
    """Page reference id, else the file name, else year + banner post + serial."""
    for candidate in (raw.page.get("reference_id"), raw.id_hint):
        if candidate:
            cid = canonical_id(candidate, hint) if "reference_id" in raw.page and candidate == raw.page.get("reference_id") else id_from_filename(candidate, hint)
            if cid:
                return cid
    if banner is not None and banner.serial is not None:
        year = dates.year or _year_from_text(body, decl)
        if year is not None:
            post = "STATE" if post_code(banner.post) == "SECSTATE" else banner.post
            return make_id(year, post, banner.serial)
    raise CableError(ErrorCode.MISSING_CABLE_ID, source_path, "no reference id in the page, the file name or the header (banner post and serial with a dated header)")


_TEXT_DATE = re.compile(rf"\b({_MONTH_NAMES})\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b|\b(\d{{1,2}})\s+({_MONTH_NAMES})\s+((?:19|20)\d{{2}})\b")


def _year_from_text(body: str, decl: dt.date | None) -> int | None:
    """Year of a cable that carries no date: declassification is set a whole number of years
    after the cable's date, so a date in the text on the same day and month as the DECL date
    (and before it) gives the year."""
    if decl is None:
        return None
    for m in _TEXT_DATE.finditer(body):
        if m.group(1):
            mon, day, year = _FULL_MONTHS[m.group(1)], int(m.group(2)), int(m.group(3))
        else:
            day, mon, year = int(m.group(4)), _FULL_MONTHS[m.group(5)], int(m.group(6))
        if (mon, day) == (decl.month, decl.day) and year < decl.year:
            return year
    return None


def _paragraph(cable_id: str, body: str, s: Segment) -> Paragraph:
    return Paragraph(
        cable_id=cable_id,
        paragraph_number=s.number,
        is_numbered=s.is_numbered,
        printed_number=s.printed,
        marking=s.marking,
        heading=s.heading,
        text=body[s.start: s.end],
        char_start=s.start,
        char_end=s.end,
    )


__all__ = ["MONTHS", "RENDERING_PREFERENCE", "PurePath", "read_bytes", "read_path"]


def _sent_day(dates: _Dates, decl: dt.date | None, cable_id: str) -> dt.date | None:
    """The day the cable was sent, or its best estimate: declassification is usually set to the
    same day some years on, so a body without a date still tells the day of the year."""
    if dates.created is not None:
        return dates.created.date()
    if decl is None:
        return None
    try:
        return dt.date(_full_year(cable_id), decl.month, decl.day)
    except ValueError:
        return None


def _full_year(cable_id: str) -> int:
    yy = int(cable_id[:2])
    return yy + (1900 if yy >= 60 else 2000)
