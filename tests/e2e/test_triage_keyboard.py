"""Triage with the keyboard alone, in a real browser (issue 18, points 1 and 2).

An analyst reviews 20 ads without touching the mouse after signing in: 1 confirms, 2 dismisses
(the cursor lands in the reason field; Enter completes it), 3 escalates, J goes to the next ad
(on to the next page at the end of one). Every decision is checked in the database. The list
is screenshotted in Dutch (tests/e2e/screenshots/triage-keyboard-nl.png) and, for an English
account, in English (triage-list-en.png).

The world is inserted directly (25 flagged ads, one with a phone number in full-width digits),
so the test needs no crawl.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from playwright.sync_api import Page, expect
from sqlalchemy import select

from core.db import session_scope
from core.schema import Ad, AdVersion, IndicatorHit, ReviewDecision, Score, Site, User, analysis_text
from workbench.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("settings", ["sqlite"], indirect=True)]

PASSWORD = "keyboard only please 42"
SCREENSHOTS = Path(__file__).with_name("screenshots")
ADS = 25
REVIEWED = 20
FULLWIDTH = "０６ ３９ ８２ ４５ ４３"


@dataclass(frozen=True)
class World:
    settings: object
    accounts: dict[str, str]


@pytest.fixture
def demo_database(settings) -> World:
    """Overrides the crawled demo world: 25 flagged ads and two accounts (nl and en)."""
    t0 = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    digest = PasswordHasher().hash(PASSWORD)
    with session_scope(settings) as s:
        s.add_all([User(username="anna", password_hash=digest, role="analyst", team="zuid", lang="nl"),
                   User(username="emma", password_hash=digest, role="analyst", team="zuid", lang="en")])
        site = Site(name="classic", base_url="http://127.0.0.1:8765/classic/")
        s.add(site)
        s.flush()
        for i in range(ADS):
            ad = Ad(site_id=site.id, site_ad_id=f"k{i}", url=f"http://127.0.0.1:8765/classic/ad/k{i}",
                    first_seen=t0 + timedelta(hours=i), last_seen=t0 + timedelta(days=2))
            s.add(ad)
            s.flush()
            body = f"Nieuw in de stad, 24/7 beschikbaar. Bel {FULLWIDTH}" if i == 0 else \
                f"Advertentie {i}: 24/7 beschikbaar, boeken via mijn manager."
            v = AdVersion(ad_id=ad.id, version_no=1, title=f"Sanne {i}", body=body, city="Utrecht", age_text="19",
                          name="Sanne", content_sha256=hashlib.sha256(body.encode()).hexdigest(),
                          captured_at=t0 + timedelta(hours=i))
            s.add(v)
            s.flush()
            text = analysis_text(v.title, v.body)
            start = text.index("24/7")
            s.add(IndicatorHit(ad_version_id=v.id, code="always_available", category="coercion", start=start,
                               end=start + 4, text="24/7", weight=0.4, explanation="always available",
                               source="lexicon nl.yaml (test)"))
            s.add(Score(ad_version_id=v.id, model_version="test-1", risk=round(0.95 - i * 0.02, 2), flagged=True,
                        reasons=["always available"]))
    return World(settings, {"anna": PASSWORD, "emma": PASSWORD})


def idle(page: Page) -> None:
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def sign_in(page: Page, url: str, username: str, lang: str) -> None:
    page.goto(url)
    page.get_by_label(translate("nl", "signin.username")).fill(username)
    page.get_by_label(translate("nl", "signin.password")).fill(PASSWORD)
    page.get_by_role("button", name=translate("nl", "signin.submit")).click()
    expect(page.get_by_role("heading", name=translate(lang, "page.home"))).to_be_visible()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=translate(lang, "page.triage"), exact=True).click()
    expect(page.get_by_role("heading", name=translate(lang, "page.triage"), level=1)).to_be_visible()
    idle(page)


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def panel_title(page: Page):
    return page.locator(".st-key-triage_panel h3")


def test_an_analyst_reviews_twenty_ads_with_the_keyboard_alone(workbench_url, browser_page, demo_database):
    page = browser_page
    sign_in(page, workbench_url, "anna", "nl")
    with session_scope(demo_database.settings) as s:
        order = list(s.execute(select(Ad.id).join(AdVersion).join(Score, Score.ad_version_id == AdVersion.id)
                               .order_by(Score.risk.desc(), Ad.id)).scalars())
    # The disguised number is readable beside the original (and the font draws the full-width digits).
    expect(page.get_by_text("06 39 82 45 43")).to_be_visible()
    expect(page.locator(".st-key-triage_list").get_by_text(translate("nl", "triage.why.threshold")).first).to_be_visible()
    screenshot(page, "triage-keyboard-nl")
    page.evaluate("document.activeElement && document.activeElement.blur()")  # as after signing in, no field
    expected = {}
    for n in range(REVIEWED):
        ad_id = order[n]
        try:
            expect(panel_title(page)).to_have_text(f"{translate('nl', 'triage.ad')} {ad_id}")
        except AssertionError:
            with session_scope(demo_database.settings) as s:
                print("DECISIONS", [(d.ad_id, d.decision, d.reason) for d in s.execute(select(ReviewDecision)).scalars()])
            raise
        expect(panel_title(page)).to_have_text(f"{translate('nl', 'triage.ad')} {ad_id}")
        if n % 5 == 3:
            page.keyboard.press("2")
            idle(page)
            reason = page.locator(f".st-key-reason_{ad_id} input")
            expect(reason).to_be_focused()
            page.keyboard.type(f"disclaimer {n}")
            page.keyboard.press("Enter")
            idle(page)
            expect(reason).not_to_be_focused()  # the page takes the cursor back out: J works again
            expected[ad_id] = ("dismiss", f"disclaimer {n}")
        elif n % 7 == 6:
            page.keyboard.press("3")
            expected[ad_id] = ("urgent", "")
        else:
            page.keyboard.press("1")
            expected[ad_id] = ("confirm", "")
        idle(page)
        # The outcome shows on the card that was decided, not elsewhere.
        expect(page.locator(".st-key-triage_panel [data-testid='stAlert']").first).to_be_visible()
        page.keyboard.press("j")
        idle(page)
    with session_scope(demo_database.settings) as s:
        got = {d.ad_id: (d.decision, d.reason) for d in s.execute(select(ReviewDecision)).scalars()}
    assert got == expected
    assert len(got) == REVIEWED
    screenshot(page, "triage-keyboard-nl-done")


def test_the_triage_list_in_english(workbench_url, browser_page, demo_database):
    page = browser_page
    sign_in(page, workbench_url, "emma", "en")
    expect(page.get_by_text(translate("en", "triage.ads.other", n=ADS) + " in the queue")).to_be_visible()
    expect(page.get_by_text(translate("en", "triage.keys_help"))).to_be_visible()
    page.get_by_role("button", name=translate("en", "triage.next_page")).first.click()
    idle(page)
    expect(page.get_by_text(translate("en", "triage.page_of", page=2, pages=2)).first).to_be_visible()
    screenshot(page, "triage-list-en")


def test_the_home_page_per_role_says_what_to_do_first(workbench_url, browser_page, demo_database):
    """Screenshots home-analyst-nl.png (a claim, new ads) and home-coordinator-en.png (an escalation)."""
    from casefiles.claims import claim
    from casefiles.review import decide

    with session_scope(demo_database.settings) as s:
        anna = s.execute(select(User).where(User.username == "anna")).scalar_one()
        s.add(User(username="coco", password_hash=anna.password_hash, role="coordinator", team="zuid", lang="en"))
        ids = list(s.execute(select(Ad.id).order_by(Ad.id)).scalars())
        claim(s, anna, ids[:2])
        decide(s, anna, ids[2], "urgent", "looks young")
    page = browser_page
    page.goto(workbench_url)
    page.get_by_label(translate("nl", "signin.username")).fill("anna")
    page.get_by_label(translate("nl", "signin.password")).fill(PASSWORD)
    page.get_by_role("button", name=translate("nl", "signin.submit")).click()
    expect(page.get_by_role("heading", name=translate("nl", "home.first"))).to_be_visible()
    expect(page.get_by_text(translate("nl", "home.todo_claims", ads="2 advertenties"))).to_be_visible()
    idle(page)
    screenshot(page, "home-analyst-nl")
    other = page.context.browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    other.goto(workbench_url)
    other.get_by_label(translate("nl", "signin.username")).fill("coco")
    other.get_by_label(translate("nl", "signin.password")).fill(PASSWORD)
    other.get_by_role("button", name=translate("nl", "signin.submit")).click()
    expect(other.get_by_role("heading", name=translate("en", "home.first"))).to_be_visible()
    expect(other.get_by_text(translate("en", "home.todo_urgent", ads="1 ad"))).to_be_visible()
    idle(other)
    screenshot(other, "home-coordinator-en")
    other.context.close()


def test_a_case_export_keeps_the_panel_open_and_shows_its_history(workbench_url, browser_page, demo_database):
    """Screenshot case-export-nl.png: the message (file name and key fingerprint, no server path), the
    download step in the still-open panel, and the export history."""
    from casefiles.cases import add_ad, create_case
    from casefiles.review import decide

    with session_scope(demo_database.settings) as s:
        anna = s.execute(select(User).where(User.username == "anna")).scalar_one()
        s.add(User(username="carla", password_hash=anna.password_hash, role="coordinator", team="zuid", lang="nl"))
        first = s.execute(select(Ad.id).order_by(Ad.id)).scalars().first()
        decide(s, anna, first, "confirm", "")
        case = create_case(s, "Netwerk Utrecht", "zuid", anna)
        add_ad(s, case, first, anna)
        number = case.number
    page = browser_page
    page.goto(workbench_url)
    page.get_by_label(translate("nl", "signin.username")).fill("carla")
    page.get_by_label(translate("nl", "signin.password")).fill(PASSWORD)
    page.get_by_role("button", name=translate("nl", "signin.submit")).click()
    expect(page.get_by_role("heading", name=translate("nl", "page.home"))).to_be_visible()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=translate("nl", "page.cases"), exact=True).click()
    idle(page)
    page.get_by_text(number).first.click()  # open the case panel
    page.get_by_role("button", name=translate("nl", "cases.export")).click()
    idle(page)
    alert = page.get_by_test_id("stAlert").first
    expect(alert).to_contain_text(number)
    expect(alert).to_contain_text(".zip")
    assert str(demo_database.settings.data_path) not in alert.inner_text()  # no server path
    # The panel stayed open: the download step and the history are in view without clicking again.
    before, after = translate("nl", "cases.prepare_download", name="\x00").split("\x00")
    expect(page.get_by_role("button", name=re.compile(re.escape(before) + ".+" + re.escape(after)))).to_be_visible()
    expect(page.get_by_text(translate("nl", "cases.history"))).to_be_visible()
    screenshot(page, "case-export-nl")


@pytest.mark.parametrize(("username", "lang"), [("anna", "nl"), ("emma", "en")])
def test_every_page_opens_in_the_accounts_language(workbench_url, browser_page, demo_database, username, lang):
    """Each page an analyst may open, reached from the sidebar, carries its title in the account's
    language and no failure message; screenshots pages-<page>-<lang>.png."""
    from workbench.nav import PAGES

    page = browser_page
    sign_in(page, workbench_url, username, lang)
    failure = re.compile(r"\((?:referentie|reference) [0-9a-f]+\)")
    for stem, _url, _icon, action in PAGES:
        if action not in (None, "ad.view", "dossier.view", "case.view"):
            continue  # users and audit belong to other roles
        title = translate(lang, f"page.{stem}")
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
        expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        idle(page)
        expect(page.get_by_text(failure)).to_have_count(0)
        screenshot(page, f"pages-{stem}-{lang}")
