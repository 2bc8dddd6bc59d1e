"""Cutting a body into paragraphs: numbers, portion markings, headings, exact offsets.

Rules, in the order they apply:

* A paragraph starts where the cable prints a number: ``¶4. (C)`` (the WikiLeaks anchor's
  pilcrow), ``4. (C)`` or ``4.(C)`` at a line start, ``4. Text`` at a line start when the cable
  uses no markings, or ``... end of sentence. 9. (S) Next`` inside a line when 9 is the number
  expected next and a marking follows (paragraphs run together by an export; the words before
  may be a heading that lost its line, so a sentence end is not required).
* A pilcrow printed as a '1' (``11.`` ``12.`` ... for 1, 2 ...) is mended when a body without
  pilcrows numbers its first paragraph 11 and every number reads as 1 + the real number.
* Numbers are kept as printed (``printed_number``).  ``paragraph_number`` is the table's key
  and must be unique: it is the printed number the first time a number appears; a number printed
  again (two '6.' paragraphs, a memo whose numbering restarts) gets the next number above every
  printed one, in order of appearance.
* Text after the header lines and before paragraph 1 (an unnumbered lead, a summary line) is
  paragraph 0, ``is_numbered`` False.  A cable that numbers nothing is cut at blank lines into
  blocks numbered 1, 2, ... with ``is_numbered`` False (a block opening with a portion marking
  keeps it).
* A heading printed before a paragraph (a line between dashed rules, a short capitalised line
  on its own, or the words before a rule that were glued to the previous line) is taken out of
  the previous paragraph's text and given as the next paragraph's ``heading``.
* A paragraph's text is body[char_start:char_end] exactly: it starts after the number and
  marking, and ends before trailing white space, the next heading, and the signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from engagements.schema.vocab import Marking

# --- portion markings -------------------------------------------------------------------------

_MARK_BODY = r"\((?:U|SBU|C|S|TS|LOU|FOUO|U\s?/\s?/?\s?FOUO|[USCT]{1,2}(?:BU)?\s?(?:/{1,2}|\s)\s?(?:NF|NOFORN|REL[A-Z ,]*|FOUO|OC|ORCON))\)"
MARKING_RX = re.compile(_MARK_BODY)
_CLASS_OF = {"U": "U", "SBU": "SBU", "C": "C", "S": "S", "TS": "TS", "LOU": "SBU", "FOUO": "U/FOUO"}


def parse_marking(raw: str) -> Marking | None:
    """'(C//NF)', '(S NF)', '(S/NOFORN)', '(U//FOUO)' -> the Marking vocabulary, or None."""
    inner = raw.strip()[1:-1].upper().replace(" ", "/")
    parts = [p for p in inner.split("/") if p]
    if not parts:
        return None
    base = _CLASS_OF.get(parts[0])
    if base is None:
        return None
    caveat = parts[1] if len(parts) > 1 else None
    if caveat is None:
        value = base
    elif caveat in ("NF", "NOFORN"):
        value = f"{base}/NF"
    elif caveat.startswith("REL"):
        value = f"{base}/REL"
    elif caveat == "FOUO":
        value = "U/FOUO" if base in ("U", "SBU") else base
    else:
        value = base
    try:
        return Marking(value)
    except ValueError:
        return Marking(base)


# --- candidates -------------------------------------------------------------------------------

_LINE_START = re.compile(
    r"\n(?P<lead>[ \"',]*)(?P<pil>¶[ ]?)?(?P<num>\d{1,3})(?P<dot>\.|\))?(?P<sp>[ ]*)(?P<mark>\([A-Za-z /]{1,14}\))?",
)
# Inside a line: '... sentence end. 9. (S) Next' (digit first, so the scan fails fast; the
# sentence end before it is checked by hand) and a pilcrow anywhere ('text ¶9. (S)').
_MID_MARK = re.compile(r"\([A-Za-z /]{1,14}\)")
_MID_NUMBER = re.compile(r"(\d{1,2})\.[ ]{0,3}$")
_MID_PILCROW = re.compile(r"(?P<pil>¶[ ]?)(?P<num>\d{1,3})\.(?P<sp>[ ]*)(?P<mark>\([A-Za-z /]{1,14}\))?")
_SENTENCE_CLOSERS = set(".!?\"'”)]")


def _after_sentence(body: str, pos: int) -> bool:
    """True when body[:pos] ends in a sentence end and one to three spaces."""
    i = pos
    while i > 0 and pos - i < 3 and body[i - 1] == " ":
        i -= 1
    return i < pos and i > 0 and body[i - 1] in _SENTENCE_CLOSERS


@dataclass
class Candidate:
    start: int  # where the number (or its pilcrow) starts
    content: int  # where the paragraph's text starts
    digits: str
    marking: Marking | None
    strong: bool  # pilcrow or marking
    midline: bool


def _candidates(body: str, start: int) -> list[Candidate]:
    out: dict[int, Candidate] = {}
    # a literal '\n' first lets the scan jump from line to line; the body's first line is
    # matched as if a newline preceded it
    if start == 0:
        text, shift, begin = "\n" + body, -1, 0
    else:
        text, shift, begin = body, 0, start - 1 if body[start - 1] == "\n" else start
    for m in _LINE_START.finditer(text, begin):
        num, dot, pil, sp, mark = m.group("num", "dot", "pil", "sp", "mark")
        if not (dot or pil) or (len(num) == 3 and not num.startswith("1")):
            continue
        marking = parse_marking(mark) if mark else None
        if marking is None and dot == ")":
            continue  # '1)' numbers list items
        if marking is None and not pil and not sp:
            continue  # '1.5' or '3.Text': not a paragraph number
        if marking is None and not pil and not mark and not body[m.end(): m.end() + 1].strip():
            continue  # a number alone on its line
        content = (m.end() if marking or not mark else m.start("mark")) + shift
        pos = m.start("lead") + len(m.group("lead")) + shift
        out[pos] = Candidate(pos, _skip_spaces(body, content), num, marking, bool(pil or marking), False)
    for m in _MID_PILCROW.finditer(body, start):
        pos = m.start("pil")
        if any(p in out for p in range(pos - 3, pos + 4)):
            continue
        mark = m.group("mark")
        marking = parse_marking(mark) if mark else None
        content = m.end() if marking or not mark else m.start("mark")
        out[pos] = Candidate(pos, _skip_spaces(body, content), m.group("num"), marking, True, True)
    for m in _MID_MARK.finditer(body, start):
        num = _MID_NUMBER.search(body, max(start, m.start() - 6), m.start())
        if num is None:
            continue
        pos = num.start()
        if any(p in out for p in range(pos - 3, pos + 4)) or not (_after_sentence(body, pos) or (pos > 0 and body[pos - 1] == " ")):
            continue
        marking = parse_marking(m.group(0))
        if marking is not None:
            out[pos] = Candidate(pos, _skip_spaces(body, m.end()), num.group(1), marking, True, True)
    return [out[k] for k in sorted(out)]


def _skip_spaces(body: str, i: int) -> int:
    while i < len(body) and body[i] == " ":
        i += 1
    return i


def _accept(cands: list[Candidate]) -> list[Candidate]:
    """Keep the candidates that are paragraph starts (see the module rules)."""
    marked = any(c.marking for c in cands if not c.midline)
    kept: list[Candidate] = []
    last = 0
    for c in cands:
        n = int(c.digits)
        if c.midline:
            ok = n == last + 1 and (kept or (n == 1 and c.marking is not None))
        elif c.marking is not None:
            ok = n >= 1
        elif c.strong:  # a pilcrow alone: raw telegrams also show one for a stray '2' ('¶199')
            ok = n == 1 or last <= n <= last + 5
        else:
            expected = n == last + 1 or (not kept and n == 1)
            ok = expected and (not marked or (kept and kept[-1].marking is None))
        if ok:
            kept.append(c)
            last = n
    return kept


def _mend_pilcrows(kept: list[Candidate], body: str) -> list[int]:
    """Printed numbers, with '1'-for-pilcrow artefacts mended (see the module rules)."""
    nums = [int(c.digits) for c in kept]
    if not kept or "¶" in body or kept[0].digits != "11":
        return nums
    if not all(c.digits.startswith("1") and len(c.digits) >= 2 for c in kept):
        return nums
    mended = [int(c.digits[1:]) for c in kept]
    if mended[0] == 1 and all(b > a for a, b in pairwise(mended)):
        return mended
    return nums


# --- headings ---------------------------------------------------------------------------------

_RULE = re.compile(r"-{3,}(?:[ ]+-{2,})*")
_SENTENCE_END = re.compile(r"[.!?:;\"'”)\]][ ]+")


def _is_heading_line(line: str) -> bool:
    text = line.strip()
    if not text or len(text) > 80 or text[-1] in ".,;!?\"”":
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
    titled = words and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return upper > 0.7 or bool(titled and len(words) <= 10)


def trailing_heading(body: str, start: int, end: int) -> tuple[int, str | None]:
    """(new end, heading): the heading printed at the end of body[start:end], if any."""
    seg = body[start:end]
    stripped = seg.rstrip()
    lines = stripped.split("\n")
    if not stripped:
        return start, None
    block: list[str] = []
    i = len(lines) - 1
    while i >= 0 and lines[i].strip() and len(block) < 4:
        block.insert(0, lines[i])
        i -= 1
    has_rule = any(_RULE.search(ln) for ln in block)
    block_start_in_seg = len("\n".join(lines[: i + 1])) + (1 if i >= 0 else 0)
    if has_rule:
        # lines of the block that are headings or rules; the first line may carry text before the heading
        first = next((k for k, ln in enumerate(block) if _RULE.search(ln) or _is_heading_line(ln)), None)
        if first is None:
            return end, None
        cut = block_start_in_seg + sum(len(ln) + 1 for ln in block[:first])
        rule = _RULE.search(block[first])
        if rule and rule.start() > 0 and not _is_heading_line(block[first][: rule.start()]):
            # '... for peer review. ------ Science or Politics? ------': the paragraph's last
            # sentence and the heading on one line; the heading starts at its rule
            cut += rule.start()
            block = block[:first] + [block[first][rule.start():]] + block[first + 1:]
        texts = [_RULE.sub(" ", ln).replace("¶", " ").strip() for ln in block[first:]]
        heading = " ".join(t for t in texts if t) or None
        # a rule alone, right after a line of text: the heading was glued to that line's end
        if first > 0 and not _RULE.sub("", block[first]).strip() and heading is None:
            glued = _glued_heading(block[first - 1], len(_RULE.search(block[first]).group(0)))
            if glued is not None:
                offset, heading = glued
                cut = block_start_in_seg + sum(len(ln) + 1 for ln in block[: first - 1]) + offset
        elif first == 0 and heading is None:
            pass
        new_end = start + len(seg[:cut].rstrip())
        return max(new_end, start), heading
    if len(block) == 1 and i >= 0 and _is_heading_line(block[0]) and not _looks_numbered(block[0]):
        new_end = start + len(seg[:block_start_in_seg].rstrip())
        return max(new_end, start), block[0].strip()
    return end, None


def _glued_heading(line: str, rule_len: int) -> tuple[int, str] | None:
    """'... so interpreted. China Unlikely to Call New 6PT Round' over a 36-dash rule: the last
    sentence-start within about the rule's length of the line's end begins the heading."""
    text = line.rstrip()
    if len(text) <= rule_len + 3:
        return (len(line) - len(line.lstrip()), text.strip()) if _is_heading_line(text) else None
    window_start = max(0, len(text) - rule_len - 3)
    best = None
    for m in _SENTENCE_END.finditer(text):
        if m.end() >= window_start:
            best = m.end()
            break
    if best is None:
        return None
    heading = text[best:].strip()
    return (best, heading) if heading and _is_heading_line(heading) else None


def _looks_numbered(line: str) -> bool:
    return bool(re.match(r"\s*¶?\d{1,3}[.)]", line))


# --- the segmenter ----------------------------------------------------------------------------


@dataclass
class Segment:
    number: int
    printed: int | None
    is_numbered: bool
    marking: Marking | None
    heading: str | None
    start: int
    end: int


def numbered_starts(body: str, start: int, stop: int) -> list[Candidate]:
    """The numbered paragraph starts in body[start:stop], accepted by the module rules; when
    none is found, paragraphs an export ran together without markings ('... reftel 1.  In
    response ... 2.  The') count if they run 1, 2, 3 ... with the telegram's two spaces."""
    kept = _accept([c for c in _candidates(body[:stop], start) if c.start < stop])
    return kept or _run_together(body, start, stop)


_WEAK_MID = re.compile(r"(?<=\s)(\d{1,2})\.[ ]{2,3}(?=[A-Z(\"])")


def _run_together(body: str, start: int, stop: int) -> list[Candidate]:
    kept: list[Candidate] = []
    for m in _WEAK_MID.finditer(body, start, stop):
        if int(m.group(1)) == len(kept) + 1:
            kept.append(Candidate(m.start(), m.end(), m.group(1), None, False, True))
    return kept if len(kept) >= 2 else []


def segment(body: str, start: int, stop: int, kept: list[Candidate] | None = None) -> list[Segment]:
    """Paragraphs of body[start:stop] (``start``: end of the header lines; ``stop``: start of
    the signature and trailer); ``kept``: the numbered starts, when the caller has them."""
    kept = numbered_starts(body, start, stop) if kept is None else [c for c in kept if start <= c.start < stop]
    if not kept:
        return _blocks(body, start, stop)
    printed = _mend_pilcrows(kept, body)
    segments: list[Segment] = []
    lead_end, heading = trailing_heading(body, start, kept[0].start)
    lead_start = _skip_ws(body, start, lead_end)
    if lead_end > lead_start:
        segments.append(Segment(0, None, False, None, None, lead_start, _rstrip(body, lead_start, lead_end)))
    used = {0} if segments else set()
    spare = max(printed) + 1
    for k, c in enumerate(kept):
        nxt = kept[k + 1].start if k + 1 < len(kept) else stop
        end, next_heading = trailing_heading(body, c.content, nxt) if k + 1 < len(kept) else (_rstrip(body, c.content, nxt), None)
        number = printed[k]
        if number in used:
            number = spare
            spare += 1
        used.add(number)
        s = min(c.content, end)
        segments.append(Segment(number, printed[k], True, c.marking, heading, s, _rstrip(body, s, max(end, s))))
        heading = next_heading
    return segments


def _blocks(body: str, start: int, stop: int) -> list[Segment]:
    out: list[Segment] = []
    heading = None
    for m in re.finditer(r"\S(?:.|\n(?![ ]*\n))*", body[start:stop]):
        s, e = start + m.start(), start + m.end()
        text = body[s:e]
        if _RULE.fullmatch(text.strip()):
            continue
        if _is_heading_line(text) and "\n" not in text.strip():
            heading = text.strip()
            continue
        e = _rstrip(body, s, e)
        marking = None
        mark = MARKING_RX.match(body, s, e)
        if mark and (marking := parse_marking(mark.group(0))) is not None:
            s = _skip_spaces(body, mark.end())
        out.append(Segment(len(out) + 1, None, False, marking, heading, s, max(s, e)))
        heading = None
    return out


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def _skip_ws(body: str, start: int, end: int) -> int:
    while start < end and body[start].isspace():
        start += 1
    return start
