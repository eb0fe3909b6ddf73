"""feeds and newsletter: the group-feed index; newsletter subscribers, issues and deliveries

Revision ID: 0018
Revises: 0006
Create Date: 2026-12-02 14:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.create_index('ix_threads_group_created', ['group_id', 'created_at'], unique=False)

    op.create_table('newsletter_subscribers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('confirm_nonce', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_newsletter_subscribers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_newsletter_subscribers')),
    sa.UniqueConstraint('email', name=op.f('uq_newsletter_subscribers_email'))
    )
    with op.batch_alter_table('newsletter_subscribers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_newsletter_subscribers_user_id'), ['user_id'], unique=False)

    op.create_table('newsletter_topics',
    sa.Column('subscriber_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['subscriber_id'], ['newsletter_subscribers.id'], name=op.f('fk_newsletter_topics_subscriber_id_newsletter_subscribers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('subscriber_id', 'topic', name=op.f('pk_newsletter_topics'))
    )
    with op.batch_alter_table('newsletter_topics', schema=None) as batch_op:
        batch_op.create_index('ix_newsletter_topics_topic', ['topic', 'subscriber_id'], unique=False)

    op.create_table('newsletter_issues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('topics', sa.String(length=2000), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_test_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sending_started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recipient_count', sa.Integer(), nullable=False),
    sa.Column('sent_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_newsletter_issues_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_newsletter_issues'))
    )
    with op.batch_alter_table('newsletter_issues', schema=None) as batch_op:
        batch_op.create_index('ix_newsletter_issues_created_at', ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('newsletter_issues', schema=None) as batch_op:
        batch_op.drop_index('ix_newsletter_issues_created_at')
    op.drop_table('newsletter_issues')
    with op.batch_alter_table('newsletter_topics', schema=None) as batch_op:
        batch_op.drop_index('ix_newsletter_topics_topic')
    op.drop_table('newsletter_topics')
    with op.batch_alter_table('newsletter_subscribers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_newsletter_subscribers_user_id'))
    op.drop_table('newsletter_subscribers')

    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_index('ix_threads_group_created')
