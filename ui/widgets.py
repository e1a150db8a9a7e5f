"""Interview widgets drawn from the question graph. Every widget writes into the answers dict
through an on_change callback and is drawn from it; no answer lives only in a widget key."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import re
from typing import Any

import streamlit as st

from litigation.facts import answers as fa
from litigation.facts import places
from litigation.facts import questions as fq
from litigation.facts.questions import Question, Step
from ui import state
from ui.frame import lang, t
from ui.text import esc

K = state.WIDGET_PREFIX
log = logging.getLogger("facetort.ui")
# Wide bounds: the date picker never rejects a date with its own (English) message; the app's own checks
# (future dates, order of dates) report a wrong date in both languages.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


# --------------------------------------------------------------------------- callbacks
def _value_for(kind: str, v: Any) -> Any:
    if kind == "date":
        return v.isoformat() if isinstance(v, dt.date) else None
    if kind == "opt_int" and v is not None:
        return int(v)
    if kind in ("money", "opt_money", "fraction", "weight") and v is not None:
        return float(v)
    if kind == "text" and isinstance(v, str):
        return v.strip()
    return v


def _allowed(v: Any, allowed: tuple | None, many: bool) -> bool:
    """A choice is stored only if it is one of the widget's codes (never a display label)."""
    if allowed is None:
        return True
    if many:
        return isinstance(v, list) and all(x in allowed for x in v)
    return v in allowed


def _sync(key: str, path: str, kind: str, allowed: tuple | None = None) -> None:
    ans = state.answers()
    v = _value_for(kind, st.session_state.get(key))
    if not _allowed(v, allowed, kind in ("codes", "refs")):
        log.warning("ignored a value that is not one of the codes of %s", path)
        return
    if kind == "pid":
        old = fq.get_in(ans, path)
        fa.rename_participant(ans, old, v or "")
        state.reset_widgets()
        return
    fq.set_in(ans, path, v)


def _help(q: Question) -> str | None:
    parts = []
    if q.help is not None:
        parts.append(q.help(lang()))
    for term in q.terms:
        name, text = fq.GLOSSARY[term]
        parts.append(f"**{name(lang())}**：{text(lang())}" if lang() == "zh" else f"**{name(lang())}**: {text(lang())}")
    return "\n\n".join(parts) or None


def _names(ans: dict) -> dict[str, str]:
    return {p.get("id"): (p.get("name") or p.get("id")) for p in ans.get("participants", [])}


