"""The full-text index of claims that finds candidate competing accounts (see events/fulltext.py)."""
from django.db import migrations


def create(apps, schema_editor):
    from events.fulltext import create_index

    create_index(schema_editor.connection)


def drop(apps, schema_editor):
    from events.fulltext import drop_index

    drop_index(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
