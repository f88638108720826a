"""Claims: who is working on an ad (one row per ad, with an expiry), for the triage list.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 05:00:00
"""

import sqlalchemy as sa
from alembic import op

import core.schema

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("ad_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("claimed_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column("assigned_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["ad_id"], ["ads.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("ad_id"),
    )
    op.create_index("ix_claims_username", "claims", ["username"])
    op.create_index("ix_claims_expires_at", "claims", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_claims_expires_at", table_name="claims")
    op.drop_index("ix_claims_username", table_name="claims")
    op.drop_table("claims")
