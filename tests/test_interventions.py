"""Tests for gametheory.interventions: instruments, minimal interventions, k-implementation."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

import gametheory as gt
from gametheory.equilibria import best_responses, equilibria, is_equilibrium, pure_equilibria
from gametheory.interventions import (
    CONCEPTS,
    Intervention,
    InterventionResult,
    KImplementation,
    Liability,
    Penalty,
    Subsidy,
    Transfer,
    UnsupportedQuestion,
    k_implementation_cost,
    minimal_intervention,
)
from gametheory.properties import dominant_action
from gametheory.symbolic import equilibrium_conditions, threshold

F = Fraction
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CD = [["C", "D"], ["C", "D"]]


def pd(T=5, R=3, P=1, S=0):
    """Symmetric prisoner's dilemma, MODELS.md §2.1 notation (row payoffs R, S / T, P)."""
    return gt.Game([[R, S], [T, P]], [[R, T], [S, P]], actions=CD, title="PD")


PD = pd()
# MODELS.md §2.4 S-a: m = 4, r = 3, e = 1 -> R = 4, T = 6, P = 2, S = 0 (actions O, P).
SA = gt.Game([[4, 0], [6, 2]], [[4, 6], [0, 2]], actions=[["O", "P"], ["O", "P"]])
# MODELS.md §2.4 S-b: developed D vs lagging U (I = integrate, P = protect).
SB = gt.Game(
    [[10, 7], [8, 6]], [[3, 5], [2, 4]], players=["D", "U"], actions=[["I", "P"], ["I", "P"]]
)
# MODELS.md §4.4 K-a: sharing type (assurance game), B_s = 6, t_c = 2.
KA = gt.Game([[4, -2], [0, 0]], [[4, 0], [-2, 0]], actions=[["C", "N"], ["C", "N"]])


def n_region(N, m, rent, kappa=0):
    """MODELS.md §2.3: u_i = m n_O^{-i} + s_i (r - e + kappa n_P^{-i}); 0 = open, 1 = protect."""
    arrays = [np.empty((2,) * N, dtype=object) for _ in range(N)]
    for s in itertools.product(range(2), repeat=N):
        for i in range(N):
            n_open = sum(1 for k in range(N) if k != i and s[k] == 0)
            n_prot = N - 1 - n_open
            arrays[i][s] = m * n_open + s[i] * (rent + kappa * n_prot)
    return gt.Game.from_arrays(*arrays)


def holds(game, target, concept):
    """Independent check of a concept with the package's solvers."""
    n = game.n_players
    if concept == "nash":
        return is_equilibrium(game, target)
    if concept == "strict":
        return all(best_responses(game, i, target) == (target[i],) for i in range(n))
    if concept == "dominant":
        return all(dominant_action(game, i) == target[i] for i in range(n))
    if concept == "weakly_dominant":
        for i in range(n):
            for prof in itertools.product(*(range(k) for k in game.shape)):
                if prof[i] == target[i] and target[i] not in best_responses(game, i, prof):
                    return False
        return True
    eqs = equilibria(game)
    return len(eqs) == 1 and eqs[0].pure_profile == tuple(target)


def lp_level(game, target, instrument, concept):
    """Independent HiGHS check of a uniform level: the minimal l >= 0 with every incentive
    ``g_k(l) >= 0`` (the closure of strict concepts), where each ``g_k`` is affine in ``l`` and
    read off the transformed games at l = 0 and l = 1. None when infeasible."""
    g0 = instrument.apply(game, 0, target).as_float()
    g1 = instrument.apply(game, 1, target).as_float()
    a, b = [], []
    for i in range(game.n_players):
        for prof in itertools.product(*(range(k) for k in game.shape)):
            if prof[i] != target[i]:
                continue
            if concept in ("nash", "strict") and any(
                prof[k] != target[k] for k in range(game.n_players) if k != i
            ):
                continue
            for x in range(game.shape[i]):
                if x == target[i]:
                    continue
                dev = (*prof[:i], x, *prof[i + 1 :])
                a.append(g0[i][prof] - g0[i][dev])
                b.append((g1[i][prof] - g1[i][dev]) - (g0[i][prof] - g0[i][dev]))
    res = linprog([1.0], A_ub=-np.array(b).reshape(-1, 1), b_ub=np.array(a), bounds=[(0, None)])
    return None if res.status == 2 else float(res.x[0])


def lp_per_player(game, target, instrument, concept):
    """Independent HiGHS optimum of ``min sum(l)`` over per-player levels (closure of strict
    concepts), each constraint read off the games at l = 0 and at the unit levels. None when
    infeasible."""
    n = game.n_players
    g0 = instrument.apply(game, (0,) * n, target).as_float()
    units = [
        instrument.apply(game, tuple(int(k == j) for k in range(n)), target).as_float()
        for j in range(n)
    ]
    a, B = [], []
    for i in range(n):
        for prof in itertools.product(*(range(k) for k in game.shape)):
            if prof[i] != target[i]:
                continue
            if concept in ("nash", "strict") and any(
                prof[k] != target[k] for k in range(n) if k != i
            ):
                continue
            for x in range(game.shape[i]):
                if x == target[i]:
                    continue
                dev = (*prof[:i], x, *prof[i + 1 :])
                base = g0[i][prof] - g0[i][dev]
                a.append(base)
                B.append([(u[i][prof] - u[i][dev]) - base for u in units])
    res = linprog(np.ones(n), A_ub=-np.array(B), b_ub=np.array(a), bounds=[(0, None)] * n)
    return None if res.status == 2 else float(res.fun)


# --------------------------------------------------------------------------------------------
# Instruments
# --------------------------------------------------------------------------------------------


def test_subsidy_on_the_target_and_game_plus_intervention():
    g = PD + Subsidy().at(2, target=("C", "C"))
    assert isinstance(Subsidy().at(2), Intervention)
    A, B = g.payoff_arrays
    assert A.tolist() == [[5, 0], [5, 1]] and B.tolist() == [[5, 5], [0, 1]]
    assert g == Subsidy().apply(PD, 2, ("C", "C"))
    assert g == Subsidy(target=(0, 0)).at(2) + PD  # addition commutes
    assert g.title == "PD" and g.actions == PD.actions
    pay = Subsidy().payments(PD, 2, ("C", "C"))
    assert pay.central == 4 and pay.received == (2, 2) and pay.paid == (-2, -2)
    assert Subsidy().payments(PD, 2, ("C", "C"), ("D", "C")).central == 0
    per = PD + Subsidy().at((1, F(1, 2)), target=(0, 0))
    assert per.payoff_arrays[0][0, 0] == 4 and per.payoff_arrays[1][0, 0] == F(7, 2)
    with pytest.raises(ValueError, match="single level"):
        Transfer(0, 1).at((1, 2))
    with pytest.raises(TypeError):
        PD + Subsidy().at(1, target=(0, 0)).instrument  # an instrument is not a game change


