"""The three cooperation types (MODELS.md §4): oracles K-a, K-b, K-c, K-d exactly, closed forms
against the toolkit's solvers (equilibria, risk dominance, k-implementation, bargaining)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.bargaining import CooperationKind, Remedy, self_enforcing_transfer_range
from gametheory.models.cooperation_types import (
    ComparativeBenefitCooperation,
    ProfitAndLossCooperation,
    SharingCooperation,
    TaxRevenueSharing,
    classify,
)
from gametheory.properties import dominant_action

F = Fraction
pos = st.fractions(min_value=F(1, 4), max_value=20, max_denominator=6)
unit = st.fractions(min_value=0, max_value=1, max_denominator=12)


def row(game):
    return [[game.payoff((i, j))[0] for j in range(2)] for i in range(2)]


def profiles(eqs):
    return {tuple(tuple(s) for s in e.strategies) for e in eqs}


# --------------------------------------------------------------------------------------------
# K-a: sharing type
# --------------------------------------------------------------------------------------------


def test_oracle_k_a():
    model = SharingCooperation()  # B_s = 6, t_c = 2
    game = model.game()
    assert row(game) == [[4, -2], [0, 0]]
    assert game.payoff(("Not", "Cooperate")) == (0, -2)
    found = profiles(model.equilibria())
    assert found == {
        ((1, 0), (1, 0)),
        ((0, 1), (0, 1)),
        ((F(1, 3), F(2, 3)), (F(1, 3), F(2, 3))),
    }
    assert model.mixed_probability() == F(1, 3)
    assert model.risk_dominance_condition() is True
    assert model.risk_dominant() == ("Cooperate", "Cooperate")


def test_k_a_guarantee_unlocks_at_zero_cost():
    model = SharingCooperation()
    assert model.minimal_guarantee() == 2
    assert model.k_implementation().cost == 0  # MODELS.md §6.1: stag hunt K-a, k(C,C) = 0
    unlocked = model.unlock()
    assert unlocked.kind is CooperationKind.SHARING and unlocked.remedy is Remedy.COORDINATION
    assert unlocked.level == 2 and unlocked.cost_on_path == 0
    g = unlocked.game
    assert g.payoff(("Cooperate", "Not")) == (0, 0)
    assert g.payoff(("Cooperate", "Cooperate")) == (4, 4)
    assert dominant_action(g, 0, strict=False) == 0 and dominant_action(g, 1, strict=False) == 0
    below = model.guarantee_game(F(19, 10))
    assert dominant_action(below, 0, strict=False) is None


@settings(max_examples=40, deadline=None)
@given(t=pos, extra=pos)
def test_sharing_closed_forms_vs_solvers(t, extra):
    B = t + extra  # B_s > t_c > 0
    model = SharingCooperation(B, t)
    eqs = model.equilibria()
    mixed = [e for e in eqs if not e.is_pure]
    assert len(eqs) == 3 and len(mixed) == 1
    assert mixed[0].strategies[0][0] == t / B == model.mixed_probability()
    expected = ("Cooperate",) * 2 if B > 2 * t else ("Not",) * 2 if B < 2 * t else None
    assert model.risk_dominant() == expected
    assert model.risk_dominance_condition() == (B > 2 * t)
    assert model.minimal_guarantee() == t
    assert model.unlock().cost_on_path == 0


def test_sharing_symbolic():
    B, t = sympy.symbols("B_s t_c", positive=True)
    model = SharingCooperation(B, t)
    assert sympy.simplify(model.mixed_probability() - t / B) == 0
    assert model.minimal_guarantee() == t
    assert model.risk_dominance_condition() == (B > 2 * t)
    mixed = gt.mixed_equilibrium(model.game())
    assert sympy.simplify(mixed.strategies[0][0] - t / B) == 0
    assert model.game().subs(B_s=6, t_c=2) == SharingCooperation().game()


def test_sharing_bad_parameters():
    with pytest.raises(ValueError, match="B_s > t_c"):
        SharingCooperation(2, 3)
    with pytest.raises(ValueError, match="t_c > 0"):
        SharingCooperation(6, 0)
    with pytest.raises(TypeError):
        SharingCooperation("6", 2)
    with pytest.raises(ValueError, match="non-negative"):
        SharingCooperation().guarantee_game(-1)


# --------------------------------------------------------------------------------------------
# K-b, K-c: profit-and-loss type
# --------------------------------------------------------------------------------------------


def test_oracle_k_b():
    model = ProfitAndLossCooperation()  # g = (10, -4), c = (1, 1)
    rng = model.transfer_range()
    assert (rng.lower, rng.upper) == (5, 9)
    nbs = model.nash_bargaining()
    assert nbs.transfer == 7 and nbs.payoffs == (2, 2)
    assert model.efficient() is True
    # without a transfer (N,N) is the unique equilibrium; with t_NB (C,C) is one
    assert [e.pure_profile for e in model.equilibria()] == [(1, 1)]
    with_t = model.transfer_game(7)
    assert with_t.payoff(("Cooperate", "Cooperate")) == (2, 2)
    assert gt.is_equilibrium(with_t, ("Cooperate", "Cooperate"))
    assert not gt.is_equilibrium(model.transfer_game(F(49, 10)), ("Cooperate", "Cooperate"))
    unlocked = model.unlock()
    assert (unlocked.level, unlocked.lower, unlocked.upper) == (7, 5, 9)
    assert unlocked.cost_on_path == 0 and unlocked.remedy is Remedy.LATERAL_TRANSFER


def test_oracle_k_c():
    model = TaxRevenueSharing()  # R = 10, L_B = 3, C_A = 2
    rng = model.share_range()
    assert (rng.lower, rng.upper) == (F(3, 10), F(4, 5))
    assert model.nash_share().transfer == F(11, 20)
    assert model.net_gains(F(11, 20)) == (F(5, 2), F(5, 2))
    pl = model.as_profit_and_loss()
    r2 = pl.transfer_range()
    assert (r2.lower, r2.upper) == (10 * rng.lower, 10 * rng.upper)


@settings(max_examples=40, deadline=None)
@given(gA=pos, loss=pos, cA=unit, cB=unit)
def test_profit_and_loss_range_vs_self_enforcing_solver(gA, loss, cA, cB):
    model = ProfitAndLossCooperation(gA, -loss, cA, cB)
    rng = model.transfer_range()
    assert (rng.lower, rng.upper) == (loss + cB, gA - cA)
    solver = self_enforcing_transfer_range(
        model.game(), ("Cooperate", "Cooperate"), 0, 1, status_quo=("Not", "Not")
    )
    assert (solver.lower, solver.upper) == (rng.lower, rng.upper)
    if model.efficient():
        t = model.nash_bargaining().transfer
        assert t == (gA + loss - cA + cB) / 2
        assert gt.is_equilibrium(model.transfer_game(t), ("Cooperate", "Cooperate"))


def test_profit_and_loss_bad_parameters():
    with pytest.raises(ValueError, match="0 > g_B"):
        ProfitAndLossCooperation(10, 4)
    with pytest.raises(ValueError, match="g_A > 0"):
        ProfitAndLossCooperation(-1, -4)
    with pytest.raises(ValueError, match="transaction cost"):
        ProfitAndLossCooperation(10, -4, -1, 1)
    with pytest.raises(ValueError, match="R > 0"):
        TaxRevenueSharing(0, 3, 2)
    with pytest.raises(ValueError, match=r"share = 3/2 must lie in \[0, 1\]"):
        TaxRevenueSharing().net_gains(F(3, 2))


# --------------------------------------------------------------------------------------------
# K-d: comparative-benefit type
# --------------------------------------------------------------------------------------------


def test_oracle_k_d_lambda_one():
    model = ComparativeBenefitCooperation()  # g = (9, 3), lam = 1
    assert model.b_joins() is False
    assert model.official_utilities() == (6, -6)
    assert not gt.is_equilibrium(model.game(), ("Cooperate", "Cooperate"))
    rng = model.transfer_range()
    assert rng.lower == rng.upper == 3
    assert model.official_utilities(3) == (0, 0)
    assert model.joint_weight() == F(1, 2)
    assert model.critical_weight() == F(1, 3)


def test_oracle_k_d_lambda_half():
    """The hidden check of MODELS.md §4.4: at lam = 1/2 the range is [1, 5] and mu* = 1/8."""
    model = ComparativeBenefitCooperation(lam=F(1, 2))
    rng = model.transfer_range()
    assert (rng.lower, rng.upper) == (1, 5)
    assert model.joint_weight() == F(1, 8)
    assert model.b_joins() is False
    assert model.official_utilities(1)[1] == 0 and model.official_utilities(5)[0] == 0
    unlocked = model.unlock()
    assert unlocked.level == F(1, 8) and unlocked.remedy is Remedy.EVALUATION_REFORM
    assert gt.is_equilibrium(unlocked.game, ("Cooperate", "Cooperate"))
    assert unlocked.game.payoff(("Cooperate", "Cooperate"))[1] == 0
    by_transfer = model.unlock("transfer")
    assert (by_transfer.level, by_transfer.lower, by_transfer.upper) == (3, 1, 5)


def test_oracle_k_d_threshold():
    """B joins without intervention iff lam <= 1/3."""
    for lam, joins in [(F(1, 3), True), (F(1, 4), True), (F(1, 3) + F(1, 100), False)]:
        model = ComparativeBenefitCooperation(lam=lam)
        assert model.b_joins() is joins
        assert gt.is_equilibrium(model.game(), ("Cooperate", "Cooperate")) is joins
        assert (model.joint_weight() == 0) is joins


@settings(max_examples=50, deadline=None)
@given(gB=pos, extra=pos, lam=unit)
def test_comparative_closed_forms(gB, extra, lam):
    gA = gB + extra
    model = ComparativeBenefitCooperation(gA, gB, lam)
    assert model.b_joins() == (lam <= gB / gA)
    assert gt.is_equilibrium(model.game(), ("Cooperate", "Cooperate")) == model.b_joins()
    rng = model.transfer_range()
    assert rng.lower == (lam * gA - gB) / (1 + lam)
    assert rng.upper == (gA - lam * gB) / (1 + lam)
    for t in (rng.lower, rng.upper, (rng.lower + rng.upper) / 2):
        uA, uB = model.official_utilities(t)
        assert uA >= 0 and uB >= 0
    mu = model.joint_weight()
    assert mu == max(0, (lam * gA - gB) / (gA + gB))
    assert gt.is_equilibrium(model.joint_evaluation_game(mu), ("Cooperate", "Cooperate"))
    if mu > 0:
        game = model.joint_evaluation_game(mu * F(99, 100))
        assert not gt.is_equilibrium(game, ("Cooperate", "Cooperate"))


def test_comparative_symbolic():
    gA, gB = sympy.symbols("g_A g_B", positive=True)
    lam = sympy.Symbol("lambda", nonnegative=True)
    model = ComparativeBenefitCooperation(gA, gB, lam)
    rng = model.transfer_range()
    assert sympy.simplify(rng.lower - (lam * gA - gB) / (1 + lam)) == 0
    cond = gt.equilibrium_conditions(model.game(), ("Cooperate", "Cooperate"))
    thr = gt.threshold(cond, lam)  # lam <= min(g_B/g_A, g_A/g_B): B's constraint binds
    assert thr.upper.subs({gA: 9, gB: 3}) == sympy.Rational(1, 3)
    assert thr.upper.subs({gA: 5, gB: 4}) == sympy.Rational(4, 5)
    assert sympy.simplify(model.critical_weight() - gB / gA) == 0


def test_comparative_bad_parameters():
    with pytest.raises(ValueError, match="g_A > g_B"):
        ComparativeBenefitCooperation(3, 9)
    with pytest.raises(ValueError, match="g_B > 0"):
        ComparativeBenefitCooperation(9, -3)
    with pytest.raises(ValueError, match=r"must lie in \[0, 1\]"):
        ComparativeBenefitCooperation(9, 3, F(3, 2))
    with pytest.raises(ValueError, match=r"must lie in \[0, 1\]"):
        ComparativeBenefitCooperation(9, 3, -1)
    with pytest.raises(ValueError, match="instrument"):
        ComparativeBenefitCooperation().unlock("subsidy")
    with pytest.raises(ValueError, match="non-negative"):
        ComparativeBenefitCooperation().joint_evaluation_game(-1)


# --------------------------------------------------------------------------------------------
# classification and the oracle table (MODELS.md §11, row 6)
# --------------------------------------------------------------------------------------------


def test_classify_oracles():
    a = classify([6, 6], [2, 2])
    assert a.kind is CooperationKind.SHARING and a.remedy is Remedy.COORDINATION
    assert a.gains == (4, 4)
    b = classify([10, -4], [1, 1])
    assert b.kind is CooperationKind.PROFIT_AND_LOSS and b.gains == (9, -5)
    d = classify([9, 3])
    assert d.kind is CooperationKind.COMPARATIVE_BENEFIT
    assert d.remedy is Remedy.EVALUATION_REFORM
    assert classify([1, -3]).kind is CooperationKind.NO_GAIN


def test_classify_matches_models():
    s = SharingCooperation()
    assert classify([s.game().payoff(("Cooperate",) * 2)[0] + s.t_c] * 2, [s.t_c] * 2).remedy is (
        s.unlock().remedy
    )
    p = ProfitAndLossCooperation()
    assert classify([p.g_A, p.g_B], [p.c_A, p.c_B]).remedy is p.unlock().remedy
    c = ComparativeBenefitCooperation()
    assert classify([c.g_A, c.g_B]).remedy is c.unlock().remedy


def test_top_ten_row_six():
    assert SharingCooperation().mixed_probability() == F(1, 3)
    pl = ProfitAndLossCooperation()
    assert (pl.transfer_range().lower, pl.transfer_range().upper) == (5, 9)
    assert pl.nash_bargaining().transfer == 7
    cb = ComparativeBenefitCooperation()
    assert cb.transfer_range().midpoint == 3 and cb.joint_weight() == F(1, 2)


def test_floats_stay_floats():
    model = ComparativeBenefitCooperation(9.0, 3.0, 0.5)
    assert model.transfer_range().lower == pytest.approx(1.0)
    assert isinstance(model.joint_weight(), float)
    assert isinstance(SharingCooperation(6.0, 2.0).minimal_guarantee(), float)


def test_doctests():
    import doctest

    import gametheory.models.cooperation_types as module

    assert doctest.testmod(module).failed == 0
