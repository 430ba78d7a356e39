"""Bearer API keys with scopes, checked against the ledger (hashes only), briefly cached."""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from consentry.ledger import Ledger
from consentry.ledger.keys import ApiKey

__all__ = ["KeyCache", "require"]

_bearer = HTTPBearer(auto_error=False, description="An API key from `consentry ledger keys create`")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class KeyCache:
    """A looked-up key is trusted for `ttl` seconds: a revocation takes effect within that."""

    def __init__(self, ledger: Ledger, ttl: float = 5.0) -> None:
        self.ledger = ledger
        self.ttl = ttl
        self._seen: dict[str, tuple[float, ApiKey | None]] = {}
        self._lock = threading.Lock()

    def cached(self, token: str) -> tuple[ApiKey | None] | None:
        """`(key,)` when a fresh answer is cached (the key may be None: known bad)."""
        with self._lock:
            hit = self._seen.get(token)
        if hit and time.monotonic() - hit[0] < self.ttl:
            return (hit[1],)
        return None

    def get(self, token: str) -> ApiKey | None:
        found = self.cached(token)
        if found is not None:
            return found[0]
        now = time.monotonic()
        key = self.ledger.check_api_key(token)
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[token] = (now, key)
        return key


def require(scope: str) -> Callable[..., Awaitable[ApiKey]]:
    # Async, so a cached key costs no trip to the thread pool; a miss looks it up in one.
    async def dependency(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ApiKey:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HTTPException(401, "send an API key as 'Authorization: Bearer <key>'", _CHALLENGE)
        cache: KeyCache = request.app.state.keys
        token = credentials.credentials
        found = cache.cached(token)
        key = found[0] if found is not None else await run_in_threadpool(cache.get, token)
        if key is None:
            raise HTTPException(401, "unknown or revoked API key", _CHALLENGE)
        if not key.allows(scope):
            raise HTTPException(403, f"this API key does not have the {scope!r} scope")
        return key

    return dependency
