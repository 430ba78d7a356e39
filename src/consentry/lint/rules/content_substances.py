"""CNT001-CNT004: substances and SHAFT content carriers refuse outright (rules.md R106, R107).

Cannabis/CBD, tobacco/vape, sexual and hate content make a campaign not eligible: no rewording
fixes a business whose product is the problem. Terms with innocent meanings ("weed control",
"hemp rope", "glue gun", "nude lipstick") need a qualifying word or context.
"""

from __future__ import annotations

from consentry.lint import content_sources as csrc
from consentry.lint import sources as src
from consentry.lint.registry import rule
from consentry.lint.rule import Outcome, Severity
from consentry.lint.rules.content_scan import BRAND_FIELDS, TEXT_FIELDS, Screen, rx, screen_check

_FIELDS = (*TEXT_FIELDS, *BRAND_FIELDS)

# --- cannabis and other federally illegal substances -----------------------------------------

_CANNABIS_PRODUCT = (
    r"(?:gumm\w{0,4}|edibles?|vapes?|carts?|cartridges?|flower|buds?|oils?|tinctures?|seltzers?|"
    r"drinks?|beverages?|products?|pens?|pre-?rolls?|chocolates?|cookies|brownies|syrups?|"
    r"topicals?|salves?|isolate|strains?|smokables?)"
)
_CANNABIS = Screen(
    terms=rx(
        r"\b(?:cannabis|marijuana|marihuana|cannabidiol|psilocybin|kratom|"
        r"thca|indica|sativa|mmj|ganja)\b"
        r"|\bmagic mushrooms?\b|\b420[- ]friendly\b"
        r"|\bdelta-(?:8|9|10)\b(?:[- ]?thc)?"
        rf"|\bdelta ?(?:8|9|10) (?:thc|{_CANNABIS_PRODUCT})\b"
        r"|\b(?:\d{1,2}(?:\.\d)? ?% ?|low[- ]|hemp[- ]derived )thc\b"
        rf"|\bthc(?:[- ](?:a|p|o|infused|rich)\b| {_CANNABIS_PRODUCT}\b)"
        # Hemp fabric, rope and seed are legal; hemp smokables and extracts are not carried.
        r"|\bhemp(?:[- ]derived\b| (?:extracts?|cigarettes?|flower|buds?|gumm\w{0,4}|"
        r"tinctures?|pre-?rolls?|smokables?|vapes?|carts?|edibles?|thc|cbd)\b)"
        rf"|\bweed (?:delivery|dispensar\w{{1,4}}|shop|store|{_CANNABIS_PRODUCT})\b"
        r"|\b(?:buy|smoke|order|sell|selling|legal|medical|recreational) weed\b"
        r"|\bpot (?:shop|dispensar\w{1,4}|brownies|edibles|gumm\w{0,4})\b"
        r"|\bpre-?rolls?\b(?! (?:ads?|videos?|spots?)\b)"
        r"|\b(?:bongs|dab rigs?|dab pens?|rolling papers|drug paraphernalia)\b"
    ),
    reason="carriers refuse cannabis, CBD and other federally illegal substances, even where "
    "state law allows them",
    # Treatment, testing and prevention talk about drugs without selling them.
    unless=rx(
        r"\b(?:addict\w{0,6}|rehab\w{0,9}|detox\w{0,6}|sobriety|sober|overdose|relapse|"
        r"substance (?:use|abuse)|drug[- ](?:test\w{0,3}|screen\w{0,3}|free)|"
        r"(?:addiction|drug|alcohol) recovery|recovery (?:center|program|meeting|services?)|"
        r"prevention|dependence|withdrawal)\b"
    ),
    brand=rx(
        # A leading "CBD" in a name is as likely to be someone's initials.
        r"\b(?:cannabis|marijuana|cannabidiol|kratom|psilocybin|ganja)\b|(?<=\w )cbd\b"
        r"|(?<!optical )(?<!eyewear )(?<!vision )(?<!herbal )(?<!pet )(?<!vet )"
        r"\bdispensar(?:y|ies)\b"
    ),
)

# Opticians, vets and herbalists run dispensaries too.
_DISPENSARY = Screen(
    terms=rx(r"\bdispensar(?:y|ies)\b"),
    reason=_CANNABIS.reason,
    unless=rx(
        r"\b(?:optical|eyewear|eye ?glass\w{0,2}|glasses|contacts|contact lens\w{0,2}|frames|"
        r"vision|supplements?|vitamins?|herbal|herbs|veterinar\w{1,3}|vets?|pets?|"
        r"prescriptions?|pharmac\w{1,3}|medications?|in-office|in-house|hearing aids?)\b"
    ),
)

