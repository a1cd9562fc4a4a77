"""Recompute name keys with format characters dropped and look-alike letters folded (sources/names.py).

A row whose new key another row already holds keeps its old key, so the migration never fails: those are
look-alike duplicates for an editor to merge (`/api/sources/{id}/merge/`), listed on stdout.
"""
from django.db import migrations


def refold(apps, schema_editor):
    from sources.names import name_key

    for model_name in ("Source", "SourceAlias"):
        model = apps.get_model("sources", model_name)
        taken = set(model.objects.values_list("name_key", flat=True))
        for pk, name, old in model.objects.values_list("pk", "name", "name_key").order_by("pk"):
            new = name_key(name)
            if new == old:
                continue
            if new in taken:
                print(f"\n  {model_name} {pk} {name!r} looks like another party's name: merge them")
                continue
            model.objects.filter(pk=pk).update(name_key=new)
            taken.discard(old)
            taken.add(new)


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]
    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
