"""Reviewer wording -> requirement ids.

Reviewers phrase the same demand many ways ("HELP instructions", "customer support
instructions", "Reply HELP"), and the same word means different things in different places:
"brand name" in "Opt-out message must contain brand name" is about the opt-out reply, in
"HELP message must contain brand name" about the HELP reply. So a sentence is cut into segments
at *surface* markers (call to action, opt-in message, opt-out message, HELP message, samples,
privacy policy, terms, website, ...), and each *element* found in a segment (brand, HELP, STOP,
frequency, rates, ...) is looked up for that surface. Demands that do not depend on a surface
("URL shortener", "age gate", "cannabis") are matched on their own.

All patterns run on text already normalised by `normalize` (lower case, one spelling per term).
"""

from __future__ import annotations

import re

__all__ = [
    "DEFAULT_ELEMENTS",
    "ELEMENTS",
    "GENERIC",
    "LINK_BEFORE",
    "MISSING",
    "PROBLEM",
    "STANDALONE",
    "SURFACES",
    "TABLE",
    "normalize",
]

_REPLY = r"(?:message|mt|text|sms|reply|response|autoreply)s?\b(?! frequency| and data| rates)"

# (surface, pattern) — where in the registration a demand is about.
SURFACES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("out", rf"\b(?:opt-out|stop(?:kw)?|unsubscribe)(?: confirmation)? {_REPLY}|\bopt-out (?:error|confirmation)\b"),
        ("help", rf"\bhelp(?:kw)? {_REPLY}"),
        ("cfm", rf"\b(?:opt-in|start|join|subscribe|subscription|welcome|double opt-in)(?: confirmation)? {_REPLY}"
                rf"|\bconfirmation {_REPLY}|\bopt-in confirmation\b"),
        ("cta", r"\bcta\b|\bmessage flow\b|\bopt-in (?:flow|workflow|process|language|disclosure|method|error|description)s?\b"
                r"|\bconsent (?:language|flow|form|disclosure|agreement|process|collection)\b|\b(?:sign-?up|web|subscription) form\b"),
        ("smp", r"\bsample (?:message|content|text|sms)s?\b|\bmessage samples?\b|\bsamples\b"),
        ("dsc", r"\b(?:campaign )?description\b"),
        ("pp", r"\bprivacy policy(?=,? (?:must|should|needs?|is|was|does|did|lacks?|missing|required|compliance|url|page|mentions?"
               r"|has|states?|contains?|disclos\w*|doesn't|not|allows?|and|requirements?)\b)|\b(?:compliant|non-compliant) privacy policy\b"),
        ("tc", r"\bterms(?=,? (?:must|should|needs?|is|are|was|do|does|did|lacks?|missing|required|url|page|mentions?|has|states?"
               r"|contains?|disclos\w*|omits?|violation|doesn't|not|allows?|requirements?)\b)|\b(?:compliant|non-compliant) terms\b"),
        ("web", r"\b(?:website|online presence|web presence)(?=,? (?:must|should|needs?|is|was|does|did|lacks?|missing|required|requires"
                r"|url|validation|not|cannot|can't|could|has|contains?|doesn't|content|verification)\b)"
                r"|\b(?:working|live|brand|business|company|functioning) website\b"),
        ("use", r"\buse[- ]?cases?\b"),
    )
)  # fmt: skip

# "link to the privacy policy" names the policy as something to link, not as the subject.
LINK_BEFORE = re.compile(
    r"\b(?:link|links|linked|linking|referring|refer|reference|references|to|and|or)\s+(?:to\s+)?(?:the\s+|your\s+|our\s+|a\s+)?(?:message program\s+|sms\s+|program\s+)?$"
)

