"""How a ledger behaves for one brand: replies, keywords, scope, quiet hours, limits.

`LedgerConfig.from_campaign` builds it from a campaign file (CONTRACT §1), whether loaded by
`consentry.campaign.load_campaign` or read as a plain mapping, so the replies the service sends are
the ones the carriers approved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from consentry.ledger.keywords import DEFAULT_KEYWORDS, KeywordSets
from consentry.ledger.quiet_hours import QuietHours
from consentry.ledger.state import Scope

__all__ = ["LedgerConfig", "Replies"]


DEFAULT_BRAND_NAME = "Our text program"


@dataclass(frozen=True, slots=True)
class Replies:
    """The three required auto-replies; a missing one falls back to a compliant default."""

    brand_name: str = DEFAULT_BRAND_NAME
    opt_in: str | None = None
    opt_out: str | None = None
    help: str | None = None
    contact: str | None = None  # email or phone for the HELP default

    def opt_in_text(self) -> str:
        return self.opt_in or (
            f"{self.brand_name}: You are subscribed to texts. Msg frequency varies. "
            "Msg & data rates may apply. Reply HELP for help, STOP to opt out."
        )

    def opt_out_text(self) -> str:
        # R117: the one confirmation only confirms; nothing promotional.
        return self.opt_out or (
            f"{self.brand_name}: You are unsubscribed and will receive no more messages. "
            "Reply START to resubscribe."
        )

    def help_text(self) -> str:
        if self.help:
            return self.help
        reach = f"contact {self.contact}" if self.contact else "reply to this message"
        return (
            f"{self.brand_name}: For help, {reach}. Msg & data rates may apply. "
            "Reply STOP to opt out."
        )


@dataclass(frozen=True, slots=True)
class LedgerConfig:
    brand: str = "default"  # the brand id events are stored under
    campaign: str | None = None  # default campaign id for events that name none
    replies: Replies = field(default_factory=Replies)
    keywords: KeywordSets = DEFAULT_KEYWORDS
    # The call to action a keyword opt-in answers ("Text JOIN to ... Msg & data rates may
    # apply..."): recorded as the disclosure of keyword opt-ins, which makes them written consent.
    keyword_disclosure: str | None = None
    scope: Scope = "brand"  # an opt-out covers the whole brand unless "campaign"
    quiet_hours: QuietHours = field(default_factory=QuietHours)
    # Informational texts may answer a conversation the person started within this window.
    conversation_window: timedelta = timedelta(days=7)
    reply_limit: int = 5  # automatic replies per number per window: no loops between bots
    reply_window: timedelta = timedelta(hours=1)
    review_business_days: int = 10  # R116: honour a revocation within 10 business days
    max_clock_skew: timedelta = timedelta(minutes=5)  # how far in the future occurred_at may be

    @classmethod
    def from_campaign(
        cls,
        source: object,
        *,
        brand: str = "default",
        campaign: str | None = None,
        **overrides: Any,
    ) -> LedgerConfig:
        """From a `Campaign`, `LoadedCampaign` or the mapping a YAML/JSON campaign file holds."""
        if _get(source, "campaign", "campaign") is not None:
            source = _get(source, "campaign")  # a LoadedCampaign wraps a Campaign
        brand_part = _get(source, "brand")
        camp = _get(source, "campaign")
        name = _text(_get(brand_part, "display_name")) or _text(_get(brand_part, "legal_name"))
        contact = _text(_get(brand_part, "email")) or _text(_get(brand_part, "phone"))
        replies = Replies(
            brand_name=name or DEFAULT_BRAND_NAME,
            opt_in=_text(_get(camp, "opt_in_message")),
            opt_out=_text(_get(camp, "opt_out_message")),
            help=_text(_get(camp, "help_message")),
            contact=contact,
        )
        keywords = DEFAULT_KEYWORDS.with_campaign(
            opt_out=_words(_get(camp, "opt_out_keywords")),
            opt_in=_words(_get(camp, "opt_in_keywords")),
            help=_words(_get(camp, "help_keywords")),
        )
        return cls(
            brand=brand,
            campaign=campaign,
            replies=replies,
            keywords=keywords,
            keyword_disclosure=_text(_get(camp, "message_flow")),
            **overrides,
        )


def _get(obj: object, *path: str) -> Any:
    for key in path:
        if obj is None:
            return None
        obj = obj.get(key) if isinstance(obj, Mapping) else getattr(obj, key, None)
    return obj


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _words(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(v for v in value if isinstance(v, str) and v.strip())
    return ()
