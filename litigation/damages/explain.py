"""What the compensation page and the memos say about an estimate, made in one place so that they
cannot disagree: per head, both parts of the hurdle, the range with its label (or why there is none),
whether the head is proven and counted, and the backtest's coverage label. Every Text here is a
sentence without its final stop, capitalised as it opens one; the page and the documents add the stop.

- Hurdle: "in x of n comparable final decisions where money was claimed, nothing or a nominal sum was
  awarded; where money was awarded, 80% of awards are expected to fall in …" (the comparables' range,
  before any cap) — the second part only where at least `MIN_N` disputes awarded a substantive sum;
  otherwise a label says there are too few.
- Compensation follows liability: with no defendant liable for damages in the analysis given, no
  head carries an amount, whatever the estimate holds.
- A head rests on burden rows (`HEAD_NEEDS`); where the claimant has not proved one (missing or
  contested) the head is shown as unproven and not counted.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from litigation.damages.compensation import _BASIS, CompensationEstimate, HeadEstimate, hurdle_first
from litigation.damages.engine import liability_terms
from litigation.damages.estimator import MIN_N
from litigation.facts.labels import label
from litigation.i18n import T, Text, join, money

# the burden elements a head of damages rests on (besides liability)
HEAD_NEEDS = {"economic_loss": ("causation", "amounts"), "mental_distress": ("causation", "serious_mental_harm")}


class HeadLine(BaseModel):
    head: str
    label: Text
    basis: str  # "law" | "comparables" | "none"
    hurdle: Text | None = None  # both parts of the hurdle (comparables heads)
    range: Text  # the range with its label, or why there is none
    status: str  # "counted" | "unproven" | "not_liable"
    proof: Text | None = None  # the unproven elements, when status is "unproven"
    note: Text | None = None  # how it was computed: the law head's message, or whose median and which intervals


class Explanation(BaseModel):
    liable: bool
    lines: list[HeadLine] = Field(default_factory=list)
    counted: Text | None = None  # which heads count and which do not
    coverage: Text | None = None  # the backtest's coverage label (the total)
    note: Text | None = None  # liability or causation note
    contract: list[Text] = Field(default_factory=list)  # damages for breach of contract, per defendant (CC 584)


def contract_lines(analysis) -> list[Text]:
    """Damages for breach of contract the analysis allows (the contract claim made out, a loss shown): fixed by
    the loss the contract caused, not by comparable tort awards, and owed whatever the tort liability."""
    if analysis is None:
        return []
    names = {d.id: d.name for d in analysis.liability.defendants}
    out = []
    for r in analysis.remedies:
        if r.code != "contract_damages" or not r.available:
            continue
        cites_zh = "、".join(c.formal("zh") for c in r.finding.citations)
        cites_en = "; ".join(c.label("en") for c in r.finding.citations)
        for pid, loss in (r.finding.facts.get("loss") or {}).items():
            out.append(T(f"违约损害赔偿：{names.get(pid, pid)}应赔偿违约造成的损失 {loss:,.0f} 元（依据{cites_zh}；"
                         "按合同损失计算，不依可比侵权判决）",
                         f"Damages for breach of contract: {names.get(pid, pid)} owes the loss the breach caused, "
                         f"{money(loss)} ({cites_en}; fixed by the contract loss, not by comparable tort awards)"))
    return out


def unproven(analysis, head: str) -> list[Text]:
    """The elements `head` rests on that the claimant has not proved, each with its status."""
    out = []
    for b in analysis.burden if analysis is not None else []:
        if b.element in HEAD_NEEDS.get(head, ()) and b.bearer == "claimant" and b.status in ("missing", "contested"):
            en = b.label.en[:1].lower() + b.label.en[1:] if b.label.en[1:2].islower() else b.label.en
            out.append(T(f"{b.label.zh}（{label('status', b.status, 'zh')}）",
                         f"{en} ({label('status', b.status, 'en').lower()})"))
    return out


def proof_text(gaps: list[Text]) -> Text | None:
    """The label of an unproven head: what is unproven, and that it is not to be counted."""
    if not gaps:
        return None
    what = join(gaps, "、", ", ")
    return T(f"未证明：{what.zh}——不应计入", f"Unproven: {what.en} — not to be counted")


def band(lo: float | None, hi: float | None) -> str:
    return "—" if lo is None or hi is None else f"{money(lo)}–{money(hi)}"


def hurdle(h: HeadEstimate) -> Text | None:
    """Both parts of the hurdle for a head estimated from comparable decisions."""
    if h.basis != "comparables":
        return None
    if h.n_hurdle == 0:
        first = T("没有在该项下有金钱请求且结果已知的可比判决", "No comparable decision with money claimed under this "
                  "head and a known outcome")
    else:
        first = hurdle_first(h.n_hurdle, h.n_nothing)
    r = h.comparable_range
    if h.n < MIN_N:
        second = T(f"判有实质赔偿的仅 {h.n} 个争议，不足以给出区间", f"where money was awarded: only {h.n} disputes, too few "
                   "for a range")
    elif r is None or r.low80 is None:
        second = T("判有实质赔偿时的区间不适用（见说明）", "where money was awarded: no range applies (see the note)")
    else:
        second = T(f"判有实质赔偿时，80% 的判赔预计落在 {band(r.low80, r.high80)}（{h.n} 个争议）",
                   f"where money was awarded, 80% of awards are expected to fall in {band(r.low80, r.high80)} "
                   f"({h.n} disputes)")
    return Text(zh=f"{first.zh}；{second.zh}", en=f"{first.en}; {second.en}")


def range_text(h: HeadEstimate) -> Text:
    """The head's range with its label, or a label saying why there is none."""
    r = h.range
    capped = T("（已按请求额封顶）", " (capped at the amount claimed)") if h.capped else T("", "")
    if r.median is None:
        if h.basis == "comparables" and h.n < MIN_N:
            return T(f"不给出区间：可比判决太少（判有实质赔偿的争议 {h.n} 个，至少需要 {MIN_N} 个）",
                     f"No range: too few comparable decisions ({h.n} disputes with a substantive award; at least "
                     f"{MIN_N} needed)")
        return T("不给出金额（见说明）", "No amount (see the note)")
    if h.basis == "law":
        if r.low80 == r.high80:
            return Text(zh=f"依法按事实计算：{money(r.median)}{capped.zh}", en=f"Fixed by law from the facts: "
                        f"{money(r.median)}{capped.en}")
        return Text(zh=f"依法按事实计算：{money(r.median)}，80% 区间 {band(r.low80, r.high80)}{capped.zh}",
                    en=f"Fixed by law from the facts: {money(r.median)}, 80% range {band(r.low80, r.high80)}{capped.en}")
    raw = h.comparable_range
    floor = raw is not None and any(v is not None and w is not None and v > w for v, w in
                                    zip(r.model_dump().values(), raw.model_dump().values(), strict=True))
    if floor:
        capped = Text(zh=capped.zh + "（下限不低于有证据的法定项目）", en=capped.en + " (no bound below the documented heads)")
    return Text(zh=f"中位数 {money(r.median)}；50% 区间 {band(r.low50, r.high50)}；80% 区间 {band(r.low80, r.high80)}"
                   f"（{h.n} 个争议，以判有实质赔偿为条件）{capped.zh}",
                en=f"Median {money(r.median)}; 50% range {band(r.low50, r.high50)}; 80% range "
                   f"{band(r.low80, r.high80)} ({h.n} disputes, conditional on a substantive award){capped.en}")


