"""What the API shows of reviews, comments, follows and notifications, and what it accepts to change them."""
from django.contrib.auth.models import User
from rest_framework import serializers

from claims.models import Claim
from events.models import Event
from review.models import COMMENT_MAX_LENGTH, Comment, Follow, Notification, NotificationKind, ReviewState
from review.selectors import review_summary
from sources.models import Source

MAX_ID = 2**63 - 1  # the largest id a database column holds


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class ReviewSerializer(serializers.Serializer):
    """A claim's review: its state, who is on it, who sent it for approval and who approved it."""

    state = serializers.ChoiceField(choices=ReviewState.choices)
    assignees = PersonSerializer(many=True)
    submitted_by = PersonSerializer(allow_null=True, help_text="Who sent it for approval (state ready).")
    approved_by = PersonSerializer(allow_null=True, help_text="The second reviewer who approved it (state done).")
    approved_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)


class ClaimReviewSectionSerializer(ReviewSerializer):
    """The `review` object of a claim's detail (two queries)."""

    def to_representation(self, claim):
        return super().to_representation(review_summary(claim.pk))


class ReviewUpdateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=ReviewState.choices, required=False,
                                    help_text="The state to move to; the state table in review/table.py decides "
                                              "who may.")
    assignees = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), many=True, required=False,
                                                   help_text="User ids: the claim's reviewers from now on.")
    reason = serializers.CharField(required=False, default="", allow_blank=True, help_text="Kept in the ledger.")

    def validate(self, data):
        if "state" not in data and "assignees" not in data:
            raise serializers.ValidationError({"state": ["Give a state to move to, assignees, or both."]})
        return data


class CommentSerializer(serializers.ModelSerializer):
    claim = serializers.IntegerField(source="claim_id")
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    author = PersonSerializer()
    removed = serializers.SerializerMethodField(help_text="A removed comment keeps its place; its text is gone "
                                                          "(the ledger keeps what it said).")
    removed_by = PersonSerializer(allow_null=True)
    resolved = serializers.SerializerMethodField()
    resolved_by = PersonSerializer(allow_null=True)
    mentions = serializers.ListField(child=serializers.CharField(), help_text="Usernames mentioned and notified.")

    class Meta:
        model = Comment
        fields = ["id", "claim", "parent", "author", "text", "mentions", "created_at", "edited_at", "removed",
                  "removed_at", "removed_by", "resolved", "resolved_at", "resolved_by"]

    def get_removed(self, comment) -> bool:
        return comment.removed_at is not None

    def get_resolved(self, comment) -> bool:
        return comment.resolved_at is not None


class CommentCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=COMMENT_MAX_LENGTH, help_text="Plain text; @username mentions notify.")
    parent = serializers.PrimaryKeyRelatedField(queryset=Comment.objects.all(), required=False, allow_null=True,
                                                default=None, help_text="The comment this one answers.")


class CommentEditSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=COMMENT_MAX_LENGTH)
    reason = serializers.CharField(required=False, default="", allow_blank=True)


class NotifiedClaimSerializer(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = ["id", "text", "status"]


class NotificationSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=NotificationKind.choices)
    claim = NotifiedClaimSerializer(allow_null=True)
    comment = serializers.IntegerField(source="comment_id", allow_null=True)
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "summary", "claim", "comment", "seq", "actor", "created_at", "read", "read_at"]

    def get_read(self, notification) -> bool:
        return notification.read_at is not None


class NotificationsReadSerializer(serializers.Serializer):
    ids = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False,
                                allow_empty=False, max_length=200,
                                help_text="The notifications to mark read; all unread ones when left out.")


class NotificationsMarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications were unread and are now read.")


class FollowSerializer(serializers.ModelSerializer):
    claim = serializers.IntegerField(source="claim_id", allow_null=True)
    source = serializers.IntegerField(source="source_id", allow_null=True)
    event = serializers.IntegerField(source="event_id", allow_null=True)
    name = serializers.SerializerMethodField(help_text="What is followed, in words.")

    class Meta:
        model = Follow
        fields = ["id", "claim", "source", "event", "name", "created_at"]

    def get_name(self, follow) -> str:
        return str(follow.claim.text[:80] if follow.claim else follow.source or follow.event)


class FollowCreateSerializer(serializers.Serializer):
    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all(), required=False)
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), required=False)
    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all(), required=False)

    def validate(self, data):
        if len(data) != 1:
            raise serializers.ValidationError({"claim": ["Follow exactly one of a claim, a source or an event."]})
        return data