ELEMENTS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "brand": r"\bbrand(?:ed)?(?: name)?\b|\bbusiness name\b|\bcompany name\b|\bprogram name\b|\bdba\b|\bidentif(?:y|ies) the (?:business|brand|sender)\b",
        "help": r"\bhelp(?:kw)?\b(?! (?:message|reply|response|autoreply))|\bsupport instructions\b|\bcustomer (?:support|care) instructions\b",
        "stop": r"\bstop(?:kw)?\b|\bopt-out\b|\bunsubscrib\w*|\bhow to cancel\b",
        "frequency": r"\bfrequen\w*|\bhow often\b|\bmessage count\b|\bnumber of messages\b",
        "rates": r"\brates\b|\bfees?\b|\bcharges\b",
        "privacy": r"\bprivacy\b",
        "terms": r"\bterms\b",
        "path": r"\bpath\b|\b(?:direct|specific|exact|live|working|public) (?:link|url|web address|page)\b(?! shorten)"
        r"|\b(?:opt-in|page|form) (?:link|url)\b|\bscreenshots?\b"
                r"|\bproof of (?:opt-in|consent)\b|\bwhere (?:the )?(?:consumer|user|customer|subscriber|end-user|people)s? (?:opt|sign|find|can)\b",
        "method": r"\bhow (?:you are |you )?(?:obtain\w*|collect\w*|get\w*) (?:their )?consent\b|\bopt-in methods?\b|\bevery (?:way|method)\b"
                  r"|\bhow (?:users|customers|consumers|people|end-users|subscribers|recipients) (?:opt|consent|sign|agree)\w*",
        "purpose": r"\bpurpose\b|\btypes? of messages\b|\bmessage types?\b|\bwhat (?:messages|kind)\b|\bnature of the messages\b",
        "sms": r"\bspecify sms\b|\bsms or text\b|\btext messag\w* (?:explicitly|specifically)\b|\bexplicitly mention\w* (?:sms|text)\b|\bmention (?:sms|text messag\w*)\b",
        "contact": r"\bsupport contact\b|\bcontact (?:info\w*|details|method|email|phone|number)\b"
                   r"|\b(?:support|customer care|customer service) (?:email|phone|number|website|url|line|information|info)\b|\bemail, phone\b",
        "no_further": r"\bno (?:further|more|additional|other) (?:messages|texts|sms)\b|\bno longer receive\b|\bwill not (?:receive|be sent)\b"
                      r"|\bwon't receive\b|\bstop receiving\b|\bconfirm\w* (?:the |that )?(?:opt-out|unsubscrib\w*)",
        "marketing": r"\bmarketing\b|\bpromotion\w*",
        "separate": r"\bseparate\w*",
        "keyword": r"\bkeywords?\b",
        "count": r"\bat least (?:two|2)\b|\btwo samples\b|\bmore samples\b|\bnumber of samples\b",
        "placeholder": r"\bbrackets?\b|\bplaceholders?\b|\btemplated fields?\b|\btemplate text\b",
        "link": r"\blink\b|\burl\b",
        "sharing": r"\bshar\w*|\bthird[- ]part\w*|\bsell\w*|\bsold\b|\brent\w*|\baffiliates?\b",
    }.items()
}  # fmt: skip

# Outside any surface, only unambiguous call-to-action wording counts ("Need some help?" is not a demand).
DEFAULT_ELEMENTS: dict[str, re.Pattern[str]] = {
    "help": re.compile(r"\bhelpkw\b|\bhelp (?:instructions?|keyword|info\w*|disclosure)\b|\breply help\b|\b(?:customer )?support instructions\b"),
    "stop": re.compile(r"\bstopkw\b|\bstop instructions?\b|\breply stop\b|\bopt-out (?:instructions?|language|info\w*|disclosure)\b|\bhow to opt-out\b"),
    "frequency": ELEMENTS["frequency"],
    "rates": re.compile(r"\b(?:message and )?data rates\b|\brates may apply\b|\brates disclosure\b"),
    "privacy": ELEMENTS["privacy"],
    "terms": re.compile(r"\blink\w* to (?:the |your )?(?:sms )?terms\b|\bterms link\b"),
    "path": ELEMENTS["path"],
    "method": ELEMENTS["method"],
    "purpose": ELEMENTS["purpose"],
    "sms": ELEMENTS["sms"],
}  # fmt: skip

