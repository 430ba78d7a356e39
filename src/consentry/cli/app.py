"""The Typer application every command module registers on.

Commands registered here turn domain errors into one line on stderr and exit code 2, so the
behaviour is the same from the `consentry` script, `python -m consentry` and test runners.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from consentry.errors import ConsentryError, InputError

__all__ = ["app", "one_line_errors"]

F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(func: F) -> F:
    """Wrap a command: InputError/ConsentryError become `file:line: key: message` and exit 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            print(exc.one_line(), file=sys.stderr)
            raise typer.Exit(2) from None
        except ConsentryError as exc:
            print(f"consentry: {exc}", file=sys.stderr)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


class _App(typer.Typer):
    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        register = super().command(*args, **kwargs)

        def decorator(func: F) -> F:
            register(one_line_errors(func))
            return func

        return decorator


app = _App(
    name="consentry",
    help=(
        "Get a US A2P 10DLC texting campaign approved the first time, and keep it compliant.\n\n"
        "Example:\n\n    consentry lint campaign.yaml"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
