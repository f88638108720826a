"""A regular expression that fails fast where no match can start: the same matches, found sooner.

Searching, Python's regex engine tries the whole pattern at every position of the text, unless the
pattern opens with a literal or a plain character class: then it skips to the next character that
can start a match. A pattern that opens with ``\\b``, a lookbehind or an alternation of words (with
IGNORECASE) gets no such help, and on an ad of a thousand characters that costs tens of
microseconds per pattern. ``with_start_class`` puts a lookahead for the characters every match
starts with in front of the pattern: ``(?=[jy])(?:jaar|years?|...)``. The lookahead consumes
nothing and adds no group, so matches, spans and groups stay exactly those of the pattern; the
engine just rejects most positions at their first character.

The start class is read from the parsed pattern (``re._parser``), conservatively: when it is not
simple (a pattern that may match the empty string, a wildcard, a negated class, inline flags that
change the meaning of ``\\w``), the pattern is returned as it was. A start in a group with its own
case flag (``(?-i:[A-Z])`` in a case-insensitive pattern) keeps that flag in the lookahead: a pattern
that opens with a costly negative lookahead and then a capital is tried at capitals only.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from typing import Any

_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_SPACE: r"\s",
}
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
_ANCHORED = ((sre_constants.AT, sre_constants.AT_BEGINNING), (sre_constants.AT, sre_constants.AT_BEGINNING_STRING))
_FLAGS_THAT_CHANGE_CLASSES = re.ASCII | re.LOCALE | re.UNICODE  # IGNORECASE is carried per item


class _NotSimple(Exception):
    pass


def _class_items(op: Any, av: Any) -> list[str]:
    """One consumed character (LITERAL or IN) as class items."""
    if op is sre_constants.LITERAL:
        return [re.escape(chr(av))]
    items = []
    for item_op, item_av in av:
        if item_op is sre_constants.LITERAL:
            items.append(re.escape(chr(item_av)))
        elif item_op is sre_constants.RANGE:
            items.append(f"{re.escape(chr(item_av[0]))}-{re.escape(chr(item_av[1]))}")
        elif item_op is sre_constants.CATEGORY and item_av in _CATEGORIES:
            items.append(_CATEGORIES[item_av])
        else:  # NEGATE, \w (nearly every character), other categories
            raise _NotSimple
    return items


def _first(seq: Any, ignorecase: bool) -> tuple[list[tuple[str, bool]], bool]:
    """(class items one of which every match of `seq` starts with, each with whether it ignores case
    there; whether `seq` may match empty)."""
    items: list[tuple[str, bool]] = []
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character is that of what follows
        if op in (sre_constants.LITERAL, sre_constants.IN):
            return items + [(item, ignorecase) for item in _class_items(op, av)], False
        if op is sre_constants.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & _FLAGS_THAT_CHANGE_CLASSES:
                raise _NotSimple
            inner = bool(add_flags & re.IGNORECASE) or (ignorecase and not del_flags & re.IGNORECASE)
            found, empty = _first(sub, inner)
        elif op is sre_constants.BRANCH:
            found, empty = [], False
            for branch in av[1]:
                branch_items, branch_empty = _first(branch, ignorecase)
                found += branch_items
                empty = empty or branch_empty
        elif op in _REPEATS:
            found, empty = _first(av[2], ignorecase)
            empty = empty or av[0] == 0
        else:  # any character, back references, conditionals ...
            raise _NotSimple
        items += found
        if not empty:
            return items, False
    return items, True


def _scoped_first(parsed: Any) -> tuple[Any, Any]:
    """The first item of a parsed pattern, inside the groups with their own flags it opens with (as
    ``re._compiler`` looks for a prefix to skip to)."""
    op, av = parsed[0]
    while op is sre_constants.SUBPATTERN and (av[1] or av[2]) and len(av[3].data):
        op, av = av[3][0]
    return op, av


def start_class(regex: re.Pattern[str]) -> str | None:
    """The character class every match of `regex` starts with, as regex text, or None."""
    if not isinstance(regex.pattern, str) or regex.pattern.startswith("(?") and \
            re.match(r"\(\?[aiLmsux]+\)", regex.pattern):
        return None  # global inline flags must stay at the start
    ignorecase = bool(regex.flags & re.IGNORECASE)
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        first_op, first_av = _scoped_first(parsed) if parsed else (None, None)
        if first_op in _REPEATS and first_av[0] >= 1 and first_av[2]:
            first_op = first_av[2][0][0]  # "[-|]+": as the class itself
        if first_op in (sre_constants.LITERAL, sre_constants.IN) or (first_op, first_av) in _ANCHORED:
            return None  # the engine skips ahead by itself, or tries one place only
        items, empty = _first(parsed, ignorecase)
    except (_NotSimple, re.error):
        return None
    if empty or not items:
        return None
    chars = "[" + "".join(dict.fromkeys(item for item, _ in items)) + "]"
    cases = {case for _, case in items}
    if cases == {ignorecase}:
        return chars
    # Items under their own case flag: all case-sensitive in a case-insensitive pattern keep to that;
    # otherwise the class ignoring case holds every start (more, never fewer, than the items match).
    return f"(?-i:{chars})" if cases == {False} else f"(?i:{chars})"


def with_start_class(regex: re.Pattern[str]) -> re.Pattern[str]:
    """`regex` with a lookahead for its start class in front (the same matches), or `regex` itself."""
    found = start_class(regex)
    if found is None:
        return regex
    close = "\n)" if regex.flags & re.VERBOSE else ")"  # a comment may end the pattern
    return re.compile(f"(?={found})(?:{regex.pattern}{close}", regex.flags)
