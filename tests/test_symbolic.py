"""Symbolic conditions, closed-form mixed equilibria, thresholds and comparative statics,
each checked against the exact numeric solver on random parameter draws."""

from fractions import Fraction as F

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import gametheory as gt
from gametheory.symbolic import (
    comparative_statics,
    equilibrium_conditions,
    mixed_equilibria,
    mixed_equilibrium,
    parameters,
    regions,
    threshold,
)

s, x, y = parameters("s x y")
(sub,) = parameters("sub", nonnegative=True)


def subsidised_pd(T=5, R=3, P=1, S=0):
    """MODELS.md §2.1: a subsidy to each cooperating region."""
    return gt.Game(
        [[R + sub, S + sub], [T, P]], [[R + sub, T], [S + sub, P]], actions=[["C", "D"]] * 2
    )


def test_subsidy_threshold_for_cooperation_in_the_prisoners_dilemma():
    # (C,C) is an equilibrium iff sub >= T - R; C dominant iff sub >= max(T - R, P - S) (§2.1)
    g = subsidised_pd()
    nash = threshold(equilibrium_conditions(g, ["C", "C"]), sub)
    assert (nash.lower, nash.upper, nash.lower_strict) == (2, sympy.oo, False)
    dominant = threshold(equilibrium_conditions(g, ["C", "C"], concept="dominant"), sub)
    assert dominant.lower == 2
    unique = threshold(equilibrium_conditions(g, ["C", "C"], concept="unique"), sub)
    assert unique.lower == 2 and unique.lower_strict
    # with P - S > T - R the dominance threshold is P - S
    g2 = subsidised_pd(T=4, R=3, P=2, S=-2)
    assert threshold(equilibrium_conditions(g2, [0, 0], concept="dominant"), sub).lower == 4


def test_stag_hunt_mixed_equilibrium_closed_form():
    B, tc = parameters("B tc", positive=True)
    g = gt.Game([[B - tc, -tc], [0, 0]], [[B - tc, 0], [-tc, 0]])
    m = mixed_equilibrium(g)
    assert sympy.simplify(m.strategies[0][0] - tc / B) == 0  # Pr(C) = tc / B (MODELS §3.2)
    assert m.payoffs == (0, 0)
    strategies, _, holds = m.subs(B=6, tc=2)
    assert strategies == ((F(1, 3), F(2, 3)), (F(1, 3), F(2, 3))) and holds
    assert not m.subs(B=2, tc=3)[2]  # tc > B: no interior mixed equilibrium
    stats = comparative_statics(m.strategies[0][0], [B, tc])
    assert stats[B].sign == "negative" and stats[tc].sign == "positive"
    assert stats[B].elasticity == -1 and stats[tc].elasticity == 1


def test_battle_of_the_sexes_mixed_payoff():
    a, b = parameters("a b", positive=True)
    g = gt.Game([[a, 0], [0, b]], [[b, 0], [0, a]])
    m = mixed_equilibrium(g)
    assert sympy.simplify(m.strategies[0][0] - a / (a + b)) == 0
    assert sympy.simplify(m.payoffs[0] - a * b / (a + b)) == 0


def test_tournament_comparative_statics():
    # MODELS.md §1.2: e* = (1 - beta) V g0 / c
    beta = sympy.Symbol("beta", negative=True)
    V, g0, c = parameters("V g0 c", positive=True)
    e = (1 - beta) * V * g0 / c
    stats = comparative_statics(e, [beta, V, c])
    assert stats[beta].derivative == -V * g0 / c and stats[beta].sign == "negative"
    assert stats[V].sign == "positive" and stats[V].elasticity == 1
    assert stats[c].sign == "negative" and stats[c].elasticity == -1


# ---- agreement with the exact numeric solver on random parameter draws -------------------------

coefficient = st.integers(-3, 3)
affine = st.tuples(coefficient, coefficient, coefficient)  # c0 + c1 x + c2 y


def at(game, **values):
    """``game.subs`` restricted to the parameters the game really has."""
    names = {p.name for p in game.parameters}
    return game.subs(**{k: v for k, v in values.items() if k in names})


