"""Keyword instructions: "Reply STOP to cancel", "HELP for help".

A keyword instruction is a verb of texting ("reply", "text", "txt", "send", "respond with") followed
by the keyword, or the keyword followed by its purpose ("STOP to end", "HELP for help"). Because
"stop", "end", "cancel" and "help" are ordinary English words, a lowercase keyword only counts when
what follows it reads like an instruction ("reply stop to opt out", "reply stop." but not "text,
stop by", "send end users", "help@brand.com", "we can help").
"""

from __future__ import annotations

import re

from consentry.phrases.literals import Gated
from consentry.phrases.normalize import Folded, Match
from consentry.phrases.scan import first, first_of, is_shouted
from consentry.phrases.vocab import words

__all__ = ["find_help_instruction", "find_stop_instruction"]

_OPEN = r"[\"'*<\[(]{0,2}"
_CLOSE = r"[\"'*>\])]{0,2}"
# English plus the Spanish of bilingual programs ("Responda ALTO", "Envie AYUDA").
_STRONG = (
    r"(?:reply(?:ing)?|replies|respond(?:ing)?|responding|text(?:ing)?|txt(?:ing)?|sms"
    r"|responda|responde|conteste|contesta|textea|envie|envia|enviando|respondiendo)"
)
_STRONG_VERB = re.compile(_STRONG)
_WEAK = r"(?:send(?:ing)?|msg|message|type|typing|enter|entering|key\sin|submit)"
_FILLER = (
    r"(?:\s(?:back|us|to\sus|with|w/|the|a|word|words|keyword|keywords|key\sword|command|message"
    r"|msg|text|only|just|simply|in|this\smessage\swith|to\sthis\smessage\swith|to\sany\smessage"
    r"\swith)){0,4}"
)
_STOP_KW = (
    r"stop\s?all|stop|unsubscribe|unsub|cancel|end|quit|opt-?out|optout|revoke|remove|arret"
    r"|alto|parar|baja|cancelar"
)
_HELP_KW = r"help|info|ayuda"
_STRONG_STOP_KW = frozenset({"stop", "stopall", "stop all", "unsubscribe", "unsub", "optout"})

_STOP_VERB_FIRST = re.compile(
    rf"\b(?P<verb>{_STRONG}|{_WEAK}){_FILLER}\s?{_OPEN}\s?(?P<kw>{_STOP_KW})(?![a-z0-9@]){_CLOSE}"
    r"(?:\s?(?:to|2)\s(?:opt-?\s?out|optout|cancel|unsubscribe|stop(?:\sreceiving)?|end|quit"
    r"|be\sremoved|leave|unsub)\b)?"
)
_HELP_VERB_FIRST = Gated(
    re.compile(
        rf"\b(?P<verb>{_STRONG}|{_WEAK}){_FILLER}\s?{_OPEN}\s?(?P<kw>{_HELP_KW})(?![a-z0-9@]){_CLOSE}"
        r"(?:\s?(?:for|4)\s(?:help|assistance|support|more\sinfo(?:rmation)?|info(?:rmation)?"
        r"|customer\s(?:care|service|support))\b)?"
    )
)
_STOP_PURPOSE = (
    r"opt-?\s?out|optout|end|cancel|stop|quit|unsub\w{0,10}|be\sremoved|remove|cease|discontinue"
    r"|halt|leave|exit|no\slonger|unenroll|un-?enroll|revoke|withdraw|opt\sout|decline"
)
_STOP_KW_FIRST = re.compile(
    rf"(?<![a-z0-9@.\-]){_OPEN}(?P<kw>{_STOP_KW}){_CLOSE}(?:\s?(?:to|2|=|->|-|:|>)\s?"
    rf"(?P<purpose>{_STOP_PURPOSE})\b"
    # "STOP opts out", "STOP unsubscribes you", "STOP ends all texts"
    r"|\s(?:opts\s(?:you\s)?out|will\sopt\s(?:you\s)?out|unsubscribes|ends\s(?:all\s)?(?:texts|messages|msgs)"
    r"|stops\s(?:all\s)?(?:texts|messages|msgs|them))\b)"
)
_HELP_KW_FIRST = re.compile(
    rf"(?<![a-z0-9@.\-]){_OPEN}(?P<kw>{_HELP_KW}){_CLOSE}\s?(?:for|4|=|->|-|:|>|to\sget|to\sreceive)"
    r"\s?(?P<target>help|assistance|assist|support|info|information|more\s(?:info|information|help"
    r"|details)|details|customer\s(?:care|service|support)|questions|faq|options|instructions"
    r"|contact\s(?:info|information|details))\b"
)

