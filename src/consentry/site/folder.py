"""Folder mode: saved HTML files mapped to the URLs they were served at.

A file's URL is its `<link rel=canonical>`, else its `<meta property=og:url>` (when on the site
the caller named), else its path joined to the base URL: `index.html` ↔ `/`,
`privacy.html` ↔ `/privacy.html` and `/privacy`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from consentry.site.decode import decode_html
from consentry.site.extract import extract_page
from consentry.site.model import FetchProblem, Page, SiteSnapshot
from consentry.site.urls import host_of, normalize_url, site_key

__all__ = ["DEFAULT_BASE", "load_folder"]

DEFAULT_BASE = "https://site.invalid/"
"""Base URL when the caller gives none and no page names its own address."""
_SUFFIXES = (".html", ".htm")


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found = [
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in _SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    # index first, then shallow before deep, then by name: stable and reviewer-like.
    return sorted(found, key=lambda p: (p.stem.lower() != "index", len(p.parts), str(p).lower()))


def path_urls(relative: PurePosixPath, base: str) -> list[str]:
    """The URLs a saved file stands for, preferred first."""
    parent = "" if str(relative.parent) == "." else f"{relative.parent.as_posix()}/"
    stem = relative.stem
    candidates: list[str] = []
    if stem.lower() in ("index", "default"):
        candidates.append(parent)
    candidates += [parent + relative.name, parent + stem, parent + stem + "/"]
    urls = [normalize_url(c, base) for c in candidates]
    return list(dict.fromkeys(u for u in urls if u))


def load_folder(
    path: str | Path, base_urls: Sequence[str] = (), *, max_bytes: int = 2_000_000
) -> SiteSnapshot:
    root = Path(path)
    bases = [b for b in (normalize_url(u) for u in base_urls) if b]
    sites = {site_key(host_of(b)) for b in bases}
    files = _files(root) if root.exists() else []
    base = bases[0] if bases else (_sniff_origin(files) or DEFAULT_BASE)
    if not base.endswith("/"):
        base = base.rsplit("/", 1)[0] + "/" if urlpath_has_file(base) else base + "/"
    pages: dict[str, Page] = {}
    aliases: dict[str, str] = {}
    problems: list[FetchProblem] = []
    if not files:
        problems.append(FetchProblem(str(root), "unreadable", f"No .html files found in {root}."))
    for file in files:
        relative = (
            PurePosixPath(file.relative_to(root).as_posix())
            if root.is_dir()
            else PurePosixPath(file.name)
        )
        try:
            raw = file.read_bytes()
        except OSError as exc:
            problems.append(
                FetchProblem(str(file), "unreadable", f"Could not read {file}: {exc.strerror}.")
            )
            continue
        truncated = len(raw) > max_bytes
        text, charset, fallback = decode_html(raw[:max_bytes], None, truncated=truncated)
        urls = path_urls(relative, base)
        page = extract_page(
            text,
            url=urls[0],
            charset=charset,
            source="folder",
            file_path=str(file),
            truncated=truncated,
        )
        own = _own_url(page, sites)
        key = urls[0]
        if own and own not in pages and own not in aliases:
            key = own
            page = extract_page(
                text,
                url=own,
                charset=charset,
                source="folder",
                file_path=str(file),
                truncated=truncated,
            )
        if key in pages:  # two files claim one URL: keep the first, reach the second by path
            key = next((u for u in urls if u not in pages), urls[0] + "#" + relative.as_posix())
        pages[key] = page if page.url == key else _rekey(page, key)
        for alias in urls:
            if alias != key and alias not in pages:
                aliases.setdefault(alias, key)
        if truncated:
            problems.append(
                FetchProblem(
                    key,
                    "too_big",
                    f"{file} is larger than {max_bytes / 1_000_000:g} MB; only its start was read.",
                    page_kept=True,
                )
            )
        if fallback:
            problems.append(
                FetchProblem(
                    key,
                    "charset",
                    f"{file} declares a character set its text does not use; read as {charset}.",
                    page_kept=True,
                )
            )
    return SiteSnapshot(
        start_urls=tuple(bases) or (base,),
        pages=pages,
        problems=tuple(problems),
        aliases=aliases,
        mode="folder",
    )


_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']?([^\"'\s>]+)", re.I)


def _sniff_origin(files: list[Path]) -> str | None:
    """The site's origin from the first canonical link found (when no base URL was given)."""
    for file in files[:20]:
        try:
            head = file.read_bytes()[:65536].decode("utf-8", "replace")
        except OSError:
            continue
        tag = _CANONICAL.search(head)
        href = _HREF.search(tag.group(0)) if tag else None
        url = normalize_url(href.group(1)) if href else None
        if url:
            parts = urlsplit(url)
            return f"{parts.scheme}://{parts.netloc}/"
    return None


def urlpath_has_file(url: str) -> bool:
    last = url.rsplit("/", 1)[-1]
    return "." in last


def _own_url(page: Page, sites: set[str]) -> str | None:
    for candidate in (page.canonical, page.og_url):
        if candidate and (not sites or site_key(host_of(candidate)) in sites):
            return candidate
    return None


def _rekey(page: Page, key: str) -> Page:
    from dataclasses import replace

    return replace(page, url=key, final_url=key)
