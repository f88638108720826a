"""Site adapters: one small YAML file per site in ``crawlers/sites/``, loaded and checked here.

The meaning of every key is documented in ``crawlers/bases/adspider.py`` (the manual).
``validate_all()`` is what CI runs (``python -m core.check_data``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from crawlers.bases import selectors

SITES_DIR = Path(__file__).with_name("sites")
PAGINATION_KINDS = ("next_link", "json_load_more", "page_param")
REQUIRED_FIELDS = ("site_ad_id", "title", "body", "name", "age", "city", "posted_at", "images")
OPTIONAL_FIELDS = ("phones", "canonical_url")
_TOP_KEYS = {"name", "description", "country", "base_url", "start_urls", "listing", "detail",
             "id_from_url", "allowed_paths", "denied_paths", "max_depth", "max_listing_pages", "politeness"}
_POLITENESS = {
    "obey_robots": True,
    "robots_override_reason": "",
    "concurrent_requests_per_domain": 4,
    "download_delay": 0.0,
    "autothrottle": True,
    "autothrottle_target_concurrency": 4.0,
}


class AdapterError(ValueError):
    pass


@dataclass(frozen=True)
class Pagination:
    kind: str
    next: str = ""  # next_link: selector of the next page's URL
    endpoint: str = ""  # json_load_more: selector of the first endpoint URL on the listing page
    items: str = ""  # json_load_more: json path of the items
    item_url: str = ""  # json_load_more: json path, inside an item, of its detail URL
    next_endpoint: str = ""  # json_load_more: json path of the next endpoint (null ends)
    param: str = ""  # page_param: query parameter holding the page number
    first_page: int = 1


@dataclass(frozen=True)
class Adapter:
    name: str
    description: str
    country: str
    start_urls: tuple[str, ...]
    listing_links: str
    pagination: Pagination
    fields: dict[str, str]
    unmapped_candidates: str
    id_from_url: tuple[re.Pattern[str], ...]
    allowed_paths: tuple[re.Pattern[str], ...]
    denied_paths: tuple[re.Pattern[str], ...]
    max_depth: int
    max_listing_pages: int
    politeness: dict[str, Any]
    base_url: str = ""
    path: Path | None = field(default=None, compare=False)

    def id_in_url(self, url: str) -> str | None:
        for pattern in self.id_from_url:
            m = pattern.search(url)
            if m:
                return m.group(1)
        return None

    def path_allowed(self, path: str) -> bool:
        if any(p.search(path) for p in self.denied_paths):
            return False
        return any(p.search(path) for p in self.allowed_paths)


def _regexes(raw: Any, key: str, problems: list[str]) -> tuple[re.Pattern[str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
        problems.append(f"{key}: must be a list of regular expressions")
        return ()
    out = []
    for r in raw:
        try:
            out.append(re.compile(r))
        except re.error as exc:
            problems.append(f"{key}: {r!r} is not a regular expression: {exc}")
    return tuple(out)


def _selector(raw: Any, key: str, problems: list[str], required: bool = True) -> str:
    if raw is None or raw == "":
        if required:
            problems.append(f"{key}: missing")
        return ""
    if not isinstance(raw, str):
        problems.append(f"{key}: must be a selector string")
        return ""
    try:
        selectors.check(raw)
    except selectors.SelectorError as exc:
        problems.append(f"{key}: {exc}")
    return raw


def _pagination(raw: Any, problems: list[str]) -> Pagination:
    if not isinstance(raw, dict) or raw.get("kind") not in PAGINATION_KINDS:
        problems.append(f"listing.pagination.kind: must be one of {', '.join(PAGINATION_KINDS)}")
        return Pagination(kind="next_link")
    kind = raw["kind"]
    needed = {"next_link": ("next",), "json_load_more": ("endpoint", "items", "item_url", "next_endpoint"),
              "page_param": ("param",)}[kind]
    allowed = set(needed) | {"kind", "first_page"}
    for extra in sorted(set(raw) - allowed):
        problems.append(f"listing.pagination.{extra}: not used by kind {kind}")
    values: dict[str, Any] = {"kind": kind, "first_page": raw.get("first_page", 1)}
    for key in needed:
        value = raw.get(key)
        if key == "param":
            if not isinstance(value, str) or not value:
                problems.append("listing.pagination.param: must name a query parameter")
        elif key in ("items", "item_url", "next_endpoint"):
            if not isinstance(value, str) or not value.startswith("json:"):
                problems.append(f"listing.pagination.{key}: must be a json: path")
        else:
            _selector(value, f"listing.pagination.{key}", problems)
        values[key] = value or ""
    return Pagination(**values)


def parse_adapter(data: Any, source: str = "<adapter>") -> tuple[Adapter | None, list[str]]:
    """Build an Adapter from parsed YAML; returns (adapter or None, problems)."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return None, [f"{source}: must be a mapping"]
    for extra in sorted(set(data) - _TOP_KEYS):
        problems.append(f"{extra}: unknown key")
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_-]*", name or ""):
        problems.append("name: must be a lower-case identifier")
    country = data.get("country", "NL")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        problems.append("country: must be an ISO 3166 alpha-2 code such as NL")
    starts = data.get("start_urls")
    if not isinstance(starts, list) or not starts or not all(isinstance(u, str) and u.startswith("/") for u in starts):
        problems.append("start_urls: must be a non-empty list of paths starting with /")
        starts = []
    listing = data.get("listing") or {}
    detail = data.get("detail") or {}
    links = _selector(listing.get("links"), "listing.links", problems)
    pagination = _pagination(listing.get("pagination"), problems)
    raw_fields = detail.get("fields") or {}
    if not isinstance(raw_fields, dict):
        problems.append("detail.fields: must be a mapping of field name to selector")
        raw_fields = {}
    fields: dict[str, str] = {}
    for key in REQUIRED_FIELDS + OPTIONAL_FIELDS:
        value = _selector(raw_fields.get(key), f"detail.fields.{key}", problems, key in REQUIRED_FIELDS)
        if value:
            fields[key] = value
    for extra in sorted(set(raw_fields) - set(REQUIRED_FIELDS + OPTIONAL_FIELDS)):
        problems.append(f"detail.fields.{extra}: unknown field")
    unmapped = _selector(detail.get("unmapped_candidates"), "detail.unmapped_candidates", problems, False)
    allowed = _regexes(data.get("allowed_paths"), "allowed_paths", problems)
    denied = _regexes(data.get("denied_paths"), "denied_paths", problems)
    if not allowed:
        problems.append("allowed_paths: at least one pattern is needed (link-trap guard)")
    for start in starts:
        if allowed and not any(p.search(start) for p in allowed):
            problems.append(f"start_urls: {start} is outside allowed_paths")
    id_patterns = _regexes(data.get("id_from_url"), "id_from_url", problems)
    for p in id_patterns:
        if p.groups < 1:
            problems.append(f"id_from_url: {p.pattern!r} needs one capture group for the id")
    politeness = dict(_POLITENESS)
    raw_polite = data.get("politeness") or {}
    for key, value in raw_polite.items():
        if key not in _POLITENESS:
            problems.append(f"politeness.{key}: unknown key")
        elif type(value) is not type(_POLITENESS[key]) and not (
            isinstance(_POLITENESS[key], float) and isinstance(value, int)
        ):
            problems.append(f"politeness.{key}: must be {type(_POLITENESS[key]).__name__}")
        else:
            politeness[key] = value
    if not politeness["obey_robots"] and not str(politeness["robots_override_reason"]).strip():
        problems.append("politeness.robots_override_reason: required when obey_robots is false")
    limits = {}
    for key, default in (("max_depth", 50), ("max_listing_pages", 1000)):
        value = data.get(key, default)
        if not isinstance(value, int) or value < 1:
            problems.append(f"{key}: must be a positive integer")
            value = default
        limits[key] = value
    if problems:
        return None, problems
    return Adapter(
        name=name, description=str(data.get("description", "")), country=country,
        start_urls=tuple(starts), listing_links=links, pagination=pagination, fields=fields,
        unmapped_candidates=unmapped, id_from_url=id_patterns, allowed_paths=allowed,
        denied_paths=denied,
        max_depth=limits["max_depth"], max_listing_pages=limits["max_listing_pages"],
        politeness=politeness, base_url=str(data.get("base_url", "")),
    ), []


def _read(path: Path) -> tuple[Adapter | None, list[str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return None, [f"{path.name}: cannot read: {exc}"]
    adapter, problems = parse_adapter(data, path.name)
    problems = [f"{path.name}: {p}" for p in problems]
    if adapter and adapter.name != path.stem:
        problems.append(f"{path.name}: name {adapter.name!r} must match the file name")
    if adapter:
        adapter = Adapter(**{**adapter.__dict__, "path": path})
    return adapter, problems


def site_names() -> list[str]:
    return sorted(p.stem for p in SITES_DIR.glob("*.yaml"))


@lru_cache(maxsize=32)
def load_adapter(name: str) -> Adapter:
    path = SITES_DIR / f"{name}.yaml"
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or not path.is_file():
        raise AdapterError(f"unknown site {name!r}; known sites: {', '.join(site_names()) or 'none'}")
    adapter, problems = _read(path)
    if problems or adapter is None:
        raise AdapterError("; ".join(problems))
    return adapter


def validate_all() -> list[str]:
    problems: list[str] = []
    for path in sorted(SITES_DIR.glob("*.yaml")):
        problems += _read(path)[1]
    return problems
