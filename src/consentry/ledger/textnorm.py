"""Normalising inbound texts for the keyword engine.

People type keywords in every shape: "ＳＴＯＰ" (full-width), "Stop!!!", "s t o p", "st0p",
"STOP 🛑", "Stop. Thank you", "Don’t" with a curly apostrophe. This module reduces a text to
lowercase ASCII-ish clauses of tokens, keeping just enough structure (clause boundaries,
question marks) for the rules to tell "Stop?" from "Can I stop by?".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Clause", "Normalized", "normalize", "phrase_tokens", "squeeze"]

# Emoji people send to mean "stop"; recorded as a signal before symbols are dropped.
STOP_EMOJI = frozenset("🛑⛔🚫✋🤚")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\ufe0e\ufe0f]")
# Clause boundaries: sentence punctuation, commas, slashes, bars, and dashes used as separators.
_CLAUSE_SPLIT = re.compile(r"[.!?;,\n\r/|:()\[\]{}]+|\s[-–—~]+\s?|\s?[-–—~]+\s|^[-–—~]+")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPACED_LETTERS = re.compile(r"[^a-z]*(?:[a-z][^a-z0-9]{1,3}){2,11}[a-z][^a-z]*")
_LEET = str.maketrans({"0": "o"})
_CENSORED = re.compile(r"[a-z]\*+[a-z]*")
_HASH_WORD = re.compile(r"\s?#(?!\s?\d)")


@dataclass(frozen=True, slots=True)
class Clause:
    tokens: tuple[str, ...]
    question: bool  # ended with "?"

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    flat: str  # the whole text, normalised, clause boundaries kept as " . "
    clauses: tuple[Clause, ...]
    stop_emoji: bool
    question: bool

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for c in self.clauses for t in c.tokens)


def _fold(text: str) -> str:
    """NFKC (full-width to ASCII), casefold, strip accents, straighten apostrophes."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _ZERO_WIDTH.sub("", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _token(raw: str) -> str:
    # "st0p", "opt0ut": a zero between letters is a letter O; plain numbers stay numbers.
    if "0" in raw and any(c.isalpha() for c in raw):
        raw = raw.translate(_LEET)
    return raw


def _symbols_to_space(text: str) -> str:
    """Drop emoji and symbols; keep letters, digits, apostrophes and clause punctuation."""
    out: list[str] = []
    for c in text:
        if c.isalnum() or c in "'" or c.isspace() or c in ".!?;,/|:-–—~()[]{}\n":
            out.append(c if c.isascii() or c.isalnum() else " ")
        else:
            out.append(" ")
    return "".join(out)


def normalize(text: str) -> Normalized:
    stop_emoji = any(c in STOP_EMOJI for c in text)
    # Self-censored words ("f***ing", "sh*t") stay one word instead of splitting in two.
    folded = _CENSORED.sub(lambda m: m.group().replace("*", "x"), _fold(text))
    # "wrong #" means wrong number; "#4471" stays an order number (dropped with the symbols).
    folded = _symbols_to_space(_HASH_WORD.sub(" number", folded))
    # "s t o p", "S.T.O.P.", "s-t-o-p": every letter on its own is a spelled-out word.
    if _SPACED_LETTERS.fullmatch(folded) and not re.search(r"[a-z]{2}", folded):
        folded = "".join(c for c in folded if c.isalpha())
    clauses: list[Clause] = []
    pos = 0
    pieces: list[tuple[str, bool]] = []
    for match in _CLAUSE_SPLIT.finditer(folded):
        pieces.append((folded[pos : match.start()], "?" in match.group()))
        pos = match.end()
    pieces.append((folded[pos:], False))
    for piece, question in pieces:
        tokens = tuple(_token(t) for t in _TOKEN.findall(piece))
        if tokens:
            clauses.append(Clause(tokens, question))
    flat = " . ".join(c.text for c in clauses)
    return Normalized(text, flat, tuple(clauses), stop_emoji, "?" in text)


def phrase_tokens(keyword: str) -> tuple[str, ...]:
    """A configured keyword ("OPT-OUT", "Stop All", "ＪＯＩＮ") as the tokens it matches."""
    folded = _symbols_to_space(_fold(keyword))
    return tuple(_token(t) for t in _TOKEN.findall(folded))


def squeeze(word: str) -> str:
    """Collapse repeated letters: "stooop", "stopp" -> "stop"; "helpp" -> "help"."""
    return re.sub(r"(.)\1+", r"\1", word)
