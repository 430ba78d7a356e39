"""Read an answers file (YAML), keeping every key's line for one-line errors.

PyYAML's composer gives each node its position; the values are kept as the text the owner typed
(`ein: 841234567` stays a string) and checked by `answers_from_mapping`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from consentry.draft.answers import FIELDS, GROUPS, Answers, answers_from_mapping, unknown_key
from consentry.errors import InputError

__all__ = ["load_answers", "parse_answers"]

MAX_BYTES = 200_000


def load_answers(path: str | Path) -> Answers:
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not an answers file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from None
    if len(raw) > MAX_BYTES:
        raise InputError("the file is too large for an answers file", source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("the file is not UTF-8 text", source=source, line=line) from None
    return parse_answers(text, source=source)


def parse_answers(text: str, *, source: str = "<answers>") -> Answers:
    """Answers from YAML text; every error names the key and its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(
            f"not valid YAML: {exc.problem or exc.context}", source=source, line=line
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", source=source) from None
    if root is None:
        raise InputError(
            "the file is empty; see `consentry draft --example-answers`", source=source
        )
    if not isinstance(root, yaml.MappingNode):
        raise InputError("expected keys such as business: and messages:", source=source, line=1)
    raw: dict[str, Any] = {}
    lines: dict[str, int] = {}
    _walk(root, "", raw, lines, source)
    return answers_from_mapping(raw, source=source, lines=lines)


def _walk(
    node: yaml.MappingNode, prefix: str, raw: dict[str, Any], lines: dict[str, int], source: str
) -> None:
    for key_node, value in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
        path = f"{prefix}.{key}" if prefix else key
        line = key_node.start_mark.line + 1
        if path in lines:
            raise InputError("this key appears twice", source=source, line=line, key=path)
        lines[path] = line
        if path in GROUPS:
            if isinstance(value, yaml.MappingNode):
                _walk(value, path, raw, lines, source)
            elif not _is_null(value):
                raise InputError(
                    "expected indented keys under it", source=source, line=line, key=path
                )
            continue
        if path not in FIELDS:
            raise InputError(unknown_key(path), source=source, line=line, key=path)
        if _is_null(value):
            continue
        if isinstance(value, yaml.SequenceNode):
            items = []
            for item in value.value:
                if not isinstance(item, yaml.ScalarNode):
                    raise InputError("expected a list of words", source=source, line=line, key=path)
                items.append(str(item.value))
            raw[path] = items
        elif isinstance(value, yaml.ScalarNode):
            raw[path] = str(value.value)
        else:
            raise InputError("expected a single answer here", source=source, line=line, key=path)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and (
        node.tag == "tag:yaml.org,2002:null" or (not node.style and node.value in ("", "~"))
    )
