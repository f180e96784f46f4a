"""The five seed reports against their gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from review_helpers import GOLD, seed_path

from review import analyse_file, check, evaluate


def test_eval_meets_the_quality_bar(gold: dict[str, Any]) -> None:
    result = evaluate(GOLD)
    assert len(result.documents) == 5
    total = result.total()
    assert total.gold_figures == 124
    assert total.f1 >= 0.97
    assert total.indicator_accuracy >= 0.90
    assert total.sections_correct == total.sections_gold == 19
    assert total.parts_agree == 25
    last = result.lines()[-1]
    assert last.startswith("figures P=") and " indicators acc=" in last


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_structure_matches_gold(prefix: str, gold: dict[str, Any]) -> None:
    path = seed_path(prefix)
    g = gold[path.stem]
    report = analyse_file(path)
    st = report.structure
    assert st.year == g["year"]
    assert st.issuer == g["issuer"]
    assert st.recipient == g["recipient"]
    assert [
        (s.marker.replace("（", "(").replace("）", ")"), s.title, s.part) for s in st.sections
    ] == [
        (s["marker"].replace("（", "(").replace("）", ")"), s["title"], s["part"])
        for s in g["sections"]
    ]
    assert st.statutory_parts == g["statutory_parts"]


def test_suixian_concluded_80_is_not_76(seeds_dir: Path) -> None:
    report = analyse_file(seed_path("000"))
    findings = check(report)
    failed = [f for f in findings if f.code == "identity_failed"]
    assert len(failed) == 1
    f = failed[0]
    assert f.severity == "error"
    assert f.ref == "reconsideration.concluded_partition"
    assert f.message.startswith("勾稽关系不成立：审结应等于各分项之和")
    assert "80 ≠ 7 + 1 + 7 + 4 + 2 + 55 = 76" in f.message
    assert f.section == "一、主要工作开展情况和成效"
    assert f.span.startswith("目前已审结80件")
    assert report.text[f.start : f.end] == f.span


def test_pingdingshan_has_no_shortcomings_part() -> None:
    findings = check(analyse_file(seed_path("001")))
    missing = [f.message for f in findings if f.code == "missing_part"]
    assert len(missing) == 1 and "不足和原因" in missing[0]


def test_seed_identities_that_hold_raise_no_error() -> None:
    for prefix in ("002", "003"):
        findings = check(analyse_file(seed_path(prefix)))
        assert [f for f in findings if f.severity == "error"] == []


def test_quishan_rates_are_verified() -> None:
    from review.checks import identity_results

    results = {r.identity: r for r in identity_results(analyse_file(seed_path("003")))}
    assert results["mediation.success_rate"].holds
    assert "951 ÷ 1047 = 90.83%" in results["mediation.success_rate"].detail
    assert results["litigation.leader_appearance_rate"].holds
    assert results["mediation.agreement_partition"].holds
    assert results["reconsideration.received_partition"].partial
