"""What the interview still lacks, and the review as prose.

- `unanswered()`: the yes/no facts the user has not answered (None in the answers). The analysis counts
  each as the model's default (`answers.effective`), so the review and the analysis name them.
- `decisive_missing()`: the answers that decide the outcome (the dates of the acts, whether storage
  continues, the setting, the claims asked for), each with why it matters, in both languages.
- `review_prose()`: one paragraph of sentences per step (and participant), every answer in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litigation.facts.answers import format_answer, model_default, participant_name, starts_open
from litigation.facts.questions import PROCESSOR_ROLES, Question, Step, get_in, option_label
from litigation.facts.steps import STEPS, step
from litigation.i18n import Lang, T, Text


@dataclass(frozen=True)
class Gap:
    """One missing answer: the step it is asked at, the participant (if any), its name and why it matters."""

    step: str
    participant: int | None
    path: str
    name: Text
    why: Text

    def message(self, answers: dict, lang: Lang) -> str:
        who = "" if self.participant is None else participant_name(answers, self.participant, lang) + " › "
        if lang == "zh":
            return f"{who}{self.name(lang)}：尚未回答。{self.why(lang)}。"
        return f"{who}{self.name(lang)}: not answered yet — {self.why(lang)}."


# --------------------------------------------------------------------------- unanswered yes/no facts
def _asked(answers: dict) -> list[tuple[Step, Question, int | None, str]]:
    """Every visible question with its absolute path, in interview order."""
    out = []
    for s in STEPS:
        if not s.shown(answers):
            continue
        if s.scope == "matter":
            out += [(s, q, None, q.path) for q in s.questions if q.shown(answers)]
            continue
        for i in s.participants(answers):
            base = f"participants.{i}"
            out += [(s, q, i, f"{base}.{q.path}") for q in s.questions if q.shown(answers, base)]
    return out


def unanswered(answers: dict) -> list[tuple[str, int | None, Question, str]]:
    """(step, participant index, question, path) of each visible fact not answered yet (yes/no facts and
    the selects that start open)."""
    return [(s.id, i, q, path) for s, q, i, path in _asked(answers)
            if starts_open(q) and get_in(answers, path) is None]


def assumed(q: Question, lang: Lang) -> str:
    """What an unanswered fact counts as in the analysis (the model's default)."""
    scope = next(s.scope for s in STEPS if q in s.questions)
    v = model_default(q.path, scope)
    return option_label("bool", bool(v), lang) if q.widget == "bool" else option_label(q.group or "", v, lang)


# --------------------------------------------------------------------------- decisive answers
WHY_DATES = T("日期决定适用哪部法律（民法典 2021-01-01、人脸识别规定 2021-08-01、个人信息保护法 2021-11-01 施行）",
              "the dates decide which law governs (Civil Code 2021-01-01, SPC Face Provisions 2021-08-01, "
              "PIPL 2021-11-01)")
WHY_STORAGE = T("是否仍在存储决定侵害是否仍在继续（删除、停止侵害的请求），以及施行在后的法律能否适用",
                "whether storage continues decides whether the infringement is still going on (deletion, "
                "cessation) and whether the later laws reach it")
WHY_SETTING = T("场景类型用于检索可比案例和估算赔偿范围", "the setting is used to find comparable cases and to "
                "estimate the range of damages")
WHY_REQUEST = T("诉讼请求决定分析哪些救济、起诉状写什么；未回答时按默认处理", "the claims asked for decide which "
                "remedies are analysed and what the statement of claim says; an unanswered one takes the default")
WHY_AMOUNT = T("请求赔偿损失却未写金额：起诉状需要具体数额，赔偿估算也要与之比较",
               "damages are asked for but no amount is given: the statement of claim needs a figure, and the "
               "estimate is compared with it")
N_ACTS = T("处理行为及日期", "Processing acts and their dates")
N_START = T("处理行为的开始日期", "Start date of a processing act")
N_STORAGE = T("存储是否仍在持续", "Whether storage continues")
N_AMOUNT = T("请求赔偿的金额", "Amounts claimed")
N_EVIDENCE = T("证明该方处理了人脸信息的证据", "Evidence that this party processed the face information")
WHY_EVIDENCE = T("原告须证明处理行为发生且系该方所为（人脸识别规定第六条第一款、民事诉讼法第六十七条）；未回答时按“无证据”处理，"
                 "对该方的请求不能成立", "the claimant must prove that the processing happened and that this party did it "
                 "(SPC Face Provisions Art 6(1), CPL 67); unanswered counts as 'no evidence', and the claims against "
                 "it fail")


def decisive_missing(answers: dict) -> list[Gap]:
    """The decisive answers still missing, in interview order."""
    gaps: list[Gap] = []
    if answers.get("setting") is None:
        gaps.append(Gap("claimant", None, "setting", step("claimant").questions[1].label, WHY_SETTING))
    for i, p in enumerate(answers.get("participants") or []):
        if isinstance(p, dict) and p.get("role") in PROCESSOR_ROLES and p.get("processing_evidence") is None:
            gaps.append(Gap("participants", i, f"participants.{i}.processing_evidence", N_EVIDENCE, WHY_EVIDENCE))
    acts_step = step("acts")
    for i in acts_step.participants(answers):
        p = get_in(answers, f"participants.{i}") or {}
        if p.get("role") not in PROCESSOR_ROLES:
            continue
        acts = get_in(p, "processing.acts") or []
        base = f"participants.{i}.processing.acts"
        if not acts:
            gaps.append(Gap("acts", i, base, N_ACTS, WHY_DATES))
        for j, a in enumerate(acts):
            if not a.get("start"):
                gaps.append(Gap("acts", i, f"{base}.{j}.start", N_START, WHY_DATES))
            if a.get("kind") == "storage" and a.get("ongoing") is None and not a.get("end"):
                gaps.append(Gap("acts", i, f"{base}.{j}.ongoing", N_STORAGE, WHY_STORAGE))
    open_req = [q for q in step("requests").questions if q.widget == "bool" and get_in(answers, q.path) is None]
    if open_req:  # one point naming every claim not answered yet
        name = T("诉讼请求（" + "、".join(q.label("zh") for q in open_req) + "）",
                 "Claims (" + "; ".join(q.label("en") for q in open_req) + ")")
        gaps.append(Gap("requests", None, "requests", name, WHY_REQUEST))
    claimed = get_in(answers, "requests.claimed") or {}
    if get_in(answers, "requests.damages") is True and all(v is None for v in claimed.values()):
        gaps.append(Gap("requests", None, "requests.claimed", N_AMOUNT, WHY_AMOUNT))
    return gaps


# --------------------------------------------------------------------------- the review as prose
def sentence(q: Question, value: Any, answers: dict, lang: Lang) -> str | None:
    """One answer as a sentence; None for an optional answer left empty."""
    zh = lang == "zh"
    label = q.label(lang).rstrip("。.")
    if value is None and starts_open(q) and q.widget == "select":
        return f"尚不清楚（未回答）：{label}。" if zh else f"Not known (not answered): {label}."
    if q.widget in ("bool", "tristate"):
        if value is None:
            return f"尚不清楚（未回答）：{label}。" if zh else f"Not known (not answered): {label}."
        if value:
            return f"{label}。" if zh else f"{label}."
        return f"并非如此：{label}。" if zh else f"Not the case: {label}."
    text = format_answer(q, value, answers, lang)
    if text == "—":
        if q.widget in ("text", "textarea", "opt_money", "opt_int", "fraction", "weight", "refs") \
                or "可选" in q.label("zh"):
            return None
        return f"{label}：尚未填写。" if zh else f"{label}: not given yet."
    return f"{label}：{text}。" if zh else f"{label}: {text}."


def review_prose(answers: dict, lang: Lang) -> list[tuple[str, int | None, str]]:
    """(step, participant index, paragraph) for each visible step and participant, in interview order."""
    out: list[tuple[str, int | None, list[str]]] = []
    for s, q, i, path in _asked(answers):
        if not out or out[-1][0] != s.id or out[-1][1] != i:
            out.append((s.id, i, []))
        sent = sentence(q, get_in(answers, path), answers, lang)
        if sent:
            out[-1][2].append(sent)
    sep = "" if lang == "zh" else " "
    return [(sid, i, sep.join(parts)) for sid, i, parts in out]
