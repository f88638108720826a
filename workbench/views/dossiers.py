"""Dossiers: one subject's stacked signals in time order, partners' enrichment, the points tally,
and the colour classification with its full history."""

from __future__ import annotations

import streamlit as st

from casefiles.dossiers import DossierError, get_dossier, history, list_dossiers, stacked_signals, tally_of
from core.lookup import parse_id
from core.permissions import PermissionDenied
from workbench import actions, dossier_actions
from workbench.access import can, require
from workbench.errors import message as error_message
from workbench.i18n import category_label, scheme_explanation, source_label, t
from workbench.ui import audit_once, db, md, short_time, viewer

COLOUR_SWATCH = {"blauw": "🟦", "groen": "🟩", "oranje": "🟧", "rood": "🟥"}

who = viewer()
st.title(t("page.dossiers"))
require(who, "dossier.view")
actions.show_flash()

with db() as session:
    listed = [(d.id, d.subject_kind, d.subject, d.title, d.classifications[-1].colour if d.classifications else None)
              for d in list_dossiers(session, who.username)]
if can(who, "dossier.create"):
    dossier_actions.create_controls(who)

requested = parse_id(st.query_params.get("dossier", ""))  # None for anything but a valid id
options = [d[0] for d in listed]
labels = {d[0]: f"{COLOUR_SWATCH.get(d[4] or '', '⬜')} #{d[0]} · {t('dossier.kind.' + d[1])} {d[2]}"
          + (f" · {d[3]}" if d[3] else "") for d in listed}
if requested is not None and requested not in options:
    options.append(requested)  # another team's, or unknown: get_dossier below refuses both alike
    labels[requested] = f"#{requested}"
if not options:
    st.info(t("dossier.empty"))
    st.stop()
if requested is not None and "dossier_select" not in st.session_state:
    st.session_state["dossier_select"] = requested
chosen = st.selectbox(t("dossier.choose"), options, format_func=lambda i: labels.get(i, f"#{i}"),
                      key="dossier_select", placeholder=t("common.choose"))
if st.query_params.get("dossier") != str(chosen):
    st.query_params["dossier"] = str(chosen)

try:
    with st.spinner(t("common.loading")), db() as session:
        dossier = get_dossier(session, who.username, chosen)
        head = {"kind": dossier.subject_kind, "subject": dossier.subject, "title": dossier.title,
                "team": dossier.team, "by": dossier.created_by, "at": dossier.created_at}
        signals = stacked_signals(session, chosen)
        points = tally_of(signals)
        moves = [{"at": c.decided_at, "by": c.decided_by, "colour": c.colour, "previous": c.previous_colour,
                  "direction": c.direction, "reason": c.reason, "suggested": c.suggested_colour,
                  "points": c.points_total} for c in history(session, chosen)]
        audit_once(session, who, "dossier.view", "dossier", chosen)
except (DossierError, PermissionDenied) as exc:
    st.error(t("dossier.denied", detail=error_message(exc)))
    st.stop()

colour = moves[-1]["colour"] if moves else None
st.subheader(md(f"{t('dossier.kind.' + head['kind'])} {head['subject']}" + (f" — {head['title']}" if head["title"]
                                                                             else "")))
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("dossier.colour"), f"{COLOUR_SWATCH.get(colour or '', '⬜')} {t('colour.' + colour) if colour else '—'}")
c2.metric(t("dossier.suggested"), t("colour." + points["suggested_colour"]))
c3.metric(t("dossier.points"), points["total"])
c4.metric(t("dossier.signals"), len(signals))
st.caption(t("dossier.opened", who=head["by"], at=short_time(head["at"]), team=head["team"]))

st.subheader(t("dossier.tally"))
if points["rows"]:
    # Categories and explanations in the viewer's language (the lexicon's, where the code is an indicator).
    st.dataframe([{t("ad.category"): category_label(r["category"]), t("ad.code"): r["code"],
                   t("dossier.points"): r["points"], t("dossier.count"): r["count"],
                   t("ad.source"): t("dossier.not_in_scheme") if r["source"] == "not in the points scheme"
                   else source_label(r["source"]), t("ad.explanation"): scheme_explanation(r["code"], r["explanation"])}
                  for r in points["rows"]], hide_index=True, width="stretch", key="dossier_tally")
    if points.get("minimum_colour", "blauw") != "blauw":
        st.caption(t("dossier.minimum", colour=t("colour." + points["minimum_colour"]),
                     signals=", ".join(points.get("minimum_because", []))))
    st.markdown(" · ".join(f"**{category_label(c)}**: {p}" for c, p in sorted(points["by_category"].items())))
else:
    st.caption(t("dossier.no_points"))

st.subheader(t("dossier.colour_history"))
if can(who, "dossier.classify", head["team"]):
    dossier_actions.classify_controls(who, chosen, points["suggested_colour"], points.get("minimum_colour", "blauw"),
                                      tuple(points.get("minimum_because", ())))
if not moves:
    st.caption(t("dossier.not_classified"))
for m in reversed(moves):
    arrow = {"up": "↑", "down": "↓", "same": "=", "initial": "•"}.get(m["direction"], "")
    before = f"{t('colour.' + m['previous'])} → " if m["previous"] else ""
    st.markdown(f"- {short_time(m['at'])} · {arrow} {before}**{t('colour.' + m['colour'])}** · {md(m['by'])} · "
                f"{md(m['reason'])} · {t('dossier.suggested_then', colour=t('colour.' + m['suggested']), points=m['points'])}")

st.subheader(t("dossier.stacked"))
if can(who, "dossier.note", head["team"]):
    dossier_actions.note_controls(who, chosen)
if not signals:
    st.caption(t("dossier.no_signals"))
for s in signals:
    when = short_time(s["when"])
    if s["kind"] == "ad_version":
        codes = ", ".join(sorted({h["code"] for h in s["indicators"]})) or "—"
        decided = "; ".join(f"{t('decision.' + d['decision'])} ({d['who']})" for d in s["decisions"])
        label = (f"{when} · {t('triage.ad')} {s['ad_id']} v{s['version_no']} · {md(s['site'])} · "
                 f"{md(s['city'] or '—')} · {t('field.age_text')} {md(s['age_text'] or '—')} · {md(codes)}"
                 + (f" · {md(decided)}" if decided else ""))
        st.page_link("views/ad.py", label=label, query_params={"ad": str(s["ad_id"])}, icon=":material/article:")
    elif s["no_information"]:
        st.markdown(f"- {when} · **{t('dossier.note.enrichment')}** · "
                    f"{t('dossier.partner_has_nothing', partner=md(s['partner'] or '?'))} · {md(s['who'])}")
    else:
        partner = f" · {md(s['partner'])}" if s.get("partner") else ""
        source = f" · {t('ad.source')}: {md(s['source'])}" if s.get("source") else ""
        st.markdown(f"- {when} · **{t('dossier.note.' + s['kind'])}**{partner} · {md(s['who'])}{source}: "
                    f"{md(s['text'])}")

if can(who, "case.add", head["team"]):
    st.subheader(t("dossier.to_case"))
    dossier_actions.case_controls(who, chosen)
