"""indexes for paged lists: the inbox by status and time, customers by name

Revision ID: 7c1e5a0d2b94
Revises: 013091f2229c
Create Date: 2026-11-25 10:55:00

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '7c1e5a0d2b94'
down_revision: Union[str, Sequence[str], None] = '013091f2229c'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Pages are read in index order instead of sorting the whole list."""
    op.drop_index('ix_backoffice_task_business_status', table_name='backoffice_task')
    op.create_index(
        'ix_backoffice_task_business_status_created',
        'backoffice_task',
        ['business_id', 'status', 'created_at'],
        unique=False,
    )
    op.create_index(
        'ix_customer_business_name', 'customer', ['business_id', 'name'], unique=False
    )


def downgrade() -> None:
    """Back to the single-purpose indexes."""
    op.drop_index('ix_customer_business_name', table_name='customer')
    op.drop_index('ix_backoffice_task_business_status_created', table_name='backoffice_task')
    op.create_index(
        'ix_backoffice_task_business_status',
        'backoffice_task',
        ['business_id', 'status'],
        unique=False,
    )
