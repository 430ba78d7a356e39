"""The keyword engine: is an inbound text an opt-out, an opt-in, a HELP request, a possible
revocation for a person to review, or none of these?

Order of decisions, and why:
1. Automated messages (auto-replies, carrier notices, other businesses' "Reply STOP to opt out")
   are `none`: answering or obeying them is how two bots end up in a loop.
2. A clause that is only keywords (plus politeness, emoji, sign-offs, repetition or a typo)
   decides: "Stop. Thank you", "Who is this? STOP", "stpo". Opt-outs win over everything else.
3. Natural-language rules (nlrules) find clear revocations and doubtful ones; guards stop
   "I can't stop by today" or "cancel my appointment" from counting.
4. A revocation keyword left in a sentence no rule explains is doubtful: review.
5. Opt-in and HELP need the whole message to be the keyword: "Please help, my crown fell off"
   is a conversation, and an opt-in must be unambiguous. YES (and SI, Y, CONFIRM) opts in only
   while a confirmation is pending; NO then declines, which is an opt-out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from consentry.ledger.autoreply import looks_automated
from consentry.ledger.model import Action
from consentry.ledger.nlrules import (
    BOOKING,
    CLEAR,
    DOUBT,
    GUARD,
    KEEP_SOME,
    MSG_WORD,
    NEGATORS,
    POSITIVE,
    QUALIFIERS,
)
from consentry.ledger.textnorm import Clause, Normalized, normalize, phrase_tokens, squeeze

__all__ = ["DEFAULT_KEYWORDS", "Classification", "KeywordSets", "classify"]

Phrase = tuple[str, ...]

_OPT_OUT = (
    "STOP STOPALL STOP_ALL UNSUBSCRIBE UNSUB CANCEL END QUIT REVOKE OPTOUT OPT_OUT REMOVE "
    "BAJA ALTO PARAR CANCELAR DETENER ARRET ARRETE ARRETER"
)
_OPT_IN = "START UNSTOP SUBSCRIBE RESUBSCRIBE ALTA INICIO"
_HELP = "HELP INFO AYUDA MORE_INFO INFORMACION"
_YES = "YES Y YEAH YEP YUP YES_PLEASE SI CONFIRM CONFIRMED ACCEPT AGREE I_AGREE ACEPTO"
_NO = "NO NOPE NAH NO_THANKS NO_THANK_YOU NO_GRACIAS"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words people wrap around a keyword without changing what they ask for.
FILLERS = _words(
    "please pls plz plse pleas thanks thank you thx ty tysm thankyou now asap already just ok "
    "okay k kk hey hi hello sir maam guys me us i said told you again immediately right away "
    "for good god omg lol seriously srsly dude bro the from all this list my number it txt "
    "and also too yes yeah no por favor porfa gracias ya ahora hola x pf fa mi numero de la "
    "lista sent from iphone android need more these them those that your ur texts text "
    "messages msgs sms texting messaging mensajes textos of any future further every"
)
# Revocation words whose presence in an unexplained sentence makes it doubtful. Spanish "alto",
# "baja" and "para" are too common ("muy alto", "para mañana") to count outside a lone keyword.
_PER_SE = _words("stop stopall unsubscribe unsub cancel end quit revoke optout remove")
# Real words one typo away from a keyword: never read as the keyword.
_NOT_TYPOS = _words(
    "step shop atop slop stoo spot tops post stoops held hell heap helm kelp yelp cancer "
    "canal camel remote revote remover removed ended quite quiz suit unit alot top stomp stow "
    "swop stob sop hemp"
)
# Keywords long or distinctive enough that a one-letter slip still means them.
_TYPO_TARGETS = _words("stop stopall unsubscribe cancel revoke optout remove help")


def _phrases(words: str) -> frozenset[Phrase]:
    return frozenset(tuple(w.lower().split("_")) for w in words.split())


@dataclass(frozen=True, slots=True)
class KeywordSets:
    """Keyword phrases (as normalised tokens) per action. Build with `KeywordSets.with_campaign`."""

    opt_out: frozenset[Phrase] = field(default_factory=lambda: _phrases(_OPT_OUT))
    opt_in: frozenset[Phrase] = field(default_factory=lambda: _phrases(_OPT_IN))
    help: frozenset[Phrase] = field(default_factory=lambda: _phrases(_HELP))
    confirm_yes: frozenset[Phrase] = field(default_factory=lambda: _phrases(_YES))
    confirm_no: frozenset[Phrase] = field(default_factory=lambda: _phrases(_NO))

    def with_campaign(
        self,
        *,
        opt_out: Iterable[str] = (),
        opt_in: Iterable[str] = (),
        help: Iterable[str] = (),
    ) -> KeywordSets:
        """Add a campaign's own keywords; the standard and FCC words always stay."""

        def add(base: frozenset[Phrase], extra: Iterable[str]) -> frozenset[Phrase]:
            return base | {p for k in extra if (p := phrase_tokens(k))}

        return KeywordSets(
            add(self.opt_out, opt_out),
            add(self.opt_in, opt_in),
            add(self.help, help),
            self.confirm_yes,
            self.confirm_no,
        )


