"""Xin'an River eco-compensation (MODELS.md §5): oracles X-a..X-d and cross-checks."""

from __future__ import annotations

import dataclasses
from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.bargaining import coasean_transfer_range
from gametheory.models.xinan import (
    HUANGSHAN_INVESTMENT,
    P_INDEX_K0,
    ROUNDS,
    XinanCompensation,
    huangshan_annual_cost,
    p_index,
    p_index_compliant,
)
from gametheory.repeated import critical_discount_factor
from gametheory.symbolic import threshold

FUND = "Fund G"
NOISY = {"pi_H": F(19, 20), "pi_L": F(3, 10)}  # X-c


# ---------------------------------------------------------------------------- defaults, rounds


def test_defaults_are_round_one_and_flagged():
    m = XinanCompensation()
    assert (m.G, m.X, m.c_U, m.B_D, m.pi_H, m.pi_L, m.pi0) == (3, 1, F(3, 2), 6, 1, 0, 0)
    assert m.G_conditional is False and m.delta == F(9, 10) and m.kind == "exact"
    table = m.provenance().set_index("parameter")
    assert table.loc["G", "status"] == table.loc["X", "status"] == "DOCUMENTED"
    assert table.loc["G_conditional", "status"] == "DOCUMENTED"
    assert "不论上述何种情况" in gt.models.xinan.XinanCompensation.__doc__
    for name in ("c_U", "B_D", "pi_H", "pi_L", "pi_0", "delta"):
        assert table.loc[name, "status"] == "ASSUMPTION"
    changed = XinanCompensation(G=5, G_conditional=True).provenance().set_index("parameter")
    assert changed.loc["G", "status"] == changed.loc["G_conditional", "status"] == "USER"


def test_rounds_table():
    r1, r2, r3, r4 = (ROUNDS[k] for k in (1, 2, 3, 4))
    assert r1.documented and r1.unverified == ()
    assert r1.fund == r1.central[0] + r1.zhejiang + r1.anhui == 5  # 3 + 1 + 1
    assert r1.years == (2012, 2014) and r1.swap == 1
    # "Anhui received 15 亿 over round 1": the whole fund each (compliant) year, i.e. its own
    # contribution back plus G + X
    assert (
        3 * r1.fund == 15 == 3 * (r1.anhui + XinanCompensation().anhui_payoff("Protect") + F(3, 2))
    )
    assert r2.central == (4, 3, 2) and r2.zhejiang == r2.anhui == 2 and not r2.documented
    assert sum(r2.central) + 3 * (r2.zhejiang + r2.anhui) == 21 and "X" in r2.unverified
    assert r3.central == () and r3.years == (2018, 2020) and "2018-2022" in r3.notes
    assert r4.fund == 10 and r4.swap is None and not r4.documented
    assert XinanCompensation.round(1) == XinanCompensation()
    assert [XinanCompensation.round(2, year=y).G for y in (2015, 2016, 2017)] == [4, 3, 2]
    m2 = XinanCompensation.round(2)
    assert (m2.G, m2.X) == (3, 2)  # mean central amount; X unverified extension of round 1
    prov = m2.provenance().set_index("parameter")
    assert prov.loc["X", "status"] == "UNVERIFIED" and prov.loc["G", "status"] == "DOCUMENTED"
    assert (
        XinanCompensation.round(2, X=1).provenance().set_index("parameter").loc["X", "status"]
        == "USER"
    )
    m3 = XinanCompensation.round(3, c_U=1)
    assert (m3.G, m3.X, m3.c_U) == (0, 2, 1) and "round 3" in m3.label
    with pytest.raises(ValueError, match="pass X="):
        XinanCompensation.round(4)
    assert (
        XinanCompensation.round(4, X=1).provenance().set_index("parameter").loc["G", "status"]
        == "UNVERIFIED"
    )
    with pytest.raises(ValueError, match="unknown round"):
        XinanCompensation.round(5)
    with pytest.raises(ValueError, match="2015-2017"):
        XinanCompensation.round(2, year=2018)
    with pytest.raises(TypeError, match="unknown parameter"):
        XinanCompensation.round(1, cost=2)


