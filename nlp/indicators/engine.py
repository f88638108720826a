"""Match the compiled lexicon's patterns over a spaCy doc.

Every distinct step of every pattern is a word class. A token's classes depend only on its
lower-case form, so they are computed once per form and cached: a doc becomes a list of class
sets, and patterns are tested on those. ``seq`` patterns start from the tokens that can begin
them; ``near`` patterns look for each of their classes in one sentence within a window (free
word order); ``regex`` patterns run over the text, unless a literal every match needs is missing
(``nlp.indicators.gates``: the same matches, less scanning). A raw hit keeps the pattern it came from,
because context rules treat `loose` patterns differently and a pattern may carry its own weight.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left as _bisect_left
from bisect import bisect_right as _bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, repeat
from operator import itemgetter as _itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from spacy.attrs import IDX, LENGTH, LOWER
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.nl.stop_words import STOP_WORDS as NL_STOP_WORDS
from spacy.tokens import Doc

from nlp.ages import reference_year
from nlp.indicators import context
from nlp.indicators.compiled import FUZZY_MIN, compiled_lexicon, no_gc
from nlp.indicators.gates import (
    GateBits,
    gate_text,
    regex_gate,
    regex_matches,
    regex_prefixes,
    regex_word_start,
)
from nlp.lexicon_types import Entry, Pattern
from nlp.regex_start import with_start_class

_BOUNDARIES = frozenset({".", "!", "?", "!!", "?!", "!?", "...", "…", "•"})
_FORM_CACHE_LIMIT = 300_000
# Dutch and English stop words (spaCy's lists): a class with one of them is in most ads.
_STOP_WORDS = frozenset(NL_STOP_WORDS | EN_STOP_WORDS)
_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]")
TEXT_SPEAK_FILE = Path(__file__).resolve().parents[1] / "data" / "text_speak.yaml"
SKELETON_MIN = 4  # "mngr", "drvr"; three letters ("bf", "pls", "thx") name too many words


@lru_cache(maxsize=1)
def _text_speak() -> dict[str, str]:
    with TEXT_SPEAK_FILE.open(encoding="utf-8") as handle:
        return {str(k): str(v) for k, v in yaml.safe_load(handle)["words"].items()}


def standard_spelling(form: str) -> str | None:
    """The word a text-speak spelling stands for ("2moro" -> "tomorrow", "leavin" -> "leaving"), or None."""
    if (word := _text_speak().get(form)) is not None:
        return word
    if len(form) >= 5 and form.endswith(("in", "in'")) and form[:-3 if form.endswith("'") else -2].isalpha():
        return form.rstrip("'") + "g"
    return None


# Dutch diminutives, longest ending first: "avondje" -> avond, "weekjes" -> week, "kamertje" -> kamer,
# "balletje" -> bal, "boompje" -> boom. Ads use them for time and places ("laatste avondje", "een dagje").
_DIMINUTIVE_ENDINGS = ("etjes", "etje", "tjes", "pjes", "tje", "pje", "jes", "je")


def diminutive_stems(form: str) -> list[str]:
    """The words a Dutch diminutive may stand for, most likely first; the caller keeps the first it knows."""
    stems = []
    for ending in _DIMINUTIVE_ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            stem = form[:-len(ending)]
            if ending.startswith("e") and stem[-1] == stem[-2]:
                stem = stem[:-1]  # the doubled consonant: "balletje", "ringetje"
            if stem.isalpha():
                stems.append(stem)
    return stems


def skeleton(form: str) -> str:
    """A word written without its vowels, the first letter kept: "manager" -> "mngr", "escort" -> "escrt"."""
    return form[:1] + _VOWELS.sub("", form[1:])


class RawHit(NamedTuple):  # immutable like a frozen dataclass, at a quarter of the cost to build
    entry: Entry
    pattern: Pattern
    start: int  # character offsets into doc.text
    end: int
    token_start: int
    token_end: int


Steps = tuple[tuple[int, bool], ...]  # (class id, optional)


@dataclass(frozen=True)
class _Compiled:
    entry: Entry
    pattern: Pattern
    shape: str  # seq | near | regex
    steps: Steps
    unless: frozenset[int]
    unless_next: frozenset[int]
    regex: re.Pattern[str] | None
    # regex patterns: literal sets a match needs (of each set one literal occurs in the lower-cased
    # text), checked before the regex runs (``regex_gate``), and the literals a match starts with
    gate: tuple[frozenset[str], ...] = ()
    prefixes: tuple[str, ...] = ()
    word_start: bool = False  # every match starts a word (``regex_word_start``)


@dataclass
class Matchers:
    patterns: list[_Compiled]
    by_first: dict[int, list[int]]  # class id -> seq patterns starting with it
    near: list[int]
    regexes: list[int]
    exact: dict[int, list[int]]  # lower-form hash -> class ids
    prefixes: list[tuple[str, int]]
    any_classes: tuple[int, ...]
    near_classes: frozenset[int] = frozenset()
    gate_bits: GateBits = field(default_factory=lambda: GateBits(()))  # the regex gates, in the order of `regexes`
    # Misspellings of word-set members (one letter more or less): member -> class ids, and each
    # member with one letter deleted -> class ids. Only for tokens that match no form exactly.
    fuzzy_whole: dict[str, list[int]] = field(default_factory=dict)
    fuzzy_deleted: dict[str, list[int]] = field(default_factory=dict)
    # Text-speak that drops the vowels ("mngr", "bkngs", "drvr"): a member's first letter and its consonants
    # -> class ids. Only for tokens with no vowel after the first letter (round 9).
    skeletons: dict[str, list[int]] = field(default_factory=dict)
    suffixes: list[tuple[str, int]] = field(default_factory=list)  # compound heads: "*actie" -> "zomeractie"
    # Names that are also words ("Dan"/"dan", "Ben"/"ik ben"): lower-form hash -> the classes the form
    # has only when written with a capital inside a sentence.
    capital: dict[int, frozenset[int]] = field(default_factory=dict)
    # Classes with a stop word among their forms ("in", "ik", "my", "voor"): in most ads (``near_by_key``).
    common: frozenset[int] = frozenset()
    _forms: dict[int, frozenset[int]] = field(default_factory=dict)
    _negation: frozenset[int] | None = None
    # per lower-case form: its classes, the seq patterns it can start, its classes near patterns use
    _info: dict[int, tuple[frozenset[int], tuple[int, ...], tuple[int, ...]]] = field(default_factory=dict)
    _near_needs: dict[int, list[tuple[int, frozenset[int]]]] = field(default_factory=dict)
    _near_keys: frozenset[int] = frozenset()  # the keys of _near_needs
    _plain: list[tuple[int, ...] | None] | None = None
    _second: list[frozenset[int] | None] | None = None
    def token_info(self, doc: Doc, lower: int) -> tuple[frozenset[int], tuple[int, ...], tuple[int, ...]]:
        """``classes_of`` and what follows from it, cached per form: the seq patterns whose first
        step the form matches, and the form's classes that near patterns need."""
        info = self._info.get(lower)
        if info is None:
            if _is_picture(doc.vocab.strings[lower]):
                _PICTURE_HASHES.add(lower)  # every form matched over passes here: match_patterns relies on it
            classes = self.classes_of(doc, lower)
            starts = tuple(index for cid in classes for index in self.by_first.get(cid, ()))
            info = (classes, starts, tuple(classes & self.near_classes))
            if len(self._info) < _FORM_CACHE_LIMIT:
                self._info[lower] = info
        return info

    def lower_case_info(self, doc: Doc, lower: int) -> tuple[frozenset[int], tuple[int, ...], tuple[int, ...]]:
        """``token_info`` of a form written in lower case or opening a sentence: without the classes
        it has only as a name."""
        classes = self.token_info(doc, lower)[0] - self.capital[lower]
        return classes, tuple(index for cid in classes for index in self.by_first.get(cid, ())), \
            tuple(classes & self.near_classes)

    def plain_rest(self) -> list[tuple[int, ...] | None]:
        """Per pattern, the classes of its steps after the first when no step is optional (such a
        pattern matches step by step), else None."""
        if self._plain is None:
            self._plain = [None if any(optional for _, optional in p.steps) else tuple(cid for cid, _ in p.steps[1:])
                           for p in self.patterns]
        return self._plain

    def second_token(self) -> list[frozenset[int] | None]:
        """Per pattern with optional steps, the classes one of which the token after its first must
        have (those of the steps up to the first required one after the first step), or None when
        no such test holds (an optional first step, or nothing required after it). The optional
        search is costly; most places fail this test."""
        if self._second is None:
            self._second = []
            for p in self.patterns:
                required = [k for k, (_, optional) in enumerate(p.steps) if not optional and k > 0]
                self._second.append(frozenset(cid for cid, _ in p.steps[1:required[0] + 1])
                                    if required and not p.steps[0][1] else None)
        return self._second

    def near_by_key(self) -> dict[int, list[tuple[int, frozenset[int]]]]:
        """Near patterns by a key class, each with every class it needs: a pattern is asked for only
        when its key class is in the doc. The key is a class of its steps without a stop word (one with
        "in" or "ik" is in most ads), then the one that the fewest forms have (a word set before a prefix,
        a prefix before any word), so that few patterns come up only to miss another class. Which class
        is the key decides only how many patterns are looked at, not which are found."""
        if not self._near_needs:
            forms: Counter[int] = Counter(cid for cids in self.exact.values() for cid in cids)
            forms.update(cid for cids in self.fuzzy_whole.values() for cid in cids)
            for _, cid in (*self.prefixes, *self.suffixes):
                forms[cid] += 1_000
            for cid in self.any_classes:
                forms[cid] += 1_000_000
            for index in self.near:
                needs = frozenset(cid for cid, _ in self.patterns[index].steps)
                key = min(needs, key=lambda cid: (cid in self.common, forms[cid], cid))
                self._near_needs.setdefault(key, []).append((index, needs))
            self._near_keys = frozenset(self._near_needs)
        return self._near_needs

    def near_keys(self) -> frozenset[int]:
        """The key classes of the near patterns: a set, so that intersecting a doc's classes with it
        runs over the smaller of the two (with the dict's keys it runs over all of them)."""
        self.near_by_key()
        return self._near_keys

    def negation_keys(self, doc: Doc) -> frozenset[int]:
        if self._negation is None:
            self._negation = frozenset(doc.vocab.strings.add(w) for w in context.rules().negation_words)
        return self._negation

    def classes_of(self, doc: Doc, lower: int) -> frozenset[int]:
        found = self._forms.get(lower)
        if found is None:
            text = doc.vocab.strings[lower]
            if text in _BOUNDARIES or "\n" in text:
                found = frozenset({-1})  # a sentence boundary: no class, not even `*`
            else:
                ids = set(self.exact.get(lower, ()))
                if not ids and (standard := standard_spelling(text)) is not None:
                    ids.update(self.exact.get(doc.vocab.strings.add(standard), ()))
                if not ids and text.endswith(("je", "jes")):
                    for stem in diminutive_stems(text):
                        if (known := self.exact.get(doc.vocab.strings.add(stem))):
                            ids.update(known)
                            break
                if not ids and _closes_sentence(text):
                    ids.update(self.exact.get(doc.vocab.strings.add(text[:-1]), ()))
                    if not ids and (standard := standard_spelling(text[:-1])) is not None:  # "Gr." -> grade
                        ids.update(self.exact.get(doc.vocab.strings.add(standard), ()))
                    text = text[:-1] if ids else text
                if not ids and self.fuzzy_whole and len(text) >= FUZZY_MIN - 1 and text.isalpha():
                    ids.update(self.fuzzy_classes(text))
                if not ids and len(text) >= SKELETON_MIN and text.isalpha() and not _VOWELS.search(text, 1):
                    ids.update(self.skeletons.get(text, ()))
                ids.update(cid for prefix, cid in self.prefixes if text.startswith(prefix))
                # the compound's first part is a word of its own ("zomer|actie"), not a syllable ("re|actie")
                ids.update(cid for suffix, cid in self.suffixes if len(text) >= len(suffix) + 4 and text.endswith(suffix))
                ids.update(self.any_classes)
                found = frozenset(ids)
            if len(self._forms) < _FORM_CACHE_LIMIT:
                self._forms[lower] = found
        return found


    def fuzzy_classes(self, text: str) -> set[int]:
        """Classes of the word-set members one insertion or one deletion away from `text`
        ("mannager", "boking"). Substitutions are left out on purpose: they turn real words into
        each other ("looking"/"booking", "brothel"/"brother"); so is a last letter added or dropped,
        which is an inflection or another word ("manage"/"manager", "student"/"students"); and so is the
        first letter, which a typo rarely touches and which makes other words too ("river"/"driver", round 12)."""
        ids: set[int] = set(self.fuzzy_deleted.get(text, ()))  # text is a member minus a letter
        for i in range(1, len(text) - 1):  # text is a member plus a letter
            ids.update(self.fuzzy_whole.get(text[:i] + text[i + 1:], ()))
        return ids


