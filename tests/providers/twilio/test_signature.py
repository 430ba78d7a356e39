"""Our X-Twilio-Signature check against twilio-python's RequestValidator (the oracle)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import string
from urllib.parse import parse_qsl

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from consentry.providers.twilio_signature import (
    SignatureCheck,
    check_signature,
    compute_signature,
    url_variants,
    verify_signature,
)
from tests.providers.twilio.conftest import TOKEN, WEBHOOK_URL
from tests.providers.twilio.fake_twilio import inbound_params, signed_webhook


class MultiDict:
    """What a framework hands the oracle for repeated form keys (it calls `getall`)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(dict.fromkeys(k for k, _ in self.pairs))

    def getall(self, name: str) -> list[str]:
        return [v for k, v in self.pairs if k == name]


# Twilio's docs example (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
DOC_URL = "https://example.com/myapp.php?foo=1&bar=2"
DOC_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+12349013030",
    "Digits": "1234",
    "From": "+12349013030",
    "To": "+18005551212",
}
DOC_TOKEN = "12345"

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
names = st.text(string.ascii_letters + string.digits, min_size=1, max_size=12)
hosts = st.sampled_from(
    ["example.com", "consent.example.com", "example.com:8443", "127.0.0.1:8000", "EXAMPLE.com"]
)
schemes = st.sampled_from(["http", "https"])
queries = st.sampled_from(["", "a=1", "foo=1&bar=2", "x=%20y&z=%E2%9C%93", "bodySHA2=zz"])


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    query = draw(queries)
    url = f"{draw(schemes)}://{draw(hosts)}/{draw(names)}" + (f"?{query}" if query else "")
    return url, draw(st.dictionaries(names, text, max_size=8))


def test_documented_example_matches_the_oracle() -> None:
    oracle = RequestValidator(DOC_TOKEN).compute_signature(DOC_URL, DOC_PARAMS)
    assert compute_signature(DOC_URL, DOC_PARAMS, DOC_TOKEN) == oracle
    assert verify_signature(DOC_URL, DOC_PARAMS, oracle, DOC_TOKEN)


@settings(max_examples=200, deadline=None)
@given(requests(), st.text(string.ascii_letters + string.digits, min_size=1, max_size=40))
def test_compute_matches_oracle(request: tuple[str, dict[str, str]], token: str) -> None:
    url, params = request
    assert compute_signature(url, params, token) == RequestValidator(token).compute_signature(
        url, params
    )


@settings(max_examples=200, deadline=None)
@given(requests(), st.booleans())
def test_verify_agrees_with_oracle_on_port_variants(
    request: tuple[str, dict[str, str]], sign_other_form: bool
) -> None:
    url, params = request
    oracle = RequestValidator(TOKEN)
    # Sign the URL as given or in its other port form, as Twilio's back end may.
    signed_url = url_variants(url)[-1] if sign_other_form else url
    signature = oracle.compute_signature(signed_url, params)
    assert verify_signature(url, params, signature, TOKEN) == oracle.validate(
        url, params, signature
    )
    assert verify_signature(url, params, signature, TOKEN)


@settings(max_examples=100, deadline=None)
@given(requests(), text)
def test_tampering_fails_like_the_oracle(request: tuple[str, dict[str, str]], extra: str) -> None:
    url, params = request
    signature = compute_signature(url, params, TOKEN)
    tampered = {**params, "Body": params.get("Body", "") + extra + "!"}
    assert verify_signature(url, tampered, signature, TOKEN) is False
    assert RequestValidator(TOKEN).validate(url, tampered, signature) is False
    assert verify_signature(url, params, signature, "f" * 32) is False


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "Body", "b"]), text), max_size=8))
def test_repeated_keys_match_the_oracle(pairs: list[tuple[str, str]]) -> None:
    oracle = RequestValidator(TOKEN)
    expected = oracle.compute_signature(WEBHOOK_URL, MultiDict(pairs))
    assert compute_signature(WEBHOOK_URL, pairs, TOKEN) == expected
    assert verify_signature(WEBHOOK_URL, pairs, expected, TOKEN)


def test_repeated_identical_pair_also_accepted_in_node_form() -> None:
    """twilio-node keeps exact repeats that twilio-python drops; accept both signings."""
    pairs = [("To", "+1"), ("To", "+1")]
    node_style = compute_signature(WEBHOOK_URL, [("To", "+1")], TOKEN)
    assert verify_signature(WEBHOOK_URL, pairs, node_style, TOKEN)
    raw = hmac.new(TOKEN.encode(), (WEBHOOK_URL + "To+1To+1").encode(), hashlib.sha1).digest()
    assert verify_signature(WEBHOOK_URL, pairs, base64.b64encode(raw).decode(), TOKEN)


def test_unicode_and_emoji_bodies() -> None:
    params = inbound_params("+15124470198", "+15125550100", "Stop 🛑 por favor — ¡ya! 日本")
    _, headers = signed_webhook(WEBHOOK_URL, params, TOKEN)
    signature = headers["X-Twilio-Signature"]
    assert RequestValidator(TOKEN).validate(WEBHOOK_URL, params, signature)
    assert verify_signature(WEBHOOK_URL, params, signature, TOKEN)


@pytest.mark.parametrize(
    "signature",
    [None, "", "   ", "not base64 at all", "é", "\x00", "A" * 10_000, "=="],
)
def test_garbage_signatures_are_an_outcome_never_an_exception(signature: str | None) -> None:
    found = check_signature(WEBHOOK_URL, {"Body": "x"}, signature, TOKEN)
    expected = SignatureCheck.MISSING if not (signature or "").strip() else SignatureCheck.INVALID
    assert found is expected


@pytest.mark.parametrize("url", ["https://exa mple.com:99999/x", "http://[::1/x", "", "::"])
def test_garbage_urls_never_raise(url: str) -> None:
    signature = compute_signature(url, {}, TOKEN)
    assert check_signature(url, {}, signature, TOKEN) is SignatureCheck.VALID
    assert check_signature(url, {}, "x" + signature, TOKEN) is SignatureCheck.INVALID


def test_secondary_token_during_rotation() -> None:
    old, new = TOKEN, "f" * 32
    params = {"Body": "HELP"}
    signed_with_new = compute_signature(WEBHOOK_URL, params, new)
    assert not verify_signature(WEBHOOK_URL, params, signed_with_new, old)
    assert verify_signature(WEBHOOK_URL, params, signed_with_new, old, secondary_token=new)


def test_url_variants_follow_the_oracle() -> None:
    assert url_variants("https://example.com/x?a=1") == [
        "https://example.com/x?a=1",
        "https://example.com:443/x?a=1",
    ]
    assert url_variants("http://example.com:8080/x") == [
        "http://example.com:8080/x",
        "http://example.com/x",
    ]
    assert url_variants("http://[::1]:8080/x")[1] == "http://[::1]/x"


def test_signed_webhook_body_parses_back_to_the_signed_params() -> None:
    """What a server parses from the helper's body verifies, spaces, '+' and emoji included."""
    params = inbound_params("+15124470198", "+15125550100", "Stop + go & 🛑 a=b")
    body, headers = signed_webhook(WEBHOOK_URL, params, TOKEN)
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    parsed = parse_qsl(body.decode("ascii"), keep_blank_values=True)
    assert dict(parsed) == params
    assert verify_signature(WEBHOOK_URL, parsed, headers["X-Twilio-Signature"], TOKEN)
