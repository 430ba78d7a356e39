"""Typed campaign objects, built by `consentry.campaign.load`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Address", "Brand", "Campaign", "CampaignSpec", "LoadedCampaign"]


@dataclass(frozen=True, slots=True)
class Address:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Brand:
    display_name: str | None = None
    legal_name: str | None = None
    entity_type: str | None = None
    ein: str | None = None
    vertical: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    stock_symbol: str | None = None
    stock_exchange: str | None = None
    address: Address | None = None


@dataclass(frozen=True, slots=True)
class CampaignSpec:
    use_case: str | None = None
    sub_use_cases: tuple[str, ...] = ()
    description: str | None = None
    message_flow: str | None = None
    sample_messages: tuple[str, ...] = ()
    opt_in_keywords: tuple[str, ...] = ()
    opt_in_message: str | None = None
    opt_out_keywords: tuple[str, ...] = ()
    opt_out_message: str | None = None
    help_keywords: tuple[str, ...] = ()
    help_message: str | None = None
    embedded_link: bool | None = None
    embedded_phone: bool | None = None
    number_pool: bool | None = None
    age_gated: bool | None = None
    direct_lending: bool | None = None
    affiliate_marketing: bool | None = None
    subscriber_opt_in: bool | None = None
    subscriber_opt_out: bool | None = None
    subscriber_help: bool | None = None
    privacy_policy_url: str | None = None
    terms_url: str | None = None
    opt_in_urls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Campaign:
    """One brand and one campaign, as in CONTRACT §1."""

    brand: Brand = field(default_factory=Brand)
    campaign: CampaignSpec = field(default_factory=CampaignSpec)
    schema_version: int = 1

    def value(self, path: str) -> object:
        """The value at a dotted field path (`campaign.sample_messages[1]`), or None."""
        obj: object = self
        for part in path.replace("]", "").split("."):
            name, _, index = part.partition("[")
            obj = getattr(obj, name, None)
            if index and obj is not None:
                seq = obj if isinstance(obj, tuple) else ()
                i = int(index)
                obj = seq[i] if 0 <= i < len(seq) else None
            if obj is None:
                return None
        return obj

    def text(self, path: str) -> str:
        """The value at `path` as text ('' when missing); lists are joined by newlines."""
        value = self.value(path)
        if value is None:
            return ""
        if isinstance(value, tuple):
            return "\n".join(str(v) for v in value)
        return str(value)


@dataclass(frozen=True, slots=True)
class LoadedCampaign:
    """A campaign plus where each field stood in its file."""

    campaign: Campaign
    source: str
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    form: str = "yaml"  # "yaml", "json" or "tcr"

    @property
    def brand_given(self) -> bool:
        """False for a TCR campaign object without a `brand` object: it names its brand by
        brandId, and the brand was registered (and vetted) on its own."""
        return self.form != "tcr" or any(
            p == "brand" or p.startswith("brand.") for p in self.positions
        )

    def left_out(self, path: str) -> bool:
        """The file has no such key at all, as opposed to giving it empty. Only a campaign read
        from a file knows; one built in code counts every field as given."""
        return bool(self.positions) and path not in self.positions

    def position(self, path: str) -> tuple[int, int] | None:
        """1-based (line, column) of a field, or of its nearest parent that is in the file."""
        while path:
            pos = self.positions.get(path)
            if pos is not None:
                return pos
            if path.endswith("]"):
                path = path[: path.rindex("[")]
            elif "." in path:
                path = path.rsplit(".", 1)[0]
            else:
                break
        return self.positions.get("")