# --------------------------------------------------------------------------- one question
def question(q: Question, path: str, ans: dict) -> None:
    lg = lang()
    key = state.widget_key(path)
    cur = fq.get_in(ans, path)
    label = q.label(lg)
    hl = _help(q)
    kw: dict[str, Any] = {"key": key, "help": hl, "on_change": _sync}
    w = q.widget
    if q.id in ("province", "city"):
        place(q, path, ans, label, kw)
    elif w in ("text", "textarea"):
        kind = "pid" if q.id == "p_id" else "text"
        fn = st.text_area if w == "textarea" else st.text_input
        fn(label, value=cur or "", args=(key, path, kind), **kw)
    elif w == "select":
        codes = list(fq.codes_for(q))
        opts: list[Any] = ([None] if fq.nullable(q) or fa.starts_open(q) else []) + codes
        idx = opts.index(cur) if cur in opts else 0
        none = t("none_selected")
        st.selectbox(label, opts, index=idx, args=(key, path, "select", tuple(opts)),
                     format_func=lambda c: none if c is None else fq.option_label(q.group or "", c, lg),
                     **kw)
    elif w in ("bool", "tristate"):  # a yes/no fact starts unanswered: shown as "unknown", never pre-ticked
        opts3 = [None, True, False]
        st.radio(label, opts3, index=opts3.index(cur) if cur in opts3 else 0, horizontal=True,
                 args=(key, path, "tristate", tuple(opts3)), format_func=lambda c: fq.option_label("tristate", c, lg), **kw)
    elif w == "date":
        st.date_input(label, value=fa.parse_date(cur), min_value=MIN_DATE, max_value=dt.date.today(),
                      format="YYYY-MM-DD", args=(key, path, "date"), **kw)
    elif w == "money":
        st.number_input(label, value=float(cur or 0.0), step=100.0, format="%.2f",
                        args=(key, path, "money"), **kw)
    elif w == "opt_money":
        st.number_input(label, value=None if cur is None else float(cur), step=100.0,
                        format="%.2f", args=(key, path, "opt_money"), **kw)
    elif w == "opt_int":
        st.number_input(label, value=None if cur is None else int(cur), step=1,
                        args=(key, path, "opt_int"), **kw)
    elif w == "fraction":
        st.number_input(label, value=None if cur is None else float(cur), step=0.05,
                        format="%.2f", args=(key, path, "fraction"), **kw)
    elif w == "weight":
        st.number_input(label, value=None if cur is None else float(cur), step=0.5,
                        format="%.2f", args=(key, path, "weight"), **kw)
    elif w == "refs":
        names = _names(ans)
        mt = re.match(r"^(participants\.\d+)\.", path)
        own = fq.get_in(ans, mt.group(1) + ".id") if mt else None
        opts_r = [i for i in names if i != own]
        st.multiselect(label, opts_r, default=[r for r in (cur or []) if r in opts_r], args=(key, path, "refs", tuple(opts_r)),
                       placeholder=t("iv.choose"),
                       format_func=lambda i: names.get(i, i), **kw)
    elif w == "codes":
        codes_m = list(fq.codes_for(q))
        st.multiselect(label, codes_m, default=[c for c in (cur or []) if c in codes_m], args=(key, path, "codes", tuple(codes_m)),
                       placeholder=t("iv.choose"), format_func=lambda c: fq.option_label(q.group or "", c, lg), **kw)
    elif w in fq.LIST_WIDGETS:
        st.markdown(f"**{label}**", help=hl)
        LIST_EDITORS[w](path, ans)
    else:  # pragma: no cover - the graph's widget kinds are all handled above
        st.write(label)


def unanswered_lines(items: list, ans: dict, lg: str) -> list[str]:
    """Markdown bullets for unanswered yes/no facts (`review.unanswered`), each with what it counts as."""
    from litigation.facts import review as rv

    out = []
    for _sid, i, q, _path in items:
        who = "" if i is None else fa.participant_name(ans, i, lg) + " › "  # type: ignore[arg-type]
        out.append(f"- {esc(who + q.label(lg))} — {t('iv.assumed', v=rv.assumed(q, lg))}")  # type: ignore[arg-type]
    return out


# --------------------------------------------------------------------------- province and city
def _sync_place(key: str, path: str, allowed: tuple) -> None:
    v = st.session_state.get(key)
    if v not in allowed:
        log.warning("ignored a value that is not one of the codes of %s", path)
        return
    other = state.widget_key(f"{path}:other")
    st.session_state[PLACE_OTHER + path] = v == places.OTHER
    if v == places.OTHER:
        return  # the free-text box below takes the city
    fq.set_in(state.answers(), path, v or "")
    st.session_state.pop(other, None)


PLACE_OTHER = state.PLACE_OTHER


def place(q: Question, path: str, ans: dict, label: str, kw: dict) -> None:
    """Province and city from a list; a city not listed is typed in ("other"). A stored value that is not in
    the list (an older file) is offered as it is, so it is never lost."""
    lg = lang()
    cur = fq.get_in(ans, path) or ""
    if q.id == "province":
        codes: list[Any] = list(places.provinces())
        fmt = places.province_label
    else:
        prov = fq.get_in(ans, "claimant.forum_province") or ""
        codes = places.cities(prov)
        fmt = lambda c, lg_: places.city_label(prov, c, lg_)  # noqa: E731
    if cur and cur not in codes:
        codes.append(cur)  # shown as it is
    opts: list[Any] = [None] + codes + ([places.OTHER] if q.id == "city" else [])
    other_on = st.session_state.get(PLACE_OTHER + path, False)
    idx = opts.index(places.OTHER) if other_on and q.id == "city" else (opts.index(cur) if cur in opts else 0)
    none, other_label = t("none_selected"), t("iv.city_other_option")
    key = kw["key"]
    st.selectbox(label, opts, index=idx, key=key, help=kw["help"], on_change=_sync_place, args=(key, path, tuple(opts)),
                 format_func=lambda c: none if c is None else other_label if c == places.OTHER else fmt(c, lg))
    if q.id == "city" and other_on:
        okey = state.widget_key(f"{path}:other")
        st.text_input(t("iv.city_other"), value="" if cur in places.cities(fq.get_in(ans, "claimant.forum_province"))
                      else cur, key=okey, on_change=_sync, args=(okey, path, "text"))


