"""Plotly figures (no streamlit import): liability structure and award distributions."""

from __future__ import annotations

import plotly.graph_objects as go

from litigation.facts.labels import label
from litigation.i18n import Lang
from litigation.law.analysis import Analysis
from ui.text import plot_text, tr

FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"


def liability_figure(a: Analysis, lang: Lang, as_share: bool = False) -> go.Figure:
    """Grouped horizontal bars per defendant: the most it can be made to pay externally and its
    final internal share. `a` must carry a total; with `as_share` it was run on a notional total
    and the bars show fractions of what is recoverable. Values are printed on the bars, so the
    chart does not rely on colour alone."""
    lb = a.liability
    ds = list(reversed(lb.defendants))
    names = [plot_text(f"{d.name} ({label('external', d.external, lang)})") for d in ds]
    unit = (lb.recoverable or 1.0) if as_share else 1.0
    exp = [(d.exposure_amount or 0.0) / unit for d in ds]
    share = [(d.internal_amount or 0.0) / unit for d in ds]
    if as_share:
        fmt = [f"{v:.0%}" for v in exp], [f"{v:.0%}" for v in share]
        axis = tr("an.l.pct_axis", lang)
    else:
        fmt = [f"¥{v:,.0f}" for v in exp], [f"¥{v:,.0f}" for v in share]
        axis = tr("an.l.rmb_axis", lang)
    fig = go.Figure()
    fig.add_bar(y=names, x=exp, orientation="h", name=tr("an.l.exposure_bar", lang), text=fmt[0],
                textposition="auto", marker_color="#c0504d", marker_pattern_shape="/")
    fig.add_bar(y=names, x=share, orientation="h", name=tr("an.l.share_bar", lang), text=fmt[1],
                textposition="auto", marker_color="#4f81bd")
    fig.update_layout(barmode="group", title=tr("an.l.chart_title", lang), xaxis_title=axis,
                      height=160 + 70 * max(1, len(ds)), margin={"l": 10, "r": 10, "t": 90, "b": 40},
                      legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"}, font={"family": FONT})
    if as_share:
        fig.update_xaxes(tickformat=".0%", range=[0, 1.05])
    return fig


def range_figure(heads: list, awards: dict[str, list[tuple[str, float]]], lang: Lang) -> go.Figure:
    """Per head: the 80% range (thin), the 50% range (thick) and the median (diamond) on a log axis,
    with the comparable decisions' awards as points just below. `heads` are HeadEstimates."""
    fig = go.Figure()
    ys = []
    heads = [h for h in heads if (h.range.median or 0) > 0 or (h.range.high80 or 0) > 0]  # nothing to draw at 0
    for i, h in enumerate(heads):
        y = len(heads) - i
        name = h.label(lang)
        ys.append((y, name))
        r = h.range
        if r.low80 is not None and r.high80 is not None:
            fig.add_trace(go.Scatter(x=[max(r.low80, 1), max(r.high80, 1)], y=[y, y], mode="lines",
                                     line={"width": 6, "color": "#9dc3e6"}, name=tr("co.r80", lang),
                                     legendgroup="r80", showlegend=i == 0, hovertemplate="%{x:,.0f}"))
        if r.low50 is not None and r.high50 is not None:
            fig.add_trace(go.Scatter(x=[max(r.low50, 1), max(r.high50, 1)], y=[y, y], mode="lines",
                                     line={"width": 14, "color": "#2e75b6"}, name=tr("co.r50", lang),
                                     legendgroup="r50", showlegend=i == 0, hovertemplate="%{x:,.0f}"))
        if r.median is not None:
            fig.add_trace(go.Scatter(x=[max(r.median, 1)], y=[y], mode="markers+text", text=[f"¥{r.median:,.0f}"],
                                     textposition="top center", marker={"symbol": "diamond", "size": 13,
                                                                        "color": "#c00000"},
                                     name=tr("co.median", lang), legendgroup="med", showlegend=i == 0))
        pts = [(cid, v) for cid, v in awards.get(h.head, []) if v and v > 0]
        if pts:
            fig.add_trace(go.Scatter(x=[v for _, v in pts], y=[y - 0.28] * len(pts), mode="markers",
                                     marker={"symbol": "circle-open", "size": 9, "color": "#404040"},
                                     text=[cid for cid, _ in pts], hovertemplate="%{text}: ¥%{x:,.0f}",
                                     name=tr("co.points", lang), legendgroup="pts",
                                     showlegend=not any(t.legendgroup == "pts" for t in fig.data)))
    fig.update_xaxes(type="log", title=tr("an.l.rmb_axis", lang), tickprefix="¥", tickformat=",.0f", dtick=1)
    fig.update_yaxes(tickvals=[y for y, _ in ys], ticktext=[n for _, n in ys], range=[0.3, len(heads) + 0.7])
    fig.update_layout(title=tr("co.chart_title", lang), height=170 + 90 * max(1, len(heads)),
                      margin={"l": 10, "r": 10, "t": 90, "b": 40}, legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
                      font={"family": FONT})
    return fig


def award_strip(rows: list[dict], lang: Lang) -> go.Figure:
    """Awards on a log axis, one row per setting; `rows` have case_id, award, group, outcome."""
    fig = go.Figure()
    groups = sorted({r["group"] for r in rows})
    outcomes = sorted({r["outcome"] for r in rows})
    symbols = ["circle", "diamond", "square", "triangle-up", "x", "star", "cross", "hexagon"]
    for i, o in enumerate(outcomes):
        pts = [r for r in rows if r["outcome"] == o]
        fig.add_trace(go.Scatter(x=[r["award"] for r in pts], y=[r["group"] for r in pts], mode="markers",
                                 name=o, text=[r["case_id"] for r in pts], hovertemplate="%{text}: ¥%{x:,.0f}",
                                 marker={"size": 11, "symbol": symbols[i % len(symbols)], "opacity": 0.8}))
    fig.update_xaxes(type="log", title=tr("an.l.rmb_axis", lang), tickprefix="¥", tickformat=",.0f", dtick=1)
    fig.update_yaxes(categoryorder="array", categoryarray=groups)
    fig.update_layout(title=tr("ca.dist", lang), height=180 + 28 * max(1, len(groups)),
                      margin={"l": 10, "r": 10, "t": 90, "b": 40}, font={"family": FONT})
    return fig


def year_bars(counts: dict[int, dict[str, int]], lang: Lang) -> go.Figure:
    """Cases per year, stacked by outcome (labels printed in the legend and hover)."""
    years = sorted(counts)
    outcomes = sorted({o for v in counts.values() for o in v})
    fig = go.Figure()
    for o in outcomes:
        fig.add_bar(x=years, y=[counts[y].get(o, 0) for y in years], name=o)
    fig.update_layout(barmode="stack", title=tr("ca.by_year", lang), height=320,
                      margin={"l": 10, "r": 10, "t": 90, "b": 40}, font={"family": FONT})
    fig.update_xaxes(type="category")
    return fig
