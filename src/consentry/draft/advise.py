"""The advisor: turns the owner's answers into the registration choices, and says why.

It picks the use case and sub-use cases, the TCR vertical and the content attributes; says in
plain words whether each way of collecting numbers needs an SMS checkbox; and stops early — before
any fee is paid — when carriers refuse the business or the answers cannot make a campaign that
passes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from consentry.draft.answers import Answers
from consentry.draft.vocab import (
    EXTRA_STEPS,
    INDUSTRY_VERTICALS,
    MESSAGE_KINDS_BY_ID,
    PROHIBITED,
    USE_CASE_ORDER,
    USE_CASE_WORDS,
)
from consentry.segments import count_segments

__all__ = ["Advice", "advise", "sms_spelling"]


@dataclass(frozen=True, slots=True)
class Advice:
    """What the drafter will register, why, and what the owner must know or do."""

    use_case: str
    sub_use_cases: tuple[str, ...]
    vertical: str
    age_gated: bool
    direct_lending: bool
    sms_name: str  # the brand as spelled in texts (GSM-7 when possible)
    contact_form_is_opt_in: bool  # the contact form gets the SMS checkbox
    why: tuple[str, ...]  # why this use case
    checkbox: tuple[str, ...]  # per way of collecting numbers: is a checkbox needed?
    extra_steps: tuple[str, ...]  # things to do before submitting
    notes: tuple[str, ...]
    stop: str | None = None  # set: do not register; the reason, in plain words

    def to_text(self) -> str:
        lines: list[str] = []
        if self.stop:
            return f"Stop: {self.stop}"
        subs = f" (sub-use cases: {', '.join(self.sub_use_cases)})" if self.sub_use_cases else ""
        lines.append(f"Use case: {self.use_case}{subs}")
        lines += [f"  - {w}" for w in self.why]
        lines.append("Checkbox:")
        lines += [f"  - {c}" for c in self.checkbox]
        if self.extra_steps:
            lines.append("Before you submit:")
            lines += [f"  - {s}" for s in self.extra_steps]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  - {n}" for n in self.notes]
        return "\n".join(lines)


def sms_spelling(name: str) -> str:
    """The name as texts spell it: unchanged when GSM-7 can send it, else without accents.

    One character outside GSM-7 (ó, ç, ’) turns a whole text into UCS-2, which holds 70
    characters a segment instead of 160.
    """
    name = name.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    if count_segments(name).encoding == "GSM-7":
        return name
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded if count_segments(folded).encoding == "GSM-7" else name


def _vertical(a: Answers) -> tuple[str, str | None]:
    if a.vertical:
        return a.vertical, None
    if a.entity_type == "GOVERNMENT":
        return "GOVERNMENT", None
    for text in (a.industry, a.what_you_do):
        for pattern, vertical in INDUSTRY_VERTICALS:
            if re.search(pattern, text, re.IGNORECASE):
                return vertical, None
    fallback = "NGO" if a.entity_type == "NON_PROFIT" else "PROFESSIONAL"
    return fallback, (
        f"Could not tell your TCR vertical from '{a.industry}'; chose {fallback}. "
        "Set business.vertical if another fits better."
    )


def _use_case(a: Answers, kinds: list[str]) -> tuple[str, tuple[str, ...], list[str]]:
    standard = [
        uc for uc in USE_CASE_ORDER if any(MESSAGE_KINDS_BY_ID[k].use_case == uc for k in kinds)
    ]
    why = []
    for k in kinds:
        kind = MESSAGE_KINDS_BY_ID[k]
        why.append(f"{kind.question}: {kind.use_case} ({USE_CASE_WORDS[kind.use_case]}).")
    if a.entity_type == "SOLE_PROPRIETOR":
        why.append(
            "A sole proprietor brand may only register the SOLE_PROPRIETOR use case: one "
            "campaign, one phone number, low volume."
        )
        return "SOLE_PROPRIETOR", (), why
    if "donations" in kinds:
        why.append(
            "Donation requests make this a CHARITY campaign (501(c)(3) charities only); "
            "the other kinds are listed as its sub-use cases."
        )
        return "CHARITY", tuple(standard), why
    if a.low_volume:
        why.append(
            "You send fewer than about 2,000 texts a day, so LOW_VOLUME (low-volume mixed) "
            "is the cheapest fit; it is capped at 75 texts a minute (AT&T) and 2,000 a day "
            "(T-Mobile)."
        )
        return "LOW_VOLUME", tuple(standard), why
    if len(standard) == 1:
        return standard[0], (), why
    why.append(
        f"You send {len(standard)} kinds of messages, so the campaign is MIXED with each as a "
        "sub-use case. MIXED costs more a month and has lower throughput; if you send fewer than "
        "about 2,000 texts a day, answer low_volume: yes for LOW_VOLUME."
    )
    return "MIXED", tuple(standard), why


def _checkbox(a: Answers, contact_opt_in: bool) -> list[str]:
    o, out = a.opt_in, []
    if o.web_forms:
        out.append(
            "Web form: needs an optional, unchecked SMS checkbox with the full disclosure next to "
            "it (opt-in-form.html). The phone field may be required; the checkbox may not."
        )
        if a.marketing:
            out.append(
                "Marketing needs its own, separate unchecked checkbox: agreeing to reminders "
                "never covers offers."
            )
    if a.contact_form_url and contact_opt_in:
        why = (
            "you send marketing, so reviewers expect the SMS checkbox on every form that takes a "
            "phone number"
            if a.marketing and not a.text_contact_form
            else "you want to text the numbers it collects"
        )
        out.append(
            f"Contact form ({a.contact_form_url}): gets the optional, unchecked SMS checkbox, "
            f"because {why}. Only people who tick it are texted."
        )
    elif a.contact_form_url:
        out.append(
            f"Contact form ({a.contact_form_url}): you only call people back from it, so it needs "
            "no SMS checkbox, and the call to action does not describe it as an opt-in. Never "
            "text numbers from it, and say on the form that the number is only used to call "
            "back. If you ever want to text them, the form needs the optional, unchecked SMS "
            "checkbox (answer contact_form.text_these_numbers: yes)."
        )
    if o.keyword:
        out.append(
            f"Keyword {o.keyword}: no checkbox; texting the keyword is the consent. Wherever the "
            "keyword is shown, print the disclosure next to it."
        )
    if o.text_first:
        out.append(
            "Texting you first: no checkbox; their first text is consent to your replies only. "
            "Do not start other messages to these numbers."
        )
    if o.phone_call:
        out.append(
            "Phone calls: no checkbox; staff read the script word for word and text only callers "
            "who say yes. A confirmation text follows."
        )
    if o.paper_form:
        out.append(
            "Paper form: needs its own SMS box the person ticks (not pre-ticked), with the "
            "disclosure printed next to it."
        )
    if o.app:
        out.append(
            "App: an unticked SMS setting or checkbox with the disclosure next to it; it must not "
            "be on by default."
        )
    return out


def _stop(a: Answers, vertical: str, kinds: list[str]) -> str | None:
    about = f"{a.name} {a.industry} {a.what_you_do}"
    for gate in PROHIBITED:
        if gate.pattern.search(about):
            return (
                f"Carriers do not accept {gate.name}. {gate.reason} Registering would cost the "
                "fees and be refused; consentry wrote nothing."
            )
    if vertical == "POLITICAL":
        return (
            "Political texting registers under the POLITICAL use case and needs a Campaign "
            "Verify token first (campaignverify.org). Get the token, then register with your "
            "provider's political campaign form; consentry does not draft political campaigns."
        )
    if "donations" in kinds and a.entity_type != "NON_PROFIT":
        return (
            "Only registered 501(c)(3) charities may ask for donations by text (the CHARITY use "
            "case). Remove donations from your messages, or register as the non-profit."
        )
    outbound = [
        MESSAGE_KINDS_BY_ID[k].question.lower() for k in kinds if MESSAGE_KINDS_BY_ID[k].outbound
    ]
    if outbound and a.opt_in.methods == ("text_first",):
        return (
            f"You send {', '.join(outbound)}: texts you start. A person texting you first only "
            "lets you reply to them. Add another way to opt in (a web form with an SMS checkbox, "
            "a keyword, a paper form, a phone script) or send only replies."
        )
    methods = set(a.opt_in.methods)
    written = {"web_form", "keyword", "paper_form", "app"} & methods or a.contact_form_url
    if a.marketing and not written:
        return (
            "Marketing texts need written consent: a separate unchecked checkbox on a web or paper "
            "form, a keyword people text, or an app setting. Texting you first or saying yes on a "
            "call does not cover offers. Add one of those, or drop marketing."
        )
    started = [k for k in kinds if k not in ("marketing_offers", "replies")]
    if "phone_call" in methods and not started:
        return (
            "A yes on a phone call can only cover reminders and notices, not marketing, and you "
            "send neither. Remove phone_call, or add the messages it is for."
        )
    sign_ups = methods - {"text_first"}
    if a.contact_form_url and a.text_contact_form:
        sign_ups.add("the contact form's SMS box")
    if sign_ups and kinds == ["replies"]:
        ways = ", ".join(sorted(sign_ups))
        return (
            f"You only reply to people who text you first, so there is nothing to sign up for "
            f"with {ways}. Remove it, or add the messages it signs people up for."
        )
    return None


def advise(a: Answers) -> Advice:
    vertical, vertical_note = _vertical(a)
    kinds = list(a.messages)
    use_case, subs, why = _use_case(a, kinds)
    about = f"{a.industry} {a.what_you_do}"
    flags = {"age_gated": a.age_gated, "direct_lending": a.direct_lending}
    steps: list[str] = []
    for gate, flag in EXTRA_STEPS:
        if flags[flag] is None:
            flags[flag] = bool(gate.pattern.search(about))
        if flags[flag]:
            steps.append(gate.reason)
    if "donations" in kinds:
        steps.append(
            "CHARITY is for 501(c)(3) organisations (not churches registering as such): have "
            "your IRS determination letter ready, and every opt-in says 'Donations may be "
            "solicited'."
        )
    if a.entity_type == "PUBLIC_PROFIT":
        steps.append(
            "Public companies must pass TCR's Authentication+ check: a verification email goes "
            "to a business contact on your own domain and must be answered within 7 days."
        )
    if a.entity_type == "SOLE_PROPRIETOR":
        steps.append(
            "Sole proprietor brands verify a mobile number by text (OTP) and may use one phone "
            "number for one campaign."
        )
    if a.opt_in.web_forms or a.contact_form_url:
        steps.append(
            "Publish the pages in site/ (or paste the form and policy sections into your own "
            "pages) before you submit: reviewers open every URL in the call to action."
        )
    contact_opt_in = bool(a.contact_form_url) and (a.text_contact_form or a.marketing)
    notes: list[str] = [vertical_note] if vertical_note else []
    sms_name = sms_spelling(a.name)
    if sms_name != a.name:
        notes.append(
            f"'{a.name}' has letters texts can only send as UCS-2 (70 characters a segment); "
            f"texts spell it '{sms_name}'."
        )
    elif count_segments(sms_name).encoding != "GSM-7":
        notes.append(
            f"'{a.name}' has characters outside GSM-7, so every text is UCS-2 (70 characters a "
            "segment) and costs more."
        )
    site_domain = a.website.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")
    if not a.email.lower().endswith("@" + site_domain.lower()) and not a.email.lower().endswith(
        "." + site_domain.lower()
    ):
        notes.append(
            f"Your support email ({a.email}) is not on your website's domain ({site_domain}); "
            "reviewers prefer it is."
        )
    return Advice(
        use_case=use_case,
        sub_use_cases=subs,
        vertical=vertical,
        age_gated=bool(flags["age_gated"]),
        direct_lending=bool(flags["direct_lending"]),
        sms_name=sms_name,
        contact_form_is_opt_in=contact_opt_in,
        why=tuple(why),
        checkbox=tuple(_checkbox(a, contact_opt_in)),
        extra_steps=tuple(steps),
        notes=tuple(notes),
        stop=_stop(a, vertical, kinds),
    )
