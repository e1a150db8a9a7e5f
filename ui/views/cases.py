"""Case explorer: search by keyword, party or case number; filters that say what they leave out (cases of
unknown year or court level, with a box to include them); a table in the order asked for (by similarity
to the current matter with the reasons beside it); a click on a row opens its detail; the filtered list
exported as CSV or XLSX (formula cells neutralised); distribution charts; the most similar decisions.

Filters survive leaving the page: their values (codes, never labels) are kept in the session's
preferences, and each widget's key carries the language, so a language switch draws it afresh from the
stored codes (a select box's value travels between browser and server as its label)."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pandas as pd
import streamlit as st

from litigation.cases import explorer as ex
from litigation.damages.comparables import CaseIndex, Comparable, Filters, matter_factors
from ui import data, state
from ui.charts import award_strip, year_bars
from ui.comparables import clabel, comparables_frame
from ui.frame import lang, link, t
from ui.text import esc

PREFS = "cases"


def _store() -> dict:
    return state.prefs().setdefault(PREFS, {})


def wkey(name: str) -> str:
    """The widget key of the preference `name` in the current language."""
    return f"{name}:{lang()}"


def _save(name: str, key: str) -> None:
    _store()[name] = st.session_state.get(key)


def keep(name: str, default: Any, options: list | None = None) -> dict:
    """Widget arguments that keep its value in the preferences under `name` (see the module doc). A kept
    value that is no longer among `options` (another collection) falls back to the default."""
    key = wkey(name)
    if key not in st.session_state:
        v = _store().get(name, default)
        if options is not None:
            v = [x for x in v if x in options] if isinstance(v, list) else (v if v in options else default)
        st.session_state[key] = v
    return {"key": key, "on_change": _save, "args": (name, key)}


def kept(name: str, default: Any) -> Any:
    """The current value of a kept preference (its widget may not be drawn yet, or at all)."""
    keep(name, default)
    return st.session_state[wkey(name)]


def _values(df: pd.DataFrame, col: str) -> list[str]:
    return sorted({str(v) for v in df[col].dropna().unique()})


def _year_range(df: pd.DataFrame) -> tuple[int, int]:
    years = pd.to_numeric(df["year"], errors="coerce").dropna()
    y0, y1 = (int(years.min()), int(years.max())) if len(years) else (2015, 2026)
    return y0, max(y1, y0 + 1)


def search_box(sorts: list[str]) -> tuple[str, str, str]:
    lg = lang()
    q = st.text_input(t("ca.search"), placeholder=t("ca.search_ph"), **keep("ca_query", ""))
    c = st.columns(2)
    scope = c[0].selectbox(t("ca.scope"), list(ex.SCOPES), format_func=lambda s: ex.SCOPES[s][1](lg),
                           **keep("ca_scope", "all", list(ex.SCOPES)))
    sort = c[1].selectbox(t("ca.sort"), sorts, format_func=lambda s: ex.SORTS[s](lg),
                          **keep("ca_sort", sorts[-1] if "similarity" in sorts else "dataset", sorts))
    return q or "", scope, sort


def filters(df: pd.DataFrame) -> Filters:
    lg = lang()
    y0, y1 = _year_range(df)
    any_ = t("ca.any")

    def multi(label: str, name: str, col: str, fmt) -> list[str]:
        opts = sorted(_values(df, col), key=fmt)  # in the order of their labels in this language
        return st.multiselect(t(label), opts, format_func=fmt, placeholder=any_, **keep(name, [], opts))

    with st.expander(t("ca.filters"), expanded=True, icon=":material/filter_alt:"):
        c = st.columns(3)
        with c[0]:
            sc = multi("ca.scenario", "ca_scenario", "scenario", lambda v: clabel("scenario", v, lg))
            lv = multi("ca.level", "ca_level", "court_level", lambda v: clabel("court_level", v, lg))
        with c[1]:
            pv = multi("ca.province", "ca_province", "province", lambda v: ex.province_label(v, lg))
            pr = multi("ca.procedure", "ca_procedure", "procedure", lambda v: clabel("procedure", v, lg))
            oc = multi("ca.outcome", "ca_outcome", "claim_outcome", lambda v: clabel("claim_outcome", v, lg))
        with c[2]:
            kw = keep("ca_years", (y0, y1))
            yr = st.session_state[kw["key"]]
            if not (isinstance(yr, (list, tuple)) and len(yr) == 2 and y0 <= yr[0] <= yr[1] <= y1):
                st.session_state[kw["key"]] = (y0, y1)  # a kept range outside this collection's years
            yr = st.slider(t("ca.years"), min_value=y0, max_value=y1, **kw)
            amin = st.number_input(t("ca.award_min"), min_value=0.0, step=1000.0, **keep("ca_award_min", None))
            amax = st.number_input(t("ca.award_max"), min_value=0.0, step=1000.0, **keep("ca_award_max", None))
            face = st.checkbox(t("ca.face_only"), **keep("ca_face", False))
    return Filters(scenario=sc or None, court_level=lv or None, province=pv or None, procedure=pr or None,
                   outcome=oc or None, year_min=yr[0] if yr[0] > y0 else None,
                   year_max=yr[1] if yr[1] < y1 else None, award_min=amin, award_max=amax, face_only=bool(face),
                   include_unknown_year=bool(kept("ca_unknown_year", False)),
                   include_unknown_court=bool(kept("ca_unknown_court", False)))


def unknown_notices(left: dict[str, int], f: Filters) -> None:
    """Say how many cases a filter leaves out for an unknown year or court level, with a box to include
    them (shown while there are such cases, ticked or not)."""
    for what, flag in (("year", f.include_unknown_year), ("court", f.include_unknown_court)):
        n = left.get(what, 0)
        if not n:
            continue
        msg = f"ca.unknown_{what}_{'in' if flag else 'out'}{'1' if n == 1 else ''}"
        c = st.columns([3, 2])
        (c[0].caption if flag else c[0].warning)(t(msg, n=n))
        c[1].checkbox(t(f"ca.include_unknown_{what}"), **keep(f"ca_unknown_{what}", False))


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(f) else f


def _money(v: Any) -> str:
    f = _num(v)
    return "—" if f is None else f"¥{f:,.0f}"


def _text(v: Any) -> str:
    return "—" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def frame(sub: pd.DataFrame, sims: dict[str, Comparable] | None) -> pd.DataFrame:
    """The list as shown and exported, in the page's language; with `sims`, the similarity to the matter
    and the factors that are the same and that differ, right after the case name."""
    lg = lang()
    sep = "、" if lg == "zh" else ", "
    rows = []
    for _, r in sub.iterrows():
        row = {t("ca.id"): r["case_id"], t("ca.case_no"): _text(r.get("case_no")),
               t("ca.name"): r["case_name_zh" if lg == "zh" else "case_name_en"]}
        if sims is not None:
            c = sims.get(str(r["case_id"]))
            row[t("ca.similarity")] = c.similarity if c else None
            row[t("ca.same")] = sep.join(x(lg) for x in c.matches) if c else ""
            row[t("ca.differs")] = sep.join(x(lg) for x in c.differs) if c else ""
        row.update({
            t("ca.court"): _text(r["court_zh" if lg == "zh" else "court_en"]),
            t("ca.level"): clabel("court_level", r["court_level"], lg),
            t("ca.province"): ex.province_label(r["province"], lg),
            t("ca.year"): int(r["year"]) if pd.notna(r["year"]) else None,
            t("ca.scenario"): clabel("scenario", r["scenario"], lg), t("ca.procedure"): clabel("procedure", r["procedure"], lg),
            t("ca.outcome"): clabel("claim_outcome", r["claim_outcome"], lg), t("ca.award"): _num(r["awarded_total"]),
            t("ca.claimed"): _num(r["claimed_total"]),
        })
        rows.append(row)
    return pd.DataFrame(rows)


def _on_row(key: str, ids: list[str]) -> None:
    """A click on a row of the table opens that case's detail."""
    rows = (st.session_state.get(key) or {}).get("selection", {}).get("rows", [])
    if rows and 0 <= rows[0] < len(ids):
        _store()["ca_pick"] = ids[rows[0]]
        st.session_state[wkey("ca_pick")] = ids[rows[0]]


