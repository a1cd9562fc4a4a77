"""Existing data: shared sources that are only unnamed descriptions become parties of each report; persons marked.

Runs the same recorded services as `manage.py split_generic_sources`, so every change is in the ledger
(actor "migration:claims.0003"). On a new database there is nothing to do.
"""
from django.db import migrations

ACTOR = "migration:claims.0003"


def forwards(apps, schema_editor):
    from claims.parties import mark_persons, split_generic_sources
    from sources.models import Source

    if not Source.objects.exists():
        return
    split_generic_sources(actor=ACTOR)
    mark_persons(actor=ACTOR)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_claim_text_search"),
        ("sources", "0004_report_parties_and_persons"),
        ("ledger", "0003_ledgercheckpoint"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
