"""Print a ledger's workflow as a Mermaid state diagram (for docs/ledgers/<key>.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.casework.graph import mermaid
from fazhi.casework.registry import get, ledgers


class Command(BaseCommand):
    help = "输出台账办理流程的状态图（Mermaid），用于 docs/ledgers/<台账>.md"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ledger", help="台账代码（即 /ledgers/ 之后的一段）")

    def handle(self, *args: Any, ledger: str, **options: Any) -> None:
        spec = get(ledger)
        if spec is None:
            known = "、".join(s.key for s in ledgers())
            raise CommandError(f"没有台账“{ledger}”（已登记：{known}）")
        self.stdout.write(mermaid(spec))
