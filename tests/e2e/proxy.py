"""The reference reverse proxy (deploy/nginx/signalstack.conf, Debian's nginx) started for a test:
as this non-root user, on free ports, with a temporary prefix, a self-signed certificate, and
the site file's addresses swapped for the test's. Everything else is the deployed file as is."""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HEADERS_MORE = Path("/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so")


@dataclass(frozen=True)
class Proxy:
    https_url: str
    http_url: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _site(upstream: str, https_port: int, http_port: int, cert: Path, key: Path) -> str:
    site = (DEPLOY / "signalstack.conf").read_text(encoding="utf-8")
    swaps = {
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "/etc/ssl/signalstack/fullchain.pem": str(cert),
        "/etc/ssl/signalstack/privkey.pem": str(key),
        "/etc/nginx/snippets/signalstack-security-headers.conf": str(DEPLOY / "security-headers.conf"),
        "http://127.0.0.1:8501": upstream,
    }
    for old, new in swaps.items():
        assert site.count(old) == 1, f"deploy/nginx/signalstack.conf no longer has {old!r}"
        site = site.replace(old, new)
    return site


@contextmanager
def running_proxy(upstream: str, folder: Path) -> Iterator[Proxy]:
    """nginx in the foreground with `folder` as its prefix; stopped (by its own pid) on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = _self_signed(folder)
    https_port, http_port = free_port(), free_port()
    (folder / "site.conf").write_text(_site(upstream, https_port, http_port, cert, key), encoding="utf-8")
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                             "uwsgi", "scgi"))
    (folder / "nginx.conf").write_text(f"""
load_module {HEADERS_MORE};
daemon off;
worker_processes 1;
pid {folder / 'nginx.pid'};
error_log {folder / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}
    include {folder / 'site.conf'};
}}
""", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(folder), "-e", str(folder / "error.log"),
                                "-c", str(folder / "nginx.conf")], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", https_port), timeout=0.5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start: " + (process.stderr.read() or b"").decode()
                                       + (folder / "error.log").read_text(errors="replace")) from None
                time.sleep(0.1)
        yield Proxy(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def insecure_context() -> ssl.SSLContext:
    """TLS without verification: the test's certificate is self-signed."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context
