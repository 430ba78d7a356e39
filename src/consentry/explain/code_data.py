"""The code catalogue, transcribed from shared/reference/rules.md Appendix A.

`resubmit` follows the reference: Twilio's Resubmit column; for DCA codes and AWS enums, the
severity of the rules they map to (REJECT = fix and resubmit, REJECT-FINAL = not eligible);
`unknown` where the reference says neither or sources conflict. `wording` follows the status
columns: published (P), title only (T), secondary (S), summary (the reference paraphrases a
published page), unverified (Appendix A.4: recognised, never relied on).
"""

from __future__ import annotations

from consentry.explain.codes import CodeInfo

__all__ = ["CODES"]

_CTA_806 = ("cta.path", "cta.help", "cta.stop", "cta.frequency", "cta.rates", "cta.privacy")
_REPLIES_611 = (
    "cfm.brand", "cfm.help", "cfm.stop", "cfm.frequency", "cfm.rates",
    "out.brand", "out.no_further", "help.brand", "help.contact",
)  # fmt: skip
_CFM_ALL = ("cfm.present", "cfm.brand", "cfm.help", "cfm.stop", "cfm.frequency", "cfm.rates")
_CTA_ALL = ("cta.method", "cta.path", "cta.brand", "cta.purpose", "cta.frequency", "cta.rates",
            "cta.stop", "cta.help", "cta.privacy", "cta.terms")  # fmt: skip
_TC_ALL = ("tc.url", "tc.brand", "tc.frequency", "tc.rates", "tc.support", "tc.opt_out",
           "tc.carrier_liability", "tc.privacy", "tc.use_case")  # fmt: skip
_SAMPLES = ("smp.count", "smp.brand", "smp.opt_out", "smp.placeholders", "use.matches")


def _c(
    family: str, code: str, title: str, resubmit: str, reqs: tuple[str, ...], meaning: str,
    wording: str = "published", includes: tuple[str, ...] = (),
) -> CodeInfo:  # fmt: skip
    return CodeInfo(
        code, family, title, " ".join(meaning.split()), resubmit, reqs, wording, includes
    )


def _tw(
    code: str,
    title: str,
    resubmit: str,
    reqs: tuple[str, ...],
    meaning: str,
    wording: str = "published",
) -> CodeInfo:
    return _c("Twilio", code, title, resubmit, reqs, meaning, wording)


def _tv(
    code: str,
    title: str,
    resubmit: str,
    reqs: tuple[str, ...],
    meaning: str,
    wording: str = "summary",
) -> CodeInfo:
    return _c("Twilio verification", code, title, resubmit, reqs, meaning, wording)


def _dca(
    code: str,
    title: str,
    resubmit: str,
    reqs: tuple[str, ...],
    meaning: str,
    includes: tuple[str, ...] = (),
) -> CodeInfo:
    return _c("DCA", code, title, resubmit, reqs, meaning, "published", includes)


def _aws(code: str, resubmit: str, reqs: tuple[str, ...], meaning: str) -> CodeInfo:
    title = code.replace("_", " ").capitalize()  # AWS's own titles are not in the reference
    return _c("AWS", code, title, resubmit, reqs, meaning, "summary")


_N = "Not eligible: carriers refuse this content, so a resubmission will be rejected again."

