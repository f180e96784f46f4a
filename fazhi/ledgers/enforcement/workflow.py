"""The certificate workflow: 申领 (registration), 年审通过 / 年审不通过, 注销. Reviews are child
rows; the annual-review clock restarts on each pass and stops when the certificate is cancelled."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering
from fazhi.casework.transitions import Ctx, Transition
from fazhi.ledgers.enforcement.clocks import ANNUAL_REVIEW, EXPIRY_NOTICE_DAYS, expiry
from fazhi.ledgers.enforcement.models import (
    CertificateReview,
    CertificateState,
    EnforcementCertificate,
)

NUMBERING = Numbering("执证")
DUE = DueCache(
    clocks=frozenset({ANNUAL_REVIEW.name}),
    field="review_due_on",
    flag_field="review_due_flag_year",
    label="年审期限",
    states=frozenset({CertificateState.VALID}),
)
VALID = (CertificateState.VALID,)


def start_clocks(cert: EnforcementCertificate, by: Any) -> None:
    """After registration (by hand or import): the annual review runs from the issue date (or the
    last review on record); the expiry clock if the certificate is already near its end."""
    clocks.start(cert, ANNUAL_REVIEW, on=cert.last_reviewed_on or cert.issued_on, by=by)
    start_expiry_if_near(cert, by=by)


def start_expiry_if_near(
    cert: EnforcementCertificate, *, by: Any, today: dt.date | None = None
) -> bool:
    today = today or timezone.localdate()
    if cert.state != CertificateState.VALID:
        return False
    if (cert.valid_until - today).days > EXPIRY_NOTICE_DAYS:
        return False
    if clocks.get(cert, expiry(cert)) is not None:
        return False
    clocks.start(cert, expiry(cert), on=cert.issued_on, by=by)
    return True


def start_expiry_clocks(today: dt.date | None = None) -> int:
    """The daily run (a Lapse of the ledger): certificates entering their last 90 days."""
    today = today or timezone.localdate()
    n = 0
    near = EnforcementCertificate.objects.filter(
        state=CertificateState.VALID, valid_until__lte=today + dt.timedelta(EXPIRY_NOTICE_DAYS)
    )
    for cert in near.order_by("id").iterator(chunk_size=500):
        n += start_expiry_if_near(cert, by=None, today=today)
    return n


def _stop_all(cert: EnforcementCertificate, ctx: Ctx) -> None:
    stop_if_open(cert, ANNUAL_REVIEW, on=ctx.day, by=ctx.by)
    stop_if_open(cert, expiry(cert), on=ctx.day, by=ctx.by)


def _review(passed: bool) -> Any:
    def effects(cert: EnforcementCertificate, ctx: Ctx) -> None:
        CertificateReview.objects.create(
            certificate=cert, reviewed_on=ctx.day, passed=passed, trained=bool(ctx["trained"])
        )
        if passed:
            clocks.restart(cert, ANNUAL_REVIEW, on=ctx.day, by=ctx.by)
        else:
            _stop_all(cert, ctx)

    return effects


def _once_a_year(cert: EnforcementCertificate, ctx: Ctx) -> str | None:
    if cert.reviews.filter(reviewed_on__year=ctx.day.year).exists():
        return f"该证件{ctx.day.year}年度已经年审，不能重复年审"
    return None


def _not_expired(cert: EnforcementCertificate, ctx: Ctx) -> str | None:
    if ctx.day > cert.valid_until:
        return "证件已过有效期，不能年审，请办理换证"
    return None


TRAINED = forms.BooleanField(label="已完成年度培训考试", required=False)
PASS_REVIEW = Transition(
    "pass_review",
    "年审通过",
    VALID,
    date_field="last_reviewed_on",
    date_label="年审日期",
    after=(("issued_on", "发证日期"), ("last_reviewed_on", "上次年审日期")),
    inputs=("on", "trained", "note"),
    fields={"trained": TRAINED},
    checks=(_once_a_year, _not_expired),
    expect=lambda c: {"last_reviewed_on": c.last_reviewed_on},
    effects=_review(True),
    style="success",
)
FAIL_REVIEW = Transition(
    "fail_review",
    "年审不通过",
    VALID,
    target=CertificateState.REVOKED,
    date_field="revoked_on",
    date_label="年审日期",
    after=(("issued_on", "发证日期"), ("last_reviewed_on", "上次年审日期")),
    checks=(_once_a_year,),
    changes=lambda c, ctx: {"revoke_reason": "年审未通过"},
    effects=_review(False),
    style="outline-danger",
)
REVOKE = Transition(
    "revoke",
    "注销",
    VALID,
    target=CertificateState.REVOKED,
    date_field="revoked_on",
    date_label="注销日期",
    after=(("issued_on", "发证日期"),),
    note_required="请填写注销原因（调离执法岗位、退休、违法违纪等）",
    note_field="revoke_reason",
    effects=_stop_all,
    style="outline-danger",
)


def _lapsed(cert: EnforcementCertificate, ctx: Ctx) -> None:
    stop_if_open(cert, ANNUAL_REVIEW, on=ctx.day, by=ctx.by)
    stop_if_open(
        cert, expiry(cert), on=ctx.day, by=ctx.by, outcome="lapsed", outcome_label="到期未换发"
    )


EXPIRE = Transition(
    "expire",
    "有效期届满",
    VALID,
    target=CertificateState.EXPIRED,
    inputs=("on",),
    effects=_lapsed,
    system=True,  # the daily lapse run, the day after 有效期至
)
TRANSITIONS = (PASS_REVIEW, FAIL_REVIEW, REVOKE, EXPIRE)


def expire_lapsed(today: dt.date | None = None) -> int:
    """The daily run: certificates past their 有效期至 leave the board (a Lapse of the ledger)."""
    today = today or timezone.localdate()
    n = 0
    due = EnforcementCertificate.objects.filter(state=CertificateState.VALID, valid_until__lt=today)
    for cert in due.order_by("id").iterator(chunk_size=500):
        EXPIRE(cert, on=cert.valid_until + dt.timedelta(days=1), by=None)
        n += 1
    return n
