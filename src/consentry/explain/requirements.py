"""The atomic requirements a reviewer's notice can demand, each tied to form fields and lint rules.

A requirement is one thing an owner can change in one place ("the opt-out message must contain
the brand name"). Reviewer codes (codes.py) and reviewer wording (vocabulary.py) both resolve to
these ids, so a demand found twice is listed once.

Rules are found three ways, so that rules added later are picked up without editing this file:
`rules` (explicit codes; a code not yet in the catalogue is simply skipped), `via_codes`
(any rule citing one of these element-specific carrier codes) and `refs` + `families` (any rule of
those families citing one of these rules.md R-numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORM_LABELS", "ORDER", "REQUIREMENTS", "Requirement", "get_requirement", "where_of"]

FLOW = "campaign.message_flow"
CFM = "campaign.opt_in_message"
OUT = "campaign.opt_out_message"
HELP = "campaign.help_message"
SMP = "campaign.sample_messages"
DESC = "campaign.description"
UC = "campaign.use_case"
SITE = "site"

# The labels RingCentral's and Twilio's registration forms use for each field.
FORM_LABELS: dict[str, str] = {
    FLOW: "Call to action / Message flow",
    CFM: "Opt-in message",
    OUT: "Opt-out message",
    HELP: "Help message",
    SMP: "Sample messages",
    DESC: "Campaign description",
    UC: "Use case",
    "campaign.sub_use_cases": "Sub use cases",
    "campaign.opt_in_keywords": "Opt-in keywords",
    "campaign.opt_out_keywords": "Opt-out keywords",
    "campaign.help_keywords": "Help keywords",
    "campaign.embedded_link": "Message contents: Embedded links",
    "campaign.embedded_phone": "Message contents: Embedded phone numbers",
    "campaign.direct_lending": "Message contents: Direct lending or loan arrangement",
    "campaign.age_gated": "Message contents: Age-gated content",
    "campaign.affiliate_marketing": "Message contents: Affiliate marketing",
    "campaign.privacy_policy_url": "Privacy policy URL",
    "campaign.terms_url": "Terms and conditions URL",
    "campaign": "Campaign (several fields)",
    "brand": "Brand (several fields)",
    "brand.display_name": "Brand: DBA or brand name",
    "brand.legal_name": "Brand: Legal company name",
    "brand.entity_type": "Brand: Legal form of organization",
    "brand.ein": "Brand: Tax ID (EIN)",
    "brand.email": "Brand: Support email",
    "brand.phone": "Brand: Support phone number",
    "brand.address": "Brand: Address",
    "brand.website": "Brand: Website",
    "brand.vertical": "Brand: Vertical",
    "brand.stock_symbol": "Brand: Stock symbol",
    "brand.stock_exchange": "Brand: Stock exchange",
    SITE: "Your website",
}

_PP_PAGE = "Your website: privacy policy page"
_TC_PAGE = "Your website: SMS terms page"
_WEB_NOTE = (
    "This is judged on your website, which explain does not fetch: run `consentry lint FILE` "
    "(or `consentry scan URL`) to check it."
)
_RECORD_NOTE = (
    "consentry checks the fields are filled in and well formed; it cannot see the IRS or "
    "registry records reviewers compare them with."
)
_REGISTRY_NOTE = (
    "consentry cannot see your other registrations in the registry; check this yourself."
)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One atomic demand, phrased for an owner, with where it goes and what checks it."""

    id: str
    text: str
    fields: tuple[str, ...]
    fix: str
    rules: tuple[str, ...] = ()  # the rules that judge it
    also: tuple[str, ...] = ()  # rules that fail first when the field is empty or a template blank
    via_codes: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    why: str = ""  # used when no catalogue rule supplies one
    site: bool = False  # judged on the website: `unknown` offline unless a field rule fails
    note: str = ""  # why a clean offline check still cannot say `met`
    where: str = ""  # the form label, when the fields' own labels would be a long list