# "CBD" is also a central business district ("offices in the CBD").
_CBD = Screen(
    terms=rx(
        r"\bcbd\b(?! (?:area|district|core|precinct|offices?|apartments?|locations?|hotels?)\b)"
        rf"(?: {_CANNABIS_PRODUCT}\b)?"
    ),
    reason=_CANNABIS.reason,
    unless=_CANNABIS.unless,
    before=rx(r"\b(?:in|near|around|of|to) the $|\b(?:downtown|inner) $"),
)

rule(
    code="CNT001",
    name="cannabis-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign mentions cannabis, CBD, THC, kratom or another federally illegal drug.",
    why="""Carriers only carry messages about products that are legal in all 50 states under federal
    law. Cannabis, CBD, hemp-derived THC (delta-8), kratom and psilocybin are refused even where
    your state allows them, and even for shipping or appointment texts (DCA 701). A rejected
    campaign of this kind cannot be resubmitted.""",
    fix="""Texting about these products is not possible on 10DLC. If your business also sells
    other things, register a campaign that never mentions these products, with a brand name and
    website free of them.""",
    sources=(src.TX_CODES, src.AWS_REJ, src.TW_FORBID, src.TMOBILE_COC),
    carrier_codes=(
        "DCA 701",
        "Twilio 30897",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_CANNABIS",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_ILLEGAL_SUBSTANCES",
        "AWS SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_ILLEGAL_SUBSTANCES",
    ),
    fields=_FIELDS,
    refs=("R107",),
)(screen_check(_CANNABIS, _DISPENSARY, _CBD))


# --- tobacco and vape --------------------------------------------------------------------------

_TOBACCO = Screen(
    terms=rx(
        r"\b(?:vapes?|vaping|vape (?:shop|juice|pens?|store|lounge)|e-?cigs?|e-?cigarettes?|"
        r"e-?liquids?|e-?juices?|juul(?:s| pods)?|nicotine (?:pouches|pods|salts?|vapes?)|"
        r"hookahs?|shisha|cigars?|cigarillos|cigarettes|tobacco|smoke shops?|snus)\b"
    ),
    reason="Twilio refuses tobacco and vape content even with an age gate, and other carriers "
    "require one",
    # Health care talks about tobacco to help people quit; venues ban it.
    unless=rx(
        r"\b(?:quit\w{0,4}|cessation|stop(?:ped)? smoking|smoke[- ]free|tobacco[- ]free|"
        r"nicotine[- ]free|anti[- ]?(?:smoking|tobacco|vaping)|"
        r"(?:smoking|tobacco|vaping|nicotine) (?:use|screening|history|prevention|status|habits?)|"
        r"lungs?|cancer|copd|nicotine (?:patch\w{0,2}|gum|replacement)|prohibited|surcharges?|insurance|"
        r"detectors?|sensors?|"
        r"(?:not|never) (?:allowed|permitted))\b"
    ),
    brand=rx(
        # Not a bare "cigar" or "tobacco": Cigar City Brewing, Tobacco Road Marathon.
        r"\b(?:vapes?|vape shop|vapor shop|smoke shop|tobacconist|tobacco (?:shop|store|outlet)|"
        r"cigar (?:shop|store|lounge|bar|club)|cigars|hookah|e-?cigs?)\b"
    ),
)

rule(
    code="CNT002",
    name="tobacco-vape-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign promotes tobacco, cigars, hookah or vape products.",
    why="""Twilio forbids tobacco and vape content outright, age gate or not. Other providers accept
    it only behind a strict age gate, and carriers suspend campaigns that slip (DCA 707).""",
    fix="""On Twilio this content cannot be texted. Elsewhere, ask your provider whether it accepts
    age-gated tobacco programs before you pay to register, and remove the products from any
    campaign that is not about them.""",
    sources=(src.TW_FORBID, src.TX_CODES, src.AWS_REJ, csrc.TW_30883),
    carrier_codes=(
        "DCA 707",
        "Twilio 30883",
        "AWS NON_COMPLIANT_USE_CASE_TOBACCO",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_SHAFT",
    ),
    fields=_FIELDS,
    refs=("R106", "R107", "R103"),
)(screen_check(_TOBACCO))


# --- sexual content ----------------------------------------------------------------------------

