"""Folder mode: saved HTML files mapped to URLs (canonical, og:url, or path)."""

from __future__ import annotations

from pathlib import Path

from consentry.site import load_folder
from consentry.site.folder import DEFAULT_BASE
from tests.site.conftest import SITES

BASE = "https://riverbendplumbing.com"


def test_paths_map_to_urls_with_and_without_html() -> None:
    snap = load_folder(SITES / "smallbiz", base_urls=[BASE])
    assert snap.mode == "folder" and len(snap) == 6 and snap.problems == ()
    assert next(iter(snap.pages)) == BASE + "/"  # index first
    home = snap.page_for(BASE)
    assert home is not None and home.file_path and home.file_path.endswith("index.html")
    for url in (
        BASE + "/privacy",
        BASE + "/privacy.html",
        BASE + "/privacy/",
        "http://www.riverbendplumbing.com/privacy",
        BASE + "/index.html",
    ):
        page = snap.page_for(url)
        assert page is not None, url
    assert snap.page_for(BASE + "/privacy").title.startswith("Privacy Policy")  # type: ignore[union-attr]
    assert snap.page_for(BASE + "/nope") is None


def test_links_between_saved_pages_resolve_to_those_pages() -> None:
    snap = load_folder(SITES / "smallbiz", base_urls=[BASE])
    contact = snap.page_for(BASE + "/contact")
    assert contact is not None
    (box,) = contact.phone_forms[0].checkboxes
    targets = [snap.page_for(link.url) for link in box.links]
    assert [t.title.split(" |")[0] for t in targets if t] == ["Privacy Policy", "SMS Terms"]


def test_directory_index_files() -> None:
    snap = load_folder(SITES / "propmgmt", base_urls=["https://cedarridgepm.com/"])
    privacy = snap.page_for("https://cedarridgepm.com/privacy-policy/")
    assert privacy is not None and "texting us" in privacy.text
    assert snap.page_for("https://cedarridgepm.com/contact") is not None


def test_canonical_wins_when_it_is_on_the_site() -> None:
    snap = load_folder(SITES / "gravity", base_urls=["https://brightsidedental.com"])
    assert "https://brightsidedental.com/appointments/" in snap.pages
    # Both files claim the same canonical URL: the second is reachable by its path.
    assert snap.page_for("https://brightsidedental.com/noncompliant.html") is not None


def test_canonical_on_another_site_is_ignored_when_a_base_is_given() -> None:
    snap = load_folder(SITES / "wix", base_urls=["https://staging.example.org/site/"])
    assert snap.page_for("https://staging.example.org/site/compliant") is not None


def test_og_url_and_no_base(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<html><head><meta property="og:url" content="https://shop.example/deals"></head>'
        "<body><a href='/about'>About</a></body></html>"
    )
    (tmp_path / "b.html").write_text("<html><body>No address of its own</body></html>")
    snap = load_folder(tmp_path)
    assert snap.page_for("https://shop.example/deals") is not None
    assert snap.page_for(DEFAULT_BASE + "b") is not None


def test_base_derived_from_a_canonical_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="canonical" href="https://cafe.example/"></head><body>Hi</body></html>'
    )
    (tmp_path / "menu.html").write_text("<html><body>Menu</body></html>")
    snap = load_folder(tmp_path)
    assert set(snap.pages) == {"https://cafe.example/", "https://cafe.example/menu.html"}


def test_unreadable_and_odd_files(tmp_path: Path) -> None:
    assert load_folder(tmp_path / "missing").problems[0].kind == "unreadable"
    assert load_folder(tmp_path).problems[0].kind == "unreadable"
    (tmp_path / "latin.htm").write_bytes(
        "<html><head><meta charset='utf-8'></head><body>Café</body></html>".encode("latin-1")
    )
    (tmp_path / "notes.txt").write_text("not html")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.html").write_text("<p>skip</p>")
    snap = load_folder(tmp_path, base_urls=["https://x.example"])
    assert len(snap) == 1
    (page,) = snap
    assert page.text == "Café" and page.source == "folder"
    assert [p.kind for p in snap.problems] == ["charset"]


def test_single_file() -> None:
    snap = load_folder(
        SITES / "wix" / "noncompliant.html", base_urls=["https://www.coastalcleaningco.com"]
    )
    assert list(snap.pages) == ["https://www.coastalcleaningco.com/contact"]
