"""Tests for gametheory.repeated: critical discount factors, transfers, tenure, finite horizon.

The thresholds are checked against textbook closed forms, the MODELS.md §7.6 oracles, and an
independent one-shot-deviation checker written here: each strategy profile is a finite automaton
whose normalised values are solved exactly (Fractions, Gaussian elimination), and every one-shot
deviation at every state is tested (Mailath & Samuelson 2006, Prop. 2.2.1).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.repeated import (
    DELTA,
    CriticalDiscount,
    RepeatedGame,
    critical_discount_factor,
    effective_discount,
    equalizing_transfer,
    finite_horizon_spe,
    minimal_expected_tenure,
    minimal_reappointment_probability,
    minimal_stay_probability,
    term_incentive,
    threshold_with_penalty,
    threshold_with_transfer,
)

F = Fraction
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CC = ("C", "C")


def pd(T, R, P, S):
    """Symmetric prisoner's dilemma with actions C, D."""
    return gt.Game([[R, S], [T, P]], [[R, T], [S, P]], actions=[["C", "D"], ["C", "D"]])


PD = pd(5, 3, 1, 0)
#: MODELS.md §7.6 R-b: (T1, R1, P1) = (6, 4, 1), (T2, R2, P2) = (5, 2, 1); S = 0.
RB = gt.Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
#: Abreu-style game: L cooperative, M the stage equilibrium, H the stick (payoffs symmetric).
ABREU = gt.Game(
    [[10, 3, 0], [15, 7, -4], [7, 5, -15]],
    [[10, 15, 7], [3, 7, 5], [0, -4, -15]],
    actions=[["L", "M", "H"], ["L", "M", "H"]],
)


# --------------------------------------------------------------------------------------------
# Independent checker: automata, exact values, one-shot deviations
# --------------------------------------------------------------------------------------------


def solve(matrix, rhs):
    """Solve a square linear system in Fractions (Gauss-Jordan)."""
    n = len(rhs)
    m = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    for col in range(n):
        piv = next(r for r in range(col, n) if m[r][col] != 0)
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        m[col] = [x / p for x in m[col]]
        for r in range(n):
            if r != col and m[r][col] != 0:
                f = m[r][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[r][n] for r in range(n)]


def payoff_arrays(game):
    return game.as_fractions()


def is_spe(game, states, play, nxt, delta):
    """One-shot deviation check of the automaton (states, play[s], nxt(s, profile))."""
    arrays = payoff_arrays(game)
    index = {s: k for k, s in enumerate(states)}
    n = len(states)
    for i, u in enumerate(arrays):
        matrix = [[F(int(r == c)) for c in range(n)] for r in range(n)]
        rhs = []
        for s in states:
            r = index[s]
            matrix[r][index[nxt(s, play[s])]] -= delta
            rhs.append((1 - delta) * u[play[s]])
        values = solve(matrix, rhs)
        for s in states:
            for a in range(game.shape[i]):
                dev = tuple(a if k == i else x for k, x in enumerate(play[s]))
                v = (1 - delta) * u[dev] + delta * values[index[nxt(s, dev)]]
                if v > values[index[s]]:
                    return False
    return True


def deviators(profile, target):
    return [k for k, (a, b) in enumerate(zip(profile, target, strict=True)) if a != b]


def grim_automaton(coop, pun):
    states = ["coop", *range(len(coop))]
    play = {"coop": coop, **{i: pun[i] for i in range(len(coop))}}

    def nxt(s, prof):
        if s != "coop":
            return s
        dev = deviators(prof, coop)
        return "coop" if not dev else dev[0]

    return states, play, nxt


def limited_automaton(coop, pun, k):
    n = len(coop)
    states = ["coop"] + [(i, j) for i in range(n) for j in range(1, k + 1)]
    play = {"coop": coop, **{(i, j): pun[i] for i in range(n) for j in range(1, k + 1)}}

    def nxt(s, prof):
        if s == "coop":
            dev = deviators(prof, coop)
            return "coop" if not dev else (dev[0], 1)
        i, j = s
        return "coop" if j == k else (i, j + 1)

    return states, play, nxt


def stick_automaton(coop, stick):
    states = ["coop", "stick"]
    play = {"coop": coop, "stick": stick}

    def nxt(s, prof):
        target = coop if s == "coop" else stick
        return "coop" if prof == target else "stick"

    return states, play, nxt


def tft_automaton(coop):
    defect = tuple(1 - a for a in coop)
    profiles = [(x, y) for x in (coop[0], defect[0]) for y in (coop[1], defect[1])]
    states = [("last", p) for p in profiles]
    # in the state "last profile p" each player copies the other's action in p
    play = {("last", p): (_as(coop, defect, 0, p[1]), _as(coop, defect, 1, p[0])) for p in profiles}

    def nxt(s, prof):
        return ("last", prof)

    return states, play, nxt


def _as(coop, defect, player, other_action):
    """Tit-for-tat: player copies the other's last move (cooperate iff the other cooperated)."""
    other = 1 - player
    return coop[player] if other_action == coop[other] else defect[player]


def tft_spe(game, coop, delta):
    states, play, nxt = tft_automaton(coop)
    return is_spe(game, states, play, nxt, delta)


def tft_nash(game, coop, delta):
    """Nash check: best reply to TFT from the initial state (two-state decision problem)."""
    arrays = payoff_arrays(game)
    defect = tuple(1 - a for a in coop)
    for i in range(2):
        j = 1 - i

        def u(own, other, i=i, j=j):
            prof = [0, 0]
            prof[i], prof[j] = own, other
            return arrays[i][tuple(prof)]

        # value iteration is replaced by exact policy enumeration of the 2-state MDP
        best = None
        for policy in [(a, b) for a in (coop[i], defect[i]) for b in (coop[i], defect[i])]:
            # state 0: opponent plays coop[j]; state 1: opponent plays defect[j]
            opp = (coop[j], defect[j])
            matrix = [[F(1), F(0)], [F(0), F(1)]]
            rhs = []
            for s in range(2):
                a = policy[s]
                t = 0 if a == coop[i] else 1
                matrix[s][t] -= delta
                rhs.append((1 - delta) * u(a, opp[s]))
            v = solve(matrix, rhs)[0]
            best = v if best is None else max(best, v)
        if best > u(coop[i], coop[j]):
            return False
    return True