TWILIO: tuple[CodeInfo, ...] = (
    _tw("30880", "Campaign vetting rejection - Unknown Error", "yes", (), "The reviewer gave no specific reason. Look for other codes in the same notice, or ask Twilio support which part failed.", "secondary"),
    _tw("30881", "Invalid Brand Support Email", "yes", ("brd.email",), "The brand's support email is on a free or disposable domain, or a domain other than the brand's.", "secondary"),
    _tw("30882", "Terms & Conditions violation", "unknown", ("tc.no_affiliate", "cnt.lead_gen"), "Your terms break carrier rules, for example by allowing third-party marketing. Sources disagree on the exact wording, and on whether it can be resubmitted.", "secondary"),
    _tw("30883", "Campaign vetting rejection - Content Violation", "no", ("cnt.prohibited",), "The program contains content carriers do not allow (SHAFT: sex, hate, alcohol, firearms, tobacco).", "title only"),
    _tw("30884", "Campaign vetting rejection - Spam/Phishing", "no", ("cnt.fraud",), "The reviewer judged the program to be spam or phishing. Not eligible for resubmission; contact Twilio support if this is a mistake."),
    _tw("30885", "Campaign vetting rejection - High Risk", "no", ("cnt.fraud",), "The reviewer judged the program as fraud or deceptive marketing. Not eligible for resubmission."),
    _tw("30886", "Campaign vetting rejection - Invalid Campaign Description", "yes", ("dsc.clear", "dsc.brand"), "The campaign description is too vague: it must say who sends, to whom, what and why."),
    _tw("30887", "Campaign vetting rejection - Opt-out Error", "yes", ("out.brand", "out.no_further"), "The opt-out (STOP) reply is not compliant: it must name the brand and confirm no further messages will be sent."),
    _tw("30888", "Campaign vetting rejection - Age Gate Not Present / Not Acceptable", "yes", ("flg.age_gate",), "Age-restricted content needs a real age check (full date of birth) before anyone opts in.", "title only"),
    _tw("30889", "Campaign vetting rejection - Embedded Phone Number", "yes", ("smp.embedded_phone",), "The embedded-phone-number setting does not match the sample messages."),
    _tw("30892", "Campaign vetting rejection - Invalid Sample Message - Public URL Shorteners", "yes", ("smp.shortener", "smp.https"), "A sample message uses a public link shortener (bit.ly, tinyurl) or an insecure link."),
    _tw("30893", "Campaign vetting rejection - Inconsistency between Sample Message and Use-case", "yes", _SAMPLES, "The sample messages are missing, unclear, or do not match the use case you picked."),
    _tw("30894", "Invalid Brand Information", "yes", ("brd.perceived_sender", "brd.identity"), "The brand details are wrong, e.g. a software vendor registered its own details instead of its customer's.", "secondary"),
    _tw("30895", "Campaign vetting rejection - Direct Lending - Campaign and Content Attribute Error", "yes", ("flg.direct_lending",), "The business lends money or arranges loans but the direct-lending attribute was not set."),
    _tw("30896", "Campaign vetting rejection - Opt-in Error", "yes", ("cta.method", "cta.path", "cta.keyword", "cta.first_party"), "Reviewers could not verify how people opt in: the flow is incomplete, keyword details are missing, or opt-ins come from third parties."),
    _tw("30897", "Campaign vetting rejection - Disallowed Content", "no", ("cnt.prohibited", "cnt.high_risk_financial", "cnt.debt", "cnt.gambling", "cnt.lead_gen"), "The program is in a disallowed category (loan marketing, third-party debt collection, gambling, sweepstakes, crypto, debt relief, credit repair, lead generation, illegal substances)."),
    _tw("30898", "Campaign vetting rejection - Excessive EIN", "unknown", ("brd.one_ein",), "The same EIN is used for too many brands or campaigns.", "title only"),
    _tw("30899", "Campaign registration failed due to carrier rejection(s)", "unknown", (), "One or more carriers rejected the campaign. Twilio asks you to contact support with the campaign details."),
    _tw("30900", "Campaign rejection - The campaign use case is ineligible for registration", "unknown", ("use.eligible", "brd.public"), "The use case is not allowed for this brand (unsupported, wrong sub-use-case count, or a public company without Authentication+)."),
    _tw("30901", "Campaign rejection - The campaign registration request timed out", "yes", (), "The review did not finish in time. Nothing in the campaign was judged; submit it again."),
    _tw("30902", "Campaign rejection - A DCA2 rejected this campaign registration request", "yes", ("dsc.clear", "cta.method", "use.matches", "web.live"), "The second-level reviewer (DCA2) declined the campaign: usually a vague description, an incomplete call to action, samples that don't match, or a website that can't be verified."),
    _tw("30904", "Campaign Not Shared with Twilio", "unknown", (), "Not a rejection: the campaign was not shared with Twilio in the registry, or the campaign ID is wrong."),
    _tw("30905", "Campaign Review Pending by Twilio", "unknown", (), "Not a rejection: the campaign is still being reviewed; wait for approval before attaching numbers."),
    _tw("30907", "Campaign vetting rejection - Website URL Validation Issue", "yes", ("web.live", "web.matches_brand"), "The website could not be verified as the brand's own working site."),
    _tw("30908", "Compliant privacy policy required", "yes", ("pp.url", "pp.no_sharing"), "The privacy policy is missing or does not promise that mobile opt-in data is not shared.", "secondary"),
    _tw("30909", "Campaign vetting rejection - Message Flow / Call to Action Incomplete or Verification Issue", "yes", _CTA_ALL, "The call to action (message flow) does not fully show how people opt in and what they are told when they do."),
    _tw("30910", "Campaign rejected: A2P 10DLC campaigns must be submitted in English", "yes", ("dsc.english",), "The registration must be written in English."),
    _tw("30913", "Campaign rejected: Marketing and informational consent must be separate", "yes", ("cta.marketing_separate",), "Consent to marketing texts must be collected separately from consent to other messages."),
    _tw("30914", "Sole proprietor campaign title does not match sole proprietor name", "yes", ("brd.sole_prop",), "For a sole-proprietor brand, the campaign must carry the owner's own name.", "secondary"),
    _tw("30915", "Sole proprietor classification invalid", "yes", ("brd.sole_prop",), "The business was registered as a sole proprietor but does not qualify (for example it has an EIN).", "secondary"),
    _tw("30917", "Not all opt-in methods include complete workflow descriptions", "yes", ("cta.method", "cta.path"), "At least one opt-in method in the call to action is not fully described.", "secondary"),
    _tw("30919", "Website lacks sufficient business or messaging use-case info", "yes", ("web.identifies_business", "web.describes_program"), "The website does not say enough about the business or the texting program.", "secondary"),
    _tw("30921", "Campaign rejected: Website requires authentication and cannot be reviewed", "yes", ("web.no_login", "cta.path"), "Reviewers hit a login. Make the pages public or link public screenshots of the opt-in."),
    _tw("30922", "Campaign rejected: Website does not meet campaign verification requirements", "yes", ("web.live", "cta.path"), "The website did not let reviewers verify the campaign, often because the call to action links the home page instead of the opt-in page."),
    _tw("30923", "Campaign rejected: Message consent cannot be required for service use", "yes", ("cta.optional",), "Texting consent was made a condition of using the service. It must be optional."),
    _tw("30924", "Campaign rejected: Missing or non-compliant consent agreement language in opt-in flow", "yes", ("cta.brand", "cta.purpose", "cta.frequency", "cta.rates", "cta.stop", "cta.help"), "The consent text people see is missing required disclosures."),
    _tw("30925", "Opt-in must be unchecked by default", "yes", ("cta.optional", "web.checkbox"), "The SMS checkbox was pre-ticked. It must start unchecked.", "secondary"),
    _tw("30932", "Campaign rejected: Privacy policy must disclose third-party data sharing", "yes", ("pp.no_sharing", "pp.no_sale_clause"), "The privacy policy must say that mobile opt-in data is not shared with third parties."),
    _tw("30933", "Privacy Policy URL is required", "yes", ("pp.url",), "The campaign was submitted without a privacy policy URL.", "secondary"),
    _tw("30934", "Terms and Conditions URL is required", "yes", ("tc.url",), "The campaign was submitted without a terms and conditions URL.", "secondary"),
    _tw("30943", "Campaign rejected: Third-party debt collection content detected", "no", ("cnt.debt",), "Third-party debt collection is prohibited. " + _N),
    _tw("30949", "Campaign rejected: Debt reduction or consolidation content detected", "no", ("cnt.debt",), "Debt relief, reduction or consolidation is prohibited. " + _N),
    _tw("30950", "Campaign rejected: Credit repair content detected", "no", ("cnt.debt",), "Credit repair is prohibited. " + _N),
    _tw("30990", "Campaign Suspension", "unknown", (), "An approved campaign was suspended because of its live traffic (spam, mismatch with the registration, prohibited content, complaints). This is about what was sent, not the registration form."),
    _tw("30991", "Campaign registration failed - brand unverified", "unknown", ("brd.identity",), "The brand is not verified, so no campaign can be registered. Fix the legal name and EIN first."),
    _tw("30994", "Campaign registration failed - brand pending", "unknown", ("brd.public",), "The brand's verification (for public companies, the Authentication+ email) is not finished."),
    _tw("21727", "Campaign registration failed due to missing parameter(s)", "yes", ("reg.required",), "Required fields were left empty; the registry refused the submission before any review."),
    _tw("21728", "Campaign registration failed due to length validation failures", "yes", ("reg.lengths",), "A field is too short or too long; the registry refused the submission before any review."),
    _tw("18603", "Trust Hub address invalid", "yes", ("brd.address",), "The business address could not be verified.", "summary"),
    _tw("18606", "The Email domain doesn't match the website domain", "yes", ("brd.email",), "The support email's domain differs from the website's."),
    _tw("30749", "Brand Registration Failure: Email address duplicate threshold reached", "unknown", ("brd.sole_prop",), "The same email was used for too many sole-proprietor brands."),
    # 305xx: granular checks that apply to both toll-free verification and 10DLC
    _tw("30540", "Double opt-in confirmation message is required", "yes", _CFM_ALL, "The flow uses a confirmation text (double opt-in) but it was not provided, or it lacks brand, rates, HELP and STOP."),
    _tw("30543", "Live opt-in link not provided", "yes", ("cta.path", "web.live"), "The call to action does not link the live page where people opt in."),
    _tw("30544", "Call-to-Action does not state the message purpose", "yes", ("cta.purpose",), "The consent text does not say what the messages are about."),
    _tw("30545", "Call-to-Action does not state message frequency", "yes", ("cta.frequency",), "The consent text does not say how often messages are sent."),
    _tw("30551", "Consent does not specify SMS or text messaging", "yes", ("cta.sms",), "The consent is for 'communications' in general, not text messages specifically."),
    _tw("30558", "Terms of Service missing message frequency disclosure", "yes", ("tc.frequency",), "Your terms do not say how often messages are sent."),
    _tw("30560", "Terms of Service missing support information", "yes", ("tc.support",), "Your terms do not say how to get help.", "title only"),
    _tw("30562", "Terms of Service missing rates disclosure", "yes", ("tc.rates",), "Your terms do not say message and data rates may apply.", "title only"),
    _tw("30569", "Call-to-Action is missing the message and data rates disclosure", "yes", ("cta.rates",), "The consent text does not say 'Message and data rates may apply'."),
    _tw("30570", "Call-to-Action is missing customer support instructions", "yes", ("cta.help",), "The consent text does not tell people to reply HELP for help."),
)  # fmt: skip

