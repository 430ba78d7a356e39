"""Read a reviewer's notice: the codes in it, the campaign id, and every demand it makes.

A number is a code only when it is a code consentry knows *and* it sits where codes sit
("Error 30909", "code: 806", "(861)", "DCA 806", a list of codes, a line of its own, or right
before the code's own title) — so phone numbers, dates, "3 msgs" and "$15" are never codes. An
unknown number is reported (never interpreted) only in strong code context. Codes are also
recognised from their published wording alone ("Campaign vetting rejection - Opt-out Error").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from consentry.explain.codes import CodeInfo, all_codes, get_code, unknown_code
from consentry.explain.demands import demands_in
from consentry.explain.requirements import ORDER

__all__ = ["FoundCode", "Notice", "clean_text", "parse_notice"]


@dataclass(frozen=True, slots=True)
class FoundCode:
    info: CodeInfo
    how: str  # "context", "alone", "title"


@dataclass(frozen=True, slots=True)
class Notice:
    """What a notice says: codes, campaign ids, and requirement ids with where each came from."""

    codes: tuple[FoundCode, ...]
    campaign_ids: tuple[str, ...]
    requirements: tuple[tuple[str, tuple[str, ...]], ...]  # (requirement id, ("861", "text"))


_PUNCT = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\ufeff": "", "\u2026": "...",
    }
)  # fmt: skip


def clean_text(text: str) -> str:
    """Smart quotes, dashes and odd spaces made plain; line breaks kept."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- numbers that are not codes --------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NOT_CODES = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+"  # links, emails
    r"|(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"  # phone numbers
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"  # dates
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # times
    r"|[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:usd|dollars?|cents?)\b"  # money
    r"|\b\d[\d,]*\s*(?:msgs?|messages?|texts?|sms|mms|per\b|/\s*(?:day|week|month|year|mo|wk)\b|%|x\b|days?|hours?|hrs?|minutes?|mins?|weeks?|months?"
    r"|years?|characters?|chars?|numbers?|brands?|campaigns?|times|segments?|people|customers|users|tenants|employees)",
    re.IGNORECASE,
)
# 3-5 digits standing alone; "806/611" is a list of codes, "8/06" and "1.861" are not codes.
_NUMBER = re.compile(r"(?<![\w$.,-])(?<!\b\d/)(?<!\b\d\d/)(\d{3,5})(?![\w%]|[.,:-]\d|/\d{1,2}\b)")
_TCODE = re.compile(r"(?<![\w-])(T[1-7])(?![\w-])")
_ENUM = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)(?![\w-])")
_KEY = (
    r"error|err|code|codes|reason|reasons|dca\s?\d?|decline[ds]?|denial|denied|rejection|rejected"
)
_STRONG_BEFORE = re.compile(
    rf"(?:\b(?:{_KEY})|#)[\"']?\s*(?:code|codes|number|no\.?|#)?[\"']?\s*[:#=(\[-]?\s*[\"']?$"
)
_WEAK_BEFORE = re.compile(
    r"\b(?:tcr|twilio|telnyx|bandwidth|ringcentral|carrier|status|vetting|failure|rejects?)\s*[:#(\[-]?\s*$"
)
_LIST_BEFORE = re.compile(r"(\b\d{3,5}|\bT[1-7])\)?\s*(?:,|/|&|\+|;|\band\b|\bor\b)\s*\(?$")
_LINE_AFTER = re.compile(r"^\s*[-:.)]\s*[A-Za-z\"']")
_CODE_TOKEN = re.compile(
    r"\d{3,5}|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+|T[1-7]|(?i:error|code|codes|dca|twilio|aws|tcr|and|or)"
)
_DENIAL = re.compile(r"reason|denial|denied|reject|declin|status", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _mask(text: str) -> str:
    return _NOT_CODES.sub(lambda m: " " * len(m.group(0)), text)


def _norm_words(text: str) -> str:
    """Lower-case words only: how titles are compared, whatever punctuation survived."""
    text = re.sub(r"\bm(?:ss|s)gs?\b", "message", text.lower().replace("&", " and "))
    return " ".join(re.findall(r"[a-z0-9]+", text))


@cache
def _titles() -> tuple[tuple[str, CodeInfo], ...]:
    """Normalised published titles that are specific enough to recognise a code on their own."""
    counts: dict[str, int] = {}
    for info in all_codes():
        key = _norm_words(info.title)
        counts[key] = counts.get(key, 0) + 1
    usable = []
    for info in all_codes():
        key = _norm_words(info.title)
        if (
            info.family != "AWS"
            and info.wording != "unverified"
            and len(key.split()) >= 3
            and counts[key] == 1
        ):
            usable.append((key, info))
    return tuple(usable)


@cache
def _aws_heads() -> frozenset[str]:
    return frozenset(c.code.split("_")[0] for c in all_codes() if c.family == "AWS")


def _title_follows(info: CodeInfo, after: str) -> bool:
    head = _norm_words(info.title).split()[:3]
    return len(head) == 3 and _norm_words(after[:120]).split()[:3] == head


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.masked = _mask(text)
        tokens = re.findall(r"[A-Za-z0-9_]+", self.masked)
        self.only_codes = bool(tokens) and all(_CODE_TOKEN.fullmatch(t) for t in tokens)
        self.hits: list[tuple[int, CodeInfo, str]] = []
        self.accepted: set[int] = set()  # end offsets of accepted codes, for lists "806, 861"

    def _line(self, start: int, end: int) -> tuple[str, str]:
        line_start = self.masked.rfind("\n", 0, start) + 1
        line_end = self.masked.find("\n", end)
        line_end = len(self.masked) if line_end < 0 else line_end
        return self.masked[line_start:start], self.masked[end:line_end]

    def _accept(self, start: int, end: int, raw: str, info: CodeInfo | None) -> None:
        before = self.masked[max(0, start - 40) : start].lower()
        lead, rest = self._line(start, end)
        alone = self.only_codes or (not lead.strip(" \t-*•([#") and not rest.strip(" \t.)]:;,"))
        listed = (m := _LIST_BEFORE.search(before)) is not None and any(
            abs(e - (start - len(before) + m.end(1))) <= 1 for e in self.accepted
        )
        keyword = _STRONG_BEFORE.search(before) is not None
        line_lead = not lead.strip(" \t-*•") and _LINE_AFTER.match(rest) is not None
        if info is None:
            # An unknown number needs strong evidence: a zip code alone on a line is no code.
            if _YEAR.match(raw) or not (keyword or listed or self.only_codes or line_lead):
                return
            info = unknown_code(raw)
            how = "alone" if self.only_codes else "context"
        else:
            wrapped = (
                self.masked[start - 1 : start] in "(["
                and self.masked[end : end + 1] in ")]"
                and start > 0
            )
            weak = _WEAK_BEFORE.search(before) is not None or wrapped or line_lead
            if not (keyword or alone or listed or weak or _title_follows(info, self.text[end:])):
                return
            how = "alone" if alone else "context"
        self.accepted.add(end)
        self.hits.append((start, info, how))

    def scan(self) -> list[tuple[int, CodeInfo, str]]:
        for m in _NUMBER.finditer(self.masked):
            self._accept(m.start(1), m.end(1), m.group(1), get_code(m.group(1)))
        for m in _TCODE.finditer(self.masked):
            self._accept(m.start(1), m.end(1), m.group(1), get_code(m.group(1)))
        for m in _ENUM.finditer(self.text):
            self._enum(m.start(1), m.group(1))
        return sorted(self.hits, key=lambda h: h[0])

    def _enum(self, start: int, raw: str) -> None:
        info = get_code(raw)
        if info is not None:
            self.hits.append((start, info, "context"))
            return
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", start)
        line = self.text[line_start : len(self.text) if line_end < 0 else line_end]
        if (
            raw.isupper()
            and raw.count("_") >= 2
            and raw.split("_")[0] in _aws_heads()
            and (self.only_codes or _DENIAL.search(line))
        ):
            self.hits.append((start, unknown_code(raw), "context"))


def _title_codes(text: str) -> list[CodeInfo]:
    """Codes recognised from their own published wording; a title inside a longer one is dropped."""
    norm = f" {_norm_words(text)} "
    spans: list[tuple[int, int, CodeInfo]] = []
    for key, info in _titles():
        at = norm.find(f" {key} ")
        if at >= 0:
            spans.append((at, at + len(key) + 2, info))
    return [
        info
        for s, e, info in spans
        if not any((s2 <= s and e <= e2) and (s2, e2) != (s, e) for s2, e2, _ in spans)
    ]


_CAMPAIGN_ID = re.compile(r"(?i:\bcampaign(?:[\s_-]*id)?)[\s\"':#=]*(C[A-Z0-9]{6})\b")
_CAMPAIGN_ID_LABELLED = re.compile(r"\bcampaign[\s_-]*id[\s\"':#=]*([a-z0-9]{7})\b", re.IGNORECASE)
_WORDS = {"CONTENT", "CHANGES", "CONSENT", "CARRIER", "CORRECT", "COMPANY", "CONTACT", "CLEARLY",
          "CURRENT", "CREATED", "COMMENT", "CHECKED", "CRITERI", "CERTAIN", "COMPLET", "CONTAIN"}  # fmt: skip


def find_campaign_ids(text: str) -> tuple[str, ...]:
    """TCR campaign ids ('campaign CEFQQMK', 'campaignId: "CEFQQMK"'), in order, each once."""
    found: dict[str, None] = {}
    for pattern in (_CAMPAIGN_ID, _CAMPAIGN_ID_LABELLED):
        for m in pattern.finditer(text):
            cid = m.group(1).upper()
            if cid.startswith("C") and cid not in _WORDS:
                found.setdefault(cid, None)
    return tuple(found)


def parse_notice(text: str) -> Notice:
    """Everything consentry can read from a notice (or several pasted together)."""
    text = clean_text(text)
    codes: dict[str, FoundCode] = {}
    for _, info, how in _Scanner(text).scan():
        codes.setdefault(info.code, FoundCode(info, how))
    explicit = {c for f in codes.values() for c in f.info.includes}
    for info in _title_codes(text):
        if info.code not in codes and info.code not in explicit:
            codes[info.code] = FoundCode(info, "title")
    origins: dict[str, list[str]] = {}
    for found in codes.values():
        for rid in found.info.requirements:
            origins.setdefault(rid, []).append(found.info.code)
    for rid in demands_in(text):
        origins.setdefault(rid, []).append("text")
    ordered = sorted(origins, key=lambda rid: ORDER[rid])
    return Notice(
        codes=tuple(codes.values()),
        campaign_ids=find_campaign_ids(text),
        requirements=tuple((rid, tuple(origins[rid])) for rid in ordered),
    )
