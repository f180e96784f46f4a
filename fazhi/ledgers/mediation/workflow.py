"""Transitions of a mediated dispute, on the casework engine: 受理 → 调解成功（口头协议，即时生效）
or 调解成功（书面协议）→ 签字盖章 → 协议生效 → 申请司法确认; or 调解不成 with the channel the
parties were guided to. A written agreement takes effect only with every signature and the
committee's seal (人民调解法 Art. 29): `take_effect` refuses otherwise and names who is missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today
from fazhi.ledgers.mediation.clocks import CONFIRMATION, MEDIATION, mediation_period
from fazhi.ledgers.mediation.models import MediationCase, MediationParty
from fazhi.ledgers.mediation.states import AgreementForm, Referral, Side, State
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("调")  # 示调〔2025〕3号
DUE = DueCache(
    clocks=frozenset({MEDIATION.name}),
    field="mediation_due_on",
    flag_field="mediation_due_flag_year",
    label="调解期限",
    states=frozenset({State.ACCEPTED}),
)
# What the quick-entry form may settle at once: a dispute entered after it was mediated.
QUICK_OUTCOMES = ("oral", "written", "failed")


def link_problem(case: MediationCase) -> str:
    """The committee must be of the row's jurisdiction and the mediator of that committee."""
    committee = case.committee if case.committee_id else None
    if committee is None:
        return "请选择调解组织"
    if committee.jurisdiction_id != case.jurisdiction_id:
        return "所选调解组织不属于本区划"
    mediator = case.mediator if case.mediator_id else None
    if mediator is not None and mediator.committee_id != committee.pk:
        return f"调解员{mediator.name}不是“{committee.name}”的调解员"
    if committee.dissolved_on and case.received_on and case.received_on > committee.dissolved_on:
        return f"“{committee.name}”已于{cn_date(committee.dissolved_on)}撤销"
    return ""


@transaction.atomic
def receive(
    case: MediationCase,
    *,
    by: Any,
    children: Iterable[Mapping[str, Any]] = (),
    outcome: Mapping[str, Any] | None = None,
) -> MediationCase:
    """受理: the 案号, the parties, the mediation clock; then, for a dispute entered after the
    fact, its outcome (`outcome` or the quick-entry form's `case.entry_outcome`)."""
    if case.pk is not None:
        raise TransitionError("该纠纷已登记")
    if case.received_on is None:
        raise TransitionError("请填写受理日期")
    not_after_today(case.received_on, "受理日期")
    problem = link_problem(case)
    if problem:
        raise TransitionError(problem)
    given = list(children) or [{"name": n} for n in getattr(case, "entry_parties", ())]
    parties = [dict(c) for c in given if (c.get("name") or "").strip()]
    if len(parties) < 2:
        raise TransitionError("请填写纠纷双方当事人（至少两方）")
    if case.committee_id and not case.department_id:
        case.department_id = case.committee.department_id
    case.state = State.ACCEPTED
    register_row(case, NUMBERING, year=case.received_on.year, by=by)
    for i, p in enumerate(parties):
        party = MediationParty(
            case=case,
            name=p["name"].strip()[:60],
            side=p.get("side") or (Side.APPLICANT if i == 0 else Side.RESPONDENT),
            signed_on=p.get("signed_on"),
        )
        party._history_user = by  # type: ignore[attr-defined]
        party.save()
    clocks.start(case, mediation_period(), on=case.received_on, by=by)
    DUE.refresh(case)
    settle(case, outcome or getattr(case, "entry_outcome", None), by=by)
    return case


def settle(case: MediationCase, outcome: Mapping[str, Any] | None, *, by: Any) -> None:
    """Apply a quick-entry outcome through the ordinary transitions (their guards hold)."""
    if not outcome or not outcome.get("kind"):
        return
    kind, on = outcome["kind"], outcome.get("on")
    if kind == "oral":
        resolve_oral(case, on=on, by=by)
    elif kind == "written":
        resolve_written(case, on=on, by=by, agreement_terms=outcome.get("agreement_terms") or "")
    elif kind == "failed":
        fail(case, on=on, by=by, referral=outcome.get("referral") or "")
    else:
        raise TransitionError(f"未知的调解结果“{kind}”")


