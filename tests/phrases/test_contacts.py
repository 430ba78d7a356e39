"""Emails, URLs, US phone numbers, support contacts, hosts and registrable domains."""

from __future__ import annotations

import pytest

from consentry.phrases import (
    FREE_MAIL_DOMAINS,
    PUBLIC_SHORTENERS,
    find_emails,
    find_phone_numbers,
    find_support_contact,
    find_urls,
    registrable_domain,
    url_host,
)

EMAILS = [
    ("Email frontdesk@maplestreetdental.com for help.", "frontdesk@maplestreetdental.com"),
    ("Contact: Help@Maple.com.", "Help@Maple.com"),
    ("support+sms@maple-dental.co.uk", "support+sms@maple-dental.co.uk"),
    ("(office@cedargrovepm.com)", "office@cedargrovepm.com"),
    ("<info@sirreel.com>", "info@sirreel.com"),
    ("mail first.last@sub.example.org now", "first.last@sub.example.org"),
    ("help [at] maple [dot] com", "help [at] maple [dot] com"),
    ("\uff48\uff45\uff4c\uff50\uff20\uff4d\uff41\uff50\uff4c\uff45.com", None),
    ("Email: myrevuhq@gmail.com", "myrevuhq@gmail.com"),
    ("write to a_b-c@x.io;", "a_b-c@x.io"),
]
NOT_EMAILS = [
    "Reply HELP for help.",
    "@maple on Instagram",
    "maple.com/contact",
    "user@localhost",
    "a@b",
    "Meet @ 5pm at the office.",
]

URLS = [
    ("Book at https://www.maplestreetdental.com/book.", "https://www.maplestreetdental.com/book"),
    ("www.maple.com", "www.maple.com"),
    ("maple.com/book", "maple.com/book"),
    ("Visit maplestreetdental.com today", "maplestreetdental.com"),
    ("(see https://x.com/a_(b))", "https://x.com/a_(b)"),
    ("bit.ly/3abc", "bit.ly/3abc"),
    ("Track at acme.com/track.", "acme.com/track"),
    ("HTTP://MAPLE.COM/PRIVACY", "HTTP://MAPLE.COM/PRIVACY"),
    ("go to maple.co.uk now", "maple.co.uk"),
    (
        "https://tsx.sirreel.com/portal/job/forgotten-island Reply STOP",
        "https://tsx.sirreel.com/portal/job/forgotten-island",
    ),
    ("link: t.co/xyz", "t.co/xyz"),
    ("shop.maple.store/sale", "shop.maple.store/sale"),
]
NOT_URLS = [
    "e.g. a reminder",
    "i.e. the same",
    "Open 9 a.m. to 5 p.m.",
    "frontdesk@maplestreetdental.com",
    "See readme.md",
    "Thanks.It was great",
    "Reply HELP for help.Support is 24/7.",
    "U.S. residents only",
    "Version 2.0 is out",
    "St. Louis office",
]

PHONES = [
    ("Call +1 (512) 447-0198.", "+1 (512) 447-0198"),
    ("512.447.0198", "512.447.0198"),
    ("5124470198", "5124470198"),
    ("call 1-800-555-0199 now", "1-800-555-0199"),
    ("+15124470198", "+15124470198"),
    ("(503) 555-0142", "(503) 555-0142"),
    ("Text (747) 335-1665 to join", "(747) 335-1665"),
    ("(512)447-0198 ext 5", "(512)447-0198"),
    ("call 1-800-FLOWERS", "1-800-FLOWERS"),
    (
        "\uff08\uff15\uff11\uff12\uff09 \uff14\uff14\uff17-\uff10\uff11\uff19\uff18",
        "\uff08\uff15\uff11\uff12\uff09 \uff14\uff14\uff17-\uff10\uff11\uff19\uff18",
    ),
    ("Call 512 447 0198", "512 447 0198"),
    ("Text 'STOP' to [346] 980 4406 to opt out.", "[346] 980 4406"),
]
NOT_PHONES = [
    "Order #5124470198 has shipped.",
    "order number 5124470198",
    "Your appointment is 2024-05-06.",
    "ZIP 78704-1234",
    "Total $1,234,567.89",
    "12/25/2024 at 10:30-11:45",
    "EIN 84-1234567",
    "Tracking: 1Z999AA10123456784",
    "Text JOIN to 55555",
    "Account 123-456-7890123",
    "call 447-0198",
]


@pytest.mark.parametrize(("text", "expected"), EMAILS)
def test_emails(text: str, expected: str | None) -> None:
    found = find_emails(text)
    assert found, text
    assert all(text[m.start : m.end] == m.text for m in found)
    if expected is not None:
        assert found[0].text == expected


