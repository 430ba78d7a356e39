"""Shared by the rule-case tests: build a campaign from the clean example plus a case's edits."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import yaml

from consentry.campaign import LoadedCampaign, parse_campaign

ROOT = Path(__file__).resolve().parents[2]
BASE_FILE = ROOT / "examples" / "clean" / "campaign.yaml"
CASES_DIR = Path(__file__).parent / "cases"
_STEP = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


def base_data() -> dict[str, Any]:
    data = yaml.safe_load(BASE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    steps = [(m.group(1), m.group(2)) for m in _STEP.finditer(path)]
    node: Any = data
    for i, (key, index) in enumerate(steps):
        last = i == len(steps) - 1
        if index is None:
            if last:
                node[key] = value
            else:
                if node.get(key) is None:
                    node[key] = {}
                node = node[key]
        else:
            seq = node.setdefault(key, [])
            if seq is None:
                seq = node[key] = []
            idx = int(index)
            while len(seq) <= idx:
                seq.append("")
            if last:
                seq[idx] = value
            else:
                node = seq[idx]


def _unset(data: dict[str, Any], path: str) -> None:
    parent, _, key = path.rpartition(".")
    node: Any = data
    for part in parent.split(".") if parent else []:
        node = node[part]
    node.pop(key, None)


def build_case(case: dict[str, Any]) -> LoadedCampaign:
    """The clean example with the case's `set` and `unset` applied, loaded like a real file; or
    the case's `raw` object as it stands (a TCR CSP API campaign object, say), as JSON."""
    if "raw" in case:
        return parse_campaign(json.dumps(case["raw"]), source="case.json")
    data = copy.deepcopy(base_data())
    for path, value in (case.get("set") or {}).items():
        _set(data, path, value)
    for path in case.get("unset") or []:
        _unset(data, path)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6)
    return parse_campaign(text, source="case.yaml")


def load_case_files() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append((path.stem, doc))
    return out
