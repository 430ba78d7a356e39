"""Extraction edge cases: labels, consent text, script ticks, formless groups, page-level facts."""

from __future__ import annotations

import pytest

from consentry.site import Checkbox, Field, Form, Page, extract_page

URL = "https://acme.example/contact"


def page(body: str, head: str = "") -> Page:
    return extract_page(f"<html><head>{head}</head><body>{body}</body></html>", url=URL)


def only_form(body: str) -> Form:
    forms = page(body).forms
    assert len(forms) == 1, forms
    return forms[0]


def field(body: str) -> Field:
    (f,) = only_form(body).fields
    return f


def box(body: str) -> Checkbox:
    (b,) = only_form(body).checkboxes
    return b


@pytest.mark.parametrize(
    ("markup", "label", "source"),
    [
        ('<label for="p">Cell</label><input id="p" name="x">', "Cell", "label-for"),
        ("<label>Mobile number <input name=x></label>", "Mobile number", "wrapping-label"),
        (
            '<span id="l1">Phone</span><input aria-labelledby="l1" name=x>',
            "Phone",
            "aria-labelledby",
        ),
        ('<input aria-label="Telephone" name=x>', "Telephone", "aria-label"),
        ('<input placeholder="Your phone" name=x>', "Your phone", "placeholder"),
        ("<p>Phone: <input name=x></p>", "Phone:", "preceding-text"),
        ("<div>Cell phone<br><input name=x></div>", "Cell phone", "preceding-text"),
    ],
)
def test_field_labels_and_phone_detection(markup: str, label: str, source: str) -> None:
    f = field(f"<form>{markup}<button>Go</button></form>")
    assert (f.label, f.label_source) == (label, source)
    assert f.is_phone and f.phone_reason


@pytest.mark.parametrize(
    ("attrs", "phone"),
    [
        ('type="tel"', True),
        ('name="mobile_number"', True),
        ('name="cellPhone"', True),
        ('id="contact-tel"', True),
        ('autocomplete="tel-national"', True),
        ('name="sms"', True),
        ('name="hotel_name"', False),
        ('name="telegram"', False),
        ('name="intel"', False),
        ('type="email" name="phone_or_email"', False),
        ('name="input_3"', False),
    ],
)
def test_phone_by_attributes(attrs: str, phone: bool) -> None:
    assert field(f"<form><input {attrs}></form>").is_phone is phone


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("<table><tr><td>Phone:</td><td><input name=f3></td></tr></table>", "label"),
        ('<input name=f3 placeholder="(555) 555-5555">', "placeholder-mask"),
        ('<input name=f3 placeholder="(###) ###-####">', "placeholder-mask"),
        ('<input name=f3 inputmode="tel">', "inputmode=tel"),
        ('<input name=q4 data-type="mask-number" data-component="phone">', "data-attr"),
    ],
)
def test_phone_by_layout_masks_and_data(markup: str, reason: str) -> None:
    f = field(f"<form>{markup}<button>Go</button></form>")
    assert f.is_phone and f.phone_reason == reason


def test_hidden_step_of_a_multi_step_form_still_counts() -> None:
    form = only_form(
        "<form><div class=step><input name=name></div>"
        '<div class=step style="display:none"><label for=p>Phone</label><input id=p name=phone>'
        "<label for=e>Email</label><input id=e type=email name=email></div>"
        '<li style="display:none">Should be Empty: <input name=website></li><button>Go</button></form>'
    )
    assert [f.name for f in form.phone_fields] == ["phone"]
    assert next(f for f in form.fields if f.name == "website").hidden


def test_input_3_with_a_phone_label_is_phone() -> None:
    f = field(
        '<form><label for="input_1_3">Phone Number</label>'
        '<input id="input_1_3" name="input_3"></form>'
    )
    assert f.is_phone and f.phone_reason == "label"


