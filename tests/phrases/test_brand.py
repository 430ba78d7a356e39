"""Brand aliases and finding the brand in text."""

from __future__ import annotations

import pytest

from consentry.phrases import brand_aliases, find_brand, short_names

MAPLE = brand_aliases(
    "Maple Street Dental", "Maple Street Dental PLLC", "https://www.maplestreetdental.com"
)


def test_maple_aliases() -> None:
    assert MAPLE[0] == "Maple Street Dental"
    for alias in (
        "Maple Street Dental PLLC",
        "Maple St Dental",
        "maplestreetdental.com",
    ):
        assert alias in MAPLE


@pytest.mark.parametrize(
    ("display", "legal", "website", "expected"),
    [
        ("The Smith & Sons Co.", None, None, {"Smith & Sons", "Smith and Sons"}),
        (None, "Maple Holdings, L.L.C. dba Maple Dental", None, {"Maple Holdings", "Maple Dental"}),
        ("Acme", "Acme, Inc.", "acme.com", {"Acme", "Acme, Inc", "acme.com"}),
        ("St. Luke's Clinic", None, None, {"St. Luke's Clinic", "Saint Luke's Clinic"}),
        (None, "Bright Smile Dental, P.C.", None, {"Bright Smile Dental"}),
        (None, "Cedar Grove Property Management LLC", None, {"Cedar Grove Property Management"}),
        (None, "Rivera Law Group, PLLC", None, {"Rivera Law Group"}),
        (None, "Blue Fin Corp.", None, {"Blue Fin"}),
        (None, "Northside Pediatrics, P.A.", None, {"Northside Pediatrics"}),
        (None, None, "https://book.maplestreet.co.uk/x", {"maplestreet.co.uk"}),
        # a sole proprietor's product on a hyphenated domain, hosted on a website builder
        ("Ramsey Kilani", None, "https://shared-events.pages.dev", {"shared events"}),
        ("Jo Park", None, "https://cedar-grove-pm.com", {"cedar grove pm", "cedar-grove-pm.com"}),
    ],
)
def test_aliases_include(
    display: str | None, legal: str | None, website: str | None, expected: set[str]
) -> None:
    aliases = brand_aliases(display, legal, website)
    assert expected <= set(aliases), aliases


@pytest.mark.parametrize(
    ("display", "legal", "website", "dropped"),
    [
        ("Dental", None, None, "Dental"),
        ("The Store", None, None, "Store"),
        ("AB", None, None, "AB"),
        (None, "Co LLC", None, "Co"),
        ("", "", "", ""),
        ("Maple Dental", None, "not a url", "not a url"),
        ("Maple Dental", None, "https://maple-dental.com", "maple dental"),  # already a name
    ],
)
def test_generic_aliases_dropped(
    display: str | None, legal: str | None, website: str | None, dropped: str
) -> None:
    assert dropped not in brand_aliases(display, legal, website)


def test_no_names_no_aliases() -> None:
    assert brand_aliases(None, None, None) == ()


BRAND_FOUND = [
    "Maple Street Dental: your appointment is tomorrow.",
    "MAPLE STREET DENTAL",
    "Maple St. Dental reminder",
    "Visit maplestreetdental.com to book.",
    "Thanks from the team at Maple Street Dental, PLLC.",
    "MapleStreetDental here!",
    "maple street dental's new office",
    "\u201cMaple\u00a0Street\u00a0Dental\u201d",
    "Book at https://www.maplestreetdental.com/book",
    "\uff2d\uff41\uff50\uff4c\uff45 Street Dental",
]
BRAND_NOT_FOUND = [
    "Maple Streets Dentals",
    "maple street",
    "Street Dental Maple",
    "Thanks for contacting us.",
    "Maple Ave Dental",
    "mapledental.com",
    "",
]


@pytest.mark.parametrize("text", BRAND_FOUND)
def test_find_brand(text: str) -> None:
    m = find_brand(text, MAPLE)
    assert m is not None, text
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", BRAND_NOT_FOUND)
def test_brand_not_found(text: str) -> None:
    assert find_brand(text, MAPLE) is None


def test_find_brand_with_raw_aliases_and_abbreviations() -> None:
    assert find_brand("Smith and Sons Plumbing", ["Smith & Sons Plumbing"]) is not None
    assert find_brand("Smith & Sons Plumbing", ["Smith and Sons Plumbing"]) is not None
    assert find_brand("Maple St Dental", ["Maple Street Dental"]) is not None
    assert find_brand("maple street dental", ["The Maple Street Dental LLC"]) is not None
    assert find_brand("anything", []) is None
    assert find_brand("anything", [""]) is None


def test_short_alias_is_whole_word_only() -> None:
    aliases = brand_aliases("Bee Hive", None, None)
    assert find_brand("Bee Hive Honey", aliases) is not None
    assert find_brand("the beehive", aliases) is None
    assert find_brand("Bee Hives", aliases) is None


def test_domain_alias_is_reported_whole() -> None:
    m = find_brand("visit maplestreetdental.com", MAPLE)
    assert m is not None and m.text == "maplestreetdental.com"


def test_an_ampersand_may_touch_its_neighbours() -> None:
    aliases = brand_aliases("A&B Dental", "A&B Dental LLC", None)
    assert find_brand("A&B Dental: your visit is confirmed", aliases) is not None
    assert find_brand("A & B Dental: your visit is confirmed", aliases) is not None
    assert find_brand("AT&T: your bill is ready", brand_aliases("AT&T", None, None)) is not None


@pytest.mark.parametrize(
    ("names", "texts", "expected"),
    [
        # the registration uses "Maza" on its own, so "Maza:" in a sample names the brand
        (
            ("Maza Mediterranean Cuisine", None),
            ("Maza Mediterranean Cuisine sends deals to the Maza SMS list.",),
            ("Maza",),
        ),
        (
            ("Cedar Grove Property Management LLC", None),
            ("Texts from Cedar Grove.",),
            ("Cedar Grove",),
        ),
        # the prefix only ever appears as part of the whole name: not a short name
        (("Maple Street Dental", None), ("Maple Street Dental sends reminders.",), ()),
        # common or short words never count
        (("The Dental Group", None), ("The team at Dental HQ",), ()),
        (("Bay Auto Repair", None), ("Bay area drivers",), ()),
        (("Maza Mediterranean Cuisine", None), ("no mention at all",), ()),
    ],
)
def test_short_names(
    names: tuple[str | None, str | None], texts: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert short_names(names, texts) == expected
