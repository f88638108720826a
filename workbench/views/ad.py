"""One ad: marked text and why, every version with what changed, pivots, images as hashes, provenance."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from casefiles.claims import active_claims
from core.lookup import parse_id
from core.settings import get_settings
from workbench import actions, claim_actions
from workbench.access import can, require
from workbench.diffs import fact_changes, image_changes, read_diff, text_diff
from workbench.highlight import READABLE_CSS, highlighted_html, readable_spans
from workbench.i18n import category_label, code_label, indicator_explanation, plural, source_label, t
from workbench.liveurl import live_url
from workbench.queries import ad_view
from workbench.reasons import is_rule_model, model_contributions, strongest_hits
from workbench.ui import audit_once, db, md, short_date, short_time, viewer
from workbench.watch_actions import watch_control

who = viewer()
require(who, "ad.view")
st.title(t("page.ad"))
actions.show_flash()

raw = st.query_params.get("ad", "")
typed = st.text_input(t("ad.id"), value=raw, key="ad_id_input")
if not typed.strip():
    st.info(t("ad.choose"))
    st.stop()
ad_id = parse_id(typed.strip())  # digits only, within a 63-bit id, before anything reaches the database
if ad_id is None:
    st.error(t("ad.bad_id", value=typed[:40]))
    st.stop()
if raw != str(ad_id):
    st.query_params["ad"] = str(ad_id)

with st.spinner(t("common.loading")), db() as session:
    ad = ad_view(session, ad_id, who)
    claim = active_claims(session, [ad_id]).get(ad_id) if ad is not None else None
    if ad is not None:
        audit_once(session, who, "ad.view", "ad", ad_id)
if ad is None:
    st.warning(t("ad.not_found", id=ad_id))
    st.stop()
if not ad.versions:
    st.warning(t("ad.no_versions", id=ad_id))
    st.stop()

current = ad.versions[-1]
st.subheader(md(current.title or f"{ad.site} {ad.site_ad_id}"))
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("triage.risk_short"), "—" if current.risk is None else f"{current.risk:.2f}")
c2.metric(t("ad.versions"), len(ad.versions))
c3.metric(t("ad.first_seen"), short_date(ad.first_seen))  # the day fits the column; the time would be cut
c4.metric(t("ad.removed"), short_date(ad.removed_at) if ad.removed_at else t("ad.still_online"))
st.caption(md(f"{ad.site} · {ad.site_ad_id}"))
live_url(ad.url)
# Disguised digits (full-width, keycap emoji) need a font that has them; the code blocks (diffs) too.
st.html(f"<style>{READABLE_CSS}</style>")

# Who is on this ad: the same claim as in the triage list, with the same claim / release button.
if claim is not None or can(who, "claim.make"):
    with st.container(horizontal=True, vertical_alignment="center", key="ad_claim"):
        if claim is None:
            st.caption(t("claim.none"))
        elif claim.username == who.username:
            st.caption(t("claim.mine_until", until=short_time(claim.expires_at)))
        else:
            st.info(t("claim.held_by", user=claim.username, until=short_time(claim.expires_at))
                    + (f" {t('claim.assigned_by', user=claim.assigned_by)}" if claim.assigned_by else ""),
                    icon=":material/lock:")
        if can(who, "claim.make"):
            claim_actions.claim_button(who, ad.id, claim)

st.html(highlighted_html(current.text, current.hits))
for original, reading in readable_spans(current.text, current.hits):
    st.caption(t("triage.reads_as", original=md(original), reading=md(reading)))
# Why it scored: the rule scorer's reasons are its hits, strongest per code, said in the viewer's language;
# a trained model's contributions are read into features (never its stored English sentences).
if current.reasons or current.hits:
    st.markdown("\n".join(f"- **{category_label(h.category)}** · «{md(h.text.strip())}» · {h.weight:.2f} — "
                           f"{md(indicator_explanation(h))}" for h in strongest_hits(current.hits))
                or t("ad.no_indicators"))
    if current.reasons and not is_rule_model(current.model_version):
        with st.expander(t("ad.model_contributions"), expanded=False):
            st.dataframe([{t("ad.feature"): c.feature, t("ad.contribution"): c.value}
                          for c in model_contributions(current.reasons, current.hits)],
                         hide_index=True, width="stretch", key="ad_contributions")
    if current.model_version:
        st.caption(t("ad.model", version=current.model_version))

st.subheader(t("ad.indicators"))
if current.hits:
    st.dataframe(
        [{t("ad.code"): h.code, t("ad.category"): category_label(h.category), t("ad.span"): h.text,
          t("ad.weight"): round(h.weight, 3), t("ad.explanation"): indicator_explanation(h),
          t("ad.source"): source_label(h.source)}
         for h in current.hits],
        hide_index=True, width="stretch", key="ad_hits")
else:
    st.info(t("ad.no_indicators"))
# Kept but not counted, one panel per reason: the ad reads as an ordinary listing or a site notice (shown so a
# wrong veto can be caught), or weak evidence (a low price) stood alone in its category.
held_by_method: dict[str, list] = {}
for held in current.held_back:
    held_by_method.setdefault(held[2].get("method") or "rules", []).append(held)
for method, group in held_by_method.items():
    verdict = group[0][2]
    heading = {"notice": "ad.held_back_notice", "supporting": "ad.held_back_supporting"}.get(method, "ad.held_back")
    with st.expander(plural(heading, len(group)), expanded=False, icon=":material/block:"):
        probability = verdict.get("adult_probability")
        st.caption(t("ad.held_back_why." + method, cue=md(verdict.get("cue") or "—"),
                     probability=f"{probability:.2f}" if isinstance(probability, (int, float)) else "—",
                     terms=md(", ".join(str(x.get("term")) for x in verdict.get("terms", [])) or "—")))
        st.dataframe(
            [{t("ad.code"): h.code, t("ad.category"): category_label(h.category), t("ad.span"): h.text,
              t("ad.explanation"): indicator_explanation(h)} for h, _reason, _verdict in group],
            hide_index=True, width="stretch", key=f"ad_held_back_{method}")

st.subheader(t("ad.pivots"))
pivots = [e for e in current.entities if e.kind in ("phone", "email", "handle")]
if not pivots:
    st.caption(t("ad.no_pivots"))
for e in pivots:
    label = f"{t('entity.' + e.kind)}: {md(e.value)}" + (f" ({md(e.platform)})" if e.platform else "")
    label += f" · {t('ad.obfuscated')}" if e.obfuscated else ""
    a, b, c = st.columns([3, 1, 1])
    a.page_link("views/search.py", label=label, query_params={"kind": e.kind, "q": e.value},
                icon=":material/search:")
    b.page_link("views/network.py", label=t("ad.to_network"), query_params={"seed": f"{e.kind}:{e.value}"},
                icon=":material/hub:")
    with c:
        watch_control(who, e.kind, e.value, f"ad_{e.kind}_{e.value}")
st.page_link("views/network.py", label=t("ad.network_of_ad"), query_params={"seed": f"ad:{ad.id}"},
              icon=":material/hub:")

st.subheader(t("ad.images"))
if not current.images:
    st.caption(t("ad.no_images"))
data_dir = Path(get_settings().data_dir)
for image in current.images:
    st.code(f"sha256 {image.get('sha256', '')}\nphash {image.get('phash', '')}\n"
            f"phash_mirror {image.get('phash_mirror', '')}\nurl {image.get('url', '')}", language=None)
    stored = image.get("stored")  # kept only when the store_images setting was on at capture time
    if stored:
        image_root = (data_dir / "images").resolve()
        path = (image_root / str(stored)).resolve()
        if path.is_relative_to(image_root) and path.is_file():
            st.image(str(path), width=160)
    if image.get("phash"):
        st.page_link("views/search.py", label=t("ad.same_photo"),
                     query_params={"kind": "image", "q": str(image["phash"])}, icon=":material/image_search:")
        watch_control(who, "photo", str(image["phash"]), f"photo_{current.id}_{image['phash']}")

st.subheader(t("ad.history"))
for older, newer in zip(ad.versions, ad.versions[1:], strict=False):
    with st.expander(t("ad.change", old=older.version_no, new=newer.version_no, at=short_time(newer.captured_at))):
        changes = fact_changes(older, newer)
        for field, before, after in changes:
            st.markdown(f"- **{t('field.' + field)}**: {md(before or '—')} → {md(after or '—')}")
        images = image_changes(older.images, newer.images)
        if images["added"] or images["removed"]:
            st.markdown(t("ad.images_changed", added=len(images["added"]), removed=len(images["removed"])))
        diff = text_diff(older.text, newer.text, f"v{older.version_no}", f"v{newer.version_no}")
        if diff:
            st.code(diff, language="diff")
            read = read_diff(older.text, newer.text, f"v{older.version_no}", f"v{newer.version_no}")
            if read:  # disguised digits in either version: the same diff with the digits as they read
                st.caption(t("ad.diff_read_as"))
                st.code(read, language="diff")
        if not changes and not diff:
            st.caption(t("ad.no_text_change"))
if len(ad.versions) == 1:
    st.caption(t("ad.one_version"))

st.subheader(t("ad.decisions"))
if ad.hidden_decisions:
    st.caption(t("review.other_team"))
elif not ad.decisions:
    st.caption(t("ad.no_decisions"))
for d in ad.decisions:
    proposed = f" · _{t('review.proposed_mark')}_" if d.status == "proposed" else ""
    st.markdown(f"- {short_time(d.created_at)} · **{t('decision.' + d.decision)}**{proposed} · {d.username} · "
                f"v{d.version_no} · {md(d.reason or '—')}")
if can(who, "review.decide") and not ad.hidden_decisions:
    actions.decision_controls(who, ad.id, ad.latest_decision_id)
if can(who, "case.add") and ad.standing in ("confirm", "urgent"):
    actions.add_to_case_controls(who, ad.id)

if ad.clusters:
    st.subheader(t("ad.clusters"))
    for c in ad.clusters:
        st.page_link("views/network.py", label=md(f"{code_label('network.cluster_kind.', c['kind'])} · {c['key']}"),
                     query_params={"seed": f"cluster:{c['id']}"}, icon=":material/hub:")

st.subheader(t("ad.provenance"))
for v in ad.versions:
    cap = v.capture
    if cap is None:
        st.caption(t("ad.no_capture", version=v.version_no))
        continue
    st.markdown(f"**v{v.version_no}** · HTTP {cap['http_status']} · {short_time(cap['fetched_at'])}")
    live_url(cap["url"])
    st.page_link("views/capture.py", label=t("replay.open"), query_params={"capture": str(cap["id"])},
                 icon=":material/history_edu:")
    st.code(f"sha256 {cap['sha256']}\nwarc {cap['warc_file']} @ {cap['warc_offset']}\n"
            f"record {cap['warc_record_id']}\n$ signalstack capture show {cap['id']}", language=None)
