"""Template text left in a submission: "(company)", "[Business Name]", "{brand}", "xxx-xxx-xxxx".

Only placeholders for the SENDER's identity count (company, brand, email, phone, website,
address, policy date). Bracketed CUSTOMER variables - "[first name]", "[date]", "[order #]" - are
how TCR wants variable content shown in samples (rules.md R083) and are never reported.
"""

from __future__ import annotations

import re
from functools import lru_cache

from consentry.phrases.literals import Anchored
from consentry.phrases.normalize import Folded, Match, fold
from consentry.phrases.scan import first, first_of, is_capitalised

__all__ = ["find_placeholder", "is_customer_variable"]

_DELIMITED = re.compile(
    r"\{\{\s?(?P<c2>[^{}\n]{1,80}?)\s?\}\}"
    r"|<<\s?(?P<a2>[^<>\n]{1,80}?)\s?>>"
    r"|\*\|(?P<mc>[^|*\n]{1,80})\|\*"
    r"|%%?(?P<pct>[a-z][a-z0-9_ ]{0,30}?)%%?"
    r"|\[\s?(?P<sq>[^\[\]\n]{1,80}?)\s?\]"
    r"|\{\s?(?P<c1>[^{}\n]{1,80}?)\s?\}"
    r"|<\s?(?P<a1>[^<>\n]{1,80}?)\s?>"
    r"|\((?P<par>[^()\n]{1,80}?)\)"
)
_GROUPS = ("c2", "a2", "mc", "pct", "sq", "c1", "a1", "par")

_PREFIX = re.compile(r"^(?:(?:your|the|our|my)\s)?")
_INSTRUCTION = re.compile(
    r"(?:insert|enter|add|put|type|fill\sin|replace\swith|describe|list|include|paste)\b"
)
# Words that make a blank stand for the sender: its name, or how to reach it.
_SENDER_WORD = re.compile(
    r"\b(?:company|companies|business|brand|organi[sz]ation|org|firm|practice|store|shop|agency"
    r"|merchant|dba|sender|employer|program|campaign|clinic|restaurant|salon|legal\sname"
    r"|trade\sname|e-?mail|email\sid|phone|tel|telephone|website|web\s?site|url|domain"
    r"|toll[\s-]?free|privacy|terms|t&c|policy|keyword|short\s?code|insert|contact\s(?:info"
    r"|information|details|number|email))\b|^_{2,}$"
)
# Words that make a blank a per-recipient variable ("[first name]", "[order #]"); the weak ones
# give way to a sender word ("[privacy policy link]" is the sender's).
_RECIPIENT_WORD = re.compile(
    r"\b(?:first|last|full|fname|lname|nickname|customer|client|patient|member|guest|recipient"
    r"|user|tenant|student|parent|subscriber|order|appointment|appt|tracking|account|invoice"
    r"|staff|employee|therapist|teacher|coach|instructor|installer|driver|cleaner|groomer"
    r"|otp|pin|amount|balance|total|price|cost|reservation|booking|delivery|pickup|item|items"
    r"|product|points|reward|discount|offer|percent|eta|vehicle|pet|doctor|dr|provider"
    r"|technician|stylist|agent|rep|due|slot"
    # more people a message names ("[tech name] is on the way"): staff, not the sender
    r"|tech|techs|nurse|dentist|hygienist|physician|assistant|advisor|adviser|specialist"
    r"|consultant|representative|manager|caregiver|trainer|mechanic|plumber|electrician|courier"
    r"|counselor|tutor|volunteer|barber|artist|photographer|realtor|broker|coordinator"
    r"|inspector|crew|worker|host|server|sitter|walker|guide|nanny)\b"
)
_WEAK_RECIPIENT_WORD = re.compile(
    r"\b(?:time|day|month|year|link|status|unit|room|class|course|event|reason|details|message|code"
    r"|race|split|station|stage|session|package|plan|venue|trip|tour|game|ticket|seat|lesson"
    r"|branch|x+|\d+)\b|#|%"
)
_AMBIGUOUS = re.compile(
    r"(?:\w+\s){0,2}(?:address|number|date|city|state|zip(?:\scode)?|hours|location|name)"
)
# When an ambiguous blank ("[address]", "(Date)", "[name]") stands for the sender's details.
_CUE_DATE = re.compile(
    r"\b(?:effective|updated|revised|dated|modified|last\supdated|posted)(?:\s(?:date|on|as\sof))?"
    r"\s?:?\s?$"
)
_CUE_PLACE = re.compile(
    r"\b(?:our|us\sat|visit|located\sat|office|store|find\sus\sat|headquartered\sat|mail\sto"
    r"|write\sto|stop\sby|come\sby|address|open)\s?:?\s?$"
)
_CUE_NUMBER = re.compile(
    r"\b(?:call|text|reach|contact|us\sat|our|phone|tel|dial|at|(?:text|txt|send|reply)\s\S{1,15}"
    r"\sto)\s?:?\s?$"
)
_CUE_NAME = re.compile(
    r"\b(?:from|contacting|texting|joining|choosing|with|by|team|at|subscribing\sto|welcome\sto"
    r"|messages\sfrom|is|for)\s?:?\s?$"
)
_GREETING = re.compile(
    r"\b(?:hi|hello|hey|dear|thanks|thank\syou|welcome|congrats|good\smorning)\W*$"
)
_PROSE = re.compile(
    r"\s?(?:see|view|read|visit|per|as|incl|including|e\.g|i\.e|via|at|on|in|from|for|by|with|and"
    r"|or|if|such)\b"
)

