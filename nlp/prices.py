"""Prices written in ads ("€150", "150 euro", "EUR 40", "40,-") with their spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.regex_start import with_start_class

_AMOUNT = r"(?P<{name}>\d{{1,4}}(?:[.,]\d{{2}})?)(?:\s?,-)?"
_CURRENCY_BEFORE = r"(?P<cur1>€|\$|£|\b(?:eur|euro|usd|gbp)\b)"  # \b: not "Fleur 21"
_CURRENCY_AFTER = r"(?P<cur2>€|euro'?s?\b|eur\b|\$|£|dollars?\b|pond\b|pounds?\b)"
# [^\S\n]: a space but never a line break, so "Demolaan 16" and "€240" on the next line stay apart.
PRICE_RE = with_start_class(re.compile(
    rf"{_CURRENCY_BEFORE}[^\S\n]?{_AMOUNT.format(name='amount1')}|(?<![\d.,]){_AMOUNT.format(name='amount2')}[^\S\n]?{_CURRENCY_AFTER}|(?<![\d.,])(?P<amount3>\d{{1,4}}),-",
    re.IGNORECASE,
))
_CURRENCY_CODES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "$": "USD", "usd": "USD", "dollar": "USD",
                   "£": "GBP", "gbp": "GBP", "pond": "GBP", "pound": "GBP"}


@dataclass(frozen=True)
class PriceFound:
    amount: float
    currency: str
    start: int
    end: int

    @property
    def value(self) -> str:
        return f"{self.currency} {self.amount:g}"


def _currency(symbol: str | None) -> str:
    key = (symbol or "€").lower().rstrip("s'")
    return _CURRENCY_CODES.get(key, "EUR")


_CURRENCY_HINTS = ("€", "$", "£", "eur", "usd", "gbp", "dollar", "pond", "pound", ",-")


def find_prices(text: str) -> list[PriceFound]:
    found: list[PriceFound] = []
    lower = text.lower()
    if not any(hint in lower for hint in _CURRENCY_HINTS):
        return found
    for m in PRICE_RE.finditer(text):
        raw = m.group("amount1") or m.group("amount2") or m.group("amount3")
        amount = float(raw.replace(",", "."))
        found.append(PriceFound(amount, _currency(m.group("cur1") or m.group("cur2")), m.start(), m.end()))
    return found
