"""The matter library: the user's matters kept on their own computer, encrypted, with every version.

Off unless the user turns it on. One SQLite file (stdlib `sqlite3`) in a folder the user can see and
change: `$FACETORT_HOME`, else the platform's user data folder (`~/.local/share/facetort` on Linux).
Everything a person wrote — the answers, the title, names — is stored only as AES-GCM ciphertext under
a key derived with scrypt from a passphrase the user chooses; the database holds the salt, the scrypt
parameters and a check value, never the passphrase or the key. Without the passphrase nothing is
readable; a wrong one is refused with a bilingual message (`WrongPassphrase`).

Each save is one transaction that appends a version, so a process killed in the middle of a save loses
at most that save and never leaves a half-written matter (SQLite's journal rolls it back). Deleting a
matter erases its rows (`secure_delete` overwrites the freed pages). The schema is versioned with
`PRAGMA user_version`; `MIGRATIONS` brings an older file up to date when it is opened.

No streamlit import: the UI layer is ui/library.py.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

DB_NAME = "library.sqlite3"
CHECK = b"facetort-library-check"
MIN_PASSPHRASE = 8
KEEP_VERSIONS = 500  # per matter; older versions are pruned on save
SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class LibraryError(Exception):
    """A library problem with a message in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class WrongPassphrase(LibraryError):
    def __init__(self) -> None:
        super().__init__("口令不正确，案件库未打开。请检查大小写和输入法后重试；口令无法找回，没有口令就无法读取库中的案件。",
                         "Wrong passphrase: the library stays locked. Check the case and the keyboard layout and try "
                         "again; a passphrase cannot be recovered, and without it nothing in the library can be read.")


# --------------------------------------------------------------------------- where the data lives
def default_home() -> Path:
    """`$FACETORT_HOME`, else the user data folder of the platform."""
    env = os.environ.get("FACETORT_HOME")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "facetort"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "facetort"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "facetort"


def db_path(home: Path) -> Path:
    return Path(home) / DB_NAME


def exists(home: Path) -> bool:
    return db_path(home).is_file()


# --------------------------------------------------------------------------- schema
def _v1(c: sqlite3.Connection) -> None:
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
    c.execute("CREATE TABLE matters (id TEXT PRIMARY KEY, created REAL NOT NULL, updated REAL NOT NULL)")
    c.execute("CREATE TABLE versions (matter_id TEXT NOT NULL REFERENCES matters(id) ON DELETE CASCADE, "
              "n INTEGER NOT NULL, at REAL NOT NULL, blob BLOB NOT NULL, PRIMARY KEY (matter_id, n))")


def _v2(c: sqlite3.Connection) -> None:
    # the list shows the newest first; the note says what made a version (autosave, restore, import, ...)
    c.execute("CREATE INDEX matters_updated ON matters(updated DESC)")
    c.execute("ALTER TABLE versions ADD COLUMN note TEXT NOT NULL DEFAULT ''")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(c: sqlite3.Connection) -> int:
    """Apply the migrations the file lacks, each in its own transaction; returns the schema version."""
    have = c.execute("PRAGMA user_version").fetchone()[0]
    if have > SCHEMA_VERSION:
        raise LibraryError(f"这个案件库由更新版本的 FaceTort 创建（格式 {have}），请升级后再打开。",
                           f"This library was made by a newer FaceTort (format {have}); upgrade to open it.")
    for i in range(have, SCHEMA_VERSION):
        with c:
            MIGRATIONS[i](c)
            c.execute(f"PRAGMA user_version = {i + 1}")
    return SCHEMA_VERSION


