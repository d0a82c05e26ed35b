"""Tests for gametheory.bargaining: Coasean ranges, Nash bargaining, revenue sharing, the three
cooperation types; MODELS.md oracles S-b, K-a..K-d and the top-10 rows 5 and 6, checked against
brute force (participation and best responses of the game with the transfer)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from gametheory import Game, UnboundParameterError, equilibria, is_equilibrium, parameters
from gametheory.bargaining import (
    BargainingRange,
    CooperationKind,
    NashBargainingSolution,
    Remedy,
    TransferRange,
    bargaining_range,
    coasean_transfer_range,
    cooperation_type,
    joint_performance_weight,
    nash_bargaining_share,
    nash_bargaining_transfer,
    relative_evaluation_transfer_range,
    revenue_share_range,
    self_enforcing_transfer_range,
)

F = Fraction
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EPS = F(1, 1000)

# MODELS.md §2.4 S-b: developed D (rows) vs lagging U (columns), actions I(ntegrate) / P(rotect)
SEGMENTATION = Game(
    [[10, 7], [8, 6]], [[3, 5], [2, 4]], players=["D", "U"], actions=[["I", "P"], ["I", "P"]]
)
# MODELS.md §4.4 K-a: sharing type, B_s = 6, t_c = 2
STAG_HUNT = Game([[4, -2], [0, 0]], [[4, 0], [-2, 0]], actions=[["C", "N"], ["C", "N"]])


def profit_and_loss_game(g_a, g_b, c_a, c_b):
    """MODELS.md §4.2 as a 2x2 game: (C, C) yields the net gains, anything else the status quo."""
    return Game(
        [[g_a - c_a, 0], [0, 0]],
        [[g_b - c_b, 0], [0, 0]],
        players=["A", "B"],
        actions=[["C", "N"], ["C", "N"]],
    )


def with_transfer(game, target, payer, payee, t, conditional_on="target"):
    """The game plus a transfer t from payer to payee, built independently of the module."""
    arrays = [np.array(a, dtype=object) for a in game.payoff_arrays]
    for index in np.ndindex(game.shape):
        due = (
            index == tuple(target) if conditional_on == "target" else index[payee] == target[payee]
        )
        if due:
            arrays[payer][index] = arrays[payer][index] - t
            arrays[payee][index] = arrays[payee][index] + t
    return Game.from_arrays(*arrays, players=game.players, actions=game.actions)


# --------------------------------------------------------------------------------------------
# MODELS.md oracles
# --------------------------------------------------------------------------------------------


def test_segmentation_oracle_S_b_range_and_nash_bargaining():
    # unique NE (I, P) with payoffs (7, 5): the status quo of the bargaining
    (eq,) = equilibria(SEGMENTATION)
    assert eq.pure_profile == (0, 1) and eq.payoffs == (7, 5)
    r = bargaining_range(SEGMENTATION, ("I", "I"), ("I", "P"), "D", "U")
    assert isinstance(r, BargainingRange)
    assert (r.lower, r.upper, r.surplus) == (2, 3, 1)  # t in [T_U - R_U, R_D - S_D] = [2, 3]
    assert isinstance(r.lower, Fraction) and r.empty is False and r.condition is True
    assert r.target == ("I", "I") and r.status_quo == ("I", "P")
    assert r.midpoint == F(5, 2)
    nb = nash_bargaining_transfer(SEGMENTATION, ("I", "I"), ("I", "P"), "D", "U")
    assert isinstance(nb, NashBargainingSolution)
    assert nb.transfer == F(5, 2) and nb.payoffs == (F(15, 2), F(11, 2))  # S-b: (15/2, 11/2)
    assert nb.profile_payoffs == (F(15, 2), F(11, 2)) and nb.gains == (F(1, 2), F(1, 2))
    # t_NB = (T_U - R_U + R_D - S_D) / 2 (§2.2)
    assert nb.transfer == F((5 - 3) + (10 - 7), 2)
    assert "2 <= t <= 3" in repr(r) and "5/2" in repr(nb)


def test_segmentation_transfer_conditional_on_integration_is_self_enforcing():
    # §2.2: a transfer conditional on U integrating works iff T_U - R_U <= t <= R_D - S_D
    r = self_enforcing_transfer_range(
        SEGMENTATION, ("I", "I"), "D", "U", status_quo=("I", "P"), conditional_on="payee"
    )
    assert isinstance(r, TransferRange)
    assert (r.lower, r.upper) == (2, 3) and r.condition is True and r.empty is False
    for t in (F(2), F(5, 2), F(3)):
        assert r.contains(t)
        g = with_transfer(SEGMENTATION, (0, 0), 0, 1, t, conditional_on="payee")
        assert is_equilibrium(g, (0, 0)) and r.transfer_game(t) == g
    assert not r.contains(2 - EPS) and not r.contains(3 + EPS)
    assert not is_equilibrium(with_transfer(SEGMENTATION, (0, 0), 0, 1, 2 - EPS, "payee"), (0, 0))
    # paid only at (I, I), the payer's own incentive binds too: D's slack R_D - T_D = 2
    strict = self_enforcing_transfer_range(SEGMENTATION, ("I", "I"), "D", "U")
    assert (strict.lower, strict.upper) == (2, 2) and strict.contains(2)
    assert is_equilibrium(with_transfer(SEGMENTATION, (0, 0), 0, 1, F(2)), (0, 0))
    assert not is_equilibrium(with_transfer(SEGMENTATION, (0, 0), 0, 1, 2 + EPS), (0, 0))


def test_profit_and_loss_oracle_K_b():
    # g_A = 10, g_B = -4, c_A = c_B = 1: t in [5, 9]; t_NB = 7; each nets 2
    r = coasean_transfer_range(10, -4, 1, 1)
    assert (r.lower, r.upper, r.surplus) == (5, 9, 4)
    nb = r.nash_bargaining()
    assert nb.transfer == 7 and nb.gains == (2, 2) and nb.payoffs == (2, 2)
    # closed form t_NB = (g_A - g_B - c_A + c_B) / 2 and the same answer from the game
    assert nb.transfer == F(10 - (-4) - 1 + 1, 2)
    game = profit_and_loss_game(10, -4, 1, 1)
    r_game = bargaining_range(game, ("C", "C"), ("N", "N"), "A", "B")
    assert (r_game.lower, r_game.upper) == (5, 9)
    assert nash_bargaining_transfer(game, ("C", "C"), ("N", "N"), "A", "B").transfer == 7
    kind = cooperation_type([10, -4], costs=[1, 1])
    assert kind.kind == "profit_and_loss" and kind.remedy == Remedy.LATERAL_TRANSFER
    assert kind.winners == (0,) and kind.losers == (1,) and kind.surplus == 4


def test_profit_and_loss_is_inefficient_when_costs_exceed_the_joint_gain():
    r = coasean_transfer_range(10, -4, 4, 3)  # g_A + g_B = 6 < 7 = c_A + c_B
    assert r.empty is True and r.lower > r.upper and r.surplus == -1
    with pytest.raises(ValueError, match="surplus -1 is negative"):
        r.nash_bargaining()
    with pytest.raises(ValueError, match="empty"):
        _ = r.midpoint
    assert "empty" in repr(r)
    assert cooperation_type([10, -4], costs=[4, 3]).kind == CooperationKind.NO_GAIN


def test_tax_revenue_sharing_oracle_K_c():
    # R = 10, L_B = 3, C_A = 2: s in [3/10, 4/5]; s_NB = 11/20
    r = revenue_share_range(10, host_cost=2, origin_loss=3)
    assert (r.lower, r.upper) == (F(3, 10), F(4, 5)) and r.surplus == 5 and r.rate == 10
    assert r.payer == "host" and r.payee == "origin" and "3/10 <= s <= 4/5" in repr(r)
    nb = nash_bargaining_share(10, 2, 3)
    assert nb.transfer == F(11, 20) and nb.payoffs == (F(5, 2), F(5, 2))
    assert nb.transfer == F(10 + 3 - 2, 2 * 10)  # s_NB = (R + L_B - C_A) / (2R)
    # cross-check: the relocation game with the host paying t = s R to the origin
    game = Game([[10 - 2, 0], [0, 0]], [[-3, 0], [0, 0]])
    r_game = bargaining_range(game, (0, 0), (1, 1), 0, 1)
    assert (r_game.lower / 10, r_game.upper / 10) == (r.lower, r.upper)
    # non-empty iff R >= L_B + C_A
    assert revenue_share_range(5, 2, 3).lower == revenue_share_range(5, 2, 3).upper == F(3, 5)
    assert revenue_share_range(5, 2, 3).empty is False
    assert revenue_share_range(F(49, 10), 2, 3).empty is True
    # asymmetric power: the origin's gain is w_origin * surplus
    nb2 = nash_bargaining_share(10, 2, 3, weights=(F(3, 4), F(1, 4)))
    assert nb2.transfer * 10 - 3 == F(5, 4) and nb2.payoffs == (F(15, 4), F(5, 4))


def test_comparative_benefit_oracle_K_d():
    # g_A = 9, g_B = 3, lambda = 1: B refuses; t = 3 exactly; mu* = 1/2
    assert cooperation_type([9, 3]).kind == "comparative_benefit"
    assert 3 - 1 * 9 < 0  # B's official utility g_B - lambda g_A without intervention
    r = relative_evaluation_transfer_range(9, 3, 1)
    assert r.lower == r.upper == 3 and r.empty is False
    assert joint_performance_weight(9, 3, 1) == F(1, 2)
    # B joins without intervention iff lambda <= g_B / g_A = 1/3
    assert joint_performance_weight(9, 3, F(1, 3)) == 0
    assert joint_performance_weight(9, 3, F(1, 3) + EPS) > 0
    # closed form (lambda g_A - g_B)/(1 + lambda) <= t <= (g_A - lambda g_B)/(1 + lambda)
    lam = F(1, 2)
    r = relative_evaluation_transfer_range(9, 3, lam)
    assert (r.lower, r.upper) == ((lam * 9 - 3) / (1 + lam), (9 - lam * 3) / (1 + lam))
    assert joint_performance_weight(9, 3, lam) == (lam * 9 - 3) / (9 + 3)


@pytest.mark.parametrize("lam", [F(0), F(1, 5), F(1, 2), F(4, 5), F(1)])
def test_relative_evaluation_range_by_brute_force(lam):
    g_a, g_b = 9, 3
    r = relative_evaluation_transfer_range(g_a, g_b, lam)
    for k in range(-100, 201):
        t = F(k, 20)
        a_joins = (g_a - t) - lam * (g_b + t) >= 0
        b_joins = (g_b + t) - lam * (g_a - t) >= 0
        assert r.contains(t) == (a_joins and b_joins)
    # mu*: S_i = g_i - lambda g_j + mu (g_i + g_j) >= 0 for both, and not for mu* - 1/1000
    mu = joint_performance_weight(g_a, g_b, lam)

    def both(m):
        return g_b - lam * g_a + m * (g_a + g_b) >= 0 and g_a - lam * g_b + m * (g_a + g_b) >= 0

    assert both(mu) and (mu == 0 or not both(mu - EPS))


def test_top10_row_6_three_types():
    # sharing B_s = 6, t_c = 2; P&L g = (10, -4), c = (1, 1); CB g = (9, 3), lambda = 1
    sharing = cooperation_type(STAG_HUNT, ("C", "C"), ("N", "N"))
    assert sharing.kind == CooperationKind.SHARING and sharing.remedy == "coordination"
    assert sharing.gains == (4, 4) and sharing.game_form.startswith("assurance")
    mixed = [e for e in equilibria(STAG_HUNT) if not e.is_pure]
    assert [tuple(s) for s in mixed[0].strategies] == [(F(1, 3), F(2, 3))] * 2  # q* = 1/3
    pl = coasean_transfer_range(10, -4, 1, 1)
    assert (pl.lower, pl.upper, pl.midpoint) == (5, 9, 7)
    cb = relative_evaluation_transfer_range(9, 3, 1)
    assert (cb.lower, cb.upper) == (3, 3) and joint_performance_weight(9, 3, 1) == F(1, 2)
    assert cooperation_type([9, 3]).remedy == Remedy.EVALUATION_REFORM


def test_mixed_status_quo_of_the_stag_hunt():
    # the mixed NE of K-a pays 0 to both, so the Coasean range around (C, C) is [-4, 4]
    q = [F(1, 3), F(2, 3)]
    r = bargaining_range(STAG_HUNT, ("C", "C"), (q, q), 0, 1)
    assert (r.lower, r.upper, r.surplus) == (-4, 4, 8) and r.status_quo == (tuple(q), tuple(q))
    assert r.nash_bargaining().transfer == 0


# --------------------------------------------------------------------------------------------
# Nash bargaining: textbook properties
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [F(1, 2), F(1, 3), F(9, 10), F(1, 100)])
def test_asymmetric_nash_bargaining_maximises_the_weighted_nash_product(alpha):
    game = profit_and_loss_game(10, -4, 1, 1)
    nb = nash_bargaining_transfer(game, (0, 0), (1, 1), 0, 1, weights=(alpha, 1 - alpha))
    # each gets its disagreement payoff (0) plus its share of the surplus 4
    assert nb.gains == (alpha * 4, (1 - alpha) * 4) and nb.transfer == 9 - alpha * 4
    a = float(alpha)

    def minus_log_product(t):
        return -(a * math.log(9 - t) + (1 - a) * math.log(t - 5))

    best = minimize_scalar(
        minus_log_product, bounds=(5 + 1e-12, 9 - 1e-12), method="bounded", options={"xatol": 1e-10}
    )
    assert abs(best.x - float(nb.transfer)) < 1e-6


def test_nash_bargaining_symbolic_bargaining_power():
    alpha = sympy.Symbol("alpha", positive=True)
    nb = nash_bargaining_transfer(SEGMENTATION, (0, 0), (0, 1), 0, 1, weights=(alpha, 1 - alpha))
    assert nb.kind == "symbolic"
    assert sympy.simplify(nb.transfer - (3 - alpha)) == 0  # upper - w_payer * surplus
    assert nb.transfer.subs(alpha, sympy.Rational(1, 2)) == sympy.Rational(5, 2)
    assert nb.condition.subs(alpha, sympy.Rational(1, 4)) is sympy.true


def test_float_game_gives_floats_and_uses_the_tolerance():
    game = SEGMENTATION.evalf()
    r = bargaining_range(game, (0, 0), (0, 1), 0, 1)
    assert isinstance(r.lower, float) and (r.lower, r.upper) == (2.0, 3.0)
    assert r.contains(3.0 + 1e-12) and not r.contains(3.0 + 1e-6)
    assert nash_bargaining_transfer(game, (0, 0), (0, 1), 0, 1).transfer == 2.5
    # a surplus of -1e-16 (rounding) is not "empty" within the default tolerance 1e-9
    tiny = Game([[0.1 + 0.2, 0.0], [0.0, 0.0]], [[-0.3, 0.0], [0.0, 0.0]])
    assert bargaining_range(tiny, (0, 0), (1, 1), 0, 1).empty is False
    assert bargaining_range(tiny, (0, 0), (1, 1), 0, 1, tol=0).empty is (0.1 + 0.2 - 0.3 < 0)
    nb = nash_bargaining_share(10.0, 2, 3, weights=(0.25, 0.75))
    assert isinstance(nb.transfer, float) and abs(nb.transfer - (3 + 0.75 * 5) / 10) < 1e-12


# --------------------------------------------------------------------------------------------
# N players
# --------------------------------------------------------------------------------------------


def test_three_player_range_reports_the_other_players():
    # player 3 gains 1 from the move; the transfer between players 1 and 2 leaves it unaffected
    shape = (2, 2, 2)
    u = [np.zeros(shape, dtype=object) for _ in range(3)]
    u[0][0, 0, 0], u[1][0, 0, 0], u[2][0, 0, 0] = 6, -1, 1
    u[0][1, 1, 1], u[1][1, 1, 1], u[2][1, 1, 1] = 2, 1, 0
    game = Game.from_arrays(*u, players=["A", "B", "C"])
    r = bargaining_range(game, (0, 0, 0), (1, 1, 1), "A", "B")
    assert (r.lower, r.upper) == (2, 4) and r.others == (("C", 1),)
    assert r.others_weakly_better is True and "others weakly better off: True" in repr(r)
    r2 = bargaining_range(game, (1, 1, 1), (0, 0, 0), "B", "A")
    assert r2.others == (("C", -1),) and r2.others_weakly_better is False
    nb = r.nash_bargaining()
    assert nb.transfer == 3 and nb.profile_payoffs == (3, 2, 1)


# --------------------------------------------------------------------------------------------
# Property tests on random exact games
# --------------------------------------------------------------------------------------------

payoff = st.integers(-6, 6)


@st.composite
def games_with_pair(draw, max_players=3):
    n = draw(st.integers(2, max_players))
    shape = tuple(draw(st.integers(1 if n == 3 else 2, 3)) for _ in range(n))
    arrays = [
        np.array(
            draw(st.lists(payoff, min_size=math.prod(shape), max_size=math.prod(shape))),
            dtype=object,
        ).reshape(shape)
        for _ in range(n)
    ]
    game = Game.from_arrays(*arrays)
    target = tuple(draw(st.integers(0, k - 1)) for k in shape)
    sq = tuple(draw(st.integers(0, k - 1)) for k in shape)
    payer, payee = draw(st.permutations(range(n)))[:2]
    return game, target, sq, payer, payee


@FAST
@given(games_with_pair(), st.fractions(0, 1))
def test_every_transfer_in_the_range_is_a_weak_pareto_improvement(data, lam):
    game, target, sq, i, j = data
    r = bargaining_range(game, target, sq, i, j)
    ut, us = game.payoff(target), game.payoff(sq)
    surplus = ut[i] + ut[j] - us[i] - us[j]
    assert r.surplus == surplus and r.empty == (surplus < 0)

    def payer_ok(t):
        return ut[i] - t >= us[i]

    def payee_ok(t):
        return ut[j] + t >= us[j]

    if not r.empty:
        for t in (r.lower, r.upper, r.midpoint, r.lower + lam * (r.upper - r.lower)):
            assert r.contains(t) and payer_ok(t) and payee_ok(t)
        nb = r.nash_bargaining()
        assert r.contains(nb.transfer) and nb.gains[0] == nb.gains[1] == surplus / 2
    else:
        assert r.lower > r.upper
        with pytest.raises(ValueError):
            r.nash_bargaining()
    # just outside the range one of the two is strictly worse off
    assert not payee_ok(r.lower - EPS) and not r.contains(r.lower - EPS)
    assert not payer_ok(r.upper + EPS) and not r.contains(r.upper + EPS)
    assert r.others_weakly_better == all(
        ut[k] >= us[k] for k in range(game.n_players) if k not in (i, j)
    )


@FAST
@given(games_with_pair(), st.sampled_from(["target", "payee"]), st.booleans())
def test_self_enforcing_range_matches_best_responses(data, conditional_on, with_sq):
    game, target, sq, i, j = data
    r = self_enforcing_transfer_range(
        game, target, i, j, status_quo=sq if with_sq else None, conditional_on=conditional_on
    )
    ut, us = game.payoff(target), game.payoff(sq)

    def works(t):
        g = with_transfer(game, target, i, j, t, conditional_on)
        ne = is_equilibrium(g, target)
        return ne and (not with_sq or (ut[i] - t >= us[i] and ut[j] + t >= us[j]))

    finite = [b for b in (r.lower, r.upper) if not math.isinf(b)]
    candidates = [b + d for b in finite for d in (-EPS, 0, EPS)] + [F(0), F(-20), F(20)]
    if len(finite) == 2 and r.lower <= r.upper:
        candidates.append((r.lower + r.upper) / 2)
    for t in candidates:
        assert r.contains(t) == works(t), (t, r)
    assert r.empty == (not any(works(t) for t in candidates))


x, y, z = parameters("x y z")


@FAST
@given(st.lists(st.integers(-5, 5), min_size=3, max_size=3))
def test_symbolic_bounds_agree_with_numeric_substitution(values):
    game = Game([[x, 1], [y, 2]], [[z, 0], [3, x - y]])
    r = bargaining_range(game, (0, 0), (1, 1), 0, 1)
    se = self_enforcing_transfer_range(game, (0, 0), 0, 1, status_quo=(1, 1))
    assert r.kind == "symbolic"
    env = dict(zip((x, y, z), values, strict=True))
    num = game.subs(env)
    rn = bargaining_range(num, (0, 0), (1, 1), 0, 1)
    assert r.lower.subs(env) == rn.lower and r.upper.subs(env) == rn.upper
    assert bool(r.empty.subs(env)) == rn.empty and bool(r.condition.subs(env)) == (not rn.empty)
    nb_sym = r.nash_bargaining()
    if not rn.empty:
        assert nb_sym.transfer.subs(env) == rn.nash_bargaining().transfer
        assert bool(r.contains(rn.midpoint).subs(env))
    sen = self_enforcing_transfer_range(num, (0, 0), 0, 1, status_quo=(1, 1))
    assert se.lower.subs(env) == sen.lower and se.upper.subs(env) == sen.upper
    assert bool(se.condition.subs(env)) == (not sen.empty)


def test_symbolic_game_range_and_conditions():
    a, b = parameters("a b", positive=True)
    game = Game([[a, 0], [0, 1]], [[-b, 0], [0, 0]])
    r = bargaining_range(game, (0, 0), (1, 1), 0, 1)
    assert (r.lower, r.upper) == (b, a - 1)
    assert r.empty == sympy.StrictLessThan(a - b - 1, 0)
    assert r.condition == sympy.GreaterThan(a - b - 1, 0)
    assert r.midpoint == (a + b - 1) / 2
    assert r.contains(b) == sympy.GreaterThan(a - b - 1, 0)
    assert "non-empty when" in repr(r)
    # a positivity assumption that decides the sign gives a sympy boolean atom
    r2 = bargaining_range(Game([[a + 1, 0], [0, 0]], [[b, 0], [0, 0]]), (0, 0), (1, 1), 0, 1)
    assert r2.empty is sympy.false and r2.condition is sympy.true
    # revenue sharing with symbols: the closed form of §4.2
    R, C, L = parameters("R C_A L_B", positive=True)
    share = revenue_share_range(R, C, L)
    assert (
        sympy.simplify(share.lower - L / R) == 0 and sympy.simplify(share.upper - (1 - C / R)) == 0
    )
    s_nb = nash_bargaining_share(R, C, L).transfer
    assert sympy.simplify(s_nb - (R + L - C) / (2 * R)) == 0
    lam = sympy.Symbol("lambda", nonnegative=True)
    mu = joint_performance_weight(9, 3, lam)
    assert mu.subs(lam, 1) == sympy.Rational(1, 2) and mu.subs(lam, sympy.Rational(1, 4)) == 0


def test_prisoners_dilemma_cannot_be_fixed_by_a_transfer_on_the_target_alone():
    pd = Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    r = self_enforcing_transfer_range(pd, ("C", "C"), 0, 1)
    assert (r.lower, r.upper) == (2, -2) and r.empty is True
    assert ("Player 2", "deviation to D", ">=", 2) in r.constraints
    # conditional on the payee's cooperation the payer still wants to defect
    r2 = self_enforcing_transfer_range(pd, ("C", "C"), 0, 1, conditional_on="payee")
    assert r2.lower == 2 and math.isinf(r2.upper) and r2.empty is True
    assert ("Player 1", "deviation to D", "holds", False) in r2.constraints
    with pytest.raises(ValueError, match="unbounded"):
        _ = r2.midpoint


# --------------------------------------------------------------------------------------------
# Cooperation types
# --------------------------------------------------------------------------------------------


def test_cooperation_types_by_gains():
    assert cooperation_type([4, 4]).kind == "sharing"
    assert cooperation_type([F(1, 2), 0.5]).kind == "sharing"
    assert cooperation_type([1, 1, 1]).remedy == Remedy.COORDINATION
    assert cooperation_type([5, 0]).kind == "comparative_benefit"
    assert cooperation_type([3, 2, -1]).kind == "profit_and_loss"
    assert cooperation_type([3, 2, -1]).losers == (2,)
    assert cooperation_type([1, -1]).kind == "no_gain"  # zero joint surplus
    assert cooperation_type([0, 0]).remedy == Remedy.NONE
    assert cooperation_type([-1, -3]).kind == "no_gain"
    assert cooperation_type([0.1 + 0.2, 0.3]).kind == "sharing"  # equal within tol
    assert "comparative_benefit" in repr(cooperation_type([9, 3]))
    g = parameters("g", positive=True)[0]
    assert cooperation_type([g, g]).kind == "sharing"
    assert cooperation_type([2 * g, -g]).kind == "profit_and_loss"
    with pytest.raises(UnboundParameterError, match="depends on the parameters"):
        cooperation_type([x, 1])


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def test_bad_input_is_rejected_with_clear_errors():
    g = SEGMENTATION
    with pytest.raises(ValueError, match="different players"):
        bargaining_range(g, (0, 0), (0, 1), "D", 0)
    with pytest.raises(ValueError, match="unknown player 'Z'"):
        bargaining_range(g, (0, 0), (0, 1), "Z", "U")
    with pytest.raises(ValueError, match="player index 2 out of range"):
        bargaining_range(g, (0, 0), (0, 1), 0, 2)
    with pytest.raises(ValueError, match=r"target: .*no action 'X'"):
        bargaining_range(g, ("X", "I"), (0, 1), 0, 1)
    with pytest.raises(ValueError, match=r"status_quo: .*one entry per player"):
        bargaining_range(g, (0, 0), (0,), 0, 1)
    with pytest.raises(TypeError, match="Game"):
        bargaining_range([[1]], (0, 0), (0, 1), 0, 1)
    for weights, message in [
        ((0, 1), "strictly between 0 and 1"),
        ((F(1, 3), F(1, 3)), "sum to 1"),
        ((1.5, -0.5), "strictly between"),
        ((0.5,), "pair"),
        ((float("nan"), 0.5), "NaN"),
    ]:
        with pytest.raises(ValueError, match=message):
            nash_bargaining_transfer(g, (0, 0), (0, 1), 0, 1, weights=weights)
    with pytest.raises(TypeError, match="pair"):
        nash_bargaining_transfer(g, (0, 0), (0, 1), 0, 1, weights=0.5)
    r = bargaining_range(g, (0, 0), (0, 1), 0, 1)
    with pytest.raises(ValueError, match="NaN"):
        r.contains(float("nan"))
    with pytest.raises(TypeError, match="boolean"):
        r.contains(True)
    with pytest.raises(ValueError, match="revenue R = 0 must be positive"):
        revenue_share_range(0, 1, 1)
    with pytest.raises(ValueError, match="host_cost"):
        revenue_share_range(10, -1, 1)
    with pytest.raises(ValueError, match="infinite"):
        revenue_share_range(float("inf"), 1, 1)
    with pytest.raises(ValueError, match="exceeds 1"):
        relative_evaluation_transfer_range(9, 3, F(3, 2))
    with pytest.raises(ValueError, match="negative"):
        joint_performance_weight(9, 3, -1)
    with pytest.raises(ValueError, match="not positive"):
        joint_performance_weight(3, -3, F(1, 2))
    with pytest.raises(ValueError, match="conditional_on"):
        self_enforcing_transfer_range(g, (0, 0), 0, 1, conditional_on="both")
    with pytest.raises(TypeError, match="needs both profiles"):
        cooperation_type(g, (0, 0))
    with pytest.raises(ValueError, match="at least 2 players"):
        cooperation_type([3])
    with pytest.raises(ValueError, match="costs"):
        cooperation_type([3, 2], costs=[1])
    with pytest.raises(ValueError, match="tol"):
        bargaining_range(g, (0, 0), (0, 1), 0, 1, tol=-1)
    with pytest.raises(ValueError, match="surplus"):
        nash_bargaining_share(4, 2, 3)


def test_more_edge_cases():
    import doctest

    import gametheory.bargaining as module

    assert doctest.testmod(module).failed == 0
    # a decidably empty symbolic range has no midpoint and no Nash bargaining solution
    a = parameters("a", positive=True)[0]
    empty = bargaining_range(Game([[-a, 0], [0, 0]], [[-1, 0], [0, 0]]), (0, 0), (1, 1), 0, 1)
    assert empty.empty is sympy.true
    with pytest.raises(ValueError, match="empty"):
        _ = empty.midpoint
    with pytest.raises(ValueError, match="negative"):
        empty.nash_bargaining()
    # an empty numeric range stays empty with symbolic weights
    alpha = sympy.Symbol("alpha", positive=True)
    with pytest.raises(ValueError, match="negative"):
        coasean_transfer_range(1, -3).nash_bargaining((alpha, 1 - alpha))
    # a float mixed status quo of an exact game gives floats
    r = bargaining_range(STAG_HUNT, (0, 0), ([0.5, 0.5], [0.5, 0.5]), 0, 1)
    assert r.kind == "float" and (r.lower, r.upper) == (-3.5, 3.5)  # d = (1/2, 1/2)
    # symbolic relative-evaluation weight: lambda in [0, 1] becomes part of the condition
    lam = sympy.Symbol("lambda")
    rel = relative_evaluation_transfer_range(9, 3, lam)
    assert rel.condition.subs(lam, sympy.Rational(1, 2)) is sympy.true
    assert rel.condition.subs(lam, 2) is sympy.false
    assert sympy.simplify(rel.lower - (9 * lam - 3) / (1 + lam)) == 0
    g = parameters("g")[0]
    with pytest.raises(UnboundParameterError, match="joint gain"):
        joint_performance_weight(g, 3, F(1, 2))


def test_xinan_coasean_range_for_the_conditional_payment():
    # MODELS.md §5.3: without central money and with deterministic monitoring, c_U <= X <= B_D;
    # X-b numbers c_U = 3/2, B_D = 6. Rows: Anhui protects / lax; columns: Zhejiang agrees / not.
    c_u, b_d = F(3, 2), 6
    game = Game(
        [[-c_u, -c_u], [0, 0]],
        [[b_d, b_d], [0, 0]],
        players=["Anhui", "Zhejiang"],
        actions=[["Protect", "Lax"], ["Agree", "No"]],
    )
    r = bargaining_range(game, ("Protect", "Agree"), ("Lax", "No"), "Zhejiang", "Anhui")
    assert (r.lower, r.upper) == (c_u, b_d)
    # paid whenever Anhui protects: Anhui's incentive X >= c_U coincides with its participation
    se = self_enforcing_transfer_range(
        game,
        ("Protect", "Agree"),
        "Zhejiang",
        "Anhui",
        status_quo=("Lax", "No"),
        conditional_on="payee",
    )
    assert (se.lower, se.upper) == (c_u, b_d)
    # K-d: at lambda = 1 B refuses without a transfer (t = 0 is outside the one-point range)
    assert not relative_evaluation_transfer_range(9, 3, 1).contains(0)


@pytest.mark.parametrize("scale", [1.0, 1e6, 1e12])
def test_float_tolerance_is_relative_to_the_payoffs(scale):
    # 0.1 + 0.2 != 0.3 in floats: a tie at every scale, as in the rest of the toolkit
    g = Game(
        np.array([[0.3, 0.0], [0.1 + 0.2, 0.0]]) * scale,
        np.array([[0.5, 0.0], [0.0, 0.0]]) * scale,
    )
    r = self_enforcing_transfer_range(g, (0, 0), 0, 1, conditional_on="payee")
    assert is_equilibrium(r.transfer_game(0), (0, 0))
    assert r.contains(0) and not r.empty
    assert cooperation_type([0.3 * scale, (0.1 + 0.2) * scale]).kind == "sharing"
