"""Exact N-player support enumeration: best-response certificates of every equilibrium, the
equilibria pygambit's enumpoly finds (and those it misses), textbook games, continua, and
agreement with the exact two-player solver."""

import itertools
import json
import time
from fractions import Fraction as F
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from oracle_games import nplayer_arrays, nplayer_key

import gametheory as gt
from gametheory.equilibria import SolverTimeout
from gametheory.nplayer import (
    NPlayerResult,
    _groebner,
    _solve_zero_dimensional,
    as_float,
    support_enumeration,
)

DIGITS = 50
TOL = sympy.Float(10) ** -40


try:
    import pygambit
except ImportError:  # Gambit's answers are committed fixtures; live checks need pygambit
    pygambit = None

ENUMPOLY_ANSWERS = json.loads(
    (Path(__file__).parent / "fixtures" / "gambit_enumpoly.json").read_text()
)["games"]


def random_game(seed, shape, low=-5, high=6):
    arrays = nplayer_arrays(seed, shape, low, high)
    return gt.Game.from_arrays(*arrays), arrays


def is_rational(eq):
    return all(sympy.sympify(p).is_Rational for s in eq for p in s)


def exact_check(game, eq):
    """Rational profiles: gametheory.is_equilibrium in Fractions; algebraic ones: 50 digits."""
    if is_rational(eq):
        return gt.is_equilibrium(game, [[F(int(p.p), int(p.q)) for p in s] for s in eq])
    return high_precision_check(game, eq)


def high_precision_check(game, eq):
    """Best-response check at 50 significant digits (margin 1e-40 on payoffs of size <= 10)."""
    x = [[sympy.N(p, DIGITS) for p in s] for s in eq]
    arrays = game.as_fractions()
    for i, u in enumerate(arrays):
        if any(p < -TOL for p in x[i]) or abs(sum(x[i]) - 1) > TOL:
            return False
        values = []
        for a in range(game.shape[i]):
            total = 0
            for profile in itertools.product(*[range(n) for n in game.shape]):
                if profile[i] != a:
                    continue
                weight = 1
                for j in range(game.n_players):
                    if j != i:
                        weight *= x[j][profile[j]]
                v = u[profile]
                total += sympy.Rational(v.numerator, v.denominator) * weight
            values.append(total)
        best = max(values)
        if any(p > TOL and values[a] < best - TOL for a, p in enumerate(x[i])):
            return False
    return True


def vectors(result):
    return [np.concatenate(v) for v in result.as_float()]


def enumpoly(game):
    """pygambit enumpoly's equilibria as flat float vectors, or None if it did not finish in 1 s:
    live when pygambit is installed, else the committed answer (make_gambit_oracles.py)."""
    if pygambit is None:
        k = nplayer_key(list(game.as_float()))
        if k not in ENUMPOLY_ANSWERS:
            raise KeyError(f"no enumpoly answer committed for {k}; run make_gambit_oracles.py")
        answer = ENUMPOLY_ANSWERS[k]
        return None if answer is None else [np.array(v) for v in answer]
    try:
        eqs = gt.equilibria(game, method="gambit.enumpoly", timeout=1.0)
    except SolverTimeout:
        return None
    return [np.concatenate(eq.as_float()) for eq in eqs]


def contains(found, v, tol=1e-9):
    return any(np.max(np.abs(v - w)) <= tol for w in found)


# --------------------------------------------------------------------------------------------
# The game enumpoly gets wrong
# --------------------------------------------------------------------------------------------


