"""Request and response shapes (CONTRACT §5). They document the API; the ledger validates."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CaptureIn",
    "CaptureOut",
    "ChainOut",
    "ConsentIn",
    "ConsentOut",
    "ErrorBody",
    "InboundIn",
    "InboundOut",
    "NumberOut",
    "OptOutIn",
    "SendCheckIn",
    "SendCheckOut",
]

_Text = Field(default=None, max_length=20_000)


class _In(BaseModel):
    # A misspelt key would silently drop evidence: refuse it instead.
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class ConsentIn(_In):
    phone: str = Field(max_length=64, examples=["(512) 447-0198"])
    method: Literal["web_form", "keyword", "verbal", "paper", "api", "import"] = "web_form"
    disclosure_text: str | None = _Text
    page_url: str | None = Field(default=None, max_length=2048)
    form_id: str | None = Field(default=None, max_length=200)
    checkbox_checked: bool | None = None
    campaign: str | None = Field(default=None, max_length=64)
    occurred_at: str | None = Field(default=None, max_length=64, examples=["2026-11-28T15:04:05Z"])
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=1000)
    note: str | None = Field(default=None, max_length=2000)


class ConsentOut(BaseModel):
    event_id: str
    hash: str
    phone: str
    seq: int
    type: str
    duplicate: bool


class OptOutIn(_In):
    phone: str = Field(max_length=64)
    method: Literal["keyword", "verbal", "paper", "api", "import", "web_form"] = "api"
    campaign: str | None = Field(default=None, max_length=64)
    occurred_at: str | None = Field(default=None, max_length=64)
    note: str | None = Field(default=None, max_length=2000)


class InboundIn(_In):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from", max_length=64, examples=["+15124470198"])
    to: str = Field(max_length=64, examples=["+15125550100"])
    text: str = Field(max_length=20_000, examples=["Stop please"])
    id: str | None = Field(default=None, max_length=200, examples=["SM123"])
    occurred_at: str | None = Field(default=None, max_length=64)
    campaign: str | None = Field(default=None, max_length=64)


class InboundOut(BaseModel):
    action: Literal["opt_out", "opt_in", "help", "none"]
    reply: str | None
    phone: str
    event_id: str | None
    review: bool
    review_deadline: str | None
    duplicate: bool
    classification: dict[str, Any]
    note: str


class NumberOut(BaseModel):
    phone: str
    state: Literal["opted_in", "opted_out", "unknown"]
    since: str | None
    method: str | None
    brand: str
    campaign: str | None
    written_consent: bool
    any_consent: bool
    consent_event_id: str | None
    last_inbound_at: str | None
    pending_confirmation: bool
    review_deadline: str | None


class SendCheckIn(_In):
    to: list[str] = Field(min_length=1, max_length=10_000)
    kind: Literal["marketing", "informational"]
    at: str | None = Field(default=None, max_length=64)
    campaign: str | None = Field(default=None, max_length=64)


class SendCheckResult(BaseModel):
    phone: str
    allowed: bool
    reasons: list[str]
    notes: list[str] = []


class SendCheckOut(BaseModel):
    results: list[SendCheckResult]


class ChainOut(BaseModel):
    ok: bool
    events: int
    first_bad_event: str | None
    first_bad_seq: int | None
    problem: str | None
    message: str
    head_seq: int
    head_hash: str


class CaptureIn(_In):
    site_key: str = Field(max_length=80)
    phone: str = Field(max_length=64)
    disclosure_text: str | None = _Text
    checkbox_checked: bool
    page_url: str | None = Field(default=None, max_length=2048)
    form_id: str | None = Field(default=None, max_length=200)
    occurred_at: str | None = Field(default=None, max_length=64)
    honeypot: str | None = Field(default=None, max_length=2000)
    campaign: str | None = Field(default=None, max_length=64)


class CaptureOut(BaseModel):
    recorded: bool
    reason: str | None = None
    event_id: str | None = None
    phone: str | None = None
    hash: str | None = None
