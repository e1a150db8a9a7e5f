"""Browser test of the teaching page: choose a preset by group, add two changes of fact, see the claim
flip with its legal basis, switch the language and still see the same preset and the same changes.
The server runs on port 8612 (FACETORT_E2E_TEACHING_PORT overrides it; 0 picks a free port)."""

from __future__ import annotations

import json
import os

import pytest
from driver import ROOT, choose, click, combo_value, main_text, nav, run_server, see, settle, shot

SCENARIO = ROOT / "data/scenarios/gym_consent_within_scope.matter.json"
PORT = int(os.environ.get("FACETORT_E2E_TEACHING_PORT", "8612"))


@pytest.fixture(scope="module")
def server(tmp_path_factory, home):
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with run_server(log, {"FACETORT_HOME": str(home)}, port=PORT or None) as (url, _proc):
        yield url


def tab(pg, name: str) -> None:
    pg.get_by_role("tab", name=name).click()
    settle(pg)


def cells(pg, item: str) -> list[str]:
    """The cells of the flipped-conclusions table's row for `item` (conclusion, before, after, basis)."""
    row = pg.locator('[data-testid="stTable"]').last.locator("tr").filter(has_text=item).first
    return [c.strip() for c in row.locator("td").all_inner_texts()]


def test_preset_two_changes_flip_and_language_switch(page):
    pg = page
    title = json.loads(SCENARIO.read_text(encoding="utf-8"))["title"]
    nav(pg, "教学模式")
    see(pg, "这个案例教什么")
    choose(pg, "案件类别", "同意及其效力 (8)")
    choose(pg, "选择示例案件", title)
    see(pg, "在经证明的同意范围内合理处理，不承担民事责任")  # the scenario's decisive point
    tab(pg, "谁承担损失：现行法与改革模式")
    see(pg, "两种模式结果相同：没有被告构成侵权")
    shot(pg, "teaching-who-bears.png")

    tab(pg, "改变几个事实")
    see(pg, "还没有改动")
    choose(pg, "事实", "某健身房 A gym › 原告给了什么样的同意")
    choose(pg, "新答案", "概括同意")
    click(pg, "添加这个改动")
    choose(pg, "事实", "某健身房 A gym › 公开了人脸信息处理规则")
    choose(pg, "新答案", "否")
    click(pg, "添加这个改动")
    see(pg, "某健身房 A gym › 原告给了什么样的同意：书面同意 → 概括同意")
    see(pg, "某健身房 A gym › 公开了人脸信息处理规则：是 → 否")
    see(pg, "翻转的结论")
    row = cells(pg, "某健身房 A gym：个人信息权益")
    assert row[1:3] == ["否", "是"] and "《人脸识别规定》第2条第(2)项" in row[3], row

    shot(pg, "teaching-changes.png")
    pg.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    settle(pg, 600)
    see(pg, "What this case teaches")
    assert combo_value(pg, "Choose an example case") == title
    assert combo_value(pg, "Group").startswith("Consent and when it counts")
    tab(pg, "Change several facts")
    see(pg, "某健身房 A gym › What consent the claimant gave: Written consent → General consent")
    see(pg, "某健身房 A gym › It published its rules for processing face information: Yes → No")
    row = cells(pg, "某健身房 A gym: Personal information")
    assert row[1:3] == ["No", "Yes"] and "SPC Face Provisions Art 2 item 2" in row[3], row
    assert "Conclusions that flip" in main_text(pg)
