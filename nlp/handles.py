"""Messenger and social-media handles ("snap: lisa_x", "t.me/lisa", "kik - lisa99") and URLs.

Platforms: snapchat, instagram, twitter (also X), telegram, signal, whatsapp, kik, wechat (also
weixin) and onlyfans (also OF). The platform is part of the value: {platform, handle}.

Three parts, each kept as data below:
- ``PLATFORMS``, the alias lexicon: each platform's full names (with the misspellings derived
  from them: "snapchta", "instagramm", "whatsap", "onlyfanz"), names that are ordinary words too
  ("snap", "signal"), abbreviations ("sc", "ig", "tg", "wa"; "X" and "OF" in capitals only), emoji
  (👻), its link forms ("t.me/x", "instagram.com/x", "wa.me/number") and the shape of its values
  (length; WhatsApp needs a letter, its numbers are phones);
- the cue grammar: labels, possibly several joined ("insta en snap", "Twitter/X", "X (twitter)"),
  with a glued suffix ("snapnaam", "kik-id", "insta's"), words that introduce a name
  (``_INTRO_WORDS``: "me", "id", "is", "username", "as", "onder", "heet ik"), a separator (":",
  "=", "-", "|", "»", arrows, "👉", "@", a bracket; or a space, "?" or an emoji, which say
  nothing), the value; or the value first: "@lisa on snap", "lisa_x (insta)", "lisa_x op snap";
- the stop-list ``_NOT_NAMES`` and the English and Dutch function words: words that follow a
  platform name in prose ("snapchat me please", "on instagram too", "add me", "only",
  "available") are never a handle.
How much a cue must say depends on the label: after a separator or "@" any label will do; so does
an item of a list of handles ("IG x.y | OF xy") and a question answered ("Q: snap? A: x_y"). After a
space the value must look like a handle (``_SHAPED``: "_" or "." inside, or digits and three
letters), or a word such as "is"/"id"/"als" introduced it ("my snap is lisa"), or the label is a
full platform name, a capital abbreviation or 👻 and the plain name ends the phrase and is no
place ("Snapchat jessy", "SC danireyes"; not "Snapchat Leeds", "Insta staat in mijn profiel").
A label after "no", "not on", "geen", "niet op" is not read, nor those joined to it ("no kik or
snap"). Names inside an e-mail address are not handles, nor are digits only (a phone number after
the label: phones.py reads it), nor "@ 150" (no label).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from nlp.normalise import trie_pattern
from nlp.regex_start import with_start_class


@dataclass(frozen=True)
class Platform:
    names: tuple[str, ...] = ()  # full names: a platform whatever follows; misspellings derived
    words: tuple[str, ...] = ()  # also ordinary words: need a separator, a cue or a handle-shaped value
    short: tuple[str, ...] = ()  # abbreviations, any case: need a separator or a handle-shaped value
    cased: tuple[str, ...] = ()  # abbreviations in capitals only ("X", "OF"): need a separator
    emoji: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # link forms before the handle, lower case, without "https://" and "www."
    min_len: int = 2
    max_len: int = 32
    bare_word: bool = True  # a plain word after the full name and a space can be the handle
    needs_letter: bool = False


PLATFORMS: dict[str, Platform] = {
    "snapchat": Platform(names=("snapchat", "snap chat", "snap-chat"), words=("snap", "snappen", "snappie", "ghost"), short=("sc", "s/c"), emoji=("👻",),
                         links=("snapchat.com/add/", "snapchat.com/@"), min_len=3),
    # 📸 stands for Instagram in many ads, but for photos too: a short label, its value must look like a handle
    "instagram": Platform(names=("instagram", "insta", "insta gram", "instagramm"), short=("ig", "📸"),
                          links=("instagram.com/", "instagr.am/")),
    "twitter": Platform(names=("twitter",), words=("tweet",), short=("tw",), cased=("X",), links=("twitter.com/", "x.com/")),
    "telegram": Platform(names=("telegram", "telegramm"), short=("tg", "tele"),
                         links=("t.me/", "t.me/s/", "telegram.me/"),
                         min_len=3),
    "wechat": Platform(names=("wechat", "we chat", "weixin", "微信"), short=("wx", "vx")),
    "onlyfans": Platform(names=("onlyfans", "only fans"), cased=("OF",), links=("onlyfans.com/",)),
    "signal": Platform(words=("signal",), short=("sig",), links=("signal.me/#u/", "signal.me/#p/"), bare_word=False),
    "kik": Platform(names=("kik", "kik messenger", "kikmessenger"), links=("kik.me/",)),
    "whatsapp": Platform(names=("whatsapp", "whats app", "watsapp"), short=("wa",), links=("wa.me/",),
                         bare_word=False, needs_letter=True),
}
# Misspellings are derived from full names of six letters or more; these derived forms are words.
_NOT_VARIANTS = frozenset({"titter", "twitte", "wechst", "telegra"})


def _variants(name: str) -> set[str]:
    """`name` with one letter dropped, doubled or swapped with the next one, or a look-alike letter
    ("snapchta", "instagramm", "onlyfan", "snapshat"); never the first letter."""
    if len(name) < 6 or not name.isascii() or " " in name:
        return set()
    alike = {"c": "ks", "k": "c", "s": "zc", "z": "s", "i": "y", "y": "i"}
    found = set()
    for i in range(1, len(name)):
        found.add(name[:i] + name[i + 1 :])
        found.add(name[:i] + name[i] + name[i:])
        if i + 1 < len(name):
            found.add(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
        for other in alike.get(name[i], ""):
            found.add(name[:i] + other + name[i + 1 :])
    return found - {name} - _NOT_VARIANTS


# Letters a writer swaps for a look-alike to slip past filters: "sn@pchat", "sn4p", "1nsta", "0nlyfans".
_LEET = {"a": "@4", "e": "3", "i": "1!", "o": "0", "s": "5$"}


def _disguised(name: str) -> set[str]:
    """`name` spelled out ("s n a p", "i.n.s.t.a") or with one or two look-alike signs for letters
    ("sn@pchat", "sn4p", "1nst@"); names of four letters or more, the first letter kept except for
    spelling out. These are deliberate, so they are read as full names."""
    if len(name) < 4 or not name.isalpha() or not name.isascii():
        return set()
    found = {" ".join(name), ".".join(name)}
    spots = [(i, sign) for i, c in enumerate(name) if i for sign in _LEET.get(c, "")]
    for a, (i, x) in enumerate(spots):
        found.add(name[:i] + x + name[i + 1 :])
        for j, y in spots[a + 1 :]:
            if j != i:
                found.add(name[:i] + x + name[i + 1 : j] + y + name[j + 1 :])
    return found


def _lexicon() -> dict[str, tuple[str, str]]:
    """Written form (lower case, cased forms as written) -> (platform, kind)."""
    forms: dict[str, tuple[str, str]] = {}
    for platform, p in PLATFORMS.items():
        for name in p.names:
            for form in (name, *sorted(_variants(name))):
                forms.setdefault(form, (platform, "name"))
        for written in (*p.names, *p.words):
            for form in sorted(_disguised(written)):
                forms.setdefault(form, (platform, "name"))
        forms.update({w: (platform, "word") for w in p.words})
        forms.update({s: (platform, "short") for s in p.short})
        forms.update({c: (platform, "cased") for c in p.cased})
        forms.update({e: (platform, "emoji") for e in p.emoji})
    return forms


_FORMS = _lexicon()
_CI_FORMS = [f for f, (_, kind) in _FORMS.items() if kind not in ("cased", "emoji")]
_CASED = [f for f, (_, kind) in _FORMS.items() if kind == "cased"]
_EMOJI = [f for f, (_, kind) in _FORMS.items() if kind == "emoji"]
# Glued after a label: "snapchatname", "snap-id", "insta's".
_SUFFIX = r"(?:[-_]?(?:id|name|naam|username|user|account|acc|handle|nick|gebruikersnaam)|['’]s)"
_LABEL_PARTS = (
    rf"(?P<ci>{trie_pattern(_CI_FORMS)})"
    r"|(?P<xon>(?<=\bon\s)x|(?<=\bop\s)x)"  # "follow me on x @lisa"
    rf"|(?P<emoji>{'|'.join(map(re.escape, _EMOJI))})"
)
_LABEL_END = rf"(?P<suffix>{_SUFFIX})?(?![\w]|\.\w)"
_CASED_LABEL = rf"(?P<cased>{'|'.join(map(re.escape, _CASED))})"
# Matched on the lower-cased text (cheaper than ignoring case), the capitals-only labels on the text
# itself; _LABEL where lower-casing changes the length of the text (offsets would move).
_FIRST = "".join(sorted({form[0] for form in [*_CI_FORMS, *_EMOJI, "x"]}))  # most positions fail on this look-ahead
_LABEL_LOWER = re.compile(rf"(?=[{_FIRST}])(?<![\w.@#])(?:{_LABEL_PARTS}){_LABEL_END}")
_LABEL_CASED = with_start_class(re.compile(rf"(?<![\w.@#]){_CASED_LABEL}(?i:{_LABEL_END})"))
_LABEL = re.compile(rf"(?<![\w.@#])(?:{_LABEL_PARTS}|(?-i:{_CASED_LABEL})){_LABEL_END}", re.IGNORECASE)

_NAME = r"(?P<h>[A-Za-z0-9_][A-Za-z0-9_.\-]{1,31}+)"  # "_mila.rose_"  # possessive: a shorter name never fits the end
_NAME_END = r"(?![\w@]|\.\w)"
_INTRO_WORDS = trie_pattern([
    "me", "us", "my", "mijn", "m'n", "id", "is", "name", "naam", "username", "user name", "user", "gebruikersnaam",
    "handle", "account", "acc", "profile", "profiel", "nick", "nickname", "at", "on", "op", "as", "als", "under",
    "onder", "called", "heet", "ik", "ben", "i'm", "im", "allebei", "both", "beide", "ook", "also", "too", "only",
    "alleen", "here", "hier", "via", "mij", "naar", "to",
    # the platform's own nouns between the label and the value: "Telegram kanaal: @x", "insta page: x"
    "kanaal", "channel", "group", "groep", "page", "pagina",
])
_STRONG_INTRO = with_start_class(re.compile(
    r"(?<![\w'])(?:is|id|name|naam|user\s?name|gebruikersnaam|handle|account|nick|nickname|as|als|under|onder|"
    r"called|heet|ben)(?![\w'])", re.IGNORECASE))
# "is" alone introduces a name after "my": "my snap is lisa", not "Telegram is easiest".
_POSSESSIVE_BEFORE = with_start_class(re.compile(r"(?<![\w'])(?:my|mijn|m'n|our|onze|ons)\s+$", re.IGNORECASE))
# What follows the last label: intro words, a separator, the value. Matched on the lower-cased text
# (_TAIL_ANY_CASE where lower-casing changes its length).
# Emoji and symbols between a label and its value ("Telegram 📲 @lisa", "Insta 📸 lisa.x"), read as a
# space: they say nothing about what follows.
_PICTURES = "\u00b7\u2022\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\U0001f300-\U0001faff"
_WEAK_SEP = re.compile(rf"[\s?{_PICTURES}\ufe0f]*")
_SPACED_AT = re.compile(r"\s+@\s+")
_POINTS = re.compile(r"[👉➡➜→⇒]")  # pictures that point at the value say as much as a colon  # "Telegram @ night only": "@" for "at"
# Words after the separator that announce the value: "whatsapp: gebruikersnaam @x", "kik/snap: same name,
# x", "snap: username = x".
_ANNOUNCE = (
    # a word for searching before the value: "WhatsApp: search username x", "onlyfans: zoek naar 'x'" (round 11),
    # a colon after it: "op Snapchat, zoek naar: x", or "@": "Liever Telegram? Zoek op @x" (round 12)
    r"(?:(?:search|zoek|zoeken|look\s+up|find)(?:\s+(?:for|naar|op|on|me|mij))?\s*:?\s*[\"“'‘]?\s*@?(?=\w))?"
    r"(?:(?:(?:the\s+)?same\s+(?:name|one|handle|username)|(?:de)?zelfde\s+(?:naam|gebruikersnaam)|hetzelfde|"
    r"user\s?name|gebruikersnaam|naam|name|handle|nick(?:name)?)(?![\w'])\s*[,:=\-–]?\s*@?\s*)?"
)
_TAIL_SOURCE = (
    r"[)\]]?"
    # a dash or a bracket before what introduces the value: "snapchat — username: x", "Snapchat (username: x)"
    rf"(?:\s*[—–\-(]\s*(?=(?:{_INTRO_WORDS})(?![\w'.])))?"
    rf"(?P<intro>(?:\s*,?\s*(?:{_INTRO_WORDS})(?![\w'.]|-(?!>))){{0,4}}+)"
    # a question answered: "Q: snapchat? A: rosie_x", "do I have snap? yes: hazel_r", "insta? ja, lot.x";
    # and a comma before "@": "volg me op Twitter, @MonicaA" (round 10)
    rf"(?P<sep>\?\s*(?:a|answer|antwoord|yes|yep|yeah|ja|jazeker|jawel|sure|tuurlijk|natuurlijk|of\s+course)"
    rf"(?![\w'])\s*[:,.!)]\s*@?\s*|\s*,\s*@\s*"
    # a picture before the separator: "Snap👻: x", "Insta 📸: x" (round 12)
    rf"|[?!]?(?:\s*[{_PICTURES}]\ufe0f?)*\s*(?:(?:[:=|>»→⇒➡➜👉~]|->|=>|--?|–|—)\ufe0f?\s*)+(?:[(\[\"'“‘]\s*)?@?\s*"
    rf"|\s*@\s*|\s*[(\[\"'“‘]\s*@?\s*|(?:\s*[?{_PICTURES}]\ufe0f?)+\s*@?\s*|\s*,\s*|\s+)"
    r"(?:(?:both|allebei|beide)\s+)?"
    rf"{_ANNOUNCE}"
    rf"{_NAME}{_NAME_END}"
)
_TAIL = re.compile(_TAIL_SOURCE)
_TAIL_ANY_CASE = re.compile(_TAIL_SOURCE, re.IGNORECASE)
# A few words between the label and what introduces the value, on one line: "on snap you can find
# me as lisa_x", "op insta vind je me onder lisa.x", "Telegram for bookings: @lisa_b".
# "add me on kik, my name there is x", "OnlyFans link in bio, or search \"x\"": a comma may end a word,
# and "is", or a word for searching and a quote, introduce the value.
_FAR_SOURCE = (r"(?:[,;]?[ \t]+[^\W\d_][\w'’]*){0,5}?"
               r"(?:[,;]?[ \t]+(?P<intro>heet\s+ik|as|als|under|onder|called|named|genaamd|heet|is|search(?:\s+for)?|zoek(?:\s+(?:op|naar))?|"
               # "where I'm poppy.x", "ik heet daar bo_x", "zoeken op gebruikersnaam x" (round 11)
               r"zoeken(?:\s+(?:op|naar))?|i['’]?m|i\s+am|ik\s+ben|ik\s+heet|gebruikersnaam|username|"
               r"both\s+are|allebei|beide\s+zijn|zijn\s+allebei|"  # "snap and insta, both are x" (round 11)
               r"look\s+(?:me\s+)?up)(?:[ \t]+(?:daar|there|er|als|as|op|onder|gebruikersnaam|username))*"
               r"[ \t]+[\"“'‘]?(?P<at>@?)|[ \t]*:[ \t]*(?P<colon_at>@?))"
               rf"{_NAME}{_NAME_END}")
_FAR = re.compile(_FAR_SOURCE)
_FAR_ANY_CASE = re.compile(_FAR_SOURCE, re.IGNORECASE)
# What joins labels that share one value: "insta en snap", "Twitter/X", "X (twitter)".
# A bracket may say the other name was an earlier one: "X (formerly Twitter)", "X (vroeger Twitter)".
_JOIN = re.compile(
    r"\s*(?:(?:[/&+,]|and|en|én|or|of)\s*)*(?:\(\s*(?:(?:formerly|previously|former|aka|a\.k\.a\.?|ex|was|vroeger|"
    r"voorheen|eerder|oftewel|ook\s+wel|oud)\b[-\s]*)?)?\s*",
    re.IGNORECASE,
)  # not ")": "(ook WhatsApp) Insta"
# The value before the label: "@lisa on snap", "lisa_x (insta)", "lisa_x op snap", "@lisa 👻".
_HEAD = re.compile(
    rf"(?<![\w.@/])(?P<at>@)?{_NAME}(?P<join>\s*\(\s*|\s*[-–|:]\s*|\s+(?:on|op|via|at|@)\s+|\s+)$",
    re.IGNORECASE,
)
_HEAD_JOIN = re.compile(r"(?:[(\-–|:@]|\s(?:on|op|via|at))\s*$", re.IGNORECASE)
_NEGATED = with_start_class(re.compile(r"(?<![\w'])(?:no|not|geen|niet|never|nooit|without|zonder|non)\s+(?:on\s+|op\s+|via\s+)?$",
                      re.IGNORECASE))
_CUE_BEFORE = with_start_class(re.compile(r"(?<![\w'])(?:on|op|my|mijn|m'n|via|your|je|jouw|in)\s+$", re.IGNORECASE))
# A value after a bare space must look like a handle: "_" or "." inside, or digits with letters.
_SHAPED = re.compile(r"\w[_.]\w|^_|_$|(?=(?:.*[a-z]){3})(?=.*\d)", re.IGNORECASE)  # "_" at an end too: "jade_"
_LINK_FORMS = {form: platform for platform, p in PLATFORMS.items() for form in p.links}
# A label glued to its value by a slash, as a link without its host: "of/lisaxo", "insta/lisa.x", "IG/lisa" (round 11).
_SHORT_LINKS = {"of/": "onlyfans", "insta/": "instagram", "ig/": "instagram", "snap/": "snapchat", "tg/": "telegram"}
_LINK_FORMS.update(_SHORT_LINKS)
# A lower-case "of/" after a word is the word "of" unless the word says whose account it is ("my of/x").
_OF_AFTER_WORD = re.compile(r"(?<!\bmy)(?<!\bmijn)(?<!\bm'n)(?<!\bon)(?<!\bop)(?<=[^\W\d_])[ \t]*\Z", re.IGNORECASE)
# Matched on the lower-cased text like the labels; the handle is "+" and digits on wa.me.
_LINK_SOURCE = (rf"(?<![\w.])(?:https?://)?(?:www\.|mobile\.|m\.)?(?P<link>{trie_pattern(list(_LINK_FORMS))})"
                r"@?(?P<h>\+?[a-z0-9][a-z0-9_.\-]{1,31}+)" + _NAME_END)  # "x.com/@lisa" (round 11)
_LINKED = with_start_class(re.compile(_LINK_SOURCE))
_LINKED_ANY_CASE = with_start_class(re.compile(_LINK_SOURCE, re.IGNORECASE))
# Link paths that are pages of the site, not an account.
_NOT_LINKED = frozenset({"p", "reel", "reels", "stories", "explore", "accounts", "share", "tv", "i", "intent",
                         "home", "search", "hashtag", "joinchat", "addstickers", "s", "login", "signup"})
# A link that goes on past the name to one post ("x.com/lisa/status/17...", "instagram.com/lisa/p/Cx...",
# round 12) shares a post, not the account: the name in it is not offered as a handle.
_POST_PATH = re.compile(r"/+(?:status|statuses|p|reel|reels|post|posts|video|videos|photo|photos|tv)/+\w", re.IGNORECASE)
URL_RE = with_start_class(re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+|\b(?:t\.me|wa\.me)/[^\s<>\"'()\[\]{}]+", re.IGNORECASE))
# Words that follow a platform name in prose and are not names.
_NOT_NAMES = frozenset("""
    a an and or the to too for of on in at by with from me my mine us our we you your i im it its is are was be
    been am do does this that these those there here only also just now then soon later today tonight tomorrow
    please pls plz ok okay yes no not never nope nah sorry thanks thx sure welcome
    available avail unavailable account accounts stories story premium free paid vip link links bio below above
    more info information pics pic photos photo selfies video videos vids content verified private public closed
    open down broken hacked banned blocked deleted gone inactive active offline online new old same different
    chat chats call calls calling text texts texting sms message messages messaging msg msgs dm dms inbox reply
    add added follow follows following followers subscribe subscribers sub subs preferred best fine good great
    busy full back up out off over again ask asking contact details number numbers num page profile channel
    group groups bot live reels reel post posts streak streaks filter filters business web app apps desktop
    user username name id handle nick nickname as under called both all any everyone anyone someone
    first last next one two three none nvt n/a tba tbc soon coming anytime whenever babe baby honey hun darling
    xx xxx xoxo kisses love hugs gents guys boys girls ladies gentlemen instead anyway though either too
    dead better faster easier safer slow slower fast quick quicker quickly easy safe secure discreet fun
    night nights day days evening evenings morning mornings afternoon weekend weekends noon midnight home work
    hotel n.v.t n.a
    ghost emoji icon logo symbol spookje spook
    welkom alleen ook mij me mijn je jouw u we wij ik en of op in via voor naar met van is niet geen graag
    liever bellen appen sturen allebei beide zelfde hetzelfde naam gebruikersnaam account profiel privé prive
    dicht kapot nieuw oud hier daar hieronder hierboven onder als heet ben bent zijn was even eerst later
    nu vandaag morgen vanavond ja nee sorry bericht berichten appje stuur stuurt toevoegen volg volgen link
    search zoek zoeken find vind look kijken tiktok fansly facebook fb youtube reddit discord skype viber
    invite invites invitation uitnodiging uitnodigingslink