# What may follow a lowercase keyword in an instruction: the end, punctuation, or a joining word.
_FOLLOW_OK = re.compile(
    r"[\"'*>\])]{0,2}(?:$|\n|\s?[.!?)](?:\s|$)|\s?[,;:/|&+=]|\s(?:to|2|or|and|at|any|anytime|for|4"
    r"|if|in|from|on|when|whenever|now|as|via|reply|text|txt|instead|back)\b|\s[&+=(-])"
)
# "Reply CANCEL to cancel your appointment" cancels an appointment, not the texts.
_OTHER_OBJECT = re.compile(
    r"[\"'*>\])]{0,2}\s?(?:to|2)\s(?:cancel|end|change|reschedule|confirm|stop|remove|close)\s"
    r"(?:(?:your|the|this|my|an|a|that|our)\s)?(?:upcoming\s|next\s|scheduled\s|current\s)?"
    r"(?:appointment|appt|order|booking|reservation|visit|ride|trip|delivery|pickup|service\scall"
    r"|job|request|session|call|meeting|class|lesson|payment|transaction|tour|consultation"
    r"|registration|account|membership|plan|ticket|claim|application|chat|conversation)"
)
_FOR_HELP = re.compile(r"\s(?:for|4)\s(?:help|assistance|support)\b")
_NEXT_WORD = re.compile(r"[\"'*>\])]{0,2}\s([a-z]+)\b")
_JOINERS = words(
    """to or and for at any anytime if in on from by via now 2 4 stop help info end cancel quit
    unsubscribe stopall optout revoke remove msg message messages txt text sms"""
)
_PREV_WORD = re.compile(r"([a-z0-9'&]+)\W{0,3}$")
_LIST_WORDS = frozenset({"or", "and", "reply", "text", "txt", "send", "&"})


def _keyword_ok_after(folded: Folded, end: int) -> bool:
    return not _glued(folded, end) and _FOLLOW_OK.match(folded.text, end) is not None


def _lowercase_list_position(folded: Folded, start: int) -> bool:
    """A lowercase keyword leading its own instruction: at the start, after punctuation, or 'or'."""
    before = folded.text[max(0, start - 24) : start].rstrip("\"'*<[( ")
    if not before or before[-1] in ".,;:!?()-/|\n":
        return True
    m = _PREV_WORD.search(before)
    return m is not None and m.group(1) in _LIST_WORDS


def _glued(folded: Folded, end: int) -> bool:
    """The keyword runs on into an address or compound: help@x.com, stop.com, END-of-day."""
    nxt = folded.text[end : end + 2]
    return nxt[:1] == "@" or re.match(r"[.\-][a-z0-9]", nxt) is not None


def _capitalised_phrase(folded: Folded, end: int) -> bool:
    """ "HELP WANTED", "STOP SIGN": a capitalised keyword that starts a capitalised phrase."""
    m = _NEXT_WORD.match(folded.text, end)
    if m is None or m.group(1) in _JOINERS:
        return False
    hit = folded.match(*m.span(1))
    return hit is not None and len(hit.text) > 1 and hit.text.isupper()


def _stop_verb_first(folded: Folded, m: re.Match[str]) -> bool:
    kw = m.group("kw")
    a, b = m.span("kw")
    if kw in ("cancel", "end", "quit", "remove", "revoke") and _OTHER_OBJECT.match(folded.text, b):
        return False
    if _glued(folded, b) or _capitalised_phrase(folded, b):
        return False
    if is_shouted(folded, a, b):
        return True
    if not _keyword_ok_after(folded, b):
        return False
    return _STRONG_VERB.fullmatch(m.group("verb")) is not None or kw in _STRONG_STOP_KW


def _stop_kw_first(folded: Folded, m: re.Match[str]) -> bool:
    a, b = m.span("kw")
    if m.group("kw") != "stop" and _OTHER_OBJECT.match(folded.text, b):
        return False
    if is_shouted(folded, a, b):
        return True
    return m.group("kw") in _STRONG_STOP_KW and _lowercase_list_position(folded, a)


def _help_verb_first(folded: Folded, m: re.Match[str]) -> bool:
    a, b = m.span("kw")
    if _glued(folded, b) or _capitalised_phrase(folded, b):
        return False
    if is_shouted(folded, a, b):
        return True
    if _STRONG_VERB.fullmatch(m.group("verb")) is None:  # "send help!" is a plea
        return _FOR_HELP.match(folded.text, b) is not None
    return _keyword_ok_after(folded, b)


def _help_kw_first(folded: Folded, m: re.Match[str]) -> bool:
    a, b = m.span("kw")
    if is_shouted(folded, a, b):
        return True
    return m.group("kw") == "help" and _lowercase_list_position(folded, a)


def _stop(folded: Folded) -> Match | None:
    return first(folded, _STOP_VERB_FIRST, _stop_verb_first)


def _stop_first(folded: Folded) -> Match | None:
    return first(folded, _STOP_KW_FIRST, _stop_kw_first)


def _help(folded: Folded) -> Match | None:
    return first(folded, _HELP_VERB_FIRST, _help_verb_first)


def _help_first(folded: Folded) -> Match | None:
    return first(folded, _HELP_KW_FIRST, _help_kw_first)


def find_stop_instruction(text: str) -> Match | None:
    """Opt-out instruction: "Reply STOP to cancel", "txt STOP", "STOP to end", "reply END or CANCEL"."""
    return first_of(text, (_stop, _stop_first))


def find_help_instruction(text: str) -> Match | None:
    """HELP keyword instruction: "Reply HELP for help", "Text HELP for assistance", "HELP for help"."""
    return first_of(text, (_help, _help_first))