def test_subsidy_recipients_profiles_per_action_and_per_player_levels():
    g = Subsidy(recipients=["Player 2"], profiles=[("C", "D"), ("D", "D")]).apply(PD, 1)
    A, B = g.payoff_arrays
    assert A.tolist() == PD.payoff_arrays[0].tolist()
    assert B.tolist() == [[3, 6], [0, 2]]
    per = Subsidy(per_action=True).apply(PD, (1, F(1, 2)), ("C", "C"))
    A, B = per.payoff_arrays
    assert A.tolist() == [[4, 1], [5, 1]]  # player 1 paid 1 whenever it plays C
    assert B.tolist() == [[F(7, 2), 5], [F(1, 2), 1]]
    adj = Subsidy().adjustment(PD, (3, 0), (0, 0))
    assert adj[0].tolist() == [[3, 0], [0, 0]] and adj[1].tolist() == [[0, 0], [0, 0]]


def test_penalty_default_on_unilateral_deviations_with_detection():
    pen = Penalty(detection=F(1, 2))
    A, B = pen.adjustment(PD, 4, ("C", "C"))
    assert A.tolist() == [[0, 0], [-2, 0]]  # player 1 fined 1/2 * 4 when it alone defects
    assert B.tolist() == [[0, -2], [0, 0]]
    pay = pen.payments(PD, 4, ("C", "C"), ("D", "C"))
    assert pay.received == (-2, 0) and pay.central == -2  # the centre collects the fine
    A, _ = Penalty(per_action=True).adjustment(PD, 1, (0, 0))
    assert A.tolist() == [[0, 0], [-1, -1]]  # fined whenever it defects
    A, B = Penalty(payers=[0], profiles=[(1, 1)]).adjustment(PD, 3)
    assert A.tolist() == [[0, 0], [0, -3]] and B.tolist() == [[0, 0], [0, 0]]


def test_transfer_and_liability_are_budget_balanced():
    tr = Transfer("D", "U")
    A, B = tr.adjustment(SB, 2, ("I", "I"))
    assert A.tolist() == [[-2, 0], [0, 0]] and B.tolist() == [[2, 0], [0, 0]]
    A, B = Transfer(0, 1, per_action=True).adjustment(SB, 2, ("I", "I"))
    assert A.tolist() == [[-2, 0], [-2, 0]] and B.tolist() == [[2, 0], [2, 0]]
    lia = Liability(target=("C", "C"))
    A, B = lia.adjustment(PD, 2)
    assert A.tolist() == [[0, 2], [-2, 0]] and B.tolist() == [[0, -2], [2, 0]]
    for game, inst in ((PD, lia), (SB, Transfer(0, 1, target=(0, 0)))):
        for s in itertools.product(range(2), range(2)):
            assert inst.payments(game, 3, None, s).central == 0
    # three players: the deviator pays its level to each of the other two
    g3 = n_region(3, 2, 1)
    adj = Liability().adjustment(g3, (1, 2, 3), (0, 0, 0))
    assert [a[(0, 0, 1)] for a in adj] == [3, 3, -6]
    assert [a[(1, 0, 0)] for a in adj] == [-2, 1, 1]
    assert all(a[(1, 1, 0)] == 0 for a in adj)  # two deviators: nothing paid


def test_levels_keep_the_number_kind():
    assert Subsidy().apply(PD, F(1, 3), (0, 0)).kind == "exact"
    assert Subsidy().apply(PD, 0.5, (0, 0)).kind == "float"
    s = sympy.Symbol("s", positive=True)
    g = Subsidy().apply(PD, s, (0, 0))
    assert g.kind == "symbolic" and g.payoff_arrays[0][0, 0] == 3 + s
    assert Subsidy().apply(PD, sympy.Rational(1, 2), (0, 0)).payoff_arrays[0][0, 0] == F(7, 2)


def test_instrument_bad_input():
    with pytest.raises(ValueError, match="non-negative"):
        Subsidy().apply(PD, -1, (0, 0))
    with pytest.raises(ValueError, match="finite"):
        Subsidy().apply(PD, float("nan"), (0, 0))
    with pytest.raises(ValueError, match="finite"):
        Subsidy().at(float("inf"))
    with pytest.raises(TypeError):
        Subsidy().apply(PD, True, (0, 0))
    with pytest.raises(TypeError):
        Subsidy().apply(PD, "2", (0, 0))
    with pytest.raises(ValueError, match="positive"):
        Penalty(detection=-F(1, 2))
    with pytest.raises(ValueError, match="positive"):
        Penalty(detection=0)
    with pytest.raises(ValueError, match="at most 1"):
        Penalty(detection=F(3, 2))
    with pytest.raises(ValueError, match="finite"):
        Penalty(detection=float("nan"))
    with pytest.raises(ValueError, match="exceeds 1"):
        Penalty(detection=1 + sympy.Symbol("x", positive=True))
    with pytest.raises(ValueError, match="different"):
        Transfer(0, 0)
    with pytest.raises(ValueError, match="different"):
        Transfer("Player 1", 0).apply(PD, 1, (0, 0))
    with pytest.raises(ValueError, match="single level"):
        Transfer(0, 1).apply(PD, (1, 2), (0, 0))
    with pytest.raises(ValueError, match="one level per player"):
        Subsidy().apply(PD, (1, 2, 3), (0, 0))
    with pytest.raises(ValueError, match="needs a target"):
        Subsidy().apply(PD, 1)
    with pytest.raises(ValueError, match="needs a target"):
        Liability().apply(PD, 1)
    with pytest.raises(ValueError, match="target"):
        Subsidy(target=(0, 0)).apply(PD, 1, (1, 1))
    with pytest.raises(TypeError, match="sequence of profiles"):
        Subsidy(profiles=("C", "C"))
    with pytest.raises(ValueError, match="not both"):
        Penalty(profiles=[(0, 0)], per_action=True)
    with pytest.raises(ValueError, match="no action"):
        Subsidy(profiles=[("C", "X")]).apply(PD, 1)
    with pytest.raises(ValueError, match="unknown player"):
        Subsidy(recipients=["Nobody"]).apply(PD, 1, (0, 0))


