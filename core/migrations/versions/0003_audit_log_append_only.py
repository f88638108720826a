"""The audit log refuses UPDATE and DELETE (triggers; PostgreSQL also refuses TRUNCATE).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 04:00:00
"""
from alembic import op

from core.pg_guards import drop_audit_guards, install_audit_guards

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_audit_guards(op.get_bind())


def downgrade() -> None:
    drop_audit_guards(op.get_bind())