""".split())


@dataclass(frozen=True)
class HandleFound:
    platform: str
    handle: str
    start: int
    end: int


@dataclass(frozen=True)
class UrlFound:
    url: str
    start: int
    end: int


class _Label(NamedTuple):
    platform: str
    kind: str  # name | word | short | cased | emoji
    start: int
    end: int
    capitals: bool  # written in capitals: "SC", "IG"


def _label(text: str, m: re.Match[str]) -> _Label:
    whole, start, end = m.group(), m.start(), m.end()
    suffix = m.start("suffix")
    written = whole if suffix < 0 else whole[: suffix - start]
    platform, kind = _FORMS.get(written) or _FORMS.get(" ".join(written.lower().split())) or \
        _FORMS.get(written.upper()) or ("twitter", "cased")  # "of:" in a list of handles: OF
    if suffix >= 0 and kind in ("word", "short"):
        kind = "name"  # "snapnaam", "sc-id": a label, not the word
    return _Label(platform, kind, start, end, kind == "short" and text[start:end].isupper() and end - start > 1)


# "of" in lower case as an item of a list of handles with a colon: "snap: x | ig: y | of: z" (round 12). An
# item starts the line or follows a list mark, and another platform is named on the line.
_OF_ITEM = re.compile(r"(?:^|(?<=[|/•·])|(?<=[|/•·][ \t])|(?<=[|/•·][ \t][ \t]))(?P<cased>of)(?P<suffix>(?!))?(?=[ \t]*:)",
                      re.IGNORECASE | re.MULTILINE)


def _of_items(text: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    items = []
    for m in _OF_ITEM.finditer(text):
        if any(f.start() == m.start() for f in found):
            continue
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if any(line_start <= f.start() < line_end for f in found):
            items.append(m)
    return items


def _label_matches(text: str, lower: str) -> list[re.Match[str]]:
    if len(lower) != len(text):
        found = list(_LABEL.finditer(text))
    else:
        found = list(_LABEL_LOWER.finditer(lower))
        if "X" in text or "OF" in text:
            found = sorted([*found, *_LABEL_CASED.finditer(text)], key=lambda m: m.start())
    if found and "of" in lower:
        found = sorted([*found, *_of_items(text, found)], key=lambda m: m.start())
    return found


def _groups(text: str, matches: list[re.Match[str]]) -> list[list[_Label]]:
    """Labels in order, those joined by "/", "en", "and", "(" ... in one group (they share a value)."""
    groups: list[list[_Label]] = []
    for m in matches:
        label = _label(text, m)
        if groups and _JOIN.fullmatch(text, groups[-1][-1].end, label.start):
            groups[-1].append(label)
        else:
            groups.append([label])
    return groups


def _not_negated(text: str, labels: list[_Label]) -> list[_Label]:
    """The labels not negated: "no kik", "geen snapchat", "not on whatsapp"; a negation carries over
    to the labels joined to the negated one by other than a comma ("no kik or snap")."""
    kept = []
    negated = False
    for i, label in enumerate(labels):
        carried = negated and i > 0 and "," not in text[labels[i - 1].end : label.start]
        negated = carried or _NEGATED.search(text, max(0, label.start - 16), label.start) is not None
        if not negated:
            kept.append(label)
    return kept


_AS_DIGITS = str.maketrans({"o": "0", "l": "1", "i": "1", ".": None, "-": None})


def _name_ok(name: str, platform: str) -> bool:
    p = PLATFORMS[platform]
    if not p.min_len <= len(name) <= p.max_len or name in _common_words() or name in _FORMS:
        return False
    digits = name.translate(_AS_DIGITS)
    if digits.isdigit() and (len(digits) >= 8 or not any(c.isalpha() for c in name)):
        return False  # a phone number after the label, perhaps written "O6-l23...": phones.py reads it
    if p.needs_letter and not any(c.isalpha() for c in name):
        return False
    return True


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The stop-list and the English and Dutch function words (spaCy's lists): never a handle."""
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH

    return _NOT_NAMES | ENGLISH | DUTCH


