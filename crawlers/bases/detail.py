"""Read an ad's fields from its detail page, and keep what the adapter does not map.

``extract_detail`` is pure (page text in, fields out) so the spider, ``signalstack sites check``
and the tests all read pages the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawlers.adapters import OPTIONAL_FIELDS, REQUIRED_FIELDS, Adapter
from crawlers.bases import selectors

# The body keeps its exact whitespace: NLP offsets point into title + "\n" + body.
_UNSTRIPPED = {"body"}
_LIST_FIELDS = {"images", "phones"}
_JSONLD_BOOKKEEPING = {"@context", "@type"}


@dataclass
class DetailPage:
    fields: dict[str, Any]
    missing: list[str]
    unmapped: dict[str, str] = field(default_factory=dict)


def _value(adapter: Adapter, key: str, page: Selector, url: str) -> Any:
    values = selectors.select(adapter.fields[key], page)
    if key in _LIST_FIELDS:
        values = [v.strip() for v in values if v.strip()]
        if key == "images":
            values = [urljoin(url, v) for v in values]
        return list(dict.fromkeys(values))
    if not values:
        return None
    value = values[0] if key in _UNSTRIPPED else values[0].strip()
    if key == "canonical_url" and value:
        value = urljoin(url, value)
    return value


def _where(element: Any) -> str:
    # lxml hands out fresh proxy objects, so identity is the node's path, not id().
    return element.getroottree().getpath(element)


def _field_name(element: Any) -> str:
    """A name for an unmapped field: its itemprop or class, or that of the first named element inside."""
    for e in element.iter():
        if not isinstance(e.tag, str):
            continue
        name = e.get("itemprop") or e.get("class")
        if name:
            return name
    return ""


def _css_unmapped(adapter: Adapter, page: Selector) -> dict[str, str]:
    """Candidate elements that no field selector reads, with their text.

    A candidate counts as mapped when a selector reads it, something inside it, or (for
    selectors that read text content) something around it; an attribute read from an
    outer element (``article::attr(data-ad-id)``) does not map everything inside.
    """
    mapped: set[str] = set()
    text_read: set[str] = set()
    for sel in adapter.fields.values():
        element_sel = selectors.element_selector(sel)
        if not element_sel:
            continue
        found = {_where(e) for e in selectors.elements(element_sel, page)}
        mapped |= found
        if "::attr(" not in sel and "/@" not in sel:
            text_read |= found
    unmapped: dict[str, str] = {}
    for n, element in enumerate(selectors.elements(adapter.unmapped_candidates, page)):
        inside = {_where(d) for d in element.iterdescendants()}
        around = {_where(a) for a in element.iterancestors()}
        if _where(element) in mapped or inside & mapped or around & text_read:
            continue
        key = _field_name(element) or f"{element.tag}[{n}]"
        stamped = [e.get("datetime") for e in element.iter() if e.get("datetime")]
        text = stamped[0] if stamped else " ".join("".join(element.itertext()).split())
        unmapped[key if key not in unmapped else f"{key}[{n}]"] = text
    return unmapped


def _leaf_paths(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if k in _JSONLD_BOOKKEEPING:
                continue
            out.update(_leaf_paths(v, f"{prefix}.{k}" if prefix else k))
        return out
    return {prefix: value}


def _jsonld_unmapped(adapter: Adapter, page: Selector) -> dict[str, str]:
    objects = selectors.jsonld_objects(page)
    if not objects:
        return {}
    used = {selectors.split(s)[1] for s in adapter.fields.values() if s.startswith("jsonld:")}
    leaves = _leaf_paths(objects[0])
    return {
        path: v if isinstance(v, str) else selectors._scalar(v)
        for path, v in leaves.items()
        if path not in used and not any(path.startswith(u + ".") for u in used)
    }


def extract_detail(adapter: Adapter, url: str, text: str) -> DetailPage:
    page = Selector(text=text, type="html")  # never let parsel guess JSON from the body
    fields = {key: _value(adapter, key, page, url) for key in adapter.fields}
    missing = [k for k in REQUIRED_FIELDS + OPTIONAL_FIELDS if fields.get(k) in (None, "", [])]
    unmapped: dict[str, str] = {}
    if adapter.unmapped_candidates:
        unmapped.update(_css_unmapped(adapter, page))
    if any(s.startswith("jsonld:") for s in adapter.fields.values()):
        unmapped.update(_jsonld_unmapped(adapter, page))
    return DetailPage(fields=fields, missing=missing, unmapped=unmapped)