def _longest_end(steps: Steps, k: int, pos: int, classes: list[frozenset[int]]) -> int | None:
    if k == len(steps):
        return pos
    cid, optional = steps[k]
    best = None
    if pos < len(classes) and cid in classes[pos]:
        best = _longest_end(steps, k + 1, pos + 1, classes)
    if optional:
        skipped = _longest_end(steps, k + 1, pos, classes)
        if skipped is not None and (best is None or skipped > best):
            best = skipped
    return best


# The birth years that make her a child or a minor (aged 7 to 17), counted from the year ads are read in: a
# lexicon regex names them {youth_year} ("2009|2010|...|2019" in 2026) or {youth_yy} ("09|10|...|19"), so a
# birth year stops being youth the year she turns 18, with no edit to the lexicon.
YOUTH_AGES = range(7, 18)


def youth_years(regex: str) -> str:
    """`regex` with its {youth_year} and {youth_yy} placeholders replaced by the years they stand for now."""
    if "{youth_y" not in regex:
        return regex
    years = sorted(reference_year() - age for age in YOUTH_AGES)
    return regex.replace("{youth_year}", "(?:" + "|".join(map(str, years)) + ")").replace(
        "{youth_yy}", "(?:" + "|".join(f"{y % 100:02d}" for y in years) + ")")


