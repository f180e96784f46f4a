"""Part 3 of the annual report (党政主要负责人履行推进法治建设第一责任人职责情况) written from the
履职 and 学法 rows — the meetings with their topics, the 批示, the 学法 sessions, who gave a 述法 when
and where — and the principal leaders' court appearances read from the 行政应诉 ledger; and the
普法 paragraph of part 1. Every figure is a `{{fig:…}}` token, so it is frozen and linked."""

from __future__ import annotations

from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.legal_education.models import (
    STUDY_MEETING_KINDS,
    DutyKind,
    LeaderDutyRecord,
    StudyMeeting,
)
from fazhi.ledgers.litigation.api import principal_appearances
from fazhi.lib.cn_date import cn_date

LE, LC, LD = "legal_education.", "legal_counsel.", "leader_duties."


def _rows(model: type, scope: Scope, **kw: object) -> list:  # type: ignore[type-arg]
    return list(
        model._default_manager.filter(  # type: ignore[attr-defined]
            jurisdiction_id__in=scope.ids, held_on__gte=scope.start, held_on__lt=scope.end, **kw
        ).order_by("held_on", "id")
    )


def _topics(rows: list, limit: int = 3, *, quote: bool = True) -> str:  # type: ignore[type-arg]
    """The first distinct topics, "等" when there are more."""
    distinct = list(dict.fromkeys(r.topic for r in rows))
    shown = [f"“{t}”" if quote else t for t in distinct[:limit]]
    return "、".join(shown) + ("等" if len(distinct) > limit else "")


def build_part3(scope: Scope) -> list[str]:
    """Sentences only for what the rows hold: a year without 批示 says nothing about 批示."""
    meetings = _rows(LeaderDutyRecord, scope, kind=DutyKind.MEETING)
    instructions = _rows(LeaderDutyRecord, scope, kind=DutyKind.INSTRUCTION)
    debriefs = _rows(LeaderDutyRecord, scope, kind=DutyKind.DEBRIEF)
    study = _rows(StudyMeeting, scope, kind__in=STUDY_MEETING_KINDS)
    appearances = principal_appearances(scope.ids, scope.start, scope.end)
    out: list[str] = []
    lead = []
    if meetings:
        lead.append(
            f"召开会议专题研究法治建设{token(LD + 'meetings_on_rule_of_law')}次，"
            f"研究{_topics(meetings)}事项"
        )
    if instructions:
        lead.append(f"对法治建设工作作出批示{token(LD + 'instructions')}次")
    if lead:
        out.append("党政主要负责人切实履行推进法治建设第一责任人职责，" + "；".join(lead) + "。")
    if study:
        lecturers = sorted({s.lecturer for s in study if s.lecturer})
        by = f"，由{'、'.join(lecturers[:3])}等领学" if lecturers else ""
        out.append(
            f"坚持领导干部带头尊法学法守法用法，全年开展常务会议学法和中心组学法"
            f"{token(LE + 'study_meetings')}次，学习{_topics(study, quote=False)}{by}。"
        )
    if debriefs:
        who = "；".join(
            f"{d.leader_title}{d.leader}于{cn_date(d.held_on)}在{d.place}述法" for d in debriefs[:5]
        )
        out.append(f"落实述法制度，全年{token(LD + 'debriefs')}述法：{who}。")
    if appearances:
        names = "、".join(
            dict.fromkeys(
                f"{a.defendant_name}{a.appearer_title}{a.appearer_name}" for a in appearances
            )
        )
        out.append(
            f"行政机关主要负责人带头出庭应诉{token(LD + 'court_appearances')}次（{names}）。"
        )
    return out


def build_part1(scope: Scope) -> list[str]:
    return [
        f"深入开展普法宣传，全年举办普法宣传活动{token(LE + 'activities')}场、法治讲座"
        f"{token(LE + 'lectures')}场，发放普法资料{token(LE + 'materials_distributed')}份，"
        f"受教育群众{token(LE + 'persons_reached')}人次；建成法治宣传教育阵地"
        f"{token(LE + 'publicity_venues')}处，培育法律明白人{token(LE + 'legal_literates')}名。"
        f"聘请法律顾问{token(LC + 'counsel_count')}名、公职律师{token(LC + 'public_lawyers')}名，"
        f"提供法律意见{token(LC + 'opinions')}条，村（社区）法律顾问覆盖率"
        f"{token(LC + 'village_coverage_rate')}。"
    ]


register_section(ledger="leader_duties", part=3, order=10, title="", build=build_part3)
register_section(
    ledger="legal_education", part=1, order=60, title="深化普法和法律服务", build=build_part1
)