@lru_cache(maxsize=1024)
def _is_place(name: str) -> bool:
    from nlp.places import find_places
    from nlp.regions import region_hints

    return bool(find_places(name) or find_places(name.capitalize()) or region_hints(name))


# After a plain name that follows a label and a space: the end of the text, punctuation, or a word
# that may follow a handle. Another word continues a sentence: "Insta staat in mijn profiel".
_AFTER_PLAIN = re.compile(
    r"\s*(?:$|[^\w\s]|\d|(?:for|to|if|and|or|x+|please|pls|en|of|voor|om|als|ook|too|also|only|alleen)"
    r"(?![\w']))", re.IGNORECASE)


def _plain_ok(raw: str, text: str, end: int) -> bool:
    """A name without "_", "." or digits after a label and a bare space (not a common word: see
    ``_name_ok``): not a place, and not followed by more prose."""
    return not _is_place(raw.lower()) and _AFTER_PLAIN.match(text, end) is not None


# A list of handles, its items set off by "|", "/", "•" or "·" (round 10): an item that is a label and one name
# says the name is the handle as a separator would ("Insta fleur.delft | OF fleurdelft", "tg KiraLondon /
# snap kira.ldn"). The item starts a line or follows a mark, and ends the line or meets a mark; a mark on
# at least one side, and another platform named on the line.
_ITEM_MARKS = "|/•·"
_ITEM_AFTER = re.compile(r"[ \t]*(?:[|/•·]+(?!\S)|$)", re.MULTILINE)  # "IG x // OF y" (round 11)


