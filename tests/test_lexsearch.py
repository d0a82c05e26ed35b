"""The lexicographic vertex search against brute force over every basis, on all exact paths."""

import itertools
from fractions import Fraction as F

import numpy as np
import pytest
import sympy

from gametheory.lexsearch import Search, _primes, hadamard_bound, search

SMALL_PRIMES = list(sympy.primerange(101, 400))
TINY_PRIMES = list(sympy.primerange(7, 200))


def brute_force_vertices(M):
    """Every feasible basic solution of {z >= 0 : M z <= 1}, by exact elimination."""
    k, d = len(M), len(M[0])
    A = sympy.Matrix(M).row_join(sympy.eye(k))
    out = set()
    for basis in itertools.combinations(range(d + k), k):
        sub = A[:, list(basis)]
        if sub.det() == 0:
            continue
        x = sub.LUsolve(sympy.ones(k, 1))
        if any(v < 0 for v in x):
            continue
        z = [F(0)] * d
        for c, v in zip(basis, x, strict=True):
            if c < d:
                z[c] = F(int(v.p), int(v.q))
        out.add(tuple(z))
    return out


def found_vertices(M, **kwargs):
    result = search(M, **kwargs)
    assert result.complete
    return {tuple(F(v, den) for v in nums) for nums, den in result.vertices.values()}


def random_matrices(seed, count, top=4):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        k, d = (int(v) for v in rng.integers(1, top + 1, 2))
        high = int(rng.choice([2, 3, 10, 10**6]))
        yield rng.integers(1, high + 1, (k, d)).tolist()


@pytest.mark.parametrize(
    "options",
    [
        {},  # plain int64 dictionaries
        {"direct_bound": 0, "primes": SMALL_PRIMES},  # residues only, several primes
        {"direct_bound": 0, "primes": TINY_PRIMES},  # D often divisible: Python integers
        {"direct_bound": 12, "primes": TINY_PRIMES},  # int64 -> residues on the way
    ],
    ids=["int64", "residues", "fallback", "mixed"],
)
def test_vertices_equal_brute_force(options):
    for M in random_matrices(hash(str(options)) % 1000, 40):
        assert found_vertices(M, **options) == brute_force_vertices(M), M


@pytest.mark.parametrize("options", [{}, {"direct_bound": 0, "primes": SMALL_PRIMES}])
def test_degenerate_polytopes(options):
    # many ties: rows of ones and twos, repeated rows, a cube-like polytope
    cases = [
        [[1, 1, 1], [1, 1, 1], [2, 1, 1]],
        [[1, 2, 1, 2], [2, 1, 2, 1], [1, 1, 1, 1], [2, 2, 1, 1]],
        [[1, 1, 1], [1, 1, 2], [2, 2, 2], [1, 2, 1]],
        [[2, 1], [1, 2], [1, 1], [3, 3]],
    ]
    rng = np.random.default_rng(3)
    cases += [rng.integers(1, 3, (5, 5)).tolist() for _ in range(6)]
    for M in cases:
        assert found_vertices(M, **options) == brute_force_vertices(M), M


def test_huge_entries_are_exact():
    M = [[10**30 + 1, 1, 7], [3, 10**30, 5], [2, 9, 10**29]]
    assert found_vertices(M) == brute_force_vertices(M)


def test_primes_are_the_largest_below_two_to_the_thirty():
    primes = _primes(12)
    assert all(sympy.isprime(p) for p in primes)
    assert list(primes) == sorted(primes, reverse=True)
    assert primes[0] == sympy.prevprime(2**30)
    for a, b in itertools.pairwise(primes):
        assert sympy.prevprime(a) == b


def test_hadamard_bound_covers_every_minor():
    rng = np.random.default_rng(5)
    for _ in range(30):
        k, d = (int(v) for v in rng.integers(1, 5, 2))
        M = rng.integers(1, 50, (k, d)).tolist()
        bound = hadamard_bound(M)
        full = sympy.Matrix([[1, *row] for row in M])
        for size in range(1, min(k, d + 1) + 1):
            for rows in itertools.combinations(range(k), size):
                for cols in itertools.combinations(range(d + 1), size):
                    assert abs(full.extract(list(rows), list(cols)).det()) <= bound


def test_a_capped_search_is_marked_incomplete():
    M = np.random.default_rng(1).integers(1, 100, (8, 8)).tolist()
    full = search(M)
    capped = search(M, max_bases=50)
    assert full.complete and not capped.complete and capped.stopped == "max_bases"
    # what the capped search found is part of the whole
    assert set(capped.vertices) <= set(full.vertices)
    for key, point in capped.vertices.items():
        assert full.vertices[key] == point


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="positive integers"):
        Search([[1, 0], [1, 1]])
    with pytest.raises(ValueError, match="direct_bound"):
        Search([[1]], direct_bound=2**40)


def test_floats_that_underflow_are_not_trusted():
    # Hadamard's bound beyond 2**1000: the floats are scaled and a nonzero entry may become
    # 0.0; such a float must not decide a ratio test (found in review: infeasible vertices)
    X = 2**1040
    for M in (
        [[X, X], [2 * X - 1, 1]],
        [[X, X, 3 * X - 2, X], [3 * X - 2, 2 * X - 1, 3 * X - 2, 1]],
    ):
        assert found_vertices(M) == brute_force_vertices(M)


def test_games_with_tiny_float_payoffs_are_solved():
    import warnings

    import gametheory as gt

    A = [[1.0, 3.0], [1e-300, 2.0], [1.0, 0.0], [1e-300, 2.0]]
    B = [[1.0, 3.0], [1.0, 2.0], [3.0, 3.0], [1.0, 1e-300]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = gt.equilibria(gt.Game(A, B))
    assert len(found) == 2 and found.complete
