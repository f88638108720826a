"""A tiny stand-in for the demo site in crawler tests: the page contract of the three layouts
over a list of ads that a test can change between crawls, plus a few hostile pages."""

from __future__ import annotations

import gzip
import html
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from urllib.parse import parse_qs, urlsplit

from PIL import Image


def png(shade: int) -> bytes:
    img = Image.new("RGB", (32, 32), (shade, 40, 200 - shade))
    for x in range(16):
        img.putpixel((x, x), (255, 255, 255))
    out = BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def make_ads(n: int, prefix: str = "a") -> list[dict]:
    return [{"id": f"{prefix}{i:04d}", "title": f"Afspraak {i}", "body": f"Hoi, ik ben Eva {i}.\nBel me.\n",
             "name": f"Eva{i}", "age": str(19 + i % 10), "city": ["Utrecht", "Zwolle", "Den Haag"][i % 3],
             "posted": "2026-11-20T10:00:00Z", "images": [f"i{i % 5}.png"]} for i in range(n)]


class MiniSite:
    def __init__(self, ads: list[dict], per_page: int = 20, hostile: bool = False, gzip: bool = False):
        self.ads = ads
        self.gzip = gzip
        self.per_page = per_page
        self.hostile = hostile
        self.images = {f"i{k}.png": png(k * 40) for k in range(5)}
        self.hits: dict[str, int] = {}
        self.broken: set[str] = set()  # ad ids whose detail page answers 500
        self.delay = 0.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- pages ----------------------------------------------------------------------------

    def _page(self, n: int) -> list[dict]:
        return self.ads[(n - 1) * self.per_page: n * self.per_page]

    def _classic_listing(self, n: int) -> str:
        cards = "".join(f'<article class="ad-card"><a class="ad-link" href="/classic/ad/{a["id"]}">'
                        f'{html.escape(a["title"])}</a><span class="ad-city">{a["city"]}</span></article>'
                        for a in self._page(n))
        if self.hostile and n == 1:
            cards += "".join(f'<article class="ad-card"><a class="ad-link" href="/classic/ad/{h}">x</a></article>'
                             for h in ("loop", "err500", "huge", "slow", "badcharset", "missing"))
            cards += '<a href="/classic/calendar/2026-12">agenda</a><a href="/private/x">p</a>'
        nxt = f'<a class="next" rel="next" href="/classic/page/{n + 1}">next</a>' if self._page(n + 1) else ""
        return f"<html><body>{cards}{nxt}</body></html>"

    def _classic_detail(self, ad: dict) -> str:
        imgs = "".join(f'<img class="ad-image" src="/img/{f}">' for f in ad["images"])
        return (f'<html><head><link rel="canonical" href="/classic/ad/{ad["id"]}"></head><body>'
                f'<article class="ad" data-ad-id="{ad["id"]}"><h1 class="ad-title">{html.escape(ad["title"])}</h1>'
                f'<dl class="ad-facts"><dd class="ad-name">{ad["name"]}</dd><dd class="ad-age">{ad["age"]}</dd>'
                f'<dd class="ad-city">{ad["city"]}</dd><dd><time class="ad-posted" datetime="{ad["posted"]}">x</time>'
                f'</dd><dd class="ad-extra">lid sinds 2025</dd></dl>'
                f'<div class="ad-body" style="white-space:pre-wrap">{html.escape(ad["body"])}</div>{imgs}'
                f'</article></body></html>')

    def _profiles_detail(self, ad: dict) -> str:
        data = {"@context": "https://schema.org", "@type": "ProfilePage", "identifier": ad["id"],
                "headline": ad["title"], "text": ad["body"], "datePublished": ad["posted"],
                "image": [f"/img/{f}" for f in ad["images"]],
                "mainEntity": {"@type": "Person", "name": ad["name"], "age": ad["age"],
                               "homeLocation": {"@type": "Place", "name": ad["city"]}}}
        return (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
                f'<body><h1>{html.escape(ad["title"])}</h1></body></html>')

    def _search_listing(self, n: int) -> str:
        items = ""
        for a in self._page(n):
            items += f'<li class="result"><a href="/search/ad/{a["id"]}">{html.escape(a["title"])}</a></li>'
            items += f'<li class="result"><a href="/search/ad/{a["id"]}?from=utrecht">dup</a></li>'
            items += f'<li class="result"><a href="/search/item?id={a["id"]}">dup</a></li>'
        return f'<html><body><ol>{items}</ol><a class="pager-next" href="/search/?page={n + 1}">n</a></body></html>'

    def _search_detail(self, ad: dict) -> str:
        imgs = "".join(f'<img itemprop="image" src="/img/{f}">' for f in ad["images"])
        return (f'<html><head><link rel="canonical" href="{self.base_url}/search/ad/{ad["id"]}"></head><body>'
                f'<div class="advert" data-id="{ad["id"]}" itemscope><h2 itemprop="headline">'
                f'{html.escape(ad["title"])}</h2><span itemprop="name">{ad["name"]}</span>'
                f'<span itemprop="age">{ad["age"]}</span><span itemprop="city">{ad["city"]}</span>'
                f'<time itemprop="datePublished" datetime="{ad["posted"]}">x</time>'
                f'<div itemprop="description" style="white-space:pre-wrap">{html.escape(ad["body"])}</div>'
                f'{imgs}</div></body></html>')

    def route(self, path: str, query: dict) -> tuple[int, str, bytes, dict]:
        by_id = {a["id"]: a for a in self.ads}
        text = "text/html; charset=utf-8"
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}
        if path.startswith("/img/") and path[5:] in self.images:
            return 200, "image/png", self.images[path[5:]], {}
        if path in ("/classic/", "/classic") or path.startswith("/classic/page/"):
            n = int(path.rsplit("/", 1)[1]) if "/page/" in path else 1
            return 200, text, self._classic_listing(n).encode(), {}
        if path.startswith("/classic/ad/"):
            key = path.rsplit("/", 1)[1]
            if self.hostile and key == "loop":
                return 302, text, b"", {"Location": "/classic/ad/loop"}
            if self.hostile and key == "err500":
                return 500, text, b"oops", {}
            if self.hostile and key == "huge":
                return 200, text, b"<html>" + b"x" * (5 * 1024 * 1024 + 10) + b"</html>", {}
            if self.hostile and key == "slow":
                time.sleep(3)
                return 200, text, b"<html>late</html>", {}
            if self.hostile and key == "badcharset":
                return 200, "text/html; charset=klingon", b"<html>\xff\xfe<article class='ad'></html>", {}
            if key in self.broken:
                return 500, text, b"<html>oops</html>", {}
            if key in by_id:
                return 200, text, self._classic_detail(by_id[key]).encode(), {}
        if path == "/profiles/":
            links = "".join(f'<a class="profile-link" href="/profiles/p/x-{a["id"]}">p</a>' for a in self._page(1))
            more = ('<button class="load-more" data-endpoint="/profiles/api/list?offset=20">m</button>'
                    if len(self.ads) > self.per_page else "")
            return 200, text, f"<html><body>{links}{more}</body></html>".encode(), {}
        if path == "/profiles/api/list":
            offset = int(query.get("offset", ["0"])[0])
            chunk = self.ads[offset: offset + self.per_page]
            nxt = f"/profiles/api/list?offset={offset + self.per_page}" if offset + self.per_page < len(self.ads) else None
            body = {"items": [{"id": a["id"], "url": f"/profiles/p/x-{a['id']}"} for a in chunk], "next": nxt}
            return 200, "application/json", json.dumps(body).encode(), {}
        if path.startswith("/profiles/p/"):
            key = path.rsplit("-", 1)[1]
            if key in by_id:
                return 200, text, self._profiles_detail(by_id[key]).encode(), {}
        if path == "/search/":
            return 200, text, self._search_listing(int(query.get("page", ["1"])[0])).encode(), {}
        if path.startswith("/search/ad/") or path == "/search/item":
            key = query.get("id", [""])[0] if path == "/search/item" else path.rsplit("/", 1)[1]
            if key in by_id:
                return 200, text, self._search_detail(by_id[key]).encode(), {}
        return 404, text, b"<html>not found</html>", {}

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # http.server's naming
                parts = urlsplit(self.path)
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                if site.delay:
                    time.sleep(site.delay)
                status, ctype, body, headers = site.route(parts.path, parse_qs(parts.query))
                if site.gzip and "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith("text"):
                    body = gzip.compress(body, mtime=0)
                    headers = {**headers, "Content-Encoding": "gzip"}
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        return Handler