def grid():
    return [F(k, 20) for k in range(1, 20)]


# --------------------------------------------------------------------------------------------
# Grim trigger
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("T", "R", "P", "S"),
    [(5, 3, 1, 0), (6, 4, 2, 0), (4, 3, 1, 0), (10, 3, 1, -2), (F(7, 2), 3, 1, 0)],
)
def test_grim_prisoners_dilemma_textbook(T, R, P, S):
    result = critical_discount_factor(pd(T, R, P, S), CC)
    expected = F(T - R) / F(T - P)
    assert result.overall == expected
    assert result.per_player == (expected, expected)
    assert isinstance(result.overall, Fraction)
    assert result.sustainable is True
    assert result.region == sympy.Interval.Ropen(sympy.Rational(expected), 1)
    assert result.punishment == ((1, 1), (1, 1))


def test_oracle_r_a_and_s_a():
    assert critical_discount_factor(pd(5, 3, 1, 0), CC).overall == F(1, 2)  # R-a
    assert critical_discount_factor(pd(6, 4, 2, 0), CC).overall == F(1, 2)  # S-a: (r - e)/m


def test_oracle_r_b_asymmetric_thresholds():
    result = critical_discount_factor(RB, CC)
    assert result.per_player == (F(2, 5), F(3, 4))
    assert result.overall == F(3, 4)
    text = repr(result)
    assert "Player 1: δ* = 2/5" in text and "overall: δ* = 3/4" in text


def test_grim_n_player_linear_pd():
    """MODELS.md §2.3 with κ = 0: u_i = m·(open others) + s_i (r - e); δ* = (r - e)/(m (N - 1))."""
    m, gain, n = 1, 1, 3
    arrays = [np.zeros((2,) * n, dtype=object) for _ in range(n)]
    for prof in np.ndindex((2,) * n):
        for i in range(n):
            arrays[i][prof] = m * sum(1 for k in range(n) if k != i and prof[k] == 0) + (
                gain * prof[i]
            )
    game = gt.Game.from_arrays(*arrays)
    result = critical_discount_factor(game, (0, 0, 0))
    assert result.overall == F(gain, m * (n - 1))
    assert result.per_player == (F(1, 2),) * 3
    assert result.punishment == ((1, 1, 1),) * 3


def test_grim_edge_cases():
    # cooperation is itself a stage equilibrium: threshold 0 for everybody
    stag = gt.Game([[4, 0], [3, 3]], [[4, 3], [0, 3]])
    result = critical_discount_factor(stag, (0, 0))
    assert result.overall == 0 and result.sustainable is True
    assert result.region == sympy.Interval.open(0, 1)
    # cooperation worth less than the punishment: never sustainable
    bad = pd(5, 1, 2, 0)
    result = critical_discount_factor(bad, CC)
    assert result.overall == 1 and result.sustainable is False
    assert result.region == sympy.S.EmptySet
    # C = P < D: the threshold is exactly 1, not attained for δ < 1
    result = critical_discount_factor(pd(5, 1, 1, 0), CC)
    assert result.overall == 1 and result.sustainable is False


def test_grim_player_specific_default_punishment():
    """Battle-of-the-sexes-like stage game with two pure equilibria: each deviator is punished
    by the equilibrium worst for him."""
    A = [[3, 0, 0], [0, 2, 0], [4, 0, 1]]
    B = [[3, 0, 4], [0, 1, 0], [0, 0, 2]]
    game = gt.Game(A, B)
    eqs = {eq.pure_profile for eq in gt.pure_equilibria(game)}
    assert eqs == {(1, 1), (2, 2)}
    result = critical_discount_factor(game, (0, 0))
    assert result.punishment == ((2, 2), (1, 1))
    # player 1: D = 4, C = 3, P = u1(2,2) = 1 -> 1/3; player 2: D = 4, C = 3, P = 1 -> 1/3
    assert result.per_player == (F(1, 3), F(1, 3))
    states, play, nxt = grim_automaton((0, 0), result.punishment)
    assert is_spe(game, states, play, nxt, F(1, 3))
    assert not is_spe(game, states, play, nxt, F(1, 3) - F(1, 100))
    # a common punishment given explicitly, and a mapping
    common = critical_discount_factor(game, (0, 0), punishment=(2, 2))
    assert common.per_player == (F(1, 3), F(4 - 3, 4 - 2))
    mapped = critical_discount_factor(game, (0, 0), punishment={1: (2, 2)})
    assert mapped.punishment == ((2, 2), (2, 2))


def test_grim_float_game_gives_floats():
    result = critical_discount_factor(PD.evalf(), CC)
    assert isinstance(result.overall, float) and result.overall == 0.5
    assert all(isinstance(v, float) for v in result.per_player)


def test_grim_conditions_are_the_one_shot_inequalities():
    result = critical_discount_factor(PD, CC)
    label, inequality = result.conditions[0]
    assert "player 1" in label
    assert inequality.subs(DELTA, F(1, 2)) in (True, sympy.true)
    assert inequality.subs(DELTA, sympy.Rational(49, 100)) in (False, sympy.false)


# --------------------------------------------------------------------------------------------
# Symbolic thresholds
# --------------------------------------------------------------------------------------------