def test_seed_63_fully_mixed_equilibrium_missed_by_enumpoly():
    game, _ = random_game(63, (2, 2, 2))
    result = support_enumeration(game)
    assert isinstance(result, NPlayerResult)
    mixed = (
        (sympy.Rational(45, 98), sympy.Rational(53, 98)),
        (sympy.Rational(141, 143), sympy.Rational(2, 143)),
        (sympy.Rational(14, 31), sympy.Rational(17, 31)),
    )
    assert mixed in result.equilibria
    assert gt.is_equilibrium(
        game, [[F(45, 98), F(53, 98)], [F(141, 143), F(2, 143)], [F(14, 31), F(17, 31)]]
    )
    assert len(result.equilibria) == 3 and result.complete and result.continua == ()
    assert all(exact_check(game, eq) for eq in result.equilibria)
    # the payoffs are exact: u_i at the profile
    k = result.equilibria.index(mixed)
    arrays = game.as_fractions()
    x = [[F(45, 98), F(53, 98)], [F(141, 143), F(2, 143)], [F(14, 31), F(17, 31)]]
    expected = tuple(
        sum(a[p] * x[0][p[0]] * x[1][p[1]] * x[2][p[2]] for p in np.ndindex(2, 2, 2))
        for a in arrays
    )
    assert tuple(F(int(v.p), int(v.q)) for v in result.payoffs[k]) == expected
    poly = enumpoly(game)
    if poly is not None:
        assert len(poly) == 2 and not contains(poly, np.concatenate(as_float(mixed)))
        assert all(contains(vectors(result), v) for v in poly)


def test_irrational_equilibrium_is_exact_radical():
    # seed 17: the fully mixed equilibrium involves sqrt(19873)
    game, _ = random_game(17, (2, 2, 2))
    result = support_enumeration(game)
    irrational = [eq for eq in result.equilibria if not is_rational(eq)]
    assert len(irrational) == 1
    (eq,) = irrational
    assert all(
        sympy.sqrt(19873) in sympy.sympify(p).atoms(sympy.Pow) or p.has(sympy.sqrt(19873))
        for s in eq
        for p in s
    )
    assert all(sympy.simplify(sum(s) - 1) == 0 for s in eq)
    assert high_precision_check(game, eq)
    assert eq[0][0] == sympy.Rational(271, 432) - sympy.sqrt(19873) / 432


def isolated_misses(result, poly):
    """Our equilibria outside continua that enumpoly does not list (1e-9 in the inf-norm)."""
    continua = set(result.continua)
    out = []
    for eq, v in zip(result.equilibria, vectors(result), strict=True):
        support = tuple(tuple(a for a, p in enumerate(s) if p != 0) for s in eq)
        if support not in continua and not contains(poly, v):
            out.append(eq)
    return out


def test_contains_every_enumpoly_equilibrium_on_random_games():
    """Random int games: a superset of enumpoly's equilibria; in some games we find isolated
    equilibria enumpoly misses (seed 63 among them)."""
    shapes = [(2, 2, 2)] * 100 + [(2, 2, 3)] * 8 + [(3, 2, 2)] * 8 + [(2, 2, 2, 2)] * 4
    shapes[63] = (2, 2, 2)
    missed_games = []
    compared = 0
    for k, shape in enumerate(shapes):
        game, _ = random_game(k, shape)
        result = support_enumeration(game)
        assert all(exact_check(game, eq) for eq in result.equilibria), (k, shape)
        assert result.complete == (not result.continua)
        # the pure equilibria are all found, exactly
        pure = {eq.pure_profile for eq in gt.pure_equilibria(game)}
        ours = {
            tuple(s.index(1) for s in eq)
            for eq in result.equilibria
            if all(sorted(s)[-1] == 1 for s in eq)
        }
        assert ours == pure
        poly = enumpoly(game)
        if poly is None:  # enumpoly loops on some degenerate games
            continue
        compared += 1
        assert all(contains(vectors(result), v) for v in poly), (k, shape)
        if isolated_misses(result, poly):
            missed_games.append((k, shape))
    assert compared >= 110
    assert (63, (2, 2, 2)) in missed_games
    assert len(missed_games) >= 5