TWILIO_VERIFICATION: tuple[CodeInfo, ...] = (
    _tv("30513", "Opt-in language unclear", "yes", ("cta.sms", "cta.purpose"), "Toll-free analogue: the opt-in language does not clearly ask for consent to text messages."),
    _tv("30841", "Verification rejection - Opt-in not sufficient: Language Unclear", "yes", ("cta.sms", "cta.purpose", "web.checkbox"), "Toll-free analogue: the opt-in does not clearly ask for consent to text messages, or the consent is buried in terms or privacy policy.", "published"),
    _tv("30831", "Express consent required", "yes", ("cta.method", "cta.optional"), "Toll-free analogue: people must actively agree to texts; listing SMS in your terms is not consent."),
    _tv("30842", "Verification rejection - Opt-in not provided", "yes", ("cta.method", "cta.path"), "Toll-free analogue: no proof of how people opt in was provided.", "published"),
    _tv("30848", "Privacy policy mentions sharing opt-in data", "yes", ("pp.no_sale_clause", "pp.no_sharing"), "Toll-free analogue: the privacy policy allows sharing opt-in data."),
    _tv("30858", "Non-secured URL in sample message", "yes", ("smp.https",), "Toll-free analogue: a sample message links an http:// (not https) address."),
    _tv("30860", "Cannabis or illegal substances content", "no", ("cnt.cannabis",), "Toll-free analogue: cannabis or illegal-substance content. " + _N),
    _tv("30861", "Cannabis or illegal substances content (CBD)", "no", ("cnt.cannabis",), "Toll-free analogue: cannabis, CBD or illegal-substance content. " + _N),
    _tv("30459", "Cannabis or illegal substances content (toll-free)", "no", ("cnt.cannabis",), "Toll-free analogue: cannabis or illegal-substance content. " + _N),
    _tv("30469", "Cannabis or illegal substances content (verification)", "no", ("cnt.cannabis",), "Toll-free analogue: cannabis or illegal-substance content. " + _N),
    _tv("30863", "Third-party debt collection", "no", ("cnt.debt",), "Toll-free analogue: third-party debt collection. " + _N),
    _tv("30867", "Cryptocurrency", "no", ("cnt.high_risk_financial",), "Toll-free analogue: cryptocurrency content. " + _N),
    _tv("30873", "SHAFT: sexual content", "no", ("cnt.shaft",), "Toll-free analogue: sexual content. " + _N),
    _tv("30874", "SHAFT: hate content", "no", ("cnt.shaft",), "Toll-free analogue: hate content. " + _N),
    _tv("30875", "SHAFT: alcohol", "unknown", ("flg.age_gate", "cnt.shaft"), "Toll-free analogue: alcohol content, allowed only behind a real age gate where the provider allows it at all."),
    _tv("30878", "SHAFT: tobacco", "no", ("cnt.shaft",), "Toll-free analogue: tobacco or vape content, which Twilio forbids even with an age gate."),
    _tv("30475", "Consent combined with service requirement", "yes", ("cta.optional",), "Toll-free analogue: texting consent was required to use the service."),
    _tv("30531", "HELP response requirements", "yes", ("help.brand", "help.contact"), "Toll-free analogue: the HELP reply lacks brand or support contact."),
    _tv("30807", "More than 5 numbers needs justification", "unknown", (), "Toll-free only: using more than five numbers for one program needs a written reason."),
)  # fmt: skip

