"""Secrets out of anything shown: one rule for every URL a command prints or logs.

A URL's user-info (user and password) may itself contain ``@``, ``:``, ``/`` or ``%40``, so it
cannot be found by splitting at the first ``@`` (that shows the password's tail) nor by a URL
parser (which stops at a ``/`` inside the password). Everything up to the *last* ``@`` is
user-info here; when a query part also holds an ``@``, more is masked than needed, never less.
Query parameters that name a secret are masked too.
"""

from __future__ import annotations

import re

MASK = "***"
_SECRET_PARAMS = re.compile(r"(?i)([?&](?:password|passwd|pwd|secret|token|key|api_key|access_key)=)[^&#]*")


def mask_url(url: str) -> str:
    """`url` with its user-info and secret query values replaced by ``***``; other text unchanged."""
    if not url:
        return url
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    if "@" in rest:
        rest = MASK + "@" + rest.rsplit("@", 1)[1]
    rest = _SECRET_PARAMS.sub(lambda m: m.group(1) + MASK, rest)
    return f"{scheme}{sep}{rest}"
