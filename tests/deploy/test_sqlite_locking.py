"""The embedded SQLite database: WAL and a busy timeout set on every connection, so a long write
(an import) makes a sign-in wait instead of failing with "database is locked", and readers are
never blocked. Run in a child process against a file database (the suite's own is in memory)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import threading, time
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections, transaction
    call_command("migrate", "--noinput", verbosity=0)
    cur = connection.cursor()
    print("journal", cur.execute("PRAGMA journal_mode").fetchone()[0])
    print("busy_timeout", cur.execute("PRAGMA busy_timeout").fetchone()[0])
    from django.contrib.sessions.backends.db import SessionStore
    held = threading.Event()

    def long_import():
        with transaction.atomic():  # BEGIN IMMEDIATE: takes the write lock at once
            SessionStore().create()
            held.set()
            time.sleep(1.5)
        connections.close_all()

    t = threading.Thread(target=long_import)
    t.start()
    held.wait()
    started = time.monotonic()
    from django.contrib.sessions.models import Session
    print("read_while_locked", Session.objects.count() >= 0, round(time.monotonic() - started, 2) < 1)
    s = SessionStore()
    s["x"] = 1
    s.create()  # a sign-in writes its session: waits for the lock, does not fail
    print("write_waited", round(time.monotonic() - started, 1) >= 1.0)
    t.join()
    """
)


def test_sqlite_uses_wal_and_waits_for_the_write_lock(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="fazhi.settings",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in proc.stdout.strip().splitlines())
    assert lines["journal"] == "wal"
    assert lines["busy_timeout"] == "20000"
    assert lines["read_while_locked"] == "True True"
    assert lines["write_waited"] == "True"