@cache
def build_matchers(lang: str) -> Matchers:
    with no_gc():
        return _build_matchers(lang)


def _build_matchers(lang: str) -> Matchers:
    from nlp.pipeline import PIPELINE_LANGS, get_pipeline

    lexicon = compiled_lexicon()
    lang = lang if lang in PIPELINE_LANGS else "nl"
    # The vocabulary's own keys: spaCy's built-in symbols ("agent", "det") are small ids, not hashes.
    string_key = get_pipeline(lang).vocab.strings.add
    class_ids: dict[tuple[Any, ...], int] = {}
    exact: dict[int, list[int]] = {}
    prefixes: list[tuple[str, int]] = []
    suffixes: list[tuple[str, int]] = []
    any_classes: list[int] = []
    fuzzy_whole: dict[str, list[int]] = {}
    fuzzy_deleted: dict[str, list[int]] = {}
    skeletons: dict[str, list[int]] = {}
    capital: dict[int, set[int]] = {}

    def class_of(step: dict[str, Any]) -> int:
        key = (tuple(step["forms"]), tuple(step["prefixes"]), tuple(step.get("suffixes", ())), tuple(step.get("fuzzy", ())),
               tuple(step.get("capital", ())), step["any"])
        if key not in class_ids:
            cid = class_ids[key] = len(class_ids)
            for form in step.get("capital", ()):
                capital.setdefault(string_key(form), set()).add(cid)
            for form in step["forms"]:
                exact.setdefault(string_key(form), []).append(cid)
            for form in step.get("fuzzy", ()):
                fuzzy_whole.setdefault(form, []).append(cid)
                if len(shape := skeleton(form)) >= SKELETON_MIN and shape != form:
                    skeletons.setdefault(shape, []).append(cid)
                for i in range(1, len(form) - 1):  # the first letter stays (fuzzy_classes says why)
                    fuzzy_deleted.setdefault(form[:i] + form[i + 1:], []).append(cid)
            prefixes.extend((p, cid) for p in step["prefixes"])
            suffixes.extend((s, cid) for s in step.get("suffixes", ()))
            if step["any"]:
                any_classes.append(cid)
        return class_ids[key]

    patterns, by_first, near, regexes = [], {}, [], []
    for raw in lexicon.patterns[lang]:
        entry = lexicon.entries[raw["entry"]]
        pattern = entry.patterns[raw["pattern"]]
        steps = tuple((class_of(s), bool(s["optional"])) for s in raw["steps"])
        unless = frozenset(class_of(s) for s in raw["unless"])
        unless_next = frozenset(class_of(s) for s in raw["unless_next"])
        source = youth_years(raw["regex"]) if raw["shape"] == "regex" else ""
        regex = with_start_class(re.compile(source, re.IGNORECASE)) if raw["shape"] == "regex" else None
        gate = tuple(map(frozenset, regex_gate(source))) if regex is not None else ()
        starts = regex_prefixes(source) if regex is not None else ()
        word_start = regex_word_start(source) if regex is not None else False
        index = len(patterns)
        patterns.append(_Compiled(entry, pattern, raw["shape"], steps, unless, unless_next, regex, gate, starts,
                                  word_start))
        if raw["shape"] == "seq":
            by_first.setdefault(steps[0][0], []).append(index)
        elif raw["shape"] == "near":
            near.append(index)
        else:
            regexes.append(index)
    near_classes = frozenset(cid for index in near for cid, _ in patterns[index].steps)
    common = frozenset(cid for word in _STOP_WORDS for cid in exact.get(string_key(word), ()))
    return Matchers(patterns, by_first, near, regexes, exact, prefixes, tuple(any_classes), near_classes,
                    GateBits(patterns[index].gate for index in regexes), fuzzy_whole, fuzzy_deleted, skeletons,
                    suffixes, {form: frozenset(cids) for form, cids in capital.items()}, common)