def test_three_by_three_by_three_game():
    # int 3x3x3 seed 5: 7 isolated equilibria (3 irrational), enumpoly lists 6
    game, _ = random_game(5, (3, 3, 3))
    result = support_enumeration(game)
    assert result.complete and len(result.equilibria) == 7
    assert sum(not is_rational(eq) for eq in result.equilibria) == 3
    assert all(exact_check(game, eq) for eq in result.equilibria)
    nine = tuple(sympy.Rational(k, 25) for k in (9, 4, 12))
    assert ((1, 0, 0), nine, tuple(sympy.Rational(k, 43) for k in (4, 20, 19))) in [
        tuple(tuple(s) for s in eq) for eq in result.equilibria
    ]
    poly = enumpoly(game)
    if poly is not None:
        assert all(contains(vectors(result), v) for v in poly)
        assert len(isolated_misses(result, poly)) == 7 - len(poly) >= 1


def test_four_player_game_with_degree_nine_algebraic_equilibrium():
    # int 2x2x2x2 seed 0: a fully mixed equilibrium whose probabilities have degree 9
    game, _ = random_game(0, (2, 2, 2, 2))
    result = support_enumeration(game)
    assert all(exact_check(game, eq) for eq in result.equilibria)
    algebraic = [eq for eq in result.equilibria if any(p.has(sympy.CRootOf) for s in eq for p in s)]
    assert len(algebraic) == 1
    (eq,) = algebraic
    for s in eq:
        for p in s:  # each probability is a root of its own (irreducible) minimal polynomial
            assert (
                isinstance(p, sympy.CRootOf)
                and sympy.degree(p.expr, p.expr.free_symbols.pop()) == 9
            )
        assert abs(sympy.N(s[0] + s[1] - 1, DIGITS)) < TOL
    poly = enumpoly(game)
    if poly is not None:
        assert all(contains(vectors(result), v) for v in poly)


def test_zero_dimensional_solver_without_shape_position():
    """Internal solver: the last unknown does not separate the solutions, or the ideal is not
    radical; a random linear form and Seidenberg's lemma give the shape form."""
    x, y, z = sympy.symbols("x y z")
    cases = [
        ([x**2 - 1, y**2 - 1], [x, y], {(1, 1), (1, -1), (-1, 1), (-1, -1)}),
        ([x**2, y**2 - 2], [x, y], {(0, sympy.sqrt(2)), (0, -sympy.sqrt(2))}),
        (
            [x**2 - 2, y**2 - 2, z - x * y],
            [x, y, z],
            {
                (r, s, r * s)
                for r in (sympy.sqrt(2), -sympy.sqrt(2))
                for s in (sympy.sqrt(2), -sympy.sqrt(2))
            },
        ),
        ([x**3 - 3 * x + 1, y - x**2], [y, x], None),
    ]
    for equations, gens, expected in cases:
        points = _solve_zero_dimensional(_groebner(equations, gens), gens)
        found = {tuple(sympy.simplify(pt.value(pt.coords[g])) for g in gens) for pt in points}
        if expected is not None:
            assert found == {tuple(sympy.simplify(v) for v in e) for e in expected}
        else:  # three real roots of an irreducible cubic, as CRootOf expressions
            assert len(found) == 3
            for yv, xv in found:
                assert xv.has(sympy.CRootOf)
                assert abs(sympy.N(xv**3 - 3 * xv + 1, 50)) < 1e-45
                assert abs(sympy.N(yv - xv**2, 50)) < 1e-45


# --------------------------------------------------------------------------------------------
# Textbook games
# --------------------------------------------------------------------------------------------


def jordan_game():
    """Jordan (1993): player 1 wants to match player 2, player 2 to match player 3, player 3 to
    mismatch player 1. The unique equilibrium has every player mixing (1/2, 1/2)."""
    idx = np.indices((2, 2, 2))
    a1, a2, a3 = idx
    return gt.Game.from_arrays(
        np.where(a1 == a2, 1, -1), np.where(a2 == a3, 1, -1), np.where(a3 != a1, 1, -1)
    )


def test_jordan_three_player_matching_pennies():
    result = support_enumeration(jordan_game())
    half = (sympy.Rational(1, 2), sympy.Rational(1, 2))
    assert result.equilibria == ((half, half, half),)
    assert result.payoffs == ((0, 0, 0),)
    assert result.complete and not result.timed_out


