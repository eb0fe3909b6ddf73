"""trust pages (site pages with revisions, contact messages) and groups managed in the
browser (rules, archiving)

Revision ID: 0016
Revises: 0007
Create Date: 2026-12-02 14:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('site_pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_site_pages_updated_by_id_users'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_pages')),
    sa.UniqueConstraint('slug', name=op.f('uq_site_pages_slug'))
    )
    op.create_table('site_page_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('editor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['editor_id'], ['users.id'], name=op.f('fk_site_page_revisions_editor_id_users'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['page_id'], ['site_pages.id'], name=op.f('fk_site_page_revisions_page_id_site_pages'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_page_revisions'))
    )
    with op.batch_alter_table('site_page_revisions', schema=None) as batch_op:
        batch_op.create_index('ix_site_page_revisions_page', ['page_id', 'created_at'], unique=False)

    op.create_table('contact_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sender_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('topic', sa.String(length=16), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('is_urgent', sa.Boolean(), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_contact_messages_closed_by_id_users'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['sender_id'], ['users.id'], name=op.f('fk_contact_messages_sender_id_users'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_messages'))
    )
    with op.batch_alter_table('contact_messages', schema=None) as batch_op:
        batch_op.create_index('ix_contact_messages_open', ['is_open', 'is_urgent', 'created_at'], unique=False)

    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rules_source', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('rules_html', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('archived_at')
        batch_op.drop_column('rules_html')
        batch_op.drop_column('rules_source')

    with op.batch_alter_table('contact_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_messages_open')
    op.drop_table('contact_messages')
    with op.batch_alter_table('site_page_revisions', schema=None) as batch_op:
        batch_op.drop_index('ix_site_page_revisions_page')
    op.drop_table('site_page_revisions')
    op.drop_table('site_pages')
