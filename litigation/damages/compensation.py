"""Compensation ranges: law-determined heads computed from the matter, discretionary amounts from
comparable decisions, with honest uncertainty; the estimate follows the liability result.

- Heads the law fixes from the facts (SPC 8; CC 1182; PIPL 69): documented expenses, reasonable
  attorney fees, proven loss or the infringer's proven gains — computed and traced.
- Amounts the court fixes "on the actual circumstances" (PIPL 69(2), CC 1182) and mental-harm
  damages (CC 1183; SPC mental-damages interpretation Art 5) — from comparable final decisions as a
  hurdle (`estimator`): how often nothing or a nominal sum was awarded where money was claimed,
  then, where money was awarded, the same-setting median with Jackknife+ intervals over disputes.
- Compensation follows liability (`engine.liability_terms`): no amount when no defendant is liable
  for damages, no head whose causation is unproven, the total split by the internal shares.
- Never above what was claimed; n is always reported; too few decisions → no range, said plainly.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, Field

from litigation.damages.awards import NOMINAL_RMB
from litigation.damages.comparables import Comparable, matter_factors
from litigation.damages.engine import LiabilityTerms, liability_terms
from litigation.damages.estimator import MIN_N, AwardModels, HeadModel, cached_models, fit_models
from litigation.damages.income import IncomeFigure, local_income
from litigation.facts.matter import Matter
from litigation.i18n import T, Text, money
from litigation.law.citations import Citation, cc, cite, pipl, spc


# ------------------------------------------------------------------ results
class Range(BaseModel):
    median: float | None = None
    low50: float | None = None
    high50: float | None = None
    low80: float | None = None
    high80: float | None = None


class HeadEstimate(BaseModel):
    head: str
    label: Text
    basis: str  # "law" | "comparables" | "none"
    citations: list[Citation]
    range: Range = Field(default_factory=Range)
    n: int = 0  # disputes with a substantive award behind the range
    n_hurdle: int = 0  # comparable final decisions where money was claimed under the head, outcome known
    n_nothing: int = 0  # of those, nothing or a nominal sum (< NOMINAL_RMB) awarded
    point_basis: str | None = None  # "setting" | "matter_class" | "all": whose median the point is
    comparable_range: Range | None = None  # what the comparable decisions give, before any cap or floor
    claimed: float | None = None
    capped: bool = False
    message: Text
    comparables: list[str] = Field(default_factory=list)


class ShareEstimate(BaseModel):
    """One liable defendant's part of the total range: its internal share of the total after any
    reduction for the claimant's fault (what it bears in the end; a joint debtor can be asked for more
    externally and recover the excess, as the liability analysis says)."""

    id: str
    name: str
    external: str
    share: float
    range: Range


class CompensationEstimate(BaseModel):
    heads: list[HeadEstimate]
    total: HeadEstimate
    comparables: list[Comparable]
    shares: list[ShareEstimate] = Field(default_factory=list)
    liability_note: Text | None = None
    living_standard: IncomeFigure | None = None
    living_standard_note: Text | None = None
    backtest: dict | None = None


def _cap(r: Range, cap: float | None) -> tuple[Range, bool]:
    if cap is None:
        return r, False
    vals = r.model_dump()
    capped = any(v is not None and v > cap for v in vals.values())
    return Range(**{k: (None if v is None else min(v, cap)) for k, v in vals.items()}), capped


def _point(x: float) -> Range:
    return Range(median=x, low50=x, high50=x, low80=x, high80=x)


def law_heads(m: Matter) -> list[HeadEstimate]:
    """Heads fixed by the facts and the law, each traced to its article."""
    h, cl = m.harm, m.requests.claimed
    out: list[HeadEstimate] = []
    receipts = sum(e.amount for e in h.expenses if e.receipt and e.kind not in ("attorney_fees", "court_fees"))
    unreceipted = sum(e.amount for e in h.expenses if not e.receipt and e.kind not in ("attorney_fees", "court_fees"))
    r, capped = _cap(_point(receipts), cl.reasonable_expenses)
    if receipts or unreceipted or cl.reasonable_expenses:
        out.append(HeadEstimate(
            head="reasonable_expenses", label=T("合理维权开支", "Reasonable expenses"), basis="law",
            citations=[spc(8, paragraph=2), cc(1182)], range=r, claimed=cl.reasonable_expenses, capped=capped,
            message=T(f"有票据的调查、公证、交通等开支 {receipts:,.0f} 元计入财产损失；无票据 {unreceipted:,.0f} 元需另行证明，法院可能酌减",
                      f"Documented investigation, notarisation, transport and similar costs (RMB {receipts:,.0f}) "
                      f"count as loss; RMB {unreceipted:,.0f} without receipts needs other proof and may be cut")))
    fees = sum(e.amount for e in h.expenses if e.kind == "attorney_fees")
    fee_receipt = all(e.receipt for e in h.expenses if e.kind == "attorney_fees")
    r, capped = _cap(Range(median=fees, low50=fees, high50=fees, low80=0.0, high80=fees), cl.attorney_fees)
    if fees > 0:
        out.append(HeadEstimate(
            head="attorney_fees", label=T("律师费", "Attorney fees"), basis="law", citations=[spc(8, paragraph=2)],
            range=r, claimed=cl.attorney_fees, capped=capped,
            message=T(f"律师费 {fees:,.0f} 元{'有票据' if fee_receipt else '缺票据'}；法院“可以”根据请求和案情计入，须合理（80% 区间下限为 0 以示裁量）",
                      f"Attorney fees RMB {fees:,.0f} ({'receipted' if fee_receipt else 'no receipt'}); the court "
                      "'may' include reasonable fees on request (the 80% range starts at 0 to show that "
                      "discretion)")))
    if h.economic_loss_proof == "documented" and h.economic_loss > 0:
        r, capped = _cap(_point(h.economic_loss), cl.economic_loss)
        out.append(HeadEstimate(
            head="economic_loss", label=T("财产损失", "Economic loss"), basis="law",
            citations=[cc(1182), pipl(69, 2)], range=r, claimed=cl.economic_loss, capped=capped,
            message=T(f"已证明的损失 {h.economic_loss:,.0f} 元", f"Proven loss RMB {h.economic_loss:,.0f}")))
    elif h.infringer_gains:
        r, capped = _cap(_point(h.infringer_gains), cl.economic_loss)
        out.append(HeadEstimate(
            head="economic_loss", label=T("财产损失（按侵权人获益）", "Economic loss (infringer's gains)"), basis="law",
            citations=[cc(1182), pipl(69, 2)], range=r, claimed=cl.economic_loss, capped=capped,
            message=T(f"损失难以确定，按侵权人获益 {h.infringer_gains:,.0f} 元", f"Loss hard to fix; the infringer's "
                                                                    f"gains RMB {h.infringer_gains:,.0f} apply")))
    return out


def _round(v: float) -> float | None:
    """Ranges, not false precision: tens of yuan above 100, whole yuan below; nan -> None."""
    if v is None or math.isnan(v):
        return None
    return float(round(v, -1)) if v >= 100 else float(round(v))


_BASIS = {"setting": ("同一场景", "the same setting"), "matter_class": ("同类案件", "the same class of matter"),
          "all": ("全部", "all")}


def _cat(a: Text, b: Text) -> Text:
    """Concatenate without the space that `Text + Text` puts between English sentences."""
    return Text(zh=a.zh + b.zh, en=a.en + b.en)


def hurdle_first(n_hurdle: int, n_nothing: int) -> Text:
    """The hurdle's first part: how often nothing or a nominal sum was awarded."""
    return T(f"在 {n_hurdle} 件有金钱请求的可比终审判决中，{n_nothing} 件未判赔或仅判象征性金额（不足 {NOMINAL_RMB:.0f} 元）",
             f"In {n_nothing} of {n_hurdle} comparable final decisions where money was claimed, nothing or a "
             f"nominal sum (under RMB {NOMINAL_RMB:.0f}) was awarded")


