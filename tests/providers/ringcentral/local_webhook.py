"""Our side of the webhook for end-to-end tests: a loopback HTTP server whose only route does what
the web layer's route will do (call `handle_ringcentral_webhook`, answer, then send replies)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from consentry.ledger import Ledger
from consentry.providers.messages import SmsSender, WebhookOutcome
from consentry.providers.ringcentral import RingCentralSettings, handle_ringcentral_webhook

PATH = "/v1/webhooks/ringcentral"


class LocalWebhook:
    def __init__(
        self, ledger: Ledger, settings: RingCentralSettings, sender: SmsSender | None = None
    ) -> None:
        self.ledger, self.settings, self.sender = ledger, settings, sender
        self.outcomes: list[WebhookOutcome] = []
        self.sent_ids: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.hook = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{PATH}"

    def __enter__(self) -> LocalWebhook:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # loopback round trips in microseconds, not 40 ms

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        hook: LocalWebhook = self.server.hook  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path != PATH:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        outcome = handle_ringcentral_webhook(
            hook.ledger, hook.settings, dict(self.headers.items()), body
        )
        hook.outcomes.append(outcome)
        reply = outcome.reply
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.media_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(reply.body)
        self.wfile.flush()
        # After answering, as the web layer does in a background task.
        if hook.sender is not None:
            for sms in outcome.send:
                hook.sent_ids.append(hook.sender.send_sms(sms.from_, sms.to, sms.text))
