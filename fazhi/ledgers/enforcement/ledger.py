"""The 行政执法 ledgers on the casework kit: certificates (a workflow), and three registers —
enforcement decisions, the 权责清单 and 案卷评查 files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.casework.numbering import Numbering
from fazhi.casework.register import RegisterDecl, facts, register_ledger
from fazhi.casework.registry import Lapse
from fazhi.ledgers.enforcement import (
    sections,  # noqa: F401 - registers the part 1 paragraph
    workflow,
)
from fazhi.ledgers.enforcement.indicators import CERTIFICATES, DECISIONS, POWERS, REVIEWS
from fazhi.ledgers.enforcement.models import (
    CaseFileReview,
    CertificateState,
    EnforcementCertificate,
    EnforcementDecision,
    Power,
    ReviewCampaign,
    ScoreItem,
)
from fazhi.lib.cn_date import cn_date

DOCS = "enforcement"
CERTIFICATE_FIELDS = (
    "kind",
    "certificate_number",
    "holder_name",
    "department",
    "issued_on",
    "valid_until",
    "last_reviewed_on",
)


def certificate_context(request: Any, cert: EnforcementCertificate) -> dict[str, Any]:
    reviews = "；".join(
        f"{cn_date(r.reviewed_on)}{'通过' if r.passed else '未通过'}"
        + ("（已完成年度培训考试）" if r.trained else "")
        for r in cert.reviews.all()
    )
    more = [("年审期限", workflow.DUE.text(cert)), ("年审记录", reviews or "—")]
    if cert.revoked_on:
        more.append(("注销", f"{cn_date(cert.revoked_on)}，{cert.revoke_reason}"))
    return {"facts": facts(cert, CERTIFICATE_FIELDS) + more}


def review_context(request: Any, row: CaseFileReview) -> dict[str, Any]:
    items = "、".join(str(i) for i in row.campaign.items.all())
    more = [("评分表", items), ("总分", str(row.total)), ("等次", row.grade)]
    return {"facts": facts(row, REVIEW_FIELDS) + more}


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def sample_certificate(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    cert = EnforcementCertificate(
        jurisdiction=jurisdiction,
        department=department,
        certificate_number=f"T{on:%Y%m%d}{EnforcementCertificate.objects.count():03d}",
        holder_name="张执法",
        issued_on=on,
        valid_until=_years_later(on, 5),
    )
    return CERTIFICATE_SPEC.receive(cert, by=by)


CERTIFICATE_SPEC = register_ledger(
    RegisterDecl(
        key="enforcement",
        model=EnforcementCertificate,
        title="行政执法",
        noun="执法证件",
        numbering=workflow.NUMBERING,
        date_field="issued_on",
        fields=CERTIFICATE_FIELDS,
        list_fields=(
            "holder_name",
            "kind",
            "certificate_number",
            "department",
            "valid_until",
            "review_due_on",
            "state",
        ),
        search_fields=("holder_name", "certificate_number"),
        required=("kind", "certificate_number", "holder_name", "issued_on", "valid_until"),
        filter_choices=("kind", "state"),
        order=70,
        create_label="登记执法证件",
        figures=CERTIFICATES,
        sample=sample_certificate,
        docs=DOCS,
        after_receive=workflow.start_clocks,
        future_dates=("valid_until",),
        instructions=["一行一个证件；年审、注销请在证件页面办理。"],
        example={
            "kind": "行政执法证",
            "certificate_number": "99010220250001",
            "holder_name": "张三",
            "department": "市场监督管理局",
            "issued_on": dt.date(2025, 3, 3),
            "valid_until": dt.date(2030, 3, 2),
        },
        spec_kwargs={
            "transitions": workflow.TRANSITIONS,
            "open_states": (CertificateState.VALID,),
            "due_cache": workflow.DUE,
            "detail_context": certificate_context,
            "lapses": (
                Lapse(
                    "expiry_clocks", "到期前90日起算有效期届满提醒", workflow.start_expiry_clocks
                ),
                Lapse("expire", "有效期届满的证件转为已到期", workflow.expire_lapsed),
            ),
        },
    )
)


def sample_decision(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    first = sample_certificate(jurisdiction, office, department, by, on - dt.timedelta(days=400))
    second = sample_certificate(jurisdiction, office, department, by, on - dt.timedelta(days=400))
    row = EnforcementDecision(
        jurisdiction=jurisdiction,
        department=department,
        decided_on=on,
        party="某餐饮管理有限公司",
        summary="未按规定公示许可证件",
        officer=first,
        second_officer=second,
        penalty_fen=200_000,
    )
    return DECISION_SPEC.receive(row, by=by)


def _certificates(jurisdiction: Any) -> Any:
    return EnforcementCertificate.objects.filter(jurisdiction=jurisdiction).select_related(
        "department"
    )


DECISION_SPEC = register_ledger(
    RegisterDecl(
        key="enforcement_decisions",
        nav_parent="enforcement",
        model=EnforcementDecision,
        title="行政执法决定",
        noun="执法决定",
        numbering=Numbering("执决"),
        date_field="decided_on",
        fields=(
            "department",
            "decided_on",
            "kind",
            "document_number",
            "party",
            "summary",
            "officer",
            "second_officer",
            "penalty_fen",
            "is_major",
            "legally_reviewed_on",
            "reviewer_name",
            "first_review",
            "reviewer_qualified",
        ),
        list_fields=("decided_on", "department", "kind", "party", "penalty_fen", "is_major"),
        search_fields=("party", "summary", "document_number"),
        required=("decided_on", "kind", "party", "summary", "officer", "second_officer"),
        filter_choices=("kind", "is_major"),
        order=71,
        figures=DECISIONS,
        sample=sample_decision,
        docs=DOCS,
        limit={"officer": _certificates, "second_officer": _certificates},
        lookups={"officer": "certificate_number", "second_officer": "certificate_number"},
        instructions=["执法人员填写执法证件编号；作出决定之日证件须在有效期内且未注销。"],
    )
)


def sample_power(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    row = Power(
        jurisdiction=jurisdiction,
        department=department,
        listed_on=on,
        item="对未按规定公示许可证件的处罚",
        kind="penalty",
        legal_basis="《中华人民共和国食品安全法》第一百二十六条",
    )
    return POWER_SPEC.receive(row, by=by)


POWER_SPEC = register_ledger(
    RegisterDecl(
        key="enforcement_powers",
        nav_parent="enforcement",
        model=Power,
        title="权责清单",
        noun="权责事项",
        numbering=Numbering("权责"),
        date_field="listed_on",
        fields=(
            "department",
            "listed_on",
            "item",
            "kind",
            "legal_basis",
            "delegated",
            "delegated_on",
            "withdrawn_on",
        ),
        list_fields=("item", "department", "kind", "delegated", "delegated_on"),
        search_fields=("item", "legal_basis"),
        required=("listed_on", "item", "kind", "legal_basis"),
        filter_choices=("kind", "delegated"),
        order=72,
        figures=POWERS,
        sample=sample_power,
        docs=DOCS,
    )
)


def campaign_for(jurisdiction: Any, year: int) -> ReviewCampaign:
    """The year's campaign with the default sheet (5 items, 100 points), created if missing."""
    campaign, made = ReviewCampaign.objects.get_or_create(
        jurisdiction=jurisdiction,
        title=f"{year}年度行政执法案卷评查",
        defaults={"started_on": dt.date(year, 3, 1)},
    )
    if made:
        for i, (name, points) in enumerate(DEFAULT_SHEET, start=1):
            ScoreItem.objects.create(campaign=campaign, position=i, name=name, max_points=points)
    return campaign


