"""Site adapters: one small YAML file per site in ``crawlers/sites/``, loaded and checked here.

The meaning of every key is documented in ``crawlers/bases/adspider.py`` (the manual); the
pydantic model ``AdapterModel`` below is its checkable form, and the spiders read the plain
``Adapter`` built from it. ``data_files()`` is what CI checks (``python -m signalstack.check_data``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from core.datafiles import DataFileError, DataFiles, Strict, describe, file_path, files_problems, load_model
from crawlers.bases import selectors

SITES_DIR = Path(__file__).with_name("sites")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_-]*")


class AdapterError(DataFileError):
    """An unknown site, or an adapter file that does not fit ``AdapterModel``."""


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
    content: str = "adult"  # adult | mixed: on a mixed site a classifier decides per ad (nlp.listing)

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


# --- value types: each checks one kind of string and says what is wrong with it ---

def _selector(value: str) -> str:
    try:
        selectors.check(value)
    except selectors.SelectorError as exc:
        raise ValueError(str(exc)) from None
    return value


def _json_path(value: str) -> str:
    if not value.startswith("json:") or not value.removeprefix("json:").strip():
        raise ValueError(f"{value!r} must be a json: path")
    return value


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a regular expression: {exc}") from None
    return value


def _id_regex(value: str) -> str:
    if re.compile(value).groups < 1:
        raise ValueError(f"{value!r} needs one capture group for the id")
    return value


def _identifier(value: str) -> str:
    if not _IDENTIFIER.fullmatch(value):
        raise ValueError(f"{value!r} must be a lower-case identifier")
    return value


def _country(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError(f"{value!r} must be an ISO 3166 alpha-2 code such as NL")
    return value


def _site_path(value: str) -> str:
    if not value.startswith("/"):
        raise ValueError(f"{value!r} must be a path starting with /")
    return value


def _some_patterns(value: list[str]) -> list[str]:
    if not value:
        raise ValueError("at least one pattern is needed (link-trap guard)")
    return value


Selector = Annotated[str, AfterValidator(_selector)]
JsonPath = Annotated[str, AfterValidator(_json_path)]
Regex = Annotated[str, AfterValidator(_regex)]
IdRegex = Annotated[Regex, AfterValidator(_id_regex)]
Count = Annotated[StrictInt, Field(ge=1)]


# --- the model of one adapter file ---

class _Paging(Strict):
    first_page: StrictInt = 1
    """Number of the first listing page (``page_param`` counts on from it)."""


class NextLinkPaging(_Paging):
    kind: Literal["next_link"]
    next: Selector
    """Selector of the next listing page's URL; absent on the last page."""


class LoadMorePaging(_Paging):
    kind: Literal["json_load_more"]
    endpoint: Selector
    """Selector, on the HTML listing page, of the first JSON endpoint URL."""
    items: JsonPath
    """``json:`` path of the items in an endpoint's answer."""
    item_url: JsonPath
    """``json:`` path, inside one item, of its detail page URL."""
    next_endpoint: JsonPath
    """``json:`` path of the next endpoint URL (null on the last answer)."""


class PageParamPaging(_Paging):
    kind: Literal["page_param"]
    param: Annotated[str, Field(min_length=1)]
    """Query parameter holding the page number; the walk stops at a page without ad links."""


class Listing(Strict):
    links: Selector
    """Selector of the ad detail URLs on a listing page."""
    pagination: Annotated[NextLinkPaging | LoadMorePaging | PageParamPaging, Field(discriminator="kind")]
    """How to get to the next listing page; ``kind`` chooses the keys that go with it."""


class Fields(Strict):
    """Where each capture field is on a detail page (selector language: ``crawlers/bases/selectors.py``)."""

    site_ad_id: Selector
    title: Selector
    body: Selector
    """Kept exactly (no stripping): NLP offsets point into it."""
    name: Selector
    age: Selector
    city: Selector
    posted_at: Selector
    images: Selector
    phones: Selector | None = None
    canonical_url: Selector | None = None


REQUIRED_FIELDS = tuple(k for k, f in Fields.model_fields.items() if f.is_required())
OPTIONAL_FIELDS = tuple(k for k, f in Fields.model_fields.items() if not f.is_required())


class Detail(Strict):
    fields: Fields
    unmapped_candidates: Selector | None = None
    """Selector of the elements that are fields on the page; those no field reads are kept as unmapped."""


