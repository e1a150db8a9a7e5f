"""Privacy end to end (issue 12): a shared matter file whose names and notes carry Markdown images, raw
HTML and links is loaded through the interview's load widget; the analysis (every tab) and export pages
are drawn; the browser must make no request that leaves 127.0.0.1 / localhost — user text is never
rendered as Markdown or HTML, so it cannot act as a tracking pixel."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

from driver import ROOT, main_text, nav, settle, upload

SCENARIO = "bank_app_consented_leak.matter.json"
PIXEL = "http://198.51.100.7/p.png"  # TEST-NET-2: the address a hostile file would point at
HOSTILE = [f"![x]({PIXEL})", f"<img src={PIXEL}>", f"[link]({PIXEL})", f"<{PIXEL}>", PIXEL,
           f'<a href="{PIXEL}">a</a>']


def hostile_matter(tmp_path: Path) -> Path:
    m = json.loads((ROOT / "data" / "scenarios" / SCENARIO).read_text(encoding="utf-8"))
    m["title"] = HOSTILE[0] + " " + HOSTILE[1]
    m["notes"] = "\n".join(HOSTILE)
    m["claimant"]["name"] = HOSTILE[1]
    for i, p in enumerate(m["participants"]):
        p["name"] = HOSTILE[i % len(HOSTILE)] + f" {i}"
    out = tmp_path / "hostile.matter.json"
    out.write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    return out


def test_a_hostile_matter_makes_no_request_off_localhost(page, tmp_path):
    pg = page
    requests: list[str] = []
    pg.context.on("request", lambda r: requests.append(r.url))
    nav(pg, "事实问答")
    upload(pg, hostile_matter(tmp_path))
    settle(pg, 1500)
    assert "已载入" in main_text(pg), main_text(pg)[:1500]
    nav(pg, "法律分析")
    shown = ""
    for tab in pg.get_by_role("tab").all():  # every tab, with its first expanders opened
        tab.click()
        settle(pg, 400)
        for exp in [e for e in pg.locator('[data-testid="stExpander"] summary').all() if e.is_visible()][:8]:
            exp.click()
        pg.wait_for_timeout(300)
        shown += main_text(pg)
    assert "198.51.100.7" in shown  # the names are shown, as text
    nav(pg, "导出文书")
    pg.wait_for_timeout(1500)
    assert "198.51.100.7" in main_text(pg)
    offsite = [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).hostname not in ("localhost", "127.0.0.1", "::1")]
    assert requests and offsite == [], offsite
