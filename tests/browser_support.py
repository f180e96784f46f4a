"""Helpers for the end-to-end tests of every ledger (the `page` fixture is in conftest.py):
`log_in`, and `act`, which presses a transition button of the kit's detail page, fills its htmx
form and waits for the reload."""

from __future__ import annotations

from typing import Any


def log_in(page: Any, base: str, username: str, password: str = "pw-123456") -> None:
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


def act(page: Any, code: str, **fields: str | bool) -> None:
    """Press an action button (htmx loads its form), fill it, confirm, wait for the reload."""
    page.click(f'[data-action="{code}"]')
    form = page.locator(f"#action-{code}")
    form.wait_for()
    for name, value in fields.items():
        if isinstance(value, bool):
            if value:
                form.locator(f"[name={name}]").check()
        elif form.locator(f"select[name={name}]").count():
            form.locator(f"select[name={name}]").select_option(value)
        else:
            form.locator(f"[name={name}]").fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
