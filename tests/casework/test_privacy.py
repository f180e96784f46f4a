"""Personal data in exports (issue 17): masked for those who do not handle the cases, logged
when exported unmasked."""

from __future__ import annotations

import datetime as dt
import io
import logging

from django.test import Client
from django.urls import reverse
from python_calamine import CalamineWorkbook

from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.lib.mask import mask_id, mask_phone


def test_masks() -> None:
    assert mask_id("110101199003071234") == "1101**********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id("123") == "***" and mask_phone("0391-1234567") == "039*******67"


def _export(client: Client) -> list[list[object]]:
    resp = client.get(reverse("reconsideration:list") + "?export=xlsx")
    assert resp.status_code == 200
    book = CalamineWorkbook.from_filelike(io.BytesIO(resp.content))
    return book.get_sheet_by_index(0).to_python()


def test_city_viewer_gets_masked_ids_and_phones_the_office_gets_them_logged(
    county, justice_bureau, police, officer, reader, caplog
) -> None:
    case = ReconsiderationCase(
        jurisdiction=county,
        handling_department=justice_bureau,
        respondent_department=police,
        respondent_name="示例县公安局",
        act_category="penalty",
        act_description="罚款",
        received_on=dt.date(2025, 3, 3),
    )
    workflow.receive(
        case,
        applicants=[
            {
                "name": "张三",
                "kind": "natural_person",
                "id_number": "110101199003071234",
                "phone": "13812345678",
            }
        ],
        by=officer,
    )
    city = Client()
    city.force_login(reader)
    rows = _export(city)
    header = rows[0]
    row = rows[1]
    got = dict(zip(header, row, strict=False))
    assert got["证件号码"] == "1101**********1234" and got["联系电话"] == "138****5678"
    office = Client()
    office.force_login(officer)
    with caplog.at_level(logging.INFO, logger="fazhi.personal_data"):
        got = dict(zip(*_export(office)[:2], strict=False))
    assert got["证件号码"] == "110101199003071234"
    assert "导出个人信息 user=officer ledger=reconsideration" in caplog.text
