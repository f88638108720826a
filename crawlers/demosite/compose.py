"""Compose ad texts: one template per actor (so its ads are near-duplicates), one rendering per version.

`AdTemplate` fixes the actor's wording, typos, emoji and indicator lines; `AdState`
is what may change between versions (age, city, price, phone notation, lines).
`render_version` turns both into title, body and the truth's spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from crawlers.demosite.actors import Actor, Facilitator, Person, Phone
from crawlers.demosite.cities import City
from crawlers.demosite.disguise import written_email, written_phone
from crawlers.demosite.draw import pick
from crawlers.demosite.texts import (
    Line,
    Marked,
    Value,
    flatten,
    indicator_line,
    parse_line,
    phrases,
    render_text,
)

VARIED_SECTIONS = ("about", "availability", "arrangements", "price", "closing")
VARIANTS = (("alt", 0.3), ("swap", 0.15), ("emoji", 0.2))  # (rewrite, chance per ad)
TITLE_CODES = ("new_in_town", "tour", "few_days", "real_photos")
FILLER_SECTIONS = ("about", "availability", "arrangements", "price")
SLOT_CATEGORY = {"age_under_18": "minor", "just_18": "minor", "very_low_price": "coercion",
                 "phone_disguised": "obfuscation", "email_disguised": "obfuscation",
                 "licence_unknown": "licensing"}


@dataclass
class AdTemplate:
    lang: str  # language of the intro; "mixed" templates switch per section
    sections: dict[str, Line]
    section_lang: dict[str, str]
    title: Line
    emoji: dict[str, str]
    sep: str
    lowercase: bool
    code_lines: dict[str, Line] = field(default_factory=dict)
    body_cache: dict[tuple, Line] = field(default_factory=dict)  # flattened body by what shapes it
    alternates: dict[str, Line] = field(default_factory=dict)  # a second wording per filler section
    title_code: str = ""  # an indicator some actors also put in the title ("... - Nieuw in de stad!")
    title_suffix: Line = ()


@dataclass(frozen=True)
class AdState:
    """What an ad version shows; versions differ by `dataclasses.replace` on this."""

    city: City
    stated_age: int | None
    just_18: bool
    price: int
    price_form: int
    phones: tuple[tuple[Phone, str, tuple[str, ...]], ...]  # (phone, written, disguise types)
    email: tuple[str, str, bool] | None  # (address, written, disguised)
    handle: tuple[str, str] | None
    codes: tuple[str, ...]
    age_form: int = 0
    drop_about: bool = False
    address: Facilitator | None = None  # where incall happens, for operations using a facilitator here
    variant: tuple[str, ...] = ()  # small per-ad rewrites: "alt:<section>", "swap", "emoji" (see VARIANTS)
    extra_lines: tuple[str, ...] = ()  # literal lines: a disclaimer, an injection attempt


def _lowered(line: Line) -> Line:
    out = []
    for piece in line:
        if isinstance(piece, str):
            out.append(piece.lower())
        elif isinstance(piece, Marked):
            out.append(Marked(piece.kind, piece.code, piece.text.lower()))
        else:
            out.append(piece)
    return tuple(out)


def _misspelled(line: Line, rng, rate: float, lang: str) -> Line:
    from crawlers.demosite.texts import misspell

    if rate <= 0:
        return line
    abbreviations = phrases()["abbreviations"][lang]
    return tuple(misspell(p, rng, rate, abbreviations) if isinstance(p, str) else p for p in line)


def make_template(actor: Actor, rng, emoji: bool = True) -> AdTemplate:
    data = phrases()
    base_lang = "nl" if actor.lang == "mixed" else actor.lang

    def lang_for(section: str) -> str:
        if actor.lang != "mixed" or section == "intro":
            return base_lang
        return "en" if rng.random() < 0.4 else "nl"

    sections: dict[str, Line] = {}
    section_lang: dict[str, str] = {}
    template_alternates: dict[str, Line] = {}
    names = ("intro", *FILLER_SECTIONS, "contact", "email", "handle", "closing")
    for name in names:
        lang = lang_for(name)
        pool = data["sections"][lang][name]
        if actor.kind == "agency" and name in ("intro", "about", "contact"):
            pool = data["agency_sections"][lang][name]
        raw = pick(rng, pool)
        line = parse_line(raw)
        if name in FILLER_SECTIONS or name == "closing":
            line = _misspelled(line, rng, actor.typo_rate, lang)
        sections[name] = line
        section_lang[name] = lang
        others = [x for x in pool if x != raw]
        if name in VARIED_SECTIONS and others:
            template_alternates[name] = _misspelled(parse_line(pick(rng, others)), rng, actor.typo_rate, lang)
    sections["address"] = parse_line(pick(rng, data["address_lines"][base_lang]))
    if actor.kind == "agency":
        sections["licence"] = parse_line(pick(rng, data["agency_sections"][base_lang]["licence"]))
    elif actor.licence:
        lic = "Vergunning: {licence}" if base_lang == "nl" else "Licence: {licence}"
        sections["licence"] = parse_line(lic)
    title_pool = data["agency_sections" if actor.kind == "agency" else "sections"][base_lang]["title"]
    title = parse_line(pick(rng, title_pool))
    marks = data["emoji"]
    emojis = {n: pick(rng, marks) for n in names if emoji and rng.random() < 0.25} if emoji else {}
    lowercase = rng.random() < 0.08
    template = AdTemplate(base_lang, sections, section_lang, title, emojis, pick(rng, ("\n", "\n", "\n", " ")),
                          lowercase, alternates=template_alternates)
    headline = [c for c in actor.codes if c in TITLE_CODES]
    if headline and rng.random() < 0.5:
        template.title_code = headline[0]
        _prefix, phrase, suffix = pick(rng, data["indicators"][headline[0]][base_lang])
        template.title_suffix = (" - ", Marked("ind", headline[0], phrase.upper() if rng.random() < 0.3 else phrase),
                                 suffix)
    return template


def code_line(template: AdTemplate, code: str, rng) -> Line:
    """The actor's fixed wording for one indicator (drawn once, reused in every ad)."""
    if code not in template.code_lines:
        prefix, phrase, suffix = pick(rng, phrases()["indicators"][code][template.lang])
        template.code_lines[code] = indicator_line(prefix, code, phrase, suffix)
    return template.code_lines[code]


