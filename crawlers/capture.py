"""Evidence-grade capture: every HTTP exchange is written to WARC as it came off the wire.

``WarcCaptureMiddleware`` is a downloader middleware at priority 950. Scrapy calls
``process_response`` from the highest priority down, so this one sees each response
before HttpCompressionMiddleware (590) decodes it and before RedirectMiddleware (600)
follows it: the body is stored with its original Content-Encoding, and redirects are kept
as the exchanges they were. ``process_request`` runs last on the way out, so the request
record shows the headers as sent.

Per response it writes three records into the current ``.warc.gz`` (one gzip member
each, flushed at once, so a killed crawl leaves only whole records):
- ``response`` (WARC-Payload-Digest is SHA-256 of the payload as received),
- ``request`` (WARC-Concurrent-To the response),
- ``metadata`` (crawl job, purpose, legal basis, software version).

It puts ``request.meta["capture"]`` = {sha256, size, warc_file, warc_offset,
warc_record_id}; the capture pipeline stores that in the ``captures`` table for each ad
page. Everything else fetched (robots.txt, listing pages, images, failed pages) is in the
WARC files only. ``warc_file`` is relative to ``<data_dir>/warc/``; every process writes
its own files, so a resumed or parallel crawl never appends to a file another one left. With the
setting ``warc_capture`` off, only the digest and size are recorded (for benchmarks).

Scrapy has already removed chunked transfer encoding; the original header is kept as
``X-Archive-Orig-Transfer-Encoding`` so that replay tools do not try to de-chunk again.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def sha256_label(digest: bytes) -> str:
    return "sha256:" + base64.b32encode(digest).decode("ascii")


@dataclass
class CaptureRef:
    sha256: str
    size: int
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_record_id: str | None = None


def _header_pairs(headers: Any) -> list[tuple[str, str]]:
    pairs = []
    for name, values in headers.items():
        key = name.decode("latin-1")
        if key.lower() == "transfer-encoding":
            key = "X-Archive-Orig-Transfer-Encoding"
        for value in values:
            pairs.append((key, value.decode("latin-1")))
    return pairs


class RotatingWarcWriter:
    """Appends records to ``<folder>/<prefix>-<n>.warc.gz``, starting a new file past ``max_bytes``."""

    def __init__(self, root: Path, subdir: str, prefix: str, max_bytes: int, info: dict[str, str]):
        self.root = root
        self.folder = root / subdir
        self.subdir = subdir
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.info = info
        self.sequence = 0
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._name = ""

    def _open(self) -> None:
        self.close()
        self.sequence += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        self._name = f"{self.prefix}-{self.sequence:05d}.warc.gz"
        self._file = open(self.folder / self._name, "ab")  # kept open across records
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        self._writer.write_record(self._writer.create_warcinfo_record(self._name, self.info))

    def _ensure_file(self) -> tuple[WARCWriter, BinaryIO]:
        if self._file is None or self._file.tell() >= self.max_bytes:
            self._open()
        assert self._writer is not None and self._file is not None
        return self._writer, self._file

    def write_exchange(self, request: Any, response: Any, metadata: dict[str, str]) -> CaptureRef:
        writer, out = self._ensure_file()
        body = response.body
        digest = hashlib.sha256(body)
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        reason = HTTPStatus(response.status).phrase if response.status in HTTPStatus._value2member_map_ else ""
        protocol = getattr(response, "protocol", None) or "HTTP/1.1"
        resp = writer.create_warc_record(
            response.url, "response", payload=BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders(f"{response.status} {reason}".strip(),
                                          _header_pairs(response.headers), protocol=protocol),
            warc_headers_dict={"WARC-Date": now, "WARC-Payload-Digest": sha256_label(digest.digest()),
                               **({"WARC-IP-Address": str(response.ip_address)} if response.ip_address else {})},
        )
        record_id = resp.rec_headers.get_header("WARC-Record-ID")
        offset = out.tell()
        writer.write_record(resp)
        parts = urlsplit(request.url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        req_headers = [("Host", parts.netloc)] + _header_pairs(request.headers)
        req = writer.create_warc_record(
            request.url, "request", payload=BytesIO(request.body or b""), length=len(request.body or b""),
            http_headers=StatusAndHeaders(f"{request.method} {target} HTTP/1.1", req_headers, protocol=""),
            warc_headers_dict={"WARC-Date": now, "WARC-Concurrent-To": record_id},
        )
        writer.write_record(req)
        fields = "".join(f"{k}: {v}\r\n" for k, v in metadata.items() if v != "").encode("utf-8")
        meta = writer.create_warc_record(
            request.url, "metadata", payload=BytesIO(fields), length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Date": now, "WARC-Concurrent-To": record_id},
        )
        writer.write_record(meta)
        out.flush()
        return CaptureRef(digest.hexdigest(), len(body), f"{self.subdir}/{self._name}", offset, record_id)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = None
        self._writer = None


class WarcCaptureMiddleware:
    def __init__(self, writer: RotatingWarcWriter | None, metadata: dict[str, str]):
        self.writer = writer
        self.metadata = metadata

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcCaptureMiddleware:
        from scrapy import signals

        job = crawler.settings.getdict("SIGNALSTACK_JOB")
        metadata = {
            "crawl-job-id": str(job.get("id", "")),
            "site": str(job.get("site", "")),
            "purpose": str(job.get("purpose", "")),
            "legal-basis": str(job.get("legal_basis", "")),
            "software": str(job.get("software_version", "")),
            "operator": str(job.get("actor", "")),
        }
        writer = None
        if crawler.settings.getbool("SIGNALSTACK_WARC_CAPTURE", True):
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            writer = RotatingWarcWriter(
                Path(crawler.settings.get("SIGNALSTACK_WARC_DIR")),
                str(job.get("site", "site")),
                f"{job.get('site', 'site')}-job{job.get('id', 0)}-{stamp}-{os.getpid()}",
                crawler.settings.getint("SIGNALSTACK_WARC_MAX_BYTES", 100_000_000),
                {"software": metadata["software"], "format": "WARC File Format 1.1",
                 "description": f"crawl job {metadata['crawl-job-id']} of {metadata['site']}",
                 "purpose": metadata["purpose"], "legal-basis": metadata["legal-basis"]},
            )
        middleware = cls(writer, metadata)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        if self.writer is None:
            ref = CaptureRef(hashlib.sha256(response.body).hexdigest(), len(response.body))
        else:
            ref = self.writer.write_exchange(request, response, self.metadata)
        request.meta["capture"] = ref.__dict__
        return response

    def spider_closed(self, spider: Any) -> None:
        if self.writer is not None:
            self.writer.close()


def read_response(path: Path, offset: int) -> ArcWarcRecord:
    """The record stored at ``offset`` (what ``signalstack capture show`` replays)."""
    stream = open(path, "rb")  # the record reads lazily from it; closed by the caller's GC
    stream.seek(offset)
    for record in ArchiveIterator(stream):
        return record
    raise ValueError(f"no WARC record at offset {offset} in {path}")
