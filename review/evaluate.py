"""Score extraction against gold annotations (the schema of seeds/gold/)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from review.catalog import Catalog, load_catalog
from review.figures import Figure
from review.normalize import normalize
from review.pipeline import Report, analyse_text
from review.reading import decode_text
from review.structure import PARTS


@dataclass
class DocScore:
    source: str
    gold_figures: int = 0
    predicted_figures: int = 0
    matched: int = 0
    indicator_correct: int = 0  # matched figures whose id equals gold (null = null included)
    gold_ids: int = 0  # matched figures with a gold id
    gold_ids_right: int = 0  # … of which the id given is that id
    ids_given: int = 0  # matched figures given an id
    ids_given_right: int = 0  # … of which the id is gold's
    parts_scored: bool = True  # False when gold's statutory_parts is null (an excerpt)
    sections_gold: int = 0
    sections_found: int = 0
    sections_correct: int = 0
    parts_agree: int = 0
    identities_gold: int = 0
    identities_agree: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[Figure] = field(default_factory=list)
    wrong_indicator: list[tuple[dict[str, Any], Figure]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted_figures if self.predicted_figures else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_figures if self.gold_figures else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def indicator_agreement(self) -> float:
        """Matched figures whose id equals gold's, null = null counted as right."""
        return self.indicator_correct / self.matched if self.matched else 1.0

    @property
    def indicator_accuracy(self) -> float:
        """Right id over the gold ids of matched figures."""
        return self.gold_ids_right / self.gold_ids if self.gold_ids else 1.0

    @property
    def indicator_precision(self) -> float:
        """Right id over the ids given to matched figures (a wrong id is worse than none)."""
        return self.ids_given_right / self.ids_given if self.ids_given else 1.0


@dataclass
class EvalResult:
    documents: list[DocScore]

    def total(self) -> DocScore:
        t = DocScore(source="total")
        for d in self.documents:
            for name in (
                "gold_figures",
                "predicted_figures",
                "matched",
                "indicator_correct",
                "gold_ids",
                "gold_ids_right",
                "ids_given",
                "ids_given_right",
                "sections_gold",
                "sections_found",
                "sections_correct",
                "parts_agree",
                "identities_gold",
                "identities_agree",
            ):
                setattr(t, name, getattr(t, name) + getattr(d, name))
        return t

    def lines(self) -> list[str]:
        out = [_line(d) for d in self.documents]
        t = self.total()
        out.append(
            f"figures P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f} "
            f"indicators acc={t.indicator_accuracy:.3f} prec={t.indicator_precision:.3f}"
        )
        return out


def _line(d: DocScore) -> str:
    return (
        f"{d.source}: figures P={d.precision:.3f} R={d.recall:.3f} F1={d.f1:.3f} "
        f"(gold {d.gold_figures}, found {d.predicted_figures}, matched {d.matched}) "
        f"indicators acc={d.indicator_accuracy:.3f} prec={d.indicator_precision:.3f} "
        f"sections {d.sections_correct}/{d.sections_gold} (found {d.sections_found}) "
        f"parts {f'{d.parts_agree}/{len(PARTS)}' if d.parts_scored else '-'} "
        f"identities {d.identities_agree}/{d.identities_gold}"
    )


def locate_spans(text: str, spans: list[str]) -> list[tuple[int, int]]:
    """Offsets of gold spans, searched in text order (a repeated span may recur in place)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    prev = None
    for span in spans:
        start_from = out[-1][0] if prev == span and out else cursor
        pos = text.find(span, start_from)
        if pos < 0:
            pos = text.find(span)
        if pos < 0:
            out.append((-1, -1))
            continue
        out.append((pos, pos + len(span)))
        cursor = pos + 1
        prev = span
    return out


def _same_value(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def match_figures(
    gold: list[dict[str, Any]], gold_pos: list[tuple[int, int]], predicted: list[Figure]
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index): same value, unit and qualifier, overlapping spans."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        gs, ge = gold_pos[gi]
        if gs < 0:
            continue
        best = None
        best_d = None
        for pi, p in enumerate(predicted):
            if pi in used:
                continue
            if p.start >= ge or p.end <= gs:
                continue
            if p.unit != g["unit"] or p.qualifier != g.get("qualifier"):
                continue
            if not _same_value(p.value, g["value"]):
                continue
            d = abs(p.number_start - gs)
            if g.get("number_text"):
                k = g["span"].find(g["number_text"])
                if k >= 0:
                    d = abs(p.number_start - (gs + k))
            if best_d is None or d < best_d:
                best, best_d = pi, d
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _norm_marker(marker: str) -> str:
    return re.sub(r"\s", "", marker).replace("（", "(").replace("）", ")")


def score_document(gold: dict[str, Any], text: str, catalog: Catalog) -> DocScore:
    from review.checks import identity_results

    report: Report = analyse_text(gold.get("source", ""), text, catalog=catalog)
    d = DocScore(source=gold.get("source", ""))
    gfigs = gold.get("figures", [])
    d.gold_figures = len(gfigs)
    d.predicted_figures = len(report.figures)
    pos = locate_spans(report.text, [normalize(g["span"]) for g in gfigs])
    pairs = match_figures(gfigs, pos, report.figures)
    d.matched = len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        gold_id = gfigs[gi].get("indicator")
        given = report.figures[pi].indicator
        right = gold_id == given
        d.indicator_correct += right
        d.gold_ids += gold_id is not None
        d.gold_ids_right += gold_id is not None and right
        d.ids_given += given is not None
        d.ids_given_right += given is not None and right
        if not right:
            d.wrong_indicator.append((gfigs[gi], report.figures[pi]))
    d.missed = [g for i, g in enumerate(gfigs) if i not in matched_g]
    d.spurious = [p for i, p in enumerate(report.figures) if i not in matched_p]
    gsecs = [
        (_norm_marker(s["marker"]), s["title"], s.get("part")) for s in gold.get("sections", [])
    ]
    psecs = [(_norm_marker(s.marker), s.title, s.part) for s in report.structure.sections]
    d.sections_gold = len(gsecs)
    d.sections_found = len(psecs)
    d.sections_correct = sum(1 for s in gsecs if s in psecs)
    gparts = gold.get("statutory_parts")
    if isinstance(gparts, dict):
        d.parts_agree = sum(
            1 for p in PARTS if bool(gparts.get(p)) == report.structure.statutory_parts.get(p)
        )
    else:  # an excerpt: whether a statutory part is present is not annotated
        d.parts_scored = False
    results = identity_results(report, catalog)
    by_id: dict[str, list[bool]] = {}
    for r in results:
        by_id.setdefault(r.identity, []).append(r.holds)
    for gid in gold.get("identities", []):
        if gid.get("identity") == "custom":
            continue
        d.identities_gold += 1
        if gid.get("holds") in by_id.get(gid["identity"], []):
            d.identities_agree += 1
    return d


def evaluate(gold_dir: str | Path, catalog: Catalog | None = None) -> EvalResult:
    """Score every gold file of gold_dir against the text with the same stem in gold_dir/..."""
    catalog = catalog or load_catalog()
    gdir = Path(gold_dir)
    docs: list[DocScore] = []
    for gpath in sorted(gdir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if "figures" not in gold:
            continue
        src = gdir.parent / (gold.get("source") or gpath.with_suffix(".txt").name)
        if not src.exists():
            src = gdir.parent / gpath.with_suffix(".txt").name
        text = decode_text(src.read_bytes())
        docs.append(score_document(gold, text, catalog))
    return EvalResult(documents=docs)
