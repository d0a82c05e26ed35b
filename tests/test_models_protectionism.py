"""Local protectionism (MODELS.md §2) and the Pigouvian correction (§6.3): oracles S-a, S-b,
S-c and P-a, closed forms against the toolkit's solvers."""

from __future__ import annotations

import dataclasses
import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.interventions import Penalty, minimal_intervention
from gametheory.models.protectionism import (
    AsymmetricSegmentation,
    MarketSegmentation,
    PigouvianSpillover,
    RegionalRetaliation,
)
from gametheory.properties import dominant_action, max_welfare_profiles, social_welfare

F = Fraction
small = st.fractions(min_value=0, max_value=10, max_denominator=4)


def matrix(game, player):
    rows, cols = game.shape
    return [[game.payoff((i, j))[player] for j in range(cols)] for i in range(rows)]


# --------------------------------------------------------------------------------------------
# §2.1 symmetric two-region game
# --------------------------------------------------------------------------------------------


def test_oracle_s_a():
    model = MarketSegmentation()  # m = 4, r = 3, e = 1
    assert model.payoff_ranks == {"R": 4, "T": 6, "P": 2, "S": 0}
    game = model.game()
    assert game.is_exact and game.actions == (("Open", "Protect"),) * 2
    assert matrix(game, 0) == [[4, 0], [6, 2]]
    assert matrix(game, 1) == [[4, 6], [0, 2]]
    assert model.is_prisoners_dilemma is True
    (eq,) = model.equilibria()
    assert eq.pure_profile == (1, 1) and eq.payoffs == (2, 2) and eq.is_strict
    # delta* = 1/2
    assert model.critical_discount == F(1, 2)
    assert model.repeated().overall == F(1, 2)
    # minimal expected fine pi F = 2 (F = 2 if always detected, F = 4 at pi = 1/2)
    assert model.fine_threshold == 2
    assert model.minimal_fine().level == 2
    assert model.minimal_fine(F(1, 2)).level == 4
    assert model.minimal_fine(F(1, 2)).cost == 0  # no fine is paid on path
    # subsidy s = r - e = 2 per open region, cost 2 s on path
    subsidy = model.minimal_subsidy()
    assert subsidy.level == 2 and subsidy.cost == 4
    # k-implementation cost of (O, O) = 4
    assert model.k_implementation().cost == 4


def test_fine_makes_open_dominant():
    model = MarketSegmentation()
    res = model.minimal_fine(F(1, 2))
    fined = res.game_at(res.level)
    # at the threshold Open is a best response to everything (ties), strictly above it dominant
    assert all(0 in gt.best_responses(fined, 0, (0, col)) for col in range(2))
    assert dominant_action(res.game_at(res.level + F(1, 10)), 0) == 0
    below = res.game_at(res.level - F(1, 10))
    assert dominant_action(below, 0) == 1


@settings(max_examples=60, deadline=None)
@given(m=small, r=small, e=small)
def test_symmetric_closed_forms_match_solvers(m, r, e):
    model = MarketSegmentation(m, r, e)
    net = r - e
    eqs = model.equilibria()
    if net > 0:
        assert [eq.pure_profile for eq in eqs] == [(1, 1)]
    elif net < 0:
        assert [eq.pure_profile for eq in eqs] == [(0, 0)]
    assert model.is_prisoners_dilemma == (0 < net < m)
    assert model.fine_threshold == max(0, net) == model.minimal_fine().level
    assert model.minimal_subsidy().level == max(0, net)
    assert model.k_implementation().cost == 2 * max(0, net)
    if model.is_prisoners_dilemma:
        assert model.repeated().overall == model.critical_discount == net / m


def test_symbolic_symmetric_game():
    m, r, e = sympy.symbols("m r e", positive=True)
    model = MarketSegmentation(m, r, e)
    game = model.game()
    assert game.parameters == (e, m, r)
    assert game.subs(m=4, r=3, e=1) == MarketSegmentation().game()
    pd_condition = model.is_prisoners_dilemma
    for values in [(4, 3, 1), (4, 1, 3), (1, 3, 1), (2, 5, 4), (3, 2, 2)]:
        point = dict(zip((m, r, e), values, strict=True))
        expected = MarketSegmentation(*values).is_prisoners_dilemma
        assert bool(pd_condition.subs(point)) is expected
    unique = gt.equilibrium_conditions(game, ("Protect", "Protect"), concept="unique")
    assert sympy.simplify(unique) == (e < r)
    assert model.critical_discount == (r - e) / m
    assert model.k_implementation().cost == 2 * sympy.Max(0, r - e)
    delta = model.repeated().overall
    assert delta.subs({m: 4, r: 3, e: 1}) == sympy.Rational(1, 2)
    assert model.fine_threshold == sympy.Max(0, r - e)
    pi = sympy.Symbol("pi", positive=True)
    fine = model.minimal_fine(pi)
    assert fine.feasible is True and sympy.simplify(fine.level - sympy.Max(0, (r - e) / pi)) == 0