# ---------------------------------------------------------------------------- payoffs and games


def test_payoffs_match_section_5_3_symbolically():
    G, X, c, B = sympy.symbols("G X c B", positive=True)
    pH, pL, p0 = sympy.symbols("pi_H pi_L pi_0", positive=True)
    m = XinanCompensation(G=G, X=X, c_U=c, B_D=B, pi_H=pH, pi_L=pL, pi_0=p0, delta=F(1, 2))
    assert m.kind == "symbolic" and m.parameters == (B, G, X, c, p0, pH, pL)
    game = m.game()
    assert game.shape == (3, 2, 1) and game.players == ("Anhui", "Zhejiang", "Centre")
    expected = {
        ("Sign & Protect", "Sign"): (G + X * (2 * pH - 1) - c, B * pH - X * (2 * pH - 1), -G),
        ("Sign & Lax", "Sign"): (G + X * (2 * pL - 1), B * pL - X * (2 * pL - 1), -G),
    }
    for (a, z), values in expected.items():
        got = game.payoff((a, z, FUND))
        assert all(sympy.simplify(u - v) == 0 for u, v in zip(got, values, strict=True))
    for profile in (("Refuse", "Sign"), ("Refuse", "Refuse"), ("Sign & Protect", "Refuse")):
        assert game.payoff((*profile, FUND)) == (0, B * p0, 0)
    conditional = dataclasses.replace(m, G_conditional=True).protect_game()
    assert sympy.simplify(conditional.payoff(("Protect", "Signed", FUND))[2] + G * pH) == 0
    assert (
        sympy.simplify(conditional.payoff(("Lax", "Signed", FUND))[0] - G * pL - X * (2 * pL - 1))
        == 0
    )
    # binding the symbols gives the numeric model
    bound = m.subs(G=3, X=1, c=F(3, 2), B=6, pi_H=1, pi_L=0, pi_0=0)
    assert bound == XinanCompensation(pi_0=0, delta=F(1, 2)) and bound.kind == "exact"
    with pytest.raises(ValueError, match="unknown parameter"):
        m.subs(z=1)


def test_protect_stage_and_reduced_normal_form_numbers():
    m = XinanCompensation()
    stage = m.protect_game()
    assert stage.payoff(("Protect", "Signed", FUND)) == (F(5, 2), 5, -3)
    assert stage.payoff(("Lax", "Signed", FUND)) == (2, 1, -3)
    eqs = gt.equilibria(stage)
    assert [eq.pure_profile for eq in eqs] == [(0, 0, 0)]
    game = m.game()
    # the subgame-perfect profile is a Nash equilibrium of the reduced normal form ...
    spe = m.subgame_perfect_outcome()
    assert gt.is_equilibrium(game, spe.profile)
    pure = {eq.pure_profile for eq in gt.pure_equilibria(game)}
    assert game.pure_profile(spe.profile) in pure
    # ... but not the only one: both refusing is a Nash equilibrium in weakly dominated actions
    assert (2, 1, 0) in pure


# ---------------------------------------------------------------------------- oracles X-a, X-b


def test_oracle_x_a_thresholds():
    m = XinanCompensation()
    assert m.thresholds() == {
        "IC_U static": 2,
        "IC_U G conditional": 5,
        "IR_U": 4,
        "renewal": F(19, 5),
        "renewal δ->1": 4,
    }
    assert all(type(v) is F for v in m.thresholds().values())
    # G drops out of the static incentive constraint, not out of participation
    for g in (0, 1, 3, 10):
        other = XinanCompensation(G=g)
        assert other.incentive_threshold() == 2 and other.participation_threshold() == g + 1
    assert XinanCompensation(G_conditional=True).incentive_threshold() == 5
    assert m.incentive_threshold(G_conditional=True) == 5
    assert m.renewal_threshold(F(1, 2)) == 3 and m.renewal_threshold(0.9) == pytest.approx(3.8)


