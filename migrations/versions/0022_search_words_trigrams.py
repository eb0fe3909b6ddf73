"""search_words: every word of the PostgreSQL search documents under a trigram index (pg_trgm), so
did-you-mean is an index look-up instead of reading the word statistics of every visible document

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 02:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        # A trusted extension since PostgreSQL 13: the database's owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_table('search_words',
    sa.Column('word', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('word', name=op.f('pk_search_words'))
    )
    with op.batch_alter_table('search_words', schema=None) as batch_op:
        batch_op.create_index('ix_search_words_trgm', ['word'], unique=False, postgresql_using='gin',
                              postgresql_ops={'word': 'gin_trgm_ops'})
    if postgres:  # the words of the documents indexed so far
        op.execute(
            "INSERT INTO search_words (word) SELECT DISTINCT t.lexeme FROM search_documents d, "
            "unnest(to_tsvector('simple', d.title || ' ' || d.body)) AS t(lexeme, positions, weights) "
            "WHERE length(t.lexeme) BETWEEN 2 AND 64 ON CONFLICT DO NOTHING")


def downgrade():
    with op.batch_alter_table('search_words', schema=None) as batch_op:
        batch_op.drop_index('ix_search_words_trgm', postgresql_using='gin', postgresql_ops={'word': 'gin_trgm_ops'})
    op.drop_table('search_words')
