"""Round 10 extraction mechanisms (ages and phones), on sentences written for these tests."""

from __future__ import annotations

import pytest

from nlp.ages import find_ages, read_ages
from nlp.extract import extract
from nlp.handles import find_handles
from nlp.phones import read_phones


def _ages(text: str) -> list[int]:
    return [a.age for a in find_ages(text)]


@pytest.mark.parametrize(("text", "ages"), [
    # a bare number as a whole segment of the title
    ("29 • Marloes • Zwolle\nDiscreet en lief, bel na 10 uur.", [29]),
    ("Moeder van drie, 41\nAlleen overdag, de kinderen zijn dan op school.", [41]),
    ("Single mom / 34 / Leeds\nDaytime visits only.", [34]),
    # not a range, a price, a discount, or a number out of the age band
    ("Escort service - 24/7 - Zwolle\nWelkom.", []),
    ("Incall, 50, 30 min\nCall me.", []),
    ("Studio | 12 | Utrecht\nOpen.", []),
    ("Romy, 27 ✨ Nijmegen\nLieve meid.", [27]),
    ("Sporty? Yes! 33\nGym every morning.", [33]),
    ("Wow! 150 roses\nSpecial.", []),
    # "both" and "self" before the number
    ("Two sisters, both 24, Groningen.", [24]),
    ("Moeder van twee (6 en 10), zelf 39. Overdag.", [39]),
    ("Both 30 min and 60 min are possible.", []),
    # the answer to "how old" marked as an answer
    ("Q: How old are you?\nA: 26\nQ: Where are you based? A: Hull.", [26]),
    ("Vraag: Hoe oud ben je? Antwoord: 31.", [31]),
    ("Q: How old? A: 35", [35]),
    ("How old? Guess!", []),
    ("Q: Your age? A: 33\nQ: Rates? A: ask me", [33]),
    # the writer's friend in a duo; not a child, a difference or a friend who is not on offer
    ("Ik ben 27 en mijn beste vriendin is 29, samen of apart te boeken.", [27, 29]),
    ("I'm 24 and my friend Tess is 26, both in Bath.", [24, 26]),
    ("Ik ben 38 en mijn zoon is 16.", [38]),
    ("I'm 30, my friend is 4 years older.", [30]),
    ("I'm 22, my friend is 23 but she does not work here.", [22]),
    ("Ik ben 23, mijn vriendin 26. Samen of los.", [23, 26]),
    ("I'm 31 and my friend is 8 minutes away.", [31]),
    # a duo speaks of both
    ("Wij zijn 22 en 27 en ontvangen in Venlo.", [22, 27]),
    ("We are thirty and thirty-two, booking together only.", [30, 32]),
    ("We zijn 12 en 14 jaar samen in het vak.", []),
    ("We are 20 and 40 minutes from the station.", []),
    # a number word with "now"
    ("Forty-one now and loving it. Incall in Derby.", [41]),
    ("Now thirty-eight and happier than ever.", [38]),
    ("Nu vierendertig en nog steeds nieuwsgierig.", [34]),
    # a duo's ages in words after their names
    ("Wij zijn Femke en Lara, zesentwintig en achtentwintig, en we ontvangen samen.", [26, 28]),
    ("Jade & Skye: twenty-two and twenty-four. Outcall only.", [22, 24]),
    # years of something other than a life
    ("Since 2012 in business. 14 years of satisfied gentlemen!", []),
    ("Ik ben een dame van 19 years of age.", [19]),
    ("Al 16 jaar tevreden klanten in Zwolle!", []),
    ("Ons huis bestaat 19 jaar, kom langs.", []),
    ("Ik ben 22 jaar, klanten zijn welkom.", [22]),
])
def test_round10_ages(text: str, ages: list[int]) -> None:
    assert _ages(text) == ages


@pytest.mark.parametrize("title", ["35+ dame in Zeist", "Rijpe vrouw 40+ in Zeist"])
def test_a_number_glued_to_plus_in_a_title_is_no_age(title: str) -> None:
    assert extract("Ontvangt heren met smaak.", title=title).ages == []


def test_plus_after_title_number_is_a_limit_not_an_age() -> None:
    reading = read_ages("Rijpe vrouw 40+ in Zeist\nOntvangt heren met smaak, alleen op afspraak.")
    assert [a.age for a in reading.stated] == []


def _phones(text: str, country: str = "NL") -> list[str]:
    return [p.e164 for p in read_phones(text, country).phones]