def table(tab: pd.DataFrame, ids: list[str]) -> None:
    st.caption(t("ca.click_hint"))
    key = "ca_table:" + hashlib.sha256("\x1f".join([lang(), *ids]).encode()).hexdigest()[:12]
    cfg = {t("ca.id"): st.column_config.TextColumn(width="small"),
           t("ca.case_no"): st.column_config.TextColumn(width="medium"),
           t("ca.name"): st.column_config.TextColumn(width="large"),
           t("ca.award"): st.column_config.NumberColumn(format="¥%,.0f"),
           t("ca.claimed"): st.column_config.NumberColumn(format="¥%,.0f"),
           t("ca.year"): st.column_config.NumberColumn(format="%d"),
           t("ca.similarity"): st.column_config.ProgressColumn(format="percent", min_value=0.0, max_value=1.0)}
    st.dataframe(tab, hide_index=True, width="stretch", key=key, on_select=lambda: _on_row(key, ids),
                 selection_mode="single-row", column_config={k: v for k, v in cfg.items() if k in tab.columns})


def exports(tab: pd.DataFrame) -> None:
    name = f"facetort-cases-{lang()}"
    with st.container(horizontal=True):
        st.download_button(t("ca.export_csv"), data=ex.to_csv(tab), file_name=f"{name}.csv", mime="text/csv",
                           on_click="ignore", icon=":material/download:", key="ca_csv")
        st.download_button(t("ca.export_xlsx"), data=ex.to_xlsx(tab), file_name=f"{name}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", icon=":material/download:", key="ca_xlsx")
    st.caption(t("ca.export_note"))


