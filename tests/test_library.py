"""The matter library (litigation/library.py): encrypted at rest, versioned, and never corrupted by a
writer killed mid-save."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litigation import library as lb
from litigation.facts import answers as fa

ROOT = Path(__file__).resolve().parent.parent
PASS = "correct horse battery"


def matter(title: str = "张三丰诉某健身房", claimant: str = "张三丰Zhangsanfeng") -> dict:
    a = fa.new_answers()
    a["title"] = title
    a["claimant"]["name"] = claimant
    p = fa.blank_participant(a)
    p["name"] = "某健身房有限公司"
    a["participants"].append(p)
    return a


def test_create_unlock_and_wrong_passphrase(tmp_path):
    lib = lb.Library.create(tmp_path, PASS)
    mid, n = lib.save(None, matter())
    assert n == 1
    again = lb.Library.unlock(tmp_path, PASS)
    assert again.load(mid)["claimant"]["name"] == "张三丰Zhangsanfeng"
    with pytest.raises(lb.WrongPassphrase) as exc:
        lb.Library.unlock(tmp_path, PASS + "x")
    assert "口令不正确" in exc.value.zh and "Wrong passphrase" in exc.value.en


def test_short_passphrase_and_existing_library_are_refused(tmp_path):
    with pytest.raises(lb.LibraryError) as exc:
        lb.Library.create(tmp_path, "short")
    assert "8" in exc.value.zh and "8" in exc.value.en
    assert not lb.exists(tmp_path)  # nothing written
    lb.Library.create(tmp_path, PASS)
    with pytest.raises(lb.LibraryError):
        lb.Library.create(tmp_path, PASS)


def test_no_plaintext_in_the_files(tmp_path):
    lib = lb.Library.create(tmp_path, PASS)
    mid, _ = lib.save(None, matter())
    lib.save(mid, {**matter(), "notes": "secret-note-Quixotic"})
    lib.rename(mid, "Renamed-Title-Vermilion")
    blobs = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for needle in ("张三丰", "Zhangsanfeng", "某健身房", "secret-note-Quixotic", "Vermilion", "claimant"):
        assert needle.encode("utf-8") not in blobs, needle
    assert PASS.encode() not in blobs
    assert (os.stat(lb.db_path(tmp_path)).st_mode & 0o077) == 0  # only the user may read it


def test_versions_history_restore_duplicate_rename_delete_search(tmp_path):
    lib = lb.Library.create(tmp_path, PASS)
    a = matter()
    mid, n1 = lib.save(None, a)
    assert lib.save(mid, a) == (mid, n1)  # unchanged: no new version
    a2 = {**a, "setting": "gym"}
    _, n2 = lib.save(mid, a2)
    assert n2 == 2 and lib.load(mid)["setting"] == "gym"
    _, n3 = lib.restore(mid, 1)
    assert n3 == 3 and lib.load(mid)["setting"] == a["setting"]
    assert [v.n for v in lib.history(mid)] == [3, 2, 1]
    assert lib.history(mid)[0].note == "restore:1"
    copy = lib.duplicate(mid)
    assert copy != mid and lib.load(copy)["title"].startswith("张三丰诉某健身房")
    lib.rename(copy, "Second matter")
    other, _ = lib.save(None, matter("王五诉某小区", "王五"))
    assert {m.id for m in lib.matters()} == {mid, copy, other}
    assert [m.id for m in lib.matters("王五")] == [other]
    assert [m.id for m in lib.matters("second")] == [copy]
    assert [m.id for m in lib.matters("某健身房")][:1] and len(lib.matters("某健身房")) == 3  # party names
    lib.delete(copy)
    assert not lib.has(copy) and {m.id for m in lib.matters()} == {mid, other}
    with pytest.raises(lb.LibraryError):
        lib.load(copy)
    assert lib.check() == []


def test_migration_from_schema_1_keeps_the_data(tmp_path):
    lib = lb.Library.create(tmp_path, PASS)
    mid, _ = lib.save(None, matter())
    with sqlite3.connect(lb.db_path(tmp_path)) as c:  # make it a schema-1 file again
        c.execute("DROP INDEX matters_updated")
        c.execute("ALTER TABLE versions DROP COLUMN note")
        c.execute("PRAGMA user_version = 1")
    again = lb.Library.unlock(tmp_path, PASS)
    with sqlite3.connect(lb.db_path(tmp_path)) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == lb.SCHEMA_VERSION
    assert again.load(mid)["title"] == "张三丰诉某健身房"
    assert again.history(mid)[0].note == ""


def test_a_newer_schema_is_refused(tmp_path):
    lb.Library.create(tmp_path, PASS)
    with sqlite3.connect(lb.db_path(tmp_path)) as c:
        c.execute(f"PRAGMA user_version = {lb.SCHEMA_VERSION + 1}")
    with pytest.raises(lb.LibraryError) as exc:
        lb.Library.unlock(tmp_path, PASS)
    assert "newer" in exc.value.en


def test_default_home_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FACETORT_HOME", str(tmp_path / "x"))
    assert lb.default_home() == tmp_path / "x"
    monkeypatch.delenv("FACETORT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    if sys.platform.startswith("linux"):
        assert lb.default_home() == tmp_path / "data" / "facetort"


WRITER = """
import sys
from litigation import library as lb
lib = lb.Library.unlock(sys.argv[1], sys.argv[2])
mid = sys.argv[3]
a = lib.load(mid)
print("ready", flush=True)
i = 0
while True:
    i += 1
    a["title"] = f"edit {i} " + "x" * (i % 300)
    a["notes"] = "y" * (i * 37 % 5000)
    _, n = lib.save(mid, a)
    print(n, flush=True)
"""


def test_a_writer_killed_mid_save_never_corrupts_the_library(tmp_path):
    lib = lb.Library.create(tmp_path, PASS)
    mid, _ = lib.save(None, matter())
    rng = random.Random(9)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kills = saves = 0
    for _round in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), PASS, mid], stdout=subprocess.PIPE,
                                env=env, text=True)
        assert proc.stdout.readline().strip() == "ready"
        seen = [int(proc.stdout.readline()) for _ in range(rng.randint(1, 40))]  # the writer is mid-loop
        time.sleep(rng.uniform(0, 0.02))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        kills += 1
        committed = seen + [int(x) for x in out.split()]
        saves += len(committed)
        # every save the writer saw committed is there; at most the one in flight is missing
        newest = lb.Library.unlock(tmp_path, PASS).history(mid)[0].n
        if committed:
            assert newest in (committed[-1], committed[-1] + 1)
    again = lb.Library.unlock(tmp_path, PASS)
    assert again.check() == []
    assert again.load(mid)["title"].startswith("edit ")
    assert kills == 12 and saves >= 12, saves  # every kill landed in the writer's save loop
