"""Analysis page: infringement and grounds, defences, burden of proof, liability, remedies, flags."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from litigation.facts import review as rv
from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.law.analysis import Analysis
from litigation.law.citations import INSTRUMENTS
from litigation.law.infringement import is_ground
from ui import data, state
from ui.charts import liability_figure
from ui.components import MARK, finding
from ui.frame import lang, link, page_path, t
from ui.text import esc
from ui.widgets import unanswered_lines


def sep(lg: str) -> str:
    return "；" if lg == "zh" else "; "


GOTO = "ft_an_goto"
STATUS_ICON = {"met": ":material/check_circle:", "contested": ":material/warning:", "missing": ":material/cancel:",
               "not_at_issue": ":material/remove:"}


def _on_mode() -> None:
    state.prefs()["mode"] = "reform" if st.session_state.get("ft_mode_w") else "current"


def _on_total() -> None:
    v = st.session_state.get("ft_total_w")
    state.prefs()["total"] = None if v is None else float(v)
    state.prefs()["total_set"] = True


def controls(m: Matter) -> tuple[str, float | None]:
    p = state.prefs()
    c1, c2 = st.columns([3, 2])
    with c1:
        st.toggle(t("an.reform"), value=p["mode"] == "reform", key="ft_mode_w", help=t("an.reform_help"),
                  on_change=_on_mode)
    total = p.get("total") if p.get("total_set") else state.claimed_total(m)
    with c2:
        st.number_input(t("an.total"), min_value=0.0, value=total, step=500.0, format="%.0f", key="ft_total_w",
                        help=t("an.total_help"), on_change=_on_total)
    return p["mode"], total


def invalid(errs: list) -> None:
    from ui.views.interview import errors_by_step, show_errors

    ans = state.answers()
    if not ans.get("participants"):
        st.info(t("status.empty"))
    else:
        st.warning(t("an.invalid"))
        for _, items in errors_by_step(errs, ans).items():
            show_errors(items)
    c1, c2 = st.columns(2)
    with c1:
        link("interview", "go.interview")
    with c2:
        link("teaching", "go.teaching")


def claims_block(a: Analysis, names: dict[str, str]) -> None:
    """The first screen: the headline, the governing law and why, and each cause of action with its outcome."""
    lg = lang()
    (st.success if a.claims_found() else st.info)(esc(a.headline()[lg]))
    for f in a.governing:
        st.caption(esc(f"{names.get(f.participant or '', f.participant or '')}：{f.explanation(lg)}" if lg == "zh" else
                       f"{names.get(f.participant or '', f.participant or '')}: {f.explanation(lg)}"))
    if not a.claims:
        return
    st.markdown(f"#### {t('an.claims')}")
    for c in a.claims:
        for f in c.findings:
            verdict = t("an.made_out") if f.holds else t("an.not_made_out")
            head = f"{label('claim', c.code, lg)}（{c.docket(lg)}）· {names.get(f.participant or '', '')} · {verdict}" \
                if lg == "zh" else f"{label('claim', c.code, lg)} ({c.docket(lg)}) · {names.get(f.participant or '', '')} · {verdict}"
            finding(f, names, title=esc(head))


def _goto(step_id: str) -> None:
    st.session_state[state.STEP] = step_id
    st.session_state[state.FROM_REVIEW] = False
    st.session_state[GOTO] = True


def per_defendant(m: Matter, a: Analysis) -> None:
    """The outcome for each defendant: claims made out, liability, remedies available against it."""
    lg = lang()
    rows = []
    for d in a.liability.defendants:
        made = [label("claim", c.code, lg) for c in a.claims for f in c.findings if f.participant == d.id and f.holds]
        rem = [label("remedy", r.code, lg) for r in a.remedies if r.available and d.id in r.against]
        rows.append({t("an.l.defendant"): d.name, t("an.o.claims"): sep(lg).join(made) or t("an.o.none"),
                     t("an.l.external"): label("external", d.external, lg),
                     t("an.o.remedies"): sep(lg).join(rem) or t("an.o.none")})
    if rows:
        st.markdown(f"#### {t('an.o.title')}")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def facts_that_matter(m: Matter, a: Analysis, mode: str, total: float | None) -> None:
    """The facts that decide the outcome (flip each key answer; keep those that change a conclusion or move
    the compensation range), each with the step to edit it."""
    from litigation.damages.sensitivity import value_label, which_facts_matter
    from litigation.facts import answers as fa

    lg = lang()
    ans = state.answers()
    names = {p.id: p.name for p in m.participants}
    models = data.award_models()
    key = ("facts_matter", json.dumps(fa.effective(ans), sort_keys=True, default=str), mode, total)
    flips = state._remember(key, lambda: which_facts_matter(ans, a, names, mode, total, models=models,
                                                            with_range=models is not None))
    st.markdown(f"#### {t('an.k.title')}")
    if not flips:
        st.caption(t("an.k.none"))
        return
    st.caption(t("an.k.intro"))

    def what(f, n: int | None = None) -> str:
        rows = f.changes if n is None else f.changes[:n]
        return sep(lg).join(f"{r.item(lg)}: {r.before(lg)} → {r.after(lg)}" for r in rows)

    for n, f in enumerate(flips[:5]):
        c = st.columns([6, 1], vertical_alignment="center")
        more = t("an.k.more", n=len(f.changes) - 4) if len(f.changes) > 4 else ""
        c[0].markdown(esc(t("an.k.row", fact=f.fact(ans, lg), now=value_label(f.question, f.before, lg),
                            alt=value_label(f.question, f.after, lg))) + "  \n" + esc(what(f, 4) + more))
        c[1].button(t("an.k.edit"), key=f"an_goto:{n}:{f.path}", on_click=_goto, args=(f.step,),
                    icon=":material/edit:")
    with st.expander(t("an.k.all", n=len(flips)), icon=":material/tune:"):
        st.dataframe(pd.DataFrame([{
            t("an.k.c.rank"): n + 1, t("an.k.c.fact"): f.fact(ans, lg), t("an.k.c.now"): value_label(f.question, f.before, lg),
            t("an.k.c.alt"): value_label(f.question, f.after, lg), t("an.k.c.changes"): len(f.changes),
            t("an.k.c.what"): what(f),
        } for n, f in enumerate(flips)]), hide_index=True, width="stretch")


def summary(m: Matter, a: Analysis, mode: str = "current", total: float | None = None) -> None:
    lg = lang()
    claims_block(a, {p.id: p.name for p in m.participants})
    per_defendant(m, a)
    facts_that_matter(m, a, mode, total)
    liable = [d for d in a.liability.defendants if d.external != "none"]
    c = st.columns(4)
    c[0].metric(t("an.m.infringement"), t("an.found_short") if a.infringement_found else t("an.not_found_short"))
    c[1].metric(t("an.m.liable"), f"{len(liable)} / {len(a.liability.defendants)}")
    c[2].metric(t("an.m.remedies"), str(len(a.remedy_codes())))
    c[3].metric(t("an.m.law"), str(len(a.applicable_law)))
    if a.applicable_law:
        st.caption(t("an.m.law") + ": " + sep(lg).join(INSTRUMENTS[c_].short(lg) for c_ in a.applicable_law))


def infringement_tab(m: Matter, a: Analysis, names: dict[str, str], reform: bool) -> None:
    lg = lang()
    st.markdown(f"### {MARK[a.infringement_found]} {t('an.found') if a.infringement_found else t('an.not_found')}")
    if a.infringing:
        st.markdown(f"**{t('an.basis')}**: " + esc(sep(lg).join(c.label(lg) for c in a.ground_citations())))
    show_other = st.toggle(t("an.other_checks", n=sum(1 for fs in a.grounds.values() for f in fs if not is_ground(f))),
                           key="ft_show_other")
    for pid, fs in a.grounds.items():
        st.markdown(f"#### {esc(t('an.grounds_for', name=names.get(pid, pid)))}")
        hits = [f for f in fs if is_ground(f)]
        if not hits:
            st.caption(t("an.no_grounds"))
        for f in hits:
            finding(f, names, reform=reform)
        if show_other:
            for f in fs:
                if not is_ground(f):
                    finding(f, names, reform=reform)


def defences_tab(a: Analysis, names: dict[str, str], reform: bool) -> None:
    any_ = False
    for pid, fs in a.defenses.items():
        if not fs:
            continue
        any_ = True
        st.markdown(f"#### {esc(names.get(pid, pid))}")
        for f in fs:
            verdict = t("an.accepted") if f.holds else t("an.rejected") if f.holds is False else t("an.undecided")
            finding(f, names, title=f"{f.title(lang())} — {verdict}", reform=reform)
    if not any_:
        st.caption(t("an.no_defences"))


def burden_frame(a: Analysis, names: dict[str, str]) -> pd.DataFrame:
    """Who must prove what, where it stands and what follows (details and articles open below)."""
    lg = lang()
    rows = []
    for b in a.burden:
        rows.append({
            t("an.b.element"): b.label(lg) + (" ⚑" if b.reform else ""),
            t("an.b.bearer"): label("bearer", b.bearer, lg),
            t("an.b.status"): label("status", b.status, lg),
            t("an.b.if"): b.if_unproven(lg),
        })
    return pd.DataFrame(rows)


def burden_tab(a: Analysis, names: dict[str, str], reform: bool) -> None:
    lg = lang()
    if reform:
        st.warning(t("an.reform_banner"))
    df = burden_frame(a, names)
    st.dataframe(df, hide_index=True, width="stretch", height=36 * (len(df) + 1) + 4, column_config={
        t("an.b.element"): st.column_config.TextColumn(width="large"),
        t("an.b.bearer"): st.column_config.TextColumn(width="small"),
        t("an.b.status"): st.column_config.TextColumn(width="small"),
        t("an.b.if"): st.column_config.TextColumn(width="large")})
    for b in a.burden:
        head = esc(f"{b.label(lg)} — {label('bearer', b.bearer, lg)} · {label('status', b.status, lg)}")
        with st.expander(head, icon=STATUS_ICON.get(b.status)):
            if b.reform:
                st.caption(t("an.reform_banner"))
            st.markdown(f"**{t('an.b.status')}**: {label('status', b.status, lg)}")
            st.markdown(f"**{t('an.b.shows')}**: {esc(b.shows(lg))}")
            st.markdown(f"**{t('an.b.if')}**: {esc(b.if_unproven(lg))}")
            st.markdown(f"**{t('an.basis')}**: " + esc(sep(lg).join(c.label(lg) for c in b.citations)))


def liability_frame(a: Analysis) -> pd.DataFrame:
    lg = lang()
    def money(x: float | None) -> str:
        return "—" if x is None else f"¥{x:,.0f}"
    names = {d.id: d.name for d in a.liability.defendants}
    return pd.DataFrame([{
        t("an.l.defendant"): d.name,
        t("an.l.external"): label("external", d.display, lg),
        t("an.l.share"): f"{d.internal_share:.0%}",
        t("an.l.amount"): money(d.internal_amount),
        t("an.l.exposure"): money(d.exposure_amount),
        t("an.l.jointly"): "、".join(names.get(x, x) for x in d.jointly_with) or "—",
    } for d in a.liability.defendants])


def liability_tab(m: Matter, a: Analysis, names: dict[str, str], mode: str, reform: bool) -> None:
    lg = lang()
    lb = a.liability
    if not lb.defendants:
        st.caption(t("an.l.none"))
        return
    if lb.total_damages is not None:
        st.write(t("an.l.recoverable", total=f"¥{lb.total_damages:,.0f}", red=f"{lb.reduction:.0%}",
                   rec=f"¥{(lb.recoverable or 0):,.0f}"))
        fig = liability_figure(a, lg)
    else:
        st.caption(t("an.l.no_total"))
        fig = liability_figure(state.analysis_of(m, mode, 1.0), lg, as_share=True)
    if any(d.external in ("joint_and_several", "several_share", "joint_for_enlarged_part") for d in lb.defendants):
        st.plotly_chart(fig, width="stretch", key="liability_chart")
    else:
        st.info(t("an.l.no_damages"))
    st.dataframe(liability_frame(a), hide_index=True, width="stretch")
    for d in lb.defendants:
        st.markdown(f"#### {esc(t('an.l.basis_for', name=d.name))}")
        for f in d.basis:
            finding(f, names, reform=reform)
        if d.recourse:
            st.info(esc(d.recourse(lg)))
    for f in lb.notes:
        finding(f, names, reform=reform)


def remedies_tab(a: Analysis, names: dict[str, str], reform: bool) -> None:
    lg = lang()
    for r in a.remedies:
        req = t("an.r.requested") if r.requested else t("an.r.not_requested")
        av = t("an.r.available") if r.available else t("an.r.unavailable")
        against = "、".join(names.get(x, x) for x in r.against)
        title = f"{label('remedy', r.code, lg)} — {av} · {req}" + (f" · {t('an.r.against')} {against}" if against
                                                                   else "")
        finding(r.finding.model_copy(update={"holds": r.available}), names, title=title, reform=reform)


def flags_tab(a: Analysis, names: dict[str, str], reform: bool) -> None:
    if not a.flags:
        st.caption(t("an.flags_none"))
    for f in a.flags:
        finding(f, names, reform=reform)
    for f in a.notes:
        finding(f, names, reform=reform)


def render() -> None:
    lg = lang()
    if st.session_state.pop(GOTO, False):
        st.switch_page(page_path("interview"))
    st.title(t("an.heading"))
    m, errs = state.ready()
    if m is None:
        invalid(errs)
        return
    open_ = rv.unanswered(state.answers())
    if open_:  # an unanswered fact is never silently taken as answered
        with st.expander(t("an.unanswered", n=len(open_)), icon=":material/help:"):
            st.markdown("\n".join(unanswered_lines(open_, state.answers(), lg)))
    mode, total = controls(m)
    reform = mode == "reform"
    a = state.analysis_of(m, mode, total)
    if reform:
        st.warning(t("an.reform_banner"), icon=":material/science:")
    names = {p.id: p.name for p in m.participants}
    summary(m, a, mode, total)
    tabs = st.tabs([t("an.tab.infringement"), t("an.tab.defences"), t("an.tab.burden"), t("an.tab.liability"),
                    t("an.tab.remedies"), t("an.tab.flags")])
    with tabs[0]:
        infringement_tab(m, a, names, reform)
    with tabs[1]:
        defences_tab(a, names, reform)
    with tabs[2]:
        burden_tab(a, names, reform)
    with tabs[3]:
        liability_tab(m, a, names, mode, reform)
    with tabs[4]:
        remedies_tab(a, names, reform)
    with tabs[5]:
        flags_tab(a, names, reform)
    st.divider()
    c1, c2 = st.columns(2)
    with c1:
        st.download_button(t("an.download_json"), data=json.dumps(a.to_json(), ensure_ascii=False, indent=2),
                           file_name=f"facetort-analysis-{lg}.json", mime="application/json", on_click="ignore",
                           key="an_json", icon=":material/data_object:")
    with c2:
        link("export", "go.export")