DEFAULT_SHEET = (
    ("主体合法", 15),
    ("事实清楚、证据确凿", 25),
    ("适用法律正确", 20),
    ("程序合法", 25),
    ("文书规范、归档完整", 15),
)


REVIEW_FIELDS = (
    "campaign",
    "department",
    "reviewed_on",
    "file_number",
    "scores",
    "issues_found",
    "issues_text",
    "rectification_ref",
    "rectified_on",
)


def sample_review(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    row = CaseFileReview(
        jurisdiction=jurisdiction,
        campaign=campaign_for(jurisdiction, on.year),
        department=department,
        reviewed_on=on,
        file_number="示公（治）罚决字〔2024〕12号",
        scores="14、22、18、20、13",
        issues_found=2,
        issues_text="询问笔录缺少执法人员签名；送达回证日期不全",
    )
    return REVIEW_SPEC.receive(row, by=by)


REVIEW_SPEC = register_ledger(
    RegisterDecl(
        key="case_file_reviews",
        nav_parent="enforcement",
        model=CaseFileReview,
        title="案卷评查",
        noun="评查案卷",
        numbering=Numbering("评查"),
        date_field="reviewed_on",
        fields=REVIEW_FIELDS,
        list_fields=("file_number", "department", "reviewed_on", "scores", "issues_found"),
        search_fields=("file_number", "issues_text", "rectification_ref"),
        required=("campaign", "reviewed_on", "file_number", "scores"),
        order=73,
        figures=REVIEWS,
        sample=sample_review,
        docs=DOCS,
        lookups={"campaign": "title"},
        spec_kwargs={"detail_context": review_context},
        instructions=["评查活动填写活动名称；各项得分按该活动评分表的顺序填写，以顿号分隔。"],
    )
)
