"""Domain errors -> HTTP answers, in one place. No stack trace ever reaches a client."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from consentry.errors import ConsentryError, InputError
from consentry.ledger.capture import CaptureRefused
from consentry.providers.messages import ProviderError
from consentry.web.schemas import ErrorBody

__all__ = ["ERRORS", "error_response", "install_error_handlers"]

log = logging.getLogger("consentry.web")


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "field": field}}
    return JSONResponse(body, status_code=status, headers=headers)


def _response(description: str) -> dict[str, object]:
    return {"model": ErrorBody, "description": description}


# Declared on every route so the OpenAPI document lists what the service really answers.
ERRORS: dict[int | str, dict[str, object]] = {
    400: _response("The body is not valid JSON or not an object"),
    413: _response("The body is larger than the service accepts"),
    422: _response("A field is missing or wrong; `error.field` names it"),
    500: _response("An internal fault; nothing was half-recorded"),
}
AUTH_ERRORS: dict[int | str, dict[str, object]] = {
    401: _response("No API key, or a key that does not exist or was revoked"),
    403: _response("The API key lacks the scope this route needs"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def _input(_request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, "invalid_input", exc.message, exc.key)

    @app.exception_handler(CaptureRefused)
    async def _refused(_request: Request, exc: CaptureRefused) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        code = "rate_limited" if exc.status == 429 else "forbidden"
        return error_response(exc.status, code, str(exc), headers=headers)

    @app.exception_handler(ProviderError)
    async def _provider(_request: Request, exc: ProviderError) -> JSONResponse:
        return error_response(502, "provider_error", str(exc))

    @app.exception_handler(ConsentryError)
    async def _domain(_request: Request, exc: ConsentryError) -> JSONResponse:
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    @app.exception_handler(ValidationError)
    async def _validation(
        _request: Request, exc: RequestValidationError | ValidationError
    ) -> JSONResponse:
        errors = list(exc.errors())
        first = errors[0] if errors else {}
        where = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")]
        if first.get("type") == "json_invalid":
            return error_response(400, "invalid_json", "the body is not valid JSON")
        message = str(first.get("msg", "invalid input"))
        return error_response(422, "invalid_input", message, ".".join(where) or None)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
        return error_response(
            exc.status_code,
            code.get(exc.status_code, "error"),
            str(exc.detail),
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(ClientDisconnect)
    async def _gone(_request: Request, _exc: ClientDisconnect) -> Response:
        # The client left (or BodyLimit already answered 413): no one reads this, and it is
        # not a fault worth an error log.
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def _fault(_request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error: %s", type(exc).__name__, exc_info=exc)
        return error_response(500, "internal_error", "internal error; nothing was half-recorded")
