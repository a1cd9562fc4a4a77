"""API for the signed-in user and, for admins, the newsroom's accounts."""
from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api import WriteThrottle, error_responses
from ledger.services import actor_for
from people.permissions import CanManageUsers
from people.roles import role_of
from people.selectors import token_hint, user_list
from people.serializers import (
    CreatedUserSerializer,
    MeSerializer,
    UserCreateSerializer,
    UserSerializer,
    UserUpdateSerializer,
)
from people.services import user_create, user_update

TOKEN_HOW_TO = "Ask an admin to run `manage.py drf_create_token <your username>`."


class MeView(APIView):
    """Who you are signed in as, your role, and a hint of your API token."""

    @extend_schema(responses={200: MeSerializer, **error_responses()})
    def get(self, request):
        data = {"username": request.user.get_username(), "role": role_of(request.user),
                "token_hint": token_hint(request.user), "how_to_get_a_token": TOKEN_HOW_TO}
        return Response(MeSerializer(data).data)


@extend_schema_view(
    get=extend_schema(summary="List accounts (admins)", responses={200: UserSerializer(many=True),
                                                                   **error_responses()}),
    post=extend_schema(summary="Create an account with a role (admins)", request=UserCreateSerializer,
                       responses={201: CreatedUserSerializer, **error_responses(400, 409, 429)}),
)
class UserListView(generics.ListCreateAPIView):
    """GET lists accounts; POST opens one with a role and a password returned once unless you set it."""

    permission_classes = [CanManageUsers]
    throttle_classes = [WriteThrottle]
    serializer_class = UserSerializer
    filter_backends = []

    def get_queryset(self):
        return user_list()

    def create(self, request, *args, **kwargs):
        incoming = UserCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        user, password = user_create(actor=actor_for(request.user), **incoming.validated_data)
        body = CreatedUserSerializer(user, context={"password": password}).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="One account (admins)", responses={200: UserSerializer, **error_responses(404)}),
    patch=extend_schema(summary="Change role, email, password or deactivate (admins)",
                        request=UserUpdateSerializer,
                        responses={200: CreatedUserSerializer, **error_responses(400, 404, 409, 429)}),
)
class UserDetailView(generics.GenericAPIView):
    """GET shows an account; PATCH changes its role, email or password, or deactivates it (is_active=false)."""

    permission_classes = [CanManageUsers]
    throttle_classes = [WriteThrottle]
    serializer_class = UserSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return user_list()

    def get(self, request, pk):
        return Response(UserSerializer(self.get_object()).data)

    def patch(self, request, pk):
        user = get_object_or_404(User, pk=pk)
        incoming = UserUpdateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        user, password = user_update(user=user, actor=actor_for(request.user), by=request.user,
                                     **incoming.validated_data)
        return Response(CreatedUserSerializer(user, context={"password": password}).data)
