"""Bad input anywhere on the command line: one line on stderr, exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from consentry.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
CLEAN = str(ROOT / "examples" / "clean" / "campaign.yaml")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["lint", "no-such-file.yaml"], "cannot read"),
        (["lint", CLEAN, "--site", "/no/such/folder"], "no such folder"),
        (["lint", CLEAN, "--site", CLEAN], "is a file"),
        (["lint", CLEAN, "--select", "ZZZ"], "no rule matches"),
        (["explain", ""], "the notice is empty"),
        (["scan", "ftp://example.com"], "not a web address"),
        (["rule", "NOPE123"], "no rule"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], words: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output