DCA: tuple[CodeInfo, ...] = (
    _dca("601", "Campaign Attributes Do Not Match Website and/or Sample Message Content", "yes", ("smp.embedded_link", "smp.embedded_phone", "flg.direct_lending", "flg.age_gate"), "A campaign attribute (embedded links, embedded phone numbers, direct lending, age-gated) does not match what the samples or website show."),
    _dca("602", "Inaccurate Registration; Inconsistency between sample message, description, attributes and/or call to action with selected use-case", "yes", ("use.matches", "cta.marketing", "cfm.marketing"), "The use case does not match the samples, description or call to action; often marketing samples without a marketing use case, or codes without 2FA."),
    _dca("603", "Inaccurate Registration; Inconsistency between brand, description, website and/or sample messages", "yes", ("brd.consistent", "dsc.brand", "web.matches_brand"), "The brand, description, website and samples do not describe the same business."),
    _dca("611", "Opt-in message/Confirmation MT must contain brand name, HELP, opt-out, message frequency and associated fees disclosures. Opt-out message must contain brand name and indicate that no further messages will be sent. HELP message must contain brand name and contain support contact (email, phone number, or support website).", "yes", _REPLIES_611, "The three automatic replies are incomplete: the opt-in confirmation, the opt-out (STOP) reply and the HELP reply."),
    _dca("701", "Prohibited Content; Cannabis", "no", ("cnt.cannabis",), "Cannabis, CBD and hemp content, including shipping for it. " + _N),
    _dca("702", "Prohibited Content; Guns/Ammo - Failure to age gate", "yes", ("flg.age_gate", "cnt.shaft"), "Firearm or ammunition content without a real age gate."),
    _dca("703", "Prohibited Content; Explicit Sexual", "no", ("cnt.shaft",), "Sexual content. " + _N),
    _dca("704", "Prohibited Content; Gambling", "no", ("cnt.gambling",), "Gambling content. " + _N),
    _dca("705", "Prohibited Content; Hate", "no", ("cnt.shaft",), "Hate speech or profanity. " + _N),
    _dca("706", "Prohibited Content; Alcohol - Failure to age gate", "yes", ("flg.age_gate",), "Alcohol content without a real age gate (full date of birth, not a yes/no button)."),
    _dca("707", "Prohibited Content; Tobacco/Vape (Age-Gated)", "unknown", ("flg.age_gate", "cnt.shaft"), "Tobacco or vape content. Some providers allow it behind an age gate; Twilio forbids it."),
    _dca("708", "Lead Gen/Affiliate Marketing Prohibited", "no", ("cnt.lead_gen", "flg.affiliate", "cta.first_party"), "Lead generation, affiliate marketing or sharing consumer data; even mentioning lead generation or SEO services on the website causes it. " + _N),
    _dca("709", "Lead Gen/Affiliate Marketing Prohibited; High-Risk Financial Services", "no", ("cnt.high_risk_financial", "cnt.debt"), "High-risk financial services: payday loans, non-direct lenders, debt collection, credit repair, debt relief, crypto. " + _N),
    _dca("710", "Reseller / Non-compliant KYC", "yes", ("brd.perceived_sender",), "The registered brand is an agency or reseller, not the business that sends the messages."),
    _dca("711", "Repeated Use of Same EIN for Multiple Brands", "yes", ("brd.one_ein",), "The same EIN backs several brands."),
    _dca("712", "Misleading Registration; Campaign appears to be Direct Lending Arrangement but appropriate Content Attribute was not selected", "yes", ("flg.direct_lending",), "The business appears to lend money but the direct-lending attribute is not set."),
    _dca("713", "Large Companies Using Non-Official Email Domains", "yes", ("brd.email",), "A larger company used a free email address (Gmail, Yahoo) instead of its own domain."),
    _dca("801", "Not Sole Proprietor; Does not meet small business Sole Prop (EIN) criteria set by TCR and mobile carriers", "yes", ("brd.sole_prop",), "The business was registered as a sole proprietor but has an EIN or is a company; register it as a standard brand."),
    _dca("802", "Sole Proprietor Not Yet Authorized", "unknown", ("brd.sole_prop",), "The sole-proprietor brand is not authorised yet (for example the mobile verification is not done)."),
    _dca("803", 'Call to Action forces an Opt-In consent because it is missing the "Check Box"; Check box either not present or mandatory causing a forced opt in', "yes", ("cta.optional", "web.checkbox"), "The web form has no SMS checkbox, or the checkbox is required, so consent is forced."),
    _dca("804", "Unable to verify, need working website or online presence provided for brand validation", "yes", ("web.live", "web.identifies_business"), "Reviewers could not find a working website that identifies the business."),
    _dca("805", "Compliant privacy policy is required; add link and/or verbiage for compliant Privacy Policy disclosures (state that no mobile opt-in data will be shared with third parties)", "yes", ("pp.url", "pp.no_sharing", "cta.privacy"), "The privacy policy is missing, or it does not say mobile opt-in data is never shared with third parties."),
    _dca("806", 'Unable to verify, needs compliant and accurate CTA information. Update with specific path for mobile opt-in, HELP instructions, STOP instructions, message frequency disclosure, "message and data rates may apply" disclosure and link to the message program privacy policy, or language referring to the privacy policy', "yes", _CTA_806, "The call to action is incomplete: it must show the exact path to the opt-in and the disclosures people see there."),
    _dca("807", "Unable to Verify, Inauthentic Website", "yes", ("web.authentic", "web.identifies_business"), "Real estate and insurance: the website looks like a template without the business's own details."),
    _dca("851", "Privacy Policy and Opt-in Confirmation Requirements Not Met", "yes", ("pp.no_sharing", *_CFM_ALL), "Both the privacy policy and the opt-in confirmation message fall short."),
    _dca("852", "Privacy Policy Compliance Missing", "yes", ("pp.no_sharing",), "The privacy policy lacks the required statement that mobile opt-in data is not shared."),
    _dca("861", 'Needs compliant and accurate CTA information, update with specific path for mobile opt-in, HELP instructions, STOP instructions, message frequency disclosure, "message and data rates may apply" disclosure and link to the message program privacy policy, or language referring to the privacy policy. Opt-in message/Confirmation MT must contain brand name, HELP, opt-out, mssg frequency and associated fees disclosures. Opt-out message must contain brand name and indicate that no further messages will be sent. HELP message must contain brand name and contain support contact (email, phone number, or support website).', "yes", (*_CTA_806, *_REPLIES_611), "DCA 806 and 611 together: the call to action is incomplete, and so are the opt-in confirmation, opt-out and HELP replies.", includes=("806", "611")),
)  # fmt: skip

