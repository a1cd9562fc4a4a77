"""Writing many ledger rows in one statement: PostgreSQL's COPY, else one bulk INSERT."""
import time
from collections.abc import Iterable, Sequence

from django.db import connection

# From this many rows on, COPY beats a bulk INSERT (a mark or an edit writes one or two entries).
COPY_FROM = 50


def copying(count: int) -> bool:
    """Whether `count` rows go in by COPY on this database."""
    return connection.vendor == "postgresql" and count >= COPY_FROM


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY the rows into the table; row triggers and statement triggers fire as for an INSERT."""
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN"
    started = time.monotonic()
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
    _log(sql, time.monotonic() - started)


def _log(sql: str, seconds: float) -> None:
    """Count the COPY like any statement, so query counts (debug toolbar, tests) stay true."""
    if connection.queries_logged:
        connection.queries_log.append({"sql": sql, "time": f"{seconds:.3f}"})
