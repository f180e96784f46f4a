"""Accounts: lockout after repeated wrong passwords (django-axes) with every attempt logged,
Django's password validators in Chinese, users change their own password, sessions that end,
a required SECRET_KEY in production, `check --deploy` clean, and a CSP without inline script."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture
def axes_on(settings):  # noqa: ANN001, ANN201
    settings.AXES_ENABLED = True
    return settings


def _login(client: Client, username: str, password: str, ip: str = "10.0.0.7"):  # noqa: ANN202
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_wrong_passwords_lock_the_account_from_that_address(axes_on, officer) -> None:  # noqa: ANN001
    client = Client()
    for _ in range(4):
        page = _login(client, "officer", "wrong-password")
        assert page.status_code == 200 and "用户名或密码不正确" in page.content.decode()
    locked = _login(client, "officer", "wrong-password")
    assert locked.status_code == 429 and "登录已暂停" in locked.content.decode()
    # now even the right password is refused from this address, without being checked
    again = _login(client, "officer", "pw-123456")
    assert again.status_code == 429 and "_auth_user_id" not in client.session
    # five failures and the refused sixth attempt are all in the log; the fifth and the sixth
    # are marked as locked out
    assert AccessFailureLog.objects.filter(username="officer").count() == 6
    assert AccessFailureLog.objects.filter(username="officer", locked_out=True).count() == 2
    assert AccessAttempt.objects.get(username="officer").failures_since_start == 6
    # another address is not locked out for this user
    other = _login(Client(), "officer", "pw-123456", ip="10.0.0.8")
    assert other.status_code == 302


def test_a_successful_login_is_logged(axes_on, officer) -> None:  # noqa: ANN001
    client = Client()
    assert _login(client, "officer", "pw-123456").status_code == 302
    entry = AccessLog.objects.get(username="officer")
    assert entry.ip_address == "10.0.0.7" and entry.attempt_time is not None


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("12345", "密码太短：至少需要10个字符"),
        ("4829301756", "密码不能全是数字"),
        ("password123", "这个密码太常见，容易被猜中，请换一个"),
        ("officer-2025", "密码与您的用户名太相似，请换一个"),
    ],
)
def test_password_validators_answer_in_chinese(client, officer, new: str, message: str) -> None:  # noqa: ANN001
    client.force_login(officer)
    page = client.post(
        reverse("org:password_change"),
        {"old_password": "pw-123456", "new_password1": new, "new_password2": new},
    )
    assert page.status_code == 200
    assert message in page.content.decode()
    officer.refresh_from_db()
    assert officer.check_password("pw-123456")


def test_users_change_their_own_password(client, officer) -> None:  # noqa: ANN001
    client.force_login(officer)
    assert "修改密码" in client.get(reverse("home")).content.decode()
    wrong = client.post(
        reverse("org:password_change"),
        {
            "old_password": "nope",
            "new_password1": "Fz-履职-2026!",
            "new_password2": "Fz-履职-2026!",
        },
    )
    assert "旧密码不正确" in wrong.content.decode()
    done = client.post(
        reverse("org:password_change"),
        {
            "old_password": "pw-123456",
            "new_password1": "Fz-履职-2026!",
            "new_password2": "Fz-履职-2026!",
        },
        follow=True,
    )
    assert "密码已修改" in done.content.decode()
    officer.refresh_from_db()
    assert officer.check_password("Fz-履职-2026!")
    assert client.get(reverse("home")).status_code == 200  # still signed in here


def test_sessions_last_a_working_day_and_end_with_the_browser(client, officer) -> None:  # noqa: ANN001
    assert django_settings.SESSION_COOKIE_AGE == 8 * 3600
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    response = client.post(reverse("login"), {"username": "officer", "password": "pw-123456"})
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 3600


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "fazhi.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_secret_key_is_required_when_debug_is_off() -> None:
    proc = _run("import django; django.setup()")
    assert proc.returncode != 0
    assert "未设置 SECRET_KEY 环境变量：关闭 DEBUG（生产环境）时必须设置" in proc.stderr
    assert _run("import django; django.setup()", DEBUG="1").returncode == 0


def test_check_deploy_is_clean_with_the_documented_production_settings() -> None:
    proc = _run(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        SECRET_KEY="k" * 20 + "-production-like-secret-key-of-fifty-chars-x",
        ALLOWED_HOSTS="fazhi.example.gov.cn",
        DATABASE_URL="sqlite:////tmp/fazhi-check-deploy.sqlite3",
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "no issues" in proc.stdout


def test_pages_carry_a_csp_without_inline_script(client, coordinator) -> None:  # noqa: ANN001
    client.force_login(coordinator)
    page = client.get(reverse("home"))
    csp = page["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp


def test_no_template_has_an_inline_script_or_handler() -> None:
    """A CSP of script-src 'self' blocks inline code, so none may be written: every <script> has a
    src or is a JSON data block, and no element has an on…= handler."""
    offenders = []
    for path in (ROOT / "fazhi").rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and 'type="application/json"' not in tag:
                offenders.append(f"{path.relative_to(ROOT)}: {tag}")
        for handler in re.findall(r"\son[a-z]+\s*=", text):
            offenders.append(f"{path.relative_to(ROOT)}: {handler.strip()}")
    assert offenders == []
