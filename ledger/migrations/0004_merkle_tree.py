"""The Merkle tree over the entries, C2SP checkpoints, witness cosignatures; the head moved only by appends.

On PostgreSQL the head row is advanced by a trigger on ledger_entry (an insert must extend the head), and
locked through ledger_lock_head(); both run with the owner's rights, so the application's role needs no
UPDATE on ledger_head at all (see ledger/grants.py). Existing entries are back-filled into the tree.
"""
import importlib
import sys

import django.db.models.deletion
from django.db import migrations, models

append_only = importlib.import_module("ledger.migrations.0002_append_only")
APPEND_ONLY = ("ledger_checkpoint", "ledger_node", "ledger_cosignature")

PG_HEAD = [
    """
    CREATE OR REPLACE FUNCTION ledger_lock_head() RETURNS TABLE (seq bigint, hash varchar)
    LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $body$
        SELECT h.seq, h.hash FROM ledger_head h WHERE h.id = 1 FOR UPDATE
    $body$
    """,
    """
    CREATE OR REPLACE FUNCTION ledger_advance_head() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $body$
    DECLARE head_seq bigint; head_hash varchar;
    BEGIN
        SELECT h.seq, h.hash INTO head_seq, head_hash FROM ledger_head h WHERE h.id = 1 FOR UPDATE;
        IF NOT FOUND THEN
            head_seq := 0;
            head_hash := repeat('0', 64);
            INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, head_hash);
        END IF;
        IF NEW.seq <> head_seq + 1 OR NEW.prev_hash <> head_hash THEN
            RAISE EXCEPTION USING MESSAGE = 'ledger_entry: seq ' || NEW.seq || ' does not extend the head (seq '
                || head_seq || ')';
        END IF;
        UPDATE ledger_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
        RETURN NEW;
    END
    $body$
    """,
    "DROP TRIGGER IF EXISTS ledger_entry_extends_head ON ledger_entry",
    "CREATE TRIGGER ledger_entry_extends_head BEFORE INSERT ON ledger_entry FOR EACH ROW "
    "EXECUTE FUNCTION ledger_advance_head()",
]
PG_HEAD_REMOVE = ["DROP TRIGGER IF EXISTS ledger_entry_extends_head ON ledger_entry",
                  "DROP FUNCTION IF EXISTS ledger_advance_head()", "DROP FUNCTION IF EXISTS ledger_lock_head()"]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in APPEND_ONLY:  # a SQLite table rebuild drops a table's triggers: put them (back) in place
        for statement in append_only.sql_for(vendor, table, install=False) + append_only.sql_for(vendor, table,
                                                                                                  install=True):
            schema_editor.execute(statement, params=None)
    if vendor == "postgresql":
        for statement in PG_HEAD:
            schema_editor.execute(statement, params=None)


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in APPEND_ONLY[1:]:
        for statement in append_only.sql_for(vendor, table, install=False):
            schema_editor.execute(statement, params=None)
    if vendor == "postgresql":
        for statement in PG_HEAD_REMOVE:
            schema_editor.execute(statement, params=None)


def backfill(apps, schema_editor):
    """Put every existing entry into the tree, with a progress bar on a terminal."""
    from tqdm import tqdm

    from ledger import merkle

    entry, node = apps.get_model("ledger", "LedgerEntry"), apps.get_model("ledger", "LedgerNode")
    total = entry.objects.count()
    if not total:
        return
    hashes = entry.objects.order_by("seq").values_list("hash", flat=True).iterator(chunk_size=10_000)
    with tqdm(total=total, desc="ledger: Merkle tree", unit="entry", file=sys.stderr,
              disable=not sys.stderr.isatty()) as progress:
        merkle.backfill(hashes, start=0, progress=progress, model=node)


class Migration(migrations.Migration):
    atomic = True

    dependencies = [
        ('ledger', '0003_ledgercheckpoint'),
    ]

    operations = [
        migrations.AddField(
            model_name='ledgercheckpoint',
            name='note',
            field=models.TextField(blank=True, default='', help_text='The C2SP signed note: text, blank line, signature.'),
        ),
        migrations.AddField(
            model_name='ledgercheckpoint',
            name='previous_size',
            field=models.PositiveBigIntegerField(blank=True, help_text='Size of the checkpoint this one follows.', null=True),
        ),
        migrations.AddField(
            model_name='ledgercheckpoint',
            name='root_hash',
            field=models.CharField(blank=True, default='', help_text='Merkle tree root at this size, hex (empty for a legacy checkpoint).', max_length=64),
        ),
        migrations.AlterField(
            model_name='ledgercheckpoint',
            name='key_id',
            field=models.CharField(help_text='The signed-note key ID (8 hex digits); legacy: 16.', max_length=16),
        ),
        migrations.CreateModel(
            name='LedgerNode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.PositiveSmallIntegerField()),
                ('index', models.PositiveBigIntegerField()),
                ('hash', models.CharField(help_text='SHA-256, hex: a leaf hash at level 0, else an interior node', max_length=64)),
            ],
            options={
                'db_table': 'ledger_node',
                'constraints': [models.UniqueConstraint(fields=('level', 'index'), name='ledger_node_position')],
            },
        ),
        migrations.CreateModel(
            name='LedgerCosignature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('witness', models.CharField(help_text="The witness's key name, as in LEDGER_WITNESSES.", max_length=200)),
                ('timestamp', models.PositiveBigIntegerField(help_text='When the witness signed (POSIX seconds).')),
                ('line', models.TextField(help_text='The signature line, em dash to base64, without its newline.')),
                ('received_at', models.DateTimeField()),
                ('checkpoint', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cosignatures', to='ledger.ledgercheckpoint')),
            ],
            options={
                'db_table': 'ledger_cosignature',
                'constraints': [models.UniqueConstraint(fields=('checkpoint', 'witness'), name='ledger_cosignature_once')],
            },
        ),
        migrations.RunPython(install, remove),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