def _sentences(classes: list[frozenset[int]], glued: Sequence[int] = ()) -> list[int]:
    """Per token, its sentence's number: how many boundaries (class -1) up to and including it. A
    token in `glued` carries its sentence's full stop, so the next token opens a new sentence."""
    marks = list(map(frozenset.__contains__, classes, repeat(-1)))
    for i in glued:
        if i + 1 < len(marks):
            marks[i + 1] = True
    return list(accumulate(marks, initial=0))[1:]


# A full stop after a letter and before a capital: the Dutch tokenizer keeps it with its word ("App. Ik
# ben"), so no boundary token stands between the two sentences.
# It opens with the full stop, which ``re`` skips to, and looks back at the letter from behind it: the
# same matches as ``(?<=[^\W\d_])\.\s+(?=[^\W\d_])``, whose opening lookbehind is tried at every character.
_STOP_BEFORE_CAPITAL = re.compile(r"\.(?<=[^\W\d_]\.)\s+(?=[^\W\d_])")


def _glued_stops(text: str, offsets: list[int], lengths: list[int]) -> list[int]:
    """The tokens that end with their sentence's full stop, a capital opening the next word."""
    found = []
    for m in _STOP_BEFORE_CAPITAL.finditer(text):
        if text[m.end()].isupper():
            i = _bisect_right(offsets, m.start()) - 1
            if i >= 0 and offsets[i] + lengths[i] == m.start() + 1 and lengths[i] > 2:
                found.append(i)
    return found


