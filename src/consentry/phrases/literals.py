"""Literal prefilters for regular expressions: skip work when the text cannot match.

Most detectors look for phrases that a given field does not contain, and Python's engine pays for
every position of the text even then (5-300 us per search of a short field). Reading the parsed
pattern once gives two cheap filters with the same results as the regex:

- `Gated`: a few strings of which every match contains one; checked with `in` (C speed), the
  regex runs only when one is there. For patterns with a handful of literals.
- `Anchored`: the strings every match STARTS with, as one trie-shaped regex whose first
  characters the engine skips to in C; the full pattern is only tried where one of them starts.
  For big alternations of phrases (hundreds of terms), where a `Gated` check would be long.

The analysis over-approximates: a construct it does not understand (backreferences, scoped
flags, classes with odd members...) makes it give up, and the plain regex runs.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any, Protocol

from consentry.phrases.vocab import words

__all__ = ["Anchored", "Gated", "Searchable", "leading_literals", "required_literals"]

# The parser behind `re.compile` (private but stable since 3.11; there are no type stubs for it).
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_MAX_SET = 48  # alternative strings kept for one piece of a pattern
_MAX_LEN = 24  # longer literals buy nothing more and cost set size
_MAX_CLASS = 12  # a character class wider than this is "any character"
_LEAD_WIDTH = 12  # two short words: tells "message to t" from "message freq"
_MAX_LEADS = 4096
# Stand-in characters for classes in leading strings (`\d`, `[^a]`, `.`): a private-use plane
# that `_char` refuses in patterns, so a stand-in is never mistaken for a literal.
_TOKEN_BASE = 0xF0000

Strings = frozenset[str]
Info = tuple[Strings | None, Strings | None]  # (every string it matches, one must occur in a match)

_UNKNOWN: Info = (None, None)
_EMPTY: Info = (frozenset({""}), None)

_CATEGORY: dict[Any, str] = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


class _Tokens:
    """Classes met while reading leading strings, each as one stand-in character."""

    def __init__(self) -> None:
        self.fragments: dict[str, str] = {}

    def __call__(self, fragment: str) -> Strings:
        for token, known in self.fragments.items():
            if known == fragment:
                return frozenset({token})
        token = chr(_TOKEN_BASE + len(self.fragments))
        self.fragments[token] = fragment
        return frozenset({token})


class _Reader:
    """One pass over a parsed pattern. With `tokens`, classes become stand-ins (for leading
    strings, matched by a regex); without, they must expand to a few literal characters."""

    def __init__(self, ignore_case: bool, tokens: _Tokens | None = None) -> None:
        self.ignore_case = ignore_case
        self.tokens = tokens

    def char(self, code: int) -> str | None:
        if code >= _TOKEN_BASE:
            return None
        c = chr(code)
        if self.ignore_case:
            # IGNORECASE matches odd Unicode look-alikes (the Kelvin sign for "k"); ASCII is exact.
            return c.lower() if c.isascii() else None
        return c

    def klass(self, items: list[tuple[Any, Any]]) -> Info:
        chars: set[str] | None = set()
        for op, av in items:
            if chars is None:
                break
            if op is _c.LITERAL:
                c = self.char(av)
                chars = None if c is None else chars | {c}
            elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
                found = [self.char(code) for code in range(av[0], av[1] + 1)]
                chars = None if None in found else chars | {c for c in found if c}
            else:  # NEGATE, CATEGORY (\s, \w, \d), wide ranges
                chars = None
            if chars is not None and len(chars) > _MAX_CLASS:
                chars = None
        if chars is not None:
            return frozenset(chars), None
        fragment = _class_fragment(items) if self.tokens is not None else None
        return (
            _UNKNOWN if fragment is None or self.tokens is None else (self.tokens(fragment), None)
        )

    def node(self, op: Any, av: Any) -> Info:
        if op is _c.LITERAL:
            c = self.char(av)
            return _UNKNOWN if c is None else (frozenset({c}), None)
        if op is _c.IN:
            return self.klass(av)
        if op is _c.NOT_LITERAL and self.tokens is not None and not self.ignore_case:
            return self.tokens(f"[^{re.escape(chr(av))}]"), None
        if op is _c.ANY and self.tokens is not None:
            return self.tokens("."), None  # compiled with the pattern's flags: DOTALL holds
        if op is _c.AT and av is _c.AT_BOUNDARY and self.tokens is not None:
            # Kept in leading strings: it rejects most positions (inside words) in one test.
            return self.tokens(r"\b"), None
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return _EMPTY  # zero-width: constrains the match but adds no characters to it
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & (re.IGNORECASE | re.DOTALL):
                return _UNKNOWN
            return self.sequence(sub.data)
        if op is _c.ATOMIC_GROUP:
            return self.sequence(av.data)
        if op is _c.BRANCH:
            return self.branch(av[1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, sub = av
            exact, factors = self.sequence(sub.data)
            if low == 0:
                return (exact | {""} if exact is not None and high == 1 else None), None
            if low == high == 1:
                return exact, factors
            return None, (exact if exact is not None and "" not in exact else factors)
        return _UNKNOWN  # GROUPREF, conditionals, ...

    def branch(self, alternatives: list[Any]) -> Info:
        exacts: set[str] | None = set()
        factors: set[str] | None = set()
        for alt in alternatives:
            exact, fac = self.sequence(alt.data)
            if exacts is not None:
                exacts = exacts | exact if exact is not None else None
                if exacts is not None and len(exacts) > _MAX_SET:
                    exacts = None
            best = exact if exact is not None and "" not in exact else fac
            if factors is not None:
                factors = factors | best if best is not None else None
        return (
            frozenset(exacts) if exacts is not None else None,
            frozenset(factors) if factors else None,
        )

    def sequence(self, items: list[tuple[Any, Any]]) -> Info:
        candidates: list[Strings] = []
        run: Strings = frozenset({""})  # exact strings of the current stretch of exact pieces
        whole = True  # every piece so far was exact and fitted in `run`
        for op, av in items:
            exact, factors = self.node(op, av)
            if exact is not None:
                joined = frozenset(a + b for a in run for b in exact)
                if len(joined) <= _MAX_SET and max(map(len, joined)) <= _MAX_LEN:
                    run = joined
                    continue
            whole = False
            candidates.append(run)
            run = exact if exact is not None else frozenset({""})
            if factors is not None:
                candidates.append(factors)
        candidates.append(run)
        useful = [_minimal(c) for c in candidates if "" not in c]
        best = max(useful, key=_score) if useful else None
        return (run if whole else None), best

    def lead_sequence(self, items: list[tuple[Any, Any]]) -> Strings | None:
        """Strings every match of `items` starts with ("" for "anything")."""
        run: Strings = frozenset({""})
        for op, av in items:
            if all(len(s) >= _LEAD_WIDTH for s in run):
                break
            exact, _ = self.node(op, av)
            nxt = exact if exact is not None else self.lead_node(op, av)
            if nxt is None:
                break
            joined = frozenset(a if len(a) >= _LEAD_WIDTH else (a + b)[:_LEAD_WIDTH]
                               for a in run for b in nxt)  # fmt: skip
            if len(joined) > _MAX_LEADS:
                break
            run = joined
            if exact is None:
                break  # only the start of this piece is known, not where it ends
        return run

    def lead_node(self, op: Any, av: Any) -> Strings | None:
        if op is _c.SUBPATTERN:
            if (av[1] | av[2]) & (re.IGNORECASE | re.DOTALL):
                return None
            return self.lead_sequence(av[3].data)
        if op is _c.ATOMIC_GROUP:
            return self.lead_sequence(av.data)
        if op is _c.BRANCH:
            found: set[str] = set()
            for alt in av[1]:
                found |= self.lead_sequence(alt.data) or {""}
            return frozenset(found)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return self.lead_sequence(av[2].data)
        return None


def _class_fragment(items: list[tuple[Any, Any]]) -> str | None:
    """The source of a parsed character class, or None for members this does not rebuild."""
    out = []
    for op, av in items:
        if op is _c.NEGATE:
            out.append("^")
        elif op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        else:
            return None
    return "[" + "".join(out) + "]"


def _minimal(strings: Strings) -> Strings:
    """Drop strings that contain another one: the shorter one occurs whenever they do."""
    if len(strings) < 2:
        return strings
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


# Words nearly every call to action or message contains: a literal set with one of them lets
# almost every text through, so another set of the same pattern is preferred when there is one.
_COMMON = words(
    """
    a an and are as at be by can for from in is it may of on or our the to we will with you your
    text texts message messages msg msgs sms reply stop help info opt opted sign up join form
    website web site online page check box agree consent receive send sent get customer customers
    number phone mobile data rates frequency privacy policy terms email call us
    """
)


def _score(strings: Strings) -> tuple[bool, int, int]:
    """Prefer sets without everyday words (selective), then long literals, then few of them
    (cheap to check)."""
    common = any(s.strip(" -") in _COMMON for s in strings)
    return not common, min(map(len, strings)), -len(strings)


def _parse(pattern: re.Pattern[str]) -> Any:
    try:
        return _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser change must cost speed, never a wrong answer
        return None


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of `pattern` contains one (lower case for IGNORECASE
    patterns), or None when the analysis finds no such set."""
    tree = _parse(pattern)
    if tree is None:
        return None
    exact, factors = _Reader(bool(pattern.flags & re.IGNORECASE)).sequence(tree.data)
    found = exact if exact is not None and "" not in exact else factors
    if not found:
        return None
    return tuple(sorted(_minimal(found), key=lambda s: (len(s), s)))


