"""Text an owner can follow: what the reviewer meant, what to change, and where it goes."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from consentry.explain.requirements import where_of
from consentry.lint import Finding

if TYPE_CHECKING:
    from consentry.explain import Explanation
    from consentry.explain.check import CheckedRequirement
    from consentry.explain.parse import FoundCode

__all__ = ["render_text"]

WIDTH = 100
MARK = {"met": "✓", "unmet": "✗", "unknown": "?"}
_RESUBMIT = {
    "yes": "Yes, once the items below are fixed.",
    "no": "No: carriers do not accept this; a new submission will be refused again.",
    "unknown": "Not documented; ask your provider before paying for another review.",
}


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _where(f: Finding) -> str:
    loc = f.location
    if loc.url:
        return loc.url
    return f"{loc.source}:{loc.line}" if loc.line else loc.source


def _code_lines(found: FoundCode) -> list[str]:
    info = found.info
    if not info.known:
        return [f"  {info.code}: unknown code", *_wrap(info.meaning, "      ")]
    head = f"{info.label}: {info.title}" if len(info.title) <= 160 else info.label
    lines = _wrap(head, "      ", "  ")
    lines += _wrap("What it means: " + info.meaning, "      ")
    if not info.verified:
        lines += _wrap(
            "Unverified code: its meaning comes from a single unconfirmed source.", "      "
        )
    lines += _wrap("Can you resubmit? " + _RESUBMIT[info.resubmit], "      ")
    return lines


def _item_lines(n: int, item: CheckedRequirement, checked: bool) -> list[str]:
    req = item.requirement
    box = MARK[item.status] if checked else "[ ]"
    first = f"{n:>3}. {box} "
    pad = " " * len(first)
    lines = _wrap(req.text, pad, first)
    on_form = any(f != "site" for f in req.fields)
    lines += _wrap(("Form field: " if on_form else "Where: ") + where_of(req), pad)
    if checked and item.status == "met":
        return lines
    if item.why and item.status != "met":
        lines += _wrap("Why: " + item.why, pad)
    for f in item.findings[:3]:
        lines += _wrap(f"Problem: {f.message} ({_where(f)}, {f.code})", pad)
    if len(item.findings) > 3:
        lines += _wrap(f"... and {len(item.findings) - 3} more of the same kind.", pad)
    lines += _wrap("Fix: " + req.fix, pad)
    if item.note:
        lines += _wrap("Note: " + item.note, pad)
    return lines


def _summary(expl: Explanation) -> str:
    total = len(expl.items)
    if expl.campaign is None:
        return (
            f"{total} requirement{'s' if total != 1 else ''} to check. Run again with "
            "--campaign FILE and consentry checks them against your campaign file."
        )
    unmet, unknown = expl.count("unmet"), expl.count("unknown")
    extra = len(expl.also_fix)
    if unmet:
        text = f"{unmet} of {total} requirements unmet; fix them before you pay to resubmit."
    elif unknown:
        text = (
            f"{total - unknown} of {total} requirements met; check the {unknown} marked ? by hand."
        )
    else:
        text = f"All {total} requirements met."
    if extra:
        text += f" Also fix the {extra} other error{'s' if extra != 1 else ''} listed above."
    return text


def render_text(expl: Explanation) -> str:
    lines: list[str] = []
    notice = expl.notice
    if notice.codes:
        lines.append("Reviewer codes")
        for found in notice.codes:
            lines += _code_lines(found)
    if notice.campaign_ids:
        lines.append("Campaign: " + ", ".join(notice.campaign_ids))
    if not expl.items:
        if lines:
            lines.append("")
        lines += _wrap(
            "No demands recognised in this text. Paste the reviewer's full explanation (the text "
            "after 'Explanation:' or 'Reason:'), or the codes they gave.",
            "",
        )
        return "\n".join(lines) + "\n"
    checked = expl.campaign is not None
    if lines:
        lines.append("")
    where = f", checked against {expl.campaign}" if checked else ""
    lines.append(f"What the reviewer asks for ({len(expl.items)} items{where}):")
    lines.append("")
    for n, item in enumerate(expl.items, 1):
        lines += _item_lines(n, item, checked)
    if expl.also_fix:
        lines += [
            "",
            "Also fix before resubmitting (the reviewer did not mention these yet, but will reject them):",
        ]
        for f in expl.also_fix:
            lines += _wrap(f"{f.message} ({_where(f)}, {f.code})", "      ", "  - ")
            lines += _wrap("Fix: " + f.fix, "      ")
    not_eligible = [f.info.label for f in notice.codes if f.info.resubmit == "no"]
    if not_eligible:
        careful = (
            f"Careful: {', '.join(not_eligible)} usually means the business or content is not "
            "eligible; fixing the form alone will not get it approved."
        )
        lines += ["", *_wrap(careful, "")]
    lines += ["", _summary(expl)]
    return "\n".join(lines) + "\n"
