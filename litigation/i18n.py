"""Bilingual text: every user-facing string the engine produces carries Chinese and English."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Text(BaseModel):
    """A sentence in Chinese and English. Stored values elsewhere are codes; only Text is shown."""

    model_config = ConfigDict(frozen=True)

    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def __add__(self, other: Text) -> Text:
        return Text(zh=self.zh + other.zh, en=self.en + " " + other.en)


def T(zh: str, en: str) -> Text:  # noqa: N802 - short constructor used throughout the rules
    return Text(zh=zh, en=en)


def join(parts: list[Text], zh_sep: str = "；", en_sep: str = "; ") -> Text:
    return Text(zh=zh_sep.join(p.zh for p in parts), en=en_sep.join(p.en for p in parts))


def excerpt(s: str, n: int = 40) -> str:
    """At most `n` characters of user input, on one line, for quoting it in a message."""
    one = " ".join("".join(c if c.isprintable() else " " for c in str(s)).split())
    return one if len(one) <= n else one[: n - 1] + "…"


def money(x: float | None) -> str:
    """An amount in yuan as every page and document prints it: ¥12,345 (— when unknown)."""
    return "—" if x is None else f"¥{x:,.0f}"
