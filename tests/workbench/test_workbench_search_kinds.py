"""Phone numbers written in words are searched as phones without choosing the type (issue 19, point 5)."""

from __future__ import annotations

from workbench.search import guess_kind


def test_phone_words_are_guessed_as_a_phone():
    assert guess_kind("nul zes 12 34 56 78") == "phone"
    assert guess_kind("06-12345678") == "phone"
    assert guess_kind("bel 0612345678 na acht uur met mij") == "text"  # a sentence stays a text search
    assert guess_kind("nieuw in de stad") == "text"
    assert guess_kind("c3a5f00f0ff0a5c3") == "image"
