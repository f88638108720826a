"""One table of settings, with help text.

Values come from, in rising priority: the defaults below, an optional
``signalstack.toml`` (in the working directory, or the file named by
``SIGNALSTACK_CONFIG``), and environment variables ``SIGNALSTACK_<NAME>``.
Secrets (database passwords, signing keys) belong in the environment, never
in the TOML file that may end up in version control.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.masking import mask_url


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    secret: bool = False  # may hold a password: shown only through core.masking


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "./data", "Folder for the embedded database, WARC files, artefacts and exports."),
    Setting(
        "database_url",
        "",
        "SQLAlchemy URL. Empty means SQLite at <data_dir>/signalstack.db (WAL, foreign keys, busy timeout).",
        secret=True,
    ),
    Setting("sqlite_busy_timeout_ms", 30000, "How long a SQLite writer waits for a lock before failing."),
    Setting("default_country", "NL", "ISO 3166 region that national phone numbers default to."),
    Setting("flag_threshold", 0.35, "Risk from which an ad is put in the triage queue."),
    Setting("text_clusterer", "centre",
            "Near-duplicate text engine: `centre` (members verified against their cluster's centre, so it "
            "cannot chain; tolerates word edits) or `text` (single-link over shingles and whole sentences, the "
            "earlier default). docs/CLUSTERING.md compares them."),
    Setting("claim_minutes", 120,
            "How long an analyst's claim on an ad (or one a coordinator assigned) lasts before others may take it."),
    Setting(
        "licence_register",
        "",
        "CSV of the municipal escort licence register (column `licence`); licence numbers in ads that are "
        "not in it raise `licence_unknown`. Empty: licences are read but not checked.",
    ),
    Setting("store_images", False, "Keep image bytes (off: only SHA-256 and perceptual hashes are kept)."),
    Setting("demosite_host", "127.0.0.1", "Host the synthetic demo site binds to."),
    Setting("demosite_port", 8765, "Port of the synthetic demo site."),
    Setting("demo_ads", 300, "Number of ads in the default demo world."),
    Setting("demo_seed", 7, "Seed of the default demo world (same seed, same bytes)."),
    Setting("workbench_host", "127.0.0.1", "Host the Streamlit workbench binds to."),
    Setting("workbench_port", 8501, "Port of the Streamlit workbench."),
    Setting("session_idle_minutes", 30.0,
            "A workbench session with no activity for this many minutes ends; the browser must sign in again."),
    Setting("session_max_hours", 12.0, "A workbench session ends this many hours after sign-in, however active."),
    Setting("session_cookie_secure", "auto",
            "Secure flag on the session cookie: auto (when the request came over https, also through a proxy "
            "that sets X-Forwarded-Proto: https), always, or never."),
    Setting("organisation", "signalstack demo unit", "Organisation named in exported bundles."),
    Setting("contact", "internetrecherche@example.invalid", "Contact named in exported bundles."),
    Setting("user", "", "Account the command line acts as (`--as` overrides); it must exist. Env: SIGNALSTACK_USER."),
    Setting("bundle_max_bytes", 500_000_000, "Largest partner bundle `case import` accepts (bytes, packed and unpacked)."),
    Setting("crawl_max_pages", 100000, "Upper bound on pages fetched by one crawl job (link-trap guard)."),
    Setting("warc_capture", True, "Write every fetched page to WARC (off only for benchmarks: no evidence)."),
    Setting("warc_max_file_mb", 100, "Start a new .warc.gz file when the current one reaches this size."),
    Setting("removal_after_missed_crawls", 2,
            "Mark an ad removed when it is missing from this many consecutive complete crawls of its site."),
    Setting("crawl_download_timeout_s", 30, "Give up on a page that has not arrived after this many seconds."),
    Setting("crawl_max_response_mb", 4, "Abort any download larger than this (DOWNLOAD_MAXSIZE)."),
    Setting("crawl_retry_times", 2, "Retries (with back-off) of a page that failed or answered 5xx."),
    Setting("retention_unflagged_days", 90,
            "`signalstack purge` deletes an ad never flagged nor reviewed, unseen for this many days "
            "(versions, extractions, scores, captures). 0 keeps them."),
    Setting("retention_dismissed_days", 365,
            "Days after a dismissal that `purge` drops the ad's texts, contacts and captures, keeping the "
            "decision as a label with the content hash. 0 keeps them."),
    Setting("retention_captures_days", 180,
            "Days a capture that no ad version cites (listing pages, failed pages) is kept. 0 keeps them."),
    Setting("retention_image_bytes_days", 30,
            "Days stored image bytes (store_images) are kept unless a case cites the ad. 0 keeps them."),
    Setting("retention_sign_in_days", 30,
            "Days `purge` keeps password sign-in attempts and ended browser sessions (the audit log keeps "
            "every sign-in either way). At least 1: the lockout reads the last hours of attempts."),
    Setting("broker_url", "",
            "Celery broker (redis://host:6379/0 or amqp://...). Empty: no broker, tasks run in-process. "
            "Env: SIGNALSTACK_BROKER_URL (it may hold a password).", secret=True),
    Setting("broker_visibility_timeout_s", 3600,
            "Redis broker: a task not acknowledged after this many seconds (its worker died) is handed to "
            "another worker. Keep it above the longest crawl."),
    Setting("monitor_schedule", "",
            "Per-site monitoring crawls for `signalstack scheduler`: a TOML table or JSON object "
            "site -> {every_hours = N | cron = 'm h dom mon dow', purpose, legal_basis, base_url?}."),
    Setting("analyse_batch_size", 200, "Ad versions per analysis task handed to a worker (one transaction each)."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class SettingsError(ValueError):
    pass


def _coerce(setting: Setting, raw: Any) -> Any:
    """Convert a raw value (string from the environment, or TOML value) to the default's type."""
    default = setting.default
    if isinstance(raw, str) and not isinstance(default, str):
        text = raw.strip()
        try:
            if isinstance(default, bool):
                if text.lower() in {"1", "true", "yes", "on"}:
                    return True
                if text.lower() in {"0", "false", "no", "off", ""}:
                    return False
                raise ValueError(text)
            if isinstance(default, int):
                return int(text)
            if isinstance(default, float):
                return float(text)
        except ValueError:
            raise SettingsError(
                f"setting {setting.name}: cannot read {raw!r} as {type(default).__name__}"
            ) from None
    return raw