def plots(df: pd.DataFrame) -> None:
    """Two charts, one above the other (legible at 900 px as at 1400 px); colours keyed by outcome code."""
    lg = lang()
    pts = []
    for _, r in df.iterrows():
        v = _num(r["awarded_total"])
        if v and v > 0:
            pts.append({"case_id": r["case_id"], "award": v, "group": clabel("scenario", r["scenario"], lg),
                        "outcome": str(r["claim_outcome"]), "where": ex.province_label(r["province"], lg)})
    if pts:
        st.plotly_chart(award_strip(pts, lg), width="stretch", key="ca_strip")
    else:
        st.caption(t("ca.no_awards"))
    counts: dict[int, dict[str, int]] = {}
    for _, r in df.iterrows():
        if pd.notna(r["year"]):
            o = str(r["claim_outcome"])
            counts.setdefault(int(r["year"]), {}).setdefault(o, 0)
            counts[int(r["year"])][o] += 1
    if counts:
        st.plotly_chart(year_bars(counts, lg), width="stretch", key="ca_years_chart")


_URL = re.compile(r"^https?://[^\s()<>\[\]]+$")


def detail(df: pd.DataFrame) -> None:
    lg = lang()
    ids = list(df["case_id"].astype(str))
    names = {str(r["case_id"]): f"{r['case_id']} {r['case_name_zh' if lg == 'zh' else 'case_name_en']}"
             for _, r in df.iterrows()}
    key = wkey("ca_pick")
    if st.session_state.get(key) not in ids:
        st.session_state[key] = _store().get("ca_pick") if _store().get("ca_pick") in ids else ids[0]
    cid = st.selectbox(t("ca.pick"), ids, format_func=names.__getitem__, key=key, on_change=_save,
                       args=("ca_pick", key))
    r = df[df["case_id"].astype(str) == cid].iloc[0]
    with st.container(border=True):
        st.markdown(f"#### {esc(names[cid])}")
        c = st.columns(2)
        left = [(t("ca.case_no"), _text(r.get("case_no"))), (t("ca.court"), _text(r["court_zh" if lg == "zh" else "court_en"])),
                (t("ca.level"), clabel("court_level", r["court_level"], lg)),
                (t("ca.province"), ex.province_label(r["province"], lg)), (t("ca.year"), _text(r["year"]))]
        right = [(t("ca.scenario"), clabel("scenario", r["scenario"], lg)),
                 (t("ca.procedure"), clabel("procedure", r["procedure"], lg)),
                 (t("ca.outcome"), clabel("claim_outcome", r["claim_outcome"], lg)),
                 (t("ca.claimed"), _money(r["claimed_total"])), (t("ca.award"), _money(r["awarded_total"]))]
        for col, items in ((c[0], left), (c[1], right)):
            col.markdown("\n".join(f"- **{k}**: {esc(v)}" for k, v in items))
        if pd.notna(r.get("legal_bases_cited")):
            st.markdown(f"**{t('ca.bases')}**: {esc(r['legal_bases_cited'])}")
        if pd.notna(r.get("notes")):
            st.markdown(f"**{t('ca.notes')}**: {esc(r['notes'])}")
        if pd.notna(r.get("amount_note")):
            st.caption(esc(r["amount_note"]))
        if pd.notna(r.get("source_citation")):
            st.markdown(f"**{t('ca.source')}**: {esc(r['source_citation'])}")
        urls = [u.strip() for u in str(r.get("source_urls") or "").split(";") if _URL.match(u.strip())]
        if urls:
            st.markdown(f"**{t('ca.links')}**:\n" + "\n".join(f"- [{esc(u)}]({u})" for u in urls))


