"""The adapter is core code: no web framework, CLI framework or Rich outside cli/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[3] / "src" / "consentry"
CORE = sorted((SRC / "providers").glob("ringcentral*.py"))
FORBIDDEN = {"fastapi", "starlette", "typer", "click", "rich", "uvicorn"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_there_are_modules_to_check() -> None:
    assert len(CORE) == 6


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_modules_import_no_framework(path: Path) -> None:
    assert not _imports(path) & FORBIDDEN


def test_the_cli_module_is_where_typer_lives() -> None:
    assert "typer" in _imports(SRC / "cli" / "ringcentral.py")
