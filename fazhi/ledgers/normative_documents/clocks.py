"""The clocks of a normative document (statutes.md §5, §15 item 4). The lengths here are the
defaults; the length a document runs on is stored on its row when the clock starts (`config`), so
a changed local rule never moves a running clock."""

from __future__ import annotations

from dataclasses import replace

from fazhi.clocks.spec import ClockSpec, Unit
from fazhi.ledgers.normative_documents.states import Recipient

REVIEW = ClockSpec(
    "legality_review",
    "合法性审核期限",
    15,
    Unit.WORKING_DAY,
    "《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）；"
    "自受理审核申请之日起，期限按本地规定（默认15个工作日）",
    law_version="2018",
    lapse_effect="审核机构逾期未出具审核意见，起草单位不得以此视为审核通过",
)
FILING: dict[str, ClockSpec] = {
    Recipient.GOVERNMENT: ClockSpec(
        "filing_government",
        "报上一级人民政府备案",
        30,
        Unit.CALENDAR_DAY,
        "地方行政规范性文件备案规定（常见自公布之日起30日内报送备案，可配置）；参照立法法第一百零九条",
        law_version="local",
        lapse_effect="逾期未报备，由备案机关通知限期报送",
    ),
    Recipient.NPC: ClockSpec(
        "filing_npc",
        "报本级人大常委会备案",
        30,
        Unit.CALENDAR_DAY,
        "监督法（2024年修正）第三十九条、第四十条；省级备案审查规定（常见自公布之日起30日内，可配置）",
        law_version="local",
        lapse_effect="逾期未报备，由人大常委会备案审查机构督促报送",
    ),
}
EVALUATION = ClockSpec(
    "expiry_evaluation",
    "有效期届满前评估",
    6,
    Unit.MONTH,
    "地方行政规范性文件管理规定（有效期一般不超过5年，届满前6个月评估，可配置）",
    law_version="local",
    kind="advance_notice",
    event_label="有效期届满",
)


def sized(spec: ClockSpec, length: int) -> ClockSpec:
    """The spec with the length configured for this row."""
    return spec if length == spec.length else replace(spec, length=length)