@pytest.mark.parametrize(
    ("markup", "required", "reason"),
    [
        ("<input name=phone required>", True, "required-attr"),
        ('<input name=phone aria-required="true">', True, "aria-required"),
        (
            '<input name=phone class="wpcf7-validates-as-required">',
            True,
            "class wpcf7-validates-as-required",
        ),
        ('<label for="p">Phone *</label><input id="p" name=phone>', True, "label-asterisk"),
        (
            '<div class="gfield gfield_contains_required"><input name=phone></div>',
            True,
            "class gfield_contains_required",
        ),
        ('<input name=phone data-parsley-required="true">', True, "data-parsley-required"),
        (
            '<input name=phone data-val="true" data-val-required="Enter a phone">',
            True,
            "data-val-required",
        ),
        ("<input name=phone>", False, None),
        ('<input name=phone class="not-required">', False, None),
    ],
)
def test_required_signals(markup: str, required: bool, reason: str | None) -> None:
    f = field(f"<form>{markup}</form>")
    assert (f.required, f.required_reason) == (required, reason)


def test_consent_text_from_sibling_text_and_adjacent_disclosure() -> None:
    b = box(
        "<form><p><input type=checkbox name=sms> I agree to get texts from Acme</p>"
        "<p>Msg &amp; data rates may apply. Reply STOP to cancel. "
        "<a href='/privacy'>Privacy</a></p>"
        "<p><button>Send</button></p></form>"
    )
    assert b.label == "I agree to get texts from Acme" and b.label_source == "sibling-text"
    assert "Reply STOP to cancel" in b.description and "adjacent-text" in b.text_sources
    assert [link.url for link in b.links] == ["https://acme.example/privacy"]


def test_disclosure_above_the_box_counts_but_not_another_fields_label() -> None:
    b = box(
        "<form><label for=p>Phone</label><input id=p type=tel>"
        "<p>By checking the box below you agree to receive texts. Reply STOP to opt out.</p>"
        "<div><input type=checkbox id=c><label for=c>Yes</label></div><button>Go</button></form>"
    )
    assert b.label == "Yes"
    assert b.description.startswith("By checking the box below")
    assert "Phone" not in b.description


def test_aria_describedby_and_role_checkbox() -> None:
    form = only_form(
        '<div role="form"><input type=tel name=phone>'
        '<div role="checkbox" aria-checked="true" aria-labelledby="lbl"'
        ' aria-describedby="d" tabindex=0></div>'
        '<span id="lbl">Text me deals</span><p id="d">Up to 5 msgs/week.</p>'
        "<button>Join</button></div>"
    )
    (b,) = form.checkboxes
    assert b.input_type == "role" and b.checked
    assert b.label == "Text me deals" and "Up to 5 msgs/week." in b.description


def test_checkbox_group_options_do_not_leak_into_each_other() -> None:
    form = only_form(
        "<form><input type=tel name=phone><fieldset><legend>Contact me by</legend>"
        "<label><input type=checkbox name=via value=email> Email</label>"
        "<label><input type=checkbox name=via value=sms> Text message</label>"
        "<p>Msg rates may apply.</p></fieldset><button>Send</button></form>"
    )
    email, sms = form.checkboxes
    assert (email.label, sms.label) == ("Email", "Text message")
    assert email.group_label == sms.group_label == "Contact me by"
    assert email.group_size == 2
    assert "Text message" not in email.consent_text and "Email" not in sms.consent_text
    assert sms.description == "Msg rates may apply."


def test_radio_yes_no_consent() -> None:
    form = only_form(
        "<form><input type=tel name=phone><p>Can we text you?</p>"
        "<label><input type=radio name=ok value=yes checked> Yes</label>"
        "<label><input type=radio name=ok value=no> No</label><button>Go</button></form>"
    )
    yes, no = form.checkboxes
    assert yes.input_type == "radio" and yes.checked and not no.checked


@pytest.mark.parametrize(
    "script",
    [
        "document.getElementById('sms').checked = true;",
        "document.querySelector('#sms').checked=true",
        "$('#sms').prop('checked', true);",
        "jQuery('#sms').attr('checked', 'checked');",
        "document.getElementById('sms').setAttribute('checked', '');",
        "var box = document.getElementById('sms');\nif (box) { box.checked = true; }",
        "document.querySelectorAll('input[type=checkbox]')"
        ".forEach(function (c) { c.checked = true; });",
        "$('input[name=\"sms_ok\"]').prop('checked', true)",
        "document.getElementById('sms').click();",
    ],
)
def test_script_that_ticks_the_box(script: str) -> None:
    b = box(
        "<form><input type=checkbox id=sms name=sms_ok><label for=sms>Texts</label></form>"
        f"<script>\n{script}\n</script>"
    )
    assert b.checked_by_script and not b.checked
    assert b.script_line is not None


