"""saved_searches: a team's searches kept to run again (and to turn into watches).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 06:00:00
"""

import sqlalchemy as sa
from alembic import op

import core.schema

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("team", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("created_at", core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_saved_searches_team", "saved_searches", ["team"])


def downgrade() -> None:
    op.drop_index("ix_saved_searches_team", table_name="saved_searches")
    op.drop_table("saved_searches")
