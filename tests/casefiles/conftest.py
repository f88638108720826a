"""A small committed world for case-file tests: users of every role in two teams, one site,
a gzip-per-record WARC written with warcio, captures pointing into it, ads with versions,
entities, indicator hits, scores and review decisions."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from core.db import session_scope
from core.schema import (
    Ad,
    AdVersion,
    Capture,
    CrawlJob,
    Entity,
    IndicatorHit,
    ReviewDecision,
    Score,
    Site,
    User,
)

PHONE = "+31612345678"
OTHER_PHONE = "+31687654321"
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
# Names and hit texts that a spreadsheet would run as formulas.
FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"x\")"
PLUS_TEXT = "+31 6 1234 5678"


@dataclass
class World:
    warc_path: Path
    users: dict[str, int] = field(default_factory=dict)
    ads: dict[str, int] = field(default_factory=dict)
    captures: dict[str, int] = field(default_factory=dict)


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> list[tuple[int, str, str]]:
    """(offset, record id, payload sha256) per page; a request record precedes each response."""
    out = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in pages:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "127.0.0.1")], is_http_request=True))
            writer.write_record(req)
            offset = fh.tell()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
            out.append((offset, record.rec_headers.get_header("WARC-Record-ID"), hashlib.sha256(body).hexdigest()))
    return out


def _user(session, name: str, role: str, team: str) -> User:
    user = User(username=name, password_hash="x", role=role, team=team)
    session.add(user)
    session.flush()
    return user


def _hit(version: AdVersion, code: str, category: str, phrase: str, weight: float) -> IndicatorHit:
    start = version.text.index(phrase)
    return IndicatorHit(ad_version_id=version.id, code=code, category=category, start=start,
                        end=start + len(phrase), text=phrase, weight=weight, source="test lexicon")


@pytest.fixture
def world(settings) -> World:
    warc_dir = settings.data_path / "warc"
    warc_dir.mkdir(parents=True, exist_ok=True)
    warc_path = warc_dir / "crawl-1.warc.gz"
    pages = [
        ("http://127.0.0.1:8765/classic/ad/a1", b"<html><body>Lisa 17, Utrecht, 24/7</body></html>"),
        ("http://127.0.0.1:8765/classic/ad/a1", b"<html><body>Lisa 17, Amsterdam, 24/7 v2</body></html>"),
        ("http://127.0.0.1:8765/classic/ad/a2", b"<html><body>100% echt, Rotterdam</body></html>"),
        ("http://127.0.0.1:8765/classic/ad/a3", b"<html><body>Other ad, Den Haag</body></html>"),
    ]
    records = write_warc(warc_path, pages)
    w = World(warc_path=warc_path)
    with session_scope(settings) as s:
        for name, role, team in (("ana", "analyst", "vice"), ("coco", "coordinator", "vice"),
                                 ("audrey", "auditor", "vice"), ("adam", "admin", "vice"),
                                 ("otto", "analyst", "other"), ("olga", "coordinator", "other")):
            w.users[name] = _user(s, name, role, team).id
        site = Site(name="classic", base_url="http://127.0.0.1:8765/classic/")
        s.add(site)
        s.flush()
        job = CrawlJob(site_id=site.id, started_by="ana", purpose="test", legal_basis="test")
        s.add(job)
        s.flush()
        caps = []
        for i, ((url, body), (offset, rid, sha)) in enumerate(zip(pages, records, strict=True)):
            cap = Capture(crawl_job_id=job.id, url=url, fetched_at=T0 + timedelta(days=i), http_status=200,
                          content_type="text/html", sha256=sha, size=len(body), warc_file=str(warc_path),
                          warc_offset=offset, warc_record_id=rid, unmapped={"ad-extra": "x"})
            s.add(cap)
            s.flush()
            caps.append(cap)
            w.captures[f"c{i}"] = cap.id

        def ad(site_ad_id: str) -> Ad:
            row = Ad(site_id=site.id, site_ad_id=site_ad_id, url=f"http://127.0.0.1:8765/classic/ad/{site_ad_id}",
                     first_seen=T0, last_seen=T0)
            s.add(row)
            s.flush()
            return row

        def version(a: Ad, no: int, cap: Capture, title: str, body: str, name: str, city: str, phone: str,
                    age: str = "") -> AdVersion:
            v = AdVersion(ad_id=a.id, version_no=no, capture_id=cap.id, content_sha256=f"{a.id}-{no}".ljust(64, "0"),
                          captured_at=cap.fetched_at, title=title, body=body, name=name, city=city, age_text=age)
            s.add(v)
            s.flush()
            s.add(Entity(ad_version_id=v.id, kind="phone", value=phone, start=0, end=1))
            s.add(Score(ad_version_id=v.id, model_version="test-1", risk=0.8, flagged=True,
                        reasons=[{"code": "always_available", "contribution": 0.2}]))
            return v

        a1, a2, a3 = ad("a1"), ad("a2"), ad("a3")
        v11 = version(a1, 1, caps[0], "Lisa", "Lisa 17 jaar, Utrecht, 24/7 bereikbaar", "Lisa", "Utrecht", PHONE, "17")
        v12 = version(a1, 2, caps[1], "Lisa", "Lisa 17 jaar, Amsterdam, 24/7 bereikbaar", "Lisa", "Amsterdam",
                      PHONE, "17")
        v2 = version(a2, 1, caps[2], FORMULA_NAME, f"100% echt, Rotterdam. Bel {PLUS_TEXT}", FORMULA_NAME,
                     "Rotterdam", PHONE)
        v3 = version(a3, 1, caps[3], "Mia", "Mia, Den Haag", "Mia", "Den Haag", OTHER_PHONE)
        s.add_all([_hit(v11, "age_under_18", "minor", "17 jaar", 0.9), _hit(v11, "always_available", "coercion",
                                                                             "24/7", 0.3),
                   _hit(v12, "age_under_18", "minor", "17 jaar", 0.9), _hit(v12, "always_available", "coercion",
                                                                             "24/7", 0.3),
                   _hit(v2, "real_photos", "trust", "100% echt", 0.4),
                   _hit(v2, "phone_disguised", "obfuscation", PLUS_TEXT, 0.4)])
        s.flush()
        s.add(ReviewDecision(ad_id=a1.id, ad_version_id=v12.id, user_id=w.users["ana"], team="vice", decision="confirm",
                             reason="stated age 17"))
        s.add(ReviewDecision(ad_id=a2.id, ad_version_id=v2.id, user_id=w.users["ana"], team="vice", decision="urgent",
                             reason="same number"))
        s.add(ReviewDecision(ad_id=a3.id, ad_version_id=v3.id, user_id=w.users["ana"], team="vice", decision="confirm",
                             reason="other"))
        w.ads = {"a1": a1.id, "a2": a2.id, "a3": a3.id}
    return w