AWS: tuple[CodeInfo, ...] = (
    # brand
    _aws("BRAND_ADDRESS_INVALID", "yes", ("brd.address",), "The brand address could not be verified."),
    _aws("BRAND_EMAIL_INVALID_OR_MISSING", "yes", ("brd.email",), "The support email is missing or invalid."),
    _aws("BRAND_EMAIL_PUBLIC_DOMAIN", "yes", ("brd.email",), "The support email is on a public domain (Gmail, Yahoo, Outlook)."),
    _aws("UNOFFICIAL_SUPPORT_EMAIL", "yes", ("brd.email",), "The support email is not on the brand's own domain."),
    _aws("INVALID_SUPPORT_EMAIL", "yes", ("brd.email",), "The support email is not valid for the brand."),
    _aws("BRAND_INVALID_BUSINESS_CONNECTION", "yes", ("brd.perceived_sender",), "The registered brand is not connected to the business that sends the messages."),
    _aws("INVALID_BUSINESS_CONNECTION", "yes", ("brd.perceived_sender",), "The registration does not show a real connection between the brand and the sender."),
    _aws("BRAND_MULTI_USE", "yes", ("brd.one_ein",), "The same EIN or business is registered as several brands."),
    _aws("INVALID_MULTI_BUSINESS", "yes", ("brd.one_ein",), "Several businesses are mixed in one registration."),
    _aws("BRAND_NON_COMPLIANT_SWEEPSTAKES", "unknown", ("cnt.sweepstakes",), "The brand or its website is associated with sweepstakes."),
    _aws("BRAND_NON_COMPLIANT_HIGH_RISK_FINANCIAL", "no", ("cnt.high_risk_financial",), "The brand is in high-risk financial services. " + _N),
    _aws("BRAND_PHONE_NUMBER_INVALID_OR_MISSING", "yes", ("brd.phone",), "The brand's support phone number is missing or invalid."),
    _aws("SPAM_OR_PHISHING_ASSOCIATION", "no", ("cnt.fraud", "pp.no_sale_clause"), "The brand is associated with spam or phishing, or its privacy policy says opt-in data is shared. Not resubmittable."),
    _aws("BRAND_UNVERIFIED", "yes", ("brd.identity",), "The brand's legal name and EIN did not match government records."),
    _aws("BRAND_USE_CASE_MISMATCH_POLITICAL", "yes", ("use.matches",), "The brand looks political but the campaign does not use the political use case."),
    _aws("BRAND_VETTING_INVALID", "unknown", ("brd.identity",), "The brand's external vetting is missing, invalid or scored too low."),
    _aws("BRAND_DBA_NAME_MISMATCH", "yes", ("brd.consistent",), "The DBA/brand name does not match the one used elsewhere."),
    _aws("BRAND_NOT_TCR_AUTH_PLUS_COMPLIANT", "yes", ("brd.public",), "A public company has not completed TCR Authentication+."),
    # campaign, description and samples
    _aws("CAMPAIGN_MISMATCH", "yes", ("use.matches",), "The campaign's use case does not match its content."),
    _aws("CAMPAIGN_MISMATCH_CHARITY", "yes", ("use.matches",), "The content is charitable but the use case is not CHARITY (or the reverse)."),
    _aws("CAMPAIGN_MISMATCH_POLITICAL", "yes", ("use.matches",), "The content is political but the use case is not POLITICAL (or the reverse)."),
    _aws("CAMPAIGN_MULTI_USE", "yes", ("use.no_duplicate",), "Several similar campaigns for one brand, which looks like snowshoeing."),
    _aws("CAMPAIGN_TO_BRAND_MISMATCH", "yes", ("dsc.brand", "brd.consistent"), "The campaign describes a different business from the registered brand."),
    _aws("CAMPAIGN_UNCLEAR", "yes", ("dsc.clear",), "The campaign description is unclear."),
    _aws("UNCLEAR_USE_CASE", "yes", ("dsc.clear", "use.matches"), "The use case cannot be understood from the registration."),
    _aws("CAMPAIGN_UNDECLARED_DIRECT_LENDING", "yes", ("flg.direct_lending",), "The campaign is about lending but direct lending was not declared."),
    _aws("UNDECLARED_DIRECT_LENDING", "yes", ("flg.direct_lending",), "Lending content without the direct-lending declaration."),
    _aws("CAMPAIGN_NOT_QUALIFIED_FOR_USE_CASE", "unknown", ("use.eligible",), "The brand does not qualify for the chosen use case."),
    _aws("CAMPAIGN_NON_ENGLISH_CONTENT", "yes", ("dsc.english",), "The registration is not in English."),
    _aws("CAMPAIGN_TEMPLATE_REUSE", "yes", ("dsc.distinct",), "The same text was pasted into several fields."),
    _aws("CAMPAIGN_NOT_QUALIFIED_P2P", "unknown", ("use.production",), "Person-to-person messaging does not qualify for a business campaign."),
    _aws("CAMPAIGN_NOT_QUALIFIED_INFLUENCER", "unknown", ("use.production",), "Influencer or public-figure programs do not qualify."),
    _aws("CAMPAIGN_NOT_QUALIFIED_EMERGENCY_ALERT", "unknown", ("use.production",), "Emergency-alert programs do not qualify for 10DLC."),
    _aws("ALTERNATIVE_SOLUTION_RECOMMENDED", "unknown", ("use.production",), "AWS suggests a different kind of number or product for this program."),
    _aws("CAMPAIGN_MULTI_BRAND", "yes", ("dsc.brand",), "The campaign mentions more than one business."),
    _aws("CAMPAIGN_ATTRIBUTES_MISMATCH", "yes", ("web.matches_brand", "brd.consistent"), "The campaign's details do not match the website or brand."),
    _aws("CAMPAIGN_CONFIRMATION_ISSUES", "yes", _CFM_ALL, "The opt-in confirmation message is missing or incomplete."),
    _aws("USE_CASE_MISMATCH", "yes", ("use.matches",), "The use case does not match the messages."),
    _aws("SAMPLE_MESSAGE_MISMATCH", "yes", ("smp.brand",), "The sample messages do not identify the brand."),
    _aws("SAMPLE_MESSAGE_USE_CASE_MISMATCH", "yes", ("use.matches",), "The samples do not match the use case."),
    _aws("SAMPLE_MESSAGE_USE_CASE_MISMATCH_CHARITY", "yes", ("use.matches",), "Charity samples without the CHARITY use case (or the reverse)."),
    _aws("SAMPLE_MESSAGE_USE_CASE_MISMATCH_POLITICAL", "yes", ("use.matches",), "Political samples without the POLITICAL use case (or the reverse)."),
    _aws("SAMPLE_MESSAGE_SHORT_URL", "yes", ("smp.shortener",), "A sample uses a public URL shortener."),
    _aws("SAMPLE_MESSAGE_PHONE_NUMBER", "yes", ("smp.embedded_phone",), "A sample contains a phone number that the attributes do not declare."),
    _aws("MESSAGE_SAMPLES_MISMATCH", "yes", ("smp.count",), "Sample messages are missing or do not fit the campaign."),
    _aws("EMBEDDED_LINK_ISSUES", "yes", ("smp.embedded_link", "smp.shortener"), "Links in samples are undeclared, shortened or otherwise unacceptable."),
    _aws("EMBEDDED_PHONE_ISSUES", "yes", ("smp.embedded_phone",), "Phone numbers in samples do not match the embedded-phone attribute."),
    _aws("HELP_MESSAGE_MISMATCH", "yes", ("help.brand", "help.contact"), "The HELP reply names another business or contact."),
    _aws("HELP_MESSAGE_NON_COMPLIANT", "yes", ("help.brand", "help.contact"), "The HELP reply lacks the brand name or a support contact."),
    _aws("SUBSCRIBER_HELP_ISSUES", "yes", ("help.brand", "help.contact", "help.keywords"), "HELP handling is missing or incomplete."),
    _aws("NON_COMPLIANT_MESSAGE_SAMPLES", "unknown", ("cnt.prohibited",), "The samples contain content carriers do not allow."),
    _aws("MISSING_REQUIRED_FIELD", "yes", ("reg.required",), "A required field is empty."),
    _aws("INVALID_FIELD_VALUE", "yes", ("reg.lengths",), "A field has a value the registry does not accept."),
    _aws("MISSING_CONDITIONAL_FIELD", "yes", ("reg.required",), "A field that your answers make required is empty."),
    _aws("CONDITIONAL_FIELD_NOT_ALLOWED", "yes", ("reg.lengths",), "A field was filled in that your other answers do not allow."),
    _aws("CANNOT_UPDATE_REGISTRATION", "unknown", (), "This registration cannot be changed; create a new one."),
    _aws("WAIT_TO_RESUBMIT_REGISTRATION", "yes", (), "You must wait before resubmitting; nothing specific in the campaign was judged."),
    # website, privacy policy, terms
    _aws("BRAND_URL_INVALID", "yes", ("web.live",), "The brand website does not work."),
    _aws("INVALID_URL", "yes", ("web.live",), "A URL in the registration does not work."),
    _aws("BRAND_URL_INSUFFICIENT_CONTENT", "yes", ("web.identifies_business", "web.describes_program"), "The website does not say enough about the business and its SMS program."),
    _aws("BRAND_URL_FORM_ONLY", "yes", ("web.not_form_only",), "The website is only a form that collects phone numbers."),
    _aws("BRAND_URL_HIGH_RISK_DOMAIN", "no", ("web.reputation",), "The website's domain is flagged as high risk. Not resubmittable."),
    _aws("BRAND_URL_AUTHENTICATION_REQUIRED", "yes", ("web.no_login",), "The website needs a login to view."),
    _aws("PRIVACY_POLICY_MISSING", "yes", ("pp.url",), "No privacy policy was found."),
    _aws("PRIVACY_POLICY_NON_COMPLIANT", "yes", ("pp.no_sharing", "pp.no_sale_clause"), "The privacy policy does not protect SMS opt-in data."),
    _aws("PRIVACY_POLICY_MISMATCH", "yes", ("pp.brand",), "The privacy policy belongs to another business or does not match the brand."),
    _aws("TERMS_AND_CONDITIONS_MISSING", "yes", ("tc.url",), "No SMS terms were found."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT", "yes", _TC_ALL, "The SMS terms are missing required elements."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_AFFILIATE_MARKETING", "no", ("tc.no_affiliate",), "The terms allow affiliate marketing. Not resubmittable."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_CARRIER_LIABILITY", "yes", ("tc.carrier_liability",), "The terms lack the carrier-liability statement."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_CUSTOMER_CARE", "yes", ("tc.support",), "The terms lack customer-care contact details."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_MSG_FREQUENCY", "yes", ("tc.frequency",), "The terms do not state message frequency."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_OPT_OUT", "yes", ("tc.opt_out",), "The terms do not explain how to opt out."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_PRIVACY_POLICY", "yes", ("tc.privacy",), "The terms do not link the privacy policy."),
    _aws("TERMS_AND_CONDITIONS_NON_COMPLIANT_USE_CASE", "yes", ("tc.use_case",), "The terms do not describe the registered program."),
    _aws("TERMS_AND_CONDITIONS_MISMATCH", "yes", ("tc.brand",), "The terms belong to another business or program."),
    _aws("TERMS_AND_CONDITIONS_USE_CASE_MISMATCH", "yes", ("tc.use_case",), "The terms describe a different use case."),
    _aws("TERMS_AND_CONDITIONS_ISSUES", "yes", _TC_ALL, "The SMS terms have problems."),
    # opt-in
    _aws("OPT_IN_WORKFLOW_CONSENT", "yes", ("cta.optional",), "Consent is not freely given (required, pre-checked or bundled)."),
    _aws("OPT_IN_WORKFLOW_MISMATCH", "yes", ("cta.brand",), "The opt-in names a different business from the brand."),
    _aws("OPT_IN_WORKFLOW_MISSING", "yes", ("cta.method",), "No opt-in workflow was described."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_DATA_RATES", "yes", ("cta.rates",), "The opt-in does not say 'Message and data rates may apply'."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP", "yes", ("cta.help", "cta.stop"), "The opt-in lacks HELP and STOP instructions."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_MSG_FREQUENCY", "yes", ("cta.frequency",), "The opt-in does not state message frequency."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_PRIVACY_POLICY", "yes", ("cta.privacy",), "The opt-in does not link the privacy policy."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_TERMS_AND_CONDITIONS", "yes", ("cta.terms",), "The opt-in does not link the SMS terms."),
    _aws("OPT_IN_WORKFLOW_CONSENT_MARKETING_NOT_SEPARATED", "yes", ("cta.marketing_separate",), "Marketing consent is not collected separately."),
    _aws("OPT_IN_WORKFLOW_INCOMPLETE", "yes", ("cta.method", "cta.path"), "The opt-in workflow description is incomplete."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_CONSENT_LANGUAGE", "yes", ("cta.purpose", "cta.sms"), "The consent language does not say clearly what people agree to."),
    _aws("OPT_IN_WORKFLOW_CHECKBOX_INVALID", "yes", ("web.checkbox", "cta.optional"), "The SMS checkbox is pre-checked, required, or merged with accepting the terms."),
    _aws("OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES", "yes", ("cta.first_party", "pp.no_sale_clause"), "Opt-in data is shared with, or collected by, third parties."),
    _aws("NON_COMPLIANT_OPT_IN", "yes", ("cta.method", "cta.optional"), "The opt-in is not compliant."),
    _aws("UNCLEAR_OPT_IN", "yes", ("cta.method", "cta.path"), "Reviewers could not tell how people opt in."),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_CONTENT_GAMBLING", "no", ("cnt.gambling",), "The opt-in is for gambling content. " + _N),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_CONTENT_HIGH_RISK_FINANCIAL", "no", ("cnt.high_risk_financial",), "The opt-in is for high-risk financial content. " + _N),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_CONTENT_ILLEGAL_SUBSTANCES", "no", ("cnt.cannabis",), "The opt-in is for illegal-substance content. " + _N),
    _aws("OPT_IN_WORKFLOW_NON_COMPLIANT_CONTENT_SHAFT_AGE_GATE", "yes", ("flg.age_gate",), "Age-restricted content without a real age gate in the opt-in."),
    _aws("OPT_IN_MESSAGE_MISMATCH", "yes", ("cfm.brand",), "The opt-in confirmation names another business."),
    _aws("OPT_IN_MESSAGE_MISSING", "yes", ("cfm.present",), "No opt-in confirmation message was given."),
    _aws("OPT_IN_MESSAGE_NON_COMPLIANT", "yes", ("cfm.brand", "cfm.frequency", "cfm.rates", "cfm.help", "cfm.stop"), "The opt-in confirmation lacks required disclosures."),
    _aws("OPT_IN_MESSAGE_NON_COMPLIANT_HELP_STOP", "yes", ("cfm.help", "cfm.stop"), "The opt-in confirmation lacks HELP and STOP instructions."),
    # opt-out
    _aws("OPT_OUT_MESSAGE_MISMATCH", "yes", ("out.brand",), "The opt-out reply names another business."),
    _aws("OPT_OUT_MESSAGE_NON_COMPLIANT", "yes", ("out.brand", "out.no_further"), "The opt-out reply lacks the brand or the 'no further messages' confirmation."),
    _aws("UNCLEAR_OPT_OUT", "yes", ("out.brand", "out.no_further"), "It is not clear that opting out works and is confirmed."),
    # age gate
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_SHAFT_AGE_GATE", "yes", ("flg.age_gate",), "Age-restricted content without a real age gate."),
    _aws("AGE_GATE_ISSUES", "yes", ("flg.age_gate",), "The age gate is missing or not acceptable (a yes/no box is not enough)."),
    _aws("NON_COMPLIANT_USE_CASE_ALCOHOL", "yes", ("flg.age_gate",), "Alcohol content needs a real 21+ age gate."),
    _aws("NON_COMPLIANT_USE_CASE_TOBACCO", "unknown", ("flg.age_gate", "cnt.shaft"), "Tobacco content needs an age gate, and some providers refuse it outright."),
    _aws("NON_COMPLIANT_USE_CASE_GUNS", "yes", ("flg.age_gate",), "Firearm content needs a real age gate."),
    # disallowed content
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_AFFILIATE_MARKETING", "no", ("cnt.lead_gen",), "Affiliate marketing. " + _N),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_GAMBLING", "no", ("cnt.gambling",), "Gambling content. " + _N),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_HIGH_RISK_FINANCIAL", "no", ("cnt.high_risk_financial",), "High-risk financial content. " + _N),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_ILLEGAL_SUBSTANCES", "no", ("cnt.cannabis",), "Illegal-substance content. " + _N),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_JOB_BOARDS", "no", ("cnt.sweepstakes",), "Third-party job-board content. " + _N),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_SHAFT", "unknown", ("cnt.shaft", "flg.age_gate"), "SHAFT content: sex and hate are refused; alcohol and firearms need an age gate."),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_SWEEPSTAKES", "no", ("cnt.sweepstakes",), "Sweepstakes content. " + _N),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_NON_SUBSCRIBER", "unknown", ("use.production", "cta.first_party"), "Messages would go to people who did not subscribe."),
    _aws("CAMPAIGN_NON_COMPLIANT_CONTENT_CANNABIS", "no", ("cnt.cannabis",), "Cannabis content. " + _N),
    _aws("NON_COMPLIANT_USE_CASE", "unknown", ("cnt.prohibited",), "The use case itself is not allowed."),
    _aws("NON_COMPLIANT_USE_CASE_AFFILIATE_MARKETING", "no", ("cnt.lead_gen", "flg.affiliate"), "Affiliate marketing. " + _N),
    _aws("NON_COMPLIANT_USE_CASE_GAMBLING", "no", ("cnt.gambling",), "Gambling. " + _N),
    _aws("NON_COMPLIANT_USE_CASE_HIGH_RISK_FINANCIAL", "no", ("cnt.high_risk_financial",), "High-risk financial services. " + _N),
    _aws("NON_COMPLIANT_USE_CASE_SHAFT", "unknown", ("cnt.shaft", "flg.age_gate"), "SHAFT content: refused, or allowed only behind an age gate."),
    _aws("NON_COMPLIANT_USE_CASE_TESTING", "yes", ("use.production",), "A test or demo campaign; register the real program instead."),
    _aws("NON_COMPLIANT_USE_CASE_CANNIBIS", "no", ("cnt.cannabis",), "Cannabis (AWS spells the enum CANNIBIS). " + _N),
    _aws("NON_COMPLIANT_USE_CASE_HATE", "no", ("cnt.shaft",), "Hate content. " + _N),
    _aws("SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_GAMBLING", "no", ("cnt.gambling",), "Gambling content in the samples. " + _N),
    _aws("SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_HIGH_RISK_FINANCIAL", "no", ("cnt.high_risk_financial",), "High-risk financial content in the samples. " + _N),
    _aws("SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_ILLEGAL_SUBSTANCES", "no", ("cnt.cannabis",), "Illegal-substance content in the samples. " + _N),
    _aws("SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_JOB_BOARDS", "no", ("cnt.sweepstakes",), "Job-board content in the samples. " + _N),
    _aws("SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_SHAFT", "unknown", ("cnt.shaft", "flg.age_gate"), "SHAFT content in the samples (for example naming alcohol or firearm brands)."),
    _aws("SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_SWEEPSTAKES", "no", ("cnt.sweepstakes",), "Sweepstakes content in the samples. " + _N),
    _aws("REGISTRATION_SUSPENDED_BY_MNO", "unknown", ("cnt.prohibited",), "A mobile carrier suspended the registration."),
    _aws("SECURITY_REVIEW_FAILED", "unknown", ("cnt.fraud",), "The registration failed a security review."),
)  # fmt: skip

