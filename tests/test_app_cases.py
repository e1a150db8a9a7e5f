"""AppTest of the case explorer (issue 9 item 5): search by case number, cases of unknown year counted
and included on request, filters that keep their codes across a language switch and a page change,
provinces in English, sorting by similarity with the reasons, the export buttons, chart colours keyed by
outcome code, and the tables' own (unneutralised) CSV download turned off."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from test_app_pages import app, texts
from test_export import guo_bing_like

from litigation.cases.loading import load_cases
from litigation.cases.schema import CLAIM_OUTCOME, DEFAULT_CASES_PATH, PROVINCE_NAMES

ROOT = Path(__file__).resolve().parent.parent
CASES = load_cases(DEFAULT_CASES_PATH)
UNKNOWN_YEAR = int(CASES["year"].isna().sum())


def table_ids(at) -> list[str]:
    return list(at.dataframe[0].value.iloc[:, 0])


def switch_lang(at, lg: str) -> None:
    at.sidebar.radio(key="ft_lang_widget").set_value(lg).run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("lg", ["zh", "en"])
def test_search_by_case_number_finds_a1_and_opens_it(lg):
    at = app("cases", lg)
    at.text_input(key=f"ca_query:{lg}").input("(2019)浙0111民初6971号").run()
    assert table_ids(at) == ["A1"]
    assert at.selectbox(key=f"ca_pick:{lg}").value == "A1"
    assert "(2019)浙0111民初6971号" in texts(at)  # the detail shows the case number
    at.selectbox(key=f"ca_scope:{lg}").set_value("case_no").run()
    at.text_input(key=f"ca_query:{lg}").input("6971").run()
    assert table_ids(at) == ["A1"]
    at.selectbox(key=f"ca_scope:{lg}").set_value("party").run()
    assert not at.dataframe  # "6971" is not in any party's name: no table
    assert ("没有符合条件的案件。" if lg == "zh" else "No case matches these filters.") in texts(at)


@pytest.mark.parametrize(("lg", "out", "included"), [
    ("zh", f"有 {UNKNOWN_YEAR} 件年份不详的案件未计入。", f"已计入 {UNKNOWN_YEAR} 件年份不详的案件。"),
    ("en", f"{UNKNOWN_YEAR} cases with unknown year were left out.", f"{UNKNOWN_YEAR} cases with unknown year are included."),
])
def test_unknown_year_is_counted_and_the_box_restores_the_cases(lg, out, included):
    at = app("cases", lg)
    assert not at.warning  # the full range leaves nothing out
    at.slider(key=f"ca_years:{lg}").set_value((2020, 2023)).run()
    known = int(((CASES["year"] >= 2020) & (CASES["year"] <= 2023)).fillna(False).sum())
    assert len(table_ids(at)) == known
    assert [w.value for w in at.warning] == [out]
    at.checkbox(key=f"ca_unknown_year:{lg}").check().run()
    assert len(table_ids(at)) == known + UNKNOWN_YEAR
    assert included in texts(at) and not at.warning
    at.checkbox(key=f"ca_unknown_year:{lg}").uncheck().run()
    assert len(table_ids(at)) == known


def test_unknown_court_level_is_counted_when_filtering_by_level():
    at = app("cases", "en")
    at.multiselect(key="ca_level:en").select("basic").run()
    n = int((CASES["court_level"] == "unknown").sum())
    assert f"{n} cases with unknown court level were left out." in [w.value for w in at.warning]
    before = len(table_ids(at))
    at.checkbox(key="ca_unknown_court:en").check().run()
    assert len(table_ids(at)) == before + n


def test_a_language_switch_keeps_the_filters_as_codes():
    at = app("cases", "zh")
    at.multiselect(key="ca_scenario:zh").select("zoo_park").run()
    at.multiselect(key="ca_province:zh").select("浙江").run()
    at.text_input(key="ca_query:zh").input("郭兵").run()
    rows = table_ids(at)
    assert rows == ["A1", "A2"]
    switch_lang(at, "en")
    assert at.multiselect(key="ca_scenario:en").value == ["zoo_park"]
    assert at.multiselect(key="ca_province:en").value == ["浙江"]
    assert table_ids(at) == rows
    assert list(at.dataframe[0].value["Province"]) == ["Zhejiang", "Zhejiang"]
    store = at.session_state["ft_prefs"]["cases"]
    assert store["ca_scenario"] == ["zoo_park"] and store["ca_province"] == ["浙江"]
    at.multiselect(key="ca_outcome:en").select("partly_upheld").run()  # a filter set in English
    switch_lang(at, "zh")
    assert at.multiselect(key="ca_outcome:zh").value == ["partly_upheld"]
    assert at.session_state["ft_prefs"]["cases"]["ca_outcome"] == ["partly_upheld"]
    at.switch_page("ui/pages/start.py").run()
    at.switch_page("ui/pages/cases.py").run()
    assert at.multiselect(key="ca_scenario:zh").value == ["zoo_park"]
    assert at.text_input(key="ca_query:zh").value == "郭兵"
    assert table_ids(at) == rows  # both instances partly upheld


def test_the_english_ui_names_the_provinces_in_english():
    at = app("cases", "en")
    shown = set(at.dataframe[0].value["Province"])
    assert "Zhejiang" in shown and shown <= set(PROVINCE_NAMES.values())
    assert "Zhejiang" in at.multiselect(key="ca_province:en").options
    at_zh = app("cases", "zh")
    assert "浙江" in set(at_zh.dataframe[0].value["省份"])


def test_sort_by_similarity_shows_the_reasons():
    at = app("cases", "en", matter=guo_bing_like())
    assert at.selectbox(key="ca_sort:en").value == "similarity"
    tab = at.dataframe[0].value
    assert list(tab.columns[:6]) == ["ID", "Case no.", "Case", "Similarity", "Same", "Differs"]
    sims = list(tab["Similarity"])
    assert sims == sorted(sims, reverse=True) and len(tab) == len(CASES)
    assert "setting" in tab["Same"].iloc[0]  # the zoo cases share the setting with the matter
    assert tab["ID"].iloc[0] in ("A1", "A2")
    at.selectbox(key="ca_sort:en").set_value("award").run()
    tab = at.dataframe[0].value
    assert "Similarity" not in tab.columns
    awards = [a for a in tab["Award"] if a == a]
    assert awards == sorted(awards, reverse=True)


def test_without_a_matter_similarity_is_not_offered():
    at = app("cases", "en")
    assert "similarity" not in at.selectbox(key="ca_sort:en").options
    assert "Complete the interview to sort by similarity to your matter." in texts(at)


@pytest.mark.parametrize(("lg", "labels"), [
    ("zh", ["下载筛选结果（CSV）", "下载筛选结果（Excel）"]),
    ("en", ["Download the filtered list (CSV)", "Download the filtered list (XLSX)"]),
])
def test_the_filtered_list_downloads_as_csv_and_xlsx(lg, labels):
    at = app("cases", lg)
    assert [b.proto.label for b in at.get("download_button")] == labels


def test_the_tables_own_csv_download_is_off():
    """Streamlit's table toolbar writes cells as they are; the app turns that download off (its own
    buttons neutralise formula cells)."""
    conf = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert conf["client"]["disableDataExport"] is True


def _traces(at, i: int) -> list[dict]:
    return json.loads(at.get("plotly_chart")[i].proto.spec)["data"]


def test_chart_colours_follow_the_outcome_code_in_both_languages():
    figs = {}
    for lg in ("zh", "en"):
        at = app("cases", lg)
        charts = at.get("plotly_chart")
        assert len(charts) == 2
        figs[lg] = [_traces(at, i) for i in range(2)]
    for i, key in ((0, "marker"), (1, "marker")):
        zh = {t["legendgroup"]: (t["name"], t[key]["color"]) for t in figs["zh"][i]}
        en = {t["legendgroup"]: (t["name"], t[key]["color"]) for t in figs["en"][i]}
        assert zh.keys() == en.keys() and len(zh) >= 3
        for code in zh:
            assert zh[code][1] == en[code][1]  # same colour for the same outcome
            assert zh[code][0] == CLAIM_OUTCOME[code][0] and en[code][0] == CLAIM_OUTCOME[code][1]
        assert len({c for _, c in zh.values()}) == len(zh)  # one colour per outcome
        assert [t["legendgroup"] for t in figs["zh"][i]] == [t["legendgroup"] for t in figs["en"][i]]


def test_every_outcome_code_has_its_own_colour_and_marker():
    from ui.charts import OUTCOME_STYLE

    assert set(OUTCOME_STYLE) == set(CLAIM_OUTCOME)
    assert len(set(OUTCOME_STYLE.values())) == len(OUTCOME_STYLE)
    assert len({c for c, _ in OUTCOME_STYLE.values()}) == len(OUTCOME_STYLE)
