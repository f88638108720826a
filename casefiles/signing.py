"""Ed25519 signing of bundles.

The installation's key is managed by the kernel (``core.keys``: environment or
``<data_dir>/keys/bundle-signing.pem``), which audit checkpoints share. A bundle carries the
public key and its fingerprint, so anyone can check the signature; whether the key belongs
to the sender is checked out of band, against the fingerprint.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from core.keys import (
    KEY_ENV,
    KEY_FILE,
    SigningError,
    fingerprint,
    load_public,
    public_pem,
    signature_valid,
    signing_key,
)

__all__ = ["KEY_ENV", "KEY_FILE", "SigningError", "fingerprint", "load_public", "public_pem", "sign_file",
           "signature_valid", "signing_key"]


def sign_file(key: Ed25519PrivateKey, path: Path) -> bytes:
    """The raw 64-byte detached signature over the file's bytes."""
    return key.sign(path.read_bytes())