def test_symbolic_grim_closed_form():
    g, loss = gt.parameters("g l", positive=True)
    game = gt.Game([[1, -loss], [1 + g, 0]], [[1, 1 + g], [-loss, 0]])
    result = critical_discount_factor(game, (0, 0))
    assert sympy.simplify(result.overall - g / (1 + g)) == 0
    assert result.sustainable is True
    assert result.region == sympy.Interval.Ropen(g / (g + 1), 1)


@pytest.mark.parametrize("values", [(5, 3, 1, 0), (10, 3, 1, -2), (4, 3, 3, 0), (5, 1, 2, 0)])
def test_symbolic_grim_equals_numeric_substitution(values):
    T, R, P, S = sympy.symbols("T R P S", real=True)
    game = gt.Game([[R, S], [T, P]], [[R, T], [S, P]])
    result = critical_discount_factor(game, (0, 0), punishment=(1, 1))
    sub = dict(zip((T, R, P, S), values, strict=True))
    numeric = critical_discount_factor(pd(*values), CC, punishment=(1, 1))
    assert sympy.nsimplify(result.overall.subs(sub)) == sympy.Rational(numeric.overall)
    assert bool(result.sustainable.subs(sub)) == numeric.sustainable


def test_symbolic_tft_and_stick():
    g = sympy.Symbol("g", positive=True)
    game = gt.Game([[2, -1], [2 + g, 0]], [[2, 2 + g], [-1, 0]])
    tft = critical_discount_factor(game, (0, 0), strategy="tit_for_tat")
    stick = critical_discount_factor(game, (0, 0), strategy="stick_and_carrot")
    # Nash: max((T - R)/(T - P), (T - R)/(R - S)) = max(g/(g + 2), g/3), 1 once g/3 >= 1
    expected = sympy.Max(g / (g + 2), sympy.Piecewise((g / 3, g < 3), (1, True)))
    for value in (F(1, 2), 1, 3, 4):
        assert tft.overall.subs(g, value) == expected.subs(g, value)
        for result, strategy in ((tft, "tit_for_tat"), (stick, "stick_and_carrot")):
            numeric = critical_discount_factor(game.subs(g=value), (0, 0), strategy=strategy)
            assert sympy.nsimplify(result.overall.subs(g, value)) == sympy.Rational(numeric.overall)


def test_symbolic_limited_punishment_two_periods():
    g = sympy.Symbol("g", positive=True)
    game = gt.Game([[2, 0], [2 + g, 1]], [[2, 2 + g], [0, 1]])
    result = critical_discount_factor(game, (0, 0), strategy="limited_punishment", periods=2)
    for value in (F(1, 2), 1, F(3, 2)):
        numeric = critical_discount_factor(
            game.subs(g=value), (0, 0), strategy="limited_punishment", periods=2
        )
        assert sympy.simplify(result.overall.subs(g, value) - numeric.overall) == 0
    with pytest.raises(ValueError, match="bind the parameters"):
        critical_discount_factor(game, (0, 0), strategy="limited_punishment", periods=3)


# --------------------------------------------------------------------------------------------
# Tit for tat, limited punishment, stick and carrot
# --------------------------------------------------------------------------------------------


def test_tit_for_tat_prisoners_dilemma():
    result = critical_discount_factor(PD, CC, strategy="tit_for_tat")
    assert result.concept == "Nash"
    assert result.overall == F(2, 3)  # max((T-R)/(T-P), (T-R)/(R-S)) = max(1/2, 2/3)
    assert result.nash_threshold == F(2, 3)
    assert result.subgame_perfect == sympy.S.EmptySet  # (P-S)/(T-P) = 1/4 != 2/3
    assert len(result.conditions) == 10
    for delta in grid():
        assert tft_nash(PD, (0, 0), delta) == (delta >= F(2, 3))
        assert not tft_spe(PD, (0, 0), delta)


def test_tit_for_tat_subgame_perfect_at_one_point():
    """Mailath & Samuelson's PD (R, T, S, P) = (2, 3, -1, 0), T + S = R + P: TFT is an SPE
    exactly at δ = (T - R)/(R - S) = 1/3."""
    game = pd(3, 2, 0, -1)
    result = critical_discount_factor(game, CC, strategy="tit_for_tat")
    assert result.subgame_perfect == sympy.FiniteSet(sympy.Rational(1, 3))
    assert result.overall == F(1, 3)
    assert tft_spe(game, (0, 0), F(1, 3))
    assert not tft_spe(game, (0, 0), F(1, 3) + F(1, 100))
    assert not tft_spe(game, (0, 0), F(1, 3) - F(1, 100))


def test_limited_punishment_closed_forms():
    one = critical_discount_factor(pd(4, 3, 1, 0), CC, strategy="limited_punishment", periods=1)
    assert one.overall == F(1, 2)  # (D - C)/(C - P)
    two = critical_discount_factor(PD, CC, strategy="limited_punishment", periods=2)
    assert sympy.simplify(two.overall - (sympy.sqrt(5) - 1) / 2) == 0
    three = critical_discount_factor(PD, CC, strategy="limited_punishment", periods=3)
    root = sympy.sympify(three.overall)
    assert sympy.simplify(root**3 + root**2 + root - 1) == 0 and 0 < root < 1
    # one period is not enough when D - C >= C - P
    never = critical_discount_factor(PD, CC, strategy="limited_punishment", periods=1)
    assert never.sustainable is False and never.overall == 1
    # longer punishments need less patience and tend to grim's (T - R)/(T - P)
    values = [
        float(critical_discount_factor(PD, CC, strategy="limited_punishment", periods=k).overall)
        for k in (2, 3, 5, 12)
    ]
    assert values == sorted(values, reverse=True) and values[-1] > 0.5