def age_value(state: AdState, lang: str, short: bool) -> Value:
    if state.stated_age is None:
        return Value("")
    if short:
        text = str(state.stated_age)
    elif state.just_18:
        text = phrases()["just_18_phrases"][lang][0]
        return Value(text, (("ind", "just_18", 0, len(text)),))
    else:
        forms = phrases()["age_phrases"][lang]
        text = forms[state.age_form % len(forms)].format(n=state.stated_age)
    start = text.index(str(state.stated_age)) if short else 0
    if state.stated_age < 18:
        return Value(text, (("ind", "age_under_18", start, len(text)),))
    if state.stated_age == 18:
        # docs/DOMAIN.md counts a stated 18 as a weak minor signal; the extractor raises `just_18` for it.
        return Value(text, (("ind", "just_18", start, len(text)),))
    return Value(text)


def slot_values(actor: Actor, person: Person, state: AdState, template: AdTemplate) -> dict[str, Value]:
    lang = template.lang
    price_forms = phrases()["price_phrases"][template.section_lang["price"]]
    price_text = price_forms[state.price_form % len(price_forms)].format(p=state.price)
    values = {
        "name": Value(person.name),
        "city": Value(state.city.name),
        "agency": Value(actor.name),
        "age": age_value(state, lang, short=False),
        "age_short": age_value(state, lang, short=True),
        "price": Value(price_text, (("ind", "very_low_price", 0, len(price_text)),) if actor.low_price else ()),
    }
    values["phone"] = phone_value(state)
    if state.email:
        _address, written, disguised = state.email
        email_marks = [("email", 0, 0, len(written))]
        if disguised:
            email_marks.append(("ind", "email_disguised", 0, len(written)))
        values["email"] = Value(written, tuple(email_marks))
    if state.handle:
        platform, handle = state.handle
        if platform == "whatsapp":
            # A wa.me link carries a phone number (the actor's first), so it is marked as a phone.
            label, link = "WhatsApp ", "wa.me/"
            values["handle"] = Value(label + link + handle, (("phone_link", "+" + handle, len(label) + len(link),
                                                              len(label) + len(link) + len(handle)),))
        else:
            label, shown = ("Telegram ", f"@{handle}") if platform == "telegram" else (f"{platform.capitalize()}: ",
                                                                                         handle)
            values["handle"] = Value(label + shown, (("handle", 0, len(label), len(label) + len(shown)),))
    if state.address:
        text = state.address.text
        values["address"] = Value(text, (("address", 0, 0, len(text)),))
    if actor.licence:
        lic_marks = () if actor.licence_registered else (("ind", "licence_unknown", 0, len(actor.licence)),)
        values["licence"] = Value(actor.licence, lic_marks)
    return values


