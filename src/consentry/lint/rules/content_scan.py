"""Content screening shared by the CNT and FLG families (rules.md §3.10-3.11).

A `Screen` is a set of terms that signal a category, plus what makes a match innocent: a negation
just before it ("we do not offer loans"), a word just before it ("glue guns"), or context in the
same sentence ("marijuana addiction treatment"). Precision matters more than recall: a finding
here can tell a business it is not eligible at all, so every ambiguous word needs context.

All patterns use bounded repetition only, so a 100 KB field scans in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from consentry.lint.context import LintContext
from consentry.lint.patterns import lowercase_pattern
from consentry.lint.rule import Check, Hit
from consentry.phrases.literals import Anchored
from consentry.phrases.negation import negated_list_item

__all__ = [
    "BRAND_FIELDS",
    "TEXT_FIELDS",
    "Screen",
    "brand_places",
    "rx",
    "scan",
    "screen_check",
    "search",
    "text_places",
    "where",
]

TEXT_FIELDS = (
    "campaign.description",
    "campaign.message_flow",
    "campaign.sample_messages",
    "campaign.opt_in_message",
)
BRAND_FIELDS = ("brand.display_name", "brand.legal_name", "brand.website")

Condition = Callable[[LintContext], bool]


def rx(pattern: str) -> re.Pattern[str]:
    """A compiled, case-insensitive pattern."""
    return re.compile(pattern, re.IGNORECASE)


# A negator close before the term, in the same clause, means the text denies it. Phrases such as
# "don't miss" or "no credit check" are not denials of what follows.
_NEGATION = rx(
    r"\b(?:no|not|never|don'?t|do not|does not|doesn'?t|won'?t|will not|cannot|can'?t|without|"
    r"nor|neither|isn'?t|aren'?t|instead of|rather than|avoid(?:ing)?)\b"
    r"(?!\s+(?:miss|forget|wait|only|just|matter|hesitate|delay|worries|problem|credit|hassle|"
    r"fees?|obligation|cost|upfront|risk|better|less)\b)"
    r"[^.!?;:\n,()]{0,40}$"
)
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")
_LOOKBACK = 60
_SENTENCE_REACH = 160
_NEAR = 120


_ALL_SCREENS: list[Screen] = []


@dataclass(frozen=True, slots=True)
class Screen:
    """One category of content and how to tell its terms from innocent look-alikes."""

    terms: re.Pattern[str]
    reason: str  # the tail of the message: "carriers refuse cannabis and CBD content"
    unless: re.Pattern[str] | None = None  # innocent context in the same sentence
    needs: re.Pattern[str] | None = None  # context needed nearby (either side) for a term to count
    before: re.Pattern[str] | None = None  # innocent word right before the term (anchored with $)
    brand: re.Pattern[str] | None = None  # business-type signal in the brand's names or website
    when: Condition | None = None  # the screen applies only when this holds

    def __post_init__(self) -> None:
        _ALL_SCREENS.append(self)  # for the shared prefilter: every screen's terms, once


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(0, start - _SENTENCE_REACH)
    head = text[lo:start]
    cuts = list(_SENTENCE_END.finditer(head))
    if cuts:
        lo += cuts[-1].end()
    tail = text[end : end + _SENTENCE_REACH]
    stop = _SENTENCE_END.search(tail)
    hi = end + (stop.start() if stop else len(tail))
    return text[lo:hi]


def _innocent(screen: Screen, text: str, m: re.Match[str]) -> bool:
    start, end = m.span()
    before = text[max(0, start - _LOOKBACK) : start]
    if _NEGATION.search(before) or negated_list_item(text[max(0, start - 200) : start]):
        return True
    if screen.before is not None and screen.before.search(before):
        return True
    if screen.needs is not None:
        near = text[max(0, start - _NEAR) : end + _NEAR]
        if screen.needs.search(near) is None:
            return True
    return (
        screen.unless is not None and screen.unless.search(_sentence(text, start, end)) is not None
    )


def search(screen: Screen, text: str, pattern: re.Pattern[str] | None = None) -> str | None:
    """The first match in `text` that is not innocent, quoted for a message."""
    for m in (pattern or screen.terms).finditer(text):
        if not _innocent(screen, text, m):
            return _quote(m.group(0))
    return None


def _quote(found: str) -> str:
    words = " ".join(found.split())
    return words if len(words) <= 60 else words[:57] + "..."


def _website_words(url: str) -> str:
    """The site's host as words ('green-leaf-cbd.com' -> 'green leaf cbd com')."""
    host = re.sub(r"^[a-z][a-z0-9+.-]{0,20}://", "", url.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return re.sub(r"[.\-_]+", " ", host.removeprefix("www."))


def text_places(ctx: LintContext) -> Iterator[tuple[str, str]]:
    """(field path, text) for every campaign text a reviewer reads."""
    spec = ctx.spec
    for path, value in (
        ("campaign.description", spec.description),
        ("campaign.message_flow", spec.message_flow),
    ):
        if value:
            yield path, value
    for i, sample in enumerate(spec.sample_messages):
        if sample:
            yield f"campaign.sample_messages[{i}]", sample
    if spec.opt_in_message:
        yield "campaign.opt_in_message", spec.opt_in_message


def brand_places(ctx: LintContext) -> Iterator[tuple[str, str]]:
    b = ctx.brand
    if b.display_name:
        yield "brand.display_name", b.display_name
    if b.legal_name and b.legal_name != b.display_name:
        yield "brand.legal_name", b.legal_name
    if b.website:
        yield "brand.website", _website_words(b.website)


def where(path: str) -> str:
    """A field path as the owner would name it."""
    if path.startswith("campaign.sample_messages["):
        return f"Sample {int(path[len('campaign.sample_messages[') : -1]) + 1}"
    return {
        "campaign.description": "The campaign description",
        "campaign.message_flow": "The call to action",
        "campaign.opt_in_message": "The opt-in confirmation",
        "brand.display_name": "Your brand name",
        "brand.legal_name": "Your legal business name",
        "brand.website": "Your website address",
    }.get(path, path)


def _lowered_text(ctx: LintContext) -> str:
    """Every campaign text, joined and lower-cased once per lint (cached on the context)."""
    cached = ctx.memo.get("content_scan.lowered")
    if cached is None:
        cached = ctx.memo["content_scan.lowered"] = "\n".join(
            t for _, t in text_places(ctx)
        ).lower()
    return str(cached)


_PREFILTERS: dict[tuple[int, ...], Anchored] = {}


def _prefilter(screens: list[Screen]) -> Anchored:
    """All the screens' terms as one pattern over lower-cased text.

    Most campaigns mention none of these terms, and one case-sensitive pass with a word-start
    gate is several times faster than one case-insensitive pass per screen. Literal capitals are
    lower-cased too, so it can only match more than the per-field scan: a safe filter. The pass
    is anchored: the ~700 terms are only tried where one of their first words starts.
    """
    key = tuple(id(s) for s in screens)
    found = _PREFILTERS.get(key)
    if found is None:
        body = "|".join(f"(?:{s.terms.pattern})" for s in screens)
        found = _PREFILTERS[key] = Anchored(lowercase_pattern(rf"\b(?=\w)(?:{body})"))
    return found


def _mentions_any_term(ctx: LintContext) -> bool:
    """One pass of every screen's terms over the campaign, shared by all CNT/FLG rules."""
    cached = ctx.memo.get("content_scan.any")
    if cached is None:
        cached = ctx.memo["content_scan.any"] = bool(
            _prefilter(_ALL_SCREENS).search(_lowered_text(ctx))
        )
    return bool(cached)


def _brand_may_match(ctx: LintContext) -> bool:
    """Whether any screen's business-type pattern can match one of the brand's names: one
    anchored pass per name (lower-cased; ASCII only, where that equals IGNORECASE) instead of one
    search per screen, name and CNT/FLG rule."""
    cached = ctx.memo.get("content_scan.brand_any")
    if cached is None:
        screens = [s for s in _ALL_SCREENS if s.brand is not None]
        key = tuple(id(s) for s in screens)
        combined = _BRAND_PREFILTERS.get(key)
        if combined is None:
            body = "|".join(f"(?:{s.brand.pattern})" for s in screens if s.brand is not None)
            combined = _BRAND_PREFILTERS[key] = Anchored(lowercase_pattern(body))
        cached = ctx.memo["content_scan.brand_any"] = any(
            not text.isascii() or combined.search(text.lower()) is not None
            for _, text in brand_places(ctx)
        )
    return bool(cached)


_BRAND_PREFILTERS: dict[tuple[int, ...], Anchored] = {}


def scan(ctx: LintContext, screens: tuple[Screen, ...]) -> Iterator[Hit]:
    """One hit per field: the first screen that finds a term there."""
    active = [s for s in screens if s.when is None or s.when(ctx)]
    if not active:
        return
    suspicious = _mentions_any_term(ctx) and _prefilter(active).search(_lowered_text(ctx))
    text_active = active if suspicious else []
    for path, text in text_places(ctx) if text_active else ():
        for screen in text_active:
            quote = search(screen, text)
            if quote is not None:
                yield Hit(path, f"{where(path)} mentions '{quote}'; {screen.reason}.")
                break
    for path, text in brand_places(ctx) if _brand_may_match(ctx) else ():
        for screen in active:
            quote = search(screen, text, screen.brand) if screen.brand is not None else None
            if quote is not None:
                yield Hit(path, f"{where(path)} contains '{quote}'; {screen.reason}.")
                break


def screen_check(*screens: Screen, when: Condition | None = None) -> Check:
    """A check that reports every field where one of the screens finds a term."""

    def check(ctx: LintContext) -> Iterator[Hit]:
        if when is None or when(ctx):
            yield from scan(ctx, screens)

    return check
