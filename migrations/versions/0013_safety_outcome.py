"""posts.safety_outcome and article_comments.safety_outcome: the crisis response the author saw
("self", "emergency" or "other"), kept so the resources stay on the published text for its author

Revision ID: 0013
Revises: 0008
Create Date: 2026-12-02 14:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('safety_outcome', sa.String(length=16), nullable=True))
    with op.batch_alter_table('article_comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('safety_outcome', sa.String(length=16), nullable=True))


def downgrade():
    with op.batch_alter_table('article_comments', schema=None) as batch_op:
        batch_op.drop_column('safety_outcome')
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('safety_outcome')
