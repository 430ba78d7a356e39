"""Read a call to action (message flow) the way a reviewer does: which opt-in methods it
describes, and what each method's description contains.

Reviewers accept several kinds of opt-in (rules.md R035, R051–R054): a web form with a checkbox,
a keyword texted to the number, the customer texting first, a verbal script, a paper form, an app
setting. Each needs different details, so the CTA rules ask this analysis which ones are present.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cached_property

from consentry import phrases
from consentry.lint.patterns import lowercase_pattern
from consentry.phrases.literals import Anchored, Gated, Searchable
from consentry.phrases.scan import sentence_window

__all__ = ["FlowAnalysis", "Method", "analyse_flow", "is_policy_url"]


class Method(StrEnum):
    WEB = "web form"
    KEYWORD = "keyword"
    TEXT_FIRST = "customer texts first"
    VERBAL = "verbal"
    PAPER = "paper or in person"
    APP = "app or account"
    QR = "QR code"


_rx = lowercase_pattern  # the text is lower-cased once per analysis


# "ticking the box", "checks an optional, unchecked box": a checkbox named by the act of ticking it
# (shared by the web-opt-in and the checkbox tests, so both read it alike).
_TICK_THE_BOX = r"(?:check|tick|select|mark)(?:s|ed|ing)? (?:an? |the )?(?:[\w-]+,? ){0,3}box"
_WEB = Anchored(
    _rx(
        rf"\b(?:check[ -]?box(?:es)?|tick[ -]?box|{_TICK_THE_BOX}|web[ -]?(?:site )?forms?|online forms?"
        r"|(?:sign[ -]?up|opt[ -]?in|contact(?: us)?|booking|appointment|request|registration|subscription"
        r"|subscribe|order|checkout|quote|estimate|service|enrollment|application|lead|inquiry|intake"
        r"|reservation|scheduling|account creation|web|website|online|lead capture|pop[ -]?up)[ -](?:forms?|page|widget)"
        r"|(?:sign(?:s|ing)? up|opt(?:s|ing)?[ -]in|subscrib(?:e|es|ing)|enroll(?:s|ing)?|register(?:s|ing)?"
        r"|enter(?:s|ing)? (?:their|your|a) (?:\w+ ){0,2}number)\s+(?:\w+ ){0,4}(?:on|at|via|through|using|from)\s+"
        r"(?:our|the|its|their) (?:web ?site|website|webpage|web page|site|landing page|online)"
        r"|forms? (?:on|at) (?:our|the) (?:web ?site|website|webpage|site)"
        r"|(?:online|web|website) (?:scheduler|scheduling (?:tool|system|page)|booking (?:system|tool|page|widget|portal)))\b"
    )
)
_FORM_WORD = _rx(r"\bforms?\b")
_POLICY_PAGE = Anchored(
    _rx(r"privacy|terms|\btos\b|conditions|legal|^(?:tc|tnc|t-?and-?c|t&c)(?:\.\w+)?$")
)
_OPT_IN_ANCHOR = _rx(r"opt|sms|text|consent|sign|subscribe|join")


def is_policy_url(url: str) -> bool:
    """A privacy or terms page (judged by its last path segment), unless an anchor points at an opt-in on it."""
    base, _, fragment = url.lower().partition("#")
    if fragment and _OPT_IN_ANCHOR.search(fragment):
        return False
    path = base.split("://", 1)[-1].rstrip(
        "/"
    )  # "site.com/privacy" is written without a scheme too
    last = path.rsplit("/", 1)[-1] if "/" in path else ""
    return bool(_POLICY_PAGE.search(last))


_URLISH = re.compile(r"\S+\.[a-z]{2,}/\S*|https?://\S+", re.IGNORECASE)
_ONLINE_VERB = _rx(
    r"\b(?:opt(?:s|ed|ing)?[ -]?in|sign(?:s|ed|ing)? up|subscrib(?:e|es|ed|ing)|enroll(?:s|ed|ing)?|register(?:s|ed|ing)?|join(?:s|ed|ing)?"
    r"|enter(?:s|ed|ing)?|provid(?:e|es|ed|ing)|submit(?:s|ted|ting)?|book(?:s|ed|ing)?|order(?:s|ed|ing)?|check(?:s|ed|ing)? out|enabl(?:e|es|ed|ing)|turn(?:s|ed|ing)? on)\b"
)
_CHECKBOX = _rx(
    rf"\bcheck[ -]?box|\btick[ -]?box|\b{_TICK_THE_BOX}\b"
    r"|\bun(?:checked|ticked|selected)\b(?: [\w-]+){0,2} box\b"
)
_KEYWORD = Anchored(
    re.compile(
        r"\b(?:[Tt]ext(?:s|ing|ed)?|TEXT(?:ING)?|[Tt]xt|TXT|[Ss]end(?:s|ing)?|SEND|SMS|[Rr]eply(?:ing)?)"
        r"\s+(?:the\s+(?:key)?word\s+|keyword\s+)?[\"'“‘]?(?P<kw>[A-Z][A-Z0-9]{1,19})[\"'”’]?"
        r"\s+(?:to|at|from)\b"  # "text JOIN to 555-0100", "text JOIN from your phone"
    )
)
_KEYWORD_QUOTED = _rx(
    r"\b(?:text|txt|send|sms|reply)(?:s|ing|ed)?\s+(?:the\s+(?:key)?word\s+|keyword\s+)?"
    r"[\"“‘'](?P<kw>[a-z][a-z0-9]{1,19})[\"”’']\s+(?:to|at|from)\b"
)
_KEYWORD_WORD = Gated(_rx(r"\bkey ?words?\b"))
_TEXT_FIRST = Anchored(
    _rx(
        r"\b(?:text(?:s|ed|ing)?|messag(?:e|es|ed|ing)|sms(?:es)?|contact(?:s|ed|ing)?|reach(?:es|ed|ing)? out(?: to)?)"
        r"\s+(?:us|the (?:business|company|office|store)|our (?:\w+ ){0,3}(?:number|line))\s+(?:\w+ )?first\b"
        r"|\b(?:initiat(?:e|es|ed|ing)|start(?:s|ed|ing)?|begin(?:s|ning)?) (?:the |a )?(?:conversation|contact|text|sms|chat|thread|exchange)"
        r"|\b(?:customer|consumer|client|user|patient|tenant|resident|caller|subscriber|member|person|people|guest)s?[- ]initiated"
        r"|\b(?:inbound|incoming) (?:texts?|messages?|sms|inquir(?:y|ies))"
        r"|\b(?:send|sends|sending|sent) (?:us|the business|our (?:\w+ ){0,2}(?:number|line)) (?:a |an )?(?:text|message|sms)"
        r"|\btext(?:s|ing)? (?:us|our (?:\w+ ){0,3}(?:number|line))\b"
        r"|\b(?:reply|replies|respond|responds|responding|replying) (?:only )?to (?:their|the customer'?s?|inbound|incoming|a customer'?s?) (?:texts?|messages?|inquir(?:y|ies)|questions?)"
        r"|\bfirst (?:text|message|sms) (?:is|must be) (?:always )?(?:sent )?(?:by|from) the (?:customer|consumer|client)"
    )
)
_VERBAL_WAY = (
    r"(?:verbal(?:ly)?|over the (?:tele)?phone|by (?:tele)?phone|(?:on|during) (?:a|the|their|an) (?:\w+ )?(?:phone |telephone )?call"
    r"|when (?:they|customers?|clients?|patients?|callers?) calls?|IVR|press(?:es|ing)? \d)"
)
_CONSENT_WORD = r"(?:opt(?:s|ed|ing)?[ -]?in|consent(?:s|ed|ing)?|agree(?:s|d|ing)?|permission|enroll|subscribe|sign(?:s|ed)? up|say(?:s)? yes|asked|ask(?:s)?)"
_VERBAL = Gated(
    _rx(
        rf"\bverbal(?:ly)? (?:opt[ -]?in|consent|agreement|permission)\b|\b{_VERBAL_WAY}\b.{{0,80}}\b{_CONSENT_WORD}\b"
        rf"|\b{_CONSENT_WORD}\b.{{0,80}}\b{_VERBAL_WAY}\b"
        # "Clients who book by phone are read the script below"; a "Verbal:" heading in a list of methods
        rf"|\b{_VERBAL_WAY}\b.{{0,80}}\bscript\b|\bverbal(?: (?:opt[ -]?in|consent))?\s?[:.)](?=\s)"
    )
)
_PLACE = r"(?:in[ -](?:store|person|office|clinic|branch)|at (?:the|our) (?:front desk|counter|register|check[ -]?in|reception|store|office|clinic|location)|point[ -]of[ -]sale)"
_PAPER_THING = r"(?:forms?|sheets?|cards?|tablets?|kiosks?|clipboards?|sign(?:s|ed|ing)? up|signup|write|writes|fill(?:s|ed)? out)"
_PAPER = Anchored(
    _rx(
        # ("express written consent" is the legal term for any signed or ticked consent, not paper)
        r"\b(?:paper|printed|(?<!express )written|physical|hard[ -]?copy|hand[ -]?written)\b.{0,30}\b(?:forms?|sheets?|cards?|agreements?|paperwork|consent)\b"
        r"|\bsign[ -]?up sheets?\b|\b(?:sign|signs|signed|signing) (?:a |an |the |our |their )?(?:[\w-]+ ){0,3}?(?:paper|form|consent form|intake form)\b"
        r"|\bclipboard\b|\bhard ?copy\b|\bkiosk\b|\bin[ -]store tablets?\b"
        # a card terminal or point-of-sale screen: in person, and as unseen by a reviewer as paper
        r"|\b(?:card|payment|pos|checkout|signature) (?:terminal|reader|pad|screen)s?\b|\bpoint[ -]of[ -]sale\b"
        rf"|\b{_PLACE}\b.{{0,60}}\b{_PAPER_THING}\b|\b{_PAPER_THING}\b.{{0,60}}\b{_PLACE}\b"
    )
)
_APP = Gated(
    _rx(
        r"\b(?:mobile |our |the |ios |android |iphone |smartphone )app\b|\bin[ -]app\b|\bmobile application\b|\b(?:account|notification|profile|communication) (?:settings|preferences)\b"
        r"|\b(?:customer|member|patient|tenant|resident|client|online|student|parent|employee) portal\b|\blog(?:s|ged)? ?in(?:to)?\b|\bsign(?:s|ed)? in(?:to)?\b|\bdashboard\b"
        r"|\bweb app\b|\b(?:security|account|notification|privacy|sms|text|messaging) settings\b|\bsettings page\b"
    )
)
_LOGIN = Anchored(
    _rx(
        r"\b(?:after|once|when) (?:they |users |customers |members |patients |clients )?(?:have )?(?:log(?:ging|ged)? ?in|sign(?:ing|ed)? in)"
        # "once they create an account" puts the opt-in behind it; "when they create an account
        # at <url>" is the public sign-up page itself
        r"|\b(?:after|once) (?:they |users |customers |members |patients |clients )?(?:have )?creat(?:e|ed|ing) an account"
        r"|\blog(?:s|ged)? ?in(?:to)? (?:to )?(?:their|the|your|our) (?:\w+ )?(?:account|portal|app|dashboard)|\bsign(?:s|ed)? in(?:to)? (?:their|the|your|our) (?:\w+ )?(?:account|portal|app|dashboard)"
        r"|\b(?:patient|customer|member|tenant|client|resident|employee|student|parent) portal\b|\bbehind (?:a |the )?login\b|\bpassword[ -]protected\b"
        r"|\blog(?:in|ged[ -]in)[ -](?:protected|only|required|gated)\b|\bprivate (?:booking )?links?\b"
        # A third-party login wall ("log in to crab.travel via Google OAuth", "sign in with
        # Google"): reviewers have no account, so the page with the opt-in is out of their reach.
        r"|\b(?:log|sign)(?:s|ged|ging)?[ -]?in (?:to|with|via|using|through) [^!?;\n]{0,40}?\b(?:google|facebook|apple|microsoft|github|oauth|sso|single sign-on)\b"
        r"|\b(?:google|facebook|apple|microsoft) (?:oauth|log ?in|sign[ -]?in|account log ?in)\b"
        r"|\b(?:requires?|required) (?:a |an )?(?:log ?in|sign[ -]?in|user account)\b"
        # An opt-in inside an account: settings pages and dashboards are only there after login.
        r"|\b(?:profile|account|notification|notifications|sms|text|texting|messaging|communication|alert) (?:settings|preferences)\b"
        r"|\bsettings ?(?:page|screen|->|>|/)|\b(?:in|inside|within|from) (?:their|the|your|our) (?:\w+ )?dashboard\b"
    )
)
_QR = Gated(_rx(r"\bqr[ -]?codes?\b"))
_EVIDENCE_HOSTS = (
    "imgur.com", "drive.google.com", "docs.google.com", "dropbox.com", "box.com", "onedrive.live.com",
    "1drv.ms", "photos.google.com", "photos.app.goo.gl", "sharepoint.com", "icloud.com",
    "s3.amazonaws.com", "loom.com", "youtube.com", "youtu.be", "vimeo.com",
)  # fmt: skip
_EVIDENCE_SUBDOMAINS = tuple("." + h for h in _EVIDENCE_HOSTS)
_EVIDENCE_EXT = re.compile(r"\.(?:png|jpe?g|gif|webp|pdf|mp4|mov|heic)(?:$|[?#])", re.IGNORECASE)
_EVIDENCE_WORD = Gated(
    _rx(
        r"\b(?:screen ?shots?|screen ?grabs?|photos?|images?|pictures?|mock[ -]?ups?|copy of the (?:form|script)|pdf|video"
        r"|reproduc\w*|preview|public (?:page|copy|version|example)|examples?|mirror(?:ed)?"
        r"|publicly (?:viewable|visible|available|accessible|published|hosted|shown)"
        r"|published (?:publicly )?for (?:review|reviewers|verification)|proof (?:page|of (?:the )?(?:consent|opt[ -]?in))"
        r"|(?:sample|copy|demo|replica) of the (?:\w+ )?(?:consent|opt[ -]?in|sign[ -]?up) (?:flow|page|form|screen))\b"
    )
)
# An agreement the person is shown: "By subscribing, you agree to receive ... text messages",
# "I consent to receive SMS from ...".
_AGREEMENT = Gated(
    _rx(
        r"\b(?:you|i|we|they|customers?|users?|patients?|subscribers?|members?|clients?|guests?"
        r"|tenants?|residents?|staff|employees?|parents?|students?|visitors?|people|recipients?"
        # "... give their number to our staff and agree to receive texts from Hochatown Saloon"
        r"|and)\s(?:hereby\s|expressly\s|explicitly\s|verbally\s)?"
        r"(?:agree|agrees|consent|consents|authori[sz]e|authori[sz]es)\s(?:to\s)?(?:receive|get|be\ssent|receiving)\b"
        r"[^.;]{0,120}?\b(?:texts?|text\smessages?|sms|msgs?|messages|alerts|notifications)\b"
        # "... by entering their number and agreeing to receive texts from The Pool"
        r"|\b(?:agreeing|consenting)\s(?:to\s)?(?:receive|get|be\ssent|receiving)\b"
        r"[^.;]{0,120}?\b(?:texts?|text\smessages?|sms|msgs?|messages|alerts|notifications)\b"
    )
)
# Evidence sent with the registration instead of linked ("Screenshot attached."): the forms take
# uploads that the campaign file has no field for.
_ATTACHED = Gated(
    _rx(
        r"\b(?:screen ?shots?|photos?|images?|pictures?|pdfs?|copy of the form)\b[^.;]{0,40}\b(?:attached|uploaded|included with|submitted with)\b"
        r"|\b(?:attached|uploaded)\b[^.;]{0,30}\b(?:screen ?shots?|photos?|images?|pictures?|pdfs?)\b"
    )
)
_WEBSITE_WORD = Gated(
    _rx(
        r"\b(?:web ?sites?|web ?pages?|web forms?|online forms?|landing pages?|our site|www\.)|https?://"
    )
)
# The person asks for each message: a sign-in, verification or reset code.
_CODE_REQUEST = Gated(
    _rx(
        r"\b(?:one[ -]?time|verification|security|login|log[ -]in|sign[ -]in|access|authenticat\w*|confirmation|reset)\s+(?:pass)?codes?\b"
        r"|\b(?:otps?|passcodes?|2fa|mfa|two[ -]factor|multi[ -]factor)\b"
    )
)
_NUMBER_GIVEN = Gated(
    _rx(
        r"\b(?:provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|gave|enter(?:s|ed|ing)?|suppl(?:y|ies|ied)|shar(?:e|es|ed|ing)"
        r"|submit(?:s|ted|ting)?|list(?:s|ed)?|fill(?:s|ed)? (?:in|out))\s+(?:us\s+)?(?:with\s+)?(?:their|your|a|his|her|the)\s+"
        r"(?:\w+ ){0,2}(?:phone|cell|mobile|contact)(?: number| #| info(?:rmation)?| details)?"
    )
)
_PUBLISHED = Anchored(
    _rx(
        r"\b(?:listed|published|displayed|posted|printed|shown|advertised|found|available|appears?|provided|included)\s+(?:\w+ )?(?:on|in|at)\b"
        # "the number, which is published with this call to action at https://..."
        r"|\b(?:listed|published|displayed|posted|printed|shown|advertised)\s+(?:with|alongside|next\sto|together\swith)\s(?:[\w-]+\s){1,4}?(?:on|in|at)\s+(?:\(link\)|our|the|https?:)"
        r"|\b(?:on|in|at) (?:our|the) (?:web ?site|website|business cards?|google|signage|signs?|flyers?|invoices?|emails?|receipts?"
        r"|storefront|listings?|profile|email signatures?|social media|facebook|yelp|vehicles?|trucks?|door hangers?|letterhead|marketing materials)"
        r"|\bgoogle business\b|\byelp\b|\bbusiness cards?\b|\bemail signatures?\b"
    )
)
_ONLY_REPLY = _rx(
    r"\bonly (?:reply|replies|respond|responds|send|sends|text|texts|message|messages|used to reply|to reply|in response)"
    r"|\b(?:reply|replies|respond|responds|responding|replying) (?:only )?(?:directly )?to (?:their|the|that|inbound|incoming|a|each|customer)"
    r"|\bin (?:direct )?response to\b|\bdo(?:es)? not (?:send|initiate)|\bnever (?:send|initiate|text)"
)
_THIRD_PARTY = Gated(
    _rx(
        r"\b(?:purchased|bought|rented|acquired|sourced|obtained|collected|gathered|provided|generated)\s+(?:\w+ ){0,2}(?:from|by|through|via)\s+"
        r"(?:a |an |our |the )?(?:third[- ]part(?:y|ies)|partners?|affiliates?|lead (?:vendors?|providers?|generators?|sources?|lists?)|list brokers?|data (?:providers?|vendors?)|marketing partners?)"
        r"|\blead lists?\b|\b(?:purchased|bought|rented) (?:\w+ )?(?:lists?|leads|contacts|numbers)\b"
        r"|\blicensed agents\b|\bimported (?:from|contacts)"
    )
)


def _sentence_start(low: str, at: int) -> int:
    lo = max(0, at - 160)
    ends = [low.rfind(c, lo, at) for c in ".!?;\n"]
    return max([lo, *(e + 1 for e in ends if e >= 0)])


# "No purchased lists", "we never buy leads", "not obtained from third parties"
_DENIED = _rx(r"\b(?:no|never|not|nor|without|don't|do not|does not|doesn't)\b[^.;:!?]*$")
_CLAIMS_CONSENT = _rx(
    r"\b(?:we|they) (?:already |obviously )?(?:have|has|had|obtain|get) (?:their |the |express |written |implied |prior )*(?:consent|permission)\b"
    r"|\bimplied consent\b|\bexisting (?:business )?relationship\b|\bconsent is implied\b"
)
_DOUBLE_OPT_IN = Gated(
    _rx(
        r"\bdouble[ -]opt[ -]?in\b|\breply(?:ing)? (?:with )?[\"'“]?(?:yes|y|confirm)[\"'”]? to (?:confirm|subscribe|opt[ -]?in|join|verify|complete)"
    )
)
_AGE_CHECK = Gated(
    _rx(
        r"\bdate of birth\b|\bbirth ?date\b|\bDOB\b|\bage[ -](?:gate|verification|verified|check)\b"
        r"|\bverif(?:y|ies|ied|ication of) (?:their |the customer'?s |that they are |they are )?(?:age|21|18)\b|\bID (?:scan|check|verification|upload)\b"
    )
)
_DONATION_DISCLOSURE = Gated(
    _rx(r"\bdonations? (?:may|will|might|can) be (?:solicited|requested|asked)")
)
_SCRIPT = Gated(
    _rx(
        r"\bscript\b|\b(?:reads?|read aloud|says?|asks?)\s*(?:the following|this|:)|[\"“][^\"”]{40,}[\"”]|\bverbatim\b"
    )
)
_QUOTED = re.compile(r"[\"“'‘][^\"”]{40,}[\"”'’]")
# The words of a script given: after a colon ("Staff read: Would you like ...") or in a public copy
# linked after the word "script" in the same paragraph ("the script below ... is published at
# https://..."). Naming "the script" is not giving it.
_SCRIPT_TEXT = re.compile(
    r"\b(?:script|reads?|read aloud|says?|asks?|asked|the following|verbatim)\b[^.\n]{0,40}?:\s*\S[^\n]{30,}"
    r"|\bscripts?\b[^\n]{0,200}?\(link\)"
)


# "Both methods are published at https://...", "the disclosures exactly as displayed ... are
# shown at https://...": the flow says the opt-in is reproduced on the linked page. The verb is
# found first (rare words: usually a substring test rules it out); its subject is checked in the
# text before it.
_PUBLISHED_AT = Gated(
    _rx(r"\b(?:published|shown|displayed|posted|hosted|reproduced)\s(?:\w+\s)?(?:at|on)\b")
)
_COPY_SUBJECT = re.compile(
    r"\b(?:opt[ -]?ins?|consent|call[ -]to[ -]action|cta|disclosures?|scripts?|flows?|methods|both)\b"
    r"[^.;\n]{0,80}?\b(?:are|is)\s(?:also\s)?$"
)


def _published_copies(low: str) -> list[int]:
    """Where a 'the opt-in is published at' statement ends (a link may follow)."""
    return [
        m.end()
        for m in _PUBLISHED_AT.finditer(low)
        if _COPY_SUBJECT.search(low, max(0, m.start() - 110), m.start()) is not None
    ]


def _evidence(urls: tuple[str, ...], text: str) -> tuple[str, ...]:
    """Links to a public copy of an opt-in reviewers cannot reach themselves: image and document
    hosts, image or PDF files, and any link that the text introduces as a screenshot, photo,
    preview or public copy ("a public preview ... is published at https://...")."""
    low = text.lower()
    cues = [m.end() for m in _EVIDENCE_WORD.finditer(low)]
    copies = _published_copies(low)
    found = []
    for url in urls:
        host = phrases.url_host(url) or ""
        at = low.find(url.lower())
        introduced = at >= 0 and (
            any(0 <= at - cue <= 150 for cue in cues)
            or (not is_policy_url(url) and any(0 <= at - cue <= 20 for cue in copies))
        )
        if (
            host in _EVIDENCE_HOSTS
            or host.endswith(_EVIDENCE_SUBDOMAINS)
            or _EVIDENCE_EXT.search(url)
            or introduced
        ):
            found.append(url)
    return tuple(found)


# A negation governing the words just before a hit, in the same clause: "customers cannot opt in
# by [texting us]", "we do not collect consent [verbally]". A modal after the negation starts a new
# verb ("customers who do not have internet can [text JOIN]"), so the hit is not negated.
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|cannot|can't|don't|doesn't|won't|isn't|aren't|no)\b((?:\s+[\w'-]+){0,4})\s*$"
)
_CLAUSE_START = re.compile(r"[.;:!?,\n]|\b(?:and|but|or)\b")
_MODAL = re.compile(r"\b(?:can|may|will|should|could|must|would|to)\b")
_PRE_CHECKED = re.compile(r"pre[ -]?(?:check|tick|select|fill)|\bdefault\b|\bauto")


def _negated(low: str, start: int) -> bool:
    """The words before `start` deny what follows: a negation in the same clause, or one that
    governs a list the hit is an item of ("numbers are not purchased, ... or enrolled verbally")."""
    before = low[max(0, start - 80) : start]
    clause = before[max((c.end() for c in _CLAUSE_START.finditer(before)), default=0) :]
    negated = _NEGATION_BEFORE.search(clause)
    if negated is not None and not _MODAL.search(negated.group(1)):
        # "has no pre-checked checkbox" denies the pre-check, not the checkbox
        return _PRE_CHECKED.search(negated.group(1) + low[start : start + 12]) is None
    return phrases.negated_list_item(low[max(0, start - 200) : start])


def _affirmed(pattern: Searchable, low: str) -> bool:
    """The pattern has a hit that is not negated."""
    for n, m in enumerate(pattern.finditer(low)):
        if n >= 50:
            return True  # bounded on adversarial text; many hits are not all negated
        if not _negated(low, m.start()):
            return True
    return False


# Words that set a form or a box on paper or in an app, where a reviewer cannot open it.
_OFF_WEB_WORDS = (
    r"\b(?:in[ -]app|(?:mobile|ios|android|iphone|our|the|their) app(?:lication)?|paper|printed"
    r"|physical|hard[ -]?copy|hand[ -]?written)\b"
)
_OFF_WEB = re.compile(_OFF_WEB_WORDS)
_OFF_WEB_BEFORE = re.compile(_OFF_WEB_WORDS + r"[^.!?;\n]*$")  # earlier in the same sentence
_ONLINE_WORD = re.compile(r"web|online|site|page|pop")
_LISTED_ON = re.compile(
    r"\b(?:listed|published|shown|displayed|posted|found|printed|available)\b[^.!?;\n]*$"
)


def _on_the_web(low: str) -> bool:
    """A web opt-in is named ("checkbox on our website", "online booking widget") and is not a
    paper or in-app one: "a paper intake form" names a form, but not one a reviewer can open, and
    in a flow set in an app or on paper a bare "checkbox" is that app's or form's."""
    off_web = _OFF_WEB.search(low) is not None
    for n, m in enumerate(_WEB.finditer(low)):
        if n >= 50:
            return True
        if m.group().endswith("page") and _LISTED_ON.search(low, max(0, m.start() - 60), m.start()):
            continue  # "our number is listed on our contact page": where it is, not a form
        if _negated(low, m.start()):
            continue  # "there is no web signup form or consent checkbox"
        if _ONLINE_WORD.search(m.group()) is not None:
            return True
        if off_web and _CHECKBOX.fullmatch(m.group()) is not None:
            continue
        if _OFF_WEB_BEFORE.search(low, max(0, m.start() - 120), m.start()) is None:
            return True
    return False


def _keywords(text: str, low: str) -> tuple[str, ...]:
    words = [m.group("kw") for m in _KEYWORD.finditer(text)]
    words += [m.group("kw").upper() for m in _KEYWORD_QUOTED.finditer(low)]
    reserved = {
        "STOP",
        "HELP",
        "INFO",
        "END",
        "CANCEL",
        "QUIT",
        "UNSUBSCRIBE",
        "STOPALL",
        "SMS",
        "MSG",
        "US",
        "IT",
    }
    return tuple(dict.fromkeys(w.upper() for w in words if w.upper() not in reserved))


class FlowAnalysis:
    """What a message flow says, as booleans and extracted values.

    Each answer is worked out when a rule first asks for it: most are only asked about in some
    cases (a verbal script only for a verbal opt-in, an age check only for an age-gated campaign),
    and each costs a pass over the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._plain = _URLISH.sub(" (link) ", text)  # links would look like words to the patterns
        self._low = self._plain.lower()

    @cached_property
    def urls(self) -> tuple[str, ...]:
        return tuple(m.text for m in phrases.find_urls(self.text))

    @cached_property
    def evidence_links(self) -> tuple[str, ...]:
        """Public screenshots, photos or PDFs of an offline opt-in."""
        return _evidence(self.urls, self.text)

    @cached_property
    def keywords(self) -> tuple[str, ...]:
        """Words a person texts to join ("JOIN", "SMILE")."""
        return _keywords(self._plain, self._low)

    @cached_property
    def pages(self) -> tuple[str, ...]:
        """Links that may be the opt-in page: not a privacy or terms page, and not a photo of a
        keyword sign or a paper form (which is no web page with a form)."""
        return tuple(u for u in self.urls if not is_policy_url(u) and u not in self.evidence_links)

    @cached_property
    def methods(self) -> frozenset[Method]:
        low = self._low
        methods: set[Method] = set()
        pages = self.pages
        if _on_the_web(low) or (
            pages and (_affirmed(_FORM_WORD, low) or self._page_offers_opt_in(pages))
        ):
            methods.add(Method.WEB)
        if self.keywords or (_KEYWORD_WORD.search(low) and re.search(r"\btext|\btxt|\bsms", low)):
            methods.add(Method.KEYWORD)
        if _affirmed(_TEXT_FIRST, low):
            methods.add(Method.TEXT_FIRST)
        if _affirmed(_VERBAL, low):
            methods.add(Method.VERBAL)
        if _affirmed(_PAPER, low):
            methods.add(Method.PAPER)
        if _affirmed(_APP, low):
            methods.add(Method.APP)
        if _affirmed(_QR, low):
            methods.add(Method.QR)
        return frozenset(methods)

    def _page_offers_opt_in(self, pages: tuple[str, ...]) -> bool:
        """A page link in a sentence about signing up ("sign up at <url>"). The keyword of "read
        the disclosure at <url> and text JOIN" is not a way to sign up on that page."""
        for url in pages:
            at = self.text.find(url)
            if at < 0:
                continue
            a, b = sentence_window(self.text, at, at + len(url), 200)
            sentence = _KEYWORD.regex.sub(" ", _URLISH.sub(" (link) ", self.text[a:b])).lower()
            if _affirmed(_ONLINE_VERB, sentence):
                return True
        return False

    @cached_property
    def states_agreement(self) -> bool:
        """Quotes or states the consent sentence the person agrees to."""
        return _AGREEMENT.search(self._low) is not None

    @cached_property
    def requests_code(self) -> bool:
        """The flow is someone asking for a one-time code (sign-in, verification, reset)."""
        return _CODE_REQUEST.search(self._low) is not None

    @cached_property
    def evidence_attached(self) -> bool:
        """The flow says a screenshot or photo is uploaded with the registration."""
        return _ATTACHED.search(self._low) is not None

    @cached_property
    def mentions_website(self) -> bool:
        return _WEBSITE_WORD.search(self.text.lower()) is not None

    @cached_property
    def mentions_checkbox(self) -> bool:
        return _affirmed(_CHECKBOX, self._low)

    @cached_property
    def login_gated(self) -> bool:
        return _LOGIN.search(self._low) is not None

    @cached_property
    def number_given_as_consent(self) -> bool:
        """ "customers provide their phone number" as the opt-in."""
        return _NUMBER_GIVEN.search(self._low) is not None

    @cached_property
    def claims_consent(self) -> bool:
        """ "we have consent", "implied consent", "existing relationship"."""
        return _CLAIMS_CONSENT.search(self._low) is not None

    @cached_property
    def says_where_number_is_published(self) -> bool:
        return _PUBLISHED.search(self._low) is not None

    @cached_property
    def says_business_only_replies(self) -> bool:
        return _ONLY_REPLY.search(self._low) is not None

    @cached_property
    def third_party_consent(self) -> bool:
        low = self._low
        return any(
            _DENIED.search(low, _sentence_start(low, m.start()), m.start()) is None
            for m in _THIRD_PARTY.finditer(low)
        )

    @cached_property
    def double_opt_in(self) -> bool:
        return _DOUBLE_OPT_IN.search(self._low) is not None

    @cached_property
    def age_check(self) -> bool:
        return _AGE_CHECK.search(self._low) is not None

    @cached_property
    def donation_disclosure(self) -> bool:
        return _DONATION_DISCLOSURE.search(self._low) is not None

    @cached_property
    def has_script(self) -> bool:
        return _SCRIPT.search(self._low) is not None

    @cached_property
    def script_given(self) -> bool:
        """The words read to the customer are in the flow or linked from it."""
        return (
            self.quotes_disclosure
            or any("script" in u.lower() for u in self.evidence_links)
            or _SCRIPT_TEXT.search(self._low) is not None
        )

    @cached_property
    def quotes_disclosure(self) -> bool:
        """Quotes consent text (40+ characters in quotes)."""
        return _QUOTED.search(self._low) is not None

    @property
    def only_text_first(self) -> bool:
        return self.methods == {Method.TEXT_FIRST}


def analyse_flow(text: str) -> FlowAnalysis:
    """Analyse a message flow; pure and fast (each answer is a regex pass or two, made lazily)."""
    return FlowAnalysis(text)
