"""The workbench's pure parts: span marking, version diffs, search parsing, trends, the link graph, texts."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefiles.dossiers import NOTE_KINDS, SUBJECT_KINDS
from casefiles.review import DECISIONS
from casefiles.scheme import COLOURS, SIGNAL_CATEGORIES
from core.users import ROLES
from workbench.diffs import FACT_FIELDS, fact_changes, image_changes, text_diff
from workbench.highlight import highlighted_html
from workbench.i18n import LANGUAGES, missing_keys, texts, translate
from workbench.nav import PAGES
from workbench.network import AdFacts, build_graph, city_changes, layout_frames, photo_key, site_date
from workbench.queries import Hit, like_pattern
from workbench.search import KINDS, guess_kind, normalised_phone
from workbench.trends import notable_rises, week_of, weekly

WORKBENCH = Path(__file__).resolve().parents[2] / "workbench"


def _hit(start, end, code="c", category="minor"):
    return Hit(code=code, category=category, start=start, end=end, text="", weight=0.5)


def _unmarked(marked: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


def test_markup_in_ad_text_is_escaped_and_spans_are_marked():
    text = 'Lisa <script>alert("x")</script> 24/7 <img src=x onerror=alert(1)>'
    start = text.index("24/7")
    out = highlighted_html(text, [_hit(start, start + 4, "always_available", "coercion")])
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert 'title="coercion: always_available">24/7</mark>' in out


def test_overlapping_and_out_of_range_spans():
    out = highlighted_html("net 18 jaar", [_hit(0, 6, "just_18"), _hit(4, 11, "age", "minor"), _hit(50, 60),
                                           _hit(3, 3)])
    assert out.count("<mark") == 3  # "net ", "18" (both codes), " jaar"
    assert 'title="minor: just_18, minor: age">18</mark>' in out


@given(st.text(max_size=80), st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=6))
def test_marking_never_changes_or_loses_text(text, bounds):
    out = highlighted_html(text, [_hit(a, b) for a, b in bounds])
    assert _unmarked(out) == text
    assert "<script" not in out.lower().replace("&lt;script", "")


class _V:
    def __init__(self, **kw):
        self.__dict__.update({f: "" for f in FACT_FIELDS} | kw)


def test_version_changes():
    old, new = _V(age_text="17", city="Utrecht", title="Lisa"), _V(age_text="18", city="Amersfoort", title="Lisa")
    assert fact_changes(old, new) == [("age_text", "17", "18"), ("city", "Utrecht", "Amersfoort")]
    diff = text_diff("Lisa\n17 jaar\n24/7", "Lisa\n18 jaar\n24/7", "v1", "v2")
    assert "-17 jaar" in diff and "+18 jaar" in diff and diff.startswith("--- v1")
    assert text_diff("same", "same") == ""
    assert image_changes([{"sha256": "a"}, {"sha256": "b"}], [{"sha256": "b"}, {"sha256": "c"}]) == {
        "added": ["c"], "removed": ["a"]}


@pytest.mark.parametrize("query, kind", [
    ("https://example.invalid/ad/1", "url"), ("Lisa@Example.nl", "email"), ("@lisa_x", "handle"),
    ("f0f0f0f0f0f0f0f0", "image"), ("ab" * 32, "image"), ("1234", "ad"), ("06-12 34 56 78", "phone"),
    ("+31 (0)6 1234 5678", "phone"), ("nieuw in de stad", "text"),
])
def test_guess_kind(query, kind):
    assert guess_kind(query) == kind


@pytest.mark.parametrize("written", ["06-12 34 56 78", "+31612345678", "0031 6 1234 5678", "06 12345678"])
def test_phone_written_any_way_normalises_to_e164(written):
    assert normalised_phone(written, "NL")[0] == "+31612345678"


def test_unparseable_phone_keeps_its_digits_and_like_patterns_are_literal():
    assert normalised_phone("12-34", "NL") == ("", "1234")
    assert like_pattern("100%_real") == "%100\\%\\_real%"


def test_weekly_counts_and_notable_rises():
    monday = date(2026, 10, 5)
    assert week_of(datetime(2026, 10, 8, 23, 0, tzinfo=UTC)) == monday
    pairs = [("Utrecht", datetime(2026, 10, 5, tzinfo=UTC) + timedelta(weeks=w)) for w in range(4)]
    pairs += [("Utrecht", datetime(2026, 11, 2, tzinfo=UTC))] * 9 + [("Zwolle", datetime(2026, 11, 2, tzinfo=UTC))]
    series = weekly(pairs)
    assert series["Utrecht"][date(2026, 11, 2)] == 9
    rises = notable_rises(series, factor=2.0, min_count=5)
    assert rises == [{"key": "Utrecht", "week": date(2026, 11, 2), "count": 9, "baseline": 1.0}]
    assert notable_rises(series, factor=10.0, min_count=5) == []
    # A gap week counts as zero, and a first week has no baseline to rise from.
    assert notable_rises({"x": {date(2026, 10, 5): 6, date(2026, 10, 19): 6}}, min_count=5) == [
        {"key": "x", "week": date(2026, 10, 19), "count": 6, "baseline": 3.0}]


def _facts(ad_id, links, places=()):
    now = datetime(2026, 11, 1, tzinfo=UTC)
    return AdFacts(ad_id, "classic", f"ad {ad_id}", now, now, None, links=set(links), places=list(places))


def test_graph_links_ads_through_shared_things_only():
    facts = {1: _facts(1, {("phone", "+31612345678"), ("image", "f0")}),
             2: _facts(2, {("phone", "+31612345678"), ("cluster", "7")}),
             3: _facts(3, {("email", "x@y.nl")})}
    graph = build_graph(facts)
    assert set(graph.nodes) == {"ad:1", "ad:2", "ad:3", "phone:+31612345678"}
    assert set(graph.neighbors("phone:+31612345678")) == {"ad:1", "ad:2"}
    nodes, edges = layout_frames(graph)
    assert len(nodes) == 4 and len(edges) == 2 * graph.number_of_edges()


def test_city_changes_are_movements_in_time_order():
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    facts = {1: _facts(1, set(), [(t0 + timedelta(days=2), "Amersfoort"), (t0, "Utrecht"),
                                  (t0 + timedelta(days=3), "Amersfoort")])}
    assert city_changes(facts) == [{"ad": 1, "at": t0 + timedelta(days=2), "from": "Utrecht", "to": "Amersfoort"}]


def test_every_interface_text_exists_in_dutch_and_english():
    assert missing_keys() == {lang: set() for lang in LANGUAGES}
    used = set()
    for path in WORKBENCH.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+[a-z_])["']""", path.read_text(encoding="utf-8")))
    families = {
        "category": SIGNAL_CATEGORIES, "decision": DECISIONS, "role": ROLES, "colour": COLOURS, "language": LANGUAGES,
        "search.kind": KINDS, "dossier.kind": SUBJECT_KINDS, "dossier.note": NOTE_KINDS, "field": FACT_FIELDS,
        "page": [p[0] for p in PAGES], "entity": ("phone", "email", "handle"),
        "cases.kind": ("ad", "note", "enrichment", "dossier"), "cases.status": ("open", "closed"),
        "trends.series": ("overall", "category", "city"),
        "trends.per": ("day", "week"), "trends.period": ("day", "week"),
        "trends.overall": ("new_ads", "new_numbers"),
        "claim.error": ("no_ad", "denied", "no_member", "cannot_review", "not_yours"),
        "triage.ads": ("one", "other"), "triage.linked": ("one", "other"), "claim.claims": ("one", "other"),
        "home.dossiers": ("one", "other"), "cases.signal_count": ("one", "other"),
    }
    used |= {f"{prefix}.{value}" for prefix, values in families.items() for value in values}
    for lang in LANGUAGES:
        assert used - set(texts(lang)) == set(), lang
    assert translate("en", "triage.count", total=3, page=1, pages=1) == "3 flagged ads · page 1 of 1"
    assert translate("nl", "no.such.key") == "no.such.key"


