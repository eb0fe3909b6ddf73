"""private messages: conversations, participants (unread counts, inbox order),
messages, blocks, member reports; review-queue rows for a message or a member;
who may message a member (users.message_policy)

Revision ID: 0007
Revises: 0017
Create Date: 2026-12-02 14:29:35.432038

"""
from alembic import op
import sqlalchemy as sa

OLD_ONE_TARGET = "(post_id IS NULL) <> (comment_id IS NULL)"
ONE_TARGET = ("(CASE WHEN post_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN comment_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN message_id IS NULL THEN 0 ELSE 1 END)"
              " + (CASE WHEN reported_user_id IS NULL THEN 0 ELSE 1 END) = 1")


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('blocks',
    sa.Column('blocker_id', sa.Integer(), nullable=False),
    sa.Column('blocked_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['blocked_id'], ['users.id'], name=op.f('fk_blocks_blocked_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['blocker_id'], ['users.id'], name=op.f('fk_blocks_blocker_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('blocker_id', 'blocked_id', name=op.f('pk_blocks'))
    )
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.create_index('ix_blocks_blocked_id', ['blocked_id'], unique=False)

    op.create_table('conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('message_count', sa.Integer(), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_conversations_started_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations'))
    )
    op.create_table('conversation_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('unread_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_conversation_participants_conversation_id_conversations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_conversation_participants_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation_participants'))
    )
    with op.batch_alter_table('conversation_participants', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_participants_inbox', ['user_id', 'last_message_at', 'conversation_id'], unique=False)
        batch_op.create_index('uq_conversation_participants_member', ['conversation_id', 'user_id'], unique=True)

    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('hidden_by_id', sa.Integer(), nullable=True),
    sa.Column('hidden_reason', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_messages_conversation_id_conversations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['hidden_by_id'], ['users.id'], name=op.f('fk_messages_hidden_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index('ix_messages_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_messages_conversation', ['conversation_id', 'created_at', 'id'], unique=False)

    op.create_table('member_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('reported_user_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_member_reports_message_id_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reported_user_id'], ['users.id'], name=op.f('fk_member_reports_reported_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reporter_id'], ['users.id'], name=op.f('fk_member_reports_reporter_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_reports'))
    )
    with op.batch_alter_table('member_reports', schema=None) as batch_op:
        batch_op.create_index('ix_member_reports_message_id', ['message_id'], unique=False)
        batch_op.create_index('ix_member_reports_reported_user_id', ['reported_user_id'], unique=False)
        batch_op.create_index('ix_member_reports_reporter', ['reporter_id', 'reported_user_id'], unique=False)

    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reported_user_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_review_items_message_id'), ['message_id'])
        batch_op.create_unique_constraint(batch_op.f('uq_review_items_reported_user_id'), ['reported_user_id'])
        batch_op.create_foreign_key(batch_op.f('fk_review_items_message_id_messages'), 'messages', ['message_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_review_items_reported_user_id_users'), 'users', ['reported_user_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_constraint(batch_op.f('ck_review_items_one_target'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_review_items_one_target'), ONE_TARGET)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('message_policy', sa.String(length=16), server_default='anyone', nullable=False))



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('message_policy')

    op.execute("DELETE FROM review_items WHERE message_id IS NOT NULL OR reported_user_id IS NOT NULL")
    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_review_items_one_target'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_review_items_one_target'), OLD_ONE_TARGET)
        batch_op.drop_constraint(batch_op.f('fk_review_items_reported_user_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_review_items_message_id_messages'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_review_items_reported_user_id'), type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_review_items_message_id'), type_='unique')
        batch_op.drop_column('reported_user_id')
        batch_op.drop_column('message_id')

    with op.batch_alter_table('member_reports', schema=None) as batch_op:
        batch_op.drop_index('ix_member_reports_reporter')
        batch_op.drop_index('ix_member_reports_reported_user_id')
        batch_op.drop_index('ix_member_reports_message_id')

    op.drop_table('member_reports')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_conversation')
        batch_op.drop_index('ix_messages_author_id')

    op.drop_table('messages')
    with op.batch_alter_table('conversation_participants', schema=None) as batch_op:
        batch_op.drop_index('uq_conversation_participants_member')
        batch_op.drop_index('ix_conversation_participants_inbox')

    op.drop_table('conversation_participants')
    op.drop_table('conversations')
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.drop_index('ix_blocks_blocked_id')

    op.drop_table('blocks')
