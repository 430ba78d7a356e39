"""WEB001–WEB006: the website itself — reachable, real, identifies the business (rules.md R014–R018)."""

from __future__ import annotations

from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Scope, Severity
from consentry.lint.site_view import NETWORK_PROBLEMS, PageRef

SITE = "site"
_804 = ("DCA 804", "AWS BRAND_URL_INVALID", "Twilio 30907")


def _refs(ctx: LintContext) -> list[tuple[str, PageRef]]:
    """The URLs the campaign names, with a label for messages."""
    view = ctx.site_view
    if view is None:
        return []
    out: list[tuple[str, PageRef]] = []
    if ctx.brand.website:
        out.append(("website", view.ref(ctx.brand.website)))
    if view.privacy is not None:
        out.append(("privacy policy", view.privacy))
    if view.terms is not None:
        out.append(("SMS terms", view.terms))
    out.extend(("opt-in page", ref) for ref in view.opt_in_refs)
    return out


@rule(
    code="WEB001",
    name="website-not-reachable-from-here",
    severity=Severity.WARNING,
    scope=Scope.SITE,
    summary="Part of the website could not be checked (no network here, or a page not among those read).",
    why="""consentry could not read a page the campaign names, so the checks on it were skipped. This
    is usually this computer's network, or a page missing from a folder of saved pages, not a
    problem with your site; reviewers will still visit it.""",
    fix="Run the check again on a machine with internet access, or pass --site with a folder of saved pages.",
    sources=(src.TX_CODES,),
    carrier_codes=(),
    fields=(SITE,),
    refs=("R014",),
)
def website_not_reachable_from_here(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None:
        return
    if view.unreachable:
        first = view.snapshot.problems[0]
        yield Hit(
            SITE,
            f"Could not reach {first.url} from this machine ({first.message}); website checks were skipped.",
            url=first.url,
        )
        return
    declared = [("website", ctx.brand.website), ("privacy policy", ctx.spec.privacy_policy_url),
                ("SMS terms", ctx.spec.terms_url), *(("opt-in page", u) for u in ctx.spec.opt_in_urls)]  # fmt: skip
    for label, url in declared:
        if url and url.strip() and view.missing(url.strip()):
            yield Hit(
                SITE,
                f"The {label} {url.strip()} was not among the pages read, so it was not checked.",
                url=url.strip(),
            )
    for label, ref in _refs(ctx):
        if (
            ref.page is None
            and ref.problem is not None
            and str(ref.problem.kind) in NETWORK_PROBLEMS
        ):
            yield Hit(
                SITE,
                f"Could not reach the {label} {ref.url} from this machine ({ref.problem.message}).",
                url=ref.url,
            )


@rule(
    code="WEB002",
    name="website-page-broken",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="A page the campaign names does not load (error page, redirect loop, not a web page).",
    why="""Reviewers open your website, privacy policy, terms and opt-in page. If one shows an error,
    the campaign is rejected as unverifiable (DCA 804, Twilio 30907).""",
    fix="Fix the page or correct the URL in the campaign file.",
    sources=(src.TX_CODES, src.AWS_REJ, src.twilio_error(30907, "Website URL Validation Issue")),
    carrier_codes=_804,
    fields=(SITE,),
    refs=("R014", "R022", "R067"),
)
def website_page_broken(ctx: LintContext) -> Iterator[Hit]:
    if ctx.site_view is None or ctx.site_view.unreachable:
        return
    for label, ref in _refs(ctx):
        problem = ref.problem
        if ref.page is not None or problem is None:
            if ref.page is not None and ref.page.status and ref.page.status >= 400:
                yield Hit(
                    SITE, f"The {label} {ref.url} answers with HTTP {ref.page.status}.", url=ref.url
                )
            continue
        kind = str(problem.kind)
        if kind not in NETWORK_PROBLEMS:
            yield Hit(SITE, f"The {label} {ref.url} does not load: {problem.message}", url=ref.url)


@rule(
    code="WEB003",
    name="website-under-construction",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The website looks unfinished ('coming soon', 'under construction', template text).",
    why="Reviewers reject a brand whose website is not live and complete (DCA 804, AWS BRAND_URL_INVALID).",
    fix="Publish the finished website before you register.",
    sources=(src.TX_CODES, src.AWS_REJ),
    carrier_codes=_804,
    fields=(SITE,),
    refs=("R014",),
)
def website_under_construction(ctx: LintContext) -> Iterator[Hit]:
    home = ctx.site_view.home if ctx.site_view else None
    if home is None or not home.placeholder_markers:
        return
    # A finished page may say "evening hours coming soon"; an unfinished one is short or says so up top.
    marker = home.placeholder_markers[0]
    top = f"{home.title or ''} {' '.join(h.text for h in home.headings[:2])}".lower()
    if len(home.text) < 250 or marker.lower() in top or "lorem ipsum" in marker.lower():
        yield Hit(SITE, f"The home page says '{marker}'.", url=home.url)


@rule(
    code="WEB004",
    name="website-behind-login",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="A page reviewers must see asks for a login.",
    why="""Reviewers cannot log in. If the website or the opt-in page is behind a login, the campaign
    is rejected (Twilio 30921).""",
    fix="Make the page public, or publish a public page with screenshots of the opt-in and link it.",
    sources=(src.twilio_error(30921, "Website requires authentication"), src.AWS_REJ),
    carrier_codes=("Twilio 30921", "AWS BRAND_URL_AUTHENTICATION_REQUIRED"),
    fields=(SITE,),
    refs=("R015",),
)
def website_behind_login(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None:
        return
    pages = [view.home, *(r.page for r in view.opt_in_refs)]
    for page in pages:
        if page is not None and page.login_wall:
            yield Hit(SITE, f"{page.url} shows a login form and little else.", url=page.url)


@rule(
    code="WEB005",
    name="website-does-not-name-brand",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The website never shows the brand's name.",
    why="""Reviewers check that the website belongs to the registered business. A site that never
    names it looks like someone else's (Twilio 30907, DCA 603).""",
    fix="Show your business name (as registered) on the home page, e.g. in the header and footer.",
    sources=(src.twilio_error(30907, "Website URL Validation Issue"), src.TX_CODES),
    carrier_codes=("Twilio 30907", "DCA 603", "AWS BRAND_DBA_NAME_MISMATCH"),
    fields=(SITE,),
    refs=("R016", "R018"),
)
def website_does_not_name_brand(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None or not view.pages or not ctx.brand.display_name:
        return
    names = [a for a in ctx.aliases if "." not in a]  # a domain in a link proves nothing
    if names and not any(
        phrases.find_brand(f"{p.title or ''} {p.text}", names) for p in view.pages
    ):
        yield Hit(
            SITE,
            f"No page of the website shows '{ctx.brand_name}'.",
            url=view.home.url if view.home else None,
        )


@rule(
    code="WEB006",
    name="website-missing-contact-details",
    severity=Severity.WARNING,
    scope=Scope.SITE,
    summary="The website shows no phone number, email address or street address.",
    why="Reviewers look for real contact details to confirm the business exists (AWS BRAND_URL_INSUFFICIENT_CONTENT).",
    fix="Add your business phone, email and address to the footer or a contact page.",
    sources=(src.AWS_CRIT,),
    carrier_codes=("AWS BRAND_URL_INSUFFICIENT_CONTENT", "DCA 804"),
    fields=(SITE,),
    refs=("R016",),
)
def website_missing_contact_details(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None or not view.pages:
        return
    if not any(p.contact.phones or p.contact.emails or p.contact.addresses for p in view.pages):
        yield Hit(SITE, url=view.home.url if view.home else None)
