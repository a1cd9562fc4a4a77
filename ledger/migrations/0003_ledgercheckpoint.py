"""Signed checkpoints of the chain, append-only like the entries."""
import importlib

from django.db import migrations, models

append_only = importlib.import_module("ledger.migrations.0002_append_only")


def install(apps, schema_editor):
    for statement in append_only.sql_for(schema_editor.connection.vendor, "ledger_checkpoint", install=True):
        schema_editor.execute(statement, params=None)


def remove(apps, schema_editor):
    for statement in append_only.sql_for(schema_editor.connection.vendor, "ledger_checkpoint", install=False):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0002_append_only")]

    operations = [
        migrations.CreateModel(
            name="LedgerCheckpoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("size", models.PositiveBigIntegerField(help_text="Number of entries covered (the head's seq).",
                                                        unique=True)),
                ("head_hash", models.CharField(max_length=64)),
                ("signed_at", models.DateTimeField()),
                ("signature", models.CharField(help_text="Ed25519 signature of the note, in hex.", max_length=128)),
                ("key_id", models.CharField(help_text="First 16 hex digits of SHA-256 of the raw public key.",
                                            max_length=16)),
            ],
            options={"db_table": "ledger_checkpoint", "ordering": ["size"]},
        ),
        migrations.RunPython(install, remove),
    ]