# --------------------------------------------------------------------------------------------
# §2.2 asymmetric segmentation
# --------------------------------------------------------------------------------------------


def test_oracle_s_b():
    model = AsymmetricSegmentation()
    game = model.game()
    assert matrix(game, 0) == [[10, 7], [8, 6]]
    assert matrix(game, 1) == [[3, 5], [2, 4]]
    assert model == AsymmetricSegmentation.from_matrices([[10, 7], [8, 6]], [[3, 5], [2, 4]])
    (eq,) = model.equilibria()
    assert eq.pure_profile == (0, 1) and eq.payoffs == (7, 5)
    assert model.integration_surplus == 1 and model.integration_efficient is True
    # transfer range [2, 3], closed form and solver
    assert model.transfer_bounds == (2, 3)
    rng = model.transfer_range()
    assert (rng.lower, rng.upper) == (2, 3) and rng.condition is True
    # Nash bargaining t = 5/2, payoffs (15/2, 11/2)
    nb = model.nash_bargaining()
    assert nb.transfer == F(5, 2) == model.nash_bargaining_closed_form
    assert nb.payoffs == (F(15, 2), F(11, 2))


@pytest.mark.parametrize("t", [2, F(5, 2), 3])
def test_transfer_in_range_makes_integration_an_equilibrium(t):
    model = AsymmetricSegmentation()
    game = model.game_with_transfer(t)
    assert (0, 0) in [eq.pure_profile for eq in gt.pure_equilibria(game)]
    u_d, u_u = game.payoff(("Integrate", "Integrate"))
    status_quo = model.game().payoff(("Integrate", "Protect"))
    assert u_d >= status_quo[0] and u_u >= status_quo[1]


@pytest.mark.parametrize("t", [0, F(19, 10), F(31, 10)])
def test_transfer_outside_range_fails(t):
    model = AsymmetricSegmentation()
    game = model.game_with_transfer(t)
    integrates = (0, 0) in [eq.pure_profile for eq in gt.pure_equilibria(game)]
    d_accepts = game.payoff((0, 0))[0] >= model.game().payoff((0, 1))[0]
    assert not (integrates and d_accepts)


def test_inefficient_integration_has_empty_range():
    model = AsymmetricSegmentation.from_matrices([[8, 7], [6, 5]], [[3, 6], [2, 4]])
    assert model.integration_surplus == -2 and model.integration_efficient is False
    assert model.transfer_range().condition is False
    with pytest.raises(ValueError, match="negative"):
        model.nash_bargaining()


def test_symbolic_asymmetric_transfer_range():
    RD, SD, RU, TU = sympy.symbols("R_D S_D R_U T_U")
    model = AsymmetricSegmentation(R_D=RD, S_D=SD, R_U=RU, T_U=TU, T_D=0, P_D=-1, S_U=0, P_U=1)
    assert model.transfer_bounds == (TU - RU, RD - SD)
    assert sympy.simplify(model.nash_bargaining_closed_form - (TU - RU + RD - SD) / 2) == 0
    assert sympy.simplify(model.integration_surplus - (RD + RU - SD - TU)) == 0


# --------------------------------------------------------------------------------------------
# §2.3 N regions with retaliation
# --------------------------------------------------------------------------------------------


def test_oracle_s_c():
    model = RegionalRetaliation()  # N = 5, m = 1, r - e = -1, kappa = 1/2
    assert model.protect_gain(0) == -1
    profiles = [eq.pure_profile for eq in model.equilibria()]
    assert profiles == [(0, 0, 0, 0, 0), (1, 1, 1, 1, 1)]
    assert model.equilibrium_profiles() == tuple(profiles)
    assert model.equilibrium_protect_counts() == (0, 5)
    assert model.tipping_point() == 2
    assert model.open_tipping_point() == 2
    assert model.is_coordination_game() is True
    # all-open is an equilibrium, so central coordination costs nothing
    assert model.coordination_cost() == 0 == model.k_implementation().cost


