"""文书 of a supervised item, as 公文 docx: the 督办事项交办单 the lead department signs for, with
the 办结时限 computed by the clock and the 销号 rule."""

from __future__ import annotations

from fazhi import clocks
from fazhi.casework.registry import Document
from fazhi.ledgers.supervision.clocks import spec_for
from fazhi.ledgers.supervision.models import SupervisionItem
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph, Table


def assignment_sheet(item: SupervisionItem) -> bytes:
    due = clocks.due(item, spec_for(item))
    notice = item.notice
    rows = [
        ["督办编号", item.case_number],
        ["督办通知", f"{notice.notice_number}《{notice.title}》"],
        ["来源", notice.get_source_display()],
        ["类型", item.get_kind_display()],
    ]
    if item.finding:
        rows.append(["发现的问题", item.finding])
    rows += [
        ["督办事项（整改任务）", item.task],
        ["责任单位", item.lead_department.name],
        ["交办日期", cn_date(item.assigned_on)],
        ["办结时限", cn_date(due) if due else (item.due_flag_year and "日历未确认") or "—"],
    ]
    blocks: list[gongwen.Block] = [
        Table(rows, header=False, widths_mm=(45, 110)),
        Paragraph(
            "请责任单位于收到本交办单后及时签收，按期报送办理进展；办结（整改）后上传佐证材料申请销号，"
            "经交办单位审核后销号。确需延期的，应在办结时限届满前书面说明理由，经交办单位批准。"
        ),
    ]
    return gongwen.build(
        "督办事项交办单",
        doc_number=notice.notice_number,
        recipient=item.lead_department.name,
        blocks=blocks,
        signer=item.office.name,
        date_text=cn_date(item.assigned_on),
    )


DOCUMENTS = [Document("assignment", "督办事项交办单", assignment_sheet)]