# --------------------------------------------------------------------------- encryption
def derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _seal(key: bytes, plain: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(key).encrypt(nonce, plain, aad)


def _open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    return AESGCM(key).decrypt(blob[:12], blob[12:], aad)


# --------------------------------------------------------------------------- records
@dataclass(frozen=True)
class MatterInfo:
    id: str
    title: str
    claimant: str
    parties: tuple[str, ...]
    updated: float
    versions: int

    def matches(self, query: str) -> bool:
        q = query.strip().casefold()
        return not q or any(q in s.casefold() for s in (self.id, self.title, self.claimant, *self.parties))


@dataclass(frozen=True)
class Version:
    n: int
    at: float
    note: str
    title: str


def _summary(answers: dict) -> tuple[str, str, tuple[str, ...]]:
    claimant = (answers.get("claimant") or {}).get("name") or ""
    parties = tuple(p.get("name") or p.get("id") or "" for p in answers.get("participants") or [])
    return answers.get("title") or "", claimant, parties


# --------------------------------------------------------------------------- the library
class Library:
    """An unlocked library: create it with `Library.create`, open it with `Library.unlock`."""

    def __init__(self, home: Path, key: bytes) -> None:
        self.home = Path(home)
        self.path = db_path(self.home)
        self._key = key

    # -- connection
    @staticmethod
    @contextmanager
    def _connect(path: Path) -> Iterator[sqlite3.Connection]:
        c = sqlite3.connect(path, timeout=15, isolation_level="DEFERRED")
        try:
            c.execute("PRAGMA journal_mode = WAL")
            c.execute("PRAGMA synchronous = FULL")
            c.execute("PRAGMA foreign_keys = ON")
            c.execute("PRAGMA secure_delete = ON")
            yield c
        finally:
            c.close()

    def _db(self):
        return self._connect(self.path)

    # -- opening
    @classmethod
    def create(cls, home: Path, passphrase: str) -> Library:
        if len(passphrase) < MIN_PASSPHRASE:
            raise LibraryError(f"口令至少需要 {MIN_PASSPHRASE} 个字符。", f"The passphrase needs at least {MIN_PASSPHRASE} "
                               "characters.")
        home = Path(home).expanduser()
        if exists(home):
            raise LibraryError("这个文件夹里已经有案件库；请输入它的口令打开。", "This folder already holds a library; "
                               "enter its passphrase to open it.")
        try:
            home.mkdir(parents=True, exist_ok=True)
            os.chmod(home, 0o700)
        except OSError as exc:
            raise LibraryError(f"无法在“{home}”创建文件夹：{exc.strerror}", f"Cannot create the folder '{home}': "
                               f"{exc.strerror}") from exc
        salt = secrets.token_bytes(16)
        key = derive_key(passphrase, salt, **SCRYPT)
        tmp = db_path(home).with_suffix(".creating")
        tmp.unlink(missing_ok=True)
        with cls._connect(tmp) as c:
            migrate(c)
            with c:
                c.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", [
                    ("kdf", json.dumps({"alg": "scrypt", **SCRYPT}).encode()), ("salt", salt),
                    ("check", _seal(key, CHECK, b"check"))])
            c.execute("PRAGMA journal_mode = DELETE")  # one file to rename
        os.chmod(tmp, 0o600)
        os.replace(tmp, db_path(home))  # the library appears whole or not at all
        return cls(home, key)

    @classmethod
    def unlock(cls, home: Path, passphrase: str) -> Library:
        home = Path(home).expanduser()
        if not exists(home):
            raise LibraryError(f"“{home}”里没有案件库。", f"There is no library in '{home}'.")
        try:
            with cls._connect(db_path(home)) as c:
                migrate(c)
                meta = dict(c.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"案件库文件无法读取（{exc}）。", f"The library file cannot be read ({exc}).") from exc
        try:
            kdf = json.loads(meta["kdf"])
            key = derive_key(passphrase, meta["salt"], kdf["n"], kdf["r"], kdf["p"])
        except (KeyError, ValueError) as exc:
            raise LibraryError("案件库文件不完整。", "The library file is incomplete.") from exc
        try:
            if _open(key, meta["check"], b"check") != CHECK:
                raise WrongPassphrase()
        except InvalidTag:
            raise WrongPassphrase() from None
        return cls(home, key)

    # -- content
    def _pack(self, mid: str, n: int, answers: dict) -> bytes:
        plain = json.dumps(answers, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return _seal(self._key, plain, f"{mid}:{n}".encode())

    def _unpack(self, mid: str, n: int, blob: bytes) -> dict:
        try:
            return json.loads(_open(self._key, blob, f"{mid}:{n}".encode()))
        except InvalidTag as exc:
            raise LibraryError(f"案件 {mid} 的第 {n} 版无法解密（文件被改动或损坏）。",
                               f"Version {n} of matter {mid} cannot be decrypted (the file was altered or "
                               "damaged).") from exc

    def new_id(self) -> str:
        return "m-" + secrets.token_hex(6)

    def save(self, mid: str | None, answers: dict, note: str = "autosave") -> tuple[str, int]:
        """Append a version of the matter (a new matter if `mid` is None or unknown); returns (id, n).

        A save identical to the newest version appends nothing."""
        mid = mid or self.new_id()
        now = time.time()
        with self._db() as c, c:
            row = c.execute("SELECT n, blob FROM versions WHERE matter_id = ? ORDER BY n DESC LIMIT 1",
                            (mid,)).fetchone()
            if row is not None and self._unpack(mid, row[0], row[1]) == json.loads(json.dumps(answers)):
                return mid, row[0]
            n = (row[0] + 1) if row else 1
            c.execute("INSERT INTO matters(id, created, updated) VALUES (?, ?, ?) "
                      "ON CONFLICT(id) DO UPDATE SET updated = excluded.updated", (mid, now, now))
            c.execute("INSERT INTO versions(matter_id, n, at, blob, note) VALUES (?, ?, ?, ?, ?)",
                      (mid, n, now, self._pack(mid, n, answers), note))
            c.execute("DELETE FROM versions WHERE matter_id = ? AND n <= ?", (mid, n - KEEP_VERSIONS))
        return mid, n

    def load(self, mid: str, n: int | None = None) -> dict:
        with self._db() as c:
            if n is None:
                row = c.execute("SELECT n, blob FROM versions WHERE matter_id = ? ORDER BY n DESC LIMIT 1",
                                (mid,)).fetchone()
            else:
                row = c.execute("SELECT n, blob FROM versions WHERE matter_id = ? AND n = ?", (mid, n)).fetchone()
        if row is None:
            raise LibraryError(f"库中没有案件 {mid}" + (f" 的第 {n} 版。" if n else "。"),
                               f"The library has no matter {mid}" + (f" version {n}." if n else "."))
        return self._unpack(mid, row[0], row[1])

    def updated(self, mid: str) -> float | None:
        """When the matter's newest version was saved (None if there is no such matter)."""
        with self._db() as c:
            row = c.execute("SELECT updated FROM matters WHERE id = ?", (mid,)).fetchone()
        return row[0] if row else None

    def has(self, mid: str) -> bool:
        with self._db() as c:
            return c.execute("SELECT 1 FROM matters WHERE id = ?", (mid,)).fetchone() is not None

    def matters(self, query: str = "") -> list[MatterInfo]:
        """Every matter, newest first, that `query` finds in its id, title, claimant or parties."""
        with self._db() as c:
            rows = c.execute(
                "SELECT m.id, m.updated, v.n, v.blob, (SELECT COUNT(*) FROM versions w WHERE w.matter_id = m.id) "
                "FROM matters m JOIN versions v ON v.matter_id = m.id "
                "AND v.n = (SELECT MAX(n) FROM versions u WHERE u.matter_id = m.id) ORDER BY m.updated DESC"
            ).fetchall()
        out = []
        for mid, updated, n, blob, count in rows:
            title, claimant, parties = _summary(self._unpack(mid, n, blob))
            info = MatterInfo(mid, title, claimant, parties, updated, count)
            if info.matches(query):
                out.append(info)
        return out

    def history(self, mid: str) -> list[Version]:
        """The versions of a matter, newest first."""
        with self._db() as c:
            rows = c.execute("SELECT n, at, note, blob FROM versions WHERE matter_id = ? ORDER BY n DESC",
                             (mid,)).fetchall()
        return [Version(n, at, note, _summary(self._unpack(mid, n, blob))[0]) for n, at, note, blob in rows]

    def restore(self, mid: str, n: int) -> tuple[str, int]:
        """Make version `n` the newest again (as a new version, so the restore can itself be undone)."""
        return self.save(mid, self.load(mid, n), note=f"restore:{n}")

    def duplicate(self, mid: str, title_suffix: str = " (副本 / copy)") -> str:
        answers = self.load(mid)
        answers["title"] = (answers.get("title") or "") + title_suffix
        return self.save(None, answers, note=f"copy:{mid}")[0]

    def rename(self, mid: str, title: str) -> None:
        answers = self.load(mid)
        answers["title"] = title.strip()
        self.save(mid, answers, note="rename")

    def delete(self, mid: str) -> None:
        with self._db() as c, c:
            c.execute("DELETE FROM versions WHERE matter_id = ?", (mid,))
            c.execute("DELETE FROM matters WHERE id = ?", (mid,))
        with self._db() as c:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the freed pages leave the log too

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity check and by decrypting every version (empty: sound)."""
        problems: list[str] = []
        with self._db() as c:
            res = [r[0] for r in c.execute("PRAGMA integrity_check").fetchall()]
            if res != ["ok"]:
                problems += res
            rows = c.execute("SELECT matter_id, n, blob FROM versions").fetchall()
        for mid, n, blob in rows:
            try:
                self._unpack(mid, n, blob)
            except LibraryError as exc:
                problems.append(exc.en)
        return problems


def erase(home: Path) -> list[Path]:
    """Delete the library's files from `home` (the folder itself stays); returns what was removed."""
    gone = []
    base = db_path(home)
    for p in (base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm"),
              base.with_name(base.name + "-journal"), base.with_suffix(".creating")):
        if p.exists():
            p.unlink()
            gone.append(p)
    return gone

