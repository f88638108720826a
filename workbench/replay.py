"""A stored capture replayed as an inert document: no script, no network, no live links.

``replay_document`` is pure: it takes the captured body and the images kept of the ad, and
returns HTML to put in an ``<iframe sandbox="">`` (``sandboxed_frame``). Three layers keep the
replay from reaching the site (which would reveal the analyst to it):

1. an allowlist sanitiser: only known harmless tags and attributes pass; script, frames,
   objects, SVG, forms' targets, ``<link>``, ``<base>``, ``<meta>``, every ``on*`` handler,
   every ``href``/``src``/``srcset``, and every ``url(...)``/``@import`` in CSS are dropped;
2. ``<img src>`` becomes a ``data:`` URI of the kept bytes (``store_images``) or a placeholder;
3. a Content-Security-Policy in the document (``default-src 'none'; img-src data:;
   style-src 'unsafe-inline'``) and the empty sandbox (no scripts, no forms, no navigation).

``load_replay`` reads the WARC record of a capture and checks its SHA-256 against the one stored.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.schema import AdVersion, Capture
from core.settings import Settings

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
FRAME_NAME = "signalstack-replay"
MAX_BODY_BYTES = 5_000_000  # a replay is for reading one ad page, not for archives

# Tags shown as they are (attributes still filtered); any other tag is dropped and its text kept.
_KEEP = frozenset("""
a abbr address article aside b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn
div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd label legend li main mark nav
ol p pre q s samp section small span strong style sub summary sup table tbody td tfoot th thead time tr tt u ul var
fieldset
""".split())
# Dropped together with everything inside them.
_DROP_WITH_CONTENT = frozenset("""
script noscript template iframe frame frameset object embed applet svg math canvas audio video source track
title select textarea button form input option datalist portal
""".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_ATTRS = frozenset("alt title class id lang dir colspan rowspan width height align valign style datetime".split())
_CSS_URL = re.compile(r"url\s*\([^)]*\)|@import[^;]*;?|expression\s*\(|image-set\s*\([^)]*\)", re.I)
_ABSOLUTE_URL = re.compile(r"\b(?:https?|ftp|wss?)://[^\s\"'<>)]+", re.I)

PLACEHOLDER = "data:image/svg+xml;base64," + base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120" viewBox="0 0 160 120">'
    b'<rect width="160" height="120" fill="#e2e8f0" stroke="#a0aec0"/>'
    b'<path d="M40 85 L70 50 L95 75 L110 62 L125 85 Z" fill="#a0aec0"/>'
    b'<circle cx="112" cy="42" r="9" fill="#a0aec0"/></svg>').decode("ascii")


def safe_css(css: str) -> str:
    """CSS without anything that fetches (``url()``, ``@import``, ``image-set()``) or runs code."""
    return _CSS_URL.sub("", css).replace("</", "<\\/")


def without_urls(text: str) -> str:
    """Text with absolute URLs replaced by their host only, as plain words (never a link)."""
    return _ABSOLUTE_URL.sub(lambda m: "[" + m.group(0).split("/")[2] + "]", text)


class _Sanitiser(HTMLParser):
    def __init__(self, image_src: Any) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping: list[str] = []  # the stack of tags being dropped with their content
        self.in_style = False
        self.image_src = image_src

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag in _DROP_WITH_CONTENT and tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag in _DROP_WITH_CONTENT:
            if tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag not in _KEEP:
            return
        kept = []
        for name, value in attrs:
            name = name.lower()
            if name not in _ATTRS or value is None:
                continue
            if name == "style":
                value = safe_css(value)
            kept.append(f' {name}="{html.escape(without_urls(value), quote=True)}"')
        if tag == "img":
            src = dict(attrs).get("src") or ""
            kept.append(f' src="{html.escape(self.image_src(src), quote=True)}"')
        if tag == "style":
            self.in_style = True
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.dropping and tag in _KEEP:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in _KEEP and tag not in _VOID:
            if tag == "style":
                self.in_style = False
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        self.out.append(safe_css(data) if self.in_style else html.escape(without_urls(data), quote=False))


def sanitised_body(markup: str, image_src: Any = lambda _src: PLACEHOLDER) -> str:
    """`markup` reduced to inert HTML; `image_src(src)` gives each image's new (``data:``) source."""
    parser = _Sanitiser(image_src)
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


def replay_document(markup: str, page_url: str = "", images: dict[str, str] | None = None) -> str:
    """The whole document to put in the sandboxed frame.

    `images` maps an image's absolute URL to a ``data:`` URI of its kept bytes; an image without
    one shows as a grey placeholder."""
    images = images or {}

    def image_src(src: str) -> str:
        found = images.get(urljoin(page_url, src.strip())) if src.strip() else None
        return found if found and found.startswith("data:image/") else PLACEHOLDER

    return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="referrer" content="no-referrer">'
            "<style>body{font-family:sans-serif;margin:12px}img{max-width:100%}</style>"
            f"</head><body>{sanitised_body(markup, image_src)}</body></html>")


