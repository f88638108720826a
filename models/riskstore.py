"""Score stored ads with a trained risk model and keep the scores with their reasons.

Each current ad version gets one ``Score`` row per model version (``model_version`` is
the artefact's folder name), with the calibrated risk, whether it reaches the
``flag_threshold`` setting, and the strongest contributions in words. Scores are
replaced when the same model scores again; other models' scores are left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import joblib
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import audit
from core.schema import Ad, AdVersion, Cluster, ClusterMember, IndicatorHit, Score
from models.risk import explain, link_features


class ModelNotFound(ValueError):
    pass


def stored_example(session: Session, version: AdVersion) -> dict[str, Any]:
    """The model's input for one stored ad version: text, indicator hits, cluster facts."""
    best: dict[str, float] = {}
    for hit in session.execute(select(IndicatorHit).where(IndicatorHit.ad_version_id == version.id)).scalars():
        best[hit.code] = max(best.get(hit.code, 0.0), hit.weight)
    sizes: dict[str, tuple[int, dict]] = {}
    clusters = session.execute(select(Cluster).join(ClusterMember, ClusterMember.cluster_id == Cluster.id)
                               .where(ClusterMember.ad_id == version.ad_id)).scalars()
    for cluster in clusters:
        size = session.execute(select(func.count()).select_from(ClusterMember)
                               .where(ClusterMember.cluster_id == cluster.id)).scalar_one()
        sizes[cluster.kind] = (size, cluster.summary or {})
    network_size, network = sizes.get("network", (1, {}))
    return {
        "text": version.text, "indicators": best,
        "links": link_features(network_size, len(network.get("cities", [])) or 1,
                               len(network.get("phones", [])), sizes.get("text", (1, {}))[0]),
    }


def model_folder(models_dir: Path, version: str = "") -> Path:
    """The named model version, or the newest one (versions sort by their training time)."""
    if version:
        folder = models_dir / version
        if not (folder / "model.joblib").is_file():
            raise ModelNotFound(f"no model {version!r} in {models_dir}")
        return folder
    found = sorted(p.parent for p in models_dir.glob("risk-*/model.joblib"))
    if not found:
        raise ModelNotFound(f"no trained model in {models_dir}; run `signalstack train` first")
    return found[-1]


def score_stored_ads(session: Session, folder: Path, flag_threshold: float, actor: str = "system") -> dict:
    """Score every ad's current version inside the caller's transaction."""
    model = joblib.load(folder / "model.joblib")  # our own artefact, written by models.risktrain
    versions = [ad.current for ad in session.execute(select(Ad).order_by(Ad.id)).scalars() if ad.versions]
    explained = explain(model, [stored_example(session, v) for v in versions]) if versions else []
    flagged = 0
    for version, result in zip(versions, explained, strict=True):
        score = session.execute(select(Score).where(Score.ad_version_id == version.id,
                                                    Score.model_version == folder.name)).scalar_one_or_none()
        if score is None:
            score = Score(ad_version_id=version.id, model_version=folder.name)
            session.add(score)
        score.risk = result["risk"]
        score.flagged = result["risk"] >= flag_threshold
        score.reasons = result["reasons"]
        flagged += score.flagged
    report = {"model": folder.name, "scored": len(versions), "flagged": flagged}
    audit.record(session, actor, "risk_score", "model", folder.name, **report)
    return report
