"""Browser tests for state that cannot be lost (issue 9): a loaded matter survives 'Next', a language
switch keeps the stored codes, and the review never shows an invalid-value error after either."""

from __future__ import annotations

import json
from pathlib import Path

from driver import ROOT, click, combo_value, main_text, see, settle, upload, value_of

from litigation.facts import answers as fa
from litigation.facts.validation import load_matter


def _matter_file(tmp_path: Path) -> Path:
    data = json.loads((ROOT / "data/scenarios/guo_bing_2019.matter.json").read_text())
    data["title"] = "郭某诉某动物园（载入测试）"
    data["setting"] = "gym"
    data["claimant"].update(name="郭某", forum_province="浙江", forum_court_level="intermediate")
    data["as_of"] = "2021-04-09"
    path = tmp_path / "guo.matter.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _session_answers(pg) -> dict:
    """The matter the browser's session holds, read back through the app's own JSON download."""
    exp = pg.locator('[data-testid="stExpander"]').filter(has_text="保存 / 载入案件").first
    if not exp.get_by_role("button", name="保存为文件（JSON）").is_visible():
        exp.locator("summary").first.click()
        pg.wait_for_timeout(300)
    with pg.expect_download() as dl:
        exp.get_by_role("button", name="保存为文件（JSON）").click()
    return json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))


def _open_interview(pg) -> None:
    pg.locator('[data-testid="stMain"]').get_by_text("去填写事实问答").click()
    settle(pg, 600)
    see(pg, "第 1 步")


def test_load_then_next_keeps_the_first_step(page, tmp_path):
    pg = page
    _open_interview(pg)
    upload(pg, _matter_file(tmp_path))
    see(pg, "已载入案件文件")
    assert value_of(pg, "案件名称（可选）") == "郭某诉某动物园（载入测试）"
    click(pg, "下一步 →")
    see(pg, "第 2 步")
    click(pg, "← 上一步")
    see(pg, "第 1 步")
    assert value_of(pg, "案件名称（可选）") == "郭某诉某动物园（载入测试）"
    assert value_of(pg, "原告姓名或化名（可选）") == "郭某"
    assert "健身房" in combo_value(pg, "场景类型")
    assert "中级法院" in combo_value(pg, "受诉法院层级")
    data = _session_answers(pg)
    assert data["title"] == "郭某诉某动物园（载入测试）"
    assert data["setting"] == "gym"
    assert data["claimant"]["forum_province"] == "浙江"
    assert data["claimant"]["forum_court_level"] == "intermediate"
    assert data["as_of"] == "2021-04-09"


def test_language_switch_mid_step_keeps_codes(page, tmp_path):
    pg = page
    _open_interview(pg)
    upload(pg, _matter_file(tmp_path))
    click(pg, "下一步 →")  # participants: selects with codes (kind, role, evidence)
    see(pg, "第 2 步")
    pg.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    settle(pg, 600)
    see(pg, "Step 2")
    click(pg, "Next →")
    see(pg, "Step 3")
    click(pg, "← Back")
    click(pg, "← Back")
    see(pg, "Step 1")
    assert "Gym" in combo_value(pg, "Kind of setting")
    pg.locator('[data-testid="stSidebar"]').get_by_text("中文", exact=True).click()
    settle(pg, 600)
    click(pg, "下一步 →")
    data = _session_answers(pg)
    m = load_matter(data)  # codes, not labels: the matter is still valid
    assert m.setting == "gym"
    original = load_matter(_matter_file(tmp_path).read_text(encoding="utf-8"))
    assert m.participants[0].processing_evidence == original.participants[0].processing_evidence
    assert m.participants[0].kind == original.participants[0].kind
    assert m.participants[0].role == original.participants[0].role
    ans = fa.answers_from(m.model_dump(mode="json"))
    assert ans["claimant"]["forum_court_level"] == "intermediate"
    pg.get_by_role("combobox", name="跳到步骤", exact=True).first.focus()
    text = main_text(pg)
    assert "invalid" not in text.lower() and "无效" not in text
