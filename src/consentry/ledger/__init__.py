"""The consent ledger: evidence of every opt-in, a tamper-evident log of every event, the keyword
engine that reads inbound texts, and the send gate. SQLite by default, PostgreSQL for scale.

No web framework here: the HTTP service and the CLI call `Ledger` methods directly.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consentry.ledger.api import ImportReport, Ledger, Review, StateCheck
    from consentry.ledger.chain import ChainReport
    from consentry.ledger.config import LedgerConfig, Replies
    from consentry.ledger.evidence import EventProof, Evidence, NumberState
    from consentry.ledger.gate import GateResult
    from consentry.ledger.inbound import InboundResult
    from consentry.ledger.keys import ApiKey, NewApiKey
    from consentry.ledger.keywords import DEFAULT_KEYWORDS, Classification, KeywordSets, classify
    from consentry.ledger.model import (
        Action,
        ConsentState,
        Event,
        EventType,
        Kind,
        Method,
        Reason,
    )
    from consentry.ledger.quiet_hours import QuietHours, StateRule, Window
    from consentry.ledger.records import Recorded

# Loaded on first use: `consentry classify` needs only the keyword engine, not SQLAlchemy.
_LAZY: dict[str, str] = {
    "Action": "consentry.ledger.model",
    "ApiKey": "consentry.ledger.keys",
    "ChainReport": "consentry.ledger.chain",
    "Classification": "consentry.ledger.keywords",
    "ConsentState": "consentry.ledger.model",
    "DEFAULT_KEYWORDS": "consentry.ledger.keywords",
    "Event": "consentry.ledger.model",
    "EventProof": "consentry.ledger.evidence",
    "EventType": "consentry.ledger.model",
    "Evidence": "consentry.ledger.evidence",
    "GateResult": "consentry.ledger.gate",
    "ImportReport": "consentry.ledger.api",
    "InboundResult": "consentry.ledger.inbound",
    "KeywordSets": "consentry.ledger.keywords",
    "Kind": "consentry.ledger.model",
    "Ledger": "consentry.ledger.api",
    "LedgerConfig": "consentry.ledger.config",
    "Method": "consentry.ledger.model",
    "NewApiKey": "consentry.ledger.keys",
    "NumberState": "consentry.ledger.evidence",
    "QuietHours": "consentry.ledger.quiet_hours",
    "Reason": "consentry.ledger.model",
    "Recorded": "consentry.ledger.records",
    "Replies": "consentry.ledger.config",
    "Review": "consentry.ledger.api",
    "StateCheck": "consentry.ledger.api",
    "StateRule": "consentry.ledger.quiet_hours",
    "Window": "consentry.ledger.quiet_hours",
    "classify": "consentry.ledger.keywords",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_KEYWORDS",
    "Action",
    "ApiKey",
    "ChainReport",
    "Classification",
    "ConsentState",
    "Event",
    "EventProof",
    "EventType",
    "Evidence",
    "GateResult",
    "ImportReport",
    "InboundResult",
    "KeywordSets",
    "Kind",
    "Ledger",
    "LedgerConfig",
    "Method",
    "NewApiKey",
    "NumberState",
    "QuietHours",
    "Reason",
    "Recorded",
    "Replies",
    "Review",
    "StateCheck",
    "StateRule",
    "Window",
    "classify",
]
