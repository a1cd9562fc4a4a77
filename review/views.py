"""API for a claim's review, its comments, people's follows and notifications."""
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from claims.models import Claim
from config.api import error_responses
from ledger.services import actor_for
from people.permissions import CanMark, IsViewer, RoleAccess
from review import selectors, services
from review.filters import NotificationFilter
from review.models import Comment, Follow
from review.serializers import (
    CommentCreateSerializer,
    CommentEditSerializer,
    CommentSerializer,
    FollowCreateSerializer,
    FollowSerializer,
    NotificationSerializer,
    NotificationsMarkedSerializer,
    NotificationsReadSerializer,
    ReviewSerializer,
    ReviewUpdateSerializer,
)

REASON = OpenApiParameter("reason", str, description="Why; kept in the ledger.")


def _review_response(claim_id: int) -> Response:
    return Response(ReviewSerializer(selectors.review_summary(claim_id)).data)


@extend_schema_view(
    get=extend_schema(summary="A claim's review: state, assignees, approval",
                      responses={200: ReviewSerializer, **error_responses(404)}),
    patch=extend_schema(
        summary="Assign reviewers and/or move a claim's review (reviewers)", request=ReviewUpdateSerializer,
        description="`new → in_review → ready → done`; editors reopen. Who may make which move is the state table "
                    "in review/table.py: a reviewer moves a claim they are assigned to to `ready`, and a second "
                    "reviewer, not assigned and not the one who sent it, approves it (`done`). Reviewers assign "
                    "themselves; editors assign anyone with the reviewer role. All or nothing: one ledger entry per "
                    "assignment and per move.",
        responses={200: ReviewSerializer, **error_responses(400, 404, 409, 429, 415)}),
)
class ClaimReviewStateView(RoleAccess, generics.GenericAPIView):
    """GET shows a claim's review; PATCH sets its assignees and moves it as the state table allows."""

    serializer_class = ReviewSerializer
    write_permission = CanMark
    http_method_names = ["get", "patch", "head", "options"]

    def get(self, request, pk):
        get_object_or_404(Claim.objects.only("pk"), pk=pk)
        return _review_response(pk)

    def patch(self, request, pk):
        claim = get_object_or_404(Claim.objects.only("pk"), pk=pk)
        incoming = ReviewUpdateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        services.review_update(claim=claim, by=request.user, actor=actor_for(request.user), **incoming.validated_data)
        return _review_response(pk)


@extend_schema_view(
    get=extend_schema(summary="A claim's comments, oldest first",
                      responses={200: CommentSerializer(many=True), **error_responses(404)}),
    post=extend_schema(summary="Comment on a claim (reviewers)", request=CommentCreateSerializer,
                       description="`@username` mentions notify those people, if they exist and can see claims.",
                       responses={201: CommentSerializer, **error_responses(400, 404, 429, 415)}),
)
class ClaimCommentsView(RoleAccess, generics.ListCreateAPIView):
    """GET lists a claim's comments (removed ones too, shown as removed); POST adds one."""

    serializer_class = CommentSerializer
    write_permission = CanMark
    filter_backends = []

    def _claim(self) -> Claim:
        return get_object_or_404(Claim.objects.only("pk"), pk=self.kwargs["pk"])

    def get_queryset(self):
        return selectors.comment_list(self._claim().pk)

    def create(self, request, *args, **kwargs):
        claim = self._claim()
        incoming = CommentCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        comment = services.comment_create(claim=claim, author=request.user, actor=actor_for(request.user),
                                          **incoming.validated_data)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    patch=extend_schema(summary="Edit your comment", request=CommentEditSerializer,
                        responses={200: CommentSerializer, **error_responses(400, 404, 409, 429, 415)}),
    delete=extend_schema(summary="Remove a comment (its author, or an editor)", parameters=[REASON],
                         description="The comment stays in its thread, shown as removed; the ledger keeps its text.",
                         responses={204: None, **error_responses(404, 429)}),
)
class CommentDetailView(RoleAccess, generics.GenericAPIView):
    """PATCH changes a comment's text (its author only); DELETE removes it, leaving a mark in its place."""

    serializer_class = CommentSerializer
    write_permission = CanMark
    http_method_names = ["patch", "delete", "options"]

    def _comment(self, pk) -> Comment:
        return get_object_or_404(Comment, pk=pk)

    def patch(self, request, pk):
        incoming = CommentEditSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        comment = services.comment_edit(comment=self._comment(pk), by=request.user, actor=actor_for(request.user),
                                        **incoming.validated_data)
        return Response(CommentSerializer(selectors.comment_list(comment.claim_id).get(pk=pk)).data)

    def delete(self, request, pk):
        services.comment_remove(comment=self._comment(pk), by=request.user, actor=actor_for(request.user),
                                reason=request.query_params.get("reason", ""))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(summary="Mark a comment resolved (reviewers)", request=None,
               responses={200: CommentSerializer, **error_responses(404, 409, 429)})
