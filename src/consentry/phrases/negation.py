"""A negation that governs a whole list: "numbers are not purchased, rented, scraped or enrolled
through verbal consent", "we do not use purchased lists, lead generation or advertising".

The detectors' own negation checks look at the clause right before a hit, and a comma ends a
clause there; in a denied list every item after the first sits behind a comma. This answers
whether the text just before an item is the tail of such a list.
"""

from __future__ import annotations

import re

__all__ = ["negated_list_item"]

# A verb negation governs a list joined by commas too. The bare determiners "no" and "without"
# govern only an "or" list ("no web form or checkbox"): "No credit check, payday loans in minutes"
# and "without fees, loans up to $500" list what is offered. "Don't miss, ..." is no denial.
_NEG = re.compile(
    r"\b(?:not|never|cannot|nor|neither)\b|n't\b|\b(?:dont|doesnt|wont|cant|isnt|arent)\b"
    r"|(?P<det>\b(?:no|without)\b)",
    re.IGNORECASE,
)
_NOT_A_DENIAL = re.compile(r"\s+(?:miss|forget|wait|hesitate|delay|worry)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?;:\n(\[](?=\s|$)|[;:\n(\[]")
_SEPARATOR = re.compile(r",|\b(?:or|and|nor)\b")
# A word that starts a new statement inside the sentence: a subject, a modal, a contrast.
_RESTART = re.compile(
    r"\b(?:we|they|you|i|he|she|it|our|your|their|customers?|clients?|users?|patients?|members?"
    r"|can|may|will|would|should|could|must|but|however|instead|only|except|rather|then|which"
    r"|who|when|where|while|because|so|also|please|unless|if)\b",
    re.IGNORECASE,
)
_REACH = 200
_MAX_WORDS = 6  # a list item longer than this is a clause of its own


def negated_list_item(before: str) -> bool:
    """`before` is the text up to an item; True when a negation earlier in the sentence governs
    a list that the item continues."""
    tail = before[-_REACH:]
    cut = max((m.end() for m in _SENTENCE.finditer(tail)), default=0)
    tail = tail[cut:]
    negations = list(_NEG.finditer(tail))
    if not negations:
        return False
    neg = negations[-1]  # the nearest one governs
    if _NOT_A_DENIAL.match(tail, neg.end()):
        return False
    rest = tail[neg.end() :]
    items = _SEPARATOR.split(rest)
    if len(items) < 2:
        return False  # no list: the clause-level checks decide
    if neg.group("det") and "," in rest:
        return False
    return all(
        len(item.split()) <= _MAX_WORDS and _RESTART.search(item) is None for item in items[1:]
    )