def test_oracle_x_b_subgame_perfect_outcomes():
    out = XinanCompensation(c_U=F(3, 2), B_D=6).subgame_perfect_outcome()
    assert out.signed and out.signs == {"Anhui": True, "Zhejiang": True}
    assert out.anhui_action == out.anhui_plan == "Protect" and out.compliance_probability == 1
    assert out.payoffs == {"Anhui": F(5, 2), "Zhejiang": 5, "Centre": -3}
    assert out.profile == ("Sign & Protect", "Sign", FUND)
    # c_U = 3: the programme exists but Anhui is lax and pays the ±1 penalty
    m3 = XinanCompensation(c_U=3)
    lax = m3.subgame_perfect_outcome()
    assert lax.signed and lax.anhui_action == "Lax" and lax.compliance_probability == 0
    assert lax.payoffs == {"Anhui": 2, "Zhejiang": 1, "Centre": -3}
    assert m3.constraints() == {"IC_U": False, "IR_U": True, "IR_D": True, "renewal": True}
    assert m3.protects_with_renewal()  # 3 <= 19/5
    m4 = XinanCompensation(c_U=4)
    assert not m4.protects_with_renewal() and m4.subgame_perfect_outcome().anhui_action == "Lax"
    assert XinanCompensation(c_U=4, delta=F(99, 100)).protects_with_renewal() is False
    # no agreement when Zhejiang would lose (IR_D fails) or Anhui would (IR_U fails)
    no_d = XinanCompensation(B_D=F(1, 2)).subgame_perfect_outcome()
    assert not no_d.signed and no_d.signs == {"Anhui": True, "Zhejiang": False}
    assert no_d.payoffs == {"Anhui": 0, "Zhejiang": 0, "Centre": 0} and no_d.anhui_action == "Lax"
    assert no_d.profile == ("Sign & Protect", "Refuse", FUND)
    no_u = XinanCompensation(G=0, X=1, c_U=F(3, 2)).subgame_perfect_outcome()
    assert not no_u.signed and no_u.signs["Anhui"] is False and no_u.anhui_plan == "Protect"


@pytest.mark.parametrize("c", [F(0), F(1), F(2), F(21, 10), F(3), F(19, 5), F(39, 10), F(4), F(5)])
def test_static_threshold_matches_backward_induction(c):
    m = XinanCompensation(c_U=c)
    out = m.subgame_perfect_outcome()
    assert (out.anhui_plan == "Protect") == (c <= 2)  # ties go to Protect
    assert out.signs["Anhui"] == (c <= 4 if c <= 2 else True)  # Lax gives G - X = 2 >= 0
    assert m.protects_with_renewal() == (c <= F(19, 5))


# ---------------------------------------------------------------------------- X-c: noisy monitoring


def test_oracle_x_c_noisy_monitoring():
    m = XinanCompensation(X=1, **NOISY)
    assert m.incentive_threshold() == F(13, 10)  # 2X(pi_H - pi_L) = 2 * 13/20
    assert m.thresholds() == {
        "IC_U static": F(13, 10),
        "IC_U G conditional": F(13, 4),
        "IR_U": F(39, 10),
        "renewal": F(247, 73),
        "renewal δ->1": F(26, 7),
    }
    assert m.minimal_swap() == F(15, 13)  # (3/2) / (13/10)
    assert m.minimal_central_top_up() == F(3, 5)  # 3/2 - 9/10
    out = m.subgame_perfect_outcome()  # c_U = 3/2 > 13/10: lax under the static incentive
    assert out.signed and out.anhui_action == "Lax" and out.compliance_probability == F(3, 10)
    assert out.payoffs["Anhui"] == 3 + (F(6, 10) - 1)
    assert m.protects_with_renewal()  # 3/2 <= 247/73
    swap = m.coasean_swap_range()  # G = 0: IR_U c/(2pi_H - 1), IR_D B_D(pi_H - pi_0)/(2pi_H - 1)
    assert (swap.lower, swap.upper) == (F(5, 3), F(13, 3)) and swap.incentive_lower == F(15, 13)


