"""The workbench in a real browser, on a crawled and analysed demo world.

An analyst triages three hits, opens one and pivots on its phone number to the network,
and starts a case; a coordinator opens a dossier on that number, classifies it oranje and
stacks it in the case. Every step is checked on the page and in the database. Last, the
ads whose crawled text carries markup (a ``<script>``) are opened to prove it stays inert.

SQLite only: the demo crawl dominates the run time, and the PostgreSQL path of every
write used here is covered by the casefiles and workbench tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import func, select

from core.db import session_scope
from core.schema import (
    Ad,
    AdVersion,
    AuditEntry,
    Case,
    CaseSignal,
    Classification,
    Dossier,
    Entity,
    IndicatorHit,
    ReviewDecision,
    Score,
    User,
)
from core.settings import Settings
from crawlers.demosite.texts import phrases
from workbench.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("settings", ["sqlite"], indirect=True)]

LANG = "nl"  # the demo accounts keep the default interface language
CASE_TITLE = "E2E zaak telefoonnetwerk"
DISMISS_REASON = "Disclaimer van de site, geen signaal"
CLASSIFY_REASON = "Eén nummer achter advertenties op twee sites, bevestigd en urgent gemeld"
INJECTION_MARK = "signalstack-xss"
SCREENSHOTS = Path(__file__).with_name("screenshots")  # git-ignored


def T(key: str, **values: object) -> str:
    return translate(LANG, key, **values)


def shaped(key: str, **values: object) -> re.Pattern[str]:
    """The whole text of `key`, with placeholders not given (a new case number, a new id) as wildcards."""
    marker = "\x00"
    unknown = {name: marker for name in re.findall(r"{(\w+)}", translate(LANG, key)) if name not in values}
    parts = T(key, **values, **unknown).split(marker)
    return re.compile("^" + r"\S+".join(re.escape(part) for part in parts) + "$")


# ---- what the test picks from the database ---------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    pivot_ad: int  # confirmed, opened, pivoted on
    pivot_phone: str  # E.164, shared with other ads
    network: frozenset[int]  # every ad carrying that phone
    dismissed_ad: int
    urgent_ad: int
    injection_ads: dict[int, str]  # ad id -> the demo world's injection line its text carries


def _phones_by_ad(session) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for ad_id, value in session.execute(select(AdVersion.ad_id, Entity.value).join(
            Entity, Entity.ad_version_id == AdVersion.id).where(Entity.kind == "phone")):
        out.setdefault(ad_id, set()).add(value)
    return out


def plan_from(settings: Settings) -> Plan:
    with session_scope(settings) as s:
        newest = select(AdVersion.ad_id, func.max(AdVersion.id).label("vid")).group_by(AdVersion.ad_id).subquery()
        flagged = sorted(s.execute(select(newest.c.ad_id).join(Score, Score.ad_version_id == newest.c.vid)
                                   .where(Score.flagged.is_(True))).scalars())
        phones = _phones_by_ad(s)
        carriers: dict[str, set[int]] = {}
        for ad_id, numbers in phones.items():
            for number in numbers:
                carriers.setdefault(number, set()).add(ad_id)
        # The flagged ad whose number reaches the most other ads makes the richest pivot.
        candidates = [(len(carriers[p]), ad, p) for ad in flagged for p in phones.get(ad, ()) if len(carriers[p]) > 1]
        assert candidates, "the demo world should have a flagged ad sharing its number with another ad"
        _, pivot_ad, pivot_phone = max(candidates)
        # An analyst's dismissal of an ad with a minor indicator is only a proposal (four eyes): the
        # ad dismissed here carries none, so the analyst's decision stands.
        minor = set(s.execute(select(newest.c.ad_id).join(IndicatorHit, IndicatorHit.ad_version_id == newest.c.vid)
                              .where(IndicatorHit.category == "minor")).scalars())
        others = sorted((ad for ad in flagged if ad != pivot_ad), key=lambda ad: (ad in minor, ad))
        assert len(others) >= 2 and others[0] not in minor, f"need three flagged ads to triage, have {flagged}"
        injections = {ad_id: line for ad_id, title, body in s.execute(
                          select(AdVersion.ad_id, AdVersion.title, AdVersion.body))
                      for line in phrases()["injection_lines"] if line in f"{title}\n{body}"}
        return Plan(pivot_ad, pivot_phone, frozenset(carriers[pivot_phone]), others[0], others[1], injections)


def decisions(settings: Settings) -> dict[int, tuple[str, str, str]]:
    """Newest review decision per ad: (decision, username, reason)."""
    with session_scope(settings) as s:
        rows = s.execute(select(ReviewDecision.ad_id, ReviewDecision.decision, User.username, ReviewDecision.reason)
                         .join(User, User.id == ReviewDecision.user_id).order_by(ReviewDecision.id)).all()
    return {ad: (decision, who, reason) for ad, decision, who, reason in rows}


def count(settings: Settings, model, *where) -> int:
    with session_scope(settings) as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def audited(settings: Settings, actor: str, action: str) -> list[AuditEntry]:
    with session_scope(settings) as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.actor == actor, AuditEntry.action == action)
                         .order_by(AuditEntry.id)).scalars().all()
        s.expunge_all()
        return list(rows)


# ---- browser helpers ---------------------------------------------------------------------------------


# A page opened cold in a new tab (a fresh Streamlit session) can take longer than a rerun on a loaded
# 2-core CI machine: a run of the full suite once waited over 30 s for it.
IDLE_TIMEOUT_MS = 90_000


def idle(page: Page) -> None:
    """Wait until Streamlit has finished the rerun the last action started."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                           timeout=IDLE_TIMEOUT_MS)


