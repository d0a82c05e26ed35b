"""Equilibria: textbook answers, oracle agreement with Gambit, properties, bad input."""

import json
import warnings
from fractions import Fraction as F
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracle_games import ORACLE_SETS, key

import gametheory as gt
from gametheory.equilibria import NashpyFailure

try:
    import pygambit
except ImportError:  # the oracle answers are committed fixtures; live checks need pygambit
    pygambit = None

needs_pygambit = pytest.mark.skipif(pygambit is None, reason="pygambit is not installed")

FIXTURE = Path(__file__).parent / "fixtures" / "gambit_enummixed.json"
GAMBIT_ANSWERS = {
    k: {tuple(tuple(F(p) for p in s) for s in eq) for eq in eqs}
    for games in json.loads(FIXTURE.read_text())["games"].values()
    for k, eqs in games.items()
}


def as_set(eqs):
    return {tuple(tuple(F(p) for p in s) for s in eq.strategies) for eq in eqs}


def live_gambit(arrays):
    """All extreme equilibria from pygambit enummixed_solve(rational=True), as a set."""
    ggame = pygambit.Game.from_arrays(*[np.asarray(a, dtype=int) for a in arrays])
    result = pygambit.nash.enummixed_solve(ggame, rational=True)
    players = list(ggame.players)
    return {
        tuple(tuple(F(str(eq[p][s])) for s in p.strategies) for p in players)
        for eq in result.equilibria
    }


def gambit_reference(arrays):
    """Gambit's exact answer: the committed fixture (tests/fixtures/make_gambit_oracles.py)."""
    k = key(*arrays)
    if k not in GAMBIT_ANSWERS:
        raise KeyError(f"no Gambit answer committed for {k}; run make_gambit_oracles.py")
    return GAMBIT_ANSWERS[k]


# ---- textbook games with exact answers -------------------------------------------------------


def test_prisoners_dilemma_unique_strict_equilibrium():
    g = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    eqs = gt.equilibria(g)
    assert len(eqs) == 1
    (eq,) = eqs
    assert eq.pure_profile == (1, 1) and eq.is_strict and eq.payoffs == (1, 1)
    assert eqs.exact and eqs.degenerate is False and eqs.complete
    assert "D" in repr(eq)


def test_matching_pennies():
    eqs = gt.equilibria(gt.Game([[1, -1], [-1, 1]]))
    assert as_set(eqs) == {((F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))}
    assert eqs[0].payoffs == (0, 0) and not eqs[0].is_pure and eqs[0].support == ((0, 1), (0, 1))


def test_stag_hunt_models_k_a():
    # MODELS.md §4.4 K-a: B_s = 6, t_c = 2: (C,C), (N,N) and mixed Pr(C) = t_c/B_s = 1/3
    A = [[4, -2], [0, 0]]
    eqs = gt.equilibria(gt.Game(A, np.array(A).T))
    assert as_set(eqs) == {
        ((1, 0), (1, 0)),
        ((0, 1), (0, 1)),
        ((F(1, 3), F(2, 3)), (F(1, 3), F(2, 3))),
    }
    mixed = next(e for e in eqs if not e.is_pure)
    assert mixed.payoffs == (0, 0)


def test_battle_of_the_sexes_mixed_payoff():
    # MODELS.md §3.2 division risk: each plays its own site with prob a/(a+b), payoff ab/(a+b)
    a, b = 3, 1
    g = gt.Game([[a, 0], [0, b]], [[b, 0], [0, a]])
    eqs = gt.equilibria(g)
    mixed = next(e for e in eqs if not e.is_pure)
    assert mixed.strategies == ((F(a, a + b), F(b, a + b)), (F(b, a + b), F(a, a + b)))
    assert mixed.payoffs == (F(a * b, a + b), F(a * b, a + b))
    assert sum(e.is_pure for e in eqs) == 2


def test_rock_paper_scissors():
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    eqs = gt.equilibria(gt.Game(A))
    third = (F(1, 3),) * 3
    assert as_set(eqs) == {(third, third)}


