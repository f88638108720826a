"""Cut a capture's WARC records out of the crawl WARCs, byte for byte.

Crawl WARCs are gzip-per-record: every record is its own gzip member. A record is
copied as its compressed member, unchanged, so its WARC-Record-ID, WARC-Date and
digests stay exactly as written at capture time. With the response come the records
written with it (request, metadata: ``WARC-Concurrent-To`` the response).
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

_CHUNK = 1 << 16
_MAX_COMPANIONS = 4


class WarcCutError(ValueError):
    pass


@dataclass
class CutRecord:
    record_id: str
    record_type: str
    raw: bytes  # the gzip member exactly as in the crawl WARC


def _member_at(fh: BinaryIO, start: int) -> bytes:
    """The raw gzip member starting at `start` (b"" at end of file)."""
    fh.seek(start)
    head = fh.read(2)
    if not head:
        return b""
    if head != b"\x1f\x8b":
        raise WarcCutError(f"no gzip member at offset {start} (the WARC is not gzip-per-record)")
    fh.seek(start)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts: list[bytes] = []
    while not inflater.eof:
        chunk = fh.read(_CHUNK)
        if not chunk:
            raise WarcCutError(f"gzip member at offset {start} is truncated")
        parts.append(chunk)
        inflater.decompress(chunk)
    raw = b"".join(parts)
    return raw[: len(raw) - len(inflater.unused_data)]


def _headers_of(raw: bytes) -> tuple[str, str, str]:
    """(record id, type, concurrent-to) of one raw member."""
    for record in ArchiveIterator(io.BytesIO(raw)):
        h = record.rec_headers
        return (h.get_header("WARC-Record-ID") or "", h.get_header("WARC-Type") or "",
                h.get_header("WARC-Concurrent-To") or "")
    raise WarcCutError("gzip member holds no WARC record")


def cut_capture(path: Path, offset: int, record_id: str | None) -> list[CutRecord]:
    """The response record at `offset` (it must carry `record_id` when given) and its companions."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise WarcCutError(f"cannot open WARC file {path}: {exc.strerror}") from None
    with fh:
        try:
            raw = _member_at(fh, offset)
        except zlib.error as exc:
            raise WarcCutError(f"{path} at offset {offset}: not a valid gzip member ({exc})") from None
        if not raw:
            raise WarcCutError(f"{path}: offset {offset} is past the end of the file")
        rid, rtype, _ = _headers_of(raw)
        if record_id and rid != record_id:
            raise WarcCutError(f"{path} at offset {offset} holds {rid}, not {record_id}")
        out = [CutRecord(rid, rtype, raw)]
        position = offset + len(raw)
        for _ in range(_MAX_COMPANIONS):
            try:
                nxt = _member_at(fh, position)
            except (WarcCutError, zlib.error):
                break
            if not nxt:
                break
            nid, ntype, concurrent = _headers_of(nxt)
            if concurrent != rid:
                break
            out.append(CutRecord(nid, ntype, nxt))
            position += len(nxt)
    return out


def warcinfo_member(filename: str, info: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(filename, info))
    return buf.getvalue()


@dataclass
class ReadRecord:
    record_id: str
    record_type: str
    target_uri: str
    payload_sha256: str | None  # of the HTTP payload as received (responses only)


def read_records(path: Path) -> Iterator[ReadRecord]:
    """Every record of a WARC with the SHA-256 of its raw HTTP payload (what captures cite)."""
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            h = record.rec_headers
            digest = None
            if h.get_header("WARC-Type") == "response" and record.http_headers is not None:
                sha = hashlib.sha256()
                for chunk in iter(lambda r=record: r.raw_stream.read(_CHUNK), b""):
                    sha.update(chunk)
                digest = sha.hexdigest()
            yield ReadRecord(h.get_header("WARC-Record-ID") or "", h.get_header("WARC-Type") or "",
                             h.get_header("WARC-Target-URI") or "", digest)
