"""文头 fields are checked against their column lengths in the form: 61 characters of 发文字号 was
a 500 on PostgreSQL (value too long) and stored over-long on SQLite."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from fazhi.reports import render
from fazhi.reports.draft import draft
from fazhi.reports.models import AnnualReport


@pytest.mark.parametrize(
    ("field", "length", "message"),
    [
        ("doc_number", 61, "发文字号最多60个字，现在有61个字"),
        ("signatory", 41, "签发人最多40个字，现在有41个字"),
        ("recipient", 101, "主送机关（上级政府）最多100个字，现在有101个字"),
    ],
)
def test_over_long_header_fields_are_refused_with_a_message(
    client, fake, county, coordinator, field: str, length: int, message: str
) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    page = client.post(
        reverse("reports:header", args=[report.pk]),
        {field: "字" * length, "issued_on": "2026-02-10"},
        follow=True,
    )
    assert page.status_code == 200
    assert message in page.content.decode()
    stored = AnnualReport.objects.get(pk=report.pk)
    assert getattr(stored, field) == getattr(report, field)
    assert stored.issued_on == report.issued_on


def test_header_fields_at_their_limit_are_saved(client, fake, county, coordinator) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    client.post(
        reverse("reports:header", args=[report.pk]),
        {"doc_number": "示" * 60, "signatory": "签" * 40, "issued_on": "2026-02-10"},
    )
    stored = AnnualReport.objects.get(pk=report.pk)
    assert stored.doc_number == "示" * 60 and stored.signatory == "签" * 40
    assert stored.issued_on.isoformat() == "2026-02-10"


def test_a_bad_date_is_a_message(client, fake, county, coordinator) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    page = client.post(
        reverse("reports:header", args=[report.pk]), {"issued_on": "2026-13-01"}, follow=True
    )
    assert "成文日期格式不正确，请按 2026-02-10 的格式填写" in page.content.decode()


def test_layout_is_chosen_on_the_page_and_kept_when_not_posted(
    client, fake, county, coordinator
) -> None:
    report = draft(county, 2025)
    client.force_login(coordinator)
    page = client.get(report.get_absolute_url()).content.decode()
    assert '<option value="red">红头版式（红色发文机关标志和分隔线）</option>' in page
    client.post(
        reverse("reports:header", args=[report.pk]),
        {"layout": "red", "signer": "示例县人民政府", "signatory": "王建国"},
    )
    report.refresh_from_db()
    assert report.layout == "red"
    texts = [p.text for p in Document(io.BytesIO(render.to_docx(report))).paragraphs]
    assert texts[0] == "示例县人民政府文件" and any(t.endswith("签发人：王建国") for t in texts)
    assert texts[-1].startswith("示例县人民政府办公室")  # the 版记's 印发机关
    client.post(reverse("reports:header", args=[report.pk]), {"signatory": "王建国"})
    report.refresh_from_db()
    assert report.layout == "red"
