"""Calibration: the default rules against campaigns whose outcome reviewers decided.

The corpus (tests/fixtures/judged/, one folder per outcome) is built from public sources; each file's header
says where it comes from and which fields are verbatim. Run `pytest -s` or scripts/judged_report.py to see the
disagreements.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "judged_report.py"


def _report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("judged_report", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("judged_report", module)
    spec.loader.exec_module(module)
    return module


def test_corpus_is_present_and_balanced() -> None:
    report = _report()
    files = report.corpus_files()
    folders = {p.parent.name for p in files}
    assert len(files) >= 40
    assert folders == {"approved", "rejected", "not_eligible"}


@pytest.mark.xfail(
    strict=True,
    reason=(
        "calibration gap: about 83% agreement on this proxy corpus; the remaining approved "
        "examples lack frequency or rates in the call to action, brand names in replies, or "
        "call a phone number consent. strict: this starts failing (XPASS) once the linter "
        "reaches 90%, so the mark gets removed then."
    ),
)
def test_agreement_with_reviewers_is_at_least_90_percent() -> None:
    report = _report()
    results = report.judge_all()
    print()
    print(report.render(results))
    assert report.agreement(results) >= 0.9


def test_no_approved_campaign_is_called_not_eligible() -> None:
    report = _report()
    results = [r for r in report.judge_all() if r.folder == "approved"]
    wrong = [
        f"{r.path.name}: {[e[0] for e in r.errors]}" for r in results if r.verdict == "not_eligible"
    ]
    assert not wrong, wrong


def test_every_rejected_and_not_eligible_campaign_is_caught() -> None:
    # Calibration may only move approved campaigns towards `ready`: a change that lets a campaign
    # reviewers refused through is a regression, whatever it does to the agreement rate.
    report = _report()
    missed = [
        f"{r.path.parent.name}/{r.path.name}: {r.verdict}"
        for r in report.judge_all()
        if r.folder != "approved" and not r.agrees
    ]
    assert not missed, missed


def test_calibrated_rules_keep_their_reviewer_codes() -> None:
    # HELP in the call to action is a warning (CSPs publish consent templates without it as
    # compliant), but it still names the codes reviewers use when they do ask for it.
    from consentry.lint import get_rule
    from consentry.lint.rule import Severity

    help_in_cta = get_rule("CTA007")
    assert help_in_cta is not None
    assert help_in_cta.severity is Severity.WARNING
    assert {"Twilio 30570", "DCA 806"} <= set(help_in_cta.carrier_codes)