def test_three_player_matching_pennies_with_unequal_stakes():
    # player 1 wins 2 for a match with player 2; the cycle keeps a unique fully mixed equilibrium
    a1, a2, a3 = np.indices((2, 2, 2))
    game = gt.Game.from_arrays(
        np.where(a1 == a2, 2, -1), np.where(a2 == a3, 1, -1), np.where(a3 != a1, 3, -1)
    )
    result = support_enumeration(game)
    assert len(result.equilibria) == 1 and result.complete
    (eq,) = result.equilibria
    assert exact_check(game, eq)
    # player 1 indifferent: 2 P(a2=0) - P(a2=1) = 2 P(a2=1) - P(a2=0)  =>  P(a2=0) = 1/2
    assert eq[1] == (sympy.Rational(1, 2), sympy.Rational(1, 2))


def test_continuum_when_a_player_is_indifferent_everywhere():
    # players 1 and 2 have strictly dominant first actions; player 3 gets 0 everywhere, so
    # ((0, 0), x3) is an equilibrium for every x3: a continuum
    a1, a2, a3 = np.indices((2, 2, 2))
    game = gt.Game.from_arrays(np.where(a1 == 0, 1, 0), np.where(a2 == 0, 1, 0), 0 * a3)
    result = support_enumeration(game)
    assert not result.complete
    assert result.continua == (((0,), (0,), (0, 1)),)
    assert result.unresolved == ()  # a segment: decided by the exact LP
    one, zero, half = sympy.Integer(1), sympy.Integer(0), sympy.Rational(1, 2)
    # the segment is reported by its two end points, not by an interior sample
    assert set(result.equilibria) == {
        ((one, zero), (one, zero), (one, zero)),
        ((one, zero), (one, zero), (zero, one)),
    }
    assert ((one, zero), (one, zero), (half, half)) not in result.equilibria
    assert result.surviving_actions == ((0,), (0,), (0, 1))


def test_a_continuum_is_reported_by_its_extreme_points():
    # every profile of the all-zero 2x2x2 game is an equilibrium: the cube, with 8 vertices
    zero = np.zeros((2, 2, 2))
    result = support_enumeration(gt.Game.from_arrays(zero, zero, zero))
    assert not result.complete and result.unresolved == ()
    assert len(result.continua) == 19  # the cube's 12 edges, 6 faces and interior
    one, nil = sympy.Integer(1), sympy.Integer(0)
    pure = {(one, nil), (nil, one)}
    assert len(result.equilibria) == 8
    assert all(all(s in pure for s in eq) for eq in result.equilibria)


def test_continuum_of_a_degenerate_game_with_a_zero_player():
    # random payoffs for players 1 and 2, all zeros for player 3
    rng = np.random.default_rng(5)
    arrays = [rng.integers(-5, 6, size=(2, 2, 2)) for _ in range(2)] + [np.zeros((2, 2, 2), int)]
    game = gt.Game.from_arrays(*arrays)
    result = support_enumeration(game)
    assert not result.complete and result.continua
    assert all(exact_check(game, eq) for eq in result.equilibria)
    pure = {eq.pure_profile for eq in gt.pure_equilibria(game)}
    assert pure <= {
        tuple(s.index(1) for s in eq)
        for eq in result.equilibria
        if 1 in eq[0] and 1 in eq[1] and 1 in eq[2]
    }


# --------------------------------------------------------------------------------------------
# Agreement with the exact two-player solver
# --------------------------------------------------------------------------------------------


def as_fractions(eq):
    return tuple(tuple(F(int(p.p), int(p.q)) for p in s) for s in eq)


def test_players_with_one_action_agree_with_vertex_enumeration():
    checked = 0
    for seed in range(40):
        shape = [(1, 3, 3), (3, 1, 3), (3, 3, 1), (1, 1, 4)][seed % 4]
        game, arrays = random_game(seed, shape, -50, 51)
        active = [i for i, n in enumerate(shape) if n > 1]
        if len(active) == 2:
            fixed = tuple(0 if n == 1 else slice(None) for n in shape)
            reduced = gt.Game(arrays[active[0]][fixed], arrays[active[1]][fixed])
            if gt.is_degenerate(reduced):
                continue
        expected = {tuple(eq.strategies) for eq in gt.equilibria(game)}
        result = support_enumeration(game)
        assert result.complete
        assert {as_fractions(eq) for eq in result.equilibria} == expected
        checked += 1
    assert checked >= 25


