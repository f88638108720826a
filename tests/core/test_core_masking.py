"""No fragment of a secret in a URL is ever shown, whatever characters the secret holds."""

from __future__ import annotations

import pytest

from core.masking import mask_url
from core.settings import Settings

# Every secret is made of the marker "Zq" around the awkward characters, so any leaked piece shows it.
PASSWORDS = ["Zq", "Zq@Zq", "Zq@Zq@Zq", "Zq:Zq", "Zq/Zq", "Zq%40Zq", "Zq@Zq:Zq/Zq%40Zq"]


@pytest.mark.parametrize("password", PASSWORDS)
@pytest.mark.parametrize("template", [
    "postgresql+psycopg://alice:{pw}@db.example:5432/signalstack",
    "redis://:{pw}@127.0.0.1:6379/0",
    "amqp://guest:{pw}@rabbit/vhost",
])
def test_no_part_of_the_password_is_shown(template, password):
    shown = mask_url(template.format(pw=password))
    assert "Zq" not in shown and "alice" not in shown and "guest" not in shown, shown
    assert shown.startswith(template.split("://")[0] + "://***@")
    assert shown.endswith(template.rsplit("@", 1)[1])  # host, port and database stay readable


def test_secret_query_parameters_and_plain_urls():
    assert mask_url("postgresql://db/x?sslmode=require&password=hunter2") == \
        "postgresql://db/x?sslmode=require&password=***"
    assert mask_url("sqlite:////data/signalstack.db") == "sqlite:////data/signalstack.db"
    assert mask_url("") == ""


def test_settings_show_masks_every_secret_setting(monkeypatch):
    monkeypatch.setenv("SIGNALSTACK_DATABASE_URL", "postgresql://u:s3cr@t:x/y%40z@db:5432/n")
    monkeypatch.setenv("SIGNALSTACK_BROKER_URL", "redis://:br@ker/pw@cache:6379/0")
    rows = {name: value for name, value, _ in Settings().as_rows()}
    assert rows["database_url"] == "postgresql://***@db:5432/n"
    assert rows["broker_url"] == "redis://***@cache:6379/0"
