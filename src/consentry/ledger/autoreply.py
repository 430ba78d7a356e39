"""Recognising machine-sent texts: auto-replies, carrier notices, other programs' boilerplate.

Two automated numbers that answer each other's keywords loop forever ("Reply STOP to opt out"
contains STOP). Such texts are recorded but neither obeyed nor answered.
"""

from __future__ import annotations

import re

from consentry.ledger.textnorm import Normalized

__all__ = ["looks_automated"]

_STRONG = re.compile(
    r"\bauto ?(?:reply|response|responder|matic reply|mated (?:message|reply|response|text))\b"
    r"|\bthis is an automated\b|\bdo not reply\b|\bno reply\b|\bnetwork msg\b"
    r"|\bdo not disturb\b|\bout of (?:the )?office\b"
    r"|\bmsg (?:and )?data rates\b|\bmessage and data rates\b|\brates may apply\b"
    r"|\byou (?:have been|are now|have successfully been|are|were) (?:successfully )?"
    r"(?:unsubscribed|opted out|resubscribed|subscribed|opted in)\b"
    r"|\byou will not receive any (?:more|further) messages\b"
    r"|\b(?:text|txt|reply) (?:back )?unstop\b"
)
# Instructions a program prints: "Reply STOP to opt out", "Text HELP for help".
_INSTRUCTION = re.compile(
    r"\b(?:reply|text|txt|send)\s(?:stop|start|help|unstop|end|cancel|quit)\s"
    r"(?:to\s(?:opt\s?out|optout|unsubscribe|end|cancel|stop|resubscribe|receive|opt\s?in|start"
    r"|get help|quit)|for\s(?:help|info|more))\b"
)
_CLOSED = re.compile(
    r"\b(?:thanks|thank you) for (?:contacting|your message|reaching out|texting)\b"
    r".*\b(?:closed|get back to you|respond|reply) "
)


def looks_automated(norm: Normalized) -> bool:
    flat = norm.flat.replace(" . ", " ")
    # "msg&data" loses its ampersand in normalisation; so does "msg & data".
    if _STRONG.search(flat) or _CLOSED.search(flat + " "):
        return True
    # A human asking "Reply STOP to unsubscribe?" is not a program: programs don't ask.
    return bool(_INSTRUCTION.search(flat)) and not norm.question