def _hurdle_text(hm: HeadModel) -> Text:
    return hurdle_first(hm.sample.n_hurdle, hm.sample.n_nothing)


def _from_comparables(hm: HeadModel, label: Text, citations: list[Citation], x, claimed: float | None
                      ) -> HeadEstimate:
    s = hm.sample
    base = dict(head=hm.head, label=label, basis="comparables", citations=citations, n=hm.n_disputes,
                n_hurdle=s.n_hurdle, n_nothing=s.n_nothing, claimed=claimed)
    if hm.reg is None:
        return HeadEstimate(**base, comparables=hm.case_ids, message=_cat(_hurdle_text(hm), T(
            f"；判有实质赔偿的仅 {hm.n_disputes} 件（少于 {MIN_N} 件），不给出区间，请直接参看这些判决",
            f"; only {hm.n_disputes} awarded a substantive sum (fewer than {MIN_N}), too few for a range — "
            "read the decisions themselves")))
    point, iv = hm.interval(x)
    r = Range(median=_round(point), low50=_round(iv[0.5][0]), high50=_round(iv[0.5][1]),
              low80=_round(iv[0.8][0]), high80=_round(iv[0.8][1]))
    raw = r
    r, capped = _cap(r, claimed)
    who, ids = hm.basis(x)
    zh_b, en_b = _BASIS[who]
    return HeadEstimate(
        **base, range=r, capped=capped, point_basis=who, comparables=ids, comparable_range=raw,
        message=_cat(_hurdle_text(hm), T(
            f"；判有实质赔偿时，80% 的判赔预计落在 {money(raw.low80)}–{money(raw.high80)}（依据 {hm.n_disputes} 个争议的终审判决；"
            f"该覆盖率以判有实质赔偿为条件）。中位数取{zh_b}的 {len(ids)} 件判赔；区间为按争议留一的 Jackknife+ 共形区间，样本小，仅供参考",
            f"; where money was awarded, 80% of awards are expected to fall in {money(raw.low80)}–{money(raw.high80)} "
            f"(final decisions of {hm.n_disputes} disputes; this coverage is conditional on a substantive award). "
            f"The median is that of {len(ids)} awards in {en_b}; Jackknife+ conformal intervals over disputes "
            "on a small sample — indicative only")))


