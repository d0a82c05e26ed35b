"""Seeded oracle games shared by the tests and by ``tests/fixtures/make_gambit_oracles.py``.

The Gambit answers for these games are committed in ``tests/fixtures/gambit_enummixed.json``, so
the oracle tests run without pygambit; the fixture script regenerates them (with pygambit) and
the live comparison runs whenever pygambit is installed.
"""

from __future__ import annotations

import numpy as np


def random_games(seed: int, count: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """``count`` bimatrix games of shapes 2..6 x 2..6; many are degenerate by construction."""
    rng = np.random.default_rng(seed)
    games = []
    for k in range(count):
        m, n = (int(v) for v in rng.integers(2, 7, size=2))
        high = [2, 3, 4, 10][k % 4]  # small ranges make ties (degenerate games) common
        A = rng.integers(0, high, (m, n))
        B = rng.integers(0, high, (m, n))
        if k % 5 == 0:  # duplicate row
            A[-1], B[-1] = A[0], B[0]
        if k % 7 == 0:  # duplicate column
            A[:, -1], B[:, -1] = A[:, 0], B[:, 0]
        if k % 11 == 0:  # constant payoffs for one player: a continuum of equilibria
            B[:] = 1
        games.append((A, B))
    return games


def larger_games(seed: int, count: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """``count`` square games of sizes 6..9: random integers -10..10, {0, 1} payoffs, and
    games with duplicated rows or columns (degenerate), in turn."""
    rng = np.random.default_rng(seed)
    games = []
    for k in range(count):
        n = 6 + k % 4
        kind = k % 3
        if kind == 0:
            A, B = rng.integers(-10, 11, (2, n, n))
        elif kind == 1:
            A, B = rng.integers(0, 2, (2, n, n))
        else:
            A, B = rng.integers(0, 5, (2, n, n))
            A[-1], B[-1] = A[0], B[0]
            A[:, -1], B[:, -1] = A[:, 1], B[:, 1]
        games.append((A, B))
    return games


def nplayer_arrays(seed: int, shape: tuple[int, ...], low: int = -5, high: int = 6) -> list:
    """One random integer payoff array per player, entries ``low .. high - 1``."""
    rng = np.random.default_rng(seed)
    return [rng.integers(low, high, size=shape) for _ in shape]


#: (seed, shape) of the N-player games compared with Gambit's enumpoly (tests/test_nplayer.py).
ENUMPOLY_GAMES = [
    *((k, shape) for k, shape in enumerate([(2, 2, 2)] * 100 + [(2, 2, 3)] * 8 + [(3, 2, 2)] * 8)),
    *((116 + k, (2, 2, 2, 2)) for k in range(4)),
    (5, (3, 3, 3)),
    (0, (2, 2, 2, 2)),
    (63, (2, 2, 2)),
]


def float_nplayer_arrays() -> list:
    """U[0, 1) payoffs of a 2x2x2 game (seed 1) on which enumpoly misses an equilibrium."""
    rng = np.random.default_rng(1)
    return [rng.random(size=(2, 2, 2)) for _ in range(3)]


def nplayer_key(arrays: list) -> str:
    """The fixture key of an N-player game: its exact payoffs (binary values of floats)."""
    from fractions import Fraction

    flat = [[str(Fraction(v)) for v in np.asarray(a).ravel().tolist()] for a in arrays]
    return repr([*flat, list(np.shape(arrays[0]))])


WEAK_COORDINATION = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 0]])

#: The oracle sets: name -> games.
ORACLE_SETS = {
    "textbook": [(WEAK_COORDINATION, WEAK_COORDINATION)],
    "random_2026_320": random_games(2026, 320),
    "larger_7_36": larger_games(7, 36),
}


def key(A: np.ndarray, B: np.ndarray) -> str:
    """The fixture key of a game: its payoffs as text."""
    return repr((np.asarray(A).tolist(), np.asarray(B).tolist()))
