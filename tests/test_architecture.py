"""Library first: the core never imports a web framework, the CLI framework or Rich."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "consentry"
CORE = (
    "campaign",
    "phrases",
    "lint",
    "site",
    "explain",
    "draft",
    "ledger",
    "audit",
    "providers",
    "snippet",
    "segments.py",
    "errors.py",
)
FORBIDDEN = ("fastapi", "starlette", "typer", "click", "rich", "uvicorn")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        target = SRC / name
        if target.is_dir():
            files.extend(sorted(target.rglob("*.py")))
        elif target.is_file():
            files.append(target)
    return files


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_core_module_imports_no_framework(path: Path) -> None:
    bad = _imports(path) & set(FORBIDDEN)
    assert not bad, (
        f"{path.relative_to(SRC)} imports {sorted(bad)}; keep frameworks in cli/ and web/"
    )


def test_the_check_can_fail(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("import typer\nfrom rich.console import Console\n")
    assert _imports(sample) & set(FORBIDDEN) == {"typer", "rich"}


def test_no_grab_bag_modules() -> None:
    assert not [p for p in SRC.rglob("*.py") if p.stem in {"utils", "helpers", "misc", "common"}]