def test_tipping_point_is_the_best_response_threshold():
    model = RegionalRetaliation()
    game = model.game()
    n_star = model.tipping_point()
    for n_p in range(model.N):
        # region 1 faces n_p protecting others
        profile = (0,) + (1,) * n_p + (0,) * (model.N - 1 - n_p)
        best = gt.best_responses(game, 0, profile)
        assert (1 in best) == (n_p >= n_star)
        assert (0 in best) == (n_p <= n_star)
        n_open = model.N - 1 - n_p
        assert (0 in best) == (n_open >= model.open_tipping_point())


@pytest.mark.parametrize(
    ("N", "m", "r", "e", "kappa"),
    [
        (2, 1, 1, 2, F(1, 2)),
        (3, 1, 0, 1, 1),
        (4, 2, 3, 1, 0),  # linear N-PD, protect dominant
        (4, 2, 1, 3, 0),  # open dominant
        (3, 1, 2, 2, 0),  # r = e, kappa = 0: every profile is an equilibrium
        (3, 1, 2, 2, 1),  # r = e: protect weakly dominant, all-open still a NE
        (4, 1, 0, 3, 1),  # n_P* = 3 = N - 1: all-protect is a NE with indifference
        (5, 1, 0, 5, 1),  # n_P* = 5 > N - 1: open dominant
        (5, F(1, 3), F(1, 2), 2, F(2, 3)),
    ],
)
def test_closed_form_equilibria_match_pure_equilibria(N, m, r, e, kappa):
    model = RegionalRetaliation(N, m, r, e, kappa)
    solved = tuple(sorted(eq.pure_profile for eq in model.equilibria()))
    assert solved == model.equilibrium_profiles()
    counts = model.equilibrium_protect_counts()
    assert (0 in counts) == (r - e <= 0)
    assert (N in counts) == (r - e + kappa * (N - 1) >= 0)


@settings(max_examples=40, deadline=None)
@given(
    N=st.integers(2, 4),
    m=small,
    r=small,
    e=small,
    kappa=st.fractions(min_value=0, max_value=3, max_denominator=3),
)
def test_retaliation_closed_forms_random(N, m, r, e, kappa):
    model = RegionalRetaliation(N, m, r, e, kappa)
    game = model.game()
    assert tuple(sorted(eq.pure_profile for eq in gt.pure_equilibria(game))) == (
        model.equilibrium_profiles()
    )
    for k in range(N + 1):
        profile = (1,) * k + (0,) * (N - k)
        assert social_welfare(game, profile) == model.welfare(k)
    assert model.fine_threshold() == model.minimal_fine().level
    assert model.coordination_cost() == model.k_implementation().cost


def test_linear_n_player_dilemma():
    model = RegionalRetaliation(N=4, m=1, r=3, e=1, kappa=0)
    game = model.game()
    assert all(dominant_action(game, i) == 1 for i in range(4))
    # protection is harmful: r - e = 2 < (N - 1) m = 3
    assert model.protection_harmful() is True
    assert RegionalRetaliation(N=4, m=F(1, 2), r=3, e=1, kappa=0).protection_harmful() is False
    # the per-region Pigouvian fine is r - e
    assert model.fine_threshold() == 2 == model.minimal_fine().level
    res = minimal_intervention(
        game, ("Open",) * 4, Penalty(per_action=True), concept="weakly_dominant"
    )
    assert res.level == 2
    with pytest.raises(ValueError, match="no tipping point"):
        model.tipping_point()


def test_symbolic_retaliation():
    m, r, e, kappa = sympy.symbols("m r e kappa", positive=True)
    N = sympy.Symbol("N", integer=True, positive=True)
    model = RegionalRetaliation(N, m, r, e, kappa)
    assert model.tipping_point() == (e - r) / kappa
    assert sympy.simplify(model.open_tipping_point() - (N - 1 - (e - r) / kappa)) == 0
    assert sympy.simplify(model.protect_gain(2) - (r - e + 2 * kappa)) == 0
    with pytest.raises(ValueError, match="numeric number of regions"):
        model.game()
    with pytest.raises(ValueError, match="numeric number of regions"):
        model.equilibrium_protect_counts()
    numeric_n = RegionalRetaliation(3, m, r, e, kappa)
    game = numeric_n.game()
    cond = gt.equilibrium_conditions(game, ("Protect",) * 3)
    assert sympy.simplify(cond.subs({m: 1, r: 1, e: 2, kappa: 1})) is sympy.true
    assert sympy.simplify(cond.subs({m: 1, r: 1, e: 4, kappa: 1})) is sympy.false
    assert numeric_n.k_implementation().cost == numeric_n.coordination_cost()
    assert numeric_n.fine_threshold() == sympy.Max(0, r - e + 2 * kappa)
    with pytest.raises(ValueError, match="from 0 to N - 1 = 2"):
        numeric_n.payoff(True, 3)


