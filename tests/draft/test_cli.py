"""`consentry draft` end to end through the CLI: example answers in, a clean lint out; bad
answers exit 2 with one line; a refused business exits 1 and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import consentry.cli.draft as draft_cli
from consentry.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "answers"
EXPECTED = {
    "campaign.yaml",
    "privacy-sms.md",
    "privacy-sms.html",
    "sms-terms.md",
    "sms-terms.html",
    "opt-in-form.html",
    "replies.txt",
    "SUBMIT.md",
    "site/index.html",
    "site/privacy.html",
    "site/sms-terms.html",
}


def _lint(out: Path) -> dict[str, int]:
    result = runner.invoke(
        app, ["lint", str(out / "campaign.yaml"), "--site", str(out / "site"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    counts: dict[str, int] = json.loads(result.stdout)["results"][0]["counts"]
    return counts


def test_example_answers_draft_a_campaign_that_lints_clean(tmp_path: Path) -> None:
    example = runner.invoke(app, ["draft", "--example-answers"])
    assert example.exit_code == 0
    answers = tmp_path / "a.yaml"
    answers.write_text(example.stdout, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written >= EXPECTED
    assert _lint(out)["error"] == 0
    assert "consentry lint" in result.stdout  # tells the owner what to run next


@pytest.mark.parametrize(
    "name", ["cedar-grove-property-management", "bluebird-kitchen", "ledgerly-2fa"]
)
def test_bundled_answers_lint_without_errors(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = runner.invoke(
        app, ["draft", "--answers", str(EXAMPLES / f"{name}.yaml"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert _lint(out)["error"] == 0


def test_the_drafted_site_scans_without_errors(tmp_path: Path) -> None:
    out = tmp_path / "out"
    answers = EXAMPLES / "bluebird-kitchen.yaml"
    assert (
        runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(out)]).exit_code == 0
    )
    scan = runner.invoke(app, ["scan", str(out / "site"), "--format", "json"])
    assert scan.exit_code == 0, scan.output
    assert json.loads(scan.stdout)["results"][0]["counts"]["error"] == 0


BAD = [
    ("business:\n  name: Acme\n  nmae: x\n", 3, "business.nmae", "unknown key"),
    ("business: [1, 2]\n", 1, "business", "expected indented keys"),
    ("business:\n  ein: '12-3'\n", 2, "business.ein", "9 digits"),
    ("recipients: customers\nmessages: [reminders]\n", 2, "messages", "use one of"),
    ("business:\n  name: Acme\n  email: someone@gmail\n", 3, "business.email", "not an email"),
    ("frequency: often\n", 1, "frequency", "varies"),
    ("opt_in:\n  keyword: STOP\n", 2, "opt_in.keyword", "reserved"),
    ("business: {name: Acme\n", 2, None, "not valid YAML"),
]


@pytest.mark.parametrize(("text", "line", "key", "words"), BAD)
def test_bad_answers_exit_2_with_one_line(
    tmp_path: Path, text: str, line: int, key: str | None, words: str
) -> None:
    answers = tmp_path / "bad.yaml"
    answers.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(out)])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in result.output
    expected = f"{answers}:{line}: {key}: " if key else f"{answers}:{line}: "
    assert message.startswith(expected), message
    assert words in message
    assert not out.exists()


def test_a_required_answer_that_is_missing_names_its_section(tmp_path: Path) -> None:
    example = runner.invoke(app, ["draft", "--example-answers"]).stdout
    answers = tmp_path / "a.yaml"
    answers.write_text(example.replace("  website: https://www.riversidebikeworks.com\n", ""))
    result = runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"{answers}:4: business.website: this answer is required" == result.stderr.strip()


def test_a_refused_business_stops_with_the_reason_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    answers = EXAMPLES / "green-leaf-dispensary.yaml"
    result = runner.invoke(app, ["draft", "--answers", str(answers), "--out", str(out)])
    assert result.exit_code == 1
    assert "cannabis" in result.stderr and "nothing written" in result.stderr
    assert not out.exists()


def test_without_answers_or_a_terminal_it_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", "--out", str(tmp_path / "out")], input="")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "--answers" in result.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    for args in (["draft"], ["draft", "--example-answers", "--out", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert result.stderr.strip().count("\n") == 0


def test_interactive_questions_write_the_draft_and_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(draft_cli, "_can_ask", lambda: True)
    lines = [
        "Maple Street Dental",  # name
        "",  # legal name: default is the name...
        "",  # private company
        "12-34567",  # a bad EIN is asked again
        "84-1234567",
        "dental clinic",
        "care for teeth in Austin",
        "https://www.maplestreetdental.com",
        "frontdesk@maplestreetdental.com",
        "(512) 447-0198",
        "",  # texting number: the same
        "2104 Maple Street",
        "Austin",
        "TX",
        "78704",
        "patients",
        "1",  # appointment reminders
        "n",  # no marketing
        "",  # frequency varies
        "y",  # low volume
        "https://www.maplestreetdental.com/book",
        "",  # no keyword
        "n",  # text first
        "n",  # phone
        "n",  # paper
        "n",  # app
        "",  # no contact form
    ]
    out = tmp_path / "out"
    result = runner.invoke(app, ["draft", "--out", str(out)], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "an EIN is 9 digits" in result.stdout
    assert _lint(out)["error"] == 0
    again = runner.invoke(
        app, ["draft", "--answers", str(out / "answers.yaml"), "--out", str(tmp_path / "again")]
    )
    assert again.exit_code == 0, again.output
    assert (tmp_path / "again" / "campaign.yaml").read_text() == (
        out / "campaign.yaml"
    ).read_text().replace("<terminal>", str(out / "answers.yaml"))
