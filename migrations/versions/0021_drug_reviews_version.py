"""drugs.reviews_version: bumped with every change to a drug's reviews, the key of its cached summary

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 15:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('drugs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviews_version', sa.Integer(), server_default=sa.text('0'), nullable=False))


def downgrade():
    with op.batch_alter_table('drugs', schema=None) as batch_op:
        batch_op.drop_column('reviews_version')