def sign_in(page: Page, url: str, username: str, password: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=T("signin.title"))).to_be_visible()
    page.get_by_label(T("signin.username")).fill(username)
    page.get_by_label(T("signin.password")).fill(password)
    page.get_by_role("button", name=T("signin.submit")).click()
    expect(page.get_by_role("heading", name=T("page.home"))).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text(username, exact=True)).to_be_visible()


def open_page(page: Page, key: str) -> None:
    """Navigate with the sidebar (a fresh page load would start a new, signed-out session)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=T(key), exact=True).click()
    expect(page.get_by_role("heading", name=T(key), level=1)).to_be_visible()
    idle(page)


def type_in(page: Page, field, text: str) -> None:
    """Fill a text input and commit it (Streamlit keeps a value once Enter is pressed)."""
    field.fill(text)
    field.press("Enter")
    idle(page)


def press_until(page: Page, button, done, written) -> None:
    """Click `button` until `done` shows. A click that lands while a rerun re-renders the button is
    lost on a loaded machine; click again only while `written()` says nothing reached the database,
    so a slow write is never done twice."""
    for _attempt in range(3):
        idle(page)
        button.click()
        try:
            expect(done).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if written():
                break
    expect(done).to_be_visible()


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the select box labelled `label` (nothing to do when it already shows it)."""
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_role("combobox", name=label))
    expect(box).to_have_count(1)
    combobox = box.get_by_role("combobox")
    if combobox.input_value() == option:
        return
    idle(page)
    wanted = page.get_by_role("option", name=option, exact=True)
    # A rerun that lands just after a click closes the list again or re-renders it under the
    # pointer (the option is detached mid-click): open it and click again until the box shows it.
    for attempt in range(5):
        try:
            if not wanted.is_visible():
                combobox.click()
                wanted.wait_for(state="visible", timeout=5_000)
            wanted.click(timeout=5_000)
            expect(combobox).to_have_value(option, timeout=5_000)
            break
        except (PlaywrightTimeout, AssertionError):
            if attempt == 4:
                raise
            page.keyboard.press("Escape")
            idle(page)
    expect(combobox).to_have_value(option)
    idle(page)