_PROSE_INSIDE = re.compile(r"\s(?:via|using|through|is|are|was|were|\+|=)\s", re.IGNORECASE)

_BARE = Anchored(
    re.compile(
        r"\b(?=\w)(?:"
        r"(?:xyz|sample|example|your|insert)\s(?:company|business|brand|corp(?:oration)?|inc|llc|store"
        r"|shop)(?:\s(?:name|here))?\b"
        r"|(?:company|business|brand)\s(?:xyz|name\shere)\b"
        r"|insert\s(?:\w+\s){0,2}?(?:here|name|company|business|brand|email|phone|number|url|link"
        r"|website|address)\b|insert\b"
        r"|(?:x{3}|\d{3})[\s.\-]?x{3}[\s.\-]?x{4}\b"
        r"|(?:555[\s.\-]?555[\s.\-]?5555|123[\s.\-]?456[\s.\-]?7890|000[\s.\-]?000[\s.\-]?0000)"
        r"(?![\w\-])"
        r"|(?:example|yourdomain|yourwebsite|yourcompany|yoursite|yourbusiness|companyname"
        r"|businessname|yourbrand)\.(?:com|net|org)\b"
        r"|lorem\sipsum\b|_{3,}|tbd\b|tba\b|to\s(?:x{5,6}|#{5,6})(?![\w#])"
        r"|(?P<titled>(?:company|business|brand|committee|organi[sz]ation|store|office|practice"
        r"|campaign|program|clinic|restaurant|shop|agency|firm)\sname)\b"
        r")"
        r"|\((?:x{3}|555)\)\s?(?:x{3}|555)[\s.\-]?(?:x{4}|5555)\b"
    )
)
_ALIAS = re.compile(r"\s?(?:dba|d/b/a|d\.b\.a\.?|doing[\s-]business[\s-]as|aka|a/k/a|formerly)\s")
_ASKING = re.compile(
    r"\b(?:enter|provide|type|include|add|submit|update|with|what\sis|is|confirm|list|input)\s$"
)


@lru_cache(maxsize=2048)  # the same few blanks ("first name", "date") recur across campaigns
def _core(inner: str) -> str:
    s = re.sub(r"[_\-.:]+", " ", inner.strip().lower())
    s = re.sub(r"(?<=[a-z])(?=(?:name|number|address|url)\b)", " ", s)  # companyname, emailaddress
    s = " ".join(s.split())
    return _PREFIX.sub("", s).strip()


