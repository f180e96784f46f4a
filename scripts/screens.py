"""`make screens`: the home page of every demo role at 1440 px and 390 px, written to docs/screens/
(<role>-1440.png, <role>-390.png). Serves the demo database (make setup) on a spare port with
runserver, logs in as each demo account in Debian's chromium, and stops the server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screens"
WIDTHS = ((1440, 900), (390, 844))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from fazhi.org.demo import DEMO_PASSWORD, LOGINS

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
            for username, what in LOGINS:
                for width, height in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(base + "/accounts/login/")
                    page.fill("#id_username", username)
                    page.fill("#id_password", DEMO_PASSWORD)
                    page.click("button[type=submit]")
                    page.wait_for_selector("#todo")
                    overflow = page.evaluate("document.body.scrollWidth - window.innerWidth")
                    path = OUT / f"{username}-{width}.png"
                    page.screenshot(path=str(path), full_page=False)
                    flag = "" if overflow <= 0 else f"  横向溢出{overflow}px"
                    sys.stdout.write(f"{path.relative_to(ROOT)}  {what}{flag}\n")
                    page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
