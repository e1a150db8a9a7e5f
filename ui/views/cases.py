"""Case explorer: filters, a table, distribution plots, a case detail with its source, and the
decisions most similar to the current matter."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st

from ui import data, state
from ui.charts import award_strip, year_bars
from ui.comparables import clabel, comparables_frame
from ui.frame import lang, link, t
from ui.text import esc

PREFS = "cases"


def _save(key: str) -> None:
    state.prefs().setdefault(PREFS, {})[key] = st.session_state.get(key)


def keep(key: str, default: Any) -> dict:
    """Filters survive leaving the page: their values are kept in the session's preferences."""
    store = state.prefs().setdefault(PREFS, {})
    if key not in st.session_state:
        st.session_state[key] = store.get(key, default)
    return {"key": key, "on_change": _save, "args": (key,)}


def _values(df: pd.DataFrame, col: str) -> list[str]:
    return sorted({str(v) for v in df[col].dropna().unique()})


def filters(df: pd.DataFrame):
    from litigation.damages.comparables import Filters

    lg = lang()
    years = pd.to_numeric(df["year"], errors="coerce").dropna()
    y0, y1 = (int(years.min()), int(years.max())) if len(years) else (2015, 2026)
    any_ = t("ca.any")
    with st.expander(t("ca.filters"), expanded=True, icon=":material/filter_alt:"):
        c = st.columns(3)
        with c[0]:
            sc = st.multiselect(t("ca.scenario"), _values(df, "scenario"),
                                format_func=lambda v: clabel("scenario", v, lg), placeholder=any_, **keep("ca_scenario", []))
            lv = st.multiselect(t("ca.level"), _values(df, "court_level"),
                                format_func=lambda v: clabel("court_level", v, lg), placeholder=any_, **keep("ca_level", []))
        with c[1]:
            pv = st.multiselect(t("ca.province"), _values(df, "province"), placeholder=any_, **keep("ca_province", []))
            pr = st.multiselect(t("ca.procedure"), _values(df, "procedure"),
                                format_func=lambda v: clabel("procedure", v, lg), placeholder=any_, **keep("ca_procedure", []))
            oc = st.multiselect(t("ca.outcome"), _values(df, "claim_outcome"),
                                format_func=lambda v: clabel("claim_outcome", v, lg), placeholder=any_,
                                **keep("ca_outcome", []))
        with c[2]:
            yr = st.slider(t("ca.years"), min_value=y0, max_value=max(y1, y0 + 1), **keep("ca_years", (y0, max(y1, y0 + 1))))
            amin = st.number_input(t("ca.award_min"), min_value=0.0, step=1000.0, **keep("ca_award_min", None))
            amax = st.number_input(t("ca.award_max"), min_value=0.0, step=1000.0, **keep("ca_award_max", None))
            face = st.checkbox(t("ca.face_only"), **keep("ca_face", False))
    return Filters(scenario=sc or None, court_level=lv or None, province=pv or None, procedure=pr or None,
                   outcome=oc or None, year_min=yr[0] if yr[0] > y0 else None,
                   year_max=yr[1] if yr[1] < y1 else None, award_min=amin, award_max=amax, face_only=bool(face))


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(f) else f


def _money(v: Any) -> str:
    f = _num(v)
    return "—" if f is None else f"¥{f:,.0f}"


def table(df: pd.DataFrame) -> None:
    lg = lang()
    rows = [{
        t("ca.id"): r["case_id"], t("ca.name"): r["case_name_zh" if lg == "zh" else "case_name_en"],
        t("ca.court"): r["court_zh" if lg == "zh" else "court_en"], t("ca.level"): clabel("court_level", r["court_level"], lg),
        t("ca.province"): r["province"] if pd.notna(r["province"]) else "—",
        t("ca.year"): int(r["year"]) if pd.notna(r["year"]) else None,
        t("ca.scenario"): clabel("scenario", r["scenario"], lg), t("ca.procedure"): clabel("procedure", r["procedure"], lg),
        t("ca.outcome"): clabel("claim_outcome", r["claim_outcome"], lg), t("ca.award"): _num(r["awarded_total"]),
        t("ca.claimed"): _num(r["claimed_total"]),
    } for _, r in df.iterrows()]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch",
                 column_config={t("ca.award"): st.column_config.NumberColumn(format="¥%,.0f"),
                                t("ca.claimed"): st.column_config.NumberColumn(format="¥%,.0f")})


