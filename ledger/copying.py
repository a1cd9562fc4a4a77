"""Writing many rows in one statement: PostgreSQL's COPY, else one bulk INSERT (ledger entries, Merkle nodes, and
the rows of ledgered models written by bulk_create: a report's claims and attributions)."""
import time
from collections.abc import Iterable, Sequence

from django.db import connection, models

# Fields whose value goes to the database as it is when it already has the column's Python type: their
# get_db_prep_save returns a str, int or bool unchanged, and it was a tenth of a report's ingest.
PLAIN_TYPES = {models.CharField: str, models.TextField: str, models.BooleanField: bool, models.IntegerField: int,
               models.PositiveIntegerField: int, models.PositiveSmallIntegerField: int, models.SmallIntegerField: int,
               models.BigIntegerField: int, models.AutoField: int, models.BigAutoField: int}

# From this many rows on, COPY beats a bulk INSERT (a mark or an edit writes one or two entries; on the bench's
# reports of 12-40 claims, 10 ingests about 5% faster than 50).
COPY_FROM = 10


def copying(count: int) -> bool:
    """Whether `count` rows go in by COPY on this database."""
    return connection.vendor == "postgresql" and count >= COPY_FROM


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY the rows into the table; row triggers and statement triggers fire as for an INSERT."""
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN"
    started = time.monotonic()
    # wrap_database_errors: a refused row raises Django's IntegrityError, as an INSERT's would.
    with connection.wrap_database_errors, connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
    _log(sql, time.monotonic() - started)


def copy_models(model, objs: list) -> list:
    """bulk_create by COPY: ids reserved from the table's sequence in one query, the rows in one COPY.

    As bulk_create does: related objects saved first must be, auto_now fields are set, each object gets its
    id and is marked saved. No signals, as with bulk_create.
    """
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [meta.db_table, meta.pk.column, len(objs)])
        ids = [row[0] for row in cursor.fetchall()]
    fields = [field for field in meta.concrete_fields if not field.generated]  # the database computes those
    for obj, pk in zip(objs, ids, strict=True):
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        obj.pk = pk
    copy_rows(meta.db_table, [field.column for field in fields], map(_row_of(fields), objs))
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    return objs


def _plain_type(field) -> type | None:
    """The Python type a field's value may have to be written as it is, or None (always converted)."""
    if field.is_relation:
        field = field.target_field
    return PLAIN_TYPES.get(type(field))


def _row_of(fields):
    """A function giving an object's row as bulk_create would write it: pre_save, then get_db_prep_save."""
    plain = [(field, field.attname, _plain_type(field)) for field in fields]

    def row(obj) -> list:
        values = []
        for field, attname, kind in plain:
            if kind is not None:
                value = getattr(obj, attname)
                if value is None or type(value) is kind:  # bool is not int here, nor int bool
                    values.append(value)
                    continue
            values.append(field.get_db_prep_save(field.pre_save(obj, True), connection))
        return values

    return row


def _log(sql: str, seconds: float) -> None:
    """Count the COPY like any statement, so query counts (debug toolbar, tests) stay true."""
    if connection.queries_logged:
        connection.queries_log.append({"sql": sql, "time": f"{seconds:.3f}"})
