"""Contact details in free text: email addresses, web addresses, US phone numbers; hosts and domains.

URLs are found with or without a scheme ("https://x.com/a", "www.x.com", "x.com/book"); a bare
"name.tld" only counts when the TLD is a real one that is not also a common English word or file
extension (so "e.g.", "a.m.", "readme.md" and "this.It" are not links).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from consentry.phrases.literals import Anchored
from consentry.phrases.normalize import Folded, Match, fold, memo_small
from consentry.phrases.vocab import words as _words

__all__ = [
    "FREE_MAIL_DOMAINS",
    "PUBLIC_SHORTENERS",
    "find_emails",
    "find_phone_numbers",
    "find_support_contact",
    "find_urls",
    "registrable_domain",
    "url_host",
]

# Shared link shorteners carriers filter (AT&T's published list, rules.md R085) plus common others.
PUBLIC_SHORTENERS: frozenset[str] = _words(
    """
    bit.ly bitly.com j.mp tinyurl.com goo.gl ow.ly is.gd t.co tiny.cc bc.vc budurl.com clicky.me
    lc.chat s2r.co soo.gd rb.gy cutt.ly shorturl.at buff.ly rebrand.ly t.ly short.io shorte.st
    adf.ly v.gd qr.ae x.co lnkd.in db.tt qr.net 1url.com tweez.me snip.ly bl.ink tiny.one
    shrtco.de shorturl.com tinycc.com urlz.fr u.to po.st mcaf.ee su.pr yourls.org dub.sh
    linktr.ee lnk.to hyperurl.co t2m.io kutt.it rotf.lol 2.gp han.gl me2.do zpr.io surl.li
    bit.do ity.im q.gs vzturl.com tr.im cli.gs shorl.com chilp.it clck.ru
    """
)

# Free webmail domains: a brand support address on one of these fails R003.
FREE_MAIL_DOMAINS: frozenset[str] = _words(
    """
    gmail.com googlemail.com yahoo.com yahoo.co.uk ymail.com rocketmail.com outlook.com
    hotmail.com hotmail.co.uk live.com msn.com passport.com aol.com aim.com icloud.com me.com
    mac.com protonmail.com protonmail.ch proton.me pm.me gmx.com gmx.net gmx.us mail.com
    email.com zoho.com zohomail.com comcast.net att.net sbcglobal.net bellsouth.net verizon.net
    cox.net charter.net earthlink.net optonline.net frontier.com frontiernet.net windstream.net
    centurylink.net q.com juno.com netzero.net netzero.com yandex.com yandex.ru mail.ru inbox.com
    fastmail.com fastmail.fm hushmail.com tutanota.com tuta.io lycos.com excite.com rediffmail.com
    rr.com roadrunner.com twc.com spectrum.net ptd.net embarqmail.com suddenlink.net mediacom.net
    cableone.net wowway.com rcn.com hey.com duck.com usa.net myyahoo.com
    """
)

# Two-label public suffixes (and website-builder hosts, which act as one): the registrable
# domain is one label more than these.
_MULTI_SUFFIXES = _words(
    """
    co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk sch.uk nhs.uk com.au net.au org.au
    edu.au gov.au asn.au id.au co.nz org.nz net.nz govt.nz ac.nz co.za org.za gov.za com.br
    net.br org.br com.mx org.mx gob.mx co.jp ne.jp or.jp ac.jp go.jp co.kr or.kr com.cn net.cn
    org.cn com.hk com.sg com.tw com.my com.ph com.pk com.sa com.ua com.vn com.ar com.co com.tr
    com.pe com.ec com.uy com.ve com.gt com.do com.pr co.in net.in org.in firm.in gen.in ind.in
    co.il org.il co.id or.id co.th in.th com.eg com.ng com.gh co.ke gc.ca qc.ca on.ca bc.ca ab.ca
    github.io gitlab.io herokuapp.com myshopify.com wixsite.com squarespace.com weebly.com
    wordpress.com blogspot.com netlify.app vercel.app web.app firebaseapp.com pages.dev
    godaddysites.com business.site carrd.co square.site webflow.io azurewebsites.net
    glitch.me repl.co onrender.com fly.dev mystrikingly.com jimdosite.com site123.me
    wpengine.com wpcomstaging.com editorx.io framer.website
    """
)

# TLDs a bare "name.tld" may end in. Real TLDs that are also file extensions (.md, .py, .zip)
# are left out on purpose; ones that are English words need a path ("maple.in/book").
_TLD_WORDS = _words(
    """
    academy accountant ae ag agency ai am apartments app ar attorney au auto baby bar be beauty
    beer bg bike biz blog boston boutique br builders bz ca cafe capital care cars catering cc
    center ch charity church cl city cleaning clinic cloud club cn co coach codes coffee com
    community company construction consulting contractors cy cz de delivery dental dentist
    design dev digital dk do ee eg email energy es estate events express family farm fi finance
    financial fitness fm food foundation fr fun fund games garden gd gives gl global golf gov gp
    gr group gs hair health healthcare hk homes house hr hu id ie il in info insurance int io is
    it jewelry jp ke kids kitchen kr la land law lawyer lc legal li life limo link live loans
    london love lt lu lv ly makeup management market marketing me media menu miami mil mobi
    money ms mt mx my name net network news ng ngo nl no nyc nz one online org page partners pe
    pet pets ph photo photography pizza pl plumbing pro properties property pt realty recipes
    rentals repair restaurant ro ru run sa salon school se services sg sh shop shopping site sk
    skin so software solutions spa space st store studio supply support systems tax taxi team
    tech th to today tools tours tr training travel tv tw ua uk us vc vegas ventures vet vip vn
    website wedding wine works world ws xyz yoga za
    """
)
_TLDS = "|".join(sorted(_TLD_WORDS, key=lambda w: (-len(w), w)))
_PLAIN_TLDS = _words("com net org edu gov io co us biz info")
_WORDY_TLDS = _words("me in is it at to be no so do am my id gs gp st sh")

_EMAIL = re.compile(
    r"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}"
    r"(?:@|\s?[\[(]at[\])]\s?)"
    r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?(?:\.|\s?[\[(]dot[\])]\s?)){1,6}[a-z]{2,24}"
    r"(?![a-z0-9\-])"
)
_URL_TAIL = r"(?:[:/?#][^\s<>\"'`{}|\\^]{0,2048})?"
_URL = re.compile(
    r"(?<![a-z0-9@.\-/_%+])(?=[a-z0-9])(?:"
    r"(?:https?|ftp)://[^\s<>\"'`{}|\\^]{1,2048}"
    rf"|www\d{{0,3}}\.[a-z0-9\-]{{1,63}}(?:\.[a-z0-9\-]{{1,63}}){{1,6}}{_URL_TAIL}"
    r"|(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.){1,6}"
    rf"(?P<tld>{_TLDS}))(?![a-z0-9\-_@]){_URL_TAIL}"
    r")"
)
_TRAILING = ".,;:!?'\"*>"

_PHONE = Anchored(
    re.compile(
        r"(?<![\w#$/@.+\-])(?=[+(\[0-9])(?:"
        r"(?:(?:\+|00)?1[\s.\-]?)?(?:\([2-9]\d{2}\)|\[[2-9]\d{2}\]|[2-9]\d{2})[\s.\-]{0,2}"
        r"[2-9]\d{2}[\s.\-]?\d{4}(?![\w\-]|[.,]\d)"
        # toll-free vanity numbers: 1-800-FLOWERS
        r"|(?:1[\s.\-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.\-]?"
        r"(?=[a-z0-9\-]{7,8}(?![\w\-]))(?=[\d\-]{0,7}[a-z])[a-z0-9]{3}-?[a-z0-9]{4}(?![\w\-])"
        r")"
    )
)
_NOT_PHONE_LEFT = re.compile(
    r"(?:\b(?:order|confirmation|conf|invoice|inv|account|acct|tracking|ref|reference|ticket|case"
    r"|transaction|txn|claim|policy|member|customer|loan|booking|reservation|serial|model|sku"
    r"|item|po|id|isbn|routing|card|code|pin|otp|ein|tax\sid)\b[^a-z]{0,3}(?:#|no\.?|number|num"
    r"|id|code)?[\s:#.]{0,3}|#\s?|\$\s?)$"
)


Spans = tuple[tuple[int, int], ...]
_SMALL = 4096


def _memo_small(find: Callable[[Folded], Spans]) -> Callable[[Folded], Spans]:
    """Memoise a span finder for field-sized texts: rules ask for the links, emails and numbers
    of the same few fields many times in one lint. `fold` hands out one `Folded` per text, and
    the cache keeps that object (its key, by identity) alive, so an entry is never confused.
    Web pages are left out: big, and each is read once."""
    cached = lru_cache(maxsize=256)(find)

    def spans(folded: Folded) -> Spans:
        return cached(folded) if len(folded.text) <= _SMALL else find(folded)

    return spans


@_memo_small
def _email_spans(folded: Folded) -> Spans:
    t = folded.text
    if "@" not in t and "at]" not in t and "at)" not in t:
        return ()  # the usual case, decided at C speed
    return tuple(m.span() for m in _EMAIL.finditer(t))


def _trim_url(t: str, a: int, b: int) -> int:
    while b > a and t[b - 1] in _TRAILING:
        b -= 1
    while b > a and t[b - 1] == ")" and t.count("(", a, b) < t.count(")", a, b):
        b -= 1
        while b > a and t[b - 1] in _TRAILING:
            b -= 1
    return b


@_memo_small
def _url_spans(folded: Folded) -> Spans:
    t = folded.text
    emails = _email_spans(folded)
    spans: list[tuple[int, int]] = []
    for m in _URL.finditer(t):
        a, b = m.span()
        if any(ea <= a < eb for ea, eb in emails):
            continue
        tld = m.group("tld")
        if (
            tld
            and tld not in _PLAIN_TLDS
            and folded.original[folded.offset(m.start("tld"))].isupper()
        ):
            continue  # "help.Support": a missing space after a full stop, not a domain
        if tld in _WORDY_TLDS:
            host = m.group("host")
            has_path = b > m.end("host") + 1
            second = host.rsplit(".", 2)[-2] if host.count(".") >= 2 else ""
            if not (has_path or host in PUBLIC_SHORTENERS or second in ("co", "com", "org", "net")):
                continue
        b = _trim_url(t, a, b)
        if b - a > 3:
            spans.append((a, b))
    return tuple(spans)


@_memo_small
def _phone_spans(folded: Folded) -> Spans:
    t = folded.text
    out = []
    for m in _PHONE.finditer(t):
        if _NOT_PHONE_LEFT.search(t, max(0, m.start() - 30), m.start()):
            continue
        out.append(m.span())
    return tuple(out)


def _matches(folded: Folded, spans: Spans) -> list[Match]:
    out = []
    for a, b in spans:
        hit = folded.match(a, b)
        if hit is not None:
            out.append(hit)
    return out


def find_emails(text: str) -> list[Match]:
    """Email addresses, including "name [at] domain [dot] com"."""
    if not text:
        return []
    folded = fold(text)
    return _matches(folded, _email_spans(folded))


def find_urls(text: str) -> list[Match]:
    """Web addresses with or without a scheme; never an email address or "e.g."."""
    return list(_urls(text)) if text else []


@memo_small(256)  # a dozen rules ask for the links of the same two or three fields
def _urls(text: str) -> tuple[Match, ...]:
    folded = fold(text)
    return tuple(_matches(folded, _url_spans(folded)))


def find_phone_numbers(text: str) -> list[Match]:
    """US/NANP phone numbers in any common format (+1, (512) 447-0198, 512.447.0198, 5124470198).

    Not order/account numbers, dates, ZIP codes or prices; seven-digit local numbers are not
    recognised (too easily confused with other numbers).
    """
    if not text:
        return []
    folded = fold(text)
    return _matches(folded, _phone_spans(folded))


def find_support_contact(text: str) -> Match | None:
    """The first email address, US phone number or web address in the text."""
    if not text:
        return None
    folded = fold(text)
    spans = _email_spans(folded) + _phone_spans(folded) + _url_spans(folded)
    for a, b in sorted(spans):
        hit = folded.match(a, b)
        if hit is not None:
            return hit
    return None


_HOST_OK = re.compile(r"[^\s/\\?#@:]{1,253}")


@memo_small(1024)  # the same few links are asked about by many rules
def url_host(url: str) -> str | None:
    """Lowercase host of a URL without "www.", with or without a scheme; None if there is none."""
    u = url.strip().strip("<>\"'()[]") if url else ""
    if not u or u.lower().startswith(("mailto:", "tel:", "sms:", "javascript:", "data:")):
        return None
    if "://" not in u[:16]:
        if "@" in u.split("/", 1)[0]:  # an email address, not a URL
            return None
        u = "//" + u
    try:
        host = urlsplit(u).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.strip().rstrip(".").lower()
    if not _HOST_OK.fullmatch(host) or ("." not in host and host != "localhost"):
        return None
    if host.startswith("www."):
        host = host[4:]
    return host or None


@memo_small(1024)
def registrable_domain(host: str) -> str:
    """The domain a business registers: "shop.maple.co.uk" -> "maple.co.uk".

    Built on a small built-in list of two-label suffixes (co.uk, com.au, ...) and website-builder
    hosts (myshopify.com, wixsite.com, ...), where each customer's subdomain is their own site.
    """
    h = host.strip().lower().rstrip(".")
    if "/" in h or ":" in h:
        h = url_host(h) or h
    if h.startswith("www."):
        h = h[4:]
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", h):
        return h
    labels = [x for x in h.split(".") if x]
    if len(labels) <= 2:
        return ".".join(labels)
    if ".".join(labels[-2:]) in _MULTI_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