def save_screenshot(page: Page, name: str) -> Path:
    """A full-page PNG under tests/e2e/screenshots/.

    Streamlit scrolls inside its main block, not the document, so Playwright's full_page
    alone would stop at the window: grow the window to the content first.
    """
    SCREENSHOTS.mkdir(exist_ok=True)
    height = page.evaluate("""() => Math.max(document.documentElement.scrollHeight,
        ...Array.from(document.querySelectorAll('[data-testid="stMain"], section, div'))
           .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
           .map(e => e.scrollHeight + e.getBoundingClientRect().top))""")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    try:
        page.wait_for_timeout(300)  # let the layout follow the new window size before the shot
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def row(page: Page, ad_id: int):
    return page.locator(f".st-key-row_{ad_id}")


def panel(page: Page):
    """The triage side panel: the selected ad's text, decision buttons and case controls."""
    return page.locator(".st-key-triage_panel")


def pick(page: Page, ad_id: int) -> None:
    """Select an ad in the triage list; the side panel shows it."""
    idle(page)
    page.locator(f".st-key-pick_{ad_id} button").click()
    idle(page)
    expect(panel(page).get_by_role("heading", name=f"{T('triage.ad')} {ad_id}")).to_be_visible()
    idle(page)  # a second rerun may follow (a field that lost focus commits its value)


def decide_in_panel(page: Page, decision: str) -> None:
    idle(page)
    panel(page).get_by_role("button", name=T("decision." + decision)).first.click()


# ---- the scenario ------------------------------------------------------------------------------------


def analyst_triages(page: Page, settings: Settings, plan: Plan) -> str:
    open_page(page, "page.triage")
    for ad in (plan.pivot_ad, plan.dismissed_ad, plan.urgent_ad):
        expect(row(page, ad)).to_be_visible()

    pick(page, plan.pivot_ad)
    decide_in_panel(page, "confirm")
    expect(panel(page).get_by_text(T("review.saved", ad=plan.pivot_ad, decision=T("decision.confirm")))).to_be_visible()

    # A dismissal without a reason asks for one (it becomes a training label) and nothing is stored;
    # the reason, with Enter, completes it.
    pick(page, plan.dismissed_ad)
    decide_in_panel(page, "dismiss")
    expect(panel(page).get_by_text(T("review.reason_required"))).to_be_visible()
    assert plan.dismissed_ad not in decisions(settings)
    type_in(page, panel(page).get_by_label(T("review.reason")), DISMISS_REASON)
    expect(panel(page).get_by_text(T("review.saved", ad=plan.dismissed_ad, decision=T("decision.dismiss")))
           ).to_be_visible()
    # The reason field is emptied, so a later decision on this ad cannot carry the old reason along.
    # (Until the rerun ends, the frontend may still show the field as it was before it.)
    idle(page)
    expect(panel(page).get_by_label(T("review.reason"))).to_have_value("")

    pick(page, plan.urgent_ad)
    decide_in_panel(page, "urgent")
    expect(panel(page).get_by_text(T("review.saved", ad=plan.urgent_ad, decision=T("decision.urgent")))).to_be_visible()

    for ad, decision in ((plan.pivot_ad, "confirm"), (plan.dismissed_ad, "dismiss"), (plan.urgent_ad, "urgent")):
        expect(row(page, ad).get_by_text(T("decision." + decision))).to_be_visible()  # the row's badge
        pick(page, ad)
        expect(panel(page).get_by_text(T("triage.decided", decision=T("decision." + decision), user="analist"))
               ).to_be_visible()
    stored = decisions(settings)
    assert stored[plan.pivot_ad][:2] == ("confirm", "analist")
    assert stored[plan.dismissed_ad] == ("dismiss", "analist", DISMISS_REASON)
    assert stored[plan.urgent_ad][:2] == ("urgent", "analist")

    # The confirmed ad may now enter a case: the analyst opens a new one with it.
    pick(page, plan.pivot_ad)
    pivot_row = panel(page)
    expect(pivot_row.get_by_role("combobox", name=T("case.choose"))).to_be_visible()
    type_in(page, pivot_row.get_by_label(T("case.new_title")), CASE_TITLE)
    pivot_row.get_by_role("button", name=T("case.add")).click()
    expect(page.get_by_text(shaped("case.added", ad=plan.pivot_ad))).to_be_visible()
    with session_scope(settings) as s:
        case = s.execute(select(Case).where(Case.title == CASE_TITLE)).scalar_one()
        signals = s.execute(select(CaseSignal).where(CaseSignal.case_id == case.id)).scalars().all()
        assert [(x.kind, x.ad_id, x.added_by) for x in signals] == [("ad", plan.pivot_ad, "analist")]
        number = case.number
    expect(page.get_by_text(T("case.added", ad=plan.pivot_ad, case=number))).to_be_visible()
    save_screenshot(page, "2-triage")
    return number


