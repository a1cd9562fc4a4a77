"""The review state table: who may move a claim's review from which state to which, in one place.

    from        to          lowest role   also required
    new       → in_review   reviewer      someone is assigned (the mover, when nobody else is)
    in_review → ready       reviewer      the mover is assigned to the claim (editors need not be)
    ready     → in_review   reviewer      —  (sent back for more work)
    ready     → done        reviewer      the mover neither did the work (assigned) nor sent it for approval
    in_review → new         editor        —  (put back in the pool)
    ready     → new         editor        —
    done      → in_review   editor        —  (reopened)
    done      → new         editor        —  (reopened)

Any other move, and any move to the state a claim is already in, is refused. Assigning follows the same
spirit: reviewers put themselves on or off a claim, editors assign anyone who holds the reviewer role.
The services (review/services.py) enforce this table; the desk offers only the moves it allows.
"""
from dataclasses import dataclass

from people.roles import EDITOR, REVIEWER, role_at_least
from review.models import ReviewState as S


@dataclass(frozen=True)
class Move:
    role: str  # the lowest role that may make the move
    label: str  # the button the desk shows
    assignees_only: bool = False  # below editor, only the claim's assignees may make it
    not_own_work: bool = False  # nobody assigned to the claim or who sent it for approval may make it, at any role


MOVES: dict[tuple[str, str], Move] = {
    (S.NEW, S.IN_REVIEW): Move(REVIEWER, "Start review"),
    (S.IN_REVIEW, S.READY): Move(REVIEWER, "Send for approval", assignees_only=True),
    (S.READY, S.IN_REVIEW): Move(REVIEWER, "Send back"),
    (S.READY, S.DONE): Move(REVIEWER, "Approve", not_own_work=True),
    (S.IN_REVIEW, S.NEW): Move(EDITOR, "Put back"),
    (S.READY, S.NEW): Move(EDITOR, "Put back"),
    (S.DONE, S.IN_REVIEW): Move(EDITOR, "Reopen"),
    (S.DONE, S.NEW): Move(EDITOR, "Reopen as new"),
}
ASSIGN_SELF = REVIEWER  # may put themselves on a claim, or take themselves off
ASSIGN_OTHERS = EDITOR  # may assign or unassign anyone holding the reviewer role
ASSIGNABLE_STATES = {S.NEW, S.IN_REVIEW, S.READY}  # a done claim is reopened before it is reassigned

NO_SUCH_MOVE = "A claim's review cannot move from {before} to {after}."
ROLE_TOO_LOW = "Only a {role} or higher can move a claim from {before} to {after}."
NOT_ASSIGNED = "Only a reviewer assigned to this claim (or an editor) can move it from {before} to {after}."
OWN_WORK = "You cannot approve your own work: a second reviewer, not assigned to this claim, must approve it."


@dataclass(frozen=True)
class Refusal:
    message: str
    forbidden: bool  # True: this person may not (403); False: nobody may, from this state (409)


def refusal(*, before: str, after: str, role: str | None, assigned: bool, submitted: bool) -> Refusal | None:
    """Why this person may not make this move, or None when the table allows it."""
    move = MOVES.get((before, after))
    if move is None:
        return Refusal(NO_SUCH_MOVE.format(before=before, after=after), forbidden=False)
    if not role_at_least(role, move.role):
        return Refusal(ROLE_TOO_LOW.format(role=move.role, before=before, after=after), forbidden=True)
    if move.assignees_only and not assigned and not role_at_least(role, EDITOR):
        return Refusal(NOT_ASSIGNED.format(before=before, after=after), forbidden=True)
    if move.not_own_work and (assigned or submitted):
        return Refusal(OWN_WORK, forbidden=True)
    return None


def moves_from(state: str) -> list[tuple[str, Move]]:
    """The moves the table lists out of a state, in table order: (target state, move)."""
    return [(after, move) for (before, after), move in MOVES.items() if before == state]
