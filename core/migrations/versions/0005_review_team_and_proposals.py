"""Four eyes on escalations: each review decision carries the team that made it and whether it is
final or only proposed (an analyst's dismissal of an urgent or minor-indicator ad waits for a
coordinator of the escalating team).

Existing decisions are final and get the decider's current team.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 02:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_decisions") as batch_op:
        batch_op.add_column(sa.Column("team", sa.String(100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("status", sa.String(20), nullable=False, server_default="final"))
    op.execute("UPDATE review_decisions SET team = (SELECT users.team FROM users "
               "WHERE users.id = review_decisions.user_id)")
    op.create_index("ix_review_decisions_team_status", "review_decisions", ["team", "status"])


def downgrade() -> None:
    op.drop_index("ix_review_decisions_team_status", "review_decisions")
    with op.batch_alter_table("review_decisions") as batch_op:
        batch_op.drop_column("status")
        batch_op.drop_column("team")
