"""drugs and supplements: the catalogue, its names, conditions, sections and import ledger

Issue 17 part A. down_revision is the head when this branch started (0003); it is
re-pointed at the head of main when merged.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 06:10:14.061069

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('conditions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('keys', sa.JSON(), nullable=False),
    sa.Column('group_slugs', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conditions')),
    sa.UniqueConstraint('slug', name=op.f('uq_conditions_slug'))
    )
    with op.batch_alter_table('conditions', schema=None) as batch_op:
        batch_op.create_index('ix_conditions_name', ['name'], unique=False)

    op.create_table('drugs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sort_key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('drug_class', sa.String(length=200), nullable=False),
    sa.Column('brand_names', sa.JSON(), nullable=False),
    sa.Column('ingredients', sa.JSON(), nullable=False),
    sa.Column('rxcuis', sa.JSON(), nullable=False),
    sa.Column('monograph_url', sa.String(length=500), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drugs')),
    sa.UniqueConstraint('slug', name=op.f('uq_drugs_slug'))
    )
    with op.batch_alter_table('drugs', schema=None) as batch_op:
        batch_op.create_index('ix_drugs_kind_sort_key', ['kind', 'sort_key', 'id'], unique=False)
        batch_op.create_index('ix_drugs_sort_key', ['sort_key', 'id'], unique=False)

    op.create_table('drug_conditions',
    sa.Column('drug_id', sa.Integer(), nullable=False),
    sa.Column('condition_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['condition_id'], ['conditions.id'], name=op.f('fk_drug_conditions_condition_id_conditions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['drug_id'], ['drugs.id'], name=op.f('fk_drug_conditions_drug_id_drugs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('drug_id', 'condition_id', name=op.f('pk_drug_conditions'))
    )
    with op.batch_alter_table('drug_conditions', schema=None) as batch_op:
        batch_op.create_index('ix_drug_conditions_condition_id', ['condition_id', 'drug_id'], unique=False)

    op.create_table('drug_names',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('drug_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['drug_id'], ['drugs.id'], name=op.f('fk_drug_names_drug_id_drugs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drug_names')),
    sa.UniqueConstraint('drug_id', 'key', name=op.f('uq_drug_names_drug_id'))
    )
    with op.batch_alter_table('drug_names', schema=None) as batch_op:
        batch_op.create_index('ix_drug_names_key', ['key'], unique=False)

    op.create_table('drug_sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('drug_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('source_name', sa.String(length=200), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=False),
    sa.Column('source_date', sa.String(length=10), nullable=False),
    sa.Column('source_key', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['drug_id'], ['drugs.id'], name=op.f('fk_drug_sections_drug_id_drugs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drug_sections')),
    sa.UniqueConstraint('drug_id', 'kind', 'origin', name=op.f('uq_drug_sections_drug_id'))
    )
    op.create_table('drug_source_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('drug_id', sa.Integer(), nullable=True),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['drug_id'], ['drugs.id'], name=op.f('fk_drug_source_records_drug_id_drugs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drug_source_records')),
    sa.UniqueConstraint('source', 'key', name=op.f('uq_drug_source_records_source'))
    )
    with op.batch_alter_table('drug_source_records', schema=None) as batch_op:
        batch_op.create_index('ix_drug_source_records_drug_id', ['drug_id'], unique=False)



def downgrade():
    with op.batch_alter_table('drug_source_records', schema=None) as batch_op:
        batch_op.drop_index('ix_drug_source_records_drug_id')

    op.drop_table('drug_source_records')
    op.drop_table('drug_sections')
    with op.batch_alter_table('drug_names', schema=None) as batch_op:
        batch_op.drop_index('ix_drug_names_key')

    op.drop_table('drug_names')
    with op.batch_alter_table('drug_conditions', schema=None) as batch_op:
        batch_op.drop_index('ix_drug_conditions_condition_id')

    op.drop_table('drug_conditions')
    with op.batch_alter_table('drugs', schema=None) as batch_op:
        batch_op.drop_index('ix_drugs_sort_key')
        batch_op.drop_index('ix_drugs_kind_sort_key')

    op.drop_table('drugs')
    with op.batch_alter_table('conditions', schema=None) as batch_op:
        batch_op.drop_index('ix_conditions_name')

    op.drop_table('conditions')
