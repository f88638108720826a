from __future__ import annotations

import numpy as np
from sklearn.base import clone

from benchmarks.editcorpus import BOILERPLATE, edit_corpus
from models.centrecluster import CentreClusterer
from models.evaluate import cluster_scores
from models.keys import stable_keys

SENTENCES = [
    "Lovely quiet flat near the old harbour.",
    "Bookings on weekdays from noon.",
    "I enjoy jazz records and long walks by the canal.",
    "Tea and biscuits always ready for guests.",
    "Parking behind the blue gate on the corner.",
    "Ask about the weekend rate before you book.",
    "My cat sleeps in the other room all day.",
    "Fresh flowers every week on the windowsill.",
    "Reply within the hour on most days.",
    "The lift is out of order so take the stairs.",
]


def _background(n: int = 300) -> list[str]:
    return [ad.text for ad in edit_corpus(n, seed=11)]


def test_a_chain_whose_ends_are_far_apart_is_not_one_cluster():
    a = " ".join(SENTENCES[0:6])
    b = " ".join(SENTENCES[2:8])
    c = " ".join(SENTENCES[4:10])
    texts = [*_background(), a, b, c]
    model = CentreClusterer().fit(texts)
    n = len(texts) - 3
    assert model.similarity(n, n + 1) >= 0.4 and model.similarity(n + 1, n + 2) >= 0.4
    labels = model.labels_[n:]
    assert not (labels[0] >= 0 and labels[0] == labels[2])


def test_word_level_edits_stay_together_and_other_ads_apart():
    ads = edit_corpus(3000, seed=4)
    labels = CentreClusterer().fit([a.text for a in ads]).labels_.tolist()
    scores = cluster_scores([a.operation for a in ads], labels)
    # measured 1.000 / 0.844 at 3,000 ads with the sentence check (0.9997 / 0.865 without it);
    # recall grows with the corpus: 0.955 at 20k
    assert scores["precision"] >= 0.97 and scores["recall"] >= 0.82


POOLS = [
    ["Hello, I am {n} from {c}.", "Hi there, my name is {n} and I live in {c}.", "{n} here, now staying in {c}.",
     "Welcome, this is {n}, visiting {c} this week."],
    ["A cheerful and spontaneous girl, always up for a good talk.", "Calm, sweet and reliable.",
     "I love dinner dates and long conversations.", "Sporty and sociable, a drink first is nice."],
    ["Available Monday to Friday from noon.", "Reachable at weekends and in the evening.",
     "Only by appointment, preferably a day ahead.", "Day and night, not on Sundays."],
    ["Hotel visits or your place only.", "Private apartment or escort to your hotel.",
     "Incall near the centre, parking at the door.", "Travel in the region, costs on request."],
    ["Rate {p} per hour, fixed prices.", "My fee is {p} an hour, no bargaining.", "Price {p} for one hour."],
    ["Call or text {t}.", "Contact me on {t} any time.", "Phone {t}, also WhatsApp.", "Send a message to {t}."],
    ["See you soon.", "Kisses and hugs.", "Looking forward to meeting you.", "Until later, take care."],
]


def _stock_pick_ads(advertisers: int = 80, ads_each: int = 4, seed: int = 3) -> tuple[list[str], list[int]]:
    """Advertisers who compose their one template from small pools of stock phrases (as in the
    demo world): many share most of their lines with someone else, none shares all of them."""
    import random

    rng = random.Random(seed)
    texts, truth, seen = [], [], set()
    while len(seen) < advertisers:
        picks = tuple(rng.randrange(len(pool)) for pool in POOLS)
        if picks in seen:
            continue
        seen.add(picks)
        for _ in range(ads_each):
            lines = [pool[k].format(n=rng.choice(["Anna", "Eva", "Lisa", "Mila", "Noor"]),
                                    c=rng.choice(["Utrecht", "Breda", "Zwolle", "Leiden"]),
                                    p=f"€{rng.randrange(100, 300, 10)}", t=f"06{rng.randrange(10**8):08d}")
                     for pool, k in zip(POOLS, picks, strict=True)]
            texts.append("\n".join(lines))
            truth.append(len(seen))
    return texts, truth


def test_advertisers_sharing_stock_phrases_do_not_form_a_hub():
    # Every advertiser's ads are exact copies up to the slots; different advertisers share up to
    # six of seven lines. Measured: precision 0.975, recall 1.0; without the sentence check
    # (sentence_threshold=None, merge_threshold=0.4, the engine before 2026-12-01) precision 0.83.
    texts, truth = _stock_pick_ads()
    scores = cluster_scores(truth, CentreClusterer().fit(texts).labels_.tolist())
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9


