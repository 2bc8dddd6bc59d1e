"""Date expressions in cable prose, as EDTF with day bounds.

Cables write dates many ways: "September 25, 2009", "17-20 June 2009", "May of 2007",
"around June 2010", "early August", "last fall", "on Monday", "last week", "six months later".
``find_dates`` finds them all in one pass per pattern family and resolves what is relative:
against the cable's date (``reference``) for "yesterday" or "on Monday", and against the
previous date in the same text for "six months later".  A missing year is taken from the
reference, choosing the year that puts the date nearest to it (a cable of January speaks of
"December 12" of the year before).

EDTF (ISO 8601-2 level 1): ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``~`` for approximate and
``/`` between the ends of an interval.  ``edtf_bounds`` turns one into the earliest and latest
day it allows, widening approximate dates (see ``APPROXIMATE_WIDENING``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateMention", "add_months", "edtf_bounds", "edtf_of", "find_dates"]


@dataclass(frozen=True)
class DateMention:
    """One date expression: where it is in the text, what it says, and the days it allows."""

    start: int
    end: int
    text: str
    edtf: str
    date_start: dt.date | None
    date_end: dt.date | None
    relative: bool = False  # resolved against the reference or another date
    approximate: bool = False


# ---------------------------------------------------------------------------------------------
# EDTF helpers

#: How far "approximately" widens a date on each side: a day by a week, a month by half a
#: month, a year by half a year.  Generous on purpose: bounds are for overlap tests.
APPROXIMATE_WIDENING = {"day": 7, "month": 15, "year": 183}

_EDTF_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")


def _part_bounds(part: str) -> tuple[dt.date, dt.date] | None:
    m = _EDTF_PART.match(part.strip())
    if not m:
        return None
    year, month, day, approx = int(m[1]), m[2], m[3], m[4]
    try:
        if day:
            lo = hi = dt.date(year, int(month), int(day))
            unit = "day"
        elif month:
            mo = int(month)
            lo = dt.date(year, mo, 1)
            hi = dt.date(year, mo, calendar.monthrange(year, mo)[1])
            unit = "month"
        else:
            lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
            unit = "year"
    except ValueError:
        return None
    if approx:
        widen = dt.timedelta(days=APPROXIMATE_WIDENING[unit])
        lo, hi = lo - widen, hi + widen
    return lo, hi


def edtf_bounds(edtf: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Earliest and latest day an EDTF value allows; (None, None) when it cannot be read.
    An open end of an interval ('2009-06/..' or '/2009') gives None on that side."""
    if not edtf:
        return None, None
    if "/" in edtf:
        left, right = edtf.split("/", 1)
        lo = _part_bounds(left) if left not in ("", "..") else None
        hi = _part_bounds(right) if right not in ("", "..") else None
        return (lo[0] if lo else None), (hi[1] if hi else None)
    b = _part_bounds(edtf)
    return (b[0], b[1]) if b else (None, None)


def edtf_of(start: dt.date, end: dt.date | None = None, precision: str = "day", approximate: bool = False) -> str:
    """EDTF text for a day, month or year (``precision``), or an interval of days when ``end``
    differs from ``start``."""
    mark = "~" if approximate else ""
    if end is not None and end != start:
        return f"{_fmt(start, precision)}{mark}/{_fmt(end, precision)}{mark}"
    return _fmt(start, precision) + mark


def _fmt(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clipped to the month's length."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


# ---------------------------------------------------------------------------------------------
# Vocabulary

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2, "a couple of": 2,
    "eighteen": 18, "fifteen": 15, "twenty": 20, "thirty": 30,
}
_NUMBER = r"(?:\d{1,2}|a couple of|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)"
#: Northern-hemisphere seasons as (first month, months spanned); winter runs into the next year.
_SEASONS = {"spring": (3, 3), "summer": (6, 3), "fall": (9, 3), "autumn": (9, 3), "winter": (12, 3)}
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|through|until|and)\s*"
_YEAR = r"(?:19[4-9]\d|20[0-4]\d)"

_F = re.IGNORECASE

