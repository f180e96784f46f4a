"""The applicant's 申请期限 (2023 Art. 20; 2017 Art. 9): 60 days from the day the applicant knew
(or should have known) of the act. It binds the applicant, so the clock is started on that day
and stopped on receipt at intake: the stopped clock records whether the application was in time,
and a late one is a ground for 不予受理 (2023 Art. 30(1)(五); 2017 Art. 17), offered as the
refusal reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fazhi import clocks
from fazhi.casework.transitions import TransitionError
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import LawVersion
from fazhi.lib.cn_date import cn_date

IN_TIME_LABEL = "在申请期限内"
LATE_LABEL = "超过申请期限"


def check_knew_on(knew_on: dt.date | None, received_on: dt.date | None) -> str:
    """The Chinese problem with a 知道该行政行为之日, or "" if it is acceptable."""
    if knew_on is not None and received_on is not None and knew_on > received_on:
        return f"知道该行政行为之日（{cn_date(knew_on)}）不能晚于收到申请日期（{cn_date(received_on)}）"
    return ""


def start_application_period(case: ReconsiderationCase, *, by: Any) -> None:
    """Start the clock on the day of knowledge (not counted) and stop it on receipt. Does
    nothing without a date or if the clock already exists (a stopped clock cannot be redone)."""
    if case.knew_of_act_on is None:
        return
    problem = check_knew_on(case.knew_of_act_on, case.received_on)
    if problem:
        raise TransitionError(problem)
    spec = specs_for(case).application_period
    if clocks.get(case, spec) is not None:
        return
    clock = clocks.start(case, spec, on=case.knew_of_act_on, by=by)
    # The period binds the applicant: the clock reads 在申请期限内 / 超过申请期限, not 按期办结.
    label = ""
    if clock.due_on is not None:
        label = LATE_LABEL if case.received_on > clock.due_on else IN_TIME_LABEL
    clocks.stop(case, spec, on=case.received_on, by=by, outcome_label=label)


@dataclass(frozen=True)
class ApplicationPeriod:
    knew_on: dt.date
    due_on: dt.date | None  # None while the year's calendar is not confirmed
    received_on: dt.date
    flag_text: str

    @property
    def late(self) -> bool | None:
        """True if received after the last day; None if the last day is not yet known."""
        return None if self.due_on is None else self.received_on > self.due_on

    @property
    def verdict(self) -> str:
        if self.late is None:
            return "能否在期限内待日历确认后判断"
        return "已超过申请期限" if self.late else "在期限内"

    @property
    def text(self) -> str:
        due = cn_date(self.due_on) if self.due_on else f"（{self.flag_text or '日历未确认'}）"
        return (
            f"申请期限：自{cn_date(self.knew_on)}知道之日起60日，至{due}届满；"
            f"本申请于{cn_date(self.received_on)}收到，{self.verdict}"
        )


def application_period(case: ReconsiderationCase) -> ApplicationPeriod | None:
    if case.knew_of_act_on is None or case.pk is None:
        return None
    clock = clocks.get(case, specs_for(case).application_period)
    if clock is None:
        return None
    return ApplicationPeriod(case.knew_of_act_on, clock.due_on, case.received_on, clock.flag_text)


def late_refusal_reason(case: ReconsiderationCase) -> str:
    """The 不予受理 reason offered when the application came after the period, else ""."""
    period = application_period(case)
    if period is None or not period.late:
        return ""
    assert period.due_on is not None
    article = "第九条、第十七条" if case.law_version == LawVersion.V2017 else "第二十条、第三十条"
    return (
        f"超过法定申请期限：申请人于{cn_date(period.knew_on)}知道该行政行为，"
        f"申请期限至{cn_date(period.due_on)}届满，本机关于{cn_date(period.received_on)}"
        f"收到申请，依据《中华人民共和国行政复议法》{article}，决定不予受理"
    )
