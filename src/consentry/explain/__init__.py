"""Explain a rejection: a reviewer's notice as a checked, plain-language to-do list.

`explain(notice_text, campaign=load_campaign(path))` returns an `Explanation`; its `to_json()` is
CONTRACT §4 and its `to_text()` the owner's to-do list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from consentry.campaign.model import LoadedCampaign
from consentry.explain.check import CheckedRequirement, check_requirements
from consentry.explain.codes import CodeInfo, all_codes, get_code
from consentry.explain.parse import FoundCode, Notice, parse_notice
from consentry.explain.requirements import REQUIREMENTS, Requirement
from consentry.lint import Finding

__all__ = [
    "REQUIREMENTS",
    "CheckedRequirement",
    "CodeInfo",
    "Explanation",
    "FoundCode",
    "Notice",
    "Requirement",
    "all_codes",
    "explain",
    "get_code",
    "parse_notice",
]

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Explanation:
    """A parsed notice, its requirements (checked when a campaign was given) and other errors."""

    notice: Notice
    items: tuple[CheckedRequirement, ...]
    also_fix: tuple[Finding, ...]
    campaign: str | None

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    def to_dict(self) -> dict[str, Any]:
        """CONTRACT §4, plus the keys it allows adding."""
        ids = self.notice.campaign_ids
        return {
            "schema_version": SCHEMA_VERSION,
            "codes": [f.info.code for f in self.notice.codes],
            "requirements": [item.to_dict() for item in self.items],
            "campaign_id": ids[0] if ids else None,
            "campaign_ids": list(ids),
            "code_details": [
                {**f.info.to_dict(), "found_by": f.how, "requirements": list(f.info.requirements)}
                for f in self.notice.codes
            ],
            "campaign": self.campaign,
            "summary": {
                "requirements": len(self.items),
                "met": self.count("met"),
                "unmet": self.count("unmet"),
                "unknown": self.count("unknown"),
                "also_fix": len(self.also_fix),
            },
            "also_fix": [f.to_dict() for f in self.also_fix],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        from consentry.explain.render import render_text

        return render_text(self)


def explain(text: str, campaign: LoadedCampaign | None = None) -> Explanation:
    """Parse a notice and, when a campaign is given, say which of its demands the file meets."""
    notice = parse_notice(text)
    items, also_fix = check_requirements(notice, campaign)
    return Explanation(notice, items, also_fix, campaign.source if campaign is not None else None)
