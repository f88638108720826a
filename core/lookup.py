"""Ids from outside (a URL, a form, a command line) and the one refusal for objects one may not see.

``parse_id`` takes only plain ASCII digits that fit the id columns, so a crafted id
(``999999999999999999999``, ``1e3``, ``-1``, ``٣``) never reaches the database, where it
would overflow. The ids are SQLAlchemy ``Integer`` columns: 64-bit in SQLite but 32-bit
(``integer``) in PostgreSQL, so the limit is the smaller one; no row can have a larger id. ``not_found_or_not_allowed`` is the same words for a missing object and for
another team's, so that ids cannot be enumerated by comparing the answers.
"""

from __future__ import annotations

MAX_ID = 2**31 - 1  # PostgreSQL's integer; SQLite's 2**63 - 1 would pass there and overflow on PostgreSQL


def parse_id(raw: object) -> int | None:
    """A positive database id, or None for anything else."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if 0 < raw <= MAX_ID else None
    text = str(raw)
    if not text or len(text) > len(str(MAX_ID)) or not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


def not_found_or_not_allowed(kind: str, ref: object) -> str:
    """The refusal for every object type: it does not tell a missing object from a forbidden one."""
    shown = str(ref)
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return f"{kind} {shown}: not found or not allowed"
