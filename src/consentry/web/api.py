"""The JSON routes of CONTRACT §5: each parses, makes one ledger call, and renders."""

from __future__ import annotations

from asyncio import wrap_future
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from consentry.ledger import Ledger
from consentry.web.auth import require
from consentry.web.errors import AUTH_ERRORS, ERRORS
from consentry.web.schemas import (
    ChainOut,
    ConsentIn,
    ConsentOut,
    InboundIn,
    InboundOut,
    NumberOut,
    OptOutIn,
    SendCheckIn,
    SendCheckOut,
)

__all__ = ["router"]

router = APIRouter(prefix="/v1", responses={**ERRORS, **AUTH_ERRORS})


async def ledger_of(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


LedgerDep = Annotated[Ledger, Depends(ledger_of)]


@router.post(
    "/consents",
    status_code=201,
    response_model=ConsentOut,
    dependencies=[Depends(require("record"))],
    summary="Record opt-in evidence",
)
async def post_consent(body: ConsentIn, ledger: LedgerDep) -> JSONResponse:
    # Async: the commit is awaited, not waited for in a pool thread (see Ledger.submit_consent).
    evidence = body.model_dump(exclude={"phone", "method"}, exclude_none=True)
    recorded = await wrap_future(ledger.submit_consent(body.phone, body.method, **evidence))
    return JSONResponse(recorded.as_json(), status_code=201)


@router.post(
    "/opt-outs",
    status_code=201,
    response_model=ConsentOut,
    dependencies=[Depends(require("record"))],
    summary="Record an opt-out received another way (call, email, in person)",
)
def post_opt_out(body: OptOutIn, ledger: LedgerDep) -> dict[str, Any]:
    details = body.model_dump(exclude={"phone", "method"}, exclude_none=True)
    return ledger.record_opt_out(body.phone, body.method, **details).as_json()


@router.post(
    "/inbound",
    response_model=InboundOut,
    dependencies=[Depends(require("record"))],
    summary="A provider-neutral inbound text: the action taken and the reply to send",
)
async def post_inbound(body: InboundIn, ledger: LedgerDep) -> JSONResponse:
    future = ledger.submit_inbound(
        body.from_,
        body.to,
        body.text,
        body.id,
        occurred_at=body.occurred_at,
        campaign=body.campaign,
    )
    return JSONResponse((await wrap_future(future)).as_json())


@router.get(
    "/numbers/{phone}",
    response_model=NumberOut,
    dependencies=[Depends(require("read"))],
    summary="A number's current state: opted_in, opted_out or unknown",
)
def get_number(phone: str, ledger: LedgerDep) -> dict[str, Any]:
    return ledger.number_state(phone).as_json()


@router.get(
    "/numbers/{phone}/evidence",
    dependencies=[Depends(require("read"))],
    summary="Every event for the number with its hash-chain proof",
    responses={
        200: {
            "description": "JSON evidence; with ?format=html a printable consent certificate, "
            "with ?format=csv one row per event",
            "content": {"application/json": {}, "text/html": {}, "text/csv": {}},
        }
    },
)
def get_evidence(
    phone: str,
    ledger: LedgerDep,
    format: Annotated[Literal["json", "html", "csv"], Query()] = "json",
) -> Response:
    text = ledger.export(phone, format)
    if format == "html":
        return HTMLResponse(text)
    if format == "csv":
        return Response(text, media_type="text/csv; charset=utf-8")
    return Response(text, media_type="application/json")


@router.post(
    "/send-check",
    response_model=SendCheckOut,
    dependencies=[Depends(require("check"))],
    summary="For each number: may it be texted now, and if not, why",
)
def post_send_check(body: SendCheckIn, ledger: LedgerDep) -> dict[str, Any]:
    results = ledger.send_check(body.to, body.kind, body.at, campaign=body.campaign)
    return {"results": [r.as_json() for r in results]}


@router.get(
    "/ledger/verify",
    response_model=ChainOut,
    dependencies=[Depends(require("read"))],
    summary="Walk the hash chain and report the first broken link, if any",
)
def get_verify(ledger: LedgerDep) -> JSONResponse:
    return JSONResponse(ledger.verify().as_json())
