"""Patterns for lower-cased text, shared by the analyses that run on every campaign.

Case-sensitive matching is several times faster than IGNORECASE in Python's engine, so hot
analyses lower-case their text once and compile their patterns with `lowercase_pattern`.
"""

from __future__ import annotations

import re

__all__ = ["lowercase_pattern"]

# Capitals that are not part of an escape (\\S, \\B) or a group extension ((?P<name>...)).
_CAPITAL = re.compile(r"(?<![\\?])[A-Z]")


def lowercase_pattern(pattern: str) -> re.Pattern[str]:
    """Compile `pattern` for lower-cased text: its literal capitals become lower case."""
    return re.compile(_CAPITAL.sub(lambda m: m.group(0).lower(), pattern))
