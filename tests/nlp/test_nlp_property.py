from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.extract import extract

# Arbitrary Unicode, mixed with the pieces disguises are made of, so that the digit and word
# paths are exercised and not only random letters.
PIECES = st.sampled_from([
    "06", "nul", "zes", "een", "oh", "O", "l", "I", " ", "*", "~", "|", "-", ".", "+31", "\ufe0f\u20e3", "６",
    "@", " at ", " punt ", "com", "snap: ", "t.me/", "(17)", " jaar", "24/7", "geen ", "net 18", "\n",
    "scholiere", "€", "euro", "ＯＮＥ", "\u0301", "\u200d", "🙂",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, title=st.one_of(st.none(), st.text(max_size=20)), country=st.sampled_from(["NL", "GB", "US", "be"]))
def test_extract_never_crashes_and_offsets_stay_in_range(text, title, country):
    result = extract(text, title=title, country=country)
    n = len(result.text)
    assert 0.0 <= result.risk <= 1.0
    assert result.lang in ("nl", "en", "other")
    for hit in result.indicators:
        assert 0 <= hit["start"] < hit["end"] <= n
        assert result.text[hit["start"] : hit["end"]] == hit["text"]
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= n
    assert len(set(result.phones)) == len(result.phones)
    assert all(p.startswith("+") and p[1:].isdigit() for p in result.phones)
