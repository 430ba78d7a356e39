"""Exceptions raised by consentry's core.

ConsentryError
 ├── InputError        unusable input: unreadable file, bad YAML/JSON, unknown key, wrong type (exit 2)
 ├── UsageError        a bad option or combination of options (exit 2)
 └── NetworkRefused    a URL that the scanner refuses to fetch (private address, bad scheme)
"""

from __future__ import annotations

__all__ = ["ConsentryError", "InputError", "NetworkRefused", "UsageError"]


class ConsentryError(Exception):
    """Base class of every error consentry raises on purpose."""


class InputError(ConsentryError):
    """Input that cannot be used at all; reported as one line naming file, line and key."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.key = key

    def one_line(self) -> str:
        """`file:line: key: message`, leaving out the parts that are unknown."""
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        text = f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
        return " ".join(text.split())


class UsageError(ConsentryError):
    """A command used with options that do not fit together."""


class NetworkRefused(ConsentryError):
    """A URL the scanner will not fetch (private or loopback address, unsupported scheme)."""
