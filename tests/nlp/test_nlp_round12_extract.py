"""Round 12 extraction mechanisms.

Ages: a birthday to come ("I turn 40 next month" is 39 now; the number she will be is no stated age), a
range of ages ("between 25 and 30") is none, years' experience with an apostrophe, a size after a
measurement's label ("Schoenmaat 39"), a couple's "she's NN and he's NN", "been dancing 12 years".
Phones: opening hours after a number ("| 11-19u") are masked, a company's register number is no phone,
"add 0" puts the trunk zero in front, a number spelled digit by digit with a comma between its groups, a
number told in parts over a sentence or a line of words, continuation words in brackets, a head with its
country code told in parts, "in NL" as a hint for the region, "sicks" for six, a tracking code glued to
its digits.
Handles: a link to one post is no handle, nor the word beside an invitation link; "OF name" in a comma
list of handles, "zoek naar: name" and "zoek op @name", a picture before the colon ("Snap👻: name"),
"of:" in a list of handles.
Sentences written for these tests (synthetic numbers and names)."""

import pytest

from nlp.ages import find_ages
from nlp.handles import find_handles
from nlp.phones import read_phones


def ages(text: str) -> list[int]:
    return sorted({a.age for a in find_ages(text)})


def phones(text: str, country: str | None) -> list[str]:
    return sorted(p.e164 for p in read_phones(text, country, lang="nl").phones)


def handles(text: str) -> set[tuple[str, str]]:
    return {(h.platform, h.handle) for h in find_handles(text)}


@pytest.mark.parametrize(("text", "expected"), [
    # a birthday to come: one year younger now
    ("I turn 35 next week, come and celebrate. Leeds.", [34]),
    ("Ik word binnenkort 27 en geef een feestje. Almere.", [26]),
    ("Next month I'll be 31 so book me now.", [30]),
    ("I'm turning thirty soon!", [29]),
    # the age she will be is no stated age when she states her age now
    ("Volgend jaar ben ik 30, nu nog 29. Breda.", [29]),
    ("Mara, 26. I turn 27 next month.", [26]),
    # no time to come in the sentence: as before
    ("I will be in Leeds next week, 25 years old", [25]),
])
def test_coming_birthday(text: str, expected: list[int]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I'm between 30 and 35, living in Derby.", []),
    ("Ik ben tussen de 40 en 45, discreet.", []),
    ("Jess, 44. Twelve years' experience, 18 years’ experience in spa work.", [44]),
    ("Ik ben 21 jaar. Schoenmaat 38, lengte 170 cm.", [21]),
    ("Noor, 33. Shoe size 41, dress size 12.", [33]),
    ("Swingers, she's 29 and he's 35, Leiden.", [29, 35]),
    ("Stel uit Delft: hij is 41 en zij is 38.", [38, 41]),
    # what she has been doing for so long is no age
    ("Hi, Roos 34 from Gouda. Been dancing 12 years, since I was 22.", [34]),
])
def test_not_an_age_and_couples(text: str, expected: list[int]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(("text", "country", "expected"), [
    # opening hours glued after a number: not read on with it
    ("Mila | 06 - 41 22 73 95 | 10-18u", "auto", ["+31641227395"]),
    # a company's register number
    ("Company no. 07234567, VAT GB123456789.", "auto", []),
    ("Bedrijfsnummer 08345612 staat op de factuur.", "auto", []),
    # "add 0": the trunk zero in front
    ("Text: six one two three four five six seven eight (Dutch mobile, add 0)", "NL", ["+31612345678"]),
    # digit by digit, a comma between the groups, homophones among the digits
    ("oh 7 9 1 2, 3 4 won 5 for 6", "GB", ["+447912341546"]),
    # told in parts over a sentence or a line of words
    ("first part 07911, the rest is on the next line.\n123456", "GB", ["+447911123456"]),
    ("Eerst 06, dan 2244. De rest stuur ik in de volgende zin. Die is 8765.", "NL", ["+31622448765"]),
    ("My number starts 07723\nand ends 456789", "GB", ["+447723456789"]),
    # continuation words in brackets
    ("bel 06 31 (then) 44 52 (and last) 87, alleen sms", "NL", ["+31631445287"]),
    # a head with its country code told in parts
    ("Spaans nummer, begint met +34 612\nen dan 345 678", "NL", ["+34612345678"]),
    # "in NL" is a hint for the region
    ("UK number +44 7700 123456, in NL bereikbaar op 06 23456781.", "GB", ["+31623456781", "+447700123456"]),
    # "sicks" sounds like six among spelled digits
    ("zero sicks two four one three five seven nine eight", "NL", ["+31624135798"]),
    # a tracking code's letters glued to its digits after the label and a colon
    ("Tracking: 4TXYZ0687654321, bezorging 14:00-18:00.", "NL", []),
])
def test_phone_mechanisms(text: str, country: str, expected: list[str]) -> None:
    assert phones(text, country) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Zie x.com/mila_ams/status/1234567890 voor mijn nieuws", set()),
    ("Latest post: instagram.com/mila.ams/p/Cabc123xyz", set()),
    ("Telegram invite: t.me/+XyZ987abc", set()),
    ("IG @mila.ams, snap mila_ams, OF mila_ams_of", {("instagram", "mila.ams"), ("snapchat", "mila_ams"),
                                                    ("onlyfans", "mila_ams_of")}),
    ("Ook op Instagram, zoek naar: mila.ams22", {("instagram", "mila.ams22")}),
    ("Liever Snapchat? Zoek op @mila_ams", {("snapchat", "mila_ams")}),
    # a picture between the label and the colon
    ("Insta📸: mila.ams", {("instagram", "mila.ams")}),
    # "of:" in lower case as an item of a list of handles
    ("tg: mila_ams | ig: mila.ams | of: milaams", {("telegram", "mila_ams"), ("instagram", "mila.ams"),
                                                  ("onlyfans", "milaams")}),
    ("the list of: apples | pears", set()),
    # prose after a comma: "OF course" is no handle
    ("Bristol based, OF course, IG bo.brs", {("instagram", "bo.brs")}),
])
def test_handle_mechanisms(text: str, expected: set[tuple[str, str]]) -> None:
    assert handles(text) == expected
