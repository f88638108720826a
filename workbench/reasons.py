"""Why an ad scored what it did, in the viewer's language.

A score keeps its reasons as the scorer wrote them (``Score.reasons``: English sentences from the rule
scorer, ``feature (+0.12)`` contributions from a trained model). The workbench does not show those
strings as they are. The rule scorer's reasons are its indicator hits, strongest per code, so they are
rebuilt from the hits with the lexicon's explanation in the viewer's language (``strongest_hits``). A
trained model's contributions are read into rows (``model_contributions``): a text fragment, an
indicator (its category and explanation) or a link feature, each named by the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from workbench.i18n import category_label, indicator_explanation, t

_CONTRIBUTION = re.compile(r"(?P<feature>.+) \((?P<value>[+-]?\d+(?:\.\d+)?)\)")
_TEXT = re.compile(r"text '(?P<ngram>.*)'")
_INDICATOR = re.compile(r"indicator=(?P<code>[a-z0-9_]+)")
_LINK = re.compile(r"link:(?P<name>[a-z0-9_]+)")


def strongest_hits(hits: Iterable[Any]) -> list[Any]:
    """One hit per indicator code, the weightiest, strongest first (the rule scorer's reasons)."""
    best: dict[str, Any] = {}
    for hit in hits:
        if hit.code not in best or hit.weight > best[hit.code].weight:
            best[hit.code] = hit
    return sorted(best.values(), key=lambda h: (-h.weight, h.code))


@dataclass(frozen=True)
class Contribution:
    feature: str  # in the viewer's language
    value: str  # the signed contribution as the model gave it ("+0.12"), or "" when it gave none


def _feature(name: str, categories: dict[str, str]) -> str:
    if found := _TEXT.fullmatch(name):
        return t("reason.text_fragment", ngram=found["ngram"])
    if found := _INDICATOR.fullmatch(name):
        code = found["code"]
        explanation = indicator_explanation(SimpleNamespace(code=code, explanation=""))
        category = category_label(categories[code]) if code in categories else code
        return t("reason.indicator", category=category, explanation=explanation or code)
    if found := _LINK.fullmatch(name):
        key = "reason.link." + found["name"]
        text = t(key)
        return text if text != key else found["name"]
    return name


def model_contributions(reasons: Iterable[str], hits: Iterable[Any] = ()) -> list[Contribution]:
    """A trained model's reasons as rows; a reason in no known form is kept as it was stored."""
    categories = {h.code: h.category for h in hits}
    out = []
    for reason in reasons:
        found = _CONTRIBUTION.fullmatch(str(reason).strip())
        if found:
            out.append(Contribution(_feature(found["feature"], categories), found["value"]))
        else:
            out.append(Contribution(str(reason), ""))
    return out


def is_rule_model(model_version: str) -> bool:
    """The rule scorer (``nlp.risk``): its reasons are the hits themselves."""
    return str(model_version).startswith("rules-")
