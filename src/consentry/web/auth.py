"""Bearer API keys with scopes, checked against the ledger (hashes only), briefly cached."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

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

    def get(self, token: str) -> ApiKey | None:
        now = time.monotonic()
        with self._lock:
            hit = self._seen.get(token)
        if hit and now - hit[0] < self.ttl:
            return hit[1]
        key = self.ledger.check_api_key(token)
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[token] = (now, key)
        return key


def require(scope: str) -> Callable[..., ApiKey]:
    def dependency(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> ApiKey:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HTTPException(401, "send an API key as 'Authorization: Bearer <key>'", _CHALLENGE)
        cache: KeyCache = request.app.state.keys
        key = cache.get(credentials.credentials)
        if key is None:
            raise HTTPException(401, "unknown or revoked API key", _CHALLENGE)
        if not key.allows(scope):
            raise HTTPException(403, f"this API key does not have the {scope!r} scope")
        return key

    return dependency