def test_degenerate_game_with_a_continuum():
    # Row 0 is a best reply to everything; column player indifferent when row plays 0.
    g = gt.Game([[1, 1], [0, 0]], [[1, 1], [0, 0]])
    eqs = gt.equilibria(g)
    assert eqs.degenerate is True and gt.is_degenerate(g)
    assert as_set(eqs) == {((1, 0), (1, 0)), ((1, 0), (0, 1))}
    assert not any(e.is_strict for e in eqs)


def test_all_zero_game_every_pure_profile_is_extreme():
    # nashpy vertex_enumeration raises on the all-zero 3x3 game (PEERS.md finding 3)
    g = gt.Game(np.zeros((3, 3), dtype=int), np.zeros((3, 3), dtype=int))
    eqs = gt.equilibria(g)
    assert len(eqs) == 9 and all(e.is_pure for e in eqs)
    assert eqs.degenerate


def test_weak_coordination_game_includes_weak_equilibrium():
    # PEERS.md: nashpy vertex enumeration misses the weak (2, 2) equilibrium
    A = [[1, 0, 0], [0, 1, 0], [0, 0, 0]]
    eqs = gt.equilibria(gt.Game(A, A))
    assert ((0, 0, 1), (0, 0, 1)) in as_set(eqs)
    assert as_set(eqs) == gambit_reference([A, A])


def test_near_tie_float_game_is_decided_exactly():
    # PEERS.md finding 5: a 1e-12 payoff gap; the exact equilibrium must not be lost
    eps = 1e-12
    A = np.array([[1.0, 0.0], [1.0 - eps, 0.0]])
    B = np.array([[1.0, 1.0 - eps], [0.0, 0.0]])
    eqs = gt.equilibria(gt.Game(A, B))
    exact = gt.equilibria(gt.Game(*gt.Game(A, B).as_fractions()))
    assert len(eqs) == len(exact) >= 1
    assert all(not e.exact for e in eqs) and not eqs.exact and eqs.decided_exactly
    for e in eqs:
        assert isinstance(e.strategies[0][0], float)
        assert gt.is_equilibrium(gt.Game(A, B), e.strategies)


def test_float_game_matches_exact_game():
    rng = np.random.default_rng(3)
    for _ in range(20):
        A = rng.integers(0, 5, (3, 4)) / 4
        B = rng.integers(0, 5, (3, 4)) / 8
        floats = gt.equilibria(gt.Game(A, B))
        exact = gt.equilibria(gt.Game(*[np.vectorize(F, otypes=[object])(M) for M in (A, B)]))
        as_floats = {tuple(tuple(float(p) for p in s) for s in e.strategies) for e in exact}
        assert {tuple(tuple(s) for s in e.strategies) for e in floats} == as_floats


def test_irrational_payoffs_need_an_explicit_float_game():
    # solving the float values silently could be wrong: sqrt(2) < 1.4142135623730951
    g = gt.Game([[sympy.sqrt(2), 0], [F(14142135623730951, 10**16), 0]], [[0, 0], [0, 0]])
    with pytest.raises(ValueError, match="evalf"):
        gt.equilibria(g)
    with pytest.raises(ValueError, match="irrational"):
        gt.is_equilibrium(g, [0, 0])
    h = gt.Game([[sympy.sqrt(2), 0], [0, 1]], [[1, 0], [0, sympy.sqrt(2)]]).evalf()
    mixed = next(e for e in gt.equilibria(h) if not e.is_pure)
    assert mixed.strategies[0][0] == pytest.approx(np.sqrt(2) / (1 + np.sqrt(2)))


