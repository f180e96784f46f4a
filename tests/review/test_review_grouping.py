"""Enumerations, bracketed sub-counts and rate 口径: the shape of the app's drafted 行政复议 paragraph.

The texts are written for these tests in the wording the fazhi app drafts (values made up).
"""

from __future__ import annotations

from review import analyse_text, check
from review.checks import identity_results

DRAFTED = (
    "一、主要举措和成效\n"
    "全年共收到行政复议申请318件，其中受理281件、不予受理17件、受理前撤回11件，上年结转35件。"
    "审结274件（按期审结270件），其中维持101件、撤销30件、变更4件、确认违法19件、确认无效2件、"
    "责令履行12件、驳回复议请求33件、驳回复议申请14件、终止47件、调解结案12件；尚在审理42件。\n"
    "坚持发挥行政复议化解行政争议主渠道作用，直接纠正违法或不当行政行为67件，"
    "通过调解、和解方式结案31件；组织听证8次，制发行政复议意见书、建议书5份。"
    "行政复议纠错率31.5%（口径：纠错67件÷实体审结213件），"
    "按期审结率98.5%（按期审结270件 ÷ 审结274件）。\n"
)

EXPECTED = [
    (318, "reconsideration.received"),
    (281, "reconsideration.accepted"),
    (17, "reconsideration.not_accepted"),
    (11, "reconsideration.withdrawn_before_acceptance"),
    (35, "reconsideration.carried_over"),
    (274, "reconsideration.concluded"),
    (270, "reconsideration.concluded_on_time"),
    (101, "reconsideration.upheld"),
    (30, "reconsideration.revoked"),
    (4, "reconsideration.changed"),
    (19, "reconsideration.confirmed_illegal"),
    (2, "reconsideration.confirmed_invalid"),
    (12, "reconsideration.ordered_to_perform"),
    (33, "reconsideration.claims_rejected"),
    (14, "reconsideration.application_dismissed"),
    (47, "reconsideration.terminated"),
    (12, "reconsideration.mediated"),
    (42, "reconsideration.pending"),
    (67, "reconsideration.corrected"),
    (31, "reconsideration.mediated_settled"),
    (8, "reconsideration.hearings"),
    (5, "reconsideration.opinion_letters"),
    (31.5, "reconsideration.correction_rate"),
    (67, "reconsideration.corrected"),
    (213, "reconsideration.concluded_on_merits"),
    (98.5, "reconsideration.on_time_rate"),
    (270, "reconsideration.concluded_on_time"),
    (274, "reconsideration.concluded"),
]


def test_drafted_paragraph_maps_every_figure() -> None:
    report = analyse_text("draft.txt", DRAFTED)
    assert [(f.value, f.indicator) for f in report.figures] == EXPECTED


def test_drafted_paragraph_has_no_identity_error() -> None:
    report = analyse_text("draft.txt", DRAFTED)
    results = identity_results(report)
    failed = [(r.identity, r.detail) for r in results if not r.holds]
    assert failed == []
    checked = {r.identity for r in results if not r.partial}
    # 274 = 101+30+4+19+2+12+33+14+47+12; 67 = 30+4+19+2+12; 281+35 = 274+42
    assert {"reconsideration.concluded_partition", "reconsideration.corrected_partition"} <= checked
    assert "reconsideration.caseload_disposition" in checked
    codes = [f.code for f in check(report)]
    assert "identity_failed" not in codes
    assert "rate_unverified" not in codes
    assert "duplicate_indicator" not in codes


def test_received_breakdown_short_of_whole_is_partial_not_error() -> None:
    # 318 − (281+17+11) = 9 applications redirected or awaiting 补正, which a report may omit.
    report = analyse_text("draft.txt", DRAFTED)
    (r,) = [x for x in identity_results(report) if x.identity.endswith("received_partition")]
    assert r.holds and r.partial


def test_received_breakdown_above_whole_is_an_error() -> None:
    text = "全年共收到行政复议申请50件，其中受理45件、不予受理6件、受理前撤回2件。"
    (r,) = [
        x
        for x in identity_results(analyse_text("t.txt", text))
        if x.identity.endswith("received_partition")
    ]
    assert not r.holds


def test_enumeration_that_does_not_add_up_is_still_an_error() -> None:
    # the topic is named by the heading only (审结 alone could be any kind of case)
    text = "（二）行政复议\n审结90件（按期审结88件），其中维持40件、撤销10件、驳回20件、终止15件。"
    report = analyse_text("t.txt", text)
    failed = [r.identity for r in identity_results(report) if not r.holds]
    assert failed == ["reconsideration.concluded_partition"]


def test_parts_come_from_the_whole_s_own_enumeration() -> None:
    # Two 审结 figures close together: each list belongs to the figure before its 其中.
    text = (
        "（二）行政复议\n"
        "县本级审结30件，其中维持20件、撤销6件、终止4件。"
        "乡镇审结12件，其中维持9件、撤销2件、终止1件。"
    )
    report = analyse_text("t.txt", text)
    results = [r for r in identity_results(report) if r.identity.endswith("concluded_partition")]
    assert [(r.figures[0].value, r.holds) for r in results] == [(30, True), (12, True)]
    assert all(len(r.figures) == 4 for r in results)


def test_on_time_alone_states_what_was_concluded() -> None:
    (f,) = analyse_text("t.txt", "复议机关已按期审结46件。").figures
    assert f.indicator == "reconsideration.concluded"


def test_a_whole_without_an_id_takes_the_identity_its_parts_belong_to() -> None:
    text = "（二）行政复议\n全年办理行政复议案件40件，其中维持25件、撤销5件、驳回申请10件。"
    figs = analyse_text("t.txt", text).figures
    assert [f.indicator for f in figs][:2] == [
        "reconsideration.concluded",
        "reconsideration.upheld",
    ]
