"""Browser tests for conclusions that must agree across screens: a loaded matter's first screen names the
claim and the law that decide it, and the compensation page gives what the statement of claim prays for."""

from __future__ import annotations

from driver import ROOT, main_text, nav, see, settle, upload


def _load(pg, name: str) -> None:
    pg.locator('[data-testid="stMain"]').get_by_text("去填写事实问答").click()
    settle(pg, 600)
    see(pg, "第 1 步")
    upload(pg, ROOT / "data" / "scenarios" / f"{name}.matter.json")
    see(pg, "已载入案件文件")


def test_guo_bing_contract_damages_on_the_analysis_and_compensation_pages(page):
    """2019 acts: the law then in force governs; no tort damages (fault not presumed before the PIPL), but the
    breach of contract gives 1,038 — the compensation page must say so, not 'no amount'."""
    pg = page
    _load(pg, "guo_bing_2019")
    nav(pg, "法律分析")
    see(pg, "依行为时的法律（2021年前）")
    nav(pg, "赔偿估算")
    see(pg, "应赔偿违约造成的损失 1,038 元")
    text = main_text(pg)
    assert "没有被告须承担侵权损害赔偿责任" in text
    assert "因此不给出赔偿金额。" not in text  # the old message, which contradicted the statement of claim


def test_a_platform_sued_alone_heads_the_claim_against_it(page):
    """The anonymous uploader is not sued; the slow platform answers for the enlarged part (CC 1195(2))."""
    pg = page
    _load(pg, "platform_sued_alone_anonymous_uploader")
    nav(pg, "法律分析")
    see(pg, "成立的请求：个人信息权益（某短视频平台")
    assert "尚无可分析的参与者或行为" not in main_text(pg)
