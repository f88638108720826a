"""``extract(text) -> Extraction``: everything the later stages need from one ad's text.

Offsets (``start``/``end`` of indicators and entities) always index the text that was analysed:
``text`` itself, or, when a ``title`` is given, ``analysis_text(title, text)`` from
``core.schema`` (title, newline, body) - the same string ``AdVersion.text`` returns.
This is a pure function: no database, no network, no state beyond caches built once per process.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from operator import itemgetter
from typing import Any

from spacy.tokens import Doc

from nlp.ages import AgeFound, AgeLimit, birth_year_ages, read_ages
from nlp.emails import EmailFound, find_emails
from nlp.handles import HandleFound, UrlFound, find_handles, find_urls
from nlp.indicators import context
from nlp.indicators.computed import computed_hits, minor_arranged, supporting_codes, text_model_hits
from nlp.indicators.engine import match_patterns
from nlp.lang import detect_language
from nlp.lexicon_types import Entry
from nlp.licences import LicenceFound, find_licences
from nlp.listing import SITE_CONTENTS, ListingVerdict, listing_verdict, rule_overruled
from nlp.phones import AmbiguousPhone, PhoneFound, link_phones, read_phones
from nlp.pipeline import get_pipeline
from nlp.places import PlaceFound, find_places
from nlp.prices import PriceFound, find_prices
from nlp.risk import risk_reasons, risk_score
from nlp.shouting import unshouted

CONTRACT_INDICATOR_FIELDS = ("code", "category", "start", "end", "text", "weight")


@dataclass(frozen=True)
class EntitySpan:
    """Something to store and pivot on: phone, email, handle, age, url, city, price, licence."""

    kind: str
    value: str
    start: int
    end: int
    obfuscated: bool = False
    platform: str = ""


@dataclass
class Extraction:
    text: str
    lang: str
    mixed_language: bool = False
    phones: list[str] = field(default_factory=list)
    phones_obfuscated: bool = False
    emails: list[str] = field(default_factory=list)
    handles: list[dict[str, str]] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    # Added to the contract: numbers valid in several regions the ad does not choose between, and
    # ages that are not the advertiser's (client limits "18-35", past ages "when I was 16").
    phones_ambiguous: list[dict[str, Any]] = field(default_factory=list)
    client_age_limits: list[dict[str, int | None]] = field(default_factory=list)
    past_ages: list[int] = field(default_factory=list)
    risk: float = 0.0
    reasons: list[str] = field(default_factory=list)
    entities: list[EntitySpan] = field(default_factory=list)
    # Hits kept but not flagged: the ad is a non-adult listing (nlp.listing), or a site notice that names
    # signals without offering anyone. Each carries `suppressed: "non_adult_listing"` (with the verdict's
    # reasons) or `"site_notice"`; `risk` leaves them out. `listing` is the verdict (always reached on a
    # mixed site, on an adult site only when a hit needed it; method "notice" for a site notice).
    suppressed: list[dict[str, Any]] = field(default_factory=list)
    listing: dict[str, Any] | None = None

    def contract(self) -> dict[str, Any]:
        """The fields of the `signalstack extract` output contract (DESIGN.md), without `id`."""
        return {
            "lang": self.lang,
            "phones": self.phones,
            "phones_obfuscated": self.phones_obfuscated,
            "emails": self.emails,
            "handles": self.handles,
            "ages": self.ages,
            "indicators": [{k: hit[k] for k in CONTRACT_INDICATOR_FIELDS} for hit in self.indicators],
            "risk": self.risk,
            "phones_ambiguous": self.phones_ambiguous,
            "client_age_limits": self.client_age_limits,
            "past_ages": self.past_ages,
        }

    def entity_dicts(self) -> list[dict[str, Any]]:
        return [asdict(e) for e in self.entities]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _indicator(entry: Entry, text: str, start: int, end: int, weight: float | None = None) -> dict[str, Any]:
    return {
        "code": entry.code,
        "category": entry.category,
        "start": start,
        "end": end,
        "text": text[start:end],
        "weight": float(weight if weight is not None else entry.weight),
        "explanation": entry.explanation,
        "explanation_nl": entry.explanation_nl,
        "explanation_en": entry.explanation_en,
        "source": entry.source,
    }


_PLACE_AND_CODE = itemgetter("start", "end", "code")


def _without_overlaps(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One hit per code and place: of overlapping hits of one code keep the heaviest, then longest."""
    if len(hits) < 2:  # nothing to overlap (most ads' kept-back hits): what the sorts below return
        return list(hits)
    kept: list[dict[str, Any]] = []
    spans: dict[str, list[tuple[int, int]]] = {}  # per code, the places kept
    # heaviest, then longest, then first; the keys made in one pass, not by a lambda per hit
    ranks = [(-h["weight"], h["start"] - h["end"], h["start"]) for h in hits]
    for k in sorted(range(len(hits)), key=ranks.__getitem__):
        hit = hits[k]
        start, end = hit["start"], hit["end"]
        taken = spans.setdefault(hit["code"], [])
        for s, e in taken:
            if s < end and start < e:
                break
        else:
            taken.append((start, end))
            kept.append(hit)
    return sorted(kept, key=_PLACE_AND_CODE)