def sandboxed_frame(document: str, height: int = 640) -> str:
    """An ``<iframe sandbox="">`` (no scripts, forms, popups or navigation) holding `document`.

    Streamlit's own iframes allow scripts, so the replay goes one frame deeper, into one that allows
    nothing; the outer frame holds only this tag."""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            '<style>html,body{margin:0}iframe{border:1px solid #cbd5e0;width:100%;box-sizing:border-box}</style>'
            f'</head><body><iframe name="{FRAME_NAME}" title="capture replay" sandbox="" referrerpolicy="no-referrer" '
            f'csp="{CSP}" height="{int(height)}" srcdoc="{html.escape(document, quote=True)}"></iframe>'
            "</body></html>")


# ---- reading the capture --------------------------------------------------------------------------


@dataclass
class Replay:
    capture_id: int
    url: str
    fetched_at: datetime
    http_status: int
    sha256: str
    warc_file: str | None
    warc_offset: int | None
    warc_record_id: str | None
    ad_ids: list[int] = field(default_factory=list)
    status: str = "ok"  # ok · no_warc · missing_file · unreadable · altered
    digest_matches: bool | None = None
    content_type: str = ""
    document: str = ""
    images_kept: int = 0
    images_total: int = 0


def _decoded(payload: bytes, headers: Any) -> str:
    encoding = (headers.get_header("Content-Encoding") or "").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        payload = zlib.decompressobj(47 if "gzip" in encoding else zlib.MAX_WBITS).decompress(
            payload, MAX_BODY_BYTES)
    content_type = headers.get_header("Content-Type") or ""
    charset = re.search(r"charset=([\w.-]+)", content_type, re.I)
    if charset is None:
        charset = re.search(rb"<meta[^>]+charset=[\"']?([\w.-]+)", payload[:4096], re.I)
    name = charset.group(1) if charset else "utf-8"
    name = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        return payload[:MAX_BODY_BYTES].decode(name, errors="replace")
    except LookupError:
        return payload[:MAX_BODY_BYTES].decode("utf-8", errors="replace")


def _image_mime(data: bytes) -> str:
    for magic, mime in ((b"\x89PNG", "image/png"), (b"\xff\xd8", "image/jpeg"), (b"GIF8", "image/gif"),
                        (b"RIFF", "image/webp")):
        if data.startswith(magic):
            return mime
    return ""


def kept_images(settings: Settings, page_url: str, images: list[dict[str, Any]]) -> dict[str, str]:
    """Absolute image URL -> ``data:`` URI, for the images whose bytes were kept (``store_images``)."""
    root = (settings.data_path / "images").resolve()
    out: dict[str, str] = {}
    for image in images:
        stored = image.get("stored") if isinstance(image, dict) else None
        if not stored or not image.get("url"):
            continue
        path = (root / str(stored)).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            continue
        data = path.read_bytes()
        mime = _image_mime(data)
        if mime and hashlib.sha256(data).hexdigest() == image.get("sha256", hashlib.sha256(data).hexdigest()):
            out[urljoin(page_url, str(image["url"]))] = f"data:{mime};base64,{base64.b64encode(data).decode()}"
    return out


def load_replay(session: Session, settings: Settings, capture_id: int) -> Replay | None:
    """The capture's provenance and, when its WARC record is readable and unaltered, its inert replay."""
    from crawlers.capture import read_response

    capture = session.get(Capture, capture_id)
    if capture is None:
        return None
    versions = list(session.execute(select(AdVersion).where(AdVersion.capture_id == capture_id)
                                    .order_by(AdVersion.id).limit(20)).scalars())
    replay = Replay(capture.id, capture.url, capture.fetched_at, capture.http_status, capture.sha256,
                    capture.warc_file, capture.warc_offset, capture.warc_record_id,
                    sorted({v.ad_id for v in versions}), content_type=capture.content_type or "")
    if not capture.warc_file or capture.warc_offset is None:
        replay.status = "no_warc"
        return replay
    path = settings.warc_path(capture.warc_file)
    if not path.is_file():
        replay.status = "missing_file"
        return replay
    try:
        record = read_response(Path(path), capture.warc_offset)
        payload = record.raw_stream.read(MAX_BODY_BYTES * 4)
        text = _decoded(payload, record.http_headers)
    except (ValueError, OSError, zlib.error) as exc:
        replay.status = "unreadable"
        replay.document = str(exc)
        return replay
    replay.digest_matches = hashlib.sha256(payload).hexdigest() == capture.sha256
    if not replay.digest_matches:
        replay.status = "altered"
        return replay
    images = [i for v in versions for i in (v.images or []) if isinstance(i, dict)]
    kept = kept_images(settings, capture.url, images)
    replay.images_kept, replay.images_total = len(kept), len({i.get("url") for i in images if i.get("url")})
    replay.document = replay_document(text, capture.url, kept)
    return replay
