"""From a document to a report: structure and mapped figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from review.catalog import Catalog, load_catalog
from review.chinese import fold_traditional
from review.figures import Figure, find_figures
from review.grouping import relate
from review.mapping import map_figures
from review.reading import Document, ReadError, read_document
from review.structure import Structure, analyse


@dataclass
class Report:
    source: str
    text: str
    structure: Structure
    figures: list[Figure] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    format: str = "txt"


def extract_figures(text: str, catalog: Catalog | None = None) -> list[Figure]:
    """Figures of a normalised text, with indicator, section and statutory part."""
    return analyse_text("", text, catalog=catalog).figures


def analyse_text(source: str, text: str, catalog: Catalog | None = None) -> Report:
    from review.normalize import normalize

    text = normalize(text)
    # Rules and vocabulary are written in simplified characters: read a folded copy (same
    # length, so offsets carry over) and quote spans, units and titles as printed.
    folded = fold_traditional(text)
    structure = analyse(folded)
    catalog = catalog or load_catalog()
    figures = relate(folded, map_figures(folded, find_figures(folded), catalog), catalog)
    if folded != text:
        _as_printed(text, folded, structure, figures)
    for fig in figures:
        sec = structure.section_at(fig.number_start)
        if sec is not None:
            fig.section = f"{sec.marker}{sec.title}"
            fig.part = sec.part
        else:
            fig.section = ""
            fig.part = None
    return Report(source=source, text=text, structure=structure, figures=figures)


def _printed(text: str, folded: str, value: str, near: int) -> str:
    """value (a piece of the folded text found at or after near) as printed in text."""
    if not value:
        return value
    pos = folded.find(value, max(0, near))
    if pos < 0:
        pos = folded.find(value)
    return text[pos : pos + len(value)] if pos >= 0 else value


def _as_printed(text: str, folded: str, structure: Structure, figures: list[Figure]) -> None:
    for f in figures:
        f.span = text[f.start : f.end]
        n = len(f.number_text)
        if folded[f.number_start : f.number_start + n] == f.number_text:
            f.number_text = text[f.number_start : f.number_start + n]
        u = len(f.unit)
        if folded[f.number_end - u : f.number_end] == f.unit:
            f.unit = text[f.number_end - u : f.number_end]
    for h in structure.headings:
        h.marker = _printed(text, folded, h.marker, h.start)
        h.title = _printed(text, folded, h.title, h.start)
    structure.title = _printed(text, folded, structure.title, 0)
    if structure.issuer is not None:
        structure.issuer = _printed(text, folded, structure.issuer, 0)
    if structure.recipient is not None:
        structure.recipient = _printed(text, folded, structure.recipient, 0)


def analyse_document(doc: Document, catalog: Catalog | None = None) -> Report:
    report = analyse_text(doc.source, doc.text, catalog=catalog)
    report.problems = list(doc.problems)
    report.format = doc.format
    return report


def analyse_file(path: str | Path, catalog: Catalog | None = None) -> Report:
    """Read and analyse one file; a file that cannot be read gives a report with a problem."""
    try:
        doc = read_document(path)
    except ReadError as exc:
        return Report(source=Path(path).name, text="", structure=Structure(), problems=[str(exc)])
    return analyse_document(doc, catalog=catalog)