# --------------------------------------------------------------------------------------------
# minimal_intervention: oracles
# --------------------------------------------------------------------------------------------


def test_pd_subsidy_penalty_liability_nash_oracles():
    # MODELS.md §6.2: s* = T - R; pi F* = T - R; §2.1 subsidy on path costs 2 s
    r = minimal_intervention(PD, ("C", "C"), "subsidy")
    assert isinstance(r, InterventionResult)
    assert r.feasible and r.level == 2 and r.attained and r.cost == 4 and r.transfers == (2, 2)
    assert isinstance(r.level, Fraction)
    assert r.game == Subsidy().apply(PD, 2, (0, 0)) and is_equilibrium(r.game, (0, 0))
    assert not is_equilibrium(r.game_at(2 - F(1, 1000)), (0, 0))
    assert r.method.startswith("closed form")
    p = minimal_intervention(PD, ("C", "C"), "penalty")
    assert p.level == 2 and p.cost == 0 and p.transfers == (0, 0)
    lia = minimal_intervention(PD, ("C", "C"), "liability")
    assert lia.level == 2 and lia.cost == 0 and lia.attained


def test_monitoring_probability_scales_the_fine():
    # MODELS.md §6.2: with detection pi the minimal fine is (T - R) / pi
    for pi in (F(1, 2), F(1, 4), F(2, 3)):
        r = minimal_intervention(PD, (0, 0), Penalty(detection=pi))
        assert r.level == 2 / pi
    pi = sympy.Symbol("pi", positive=True)
    r = minimal_intervention(PD, (0, 0), Penalty(detection=pi))
    assert sympy.simplify(r.level - 2 / pi) == 0 and r.method == "closed form (sympy)"


def test_segmentation_sa_minimal_fine():
    # MODELS.md §2.4 S-a: minimal fine pi F = 2 (fine per protecting region: O dominant)
    r = minimal_intervention(SA, ("O", "O"), Penalty(per_action=True), "weakly_dominant")
    assert r.level == 2 and r.attained and r.cost == 0
    assert minimal_intervention(SA, ("O", "O"), "penalty").level == 2
    assert minimal_intervention(SA, ("O", "O"), Subsidy(per_action=True), "dominant").level == 2


def test_dominance_oracle_max_of_temptation_and_sucker_gap():
    # §6.2: for dominance replace T - R by max(T - R, P - S)
    for T, R, P, S in ((5, 3, 1, 0), (4, 3, 2, 0), (7, 2, 1, -3)):
        game = pd(T, R, P, S)
        expected = max(T - R, P - S)
        weak = minimal_intervention(game, (0, 0), Subsidy(per_action=True), "weakly_dominant")
        strict = minimal_intervention(game, (0, 0), Subsidy(per_action=True), "dominant")
        lia = minimal_intervention(game, (0, 0), "liability", "dominant")
        assert weak.level == strict.level == lia.level == expected
        assert weak.attained and not strict.attained and not lia.attained
        assert holds(strict.game_at(expected + F(1, 1000)), (0, 0), "dominant")
        assert not holds(strict.game, (0, 0), "dominant")
        assert weak.cost == 2 * expected


def test_subsidy_on_target_only_cannot_make_cooperation_dominant():
    r = minimal_intervention(PD, (0, 0), "subsidy", "dominant")
    assert r.feasible is False and "whatever the level" in r.reason
    assert r.level is None and r.game is None


def test_budget_balanced_transfer_on_the_target_is_infeasible_for_the_symmetric_pd():
    r = minimal_intervention(PD, ("C", "C"), "transfer")
    assert r.feasible is False
    assert "helps one incentive and hurts another" in r.reason
    one = minimal_intervention(PD, ("C", "C"), Transfer(0, 1))
    assert one.feasible is False and "<= -2" in one.reason
    # ...while the liability rule with level >= T - R works (MODELS.md §4.2, §9.3: lateral
    # compensation conditioned on the deviator)
    lia = minimal_intervention(PD, ("C", "C"), "liability")
    assert lia.feasible and lia.level == 2 and lia.cost == 0


def test_asymmetric_segmentation_transfer():
    # S-b: a transfer t from D to U on (I, I) makes it a NE iff 2 <= t <= 2 (D's own incentive
    # caps it); conditional on U integrating (per_action) any t >= 2 works (§2.2 lower bound).
    r = minimal_intervention(SB, ("I", "I"), Transfer("D", "U"))
    assert r.level == 2 and r.upper == 2 and r.transfers == (-2, 2) and r.cost == 0
    auto = minimal_intervention(SB, ("I", "I"), "transfer")
    assert auto.instrument == Transfer(0, 1) and auto.level == 2
    cond = minimal_intervention(SB, ("I", "I"), Transfer("D", "U", per_action=True))
    assert cond.level == 2 and cond.upper is None
    strict = minimal_intervention(SB, ("I", "I"), Transfer("D", "U"), "strict")
    assert strict.feasible is False


def test_three_region_game():
    # MODELS.md §2.3 with N = 3, m = 2, r - e = 1 (kappa = 0): P dominant; Pigouvian fine r - e
    g = n_region(3, 2, 1)
    assert dominant_action(g, 0) == 1
    sub = minimal_intervention(g, (0, 0, 0), "subsidy")
    assert sub.level == 1 and sub.cost == 3
    assert minimal_intervention(g, (0, 0, 0), "penalty").level == 1
    assert minimal_intervention(g, (0, 0, 0), Penalty(per_action=True), "dominant").level == 1
    lia = minimal_intervention(g, (0, 0, 0), "liability")
    assert lia.level == F(1, 2)  # the deviator pays 1/2 to each of the two others
    assert minimal_intervention(g, (0, 0, 0), "transfer").feasible is False
    for r in (sub, lia):
        assert (0, 0, 0) in {e.pure_profile for e in pure_equilibria(r.game)}
        below = r.game_at(r.level - F(1, 1000))
        assert (0, 0, 0) not in {e.pure_profile for e in pure_equilibria(below)}
    # kappa > 0 (S-c): all-open is already a NE, nothing is needed
    c = n_region(5, 1, -1, F(1, 2))
    assert minimal_intervention(c, (0,) * 5, "subsidy").level == 0