@pytest.mark.parametrize(("text", "phones"), [
    # a country adjective that qualifies a phone word, after or before the number
    ("Whatsapp 0721 345 987 (Roemeens nummer), Rotterdam-Zuid.", ["+40721345987"]),
    ("Texts to 0747 812 903 - it's a Romanian mobile. Eindhoven.", ["+40747812903"]),
    ("Bulgarian number: 0887 123 456, Utrecht", ["+359887123456"]),
    ("Spaans mobiel 612 48 93 07, bel gerust.", ["+34612489307"]),
    ("My UK number 07911 123 456, now in Leiden", ["+447911123456"]),
    # a nationality of the person, no phone word: the site's country still reads the number
    ("Romanian girl in Leiden, 0612345678", ["+31612345678"]),
    ("Spanish, 25, call 06 2345 6789", ["+31623456789"]),
    # a reference number with a verb after its label
    ("Your order reference is 2027 0611 4432, thanks.", []),
    ("Maak de aanbetaling over, betalingskenmerk 0617 2290 35.", []),
    # the tail of a longer run of groups is not placed abroad by its shape alone
    ("Reservation 2031 0455 8812 confirmed", []),
    ("Call me on 0887 654 321 (it is a Bulgarian number)", ["+359887654321"]),
    # the trunk zero left off, with a filler word in the note
    ("Nummer 6 21 93 48 57, doe er even een nul voor.", ["+31621934857"]),
    ("Text 6 39 17 28 40 (leading zero left off)", ["+31639172840"]),
    ("6 39 17 28 40 - de nul ontbreekt", ["+31639172840"]),
    ("Bel 639172840", []),
    # a symbol repeated between the groups is one separator
    ("bel +40 ~~~ 723 ~~~ 118 ~~~ 904", ["+40723118904"]),
    ("06 ••• 21 ••• 43 ••• 65 ••• 87", ["+31621436587"]),
    ("06 --- 41 --- 22 --- 93 --- 70", ["+31641229370"]),
    ("Rates 100 --- 150 --- 250 --- 300", []),
    ("Spaanse WhatsApp: 622 71 09 48", ["+34622710948"]),
    ("Polish girl, whatsapp 06 2345 6789", ["+31623456789"]),
    # the adjective in brackets after the phone word
    ("my number (Bulgarian) 0896 221 430", ["+359896221430"]),
    # number words stacked over lines, two a line
    ("nul zes\nvier een\ndrie drie\nacht zes\nnul twee", ["+31641338602"]),
    ("zero six\nfive five\nzero one\nnine eight\nseven six\nsee you", ["+31655019876"]),
    # words on two lines that are no number: a list
    ("one two\nthree four", []),
    # a number announced in two parts, across a sentence end or with words between
    ("Part one: 06-12. Second part: 448-392. Whatsapp.", ["+31612448392"]),
    ("Het begint met 06 18 en dan komt er nog 55 30 27 achter.", ["+31618553027"]),
    ("My number starts with 06 29 and then comes 771 604.", ["+31629771604"]),
    ("The first part is 06 45 11 and the second part is 02 93.", ["+31645110293"]),
    ("begin: 06-238, eind: 81176", ["+31623881176"]),
    # a three-digit calling code in words after "plus"
    ("plus driehonderdnegenenvijftig 88 123 4567, Varna girl", ["+359881234567"]),
    ("plus four hundred twenty 602 118 734", ["+420602118734"]),
    # a tens word and a unit after "plus": the reading that is a mobile number wins
    ("plus forty seven one two three four five six seven eight", ["+40712345678"]),
    ("plus forty seven nine one two three four five six seven", ["+4791234567"]),
    ("plus thirty one six one two three four five six seven eight", ["+31612345678"]),
])
def test_round10_phones(text: str, phones: list[str]) -> None:
    assert _phones(text) == phones


def test_adjective_hint_is_no_person_feature() -> None:
    """The adjective places the phone; it adds no indicator of where the person is from."""
    plain = extract("Call 0741 283 956, new in Leiden.", country="NL")
    hinted = extract("Call 0741 283 956 (Romanian number), new in Leiden.", country="NL")
    assert plain.phones == ["+31741283956"]
    assert hinted.phones == ["+40741283956"]
    def codes(found: object) -> list[str]:
        return sorted(hit["code"] for hit in found.contract()["indicators"])

    assert codes(hinted) == codes(plain)


def _handles(text: str) -> list[tuple[str, str]]:
    return [(h.platform, h.handle) for h in find_handles(text)]


@pytest.mark.parametrize(("text", "handles"), [
    # a label and one name as an item of a list of handles
    ("IG mara.utrecht | OF MaraUtrecht", [("instagram", "mara.utrecht"), ("onlyfans", "marautrecht")]),
    ("tg SophieRdam / snap sophie.rdam", [("telegram", "sophierdam"), ("snapchat", "sophie.rdam")]),
    # not where no other platform is named on the line, nor a place
    ("OF course / ik ben er", []),
    ("kik Bristol / snap jo.b", [("snapchat", "jo.b")]),
    # a question answered, and a comma before "@"
    ("Q: kik? A: sanne_rdam", [("kik", "sanne_rdam")]),
    ("Heb je snap? Ja: noor.bakker", [("snapchat", "noor.bakker")]),
    ("Insta? Ja, natuurlijk, vraag maar.", []),
    ("Telegram? A lot of people ask.", []),
    ("Find me on Instagram, @JoyAlkmaar", [("instagram", "joyalkmaar")]),
    # a link's host is no handle
    ("Join my WhatsApp group: chat.whatsapp.com/AbC123xyz", []),
])
def test_round10_handles(text: str, handles: list[tuple[str, str]]) -> None:
    assert _handles(text) == handles
