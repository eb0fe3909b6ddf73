"""article comment deletion

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:37:16.593112

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('article_comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deleted_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_article_comments_deleted_by_id_users'), 'users', ['deleted_by_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('article_comments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_article_comments_deleted_by_id_users'), type_='foreignkey')
        batch_op.drop_column('deleted_by_id')
        batch_op.drop_column('deleted_at')

