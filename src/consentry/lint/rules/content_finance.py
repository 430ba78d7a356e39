"""CNT005-CNT010: high-risk financial content carriers refuse (rules.md R109-R111).

First-party billing is allowed: a hospital or utility may text "your balance of $50 is due", a
tax preparer may text "your return is ready". These rules look for the business model carriers
refuse (payday lending, debt relief, third-party collection, credit repair, tax-debt relief,
crypto and stock-tip promotion), never for the bare words "debt", "tax", "loan" or "credit".
"""

from __future__ import annotations

from consentry.lint import content_sources as csrc
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Outcome, Severity
from consentry.lint.rules.content_scan import BRAND_FIELDS, TEXT_FIELDS, Screen, rx, screen_check

_FIELDS = (*TEXT_FIELDS, *BRAND_FIELDS)
_HRF = (
    "DCA 709",
    "Twilio 30897",
    "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_HIGH_RISK_FINANCIAL",
    "AWS SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_HIGH_RISK_FINANCIAL",
)
_FIN_SOURCES = (src.TX_CODES, src.AWS_REJ, src.TW_FORBID, csrc.TW_30897)
_MONEY = r"(?:loans?|cash|credit|financ\w{1,5}|lend\w{0,3}|funding|funds|\$\s?\d)"

# --- payday and high-risk lending ------------------------------------------------------------

_PAYDAY = Screen(
    terms=rx(
        r"\b(?:payday (?:loans?|lenders?|lending|advances?|cash)|"
        r"(?:merchant|business) cash advances?|(?<!your )(?<!card )cash advance(?:s| loans?)?\b"
        r"(?! (?:fees?|apr|rates?|limits?|balances?|transactions?|interest)\b)|"
        r"same[- ]day (?:loans?|cash|funding)|short[- ]term (?:cash )?loans?|"
        r"(?:car |auto |vehicle )?title loans?|"
        r"no[- ]credit[- ]check (?:loans?|cash|lenders?)|instant (?:loans?|cash advances?)|"
        r"bad credit,? (?:ok|okay|no problem|welcome|accepted)|"
        rf"guaranteed {_MONEY}|"
        r"(?:fast|quick|easy|instant) cash (?:loans?|today|now|advances?)|"
        r"loan (?:brokers?|matching|marketplace|finder)|network of (?:\w{1,15} ){0,2}lenders|"
        r"offers? from (?:multiple|several|top|\d{1,2}) lenders)\b"
    ),
    reason="carriers refuse payday, cash-advance and other high-risk or third-party lending",
    # Credit unions advertise "Payday Alternative Loans"; card statements mention cash advance fees.
    unless=rx(r"\b(?:payday alternative|alternative to (?:a |high-cost )?payday|PALs?)\b"),
    # ("Payday Salon", "Payday Games": a name, not a lender, when a non-lending trade follows)
    brand=rx(
        r"\b(?:payday(?! (?:salon|spa|barber\w*|hair|nails?|cafe|coffee|bar|pub|grill|kitchen|diner"
        r"|pizza|bakery|studio|fitness|gym|games?|payroll|hr|records|band|boutique|apparel|clothing"
        r"|market|brewing|tattoo)\b)|cash advance|title loans?)\b"
    ),
)
# "Guaranteed approval" is a lending claim only next to money words (not for a rental application).
_APPROVAL = Screen(
    terms=rx(r"\b(?:guaranteed (?:approval|approved)|(?:approval|approved) guaranteed)\b"),
    reason=_PAYDAY.reason,
    needs=rx(rf"\b{_MONEY}"),
)

rule(
    code="CNT005",
    name="payday-lending-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign promotes payday loans, cash advances or other high-risk lending.",
    why="""Carriers refuse payday loans, cash advances, same-day and title loans, merchant cash
    advances and loan offers passed on by lead sellers or brokers, whatever the wording (DCA 709,
    T-Mobile's 'non-direct lender' ban). Phrases such as 'bad credit OK' or 'guaranteed approval'
    are enough for a reviewer to refuse the campaign for good.""",
    fix="""A bank or licensed direct lender texting its own customers about their own accounts can
    register with direct_lending: true and factual wording. Loan marketing for other lenders
    cannot be texted.""",
    sources=(*_FIN_SOURCES, src.TMOBILE_COC, csrc.SALESMESSAGE_PROHIBITED),
    carrier_codes=_HRF,
    fields=_FIELDS,
    refs=("R109",),
)(screen_check(_PAYDAY, _APPROVAL))


