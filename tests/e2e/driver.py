"""Shared helpers for the browser tests: start the real app, drive headless Chromium with Playwright.

Browser downloads are blocked on the project's machines, so Playwright drives /usr/bin/chromium
(never `playwright install`). Locally a test skips if Chromium or Playwright is missing; under
CI (CI=true) it fails instead, so a skipped browser test cannot pass for a green run.

Screenshots go to $FACETORT_SHOTS when it is set (e.g. FACETORT_SHOTS=docs/screenshots to refresh
the README's pictures), otherwise into a temporary folder, so an ordinary run changes no tracked file.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("FACETORT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def shots_dir() -> Path:
    env = os.environ.get("FACETORT_SHOTS")
    return (ROOT / env if not os.path.isabs(env) else Path(env)) if env else Path(tempfile.gettempdir()) / "facetort-shots"


def unavailable(why: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"end-to-end test cannot run under CI: {why}")
    pytest.skip(why)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


@contextmanager
def run_server(log: Path, env: dict[str, str] | None = None, port: int | None = None
               ) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run app.py` on `port` (default: a free localhost port); yields (url, process)."""
    port = port or free_port()
    full_env = {**os.environ, **(env or {})}
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
             "--server.address", "localhost", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=full_env)
        url = f"http://localhost:{port}"
        try:
            deadline = time.time() + 90
            while True:
                try:
                    if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    pass
                if proc.poll() is not None or time.time() > deadline:
                    pytest.fail("streamlit did not start:\n" + log.read_text()[-3000:])
                time.sleep(0.3)
            yield url, proc
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()


@contextmanager
def browser(profile: Path, width: int = 1400, height: int = 1000) -> Iterator:
    """A persistent Chromium context with a fresh profile folder."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright (python) is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": width, "height": height}, accept_downloads=True, locale="zh-CN")
        try:
            yield ctx
        finally:
            ctx.close()


def settle(pg, pause: int = 300) -> None:
    """Wait for the script run that an interaction triggered to finish."""
    pg.wait_for_timeout(pause)
    pg.wait_for_selector(IDLE, timeout=60_000)
    pg.wait_for_timeout(150)


def shot(pg, name: str) -> None:
    """A screenshot of the whole page: the viewport grows to the content's height first."""
    d = shots_dir()
    d.mkdir(parents=True, exist_ok=True)
    vp = pg.viewport_size or {"width": 1400, "height": 1000}
    sel = '[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stMainBlockContainer"]'
    h = pg.evaluate(f"() => Math.max(...[...document.querySelectorAll('{sel}')].map(e => e.scrollHeight), 900)")
    pg.set_viewport_size({"width": vp["width"], "height": min(int(h) + 40, 6000)})
    pg.wait_for_timeout(400)
    pg.screenshot(path=str(d / name))
    pg.set_viewport_size(vp)


def nav(pg, title: str) -> None:
    pg.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    settle(pg, 600)


def click(pg, name: str) -> None:
    pg.get_by_role("button", name=name).first.click()
    settle(pg)


def choose(pg, label: str, option: str) -> None:
    box = pg.get_by_role("combobox", name=label, exact=True).first
    box.focus()
    box.press("ArrowDown")  # opens the list (a click on the input only focuses it)
    pg.get_by_role("option", name=option, exact=True).click()
    settle(pg)


def combo_value(pg, label: str) -> str:
    """The text a select box shows (its chosen option's label)."""
    box = pg.get_by_role("combobox", name=label, exact=True).first
    try:
        v = box.input_value()
    except Exception:  # noqa: BLE001 - not an <input>: read the text beside it
        v = ""
    if v:
        return v
    return pg.locator('[data-testid="stSelectbox"]').filter(has=box).first.inner_text()


def type_into(pg, label: str, text: str) -> None:
    box = pg.get_by_label(label, exact=True).first
    box.fill(text)
    box.press("Enter")
    settle(pg)


def value_of(pg, label: str) -> str:
    return pg.get_by_label(label, exact=True).first.input_value()


def set_date(pg, label: str, iso: str) -> None:
    """Streamlit's date input is a segmented field: type the digits into its first segment."""
    field = pg.get_by_role("group", name=label, exact=True).first
    field.get_by_role("spinbutton").first.click()
    pg.keyboard.type(iso.replace("-", ""))
    pg.keyboard.press("Tab")
    settle(pg)


def main_text(pg) -> str:
    return pg.locator('[data-testid="stMain"]').inner_text()


def sidebar_text(pg) -> str:
    return pg.locator('[data-testid="stSidebar"]').inner_text()


def see(pg, text: str, timeout_s: float = 30, where: str = "main") -> None:
    """Assert that the main area (or the sidebar) shows `text`, waiting for a page that is still drawing."""
    get = main_text if where == "main" else sidebar_text
    end = time.monotonic() + timeout_s
    while text not in (shown := get(pg)) and time.monotonic() < end:
        pg.wait_for_timeout(200)
    assert text in shown, shown[:3000]


def eventually(check, timeout_s: float = 20) -> None:
    """Wait until `check()` is true (the app saves while the browser may already report idle)."""
    end = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > end:
            assert check()
        time.sleep(0.2)


def upload(pg, path: Path) -> None:
    """Load a matter file through the interview's 'Save / load' expander."""
    exp = pg.locator('[data-testid="stExpander"]').filter(has_text="保存 / 载入案件").first
    if not exp.locator('[data-testid="stFileUploaderDropzoneInput"]').count() or \
            not exp.locator('[data-testid="stFileUploaderDropzoneInput"]').first.is_visible():
        exp.locator("summary").first.click()
        pg.wait_for_timeout(300)
    exp.locator('input[type="file"]').first.set_input_files(str(path))
    settle(pg, 800)