def test_a_mirrored_photo_links_to_its_original():
    original = {"phash": "f0e1d2c3b4a59687", "phash_mirror": "0f1e2d3c4b5a6978"}
    mirrored = {"phash": "0f1e2d3c4b5a6978", "phash_mirror": "f0e1d2c3b4a59687"}
    assert photo_key(original) == photo_key(mirrored)
    assert photo_key({"phash": "aa"}) == "aa"


def test_site_dates_are_read_as_utc():
    from datetime import UTC, datetime

    assert site_date("2026-11-03T10:00:00Z") == datetime(2026, 11, 3, 10, tzinfo=UTC)
    assert site_date("2026-11-03") == datetime(2026, 11, 3, tzinfo=UTC)
    assert site_date("3 nov") is None and site_date("") is None


def test_trends_pick_days_for_a_short_span_and_weeks_for_a_long_one():
    from workbench.trends import bucketed, time_unit

    start = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
    short = [start + timedelta(days=d) for d in (0, 1, 1, 3)]
    assert time_unit(short) == "day"
    assert bucketed([("x", m) for m in short], "day")["x"] == {date(2026, 10, 5): 1, date(2026, 10, 6): 2,
                                                              date(2026, 10, 8): 1}
    assert time_unit(short + [start + timedelta(days=120)]) == "week"
    assert time_unit([]) == "week"
    daily = {"x": {date(2026, 10, d): 1 for d in range(1, 6)} | {date(2026, 10, 6): 9}}
    assert [r["week"] for r in notable_rises(daily, unit="day")] == [date(2026, 10, 6)]


