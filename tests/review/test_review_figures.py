"""Figure extraction on texts written for these tests (not copied from any report)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from review_helpers import TEXTS

from review import analyse_file, extract_figures


@pytest.mark.parametrize(("name", "count"), [("sample_county", 41), ("sample_city", 40)])
def test_own_texts_match_hand_checked_figures(name: str, count: int) -> None:
    expected = json.loads((TEXTS / f"{name}.json").read_text(encoding="utf-8"))["figures"]
    report = analyse_file(TEXTS / f"{name}.txt")
    got = [
        {k: f.to_json()[k] for k in ("number_text", "value", "unit", "qualifier", "indicator")}
        for f in report.figures
    ]
    assert got == expected
    assert len(got) == count


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("热线共受理群众诉求25万余次。", 250_000, "次", "at_least"),
        ("培训执法人员一千七百余人。", 1700, "人", "at_least"),
        ("共清理文件一百零六件。", 106, "件", None),
        ("调解成功率百分之九十八。", 98, "%", None),
        ("满意率比上年提高2.5个百分点。", 2.5, "个百分点", None),
        ("罚没金额1.5亿元。", 15_000, "万元", None),
        ("罚没金额320万元。", 320, "万元", None),
        ("发放资料约3000份。", 3000, "份", "approx"),
        ("出庭率不到60%。", 60, "%", "at_most"),
        ("办结率在95%以上。", 95, "%", "at_least"),
        ("每周两次开展检查。", 2, "次", None),
        ("在5个工作日内答复。", 5, "工作日", "at_most"),
        ("开展活动20场左右。", 20, "场", "approx"),
        ("受理案件超过200件。", 200, "件", "at_least"),
        ("聘请法律顾问十一名。", 11, "名", None),
    ],
)
def test_reads_value_unit_and_qualifier(
    text: str, value: float, unit: str, qualifier: str | None
) -> None:
    figs = extract_figures(text)
    assert len(figs) == 1, [f.span for f in figs]
    f = figs[0]
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)
    assert text[f.start : f.end] == f.span


def test_range_keeps_both_ends() -> None:
    (f,) = extract_figures("计划组织培训3至5期。")
    assert (f.value, f.upper, f.unit) == (3, 5, "期")


@pytest.mark.parametrize(
    "text",
    [
        "2023年1月16日组织培训。",
        "按照示政办〔2024〕15号文件要求。",
        "依据条例第三十三条规定。",
        "一是加强领导；二是完善制度；第三，强化监督。",
        "全面落实“十四五”规划，学习党的二十大精神。",
        "12345热线和12348公共法律服务热线运行良好。",
        "咨询电话0371-12345678。",
        "增强“四个意识”，从三个方面入手，落实“三重一大”。",
        "全面推行行政执法三项制度。",
        "前11个月行政败诉率位居第二名。",
        "每月1日至25日为宁静日。",
        "确保每一件文件都经得起检验，这是一项全局性工作。",
        "《安全生产十五条措施》已印发。",
        "在“3·15”“12·4”等节点开展宣传。",
    ],
)
def test_not_figures(text: str) -> None:
    assert [f.span for f in extract_figures(text)] == []


def test_one_numeral_two_rates() -> None:
    figs = extract_figures("认真办理人大代表建议，承办县人大议案204件，办结率、满意率均达100%。")
    assert [(f.value, f.indicator) for f in figs] == [
        (204, "proposals.npc_suggestions"),
        (100, "proposals.npc_completion_rate"),
        (100, "proposals.npc_satisfaction_rate"),
    ]


def test_both_subjects_share_a_rate() -> None:
    figs = extract_figures("办理人大代表建议30件、政协提案40件，办复率均达100%。")
    assert [f.indicator for f in figs] == [
        "proposals.npc_suggestions",
        "proposals.cppcc_proposals",
        "proposals.npc_completion_rate",
        "proposals.cppcc_completion_rate",
    ]


def test_frequency_has_no_indicator() -> None:
    (f,) = extract_figures("对政务新媒体开展每月一次的检查。")
    assert (f.value, f.unit, f.indicator) == (1, "次", None)


def test_sections_named_after_the_five_statutory_contents() -> None:
    from review.structure import analyse

    text = (
        "某区人民政府2023年法治政府建设情况报告\n"
        "一、2023年推进法治政府建设的主要举措和成效\n（一）完善制度。共制定规范性文件3件。\n"
        "1. 加强审核。审核合同50份。\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n区长带头学法4次。\n"
        "三、存在的不足和原因\n执法队伍不足。\n"
        "四、2024年推进法治政府建设的主要安排\n继续努力。\n"
        "五、其他需要报告的事项\n无。\n"
    )
    st = analyse(text)
    assert st.year == 2023
    assert [s.part for s in st.sections] == [
        "achievements",
        "leader_duties",
        "shortcomings",
        "next_year",
        "other",
    ]
    assert all(st.statutory_parts.values())
    assert [(h.level, h.marker) for h in st.headings] == [
        (1, "一、"),
        (2, "（一）"),
        (3, "1."),
        (1, "二、"),
        (1, "三、"),
        (1, "四、"),
        (1, "五、"),
    ]
    assert (
        analyse("某县2023年报告\n一、2023年主要工作\n做了很多。").sections[0].part == "achievements"
    )


@pytest.mark.parametrize(
    ("stem", "min_f1", "min_acc"),
    [
        ("own_city_amounts", 1.0, 0.97),
        ("own_department", 1.0, 1.0),
        ("own_enumerated_numerals", 1.0, 1.0),
        # unseen when written (before the unit-compatibility fixes: F1 0.935/0.936, acc 0.694/0.841)
        ("own_township", 0.93, 1.0),
        ("own_justice_bureau", 0.94, 0.97),
        # issue 16: written in the style of web copies of real reports (half-width
        # punctuation, page furniture, traditional characters), annotated before running
        ("own_web_excerpt", 1.0, 1.0),
        ("own_bureau_traditional", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.786 prec 1.000 (委员会召开全体会议,
        # 县级赋权 to townships named in the sentence, 受益群众 were not read)
        ("own_county_mixed", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.929 prec 0.867 (罚款金额 went to the
        # contract amount); still given an id: 立案查处违法行为132起 (cases opened, read as
        # penalty cases)
        ("own_street_office", 1.0, 0.94),
        # unseen when written: F1 0.950 (突破35万户 not read as at least), indicators 1.000
        ("own_city_numerals", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 1.000 prec 0.909 (制定修改省政府规章
        # went to amended normative documents)
        ("own_province", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators prec 0.667 (调解成功率 of labour arbitration
        # read as people's mediation; 立案查处…案件 read as penalty cases, as own_department
        # annotates them, while own_street_office and this text do not: left as it is)
        ("own_labour_bureau", 1.0, 0.92),
        # unseen when written: F1 0.970 (4.6万笔), indicators acc 0.500 prec 0.750 (the 普法
        # figures of a 反诈 paragraph under 开展法治宣传 had no word of the law in their sentence)
        ("own_police", 1.0, 0.94),
        # unseen when written: F1 1.000, indicators acc 0.727 prec 1.000 (审核规章和规范性文件
        # 草案, 办理复议案件 broken down by outcome, 讲法治课 were given no id)
        ("own_news_repost", 1.0, 1.0),
        # unseen when written: F1 0.973, indicators acc 0.812 prec 0.867 (见面率、办复率均达
        # for 人大 and 政协, 印发的文件, 检查覆盖率 read as the villages' coverage)
        ("own_gov_office", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.900 prec 1.000 (覆盖师生 not read)
        ("own_education", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.750 prec 0.750 (减免罚款金额 read as
        # the penalty amount, 被纠错 not read as the bureau being the respondent); still
        # without an id: 办理行政复议案件7件 of a bureau that was the respondent
        ("own_market", 1.0, 0.94),
        # unseen when written: F1 0.909 (全市3个入选项目之一 read as a count)
        ("own_tricky", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.850 (a list of outcomes in Chinese
        # numerals was taken for a list of unlike things)
        ("own_justice_full", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.875 prec 0.875 (负责人…专题述法 not
        # read); still given an id: 对5项…决策事项召开听证会 (decisions with a hearing)
        ("own_decisions", 1.0, 0.9),
        # unseen when written: F1 0.941 (村规民约18份 read as approximate), indicators acc
        # 0.778 prec 0.778 (成功调处, 集中宣传); still given an id: 18个村（社区）全部建成
        # 公共法律服务工作室 read as the villages of the township (arguably right)
        ("own_township2", 1.0, 0.94),
        # unseen when written: F1 1.000, indicators acc 0.750 prec 1.000 (参与人数 not read)
        ("own_ecology", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 1.000 prec 0.800 (审议规范性文件12件
        # borrowed 议题 from the clause before)
        ("own_opening", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.875 prec 1.000 (立案处罚 not read)
        ("own_ministry", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.667 prec 0.667 (12348热线 read as the
        # 12345 hotline, 讨回欠薪 not read as recovered)
        ("own_public_legal", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.833 prec 0.714 (行政诉讼案件败诉0件
        # went to the cases: the measure word next to the number now weighs more); still given
        # an id: 查处违法建设行为56起
        ("own_housing", 1.0, 0.93),
        # unseen when written: F1 1.000, indicators 1.000 / 1.000
        ("own_beijing_style", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.700 prec 0.636 (court-referred
        # disputes read as people's mediation, 负责人出庭应诉案件 as cases, 主要负责人出庭应诉
        # as all leaders' appearances)
        ("own_litigation", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators prec 0.000 (two ids given, both wrong:
        # 整改 of inspection findings read as 好差评 rectification)
        ("own_inspection", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 0.889 prec 0.889 (重大行政决策事项8件
        # in a list governed by 审核 read as decisions made)
        ("own_legality", 1.0, 1.0),
        # unseen when written: F1 1.000, indicators acc 1.000 prec 0.750; still given an id:
        # 对58个预算单位开展…审计全覆盖 (a noun phrase followed by a verb whose object is the
        # measure: reading 审计 as what is counted is right in 42件规范性文件进行清理, wrong here)
        ("own_audit", 1.0, 0.87),
        # unseen when written: all right
        ("own_health", 1.0, 1.0),
        # unseen when written: all right (traditional characters)
        ("own_traditional2", 1.0, 1.0),
        # unseen when written: all right (page furniture around a short report)
        ("own_chrome", 1.0, 1.0),
    ],
)
def test_own_texts_scored_against_gold_annotated_before_running(
    stem: str, min_f1: float, min_acc: float
) -> None:
    # Floors at the scores reached; docs/review.md lists what the own texts still miss.
    from review.catalog import load_catalog
    from review.evaluate import score_document

    gold = json.loads((TEXTS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    text = (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")
    d = score_document(gold, text, load_catalog())
    assert d.f1 >= min_f1, [g["span"] for g in d.missed]
    assert d.indicator_agreement >= min_acc, [
        (g["span"], p.indicator) for g, p in d.wrong_indicator
    ]


@pytest.mark.parametrize(
    ("text", "value", "upper", "qualifier"),
    [
        ("调解成功率百分之九十六点三。", 96.3, None, None),
        ("覆盖率百分之百。", 100, None, None),
        ("纠错率保持在15%至20%之间。", 15, 20, None),
        ("近三分之二的申请涉及征地。", 66.67, None, "approx"),
    ],
)
def test_chinese_decimals_full_percent_percent_ranges_and_fractions(
    text: str, value: float, upper: float | None, qualifier: str | None
) -> None:
    (f,) = extract_figures(text)
    assert (f.value, f.unit, f.upper, f.qualifier) == (value, "%", upper, qualifier)


def test_change_from_last_year_is_not_the_measure() -> None:
    (a, b) = extract_figures("全市持证行政执法人员4812人，比上年增加236人。")
    assert (a.indicator, b.indicator) == ("enforcement.certificate_holders", None)


# Sentences written for these tests. Slogans and names must not be figures even when the
# quote marks are missing (PDF extraction moves or drops them).
SLOGAN_SENTENCES = [
    "全市上下牢记三个务必，深刻领悟两个确立的决定性意义。",
    "协调推进四个全面战略布局，统筹推进五位一体总体布局。",
    "坚持两个毫不动摇，落实三个区分开来要求。",
    "围绕建设三个示范城、三个品质城的目标持续用力。",
    "围绕三个示范城、三个品质城，持续用力。",
    "推出五个一批重点项目，培育三个一百工程。",
    "学习十九届四中全会和党的二十大精神，编制十四五规划，实施八五普法规划。",
    "推行一网通办、一件事一次办，群众最多跑一次，实现一次办好。",
    "落实三重一大决策制度，开展两学一做学习教育。",
    "严格执行中央八项规定精神。",
    "落实四个最严要求，守住两个底线。",
    "增强三个意识，树牢两个观念，践行三个代表重要思想。",
    "拨打12345热线反映诉求。",
]


@pytest.mark.parametrize("text", SLOGAN_SENTENCES)
@pytest.mark.parametrize("quoted", [False, True])
def test_slogans_are_not_figures_with_or_without_quotes(text: str, quoted: bool) -> None:
    if quoted:  # the same sentence with every numeral-led name quoted
        import re

        text = re.sub(r"([一二两三四五六七八九十]+[个项位重学][^，。、]{1,4})", r"“\1”", text)
    assert [f.span for f in extract_figures(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县共设立四个部门，涉及3个乡镇，覆盖十八个村（社区）。", [4, 3, 18]),
        ("新建两个驿站、两个书屋，组建五个执法中队。", [2, 2, 5]),
        ("评选出两个最美乡镇，成立两个工作专班，设立四个分中心。", [2, 2, 4]),
        ("建立两个调解委员会，建成三个法治文化公园。", [2, 3]),
        ("人民调解组织二百三十个，调处纠纷。", [230]),
        ("发现问题三个，已全部整改。", [3]),
        ("围绕三个乡镇、三个社区开展试点。", [3, 3]),
        ("制定三项规定，印发两条意见。", [3, 2]),
        ("建成三个一站式服务中心。", [3]),
        ("增强执法力量，新增4个中队、12个站点。", [4, 12]),
        ("每月召开一次办公会，每三年一次换届。", [1, 1]),
        ("组织学习两个条例，举办三个讲座。", [2, 3]),
    ],
)
def test_counted_things_stay_figures(text: str, expected: list[int]) -> None:
    assert [f.value for f in extract_figures(text)] == expected


def test_seeds_and_own_texts_without_quote_marks_give_the_same_figures(seeds_dir: Path) -> None:
    import re

    for path in sorted(seeds_dir.glob("*.txt")) + sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        plain = re.sub(r"[“”‘’\"]", "", text)
        want = [(f.value, f.unit, f.qualifier) for f in extract_figures(text)]
        got = [(f.value, f.unit, f.qualifier) for f in extract_figures(plain)]
        assert got == want, path.name


@pytest.mark.parametrize(
    ("text", "span_start", "indicator"),
    [
        ("组织执法人员参加法律知识培训8期，参训150人次。", "8", None),
        ("组织执法人员参加法律知识培训8期，参训150人次。", "150", "enforcement.officers_trained"),
        ("评查行政处罚案卷90本，其中优秀案卷7本。", "7", None),
        ("办理法律援助案件400件，其中民事案件250件。", "250", None),
        ("规范行政执法，立案查处违法案件60件，结案55件。", "55", None),
        ("对5个执法科室的案卷开展评查。", "5", "enforcement.case_file_review_units"),
    ],
)
def test_unit_subset_and_own_clause_rules(
    text: str, span_start: str, indicator: str | None
) -> None:
    (fig,) = [f for f in extract_figures(text) if f.number_text == span_start]
    assert fig.indicator == indicator


def test_age_is_a_figure_only_after_nianling() -> None:
    ages = [f for f in extract_figures("执法人员平均年龄超过48岁。") if f.unit == "岁"]
    assert [(f.value, f.qualifier, f.indicator) for f in ages] == [(48, "at_least", None)]
    assert not [f for f in extract_figures("调解员年龄偏大，七十岁以上的较多。") if f.unit == "岁"]
