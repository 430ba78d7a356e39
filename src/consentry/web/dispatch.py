"""Sending replies after the webhook is answered, off the request path.

A provider wants its webhook acknowledged in a few seconds (RingCentral: 3 s), so replies go to a
small thread pool. The ledger already holds the inbound text and what it did; a reply that
cannot be sent after the client's own retries is logged (number masked), never raised.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from consentry.providers.messages import OutboundSms
from consentry.web.middleware import mask_phones

__all__ = ["Dispatcher"]

log = logging.getLogger("consentry.send")


class Dispatcher:
    def __init__(self, senders: dict[str, Any], workers: int = 4) -> None:
        self.senders = senders
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="consentry-send")

    def submit(self, message: OutboundSms) -> Future[str | None]:
        return self._pool.submit(self._send, message)

    def _send(self, message: OutboundSms) -> str | None:
        sender = self.senders.get(message.provider)
        if sender is None:
            log.warning(
                "no %s sender configured: %s reply to %s not sent",
                message.provider,
                message.reason,
                mask_phones(message.to),
            )
            return None
        try:
            sent: str = sender.send_sms(message.from_, message.to, message.text)
            return sent
        except Exception as exc:  # a provider fault must not take the worker down
            log.error(
                "%s reply to %s failed: %s",
                message.reason,
                mask_phones(message.to),
                mask_phones(str(exc)),
            )
            return None

    def close(self) -> None:
        self._pool.shutdown(wait=True)