# "insta? yes, ..." : an answer of "yes" may go on with prose ("Insta? Ja, natuurlijk"); only a name shaped
# like a handle follows it as the value. "A:" / "Antwoord:" marks the answer itself.
_YES_SEP = re.compile(r"\?\s*(?:yes|yep|yeah|ja|jazeker|jawel|sure|tuurlijk|natuurlijk|of\s+course)(?![\w'])", re.IGNORECASE)


# Items set off by commas (round 12: "IG @x.y, snap x_y, OF xy_of") when the name looks like a handle:
# a comma list of prose ("Bristol, OF course") has no such names.
_COMMA_ITEM_AFTER = re.compile(r"[ \t]*(?:[,|/•·]+(?!\S)|[.!]?$)", re.MULTILINE)


def _list_item(text: str, group_start: int, end: int, shaped: bool = False) -> bool:
    i = group_start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    before = text[i - 1] if i > 0 else "\n"
    marks = _ITEM_MARKS + "," if shaped else _ITEM_MARKS
    if before not in marks and before != "\n":
        return False
    after = (_COMMA_ITEM_AFTER if shaped else _ITEM_AFTER).match(text, end)
    if after is None or (before not in marks and after.group().strip(" \t.!") == ""):
        return False
    line_start, line_end = text.rfind("\n", 0, group_start) + 1, text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return sum(1 for _ in _LABEL.finditer(line)) >= 2  # a list of handles: another platform named on the line


