"""Browser tests for the matter library (issue 9): off by default with a warning before leaving; turned
on, every change is saved, a reload reopens the matter, an earlier version can be restored, a matter
deleted (after a confirmation); a wrong passphrase is refused; a server killed during autosave loses at
most the last change and leaves a sound library."""

from __future__ import annotations

import os
import signal

from driver import browser, click, eventually, run_server, see, settle, sidebar_text, type_into, value_of

from litigation import library as lb

PASS = "browser passphrase 9"
GUARD = ("() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
         " return e.defaultPrevented; }")


def sidebar(pg):
    return pg.locator('[data-testid="stSidebar"]')


def interview(pg) -> None:
    pg.locator('[data-testid="stSidebarNav"]').get_by_text("事实问答", exact=True).click()
    settle(pg, 600)
    see(pg, "第 1 步")


def turn_on(pg, pw: str = PASS, new: bool = True) -> None:
    sidebar(pg).get_by_text("在本机保存我的案件（加密）", exact=True).click()
    settle(pg)
    sidebar(pg).get_by_label("口令", exact=True).fill(pw)
    if new:
        sidebar(pg).get_by_label("再次输入口令", exact=True).fill(pw)
    sidebar(pg).get_by_role("button", name="创建案件库" if new else "打开案件库").click()
    settle(pg, 800)


def test_off_by_default_warns_before_leaving(page, home):
    pg = page
    interview(pg)
    assert pg.evaluate(GUARD) is False  # nothing typed yet: nothing to lose
    type_into(pg, "案件名称（可选）", "未保存的案件")
    assert "刷新或关闭页面会丢失全部答案" in sidebar_text(pg)
    assert pg.evaluate(GUARD) is True
    assert not lb.exists(home)  # nothing written


def test_create_autosave_reload_restore_and_delete(page, home):
    pg = page
    interview(pg)
    type_into(pg, "案件名称（可选）", "郭某诉某动物园（库）")
    turn_on(pg)
    see(pg, "已自动保存", where="sidebar")
    assert pg.evaluate(GUARD) is False  # kept: no prompt
    type_into(pg, "原告姓名或化名（可选）", "郭某")
    lib = lb.Library.unlock(home, PASS)
    eventually(lambda: any(x.title == "郭某诉某动物园（库）" for x in lib.matters()))
    [m] = [x for x in lib.matters() if x.title == "郭某诉某动物园（库）"]
    eventually(lambda: lib.load(m.id)["claimant"]["name"] == "郭某")

    pg.reload()
    settle(pg, 800)
    interview(pg)
    assert value_of(pg, "案件名称（可选）") == "郭某诉某动物园（库）"
    assert value_of(pg, "原告姓名或化名（可选）") == "郭某"

    type_into(pg, "案件名称（可选）", "改错的名称")
    eventually(lambda: lib.load(m.id)["title"] == "改错的名称")
    sidebar(pg).get_by_text("管理我的案件", exact=True).click()
    settle(pg, 600)
    see(pg, "当前案件的历史版本")
    click(pg, "恢复到这个版本")  # the version before the newest is preselected
    see(pg, "已恢复第")
    eventually(lambda: lib.load(m.id)["title"] == "郭某诉某动物园（库）")
    interview(pg)
    assert value_of(pg, "案件名称（可选）") == "郭某诉某动物园（库）"

    sidebar(pg).get_by_text("管理我的案件", exact=True).click()
    settle(pg, 600)
    pg.get_by_role("button", name="删除", exact=True).first.click()
    settle(pg)
    see(pg, "删除后无法恢复")
    assert lib.has(m.id)
    click(pg, "确定删除")
    eventually(lambda: not lib.has(m.id))
    blobs = b"".join(p.read_bytes() for p in home.iterdir() if p.is_file())
    assert "郭某".encode() not in blobs


def test_wrong_passphrase_is_refused(page, home):
    pg = page
    if not lb.exists(home):
        lb.Library.create(home, PASS)
    turn_on(pg, "wrong passphrase!", new=False)
    see(pg, "口令不正确", where="sidebar")
    assert "管理我的案件" not in sidebar_text(pg)
    turn_on_again = sidebar(pg).get_by_label("口令", exact=True)
    turn_on_again.fill(PASS)
    sidebar(pg).get_by_role("button", name="打开案件库").click()
    settle(pg, 800)
    see(pg, "案件库已打开", where="sidebar")


def _edit_then_kill(pg, proc, start: int, kill_at: int) -> None:
    """Edits that each finish (the app has saved them), then one more with the server killed mid-run."""
    box = pg.get_by_label("原告姓名或化名（可选）", exact=True).first
    for i in range(start, kill_at + 1):
        box.fill(f"编辑 {i}")
        box.press("Enter")
        if i == kill_at:
            pg.wait_for_timeout(30)
            os.kill(proc.pid, signal.SIGKILL)
        else:
            settle(pg, 150)
    proc.wait(10)


def test_server_killed_during_autosave(tmp_path):
    home = tmp_path / "home"
    env = {"FACETORT_HOME": str(home)}
    last_done = 0
    for round_, kill_at in enumerate((6, 11)):
        with run_server(tmp_path / f"s{round_}.log", env) as (url, proc), browser(tmp_path / f"p{round_}") as ctx:
            pg = ctx.new_page()
            pg.set_default_timeout(30_000)
            pg.goto(url)
            settle(pg)
            if round_ == 0:
                interview(pg)
                type_into(pg, "案件名称（可选）", "被中断的案件")
                turn_on(pg)
            else:  # a new server on the same folder: unlock, open the matter, go on editing
                turn_on(pg, new=False)
                sidebar(pg).get_by_text("管理我的案件", exact=True).click()
                settle(pg, 600)
                see(pg, "被中断的案件")
                click(pg, "打开")
                interview(pg)
                assert value_of(pg, "原告姓名或化名（可选）") == f"编辑 {last_done}" or \
                    value_of(pg, "原告姓名或化名（可选）") == f"编辑 {last_done + 1}"
            see(pg, "已自动保存", where="sidebar")
            _edit_then_kill(pg, proc, last_done + 1, kill_at)
        lib = lb.Library.unlock(home, PASS)
        assert lib.check() == []  # sound: the integrity check passes and every version decrypts
        [m] = lib.matters()
        name = lib.load(m.id)["claimant"]["name"]
        assert name in (f"编辑 {kill_at - 1}", f"编辑 {kill_at}")  # at most the change in flight is lost
        last_done = int(name.split()[1])