def plots(df: pd.DataFrame) -> None:
    lg = lang()
    pts = []
    for _, r in df.iterrows():
        v = _num(r["awarded_total"])
        if v and v > 0:
            pts.append({"case_id": r["case_id"], "award": v, "group": clabel("scenario", r["scenario"], lg),
                        "outcome": clabel("claim_outcome", r["claim_outcome"], lg)})
    c = st.columns(2)
    with c[0]:
        if pts:
            st.plotly_chart(award_strip(pts, lg), width="stretch", key="ca_strip")
        else:
            st.caption(t("ca.no_awards"))
    counts: dict[int, dict[str, int]] = {}
    for _, r in df.iterrows():
        if pd.notna(r["year"]):
            o = clabel("claim_outcome", r["claim_outcome"], lg)
            counts.setdefault(int(r["year"]), {}).setdefault(o, 0)
            counts[int(r["year"])][o] += 1
    with c[1]:
        if counts:
            st.plotly_chart(year_bars(counts, lg), width="stretch", key="ca_years_chart")


_URL = re.compile(r"^https?://[^\s()<>\[\]]+$")


def detail(df: pd.DataFrame) -> None:
    lg = lang()
    ids = list(df["case_id"].astype(str))
    names = {str(r["case_id"]): f"{r['case_id']} {r['case_name_zh' if lg == 'zh' else 'case_name_en']}"
             for _, r in df.iterrows()}
    store = state.prefs().setdefault(PREFS, {})
    if st.session_state.get("ca_pick") not in ids:
        st.session_state["ca_pick"] = store.get("ca_pick") if store.get("ca_pick") in ids else ids[0]
    cid = st.selectbox(t("ca.pick"), ids, format_func=names.__getitem__, key="ca_pick", on_change=_save,
                       args=("ca_pick",))
    r = df[df["case_id"].astype(str) == cid].iloc[0]
    with st.container(border=True):
        st.markdown(f"#### {esc(names[cid])}")
        c = st.columns(2)

        def val(v: Any) -> str:
            return "—" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)

        left = [(t("ca.case_no"), val(r.get("case_no"))), (t("ca.court"), val(r["court_zh" if lg == "zh" else "court_en"])),
                (t("ca.level"), clabel("court_level", r["court_level"], lg)), (t("ca.province"), val(r["province"])),
                (t("ca.year"), val(r["year"]))]
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


def similar_to_matter() -> None:
    st.subheader(t("ca.similar"))
    m, _ = state.validate()
    if m is None or not m.participants:
        st.caption(t("ca.similar_none"))
        return
    r = data.research(m)
    if r.estimate is not None and r.comparables:
        st.dataframe(comparables_frame(r.estimate), hide_index=True, width="stretch")
    link("export", "ca.report")


def render() -> None:
    st.title(t("ca.heading"))
    st.caption(t("ca.intro"))
    df = data.cases()
    if df is None:
        st.warning(t("ca.unavailable"))
        return
    f = filters(df)
    sub = df[data.filter_mask(df, f)]
    st.caption(t("ca.count", n=len(sub), total=len(df)))
    if sub.empty:
        st.info(t("ca.empty"))
    else:
        st.subheader(t("ca.table"))
        table(sub)
        plots(sub)
        st.subheader(t("ca.detail"))
        detail(sub)
    similar_to_matter()
