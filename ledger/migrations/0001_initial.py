from django.db import migrations, models

GENESIS_HASH = "0" * 64


def create_head(apps, schema_editor):
    # On the database being migrated (a test replica stand-in too), not wherever the router sends writes.
    apps.get_model("ledger", "LedgerHead").objects.using(schema_editor.connection.alias).create(
        pk=1, seq=0, hash=GENESIS_HASH)


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="LedgerEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seq", models.PositiveBigIntegerField(unique=True)),
                ("recorded_at", models.DateTimeField()),
                ("actor", models.CharField(help_text="user:<username> or command:<name>", max_length=200)),
                ("action", models.CharField(db_index=True, max_length=64)),
                ("object_type", models.CharField(max_length=64)),
                ("object_id", models.CharField(max_length=64)),
                ("payload", models.JSONField(default=dict)),
                ("reason", models.TextField(blank=True, default="")),
                ("prev_hash", models.CharField(max_length=64, unique=True)),
                ("hash", models.CharField(max_length=64, unique=True)),
            ],
            options={
                "db_table": "ledger_entry",
                "ordering": ["seq"],
                "verbose_name_plural": "ledger entries",
                "indexes": [models.Index(fields=["object_type", "object_id", "seq"], name="ledger_object_idx")],
            },
        ),
        migrations.CreateModel(
            name="LedgerHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seq", models.PositiveBigIntegerField(default=0)),
                ("hash", models.CharField(max_length=64)),
            ],
            options={"db_table": "ledger_head"},
        ),
        migrations.RunPython(create_head, migrations.RunPython.noop),
    ]
