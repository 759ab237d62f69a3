"""The scoring rules of domain/scoring.py: the development set's, applied to editors' decisions."""

from decimal import Decimal as D

import pytest

from tradewatch.domain.scoring import Score, Scored, atomic, matches, score_document

KGZ = frozenset({"BLR", "KGZ"})
YEAR_2022 = ((2022, 1), (2022, 12))


def figure(usd="160200000", period=YEAR_2022, pair=KGZ, **kw) -> Scored:
    return Scored("figure", pair, value_usd=D(usd) if usd else None, period=period, **kw)


def growth(pct="24", period=YEAR_2022, **kw) -> Scored:
    return Scored("growth", KGZ, growth_pct=D(pct) if pct else None, period=period, **kw)


def target(value="500000000", year=2030, **kw) -> Scored:
    return Scored("target", KGZ, value_usd=D(value) if value else None, deadline_year=year, **kw)


@pytest.mark.parametrize(
    ("kept", "proposed", "same"),
    [
        (figure(), figure(), True),
        (figure(), figure("161700000"), True),  # within 1%
        (figure(), figure("162000000"), False),  # 1.1% off
        (figure(), figure(period=((2022, 1), (2022, 8))), False),
        (figure(), figure(pair=frozenset({"BLR", "KAZ"})), False),
        (figure(), growth(), False),
        (
            figure(None, currency="EUR", value=D("40000000")),
            figure(None, currency="EUR", value=D("40100000")),
            True,
        ),
        (
            figure(None, currency="EUR", value=D("40000000")),
            figure(None, currency="THB", value=D("40000000")),
            False,
        ),
        (growth(), growth("24.5"), True),
        (growth(), growth("24.6"), False),
        (growth(), growth(period=((2022, 1), (2022, 8))), True),  # the same last year
        (growth(), growth(period=((2023, 1), (2023, 8))), False),
        (growth(None, growth_factor=D("2.5")), growth(None, growth_factor=D("2.54")), True),
        (growth(None, growth_factor=D("2.5")), growth(None, growth_factor=D("2.6")), False),
        (target(), target(), True),
        (target(), target(year=2029), False),
        (target(None), target(None), True),  # "significantly increase" by 2030
        (target(None), target(), False),
    ],
)
def test_a_proposal_matches_a_kept_fact_by_the_development_sets_rules(kept, proposed, same):
    assert matches(kept, proposed) is same


def test_a_figure_with_its_change_counts_as_a_figure_and_a_growth_statement():
    both = figure(growth_pct=D("65"))
    assert [f.kind for f in atomic([both])] == ["figure", "growth"]
    assert len(atomic([both, both])) == 2  # the same fact twice counts once


def test_matching_is_one_to_one():
    result = score_document("doc", [figure()], [figure(), figure("160300000")])
    assert (result.proposed, result.kept, result.matched) == (2, 1, 1)
    assert len(result.wrong) == 1 and result.missed == ()


def test_an_edited_value_is_one_wrong_proposal_and_one_missed_fact():
    result = score_document("doc", [figure("171300000")], [figure()])
    assert (result.matched, len(result.missed), len(result.wrong)) == (0, 1, 1)


def test_precision_recall_and_f1_over_documents():
    score = Score(
        (
            score_document("a", [figure(), target()], [figure(), target(), growth()]),
            score_document("b", [growth()], []),
            score_document("c", [], [figure()]),  # everything proposed was rejected
        )
    )
    assert (score.matched, score.proposed, score.kept) == (2, 4, 3)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_nothing_to_score_is_zero_not_an_error():
    assert (Score(()).precision, Score(()).recall, Score(()).f1) == (0.0, 0.0, 0.0)