def test_stick_and_carrot_beats_nash_reversion():
    grim = critical_discount_factor(ABREU, ("L", "L"))
    assert grim.overall == F(5, 8)
    stick = critical_discount_factor(ABREU, ("L", "L"), ("H", "H"), "stick_and_carrot")
    assert stick.overall == F(3, 5)  # max((15 - 10)/25, (0 + 15)/25)
    states, play, nxt = stick_automaton((0, 0), (2, 2))
    assert is_spe(ABREU, states, play, nxt, F(3, 5))
    assert not is_spe(ABREU, states, play, nxt, F(3, 5) - F(1, 1000))
    # the default stick of a 2x2 game is mutual defection: one period, as limited punishment
    default = critical_discount_factor(pd(4, 3, 1, 0), CC, strategy="stick_and_carrot")
    assert default.punishment == ((1, 1), (1, 1)) and default.overall == F(1, 2)


# --------------------------------------------------------------------------------------------
# Cross-check against the one-shot-deviation checker on random games
# --------------------------------------------------------------------------------------------

payoff = st.integers(-4, 6)


@st.composite
def games(draw, shapes=((2, 2), (2, 3), (3, 3), (2, 2, 2))):
    shape = draw(st.sampled_from(shapes))
    size = int(np.prod(shape))
    arrays = [np.array(draw(st.lists(payoff, min_size=size, max_size=size))).reshape(shape)]
    for _ in range(len(shape) - 1):
        arrays.append(np.array(draw(st.lists(payoff, min_size=size, max_size=size))).reshape(shape))
    game = gt.Game.from_arrays(*arrays)
    coop = tuple(draw(st.integers(0, s - 1)) for s in shape)
    return game, coop


def check_region(result, spe_at):
    points = set(grid())
    for v in result.per_player:
        v = sympy.sympify(v)
        if v.is_Rational and 0 < v < 1:
            points |= {F(int(v.p), int(v.q)), F(int(v.p), int(v.q)) - F(1, 997)}
    for delta in sorted(points):
        if 0 < delta < 1:
            expected = bool(
                result.region.contains(sympy.Rational(delta.numerator, delta.denominator))
            )
            assert spe_at(delta) == expected, delta
            if result.sustainable and delta >= result.overall:
                assert expected


@FAST
@given(games())
def test_grim_matches_one_shot_deviation_checker(case):
    game, coop = case
    assume(gt.pure_equilibria(game))
    result = critical_discount_factor(game, coop)
    states, play, nxt = grim_automaton(coop, result.punishment)
    check_region(result, lambda d: is_spe(game, states, play, nxt, d))


@FAST
@given(games(), st.integers(1, 3))
def test_limited_punishment_matches_checker(case, k):
    game, coop = case
    assume(gt.pure_equilibria(game))
    result = critical_discount_factor(game, coop, strategy="limited_punishment", periods=k)
    states, play, nxt = limited_automaton(coop, result.punishment, k)
    check_region(result, lambda d: is_spe(game, states, play, nxt, d))


@FAST
@given(games(), st.data())
def test_stick_and_carrot_matches_checker(case, data):
    game, coop = case
    stick = tuple(data.draw(st.integers(0, s - 1)) for s in game.shape)
    result = critical_discount_factor(game, coop, stick, "stick_and_carrot")
    states, play, nxt = stick_automaton(coop, stick)
    check_region(result, lambda d: is_spe(game, states, play, nxt, d))


@FAST
@given(games(shapes=((2, 2),)))
def test_tit_for_tat_matches_checker(case):
    game, coop = case
    result = critical_discount_factor(game, coop, strategy="tit_for_tat")
    check_region(result, lambda d: tft_nash(game, coop, d))
    for delta in grid():
        rational = sympy.Rational(delta.numerator, delta.denominator)
        assert tft_spe(game, coop, delta) == bool(result.subgame_perfect.contains(rational))
    for point in (
        result.subgame_perfect if isinstance(result.subgame_perfect, sympy.FiniteSet) else ()
    ):
        assert tft_spe(game, coop, F(int(point.p), int(point.q)))


@FAST
@given(games(), st.sampled_from(["grim", "limited_punishment", "stick_and_carrot"]))
def test_float_games_give_the_floats_of_the_exact_thresholds(case, strategy):
    game, coop = case
    periods = 2 if strategy == "limited_punishment" else None
    stick = tuple(1 for _ in game.shape) if strategy == "stick_and_carrot" else None
    if strategy != "stick_and_carrot":
        assume(gt.pure_equilibria(game))
    exact = critical_discount_factor(game, coop, stick, strategy, periods=periods)
    floats = critical_discount_factor(game.evalf(), coop, stick, strategy, periods=periods)
    assert floats.per_player == pytest.approx([float(v) for v in exact.per_player], abs=1e-12)
    assert isinstance(floats.overall, float) and floats.sustainable == exact.sustainable


# --------------------------------------------------------------------------------------------
# Transfers and penalties
# --------------------------------------------------------------------------------------------


def test_oracle_r_b_equalizing_transfer():
    result = equalizing_transfer(RB, CC)
    assert (result.transfer, result.threshold) == (F(7, 9), F(5, 9))
    assert (result.payer, result.payee) == (0, 1)  # the patient player pays the impatient one
    assert result.before == (F(2, 5), F(3, 4)) and result.after == (F(5, 9), F(5, 9))
    assert result.sustainable is True
    with_t = threshold_with_transfer(RB, CC, F(7, 9))
    assert with_t.per_player == (F(5, 9), F(5, 9))
    # the equalising transfer minimises the larger threshold
    for t in (F(0), F(1, 2), F(3, 4), F(4, 5), F(1)):
        assert threshold_with_transfer(RB, CC, t).overall >= F(5, 9)
    # swapping the players swaps the roles
    swapped = equalizing_transfer(RB.permute_players((1, 0)), CC)
    assert (swapped.payer, swapped.payee, swapped.transfer) == (1, 0, F(7, 9))
    # explicit roles the other way round give the negative transfer
    reverse = equalizing_transfer(RB, CC, payer=1, payee=0)
    assert reverse.transfer == F(-7, 9) and reverse.threshold == F(5, 9)
    assert "t* = 7/9" in repr(result)