# --- debt relief ---------------------------------------------------------------------------

_DEBT_RELIEF = Screen(
    terms=rx(
        r"\b(?:debt (?:relief|consolidation|settlement|negotiation|reduction|forgiveness|"
        r"elimination|resolution|relief agency)|"
        # Not "consolidate your bills" (one statement) or budgeting tips ("get out of debt").
        r"consolidat(?:e|ing) (?:all )?(?:your |of your )?(?:credit card |medical |unsecured )?"
        r"(?:debts?|credit cards)|"
        r"settle (?:your |all your )?(?:credit card |unsecured |medical )?debts?|"
        r"(?:we|our (?:program|team|experts|counselors)) (?:can|will|could) (?:help (?:you )?)?"
        r"(?:reduce|cut|lower|slash|settle|eliminate) (?:your )?(?:total )?(?:debts?|"
        r"(?:what|the amount) you owe)|"
        r"(?:reduce|cut|lower|slash) (?:your )?(?:total |credit card |unsecured )?(?:debts?|"
        r"(?:what|the amount) you owe|(?:monthly )?(?:debt|credit card) payments) "
        r"(?:by (?:up to )?\d|in half)|"
        r"(?:pay|settle) (?:\w{1,12} ){0,2}for (?:pennies|a fraction) (?:on|of) the dollar)\b"
    ),
    reason="carriers refuse debt relief, consolidation and settlement offers",
    brand=rx(r"\b(?:debt (?:relief|solutions|settlement|consolidation|resolution))\b"),
)

rule(
    code="CNT006",
    name="debt-relief-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign offers debt relief, consolidation, settlement or forgiveness.",
    why="""Carriers refuse texts that offer to reduce, consolidate, settle or forgive what people
    owe, and campaigns rejected for it cannot be resubmitted (Twilio 30949). A business that bills
    its own customers may still remind them of their own balance.""",
    fix="""Debt-relief services cannot be texted on 10DLC. If you are a creditor reminding your own
    customers of their own bills, describe exactly that and remove the relief offers.""",
    sources=(csrc.TW_30949, *_FIN_SOURCES),
    carrier_codes=("Twilio 30949", *_HRF),
    fields=_FIELDS,
    refs=("R110",),
)(screen_check(_DEBT_RELIEF))


# --- third-party debt collection ---------------------------------------------------------------

_COLLECTION = Screen(
    terms=rx(
        r"\b(?:this is an attempt to collect a debt|attempting to collect a debt|"
        r"(?:we are|this (?:message )?is from) a debt collector|debt collect(?:ion|or|ors)|"
        r"(?:debt|account) recovery (?:agency|firm|services?)|receivables? management|"
        r"collection (?:agency|agencies|firm|bureau)|"
        r"on behalf of (?:the |your |our )?(?:original )?(?:creditor|creditors|client creditors)|"
        r"(?:collect|collecting|recover|recovering) (?:past[- ]due |delinquent |unpaid )?"
        r"(?:debts|accounts|balances) (?:on behalf of|for) (?:our |other )?(?:clients|creditors|"
        r"businesses|companies)|"
        r"your (?:account|debt|balance) (?:has been |was )?"
        r"(?:placed|assigned|referred|transferred|sold) (?:with|to) "
        r"(?:us|our (?:agency|office|firm)))\b"
    ),
    reason="carriers refuse third-party debt collection",
    # A creditor warning that an unpaid bill may go to a collector is first-party billing.
    unless=rx(
        r"\b(?:(?:will|may|could|might) be (?:sent|referred|turned over|forwarded|assigned|placed) "
        r"(?:to|with) (?:a |an )?(?:outside )?(?:collection|collections|debt collect))"
        # Consumer lawyers advertise against collectors.
        r"|\b(?:harass\w{0,5}|sued|lawsuits?|defen[cs]e|your rights|violat\w{1,5}|fdcpa)\b"
    ),
    brand=rx(
        # Not "collection services": waste haulers use it.
        r"\b(?:collection (?:agency|bureau)|debt (?:collection|recovery)|"
        r"receivables management)\b"
    ),
)

