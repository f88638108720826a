from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.normalise import digit_runs
from nlp.phones import find_phones, read_phones

NL_MOBILE = "+31612345678"


@pytest.mark.parametrize(
    ("written", "disguise"),
    [
        ("nul zes een twee drie vier vijf zes zeven acht", "words"),
        ("zero six one two three four five six seven eight", "words"),
        ("oh six twelve thirty-four fifty six seventy eight", "words"),
        ("nul zes twaalf vierendertig zesenvijftig achtenzeventig", "words"),
        ("06 een twee 34 56 78", "words"),
        ("O6-l2345678", "letters"),
        ("06I2345678", "letters"),
        ("06*12*34*56*78", "separators"),
        ("06~12~34~56~78", "separators"),
        ("06|12|34|56|78", "separators"),
        ("06_12_34_56_78", "separators"),
        ("0 6 1 2 3 4 5 6 7 8", "spaced"),
        ("0\ufe0f\u20e36\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e35\ufe0f\u20e36\ufe0f\u20e37\ufe0f\u20e38\ufe0f\u20e3", "keycap"),
        ("０６１２３４５６７８", "unicode"),
        ("٠٦١٢٣٤٥٦٧٨", "unicode"),
    ],
)
def test_disguised_numbers_are_found_with_their_original_span(written, disguise):
    text = f"Bel mij op {written} voor een afspraak."
    phones = find_phones(text)
    assert [p.e164 for p in phones] == [NL_MOBILE]
    assert text[phones[0].start : phones[0].end].strip() == written
    assert disguise in phones[0].disguises
    result = extract(text)
    assert result.phones == [NL_MOBILE] and result.phones_obfuscated
    hits = [h for h in result.indicators if h["code"] == "phone_disguised"]
    assert [h["text"].strip() for h in hits] == [written]


def test_mixed_form_with_number_word_glued_to_digits():
    runs = digit_runs("2ONE6")
    assert "".join(t.digits for t in runs[0].tokens) == "216"
    assert [p.e164 for p in find_phones("bel 06 1234 5SIX 78")] == [NL_MOBILE]


@pytest.mark.parametrize(
    "written",
    ["0612345678", "06-12345678", "06 12 34 56 78", "+31 6 1234 5678", "+31 (0)6 12345678", "0031 6 12 34 56 78",
     "+31612345678", "06.12.34.56.78"],
)
def test_plain_numbers_are_not_obfuscated(written):
    result = extract(f"Lisa, bel {written}!")
    assert result.phones == [NL_MOBILE]
    assert not result.phones_obfuscated
    assert not any(h["code"] == "phone_disguised" for h in result.indicators)


def test_landline_foreign_and_region_default():
    assert [p.e164 for p in find_phones("Bel 020-1234567 of +44 7911 123456")] == ["+31201234567", "+447911123456"]
    assert [p.e164 for p in find_phones("call (212) 555-0123", "US")] == ["+12125550123"]
    # Not a Dutch number: written as North American numbers are, it is read as one.
    assert [p.e164 for p in find_phones("call (212) 555-0123", "NL")] == ["+12125550123"]


def test_phones_unique_in_order_of_appearance():
    result = extract("Bel 0201234567 of 0612345678, nogmaals: 06-12345678")
    assert result.phones == ["+31201234567", NL_MOBILE]


@pytest.mark.parametrize(
    "text",
    [
        "Prijs: €150 per uur, 250 euro per 2 uur, 1.000,- per nacht",
        "Beschikbaar op 01-05-2024 en 12/06/2025 en 2024-06-12",
        "Open van 09.00-23.00 en 10:00 tot 22:00",
        "Postcode 1012 AB Amsterdam, 3011 XY Rotterdam",
        "Vergunningnummer: 0612345678",
        "Licentie nr. 0201234567",
        "KvK 06123456, BTW NL001234567B01",
        "IBAN NL91 ABNA 0417 1643 00",
        "Advertentie id 0612345678",
        "Maten 90-60-90, 1.70 m, 55 kg",
        "Referentie 123456789012345678",
        "Bestelnummer 00000000000000000000",
        "Lisa 19 jaar, 24/7 beschikbaar",
    ],
)
def test_numbers_that_are_not_phones(text):
    assert find_phones(text) == []


def test_deobfuscated_text_maps_back_to_the_original():
    from nlp.normalise import deobfuscated

    text = "Bel nul zes 1２ O3 of 0️⃣4️⃣!"
    plain = deobfuscated(text)
    assert plain.text == "Bel 0 6 12 03 of 04!"
    assert len(plain.spans) == len(plain.text)
    start = plain.text.index("0 6")
    assert text[slice(*plain.original_span(start, start + 3))] == "nul zes"
    start = plain.text.index("03")
    assert text[slice(*plain.original_span(start, start + 2))] == "O3"
    assert text[slice(*plain.original_span(len(plain.text) - 3, len(plain.text) - 1))] == "0️⃣4️⃣"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("zerosix onetwothree fourfive sixseven eight", NL_MOBILE),  # number words run together
        ("06 1twothree4 5sixseven8", NL_MOBILE),  # glued to digits
        ("nulzes een twee drie vier vijf zes zeven acht", NL_MOBILE),
        ("zero six one two three for five six seven ate", NL_MOBILE),  # homophones inside a run
        ("zero six one too three four five six seven eight", NL_MOBILE),
        ("O six one two three four five six seven eight", NL_MOBILE),  # a lone O for zero
        ("oh six one two three four five six seven eight", NL_MOBILE),
        ("06 twelve thirtyfour fiftysix seventyeight", NL_MOBILE),  # tens and unit as one word
        ("nul zes twaalf vierendertig zesenvijftig achtenzeventig", NL_MOBILE),
        ("06$12$34$56$78", NL_MOBILE),
        ("06;12;34;56;78", NL_MOBILE),
        ("06@12@34@56@78", NL_MOBILE),
        ("06!12!34!56!78", NL_MOBILE),
        ("06{12}34{56}78", NL_MOBILE),
        ("06'12'34'56'78", NL_MOBILE),
        ('06"12"34"56"78', NL_MOBILE),
        ("plus three one six one two three four five six seven eight", NL_MOBILE),  # "plus" for "+"
    ],
)
def test_more_disguise_forms(written, expected):
    phones = find_phones(f"Bel mij: {written} ok")
    assert [p.e164 for p in phones] == [expected]
    assert phones[0].obfuscated


