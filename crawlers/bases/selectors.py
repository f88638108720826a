"""The adapter selector language: one string says where a value is on a page.

- ``css:<selector>`` and ``xpath:<expression>``: every match gives one value. A match
  that is an element gives its full text content (as the browser's ``textContent``);
  ``::text``/``::attr(x)`` (CSS) or ``/text()``/``/@x`` (XPath) give that string as is.
- ``jsonld:<dotted.path>``: a path into the first ``<script type="application/ld+json">``
  object; a list along the way yields every member (``image`` → all image URLs).
- ``json:<dotted.path>``: the same path into a JSON response (the load-more endpoints).
"""

from __future__ import annotations

import json
import re
from typing import Any

from parsel import Selector

PREFIXES = ("css", "xpath", "jsonld", "json")
_CSS_VALUE_SUFFIX = re.compile(r"::(text|attr\([^)]*\))\s*$")
_XPATH_VALUE_SUFFIX = re.compile(r"/(text\(\)|@[\w:-]+)\s*$")


class SelectorError(ValueError):
    pass


def split(selector: str) -> tuple[str, str]:
    kind, sep, expr = selector.partition(":")
    if not sep or kind not in PREFIXES or not expr.strip():
        raise SelectorError(f"selector {selector!r} must start with one of {', '.join(p + ':' for p in PREFIXES)}")
    return kind, expr.strip()


def check(selector: str) -> None:
    """Raise SelectorError if the selector cannot be compiled."""
    kind, expr = split(selector)
    probe = Selector(text="<html><body></body></html>")
    try:
        if kind == "css":
            probe.css(expr)
        elif kind == "xpath":
            probe.xpath(expr)
    except Exception as exc:  # parsel raises several unrelated types for bad expressions
        raise SelectorError(f"selector {selector!r} does not compile: {exc}") from None


def _text_of(match: Selector) -> str:
    if isinstance(match.root, str):
        return match.root
    return match.xpath("string(.)").get() or ""


def json_path(data: Any, path: str) -> list[Any]:
    """Every value at a dotted path; lists fan out at any step."""
    values = [data]
    for key in path.split("."):
        step: list[Any] = []
        for value in values:
            if isinstance(value, list):
                step += [v.get(key) for v in value if isinstance(v, dict) and key in v]
            elif isinstance(value, dict) and key in value:
                step.append(value[key])
        values = step
    flat: list[Any] = []
    for value in values:
        flat += value if isinstance(value, list) else [value]
    return [v for v in flat if v is not None]


def jsonld_objects(page: Selector) -> list[Any]:
    objects = []
    for raw in page.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            objects.append(json.loads(raw))
        except json.JSONDecodeError:
            continue
    return objects


def select(selector: str, page: Selector, data: Any = None) -> list[str]:
    """All values the selector finds; ``data`` is the parsed JSON for ``json:`` selectors."""
    kind, expr = split(selector)
    if kind == "css":
        return [_text_of(m) for m in page.css(expr)]
    if kind == "xpath":
        return [_text_of(m) for m in page.xpath(expr)]
    if kind == "jsonld":
        objects = jsonld_objects(page)
        return [_scalar(v) for v in json_path(objects[0], expr)] if objects else []
    return [_scalar(v) for v in json_path(data, expr)]


def _scalar(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def element_selector(selector: str) -> str | None:
    """The selector for the elements a value selector reads from (None for JSON)."""
    kind, expr = split(selector)
    if kind == "css":
        return "css:" + _CSS_VALUE_SUFFIX.sub("", expr)
    if kind == "xpath":
        return "xpath:" + _XPATH_VALUE_SUFFIX.sub("", expr)
    return None


def elements(selector: str, page: Selector) -> list[Any]:
    """The lxml elements a css/xpath selector matches (not their values)."""
    kind, expr = split(selector)
    matches = page.css(expr) if kind == "css" else page.xpath(expr)
    return [m.root for m in matches if not isinstance(m.root, str)]