_SEXUAL = Screen(
    terms=rx(
        r"\b(?:porn\w{0,8}|xxx (?:videos?|content|movies?|pics?)|x-rated|hentai|nsfw|bdsm|"
        r"adult (?:content|videos?|films?|movies?|entertainment|toys?|chat|webcams?|cams?|"
        r"stores?|shops?|novelt\w{1,4})|sex (?:toys?|chat|shops?|cams?|videos?|tapes?)|sexting|"
        r"escorts|escort (?:services?|agency|agencies|girls?)|erotic\w{0,2}|nudes|"
        r"nude (?:photos?|pics|pictures|videos?|selfies|models?)|onlyfans|"
        r"casual (?:sex|hook ?ups?|encounters)|hook ?up app|cam ?girls?|cam (?:shows?|models?)|"
        r"strip ?clubs?|gentlemen'?s clubs?|lap dances?|fetish\w{0,2}|sugar dadd(?:y|ies))\b"
    ),
    reason="carriers refuse sexual and adult content",
    # Counselling and child-safety programs name the problem without offering it.
    unless=rx(
        r"\b(?:addiction|recovery|counsel\w{0,6}|therapy|therapist|traffick\w{0,3}|abuse|"
        r"exploitation|prevention|survivors?|filter\w{0,3}|block\w{0,3}|parental controls?)\b"
    ),
    brand=rx(
        r"\b(?:xxx|porn\w{0,4}|adult (?:store|shop|toys|entertainment)|sex shop|erotic\w{0,2}|"
        r"strip club|gentlemen'?s club|escort (?:service|agency))\b"
    ),
)

rule(
    code="CNT003",
    name="sexual-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign mentions sexual or adult content.",
    why="""Sexual and adult content is one of the categories carriers never carry on business
    texting (the 'S' in SHAFT). Campaigns with it are refused for good (DCA 703).""",
    fix="""Remove adult content from the messages, description and website; a business built on it
    cannot text on 10DLC.""",
    sources=(src.TX_CODES, src.AWS_REJ, src.TW_FORBID, csrc.TW_30883),
    carrier_codes=(
        "DCA 703",
        "Twilio 30883",
        "AWS CAMPAIGN_NON_COMPLIANT_CONTENT_SHAFT",
        "AWS NON_COMPLIANT_USE_CASE_SHAFT",
    ),
    fields=_FIELDS,
    refs=("R106",),
)(screen_check(_SEXUAL))


# --- hate ------------------------------------------------------------------------------------
# Deliberately narrow: unmistakable slogans and dehumanising statements only. Groups that fight
# hate use the same words, so counter-speech context suppresses a match.

_GROUPS = (
    r"(?:jews|muslims|christians|catholics|hindus|sikhs|blacks|whites|immigrants|migrants|"
    r"refugees|arabs|mexicans|asians|latinos|hispanics|gays|lesbians|trans people)"
)
_HATE = Screen(
    terms=rx(
        r"\b(?:white (?:power|supremacy|supremacists?|nationalis[mt]s?)|sieg heil|heil hitler|"
        r"master race|race war|racial holy war|rahowa|subhumans?|untermensch(?:en)?|"
        rf"death to (?:all )?(?:the )?{_GROUPS}|kill (?:all )?(?:the )?{_GROUPS}|"
        rf"{_GROUPS} (?:are|r) (?:vermin|animals|subhuman|parasites|cockroaches|rats|a disease))\b"
    ),
    reason="carriers refuse hateful content",
    unless=rx(
        r"\b(?:against|fight\w{0,3}|combat\w{0,3}|oppos\w{1,4}|condemn\w{0,3}|denounc\w{1,3}|"
        r"stop|end(?:ing)?|counter\w{0,3}|anti|dismantl\w{1,3}|confront\w{0,3}|resist\w{0,5}|"
        r"history|historical|holocaust|remembrance|museum|memorial|survivors?|education|"
        r"lecture|documentary|report\w{0,3}|track\w{0,3}|monitor\w{0,3}|hate crimes?|extremism|"
        r"victims?|pc master race)\b"
    ),
)

rule(
    code="CNT004",
    name="hate-content",
    severity=Severity.ERROR,
    outcome=Outcome.NOT_ELIGIBLE,
    summary="The campaign contains hateful content.",
    why="""Hate speech is one of the categories carriers never carry (the 'H' in SHAFT); campaigns
    with it are refused for good (DCA 705).""",
    fix="""Remove the hateful wording. If you quote it to fight it, say so in the same sentence
    (e.g. 'our workshop against white supremacy').""",
    sources=(src.TX_CODES, src.AWS_REJ, csrc.TW_30883),
    carrier_codes=("DCA 705", "Twilio 30883", "AWS NON_COMPLIANT_USE_CASE_HATE"),
    fields=TEXT_FIELDS,
    refs=("R106",),
)(screen_check(_HATE))
