"""Take the account- and token-writing permissions off the admin role: accounts change only through /api/users/.

An admin who could add tokens in the Django admin could mint one for any account and act as that person, and
nothing of it would reach the ledger; tokens come from `manage.py drf_create_token`, run by whoever runs the site.
"""
from django.db import migrations

DROPPED = [("auth", "add_user"), ("auth", "change_user"), ("auth", "view_group"),
           ("authtoken", "view_token"), ("authtoken", "add_token"), ("authtoken", "delete_token")]


def _dropped(apps):
    Permission = apps.get_model("auth", "Permission")
    return [perm for app_label, codename in DROPPED
            for perm in Permission.objects.filter(content_type__app_label=app_label, codename=codename)]


def drop_account_writes(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="admin").first()
    if group is not None:
        group.permissions.remove(*_dropped(apps))


def restore_account_writes(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="admin").first()
    if group is not None:
        group.permissions.add(*_dropped(apps))


class Migration(migrations.Migration):
    dependencies = [("people", "0001_roles")]
    operations = [migrations.RunPython(drop_account_writes, restore_account_writes)]