def _tail_ok(label: _Label, raw: str, sep: str, intro: str, text: str, group_start: int, end: int) -> bool:
    """Whether `raw` after the label is the handle, by how strong the cue is (see the docstring)."""
    if label.kind == "cased" and sep[:1] in "-–—":
        return False  # "X-rated", "OF-course": a word, not a label
    if sep == "-" and not _SHAPED.search(raw):
        return False  # "OnlyFans-series": a hyphen glued on both sides makes a compound word
    if _YES_SEP.match(sep) and not _SHAPED.search(raw):
        return False  # "Insta? Ja, natuurlijk", "kik? yes. Bristol based"
    if sep.strip() == ",":
        return bool(_SHAPED.search(raw)) and not intro.strip()  # "my OF, lotte.x" (round 11); not "snap, kik"
    if not _WEAK_SEP.fullmatch(sep) and not _SPACED_AT.fullmatch(sep) or _POINTS.search(sep):
        return True  # a separator, "@" or a pointing arrow: "snap: lisa", "X: @lisa", "👻 @lisa", "OF 👉 lisa"
    if _list_item(text, group_start, end, bool(_SHAPED.search(raw))) and re.sub(r"[-._]", "", raw).isalnum() \
            and not _is_place(raw.lower()):
        return True  # "Insta lisa.x | OF lisaxo | tg LisaX": a label and one name make up an item of a list
    if label.kind == "cased":
        # "X lisa", "OF course"; but a picture between and a handle's shape: "my OF 🔥 lisa.x" (round 11)
        return bool(sep.strip(" \t?")) and "\n" not in sep and bool(_SHAPED.search(raw))
    if _SHAPED.search(raw):
        return True  # "sc lisa_x", "kik me sweetpea_92", "👻 poppy.k"
    if not PLATFORMS[label.platform].bare_word or not raw.replace("-", "").isalpha() \
            or not _plain_ok(raw, text, end):
        return False  # "whatsapp Lisa for bookings", "Snapchat Manchester meetups"
    strong = {w.lower() for w in _STRONG_INTRO.findall(intro)}
    if strong - {"is"}:
        return True  # "my snapchat id is lisa", "te vinden op insta als noor", "op snap ben ik noor"
    if strong:
        return _POSSESSIVE_BEFORE.search(text, max(0, group_start - 8), group_start) is not None  # "my snap is lisa"
    if intro.strip():
        return False  # "snapchat me anytime"
    if label.kind in ("name", "emoji") or label.kind == "short" and label.capitals:
        return True  # "Snapchat jessy", "SC danireyes", "👻 jessy"
    return label.kind == "word" and _CUE_BEFORE.search(text, max(0, group_start - 8), group_start) is not None


