"""Uploads that would exhaust memory, and links that would leave the site."""

from __future__ import annotations

import io

import pytest
import xlsxwriter
from django.test import Client
from django.urls import reverse

from fazhi.imports.excel import WorkbookError, read_rows


def _sheet(cells: dict[tuple[int, int], str]) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf)
    ws = wb.add_worksheet()
    for (r, c), v in cells.items():
        ws.write(r, c, v)
    wb.close()
    return buf.getvalue()


def test_a_far_away_cell_is_refused_before_reading() -> None:
    data = _sheet({(0, 0): "案号", (500_000, 5): "x"})
    with pytest.raises(WorkbookError, match="表格过大.*一次最多导入200000行"):
        read_rows(data)


def test_normal_sheet_reads() -> None:
    headers, rows = read_rows(
        _sheet({(0, 0): "案号", (0, 1): "申请人", (1, 0): "示政复〔2025〕1号"})
    )
    assert headers == ["案号", "申请人"] and rows[0][0] == "示政复〔2025〕1号"


@pytest.mark.parametrize(
    "back", ["javascript:alert(1)", "https://evil.example/", "//evil.example/"]
)
def test_back_link_stays_on_site(officer, back: str) -> None:  # noqa: ANN001
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("imports:upload", args=["reconsideration"]), {"back": back})
    assert page.status_code == 200
    assert back not in page.content.decode()
    ok = client.get(
        reverse("imports:upload", args=["reconsideration"]), {"back": "/ledgers/reconsideration/"}
    )
    assert 'href="/ledgers/reconsideration/"' in ok.content.decode()
