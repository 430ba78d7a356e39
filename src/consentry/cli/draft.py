"""`consentry draft`: plain answers in, a campaign that passes and every artefact out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from consentry.cli.app import app

if TYPE_CHECKING:
    from consentry.draft import Answers, Question


def _can_ask() -> bool:
    """Questions need a person at a terminal (tests replace this)."""
    return sys.stdin.isatty()


@app.command()
def draft(
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="A YAML answers file; without it, questions are asked."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder to write the campaign and site into.")
    ] = None,
    example_answers: Annotated[
        bool, typer.Option("--example-answers", help="Print a commented example answers file.")
    ] = False,
) -> None:
    """Write a compliant campaign and everything that goes with it, from plain answers.

    Writes campaign.yaml, the privacy policy and SMS terms sections, the opt-in form, the keyword
    replies, SUBMIT.md (what to paste into RingCentral's and Twilio's forms) and a small site/.
    Stops (exit 1) before writing anything when carriers would refuse the business.

    Example:

        consentry draft --example-answers > answers.yaml

        consentry draft --answers answers.yaml --out drafted

        consentry lint drafted/campaign.yaml --site drafted/site
    """
    from consentry.draft import (
        advise,
        load_answers,
        make_draft,
        write_draft,
    )
    from consentry.draft import (
        example_answers as example,
    )
    from consentry.errors import UsageError

    if example_answers:
        if answers or out:
            raise UsageError("--example-answers prints a file; use it without --answers and --out")
        sys.stdout.write(example())
        return
    if out is None:
        raise UsageError("give --out DIR, the folder to write into (see consentry draft --help)")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file; give a folder")
    raw: dict[str, Any] | None = None
    if answers is not None:
        loaded = load_answers(answers)
    elif _can_ask():
        loaded, raw = _ask()
    else:
        raise UsageError(
            "no --answers file and no terminal to ask questions in; "
            "give --answers FILE (consentry draft --example-answers prints one)"
        )
    advice = advise(loaded)
    if advice.stop:
        print(f"consentry: stopped, nothing written. {advice.stop}", file=sys.stderr)
        raise typer.Exit(1)
    drafted = make_draft(loaded, advice)
    written = write_draft(drafted, out)
    if raw is not None:
        written.append(_save_answers(raw, out / "answers.yaml"))
    _report(drafted, out, len(written))


def _report(drafted: Any, out: Path, count: int) -> None:
    print(drafted.advice.to_text())
    for reply in drafted.texts.replies:
        seg = reply.count
        print(
            f"{reply.name} reply: {len(reply.text)} characters, {seg.encoding}, "
            f"{seg.segments} segment(s)"
        )
        if reply.warning:
            print(f"  ! {reply.warning}")
    print(f"Wrote {count} files to {out}/. Next: read {out}/SUBMIT.md, then run")
    print(f"  consentry lint {out}/campaign.yaml --site {out}/site")


def _ask() -> tuple[Answers, dict[str, Any]]:
    """Ask every question that applies, re-asking any answer that does not pass its check."""
    from consentry.draft import QUESTIONS, answers_from_mapping
    from consentry.draft.answers import FIELDS
    from consentry.errors import InputError

    typer.echo("A few questions about your business and your texts (Enter keeps the default).\n")
    raw: dict[str, Any] = {}
    pending = list(QUESTIONS)
    for _ in range(len(QUESTIONS) * 3):
        while pending:
            question = pending.pop(0)
            if question.applies(raw):
                value = _ask_one(question, raw)
                if value is None:
                    raw.pop(question.key, None)
                else:
                    raw[question.key] = value
        try:
            return answers_from_mapping(raw, source="<terminal>"), raw
        except InputError as exc:
            typer.echo(f"  {exc.message}")
            pending = [q for q in QUESTIONS if q.key == exc.key] or [QUESTIONS[0]]
            if exc.key and exc.key not in FIELDS:  # "opt_in": ask every opt-in question again
                pending = [q for q in QUESTIONS if q.key.startswith(exc.key + ".")]
    raise InputError("too many answers did not pass; try an answers file", source="<terminal>")


def _ask_one(question: Question, raw: dict[str, Any]) -> Any:
    from consentry.draft.answers import FIELDS
    from consentry.draft.questions import ask_value

    check = FIELDS[question.key].check
    default = question.default_for(raw)
    while True:
        if question.kind == "yes/no":
            yes = typer.confirm(
                question.prompt, default=str(default or "no").lower() in ("yes", "true")
            )
            return "yes" if yes else "no"
        if question.kind == "pick":
            for i, (_, words) in enumerate(question.choices, 1):
                typer.echo(f"  {i}. {words}")
        text = typer.prompt(
            question.prompt + (" (numbers, comma-separated)" if question.kind == "pick" else ""),
            default=default or "",
            show_default=bool(default),
        )
        value = ask_value(question, str(text))
        if value is None:
            return None
        try:
            for item in value if isinstance(value, list) else [value]:
                check(item)
            if isinstance(value, list) and not value:
                raise ValueError("pick at least one")
            return value
        except ValueError as exc:
            typer.echo(f"  {exc}")


def _save_answers(raw: dict[str, Any], path: Path) -> Path:
    """The terminal answers as an answers file, to re-run without the questions."""
    import yaml

    nested: dict[str, Any] = {}
    for key, value in raw.items():
        node = nested
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    text = "# Your answers; re-run with: consentry draft --answers answers.yaml --out DIR\n"
    path.write_text(text + yaml.safe_dump(nested, sort_keys=False, allow_unicode=True), "utf-8")
    return path
