"""One-time download links (issue 17, point 2): the route behind "prepare download" answers only
the browser (cookies) and account it was issued to, once, within the time, and audits the
download before a byte leaves. On SQLite and PostgreSQL (the audit log and the account check)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from core.db import session_scope
from core.schema import AuditEntry, User
from workbench import downloads

COOKIES = {"_streamlit_xsrf": "2|abcd|efgh|1700000000"}


@pytest.fixture
def accounts(settings):
    with session_scope(settings) as s:
        for name, role, team in (("coco", "coordinator", "vice"), ("ana", "analyst", "vice"),
                                 ("olga", "coordinator", "other")):
            s.add(User(username=name, password_hash="x", role=role, team=team))
    return settings


@pytest.fixture
def bundle(tmp_path):
    path = tmp_path / "ZAAK-1.zip"
    path.write_bytes(b"PK\x03\x04 evidence")
    return path


def _client(cookies=None) -> TestClient:
    client = TestClient(Starlette(routes=downloads.ROUTES))
    for name, value in (cookies or {}).items():
        client.cookies.set(name, value)
    return client


def _downloads(settings) -> list[tuple[str, str, dict]]:
    with session_scope(settings) as s:
        return [(e.actor, e.object_id, dict(e.detail)) for e in s.execute(
            select(AuditEntry).where(AuditEntry.action == "case.download").order_by(AuditEntry.id)).scalars()]


def test_once_in_the_same_browser_and_audited(accounts, bundle):
    token = downloads.issue(bundle, "coco", "vice", "case", 7, COOKIES)
    response = _client(COOKIES).get(f"/download/{token}")
    assert response.status_code == 200
    assert response.content == bundle.read_bytes()
    assert "attachment" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"
    [(actor, object_id, detail)] = _downloads(accounts)
    assert (actor, object_id, detail["file"], detail["bytes"]) == ("coco", "7", "ZAAK-1.zip", bundle.stat().st_size)
    assert _client(COOKIES).get(f"/download/{token}").status_code == 404  # spent
    assert len(_downloads(accounts)) == 1


def test_a_client_without_the_cookies_gets_nothing_and_the_link_dies(accounts, bundle):
    token = downloads.issue(bundle, "coco", "vice", "case", 7, COOKIES)
    refused = _client().get(f"/download/{token}")
    assert refused.status_code == 404 and b"PK" not in refused.content
    assert _client(COOKIES).get(f"/download/{token}").status_code == 404  # a tried link is spent
    other = downloads.issue(bundle, "coco", "vice", "case", 7, COOKIES)
    assert _client({"_streamlit_xsrf": "2|other|browser|1"}).get(f"/download/{other}").status_code == 404
    assert _downloads(accounts) == []


def test_the_link_expires(accounts, bundle):
    token = downloads.issue(bundle, "coco", "vice", "case", 7, COOKIES, ttl_s=-1)
    assert _client(COOKIES).get(f"/download/{token}").status_code == 404
    assert _client(COOKIES).get("/download/not-a-token").status_code == 404


@pytest.mark.parametrize("who,team", [("ana", "vice"), ("olga", "vice"), ("ghost", "vice")])
def test_only_an_account_that_may_still_export_the_case(accounts, bundle, who, team):
    token = downloads.issue(bundle, who, team, "case", 7, COOKIES)
    assert _client(COOKIES).get(f"/download/{token}").status_code == 404
    assert _downloads(accounts) == []


def test_no_grant_without_cookies_or_file(bundle, tmp_path):
    with pytest.raises(downloads.DownloadRefused, match="cookie"):
        downloads.issue(bundle, "coco", "vice", "case", 7, {})
    with pytest.raises(downloads.DownloadRefused):
        downloads.issue(tmp_path / "gone.zip", "coco", "vice", "case", 7, COOKIES)
