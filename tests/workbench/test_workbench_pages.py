"""The workbench pages driven through streamlit.testing.v1.AppTest, per role, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casefiles.cases import create_case
from casefiles.review import decide
from core.db import session_scope
from core.schema import AuditEntry, Case, ReviewDecision, User


def _texts(elements) -> list[str]:
    return [e.value for e in elements]


def _audit_actions(settings) -> list[str]:
    with session_scope(settings) as s:
        return list(s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


def _decisions(settings, ad_id) -> list[tuple[str, str, str]]:
    with session_scope(settings) as s:
        rows = s.execute(select(ReviewDecision).where(ReviewDecision.ad_id == ad_id).order_by(ReviewDecision.id))
        return [(d.decision, d.reason, d.user.username) for d in rows.scalars()]


def test_sign_in_refuses_a_wrong_password_and_accepts_the_right_one(world, app, settings):
    at = app(world, None)
    assert _texts(at.title) == ["Inloggen"]
    at.text_input(key="signin_username").input("anna")
    at.text_input(key="signin_password").input("not the password")
    at.button[0].click().run()
    assert at.error and "wachtwoord" in at.error[0].value
    assert at.session_state.get("user_id") is None
    at.text_input(key="signin_password").input(world.password)
    at.button[0].click().run()
    assert not app.failed(at)
    assert at.session_state["user_id"] == world.users["anna"]
    assert _texts(at.title) == ["Overzicht"]
    assert _audit_actions(settings)[-4:-1] == ["signin.fail", "signin.ok", "session.start"]


def test_sign_out_and_deactivated_account(world, app, settings):
    at = app(world, "anna")
    at.button(key="sidebar_signout").click().run()
    assert _texts(at.title) == ["Inloggen"]
    assert "signout" in _audit_actions(settings)
    at = app(world, "bert")
    with session_scope(settings) as s:
        s.get(User, world.users["bert"]).active = False
    at.run()
    assert _texts(at.title) == ["Inloggen"]


def test_language_choice_is_stored_on_the_account(world, app, settings):
    at = app(world, "anna")
    at.selectbox(key="sidebar_language").select("en").run()
    assert _texts(at.title) == ["Overview"]
    with session_scope(settings) as s:
        assert s.get(User, world.users["anna"]).lang == "en"
    assert "user.language" in _audit_actions(settings)


def _risks(at) -> list[str]:
    """The triage list's rows, top to bottom, by the risk on each row's select button."""
    return [b.label for b in at.button if b.key and b.key.startswith("pick_")]


def _marked(at) -> list[str]:
    return [h for h in _texts(at.get("html")) if "white-space:pre-wrap" in h]


def _pick(at, ad_id):
    at.button(key=f"pick_{ad_id}").click().run()
    return at


def test_triage_lists_flagged_ads_in_risk_order(world, app, settings):
    at = app(world, "anna", "triage")
    assert not app.failed(at)
    # Only ads whose newest score is flagged: the stale one (flagged by an older model) is gone.
    assert _risks(at) == ["0.91", "0.55"]
    rows = [m.value for m in at.markdown if m.value.startswith("**Advertentie")]
    assert f"Advertentie {world.high}" in rows[0] and "Amersfoort" in rows[0] and "classic" in rows[0]
    assert "risico boven de drempel" in rows[0] and "gekoppelde advertentie" in rows[0]
    # The panel shows the selected (first) ad's marked text; picking another row shows that one.
    assert "Lisa" in _marked(at)[0]
    assert '<mark style="background:#fbd38d" title="coercion: always_available">24/7</mark>' in _marked(at)[0]
    assert "Nina" in _marked(_pick(at, world.mid))[0]
    assert "triage.view" in _audit_actions(settings)


def test_triage_defaults_to_unreviewed_and_explains_entries_below_the_threshold(world, app, settings):
    with session_scope(settings) as s:
        decide(s, s.get(User, world.users["carl"]), world.mid, "confirm", "")
    at = app(world, "anna", "triage")
    assert at.checkbox(key="triage_unreviewed").value is True
    assert _risks(at) == ["0.91"]
    at.checkbox(key="triage_unreviewed").uncheck().run()
    assert _risks(at) == ["0.91", "0.55"]


def test_an_ad_below_the_threshold_says_why_it_is_in_the_queue(world, app, monkeypatch):
    monkeypatch.setenv("SIGNALSTACK_FLAG_THRESHOLD", "0.95")
    at = app(world, "anna", "triage")
    rows = [m.value for m in at.markdown if m.value.startswith("**Advertentie")]
    assert rows and all("minderjarigheidsindicator, risico onder de drempel" in r for r in rows)


def test_triage_filters(world, app):
    at = app(world, "anna", "triage")
    at.multiselect(key="triage_cities").select("Rotterdam").run()
    assert _risks(at) == ["0.55"]
    at.multiselect(key="triage_cities").unselect("Rotterdam")
    at.multiselect(key="triage_categories").select("movement").run()
    assert _risks(at) == ["0.91"]
    at.slider(key="triage_risk").set_range(0.95, 1.0).run()
    assert _risks(at) == []
    assert at.info  # a clear empty state


def test_confirm_a_hit(world, app, settings):
    at = app(world, "anna", "triage")
    at.button(key="panel_confirm").click().run()
    assert not app.failed(at)
    assert at.success
    assert _decisions(settings, world.high) == [("confirm", "", "anna")]
    assert "review.confirm" in _audit_actions(settings)
    # The decided ad stays in place with its outcome and now offers "add to case"; a fresh list
    # of unreviewed ads no longer holds it.
    assert _risks(at) == ["0.91", "0.55"]
    assert any("Bevestigen" in m.value for m in at.markdown if m.value.startswith(f"**Advertentie {world.high}"))
    assert at.button(key=f"addcase_{world.high}")
    assert _risks(app(world, "anna", "triage")) == ["0.55"]


def test_keys_move_between_ads(world, app):
    at = app(world, "anna", "triage")
    assert at.button(key="triage_next") and at.button(key="triage_prev")
    at.button(key="triage_next").click().run()
    assert not at.error and not at.exception
    assert "Nina" in _marked(at)[0]
    at.button(key="triage_prev").click().run()
    assert "Lisa" in _marked(at)[0]


def test_dismiss_without_reason_asks_for_one(world, app, settings):
    at = _pick(app(world, "anna", "triage"), world.mid)
    at.button(key="panel_dismiss").click().run()
    assert at.info and "reden" in at.info[0].value
    assert at.session_state["dismiss_pending"] == world.mid
    assert _decisions(settings, world.mid) == []
    # Enter in the reason field (a change of its value) completes the dismissal.
    at.text_input(key=f"reason_{world.mid}").input("adult, own agenda").run()
    assert _decisions(settings, world.mid) == [("dismiss", "adult, own agenda", "anna")]
    assert at.success


def test_a_reason_is_not_carried_into_the_next_decision(world, app, settings):
    # AppTest does not re-send a cleared widget's old value the way a browser does; that case is
    # guarded by tests/e2e/test_browser.py. This one guards that the field is cleared at all.
    at = _pick(app(world, "anna", "triage"), world.mid)
    at.text_input(key=f"reason_{world.mid}").input("eerste reden")
    at.button(key="panel_dismiss").click().run()
    assert at.text_input(key=f"reason_{world.mid}").value == ""
    at.button(key="panel_confirm").click().run()
    assert _decisions(settings, world.mid) == [("dismiss", "eerste reden", "anna"), ("confirm", "", "anna")]


def test_a_conflicting_decision_is_shown_in_place_beside_ones_own(world, app, settings):
    at = app(world, "anna", "triage")
    at.text_input(key=f"reason_{world.high}").input("mijn reden")
    with session_scope(settings) as s:  # carl decides while anna still looks at the old state
        decide(s, s.get(User, world.users["carl"]), world.high, "urgent", "looks young")
    at.button(key="panel_confirm").click().run()
    assert at.error and "intussen" in at.error[0].value
    shown = " ".join(m.value for m in at.markdown)
    assert "Uw keuze" in shown and "mijn reden" in shown
    assert "carl" in shown and "looks young" in shown
    assert _decisions(settings, world.high) == [("urgent", "looks young", "carl")]


def test_a_conflict_with_another_team_hides_their_decision(world, app, settings):
    at = app(world, "bert", "triage")  # team noord
    with session_scope(settings) as s:
        decide(s, s.get(User, world.users["anna"]), world.high, "confirm", "zuid's own reason")
    at.button(key="panel_confirm").click().run()
    shown = " ".join(m.value for m in at.markdown) + " ".join(e.value for e in at.error)
    assert "zuid's own reason" not in shown and "anna" not in shown


def test_claim_an_ad_and_others_see_it_claimed(world, app, settings):
    at = app(world, "anna", "triage")
    at.button(key=f"claim_{world.high}").click().run()
    assert at.success and "1 advertentie geclaimd" in at.success[0].value
    assert any("door u geclaimd" in m.value for m in at.markdown)
    other = app(world, "carl", "triage")
    assert any("anna" in m.value for m in other.markdown if m.value.startswith(f"**Advertentie {world.high}"))
    assert any("Geclaimd door anna" in i.value for i in other.info)
    # Carl, anna's coordinator, may release it; assign the page and release stale claims.
    other.button(key=f"unclaim_{world.high}").click().run()
    assert any("vrijgegeven" in s.value for s in other.success)
    other.selectbox(key="claim_assign_to").select("anna").run()
    other.button(key="claim_assign").click().run()
    assert any("2 advertenties toegewezen aan anna" in s.value for s in other.success)
    assert not [b for b in app(world, "bert", "triage").button if b.key == "claim_assign"]  # analysts don't assign
    assert "claim.assign" in _audit_actions(settings)


def test_urgent_items_reach_the_coordinator_dashboard(world, app):
    at = app(world, "anna", "triage")
    at.button(key="panel_urgent").click().run()
    home = app(world, "carl")
    assert any(f"{world.high}" in m.value for m in home.markdown if "0.91" in m.value)
    assert not app(world, "anna").get("html")  # analysts see counts, not the escalation list


def test_add_a_confirmed_ad_to_a_new_and_an_existing_case(world, app, settings):
    at = app(world, "anna", "triage")
    at.button(key="panel_confirm").click().run()
    at.text_input(key=f"newcase_{world.high}").input("Netwerk Amersfoort")
    at.button(key=f"addcase_{world.high}").click().run()
    assert not app.failed(at) and at.success
    with session_scope(settings) as s:
        case = s.execute(select(Case)).scalar_one()
        assert (case.title, case.team) == ("Netwerk Amersfoort", "zuid")
        assert [sig.ad_id for sig in case.signals] == [world.high]
        number = case.number
        create_case(s, "Other team's case", "noord", "bert")
    cases = app(world, "anna", "cases")
    assert [e.label for e in cases.expander][0].startswith(number.replace("-", "\\-"))
    assert len(cases.expander) == 1  # team noord's case stays hidden


def test_an_auditor_cannot_make_decisions(world, app, settings):
    at = app(world, "audrey", "triage")
    assert _risks(at) == ["0.91", "0.55"]
    assert not [b for b in at.button if b.key and b.key.startswith(("panel_", "confirm_", "dismiss_", "urgent_"))]
    assert any("auditor" in c.value for c in at.caption)
    ad = app(world, "audrey", "ad", ad=str(world.high))
    assert not [b for b in ad.button if b.key and b.key.startswith("confirm_")]
    assert _decisions(settings, world.high) == []


def test_script_in_ad_text_renders_escaped(world, app):
    at = app(world, "anna", "ad", ad=str(world.high))
    assert not app.failed(at)
    body = at.get("html")[0].value
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "<script" not in body


def test_ad_page_shows_versions_changes_and_provenance(world, app, settings):
    at = app(world, "anna", "ad", ad=str(world.high))
    assert any(e.label.startswith("Versie 1 → 2") for e in at.expander)
    facts = " ".join(m.value for m in at.markdown)
    assert "17 → 18" in facts and "Utrecht → Amersfoort" in facts
    code = " ".join(c.value for c in at.code)
    assert "-Lisa, 17 jaar. Bel mijn manager." in code
    assert "signalstack capture show" in code and "crawl-0001.warc.gz @ 1234" in code and "ab" * 32 in code
    assert "phash f0f0f0f0f0f0f0f0" in code
    links = _texts(at.page_link)
    assert any("+31612345678" in link for link in links)
    assert at.dataframe  # indicator table with explanation, weight and source
    assert "ad.view" in _audit_actions(settings)


def test_ad_page_bad_and_unknown_ids(world, app):
    assert app(world, "anna", "ad", ad="abc").error
    assert app(world, "anna", "ad", ad="999999").warning


@pytest.mark.parametrize("written", ["06-12 34 56 78", "+31 6 12345678", "0031612345678"])
def test_search_finds_a_phone_in_any_written_form(world, app, written):
    at = app(world, "anna", "search", q=written)
    links = _texts(at.page_link)
    assert any(link.startswith(f"{world.high} ") for link in links)
    assert any(link.startswith(f"{world.mid} ") for link in links)
    assert not any(link.startswith(f"{world.low} ") for link in links)


def test_search_by_text_and_audit(world, app, settings):
    at = app(world, "anna", "search", q="eigen agenda", kind="text")
    assert [link for link in _texts(at.page_link) if link.startswith(f"{world.low} ")]
    with session_scope(settings) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "search")).scalar_one()
        assert entry.detail["query"] == "eigen agenda"


def test_network_links_ads_by_shared_phone_and_cluster(world, app):
    at = app(world, "anna", "network", seed=f"ad:{world.high}")
    assert not app.failed(at)
    shared = at.dataframe[0].value
    assert set(shared.iloc[:, 0]) == {"telefoon", "tekstcluster"}  # node kinds in the viewer's language
    assert any(f"{world.mid} " in link for link in _texts(at.page_link))
    assert any("{name}" in c.value for c in at.code)  # the cluster's template


def test_trends_page(world, app):
    at = app(world, "anna", "trends")
    assert not app.failed(at)
    assert len(at.get("arrow_vega_lite_chart")) + len(at.get("vega_lite_chart")) >= 3


def test_admin_manages_users_but_sees_no_ads(world, app, settings):
    at = app(world, "adam")
    assert at.info  # no access to ad content
    with pytest.raises(ValueError):
        at.switch_page("views/triage.py")
    users = app(world, "adam", "users")
    assert set(users.dataframe[0].value.iloc[:, 0]) == {"anna", "carl", "audrey", "adam", "bert"}
    users.text_input(key="users_new_name").input("dora")
    users.text_input(key="users_new_password").input("long enough pw")
    users.button(key="users_add_submit").click().run()
    assert not users.error, users.error[0].value if users.error else ""
    with session_scope(settings) as s:
        assert s.execute(select(User).where(User.username == "dora")).scalar_one().role == "analyst"


def test_the_auditor_reads_and_verifies_the_audit_log(world, app):
    at = app(world, "audrey", "audit")
    assert not app.failed(at)
    assert "user.add" in set(at.dataframe[0].value.iloc[:, 3])
    at.button(key="audit_verify").click().run()
    assert at.success
    with pytest.raises(ValueError):
        app(world, "anna").switch_page("views/audit.py")


def test_a_failing_page_shows_a_reference_not_a_traceback(world, app, monkeypatch, caplog):
    import workbench.queries

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(workbench.queries, "triage_page", broken)
    at = app(world, "anna")
    at.switch_page("views/triage.py").run()
    assert not at.exception
    assert at.error and "referentie" in at.error[0].value
    assert "database went away" not in at.error[0].value
    assert "database went away" in caplog.text  # the server log has the detail


def test_home_says_what_to_do_first_per_role(world, app, settings):
    from casefiles.claims import claim

    with session_scope(settings) as s:
        claim(s, s.get(User, world.users["anna"]), [world.mid])
        decide(s, s.get(User, world.users["anna"]), world.high, "urgent", "jong")
    anna = app(world, "anna")
    todo = " ".join(m.value for m in anna.markdown)
    assert "1 advertentie door u geclaimd" in todo
    assert "nieuw gemarkeerd sinds uw vorige bezoek" in todo
    assert "urgent gemeld" not in todo  # escalations wait for the coordinator
    assert any(f"Advertentie {world.mid}" in m.value for m in anna.markdown)  # the claim, listed
    carl = app(world, "carl")
    assert "1 advertentie urgent gemeld, wachtend op u als coördinator" in " ".join(m.value for m in carl.markdown)


def test_admin_disables_resets_and_changes_an_account(world, app, settings):
    users = app(world, "adam", "users")
    users.selectbox(key="users_manage_choice").select("bert").run()
    users.button(key="users_disable").click().run()
    assert users.success and "bert" in users.success[0].value
    with session_scope(settings) as s:
        assert s.execute(select(User).where(User.username == "bert")).scalar_one().active is False
    users.button(key="users_enable").click().run()
    users.text_input(key="users_temporary").input("tijdelijk wachtwoord 7")
    users.button(key="users_reset").click().run()
    assert users.success and "opnieuw ingesteld" in users.success[0].value
    users.selectbox(key="users_role_bert").select("coordinator")
    users.selectbox(key="users_team_bert").select("zuid")  # chosen from the existing teams
    users.button(key="users_save_role_team").click().run()
    with session_scope(settings) as s:
        bert = s.execute(select(User).where(User.username == "bert")).scalar_one()
        assert (bert.active, bert.must_change_password, bert.role, bert.team) == (True, True, "coordinator", "zuid")
    assert {"user.disable", "user.enable", "user.password_reset", "user.change"} <= set(_audit_actions(settings))
    # Bert's next sign-in shows only the password change; a new password opens the workbench.
    at = app(world, "bert")
    assert _texts(at.title) == ["Nieuw wachtwoord kiezen"]
    at.text_input(key="password_new").input("een heel nieuw wachtwoord")
    at.text_input(key="password_again").input("een heel nieuw wachtwoord")
    at.button(key="password_save").click().run()
    assert _texts(at.title) == ["Overzicht"]
    with session_scope(settings) as s:
        assert s.execute(select(User).where(User.username == "bert")).scalar_one().must_change_password is False


def test_new_case_button_and_close_and_reopen_audited(world, app, settings):
    at = app(world, "anna", "cases")
    at.text_input(key="cases_new_title").input("Nieuwe zaak vanaf de pagina")
    at.button(key="cases_create").click().run()
    assert at.success and "geopend" in at.success[0].value
    with session_scope(settings) as s:
        case = s.execute(select(Case)).scalar_one()
        assert (case.title, case.team, case.status) == ("Nieuwe zaak vanaf de pagina", "zuid", "open")
    assert not [b for b in at.button if b.key == f"case_status_{case.id}"]  # analysts do not close cases
    carl = app(world, "carl", "cases")
    carl.button(key=f"case_status_{case.id}").click().run()
    assert carl.error  # a reason is required
    carl.text_input(key=f"case_reason_{case.id}").input("afgerond, overgedragen aan OM")
    carl.button(key=f"case_status_{case.id}").click().run()
    assert carl.success and "gesloten" in carl.success[0].value
    carl.text_input(key=f"case_reason_{case.id}").input("nieuwe informatie van de gemeente")
    carl.button(key=f"case_status_{case.id}").click().run()
    assert carl.success and "heropend" in carl.success[0].value
    assert {"case.close", "case.reopen"} <= set(_audit_actions(settings))
