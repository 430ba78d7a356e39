"""Schemathesis against /openapi.json: no 500s, every status and body as documented.

The app is built once over a throwaway SQLite ledger with a valid API key, so generated
requests reach the routes' logic (an unauthenticated fuzz would only ever see 401s).
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from schemathesis.config import SchemathesisConfig

from consentry.ledger import Ledger
from consentry.providers.ringcentral import RingCentralSettings
from consentry.providers.twilio import TwilioSettings
from consentry.web import ServiceSettings, create_app

_DIR = Path(tempfile.mkdtemp(prefix="consentry-fuzz-"))
_LEDGER = Ledger(f"sqlite:///{_DIR / 'fuzz.db'}")
_TOKEN = _LEDGER.create_api_key("fuzz").token
_LEDGER.create_site("fuzz", ["https://example.com"])
_LEDGER.record_consent("+15124470198", "api", note="seed")
# Both providers switched on, so their webhooks check signatures instead of answering 503.
_SETTINGS = ServiceSettings(
    twilio=TwilioSettings(auth_token="f" * 32),
    ringcentral=RingCentralSettings(verification_token="fuzz-verification-token"),
)
APP = create_app(_LEDGER, _SETTINGS)

# A body too big for the service is refused with 413 before it is read; for schema-violating
# data (a 20,000-number list, say) that is a rejection as good as 400/422.
_CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
            }
        }
    }
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=_CONFIG)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_matches_its_openapi(case: Any) -> None:
    # positive_data_acceptance is off: a schema-valid string is not always a phone number, and
    # the service rightly answers 422 for "(000) 000-0000"; every other check stays on.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {_TOKEN}"},
        excluded_checks=[positive_data_acceptance],
    )


def test_the_ledger_is_intact_after_the_fuzz() -> None:
    # Whatever the fuzzer managed to record, the chain verifies and states match the events;
    # forged webhooks (the fuzzer cannot sign) recorded nothing from a provider.
    assert _LEDGER.verify().ok
    assert _LEDGER.check_state().ok
    from sqlalchemy import text

    with _LEDGER.engine.connect() as conn:
        providers = conn.execute(
            text("SELECT count(*) FROM events WHERE provider IN ('twilio', 'ringcentral')")
        )
        assert providers.scalar() == 0


@pytest.mark.parametrize("fmt", ["json", "html", "csv"])
def test_every_evidence_format_is_documented(fmt: str) -> None:
    # The fuzzer reaches ?format=csv only now and then; each format's content type must be in
    # the OpenAPI document, not just the ones it happens to draw.
    from fastapi.testclient import TestClient

    client = TestClient(APP)
    documented = client.get("/openapi.json").json()["paths"]["/v1/numbers/{phone}/evidence"]
    content = documented["get"]["responses"]["200"]["content"]
    got = client.get(
        "/v1/numbers/+15124470198/evidence",
        params={"format": fmt},
        headers={"Authorization": f"Bearer {_TOKEN}"},
    )
    assert got.status_code == 200
    assert got.headers["content-type"].split(";")[0] in content
