"""The rule-based risk score: transparent, so an analyst can check every point of it.

risk = 1 - Π (1 - w_c) over the distinct indicator codes c found, with w_c the highest weight
among that code's hits. Each code counts once, so repeating "24/7" ten times does not raise the
score; independent signals stack, as in the seed's risk-taxation instrument, and the result
stays in [0, 1]. ``reasons`` lists each contribution in words, strongest first.
"""

from __future__ import annotations

from typing import Any

MODEL_VERSION = "rules-v1"


def strongest_per_code(indicators: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for hit in indicators:
        if hit["code"] not in best or hit["weight"] > best[hit["code"]]["weight"]:
            best[hit["code"]] = hit
    return best


def risk_score(indicators: list[dict[str, Any]]) -> float:
    remaining = 1.0
    for hit in strongest_per_code(indicators).values():
        remaining *= 1.0 - min(1.0, max(0.0, float(hit["weight"])))
    return round(1.0 - remaining, 4)


def risk_reasons(indicators: list[dict[str, Any]]) -> list[str]:
    best = sorted(strongest_per_code(indicators).values(), key=lambda h: (-h["weight"], h["code"]))
    return [
        f"{h['code']} ({h['category']}, weight {h['weight']:g}): \"{h['text']}\" - {h['explanation']}"
        for h in best
    ]