@lru_cache(maxsize=2048)
def _classify(inner: str) -> str:
    """ "sender", "recipient", "ambiguous" or "other" for the text inside a blank."""
    if re.search(r"@|\.[a-z]{2,}\b|\d{3}", inner):
        return "other"  # a real address, URL or number was filled in
    raw = " ".join(inner.strip().lower().split())
    if _INSTRUCTION.match(raw) and len(raw.split()) > 1:
        return "sender"  # "[insert company name]", "<Insert program names, e.g., ...>"
    core = _core(inner)
    if not core or len(core.split()) > 6:
        return "other"
    if _RECIPIENT_WORD.search(core):
        return "recipient"
    if _SENDER_WORD.search(core):
        return "sender"
    if _WEAK_RECIPIENT_WORD.search(core):
        return "recipient"  # "[event_name]", "[class name]": what the message is about
    if re.fullmatch(r"(?:[a-z]+\s){1,3}name", core):
        return "sender"  # "[YOUR OFFICE NAME]", "[team name]"
    if _AMBIGUOUS.fullmatch(core):
        return "ambiguous"
    return "other"


def is_customer_variable(token: str) -> bool:
    """True for a bracketed per-recipient variable such as "[first name]", "[date]", "[order #]".

    Context-free: "[address]" and "[name]" count as customer variables here, although "Visit us
    at [address]" is reported by `find_placeholder`.
    """
    inner = (
        re.sub(r"^[\s\[\]{}()<>%*|]+|[\s\[\]{}()<>%*|]+$", "", fold(token).text) if token else ""
    )
    kind = _classify(inner)
    return kind == "recipient" or (kind == "ambiguous" and not _core(inner).endswith("hours"))


def _delimited_ok(folded: Folded, m: re.Match[str]) -> bool:
    group = next(g for g in _GROUPS if m.group(g) is not None)
    inner = m.group(group)
    if group == "par" and (
        re.search(r"[\"']", inner) or _PROSE.match(inner) or _PROSE_INSIDE.search(inner)
    ):
        # Maple LLC ("Company", "we") is a defined term; "(see our policy)" and "(email +
        # password via Clerk)" are prose
        return False
    if _ALIAS.fullmatch(inner.strip() + " "):
        return False  # "Tuned Yota is the DBA (doing-business-as) name of ...": a gloss
    alias = _ALIAS.match(inner)
    if alias is not None and _classify(inner[alias.end() :]) != "sender":
        return False  # "Pro Craft Cleaning LLC (dba CLEENLY)" names the brand, it is no blank
    if group == "pct" and not is_capitalised(folded, m.start(group), m.end(group)):
        return False  # "%company%" templates are written in capitals; "20% of 30%" is maths
    kind = _classify(inner)
    if kind != "ambiguous":
        return kind == "sender"
    core = _core(inner)
    left = folded.text[max(0, m.start() - 30) : m.start()]
    if core == "name":
        return not _GREETING.search(left) and (not left.strip() or bool(_CUE_NAME.search(left)))
    last = core.split()[-1]
    cue = _CUE_DATE if last == "date" else _CUE_NUMBER if last == "number" else _CUE_PLACE
    return cue.search(left) is not None


def _bare_ok(folded: Folded, m: re.Match[str]) -> bool:
    word = m.group()
    if m.group("titled") is not None:
        # "from COMMITTEE NAME", "Thanks for contacting Company Name" - not "enter your company name"
        hit = folded.match(m.start(), m.end())
        return hit is not None and all(w[:1].isupper() for w in hit.text.split())
    if word == "insert":
        return is_capitalised(folded, m.start(), m.end())
    if word.startswith("your "):
        return _ASKING.search(folded.text, max(0, m.start() - 20), m.start()) is None
    return True


def _delimited(folded: Folded) -> Match | None:
    return first(folded, _DELIMITED, _delimited_ok)


def _bare(folded: Folded) -> Match | None:
    return first(folded, _BARE, _bare_ok)


def find_placeholder(text: str) -> Match | None:
    """Sender-identity template text: "[company name]", "(Company)", "{brand}", "<business name>",
    "XYZ Company", "(email)", "(tel)", "your company name", "INSERT", "xxx-xxx-xxxx"."""
    return first_of(text, (_delimited, _bare))