def phone_value(state: AdState) -> Value:
    """The shown numbers, " / "-separated, each marked (and marked disguised where it is)."""
    texts: list[str] = []
    marks = []
    pos = 0
    for i, (_phone, written, disguise) in enumerate(state.phones):
        if i:
            texts.append(" / ")
            pos += 3
        texts.append(written)
        marks.append(("phone", i, pos, pos + len(written)))
        if disguise:
            marks.append(("ind", "phone_disguised", pos, pos + len(written)))
        pos += len(written)
    return Value("".join(texts), tuple(marks))


def body_pieces(state: AdState, template: AdTemplate, rng) -> Line:
    """The body as one piece sequence (slots unfilled); versions differing only in slot values share it."""
    key = (state.codes, state.drop_about, state.email is not None, state.handle is not None, state.extra_lines,
           state.variant, state.address is not None)
    pieces = template.body_cache.get(key)
    if pieces is None:
        pieces = template.body_cache[key] = flatten(_compose_lines(state, template, rng), template.sep)
    return pieces


def draw_variant(rng) -> tuple[str, ...]:
    """Small rewrites one re-post makes to the actor's template (none for most ads)."""
    tokens = [t for t, p in VARIANTS if rng.random() < p]
    if tokens and tokens[0] == "alt":
        tokens[0] = f"alt:{pick(rng, VARIED_SECTIONS)}"
    return tuple(tokens)


def _compose_lines(state: AdState, template: AdTemplate, rng) -> list[Line]:
    s = dict(template.sections)
    for token in state.variant:
        if token.startswith("alt:") and token[4:] in template.alternates:
            s[token[4:]] = template.alternates[token[4:]]
    named: list[tuple[str, Line]] = [("intro", s["intro"])]
    if not state.drop_about:
        named.append(("about", s["about"]))
    named += [("", code_line(template, c, rng)) for c in state.codes if c != "just_18"]
    middle = ("arrangements", "availability") if "swap" in state.variant else ("availability", "arrangements")
    named += [(n, s[n]) for n in middle]
    if state.address:
        named.append(("address", s["address"]))
    named += [(n, s[n]) for n in ("price", "contact")]
    if state.email:
        named.append(("email", s["email"]))
    if state.handle:
        named.append(("handle", s["handle"]))
    if "licence" in s:
        named.append(("licence", s["licence"]))
    named += [("", parse_line(x) if "[[" in x else (x,)) for x in state.extra_lines]
    named.append(("closing", s["closing"]))
    out = []
    for name, line in named:
        if template.lowercase:
            line = _lowered(line)
        last = line[-1] if line else ""
        if template.sep == " " and not (isinstance(last, str) and last[-1:] in ".!?)"):
            line = line + (".",)  # one-paragraph ads still end each sentence
        emoji = template.emoji.get(name)
        out.append(line + (" " + emoji,) if emoji else line)
    if "emoji" in state.variant:
        out[-1] = out[-1] + (" " + pick(rng, phrases()["emoji"]),)
    return out


def render_version(actor: Actor, person: Person, state: AdState, template: AdTemplate, rng):
    """(title, body, marks) for one ad version; marks are (kind, payload, start, end) into the text."""
    values = slot_values(actor, person, state, template)
    title = template.title
    if template.title_code and template.title_code in state.codes:
        title = title + template.title_suffix
    return render_text(title, body_pieces(state, template, rng), values)


def new_phone_notation(state: AdState, actor: Actor, lang: str, rng) -> AdState:
    """The same numbers written another way (a typical small edit between versions)."""
    return replace(state, phones=tuple(phone_notation(p, actor, lang, rng) for p, _w, _d in state.phones))


def phone_notation(phone: Phone, actor: Actor, lang: str, rng) -> tuple[Phone, str, tuple[str, ...]]:
    from crawlers.demosite.disguise import PHONE_DISGUISES

    disguise = pick(rng, PHONE_DISGUISES) if rng.random() < actor.disguise_rate else None
    written, types = written_phone(phone.national, phone.e164, phone.head, disguise, lang, rng)
    return phone, written, tuple(types)


def email_notation(address: str, actor: Actor, lang: str, rng) -> tuple[str, str, bool]:
    disguised = rng.random() < actor.disguise_rate
    return address, written_email(address, disguised, lang, rng), disguised


@cache
def categories() -> dict[str, str]:
    """Indicator code -> category, for every code the world plants."""
    return {code: entry["category"] for code, entry in phrases()["indicators"].items()} | SLOT_CATEGORY
