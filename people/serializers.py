"""What the API shows of accounts, and what it accepts to create or change one."""
from django.contrib.auth.models import User
from rest_framework import serializers

from people.roles import ROLES, role_of

ROLE_CHOICES = [(role, role) for role in ROLES]


class UserSerializer(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "email", "role", "is_active", "last_login", "date_joined"]

    def get_role(self, user) -> str | None:
        return role_of(user)


class CreatedUserSerializer(UserSerializer):
    password = serializers.SerializerMethodField(help_text="The generated password, shown this once; "
                                                            "null when the admin set it.")

    class Meta(UserSerializer.Meta):
        fields = [*UserSerializer.Meta.fields, "password"]

    def get_password(self, user) -> str | None:
        return self.context.get("password") or None


class UserCreateSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[A-Za-z0-9._-]+\Z", max_length=150,
                                      help_text="ASCII letters, digits, dots, underscores and hyphens only.")
    email = serializers.EmailField(required=False, default="")
    role = serializers.ChoiceField(choices=ROLE_CHOICES, allow_null=True)
    password = serializers.CharField(required=False, write_only=True, min_length=1,
                                     help_text="Leave out to have one generated and returned once.")


class UserUpdateSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ROLE_CHOICES, allow_null=True, required=False)
    email = serializers.EmailField(required=False)
    is_active = serializers.BooleanField(required=False, help_text="false deactivates the account.")
    password = serializers.CharField(required=False, write_only=True, min_length=1)
    generate_password = serializers.BooleanField(required=False, help_text="true: generate a password, "
                                                                           "returned once.")
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    role = serializers.CharField(allow_null=True)
    token_hint = serializers.CharField(allow_null=True, help_text="Last four characters of your API token, "
                                                                  "or null when you have none.")
    how_to_get_a_token = serializers.CharField()
