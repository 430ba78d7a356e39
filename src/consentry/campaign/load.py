"""Read a campaign file (YAML, JSON or a TCR CSP API object) keeping every field's position.

PyYAML's C composer gives line and column for every node at a tenth of ruamel.yaml's cost, which
is what makes batch linting fast. Values are built from the nodes here (not by PyYAML's
constructor) so that `postal_code: 02134` stays "02134" and a YAML bomb cannot expand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from consentry.campaign.fields import FIELDS, FIELDS_BY_PATH, FieldSpec, Kind
from consentry.campaign.model import Address, Brand, Campaign, CampaignSpec, LoadedCampaign
from consentry.campaign.tcr import TCR_IGNORED_KEYS, looks_like_tcr, tcr_path
from consentry.errors import InputError

__all__ = ["MAX_BYTES", "load_campaign", "parse_campaign"]

MAX_BYTES = 1_000_000  # a real campaign file is a few KB
_MAX_NODES = 20_000  # bounds work on hostile input (aliases that fan out, huge lists)

try:  # the C loader ships in PyYAML's wheels; fall back to pure Python elsewhere
    _BaseLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader

_NULLS = {"", "~", "null", "Null", "NULL"}  # YAML 1.1's null pattern, exactly
_NULL_TAG = "tag:yaml.org,2002:null"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The loader without implicit tag resolution (a regex walk per scalar, in Python: a fifth
    of the load). Values are built from each node's text below; the only tag read is null (in
    `_is_null`), which a plain scalar gets exactly when its text is in _NULLS."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0] and value in _NULLS:
                return _NULL_TAG
            return str(self.DEFAULT_SCALAR_TAG)
        if kind is yaml.SequenceNode:
            return str(self.DEFAULT_SEQUENCE_TAG)
        return str(self.DEFAULT_MAPPING_TAG)


_TRUE = {"true", "yes", "on", "y"}
_FALSE = {"false", "no", "off", "n"}


def load_campaign(path: str | Path) -> LoadedCampaign:
    """Read and parse a campaign file; raises InputError with file, line and key."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a campaign file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from None
    return parse_campaign(raw, source=source)


def parse_campaign(data: bytes | str, *, source: str = "<input>") -> LoadedCampaign:
    """Parse campaign text or bytes."""
    text = _decode(data, source)
    form = "json" if source.lower().endswith(".json") or text.lstrip().startswith("{") else "yaml"
    root = _compose(text, source)
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value in _NULLS):
        raise InputError("the file is empty; see `consentry schema` for its shape", source=source)
    if not isinstance(root, yaml.MappingNode):
        raise InputError(
            "expected a mapping of keys (brand:, campaign:) at the top", source=source, line=1
        )
    walker = _Walker(source)
    if looks_like_tcr(_keys(root)):
        walker.walk_tcr(root)
        form = "tcr"
    else:
        walker.walk(root, "")
    return LoadedCampaign(_build(walker.values), source, walker.positions, form)


def _decode(data: bytes | str, source: str) -> str:
    if isinstance(data, str):
        text = data
    else:
        if len(data) > MAX_BYTES:
            raise InputError(
                f"the file is {len(data) / 1e6:.1f} MB; a campaign file is at most "
                f"{MAX_BYTES // 1_000_000} MB",
                source=source,
            )
        if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                "this is a binary file, not a YAML or JSON campaign file", source=source
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError("the file is not UTF-8 text", source=source, line=line) from None
    if len(text) > MAX_BYTES:
        raise InputError("the text is larger than a campaign file can be", source=source)
    return text