def build(coeffs, shape):
    arrays = []
    it = iter(coeffs)
    for _ in range(2):
        a = np.empty(shape, dtype=object)
        for index in np.ndindex(shape):
            c0, c1, c2 = next(it)
            a[index] = c0 + c1 * x + c2 * y
        arrays.append(a)
    return gt.Game(*arrays)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(affine, min_size=12, max_size=12),
    st.sampled_from([(2, 2), (2, 3), (3, 2)]),
    st.fractions(-3, 3, max_denominator=4),
    st.fractions(-3, 3, max_denominator=4),
)
def test_conditions_agree_with_the_exact_solver(coeffs, shape, xv, yv):
    game = build(coeffs, shape)
    point = at(game, x=xv, y=yv)
    eqs = gt.equilibria(point, "pure")
    pure = {e.pure_profile: e.is_strict for e in eqs}
    for profile in np.ndindex(shape):
        cond = equilibrium_conditions(game, profile).subs({x: xv, y: yv})
        assert bool(cond) == (profile in pure)
        strict = equilibrium_conditions(game, profile, strict=True).subs({x: xv, y: yv})
        assert bool(strict) == pure.get(profile, False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(affine, min_size=8, max_size=8),
    st.fractions(-3, 3, max_denominator=4),
    st.fractions(-3, 3, max_denominator=4),
)
def test_closed_form_mixed_equilibrium_agrees_with_the_exact_solver(coeffs, xv, yv):
    game = build(coeffs, (2, 2))
    point = at(game, x=xv, y=yv)
    exact = {tuple(tuple(F(p) for p in s_) for s_ in e.strategies) for e in gt.equilibria(point)}
    try:
        m = mixed_equilibrium(game)
        names = {p.name for p in m.condition.free_symbols} | {
            p.name for s_ in m.strategies for q in s_ for p in sympy.sympify(q).free_symbols
        }
        strategies, _, holds = m.subs(**{k: v for k, v in {"x": xv, "y": yv}.items() if k in names})
    except (ValueError, ZeroDivisionError, TypeError):
        return  # degenerate for all parameter values, or at this point
    interior = {e for e in exact if all(0 < p < 1 for s_ in e for p in s_)}
    if holds:
        found = tuple(tuple(F(str(p)) for p in s_) for s_ in strategies)
        assert found in exact
    else:
        assert not interior or gt.is_degenerate(point)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4), st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3))
def test_threshold_matches_the_boundary_found_numerically(t_minus_r, p_minus_s, r, y_value):
    # cooperation in a PD-like game with subsidy `sub`; check the threshold numerically
    R = r
    T = R + t_minus_r
    S = R - 3
    P = S + p_minus_s
    g = subsidised_pd(T=T, R=R, P=P, S=S)
    th = threshold(equilibrium_conditions(g, [0, 0], concept="dominant", strict=True), sub)
    assert th.lower == max(T - R, P - S) and th.lower_strict
    low = th.lower
    for value, expected in [(low, False), (low + F(1, 100), True), (low - F(1, 100), False)]:
        if value < 0:
            continue  # outside the symbol's domain (nonnegative)
        point = g.subs(sub=value)
        assert (gt.dominant_strategy_equilibrium(point, strict=True) == (0, 0)) == expected


# ---- bad input ----------------------------------------------------------------------------------


def test_bad_input():
    g = subsidised_pd()
    with pytest.raises(ValueError, match="unknown concept"):
        equilibrium_conditions(g, [0, 0], concept="pareto")
    with pytest.raises(ValueError, match="2x2"):
        equilibrium_conditions(gt.Game([[x, 0, 1]], [[0, 1, 0]]), [0, 0], concept="unique")
    with pytest.raises(ValueError, match="no action"):
        equilibrium_conditions(g, ["C", "X"])
    with pytest.raises(ValueError, match="never satisfied"):
        threshold(sympy.false, sub)
    with pytest.raises(ValueError, match="does not appear"):
        threshold(x > 1, sub)
    with pytest.raises(ValueError, match="not linear"):
        threshold(sub**2 - 2 > 0, sub)
    with pytest.raises(ValueError, match="sign"):
        threshold(x * s > 1, s)
    with pytest.raises(ValueError, match="no value"):
        threshold(sympy.And(sub >= 3, sub <= 1), sub)
    with pytest.raises(ValueError, match="unknown parameters"):
        mixed_equilibrium(gt.Game([[x, 0], [0, 1]], [[1, 0], [0, 1]])).subs(z=1)
    with pytest.raises(ValueError, match="identifiers"):
        parameters("1a b")