def method(h: HeadEstimate) -> Text | None:
    """Whose median the point of a comparables head is, and how its intervals are made."""
    if h.basis != "comparables" or h.point_basis is None or h.range.median is None:
        return None
    zh_b, en_b = _BASIS[h.point_basis]
    return T(f"中位数取{zh_b}的 {len(h.comparables)} 件判赔；区间为按争议留一的 Jackknife+ 共形区间",
             f"The median is that of {len(h.comparables)} awards in {en_b}; Jackknife+ conformal intervals over "
             "disputes")


def coverage(bt: dict | None) -> Text | None:
    """The backtest's coverage label: conditional on a substantive award, n disputes, Clopper–Pearson
    (the 95% intervals of both coverages where the backtest has them, and the median 80% width)."""
    if not bt or not bt.get("n"):
        return None

    def ci(key: str, zh: bool) -> str:
        v = bt.get(key)
        if not v:
            return ""
        return f"（95% 区间 {v[0]:.0%}–{v[1]:.0%}）" if zh else f" (95% interval {v[0]:.0%}–{v[1]:.0%})"

    w = bt.get("median_width80_ratio")
    w_zh = f"；80% 区间宽度中位数 {w:,.0f} 倍（上限/下限）" if w else ""
    w_en = f"; median 80% width {w:,.0f}x (upper/lower)" if w else ""
    return T(f"回测（留一争议）：总额 50% 区间覆盖了 {bt['coverage_50']:.0%} 的留出判赔{ci('coverage_50_ci', True)}，"
             f"80% 区间覆盖了 {bt['coverage_80']:.0%}{ci('coverage_80_ci', True)}{w_zh}。以判有实质赔偿为条件，"
             f"n = {bt['n']} 个争议，Clopper–Pearson 区间；样本小，仅供参考",
             f"Backtest (leave one dispute out): the total's 50% range covered {bt['coverage_50']:.0%} of held-out "
             f"awards{ci('coverage_50_ci', False)}, the 80% range {bt['coverage_80']:.0%}"
             f"{ci('coverage_80_ci', False)}{w_en}. Conditional on a substantive award, n = {bt['n']} disputes, "
             "Clopper–Pearson interval; a small sample, indicative only")


