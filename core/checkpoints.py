"""Signed checkpoints of the audit chain's head, kept outside the database.

A hash chain exposes an edited or deleted entry in the middle, but not a cut tail: delete the
last entries and what is left is still a valid chain. A checkpoint records the head (entry
count, id and hash of the last entry, time), signed with the installation's Ed25519 key
(``core.keys``), in ``<data_dir>/audit-checkpoints.jsonl`` and in every exported bundle.
``verify_against_checkpoint`` then tells how many entries are missing, or that the
checkpointed entry is no longer in the chain.

The file is append-only: opened with O_APPEND, never truncated, each line written in one
``write`` under an exclusive lock and fsynced. A torn last line (a crash mid-write) is skipped.
What this cannot see: entries written after the newest checkpoint and cut before the next one.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import GENESIS
from core.keys import SigningError, fingerprint, public_pem, signature_valid, signing_key
from core.schema import AuditEntry, utcnow
from core.settings import Settings

FILE_NAME = "audit-checkpoints.jsonl"
_SIGNED_FIELDS = ("entries", "last_id", "hash", "at", "reason")


def checkpoint_path(settings: Settings) -> Path:
    return settings.data_path / FILE_NAME


def _signed_bytes(checkpoint: dict[str, Any]) -> bytes:
    body = {k: checkpoint[k] for k in _SIGNED_FIELDS}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def chain_head(session: Session) -> tuple[int, int | None, str]:
    """(entry count, id of the last entry, its hash) as this transaction sees them."""
    count = session.execute(select(func.count(AuditEntry.id))).scalar() or 0
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return (count, last[0], last[1]) if last else (0, None, GENESIS)


def signed_checkpoint(session: Session, settings: Settings, reason: str = "") -> dict[str, Any]:
    """The current head, signed; nothing is written."""
    count, last_id, head = chain_head(session)
    key = signing_key(settings)
    pem = public_pem(key)
    checkpoint: dict[str, Any] = {"entries": count, "last_id": last_id, "hash": head,
                                  "at": utcnow().isoformat(), "reason": reason[:200]}
    checkpoint["key_fingerprint"] = fingerprint(pem)
    checkpoint["public_key"] = pem.decode("ascii")
    checkpoint["signature"] = base64.b64encode(key.sign(_signed_bytes(checkpoint))).decode("ascii")
    return checkpoint


def append_checkpoint(settings: Settings, checkpoint: dict[str, Any]) -> Path:
    path = checkpoint_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(checkpoint, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # one line at a time, even across processes
        written = os.write(fd, line)
        if written != len(line):
            raise OSError(f"{path}: short write ({written} of {len(line)} bytes)")
        os.fsync(fd)
    finally:
        os.close(fd)  # closing releases the lock
    if created:  # make the new directory entry durable too
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


def write_checkpoint(session: Session, settings: Settings, reason: str = "") -> dict[str, Any]:
    """Sign the head this session sees and append it to the checkpoint file."""
    checkpoint = signed_checkpoint(session, settings, reason)
    append_checkpoint(settings, checkpoint)
    return checkpoint


def checkpoint_valid(checkpoint: dict[str, Any], public_key_pem: bytes | None = None) -> bool:
    """Whether the signature holds (with the given key, else the one the checkpoint carries)."""
    try:
        pem = public_key_pem or str(checkpoint["public_key"]).encode("ascii")
        if public_key_pem is None and fingerprint(pem) != checkpoint.get("key_fingerprint"):
            return False
        signature = base64.b64decode(str(checkpoint["signature"]), validate=True)
        return signature_valid(pem, signature, _signed_bytes(checkpoint))
    except (KeyError, TypeError, ValueError, SigningError):
        return False


def read_checkpoints(settings: Settings) -> tuple[list[dict[str, Any]], list[str]]:
    """Every readable checkpoint in file order, and the problems with lines that are not."""
    path = checkpoint_path(settings)
    if not path.is_file():
        return [], []
    found, problems = [], []
    lines = path.read_bytes().split(b"\n")
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
            if not isinstance(item, dict):
                raise ValueError("not an object")
        except (UnicodeDecodeError, ValueError):
            if number == len(lines):  # torn last line: a crash while appending
                problems.append(f"{path.name}: line {number} is incomplete (skipped)")
            else:
                problems.append(f"{path.name}: line {number} is not a checkpoint")
            continue
        found.append(item)
    return found, problems


@dataclass
class CheckpointReport:
    ok: bool
    message: str
    missing: int = 0
    checkpoint: dict[str, Any] | None = None


def verify_against_checkpoint(session: Session, settings: Settings) -> CheckpointReport:
    """Compare the database with every checkpoint signed by this installation's key.

    The newest one says how many entries a cut tail removed; an older one whose entry is gone
    means the log was cut and written on (a later checkpoint then covers the rewritten chain).
    A present hash vouches for everything before it, because each hash covers its predecessor's.
    """
    checkpoints, problems = read_checkpoints(settings)
    own = public_pem(signing_key(settings))
    if not checkpoints:
        note = "; ".join(problems)
        return CheckpointReport(True, "no checkpoint yet (write one with `audit checkpoint`)"
                                + (f"; {note}" if note else ""))
    forged = [cp for cp in checkpoints if not checkpoint_valid(cp, own)]
    if forged:
        return CheckpointReport(False, f"{len(forged)} checkpoints are not signed by this installation's key "
                                       f"(the checkpoint file was altered), e.g. one dated {forged[-1].get('at')}")
    # Concurrent writers may append their lines out of order; the furthest head is the one to hold to.
    newest = max(checkpoints, key=lambda cp: int(cp["entries"]))
    count, _, _ = chain_head(session)
    entries = int(newest["entries"])
    seen: set[str] = set()
    for cp in reversed(checkpoints):
        if int(cp["entries"]) == 0 or cp["hash"] in seen:
            continue
        seen.add(cp["hash"])
        if session.execute(select(AuditEntry.id).where(AuditEntry.hash == cp["hash"])).first() is not None:
            continue
        if cp is newest and count < entries:
            missing = entries - count
            return CheckpointReport(False, f"{missing} entries missing: the checkpoint of {newest['at']} counted "
                                           f"{entries} entries, the database holds {count} (the tail was cut)",
                                    missing=missing, checkpoint=newest)
        return CheckpointReport(False, f"entry {cp['last_id']} (entry number {cp['entries']}), checkpointed at "
                                       f"{cp['at']}, is not in the chain (the log was cut or rewritten)",
                                missing=max(entries - count, 0), checkpoint=cp)
    if entries and newest["last_id"] is not None:
        position = session.execute(select(func.count(AuditEntry.id))
                                   .where(AuditEntry.id <= int(newest["last_id"]))).scalar() or 0
        if position != entries:
            return CheckpointReport(False, f"the checkpoint of {newest['at']} counted {entries} entries up to its "
                                           f"head, the database {position}", checkpoint=newest)
    return CheckpointReport(True, f"holds every entry of {len(checkpoints)} checkpoints; the newest "
                                  f"({newest['at']}) counted {entries}, {count - entries} written since",
                            checkpoint=newest)