rule(
    code="CNT007",
    name="third-party-debt-collection-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign collects debts on behalf of other companies.",
    why="""Carriers refuse texts from debt collectors and agencies collecting for someone else, and
    such a rejection cannot be resubmitted (Twilio 30943). A business reminding its own customers
    of their own bills is different and allowed.""",
    fix="""Third-party collection cannot be texted on 10DLC. If you are the original creditor,
    describe your own billing reminders and remove collection-agency language.""",
    sources=(csrc.TW_30943, *_FIN_SOURCES),
    carrier_codes=("Twilio 30943", *_HRF),
    fields=_FIELDS,
    refs=("R110",),
)(screen_check(_COLLECTION))


# --- credit repair ---------------------------------------------------------------------------

_CREDIT_REPAIR = Screen(
    terms=rx(
        r"\b(?:credit (?:repair|restoration|sweeps?|fix(?:ing)?|clean[- ]?up)|"
        r"(?:repair|fix|restore|clean up) (?:your |bad )?credit(?: scores?| reports?| history)?"
        r"(?! cards?| union| card readers?)|"
        r"(?:raise|boost|increase|improve) (?:your )?credit scores? (?:by )?(?:up to )?"
        r"\d{2,3}\+? points|"
        r"(?:remove|delete|erase) (?:\w{1,12} ){0,2}(?:negative|derogatory|collections?|late "
        r"payments?|charge-?offs?|bankruptc\w{1,3})(?: items| marks| accounts| entries)? "
        r"(?:from|off) (?:your )?credit)\b"
    ),
    reason="carriers refuse credit repair services",
    brand=rx(r"\bcredit (?:repair|restoration|fix|doctor|sweep)\b"),
)

rule(
    code="CNT008",
    name="credit-repair-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign offers credit repair.",
    why="""Carriers refuse texts that offer to repair credit, boost scores or remove negative items
    from credit reports, and such a rejection cannot be resubmitted (Twilio 30950).""",
    fix="Credit repair services cannot be texted on 10DLC.",
    sources=(csrc.TW_30950, *_FIN_SOURCES),
    carrier_codes=("Twilio 30950", *_HRF),
    fields=_FIELDS,
    refs=("R110",),
)(screen_check(_CREDIT_REPAIR))


# --- tax-debt relief -----------------------------------------------------------------------

_TAX_DEBT = r"(?:irs (?:debts?|bills?|balances?)|back[- ]tax(?:es)?|tax debts?|irs)"
_TAX_RELIEF = Screen(
    terms=rx(
        r"\b(?:tax (?:debt )?(?:resolution|settlement|forgiveness)|tax debt relief|"
        r"(?:irs|back[- ]tax) (?:debt )?(?:relief|settlement|forgiveness|resolution)|"
        rf"settle (?:your |what you owe (?:to )?(?:the )?)?{_TAX_DEBT}|settle with the irs|"
        r"(?:reduce|eliminate|lower|slash|erase) (?:your )?(?:irs|back[- ]tax|tax) (?:debts?|"
        r"liens?|levies|penalties)|"
        r"(?:stop|remove|release|lift) (?:an? |your |the )?(?:irs )?"
        r"(?:wage garnishments?|tax liens?|"
        r"tax levy|tax levies|bank levy|bank levies)|national tax relief)\b"
    ),
    reason="carriers treat tax-debt relief like debt relief and refuse it",
    brand=rx(r"\btax (?:relief|resolution|settlement|defense|debt)\b"),
)
# "Tax relief" is also what governments call exemptions and disaster extensions.
_TAX_RELIEF_OFFER = Screen(
    terms=rx(r"\btax relief\b"),
    reason=_TAX_RELIEF.reason,
    unless=rx(
        r"\b(?:property|homestead|seniors?|veterans?|exemptions?|disaster|hurricane|storm|wildfire|"
        r"flood|rebates?|credits?|county|city|state|governor|legislat\w{1,6}|act|bill|law|"
        r"extension|deadline|assessor)\b"
    ),
)
# These phrases are tax relief only beside tax words ("fresh start program" is also a gym offer).
_TAX_RELIEF_WEAK = Screen(
    terms=rx(
        r"\b(?:offer in compromise|fresh start (?:program|initiative)|pennies on the dollar)\b"
    ),
    reason=_TAX_RELIEF.reason,
    needs=rx(r"\b(?:irs|tax(?:es)?|back[- ]tax)\b"),
)

