"""The drafter's vocabulary, as data: kinds of messages, industries, entity types and the
verticals carriers refuse or gate (rules.md §2, R102–R112).

Kept apart from the logic so the interactive questions, the advisor and the templates read the
same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ENTITY_WORDS",
    "EXTRA_STEPS",
    "INDUSTRY_VERTICALS",
    "MESSAGE_KINDS",
    "MESSAGE_KINDS_BY_ID",
    "PROHIBITED",
    "USE_CASE_ORDER",
    "USE_CASE_WORDS",
    "Gate",
    "MessageKind",
]


@dataclass(frozen=True, slots=True)
class MessageKind:
    """One kind of message a business sends, and what it means for the registration."""

    id: str
    question: str  # how the interactive mode names it
    use_case: str  # the TCR use case it belongs to
    what: str  # plural noun phrase for descriptions and consent text
    short: str  # adjective phrase for the opt-in confirmation ("appointment reminder texts")
    when: str  # when these messages are sent, for the description
    sample: str  # a sample message; {sms} is the brand as spelled in texts
    outbound: bool = True  # sent without the person texting first


MESSAGE_KINDS: tuple[MessageKind, ...] = (
    MessageKind(
        "appointment_reminders",
        "Appointment reminders and confirmations",
        "ACCOUNT_NOTIFICATION",
        "appointment reminders and confirmations",
        "appointment reminder",
        "when an appointment is booked and the day before it",
        "{sms}: Reminder: your appointment is on [date] at [time]. Reply C to confirm or call us to reschedule. Reply STOP to opt out.",
    ),
    MessageKind(
        "service_notices",
        "Service, repair or maintenance visit notices",
        "ACCOUNT_NOTIFICATION",
        "service and maintenance visit notices",
        "service notice",
        "when a visit or repair is scheduled or changes",
        "{sms}: A technician will come to [customer address] on [date] between [time window]. Reply HELP for help, STOP to opt out.",
    ),
    MessageKind(
        "billing_reminders",
        "Payment, bill or rent due reminders",
        "ACCOUNT_NOTIFICATION",
        "payment due reminders",
        "payment reminder",
        "a few days before a payment is due",
        "{sms}: Reminder: your [month] payment of [amount] is due on [date]. Reply HELP for help, STOP to opt out.",
    ),
    MessageKind(
        "order_updates",
        "Order status and delivery updates",
        "DELIVERY_NOTIFICATION",
        "delivery status updates",
        "delivery update",
        "when an order is confirmed, ready or shipped",
        "{sms}: Your order [order number] is ready. Track it in your account or reply with any questions. Reply STOP to opt out.",
    ),
    MessageKind(
        "replies",
        "Replies to people who text you first",
        "CUSTOMER_CARE",
        "replies to their questions",
        "customer service",
        "only after they text us first",
        "{sms}: Thanks for your message. [Agent name] here: [answer to your question]. Reply STOP to opt out.",
        outbound=False,
    ),
    MessageKind(
        "employee_notices",
        "Shift schedules and notices to your own staff",
        "ACCOUNT_NOTIFICATION",
        "shift schedules and staff notices",
        "staff notice",
        "when a shift is scheduled or changes",
        "{sms}: Staff notice: your shift on [date] starts at [time] at [location]. Reply STOP to opt out.",
    ),
    MessageKind(
        "one_time_codes",
        "One-time sign-in or verification codes",
        "2FA",
        "one-time verification codes",
        "verification code",
        "only when they sign in or ask for a code",
        "{sms}: Your verification code is [code]. It expires in 10 minutes. Don't share it. Reply STOP to opt out.",
    ),
    MessageKind(
        "marketing_offers",
        "Offers, sales and promotions (marketing)",
        "MARKETING",
        "offers and promotions",
        "marketing",
        "no more often than the stated frequency",
        "{sms}: This week's special: 15% off [item] through [date]. Show this text to redeem. Reply STOP to opt out.",
    ),
    MessageKind(
        "donations",
        "Donation requests (registered 501(c)(3) charities only)",
        "CHARITY",
        "donation requests and news of our work",
        "donation and news",
        "a few times a year for appeals and updates",
        "{sms}: Thanks to you, we served [number] families this month. Make a donation today to help us do more. Reply STOP to opt out.",
    ),
)
MESSAGE_KINDS_BY_ID = {k.id: k for k in MESSAGE_KINDS}

# Order in which use cases and sub-use cases are listed (the registry's own order).
USE_CASE_ORDER = (
    "2FA",
    "ACCOUNT_NOTIFICATION",
    "CUSTOMER_CARE",
    "DELIVERY_NOTIFICATION",
    "FRAUD_ALERT",
    "MARKETING",
)
USE_CASE_WORDS = {
    "2FA": "one-time passcodes and verification codes",
    "ACCOUNT_NOTIFICATION": "notices about an existing account, booking or job, such as reminders and due dates",
    "CUSTOMER_CARE": "conversations with people who contact you first",
    "DELIVERY_NOTIFICATION": "the status of an order or delivery",
    "MARKETING": "promotional content: offers, sales, new products",
    "CHARITY": "messages from a 501(c)(3) charity, including donation requests",
    "MIXED": "two to five standard use cases in one campaign",
    "LOW_VOLUME": "several use cases at low volume (under about 2,000 texts a day)",
    "SOLE_PROPRIETOR": "the only use case a sole proprietor brand may register",
}

# Plain words for the TCR entity types.
ENTITY_WORDS = {
    "private company": "PRIVATE_PROFIT",
    "private": "PRIVATE_PROFIT",
    "llc": "PRIVATE_PROFIT",
    "corporation": "PRIVATE_PROFIT",
    "public company": "PUBLIC_PROFIT",
    "publicly traded": "PUBLIC_PROFIT",
    "public": "PUBLIC_PROFIT",
    "non-profit": "NON_PROFIT",
    "nonprofit": "NON_PROFIT",
    "non profit": "NON_PROFIT",
    "charity": "NON_PROFIT",
    "government": "GOVERNMENT",
    "sole proprietor": "SOLE_PROPRIETOR",
    "sole proprietorship": "SOLE_PROPRIETOR",
}

# Industry words -> TCR vertical, first match wins (rules.md §1.2).
INDUSTRY_VERTICALS: tuple[tuple[str, str], ...] = (
    (r"political|candidate|campaign committee|\bpac\b|ballot", "POLITICAL"),
    (r"property|real estate|realt|apartment|landlord|rental|\bhoa\b|housing", "REAL_ESTATE"),
    (r"dent|orthodont|clinic|medical|doctor|health|therap|pharma|chiro|veterin|optom|hospital"
     r"|nurs|physio|counsel|mental|hearing|dermat|pediatric", "HEALTHCARE"),
    (r"church|\bngo\b|non-?profit|charit|shelter|food bank|food pantry|mission", "NGO"),
    (r"insur", "INSURANCE"),
    (r"\blaw\b|attorney|legal|lawyer|notary", "LEGAL"),
    (r"bank|credit union|account|bookkeep|tax prep|financ|lend|loan|mortgage|wealth", "FINANCIAL"),
    (r"restaurant|cafe|café|coffee|hotel|motel|\binn\b|bar\b|brew|winer|cater|bakery|food|pizza"
     r"|diner|hospitality|bistro|deli\b|taco|grill", "HOSPITALITY"),
    (r"plumb|roof|hvac|heating|construct|contract|electric|landscap|remodel|paint|builder"
     r"|handyman|pest|clean|pool|garage door|concrete", "CONSTRUCTION"),
    (r"school|tutor|educat|universit|college|academy|training|lesson|daycare|preschool", "EDUCATION"),
    (r"software|saas|\bapp\b|tech|\bit\b|computer|web|cloud|data", "TECHNOLOGY"),
    (r"truck|logistic|transport|taxi|limo|moving|freight|towing|shuttle|auto repair|mechanic"
     r"|car wash", "TRANSPORTATION"),
    (r"government|city of|county|municipal|state agency|town of|public works", "GOVERNMENT"),
    (r"farm|agricult|ranch|nursery|orchard", "AGRICULTURE"),
    (r"manufactur|factory|fabricat|machin", "MANUFACTURING"),
    (r"energy|solar|utilit|power|electricity|propane|fuel", "ENERGY"),
    (r"telecom|communicat|internet provider|wireless", "COMMUNICATION"),
    (r"staffing|recruit|payroll|human resources|\bhr\b|employment", "HUMAN_RESOURCES"),
    (r"courier|postal|shipping|mail", "POSTAL"),
    (r"gym|fitness|yoga|pilates|theat|cinema|music|entertain|event|sport|dance|golf|bowling"
     r"|studio|museum|arcade", "ENTERTAINMENT"),
    (r"consult|agency|design|photograph|salon|spa|barber|beauty|nail|account|architect"
     r"|engineer|professional|services", "PROFESSIONAL"),
    (r"retail|shop|store|boutique|e-?commerce|bike|bicycle|florist|jewel|cloth|furniture"
     r"|hardware|pet|book|gift|sell", "RETAIL"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Gate:
    """A business type carriers refuse (or accept only after an extra step)."""

    pattern: re.Pattern[str]
    name: str
    reason: str


def _gate(pattern: str, name: str, reason: str) -> Gate:
    return Gate(re.compile(pattern, re.IGNORECASE), name, reason)


# Carriers refuse these outright; no wording fixes them, so the drafter stops before any fee.
PROHIBITED: tuple[Gate, ...] = (
    _gate(
        r"cannabis|marijuana|\bcbd\b|\bthc\b|\bhemp\b|dispensar|kratom|psilocybin|magic mushroom",
        "cannabis, CBD and other federally illegal substances",
        "Carriers refuse cannabis, CBD and hemp texting in every state, even where it is legal "
        "(DCA 701, Twilio 30897), and the rejection cannot be appealed.",
    ),
    _gate(
        r"vape|vaping|e-?cig|tobacco|cigar|smoke shop|hookah",
        "tobacco and vaping",
        "Twilio and most carriers refuse tobacco and vape texting even behind an age gate "
        "(DCA 707, Twilio 30883).",
    ),
    _gate(
        r"payday|cash advance|title loan|merchant cash|short[- ]term loan|high[- ]interest loan"
        r"|loan broker|loan lead",
        "payday and high-risk lending",
        "Payday, cash-advance and third-party loan offers are high-risk financial services that "
        "carriers refuse outright (DCA 709, Twilio 30897).",
    ),
    _gate(
        r"debt (?:relief|settlement|consolidation|reduction|negotiation|collect|forgiveness)"
        r"|credit repair|credit restoration|tax (?:relief|resolution|debt)|collection agency",
        "debt relief, debt collection and credit repair",
        "Debt relief, settlement, third-party collection and credit repair are refused outright "
        "(DCA 709, Twilio 30943/30949/30950).",
    ),
    _gate(
        r"gambl|casino|sports ?book|sports betting|\bbetting\b|poker|lottery|sweepstake|bingo hall",
        "gambling and sweepstakes",
        "Gambling, betting and sweepstakes texting is refused (DCA 704, Twilio 30897).",
    ),
    _gate(
        r"affiliate (?:marketing|offers|program|network|links)|lead gen|lead list|sell(?:ing)? leads"
        r"|list broker|seo services|(?:buy|sell)(?:ing)? (?:consumer )?data",
        "affiliate marketing and lead generation",
        "Affiliate marketing and lead generation are refused, and opt-ins may never be passed "
        "to partners (DCA 708, Twilio 30897).",
    ),
    _gate(
        r"crypto|bitcoin|forex|day trading|stock (?:tips|alerts|picks)|trading signals|nft",
        "cryptocurrency and investment tips",
        "Crypto, forex and stock-tip programs are high-risk financial content carriers refuse "
        "(DCA 709, Twilio 30897); such a business may at most send sign-in codes.",
    ),
    _gate(
        r"adult (?:content|entertainment|toys|store|video|film)|escort service|porn|\bxxx\b"
        r"|strip club|sugar dad",
        "adult content",
        "Sexual and adult content is refused outright (DCA 703).",
    ),
)

# Allowed, but only with an extra step; (pattern, name, advice, flag).
EXTRA_STEPS: tuple[tuple[Gate, str], ...] = (
    (
        _gate(
            r"alcohol|liquor|\bwine|winer|brew|beer|spirits|distill|\bbar\b|pub\b|firearm|\bgun"
            r"|ammo|ammunition|dating",
            "age-restricted products",
            "Alcohol, firearms and dating programs must be age-gated: set age_gated true and ask "
            "for the full date of birth (21+) before anyone can opt in; a yes/no box is not "
            "accepted (Twilio 30888, DCA 706).",
        ),
        "age_gated",
    ),
    (
        _gate(
            r"\blend|\bloan|mortgage|financing|auto finance",
            "direct lending",
            "A business that lends money must declare direct lending (direct_lending true) and "
            "say 'Direct Lending' in the description, even for reminders (Twilio 30895, DCA 712). "
            "Only direct, first-party lenders are accepted.",
        ),
        "direct_lending",
    ),
)
