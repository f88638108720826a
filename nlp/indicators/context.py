"""Context rules from ``context.yaml``: negations, disclaimers, non-adult listings, adult ages.

The same words mean something else in a site disclaimer ("geen minderjarigen"), in a negation
("nooit zonder bescherming"), in a job ad for a bakery or in an adult's self-description
("jonge vrouw van 24"). These rules decide which raw hits survive; they never add any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from nlp.indicators.compiled import compiled_lexicon
from nlp.indicators.cueindex import CueIndex, cue_indexes
from nlp.indicators.gates import (
    gate_text,
    minimal_gate,
    prefix_places,
    regex_gate,
    regex_search,
    window_gate_open,
)
from nlp.places import is_place_name
from nlp.regex_start import with_start_class

_SENTENCE_END = re.compile(r"[.!?\n]+")
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
# Words of lack or permission a pattern may hold besides the negation words ("can't go out without her
# manager", "mag niet naar buiten"): such a pattern reads the refusal itself.
_OWN_NEGATIONS = frozenset({"zonder", "without", "isn't", "cannot", "can't", "cant", "nergens", "niemand",
                            "nobody", "nowhere", "niks", "niets", "nothing", "mag", "mogen", "allowed"})


_NOWHERE = frozenset({"nergens", "nowhere"})


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    # The start-class lookahead (nlp.regex_start) rejects most positions at their first character.
    return with_start_class(
        re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{c})" for c in cues) + r")(?!\w)", re.IGNORECASE))


@dataclass(frozen=True)
class ContextRules:
    negation_words: frozenset[str]
    negation_window: int
    refusal: re.Pattern[str]
    refusal_chars: int
    disclaimer: re.Pattern[str]
    disclaimer_categories: frozenset[str]
    impostor: re.Pattern[str]
    impostor_categories: frozenset[str]
    settled: re.Pattern[str]
    settled_categories: frozenset[str]
    long_past: re.Pattern[str]
    long_past_categories: frozenset[str]
    client_sought: re.Pattern[str]
    client_sought_categories: frozenset[str]
    own_voice_words: frozenset[str]
    own_voice_codes: frozenset[str]
    self_managed: re.Pattern[str]
    self_managed_codes: frozenset[str]
    uninvolved_helper: re.Pattern[str]
    uninvolved_helper_codes: frozenset[str]
    parent_voice: re.Pattern[str]
    parent_voice_codes: frozenset[str]
    parent_voice_unpriced_codes: frozenset[str]
    parent_voice_rate: re.Pattern[str]
    local_language: re.Pattern[str]
    local_language_codes: frozenset[str]
    non_adult: re.Pattern[str]
    adult: re.Pattern[str]
    service: re.Pattern[str]
    non_adult_categories: frozenset[str]
    notice_kinds: tuple[re.Pattern[str], ...]
    notice_min_kinds: int
    notice_min_kinds_with_age: int
    notice_categories: frozenset[str]
    loose_cancelled_from: int
    model_cancelled_from: int
    adult_age_stays: re.Pattern[str]
    several_women: re.Pattern[str]


@dataclass(frozen=True)
class _CueIndexes:
    """The cue lists searched through ``CueIndex`` (the sections of ``ContextRules`` with cue regexes)."""

    disclaimer: CueIndex
    impostor: CueIndex
    settled: CueIndex
    long_past: CueIndex
    self_managed: CueIndex
    uninvolved_helper: CueIndex
    parent_voice: CueIndex
    local_language: CueIndex
    non_adult: CueIndex
    adult: CueIndex
    refusal: CueIndex
    client_sought: CueIndex
    notice_kinds: tuple[CueIndex, ...]


@lru_cache(maxsize=1)
def rules() -> ContextRules:
    data = compiled_lexicon().context
    return ContextRules(
        negation_words=frozenset(w.lower() for w in data["negation"]["words"]),
        negation_window=int(data["negation"]["window"]),
        refusal=_cue_regex(data["negation"]["refusals"]),
        refusal_chars=int(data["negation"]["refusal_chars"]),
        disclaimer=_cue_regex(data["disclaimer"]["cues"]),
        disclaimer_categories=frozenset(data["disclaimer"]["categories"]),
        impostor=_cue_regex(data["impostor_warning"]["cues"]),
        impostor_categories=frozenset(data["impostor_warning"]["categories"]),
        settled=_cue_regex(data["settled"]["cues"]),
        settled_categories=frozenset(data["settled"]["categories"]),
        long_past=_cue_regex(data["long_past"]["cues"]),
        long_past_categories=frozenset(data["long_past"]["categories"]),
        client_sought=_cue_regex(data["client_sought"]["cues"]),
        client_sought_categories=frozenset(data["client_sought"]["categories"]),
        own_voice_words=frozenset(w.lower() for w in data["own_voice"]["cues"]),
        own_voice_codes=frozenset(data["own_voice"]["codes"]),
        self_managed=_cue_regex(data["self_managed"]["cues"]),
        self_managed_codes=frozenset(data["self_managed"]["codes"]),
        uninvolved_helper=_cue_regex(data["uninvolved_helper"]["cues"]),
        uninvolved_helper_codes=frozenset(data["uninvolved_helper"]["codes"]),
        parent_voice=_cue_regex(data["parent_voice"]["cues"]),
        parent_voice_codes=frozenset(data["parent_voice"]["codes"]),
        parent_voice_unpriced_codes=frozenset(data["parent_voice"].get("unpriced_codes", ())),
        parent_voice_rate=_cue_regex(data["parent_voice"].get("price_cues") or ["(?!)"]),
        local_language=_cue_regex(data["local_language"]["cues"]),
        local_language_codes=frozenset(data["local_language"]["codes"]),
        non_adult=_cue_regex(data["non_adult_listing"]["cues"]),
        adult=_cue_regex(data["non_adult_listing"]["adult_cues"]),
        service=_cue_regex([cue for cue in data["non_adult_listing"]["adult_cues"]
                            if cue not in data["non_adult_listing"]["weak_adult_cues"]]),
        non_adult_categories=frozenset(data["non_adult_listing"]["categories"]),
        notice_kinds=tuple(_cue_regex(cues) for cues in data["site_notice"]["kinds"].values()),
        notice_min_kinds=int(data["site_notice"]["min_kinds"]),
        notice_min_kinds_with_age=int(data["site_notice"]["min_kinds_with_age"]),
        notice_categories=frozenset(data["site_notice"]["categories"]),
        loose_cancelled_from=int(data["adult_age"]["loose_cancelled_from"]),
        model_cancelled_from=int(data["adult_age"]["model_cancelled_from"]),
        adult_age_stays=_cue_regex(data["adult_age"]["stays"]),
        several_women=_cue_regex(data["several_women"]["cues"]),
    )


def is_negated(doc: Doc, token_start: int) -> bool:
    """A negation word within the window before the hit, without crossing punctuation. Quote marks are
    crossed: "geen 'alleen deze week'" denies what it quotes (round 8)."""
    r = rules()
    for i in range(token_start - 1, max(-1, token_start - 1 - r.negation_window), -1):
        token = doc[i]
        if token.is_quote and "\n" not in token.text_with_ws:
            continue
        if token.is_punct or token.is_space or "\n" in token.text_with_ws:
            return False
        if token.lower_ in r.negation_words:
            return True
    return False


@lru_cache(maxsize=1)
def negation_words_regex() -> re.Pattern[str]:
    """The negation words as whole words in running text ("n't" glued to its verb as well)."""
    words = sorted(rules().negation_words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)|n't\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def steps_negate(steps: tuple[str, ...]) -> bool:
    """A pattern whose own steps hold a negation ("$lack", "=nooit"): the negation is part of what it finds."""
    words = rules().negation_words | _OWN_NEGATIONS
    return any(alt in ("$lack", "$allowed") or alt.lstrip("=").rstrip("*") in words
               for step in steps for alt in step.lstrip("?").split("|"))


def is_negated_within(doc: Doc, token_start: int, token_end: int) -> bool:
    """A negation word between the words a free-order (``near``) pattern matched: "my partner supports
    me but never touches the phone" holds partner and phone, and the "never" between them denies it.
    Only for patterns whose own steps hold no negation (those are ``negatable: false``), and only a
    negation whose clause runs on to the end of the match: in "mijn paspoort niet, de baas heeft het"
    the comma closes what "niet" denies. "Nowhere" between them denies as well: "ik word nergens heen
    gebracht" (round 13; before a hit it is often part of confinement, "mag nergens heen zonder hem")."""
    words = rules().negation_words | _NOWHERE
    for i in range(token_start + 1, token_end - 1):
        if doc[i].lower_ in words:
            return not any(doc[j].is_punct for j in range(i + 1, token_end))
    return False


