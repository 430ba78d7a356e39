"""`consentry explain` on the command line: TEXT, FILE or stdin; text and JSON; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from consentry.cli.app import app
from tests.explain.notices import SEED_861, SEED_861_REQUIREMENTS

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "examples" / "seed-861" / "campaign.yaml")
CLEAN = str(ROOT / "examples" / "clean" / "campaign.yaml")


def _json(args: list[str], stdin: str | None = None) -> dict[str, object]:
    result = runner.invoke(app, ["explain", *args, "--format", "json"], input=stdin)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def _statuses(data: dict[str, object]) -> dict[str, str]:
    reqs = data["requirements"]
    assert isinstance(reqs, list)
    return {r["id"]: r["status"] for r in reqs}


def test_literal_text_file_and_stdin_give_the_same_answer(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(SEED_861, encoding="utf-8")
    from_file = _json([str(notice)])
    from_stdin = _json(["-"], stdin=SEED_861)
    from_text = _json([SEED_861])
    assert from_file == from_stdin == from_text
    assert from_file["codes"] == ["861"]
    assert set(_statuses(from_file)) == SEED_861_REQUIREMENTS
    assert set(_statuses(from_file).values()) == {"unknown"}


def test_no_argument_reads_standard_input() -> None:
    assert _json([], stdin="Error 30909")["codes"] == ["30909"]


def test_json_shape_is_contract_section_4() -> None:
    data = _json(["861"])
    assert data["schema_version"] == 1
    assert data["codes"] == ["861"]
    reqs = data["requirements"]
    assert isinstance(reqs, list) and reqs
    for req in reqs:
        assert isinstance(req["text"], str) and req["text"]
        assert isinstance(req["fields"], list) and all(
            f.startswith("campaign.") for f in req["fields"]
        )
        assert isinstance(req["rules"], list) and req["rules"]
        assert req["status"] == "unknown"
    assert "also_fix" in data and data["also_fix"] == []


def test_with_the_seed_campaign_the_861_demands_are_unmet() -> None:
    data = _json([SEED_861, "--campaign", SEED])
    assert _statuses(data) == dict.fromkeys(SEED_861_REQUIREMENTS, "unmet")
    also = data["also_fix"]
    assert isinstance(also, list) and also
    assert all(f["severity"] == "error" for f in also)


def test_with_the_fixed_campaign_they_are_met() -> None:
    data = _json([SEED_861, "--campaign", CLEAN])
    assert _statuses(data) == dict.fromkeys(SEED_861_REQUIREMENTS, "met")


def test_text_output_is_a_numbered_checklist_with_marks_fields_and_a_summary() -> None:
    result = runner.invoke(app, ["explain", SEED_861, "--campaign", SEED])
    assert result.exit_code == 0  # explain advises; `consentry lint` is the gate
    out = result.stdout
    assert "DCA 861" in out and "Campaign: CEFQQMK" in out
    assert out.count("✗") == len(SEED_861_REQUIREMENTS)
    for n in range(1, len(SEED_861_REQUIREMENTS) + 1):
        assert f"{n:>3}. ✗" in out
    assert "Form field: Opt-out message" in out and "Form field: Help message" in out
    assert "Also fix before resubmitting" in out
    assert (
        out.rstrip()
        .splitlines()[-1]
        .startswith(
            f"{len(SEED_861_REQUIREMENTS)} of {len(SEED_861_REQUIREMENTS)} requirements unmet"
        )
    )


def test_text_output_without_a_campaign_is_a_plain_checklist() -> None:
    out = runner.invoke(app, ["explain", "OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP"]).stdout
    assert "[ ]" in out and "✗" not in out and "✓" not in out
    assert "Reply HELP" in out and "Reply STOP" in out


def test_unknown_codes_are_reported_as_unknown() -> None:
    data = _json(["Error 30999"])
    assert data["codes"] == ["30999"]
    (detail,) = data["code_details"]  # type: ignore[misc]
    assert detail["known"] is False and detail["resubmit"] == "unknown"
    assert data["requirements"] == []
    out = runner.invoke(app, ["explain", "Error 30999"]).stdout
    assert "unknown code" in out and "No demands recognised" in out


def test_empty_input_exits_2_with_one_line() -> None:
    for args, stdin in ((["-"], ""), (["   "], None), ([], "\n\n")):
        result = runner.invoke(app, ["explain", *args], input=stdin)
        assert result.exit_code == 2, args
        assert len(result.stderr.strip().splitlines()) == 1
        assert "empty" in result.stderr
        assert "Traceback" not in result.output


def test_unusable_campaign_file_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "campaign.yaml"
    bad.write_text("schema_version: 1\nbrand: [unclosed\n", encoding="utf-8")
    for path in (str(bad), str(tmp_path / "missing.yaml")):
        result = runner.invoke(app, ["explain", "861", "--campaign", path])
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert path in result.stderr


def test_a_missing_notice_file_is_not_read_as_a_notice() -> None:
    result = runner.invoke(app, ["explain", "rejection-notice.txt"])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_a_folder_is_not_a_notice(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", str(tmp_path)])
    assert result.exit_code == 2 and "folder" in result.stderr


def test_a_long_literal_notice_is_read_as_text() -> None:
    notice = "Opt-out message must contain brand name. " * 200
    data = _json([notice])
    assert _statuses(data) == {"out.brand": "unknown"}


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["explain", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout and "--campaign" in result.stdout