def test_extreme_scales_are_exact():
    # tiny, subnormal and huge payoffs: the exact integers exceed the float range
    eqs = gt.equilibria(gt.Game([[5e-324, 1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]))
    assert [e.strategies for e in eqs] == [((0.5, 0.5), (0.5, 0.5))]
    big = 10**309
    eqs = gt.equilibria(gt.Game([[big, 0], [0, 1]], [[1, 0], [0, 1]]))
    assert as_set(eqs) == {
        ((1, 0), (1, 0)),
        ((0, 1), (0, 1)),
        ((F(1, 2), F(1, 2)), (F(1, big + 1), F(big, big + 1))),
    }
    with pytest.raises(ValueError, match="too large"):
        gt.Game([[big, 0], [0, 1]], [[1, 0], [0, 1]]).as_float()


def test_labels_and_iteration():
    g = gt.Game([[4, -2], [0, 0]], [[4, 0], [-2, 0]], actions=[["C", "N"], ["C", "N"]])
    eqs = gt.equilibria(g)
    x, _ = next(e for e in eqs if not e.is_pure)
    assert x == (F(1, 3), F(2, 3))
    assert "1/3 C + 2/3 N" in repr(next(e for e in eqs if not e.is_pure))
    assert "<table>" in eqs._repr_html_()


# ---- oracle: equality of equilibrium sets with Gambit on >= 300 games -----------------------


ORACLE_GAMES = ORACLE_SETS["random_2026_320"]
LARGER_GAMES = ORACLE_SETS["larger_7_36"]


@pytest.mark.parametrize("chunk", range(8))
def test_equal_to_gambit_enummixed_rational(chunk):
    degenerate_seen = 0
    for A, B in ORACLE_GAMES[chunk::8]:
        game = gt.Game(A, B)
        eqs = gt.equilibria(game)
        assert as_set(eqs) == gambit_reference([A, B]), (A.tolist(), B.tolist())
        for eq in eqs:
            assert gt.is_equilibrium(game, eq.strategies)
        degenerate_seen += eqs.degenerate
    assert degenerate_seen >= 5  # the sample really contains degenerate games


@pytest.mark.parametrize("chunk", range(2))
def test_equal_to_gambit_on_larger_games(chunk):
    # sizes 6..9: random -10..10, {0, 1} and duplicated rows/columns (fixture answers)
    for A, B in LARGER_GAMES[chunk::2]:
        game = gt.Game(A, B)
        eqs = gt.equilibria(game)
        assert as_set(eqs) == gambit_reference([A, B]), (A.tolist(), B.tolist())


@needs_pygambit
def test_committed_oracle_answers_agree_with_live_gambit():
    for A, B in [*ORACLE_GAMES[::16], *LARGER_GAMES[:6]]:
        assert live_gambit([A, B]) == gambit_reference([A, B]), (A.tolist(), B.tolist())


@needs_pygambit
def test_gambit_method_agrees():
    for A, B in ORACLE_GAMES[:20]:
        g = gt.Game(A, B)
        assert as_set(gt.equilibria(g, "gambit.enummixed")) == as_set(gt.equilibria(g))


def test_nashpy_methods_are_verified_subsets():
    # nashpy may miss equilibria of degenerate games, but whatever it returns must be valid
    for A, B in ORACLE_GAMES[:30]:
        g = gt.Game(A, B)
        ours = as_set(gt.equilibria(g))
        for method in ("nashpy.support_enumeration", "nashpy.vertex_enumeration"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    found = gt.equilibria(g, method)
                except NashpyFailure as exc:  # clear error instead of nashpy's TypeError
                    assert "vertex_enumeration" in str(exc)
                    continue
            for e in found:
                assert gt.is_equilibrium(g, e.as_float(), tol=1e-7)
                # each verified nashpy profile is close to a convex combination; at least its
                # support must be the support of some equilibrium we report or of a face of one
                assert all(abs(sum(s) - 1) < 1e-9 for s in e.strategies)
        assert ours  # non-empty reference


# ---- N-player pure equilibria --------------------------------------------------------------


def brute_force_pure(arrays):
    out = set()
    shape = arrays[0].shape
    for prof in np.ndindex(shape):
        ok = True
        for i, u in enumerate(arrays):
            for a in range(shape[i]):
                dev = list(prof)
                dev[i] = a
                if u[tuple(dev)] > u[prof]:
                    ok = False
        if ok:
            out.add(prof)
    return out


@pytest.mark.parametrize("shape", [(2, 2, 2), (3, 2, 3), (2, 2, 2, 2, 2), (3, 3, 3)])
def test_pure_equilibria_match_brute_force(shape):
    rng = np.random.default_rng(len(shape) * 10 + shape[0])
    for _ in range(15):
        arrays = rng.integers(0, 3, (len(shape), *shape))
        g = gt.Game.from_arrays(*arrays)
        eqs = gt.equilibria(g, "pure")
        assert {e.pure_profile for e in eqs} == brute_force_pure(arrays)
        for e in eqs:
            assert gt.is_equilibrium(g, e.strategies)
            strict = all(
                sum(
                    arrays[i][(*e.pure_profile[:i], a, *e.pure_profile[i + 1 :])]
                    >= arrays[i][e.pure_profile]
                    for a in range(shape[i])
                )
                == 1
                for i in range(len(shape))
            )
            assert e.is_strict == strict


def test_n_player_auto_is_exact_support_enumeration_and_contains_enumpoly():
    rng = np.random.default_rng(5)
    arrays = rng.integers(0, 4, (3, 2, 2, 2))
    g = gt.Game.from_arrays(*arrays)
    eqs = gt.equilibria(g)
    assert eqs.method == "support_enumeration" and eqs.decided_exactly
    assert {e.pure_profile for e in eqs if e.is_pure} == brute_force_pure(arrays)
    for e in eqs:
        if e.exact:
            assert gt.is_equilibrium(g, e.strategies)
        else:
            assert gt.is_equilibrium(g, e.as_float(), tol=1e-9)
    if pygambit is None:
        return
    gambit = gt.equilibria(g, "gambit.enumpoly")
    for e in gambit:  # every equilibrium enumpoly lists is found (enumpoly may miss some)
        assert any(
            all(
                np.allclose(np.array(a, float), np.array(b, float), atol=1e-7)
                for a, b in zip(e.strategies, f.strategies, strict=True)
            )
            for f in eqs
        )


def test_n_player_auto_finds_the_equilibrium_enumpoly_misses():
    rng = np.random.default_rng(63)
    g = gt.Game.from_arrays(*[rng.integers(-5, 6, size=(2, 2, 2)) for _ in range(3)])
    eqs = gt.equilibria(g)
    assert eqs.complete and eqs.exact and len(eqs) == 3
    mixed = [e for e in eqs if not e.is_pure]
    assert mixed[0].strategies == (
        (F(45, 98), F(53, 98)),
        (F(141, 143), F(2, 143)),
        (F(14, 31), F(17, 31)),
    )
    if pygambit is not None:
        assert len(gt.equilibria(g, "gambit.enumpoly")) == 2  # enumpoly misses the mixed one


def test_players_with_one_action_reduce_to_an_exact_two_player_game():
    # pygambit enumpoly loops forever on this 2x2x1 game (Gambit issue #198)
    A = np.array([[[1], [2]], [[1], [2]]])
    B = np.array([[[2], [1]], [[0], [2]]])
    C = np.array([[[2], [2]], [[2], [2]]])
    eqs = gt.equilibria(gt.Game.from_arrays(A, B, C))
    two = gt.equilibria(gt.Game(A[:, :, 0], B[:, :, 0]))
    assert eqs.complete and eqs.exact and eqs.degenerate == two.degenerate
    assert {e.strategies for e in eqs} == {(*e.strategies, (1,)) for e in two}
    one = gt.equilibria(
        gt.Game.from_arrays(np.array([[[3]], [[5]], [[5]]]), *np.zeros((2, 3, 1, 1)))
    )
    assert {e.pure_profile for e in one} == {(1, 0, 0), (2, 0, 0)}


@needs_pygambit
def test_enumpoly_runs_in_a_child_process_with_a_timeout():
    from gametheory.equilibria import SolverTimeout

    rng = np.random.default_rng(1)
    rng.integers(0, 3, (3, 3, 2, 2))
    arrays = rng.integers(0, 3, (3, 3, 2, 2))  # enumpoly does not finish on this game
    with pytest.raises(SolverTimeout, match="method='pure'"):
        gt.equilibria(gt.Game.from_arrays(*arrays), "gambit.enumpoly", timeout=1)


def test_timeout_is_validated():
    arrays = np.random.default_rng(1).integers(0, 3, (3, 3, 2, 2))
    with pytest.raises(ValueError, match="timeout"):
        gt.equilibria(gt.Game.from_arrays(*arrays), timeout=0)


def test_three_player_textbook_mixed_equilibrium():
    # Each player gets 1 if matching the next player's action in a cycle, else 0 ... use a
    # game with a unique, fully mixed equilibrium: three-player matching pennies variant.
    # Player 1 wants to match player 2, player 2 to match player 3, player 3 to mismatch player 1.
    u1 = np.zeros((2, 2, 2), dtype=int)
    u2 = np.zeros((2, 2, 2), dtype=int)
    u3 = np.zeros((2, 2, 2), dtype=int)
    for a, b, c in np.ndindex(2, 2, 2):
        u1[a, b, c] = 1 if a == b else -1
        u2[a, b, c] = 1 if b == c else -1
        u3[a, b, c] = 1 if c != a else -1
    game = gt.Game.from_arrays(u1, u2, u3)
    eqs = gt.equilibria(game)
    assert len(eqs) == 1 and eqs.complete and eqs.exact
    assert eqs[0].strategies == ((F(1, 2), F(1, 2)),) * 3
    if pygambit is not None:
        (via_gambit,) = gt.equilibria(game, "gambit.enumpoly")
        for s in via_gambit.strategies:
            assert s == pytest.approx((0.5, 0.5), abs=1e-9)


# ---- properties (hypothesis) -----------------------------------------------------------------

payoff_matrix = st.integers(2, 4).flatmap(
    lambda m: st.integers(2, 4).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(st.integers(-3, 3), min_size=n, max_size=n), min_size=m, max_size=m),
            st.lists(st.lists(st.integers(-3, 3), min_size=n, max_size=n), min_size=m, max_size=m),
        )
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payoff_matrix, st.integers(1, 5), st.integers(-4, 4), st.randoms(use_true_random=False))
def test_invariance_under_affine_transforms_and_relabelling(ab, scale, shift, rnd):
    A, B = (np.array(M) for M in ab)
    base = as_set(gt.equilibria(gt.Game(A, B)))
    # positive affine transformation of each player's payoffs
    assert as_set(gt.equilibria(gt.Game(scale * A + shift, B * 2 - shift))) == base
    # swapping the players transposes the equilibria
    swapped = as_set(gt.equilibria(gt.Game(A, B).permute_players([1, 0])))
    assert swapped == {(y, x) for x, y in base}
    # permuting the row player's actions permutes the row strategies
    order = list(range(A.shape[0]))
    rnd.shuffle(order)
    permuted = as_set(gt.equilibria(gt.Game(A, B).permute_actions(0, order)))
    assert permuted == {(tuple(x[k] for k in order), y) for x, y in base}


