"""Search ads by phone (in any written form), e-mail, handle, text, image hash, ad id or URL.

A phone number is normalised to E.164 first (so "06-12 34 56 78", "+31612345678",
"0031 6 1234 5678" and "nul zes 12345678" find the same ads); when it cannot be parsed its
digits are matched. Phone number words are recognised without choosing the phone type.
An image hash finds near-duplicate photos (pHash within a Hamming distance, mirrored copies too;
``models.photos``), not only the same hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from core.lookup import parse_id
from core.photos import parse_hash
from core.schema import Ad, AdVersion, Capture, Entity, Site
from models.photos import similar_photos
from workbench.queries import any_text_matches, like_pattern, text_matches

KINDS = ("auto", "phone", "email", "handle", "text", "image", "ad", "url")
_HEX = re.compile(r"^[0-9a-f]{16}$|^[0-9a-f]{64}$")
_PHONE_CHARS = re.compile(r"^[+()\d\s./-]+$")


class SearchError(ValueError):
    pass


@dataclass
class Found:
    ad_id: int
    site: str
    site_ad_id: str
    title: str
    city: str
    url: str


def guess_kind(query: str) -> str:
    """What an analyst most likely pasted: URL, e-mail, handle, image hash, ad id, phone, else text."""
    q = query.strip()
    if re.match(r"^https?://", q, re.I):
        return "url"
    if re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", q, re.I):
        return "email"
    if q.startswith("@") and len(q) > 1:
        return "handle"
    if _HEX.match(q.lower()):
        return "image"
    digits = re.sub(r"\D", "", q)
    if q.isdigit() and len(q) <= 7:
        return "ad"
    if _PHONE_CHARS.match(q) and len(digits) >= 8:
        return "phone"
    if _written_phone(q):
        return "phone"
    return "text"


def _written_phone(query: str) -> bool:
    """Whether the query is a phone number written (partly) in words, as "nul zes 12 34 56 78"."""
    try:
        from nlp.phones import find_phones
    except ImportError:
        return False
    found = find_phones(query, "NL")
    # The number must be (nearly) the whole query, so "bel 0612345678 na 8" stays a text search.
    return bool(found) and sum(f.end - f.start for f in found) >= 0.8 * len(query.strip())


def normalised_phone(query: str, country: str = "NL") -> tuple[str, str]:
    """(E.164 or "", digits) for a phone number as someone wrote it, disguised forms included
    ("nul zes 12 34 56 78") when the NLP stage is installed."""
    try:
        from nlp.phones import find_phones
    except ModuleNotFoundError:
        find_phones = None
    if find_phones is not None:
        found = find_phones(query, country)
        if found:
            return found[0].e164, found[0].e164.lstrip("+")
    digits = re.sub(r"\D", "", query)
    try:
        number = phonenumbers.parse(query, country)
    except phonenumbers.NumberParseException:
        return "", digits
    if not phonenumbers.is_valid_number(number):
        return "", digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), digits


def _ads_with_entity(kind: str, condition) -> object:
    return (select(AdVersion.ad_id).join(Entity, Entity.ad_version_id == AdVersion.id)
            .where(Entity.kind == kind, condition))


def matching_ad_ids(kind: str, query: str, country: str = "NL") -> object:
    """A select of the ids of ads that match `query` read as `kind`."""
    q = query.strip()
    if kind == "phone":
        e164, digits = normalised_phone(q, country)
        if len(digits) < 6:
            raise SearchError("a phone number needs at least 6 digits")
        if e164:
            # Stored phones are always E.164, so a number that parses is found by equality on the
            # (kind, value) index; a LIKE on the digits scans every entity (0.5 s at 1M ads).
            return _ads_with_entity("phone", Entity.value == e164)
        # A fragment that does not parse: national and international forms share their last digits.
        return _ads_with_entity("phone", Entity.value.like(like_pattern(digits[-9:]), escape="\\"))
    if kind == "email":
        return _ads_with_entity("email", func.lower(Entity.value) == q.lower())
    if kind == "handle":
        return _ads_with_entity("handle", func.lower(Entity.value) == q.lstrip("@").lower())
    if kind == "image":
        return select(AdVersion.ad_id).where(text_matches(cast(AdVersion.images, Text), q.lower()))
    if kind == "ad":
        by_site_id = select(Ad.id).where(Ad.site_ad_id == q)
        ad_id = parse_id(q)  # a valid id or None: a huge number must not overflow in the database
        return select(Ad.id).where(Ad.id == ad_id).union(by_site_id) if ad_id is not None else by_site_id
    if kind == "url":
        return select(Ad.id).where(Ad.url == q).union(
            select(AdVersion.ad_id).join(Capture, Capture.id == AdVersion.capture_id).where(Capture.url == q))
    if kind == "text":
        if len(q) < 3:
            raise SearchError("search text needs at least 3 characters")
        return select(AdVersion.ad_id).where(any_text_matches([AdVersion.title, AdVersion.body], q))
    raise SearchError(f"unknown search kind {kind!r}; choose one of {', '.join(KINDS)}")


def search_ads(session: Session, kind: str, query: str, country: str = "NL", limit: int = 50,
               offset: int = 0) -> tuple[list[Found], int, str]:
    """(a page of matching ads newest first, how many match, the kind actually searched)."""
    if not query.strip():
        raise SearchError("nothing to search for")
    kind = guess_kind(query) if kind == "auto" else kind
    phash = parse_hash(query) if kind == "image" else None
    if phash is not None:
        versions = [m.ad_version_id for m in similar_photos(session, phash)]
        ids = select(AdVersion.ad_id).where(AdVersion.id.in_(versions)).subquery()
    else:
        ids = matching_ad_ids(kind, query, country).subquery()
    total = session.execute(select(func.count(func.distinct(ids.c[0])))).scalar() or 0
    ads = session.execute(
        select(Ad, Site.name).join(Site, Site.id == Ad.site_id).where(Ad.id.in_(select(ids.c[0])))
        .order_by(Ad.last_seen.desc(), Ad.id.desc()).limit(limit).offset(offset)
    ).all()
    found = []
    for ad, site in ads:
        current = ad.current if ad.versions else None
        found.append(Found(ad.id, site, ad.site_ad_id, current.title if current else "",
                           current.city if current else "", ad.url))
    return found, total, kind
