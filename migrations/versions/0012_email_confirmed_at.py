"""users.email_confirmed_at: sign-ups confirm their address before they can log in;
every account that existed before counts as confirmed

Revision ID: 0012
Revises: 0005
Create Date: 2026-12-02 07:05:10.756521

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_confirmed_at', sa.DateTime(timezone=True), nullable=True))
    # Imported accounts (no password yet) confirm by the reset link they use to set one.
    op.execute("UPDATE users SET email_confirmed_at = created_at WHERE password_hash IS NOT NULL")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email_confirmed_at')