@pytest.mark.parametrize("n", [2, 3, 4])
def test_two_player_nondegenerate_games_agree_with_vertex_enumeration(n):
    checked = 0
    for seed in range(12):
        game, _ = random_game(100 + seed, (n, n), -50, 51)
        if gt.is_degenerate(game):
            continue
        expected = {tuple(eq.strategies) for eq in gt.equilibria(game)}
        result = support_enumeration(game)
        assert result.complete and result.continua == ()
        assert {as_fractions(eq) for eq in result.equilibria} == expected
        checked += 1
    assert checked >= 8


def test_bimatrix_with_a_continuum_lists_its_extreme_points():
    # degenerate 2x2: column player indifferent; row plays its dominant-when... game
    game = gt.Game([[1, 1], [0, 1]], [[0, 0], [0, 0]])
    result = support_enumeration(game)
    assert not result.complete and result.continua
    # every extreme equilibrium from vertex enumeration is listed
    extreme = {tuple(eq.strategies) for eq in gt.equilibria(game)}
    listed = {as_fractions(eq) for eq in result.equilibria}
    assert extreme <= listed
    assert all(exact_check(game, eq) for eq in result.equilibria)


# --------------------------------------------------------------------------------------------
# Dominance, limits, float and bad input
# --------------------------------------------------------------------------------------------


def test_strictly_dominated_actions_are_removed_first():
    # player 1's third action is strictly dominated; equilibria put probability 0 on it
    game, arrays = random_game(63, (2, 2, 2))
    worse = arrays[0].min() - 1
    extended = [
        np.concatenate([a, np.full((1, 2, 2), worse if i == 0 else 0)], axis=0)
        for i, a in enumerate(arrays)
    ]
    big = gt.Game.from_arrays(*extended)
    result = support_enumeration(big)
    assert result.surviving_actions == ((0, 1), (0, 1), (0, 1))
    small = support_enumeration(game)
    assert result.equilibria == tuple(((*e[0], 0), e[1], e[2]) for e in small.equilibria)


def test_float_game_is_solved_on_exact_binary_values():
    game, arrays = random_game(63, (2, 2, 2))
    floats = gt.Game.from_arrays(*[a.astype(float) for a in arrays])
    assert floats.kind == "float"
    assert support_enumeration(floats).equilibria == support_enumeration(game).equilibria
    # a payoff of 0.1 is taken as the double nearest 0.1, exactly
    a1, a2, a3 = np.indices((2, 2, 2))
    jordan = [
        np.where(a1 == a2, 1.1, -1.0),
        np.where(a2 == a3, 1.0, -1.0),
        np.where(a3 != a1, 1.0, -1.0),
    ]
    g = gt.Game.from_arrays(*jordan)
    (eq,) = support_enumeration(g).equilibria
    assert gt.is_equilibrium(gt.Game.from_arrays(*g.as_fractions()), as_fractions(eq))


def test_rational_payoffs_are_reported_in_original_units():
    # dividing every payoff by 7 (and player 2's by 3 more) keeps the equilibria; the payoffs
    # are reported in the game's own units
    game, arrays = random_game(63, (2, 2, 2))
    scaled = gt.Game.from_arrays(
        *[
            np.vectorize(lambda v, k=k: F(int(v), 7 * k), otypes=[object])(a)
            for k, a in zip((1, 3, 1), arrays, strict=True)
        ]
    )
    base, result = support_enumeration(game), support_enumeration(scaled)
    assert result.equilibria == base.equilibria
    for p, q in zip(base.payoffs, result.payoffs, strict=True):
        assert q == (p[0] / 7, p[1] / 21, p[2] / 7)


