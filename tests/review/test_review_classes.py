"""The classes of wording found on reports the reader was not written for (issue 16).

Every sentence here was written for this test; none is copied from a report, the
development set or the seeds.
"""

from __future__ import annotations

import pytest

from review import analyse_text


def _figs(text: str) -> list[tuple[float, str, str | None]]:
    return [(f.value, f.unit, f.qualifier) for f in analyse_text("x.txt", text).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # half-width comma before the number (web and PDF text)
        ("推进审批改革,318项事项实现网上办理。", [(318, "项", None)]),
        ("清理证明材料,压减42项,新增窗口6个。", [(42, "项", None), (6, "个", None)]),
        ("受理投诉1,250件。", [(1250, "件", None)]),
        # measure words that were missing
        ("每月安排法治课程2课时。", [(2, "课时", None)]),
        ("案件办理效率提高3倍。", [(3, "倍", None)]),
        ("上门走访市场主体640余家次。", [(640, "家次", "at_least")]),
        # 超N: more than
        ("全年审查行政协议超90份。", [(90, "份", "at_least")]),
        # 约 that ends a word does not qualify the number
        ("修订居民公约12份，签订调解协议约300份。", [(12, "份", None), (300, "份", "approx")]),
        ("组织附近5个社区参加，接近200人次。", [(5, "个", None), (200, "人次", "approx")]),
        # a round number written as its unit character alone
        (
            "开展送法下乡百余场，受益群众千余人次。",
            [(100, "场", "at_least"), (1000, "人次", "at_least")],
        ),
        # metric noun + 约 + 万 with no measure word
        ("普法短视频总播放量约38.6万。", [(386_000, "播放量", "approx")]),
        # administrative divisions as counters
        ("在3市17县开展示范创建。", [(3, "市", None), (17, "县", None)]),
        ("组织十二区政府交叉互评。", [(12, "区", None)]),
        # 大/小 between numeral and noun
        (
            "年度任务分为9大项、40小项。",
            [(9, "大项", None), (40, "小项", None)],
        ),
        ("共梳理出四大方面15个问题。", [(4, "方面", None), (15, "个", None)]),
        ("先后荣获两大奖项。", [(2, "奖项", None)]),
        # 个 + 方面/领域/重点 that count
        ("将年度要点细化为8个方面具体任务。", [(8, "个", None)]),
        ("对27个重点企业开展合规指导。", [(27, "个", None)]),
        ("涉及5个领域23项改革。", [(5, "个", None), (23, "项", None)]),
    ],
)
def test_counted_wordings(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    assert _figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Party-session numbers
        "认真学习县委十四届五次全会精神。",
        "在区委九届27次常委会议上研究部署。",
        "认真贯彻县十八届人大三次会议精神。",
        # rankings
        "排名全省前10位，连续三年位居前3名。",
        # ordinal lists after 第
        "完成第三、四批示范项目评审。",
        "组织第六至八期轮训。",
        # a count restating the items listed right before it
        "推荐南湖、北湖和西湖三个街道参评。",
        "报告分为做法、成效、问题四个部分之外的附件。",
        "聘请刘一鸣、陈可两名律师担任法律顾问。",
        # … or listed right after it with 一是/二是
        "抓好两项重点：一是建机制，二是强队伍。",
        # doctrinal formulas and service names
        "深刻领会新思想的5个重大意义。",
        "大厅提供24小时自助办理服务。",
        "千家万户知晓法律，百姓满意。",
        "服务两区建设，助力三区三州发展。",
        # page furniture of a web copy
        "发布时间：2024-03-28 浏览次数：1523次",
        "点击量:2310",
        "【打印】 阅读：586次",
        "从三个方面推进：一是立规矩，二是强监督，三是抓落实。",
    ],
)
def test_not_figures(text: str) -> None:
    if "四个部分之外" in text:
        # three items listed, four parts counted: a count, not a restatement
        assert _figs(text) == [(4, "个", None)]
        return
    assert _figs(text) == []


def test_a_list_of_documents_or_cases_is_still_counted() -> None:
    # only names of places, people, parts and kinds are restated by a count
    assert _figs("审核合同、协议2件。") == [(2, "件", None)]


def test_a_name_ending_in_a_numeral_character() -> None:
    assert _figs("特邀王小二两名同志授课。") == [(2, "名", None)]
    assert _figs("由赵七八名调解员组成。") == [(8, "名", None)]
    # a zero makes it a digit-by-digit number, as in years written in numerals
    assert _figs("表彰先进个人一〇五名。") == [(105, "名", None)]


def test_one_numeral_several_named_measures() -> None:
    three = analyse_text("x.txt", "卷宗评查合格率、归档率和群众满意率均为100%。").figures
    assert [(f.value, f.unit) for f in three] == [(100, "%")] * 3
    two = analyse_text("x.txt", "学法考试参考率、合格率均为100%。").figures
    assert len(two) == 2
    no_jun = analyse_text("x.txt", "全系统实现参学率、考试率和及格率100%。").figures
    assert len(no_jun) == 3
    change = analyse_text("x.txt", "办件平均用时、跑动次数时长同比压缩30%以上。").figures
    assert [(f.value, f.qualifier, f.indicator) for f in change] == [(30, "at_least", None)] * 2
    # 分别: one numeral each, not one shared
    each = analyse_text("x.txt", "办结率、满意率分别为96%、99%。").figures
    assert [f.value for f in each] == [96, 99]


def test_traditional_characters_keep_offsets_and_are_quoted_as_printed() -> None:
    text = "本縣梳理政務服務事項286項,新設便民驛站9個,培訓執法人員四百餘人。"
    report = analyse_text("x.txt", text)
    got = [(f.value, f.unit, f.qualifier, f.number_text) for f in report.figures]
    assert got == [
        (286, "項", None, "286"),
        (9, "個", None, "9"),
        (400, "人", "at_least", "四百餘"),
    ]
    for f in report.figures:
        assert report.text[f.start : f.end] == f.span
        assert f.span in text
    assert report.figures[0].indicator == "gov_services.items"
    assert report.figures[2].indicator == "enforcement.officers_trained"


def test_variant_forms_are_folded_too() -> None:
    text = "爲企業覈發證照56項。"
    report = analyse_text("x.txt", text)
    assert [(f.value, f.unit) for f in report.figures] == [(56, "項")]
    assert report.figures[0].span in text
