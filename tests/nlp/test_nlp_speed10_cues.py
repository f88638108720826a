"""Speed work of branch speed10: the cue index (nlp.indicators.cueindex) finds what the whole cue regex finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nlp.indicators import context
from nlp.indicators.cueindex import cue_indexes
from nlp.indicators.gates import gate_text

ROOT = Path(__file__).resolve().parents[2]
EDGE_TEXTS = [
    "",
    "   ",
    "escort",
    "Escort service, incall and outcall. Afspraken via mijn manager; I'm staying put in Zwolle.",
    "Vroeger, back in 2012, 5 years ago: kampen in Kampen, voetbalkamp, fietsenmaker, damesfiets.",
    "Report this ad! Meld het bij de moderators. Pas op voor nep profielen, fake copies of my ad.",
    "reviews: 5/5 ★★★★ would recommend; five stars, vijf sterren, aanrader!",
    "onze dochter (16) zoekt bijles; our son needs a tutor",
    "İSTANBUL ı K \u212a \u017f ſtay at home. Settled\there.\nGESETTELD",
    "priv\u00e9ontvangst, prive ontvangst; privé  ontvangst",
    "a" * 300 + " escort " + "b" * 300,
]


def _dev_texts(limit: int = 400) -> list[str]:
    texts: list[str] = []
    for path in sorted(ROOT.glob("tests/data/dev*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and len(texts) < limit:
                row = json.loads(line)
                texts.append(f"{row.get('title') or ''}\n{row.get('text') or ''}")
    return texts


def _texts() -> list[str]:
    from benchmarks.bench_extract import synthetic_ads, synthetic_long_ads
    from nlp.listingcorpus import generate

    return EDGE_TEXTS + _dev_texts() + synthetic_ads(150, seed=5) + synthetic_long_ads(30, seed=6) \
        + [listing.text for listing in generate(40, seed=3)]


def _span(m: re.Match[str] | None) -> tuple[int, int, str] | None:
    return None if m is None else (m.start(), m.end(), m.group(0))


def _indexes() -> dict[str, object]:
    cues = context._cues()
    found = {name: getattr(cues, name) for name in ("disclaimer", "impostor", "settled", "long_past", "self_managed",
                                                     "parent_voice", "non_adult", "adult", "refusal")}
    found.update({f"notice{k}": index for k, index in enumerate(cues.notice_kinds)})
    return found


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_search_finds_what_the_whole_regex_finds(texts):
    for name, index in _indexes().items():
        for text in texts:
            assert _span(context._search(index, text)) == _span(index.whole.search(text)), (name, text[:80])


def test_narrowed_regex_finds_the_same_in_every_sentence(texts):
    for name, index in _indexes().items():
        for text in texts[:120]:
            narrowed = index.narrowed(gate_text(text))
            for start in range(0, len(text), 17):
                expected = index.whole.search(text, start, start + 40)
                got = narrowed[0].search(text, start, start + 40) if narrowed is not None else None
                assert _span(got) == _span(expected), (name, text[:80], start)


def test_sentence_spans_as_the_whole_regex_gives_them(texts):
    def plain(text: str, regex: re.Pattern[str]) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in [*re.finditer(r"[.!?\n]+", text), None]:
            end = m.start() if m else len(text)
            if regex.search(text, start, end):
                spans.append((start, end))
            start = m.end() if m else len(text)
        return spans if regex.search(text) else []

    r = context.rules()
    for text in texts:
        assert context.disclaimer_sentences(text) == plain(text, r.disclaimer)
        assert context.impostor_sentences(text) == plain(text, r.impostor)
        assert context.long_past_sentences(text) == plain(text, r.long_past)


def test_non_adult_search_skips_place_names_as_before(texts):
    regex = context.rules().non_adult
    for text in texts:
        found = regex.search(text)
        while found is not None and context.is_place_name(found.group(0)):
            found = regex.search(text, found.end())
        assert _span(context.non_adult_search(text)) == _span(found)


def test_made_up_cue_lists_agree_with_their_regex():
    lists = [["foo\\w*", "b[aä]r baz", "(?:x|y)z", "\\d+ ?min"], ["q", "qu(?:ux)?"], ["a b", "\\w*ing", "ab"]]
    indexes = cue_indexes([(cues, context._cue_regex(cues)) for cues in lists], context._cue_regex)
    for text in ["", "foo", "xfoo bar baz", "bär baz", "30 min, 5min", "yz xz quux q", "sing a b", "ab", "AB İ",
                 *EDGE_TEXTS]:
        for index in indexes:
            assert _span(context._search(index, text)) == _span(index.whole.search(text)), text


def test_chunk_gate_is_weaker_than_the_gate():
    from nlp.indicators.cueindex import _chunk_gate
    from nlp.indicators.gates import gate_open

    gate = (("years ago", "jaar geleden"), ("x",), (" ", "\t"), ("a  b",))
    weaker = _chunk_gate(gate)
    assert weaker == (("geleden", "years"), ("x",), ("a",))
    for text in ["5 years ago x a b", "twee jaar geleden", "x", "yearsago xa", "", "a  b years ago x"]:
        lowered = gate_text(text)
        assert not gate_open(gate, lowered) or gate_open(weaker, lowered)


def test_is_refused_as_the_whole_refusal_regex_reads_the_clause(texts):
    r = context.rules()
    for text in texts[:300] + ["Anal niet toegestaan. Zoenen: not allowed, worden geweigerd", "24/7? No way"]:
        for end in range(0, len(text), 5):
            clause = re.split(r"[.,;:!?\n]", text[end : end + r.refusal_chars], maxsplit=1)[0]
            expected = r.refusal.search(clause) is not None or context._ASKED_AND_DENIED.match(text, end) is not None
            assert context.is_refused(text, end) == expected, (text[:60], end)
