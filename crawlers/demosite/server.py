"""The demo web server: three demo sites rendered at request time from a world folder and a day.

Stdlib only (`http.server.ThreadingHTTPServer`), so a slow page never blocks the others.
`serve_in_thread(world_dir)` is the test API; `signalstack demosite serve` runs it in front.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from crawlers.demosite import pages
from crawlers.demosite.hostile import LOOP_PARTNER, ad_prefix
from crawlers.demosite.images import image_bytes
from crawlers.demosite.world import DayView, World

REQUEST_LOG_SIZE = 200_000
ROBOTS = "User-agent: *\nDisallow: /private/\n"
HTML = "text/html; charset=utf-8"
_ID = r"([A-Za-z0-9_-]+)"


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, view: DayView, slow_seconds: float) -> None:
        super().__init__(address, DemoHandler)
        self.view = view
        self.slow_seconds = slow_seconds
        self._log: deque[tuple[str, int]] = deque(maxlen=REQUEST_LOG_SIZE)  # bounded for long demos
        self._lock = threading.Lock()
        self._big: dict[str, bytes] = {}

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[tuple[str, int]]:
        """(path, status) of the requests served so far (a snapshot), so tests can check crawler behaviour."""
        with self._lock:
            return list(self._log)

    def log(self, path: str, status: int) -> None:
        with self._lock:
            self._log.append((path, status))

    def big(self, site: str) -> bytes:
        with self._lock:
            if site not in self._big:
                self._big[site] = pages.big_page(site).encode()
            return self._big[site]


class DemoHandler(BaseHTTPRequestHandler):
    server: DemoServer
    server_version = "signalstack-demosite/1"
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle's algorithm on a kept-alive connection the
    # body then waits for the client's delayed ACK (~40 ms a response). Web servers set TCP_NODELAY.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args) -> None:  # the stdlib's signature
        pass  # the request log is kept on the server object instead of stderr noise

    # --- responses -------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str = HTML, headers: dict | None = None) -> None:
        self._responded = True
        # Logged before the answer goes out: a client that has its page may look at the log at once.
        self.server.log(self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _html(self, text: str | None, site: str = "classic") -> None:
        if text is None:
            self._send(404, pages.error_page(site, 404).encode())
        else:
            self._send(200, text.encode("utf-8"))

    def _redirect(self, location: str) -> None:
        self._send(302, b"", headers={"Location": location})

    def do_HEAD(self) -> None:  # http.server's naming
        self.do_GET()

    def do_GET(self) -> None:
        self._responded = False
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away (crawlers cancel oversized downloads)
        except Exception as exc:  # a bug must not leave a crawler waiting on a dead connection
            self.server.handle_error(self.request, self.client_address)
            if not self._responded:
                self._send(500, pages.error_page("classic", 500).encode(),
                           headers={"X-Error": type(exc).__name__})

    # --- routing ---------------------------------------------------------------------------------
    def _route(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        view = self.server.view
        if path == "/robots.txt":
            return self._send(200, ROBOTS.encode(), "text/plain; charset=utf-8")
        if path == "/":
            return self._html(pages.index_page())
        if path.startswith("/img/"):
            return self._image(path[len("/img/") :])
        if path.startswith("/private/"):
            return self._html(pages.private_page(path.split("/")[2] if path.count("/") > 2 else "classic"))
        site = path.split("/")[1] if path.count("/") >= 1 else ""
        if site not in ("classic", "profiles", "search"):
            return self._html(None)
        m = re.fullmatch(rf"/{site}/calendar/(\d{{4}})/(\d{{2}})", path)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            return self._html(pages.calendar_page(site, year, month) if 1 <= month <= 12 else None, site)
        if site == "classic":
            return self._classic(path, view)
        if site == "profiles":
            return self._profiles(path, query, view)
        return self._search(path, query, view)

    def _page_number(self, query: dict) -> int | None:
        raw = query.get("page", ["1"])[0]
        return int(raw) if raw.isdigit() and int(raw) >= 1 else None

    def _hostile_token(self, site: str, token: str) -> bool:
        """Serve a hostile non-ad URL; False if `token` is not one."""
        if token == "h-big":
            self._send(200, self.server.big(site))
        elif token == "h-loop":
            self._redirect(f"{ad_prefix(site)}{LOOP_PARTNER}")
        elif token == LOOP_PARTNER:
            self._redirect(f"{ad_prefix(site)}h-loop")
        elif token == "h-gone":
            self._send(404, pages.error_page(site, 404).encode())
        elif token == "h-error":
            self._send(500, pages.error_page(site, 500).encode())
        else:
            return False
        return True

    def _ad(self, site: str, ad_id: str, render) -> None:
        ad = self.server.view.get(site, ad_id)
        if ad is None:
            return self._html(None, site)
        if ad.page == "slow":
            time.sleep(self.server.slow_seconds)
        malformed = ad.page == "malformed"
        if ad.page == "charset_missing":
            body = render(ad, malformed=False, charset=False).encode("utf-8")
            return self._send(200, body, "text/html")
        text = render(ad, malformed=malformed, charset=True)
        if ad.page == "charset_wrong":
            return self._send(200, text.encode("cp1252", errors="xmlcharrefreplace"), HTML)
        return self._send(200, text.encode("utf-8"))

    def _base_url(self) -> str:
        return f"http://{self.headers.get('Host') or self.server.url.split('//', 1)[1]}"

    def _classic(self, path: str, view: DayView) -> None:
        if path in ("/classic", "/classic/"):
            return self._html(pages.classic_listing(view, 1), "classic")
        m = re.fullmatch(r"/classic/page/(\d+)", path)
        if m:
            number = int(m.group(1))
            return self._html(pages.classic_listing(view, number) if number >= 1 else None, "classic")
        m = re.fullmatch(rf"/classic/ad/{_ID}", path)
        if m:
            if self._hostile_token("classic", m.group(1)):
                return None
            return self._ad("classic", m.group(1), lambda ad, **kw: pages.classic_detail(ad, view.day, **kw))
        return self._html(None, "classic")

    def _profiles(self, path: str, query: dict, view: DayView) -> None:
        if path in ("/profiles", "/profiles/"):
            return self._html(pages.profiles_listing(view), "profiles")
        if path == "/profiles/api/list":
            raw = query.get("offset", ["0"])[0]
            if not raw.isdigit():
                return self._send(400, b'{"error": "offset must be a whole number"}', "application/json")
            return self._send(200, pages.profiles_api(view, int(raw)).encode(), "application/json")
        m = re.fullmatch(rf"/profiles/p/{_ID}", path)
        if m:
            token = m.group(1)
            if self._hostile_token("profiles", token):
                return None
            ad_id = token.rsplit("-", 1)[-1]
            ad = view.get("profiles", ad_id)
            if ad is not None and ad.url != path:
                return self._redirect(ad.url)  # a wrong slug goes to the profile's own address
            base = self._base_url()
            return self._ad("profiles", ad_id, lambda ad, **kw: pages.profiles_detail(ad, base, **kw))
        return self._html(None, "profiles")

    def _search(self, path: str, query: dict, view: DayView) -> None:
        base = self._base_url()
        if path in ("/search", "/search/"):
            number = self._page_number(query)
            return self._html(pages.search_results(view, number) if number else None, "search")
        m = re.fullmatch(r"/search/city/([a-z0-9-]+)", path)
        if m:
            number = self._page_number(query)
            return self._html(pages.search_results(view, number, m.group(1)) if number else None, "search")
        m = re.fullmatch(rf"/search/ad/{_ID}", path)
        ad_id = m.group(1) if m else (query.get("id", [""])[0] if path == "/search/item" else "")
        if m and self._hostile_token("search", ad_id):
            return None
        if ad_id:
            return self._ad("search", ad_id, lambda ad, **kw: pages.search_detail(ad, base, **kw))
        return self._html(None, "search")

    def _image(self, name: str) -> None:
        found = self.server.view.world.images.get(name)
        if found is None:
            return self._html(None)
        data = image_bytes(self.server.view.world.seed, *found)
        return self._send(200, data, "image/jpeg", {"Cache-Control": "max-age=86400"})


def make_server(world_dir: Path | str, day: int | None = None, host: str = "127.0.0.1", port: int = 0,
                slow_seconds: float = 3.0) -> DemoServer:
    """A bound server (not yet serving); raises WorldFolderError for a bad folder or day, OSError if the
    port is taken."""
    view = World(world_dir).day_view(day)
    return DemoServer((host, port), view, slow_seconds)


@contextmanager
def running_server(world_dir: Path | str, day: int | None = None, port: int = 0,
                   slow_seconds: float = 3.0, host: str = "127.0.0.1") -> Iterator[DemoServer]:
    """The server object (with `.url` and `.requests`), serving in a background thread."""
    server = make_server(world_dir, day, host, port, slow_seconds)
    thread = threading.Thread(target=server.serve_forever, name="demosite", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def serve_in_thread(world_dir: Path | str, day: int | None = None, port: int = 0,
                    slow_seconds: float = 3.0) -> Iterator[str]:
    """Serve the world in a background thread; yields the base URL (``http://127.0.0.1:<port>``)."""
    with running_server(world_dir, day, port, slow_seconds) as server:
        yield server.url

