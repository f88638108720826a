"""Round 11 extraction mechanisms: ages (keycap digits, springs young, glued number words with -jarige,
"Name is <number word>", the age before a coming birthday, "NN but feel NN", "officially NN", teen
words opening a line, a number between field marks, a profile list item, "Name NN Place", "NN and ..."
opening a sentence, a bare number as a sentence and a birth year in a name's bracket, the last two only
where the ad states no other age). Sentences written for these tests."""

import pytest

import nlp.ages as ages_module
from nlp.ages import find_ages, read_ages


def ages(text: str) -> list[int]:
    return sorted({a.age for a in find_ages(text)})


@pytest.mark.parametrize(("text", "expected"), [
    # keycap digits
    ("Sanne\n3️⃣1️⃣ jaar, Zwolle, bel na 12.", [31]),
    ("Kim\nleeftijd 2️⃣6️⃣ • Breda • alleen sms", [26]),
    # springs and summers
    ("Hoi, ik ben Roos, 23 lentes jong, uit Delft.", [23]),
    ("Tengo 24 primaveras y vivo en Utrecht.", [24]),
    ("Sweet 21 summers young, Leeds.", [21]),
    # a number word glued to -jarige
    ("Drieëntwintigjarige Mila uit Tiel.", [23]),
    ("Een negentienjarige studente, alleen weekend.", [19]),
    # a name, "is" and a number word
    ("Duo\nEva is drieëndertig, Ilse is achtentwintig. Samen in Ede.", [28, 33]),
    ("Duo\nKate is forty-two and Lou is thirty-eight.", [38, 42]),
    # the age before a coming birthday
    ("Hanna\nNext week I turn 36, still 35 for now. Bristol.", [35]),
    ("Eline\nIn juni word ik 41, dus nu nog even 40. Assen.", [40]),
    ("Geboren in de winter, dus nu 33. Bel Merel.", [33]),
    # "NN but feel NN"
    ("Dora\n52 but feel 35, Reading.", [52]),
    ("Joke\n58 maar voel me jonger! Venlo.", [58]),
    # "officially NN"
    ("Birthday girl today, officially 26! Bath.", [26]),
    ("Sinds vandaag 30 jaar, taart is op. Gouda.", [30]),
    # a teen number word opening a line
    ("new\nfifteen, Hull, only weekends", [15]),
    ("Zeventien en nieuw, Tiel", [17]),
    # a number between field marks on a line
    ("Britt\nTilburg / 27 / ontvangst", [27]),
    ("Gwen\nCardiff | 33 | outcall", [33]),
    # a profile list item
    ("Ellen\nProfiel:\n- 39\n- 1.72\n- Duits/Engels", [39]),
    ("Jo\nStats:\n- 31\n- 5'7\n- size 10", [31]),
    # "Name NN Place" opening a sentence
    ("New here. Kira 17 Blackburn, text after school.", [17]),
    # "NN and ..." opening a sentence
    ("Hi there. 18 and new to this, Bolton.", [18]),
    # a bare number as a sentence, when no other age is stated
    ("bored after class. 15. Wigan", [15]),
    ("19. my first week here", [19]),
    ("Ik ben nieuw in Emmen. 22.", [22]),
])
def test_round11_ages_found(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize("text", [
    # keycaps in a phone number are no age
    "bel 0️⃣6️⃣ 1️⃣2️⃣",
    # seasons that are no age
    "5 summers ago I moved here.",
    # glued -jarige that is no person
    "Ik heb vijfentwintigjarige ervaring in de zorg.",
    # a name and a number word of distance or time
    "Lisa is twenty minutes from the station.",
    # "still NN" that is a price
    "Rates\nStill 30 for now per half hour.",
    # "but feel" without an age felt
    "20 but feel free to ask for an hour.",
    # "officially" and a range or a limit
    "Officially 24/7 available.",
    "Officially 18+ only.",
    # teen words that are counts
    "Fifteen, twenty or thirty minutes, your choice.",
    # fields with a price or two numbers
    "Incall / 30 / 60 min",
    "Rates / 80 / outcall",
    "Room / 12 / 14 / Hilton",
    # a list of prices or times
    "Prijzen:\n- 50\n- 90 euro",
    "Menu:\n- 30 min\n- 60 min",
    # "Name NN Place" that is a street, a room or a date
    "Room 15 Hilton, ask at reception.",
    "Platform 12 Utrecht Centraal.",
    "Sunday 16 March I am free.",
    # "NN and ..." that is a limit or a count
    "Welcome. 21 and older only.",
    "no deals. 30 and 60 minute bookings.",
    "no deals.\n45 and over welcome.",
    # a bare sentence number after a time, a phone or a price word
    "Open late. 22. Call me.",
    "Tel. 16. Appen mag.",
    "Half hour. 80. Full hour 150.",
    # a numbered list
    "1. Incall\n2. Outcall\n13. Overnight",
    # a year in brackets that is no birth year
    "Sinds (2011) actief in Utrecht.",
    # "born in" is a youth cue for the indicator rules, not an age here
    "Born in 1994 and still fabulous.",
])
def test_round11_not_ages(text):
    assert ages(text) == []


def test_bare_number_only_without_another_age():
    assert ages("I'm 24. 16. Leeds") == [24]


def test_birth_year_in_a_name_bracket(monkeypatch):
    monkeypatch.setattr(ages_module, "REFERENCE_YEAR", 2026)
    assert ages("Hoi ik ben Femke (2010) uit Arnhem.") == [16]
    assert ages("Hoi ik ben Femke (2001) uit Arnhem.") == [25]
    # another stated age wins over the birth year
    assert ages("Femke (2001), 24, Arnhem.") == [24]
    # not a birth year: too long ago or to come
    assert ages("Femke (1940) uit Arnhem.") == []
    assert ages("Hotel Ibis (2019) renovated.") == []


def test_keycap_spans_are_the_texts():
    text = "Lot\n2️⃣9️⃣ jaar, Amersfoort"
    found = read_ages(text).stated
    assert [f.age for f in found] == [29]
    assert text[found[0].start:found[0].end] == "2️⃣9️⃣ jaar"


# --- handles -------------------------------------------------------------------------------------
from nlp.handles import find_handles  # noqa: E402


def handles(text: str) -> list[tuple[str, str]]:
    return [(h.platform, h.handle) for h in find_handles(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # 📸 for Instagram, with a value shaped like a handle
    ("📸 mara.bakes", [("instagram", "mara.bakes")]),
    # a label glued to its value by a slash
    ("of/peachyfleur link in bio", [("onlyfans", "peachyfleur")]),
    ("insta/kim.draws", [("instagram", "kim.draws")]),
    ("my of/lisa_x", [("onlyfans", "lisa_x")]),
    # a list with doubled marks, and a shaped item after a capital label
    ("IG tess.daily // OF tessafterhours", [("instagram", "tess.daily"), ("onlyfans", "tessafterhours")]),
    ("OF nina.vip | insta nina.vip.nl", [("onlyfans", "nina.vip"), ("instagram", "nina.vip.nl")]),
    # an introduction a few words after the label
    ("find me on telegram, I'm yara_travels there", [("telegram", "yara_travels")]),
    ("Op snapchat heet ik daar mies_xx", [("snapchat", "mies_xx")]),
    ("Via Signal, zoek op roos.22", [("signal", "roos.22")]),
    ("Op WhatsApp zoeken op gebruikersnaam lot.wa", [("whatsapp", "lot.wa")]),
    # a word for searching before the value is not the value
    ("Kik: search username jade_kik", [("kik", "jade_kik")]),
    ("Telegram: zoek naar 'fennabook'", [("telegram", "fennabook")]),
    # a comma or a picture before a shaped value
    ("Alles op mijn OF, sara.extra", [("onlyfans", "sara.extra")]),
    ("my OF 🔥 bo.exclusive", [("onlyfans", "bo.exclusive")]),
    # "@" after a link's slash
    ("instagram.com/@nova.rae", [("instagram", "nova.rae")]),
    # "snappie", the Dutch pet name of Snapchat
    ("m'n snappie is fem.xo", [("snapchat", "fem.xo")]),
    # one value for two platforms, said after "both are"
    ("find me on kik and snap, both are dana.k", [("kik", "dana.k"), ("snapchat", "dana.k")]),
    # a plain name after a word that names it
    ("Bereikbaar via Telegram, gebruikersnaam saartjeb, liefst 's avonds", [("telegram", "saartjeb")]),
])
def test_round11_handles_found(text, expected):
    assert handles(text) == expected


@pytest.mark.parametrize("text", [
    "📸 real pics only",
    "📸 Sanne",
    "kind of/sort of",
    "insta/snap available",
    "OF course, call me",
    "snap, kik, telegram all fine",
    "Telegram search is slow",
    "on whatsapp, username Amsterdam",
    "snappie sturen mag",
])
def test_round11_not_handles(text):
    assert handles(text) == []


# --- phones ----------------------------------------------------------------------------------------
from nlp.phones import read_phones  # noqa: E402


def phones(text: str) -> list[str]:
    return [p.e164 for p in read_phones(text, "NL", (), None).phones]


@pytest.mark.parametrize(("text", "expected"), [
    # a part that ends a line
    ("eerste deel 06 38\nde rest: 22 83 94", ["+31638228394"]),
    # a filler word after the continuation
    ("Begin with 06 52. Then add 18 29 30.", ["+31652182930"]),
    # a spoken head in brackets
    ("the prefix (nul zes) dan 13572468", ["+31613572468"]),
    # three parts: start, middle, end
    ("Start: zero six. Middle: one two three four. End: five six seven eight.", ["+31612345678"]),
])
def test_round11_phones_in_parts(text, expected):
    assert phones(text) == expected


@pytest.mark.parametrize("text", [
    "open 09 00\nthen 17 00 daily",
    "Start 20:00. Then 22 00 closing.",
    "Middle: 06 12. Room 14 then 22.",
])
def test_round11_parts_that_are_no_phone(text):
    assert phones(text) == []
