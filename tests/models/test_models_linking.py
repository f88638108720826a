from __future__ import annotations

import random

import numpy as np
import pytest
from sklearn.base import clone

from models.keys import stable_keys
from models.linking import NetworkLinker, describe_network, network_members


def _phash(rng: random.Random) -> int:
    # A real pHash is a median split: about half of the 64 bits are set.
    bits = rng.sample(range(64), 32)
    return sum(1 << b for b in bits)


def _flip(value: int, positions: list[int]) -> int:
    for p in positions:
        value ^= 1 << p
    return value


def test_links_are_transitive_across_kinds():
    ads = [
        {"id": "a", "phones": ["+31612345678"]},
        {"id": "b", "phones": ["+31612345678"], "emails": ["X@example.org"]},
        {"id": "c", "emails": ["x@example.org"], "handles": [{"platform": "telegram", "handle": "@Lisa"}]},
        {"id": "d", "handles": ["telegram:lisa"]},
        {"id": "e", "phones": ["+31687654321"]},
    ]
    labels = NetworkLinker().fit(ads).labels_
    assert labels[0] == labels[1] == labels[2] == labels[3] >= 0
    assert labels[4] == -1


def test_link_kinds_can_be_switched_off():
    ads = [{"id": 1, "phones": ["+31612345678"]}, {"id": 2, "phones": ["+31612345678"]}]
    assert NetworkLinker(link_on=("email",)).fit(ads).labels_.tolist() == [-1, -1]
    with pytest.raises(ValueError, match="unknown link kinds"):
        NetworkLinker(link_on=("shoe_size",)).fit(ads)


def test_a_text_cluster_in_wide_use_links_no_one():
    ads = [{"id": i, "text_cluster": "t-stock"} for i in range(4)]
    ads += [{"id": 4, "text_cluster": "t-own"}, {"id": 5, "text_cluster": "t-own", "phones": ["+31612345678"]},
            {"id": 6, "text_cluster": "t-stock", "phones": ["+31612345678"]}]
    # 5 ads share "t-stock": above a limit of 4 it links no one, while phones and small clusters still do.
    labels = NetworkLinker(max_text_cluster=4).fit(ads).labels_.tolist()
    assert labels[:4] == [-1, -1, -1, -1]
    assert labels[4] == labels[5] == labels[6] >= 0
    assert len(set(NetworkLinker(max_text_cluster=5).fit(ads).labels_.tolist())) == 1
    assert len(set(NetworkLinker(max_text_cluster=None).fit(ads).labels_.tolist())) == 1


def test_images_link_when_close_or_mirrored_but_not_when_far():
    rng = random.Random(3)
    photo, mirror, other = _phash(rng), _phash(rng), _phash(rng)
    ads = [
        {"id": "orig", "images": [{"phash": f"{photo:016x}", "phash_mirror": f"{mirror:016x}"}]},
        # re-encoded copy: a few bits differ
        {"id": "copy", "images": [f"{_flip(photo, [1, 17, 40]):016x}"]},
        # mirrored repost: its own pHash is close to the original's mirror pHash
        {"id": "flip", "images": [{"phash": f"{_flip(mirror, [5, 60]):016x}", "phash_mirror": f"{photo:016x}"}]},
        {"id": "far", "images": [f"{_flip(photo, list(range(0, 64, 5))):016x}"]},
        {"id": "new", "images": [f"{other:016x}"]},
    ]
    labels = NetworkLinker(phash_threshold=6).fit(ads).labels_.tolist()
    assert labels[0] == labels[1] == labels[2] >= 0
    assert labels[3] == -1 and labels[4] == -1


def test_mirror_match_works_when_only_the_new_ad_has_a_mirror_hash():
    rng = random.Random(11)
    photo, mirror = _phash(rng), _phash(rng)
    ads = [
        {"id": "plain", "images": [f"{_flip(photo, [2]):016x}"]},
        {"id": "mirrored-upload", "images": [{"phash": f"{mirror:016x}", "phash_mirror": f"{photo:016x}"}]},
    ]
    assert NetworkLinker().fit(ads).labels_.tolist() == [0, 0]


def test_blank_placeholder_images_do_not_link():
    ads = [{"id": i, "images": ["0000000000000000"]} for i in range(3)]
    assert NetworkLinker().fit(ads).labels_.tolist() == [-1, -1, -1]


def test_bad_image_hash_is_a_clear_error():
    with pytest.raises(ValueError, match="16 hex digits"):
        NetworkLinker().fit([{"id": 1, "images": ["abc"]}])