_U = "unverified"
_UNVERIFIED_NOTE = "Seen only in an unconfirmed source; consentry does not rely on it."
UNVERIFIED: tuple[CodeInfo, ...] = (
    *(
        _c("TCR", f"T{n}", f"TCR code T{n}", "unknown", (), "A 'TCR code' listed by one vendor site with no primary source; probably invented. " + _UNVERIFIED_NOTE, _U)
        for n in range(1, 8)
    ),
    _c("RingCentral", "9607", "Insufficient Consent Proof", "unknown", ("cta.method", "cta.path"), "Reported as 'insufficient consent proof'. " + _UNVERIFIED_NOTE, _U),
    _c("RingCentral", "9103", "Non-Compliant Website Footer", "unknown", (), "Reported as a non-compliant website footer. " + _UNVERIFIED_NOTE, _U),
    _c("Bandwidth", "2115", "Opt-in form must mention message frequency", "unknown", ("cta.frequency",), "Reported as an automated review code for a missing frequency disclosure. " + _UNVERIFIED_NOTE, _U),
    _c("Bandwidth", "2116", "No disclosure that message and data rates will apply", "unknown", ("cta.rates",), "Reported as an automated review code for a missing rates disclosure. " + _UNVERIFIED_NOTE, _U),
    _c("Bandwidth", "2117", "Opt-in form must say how a customer can receive help", "unknown", ("cta.help",), "Reported as an automated review code for missing HELP instructions. " + _UNVERIFIED_NOTE, _U),
    _c("Bandwidth", "2121", "Opt-in form must say how to find the privacy policy", "unknown", ("cta.privacy",), "Reported as an automated review code for a missing privacy link. " + _UNVERIFIED_NOTE, _U),
    _c("Bandwidth", "7103", "Bandwidth review code 7103", "unknown", (), "Reported in one practitioner post without a meaning. " + _UNVERIFIED_NOTE, _U),
    _c("Twilio", "30891", "Unverifiable website / opt-in flow not found", "unknown", ("web.live", "cta.path"), "Described only in one project's notes. " + _UNVERIFIED_NOTE, _U),
)  # fmt: skip

CODES: tuple[CodeInfo, ...] = (*TWILIO, *TWILIO_VERIFICATION, *DCA, *AWS, *UNVERIFIED)