# ---- regions ------------------------------------------------------------------------------------


def test_regions_of_the_subsidised_prisoners_dilemma():
    (s_,) = parameters("s", nonnegative=True)
    pd = gt.Game([[3 + s_, s_], [5, 1]], [[3 + s_, 5], [s_, 1]], actions=[["C", "D"]] * 2)
    found = {r.equilibria for r in regions(pd)}
    assert found == {("(C,C)",), ("(C,D)", "(D,C)", "mixed"), ("(D,D)",)}
    assert "tabular" in regions(pd).to_latex()


def structure(point):
    eqs = gt.equilibria(point)
    names = {
        "(" + ",".join(point.actions[i][a] for i, a in enumerate(e.pure_profile)) + ")"
        for e in eqs
        if e.is_pure
    }
    if any(all(0 < p < 1 for s_ in e.strategies for p in s_) for e in eqs):
        names.add("mixed")
    return names


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.lists(affine, min_size=12, max_size=12), st.sampled_from([(2, 2), (2, 3)]))
def test_regions_agree_with_the_exact_solver_on_random_draws(coeffs, shape):
    game = build(coeffs, shape)
    if not game.parameters:
        return
    try:
        parts = regions(game)
    except ValueError as exc:
        assert "too many" in str(exc)
        return
    rng = np.random.default_rng(len(parts))
    for _ in range(15):
        values = {p.name: F(int(rng.integers(-40, 41)), 7) for p in game.parameters}
        point = at(game, **values)
        inside = [r for r in parts if bool(r.condition.subs(values))]
        if not inside:
            continue  # on a boundary (some atom is zero there)
        assert len(inside) == 1
        expected = structure(point)
        if shape != (2, 2):
            expected.discard("mixed")  # regions lists mixed equilibria of 2x2 games only
        assert set(inside[0].equilibria) == expected


def _three_player(seed: int) -> gt.Game:
    rng = np.random.default_rng(seed)
    return gt.Game.from_arrays(*[rng.integers(-5, 6, size=(2, 2, 2)) for _ in range(3)])


def test_three_player_mixed_equilibrium_missed_by_gambit_enumpoly() -> None:
    # pygambit 16.7 enumpoly lists only the two pure equilibria of this game (PEERS.md item 6)
    game = _three_player(63)
    [m] = mixed_equilibria(game)
    assert m.condition is sympy.true
    R = sympy.Rational
    assert m.strategies == (
        (R(45, 98), R(53, 98)),
        (R(141, 143), R(2, 143)),
        (R(14, 31), R(17, 31)),
    )
    x = [[F(int(p.p), int(p.q)) for p in s] for s in m.strategies]
    assert gt.is_equilibrium(game, x)
    values = [gt.action_values(game, i, x) for i in range(3)]
    assert tuple(sympy.Rational(v[0].numerator, v[0].denominator) for v in values) == m.payoffs
    assert mixed_equilibrium(game).strategies == m.strategies


def test_three_player_irrational_mixed_equilibrium() -> None:
    game = _three_player(17)
    [m] = mixed_equilibria(game)
    assert any(e.has(sympy.sqrt(19873)) for s in m.strategies for e in s)
    assert m.condition is sympy.true
    arrays = [np.asarray(a, dtype=object) for a in game.payoff_arrays]
    x = [[sympy.N(p, 50) for p in s] for s in m.strategies]
    for i, u in enumerate(arrays):
        values = []
        for a in range(2):
            total = 0
            for prof in np.ndindex(2, 2, 2):
                if prof[i] != a:
                    continue
                w = 1
                for j in range(3):
                    if j != i:
                        w *= x[j][prof[j]]
                total += int(u[prof]) * w
            values.append(total)
        assert abs(values[0] - values[1]) < sympy.Float("1e-40")
        assert abs(values[0] - m.payoffs[i]) < sympy.Float("1e-40")
    assert all(0 < p < 1 for s in x for p in s)