# Absolute and partial dates, longest forms first; a later family never overlaps an earlier hit.
_ABSOLUTE: list[tuple[str, re.Pattern]] = [
    # 29 June - 2 July 2009 / June 29 - July 2, 2009
    ("dmdm", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+({_MONTH}){_DASH}(\d{{1,2}}){_ORD}\s+({_MONTH}),?\s+({_YEAR})?", _F)),
    ("mdmd", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}){_ORD}{_DASH}({_MONTH})\s+(\d{{1,2}}){_ORD}\b(?:,?\s+({_YEAR})\b)?", _F)),
    # 17-20 June 2009
    ("ddm", re.compile(rf"\b(\d{{1,2}}){_ORD}{_DASH}(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR})\b)?", _F)),
    # June 17-20, 2009
    ("mdd", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}){_ORD}{_DASH}(\d{{1,2}}){_ORD}\b(?!\s*(?:%|percent|million|billion))(?:,?\s+({_YEAR})\b)?", _F)),
    # 25 September 2009
    ("dm", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR})\b)?", _F)),
    # September 25, 2009
    ("md", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}){_ORD}\b(?![:.,]?\d)(?!\s*(?:%|percent|million|billion|years?|months?|days?|people|members))(?:,?\s+({_YEAR})\b)?", _F)),
    # May 2007, May of 2007
    ("my", re.compile(rf"\b({_MONTH}),?\s+(?:of\s+)?({_YEAR})\b", _F)),
    # seasons: last fall, summer 2008, the spring of 2007
    ("season", re.compile(r"\b(?:(last|this|next|past|coming|the)\s+)?(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(" + _YEAR + r")\b)?", _F)),
    # US numeric dates after "on": on 1/18, on 12/3/2006 (month first, as US cables write)
    ("num", re.compile(r"\b(?<=on )(1[0-2]|0?[1-9])/([12]\d|3[01]|0?[1-9])(?:/((?:19|20)?\d\d))?\b(?![/\d])", _F)),
    # a month alone after a word that makes it a date: in May, since March, last December
    ("m", re.compile(rf"\b(in|since|during|by|until|till|last|next|this|early|mid|late|of|from|through|around|before|after|on|the)[\s-]+({_MONTH})(?![\w])", _F)),
    # "his October trip", "the March summit": a month before a meeting noun
    ("m", re.compile(rf"\b()({_MONTH})(?=\s+(?:trip|visit|meeting|meetings|summit|session|talks|conference|consultations|round|ministerial|discussions?|conversation|dinner|lunch|encounter)\b)", _F)),
    # "December's summit"
    ("m", re.compile(rf"\b()({_MONTH})(?=['’]s\b)", _F)),
    # a year alone after a preposition: in 2007, since 1997, late 2011
    ("y", re.compile(rf"\b(in|since|during|by|until|of|early|mid|late|end of|around|from|before|after|through)[\s-]+({_YEAR})\b(?![-/]\d)", _F)),
]

# Relative expressions.
_RELATIVE: list[tuple[str, re.Pattern]] = [
    ("day", re.compile(r"\b(earlier today|later today|today|this morning|this afternoon|this evening|tonight|last night|yesterday|tomorrow|the day before yesterday|the day after tomorrow)\b", _F)),
    ("weekday", re.compile(rf"\b(?:(last|next|this|on|this past|this coming|that)\s+)?({_WEEKDAY})\b(?!,?\s+(?:the\s+)?\d)(?!,?\s+{_MONTH}\s*\d)", _F)),
    ("unit", re.compile(r"\b(earlier this|later this|early this|late this|earlier next|this|next|last|past|the past|the previous|the following|the coming)\s+(week|month|year)\b(?!\s*(?:'s|’s))", _F)),
    ("offset", re.compile(rf"\b({_NUMBER})\s+(days?|weeks?|months?|years?)\s+(ago|later|earlier|before|after|afterwards|prior)\b", _F)),
    ("nextday", re.compile(r"\b(the (?:next|following|previous|preceding) day|the day (?:before|after))\b", _F)),
]

_APPROX_BEFORE = re.compile(r"(?:\b(?:around|about|approximately|circa|roughly|sometime in|some time in|towards?|toward the end of|in or around|near)\s+(?:the\s+)?)$", _F)
_PART_BEFORE = re.compile(r"(?:\b(?:early|mid|late|the (?:beginning|start|end|middle) of|(?:the )?end of|beginning of|start of|middle of)[\s-]*)$", _F)
_WEEK_OF_BEFORE = re.compile(r"\bweek of\s+$", _F)
_FUTURE_CUE = re.compile(r"\b(?:will|shall|would|next|upcoming|forthcoming|scheduled|schedule|plans?|planned|planning|intends?|expects?|expected|slated|to be held|is to|are to|hopes? to|set for|is due|are due|invited|invitation)\b", _F)
_PAST_CUE = re.compile(r"\b(?:met|was|were|had|visited|took place|last|ago|previous|earlier)\b|(?<!\bbe )(?<!\bbeen )\b(?:held|called|discussed)\b", _F)