def test_per_player_levels():
    g = gt.Game([[3, 0], [6, 1]], [[3, 4], [0, 1]])  # regrets at (0, 0): 3 and 1
    r = minimal_intervention(g, (0, 0), "subsidy", per_player=True)
    assert r.level == (3, 1) and r.cost == 4 and r.method.startswith("linear programming")
    u = minimal_intervention(g, (0, 0), "subsidy")
    assert u.level == 3 and u.cost == 6  # a uniform level overpays player 2
    assert minimal_intervention(g, (0, 0), "penalty", per_player=True).level == (3, 1)
    rec = minimal_intervention(g, (0, 0), Subsidy(recipients=[1]), per_player=True)
    assert rec.feasible is False
    strict = minimal_intervention(g, (0, 0), "liability", "strict", per_player=True)
    assert strict.level == (3, 1) and strict.attained is False
    assert holds(strict.game_at((F(3001, 1000), F(1001, 1000))), (0, 0), "strict")
    with pytest.raises(ValueError, match="single level"):
        minimal_intervention(g, (0, 0), "transfer", per_player=True)


def test_float_games():
    g = gt.Game([[3.0, 0.0], [5.5, 1.0]], [[3.0, 5.5], [0.0, 1.0]])
    r = minimal_intervention(g, (0, 0), "subsidy")
    assert r.level == pytest.approx(2.5) and isinstance(r.level, float)
    assert r.game.kind == "float" and r.method == "closed form (floating point)"
    p = minimal_intervention(g, (0, 0), "penalty", per_player=True)
    assert p.level == pytest.approx((2.5, 2.5)) and "HiGHS" in p.method
    assert k_implementation_cost(g, (0, 0)).cost == pytest.approx(5.0)


def test_float_knife_edge_strictness():
    # the optimal face touches a tie within the float tolerance: reported as not attained,
    # and a level just above works
    g = gt.Game([[-0.215, -0.783], [0.229, -2.494]], [[0.69, 0.491], [-1.639, 0.061]])
    r = minimal_intervention(g, (1, 0), Subsidy(per_action=True), "strict", per_player=True)
    assert r.level[0] == 0.0 and r.level[1] == pytest.approx(1.7)
    assert r.attained is False and holds(r.game_at((0.0, 1.7 + 1e-6)), (1, 0), "strict")


def test_float_games_unique():
    r = minimal_intervention(PD.evalf(), (0, 0), Subsidy(per_action=True), "unique")
    assert r.level == 2.0 and isinstance(r.level, float) and r.attained is False
    assert "binary values" in r.method and r.game.kind == "float"
    pen = minimal_intervention(PD, (0, 0), Penalty(per_action=True, detection=0.5), "unique")
    assert pen.level == 4.0 and pen.attained is False


def test_already_an_equilibrium_needs_nothing():
    r = minimal_intervention(KA, ("C", "C"), "subsidy")
    assert r.level == 0 and r.cost == 0 and r.attained
    s = minimal_intervention(KA, ("C", "C"), "subsidy", "strict")
    assert s.level == 0 and s.attained


def test_result_display():
    r = minimal_intervention(PD, ("C", "C"), "subsidy")
    text = repr(r)
    assert "minimal level: 2" in text and "cost on path: 4" in text and "(C, C)" in text
    md = r._repr_markdown_()
    assert md.startswith("| | |") and "| minimal level | 2 |" in md
    bad = minimal_intervention(PD, ("C", "C"), "transfer")
    assert "reason" in repr(bad) and "feasible: False" in repr(bad)


# ---- "unique" ----------------------------------------------------------------------------------


def test_unique_pd():
    # At s = T - R the row player is indifferent: a continuum of equilibria; any s > 2 works.
    r = minimal_intervention(PD, (0, 0), Subsidy(per_action=True), "unique")
    assert r.level == 2 and r.attained is False
    assert holds(r.game_at(F(2001, 1000)), (0, 0), "unique")
    assert len(equilibria(r.game)) > 1
    # a subsidy on (C, C) alone leaves (D, D) an equilibrium: never unique
    assert minimal_intervention(PD, (0, 0), "subsidy", "unique").feasible is False
    lia = minimal_intervention(PD, (0, 0), "liability", "unique")
    assert lia.level == 2 and not lia.attained


def test_unique_stag_hunt_needs_to_remove_the_other_equilibria():
    # K-a: (C, C) is a NE but (N, N) and a mixed NE exist. A per-cooperator subsidy s removes
    # them once C is strictly dominant: 0 + s > 0 against N is not enough (-2 + s > 0).
    r = minimal_intervention(KA, (0, 0), Subsidy(per_action=True), "unique")
    assert r.level == 2 and r.attained is False
    assert minimal_intervention(KA, (0, 0), Subsidy(per_action=True), "nash").level == 0


def test_unique_attained_at_a_breakpoint():
    # Row's C is strictly dominant; the column player is indifferent at the target without help,
    # so the (weak) subsidy is needed strictly: s > 0. With an extra strict incentive for the
    # column player the target is the unique equilibrium already at s = 0.
    g = gt.Game([[2, 2], [0, 0]], [[1, 1], [0, 0]])
    r = minimal_intervention(g, (0, 0), "subsidy", "unique")
    assert r.level == 0 and r.attained is False
    g2 = gt.Game([[2, 2], [0, 0]], [[2, 1], [0, 0]])
    r2 = minimal_intervention(g2, (0, 0), "subsidy", "unique")
    assert r2.level == 0 and r2.attained is True