# --------------------------------------------------------------------------- list editors
def _add(path: str, kind: str) -> None:
    ans = state.answers()
    items = fq.get_in(ans, path)
    if items is None:
        items = []
        fq.set_in(ans, path, items)
    item = copy.deepcopy(fa.BLANK_ITEMS[kind])
    ids = [p.get("id") for p in ans.get("participants", [])]
    if kind == "entrustments" and len(ids) >= 2:
        item.update(principal=ids[0], agent=ids[1])
    if kind == "assistance" and len(ids) >= 2:
        item.update(helper=ids[0], actor=ids[1])
    items.append(item)


def _remove(path: str, index: int) -> None:
    items = fq.get_in(state.answers(), path)
    if isinstance(items, list) and 0 <= index < len(items):
        items.pop(index)
    state.reset_widgets()


def _item_select(label: str, path: str, codes: list[Any], group: str, ans: dict, fmt: Any = None) -> None:
    key = state.widget_key(path)
    cur = fq.get_in(ans, path)
    lg = lang()
    st.selectbox(label, codes, index=codes.index(cur) if cur in codes else 0, key=key, on_change=_sync,
                 args=(key, path, "select", tuple(codes)), format_func=fmt or (lambda c: fq.option_label(group, c, lg)))
    if cur not in codes and codes:
        fq.set_in(ans, path, codes[0])


def _item_check(label: str, path: str, ans: dict) -> None:
    key = state.widget_key(path)
    st.checkbox(label, value=bool(fq.get_in(ans, path)), key=key, on_change=_sync, args=(key, path, "bool"))


def _remove_button(path: str, j: int) -> None:
    st.button(t("iv.remove_item"), key=state.widget_key(f"{path}.{j}:remove"), on_click=_remove, args=(path, j),
              icon=":material/delete:")


def _acts(path: str, ans: dict) -> None:
    from litigation.facts.matter import Act

    codes = list(fq.literal_codes(Act.model_fields["kind"].annotation))
    items = fq.get_in(ans, path) or []
    for j, _ in enumerate(items):
        p = f"{path}.{j}"
        c = st.columns([3, 3, 3, 2, 2], vertical_alignment="bottom")
        with c[0]:
            _item_select(t("iv.act_kind"), f"{p}.kind", codes, "act_kind", ans)
        for col, field, lab in ((c[1], "start", "iv.act_start"), (c[2], "end", "iv.act_end")):
            with col:
                key = state.widget_key(f"{p}.{field}")
                st.date_input(t(lab), value=fa.parse_date(fq.get_in(ans, f"{p}.{field}")), min_value=MIN_DATE,
                              max_value=MAX_DATE, format="YYYY-MM-DD", key=key, on_change=_sync,
                              args=(key, f"{p}.{field}", "date"))
        with c[3]:  # unanswered until chosen (whether storage continues is decisive)
            _item_select(t("iv.act_ongoing"), f"{p}.ongoing", [None, True, False], "tristate", ans)
        with c[4]:
            _remove_button(path, j)
    if not items:
        st.caption(t("iv.empty_list"))
    st.button(t("iv.add_item"), key=state.widget_key(f"{path}:add"), on_click=_add, args=(path, "acts"))


