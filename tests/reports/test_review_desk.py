"""报告审查台: who may use it, upload errors in Chinese, findings and figures per file, and the
comparison (table, chart data, xlsx) for two or more files. Seeds are read from ../shared at run
time, never copied into the project."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.reports import review_desk

URL = "reports:review_desk"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _review_right_away(settings) -> None:  # noqa: ANN001
    """The desk queues a background batch; the immediate backend reviews it within the POST,
    and following the redirect shows the result page."""
    settings.TASKS = IMMEDIATE


@pytest.fixture
def seeds(shared_dir: Path) -> list[Path]:
    files = sorted((shared_dir / "seeds").glob("00*.txt"))
    assert len(files) >= 4, "../shared/seeds 应至少有 4 份 00*.txt 报告"
    return files


def _upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), "text/plain")


def test_desk_is_for_coordinators_leaders_and_superior_viewers(
    client, coordinator, head, reader, officer, outsider
) -> None:
    url = reverse(URL)
    assert client.get(url).status_code == 302  # login first
    for user in (coordinator, head, reader):
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == 200
        assert "不会保存在服务器上" in page.content.decode()
    for user in (officer, outsider):  # department staff
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_nav_links_to_the_desk_only_for_those_who_may_use_it(client, coordinator, officer) -> None:
    client.force_login(coordinator)
    assert reverse(URL) in client.get(reverse("reports:list")).content.decode()
    client.force_login(officer)
    assert reverse(URL) not in client.get(reverse("reports:list")).content.decode()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "或选择至少一个报告文件（.txt、.docx、.pdf 或 .html）上传"),
        ([SimpleUploadedFile("空.txt", b"", "text/plain")], "文件“空.txt”是空的"),
        (
            [SimpleUploadedFile("表.xlsx", b"PK\x03\x04xx", "application/octet-stream")],
            "文件“表.xlsx”的类型不支持",
        ),
    ],
)
def test_bad_uploads_get_a_chinese_message(client, coordinator, files, message) -> None:
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {"report_files": files})
    assert resp.status_code == 422
    assert message in resp.content.decode()


def test_too_large_file_is_refused(client, coordinator, monkeypatch) -> None:
    monkeypatch.setattr(review_desk, "MAX_FILE_BYTES", 100)
    client.force_login(coordinator)
    big = SimpleUploadedFile("大.txt", "法治".encode() * 100, "text/plain")
    resp = client.post(reverse(URL), {"report_files": [big]})
    assert resp.status_code == 422
    assert "超过每个文件" in resp.content.decode()


def test_unreadable_files_are_findings_not_errors(client, coordinator) -> None:
    client.force_login(coordinator)
    bad_docx = SimpleUploadedFile("坏.docx", b"PK\x03\x04" + b"\x00" * 50, "application/zip")
    scan = SimpleUploadedFile("扫描.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    resp = client.post(reverse(URL), {"report_files": [bad_docx, scan]}, follow=True)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "无法打开 Word 文件" in html
    assert "无法读取 PDF 文件" in html or "没有可提取的文字层" in html
    assert 'id="comparison"' not in html  # nothing readable to compare


def test_one_seed_shows_structure_parts_findings_and_figures(client, coordinator, seeds) -> None:
    from review import analyse_file, check

    expected = analyse_file(seeds[0])
    findings = check(expected)
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {"report_files": [_upload(seeds[0])]}, follow=True)
    assert resp.status_code == 200
    html = resp.content.decode()
    if expected.structure.title:
        assert expected.structure.title in html
    assert f"提取的数据（{len(expected.figures)} 项）" in html
    assert expected.figures[0].span in html
    for f in findings:
        assert f.message.split("：")[0] in html
    assert 'id="comparison"' not in html  # a single file is not compared
    if any(f.scope for f in expected.figures):  # 每月一次 is a frequency, not an indicator
        assert "频次或最低标准（不计入指标）" in html
    ctx = resp.context["result"].files[0]
    assert [ok for _, ok in ctx.parts] == [
        bool(expected.structure.statutory_parts.get(k))
        for k in ("achievements", "shortcomings", "leader_duties", "next_year", "other")
    ]


def test_several_seeds_are_compared_with_chart_and_xlsx(client, coordinator, seeds) -> None:
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {"report_files": [_upload(p) for p in seeds]}, follow=True)
    assert resp.status_code == 200
    html = resp.content.decode()
    result = resp.context["result"]
    labels = [f.label for f in result.files]
    assert [f.file_name for f in result.files] == [p.name for p in seeds]
    assert result.comparison.sources == labels  # issuer and year, never the file name
    assert labels[0] == "睢县人民政府办公室 2023年" and labels[3] == "确山县人民政府 2022年"
    assert 'id="comparison-table"' in html and "echarts.min.js" in html
    chart = json.loads(re.search(r'id="chart-data"[^>]*>(.*?)</script>', html, re.S).group(1))
    assert chart and all(len(c["x"]) >= 2 for c in chart)
    outliers = [c for r in result.comparison.rows for c in r.cells.values() if c.outlier]
    assert html.count("异常</span>") == len(outliers)
    coverage = [sum(1 for c in row["cells"] if c) for row in result.table]
    assert coverage == sorted(coverage, reverse=True) and len(coverage) == len(
        result.comparison.rows
    )
    head = html.split('id="comparison-table"')[1].split("</thead>")[0]
    for label, file_name in result.heads:  # the label, the file name small beneath it
        assert f'<th data-label="{label}">{label}<br><span' in head and file_name in head
    chart_labels = {x for c in chart for x in c["x"]}
    assert chart_labels <= set(labels) and not any(p.name in chart_labels for p in seeds)
    m = re.search(r'href="data:[^;]+;base64,([A-Za-z0-9+/=]+)"', html)
    xlsx = zipfile.ZipFile(io.BytesIO(base64.b64decode(m.group(1))))
    sheet = xlsx.read("xl/sharedStrings.xml").decode()
    assert "指标对比" in xlsx.read("xl/workbook.xml").decode()
    assert labels[0] in sheet and seeds[0].name not in sheet


def test_same_name_twice_and_docx_upload(client, coordinator, seeds, tmp_path) -> None:
    document = docx.Document()
    for line in seeds[1].read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    client.force_login(coordinator)
    files = [
        _upload(seeds[0], "报告.txt"),
        _upload(seeds[1], "报告.txt"),
        SimpleUploadedFile("报告.docx", buf.getvalue(), "application/octet-stream"),
    ]
    resp = client.post(reverse(URL), {"report_files": files}, follow=True)
    result = resp.context["result"]
    assert [f.file_name for f in result.files] == ["报告.txt", "报告.txt", "报告.docx"]
    txt, docx_fr = result.files[1], result.files[2]
    assert [f.value for f in docx_fr.report.figures] == [f.value for f in txt.report.figures]
    # seeds[1] twice (as .txt and as .docx): the same issuer and year, told apart by （2）
    first = result.files[0].label
    assert result.comparison.sources == [
        first,
        "平顶山市人民政府办公室 2021年",
        "平顶山市人民政府办公室 2021年（2）",
    ]
