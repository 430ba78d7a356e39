"""Which website `consentry lint` checks for a campaign (CONTRACT §2), fetched once per run.

`--offline`: none. `--site URL_OR_DIR`: that site only (a folder is matched to the campaign's URLs
by canonical link or path). Neither: the URLs in the campaign file.
"""

from __future__ import annotations

from pathlib import Path

from consentry import phrases
from consentry.campaign.model import LoadedCampaign
from consentry.errors import InputError
from consentry.lint.finding import Finding
from consentry.site import SiteSnapshot, crawl_site, load_folder

__all__ = ["SiteChecker", "campaign_urls"]


def campaign_urls(loaded: LoadedCampaign) -> list[str]:
    """The website, policy, terms, opt-in and flow URLs of a campaign, in that order."""
    c = loaded.campaign
    urls = [
        c.brand.website,
        c.campaign.privacy_policy_url,
        c.campaign.terms_url,
        *c.campaign.opt_in_urls,
    ]
    urls += [m.text for m in phrases.find_urls(c.campaign.message_flow or "")]
    out: list[str] = []
    for url in urls:
        if url and url.strip():
            url = url.strip()
            url = url if "://" in url else f"https://{url}"
            if url not in out:
                out.append(url)
    return out


class SiteChecker:
    """Fetch (or read) the site for each campaign; the snapshot for `--site` is shared by all."""

    def __init__(
        self,
        *,
        site: str | None,
        offline: bool,
        allow_private: bool,
        max_pages: int,
        render: bool = False,
    ) -> None:
        self.site = site
        self.offline = offline
        self.allow_private = allow_private
        self.max_pages = max_pages
        self.render = render
        self._shared: SiteSnapshot | None = None

    def snapshot_for(self, loaded: LoadedCampaign) -> tuple[SiteSnapshot | None, list[Finding]]:
        """The pages to lint this campaign against (None: skip site rules), and extra notes."""
        if self.offline:
            return None, []
        if self.site:
            return self._site_snapshot(loaded), []
        urls = campaign_urls(loaded)
        if not urls:
            return None, []
        return crawl_site(
            urls, max_pages=self.max_pages, allow_private=self.allow_private, render=self.render
        ), []

    def _site_snapshot(self, loaded: LoadedCampaign) -> SiteSnapshot:
        assert self.site is not None
        local = Path(self.site).expanduser()
        if "://" not in self.site and not local.exists() and self.site.startswith(("/", ".", "~")):
            raise InputError(
                "no such folder of saved pages (give a folder or a website URL)", source=self.site
            )
        if local.is_file():
            raise InputError(
                "is a file; give a folder of saved pages or a website URL", source=self.site
            )
        if local.is_dir():
            # A folder is matched to each campaign's own URLs, so it is read per campaign.
            base = [loaded.campaign.brand.website or "", *campaign_urls(loaded)]
            return load_folder(local, base_urls=[b for b in base if b])
        if self._shared is None:
            self._shared = crawl_site(
                [self.site],
                max_pages=self.max_pages,
                allow_private=self.allow_private,
                render=self.render,
            )
        return self._shared