def test_transfer_checked_by_automaton():
    """A game with the transfer built into the payoffs of (C, C) has the same thresholds."""
    t = F(7, 9)
    paid = gt.Game([[4 - t, 0], [6, 1]], [[2 + t, 5], [0, 1]])
    states, play, nxt = grim_automaton((0, 0), ((1, 1), (1, 1)))
    assert is_spe(paid, states, play, nxt, F(5, 9))
    assert not is_spe(paid, states, play, nxt, F(5, 9) - F(1, 1000))


def test_symbolic_transfer():
    T1, R1, P1, T2, R2, P2 = sympy.symbols("T1 R1 P1 T2 R2 P2", real=True)
    game = gt.Game([[R1, 0], [T1, P1]], [[R2, T2], [0, P2]])
    result = equalizing_transfer(game, (0, 0), punishment=(1, 1), payer=0, payee=1)
    formula = ((T2 - R2) * (T1 - P1) - (T1 - R1) * (T2 - P2)) / ((T1 - P1) + (T2 - P2))
    sub = {T1: 6, R1: 4, P1: 1, T2: 5, R2: 2, P2: 1}
    assert result.transfer.subs(sub) == sympy.Rational(7, 9)
    assert sympy.simplify(result.transfer.subs(sub) - formula.subs(sub)) == 0
    assert result.threshold.subs(sub) == sympy.Rational(5, 9)


def test_penalty_models_formula_and_correction():
    T, R, P, S = 5, 3, 1, 0
    game = pd(T, R, P, S)
    for fine in (F(0), F(1, 2), F(1), F(2), F(3)):  # πF <= P - S or πF >= T - R: MODELS §7.2
        assert threshold_with_penalty(game, CC, fine).overall == max(0, T - R - fine) / F(T - P)
    # P - S < πF < T - R: mutual defection is no longer a stage equilibrium
    fine = F(3, 2)
    result = threshold_with_penalty(game, CC, fine)
    assert result.punishment == ((0, 1), (1, 0))
    assert result.overall == (T - R - fine) / (T - S - fine) == F(1, 7)
    assert result.overall > (T - R - fine) / F(T - P)  # the §7.2 value 1/8 is too optimistic
    fined = gt.Game([[3, 0], [5 - fine, 1 - fine]], [[3, 5 - fine], [0, 1 - fine]])
    states, play, nxt = grim_automaton((0, 0), result.punishment)
    assert is_spe(fined, states, play, nxt, F(1, 7))
    assert not is_spe(fined, states, play, nxt, F(1, 7) - F(1, 1000))
    # reverting to (D, D) is not credible there
    with pytest.raises(ValueError, match="not a Nash equilibrium"):
        threshold_with_penalty(game, CC, fine, punishment=("D", "D"))
    # symbolic fine: the §7.2 formula, valid while (D, D) stays a stage equilibrium (πF <= P - S)
    f = sympy.Symbol("f", nonnegative=True)
    symbolic = threshold_with_penalty(game, CC, f, punishment=("D", "D"))
    assert symbolic.overall.subs(f, sympy.Rational(1, 2)) == sympy.Rational(3, 8)
    assert symbolic.sustainable.subs(f, sympy.Rational(1, 2)) == sympy.true
    assert symbolic.sustainable.subs(f, sympy.Rational(3, 2)) == sympy.false
    # per-player fines
    assert threshold_with_penalty(game, CC, [F(1, 2), 0]).per_player == (F(3, 8), F(1, 2))
    with pytest.raises(ValueError, match="non-negative"):
        threshold_with_penalty(game, CC, -1)


# --------------------------------------------------------------------------------------------
# Tenure
# --------------------------------------------------------------------------------------------


def test_effective_discount_and_stay_probability():
    assert effective_discount(F(19, 20), F(4, 5)) == F(19, 25)
    assert effective_discount(0.95, 0.8) == pytest.approx(0.76, abs=1e-12)
    assert effective_discount(F(9, 10), 1) == F(9, 10)
    for bad in (0, 1, F(3, 2), -0.1, math.nan):
        with pytest.raises(ValueError):
            effective_discount(bad, F(1, 2))
    for bad in (0, F(11, 10)):
        with pytest.raises(ValueError):
            effective_discount(F(1, 2), bad)
    with pytest.raises(TypeError):
        effective_discount(True, F(1, 2))


def test_oracle_r_c_geometric_tenure():
    """(T, R, P) = (10, 3, 1): δ* = 7/9; ρ = 19/20: q_min = 140/171, L_min = 171/31."""
    delta_star = critical_discount_factor(pd(10, 3, 1, 0), CC).overall
    assert delta_star == F(7, 9)
    q_min = minimal_stay_probability(delta_star, F(19, 20))
    assert q_min == F(140, 171)
    assert minimal_expected_tenure(delta_star, F(19, 20)) == F(171, 31)
    # q = 0.8 (expected tenure 5 years < 171/31): ρ q = 19/25 < 7/9, cooperation fails
    rg = RepeatedGame(pd(10, 3, 1, 0), effective_discount(F(19, 20), F(4, 5)))
    assert rg.discount == F(19, 25)
    assert rg.is_cooperation_sustainable(CC) is False
    assert RepeatedGame(pd(10, 3, 1, 0), F(19, 20) * q_min).is_cooperation_sustainable(CC)
    patient = RepeatedGame(pd(10, 3, 1, 0), F(19, 20))
    assert patient.with_tenure(q_min).discount == F(7, 9)
    assert patient.with_tenure(q_min).is_cooperation_sustainable(CC) is True
    assert patient.with_tenure(F(4, 5)).is_cooperation_sustainable(CC) is False
    # float version
    assert effective_discount(0.95, 0.8) < float(delta_star)
    assert minimal_stay_probability(7 / 9, 0.95) == pytest.approx(140 / 171, abs=1e-12)
    # limits: δ* = ρ needs a permanent post; δ* > ρ is impossible
    assert minimal_expected_tenure(F(1, 2), F(1, 2)) == math.inf
    with pytest.raises(ValueError, match="exceeds"):
        minimal_stay_probability(F(3, 4), F(1, 2))
    assert minimal_expected_tenure(0, F(1, 2)) == 1


