"""Multitask cadre evaluation (MODELS.md §8): oracles M-a to M-c, closed forms against numerics."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize

import gametheory as gt
from gametheory.models.multitask import MultitaskEvaluation

F = Fraction


def numeric_efforts(model, w):
    """The official's problem solved by bounded quasi-Newton search (independent of the KKT)."""
    V, lam, k = float(model.V), float(model.lam), float(model.k)
    c1, c2 = float(model.c1), float(model.c2)
    C = np.array([[c1, k], [k, c2]])
    m = V * np.array([float(w), (1 - float(w)) * lam])

    def negative(t):
        return -(m @ t - t @ C @ t / 2), -(m - C @ t)

    res = optimize.minimize(
        negative,
        x0=[1.0, 1.0],
        jac=True,
        bounds=[(0, None), (0, None)],
        method="L-BFGS-B",
        options={"ftol": 1e-15, "gtol": 1e-12},
    )
    return res.x


# ------------------------------------------------------------------ §8.3 oracles


def test_Ma_efforts_and_abandonment():
    model = MultitaskEvaluation(V=10, lam=1, k=F(1, 2))
    assert model.abandonment_weight() == F(2, 3)
    assert model.efforts(F(1, 2)) == (F(10, 3), F(10, 3))
    assert model.efforts(F(3, 4)) == (F(15, 2), 0)
    # the interior formula would ask for negative public-service effort there
    assert model.interior_efforts(F(3, 4)) == (F(25, 3), F(-5, 3))
    # at the threshold both forms agree: t2 = 0
    assert model.efforts(F(2, 3)) == model.interior_efforts(F(2, 3)) == (F(20, 3), 0)
    for w in (F(1, 2), F(3, 4), F(2, 3), F(1, 10), 0, 1):
        assert np.allclose(model.efforts(w), numeric_efforts(model, w), atol=1e-7)


def test_Mb_optimal_weight_reaches_first_best():
    model = MultitaskEvaluation(V=10, lam=1, k=F(1, 2), b1=4, b2=6)
    assert model.interior_optimal_weight() == F(2, 5)
    assert model.optimal_weight() == F(2, 5)
    assert model.efforts(F(2, 5)) == (F(4, 3), F(16, 3)) == model.first_best_efforts()


def test_Mc_low_measurability():
    # lam = 1/2: the interior first-order condition gives w = 8/35 and t = (10/21, 76/21), but the
    # centre does better at the corner w = 0 (t1 = 0, t2 = V lam = 5): objective 35/2 > 338/21
    model = MultitaskEvaluation(V=10, lam=F(1, 2), k=F(1, 2), b1=4, b2=6)
    assert model.interior_optimal_weight() == F(8, 35)
    assert model.efforts(F(8, 35)) == (F(10, 21), F(76, 21))
    assert model.center_objective(F(8, 35)) == F(338, 21)
    assert model.optimal_weight() == 0
    assert model.efforts(0) == (0, 5)
    assert model.center_objective(0) == F(35, 2)
    # brute force over a fine grid of weights, efforts from the numeric solver
    b = np.array([4.0, 6.0])
    C = np.array([[1.0, 0.5], [0.5, 1.0]])
    grid = np.linspace(0, 1, 101)
    values = []
    for w in grid:
        t = numeric_efforts(model, w)
        values.append(b @ t - t @ C @ t / 2)
    assert grid[int(np.argmax(values))] == 0
    assert max(values) == pytest.approx(17.5, abs=1e-7)


def test_optimal_weight_against_brute_force():
    for lam, k, b1, b2, V in [
        (1, F(1, 2), 4, 6, 10),
        (F(3, 4), F(1, 4), 5, 2, 8),
        (F(1, 5), F(3, 5), 1, 1, 3),
        (1, 0, 2, 2, 5),
        (F(1, 2), F(-1, 3), 3, 4, 10),
    ]:
        model = MultitaskEvaluation(V=V, lam=lam, k=k, b1=b1, b2=b2)
        best = model.optimal_weight()
        grid = [F(n, 100) for n in range(101)]
        brute = max(model.center_objective(w) for w in grid)
        assert model.center_objective(best) >= brute
        assert 0 <= best <= 1


# ------------------------------------------------------------------ closed forms