rule(
    code="CNT009",
    name="tax-debt-relief-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign offers tax-debt relief or tax resolution.",
    why="""Offers to settle or reduce what people owe the IRS ('tax resolution', 'pennies on the
    dollar', 'fresh start program') are debt relief, which carriers refuse (Twilio 30949, DCA 709).
    No carrier names tax relief explicitly; this is consentry's inference from the debt-relief
    rules and the field's history of fraud. A tax preparer texting its own clients about
    appointments or returns is fine.""",
    fix="""Register only plain client notices (appointments, documents, 'your return is ready')
    and remove relief and settlement claims from the campaign and website.""",
    sources=(csrc.TW_30949, src.TX_CODES, src.TW_FORBID),
    carrier_codes=("Twilio 30949", "DCA 709"),
    fields=_FIELDS,
    refs=("R111",),
)(screen_check(_TAX_RELIEF, _TAX_RELIEF_OFFER, _TAX_RELIEF_WEAK))


# --- crypto and stock tips -----------------------------------------------------------------

_TRANSACTIONAL = frozenset(
    {
        "2FA",
        "ACCOUNT_NOTIFICATION",
        "SECURITY_ALERT",
        "FRAUD_ALERT",
        "CUSTOMER_CARE",
        "DELIVERY_NOTIFICATION",
    }
)


def _promotional(ctx: LintContext) -> bool:
    """Crypto businesses may send 2FA and account notices; only promotion is refused."""
    return not ctx.use_cases or not ctx.use_cases <= _TRANSACTIONAL


_CRYPTO = Screen(
    terms=rx(
        r"\b(?:crypto(?:currency|currencies)?(?!\.com arena)|bitcoin|ethereum|dogecoin|litecoin|"
        r"altcoins?|memecoins?|nfts?|token (?:presale|sale|launch|airdrop)|"
        r"coin (?:presale|launch))\b"
    ),
    reason="carriers refuse cryptocurrency promotion (crypto businesses may send only codes and "
    "account notices)",
    when=_promotional,
    unless=rx(r"\b(?:scams?|fraud\w{0,4}|beware|warning|protect\w{0,3}|never ask)\b"),
    brand=rx(r"\b(?:crypto(?:currency)?|bitcoin|coin exchange)\b"),
)
_TIPS = Screen(
    terms=rx(
        r"\b(?:stock (?:tips|picks|signals)|(?:trading|options|forex|crypto) (?:signals|alerts|"
        r"tips|picks|bots?)|penny stocks?|forex trading|"
        r"day[- ]trading (?:alerts|signals|tips|picks)|"
        r"(?:guaranteed|risk[- ]free) (?:profits?|gains)|"
        r"double (?:your )?(?:money|investment|crypto|bitcoin)|high[- ]risk investments?|"
        r"pump and dump|(?:buy|invest in) (?:crypto|bitcoin|ethereum)(?:currency)? (?:now|today))\b"
    ),
    reason="carriers refuse stock tips, trading signals and risky investment offers",
)
# "Guaranteed returns" is also a shop's return policy.
_RETURNS = Screen(
    terms=rx(r"\b(?:guaranteed|risk[- ]free) returns?\b"),
    reason=_TIPS.reason,
    needs=rx(
        r"\b(?:invest\w{0,5}|portfolio|profits?|crypto\w{0,8}|stocks?|trading|yields?|roi|apy)\b"
    ),
)

rule(
    code="CNT010",
    name="crypto-or-stock-tips-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign promotes cryptocurrency, stock tips or risky investments.",
    why="""Carriers refuse marketing for cryptocurrency, stock alerts and tips, trading signals and
    'guaranteed return' investments (Twilio 30897, DCA 709). A crypto or brokerage business may
    still send login codes and account notices to its own customers.""",
    fix="""Remove investment and crypto promotion. For a crypto or brokerage business, register
    only 2FA or account-notification messages about the customer's own account.""",
    sources=(*_FIN_SOURCES, csrc.SALESMESSAGE_PROHIBITED),
    carrier_codes=_HRF,
    fields=_FIELDS,
    refs=("R109", "R113"),
)(screen_check(_CRYPTO, _TIPS, _RETURNS))
