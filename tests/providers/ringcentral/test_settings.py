"""Settings from the environment and a config file; the environment wins; secrets stay hidden."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consentry.errors import InputError
from consentry.providers.ringcentral import DEFAULT_SERVER, RingCentralSettings

ENV = {
    "RINGCENTRAL_CLIENT_ID": "env-id",
    "RINGCENTRAL_CLIENT_SECRET": "env-secret",
    "RINGCENTRAL_JWT": "env.jwt.value",
    "RINGCENTRAL_WEBHOOK_URL": "https://texts.example.com/v1/webhooks/ringcentral",
    "RINGCENTRAL_VERIFICATION_TOKEN": "env-token",
}


def test_from_env() -> None:
    s = RingCentralSettings.from_env(ENV)
    assert (s.client_id, s.client_secret, s.jwt) == ("env-id", "env-secret", "env.jwt.value")
    assert s.server_url == DEFAULT_SERVER == "https://platform.ringcentral.com"
    assert s.require_webhook() == (ENV["RINGCENTRAL_WEBHOOK_URL"], "env-token")
    s.require_credentials()


def test_secrets_never_appear_in_repr() -> None:
    text = repr(RingCentralSettings.from_env(ENV))
    assert "env-id" in text
    assert "env-secret" not in text and "env.jwt.value" not in text and "env-token" not in text


@pytest.mark.parametrize(
    "missing", ["RINGCENTRAL_CLIENT_ID", "RINGCENTRAL_CLIENT_SECRET", "RINGCENTRAL_JWT"]
)
def test_missing_credentials_name_the_variable(missing: str) -> None:
    env = {k: v for k, v in ENV.items() if k != missing}
    with pytest.raises(InputError) as err:
        RingCentralSettings.from_env(env).require_credentials()
    assert err.value.key == missing
    assert missing in err.value.one_line()


def test_missing_webhook_settings_name_the_variable() -> None:
    env = {k: v for k, v in ENV.items() if k != "RINGCENTRAL_VERIFICATION_TOKEN"}
    with pytest.raises(InputError) as err:
        RingCentralSettings.from_env(env).require_webhook()
    assert err.value.key == "RINGCENTRAL_VERIFICATION_TOKEN"


def test_file_values_lose_to_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "rc.yaml"
    path.write_text(
        "ringcentral:\n"
        "  server_url: https://platform.devtest.ringcentral.com/\n"
        "  client_id: file-id\n"
        "  client_secret: file-secret\n"
        "  jwt: file.jwt\n"
        "  timeout: 3\n"
    )
    from_file = RingCentralSettings.from_env({}, config_file=path)
    assert from_file.client_id == "file-id" and from_file.timeout == 3.0
    assert from_file.server_url == "https://platform.devtest.ringcentral.com"
    both = RingCentralSettings.from_env({"RINGCENTRAL_CLIENT_ID": "env-id"}, config_file=path)
    assert both.client_id == "env-id" and both.client_secret == "file-secret"


def test_json_config_file(tmp_path: Path) -> None:
    path = tmp_path / "rc.json"
    path.write_text(json.dumps({"ringcentral": {"client_id": "j-id", "jwt": "j"}}))
    assert RingCentralSettings.from_env({}, config_file=path).client_id == "j-id"


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        ("a.yaml", "ringcentral: [1, 2\n", "not valid YAML"),
        ("a.json", "{", "not valid JSON"),
        ("a.yaml", "other: {}\n", "ringcentral:"),
        ("a.yaml", "ringcentral:\n  client_idd: x\n", "unknown setting"),
        ("a.yaml", "ringcentral:\n  timeout: soon\n", "not a number"),
    ],
)
def test_bad_config_files_are_one_line_errors(
    tmp_path: Path, name: str, text: str, needle: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(InputError) as err:
        RingCentralSettings.from_env({}, config_file=path)
    assert needle in err.value.one_line() and str(path) in err.value.one_line()


def test_a_missing_config_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        RingCentralSettings.from_env({}, config_file=tmp_path / "nope.yaml")


def test_bad_timeout_in_environment() -> None:
    with pytest.raises(InputError) as err:
        RingCentralSettings.from_env({**ENV, "RINGCENTRAL_TIMEOUT": "-1"})
    assert err.value.key == "RINGCENTRAL_TIMEOUT"
