"""Prices written in ads ("€150", "150 euro", "EUR 40", "40,-", "100 per uur") with their spans."""

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
        return f"{self.currency} {self.amount:g}" if self.currency else f"{self.amount:g}"


def _currency(symbol: str | None) -> str:
    key = (symbol or "€").lower().rstrip("s'")
    return _CURRENCY_CODES.get(key, "EUR")


_CURRENCY_HINTS = ("€", "$", "£", "eur", "usd", "gbp", "dollar", "pond", "pound", ",-")
# A rate written without a currency: "100 per uur", "150 p/u", "120/hr", "80 per half uur" (round 12). The
# amount is what a rate can be (from 30), and a time ("19 uur", "vanaf 19u") has no "per" or slash before the unit.
_RATE_RE = with_start_class(re.compile(
    r"(?<![\d.,:/-])(?P<amount>\d{2,4})[^\S\n]?(?:per[^\S\n]?|p/|/|p\.[^\S\n]?)(?:half[^\S\n]?)?"
    r"(?:uur|uurtje|u|hr|hrs|hour|h)\b",
    re.IGNORECASE,
))
_RATE_HINTS = ("uur", "hr", "hour", "/u", "p/u", "/h", "p.u")
_LEAST_RATE = 30


def find_prices(text: str) -> list[PriceFound]:
    found: list[PriceFound] = []
    lower = text.lower()
    if any(hint in lower for hint in _CURRENCY_HINTS):
        for m in PRICE_RE.finditer(text):
            raw = m.group("amount1") or m.group("amount2") or m.group("amount3")
            amount = float(raw.replace(",", "."))
            found.append(PriceFound(amount, _currency(m.group("cur1") or m.group("cur2")), m.start(), m.end()))
    if any(hint in lower for hint in _RATE_HINTS):
        for m in _RATE_RE.finditer(text):
            amount = float(m.group("amount"))
            if amount >= _LEAST_RATE and not any(p.start < m.end() and m.start() < p.end for p in found):
                # no currency is written, so none is guessed: the value says the amount only
                found.append(PriceFound(amount, "", m.start(), m.end()))
        found.sort(key=lambda p: p.start)
    return found
