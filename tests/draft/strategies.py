"""Hypothesis strategies for realistic answer sets: names with apostrophes, ampersands, accents
and long ones; every kind of message and way of opting in; marketing on and off."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from hypothesis import strategies as st

# (industry, what the business does, who it texts): kept clear of the verticals carriers refuse.
BUSINESSES = (
    ("dental clinic", "care for the teeth of families in south Austin", "patients"),
    ("property management", "manage apartment buildings in Portland", "tenants"),
    ("bike shop", "sell, repair and rent bicycles in Boise", "customers"),
    ("plumbing contractor", "fix leaks, drains and water heaters across Tulsa", "customers"),
    ("yoga studio", "teach yoga and pilates classes in Madison", "members"),
    ("veterinary clinic", "look after cats and dogs in Fresno", "pet owners"),
    ("accounting firm", "prepare tax returns and books for small businesses", "clients"),
    ("hair salon", "cut, color and style hair in Savannah", "clients"),
    ("software company", "make scheduling software for clinics", "users"),
    ("moving company", "move homes and offices around Denver", "customers"),
    ("florist", "arrange flowers for weddings and events in Tucson", "customers"),
    ("tutoring center", "tutor students in math and reading", "families"),
    ("winery", "make and sell wine in the Willamette Valley", "customers"),  # age gate
    ("auto finance", "lend money directly to used-car buyers", "borrowers"),  # direct lending
    ("food bank", "feed families across the county", "neighbors"),
)
FIRST = ("Maple", "Cedar Grove", "Riverside", "Blue Heron", "Joe's", "Peña", "Café Olé",
         "Zoë's", "Crème Brûlée", "São Paulo", "Smith & Sons", "O'Brien", "Ünal", "Ríos",
         "Łukasz", "Nguyễn", "B & B", "Saint-Étienne", "McKenzie-Dubois")  # fmt: skip
MIDDLE = ("", "", " Family", " Street", " & Daughters", " Neighborhood", " Westside",
          " Community", " and Associates of the Greater Metropolitan Valley Area")  # fmt: skip
LAST = ("Dental", "Property Management", "Bike Works", "Plumbing", "Yoga", "Animal Clinic",
        "Accounting", "Salon", "Software", "Movers", "Flowers", "Learning Center")  # fmt: skip
KINDS = ("appointment_reminders", "service_notices", "billing_reminders", "order_updates",
         "replies", "employee_notices", "one_time_codes", "marketing_offers")  # fmt: skip
METHODS = ("web_form", "keyword", "text_first", "phone_call", "paper_form", "app")
AREA = ("512", "503", "208", "617", "303", "415", "212", "305", "773", "206")


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_name.lower())[:40] or "business"


@st.composite
def answer_sets(draw: Any) -> dict[str, Any]:
    industry, what, recipients = draw(st.sampled_from(BUSINESSES))
    name = (draw(st.sampled_from(FIRST)) + draw(st.sampled_from(MIDDLE)) + " "
            + draw(st.sampled_from(LAST)))  # fmt: skip
    entity = draw(
        st.sampled_from(
            ("private company",) * 6 + ("non-profit", "public company", "sole proprietor")
        )
    )
    domain = slug(name) + draw(st.sampled_from((".com", ".net", ".org", ".co")))
    www = draw(st.booleans())
    site = f"https://{'www.' if www else ''}{domain}"
    kinds = set(draw(st.sets(st.sampled_from(KINDS), min_size=1, max_size=5)))
    if entity == "non-profit" and draw(st.booleans()):
        kinds.add("donations")
    methods = set(draw(st.sets(st.sampled_from(METHODS), min_size=1, max_size=4)))
    outbound = kinds - {"replies"}
    written = methods & {"web_form", "keyword", "paper_form", "app"}
    if outbound and methods <= {"text_first"}:
        methods.add(draw(st.sampled_from(("web_form", "keyword", "paper_form", "app"))))
    if "marketing_offers" in kinds and not (methods & {"web_form", "keyword", "paper_form", "app"}):
        methods.add("web_form")
    if "phone_call" in methods and not (outbound - {"marketing_offers"}):
        methods.discard("phone_call")
        methods.add("web_form")
    if kinds == {"replies"}:
        methods = {"text_first"}
    del written
    phone = f"({draw(st.sampled_from(AREA))}) 555-01{draw(st.integers(0, 99)):02d}"
    raw: dict[str, Any] = {
        "business.name": name,
        "business.legal_name": name
        if entity == "sole proprietor"
        else name + draw(st.sampled_from((" LLC", " Inc.", " PLLC", ", Inc."))),
        "business.type": entity,
        "business.industry": industry,
        "business.what_you_do": what,
        "business.website": site,
        "business.email": f"hello@{domain}",
        "business.phone": phone,
        "business.address.street": f"{draw(st.integers(1, 9999))} {draw(st.sampled_from(('Main Street', 'Oak Avenue', 'SE Alder Street', 'Route 9')))}",
        "business.address.city": draw(st.sampled_from(("Austin", "Portland", "Boise", "Tulsa"))),
        "business.address.state": draw(st.sampled_from(("TX", "OR", "ID", "OK"))),
        "business.address.postal_code": f"{draw(st.integers(10000, 99999))}",
        "recipients": recipients,
        "messages": sorted(kinds),
        "marketing": "yes" if "marketing_offers" in kinds else "no",
        "frequency": draw(
            st.sampled_from(("varies", "up to 4 per month", "up to 2 per week", "up to 10 per day"))
        ),
        "low_volume": draw(st.sampled_from(("yes", "no"))),
    }
    if entity != "sole proprietor":
        raw["business.ein"] = (
            f"{draw(st.integers(10, 99)):02d}-{draw(st.integers(1000000, 9999999))}"
        )
        if raw["business.ein"][:2] in {
            "17",
            "18",
            "19",
            "28",
            "29",
            "49",
            "69",
            "70",
            "78",
            "79",
            "89",
            "96",
            "97",
        }:
            raw["business.ein"] = "84" + raw["business.ein"][2:]
    if entity == "public company":
        raw["business.stock_symbol"] = "ABCD"
        raw["business.stock_exchange"] = "NASDAQ"
    if "web_form" in methods:
        path = draw(st.sampled_from(("/text-alerts", "/book", "/sign-up/texts", "/", "/order")))
        raw["opt_in.web_form"] = site + path
    if "keyword" in methods:
        raw["opt_in.keyword"] = draw(st.sampled_from(("JOIN", "RIDE", "SMILE", "ALERTS", "TENANT")))
        raw["opt_in.keyword_where"] = draw(
            st.sampled_from(
                ("our website", "the sign at our front desk", "our flyers and receipts")
            )
        )
        if draw(st.booleans()):
            raw["opt_in.keyword_photo"] = f"{site}/img/keyword-sign.jpg"
    if "text_first" in methods:
        raw["opt_in.text_first"] = "yes"
        raw["opt_in.text_first_where"] = draw(
            st.sampled_from(("our website and business cards", "every lease and the office door"))
        )
    if "phone_call" in methods:
        raw["opt_in.phone_call"] = "yes"
    if "paper_form" in methods:
        raw["opt_in.paper_form"] = "yes"
        raw["opt_in.paper_form_where"] = "our front desk"
        raw["opt_in.paper_form_photo"] = draw(
            st.sampled_from(
                (f"{site}/img/sms-form.jpg", "https://drive.google.com/file/d/1AbCdEf/view")
            )
        )
    if "app" in methods:
        raw["opt_in.app"] = "yes"
        raw["opt_in.app_screenshot"] = f"{site}/img/app-sms-setting.png"
    if draw(st.booleans()):
        raw["contact_form.url"] = site + "/contact"
        raw["contact_form.text_these_numbers"] = (
            "no" if kinds == {"replies"} else draw(st.sampled_from(("yes", "no")))
        )
    return raw
