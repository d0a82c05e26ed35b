"""Internals of the exact vertex enumeration, each against an independent exact computation."""

from fractions import Fraction as F

import numpy as np
import sympy

from gametheory.vertex import (
    _solve_cramer,
    _solve_exact,
    _solve_fractions,
    extreme_equilibria,
    integer_payoffs,
    polytope_vertices,
)


def test_exact_solvers_agree_with_sympy():
    rng = np.random.default_rng(0)
    for _ in range(400):
        n = int(rng.integers(1, 6))
        m = rng.integers(-4, 5, (n, n))
        if n > 1 and rng.random() < 0.3:
            m[-1] = m[0]  # singular
        matrix = m.tolist()
        sym = sympy.Matrix(matrix)
        solved = _solve_exact(matrix)
        if sym.det() == 0:
            assert solved is None and _solve_fractions(matrix) is None
            if n <= 3:
                assert _solve_cramer(matrix) is None
            continue
        nums, det = solved
        expected = sym.LUsolve(sympy.ones(n, 1))
        assert det > 0
        assert [F(v, det) for v in nums] == [F(str(e)) for e in expected]


def test_integer_payoffs_are_a_positive_affine_map():
    A = np.array([[F(1, 2), F(-1, 3)], [F(0), F(5, 6)]], dtype=object)
    ints = integer_payoffs(A)
    assert min(min(r) for r in ints) == 1
    # ints = 6 * (A - min A) + 1
    assert ints == [
        [6 * (F(1, 2) + F(1, 3)) + 1, 1],
        [6 * F(1, 3) + 1, 6 * (F(5, 6) + F(1, 3)) + 1],
    ]


def test_polytope_vertices_of_a_square():
    # {z >= 0 : z_0 <= 1, z_1 <= 1} scaled: rows [[2, 0], ...] are not positive; use
    # {z >= 0 : 2 z_0 + z_1 <= 1, z_0 + 2 z_1 <= 1}: vertices (1/2,0), (0,1/2), (1/3,1/3)
    vertices = polytope_vertices([[2, 1], [1, 2]], [10, 11], [0, 1])
    coords = {tuple(F(v, x.denominator) for v in x.numerators) for x in vertices}
    assert coords == {(F(1, 2), 0), (0, F(1, 2)), (F(1, 3), F(1, 3))}
    labels = {tuple(F(v, x.denominator) for v in x.numerators): x.labels for x in vertices}
    assert labels[(F(1, 3), F(1, 3))] == (1 << 10) | (1 << 11)
    assert labels[(F(1, 2), 0)] == (1 << 10) | (1 << 1)


def test_degeneracy_flag_on_textbook_games():
    to_f = np.vectorize(F, otypes=[object])
    pd = (to_f(np.array([[3, 0], [5, 1]])), to_f(np.array([[3, 5], [0, 1]])))
    assert extreme_equilibria(*pd)[1] is False
    tie = (to_f(np.array([[1, 1], [0, 0]])), to_f(np.array([[1, 1], [0, 0]])))
    assert extreme_equilibria(*tie)[1] is True


def test_pairs_are_sorted_exactly_even_where_floats_tie():
    from gametheory.vertex import _sorted_pairs

    big = 10**20
    weights = {
        ((1, 2), (1,)),
        ((2, 1), (1,)),
        ((1, 1), (1,)),
        ((big, big + 1), (1,)),  # 1/2 - tiny and 1/2 + tiny: equal as floats
        ((big + 1, big), (1,)),
    }
    out = _sorted_pairs(weights)
    assert out == sorted(out, reverse=True)
    assert out[0][0] == (F(2, 3), F(1, 3)) and out[-1][0] == (F(1, 3), F(2, 3))
    assert out[1][0] == (F(big + 1, 2 * big + 1), F(big, 2 * big + 1))
