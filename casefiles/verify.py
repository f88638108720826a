"""Check an evidence bundle: BagIt completeness, every digest, both signatures, and that every
WARC record's payload matches the capture SHA-256 that the signals and ads cite.

Every problem starts with the path of the file it concerns, so a recipient knows what
was altered. The signatures chain everything: they cover the tag manifests, which cover
``bag-info.txt``, the public key and the payload manifests, which cover every data file.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import bagit
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from casefiles.baglayout import (
    ADS,
    AUDIT_CHECKPOINT,
    BAG_INFO,
    BAGIT,
    CASE_WARC,
    PUBLIC_KEY,
    SIGNALS,
    SIGNATURES,
)
from casefiles.signing import SigningError, fingerprint, signature_valid
from casefiles.unpack import UnsafeBundle, opened_bundle
from casefiles.warccut import read_records
from core.checkpoints import checkpoint_valid

REQUIRED = ("sha256", "sha512")
_SKIP_TAGS = set(SIGNATURES.values())


@dataclass
class Verification:
    problems: list[str] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    key_fingerprint: str = ""
    files: int = 0
    audit_checkpoint: str = ""  # the signed audit head at export, when the bundle carries one

    @property
    def ok(self) -> bool:
        return not self.problems


def _digest(path: Path, algorithm: str) -> str:
    h = hashlib.new(algorithm)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def _manifest_entries(root: Path, name: str, problems: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    try:
        text = (root / name).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{name}: not UTF-8 text")
        return entries
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        digest, sep, rel = line.partition("  ")
        if not sep:
            digest, sep, rel = line.partition(" ")
        if not sep or not digest or not rel or any(c not in "0123456789abcdefABCDEF" for c in digest):
            problems.append(f"{name}: line {number} is malformed")
            continue
        path = PurePosixPath(rel)
        if path.is_absolute() or ".." in path.parts:
            problems.append(f"{name}: line {number} names a path outside the bag: {rel!r}")
            continue
        entries[rel] = digest.lower()
    return entries


def _check_manifest(root: Path, name: str, algorithm: str, expected_files: set[str], problems: list[str]) -> None:
    entries = _manifest_entries(root, name, problems)
    for rel, digest in sorted(entries.items()):
        target = root / rel
        if not target.is_file():
            problems.append(f"{name}: lists {rel}, which is missing from the bag")
        elif _digest(target, algorithm) != digest:
            problems.append(f"{rel}: {algorithm} digest does not match {name} (the file or the manifest was altered)")
    for rel in sorted(expected_files - set(entries)):
        problems.append(f"{rel}: not listed in {name}")


def _files(root: Path) -> tuple[set[str], set[str]]:
    payload, tags = set(), set()
    for path in root.rglob("*"):
        if path.is_file():
            rel = path.relative_to(root).as_posix()
            if rel.startswith("data/"):
                payload.add(rel)
            elif not rel.startswith("tagmanifest-") and rel not in _SKIP_TAGS:
                tags.add(rel)
    return payload, tags


def _check_signatures(root: Path, result: Verification) -> None:
    problems = result.problems
    key_path = root / PUBLIC_KEY
    if not key_path.is_file():
        problems.append(f"{PUBLIC_KEY}: missing (the bundle cannot be checked for tampering)")
        return
    key = key_path.read_bytes()
    try:
        result.key_fingerprint = fingerprint(key)
    except SigningError as exc:
        problems.append(f"{PUBLIC_KEY}: {exc}")
        return
    for manifest, signature in SIGNATURES.items():
        if not (root / signature).is_file():
            problems.append(f"{signature}: missing; {manifest} is unsigned")
        elif (root / manifest).is_file() and not signature_valid(key, (root / signature).read_bytes(),
                                                                   (root / manifest).read_bytes()):
            problems.append(f"{manifest}: {signature} does not verify with {PUBLIC_KEY} "
                            f"(the manifest or the signature was altered)")
    stated = result.info.get("Signing-Key-Fingerprint")
    if stated and stated != result.key_fingerprint:
        problems.append(f"bag-info.txt: Signing-Key-Fingerprint does not match {PUBLIC_KEY}")


def _check_audit_checkpoint(root: Path, result: Verification) -> None:
    """The audit head at export must carry a valid signature by the bundle's own key. A bundle made before
    checkpoints existed has none; removing one from a newer bundle breaks the signed tag manifests."""
    path = root / AUDIT_CHECKPOINT
    if not path.is_file() or not (root / PUBLIC_KEY).is_file():
        return
    try:
        checkpoint = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        result.problems.append(f"{AUDIT_CHECKPOINT}: not readable JSON")
        return
    if not isinstance(checkpoint, dict) or not checkpoint_valid(checkpoint, (root / PUBLIC_KEY).read_bytes()):
        result.problems.append(f"{AUDIT_CHECKPOINT}: signature does not verify with {PUBLIC_KEY} "
                               f"(the checkpoint was altered)")
        return
    result.audit_checkpoint = f"{checkpoint['entries']} entries, head {checkpoint['hash']}, at {checkpoint['at']}"


def _payload_oxum(root: Path, payload: set[str], result: Verification) -> None:
    oxum = result.info.get("Payload-Oxum")
    if not oxum:
        result.problems.append("bag-info.txt: Payload-Oxum missing")
        return
    size = sum((root / rel).stat().st_size for rel in payload)
    if oxum != f"{size}.{len(payload)}":
        result.problems.append(f"bag-info.txt: Payload-Oxum {oxum} does not match the payload ({size}.{len(payload)})")


def _load_json(root: Path, rel: str, problems: list[str]) -> Any:
    try:
        return json.loads((root / rel).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{rel}: not readable JSON ({exc.__class__.__name__})")
        return None


def _cited_captures(root: Path, problems: list[str]) -> dict[str, tuple[str, str]]:
    """warc_record_id -> (sha256, file that cites it)."""
    cited: dict[str, tuple[str, str]] = {}
    signals = _load_json(root, SIGNALS, problems) if (root / SIGNALS).is_file() else None
    ads = _load_json(root, ADS, problems) if (root / ADS).is_file() else None
    try:
        for s in (signals or {}).get("signals", []):
            if s.get("warc_record_id"):
                cited[s["warc_record_id"]] = (s["capture_sha256"], SIGNALS)
        for c in (ads or {}).get("captures", []):
            if c.get("warc_record_id"):
                previous = cited.setdefault(c["warc_record_id"], (c["sha256"], ADS))
                if previous[0] != c["sha256"]:
                    problems.append(f"data/ads.json: capture {c['id']} cites SHA-256 {c['sha256']}, "
                                    f"but {previous[1]} cites {previous[0]} for the same WARC record")
    except (AttributeError, KeyError, TypeError):
        problems.append("data/signals.json or data/ads.json: unexpected structure")
    return cited


def _check_warc(root: Path, problems: list[str]) -> None:
    rel = CASE_WARC
    cited = _cited_captures(root, problems)
    if not (root / rel).is_file():
        if cited:
            problems.append(f"{rel}: missing, but {len(cited)} captures are cited")
        return
    found: dict[str, str | None] = {}
    try:
        for record in read_records(root / rel):
            found[record.record_id] = record.payload_sha256
    except (OSError, EOFError, ValueError, zlib.error, ArchiveLoadFailed, StatusAndHeadersParserException) as exc:
        problems.append(f"{rel}: not a readable WARC ({exc.__class__.__name__}: {exc})")
        return
    for record_id, (sha, where) in sorted(cited.items()):
        if record_id not in found:
            problems.append(f"{rel}: record {record_id} cited in {where} is missing")
        elif found[record_id] != sha:
            problems.append(f"{rel}: payload of record {record_id} does not match the SHA-256 cited in {where}")


def _tag_file(root: Path, name: str, problems: list[str]) -> dict[str, str] | None:
    if not (root / name).is_file():
        problems.append(f"{name}: missing")
        return None
    try:
        values = bagit._load_tag_file(str(root / name))
    except (OSError, ValueError, UnicodeDecodeError, bagit.BagError) as exc:
        problems.append(f"{name}: unreadable ({exc})")
        return None
    return {k: v if isinstance(v, str) else v[-1] for k, v in values.items()}


def verify_bag(root: Path) -> Verification:
    result = Verification()
    problems = result.problems
    if not (root / BAGIT).is_file():
        problems.append("bagit.txt: missing (not a BagIt bag)")
        return result
    declaration = _tag_file(root, BAGIT, problems)
    info = _tag_file(root, BAG_INFO, problems)
    if declaration is None or info is None:
        return result
    result.info = info
    if "BagIt-Version" not in declaration:
        problems.append("bagit.txt: BagIt-Version missing")
    payload, tags = _files(root)
    result.files = len(payload) + len(tags)
    for algorithm in REQUIRED:
        for kind, expected in (("manifest", payload), ("tagmanifest", tags)):
            name = f"{kind}-{algorithm}.txt"
            if not (root / name).is_file():
                problems.append(f"{name}: missing")
            else:
                _check_manifest(root, name, algorithm, expected, problems)
    _payload_oxum(root, payload, result)
    _check_signatures(root, result)
    _check_audit_checkpoint(root, result)
    _check_warc(root, problems)
    if not problems:  # a second opinion from the reference implementation
        try:
            bagit.Bag(str(root)).validate(processes=1)
        except bagit.BagError as exc:
            problems.append(f"bagit.txt: the bagit library rejects the bag: {exc}")
    return result


def verify_bundle(path: Path, max_bytes: int | None = None) -> Verification:
    """Verify a bundle folder or zip; unreadable and unsafe bundles come back as problems, never exceptions."""
    try:
        with opened_bundle(Path(path), max_bytes) as root:
            return verify_bag(root)
    except UnsafeBundle as exc:
        return Verification(problems=[f"{Path(path).name}: {exc}"])