# ---------------------------------------------------------------------------- closed forms


def test_symbolic_closed_forms():
    G, X, c, B = sympy.symbols("G X c B", positive=True)
    pH, pL, d = sympy.symbols("pi_H pi_L delta", positive=True)
    m = XinanCompensation(G=G, X=X, c_U=c, B_D=B, pi_H=pH, pi_L=pL, delta=d)
    zero = lambda expr: sympy.simplify(expr) == 0  # noqa: E731
    assert zero(m.incentive_threshold() - 2 * X * (pH - pL))
    assert zero(m.incentive_threshold(G_conditional=True) - (G + 2 * X) * (pH - pL))
    assert zero(m.participation_threshold() - (G + X * (2 * pH - 1)))
    assert zero(m.renewal_threshold() - (pH - pL) * (2 * X + d * (G - X)) / (1 - d * pL))
    assert zero(m.minimal_swap() - c / (2 * (pH - pL)))
    # the renewal bound is continuous at delta -> 1 and equals the limit
    assert zero(sympy.limit(m.renewal_threshold(), d, 1) - m.renewal_limit())
    det = XinanCompensation(G=G, X=X, c_U=c, B_D=B, delta=d)
    assert zero(det.renewal_threshold() - (2 * X + d * (G - X)))
    assert zero(det.renewal_limit() - (G + X))
    assert zero(dataclasses.replace(det, G_conditional=True).renewal_limit() - (G + X))
    assert zero(det.minimal_central_top_up() - sympy.Max(0, c - X))
    cons = det.constraints()
    assert cons["IC_U"].subs({c: 1, X: 1}) is sympy.true
    assert cons["IC_U"].subs({c: 3, X: 1}) is sympy.false
    assert sympy.simplify(cons["IR_D"].subs({B: 6, X: 1})) is sympy.true
    with pytest.raises(ValueError, match="needs numbers"):
        det.subgame_perfect_outcome()
    with pytest.raises(ValueError, match="needs numbers"):
        det.compliance_explanations(3)


@settings(max_examples=60, deadline=None)
@given(
    g=st.fractions(0, 10, max_denominator=20),
    x=st.fractions(0, 5, max_denominator=20),
    c=st.fractions(0, 10, max_denominator=20),
    ph=st.fractions(0, 1, max_denominator=20),
    gap=st.fractions(0, 1, max_denominator=20),
    conditional=st.booleans(),
)
def test_thresholds_agree_with_closed_forms_and_solvers(g, x, c, ph, gap, conditional):
    pl = max(F(0), ph - gap)
    m = XinanCompensation(G=g, X=x, c_U=c, pi_H=ph, pi_L=pl, G_conditional=conditional)
    k_h, k_l = (ph, pl) if conditional else (1, 1)
    ic = (g * (k_h - k_l)) + 2 * x * (ph - pl)
    assert m.incentive_threshold() == ic
    assert m.participation_threshold() == g * k_h + x * (2 * ph - 1)
    out = m.subgame_perfect_outcome()
    assert (out.anhui_plan == "Protect") == (c <= ic)
    assert gt.is_equilibrium(m.game(), out.profile)
    if out.signed:
        assert out.payoffs["Anhui"] >= 0 and out.payoffs["Zhejiang"] >= 6 * pl


# ---------------------------------------------------------------------------- renewal cross-checks