def test_three_player_mixed_equilibria_agree_with_the_exact_solver_on_reduced_supports() -> None:
    # player 3 fixed to its first action: a 2x2 game between players 1 and 2 inside a 3-player
    # game; the closed form on supports ((0,1),(0,1),(0,)) must agree with the 2-player solver
    t = sympy.Symbol("t", positive=True)
    A = np.zeros((2, 2, 2), dtype=object)
    B = np.zeros((2, 2, 2), dtype=object)
    C = np.zeros((2, 2, 2), dtype=object)
    A[:, :, 0] = [[t, 0], [0, 1]]
    B[:, :, 0] = [[1, 0], [0, 2]]
    C[:, :, 0] = [[5, 5], [5, 5]]
    C[:, :, 1] = [[0, 0], [0, 0]]
    game = gt.Game.from_arrays(A, B, C)
    [m] = mixed_equilibria(game, [(0, 1), (0, 1), (0,)])
    assert m.strategies[0] == (sympy.Rational(2, 3), sympy.Rational(1, 3))
    assert sympy.simplify(m.strategies[1][0] - 1 / (t + 1)) == 0
    assert sympy.simplify(m.payoffs[0] - t / (t + 1)) == 0
    for value in (sympy.Rational(1, 2), 3):
        _, payoffs, holds = m.subs(t=value)
        assert holds
        reduced = gt.Game([[value, 0], [0, 1]], [[1, 0], [0, 2]])
        mixed = [e for e in gt.equilibria(reduced) if not e.is_pure]
        assert [tuple(e.payoffs) for e in mixed] == [tuple(payoffs[:2])]


def test_mixed_equilibria_bad_input() -> None:
    game = _three_player(63)
    with pytest.raises(ValueError, match="one support per player"):
        mixed_equilibria(game, [(0, 1), (0, 1)])
    with pytest.raises(ValueError, match="non-empty"):
        mixed_equilibria(game, [(0, 1), (), (0,)])
    zero = gt.Game.from_arrays(*[np.zeros((2, 2, 2), dtype=int)] * 3)
    with pytest.raises(ValueError, match="continuum"):
        mixed_equilibria(zero)


# ---- regions of non-affine games ---------------------------------------------------------------


def _labels(game: gt.Game) -> set[str]:
    out = set()
    for e in gt.equilibria(game):
        if e.is_pure:
            out.add("(" + ",".join(game.actions[i][a] for i, a in enumerate(e.pure_profile)) + ")")
        elif game.shape == (2, 2):
            out.add("mixed")
    return out


def test_regions_of_a_one_parameter_polynomial_game_are_exact() -> None:
    (t,) = parameters("t")
    # a coordination game whose stag payoff t**2 - 2 crosses the hare payoff 0 at +-sqrt(2) and
    # whose second player's payoff crosses at t = 1 / 2
    game = gt.Game(
        [[t**2 - 2, 0], [0, 1]], [[2 * t - 1, 0], [0, 1]], actions=[["S", "H"], ["S", "H"]]
    )
    parts = regions(game)
    assert parts.complete
    by_eq = {r.equilibria: r for r in parts}
    # both (S,S) and (H,H) (and the mixed one) iff t**2 > 2 and t > 1/2, i.e. t > sqrt(2)
    both = by_eq[("(S,S)", "(H,H)", "mixed")]
    assert both.witness["t"] > sympy.sqrt(2)
    rng = np.random.default_rng(5)
    for value in [*rng.uniform(-4, 4, 60), -np.sqrt(2) - 1e-3, np.sqrt(2) + 1e-3]:
        point = sympy.Rational(F(float(value)).limit_denominator(10**6))
        inside = [r for r in parts if bool(r.condition.subs(t, point))]
        assert len(inside) == 1, point
        assert set(inside[0].equilibria) == _labels(game.subs(t=point)), point


