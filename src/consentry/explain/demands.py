"""Free reviewer text -> atomic requirement ids (see vocabulary.py for the patterns)."""

from __future__ import annotations

import re

from consentry.explain.vocabulary import (
    DEFAULT_ELEMENTS,
    ELEMENTS,
    GENERIC,
    LINK_BEFORE,
    MISSING,
    MISSING_WORDS,
    PROBLEM,
    STANDALONE,
    SURFACES,
    TABLE,
    normalize,
    specific_content,
)

__all__ = ["demands_in", "strip_boilerplate"]

# Sentences end at . ; ! ? followed by space, at blank lines and at bullets. A single line break
# is not an end: forwarded notices wrap lines mid-sentence.
_SPLIT = re.compile(r"(?<=[.;!?])\s+|\n\s*\n+|\n\s*(?:[-*•·▪]|\d{1,2}[.)])\s+|\s[•·▪]\s")

# Provider wrapping that carries no demand (RingCentral/DCA2 forwarding, labels).
_BOILERPLATE = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bdca\s*\d?\s+declined\s+sharing\s+request\s+for\s+campaign\s+\w+\s*\.?",
        r"\bregistration\s+requires\s+strict\s+adherence\s+to\s+carrier\s+sms\s+policies[^.]*\.?",
        r"\b(?:explanation|reason|details?|comments?|feedback|description)\s*:",
        r"\bcampaign\s*(?:id)?\s*[:#]?\s*C[A-Z0-9]{6}\b",
    )
)


def strip_boilerplate(text: str) -> str:
    for pattern in _BOILERPLATE:
        text = pattern.sub(" ", text)
    return text


def _markers(s: str) -> list[tuple[int, int, str]]:
    """Surface markers in a normalised sentence, earliest first, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for surface, pattern in SURFACES:
        for m in pattern.finditer(s):
            if surface in {"pp", "tc", "web"} and LINK_BEFORE.search(s[: m.start()]):
                continue  # "link to the privacy policy": the policy is what to link, not the subject
            found.append((m.start(), m.end(), surface))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, surface in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, surface))
    return kept


def _segments(s: str) -> list[tuple[str, str, str, int]]:
    """(surface, text searched for elements, full text, start) for each stretch of the sentence."""
    markers = _markers(s)
    segments: list[tuple[str, str, str, int]] = []
    first = markers[0][0] if markers else len(s)
    if first:
        segments.append(("", s[:first], s[:first], 0))
    for i, (start, end, surface) in enumerate(markers):
        stop = markers[i + 1][0] if i + 1 < len(markers) else len(s)
        body = " " * (end - start) + s[end:stop]  # "HELP message" is no HELP instruction
        if segments and segments[-1][0] == surface:  # "opt-in message/confirmation MT"
            prev = segments.pop()
            segments.append((surface, prev[1] + body, prev[2] + s[start:stop], prev[3]))
        else:
            segments.append((surface, body, s[start:stop], start))
    return segments


def _sentence_demands(s: str) -> list[str]:
    found: list[str] = []
    for pattern, ids in STANDALONE:
        if pattern.search(s):
            found.extend(ids)
    bare: list[tuple[str, str]] = []
    problem = PROBLEM.search(s)
    segments = _segments(s)
    first_marked = next((n for n, seg in enumerate(segments) if seg[0]), -1)
    for n, (surface, body, full, start) in enumerate(segments):
        table = ELEMENTS if surface else DEFAULT_ELEMENTS
        elements = [name for name, pattern in table.items() if pattern.search(body)]
        for element in elements:
            found.extend(TABLE.get((surface, element), ()))
        # Only the subject of the complaint counts: the first surface named, or those named
        # before the complaint word ("Privacy policy and opt-in confirmation ... not met").
        subject = n == first_marked or (problem is not None and start < problem.start())
        if surface and not elements and subject:
            bare.append((surface, full))
    # A surface named in a complaint that says nothing more specific: its most likely meaning.
    if not found and problem:
        for surface, full in bare:
            if surface in MISSING and MISSING_WORDS.search(full):
                found.extend(MISSING[surface])
            else:
                found.extend(GENERIC.get(surface, ()))
    return found


def demands_in(text: str) -> list[str]:
    """Requirement ids demanded by reviewer wording, in the order they appear, each once."""
    seen: dict[str, None] = {}
    for raw in _SPLIT.split(strip_boilerplate(text)):
        sentence = normalize(raw)
        if sentence:
            for rid in _sentence_demands(sentence):
                seen.setdefault(rid, None)
    if specific_content(set(seen)):
        seen.pop("cnt.prohibited", None)
    return list(seen)
