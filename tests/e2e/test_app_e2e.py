"""End to end: the real app (`streamlit run` on a free localhost port) in headless Debian Chromium,
driven with Playwright: fill the interview, see the analysis and the range, download a memo.
Saves a screenshot of each page (into $FACETORT_SHOTS, e.g. docs/screenshots, or a temporary folder).
Fixtures and helpers: conftest.py and driver.py beside this file.
"""

from __future__ import annotations

import io

from driver import choose, click, main_text, nav, see, set_date, settle, shot, type_into


def test_interview_to_analysis_to_memo(page, tmp_path):
    pg = page
    see(pg, "人脸信息侵权诉讼辅助")
    shot(pg, "start.png")

    pg.locator('[data-testid="stMain"]').get_by_text("去填写事实问答").click()  # the start page's link
    settle(pg, 600)
    see(pg, "第 1 步")
    type_into(pg, "案件名称（可选）", "郭某诉某动物园（端到端测试）")
    click(pg, "下一步 →")
    click(pg, "＋ 添加参与者")
    type_into(pg, "名称", "某野生动物世界有限公司")
    choose(pg, "原告有什么证据证明这一方处理了人脸信息", "证据充分")
    click(pg, "下一步 →")
    click(pg, "＋ 添加一项")
    set_date(pg, "开始日期", "2023-03-01")
    click(pg, "下一步 →")
    pg.locator('[data-testid="stRadio"]').filter(has_text="公开了人脸信息处理规则").get_by_text("否", exact=True).click()
    settle(pg)
    choose(pg, "原告给了什么样的同意", "概括同意")
    shot(pg, "interview.png")
    click(pg, "下一步 →")  # venue and necessity
    click(pg, "下一步 →")  # incidents
    click(pg, "下一步 →")  # harm, expenses and evidence
    click(pg, "＋ 添加一项")
    type_into(pg, "金额（元）", "360")
    pg.get_by_text("有票据", exact=True).click()
    settle(pg)
    click(pg, "下一步 →")  # requests
    click(pg, "检查全部答案 →")
    text = main_text(pg)
    assert "答案可以进行分析" in text, text[:2000]  # valid; the unanswered yes/no facts are listed, no green banner
    shot(pg, "review.png")

    nav(pg, "法律分析")
    text = main_text(pg)
    assert "构成侵权" in text
    assert "举证责任" in text
    pg.get_by_role("tab", name="责任结构").click()
    pg.wait_for_selector('[data-testid="stPlotlyChart"]')
    shot(pg, "analysis-liability.png")
    pg.get_by_role("tab", name="侵权与依据").click()
    pg.locator('[data-testid="stExpander"]').filter(has_text="未取得单独同意").first.click()
    pg.wait_for_timeout(300)
    see(pg, "《人脸识别规定》第2条第(3)项")
    shot(pg, "analysis.png")

    nav(pg, "赔偿估算")
    pg.wait_for_selector('[data-testid="stPlotlyChart"]')
    text = main_text(pg)
    assert "中位数" in text and "回测" in text
    shot(pg, "compensation.png")

    nav(pg, "导出文书")
    with pg.expect_download() as dl:
        pg.get_by_role("button", name="下载 Word（DOCX）").click()
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    from docx import Document

    doc = Document(io.BytesIO(path.read_bytes()))
    heads = [p.text for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert heads[0] == "起诉意见书（原告代理人工作稿）"
    assert "侵权认定与依据" in heads
    with pg.expect_download() as dl:
        pg.get_by_role("button", name="下载 PDF").click()
    assert dl.value.suggested_filename.endswith(".pdf")
    shot(pg, "export.png")

    nav(pg, "类案检索")
    pg.wait_for_selector('[data-testid="stPlotlyChart"]')
    shot(pg, "cases.png")

    nav(pg, "教学模式")
    see(pg, "逐步分析")
    shot(pg, "teaching.png")

    pg.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    settle(pg)
    nav(pg, "Analysis")
    see(pg, "Infringement found")
    shot(pg, "analysis-en.png")
