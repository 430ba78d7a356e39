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
        "calibration gap: 86.8% on this corpus (174 files); seventeen held-out sets scored 74/112 "
        "(66%) before the rules were adjusted to them. strict: this XPASSes once the corpus "
        "reaches 90%, and the mark must then go."
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


# Refused campaigns the linter lets through, each with the reason it cannot see. The list must
# match exactly: a new miss is a regression, and a fixed one must be taken off.
KNOWN_MISSES = {
    # Twilio 30886 on the description alone; the approved resubmission's description differs in
    # wording and emphasis (it names the LLC and leads with sender and purpose), not in anything a
    # rule can check without also failing approved descriptions.
    "rejected/djp-athlete-yortago-mixed-before-30886.yaml",
    # 30882/30917: the reviewer read "leads" as lead generation and found a second opt-in path
    # ("through our CRM") under-described. Its consent also bundles calls and texts, which CTA029
    # reports as a warning only: a judged filing with the same bundling was approved.
    "rejected/ryan-realty-30882-30917-leads-two-methods.yaml",
    # A CSP's "failed example" whose stated reason is cut off in the stored page: its first sample
    # does not name the brand, which SMP004 reports as a warning (Twilio asks for the brand in at
    # least one sample, SMP003; reviewers differ on every sample).
    "rejected/swivelcrm-failed-sample-upcoming-event-no-sender.yaml",
    # 30923: consent "a required condition" of taking part in a study. The filed text ("the
    # submission is refused unless it arrives checked", "no other route to opting in exists")
    # matches the approved resubmission's SMS-only page too; what changed was that the study could
    # be done without texts, which the flow does not say either way.
    "rejected/child-mind-institute-30896-30923-sms-only-route.yaml",
    # 30909 on a keyword flow that is complete in its text (START after reading a public /sms/
    # page, the confirmation quoted). The owner's list of causes is about how guests find the
    # page, carrier-reserved keywords, an undisclosed organizer path and "SimplySoph" vs "Simply
    # Soph Media": none is in the filed text. It used to be caught only because the page link was
    # misread as a web form.
    "rejected/simplysoph-30909-keyword-only-flow.yaml",
    # Twilio 30886 on the description ("existing and prospective customers" in a CUSTOMER_CARE
    # campaign). It used to be caught by its confirmation, Twilio's built-in START reply, which
    # the approved resubmission carried too.
    "rejected/tuned-yota-30886-customer-care-prospective-customers.yaml",
    # DCA 710 "Reseller / Non-compliant KYC": a booking platform registered as the sender for the
    # barbershops that use it. Judged Twilio filings of the same shape ("sends SMS on behalf of
    # independent medical spas to their patients") were approved, so no rule can tell them apart.
    "rejected/vuriumbook-telnyx-ckaoxow-710-platform-sender-many-shops.yaml",
    # 30882 because the privacy and communications-terms pages were the site's broad general ones;
    # the approved resubmission only swapped in SMS-specific pages. Only the pages show it
    # (`consentry scan`).
    "rejected/crystal-sells-toledo-30882-broad-privacy-and-communications-terms.yaml",
    # 30927: "Winning Mind LLC" registered where the IRS record says "Winning Mind, LLC". Only the
    # EIN record can show a comma missing.
    "rejected/forbetra-30927-brand-name-comma-mismatch.yaml",
    # 30909 three times: an opt-in in a logged-in client dashboard, documented on a public page
    # with a screenshot and the exact disclosure. Judged filings with the same kind of proof page
    # were approved (see approved/levohq-*, approved/stemfra-*); what the reviewer could not
    # verify is not in the text.
    "rejected/acadiana-web-design-30909-portal-optin-public-explainer.yaml",
}


def test_every_rejected_and_not_eligible_campaign_is_caught() -> None:
    # Calibration may only move approved campaigns towards `ready`: a change that lets a campaign
    # reviewers refused through is a regression, whatever it does to the agreement rate.
    report = _report()
    missed = {
        f"{r.path.parent.name}/{r.path.name}"
        for r in report.judge_all()
        if r.folder != "approved" and not r.agrees
    }
    assert missed == KNOWN_MISSES


def test_calibrated_rules_keep_their_reviewer_codes() -> None:
    # HELP in the call to action is a warning (CSPs publish consent templates without it as
    # compliant), but it still names the codes reviewers use when they do ask for it.
    from consentry.lint import get_rule
    from consentry.lint.rule import Severity

    help_in_cta = get_rule("CTA007")
    assert help_in_cta is not None
    assert help_in_cta.severity is Severity.WARNING
    assert {"Twilio 30570", "DCA 806"} <= set(help_in_cta.carrier_codes)
