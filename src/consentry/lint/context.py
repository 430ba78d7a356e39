"""What a rule may look at: the loaded campaign, the website pages, and cached text analysis."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from consentry import phrases
from consentry.campaign.model import Brand, CampaignSpec, LoadedCampaign
from consentry.lint.flow import FlowAnalysis, analyse_flow
from consentry.lint.usecase import ContentProfile, profile_content

if TYPE_CHECKING:
    from consentry.lint.site_view import SiteView
    from consentry.phrases import Match

__all__ = ["LintContext"]

Detector = Callable[[str], "Match | None"]


class LintContext:
    """Pure data for rules. Analysis that several rules share is computed once, lazily."""

    def __init__(self, loaded: LoadedCampaign, site: Any = None) -> None:
        self.loaded = loaded
        self.site = site  # a consentry.site SiteSnapshot, or None when the site is not checked
        self._found: dict[tuple[Detector, str], Match | None] = {}
        self.memo: dict[str, object] = {}  # analysis shared by rules of one family
        self._brand_found: dict[str, bool] = {}
        self._texts: dict[str, str] = {}

    @property
    def brand(self) -> Brand:
        return self.loaded.campaign.brand

    @property
    def spec(self) -> CampaignSpec:
        return self.loaded.campaign.campaign

    def text(self, path: str) -> str:
        found = self._texts.get(path)
        if found is None:
            found = self._texts[path] = self.loaded.campaign.text(path)
        return found

    def present(self, path: str) -> bool:
        return bool(self.text(path).strip())

    def find(self, detector: Detector, text: str) -> Match | None:
        """Run a phrase detector, memoised per text (rules often ask the same question)."""
        key = (detector, text)
        if key not in self._found:
            self._found[key] = detector(text)
        return self._found[key]

    @cached_property
    def aliases(self) -> tuple[str, ...]:
        b = self.brand
        return phrases.brand_aliases(b.display_name, b.legal_name, b.website)

    @cached_property
    def short_names(self) -> tuple[str, ...]:
        """A short form of the name that the registration itself uses ("texts from Maza")."""
        b = self.brand
        return phrases.short_names(
            (b.display_name, b.legal_name), (self.spec.description, self.spec.message_flow)
        )

    def names_brand(self, text: str) -> bool:
        if not self.aliases:
            return False
        found = self._brand_found.get(text)
        if found is None:
            found = self._brand_found[text] = phrases.mentions_brand(text, self.aliases) or (
                bool(self.short_names) and phrases.mentions_brand(text, self.short_names)
            )
        return found

    @cached_property
    def brand_name(self) -> str:
        """The name to quote back to the owner in messages."""
        return (self.brand.display_name or self.brand.legal_name or "your business").strip()

    @cached_property
    def use_cases(self) -> frozenset[str]:
        cases = {(self.spec.use_case or "").strip().upper()}
        cases.update(s.strip().upper() for s in self.spec.sub_use_cases)
        cases.discard("")
        return frozenset(cases)

    @cached_property
    def is_marketing(self) -> bool:
        return "MARKETING" in self.use_cases

    @cached_property
    def codes_on_request(self) -> bool:
        """A 2FA-only campaign whose flow is the person asking for a code: each message answers a
        request, and asking for a code is the consent (AWS: a new OTP request is a new opt-in)."""
        return self.use_cases == {"2FA"} and self.flow.requests_code

    @cached_property
    def flow(self) -> FlowAnalysis:
        return analyse_flow(self.text("campaign.message_flow"))

    @cached_property
    def site_view(self) -> SiteView | None:
        """The website, when it was fetched (site rules are only run then)."""
        if self.site is None:
            return None
        from consentry.lint.site_view import SiteView

        return SiteView(self.site, self.loaded)

    @cached_property
    def content(self) -> ContentProfile:
        return profile_content(self.spec.sample_messages)

    @cached_property
    def all_text(self) -> str:
        """Everything a reviewer reads in the registration, for content screening."""
        s = self.spec
        parts = [s.description, s.message_flow, *s.sample_messages, s.opt_in_message]
        return "\n".join(p for p in parts if p)
