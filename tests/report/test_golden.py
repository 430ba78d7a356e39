"""Every renderer against a golden file built from the fixed results in `fixtures.py`.

After an intended change, regenerate with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/report` and
review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import consentry
from consentry.lint.finding import LintResult
from consentry.report import render_github, render_json, render_sarif, render_text
from tests.report.fixtures import RULES, results

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

Renderer = Callable[[list[LintResult]], str]

RENDERERS: dict[str, Renderer] = {
    "report.json": render_json,
    # lookup=False: the stand-in rule ZZZ900 must not depend on the live catalogue.
    "report.sarif": lambda rs: render_sarif(rs, RULES, lookup=False),
    "report.github.txt": render_github,
    "report.txt": lambda rs: render_text(rs, color=False),
}


@pytest.fixture(autouse=True)
def fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    # Goldens must not change with each release.
    monkeypatch.setattr(consentry, "__version__", "0.0.0-test")


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_matches_golden(name: str) -> None:
    rendered = RENDERERS[name](results())
    path = GOLDEN / name
    if UPDATE:
        path.write_text(rendered, encoding="utf-8")
    assert path.is_file(), f"{path} is missing; run UPDATE_GOLDEN=1 pytest tests/report"
    expected = path.read_text(encoding="utf-8")
    assert rendered == expected, (
        f"{name} differs from {path}; if the change is intended, run "
        "UPDATE_GOLDEN=1 .venv/bin/pytest tests/report and review the diff"
    )


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_empty_results_render(name: str) -> None:
    assert isinstance(RENDERERS[name]([]), str)