def _stop_mediation(case: MediationCase, ctx: Ctx) -> None:
    stop_if_open(case, MEDIATION, on=ctx.day, by=ctx.by)
    DUE.refresh(case)


RECEIVED = (("received_on", "受理日期"),)

resolve_oral = Transition(
    "resolve_oral",
    "调解成功（口头协议）",
    (State.ACCEPTED,),
    State.RESOLVED,
    event="resolved_oral",
    date_field="concluded_on",
    date_label="达成协议日期",
    after=RECEIVED,
    # An oral agreement takes effect when reached (Art. 30).
    changes=lambda c, ctx: {
        "agreement_form": AgreementForm.ORAL,
        "agreement_effective_on": ctx.on,
    },
    effects=_stop_mediation,
    style="success",
)


def _terms(case: MediationCase, ctx: Ctx) -> str | None:
    return None if (ctx["agreement_terms"] or "").strip() else "请填写调解协议的内容"


resolve_written = Transition(
    "resolve_written",
    "调解成功（书面协议）",
    (State.ACCEPTED,),
    State.SIGNING,
    event="resolved_written",
    date_field="concluded_on",
    date_label="达成协议日期",
    after=RECEIVED,
    inputs=("on", "agreement_terms", "note"),
    checks=(_terms,),
    changes=lambda c, ctx: {
        "agreement_form": AgreementForm.WRITTEN,
        "agreement_terms": ctx["agreement_terms"].strip(),
    },
    effects=_stop_mediation,
    style="success",
)

SIGNERS = {
    "all": "全体当事人、调解员签名并加盖调解委员会印章",
    "parties": "全体当事人签名（盖章、按指印）",
    "party": "一方当事人签名（填写其姓名）",
    "mediator": "调解员签名",
    "seal": "调解委员会盖章",
}


def _signer(case: MediationCase, ctx: Ctx) -> str | None:
    who = ctx["signer"]
    if who not in SIGNERS:
        return "请选择签名或盖章的一方"
    if who == "party":
        name = (ctx["party_name"] or "").strip()
        if not name:
            return "一方当事人签名的，请填写该当事人姓名"
        if not case.parties.filter(name=name).exists():
            names = "、".join(case.parties.values_list("name", flat=True))
            return f"本纠纷没有名为“{name}”的当事人（当事人：{names}）"
    return None


def _signed(case: MediationCase, ctx: Ctx) -> dict[str, Any]:
    who = ctx["signer"]
    out: dict[str, Any] = {}
    if who in ("all", "mediator"):
        out["mediator_signed_on"] = ctx.on
    if who in ("all", "seal"):
        out["committee_sealed_on"] = ctx.on
    return out


def _parties_signed(case: MediationCase, ctx: Ctx) -> None:
    who = ctx["signer"]
    if who not in ("all", "parties", "party"):
        return
    parties = case.parties.filter(signed_on__isnull=True)
    if who == "party":
        parties = parties.filter(name=(ctx["party_name"] or "").strip())
    for party in parties:
        party.signed_on = ctx.on
        party._history_user = ctx.by  # type: ignore[attr-defined]
        party.save(update_fields=["signed_on"])


sign = Transition(
    "sign",
    "登记签字盖章",
    (State.SIGNING,),
    event="signed",
    date_label="签名（盖章）日期",
    after=(("concluded_on", "达成协议日期"),),
    inputs=("on", "signer", "party_name", "note"),
    checks=(_signer,),
    changes=_signed,
    history_note=lambda c, ctx: (
        f"当事人{ctx['party_name']}签名" if ctx["signer"] == "party" else SIGNERS[ctx["signer"]]
    ),
    effects=_parties_signed,
    style="outline-primary",
)