def test_sentences_match_across_word_edits_but_not_across_stock_picks():
    base = ["Hi there, you found Ava, 31, new to Leeds.", "A calm and witty companion with a warm smile.",
            "I enjoy jazz evenings, yoga and old films.", "Available most evenings by appointment.",
            "Visits to your hotel are possible near the ring road.", "Call me on 07123456789, texts preferred."]
    edited = list(base)
    edited[1] = "A calm witty and companion with a warm smile."  # two words swapped
    edited[2] = "I enjoy jazz evenings, Adults only. yoga and old films."  # a line inserted mid-sentence
    other = base[:3] + ["Free weekends only if booked a day ahead.", "I host in a quiet flat close to the station.",
                        "Text me at 07999999999, I reply quickly."]
    texts = [*_background(), " ".join(base), " ".join(edited), " ".join(other)]
    model = CentreClusterer().fit(texts)
    n = len(texts) - 3
    agreement = model.sentence_agreement([n, n], [n + 1, n + 2])
    assert agreement[0] >= model.sentence_threshold > agreement[1]


def test_texts_sharing_only_boilerplate_stand_alone():
    uniques = [a.text for a in edit_corpus(400, seed=2, unique_share=1.0)]
    labels = CentreClusterer().fit(uniques).labels_
    assert (labels >= 0).mean() < 0.02
    assert sum(any(line in t for line in BOILERPLATE) for t in uniques) >= 0.9 * len(uniques)


def test_partial_fit_keeps_cluster_keys():
    ads = edit_corpus(1200, seed=6)
    texts, ids = [a.text for a in ads], [a.id for a in ads]
    model = CentreClusterer().partial_fit(texts[:800])

    def keyed(labels, upto, previous=None):
        groups: dict[int, list[str]] = {}
        for i, label in enumerate(labels[:upto]):
            if label >= 0:
                groups.setdefault(int(label), []).append(ids[i])
        members = list(groups.values())
        keys = stable_keys(members, "t", previous)
        return {m: k for group, k in zip(members, keys, strict=True) for m in group}

    first = keyed(model.labels_, 800)
    model.partial_fit(texts[800:])
    assert model.n_texts_ == 1200
    second = keyed(model.labels_, 1200, first)
    kept = sum(second.get(m) == k for m, k in first.items())
    # reclustering over all texts may move some members (measured: 313 of 350 keep their key)
    assert kept >= 0.85 * len(first)


def test_estimator_conventions():
    est = CentreClusterer(threshold=0.5)
    assert clone(est).get_params() == est.get_params()
    assert est.fit(["a b c d"]) is est
    assert est.fit_predict(["x y z w", "x y z w"]).tolist() == [0, 0]
    # texts without words, first or last, stand alone
    assert est.fit_predict(["", "x y z w. v u", "x y z w. v u", "!!!"]).tolist() == [-1, 0, 0, -1]


def test_consensus_without_unshared_shingles_scores_the_same():
    # CentreClusterer builds its consensus tables only from shingles that another text holds
    # (plus each text's total weight); the member scores must not change by it.
    import numpy as np

    from models.consensus import Consensus

    rng = np.random.default_rng(0)
    doc_of = np.repeat(np.arange(40), 12)
    # distinct shingles per text, a weight per shingle, every fifth one held by one text only
    hashes = np.concatenate([rng.choice(30, 12, replace=False) for _ in range(40)]).astype(np.uint64)
    hashes[::5] = np.arange(len(hashes[::5]), dtype=np.uint64) + np.uint64(10_000)
    weights = 0.5 + (hashes % np.uint64(7)).astype(np.float64) * 0.3
    labels = np.repeat(np.arange(8), 5)
    full = Consensus(hashes, weights, doc_of, labels, 0.3).member_scores()
    values, counts = np.unique(hashes, return_counts=True)
    shared = np.isin(hashes, values[counts > 1])
    own = np.bincount(doc_of, weights, minlength=40)
    part = Consensus(hashes[shared], weights[shared], doc_of[shared], labels, 0.3, own).member_scores()
    assert np.allclose(full, part)


def test_world_evaluation_takes_an_engine(tmp_path):
    import pytest

    from benchmarks.worldeval import evaluate_world

    with pytest.raises(ValueError, match="engine"):
        evaluate_world(tmp_path, engine="nope")


def test_each_stored_shingle_knows_its_sentence():
    import numpy as np

    model = CentreClusterer().fit(["red green blue. pink gold"])
    # 2-shingles: "red green", "green blue" (sentence 0), "blue pink" (spans both), "pink gold" (sentence 1)
    assert sorted(model._sentence_of.tolist()) == [0, 0, 1, 255]
    assert model.sentence_agreement(np.array([0]), np.array([0])).tolist() == [1.0]