def _trie_source(strings: list[str], fragments: dict[str, str]) -> str:
    """A regex for the strings as a trie, so the engine checks each first character once."""
    heads: dict[str, list[str]] = {}
    for s in strings:
        heads.setdefault(s[0], []).append(s[1:])
    parts = []
    for head in sorted(heads):
        rest = heads[head]
        text = fragments.get(head) or re.escape(head)
        if "" in rest:  # a shorter leading string ends here: nothing more is needed
            parts.append(text)
        else:
            parts.append(text + _trie_source(rest, fragments))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def leading_literals(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches where every match of `pattern` starts (and maybe elsewhere), or
    None when some match may start with anything."""
    tree = _parse(pattern)
    if tree is None:
        return None
    tokens = _Tokens()
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    lead = _Reader(ignore_case, tokens).lead_sequence(tree.data)
    if not lead or "" in lead:
        return None
    keep = sorted(s for s in lead if not any(o != s and s.startswith(o) for o in lead))
    boundary = {t for t, fragment in tokens.fragments.items() if fragment == r"\b"}
    if all(set(s) <= boundary for s in keep):
        return None  # only "at a word boundary": no better than running the pattern
    flags = pattern.flags & (re.IGNORECASE | re.DOTALL | re.ASCII)
    return re.compile(_trie_source(keep, tokens.fragments), flags)


class Searchable(Protocol):
    """What detectors need of a pattern: a compiled regex, `Gated` or `Anchored`."""

    def search(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...

    def finditer(
        self, string: str, pos: int = ..., endpos: int = ...
    ) -> Iterator[re.Match[str]]: ...


class _PatternView:
    """What the gated and anchored wrappers share: the plain pattern they stand in for."""

    __slots__ = ("regex",)

    regex: re.Pattern[str]

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def flags(self) -> int:
        return self.regex.flags


class Gated(_PatternView):
    """A compiled pattern that runs only when the text holds one of its required literals.

    Offers the read-only `re.Pattern` methods the detectors use, with the same results.
    """

    __slots__ = ("_ignore_case", "literals")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.literals = required_literals(regex)
        self._ignore_case = bool(regex.flags & re.IGNORECASE)

    def __repr__(self) -> str:
        return f"Gated({self.regex!r}, literals={self.literals!r})"

    def may_match(self, text: str) -> bool:
        """False only when no match is possible anywhere in `text`."""
        literals = self.literals
        if literals is None:
            return True
        if self._ignore_case:
            if not text.isascii():
                return True  # non-ASCII case folding is the engine's business
            text = text.lower()
        return any(map(text.__contains__, literals))

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(string, pos, endpos) if self.may_match(string) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(string, pos, endpos) if self.may_match(string) else None

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(string, pos, endpos) if self.may_match(string) else iter(())


class Anchored(_PatternView):
    """A compiled pattern tried only where one of its leading strings starts.

    `search` and `finditer` give exactly the matches of the plain pattern: the leftmost match
    starts at a leading string, and `match` at that position runs the same backtracking.
    """

    __slots__ = ("lead",)

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.lead = leading_literals(regex)

    def __repr__(self) -> str:
        return f"Anchored({self.regex!r})"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        lead = self.lead
        if lead is None:
            return self.regex.search(string, pos, endpos)
        # Bounds as the engine clamps them; a zero-width lead (a word boundary) must not be
        # found again behind `pos`, where the engine would clamp a too-large `pos` back to.
        length = len(string)
        pos, endpos = min(max(pos, 0), length), min(max(endpos, 0), length)
        match, find = self.regex.match, lead.search
        while pos <= endpos and (candidate := find(string, pos, endpos)) is not None:
            start = candidate.start()
            hit = match(string, start, endpos)
            if hit is not None:
                return hit
            pos = start + 1
        return None

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self.lead is None:
            yield from self.regex.finditer(string, pos, endpos)
            return
        # No match is empty (an empty leading string gives no lead), so the next one starts at
        # or after the end of the previous one, as in `re.finditer`.
        while (hit := self.search(string, pos, endpos)) is not None:
            yield hit
            pos = hit.end()