def programme_stage(G, X, c):
    """Deterministic renewal as a repeated game: a 'Programme' player keeps or ends the deal.

    Anhui {Protect, Lax} x Programme {Continue, End}; the programme's payoff (clean water W = 10
    minus G when it continues) makes (Lax, End) a stage equilibrium, so grim trigger ends the
    programme after a failure, as the renewal version assumes.
    """
    W = 10
    anhui = [[G + X - c, -c], [G - X, 0]]
    programme = [[W - G, W], [-G, 0]]
    return gt.Game(
        anhui,
        programme,
        players=["Anhui", "Programme"],
        actions=[["Protect", "Lax"], ["Continue", "End"]],
    )


@pytest.mark.parametrize(
    ("G", "X", "c"), [(3, 1, F(3)), (3, 1, F(5, 2)), (4, 2, F(9, 2)), (5, 1, F(7, 2))]
)
def test_renewal_threshold_matches_repeated_game_critical_discount(G, X, c):
    stage = programme_stage(G, X, c)
    res = critical_discount_factor(stage, ("Protect", "Continue"), punishment=("Lax", "End"))
    delta_star = res.per_player[0]
    assert delta_star == (c - 2 * X) / F(G - X)  # (D - C)/(D - P)
    model = XinanCompensation(G=G, X=X, c_U=c)
    # c_U <= 2X + delta (G - X)  <=>  delta >= delta*
    assert model.renewal_threshold(delta_star) == c
    for delta in (F(1, 10), F(1, 2), F(9, 10), F(99, 100)):
        assert (model.renewal_threshold(delta) >= c) == (delta >= delta_star)


def test_renewal_threshold_solves_the_one_shot_deviation_condition():
    # threshold() on u_H - u_L + delta (pi_H - pi_L) V_H >= 0 with V_H = u_H / (1 - delta pi_H)
    c = sympy.Symbol("c", nonnegative=True)
    for kwargs in ({}, NOISY, {"pi_H": F(4, 5), "pi_L": F(1, 2), "G": 1, "X": 2}):
        for conditional in (False, True):
            m = XinanCompensation(c_U=c, G_conditional=conditional, **kwargs)
            u_h, u_l = m.anhui_payoff("Protect"), m.anhui_payoff("Lax")
            d = m.delta
            cond = sympy.GreaterThan(u_h - u_l + d * (m.pi_H - m.pi_L) * u_h / (1 - d * m.pi_H), 0)
            assert threshold(cond, c).upper == m.renewal_threshold()


def value_iteration_protects(model, c, iterations=3000):
    """Bellman iteration of Anhui's programme problem (floats): is Protect optimal at c?"""
    G, X, pH, pL, d = (float(v) for v in (model.G, model.X, model.pi_H, model.pi_L, model.delta))
    kH, kL = (pH, pL) if model.G_conditional else (1.0, 1.0)
    uH = G * kH + X * (2 * pH - 1) - c
    uL = G * kL + X * (2 * pL - 1)
    v = 0.0
    for _ in range(iterations):
        v = max(uH + d * pH * v, uL + d * pL * v)
    return uH + d * pH * v >= uL + d * pL * v


@settings(max_examples=40, deadline=None)
@given(
    ph=st.fractions(F(11, 20), 1, max_denominator=20),
    gap=st.fractions(F(1, 20), 1, max_denominator=20),
    g=st.fractions(0, 6, max_denominator=10),
    x=st.fractions(F(1, 10), 3, max_denominator=10),
    d=st.fractions(F(1, 10), F(19, 20), max_denominator=20),
    conditional=st.booleans(),
)
def test_noisy_renewal_threshold_against_value_iteration(ph, gap, g, x, d, conditional):
    pl = max(F(0), ph - gap)
    m = XinanCompensation(G=g, X=x, pi_H=ph, pi_L=pl, delta=d, G_conditional=conditional)
    bound = float(m.renewal_threshold())
    assert value_iteration_protects(m, bound - 1e-6)
    assert not value_iteration_protects(m, bound + 1e-6)


# ---------------------------------------------------------------------------- transfers