def similar_to_matter(m) -> None:
    st.subheader(t("ca.similar"))
    if m is None:
        st.caption(t("ca.similar_none"))
        return
    r = data.research(m)
    if r.estimate is not None and r.comparables:
        st.dataframe(comparables_frame(r.estimate), hide_index=True, width="stretch")
    link("export", "ca.report")


def _similarities(index: CaseIndex, m) -> dict[str, Comparable]:
    """Every decision's similarity to the matter, with its reasons (memoised in the session)."""
    ids = tuple(index.cases["case_id"].astype(str))

    def run() -> dict[str, Comparable]:
        return {c.case_id: c for c in index.search(matter_factors(m), k=len(index.cases))}

    return state._remember(("ca_sims", m.model_dump_json(), ids), run)


def render() -> None:
    st.title(t("ca.heading"))
    st.caption(t("ca.intro"))
    df = data.cases()
    if df is None:
        st.warning(t("ca.unavailable"))
        return
    m, _ = state.validate()
    m = m if m is not None and m.participants else None
    sorts = ["dataset", "year", "award"] + (["similarity"] if m is not None else [])
    q, scope, sort = search_box(sorts)
    if m is None:
        st.caption(t("ca.sort_needs_matter"))
    f = filters(df)
    index = CaseIndex(df)
    found = ex.search_mask(index.cases, q, scope)
    unknown_notices(index.left_out(f, within=found), f)
    sims = _similarities(index, m) if m is not None else None
    sub = ex.order(index.cases[index.mask(f) & found], sort,
                   {k: c.similarity for k, c in sims.items()} if sims else None)
    st.caption(t("ca.count", n=len(sub), total=len(df)))
    if sub.empty:
        st.info(t("ca.empty"))
    else:
        st.subheader(t("ca.table"))
        tab = frame(sub, sims if sort == "similarity" else None)
        table(tab, list(sub["case_id"].astype(str)))
        exports(tab)
        st.subheader(t("ca.detail"))
        detail(sub)
        plots(sub)
    similar_to_matter(m)
