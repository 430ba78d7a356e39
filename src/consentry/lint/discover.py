"""Find campaign files under the paths a user gives `consentry lint`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["campaign_files"]

_SUFFIXES = {".yaml", ".yml", ".json"}
_SKIP_DIRS = {"node_modules", "site", "__pycache__", ".git", ".venv", "venv"}
_MARKERS = (b"schema_version", b"campaign", b"messageFlow", b"usecase", b"message_flow")


def _looks_like_campaign(path: Path) -> bool:
    """In a folder, only files that mention campaign keys are campaign files (skips CI configs)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return True  # let the loader report it
    return any(m in head for m in _MARKERS)


def campaign_files(paths: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Yield (path, named) pairs: files named directly, then campaign files found in folders."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield raw, True
            continue
        found = []
        for child in sorted(path.rglob("*")):
            rel = child.relative_to(path).parts
            if any(p.startswith(".") or p in _SKIP_DIRS for p in rel[:-1]):
                continue
            if (
                child.is_file()
                and child.suffix.lower() in _SUFFIXES
                and not child.name.startswith(".")
            ):
                found.append(child)
        for child in found:
            if _looks_like_campaign(child):
                yield str(child), False
