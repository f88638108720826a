"""Watchlists and alerts (watches, watch_alerts, watch_runs) and the banded photo-hash index
(photo_hashes), filled here from the images already stored with each ad version.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 04:00:00
"""

import sqlalchemy as sa
from alembic import op

import core.schema
from core.photos import version_photo_rows

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_BAND_INDEXES = [f"ix_photo_hashes_band{i}" for i in range(4)]


def upgrade() -> None:
    op.create_table(
        "photo_hashes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ad_version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("phash", sa.String(length=16), nullable=False),
        sa.Column("mirrored", sa.Boolean(), nullable=False),
        *(sa.Column(f"band{i}", sa.Integer(), nullable=False) for i in range(4)),
        sa.ForeignKeyConstraint(["ad_version_id"], ["ad_versions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_photo_hashes_ad_version_id", "photo_hashes", ["ad_version_id"])
    for i, name in enumerate(_BAND_INDEXES):
        op.create_index(name, "photo_hashes", [f"band{i}"])

    op.create_table(
        "watches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=300), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("review_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("from_version_id", sa.Integer(), nullable=False),
        sa.Column("ended_at", core.schema.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_by", sa.String(length=100), nullable=False),
        sa.Column("ended_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_watches_kind_value", "watches", ["kind", "value"])
    op.create_index("ix_watches_team", "watches", ["team"])
    op.create_index("ix_watches_expires_at", "watches", ["expires_at"])

    op.create_table(
        "watch_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watch_id", sa.Integer(), nullable=False),
        sa.Column("ad_version_id", sa.Integer(), nullable=False),
        sa.Column("ad_id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", core.schema.UTCDateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["watch_id"], ["watches.id"]),
        sa.ForeignKeyConstraint(["ad_version_id"], ["ad_versions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ad_id"], ["ads.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("watch_id", "ad_version_id"),
    )
    op.create_index("ix_watch_alerts_watch_id", "watch_alerts", ["watch_id"])
    op.create_index("ix_watch_alerts_ad_version_id", "watch_alerts", ["ad_version_id"])
    op.create_index("ix_watch_alerts_team_acknowledged", "watch_alerts", ["team", "acknowledged_at"])

    op.create_table(
        "watch_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("through_version_id", sa.Integer(), nullable=False),
        sa.Column("alerts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    # Photos stored before this revision: index them from ad_versions.images, in batches.
    bind = op.get_bind()
    versions = sa.table("ad_versions", sa.column("id", sa.Integer()), sa.column("images", sa.JSON()))
    photos = sa.table("photo_hashes", *(sa.column(c) for c in (
        "ad_version_id", "position", "phash", "mirrored", "band0", "band1", "band2", "band3")))
    last = 0
    while True:
        batch = bind.execute(sa.select(versions.c.id, versions.c.images).where(versions.c.id > last)
                             .order_by(versions.c.id).limit(5000)).all()
        if not batch:
            break
        rows = version_photo_rows((vid, images) for vid, images in batch)
        if rows:
            bind.execute(photos.insert(), rows)
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_table("watch_runs")
    op.drop_index("ix_watch_alerts_team_acknowledged", table_name="watch_alerts")
    op.drop_index("ix_watch_alerts_ad_version_id", table_name="watch_alerts")
    op.drop_index("ix_watch_alerts_watch_id", table_name="watch_alerts")
    op.drop_table("watch_alerts")
    op.drop_index("ix_watches_expires_at", table_name="watches")
    op.drop_index("ix_watches_team", table_name="watches")
    op.drop_index("ix_watches_kind_value", table_name="watches")
    op.drop_table("watches")
    for name in reversed(_BAND_INDEXES):
        op.drop_index(name, table_name="photo_hashes")
    op.drop_index("ix_photo_hashes_ad_version_id", table_name="photo_hashes")
    op.drop_table("photo_hashes")
