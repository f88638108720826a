from __future__ import annotations

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
    # measured 0.9997 / 0.865 at 3,000 ads (recall grows with the corpus: 0.96 at 20k)
    assert scores["precision"] >= 0.97 and scores["recall"] >= 0.85


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