# A clause asked and answered no: "Dag en nacht? Nee, ik slaap ook", "24/7? No way"; or answered with her
# alone or nobody, as in a Q&A block ("Who answers the phone? Only me.", "Wie regelt je afspraken? Niemand").
_ASKED_AND_DENIED = re.compile(
    r"[^.,;:!?\n]{0,40}?\?+[\s\W]*(?:nee|no|nope|nah|niet|not|never|nooit|nobody|niemand|none|geen"
    r"|(?:only|just|alleen|enkel|gewoon)\s+(?:me|myself|i|ik|mij|ikzelf)|me\s+myself|ikzelf|myself"
    # "Mijn manager? Die heb ik niet.", "A driver? Don't have one." (round 10)
    # "Who answers the phone? Me, always.", "Wie boekt? Ik." (round 12: a FAQ answers with her)
    r"|(?:me|mij|ik)(?=\s*[,.!]|\s+(?:always|altijd|alone|alleen|personally|persoonlijk|zelf|myself|only)\b)"
    r"|(?:die|dat|that|those)?\s*(?:heb\s+ik|have|has)\s+(?:ik\s+)?(?:niet|none|not)|(?:i\s+)?(?:don't|do\s+not|dont)\s+have\s+(?:one|any|that))\b",
    re.IGNORECASE)
