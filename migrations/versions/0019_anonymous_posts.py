"""anonymous posting: groups.allows_anonymous, threads.is_anonymous, posts.is_anonymous

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 15:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('allows_anonymous', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_anonymous', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_anonymous', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('is_anonymous')
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_column('is_anonymous')
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('allows_anonymous')
