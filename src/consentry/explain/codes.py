"""Reviewer codes: what each means, whether a resubmission can fix it, and what it demands.

The data lives in code_data.py (a transcription of shared/reference/rules.md Appendix A); this
module holds its shape and the lookups. A code that is not in the catalogue is reported as
unknown: its meaning is never guessed from its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = ["CodeInfo", "all_codes", "get_code", "normalize_code", "unknown_code"]

# How sure the catalogue is of a code's wording (Appendix A status columns).
WORDING = ("published", "title only", "secondary", "summary", "unverified")
RESUBMIT = ("yes", "no", "unknown")


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One reviewer code (Twilio, DCA/TCR, AWS, ...), in plain words."""

    code: str  # as written in notices: "861", "30909", "OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP"
    family: str  # "DCA", "Twilio", "Twilio verification", "AWS", "Bandwidth", ...
    title: str  # the published wording where there is one
    meaning: str  # for a small-business owner
    resubmit: str  # "yes" | "no" | "unknown", as the reference documents it
    requirements: tuple[str, ...]  # requirement ids (requirements.py)
    wording: str = "published"
    includes: tuple[str, ...] = ()  # codes this one combines (861 = 806 + 611)
    known: bool = True

    @property
    def verified(self) -> bool:
        return self.known and self.wording != "unverified"

    @property
    def label(self) -> str:
        """'DCA 861', 'Twilio 30909', 'AWS OPT_IN_...': how rules cite it in carrier_codes."""
        return f"{self.family.split()[0]} {self.code}" if self.known else self.code

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "family": self.family if self.known else None,
            "title": self.title or None,
            "meaning": self.meaning,
            "resubmit": self.resubmit,
            "known": self.known,
            "verified": self.verified,
            "wording": self.wording if self.known else None,
        }


def normalize_code(raw: str) -> str:
    """'opt_in_workflow_missing ' -> 'OPT_IN_WORKFLOW_MISSING'; '0861' stays '0861' (never guessed)."""
    return re.sub(r"\s+", "", raw).upper()


@cache
def _catalogue() -> dict[str, CodeInfo]:
    from consentry.explain.code_data import CODES

    table: dict[str, CodeInfo] = {}
    for info in CODES:
        if info.code in table:
            raise ValueError(f"code {info.code} is listed twice")
        table[info.code] = info
    return table


def all_codes() -> tuple[CodeInfo, ...]:
    """Every known code, in catalogue order."""
    return tuple(_catalogue().values())


def get_code(raw: str) -> CodeInfo | None:
    """The catalogue entry for a code as written in a notice, or None."""
    return _catalogue().get(normalize_code(raw))


def unknown_code(raw: str) -> CodeInfo:
    """An entry for a code consentry does not know: reported, never interpreted."""
    return CodeInfo(
        code=normalize_code(raw),
        family="",
        title="",
        meaning=(
            "consentry does not know this code, so it does not guess what it means. Ask your "
            "provider for the reviewer's full explanation and paste that text here."
        ),
        resubmit="unknown",
        requirements=(),
        wording="",
        known=False,
    )