def _compose(text: str, source: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "cannot be parsed"
        raise InputError(f"not valid YAML/JSON: {problem}", source=source, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML/JSON: {exc}", source=source) from None
    except RecursionError:
        raise InputError("the file is nested too deeply", source=source) from None


def _keys(node: yaml.MappingNode) -> set[str]:
    return {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "text"


class _Walker:
    """Collects field values and positions, raising InputError on structural problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.values: dict[str, Any] = {}
        self.positions: dict[str, tuple[int, int]] = {"": (1, 1)}
        self.budget = _MAX_NODES

    def _spend(self, node: yaml.Node) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise InputError(
                "the file has far more values than a campaign file can (YAML aliases or a huge list)",
                source=self.source,
                line=_pos(node)[0],
            )

    def error(self, node: yaml.Node, key: str, message: str) -> InputError:
        return InputError(message, source=self.source, line=_pos(node)[0], key=key)

    def walk(self, node: yaml.MappingNode, prefix: str) -> None:
        seen: set[str] = set()
        for key_node, value_node in node.value:
            self._spend(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, prefix or "(top)", "a key must be a plain name")
            path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            spec = FIELDS_BY_PATH.get(path)
            if spec is None:
                raise self.error(key_node, path, _unknown_key_message(path))
            if path in seen:
                raise self.error(key_node, path, "this key appears twice")
            seen.add(path)
            self.positions[path] = _pos(key_node)
            self.take(spec, value_node, path)

    def take(self, spec: FieldSpec, node: yaml.Node, path: str) -> None:
        """Store one field's value from its node, checking its type."""
        self._spend(node)
        if _is_null(node):
            return
        if spec.kind is Kind.MAP:
            if not isinstance(node, yaml.MappingNode):
                raise self.error(node, path, f"expected a mapping of keys, found {_describe(node)}")
            self.walk(node, path)
        elif spec.kind is Kind.STR_LIST:
            self.values[path] = self._list(spec, node, path)
        else:
            if not isinstance(node, yaml.ScalarNode):
                raise self.error(node, path, f"expected {spec.kind.value}, found {_describe(node)}")
            self.values[path] = self._scalar(spec, node, path)

    def _scalar(self, spec: FieldSpec, node: yaml.ScalarNode, path: str) -> object:
        value = str(node.value)
        if spec.kind is Kind.STR:
            return value
        word = value.strip().lower()
        if spec.kind is Kind.BOOL:
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            raise self.error(node, path, f"expected true or false, found {value[:40]!r}")
        try:  # Kind.INT: only schema_version today
            number = int(word)
        except ValueError:
            raise self.error(node, path, f"expected a whole number, found {value[:40]!r}") from None
        if path == "schema_version" and number != 1:
            raise self.error(node, path, f"schema_version {number} is not supported; use 1")
        return number

    def _list(self, spec: FieldSpec, node: yaml.Node, path: str) -> list[str]:
        if isinstance(node, yaml.ScalarNode):
            if path == "campaign.sample_messages":
                raise self.error(node, path, "expected a list of messages (one '- ' line each)")
            # Keyword and URL lists are often written "STOP, END" as in TCR's own forms.
            return [p.strip() for p in str(node.value).split(",") if p.strip()]
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, path, f"expected a list, found {_describe(node)}")
        items: list[str] = []
        for i, item in enumerate(node.value):
            self._spend(item)
            item_path = f"{path}[{i}]"
            self.positions[item_path] = _pos(item)
            if _is_null(item):
                items.append("")
            elif isinstance(item, yaml.ScalarNode):
                items.append(str(item.value))
            else:
                raise self.error(item, item_path, f"expected text, found {_describe(item)}")
        return items

    def walk_tcr(self, node: yaml.MappingNode) -> None:
        """A TCR CSP API campaign object (camelCase), with an optional `brand` object."""
        samples: dict[int, tuple[str, yaml.Node]] = {}
        for key_node, value_node in node.value:
            self._spend(key_node)
            key = str(key_node.value)
            if key == "brand" and isinstance(value_node, yaml.MappingNode):
                self.positions["brand"] = _pos(key_node)
                self._walk_tcr_brand(value_node)
                continue
            if key.startswith("sample") and key[6:].isdigit() and 1 <= int(key[6:]) <= 5:
                if not _is_null(value_node):
                    if not isinstance(value_node, yaml.ScalarNode):
                        raise self.error(value_node, key, "expected text")
                    samples[int(key[6:])] = (str(value_node.value), key_node)
                continue
            path = tcr_path(key, brand=False)
            if path is None:
                if key in TCR_IGNORED_KEYS:
                    continue
                raise self.error(key_node, key, f"unknown key '{key}' in a TCR campaign object")
            self.positions[path] = _pos(key_node)
            self.take(FIELDS_BY_PATH[path], value_node, path)
        if samples:
            ordered = [samples[k] for k in sorted(samples)]
            self.values["campaign.sample_messages"] = [text for text, _ in ordered]
            self.positions["campaign.sample_messages"] = _pos(ordered[0][1])
            for i, (_, key_node) in enumerate(ordered):
                self.positions[f"campaign.sample_messages[{i}]"] = _pos(key_node)

    def _walk_tcr_brand(self, node: yaml.MappingNode) -> None:
        for key_node, value_node in node.value:
            self._spend(key_node)
            key = str(key_node.value)
            path = tcr_path(key, brand=True)
            if path is None:
                if key in TCR_IGNORED_KEYS:
                    continue
                raise self.error(key_node, f"brand.{key}", f"unknown key '{key}' in a TCR brand")
            self.positions[path] = _pos(key_node)
            self.take(FIELDS_BY_PATH[path], value_node, path)


def _is_null(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and not node.style
        and (node.value in _NULLS or node.tag == "tag:yaml.org,2002:null")
    )


def _unknown_key_message(path: str) -> str:
    parent, _, key = path.rpartition(".")
    allowed = sorted(f.key for f in FIELDS if f.parent == parent)
    close = [a for a in allowed if _similar(a, key)]
    hint = f"; did you mean '{close[0]}'?" if close else ""
    where = f"under '{parent}'" if parent else "at the top"
    return f"unknown key '{key}' {where}{hint}"


def _similar(a: str, b: str) -> bool:
    a, b = a.lower().replace("_", ""), b.lower().replace("_", "")
    if a == b or (len(b) > 3 and (a.startswith(b) or b.startswith(a))):
        return True
    if abs(len(a) - len(b)) > 2:
        return False
    return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b)) <= 2


def _build(values: dict[str, Any]) -> Campaign:
    def get(path: str) -> Any:
        return values.get(path)

    def strs(path: str) -> tuple[str, ...]:
        return tuple(values.get(path) or ())

    address = None
    if any(k.startswith("brand.address.") for k in values):
        address = Address(
            street=get("brand.address.street"),
            city=get("brand.address.city"),
            state=get("brand.address.state"),
            postal_code=get("brand.address.postal_code"),
            country=get("brand.address.country"),
        )
    brand = Brand(
        display_name=get("brand.display_name"),
        legal_name=get("brand.legal_name"),
        entity_type=get("brand.entity_type"),
        ein=get("brand.ein"),
        vertical=get("brand.vertical"),
        website=get("brand.website"),
        email=get("brand.email"),
        phone=get("brand.phone"),
        stock_symbol=get("brand.stock_symbol"),
        stock_exchange=get("brand.stock_exchange"),
        address=address,
    )
    spec_kwargs: dict[str, Any] = {
        key: strs(path) if is_list else get(path) for key, path, is_list in _SPEC_FIELDS
    }
    return Campaign(brand=brand, campaign=CampaignSpec(**spec_kwargs))


# (keyword, path, is a list) of every `campaign.*` field, worked out once rather than per file.
_SPEC_FIELDS = tuple(
    (f.key, f.path, f.kind is Kind.STR_LIST) for f in FIELDS if f.parent == "campaign"
)
