"""Site-rule cases: the clean example's saved site, with pages replaced, added or removed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from consentry.campaign import LoadedCampaign
from consentry.lint.website import campaign_urls
from consentry.site import SiteSnapshot, load_folder
from tests.lint.case_runner import ROOT, build_case

BASE_SITE = ROOT / "examples" / "clean" / "site"
SITE_CASES_DIR = Path(__file__).parent / "site_cases"


def build_site_case(case: dict[str, Any], tmp: Path) -> tuple[LoadedCampaign, SiteSnapshot]:
    """Copy the clean site, apply `pages` (path -> html, or null to delete), load it as lint --site does."""
    site = tmp / "site"
    shutil.copytree(BASE_SITE, site)
    for rel, html in (case.get("pages") or {}).items():
        target = site / rel
        if html is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
    loaded = build_case(case)
    base = [loaded.campaign.brand.website or "", *campaign_urls(loaded)]
    return loaded, load_folder(site, base_urls=[b for b in base if b])


def load_site_case_files() -> list[tuple[str, dict[str, Any]]]:
    return [
        (p.stem, yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted(SITE_CASES_DIR.glob("*.yaml"))
    ]
