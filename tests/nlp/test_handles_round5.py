"""Round 5 handle mechanisms: disguised platform names, abbreviations, words between label and value,
one value per joined label, and words that are no handle (synthetic texts)."""

from __future__ import annotations

import pytest

from nlp.handles import find_handles


def handles(text: str) -> list[tuple[str, str]]:
    return [(h.platform, h.handle) for h in find_handles(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # platform names spelled out or with look-alike signs
        ("T e l e g r a m: noor_vip", [("telegram", "noor_vip")]),
        ("s.i.g.n.a.l: rosie_k7", [("signal", "rosie_k7")]),
        ("inst@: mila.dt", [("instagram", "mila.dt")]),
        ("snapch4t -> fenna_b", [("snapchat", "fenna_b")]),
        # abbreviations after a separator
        ("TW: @SoleneAtNight", [("twitter", "soleneatnight")]),
        ("sig: joy.44", [("signal", "joy.44")]),
        # the Dutch verb for sending snaps
        ("Snappen mag ook: bo.vd", [("snapchat", "bo.vd")]),
        ("Snappen? -> iris_snapt", [("snapchat", "iris_snapt")]),
        # words between the label and the value
        ("voeg me toe, kik mij op amber_nl_x", [("kik", "amber_nl_x")]),
        ("Telegram channel: @utrecht_dates_info", [("telegram", "utrecht_dates_info")]),
        ("wechat: username @lily.w88", [("wechat", "lily.w88")]),
        ("insta/kik: same name, dewi_d", [("instagram", "dewi_d"), ("kik", "dewi_d")]),
        ("find me on snap, my name over there is pippa_p", [("snapchat", "pippa_p")]),
        ("Instagram in my bio, or search \"sara_sun\"", [("instagram", "sara_sun")]),
        ("stuur een snap naar eline.v", [("snapchat", "eline.v")]),
        # a bracket that names the former platform name
        ("X (formerly Twitter): @JuneAfterHours", [("twitter", "juneafterhours")]),
        # an underscore at either end is handle-shaped
        ("Instagram 📸 _noa.b_", [("instagram", "_noa.b_")]),
        # one value for each joined label, in order
        ("Snap and Kik: @femke.s / femke_kik", [("snapchat", "femke.s"), ("kik", "femke_kik")]),
    ],
)
def test_handles_read_by_the_new_mechanisms(text, expected):
    assert handles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "👻 (ghost icon means snapchat)",
        "Ik kijk graag Instagram-filmpjes maar post zelf niets",
        "Snappen jullie het? Bel gewoon.",
    ],
)
def test_words_that_are_no_handle(text):
    assert handles(text) == []


def test_a_joined_label_keeps_one_value_when_only_one_follows():
    assert handles("snap/kik: lotte_z, call after 8") == [("snapchat", "lotte_z"), ("kik", "lotte_z")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my insta is noor underscore vink", [("instagram", "noor_vink")]),
        ("snap: jet punt b", [("snapchat", "jet.b")]),
        ("Mijn kik is fay liggend streepje roos", [("kik", "fay_roos")]),
        ("telegram: mira dash 07", [("telegram", "mira-07")]),
    ],
)
def test_signs_written_as_words_inside_a_handle(text, expected):
    assert handles(text) == expected
