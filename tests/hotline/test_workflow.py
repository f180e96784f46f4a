"""12345热线: the workflow's guards, the clocks hand-computed on the 2024 National Day calendar,
退回 within its period, 重办 after a 不满意 rating, the per-jurisdiction rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi import audit, clocks
from fazhi.casework.transitions import TransitionError
from fazhi.ledgers.hotline import workflow
from fazhi.ledgers.hotline.clocks import REPLY, RETURN, reply_spec
from fazhi.ledgers.hotline.config import Rules
from fazhi.ledgers.hotline.ledger import sample
from fazhi.ledgers.hotline.models import HotlineRules, HotlineTicket
from fazhi.ledgers.hotline.states import MAX_REHANDLINGS, Rating, State
from fazhi.org.models import Department, Jurisdiction, User

D = dt.date.fromisoformat


@pytest.fixture
def new(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    """A ticket received and dispatched to 公安局 on the day given."""

    def make(on: str = "2024-09-27") -> HotlineTicket:
        return sample(county, justice_bureau, police, coordinator, D(on))

    return make


def due(ticket: HotlineTicket, name: str) -> dt.date | None:
    clock = next((c for c in clocks.clocks_for(ticket) if c.name == name), None)
    return clock.due_on if clock else None


def test_the_whole_flow_with_one_history_entry_per_step(new, coordinator):
    t = new()
    workflow.accept(t, on=D("2024-09-29"), by=coordinator)
    workflow.reply(t, on=D("2024-10-09"), reply_summary="已协调修复", by=coordinator)
    workflow.callback(t, on=D("2024-10-10"), reached=True, by=coordinator)
    workflow.rate(t, on=D("2024-10-10"), rating=Rating.SATISFIED, by=coordinator)
    workflow.conclude(t, on=D("2024-10-11"), by=coordinator)
    t.refresh_from_db()
    assert t.state == State.CONCLUDED and t.replied_on_time is True
    assert audit.transitions(t) == [
        "received",
        "dispatched",
        "accepted",
        "replied",
        "called_back",
        "rated",
        "concluded",
    ]


def test_reply_and_return_clocks_hand_computed_across_national_day_2024(new):
    # Dispatched Friday 27 Sep 2024. Working days after it: Sun 29 Sep (调休上班), Mon 30 Sep,
    # then 1–7 Oct off, Tue 8, Wed 9, Thu 10 Oct. Reply (5 wd) → 10 Oct; return (2 wd) → 30 Sep.
    t = new("2024-09-27")
    assert due(t, REPLY.name) == D("2024-10-10")
    assert due(t, RETURN.name) == D("2024-09-30")
    t.refresh_from_db()
    assert t.reply_due_on == D("2024-10-10")  # the list's cached date follows the clock
    explanation = clocks.get(t, reply_spec(Rules())).explanation
    assert "2024年10月10日" in explanation


def test_extension_is_capped_at_ten_working_days(new, coordinator):
    t = new("2024-09-27")
    workflow.accept(t, on=D("2024-09-29"), by=coordinator)
    workflow.extend(t, on=D("2024-10-08"), days=6, approver="热线办主任", by=coordinator)
    with pytest.raises(
        TransitionError, match="延期不得超过10个工作日，已延期6个工作日，本次最多可延期4个工作日"
    ):
        workflow.extend(t, on=D("2024-10-08"), days=5, approver="热线办主任", by=coordinator)
    workflow.extend(t, on=D("2024-10-09"), days=4, approver="热线办主任", by=coordinator)
    # 15 wd from 27 Sep: …10 Oct (5), 11 (6), Sat 12 Oct 调休上班 (7), 14–18 (8–12), 21–23 (13–15).
    assert due(t, REPLY.name) == D("2024-10-23")
    t.refresh_from_db()
    assert t.reply_due_on == D("2024-10-23")
    with pytest.raises(TransitionError, match="请填写批准延期的负责人"):
        workflow.extend(t, on=D("2024-10-09"), days=1, approver=" ", by=coordinator)


def test_return_only_within_two_working_days_then_a_full_period_for_the_next_unit(
    new, coordinator, market
):
    t = new("2024-09-27")
    before = audit.transitions(t)
    with pytest.raises(
        TransitionError, match=r"退回须在派单之日起2个工作日内提出（至2024年9月30日）"
    ):
        workflow.return_ticket(t, on=D("2024-10-08"), note="不属本局职责", by=coordinator)
    with pytest.raises(TransitionError, match="请填写退回理由"):
        workflow.return_ticket(t, on=D("2024-09-30"), by=coordinator)
    assert audit.transitions(t) == before
    workflow.return_ticket(t, on=D("2024-09-30"), note="属市场监管职责", by=coordinator)
    t.refresh_from_db()
    assert (t.state, t.department_id, t.return_count) == (State.RETURNED, None, 1)
    with pytest.raises(TransitionError, match="退回日期"):
        workflow.dispatch(t, on=D("2024-09-29"), department=market, by=coordinator)
    workflow.dispatch(t, on=D("2024-10-08"), department=market, by=coordinator)
    # From Tue 8 Oct: 9, 10, 11, Sat 12 (调休上班), Mon 14 → 14 Oct; return: 9, 10 → 10 Oct.
    assert due(t, REPLY.name) == D("2024-10-14")
    assert due(t, RETURN.name) == D("2024-10-10")
    t.refresh_from_db()
    assert t.department == market and t.reply_due_on == D("2024-10-14")


def test_a_dissatisfied_rating_reopens_the_ticket_with_a_new_reply_period(new, coordinator):
    t = new("2024-09-27")
    workflow.reply(t, on=D("2024-10-12"), by=coordinator)  # Saturday 调休上班, after 10 Oct: late
    t.refresh_from_db()
    assert t.replied_on_time is False and t.accepted_on == D("2024-10-12")
    with pytest.raises(TransitionError, match="评价为不满意的工单应当重办"):
        workflow.rate(t, on=D("2024-10-14"), rating=Rating.DISSATISFIED, by=coordinator)
    workflow.reopen(t, on=D("2024-10-14"), note="路灯仍不亮", by=coordinator)
    t.refresh_from_db()
    assert (t.state, t.rehandle_count, t.rating) == (State.REOPENED, 1, Rating.DISSATISFIED)
    # The re-handling's own clock from Mon 14 Oct: 15, 16, 17, 18, 21 → 21 Oct.
    assert due(t, "reply_r1") == D("2024-10-21")
    assert due(t, REPLY.name) == D("2024-10-10")  # the first round's clock keeps its date
    t.refresh_from_db()
    assert t.reply_due_on == D("2024-10-21")
    with pytest.raises(TransitionError, match="重办日期"):
        workflow.reply(t, on=D("2024-10-13"), by=coordinator)
    with pytest.raises(TransitionError, match="工单当前为“重办中”，不能退回"):
        workflow.return_ticket(t, on=D("2024-10-14"), note="x", by=coordinator)
    workflow.reply(t, on=D("2024-10-18"), by=coordinator)
    workflow.rate(t, on=D("2024-10-19"), rating=Rating.SATISFIED, by=coordinator)
    workflow.conclude(t, on=D("2024-10-21"), by=coordinator)
    t.refresh_from_db()
    assert (t.state, t.rating, t.rehandle_count) == (State.CONCLUDED, Rating.SATISFIED, 1)
    assert t.replied_on_time is False  # the first round was late
    assert audit.transitions(t).count("reopened") == 1


def test_after_the_last_rehandling_a_dissatisfied_rating_is_recorded_and_concluded(
    new, coordinator
):
    t = new("2025-03-03")
    day = D("2025-03-04")
    for _ in range(MAX_REHANDLINGS):
        workflow.reply(t, on=day, by=coordinator)
        workflow.reopen(t, on=day, by=coordinator)
    workflow.reply(t, on=day, by=coordinator)
    t.refresh_from_db()
    assert (
        workflow.reopen.blocked(t) == f"该工单已重办{MAX_REHANDLINGS}次，达到上限，请登记评价后办结"
    )
    workflow.rate(t, on=day, rating=Rating.DISSATISFIED, by=coordinator)
    workflow.conclude(t, on=day, by=coordinator)
    t.refresh_from_db()
    assert (t.state, t.rating, t.rehandle_count) == (State.CONCLUDED, "dissatisfied", 3)


def test_guards(new, coordinator, county, justice_bureau, other_county):
    t = new("2025-03-03")
    with pytest.raises(TransitionError, match="当前为“已派单（待签收）”，不能办结"):
        workflow.conclude(t, on=D("2025-03-04"), by=coordinator)
    with pytest.raises(TransitionError, match="回复日期（2025年3月2日）不能早于派单日期"):
        workflow.reply(t, on=D("2025-03-02"), by=coordinator)
    foreign = Department.objects.create(jurisdiction=other_county, name="公安局")
    fresh = HotlineTicket(
        jurisdiction=county,
        office=justice_bureau,
        category="help",
        title="求助",
        received_on=D("2025-03-03"),
    )
    workflow.receive(fresh, by=coordinator)
    with pytest.raises(TransitionError, match="承办单位不属于本区划"):
        workflow.dispatch(fresh, on=D("2025-03-03"), department=foreign, by=coordinator)
    workflow.callback  # noqa: B018 - declared
    workflow.reply(t, on=D("2025-03-04"), by=coordinator)
    workflow.callback(t, on=D("2025-03-05"), reached=False, by=coordinator)
    with pytest.raises(TransitionError, match="回访未接通，不能登记评价"):
        workflow.rate(t, on=D("2025-03-05"), rating=Rating.SATISFIED, by=coordinator)
    workflow.conclude(t, on=D("2025-03-05"), by=coordinator)


def test_a_direct_answer_concludes_at_intake(county, justice_bureau, coordinator):
    t = HotlineTicket(
        jurisdiction=county,
        office=justice_bureau,
        category="consultation",
        title="咨询社保",
        received_on=D("2025-03-03"),
    )
    workflow.receive(t, by=coordinator)
    workflow.conclude_directly(t, on=D("2025-03-03"), by=coordinator)
    t.refresh_from_db()
    assert (t.state, t.replied_on, t.department_id) == (State.CONCLUDED, D("2025-03-03"), None)
    assert clocks.clocks_for(t) == []
    with pytest.raises(TransitionError):
        workflow.reopen(t, on=D("2025-03-04"), by=coordinator)


def test_the_jurisdictions_rules_set_the_lengths(new, county, city):
    HotlineRules.objects.create(jurisdiction=city, year=2020, reply_days=7)
    HotlineRules.objects.create(jurisdiction=county, year=2024, reply_days=3, return_days=1)
    t = new("2024-09-27")
    # The county's own row wins over the city's: 3 wd → 29 Sep, 30 Sep, 8 Oct; return 1 wd → 29 Sep.
    assert due(t, REPLY.name) == D("2024-10-08")
    assert due(t, RETURN.name) == D("2024-09-29")
    assert "示例县自2024年度规则" in clocks.get(t, reply_spec(Rules())).basis
    older = new("2023-06-01")  # the county's row applies from 2024: the city's 7 wd for 2023
    # From Thu 1 Jun 2023: 2, 5, 6, 7, 8, 9, 12 Jun → 12 Jun.
    assert due(older, REPLY.name) == D("2023-06-12")