def analyst_pivots(page: Page, settings: Settings, plan: Plan) -> None:
    panel(page).get_by_role("link", name=T("triage.open_ad")).click()
    expect(page.get_by_role("heading", name=T("page.ad"), level=1)).to_be_visible()
    expect(page.get_by_label(T("ad.id"))).to_have_value(str(plan.pivot_ad))
    expect(page.get_by_role("heading", name=T("ad.pivots"))).to_be_visible()
    phone_link = page.get_by_role("link", name=f"{T('entity.phone')}: {plan.pivot_phone}")
    expect(phone_link).to_be_visible()
    # The confirmed decision is listed, and the capture the text came from is named by its hash.
    expect(page.get_by_text(re.compile(rf"{T('decision.confirm')} · analist · v\d"))).to_be_visible()
    with session_scope(settings) as s:
        capture_sha = s.get(Ad, plan.pivot_ad).current.capture.sha256
    expect(page.get_by_text(re.compile(f"sha256 {capture_sha}"))).to_be_visible()
    idle(page)
    save_screenshot(page, "3-ad")

    pivot_block = page.get_by_test_id("stHorizontalBlock").filter(has=phone_link)
    pivot_block.get_by_role("link", name=T("ad.to_network")).click()
    expect(page.get_by_role("heading", name=T("page.network"), level=1)).to_be_visible()
    expect(page.get_by_label(T("network.seed"))).to_have_value(f"phone:{plan.pivot_phone}")
    expect(page.get_by_role("heading", name=T("network.ads_list"))).to_be_visible()
    for ad in plan.network:
        expect(page.get_by_role("link", name=re.compile(rf"^{ad} · "))).to_be_visible()
    idle(page)
    save_screenshot(page, "4-network")
    views = audited(settings, "analist", "network.view")
    assert views and views[-1].object_id == f"phone:{plan.pivot_phone}"
    assert views[-1].detail["ads"] >= len(plan.network)


