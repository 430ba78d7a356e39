"""The providers' own inbound webhooks. Each route hands the raw request to the provider's
handler in `consentry.providers` and gives back exactly the response it decides; replies that
go through the provider's REST API are sent after the answer."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from consentry.providers.messages import WebhookOutcome
from consentry.web.errors import error_response
from consentry.web.schemas import ErrorBody

__all__ = ["router"]

router = APIRouter(prefix="/v1/webhooks")


def _plain(description: str) -> dict[str, Any]:
    # The provider handlers answer in plain text (a provider shows it in its debugger); the
    # body limit answers in JSON like every other route.
    return {
        "description": description,
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "application/json": {"schema": ErrorBody.model_json_schema()},
        },
    }


_HOOK_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _plain("Not an inbound message this service understands; nothing recorded"),
    401: _plain("No signature or verification token; nothing recorded"),
    403: _plain("A signature or token that does not match; nothing recorded"),
    413: _plain("The body is larger than the service accepts"),
    500: _plain("An internal fault; nothing was half-recorded"),
    503: {"model": ErrorBody, "description": "This provider is not configured on this service"},
}


def _not_configured(name: str) -> Response:
    return error_response(
        503, "not_configured", f"{name} is not set up on this service; see docs/{name.lower()}.md"
    )


def _answer(request: Request, outcome: WebhookOutcome) -> Response:
    dispatcher = request.app.state.dispatcher
    for message in outcome.send:
        dispatcher.submit(message)
    reply = outcome.reply
    return Response(
        reply.body, status_code=reply.status, media_type=reply.media_type, headers=reply.headers
    )


@router.post(
    "/twilio",
    summary="Twilio's inbound SMS webhook (X-Twilio-Signature checked)",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "additionalProperties": {"type": "string"}}
                }
            }
        }
    },
    responses={**_HOOK_ERRORS, 200: {"description": "TwiML", "content": {"application/xml": {}}}},
)
async def twilio(request: Request) -> Response:
    settings = request.app.state.settings.twilio
    if settings is None:
        return _not_configured("Twilio")
    from consentry.providers.twilio import handle_twilio_webhook, public_url

    raw = await request.body()
    try:
        from urllib.parse import parse_qsl

        params = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        return error_response(400, "invalid_body", "the body is not form data")
    url = public_url(
        settings,
        scheme=request.url.scheme,
        host=request.headers.get("host", request.url.netloc),
        # Twilio signs the URL as typed in its console: use the path undecoded.
        path=(request.scope.get("raw_path") or request.url.path.encode()).decode("latin-1"),
        query=request.scope.get("query_string", b"").decode("latin-1"),
        headers=dict(request.headers),
    )
    outcome = await run_in_threadpool(
        handle_twilio_webhook,
        request.app.state.ledger,
        settings,
        url=url,
        params=params,
        signature=request.headers.get("x-twilio-signature"),
    )
    return _answer(request, outcome)


@router.post(
    "/ringcentral",
    summary="RingCentral's message-store webhook (Validation-Token, Verification-Token)",
    openapi_extra={
        "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}
    },
    responses={
        **_HOOK_ERRORS,
        200: {
            "description": "Acknowledged (the Validation-Token handshake echoes the header)",
            "content": {"text/plain": {}, "application/json": {}},
        },
    },
)
async def ringcentral(request: Request) -> Response:
    settings = request.app.state.settings.ringcentral
    if settings is None:
        return _not_configured("RingCentral")
    from consentry.providers.ringcentral import handle_ringcentral_webhook

    raw = await request.body()
    outcome = await run_in_threadpool(
        handle_ringcentral_webhook,
        request.app.state.ledger,
        settings,
        dict(request.headers),
        raw,
    )
    return _answer(request, outcome)
