"""login_code and contact_change code_hash fit "salt$sha256" (81 characters; PostgreSQL
refused them)

Revision ID: 5c4a1e0b7d21
Revises: 2311428f1f9c
Create Date: 2026-11-25 11:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "5c4a1e0b7d21"
down_revision: str | Sequence[str] | None = "2311428f1f9c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


TABLES = ("login_code", "contact_change")


def upgrade() -> None:
    """Widen login_code.code_hash and contact_change.code_hash from 64 to 100 characters."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                "code_hash",
                existing_type=sqlmodel.sql.sqltypes.AutoString(length=64),
                type_=sqlmodel.sql.sqltypes.AutoString(length=100),
                existing_nullable=False,
            )


def downgrade() -> None:
    """Back to 64 characters (codes stored since do not fit: drop them first)."""
    for table in TABLES:
        op.execute(sa.text(f"DELETE FROM {table}"))
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(
                "code_hash",
                existing_type=sqlmodel.sql.sqltypes.AutoString(length=100),
                type_=sqlmodel.sql.sqltypes.AutoString(length=64),
                existing_nullable=False,
            )