def sign_out(page: Page, settings: Settings, username: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("button", name=T("sidebar.signout"), exact=True).click()
    expect(page.get_by_role("heading", name=T("signin.title"))).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    assert audited(settings, username, "signout")


def coordinator_classifies(page: Page, settings: Settings, plan: Plan, case_number: str) -> None:
    # The coordinator's start page lists what analysts escalated.
    expect(page.locator(f".st-key-urgent_{plan.urgent_ad}")).to_be_visible()

    open_page(page, "page.dossiers")
    page.get_by_text(T("dossier.new"), exact=True).click()
    type_in(page, page.get_by_label(T("dossier.subject"), exact=True), plan.pivot_phone)
    type_in(page, page.get_by_label(T("dossier.title"), exact=True), "Netwerk achter " + plan.pivot_phone)
    press_until(page, page.get_by_role("button", name=T("dossier.create")),
                page.get_by_text(shaped("dossier.created")), lambda: count(settings, Dossier) > 0)
    with session_scope(settings) as s:
        dossier = s.execute(select(Dossier)).scalar_one()
        assert (dossier.subject_kind, dossier.subject, dossier.team, dossier.created_by) == (
            "phone", plan.pivot_phone, "demo", "coordinator")
        dossier_id = dossier.id
    expect(page.get_by_role("heading", name=re.compile(re.escape(plan.pivot_phone)))).to_be_visible()
    # Every ad with the number is stacked, the confirmed one with the analyst's decision.
    expect(page.get_by_role("link", name=re.compile(
        rf"{T('triage.ad')} {plan.pivot_ad} v\d.*{T('decision.confirm')} \(analist\)"))).to_be_visible()

    choose(page, T("dossier.colour"), T("colour.oranje"))
    type_in(page, page.get_by_label(T("dossier.reason"), exact=True), CLASSIFY_REASON)
    press_until(page, page.get_by_role("button", name=T("dossier.classify")),
                page.get_by_text(T("dossier.classified", colour=T("colour.oranje"))),
                lambda: count(settings, Classification) > 0)
    expect(page.get_by_text(re.compile(re.escape(CLASSIFY_REASON)))).to_be_visible()
    with session_scope(settings) as s:
        history = s.execute(select(Classification).where(Classification.dossier_id == dossier_id)).scalars().all()
        assert [(c.colour, c.direction, c.reason, c.decided_by) for c in history] == [
            ("oranje", "initial", CLASSIFY_REASON, "coordinator")]

    choose(page, T("case.choose"), f"{case_number} — {CASE_TITLE}")
    press_until(page, page.get_by_role("button", name=T("case.add")),
                page.get_by_text(T("dossier.added_to_case", case=case_number)),
                lambda: count(settings, CaseSignal, CaseSignal.dossier_id == dossier_id) > 0)
    with session_scope(settings) as s:
        signal = s.execute(select(CaseSignal).where(CaseSignal.dossier_id == dossier_id)).scalar_one()
        assert (signal.kind, signal.added_by) == ("dossier", "coordinator")
        assert s.get(Case, signal.case_id).number == case_number
    idle(page)
    save_screenshot(page, "5-dossier")

    open_page(page, "page.cases")
    page.get_by_text(re.compile(re.escape(case_number))).first.click()
    expect(page.get_by_role("link", name=re.compile(rf"{T('triage.ad')} {plan.pivot_ad}$"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(rf"{T('dossier.kind')} #{dossier_id}$"))).to_be_visible()
    idle(page)
    save_screenshot(page, "6-case")


def injected_ads_stay_inert(page: Page, settings: Settings, plan: Plan, dialogs: list[str]) -> None:
    assert any(line.startswith("<script>") for line in plan.injection_ads.values()), plan.injection_ads
    open_page(page, "page.ad")
    for n, (ad_id, payload) in enumerate(sorted(plan.injection_ads.items()), start=1):
        with session_scope(settings) as s:
            ad_url = s.get(Ad, ad_id).url
        type_in(page, page.get_by_label(T("ad.id")), str(ad_id))
        expect(page.get_by_text(ad_url, exact=True).first).to_be_visible()
        # The markup is shown as the text it is...
        expect(page.get_by_text(payload).first).to_be_visible()
        save_screenshot(page, f"7-injection-{n}")
        # ...and none of it became live: no script element, no element the payload could add, no call.
        assert page.evaluate("""mark => Array.from(document.querySelectorAll('script, img, a, iframe'))
            .filter(e => (e.outerHTML || '').includes(mark)).length""", INJECTION_MARK) == 0
        assert page.evaluate("window.__xss") is None
    assert dialogs == []
    viewed = {entry.object_id for entry in audited(settings, "coordinator", "ad.view")}
    assert {str(ad_id) for ad_id in plan.injection_ads} <= viewed

    # The detector itself works: a script that does run is seen both ways.
    page.evaluate("alert('probe')")
    assert dialogs == ["probe"] and page.evaluate("window.__xss") == ["probe"]


def test_review_to_case_in_a_real_browser(demo_database, workbench_url, browser_page):
    page, settings, accounts = browser_page, demo_database.settings, demo_database.accounts
    plan = plan_from(settings)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(workbench_url)
    expect(page.get_by_role("heading", name=T("signin.title"))).to_be_visible()
    save_screenshot(page, "1-sign-in")
    sign_in(page, workbench_url, "analist", accounts["analist"])
    case_number = analyst_triages(page, settings, plan)
    analyst_pivots(page, settings, plan)
    sign_out(page, settings, "analist")

    sign_in(page, workbench_url, "coordinator", accounts["coordinator"])
    coordinator_classifies(page, settings, plan, case_number)
    injected_ads_stay_inert(page, settings, plan, dialogs)

    with session_scope(settings) as s:
        assert s.execute(select(func.count(ReviewDecision.id))).scalar() == 3


# ---- the ad page in Dutch: disguised numbers read, claims shown; network and dossier pages (issue 18) ----

FULLWIDTH = "".join(chr(0xFF10 + int(d)) for d in "0612345678")  # ０６１２３４５６７８
KEYCAPS = "".join(d + "\ufe0f\u20e3" for d in "0687654321")  # 0️⃣6️⃣8️⃣…


def _disguised_version(settings: Settings, ad_id: int) -> int:
    """A new version of `ad_id` whose text adds two disguised numbers; returns its version number."""
    with session_scope(settings) as s:
        old = s.get(Ad, ad_id).current
        number = old.version_no + 1
        s.add(AdVersion(ad_id=ad_id, version_no=number, content_sha256="e" * 64, title=old.title,
                        body=f"{old.body}\nNieuw nummer: {FULLWIDTH} of {KEYCAPS}", name=old.name,
                        age_text=old.age_text, city=old.city, phones_text=old.phones_text,
                        posted_at=old.posted_at, images=old.images, lang=old.lang))
    return number


def test_dutch_ad_page_reads_disguised_numbers_and_shows_claims(demo_database, workbench_url, browser_page):
    from casefiles.claims import claim
    from casefiles.dossiers import create_dossier

    page, settings, accounts = browser_page, demo_database.settings, demo_database.accounts
    plan = plan_from(settings)
    version = _disguised_version(settings, plan.pivot_ad)
    with session_scope(settings) as s:
        coordinator = s.execute(select(User).where(User.username == "coordinator")).scalar_one()
        claim(s, coordinator, [plan.dismissed_ad])
        create_dossier(s, "analist", "phone", plan.pivot_phone, title="Netwerk achter " + plan.pivot_phone)

    sign_in(page, workbench_url, "analist", accounts["analist"])
    open_page(page, "page.ad")
    type_in(page, page.get_by_label(T("ad.id")), str(plan.pivot_ad))
    # Beside the raw text, each disguised number as it reads.
    for original, reading in ((FULLWIDTH, "0612345678"), (KEYCAPS, "0687654321")):
        line = page.get_by_test_id("stCaptionContainer").filter(has_text=reading)
        expect(line).to_have_count(1)
        expect(line).to_contain_text(original)
    # The version diff says the same, with the digits plain.
    page.get_by_text(T("ad.change", old=version - 1, new=version, at="").split(" (")[0]).click()
    expect(page.get_by_text(T("ad.diff_read_as"))).to_be_visible()
    expect(page.get_by_test_id("stCode").filter(has_text="+Nieuw nummer: 0612345678 of 0687654321")).to_be_visible()
    idle(page)
    save_screenshot(page, "ad-nl-disguised")
    # Nobody holds it: claim it, see it is the analyst's, release it again (as in the triage list).
    claim_row = page.locator(".st-key-ad_claim")
    expect(claim_row).to_contain_text(T("claim.none"))
    claim_row.get_by_role("button", name=T("claim.one")).click()
    idle(page)
    expect(claim_row).to_contain_text(T("claim.mine_until", until="X")[:-2])
    idle(page)
    save_screenshot(page, "ad-nl-disguised-claimed")
    claim_row.get_by_role("button", name=T("claim.release")).click()
    idle(page)
    expect(claim_row).to_contain_text(T("claim.none"))

    # An ad someone else holds says who and until when, and offers no button to take it over.
    type_in(page, page.get_by_label(T("ad.id")), str(plan.dismissed_ad))
    expect(claim_row).to_contain_text(T("claim.held_by", user="coordinator", until="X")[:-3])
    expect(claim_row.get_by_role("button")).to_have_count(0)
    save_screenshot(page, "ad-nl-claimed-by-other")

    type_in(page, page.get_by_label(T("ad.id")), str(plan.pivot_ad))
    page.get_by_role("link", name=T("ad.network_of_ad")).click()
    expect(page.get_by_role("heading", name=T("page.network"), level=1)).to_be_visible()
    expect(page.get_by_role("heading", name=T("network.ads_list"))).to_be_visible()
    idle(page)
    page.wait_for_timeout(1500)  # the charts draw after the script run
    save_screenshot(page, "network-nl")

    open_page(page, "page.dossiers")
    expect(page.get_by_role("heading", name=T("dossier.tally"))).to_be_visible()
    idle(page)
    page.wait_for_timeout(800)
    save_screenshot(page, "dossier-nl")
    assert page.evaluate("window.__xss") is None


def test_a_text_model_hit_shows_its_reading_on_the_ad_page(demo_database, workbench_url, browser_page):
    """A `read_as_*` hit keeps its probability and the words that weighed most in its stored explanation
    (nlp.extract); the ad page shows them after the lexicon's Dutch explanation."""
    from nlp.extract import extract

    page, settings = browser_page, demo_database.settings
    text = "Please be kind to the man at the wheel, he is the one who gets the envelope. Zwolle."
    hit = next(h for h in extract(text).indicators if h["code"] == "read_as_coercion")
    reading = hit["explanation"][hit["explanation"].rfind(" [p = ") + 1 :]
    with session_scope(settings) as s:
        ad = s.execute(select(Ad).order_by(Ad.id)).scalars().first()
        s.add(IndicatorHit(ad_version_id=ad.current.id, code=hit["code"], category=hit["category"], start=0,
                           end=min(10, len(ad.current.text)), text=ad.current.text[:10], weight=hit["weight"],
                           explanation=hit["explanation"], source=hit["source"]))
        ad_id = ad.id
    sign_in(page, workbench_url, "analist", demo_database.accounts["analist"])
    open_page(page, "page.ad")
    type_in(page, page.get_by_label(T("ad.id")), str(ad_id))
    expect(page.get_by_text(reading, exact=False).first).to_be_visible()
    expect(page.get_by_text("Het tekstmodel", exact=False).first).to_be_visible()
    idle(page)
    save_screenshot(page, "ad-nl-model-reading")


def test_weak_evidence_alone_shows_in_its_own_panel_on_the_ad_page(demo_database, workbench_url, browser_page):
    """Round 11: a low price that stood alone in its category is stored as held back (`supporting_only`);
    the ad page shows it in a panel of its own, beside the one for an ordinary-listing veto."""
    from core.schema import HeldBackHit
    from nlp.analyse import SUPPORTING_ONLY

    page, settings = browser_page, demo_database.settings
    with session_scope(settings) as s:
        ad = s.execute(select(Ad).order_by(Ad.id)).scalars().first()
        text = ad.current.text
        s.add(HeldBackHit(ad_version_id=ad.current.id, code="very_low_price", category="coercion", start=0,
                          end=min(8, len(text)), text=text[:8], weight=0.25, explanation="Lage prijs",
                          source="computed", reason=SUPPORTING_ONLY, verdict={"method": "supporting"}))
        s.add(HeldBackHit(ad_version_id=ad.current.id, code="school_words", category="minor", start=0,
                          end=min(5, len(text)), text=text[:5], weight=0.4, explanation="school", source="lexicon",
                          reason="non_adult_listing",
                          verdict={"method": "rules", "adult_probability": None, "cue": "vakantiewerk", "terms": []}))
        ad_id = ad.id
    sign_in(page, workbench_url, "analist", demo_database.accounts["analist"])
    open_page(page, "page.ad")
    type_in(page, page.get_by_label(T("ad.id")), str(ad_id))
    supporting = page.get_by_text(T("ad.held_back_supporting.one", n=1), exact=True)
    listing = page.get_by_text(T("ad.held_back.one", n=1), exact=True)
    expect(supporting).to_be_visible()
    expect(listing).to_be_visible()
    supporting.click()
    expect(page.get_by_text(T("ad.held_back_why.supporting"), exact=False)).to_be_visible()
    idle(page)
    save_screenshot(page, "ad-nl-supporting-only")