def test_large_n_uses_closed_forms():
    model = RegionalRetaliation(N=30)
    assert model.equilibrium_protect_counts() == (0, 30)
    with pytest.raises(ValueError, match="profiles"):
        model.game()


# --------------------------------------------------------------------------------------------
# §6.3 Pigouvian correction
# --------------------------------------------------------------------------------------------


def test_oracle_p_a():
    model = PigouvianSpillover()  # a = 10, d = 1, N = 4
    assert (model.nash_level, model.social_level, model.pigouvian_tax) == (9, 6, 3)
    assert model.nash_welfare == F(27, 2) and model.social_welfare == 18
    assert model.welfare_gain == F(9, 2)
    assert model.level_with_tax(model.pigouvian_tax) == model.social_level


def test_oracle_p_a_against_the_discretised_game():
    model = PigouvianSpillover()
    levels = list(range(4, 11))
    game = model.game(levels)
    (eq,) = gt.pure_equilibria(game)
    assert eq.pure_profile == (levels.index(9),) * 4 and eq.is_strict
    assert eq.payoffs == (F(27, 2),) * 4
    assert max_welfare_profiles(game) == ((levels.index(6),) * 4,)
    taxed = model.game(levels, tax=3)
    (eq,) = gt.pure_equilibria(taxed)
    assert eq.pure_profile == (levels.index(6),) * 4
    # welfare with the tax revenue rebated: 18 per region
    assert social_welfare(game, eq.pure_profile) / 4 == 18
    assert model.payoff([6, 6, 6, 6]) == (18,) * 4
    assert model.payoff([9, 9, 9, 9], tax=3) == (F(27, 2) - 27,) * 4


def test_default_grid():
    model = PigouvianSpillover(a=5, d=1, N=3)
    game = model.game()
    assert game.actions[0] == tuple(str(k) for k in range(6))
    (eq,) = gt.pure_equilibria(game)
    assert game.actions[0][eq.pure_profile[0]] == "4"


@settings(max_examples=25, deadline=None)
@given(
    a=st.integers(0, 8),
    d=st.fractions(min_value=0, max_value=2, max_denominator=2),
    N=st.integers(2, 3),
)
def test_pigouvian_closed_forms_random(a, d, N):
    model = PigouvianSpillover(a, d, N)
    eN, eS, tau = model.nash_level, model.social_level, model.pigouvian_tax
    assert eN == a - d and eS == a - N * d and tau == (N - 1) * d
    levels = sorted({eN, eS, eN + 1, eS - 1})
    game = model.game(levels)
    assert [eq.pure_profile for eq in gt.pure_equilibria(game)] == [(levels.index(eN),) * N]
    # the optimum maximises total welfare; with d = 0 Nash is optimal already
    assert max_welfare_profiles(game) == ((levels.index(eS),) * N,)
    taxed = model.game(levels, tax=tau)
    assert [eq.pure_profile for eq in gt.pure_equilibria(taxed)] == [(levels.index(eS),) * N]
    assert model.welfare_gain == ((N - 1) * d) ** 2 / 2


