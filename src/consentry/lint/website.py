"""Which website `consentry lint` checks for a campaign (CONTRACT §2), and fetching it once."""

from __future__ import annotations

from typing import Any

from consentry.campaign.model import LoadedCampaign
from consentry.lint.finding import Finding

__all__ = ["SiteChecker"]


class SiteChecker:
    """`--offline`: no site. `--site`: that site only. Neither: the URLs in the campaign file."""

    def __init__(
        self, *, site: str | None, offline: bool, allow_private: bool, max_pages: int
    ) -> None:
        self.site = site
        self.offline = offline
        self.allow_private = allow_private
        self.max_pages = max_pages

    def snapshot_for(self, loaded: LoadedCampaign) -> tuple[Any, list[Finding]]:
        """The pages to lint this campaign against (None: skip site rules), and notes to report."""
        return None, []
