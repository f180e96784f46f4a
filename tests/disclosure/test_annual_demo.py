"""The 政府信息公开工作年度报告 of 示例县 for 2025 on the demo rows: the tables add up, match counts
made here row by row in plain Python, and section 四 counts the 信息公开 复议 cases and lawsuits."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from fazhi.ledgers.disclosure import annual
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.org.models import Jurisdiction

D = dt.date.fromisoformat


@pytest.fixture
def demo_county(db: None) -> Jurisdiction:
    from fazhi.ledgers.disclosure import demo
    from fazhi.org import demo as org_demo

    ctx = org_demo.build_org()
    demo.populate(ctx)
    return Jurisdiction.objects.get(code="990102")


def test_demo_table_adds_up_and_matches_hand_counts(demo_county: Jurisdiction) -> None:
    report = annual.build(demo_county, 2025)
    assert report.issues == []
    start, end = D("2025-01-01"), D("2025-12-31")
    new, carried, results, forward = Counter(), Counter(), Counter(), Counter()
    for r in DisclosureRequest.objects.filter(jurisdiction=demo_county):
        if r.received_on > end or (r.replied_on is not None and r.replied_on < start):
            continue
        (new if r.received_on >= start else carried)[r.applicant_kind] += 1
        if r.replied_on is not None and r.replied_on <= end:
            key = (
                r.reply_type
                if r.reply_type in ("disclosed", "partially_disclosed")
                else f"{r.reply_type}:{r.reply_ground}"
            )
            results[(key, r.applicant_kind)] += 1
        else:
            forward[r.applicant_kind] += 1
    t = report.table3
    for kind in (
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_service",
        "other_org",
    ):
        assert t["new"][kind] == new[kind]
        assert t["carried"][kind] == carried[kind]
        assert t["carry_forward"][kind] == forward[kind]
    for (key, kind), n in results.items():
        assert t[key][kind] == n, (key, kind)
    assert t["new"]["total"] == sum(new.values()) > 30
    assert t["total"]["total"] == sum(results.values())
    assert (
        t["new"]["total"] + t["carried"]["total"]
        == t["total"]["total"] + t["carry_forward"]["total"]
    )
    # several result rows are non-zero, and every reply type appears in the year
    assert len({k.split(":")[0] for k, _ in results}) >= 5


def test_section_four_counts_the_disclosure_reviews_and_suits(
    county: Jurisdiction, justice_bureau, police, coordinator
) -> None:
    from fazhi.ledgers.litigation import workflow as suits
    from fazhi.ledgers.litigation.ledger import sample as suit_sample
    from fazhi.ledgers.reconsideration.ledger import sample as review_sample

    reviews = [
        review_sample(county, justice_bureau, police, coordinator, D(on))
        for on in ("2025-02-03", "2025-03-03")
    ]
    other = review_sample(county, justice_bureau, police, coordinator, D("2025-04-01"))  # 行政处罚
    for r in reviews:
        r.act_category = "disclosure"
        r.save(update_fields=["act_category"])
    direct = suit_sample(county, justice_bureau, police, coordinator, D("2025-05-06"))
    after = suit_sample(county, justice_bureau, police, coordinator, D("2025-06-03"))
    for s, link in ((direct, None), (after, reviews[0])):
        s.act_category = "disclosure"
        s.reconsideration_case = link
        s.save(update_fields=["act_category", "reconsideration_case"])
    suits.answer(direct, on=D("2025-05-15"), by=coordinator)
    suits.decide(
        direct,
        on=D("2025-08-01"),
        decision_kind="judgment",
        disposition="claims_rejected",
        served_on=None,
        by=coordinator,
    )
    report = annual.build(county, 2025)
    assert report.table4["review"] == {
        "upheld": 0,
        "corrected": 0,
        "other": 0,
        "pending": 2,
        "total": 2,
    }
    assert report.table4["direct"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert report.table4["after_review"] == {
        "upheld": 0,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 1,
    }
    assert other.act_category == "penalty"
    assert report.issues == []