def _r(
    id: str,
    text: str,
    fields: tuple[str, ...],
    fix: str,
    *rules: str,
    also: tuple[str, ...] = (),
    via: tuple[str, ...] = (),
    refs: tuple[str, ...] = (),
    families: tuple[str, ...] = (),
    why: str = "",
    site: bool = False,
    note: str = "",
    where: str = "",
) -> Requirement:
    if site and not note:
        note = _WEB_NOTE
    if not where and fields == (SITE,) and id.startswith(("pp.", "tc.")):
        where = _PP_PAGE if id.startswith("pp.") else _TC_PAGE
    if fields == _CONTENT and not where:
        where = "Wherever it appears: description, call to action, samples, opt-in message, brand, website"
    return Requirement(
        id, text, fields, fix, rules, also, via, refs, families, why, site, note, where
    )


_W = ("WEB",)
_CNT = ("CNT", "SMP", "DSC", "BRD", "WEB")
_CONTENT = (
    DESC,
    FLOW,
    SMP,
    CFM,
    "brand.display_name",
    "brand.legal_name",
    "brand.website",
    "brand.vertical",
    SITE,
)

REQUIREMENTS: tuple[Requirement, ...] = (
    # --- call to action (message flow) ---------------------------------------------------
    _r("cta.method", "The call to action must describe every way people opt in, and what they see when they do",
       (FLOW,), "Name each opt-in method (web form, keyword, text-first, paper, verbal), where it happens and the consent text shown.",
       "CTA002", "CTA020", "CTA024", also=("CTA001",), via=("AWS OPT_IN_WORKFLOW_MISSING",), refs=("R035",), families=("CTA",)),
    _r("cta.path", "The call to action must give the specific path to the opt-in: the page URL of the form, or a public photo or screenshot of an offline opt-in",
       (FLOW,), "Paste the full URL of the page that holds the opt-in form and say where on the page it is; for paper, in-store or in-app opt-ins, link a public screenshot or photo.",
       "CTA003", "CTA017", "CTA019", "CTA021", also=("CTA001",), via=("Twilio 30543",), refs=("R036",), families=("CTA",)),
    _r("cta.brand", "The call to action must name your business", (FLOW,),
       "Name the registered brand in the consent text: 'I agree to receive texts from <Brand>'.",
       "CTA010", also=("CTA001", "TPL001"), refs=("R038",), families=("CTA",)),
    _r("cta.purpose", "The call to action must say what the messages are about", (FLOW,),
       "Say what you will text, e.g. 'appointment reminders' or 'order updates'.", "CTA011", also=("CTA001",),
       via=("Twilio 30544",), refs=("R039",), families=("CTA",)),
    _r("cta.sms", "The consent must be explicitly for text messages (SMS)", (FLOW,),
       "Use the words 'text messages' or 'SMS' in the consent text.", "CTA012", also=("CTA001",),
       via=("Twilio 30551",), refs=("R046",), families=("CTA",)),
    _r("cta.help", "The call to action must give HELP instructions", (FLOW,),
       "Add 'Reply HELP for help' to the consent text people see.", "CTA007", also=("CTA001",),
       via=("Twilio 30570",), refs=("R043",), families=("CTA",)),
    _r("cta.stop", "The call to action must give STOP (opt-out) instructions", (FLOW,),
       "Add 'Reply STOP to opt out' to the consent text people see.", "CTA006", also=("CTA001",), refs=("R042",), families=("CTA",)),
    _r("cta.frequency", "The call to action must disclose how often messages are sent", (FLOW,),
       "Add 'Message frequency varies' (or a count such as 'up to 4 msgs/month').", "CTA004", also=("CTA001",),
       via=("Twilio 30545",), refs=("R040",), families=("CTA",)),
    _r("cta.rates", "The call to action must say 'Message and data rates may apply'", (FLOW,),
       "Add 'Msg & data rates may apply' to the consent text.", "CTA005", also=("CTA001",),
       via=("Twilio 30569",), refs=("R041",), families=("CTA",)),
    _r("cta.privacy", "The call to action must link the privacy policy, or say how mobile data is protected", (FLOW,),
       "Add your privacy policy URL to the consent text, or the sentence 'No mobile information will be shared with third parties or affiliates for marketing/promotional purposes.'",
       "CTA028", "CTA008", also=("CTA001",), refs=("R044",), families=("CTA",)),
    _r("cta.terms", "The call to action must link your SMS terms and conditions", (FLOW,),
       "Add a link to your SMS terms next to the consent text.", "CTA009", also=("CTA001",), refs=("R045",), families=("CTA",)),
    _r("cta.optional", "Text consent must be optional: an unchecked box, never a condition of buying or signing up", (FLOW,),
       "Describe an optional, unchecked SMS checkbox and add 'Consent is not a condition of purchase.'",
       "CTA013", "CTA024", "CTA014", "CTA027", via=("Twilio 30923", "Twilio 30925"), refs=("R047",), families=("CTA",)),
    _r("cta.marketing_separate", "Marketing consent must be collected separately from other consent", (FLOW,),
       "Give marketing its own unchecked checkbox (or keyword) and describe it in the call to action.",
       "CTA015", via=("Twilio 30913",), refs=("R048",), families=("CTA",)),
    _r("cta.marketing", "If you send marketing, the call to action must say so", (FLOW,),
       "Add 'marketing' or 'promotional offers' to the consent text.", "CTA016", refs=("R050",), families=("CTA",)),
    _r("cta.first_party", "Only people who opted in with your business directly may be texted (no bought lists, partners or lead sites)", (FLOW,),
       "Describe your own opt-in; stop using numbers gathered by anyone else.", "CTA023", refs=("R049",), families=("CTA",)),
    _r("cta.keyword", "Every keyword people text to join must be listed, with where it is advertised", (FLOW, "campaign.opt_in_keywords"),
       "Add each join keyword to the opt-in keywords and say where it is shown (sign, flyer, page).",
       "CTA018", "CTA019", "KEY004", "KEY008"),
    # --- opt-in confirmation -------------------------------------------------------------
    _r("cfm.present", "You must provide the opt-in confirmation message sent right after someone opts in", (CFM,),
       "Write the confirmation text (20-320 characters) with brand, frequency, rates, HELP and STOP.", "CFM001",
       via=("Twilio 30540",)),
    _r("cfm.brand", "The opt-in confirmation message must contain the brand name", (CFM,),
       "Start the opt-in message with your brand: '<Brand>: You are subscribed to ...'.", "CFM002", also=("CFM001", "TPL001")),
    _r("cfm.help", "The opt-in confirmation message must contain HELP instructions", (CFM,),
       "Add 'Reply HELP for help' to the opt-in message.", "CFM005", also=("CFM001",)),
    _r("cfm.stop", "The opt-in confirmation message must contain opt-out (STOP) instructions", (CFM,),
       "Add 'Reply STOP to opt out' to the opt-in message.", "CFM006", also=("CFM001",)),
    _r("cfm.frequency", "The opt-in confirmation message must disclose message frequency", (CFM,),
       "Add 'Msg frequency varies' (or your count) to the opt-in message.", "CFM003", also=("CFM001",)),
    _r("cfm.rates", "The opt-in confirmation message must disclose that message and data rates may apply", (CFM,),
       "Add 'Msg & data rates may apply' to the opt-in message.", "CFM004", also=("CFM001",)),
    _r("cfm.marketing", "If you send marketing, the opt-in confirmation message must say so", (CFM,),
       "Say 'marketing' or 'promotional' messages in the opt-in message.", "CFM007"),
    # --- opt-out and HELP replies --------------------------------------------------------
    _r("out.brand", "The opt-out message must contain the brand name", (OUT,),
       "Start the opt-out message with your brand: '<Brand>: You are unsubscribed ...'.", "OUT001", also=("OUT003", "TPL001")),
    _r("out.no_further", "The opt-out message must say that no further messages will be sent", (OUT,),
       "Add 'You will receive no further messages.' to the opt-out message.", "OUT002", also=("OUT003",)),
    _r("out.no_marketing", "The opt-out message must only confirm the opt-out, with no promotion", (OUT,),
       "Remove offers and links from the opt-out message.", "OUT004"),
    _r("out.keywords", "The opt-out keywords must include STOP and the other standard words", ("campaign.opt_out_keywords",),
       "List STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE and OPTOUT.", "KEY001", "KEY002", "KEY006"),
    _r("help.brand", "The HELP message must contain the brand name", (HELP,),
       "Start the HELP message with your brand: '<Brand>: For help ...'.", "HLP001", also=("HLP003", "TPL001")),
    _r("help.contact", "The HELP message must contain a support contact (email, phone number or support website)", (HELP,),
       "Add a support email, phone number or support page to the HELP message.", "HLP002", "HLP004", also=("HLP003",)),
    _r("help.keywords", "The HELP keywords must include HELP", ("campaign.help_keywords",),
       "List HELP (and INFO) as help keywords.", "KEY003"),
    # --- sample messages -----------------------------------------------------------------
    _r("smp.count", "Provide at least two distinct sample messages of the right length", (SMP,),
       "Give 2-5 different samples, each 20-1024 characters.", "SMP001", "SMP002", "SMP012", "SMP016", refs=("R080",), families=("SMP",)),
    _r("smp.brand", "The sample messages must contain your brand name", (SMP,),
       "Start every sample with your brand name.", "SMP003", "SMP004", refs=("R081",), families=("SMP",)),
    _r("smp.opt_out", "At least one sample message must include opt-out language (Reply STOP)", (SMP,),
       "End at least one sample with 'Reply STOP to opt out'.", "SMP005", refs=("R082",), families=("SMP",)),
    _r("smp.placeholders", "Variable parts of the samples must be shown in [brackets], with no template text left in", (SMP,),
       "Write variables as [name], [date]; replace '(company)' style blanks with real details.", "SMP014", "TPL001", refs=("R083",), families=("SMP",)),
    _r("smp.shortener", "Sample messages must not use public URL shorteners (bit.ly, tinyurl)", (SMP,),
       "Use full links on your own domain (or a branded short domain).", "SMP006", refs=("R085",), families=("SMP",)),
    _r("smp.https", "Links in samples must be secure (https) and on your own domain", (SMP,),
       "Use https:// links on your brand's domain.", "SMP010", "SMP011", refs=("R086",), families=("SMP",)),
    _r("smp.embedded_link", "The 'embedded links' setting must match whether the samples contain links",
       ("campaign.embedded_link", SMP), "Set embedded links to yes exactly when a sample contains a URL.", "SMP007", refs=("R087",), families=("SMP",)),
    _r("smp.embedded_phone", "The 'embedded phone numbers' setting must match whether the samples contain phone numbers",
       ("campaign.embedded_phone", SMP), "Set embedded phone numbers to yes exactly when a sample contains one.",
       "SMP008", "SMP009", refs=("R088",), families=("SMP",)),
    # --- description and use case --------------------------------------------------------
    _r("dsc.clear", "The campaign description must say who sends, to whom, what and when", (DESC,),
       "Describe your business, who receives the texts, what they are about and what triggers them.",
       "DSC001", "DSC003", "DSC007"),
    _r("dsc.brand", "The campaign description must name your business, and only your business", (DESC,),
       "Name the registered brand in the description; if you message for another company, explain the relationship.",
       "DSC002"),
    _r("dsc.english", "The registration must be written in English", (DESC,),
       "Write the description (and other fields) in English.", "DSC004"),
    _r("dsc.distinct", "Description, call to action and samples must each be their own text, not one pasted block", (DESC, FLOW),
       "Write each field for its purpose instead of repeating the same text.", "DSC006"),
    _r("use.matches", "The use case must match the description, call to action and samples", (UC, "campaign.sub_use_cases", SMP, DESC),
       "Pick the use case that covers every kind of message in your samples (e.g. MIXED or MARKETING for offers), or change the samples.",
       "USE004", "USE005", "USE006", "SMP013", "USE008", "USE009"),
    _r("use.eligible", "Choose a use case your brand qualifies for", (UC, "campaign.sub_use_cases", "brand.entity_type"),
       "Pick a standard use case that fits your brand type; special use cases need approval.",
       "USE001", "USE002", "USE003", "USE007", "USE010", "BRD017"),
    _r("use.production", "Register only real business messages to people who opted in (no tests, personal or influencer traffic)", (DESC,),
       "Describe the production program; do not register test or demo campaigns.", "DSC005", refs=("R028",), families=("DSC", "USE")),
    _r("use.no_duplicate", "Do not register the same campaign twice for one brand", ("campaign",),
       "Delete duplicate campaigns before resubmitting.", refs=("R029",), families=("USE", "DSC"),
       why="Several near-identical campaigns for one brand look like an attempt to get around limits ('snowshoeing').",
       note=_REGISTRY_NOTE),
    # --- brand ---------------------------------------------------------------------------
    _r("brd.identity", "Legal company name and EIN must match the IRS record exactly", ("brand.legal_name", "brand.ein", "brand.entity_type"),
       "Copy the legal name, punctuation included, from your IRS EIN letter (CP 575) and check the EIN.",
       "BRD002", "BRD004", "BRD005", "BRD003", note=_RECORD_NOTE),
    _r("brd.sole_prop", "Use the sole-proprietor type only if the business has no EIN", ("brand.entity_type", "brand.ein", UC),
       "Register as a private company with its EIN, or as a sole proprietor without one.", "BRD006", "BRD017"),
    _r("brd.public", "A public company must give its stock symbol and exchange and complete Authentication+", ("brand.stock_symbol", "brand.stock_exchange"),
       "Fill in stock symbol and exchange and answer the TCR Authentication+ email.", "BRD007",
       note="consentry checks the stock fields; it cannot see whether Authentication+ is done."),
    _r("brd.email", "The support email must be on your own domain, not Gmail, Yahoo or Outlook", ("brand.email",),
       "Use an address on your website's domain, e.g. support@yourbusiness.com.", "BRD008", "BRD010", "BRD009"),
    _r("brd.phone", "The brand's support phone must be a valid, working number", ("brand.phone",),
       "Give a support number that is answered.", "BRD011"),
    _r("brd.address", "The brand address must be a complete physical address (no PO box)", ("brand.address",),
       "Give the street address on your business records.", "BRD012", "BRD013"),
    _r("brd.consistent", "Use the same brand name everywhere: description, call to action, samples, replies and website",
       ("brand.display_name", DESC, FLOW, SMP, CFM, OUT, HELP),
       "Use your registered brand (or DBA) name, spelled the same way, in every field.",
       "BRD001", "DSC002", "CTA010", "SMP003", "CFM002", "OUT001", "HLP001",
       where="Brand: DBA or brand name, and every message field"),
    _r("brd.one_ein", "Register one brand per EIN", ("brand.ein",), "Keep one brand per EIN; explain any exception.",
       refs=("R006",), families=("BRD",),
       why="Reviewers refuse many brands registered on the same tax ID (DCA 711).", note=_REGISTRY_NOTE),
    _r("brd.perceived_sender", "The registered brand must be the business recipients know, not the agency or software behind it",
       ("brand.legal_name", "brand.display_name"), "Register the brand of the business your recipients deal with.",
       refs=("R007",), families=("BRD",),
       why="The brand sending the messages must be the one registered, not the agency or platform behind it (DCA 710).",
       note="consentry cannot tell from the file whether you registered your client's business or your own."),
    # --- website -------------------------------------------------------------------------
    _r("web.live", "The brand website must load publicly and work", ("brand.website", SITE),
       "Publish a working website (no 'under construction', no errors) and give its URL.",
       "BRD014", "BRD015", "BRD018", refs=("R014",), families=_W, site=True),
    _r("web.no_login", "The website, opt-in form and policies must be viewable without logging in", (SITE,),
       "Make the pages public, or link public screenshots of the gated opt-in.", refs=("R015",), families=_W,
       site=True, why="Reviewers cannot log in; a page behind a login cannot be verified (Twilio 30921)."),
    _r("web.identifies_business", "The website must show your business name, address, phone, email and what you do", (SITE,),
       "Add a contact section and a description of your services.", refs=("R016",), families=_W, site=True,
       why="Reviewers confirm the business is real from its website (DCA 804)."),
    _r("web.describes_program", "The website must relate to the texting program it is registered for", (SITE,),
       "Describe the services the texts are about, and ideally the SMS program itself.", refs=("R020",),
       families=_W, site=True, why="A site unrelated to the messages cannot support the registration."),
    _r("web.not_form_only", "The website must be more than a single phone-collection form", (SITE,),
       "Publish real pages about the business, not only a lead form.", refs=("R017",), families=_W, site=True,
       why="Form-only pages look like lead generation."),
    _r("web.matches_brand", "The website must belong to and describe the registered brand", ("brand.website", SITE),
       "Use your own business's website, with the brand name on it.", refs=("R018", "R089"), families=_W,
       site=True, why="A site of another business (or of your software vendor) cannot verify your brand."),
    _r("web.authentic", "Real-estate and insurance brands need a complete site of their own, not a template", (SITE,),
       "Add your business details to the site.", refs=("R019",), families=_W, site=True,
       why="Template sites without business details are declined as inauthentic (DCA 807)."),
    _r("web.reputation", "Website and link domains must not be flagged as unsafe", (SITE,),
       "Clean up the domain's reputation or use another domain.", refs=("R012",), families=_W, site=True,
       why="Domains flagged by threat intelligence are refused outright."),
    _r("web.checkbox", "The website's opt-in form must have its own optional, unchecked SMS checkbox", (FLOW, SITE),
       "Add an unchecked SMS checkbox, separate from accepting terms, with brand and message type in its label.",
       "CTA027", "CTA013", refs=("R059", "R060", "R061", "R062", "R063"), families=_W, site=True),
    _r("web.form_works", "The opt-in form must submit without errors", (SITE,),
       "Test the form and fix submission errors.", refs=("R066",), families=_W, site=True,
       why="A form that errors cannot collect consent (DCA 806)."),
    # --- privacy policy and terms --------------------------------------------------------
    _r("pp.url", "Give the URL of your privacy policy", ("campaign.privacy_policy_url", FLOW),
       "Put your privacy policy's URL in the registration and in the call to action.", "CTA008",
       via=("Twilio 30933", "AWS PRIVACY_POLICY_MISSING"), refs=("R069", "R022"), families=("FLG", "WEB"),
       where="Privacy policy URL (and the call to action)",
       why="Reviewers read your privacy policy; Twilio requires its URL on every campaign."),
    _r("pp.no_sharing", "The privacy policy must say mobile numbers and opt-in data are not shared with third parties", (SITE,),
       "Add: 'No mobile information will be shared with third parties/affiliates for marketing/promotional purposes. Text messaging originator opt-in data and consent will not be shared with any third parties.'",
       via=("Twilio 30932", "DCA 852"), refs=("R070",), families=_W, site=True,
       why="Carriers require an explicit promise that SMS opt-in data is never shared (DCA 805/852, Twilio 30932)."),
    _r("pp.no_sale_clause", "The privacy policy must not allow sharing or selling personal data unless SMS opt-in data is excluded", (SITE,),
       "Remove sharing/selling clauses, or add that they exclude text messaging opt-in data and consent.",
       refs=("R071", "R072"), families=_W, site=True,
       why="A policy that lets you share or sell phone numbers makes the consent worthless to carriers."),
    _r("pp.brand", "The privacy policy must be your own and name your business", (SITE,),
       "Publish a privacy policy that names your brand (not a platform's or a generic template).",
       refs=("R069",), families=_W, site=True, why="A reseller's or generic policy does not bind your business."),
    _r("tc.url", "Give the URL of your SMS terms and conditions", ("campaign.terms_url",),
       "Publish SMS terms and put their URL in the registration.",
       via=("Twilio 30934", "AWS TERMS_AND_CONDITIONS_MISSING"), refs=("R076",), families=("FLG", "WEB"),
       why="Reviewers read your SMS terms; Twilio requires their URL on every campaign."),
    _r("tc.brand", "The SMS terms must be public and name your business", (SITE,),
       "Name your brand and program in the terms.", via=("AWS TERMS_AND_CONDITIONS_MISMATCH",),
       refs=("R076",), families=_W, site=True, why="Terms must describe your program, not someone else's."),
    _r("tc.frequency", "The SMS terms must state message frequency", (SITE,), "Add 'Message frequency varies.'",
       via=("Twilio 30558", "AWS TERMS_AND_CONDITIONS_NON_COMPLIANT_MSG_FREQUENCY"), refs=("R077",), families=_W, site=True,
       why="Terms must say how often messages come (Twilio 30558)."),
    _r("tc.rates", "The SMS terms must say message and data rates may apply", (SITE,),
       "Add 'Message and data rates may apply.'", via=("Twilio 30562",), refs=("R077",), families=_W, site=True,
       why="Terms must carry the rates disclosure (Twilio 30562)."),
    _r("tc.support", "The SMS terms must give customer-care contact details", (SITE,),
       "Add a support email or phone number and 'Reply HELP for help'.",
       via=("Twilio 30560", "AWS TERMS_AND_CONDITIONS_NON_COMPLIANT_CUSTOMER_CARE"), refs=("R077",), families=_W, site=True,
       why="Terms must say how to get help (Twilio 30560)."),
    _r("tc.opt_out", "The SMS terms must explain how to opt out (Reply STOP)", (SITE,), "Add 'Reply STOP to cancel.'",
       via=("AWS TERMS_AND_CONDITIONS_NON_COMPLIANT_OPT_OUT",), refs=("R077",), families=_W, site=True,
       why="Terms must explain opting out."),
    _r("tc.carrier_liability", "The SMS terms must say carriers are not liable for delayed or undelivered messages", (SITE,),
       "Add 'Carriers are not liable for delayed or undelivered messages.'",
       via=("AWS TERMS_AND_CONDITIONS_NON_COMPLIANT_CARRIER_LIABILITY",), refs=("R077",), families=_W, site=True,
       why="Carriers ask for this standard sentence in SMS terms."),
    _r("tc.privacy", "The SMS terms must link the privacy policy", (SITE,), "Link your privacy policy from the terms.",
       via=("AWS TERMS_AND_CONDITIONS_NON_COMPLIANT_PRIVACY_POLICY",), refs=("R077",), families=_W, site=True,
       why="Terms must point to the privacy policy."),
    _r("tc.use_case", "The SMS terms must describe the same program as the registration", (SITE,),
       "Describe the messages you registered (same purpose and use case) in the terms.",
       via=("AWS TERMS_AND_CONDITIONS_NON_COMPLIANT_USE_CASE", "AWS TERMS_AND_CONDITIONS_USE_CASE_MISMATCH"),
       refs=("R077",), families=_W, site=True, why="Terms for another program do not cover this one."),
    _r("tc.no_affiliate", "The terms must not allow sharing leads or opt-ins with partners or affiliates", (SITE,),
       "Remove partner/affiliate sharing language from the terms.", refs=("R078",), families=_W, site=True,
       why="Affiliate-marketing terms are refused outright."),
    # --- attributes and content ----------------------------------------------------------
    _r("flg.direct_lending", "Declare direct lending if you lend money or arrange loans", ("campaign.direct_lending", DESC),
       "Set the direct lending attribute to yes and say 'Direct Lending' in the description.",
       refs=("R102",), families=("FLG", "DSC", "CNT"), via=("Twilio 30895", "DCA 712"),
       why="Undeclared lending is treated as a misleading registration (DCA 712, Twilio 30895)."),
    _r("flg.age_gate", "Age-restricted content needs a real age gate (full date of birth) and the age-gated attribute", ("campaign.age_gated", FLOW, SITE),
       "Set age-gated to yes, ask for the full date of birth before opt-in, and describe it in the call to action.",
       "CTA026", refs=("R103",), families=("FLG", "WEB", "CNT"), via=("Twilio 30888",)),
    _r("flg.affiliate", "Affiliate marketing must not be part of the program", ("campaign.affiliate_marketing",),
       "Set affiliate marketing to no and remove any sharing of opt-ins with others.",
       refs=("R104",), families=("FLG",), why="Affiliate marketing is refused outright (DCA 708)."),
    _r("cnt.prohibited", "The program must not include content carriers prohibit", _CONTENT,
       "Remove the prohibited content; if it is what the business sells, carriers will not approve it.",
       refs=("R106", "R107", "R108", "R109", "R110", "R111", "R112", "R113", "R114"), families=_CNT,
       via=("Twilio 30883", "Twilio 30897"), why="Some businesses and content are refused on every US carrier."),
    _r("cnt.cannabis", "No cannabis, CBD, hemp or other illegal-substance content", _CONTENT, "Remove it; cannabis and CBD programs are not eligible.",
       refs=("R107",), families=_CNT, via=("DCA 701",), why="Content must be legal in all 50 states (DCA 701)."),
    _r("cnt.gambling", "No gambling content", _CONTENT, "Remove gambling content; it is not eligible.",
       refs=("R108",), families=_CNT, via=("DCA 704",), why="Gambling is refused (DCA 704)."),
    _r("cnt.shaft", "No sex, hate, or unguarded alcohol, firearm or tobacco content (SHAFT)", _CONTENT,
       "Remove it, or age-gate alcohol and firearms where allowed.", refs=("R106",), families=_CNT,
       via=("DCA 703", "DCA 705"), why="SHAFT content is refused or must be age-gated (DCA 702-707)."),
    _r("cnt.high_risk_financial", "No high-risk financial content (payday loans, third-party lending, crypto, stock tips)", _CONTENT,
       "Remove it; these programs are not eligible.", refs=("R109",), families=_CNT, via=("DCA 709",),
       why="High-risk financial services are refused (DCA 709)."),
    _r("cnt.debt", "No debt collection, debt relief, tax relief or credit repair content", _CONTENT,
       "Remove it; these programs are not eligible.", refs=("R110", "R111"), families=_CNT,
       via=("Twilio 30943", "Twilio 30949", "Twilio 30950"), why="Debt and credit-repair programs are refused."),
    _r("cnt.lead_gen", "No lead generation, affiliate marketing or sharing of consumer data", (*_CONTENT, "campaign.affiliate_marketing"),
       "Remove lead-generation and data-sharing language from the site and registration.",
       refs=("R112", "R021"), families=_CNT, via=("DCA 708",), why="Lead generation is refused outright (DCA 708)."),
    _r("cnt.sweepstakes", "No sweepstakes, job boards or get-rich-quick content", _CONTENT, "Remove it; it is not eligible.",
       refs=("R113",), families=_CNT, why="These categories are refused."),
    _r("cnt.fraud", "No spam, phishing or deceptive content; the sender must be clearly identified", _CONTENT,
       "Remove misleading claims and requests for confidential data; name your business.",
       refs=("R114",), families=_CNT, via=("Twilio 30884", "Twilio 30885"),
       why="Fraud and phishing are refused without resubmission."),
    # --- registration fields -------------------------------------------------------------
    _r("reg.required", "Every required registration field must be filled in", ("brand", "campaign"),
       "Fill in each field the findings name.", via=("Twilio 21727",),
       why="The registry refuses a submission with required fields missing (Twilio 21727)."),
    _r("reg.lengths", "Every field must be within its length and format limits", ("brand", "campaign"),
       "Shorten or lengthen the fields the findings name.", via=("Twilio 21728",),
       why="The registry refuses fields outside their limits (Twilio 21728)."),
)  # fmt: skip

_BY_ID = {r.id: r for r in REQUIREMENTS}
ORDER = {r.id: i for i, r in enumerate(REQUIREMENTS)}


def get_requirement(rid: str) -> Requirement:
    """The requirement with this id (KeyError for an unknown id: ids are internal)."""
    return _BY_ID[rid]


def where_of(req: Requirement) -> str:
    """The registration-form field(s) an owner edits for this requirement."""
    if req.where:
        return req.where
    labels: list[str] = []
    for f in req.fields:
        label = FORM_LABELS.get(f, f)
        if label not in labels:
            labels.append(label)
    return "; ".join(labels)