def test_plural_forms_in_both_languages(monkeypatch):
    from workbench import i18n

    monkeypatch.setattr(i18n, "current_language", lambda: "nl")
    assert i18n.plural("triage.ads", 1) == "1 advertentie"
    assert i18n.plural("triage.ads", 2) == "2 advertenties"
    assert i18n.plural("triage.ads", 0) == "0 advertenties"
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert i18n.plural("triage.linked", 1) == "1 linked ad"
    assert i18n.category_label("no_such_category") == "no_such_category"
    monkeypatch.setattr(i18n, "current_language", lambda: "nl")
    assert i18n.category_label("coercion") == "dwang"


def test_a_disguised_number_is_shown_with_its_plain_reading():
    from workbench.highlight import readable_spans

    assert readable_spans("Bel ０６ ３９ ８２ ４５ ４３ nu") == [("０６ ３９ ８２ ４５ ４３", "06 39 82 45 43")]
    assert readable_spans("Bel 06 39 82 45 43 nu") == []  # plain digits need no reading


def test_a_diff_of_disguised_digits_reads_them_plainly():
    from workbench.diffs import read_diff

    before, after = "Bel mij", "Bel mij op ０６１２３４５６７８ of 0\ufe0f\u20e36\ufe0f\u20e3 2 3"
    assert "+Bel mij op 0612345678 of 06 2 3" in read_diff(before, after, "v1", "v2")
    assert read_diff("Bel 0612345678", "Bel 0612345679") == ""  # plain digits: the ordinary diff says it all


def test_score_reasons_are_said_in_the_viewers_language(monkeypatch):
    from types import SimpleNamespace

    from workbench import i18n
    from workbench.reasons import is_rule_model, model_contributions, strongest_hits

    monkeypatch.setattr(i18n, "current_language", lambda: "nl")
    hits = [SimpleNamespace(code="always_available", category="coercion", weight=0.4, text="24/7"),
            SimpleNamespace(code="always_available", category="coercion", weight=0.6, text="altijd"),
            SimpleNamespace(code="new_in_town", category="movement", weight=0.1, text="nieuw")]
    assert [(h.code, h.weight) for h in strongest_hits(hits)] == [("always_available", 0.6), ("new_in_town", 0.1)]
    rows = model_contributions(["text 'bel ' (+0.12)", "indicator=always_available (+0.40)",
                                "link:network_cities (-0.05)", "something else"], hits)
    assert [r.value for r in rows] == ["+0.12", "+0.40", "-0.05", ""]
    assert rows[0].feature == "tekstfragment «bel »"
    assert rows[1].feature.startswith("indicator dwang: ") and "always_available" not in rows[1].feature
    assert rows[2].feature == "aantal steden in het netwerk"
    assert rows[3].feature == "something else"  # a reason in no known form is kept as stored
    assert is_rule_model("rules-v1") and not is_rule_model("risk-2026-11")