def test_unique_with_irrational_breakpoints():
    # a subsidy to both players on the diagonal: the bordered minors are quadratic in the
    # level and the equilibrium set changes at irrational levels
    g = gt.Game([[4, -1, 0], [-2, 2, 1], [-2, -2, 1]], [[4, 0, 1], [-4, -1, 3], [-1, -2, -4]])
    inst = Subsidy(profiles=[(0, 0), (1, 1), (2, 2)])
    r = minimal_intervention(g, (0, 0), inst, "unique")
    assert sympy.simplify(r.level - sympy.sqrt(2)) == 0 and r.attained is False
    assert sympy.simplify(r.upper - (sympy.sqrt(10) - 1)) == 0
    for x, expected in ((F(14142, 10000), False), (F(14143, 10000), True), (F(216, 100), True)):
        assert holds(inst.apply(g, x, (0, 0)), (0, 0), "unique") is expected
    # the search stops at the irrational breakpoint sqrt(10) - 1 once the target works: `upper`
    # is then a guaranteed bound (levels in (level, upper) work), here not the supremum
    assert holds(inst.apply(g, F(217, 100), (0, 0)), (0, 0), "unique")
    assert r.game.kind == "symbolic"  # the game at the irrational infimum


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(-4, 4), min_size=12, max_size=12),
    st.sampled_from([(2, 2), (2, 3), (3, 2)]),
    st.sampled_from(["subsidy", "penalty", "liability", "per_action"]),
)
def test_unique_against_a_brute_force_scan(values, shape, name):
    size = shape[0] * shape[1]
    A = np.array(values[:size]).reshape(shape)
    B = np.array(values[6 : 6 + size]).reshape(shape)
    game = gt.Game(A, B)
    inst = {
        "subsidy": Subsidy(),
        "penalty": Penalty(),
        "liability": Liability(),
        "per_action": Subsidy(per_action=True),
    }[name]
    r = minimal_intervention(game, (0, 0), inst, "unique")
    grid = [F(k, 4) for k in range(41)]
    works = [holds(inst.apply(game, x, (0, 0)), (0, 0), "unique") for x in grid]
    if not r.feasible:
        assert not any(works)
        return
    assert not any(ok for x, ok in zip(grid, works, strict=True) if x < r.level)
    assert holds(r.game, (0, 0), "unique") == r.attained
    assert holds(r.game_at(r.level + F(1, 1000)), (0, 0), "unique")


# --------------------------------------------------------------------------------------------
# Random games: exact verification and minimality
# --------------------------------------------------------------------------------------------

INSTRUMENT_CHOICES = [
    Subsidy(),
    Subsidy(per_action=True),
    Penalty(),
    Penalty(per_action=True, detection=F(2, 3)),
    Liability(),
    "transfer",
]


@FAST
@given(
    st.data(),
    st.sampled_from([(2, 2), (2, 3), (3, 3), (2, 2, 2)]),
    st.sampled_from(INSTRUMENT_CHOICES),
    st.sampled_from(["nash", "strict", "dominant", "weakly_dominant"]),
)
def test_uniform_level_is_verified_and_minimal(data, shape, instrument, concept):
    n = len(shape)
    arrays = [
        np.array(
            data.draw(
                st.lists(
                    st.integers(-6, 6), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))
                )
            )
        ).reshape(shape)
        for _ in range(n)
    ]
    game = gt.Game.from_arrays(*arrays)
    target = tuple(data.draw(st.integers(0, k - 1)) for k in shape)
    r = minimal_intervention(game, target, instrument, concept)
    inst = r.instrument if r.feasible else instrument
    if not isinstance(inst, str):
        lp = lp_level(game, target, inst, concept)
        if concept in ("nash", "weakly_dominant"):
            assert (lp is None) == (not r.feasible)
        if r.feasible:
            assert lp == pytest.approx(float(r.level), abs=1e-9)
    if not r.feasible:
        assert r.reason and r.level is None
        # no level on a grid works either
        if not isinstance(inst, str):
            for x in (0, 1, 3, 10, 100):
                assert not holds(inst.apply(game, x, target), target, concept)
        return
    assert isinstance(r.level, Fraction) and r.level >= 0
    if r.attained:
        assert holds(r.game, target, concept)
    else:
        assert not holds(r.game, target, concept)
        step = F(1, 1000) if r.upper is None else min(F(1, 1000), (r.upper - r.level) / 2)
        assert holds(r.game_at(r.level + step), target, concept)
    if r.level >= F(1, 1000):
        assert not holds(r.game_at(r.level - F(1, 1000)), target, concept)
    assert r.cost == sum(r.transfers)


@FAST
@given(
    st.data(),
    st.sampled_from([(2, 2), (3, 3), (2, 2, 2)]),
    st.sampled_from(INSTRUMENT_CHOICES[:5]),
    st.sampled_from(["nash", "strict", "dominant", "weakly_dominant"]),
)
def test_per_player_levels_are_verified_and_minimal(data, shape, instrument, concept):
    n = len(shape)
    size = int(np.prod(shape))
    arrays = [
        np.array(data.draw(st.lists(st.integers(-6, 6), min_size=size, max_size=size))).reshape(
            shape
        )
        for _ in range(n)
    ]
    game = gt.Game.from_arrays(*arrays)
    target = tuple(data.draw(st.integers(0, k - 1)) for k in shape)
    r = minimal_intervention(game, target, instrument, concept, per_player=True)
    uniform = minimal_intervention(game, target, instrument, concept)
    lp = lp_per_player(game, target, instrument, concept)
    if concept in ("nash", "weakly_dominant"):
        assert (lp is None) == (not r.feasible)
    if not r.feasible:
        assert not uniform.feasible
        return
    assert lp == pytest.approx(float(sum(r.level)), abs=1e-9)
    assert len(r.level) == n and all(isinstance(v, Fraction) and v >= 0 for v in r.level)
    if uniform.feasible:  # a uniform level is one per-player choice
        assert sum(r.level) <= uniform.level * n
    if r.attained:
        assert holds(r.game, target, concept)
    else:
        assert not holds(r.game, target, concept)
    closure = {"strict": "nash", "dominant": "weakly_dominant"}.get(concept, concept)
    assert holds(r.game, target, closure)
    for j in range(n):  # lowering any positive level breaks the closed constraints
        if r.level[j] >= F(1, 1000):
            lower = list(r.level)
            lower[j] -= F(1, 1000)
            assert not holds(r.game_at(tuple(lower)), target, closure)
    if concept == "nash" and (n == 2 or not isinstance(instrument, Liability)):
        # each player's Nash constraints involve only its own level: level_i = regret_i / c_i
        k = k_implementation_cost(game, target)
        scale = 1 / instrument.detection if isinstance(instrument, Penalty) else 1
        if isinstance(instrument, Liability):
            scale = F(1, n - 1)
        assert tuple(r.level) == tuple(reg * scale for reg in k.regrets)


