"""The per-site monitoring schedule (setting ``monitor_schedule``), read and checked.

Each entry names a site adapter, when to crawl it (``every_hours`` or a five-field ``cron``) and,
because every crawl must record them, its purpose and legal basis. A wrong entry is refused as a
whole with a message naming it: a monitoring crawl without a recorded legal basis must never run.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from typing import Any

_KEYS = {"every_hours", "cron", "purpose", "legal_basis", "base_url"}


class ScheduleError(ValueError):
    pass


@dataclass(frozen=True)
class MonitorEntry:
    site: str
    purpose: str
    legal_basis: str
    every_hours: float | None = None
    cron: str | None = None
    base_url: str | None = None

    def describe(self) -> str:
        return f"every {self.every_hours:g} h" if self.every_hours is not None else f"cron '{self.cron}'"


def _raw_mapping(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    text = str(raw or "").strip()
    if not text:
        return {}
    try:
        data = json.loads(text) if text.startswith("{") else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ScheduleError(f"monitor_schedule is neither a JSON object nor a TOML table: {exc}") from None
    if not isinstance(data, dict):
        raise ScheduleError("monitor_schedule must map site names to entries")
    return data


def _entry(site: str, spec: Any, known_sites: set[str] | None) -> MonitorEntry:
    where = f"monitor_schedule[{site!r}]"
    if known_sites is not None and site not in known_sites:
        raise ScheduleError(f"{where}: no site adapter named {site!r} (known: {', '.join(sorted(known_sites))})")
    if not isinstance(spec, dict):
        raise ScheduleError(f"{where}: expected a table with every_hours or cron, purpose and legal_basis")
    unknown = set(spec) - _KEYS
    if unknown:
        raise ScheduleError(f"{where}: unknown keys {sorted(unknown)}")
    purpose, legal_basis = str(spec.get("purpose", "")).strip(), str(spec.get("legal_basis", "")).strip()
    if not purpose or not legal_basis:
        raise ScheduleError(f"{where}: purpose and legal_basis are required (they are recorded with every crawl)")
    if ("every_hours" in spec) == ("cron" in spec):
        raise ScheduleError(f"{where}: give exactly one of every_hours or cron")
    every = spec.get("every_hours")
    if every is not None:
        if isinstance(every, bool) or not isinstance(every, int | float) or every <= 0:
            raise ScheduleError(f"{where}: every_hours must be a positive number, not {every!r}")
        every = float(every)
    cron = spec.get("cron")
    if cron is not None and len(str(cron).split()) != 5:
        raise ScheduleError(f"{where}: cron needs five fields 'minute hour day-of-month month day-of-week', "
                            f"not {cron!r}")
    return MonitorEntry(site=site, purpose=purpose, legal_basis=legal_basis, every_hours=every,
                        cron=str(cron) if cron is not None else None, base_url=spec.get("base_url") or None)


def monitor_entries(raw: Any, known_sites: set[str] | None = None) -> list[MonitorEntry]:
    """The checked entries of a ``monitor_schedule`` value (JSON text, TOML text or a mapping)."""
    return [_entry(site, spec, known_sites) for site, spec in sorted(_raw_mapping(raw).items())]
