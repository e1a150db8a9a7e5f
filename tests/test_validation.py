"""Bad input: every error names the field and says what is wrong, in Chinese and in English.

`load_matter` is the single entry point for untrusted matter files (CLI, app uploads), so these
tests feed it wrong types, dangling references, negative amounts, future dates, contradictory
answers and files that are not matters at all.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from litigation.facts.validation import FieldError, MatterError, dump_matter, load_matter

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 1, 1)
CJK = re.compile(r"[\u4e00-\u9fff]")

BASE: dict[str, Any] = {
    "format": "facetort-matter", "version": 1, "title": "validation fixture", "as_of": "2025-12-01",
    "participants": [
        {"id": "shop", "name": "Shop", "kind": "business", "role": "processor", "processing_evidence": "strong",
         "processing": {"acts": [{"kind": "collection", "start": "2023-03-01"}]}},
        {"id": "vendor", "name": "Vendor", "kind": "tech_vendor", "role": "entrusted_processor",
         "processing": {"acts": [{"kind": "storage", "start": "2023-03-01", "ongoing": True}]}},
    ],
    "harm": {"economic_loss": 100, "expenses": [{"kind": "transport", "amount": 50, "receipt": True}]},
}


def base() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def errors_of(data: Any, today: dt.date = TODAY) -> list[FieldError]:
    with pytest.raises(MatterError) as info:
        load_matter(data, today=today)
    errs = info.value.errors
    assert errs, "MatterError without any error"
    for e in errs:  # every message is bilingual
        assert CJK.search(e.zh), f"no Chinese in {e.zh!r}"
        assert e.en and not CJK.search(e.en), f"English message missing or not English: {e.en!r}"
    return errs


def one_error(data: Any, loc: str, en: str, zh: str, today: dt.date = TODAY) -> FieldError:
    errs = errors_of(data, today)
    hits = [e for e in errs if e.loc == loc]
    assert hits, f"no error at {loc}; got {[(e.loc, e.en) for e in errs]}"
    e = hits[0]
    assert en in e.en, (en, e.en)
    assert zh in e.zh, (zh, e.zh)
    return e


def mutated(fn: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    d = base()
    fn(d)
    return d


def shop(d: dict[str, Any]) -> dict[str, Any]:
    return d["participants"][0]["processing"]


def test_the_fixture_itself_is_valid():
    m = load_matter(base(), today=TODAY)
    assert load_matter(json.loads(dump_matter(m)), today=TODAY) == m


# ------------------------------------------------------------------------------------------- wrong types
@pytest.mark.parametrize("change, loc, en, zh", [
    (lambda d: d.update(claimant={"deceased": "maybe"}), "claimant.deceased", "true or false", "是/否"),
    (lambda d: d["harm"].update(economic_loss="lots"), "harm.economic_loss", "must be a number", "应为数字"),
    (lambda d: d.update(participants="shop, vendor"), "participants", "must be a list", "应为列表"),
    (lambda d: shop(d).update(records_stored=1.5), "participants.0.processing.records_stored",
     "whole number", "应为整数"),
    (lambda d: shop(d)["acts"][0].update(start="2023-02-30"), "participants.0.processing.acts.0.start",
     "YYYY-MM-DD", "YYYY-MM-DD"),
    (lambda d: shop(d)["acts"][0].update(start="1 March 2023"), "participants.0.processing.acts.0.start",
     "YYYY-MM-DD", "日期"),
    (lambda d: d.update(harm=[1, 2]), "harm", "must be an object", "应为对象"),
    (lambda d: shop(d).update(venue="moon"), "participants.0.processing.venue", "expected one of", "取值无效"),
    (lambda d: d["participants"][0].update(role="boss"), "participants.0.role", "expected one of", "取值无效"),
    (lambda d: d["participants"][0].update(id="has space"), "participants.0.id", "letters, digits", "字母、数字"),
    (lambda d: d["participants"][0].update(name=""), "participants.0.name", "must not be empty", "不能为空"),
    (lambda d: d["participants"][0].pop("kind"), "participants.0.kind", "required", "必填"),
    (lambda d: d.update(colour="red"), "colour", "unknown field", "不认识的字段"),
])
def test_wrong_types_name_the_field(change, loc, en, zh):
    one_error(mutated(change), loc, en, zh)


def test_every_error_is_reported_not_just_the_first():
    d = mutated(lambda d: (d["harm"].update(economic_loss=-1), shop(d).update(records_stored="many")))
    locs = {e.loc for e in errors_of(d)}
    assert {"harm.economic_loss", "participants.0.processing.records_stored"} <= locs


# ------------------------------------------------------------------------------------------- references
@pytest.mark.parametrize("relations, en, zh", [
    ({"joint_decision": [["shop", "ghost"]]}, "joint decision (PIPL 20)", "共同决定"),
    ({"concerted_action": [["ghost", "shop"]]}, "concerted action (CC 1168)", "共同实施"),
    ({"each_sufficient": [["shop", "ghost"]]}, "each sufficient (CC 1171)", "足以造成全部损害"),
    ({"unknown_actor_among": [["shop", "ghost"]]}, "unknown actor among several (CC 1170)", "不能确定具体侵权人"),
    ({"entrustments": [{"principal": "shop", "agent": "ghost"}]}, "entrustment agent", "受托人"),
    ({"entrustments": [{"principal": "ghost", "agent": "vendor"}]}, "entrustment principal", "委托人"),
    ({"assistance": [{"helper": "ghost", "actor": "shop"}]}, "instigator/helper", "教唆/帮助者"),
])
def test_unknown_participant_in_relations_is_named(relations, en, zh):
    errs = errors_of(mutated(lambda d: d.update(relations=relations)))
    e = errs[0]
    assert en in e.en and "unknown participant 'ghost'" in e.en, e.en
    assert zh in e.zh and "ghost" in e.zh and "不存在" in e.zh, e.zh


def test_unknown_participant_in_provision_to_is_named():
    e = errors_of(mutated(lambda d: shop(d).update(provision={"to": ["vendor", "ghost"]})))[0]
    assert "participant shop's provision" in e.en and "'ghost'" in e.en
    assert "提供对象" in e.zh and "ghost" in e.zh


def test_provision_to_oneself_is_rejected():
    e = errors_of(mutated(lambda d: shop(d).update(provision={"to": ["shop"]})))[0]
    assert "cannot provide to itself" in e.en and "不能向自己提供" in e.zh


def test_a_platform_serving_an_unknown_user_is_named():
    platform = {"id": "plat", "name": "Platform", "kind": "platform", "role": "network_service_provider",
                "platform": {"serves": ["ghost"]}}
    e = errors_of(mutated(lambda d: d["participants"].append(platform)))[0]
    assert "platform plat's user" in e.en and "'ghost'" in e.en
    assert "平台 plat 的用户" in e.zh


def test_a_relation_group_needs_two_different_participants():
    e = errors_of(mutated(lambda d: d.update(relations={"joint_decision": [["shop", "shop"]]})))[0]
    assert "at least two different participants" in e.en and "至少需要两个不同的参与者" in e.zh


def test_duplicate_ids_are_named():
    e = errors_of(mutated(lambda d: d["participants"][1].update(id="shop")))[0]
    assert "duplicate participant id: shop" in e.en
    assert "参与者编号重复" in e.zh and "shop" in e.zh
    assert e.loc == "participants.1.id"


def test_reference_errors_point_at_the_entry():
    e = errors_of(mutated(lambda d: d.update(relations={"joint_decision": [["shop", "ghost"]]})))[0]
    assert e.loc == "relations.joint_decision.0.1"
    e = errors_of(mutated(lambda d: d.update(relations={"assistance": [{"helper": "shop", "actor": "nobody"}]})))[0]
    assert e.loc == "relations.assistance.0.actor" and "nobody" in e.en and "nobody" in e.zh


# ------------------------------------------------------------------------------------------- amounts
@pytest.mark.parametrize("change, loc", [
    (lambda d: d["harm"].update(economic_loss=-5), "harm.economic_loss"),
    (lambda d: d["harm"]["expenses"][0].update(amount=-1), "harm.expenses.0.amount"),
    (lambda d: d["harm"].update(infringer_gains=-0.01), "harm.infringer_gains"),
    (lambda d: d.update(requests={"claimed": {"attorney_fees": -600}}), "requests.claimed.attorney_fees"),
    (lambda d: shop(d).update(gains=-3), "participants.0.processing.gains"),
    (lambda d: shop(d).update(provision={"to": ["vendor"], "illegal_gains": -1}),
     "participants.0.processing.provision.illegal_gains"),
    (lambda d: shop(d).update(provision={"to": ["vendor"], "items": -10}), "participants.0.processing.provision.items"),
])
def test_negative_amounts_are_rejected(change, loc):
    one_error(mutated(change), loc, "no negative amounts", "不能为负数")


@pytest.mark.parametrize("change, loc, en, zh", [
    (lambda d: d["harm"].update(claimant_fault="some", claimant_fault_reduction=1.2),
     "harm.claimant_fault_reduction", "less than 1", "必须小于 1"),
    (lambda d: d["participants"][0].update(responsibility_weight=0), "participants.0.responsibility_weight",
     "greater than 0", "必须大于 0"),
])
def test_out_of_range_numbers_are_rejected(change, loc, en, zh):
    one_error(mutated(change), loc, en, zh)


# ------------------------------------------------------------------------------------------- dates
def test_a_future_act_date_is_rejected():
    d = mutated(lambda d: (d.pop("as_of"), shop(d)["acts"].append({"kind": "use", "start": "2026-03-01"})))
    one_error(d, "participants.0.processing.acts.1.start", "future date", "未来日期")


def test_a_future_analysis_date_is_rejected():
    one_error(mutated(lambda d: d.update(as_of="2026-05-01")), "as_of", "cannot be in the future", "不能晚于今天")


def test_dates_after_the_analysis_date_are_rejected():
    d = mutated(lambda d: shop(d).update(incident={"occurred": True, "kind": "leak", "date": "2025-12-24"}))
    e = one_error(d, "participants.0.processing.incident.date", "after the analysis date", "晚于分析日期")
    assert "2025-12-01" in e.en


def test_a_future_death_date_and_notice_date_are_rejected():
    d = mutated(lambda d: (
        d.update(claimant={"deceased": True, "death_date": "2027-01-01", "relative_suing": "child"}),
        d["participants"].append({"id": "plat", "name": "P", "kind": "platform", "role": "network_service_provider",
                                  "platform": {"serves": ["shop"], "notified": True, "notice_date": "2026-12-01"}})))
    locs = {e.loc for e in errors_of(d)}
    assert {"claimant.death_date", "participants.2.platform.notice_date"} <= locs


# ------------------------------------------------------------------------------------------- contradictions
@pytest.mark.parametrize("change, loc, en, zh", [
    (lambda d: shop(d).update(consent={"type": "none", "bundled": True}), "participants.0.processing.consent",
     "consent type is 'none' but consent is described as bundled", "未取得同意，却又说同意是捆绑"),
    (lambda d: shop(d).update(consent={"type": "none", "withdrawn": True}), "participants.0.processing.consent",
     "cannot be withdrawn when none was given", "无从撤回"),
    (lambda d: shop(d).update(consent={"type": "general", "withdrawn_on": "2023-05-01"}),
     "participants.0.processing.consent", "consent was not withdrawn", "未撤回同意"),
    (lambda d: shop(d).update(incident={"occurred": False, "kind": "leak"}), "participants.0.processing.incident",
     "no security incident, but an incident kind or date is given", "未发生安全事件"),
    (lambda d: shop(d).update(incident={"occurred": True}), "participants.0.processing.incident",
     "choose leak, tampering or loss", "请选择泄露、篡改或丢失"),
    (lambda d: d.update(claimant={"deceased": True, "death_date": "2022-01-01"}), "claimant",
     "say which close relative sues", "近亲属"),
    (lambda d: d.update(claimant={"relative_suing": "child"}), "claimant",
     "suing relative given for a living person", "当事人未死亡"),
    (lambda d: shop(d).update(consent={"type": "separate", "guardian_consent": True}),
     "participants.0.processing.consent.guardian_consent", "only to minors; the claimant is an adult",
     "监护人同意只适用于未成年人"),
    (lambda d: shop(d)["acts"].__setitem__(0, {"kind": "use", "start": "2023-03-01", "end": "2023-01-01"}),
     "participants.0.processing.acts.0", "end date is before the start date", "结束日期早于开始日期"),
    (lambda d: shop(d)["acts"].__setitem__(0, {"kind": "use", "start": "2023-03-01", "end": "2023-04-01",
                                                "ongoing": True}),
     "participants.0.processing.acts.0", "marked ongoing but has an end date", "仍在持续"),
    (lambda d: shop(d).update(consent={"type": "general", "withdrawn": True, "withdrawn_on": "2022-01-01"}),
     "participants.0.processing.consent.withdrawn_on", "withdrawn before any processing began", "撤回同意的日期早于"),
    (lambda d: d["harm"].update(claimant_fault_reduction=0.2), "harm", "the claimant has no fault", "原告无过错"),
    (lambda d: d["harm"].update(mental_evidence="medical"), "harm", "no distress", "未主张精神损害"),
    (lambda d: shop(d).update(defenses=[{"code": "consent"}, {"code": "consent"}]), "participants.0.processing",
     "the same defence is listed twice", "同一抗辩重复填写"),
    (lambda d: d["participants"][0].update(identified=False), "participants.0",
     "unidentified actor cannot be a defendant", "无法被列为被告"),
    (lambda d: d["participants"][0].pop("processing"), "participants.0", "needs its processing facts",
     "须填写其处理行为"),
    (lambda d: shop(d).update(acts=[]), "participants.0.processing.acts", "at least one processing act",
     "至少填写一项处理行为"),
    (lambda d: d["participants"][0].update(platform={"serves": []}), "participants.0",
     "only for a network service provider", "只有网络服务提供者"),
])
def test_contradictory_answers_are_rejected(change, loc, en, zh):
    one_error(mutated(change), loc, en, zh)


def test_a_deceased_person_needs_a_death_date():
    d = mutated(lambda d: d.update(claimant={"deceased": True, "relative_suing": "spouse"}))
    one_error(d, "claimant.death_date", "give the date of death", "请填写死亡日期")


# ------------------------------------------------------------------------------------------- not a matter
@pytest.mark.parametrize("change, loc, en, zh", [
    (lambda d: d.update(format="other-tool"), "format", "not a FaceTort matter file", "不是 FaceTort 案件文件"),
    (lambda d: d.pop("format"), "format", "format must be 'facetort-matter'", "format 应为"),
    (lambda d: d.update(version=2), "version", "unsupported file version 2", "不支持的文件版本 2"),
    (lambda d: d.update(version="1"), "version", "unsupported file version '1'", "不支持的文件版本"),
])
def test_wrong_format_or_version(change, loc, en, zh):
    one_error(mutated(change), loc, en, zh)


@pytest.mark.parametrize("text", ["{not json", "", "{\"format\": \"facetort-matter\",}"])
def test_non_json_text(text):
    one_error(text, "(file)", "not valid JSON: line 1", "不是有效的 JSON")


@pytest.mark.parametrize("data", [[base()], "[1, 2]", "42", "\"a matter\"", None])
def test_a_file_that_is_not_one_object(data):
    one_error(data, "(file)", "must hold one matter object", "应为一个案件对象")


def test_render_lists_every_error_in_the_chosen_language():
    with pytest.raises(MatterError) as info:
        load_matter(mutated(lambda d: (d["harm"].update(economic_loss=-1), d.update(colour="red"))), today=TODAY)
    zh, en = info.value.render("zh"), info.value.render("en")
    assert zh.startswith("案件事实有误") and "harm.economic_loss" in zh and "colour" in zh
    assert en.startswith("The matter has errors") and "harm.economic_loss" in en and "colour" in en


# ------------------------------------------------------------------------------------------- command line
def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "litigation", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_cli_validate_bad_file_exits_1_and_names_the_field(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(mutated(lambda d: d["harm"].update(economic_loss=-5))), encoding="utf-8")
    r = cli("validate", str(bad))
    assert r.returncode == 1
    assert "harm.economic_loss" in r.stderr and "no negative amounts" in r.stderr
    r = cli("validate", str(bad), "--lang", "zh")
    assert r.returncode == 1
    assert "harm.economic_loss" in r.stderr and "不能为负数" in r.stderr


def test_cli_validate_good_file_exits_0(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(base()), encoding="utf-8")
    r = cli("validate", str(good))
    assert r.returncode == 0, r.stderr
    assert "OK" in r.stdout


def test_cli_validate_non_json_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("this is not json", encoding="utf-8")
    r = cli("validate", str(bad))
    assert r.returncode == 1
    assert "(file)" in r.stderr and "not valid JSON" in r.stderr


def test_cli_analyze_missing_file_exits_1_with_a_clear_message(tmp_path):
    missing = tmp_path / "no_such_matter.json"
    r = cli("analyze", str(missing), "--lang", "en")
    assert r.returncode == 1
    assert "cannot read the file" in r.stderr
    assert "Traceback" not in r.stderr
    r = cli("analyze", str(missing))  # default language: Chinese
    assert r.returncode == 1
    assert "无法读取文件" in r.stderr
    assert r.stdout == ""


def test_all_problems_are_reported_at_once_not_in_waves():
    """A type error elsewhere does not hide a future date or a processor without acts."""
    from litigation.facts.validation import MatterError, load_matter

    data = {"format": "facetort-matter", "version": 1, "harm": {"economic_loss": "lots"},
            "participants": [
                {"id": "a", "name": "A", "kind": "business", "role": "processor",
                 "processing": {"acts": [{"kind": "collection", "start": "2031-01-01"}]}},
                {"id": "b", "name": "B", "kind": "business", "role": "processor", "processing": {"acts": []}}]}
    with pytest.raises(MatterError) as exc:
        load_matter(data, today=dt.date(2026, 1, 1))
    locs = {e.loc for e in exc.value.errors}
    assert {"harm.economic_loss", "participants.0.processing.acts.0.start", "participants.1.processing.acts"} <= locs