def test_regions_of_a_rational_function_game() -> None:
    (t,) = parameters("t", positive=True)
    game = gt.Game([[1 / (1 + t), 0], [t / 4, 1]], [[1, 0], [0, 1]], actions=[["a", "b"]] * 2)
    parts = regions(game)
    assert parts.complete
    # 1 / (1 + t) > t / 4 iff t**2 + t - 4 < 0 iff t < (sqrt(17) - 1) / 2
    cut = (sympy.sqrt(17) - 1) / 2
    for r in parts:
        w = r.witness["t"]
        assert w > 0
        assert ("(a,a)" in r.equilibria) == bool(w < cut)
        assert set(r.equilibria) == _labels(game.subs(t=w))


def test_regions_of_a_multi_parameter_non_affine_game_are_sampled_and_flagged() -> None:
    x, y = sympy.symbols("x y")
    game = gt.Game([[x * y, 0], [1, x]], [[x * y, 1], [0, y]], actions=[["C", "D"]] * 2)
    with pytest.warns(UserWarning, match="sampling"):
        parts = regions(game)
    assert not parts.complete
    assert len(parts) == 6  # the sign patterns of x, y and xy - 1 that can occur
    for r in parts:
        assert bool(r.condition.subs(r.witness))
        assert set(r.equilibria) == _labels(game.subs(**r.witness))
    with pytest.warns(UserWarning):
        narrow = regions(game, box={"x": (0.5, 2.0), "y": (0.5, 2.0)}, samples=2000)
    assert {r.equilibria for r in narrow} == {("(D,D)",), ("(C,C)", "(D,D)", "mixed")}
    with pytest.raises(ValueError, match="box for x"):
        regions(game, box={"x": (2.0, 1.0)})
    with pytest.raises(ValueError, match="unknown parameters"):
        regions(game, box={"z": (0.0, 1.0)})
    with pytest.raises(ValueError, match="samples"):
        regions(game, samples=0)


def test_regions_one_parameter_needs_rational_functions() -> None:
    (t,) = parameters("t")
    game = gt.Game([[sympy.exp(t), 0], [2, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="rational functions"):
        regions(game)


def test_threshold_keeps_mixed_strictness_of_symbolic_bounds() -> None:
    t, a, b = sympy.symbols("t a b", real=True)
    th = threshold(sympy.And(t > a, t >= b), t)
    assert th.lower == sympy.Max(a, b) and th.lower_strict is None
    for values in ({a: 1, b: 0}, {a: 0, b: 1}, {a: 1, b: 1}):
        for tv in (sympy.Rational(1, 2), 1, 2):
            point = {**values, t: tv}
            expected = bool((t > a).subs(point)) and bool((t >= b).subs(point))
            assert bool(th.condition.subs(point)) == expected
    numeric = threshold(sympy.And(t > 1, t >= 0), t)
    assert (numeric.lower, numeric.lower_strict) == (1, True)
    tie = threshold(sympy.And(t > 1, t >= 1), t)
    assert (tie.lower, tie.lower_strict) == (1, True)
    with pytest.raises(ValueError, match="not linear"):
        threshold(1 / t > 1, t)


def test_regions_of_games_with_many_inequalities() -> None:
    # one parameter: the exact line decomposition has no limit on the number of inequalities
    (a,) = parameters("a")
    rs = np.random.RandomState(0)
    A = rs.randint(-3, 4, (3, 3)).astype(object) + a * rs.randint(-2, 3, (3, 3))
    B = rs.randint(-3, 4, (3, 3)).astype(object) + a * rs.randint(-2, 3, (3, 3))
    game = gt.Game(A, B)
    parts = regions(game)
    assert parts.complete and len(parts) >= 2
    assert [r.witness for r in regions(game, over=a)] == [r.witness for r in parts]
    assert [r.witness for r in regions(game, over=["a"])] == [r.witness for r in parts]
    for r in parts:
        sub = game.subs(**r.witness)
        pure = {
            "(" + ",".join(sub.actions[i][k] for i, k in enumerate(e.pure_profile)) + ")"
            for e in gt.equilibria(sub)
            if e.is_pure
        }
        assert set(r.equilibria) == pure
