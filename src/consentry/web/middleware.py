"""ASGI middleware: a hard cap on body size and an access log that never shows a whole number.

Both are plain ASGI (no BaseHTTPMiddleware) so a large or slow upload is refused while it
streams, and so neither adds a task per request.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from consentry.web.errors import error_response

__all__ = ["AccessLog", "BodyLimit", "mask_phones"]

access_log = logging.getLogger("consentry.access")

# +15124470198, 5124470198, 512-447-0198, %2B15124470198 ...: keep the area code and last two.
_PHONE = re.compile(r"(?:\+|%2B)?1?[\s.\-(]*(\d{3})[\s.\-)]*\d{3}[\s.\-]*\d{2}(\d{2})\b")


def mask_phones(text: str) -> str:
    return _PHONE.sub(lambda m: f"({m.group(1)})***-**{m.group(2)}", text)


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = True
                if too_big:
                    await self._refuse(scope, receive, send)
                    return
        seen = 0
        started = refused = False

        async def limited() -> Message:
            # A body streamed without a length: answer 413 the moment it crosses the limit and
            # tell the app the client went away. (Raising here would not work: FastAPI turns any
            # error while it reads a body into its own 400.)
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not started:
                    refused = True
                    await self._refuse(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; whatever the app says now goes nowhere
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited, tracking_send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413,
            "too_large",
            f"the body is larger than {self.max_bytes} bytes",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


class AccessLog:
    """One line per request: method, masked path, status, milliseconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not access_log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            ms = (time.perf_counter() - start) * 1000
            access_log.info(
                "%s %s %s %.1fms",
                scope.get("method", "-"),
                mask_phones(scope.get("path", "")),
                status["code"],
                ms,
            )