def _reads_as_ad(text: str, found: _Found) -> bool:
    return bool(found.places or found.ages or found.prices or found.phones or found.handles or found.emails) \
        or context.has_adult_cue(text)


def _cue_only_inside(text: str, verdict: ListingVerdict, start: int, end: int) -> bool:
    """The rule's ordinary-listing cue is a word of the hit itself, and none stands outside it: "work to pay
    off their plane tickets" is a debt, not an event with tickets. Asked only on an adult site, of a core
    coercion hit (a debt, confinement) the rule alone would hold back: "Driver wanted to take a lady to
    appointments" holds its cue too, and is a job."""
    if verdict.method != "rules" or not verdict.cue or verdict.cue.lower() not in text[start:end].lower():
        return False
    return context.non_adult_cue(text[:start] + " " * (end - start) + text[end:]) is None


def _named_to_deny(sentence: str, lang: str, category: str) -> bool:
    """The sentence names a signal of `category` only to deny it: without its negation words a pattern
    finds one, with them none does ("Er is geen vriend die mijn afspraken regelt en geen chauffeur die het
    geld pakt"). Asked of a text-model hit only (round 9): the model reads the named roles, not the "geen"."""
    blanked, count = context.negation_words_regex().subn(lambda m: " " * len(m.group()), sentence)
    if not count:
        return False
    return any(raw.entry.category == category
               for raw in match_patterns(get_pipeline(lang).make_doc(blanked), lang, blanked))


