"""Precision and recall of the keyword engine on a labelled corpus of inbound texts.

The corpus format (tests/ledger/corpus/inbound.tsv): `action<TAB>context<TAB>text`, `#` comments,
context `pending` when an opt-in confirmation is waiting. `python -m consentry.ledger.evaluation
FILE` prints the table; the test suite and bench/ledger_bench.py call `score` and `report`.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from consentry.ledger.keywords import DEFAULT_KEYWORDS, KeywordSets, classify
from consentry.ledger.model import Action

__all__ = ["CorpusScore", "Sample", "load_corpus", "report", "score"]

ACTIONS = tuple(a.value for a in Action)


@dataclass(frozen=True, slots=True)
class Sample:
    expected: str
    pending: bool
    text: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class CorpusScore:
    total: int
    correct: int
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (expected, got)
    misses: tuple[tuple[Sample, str], ...] = ()

    def precision(self, action: str) -> float:
        got = sum(n for (_, g), n in self.confusion.items() if g == action)
        return self.confusion[(action, action)] / got if got else 1.0

    def recall(self, action: str) -> float:
        want = sum(n for (e, _), n in self.confusion.items() if e == action)
        return self.confusion[(action, action)] / want if want else 1.0

    def support(self, action: str) -> int:
        return sum(n for (e, _), n in self.confusion.items() if e == action)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    @property
    def revocations_caught(self) -> float:
        """Share of labelled opt-outs the engine did not let through as none/help/opt_in:
        the safety figure (a review still reaches a person within the deadline)."""
        want = self.support(Action.OPT_OUT)
        caught = sum(
            n
            for (e, g), n in self.confusion.items()
            if e == Action.OPT_OUT and g in {Action.OPT_OUT, Action.REVIEW}
        )
        return caught / want if want else 1.0


def load_corpus(path: str | Path) -> list[Sample]:
    samples: list[Sample] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        expected, context, text = line.split("\t", 2)
        samples.append(Sample(expected, context == "pending", text, number))
    return samples


def score(samples: Iterable[Sample], keywords: KeywordSets = DEFAULT_KEYWORDS) -> CorpusScore:
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[tuple[Sample, str]] = []
    total = correct = 0
    for sample in samples:
        got = classify(sample.text, keywords, confirmation_pending=sample.pending).action
        confusion[(sample.expected, got)] += 1
        total += 1
        if got == sample.expected:
            correct += 1
        else:
            misses.append((sample, got))
    return CorpusScore(total, correct, confusion, tuple(misses))


def report(result: CorpusScore, *, show_misses: bool = False) -> str:
    lines = [
        f"keyword engine on {result.total} labelled texts: accuracy {result.accuracy:.1%}, "
        f"opt-outs caught (opt_out or review) {result.revocations_caught:.1%}",
        f"{'action':<8} {'precision':>9} {'recall':>7} {'support':>8}",
    ]
    for action in ACTIONS:
        lines.append(
            f"{action:<8} {result.precision(action):>9.1%} {result.recall(action):>7.1%} "
            f"{result.support(action):>8}"
        )
    if show_misses:
        for sample, got in result.misses:
            lines.append(
                f"  line {sample.line}: expected {sample.expected}, got {got}: {sample.text!r}"
            )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    corpus = sys.argv[1] if len(sys.argv) > 1 else "tests/ledger/corpus/inbound.tsv"
    print(report(score(load_corpus(corpus)), show_misses="-v" in sys.argv))
