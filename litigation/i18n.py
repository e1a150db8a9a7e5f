"""Bilingual text: every user-facing string the engine produces carries Chinese and English."""

from __future__ import annotations

import re
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


# Invisible characters that change how text is shown without being seen: bidi embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069; they can make a name read backwards), zero-width space, (non-)
# joiners and direction marks (U+200B-U+200F) and the zero-width no-break space / BOM (U+FEFF; they make
# two names that look the same differ). A matter's text drops them (`facts.bounds.clean_text`); a case
# collection refuses them (`cases.validation`), since its rows must match the published decisions.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
INVISIBLE_RANGES = "U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF"


def invisible(s: str) -> list[str]:
    """The invisible characters of `INVISIBLE` in `s`, as 'U+XXXX' (each once, in order of appearance)."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in INVISIBLE.findall(s)))


def excerpt(s: str, n: int = 40) -> str:
    """At most `n` characters of user input, on one line, for quoting it in a message."""
    one = " ".join("".join(c if c.isprintable() else " " for c in str(s)).split())
    return one if len(one) <= n else one[: n - 1] + "…"


def money(x: float | None) -> str:
    """An amount in yuan as every page and document prints it: ¥12,345 (— when unknown)."""
    return "—" if x is None else f"¥{x:,.0f}"
