"""Tests for gametheory.automata: automaton strategies, simulation, one-shot deviation checks.

Oracles: textbook thresholds (prisoner's dilemma grim trigger, tit-for-tat, limited punishment,
stick and carrot), MODELS.md §7.6 R-a/R-b and the §7.2 transfer and penalty formulas, hand-computed
play paths, and an independent brute force on random automata (exact Gauss-Jordan solution of
``(I - delta P) V = u`` and enumeration of all stationary policies of the deviator's MDP).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gametheory import Game, UnboundParameterError
from gametheory.automata import (
    FLOAT_TOL,
    Automaton,
    OneShotDeviation,
    SimulationResult,
    always,
    best_response_value,
    discounted_value,
    grim_trigger,
    is_nash,
    is_subgame_perfect,
    limited_punishment,
    one_shot_deviations,
    simulate,
    stick_and_carrot,
    tit_for_tat,
)

try:  # the thresholds of gametheory.repeated are cross-checked when that module is present
    from gametheory.repeated import critical_discount_factor
except ImportError:  # pragma: no cover - depends on the other module being installed
    critical_discount_factor = None

F = Fraction
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EPS = F(1, 10**6)


def pd_game(T, R, P, S) -> Game:
    """Symmetric prisoner's dilemma, actions C (index 0) and D (index 1)."""
    return Game([[R, S], [T, P]], [[R, T], [S, P]], actions=[["C", "D"], ["C", "D"]])


PD = pd_game(5, 3, 1, 0)  # MODELS.md §7.6 R-a: (T, R, P) = (5, 3, 1), delta* = 1/2
CC, DD = ("C", "C"), ("D", "D")


def grim_pair(game, coop=CC, pun=DD):
    return [grim_trigger(game, i, coop, pun) for i in range(game.n_players)]


def public_goods(r=2) -> Game:
    """Three players contribute 1 (C) or not (D); u_i = 1 - c_i + (r/3) * sum_j c_j."""
    shape = (2, 2, 2)
    arrays = [np.empty(shape, dtype=object) for _ in range(3)]
    for prof in itertools.product(range(2), repeat=3):
        c = [1 - a for a in prof]  # action 0 = C contributes
        for i in range(3):
            arrays[i][prof] = 1 - c[i] + F(r) * sum(c) / 3
    return Game.from_arrays(*arrays, actions=[["C", "D"]] * 3)


# --------------------------------------------------------------------------------------------
# Textbook thresholds
# --------------------------------------------------------------------------------------------


def test_grim_trigger_pd_threshold_is_one_half_exactly():
    # R/(1-d) >= T + d P/(1-d)  <=>  d >= (T-R)/(T-P) = 2/4.
    g = grim_pair(PD)
    assert is_subgame_perfect(PD, g, F(1, 2))
    assert not is_subgame_perfect(PD, g, F(1, 2) - EPS)
    assert is_subgame_perfect(PD, g, F(99, 100))
    devs = one_shot_deviations(PD, g, F(1, 2) - EPS)
    assert {(d.state, d.player, d.action) for d in devs} == {
        (("cooperate", "cooperate"), 0, "D"),
        (("cooperate", "cooperate"), 1, "D"),
    }
    # gain = T + d P/(1-d) - R/(1-d) at d = 1/2 - eps
    d = F(1, 2) - EPS
    assert devs[0].gain == 5 + d * 1 / (1 - d) - 3 / (1 - d)
    assert isinstance(devs[0].gain, Fraction)
    # the grim profile is Nash exactly when it is subgame perfect (punishment is a stage NE)
    assert is_nash(PD, g, F(1, 2)) and not is_nash(PD, g, F(1, 2) - EPS)


def test_grim_trigger_float_discount_uses_documented_tolerance():
    g = grim_pair(PD)
    assert is_subgame_perfect(PD, g, 0.5)
    assert is_subgame_perfect(PD, g, 0.5 - 1e-13)  # within FLOAT_TOL * 5 / (1 - d)
    assert not is_subgame_perfect(PD, g, 0.5 - 1e-6)
    assert is_subgame_perfect(PD.evalf(), g, 0.75)
    gain = one_shot_deviations(PD.evalf(), g, 0.4)[0].gain
    assert isinstance(gain, float)
    assert gain == pytest.approx(5 + 0.4 / 0.6 - 3 / 0.6)
    assert FLOAT_TOL == 1e-9


