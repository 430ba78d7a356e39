"""Shared by the detector test modules: parametrised found / not-found tests from case lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from consentry.phrases import Match

Detector = Callable[[str], Match | None]
Cases = Sequence[tuple[Detector, Sequence[str], Sequence[str]]]


def _id(value: object) -> str:
    return getattr(value, "__name__", str(value)[:40])


def detector_tests(cases: Cases) -> tuple[Callable[..., None], Callable[..., None]]:
    """`test_found, test_not_found = detector_tests(CASES)` in a test module."""
    positive = [(d, t) for d, pos, _ in cases for t in pos]
    negative = [(d, t) for d, _, neg in cases for t in neg]

    @pytest.mark.parametrize(("detector", "text"), positive, ids=_id)
    def test_found(detector: Detector, text: str) -> None:
        m = detector(text)
        assert m is not None, text
        assert text[m.start : m.end] == m.text

    @pytest.mark.parametrize(("detector", "text"), negative, ids=_id)
    def test_not_found(detector: Detector, text: str) -> None:
        assert detector(text) is None

    return test_found, test_not_found