def test_larger_games_run():
    rng = np.random.default_rng(3)
    g = gt.Game(rng.integers(-9, 10, (10, 10)), rng.integers(-9, 10, (10, 10)))
    for inst in ("subsidy", "penalty", "liability"):
        r = minimal_intervention(g, (0, 0), inst, "nash", per_player=True)
        k = k_implementation_cost(g, (0, 0))
        assert r.feasible and sum(r.level) == k.cost
    g3 = gt.Game.from_arrays(*(rng.integers(-9, 10, (5, 5, 5)) for _ in range(3)))
    # the liability rule pays nothing when two players deviate: it cannot make actions dominant
    assert not minimal_intervention(g3, (1, 2, 3), Liability(), "dominant").feasible
    r = minimal_intervention(g3, (1, 2, 3), Penalty(per_action=True), "dominant", per_player=True)
    assert r.feasible and holds(r.game_at(tuple(v + 1 for v in r.level)), (1, 2, 3), "dominant")
    assert not holds(r.game, (1, 2, 3), "dominant")


# --------------------------------------------------------------------------------------------
# Parametric games: closed form vs numbers
# --------------------------------------------------------------------------------------------

T_, R_, P_, S_ = sympy.symbols("T R P S", real=True)
SYMBOLIC_PD = gt.Game([[R_, S_], [T_, P_]], [[R_, T_], [S_, P_]], actions=CD)


def test_symbolic_pd_closed_forms():
    T, R, P, S = gt.parameters("T R P S", positive=True)
    g = gt.Game([[R, S], [T, P]], [[R, T], [S, P]], actions=CD)
    r = minimal_intervention(g, (0, 0), "subsidy")
    assert r.level == sympy.Max(0, T - R) and r.method == "closed form (sympy)"
    assert sympy.simplify(r.cost - 2 * sympy.Max(0, T - R)) == 0
    d = minimal_intervention(g, (0, 0), Subsidy(per_action=True), "weakly_dominant")
    assert sympy.simplify(d.level - sympy.Max(0, T - R, P - S)) == 0
    t = minimal_intervention(g, (0, 0), Transfer(0, 1))
    # payer: R - t >= T; payee: R + t >= T -> feasible only when T <= R
    assert t.feasible not in (True, False)
    assert t.feasible.subs({T: 5, R: 3}) is sympy.false
    assert t.feasible.subs({T: 2, R: 3}) is sympy.true
    u = minimal_intervention(g, (0, 0), Subsidy(per_action=True), "unique")
    assert sympy.simplify(u.level - sympy.Max(0, T - R, P - S)) == 0
    assert u.attained.subs({T: 1, R: 3, P: 1, S: 2}) is sympy.true
    assert minimal_intervention(g, (0, 0), "subsidy", "unique").feasible == (S - P > 0)
    s = minimal_intervention(g, (0, 0), "subsidy", "strict")
    assert s.attained.subs({T: 5, R: 3}) is sympy.false
    assert s.attained.subs({T: 1, R: 3}) is sympy.true


def test_closed_form_matches_threshold_of_equilibrium_conditions():
    ell = sympy.Symbol("ell", positive=True)
    T, R, P, S = gt.parameters("T R P S", positive=True)
    g = gt.Game([[R, S], [T, P]], [[R, T], [S, P]])
    for inst in (Subsidy(), Penalty(), Liability()):
        r = minimal_intervention(g, (0, 0), inst)
        cond = equilibrium_conditions(inst.apply(g, ell, (0, 0)), (0, 0))
        th = threshold(cond, ell)
        assert sympy.simplify(sympy.Max(0, th.lower) - r.level) == 0


def test_closed_form_agrees_with_the_numeric_solver_on_random_draws():
    rng = random.Random(20261128)
    cases = [
        (Subsidy(), "nash"),
        (Subsidy(per_action=True), "weakly_dominant"),
        (Subsidy(per_action=True), "dominant"),
        (Penalty(), "strict"),
        (Penalty(detection=F(1, 3)), "nash"),
        (Liability(), "dominant"),
        (Transfer(0, 1), "nash"),
        (Transfer(1, 0, per_action=True), "nash"),
        (Subsidy(per_action=True), "unique"),
        (Subsidy(), "unique"),
        (Liability(), "unique"),
        (Transfer(0, 1), "unique"),
    ]
    closed = {
        (type(i).__name__, repr(i), c): minimal_intervention(SYMBOLIC_PD, (0, 0), i, c)
        for i, c in cases
    }
    draws = 0
    for _ in range(20):
        values = {s: rng.randint(-5, 8) for s in (T_, R_, P_, S_)}
        numeric = SYMBOLIC_PD.subs(values)
        for (inst, concept), key in zip(cases, closed, strict=True):
            sym = closed[key]
            num = minimal_intervention(numeric, (0, 0), inst, concept)
            feasible = (
                sym.feasible if isinstance(sym.feasible, bool) else bool(sym.feasible.subs(values))
            )
            assert feasible == bool(num.feasible), (inst, concept, values)
            draws += 1
            if feasible:
                assert sympy.Rational(sym.level.subs(values)) == num.level
                attained = (
                    sym.attained
                    if isinstance(sym.attained, bool)
                    else bool(sym.attained.subs(values))
                )
                assert attained == num.attained
                if concept != "unique":
                    lp = lp_level(numeric, (0, 0), inst, concept)
                    assert lp == pytest.approx(float(num.level), abs=1e-9)
    assert draws > 100


GENERAL = sympy.symbols("a0:6 b0:6", real=True)
GENERAL_23 = gt.Game(
    np.array(GENERAL[:6], dtype=object).reshape(2, 3),
    np.array(GENERAL[6:], dtype=object).reshape(2, 3),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(-5, 5), min_size=12, max_size=12),
    st.sampled_from(
        [
            (Subsidy(), "strict"),
            (Subsidy(per_action=True), "dominant"),
            (Penalty(per_action=True), "weakly_dominant"),
            (Liability(), "nash"),
            (Liability(), "dominant"),
            (Transfer(1, 0), "nash"),
            (Transfer(0, 1, per_action=True), "strict"),
        ]
    ),
)
def test_closed_form_agrees_with_the_lp_on_an_asymmetric_2x3_game(values, case):
    inst, concept = case
    sym = _general_closed_form(inst, concept)
    mapping = dict(zip(GENERAL, values, strict=True))
    numeric = GENERAL_23.subs(mapping)
    num = minimal_intervention(numeric, (0, 1), inst, concept)
    feasible = sym.feasible if isinstance(sym.feasible, bool) else bool(sym.feasible.subs(mapping))
    assert feasible == bool(num.feasible)
    if feasible:
        assert sympy.Rational(sym.level.subs(mapping)) == num.level
        lp = lp_level(numeric, (0, 1), inst, concept)
        assert lp == pytest.approx(float(num.level), abs=1e-9)


