"""An ad that returns to earlier content (A -> B -> A) gets a third version: drop the unique
(ad_id, content_sha256) constraint on ad_versions. The history is the edits as they happened.

SQLite cannot drop a constraint in place; batch mode rebuilds the table (copy, drop, rename).
``core.migrate.upgrade`` turns foreign keys off around migrations, because with them on
SQLite's DROP TABLE would first delete every row and cascade into the tables that point at
versions (indicator hits, entities, reviews).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 06:10:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Names for the constraints SQLite keeps unnamed, so batch mode can find the one to drop.
NAMING = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("ad_versions", naming_convention=NAMING, recreate="always") as batch_op:
            batch_op.drop_constraint("uq_ad_versions_ad_id_content_sha256", type_="unique")
    else:
        op.drop_constraint("ad_versions_ad_id_content_sha256_key", "ad_versions", type_="unique")


def downgrade() -> None:
    # Only possible while no ad repeats a content; refusing loudly is better than losing versions.
    with op.batch_alter_table("ad_versions", naming_convention=NAMING) as batch_op:
        batch_op.create_unique_constraint("uq_ad_versions_ad_id_content_sha256", ["ad_id", "content_sha256"])