def term_values_by_markov_chain(T, R, P, rho, p, n):
    """Independent check of §7.5: exact values of the official's two Markov chains.

    States (phase, year) for years 1..n; from year n the official stays with probability p
    (moving to year 1) and otherwise leaves (value 0). Returns V_k - W_k and the one-shot
    deviation margins R + ρ V_{k+1} - (T + ρ W_{k+1}) of every year."""

    def values(stage):
        matrix = [[F(int(r == c)) for c in range(n)] for r in range(n)]
        for k in range(n):
            if k + 1 < n:
                matrix[k][k + 1] -= rho
            else:
                matrix[k][0] -= rho * p
        return solve(matrix, [F(stage)] * n)

    V, W = values(R), values(P)
    cont_v = [V[k + 1] if k + 1 < n else p * V[0] for k in range(n)]
    cont_w = [W[k + 1] if k + 1 < n else p * W[0] for k in range(n)]
    margins = [R + rho * cv - (T + rho * cw) for cv, cw in zip(cont_v, cont_w, strict=True)]
    return [v - w for v, w in zip(V, W, strict=True)], margins


@pytest.mark.parametrize("T", [10, 5])
@pytest.mark.parametrize("p", [F(0), F(1, 2), F(9, 10), F(1)])
def test_term_model_matches_markov_chain(T, p):
    R, P, rho, n = 3, 1, F(9, 10), 5
    result = term_incentive(T, R, P, rho, p)
    gaps, margins = term_values_by_markov_chain(T, R, P, rho, p, n)
    assert list(result.gaps) == gaps
    assert [v - result.gain for v in result.incentives] == margins
    assert result.gap == (R - P) * (1 - rho**5) / ((1 - rho) * (1 - rho**5 * p))
    assert result.binding_year == 5 and result.margin == min(margins)
    assert result.cooperation == (min(margins) >= 0)
    assert list(result.incentives) == sorted(result.incentives, reverse=True)


def test_term_model_value_iteration_floats():
    """Value iteration of the Bellman equations in floats converges to the exact gaps."""
    R, P, rho, p, n = 3.0, 1.0, 0.9, 0.5, 5
    v = [0.0] * n
    w = [0.0] * n
    for _ in range(2000):
        v = [R + rho * (v[k + 1] if k + 1 < n else p * v[0]) for k in range(n)]
        w = [P + rho * (w[k + 1] if k + 1 < n else p * w[0]) for k in range(n)]
    exact = term_incentive(10, 3, 1, F(9, 10), F(1, 2)).gaps
    assert [a - b for a, b in zip(v, w, strict=True)] == pytest.approx(
        [float(x) for x in exact], abs=1e-9
    )


def test_oracle_r_d_term_model():
    """(T, R, P) = (10, 3, 1), ρ = 9/10: p = 1/2 fails (5.2296 < 7); p_min = 700000/1150461.
    (5, 3, 1): p = 1/2 holds; p_min = 12500/53451."""
    fails = term_incentive(10, 3, 1, F(9, 10), F(1, 2))
    assert fails.cooperation is False
    assert fails.incentives[-1] == F(737118, 140951)
    p_min = minimal_reappointment_probability(10, 3, 1, F(9, 10))
    assert p_min == F(700000, 1150461)
    assert float(p_min) == pytest.approx(0.6084517424, abs=1e-9)
    assert term_incentive(10, 3, 1, F(9, 10), p_min).margin == 0
    holds = term_incentive(5, 3, 1, F(9, 10), F(1, 2))
    assert holds.cooperation is True
    assert minimal_reappointment_probability(5, 3, 1, F(9, 10)) == F(12500, 53451)
    # short horizon: with ρ = 1/2 no reappointment probability suffices for (10, 3, 1)
    with pytest.raises(ValueError, match="p = 1"):
        minimal_reappointment_probability(10, 3, 1, F(1, 2))
    assert minimal_reappointment_probability(3, 3, 1, F(1, 2)) == 0
    # symbolic p: the closed form
    gain = sympy.Symbol("g", positive=True)
    sym = minimal_reappointment_probability(3 + gain, 3, 1, F(9, 10))
    assert sym.subs(gain, 7) == sympy.Rational(700000, 1150461)


# --------------------------------------------------------------------------------------------
# Finite horizon
# --------------------------------------------------------------------------------------------

#: Two stage equilibria: (D, D) with 1 each and (R, R) with 3 each; (C, C) is cooperative.
BK = gt.Game(
    [[4, 0, 0], [5, 1, 0], [0, 0, 3]],
    [[4, 5, 0], [0, 1, 0], [0, 0, 3]],
    actions=[["C", "D", "R"], ["C", "D", "R"]],
)


