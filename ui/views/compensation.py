"""Compensation page: per head and total, median with 50% and 80% ranges on a log scale beside the
comparable awards, n and the backtested coverage, both parts of the hurdle and the per-head ranges with
their labels (the same lines as the memos: `litigation.damages.explain`), and a 'what if' panel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from litigation.damages.engine import liability_terms
from litigation.facts.matter import Matter
from ui import data, state
from ui.charts import range_figure
from ui.comparables import comparables_frame, money
from ui.frame import lang, link, t
from ui.text import esc

HEAD_COLUMN = {"total": "awarded_total", "mental_distress": "awarded_mental_distress"}


def _band(lo: float | None, hi: float | None) -> str:
    return "—" if lo is None or hi is None else f"{money(lo)} – {money(hi)}"


def heads_frame(heads: list, ex=None) -> pd.DataFrame:
    """The heads table; `ex` (`litigation.damages.explain.Explanation`) gives the proof column."""
    lg = lang()
    proofs = {line.head: line.proof for line in ex.lines} if ex is not None else {}
    rows = []
    for h in heads:
        r = h.range
        proof = proofs.get(h.head)
        rows.append({
            t("co.head"): h.label(lg),
            t("co.proof_col"): proof(lg) if proof else "—",
            t("co.source"): t(f"co.basis_{h.basis}") if h.basis in ("law", "comparables", "none") else h.basis,
            t("co.median_col"): money(r.median),
            t("co.r50_col"): _band(r.low50, r.high50),
            t("co.r80_col"): _band(r.low80, r.high80),
            t("co.n_col"): str(h.n) if h.basis == "comparables" else "—",
            t("co.claimed_col"): money(h.claimed) + (" " + t("co.capped") if h.capped else ""),
            t("co.note_col"): h.message(lg),
        })
    return pd.DataFrame(rows)


def _awards(est, df) -> dict[str, list[tuple[str, float]]]:
    """The comparable decisions' awards per head (the points beside each range)."""
    out: dict[str, list[tuple[str, float]]] = {}
    if df is None:
        return out
    by_id = df.set_index(df["case_id"].astype(str))
    for h in [*est.heads, est.total]:
        col = HEAD_COLUMN.get(h.head)
        if col is None or col not in by_id.columns:
            continue
        pts = []
        for cid in h.comparables:
            if cid in by_id.index:
                v = by_id.loc[cid, col]
                v = v.iloc[0] if isinstance(v, pd.Series) else v
                if pd.notna(v) and v > 0:
                    pts.append((cid, float(v)))
        out[h.head] = pts
    return out


def law_only(m: Matter) -> None:
    """Fallback when the estimator cannot run: the heads the law fixes, from the matter."""
    st.warning(t("co.unavailable"))
    try:
        from litigation.damages.compensation import law_heads

        st.subheader(t("co.heads"))
        st.dataframe(heads_frame(law_heads(m)), hide_index=True, width="stretch")
    except Exception:  # noqa: BLE001 - nothing more to show
        pass


def estimate_for(m: Matter, mode: str = "current", total: float | None = None):
    r = data.research(m, mode, total)
    return r.estimate


def hurdle_lines(ex) -> None:
    """Per head: the range with its label, both parts of the hurdle, unproven heads marked; then which
    heads count and the backtest's coverage label (the memos print the same lines)."""
    lg = lang()
    stop = "。" if lg == "zh" else "."
    st.subheader(t("co.hurdle_heading"))
    for line in ex.lines:
        st.markdown(f"**{esc(line.label(lg))}**{'：' if lg == 'zh' else ': '}{esc(line.range(lg))}")
        for x in (line.hurdle, line.proof):
            if x is not None:
                st.caption(esc(x(lg) + stop))
    for x in (ex.counted, ex.note, ex.coverage):
        if x is not None:
            st.caption(esc(x(lg) + stop))


def metrics(est) -> None:
    bt = data.backtest()
    c = st.columns(4)
    c[0].metric(t("co.n"), str(est.total.n))
    if bt and bt.get("n"):
        help_ = t("co.backtest_help", n=bt["n"])
        c[1].metric(t("co.cov50"), f"{bt['coverage_50']:.0%}", help=help_)
        c[2].metric(t("co.cov80"), f"{bt['coverage_80']:.0%}", help=help_)
        c[3].metric(t("co.err"), f"{bt['median_abs_log10_error']:.2f}", help=help_)


def what_if(m: Matter, est) -> None:
    from litigation.facts import answers as fa
    from litigation.law import teaching as tg
    from ui.views.teaching import changed_matter, choose_change, flips_table

    st.caption(t("co.whatif_intro"))
    ans = fa.answers_from(m.model_dump(mode="json"))
    changed = choose_change(ans, "co")
    if changed is None:
        return
    m2 = changed_matter(changed)
    if m2 is None:
        return
    p = state.prefs()
    total = p.get("total") if p.get("total_set") else state.claimed_total(m)
    est2 = estimate_for(m2, p.get("mode", "current"), total)
    if est2 is None:
        return
    c = st.columns(2)
    before, after = est.total.range, est2.total.range
    c[0].metric(t("co.total_median"), money(after.median),
                delta=None if before.median is None or after.median is None else f"{after.median - before.median:+,.0f}",
                help=f"{t('co.before')}: {money(before.median)}")
    c[1].metric(t("co.total_r80"), _band(after.low80, after.high80),
                help=f"{t('co.before')}: {_band(before.low80, before.high80)}")
    mode = p.get("mode", "current")
    a1 = state.analysis_of(m, mode, total)
    a2 = state.analysis_of(m2, mode, total)
    fl = tg.flips(a1, a2, names={x.id: x.name for x in m.participants})
    st.markdown(f"**{t('co.liability_moves')}**")
    if fl:
        st.dataframe(flips_table(fl, t("co.before"), t("co.after")), hide_index=True, width="stretch")
    else:
        st.caption(t("te.no_change"))


def render() -> None:
    from ui.views.analysis import invalid

    lg = lang()
    st.title(t("co.heading"))
    st.caption(t("co.intro"))
    m, errs = state.ready()
    if m is None:
        invalid(errs)
        return
    p = state.prefs()
    mode = p.get("mode", "current")
    if mode == "reform":
        st.warning(t("an.reform_banner"), icon=":material/science:")
    total = p.get("total") if p.get("total_set") else state.claimed_total(m)
    a = state.analysis_of(m, mode, total)
    if not liability_terms(a).money:
        from litigation.damages.explain import contract_lines

        contract = contract_lines(a)
        st.info(t("co.nobody_liable_tort") if contract else t("co.nobody_liable"))
        for line in contract:
            st.markdown("- " + esc(line(lg)))
        link("analysis", "go.analysis")
        return
    with st.spinner():
        est = estimate_for(m, mode, total)
    if est is None:
        law_only(m)
        return
    from litigation.damages.explain import explain

    metrics(est)
    heads = [*est.heads, est.total]
    st.plotly_chart(range_figure(heads, _awards(est, data.cases()), lg), width="stretch", key="range_chart")
    ex = explain(est, a, data.backtest())
    st.dataframe(heads_frame(heads, ex), hide_index=True, width="stretch")
    if any(line.proof for line in ex.lines):
        st.caption(t("co.unproven_note"))
    hurdle_lines(ex)
    for line in ex.contract:
        st.markdown("- " + esc(line(lg)))
    st.subheader(t("co.comparables"))
    if est.comparables:
        st.dataframe(comparables_frame(est), hide_index=True, width="stretch")
    st.subheader(t("co.whatif"))
    what_if(m, est)