_ASKED = re.compile(r"[^.,;:!?\n]{0,40}?\?")
# Both open with at most 40 characters before their question mark: where none follows that closely (most
# hits of most ads), str.find says so at C speed, and the lazy repeat is not tried 40 ways per hit.
_ASKED_REACH = 41


def is_asked_and_denied(text: str, start: int) -> bool:
    """The clause from `start` is a question answered no ("Mijn manager? Die heb ik niet."): a text-model
    reading of it is denied, as a pattern's is by ``is_refused``."""
    return text.find("?", start, start + _ASKED_REACH) >= 0 and _ASKED_AND_DENIED.match(text, start) is not None


def is_refused(text: str, end: int) -> bool:
    """A refusal ("niet toegestaan", "not allowed") after the hit, before the clause ends, or the
    hit's clause asked and answered no."""
    # Asked once per hit: the refusals whose literals the whole text holds (``CueIndex``; often none) are
    # all that can match in the clause, which is part of the text.
    narrowed = _cues().refusal.narrowed(gate_text(text))
    if narrowed is not None:
        clause = _CLAUSE_END.split(text[end : end + rules().refusal_chars], maxsplit=1)[0]
        if narrowed[0].search(clause) is not None:
            return True
    return text.find("?", end, end + _ASKED_REACH) >= 0 and _ASKED_AND_DENIED.match(text, end) is not None


# A hit that ends on a possessive the next word makes her own: "who manages her own bookings", "die haar
# eigen agenda beheert". The handler pattern stopped at "her"; the rest of the phrase says she runs it (round 9).
_POSSESSIVE_END = re.compile(r"(?:\b(?:her|haar|their|hun|my|mijn|me|mij)|\b(?:she|ze|zij|they|i|ik))$", re.IGNORECASE)
_OWN_NEXT = re.compile(
    r"\s+(?:(?:own|eigen)\s+(?:\w+\s+)?(?:bookings?|appointments?|diar(?:y|ies)|agenda|numbers?|phones?|prices|rates"
    r"|schedule|business|money|clients|afspraken|boekingen|nummers?|telefoons?|prijzen|tarieven|rooster|zaken|geld|klanten)"
    r"|zelf|herself|themselves|myself)\b", re.IGNORECASE)


def is_owned_after(text: str, end: int) -> bool:
    """The hit ends on a possessive and the words after it make the thing hers ("her own bookings")."""
    # The words after first: anchored at the hit's end, it fails at once where no "own"/"eigen" follows.
    return _OWN_NEXT.match(text, end) is not None and _POSSESSIVE_END.search(text, max(0, end - 6), end) is not None