# (surface, element) -> requirement ids; surface "" is text outside any surface (the call to action).
TABLE: dict[tuple[str, str], tuple[str, ...]] = {
    **{("", e): (f"cta.{e}",) for e in ("help", "stop", "frequency", "rates", "privacy", "terms", "path", "method", "purpose", "sms")},
    **{("cta", e): (f"cta.{e}",) for e in ("brand", "help", "stop", "frequency", "rates", "privacy", "terms", "path", "method", "purpose", "sms", "marketing")},
    ("cta", "separate"): ("cta.marketing_separate",),
    ("cta", "keyword"): ("cta.keyword",),
    **{("cfm", e): (f"cfm.{e}",) for e in ("brand", "help", "stop", "frequency", "rates", "marketing")},
    ("out", "brand"): ("out.brand",),
    ("out", "no_further"): ("out.no_further",),
    ("out", "marketing"): ("out.no_marketing",),
    ("out", "keyword"): ("out.keywords",),
    ("help", "brand"): ("help.brand",),
    ("help", "contact"): ("help.contact",),
    ("help", "keyword"): ("help.keywords",),
    ("smp", "brand"): ("smp.brand",),
    ("smp", "stop"): ("smp.opt_out",),
    ("smp", "count"): ("smp.count",),
    ("smp", "placeholder"): ("smp.placeholders",),
    ("smp", "marketing"): ("use.matches",),
    ("dsc", "brand"): ("dsc.brand",),
    ("pp", "sharing"): ("pp.no_sharing",),
    ("pp", "link"): ("pp.url",),
    ("pp", "brand"): ("pp.brand",),
    ("tc", "frequency"): ("tc.frequency",),
    ("tc", "rates"): ("tc.rates",),
    ("tc", "contact"): ("tc.support",),
    ("tc", "help"): ("tc.support",),
    ("tc", "stop"): ("tc.opt_out",),
    ("tc", "privacy"): ("tc.privacy",),
    ("tc", "brand"): ("tc.brand",),
    ("tc", "link"): ("tc.url",),
    ("tc", "sharing"): ("tc.no_affiliate",),
    ("web", "brand"): ("web.matches_brand",),
}  # fmt: skip

# A surface named in a complaint without any element: what the complaint most likely means.
GENERIC: dict[str, tuple[str, ...]] = {
    "cta": ("cta.method",),
    "cfm": ("cfm.brand", "cfm.help", "cfm.stop", "cfm.frequency", "cfm.rates"),
    "out": ("out.brand", "out.no_further"),
    "help": ("help.brand", "help.contact"),
    "smp": ("use.matches",),
    "dsc": ("dsc.clear",),
    "pp": ("pp.no_sharing",),
    "tc": ("tc.url",),
    "web": ("web.live",),
    "use": ("use.matches",),
}
# ... and when the complaint is that it is missing altogether.
MISSING: dict[str, tuple[str, ...]] = {
    "cfm": ("cfm.present",),
    "smp": ("smp.count",),
    "pp": ("pp.url",),
    "tc": ("tc.url",),
}
MISSING_WORDS = re.compile(
    r"\b(?:missing|not provided|not present|absent|empty|blank|not found|is required|are required)\b"
)

PROBLEM = re.compile(
    r"\b(?:missing|not provided|not present|required|requires?|incomplete|non-compliant|not compliant|invalid|unclear|error|issues?"
    r"|insufficient|inaccurate|vague|mismatch\w*|inconsisten\w*|does not|doesn't|did not|lacks?|needs?|must|should|update"
    r"|not met|violation|unable|rejected|declined|fail\w*|not acceptable)\b"
)  # fmt: skip

_CNT_SPECIFIC = (
    "cnt.cannabis",
    "cnt.gambling",
    "cnt.shaft",
    "cnt.high_risk_financial",
    "cnt.debt",
    "cnt.lead_gen",
    "cnt.sweepstakes",
    "cnt.fraud",
)