def test_float_game_where_enumpoly_misses_an_equilibrium():
    # U[0, 1) payoffs, seed 1: three equilibria, enumpoly lists two
    rng = np.random.default_rng(1)
    game = gt.Game.from_arrays(*[rng.random(size=(2, 2, 2)) for _ in range(3)])
    result = support_enumeration(game)
    assert result.complete and len(result.equilibria) == 3
    assert all(high_precision_check(game, eq) for eq in result.equilibria)
    poly = enumpoly(game)
    if poly is not None:
        assert len(poly) == 2 and all(contains(vectors(result), v, 1e-7) for v in poly)


def test_limits_stop_the_search():
    game, _ = random_game(63, (2, 2, 2))
    result = support_enumeration(game, max_supports=1)
    assert result.supports_tried == 1 and result.timed_out and not result.complete
    result = support_enumeration(game, timeout=1e-9)
    assert result.timed_out and not result.complete
    full = support_enumeration(game, timeout=60)
    assert full.complete and full.supports_tried == 27


def test_isolated_search_has_a_hard_time_limit():
    game, _ = random_game(63, (2, 2, 2))
    assert support_enumeration(game, timeout=30, isolate=True) == support_enumeration(game)
    # a 5-player game: one Groebner basis of the full support takes many minutes in-process;
    # isolated, the search stops at the deadline and keeps what it found (the pure equilibria
    # come first, the profiles being visited by increasing size)
    rng = np.random.default_rng(0)
    big = gt.Game.from_arrays(*[rng.integers(0, 10, size=(2,) * 5) for _ in range(5)])
    start = time.monotonic()
    result = support_enumeration(big, timeout=2, isolate=True)
    assert time.monotonic() - start < 10
    assert result.timed_out and not result.complete
    pure = {eq.pure_profile for eq in gt.pure_equilibria(big)}
    listed = [eq for eq in result.equilibria if all(1 in s for s in eq)]
    assert {tuple(s.index(1) for s in eq) for eq in listed} == pure
    assert all(exact_check(big, eq) for eq in result.equilibria)


def test_bad_input():
    t = gt.parameters("t")[0]
    with pytest.raises(ValueError, match="parameters"):
        support_enumeration(gt.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]]))
    with pytest.raises(ValueError, match="rational or float"):
        support_enumeration(gt.Game([[sympy.sqrt(2), 0], [0, 1]], [[1, 0], [0, 1]]))
    with pytest.raises(TypeError, match=r"gametheory\.Game"):
        support_enumeration([[1, 0], [0, 1]])
    game, _ = random_game(0, (2, 2, 2))
    with pytest.raises(ValueError, match="timeout"):
        support_enumeration(game, timeout=0)
    with pytest.raises(TypeError, match="max_supports"):
        support_enumeration(game, max_supports=1.5)
    with pytest.raises(ValueError, match="needs a timeout"):
        support_enumeration(game, isolate=True)


def test_as_float():
    (eq,) = support_enumeration(jordan_game()).equilibria
    assert all(np.array_equal(v, [0.5, 0.5]) for v in as_float(eq))
    game, _ = random_game(17, (2, 2, 2))
    for eq, v in zip(
        support_enumeration(game).equilibria, support_enumeration(game).as_float(), strict=True
    ):
        assert all(abs(sum(s) - 1) < 1e-12 for s in v)
        assert np.allclose(np.concatenate(v), [float(sympy.N(p)) for s in eq for p in s])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-3, 3), min_size=24, max_size=24))
def test_property_every_equilibrium_is_exact_and_pure_ones_all_found(values):
    arrays = [np.array(values[8 * i : 8 * i + 8]).reshape(2, 2, 2) for i in range(3)]
    game = gt.Game.from_arrays(*arrays)
    result = support_enumeration(game)
    assert all(exact_check(game, eq) for eq in result.equilibria)
    pure = {eq.pure_profile for eq in gt.pure_equilibria(game)}
    assert pure <= {tuple(s.index(1) if 1 in s else -1 for s in eq) for eq in result.equilibria}
    assert result.complete == (not result.continua and not result.timed_out)