def _blocked(h: HeadEstimate, why: Text) -> HeadEstimate:
    return h.model_copy(update={"range": Range(), "comparable_range": None, "capped": False, "message": _cat(why, _cat(T("。", ". "), h.message))})


_NO_PAYER = T("依责任分析，没有被告须承担赔偿责任（可能仍可请求停止侵害、删除、赔礼道歉），不给出金额",
              "On the liability analysis no defendant is liable for damages (stopping, deletion or an apology may "
              "still be available), so no amount is given")
_NO_CAUSATION = T("因果关系未证明（原告负举证责任），该项不给出金额", "Causation is unproven (the claimant's burden), so this head "
                  "gets no amount")


def _shares(total: Range, terms: LiabilityTerms) -> list[ShareEstimate]:
    if total.median is None:
        return []
    out = []
    keep = 1.0 - terms.reduction
    for p in terms.payers:
        r = Range(**{k: (None if v is None else _round(v * keep * p.share)) for k, v in total.model_dump().items()})
        out.append(ShareEstimate(id=p.id, name=p.name, external=p.external, share=p.share, range=r))
    return out


def estimate(m: Matter, cases=None, *, models: AwardModels | None = None, analysis=None,
             top: int = 10) -> CompensationEstimate:
    """Per-head and total ranges for a matter, following its liability analysis, with the most similar
    decisions of the estimation pool. `models` (or `cases`, fitted here) default to the cached fit of
    the case file; `analysis` defaults to `analyze(m)`."""
    if models is None:
        models = fit_models(cases) if cases is not None else cached_models()
    if analysis is None:
        from litigation.law.analysis import analyze

        analysis = analyze(m)
    terms = liability_terms(analysis)
    factors = matter_factors(m)
    x = models.codes(m.setting)
    cl = m.requests.claimed
    heads = law_heads(m)
    have = {h.head for h in heads}
    wanted = []
    if m.harm.mental_distress != "none":
        wanted.append(("mental_distress", T("精神损害抚慰金", "Mental-distress damages"),
                       [cc(1183, 1), cite("SPC-MENTAL-2020", 5)], cl.mental_distress))
    if "economic_loss" not in have and (cl.economic_loss or m.harm.economic_loss > 0):
        wanted.append(("economic_loss", T("财产损失（法院酌定）", "Economic loss (fixed by the court)"),
                       [pipl(69, 2), cc(1182)], cl.economic_loss))
    for head, label, cites, claimed in wanted:
        h = _from_comparables(models.heads[head], label, cites, x, claimed)
        if head == "mental_distress" and m.harm.mental_distress != "serious":
            h.message = _cat(h.message, T("。注意：仅“严重”精神损害可获赔偿（民法典第1183条）",
                                      ". Note: only serious mental harm is compensated (CC 1183)"))
        heads.append(h)
    parts = [cl.economic_loss, cl.reasonable_expenses, cl.attorney_fees, cl.mental_distress]
    claimed_total = sum(p or 0 for p in parts) if any(p is not None for p in parts) else None
    total = _from_comparables(models.heads["total"], T("判赔总额（可比判决）", "Total award (comparable decisions)"),
                              [pipl(69, 2), cc(1182)], x, claimed_total)
    floor = sum(h.range.median or 0 for h in heads if h.basis == "law" and h.head != "attorney_fees")
    note = None
    if not terms.money:
        heads = [_blocked(h, _NO_PAYER) for h in heads]
        total = _blocked(total, _NO_PAYER)
        note = _NO_PAYER
    elif terms.causation_unproven:
        heads = [_blocked(h, _NO_CAUSATION) if h.head in ("mental_distress", "economic_loss") else h for h in heads]
        total = _blocked(total, T("因果关系未证明：可比判决的总额不适用，只剩有证据的维权开支与律师费",
                                  "Causation is unproven: comparable totals do not apply; only the documented "
                                  "expenses and fees remain"))
        note = _NO_CAUSATION
    elif floor and total.range.median is not None:
        total.range = Range(**{k: (None if v is None else max(v, floor)) for k, v in total.range.model_dump().items()})
        total.message = _cat(total.message, T(f"；下限不低于有证据的法定项目 {floor:,.0f} 元",
                                              f"; no bound below the documented heads (RMB {floor:,.0f})"))
    if terms.money and terms.causation == "contested":
        note = T("因果关系证据有争议：金额以其得到证明为前提", "Causation is contested: the amounts assume it is proven")
    comps = models.index.search(factors, k=top) if models.index is not None else []
    inc = local_income(m.claimant.forum_province or None, m.as_of.year if m.as_of else None)
    return CompensationEstimate(heads=heads, total=total, comparables=comps, shares=_shares(total.range, terms),
                                liability_note=note, living_standard=inc,
                                living_standard_note=inc.describe(total.range.median) if inc else None)