def _head_ok(label: _Label, m: re.Match[str]) -> bool:
    join = m.group("join").strip().lower()
    if m.group("at"):
        return bool(join) or label.kind == "emoji"
    return bool(_SHAPED.search(m.group("h"))) and (bool(join) or label.kind == "emoji")


def _far_value(text: str, lower: str | None, end: int, labels: list[_Label],
               matches: list[re.Match[str]]) -> tuple[str, int, int] | None:
    """The value a few words after the label (``_FAR``), after "as"/"als"/"onder" or a colon: one
    that looks like a handle or has "@"; no other label in between."""
    m = _FAR.match(lower, end) if lower is not None else _FAR_ANY_CASE.match(text, end)
    if m is None or any(end < other.start() < m.start("h") for other in matches):
        return None
    raw = m.group("h").rstrip(".-")
    shape_ok = bool(m.group("at") or m.group("colon_at") or _SHAPED.search(raw)) or \
        m.group("intro") is not None and _NAMING_INTRO.fullmatch(m.group("intro")) is not None and \
        raw.replace("-", "").isalnum() and not _is_place(raw.lower())  # "gebruikersnaam evahaarlem" (round 11)
    if not shape_ok or not any(_name_ok(raw.lower(), lb.platform) for lb in labels):
        return None
    return raw.lower(), m.start("h"), m.start("h") + len(raw)


