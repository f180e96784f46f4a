"""Excel import: several applicants in one row, and the optional 知道该行政行为之日 column."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from fazhi import clocks
from fazhi.imports import registry
from fazhi.imports.excel import template_bytes
from fazhi.imports.importer import run_import
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from tests.xlsx import workbook_bytes

pytestmark = pytest.mark.django_db
SPEC = registry.get("reconsideration")
D = dt.date.fromisoformat


def sheet(rows: list[dict]) -> bytes:
    return workbook_bytes([c.header for c in SPEC.columns], rows)


def row(**over) -> dict:
    out = {
        "收到申请日期": D("2025-03-03"),
        "申请方式": "邮寄",
        "申请人": "赵六",
        "申请人类型": "自然人",
        "被申请人": "示例县公安局",
        "被申请人部门": "公安局",
        "行政行为类别": "行政处罚",
        "被申请复议的行政行为": "罚款决定",
    }
    out.update(over)
    return out


@pytest.fixture
def ctx(officer, police):  # noqa: ARG001
    return SPEC.context(officer)


def messages(report) -> list[str]:  # noqa: ANN001
    return [str(p) for p in report.problems]


def test_several_applicants_in_one_row(officer, ctx):
    report = run_import(
        SPEC,
        sheet(
            [
                row(
                    申请人="张三；李四、王五",
                    证件号码="110101199001011234；；110101199202021234",
                    联系电话="13800000001",
                    委托代理人="陈律师",
                )
            ]
        ),
        by=officer,
        context=ctx,
    )
    assert report.ok, messages(report)
    case = ReconsiderationCase.objects.get()
    assert case.applicant_names == "张三、李四、王五"
    got = [(a.name, a.kind, a.id_number, a.phone, a.agent_name) for a in case.applicants.all()]
    assert got == [
        ("张三", "natural_person", "110101199001011234", "13800000001", "陈律师"),
        ("李四", "natural_person", "", "", "陈律师"),
        ("王五", "natural_person", "110101199202021234", "", "陈律师"),
    ]
    # Export writes them back in the form the import reads.
    values = {c.header: c.getter(case) for c in SPEC.columns if c.getter is not None}
    assert values["申请人"] == "张三、李四、王五"
    assert values["证件号码"] == "110101199001011234；；110101199202021234"
    assert values["联系电话"] == "13800000001；；"
    assert values["委托代理人"] == "陈律师"


def test_malformed_applicants_give_row_errors_and_nothing_is_written(officer, ctx):
    rows = [
        row(申请人="张三；；李四"),  # row 2
        row(申请人="张三、张三"),  # row 3
        row(申请人="张三；李四；王五", 证件号码="110101199001011234；110101199202021234"),  # 4
        row(申请人="张三；", 联系电话="1；2；3；4"),  # row 5
        row(申请人="张三；李四", 委托代理人="陈律师；刘律师；王律师"),  # row 6
    ]
    report = run_import(SPEC, sheet(rows), by=officer, context=ctx)
    got = messages(report)
    assert "第2行“申请人”：申请人姓名之间有空项，请检查分隔符“；”或“、”的位置" in got
    assert "第3行“申请人”：申请人“张三”重复填写" in got
    assert (
        "第4行“证件号码”：填写了2项，与申请人人数（3人）不符；"
        "多名申请人的证件号码请按申请人顺序用“；”分隔"
    ) in got
    assert "第5行“申请人”：申请人姓名之间有空项，请检查分隔符“；”或“、”的位置" in got
    assert any(m.startswith("第5行“联系电话”：填写了4项，与申请人人数（1人）不符") for m in got)
    assert any(m.startswith("第6行“委托代理人”：填写了3项，与申请人人数（2人）不符") for m in got)
    assert len(got) == 6
    assert report.created == 0 and ReconsiderationCase.objects.count() == 0


def test_knew_of_act_on_column(officer, ctx):
    rows = [
        row(申请人="甲", 知道该行政行为之日=D("2024-08-02"), 收到申请日期=D("2024-10-09")),
        row(申请人="乙"),
    ]
    report = run_import(SPEC, sheet(rows), by=officer, context=ctx)
    assert report.ok, messages(report)
    late, without = ReconsiderationCase.objects.order_by("id")
    assert late.knew_of_act_on == D("2024-08-02")
    assert clocks.due(late, specs_for(late).application_period) == D("2024-10-08")
    assert workflow.application_period(late).late is True
    assert "超过法定申请期限" in workflow.late_refusal_reason(late)
    assert without.knew_of_act_on is None and workflow.application_period(without) is None
    bad = run_import(
        SPEC, sheet([row(知道该行政行为之日=D("2025-03-04"))]), by=officer, context=ctx
    )
    assert messages(bad) == ["第2行“知道该行政行为之日”：知道该行政行为之日晚于收到申请日期"]


def test_template_explains_several_applicants():
    data = zipfile.ZipFile(io.BytesIO(template_bytes(SPEC)))
    strings = data.read("xl/sharedStrings.xml").decode()
    assert "多名申请人填在同一行" in strings  # the 填写说明 sheet
    assert "知道该行政行为之日" in strings
    comments = "".join(
        data.read(n).decode() for n in data.namelist() if n.startswith("xl/comments")
    )
    assert "多名申请人用“；”或“、”分隔" in comments
