"""The pre-2021 counterpart of a Civil Code or PIPL article, for conduct wholly before 2021.

A rule written for the current law cites the Civil Code, the PIPL or the SPC Face Provisions; for a participant
whose acts all predate 2021 those instruments do not govern (SPC Temporal-Effect Provisions Art 1(2)), so
`Ctx.localise` replaces each such citation by the article of the law then in force that says the same thing, or
drops it where there was none (the PIPL's presumption of fault, the SPC Face Provisions). The Civil Code's
articles that restate the old ones are mapped one to one; the old law's wording differs in places (Tort Liability
Law 20 is sequential, 26 covers only the occurrence, 36(3) needs actual knowledge) — the rules that depend on
those differences are in `old_law`.
"""

from __future__ import annotations

from litigation.law.citations import Citation, contract_law, cprl, csl, gpcl, tll

# (instrument, article, paragraph or 0) -> the old articles; a missing paragraph key falls back to (…, 0).
_MAP: dict[tuple[str, str, int], list[Citation]] = {
    ("CC-2020", "1165", 1): [tll(6, 1)],
    ("CC-2020", "1165", 0): [tll(6)],
    ("CC-2020", "1168", 0): [tll(8)],
    ("CC-2020", "1169", 1): [tll(9, 1)],
    ("CC-2020", "1170", 0): [tll(10)],
    ("CC-2020", "1171", 0): [tll(11)],
    ("CC-2020", "1172", 0): [tll(12)],
    ("CC-2020", "1173", 0): [tll(26)],
    ("CC-2020", "1175", 0): [tll(28)],
    ("CC-2020", "1182", 0): [tll(20)],
    ("CC-2020", "1183", 1): [tll(22)],
    ("CC-2020", "1183", 0): [tll(22)],
    ("CC-2020", "1194", 0): [tll(36, 1)],
    ("CC-2020", "1195", 0): [tll(36, 2)],
    ("CC-2020", "1197", 0): [tll(36, 3)],
    ("CC-2020", "1198", 2): [tll(37, 2)],
    ("CC-2020", "995", 0): [tll(15)],
    ("CC-2020", "179", 0): [gpcl(179)],
    ("CC-2020", "186", 0): [gpcl(186), contract_law(122)],
    ("CC-2020", "188", 0): [gpcl(188)],
    ("CC-2020", "1034", 0): [gpcl(111)],
    ("CC-2020", "1035", 1): [gpcl(111), csl(41, 1), cprl(29, 1)],
    ("CC-2020", "1035", 0): [gpcl(111)],
    ("CC-2020", "1037", 2): [csl(43)],
    ("CC-2020", "1038", 0): [csl(42, 1), cprl(29, 2)],
    ("CC-2020", "577", 0): [contract_law(107)],
    ("CC-2020", "584", 0): [contract_law(113, 1)],
    ("CC-2020", "496", 0): [contract_law(39)],
    ("CC-2020", "497", 0): [contract_law(40)],
    ("CC-2020", "1018", 0): [gpcl(110), tll(2)],
    ("CC-2020", "1019", 1): [gpcl(110), tll(2)],
    ("CC-2020", "1024", 1): [gpcl(110), tll(2)],
    ("CC-2020", "1032", 0): [gpcl(110), tll(2)],
    ("CC-2020", "1033", 0): [gpcl(110), tll(2)],
    ("PIPL-2021", "69", 1): [tll(6, 1)],
}


def old_equivalents(c: Citation) -> list[Citation]:
    """The articles of the law before 2021 that a current-law citation stands for (empty if none)."""
    art = str(c.article)
    return _MAP.get((c.instrument, art, c.paragraph or 0)) or _MAP.get((c.instrument, art, 0), [])