def _near_spans(steps: Steps, window: int, ordered: bool, where: dict[int, list[int]],
                sentence: list[int], negated: list[bool] | None) -> list[tuple[int, int]]:
    """Token spans where every step's class occurs in one sentence within `window` tokens, none of
    them negated ("I book myself, no agency": the agency is denied, not named as the booker)."""
    spans = []
    first = steps[0][0]
    for anchor in where[first]:
        chosen = [anchor]
        here = sentence[anchor]
        low = high = anchor  # min(chosen), max(chosen)
        for cid, _ in steps[1:]:
            after = chosen[-1] if ordered else -1
            # the places that keep every chosen step within the window: high - window < p < low + window
            options = [p for p in where[cid] if high - window < p < low + window and p > after
                       and sentence[p] == here and p not in chosen]
            if not options:
                break
            best = min(options, key=lambda p: abs(p - anchor))
            chosen.append(best)
            low, high = min(low, best), max(high, best)
        else:
            if negated is None or not any(negated[p - k] and p - k not in chosen and sentence[p - k] == sentence[p]
                       for p in chosen for k in (1, 2) if p - k >= 0):
                spans.append((min(chosen), max(chosen) + 1))
    return spans


def _unless(hit: tuple[int, int], unless: frozenset[int], window: int, classes: list[frozenset[int]],
            sentence: list[int]) -> bool:
    start, end = hit
    for i in range(max(0, start - window), min(len(classes), end + window)):
        if sentence[i] == sentence[start] and not unless.isdisjoint(classes[i]):
            return True
    return False


