"""Watchlists and alerts: a team watches a phone, e-mail, handle, photo or phrase, and is told
when a new ad version matches it.

- A watch has an owner, a team, a reason, a review date and an expiry date: nothing is watched
  forever without a decision. ``expire_watches`` ends the ones past their expiry.
- ``match_new`` runs after each crawl or analysis round (the composition root calls it). It looks
  at ad versions analysed since the last run, through indexed lookups only: phones, e-mails and
  handles join the entities table on its (kind, value) index; photos probe the banded pHash index
  (``core.photos``) built in memory over the watched hashes; phrases look up a word index of the
  new versions. Each (watch, ad version) raises at most one alert, with the reason it matched.
- Every act is audited; acknowledging an alert too.

Acts take the acting ``User`` or a username; the permission matrix decides (``watch.*``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import phonenumbers
from sqlalchemy import and_, func, insert, select, text
from sqlalchemy.orm import Session

from casefiles.cases import CaseError, permitted_user
from core import audit
from core.commandline import system_actor
from core.lookup import not_found_or_not_allowed, parse_id
from core.photos import BANDS, bands, hamming, neighbours, parse_hash
from core.schema import AdVersion, Entity, PhotoHash, User, Watch, WatchAlert, WatchRun, utcnow

KINDS = ("phone", "email", "handle", "photo", "text")
ENTITY_KINDS = ("phone", "email", "handle")
PHOTO_DISTANCE = 6  # pHash bits; the demo world's re-used photos are within it, unrelated ones >= 14 apart
REVIEW_DAYS = 30
EXPIRY_DAYS = 180
MAX_EXPIRY_DAYS = 366
MATCH_ACTOR = system_actor("watches")
_WORD = re.compile(r"\w+")
_PG_MATCH_LOCK = 0x51C1A8


class WatchError(CaseError):
    pass


@dataclass
class MatchResult:
    since_version_id: int
    through_version_id: int
    alerts: int


def phrase(value: str) -> str:
    """A phrase as matched: its words, case-folded, one space apart (a phrase matches whole words)."""
    return " ".join(_WORD.findall(str(value).casefold()))


def normalised_value(kind: str, value: str, country: str = "NL") -> str:
    """The watched value as the entities table (or the photo index) stores it; WatchError if unusable."""
    raw = str(value or "").strip()
    if kind not in KINDS:
        raise WatchError(f"unknown watch kind {kind!r}; choose one of {', '.join(KINDS)}")
    if not raw:
        raise WatchError("a watch needs a value")
    if kind == "phone":
        try:
            from nlp.phones import find_phones

            found = find_phones(raw, country)
            if found:
                return found[0].e164
        except ImportError:  # without the NLP stage, only numbers that parse as written
            pass
        try:
            number = phonenumbers.parse(raw, country)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise WatchError(f"{raw!r} is not a phone number")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if kind == "email":
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", raw):
            raise WatchError(f"{raw!r} is not an e-mail address")
        return raw.lower()
    if kind == "handle":
        handle = raw.split(":", 1)[1] if re.match(r"^[a-z]+:", raw, re.I) else raw
        return handle.strip().lstrip("@").lower()
    if kind == "photo":
        hashed = parse_hash(raw)
        if hashed is None:
            raise WatchError(f"{raw!r} is not a pHash (16 hex digits)")
        return f"{hashed:016x}"
    words = phrase(raw)
    if len(words) < 3:
        raise WatchError("a watched phrase needs at least 3 characters")
    return words


def create_watch(session: Session, actor: User | str, kind: str, value: str, reason: str,
                 team: str | None = None, review_at: datetime | None = None,
                 expires_at: datetime | None = None, country: str = "NL") -> Watch:
    user = permitted_user(session, actor, "watch.create", team)
    team = team or user.team
    if not str(reason or "").strip():
        raise WatchError("a watch needs a reason")
    now = utcnow()
    expires_at = expires_at or now + timedelta(days=EXPIRY_DAYS)
    review_at = review_at or min(expires_at, now + timedelta(days=REVIEW_DAYS))
    _check_dates(now, review_at, expires_at)
    normalised = normalised_value(kind, value, country)
    newest = session.execute(select(func.coalesce(func.max(AdVersion.id), 0))).scalar_one()
    watch = Watch(kind=kind, value=normalised, label=str(value).strip()[:300], team=team, owner=user.username,
                  reason=reason.strip(), created_at=now, review_at=review_at, expires_at=expires_at,
                  from_version_id=newest)
    session.add(watch)
    session.flush()
    audit.record(session, user.username, "watch.create", "watch", watch.id, kind=kind, value=normalised,
                 team=team, reason=watch.reason, review_at=review_at.isoformat(), expires_at=expires_at.isoformat())
    return watch


def _check_dates(now: datetime, review_at: datetime, expires_at: datetime) -> None:
    if expires_at <= now:
        raise WatchError("the expiry date must lie in the future")
    if expires_at > now + timedelta(days=MAX_EXPIRY_DAYS):
        raise WatchError(f"a watch runs at most {MAX_EXPIRY_DAYS} days before it must be renewed")
    if not now < review_at <= expires_at:
        raise WatchError("the review date must lie in the future and not after the expiry date")


def _team_watch(session: Session, actor: User | str, watch_id: int, action: str) -> tuple[User, Watch]:
    ident = parse_id(watch_id)
    watch = session.get(Watch, ident) if ident is not None else None
    if watch is None:
        raise WatchError(not_found_or_not_allowed("watch", watch_id))
    user = permitted_user(session, actor, action, None)
    if watch.team != user.team:  # another team's watch is refused like a missing one
        raise WatchError(not_found_or_not_allowed("watch", watch_id))
    return user, watch


def is_active(watch: Watch, now: datetime | None = None) -> bool:
    return watch.ended_at is None and watch.expires_at > (now or utcnow())


def list_watches(session: Session, actor: User | str, include_ended: bool = False) -> list[Watch]:
    """The acting user's team's watches, soonest review first."""
    user = permitted_user(session, actor, "watch.view", None)
    query = select(Watch).where(Watch.team == user.team)
    if not include_ended:
        query = query.where(Watch.ended_at.is_(None), Watch.expires_at > utcnow())
    return list(session.execute(query.order_by(Watch.review_at, Watch.id)).scalars())


def review_watch(session: Session, actor: User | str, watch_id: int, review_at: datetime,
                 expires_at: datetime | None = None) -> Watch:
    """The team decided to keep watching: a new review date (and expiry, within the maximum)."""
    user, watch = _team_watch(session, actor, watch_id, "watch.review")
    if watch.ended_at is not None:
        raise WatchError(f"watch {watch.id} has ended")
    expires_at = expires_at or watch.expires_at
    _check_dates(utcnow(), review_at, expires_at)
    watch.review_at, watch.expires_at = review_at, expires_at
    audit.record(session, user.username, "watch.review", "watch", watch.id, review_at=review_at.isoformat(),
                 expires_at=expires_at.isoformat())
    return watch


def end_watch(session: Session, actor: User | str, watch_id: int, reason: str) -> Watch:
    user, watch = _team_watch(session, actor, watch_id, "watch.review")
    if not str(reason or "").strip():
        raise WatchError("ending a watch needs a reason")
    if watch.ended_at is None:
        watch.ended_at, watch.ended_by, watch.ended_reason = utcnow(), user.username, reason.strip()
        audit.record(session, user.username, "watch.end", "watch", watch.id, reason=watch.ended_reason)
    return watch


def expire_watches(session: Session, now: datetime | None = None, actor: str = MATCH_ACTOR) -> int:
    """End every watch past its expiry date (audited one by one); returns how many."""
    now = now or utcnow()
    expired = session.execute(select(Watch).where(Watch.ended_at.is_(None), Watch.expires_at <= now)).scalars()
    count = 0
    for watch in expired:
        watch.ended_at, watch.ended_by, watch.ended_reason = now, actor, "expired"
        audit.record(session, actor, "watch.expire", "watch", watch.id, expires_at=watch.expires_at.isoformat())
        count += 1
    return count


@dataclass
class AlertRow:
    id: int
    watch_id: int
    kind: str
    label: str
    value: str
    ad_id: int
    ad_version_id: int
    reason: str
    created_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str


def list_alerts(session: Session, actor: User | str, open_only: bool = True, limit: int = 50) -> list[AlertRow]:
    """The acting user's team's alerts, newest first."""
    user = permitted_user(session, actor, "watch.view", None)
    query = (select(WatchAlert, Watch.kind, Watch.label, Watch.value).join(Watch, Watch.id == WatchAlert.watch_id)
             .where(WatchAlert.team == user.team))
    if open_only:
        query = query.where(WatchAlert.acknowledged_at.is_(None))
    rows = session.execute(query.order_by(WatchAlert.id.desc()).limit(limit)).all()
    return [AlertRow(a.id, a.watch_id, kind, label, value, a.ad_id, a.ad_version_id, a.reason, a.created_at,
                     a.acknowledged_at, a.acknowledged_by) for a, kind, label, value in rows]


def open_alert_count(session: Session, team: str) -> int:
    return session.execute(select(func.count(WatchAlert.id)).where(
        WatchAlert.team == team, WatchAlert.acknowledged_at.is_(None))).scalar_one()


def acknowledge_alert(session: Session, actor: User | str, alert_id: int) -> WatchAlert:
    ident = parse_id(alert_id)
    alert = session.get(WatchAlert, ident) if ident is not None else None
    if alert is None:
        raise WatchError(not_found_or_not_allowed("alert", alert_id))
    user = permitted_user(session, actor, "watch.acknowledge", None)
    if alert.team != user.team:
        raise WatchError(not_found_or_not_allowed("alert", alert_id))
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = utcnow(), user.username
        audit.record(session, user.username, "watch.acknowledge", "watch_alert", alert.id,
                     watch_id=alert.watch_id, ad_id=alert.ad_id, ad_version_id=alert.ad_version_id)
    return alert


# --- matching ---------------------------------------------------------------------------------

def matched_through(session: Session) -> int:
    """The newest ad version such that it and every older one are analysed (workers finish out of order)."""
    pending = session.execute(select(func.min(AdVersion.id)).where(AdVersion.analysed_at.is_(None))).scalar()
    if pending is not None:
        return int(pending) - 1
    return int(session.execute(select(func.coalesce(func.max(AdVersion.id), 0))).scalar_one())


def last_matched(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(WatchRun.through_version_id), 0))).scalar_one())


def _entity_matches(session: Session, since: int, through: int, now: datetime) -> list[tuple[Any, ...]]:
    rows = session.execute(
        select(Watch.id, Watch.team, Entity.ad_version_id, Entity.kind, Entity.value, Entity.obfuscated)
        .join(Watch, and_(Watch.kind == Entity.kind, Watch.value == Entity.value))
        .where(Entity.ad_version_id > since, Entity.ad_version_id <= through,
               Entity.ad_version_id > Watch.from_version_id, Entity.kind.in_(ENTITY_KINDS),
               Watch.ended_at.is_(None), Watch.expires_at > now)
    ).all()
    return [(wid, team, vid, f"{kind} {value}" + (" (written disguised)" if hidden else ""))
            for wid, team, vid, kind, value, hidden in rows]


def _active(session: Session, kind: str, now: datetime) -> list[Watch]:
    return list(session.execute(select(Watch).where(
        Watch.kind == kind, Watch.ended_at.is_(None), Watch.expires_at > now)).scalars())


def _photo_matches(session: Session, since: int, through: int, now: datetime,
                   distance: int) -> list[tuple[Any, ...]]:
    watches = _active(session, "photo", now)
    if not watches:
        return []
    # An in-memory band index over the watched hashes, holding every band value within d // 4 bits
    # of each watched band (pigeonhole), so each new photo needs four exact lookups.
    flips = distance // BANDS
    index: list[dict[int, list[tuple[int, Watch]]]] = [defaultdict(list) for _ in range(BANDS)]
    for watch in watches:
        hashed = int(watch.value, 16)
        for band_index, band in zip(index, bands(hashed), strict=True):
            for probe in neighbours(band, flips):
                band_index[probe].append((hashed, watch))
    out = []
    rows = session.execute(select(PhotoHash.ad_version_id, PhotoHash.phash, PhotoHash.mirrored, PhotoHash.band0,
                                  PhotoHash.band1, PhotoHash.band2, PhotoHash.band3)
                           .where(PhotoHash.ad_version_id > since, PhotoHash.ad_version_id <= through))
    for vid, phash, mirrored, *row_bands in rows:
        hashed = None
        seen: set[int] = set()
        for band_index, band in zip(index, row_bands, strict=True):
            for watched, watch in band_index.get(band, ()):
                if watch.id in seen or vid <= watch.from_version_id:
                    continue
                seen.add(watch.id)
                hashed = int(phash, 16) if hashed is None else hashed
                d = hamming(watched, hashed)
                if d <= distance:
                    how = "mirrored photo" if mirrored else "photo"
                    out.append((watch.id, watch.team, vid, f"{how} {phash} within {d} bits of {watch.value}"))
    return out


def _text_matches(session: Session, since: int, through: int, now: datetime) -> list[tuple[Any, ...]]:
    watches = _active(session, "text", now)
    if not watches:
        return []
    texts: dict[int, str] = {}
    by_word: dict[str, set[int]] = defaultdict(set)
    for vid, title, body in session.execute(select(AdVersion.id, AdVersion.title, AdVersion.body)
                                            .where(AdVersion.id > since, AdVersion.id <= through)):
        words = phrase(f"{title}\n{body}")
        texts[vid] = f" {words} "
        for word in set(words.split()):
            by_word[word].add(vid)
    out = []
    for watch in watches:
        # Only the versions holding the phrase's longest word can hold the phrase.
        for vid in by_word.get(max(watch.value.split(), key=len), ()):
            if vid > watch.from_version_id and f" {watch.value} " in texts[vid]:
                out.append((watch.id, watch.team, vid, f"text contains \"{watch.value}\""))
    return out


def match_new(session: Session, since_version_id: int | None = None, now: datetime | None = None,
              photo_distance: int = PHOTO_DISTANCE, actor: str = MATCH_ACTOR) -> MatchResult:
    """Raise alerts for ad versions analysed after `since_version_id` (default: the last run's end).

    Returns the range looked at and how many alerts were new. Safe to run twice: an alert is
    unique per watch and ad version, and the run records how far it got.
    """
    now = now or utcnow()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MATCH_LOCK})
    expire_watches(session, now, actor)
    since = last_matched(session) if since_version_id is None else since_version_id
    through = matched_through(session)
    if through <= since:
        return MatchResult(since, max(through, since), 0)
    found: dict[tuple[int, int], tuple[str, list[str]]] = {}
    for watch_id, team, vid, reason in (_entity_matches(session, since, through, now)
                                        + _photo_matches(session, since, through, now, photo_distance)
                                        + _text_matches(session, since, through, now)):
        entry = found.setdefault((watch_id, vid), (team, []))
        if reason not in entry[1]:
            entry[1].append(reason)
    if found:
        existing = {tuple(r) for r in session.execute(select(WatchAlert.watch_id, WatchAlert.ad_version_id).where(
            WatchAlert.ad_version_id > since, WatchAlert.ad_version_id <= through))}
        versions = sorted({vid for _, vid in found})
        ad_of = {}
        for start in range(0, len(versions), 5000):
            chunk = versions[start:start + 5000]
            ad_of.update(tuple(r) for r in session.execute(
                select(AdVersion.id, AdVersion.ad_id).where(AdVersion.id.in_(chunk))))
        rows = [{"watch_id": wid, "ad_version_id": vid, "ad_id": ad_of[vid], "team": team,
                 "reason": "; ".join(reasons), "created_at": now, "acknowledged_by": ""}
                for (wid, vid), (team, reasons) in sorted(found.items()) if (wid, vid) not in existing]
    else:
        rows = []
    if rows:
        session.execute(insert(WatchAlert.__table__), rows)  # Core executemany: no ORM bookkeeping
    session.add(WatchRun(at=now, through_version_id=through, alerts=len(rows)))
    audit.record(session, actor, "watch.match", "watch_run", "", since_version_id=since,
                 through_version_id=through, alerts=len(rows))
    return MatchResult(since, through, len(rows))