def test_minimal_swap_and_top_up():
    m = XinanCompensation()
    assert m.minimal_swap() == F(3, 4)  # c_U / 2
    for c, x in ((F(3, 2), 1), (F(1, 2), 1), (5, 2), (2, 2)):
        top_up = XinanCompensation(c_U=c, X=x).minimal_central_top_up()
        assert top_up == max(0, c - x)  # MODELS.md §5.3, deterministic
        # at G* Anhui exactly breaks even (when G* > 0) and signs
        model = XinanCompensation(G=top_up, X=x, c_U=c, B_D=10)
        assert model.constraints()["IR_U"]
        if top_up > 0:
            assert model.anhui_payoff("Protect") == 0
            assert not dataclasses.replace(model, G=top_up - F(1, 100)).constraints()["IR_U"]
    # minimal swap makes IC bind
    noisy = XinanCompensation(**NOISY)
    at_min = dataclasses.replace(noisy, X=noisy.minimal_swap())
    assert at_min.incentive_threshold() == noisy.c_U
    conditional = XinanCompensation(G=1, c_U=3, G_conditional=True, pi_H=F(1, 2))
    assert conditional.minimal_central_top_up() == 6  # G/2 >= 3 - 0


def test_coasean_swap_range_uses_bargaining_and_matches_brute_force():
    m = XinanCompensation()  # deterministic: c_U <= X <= B_D
    r = m.coasean_swap_range()
    assert (r.lower, r.upper, r.participation_lower, r.incentive_lower) == (
        F(3, 2),
        6,
        F(3, 2),
        F(3, 4),
    )
    assert not r.empty
    cross = coasean_transfer_range(m.B_D, -m.c_U)
    assert (cross.lower, cross.upper) == (r.lower, r.upper)
    assert (r.transfer_range.lower, r.transfer_range.upper) == (F(3, 2), 6)
    for kwargs in ({}, NOISY):
        base = XinanCompensation(G=0, **kwargs)
        rng = base.coasean_swap_range()
        for x in np.linspace(0, 7, 71):
            x = F(x).limit_denominator(100)
            out = dataclasses.replace(base, X=x).subgame_perfect_outcome()
            works = out.signed and out.anhui_action == "Protect"
            assert works == (rng.lower <= x <= rng.upper), x
    assert XinanCompensation(c_U=7).coasean_swap_range().empty  # c_U > B_D
    with pytest.raises(ValueError, match="1/2"):
        XinanCompensation(pi_H=F(1, 2), pi_L=0).coasean_swap_range()
    with pytest.raises(ValueError, match="uninformative"):
        XinanCompensation(pi_H=F(3, 4), pi_L=F(3, 4)).coasean_swap_range()
    with pytest.raises(ValueError, match="uninformative"):
        XinanCompensation(pi_H=F(3, 4), pi_L=F(3, 4)).minimal_swap()


# ---------------------------------------------------------------------------- P index (X-d)


def test_oracle_x_d_p_index():
    ratios = (F(11, 10), F(6, 5), F(13, 10), 1)
    assert p_index(ratios) == F(391, 400) and p_index_compliant(ratios) is True
    assert P_INDEX_K0[1] == F(17, 20)
    assert p_index([F(20, 17)] * 4) == 1 and p_index_compliant([F(20, 17)] * 4)
    assert not p_index_compliant([F(20, 17) + F(1, 1000)] * 4)
    assert p_index(ratios, k0=F(9, 10), weights=(F(1, 2), F(1, 6), F(1, 6), F(1, 6))) == F(
        9, 10
    ) * (F(11, 20) + F(35, 60))
    assert p_index([1.1, 1.2, 1.3, 1.0]) == pytest.approx(0.9775)
    k = sympy.Symbol("k", positive=True)
    assert p_index(ratios, k0=k) == sympy.Rational(23, 20) * k
    for bad, match in (
        (([],), "empty"),
        (([1, -1],), "ratios\\[1\\]"),
        (([1, 1], 0), "k0"),
        (([1, 1], F(17, 20), (1, 1)), "sum to 1"),
        (([1, 1], F(17, 20), (F(3, 2), F(-1, 2))), "weights\\[1\\]"),
        (([1, 1], F(17, 20), (1,)), "entries"),
    ):
        with pytest.raises(ValueError, match=match):
            p_index(*bad)
    with pytest.raises(TypeError):
        p_index("1.1")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fractions(0, 2, max_denominator=50), min_size=4, max_size=4))
