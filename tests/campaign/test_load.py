"""The campaign loader: positions, conversions, and one-line errors for unusable input."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consentry.campaign import LoadedCampaign, load_campaign, parse_campaign
from consentry.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
CLEAN = ROOT / "examples" / "clean" / "campaign.yaml"


def test_clean_example_loads_with_positions() -> None:
    loaded = load_campaign(CLEAN)
    c = loaded.campaign
    assert c.brand.display_name == "Maple Street Dental"
    assert c.brand.address is not None and c.brand.address.postal_code == "78704"
    assert len(c.campaign.sample_messages) == 3
    assert c.campaign.embedded_phone is True
    line, column = loaded.position("campaign.opt_out_message") or (0, 0)
    assert CLEAN.read_text().splitlines()[line - 1].strip().startswith("opt_out_message:")
    assert column == 3
    sample_line, _ = loaded.position("campaign.sample_messages[1]") or (0, 0)
    assert "confirmed" in CLEAN.read_text().splitlines()[sample_line - 1]


def test_missing_field_position_falls_back_to_parent() -> None:
    loaded = parse_campaign(
        "schema_version: 1\ncampaign:\n  use_case: MARKETING\n", source="x.yaml"
    )
    assert loaded.position("campaign.opt_out_message") == (2, 1)
    assert loaded.campaign.campaign.opt_out_message is None


def test_a_key_left_out_is_told_apart_from_one_given_blank() -> None:
    loaded = parse_campaign(
        'schema_version: 1\ncampaign:\n  help_message: ""\n  opt_out_keywords: []\n',
        source="x.yaml",
    )
    assert loaded.left_out("campaign.opt_out_message")
    assert not loaded.left_out("campaign.help_message")
    assert not loaded.left_out("campaign.opt_out_keywords")
    # a campaign built in code, without a file, counts every field as given
    assert not LoadedCampaign(loaded.campaign, "code").left_out("campaign.opt_out_message")


def test_unquoted_zip_with_leading_zero_stays_text() -> None:
    text = "schema_version: 1\nbrand:\n  address: {postal_code: 02134, state: MA}\n"
    loaded = parse_campaign(text)
    assert loaded.campaign.brand.address is not None
    assert loaded.campaign.brand.address.postal_code == "02134"


def test_null_and_empty_are_missing_not_errors() -> None:
    text = "schema_version: 1\nbrand:\n  stock_symbol: null\n  email: ~\n  ein:\ncampaign:\n  sample_messages: []\n"
    c = parse_campaign(text).campaign
    assert c.brand.stock_symbol is None and c.brand.email is None and c.brand.ein is None
    assert c.campaign.sample_messages == ()


def test_json_file_is_accepted() -> None:
    data = {"schema_version": 1, "brand": {"display_name": "Acme"}, "campaign": {"use_case": "2FA"}}
    loaded = parse_campaign(json.dumps(data, indent=2), source="c.json")
    assert loaded.form == "json"
    assert loaded.campaign.brand.display_name == "Acme"
    assert loaded.position("brand.display_name") == (4, 5)


def test_keyword_lists_accept_comma_text() -> None:
    c = parse_campaign(
        "schema_version: 1\ncampaign:\n  opt_out_keywords: 'STOP, END,QUIT'\n"
    ).campaign
    assert c.campaign.opt_out_keywords == ("STOP", "END", "QUIT")


def test_tcr_campaign_object_is_converted() -> None:
    tcr = {
        "usecase": "ACCOUNT_NOTIFICATION",
        "description": "Acme sends order updates.",
        "messageFlow": "Customers opt in at checkout.",
        "sample1": "Acme: your order shipped.",
        "sample2": "Acme: your order arrived.",
        "optinKeywords": "START,JOIN",
        "optoutMessage": "Acme: you are unsubscribed.",
        "embeddedLink": False,
        "campaignId": "CEFQQMK",
        "brand": {
            "displayName": "Acme",
            "companyName": "Acme LLC",
            "postalCode": "10001",
            "ein": "12-3456789",
        },
    }
    loaded = parse_campaign(json.dumps(tcr, indent=1), source="tcr.json")
    c = loaded.campaign
    assert loaded.form == "tcr"
    assert c.campaign.use_case == "ACCOUNT_NOTIFICATION"
    assert c.campaign.sample_messages == ("Acme: your order shipped.", "Acme: your order arrived.")
    assert c.campaign.opt_in_keywords == ("START", "JOIN")
    assert c.brand.legal_name == "Acme LLC"
    assert c.brand.address is not None and c.brand.address.postal_code == "10001"
    assert loaded.position("campaign.sample_messages[1]") is not None


def test_tcr_object_without_brand_and_with_url_spellings() -> None:
    tcr = {
        "brandId": "BXXXXXX",
        "usecase": "CUSTOMER_CARE",
        "description": "Acme sends order updates.",
        "messageFlow": "Customers opt in at checkout.",
        "sample1": "Acme: your order shipped.",
        "privacyPolicyUrl": "https://acme.com/privacy",
        "termsAndConditionsUrl": "https://acme.com/sms-terms",
    }
    loaded = parse_campaign(json.dumps(tcr), source="tcr.json")
    assert loaded.campaign.campaign.privacy_policy_url == "https://acme.com/privacy"
    assert loaded.campaign.campaign.terms_url == "https://acme.com/sms-terms"
    assert not loaded.brand_given
    # the brand is registered on its own: its empty fields are not reported as missing
    from consentry.lint import lint_campaign

    codes = {f.code for f in lint_campaign(loaded).findings}
    assert "BRD019" in codes
    assert not {c for c in codes if c.startswith("BRD") and c != "BRD019"}
    assert parse_campaign(json.dumps({**tcr, "brand": {"displayName": "Acme"}})).brand_given
    assert parse_campaign("schema_version: 1\ncampaign: {}\n").brand_given


@pytest.mark.parametrize(
    ("text", "line", "key", "words"),
    [
        ("schema_version: 1\nbrandd: {}\n", 2, "brandd", "unknown key 'brandd'"),
        (
            "schema_version: 1\ncampaign:\n  message_flw: x\n",
            3,
            "campaign.message_flw",
            "did you mean 'message_flow'",
        ),
        (
            "schema_version: 1\ncampaign:\n  sample_messages: one\n",
            3,
            "campaign.sample_messages",
            "list",
        ),
        (
            "schema_version: 1\ncampaign:\n  embedded_link: maybe\n",
            3,
            "campaign.embedded_link",
            "true or false",
        ),
        (
            "schema_version: 1\ncampaign:\n  description: [a, b]\n",
            3,
            "campaign.description",
            "found a list",
        ),
        ("schema_version: 2\n", 1, "schema_version", "not supported"),
        ("schema_version: 1\nbrand: {email: a}\nbrand: {email: b}\n", 3, "brand", "twice"),
        ("campaign: [unclosed\n", 2, None, "not valid YAML"),
    ],
)
def test_unusable_input_is_one_line_with_file_line_and_key(
    text: str, line: int, key: str | None, words: str
) -> None:
    with pytest.raises(InputError) as info:
        parse_campaign(text, source="bad.yaml")
    err = info.value
    assert err.line == line
    assert err.key == key
    assert words in err.message
    one = err.one_line()
    assert "\n" not in one and one.startswith(f"bad.yaml:{line}:")


def test_binary_empty_and_huge_files(tmp_path: Path) -> None:
    binary = tmp_path / "logo.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * 50_000_000)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("schema_version: 1\nbrand: {display_name: Caf\xe9}\n".encode("latin-1"))
    for path, words in ((binary, "binary"), (empty, "empty"), (huge, "MB"), (latin, "UTF-8")):
        with pytest.raises(InputError) as info:
            load_campaign(path)
        assert words in info.value.message
        assert info.value.source == str(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_campaign(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="folder"):
        load_campaign(tmp_path)


def test_yaml_bomb_is_refused_quickly() -> None:
    # The classic "billion laughs": nested lists of aliases. Our schema has no nested lists, so it
    # must stop at the first nested list without expanding anything.
    lines = [
        "schema_version: 1",
        "campaign:",
        '  help_keywords: &a ["x","x","x","x","x","x","x","x","x"]',
    ]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"  k{i}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(InputError):
        parse_campaign("\n".join(lines), source="bomb.yaml")


def test_alias_fan_out_under_a_list_is_bounded() -> None:
    text = (
        "schema_version: 1\ncampaign:\n  help_message: &h HELP\n  opt_in_keywords: ["
        + ", ".join(["*h"] * 30000)
        + "]\n"
    )
    with pytest.raises(InputError, match="far more values"):
        parse_campaign(text, source="fan.yaml")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_loader_never_raises_anything_but_input_error(text: str) -> None:
    try:
        parse_campaign(text, source="fuzz.yaml")
    except InputError as exc:
        assert "\n" not in exc.one_line()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_loader_on_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(InputError):
        parse_campaign(data, source="fuzz.bin")