_GENERAL_CACHE: dict = {}


def _general_closed_form(inst, concept):
    key = (repr(inst), concept)
    if key not in _GENERAL_CACHE:
        _GENERAL_CACHE[key] = minimal_intervention(GENERAL_23, (0, 1), inst, concept)
    return _GENERAL_CACHE[key]


def test_symbolic_unsupported_cases_raise():
    x = sympy.Symbol("x", positive=True)
    g23 = gt.Game([[x, 0, 1], [1, 0, 2]], [[1, 0, 0], [0, 0, 1]])
    with pytest.raises(UnsupportedQuestion, match="2x2"):
        minimal_intervention(g23, (0, 0), "subsidy", "unique")
    with pytest.raises(UnsupportedQuestion, match="per-player"):
        minimal_intervention(SYMBOLIC_PD, (0, 0), "subsidy", per_player=True)
    with pytest.raises(ValueError, match="direction"):
        minimal_intervention(SYMBOLIC_PD, (0, 0), "transfer")
    x = sympy.Symbol("x", real=True)
    g = gt.Game([[x, 0], [1, 0]], [[1, 0], [0, 0]])
    with pytest.raises(ValueError, match="sign"):
        minimal_intervention(g, (0, 0), Penalty(detection=x))


def test_minimal_intervention_bad_input():
    with pytest.raises(ValueError, match="unknown instrument"):
        minimal_intervention(PD, (0, 0), "bribe")
    with pytest.raises(TypeError, match="instrument"):
        minimal_intervention(PD, (0, 0), 3)
    with pytest.raises(ValueError, match="unknown concept"):
        minimal_intervention(PD, (0, 0), "subsidy", "pareto")
    with pytest.raises(ValueError, match="one action per player"):
        minimal_intervention(PD, (0, 0, 0), "subsidy")
    with pytest.raises(ValueError, match="no action"):
        minimal_intervention(PD, ("C", "X"), "subsidy")
    with pytest.raises(TypeError):
        minimal_intervention(PD, "CC", "subsidy")
    with pytest.raises(TypeError, match="Game"):
        minimal_intervention([[1]], (0, 0), "subsidy")
    with pytest.raises(UnsupportedQuestion, match="uniform"):
        minimal_intervention(PD, (0, 0), "subsidy", "unique", per_player=True)
    with pytest.raises(UnsupportedQuestion, match="two-player"):
        minimal_intervention(n_region(3, 2, 1), (0, 0, 0), "subsidy", "unique")
    with pytest.raises(UnsupportedQuestion, match="2x2"):
        minimal_intervention(
            gt.Game([[sympy.sqrt(2), 0, 0], [1, 0, 0]]), (0, 0), "subsidy", "unique"
        )
    assert set(CONCEPTS) == {
        "nash",
        "strict",
        "unique",
        "dominant",
        "weakly_dominant",
        "ess",
        "unique_ess",
    }


# --------------------------------------------------------------------------------------------
# k-implementation
# --------------------------------------------------------------------------------------------


def test_k_implementation_oracles():
    k = k_implementation_cost(PD, ("C", "C"))
    assert isinstance(k, KImplementation)
    assert k.cost == 4 == k.closed_form and k.regrets == (2, 2) and k.lp_cost == pytest.approx(4)
    assert k_implementation_cost(KA, ("C", "C")).cost == 0  # stag hunt K-a
    assert k_implementation_cost(SA, ("O", "O")).cost == 4  # segmentation S-a
    assert k_implementation_cost(n_region(5, 1, -1, F(1, 2)), (0,) * 5).cost == 0  # S-c


def test_k_implementation_payments_implement_the_target():
    k = k_implementation_cost(PD, (0, 0))
    V1, V2 = k.payments
    assert V1[0, 0] == 2 and V2[0, 0] == 2 and V1[1, 0] == 0 and V1[1, 1] == 0
    g = PD + gt.Game(V1, V2, actions=CD)
    assert dominant_action(g, 0, strict=False) == 0 and dominant_action(g, 1, strict=False) == 0
    # players who avoid weakly dominated actions play (C, C): D is weakly dominated for both
    assert gt.dominated_actions(g, 0, strict=False) == (1,)
    assert gt.dominated_actions(g, 1, strict=False) == (1,)
    assert (0, 0) in {e.pure_profile for e in pure_equilibria(g)}
    # a 3x3 game: the scheme makes the target's actions dominant (strictly off the target)
    g3 = gt.Game([[1, 4, 0], [3, 0, 2], [0, 5, 1]], [[2, 0, 1], [3, 1, 0], [0, 4, 2]])
    k3 = k_implementation_cost(g3, (0, 0))
    assert k3.cost == 2 and k3.regrets == (2, 0)  # row: 3 - 1; column: (C, C) is its best
    h = g3 + gt.Game(*k3.payments)
    assert gt.dominated_actions(h, 0, strict=False) == (1, 2)
    assert gt.dominated_actions(h, 1, strict=False) == (1, 2)


def test_k_implementation_with_fines():
    # k_F = sum_i max(0, regret_i - F)
    assert k_implementation_cost(PD, (0, 0), fines=1).cost == 2
    assert k_implementation_cost(PD, (0, 0), fines=F(5, 2)).cost == 0
    k = k_implementation_cost(PD, (0, 0), fines=1)
    assert k.payments[0][1, 0] == -1 and k.lp_cost == pytest.approx(2)


def test_every_nash_equilibrium_is_zero_implementable():
    rng = np.random.default_rng(7)
    for _ in range(20):
        g = gt.Game(rng.integers(-3, 4, (3, 3)), rng.integers(-3, 4, (3, 3)))
        for e in pure_equilibria(g):
            assert k_implementation_cost(g, e.pure_profile).cost == 0


