"""The ORM schema: one table per thing an investigator may have to account for.

Times are stored as timezone-aware UTC. Every table that the workbench edits
carries who and when. The audit log is append-only (see ``audit.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Always hand out aware UTC datetimes, also from SQLite (which forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Site(Base):
    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    base_url: Mapped[str] = mapped_column(String(500))
    country: Mapped[str] = mapped_column(String(2), default="NL")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CrawlJob(Base):
    __tablename__ = "crawl_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    started_by: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="running")  # running|finished|failed
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    pages: Mapped[int] = mapped_column(default=0)
    items: Mapped[int] = mapped_column(default=0)
    errors: Mapped[int] = mapped_column(default=0)
    bytes: Mapped[int] = mapped_column(default=0)
    software_version: Mapped[str] = mapped_column(String(40), default="")
    site: Mapped[Site] = relationship()


class Capture(Base):
    """One fetched page as evidence: what came off the wire, when, and its digest."""

    __tablename__ = "captures"
    id: Mapped[int] = mapped_column(primary_key=True)
    crawl_job_id: Mapped[int] = mapped_column(ForeignKey("crawl_jobs.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column()
    http_status: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(default=0)
    warc_file: Mapped[str | None] = mapped_column(Text, default=None)
    warc_offset: Mapped[int | None] = mapped_column(default=None)
    warc_record_id: Mapped[str | None] = mapped_column(String(100), default=None)
    unmapped: Mapped[dict[str, Any]] = mapped_column(default=dict)  # fields the adapter did not map


class Ad(Base):
    __tablename__ = "ads"
    __table_args__ = (UniqueConstraint("site_id", "site_ad_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    site_ad_id: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    site: Mapped[Site] = relationship()
    versions: Mapped[list[AdVersion]] = relationship(
        back_populates="ad", order_by="AdVersion.version_no", cascade="all, delete-orphan"
    )

    @property
    def current(self) -> AdVersion:
        return self.versions[-1]


class AdVersion(Base):
    """One content of an ad; a new row whenever the content hash differs from the newest version
    (a return to an earlier content, A -> B -> A, is a third version: the edits as they happened)."""

    __tablename__ = "ad_versions"
    __table_args__ = (UniqueConstraint("ad_id", "version_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ad_id: Mapped[int] = mapped_column(ForeignKey("ads.id", ondelete="CASCADE"), index=True)
    version_no: Mapped[int] = mapped_column(default=1)
    capture_id: Mapped[int | None] = mapped_column(ForeignKey("captures.id"), default=None)
    content_sha256: Mapped[str] = mapped_column(String(64))
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    age_text: Mapped[str] = mapped_column(String(50), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phones_text: Mapped[str] = mapped_column(Text, default="")
    posted_at: Mapped[str] = mapped_column(String(50), default="")
    images: Mapped[list[Any]] = mapped_column(default=list)
    analysed_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    lang: Mapped[str] = mapped_column(String(10), default="")
    ad: Mapped[Ad] = relationship(back_populates="versions")
    capture: Mapped[Capture | None] = relationship()

    @property
    def text(self) -> str:
        """The text NLP reads; offsets of entities and indicator hits point into this."""
        return analysis_text(self.title, self.body)


def analysis_text(title: str, body: str) -> str:
    return f"{title}\n{body}" if title else body


class Entity(Base):
    """Something an analyst can pivot on: phone, e-mail, handle, age, url, city, price."""

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_kind_value", "kind", "value"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ad_version_id: Mapped[int] = mapped_column(ForeignKey("ad_versions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(300))
    platform: Mapped[str] = mapped_column(String(40), default="")
    start: Mapped[int | None] = mapped_column(default=None)
    end: Mapped[int | None] = mapped_column(default=None)
    obfuscated: Mapped[bool] = mapped_column(Boolean, default=False)


class _HitColumns:
    """What an indicator hit stores, counted (``IndicatorHit``) or held back (``HeldBackHit``)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    ad_version_id: Mapped[int] = mapped_column(ForeignKey("ad_versions.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column()
    end: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")


class IndicatorHit(_HitColumns, Base):
    __tablename__ = "indicator_hits"
    __table_args__ = (Index("ix_indicator_hits_category", "category"),)  # the triage filter by category


class HeldBackHit(_HitColumns, Base):
    """An indicator found in an ad but not counted (``nlp.extract``: ``suppressed``), kept with the reason.

    The reason is ``non_adult_listing``: the ad is a job, camp, school, sale or other ordinary listing
    (``nlp.listing``), where "16-18 jaar" or "24/7" are not signals; or ``site_notice``: a site notice,
    house rule or warning that names signals without offering anyone (``nlp.extract``). The analyst
    sees these on the ad page with the listing verdict, so a wrong veto can be spotted; no score,
    queue, tally or watch reads them.
    """

    __tablename__ = "held_back_hits"
    reason: Mapped[str] = mapped_column(String(40))
    # The listing verdict: method (classifier | rules), adult_probability, cue, the terms that weighed most.
    verdict: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Score(Base):
    __tablename__ = "scores"
    __table_args__ = (UniqueConstraint("ad_version_id", "model_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ad_version_id: Mapped[int] = mapped_column(ForeignKey("ad_versions.id", ondelete="CASCADE"), index=True)
    model_version: Mapped[str] = mapped_column(String(60))
    risk: Mapped[float] = mapped_column(Float, index=True)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    reasons: Mapped[list[Any]] = mapped_column(default=list)  # plain-language contributions
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Cluster(Base):
    __tablename__ = "clusters"
    __table_args__ = (UniqueConstraint("kind", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # text | network
    key: Mapped[str] = mapped_column(String(100))  # stable id across runs
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ClusterMember(Base):
    __tablename__ = "cluster_members"
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True)
    ad_id: Mapped[int] = mapped_column(ForeignKey("ads.id", ondelete="CASCADE"), primary_key=True, index=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), default="analyst")
    team: Mapped[str] = mapped_column(String(100), default="default")
    lang: Mapped[str] = mapped_column(String(5), default="nl")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when an administrator resets the password: the next sign-in must choose a new one.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class ReviewDecision(Base):
    """An analyst's decision on a flagged ad version; never overwritten, only superseded."""

    __tablename__ = "review_decisions"
    __table_args__ = (Index("ix_review_decisions_team_status", "team", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ad_id: Mapped[int] = mapped_column(ForeignKey("ads.id"), index=True)
    ad_version_id: Mapped[int] = mapped_column(ForeignKey("ad_versions.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(String(20))  # confirm | dismiss | urgent
    reason: Mapped[str] = mapped_column(Text, default="")
    # The decider's team at the time: only that team (and auditors) may read the decision.
    team: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # final, or proposed: a downgrade of an escalation waiting for a coordinator (four eyes).
    status: Mapped[str] = mapped_column(String(20), default="final", server_default="final")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("review_decisions.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[User] = relationship()


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(Text)
    team: Mapped[str] = mapped_column(String(100), default="default")
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | closed
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    signals: Mapped[list[CaseSignal]] = relationship(back_populates="case", order_by="CaseSignal.id")


class CaseSignal(Base):
    """One stacked signal in a case: who added it, when, from which source."""

    __tablename__ = "case_signals"
    __table_args__ = (UniqueConstraint("case_id", "ad_version_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="ad")  # ad | note | enrichment
    ad_id: Mapped[int | None] = mapped_column(ForeignKey("ads.id"), default=None)
    ad_version_id: Mapped[int | None] = mapped_column(ForeignKey("ad_versions.id"), default=None)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("review_decisions.id"), default=None)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    case: Mapped[Case] = relationship(back_populates="signals")


class Dossier(Base):
    """Stacked signals about one subject (a phone number, a network of linked ads, or an alias)."""

    __tablename__ = "dossiers"
    __table_args__ = (Index("ix_dossiers_subject", "subject_kind", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))  # phone | network | alias
    subject: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str] = mapped_column(String(100), default="default")
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | closed
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    notes: Mapped[list[DossierNote]] = relationship(back_populates="dossier", order_by="DossierNote.id")
    classifications: Mapped[list[Classification]] = relationship(order_by="Classification.id")


class DossierNote(Base):
    """An analyst's note or a partner's enrichment (veredeling), with its source."""

    __tablename__ = "dossier_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="note")  # note | enrichment
    text: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    partner: Mapped[str | None] = mapped_column(String(200), default=None)
    no_information: Mapped[bool] = mapped_column(Boolean, default=False)  # partner asked, knows nothing
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    dossier: Mapped[Dossier] = relationship(back_populates="notes")


class Classification(Base):
    """One colour decision on a dossier; never overwritten, so the history shows every move."""

    __tablename__ = "classifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    colour: Mapped[str] = mapped_column(String(10))  # blauw | groen | oranje | rood
    previous_colour: Mapped[str | None] = mapped_column(String(10), default=None)
    direction: Mapped[str] = mapped_column(String(10))  # initial | up | down | same
    reason: Mapped[str] = mapped_column(Text)
    suggested_colour: Mapped[str] = mapped_column(String(10))
    points_total: Mapped[int] = mapped_column(default=0)
    tally: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the points as shown when deciding
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Append-only, hash-chained log of every view, search, decision and export."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class LoginAttempt(Base):
    """One password sign-in attempt, kept to slow down and lock out guessing (``core.users.verify_login``).

    Not evidence (the audit log records every attempt too), so old rows may be purged.
    """

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_username_at", "username", "at"),
                      Index("ix_login_attempts_client_at", "client", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    username: Mapped[str] = mapped_column(String(100))
    client: Mapped[str] = mapped_column(String(100), default="")
    ok: Mapped[bool] = mapped_column(Boolean, default=False)


class PhotoHash(Base):
    """One perceptual hash of a photo in an ad version: its pHash, and its mirror's as a second row.

    The 64-bit hash is also split into four 16-bit bands, each indexed (multi-index hashing): two
    hashes within Hamming distance d agree on some band in all but d // 4 bits, so a lookup probes
    each band's few neighbouring values instead of comparing every photo (``core.photos``).
    """

    __tablename__ = "photo_hashes"
    id: Mapped[int] = mapped_column(primary_key=True)
    ad_version_id: Mapped[int] = mapped_column(ForeignKey("ad_versions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)  # index into AdVersion.images
    phash: Mapped[str] = mapped_column(String(16))  # of the photo, or of its mirror image
    mirrored: Mapped[bool] = mapped_column(Boolean, default=False)
    band0: Mapped[int] = mapped_column(Integer, index=True)
    band1: Mapped[int] = mapped_column(Integer, index=True)
    band2: Mapped[int] = mapped_column(Integer, index=True)
    band3: Mapped[int] = mapped_column(Integer, index=True)


class Watch(Base):
    """A phone, e-mail, handle, photo (pHash) or text a team watches; new ads that match raise alerts.

    Nothing is watched forever: every watch has an expiry and a review date (``casefiles.watches``).
    ``from_version_id`` is the newest ad version when the watch was made: only later versions alert.
    """

    __tablename__ = "watches"
    __table_args__ = (Index("ix_watches_kind_value", "kind", "value"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # phone | email | handle | photo | text
    value: Mapped[str] = mapped_column(String(300))  # normalised as the entities table stores it
    label: Mapped[str] = mapped_column(String(300), default="")  # as the analyst typed it
    team: Mapped[str] = mapped_column(String(100), index=True)
    owner: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    review_at: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column(index=True)
    from_version_id: Mapped[int] = mapped_column(default=0)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    ended_by: Mapped[str] = mapped_column(String(100), default="")
    ended_reason: Mapped[str] = mapped_column(Text, default="")


class WatchAlert(Base):
    """One new ad version that matched a watch (at most one per watch and version), until acknowledged."""

    __tablename__ = "watch_alerts"
    __table_args__ = (UniqueConstraint("watch_id", "ad_version_id"),
                      Index("ix_watch_alerts_team_acknowledged", "team", "acknowledged_at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id"), index=True)
    ad_version_id: Mapped[int] = mapped_column(ForeignKey("ad_versions.id", ondelete="CASCADE"), index=True)
    ad_id: Mapped[int] = mapped_column(ForeignKey("ads.id", ondelete="CASCADE"))
    team: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)  # why it matched, in plain words
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column(default=None)
    acknowledged_by: Mapped[str] = mapped_column(String(100), default="")


class SavedSearch(Base):
    """A search a team keeps to run again: its input, the kind it was searched as, and the facet filters.

    Owned by whoever saved it and shared with their team; it can become a watch (``casefiles.savedsearch``).
    """

    __tablename__ = "saved_searches"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(100))
    team: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(200))
    query: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="auto")  # a search kind, or "auto" (guess)
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # facet filters, as SearchFilters.as_detail
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WatchRun(Base):
    """One matching run: up to which ad version every version was matched against the watches."""

    __tablename__ = "watch_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    through_version_id: Mapped[int] = mapped_column(Integer)
    alerts: Mapped[int] = mapped_column(Integer, default=0)


class Claim(Base):
    """Who is working on an ad right now, so two analysts do not review the same ad at once.

    One row per ad at most. A claim lapses at ``expires_at`` (setting ``claim_minutes``); an
    expired row is ignored and overwritten by the next claim (``casefiles.claims``).
    """

    __tablename__ = "claims"
    ad_id: Mapped[int] = mapped_column(ForeignKey("ads.id", ondelete="CASCADE"), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    team: Mapped[str] = mapped_column(String(100))
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    assigned_by: Mapped[str] = mapped_column(String(100), default="")


class UserSession(Base):
    """One signed-in browser (``core.sessions``): only the sha256 of its cookie's random id is kept.

    A session ends when revoked (sign-out, "sign out everywhere", an admin) or when it lapses: idle
    for longer than ``session_idle_minutes``, or older than ``session_max_hours``. The first request
    that finds it lapsed marks it revoked with the reason (``idle`` or ``expired``).
    """

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the cookie value
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()  # the absolute end, however active the session
    client: Mapped[str] = mapped_column(String(100), default="")
    user_agent: Mapped[str] = mapped_column(String(300), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_reason: Mapped[str] = mapped_column(String(20), default="")  # signout | everywhere | admin | idle | expired
    revoked_by: Mapped[str] = mapped_column(String(100), default="")