def test_models_r_b_asymmetric_thresholds_and_transfer():
    # (T1, R1, P1) = (6, 4, 1), (T2, R2, P2) = (5, 2, 1); delta_1* = 2/5, delta_2* = 3/4.
    game = Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    g = grim_pair(game)
    assert is_subgame_perfect(game, g, F(3, 4))
    assert not is_subgame_perfect(game, g, F(3, 4) - EPS)
    # between the two thresholds only player 2 (index 1) wants to deviate
    assert {d.player for d in one_shot_deviations(game, g, F(1, 2))} == {1}
    assert {d.player for d in one_shot_deviations(game, g, F(2, 5) - EPS)} == {0, 1}
    # §7.2: the transfer t* = 7/9 paid by 1 to 2 at (C, C) equalises both thresholds at 5/9
    t = F(7, 9)
    moved = Game([[4 - t, 0], [6, 1]], [[2 + t, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    g = grim_pair(moved)
    assert is_subgame_perfect(moved, g, F(5, 9))
    devs = one_shot_deviations(moved, g, F(5, 9) - EPS)
    assert {d.player for d in devs} == {0, 1}  # both constraints bind at delta_eq


def test_penalty_lowers_threshold_as_in_models_7_2():
    # An expected penalty piF = 1 on the defector: delta*(F) = (T - R - piF)/(T - P) = 1/4.
    fined = pd_game(5 - 1, 3, 1 - 1, 0)  # the defector pays 1: T - 1 and P - 1
    g = grim_pair(fined)
    assert is_subgame_perfect(fined, g, F(1, 4))
    assert not is_subgame_perfect(fined, g, F(1, 4) - EPS)


def test_tit_for_tat_nash_threshold_and_never_spe_in_the_standard_pd():
    # Against TFT the deviator's MDP has two states (the opponent's state = own last action);
    # the candidate deviations are "always D" (T + dP/(1-d)) and "alternate D, C"
    # ((T + dS)/(1-d^2)), so TFT is Nash iff d >= max((T-R)/(T-P), (T-R)/(R-S)) = 2/3.
    t = [tit_for_tat(PD, i) for i in range(2)]
    assert is_nash(PD, t, F(2, 3))
    assert not is_nash(PD, t, F(2, 3) - EPS)
    assert is_nash(PD, t, F(9, 10))
    # Subgame perfection needs d = (T-R)/(R-S) and d = (P-S)/(T-P) (states (C,C)/(D,C) and
    # (C,D)/(D,D)); here 2/3 != 1/4, so never.
    for d in [F(1, 4), F(1, 2), F(2, 3), F(9, 10)]:
        assert not is_subgame_perfect(PD, t, d)
    devs = one_shot_deviations(PD, t, F(2, 3))
    assert {(d.state, d.player, d.action) for d in devs} == {
        (("defect", "defect"), 0, "C"),
        (("defect", "defect"), 1, "C"),
    }
    # best response against TFT below 2/3 is alternation: (T + dS)/(1 - d^2) at d = 1/2
    assert best_response_value(PD, t, F(1, 2), 0) == F(5, 1) / (1 - F(1, 4))


def test_tit_for_tat_knife_edge_when_t_plus_s_equals_r_plus_p():
    # T + S = R + P makes (T-R)/(R-S) = (P-S)/(T-P); with (4, 3, 1, 0) both are 1/3.
    game = pd_game(4, 3, 1, 0)
    t = [tit_for_tat(game, i) for i in range(2)]
    assert is_subgame_perfect(game, t, F(1, 3))
    assert not is_subgame_perfect(game, t, F(1, 3) - EPS)
    assert not is_subgame_perfect(game, t, F(1, 3) + EPS)
    assert is_subgame_perfect(game, t, 1 / 3)  # float within tolerance


@FAST
@given(st.integers(1, 20), st.integers(1, 20), st.integers(1, 20), st.integers(1, 20))
def test_tit_for_tat_in_random_prisoners_dilemmas(a, b, c, s):
    S, P, R, T = s, s + a, s + a + b, s + a + b + c
    game = pd_game(T, R, P, S)
    t = [tit_for_tat(game, i) for i in range(2)]
    nash = max(F(T - R, T - P), F(T - R, R - S))
    if nash < 1:
        assert is_nash(game, t, nash)
        assert is_nash(game, t, (nash + 1) / 2)
    if 0 < nash - EPS < 1:
        assert not is_nash(game, t, nash - EPS)
    knife = F(T - R, R - S)
    for d in {knife, nash, (nash + 1) / 2, F(1, 2)}:
        if 0 < d < 1:
            spe = d == knife and knife == F(P - S, T - P)
            assert is_subgame_perfect(game, t, d) == spe


def test_always_defect_is_spe_for_every_delta_and_always_cooperate_never_nash():
    alld = [always(PD, i, "D") for i in range(2)]
    allc = [always(PD, i, "C") for i in range(2)]
    for d in [F(1, 100), F(1, 2), F(99, 100), 0.3]:
        assert is_subgame_perfect(PD, alld, d)
        assert is_nash(PD, alld, d)
        assert not is_nash(PD, allc, d)
    assert discounted_value(PD, alld, F(1, 2)) == (2, 2)


def test_three_player_public_goods_grim_threshold():
    # u(all C) = 2, best deviation 1 + 4/3 = 7/3, all D = 1: delta* = (1/3)/(4/3) = 1/4.
    game = public_goods()
    g = grim_pair(game, ("C",) * 3, ("D",) * 3)
    assert is_subgame_perfect(game, g, F(1, 4))
    assert not is_subgame_perfect(game, g, F(1, 4) - EPS)
    assert {d.player for d in one_shot_deviations(game, g, F(1, 5))} == {0, 1, 2}
    assert discounted_value(game, g, F(1, 4)) == (F(8, 3),) * 3
    assert discounted_value(game, g, F(1, 4), normalized=True) == (2, 2, 2)
    # one defector facing two grim players still cannot gain at delta >= 1/4
    mixed = [g[0], g[1], always(game, 2, "D")]
    assert is_nash(game, g, F(1, 4)) and not is_nash(game, mixed, F(1, 2))


def test_limited_punishment_thresholds():
    # d - r <= (r - p)(delta + ... + delta^k).  PD (4, 3, 1, 0): k = 1 -> delta >= 1/2;
    # k = 2 -> delta^2 + delta >= 1/2 -> delta* = (sqrt(3) - 1)/2.
    game = pd_game(4, 3, 1, 0)
    lp1 = [limited_punishment(game, i, CC, DD, 1) for i in range(2)]
    assert is_subgame_perfect(game, lp1, F(1, 2))
    assert not is_subgame_perfect(game, lp1, F(1, 2) - EPS)
    lp2 = [limited_punishment(game, i, CC, DD, 2) for i in range(2)]
    root = (math.sqrt(3) - 1) / 2
    assert is_subgame_perfect(game, lp2, F(root) + EPS)
    assert not is_subgame_perfect(game, lp2, F(root) - EPS)
    # with (5, 3, 1, 0) one period of punishment is never enough: 2 > 2 delta
    lp1 = [limited_punishment(PD, i, CC, DD, 1) for i in range(2)]
    assert not is_subgame_perfect(PD, lp1, F(999, 1000))
    assert lp2[0].states == ("cooperate", "punish 1", "punish 2")


def test_stick_and_carrot_threshold_in_a_three_action_game():
    # Symmetric 3x3 "Cournot" game: L (collude), M (stage Nash), H (stick, worse than Nash).
    A = [[6, 2, 0], [8, 4, 1], [5, 3, -2]]
    game = Game(A, np.array(A).T.tolist(), actions=[["L", "M", "H"], ["L", "M", "H"]])
    # r = 6, d = max(8, 5) = 8, s = u(H, H) = -2, e = max_a u(a, H) = max(0, 1) = 1:
    # delta* = max((d - r)/(r - s), (e - s)/(r - s)) = max(2/8, 3/8) = 3/8.
    sc = [stick_and_carrot(game, i, ("L", "L"), ("H", "H")) for i in range(2)]
    assert is_subgame_perfect(game, sc, F(3, 8))
    assert not is_subgame_perfect(game, sc, F(3, 8) - EPS)
    devs = one_shot_deviations(game, sc, F(3, 8) - EPS)
    assert {d.state for d in devs} == {("stick", "stick")}
    # grim with the stage Nash (M, M): delta* = (8 - 6)/(8 - 4) = 1/2 > 3/8 (Abreu 1988)
    g = grim_pair(game, ("L", "L"), ("M", "M"))
    assert is_subgame_perfect(game, g, F(1, 2))
    assert not is_subgame_perfect(game, g, F(3, 8))


# --------------------------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------------------------


def test_simulate_grim_with_a_deviation_by_hand():
    g = grim_pair(PD)
    r = simulate(PD, g, 5, discount=F(1, 2), deviations={1: ("D", None)})
    assert isinstance(r, SimulationResult)
    assert r.path == (CC, ("D", "C"), DD, DD, DD)
    assert r.states[:3] == (
        ("cooperate", "cooperate"),
        ("cooperate", "cooperate"),
        ("punish", "punish"),
    )
    assert r.payoffs[1] == (5, 0)
    # 3 + 5/2 + 1/4 + 1/8 + 1/16 and 3 + 0 + 1/4 + 1/8 + 1/16
    assert r.discounted == (F(95, 16), F(55, 16))
    assert r.average == (F(95, 32), F(55, 32))
    assert all(isinstance(x, Fraction) for x in r.discounted)
    with pytest.raises(AttributeError):
        r.path = ()


def test_simulate_tit_for_tat_echo_and_other_strategies():
    t = [tit_for_tat(PD, i) for i in range(2)]
    r = simulate(PD, t, 4, discount=F(1, 2), deviations={0: ("D", "C")})
    assert r.path == (("D", "C"), ("C", "D"), ("D", "C"), ("C", "D"))
    assert r.discounted == (5 + F(5, 4), F(5, 2) + F(5, 8))
    lp = [limited_punishment(PD, i, CC, DD, 2) for i in range(2)]
    r = simulate(PD, lp, 6, deviations={1: (None, 1)})
    assert r.path == (CC, ("C", "D"), DD, DD, CC, CC)
    assert r.discounted is None and r.average is None
    sc = [stick_and_carrot(PD, i, CC, DD) for i in range(2)]
    r = simulate(PD, sc, 5, deviations={0: ("D", "C"), 1: ("C", "D")})
    # deviation -> stick; deviating from the stick restarts it; then back to cooperation
    assert r.path == (("D", "C"), ("C", "D"), DD, CC, CC)
    frame = r.to_frame()
    assert list(frame.columns) == [
        "period",
        "action 0",
        "action 1",
        "state 0",
        "state 1",
        "payoff 0",
        "payoff 1",
    ]
    assert frame["state 0"].tolist() == ["cooperate", "stick", "stick", "cooperate", "cooperate"]


def test_simulate_float_and_symbolic_games():
    r = simulate(PD.evalf(), grim_pair(PD), 3, discount=0.5)
    assert r.discounted == pytest.approx((3 * 1.75, 3 * 1.75))
    assert isinstance(r.payoffs[0][0], float)
    x = sympy.Symbol("x")
    game = Game([[x, 0], [5, 1]], [[x, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    r = simulate(game, grim_pair(game), 2, discount=F(1, 2))
    assert sympy.simplify(r.discounted[0] - (x + x / 2)) == 0
    with pytest.raises(UnboundParameterError):
        is_subgame_perfect(game, grim_pair(game), F(1, 2))


@FAST
@given(
    st.fractions(F(1, 20), F(19, 20), max_denominator=20),
    st.sampled_from(["tft", "grim", "lp", "sc"]),
)
def test_discounted_value_matches_long_simulation(d, kind):
    # |V(w0) - sum_{t<T} d^t u_t| <= d^T max|u| / (1 - d), exactly in Fractions
    automata = {
        "tft": lambda i: tit_for_tat(PD, i),
        "grim": lambda i: grim_trigger(PD, i, CC, DD),
        "lp": lambda i: limited_punishment(PD, i, CC, ("D", "C"), 2),
        "sc": lambda i: stick_and_carrot(PD, i, CC, ("C", "D")),
    }[kind]
    t = [automata(0), automata(1)]
    T = 40
    r = simulate(PD, t, T, discount=d)
    v = discounted_value(PD, t, d)
    assert all(abs(v[k] - r.discounted[k]) <= d**T * 5 / (1 - d) for k in range(2))


def test_discounted_value_of_the_alternating_tit_for_tat_phase():
    # TFT started in the alternating state: V = ((T + dS), (S + dT)) / (1 - d^2) exactly
    d = F(2, 3)
    start = [
        Automaton(
            ["cooperate", "defect"],
            s,
            {"cooperate": "C", "defect": "D"},
            {
                ("*", ("*", b) if i == 0 else (b, "*")): ("cooperate" if b == "C" else "defect")
                for b in "CD"
            },
        )
        for i, s in enumerate(["defect", "cooperate"])
    ]
    assert discounted_value(PD, start, d) == ((5 + 0 * d) / (1 - d**2), (0 + 5 * d) / (1 - d**2))


# --------------------------------------------------------------------------------------------
# Random automata against an independent brute force
# --------------------------------------------------------------------------------------------


def _solve_exact(matrix, rhs):
    """Gauss-Jordan elimination over the rationals (rows of Fractions)."""
    n = len(matrix)
    m = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    for col in range(n):
        piv = next(r for r in range(col, n) if m[r][col] != 0)
        m[col], m[piv] = m[piv], m[col]
        pv = m[col][col]
        m[col] = [x / pv for x in m[col]]
        for r in range(n):
            if r != col and m[r][col] != 0:
                f = m[r][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col], strict=True)]
    return [m[r][n] for r in range(n)]


def _brute_force(game, spec, d):
    """Independent SPE / Nash check from raw tables: spec[i] = (actions, table, initial)."""
    n = game.n_players
    profiles = list(itertools.product(*[range(s) for s in game.shape]))
    u = [np.asarray(a) for a in game.payoff_arrays]

    def f(w):
        return tuple(spec[i][0][w[i]] for i in range(n))

    def tau(w, a):
        return tuple(spec[i][1][(w[i], a)] for i in range(n))

    w0 = tuple(spec[i][2] for i in range(n))
    states, frontier = {w0}, [w0]
    while frontier:
        w = frontier.pop()
        for a in profiles:
            v = tau(w, a)
            if v not in states:
                states.add(v)
                frontier.append(v)
    states = sorted(states)
    index = {w: k for k, w in enumerate(states)}
    mat = [[F(int(r == c)) for c in range(len(states))] for r in range(len(states))]
    for w in states:
        mat[index[w]][index[tau(w, f(w))]] -= d
    values = [_solve_exact(mat, [u[i][f(w)] for w in states]) for i in range(n)]
    deviations = set()
    for w in states:
        for i in range(n):
            for a_i in range(game.shape[i]):
                prof = list(f(w))
                if a_i == prof[i]:
                    continue
                prof[i] = a_i
                prof = tuple(prof)
                gain = u[i][prof] + d * values[i][index[tau(w, prof)]] - values[i][index[w]]
                if gain > 0:
                    deviations.add((w, i, game.actions[i][a_i], gain))
    # Nash: enumerate every stationary policy of player i on the opponents' reachable states
    best = []
    for i in range(n):
        start = tuple(None if k == i else w0[k] for k in range(n))

        def act(s, a_i, i=i):
            return tuple(a_i if k == i else spec[k][0][s[k]] for k in range(n))

        def nxt(s, a_i, i=i):
            prof = act(s, a_i)
            return tuple(None if k == i else spec[k][1][(s[k], prof)] for k in range(n))

        opp, frontier = {start}, [start]
        while frontier:
            s = frontier.pop()
            for a_i in range(game.shape[i]):
                t = nxt(s, a_i)
                if t not in opp:
                    opp.add(t)
                    frontier.append(t)
        opp = sorted(opp, key=repr)
        oi = {s: k for k, s in enumerate(opp)}
        top = None
        for policy in itertools.product(range(game.shape[i]), repeat=len(opp)):
            m = [[F(int(r == c)) for c in range(len(opp))] for r in range(len(opp))]
            for s in opp:
                m[oi[s]][oi[nxt(s, policy[oi[s]])]] -= d
            v = _solve_exact(m, [u[i][act(s, policy[oi[s]])] for s in opp])[oi[start]]
            top = v if top is None else max(top, v)
        best.append(top)
    v0 = tuple(values[i][index[w0]] for i in range(n))
    return v0, deviations, best


@st.composite
def random_setting(draw):
    n = draw(st.sampled_from([2, 2, 2, 3]))
    shape = tuple(draw(st.integers(2, 3 if n == 2 else 2)) for _ in range(n))
    arrays = [
        np.array(
            draw(st.lists(st.integers(-4, 6), min_size=math.prod(shape), max_size=math.prod(shape)))
        ).reshape(shape)
        for _ in range(n)
    ]
    game = Game.from_arrays(*arrays)
    profiles = list(itertools.product(*[range(s) for s in shape]))
    spec = []
    for i in range(n):
        m = draw(st.integers(1, 3 if n == 2 else 2))
        acts = [draw(st.integers(0, shape[i] - 1)) for _ in range(m)]
        table = {(s, a): draw(st.integers(0, m - 1)) for s in range(m) for a in profiles}
        spec.append((acts, table, 0))
    q = draw(st.integers(2, 12))
    d = F(draw(st.integers(1, q - 1)), q)
    return game, spec, d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_setting())
def test_random_automata_match_brute_force(setting):
    game, spec, d = setting
    automata = [
        Automaton(list(range(len(acts))), init, dict(enumerate(acts)), table)
        for acts, table, init in spec
    ]
    v0, deviations, best = _brute_force(game, spec, d)
    assert discounted_value(game, automata, d) == v0
    found = one_shot_deviations(game, automata, d)
    assert {tuple(x) for x in found} == deviations
    assert is_subgame_perfect(game, automata, d) == (not deviations)
    for i in range(game.n_players):
        assert best_response_value(game, automata, d, i) == best[i]
    nash = all(best[i] <= v0[i] for i in range(game.n_players))
    assert is_nash(game, automata, d) == nash
    if not deviations:
        assert nash  # subgame perfection implies Nash
    # the float path agrees away from ties
    fd = float(d)
    if all(abs(float(g)) > 1e-6 for *_, g in deviations):
        assert is_subgame_perfect(game.evalf(), automata, fd) == (not deviations)


def _spec(game, automaton, i):
    """Raw tables of a bound automaton, read through its public interface."""
    profiles = list(itertools.product(*[range(s) for s in game.shape]))
    acts = {s: game.action_index(i, automaton.action(s)) for s in automaton.reachable_states}
    table = {
        (s, a): automaton.next_state(s, a) for s in automaton.reachable_states for a in profiles
    }
    return acts, table, automaton.initial


@st.composite
def random_builder_setting(draw):
    n = draw(st.sampled_from([2, 2, 3]))
    shape = tuple(draw(st.integers(2, 3 if n == 2 else 2)) for _ in range(n))
    size = math.prod(shape)
    arrays = [
        np.array(draw(st.lists(st.integers(0, 3), min_size=size, max_size=size))).reshape(shape)
        for _ in range(n)
    ]
    game = Game.from_arrays(*arrays)
    profile = st.tuples(*[st.integers(0, s - 1) for s in shape])
    coop, other = draw(profile), draw(profile)
    kind = draw(st.sampled_from(["grim", "lp1", "lp2", "sc", "tft"] if n == 2 else ["grim", "sc"]))
    build = {
        "grim": lambda i: grim_trigger(game, i, coop, other),
        "lp1": lambda i: limited_punishment(game, i, coop, other, 1),
        "lp2": lambda i: limited_punishment(game, i, coop, other, 2),
        "sc": lambda i: stick_and_carrot(game, i, coop, other),
        "tft": lambda i: tit_for_tat(game, i, coop, other),
    }[kind]
    q = draw(st.integers(2, 8))
    d = F(draw(st.integers(1, q - 1)), q)
    return game, [build(i) for i in range(n)], d


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_builder_setting())
def test_builders_on_random_games_match_brute_force(setting):
    game, automata, d = setting
    spec = [_spec(game, a, i) for i, a in enumerate(automata)]
    v0, deviations, best = _brute_force(game, spec, d)
    assert discounted_value(game, automata, d) == v0
    assert {tuple(x) for x in one_shot_deviations(game, automata, d)} == deviations
    assert is_subgame_perfect(game, automata, d) == (not deviations)
    assert is_nash(game, automata, d) == all(b <= v for b, v in zip(best, v0, strict=True))


# --------------------------------------------------------------------------------------------
# Cross-check: symbolic thresholds of gametheory.repeated vs the one-shot-deviation checker
# --------------------------------------------------------------------------------------------

needs_repeated = pytest.mark.skipif(
    critical_discount_factor is None, reason="gametheory.repeated is not available"
)


def _stage_nash(arrays, shape):
    return [
        p
        for p in itertools.product(*[range(s) for s in shape])
        if all(
            arrays[i][p] >= arrays[i][(*p[:i], b, *p[i + 1 :])]
            for i in range(len(shape))
            for b in range(shape[i])
        )
    ]


@st.composite
def threshold_case(draw):
    """A random exact stage game, a cooperative profile and a strategy with its profiles.

    Three cases in four are *structured* so that thresholds are interior: the punishment (or
    stick, or mutual defection) profile ``p`` differs from the cooperative ``c`` in every
    coordinate, ``p`` is made a strict stage equilibrium (grim, limited punishment), every player
    prefers ``c`` to ``p`` and has a profitable one-shot deviation from ``c``. The other cases are
    unrestricted random games.
    """
    shape = draw(st.sampled_from([(2, 2), (2, 2), (3, 3), (2, 3), (3, 2), (2, 2, 2)]))
    n, size = len(shape), math.prod(shape)
    arrays = [
        np.array(draw(st.lists(st.integers(-3, 7), min_size=size, max_size=size)))
        .reshape(shape)
        .astype(object)
        for _ in shape
    ]
    kind = draw(st.sampled_from(["grim", "lp1", "lp2", "sc"] + (["tft"] * 2 if n == 2 else [])))
    if kind == "tft":
        shape = (2, 2)
        arrays = [a[:2, :2].copy() for a in arrays]
    profile = st.tuples(*[st.integers(0, s - 1) for s in shape])
    coop = draw(profile)
    structured = draw(st.sampled_from([True, True, True, False]))
    if structured:
        other = tuple(
            draw(st.sampled_from([b for b in range(s) if b != c]))
            for s, c in zip(shape, coop, strict=True)
        )
        if kind in ("grim", "lp1", "lp2"):  # make `other` a strict stage equilibrium
            for i in range(n):
                best = max(
                    arrays[i][(*other[:i], b, *other[i + 1 :])]
                    for b in range(shape[i])
                    if b != other[i]
                )
                arrays[i][other] = best + draw(st.integers(1, 3))
        for i in range(n):
            arrays[i][coop] = arrays[i][other] + draw(st.integers(2, 8))
            dev = draw(st.sampled_from([b for b in range(shape[i]) if b != coop[i]]))
            arrays[i][(*coop[:i], dev, *coop[i + 1 :])] = arrays[i][coop] + draw(st.integers(1, 4))
            if kind == "tft":  # sucker's payoff S_i <= P_i, as in a prisoner's dilemma
                sucker = [other[0], other[1]]
                sucker[i] = coop[i]
                arrays[i][tuple(sucker)] = arrays[i][other] - draw(st.integers(0, 3))
    game = Game.from_arrays(*arrays)
    if kind == "tft":
        other = tuple(1 - a for a in coop)
    elif not structured and kind != "sc":
        stage_ne = _stage_nash(arrays, shape)
        assume(stage_ne)
        other = draw(st.sampled_from(stage_ne))
    elif not structured:
        other = draw(profile)
    q = draw(st.integers(2, 60))
    extra = F(draw(st.integers(1, q - 1)), q)
    return game, coop, other, kind, extra


def _automata_and_threshold(game, coop, other, kind):
    n = game.n_players
    if kind == "grim":
        res = critical_discount_factor(game, coop, other, "grim")
        automata = [grim_trigger(game, i, coop, other) for i in range(n)]
    elif kind in ("lp1", "lp2"):
        k = int(kind[-1])
        res = critical_discount_factor(game, coop, other, "limited_punishment", periods=k)
        automata = [limited_punishment(game, i, coop, other, k) for i in range(n)]
    elif kind == "sc":
        res = critical_discount_factor(game, coop, other, "stick_and_carrot")
        automata = [stick_and_carrot(game, i, coop, other) for i in range(n)]
    else:
        res = critical_discount_factor(game, coop, strategy="tit_for_tat")
        automata = [tit_for_tat(game, i, coop, other) for i in range(n)]
    return res, automata


def _rational_bracket(x):
    """Rationals lo < x < hi within 1e-30 of an exact (possibly algebraic) sympy number x."""
    x = sympy.sympify(x)
    if x.is_Rational:
        return F(int(x.p), int(x.q)), F(int(x.p), int(x.q))
    approx = F(str(sympy.N(x, 60)))
    lo, hi = approx - F(1, 10**30), approx + F(1, 10**30)
    assert bool(sympy.Rational(lo.numerator, lo.denominator) < x)
    assert bool(x < sympy.Rational(hi.numerator, hi.denominator))
    return lo, hi


@needs_repeated
@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threshold_case())
def test_thresholds_of_repeated_agree_with_the_one_shot_deviation_checker(case):
    game, coop, other, kind, extra = case
    res, automata = _automata_and_threshold(game, coop, other, kind)
    # tit-for-tat: the reported threshold is the Nash one; .subgame_perfect is the SPE set
    check = is_nash if kind == "tft" else is_subgame_perfect

    def inside(region, d):
        return bool(region.contains(sympy.Rational(d.numerator, d.denominator)))

    star = sympy.sympify(res.overall)
    lo, hi = _rational_bracket(star)
    points = {extra, F(1, 1000), F(999, 1000)}
    points |= {d for d in (lo, hi, lo - F(1, 1000), (hi + 1) / 2) if 0 < d < 1}
    for d in points:
        assert check(game, automata, d) == inside(res.region, d), (d, res)
        if kind == "tft":
            assert is_subgame_perfect(game, automata, d) == inside(res.subgame_perfect, d)
    if not res.sustainable:
        assert star == 1
        return
    # sustainable: the equilibrium set is [delta*, 1); weak inequalities hold at delta*
    assert res.region == sympy.Interval.Ropen(star, 1) or (
        star == 0 and res.region.is_superset(sympy.Interval.open(0, 1))
    )
    _assert_threshold(game, automata, star, check, extra)


def _assert_threshold(game, automata, star, check, extra):
    """``check`` holds on [star, 1) and fails below star; bisection recovers star to 1e-9."""
    lo, hi = _rational_bracket(star)
    if star == 1:  # integer payoffs: the failing condition still fails at 999/1000
        assert not check(game, automata, F(999, 1000))
        return
    if 0 < lo == hi:
        assert check(game, automata, hi)
    assert check(game, automata, (hi + 1) / 2)
    assert check(game, automata, hi + extra * (1 - hi))
    if lo > F(1, 1000):
        assert not check(game, automata, lo - F(1, 1000))
    if lo > 0:
        assert not check(game, automata, lo * (1 - F(1, 10**6)))
    # bisection with the checker reproduces delta* to 1e-9
    a, b = F(0), F(1) - F(1, 2**40)
    assert check(game, automata, b)
    while b - a > F(1, 2**34):
        mid = (a + b) / 2
        a, b = (a, mid) if check(game, automata, mid) else (mid, b)
    assert abs(float(b) - float(star)) <= 1e-9


_T, _R, _P, _S = sympy.symbols("T R P S", positive=True)
SYMBOLIC_PD = Game([[_R, _S], [_T, _P]], [[_R, _T], [_S, _P]], actions=[["C", "D"], ["C", "D"]])
_SYMBOLIC_THRESHOLDS: dict = {}


def _symbolic_threshold(kind):
    """Threshold of the symbolic 2x2 game (T, R, P, S) from gametheory.repeated (cached)."""
    if kind not in _SYMBOLIC_THRESHOLDS:
        args = {
            "grim": (DD, "grim", None),
            "lp1": (DD, "limited_punishment", 1),
            "lp2": (DD, "limited_punishment", 2),
            "sc": (DD, "stick_and_carrot", None),
            "tft": (None, "tit_for_tat", None),
        }[kind]
        res = critical_discount_factor(SYMBOLIC_PD, CC, args[0], args[1], periods=args[2])
        _SYMBOLIC_THRESHOLDS[kind] = sympy.sympify(res.overall)
    return _SYMBOLIC_THRESHOLDS[kind]


@needs_repeated
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["grim", "lp1", "lp2", "sc", "tft"]),
    st.integers(1, 6),
    st.integers(0, 6),
    st.integers(-2, 8),
    st.integers(-2, 8),
    st.fractions(F(1, 50), F(49, 50), max_denominator=50),
)
def test_symbolic_thresholds_equal_bisection_with_the_checker(kind, S, a, b, c, extra):
    # The symbolic threshold of the parametric game, evaluated at the drawn payoffs, is where the
    # one-shot-deviation checker switches on the numeric game. P = S + a >= S keeps (D, D) a
    # stage equilibrium (as grim and limited punishment need); R = P + b and T = R + c are a
    # prisoner's dilemma when b, c > 0 and other orderings otherwise.
    P = S + a
    R, T = max(P + b, 1), max(P + b + c, 1)
    values = {_T: T, _R: R, _P: P, _S: S}
    star = sympy.sympify(_symbolic_threshold(kind).subs(values))
    game = SYMBOLIC_PD.subs(values)
    assert game.is_exact
    automata = {
        "grim": lambda i: grim_trigger(game, i, CC, DD),
        "lp1": lambda i: limited_punishment(game, i, CC, DD, 1),
        "lp2": lambda i: limited_punishment(game, i, CC, DD, 2),
        "sc": lambda i: stick_and_carrot(game, i, CC, DD),
        "tft": lambda i: tit_for_tat(game, i, CC, DD),
    }[kind]
    check = is_nash if kind == "tft" else is_subgame_perfect
    _assert_threshold(game, [automata(0), automata(1)], star, check, extra)


