"""held_back_hits: indicators found but not counted (non-adult listings), kept with the reason.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_back_hits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ad_version_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("verdict", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["ad_version_id"], ["ad_versions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_held_back_hits_ad_version_id", "held_back_hits", ["ad_version_id"])


def downgrade() -> None:
    op.drop_index("ix_held_back_hits_ad_version_id", table_name="held_back_hits")
    op.drop_table("held_back_hits")
