"""Which country a national phone number belongs to: the site's, the ad's own hints, its shape."""

from __future__ import annotations

import json

from nlp.extract import extract
from nlp.jsonl import extract_line
from nlp.phones import read_phones
from nlp.regions import number_label_region, region_hints


def test_hints_from_cities_country_names_and_calling_codes():
    hints = region_hints("New in Sydney this week! Also on +44 7911 123456. From Australia.")
    assert hints["AU"] == 2 + 1 and hints["GB"] == 3
    assert region_hints("a turkey sandwich in china")["TR"] == 0  # lower-case words, not places
    assert region_hints("manchester city centre")["GB"] == 2


def test_a_city_in_the_text_beats_the_site_country_when_the_number_fits_there():
    # 0412 345 678 is a Dutch landline (Oss) and an Australian mobile.
    assert extract("Lisa, new in Sydney, call 0412 345 678", country="NL").phones == ["+61412345678"]
    assert extract("Lisa in Oss, bel 0412 345 678", country="NL").phones == ["+31412345678"]


def test_a_number_that_does_not_fit_the_site_country_is_placed_by_the_texts_hints():
    assert extract("London only this week: 07911 123456", country="NL").phones == ["+447911123456"]


def test_no_hint_mode_infers_from_language_and_shape():
    assert extract("Bel of app Mila: 06-48271953, ook in het weekend.", lang="nl", country="auto").phones == [
        "+31648271953"]
    assert extract("call oh seven eight three one six oh five two nine four", lang="en",
                   country="").phones == ["+447831605294"]
    assert extract("(415) 739-2046 incall", lang="en", country="auto").phones == ["+14157392046"]


def test_a_number_still_ambiguous_is_reported_with_its_candidates_not_a_guess():
    reading = read_phones("Call 0655128739", country="auto")
    assert reading.phones == []
    assert len(reading.ambiguous) == 1 and reading.ambiguous[0].written == "0655128739"
    assert "+31655128739" in reading.ambiguous[0].candidates and len(reading.ambiguous[0].candidates) > 1
    result = extract("text 06 24 81 73 95 please", lang="other", country="auto")
    assert result.phones == [] and result.phones_ambiguous[0]["written"] == "06 24 81 73 95"


def test_a_mistyped_local_number_is_not_moved_abroad():
    # 067 is no Dutch mobile range; on a Dutch site it stays unread rather than becoming French.
    assert extract("Bel 06-72237154", lang="nl", country="NL").phones == []


def test_extract_input_country_auto_or_empty_means_infer_and_absent_means_nl():
    def out(record):
        return json.loads(extract_line((1, json.dumps(record))))

    auto = out({"id": 1, "text": "Sydney: 0412 345 678", "country": "auto"})
    assert auto["phones"] == ["+61412345678"] and "phones_ambiguous" in auto
    # Without a hint the mobile reading of an area-code shape wins: an Australian mobile, no Dutch landline.
    assert out({"id": 2, "text": "0412 345 678", "country": ""})["phones"] == ["+61412345678"]
    assert out({"id": 4, "text": "06 24 81 73 95", "country": "auto"})["phones_ambiguous"]
    assert out({"id": 3, "text": "bel 0412 345 678"})["phones"] == ["+31412345678"]


def test_a_label_in_front_of_a_number_places_that_number_only():
    # Two numbers, each with its own place: the ad-wide hints cannot tell them apart, the labels can.
    reading = read_phones("Keulen: 0157 82914630 / Amsterdam: 06 52840937", "DE")
    assert [p.e164 for p in reading.phones] == ["+4915782914630", "+31652840937"]
    # A nationality word places the number after it, never the ad ("Belgische dame" moves nothing).
    assert [p.e164 for p in read_phones("Belgisch nr 0472/391/856", "NL").phones] == ["+32472391856"]
    assert [p.e164 for p in read_phones("Belgische dame, bel 06 12345678", "NL").phones] == ["+31612345678"]
    assert number_label_region("UK: 07700 900123", 4) == "GB"
    assert number_label_region("bel me op 0612345678", 10) is None