@pytest.mark.parametrize(
    "script",
    [
        "document.getElementById('sms').checked = false;",
        "document.getElementById('other').checked = true;",
        "$('#sms').prop('checked', false);",
        "if (box.checked) { send(); }",
    ],
)
def test_script_that_does_not_tick_the_box(script: str) -> None:
    b = box(
        "<form><input type=checkbox id=sms name=sms_ok><label for=sms>Texts</label></form>"
        f"<script>{script}</script>"
    )
    assert not b.checked_by_script


def test_formless_groups_are_split_by_container() -> None:
    p = page(
        '<section class="hero"><div class="lead-form"><input type=tel placeholder="Phone">'
        '<a role="button" href="#">Get quote</a></div></section>'
        "<footer><div class=newsletter><input type=email placeholder=Email>"
        "<button>Join</button></div>"
        '<input type=search name=s placeholder="Search"></footer>'
    )
    assert [f.kind for f in p.forms] == ["formless", "formless"]
    quote, news = p.forms
    assert quote.has_phone and quote.submit_text == "Get quote" and quote.region == "body"
    assert not news.has_phone and news.region == "footer"
    assert all(fl.input_type != "search" for f in p.forms for fl in f.fields)


def test_formless_forms_in_one_section_split_at_their_buttons() -> None:
    p = page(
        "<section><div class=a><input type=tel name=p1><button>Call me</button></div>"
        "<div class=b><input type=email name=e><input type=checkbox name=news> News"
        "<button>Join</button></div></section>"
        "<main><div><input name=f1 placeholder=Phone></div><div><input name=f2></div></main>"
    )
    assert [(f.submit_text, [x.name for x in f.fields]) for f in p.forms] == [
        ("Call me", ["p1"]),
        ("Join", ["e"]),
        (None, ["f1", "f2"]),
    ]


def test_form_heading_is_the_nearest_heading_of_its_part_of_the_page() -> None:
    p = page(
        "<main><h1>Contact us</h1><p>Intro</p><div><form><input type=tel name=p></form></div></main>"
        "<footer><form><input type=email name=e><button>Join</button></form></footer>"
    )
    assert [f.heading for f in p.forms] == ["Contact us", ""]


def test_honeypots_are_hidden() -> None:
    form = only_form(
        "<form><input type=tel name=phone>"
        '<div style="position: absolute; left: -5000px;" aria-hidden="true">'
        '<input name="b_123_phone" tabindex="-1"></div>'
        '<p class="hp"><input name="mobile2"></p><input type=hidden name=tel_hidden>'
        "<button>Subscribe</button></form>"
    )
    assert [f.name for f in form.phone_fields] == ["phone"]


def test_form_in_a_hidden_modal_is_still_read_and_flagged() -> None:
    p = page(
        '<div class="modal" style="display:none">'
        "<form><input type=tel name=p><button>Go</button></form></div>"
    )
    (form,) = p.forms
    assert form.hidden and form.has_phone


def test_visible_text_drops_script_style_template_and_hidden() -> None:
    p = page(
        "<p>Visible</p><script>var secret=1</script><style>.x{}</style><noscript>nojs</noscript>"
        "<template><p>tpl</p></template><p hidden>gone</p><p style='display: none'>gone2</p>"
        "<p class='hidden md:block'>desktop only</p><footer><p>Footer stays</p></footer>"
    )
    assert p.text.split("\n") == ["Visible", "desktop only", "Footer stays"]


def test_links_regions_and_topics() -> None:
    p = page(
        "<header><nav><a href='/about-us'>About</a></nav></header>"
        "<main><a href='/book-now'>Book online</a></main>"
        "<div id='site-footer'><a href='/legal/privacy'>Privacy</a>"
        "<a href='/tos'>Terms of Service</a>"
        "<a href='/sms-terms'>Text messaging terms</a><a href='#'>Top</a></div>"
    )
    by_text = {link.text: link for link in p.links}
    assert by_text["About"].region == "nav" and "about" in by_text["About"].topics
    assert by_text["Book online"].region == "body" and "book" in by_text["Book online"].topics
    assert by_text["Privacy"].region == "footer" and "privacy" in by_text["Privacy"].topics
    assert "terms" in by_text["Terms of Service"].topics
    assert "sms" in by_text["Text messaging terms"].topics
    assert by_text["Top"].url == "" and by_text["Top"].href == "#"
    assert p.links_about("privacy") == (by_text["Privacy"],)