class CommentResolveView(RoleAccess, generics.GenericAPIView):
    """The question a comment raised is settled."""

    serializer_class = CommentSerializer
    write_permission = CanMark

    def post(self, request, pk):
        comment = services.comment_resolve(comment=get_object_or_404(Comment, pk=pk), by=request.user,
                                           actor=actor_for(request.user))
        return Response(CommentSerializer(selectors.comment_list(comment.claim_id).get(pk=pk)).data)


@extend_schema(summary="Your notifications, newest first",
               parameters=[OpenApiParameter("unread", OpenApiTypes.BOOL, description="1: only the unread ones.")],
               responses={200: NotificationSerializer(many=True), **error_responses(400)})
class NotificationListView(RoleAccess, generics.ListAPIView):
    """The caller's own notifications: assigned, mentioned, followed changes, approvals asked."""

    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no caller
            return selectors.inbox(None).none()
        return selectors.inbox(self.request.user)


@extend_schema(summary="Mark your notifications read", request=NotificationsReadSerializer,
               responses={200: NotificationsMarkedSerializer, **error_responses(400, 415, 429)})
class NotificationsReadView(RoleAccess, generics.GenericAPIView):
    """Mark the given notifications read, or all unread ones; other people's are never touched."""

    serializer_class = NotificationsMarkedSerializer
    write_permission = IsViewer

    def post(self, request):
        incoming = NotificationsReadSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        marked = services.notifications_read(user=request.user, actor=actor_for(request.user),
                                             ids=incoming.validated_data.get("ids"))
        return Response({"marked": marked})


@extend_schema_view(
    get=extend_schema(summary="What you follow", responses={200: FollowSerializer(many=True)}),
    post=extend_schema(summary="Follow a claim, a source or an event", request=FollowCreateSerializer,
                       description="You hear when the claim (or a claim of the source or event) changes status, "
                                   "gets a mark or moves in review.",
                       responses={201: FollowSerializer, **error_responses(400, 429, 415)}),
)
class FollowListView(RoleAccess, generics.ListCreateAPIView):
    """The caller's follows."""

    serializer_class = FollowSerializer
    write_permission = IsViewer
    filter_backends = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return selectors.follows_of(None).none()
        return selectors.follows_of(self.request.user)

    def create(self, request, *args, **kwargs):
        incoming = FollowCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        follow = services.follow_create(user=request.user, actor=actor_for(request.user), **incoming.validated_data)
        return Response(FollowSerializer(follow).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="Stop following", responses={204: None, **error_responses(404, 429)})
class FollowDetailView(RoleAccess, generics.GenericAPIView):
    """Remove one of your follows."""

    write_permission = IsViewer
    http_method_names = ["delete", "options"]

    def delete(self, request, pk):
        follow = get_object_or_404(Follow, pk=pk, user=request.user)
        services.follow_remove(follow=follow, actor=actor_for(request.user))
        return Response(status=status.HTTP_204_NO_CONTENT)