def _expenses(path: str, ans: dict) -> None:
    from litigation.facts.matter import Expense

    codes = list(fq.literal_codes(Expense.model_fields["kind"].annotation))
    items = fq.get_in(ans, path) or []
    for j, _ in enumerate(items):
        p = f"{path}.{j}"
        c = st.columns([3, 2, 2, 3, 2], vertical_alignment="bottom")
        with c[0]:
            _item_select(t("iv.exp_kind"), f"{p}.kind", codes, "expense_kind", ans)
        with c[1]:
            key = state.widget_key(f"{p}.amount")
            st.number_input(t("iv.exp_amount"), value=float(fq.get_in(ans, f"{p}.amount") or 0.0),
                            step=100.0, format="%.2f", key=key, on_change=_sync, args=(key, f"{p}.amount", "money"))
        with c[2]:
            _item_check(t("iv.exp_receipt"), f"{p}.receipt", ans)
        with c[3]:
            key = state.widget_key(f"{p}.description")
            st.text_input(t("iv.exp_desc"), value=fq.get_in(ans, f"{p}.description") or "", key=key,
                          on_change=_sync, args=(key, f"{p}.description", "text"))
        with c[4]:
            _remove_button(path, j)
    if not items:
        st.caption(t("iv.empty_list"))
    st.button(t("iv.add_item"), key=state.widget_key(f"{path}:add"), on_click=_add, args=(path, "expenses"))


def _defenses(path: str, ans: dict) -> None:
    from litigation.facts.matter import DefenseClaim

    codes = [c for c in fq.literal_codes(DefenseClaim.model_fields["code"].annotation) if c not in ("consent",
                                                                                                   "no_fault")]
    proofs = list(fq.literal_codes(DefenseClaim.model_fields["proof"].annotation))
    items = fq.get_in(ans, path) or []
    for j, _ in enumerate(items):
        p = f"{path}.{j}"
        c = st.columns([4, 3, 4, 2], vertical_alignment="bottom")
        with c[0]:
            _item_select(t("iv.def_code"), f"{p}.code", codes, "defence_code", ans)
        with c[1]:
            _item_select(t("iv.def_proof"), f"{p}.proof", proofs, "proof", ans)
        with c[2]:
            key = state.widget_key(f"{p}.note")
            st.text_input(t("iv.def_note"), value=fq.get_in(ans, f"{p}.note") or "", key=key, on_change=_sync,
                          args=(key, f"{p}.note", "text"))
        with c[3]:
            _remove_button(path, j)
    if not items:
        st.caption(t("iv.empty_list"))
    st.button(t("iv.add_item"), key=state.widget_key(f"{path}:add"), on_click=_add, args=(path, "defenses"))


def _pid_select(label: str, path: str, ans: dict) -> None:
    names = _names(ans)
    _item_select(label, path, list(names), "", ans, fmt=lambda i: names.get(i, i))


def _entrustments(path: str, ans: dict) -> None:
    items = fq.get_in(ans, path) or []
    for j, _ in enumerate(items):
        p = f"{path}.{j}"
        c = st.columns([3, 3, 2, 2, 2, 2], vertical_alignment="bottom")
        with c[0]:
            _pid_select(t("iv.ent_principal"), f"{p}.principal", ans)
        with c[1]:
            _pid_select(t("iv.ent_agent"), f"{p}.agent", ans)
        with c[2]:
            _item_select(t("iv.ent_within"), f"{p}.within_mandate", [None, True, False], "tristate", ans)
        with c[3]:
            _item_check(t("iv.ent_sub"), f"{p}.sub_entrusted_without_consent", ans)
        with c[4]:
            _item_select(t("iv.ent_supervised"), f"{p}.principal_supervised", [None, True, False], "tristate", ans)
        with c[5]:
            _remove_button(path, j)
    if not items:
        st.caption(t("iv.empty_list"))
    st.button(t("iv.add_item"), key=state.widget_key(f"{path}:add"), on_click=_add, args=(path, "entrustments"))


def _assistance(path: str, ans: dict) -> None:
    items = fq.get_in(ans, path) or []
    for j, _ in enumerate(items):
        p = f"{path}.{j}"
        c = st.columns([3, 3, 3, 2], vertical_alignment="bottom")
        with c[0]:
            _pid_select(t("iv.as_helper"), f"{p}.helper", ans)
        with c[1]:
            _pid_select(t("iv.as_actor"), f"{p}.actor", ans)
        with c[2]:
            _item_select(t("iv.as_kind"), f"{p}.kind", ["assistance", "instigation"], "assist_kind", ans)
        with c[3]:
            _remove_button(path, j)
    if not items:
        st.caption(t("iv.empty_list"))
    st.button(t("iv.add_item"), key=state.widget_key(f"{path}:add"), on_click=_add, args=(path, "assistance"))


