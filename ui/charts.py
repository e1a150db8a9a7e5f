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


# One colour and one marker per outcome code, the same in both languages (the legend shows the code's
# label in the language of the page). Okabe-Ito colours (distinguishable with the common colour-vision
# deficiencies) and a marker shape per code, so the chart does not rely on colour alone.
OUTCOME_STYLE: dict[str, tuple[str, str]] = {
    "upheld": ("#009E73", "circle"),
    "partly_upheld": ("#56B4E9", "diamond"),
    "upheld_extent_unknown": ("#0072B2", "square"),
    "dismissed": ("#D55E00", "x"),
    "mediated": ("#CC79A7", "triangle-up"),
    "withdrawn": ("#999999", "triangle-down"),
    "pending": ("#F0E442", "hexagon"),
    "remediated": ("#E69F00", "star"),
    "sanctioned": ("#882255", "cross"),
    "unknown": ("#555555", "circle-open"),
}
_OTHER = ("#AAAAAA", "circle-open")


def outcome_label(code: str, lang: Lang) -> str:
    """The display label of an outcome code (the case codebook's), in `lang`."""
    from litigation.cases.schema import CLAIM_OUTCOME

    pair = CLAIM_OUTCOME.get(code)
    return plot_text(pair[0] if lang == "zh" else pair[1]) if pair else plot_text(code)


def _outcomes(codes: set[str]) -> list[str]:
    """Outcome codes in the codebook's order (the same order in both languages), unlisted ones last."""
    return [c for c in OUTCOME_STYLE if c in codes] + sorted(codes - set(OUTCOME_STYLE))


def wrap(text: str, width: int = 22) -> str:
    """A long axis label broken over lines (at spaces, or every `width` characters for Chinese), so a
    narrow chart keeps its plotting area."""
    if len(text) <= width:
        return text
    if " " not in text:
        return "<br>".join(text[i:i + width] for i in range(0, len(text), width))
    lines, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return "<br>".join([*lines, cur])


_TICKS = {"zh": ["¥1", "¥10", "¥100", "¥1千", "¥1万", "¥10万", "¥100万", "¥1000万"],
          "en": ["¥1", "¥10", "¥100", "¥1k", "¥10k", "¥100k", "¥1M", "¥10M"]}
_LEGEND = {"orientation": "h", "y": -0.18, "yanchor": "top", "x": 0, "xanchor": "left", "title": {"text": ""}}


def award_strip(rows: list[dict], lang: Lang) -> go.Figure:
    """Awards on a log axis, one row per setting. `rows` have case_id, award, group (the setting's label),
    outcome (a code) and optionally where (the province's label, shown on hover)."""
    fig = go.Figure()
    groups = sorted({wrap(plot_text(r["group"])) for r in rows})
    for o in _outcomes({r["outcome"] for r in rows}):
        pts = [r for r in rows if r["outcome"] == o]
        colour, symbol = OUTCOME_STYLE.get(o, _OTHER)
        fig.add_trace(go.Scatter(
            x=[r["award"] for r in pts], y=[wrap(plot_text(r["group"])) for r in pts], mode="markers",
            name=outcome_label(o, lang), legendgroup=o,
            text=[plot_text(" · ".join(x for x in (r["case_id"], r.get("where") or "") if x)) for r in pts],
            hovertemplate="%{text}: ¥%{x:,.0f}<extra>%{fullData.name}</extra>",
            marker={"size": 11, "symbol": symbol, "color": colour, "opacity": 0.85,
                    "line": {"width": 1, "color": "#333333"}}))
    # short tick labels at powers of ten from ¥1 (no "¥0" for the decade below), kept upright when narrow
    fig.update_xaxes(type="log", title=tr("an.l.rmb_axis", lang), tickvals=[10 ** k for k in range(8)],
                     ticktext=_TICKS["zh" if lang == "zh" else "en"], tickangle=0)
    fig.update_yaxes(categoryorder="array", categoryarray=groups, automargin=True)
    lines = sum(g.count("<br>") + 1 for g in groups)  # room for every line of every wrapped label
    fig.update_layout(title=tr("ca.dist", lang), height=220 + 22 * lines + 14 * len(groups),
                      margin={"l": 10, "r": 10, "t": 60, "b": 40}, legend=_LEGEND, font={"family": FONT})
    return fig


def year_bars(counts: dict[int, dict[str, int]], lang: Lang) -> go.Figure:
    """Cases per year, stacked by outcome code (colours fixed per code; labels in the legend and hover)."""
    years = sorted(counts)
    fig = go.Figure()
    for o in _outcomes({o for v in counts.values() for o in v}):
        colour, _ = OUTCOME_STYLE.get(o, _OTHER)
        fig.add_bar(x=years, y=[counts[y].get(o, 0) for y in years], name=outcome_label(o, lang), legendgroup=o,
                    marker_color=colour, hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="stack", title=tr("ca.by_year", lang), height=380,
                      margin={"l": 10, "r": 10, "t": 60, "b": 40}, legend=_LEGEND, font={"family": FONT})
    fig.update_xaxes(type="category")
    fig.update_yaxes(title=tr("ca.n_cases", lang), dtick=1 if max((sum(v.values()) for v in counts.values()),
                                                                   default=0) <= 10 else None)
    return fig