def test_network_facts_include_movement_timeline():
    ads = [
        {"id": "a", "phones": ["+31611111111"], "sightings": [{"city": "Utrecht", "at": "2026-01-01T10:00:00Z"}]},
        {"id": "b", "phones": ["+31611111111"], "sightings": [
            {"city": "Utrecht", "at": "2026-01-03T10:00:00Z"}, {"city": "Breda", "at": "2026-01-05T10:00:00Z"}]},
        {"id": "c", "phones": ["+31611111111"], "city": "Breda", "seen_at": "2026-01-04T09:00:00Z"},
    ]
    linker = NetworkLinker().fit(ads)
    (members,) = network_members(linker.labels_)
    facts = describe_network(ads, members, linker.links_)
    assert facts["size"] == 3 and facts["phones"] == ["+31611111111"]
    assert facts["cities"] == ["Breda", "Utrecht"]
    assert [(s["city"], s["first_seen"], s["last_seen"], s["ads"]) for s in facts["timeline"]] == [
        ("Utrecht", "2026-01-01T10:00:00Z", "2026-01-03T10:00:00Z", 2),
        ("Breda", "2026-01-04T09:00:00Z", "2026-01-05T10:00:00Z", 2),
    ]
    assert facts["shared"]["phone"] == {"+31611111111": 3}
    assert {link["kind"] for link in facts["links"]} == {"phone"} and len(facts["links"]) == 2


def test_keys_are_stable_across_runs_and_input_order():
    ads = [{"id": f"ad{i}", "phones": [f"+3161000000{i % 3}"]} for i in range(9)]

    def keyed(records):
        labels = NetworkLinker().fit(records).labels_
        groups = [[str(records[i]["id"]) for i in m] for m in network_members(labels)]
        return {m: k for g, k in zip(groups, stable_keys(groups, "n"), strict=True) for m in g}

    first = keyed(ads)
    shuffled = ads[:]
    random.Random(1).shuffle(shuffled)
    assert keyed(shuffled) == first
    assert len(set(first.values())) == 3


def test_key_is_kept_when_a_network_grows_or_merges():
    previous = {"b": "n-old1", "c": "n-old1", "x": "n-old2", "y": "n-old2", "z": "n-old2"}
    # "a" (smaller than every old member) joins; the old networks of b/c and x/y/z merge.
    keys = stable_keys([["a", "b", "c", "x", "y", "z"], ["q", "r"]], "n", previous)
    assert keys[0] == "n-old2"  # the merge keeps the key of its largest part
    assert keys[1].startswith("n-") and keys[1] not in previous.values()
    # a split: the bigger part keeps the key, the other gets a fresh one
    split = stable_keys([["x"], ["y", "z"]], "n", previous)
    assert split[1] == "n-old2" and split[0] != "n-old2"


def test_linker_follows_estimator_conventions():
    linker = NetworkLinker(phash_threshold=4)
    assert clone(linker).get_params() == linker.get_params()
    assert not hasattr(linker, "labels_")
    assert linker.fit([{"id": 1}]) is linker
    assert isinstance(linker.labels_, np.ndarray)


JOB_AD = "Bakkerij in {city} zoekt zaterdaghulp\nVoor de zaterdag zoeken wij scholieren. Werktijden 8:00 tot 14:00."


def test_a_shared_text_cluster_does_not_join_non_adult_listings():
    ads = [
        {"id": "job-a", "text_cluster": "t-job", "non_adult": True, "phones": ["+31201234567"]},
        {"id": "job-b", "text_cluster": "t-job", "non_adult": True, "phones": ["+31301234567"]},
        # a third poster of the same job text who shares a phone with the first is still linked
        {"id": "job-c", "text_cluster": "t-job", "non_adult": True, "phones": ["+31201234567"]},
        {"id": "ad-a", "text_cluster": "t-ad", "non_adult": False},
        {"id": "ad-b", "text_cluster": "t-ad"},
    ]
    linker = NetworkLinker().fit(ads)
    labels = linker.labels_.tolist()
    assert labels[0] == labels[2] >= 0 and labels[1] == -1
    assert labels[3] == labels[4] >= 0
    assert {(kind, value) for _a, _b, kind, value in linker.links_} == {
        ("phone", "+31201234567"),
        ("text", "t-ad"),
    }
    facts = describe_network(ads, [0, 2], linker.links_[:1])
    assert "text" not in facts["shared"]


def test_non_adult_listings_are_marked_from_their_text():
    from models.jobs import mark_non_adult

    records = [
        {"text": JOB_AD.format(city="Zwolle")},
        {"text": "Te koop: damesfiets\nDamesfiets, 3 versnellingen. Ophalen in Breda."},
        {"text": "Hoi! Ik ben Lisa, 24, uit Utrecht. Escort naar hotel, bel voor een afspraak."},
        {"text": "Bakkerij zoekt hulp", "non_adult": False},  # a given flag is kept
    ]
    assert mark_non_adult(records)
    assert [r["non_adult"] for r in records] == [True, True, False, False]