# Intro words that name the value outright: a plain name after them is the handle.
_NAMING_INTRO = re.compile(r"gebruikersnaam|username|user\s+name|called|named|genaamd", re.IGNORECASE)


# Signs in a handle written as words, to slip past filters: "ella underscore grace", "tessel punt x",
# "roos liggend streepje bloem", "bambi dot bae".
_SPELLED_SIGN = re.compile(
    r"[ \t]+(?:(?P<dot>dot|punt|punkt|point)|(?P<under>underscore|under\s?score|liggend\s+streepje|lage\s+streep(?:je)?|"
    r"onderstreepje|laag\s+streepje)|(?P<dash>dash|hyphen|streepje|koppelteken|minteken))[ \t]+(?P<part>[A-Za-z0-9]+)"
    r"(?![\w@])",
    re.IGNORECASE,
)


def _spelled_out(text: str, raw: str, end: int) -> tuple[str, int]:
    """`raw` (ending at `end`) with the signs written as words after it joined in: ("ella_grace", end)."""
    while m := _SPELLED_SIGN.match(text, end):
        raw += ("." if m.group("dot") else "_" if m.group("under") else "-") + m.group("part")
        end = m.end()
    return raw, end


# A further value after the first, split off by a slash, bar or comma: "@lisa.h / lisah_snap".
_NEXT_VALUE = re.compile(rf"[ \t]*[/|,][ \t]*@?{_NAME}{_NAME_END}")


def _one_each(text: str, value: tuple[str, int, int], platforms: list[str]) -> list[tuple[str, int, int]] | None:
    """The values of joined labels when one follows another, as many as there are platforms: the
    first for the first label, and so on ("Insta en Snap: lisa.h / lisah_snap"); else None."""
    if len(platforms) < 2:
        return None
    values = [value]
    while len(values) < len(platforms) + 1:
        m = _NEXT_VALUE.match(text, values[-1][2])
        raw = m.group("h").rstrip(".-") if m else ""
        if not m or not _SHAPED.search(raw):
            break
        values.append((raw.lower(), m.start("h"), m.start("h") + len(raw)))
    if len(values) != len(platforms) or not all(_name_ok(v[0], p) for v, p in zip(values, platforms, strict=True)):
        return None
    return values


