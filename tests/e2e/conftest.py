"""Fixtures for the browser tests: one app server per test module (with its own empty FACETORT_HOME,
so a test never touches a real matter library) and a fresh Chromium page."""

from __future__ import annotations

import pytest
from driver import browser, run_server, settle


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("facetort-home")


@pytest.fixture(scope="module")
def server(tmp_path_factory, home):
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with run_server(log, {"FACETORT_HOME": str(home)}) as (url, _proc):
        yield url


@pytest.fixture()
def page(server, tmp_path):
    with browser(tmp_path / "chromium-profile") as ctx:
        pg = ctx.new_page()
        pg.set_default_timeout(30_000)
        pg.goto(server)
        settle(pg)
        yield pg
