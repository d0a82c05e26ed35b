"""Exact Lemke-Howson against the exact enumeration, on random, {0,1} and degenerate games."""

import warnings
from fractions import Fraction as F

import numpy as np
import pytest

import gametheory as gt
from gametheory.complementary_pivoting import _exact_path, lemke_howson, lemke_howson_all
from gametheory.vertex import enumerate_equilibria
from gametheory.vertex import integer_payoffs as _positive_integers


def fractions(array):
    return np.array(array, dtype=object) + F(0)


def random_games(seed, count):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        m, n = (int(v) for v in rng.integers(1, 7, 2))
        high = int(rng.choice([2, 3, 100]))
        yield fractions(rng.integers(0, high, (m, n))), fractions(rng.integers(0, high, (m, n)))


def test_every_path_ends_at_an_extreme_equilibrium():
    for A, B in random_games(0, 150):
        extreme = set(enumerate_equilibria(A, B).pairs)
        m, n = A.shape
        a_int = _positive_integers(A)
        bt_int = [list(c) for c in zip(*_positive_integers(B), strict=True)]
        for label in range(m + n):
            pair = lemke_howson(A, B, label)
            assert pair in extreme
            # the exact integer path reaches an extreme equilibrium too
            assert _exact_path(a_int, bt_int, label, None) in extreme


def test_degenerate_games_do_not_cycle():
    # every payoff equal, a column of ties, and the classic degenerate 3 x 2 (von Stengel 2002)
    games = [
        (np.ones((3, 3)), np.ones((3, 3))),
        ([[1, 1], [0, 0]], [[1, 1], [0, 0]]),
        ([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]]),
    ]
    for A, B in games:
        A, B = fractions(A), fractions(B)
        extreme = set(enumerate_equilibria(A, B).pairs)
        found, finished = lemke_howson_all(A, B)
        assert finished and found and set(found) <= extreme


def test_known_equilibria():
    # matching pennies: the unique mixed equilibrium from every label
    half = (F(1, 2), F(1, 2))
    pennies = gt.Game([[1, -1], [-1, 1]])
    for label in range(4):
        assert gt.lemke_howson(pennies, label).strategies == (half, half)
    # battle of the sexes: label 0 ends at a pure equilibrium
    bos = gt.Game([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    assert gt.lemke_howson(bos, 0).is_pure


def test_large_games_are_answered_and_verified():
    rng = np.random.default_rng(4)
    game = gt.Game(rng.integers(0, 100, (40, 40)), rng.integers(0, 100, (40, 40)))
    eq = gt.lemke_howson(game, 3)
    assert gt.is_equilibrium(game, eq.strategies)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = gt.equilibria(game)  # too large to enumerate: auto answers by Lemke-Howson
    assert found.method == "lemke_howson" and not found.complete and len(found) >= 1
    assert any(issubclass(w.category, gt.IncompleteWarning) for w in caught)
    assert all(gt.is_equilibrium(game, e.strategies) for e in found)


def test_method_lemke_howson_matches_enumeration_subset():
    rng = np.random.default_rng(9)
    game = gt.Game(rng.integers(0, 5, (5, 4)), rng.integers(0, 5, (5, 4)))
    every = {e.strategies for e in gt.equilibria(game)}
    with pytest.warns(gt.IncompleteWarning):
        some = gt.equilibria(game, method="lemke_howson")
    assert some and {e.strategies for e in some} <= every


def test_bad_input():
    game = gt.Game([[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="label"):
        gt.lemke_howson(game, 4)
    with pytest.raises(TypeError, match="label"):
        gt.lemke_howson(game, 1.5)
    with pytest.raises(ValueError, match="timeout"):
        gt.lemke_howson(game, 0, timeout=0)
    with pytest.raises(ValueError, match="two-player"):
        gt.lemke_howson(
            gt.Game.from_arrays(np.ones((2, 2, 2)), np.ones((2, 2, 2)), np.ones((2, 2, 2)))
        )


def test_payoffs_beyond_the_float_range():
    # the float path cannot propose here (found in review: OverflowError); the exact path runs
    big = 2**1100
    game = gt.Game([[big, 0], [0, 1]], [[1, 0], [0, big]])
    assert all(gt.lemke_howson(game, label).is_pure for label in range(4))
    tiny = gt.Game(
        [[1.0, 3.0], [1e-300, 2.0], [1.0, 0.0], [1e-300, 2.0]],
        [[1.0, 3.0], [1.0, 2.0], [3.0, 3.0], [1.0, 1e-300]],
    )
    every = {e.strategies for e in gt.equilibria(tiny)}
    assert all(gt.lemke_howson(tiny, label).strategies in every for label in range(6))
