"""A crawl child process resolves exactly the parent's settings, secrets and tables included."""

from __future__ import annotations

from core.settings import Settings
from crawlers.run import child_environment
from signalstack.workers.schedule import monitor_entries


def test_child_environment_round_trips_every_setting(monkeypatch):
    table = {"classic": {"every_hours": 24, "purpose": "Monitoring", "legal_basis": "Art. 3 Politiewet"}}
    parent = Settings(overrides={"broker_url": "redis://user:secret@127.0.0.1:6379/0",
                                 "monitor_schedule": table, "flag_threshold": 0.4})
    env = child_environment(parent)
    for name, value in env.items():
        if name.startswith("SIGNALSTACK_"):
            monkeypatch.setenv(name, value)
    child = Settings()
    assert child.broker_url == "redis://user:secret@127.0.0.1:6379/0"  # not the masked display form
    assert child.flag_threshold == 0.4
    assert monitor_entries(child.monitor_schedule) == monitor_entries(table)
