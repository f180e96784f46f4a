"""Demo letters to the 示例县 and 样板县 government mailboxes, 2023 to today: most replied within
the limit (now and then late), some routed to 依申请公开 or 信访, published when the writer agreed,
and recent ones still open (some past their due date)."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from fazhi.casework.demo import dates_in, person_name
from fazhi.ledgers.mailbox import workflow
from fazhi.ledgers.mailbox.models import MailboxLetter
from fazhi.org.demo import DemoContext

ORDER = 61
DAY = dt.timedelta(days=1)
TOPICS = [
    ("关于{p}路段路灯不亮的反映", "城市管理局", "经现场核查，路灯线路老化，已于近日完成维修。"),
    (
        "{p}小区物业收费问题",
        "住房和城乡建设局",
        "已约谈物业企业，责令其按备案标准收费并公示收费明细。",
    ),
    ("建议增设{p}公交站点", "交通运输局", "您的建议已纳入下半年公交线网优化方案，将组织论证。"),
    ("{p}附近餐馆油烟扰民", "生态环境局", "经执法人员检查，该餐馆已安装油烟净化设施并通过检测。"),
    (
        "咨询{p}灵活就业社保补贴",
        "人力资源和社会保障局",
        "符合条件的灵活就业人员可在户籍所在地社区申请，具体条件见附件。",
    ),
    ("{p}农贸市场食品安全", "市场监督管理局", "已开展专项检查，对两家经营户依法立案查处。"),
]
PLACES = ["城关", "河西", "东岗", "南湖", "北山", "新民"]


def populate(ctx: DemoContext) -> None:
    if MailboxLetter.objects.exists():
        ctx.log.append("政府信箱：已有信件，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for code in ("990102", "990103"):
        by = users[code]
        for year in range(2023, today.year + 1):
            n = rng.randint(70, 110)
            if year == today.year:
                n = n * today.timetuple().tm_yday // 365
            for received in dates_in(rng, year, n, today):
                subject, dept_name, answer = rng.choice(TOPICS)
                letter = workflow.receive(
                    MailboxLetter(
                        jurisdiction=ctx.jurisdictions[code],
                        department=ctx.departments[(code, dept_name)],
                        writer_name=person_name(rng),
                        writer_contact=f"139{rng.randint(10000000, 99999999)}",
                        subject=subject.format(p=rng.choice(PLACES)),
                        content="具体情况如下：……恳请有关部门予以关注并尽快处理。",
                        wants_public=rng.random() < 0.6,
                        received_on=received,
                    ),
                    by=by,
                )
                accepted = received + DAY * rng.randint(0, 1)
                if accepted > today:
                    continue
                workflow.accept(letter, on=accepted, by=by)
                done = received + DAY * rng.randint(2, 12)  # now and then past 5 working days
                if done > today:
                    continue
                roll = rng.random()
                if roll < 0.04:
                    workflow.route(
                        letter,
                        on=done,
                        route="disclosure",
                        route_ref="",
                        reply_text="您的来信属于政府信息公开申请，已转政府信息公开工作机构依照《政府信息公开条例》办理。",
                        by=by,
                    )
                elif roll < 0.10:
                    workflow.route(
                        letter,
                        on=done,
                        route="petition",
                        route_ref="",
                        reply_text="您反映的事项属于信访事项，已转县信访局依照《信访工作条例》办理。",
                        by=by,
                    )
                else:
                    publish = letter.wants_public and rng.random() < 0.85
                    workflow.reply(letter, on=done, reply_text=answer, publish=publish, by=by)
    ctx.log.append(f"政府信箱：示例县、样板县演示信件 {MailboxLetter.objects.count()} 件")