def find_handles(text: str, masked: Sequence[tuple[int, int]] = ()) -> list[HandleFound]:
    """Handles in order of appearance; `masked` spans (e-mail addresses) hold none."""
    found: list[HandleFound] = []
    lower = text.lower()
    same_length = len(lower) == len(text)
    matches = _label_matches(text, lower)
    if not matches and "/" not in text:  # most ads name no platform and have no link
        return found
    groups = _groups(text, matches)
    has_link = ".me/" in lower or ".com/" in lower or ".am/" in lower or any(f in lower for f in _SHORT_LINKS)
    if not groups and not has_link:  # most ads name no platform
        return found
    taken: list[tuple[int, int]] = list(masked)
    links_at = [(u.start, u.end) for u in find_urls(text)] if has_link or "www." in lower or "http" in lower else []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for m in (_LINKED.finditer(lower) if same_length else _LINKED_ANY_CASE.finditer(text)) if has_link else ():
        platform = _LINK_FORMS[m.group("link").lower()]
        written = raw = m.group("h").rstrip(".-")
        if platform == "whatsapp":
            # wa.me takes a number only, and a number is a phone (nlp.phones.link_phones), not a handle;
            # the link is taken so the "WhatsApp" before it does not read a value from it either.
            taken.append((m.start(), m.end()))
            continue
        elif raw.startswith("+"):
            taken.append((m.start(), m.end()))
            continue  # "t.me/+AbC": an invitation to a group, not an account
        if _POST_PATH.match(text, m.start("h") + len(written)):
            taken.append((m.start(), m.end()))
            continue  # "x.com/lisa/status/17...": a post shared, not the account offered (round 12)
        if m.group("link").lower() in _SHORT_LINKS and (
                len(raw) < 3 or raw.lower() in _FORMS or raw.lower() in _common_words() or raw.isdigit() or
                m.start() > 0 and text[m.start() - 1] in "/:"):
            continue  # "insta/snap: x", "of/or": labels joined or a word; "https://x/of/..." a path
        if text[m.start("link"): m.start("link") + 2] == "of" and _OF_AFTER_WORD.search(text, 0, m.start("link")):
            continue  # "kind of/sort of": the word "of", not OnlyFans
        if free(m.start(), m.end()) and len(raw) >= 2 and raw.lower() not in _NOT_LINKED:
            found.append(HandleFound(platform, raw.lower(), m.start(), m.start("h") + len(written)))
            taken.append((m.start(), m.end()))
    for group in groups:
        labels = [label for label in group if free(label.start, label.end)
                  and not any(s <= label.start < e for s, e in links_at)]
        if not labels:
            continue
        start, end = group[0].start, group[-1].end
        value: tuple[str, int, int] | None = None
        tail = _TAIL.match(lower, end) if same_length else _TAIL_ANY_CASE.match(text, end)
        if tail and free(tail.start("h"), tail.end("h")):
            raw, vend = _spelled_out(text, tail.group("h").rstrip(".-"), tail.end("h"))
            if vend == tail.end("h"):
                vend = tail.start("h") + len(raw)
            name = raw.lower()
            accepted = [lb for lb in labels if _name_ok(name, lb.platform)
                        and _tail_ok(lb, raw, tail.group("sep"), tail.group("intro"), text, start, vend)]
            if accepted:
                labels, value = accepted, (name, tail.start("h"), vend)
        if value is None:
            value = _far_value(text, lower if same_length else None, end, labels, matches)
            labels = [lb for lb in labels if _name_ok(value[0], lb.platform)] if value else labels
        if value is None and (labels[0].kind == "emoji" or _HEAD_JOIN.search(text, max(0, start - 6), start)):
            head = _HEAD.search(text, max(0, start - 48), start)
            if head and free(head.start(), head.end("h")):
                raw = head.group("h").rstrip(".-")
                name = raw.lower()
                labels = [lb for lb in labels if _name_ok(name, lb.platform) and _head_ok(lb, head)]
                if labels:
                    value = (name, head.start(), head.start("h") + len(raw))
        if value and "." in value[0] and text.startswith("/", value[2]):
            value = None  # "chat.whatsapp.com/Hk3L...": a link's host, not a handle (round 10)
        if value and (not free(value[1], value[2]) or any(s < value[2] and value[1] < e for s, e in links_at)):
            value = None  # inside a link or an address: "Follow my OnlyFans: onlyfans.com/lisa"
        labels = _not_negated(text, labels) if value else []
        if not value or not labels:
            continue
        name, vstart, vend = value
        platforms = list(dict.fromkeys(lb.platform for lb in labels))
        values = _one_each(text, value, platforms) if vstart > end else None
        if values:  # "Insta and Snap: @lisa.h / lisah_snap": one value for each label, in order
            for platform, (each, each_start, each_end) in zip(platforms, values, strict=True):
                found.append(HandleFound(platform, each, each_start, each_end))
            taken.append((start, values[-1][2]))
            continue
        for platform in platforms:
            found.append(HandleFound(platform, name, min(start, vstart), vend))
        taken.append((min(start, vstart), max(end, vend)))
    found.sort(key=lambda h: h.start)
    return found


def find_urls(text: str) -> list[UrlFound]:
    lower = text.lower()
    if "http" not in lower and "www." not in lower and ".me/" not in lower:
        return []
    return [UrlFound(m.group().rstrip(".,;:!?"), m.start(), m.start() + len(m.group().rstrip(".,;:!?")))
            for m in URL_RE.finditer(text)]
