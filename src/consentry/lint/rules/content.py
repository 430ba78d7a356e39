"""CNT: prohibited and restricted content (rules.md §3.11, R106-R114; DCA 701-709).

Every CNT rule's verdict is `not_eligible`: carriers refuse the business or the content outright,
so rewording alone does not help. Because that verdict is severe, the screens prefer silence to a
false alarm (see `content_scan`). Importing this module declares the whole family; the
substance and finance rules live in their own modules to keep each file short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consentry.lint import content_sources as csrc
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Outcome, Severity
from consentry.lint.rules import content_finance, content_substances  # noqa: F401  (declare)
from consentry.lint.rules.content_scan import (
    BRAND_FIELDS,
    TEXT_FIELDS,
    Screen,
    rx,
    scan,
    screen_check,
    text_places,
    where,
)
from consentry.phrases.literals import Anchored, Gated

_FIELDS = (*TEXT_FIELDS, *BRAND_FIELDS)
_GAMBLING_VERTICAL = "brand.vertical"
_NOT_STREET = r"(?! (?:road|rd|street|st|avenue|ave|drive|dr|lane|ln|way|blvd|boulevard)\b)"

# --- gambling --------------------------------------------------------------------------------
# Decision: a "casino night" fundraiser (play money, a themed party) is not flagged; reviewers
# approve charity events, and calling one not eligible would be worse than missing it.

_GAMBLING = Screen(
    terms=rx(
        rf"\b(?:casinos?(?![- ](?:night|nights|party|parties|theme|themed|royale)\b){_NOT_STREET}|"
        r"sports ?books?|sports (?:betting|wagering|bets)|online (?:betting|gambling|poker|slots|"
        r"casinos?)|gambling|(?:place|placing|make|making) (?:a |your |their )?(?:first )?"
        r"(?:bets?|wagers?)|bet \$\s?\d|wager(?:s|ing)? \$\s?\d|free bets?|"
        r"betting (?:odds|lines|tips|picks|apps?|sites?|markets|slips?|bonus)|slot machines?|"
        r"free spins|(?:play|online) slots|real[- ]money (?:games|poker|slots|casino|gaming)|"
        r"poker (?:rooms?|sites?|apps?)|blackjack tables?|roulette (?:wheels?|tables?)|keno|"
        r"lottery (?:tickets?|jackpots?|numbers|results|winnings)|lotto|powerball|mega millions|"
        r"scratch[- ]offs?|parlay (?:bets?|picks|odds|boosts?)|moneyline|daily fantasy|"
        r"off[- ]track betting|sweeps coins)\b"
    ),
    reason="carriers refuse gambling content",
    # Problem-gambling help lines name gambling to help people stop.
    unless=rx(
        r"\b(?:addict\w{0,6}|problem gambling|compulsive|gamblers anonymous|1-800-gambler|"
        r"help ?line|counsel\w{0,6}|treatment|recovery)\b"
    ),
    # Housing, school and visa lotteries are not gambling.
    before=rx(
        r"\b(?:housing|school|admissions?|enrollment|charter|lease|apartment|rental|visa|"
        r"green card|diversity|h-?1b|parking|permit) $"
    ),
    brand=rx(rf"\b(?:casino{_NOT_STREET}|sportsbook|sports betting|betting|lottery|bingo hall)\b"),
)


@rule(
    code="CNT011",
    name="gambling-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign promotes gambling: casinos, sports betting, poker, slots or lottery.",
    why="""Carriers refuse gambling on business texting: casinos, sports betting, online poker and
    slots, lottery tickets and promotional gambling (DCA 704). A rejected gambling campaign cannot
    be resubmitted.""",
    fix="""Gambling promotions cannot be texted on 10DLC. A venue with other business (a hotel,
    restaurant) may register a campaign that never mentions the gaming floor, bets or jackpots.""",
    sources=(src.TX_CODES, src.AWS_REJ, csrc.TW_30897),
    carrier_codes=(
        "DCA 704",
        "Twilio 30897",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_GAMBLING",
        "AWS SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_GAMBLING",
    ),
    fields=(*_FIELDS, _GAMBLING_VERTICAL),
    refs=("R108",),
)
def gambling_content(ctx: LintContext) -> Iterator[Hit]:
    yield from scan(ctx, (_GAMBLING,))
    if (ctx.brand.vertical or "").strip().upper() == "GAMBLING":
        yield Hit(
            _GAMBLING_VERTICAL,
            "Your brand's vertical is GAMBLING; carriers refuse gambling content.",
        )


# --- sweepstakes -----------------------------------------------------------------------------

_PRIZE = (
    r"(?:\$\s?\d[\d,]{0,9}|prizes?|grand prize|trip|vacation|cruise|car|iphone|ipad|tv|"
    r"gift cards?|cash|year of)"
)
_SWEEPSTAKES = Screen(
    terms=rx(
        r"\b(?:sweepstakes(?![- ]free)|sweeps entry|"
        r"enter(?:ed)? (?:now |today )?(?:to win|for a chance to win)|"
        r"chances? to win|instant win|prize drawing|"
        rf"(?:win|won) (?:a |an |the )?(?:free |brand[- ]new )?{_PRIZE}|"
        r"(?:enter|join) (?:our|the|this) (?:\w{1,15} )?(?:contest|giveaway|raffle|drawing)"
        r"(?! (?:class|classes|lessons?|workshops?|club|camp|sessions?)\b)|"
        r"giveaway entr(?:y|ies)|claim your (?:prize|winnings)|you(?:'ve| have) won|"
        r"you(?:'ve| have) been selected (?:as (?:a|the|our) winner|to win))\b"
    ),
    reason="sweepstakes and prize contests need the SWEEPSTAKE use case",
)


def _not_sweepstake_use_case(ctx: LintContext) -> bool:
    return "SWEEPSTAKE" not in ctx.use_cases


rule(
    code="CNT012",
    name="sweepstakes-without-sweepstake-use-case",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign runs a sweepstakes or prize contest without the SWEEPSTAKE use case.",
    why="""Carriers refuse sweepstakes, giveaways and 'enter to win' contests in ordinary
    campaigns. They are allowed only in a campaign registered with the SWEEPSTAKE special use case,
    which is vetted separately and needs official rules (AWS SWEEPSTAKES denials).""",
    fix="""Remove the contest from this campaign, or register a separate campaign with use case
    SWEEPSTAKE and link the official rules.""",
    sources=(src.AWS_REJ, src.TW_FORBID, csrc.TW_30897),
    carrier_codes=(
        "Twilio 30897",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_SWEEPSTAKES",
        "AWS SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_SWEEPSTAKES",
    ),
    fields=(*TEXT_FIELDS, "campaign.use_case"),
    refs=("R113",),
)(screen_check(_SWEEPSTAKES, when=_not_sweepstake_use_case))


# --- lead generation and affiliate marketing -------------------------------------------------

_SELLERS = (
    r"(?:lenders|agents|insurers|insurance (?:agents|companies|carriers|providers)|contractors|"
    r"attorneys|lawyers|law firms|buyers|partners|brokers)"
)
_LEAD_GEN = Screen(
    terms=rx(
        r"\b(?:lead[- ]gen(?:eration)?|leads for sale|exclusive leads|aged leads|"
        r"(?:sell|selling|sold|resell\w{0,3}|buy|buying|purchase|purchasing) "
        r"(?:\w{1,15} ){0,2}leads|"
        r"(?:insurance|mortgage|solar|debt|real estate|legal|medicare|auto|home improvement) leads|"
        r"affiliate (?:marketing|offers?|links?|networks?)|"
        r"(?:our|one of our) (?:\w{1,15} ){0,2}(?:partners|affiliates|partner (?:agents|companies|"
        r"lenders|providers)) (?:will|may|can|might) (?:\w{1,10} )?(?:contact|call|text|email|"
        r"reach out to|follow up with) you|"
        r"(?:connect|match|pair)(?:e?s|ing)? (?:you|consumers|customers|people|users|borrowers|"
        # "...with one of our attorneys" is the brand's own staff.
        rf"homeowners|shoppers) with (?:(?!our\b)\w{{1,15}} ){{0,3}}{_SELLERS}|"
        r"(?:texts?|messages?|offers?|calls?) from (?:[\w&.'-]{1,30} ){0,3}(?:and|&|or) "
        r"(?:our|its|their) (?:marketing |advertising |affiliate |business |trusted )?partners|"
        r"(?:offers?|quotes?) from (?:our|its|their|those|these) (?:marketing |advertising |"
        r"affiliate |lending |insurance |trusted )?partners|"
        r"lenders (?:want to |will |who )?compete for your|"
        r"(?:get|receive) (?:\w{1,10} )?(?:quotes?|rates) from (?:multiple|several|many|"
        r"up to \d{1,2}|\d{1,2}|competing) |"
        r"(?:sell|sells|rent|rents) (?:your |consumer |customer |subscriber )?(?:personal )?"
        r"(?:information|data|contact (?:info|information|details)|phone numbers?) (?:to|with)|"
        r"(?:information|data|numbers?) (?:will|may|can) be (?:sold|rented)|"
        r"(?:will|may|can) be shared with (?:our )?(?:marketing |business )?(?:partners|affiliates)"
        r"(?! (?:who|that) (?:help|assist|support))|"
        r"on behalf of (?:our )?(?:partners|advertisers|sponsors|affiliates))\b"
    ),
    reason="carriers refuse lead generation and affiliate marketing",
)

rule(
    code="CNT013",
    name="lead-generation-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign generates leads for other companies or shares opt-ins with partners.",
    why="""Carriers refuse campaigns that collect phone numbers for other businesses, pass
    opt-ins to 'partners' or 'licensed agents', or sell or share subscriber data (DCA 708).
    Consent given to you covers texts from you only.""",
    fix="""Text only about your own products, from your own brand. Remove 'our partners will
    contact you' and data-sharing language, and state that no mobile information is shared with
    third parties or affiliates for marketing.""",
    sources=(src.TX_CODES, src.AWS_REJ, src.TW_FORBID, csrc.TW_30897),
    carrier_codes=(
        "DCA 708",
        "Twilio 30897",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_AFFILIATE_MARKETING",
        "AWS NON_COMPLIANT_USE_CASE_AFFILIATE_MARKETING",
    ),
    fields=TEXT_FIELDS,
    refs=("R104", "R112"),
)(screen_check(_LEAD_GEN))


# --- get-rich-quick, work-from-home, MLM -------------------------------------------------------

_GET_RICH = Screen(
    terms=rx(
        r"\b(?:get[- ]rich[- ]quick|get rich fast|"
        r"(?:make|earn) (?:\$\s?\d[\d,]{0,9}k?\+? |money |cash |extra (?:money|cash|income) )"
        r"(?:\w{1,10} ){0,3}(?:from|at) home|"
        r"work[- ](?:from|at)[- ]home (?:opportunit\w{1,3}|business|income|system)|"
        r"home[- ]based business opportunit\w{1,3}|"
        r"(?:earn|make|generate) (?:\$\s?\d[\d,]{0,9}k?\+? (?:in |of |a month in |per month in )?)?"
        r"passive income|multi[- ]level marketing|mlm|network marketing (?:opportunit\w{1,3}|"
        r"business|company|team)|pyramid scheme|downline|residual income opportunit\w{1,3})\b"
    ),
    reason="carriers refuse get-rich-quick, work-from-home and multi-level marketing offers",
    unless=rx(r"\b(?:scams?|fraud|warning|beware|protect\w{0,3})\b"),
)

rule(
    code="CNT014",
    name="get-rich-quick-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign promotes get-rich-quick, work-from-home or multi-level marketing.",
    why="""Carriers refuse money-making schemes: work-from-home income offers, passive-income
    pitches, pyramid and multi-level marketing recruitment (Twilio 30897). They are a common
    source of spam complaints.""",
    fix="These offers cannot be texted on 10DLC; remove them from the campaign.",
    sources=(src.AWS_REJ, src.TW_FORBID, csrc.TW_30897, csrc.TW_30885),
    carrier_codes=("Twilio 30897", "Twilio 30885"),
    fields=TEXT_FIELDS,
    refs=("R113",),
)(screen_check(_GET_RICH))


# --- third-party job boards ------------------------------------------------------------------

_JOB_BOARD = Screen(
    terms=rx(
        r"\b(?:job boards?|jobs? board|"
        r"(?:thousands|hundreds|millions) of (?:\w{1,10} )?"
        r"(?:jobs|job (?:openings|listings|postings))|"
        r"job (?:listings|postings|openings|alerts?|matches) from (?:\w{1,15} ){0,2}(?:employers|"
        r"companies|sites|job boards)|"
        r"our (?:app|platform|site|service|network) (?:matches|connects) (?:you|job seekers|"
        r"candidates) (?:with|to) (?:\w{1,15} ){0,2}(?:employers|jobs|companies|job openings)|"
        r"new jobs? matching your (?:profile|search|resume|preferences))\b"
    ),
    reason="carriers refuse texts from third-party job boards",
    before=rx(r"\b(?:our|my|company|internal|school|campus|union|employee) $"),
)

rule(
    code="CNT015",
    name="third-party-job-board-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign sends job listings for other employers (a job board).",
    why="""Carriers refuse job-board texting: alerts about openings at other companies (AWS
    JOB_BOARDS denials). An employer texting its own applicants about its own jobs is fine.""",
    fix="""Register only messages about your own hiring (interview times, application status), or
    do not text job listings at all.""",
    sources=(src.AWS_REJ, src.TW_FORBID, csrc.TW_30897),
    carrier_codes=(
        "Twilio 30897",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_JOB_BOARDS",
        "AWS SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_JOB_BOARDS",
    ),
    fields=TEXT_FIELDS,
    refs=("R113",),
)(screen_check(_JOB_BOARD))


# --- phishing --------------------------------------------------------------------------------

# Not a bare "card number" or "account number": offices ask for insurance card and order numbers.
_SECRET = (
    r"(?:password|passcode|pin(?: number)?|ssn|social security (?:number|no\.?|#)|"
    r"bank (?:account )?(?:number|details|info(?:rmation)?|login)|account (?:login|credentials)|"
    r"routing number|(?:credit|debit|bank|atm|payment) card (?:number|details|info(?:rmation)?|"
    r"cvv|expiration|pin)|cvv|cvc|login (?:details|credentials|info)|"
    r"online banking (?:password|login)|mother'?s maiden name)"
)
_ASKS_SECRET = Screen(
    terms=rx(
        r"\b(?:reply|respond|text|send|provide|share|give|tell) (?:us |me |back )?(?:with )?"
        rf"(?:your |the )(?:\w{{1,12}} ){{0,2}}{_SECRET}\b"
    ),
    reason="asking for passwords, social security or card numbers by text looks like phishing",
)
_GIFT_CARDS = Screen(
    terms=rx(
        r"\b(?:pay (?:your |the |this )(?:\w{1,12} )?(?:fine|bill|balance|fee|tax|taxes|debt|"
        r"invoice|bail|ticket|penalty|amount due)\b[^.!?\n]{0,40}\b(?:with|using|in|via|by) "
        r"(?:\w{1,12} ){0,2}gift ?cards?|"
        r"(?:buy|purchase|get) (?:\w{1,12} ){0,3}gift ?cards? (?:and|then) "
        r"(?:send|text|reply|share|give|read)|"
        r"(?:send|text|reply with|read) (?:us |me )?(?:the )?gift ?card "
        r"(?:codes?|numbers?|pins?))"
    ),
    reason="asking to be paid in gift cards is a hallmark of fraud",
)
_LOCKED = Gated(
    rx(
        r"\byour (?:\w{1,15} )?(?:account|card|access|profile|membership) (?:has been |is |was |"
        r"will be |is being )?(?:temporarily |permanently )?(?:suspended|locked|disabled|frozen|"
        r"deactivated|blocked|restricted|compromised|on hold|closed)\b"
    )
)
_VERIFY = Anchored(
    rx(
        r"\b(?:verify|confirm|validate|update) (?:your )?(?:identity|account|information|details|info|"
        r"login|credentials)|\b(?:unlock|restore|reactivate|re-?activate) (?:your )?(?:account|access|"
        r"card|profile)"
    )
)
_URL = re.compile(r"\b(?:https?://)?((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?=[/:?#\s]|$)", re.I)


def _host(url: str) -> str:
    m = _URL.search(url)
    return m.group(1).lower().removeprefix("www.") if m else ""


def _foreign_link(ctx: LintContext, text: str) -> str | None:
    """A link in `text` that is not on the brand's own website."""
    home = _host(ctx.brand.website or "")
    for m in _URL.finditer(text):
        host = m.group(1).lower().removeprefix("www.")
        if not home or not (host == home or host.endswith("." + home)):
            return m.group(0)
    return None