DEFAULT_KEYWORDS = KeywordSets()


@dataclass(frozen=True, slots=True)
class Classification:
    action: str  # an Action value
    keyword: str | None
    confidence: float
    reason: str
    automated: bool = False  # the text looks machine-sent: never answer it

    def as_json(self) -> dict[str, object]:
        return {
            "action": self.action,
            "keyword": self.keyword,
            "confidence": self.confidence,
            "reason": self.reason,
            "automated": self.automated,
        }


def _edit1(a: str, b: str) -> bool:
    """Damerau distance exactly one (substitution, insertion, deletion or adjacent swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _typo_of(token: str, singles: dict[str, str]) -> str | None:
    """The one-word keyword `token` is a typo of, if any ("stpo", "unsuscribe", "stooop")."""
    if token in _NOT_TYPOS or len(token) < 3:
        return None
    sq = squeeze(token)
    for word in singles:
        if sq == squeeze(word):
            return word
    targets = [w for w in singles if w in _TYPO_TARGETS]
    candidates = [w for w in targets if _edit1(token, w)]
    if len(candidates) == 1:
        word = candidates[0]
        swapped = sorted(token) == sorted(word)  # "stpo": letters right, order slipped
        # Short keywords only when the first letter is right too ("stp", "stope", "halp").
        if len(word) >= 6 or swapped or token[0] == word[0]:
            return word
    if len(token) >= 6:  # a long keyword cut short: "unsubscr", "unsubscrib"
        longer = [w for w in targets if len(w) >= 9 and w.startswith(token)]
        if len(longer) == 1:
            return longer[0]
    return None


@dataclass(frozen=True, slots=True)
class _Hit:
    action: str
    phrase: Phrase
    typo: bool


def _segment(
    tokens: tuple[str, ...], table: dict[Phrase, str], singles: dict[str, str]
) -> list[_Hit] | None:
    """Split a clause into keyword phrases and fillers; None if any other word is left."""
    hits: list[_Hit] = []
    i = 0
    longest = max((len(p) for p in table), default=1)
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = tokens[i : i + size]
            if phrase in table:
                hits.append(_Hit(table[phrase], phrase, False))
                i += size
                break
        else:
            token = tokens[i]
            if token in FILLERS:
                i += 1
                continue
            typo = _typo_of(token, singles)
            if typo is None:
                return None
            hits.append(_Hit(singles[typo], (typo,), True))
            i += 1
    return hits


_PRIORITY = (Action.OPT_OUT, Action.OPT_IN, Action.HELP)


def _table(sets: KeywordSets, pending: bool) -> dict[Phrase, str]:
    table: dict[Phrase, str] = {}
    groups: list[tuple[frozenset[Phrase], str]] = [(sets.help, Action.HELP)]
    if pending:
        groups += [(sets.confirm_yes, Action.OPT_IN), (sets.confirm_no, Action.OPT_OUT)]
    groups += [(sets.opt_in, Action.OPT_IN), (sets.opt_out, Action.OPT_OUT)]
    for phrases, action in groups:  # later groups win a shared phrase: opt-out last
        for phrase in phrases:
            table[phrase] = action
    return table


def _shown(phrase: Phrase) -> str:
    return " ".join(phrase).upper()


def classify(
    text: str, keywords: KeywordSets = DEFAULT_KEYWORDS, *, confirmation_pending: bool = False
) -> Classification:
    """Classify one inbound text. Pure and fast; never raises on odd input."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if len(text) > 5_000:  # bound the work, keeping the end where a sign-off STOP would be
        text = text[:4_000] + "\n" + text[-1_000:]
    norm = normalize(text)
    if looks_automated(norm):
        return Classification(Action.NONE, None, 0.9, "an automated message", automated=True)
    if not norm.clauses:
        if norm.stop_emoji:
            return Classification(Action.REVIEW, None, 0.5, "only a stop-sign emoji")
        return Classification(Action.NONE, None, 0.9, "no words")
    table = _table(keywords, confirmation_pending)
    singles = {p[0]: a for p, a in table.items() if len(p) == 1}
    return _decide(norm, table, singles)


