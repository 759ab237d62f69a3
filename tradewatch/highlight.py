"""Split a document into plain and highlighted segments for the source page."""

from dataclasses import dataclass

Span = tuple[int | None, int | None, str]


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    anchors: tuple[str, ...] = ()  # ids of the facts whose quotes this highlight covers

    @property
    def anchor(self) -> str | None:
        """The id of the highlight itself (the first fact's); None for plain text."""
        return self.anchors[0] if self.anchors else None

    @property
    def extra_anchors(self) -> tuple[str, ...]:
        """Ids of the other facts merged into this highlight, rendered as markers inside it."""
        return self.anchors[1:]


def highlighted_segments(text: str, spans: list[Span]) -> list[Segment]:
    """Overlapping (or identical, or nested) spans merge into one highlight that carries every
    anchor it covers, in order of their start; bad spans (missing, empty, reversed or outside
    the text) are ignored."""
    valid = sorted(
        (s, e, a)
        for s, e, a in spans
        if s is not None and e is not None and 0 <= s < e <= len(text)
    )
    groups: list[tuple[int, int, list[str]]] = []
    for start, end, anchor in valid:
        if groups and start < groups[-1][1]:
            first, last, anchors = groups[-1]
            groups[-1] = (first, max(last, end), anchors)
            if anchor not in anchors:
                anchors.append(anchor)
        else:
            groups.append((start, end, [anchor]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, anchors in groups:
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], tuple(anchors)))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


def anchors_in(segments: list[Segment]) -> set[str]:
    """Every anchor the highlighted text holds."""
    return {anchor for segment in segments for anchor in segment.anchors}
