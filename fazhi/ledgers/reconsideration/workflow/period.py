"""The applicant's 申请期限 (2023 Arts. 20, 21; 2017 Art. 9): 60 days from the day the applicant
knew (or should have known) of the act. It binds the applicant, so the clock is started on that
day and stopped on the filing day at intake: the stopped clock records whether the application
was in time, and a late one is a ground for 不予受理 (2023 Art. 30(1)(五); 2017 Art. 17), offered
as the refusal reason.

What else the statute says, and how it is kept:
- a posted application is filed on its postmark date (在途时间不计): the clock stops on `posted_on`;
- force majeure or another good reason (Art. 20(2)): the period continues from the obstacle's
  removal, so the clock is paused from `obstacle_from` to `obstacle_to`;
- an applicant not told of the right to apply (Art. 20(3)): the period runs from learning of the
  right (`learned_of_right_on`), but ends at the latest one year after knowing of the act;
- outer limits (Art. 21): no application 5 years (real property: 20 years) after the act was made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fazhi import clocks
from fazhi.casework.transitions import TransitionError
from fazhi.clocks.engine import add_months
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import Channel, LawVersion
from fazhi.lib.cn_date import cn_date

IN_TIME_LABEL = "在申请期限内"
LATE_LABEL = "超过申请期限"


def check_knew_on(knew_on: dt.date | None, received_on: dt.date | None) -> str:
    """The Chinese problem with a 知道该行政行为之日, or "" if it is acceptable."""
    if knew_on is not None and received_on is not None and knew_on > received_on:
        return f"知道该行政行为之日（{cn_date(knew_on)}）不能晚于收到申请日期（{cn_date(received_on)}）"
    return ""


def check_period_facts(case: ReconsiderationCase) -> list[tuple[str, str]]:
    """(field, Chinese problem) for the period's facts of an unsaved or edited case."""
    out: list[tuple[str, str]] = []
    received = case.received_on
    if case.posted_on is not None:
        if case.channel != Channel.POST:
            out.append(("posted_on", "只有邮寄的申请才填写邮寄日期（邮戳日期）"))
        elif received is not None and case.posted_on > received:
            out.append(("posted_on", "邮寄日期不能晚于收到申请日期"))
    if (case.obstacle_from is None) != (case.obstacle_to is None):
        out.append(("obstacle_to", "耽误申请期限的障碍须填写发生日和消除日"))
    elif case.obstacle_from and case.obstacle_to and case.obstacle_to < case.obstacle_from:
        out.append(("obstacle_to", "障碍消除日不能早于障碍发生日"))
    if case.learned_of_right_on is not None:
        if not case.right_not_told:
            out.append(("learned_of_right_on", "仅在作出行政行为时未告知申请复议权利的情形下填写"))
        elif case.knew_of_act_on and case.learned_of_right_on < case.knew_of_act_on:
            out.append(("learned_of_right_on", "知道申请复议权利之日不能早于知道该行政行为之日"))
    if case.act_made_on and case.knew_of_act_on and case.act_made_on > case.knew_of_act_on:
        out.append(("act_made_on", "行政行为作出日期不能晚于知道该行政行为之日"))
    return out


def filed_on(case: ReconsiderationCase) -> dt.date:
    """The day the application counts as made: the postmark for a posted one (在途时间不计)."""
    if case.channel == Channel.POST and case.posted_on is not None:
        return case.posted_on
    return case.received_on


def _told_rule(case: ReconsiderationCase) -> bool:
    """Art. 20(3) is new in the 2023 text."""
    return case.right_not_told and case.law_version == LawVersion.V2023


def _start_on(case: ReconsiderationCase) -> dt.date | None:
    if _told_rule(case) and case.learned_of_right_on is not None:
        return case.learned_of_right_on  # Art. 20(3)
    return case.knew_of_act_on


def one_year_cap(case: ReconsiderationCase) -> dt.date | None:
    """Art. 20(3): at most one year from knowing of the act, when the right was not told."""
    if not _told_rule(case) or case.knew_of_act_on is None:
        return None
    return add_months(case.knew_of_act_on, 12)


def outer_limit(case: ReconsiderationCase) -> dt.date | None:
    """Art. 21 (new in the 2023 text): 5 years (real property: 20) from the day the act was
    made."""
    if case.act_made_on is None or case.law_version != LawVersion.V2023:
        return None
    return add_months(case.act_made_on, 240 if case.real_property else 60)


