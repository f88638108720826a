"""Ids from outside are checked before the database; one refusal for every object type."""

from __future__ import annotations

import pytest

from core.lookup import MAX_ID, not_found_or_not_allowed, parse_id


@pytest.mark.parametrize("raw, expected", [
    ("1", 1), ("42", 42), (str(MAX_ID), MAX_ID), (7, 7),
    ("", None), ("0", None), ("-1", None), ("+1", None), (" 1", None), ("1.0", None), ("1e3", None),
    (str(MAX_ID + 1), None), ("999999999999999999999", None), ("٣", None), ("１２", None), (None, None),
    (True, None), (2**64, None), ("0x10", None), ("12\n", None),
])
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected


def test_one_refusal_for_every_kind():
    texts = {kind: not_found_or_not_allowed(kind, 7) for kind in ("dossier", "case", "ad", "capture")}
    assert {t.split(" ", 1)[1] for t in texts.values()} == {"7: not found or not allowed"}
    assert len(not_found_or_not_allowed("ad", "9" * 500)) < 80