def _flat_groups(ans: dict) -> list[tuple[str, int, list[str]]]:
    rel = ans.get("relations", {})
    return [(k, j, g) for k in fa.GROUP_KINDS for j, g in enumerate(rel.get(k, []))]


def _group_add() -> None:
    ans = state.answers()
    ids = [p.get("id") for p in ans.get("participants", [])]
    ans["relations"].setdefault("joint_decision", []).append(ids[:2])
    state.reset_widgets()


def _group_kind(key: str, kind: str, j: int) -> None:
    ans = state.answers()
    new = st.session_state.get(key)
    if new == kind or new not in fa.GROUP_KINDS:
        return
    g = ans["relations"][kind].pop(j)
    ans["relations"].setdefault(new, []).append(g)
    state.reset_widgets()


def _group_members(key: str, kind: str, j: int) -> None:
    ans = state.answers()
    ids = {p.get("id") for p in ans.get("participants", [])}
    ans["relations"][kind][j] = [r for r in st.session_state.get(key) or [] if r in ids]


def _group_remove(kind: str, j: int) -> None:
    state.answers()["relations"][kind].pop(j)
    state.reset_widgets()


def _groups(path: str, ans: dict) -> None:
    names = _names(ans)
    lg = lang()
    groups = _flat_groups(ans)
    for kind, j, g in groups:
        c = st.columns([4, 5, 2], vertical_alignment="bottom")
        with c[0]:
            key = state.widget_key(f"relations.{kind}.{j}:kind")
            st.selectbox(t("iv.grp_kind"), list(fa.GROUP_KINDS), index=fa.GROUP_KINDS.index(kind), key=key,
                         format_func=lambda k: fq.option_label("group_kind", k, lg), on_change=_group_kind,
                         args=(key, kind, j))
        with c[1]:
            key = state.widget_key(f"relations.{kind}.{j}:members")
            st.multiselect(t("iv.grp_members"), list(names), default=[r for r in g if r in names], key=key,
                           placeholder=t("iv.choose"),
                           format_func=lambda i: names.get(i, i), on_change=_group_members, args=(key, kind, j))
        with c[2]:
            st.button(t("iv.remove_item"), key=state.widget_key(f"relations.{kind}.{j}:remove"), on_click=_group_remove,
                      args=(kind, j), icon=":material/delete:")
    if not groups:
        st.caption(t("iv.empty_list"))
    st.button(t("iv.add_item"), key=state.widget_key("relations.groups:add"), on_click=_group_add)


LIST_EDITORS = {"acts": _acts, "expenses": _expenses, "defenses": _defenses, "entrustments": _entrustments,
                "assistance": _assistance, "groups": _groups}


# --------------------------------------------------------------------------- participants
def _add_participant() -> None:
    ans = state.answers()
    ans["participants"].append(fa.blank_participant(ans))


def _remove_participant(i: int) -> None:
    fa.remove_participant(state.answers(), i)
    state.reset_widgets()


def step_body(s: Step, ans: dict) -> None:
    """Draw one step's questions (for each participant it asks about, in participant scope)."""
    lg = lang()
    if s.scope == "matter":
        if s.id == "relations" and len(ans.get("participants", [])) < 2:
            st.info(t("iv.need_two"))
            return
        for q in s.questions:
            if q.shown(ans):
                question(q, q.path, ans)
        return
    idx = s.participants(ans)
    if s.id != "participants" and not idx:
        st.info(t("iv.no_participants"))
    for i in idx:
        base = f"participants.{i}"
        title = f"{t('iv.participant')} {i + 1}: {esc(fa.participant_name(ans, i, lg))}"
        with st.container(border=True):
            st.markdown(f"**{title}**")  # not a heading: a heading turns a URL in the name into a link
            for q in s.questions:
                if q.shown(ans, base):
                    question(q, f"{base}.{q.path}", ans)
            if s.id == "participants":
                st.button(t("iv.remove_participant"), key=state.widget_key(f"participants.{i}:remove"), on_click=_remove_participant,
                          args=(i,), icon=":material/person_remove:")
    if s.id == "participants":
        if not idx:
            st.info(t("iv.no_participants_yet"))
        st.button(t("iv.add_participant"), key=state.widget_key("participants:add"), on_click=_add_participant, type="primary")
