"""Capture replay: the stored WARC response shown inert (sandboxed, no script, no network), beside its
hash, time and WARC location. Each replay is audited."""

from __future__ import annotations

import streamlit as st

from core.lookup import parse_id
from core.settings import get_settings
from workbench.access import require
from workbench.i18n import t
from workbench.liveurl import live_url
from workbench.replay import load_replay, sandboxed_frame
from workbench.ui import audit_once, db, short_time, viewer

FRAME_HEIGHT = 640

who = viewer()
require(who, "ad.view")
st.title(t("page.capture"))

raw = st.query_params.get("capture", "")
typed = st.text_input(t("replay.id"), value=raw, key="capture_id_input")
if not typed.strip():
    st.info(t("replay.choose"))
    st.stop()
capture_id = parse_id(typed.strip())
if capture_id is None:
    st.error(t("replay.bad_id", value=typed[:40]))
    st.stop()
if raw != str(capture_id):
    st.query_params["capture"] = str(capture_id)

settings = get_settings()
with st.spinner(t("common.loading")), db() as session:
    replay = load_replay(session, settings, capture_id)
    if replay is not None:
        audit_once(session, who, "capture.replay", "capture", capture_id, status=replay.status,
                   digest_matches=replay.digest_matches)
if replay is None:
    st.warning(t("replay.not_found", id=capture_id))
    st.stop()

frame, facts = st.columns([3, 1])
with facts:
    st.markdown(f"**{t('replay.sha256')}**")
    st.code(replay.sha256, language=None, wrap_lines=True)
    if replay.digest_matches is True:
        st.success(t("replay.digest_ok"), icon=":material/verified:")
    elif replay.digest_matches is False:
        st.error(t("replay.digest_bad"), icon=":material/gpp_bad:")
    st.markdown(f"**{t('replay.fetched_at')}** · {short_time(replay.fetched_at)} UTC · HTTP {replay.http_status}")
    st.markdown(f"**{t('replay.warc')}**")
    st.code(f"{replay.warc_file or '—'} @ {replay.warc_offset if replay.warc_offset is not None else '—'}\n"
            f"{replay.warc_record_id or ''}", language=None, wrap_lines=True)
    live_url(replay.url, t("replay.url"))
    if replay.images_total:
        st.caption(t("replay.images", kept=replay.images_kept, total=replay.images_total))
    for ad_id in replay.ad_ids:
        st.page_link("views/ad.py", label=t("replay.open_ad", id=ad_id), query_params={"ad": str(ad_id)},
                     icon=":material/article:")
with frame:
    if replay.status != "ok":
        st.warning(t("replay.status." + replay.status))
    else:
        st.caption(t("replay.inert"))
        st.iframe(sandboxed_frame(replay.document, FRAME_HEIGHT), height=FRAME_HEIGHT + 10)
