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
        # round 4: intro after a dash or bracket, pointing arrows, "id->", S/C, "tweet me", t.me/s/, "én"
        ("add me on snapchat — username: Rose.Hill5", [("snapchat", "rose.hill5")]),
        ("find me on Snapchat (username: Tilly_Tea)", [("snapchat", "tilly_tea")]),
        ("OF 👉 maple_sun_of", [("onlyfans", "maple_sun_of")]),
        ("wechat id-> lina_wx21", [("wechat", "lina_wx21")]),
        ("S/C: noor_kx", [("snapchat", "noor_kx")]),
        ("tweet me @Wren_Sky_UK", [("twitter", "wren_sky_uk")]),
        ("https://t.me/s/MilaTours", [("telegram", "milatours")]),
        ("Snap én insta: fleur.leiden", [("snapchat", "fleur.leiden"), ("instagram", "fleur.leiden")]),
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


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # aliases kept as data: misspellings derived from the full names, emoji, abbreviations
        ("Snapchta: bexx_94", [("snapchat", "bexx_94")]),
        ("Instagramm @greta.vonk", [("instagram", "greta.vonk")]),
        ("Whatsap me: coralie_uk", [("whatsapp", "coralie_uk")]),
        ("Only fans: ellabellex", [("onlyfans", "ellabellex")]),
        ("👻 mabel_mae97 | Norwich", [("snapchat", "mabel_mae97")]),
        ("@mabel_mae 👻", [("snapchat", "mabel_mae")]),
        ("tg: @pavla_prague", [("telegram", "pavla_prague")]),
        ("IG dani.reyes22 / SC danireyes", [("instagram", "dani.reyes22"), ("snapchat", "danireyes")]),
        ("Snapnaam: demi_xx", [("snapchat", "demi_xx")]),
        ("kik-naam: lynn.arnhem", [("kik", "lynn.arnhem")]),
        # the cue grammar: separators, arrows, brackets, intro words, Dutch phrasing
        ("Kik → willow.rae, Instagram → willow_rae_x", [("kik", "willow.rae"), ("instagram", "willow_rae_x")]),
        ("add my sc 👉 juno.pearl", [("snapchat", "juno.pearl")]),
        ("Twitter (X): @odette_ldn", [("twitter", "odette_ldn")]),
        ("follow me on x @lena_uk", [("twitter", "lena_uk")]),
        ("[snap] ellie_b", [("snapchat", "ellie_b")]),
        ("Reach me on kik as sable.kay", [("kik", "sable.kay")]),
        ("Te vinden op insta als noor.vk", [("instagram", "noor.vk")]),
        ("Je vindt me op telegram onder @isa_rdam", [("telegram", "isa_rdam")]),
        ("Op snapchat heet ik bowienl", [("snapchat", "bowienl")]),
        ("Snapchat and Instagram: both carla.vee", [("snapchat", "carla.vee"), ("instagram", "carla.vee")]),
        # the value first
        ("Add fleur_2k on snapchat!", [("snapchat", "fleur_2k")]),
        ("Volg me op Instagram (@kiki.gron)", [("instagram", "kiki.gron")]),
        ("ellie_b (snapchat)", [("snapchat", "ellie_b")]),
        # links
        ("https://www.instagram.com/ariadne.lux/ (updates)", [("instagram", "ariadne.lux")]),
        ("snapchat.com/add/mirabel_x", [("snapchat", "mirabel_x")]),
        ("twitter.com/noor_nyc_vip", [("twitter", "noor_nyc_vip")]),
        ("instagram.com/p/Cx12ab", []),
        # a plain name after a full platform name and a space
        ("Snapchat tamsinbee for a chat first", [("snapchat", "tamsinbee")]),
        ("Snapchat bellamae. Leeds, 22", [("snapchat", "bellamae")]),
    ],
)
def test_alias_lexicon_cue_grammar_and_links(text, pairs):
    assert [(h.platform, h.handle) for h in find_handles(text)] == pairs


def test_the_platform_is_part_of_the_value():
    """One name on two platforms is two values; the same name twice on one platform is one."""
    result = extract("Snap: lieke_ap, insta: lieke_ap, and again snapchat: lieke_ap")
    assert result.handles == [{"platform": "snapchat", "handle": "lieke_ap"},
                              {"platform": "instagram", "handle": "lieke_ap"}]
    assert [h["platform"] for h in extract("X: @mia_b / OF: mia_b").handles] == ["twitter", "onlyfans"]


@pytest.mark.parametrize(
    "text",
    [
        # negated platforms
        "No kik, no telegram, calls or texts only please",
        "Geen snapchat of insta, alleen bellen of sms",
        "Ik zit niet op snapchat",
        "Message me on Telegram or WhatsApp, not on Snapchat.",
        # a platform named without a handle; ordinary words after it
        "Snapchat me anytime",
        "Snapchat premium available on request",
        "Add me on snap for pics of the venue",
        "My instagram is private, sorry",
        "Instagram stories show my days in town",
        "Telegram channel coming soon",
        "I do have onlyfans but I don't share it here",
        "Insta staat in mijn profiel",
        "instagram: none",
        "Snapchat Manchester meetups are not my thing",
        "Snapchat Amsterdam",
        "Whatsapp Lisa for bookings",
        "Lots of fun, OF course",
        "reply within 24h on whatsapp",
        "Telegram: +447911123456",
        "Kik is dead, use telegram instead.",
        "Same snap as my insta",  # a platform's name is not a handle
        "Telegram @ night only",  # a spaced "@" is "at"
        "IG 100k",
        "Snap: n.v.t.",
    ],
)
def test_negated_and_bare_platforms_and_ordinary_words_are_not_handles(text):
    assert find_handles(text) == []


def test_a_negation_reaches_only_the_platforms_it_names():
    assert [(h.platform, h.handle) for h in find_handles("Niet op whatsapp, wel op telegram: @eva_ehv")] == [
        ("telegram", "eva_ehv")]
    assert find_handles("no snap or insta: lisa_x") == []


def test_handle_spans_point_at_the_written_value():
    text = "Kik → willow.rae, Instagram → willow_rae_x. Add fleur_2k on snapchat"
    for h in find_handles(text):
        assert text[h.start : h.end].lower().endswith(h.handle) or text[h.start : h.end].lower().startswith(h.handle)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("my snap is lisabee", [("snapchat", "lisabee")]),  # "is" after "my" introduces a name
        ("Booking through Telegram is easiest", []),  # ... and not without it
        ("My WeChat ID is lan-shu", [("wechat", "lan-shu")]),
        ("Op snap ben ik ravennl", [("snapchat", "ravennl")]),
        ("On snap you can find me as juniper_k", [("snapchat", "juniper_k")]),  # a few words, then "as"
        ("I use telegram as much as possible", []),  # ... a plain word there is prose
        ("Follow my OnlyFans for updates: onlyfans.com/kestrel_ink", [("onlyfans", "kestrel_ink")]),
        ("whatsapp O62I7IO826", []),  # look-alike letters for digits: a phone, not a handle
        ("X-rated content only", []),
        ("(ook WhatsApp) Instagram: anna_nl", [("instagram", "anna_nl")]),  # ")" does not join labels
    ],
)
def test_how_much_a_cue_must_say(text, pairs):
    assert [(h.platform, h.handle) for h in find_handles(text)] == pairs