def _toml_values() -> dict[str, Any]:
    path = Path(os.environ.get("SIGNALSTACK_CONFIG", "signalstack.toml"))
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - set(_BY_NAME)
    if unknown:
        raise SettingsError(f"{path}: unknown settings {sorted(unknown)}")
    return data


class Settings:
    """Resolved settings; attribute access by name (``settings.database_url``)."""

    def __init__(self, overrides: dict[str, Any] | None = None) -> None:
        values = {s.name: s.default for s in SETTINGS}
        for name, raw in _toml_values().items():
            values[name] = _coerce(_BY_NAME[name], raw)
        for setting in SETTINGS:
            env = os.environ.get(f"SIGNALSTACK_{setting.name.upper()}")
            if env is not None:
                values[setting.name] = _coerce(setting, env)
        for name, raw in (overrides or {}).items():
            if name not in _BY_NAME:
                raise SettingsError(f"unknown setting {name!r}")
            values[name] = _coerce(_BY_NAME[name], raw)
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)

    @property
    def warc_dir(self) -> Path:
        """Where the crawler writes WARC files; captures store paths relative to it."""
        return self.data_path / "warc"

    def warc_path(self, warc_file: str) -> Path:
        """The file a capture's ``warc_file`` names: absolute as stored, else under ``warc_dir``
        (older stores kept some paths relative to ``data_dir``; those are found there)."""
        path = Path(warc_file)
        if path.is_absolute():
            return path
        if not (self.warc_dir / path).is_file() and (self.data_path / path).is_file():
            return self.data_path / path
        return self.warc_dir / path

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_path / 'signalstack.db').as_posix()}"

    def as_dict(self) -> dict[str, Any]:
        """Every resolved value, unmasked (to hand the same settings to a child or a crawler)."""
        return dict(self._values)

    def as_rows(self) -> list[tuple[str, Any, str]]:
        """(name, value, help) for every setting; secrets in the URL are masked."""
        rows = []
        for s in SETTINGS:
            value = self._values[s.name]
            if s.secret and value:
                value = mask_url(str(value))
            rows.append((s.name, value, s.help))
        return rows


def get_settings() -> Settings:
    return Settings()
