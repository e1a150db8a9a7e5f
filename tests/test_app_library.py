"""AppTest: the matter library in the app — off by default (nothing written), the sidebar switch,
create, autosave of every change, reopen after a new session, wrong passphrase, list actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from litigation import library as lb

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASS = "a long passphrase"


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FACETORT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def app(lang: str | None = None, qp: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if lang:
        at.query_params["lang"] = lang
    for k, v in (qp or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def sidebar_text(at: AppTest) -> str:
    return " ".join(x.value for x in [*at.sidebar.markdown, *at.sidebar.caption, *at.sidebar.error,
                                       *at.sidebar.warning])


def turn_on(at: AppTest, pw: str = PASS, again: str | None = None) -> None:
    at.sidebar.toggle(key="ft_lib_switch").set_value(True).run()
    at.sidebar.text_input(key="lib_pass").input(pw).run()
    if not lb.exists(Path(at.sidebar.text_input(key="lib_home").value)):
        at.sidebar.text_input(key="lib_pass2").input(pw if again is None else again).run()
    at.sidebar.button(key="lib_unlock").click().run()
    assert not at.exception, at.exception


def set_title(at: AppTest, title: str) -> None:
    at.switch_page("ui/pages/interview.py").run()
    box = next(x for x in at.text_input if x.key and x.key.endswith(":title"))
    box.input(title).run()


def test_off_by_default_writes_nothing(home):
    at = app()
    set_title(at, "郭某诉某动物园")
    assert not home.exists()
    assert at.sidebar.toggle(key="ft_lib_switch").value is False
    assert "刷新或关闭页面会丢失全部答案" in sidebar_text(at)


def test_create_autosave_and_reopen_in_a_new_session(home):
    at = app()
    set_title(at, "郭某诉某动物园")  # typed before the library was on: kept, not lost
    turn_on(at)
    assert lb.exists(home)
    token = at.session_state["ft_lib_token"]
    lib = lb.Library.unlock(home, PASS)
    [m] = lib.matters()
    assert m.title == "郭某诉某动物园"
    set_title(at, "郭某诉某野生动物世界")
    assert lib.load(m.id)["title"] == "郭某诉某野生动物世界"
    assert len(lib.history(m.id)) == 2
    assert "已自动保存" in sidebar_text(at)
    # a reload: a new session with the same address
    again = app(qp={"lib": token, "m": m.id})
    assert again.session_state["ft_answers"]["title"] == "郭某诉某野生动物世界"


def test_wrong_passphrase_is_refused_in_both_languages(home):
    lib = lb.Library.create(home, PASS)
    lib.save(None, {"title": "x"})
    for lang, text in (("zh", "口令不正确"), ("en", "Wrong passphrase")):
        at = app(lang)
        turn_on(at, "not the passphrase")
        assert text in sidebar_text(at)
        assert "ft_lib_token" not in at.session_state


def test_different_passphrases_on_create(home):
    at = app("en")
    turn_on(at, PASS, again=PASS + "!")
    assert "The two passphrases differ" in sidebar_text(at)
    assert not lb.exists(home)


def test_library_page_lists_duplicates_renames_and_deletes_with_confirmation(home):
    at = app()
    set_title(at, "甲案")
    turn_on(at)
    at.switch_page("ui/pages/library.py").run()
    lib = lb.Library.unlock(home, PASS)
    [m] = lib.matters()
    at.button(key=f"lib_dup:{m.id}").click().run()
    assert len(lib.matters()) == 2
    copy = next(x for x in lib.matters() if x.id != m.id)
    at.button(key=f"lib_ren:{copy.id}").click().run()
    at.text_input(key=f"lib_rename_to:{copy.id}").input("乙案").run()
    at.button(key=f"lib_ren_ok:{copy.id}").click().run()
    assert lib.load(copy.id)["title"] == "乙案"
    at.text_input(key="lib_search").input("乙").run()
    assert [b.key for b in at.button if b.key and b.key.startswith("lib_open:")] == [f"lib_open:{copy.id}"]
    at.text_input(key="lib_search").input("").run()
    at.button(key=f"lib_del:{copy.id}").click().run()
    assert lib.has(copy.id)  # asked first
    assert any("无法恢复" in w.value for w in at.warning)
    at.button(key=f"lib_del_ok:{copy.id}").click().run()
    assert not lib.has(copy.id) and lib.has(m.id)
    assert not at.exception