_PICTURE_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Me"})  # emoji, modifiers, joiners, keycap marks


def _is_picture(form: str) -> bool:
    """A token made of emoji and symbols only ("🆕", "✨", "💋💋"): no pattern step names one (the data
    check would see it), and an ad puts them anywhere ("NEW 🆕 in Cambridge", "16 🎀 jaar")."""
    return bool(form) and all(unicodedata.category(c) in _PICTURE_CATEGORIES for c in form)


# The lower-case forms that are pictures. ``Matchers.token_info`` adds each form it meets the first
# time (or every time, past the cache limit), so once a doc's forms have their info this set tells,
# in one C-level test, whether any of them is a picture (rarely).
_PICTURE_HASHES: set[int] = set()


def _names_by_case(doc: Doc, matchers: Matchers, lowers: list[int], infos: list[Any], text: str,
                   offsets: list[int], lengths: list[int]) -> None:
    """A name that is also a word is the name only when written with a capital after a sentence's
    first word: "vraag naar Dan", not "stuur een bericht, dan ..." or "Dan kom ik". The tokens'
    texts are read from `text` by their offsets (``doc[i].text`` builds a Token each time)."""
    capital = matchers.capital
    for i in [i for i, lower in enumerate(lowers) if lower in capital]:
        form = text[offsets[i] : offsets[i] + lengths[i]]
        before = text[offsets[i - 1] : offsets[i - 1] + lengths[i - 1]] if i else ""
        opening = i == 0 or before in _BOUNDARIES or "\n" in before or _closes_sentence(before)
        if not form[:1].isupper() or opening:
            infos[i] = matchers.lower_case_info(doc, lowers[i])


def _closes_sentence(form: str) -> bool:
    """A word the Dutch tokenizer kept with its sentence's full stop ("app.", "wo.")."""
    return len(form) > 2 and form.endswith(".") and form[-2].isalpha()