def test_symbolic_formulas_match_the_spec():
    V, lam, b1, b2, w = sympy.symbols("V lam b1 b2 w", positive=True)
    k = sympy.Symbol("k", nonnegative=True)
    model = MultitaskEvaluation(V=V, lam=lam, k=k, b1=b1, b2=b2, w=w)
    t1, t2 = model.interior_efforts()
    assert sympy.simplify(t1 - V * (w - k * lam * (1 - w)) / (1 - k**2)) == 0
    assert sympy.simplify(t2 - V * (lam * (1 - w) - k * w) / (1 - k**2)) == 0
    w_star = model.interior_optimal_weight()
    spec = (V * k * lam + V * lam**2 + b1 * k * lam + b1 - b2 * k - b2 * lam) / (
        V * (2 * k * lam + lam**2 + 1)
    )
    assert sympy.simplify(w_star - spec) == 0
    assert sympy.simplify(model.abandonment_weight() - lam / (lam + k)) == 0


def test_diversion_signs():
    model = MultitaskEvaluation(V=10, lam=1, k=F(1, 2))
    div = model.diversion()
    assert div["t1"].sign == "positive" and div["t1"].derivative == 20  # V (1 + k lam)/(1 - k^2)
    assert div["t2"].sign == "negative" and div["t2"].derivative == -20  # -V (lam + k)/(1 - k^2)
    # with symbols: V, lam positive and k = 1/3 fixed, the signs are still decided
    V, lam = sympy.symbols("V lam", positive=True)
    div = MultitaskEvaluation(V=V, lam=lam, k=F(1, 3)).diversion()
    assert div["t1"].sign == "positive" and div["t2"].sign == "negative"
    assert sympy.simplify(div["t2"].derivative + V * (lam + F(1, 3)) / (1 - F(1, 9))) == 0
    # independent tasks (k = 0): the weight still moves effort, but only directly
    div = MultitaskEvaluation(k=0).diversion()
    assert div["t1"].derivative == 10 and div["t2"].derivative == -10


def test_comparative_statics_of_the_optimal_weight():
    lam = sympy.Symbol("lam", positive=True)
    model = MultitaskEvaluation(V=10, lam=lam, k=F(1, 2), b1=4, b2=6)
    statics = model.comparative_statics([lam])
    d = statics["w*"][lam].derivative
    # lower measurability pushes w* down at the oracle values (dw*/dlam > 0 on (0, 1])
    for value in (F(1, 10), F(1, 2), 1):
        assert d.subs(lam, value) > 0
    # the sign formula of the class notes
    V, k, b1, b2, L = sympy.symbols("V k b1 b2 L", positive=True)
    symbolic = MultitaskEvaluation(V=V, lam=L, k=k, b1=b1, b2=b2)
    deriv = symbolic.comparative_statics([L])["w*"][L].derivative
    sign_term = (V - b1) * (k * L**2 + k + 2 * L) + b2 * (2 * k**2 + 2 * k * L + L**2 - 1)
    ratio = sympy.simplify(deriv * V * (2 * k * L + L**2 + 1) ** 2 / sign_term)
    assert ratio == 1
    assert symbolic.comparative_statics([L])["w*"][L].sign == "ambiguous"
    t_statics = MultitaskEvaluation(V=10, lam=lam, k=F(1, 2)).comparative_statics([lam])
    assert t_statics["t2"][lam].sign == "positive"  # better measurement, more public services


@settings(max_examples=60, deadline=None)
@given(
    w=st.fractions(0, 1),
    lam=st.fractions(F(1, 20), 1),
    k=st.fractions(F(-9, 10), F(9, 10)),
    V=st.integers(1, 20),
)
def test_efforts_match_numeric_optimum(w, lam, k, V):
    model = MultitaskEvaluation(V=V, lam=lam, k=k, w=w)
    t = model.efforts()
    assert all(x >= 0 for x in t)
    assert np.allclose([float(x) for x in t], numeric_efforts(model, w), atol=1e-6 * V)


# ------------------------------------------------------------------ Holmström-Milgrom