# The reader's condition, the reported question, the second person and what others believe are searched
# in a window before each hit: each carries a lookahead for its start class (nlp.regex_start), so that the
# engine rejects most places at their first character instead of trying every word alternative there.
# A clause opened as a condition on the reader: "If you're new in town, welcome!", "als je nieuw bent in".
_READER_CONDITION = with_start_class(re.compile(
    r"\b(?:if|when|als|wanneer|indien|mocht)\s+(?:you|u|je|jij)(?:'re|\s+are|\s+bent|\s+ben)?\b[^.,;:!?\n]{0,30}$",
    re.IGNORECASE))


# A question others ask, reported: "people ask whether I'm 'on tour'", "men vraagt of ik op doorreis ben".
# The noun too since round 10: "ik krijg weleens de vraag of er een vriend of een pooier achter zit", "the
# question whether someone runs me".
_REPORTED_QUESTION = with_start_class(re.compile(
    r"(?:\b(?:ask|asks|asked|asking|wonder|wonders|wondering|(?:the|a|this|that)\s+questions?)\b(?!\s+for\b)"
    r"[^.;:!?\n]{0,20}?\b(?:whether|if)\b"
    # Dutch "of" (whether), but not "vraag naar Kevin of Mo": asking for a man is the signal itself
    r"|\b(?:vraagt|vragen|vroeg|vroegen|(?:de|die|een|deze)\s+vraag)\b(?!\s+naar\b)[^.;:!?\n]{0,20}?\bof\b)"
    r"[^.;:!?\n]{0,60}$",
    re.IGNORECASE))
# The reader, in a question: "Word je gedwongen, houdt iemand je paspoort vast?", "Is someone holding your
# passport? Call us" (a help line's questions, round 10).
_SECOND_PERSON = with_start_class(re.compile(r"\b(?:je|jij|jou|jouw|u|uw|you|your|yourself)\b", re.IGNORECASE))


def is_asked(text: str, end: int, start: int | None = None) -> bool:
    """The hit's clause is a question ("Nieuw in Leeuwarden?", "New in town? I know the best bars") or a
    condition on the reader ("If you're new in town, ...") or a question others ask ("people ask whether I'm
    'on tour'"): said to or by others, not of her."""
    if text.find("?", end, end + _ASKED_REACH) >= 0 and _ASKED.match(text, end) is not None:
        return True
    if start is None:
        return False
    before = max(0, start - 45)
    return _READER_CONDITION.search(text, before, start) is not None \
        or _REPORTED_QUESTION.search(text, before, start) is not None


# What others think of her, reported: "people assume I don't speak English", "klanten denken vaak dat er een
# pooier achter zit" (round 10). Others as the subject: "I think" is her own word.
_OTHERS_BELIEVE = with_start_class(re.compile(
    r"\b(?:people|men|guys|clients|customers|some|many|others|everyone|mensen|klanten|heren|sommigen|velen|iedereen)"
    r"\s+(?:\w+\s+)?(?:assume|assumes|think|thinks|believe|believes|expect|expects|denken|vinden|geloven|verwachten"
    # up to the hit, and no "but" between: "clients think she is free but her boyfriend takes the money" is said
    r"|gaan\s+ervan\s+uit)\b(?:(?!\b(?:but|maar|however|echter|though)\b)[^.;:!?\n]){0,60}$",
    re.IGNORECASE))


# Literals every match of the two needs (``gates.regex_gate``): a window without them is not searched.
_REPORTED_QUESTION_GATE = minimal_gate(regex_gate(_REPORTED_QUESTION.pattern))
_OTHERS_BELIEVE_GATE = minimal_gate(regex_gate(_OTHERS_BELIEVE.pattern))


def is_reported_question(text: str, start: int, end: int) -> bool:
    """The hit stands in a question others ask, reported ("people ask whether I have a manager", "de vraag of
    er een vriend achter zit"; the hit may hold the asking word itself), or in what others think of her
    ("people assume I don't speak English"): not said of her."""
    before = max(0, start - 60)
    lowered = gate_text(text)
    return (window_gate_open(_REPORTED_QUESTION_GATE, text, lowered, before, end)
            and _REPORTED_QUESTION.search(text, before, end) is not None) \
        or (window_gate_open(_OTHERS_BELIEVE_GATE, text, lowered, before, end)
            and _OTHERS_BELIEVE.search(text, before, end) is not None)


