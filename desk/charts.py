"""The track-record bar chart, measured in Python so the template only draws rectangles."""
from dataclasses import dataclass

from claims.models import Status

# Corroborated first: the order a reader scans a track record in.
ORDER = [Status.CORROBORATED, Status.DISPUTED, Status.DENIED, Status.UNVERIFIED]
BAR_MAX_WIDTH = 320
BAR_HEIGHT = 22
ROW_HEIGHT = 30
LABEL_WIDTH = 120


@dataclass(frozen=True)
class Bar:
    status: str
    label: str
    count: int
    percent: int
    width: int
    y: int
    text_y: int


def status_bars(counts: dict[str, int]) -> list[Bar]:
    """One bar per status, the longest as wide as BAR_MAX_WIDTH, every non-zero bar at least 2 units wide."""
    total = sum(counts.values())
    longest = max(counts.values(), default=0) or 1
    bars = []
    for row, status in enumerate(ORDER):
        count = counts.get(status, 0)
        width = max(2, round(BAR_MAX_WIDTH * count / longest)) if count else 0
        percent = round(100 * count / total) if total else 0
        y = row * ROW_HEIGHT
        bars.append(Bar(status, Status(status).label, count, percent, width, y, y + BAR_HEIGHT // 2 + 5))
    return bars


def chart_size() -> dict:
    """The SVG's dimensions, for its viewBox."""
    return {"width": LABEL_WIDTH + BAR_MAX_WIDTH + 90, "height": ROW_HEIGHT * len(ORDER), "label_width": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT}