class Politeness(Strict):
    obey_robots: StrictBool = True
    robots_override_reason: str = ""
    """Why robots.txt is not obeyed (required when ``obey_robots`` is false; recorded with the job)."""
    concurrent_requests_per_domain: Count = 4
    download_delay: Annotated[StrictFloat, Field(ge=0)] = 0.0
    """Seconds between requests to the site."""
    autothrottle: StrictBool = True
    autothrottle_target_concurrency: Annotated[StrictFloat, Field(gt=0)] = 4.0

    @model_validator(mode="after")
    def _reason_to_ignore_robots(self) -> Politeness:
        if not self.obey_robots and not self.robots_override_reason.strip():
            raise ValueError("robots_override_reason: required when obey_robots is false")
        return self


class AdapterModel(Strict):
    """One site adapter file, ``crawlers/sites/<name>.yaml`` (manual: ``crawlers/bases/adspider.py``)."""

    name: Annotated[str, AfterValidator(_identifier)]
    """Lower-case identifier, the same as the file name."""
    description: str = ""
    country: Annotated[str, AfterValidator(_country)] = "NL"
    """ISO 3166 code that national phone numbers in the ads default to."""
    content: Literal["adult", "mixed"] = "adult"
    """What the site carries: ``adult`` (escort and profile ads only) or ``mixed`` (a marketplace where
    jobs, rooms and sales sit beside escort ads; there each ad is classified before indicators flag)."""
    base_url: str = ""
    """Default site root; ``signalstack crawl --base-url`` overrides it."""
    start_urls: Annotated[list[Annotated[str, AfterValidator(_site_path)]], Field(min_length=1)]
    """Paths of the first listing pages; each must be inside ``allowed_paths``."""
    listing: Listing
    detail: Detail
    id_from_url: list[IdRegex] = []
    """Regular expressions (one group) reading the site's ad id from a detail URL."""
    allowed_paths: Annotated[list[Regex], AfterValidator(_some_patterns)]
    """Regular expressions on the URL path; nothing else is fetched."""
    denied_paths: list[Regex] = []
    """Regular expressions on the path that are never fetched (traps)."""
    max_depth: Count = 50
    """Link-trap guard: no request more than this many links below the deepest listing page."""
    max_listing_pages: Count = 1000
    """Link-trap guard: a crawl that reaches it stops paging and is recorded as partial."""
    politeness: Politeness = Politeness()

    @field_validator("name")
    @classmethod
    def _name_is_file_name(cls, name: str, info: ValidationInfo) -> str:
        path = file_path(info)
        if path is not None and name != path.stem:
            raise ValueError(f"{name!r} must match the file name ({path.stem})")
        return name

    @model_validator(mode="after")
    def _starts_are_allowed(self) -> AdapterModel:
        allowed = [re.compile(p) for p in self.allowed_paths]
        outside = [s for s in self.start_urls if not any(p.search(s) for p in allowed)]
        if outside:
            raise ValueError(f"start_urls: {', '.join(outside)} outside allowed_paths")
        return self

    def adapter(self, path: Path | None = None) -> Adapter:
        """The runtime adapter the spiders read."""
        return Adapter(
            name=self.name, description=self.description, country=self.country,
            start_urls=tuple(self.start_urls), listing_links=self.listing.links,
            pagination=Pagination(**self.listing.pagination.model_dump()),
            fields=self.detail.fields.model_dump(exclude_none=True),
            unmapped_candidates=self.detail.unmapped_candidates or "",
            id_from_url=tuple(map(re.compile, self.id_from_url)),
            allowed_paths=tuple(map(re.compile, self.allowed_paths)),
            denied_paths=tuple(map(re.compile, self.denied_paths)),
            max_depth=self.max_depth, max_listing_pages=self.max_listing_pages,
            politeness=self.politeness.model_dump(), base_url=self.base_url, path=path,
            content=self.content,
        )


def parse_adapter(data: Any, source: str = "<adapter>") -> tuple[Adapter | None, list[str]]:
    """An Adapter from parsed YAML; returns (adapter or None, problems named '<source>: <where>: <what>')."""
    try:
        return AdapterModel.model_validate(data).adapter(), []
    except ValidationError as exc:
        return None, describe(exc, source)


def site_names() -> list[str]:
    return sorted(p.stem for p in SITES_DIR.glob("*.yaml"))


def data_files() -> DataFiles:
    """Every adapter file with its model (for ``signalstack.check_data``)."""
    return [(path, AdapterModel) for path in sorted(SITES_DIR.glob("*.yaml"))]


@lru_cache(maxsize=32)
def load_adapter(name: str) -> Adapter:
    path = SITES_DIR / f"{name}.yaml"
    if not _IDENTIFIER.fullmatch(name) or not path.is_file():
        raise AdapterError(f"unknown site {name!r}; known sites: {', '.join(site_names()) or 'none'}")
    try:
        return load_model(path, AdapterModel).adapter(path)
    except DataFileError as exc:
        raise AdapterError(exc.problems) from None


def validate_all() -> list[str]:
    return files_problems(data_files())