_NOT_LIABLE = T("依责任分析，没有被告须承担赔偿责任，不给出金额", "On the liability analysis no defendant is liable for "
                "damages, so no amount is given")


_NOT_LIABLE_TORT = T("依责任分析，没有被告须承担侵权损害赔偿责任，不给出侵权赔偿金额；违约损害赔偿另计（见下）",
                     "On the liability analysis no defendant is liable in tort for damages, so no tort amount is given; "
                     "damages for breach of contract are separate (below)")


def explain(est: CompensationEstimate, analysis, backtest: dict | None = None) -> Explanation:
    """The lines the page and the memos print for `est`, following the liability in `analysis`."""
    liable = liability_terms(analysis).money if analysis is not None else True
    heads = [*est.heads, est.total]
    contract = contract_lines(analysis)
    if not liable:
        why = _NOT_LIABLE_TORT if contract else _NOT_LIABLE
        lines = [HeadLine(head=h.head, label=h.label, basis=h.basis, range=why, status="not_liable")
                 for h in heads]
        return Explanation(liable=False, lines=lines, note=why, contract=contract)
    lines = []
    for h in heads:
        gaps = unproven(analysis, h.head)
        blocked = h.range.median is None and h.basis == "comparables" and h.n >= MIN_N
        if blocked and not gaps:  # the estimate withheld it: causation unproven, or (another analysis) no payer
            why = est.liability_note or T("", "")
            gaps = [T("因果关系（未证明）", "causation (unproven)") if "ausation" in why.en else
                    T("无须赔偿的责任人", "nobody liable for damages")]
        lines.append(HeadLine(head=h.head, label=h.label, basis=h.basis, hurdle=hurdle(h), range=range_text(h),
                              status="unproven" if gaps else "counted", proof=proof_text(gaps),
                              note=h.message if h.basis == "law" else method(h)))
    parts = [x for x in lines if x.head != "total"]
    yes = [x.label for x in parts if x.status == "counted"]
    no = [x.label for x in parts if x.status == "unproven"]
    counted = T(f"计入的项目：{'、'.join(t.zh for t in yes) or '无'}；不计入（未证明）：{'、'.join(t.zh for t in no) or '无'}",
                f"Heads counted: {', '.join(t.en for t in yes) or 'none'}; not counted (unproven): "
                f"{', '.join(t.en for t in no) or 'none'}")
    return Explanation(liable=True, lines=lines, counted=counted, coverage=coverage(backtest), note=est.liability_note,
                       contract=contract)
