"""Helpers (no tests): a small stored world of ads with chosen ages, flags, decisions and captures."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from core.schema import Ad, AdVersion, Capture, CrawlJob, Entity, IndicatorHit, Score, Site, User
from core.users import add_user


def make_site(session: Session, name: str = "classic") -> tuple[Site, CrawlJob]:
    site = Site(name=name, base_url=f"http://127.0.0.1/{name}/")
    session.add(site)
    session.flush()
    job = CrawlJob(site_id=site.id, started_by="crawler", purpose="reverse escort: signs of minors",
                   legal_basis="Wpg art. 8", status="finished")
    session.add(job)
    session.flush()
    return site, job


def make_ad(session: Session, site: Site, job: CrawlJob, key: str, seen: datetime, flagged: bool = False,
            age: int = 25, phone: str = "+31612345678", warc_file: str = "a.warc.gz", versions: int = 1) -> Ad:
    ad = Ad(site_id=site.id, site_ad_id=key, url=f"{site.base_url}ad/{key}", first_seen=seen, last_seen=seen)
    session.add(ad)
    session.flush()
    for n in range(1, versions + 1):
        body = f"Anna {age}, Utrecht, bel {phone} ({key} v{n})"
        capture = Capture(crawl_job_id=job.id, url=ad.url, fetched_at=seen, http_status=200,
                          sha256=hashlib.sha256(body.encode()).hexdigest(), size=len(body), warc_file=warc_file,
                          warc_offset=n)
        session.add(capture)
        session.flush()
        version = AdVersion(ad_id=ad.id, version_no=n, capture_id=capture.id,
                            content_sha256=hashlib.sha256(body.encode()).hexdigest(), captured_at=seen,
                            title=f"Anna {key}", body=body, name="Anna", age_text=str(age), city="Utrecht",
                            phones_text=phone, images=[{"sha256": hashlib.sha256(key.encode()).hexdigest()}])
        session.add(version)
        session.flush()
        session.add_all([
            Entity(ad_version_id=version.id, kind="phone", value=phone),
            Entity(ad_version_id=version.id, kind="age", value=str(age)),
            IndicatorHit(ad_version_id=version.id, code="always_available", category="coercion", start=0, end=4,
                         text="24/7", weight=0.2),
            Score(ad_version_id=version.id, model_version="m1", risk=0.9 if flagged else 0.1, flagged=flagged),
        ])
    session.flush()
    return ad


def make_users(session: Session) -> dict[str, User]:
    return {name: add_user(session, name, "long enough password", role=role)
            for name, role in (("anna", "analyst"), ("cora", "coordinator"))}


TEMPLATES = (
    "{name} {age}, nieuw in de stad {city}. Altijd beschikbaar, 24/7. Bel {phone}.",
    "Hoi ik ben {name}, {age} jaar, alleen deze week in {city}. Afspraak via {phone}.",
    "{name} ({age}) in {city}: ontspannen afspraak, discreet. Contact {phone}.",
    "New in town: {name}, {age}, {city}. Booking via my manager {phone}. 100% real.",
)
NAMES = ("Anna", "Bo", "Chantal", "Daisy", "Eva", "Fleur", "Gina", "Hanna")
CITIES = ("Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Zwolle")


def populate(session: Session, n: int, warc_file: str | None = None) -> list[int]:
    """`n` synthetic ads, one version each, in few templates and phones so that clusters form."""
    site, job = make_site(session, "bulk")
    ads = []
    for i in range(n):
        ads.append(Ad(site_id=site.id, site_ad_id=f"b{i}", url=f"{site.base_url}ad/b{i}"))
    session.add_all(ads)
    session.flush()
    versions = []
    for i, ad in enumerate(ads):
        fields = {"name": NAMES[i % len(NAMES)], "age": 18 + i % 15, "city": CITIES[i % len(CITIES)],
                  "phone": f"06-{12345600 + i % (n // 4 + 1):08d}"}
        body = TEMPLATES[i % len(TEMPLATES)].format(**fields) + f" Ref {i % 7}."
        versions.append(AdVersion(ad_id=ad.id, version_no=1, content_sha256=hashlib.sha256(body.encode()).hexdigest(),
                                  title=f"{fields['name']} in {fields['city']}", body=body, name=fields["name"],
                                  age_text=str(fields["age"]), city=fields["city"]))
    session.add_all(versions)
    session.flush()
    return [a.id for a in ads]


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> list[tuple[int, str, str]]:
    """(offset, record id, payload sha256) of one gzip-per-record response per page."""
    out = []
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in pages:
            offset = fh.tell()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
            out.append((offset, record.rec_headers.get_header("WARC-Record-ID"), hashlib.sha256(body).hexdigest()))
    return out


def case_world(session: Session, warc_path: Path, n: int) -> str:
    """`n` confirmed ads with WARC-backed captures stacked in one open case; returns the case number."""
    from casefiles.cases import add_ad, create_case
    from casefiles.review import decide

    users = make_users(session)
    ad_ids = populate(session, n)
    versions = list(session.execute(select(AdVersion).where(AdVersion.ad_id.in_(ad_ids))
                                    .order_by(AdVersion.id)).scalars())
    pages = [(f"http://127.0.0.1:8765/classic/ad/b{i}",
              f"<html><body><h1>{v.title}</h1><div>{v.body}</div></body></html>".encode()) for i, v in enumerate(versions)]
    job_id = session.execute(select(CrawlJob.id)).scalars().first()
    for version, (url, body), (offset, rid, sha) in zip(versions, pages, write_warc(warc_path, pages), strict=True):
        capture = Capture(crawl_job_id=job_id, url=url, fetched_at=version.captured_at, http_status=200,
                          content_type="text/html", sha256=sha, size=len(body), warc_file=str(warc_path),
                          warc_offset=offset, warc_record_id=rid)
        session.add(capture)
        session.flush()
        version.capture_id = capture.id
    case = create_case(session, "Crash-safety case", "default", users["cora"])
    for ad_id in ad_ids:
        decide(session, users["anna"], ad_id, "confirm", "test")
        add_ad(session, case, ad_id, users["cora"])
    return case.number
