"""A tiny resolver for the extractor's selectors (#id, tag[name=".."], a > b:nth-of-type(n)).

Enough to prove each selector points at exactly one element, without a CSS library.
"""

from __future__ import annotations

import re
from typing import Any

_STEP = re.compile(
    r"^(?:#(?P<id>[\w-]+)|(?P<tag>[a-z0-9]+)(?:\.(?P<cls>[\w-]+))?(?::nth-of-type\((?P<nth>\d+)\))?)$"
)
_NAMED = re.compile(r'^(?P<tag>[a-z0-9]+)\[name="(?P<name>[^"]+)"\]$')


def select(root: Any, selector: str) -> list[Any]:
    named = _NAMED.match(selector)
    if named:
        return [e for e in root.iter(named["tag"]) if e.get("name") == named["name"]]
    current: list[Any] | None = None
    for step in selector.split(" > "):
        match = _STEP.match(step)
        assert match, f"unexpected selector step {step!r} in {selector!r}"
        if match["id"]:
            found = [
                e for e in root.iter() if isinstance(e.tag, str) and e.get("id") == match["id"]
            ]
            current = found if current is None else [e for e in found if e.getparent() in current]
            continue
        candidates = [root] if current is None and match["tag"] == root.tag else []
        if current is None and not candidates:
            candidates = [e for e in root.iter(match["tag"])]
        elif current is not None:
            candidates = []
            for parent in current:
                same = [c for c in parent if c.tag == match["tag"]]
                if match["nth"]:
                    index = int(match["nth"]) - 1
                    same = same[index : index + 1]
                candidates.extend(same)
        if match["cls"]:
            candidates = [c for c in candidates if match["cls"] in (c.get("class") or "").split()]
        current = candidates
    return current or []