def _decide(norm: Normalized, table: dict[Phrase, str], singles: dict[str, str]) -> Classification:
    segments = [_segment(c.tokens, table, singles) for c in norm.clauses]
    # 2. a clause that is only keywords
    for seg in segments:
        for hit in seg or ():
            if hit.action == Action.OPT_OUT:
                whole = len(norm.clauses) == 1
                conf = 0.8 if hit.typo else (1.0 if whole else 0.95)
                how = "a typo of " if hit.typo else ""
                return Classification(
                    Action.OPT_OUT, _shown(hit.phrase), conf, f"{how}the opt-out keyword"
                )
    # 3. natural-language rules, clause by clause
    doubt: Classification | None = None
    clear: Classification | None = None
    for clause in norm.clauses:
        found = _clause_rules(clause, len(norm.clauses) == 1)
        if found is None:
            continue
        if found.action == Action.OPT_OUT and clear is None:
            clear = found
        elif found.action == Action.REVIEW and doubt is None:
            doubt = found
    flat = norm.flat
    if clear is not None:
        if KEEP_SOME.search(flat) or QUALIFIERS.search(flat):
            return Classification(
                Action.REVIEW, None, 0.6, f"{clear.reason}, but only in part or with a condition"
            )
        return clear
    if doubt is not None:
        if doubt.keyword == "CANCEL" and BOOKING.search(flat):
            return Classification(Action.NONE, None, 0.6, "CANCEL next to talk of an appointment")
        if POSITIVE.search(flat):
            return Classification(Action.NONE, None, 0.6, f"{doubt.reason}, but says to keep them")
        return doubt
    # 5. opt-in and help: the whole message is the keyword (a short sign-off may follow)
    return _whole_message(norm, segments)


def _negated(tokens: list[str], start: int) -> bool:
    before = tokens[max(0, start - 3) : start]
    return any(t in NEGATORS for t in before)


def _clause_rules(clause: Clause, whole: bool) -> Classification | None:
    text = clause.text
    guarded = text
    for rule in GUARD:
        guarded = rule.pattern.sub(" # ", guarded)
    for rule in CLEAR:
        match = rule.pattern.search(guarded)
        tokens = guarded.split()
        if match and not (rule.negatable and _negated(tokens, guarded[: match.start()].count(" "))):
            reason = f"asks to stop ({rule.name})"
            return Classification(Action.OPT_OUT, None, rule.confidence, reason)
    if guarded != text:
        # A guard explained the keyword ("stop by", "cancel my appointment", "don't stop").
        return Classification(Action.NONE, None, 0.7, "keyword used otherwise")
    tokens = text.split()
    lead = list(tokens)
    while lead and lead[0] in FILLERS and lead[0] not in _PER_SE:
        lead.pop(0)  # "please stop I don't live there": skip the politeness first
    if len(lead) > 1 and lead[0] in _PER_SE and lead[1] in _NEW_SENTENCE:
        # "STOP I never signed up", "Stop you people": a keyword, then a new unpunctuated sentence
        why = f"the opt-out keyword {lead[0].upper()}, then another sentence"
        return Classification(Action.OPT_OUT, lead[0].upper(), 0.9, why)
    for rule in DOUBT:
        if (whole or not rule.whole) and rule.pattern.search(text):
            return Classification(Action.REVIEW, None, rule.confidence, f"may revoke ({rule.name})")
    tokens = text.split()
    per_se = [t for t in tokens if t in _PER_SE]
    if per_se:
        if _object_is_other(tokens, tokens.index(per_se[0])):
            return Classification(Action.NONE, None, 0.7, "keyword used about something else")
        why = f"contains {per_se[0].upper()} in a sentence"
        return Classification(Action.REVIEW, per_se[0].upper(), 0.5, why)
    return None


_NEW_SENTENCE = _words(
    "i i'm im i've ive you u you're youre who why how what we please pls plz thanks thank omg "
    "wtf seriously ugh lol already it's its"
)
_DETERMINERS = _words("the this that a an my our your his her their these those new old")


def _object_is_other(tokens: list[str], at: int) -> bool:
    """'stop this bill', 'remove my braces', 'quit smoking': the keyword acts on something else.

    An object phrase that names the texts within a few words ("stop the sales texts") is not
    something else.
    """
    rest = [t for t in tokens[at + 1 :] if t not in _DETERMINERS]
    if not rest:
        return False
    if any(MSG_WORD.fullmatch(t) for t in rest[:3]):
        return False
    head = rest[0]
    return head not in FILLERS and head not in {"texting", "messaging", "sending", "me", "us"}


def _whole_message(norm: Normalized, segments: list[list[_Hit] | None]) -> Classification:
    found: list[_Hit] = []
    for index, seg in enumerate(segments):
        if seg is None:
            is_last = index == len(segments) - 1
            if is_last and index > 0 and len(norm.clauses[index].tokens) <= 2 and found:
                continue  # a sign-off: "Help - Jim", "START. Maria"
            return Classification(Action.NONE, None, 0.9, "no keyword or request")
        found.extend(seg)
    for action in _PRIORITY:
        hits = [h for h in found if h.action == action]
        if hits:
            conf = 0.8 if hits[0].typo else (1.0 if len(found) == 1 else 0.95)
            what = {"opt_in": "the opt-in keyword", "help": "the HELP keyword"}.get(
                action, "keyword"
            )
            return Classification(action, _shown(hits[0].phrase), conf, what)
    return Classification(Action.NONE, None, 0.9, "no keyword or request")
