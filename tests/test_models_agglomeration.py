"""Urban agglomeration (MODELS.md §9.2, §9.3, §6.4-6.6): oracles F-c, C-a, C-b exactly; the
common-fund thresholds against the equilibria of the N-player game; the TU game against
CooperativeGame.from_normal_form; bad parameters."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.cooperative import CooperativeGame
from gametheory.models.agglomeration import CLAUSES, AgglomerationSurplus, UrbanAgglomeration

F = Fraction
alphas = st.fractions(min_value=F(1, 10), max_value=F(6, 5), max_denominator=10)
rates = st.fractions(min_value=0, max_value=4, max_denominator=8)


def contributors(eq):
    return sum(1 for a in eq.pure_profile if a == 0)


# --------------------------------------------------------------------------------------------
# §9.2 oracle F-c
# --------------------------------------------------------------------------------------------


def test_oracle_f_c():
    w = F(7, 3)  # any contribution w
    model = UrbanAgglomeration(N=4, alpha=F(2, 5), contribution=w)
    assert model.minimal_matching() == F(3, 2)
    at = UrbanAgglomeration(N=4, alpha=F(2, 5), matching=F(3, 2), contribution=w)
    assert at.fund() == 10 * w
    assert at.social_gain() == 6 * w
    assert at.central_cost() == 6 * w
    assert at.cities_gain() == at.social_gain() + at.central_cost() == 12 * w
    assert at.is_efficient() is True  # N alpha = 8/5 > 1
    # contributing is (weakly) dominant at m*, not below it
    assert at.full_contribution_is_equilibrium() is True
    below = UrbanAgglomeration(N=4, alpha=F(2, 5), matching=F(7, 5), contribution=w)
    assert below.full_contribution_is_equilibrium() is False
    assert [contributors(e) for e in below.equilibria()] == [0]


def test_f_c_symbolic_closed_forms():
    N = sympy.Symbol("N", integer=True, positive=True)
    alpha, m, w = sympy.symbols("alpha m w", positive=True)
    model = UrbanAgglomeration(N=N, alpha=alpha, matching=m, contribution=w)
    assert sympy.simplify(model.minimal_matching() - sympy.Max(0, 1 / alpha - 1)) == 0
    aon = UrbanAgglomeration(N=N, alpha=alpha, matching=m, clause="all_or_nothing")
    assert sympy.simplify(aon.minimal_matching() - sympy.Max(0, 1 / (N * alpha) - 1)) == 0
    cm = UrbanAgglomeration(N=N, alpha=alpha, matching=m, clause="conditional_matching")
    assert sympy.simplify(cm.minimal_matching() - sympy.Max(0, (1 - alpha) / (N * alpha))) == 0
    assert sympy.simplify(model.social_gain() - (N * alpha - 1) * N * w * (1 + m)) == 0
    assert sympy.simplify(model.central_cost() - m * N * w) == 0
    values = {N: 4, alpha: sympy.Rational(2, 5), m: sympy.Rational(3, 2)}
    assert model.social_gain().subs(values) == 6 * w
    assert model.minimal_matching().subs(values) == sympy.Rational(3, 2)


def test_thresholds_from_the_symbolic_game():
    """equilibrium_conditions + threshold on the 3-city game give the closed forms."""
    alpha = sympy.Symbol("alpha", positive=True)
    m = sympy.Symbol("m", nonnegative=True)
    expected = {
        "none": 1 / alpha - 1,
        "all_or_nothing": 1 / (3 * alpha) - 1,
        "conditional_matching": (1 - alpha) / (3 * alpha),
    }
    for clause, bound in expected.items():
        game = UrbanAgglomeration(N=3, alpha=alpha, matching=m, clause=clause).game()
        cond = gt.equilibrium_conditions(game, ("Contribute",) * 3)
        assert sympy.simplify(gt.threshold(cond, m).lower - bound) == 0


# --------------------------------------------------------------------------------------------
# thresholds against the equilibria of the N-player game (hypothesis)
# --------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(N=st.integers(2, 5), alpha=alphas, m=rates, clause=st.sampled_from(CLAUSES))
def test_threshold_vs_pure_equilibria(N, alpha, m, clause):
    model = UrbanAgglomeration(N=N, alpha=alpha, matching=m, clause=clause)
    eqs = model.equilibria()
    full = any(contributors(e) == N for e in eqs)
    assert full == model.full_contribution_is_equilibrium() == (m >= model.minimal_matching())
    counts = sorted({contributors(e) for e in eqs})
    assert tuple(counts) == model.equilibrium_contributor_counts()
    # every profile with an equilibrium count is an equilibrium (symmetric game)
    assert len(eqs) == sum(len(list(itertools.combinations(range(N), k))) for k in counts)
    # k-implementation cost of full contribution: 0 iff it is an equilibrium
    k = model.k_implementation().cost
    assert (k == 0) == full
    if clause == "none":
        assert k == N * max(0, 1 - alpha * (1 + m))


@settings(max_examples=25, deadline=None)
@given(N=st.integers(2, 4), alpha=alphas, clause=st.sampled_from(CLAUSES))
def test_minimal_matching_is_tight(N, alpha, clause):
    m_star = UrbanAgglomeration(N=N, alpha=alpha, clause=clause).minimal_matching()
    at = UrbanAgglomeration(N=N, alpha=alpha, matching=m_star, clause=clause)
    assert gt.is_equilibrium(at.game(), ("Contribute",) * N)
    if m_star > 0:
        below = UrbanAgglomeration(N=N, alpha=alpha, matching=m_star * F(99, 100), clause=clause)
        assert not gt.is_equilibrium(below.game(), ("Contribute",) * N)


def test_clause_structure():
    """MODELS.md §9.2: with N alpha >= 1 the all-or-nothing clause needs no matching; the
    conditional match needs 1/N of the unconditional rate."""
    for N in range(2, 9):
        for alpha in (F(1, 5), F(2, 5), F(3, 4)):
            none = UrbanAgglomeration(N=N, alpha=alpha).minimal_matching()
            aon = UrbanAgglomeration(N=N, alpha=alpha, clause="all_or_nothing").minimal_matching()
            cm = UrbanAgglomeration(
                N=N, alpha=alpha, clause="conditional_matching"
            ).minimal_matching()
            assert none == 1 / alpha - 1
            assert cm == none / N
            assert (aon == 0) == (N * alpha >= 1)
            assert aon == max(0, 1 / (N * alpha) - 1)
    # all-or-nothing: Contribute weakly dominant once N alpha (1 + m) >= 1
    model = UrbanAgglomeration(N=4, alpha=F(2, 5), clause="all_or_nothing")
    game = model.game()
    assert all(gt.properties.dominant_action(game, i, strict=False) == 0 for i in range(4))
    assert gt.properties.dominant_action(game, 0, strict=True) is None
    assert model.equilibrium_contributor_counts() == (0, 1, 2, 4)
    # conditional matching with alpha < 1: a stag hunt, nobody or everybody
    cm = UrbanAgglomeration(N=4, alpha=F(2, 5), matching=F(3, 8), clause="conditional_matching")
    assert cm.equilibrium_contributor_counts() == (0, 4)


def test_matching_versus_contributor_subsidy():
    """Matching costs 1/alpha times a per-contributor subsidy (minimal_intervention)."""
    model = UrbanAgglomeration()  # N = 4, alpha = 2/5
    sub = model.contributor_subsidy()
    assert sub.level == F(3, 5) and sub.cost == F(12, 5)
    matched = UrbanAgglomeration(matching=model.minimal_matching())
    assert matched.central_cost() == 6 == sub.cost / F(2, 5)
    cm = UrbanAgglomeration(clause="conditional_matching")
    assert UrbanAgglomeration(
        matching=cm.minimal_matching(), clause="conditional_matching"
    ).central_cost() == F(3, 2)


def test_heterogeneous_cities():
    model = UrbanAgglomeration(N=3, alpha=(F(1, 2), F(1, 3), F(1, 4)))
    assert model.city_matching() == (1, 2, 3)  # m_i* = 1/alpha_i - 1
    assert model.minimal_matching() == 3
    at = UrbanAgglomeration(N=3, alpha=(F(1, 2), F(1, 3), F(1, 4)), matching=3)
    # at m* the least-motivated city is indifferent
    assert [e.pure_profile for e in at.equilibria()] == [(0, 0, 0), (0, 0, 1)]
    above = UrbanAgglomeration(N=3, alpha=(F(1, 2), F(1, 3), F(1, 4)), matching=4)
    assert [e.pure_profile for e in above.equilibria()] == [(0, 0, 0)]
    mid = UrbanAgglomeration(N=3, alpha=(F(1, 2), F(1, 3), F(1, 4)), matching=F(5, 2))
    assert [e.pure_profile for e in mid.equilibria()] == [(0, 0, 1)]
    assert model.is_efficient() is True  # 13/12 > 1


# --------------------------------------------------------------------------------------------
# the fund's TU game
# --------------------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(N=st.integers(2, 4), alpha=alphas, m=rates, clause=st.sampled_from(CLAUSES))
def test_coalition_values_vs_normal_form(N, alpha, m, clause):
    model = UrbanAgglomeration(N=N, alpha=alpha, matching=m, clause=clause)
    game = model.cooperative_game()
    for size in range(1, N + 1):
        for S in itertools.combinations(range(N), size):
            assert game.value(S) == model.coalition_value(S)
    mixed = CooperativeGame.from_normal_form(model.game(), kind="alpha")
    assert mixed == game  # pure max-min = mixed value here (outsiders keeping is dominant-worst)


def test_fund_surplus_and_transfers():
    model = UrbanAgglomeration(N=3, alpha=(F(1, 2), F(1, 3), F(1, 4)), matching=1)
    surplus = model.surplus()
    grand = surplus.game.value((0, 1, 2))
    assert grand == model.cities_gain() == F(7, 2)
    assert sum(surplus.accrued) == grand
    shapley = surplus.shapley_value()
    transfers = surplus.lateral_transfers("shapley")
    assert sum(transfers) == 0
    assert tuple(a + t for a, t in zip(surplus.accrued, transfers, strict=True)) == shapley
    assert surplus.cost_of_stability() == 0  # supermodular: the core is non-empty
    assert surplus.game.is_convex()


# --------------------------------------------------------------------------------------------
# §6.6 oracles C-a and C-b
# --------------------------------------------------------------------------------------------


def test_oracle_c_a():
    ca = AgglomerationSurplus.symmetric(3, {2: 8, 3: 9})
    assert ca.core_is_empty()
    assert ca.cost_of_stability() == 3 == ca.symmetric_cost_of_stability()
    assert ca.stable_allocation() == (4, 4, 4)
    eps, _ = ca.least_core()
    assert eps == 2
    assert ca.shapley_value() == (3, 3, 3) == ca.nucleolus()
    # the top-up is the sum of the transfers implementing the stable allocation
    transfers = ca.lateral_transfers("stable", accrued=(3, 3, 3))
    assert transfers == (1, 1, 1) and sum(transfers) == ca.cost_of_stability()


def test_least_core_convention():
    """Least-core epsilon = 2 of C-a: the largest complaint v(S) - x(S) at the least core."""
    ca = AgglomerationSurplus.symmetric(3, {2: 8, 3: 9})
    eps, x = ca.least_core()
    complaints = [8 - (x[i] + x[j]) for i, j in itertools.combinations(range(3), 2)]
    assert max(complaints) == 2 == eps


def test_oracle_c_b():
    """The hidden check of MODELS.md §6.6."""
    cb = AgglomerationSurplus.core_periphery()
    assert cb.shapley_value() == (F(17, 3), F(13, 6), F(13, 6))
    assert cb.nucleolus() == (6, 2, 2)
    assert cb.cost_of_stability() == 0
    assert not cb.core_is_empty()
    assert cb.game.is_in_core(cb.shapley_value())
    assert cb.game.is_in_core((6, 2, 2))


@settings(max_examples=40, deadline=None)
@given(
    pair=st.fractions(min_value=0, max_value=12, max_denominator=4),
    single=st.fractions(min_value=0, max_value=4, max_denominator=4),
    grand=st.fractions(min_value=0, max_value=15, max_denominator=4),
)
def test_symmetric_cost_of_stability_closed_form(pair, single, grand):
    game = AgglomerationSurplus.symmetric(3, {1: single, 2: pair, 3: grand})
    assert game.symmetric_cost_of_stability() == game.cost_of_stability()
    assert game.symmetric_cost_of_stability() == max(0, 3 * single - grand, 3 * pair / 2 - grand)


def test_symmetric_cost_of_stability_symbolic():
    p, v = sympy.symbols("p v", positive=True)
    game = AgglomerationSurplus.symmetric(3, {2: p, 3: v})
    cos = game.symmetric_cost_of_stability()
    assert cos.subs({p: 8, v: 9}) == 3
    assert game.shapley_value() == (v / 3, v / 3, v / 3)


# --------------------------------------------------------------------------------------------
# bad parameters
# --------------------------------------------------------------------------------------------


def test_bad_parameters():
    with pytest.raises(ValueError, match="at least 2"):
        UrbanAgglomeration(N=1)
    with pytest.raises(TypeError, match="integer"):
        UrbanAgglomeration(N=2.5)
    with pytest.raises(ValueError, match="alpha = -1/5 must be positive"):
        UrbanAgglomeration(alpha=F(-1, 5))
    with pytest.raises(ValueError, match="matching = -1 must be non-negative"):
        UrbanAgglomeration(matching=-1)
    with pytest.raises(ValueError, match="contribution"):
        UrbanAgglomeration(contribution=0)
    with pytest.raises(ValueError, match="clause"):
        UrbanAgglomeration(clause="refund")
    with pytest.raises(ValueError, match="3 values but there are N = 4"):
        UrbanAgglomeration(alpha=(F(1, 2), F(1, 2), F(1, 2)))
    with pytest.raises(ValueError, match="game"):
        UrbanAgglomeration(N=13).game()
    with pytest.raises(ValueError, match="numeric"):
        UrbanAgglomeration(N=sympy.Symbol("N", integer=True, positive=True)).game()
    with pytest.raises(ValueError, match="0 or 1"):
        UrbanAgglomeration().payoff(0, (1, 2, 0, 0))
    with pytest.raises(ValueError, match="at least 2 cities"):
        AgglomerationSurplus({(0,): 1})
    with pytest.raises(ValueError, match="sum to v"):
        AgglomerationSurplus.symmetric(3, {3: 9}).__class__(
            {(0,): 0, (1,): 0, (0, 1): 1}, accrued=(1, 1)
        )
    with pytest.raises(ValueError, match="not symmetric"):
        AgglomerationSurplus.core_periphery().symmetric_cost_of_stability()
    with pytest.raises(ValueError, match="accrued"):
        AgglomerationSurplus.core_periphery().lateral_transfers("shapley")
    with pytest.raises(ValueError, match="allocation"):
        AgglomerationSurplus.core_periphery().lateral_transfers("median", accrued=(1, 1, 8))


def test_floats():
    model = UrbanAgglomeration(N=4, alpha=0.4)
    assert model.minimal_matching() == pytest.approx(1.5)
    assert isinstance(model.minimal_matching(), float)


# --------------------------------------------------------------------------------------------
# figures (gametheory/figures/agglomeration.py)
# --------------------------------------------------------------------------------------------


def _no_overlaps(fig):
    from matplotlib.text import Text

    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        for t in ax.texts:
            t.get_window_extent(renderer)
        boxes = [Text.get_window_extent(t, renderer) for t in ax.texts]
        for k, box in enumerate(boxes):
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1, ax.texts[k].get_text()
            assert frame.y0 <= box.y0 and box.y1 <= frame.y1, ax.texts[k].get_text()
            for other in boxes[k + 1 :]:
                assert not box.overlaps(other), ax.texts[k].get_text()


def test_figure_common_fund():
    from gametheory.figures import get

    result = get("agglomeration_common_fund")()
    data = result.data
    fc = data[(data["N"] == 4) & (data["rule"] == "none")].iloc[0]
    assert fc["minimal_matching"] == "3/2" and fc["central_outlay"] == "6"
    cm = data[data["rule"] == "conditional_matching"]
    assert list(cm["minimal_matching"])[:3] == ["3/4", "1/2", "3/8"]
    assert set(cm["central_outlay"]) == {"3/2"}
    aon = data[data["rule"] == "all_or_nothing"]
    assert list(aon["minimal_matching"])[:2] == ["1/4", "0"]
    small = data[data["N"] <= 6]
    assert small["checked_on_game"].eq(True).all()
    sub = data[(data["rule"] == "subsidy_per_contributor") & (data["N"] == 4)].iloc[0]
    assert sub["central_outlay"] == "12/5"
    assert get("agglomeration_common_fund")().data.equals(data)
    _no_overlaps(result.figure)


def test_figure_cooperation_types():
    from gametheory.figures import get

    result = get("cooperation_types")()
    data = result.data.set_index("name")
    assert data.loc["K-a", "type"] == "sharing" and data.loc["K-a", "level"] == "2"
    assert (data.loc["K-b", "lower"], data.loc["K-b", "upper"], data.loc["K-b", "level"]) == (
        "5",
        "9",
        "7",
    )
    assert data.loc["K-d", "level"] == "1/8"
    assert (data.loc["K-d", "lower"], data.loc["K-d", "upper"]) == ("1", "5")
    assert (data.loc["K-b", "net_gain_A"], data.loc["K-b", "net_gain_B"]) == (9.0, -5.0)
    regions = result.data[result.data["element"] == "region"]
    assert (regions["name"] == regions["type"]).all()
    assert get("cooperation_types")().data.equals(result.data)
    _no_overlaps(result.figure)


def test_doctests():
    import doctest

    import gametheory.models.agglomeration as module

    assert doctest.testmod(module).failed == 0
