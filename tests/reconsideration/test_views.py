"""Pages: real text on the list and detail, forms with Chinese errors, htmx transitions,
documents, export, and 404 for everyone outside the case's scope."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from python_calamine import CalamineWorkbook

from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State
from fazhi.lib.gongwen import docx_text

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def case(new_case, officer):
    case = new_case(D("2025-03-03"))
    workflow.accept(case, on=D("2025-03-05"), by=officer)
    return case


def urls(case) -> list[str]:  # noqa: ANN001
    return [
        reverse("reconsideration:detail", args=[case.pk]),
        reverse("reconsideration:edit", args=[case.pk]),
        reverse("reconsideration:action", args=[case.pk, "send_copy"]),
        reverse("reconsideration:document", args=[case.pk, "acceptance"]),
        reverse("audit:history", args=["reconsideration", "reconsiderationcase", case.pk]),
    ]


def test_list_and_detail_show_the_case(case, officer):
    c = client_for(officer)
    html = c.get(reverse("reconsideration:list")).content.decode()
    assert "示政复〔2025〕1号" in html and "张三" in html and "示例县公安局" in html
    assert "共 1 件" in html
    html = c.get(case.get_absolute_url()).content.decode()
    assert "已受理（待发送申请书副本）" in html
    assert "适用2023年修订文本（新法）" in html
    # 60 days from 5 March end on 4 May, inside the Labour Day holiday: rolled to 6 May, and said so.
    assert '<td id="decision-due">2025年5月6日</td>' in html
    assert "第60日为2025年5月4日（劳动节假期），顺延至2025年5月6日（周二）届满" in html
    assert "行政复议法（2023修订）第六十二条第一款" in html  # the clock's basis is shown
    assert "发送申请书副本" in html and "受理通知书（docx）" in html
    assert "登记收到申请" in html and "受理" in html  # history


def test_empty_list_message(officer):
    html = client_for(officer).get(reverse("reconsideration:list")).content.decode()
    assert "没有符合条件的行政复议案件。" in html


def test_filters_and_search(new_case, officer):
    a = new_case(D("2024-05-06"))
    b = new_case(D("2025-05-06"))
    workflow.refuse(b, on=D("2025-05-07"), by=officer, note="超过申请期限")
    c = client_for(officer)
    html = c.get(reverse("reconsideration:list"), {"year": 2024}).content.decode()
    assert a.case_number in html and b.case_number not in html
    html = c.get(reverse("reconsideration:list"), {"state": State.NOT_ACCEPTED}).content.decode()
    assert b.case_number in html and a.case_number not in html
    html = c.get(reverse("reconsideration:list"), {"q": "示政复〔2024"}).content.decode()
    assert a.case_number in html and b.case_number not in html


def test_overdue_filter(new_case, officer):
    old = new_case(D("2025-01-06"))
    workflow.accept(old, on=D("2025-01-07"), by=officer)
    html = (
        client_for(officer)
        .get(reverse("reconsideration:list"), {"overdue": "true"})
        .content.decode()
    )
    assert old.case_number in html and "已超期" in html


@pytest.mark.parametrize("who", ["outsider", "other_county_officer"])
def test_outsiders_get_404_everywhere(case, who, request):
    user = request.getfixturevalue(who)
    c = client_for(user)
    for url in urls(case):
        assert c.get(url).status_code == 404, url
    assert c.post(urls(case)[2], {"on": "2025-03-06"}).status_code == 404
    assert case.case_number not in c.get(reverse("reconsideration:list")).content.decode()


def test_reader_reads_but_cannot_act(case, reader):
    c = client_for(reader)
    detail = c.get(urls(case)[0])
    assert detail.status_code == 200 and "您对本案没有可办理的操作" in detail.content.decode()
    for url in urls(case)[1:4]:  # a row it may see: 无权限 (403), not 未找到
        assert c.get(url).status_code == 403, url
    refused = c.post(urls(case)[2], {"on": "2025-03-06"})
    assert refused.status_code == 403 and "无权限" in refused.content.decode()
    assert c.get(urls(case)[4]).status_code == 200  # full history is readable
    case.refresh_from_db()
    assert case.state == State.ACCEPTED


def test_respondent_department_sees_but_cannot_act(case, police):
    from fazhi.org.models import Role
    from tests.conftest import make_user

    clerk = make_user("police_clerk", Role.CLERK, case.jurisdiction, police)
    c = client_for(clerk)
    assert c.get(urls(case)[0]).status_code == 200
    assert c.get(urls(case)[1]).status_code == 403


def test_create_with_chinese_errors_then_success(officer, police):
    c = client_for(officer)
    url = reverse("reconsideration:create")
    data = {
        "received_on": "2099-01-01",
        "channel": "in_person",
        "procedure": "ordinary",
        "respondent_department": police.pk,
        "respondent_name": "示例县公安局",
        "act_category": "penalty",
        "act_description": "行政处罚决定",
        "applicants-TOTAL_FORMS": "1",
        "applicants-INITIAL_FORMS": "0",
        "applicants-MIN_NUM_FORMS": "1",
        "applicants-MAX_NUM_FORMS": "1000",
        "applicants-0-kind": "natural_person",
        "applicants-0-name": "",
    }
    html = c.post(url, data).content.decode()
    assert "收到申请日期不能晚于今天" in html
    assert "请至少填写一名申请人" in html
    assert ReconsiderationCase.objects.count() == 0
    data.update(
        {
            "received_on": "2025-06-03",
            "applicants-0-name": "李四",
            "case_number": "示政复〔2025〕9号",
        }
    )
    r = c.post(url, data)
    case = ReconsiderationCase.objects.get()
    assert r.status_code == 302 and r["Location"] == case.get_absolute_url()
    assert (
        case.case_number == "示政复〔2025〕9号"
        and case.law_version == "2023"
        and case.applicant_names == "李四"
    )
    html = c.post(url, data).content.decode()
    assert "案号“示政复〔2025〕9号”已被使用" in html
    assert ReconsiderationCase.objects.count() == 1


def test_law_version_override_needs_reason(officer, police):
    c = client_for(officer)
    data = {
        "received_on": "2025-06-03",
        "channel": "in_person",
        "procedure": "ordinary",
        "respondent_name": "示例县公安局",
        "act_category": "penalty",
        "act_description": "行政处罚决定",
        "law_version": "2017",
        "applicants-TOTAL_FORMS": "1",
        "applicants-INITIAL_FORMS": "0",
        "applicants-MIN_NUM_FORMS": "1",
        "applicants-MAX_NUM_FORMS": "1000",
        "applicants-0-kind": "natural_person",
        "applicants-0-name": "王五",
    }
    html = c.post(reverse("reconsideration:create"), data).content.decode()
    assert "调整须填写理由" in html


def test_htmx_transition_and_error(case, officer):
    c = client_for(officer)
    url = reverse("reconsideration:action", args=[case.pk, "send_copy"])
    form = c.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "发送申请书副本日期" in form and "<html" not in form
    bad = c.post(url, {"on": "2025-03-01"}, headers={"HX-Request": "true"})
    assert (
        "发送申请书副本日期（2025年3月1日）不能早于受理日期（2025年3月5日）" in bad.content.decode()
    )
    ok = c.post(url, {"on": "2025-03-06"}, headers={"HX-Request": "true"})
    assert ok.status_code == 204 and ok["HX-Redirect"] == case.get_absolute_url()
    case.refresh_from_db()
    assert case.state == State.ANSWER_REQUESTED and case.copy_sent_on == D("2025-03-06")


def test_extension_form_only_for_head(case, officer, head):
    url = reverse("reconsideration:action", args=[case.pk, "extend"])
    assert client_for(officer).get(url).status_code == 403
    r = client_for(head).post(url, {"on": "2025-04-01", "days": "31"})
    assert "延长期限最多不超过30日" in r.content.decode()
    r = client_for(head).post(url, {"on": "2025-04-01", "days": "30"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.extension_days == 30 and case.decision_due_on == D("2025-06-03")


def test_documents_are_filled(case, officer):
    c = client_for(officer)
    r = c.get(reverse("reconsideration:document", args=[case.pk, "acceptance"]))
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    text = docx_text(r.content)
    assert "行政复议受理通知书" in text and "示政复〔2025〕1号" in text and "张三" in text
    assert "2025年3月5日" in text and "示例县人民政府" in text
    workflow.send_copy(case, on=D("2025-03-06"), served_on=D("2025-03-06"), by=officer)
    text = docx_text(c.get(reverse("reconsideration:document", args=[case.pk, "answer"])).content)
    assert "10个工作日" in text and "2025年3月20日" in text
    assert c.get(reverse("reconsideration:document", args=[case.pk, "refusal"])).status_code == 404


def test_export_is_filtered(new_case, officer):
    new_case(D("2024-05-06"))
    new_case(D("2025-05-06"))
    r = client_for(officer).get(reverse("reconsideration:list"), {"year": "2025", "export": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(r.content)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["案号", "收到申请日期"]
    assert [row[0] for row in rows[1:]] == ["示政复〔2025〕1号"]


def test_export_queries_do_not_grow_with_rows(new_case, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(officer)
    url = reverse("reconsideration:list")

    def export_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"export": "xlsx"}).status_code == 200
        return len(ctx.captured_queries)

    new_case(D("2025-05-06"))
    few = export_queries()
    for day in range(7, 12):
        new_case(D(f"2025-05-{day:02d}"))
    assert export_queries() == few
