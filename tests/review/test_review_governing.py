"""Indicator mapping by the governing noun phrase and the verb (issue 16).

Sentences written for this test. A wrong id is worse than none: several cases check
that no id is given when the words do not say which measure it is.
"""

from __future__ import annotations

import pytest

from review import analyse_text


def _ids(text: str) -> list[str | None]:
    return [f.indicator for f in analyse_text("x.txt", text).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people sitting a law exam: officials, not enforcement officers
        ("组织全县3200名干部参加年度学法考试。", ["legal_education.persons_trained"]),
        ("全县1800余名国家工作人员完成网上学法考法。", ["legal_education.persons_trained"]),
        ("组织全县执法人员420人参加执法资格考试。", ["enforcement.officers_trained"]),
        (
            "组织新任科级干部法律知识考试2场，参考人员96人。",
            [None, "legal_education.persons_trained"],
        ),
        # meetings on the rule of law, and those on something else
        (
            "召开县政府常务会议6次专题研究法治政府建设。",
            ["leader_duties.meetings_on_rule_of_law"],
        ),
        ("召开县政府常务会议4次研究招商引资项目。", [None]),
        (
            "县政府常务会议研究法治建设相关议题9次。",
            ["leader_duties.meetings_on_rule_of_law"],
        ),
        ("研究法治政府建设议题35项。", [None]),
        # law study sessions of the theory study group
        ("局党组理论学习中心组开展学法15次。", ["legal_education.study_meetings"]),
        ("县委理论学习中心组集体学习9次，学习乡村振兴政策。", [None]),
        # catalogue items: in the hall, cut, or lists of them
        ("全县860项政务服务事项进驻大厅办理。", ["gov_services.items_in_hall"]),
        ("本级取消政务服务事项12项。", [None]),
        ("梳理政务服务事项清单14个。", [None]),
        ("编制公布行政许可事项58项。", ["gov_services.items"]),
        # the noun after the measure word is what is counted
        ("19个便民服务站实现了受理事项全覆盖。", [None]),
        ("全镇14个行政村全部聘请法律顾问。", ["legal_counsel.villages_covered"]),
        ("全县配备法律顾问的村（社区）共计98个。", ["legal_counsel.villages_covered"]),
        # unlike things counted together
        ("全年组织各类学习、培训、宣讲860余次。", [None]),
        ("开展护企、暖企、助企等“三项行动”300余场次。", [None]),
        # generic words need their topic named nearby
        ("已办结“一窗通办”事项65件。", [None]),
        ("通过告知承诺方式办理许可事项900件。", [None]),
        ("侦办经济犯罪案件12起，涉案金额达860万元。", [None, None]),
        ("向开发区下放市级行政权力40项。", [None]),
        ("承接县级下放行政执法事项33项。", ["enforcement.powers_delegated_to_townships"]),
        ("出具法律审查意见书65份。", ["legal_counsel.opinions"]),
        # the measure word next to the number outweighs a longer noun before it
        ("行政诉讼案件败诉1件。", ["litigation.lost"]),
        ("下发执法监督意见书8份。", [None]),
        # a change of a stock is not the stock
        ("新增公职律师7名，公职律师总数达到52名。", [None, "legal_counsel.public_lawyers"]),
        # generic words need what they are about: the law, legal advice, counsel's documents
        ("牵头起草政府规章草案3件。", [None]),
        ("法律顾问起草法律文书12份。", ["legal_counsel.documents_drafted"]),
        ("全年办理领导批示件56件。", [None]),
        ("主要负责人作出法治建设批示8次。", ["leader_duties.instructions"]),
        ("全年共接待群众咨询1200人次。", [None]),
        ("组织审计整改问题42个。", [None]),
    ],
)
def test_governing_noun_phrase(text: str, expected: list[str | None]) -> None:
    assert _ids(text) == expected


def test_a_brand_event_is_not_legal_publicity() -> None:
    # no word of the law in the sentence: a count of events, but not 普法 events
    assert _ids("组织开展“暖心驿站”等12场品牌活动。") == [None]
    assert _ids("组织开展宪法宣传周等普法宣传活动12场。") == ["legal_education.activities"]


def test_a_smaller_count_named_by_another_word_of_the_measure_keeps_its_id() -> None:
    ids = _ids("本级保留政务服务事项640项，行政许可事项210项。")
    assert ids == ["gov_services.items", "gov_services.items"]
    # the same word again: a sub-category of the first count
    assert _ids("审查执法案卷120本，发现问题案卷15本。")[1] is None


def test_variant_measure_words_count_the_same_thing() -> None:
    assert _ids("为镇政府提供法律意见书40件次。") == ["legal_counsel.opinions"]
    assert _ids("局党组专题研究部署法治建设工作3场次。") == [
        "leader_duties.meetings_on_rule_of_law"
    ]


def test_the_heading_names_the_topic_of_its_figures() -> None:
    text = "（三）提升政务服务便民热线质效\n全年受理群众诉求8600件，办结8550件。"
    assert _ids(text) == ["hotline.tickets_received", "hotline.tickets_concluded"]
    # the same sentence under another heading: 受理 and 办结 name no measure
    text = "（三）优化营商环境\n全年受理群众诉求8600件，办结8550件。"
    assert _ids(text) == [None, None]
