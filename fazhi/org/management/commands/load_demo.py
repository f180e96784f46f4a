"""python manage.py load_demo [--scale N]: the demo city 示例市 with 示例县 and 样板县."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import autodiscover_modules

from fazhi.org import demo


class Command(BaseCommand):
    help = "载入演示数据：示例市（990100）及示例县（990102）、样板县（990103），各台账的演示记录"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=int, default=None, help="另外生成 N 条台账记录，用于性能测试"
        )
        parser.add_argument("--seed", type=int, default=2025, help="随机数种子（结果可重复）")
        parser.add_argument("--quiet-logins", action="store_true", help="不打印登录账号")

    def handle(
        self, *args: Any, scale: int | None, seed: int, quiet_logins: bool, **options: Any
    ) -> None:
        ctx = demo.build_org(seed=seed)
        ctx.scale = scale
        populators: list[Any] = []
        autodiscover_modules("demo")  # imports <app>.demo for every installed app

        for name, module in list(sys.modules.items()):
            if name.startswith("fazhi.") and name.endswith(".demo") and name != "fazhi.org.demo":
                fn = getattr(module, "populate", None)
                if fn is not None:
                    populators.append((getattr(module, "ORDER", 100), name, fn))
        for _, _name, fn in sorted(populators):
            fn(ctx)
        for line in ctx.log:
            self.stdout.write(line)
        if not quiet_logins:
            self.stdout.write(f"演示账号（密码均为 {demo.DEMO_PASSWORD}）：")
            for username, what in demo.LOGINS:
                self.stdout.write(f"  {username:<10} {what}")
