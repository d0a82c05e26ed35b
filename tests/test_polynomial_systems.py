"""Exact real solutions of polynomial systems with FLINT (gametheory.polynomial_systems): closed
forms, non-radical and non-separating ideals, empty and positive-dimensional systems, exact
signs at algebraic points, and agreement of the N-player support enumeration with its sympy
reference implementation on random and tie-heavy games."""

from fractions import Fraction as F

import numpy as np
import pytest
import sympy

import gametheory as gt
from gametheory import nplayer
from gametheory import polynomial_systems as ps


def coordinates(point, digits=30):
    return [float(point.approx(c, digits)) for c in point.coords]


def test_circle_meets_line_at_two_conjugate_radicals():
    R = ps.Ring(2)
    x, y = R.gens
    status, points = ps.solve([x**2 + y**2 - 4, x - y], R)
    assert status == "points"
    xs = sorted(coordinates(p)[0] for p in points)
    assert xs == pytest.approx([-(2**0.5), 2**0.5], abs=1e-15)
    for p in points:
        assert p.sign(p.reduce(x - y)) == 0
        assert p.sign(p.reduce(x**2 + y**2 - 4)) == 0
        assert p.sign(p.reduce(x)) == (1 if coordinates(p)[0] > 0 else -1)


def test_four_real_points_and_exact_signs_of_nonzero_values():
    R = ps.Ring(2)
    x, y = R.gens
    status, points = ps.solve([x**2 + y**2 - 4, x * y - 1], R)
    assert status == "points" and len(points) == 4
    # x^4 - 4 x^2 + 1 = 0: x = +-sqrt(2 +- sqrt(3)), y = 1/x
    expected = sorted(s * (2 + r * 3**0.5) ** 0.5 for s in (1, -1) for r in (1, -1))
    assert sorted(coordinates(p)[0] for p in points) == pytest.approx(expected, abs=1e-14)
    for p in points:
        cx, cy = coordinates(p)
        assert p.sign(p.reduce(x - y)) == np.sign(cx - cy)
        assert p.sign(p.reduce(x * y - 1)) == 0


def test_minimal_polynomial_and_root_index():
    R = ps.Ring(1)
    (x,) = R.gens
    _, points = ps.solve([x**3 - 2], R)
    (point,) = points
    q, k = point.minimal_polynomial(point.reduce(x**2))  # (2^(1/3))^2 = 4^(1/3): q = T^3 - 4
    assert [int(c) for c in q.coeffs()] == [-4, 0, 0, 1] and k == 0
    assert float(point.approx(point.reduce(x**2), 40)) == pytest.approx(4 ** (1 / 3), rel=1e-15)


def test_double_root_and_non_separating_form():
    R = ps.Ring(2)
    x, y = R.gens
    # x^2 = 0 (a double point), y = 1: not radical; the form t = y does not separate
    status, points = ps.solve([x**2, y - 1], R)
    assert status == "points" and len(points) == 1
    assert coordinates(points[0]) == [0.0, 1.0]
    # (x-1)^2 (x-2) = 0, y^2 = 2: four points, two of them double
    status, points = ps.solve([(x - 1) ** 2 * (x - 2), y**2 - 2], R)
    got = sorted((round(a, 12), round(b, 12)) for a, b in map(coordinates, points))
    r = round(2**0.5, 12)
    assert got == sorted((a, b) for a in (1.0, 2.0) for b in (-r, r))


def test_empty_and_positive_dimensional_systems():
    R = ps.Ring(2)
    x, y = R.gens
    assert ps.solve([x - 1, x - 2], R) == ("empty", [])
    assert ps.solve([x * y], R)[0] == "positive-dimensional"
    assert ps.solve([x**2 + 1, y], R) == ("points", [])  # no real point


def test_rational_points_are_exact():
    R = ps.Ring(2)
    x, y = R.gens
    _, points = ps.solve([3 * x - 1, 7 * y + 2 * x - 5], R)
    (p,) = points
    assert [p.approx(c, 0) for c in p.coords] == [F(1, 3), F(13, 21)]


def jordan():
    a1, a2, a3 = np.indices((2, 2, 2))
    return gt.Game.from_arrays(
        np.where(a1 == a2, 1, -1), np.where(a2 == a3, 1, -1), np.where(a3 != a1, 1, -1)
    )


@pytest.fixture
def sympy_engine(monkeypatch):
    def run(game):
        monkeypatch.setattr(nplayer, "ENGINE", "sympy")
        try:
            return nplayer.support_enumeration(game)
        finally:
            monkeypatch.setattr(nplayer, "ENGINE", "flint")

    return run


@pytest.mark.parametrize(
    "shape, low, high, count",
    [((2, 2, 2), -5, 6, 12), ((2, 2, 3), -5, 6, 4), ((3, 3, 3), -5, 6, 2), ((2, 2, 2, 2), -5, 6, 2),
     ((2, 2, 2), 0, 2, 8), ((3, 2, 2), 0, 3, 3)],
)  # fmt: skip
def test_flint_engine_agrees_with_the_sympy_reference(sympy_engine, shape, low, high, count):
    """Same equilibria (the same exact sympy numbers), payoffs, continua and completeness."""
    for seed in range(count):
        rng = np.random.default_rng([91, *shape, seed, low + 5])
        g = gt.Game.from_arrays(*[rng.integers(low, high, size=shape) for _ in shape])
        fast = nplayer.support_enumeration(g)
        reference = sympy_engine(g)
        assert fast.equilibria == reference.equilibria
        assert fast.payoffs == reference.payoffs
        assert (fast.complete, fast.continua, fast.unresolved) == (
            reference.complete,
            reference.continua,
            reference.unresolved,
        )


def test_flint_engine_agrees_on_float_payoffs_with_irrational_equilibria(sympy_engine):
    found_irrational = False
    for seed in range(6):
        rng = np.random.default_rng([92, seed])
        g = gt.Game.from_arrays(*[rng.uniform(-5, 5, size=(2, 2, 2)) for _ in range(3)])
        fast, reference = nplayer.support_enumeration(g), sympy_engine(g)
        assert fast.equilibria == reference.equilibria and fast.payoffs == reference.payoffs
        found_irrational |= any(
            not sympy.sympify(p).is_Rational for eq in fast.equilibria for s in eq for p in s
        )
    assert found_irrational


def test_jordan_matching_pennies_with_either_engine(sympy_engine):
    half = sympy.Rational(1, 2)
    assert nplayer.support_enumeration(jordan()).equilibria == (((half, half),) * 3,)
    assert sympy_engine(jordan()).equilibria == (((half, half),) * 3,)
