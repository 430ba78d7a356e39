"""Inline script that ticks a box when the page loads (a pre-checked box in disguise).

Recognised: `el.checked = true`, `el.defaultChecked = true`, `$(...).prop('checked', true)`,
`$(...).attr('checked', ...)`, `el.setAttribute('checked', ...)`, `el.click()`, where `el` is an id
or name selector, `getElementById(...)`, or a variable assigned from one; and selectors that match
every checkbox (`input[type=checkbox]`, `:checkbox`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consentry.site.dom import Element

__all__ = ["ScriptTicks", "find_script_ticks"]

_TICK = re.compile(
    r"\.\s*(?:checked|defaultChecked)\s*=\s*(?:true|1|!0|['\"]checked['\"])"
    r"|\.\s*prop\(\s*['\"]checked['\"]\s*,\s*(?:true|1|!0|['\"]checked['\"])\s*\)"
    r"|\.\s*attr\(\s*['\"]checked['\"]\s*,\s*(?!false|0\b|null|['\"]['\"])"
    r"|\.\s*setAttribute\(\s*['\"]checked['\"]"
    r"|\.\s*click\(\s*\)"
)
_STATEMENT_START = re.compile(r"[;{}\n]|=>")
_ID_REF = re.compile(r"getElementById\(\s*['\"]([^'\"]+)['\"]|#([A-Za-z_][\w-]*)")
_NAME_REF = re.compile(
    r"\[\s*name\s*[*^$|~]?=\s*['\"]?([^'\"\]]+)['\"]?\s*\]|getElementsByName\(\s*['\"]([^'\"]+)"
)
_ALL_BOXES = re.compile(r"type\s*=\s*['\"]?checkbox|:checkbox|\binput\b['\"]\s*\)")
_ASSIGN = re.compile(r"(?:\b(?:var|let|const)\s+)?\b([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)")
_TRAILING_VAR = re.compile(r"([A-Za-z_$][\w$]*)\s*(?:\[\s*\d+\s*\])?\s*$")


@dataclass(slots=True)
class ScriptTicks:
    ids: dict[str, int | None] = field(default_factory=dict)
    names: dict[str, int | None] = field(default_factory=dict)
    all_boxes_line: int | None = None
    all_boxes: bool = False

    def for_box(self, ident: str, name: str) -> tuple[bool, int | None]:
        if ident and ident in self.ids:
            return True, self.ids[ident]
        if name and name in self.names:
            return True, self.names[name]
        if self.all_boxes:
            return True, self.all_boxes_line
        return False, None


def _refs(expr: str) -> tuple[list[str], list[str], bool]:
    ids = [a or b for a, b in _ID_REF.findall(expr)]
    names = [a or b for a, b in _NAME_REF.findall(expr)]
    return ids, names, bool(_ALL_BOXES.search(expr))


def _inline_scripts(root: Element) -> list[tuple[str, int | None]]:
    scripts: list[tuple[str, int | None]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "text/javascript").lower()
        if script.text and ("javascript" in kind or "module" in kind or kind == "text/babel"):
            scripts.append((script.text, script.sourceline))
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("onload"):
            scripts.append((el.get("onload") or "", el.sourceline))
    return scripts


def _variables(scripts: list[tuple[str, int | None]]) -> dict[str, str]:
    """Variables assigned from an element lookup (`var box = getElementById('sms')`)."""
    found: dict[str, str] = {}
    for code, _ in scripts:
        for var, value in _ASSIGN.findall(code):
            lookup = "getElement" in value or "querySelector" in value
            if lookup or value.lstrip().startswith(("$", "jQuery")):
                found[var] = value
    return found


def _targets(code: str, start: int, variables: dict[str, str]) -> tuple[list[str], list[str], bool]:
    """What the expression ending at `start` (just before `.checked = true`) refers to."""
    starts = [m.end() for m in _STATEMENT_START.finditer(code, 0, start)]
    expr = code[starts[-1] if starts else 0 : start]
    ids, names, every = _refs(expr)
    var = _TRAILING_VAR.search(expr)
    if not (ids or names or every) and var and var.group(1) in variables:
        ids, names, every = _refs(variables[var.group(1)])
    if not (ids or names or every):  # forEach(b => b.checked = true) over a selection
        line_start = max(code.rfind(";", 0, start), code.rfind("\n", 0, start))
        ids, names, every = _refs(code[line_start + 1 : start])
    return ids, names, every


def find_script_ticks(root: Element) -> ScriptTicks:
    ticks = ScriptTicks()
    scripts = _inline_scripts(root)
    if not scripts:
        return ticks
    variables = _variables(scripts)
    for code, first_line in scripts:
        if "checked" not in code and "click" not in code:
            continue
        for match in _TICK.finditer(code):
            ids, names, every = _targets(code, match.start(), variables)
            line = None if first_line is None else first_line + code.count("\n", 0, match.start())
            for ident in ids:
                ticks.ids.setdefault(ident, line)
            for name in names:
                ticks.names.setdefault(name, line)
            if every and "click" not in match.group(0) and not ids and not names:
                ticks.all_boxes = True
                ticks.all_boxes_line = ticks.all_boxes_line or line
    return ticks
