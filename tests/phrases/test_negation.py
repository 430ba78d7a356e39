"""A negation that governs a list reaches every item of it, and nothing past the list."""

from __future__ import annotations

import pytest

from consentry.phrases import negated_list_item


@pytest.mark.parametrize(
    ("before", "negated"),
    [
        (
            "Numbers are not purchased, rented, scraped, imported from lists, or enrolled through ",
            True,
        ),
        ("The program does not use purchased lists, ", True),
        ("We never buy, rent or ", True),
        ("There is no web signup form or consent ", True),
        # the bare determiner "no" before a comma list advertises rather than denies
        ("No credit check, ", False),
        ("Get cash without fees, ", False),
        # a new subject or a modal starts a statement of its own
        ("We do not sell your data, and we text ", False),
        ("Customers who do not have a smartphone, or prefer, can opt in ", False),
        ("Don't miss our deals, ", False),
        # a sentence end closes the list
        ("We do not buy lists. Customers, staff and ", False),
        ("Customers opt in on our form, by text or ", False),
    ],
)
def test_negated_list_item(before: str, negated: bool) -> None:
    assert negated_list_item(before) is negated


def test_case_does_not_matter() -> None:
    assert negated_list_item("Numbers are NOT purchased, rented or ")
    assert not negated_list_item("We do not sell data, and Customers can opt in ")
