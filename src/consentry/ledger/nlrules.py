"""Natural-language revocation rules (English and Spanish) for the keyword engine.

Patterns run on one normalised clause at a time (lowercase, no accents, tokens joined by single
spaces). Three kinds:
- CLEAR: an unambiguous request to stop texting -> opt_out (the FCC's "any reasonable means").
- DOUBT: could be a revocation, a complaint or a partial restriction -> review by a person.
- GUARD: uses a keyword for something else ("stop by", "cancel my appointment", "don't stop").
Rules describe language, not particular messages: each names a construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "BOOKING",
    "CLEAR",
    "DOUBT",
    "GUARD",
    "KEEP_SOME",
    "MSG_WORD",
    "NEGATORS",
    "POSITIVE",
    "QUALIFIERS",
    "Rule",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATORS = _words(
    "don't dont do not never can't cant cannot won't wont couldn't couldnt didn't didnt "
    "wouldn't wouldnt shouldn't shouldnt isn't isnt aren't arent"
)

# Things a text program sends; a keyword verb whose object is one of these is about the texts.
MSG = (
    r"(?:texts?|txts?|sms|smss|messages?|msgs?|msjs?|notifications?|notifs?|alerts?|reminders?"
    r"|promos?|promotions?|promotional \w+|offers?|deals?|ads?|adverts?|spam|marketing|updates?"
    r"|emails?|calls?|crap|shit|junk|bs|nonsense|stuff|things|texting|messaging)"
)
MSG_WORD = re.compile(MSG)
_DET = (
    r"(?:(?:all|the|these|those|your|ur|my|this|that|any|more|of|with|receiving|getting|"
    r"sending|such|stupid|damn|fucking|f\w*ing|annoying|automated|marketing|text|promotional|"
    r"anymore|further|other|sales|daily|weekly|these|those|y'all's|company)\s)*"
)
_ME = (
    r"(?:me|us|my (?:number|phone|cell|phone number|cell number|line|info|contact|name|details|data)"
    r"|this (?:number|phone|line|cell))"
)
_VERB_CONTACT = r"(?:text|txt|message|msg|contact|call|sms|email|spam|hit me up|bother|harass)"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    confidence: float = 0.9
    negatable: bool = True  # a negator just before the match voids it ("don't stop sending")
    whole: bool = False  # only when the clause is the whole message ("No" alone, not "No, 4pm")


def _r(
    name: str, pattern: str, confidence: float = 0.9, *, negatable: bool = True, whole: bool = False
) -> Rule:
    return Rule(name, re.compile(pattern), confidence, negatable, whole)


CLEAR: tuple[Rule, ...] = (
    # "stop texting me", "quit sending me this crap", "stop f***ing texting me"
    _r(
        "stop-contacting",
        r"\b(?:stop|quit|cease|end)\s(?:\w+ing\s)?(?:texting|txting|messaging|msging|contacting"
        r"|calling|emailing|bothering|spamming|harassing|hitting me up|sending|with the|replying"
        r"|responding|writing|pinging|reaching out|following up)\b",
    ),
    # "stop the texts", "end these messages", "cancel my texts", "stop notifications"
    _r("stop-messages", rf"\b(?:stop|end|cancel|quit|cease|unsubscribe)\s{_DET}(?:\w+\s)?{MSG}\b"),
    # "I want these texts to stop", "make it stop"
    _r(
        "want-them-to-stop",
        rf"\b(?:want|need|like)\s(?:these|those|the|your"
        rf"|this|it|them|all|ur)\s(?:\w+\s)?(?:{MSG}\s)?"
        r"to (?:stop|end)\b|\bmake (?:it|them|this|these)"
        r" stop\b",
    ),
    # "...but stop", "idk who this is but stop": the keyword closing a clause after a conjunction
    _r(
        "then-stop",
        r"\b(?:but|so|just|and|now|then)\s(?:please\s|pls\s)?(?:stop|unsubscribe|quit)$"
        r"|^(?:can|could|would|will) (?:you|u|ya|y'all) (?:please |pls |just )?(?:stop|quit"
        r"|unsubscribe me|remove me|take me off)$",
    ),
    _r("no-more-alone", r"^(?:please |pls )?no more(?: please| pls| thanks| thank you| thx)?$"),
    # "revoke consent", "I withdraw my consent to receive texts"
    _r(
        "revoke-consent",
        r"\b(?:revoke|revoking|withdraw|withdrawing|rescind|cancel|remove)\s(?:my\s|all\s|any\s)?"
        r"(?:consent|permission|authorization|authorisation|agreement|opt in|optin)\b"
        r"|\b(?:retiro|revoco|cancelo) mi (?:consentimiento|autorizacion|permiso)",
    ),
    _r(
        "not-be-contacted",
        r"\b(?:don't|dont|do not|no longer|never)\s(?:want"
        r"|wish|like|care) to be (?:contacted|texted"
        r"|messaged|called|on (?:your|this|the) list)",
        negatable=False,
    ),
    # "cancel my subscription to these texts"
    _r(
        "cancel-subscription-to-texts",
        rf"\b(?:cancel|end|stop)\s(?:my\s)?(?:subscription"
        rf"|membership)\s(?:to|from|for)\s{_DET}{MSG}",
    ),
    # "stop it", "stop this", "stop now" at the end of a clause
    _r("stop-it", r"\b(?:stop|quit|end)\s(?:it|this|that|them|these|now|already|asap)$", 0.85),
    # "take me off your list", "remove my number", "get me off this list"
    _r(
        "remove-me",
        rf"\b(?:take|remove|delete|drop|erase|get|scratch|cross)\s{_ME}(?:\s\w+){{0,3}}\s"
        r"(?:off|from|out of)\b",
    ),
    _r("remove-me-end", rf"\b(?:remove|delete|erase|unsubscribe|unsub|drop)\s{_ME}\b"),
    _r("opt-me-out", r"\b(?:opt|sign|take)\s(?:me|us)\s(?:out|off)\b"),
    # "I don't want these texts", "I no longer wish to receive messages"
    _r(
        "do-not-want",
        rf"\b(?:don't|dont|do not|no longer|never|not)\s(?:\w+\s)?(?:want|wish|need|like)\s"
        rf"(?:\w+\s){{0,5}}(?:{MSG}|these|them)\b",
        negatable=False,
    ),
    # "I want to unsubscribe", "I'd like to opt out", "I want out"
    _r(
        "want-out",
        r"\b(?:want|wish|like|need|trying|asking)\sto\s(?:unsubscribe|unsub|opt out|optout"
        r"|be removed|be taken off|stop (?:receiving|getting)|cancel (?:the |these |all )?texts)"
        r"|\bi want out\b",
    ),
    # "how do I stop these texts?", "how do i unsubscribe"
    _r(
        "how-to-stop",
        r"\bhow (?:do|can|would) (?:i|we|you) (?:unsubscribe"
        r"|unsub|opt out|optout|get off|be removed"
        r"|stop (?:these|this|the|them|receiving|getting|all|your))",
    ),
    # "no more texts", "no more reminders please", "no promos"
    _r("no-more", rf"\b(?:no|not any|nothing)\s(?:more\s)?(?:{MSG})\b(?!\s(?:yet|today))"),
    # "don't text me", "do not contact me again", "never text me again", "please don't send texts"
    _r(
        "do-not-contact",
        rf"\b(?:don't|dont|do not|never|pls don't|please don't|please do not)\s(?:ever\s)?"
        rf"{_VERB_CONTACT}(?:\s{_ME}|\s(?:again|anymore|any more)|$)",
        negatable=False,
    ),
    _r(
        "do-not-send",
        rf"\b(?:don't|dont|do not|never)\s(?:ever\s)?send\s(?:me\s|us\s)?{_DET}{MSG}",
        negatable=False,
    ),
    _r("leave-me-alone", r"\b(?:leave (?:me|us) alone|lose my number|go away)\b", 0.85),
    # Idioms for "stop it"
    _r("cut-it-out", r"\b(?:cut it out|knock it off|give it a rest|quit it)\b", 0.8),
    _r("cease-desist", r"\bcease and desist\b|\bcease\b"),
    _r("profanity-off", r"\b(?:f+u+c*k+|f\W*|eff) off\b|\bstfu\b|\bpiss off\b", 0.8),
    # Wrong number / wrong person: the subscriber is not who consented.
    _r(
        "wrong-number",
        r"\bwrong (?:number|person|phone|#|guy|girl|lady|man)\b|\bnot (?:the )?(?:right|correct)"
        r" (?:number|person)\b",
        0.85,
    ),
    _r("not-their-number", r"\bnot \w+'s (?:number|phone|cell)\b|\bno longer \w+'s", 0.85),
    # Spanish: "no me manden más mensajes", "dejen de enviarme", "quítenme de la lista"
    _r(
        "es-no-manden",
        r"\bno (?:me |nos )?(?:manden|mande|mandes|envien|envie|envies|escriban|escribas"
        r"|textees|texteen|contacten|llamen|enviar|mandar|escribir|molesten|moleste|molestar)\b",
        negatable=False,
    ),
    _r(
        "es-dejen-de",
        r"\b(?:dejen|deja|deje|dejar|dejes|paren|para|pare) de (?:mandar|enviar|escribir|textear"
        r"|contactar|llamar|molestar)",
    ),
    _r(
        "es-no-quiero",
        r"\b(?:no|ya no|nunca) (?:quiero|deseo|necesito) (?:\w+ ){0,3}"
        r"(?:mensajes|textos|msjs|sms|notificaciones|promociones)",
        negatable=False,
    ),
    _r(
        "es-quitar-de-lista",
        r"\b(?:quitar|sacar|borrar|eliminar)(?:me)? de (?:la|su|tu|esta|sus) lista"
        r"|\b(?:me )?(?:pueden|puede|podrian|podria) (?:quitar|sacar|borrar|eliminar)\b",
    ),
    _r(
        "es-quitenme",
        r"\b(?:quitenme|quitame|sacame|saquenme|borrenme|borrame|eliminenme|eliminame|remuevanme)\b"
        r"|\b(?:quiten|saquen|borren|eliminen|remuevan) (?:mi|este) (?:numero|telefono|celular)",
    ),
    _r("es-baja", r"\b(?:darme|denme|dame|dar|doy|quiero|quiero la|solicito) (?:de )?baja\b"),
    _r("es-no-mas", r"\b(?:ya )?no mas (?:mensajes|textos|msjs|sms|notificaciones)\b"),
    _r("es-equivocado", r"\bnumero equivocado\b|\bse equivoc\w+ de (?:numero|persona)\b", 0.85),
)

DOUBT: tuple[Rule, ...] = (
    _r("not-interested", r"\bnot interested\b|\bno me interesan?\b|\bno estoy interesad", 0.6),
    _r(
        "im-good",
        r"^(?:no |nah |nope )?(?:i'm|im|i am) (?:good|ok"
        r"|okay|fine|set|all set)(?: thanks| thank you"
        r"| thx| ty)?$",
        0.45,
        whole=True,
    ),
    _r("dont-know-you", r"\bi (?:don't|dont|do not) know (?:you|who (?:you are|this is))\b", 0.5),
    _r(
        "not-this-person",
        r"\b(?:this is not|this isn't|this isnt|i'm not|im not|i am not) [a-z]+$"
        r"|\bbelongs to (?:someone|somebody) else\b|\bsomeone else's (?:phone|number)"
        r"|\bnot (?:my|the) (?:phone|number) anymore\b",
        0.5,
    ),
    _r(
        "es-por-que",
        r"\bpor ?que me (?:escriben|mandan|envian|textean|llaman|siguen)"
        r"|\bquien (?:le |te |les |me )?(?:dio|dieron|paso) mi numero"
        r"|\b(?:de donde|como) (?:sacaron|consiguieron|obtuvieron"
        r"|tienen|tiene|saco|consiguio|obtuvo)"
        r" mi numero",
        0.55,
    ),
    _r(
        "frequency",
        r"\b(?:change|reduce|lower|limit) (?:how often|the frequency|frequency|how many)",
        0.5,
    ),
    _r("no-thanks", r"\bno (?:thanks|thank you|thx|ty|gracias)\b", 0.5),
    _r(
        "how-got-number",
        r"\b(?:how'd|howd|where'd) (?:you|u|y'all|they) (?:get|find|got) (?:my|this)"
        r"|\b(?:how|where|why) (?:did|do|does|would) (?:you"
        r"|u|y'all|they) (?:get|have|find|obtain|got)"
        r" (?:my|this) (?:number|info|contact|phone|cell)|\bwho gave (?:you|u) (?:my|this)\b",
        0.6,
    ),
    _r(
        "never-signed-up",
        r"\b(?:never|didn't|didnt|did not|don't remember|dont remember)\s(?:\w+\s){0,2}(?:sign"
        r"|signed|subscribe|subscribed|opt|opted|agree|agreed|ask|asked|gave|give|consent|consented"
        r"|authorize|authorized|permission)|\b(?:nunca|no)"
        r" me (?:registre|suscribi|inscribi|apunte)\b",
        0.6,
    ),
    _r(
        "spam-complaint",
        r"\bspam\b|\breport(?:ed|ing)?\b|\bharass\w*|\bscam\w*"
        r"|\bblock(?:ed|ing)? (?:you|this|your|u)\b",
        0.6,
    ),
    _r(
        "why-keep-texting",
        r"\bwhy (?:do|are|does|is) (?:you|this|u) (?:keep |still |always )?(?:texting|messaging"
        r"|sending|contacting)|\bwhy (?:do|am) i (?:keep |still )?(?:getting|receiving|get)",
        0.55,
    ),
    _r(
        "partial-restriction",
        r"\b(?:after|before) \d|\bonly (?:text|message|send|want|on)\b|\btoo (?:many|often)\b"
        r"|\b(?:text|message|send|contact)\w* (?:me |us )?(?:so"
        r"|too|way too) (?:often|much|early|late)"
        r"|\bfewer\b|\bless (?:often|texts|messages)\b"
        r"|\b(?:text|message|msg|contact)\w* (?:me |us )?less\b"
        r"|\b(?:just|only) (?:send|text) (?:me |us )?(?:the )?important"
        r"|\bduring (?:work|business|school) hours\b",
        0.5,
    ),
    _r(
        "enough",
        r"^(?:enough|enough already|that's enough|thats enough|basta|enough is enough)$",
        0.5,
        whole=True,
    ),
    _r(
        "bare-no",
        r"^(?:please |pls )?(?:no|nope|nah|no no|no way)(?: please| pls)?$",
        0.4,
        whole=True,
    ),
    _r(
        "not-now",
        r"^(?:no )?(?:not now|not today|not right now|maybe later|not at this time|later)"
        r"(?: thanks| thank you| thx| ty)?$",
        0.4,
        whole=True,
    ),
    _r("para", r"^(?:para|para ya|ya para|fin)$", 0.5, whole=True),
    _r(
        "cancel-account",
        r"\bcancel(?:l?ed|ling)? (?:my |the |our )?(?:subscription"
        r"|membership|account|plan|service)\b"
        r"|\bcancelar (?:mi |la |su )?(?:suscripcion|membresia|cuenta)\b"
        r"|\b(?:quiero|necesito|deseo) cancelar$"
        r"|\b(?:end|stop|cancel|quit) (?:my |the |this |our )?(?:subscription|membership|plan)\b"
        r"|\b(?:want|like|need) to cancel$|^(?:can|could|may) (?:i|we) cancel$",
        0.5,
    ),
    _r(
        "not-the-person",
        r"\b(?:no longer|not) (?:a |your )?(?:patient|customer|client|member|student)"
        r"|\b(?:not|isn't|isnt|is not) my (?:appointment|account|order|reservation)"
        r"|\bnever made an appointment"
        r"|\bwrong (?:dentist|office|business|company|doctor|store|account)\b"
        r"|\b(?:passed away|deceased|died)\b|\bchanged my number\b|\bnew number\b"
        r"|\bupdate my number\b|\bno longer in service\b|\bmoved (?:to|away|out)\b"
        r"|\btake (?:my |your |our )?(?:\w+'s|his|her|their) number off",
        0.5,
    ),
    _r(
        "dismissive",
        r"\bmind your (?:own )?business\b|\bdon'?t care\b|\b(?:don'?t|do not) (?:need|want)"
        r" (?:this|these|it|that)\b|\b(?:go to hell|shut up|screw you|f\w* you|get lost)\b",
        0.45,
    ),
    _r(
        "asks-about-stopping",
        r"\b(?:reply|text|txt|send|say|type|respond|responder|contesto)\s(?:with\s)?"
        r"(?:stop|end|cancel|quit|unsubscribe|alto|baja)\b",
        0.5,
        negatable=False,
    ),
    _r("quien-es", r"\bquien es\b.*\bnumero\b", 0.5),
)

GUARD: tuple[Rule, ...] = (
    _r(
        "negated-verb",
        r"\b(?:don't|dont|do not|never|not|can't|cant|cannot|won't|wont|couldn't|couldnt"
        r"|didn't|didnt|wouldn't|wouldnt|no need to|not going to|not gonna)\s(?:\w+\s){0,2}"
        r"(?:stop|end|quit|cancel|unsubscribe|opt out|remove)\b",
        negatable=False,
    ),
    _r(
        "stop-phrasal",
        r"\bstop(?:ped|ping)?\s(?:by|in|over|at|on by|off|and (?:see|say|grab)|sign|light)\b"
        r"|\b(?:bus|pit|next|last|first|one|non|truck|rest|full)\sstop\b",
        negatable=False,
    ),
    _r(
        "end-of",
        r"\bend of\b|\bthe end\b|\b(?:when|what time|how long|what day)\b.*\b(?:end|ends|start)\b"
        r"|\bend (?:date|time)\b",
        negatable=False,
    ),
    _r(
        "cancel-booking",
        r"\b(?:cancel|cancelar)\s(?:(?:my|the|our|his|her|this|that|an?|mi|la|el|su)\s)?"
        r"(?:\w+\s)?(?:appointment|appt|order|reservation|booking|cleaning|visit|session|class"
        r"|meeting|consult|consultation|delivery|cita|pedido|reservacion|reserva|\d)",
        negatable=False,
    ),
    _r("es-no-pares", r"\bno (?:pares|paren|pare)\b", negatable=False),
    # "I sent the wrong number for my insurance": the sender's own mistake, not a wrong person.
    _r(
        "own-wrong-number",
        r"\b(?:i|we) (?:sent|gave|give|typed|entered|wrote|put|used|dialed|called|texted|have)"
        r" (?:you |them |in |down )?(?:the |a )?wrong (?:number|phone)\b",
        negatable=False,
    ),
)

# Talk of bookings: a bare "cancel" then means the appointment, not the texts.
BOOKING = re.compile(
    r"\b(?:reschedul\w*|rebook\w*|appointment|appt|booking|reservation|cita|sick|tomorrow|today"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+ ?(?:am|pm))\b"
)
# "...but keep my appointment reminders": a revocation of only part of the program.
KEEP_SOME = re.compile(
    r"\bbut (?:keep|still|i still|leave)\b|\bonly want\b|\bstill want\b|\bkeep (?:my |the )?"
    r"(?:appointment |appt )?(?:reminders|alerts|notifications)\b|\bexcept\b"
    r"|\bbut\b.*\b(?:are|is) (?:fine|ok|okay|good)\b"
)
# A time or frequency qualifier on an otherwise clear request: "stop texting me so often".
QUALIFIERS = re.compile(
    r"\b(?:(?:so|this|too) (?:often|much|early|late)|(?:after|before|past) \d|at night|on weekends"
    r"|during (?:work|the day|the week)|on (?:sundays|saturdays|weekdays))"
)
# Affirmations that make a doubtful mention of a keyword harmless: "I'll keep them", "love these".
POSITIVE = re.compile(
    r"\b(?:keep (?:them|these|it|sending|em)(?: coming)?|love (?:these|them|this|it|your|the)"
    r"|i'll keep|i will keep|they're great|these are great)\b"
)