def _in_any(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


@dataclass(frozen=True)
class _Found:
    phones: list[PhoneFound]
    emails: list[EmailFound]
    handles: list[HandleFound]
    urls: list[UrlFound]
    ages: list[AgeFound]
    prices: list[PriceFound]
    places: list[PlaceFound]
    licences: list[LicenceFound]
    phones_ambiguous: list[AmbiguousPhone]
    client_age_limits: list[AgeLimit]
    past_ages: list[AgeFound]

    def entities(self) -> list[EntitySpan]:
        entities = (
            [EntitySpan("phone", p.e164, p.start, p.end, p.obfuscated) for p in self.phones]
            + [EntitySpan("email", e.address, e.start, e.end, e.obfuscated) for e in self.emails]
            + [EntitySpan("handle", h.handle, h.start, h.end, platform=h.platform) for h in self.handles]
            + [EntitySpan("age", str(a.age), a.start, a.end) for a in self.ages]
            + [EntitySpan("url", u.url, u.start, u.end) for u in self.urls]
            + [EntitySpan("city", c.name, c.start, c.end) for c in self.places]
            + [EntitySpan("price", p.value, p.start, p.end) for p in self.prices]
            + [EntitySpan("licence", lic.number, lic.start, lic.end) for lic in self.licences]
        )
        return sorted(entities, key=lambda e: (e.start, e.kind))


def _find_all(text: str, country: str | None, lang: str, matching: str) -> _Found:
    """Every entity of the ad. Ages and places are read in `matching` (lines in capitals in ordinary case,
    nlp.shouting); contacts as written, where the case of a handle is part of it."""
    emails, urls = find_emails(text), find_urls(text)
    # Digits inside an address or a link are not a phone number written in the ad, nor a handle.
    masked = [(e.start, e.end) for e in emails] + [(u.start, u.end) for u in urls]
    phones, ages = read_phones(text, country, masked, lang), read_ages(matching)
    linked = link_phones(text)
    return _Found(
        phones=sorted(phones.phones + linked, key=lambda p: p.start) if linked else phones.phones,
        emails=emails, handles=find_handles(text, [(e.start, e.end) for e in emails]),
        urls=urls, ages=ages.stated, prices=find_prices(text), places=find_places(matching),
        licences=find_licences(text), phones_ambiguous=phones.ambiguous, client_age_limits=ages.client_limits,
        past_ages=ages.past,
    )


# The categories the classifier's veto covers on an adult site (the others keep to the rule, which costs a
# regex). Movement since round 6: a band's tour dates or a shop that moves are no movement of a person,
# and held out by set only 1 of 685 movement positives scores below the veto's limit (nlp.listing).
VETO_CATEGORIES = ("minor", "coercion", "movement")
TEXT_MODEL_CATEGORIES = ("minor", "coercion", "movement")
# "New in town?", "Nieuw in Leeuwarden?": a movement phrase in a question is said to the reader (a
# newcomer welcomed, a student room offered), not of her (round 7).
ASKED_OF_THE_READER = ("movement",)
# Third-party control or confinement in a question others ask, reported ("the question whether a boyfriend
# or a pimp is behind it. No."), or in a question put to the reader (a help line: "Word je gedwongen?"), is
# not said of her (round 10). Not `minor`: "Zin in een schoolmeisje?" offers one.
ASKED_OF_OTHERS = ("coercion",)
# The reason a supporting entry's hits carry when nothing else raised their category (round 11).
SUPPORTING_ONLY = "supporting_only"
# An offer's words (words.yaml ``discount``, compounds too): "kerstactie", "zomerkorting", "weekend deal", "20% off"
_OFFER = re.compile(r"\w*(?:korting|aanbieding|deal|deals|sale|promo|uitverkoop)\b|\w*(?<!re)(?<!trans)(?<!red)(?<!sens)acties?\b|"
                    r"\bdiscounts?\b|\boffers?\b|\d+ ?%", re.IGNORECASE)
ROTATION_CODES = frozenset({"new_girls_weekly"})  # women taking turns on one number or at one place
# ... unless the ad says they come from elsewhere or change towns: "nieuwe meiden uit het buitenland", "wisselt elke
# week van appartement en stad", "gisteren binnengekomen"
_ROTATION_MOVES = re.compile(r"buitenland|abroad|\b(?:stad|steden|city|cities|town|towns)\b|arriv|binnengekomen|"
                             r"aangekomen|\bland(?:ed|t)\b|geland|\btour", re.IGNORECASE)
MODEL_READING_MARK = "[p = "  # opens the probability and words a text-model hit's explanation ends with
# Core coercion indicators (debt bondage, confinement: weight 0.5 and more) use words an ordinary
# listing hardly ever does ("papers are with the boss until the debt is cleared"); on an adult site
# only the rule holds them back, not the classifier alone, which reads such a bare line as ordinary.
CORE_COERCION_WEIGHT = 0.5


def _youth_outweighed(loose: bool, adult_age: bool, hit_text: str, start: int, past_ages: list[AgeFound]) -> bool:
    """A youth pattern's hit that the ad itself outweighs: the hit is an age she had ("when I was sixteen",
    reported apart as a past age), or she states an adult age of 21 and up (none under 18) and the hit names
    youth without an age or a word naming her young ("my parents still think I work in an office, I'm 30",
    "schooldagen" of her children; context.yaml ``adult_age``). Loose patterns always were (round 10: most)."""
    if any(p.start <= start < p.end or start <= p.start < start + len(hit_text) for p in past_ages):
        return True
    return adult_age and (loose or not context.outlasts_adult_age(hit_text))


def _asked_of_others(text: str, start: int, end: int) -> bool:
    return context.is_reported_question(text, start, end) or context.is_put_to_reader(text, start)


def _indicators(text: str, doc: Doc, matching: str, lang: str, found: _Found, ages: list[int],
                licence_register: frozenset[str] | None, site_content: str = "adult",
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any] | None]:
    """Pattern and computed hits that survive the context rules, one per code and place: those
    flagged, those kept back because the ad is a non-adult listing, and that listing verdict. Patterns and
    computed hits read `matching` (`text` with lines in capitals in ordinary case, the same length)."""
    rules = context.rules()
    born = birth_year_ages(text)
    adult_age = context.adult_age_stated(ages + born)
    lazy: dict[str, Any] = {}  # the document-level rules cost a scan each; most ads never need them
    if site_content == "mixed":
        lazy["listing"] = listing_verdict(text, lang, site_content)

    def non_adult(category: str, weight: float = 0.0, span: tuple[int, int] | None = None) -> bool:
        if category not in rules.non_adult_categories:
            return False
        if site_content == "adult" and category == "coercion" and weight >= CORE_COERCION_WEIGHT:
            key = "listing_rule"
            if key not in lazy:
                lazy[key] = listing_verdict(text, lang, site_content, confident_check=False)
        else:
            full = site_content != "adult" or category in VETO_CATEGORIES
            key = "listing" if full or "listing" in lazy else "listing_rule"
            if key not in lazy:
                # on an adult site the rule's verdict, read already, is where the full one starts
                rule = lazy.get("listing_rule") if site_content == "adult" else None
                lazy[key] = listing_verdict(text, lang, site_content, confident_check=full, rule=rule)
        if site_content == "adult" and lazy[key].is_non_adult:
            if "overruled" not in lazy:  # the rule's cue, and the classifier reads an adult-service ad
                lazy["overruled"] = rule_overruled(text, lazy[key])
            return not lazy["overruled"] and not (span and weight >= CORE_COERCION_WEIGHT and category == "coercion"
                                                  and _cue_only_inside(text, lazy[key], *span))
        return lazy[key].is_non_adult

    def suppressed(category: str, start: int, code: str = "") -> bool:
        if code in rules.self_managed_codes:
            if "self_managed" not in lazy:
                lazy["self_managed"] = context.is_self_managed(text)
            if lazy["self_managed"]:
                return True
        if code in rules.uninvolved_helper_codes:
            if "uninvolved_helper" not in lazy:
                lazy["uninvolved_helper"] = context.has_uninvolved_helper(text)
            if lazy["uninvolved_helper"]:
                return True
        if code in rules.parent_voice_codes or (code in rules.parent_voice_unpriced_codes and not found.prices
                                                 and not rules.parent_voice_rate.search(text)):
            if "parent_voice" not in lazy:
                lazy["parent_voice"] = context.is_parent_voice(text)
            if lazy["parent_voice"]:
                return True
        if code in rules.local_language_codes:
            if "local_language" not in lazy:
                lazy["local_language"] = context.local_language_sentences(text)
            if _in_any(start, lazy["local_language"]):
                return True
        if category in rules.settled_categories:
            if "settled" not in lazy:
                lazy["settled"] = context.is_settled(text)
            if lazy["settled"]:
                return True
        if category in rules.disclaimer_categories:
            if "disclaimers" not in lazy:
                lazy["disclaimers"] = context.disclaimer_sentences(text)
            if _in_any(start, lazy["disclaimers"]):
                return True
        if category in rules.long_past_categories:
            if "long_past" not in lazy:
                lazy["long_past"] = context.long_past_sentences(text)
            if _in_any(start, lazy["long_past"]):
                return True
        if category in rules.client_sought_categories:
            if "client_sought" not in lazy:
                lazy["client_sought"] = context.client_sought_sentences(text)
            if _in_any(start, lazy["client_sought"]):
                return True
        if category in rules.impostor_categories:
            if "impostor" not in lazy:
                lazy["impostor"] = context.impostor_sentences(text)
            return _in_any(start, lazy["impostor"])
        return False

    hits: list[dict[str, Any]] = []
    kept_back: list[dict[str, Any]] = []
    # (category, start) of pattern hits the text itself denies: "Er is geen vriend die mijn afspraken regelt".
    # The text model does not read the same sentence as that signal after all (round 9).
    denied: list[tuple[str, int]] = []
    for raw in match_patterns(doc, lang, matching):
        # `negatable: false`: the negation belongs to the pattern ("cannot speak ..., my friend does").
        negated = raw.pattern.negatable and (context.is_negated(doc, raw.token_start) or (
            raw.pattern.kind == "near" and not context.steps_negate(tuple(raw.pattern.value))
            and context.is_negated_within(doc, raw.token_start, raw.token_end)))
        own_voice = raw.pattern.kind == "near" and raw.entry.code in rules.own_voice_codes \
            and context.is_own_voice_between(doc, raw.token_start, raw.token_end)
        if negated or own_voice or context.is_refused(text, raw.end) \
                or (raw.entry.category == "coercion" and context.is_owned_after(text, raw.end)):
            denied.append((raw.entry.category, raw.start))
            continue
        outweighed = raw.entry.category == "minor" and _youth_outweighed(
            raw.pattern.loose, adult_age, text[raw.start:raw.end], raw.start, found.past_ages)
        if outweighed or suppressed(raw.entry.category, raw.start, raw.entry.code) \
                or (raw.entry.category in ASKED_OF_THE_READER and context.is_asked(text, raw.end, raw.start)) \
                or (raw.entry.category in ASKED_OF_OTHERS and _asked_of_others(text, raw.start, raw.end)):
            continue
        hit = _indicator(raw.entry, text, raw.start, raw.end, raw.pattern.weight)
        (kept_back if non_adult(raw.entry.category, hit["weight"], (raw.start, raw.end)) else hits).append(hit)
    computed = computed_hits(matching, found.ages, found.phones, found.emails, found.prices, found.licences,
                             licence_register)
    for c in computed:
        if not suppressed(c.entry.category, c.start, c.entry.code):
            hit = _indicator(c.entry, text, c.start, c.end)
            (kept_back if non_adult(c.entry.category, hit["weight"], (c.start, c.end)) else hits).append(hit)
    if any(h["category"] == "minor" for h in hits):
        hits += [_indicator(c.entry, text, c.start, c.end) for c in minor_arranged(text)]
    # The text model reads what no pattern named: asked only for the categories still without a hit.
    # Only in a text that reads as an ad (a city, age, price, contact or adult-service word): on a bare
    # sentence ("my boyfriend and I went to the cinema") single words weigh too much.
    # Weak evidence alone (a low price) leaves its category unread: the model may still find the signal.
    supporting = supporting_codes()
    unread = tuple(c for c in TEXT_MODEL_CATEGORIES
                   if not any(h["category"] == c and h["code"] not in supporting for h in hits + kept_back)) \
        if _reads_as_ad(text, found) else ()
    for m in text_model_hits(text, unread):
        # A stated adult age (none under 18) outweighs a reading of the words as young: "All payments to my
        # manager. Leiden. 25yo." is not a minor. From 21 as for the loose patterns; a birth year from 18,
        # since the model reads every digit as "0" and cannot tell 2008 from 2010 ("Born in 2008", round 13).
        if m.entry.category == "minor" and (adult_age or (
                context.adult_age_stated(born, model_reading=True) and not (ages and min(ages) < 18))):
            continue
        # Women who take turns at one place ("a different lady every visit, one number", "new faces every week")
        # are staff coming and going, not her moving: no movement reading where the ad names such a rotation and
        # at most one town (round 14, dev18 and dev19).
        if m.entry.category == "movement" and len({p.name for p in found.places}) <= 1 \
                and any(h["code"] in ROTATION_CODES for h in hits + kept_back) and not _ROTATION_MOVES.search(text):
            continue
        # A stay that ends in the sentence of an offer is the offer's ("mijn kerstactie loopt tot zondag"), as the
        # movement patterns read it ($discount); the model reads the "tot zondag" only (round 14).
        if m.entry.category == "movement" and _OFFER.search(text, m.start, m.end):
            continue
        if any(category == m.entry.category and m.start <= start < m.end for category, start in denied) \
                or _named_to_deny(text[m.start:m.end], lang, m.entry.category) \
                or (m.entry.category in ASKED_OF_OTHERS and _asked_of_others(text, m.start, m.end)) \
                or context.is_asked_and_denied(text, m.start):
            continue
        if not suppressed(m.entry.category, m.start, m.entry.code):
            hit = _indicator(m.entry, text, m.start, m.end)
            hit["probability"] = m.probability
            hit["terms"] = [{"term": term, "weight": weight} for term, weight in m.terms]
            # The reading itself travels with the explanation, which is what a stored hit keeps.
            reading = f" {MODEL_READING_MARK}{m.probability:.2f}; " + ", ".join(f"'{t}'" for t, _ in m.terms) + "]"
            for key in ("explanation", "explanation_nl", "explanation_en"):
                hit[key] += reading
            (kept_back if non_adult(m.entry.category, hit["weight"]) else hits).append(hit)
    full = lazy.get("listing")
    if full is not None and full.is_non_adult:  # the veto came after some hits were kept by the rule alone
        late = [h for h in hits if h["category"] in rules.non_adult_categories
                and non_adult(h["category"], h["weight"], (h["start"], h["end"]))]
        kept_back += late
        hits = [h for h in hits if not any(h is x for x in late)]
    chosen = full or lazy.get("listing_rule")
    verdict = chosen.as_dict() if chosen is not None else None
    for hit in kept_back:
        hit["suppressed"] = "non_adult_listing"
        hit["suppressed_reasons"] = verdict["reasons"] if verdict else []
    hits, alone = _supporting_alone(hits, supporting)
    kept_back += alone
    notice = _site_notice(text, found, hits, rules.notice_categories)
    if notice is not None:
        held = [h for h in hits if h["category"] in rules.notice_categories]
        hits = [h for h in hits if h["category"] not in rules.notice_categories]
        for hit in held:
            hit["suppressed"] = "site_notice"
            hit["suppressed_reasons"] = []
        kept_back += held
        verdict = notice.as_dict()
    return _without_overlaps(hits), _without_overlaps(kept_back), verdict


