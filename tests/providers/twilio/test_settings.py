"""TwilioSettings from the environment and from a config file's `twilio:` section."""

from __future__ import annotations

import pytest

from consentry.errors import InputError
from consentry.providers.twilio_settings import TwilioSettings
from tests.providers.twilio.conftest import ACCOUNT, TOKEN

MG = "MG" + "b" * 32


def test_from_env_full() -> None:
    env = {
        "TWILIO_ACCOUNT_SID": ACCOUNT,
        "TWILIO_AUTH_TOKEN": TOKEN,
        "TWILIO_AUTH_TOKEN_SECONDARY": "f" * 32,
        "TWILIO_PUBLIC_URL": "https://consent.example.com/",
        "TWILIO_TRUST_PROXY": "yes",
        "TWILIO_REPLY_MODE": "REST",
        "TWILIO_ADVANCED_OPT_OUT": f"(512) 555-0100, {MG}",
    }
    s = TwilioSettings.from_env(env)
    assert s.account_sid == ACCOUNT
    assert s.tokens == (TOKEN, "f" * 32)
    assert s.public_url == "https://consent.example.com"
    assert s.trust_proxy is True
    assert s.reply_mode == "rest"
    assert s.advanced_opt_out == frozenset({"+15125550100", MG})
    assert s.twilio_answers_keywords("+15125550100")
    assert s.twilio_answers_keywords("+15125550199", MG)
    assert not s.twilio_answers_keywords("+15125550199", "MG" + "c" * 32)


def test_defaults() -> None:
    s = TwilioSettings.from_env({"TWILIO_AUTH_TOKEN": TOKEN})
    assert (s.reply_mode, s.trust_proxy, s.advanced_opt_out, s.public_url) == (
        "twiml",
        False,
        False,
        None,
    )
    assert not s.twilio_answers_keywords("+15125550100")


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("0", False), ("", False)])
def test_advanced_opt_out_flags(raw: str, expected: bool) -> None:
    env = {"TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_ADVANCED_OPT_OUT": raw}
    assert TwilioSettings.from_env(env).twilio_answers_keywords("+15125550100") is expected


def test_missing_token_names_the_variable() -> None:
    with pytest.raises(InputError) as caught:
        TwilioSettings.from_env({"TWILIO_ACCOUNT_SID": ACCOUNT})
    assert caught.value.key == "TWILIO_AUTH_TOKEN"
    assert "TWILIO_AUTH_TOKEN" in caught.value.one_line()


def test_token_never_in_repr() -> None:
    s = TwilioSettings(auth_token=TOKEN, auth_token_secondary="f" * 32, account_sid=ACCOUNT)
    assert TOKEN not in repr(s) and "f" * 32 not in repr(s)
    assert ACCOUNT in repr(s)


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"TWILIO_REPLY_MODE": "sms"}, "TWILIO_REPLY_MODE"),
        ({"TWILIO_REPLY_MODE": "rest"}, "TWILIO_ACCOUNT_SID"),  # rest needs the SID
        ({"TWILIO_ACCOUNT_SID": "AC123"}, "TWILIO_ACCOUNT_SID"),
        ({"TWILIO_TRUST_PROXY": "maybe"}, "TWILIO_TRUST_PROXY"),
        ({"TWILIO_PUBLIC_URL": "consent.example.com"}, "TWILIO_PUBLIC_URL"),
        ({"TWILIO_ADVANCED_OPT_OUT": "+1555, MGnope"}, "TWILIO_ADVANCED_OPT_OUT"),
    ],
)
def test_bad_values_name_their_variable(env: dict[str, str], key: str) -> None:
    with pytest.raises(InputError) as caught:
        TwilioSettings.from_env({"TWILIO_AUTH_TOKEN": TOKEN, **env})
    assert caught.value.key == key
    assert TOKEN not in caught.value.one_line()


def test_sid_pasted_as_token() -> None:
    with pytest.raises(InputError, match="Account SID, not the Auth Token"):
        TwilioSettings.from_env({"TWILIO_AUTH_TOKEN": ACCOUNT})


def test_from_mapping_takes_token_from_env() -> None:
    section = {
        "account_sid": ACCOUNT,
        "reply_mode": "rest",
        "advanced_opt_out": ["+15125550100", MG],
        "trust_proxy": True,
    }
    s = TwilioSettings.from_mapping(
        section, source="consentry.yaml", environ={"TWILIO_AUTH_TOKEN": TOKEN}
    )
    assert s.auth_token == TOKEN and s.reply_mode == "rest" and s.trust_proxy
    assert s.advanced_opt_out == frozenset({"+15125550100", MG})


def test_from_mapping_errors_point_into_the_file() -> None:
    with pytest.raises(InputError) as caught:
        TwilioSettings.from_mapping(
            {"auth_token": TOKEN, "trust_proxy": "sometimes"}, source="consentry.yaml", environ={}
        )
    assert caught.value.one_line().startswith("consentry.yaml: twilio.trust_proxy:")
    with pytest.raises(InputError, match="unknown setting 'token'"):
        TwilioSettings.from_mapping({"token": TOKEN}, source="consentry.yaml", environ={})
    with pytest.raises(InputError) as missing:
        TwilioSettings.from_mapping({}, source="consentry.yaml", environ={})
    assert missing.value.key == "TWILIO_AUTH_TOKEN"
