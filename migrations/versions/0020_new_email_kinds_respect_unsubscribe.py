"""new email kinds (quote, expert_question, no_specialist, group_expert_answers) stay off for
anyone who had unsubscribed from all email: a "never" row for each, for every account whose
existing choices were "never" for every kind there was before

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 15:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

OLD_KINDS = ('reply', 'expert_answer', 'accepted', 'helpful', 'mention', 'join_approved', 'join_declined',
             'expert_decided', 'moderated', 'new_thread', 'message', 'recall')
NEW_KINDS = ('quote', 'expert_question', 'no_specialist', 'group_expert_answers')


def upgrade():
    bind = op.get_bind()
    prefs = sa.table('email_preferences', sa.column('user_id', sa.Integer), sa.column('kind', sa.String),
                     sa.column('frequency', sa.String))
    all_off = (sa.select(prefs.c.user_id)
               .where(prefs.c.kind.in_(OLD_KINDS), prefs.c.frequency == 'never')
               .group_by(prefs.c.user_id)
               .having(sa.func.count() == len(OLD_KINDS)))
    user_ids = [row[0] for row in bind.execute(all_off)]
    for start in range(0, len(user_ids), 500):
        chunk = user_ids[start:start + 500]
        bind.execute(prefs.delete().where(prefs.c.user_id.in_(chunk), prefs.c.kind.in_(NEW_KINDS)))
        bind.execute(prefs.insert(), [{'user_id': uid, 'kind': kind, 'frequency': 'never'}
                                      for uid in chunk for kind in NEW_KINDS])


def downgrade():
    pass  # the rows only say "never" for kinds an older version does not know: harmless to keep