@FAST
@given(
    st.data(),
    st.sampled_from([(2, 2), (3, 2), (3, 3), (2, 2, 2), (2, 3, 2)]),
    st.sampled_from([None, 0, 1, F(5, 2)]),
)
def test_k_implementation_lp_equals_sum_of_regrets(data, shape, fines):
    size = int(np.prod(shape))
    arrays = [
        np.array(data.draw(st.lists(st.integers(-6, 6), min_size=size, max_size=size))).reshape(
            shape
        )
        for _ in shape
    ]
    game = gt.Game.from_arrays(*arrays)
    target = tuple(data.draw(st.integers(0, k - 1)) for k in shape)
    k = k_implementation_cost(game, target, fines=fines)
    F_ = 0 if fines is None else fines
    regrets = []
    for i in range(len(shape)):
        best = max(arrays[i][(*target[:i], x, *target[i + 1 :])] for x in range(shape[i]))
        regrets.append(max(0, best - arrays[i][target]))
    assert k.regrets == tuple(regrets)
    assert k.cost == sum(max(0, r - F_) for r in regrets)
    assert k.lp_cost == pytest.approx(float(k.cost), abs=1e-7)


def test_k_implementation_symbolic_and_float():
    T, R, P, S = gt.parameters("T R P S", positive=True)
    g = gt.Game([[R, S], [T, P]], [[R, T], [S, P]])
    k = k_implementation_cost(g, (0, 0))
    assert sympy.simplify(k.cost - 2 * sympy.Max(0, T - R)) == 0 and k.lp_cost is None
    assert k.cost.subs({T: 5, R: 3}) == 4
    Fbar = sympy.Symbol("F", positive=True)
    kf = k_implementation_cost(g, (0, 0), fines=Fbar)
    assert kf.cost.subs({T: 5, R: 3, Fbar: 1}) == 2
    assert k_implementation_cost(PD.evalf(), (0, 0), fines=0.5).cost == pytest.approx(3.0)


def test_k_implementation_bad_input():
    with pytest.raises(ValueError, match="one action per player"):
        k_implementation_cost(PD, (0,))
    with pytest.raises(ValueError, match="non-negative"):
        k_implementation_cost(PD, (0, 0), fines=-1)
    with pytest.raises(ValueError, match="finite"):
        k_implementation_cost(PD, (0, 0), fines=float("nan"))
    with pytest.raises(TypeError, match="Game"):
        k_implementation_cost("PD", (0, 0))


def test_minor_polynomials_are_exact():
    # the breakpoint search interpolates each bordered determinant exactly from integer levels
    from gametheory.interventions import _minor_polynomial

    rng = np.random.default_rng(11)
    ell = sympy.Symbol("ell")
    for _ in range(10):
        base = np.array([[F(int(v)) for v in row] for row in rng.integers(-5, 6, (3, 3))])
        slope = np.array([[F(int(v)) for v in row] for row in rng.integers(-2, 3, (3, 3))])
        for R, C, extra in (((0, 1), (1, 2), 0), ((0, 1, 2), (0, 2), 1), ((0, 1, 2),) * 2 + (0,)):
            coeffs = _minor_polynomial(base, slope, R, C, extra)
            rows = [[base[r, c] + ell * slope[r, c] for c in C] + [-1] for r in R]
            if extra:
                rows = [[*row, 0] for row in rows]
            rows.append([1] * len(C) + [0] + ([1] if extra else []))
            det = sympy.expand(sympy.Matrix(rows).det())
            assert sympy.expand(sum(c * ell**k for k, c in enumerate(coeffs)) - det) == 0


def test_k_implementation_display_and_result_helpers():
    k = k_implementation_cost(PD, ("C", "C"))
    assert "cost=4" in repr(k) and "| cost k(z) | 4 |" in k._repr_markdown_()
    r = minimal_intervention(PD, ("C", "C"), "penalty", "strict")
    assert r.holds_at(F(201, 100)) and not r.holds_at(2) and r.original == PD
    assert r.target == (0, 0) and r.concept == "strict"


def test_common_fund_matching_rate():
    # MODELS.md §9.2 oracle F-c: N = 4, alpha = 2/5, u_i = w - g_i + alpha (1 + m) sum_j g_j.
    # Matching m adds alpha m w to a city's payoff per own contribution of w (and as much for
    # each other contribution, which does not change incentives): a per-contributor subsidy
    # s = alpha m w. Contributing is dominant iff s >= (1 - alpha) w, so m* = 1/alpha - 1 = 3/2.
    N, alpha, w = 4, F(2, 5), 1
    arrays = [np.empty((2,) * N, dtype=object) for _ in range(N)]
    for g in itertools.product((w, 0), repeat=N):  # action 0 = contribute w, 1 = keep it
        idx = tuple(0 if gi == w else 1 for gi in g)
        for i in range(N):
            arrays[i][idx] = w - g[i] + alpha * sum(g)
    fund = gt.Game.from_arrays(*arrays)
    r = minimal_intervention(fund, (0,) * N, Subsidy(per_action=True), "weakly_dominant")
    assert r.level == (1 - alpha) * w and r.level / (alpha * w) == F(3, 2)
    assert r.cost == N * r.level
    assert minimal_intervention(fund, (0,) * N, Subsidy(per_action=True), "dominant").level == F(
        3, 5
    )
    assert k_implementation_cost(fund, (0,) * N).cost == N * (1 - alpha) * w


@pytest.mark.parametrize("scale", [1e9, 1e12])
def test_large_float_payoffs_strict_and_dominant(scale):
    # payoffs in yuan: the check just above a non-attained infimum must clear the tie tolerance
    game = gt.Game(np.array([[3.0, 0], [5, 1]]) * scale, np.array([[3.0, 5], [0, 1]]) * scale)
    for instrument in ("subsidy", "penalty", "liability", Subsidy(per_action=True)):
        result = minimal_intervention(game, (0, 0), instrument, "strict")
        assert result.feasible and result.attained is False
        assert result.level == pytest.approx(2 * scale)
    dominant = minimal_intervention(game, (0, 0), Subsidy(per_action=True), "dominant")
    assert dominant.level == pytest.approx(2 * scale) and dominant.attained is False
