"""FLG: the content attributes (age_gated, direct_lending, affiliate_marketing, number_pool)
against what the campaign says (rules.md §3.10, R102-R105; Twilio 30888/30895, DCA 702/706/712).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from consentry.lint import content_sources as csrc
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Check, Hit, Outcome, Severity
from consentry.lint.rules.content_scan import BRAND_FIELDS, TEXT_FIELDS, Screen, rx, screen_check

_FIELDS = (*TEXT_FIELDS, *BRAND_FIELDS)
_AGE_GATED = "campaign.age_gated"
_LENDING = "campaign.direct_lending"
_AFFILIATE = "campaign.affiliate_marketing"
_POOL = "campaign.number_pool"
_DESCRIPTION = "campaign.description"

# --- age-restricted content ------------------------------------------------------------------

_AGE_REASON = "{what} needs age_gated: true and a real age check (full date of birth) before opt-in"
_ALCOHOL = Screen(
    terms=rx(
        r"\b(?:wines?(?![- ](?:red|colou?r(?:ed)?|stains?)\b)"
        r"(?: (?:tasting|club|list|bar|pairing|flights?|specials?|dinner|sale))?|"
        r"beers?|craft beer|breweries|brewpub|taproom|wineries|vineyard tours?|"
        r"(?:winery|brewery|distillery)(?! (?:road|rd|street|st|avenue|ave|lane|ln|drive|dr|way)\b)|"
        r"distilleries|liquors?|"
        r"(?:fine |craft )spirits|spirits (?:&|and) wine|wine (?:&|and) spirits|whiske?y|"
        r"bourbon(?! st(?:reet)?\b)|vodka|tequila|mezcal|champagne(?! (?:gold|pink|colou?r|"
        r"bronze|finish)\b)|prosecco|margaritas?(?! pizza)|mimosas?|sangria|hard seltzers?|"
        r"hard cider|cocktails?(?! (?:party )?(?:dress\w{0,2}|attire|sauce|rings?|tables?)\b)|drink specials|"
        r"bar specials|booze|alcoholic (?:beverages?|drinks)|bottle service|six[- ]packs?|kegs?)\b"
    ),
    reason=_AGE_REASON.format(what="alcohol content"),
    before=rx(r"\b(?:root|ginger|butter|birch|shrimp|fruit|prawn|crab|seafood|non-alcoholic) $"),
    # Clinics tell patients to avoid alcohol; recovery programs talk about it.
    unless=rx(
        r"\b(?:non-?alcoholic|alcohol[- ]free|zero[- ]proof|mocktails?|sober\w{0,3}|sobriety|"
        r"recovery|rehab\w{0,3}|addiction|aa meetings?|beer[- ]battered|wine[- ]braised|"
        r"candles?|scented|fragrances?|soaps?|lotions?|"
        r"before (?:your|the) (?:surgery|procedure|appointment|treatment))\b"
    ),
    brand=rx(
        r"\b(?:winery|wineries|brewery|brewpub|taproom|distillery|liquors?|wine (?:&|and) "
        r"spirits|wine bar|wine shop|beer garden)\b"
    ),
)
_GUNS_BEFORE = (
    r"(?:glue|nail|heat|spray|massage|staple|caulk(?:ing)?|grease|paint|water|squirt|nerf|tattoo|"
    r"air|airsoft|paintball|bb|pellet|toy|foam|bubble|radar|price|label|solder(?:ing)?|rivet|brad|tag|framing|finish|roofing|"
    r"texture|sealant|top|hot glue|hot-glue)"
)
_FIREARMS = Screen(
    terms=rx(
        r"\b(?:firearms?|handguns?|guns(?! n'? ?roses)|gun (?:shop|store|range|show|shows|"
        r"sales?|owners?|permits?|licen[cs]es?|cleaning|parts|accessories|club|dealer|deals?)|"
        r"rifles?(?! through)|shotguns?(?! (?:wedding|start|starts|format)\b)|pistols?(?![- ]grip)|revolvers?|ammo|"
        r"ammunition|shooting range|firing range|concealed carry|ccw (?:class|course|permit)|"
        r"ar-?15s?|ffl transfers?)\b"
    ),
    reason=_AGE_REASON.format(what="firearms content"),
    before=rx(rf"\b{_GUNS_BEFORE}[- ]$"),
    brand=rx(
        r"\b(?:firearms|gun (?:shop|store|range|club)|shooting range|ammo|ammunition|"
        r"guns (?:&|and) ammo)\b"
    ),
)
_DATING = Screen(
    terms=rx(
        r"\b(?:dating (?:apps?|sites?|services?|coach\w{0,2}|matches|events?)|"
        r"online dating|speed dating|singles (?:near you|in your area|events?|mixers?|nights?)|"
        r"meet (?:local |hot |real )?singles|matchmaking services?|professional matchmakers?|"
        r"find (?:your )?(?:perfect )?soul ?mate)\b"
    ),
    reason=_AGE_REASON.format(what="dating content"),
    brand=rx(r"\b(?:dating|matchmaking|matchmakers?)\b"),
)


def _not_age_gated(ctx: LintContext) -> bool:
    return ctx.spec.age_gated is not True


rule(
    code="FLG001",
    name="age-restricted-content-not-age-gated",
    severity=Severity.ERROR,
    summary="The campaign mentions alcohol, firearms or dating, but is not marked age-gated.",
    why="""Alcohol, firearms and dating programs may only text people whose age was checked before
    they opted in. Reviewers reject such a campaign when age_gated is false, or when the age check
    is only a yes/no box (Twilio 30888, DCA 706 for alcohol, DCA 702 for firearms).""",
    fix="""Set age_gated: true, and describe the age check in the call to action: people enter
    their full date of birth (MM/DD/YYYY) or show ID before opting in, 21+ for alcohol. Keep
    alcohol content off your pages until the age check is passed.""",
    sources=(csrc.TW_30888, src.TX_CODES, src.AWS_REJ, src.TX_GUIDE),
    carrier_codes=(
        "Twilio 30888",
        "DCA 706",
        "DCA 702",
        "DCA 601",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_SHAFT_AGE_GATE",
        "AWS NON_COMPLIANT_USE_CASE_ALCOHOL",
        "AWS NON_COMPLIANT_USE_CASE_GUNS",
    ),
    fields=(*_FIELDS, _AGE_GATED),
    refs=("R103", "R106"),
)(screen_check(_ALCOHOL, _FIREARMS, _DATING, when=_not_age_gated))


# --- direct lending ------------------------------------------------------------------------

_LOAN_KIND = (
    r"(?:personal|installment|auto|car|vehicle|home|mortgage|business|small business|"
    r"home equity|signature|consumer|boat|rv|motorcycle|bridge|construction)"
)
_DIRECT_LENDING = Screen(
    terms=rx(
        r"\b(?:apply (?:now |today |online )?for (?:a |an |your )?(?:\w{1,12} )?loan|"
        r"loan (?:applications?|approvals?|approved|decisions?|offers?|payments?|disbursements?|"
        r"funds|funding|agreements?|terms|estimates?|documents|closing|rates?)|"
        r"(?:your|the) (?:\w{1,12} )?loan (?:is|has been|was) (?:approved|funded|disbursed|due|"
        r"past due|ready)|"
        rf"{_LOAN_KIND} loans?|home equity lines? of credit|heloc|"
        r"mortgage (?:lender|lending|rates?|pre-?approvals?|applications?|refinanc\w{1,5})|"
        r"refinanc(?:e|ing) (?:your |a )?(?:home|mortgage|car|auto|vehicle|loan)|"
        r"(?:in[- ]house|dealer|auto|car|vehicle) financing|buy here,? pay here|"
        r"(?:we|our (?:bank|credit union|company)) (?:are|is) (?:a |an )?(?:direct |licensed )?"
        r"(?:lender|mortgage lender|mortgage company)|lines? of credit|"
        r"lending (?:decisions?|options))\b"
    ),
    reason="a business that lends or arranges loans must set direct_lending: true",
    # Libraries, schools and tool shops lend things too.
    unless=rx(
        r"\b(?:library|libraries|books?|dvds?|laptops?|devices?|equipment|tools?|museum|"
        r"interlibrary|borrowed|loaner)\b"
    ),
    brand=rx(r"\b(?:lending|lenders?|loans?|mortgage)\b"),
)


def _not_direct_lending(ctx: LintContext) -> bool:
    return ctx.spec.direct_lending is not True


def _unless_only_the_legal_name(check: Check) -> Check:
    def softened(ctx: LintContext) -> Iterator[Hit]:
        hits = list(check(ctx))
        if hits and all(h.field == "brand.legal_name" for h in hits):
            for h in hits:
                yield replace(
                    h,
                    message=f"{h.message} Only the legal name says so; if you do not lend, "
                    "say what the business does in the description.",
                    soften=True,
                )
        else:
            yield from hits

    return softened


rule(
    code="FLG002",
    name="lending-content-without-direct-lending-flag",
    severity=Severity.ERROR,
    summary="The campaign is about loans, but direct_lending is not set.",
    why="""A business that lends money or arranges loans must tick the direct-lending attribute,
    even for login codes or account notices. Reviewers compare the attribute with the messages
    and reject a lender that left it off (Twilio 30895, DCA 712).""",
    fix="""Set direct_lending: true and say 'Direct Lending' in the description (e.g. 'Acme
    Credit is a direct lender; we text our own borrowers about their loans'). If you do not lend,
    remove the loan wording.""",
    sources=(csrc.TW_30895, src.TX_CODES, src.AWS_REJ),
    carrier_codes=("Twilio 30895", "DCA 712", "DCA 601", "AWS CAMPAIGN_UNDECLARED_DIRECT_LENDING"),
    fields=(*_FIELDS, _LENDING),
    refs=("R102",),
    softened="""When only the legal name suggests lending and nothing the campaign texts or describes
    does: a holding company's name ('1st Minnesota Lending, LLC' trading as a car-tuning shop) is
    weak evidence, and a judged filing like that was approved without the attribute.""",
)(_unless_only_the_legal_name(screen_check(_DIRECT_LENDING, when=_not_direct_lending)))


# --- the attributes themselves -------------------------------------------------------------


@rule(
    code="FLG003",
    name="affiliate-marketing-declared",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign declares affiliate marketing, which carriers refuse.",
    why="""Setting affiliate_marketing: true tells carriers the campaign shares opt-ins with, or
    sends for, affiliates. Carriers refuse affiliate marketing outright (DCA 708).""",
    fix="""If you only text about your own business, set affiliate_marketing: false. If you do
    send for affiliates, that traffic cannot be texted on 10DLC.""",
    sources=(src.TX_CODES, src.AWS_REJ, src.TCR_API),
    carrier_codes=("DCA 708", "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_AFFILIATE_MARKETING"),
    fields=(_AFFILIATE,),
    refs=("R104",),
)
def affiliate_marketing_declared(ctx: LintContext) -> Iterator[Hit]:
    if ctx.spec.affiliate_marketing is True:
        yield Hit(_AFFILIATE, "affiliate_marketing is true; carriers refuse affiliate marketing.")


_SAYS_DIRECT_LENDER = rx(r"\bdirect[- ]?lend(?:er|ers|ing)\b")


@rule(
    code="FLG004",
    name="direct-lending-not-in-description",
    severity=Severity.WARNING,
    summary="direct_lending is true, but the description does not say you are a direct lender.",
    why="""Reviewers look for the words 'Direct Lending' in the description of a lending campaign,
    to match the attribute you set (Twilio 30895, DCA 712).""",
    fix="""Add a sentence such as '<Brand> is a direct lender and texts its own borrowers about
    their loans.'""",
    sources=(csrc.TW_30895, src.TX_CODES),
    carrier_codes=("Twilio 30895", "DCA 712"),
    fields=(_DESCRIPTION, _LENDING),
    refs=("R102",),
)
def direct_lending_not_in_description(ctx: LintContext) -> Iterator[Hit]:
    if ctx.spec.direct_lending is True and not _SAYS_DIRECT_LENDER.search(ctx.text(_DESCRIPTION)):
        yield Hit(
            _DESCRIPTION, "direct_lending is true, but the description never says 'direct lending'."
        )


@rule(
    code="FLG005",
    name="number-pool-needs-carrier-approval",
    severity=Severity.INFO,
    summary="number_pool is true: T-Mobile must approve a number pool.",
    why="""A number pool is for campaigns that send from 50 or more phone numbers. T-Mobile must
    approve the pool before the numbers can be attached, and your provider has to ask for it.
    With fewer numbers, a pool only slows registration down.""",
    fix="""With fewer than 50 numbers, set number_pool: false. Otherwise ask your provider to
    request T-Mobile number-pool approval.""",
    sources=(csrc.SINCH_PROVISIONING, src.TX_GUIDE),
    carrier_codes=(),
    fields=(_POOL,),
    refs=("R105",),
)
def number_pool_needs_carrier_approval(ctx: LintContext) -> Iterator[Hit]:
    if ctx.spec.number_pool is True:
        yield Hit(_POOL)
