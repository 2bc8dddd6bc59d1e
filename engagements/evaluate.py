"""Score a built dataset against gold answers (the format of ../shared/gold/README.md).

Matching rules, stated once here because every score depends on them:

* Only cables that have a gold file are scored; a gold cable missing from the data counts all its
  gold records as misses.
* **Meetings** match within a cable on date and venue country.  Dates are compatible when their
  EDTF strings are equal or their bounds overlap; a null date or country on either side is
  compatible but scores lower, so exact matches pair first (greedy on the pair score).
* **Leads** are (country, level) pairs of matched meetings; a predicted meeting with no gold
  partner makes all its leads false hits.
* **Participants** of matched meetings: a gold lead is also a participant (a chair attends), so
  the gold set is the participants list plus any lead not in it.  People match on country and
  surname, or on country and title words when the gold gives no name.
* **Requests** match on (cable, requester country, item) as multisets.
* **Dialogues** match within a cable on acronym, or on name words (Jaccard >= 0.5 or one name
  inside the other), with intersecting parties.
* **Cable fields** are exact after light normalisation (case and white space for free text,
  set equality for references and reasons).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from engagements.errors import GoldFormatError

CABLE_FIELDS = (
    "origin", "classification", "created", "precedence", "subject", "tags", "references", "signer",
    "classified_by", "reasons", "declassify_on", "to", "info", "paragraphs",
)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0 if not self.fn else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    cables: int = 0
    missing_cables: list[str] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=dict)
    field_correct: Counter = field(default_factory=Counter)
    field_total: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)

    def score(self, family: str) -> Score:
        return self.scores.setdefault(family, Score())

    def miss(self, family: str, kind: str, cable_id: str, what) -> None:
        self.misses.append({"family": family, "kind": kind, "cable_id": cable_id, "record": what})

    def field_accuracy(self) -> dict[str, float]:
        return {f: round(self.field_correct[f] / self.field_total[f], 4) for f in CABLE_FIELDS if self.field_total[f]}

    def as_dict(self) -> dict:
        return {
            "cables": self.cables,
            "missing_cables": self.missing_cables,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "cable_fields": self.field_accuracy(),
            "misses": self.misses,
        }

    def to_text(self, misses: bool = True) -> str:
        lines = [f"cables scored: {self.cables}" + (f" (missing from data: {', '.join(self.missing_cables)})" if self.missing_cables else ""), ""]
        lines.append(f"{'family':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
        for name, s in self.scores.items():
            lines.append(f"{name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        lines += ["", "cable field accuracy:"]
        lines += [f"  {f:<16}{acc:.3f}  ({self.field_correct[f]}/{self.field_total[f]})" for f, acc in self.field_accuracy().items()]
        if misses and self.misses:
            lines += ["", "misses (FN) and false hits (FP):"]
            for m in self.misses:
                lines.append(f"  {m['kind']} {m['family']:<12} {m['cable_id']:<18} {json.dumps(m['record'], ensure_ascii=False, default=str)[:220]}")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Inputs


def load_gold(paths: list[Path]) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    for path in paths:
        files = sorted(Path(path).glob("*.json")) if Path(path).is_dir() else [Path(path)]
        for f in files:
            try:
                doc = json.loads(f.read_text(encoding="utf-8"))
                gold[doc["cable_id"]] = doc
            except (OSError, ValueError, KeyError) as exc:
                raise GoldFormatError(f"{f}: not a gold answer file ({exc})") from exc
    return gold


def build_gold_sources(gold: dict[str, dict], shared_root: Path, out_dir: Path) -> Path:
    """Build just the files the gold answers were made from (their ``source``, under shared_root)."""
    from engagements.pipeline import build

    files = []
    for cable_id, doc in sorted(gold.items()):
        src = doc.get("source")
        if not src or not (shared_root / src).exists():
            raise GoldFormatError(f"gold for {cable_id}: source file {src!r} not found under {shared_root}")
        files.append(shared_root / src)
    build(files, out_dir, workers=1, progress=False)
    return out_dir


def _rows(data_dir: Path, name: str) -> list[dict]:
    path = data_dir / f"{name}.parquet"
    return pq.read_table(path).to_pylist() if path.exists() else []


def _group(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


# ---------------------------------------------------------------------------------------------
# Matching helpers

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower())) - {"the", "of", "and", "for", "on", "a", "to", "in", "with"}


def _bounds(edtf: str | None) -> tuple[dt.date, dt.date] | None:
    from engagements.extract.dates import edtf_bounds

    if not edtf:
        return None
    lo, hi = edtf_bounds(edtf)
    return (lo, hi) if lo and hi else None


def _date_score(gold: str | None, pred: str | None) -> int:
    if gold and pred and gold == pred:
        return 3
    if not gold or not pred:
        return 1
    g, p = _bounds(gold), _bounds(pred)
    return 2 if g and p and g[0] <= p[1] and p[0] <= g[1] else 0


def _country_score(gold: str | None, pred: str | None) -> int:
    if gold and pred:
        return 2 if gold == pred else 0
    return 1


def _greedy(golds: list, preds: list, score) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) by descending positive score, each used once."""
    cands = sorted(((score(g, p), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, i, j in cands:
        if s > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _meeting_pair_score(g: dict, p: dict) -> int:
    d, c = _date_score(g.get("date"), p.get("date_edtf")), _country_score(g.get("country"), p.get("country_code"))
    return 0 if d == 0 or c == 0 else d * 3 + c


def _surname(name: str | None) -> str | None:
    words = _WORD.findall((name or "").lower())
    return words[-1] if words else None


def _person_score(g: dict, p: dict) -> int:
    if (g.get("country") or None) != (p.get("country_code") or None):
        return 0
    if g.get("name") and p.get("name"):
        return 3 if _surname(g["name"]) == _surname(p["name"]) else 0
    gw, pw = _words(g.get("title")), _words(p.get("title"))
    return 1 if gw and pw and len(gw & pw) / len(gw | pw) >= 0.5 else 0


def _dialogue_score(g: dict, p: dict) -> int:
    if set(g.get("countries") or []) and set(p.get("country_codes") or []) and not set(g["countries"]) & set(p["country_codes"]):
        return 0
    if g.get("acronym") and p.get("acronym") and g["acronym"].lower() == p["acronym"].lower():
        return 3
    gn, pn = (g.get("name") or "").lower(), (p.get("name") or "").lower()
    gw, pw = _words(gn), _words(pn)
    if gn and pn and (gn in pn or pn in gn):
        return 2
    return 1 if gw and pw and len(gw & pw) / len(gw | pw) >= 0.5 else 0


# ---------------------------------------------------------------------------------------------
# Scoring


def evaluate(gold_paths: list[Path], data_dir: Path | None = None, *, shared_root: Path | None = None) -> Report:
    """Score ``data_dir`` (or a fresh build of the gold's own source files under ``shared_root``)."""
    gold = load_gold([Path(p) for p in gold_paths])
    if data_dir is None:
        if shared_root is None:
            raise GoldFormatError("give a data folder, or the shared root to build the gold's sources from")
        with tempfile.TemporaryDirectory(prefix="engagements-eval-") as tmp:
            return score(gold, build_gold_sources(gold, Path(shared_root), Path(tmp)))
    return score(gold, Path(data_dir))


def score(gold: dict[str, dict], data_dir: Path) -> Report:
    report = Report()
    cables = {r["cable_id"]: r for r in _rows(data_dir, "cables")}
    paragraphs = _group(_rows(data_dir, "paragraphs"), "cable_id")
    meetings = _group(_rows(data_dir, "meetings"), "cable_id")
    participants = _group(_rows(data_dir, "meeting_participants"), "meeting_id")
    requests = _group(_rows(data_dir, "requests"), "cable_id")
    dialogues = {r["dialogue_id"]: r for r in _rows(data_dir, "dialogues")}
    mentions = _group(_rows(data_dir, "dialogue_mentions"), "cable_id")
    for cable_id, g in sorted(gold.items()):
        report.cables += 1
        if cable_id not in cables:
            report.missing_cables.append(cable_id)
        _score_fields(report, cable_id, g["cable"], cables.get(cable_id), paragraphs.get(cable_id, []))
        _score_meetings(report, cable_id, g.get("meetings", []), meetings.get(cable_id, []), participants)
        _score_requests(report, cable_id, g.get("requests", []), requests.get(cable_id, []))
        preds = [dialogues[m["dialogue_id"]] for m in mentions.get(cable_id, []) if m["dialogue_id"] in dialogues]
        _score_pairs(report, "dialogues", cable_id, g.get("dialogues", []), preds, _dialogue_score, lambda d: {"name": d.get("name"), "acronym": d.get("acronym")})
    return report


def _score_pairs(report, family, cable_id, golds, preds, pair_score, show) -> list[tuple[int, int]]:
    pairs = _greedy(golds, preds, pair_score)
    s = report.score(family)
    s.tp += len(pairs)
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(golds):
        if i not in matched_g:
            s.fn += 1
            report.miss(family, "FN", cable_id, show(g))
    for j, p in enumerate(preds):
        if j not in matched_p:
            s.fp += 1
            report.miss(family, "FP", cable_id, show(p))
    return pairs


def _score_meetings(report, cable_id, golds, preds, participants) -> None:
    def show(m):
        return {k: m.get(k) for k in ("date", "date_edtf", "city", "country", "country_code", "status") if m.get(k) is not None}

    pairs = _score_pairs(report, "meetings", cable_id, golds, preds, _meeting_pair_score, show)
    leads = report.score("leads")
    people = report.score("participants")
    partner = {i: j for i, j in pairs}
    matched_p = set(partner.values())
    for j, p in enumerate(preds):
        if j not in matched_p:
            pred_people = participants.get(p["meeting_id"], [])
            leads.fp += sum(1 for x in pred_people if x["role"] == "lead")
            people.fp += len(pred_people)
    for i, g in enumerate(golds):
        pred_people = participants.get(preds[partner[i]]["meeting_id"], []) if i in partner else []
        gold_leads = Counter((x.get("country"), x.get("level")) for x in g.get("leads", []))
        pred_leads = Counter((x["country_code"], x["level"]) for x in pred_people if x["role"] == "lead")
        hit = sum((gold_leads & pred_leads).values())
        leads.tp += hit
        leads.fn += sum(gold_leads.values()) - hit
        leads.fp += sum(pred_leads.values()) - hit
        for key in gold_leads - pred_leads:
            report.miss("leads", "FN", cable_id, {"meeting_date": g.get("date"), "country": key[0], "level": key[1]})
        for key in pred_leads - gold_leads:
            report.miss("leads", "FP", cable_id, {"meeting_date": g.get("date"), "country": key[0], "level": key[1]})
        gold_people = list(g.get("participants", []))
        for lead in g.get("leads", []):
            if not any(_person_score(lead, {"country_code": q.get("country"), "name": q.get("name"), "title": q.get("title")}) for q in gold_people):
                gold_people.append(lead)
        ppairs = _greedy(gold_people, pred_people, _person_score)
        people.tp += len(ppairs)
        people.fn += len(gold_people) - len(ppairs)
        people.fp += len(pred_people) - len(ppairs)


def _score_requests(report, cable_id, golds, preds) -> None:
    gk = Counter((g.get("requester_country"), g.get("item")) for g in golds)
    pk = Counter((p["requester_country_code"], p["item"]) for p in preds)
    s = report.score("requests")
    hit = gk & pk
    s.tp += sum(hit.values())
    s.fn += sum((gk - pk).values())
    s.fp += sum((pk - gk).values())
    for key in gk - pk:
        report.miss("requests", "FN", cable_id, {"requester_country": key[0], "item": key[1]})
    for key in pk - gk:
        report.miss("requests", "FP", cable_id, {"requester_country": key[0], "item": key[1]})


def _norm_text(v) -> str | None:
    return re.sub(r"\s+", " ", str(v)).strip().lower() if v not in (None, "") else None


def _predicted_fields(row: dict, paragraphs: list[dict]) -> dict:
    created = row.get("created_datetime")
    return {
        "origin": row.get("origin_code"),
        "classification": row.get("classification"),
        "created": created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ") if created else None,
        "precedence": row.get("precedence"),
        "subject": row.get("subject"),
        "tags": row.get("tags") or [],
        "references": row.get("references") or [],
        "signer": row.get("signer"),
        "classified_by": row.get("classified_by"),
        "reasons": row.get("classification_reasons") or [],
        "declassify_on": row["declassify_on"].isoformat() if row.get("declassify_on") else None,
        "to": row.get("to_addressees") or [],
        "info": row.get("info_addressees") or [],
        "paragraphs": [
            {"number": p.get("printed_number", p["paragraph_number"]), "marking": p["marking"]}
            for p in sorted(paragraphs, key=lambda p: p["char_start"])
            if p["is_numbered"]
        ],
    }


def _same(name: str, gold, pred) -> bool:
    if name in ("references", "reasons"):
        return set(gold or []) == set(pred or [])
    if name in ("tags", "to", "info", "paragraphs"):
        return (gold or []) == (pred or [])
    if name in ("subject", "classified_by", "signer", "origin", "classification", "precedence"):
        return _norm_text(gold) == _norm_text(pred)
    return gold == pred


def _score_fields(report: Report, cable_id: str, gold: dict, row: dict | None, paragraphs: list[dict]) -> None:
    pred = _predicted_fields(row, paragraphs) if row else {}
    for name in CABLE_FIELDS:
        if name not in gold:
            continue
        report.field_total[name] += 1
        if row and _same(name, gold[name], pred.get(name)):
            report.field_correct[name] += 1
        else:
            report.miss(f"cable.{name}", "MISMATCH", cable_id, {"gold": gold[name], "got": pred.get(name)})
