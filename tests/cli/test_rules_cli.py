"""`consentry rules` and `consentry rule CODE`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from consentry.cli.app import app
from consentry.lint.registry import all_rules
from consentry.report.docs import rule_markdown

runner = CliRunner()


def test_rules_json_lists_every_rule_with_contract_keys() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["code"] for d in data] == [r.code for r in all_rules()]
    for d in data:
        for key in (
            "code",
            "name",
            "severity",
            "summary",
            "why",
            "fix",
            "sources",
            "carrier_codes",
        ):
            assert key in d, (d["code"], key)
        assert all(u.startswith(("http://", "https://")) for u in d["sources"])
        assert d["severity"] in {"error", "warning", "info"}
        assert d["outcome"] in {"needs_changes", "not_eligible"}
        assert len(d["source_titles"]) == len(d["sources"])


def test_rules_table_names_every_code() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0, result.output
    for r in all_rules():
        assert r.code in result.stdout


def test_rule_prints_its_page() -> None:
    first = all_rules()[0]
    result = runner.invoke(app, ["rule", first.code.lower()])
    assert result.exit_code == 0, result.output
    assert result.stdout == rule_markdown(first)


def test_rule_by_name_as_json() -> None:
    first = all_rules()[0]
    result = runner.invoke(app, ["rule", first.name, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["code"] == first.code and data["why"] == first.why


def test_unknown_rule_exits_2_with_one_line() -> None:
    result = runner.invoke(app, ["rule", "XYZ999"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "XYZ999" in result.stderr


def test_help_has_examples() -> None:
    for command in ("rules", "rule"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout and f"consentry {command}" in result.stdout