def finite_path_is_spe(game, result, delta):
    """Backward induction over (period, mode): every one-shot deviation from the construction."""
    arrays = payoff_arrays(game)
    n = game.n_players
    horizon = result.horizon
    modes = ["normal", *range(n)]

    def prescribed(t, mode):
        return result.path[t] if mode == "normal" else result.punishment[mode]

    def next_mode(t, mode, prof):
        if mode != "normal":
            return mode
        dev = deviators(prof, result.path[t])
        return "normal" if not dev else dev[0]

    value = {m: [F(0)] * n for m in modes}  # continuation after the last period
    for t in range(horizon - 1, -1, -1):
        new = {}
        for mode in modes:
            prof = prescribed(t, mode)
            vals = []
            for i, u in enumerate(arrays):
                follow = u[prof] + delta * value[next_mode(t, mode, prof)][i]
                for a in range(game.shape[i]):
                    dev = tuple(a if k == i else x for k, x in enumerate(prof))
                    if u[dev] + delta * value[next_mode(t, mode, dev)][i] > follow:
                        return False
                vals.append(follow)
            new[mode] = vals
        value = new
    return True


def test_finite_horizon_unravelling():
    result = finite_horizon_spe(PD, 10)
    assert result.unique is True and result.cooperative_periods == 0
    assert result.path == ((1, 1),) * 10 and result.payoffs == (10, 10)
    assert RepeatedGame(PD, F(9, 10), horizon=10).is_cooperation_sustainable(CC) is False
    assert "unique" in repr(result)


def test_finite_horizon_three_player_unravelling():
    arrays = [np.zeros((2, 2, 2), dtype=object) for _ in range(3)]
    for prof in np.ndindex((2, 2, 2)):
        for i in range(3):
            arrays[i][prof] = sum(1 for k in range(3) if k != i and prof[k] == 0) + prof[i]
    result = finite_horizon_spe(gt.Game.from_arrays(*arrays), 4, (0, 0, 0))
    assert result.unique and result.path == ((1, 1, 1),) * 4 and result.payoffs == (4, 4, 4)


def test_finite_horizon_mixed_unique_equilibrium():
    pennies = gt.Game([[1, -1], [-1, 1]])
    result = finite_horizon_spe(pennies, 3)
    assert result.unique and result.path[0] == ((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))
    assert result.payoffs == (0, 0)


@pytest.mark.parametrize("horizon", [1, 2, 3, 6])
def test_finite_horizon_benoit_krishna(horizon):
    result = finite_horizon_spe(BK, horizon, ("C", "C"))
    assert result.unique is False
    assert result.cooperative_periods == horizon - 1
    assert result.reward == (2, 2) and result.punishment == ((1, 1), (1, 1))
    assert result.path == ((0, 0),) * (horizon - 1) + ((2, 2),)
    assert result.payoffs == (4 * (horizon - 1) + 3,) * 2
    assert finite_path_is_spe(BK, result, F(1))


def test_finite_horizon_discounting_and_maximality():
    # δ = 1/2: the gain 1 equals δ (3 - 1), still one reward period
    half = finite_horizon_spe(BK, 5, ("C", "C"), discount=F(1, 2))
    assert half.cooperative_periods == 4 and finite_path_is_spe(BK, half, F(1, 2))
    # δ = 1/3: Σ_j 2 (1/3)^j < 1 for any number of reward periods: no cooperation
    third = finite_horizon_spe(BK, 5, ("C", "C"), discount=F(1, 3))
    assert third.cooperative_periods == 0 and third.path == ((2, 2),) * 5
    # a larger gain needs two reward periods at δ = 1: gain 3 > 2 = 3 - 1, but <= 4
    game = gt.Game([[4, 0, 0], [7, 1, 0], [0, 0, 3]], [[4, 7, 0], [0, 1, 0], [0, 0, 3]])
    result = finite_horizon_spe(game, 6, (0, 0))
    assert result.cooperative_periods == 4 and result.reward_periods == 2
    assert finite_path_is_spe(game, result, F(1))
    longer = finite_horizon_spe(game, 6, (0, 0), reward=(2, 2))
    assert longer.path == result.path
    rg = RepeatedGame(game, F(1, 2), horizon=6)
    assert rg.finite_horizon_spe((0, 0)).cooperative_periods == 0  # 2 (1/2 + 1/4 + ...) < 3


def test_finite_horizon_bad_input():
    with pytest.raises(ValueError, match="positive"):
        finite_horizon_spe(PD, 0)
    with pytest.raises(TypeError):
        finite_horizon_spe(PD, 2.5)
    with pytest.raises(ValueError, match="not a stage Nash"):
        finite_horizon_spe(BK, 3, (0, 0), reward=(0, 0))
    with pytest.raises(ValueError):
        finite_horizon_spe(BK, 3, (0, 0), discount=F(3, 2))


# --------------------------------------------------------------------------------------------
# RepeatedGame
# --------------------------------------------------------------------------------------------


def test_repeated_game_methods():
    rg = RepeatedGame(PD, F(3, 5))
    assert rg.critical_discount_factor(CC).overall == F(1, 2)
    assert rg.is_cooperation_sustainable(CC) is True
    assert rg.is_cooperation_sustainable(CC, strategy="tit_for_tat") is False  # 3/5 < 2/3
    assert RepeatedGame(PD, F(1, 2)).is_cooperation_sustainable(CC) is True  # boundary included
    assert RepeatedGame(PD, F(49, 100)).is_cooperation_sustainable(CC) is False
    assert rg.average_payoff(CC) == (3, 3)
    # cycle (C, C), (D, C): (1 - δ)/(1 - δ^2) (u0 + δ u1) = (3 + 3/5 * 5)/(1 + 3/5)
    assert rg.average_payoff([CC, ("D", "C")]) == (F(15, 4), F(15, 8))
    finite = RepeatedGame(PD, F(1, 2), horizon=3)
    assert finite.average_payoff(CC) == (3, 3)
    assert (
        finite.average_payoff([CC, ("D", "D")])
        == (F(1, 2) / F(7, 8) * (3 + F(1, 2) + 3 * F(1, 4)),) * 2
    )
    assert isinstance(RepeatedGame(PD, 0.6).discount, float)
    with pytest.raises(ValueError, match="infinite horizon"):
        rg.finite_horizon_spe(CC)