def test_p_index_compliant_iff_mean_ratio_below_one_over_k0(ratios):
    mean = sum(ratios) / 4
    assert p_index_compliant(ratios) == (mean <= F(20, 17))


# ---------------------------------------------------------------------------- the gap (§5.4)


def test_compliance_explanations_huangshan():
    assert HUANGSHAN_INVESTMENT == F(603, 5)  # 12.06 billion yuan = 120.6 亿
    cost = huangshan_annual_cost()  # 7 years, 2012-2018 [ASM]
    assert cost == F(603, 35)
    table = XinanCompensation().compliance_explanations(cost).set_index("mechanism")
    assert list(table.index) == [
        "static swap ±X (G unconditional)",
        "central G conditional on compliance",
        "renewal: failure ends the programme (at δ)",
        "renewal, δ -> 1",
        "own benefits netted inside c_U (needed with the static swap)",
        "hierarchical / political incentive (residual beyond renewal at δ)",
    ]
    money = table.iloc[:4]
    assert list(money["incentive_bound"]) == [2, 5, F(19, 5), 4]
    assert list(money["sustains_up_to"]) == [2, 4, F(19, 5), 4]
    assert not any(money["covers"])  # the ±1 亿 swap (or any of the money) cannot explain it
    assert table.iloc[0]["status"] == "DOCUMENTED"
    assert table.iloc[4]["needed"] == cost - 2 == F(533, 35)
    assert table.iloc[5]["needed"] == cost - F(19, 5) == F(94, 7)
    # with the illustrative c_U = 3/2 the static swap alone suffices
    small = XinanCompensation().compliance_explanations().set_index("mechanism")
    assert all(small.iloc[:4]["covers"]) and small.iloc[4]["needed"] == 0
    # c_U = 3: static fails, renewal closes the gap; c_U = 4.5: only own/political incentives
    mid = XinanCompensation().compliance_explanations(3)
    assert list(mid["covers"][:4]) == [False, True, True, True]
    high = XinanCompensation().compliance_explanations(F(9, 2))
    assert not any(high["covers"][:4]) and high.iloc[5]["needed"] == F(7, 10)
    assert huangshan_annual_cost(years=10) == F(603, 50)
    with pytest.raises(ValueError, match="years"):
        huangshan_annual_cost(years=0)


# ---------------------------------------------------------------------------- kinds and errors


def test_round_three_without_the_centre_participation_binds():
    # G = 0 < X = 2: the renewal bound 2X + delta(G - X) = 11/5 lies below the static 2X = 4,
    # but both exceed participation G + X = 2, which binds (MODELS.md's "-> G + X = IR")
    m = XinanCompensation.round(3, c_U=F(21, 10))
    assert m.thresholds() == {
        "IC_U static": 4,
        "IC_U G conditional": 4,
        "IR_U": 2,
        "renewal": F(11, 5),
        "renewal δ->1": 2,
    }
    assert m.constraints() == {"IC_U": True, "IR_U": False, "IR_D": True, "renewal": False}
    out = m.subgame_perfect_outcome()
    assert not out.signed and out.signs == {"Anhui": False, "Zhejiang": True}
    assert set(m.compliance_explanations()["needed"][:4]) == {F(1, 10)}
    d = sympy.Symbol("d", positive=True)
    assert XinanCompensation().constraints(d)["renewal"] == sympy.GreaterThan(2 * d + F(1, 2), 0)