def _supporting_alone(hits: list[dict[str, Any]], supporting: frozenset[str],
                      ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Weak evidence alone raises nothing: where every hit of a category is a supporting entry's (a low
    price, ``supporting: true`` in the lexicon), those hits are kept back with the reason, not counted."""
    alone = {h["category"] for h in hits} - {h["category"] for h in hits if h["code"] not in supporting}
    held = [h for h in hits if h["category"] in alone]
    for hit in held:
        hit["suppressed"] = SUPPORTING_ONLY
        hit["suppressed_reasons"] = []
    return [h for h in hits if h["category"] not in alone], held


def _site_notice(text: str, found: _Found, hits: list[dict[str, Any]], categories: frozenset[str],
                 ) -> ListingVerdict | None:
    """A site notice, house rule, help page or warning to clients names the signals without offering anyone:
    no price, and cues of at least two kinds (``site_notice`` in context.yaml: a report or help line,
    exploitation words, the site and its moderators, advertisers or users, warning signs, a news report, the
    site speaking to its advertiser); three kinds where an age was read, as a notice may name the legal age or
    a news item someone's age. Its hits are kept back, as a non-adult listing's are (round 8)."""
    if found.prices or not any(h["category"] in categories for h in hits):
        return None
    cues = context.notice_cues(text)
    rules = context.rules()
    if len(cues) < (rules.notice_min_kinds_with_age if found.ages else rules.notice_min_kinds):
        return None
    return ListingVerdict(adult_probability=None, is_non_adult=True, method="notice", cue=", ".join(cues))


def extract(text: str, title: str | None = None, lang: str | None = None, country: str | None = "NL",
            licence_register: frozenset[str] | None = None, site_content: str = "adult") -> Extraction:
    """Extract from one ad. With a `licence_register` (see nlp.licences), shown licence numbers that
    are not in it raise `licence_unknown`; without one, licences are read but not judged.
    `country` is the region national phone numbers default to (None: NL); "" or "auto" means none:
    infer it from the ad (nlp.phones).
    `site_content` is what the site's adapter declares: "adult" (a non-adult listing is recognised
    by rule) or "mixed" (the listing classifier decides, nlp.listing)."""
    if site_content not in SITE_CONTENTS:
        raise ValueError(f"site_content must be one of {', '.join(SITE_CONTENTS)}, not {site_content!r}")
    if title:
        from core.schema import analysis_text  # the ORM costs 0.4 s to import; untitled ads never need it

        text = analysis_text(title, text)
    guess = detect_language(text)
    lang = lang if lang in ("nl", "en") else guess.lang
    pipeline = get_pipeline(lang)
    # A blank pipeline (nlp.pipeline): only its tokenizer runs, and make_doc spares Language.__call__'s
    # walk over no components; the same Doc.
    # Patterns, places and ages read lines in capitals in ordinary case (same length: spans point into `text`).
    matching = unshouted(text)
    doc = pipeline.make_doc(matching) if not pipeline.pipe_names else pipeline(matching)
    found = _find_all(text, "NL" if country is None else country, lang, matching)
    ages = list(dict.fromkeys(a.age for a in found.ages))
    indicators, suppressed, listing = _indicators(text, doc, matching, lang, found, ages, licence_register, site_content)
    return Extraction(
        text=text,
        lang=lang,
        mixed_language=guess.mixed,
        phones=_unique([p.e164 for p in found.phones]),
        phones_obfuscated=any(p.obfuscated for p in found.phones),
        emails=_unique([e.address for e in found.emails]),
        handles=[
            {"platform": platform, "handle": handle}
            for platform, handle in dict.fromkeys((h.platform, h.handle) for h in found.handles)
        ],
        ages=ages,
        indicators=indicators,
        phones_ambiguous=[p.as_dict() for p in found.phones_ambiguous],
        client_age_limits=[limit.as_dict() for limit in found.client_age_limits],
        past_ages=list(dict.fromkeys(a.age for a in found.past_ages)),
        risk=risk_score(indicators),
        reasons=risk_reasons(indicators),
        entities=found.entities(),
        suppressed=suppressed,
        listing=listing,
    )
