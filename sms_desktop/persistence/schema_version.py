"""The schema revision this build expects; a test keeps it equal to Alembic's head.

Kept as a constant so that opening a current database at start-up needs no Alembic
import (it costs ~100 ms before the first data can show).
"""

HEAD_REVISION = "0014"
