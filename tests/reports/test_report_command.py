"""`manage.py annual_report` in every format; PDF through LibreOffice, and without it."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

R = "reconsideration."


def _run(fmt: str, out) -> None:
    call_command(
        "annual_report",
        "--jurisdiction",
        "990102",
        "--year",
        "2025",
        "--format",
        fmt,
        "--out",
        str(out),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def test_docx_html_json(fake, county, tmp_path) -> None:
    _run("docx", tmp_path / "r.docx")
    texts = [p.text for p in Document(str(tmp_path / "r.docx")).paragraphs]
    assert "示例县人民政府关于2025年度" in texts and "法治政府建设情况的报告" in texts
    _run("html", tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert (
        "<h2>一、主要举措和成效</h2>" in html
        and 'data-indicator="reconsideration.received"' in html
    )
    assert ">12件</span>" in html
    _run("json", tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    figs = {f["indicator"]: f for f in data["figures"]}
    assert figs[R + "received"]["value"] == 12 and figs[R + "received"]["row_count"] == 1
    assert figs[R + "correction_rate"]["basis"] == "纠错3件 ÷ 实体审结8件"
    assert (
        figs[R + "correction_rate"]["numerator"],
        figs[R + "correction_rate"]["denominator"],
    ) == (3, 8)
    assert [p["number"] for p in data["parts"]] == [1, 2, 3, 4, 5]


def test_pdf_through_libreoffice(fake, county, tmp_path) -> None:
    _run("pdf", tmp_path / "r.pdf")
    reader = PdfReader(str(tmp_path / "r.pdf"))
    text = "".join(page.extract_text() for page in reader.pages)
    text = "".join(text.split())
    assert "法治政府建设情况的报告" in text and "— 1 —".replace(" ", "") in text
    fonts = {
        str(f)
        for page in reader.pages
        for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
    }
    assert fonts  # embedded fonts exist
    # The substitutes have mainland (SC) glyph shapes: no face of the Japanese Noto CJK cut.
    faces = subprocess.run(
        ["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "BousungEG" in faces and "jp" not in faces.lower(), faces
    # Numbers sit against their Chinese unit: "12件", never "12 件" (LibreOffice's autospace).
    flat = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "申请12件" in flat and "12 件" not in flat
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_pdf_without_libreoffice_names_the_package_and_keeps_the_docx(
    fake, county, tmp_path, settings
) -> None:
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    with pytest.raises(CommandError, match="libreoffice-writer-nogui") as err:
        _run("pdf", tmp_path / "r.pdf")
    assert "Word" in str(err.value)
    assert (tmp_path / "r.docx").exists() and not (tmp_path / "r.pdf").exists()