# ---------------------------------------------------------------------------------------------
# Resolution


def _month_number(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_near(month: int, day: int, reference: dt.date | None, future: bool = False) -> int | None:
    """The year that puts month/day nearest the reference date; None without a reference.
    Cables mostly report the past, so a later date counts as twice as far unless the words
    before it point to the future."""
    if reference is None:
        return None
    best, best_gap = None, None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = _safe_date(year, month, max(1, min(day, calendar.monthrange(year, month)[1])))
        if d is None:
            continue
        gap = (d - reference).days
        gap = gap * (1 if future else 2) if gap > 0 else -gap
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _direction(text: str, start: int) -> int:
    """+1 when the words before a relative date point to the future, else -1 (cables mostly
    report what happened)."""
    left = text[max(0, start - 80):start]
    cut = max(left.rfind(". "), left.rfind("; "))
    if cut >= 0:
        left = left[cut + 2:]
    future = list(_FUTURE_CUE.finditer(left))
    past = list(_PAST_CUE.finditer(left))
    if future and (not past or future[-1].start() > past[-1].start()):
        return 1
    return -1


def _week_bounds(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


@dataclass
class _Hit:
    start: int
    end: int
    lo: dt.date
    hi: dt.date
    precision: str
    approximate: bool = False
    relative: bool = False
    interval: bool = False  # print as an interval even at month precision

    def edtf(self) -> str:
        if self.interval or (self.lo != self.hi and self.precision == "day"):
            return edtf_of(self.lo, self.hi, self.precision, self.approximate)
        return edtf_of(self.lo, None, self.precision, self.approximate)


def _absolute(kind: str, m: re.Match, text: str, reference: dt.date | None) -> _Hit | None:
    g = m.groups()
    future = _direction(text, m.start()) > 0

    def _nearest_year(month: int, day: int, ref: dt.date | None) -> int | None:
        return _year_near(month, day, ref, future)
    if kind in ("dmdm", "mdmd"):
        if kind == "dmdm":
            d1, m1, d2, m2, y = int(g[0]), _month_number(g[1]), int(g[2]), _month_number(g[3]), g[4]
        else:
            m1, d1, m2, d2, y = _month_number(g[0]), int(g[1]), _month_number(g[2]), int(g[3]), g[4]
        year = int(y) if y else _nearest_year(m1, d1, reference)
        if year is None:
            return None
        lo = _safe_date(year, m1, d1)
        hi = _safe_date(year + (m2 < m1), m2, d2)
        return _Hit(m.start(), m.end(), lo, hi, "day") if lo and hi and hi >= lo else None
    if kind in ("ddm", "mdd"):
        if kind == "ddm":
            d1, d2, mo, y = int(g[0]), int(g[1]), _month_number(g[2]), g[3]
        else:
            mo, d1, d2, y = _month_number(g[0]), int(g[1]), int(g[2]), g[3]
        if d2 <= d1:
            return None
        year = int(y) if y else _nearest_year(mo, d1, reference)
        if year is None:
            return None
        lo, hi = _safe_date(year, mo, d1), _safe_date(year, mo, d2)
        return _Hit(m.start(), m.end(), lo, hi, "day") if lo and hi else None
    if kind in ("dm", "md"):
        if kind == "dm":
            day, mo, y = int(g[0]), _month_number(g[1]), g[2]
        else:
            mo, day, y = _month_number(g[0]), int(g[1]), g[2]
            if not y and g[0].lower() in ("may", "march") and not g[0][0].isupper():
                return None  # "may 5" as a verb
        year = int(y) if y else _nearest_year(mo, day, reference)
        if year is None:
            return None
        d = _safe_date(year, mo, day)
        if d is None:
            return None
        hit = _Hit(m.start(), m.end(), d, d, "day")
        if _WEEK_OF_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            hit.hi = d + dt.timedelta(days=4)  # "the week of September 6": the working week
            hit.start = text.rfind("week of", 0, m.start())
        return hit
    if kind == "num":
        mo, day, y = int(g[0]), int(g[1]), g[2]
        year = (int(y) + (2000 if int(y) < 50 else 1900) if len(y) == 2 else int(y)) if y else _nearest_year(mo, day, reference)
        if year is None:
            return None
        d = _safe_date(year, mo, day)
        return _Hit(m.start(), m.end(), d, d, "day") if d else None
    if kind == "my":
        mo, year = _month_number(g[0]), int(g[1])
        if g[0].lower() == "may" and not g[0][0].isupper():
            return None
        lo = dt.date(year, mo, 1)
        return _Hit(m.start(), m.end(), lo, dt.date(year, mo, calendar.monthrange(year, mo)[1]), "month")
    if kind == "season":
        which, season, y = (g[0] or "").lower(), g[1].lower(), g[2]
        if not y and which in ("", "the"):
            return None  # "in the summer" without a year or a pointer is not a date
        first, span = _SEASONS[season]
        if y:
            year = int(y)
        elif reference is None:
            return None
        else:
            year = reference.year
            if which in ("last", "past"):
                if dt.date(year, first, 1) >= reference:
                    year -= 1
            elif which in ("next", "coming"):
                if dt.date(year, first, 1) <= reference:
                    year += 1
        lo = dt.date(year, first, 1)
        end_month = add_months(lo, span - 1)
        hi = dt.date(end_month.year, end_month.month, calendar.monthrange(end_month.year, end_month.month)[1])
        return _Hit(m.start() if which not in ("", "the") else m.start(2), m.end(), lo, hi, "month", interval=True)
    if kind == "m":
        word, mon = g[0].lower(), g[1]
        if mon.lower().rstrip(".") in ("may", "mar", "march") and not mon[0].isupper():
            return None
        if word in ("the", "") and not mon[0].isupper():
            return None
        if mon.lower().rstrip(".") in ("may", "march") and word in ("in", "by", "of", "on"):
            # "in May" is a date; "by May" too; but "March" after "on" is a verb ("on March")
            if word == "on":
                return None
        mo = _month_number(mon)
        if reference is None:
            return None
        year = reference.year
        if word == "last":
            year = reference.year if mo < reference.month else reference.year - 1
        elif word == "next":
            year = reference.year if mo > reference.month else reference.year + 1
        else:
            year = _nearest_year(mo, 15, reference)
        lo = dt.date(year, mo, 1)
        hi = dt.date(year, mo, calendar.monthrange(year, mo)[1])
        approx = word in ("early", "mid", "late", "around")
        start = m.start() if word in ("last", "next", "this", "early", "mid", "late", "around") else m.start(2)
        return _Hit(start, m.end(), lo, hi, "month", approximate=approx)
    if kind == "y":
        word, year = g[0].lower(), int(g[1])
        approx = word in ("early", "mid", "late", "end of", "around")
        start = m.start() if approx else m.start(2)
        return _Hit(start, m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), "year", approximate=approx)
    return None


def _relative(kind: str, m: re.Match, text: str, reference: dt.date | None, anchor: dt.date | None) -> _Hit | None:
    g = m.groups()
    if kind == "day":
        if reference is None:
            return None
        word = g[0].lower()
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
        d = reference + dt.timedelta(days=shift)
        return _Hit(m.start(), m.end(), d, d, "day", relative=True)
    if kind == "weekday":
        if reference is None:
            return None
        word = (g[0] or "").lower()
        if not word and not _on_before(text, m.start()):
            return None
        target = _WEEKDAYS[g[1].lower()]
        if word in ("next", "this coming"):
            sign = 1
        elif word in ("last", "this past"):
            sign = -1
        else:
            sign = _direction(text, m.start())
        if sign < 0:
            back = (reference.weekday() - target) % 7 or 7
            d = reference - dt.timedelta(days=back)
        else:
            ahead = (target - reference.weekday()) % 7 or 7
            d = reference + dt.timedelta(days=ahead)
        return _Hit(m.start(), m.end(), d, d, "day", relative=True)
    if kind == "unit":
        if reference is None:
            return None
        which, unit = g[0].lower(), g[1].lower()
        step = 1 if which in ("next", "the following", "the coming", "earlier next") else -1 if which in ("last", "past", "the past", "the previous") else 0
        approx = which.startswith(("earlier", "later", "early", "late"))
        if unit == "week":
            lo, hi = _week_bounds(reference + dt.timedelta(days=7 * step))
            return _Hit(m.start(), m.end(), lo, hi, "day", relative=True)
        if unit == "month":
            first = add_months(reference.replace(day=1), step)
            hi = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            return _Hit(m.start(), m.end(), first, hi, "month", approximate=False, relative=True)
        year = reference.year + step
        return _Hit(m.start(), m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), "year", approximate=approx and False, relative=True)
    if kind == "offset":
        n, unit, way = _number(g[0]), g[1].lower().rstrip("s"), g[2].lower()
        if way == "ago":
            base, sign = reference, -1
        else:
            base, sign = anchor, (1 if way in ("later", "after", "afterwards") else -1)
        if base is None:
            return None
        if unit == "day":
            d = base + dt.timedelta(days=sign * n)
            return _Hit(m.start(), m.end(), d, d, "day", relative=True)
        if unit == "week":
            d = base + dt.timedelta(days=sign * 7 * n)
            return _Hit(m.start(), m.end(), d, d, "day", approximate=True, relative=True)
        if unit == "month":
            d = add_months(base, sign * n)
            hi = d.replace(day=calendar.monthrange(d.year, d.month)[1])
            return _Hit(m.start(), m.end(), d.replace(day=1), hi, "month", approximate=True, relative=True)
        year = base.year + sign * n
        return _Hit(m.start(), m.end(), dt.date(year, 1, 1), dt.date(year, 12, 31), "year", approximate=True, relative=True)
    if kind == "nextday":
        if anchor is None:
            return None
        word = g[0].lower()
        sign = 1 if ("next" in word or "following" in word or "after" in word) else -1
        d = anchor + dt.timedelta(days=sign)
        return _Hit(m.start(), m.end(), d, d, "day", relative=True)
    return None


