from __future__ import annotations

import numpy as np

from models.shingles import (
    NAME,
    NUMBER,
    batch_sentences,
    batch_shingles,
    matching_words,
    shingle_hashes,
    tokens,
)
from models.synthetic import synthetic_ads

SAMPLES = [
    "Luna (19) - Zwolle\nHey, ik ben Luna. 19 jaar en in Zwolle. Tel nul-zes-drie-acht een twee (ook WhatsApp)",
    "Mail lisa@example.org of kijk op https://example.org/lisa. Prijs €150 per uur, 24/7.",
    "Hoi! Ik ben Eva, 21 jr, uit Den Haag. een gezellige avond? Bel 06 12 34 56 78 of 0612345678.",
    "", "kort", "x_1 _y 19jaar a.b c!d?e\nf",
]


def _collapsed(masked: list[str]) -> list[str]:
    out: list[str] = []
    for m in masked:
        if not (m == NUMBER and out and out[-1] == NUMBER):
            out.append(m)
    return out


def test_fast_matching_words_agree_with_tokens():
    texts = SAMPLES + [a.text for a in synthetic_ads(200, seed=9)]
    for text in texts:
        assert matching_words(text) == _collapsed([t.masked for t in tokens(text)]), text


def test_slots_are_masked_and_template_words_are_kept():
    words = matching_words(SAMPLES[0])
    assert words[:3] == [NAME, NUMBER, NAME]  # the title's name is a name: it recurs inside a sentence
    assert "ik" in words and "ben" in words and "jaar" not in words  # "19 jaar" is one number slot
    assert words[-4:] == ["tel", NUMBER, "ook", NAME]  # a phone in digit words is one number
    assert matching_words("Nu een gezellige avond") == ["nu", "een", "gezellige", "avond"]
    spans = tokens(SAMPLES[1])
    assert [t.masked for t in spans][:2] == ["mail", "<email>"] and "<url>" in [t.masked for t in spans]
    assert SAMPLES[1][spans[1].start:spans[1].end] == "lisa@example.org"


def test_batch_shingles_match_one_by_one():
    word_lists = [matching_words(t) for t in SAMPLES + [a.text for a in synthetic_ads(50, seed=2)]]
    hashes, offsets = batch_shingles(word_lists, 3)
    for i, words in enumerate(word_lists):
        np.testing.assert_array_equal(hashes[offsets[i]:offsets[i + 1]], np.sort(shingle_hashes(words, 3)))


def test_price_and_age_units_belong_to_the_slot():
    forms = [
        "Tarief: €150 p/u.",
        "Tarief: 150 euro per uur.",
        "Tarief: €150,- per uur.",
        "Tarief: €150/hour.",
    ]
    assert {tuple(matching_words(f)) for f in forms} == {("tarief", NUMBER)}
    assert matching_words("Lisa, 19 years old") == matching_words("Lisa, 19 yo") == ["lisa", NUMBER]
    assert matching_words("Per afspraak, 2 uur") == ["per", "afspraak", NUMBER]  # a unit only after a number


def test_sentences_are_masked_and_their_hashes_shared():
    texts = [
        "Sanne, Rotterdam\nTarief: €120 p/u. Bel 06 12 34 56 78\nTot snel!",
        "Tot snel! Tarief: 150 euro per uur. Bel nul zes een twee.",
        "",
        "geen punt aan het eind",
    ]
    starts = [[] for _ in texts]
    words = [matching_words(t, s) for t, s in zip(texts, starts, strict=True)]
    assert words == [matching_words(t) for t in texts]  # asking for starts changes no word
    assert starts[0] == [0, 2, 4, 6] and starts[2] == []
    hashes, offsets = batch_sentences(words, starts)
    per_text = [set(hashes[offsets[i] : offsets[i + 1]].tolist()) for i in range(len(texts))]
    assert [len(s) for s in per_text] == [4, 3, 0, 1]
    assert len(per_text[0] & per_text[1]) == 3  # price, phone and closing; not the title
