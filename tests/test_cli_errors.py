"""The command line's errors: invalid input and internal errors exit with different codes, messages name
the field in words (zh/en), say where a non-JSON file broke, and quote only a short excerpt."""

from __future__ import annotations

import json

from litigation import cli

BAD = {"format": "facetort-matter", "version": 1, "participants": [
    {"id": "park", "name": "Park", "kind": "business", "role": "processor",
     "processing": {"acts": [{"kind": "collection", "start": "2024-01-01"}], "consent": {"type": "maybe"}}}],
    "harm": {"economic_loss": -5}}


def test_invalid_input_exits_1_naming_fields_in_words(tmp_path, capsys):
    p = tmp_path / "m.json"
    p.write_text(json.dumps(BAD))
    assert cli.main(["validate", str(p)]) == 1
    err = capsys.readouterr().err
    assert "Park › What consent the claimant gave (participants.0.processing.consent.type)" in err
    assert "Property loss (RMB) (harm.economic_loss)" in err
    assert cli.main(["validate", str(p), "--lang", "zh"]) == 1
    assert "财产损失（元） (harm.economic_loss): 不能小于" in capsys.readouterr().err


def test_non_json_says_line_and_column_and_echoes_only_an_excerpt(tmp_path, capsys):
    p = tmp_path / "m.json"
    p.write_text('{\n "format": "facetort-matter",\n "title": ' + "z" * 3_000_000)
    assert cli.main(["analyze", str(p), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "too large" in err and len(err) < 500
    p.write_text('{\n "format": "facetort-matter",\n "title": ' + "z" * 100_000 + "\n}")
    assert cli.main(["analyze", str(p), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "line 3, column 11" in err and len(err) < 500


def test_an_internal_error_exits_70_with_a_bilingual_message(tmp_path, capsys, monkeypatch):
    p = tmp_path / "m.json"
    p.write_text(json.dumps(dict(BAD, participants=[], harm={})))

    def boom(*a, **k):
        raise ZeroDivisionError("x" * 10_000)

    monkeypatch.setattr("litigation.law.analysis.analyze", boom)  # imported by the command when it runs
    monkeypatch.delenv("FACETORT_DEBUG", raising=False)
    assert cli.main(["analyze", str(p)]) == cli.EXIT_INTERNAL == 70
    err = capsys.readouterr().err
    assert "internal error / 内部错误: ZeroDivisionError" in err and "bug" in err and "程序错误" in err
    assert len(err) < 800 and "Traceback" not in err