def is_put_to_reader(text: str, start: int) -> bool:
    """The hit's sentence is a question put to the reader ("Are you forced, does someone keep your
    passport?"): a help line or a warning asks it, no ad says it of her."""
    # The end of the last run of _SENTENCE_END before the hit: one past its last mark there (0: none).
    sentence_start = max(text.rfind(".", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start),
                         text.rfind("\n", 0, start)) + 1
    end = _SENTENCE_END.search(text, start)
    if end is None or "?" not in end.group(0):
        return False
    return _SECOND_PERSON.search(text, sentence_start, end.start()) is not None


def is_own_voice_between(doc: Doc, token_start: int, token_end: int) -> bool:
    """Her own "I" between the words a free-order pattern matched: the act is hers ("my brother thinks I
    work in a call centre")."""
    words = rules().own_voice_words
    return any(doc[i].lower_ in words for i in range(token_start + 1, token_end - 1))


def long_past_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences set in the long past ("vroeger", "back in 2012", "years ago"). Asked for most
    ads with a coercion or movement hit; the cues' literals are looked for first (``_cues``), and nearly
    every ad stops there."""
    return _cue_sentences(text, _cues().long_past)


@lru_cache(maxsize=1)
def _cues() -> _CueIndexes:
    r, data = rules(), compiled_lexicon().context
    kinds = list(zip(data["site_notice"]["kinds"].values(), r.notice_kinds, strict=True))
    indexes = cue_indexes([
        (data["disclaimer"]["cues"], r.disclaimer), (data["impostor_warning"]["cues"], r.impostor),
        (data["settled"]["cues"], r.settled), (data["long_past"]["cues"], r.long_past),
        (data["self_managed"]["cues"], r.self_managed), (data["parent_voice"]["cues"], r.parent_voice),
        (data["non_adult_listing"]["cues"], r.non_adult), (data["non_adult_listing"]["adult_cues"], r.adult),
        (data["negation"]["refusals"], r.refusal), (data["client_sought"]["cues"], r.client_sought),
        (data["local_language"]["cues"], r.local_language),
        (data["uninvolved_helper"]["cues"], r.uninvolved_helper), *kinds],
        _cue_regex)
    disclaimer, impostor, settled, long_past, self_managed, parent_voice, non_adult, adult, refusal, client, local, \
        uninvolved = indexes[:12]
    return _CueIndexes(disclaimer=disclaimer, impostor=impostor, settled=settled, long_past=long_past,
                       self_managed=self_managed, uninvolved_helper=uninvolved, parent_voice=parent_voice,
                       local_language=local, non_adult=non_adult, adult=adult, refusal=refusal,
                       client_sought=client, notice_kinds=tuple(indexes[12:]))


def _search(cues: CueIndex, text: str) -> re.Match[str] | None:
    """``regex.search(text)`` for the cue regex of `cues`: only the cues whose literals the text holds
    are searched for (``CueIndex``), and only where one of their prefixes occurs (a cue regex opens with
    a lookbehind, and the engine would try it at every character)."""
    lowered = gate_text(text)
    narrowed = cues.narrowed(lowered)
    if narrowed is None:
        return None
    regex, prefixes = narrowed
    return regex_search(regex, text, lowered, prefixes)


def disclaimer_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that carry a disclaimer cue."""
    return _cue_sentences(text, _cues().disclaimer)


def _cue_sentences(text: str, cues: CueIndex) -> list[tuple[int, int]]:
    """Spans of the sentences that carry one of `cues` (a disclaimer, an impostor warning, the long past)."""
    spans: list[tuple[int, int]] = []
    lowered = gate_text(text)
    narrowed = cues.narrowed(lowered)  # a cue the whole text lacks a literal of is in none of its sentences
    if narrowed is None:
        return spans
    regex, prefixes = narrowed
    places = prefix_places(text, lowered, prefixes)  # a match in a sentence starts at one of them too
    if not regex_search(regex, text, lowered, prefixes, places):
        return spans
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        if regex_search(regex, text, lowered, prefixes, places, start, end):
            spans.append((start, end))
        start = m.end() if m else len(text)
    return spans


def notice_cues(text: str) -> list[str]:
    """The first cue of each kind of site-notice wording the text holds (``site_notice``)."""
    found = (_search(kind, text) for kind in _cues().notice_kinds)
    return [m.group(0) for m in found if m is not None]


def is_settled(text: str) -> bool:
    """The ad says she stays where she is ("I'm staying put", "been living here for 9 years", "ik blijf
    gewoon in Zwolle"): its movement words are about something else (the last days of a rate, "back in the
    day")."""
    return _search(_cues().settled, text) is not None


