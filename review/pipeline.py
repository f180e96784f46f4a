"""From a document to a report: structure and mapped figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from review.catalog import Catalog, load_catalog
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
    structure = analyse(text)
    catalog = catalog or load_catalog()
    figures = relate(text, map_figures(text, find_figures(text), catalog), catalog)
    for fig in figures:
        sec = structure.section_at(fig.number_start)
        if sec is not None:
            fig.section = f"{sec.marker}{sec.title}"
            fig.part = sec.part
        else:
            fig.section = ""
            fig.part = None
    return Report(source=source, text=text, structure=structure, figures=figures)


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