@settings(max_examples=60, deadline=None)
@given(payoff_matrix)
def test_every_returned_profile_passes_best_response_check(ab):
    A, B = (np.array(M) for M in ab)
    g = gt.Game(A, B)
    eqs = gt.equilibria(g)
    assert len(eqs) >= 1  # Nash's theorem
    for eq in eqs:
        assert gt.is_equilibrium(g, eq.strategies)
        for i in range(2):
            assert sum(eq.strategies[i]) == 1
            assert eq.payoffs[i] == g.payoff(eq.strategies)[i]


def exact_support_enumeration(A, B):
    """Independent oracle for nondegenerate games: equal-size supports solved in sympy."""
    m, n = A.shape
    found = set()
    for k in range(1, min(m, n) + 1):
        for rows in combinations(range(m), k):
            for cols in combinations(range(n), k):
                # column mix y makes rows indifferent; row mix x makes columns indifferent
                x = sympy.symbols(f"x0:{k}")
                y = sympy.symbols(f"y0:{k}")
                v, w = sympy.symbols("v w")
                eq_y = [sum(int(A[r, c]) * y[j] for j, c in enumerate(cols)) - v for r in rows]
                eq_x = [sum(int(B[r, c]) * x[i] for i, r in enumerate(rows)) - w for c in cols]
                sy = sympy.solve([*eq_y, sum(y) - 1], [*y, v], dict=True)
                sx = sympy.solve([*eq_x, sum(x) - 1], [*x, w], dict=True)
                if not sy or not sx:
                    continue
                xs = [F(str(sx[0][s])) for s in x]
                ys = [F(str(sy[0][s])) for s in y]
                if min(xs) < 0 or min(ys) < 0:
                    continue
                xf = [F(0)] * m
                yf = [F(0)] * n
                for i, r in enumerate(rows):
                    xf[r] = xs[i]
                for j, c in enumerate(cols):
                    yf[c] = ys[j]
                g = gt.Game(A, B)
                if gt.is_equilibrium(g, [xf, yf]):
                    found.add((tuple(xf), tuple(yf)))
    return found


