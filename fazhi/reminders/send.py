"""The daily reminder run: for every active person, today's overdue and due-soon items and the
approvals waiting for them (fazhi.todo) become Reminder rows — once per item and day, so a
second run the same day adds nothing — and one e-mail lists the new ones (Django's mail
settings: the console backend in the demo, SMTP in production)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from fazhi import todo
from fazhi.reminders.models import Reminder

SENT_KINDS = ("overdue", "soon", "approval", "report", "calendar")


@dataclass
class Result:
    people: int = 0  # people with at least one new reminder
    reminders: int = 0  # new reminder rows
    emails: int = 0  # e-mails sent
    unchanged: int = 0  # items already reminded today


def run(today: dt.date | None = None) -> Result:
    today = today or timezone.localdate()
    result = Result()
    for user in get_user_model().objects.filter(is_active=True).order_by("pk"):
        items = [i for i in todo.items_for(user, today) if i.kind in SENT_KINDS]
        if not items:
            continue
        done = set(Reminder.objects.filter(user=user, day=today).values_list("key", flat=True))
        new = []
        for item in items:
            if item.key in done:
                result.unchanged += 1
                continue
            try:
                with transaction.atomic():
                    new.append(
                        Reminder.objects.create(
                            user=user,
                            key=item.key[:120],
                            day=today,
                            kind=item.kind,
                            text=item.text[:300],
                            url=item.url[:300],
                        )
                    )
            except IntegrityError:  # a run on another worker got there first
                result.unchanged += 1
            done.add(item.key)
        if not new:
            continue
        result.people += 1
        result.reminders += len(new)
        if user.email:
            send_mail(
                subject=f"【法治政府建设工作系统】今日待办{len(new)}项",
                message=_body(user, new),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[user.email],
            )
            now = timezone.now()
            for r in new:
                r.emailed_at = now
                r.save(update_fields=["emailed_at"])
            result.emails += 1
    return result


def _body(user: object, reminders: list[Reminder]) -> str:
    lines = [f"{user}，您好！今日需要办理的事项如下：", ""]
    site = getattr(settings, "SITE_URL", "").rstrip("/")
    for i, r in enumerate(reminders, 1):
        lines.append(f"{i}. {r.text}")
        if r.url:
            lines.append(f"   {site}{r.url}")
    lines += ["", "本邮件由系统每日自动发送，同一事项当日只提醒一次。"]
    return "\n".join(lines)
