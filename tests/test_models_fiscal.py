"""Unfunded mandates (MODELS.md §9.1): oracles F-a and F-b, closed forms against the games."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.models.fiscal import (
    UnfundedMandate,
    bottom_share,
    pass_down_shares,
    vertical_fiscal_imbalance,
)
from gametheory.properties import social_welfare

F = Fraction
share = st.fractions(min_value=0, max_value=1, max_denominator=6)


def test_oracle_f_a():
    model = UnfundedMandate()  # b = 10, c = 2, f = 1/4
    assert model.mandate_level == F(19, 2)
    assert model.efficient_level == 8
    assert model.over_mandating == F(3, 2)
    assert model.unfunded_burden == F(57, 4)
    assert model.deadweight_loss == F(9, 8)
    assert model.central_transfer == F(19, 4)
    # the burden crowds out local discretionary spending: s Y = 20
    assert model.own_revenue == 20 and model.local_spending == 20 - F(57, 4) == F(23, 4)
    assert model.surplus(model.efficient_level) - model.surplus(model.mandate_level) == F(9, 8)


def test_oracle_f_a_against_the_stackelberg_game():
    model = UnfundedMandate()
    game = model.game()
    assert game.shape == (12, 1) and game.actions[1] == ("Comply",)
    (eq,) = model.stackelberg()
    assert game.actions[0][eq.pure_profile[0]] == "m=19/2"
    assert eq.payoffs == (model.centre_payoff(F(19, 2)), F(23, 4))
    ((best, _),) = model.efficient_profiles()
    assert game.actions[0][best] == "m=8"
    # dead-weight loss = welfare at m_E minus welfare at m_C, from the game's payoffs
    welfare_e = social_welfare(game, (best, 0))
    welfare_c = social_welfare(game, eq.pure_profile)
    assert welfare_e - welfare_c == F(9, 8)


def test_oracle_f_b():
    shares = pass_down_shares([F(1, 2), F(2, 5), F(1, 3)])
    assert shares == (F(1, 2), F(1, 5), F(1, 10), F(1, 5))
    assert sum(shares) == 1
    assert bottom_share([F(1, 2), F(2, 5), F(1, 3)]) == F(1, 5)


@settings(max_examples=50, deadline=None)
@given(st.lists(share, min_size=1, max_size=5))
def test_pass_down_product(fractions):
    shares = pass_down_shares(fractions)
    product = F(1)
    for f in fractions:
        product *= 1 - f
    assert shares[-1] == product == bottom_share(fractions)
    assert sum(shares) == 1 and len(shares) == len(fractions) + 1


def test_funding_the_mandate_removes_the_distortion():
    model = UnfundedMandate()
    funded = model.with_funding(1)
    assert funded.mandate_level == funded.efficient_level == 8
    assert funded.deadweight_loss == 0 and funded.unfunded_burden == 0
    assert funded.local_spending == funded.own_revenue == 20
    unfunded = model.with_funding(0)
    assert unfunded.mandate_level == 10 and unfunded.deadweight_loss == 2
    assert unfunded.unfunded_burden == 20 and unfunded.local_spending == 0
    # more funding: less over-mandating, less dead-weight loss, more local spending
    levels = [model.with_funding(F(k, 4)) for k in range(5)]
    dwl = [m.deadweight_loss for m in levels]
    spending = [m.local_spending for m in levels]
    assert dwl == sorted(dwl, reverse=True) and spending == sorted(spending)


@settings(max_examples=40, deadline=None)
@given(
    c=st.fractions(min_value=F(1, 4), max_value=4, max_denominator=4),
    extra=st.fractions(min_value=0, max_value=4, max_denominator=4),
    f=share,
)
def test_closed_forms_match_the_game(c, extra, f):
    model = UnfundedMandate(b=c + extra, c=c, f=f)
    m_c, m_e = model.mandate_level, model.efficient_level
    assert m_c == c + extra - f * c and m_e == extra
    levels = sorted({F(0), m_e, m_c, m_c + F(1, 3), max(F(0), m_e - F(1, 2))})
    (eq,) = model.stackelberg(levels)
    assert levels[eq.pure_profile[0]] == m_c
    ((best, _),) = model.efficient_profiles(levels)
    assert levels[best] == m_e
    assert model.surplus(m_e) - model.surplus(m_c) == model.deadweight_loss
    assert model.deadweight_loss == ((1 - f) * c) ** 2 / 2


def test_symbolic_closed_forms_and_statics():
    b, c, s, Y = sympy.symbols("b c s Y", positive=True)
    f = sympy.Symbol("f", nonnegative=True)
    model = UnfundedMandate(b=b, c=c, f=f, s=s, Y=Y)
    assert model.mandate_level == b - c * f
    assert model.efficient_level == b - c
    assert sympy.simplify(model.over_mandating - (1 - f) * c) == 0
    assert sympy.simplify(model.deadweight_loss - ((1 - f) * c) ** 2 / 2) == 0
    assert sympy.simplify(model.local_spending - (s * Y - (1 - f) * c * (b - f * c))) == 0
    # the centre's first-order condition B'(m) = f c gives m_C
    m = sympy.Symbol("m")
    assert sympy.solve(sympy.diff(model.centre_payoff(m), m), m) == [b - c * f]
    assert sympy.solve(sympy.diff(model.surplus(m), m), m) == [b - c]
    statics = gt.comparative_statics(model.mandate_level, [f, c])
    assert statics[f].derivative == -c and statics[f].sign == "negative"
    assert statics[c].derivative == -f and statics[c].sign == "nonpositive"
    oracle = {b: 10, c: 2, f: sympy.Rational(1, 4)}
    assert model.mandate_level.subs(oracle) == sympy.Rational(19, 2)
    assert model.deadweight_loss.subs(oracle) == sympy.Rational(9, 8)
    assert model.unfunded_burden.subs(oracle) == sympy.Rational(57, 4)


def test_solvency_threshold():
    Y = sympy.Symbol("Y", positive=True)
    th = UnfundedMandate(Y=Y).solvency_threshold(Y)
    # s Y >= 57/4 with s = 1/2
    assert th.lower == F(57, 2) and th.upper == sympy.oo and not th.lower_strict
    b, c, s = sympy.symbols("b c s", positive=True)
    general = UnfundedMandate(b=b, c=c, f=0, s=s, Y=Y).solvency_threshold(Y)
    assert sympy.simplify(general.lower - c * (b - 0) / s) == 0
    with pytest.raises(TypeError, match="Symbol"):
        UnfundedMandate().solvency_threshold("Y")


# --------------------------------------------------------------------------------------------
# Compliance extension
# --------------------------------------------------------------------------------------------


def test_default_local_government_shirks():
    model = UnfundedMandate()  # pi F = 1 < (1 - f) c = 3/2
    assert model.expected_sanction == 1
    assert model.complies is False
    assert model.provision == 0 and model.under_provision == F(19, 2)
    assert model.minimal_funding_share == F(1, 2)
    game = model.compliance_game()
    assert game.actions == (("Mandate", "No mandate"), ("Comply", "Shirk"))
    profiles = {eq.pure_profile for eq in gt.pure_equilibria(game)}
    assert (0, 0) not in profiles and (0, 1) in profiles
    assert all(p[1] == 1 for p in profiles)  # Shirk in every pure equilibrium


def test_funding_restores_compliance():
    model = UnfundedMandate(f=F(1, 2))  # pi F = (1 - f) c: the local is indifferent
    assert model.complies is True and model.under_provision == 0
    assert (0, 0) in [eq.pure_profile for eq in gt.pure_equilibria(model.compliance_game())]
    above = UnfundedMandate(f=F(3, 5))
    eqs = gt.pure_equilibria(above.compliance_game())
    # (Mandate, Comply) is the only strict equilibrium; (No mandate, Shirk) is a weak one of the
    # simultaneous form (nothing to shirk on), not subgame perfect in the sequential game
    assert [eq.pure_profile for eq in eqs if eq.is_strict] == [(0, 0)]
    assert [eq.pure_profile for eq in eqs] == [(0, 0), (1, 1)]
    # just below f* the local government shirks
    assert UnfundedMandate(f=F(49, 100)).complies is False


def test_compliance_threshold_from_the_game():
    model = UnfundedMandate()
    th = model.compliance_threshold()
    # local: 1 - pi F / c = 1/2 <= f; centre still mandates m = 19/2 while f <= (b - m/2)/c
    assert th.lower == F(1, 2) == model.minimal_funding_share
    assert th.upper == F(21, 8)
    c, pi, sanction, m, b = sympy.symbols("c pi F m b", positive=True)
    symbolic = UnfundedMandate(b=b, c=c, detection=pi, sanction=sanction, f=0)
    th = symbolic.compliance_threshold(m)
    assert sympy.simplify(th.lower - (1 - pi * sanction / c)) == 0
    assert sympy.simplify(th.upper - (b - m / 2) / c) == 0
    cond = symbolic.complies
    assert bool(cond.subs({pi: 1, sanction: 3, c: 2})) is True
    assert bool(cond.subs({pi: 1, sanction: 1, c: 2})) is False
    with pytest.raises(ValueError, match="positive mandate level"):
        model.compliance_threshold(0)


def test_strong_monitoring_needs_no_funding():
    model = UnfundedMandate(f=0, detection=1, sanction=3)
    assert model.minimal_funding_share == 0 and model.complies is True


def test_vertical_fiscal_imbalance():
    assert vertical_fiscal_imbalance(20, 40) == F(1, 2)
    assert vertical_fiscal_imbalance(40, 40) == 0
    model = UnfundedMandate()
    # expenditure s Y + f c m_C = 20 + 19/4, own revenue 20
    assert model.local_vfi == 1 - F(20) / (20 + F(19, 4)) == F(19, 99)
    assert model.with_funding(0).local_vfi == 0
    with pytest.raises(ValueError, match="positive"):
        vertical_fiscal_imbalance(1, 0)
    with pytest.raises(ValueError, match="non-negative"):
        vertical_fiscal_imbalance(-1, 2)


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"f": F(5, 4)}, ValueError, r"f = 5/4 must be a probability in \[0, 1\]"),
        ({"f": -F(1, 4)}, ValueError, "f = -1/4 must be a probability"),
        ({"s": 2}, ValueError, "s = 2 must be a probability"),
        ({"detection": F(3, 2)}, ValueError, "detection = 3/2 must be a probability"),
        ({"detection": -1}, ValueError, "detection"),
        ({"sanction": -1}, ValueError, "sanction = -1 must be non-negative"),
        ({"Y": -5}, ValueError, "Y = -5 must be non-negative"),
        ({"b": 0}, ValueError, "b = 0 must be positive"),
        ({"c": 0}, ValueError, "c = 0 must be positive"),
        ({"b": 1, "c": 2}, ValueError, "b >= c"),
        ({"b": "10"}, TypeError, "parameter b"),
        ({"f": True}, TypeError, "boolean"),
        ({"c": float("inf")}, ValueError, "not finite"),
        ({"f": sympy.Symbol("x", negative=True)}, ValueError, "probability"),
        ({"players": ("Centre",)}, ValueError, "2 non-empty names"),
    ],
)
def test_invalid_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        UnfundedMandate(**kwargs)


@pytest.mark.parametrize(
    ("fractions", "error", "match"),
    [
        ([F(1, 2), 2], ValueError, "fractions"),
        ([], ValueError, "at least one"),
        ("0.5", TypeError, "sequence"),
        ([-1], ValueError, "probability"),
    ],
)
def test_invalid_pass_down(fractions, error, match):
    with pytest.raises(error, match=match):
        pass_down_shares(fractions)


def test_bad_grid_and_frozen():
    model = UnfundedMandate()
    with pytest.raises(ValueError, match="distinct"):
        model.game([1, 1])
    with pytest.raises(ValueError, match="non-negative"):
        model.game([-1, 2])
    with pytest.raises(ValueError, match="numeric"):
        UnfundedMandate(b=sympy.Symbol("b", positive=True), c=1).game()
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.f = 1  # type: ignore[misc]


def test_float_input_gives_floats():
    model = UnfundedMandate(b=10.0, c=2.0, f=0.25)
    assert model.mandate_level == pytest.approx(9.5) and isinstance(model.mandate_level, float)
    assert model.deadweight_loss == pytest.approx(1.125)


def test_help_text_states_the_equations():
    doc = UnfundedMandate.__doc__
    for snippet in ("m_C = b - f c", "m_E = b - c", "((1 - f) c)^2/2", "Zhou", "References"):
        assert snippet in doc
