import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradewatch.ingest.countries import (
    country_of_place,
    find_countries,
    is_place_name,
    is_possessive,
)
from tradewatch.ingest.extract import split_sentences
from tradewatch.ingest.names import SpeakerResolver, find_people, same_person
from tradewatch.ingest.sentences import paragraph_spans


@pytest.mark.parametrize(
    ("place", "iso3"), [("Minsk", "BLR"), ("MINSK", "BLR"), ("Bishkek", "KGZ"), ("Astana", "KAZ")]
)
def test_country_of_place(place: str, iso3: str) -> None:
    assert country_of_place(place) == iso3


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Belarusian-Kyrgyz relations", ["BLR", "KGZ"]),
        ("Kazakhstan-Uzbekistan trade", ["KAZ", "UZB"]),
        ("the Kazakh delegation in Minsk", ["KAZ"]),
        ("he interned at Belarusfilm", []),
        ("let us meet; a turkey dinner", []),
        ("up to US$ 2 billion", []),
    ],
)
def test_countries_found_in(text: str, found: list[str]) -> None:
    assert list(dict.fromkeys(m.iso3 for m in find_countries(text))) == found


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Erlan Koshonov", "Yerlan Koshanov", True),
        ("Alexander Lukashenko", "Aleksandr Lukashenko", True),
        ("Lukashenko", "Aleksandr Lukashenko", True),
        ("A. Lukashenko", "Aleksandr Lukashenko", True),
        ("Sadyr Japarov", "Sadyr Zhaparov", True),
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Kemelevich Tokayev", True),
        ("Aleksandr Turchin", "Aleksandr Lukashenko", False),
        ("Ermek Ibraimov", "Erlan Koshonov", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_find_people_strips_titles_and_reads_roles() -> None:
    text = (
        "Belarusian President Aleksandr Lukashenko met with Chairman of the Cabinet of Ministers "
        "of Kyrgyzstan Adylbek Kasymaliev."
    )
    people = {p.name: p for p in find_people(text)}
    assert people["Aleksandr Lukashenko"].roles == {"head_of_state"}
    assert people["Aleksandr Lukashenko"].nationality == "BLR"
    assert people["Adylbek Kasymaliev"].roles == {"head_of_government"}
    assert people["Adylbek Kasymaliev"].nationality == "KGZ"


CASES = [
    ("“We are ready,” the Belarusian President said.", "ready", "Aleksandr Lukashenko"),
    ("Adylbek Kasymaliev agreed that we can reach it.", "reach", "Adylbek Kasymaliev"),
    ("The ambassador noted: “Trade grows.”", "Trade", "Ermek Ibraimov"),
    ("“Good,” he said.", "Good", "Adylbek Kasymaliev"),
    ("Trade grew, said Aleksandr Lukashenko.", "grew", "Aleksandr Lukashenko"),
    ("Trade grew.", "grew", None),
]
INTRO = (
    "Belarusian President Aleksandr Lukashenko met Kyrgyzstan Ambassador to Belarus Ermek "
    "Ibraimov and Chairman of the Cabinet of Ministers of Kyrgyzstan Adylbek Kasymaliev.\n"
    "Adylbek Kasymaliev said hello.\n"
)


@pytest.mark.parametrize(("line", "anchor", "speaker"), CASES)
def test_speaker_at(line: str, anchor: str, speaker: str | None) -> None:
    text = INTRO + line
    paragraphs = paragraph_spans(text)
    resolver = SpeakerResolver(text, paragraphs)
    sentence = paragraphs[-1]
    assert resolver.speaker_at(text.index(anchor, len(INTRO)), sentence) == speaker


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    resolver = SpeakerResolver(text, paragraph_spans(text))
    for start, end in paragraph_spans(text):
        resolver.speaker_at(start, (start, end))


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Belarus’s", True),
        ("Kazakhstan's", True),
        ("Belarus", True),
        ("Kazakhstani", True),
        ("Minsk’s", True),
        ("the Republic of Belarus", True),
        ("Aleksandr Lukashenko", False),
        ("Lukashenko’s", False),
    ],
)
def test_is_place_name(name: str, place: bool) -> None:
    assert is_place_name(name) is place


def test_is_possessive() -> None:
    assert is_possessive("Belarus’s") and is_possessive("Lukashenko's")
    assert not is_possessive("Belarus") and not is_possessive("Ermek Ibraimov")


@pytest.mark.parametrize(
    ("text", "anchor", "speaker"),
    [
        (
            "Kazakhstan ranks as Belarus’s second-largest trading partner. "
            "The two nations plan to increase trade.",
            "plan",
            None,
        ),
        ("Kazakhstan ranks as Belarus’s second-largest trading partner.", "partner", None),
        (
            "Lukashenko also acknowledged Kazakhstan’s assistance in trade.",
            "assistance",
            "Lukashenko",
        ),
        ("Trade grew fast, according to Kazakhstan's figures.", "grew", None),
        ("Trade grew fast, said Kazakhstan.", "grew", None),
        ("Trade grew fast, said Lukashenko’s aide.", "grew", None),
    ],
)
def test_countries_and_possessives_are_never_speakers(
    text: str, anchor: str, speaker: str | None
) -> None:
    paragraphs = paragraph_spans(text)
    resolver = SpeakerResolver(text, paragraphs)
    sentences = split_sentences(text)
    at = text.index(anchor)
    sentence = next(s for s in sentences if s[0] <= at < s[1])
    previous = next((s for s in reversed(sentences) if s[1] <= sentence[0]), None)
    assert resolver.speaker_at(at, sentence, previous) == speaker
