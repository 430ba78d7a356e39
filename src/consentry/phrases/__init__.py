"""Phrase detection shared by the lint rules, the website scanner and the drafter.

Each `find_*` detector answers "does this free text contain X?" with the first `Match` (offsets
into the text passed in) or None. Detection is case-, punctuation-, Unicode- and
abbreviation-tolerant and is not fooled by the same word used in another sense ("stop by our
office", "help@brand.com", "we offer cleanings").
"""

from __future__ import annotations

from consentry.phrases.brand import brand_aliases, find_brand, mentions_brand, short_names
from consentry.phrases.contacts import (
    FREE_MAIL_DOMAINS,
    PUBLIC_SHORTENERS,
    find_emails,
    find_phone_numbers,
    find_support_contact,
    find_urls,
    registrable_domain,
    url_host,
)
from consentry.phrases.defaults import provider_default_reply
from consentry.phrases.disclosures import (
    find_carrier_liability,
    find_consent_not_condition,
    find_frequency_disclosure,
    find_no_further_messages,
    find_rates_disclosure,
)
from consentry.phrases.keywords import find_help_instruction, find_stop_instruction
from consentry.phrases.negation import negated_list_item
from consentry.phrases.normalize import Folded, Match, fold, normalize
from consentry.phrases.placeholders import find_placeholder, is_customer_variable
from consentry.phrases.policies import find_privacy_reference, find_terms_reference
from consentry.phrases.sharing import (
    find_no_sharing_statement,
    find_sharing_permission,
    find_sms_carve_out,
    find_sold_only_statement,
)
from consentry.phrases.topics import (
    find_bundled_channel_consent,
    find_marketing_mention,
    find_sms_mention,
    names_what_is_sent,
)

__all__ = [
    "FREE_MAIL_DOMAINS",
    "PUBLIC_SHORTENERS",
    "Folded",
    "Match",
    "brand_aliases",
    "find_brand",
    "find_bundled_channel_consent",
    "find_carrier_liability",
    "find_consent_not_condition",
    "find_emails",
    "find_frequency_disclosure",
    "find_help_instruction",
    "find_marketing_mention",
    "find_no_further_messages",
    "find_no_sharing_statement",
    "find_phone_numbers",
    "find_placeholder",
    "find_privacy_reference",
    "find_rates_disclosure",
    "find_sharing_permission",
    "find_sms_carve_out",
    "find_sms_mention",
    "find_sold_only_statement",
    "find_stop_instruction",
    "find_support_contact",
    "find_terms_reference",
    "find_urls",
    "fold",
    "is_customer_variable",
    "mentions_brand",
    "names_what_is_sent",
    "negated_list_item",
    "normalize",
    "provider_default_reply",
    "registrable_domain",
    "short_names",
    "url_host",
]
