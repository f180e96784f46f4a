"""行政执法: certificate validity on the act date, the annual-review and expiry clocks on the
deadline board, the score range of 案卷评查, the 法制审核 rule, indicators against hand counts and
import errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import clocks
from fazhi.casework.transitions import TransitionError
from fazhi.imports.importer import run_import
from fazhi.indicators.scope import Scope
from fazhi.ledgers.enforcement import workflow
from fazhi.ledgers.enforcement.clocks import ANNUAL_REVIEW, expiry
from fazhi.ledgers.enforcement.indicators import CERTIFICATES, DECISIONS, FIGURES, REVIEWS
from fazhi.ledgers.enforcement.ledger import (
    CERTIFICATE_SPEC,
    DECISION_SPEC,
    REVIEW_SPEC,
    campaign_for,
)
from fazhi.ledgers.enforcement.models import (
    CaseFileReview,
    CertificateKind,
    CertificateState,
    EnforcementCertificate,
    EnforcementDecision,
)
from tests.xlsx import workbook_bytes

D = dt.date.fromisoformat
E = "enforcement."


@pytest.fixture
def cert(county, police, coordinator):
    def make(issued: str, until: str, name: str = "张三", kind: str = CertificateKind.ENFORCEMENT):
        row = EnforcementCertificate(
            jurisdiction=county,
            department=police,
            kind=kind,
            certificate_number=f"N{EnforcementCertificate.objects.count() + 1:04d}",
            holder_name=name,
            issued_on=D(issued),
            valid_until=D(until),
        )
        return CERTIFICATE_SPEC.receive(row, by=coordinator)

    return make


def decision(county, police, first, second, on: str, **kw):
    return EnforcementDecision(
        jurisdiction=county,
        department=police,
        decided_on=D(on),
        party="某公司",
        summary="无证经营",
        officer=first,
        second_officer=second,
        **kw,
    )


def test_an_act_needs_two_certificates_valid_on_its_date(cert, county, police, coordinator):
    a = cert("2020-01-10", "2025-01-09", "甲")
    b = cert("2020-01-10", "2030-01-09", "乙")
    ok = DECISION_SPEC.receive(decision(county, police, a, b, "2025-01-09"), by=coordinator)
    assert ok.case_number == "示执决〔2025〕1号"
    with pytest.raises(TransitionError, match="甲的行政执法证（N0001）已于2025年1月9日到期"):
        DECISION_SPEC.receive(decision(county, police, a, b, "2025-01-10"), by=coordinator)
    workflow.REVOKE(b, on=D("2025-02-01"), by=coordinator, note="调离执法岗位")
    c = cert("2021-05-01", "2026-04-30", "丙")
    with pytest.raises(TransitionError, match="乙的行政执法证（N0002）已于2025年2月1日注销"):
        DECISION_SPEC.receive(decision(county, police, c, b, "2025-02-01"), by=coordinator)
    sup = cert("2021-05-01", "2026-04-30", "丁", kind=CertificateKind.SUPERVISION)
    with pytest.raises(TransitionError, match="不是行政执法证"):
        DECISION_SPEC.receive(decision(county, police, c, sup, "2025-03-01"), by=coordinator)
    with pytest.raises(TransitionError, match="执法人员不得少于两人"):
        DECISION_SPEC.receive(decision(county, police, c, c, "2025-03-01"), by=coordinator)
    assert EnforcementDecision.objects.count() == 1


def test_the_form_refuses_an_expired_certificate_and_saves_nothing(
    cert, county, police, coordinator
):
    a = cert("2020-01-10", "2025-01-09", "甲")
    b = cert("2020-01-10", "2030-01-09", "乙")
    client = Client()
    client.force_login(coordinator)
    data = {
        "department": police.pk,
        "decided_on": "2025-03-01",
        "kind": "penalty",
        "party": "某公司",
        "summary": "无证经营",
        "officer": a.pk,
        "second_officer": b.pk,
        "penalty_fen": "-5",
    }
    html = client.post(reverse("enforcement_decisions:create"), data).content.decode()
    assert "罚没金额不能为负数" in html
    data["penalty_fen"] = "12.345"
    html = client.post(reverse("enforcement_decisions:create"), data).content.decode()
    assert "金额小数超过两位" in html
    data["penalty_fen"] = "500"
    html = client.post(reverse("enforcement_decisions:create"), data).content.decode()
    assert "甲的行政执法证（N0001）已于2025年1月9日到期，2025年3月1日不具有执法资格" in html
    assert EnforcementDecision.objects.count() == 0


def test_a_first_time_reviewer_needs_the_legal_qualification(cert, county, police, coordinator):
    a, b = cert("2020-01-10", "2030-01-09", "甲"), cert("2020-01-10", "2030-01-09", "乙")
    row = decision(county, police, a, b, "2025-03-10", is_major=True)
    with pytest.raises(TransitionError, match="重大执法决定应当在作出决定前进行法制审核"):
        DECISION_SPEC.receive(row, by=coordinator)
    row = decision(
        county,
        police,
        a,
        b,
        "2025-03-10",
        is_major=True,
        legally_reviewed_on=D("2025-03-08"),
        reviewer_name="王审核",
        first_review=True,
    )
    with pytest.raises(TransitionError, match="取得法律职业资格（行政处罚法第五十八条）"):
        DECISION_SPEC.receive(row, by=coordinator)
    row.reviewer_qualified = True
    DECISION_SPEC.receive(row, by=coordinator)


def test_annual_review_clock_restarts_on_a_pass_and_the_board_lists_it(cert, coordinator):
    c = cert("2025-03-03", "2030-03-02")
    c.refresh_from_db()
    assert clocks.due(c, ANNUAL_REVIEW) == D("2026-03-03")
    assert c.review_due_on == D("2026-03-03")
    assert clocks.get(c, expiry(c)) is None  # not yet near its end
    workflow.PASS_REVIEW(c, on=D("2025-12-01"), by=coordinator, trained=True)
    c.refresh_from_db()
    assert clocks.due(c, ANNUAL_REVIEW) == D("2026-12-01") == c.review_due_on
    with pytest.raises(TransitionError, match="2025年度已经年审，不能重复年审"):
        workflow.PASS_REVIEW(c, on=D("2025-12-02"), by=coordinator)
    old = cert("2019-01-02", "2024-01-01", "李四")  # review missed, and expired
    old.refresh_from_db()
    assert old.review_due_on == D("2020-01-02")
    assert clocks.due(old, expiry(old)) == D("2024-01-02")  # 1 January is a holiday: rolls
    client = Client()
    client.force_login(coordinator)
    html = client.get(reverse("clocks:board") + "?group=overdue").content.decode()
    assert "李四（N0002）" in html and "执法证年审" in html and "执法证有效期届满" in html
    workflow.FAIL_REVIEW(c, on=D("2026-11-30"), by=coordinator)
    c.refresh_from_db()
    assert c.state == CertificateState.REVOKED and c.revoke_reason == "年审未通过"
    assert not clocks.get(c, ANNUAL_REVIEW).is_open


def test_expiry_clocks_start_in_the_last_ninety_days(cert, coordinator):
    from fazhi.clocks.engine import FLAG_UNCONFIRMED

    past = cert("2021-06-01", "2026-05-31")  # already near (past) its end when registered
    assert clocks.due(past, expiry(past)) == D("2026-06-01")  # 31 May 2026 is a Sunday: rolls
    far = cert("2025-01-01", "2029-12-31")
    assert clocks.get(far, expiry(far)) is None
    assert workflow.start_expiry_clocks(D("2029-09-01")) == 0  # 121 days left
    assert workflow.start_expiry_clocks(D("2029-10-15")) == 1
    clock = clocks.get(far, expiry(far))
    assert clock.due_on is None and clock.flag == FLAG_UNCONFIRMED  # 2029: no calendar yet
    assert workflow.start_expiry_clocks(D("2029-10-16")) == 0
    assert workflow.expire_lapsed(D("2026-06-01")) == 1  # the day after 31 May
    past.refresh_from_db()
    assert past.state == CertificateState.EXPIRED
    lapsed = clocks.get(past, expiry(past))
    assert (lapsed.is_open, lapsed.outcome) == (False, "lapsed")
    assert not clocks.get(past, ANNUAL_REVIEW).is_open
    assert workflow.expire_lapsed(D("2026-06-02")) == 0


def test_a_score_outside_the_sheet_is_refused(county, police, coordinator):
    campaign = campaign_for(county, 2025)
    row = CaseFileReview(
        jurisdiction=county,
        campaign=campaign,
        department=police,
        reviewed_on=D("2025-09-15"),
        file_number="示公罚决字〔2024〕3号",
        scores="15、26、20、25、15",
    )
    with pytest.raises(TransitionError, match="“事实清楚、证据确凿”满分25分，得分26超出评分范围"):
        REVIEW_SPEC.receive(row, by=coordinator)
    row.scores = "15、25、20"
    with pytest.raises(TransitionError, match="评分表有5个项目，您填写了3个得分"):
        REVIEW_SPEC.receive(row, by=coordinator)
    row.scores = "15、25、20、-1、15"
    with pytest.raises(TransitionError, match="非负整数"):
        REVIEW_SPEC.receive(row, by=coordinator)
    row.scores = "14、22、18、20、13"
    REVIEW_SPEC.receive(row, by=coordinator)
    assert (row.total, row.grade) == (87, "合格")


def test_indicators_against_hand_counts(cert, county, police, market, coordinator):
    a, b = cert("2020-01-10", "2030-01-09", "甲"), cert("2020-01-10", "2030-01-09", "乙")
    gone = cert("2020-01-10", "2030-01-09", "丙")
    cert("2020-01-10", "2025-06-30", "丁")  # expired within 2025: not a holder at its end
    cert("2022-01-10", "2030-01-09", "戊", kind=CertificateKind.SUPERVISION)
    workflow.PASS_REVIEW(a, on=D("2025-01-05"), by=coordinator, trained=True)
    workflow.PASS_REVIEW(b, on=D("2025-01-06"), by=coordinator, trained=False)
    workflow.FAIL_REVIEW(gone, on=D("2025-01-07"), by=coordinator)
    for on, fen, major in (("2025-02-01", 50_000, False), ("2025-03-01", 1_234_500, True)):
        DECISION_SPEC.receive(
            decision(
                county,
                police,
                a,
                b,
                on,
                penalty_fen=fen,
                is_major=major,
                legally_reviewed_on=D(on) - dt.timedelta(days=2) if major else None,
                reviewer_name="王审核" if major else "",
            ),
            by=coordinator,
        )
    DECISION_SPEC.receive(
        decision(county, police, a, b, "2024-05-01", penalty_fen=100), by=coordinator
    )
    campaign = campaign_for(county, 2025)
    for dept, issues in ((police, 2), (police, 0), (market, 3)):
        REVIEW_SPEC.receive(
            CaseFileReview(
                jurisdiction=county,
                campaign=campaign,
                department=dept,
                reviewed_on=D("2025-09-15"),
                file_number="卷",
                scores="10、20、15、20、10",
                issues_found=issues,
                issues_text="问题" if issues else "",
            ),
            by=coordinator,
        )
    scope = Scope.year(county, 2025)
    got = FIGURES.counts(scope)
    assert {
        k: got[E + k]
        for k in (
            "certificate_holders",
            "supervision_certificate_holders",
            "certificates_passed_review",
            "certificates_revoked",
            "officers_trained",
            "penalty_cases",
            "major_decisions",
            "major_decisions_legally_reviewed",
            "case_files_reviewed",
            "case_file_review_units",
            "case_file_issues_found",
        )
    } == {
        "certificate_holders": 2,
        "supervision_certificate_holders": 1,
        "certificates_passed_review": 2,
        "certificates_revoked": 1,
        "officers_trained": 1,
        "penalty_cases": 2,
        "major_decisions": 1,
        "major_decisions_legally_reviewed": 1,
        "case_files_reviewed": 3,
        "case_file_review_units": 2,
        "case_file_issues_found": 5,
    }
    assert got[E + "penalty_amount"] == Decimal("1.2845")  # 500元 + 12345元, in 万元
    for part in (CERTIFICATES, DECISIONS, REVIEWS):
        assert part.counts(scope) == part.counts_orm(scope)
    assert FIGURES.rows(E + "certificate_holders", scope).count() == 2
    assert FIGURES.rows(E + "case_file_review_units", scope).count() == 3
    assert "/ledgers/enforcement_decisions/" in FIGURES.drilldown_url(E + "penalty_amount", scope)


def test_import_refuses_an_expired_certificate_and_saves_nothing(cert, coordinator):
    cert("2020-01-10", "2025-01-09", "甲")
    cert("2020-01-10", "2030-01-09", "乙")
    spec = DECISION_SPEC.sheet
    headers = [
        "执法部门",
        "决定日期",
        "行为类别",
        "当事人",
        "案由",
        "执法人员（证件）",
        "第二名执法人员（证件）",
        "罚没金额（元）",
    ]
    rows = [
        ["公安局", D("2025-01-08"), "行政处罚", "某公司", "无证经营", "N0001", "N0002", "200.5"],
        ["公安局", D("2025-01-10"), "行政处罚", "某公司", "无证经营", "N0001", "N0002", 200],
        ["公安局", D("2025-01-11"), "行政处罚", "某公司", "无证经营", "N0001", "N0002", -3],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(spec, data, by=coordinator, context=spec.context(coordinator))
    assert [str(p) for p in report.problems] == [
        "第3行“执法人员（证件）”：甲的行政执法证（N0001）已于2025年1月9日到期，2025年1月10日不具有执法资格",
        "第4行“罚没金额（元）”：罚没金额不能为负数",
    ]
    assert EnforcementDecision.objects.count() == 0
    data = workbook_bytes(headers, [dict(zip(headers, rows[0], strict=True))])
    report = run_import(spec, data, by=coordinator, context=spec.context(coordinator))
    assert report.ok and report.created == 1
    row = EnforcementDecision.objects.get()
    assert (row.case_number, row.officer.holder_name, row.penalty_fen) == (
        "示执决〔2025〕1号",
        "甲",
        20050,
    )


def test_certificate_import_starts_the_review_clock(county, police, coordinator):
    spec = CERTIFICATE_SPEC.sheet
    headers = ["证件类别", "证件编号", "持证人", "所在执法部门", "发证日期", "有效期至"]
    rows = [
        ["行政执法证", "X1", "张三", "公安局", D("2025-03-03"), D("2030-03-02")],
        ["行政执法证", "X2", "李四", "公安局", D("2025-03-03"), D("2025-03-01")],
    ]
    data = workbook_bytes(headers, [dict(zip(headers, r, strict=True)) for r in rows])
    report = run_import(spec, data, by=coordinator, context=spec.context(coordinator))
    assert [str(p) for p in report.problems] == ["第3行“有效期至”：有效期截止日应晚于发证日期"]
    data = workbook_bytes(headers, [dict(zip(headers, rows[0], strict=True))])
    report = run_import(spec, data, by=coordinator, context=spec.context(coordinator))
    assert report.ok
    c = EnforcementCertificate.objects.get()
    assert clocks.due(c, ANNUAL_REVIEW) == D("2026-03-03")