def test_repeated_game_symbolic_discount():
    d = sympy.Symbol("d", positive=True)
    rg = RepeatedGame(PD, d)
    condition = rg.is_cooperation_sustainable(CC)
    assert condition.subs(d, sympy.Rational(3, 5)) == sympy.true
    assert condition.subs(d, sympy.Rational(2, 5)) == sympy.false
    value = rg.average_payoff([CC, ("D", "C")])[0]
    assert sympy.simplify(value - (3 + 5 * d) / (1 + d)) == 0
    with pytest.raises(ValueError, match="> 0"):
        RepeatedGame(PD, sympy.Symbol("n", negative=True))


@pytest.mark.parametrize("bad", [0, 1, F(3, 2), -0.5, 1.0, 0.0, math.nan, math.inf])
def test_repeated_game_rejects_bad_discount(bad):
    with pytest.raises(ValueError):
        RepeatedGame(PD, bad)


@pytest.mark.parametrize("bad", [True, "0.5", None, [0.5], 1j])
def test_repeated_game_rejects_discount_types(bad):
    with pytest.raises(TypeError):
        RepeatedGame(PD, bad)


def test_repeated_game_rejects_bad_horizon_and_stage():
    for bad in (0, -3):
        with pytest.raises(ValueError, match="horizon"):
            RepeatedGame(PD, F(1, 2), horizon=bad)
    for bad in (2.5, True, "3"):
        with pytest.raises(TypeError, match="horizon"):
            RepeatedGame(PD, F(1, 2), horizon=bad)
    with pytest.raises(TypeError, match="Game"):
        RepeatedGame([[1, 2], [3, 4]], F(1, 2))
    rg = RepeatedGame(PD, F(1, 2))
    with pytest.raises(AttributeError):
        rg.discount = F(1, 3)


# --------------------------------------------------------------------------------------------
# Bad input of critical_discount_factor
# --------------------------------------------------------------------------------------------


def test_critical_discount_bad_input():
    with pytest.raises(ValueError, match="no action"):
        critical_discount_factor(PD, ("C", "X"))
    with pytest.raises(ValueError, match="one action per player"):
        critical_discount_factor(PD, ("C",))
    with pytest.raises(ValueError, match="out of range"):
        critical_discount_factor(PD, (0, 2))
    with pytest.raises(ValueError, match="not a Nash equilibrium"):
        critical_discount_factor(PD, CC, punishment=CC)
    with pytest.raises(ValueError, match="unknown strategy"):
        critical_discount_factor(PD, CC, strategy="grimm")
    with pytest.raises(ValueError, match=">= 1"):
        critical_discount_factor(PD, CC, strategy="limited_punishment", periods=0)
    with pytest.raises(ValueError, match="needs periods"):
        critical_discount_factor(PD, CC, strategy="limited_punishment")
    with pytest.raises(TypeError, match="positive integer"):
        critical_discount_factor(PD, CC, strategy="limited_punishment", periods=1.5)
    with pytest.raises(ValueError, match="applies to"):
        critical_discount_factor(PD, CC, periods=2)
    with pytest.raises(ValueError, match="2x2"):
        critical_discount_factor(ABREU, (0, 0), strategy="tit_for_tat")
    with pytest.raises(ValueError, match="two actions"):
        critical_discount_factor(ABREU, (0, 0), strategy="stick_and_carrot")
    with pytest.raises(ValueError, match="one stick"):
        critical_discount_factor(PD, CC, {0: (1, 1)}, "stick_and_carrot")
    with pytest.raises(ValueError, match="no pure Nash"):
        critical_discount_factor(gt.Game([[1, -1], [-1, 1]]), (0, 0))
    with pytest.raises(TypeError, match="Game"):
        critical_discount_factor([[1, 2], [3, 4]], (0, 0))


def test_docstring_example():
    import doctest

    import gametheory.repeated as module

    assert doctest.testmod(module).failed == 0


def test_result_is_frozen_and_readable():
    result = critical_discount_factor(RB, CC)
    assert isinstance(result, CriticalDiscount)
    with pytest.raises(AttributeError):
        result.overall = 0
    text = repr(result)
    assert "strategy='grim'" in text and "(C, C)" in text and "(D, D)" in text
    tft = repr(critical_discount_factor(PD, CC, strategy="tit_for_tat"))
    assert "subgame perfect for δ in EmptySet" in tft


def test_negative_transfer_swaps_who_pays():
    g = gt.Game([[3, 0], [5, 1]], [[4, 2], [0, 1]])
    negative = threshold_with_transfer(g, (0, 0), F(-1), payer=0, payee=1)
    swapped = threshold_with_transfer(g, (0, 0), F(1), payer=1, payee=0)
    # player 2 pays 1 per period and can withhold it while cooperating: 3 >= (1-d) 4 + d 1
    assert negative.per_player == swapped.per_player == (F(1, 4), F(1, 3))


def test_float_fine_gives_float_thresholds_and_a_clear_error_for_a_changed_game():
    pd = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    floats = threshold_with_penalty(pd, (0, 0), 0.1).overall
    assert isinstance(floats, float) and floats == pytest.approx(19 / 40)
    assert threshold_with_penalty(pd, (0, 0), F(1, 10)).overall == F(19, 40)
    asym = gt.Game([[3, 0], [6, 2]], [[-1, 0], [-5, -2]])
    with pytest.raises(ValueError, match="fined stage game"):
        threshold_with_penalty(asym, (0, 0), F(5, 2))