def test_symbolic_pigouvian():
    a, d = sympy.symbols("a d", positive=True)
    N = sympy.Symbol("N", integer=True, positive=True)
    model = PigouvianSpillover(a, d, N)
    assert model.nash_level == a - d
    assert model.social_level == a - N * d
    assert sympy.simplify(model.pigouvian_tax - (N - 1) * d) == 0
    assert sympy.simplify(model.social_welfare - (a - N * d) ** 2 / 2) == 0
    assert sympy.simplify(model.nash_welfare - (a - d) * (a + d - 2 * N * d) / 2) == 0
    assert sympy.simplify(model.welfare_gain - ((N - 1) * d) ** 2 / 2) == 0
    values = {a: 10, d: 1, N: 4}
    assert model.nash_welfare.subs(values) == sympy.Rational(27, 2)
    assert model.social_welfare.subs(values) == 18


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "kwargs", "error", "match"),
    [
        (MarketSegmentation, {"m": -1}, ValueError, "m = -1 must be non-negative"),
        (MarketSegmentation, {"r": -1}, ValueError, "r = -1 must be non-negative"),
        (MarketSegmentation, {"e": F(-1, 2)}, ValueError, "e = -1/2 must be non-negative"),
        (MarketSegmentation, {"m": "4"}, TypeError, "parameter m"),
        (MarketSegmentation, {"m": True}, TypeError, "boolean"),
        (MarketSegmentation, {"r": float("nan")}, ValueError, "not finite"),
        (MarketSegmentation, {"players": ("A", "A")}, ValueError, "different names"),
        (AsymmetricSegmentation, {"T_D": 11}, ValueError, "R_D > T_D"),
        (AsymmetricSegmentation, {"P_D": 7}, ValueError, "S_D > P_D"),
        (AsymmetricSegmentation, {"R_U": 5}, ValueError, "T_U > R_U"),
        (AsymmetricSegmentation, {"S_U": 4}, ValueError, "P_U > S_U"),
        (RegionalRetaliation, {"N": 1}, ValueError, "at least 2"),
        (RegionalRetaliation, {"N": 2.5}, TypeError, "integer"),
        (RegionalRetaliation, {"N": True}, TypeError, "integer"),
        (RegionalRetaliation, {"kappa": -1}, ValueError, "kappa = -1 must be non-negative"),
        (RegionalRetaliation, {"m": -2}, ValueError, "non-negative"),
        (PigouvianSpillover, {"N": 1}, ValueError, "at least 2"),
        (PigouvianSpillover, {"N": sympy.Integer(0)}, ValueError, "at least 2"),
        (PigouvianSpillover, {"d": -1}, ValueError, "d = -1 must be non-negative"),
        (PigouvianSpillover, {"a": -3}, ValueError, "a = -3 must be non-negative"),
        (PigouvianSpillover, {"d": sympy.Symbol("x", negative=True)}, ValueError, "non-neg"),
    ],
)
def test_invalid_parameters(cls, kwargs, error, match):
    with pytest.raises(error, match=match):
        cls(**kwargs)


@pytest.mark.parametrize("pi", [0, F(3, 2), -1])
def test_detection_probability_checked(pi):
    with pytest.raises(ValueError, match="probability in"):
        MarketSegmentation().minimal_fine(pi)
    with pytest.raises(ValueError, match="probability in"):
        RegionalRetaliation(N=3).minimal_fine(pi)


def test_bad_grids():
    model = PigouvianSpillover()
    with pytest.raises(ValueError, match="coarser grid"):
        model.game(range(30))
    with pytest.raises(ValueError, match="distinct"):
        model.game([1, 1])
    with pytest.raises(ValueError, match="empty"):
        model.game([])
    with pytest.raises(ValueError, match="one level per region"):
        model.payoff([1, 2])


def test_frozen_and_float_input():
    model = MarketSegmentation(4.0, 3.0, 1.0)
    assert model.game().kind == "float"
    assert model.fine_threshold == 2.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.m = 5  # type: ignore[misc]
    spill = PigouvianSpillover(10.0, 1.0, 4)
    assert spill.social_welfare == 18.0


def test_help_text_states_the_equations():
    for cls, snippet in [
        (MarketSegmentation, "u_i = m 1{j open} + 1{i protects} (r - e)"),
        (AsymmetricSegmentation, "T_U - R_U <= t <= R_D - S_D"),
        (RegionalRetaliation, "u_i = m n_O + s_i (r - e + kappa n_P)"),
        (PigouvianSpillover, "tau = (N - 1) d"),
    ]:
        assert snippet in cls.__doc__
        assert "References" in cls.__doc__


def test_all_profiles_of_small_game_checked_by_brute_force():
    # independent check of the N-player game: payoff formula evaluated directly
    model = RegionalRetaliation(N=3, m=2, r=1, e=2, kappa=1)
    game = model.game()
    for profile in itertools.product((0, 1), repeat=3):
        for i in range(3):
            n_p = sum(profile) - profile[i]
            expected = model.payoff(bool(profile[i]), 2 - n_p)
            assert game.payoff(profile)[i] == expected


def test_retaliation_closed_forms_accept_sympy_numbers() -> None:
    exact = RegionalRetaliation().equilibrium_profiles()
    assert RegionalRetaliation(kappa=sympy.Rational(1, 2)).equilibrium_profiles() == exact
    assert RegionalRetaliation(r=sympy.Integer(1)).equilibrium_protect_counts() == (
        RegionalRetaliation(r=1).equilibrium_protect_counts()
    )
    with pytest.raises(ValueError, match="no tipping point"):
        RegionalRetaliation(kappa=sympy.Integer(0)).tipping_point()
