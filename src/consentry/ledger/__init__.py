"""The consent ledger: evidence of every opt-in, a tamper-evident log of every event, the keyword
engine that reads inbound texts, and the send gate. SQLite by default, PostgreSQL for scale.

No web framework here: the HTTP service and the CLI call `Ledger` methods directly.
"""

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