def is_self_managed(text: str) -> bool:
    """The ad says she is reached directly ("afspraken maak je rechtstreeks met haar", "her own number"):
    written about her in the third person, but not run by someone else."""
    return _search(_cues().self_managed, text) is not None


def has_uninvolved_helper(text: str) -> bool:
    """The ad says the person beside her takes no part in the work ("zij wacht in de auto en heeft niets met
    de afspraak te maken", "she makes no bookings and takes no money"): a friend who drives or knows her
    hours for safety is no handler."""
    return _search(_cues().uninvolved_helper, text) is not None


def is_parent_voice(text: str) -> bool:
    """A parent writes about their own child ("onze dochter (16) zoekt bijles") and names no adult service:
    the child's school and youth words are not the advertiser's."""
    return _search(_cues().parent_voice, text) is not None and not has_adult_cue(text)


def local_language_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that give her Dutch or English while denying the other (``local_language``)."""
    return _cue_sentences(text, _cues().local_language)


def client_sought_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that seek a man as a client (``client_sought``): his "he" is no handler."""
    return _cue_sentences(text, _cues().client_sought)


def impostor_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that warn against fake copies or scammers (``impostor_warning``)."""
    return _cue_sentences(text, _cues().impostor)


# The last text asked about and its answer (several stages ask of one ad): one tuple, replaced whole.
_adult_last: tuple[str | None, bool] = (None, False)


def has_adult_cue(text: str) -> bool:
    """The text names an adult service (escort, incall, ...): what `requires: [adult]` patterns need."""
    global _adult_last
    last = _adult_last
    if last[0] is not text:
        last = _adult_last = (text, _search(_cues().adult, text) is not None)
    return last[1]


def has_service_cue(text: str) -> bool:
    """The text names an adult service by a cue that ordinary commerce does not use as well: an adult cue
    other than the weak ones ("discreet", "massage": ``weak_adult_cues``)."""
    return has_adult_cue(text) and rules().service.search(text) is not None


_women_last: tuple[str | None, bool] = (None, False)


def names_several_women(text: str) -> bool:
    """The text names several women or another one (``several_women``): what `requires: [women]` needs."""
    global _women_last
    last = _women_last
    if last[0] is not text:
        last = _women_last = (text, rules().several_women.search(text) is not None)
    return last[1]


@lru_cache(maxsize=1024)
def cues_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    return _cue_regex(list(cues))


def non_adult_search(text: str) -> re.Match[str] | None:
    """``rules().non_adult.search(text)``, faster. That regex tries its hundred-odd cues at every word;
    the search runs over the cues whose literals the text holds only (``CueIndex``), in their order: the
    same match, the same cue. Most ads hold none of them, and then no regex runs at all."""
    narrowed = _cues().non_adult.narrowed(gate_text(text))
    if narrowed is None:
        return None
    regex = narrowed[0]
    found = regex.search(text)
    # A cue written as a place name is the place: "kampen" (camps) is a cue, the town Kampen is not.
    while found is not None and is_place_name(found.group(0)):
        found = regex.search(text, found.end())
    return found


def non_adult_cue(text: str) -> str | None:
    """The non-adult cue that makes this a non-adult listing by rule (none when an adult-service cue
    is present too). The project-wide decision, which also covers mixed sites, is ``nlp.listing``."""
    if has_service_cue(text):  # the adult cues first: a twentieth of the cost, and most ads carry one
        return None
    cue = non_adult_search(text)
    return cue.group(0) if cue is not None else None


def is_non_adult_listing(text: str) -> bool:
    return non_adult_cue(text) is not None


def outlasts_adult_age(hit_text: str) -> bool:
    """The youth hit names an age under 18 or names her young ("tiener"): a stated adult age does not
    outweigh it (``adult_age: stays``)."""
    return rules().adult_age_stays.search(hit_text) is not None


def adult_age_stated(ages: list[int], model_reading: bool = False) -> bool:
    """A stated adult age and none below it: from ``loose_cancelled_from`` for patterns, from
    ``model_cancelled_from`` for the text model's reading."""
    limit = rules().model_cancelled_from if model_reading else rules().loose_cancelled_from
    return bool(ages) and min(ages) >= limit
