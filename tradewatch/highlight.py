"""Split a document into plain and highlighted segments for the source page."""

from dataclasses import dataclass

Span = tuple[int | None, int | None, str]


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    anchor: str | None  # the fact's id when this segment is a highlighted quote


def highlighted_segments(text: str, spans: list[Span]) -> list[Segment]:
    """Overlapping spans merge into one highlight (named after the first); bad spans are ignored."""
    valid = sorted(
        (s, e, a)
        for s, e, a in spans
        if s is not None and e is not None and 0 <= s < e <= len(text)
    )
    segments: list[Segment] = []
    cursor = 0
    for start, end, anchor in valid:
        if end <= cursor:
            continue
        start = max(start, cursor)
        if start > cursor:
            segments.append(Segment(text[cursor:start], None))
        segments.append(Segment(text[start:end], anchor))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:], None))
    return segments
