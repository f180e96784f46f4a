"""Reading .txt (UTF-8, GB18030), .docx (paragraphs and tables), .pdf and .html."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from review_helpers import seed_path

from review import ReadError, analyse_file, read_bytes, read_document

SAMPLE = (
    "示例县2024年度法治政府建设工作报告\n一、主要成效\n全年共收到行政复议申请152件，受理130件。\n"
)


def _docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_txt_utf8_and_gb18030_read_the_same() -> None:
    a = read_bytes("a.txt", SAMPLE.encode("utf-8"))
    b = read_bytes("b.txt", SAMPLE.encode("gb18030"))
    c = read_bytes("c.txt", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert a.text == b.text == c.text == SAMPLE


def test_fullwidth_digits_are_folded_without_moving_offsets() -> None:
    doc = read_bytes("a.txt", "审查通过率１００％，修改　５件。".encode())
    assert doc.text == "审查通过率100%，修改 5件。"


def test_docx_paragraphs_and_tables() -> None:
    data = _docx_bytes(
        ["示例县2024年度法治政府建设工作报告", "一、主要成效", "全年共收到行政复议申请152件。"],
        table=[["指标", "数量"], ["受理行政复议案件", "130件"]],
    )
    doc = read_bytes("r.docx", data)
    assert doc.format == "docx"
    assert "收到行政复议申请152件" in doc.text
    assert "受理行政复议案件 130件" in doc.text  # cells apart, tab folded to a space


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """.docx (python-docx) and .pdf (LibreOffice, one call for all) of the five seeds."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("需要 LibreOffice（soffice）生成测试用 PDF")
    tmp = tmp_path_factory.mktemp("seed_pdfs")
    sources = {}
    for prefix in ("000", "001", "002", "003", "004"):
        seed = seed_path(prefix)
        src = tmp / f"{seed.stem}.docx"
        src.write_bytes(_docx_bytes(seed.read_text(encoding="utf-8").split("\n")))
        sources[prefix] = src
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            *(str(src) for src in sources.values()),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {prefix: src.with_suffix(".pdf") for prefix, src in sources.items()}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_pdf_and_docx_of_a_seed_read_like_the_txt(prefix: str, seed_pdfs: dict[str, Path]) -> None:
    txt_report = analyse_file(seed_path(prefix))
    want = [(f.value, f.unit, f.qualifier) for f in txt_report.figures]
    for path in (seed_pdfs[prefix], seed_pdfs[prefix].with_suffix(".docx")):
        report = analyse_file(path)
        assert report.problems == [], path.name
        got = [(f.value, f.unit, f.qualifier) for f in report.figures]
        assert got == want, path.name
        assert [f.indicator for f in report.figures] == [f.indicator for f in txt_report.figures]
        st, want_st = report.structure, txt_report.structure
        assert (st.title, st.issuer, st.year, st.recipient) == (
            want_st.title,
            want_st.issuer,
            want_st.year,
            want_st.recipient,
        ), path.name
        assert [
            (s.marker, s.title.replace("“", "").replace("”", ""), s.part) for s in st.sections
        ] == [
            (s.marker, s.title.replace("“", "").replace("”", ""), s.part) for s in want_st.sections
        ], path.name
        assert st.statutory_parts == want_st.statutory_parts


def test_pdf_joins_hard_breaks(seed_pdfs: dict[str, Path]) -> None:
    assert "审结80件" in analyse_file(seed_pdfs["000"]).text  # no spaces or breaks inside


def test_pdf_without_text_layer_is_a_finding() -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    doc = read_bytes("scan.pdf", buf.getvalue())
    assert doc.problems and "文字层" in doc.problems[0]


def test_html() -> None:
    page = (
        "<html><head><meta charset='utf-8'><style>p{}</style></head><body>"
        "<h1>示例县2024年度法治政府建设工作报告</h1><p>一、主要成效</p>"
        "<p>共收到行政复议申请152件&nbsp;，受理130件。</p><script>var x=1;</script></body></html>"
    )
    doc = read_bytes("r.html", page.encode("utf-8"))
    assert doc.format == "html"
    assert "共收到行政复议申请152件" in doc.text
    assert "var x" not in doc.text


def test_missing_file_and_binary_garbage_give_clear_messages(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="找不到文件"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="不是文本文件"):
        read_bytes("x.txt", b"\x00\x01\x02" * 100)
    with pytest.raises(ReadError, match="Word"):
        read_bytes("x.docx", b"PK\x03\x04garbage")


def test_not_a_report_is_a_finding() -> None:
    doc = read_bytes("menu.txt", "今日菜单：红烧肉、清蒸鱼、米饭三碗。".encode())
    assert doc.problems


def test_pdf_lines_shorter_than_the_page_end_their_paragraph() -> None:
    from review.normalize import join_hard_breaks

    body = "示例县坚持依法行政，全面推进政务公开，规范行政执法行为，持续优化营商环境建"
    lines = [
        "示例县2024年度法治政府建设工作报告",  # a title: short, no full stop
        *[body] * 8,
        "一、主要成效",
        "（二）强化组织领导，完善工作机制",  # a heading followed by its paragraph
        "一是健全制度。" + body,
        "设，全年共受理复议申请152件。",
    ]
    out = join_hard_breaks("\n".join(lines)).split("\n")
    assert out[0] == lines[0]
    assert out[1] == body * 8  # full lines joined, up to the heading
    assert "（二）强化组织领导，完善工作机制" in out
    assert out[-1].endswith(body + "设，全年共受理复议申请152件。")


def test_displaced_pdf_quote_marks_are_all_dropped() -> None:
    from review.reading import _quotes_displaced

    assert _quotes_displaced("增强 “ ” 三个意识")
    assert _quotes_displaced("坚定“三个自信“，做到”两个维护”")
    assert not _quotes_displaced("坚定“三个自信”“两个维护”")