@pytest.mark.parametrize("text", NOT_EMAILS)
def test_not_emails(text: str) -> None:
    assert find_emails(text) == []


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_urls(text: str, expected: str) -> None:
    found = find_urls(text)
    assert [m.text for m in found][:1] == [expected]


@pytest.mark.parametrize("text", NOT_URLS)
def test_not_urls(text: str) -> None:
    assert find_urls(text) == []


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_phones(text: str, expected: str) -> None:
    found = find_phone_numbers(text)
    assert [m.text for m in found][:1] == [expected]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_not_phones(text: str) -> None:
    assert find_phone_numbers(text) == []


def test_several_of_each_in_order() -> None:
    text = "Call 512-447-0198 or (512) 447-0199; www.a.com and b.com/x; x@a.com, y@b.org"
    assert [m.text for m in find_phone_numbers(text)] == ["512-447-0198", "(512) 447-0199"]
    assert [m.text for m in find_urls(text)] == ["www.a.com", "b.com/x"]
    assert [m.text for m in find_emails(text)] == ["x@a.com", "y@b.org"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For help call (678) 680-6598 or email support@ooustream.com.", "(678) 680-6598"),
        ("Email info@sirreel.com or call (888) 477-7335.", "info@sirreel.com"),
        ("Please visit www.acmecorporation.com to get support.", "www.acmecorporation.com"),
        ("Support: acme.com/help", "acme.com/help"),
        ("Questions? 512.447.0198", "512.447.0198"),
        ("Contact us at help [at] maple [dot] com", "help [at] maple [dot] com"),
        ("Maple Dental: call 1-800-555-0199 for help.", "1-800-555-0199"),
        ("Need help? maplestreetdental.com/contact", "maplestreetdental.com/contact"),
        ("Help: +1 512 447 0198, Mon-Fri 9-5", "+1 512 447 0198"),
        ("Questions? frontdesk@maplestreetdental.com", "frontdesk@maplestreetdental.com"),
        ("See https://maple.com/help or call (512) 447-0198.", "https://maple.com/help"),
    ],
)
def test_support_contact(text: str, expected: str) -> None:
    m = find_support_contact(text)
    assert m is not None and m.text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for contacting us. Our team will get back to you shortly.",
        "Reply HELP for help.",
        "Order #5124470198",
        "Email: (email) Phone: (tel)",
        "",
        "help@",
    ],
)
def test_no_support_contact(text: str) -> None:
    assert find_support_contact(text) is None


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Maple.com:443/x", "maple.com"),
        ("maple.com/book", "maple.com"),
        ("www.maple.co.uk", "maple.co.uk"),
        ("http://book.maplestreet.com/?a=1#b", "book.maplestreet.com"),
        ("HTTPS://USER:PW@Shop.Maple.com", "shop.maple.com"),
        ("  <https://bit.ly/abc>  ", "bit.ly"),
        ("maple.com.", "maple.com"),
    ],
)
def test_url_host(url: str, host: str) -> None:
    assert url_host(url) == host


@pytest.mark.parametrize(
    "url", ["", "not a url", "help@maple.com", "mailto:x@y.com", "tel:+15124470198", "https://"]
)
def test_url_host_none(url: str) -> None:
    assert url_host(url) is None


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("shop.maple.co.uk", "maple.co.uk"),
        ("book.maplestreet.com", "maplestreet.com"),
        ("maplestreet.com", "maplestreet.com"),
        ("www.x.com", "x.com"),
        ("WWW.X.COM.", "x.com"),
        ("maple.myshopify.com", "maple.myshopify.com"),
        ("a.b.c.maple.com.au", "maple.com.au"),
        ("1.2.3.4", "1.2.3.4"),
        ("https://www.maple.com/x", "maple.com"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


def test_lists() -> None:
    for d in (
        "bit.ly",
        "tinyurl.com",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "t.co",
        "tiny.cc",
        "bc.vc",
        "budurl.com",
        "clicky.me",
        "lc.chat",
        "s2r.co",
        "soo.gd",
        "rb.gy",
        "cutt.ly",
        "shorturl.at",
        "buff.ly",
        "rebrand.ly",
        "t.ly",
        "short.io",
    ):
        assert d in PUBLIC_SHORTENERS
    for d in (
        "gmail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "aol.com",
        "icloud.com",
        "live.com",
        "msn.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "mail.com",
        "ymail.com",
        "zoho.com",
        "comcast.net",
        "att.net",
    ):
        assert d in FREE_MAIL_DOMAINS
    assert "maplestreetdental.com" not in FREE_MAIL_DOMAINS