def test_page_facts() -> None:
    p = extract_page(
        '<?xml version="1.0" encoding="utf-8"?>\n<html lang="en"><head><title> Acme  Co </title>'
        '<link rel="canonical" href="/contact/"><meta name="robots" content="noindex">'
        '<meta property="og:url" content="https://acme.example/contact/"><base href="https://cdn.acme.example/">'
        '<script type="application/ld+json">{"@type":"LocalBusiness","name":"Acme Co",'
        '"telephone":"+1 512 555 0100","address":{"@type":"PostalAddress",'
        '"streetAddress":"1 Main St",'
        '"addressLocality":"Austin","addressRegion":"TX","postalCode":"78701"}}</script></head>'
        "<body><h1>Welcome</h1><h3>Sub</h3><p>Call (512) 555-0199 or email info@acme.example</p>"
        "<a href='page'>rel</a></body></html>",
        url=URL,
        robots_header="nofollow",
    )
    assert p.title == "Acme Co" and p.lang == "en"
    assert (
        p.canonical == "https://cdn.acme.example/contact/"
    )  # resolved against <base>, as browsers do
    assert p.og_url == "https://acme.example/contact/"
    assert p.meta_robots == "noindex nofollow"
    assert [(h.level, h.text) for h in p.headings] == [(1, "Welcome"), (3, "Sub")]
    assert p.links[0].url == "https://cdn.acme.example/page"
    assert p.contact.names == ("Acme Co",)
    assert set(p.contact.phones) == {"5125550100", "5125550199"}
    assert p.contact.emails == ("info@acme.example",)
    assert "1 Main St, Austin, TX, 78701" in p.contact.addresses
    assert "<h1>Welcome</h1>" in p.line_text(p.headings[0].line)


def test_collapsed_sections_are_in_full_text_only() -> None:
    p = page(
        "<h2>Privacy</h2><button>SMS section</button>"
        '<div class="collapse" style="display:none"><p>No mobile information will be shared.</p></div>'
    )
    assert "No mobile information" not in p.text
    assert "No mobile information will be shared." in p.full_text


def test_script_drawn_form_placeholders_are_widgets() -> None:
    p = page('<div class="nf-form-cont" id="nf-form-3-cont"><noscript>Enable JS</noscript></div>')
    assert [(e.kind, e.provider, e.is_form) for e in p.embeds] == [("widget", "ninja-forms", True)]
    ssr = page(
        '<div class="sqs-block form-block sqs-block-form"><form><input name=phone></form></div>'
    )
    assert ssr.embeds == () and ssr.forms


def test_login_wall_and_placeholders() -> None:
    login = page(
        "<h1>Sign in</h1><form><input name=u><input type=password name=p>"
        "<button>Log in</button></form>"
    )
    assert login.login_wall
    soon = page("<h1>Coming Soon</h1><p>Our new website is under construction.</p>")
    assert soon.placeholder_markers == ("coming soon", "under construction")
    normal = page("<h1>Acme</h1>" + "<p>We fix roofs. New menu coming soon!</p>" * 40)
    assert normal.placeholder_markers == ()
    parked = page("<p>This domain is for sale! Buy this domain today.</p>")
    assert "buy this domain" in parked.placeholder_markers


def test_line_numbers_match_html_lines_whatever_the_line_endings() -> None:
    html = "<html>\r\n<body>\r\n<p>a\u2028b</p>\r\n<form id=f><input type=tel></form>\r\n</body>"
    p = extract_page(html, url=URL)
    assert p.line_text(p.forms[0].line) == "<form id=f><input type=tel></form>"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "not html at all",
        "<html>",
        "<<<>>>",
        "\x00\x01binary",
        "<p>" * 5000,
        "<div>" * 3000 + "x",
    ],
)
def test_junk_never_crashes(html: str) -> None:
    p = extract_page(html, url=URL)
    assert isinstance(p.text, str)
