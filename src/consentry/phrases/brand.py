"""The brand's names as a reviewer accepts them, and finding one of them in text.

"Maple Street Dental PLLC" is also "Maple Street Dental", "Maple St. Dental", "MAPLE STREET
DENTAL:" and "maplestreetdental.com"; "The Smith & Sons Co." is also "Smith and Sons".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from consentry.phrases.contacts import registrable_domain, url_host
from consentry.phrases.normalize import Match, fold
from consentry.phrases.scan import first
from consentry.phrases.vocab import words

__all__ = ["brand_aliases", "find_brand", "mentions_brand"]

_SUFFIX_WORD = (
    r"l\.?\s?l\.?\s?l\.?\s?p|p\.?\s?l\.?\s?l\.?\s?c|l\.?\s?l\.?\s?c|l\.?\s?l\.?\s?p|l\.?\s?p|inc"
    r"|incorporated|corp|corporation|co|company|ltd|limited|p\.?\s?c|p\.?\s?a|p\.?\s?s\.?\s?c"
    r"|a\.?\s?p\.?\s?c|s\.?\s?c|plc|gmbh|chartered|l\.?\s?c|n\.?\s?a"
    r"|professional\s(?:corporation|association|limited\sliability\scompany)"
    r"|limited\sliability\s(?:company|partnership)"
)
_SUFFIX = re.compile(rf"(?:[\s,]+(?:{_SUFFIX_WORD})\.?)+\s*$", re.IGNORECASE)
_DBA = re.compile(
    r"\s*(?:,\s*)?\b(?:dba|d/b/a|d\.b\.a\.?|doing\sbusiness\sas|t/a|trading\sas|aka|a/k/a|f/k/a)"
    r"(?:\s|:|$)\s*",
    re.IGNORECASE,
)
_SUFFIX_TOKENS = words(
    """
    llc llp lllp pllc lp inc incorporated corp corporation co company ltd limited pc pa psc
    apc sc plc gmbh chartered lc na
    """
)
# Long and short spellings reviewers treat as the same word.
_ABBREV = {
    "street": ("st",),
    "saint": ("st",),
    "avenue": ("ave", "av"),
    "road": ("rd",),
    "mount": ("mt",),
    "fort": ("ft",),
    "center": ("ctr", "centre"),
    "centre": ("ctr", "center"),
    "boulevard": ("blvd",),
    "drive": ("dr",),
    "doctor": ("dr",),
    "brothers": ("bros",),
    "associates": ("assoc", "assocs"),
    "international": ("intl",),
    "services": ("svcs", "svc"),
    "management": ("mgmt",),
    "department": ("dept",),
    "university": ("univ",),
    "and": ("&", "n", "+"),
}
_SHORT: dict[str, tuple[str, ...]] = {}
for _long, _shorts in _ABBREV.items():
    for _s in _shorts:
        _SHORT[_s] = (*_SHORT.get(_s, ()), _long)

# Words too generic to identify a business on their own.
_COMMON = words(
    """
    the and our your you we us company business brand store shop team group services service
    solutions dental dentist dentistry clinic medical health healthcare care law legal
    realty homes home auto pizza cafe coffee salon spa fitness gym church school academy
    studio agency consulting insurance financial finance bank market marketing media design
    text sms message messages help info stop support office center centre express global
    national american united first best family local city county state house garden pet pets
    vet plumbing roofing cleaning construction repair repairs management properties property
    rentals apartments hotel restaurant bar grill kitchen bakery boutique beauty hair nails
    wellness therapy pharmacy hospital clinic associates partners holdings enterprises
    industries international systems technologies technology tech software digital online
    web mobile contact hello welcome thanks thank new now today main street avenue north
    south east west center capital trust community foundation
    """
)


_MARKS = re.compile(r"[\u2122\u00ae\u00a9]")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _clean(name: str) -> str:
    s = " ".join(_MARKS.sub("", name).split())
    return s.strip(" ,.;:-\"'")


def _without_suffix(name: str) -> str:
    prev = None
    s = name
    while s != prev:
        prev = s
        s = _SUFFIX.sub("", s).strip(" ,&")
    return s


def _swap_words(name: str, long_to_short: bool) -> str:
    words = name.split(" ")
    out = []
    for i, w in enumerate(words):
        key = w.lower().rstrip(".")
        if long_to_short and key in _ABBREV and key != "and":
            out.append(_ABBREV[key][0].capitalize() if w[:1].isupper() else _ABBREV[key][0])
        elif not long_to_short and key in _SHORT and key not in ("&", "n", "+"):
            longs = _SHORT[key]
            pick = "saint" if key == "st" and i == 0 else longs[0]
            out.append(pick.capitalize() if w[:1].isupper() else pick)
        elif w == "&":
            out.append("and")
        elif key == "and" and not long_to_short:
            out.append("&")
        else:
            out.append(w)
    return " ".join(out)


def _too_generic(alias: str) -> bool:
    letters = re.sub(r"[^a-z0-9]", "", fold(alias).text)
    if len(letters) < 3:
        return True
    words = re.findall(r"[a-z0-9]+", fold(alias).text)
    return len(words) == 1 and words[0] in _COMMON


def brand_aliases(
    display_name: str | None, legal_name: str | None, website: str | None
) -> tuple[str, ...]:
    """Names a reviewer accepts as the brand, most specific first; generic ones are dropped."""
    out, seen = _name_aliases(display_name, legal_name)
    host = url_host(website) if website else None
    if host:
        # The domain goes last, kept under the same rules as the names before it.
        domain = registrable_domain(host)
        if domain and fold(domain).text not in seen and not _too_generic(domain):
            return (*out, *_hyphenated_name(domain, seen), domain)
    return out


def short_names(names: Sequence[str | None], texts: Sequence[str | None]) -> tuple[str, ...]:
    """Leading words of the brand's name that the registration itself uses as the name.

    "Maza Mediterranean Cuisine" whose description says "... subscribed to the Maza SMS list" and
    whose flow says "texts from Maza": the business introduced "Maza" as its short name, so a
    sample signed "Maza:" names it. Only a prefix that stands alone (not followed by the rest of
    the name), starts with a capital, and is not a common word counts.
    """
    found: list[str] = []
    for name in names:
        if not name or not name.strip():
            continue
        for base in (_without_suffix(_clean(x)) for x in _DBA.split(name)):
            tokens = base.split()
            for k in range(1, len(tokens)):
                prefix = " ".join(tokens[:k])
                if prefix in found or _too_generic(prefix) or not prefix[:1].isupper():
                    continue
                if len(re.sub(r"[^A-Za-z0-9]", "", prefix)) < 4:
                    continue
                if not any(prefix in t for t in texts if t):
                    continue  # the usual case, decided without a pattern
                alone = re.compile(
                    rf"(?<![\w-]){re.escape(prefix)}(?![\w-])(?!\s+{re.escape(tokens[k])}\b)"
                )
                if any(alone.search(t) for t in texts if t):
                    found.append(prefix)
    return tuple(found)


def _hyphenated_name(domain: str, seen: frozenset[str]) -> tuple[str, ...]:
    """The name a hyphenated domain spells: "shared-events.pages.dev" -> "shared events".

    A sole proprietor registers under a person's name, and their replies name the product on
    the website; the words of its hyphenated domain are that name (run-together domains such as
    "joesplumbing.com" cannot be split without guessing, and are matched as written)."""
    label = domain.split(".", 1)[0]
    words = [w for w in label.split("-") if w]
    if len(words) < 2 or not all(w.isalnum() for w in words):
        return ()
    name = " ".join(words)
    return () if fold(name).text in seen or _too_generic(name) else (name,)


@lru_cache(maxsize=256)
def _name_aliases(
    display_name: str | None, legal_name: str | None
) -> tuple[tuple[str, ...], frozenset[str]]:
    """The aliases from the names and their folded keys (cached: a brand's campaigns share
    names, and working out the forms is most of the cost of `brand_aliases`)."""
    bases: list[str] = []
    for name in (display_name, legal_name):
        if name and name.strip():
            bases.extend(p for p in (_clean(x) for x in _DBA.split(name)) if p)
    found: list[str] = []
    for base in bases:
        # Duplicates are dropped as they appear (most names have no suffix, "the" or
        # abbreviation): the first occurrence of each form, and so the result, is unchanged.
        forms = list(dict.fromkeys((base, _without_suffix(base))))
        forms = list(dict.fromkeys([*forms, *(_THE.sub("", f) for f in forms)]))
        for f in list(forms):
            forms += [_swap_words(f, True), _swap_words(f, False)]
        found.extend(_clean(f) for f in dict.fromkeys(forms))
    seen: set[str] = set()
    out: list[str] = []
    for alias in dict.fromkeys(found):
        key = fold(alias).text
        if alias and key not in seen and not _too_generic(alias):
            seen.add(key)
            out.append(alias)
    return tuple(out), frozenset(seen)


def _token_options(token: str) -> tuple[str, ...]:
    """The spellings of one word of a name, longest first."""
    # Symmetric, so "Street" and "St" give the same pattern and their aliases collapse into one.
    options = {token, *_ABBREV.get(token, ()), *_SHORT.get(token, ())}
    for other in list(options):
        options |= {*_ABBREV.get(other, ()), *_SHORT.get(other, ())}
    if token in ("and", "&"):
        options |= {"and", "&", "n", "+"}
    return tuple(sorted(options, key=len, reverse=True))


def _token_pattern(token: str) -> str:
    return "(?:" + "|".join(re.escape(o) for o in _token_options(token)) + ")"


_TOKEN = re.compile(r"[a-z0-9]+|&")


def _alias_tokens(alias: str) -> tuple[bool, list[re.Match[str]], list[str]] | None:
    """An alias as (starts with "the", core word matches in its folded text, suffix words)."""
    found = list(_TOKEN.finditer(fold(alias).text))
    lead = len(found) > 1 and found[0].group() == "the"
    if lead:
        found = found[1:]
    n_tail = 0
    while len(found) - n_tail > 1 and found[-1 - n_tail].group() in _SUFFIX_TOKENS:
        n_tail += 1
    core, tail = found[: len(found) - n_tail], [m.group() for m in found[len(found) - n_tail :]]
    return (lead, core, tail) if core else None


def _runs_together(core: list[str]) -> bool:
    # Words may run together ("MapleStreetDental") only when that cannot make a common word.
    return sum(len(t) for t in core) >= 10


def _alias_parts(alias: str) -> tuple[str, str | None] | None:
    """An alias as (core pattern, optional entity-suffix pattern)."""
    parts = _alias_tokens(alias)
    if parts is None:
        return None
    lead, found, tail = parts
    core = [m.group() for m in found]
    sep = r"[^a-z0-9\n]{0,3}" if _runs_together(core) else r"[^a-z0-9\n]{1,3}"
    return (r"(?:the\s)?" if lead else "") + _join(core, sep), (_join(tail, sep) if tail else None)


def _join(tokens: list[str], sep: str) -> str:
    """Token patterns with separators; '&' may touch its neighbours ("A&B Dental", "AT&T")."""
    out = _token_pattern(tokens[0])
    for prev, token in itertools.pairwise(tokens):
        glue = r"[^a-z0-9\n]{0,3}" if "&" in (prev, token) else sep
        out += glue + _token_pattern(token)
    return out


def _alias_pattern(alias: str) -> str | None:
    parts = _alias_parts(alias)
    if parts is None:
        return None
    body, tail = parts
    return body + (rf"(?:[\s,]{{1,2}}{tail}\.?)?" if tail else "")


@lru_cache(maxsize=256)
def _brand_regex(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    # Aliases that differ only by an entity suffix or an abbreviation share one alternative:
    # the suffix is optional anyway, and a smaller pattern compiles several times faster (every
    # campaign in a batch has its own brand, so compiling is part of the cost of a lint).
    cores: dict[str, tuple[set[str], bool]] = {}
    for alias in aliases:
        parts = _alias_parts(alias) if alias and alias.strip() else None
        if parts is None:
            continue
        body, tail = parts
        tails, is_domain = cores.get(body, (set(), False))
        if tail:
            tails.add(tail)
        cores[body] = (tails, is_domain or ("." in alias and " " not in alias.strip()))
    if not cores:
        return None
    ranked: dict[str, tuple[bool, int]] = {}
    for body, (tails, is_domain) in cores.items():
        if tails:
            body += rf"(?:[\s,]{{1,2}}(?:{'|'.join(sorted(tails))})\.?)?"
        ranked[body] = (not is_domain, -len(body))
    # Domains first, so "maplestreetdental.com" is reported whole rather than its first word.
    alternation = "|".join(sorted(ranked, key=lambda b: ranked[b]))
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])")


@dataclass(frozen=True, slots=True)
class _Quick:
    """What decides most brand look-ups without compiling the brand's pattern (a third of a
    millisecond, and every campaign in a batch has its own brand).

    `spellings`: strings the pattern matches whole, so finding one between non-alphanumerics
    proves a mention. `needs`: per alias, the spellings of one of its words; if no alias has one
    of its needed words in the text, the pattern cannot match.
    """

    spellings: tuple[str, ...]
    needs: tuple[tuple[str, ...], ...]


def _spellings(core: list[re.Match[str]], folded_alias: str) -> set[str]:
    words = [m.group() for m in core]
    found = {" ".join(words)}  # one blank between words is always a separator
    least = 0 if _runs_together(words) else 1
    gaps = [folded_alias[a.end() : b.start()] for a, b in itertools.pairwise(core)]
    # The alias as written, if its own separators are ones the pattern accepts.
    if all(
        (0 if "&" in (a.group(), b.group()) else least) <= len(gap) <= 3
        and not re.search(r"[a-z0-9\n]", gap)
        for gap, (a, b) in zip(gaps, itertools.pairwise(core), strict=True)
    ):
        found.add(folded_alias[core[0].start() : core[-1].end()])
    return found


@lru_cache(maxsize=256)
def _quick(aliases: tuple[str, ...]) -> _Quick | None:
    spellings: set[str] = set()
    needs: list[tuple[str, ...]] = []
    for alias in aliases:
        parts = _alias_tokens(alias) if alias and alias.strip() else None
        if parts is None:
            continue
        _lead, core, _tail = parts
        spellings |= _spellings(core, fold(alias).text)
        options = [_token_options(m.group()) for m in core]
        needs.append(max(options, key=lambda o: min(map(len, o))))
    if not needs:
        return None
    return _Quick(tuple(sorted(spellings, key=len, reverse=True)), tuple(needs))


def _bounded(text: str, word: str) -> bool:
    """`word` occurs in `text` with no letter or digit [a-z0-9] right before or after it."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or text[start - 1] not in _ALNUM) and (
            end == len(text) or text[end] not in _ALNUM
        ):
            return True
        start = text.find(word, start + 1)
    return False


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def mentions_brand(text: str, aliases: Sequence[str]) -> bool:
    """`find_brand(text, aliases) is not None`, mostly without compiling the brand's pattern."""
    if not text or not aliases:
        return False
    key = tuple(aliases)
    quick = _quick(key)
    if quick is None:
        return False
    folded = fold(text).text
    if any(_bounded(folded, s) for s in quick.spellings):
        return True
    if not any(any(o in folded for o in options) for options in quick.needs):
        return False
    pattern = _brand_regex(key)
    return pattern is not None and pattern.search(folded) is not None


def find_brand(text: str, aliases: Sequence[str]) -> Match | None:
    """First whole-word mention of any alias, ignoring case, punctuation and St/Street-style
    abbreviations ("Maple St. Dental:", "MAPLE STREET DENTAL", "maplestreetdental.com")."""
    if not text or not aliases:
        return None
    pattern = _brand_regex(tuple(aliases))
    if pattern is None:
        return None
    return first(fold(text), pattern)
