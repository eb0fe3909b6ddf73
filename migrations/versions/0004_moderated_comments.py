"""moderated comments: hidden state on article comments, review-queue rows for
comments, the "remove_comment" audit action, and no thread view count

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 06:12:05.877241

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('article_comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('hidden_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('hidden_reason', sa.String(length=500), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_article_comments_hidden_by_id_users'), 'users', ['hidden_by_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comment_id', sa.Integer(), nullable=True))
        batch_op.alter_column('post_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.alter_column('group_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_unique_constraint(batch_op.f('uq_review_items_comment_id'), ['comment_id'])
        batch_op.create_foreign_key(batch_op.f('fk_review_items_comment_id_article_comments'), 'article_comments', ['comment_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint(batch_op.f('ck_review_items_one_target'),
                                         '(post_id IS NULL) <> (comment_id IS NULL)')

    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_column('view_count')

    op.execute("UPDATE moderation_actions SET action = 'remove_comment' "
               "WHERE action = 'remove' AND target_type = 'comment'")


def downgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('view_count', sa.INTEGER(), nullable=False, server_default='0'))

    op.execute("UPDATE moderation_actions SET action = 'remove' WHERE action = 'remove_comment'")
    op.execute("DELETE FROM review_items WHERE comment_id IS NOT NULL")
    with op.batch_alter_table('review_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_review_items_one_target'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_review_items_comment_id_article_comments'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_review_items_comment_id'), type_='unique')
        batch_op.alter_column('group_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.alter_column('post_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('comment_id')

    with op.batch_alter_table('article_comments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_article_comments_hidden_by_id_users'), type_='foreignkey')
        batch_op.drop_column('hidden_reason')
        batch_op.drop_column('hidden_by_id')
        batch_op.drop_column('hidden_at')

