from __future__ import annotations

import pytest

from nlp.ages import find_ages
from nlp.emails import find_emails
from nlp.extract import extract
from nlp.handles import find_handles, find_urls
from nlp.lang import detect_language


@pytest.mark.parametrize(
    ("text", "address", "obfuscated"),
    [
        ("Mail lisa.x@gmail.com voor info", "lisa.x@gmail.com", False),
        ("mail naam at gmail punt com", "naam@gmail.com", True),
        ("write name [at] mail [dot] com", "name@mail.com", True),
        ("lisa(at)hotmail(dot)nl", "lisa@hotmail.nl", True),
        ("lisa @ outlook . com", "lisa@outlook.com", True),
        ("lisa_98 apenstaartje live punt nl", "lisa_98@live.nl", True),
        ("contact: x@y.co.uk.", "x@y.co.uk", False),
    ],
)
def test_emails_plain_and_disguised(text, address, obfuscated):
    found = find_emails(text)
    assert [(e.address, e.obfuscated) for e in found] == [(address, obfuscated)]
    assert text[found[0].start : found[0].end].lower().replace(" ", "").startswith(address.split("@")[0])


def test_prose_with_at_and_dot_is_no_email():
    assert find_emails("Meet me at the hotel. Dot your i's, punt uit.") == []


def test_disguised_email_does_not_leak_a_phone_or_flag_plain_mail():
    result = extract("Mail: lisa0612345678@gmail.com")
    assert result.emails == ["lisa0612345678@gmail.com"] and result.phones == []
    assert not any(h["code"] == "email_disguised" for h in result.indicators)


@pytest.mark.parametrize(
    ("text", "platform", "handle"),
    [
        ("snap: lisa_x", "snapchat", "lisa_x"),
        ("Snapchat - Lisa.NL", "snapchat", "lisa.nl"),
        ("t.me/lisa_nl", "telegram", "lisa_nl"),
        ("Telegram @LisaNL", "telegram", "lisanl"),
        ("insta: lisa.official.", "instagram", "lisa.official"),
        ("https://instagram.com/lisa_x", "instagram", "lisa_x"),
        ("signal: anna.01", "signal", "anna.01"),
        ("kik: lisa99", "kik", "lisa99"),
    ],
)
def test_handles(text, platform, handle):
    found = find_handles(text)
    assert [(h.platform, h.handle) for h in found] == [(platform, handle)]
    assert text[found[0].start : found[0].end].lower().endswith(handle.lstrip("+"))


def test_a_whatsapp_link_is_a_phone_not_a_handle():
    # wa.me takes only a number, in international form without "+": the number is the contact.
    for text in ("WhatsApp wa.me/31612345678", "app me: https://wa.me/+31612345678 (of bel)"):
        result = extract(text, country="GB")
        assert result.phones == ["+31612345678"] and result.handles == [], text
    assert extract("wa.me/12").phones == []  # too short to be a number


def test_words_that_are_platform_names_are_not_handles():
    assert find_handles("Oh snap, we kik off at eight. Signal me later") == []
    assert find_handles("snap: 0612345678") == []  # a phone after the label belongs to phones.py


def test_urls():
    text = "Zie https://www.example.nl/lisa?x=1, of www.site.nl."
    assert [u.url for u in find_urls(text)] == ["https://www.example.nl/lisa?x=1", "www.site.nl"]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Lisa (19) nieuw in Utrecht", [19]),
        ("Ik ben 19 jaar oud", [19]),
        ("I am 19, call me", [19]),
        ("age: 19", [19]),
        ("Leeftijd: 22", [22]),
        ("19yo girl", [19]),
        ("20-jarige studente", [20]),
        ("zeventien jaar", [17]),
        ("seventeen years old", [17]),
        ("jonge vrouw van 24", [24]),
        ("Anna (21) en Eva (23)", [21, 23]),
    ],
)
def test_stated_ages(text, ages):
    found = find_ages(text)
    assert [a.age for a in found] == ages
    for a in found:
        assert str(a.age) in text[a.start : a.end] or text[a.start : a.end].isalpha() or " " in text[a.start : a.end]


@pytest.mark.parametrize(
    "text",
    [
        "Alleen klanten vanaf 18 jaar",
        "18 years and older only",
        "18+ only",
        "5 jaar ervaring",
        "20 jaar ervaring in het vak",
        "Ik ben 24/7 bereikbaar",
        "heren tot 60 jaar welkom",
        "2 years in NL",
        "Prijs 150 euro, 1 uur",
        "I am 1 of a kind",
        "Ontvangst: Hostel Testpunt, Demolaan 16",
        "Incall: Pension Demo, Modelsingel 55\nPrice 240 EUR",
    ],
)
def test_numbers_that_are_not_the_persons_age(text):
    assert find_ages(text) == []


def test_language_detection():
    assert detect_language("Hoi ik ben Lisa, nieuw in de stad en altijd beschikbaar").lang == "nl"
    assert detect_language("Hi I am Lisa, new in town and always available").lang == "en"
    assert detect_language("Hola soy Maria, nueva en la ciudad").lang == "other"
    assert detect_language("").lang == "other"
    assert detect_language("Nieuw in de stad, bel mij! New in town, call me, always available").mixed


def test_explicit_lang_is_kept_and_entities_carry_spans():
    result = extract("Lisa (19), bel 0612345678, Amsterdam, €150", lang="en")
    assert result.lang == "en"
    kinds = {e.kind: e.value for e in result.entities}
    assert kinds == {"age": "19", "phone": "+31612345678", "city": "Amsterdam", "price": "EUR 150"}
    for e in result.entities:
        assert 0 <= e.start < e.end <= len(result.text)


def test_prices_need_a_currency_word_of_their_own():
    from nlp.prices import find_prices

    assert [p.value for p in find_prices("Fleur 21, EUR 40, €50,-, 60 euro, 70,-")] == [
        "EUR 40", "EUR 50", "EUR 60", "EUR 70"]


def test_a_price_never_joins_a_number_on_the_line_above():
    from nlp.prices import find_prices

    assert [p.value for p in find_prices("Adres: Demolaan 16\n€240 p/u")] == ["EUR 240"]
    assert [p.value for p in find_prices("Price 79\nEUR 200 an hour")] == ["EUR 200"]


def test_handle_label_before_at_is_not_an_email():
    result = extract("Telegram @eva.nl")
    assert result.emails == [] and result.handles == [{"platform": "telegram", "handle": "eva.nl"}]
