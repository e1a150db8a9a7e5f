"""Plotly figures (no streamlit import): liability structure and award distributions."""

from __future__ import annotations

import plotly.graph_objects as go

from litigation.analysis import Analysis
from litigation.i18n import Lang
from litigation.labels import label
from ui.text import tr

FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"


def liability_figure(a: Analysis, lang: Lang, as_share: bool = False) -> go.Figure:
    """Grouped horizontal bars per defendant: the most it can be made to pay externally and its
    final internal share. `a` must carry a total; with `as_share` it was run on a notional total
    and the bars show fractions of what is recoverable. Values are printed on the bars, so the
    chart does not rely on colour alone."""
    lb = a.liability
    ds = list(reversed(lb.defendants))
    names = [f"{d.name} ({label('external', d.external, lang)})" for d in ds]
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
                      height=160 + 70 * max(1, len(ds)), margin={"l": 10, "r": 10, "t": 60, "b": 40},
                      legend={"orientation": "h", "y": -0.25}, font={"family": FONT})
    if as_share:
        fig.update_xaxes(tickformat=".0%", range=[0, 1.05])
    return fig