def test_float_parameters_give_floats():
    m = XinanCompensation(G=3.0, X=1.0, c_U=1.5, pi_H=0.95, pi_L=0.3)
    assert m.kind == "float"
    th = m.thresholds()
    assert all(isinstance(v, float) for v in th.values())
    assert th["IC_U static"] == pytest.approx(1.3) and th["renewal"] == pytest.approx(247 / 73)
    out = m.subgame_perfect_outcome()
    assert out.anhui_action == "Lax" and isinstance(out.payoffs["Anhui"], float)
    at_threshold = XinanCompensation(c_U=2.0)  # tie within tolerance -> Protect
    assert at_threshold.subgame_perfect_outcome().anhui_action == "Protect"


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"pi_H": F(11, 10)}, ValueError, "pi_H .* \\[0, 1\\]"),
        ({"pi_L": -0.1}, ValueError, "pi_L .* \\[0, 1\\]"),
        ({"pi_0": 2}, ValueError, "pi_0 .* \\[0, 1\\]"),
        ({"pi_H": F(1, 4), "pi_L": F(1, 2)}, ValueError, "Protect cannot make compliance"),
        ({"G": -1}, ValueError, "G = -1 is an amount"),
        ({"X": -1}, ValueError, "X = -1"),
        ({"c_U": -F(1, 2)}, ValueError, "c_U"),
        ({"B_D": -6}, ValueError, "B_D"),
        ({"delta": 0}, ValueError, "delta = 0 .* \\(0, 1\\)"),
        ({"delta": 1}, ValueError, "delta"),
        ({"delta": 1.5}, ValueError, "delta"),
        ({"G_conditional": 1}, TypeError, "G_conditional"),
        ({"G": "3"}, TypeError, "parameter G"),
        ({"X": True}, TypeError, "boolean"),
        ({"B_D": float("nan")}, ValueError, "not finite"),
        ({"c_U": sympy.Symbol("c", negative=True)}, ValueError, "c_U"),
        ({"status": {"Y": "x"}}, ValueError, "unknown parameters"),
    ],
)
def test_bad_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        XinanCompensation(**kwargs)


def test_bad_arguments_of_methods():
    m = XinanCompensation()
    for delta in (0, 1, -1, F(3, 2)):
        with pytest.raises(ValueError, match="\\(0, 1\\)"):
            m.renewal_threshold(delta)
    with pytest.raises(ValueError, match="unknown action"):
        m.anhui_payoff("Pollute")
    with pytest.raises(ValueError, match="annual_cost"):
        m.compliance_explanations(-1)
    with pytest.raises(ValueError, match="pi_H = 0"):
        XinanCompensation(pi_H=0, G_conditional=True).minimal_central_top_up()


def test_docstring_examples_run():
    import doctest

    import gametheory.models.xinan as module

    result = doctest.testmod(module)
    assert result.attempted >= 5 and result.failed == 0


def test_central_amount_outside_a_round_without_central_money_is_an_error() -> None:
    from gametheory.models import ROUNDS

    assert ROUNDS[3].central_in(2019) == 0
    with pytest.raises(ValueError, match="ran 2018-2020"):
        ROUNDS[3].central_in(2012)
    with pytest.raises(ValueError, match="started in 2023"):
        ROUNDS[4].central_in(1999)


def test_minimal_swap_with_conditional_central_money() -> None:
    import dataclasses
    from fractions import Fraction as Fr

    from gametheory.models import XinanCompensation

    # IC_U with G paid only on compliance: c_U <= (G + 2X)(pi_H - pi_L)
    assert XinanCompensation(G_conditional=True).minimal_swap() == 0  # 3/2 <= G = 3 already
    model = XinanCompensation(G_conditional=True, c_U=7)
    swap = model.minimal_swap()
    assert swap == Fr(7, 2) - Fr(3, 2)
    assert dataclasses.replace(model, X=swap).subgame_perfect_outcome().anhui_plan == "Protect"
    below = dataclasses.replace(model, X=swap - Fr(1, 1000))
    assert below.subgame_perfect_outcome().anhui_plan == "Lax"
