"""The installation's Ed25519 key, shared by bundle signatures and audit checkpoints.

The private key comes from the environment (``SIGNALSTACK_SIGNING_KEY``, PEM) or from
``<data_dir>/keys/bundle-signing.pem``, created (mode 0600) on first use. It lives in the
kernel so that the audit log (``core.checkpoints``) can sign without importing a stage.
"""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from core.settings import Settings

KEY_ENV = "SIGNALSTACK_SIGNING_KEY"
KEY_FILE = "bundle-signing.pem"


class SigningError(ValueError):
    pass


def signing_key(settings: Settings) -> Ed25519PrivateKey:
    pem = os.environ.get(KEY_ENV, "").strip()
    if pem:
        return _load_private(pem.encode("ascii"), KEY_ENV)
    path = settings.data_path / "keys" / KEY_FILE
    if path.is_file():
        return _load_private(path.read_bytes(), str(path))
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return _load_private(path.read_bytes(), str(path))
    with os.fdopen(fd, "wb") as fh:
        fh.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                   serialization.NoEncryption()))
        fh.flush()
        os.fsync(fh.fileno())
    return key


def _load_private(pem: bytes, where: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"{where}: not a readable unencrypted PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{where}: not an Ed25519 key")
    return key


def public_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def fingerprint(public_key_pem: bytes) -> str:
    """SHA-256 of the raw 32-byte public key, hex (what recipients compare out of band)."""
    key = load_public(public_key_pem)
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def load_public(pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise SigningError(f"not a readable PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError("public key is not Ed25519")
    return key


def signature_valid(public_key_pem: bytes, signature: bytes, data: bytes) -> bool:
    try:
        load_public(public_key_pem).verify(signature, data)
    except InvalidSignature:
        return False
    return True
