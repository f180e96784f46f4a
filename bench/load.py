"""Bounded load run against a local gunicorn: req/s and p95 of the 行政复议 list, a case page and
the deadline board, signed in, at a fixed concurrency for a fixed time per page.

    .venv/bin/python bench/load.py [--duration 15] [--concurrency 20] [--workers 2]
                                   [--database-url postgres://postgres@127.0.0.1:5432/fazhi_bench]

It builds its own database (a fresh SQLite file in a temporary folder unless --database-url is
given; that database is migrated and filled with the demo county), starts
`gunicorn fazhi.wsgi -w WORKERS` on 127.0.0.1 only, signs in as the county's coordinator (fzb),
and runs each page for --duration seconds with --concurrency client threads, then stops gunicorn.
Nothing leaves the loopback interface and the run ends by itself.

Machines differ by 2-3x, so each page's figure is printed beside a reference measured in the same
run at the same concurrency: a static file served by whitenoise (the floor of the stack), and the
login page (Django's whole middleware and a small template, no ledger query) measured right before
each page, so that a machine getting busier during the run moves both alike. The gunicorn
workers' resident memory is printed after the run. The last line is
`list_rps=N list_p95_ms=N board_rps=N board_p95_ms=N`.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only


@dataclass
class Figures:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def p95_ms(self) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] * 1000 if self.latencies else 0.0
        return statistics.quantiles(self.latencies, n=20)[18] * 1000

    def line(self) -> str:
        err = f", {self.errors} errors" if self.errors else ""
        return f"{self.rps:7.1f} req/s  p95 {self.p95_ms:7.0f} ms  ({len(self.latencies)} requests{err})"


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _env(database_url: str, media: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "fazhi.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-not-a-secret",
        "ALLOWED_HOSTS": HOST,
        "HTTPS": "0",  # plain http on loopback; in production the proxy terminates HTTPS
        "AXES_ENABLED": "1",
        "MEDIA_ROOT": str(media),
        "LOG_LEVEL": "ERROR",
    }


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def _wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn 退出了（返回码 {proc.returncode}）")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/accounts/login/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn 在 60 秒内没有就绪")


def _sign_in(port: int, username: str, password: str) -> str:
    """The Cookie header of a signed-in session."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", "/accounts/login/")
    page = conn.getresponse()
    body = page.read().decode()
    jar = SimpleCookie()
    for value in page.headers.get_all("Set-Cookie") or []:
        jar.load(value)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert token, "登录页没有 CSRF 令牌"
    form = urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
    )
    cookie = "; ".join(f"{k}={m.value}" for k, m in jar.items())
    conn.request(
        "POST",
        "/accounts/login/",
        body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    done = conn.getresponse()
    done.read()
    for value in done.headers.get_all("Set-Cookie") or []:
        jar.load(value)
    if done.status != 302 or "sessionid" not in jar:
        raise SystemExit(f"登录失败（{done.status}）")
    return "; ".join(f"{k}={m.value}" for k, m in jar.items())


def _run(port: int, path: str, cookie: str, seconds: float, concurrency: int) -> Figures:
    fig = Figures(path)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        mine: list[float] = []
        errors = 0
        while time.monotonic() < stop_at:
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    errors += 1
                    continue
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
                continue
            mine.append(time.perf_counter() - t0)
        conn.close()
        with lock:
            fig.latencies.extend(mine)
            fig.errors += errors

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fig.seconds = time.monotonic() - started
    return fig


def _worker_rss_mb(master: int) -> list[float]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != master:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        rss = re.search(r"VmRSS:\s+(\d+) kB", status)
        if rss:
            out.append(int(rss.group(1)) / 1024)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=15, help="seconds per page")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    parser.add_argument("--skip-setup", action="store_true", help="database already filled")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fazhi-load-") as tmp:
        database_url = args.database_url or f"sqlite:///{tmp}/load.sqlite3"
        env = _env(database_url, Path(tmp) / "media")
        if not args.skip_setup:
            say(f"准备数据库：{database_url.split('@')[-1]}（migrate、load_demo）")
            _manage(env, "migrate", "--noinput", "-v", "0")
            _manage(env, "load_demo", "--quiet-logins")
        port = _free_port()
        gunicorn = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "fazhi.wsgi",
                "--workers",
                str(args.workers),
                "--bind",
                f"{HOST}:{port}",
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            _wait_ready(port, gunicorn)
            cookie = _sign_in(port, "fzb", "fazhi2025")
            list_path = "/ledgers/reconsideration/"
            listing = http.client.HTTPConnection(HOST, port, timeout=60)
            listing.request("GET", list_path, headers={"Cookie": cookie})
            html = listing.getresponse().read().decode()
            case = re.search(r'href="(/ledgers/reconsideration/\d+/)"', html)
            assert case, "列表页上没有案件链接"
            static = _run(port, "/static/fazhi.css", cookie, args.duration / 3, args.concurrency)
            say(f"{'static':<7}{'/static/fazhi.css':<34}{static.line()}")
            pages = [("list", list_path), ("case", case.group(1)), ("board", "/clocks/")]
            figures: dict[str, Figures] = {}
            refs: dict[str, Figures] = {}
            for name, path in pages:
                # The reference right before each page, so a machine that gets busier during
                # the run changes both figures alike.
                _run(port, path, cookie, min(2.0, args.duration), args.concurrency)  # warm up
                refs[name] = _run(
                    port, "/accounts/login/", cookie, args.duration / 3, args.concurrency
                )
                figures[name] = _run(port, path, cookie, args.duration, args.concurrency)
                say(f"{'login':<7}{'/accounts/login/':<34}{refs[name].line()}")
                say(f"{name:<7}{path:<34}{figures[name].line()}")
            rss = _worker_rss_mb(gunicorn.pid)
        finally:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(30)
    say(
        f"参照（同一次运行、同样并发 {args.concurrency}）：静态文件 {static.rps:.0f} req/s、"
        f"p95 {static.p95_ms:.0f} ms；登录页在每个页面之前各测一次"
    )
    for name in ("list", "case", "board"):
        f, ref = figures[name], refs[name]
        say(
            f"{name}: {f.rps:.1f} req/s（紧前测的登录页 {ref.rps:.0f} req/s 的 {f.rps / ref.rps:.2f} 倍），"
            f"p95 {f.p95_ms:.0f} ms（登录页 {ref.p95_ms:.0f} ms 的 {f.p95_ms / max(ref.p95_ms, 1):.1f} 倍）"
        )
    say("gunicorn 工作进程常驻内存：" + "、".join(f"{m:.0f} MB" for m in rss))
    lst, brd = figures["list"], figures["board"]
    say(
        f"list_rps={lst.rps:.0f} list_p95_ms={lst.p95_ms:.0f} "
        f"board_rps={brd.rps:.0f} board_p95_ms={brd.p95_ms:.0f}"
    )


if __name__ == "__main__":
    main()
