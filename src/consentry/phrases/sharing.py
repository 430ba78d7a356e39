"""What a privacy policy says about handing data over (rules.md R070-R073, R078): the mobile
non-sharing promise, promises that only say "not sold", clauses that allow sharing, and the SMS
opt-in carve-out that neutralises them.

Sharing statements are judged clause by clause: which verbs are negated ("will not be sold,
rented or shared"), who the data goes to (marketing partners vs. service providers that deliver
the messages) and whether SMS opt-in data is carved out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import TypeAlias

from consentry.phrases.literals import Anchored
from consentry.phrases.normalize import Folded, Match, fold
from consentry.phrases.scan import at_word_start, clause_window, first, first_of, sentence_window
from consentry.phrases.vocab import DATA_WORD, NEG_SEARCH, trie, words

__all__ = [
    "find_no_sharing_statement",
    "find_sharing_permission",
    "find_sms_carve_out",
    "find_sold_only_statement",
]

# ------------------------------------------------------------------ what a clause does with data

_SHARE_V = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|transfer(?:s|red|ring)?|disclos(?:e|es|ed|ing)|distribut(?:e|es|ed"
    r"|ing)|releas(?:e|es|ed|ing)|exchang(?:e|es|ed|ing)|sublicens\w{0,3}|divulg\w{0,3}"
    r"|pass(?:es|ed|ing)?\s(?:on|along)|(?P<weak>provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|made"
    r"\savailable|make\savailable|send|sent|forward(?:s|ed|ing)?|reveal(?:s|ed|ing)?))\b"
)
_SELL_V = re.compile(r"\b(?:sell|sells|sold|selling|resell\w{0,3})\b")
_OTHER_V = re.compile(
    r"\b(?:rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)|trad(?:e|es|ed|ing)|monetiz\w{0,4})\b"
)
_ANY_V = at_word_start(f"{_SHARE_V.pattern}|{_SELL_V.pattern}|{_OTHER_V.pattern}")
_COORD = re.compile(r"(?:,|/|&|\bor\b|\band\b|\bnor\b|\botherwise\b|\bto\b)[^,/&]{0,14}$")
_TO_SOMEONE = re.compile(
    r"\b(?:to|with)\s(?:any\s|other\s|outside\s|non-?affiliated\s|unaffiliated\s)?(?:third|3rd"
    r"|outside|other|anyone|any\sone|others|partners?|affiliates?|companies|marketers|advertisers"
    r"|vendors|lenders|anybody)"
)
_NEG_ANCHOR = Anchored(
    at_word_start(
        r"\b(?:do|does|did|will|shall|would|should|can|could|may|must|is|are|was|were|be|been|has|have)"
        r"\s(?:not|never)\b|\b(?:don't|doesn't|didn't|won't|shan't|wouldn't|shouldn't|can't|cannot"
        r"|isn't|aren't|wasn't|weren't|dont|doesnt|wont|cant|isnt|arent|never|not|no|none\sof|neither"
        r"|under\sno\scircumstances|at\sno\stime)\b"
        # ... followed closely by a verb of handing data over (checked in C before any Python runs)
        r"(?=[^.;!?\n]{0,70}?\b(?:shar|transfer|disclos|distribut|releas|exchang|sublicens|divulg"
        r"|pass\s|provid|giv|made\savail|make\savail|send|sent|forward|reveal|sell|sold|resell|rent"
        r"|leas|trad|monetiz))"
    )
)
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|is|are|was|were|being|get|gets|got)\s(?:\w+\s)?$")
_NOT_DATA_OBJECT = re.compile(
    r"\b(?:code|codes|passcode|password|pin|otp|link|login|credentials|screen|post|feedback"
    r"|experience|story|opinion|location\swith\sfriends)\b"
)
_DATA_OR_PARTY = re.compile(
    rf"\b(?:{DATA_WORD}|third|3rd|partners?|affiliates?|anyone|it|them|this|opt-?in|consent)\b"
)
# Words that may stand between a negation and the verb it negates ("will not, under any
# circumstances, be shared"); any other word means the negation belongs to another verb.
_GAP_WORDS = words(
    """be been being ever knowingly intentionally otherwise directly voluntarily willingly
    currently generally absolutely actively routinely typically normally ordinarily and or nor
    under any circumstances in way shape form at all time we you they it its your our the this
    that will shall do does ever now also then further sell sold rent rented lease leased trade
    traded or"""
)
_FOR_MONEY = re.compile(
    r"\b(?:in\sexchange\sfor|for)\s(?:money|payment|cash|profit|compensation|monetary"
    r"|valuable\sconsideration|financial\sgain)\b"
)
_IMPERATIVE_START = re.compile(r"^\W*(?:(?:please|and|but|so|also|remember|important|note)\W*)*$")


def _first_gap_ok(anchor: str, gap: str) -> bool:
    """The first verb must follow the negation closely ("do not knowingly share", "No mobile
    information will be shared"); "do not want us to share" negates "want", not "share"."""
    if len(gap) > 60:
        return False
    if anchor in ("no", "none of"):
        return not gap.strip() or _PASSIVE_BEFORE.search(gap) is not None
    return _GAP_WORDS.issuperset(re.findall(r"[a-z']+", gap))


def _negated_verbs(folded: Folded, anchor: re.Match[str]) -> tuple[set[str], int, int] | None:
    """The kinds of verb ({"share", "sell", "other"}) a negation anchor negates, with the span
    of the statement, or None when the anchor does not negate a data-handling verb."""
    t = folded.text
    _, cb = clause_window(t, anchor.start(), anchor.end(), 200)
    kinds: set[str] = set()
    last_end = anchor.end()
    passive_any = False
    for n, v in enumerate(_ANY_V.finditer(t, anchor.end(), cb)):
        gap = t[last_end : v.start()]
        if n == 0:
            if not _first_gap_ok(anchor.group(), gap):
                return None
        elif not _COORD.search(gap) or len(gap) > 70:
            break
        passive_any = (
            passive_any or _PASSIVE_BEFORE.search(t, max(0, v.start() - 16), v.start()) is not None
        )
        word = v.group()
        if _SELL_V.fullmatch(word):
            kinds.add("sell")
        elif _OTHER_V.fullmatch(word):
            kinds.add("other")
        elif v.group("weak") is None or _TO_SOMEONE.search(t, v.end(), min(cb, v.end() + 80)):
            kinds.add("share")
        last_end = v.end()
    if not kinds:
        return None
    if "share" in kinds and _FOR_MONEY.search(t, last_end, min(cb, last_end + 120)):
        kinds = (kinds - {"share"}) | {
            "sell"
        }  # "not transferred ... in exchange for money" = not sold
    sa, sb = sentence_window(t, anchor.start(), anchor.end())
    lead = t[sa : anchor.start()]
    if _IMPERATIVE_START.match(lead) and anchor.group().split()[0] in (
        "do",
        "don't",
        "dont",
        "never",
        "not",
    ):
        return None  # "Do not share this code with anyone"
    if _NOT_DATA_OBJECT.search(t, anchor.end(), min(cb, last_end + 30)):
        return None
    if not passive_any and _DATA_OR_PARTY.search(t, sa, sb) is None:
        return None  # "we do not share a wall with the neighbours"
    return kinds, sa, sb


Statement: TypeAlias = tuple[frozenset[str], int, int]
_MAX_STATEMENTS = 120  # far more than any real policy has; bounds adversarial input


class _Statements:
    """The negated data-handling statements of one text, found lazily and remembered: the
    three detectors that ask usually stop at the first one."""

    def __init__(self, folded: Folded) -> None:
        self._folded = folded
        self._anchors = _NEG_ANCHOR.finditer(folded.text)
        self._found: list[Statement] = []
        self._seen = 0

    def __iter__(self) -> Iterator[Statement]:
        i = 0
        while True:
            if i < len(self._found):
                yield self._found[i]
                i += 1
                continue
            if not self._pull():
                return

    def _pull(self) -> bool:
        for anchor in self._anchors:
            self._seen += 1
            if self._seen > _MAX_STATEMENTS:
                break
            found = _negated_verbs(self._folded, anchor)
            if found is not None:
                self._found.append((frozenset(found[0]), found[1], found[2]))
                return True
        return False


def _negated_statements(folded: Folded) -> _Statements:
    return _statements_for(folded.original)


@lru_cache(maxsize=64)
def _statements_for(text: str) -> _Statements:
    return _Statements(fold(text))


def _no_sharing(folded: Folded) -> Match | None:
    for kinds, a, b in _negated_statements(folded):
        if "share" in kinds:
            return folded.match(a, b)
    return None


def _sold_only(folded: Folded) -> Match | None:
    for kinds, a, b in _negated_statements(folded):
        if kinds == {"sell"}:
            return folded.match(a, b)
    return None


def find_no_sharing_statement(text: str) -> Match | None:
    """A promise not to share/transfer/disclose data: "No mobile information will be shared with
    third parties/affiliates for marketing/promotional purposes". "Not sold" alone is not one."""
    return first_of(text, (_no_sharing,))


def find_sold_only_statement(text: str) -> Match | None:
    """A promise that only says data is not SOLD ("We do not sell your information"); R072.

    Reported even if another sentence promises not to share; callers combine the two."""
    return first_of(text, (_sold_only,))


# ---------------------------------------------------------------------- SMS carve-out (R071)

_MOBILE = r"(?:text\smessag\w{0,3}|sms|mobile|originator|opt-?\s?in|phone\snumbers?|cell\s?phone)"
_CARVE = at_word_start(
    r"\b(?:exclud(?:e|es|ed|ing)|except(?:ing)?|does\snot\sinclude|do\snot\sinclude|doesn't\sinclude"
    r"|don't\sinclude|not\sinclud(?:e|ing)|other\sthan|apart\sfrom|with\sthe\sexception\sof"
    r"|(?:does|do)\snot\sapply\sto|(?:doesn't|don't)\sapply\sto|not\sapplicable\sto|exempt(?:s|ed)?)"
    rf"\b[^.!?;\n]{{0,80}}?\b{_MOBILE}\b[^.!?;\n]{{0,60}}?\b(?:opt-?\s?in|consent|data|information"
    r"|info|numbers?)\b"
    r"|\b(?:sms|text\smessaging|text\smessage|mobile|originator)\s(?:[\w-]+\s){0,3}?(?:data|information"
    r"|info|consent|numbers?)\s(?:\w+\s){0,6}?(?:are|is|will\sbe|shall\sbe)\s(?:excluded|exempt"
    r"|not\sincluded)\b"
)
_MOBILE_SEARCH = re.compile(
    rf"\b{_MOBILE}\b|\b(?:mobile|cell|phone)\s?(?:numbers?|information|info|data)\b"
)


def _carve(folded: Folded) -> Match | None:
    hit = first(folded, _CARVE)
    if hit is not None:
        return hit
    for kinds, a, b in _negated_statements(folded):
        if "share" in kinds and _MOBILE_SEARCH.search(folded.text, a, b):
            return folded.match(a, b)  # "No mobile information will be shared ..."
    return None


def find_sms_carve_out(text: str) -> Match | None:
    """SMS opt-in data excluded from sharing: "All the above categories exclude text messaging
    originator opt-in data and consent", or a non-sharing promise about mobile data."""
    return first_of(text, (_carve,))


# ---------------------------------------------------------------- clauses that allow sharing

_RECIPIENT = re.compile(
    r"\b(?:third[\s-]?part(?:y|ies)|3rd[\s-]?part(?:y|ies)|partners?|affiliates?|affiliated\s"
    r"(?:companies|entities|businesses|brands|organi[sz]ations)|subsidiar(?:y|ies)|sister\scompanies"
    r"|parent\scompany|advertisers?|ad\snetworks?|advertising\snetworks?|marketers?|marketing"
    r"\s(?:companies|firms|agencies|vendors)|sponsors?|other\s(?:companies|businesses|organi[sz]ations"
    r"|entities|brands|merchants|parties|lenders)|outside\s(?:companies|parties|organi[sz]ations)"
    r"|(?:non-?|un)affiliated\s(?:companies|parties|entities)|lenders?|insurers?|insurance\s"
    r"(?:companies|agents|carriers)|data\sbrokers?|list\s(?:brokers?|providers?)|lead\s(?:buyers?"
    r"|generators?)|(?:companies|businesses|organi[sz]ations)\s(?:that|who|we\swork\swith)|others)\b"
)
# A recipient is a service provider when it is named as one ("third-party service providers")
# or qualified right after ("third parties that help us provide our messaging services").
_SERVICE_NOUN = (
    r"(?:service\s(?:providers?|partners?)|providers?\sof\sservices|vendors?|contractors?"
    r"|processors?|sub-?processors?|suppliers?|platform\sproviders?|phone\scompanies"
    r"|(?:wireless|mobile)\scarriers|carriers|aggregators?|messaging\s(?:platforms?|services?"
    r"|providers?|vendors?)|payment\sprocessors?|shipping\scompanies|hosting\sproviders?)"
)
_SERVICE_AFTER = re.compile(
    rf"\s?(?:{_SERVICE_NOUN}\b"
    r"|,?\s(?:who|that|which)\s(?:\w+\s)?(?:help|assist|support|perform|provide|process|operate"
    r"|enable|host|maintain|facilitate|work\son\sour\sbehalf|act\son\sour\sbehalf|deliver|power)"
    r"|,?\s(?:such\sas|including|like|e\.g\.,?)\s(?:our\s)?(?:\w+\s){0,2}?"
    rf"{_SERVICE_NOUN}\b"
    r"|[^.;]{0,40}?\bon\sour\sbehalf"
    r"|[^.;]{0,30}?\b(?:(?:in\sorder\s)?to\s(?:help\sus\s)?(?:provide|deliver|operate|process"
    r"|fulfil+|perform|send|support|complete|administer|host|maintain|run)|as\snecessary\sto"
    r"|for\s(?:the\spurpose\sof\s)?(?:providing|delivering|processing|fulfil+ing)|for\sthis"
    r"\spurpose))"
)
_SERVICE_BEFORE = Anchored(re.compile(rf"(?:\bservice|{_SERVICE_NOUN})\s?$"))


_MARKETING_PURPOSE = re.compile(
    r"\b(?:(?:their|its)\s(?:own\s)?(?:marketing|advertising|promotional|commercial)|marketing"
    r"\s(?:partners?|purposes|companies|firms|agencies|lists?)|for\s(?:direct\s)?(?:marketing"
    r"|advertising|promotional)|advertis\w+|market\s(?:to\syou|their|our|its|products|services)|contact\syou\s"
    r"(?:about|with|regarding)|offer\syou|lead\s?gen\w*|promotional\spurposes|who\smay\scontact)\b"
)
_BENIGN = re.compile(
    r"\b(?:required\sby\slaw|law\senforcement|legal\sprocess|subpoena|court\sorder|comply\swith"
    r"|legal\sobligations?|government(?:al)?\s(?:authorit\w+|agenc\w+|requests?)|protect\s(?:our|the)"
    r"\s(?:rights|safety)|merger|acquisition|bankruptcy|reorgani[sz]ation|sale\sof\s(?:all|substantially"
    r"|our\s(?:business|company|assets))|business\stransfers?|aggregated?|de-?identified"
    r"|anonymi[sz]ed|non-?personal|your\s(?:direction|request|instruction)|at\syour\srequest)\b"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|your|our|their|his|her|its|new|free|fair)\s$")
_SOLD_OBJECT = re.compile(
    r"(?:\s(?:or|and|,|/)\s?\w+(?:\sor\s\w+)?)?,?\s(?:(?:all|any|some|certain)\s(?:of\s)?)?(?:your|personal"
    r"|customer|user|consumer|contact|mobile|phone|subscriber|patient|client|member|the\s(?:\w+\s)?"
    r"(?:information|data|list|numbers?)|data|information|info|lists?|it|them|such|this|that"
    r"|names|email|e-mail|leads?)\b"
)
_DATA_NEAR = re.compile(rf"\b{DATA_WORD}\b|\b(?:it|them)\b")
_YOU_SUBJECT = re.compile(r"\byou\s(?:may|can|might|could|choose\sto|decide\sto)?\s?$")
_NEG_BREAK = re.compile(r",\s(?:we|they|you|he|she|it|our\s\w+|[a-z]+\s(?:may|will|can|might))\b")


def _permission_ok(folded: Folded, m: re.Match[str]) -> bool:
    t = folded.text
    a, b = clause_window(t, m.start(), m.end(), 220)
    left = t[max(a, m.start() - 60) : m.start()]
    negations = list(NEG_SEARCH.finditer(left))
    if negations and not _NEG_BREAK.search(left, negations[-1].end()):
        return False
    if _YOU_SUBJECT.search(left):
        return False
    marketing = _MARKETING_PURPOSE.search(t, a, b) is not None
    if _BENIGN.search(t, a, b) and not marketing:
        return False
    word = m.group()
    data_near = _DATA_NEAR.search(t, max(a, m.start() - 60), min(b, m.end() + 80))
    if _SELL_V.fullmatch(word) or _OTHER_V.fullmatch(word):
        # "sign a lease", "trade show": the noun, not the verb
        if _DETERMINER_BEFORE.search(t, max(0, m.start() - 12), m.start()):
            return False
        passive = _PASSIVE_BEFORE.search(t, max(0, m.start() - 16), m.start()) is not None
        return data_near is not None and (passive or _SOLD_OBJECT.match(t, m.end()) is not None)
    if data_near is None:
        return False
    recipients = list(_RECIPIENT.finditer(t, m.end(), min(b, m.end() + 160)))
    if not recipients:
        return False
    if marketing:
        return True
    for r in recipients:
        before = t[max(a, r.start() - 20) : r.start()]
        if _SERVICE_BEFORE.search(before) or _SERVICE_AFTER.match(t, r.end(), b):
            continue
        return True
    return False


# Where a recipient word or a sentence end is: a sharing verb is only worth judging if a
# recipient follows it in the same sentence ("share your experience" is not). Positions are
# found once per text at C speed and looked up by bisection, so 100 KB of "we share we share"
# costs milliseconds.
_RECIPIENT_HINT = re.compile(
    trie(
        """third 3rd partner affiliat advertis marketer sponsor other outside nonaffiliated
        non-affiliated unaffiliated lender insurer insurance data_broker list_ lead_ compan
        business organis organiz subsidiar sister parent""",
        guard=False,
    )
)
_SENTENCE_STOP = re.compile(r"[.;!?\n]")
_MAX_PERMISSION_CHECKS = 400  # a real policy has far fewer sharing verbs


def _permission(folded: Folded) -> Match | None:
    if _carve(folded) is not None:
        return None
    t = folded.text
    hints = [m.start() for m in _RECIPIENT_HINT.finditer(t)]
    stops = [m.start() for m in _SENTENCE_STOP.finditer(t)]
    checks = 0
    for m in _ANY_V.finditer(t):
        word = m.group()
        if not (_SELL_V.fullmatch(word) or _OTHER_V.fullmatch(word)):
            i = bisect_left(hints, m.end())
            if i == len(hints) or hints[i] > m.end() + 160:
                continue
            j = bisect_left(stops, m.end())
            if j < len(stops) and stops[j] < hints[i]:
                continue
        checks += 1
        if checks > _MAX_PERMISSION_CHECKS:
            break
        if _permission_ok(folded, m):
            a, b = clause_window(t, m.start(), m.end(), 220)
            while a < m.start() and t[a] in " ,;:-":
                a += 1
            return folded.match(a, b)
    return None


def find_sharing_permission(text: str) -> Match | None:
    """A clause that lets the business share or sell personal data with third parties, partners
    or affiliates ("we may share your information with our marketing partners").

    Not a negation, not sharing limited to service providers that deliver the service, legal
    disclosures or mergers, and None whenever the text carves SMS opt-in data out (see
    `find_sms_carve_out`)."""
    return first_of(text, (_permission,))
