"""Highlighting quotes in a document: every valid quote keeps its anchor, the text is intact."""

import pytest

from tradewatch.highlight import Segment, anchors_in, highlighted_segments

TEXT = "Intro. Trade hit $9 million in 2024. End."  # "Trade hit ... 2024" is 7..35


def joined(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments)


def test_separate_quotes_are_separate_highlights():
    segments = highlighted_segments(TEXT, [(17, 27, "b"), (0, 6, "a")])
    assert segments == [
        Segment("Intro.", ("a",)),
        Segment(" Trade hit "),
        Segment("$9 million", ("b",)),
        Segment(" in 2024. End."),
    ]


def test_quotes_that_touch_without_overlapping_stay_separate():
    segments = highlighted_segments(TEXT, [(0, 6, "a"), (6, 12, "b")])
    assert [s.anchors for s in segments] == [("a",), ("b",), ()]


def test_overlapping_quotes_merge_into_one_highlight_with_both_anchors():
    segments = highlighted_segments(TEXT, [(7, 20, "a"), (17, 35, "b")])
    assert segments[1] == Segment("Trade hit $9 million in 2024", ("a", "b"))
    assert segments[1].anchor == "a" and segments[1].extra_anchors == ("b",)


def test_a_quote_inside_another_keeps_its_anchor():
    segments = highlighted_segments(TEXT, [(7, 35, "outer"), (17, 27, "inner")])
    assert segments == [
        Segment("Intro. "),
        Segment("Trade hit $9 million in 2024", ("outer", "inner")),
        Segment(". End."),
    ]


def test_identical_quotes_of_two_facts_both_keep_their_anchors():
    segments = highlighted_segments(TEXT, [(7, 35, "statement-2"), (7, 35, "figure-6")])
    assert anchors_in(segments) == {"statement-2", "figure-6"}
    assert len([s for s in segments if s.anchors]) == 1


def test_a_chain_of_overlaps_becomes_one_highlight_carrying_every_anchor():
    segments = highlighted_segments(TEXT, [(0, 10, "a"), (8, 20, "b"), (18, 35, "c")])
    assert segments[0] == Segment(TEXT[:35], ("a", "b", "c"))


@pytest.mark.parametrize(
    "span",
    [(None, 5, "x"), (3, None, "x"), (None, None, "x"), (5, 5, "x"), (9, 4, "x"), (-1, 4, "x")]
    + [(0, len(TEXT) + 1, "x"), (len(TEXT), len(TEXT) + 5, "x")],
    ids=str,
)
def test_a_missing_or_invalid_span_highlights_nothing(span):
    segments = highlighted_segments(TEXT, [span, (7, 12, "ok")])
    assert anchors_in(segments) == {"ok"}
    assert joined(segments) == TEXT


def test_the_whole_text_survives_any_mix_of_spans():
    spans = [(0, 10, "a"), (5, 8, "b"), (5, 8, "c"), (30, 41, "d"), (None, 3, "e"), (40, 99, "f")]
    segments = highlighted_segments(TEXT, spans)
    assert joined(segments) == TEXT
    assert anchors_in(segments) == {"a", "b", "c", "d"}


def test_a_text_without_quotes_is_one_plain_segment_and_an_empty_text_none():
    assert highlighted_segments(TEXT, []) == [Segment(TEXT)]
    assert highlighted_segments("", [(0, 3, "a")]) == []