# Demands recognised wherever they appear: pattern -> requirement ids.
STANDALONE: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), ids)
    for pattern, ids in (
        (r"\b(?:url|link) shorten\w*|\bshortened (?:url|link)s?\b|\bbit\.ly\b|\btinyurl\b|\bpublic (?:url )?shorteners?\b", ("smp.shortener",)),
        (r"\bnon-?secure\w*|\bunsecured\b|\bhttp://|\binsecure (?:url|link)s?\b", ("smp.https",)),
        (r"\bembedded phone", ("smp.embedded_phone",)),
        (r"\bembedded links?\b", ("smp.embedded_link",)),
        (r"\bcampaign attributes?\b.{0,40}\b(?:do not|don't|not|mismatch\w*)\b|\battributes? (?:do not|don't) match\b",
         ("smp.embedded_link", "smp.embedded_phone", "flg.direct_lending", "flg.age_gate")),
        (r"\bage[- ]?gat\w*|\bage verification\b|\bdate of birth\b|\bdd/mm/yyyy\b|\bverify (?:the )?age\b", ("flg.age_gate",)),
        (r"\bdirect lend\w*|\bloan arrangement\b", ("flg.direct_lending",)),
        (r"\bin english\b|\bnon-english\b|\bnot english\b", ("dsc.english",)),
        (r"\b(?:marketing|promotional)\b.{0,60}\bseparate\w*|\bseparate\w*.{0,60}\b(?:marketing|promotional)\b", ("cta.marketing_separate",)),
        (r"\bcondition of (?:purchase|service|use)\b|\bforc\w* (?:an |a )?opt-in\b|\bforced\b|\bcannot be required\b|\bfreely given\b"
         r"|\b(?:checkbox|consent) (?:is |was )?(?:mandatory|required|pre-?checked|pre-?selected)\b|\bunchecked by default\b|\bpre-?checked\b|\bbundled\b",
         ("cta.optional",)),
        (r"\bcheckbox(?:es)?\b", ("web.checkbox",)),
        (r"\brequires? (?:a )?log-?in\b|\bbehind a log-?in\b|\bpassword[- ]protected\b|\brequires authentication\b|\bauthentication required\b",
         ("web.no_login",)),
        (r"\bunder construction\b|\bworking website\b|\bonline presence\b|\bwebsite (?:is |was )?(?:down|not (?:working|loading|accessible|live|reachable))\b"
         r"|\b(?:url|website) (?:validation|could not be (?:verified|reached|loaded))\b|\bbroken links?\b", ("web.live",)),
        (r"\binsufficient (?:business )?(?:content|information|info)\b|\blacks sufficient\b|\bbrand validation\b", ("web.identifies_business",)),
        (r"\binauthentic\b|\btemplate (?:site|website)\b", ("web.authentic",)),
        (r"\bno mobile (?:opt-in )?(?:data|information|info)\b|\b(?:not|never) (?:be )?shar\w*\b.{0,40}\bthird[- ]part|\bthird[- ]party data sharing\b",
         ("pp.no_sharing",)),
        (r"\b(?:is|are|was|were) (?:being )?(?:sold|rented|shared with third[- ]part\w*)", ("pp.no_sale_clause",)),
        (r"\bcannabis\b|\bcbd\b|\bhemp\b|\bmarijuana\b|\bkratom\b|\billegal substances?\b|\bthc\b", ("cnt.cannabis",)),
        (r"\bgambling\b|\bcasino\b|\bsports? betting\b|\blottery\b", ("cnt.gambling",)),
        (r"\bsweepstakes?\b|\bjob boards?\b|\bget[- ]rich\b|\bpyramid\b|\bmlm\b", ("cnt.sweepstakes",)),
        (r"\bshaft\b|\bexplicit sexual\b|\bsexual\b|\bhate\b|\bprofanity\b|\balcohol\b|\btobacco\b|\bvape\b|\bfirearms?\b|\bguns?\b|\bammo\b|\bammunition\b",
         ("cnt.shaft",)),
        (r"\bpayday\b|\bhigh[- ]risk financial\b|\bnon-direct lend\w*|\bcrypto\w*|\bstock (?:alerts?|tips|trading)\b|\bloan marketing\b|\bmerchant cash\b",
         ("cnt.high_risk_financial",)),
        (r"\bdebt (?:collection|relief|reduction|consolidation|settlement|forgiveness|negotiation)\b|\bcredit repair\b|\btax (?:relief|resolution)\b",
         ("cnt.debt",)),
        (r"\blead gen\w*|\baffiliate marketing\b|\bseo\b", ("cnt.lead_gen",)),
        (r"\bspam\b|\bphishing\b|\bfraud\w*|\bdeceptive\b", ("cnt.fraud",)),
        (r"\bprohibited content\b|\bdisallowed content\b|\bcontent violation\b|\bforbidden (?:content|categor\w*)\b", ("cnt.prohibited",)),
        (r"\bemail\b.{0,40}\b(?:domain|gmail|yahoo|outlook|hotmail|public|free|official|disposable)\b|\bnon-official email\b", ("brd.email",)),
        (r"\b(?:same|repeated|excessive|multiple)\b.{0,30}\bein\b|\bein\b.{0,40}\bmultiple brands\b", ("brd.one_ein",)),
        (r"\bein\b.{0,40}\b(?:match\w*|invalid|verif\w*)\b|\blegal (?:company |business )?name\b|\bbrand (?:is )?unverified\b|\bbrand identity\b",
         ("brd.identity",)),
        (r"\bsole prop\w*", ("brd.sole_prop",)),
        (r"\bauth(?:entication)?\+|\bauthentication plus\b|\bstock (?:symbol|exchange)\b|\bpublicly traded\b", ("brd.public",)),
        (r"\breseller\b|\bperceived sender\b|\bkyc\b|\bisv\b", ("brd.perceived_sender",)),
        (r"\binconsisten\w*.{0,60}\bbrand\b|\bbrand\b.{0,60}\binconsisten\w*|\bdba\b.{0,30}\bmismatch\w*|\bname mismatch\b", ("brd.consistent",)),
        (r"\b(?:physical|business|brand|street|mailing) address\b|\bpo box\b|(?<!email )\baddress (?:is )?(?:invalid|incomplete|unverifiable)\b",
         ("brd.address",)),
        (r"\b(?:support|brand|business) phone(?: number)? (?:is )?(?:invalid|missing|not working)\b", ("brd.phone",)),
        (r"\b(?:inconsisten\w*|mismatch\w*|(?:do|does|did) not (?:match|align|reflect)|not consistent)\b.{0,80}\buse[- ]?cases?\b"
         r"|\buse[- ]?cases?\b.{0,60}\b(?:inconsisten\w*|mismatch\w*|(?:do|does) not (?:match|align))", ("use.matches",)),
        (r"\buse[- ]?cases?\b.{0,40}\b(?:ineligible|not eligible|not qualified|not supported|unsupported)\b"
         r"|\b(?:ineligible|not qualified)\b.{0,30}\buse[- ]?case", ("use.eligible",)),
        (r"\bduplicate (?:campaign|registration)s?\b|\bsnowshoe\w*|\bmultiple (?:similar )?campaigns\b", ("use.no_duplicate",)),
        (r"\btest (?:campaign|message)s?\b|\bdemo\b|\bp2p\b|\bperson-to-person\b|\binfluencer\b", ("use.production",)),
        (r"\b(?:vague|unclear|generic|invalid|insufficient|incomplete) (?:campaign )?description\b", ("dsc.clear",)),
        (r"\bcarriers? (?:are )?not liable\b|\bcarrier liability\b", ("tc.carrier_liability",)),
        (r"\bmissing (?:required )?(?:parameter|field)s?\b|\bmissing parameter", ("reg.required",)),
        (r"\blength validation\b|\btoo (?:long|short)\b|\bcharacter limit\b", ("reg.lengths",)),
        (r"\bopt-out keywords?\b", ("out.keywords",)),
        (r"\bhelp(?:kw)? keywords?\b", ("help.keywords",)),
        (r"\b(?:opt-in|join) keywords?\b|\bopt_in_keywords\b", ("cta.keyword",)),
        (r"\b(?:purchased|bought|rented|third-party) (?:lists?|leads?|opt-ins?|consent)\b|\bconsent (?:collected|obtained) by (?:a )?third\b"
         r"|\blicensed agents\b|\bnot transferable\b", ("cta.first_party",)),
    )
)  # fmt: skip