@pytest.mark.parametrize(
    "text",
    [
        "Beschikbaar op 12 03 2026 en 01 11 2025",  # dates written with spaces
        "Photos taken 05 06 2024, rates 150 for 30 min 250 for 60 min",
        "I go to 2 places for 4 days, ate at 8",  # homophones in prose
        "Rates 200 / 350 / 500, open 9-5, zip 10019",
        "$150 $200 $250 $300 $350",
        "Bestelnummer 2024-118734, verzonden op 3 november",
    ],
)
def test_dates_prices_and_prose_are_not_phones(text):
    assert find_phones(text) == []
    assert find_phones(text, "US") == []


def test_a_spaced_dollar_between_digit_groups_is_a_separator_not_a_price():
    phones = find_phones("Sms 06 $ 48 $ 27 $ 19 $ 53, Den Haag")
    assert [p.e164 for p in phones] == ["+31648271953"]
    assert "separators" in phones[0].disguises
    assert [p.e164 for p in find_phones("Bel 0612345678 $ 150 per uur")] == [NL_MOBILE]  # a price after it stays out
    assert find_phones("Rates $ 200 $ 300 $ 400 $ 500", "US") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vrij op 28 11 2026 en 29 11 2026, bel 0612873945", ["+31612873945"]),  # spaced dates stay out
        ("Away from 08 07 2026 until 15 07 2026, back after that", []),
        ("Tour: 14 03 2026 - 21 03 2026, daarna Utrecht", []),  # dates in a row are not one number
        ("Free on 5 6 2026 6 6 2026", []),
        ("Bel 06 12 03 2026", ["+31612032026"]),  # a phone whose last groups look like a date stays one
        ("Whatsapp o six for too seven one nine three eight five", ["+31642719385"]),
        ("Bel nulzeseenvierachtdrievijfnegenzeventwee", ["+31614835972"]),
        ("Texts to 0six2eight 1nine5three 0seven", ["+31628195307"]),
    ],
)
def test_disguises_next_to_dates_and_prose(text, expected):
    assert [p.e164 for p in find_phones(text)] == expected


def test_fast_parse_agrees_with_phonenumbers():
    """``nlp.phones`` parses and validates plain digits itself (a fifth of the cost); where it decides,
    it decides as ``phonenumbers.parse`` and ``is_valid_number`` do: random numbers of every region,
    national and with "+", made from the regions' example numbers with digits changed and prefixes added."""
    import random

    import phonenumbers
    from phonenumbers import PhoneMetadata

    from nlp import phones

    rng = random.Random(14)
    kinds = ("fixed_line", "mobile", "toll_free", "premium_rate", "voip", "uan", "pager", "personal_number")
    decided = 0
    for region in [*sorted(phonenumbers.SUPPORTED_REGIONS), "ZZ", None]:
        metadata = PhoneMetadata.metadata_for_region(region, None) if region else None
        examples = [d.example_number for k in kinds if metadata and (d := getattr(metadata, k)) and d.example_number]
        for _ in range(12):
            if examples and rng.random() < 0.6:
                digits = list(rng.choice(examples))
                for _ in range(rng.randint(0, 2)):
                    digits[rng.randrange(len(digits))] = str(rng.randrange(10))
                prefix = rng.choice(["", metadata.national_prefix or "", str(metadata.country_code), "00"])
                number = prefix + "".join(digits)
            else:
                number = rng.choice(["", "0", "1", "00", "31", "44"]) + str(rng.randrange(10 ** rng.randint(6, 13)))
            for plus in (False, True):
                fast = phones._fast_e164(number, plus, region)
                if fast is not phones._UNSURE:
                    decided += 1
                    assert fast == phones._parsed_e164(number, plus, region), (number, plus, region)
    assert decided > 3000


def test_digit_sounding_words_at_the_edges_of_a_number_spelled_digit_by_digit():
    # A lone "o" opens a number spelled digit by digit, and homophones ("won", "for", "too") close one;
    # prepositions and prices stay prose.
    assert [p.e164 for p in read_phones("text me o 6 too 3 ate 5 6 5 3 3", "NL").phones] == ["+31623856533"]
    assert [p.e164 for p in read_phones("o 7 for won 5 9 won for too too for", "GB").phones] == ["+447415914224"]
    assert read_phones("open 7 to 11, 150 for 30 min", "NL").phones == []
    assert read_phones("I won 5 prizes", "NL").phones == []
