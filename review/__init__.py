"""报告审查 (review): read published 法治政府建设年度报告, extract and check figures.

Pure Python: no Django import anywhere in this package, so the command-line
tool runs on a laptop with only the standard library and a few pure packages.

    >>> from review import read_document, analyse_text, check
    >>> report = analyse_text("睢县.txt", text)
    >>> [f.value for f in report.figures]
"""

from __future__ import annotations

from review.checks import Finding, check
from review.compare import compare
from review.evaluate import evaluate
from review.pipeline import Report, analyse_document, analyse_file, analyse_text, extract_figures
from review.reading import Document, ReadError, read_bytes, read_document

__all__ = [
    "Document",
    "Finding",
    "ReadError",
    "Report",
    "analyse_document",
    "analyse_file",
    "analyse_text",
    "check",
    "compare",
    "evaluate",
    "extract_figures",
    "read_bytes",
    "read_document",
]