@needs_repeated
def test_repeated_thresholds_on_the_textbook_games():
    # MODELS.md §7.6 R-a and R-b, limited punishment, stick and carrot, tit-for-tat
    res = critical_discount_factor(PD, CC, DD, "grim")
    assert res.overall == F(1, 2) and is_subgame_perfect(PD, grim_pair(PD), res.overall)
    rb = Game([[4, 0], [6, 1]], [[2, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    res = critical_discount_factor(rb, CC, DD, "grim")
    assert res.per_player == (F(2, 5), F(3, 4))
    devs = one_shot_deviations(rb, grim_pair(rb), F(3, 4) - EPS)
    assert {d.player for d in devs} == {1}
    game = pd_game(4, 3, 1, 0)
    res = critical_discount_factor(game, CC, DD, "limited_punishment", periods=2)
    assert sympy.simplify(sympy.sympify(res.overall) - (sympy.sqrt(3) - 1) / 2) == 0
    res = critical_discount_factor(game, CC, strategy="tit_for_tat")
    t = [tit_for_tat(game, i) for i in range(2)]
    assert res.subgame_perfect == sympy.FiniteSet(sympy.Rational(1, 3))
    assert is_subgame_perfect(game, t, F(1, 3)) and is_nash(game, t, res.overall)


def test_spe_payoffs_lie_in_quantecons_equilibrium_payoff_set():
    # Optional cross-check (skipped unless QuantEcon is installed): QuantEcon's RepeatedGame
    # computes the set of pure-strategy SPE payoffs with public randomisation of a two-player
    # game (Abreu & Sannikov 2014). The average payoff of every profile of automata that is
    # subgame perfect must lie in it; in the PD (3, 3) is in it iff delta >= 1/2, like grim.
    qe_games = pytest.importorskip("quantecon.game_theory")

    def qe_set(game, d):
        nfg = qe_games.NormalFormGame(np.stack(game.as_float(), axis=-1))
        return qe_games.RepeatedGame(nfg, d).equilibrium_payoffs()

    def inside(hull, point, tol=1e-6):
        return all(
            eq[:-1] @ np.asarray(point, dtype=float) + eq[-1] <= tol for eq in hull.equations
        )

    g = grim_pair(PD)
    for d in [F(2, 5), F(9, 20), F(1, 2), F(3, 5), F(3, 4)]:
        avg = discounted_value(PD, g, d, normalized=True)
        assert inside(qe_set(PD, float(d)), avg) == is_subgame_perfect(PD, g, d) == (d >= F(1, 2))
    rng = np.random.default_rng(5)
    builders = [
        lambda game, i: grim_trigger(game, i, CC, DD),
        lambda game, i: limited_punishment(game, i, CC, DD, 2),
        lambda game, i: stick_and_carrot(game, i, CC, DD),
        lambda game, i: tit_for_tat(game, i),
    ]
    found = 0
    for _ in range(30):  # random asymmetric prisoner's dilemmas T_i > R_i > P_i > S_i
        (s1, p1, r1, t1), (s2, p2, r2, t2) = np.cumsum(rng.integers(1, 5, (2, 4)), axis=1).tolist()
        game = Game([[r1, s1], [t1, p1]], [[r2, t2], [s2, p2]], actions=[["C", "D"], ["C", "D"]])
        build = builders[int(rng.integers(0, 4))]
        automata = [build(game, i) for i in range(2)]
        d = F(int(rng.integers(1, 20)), 20)
        if is_subgame_perfect(game, automata, d):
            found += 1
            hull = qe_set(game, float(d))
            assert inside(hull, discounted_value(game, automata, d, normalized=True))
    assert found >= 5


# --------------------------------------------------------------------------------------------
# Automaton construction, wildcards, immutability
# --------------------------------------------------------------------------------------------


def test_flat_nested_and_callable_transition_forms_agree():
    flat = Automaton(
        ["c", "p"],
        "c",
        {"c": "C", "p": "D"},
        {("c", CC): "c", ("c", "*"): "p", ("p", "*"): "p"},
        name="grim",
    )
    nested = Automaton(
        ["c", "p"], "c", {"c": 0, "p": 1}, {"c": {CC: "c", "*": "p"}, "p": {"*": "p"}}
    )
    func = Automaton(
        ["c", "p"],
        "c",
        {"c": "C", "p": "D"},
        lambda s, prof: "c" if s == "c" and prof == CC else "p",
    )
    for a in (flat, nested, func):
        g = [a, a]
        assert is_subgame_perfect(PD, g, F(1, 2))
        assert not is_subgame_perfect(PD, g, F(1, 3))
        b = a.bind(PD, 1)
        assert b.next_state("c", ("C", "D")) == "p"
        assert b.next_state("c", (0, 0)) == "c"
        assert b.action("p") == "D"
        assert b.reachable_states == ("c", "p")
    assert flat.transitions[("c", "*")] == "p"


def test_most_specific_wildcard_wins_and_ties_are_errors():
    # TFT of player 1 written with per-action wildcards: state wildcard + opponent's action
    tft = Automaton(
        ["C", "D"],
        "C",
        {"C": "C", "D": "D"},
        {("*", ("*", "C")): "C", ("*", ("*", "D")): "D", ("D", ("D", "C")): "D"},
    ).bind(PD, 0)
    assert tft.next_state("C", ("D", "C")) == "C"
    assert tft.next_state("D", ("D", "C")) == "D"  # the most specific key applies
    assert tft.next_state("D", ("C", "C")) == "C"
    amb = Automaton(
        ["C", "D"],
        "C",
        {"C": "C", "D": "D"},
        {("*", ("*", "C")): "C", ("*", ("D", "*")): "D", ("*", ("C", "D")): "D"},
    )
    with pytest.raises(ValueError, match=r"ambiguous.*\('D', 'C'\)"):
        amb.bind(PD, 0)


def test_automaton_is_immutable_and_hashable():
    a = grim_trigger(PD, 0, CC, DD)
    with pytest.raises(AttributeError):
        a.initial = "punish"
    with pytest.raises(TypeError):
        a.actions["cooperate"] = "D"
    assert a == grim_trigger(PD, 0, CC, DD)
    assert len({a, grim_trigger(PD, 0, CC, DD), grim_trigger(PD, 1, CC, DD)}) == 2
    assert "grim trigger" in repr(a) and "Player 1" in repr(a)
    assert a.is_bound and a.player == 0 and a.stage == PD


def test_unreachable_states_need_no_transitions():
    a = Automaton(["c", "never"], "c", {"c": "C", "never": "D"}, {("c", "*"): "c"})
    assert a.bind(PD, 0).reachable_states == ("c",)
    assert is_nash(PD, [a, a], F(1, 2)) is False  # always C is exploited


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


def test_missing_transition_names_state_and_profile():
    a = Automaton(["c", "p"], "c", {"c": "C", "p": "D"}, {("c", CC): "c", ("c", "*"): "p"})
    with pytest.raises(ValueError, match=r"no transition from state 'p' on profile \('C', 'C'\)"):
        is_subgame_perfect(PD, [a, a], F(1, 2))
    with pytest.raises(ValueError, match="no transition from state 'p'"):
        simulate(PD, [a, a], 3)
    partial = Automaton(["c"], "c", {"c": "C"}, {("c", CC): "c"})
    with pytest.raises(ValueError, match=r"state 'c' on profile \('C', 'D'\)"):
        partial.bind(PD, 0)
    raising = Automaton(["c"], "c", {"c": "C"}, lambda s, prof: {("c", CC): "c"}[(s, prof)])
    with pytest.raises(ValueError, match="no transition from state 'c'"):
        raising.bind(PD, 0)
    wrong = Automaton(["c"], "c", {"c": "C"}, lambda s, prof: "x")
    with pytest.raises(ValueError, match="'x', which is not a state"):
        wrong.bind(PD, 0)


def test_unknown_states_and_bad_construction():
    ok_t = {("c", "*"): "c"}
    with pytest.raises(ValueError, match="initial state 'z'"):
        Automaton(["c"], "z", {"c": "C"}, ok_t)
    with pytest.raises(ValueError, match="unknown states"):
        Automaton(["c"], "c", {"c": "C", "z": "D"}, ok_t)
    with pytest.raises(ValueError, match="no action for the states"):
        Automaton(["c", "p"], "c", {"c": "C"}, ok_t)
    with pytest.raises(ValueError, match="unknown state 'z'"):
        Automaton(["c"], "c", {"c": "C"}, {("z", "*"): "c"})
    with pytest.raises(ValueError, match="leads to an unknown state 'z'"):
        Automaton(["c"], "c", {"c": "C"}, {("c", "*"): "z"})
    with pytest.raises(ValueError, match="duplicates"):
        Automaton(["c", "c"], "c", {"c": "C"}, ok_t)
    with pytest.raises(ValueError, match="at least one state"):
        Automaton([], "c", {}, ok_t)
    with pytest.raises(ValueError, match="wildcard"):
        Automaton(["*"], "*", {"*": "C"}, {("*", "*"): "*"})
    with pytest.raises(TypeError, match="not hashable"):
        Automaton([["c"]], "c", {}, ok_t)
    with pytest.raises(TypeError, match="pair"):
        Automaton(["c"], "c", {"c": "C"}, {"c": "c"})
    with pytest.raises(TypeError, match="mixes"):
        Automaton(["c"], "c", {"c": "C"}, {"c": {"*": "c"}, ("c", CC): "c"})
    with pytest.raises(TypeError, match="tuple of actions"):
        Automaton(["c"], "c", {"c": "C"}, {("c", "C"): "c"})
    with pytest.raises(TypeError, match="action name or index"):
        Automaton(["c"], "c", {"c": 1.5}, ok_t)
    with pytest.raises(ValueError, match="empty"):
        Automaton(["c"], "c", {"c": "C"}, {})
    with pytest.raises(TypeError, match="transitions must be"):
        Automaton(["c"], "c", {"c": "C"}, [("c", "c")])


def test_automaton_for_the_wrong_game():
    three = Automaton(["c"], "c", {"c": 2}, {("c", "*"): "c"})
    with pytest.raises(ValueError, match="action index 2 out of range"):
        three.bind(PD, 0)
    named = Automaton(["c"], "c", {"c": "Cooperate"}, {("c", "*"): "c"})
    with pytest.raises(ValueError, match="no action 'Cooperate'"):
        is_subgame_perfect(PD, [named, named], F(1, 2))
    long_key = Automaton(["c"], "c", {"c": "C"}, {("c", ("C", "C", "C")): "c", ("c", "*"): "c"})
    with pytest.raises(ValueError, match="3 actions but the stage game has 2 players"):
        long_key.bind(PD, 0)
    bad_key = Automaton(["c"], "c", {"c": "C"}, {("c", ("C", "X")): "c", ("c", "*"): "c"})
    with pytest.raises(ValueError, match="no action 'X'"):
        bad_key.bind(PD, 0)
    star = Game([[1, 0], [0, 1]], actions=[["*", "b"], ["c", "d"]])
    with pytest.raises(ValueError, match="action named"):
        Automaton(["c"], "c", {"c": "b"}, {("c", "*"): "c"}).bind(star, 0)


def test_bad_discount_factors():
    g = grim_pair(PD)
    for bad in [0, 1, F(3, 2), -0.1, 1.0, 2]:
        with pytest.raises(ValueError, match="0 < delta < 1"):
            is_subgame_perfect(PD, g, bad)
    with pytest.raises(ValueError, match="finite"):
        is_nash(PD, g, float("nan"))
    with pytest.raises(TypeError, match="symbolic"):
        is_subgame_perfect(PD, g, sympy.Symbol("delta"))
    with pytest.raises(ValueError, match="irrational"):
        discounted_value(PD, g, sympy.sqrt(2) / 2)
    with pytest.raises(TypeError, match="number"):
        one_shot_deviations(PD, g, True)
    with pytest.raises(TypeError, match="required"):
        is_subgame_perfect(PD, g, None)
    with pytest.raises(ValueError, match="0 < delta < 1"):
        simulate(PD, g, 3, discount=1)
    assert is_subgame_perfect(PD, g, sympy.Rational(3, 4))


def test_wrong_automata_lists():
    g = grim_pair(PD)
    with pytest.raises(ValueError, match="2 players but 1 automata"):
        is_subgame_perfect(PD, g[:1], F(1, 2))
    with pytest.raises(ValueError, match="2 players but 3 automata"):
        simulate(PD, [*g, g[0]], 3)
    with pytest.raises(TypeError, match="not an Automaton"):
        is_nash(PD, [g[0], "grim"], F(1, 2))
    with pytest.raises(TypeError, match="one Automaton per player"):
        is_nash(PD, g[0], F(1, 2))
    with pytest.raises(ValueError, match="bound to player 1"):
        is_subgame_perfect(PD, [g[1], g[1]], F(1, 2))
    with pytest.raises(TypeError, match="stage must be a Game"):
        simulate([[1]], g, 3)


def test_builder_and_simulate_validation():
    with pytest.raises(ValueError, match="two-player"):
        tit_for_tat(public_goods(), 0, ("C",) * 3, ("D",) * 3)
    with pytest.raises(ValueError, match="cooperate is not a pure profile"):
        grim_trigger(PD, 0, ("C", "X"), DD)
    with pytest.raises(ValueError, match="punishment is not a pure profile"):
        grim_trigger(PD, 0, CC, ("D",))
    with pytest.raises(ValueError, match="positive integer"):
        limited_punishment(PD, 0, CC, DD, 0)
    with pytest.raises(ValueError, match="unknown player"):
        always(PD, "Player 9", "C")
    g = grim_pair(PD)
    with pytest.raises(ValueError, match="positive integer"):
        simulate(PD, g, 0)
    with pytest.raises(ValueError, match="deviation period 5"):
        simulate(PD, g, 5, deviations={5: DD})
    with pytest.raises(ValueError, match="has 1 actions"):
        simulate(PD, g, 5, deviations={0: ("D",)})
    with pytest.raises(ValueError, match="no action 'X'"):
        simulate(PD, g, 5, deviations={0: ("X", "D")})
    assert isinstance(one_shot_deviations(PD, g, F(1, 3))[0], OneShotDeviation)