_ON_BEFORE = re.compile(r"\b(?:on|since|by|until|from|before|after|through|late|early|this)\s+$", _F)


def _on_before(text: str, start: int) -> bool:
    """A bare weekday counts only after a preposition ("met on Monday"), not in names."""
    return bool(_ON_BEFORE.search(text, max(0, start - 10), start))


def _apply_qualifiers(hit: _Hit, text: str) -> None:
    """'around June 2010', 'early August', 'mid-October': mark approximate and take the words in."""
    window_start = max(0, hit.start - 40)
    left = text[window_start:hit.start]
    m = _PART_BEFORE.search(left)
    if m and hit.precision in ("month", "year"):
        hit.approximate = True
        hit.start = window_start + m.start()
        left = text[max(0, hit.start - 40):hit.start]
        window_start = max(0, hit.start - 40)
    m = _APPROX_BEFORE.search(left)
    if m:
        hit.approximate = True
        hit.start = window_start + m.start()


_ANY_DATE_WORD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|spring|summer|fall|autumn|winter|day\b|night|"
    r"today|tomorrow|yesterday|morning|afternoon|evening|tonight|week|month|year|later|earlier|ago|before|after", _F)


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, without overlaps.

    ``reference`` is the cable's date: it supplies missing years and resolves "yesterday",
    "on Monday", "last week".  "Six months later" is resolved against the nearest date
    mentioned before it in the same text (or the reference when there is none)."""
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    if not _ANY_DATE_WORD.search(text):
        return []  # no digit, month, season, weekday or relative word: nothing to read
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            hit = _absolute(kind, m, text, reference)
            if hit is None:
                continue
            _apply_qualifiers(hit, text)
            taken.append((hit.start, hit.end))
            hits.append(hit)
    # Relative expressions need the dates before them as anchors: resolve in text order.
    candidates = []
    for kind, pattern in _RELATIVE:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                candidates.append((m.start(), kind, m))
    candidates.sort(key=lambda c: c[0])
    for start, kind, m in candidates:
        if not free(m.start(), m.end()):
            continue
        before = [h for h in hits if h.end <= start]
        anchor = max(before, key=lambda h: h.end).lo if before else reference
        hit = _relative(kind, m, text, reference, anchor)
        if hit is None:
            continue
        taken.append((hit.start, hit.end))
        hits.append(hit)
    hits.sort(key=lambda h: h.start)
    out = []
    for h in hits:
        edtf = h.edtf()
        lo, hi = edtf_bounds(edtf)
        out.append(DateMention(h.start, h.end, text[h.start:h.end], edtf, lo, hi, h.relative, h.approximate))
    return out
