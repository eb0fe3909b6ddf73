"""thread list keyset index: ix_threads_group_activity ends with id

Group pages page by position (keyset) on (is_pinned, last_activity_at, id).
SQLite keeps the rowid in every index, so it walked the old index without a
sort already; PostgreSQL needs the id in the index to use it for the tie-break
and the row comparison instead of sorting.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_index('ix_threads_group_activity')
        batch_op.create_index('ix_threads_group_activity',
                              ['group_id', 'is_pinned', 'last_activity_at', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_index('ix_threads_group_activity')
        batch_op.create_index('ix_threads_group_activity', ['group_id', 'is_pinned', 'last_activity_at'],
                              unique=False)
