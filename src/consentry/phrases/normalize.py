"""One canonical form of free text, with a map back to the caller's offsets.

Detectors never match the raw text: they match `fold(text).text`, a lowercase, NFKC,
ASCII-punctuation, diacritic-free, whitespace-collapsed copy, and turn a hit back into a `Match` on
the ORIGINAL string with `Folded.match`. Folding is per code point (so the offset map is exact) and
is cached, because every rule asks several detectors about the same field.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from itertools import chain, repeat
from typing import TypeVar

__all__ = ["Folded", "Match", "fold", "memo_small", "normalize"]


@dataclass(frozen=True, slots=True)
class Match:
    """A hit in the text the caller passed in: `text == original[start:end]`."""

    start: int
    end: int
    text: str


_QUOTES_1 = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u02b9\u0060\u00b4"
_QUOTES_2 = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\u301f"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u2043"
# Marks that NFKC would spell out ("TM") and glue onto a brand name; zero-width and format
# characters that people (and spammers) put inside words.
_DROP = "\u2122\u2120\u00ae\u00a9\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_PUNCT_TABLE: dict[int, str | None] = {ord(c): "'" for c in _QUOTES_1}
_PUNCT_TABLE.update({ord(c): '"' for c in _QUOTES_2})
_PUNCT_TABLE.update({ord(c): "-" for c in _DASHES})
_PUNCT_TABLE.update({ord(c): None for c in _DROP})
_PUNCT_TABLE[ord("\u2022")] = "*"  # bullet
_PUNCT_TABLE[ord("\u00b7")] = "*"

# ASCII is folded with two C-speed calls (lower + this table), both length-preserving.
_ASCII_TABLE: dict[int, str] = {c: " " for c in (*range(0x20), 0x7F)}
_ASCII_TABLE.update({ord(c): "\n" for c in _LINE_BREAKS if ord(c) < 0x80})
_ASCII_TABLE[ord("`")] = "'"

_SMALL = 4096  # longer texts are web pages: read once, not worth keeping
_WS_RUN = re.compile(r"[ \n]{2,}|\n")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


_R = TypeVar("_R")


def memo_small(maxsize: int) -> Callable[[Callable[[str], _R]], Callable[[str], _R]]:
    """Memoise a pure function of a field-sized text (rules ask the same questions about the
    same few fields many times per lint); web pages are computed each time, not kept."""

    def wrap(fn: Callable[[str], _R]) -> Callable[[str], _R]:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def call(text: str) -> _R:
            # (callers with untyped data may pass None: the function itself handles that)
            small = isinstance(text, str) and len(text) <= _SMALL
            return cached(text) if small else fn(text)

        return call

    return wrap


@memo_small(1024)
def normalize(text: str) -> str:
    """NFKC, smart quotes/dashes to ASCII, NBSP to space, lowercase, whitespace collapsed.

    Accents are kept ("café"); detectors additionally drop them, see `fold`.
    """
    t = unicodedata.normalize("NFKC", text.translate(_PUNCT_TABLE)).translate(_PUNCT_TABLE)
    t = _CONTROL.sub(" ", t).lower()
    return " ".join(t.split())


def _fold_one(c: str) -> str:
    """Fold one code point: may give "", one or several characters."""
    t = unicodedata.normalize("NFKC", c.translate(_PUNCT_TABLE)).translate(_PUNCT_TABLE).lower()
    t = "".join(ch for ch in unicodedata.normalize("NFD", t) if not unicodedata.combining(ch))
    out = []
    for ch in unicodedata.normalize("NFC", t):
        if ch in _LINE_BREAKS:
            out.append("\n")
        elif ch.isspace() or unicodedata.category(ch) == "Cc":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cf", "Cs", "Mn", "Me"):
            continue
        else:
            out.append(ch)
    return "".join(out)


# Code points whose fold is not exactly one character (ligatures, accents on their own,
# zero-width marks); only text containing one of them needs a per-character offset map.
_IRREGULAR: set[str] = set()


class _FoldTable(dict[int, str]):
    """`str.translate` table that folds code points on first sight (C-speed after that)."""

    def __missing__(self, key: int) -> str:
        folded = _fold_one(chr(key))
        if len(folded) != 1:
            _IRREGULAR.add(chr(key))
        if len(self) < 300_000:  # bounded; ~150k code points are assigned anyway
            self[key] = folded
        return folded


_TABLE = _FoldTable()


def _fold_char(c: str) -> str:
    return _TABLE[ord(c)]


@dataclass(frozen=True, slots=True, eq=False)
class Folded:
    """`text` is the folded copy of `original`; `match` maps a span of it back."""

    original: str
    text: str
    # Piecewise-linear map from `text` to the intermediate per-character fold: segment k starts
    # at text offset _seg_text[k] and intermediate offset _seg_mid[k].
    _seg_text: tuple[int, ...]
    _seg_mid: tuple[int, ...]
    # Intermediate offset -> original offset; None when the two are the same (ASCII input).
    _mid_to_orig: array[int] | None

    def offset(self, pos: int) -> int:
        """Original offset of the folded character at `pos`."""
        k = bisect_right(self._seg_text, pos) - 1
        mid = self._seg_mid[k] + (pos - self._seg_text[k])
        return mid if self._mid_to_orig is None else self._mid_to_orig[mid]

    def match(self, start: int, end: int) -> Match | None:
        """The original-text Match for folded span [start, end), trimmed of blanks."""
        t = self.text
        while start < end and t[start] in " \n":
            start += 1
        while end > start and t[end - 1] in " \n":
            end -= 1
        if start >= end:
            return None
        o_start = self.offset(start)
        o_end = self.offset(end - 1) + 1
        orig = self.original
        # Take along accents and zero-width marks that folding dropped after the last character.
        limit = min(len(orig), o_end + 8)
        while o_end < limit and _fold_char(orig[o_end]) == "" and not orig[o_end].isspace():
            o_end += 1
        return Match(o_start, o_end, orig[o_start:o_end])


def _fold_chars(text: str) -> tuple[str, array[int] | None]:
    """Per-code-point fold, plus the offset in `text` of each output character (None: same)."""
    if text.isascii():
        return text.lower().translate(_ASCII_TABLE), None
    mid = text.translate(_TABLE)
    odd = _IRREGULAR.intersection(text)
    if not odd:
        return mid, None
    if sum(text.count(c) for c in odd) > len(text) // 16:
        # Dense: let C iterators build the map (about 0.25 us per character).
        lens = map(len, map(_TABLE.__getitem__, map(ord, text)))
        return mid, array("i", chain.from_iterable(map(repeat, range(len(text)), lens)))
    index: list[int] = []
    last = 0
    for m in re.finditer("[" + "".join(re.escape(c) for c in odd) + "]", text):
        p = m.start()
        index.extend(range(last, p))
        index.extend([p] * len(_TABLE[ord(text[p])]))
        last = p + 1
    index.extend(range(last, len(text)))
    return mid, array("i", index)


def _fold(text: str) -> Folded:
    mid, mid_to_orig = _fold_chars(text)
    # Collapse blank runs to one " ", or to one "\n" where a line break ends a sentence or list
    # item: a blank line, a break after punctuation, or a next line that starts with a capital,
    # digit or bullet. A line wrapped in mid-sentence ("... to operate our business and\nprovide")
    # is joined, so sentence-sized patterns still see the whole sentence.
    start = len(mid) - len(mid.lstrip(" \n"))
    stop = len(mid.rstrip(" \n"))
    pieces: list[str] = []
    seg_text: list[int] = [0]
    seg_mid: list[int] = [start]
    pos, n = start, 0
    for m in _WS_RUN.finditer(mid, start, max(start, stop)):
        a, b = m.span()
        pieces.append(mid[pos:a])
        pieces.append(_joiner(text, mid, mid_to_orig, m))
        n += a - pos + 1
        pos = b
        seg_text.append(n)
        seg_mid.append(b)
    pieces.append(mid[pos:stop])
    return Folded(text, "".join(pieces), tuple(seg_text), tuple(seg_mid), mid_to_orig)


def _joiner(text: str, mid: str, mid_to_orig: array[int] | None, m: re.Match[str]) -> str:
    breaks = m.group().count("\n")
    if breaks == 0:
        return " "
    if breaks > 1 or mid[m.start() - 1] in ".!?:;":
        return "\n"
    nxt = m.end() if mid_to_orig is None else mid_to_orig[m.end()]
    return " " if text[nxt].islower() else "\n"


_last_big: tuple[str, Folded] | None = None


@lru_cache(maxsize=1024)
def _fold_small(text: str) -> Folded:
    return _fold(text)


def fold(text: str) -> Folded:
    """Fold `text` for matching (cached; safe to call once per detector)."""
    global _last_big
    if len(text) <= _SMALL:
        return _fold_small(text)
    big = _last_big  # one slot for the page the site scanner is checking right now
    if big is not None and big[0] == text:
        return big[1]
    folded = _fold(text)
    _last_big = (text, folded)
    return folded
