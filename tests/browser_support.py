"""Headless Chromium for the end-to-end tests of every ledger: the `page` fixture (import it
into a test module) and `act`, which presses a transition button of the kit's detail page,
fills its htmx form and waits for the reload."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(live_server: Any, calendar_seeded: None) -> Iterator[Any]:
    # Database fixtures of the test come first: created inside Playwright's greenlet they
    # would open a connection in another context that nothing closes.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        pg = browser.new_page()
        pg.set_default_timeout(15000)
        yield pg
        browser.close()
    # Queries made while Playwright's greenlets ran may have opened a connection in another
    # context; close it, or PostgreSQL refuses to drop the test database afterwards.
    from django.db import connections

    connections.close_all()


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