def start_application_period(case: ReconsiderationCase, *, by: Any) -> None:
    """Start the clock on the day the period begins (not counted), pause it for an obstacle and
    stop it on the filing day. Does nothing without a date or if the clock already exists (a
    stopped clock cannot be redone)."""
    start = _start_on(case)
    if start is None:
        return
    problem = check_knew_on(case.knew_of_act_on, case.received_on)
    if problem:
        raise TransitionError(problem)
    spec = specs_for(case).application_period
    if clocks.get(case, spec) is not None:
        return
    clocks.start(case, spec, on=start, by=by)
    if case.obstacle_from and case.obstacle_to and case.obstacle_to >= start:
        clocks.pause(
            case, spec, on=max(case.obstacle_from, start), reason="耽误申请期限的障碍", by=by
        )
        clocks.resume(case, spec, on=case.obstacle_to + dt.timedelta(days=1), by=by)
    period = application_period(case)
    label = ""
    if period is not None and period.late is not None:
        label = LATE_LABEL if period.late else IN_TIME_LABEL
    clocks.stop(case, spec, on=max(filed_on(case), start), by=by, outcome_label=label)


@dataclass(frozen=True)
class ApplicationPeriod:
    knew_on: dt.date
    start_on: dt.date  # knew_on, or the day the applicant learned of the right (Art. 20(3))
    due_on: dt.date | None  # None while the year's calendar is not confirmed
    received_on: dt.date
    filed_on: dt.date  # received_on, or the postmark of a posted application
    flag_text: str
    length: int = 60
    paused: bool = False
    cap_on: dt.date | None = None  # Art. 20(3): one year from knowing of the act
    outer_on: dt.date | None = None  # Art. 21: 5 / 20 years from the act

    @property
    def plainly_in_time(self) -> bool:
        """Filed within 60 plain days of the start: in time whatever the calendar says (a
        holiday at the end only makes the period longer)."""
        return self.filed_on <= self.start_on + dt.timedelta(days=self.length)

    @property
    def late(self) -> bool | None:
        """True if filed after the last day; None if that cannot be told yet."""
        if self.cap_on is not None and self.filed_on > self.cap_on:
            return True
        if self.outer_on is not None and self.filed_on > self.outer_on:
            return True
        if self.due_on is not None:
            return self.filed_on > self.due_on
        if self.plainly_in_time:
            return False
        return None

    @property
    def verdict(self) -> str:
        late = self.late
        if late is None:
            return "能否在期限内待日历确认后判断"
        return "已超过申请期限" if late else "在期限内"

    @property
    def text(self) -> str:
        if self.due_on is not None:
            due = f"至{cn_date(self.due_on)}届满（含当日）"
        elif self.plainly_in_time:
            due = "届满日需用到未确认的日历"  # no "待日历确认" beside a plain 在期限内
        else:
            due = f"届满日待日历确认（{self.flag_text or '日历未确认'}）"
        start = (
            f"自{cn_date(self.start_on)}知道申请复议的权利、期限之日起60日"
            if self.start_on != self.knew_on
            else f"自{cn_date(self.knew_on)}知道之日起60日"
        )
        parts = [f"申请期限：{start}，{due}"]
        if self.paused:
            parts.append("因障碍耽误的期间不计入")
        if self.cap_on is not None:
            parts.append(f"最长至{cn_date(self.cap_on)}（知道该行政行为之日起一年）")
        if self.outer_on is not None:
            parts.append(f"行政行为作出之日起的最长申请期限至{cn_date(self.outer_on)}")
        how = (
            f"于{cn_date(self.filed_on)}交邮（{cn_date(self.received_on)}收到，在途时间不计）"
            if self.filed_on != self.received_on
            else f"于{cn_date(self.received_on)}收到"
        )
        return "；".join(parts) + f"；本申请{how}，{self.verdict}"


def application_period(case: ReconsiderationCase) -> ApplicationPeriod | None:
    start = _start_on(case)
    if case.knew_of_act_on is None or start is None or case.pk is None:
        return None
    clock = clocks.get(case, specs_for(case).application_period)
    if clock is None:
        return None
    return ApplicationPeriod(
        knew_on=case.knew_of_act_on,
        start_on=start,
        due_on=clock.due_on,
        received_on=case.received_on,
        filed_on=filed_on(case),
        flag_text=clock.flag_text,
        length=clock.length,
        paused=bool(case.obstacle_from and case.obstacle_to),
        cap_on=one_year_cap(case),
        outer_on=outer_limit(case),
    )


def late_refusal_reason(case: ReconsiderationCase) -> str:
    """The 不予受理 reason offered when the application came after the period, else ""."""
    period = application_period(case)
    if period is None or not period.late:
        return ""
    if case.law_version == LawVersion.V2017:
        article = "第九条、第十七条"
    elif period.outer_on is not None and period.filed_on > period.outer_on:
        article = "第二十一条、第三十条"
    else:
        article = "第二十条、第三十条"
    last = min(
        d
        for d in (period.due_on, period.cap_on, period.outer_on)
        if d is not None and period.filed_on > d
    )
    return (
        f"超过法定申请期限：申请人于{cn_date(period.knew_on)}知道该行政行为，"
        f"申请期限至{cn_date(last)}届满，本机关于{cn_date(period.received_on)}"
        f"收到申请，不符合《中华人民共和国行政复议法》{article}规定的受理条件"
    )
