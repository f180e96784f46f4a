"""Province scale: two stateless gunicorn instances on two loopback ports in front of one
PostgreSQL database, and cases created through both at once. Every case gets its own number and
its history; nothing is lost between the servers."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from fazhi.ledgers.reconsideration.models import ReconsiderationCase

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PER_SERVER = 8


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or HOST}:{s['PORT'] or 5432}/{s['NAME']}"


def _start(port: int, media: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PYTEST_XDIST_WORKER"}}
    env.update(
        DATABASE_URL=_database_url(),
        SECRET_KEY="two-servers-test-key-not-secret",
        ALLOWED_HOSTS=HOST,
        HTTPS="0",
        MEDIA_ROOT=str(media),
        LOG_LEVEL="ERROR",
        FAZHI_TEST_PASSWORD_HASHER="1",  # the test's users have the suite's fast hashes
    )
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "fazhi.wsgi", "-w", "2", "-b", f"{HOST}:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/accounts/login/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"gunicorn on {port} not ready")


class Browser:
    """A signed-in session on one server, keeping its cookies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.jar = SimpleCookie()

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={m.value}" for k, m in self.jar.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        text = resp.read().decode()
        for value in resp.headers.get_all("Set-Cookie") or []:
            self.jar.load(value)
        return resp.status, resp.headers.get("Location", ""), text

    def csrf(self, path: str) -> str:
        _, _, html = self.request("GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token, html[:500]
        return token.group(1)

    def sign_in(self, username: str) -> None:
        token = self.csrf("/accounts/login/")
        status, _, _ = self.request(
            "POST",
            "/accounts/login/",
            {"username": username, "password": "pw-123456", "csrfmiddlewaretoken": token},
        )
        assert status == 302


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_cases_created_through_two_servers_at_once(
    calendar_seeded, officer, police, tmp_path: Path
) -> None:  # noqa: ANN001
    assert connection.vendor == "postgresql"
    ports = [_free_port(), _free_port()]
    servers = [_start(p, tmp_path / "media") for p in ports]
    try:
        for port, proc in zip(ports, servers, strict=True):
            _wait(port, proc)
        browsers = [Browser(p) for p in ports for _ in range(2)]  # two clerks per server
        for b in browsers:
            b.sign_in("officer")
        barrier = threading.Barrier(len(browsers))
        results: list[tuple[int, str]] = []
        lock = threading.Lock()

        def clerk(b: Browser, n: int) -> None:
            tokens = [b.csrf("/ledgers/reconsideration/new/") for _ in range(PER_SERVER // 2)]
            barrier.wait()
            for i, token in enumerate(tokens):
                status, location, _ = b.request(
                    "POST",
                    "/ledgers/reconsideration/new/",
                    {
                        "csrfmiddlewaretoken": token,
                        "received_on": "2025-06-03",
                        "channel": "in_person",
                        "procedure": "ordinary",
                        "respondent_department": str(police.pk),
                        "respondent_name": "示例县公安局",
                        "act_category": "penalty",
                        "act_description": f"行政处罚决定 {n}-{i}",
                        "applicants-TOTAL_FORMS": "1",
                        "applicants-INITIAL_FORMS": "0",
                        "applicants-MIN_NUM_FORMS": "1",
                        "applicants-MAX_NUM_FORMS": "1000",
                        "applicants-0-kind": "natural_person",
                        "applicants-0-name": f"申请人{n}-{i}",
                    },
                )
                with lock:
                    results.append((status, location))

        threads = [threading.Thread(target=clerk, args=(b, n)) for n, b in enumerate(browsers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        for proc in servers:
            proc.send_signal(signal.SIGTERM)
        for proc in servers:
            proc.wait(30)

    total = len(browsers) * (PER_SERVER // 2)
    assert [s for s, _ in results] == [302] * total
    cases = list(ReconsiderationCase.objects.all())
    assert len(cases) == total
    numbers = [c.case_number for c in cases]
    assert len(set(numbers)) == total, sorted(numbers)
    assert {f"/ledgers/reconsideration/{c.pk}/" for c in cases} == {loc for _, loc in results}
    history = ReconsiderationCase.history.model  # type: ignore[attr-defined]
    for case in cases:
        assert history.objects.filter(id=case.pk).exists(), case.case_number
    descriptions = {c.act_description for c in cases}
    assert len(descriptions) == total  # every submission is its own case, none lost or merged
