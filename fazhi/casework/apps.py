from __future__ import annotations

from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "fazhi.casework"
    label = "casework"
    verbose_name = "台账公共部分"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from fazhi.casework import (  # noqa: F401 - the due-date receiver, home panels
            due,
            panels,
            todo,  # noqa: F401 - its 我的待办 items
        )

        # Each ledger's ledger.py registers its LedgerSpec (like admin.py).
        autodiscover_modules("ledger")