def surplus(model, beta, sigma2):
    """Total certainty-equivalent surplus of a contract with the agent's best response."""
    C = np.array([[float(model.c1), float(model.k)], [float(model.k), float(model.c2)]])
    b = np.array([float(model.b1), float(model.b2)])
    # agent: max beta't - t'Ct/2 over t >= 0 (numeric)
    res = optimize.minimize(
        lambda t: -(np.asarray(beta) @ t - t @ C @ t / 2),
        x0=[0.5, 0.5],
        bounds=[(0, None), (0, None)],
        method="L-BFGS-B",
        options={"ftol": 1e-15},
    )
    t = res.x
    risk = float(model.r) * (beta[0] ** 2 * float(model.sigma1) ** 2 + beta[1] ** 2 * sigma2**2)
    return b @ t - t @ C @ t / 2 - risk / 2


def _agent_response(Cf: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """argmax_{t >= 0} beta.t - t'Ct/2 by enumerating the faces of the orthant."""
    candidates = [np.zeros(2)]
    interior = np.linalg.solve(Cf, beta)
    if (interior >= 0).all():
        candidates.append(interior)
    for j in range(2):
        t = np.zeros(2)
        t[j] = max(0.0, beta[j] / Cf[j, j])
        candidates.append(t)
    return max(candidates, key=lambda t: beta @ t - t @ Cf @ t / 2)


def test_hm_contract_both_tasks_measured():
    # substitutes (k = 1/2): the stationary point beta* = (I + r C Sigma)^-1 b = (8/9, 10/9)
    # gives surplus 32/9, but paying GDP alone, beta = (2, 0), gives 4 (no risk premium on the
    # noisier task): the surplus is not concave in beta once efforts must be >= 0
    model = MultitaskEvaluation(r=1, sigma1=1, sigma2=2, k=F(1, 2), b1=4, b2=6)
    contract = model.contract()
    assert contract.beta == (2, 0) and contract.efforts == (2, 0) and not contract.interior
    assert contract.surplus == 4
    C = sympy.Matrix([[1, F(1, 2)], [F(1, 2), 1]])
    stationary = (sympy.eye(2) + C * sympy.diag(1, 4)).inv() * sympy.Matrix([4, 6])
    assert tuple(stationary) == (F(8, 9), F(10, 9))
    assert model._surplus(C.inv() * stationary, stationary, [1, 2]) == F(32, 9)
    # the principal's problem by brute force with the agent's constrained response
    Cf = np.array([[1.0, 0.5], [0.5, 1.0]])
    bf = np.array([4.0, 6.0])
    best = -np.inf
    for b1 in np.linspace(0, 4, 81):
        for b2 in np.linspace(0, 4, 81):
            beta = np.array([b1, b2])
            t = _agent_response(Cf, beta)
            best = max(best, bf @ t - t @ Cf @ t / 2 - (b1**2 + 4 * b2**2) / 2)
    assert float(contract.surplus) == pytest.approx(best, abs=1e-9)
    # with sigma2 = 1 the corner that pays public services alone wins: beta = (0, 3)
    other = dataclasses.replace(model, sigma2=1).contract()
    assert other.beta == (0, 3) and other.surplus == 9
    # complements (k < 0): the stationary point is the global optimum
    comp = dataclasses.replace(model, k=F(-1, 2)).contract()
    assert comp.interior and all(t > 0 for t in comp.efforts)
    # risk neutrality: first best, beta = b
    assert dataclasses.replace(model, r=0).contract().beta == (4, 6)


def test_hm_contract_unmeasured_public_services():
    # k > 0: the agent never works on the unpaid task; beta1 = b1 / (1 + r sigma1^2 c1) = 2
    model = MultitaskEvaluation(r=1, sigma1=1, sigma2=None, k=F(1, 2), b1=4, b2=6)
    contract = model.contract()
    assert contract.beta == (2, 0) and contract.efforts == (2, 0) and not contract.interior
    grid = np.linspace(0, 4, 101)
    values = [surplus(model, (x, 0.0), 0.0) for x in grid]
    assert grid[int(np.argmax(values))] == pytest.approx(2, abs=0.02)
    assert float(contract.surplus) == pytest.approx(max(values), abs=1e-6)
    # MODELS.md's interior formula (b1 c2 - b2 k)/(c2 + r sigma1^2 det) = 4/7 would need t2 < 0
    assert surplus(model, (4 / 7, 0.0), 0.0) < float(contract.surplus)
    # complements (k < 0): the interior formula holds, t2 = -k t1 / c2 > 0
    comp = dataclasses.replace(model, k=F(-1, 2)).contract()
    assert comp.beta == (4, 0) and comp.efforts == (F(16, 3), F(8, 3)) and comp.interior


def test_hm_contract_with_binding_nonnegativity():
    # public services worth nothing and noisy: interior beta* gives t2 < 0, corner t2 = 0 wins
    model = MultitaskEvaluation(r=1, sigma1=1, sigma2=1, k=F(1, 2), b1=4, b2=0)
    contract = model.contract()
    assert not contract.interior and contract.efforts[1] == 0
    assert contract.beta == (2, 0)


# ------------------------------------------------------------------ rank tournament


def test_rank_tournament_game_weights_still_matter():
    # under a rank rule the efforts are the formulas with V replaced by V/(2h)
    model = MultitaskEvaluation(V=10, w=F(1, 2), lam=1, k=F(1, 2))
    assert model.rank_efforts(5) == (F(1, 3), F(1, 3))
    levels = [0, F(1, 3), F(2, 3), 1]
    game = model.game(levels, h=5)
    assert game.shape == (16, 16) and game.is_exact
    eqs = gt.pure_equilibria(game)
    assert [eq.pure_profile for eq in eqs] == [(5, 5)]  # (1/3, 1/3)
    assert game.actions[0][5] == "(1/3, 1/3)"
    assert gt.dominant_strategy_equilibrium(game) == (5, 5)
    # raising the GDP weight under the *rank* rule moves effort from public services to GDP
    shifted = dataclasses.replace(model, w=F(3, 4))
    t1, t2 = shifted.rank_efforts(5)
    assert t1 > F(1, 3) and t2 == 0  # the interior formula would give t2 = -1/6: a corner
    game = shifted.game(levels, h=5)
    (eq,) = gt.pure_equilibria(game)
    chosen = game.actions[0][eq.pure_profile[0]]
    assert chosen == "(2/3, 0)"
    assert shifted.rank_efforts(5) == (F(3, 4), 0)  # corner: t1 = (V / 2h) w / c1
    assert shifted.interior_efforts() != shifted.efforts()
    # below the corner on the other side (w = 1/5) GDP effort is zero, never negative
    assert dataclasses.replace(model, w=F(1, 5)).rank_efforts(5) == (0, F(4, 5))


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"V": 0}, ValueError, "V must be positive"),
        ({"w": F(3, 2)}, ValueError, r"w must lie in \[0, 1\]"),
        ({"w": -0.1}, ValueError, r"w must lie in \[0, 1\]"),
        ({"lam": 0}, ValueError, r"lam must lie in \(0, 1\]"),
        ({"lam": 2}, ValueError, r"lam must lie in \(0, 1\]"),
        ({"k": 1}, ValueError, "convex"),
        ({"c1": 0}, ValueError, "c1 must be positive"),
        ({"c2": -1}, ValueError, "c2 must be positive"),
        ({"b1": -1}, ValueError, "b1"),
        ({"r": -1}, ValueError, "risk aversion"),
        ({"sigma1": 0}, ValueError, "sigma1"),
        ({"sigma2": -1}, ValueError, "sigma2"),
        ({"V": "ten"}, TypeError, "parameter V"),
        ({"k": True}, TypeError, "boolean"),
        ({"players": ("A", "A")}, ValueError, "different names"),
    ],
)
def test_invalid_parameters(kwargs, error, match):
    with pytest.raises(error, match=match):
        MultitaskEvaluation(**kwargs)


def test_invalid_method_arguments():
    model = MultitaskEvaluation()
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        model.efforts(2)
    with pytest.raises(ValueError, match="h must be positive"):
        model.game([0, 1], h=0)
    with pytest.raises(ValueError, match="distinct"):
        model.game([0, 0], h=1)
    with pytest.raises(ValueError, match="substitutes"):
        MultitaskEvaluation(k=F(-1, 2)).abandonment_weight()
    symbolic = MultitaskEvaluation(k=sympy.Symbol("k"))
    with pytest.raises(ValueError, match="cannot decide"):
        symbolic.efforts()
    with pytest.raises(ValueError, match="needs numbers"):
        symbolic.optimal_weight()


def test_frozen_and_float_results():
    model = MultitaskEvaluation(V=10.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.w = 1  # type: ignore[misc]
    t = model.efforts()
    assert all(isinstance(x, float) for x in t)
    assert t == pytest.approx((10 / 3, 10 / 3))


def test_docstring_examples():
    import doctest

    import gametheory.models.multitask as module

    assert doctest.testmod(module).failed == 0