def _signatures(case: MediationCase, ctx: Ctx) -> str | None:
    missing = case.missing_signatures()
    if missing:
        return (
            f"{'、'.join(missing)}尚未签名或盖章，调解协议不能生效"
            "（人民调解法第二十九条：各方当事人签名、盖章或者按指印，人民调解员签名并加盖"
            "人民调解委员会印章之日起生效）"
        )
    dates = [p.signed_on for p in case.parties.all()]
    dates += [case.mediator_signed_on, case.committee_sealed_on]
    last = max(d for d in dates if d is not None)
    if ctx.on is not None and ctx.on < last:
        return (
            f"协议生效日期（{cn_date(ctx.on)}）不能早于最后一方签名或盖章的日期（{cn_date(last)}）"
        )
    return None


def _start(case: MediationCase, spec: Any, ctx: Ctx) -> None:
    clocks.start(case, spec, on=ctx.day, by=ctx.by)


take_effect = Transition(
    "take_effect",
    "协议生效",
    (State.SIGNING,),
    State.RESOLVED,
    event="agreement_effective",
    date_field="agreement_effective_on",
    date_label="协议生效日期",
    after=(("concluded_on", "达成协议日期"),),
    checks=(_signatures,),
    effects=lambda c, ctx: _start(c, CONFIRMATION, ctx),
    style="success",
)


def _court(case: MediationCase, ctx: Ctx) -> str | None:
    return None if (ctx["confirmation_court"] or "").strip() else "请填写受理司法确认申请的人民法院"


apply_confirmation = Transition(
    "apply_confirmation",
    "申请司法确认",
    (State.RESOLVED,),
    State.CONFIRMATION,
    event="judicial_confirmation",
    date_field="confirmation_applied_on",
    date_label="共同申请司法确认日期",
    after=(("agreement_effective_on", "协议生效日期"),),
    inputs=("on", "confirmation_court", "note"),
    when=(
        lambda c: (
            None
            if c.agreement_form == AgreementForm.WRITTEN and c.agreement_effective_on
            else "只有已生效的书面调解协议才能申请司法确认"
        ),
    ),
    checks=(_court,),
    changes=lambda c, ctx: {"confirmation_court": ctx["confirmation_court"].strip()[:60]},
    effects=lambda c, ctx: stop_if_open(c, CONFIRMATION, on=ctx.day, by=ctx.by),
    style="outline-primary",
)


def _referral(case: MediationCase, ctx: Ctx) -> str | None:
    return None if ctx["referral"] in Referral.values else "请选择引导当事人解决纠纷的途径"


fail = Transition(
    "fail",
    "调解不成（终结调解）",
    (State.ACCEPTED,),
    State.FAILED,
    event="failed",
    date_field="concluded_on",
    date_label="终结调解日期",
    after=RECEIVED,
    inputs=("on", "referral", "note"),
    checks=(_referral,),
    changes=lambda c, ctx: {"referral": ctx["referral"]},
    effects=_stop_mediation,
    style="outline-secondary",
)

TRANSITIONS = [resolve_oral, resolve_written, sign, take_effect, apply_confirmation, fail]


def lapse_confirmation(today: dt.date | None = None) -> int:
    """The 30-day window for 司法确认 ran out without a joint application: the clock stops as
    lapsed (the agreement stays valid; the court will no longer confirm it)."""
    from fazhi.clocks.models import Clock

    today = today or timezone.localdate()
    n = 0
    rows = Clock.objects.filter(
        ledger="mediation", name=CONFIRMATION.name, state="running", due_on__lt=today
    ).values_list("object_id", "due_on")
    for pk, due in list(rows):
        case = MediationCase.objects.filter(pk=pk, state=State.RESOLVED).first()
        if case is None:
            continue
        stop_if_open(
            case, CONFIRMATION, on=due, by=None, outcome="lapsed", outcome_label="未申请司法确认"
        )
        n += 1
    return n
