"""The commented example answers file that `consentry draft --example-answers` prints."""

from __future__ import annotations

from importlib.resources import files

__all__ = ["example_answers"]


def example_answers() -> str:
    return files("consentry.draft").joinpath("templates/example-answers.yaml").read_text("utf-8")
