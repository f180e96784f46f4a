"""The Excel kernel through the 行政复议 sheet: template, all-or-nothing import, export."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import audit, clocks
from fazhi.imports import registry
from fazhi.imports.excel import template_bytes
from fazhi.imports.importer import run_import
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State
from tests.xlsx import workbook_bytes

pytestmark = pytest.mark.django_db
SPEC = registry.get("reconsideration")


def sheet(rows: list[dict], headers: list[str] | None = None) -> bytes:
    return workbook_bytes(headers or [c.header for c in SPEC.columns], rows)


def good(**over) -> dict:
    row = {
        "收到申请日期": dt.date(2025, 3, 3),
        "申请方式": "邮寄",
        "申请人": "赵六",
        "申请人类型": "自然人",
        "被申请人": "示例县公安局",
        "被申请人部门": "公安局",
        "行政行为类别": "行政处罚",
        "被申请复议的行政行为": "罚款决定",
        "受理日期": dt.date(2025, 3, 5),
        "发送副本日期": dt.date(2025, 3, 6),
        "答复日期": dt.date(2025, 3, 14),
        "处理结果": "维持",
        "结案日期": dt.date(2025, 4, 20),
    }
    row.update(over)
    return row


@pytest.fixture
def ctx(officer, police):  # noqa: ARG001
    return SPEC.context(officer)


def test_template_has_lists_and_date_validation():
    data = template_bytes(SPEC)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert 'type="list"' in xml and "可选项" in xml
    assert 'type="date"' in xml
    lists = zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml").decode()
    for label in (
        "驳回复议请求",
        "确认无效",
        "调解",
        "不予受理",
        "受理前撤回",
        "当面递交",
        "征收征用",
    ):
        assert label in lists


def test_import_creates_rows_with_history_and_clocks(officer, ctx):
    rows = [good(), good(申请人="钱七", 处理结果=None, 结案日期=None, 答复日期=None)]
    report = run_import(SPEC, sheet(rows), by=officer, context=ctx)
    assert report.ok and report.created == 2
    closed, open_ = ReconsiderationCase.objects.order_by("id")
    assert (
        closed.state == State.CONCLUDED
        and closed.outcome == "upheld"
        and closed.case_number == "示政复〔2025〕1号"
    )
    assert closed.respondent_department.name == "公安局" and closed.applicants.get().name == "赵六"
    assert audit.transitions(closed) == ["imported"]
    assert open_.state == State.ANSWER_REQUESTED
    assert clocks.due(open_, specs_for(open_).respondent_answer) == dt.date(2025, 3, 20)
    assert open_.decision_due_on == dt.date(2025, 5, 6)


def test_every_problem_listed_and_nothing_saved(officer, ctx):
    rows = [
        good(),
        good(受理日期=dt.date(2025, 3, 1)),  # row 3: accepted before received
        good(收到申请日期="三月三日"),  # row 4: text in a date column
        good(处理结果="维持", 结案日期=None),  # row 5: outcome without closure date
        good(被申请人部门="教育局", 行政行为类别="罚款"),  # row 6: two problems
        good(案号="示政复〔2025〕7号"),
        good(案号="示政复〔2025〕7号"),  # row 8: duplicate number in the file
        good(中止日期=dt.date(2025, 3, 20)),  # row 9: closed while suspended
    ]
    report = run_import(SPEC, sheet(rows), by=officer, context=ctx)
    messages = [str(p) for p in report.problems]
    assert report.created == 0 and ReconsiderationCase.objects.count() == 0
    assert "第3行“受理日期”：受理日期早于收到申请日期" in messages
    assert "第4行“收到申请日期”：“三月三日”不是日期，请填写如 2025-03-01 的日期" in messages
    assert "第5行“结案日期”：已填写处理结果，请填写结案日期" in messages
    assert "第6行“被申请人部门”：本区划没有名为“教育局”的部门" in messages
    assert any(m.startswith("第6行“行政行为类别”：“罚款”不在可选项中") for m in messages)
    assert "第8行“案号”：案号“示政复〔2025〕7号”与第7行重复" in messages
    assert any(m.startswith("第9行“中止日期”：案件仍在中止中，不能结案") for m in messages)
    assert len(messages) == 7


def test_wrong_column_refused(officer, ctx):
    headers = [c.header for c in SPEC.columns if c.header != "被申请人"] + ["被告"]
    report = run_import(SPEC, sheet([good()], headers), by=officer, context=ctx)
    messages = [str(p) for p in report.problems]
    assert "第1行“被告”：未知列“被告”，请使用导入模板的列名" in messages
    assert "第1行“被申请人”：缺少必填列“被申请人”" in messages
    assert ReconsiderationCase.objects.count() == 0


def test_number_taken_in_database(new_case, officer, ctx):
    new_case(dt.date(2025, 1, 6))
    report = run_import(SPEC, sheet([good(案号="示政复〔2025〕1号")]), by=officer, context=ctx)
    # Another case under a number in use (most columns differ), not an export of that case.
    assert [str(p) for p in report.problems] == [
        "第2行“案号”：案号“示政复〔2025〕1号”已被使用：台账中该案号的记录有11列与本行不同"
        "（收到申请日期、申请方式、申请人、审理程序、适用法律版本、受理日期、发送副本日期、"
        "答复日期、审理方式、处理结果、结案日期）。新记录请清空案号，由系统自动编号"
    ]


def test_not_an_excel_file(officer, ctx):
    report = run_import(SPEC, b"hello", by=officer, context=ctx)
    assert str(report.problems[0]) == "无法读取该文件，请上传由模板填写的 .xlsx 文件"


def test_upload_page(officer, outsider, ctx, settings):  # noqa: ARG001
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    c = Client()
    c.force_login(officer)
    url = reverse("imports:upload", args=["reconsideration"])
    bad = sheet([good(受理日期=dt.date(2025, 3, 1))])
    html = c.post(url, {"file": io.BytesIO(bad)}, follow=True).content.decode()
    assert "发现 1 处问题，未导入任何记录" in html and "受理日期早于收到申请日期" in html
    f = io.BytesIO(sheet([good()]))
    f.name = "cases.xlsx"
    html = c.post(url, {"file": f}, follow=True).content.decode()
    assert "导入成功：共新增 1 条记录" in html
    t = c.get(reverse("imports:template", args=["reconsideration"]))
    assert t.status_code == 200 and t.content[:2] == b"PK"
    c.force_login(outsider)
    assert c.get(url).status_code == 404  # a department clerk outside the 复议机构 cannot import
