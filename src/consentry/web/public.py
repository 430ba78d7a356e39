"""Routes without an API key: liveness, the website snippet and its form capture."""

from __future__ import annotations

import ipaddress
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from consentry.errors import InputError
from consentry.web.errors import ERRORS, error_response
from consentry.web.schemas import CaptureIn, CaptureOut, ErrorBody

__all__ = ["router"]

router = APIRouter()

# The snippet posts this JSON as text/plain (a "simple" request needs no CORS preflight); the
# service reads either content type the same way.
_CAPTURE_BODY = {
    "required": True,
    "description": "JSON; sent as application/json or, by the snippet, as text/plain",
    "content": {"application/json": {"schema": CaptureIn.model_json_schema()}},
}


@router.get("/healthz", summary="Liveness", responses={200: {"content": {"application/json": {}}}})
def healthz() -> dict[str, str]:
    return {"status": "ok"}


def client_ip(request: Request) -> str | None:
    """The visitor's IP, or None when it is not one: a bad header must not lose a consent."""
    candidate = request.client.host if request.client else None
    if request.app.state.settings.trust_proxy:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded:
            candidate = forwarded.split(",")[0].strip()
    try:
        return str(ipaddress.ip_address(candidate or ""))
    except ValueError:
        return None


def _cors(request: Request) -> dict[str, str]:
    origin = request.headers.get("origin")
    if not origin:
        return {}
    return {"Access-Control-Allow-Origin": origin[:300], "Vary": "Origin"}


@router.post(
    "/v1/capture",
    status_code=202,
    response_model=CaptureOut,
    summary="Consent evidence from the website snippet (publishable site key, checked Origin)",
    openapi_extra={"requestBody": _CAPTURE_BODY},
    responses={
        **ERRORS,
        403: {"model": ErrorBody, "description": "Unknown site key or an origin it does not allow"},
        429: {"model": ErrorBody, "description": "Too many submissions from this address"},
    },
)
async def capture(request: Request) -> JSONResponse:
    raw = await request.body()
    try:
        payload: Any = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return error_response(400, "invalid_json", "the body is not valid JSON")
    if not isinstance(payload, dict):
        return error_response(400, "invalid_json", "the body must be a JSON object")
    body = CaptureIn.model_validate(payload)  # raises RequestValidationError-like errors below
    ledger = request.app.state.ledger
    result = await run_in_threadpool(
        ledger.capture,
        body.model_dump(exclude_none=True),
        origin=request.headers.get("origin"),
        ip=client_ip(request),
        user_agent=request.headers.get("user-agent"),
        limiter=request.app.state.capture_limiter,
    )
    return JSONResponse(result.as_json(), status_code=202, headers=_cors(request))


@router.options("/v1/capture", include_in_schema=False)
def capture_preflight(request: Request) -> Response:
    headers = {
        **_cors(request),
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "content-type",
        "Access-Control-Max-Age": "86400",
    }
    return Response(status_code=204, headers=headers)


@router.get(
    "/v1/snippet.js",
    summary="The website snippet (plain JavaScript)",
    response_class=PlainTextResponse,
    responses={200: {"content": {"application/javascript": {}}}},
)
def snippet_js() -> Response:
    try:
        from consentry.snippet import snippet_js as source
    except ImportError:  # pragma: no cover - the snippet package ships with consentry
        raise InputError("the snippet is not available in this build") from None
    return Response(
        source(),
        media_type="application/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"},
    )
