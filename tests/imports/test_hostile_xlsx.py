"""Hostile .xlsx uploads are refused before any grid is built, in bounded memory.

Each file is built here (a few KB of zip) and read in a child process under an address-space
limit, so a regression aborts the child, not the test run, and the child's peak RSS is measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.imports import hostile

ADDRESS_SPACE_LIMIT = 1536 * 1024 * 1024
RSS_LIMIT_MB = 400

CHILD = textwrap.dedent(
    """
    import json, resource, sys
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from fazhi.imports.excel import WorkbookError, read_rows
    data = open(sys.argv[1], "rb").read()
    try:
        headers, rows = read_rows(data)
        outcome = {"rows": len(rows), "columns": max((len(r) for r in rows), default=0)}
    except WorkbookError as exc:
        outcome = {"refused": str(exc)}
    # VmHWM (peak RSS of this image): ru_maxrss would carry the parent's peak across exec.
    status = open("/proc/self/status").read().split("VmHWM:")[1]
    outcome["rss_mb"] = int(status.split()[0]) / 1024
    print(json.dumps(outcome, ensure_ascii=False))
    """
)


def read_in_child(data: bytes, tmp_path: Path) -> dict:
    path = tmp_path / "upload.xlsx"
    path.write_bytes(data)
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", CHILD, str(path), str(ADDRESS_SPACE_LIMIT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"读取进程异常退出（{proc.returncode}）：{proc.stderr[-800:]}"
    outcome = json.loads(proc.stdout.strip().splitlines()[-1])
    assert outcome["rss_mb"] < RSS_LIMIT_MB, outcome
    return outcome


def test_declared_corner_xfd1048576_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    data = hostile.corner_cells("XFD1048576")
    assert len(data) < 2048
    outcome = read_in_child(data, tmp_path)
    assert outcome["refused"].startswith("表格过大（1048576行×16384列）")


def test_undeclared_far_cell_is_refused_by_its_reference(tmp_path: Path) -> None:
    outcome = read_in_child(hostile.corner_cells_undeclared("CV200001"), tmp_path)
    assert outcome["refused"].startswith("表格过大（200001行×100列）")


def test_cells_without_references_are_counted_by_position(tmp_path: Path) -> None:
    # (200,000 × 100 such cells inflate to 300 MB and are refused by the size cap first.)
    data = hostile.grid_without_refs(30_000, 100)
    assert len(data) < 200_000
    outcome = read_in_child(data, tmp_path)
    # refused as soon as the implied rectangle passes 1.5 million cells (row 15,001 of 100 columns)
    assert outcome["refused"].startswith("表格过大（15001行×100列）")
    assert "行数×列数不超过1500000" in outcome["refused"]


def test_a_member_that_inflates_past_the_limit_is_refused(tmp_path: Path) -> None:
    data = hostile.inflating_member(210)
    assert len(data) < 400_000
    outcome = read_in_child(data, tmp_path)
    assert outcome["refused"].startswith("文件解压后超过200MB")


def test_a_sheet_behind_an_unusual_path_is_checked_too(tmp_path: Path) -> None:
    data = hostile.xlsx(
        f'<row r="1">{hostile.inline("A1", "案号")}</row>'
        f'<row r="900000">{hostile.inline("B900000", "x")}</row>',
        target="elsewhere/data.xml",
    )
    outcome = read_in_child(data, tmp_path)
    assert outcome["refused"].startswith("表格过大（900000行×2列）")


def test_not_an_xlsx_is_refused_in_chinese() -> None:
    from fazhi.imports.excel import WorkbookError, read_rows

    with pytest.raises(WorkbookError, match="无法读取该文件"):
        read_rows(b"PK\x03\x04 not really a zip")


def test_the_largest_admitted_sheet_reads_under_400_mb(tmp_path: Path) -> None:
    """50,000 rows × 30 columns (the 1.5 million-cell cap) of short text is admitted and read."""
    cells = "".join(hostile.inline(None, f"第{i}列") for i in range(30))
    data = hostile.xlsx((f"<row>{cells}</row>" * 1000).encode() for _ in range(50))
    outcome = read_in_child(data, tmp_path)
    assert outcome.get("rows") == 49_999 and outcome["columns"] == 30, outcome


@pytest.mark.django_db
def test_the_upload_page_refuses_the_corner_file(officer, settings) -> None:  # noqa: ANN001
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client = Client()
    client.force_login(officer)
    upload = reverse("imports:upload", args=["reconsideration"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    f = SimpleUploadedFile("bomb.xlsx", hostile.corner_cells("XFD1048576"))
    page = client.post(upload, {"file": f}, follow=True)
    assert page.status_code == 200
    assert "表格过大（1048576行×16384列）" in page.content.decode()