def _stock_only_world(templates: int = 300, ads_each: int = 4, stripped: int = 40, seed: int = 8,
                      own_words: int = 6):
    """Templates made of one stock line per section (few choices each) plus one sentence of their own;
    ``stripped`` extra ads, each of another template, lost that own sentence (as a dropped-sentence
    edit does), so what is left is stock text that other templates' stripped ads repeat word for word."""
    import random

    rng = random.Random(seed)
    openers = ["Hello, I am {n}.", "Hi there, {n} here.", "Welcome, this is {n}."]
    times = ["Available in the evening by appointment.", "Free at weekends by appointment.",
             "Reachable after eight by appointment."]
    prices = ["Rate {p} per hour.", "From {p} a visit."]
    words = ("quiet warm tea jazz canal garden lamp violet harbour biscuits piano linen velvet autumn "
             "cedar lantern meadow orchard pebble saffron willow amber breeze cobalt").split()
    texts, truth = [], []
    for t in range(templates):
        own = f"My {' '.join(rng.sample(words, own_words))} corner."
        picks = [rng.choice(openers), rng.choice(times), rng.choice(prices)]
        for a in range(ads_each + (1 if t < stripped else 0)):
            lines = [picks[0], own, *picks[1:]] if a < ads_each else list(picks)
            texts.append(" ".join(lines).format(n=rng.choice(["Anna", "Eva", "Lisa"]),
                                                p=f"€{rng.randrange(100, 300, 10)}"))
            truth.append(t)
    return texts, truth


def test_a_group_sharing_only_stock_sentences_is_taken_apart():
    texts, truth = _stock_only_world()
    stripped = [i for i, text in enumerate(texts) if "corner" not in text]
    before = CentreClusterer(stock_share=None).fit(texts).labels_
    after = CentreClusterer().fit(texts).labels_
    # without the check, stripped ads of different templates form groups of identical stock text
    assert len({truth[i] for i in stripped if before[i] >= 0}) >= 10
    assert all(after[i] < 0 for i in stripped)
    # every template's own ads, each with its own sentence, still make one cluster each
    own = [i for i in range(len(texts)) if i not in set(stripped)]
    scores = cluster_scores([truth[i] for i in own], [int(after[i]) for i in own])
    assert scores["precision"] == 1.0 and scores["recall"] == 1.0
    # partial_fit learns the sentence frequencies of every text seen: stripped ads added later
    # are taken apart too
    half = len(texts) // 2
    model = CentreClusterer().partial_fit(texts[:half]).partial_fit(texts[half:])
    assert all(model.labels_[i] < 0 for i in stripped)


def test_edited_copies_of_a_template_built_from_common_lines_stay_together():
    # The stock-pick advertisers (below the 10 % boilerplate cut or not) are combinations of common
    # lines: each line is held by many ads, all of them together by one advertiser only. Word edits
    # do not change that; the check must leave such groups alone.
    import random

    from benchmarks.editcorpus import _edited

    texts, truth = _stock_pick_ads()
    rng = random.Random(5)
    edited = [" ".join(_edited(t.split(" "), rng, rng.randint(0, 2))) for t in texts]
    with_check = cluster_scores(truth, CentreClusterer().fit(edited).labels_.tolist())
    without = cluster_scores(truth, CentreClusterer(stock_share=None).fit(edited).labels_.tolist())
    assert with_check == without and with_check["recall"] >= 0.9


def test_a_template_whose_own_sentence_was_edited_in_most_ads_stays_together():
    # Word for word, the four ads share only stock lines (their own sentence differs by an edit in
    # three of them), so they look like stock text; matched across edits, they share their own line.
    texts, truth = _stock_only_world(stripped=0, own_words=12)
    own = [i for i, t in enumerate(truth) if t == 0]
    for n, i in enumerate(own[1:]):
        words = texts[i].split(" ")
        at = words.index("corner.") - 1 - 2 * n  # a different swap inside the own sentence in each ad
        words[at - 1], words[at] = words[at], words[at - 1]
        texts[i] = " ".join(words)
    model = CentreClusterer().fit(texts)
    labels = model.labels_
    assert labels[own[0]] >= 0 and all(labels[i] == labels[own[0]] for i in own)
    # the exact look alone would have taken them apart
    exact = CentreClusterer(sentence_trusted=None)
    exact._common_sentences_across_edits = lambda labels: (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64),
                                                           np.zeros(0, dtype=np.int64))
    assert all(exact.fit(texts).labels_[i] < 0 for i in own)
