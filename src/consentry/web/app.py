"""The service: `create_app(ledger)` builds the FastAPI app over a `consentry.ledger.Ledger`.

The web layer holds no business logic: routes parse, make one ledger call and render; errors
are mapped to HTTP in `consentry.web.errors`. `app_from_env` is the factory uvicorn imports in
each worker process when `consentry serve --workers N` runs several.
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import consentry
from consentry.ledger import Ledger
from consentry.ledger.capture import RateLimiter
from consentry.web import api, public, webhooks
from consentry.web.auth import KeyCache
from consentry.web.dispatch import Dispatcher
from consentry.web.errors import install_error_handlers
from consentry.web.middleware import AccessLog, BodyLimit
from consentry.web.settings import ServiceSettings

__all__ = ["app_from_env", "create_app"]

DESCRIPTION = """\
The consent ledger over HTTP: record opt-in evidence from your website, take inbound texts from
RingCentral or Twilio (STOP, HELP, START and plain-language opt-outs), and ask before every send
whether a number may be texted now. Every `/v1` route except the webhooks and `/v1/capture`
needs `Authorization: Bearer <key>` (`consentry ledger keys create`).
"""


def create_app(
    ledger: Ledger,
    settings: ServiceSettings | None = None,
    *,
    close_ledger: bool = False,
) -> FastAPI:
    settings = settings or ServiceSettings()
    dispatcher = Dispatcher(settings.senders)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Everything loaded at start-up (routes, models, SQLAlchemy's caches, the rule and
        # keyword tables) lives as long as the process: move it out of the garbage collector's
        # sight. Full collections over it were the service's latency tail (bench/inbound_bench.py:
        # p99 at 500 texts/s went from 60-170 ms to about 12 ms).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            dispatcher.close()
            if close_ledger:
                ledger.close()

    app = FastAPI(
        title="consentry consent service",
        version=getattr(consentry, "__version__", "0"),
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.ledger = ledger
    app.state.settings = settings
    app.state.keys = KeyCache(ledger)
    app.state.dispatcher = dispatcher
    app.state.capture_limiter = RateLimiter(settings.capture_per_minute, settings.capture_burst)
    install_error_handlers(app)
    app.include_router(public.router)
    app.include_router(api.router)
    app.include_router(webhooks.router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLog)
    return app


def app_from_env() -> FastAPI:
    """Build the app from CONSENTRY_* environment variables (set by `consentry serve`)."""
    from consentry.web.config import load_service

    ledger, settings = load_service(
        database=os.environ.get("CONSENTRY_DATABASE_URL"),
        campaign=os.environ.get("CONSENTRY_CAMPAIGN") or None,
        config=os.environ.get("CONSENTRY_CONFIG") or None,
    )
    return create_app(ledger, settings, close_ledger=True)