def test_vertex_enumeration_handles_large_entries_exactly():
    # entries ~1e15 stress the exact confirmation (products overflow 64-bit integers);
    # pygambit returns no equilibrium at all for these games, so the oracle is an exact
    # support enumeration in sympy (valid here: random games with huge entries are nondegenerate)
    rng = np.random.default_rng(9)
    for _ in range(3):
        A = rng.integers(0, 10**15, (3, 4)).astype(object)
        B = rng.integers(0, 10**15, (3, 4)).astype(object)
        eqs = gt.equilibria(gt.Game(A, B))
        assert eqs.degenerate is False
        assert as_set(eqs) == exact_support_enumeration(A, B)


# ---- bad input --------------------------------------------------------------------------------


def test_bad_method_and_bad_game():
    g = gt.Game([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="unknown method"):
        gt.equilibria(g, method="magic")
    with pytest.raises(TypeError, match=r"gametheory\.Game"):
        gt.equilibria([[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="two-player"):
        gt.equilibria(gt.Game.from_arrays(*np.zeros((3, 2, 2, 2))), "vertex_enumeration")
    t = sympy.Symbol("t")
    with pytest.raises(gt.UnboundParameterError, match="t"):
        gt.equilibria(gt.Game([[t, 0], [0, 1]], [[1, 0], [0, 1]]))


def test_tolerance_is_validated():
    g = gt.Game([[1, 0], [0, 1]], [[1, 0], [0, 1]])
    for bad, exc in [(float("nan"), ValueError), (-1e-9, ValueError), ("x", TypeError)]:
        with pytest.raises(exc, match="tol"):
            gt.is_equilibrium(g, [0, 0], tol=bad)
        with pytest.raises(exc, match="tol"):
            gt.best_responses(g, 0, [0, 0], tol=bad)


def test_float32_strategies_are_accepted():
    g = gt.Game([[4, -2], [0, 0]], [[4, 0], [-2, 0]])
    third = np.array([1 / 3, 2 / 3], dtype=np.float32)
    assert gt.is_equilibrium(g, [third, third], tol=1e-6)


def test_best_responses_and_is_equilibrium():
    g = gt.Game([[4, -2], [0, 0]], [[4, 0], [-2, 0]])
    third = [F(1, 3), F(2, 3)]
    assert gt.best_responses(g, 0, [0, third]) == (0, 1)
    assert gt.best_responses(g, 0, [0, 0]) == (0,)
    assert gt.is_equilibrium(g, [third, third])
    assert not gt.is_equilibrium(g, [[F(1, 2), F(1, 2)], third])
    assert gt.is_equilibrium(g, [[1 / 3, 2 / 3], [1 / 3, 2 / 3]])
    values = gt.action_values(g, 1, [third, 0])
    assert list(values) == [0, 0]  # column: 4/3 - 2*2/3 = 0 against the mixed row


def test_missing_pygambit_gives_install_advice(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pygambit", None)  # import pygambit now raises ImportError
    g3 = gt.Game.from_arrays(*np.random.default_rng(0).integers(0, 3, (3, 2, 2, 2)))
    with pytest.raises(gt.MissingDependencyError, match=r"gametheory\[gambit\]"):
        gt.equilibria(g3, "gambit.enumpoly")
    assert gt.equilibria(g3, "pure").complete  # the pure equilibria need no extra
    assert gt.equilibria(g3).method == "support_enumeration"  # nor does the default
    with pytest.raises(gt.MissingDependencyError, match="pip install"):
        gt.equilibria(gt.Game([[1, 0], [0, 1]], [[1, 0], [0, 1]]), "gambit.enummixed")


def test_no_choice_means_no_strict_equilibrium():
    (only,) = gt.equilibria(gt.Game([[1]], [[2]]))
    assert only.is_pure and not only.is_strict
    # one player with a choice: its unique best response makes the equilibrium strict
    (eq,) = gt.equilibria(gt.Game([[1], [0]], [[2], [0]]))
    assert eq.is_strict