# One spelling per term, applied after lower-casing (order matters: longer forms first).
_SYNONYMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"&", " and "),
        (r"\b(?:mssgs|msgs|mesgs)\b", "messages"),
        (r"\b(?:mssg|msg|mesg)\b", "message"),
        (r"\bopt[\s-]?outs?\b", "opt-out"),
        (r"\bopt[\s-]?ins?\b", "opt-in"),
        (r"\bcall[\s-]+to[\s-]+actions?\b", "cta"),
        (r"\bterms (?:and|&) conditions\b|\bterms of (?:service|use)\b|\bt and c\b|\bt ?& ?c\b|\btos\b", "terms"),
        (r"\be-mail\b", "email"),
        (r"\bcheck[\s-]?box(es)?\b", r"checkbox\1"),
        (r"\bweb[\s-]site\b", "website"),
        (r"\bauto[\s-]?(?:reply|replies|response|responses)\b", "autoreply"),
        (r"\bmobile terminated\b", "mt"),
        (r"\bprivacy[\s-]policy\b", "privacy policy"),
    )
)  # fmt: skip


def normalize(sentence: str) -> str:
    """Lower-case, one spelling per term. Upper-case HELP and STOP become keyword tokens first:
    reviewers capitalise the keywords, while 'Need some help?' on a pasted page is no demand."""
    sentence = re.sub(r"\bHELP\b", "helpkw", sentence)
    sentence = re.sub(r"\bSTOP\b", "stopkw", sentence)
    text = sentence.lower()
    for pattern, repl in _SYNONYMS:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def specific_content(ids: set[str]) -> bool:
    """True when a specific prohibited-content demand makes the generic one redundant."""
    return any(i in ids for i in _CNT_SPECIFIC)
