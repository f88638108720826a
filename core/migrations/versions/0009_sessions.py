"""Sessions: one row per signed-in browser, holding only the sha256 of its cookie's random id, with
last activity (idle timeout), an absolute end, and who revoked it and why (``core.sessions``).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 03:00:00
"""

import sqlalchemy as sa
from alembic import op

import core.schema

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.Column("user_agent", sa.String(length=300), nullable=False),
        sa.Column("revoked_at", core.schema.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=20), nullable=False),
        sa.Column("revoked_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key_hash"),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_sessions_user_id", table_name="sessions")
    op.drop_table("sessions")