def _suspended_account_lure(ctx: LintContext) -> Iterator[Hit]:
    """'Your account is suspended, click here to verify' pointing off the brand's own site."""
    for path, text in text_places(ctx):
        locked = _LOCKED.search(text)
        if locked is None or _VERIFY.search(text) is None:
            continue
        link = _foreign_link(ctx, text)
        if link is not None:
            yield Hit(
                path,
                f"{where(path)} says '{' '.join(locked.group(0).split())}' and asks people "
                f"to verify at {link}; this is the pattern of phishing texts.",
            )


@rule(
    code="CNT016",
    name="phishing-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign's messages look like phishing or fraud.",
    why="""Reviewers refuse messages that ask for passwords, social security, bank or card numbers,
    ask for payment in gift cards, or say an account is suspended and ask people to verify through
    a link. These are the marks of scam texts, and carriers treat the sender as a fraud risk
    (Twilio 30884, 30885).""",
    fix="""Never ask for secrets or gift cards by text. Send people to your own website (on your
    brand's domain) or ask them to call the number on their card or statement.""",
    sources=(csrc.TW_30884, csrc.TW_30885, src.AWS_REJ),
    carrier_codes=("Twilio 30884", "Twilio 30885", "AWS SPAM_OR_PHISHING_ASSOCIATION"),
    fields=TEXT_FIELDS,
    refs=("R114",),
)
def phishing_content(ctx: LintContext) -> Iterator[Hit]:
    seen: set[str] = set()
    for hit in (*scan(ctx, (_ASKS_SECRET, _GIFT_CARDS)), *_suspended_account_lure(ctx)):
        if hit.field not in seen:
            seen.add(hit.field)
            yield hit