def match_patterns(doc: Doc, lang: str, text: str | None = None) -> list[RawHit]:
    """Raw hits of every pattern in `doc` (`text` is doc.text, when the caller has it: cheaper).
    Tokens that are only emoji or symbols are left out of the matching, so steps match across them;
    a hit's token positions are those of the doc."""
    matchers = build_matchers(lang)
    columns = doc.to_array([LOWER, IDX, LENGTH]).T.tolist() if len(doc) else [[], [], []]
    lowers, offsets, lengths = columns
    infos = list(map(matchers._info.get, lowers))  # cached forms at C speed, then the few new ones
    if None in infos:
        infos = [info or matchers.token_info(doc, h) for info, h in zip(infos, lowers, strict=True)]
    if not matchers.capital.keys().isdisjoint(lowers):
        _names_by_case(doc, matchers, lowers, infos, text if text is not None else doc.text, offsets, lengths)
    keep = None  # the token indices to match over when some tokens are pictures
    if not _PICTURE_HASHES.isdisjoint(lowers):
        keep = [i for i, h in enumerate(lowers) if h not in _PICTURE_HASHES]
        lowers, offsets, lengths = [lowers[i] for i in keep], [offsets[i] for i in keep], [lengths[i] for i in keep]
        infos = [infos[i] for i in keep]
    classes = list(map(_itemgetter(0), infos))
    patterns = matchers.patterns
    found: set[tuple[int, int, int]] = set()  # (pattern index, token start, token end)
    n = len(classes)
    plain, second = matchers.plain_rest(), matchers.second_token()
    for i, info in enumerate(infos):
        for index in info[1]:  # seq patterns whose first step this token matches
            rest = plain[index]
            if rest is None:  # optional steps: the general search, unless the next token rules it out
                needed = second[index]
                if needed is not None and (i + 1 >= n or needed.isdisjoint(classes[i + 1])):
                    continue
                end = _longest_end(patterns[index].steps, 0, i, classes)
            else:  # every step in turn: the first matched here already
                end = i + 1
                for cid in rest:
                    if end < n and cid in classes[end]:
                        end += 1
                    else:
                        end = None
                        break
            if end is not None and end > i:
                found.add((index, i, end))
    sentence: list[int] = []
    if matchers.near:
        near_classes = list(map(_itemgetter(2), infos))
        present = set().union(*near_classes)
        near_by_key = matchers.near_by_key()
        # a near pattern needs every class of its steps in the doc: only those whose key class is here
        chosen = [(index, needs) for cid in present.intersection(matchers.near_keys())
                  for index, needs in near_by_key[cid] if needs <= present]
        candidates = [index for index, _ in chosen]
        # the places of the classes those candidates need (of no other class: most are never asked for)
        asked = set().union(*[needs for _, needs in chosen])
        where: dict[int, list[int]] = {cid: [] for cid in asked}
        for i, here in enumerate(near_classes if asked else ()):  # no candidate: no place to note
            if here and not asked.isdisjoint(here):
                for cid in here:
                    if cid in asked:
                        where[cid].append(i)
        negated: list[bool] = []
        for index in sorted(candidates):
            compiled = patterns[index]
            sentence = sentence or _sentences(classes, _glued_stops(text or doc.text, offsets, lengths))
            if not negated:
                negated = list(map(matchers.negation_keys(doc).__contains__, lowers))
            for start, end in _near_spans(compiled.steps, compiled.pattern.window, compiled.pattern.ordered,
                                          where, sentence, negated if compiled.pattern.negatable else None):
                found.add((index, start, end))
    if text is None and matchers.regexes:
        text = doc.text
    text = text or ""
    lowered = gate_text(text) if matchers.regexes else ""
    opened = matchers.gate_bits.open(lowered) if matchers.regexes else ()  # the others miss a literal they need
    for index in [matchers.regexes[k] for k in opened]:
        compiled = matchers.patterns[index]
        regex = compiled.regex
        if regex is None:
            continue
        for m in regex_matches(regex, text, lowered, compiled.prefixes, compiled.word_start):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and len(span):
                if keep is None:
                    found.add((index, span.start, span.end))
                else:  # doc positions to the positions matched over
                    first = _bisect_left(keep, span.start)
                    last = _bisect_left(keep, span.end)
                    if last > first:
                        found.add((index, first, last))
    hits, adult = [], None
    for index, start, end in sorted(found):
        compiled = matchers.patterns[index]
        if compiled.unless_next and end < len(classes) and not compiled.unless_next.isdisjoint(classes[end]):
            continue
        if compiled.unless:
            sentence = sentence or _sentences(classes, _glued_stops(text or doc.text, offsets, lengths))
            if _unless((start, end), compiled.unless, compiled.pattern.unless_window, classes, sentence):
                continue
        if "adult" in compiled.pattern.requires:
            if adult is None:
                adult = context.has_adult_cue(text or doc.text)
            if not adult:
                continue
        if "women" in compiled.pattern.requires and not context.names_several_women(text or doc.text):
            continue
        # the span's doc[start:end].start_char and .end_char, from the columns
        token_start, token_end = (start, end) if keep is None else (keep[start], keep[end - 1] + 1)
        hits.append(RawHit(compiled.entry, compiled.pattern, offsets[start], offsets[end - 1] + lengths[end - 1],
                           token_start, token_end))
    return hits
