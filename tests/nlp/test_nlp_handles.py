"""Handles on every platform, in the phrasings ads use; the platform is part of the value."""

from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.handles import find_handles


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("snapchat me: lily_22 for more", [("snapchat", "lily_22")]),
        ("my snapchat id is Kiki.Moon", [("snapchat", "kiki.moon")]),
        ("Snapchat Jessy_xo, north side", [("snapchat", "jessy_xo")]),
        ("sc: amber.lee01", [("snapchat", "amber.lee01")]),
        ("snap @roxy_b99 xx", [("snapchat", "roxy_b99")]),
        ("IG: nina.travels", [("instagram", "nina.travels")]),
        ("insta @Daisy_Days", [("instagram", "daisy_days")]),
        ("X: @MiaTown", [("twitter", "miatown")]),
        ("Twitter/X: @SophieB", [("twitter", "sophieb")]),
        ("x.com/sophie_b", [("twitter", "sophie_b")]),
        ("wechat ID: lucy8866", [("wechat", "lucy8866")]),
        ("weixin: lucy_88", [("wechat", "lucy_88")]),
        ("t.me/anna_booking", [("telegram", "anna_booking")]),
        ("onlyfans.com/bella_ray", [("onlyfans", "bella_ray")]),
        ("OF: JennaVibes", [("onlyfans", "jennavibes")]),
        ("whatsapp: kira_uk", [("whatsapp", "kira_uk")]),
        ("kik me sweetpea_92", [("kik", "sweetpea_92")]),
        ("Signal: maya.07", [("signal", "maya.07")]),
        ("zoek me op insta, naam: yara_rmd", [("instagram", "yara_rmd")]),
        ("insta en snap allebei: lieke_ap", [("instagram", "lieke_ap"), ("snapchat", "lieke_ap")]),
        ("@kittykat on snap", [("snapchat", "kittykat")]),
    ],
)
def test_handles_in_ad_phrasings(text, pairs):
    assert [(h.platform, h.handle) for h in find_handles(text)] == pairs


@pytest.mark.parametrize(
    "text",
    [
        "whatsapp only, no calls",
        "DM on insta for rates",
        "geen snapchat, alleen bellen",
        "@ 150 euro per hour",
        "Prices @ 200/hr, contact @ 0648271953",
        "one of the best, x marks the spot, of: course",
        "Oh snap, we kik off at eight. Signal me later",
    ],
)
def test_words_prices_and_bare_platforms_are_not_handles(text):
    assert find_handles(text) == []


def test_email_addresses_are_not_handles():
    result = extract("contact: roxy22@mail.example or snap roxy_22x")
    assert result.handles == [{"platform": "snapchat", "handle": "roxy_22x"}]
