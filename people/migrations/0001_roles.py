"""Create the viewer, reviewer, editor and admin groups with the model permissions each role carries."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = [
    "sources.view_source", "sources.view_sourcealias", "sources.view_document",
    "claims.view_claim", "claims.view_attribution", "claims.view_assessment", "events.view_claimlink", "events.view_event",
    "ledger.view_ledgerentry",
]
REVIEW = ["claims.add_assessment", "events.add_claimlink"]
EDIT = [
    "sources.add_source", "sources.change_source", "sources.add_sourcealias", "sources.change_sourcealias",
    "sources.delete_sourcealias", "sources.add_document", "sources.change_document",
    "claims.change_claim", "claims.add_attribution", "claims.change_attribution", "claims.delete_attribution",
    "events.add_event", "events.change_event",
]
ADMIN = ["auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group", "authtoken.view_token",
         "authtoken.add_token", "authtoken.delete_token"]
ROLES = {"viewer": VIEW, "reviewer": VIEW + REVIEW, "editor": VIEW + REVIEW + EDIT,
         "admin": VIEW + REVIEW + EDIT + ADMIN}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(perms)


def drop_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("events", "0001_initial"),
        ("sources", "0001_initial"),
        ("ledger", "0001_initial"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_roles, drop_roles)]
