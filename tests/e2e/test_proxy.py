"""The reference deployment's reverse proxy (issue 17, point 4): the deployed nginx site file,
started as this user on free ports in front of a tiny upstream, sets the security headers on
every answer (also errors) and hides the server banner, the upstream's included."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import streamlit

from tests.e2e.proxy import DEPLOY, HEADERS_MORE, NGINX, insecure_context, running_proxy

pytestmark = pytest.mark.skipif(not shutil.which(NGINX) and not Path(NGINX).exists() or not HEADERS_MORE.exists(),
                                reason="needs Debian's nginx-light and libnginx-mod-http-headers-more-filter")

EXPECTED = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


class _Upstream(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # http.server's name
        status = 404 if self.path.startswith("/missing") else 200
        body = b"<html><body>upstream</body></html>"
        self.send_response(status)
        self.send_header("Server", "TornadoServer/6.4 Python/3.11")  # what the proxy must hide
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy(tmp_path):
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    thread = threading.Thread(target=upstream.serve_forever, daemon=True)
    thread.start()
    try:
        with running_proxy(f"http://127.0.0.1:{upstream.server_address[1]}", tmp_path / "nginx") as running:
            yield running
    finally:
        upstream.shutdown()
        upstream.server_close()


def _fetch(url: str):
    try:
        response = urllib.request.urlopen(url, context=insecure_context(), timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def _csp(headers: dict[str, str]) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in headers["content-security-policy"].split(";")
            if part.strip()}


@pytest.mark.parametrize("path", ["/", "/missing/page"])
def test_security_headers_on_every_answer(proxy, path):
    status, headers, body = _fetch(proxy.https_url + path)
    assert status == (200 if path == "/" else 404)
    assert body == b"<html><body>upstream</body></html>"
    for name, value in EXPECTED.items():
        assert headers.get(name) == value, name
    hsts = headers["strict-transport-security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 31536000
    csp = _csp(headers)
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert all(source.startswith("'") or source in ("data:", "blob:")
               for sources in csp.values() for source in sources), "no other host may be allowed"
    assert "server" not in headers, f"the server announces itself: {headers.get('server')}"


def test_plain_http_redirects_to_https_without_a_banner(proxy):
    request = urllib.request.Request(proxy.http_url + "/x")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as info:
        opener.open(request, timeout=10)
    assert info.value.code == 301
    assert info.value.headers["Location"].startswith("https://")
    assert "Server" not in info.value.headers


def test_csp_allows_exactly_the_inline_script_of_the_installed_streamlit():
    """A Streamlit upgrade that changes its one inline script must update the hash in the CSP."""
    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", index, re.S)
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
    config = (DEPLOY / "security-headers.conf").read_text(encoding="utf-8")
    allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", config))
    assert hashes == allowed
