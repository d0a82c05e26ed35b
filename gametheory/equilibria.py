"""Nash equilibria of normal-form games, with their best-response certificates.

A mixed profile ``sigma = (sigma_1, ..., sigma_N)`` is a Nash equilibrium when no player gains by
deviating: for every player ``i`` and action ``a``, ``u_i(a, sigma_-i) <= u_i(sigma)``; equivalently
every action in the support of ``sigma_i`` is a best response to ``sigma_-i`` (Nash 1951; Osborne &
Rubinstein 1994, Lemma 33.2). Every equilibrium returned here has passed that check — exactly
(in Fractions) when the game is exact, with the documented tolerance :data:`FLOAT_TOL` otherwise.

Methods of :func:`equilibria`:

``"vertex_enumeration"`` (two players; the default)
    All extreme equilibria, degenerate games included, decided in exact rational arithmetic
    (:mod:`gametheory.vertex`; Avis et al. 2010). Float games are solved exactly on the binary
    values of their floats and reported as floats.
``"support_enumeration"`` (any number of players; the default for N > 2)
    All isolated equilibria, exactly: every support profile's indifference equations are solved
    as a polynomial system (Groebner basis and shape lemma) with exact sign tests
    (:mod:`gametheory.nplayer`). Rational equilibria are reported as Fractions, irrational
    (algebraic) ones as floats of their exact values (``Equilibrium.exact`` False; the exact
    algebraic numbers are in :func:`gametheory.nplayer.support_enumeration`). Continua of
    equilibria (degenerate games) are represented by some of their points and make
    ``complete`` False. Unlike pygambit's ``enumpoly`` it does not miss isolated equilibria
    (PEERS.md item 6; docs/models_errata.md).
``"lemke_howson"`` (two players)
    The distinct equilibria at the ends of the Lemke–Howson paths from every label, in exact
    integer pivoting with the lexicographic rule, so degenerate games cannot make it cycle
    (:mod:`gametheory.complementary_pivoting`). Fast for large games (100 x 100 in well under a
    second per label) but not complete (``complete`` False). ``"auto"`` uses it for two-player games
    too large to enumerate (:data:`AUTO_ENUMERATION_BOUND`), and to complete an enumeration
    that stopped at its timeout without any equilibrium.
``"lrsnash"`` (two players)
    All extreme equilibria by Debian's ``lrsnash`` program (lrslib, exact GMP arithmetic), when
    it is installed (``apt-get install lrslib``; :mod:`gametheory.lrs`); every pair it prints is
    verified by the exact best-response check.
``"pure"`` (any number of players)
    All pure equilibria, vectorised over the payoff arrays.
``"nashpy.support_enumeration"``, ``"nashpy.vertex_enumeration"``, ``"nashpy.lemke_howson"``
    nashpy's algorithms (Knight & Campbell 2018), float only; their outputs are verified and any
    profile failing the check is dropped with a warning. See PEERS.md for their known failures.
``"gambit.enummixed"`` (two players), ``"gambit.enumpoly"`` (N players)
    pygambit (McKelvey, McLennan & Turocy, Gambit), when the ``gambit`` extra is installed.
"""

from __future__ import annotations

import functools
import math
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .complementary_pivoting import lemke_howson as _lemke_howson_path
from .complementary_pivoting import lemke_howson_all
from .game import Game, expected_payoffs, format_number
from .vertex import Enumeration, enumerate_equilibria, extreme_equilibria

__all__ = [
    "FLOAT_TOL",
    "METHODS",
    "Equilibria",
    "Equilibrium",
    "IncompleteWarning",
    "MissingDependencyError",
    "NashpyFailure",
    "SolverTimeout",
    "action_values",
    "best_responses",
    "equilibria",
    "is_degenerate",
    "is_equilibrium",
    "lemke_howson",
    "pure_equilibria",
]

#: Relative tolerance (times the payoff range, at least 1) for float best-response checks.
FLOAT_TOL = 1e-9

METHODS = (
    "auto",
    "vertex_enumeration",
    "support_enumeration",
    "pure",
    "nashpy.support_enumeration",
    "nashpy.vertex_enumeration",
    "nashpy.lemke_howson",
    "lemke_howson",
    "lrsnash",
    "gambit.enummixed",
    "gambit.enumpoly",
)


class MissingDependencyError(ImportError):
    """An optional dependency needed by the requested method is not installed."""


class NashpyFailure(RuntimeError):
    """A nashpy algorithm raised an exception on the given game."""


class IncompleteWarning(UserWarning):
    """A solver stopped early (timeout, cap or memory budget): the equilibria it returns are
    exact and verified, but may not be all of them (``complete=False``)."""


class SolverTimeout(TimeoutError):
    """An external solver did not finish within the allowed time."""


# --------------------------------------------------------------------------------------------
# Result values
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Equilibrium:
    """A Nash equilibrium: one mixed strategy per player and the expected payoffs.

    ``strategies[i][a]`` is the probability that player ``i`` plays action ``a`` (Fractions when
    ``exact``, floats otherwise); ``payoffs[i]`` is ``u_i(sigma)``. ``is_strict`` is True for a
    pure equilibrium in which every player's action is its unique best response and some player
    has an alternative that does strictly worse (Harsanyi 1973): a game in which no player has
    a choice (1 x 1) has no strict equilibrium, since strictness is vacuous there.
    Iterating yields the strategies, so ``x, y = eq`` works as with nashpy.
    """

    strategies: tuple[tuple[Any, ...], ...]
    payoffs: tuple[Any, ...]
    players: tuple[str, ...]
    actions: tuple[tuple[str, ...], ...]
    method: str
    exact: bool
    is_strict: bool

    def __post_init__(self) -> None:
        if self.is_strict and all(len(actions) == 1 for actions in self.actions):
            object.__setattr__(self, "is_strict", False)

    @property
    def support(self) -> tuple[tuple[int, ...], ...]:
        """Indices of the actions played with positive probability, per player."""
        return tuple(tuple(a for a, p in enumerate(s) if p > 0) for s in self.strategies)

    @property
    def is_pure(self) -> bool:
        """True when every player plays one action with probability 1."""
        return all(len(s) == 1 for s in self.support)

    @property
    def pure_profile(self) -> tuple[int, ...] | None:
        """The pure profile (action indices) of a pure equilibrium, else None."""
        return tuple(s[0] for s in self.support) if self.is_pure else None

    def as_float(self) -> tuple[np.ndarray, ...]:
        """The strategies as float arrays."""
        return tuple(np.array([float(p) for p in s]) for s in self.strategies)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.strategies)

    def __len__(self) -> int:
        return len(self.strategies)

    def strategy_text(self, i: int) -> str:
        """Player ``i``'s strategy as text: an action name, or ``1/3 C + 2/3 N``."""
        names = self.actions[i]
        support = self.support[i]
        if len(support) == 1:
            return names[support[0]]
        if all(name.isdigit() for name in names):
            return "(" + ", ".join(format_number(p) for p in self.strategies[i]) + ")"
        return " + ".join(f"{format_number(self.strategies[i][a])} {names[a]}" for a in support)

    def __repr__(self) -> str:
        body = ", ".join(
            f"{self.players[i]}: {self.strategy_text(i)}" for i in range(len(self.players))
        )
        pay = ", ".join(format_number(v) for v in self.payoffs)
        tags = "pure" if self.is_pure else "mixed"
        if self.is_strict:
            tags += ", strict"
        return f"Equilibrium({body}; payoffs ({pay}); {tags})"


class Equilibria(list):
    """The list of equilibria returned by :func:`equilibria`, with how they were computed.

    Attributes: ``method``; ``exact`` (the probabilities and payoffs are exact Fractions);
    ``decided_exactly`` (which profiles are equilibria was decided in exact arithmetic — also
    true for float games solved by ``"vertex_enumeration"``, which works on the exact binary
    values of the floats); ``degenerate`` (True/False for two-player games, None when not
    determined) and ``complete`` (True when the method guarantees every extreme equilibrium —
    or, for ``"pure"``, every pure equilibrium).
    """

    def __init__(
        self,
        items: Sequence[Equilibrium],
        *,
        method: str,
        exact: bool,
        degenerate: bool | Callable[[], bool | None] | None,
        complete: bool,
        decided_exactly: bool | None = None,
    ) -> None:
        super().__init__(items)
        self.method = method
        self.exact = exact
        self.decided_exactly = exact if decided_exactly is None else decided_exactly
        self._degenerate = degenerate
        self.complete = complete

    @property
    def degenerate(self) -> bool | None:
        """True / False for two-player games (None when not determined). Decided on first use
        when the enumeration did not need it: that may finish the other best-response
        polytope's vertex search (bounded by the solve's timeout)."""
        if callable(self._degenerate):
            self._degenerate = self._degenerate()
        return self._degenerate

    @degenerate.setter
    def degenerate(self, value: bool | None) -> None:
        self._degenerate = value

    def _repr_html_(self) -> str:
        import html

        if not self:
            return "<p>No equilibrium found.</p>"
        first = self[0]
        head = "".join(f"<th>{html.escape(p)}</th>" for p in first.players)
        rows = []
        for k, eq in enumerate(self):
            cells = "".join(
                f"<td>{html.escape(eq.strategy_text(i))}</td>" for i in range(len(first.players))
            )
            pay = ", ".join(format_number(v) for v in eq.payoffs)
            kind = "pure" + (", strict" if eq.is_strict else "") if eq.is_pure else "mixed"
            rows.append(f"<tr><td>{k + 1}</td>{cells}<td>({pay})</td><td>{kind}</td></tr>")
        note = (
            f"method {self.method}; exact values: {self.exact}; decided exactly: "
            f"{self.decided_exactly}; degenerate: {self.degenerate}; complete: {self.complete}"
        )
        return (
            f"<table><tr><th>#</th>{head}<th>payoffs</th><th>type</th></tr>{''.join(rows)}"
            f"</table><p><small>{html.escape(note)}</small></p>"
        )


# --------------------------------------------------------------------------------------------
# Best responses
# --------------------------------------------------------------------------------------------


def _strategy_vectors(game: Game, profile: Sequence[Any]) -> list[np.ndarray]:
    if isinstance(profile, Equilibrium):
        profile = profile.strategies
    if isinstance(profile, str) or not isinstance(profile, Sequence | np.ndarray):
        raise TypeError(f"a profile is a sequence with one entry per player, got {profile!r}")
    if len(profile) != game.n_players:
        raise ValueError(
            f"a profile needs one entry per player ({game.n_players}), got {len(profile)}"
        )
    return [game.mixed_strategy(i, s) for i, s in enumerate(profile)]


def _numeric_arrays(game: Game, exact: bool) -> tuple[np.ndarray, ...]:
    return game.as_fractions() if exact else game.as_float()


def action_values(game: Game, player: int | str, profile: Sequence[Any]) -> np.ndarray:
    """Expected payoff ``u_i(a, sigma_-i)`` of each action ``a`` of ``player``.

    ``profile`` gives a strategy (action or probability vector) for every player; the player's
    own entry is ignored. Exact (Fractions) when the game and the profile are exact.
    """
    game._require_solvable("action_values")
    return _action_values(game, game.player_index(player), _strategy_vectors(game, profile))


def _action_values(game: Game, i: int, vectors: Sequence[np.ndarray]) -> np.ndarray:
    """:func:`action_values` of player ``i`` for already validated strategy vectors."""
    exact = game.is_exact and all(v.dtype == object for v in vectors)
    arrays = _numeric_arrays(game, exact)
    values = arrays[i]
    for k in reversed(range(game.n_players)):
        if k == i:
            continue
        vec = vectors[k] if exact else np.asarray(vectors[k], dtype=float)
        values = np.tensordot(values, vec, axes=([k], [0]))
    return values


def _check_tol(tol: Any) -> float | None:
    """``tol`` must be None or a finite non-negative real number."""
    if tol is None:
        return None
    if isinstance(tol, bool) or not isinstance(tol, int | float | np.floating | np.integer):
        raise TypeError(f"tol must be a non-negative number or None, got {tol!r}")
    if not np.isfinite(tol) or tol < 0:
        raise ValueError(f"tol must be finite and non-negative, got {tol!r}")
    return float(tol)


def _tolerance(game: Game) -> float:
    arrays = game.as_float()
    spread = max(float(a.max() - a.min()) for a in arrays)
    return FLOAT_TOL * max(1.0, spread)


def best_responses(
    game: Game, player: int | str, profile: Sequence[Any], *, tol: float | None = None
) -> tuple[int, ...]:
    """Indices of the pure best responses of ``player`` to the others' strategies in ``profile``.

    Exact comparison for exact input; otherwise actions within ``tol`` (default
    ``FLOAT_TOL * max(1, payoff range)``) of the best value count as best responses.
    """
    tol = _check_tol(tol)
    return _best_of(game, action_values(game, player, profile), tol)


def _best_of(game: Game, values: np.ndarray, tol: float | None) -> tuple[int, ...]:
    """The actions whose value is the best: exactly for exact values and ``tol`` None, else
    within ``tol`` (default ``FLOAT_TOL * max(1, payoff range)``)."""
    best = values.max()
    if values.dtype == object and tol is None:
        return tuple(int(a) for a in np.flatnonzero(values == best))
    tol = _tolerance(game) if tol is None else tol
    return tuple(int(a) for a in np.flatnonzero(values.astype(float) >= float(best) - tol))


def is_equilibrium(game: Game, profile: Sequence[Any], *, tol: float | None = None) -> bool:
    """True when every action played with positive probability is a best response.

    Exact for exact games and exact profiles (Fractions); float input uses ``tol`` as in
    :func:`best_responses` (an action with probability below ``tol`` counts as unplayed).
    """
    tol = _check_tol(tol)
    vectors = _strategy_vectors(game, profile)
    exact = game.is_exact and all(v.dtype == object for v in vectors) and tol is None
    game._require_solvable("is_equilibrium")
    for i, vec in enumerate(vectors):
        br = set(_best_of(game, _action_values(game, i, vectors), None if exact else tol))
        threshold = 0 if exact else (FLOAT_TOL if tol is None else tol)
        played = {a for a, p in enumerate(vec) if p > threshold}
        if not played <= br:
            return False
    return True


# --------------------------------------------------------------------------------------------
# Pure equilibria of N-player games
# --------------------------------------------------------------------------------------------


def _pure_masks(arrays: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Boolean arrays over profiles: Nash (all players best-respond) and strict Nash."""
    nash = np.ones(arrays[0].shape, dtype=bool)
    strict = np.ones(arrays[0].shape, dtype=bool)
    for i, u in enumerate(arrays):
        best = u.max(axis=i, keepdims=True)
        is_best = np.asarray(u == best, dtype=bool)
        nash &= is_best
        strict &= is_best.sum(axis=i, keepdims=True) == 1
    return nash, strict & nash


def pure_equilibria(game: Game) -> Equilibria:
    """All pure Nash equilibria of an N-player game (exact comparisons on the stored values).

    Vectorised: for each player ``i`` the maximum of ``u_i`` along axis ``i`` is compared with
    ``u_i`` in one array operation, so no Python loop runs over profiles.
    """
    game._require_solvable("pure_equilibria")
    exact = game.is_exact
    arrays = game.as_fractions() if game.is_exact else game.as_float()
    nash, strict = _pure_masks(arrays)
    out = []
    for idx in np.argwhere(nash):
        prof = tuple(int(a) for a in idx)
        out.append(_pure_equilibrium(game, prof, bool(strict[prof]), "pure", game.is_exact))
    return Equilibria(
        out, method="pure", exact=exact, degenerate=None, complete=True, decided_exactly=True
    )


def _pure_equilibrium(
    game: Game, profile: tuple[int, ...], strict: bool, method: str, exact: bool
) -> Equilibrium:
    one, zero = (Fraction(1), Fraction(0)) if exact else (1.0, 0.0)
    strategies = tuple(
        tuple(one if k == a else zero for k in range(n))
        for a, n in zip(profile, game.shape, strict=True)
    )
    arrays = _numeric_arrays(game, exact)
    return Equilibrium(
        strategies=strategies,
        payoffs=tuple(a[profile] if exact else float(a[profile]) for a in arrays),
        players=game.players,
        actions=game.actions,
        method=method,
        exact=exact,
        is_strict=strict,
    )


# --------------------------------------------------------------------------------------------
# Building verified results
# --------------------------------------------------------------------------------------------


def _make_equilibrium(
    game: Game, strategies: Sequence[Sequence[Any]], method: str, exact: bool
) -> Equilibrium | None:
    """Verify a candidate profile and wrap it, or return None if it fails the check."""
    vectors = [np.array(list(s), dtype=object if exact else float) for s in strategies]
    arrays = _numeric_arrays(game, exact)
    if not exact:
        vectors = [_clean(v) for v in vectors]
    tol = None if exact else _tolerance(game)
    if not is_equilibrium(game, vectors, tol=tol):
        return None
    payoffs = expected_payoffs(arrays, vectors)
    if not exact:
        payoffs = tuple(float(v) for v in payoffs)
    pure = all(int(np.count_nonzero(v)) == 1 for v in vectors)
    strict = False
    if pure:
        strict = all(
            len(best_responses(game, i, vectors, tol=tol)) == 1 for i in range(game.n_players)
        )
    return Equilibrium(
        strategies=tuple(tuple(v.tolist()) for v in vectors),
        payoffs=payoffs,
        players=game.players,
        actions=game.actions,
        method=method,
        exact=exact,
        is_strict=strict,
    )


def _clean(vec: np.ndarray) -> np.ndarray:
    """Zero out float noise (|p| < 1e-13) and renormalise a probability vector."""
    vec = np.where(np.abs(vec) < 1e-13, 0.0, vec)
    return vec / vec.sum()


def _dedupe(items: list[Equilibrium], exact: bool) -> list[Equilibrium]:
    out: list[Equilibrium] = []
    for eq in items:
        flat = np.concatenate([np.asarray(s, dtype=float) for s in eq.strategies])
        if any(
            (eq.strategies == o.strategies)
            if exact
            else np.allclose(
                flat, np.concatenate([np.asarray(s, dtype=float) for s in o.strategies]), atol=1e-9
            )
            for o in out
        ):
            continue
        out.append(eq)
    return out


# --------------------------------------------------------------------------------------------
# Two-player methods
# --------------------------------------------------------------------------------------------


class _BimatrixCheck:
    """Exact best-response check of ``(x, y)`` in the bimatrix game ``(A, B)`` (Fractions).

    With ``A = A_int / d_A`` (``d_A`` the lcm of the denominators) and ``y = y_int / d_y`` the
    row values ``A y`` are ``(A_int y_int) / (d_A d_y)``: comparing the integer vectors
    ``A_int y_int`` decides best responses exactly, in Python integers. Returns the expected
    payoffs and strictness, or None when some played action is not a best response.
    """

    def __init__(self, A: np.ndarray, B: np.ndarray) -> None:
        self.a_int, self.a_den = _integer_matrix(A)
        self.bt_int, self.b_den = _integer_matrix(B.T)
        # int64 copies when every entry is below 2**31 (then products with weights below
        # 2**31, summed, stay exact in int64 whenever the weights' sum is below 2**31)
        small = all(abs(v) < 2**31 for row in (*self.a_int, *self.bt_int) for v in row)
        self.a_np = np.array(self.a_int, dtype=np.int64) if small else None
        self.bt_np = np.array(self.bt_int, dtype=np.int64) if small else None

    def _values(self, matrix: list[list[int]], fast: Any, weights: list[int]) -> list[int]:
        if fast is not None and sum(weights) < 2**31:
            return (fast @ np.array(weights, dtype=np.int64)).tolist()
        return [sum(a * v for a, v in zip(row, weights, strict=True)) for row in matrix]

    def __call__(
        self, x: tuple[Fraction, ...], y: tuple[Fraction, ...]
    ) -> tuple[tuple[Fraction, Fraction], bool] | None:
        xi, x_den = _integer_vector(x)
        yi, y_den = _integer_vector(y)
        row_values = self._values(self.a_int, self.a_np, yi)
        col_values = self._values(self.bt_int, self.bt_np, xi)
        best_row, best_col = max(row_values), max(col_values)
        if any(p and r != best_row for p, r in zip(xi, row_values, strict=True)):
            return None
        if any(q and c != best_col for q, c in zip(yi, col_values, strict=True)):
            return None
        u_row = Fraction(best_row, self.a_den * y_den)
        u_col = Fraction(best_col, self.b_den * x_den)
        strict = (
            sum(1 for p in xi if p) == 1
            and sum(1 for q in yi if q) == 1
            and row_values.count(best_row) == 1
            and col_values.count(best_col) == 1
        )
        return (u_row, u_col), strict


def _integer_matrix(matrix: np.ndarray) -> tuple[list[list[int]], int]:
    den = math.lcm(*(v.denominator for v in matrix.flat))
    return [[v.numerator * (den // v.denominator) for v in row] for row in matrix], den


def _integer_vector(vector: Sequence[Fraction]) -> tuple[list[int], int]:
    den = math.lcm(*(v.denominator for v in vector))
    return [v.numerator * (den // v.denominator) for v in vector], den


class _ProgressBar:
    """A tqdm bar of the bases visited, shown once a solve has run :data:`PROGRESS_AFTER`
    seconds (``progress=None``), from the start (True) or never (False)."""

    def __init__(self, progress: bool | None, desc: str) -> None:
        self.show = progress
        self.desc = desc
        self.start = time.perf_counter()
        self.bar: Any = None

    def __call__(self, visited: int) -> None:
        if self.bar is None:
            if self.show is False:
                return
            if self.show is None and time.perf_counter() - self.start < PROGRESS_AFTER:
                return
            from tqdm.auto import tqdm

            self.bar = tqdm(desc=self.desc, unit=" bases", leave=False)
        self.bar.update(visited - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


#: Seconds after which ``progress=None`` shows a progress bar.
PROGRESS_AFTER = 2.0


def _vertex_enumeration(
    game: Game,
    timeout: float | None = None,
    progress: bool | None = False,
    stacklevel: int = 3,
) -> Equilibria:
    deadline = None if timeout is None else time.perf_counter() + timeout
    A, B = game.as_fractions()
    _warn_if_huge(game, timeout)
    bar = _ProgressBar(progress, "vertex enumeration")
    try:
        result = enumerate_equilibria(A, B, deadline=deadline, progress=bar)
    finally:
        bar.close()
    pairs = result.pairs
    if result.degenerate is not None:
        degenerate: bool | Callable[[], bool | None] | None = result.degenerate
    else:
        degenerate = functools.partial(_degeneracy_within, result, timeout)
    out = _checked_pairs(game, A, B, pairs, "vertex_enumeration")
    if not result.complete:
        reason = {
            "deadline": f"the timeout of {timeout:g} s",
            "max_bases": "the cap on visited bases",
            "memory": "the memory budget",
        }[result.stopped or "deadline"]
        warnings.warn(
            f"vertex_enumeration stopped at {reason} after visiting {result.bases} bases, with "
            f"{len(out)} equilibria found; the list may be incomplete (complete=False). Pass a "
            "larger timeout, or use method='lemke_howson' for one equilibrium of a large game.",
            IncompleteWarning,
            stacklevel=stacklevel,
        )
    return Equilibria(
        out,
        method="vertex_enumeration",
        exact=game.is_exact,
        degenerate=degenerate,
        complete=result.complete,
        decided_exactly=True,
    )


def _checked_pairs(
    game: Game,
    A: np.ndarray,
    B: np.ndarray,
    pairs: Sequence[tuple[tuple[Fraction, ...], tuple[Fraction, ...]]],
    method: str,
) -> list[Equilibrium]:
    """Equilibrium objects for exact strategy pairs, each passing the exact best-response
    check (float games: decided on the floats' binary values, reported as floats)."""
    exact = game.is_exact
    check = _BimatrixCheck(A, B)
    out = []
    for x, y in pairs:
        verdict = check(x, y)
        if verdict is None:  # pragma: no cover - guarded by the exact construction
            raise RuntimeError(f"internal error: {method} pair {x}, {y} failed the check")
        payoffs, strict = verdict
        if not exact:
            x, y = tuple(float(p) for p in x), tuple(float(p) for p in y)
            payoffs = tuple(float(v) for v in payoffs)
        out.append(
            Equilibrium(
                strategies=(x, y),
                payoffs=payoffs,
                players=game.players,
                actions=game.actions,
                method=method,
                exact=exact,
                is_strict=strict,
            )
        )
    return out


def _lemke_howson(game: Game, timeout: float | None, *, warn: bool = True) -> Equilibria:
    """The distinct equilibria at the ends of the exact Lemke-Howson paths of every label
    (:mod:`gametheory.complementary_pivoting`); at least one unless the deadline passes first."""
    A, B = game.as_fractions()
    deadline = None if timeout is None else time.perf_counter() + timeout
    pairs, finished = lemke_howson_all(A, B, deadline=deadline)
    out = _checked_pairs(game, A, B, pairs, "lemke_howson")
    if warn:
        labels = "every label" if finished else "the labels tried before the timeout"
        warnings.warn(
            f"lemke_howson found {len(out)} equilibria from {labels}; Lemke-Howson does not "
            "find every equilibrium (complete=False). Use method='vertex_enumeration' for all.",
            IncompleteWarning,
            stacklevel=3,
        )
    return Equilibria(
        out,
        method="lemke_howson",
        exact=game.is_exact,
        degenerate=None,
        complete=False,
        decided_exactly=True,
    )


def lemke_howson(game: Game, label: int = 0, *, timeout: float = 30.0) -> Equilibrium:
    """The Nash equilibrium at the end of the exact Lemke–Howson path that drops ``label``.

    ``label`` is ``0 .. m-1`` for the row player's actions and ``m .. m+n-1`` for the column
    player's (Lemke & Howson 1964; von Stengel 2002, §2.6). Integer pivoting with the
    lexicographic ratio test (:mod:`gametheory.complementary_pivoting`): exact, and finite on
    degenerate games. The path is followed in floats first and its end point decided exactly
    (falling back to the exact path), so one path takes milliseconds at 30 x 30 and well under
    a second at 100 x 100. Raises :class:`SolverTimeout` if it is not finished after
    ``timeout`` seconds.

    >>> import gametheory as gt
    >>> gt.lemke_howson(gt.Game([[1, -1], [-1, 1]])).strategies
    ((Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 2), Fraction(1, 2)))
    """
    if not isinstance(game, Game):
        raise TypeError(f"lemke_howson() needs a gametheory.Game, got {type(game).__name__}")
    if game.n_players != 2:
        raise ValueError("lemke_howson needs a two-player game")
    game._require_solvable("lemke_howson")
    m, n = game.shape
    if isinstance(label, bool) or not isinstance(label, int | np.integer):
        raise TypeError(f"label must be an integer in 0 .. {m + n - 1}, got {label!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    A, B = game.as_fractions()
    pair = _lemke_howson_path(A, B, int(label), deadline=time.perf_counter() + timeout)
    if pair is None:
        raise SolverTimeout(f"the Lemke-Howson path of label {label} took over {timeout:g} s")
    return _checked_pairs(game, A, B, [pair], "lemke_howson")[0]


def _lrsnash(game: Game, timeout: float) -> Equilibria:
    """All extreme equilibria by the external lrsnash program (:mod:`gametheory.lrs`), each
    verified by the exact best-response check."""
    from . import lrs
    from .vertex import integer_payoffs

    if game.n_players != 2:
        raise ValueError("lrsnash needs a two-player game")
    A, B = game.as_fractions()
    a_int, b_int = integer_payoffs(A), integer_payoffs(B)
    largest = max(abs(v) for matrix in (a_int, b_int) for row in matrix for v in row)
    if largest >= lrs.LARGEST_INPUT:
        raise ValueError(
            f"the payoffs scale to integers of {largest.bit_length()} bits, and lrsnash 7.1 "
            "misreads integers beyond 63 bits (it returned a wrong equilibrium on 1e30 payoffs); "
            "use method='vertex_enumeration', which is exact at any size"
        )
    if lrs.executable() is None:
        raise MissingDependencyError(
            "method='lrsnash' needs the lrsnash program (lrslib): apt-get install lrslib on "
            "Debian or Ubuntu, or build it from https://cgm.cs.mcgill.ca/~avis/C/lrs.html"
        )
    pairs, finished = lrs.run_lrsnash(a_int, b_int, timeout)
    check = _BimatrixCheck(A, B)
    good = [pair for pair in pairs if check(*pair) is not None]
    if len(good) < len(pairs):
        warnings.warn(
            f"lrsnash returned {len(pairs) - len(good)} profiles that fail the exact "
            "best-response check; they were dropped (complete=False)",
            RuntimeWarning,
            stacklevel=3,
        )
    if not finished:
        warnings.warn(
            f"lrsnash stopped at the timeout of {timeout:g} s with {len(good)} equilibria "
            "found; the list may be incomplete (complete=False). Pass a larger timeout.",
            IncompleteWarning,
            stacklevel=3,
        )
    out = _checked_pairs(game, A, B, sorted(set(good), reverse=True), "lrsnash")
    return Equilibria(
        out,
        method="lrsnash",
        exact=game.is_exact,
        degenerate=None,
        complete=finished and len(good) == len(pairs),
        decided_exactly=True,
    )


#: Above this bound on the vertices of the smaller best-response polytope (McMullen's upper
#: bound; 20 x 20 games are below it, 24 x 24 above), ``method="auto"`` answers two-player games
#: by Lemke-Howson instead of attempting the enumeration.
AUTO_ENUMERATION_BOUND = 10**8


def _vertex_bound(game: Game) -> int:
    """McMullen's upper bound on the vertices of the smaller best-response polytope: ``k``
    facets in dimension ``d`` give at most ``C(k - floor((d+1)/2), floor(d/2)) +
    C(k - floor((d+2)/2), floor((d-1)/2))`` (McMullen 1970)."""
    m, n = game.shape
    d, k = min(m, n), m + n
    return math.comb(k - (d + 1) // 2, d // 2) + math.comb(k - (d + 2) // 2, (d - 1) // 2)


def _auto_two_player(game: Game, timeout: float, progress: bool | None = None) -> Equilibria:
    """All extreme equilibria when the enumeration can finish; otherwise what it finds within
    the timeout, completed by Lemke-Howson so that at least one equilibrium is returned."""
    if _vertex_bound(game) > AUTO_ENUMERATION_BOUND:
        warnings.warn(
            f"a {game.shape[0]}x{game.shape[1]} game is too large to enumerate every "
            "equilibrium; returning the Lemke-Howson equilibria (complete=False). Use "
            "method='vertex_enumeration' with a large timeout to attempt them all.",
            IncompleteWarning,
            stacklevel=4,
        )
        return _lemke_howson(game, timeout, warn=False)
    start = time.perf_counter()
    found = _vertex_enumeration(game, timeout, progress, stacklevel=4)
    if found.complete or found:
        return found
    extra = _lemke_howson(game, max(1.0, timeout - (time.perf_counter() - start)), warn=False)
    return Equilibria(
        extra,
        method="lemke_howson",
        exact=found.exact,
        degenerate=None,
        complete=False,
        decided_exactly=True,
    )


def _degeneracy_within(result: Enumeration, timeout: float | None) -> bool | None:
    deadline = None if timeout is None else time.perf_counter() + timeout
    return result.is_degenerate(deadline)


#: Lexicographic bases beyond which a solve is announced as possibly taking hours.
HUGE_BASES = 10**9


def _warn_if_huge(game: Game, timeout: float | None) -> None:
    """Warn when the timeout allows work that the upper bound theorem says may take hours.

    The search visits about as many bases as the smaller best-response polytope has vertices,
    at most :func:`_vertex_bound`, at some 20 microseconds each.
    """
    if timeout is not None and timeout < 600:
        return
    m, n = game.shape
    bound = _vertex_bound(game)
    if bound > HUGE_BASES:
        warnings.warn(
            f"a {m}x{n} game may have up to {bound:.2e} vertices to enumerate, which can take "
            "hours; set a timeout, or use method='lemke_howson' for one equilibrium",
            IncompleteWarning,
            stacklevel=4,
        )


def is_degenerate(game: Game) -> bool:
    """True when some mixed strategy with support size ``k`` has more than ``k`` pure best
    responses (von Stengel 2002, Def. 3.2); decided exactly for two-player games."""
    if game.n_players != 2:
        raise ValueError("degeneracy is defined here for two-player games only")
    game._require_solvable("is_degenerate")
    A, B = game.as_fractions()
    return bool(extreme_equilibria(A, B)[1])


def _nashpy(game: Game, method: str) -> Equilibria:
    if game.n_players != 2:
        raise ValueError(f"{method} needs a two-player game; this one has {game.n_players}")
    nash_game = game.to_nashpy()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            if method == "nashpy.support_enumeration":
                raw = list(nash_game.support_enumeration())
            elif method == "nashpy.vertex_enumeration":
                raw = list(nash_game.vertex_enumeration())
            else:
                raw = [nash_game.lemke_howson(initial_dropped_label=0)]
    except Exception as exc:  # nashpy fails on some degenerate games (PEERS.md, finding 3)
        raise NashpyFailure(
            f"{method} failed on this game ({type(exc).__name__}: {exc}); "
            "method='vertex_enumeration' handles degenerate games exactly"
        ) from exc
    return _verified(game, raw, method, complete=False)


def _verified(game: Game, raw: Sequence[Sequence[Any]], method: str, complete: bool) -> Equilibria:
    out, rejected = [], 0
    for profile in raw:
        vectors = [np.asarray(s, dtype=float) for s in profile]
        if any(
            v.shape != (n,) or not np.all(np.isfinite(v)) or v.sum() <= 0
            for v, n in zip(vectors, game.shape, strict=True)
        ):
            rejected += 1
            continue
        eq = _make_equilibrium(game, vectors, method, exact=False)
        if eq is None:
            rejected += 1
        else:
            out.append(eq)
    if rejected:
        warnings.warn(
            f"{method} returned {rejected} profile(s) that failed the best-response check; "
            "they were dropped",
            RuntimeWarning,
            stacklevel=3,
        )
    return Equilibria(
        _dedupe(out, exact=False), method=method, exact=False, degenerate=None, complete=complete
    )


def _pygambit() -> Any:
    try:
        import pygambit
    except ImportError as exc:
        raise MissingDependencyError(
            "this method needs pygambit; install it with: pip install 'gametheory[gambit]' "
            "(or use method='pure' for the pure equilibria of an N-player game)"
        ) from exc
    return pygambit


def _gambit_game(game: Game) -> Any:
    gbt = _pygambit()
    if game.is_exact:
        arrays = [
            np.vectorize(lambda v: gbt.Rational(v.numerator, v.denominator), otypes=[object])(a)
            for a in game.as_fractions()
        ]
    else:
        arrays = game.as_float()
    return gbt.Game.from_arrays(*arrays)


def _gambit_profiles(ggame: Any, result: Any) -> list[list[list[Fraction]]]:
    players = list(ggame.players)
    return [
        [[Fraction(str(eq[p][s])) for s in p.strategies] for p in players]
        for eq in result.equilibria
    ]


def _gambit(game: Game, method: str, timeout: float) -> Equilibria:
    gbt = _pygambit()
    ggame = _gambit_game(game)
    if method == "gambit.enummixed":
        if game.n_players != 2:
            raise ValueError("gambit.enummixed needs a two-player game")
        rational = game.is_exact
        profiles = _gambit_profiles(ggame, gbt.nash.enummixed_solve(ggame, rational=rational))
        if rational:
            items = [_make_equilibrium(game, p, method, True) for p in profiles]
            if any(eq is None for eq in items):  # pragma: no cover - Gambit is exact here
                raise RuntimeError("gambit.enummixed returned a profile that is not an equilibrium")
            return Equilibria(
                _dedupe(items, exact=True),
                method=method,
                exact=True,
                degenerate=None,
                complete=True,
            )
        return _verified(
            game, [[[float(v) for v in s] for s in p] for p in profiles], method, complete=True
        )
    profiles = _enumpoly_with_timeout(game, timeout)
    found = _verified(
        game, [[[float(v) for v in s] for s in p] for p in profiles], method, complete=False
    )
    pure = pure_equilibria(game)
    merged = list(pure) + [eq for eq in found if not eq.is_pure]
    return Equilibria(merged, method=method, exact=False, degenerate=None, complete=False)


def _enumpoly_worker(arrays: list[list[str]], shape: tuple[int, ...], conn: Any) -> None:
    """Child process: run pygambit's enumpoly and send the profiles back as strings."""
    try:
        import pygambit as gbt

        parsed = [
            np.array([gbt.Rational(v) for v in flat], dtype=object).reshape(shape)
            for flat in arrays
        ]
        ggame = gbt.Game.from_arrays(*parsed)
        result = gbt.nash.enumpoly_solve(ggame)
        players = list(ggame.players)
        conn.send(
            [[[str(eq[p][s]) for s in p.strategies] for p in players] for eq in result.equilibria]
        )
    except Exception as exc:  # pragma: no cover - reported to the parent
        conn.send(exc)
    finally:
        conn.close()


def _enumpoly_with_timeout(game: Game, timeout: float) -> list[list[list[Fraction]]]:
    """pygambit ``enumpoly_solve`` in a child process that is killed after ``timeout`` seconds.

    enumpoly can run forever on games with continua of equilibria (Gambit issue #198) and does
    not respond to Ctrl-C, so it never runs in the caller's process.
    """
    import multiprocessing

    _pygambit()
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    arrays = [[str(v) for v in a.flat] for a in game.as_fractions()]
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_enumpoly_worker, args=(arrays, game.shape, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise SolverTimeout(
                f"gambit.enumpoly did not finish within {timeout:g} s (it can loop forever on "
                "games with a continuum of equilibria); use method='pure' for the pure "
                "equilibria, or pass a larger timeout"
            )
        result = receiver.recv()
    except EOFError as exc:  # pragma: no cover - the child died
        raise RuntimeError("gambit.enumpoly crashed") from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if isinstance(result, Exception):  # pragma: no cover
        raise RuntimeError(f"gambit.enumpoly failed: {result}") from result
    return [[[Fraction(v) for v in s] for s in p] for p in result]


def _reduced_equilibria(game: Game, method: str, timeout: float) -> Equilibria | None:
    """Solve an N-player game in which some players have a single action.

    Those players' choices are fixed, so the game is really one among the others: with two
    such players left it is solved completely and exactly by vertex enumeration, with one left
    its extreme equilibria are that player's best actions. Returns None when three or more
    players have a choice.
    """
    active = [i for i, n in enumerate(game.shape) if n > 1]
    if len(active) > 2:
        return None
    fixed = tuple(0 if n == 1 else slice(None) for n in game.shape)
    arrays = [a[fixed] for a in game.payoff_arrays]
    if len(active) == 2:
        reduced = Game(
            arrays[active[0]],
            arrays[active[1]],
            players=[game.players[i] for i in active],
            actions=[game.actions[i] for i in active],
        )
        inner = _vertex_enumeration(reduced, timeout)
        profiles = [eq.strategies for eq in inner]
        degenerate = inner.degenerate
    else:
        values = arrays[active[0]] if active else None
        if values is None:
            profiles = [()]
        else:
            best = values.max()
            one, zero = (Fraction(1), Fraction(0)) if game.is_exact else (1.0, 0.0)
            profiles = [
                (tuple(one if k == a else zero for k in range(len(values))),)
                for a in np.flatnonzero(values == best)
            ]
        degenerate = None
    out = []
    exact = game.is_exact
    unit = (Fraction(1),) if exact else (1.0,)
    for profile in profiles:
        it = iter(profile)
        full = [next(it) if n > 1 else unit for n in game.shape]
        vectors = [np.array(v, dtype=object if exact else float) for v in full]
        eq = _make_equilibrium(game, vectors, method, exact)
        if eq is None:  # pragma: no cover - the reduction preserves equilibria
            raise RuntimeError("internal error: a lifted equilibrium failed the check")
        out.append(eq)
    return Equilibria(
        out,
        method=method,
        exact=exact,
        degenerate=degenerate,
        complete=True,
        decided_exactly=True,
    )


def _support_enumeration(game: Game, timeout: float) -> Equilibria:
    """All isolated equilibria of an N-player game by exact support enumeration."""
    from . import nplayer

    method = "support_enumeration"
    # Small games (at most 3 players with at most 3 actions, or 4 players with 2) are solved in
    # this process: each support profile's polynomial system is small (FLINT solves it in
    # milliseconds), so checking the clock between profiles keeps the timeout. Larger games
    # run in a child process killed at the deadline.
    small = (game.n_players <= 3 and max(game.shape) <= 3) or (
        game.n_players == 4 and max(game.shape) == 2
    )
    result = nplayer.support_enumeration(game, timeout=timeout, isolate=not small)
    items = []
    for profile, floats in zip(result.equilibria, result.as_float(), strict=True):
        rational = all(p.is_Rational for s in profile for p in s)
        if rational and game.is_exact:
            vectors = [[Fraction(int(p.p), int(p.q)) for p in s] for s in profile]
            eq = _make_equilibrium(game, vectors, method, True)
        else:
            eq = _make_equilibrium(game, [list(v) for v in floats], method, False)
        if eq is None:  # pragma: no cover - nplayer's checks are exact
            raise RuntimeError("internal error: an exact N-player equilibrium failed the check")
        items.append(eq)
    if result.timed_out:
        warnings.warn(
            f"support_enumeration stopped after {timeout:g} s with {len(items)} equilibria "
            "found; the list may be incomplete (complete=False). Pass a larger timeout.",
            IncompleteWarning,
            stacklevel=3,
        )
    return Equilibria(
        items,
        method=method,
        exact=game.is_exact and all(eq.exact for eq in items),
        degenerate=True if result.continua else None,
        complete=result.complete,
        decided_exactly=True,
    )


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


#: Seconds after which an external N-player solver (pygambit enumpoly) is stopped.
DEFAULT_TIMEOUT = 30.0


def equilibria(
    game: Game,
    method: str = "auto",
    *,
    timeout: float = DEFAULT_TIMEOUT,
    progress: bool | None = None,
) -> Equilibria:
    """Nash equilibria of ``game``; every one verified by a best-response check.

    Parameters
    ----------
    game:
        A numeric :class:`~gametheory.Game` (parametric games must be bound with ``subs`` first).
    method:
        ``"auto"`` (two players: ``"vertex_enumeration"``, all extreme equilibria, exact;
        N players: ``"support_enumeration"``, all isolated equilibria, exact), or one of
        :data:`METHODS` (see the module docstring). N-player games in which at most two
        players have more than one action are reduced to those players and solved completely
        by exact vertex enumeration.
    timeout:
        Seconds after which the solvers stop. ``"vertex_enumeration"`` and
        ``"support_enumeration"`` (run in a child process for larger games) return the
        equilibria found so far, each exact and verified, with ``complete=False`` and an
        :class:`IncompleteWarning`; ``"gambit.enumpoly"`` (which can loop forever on games with
        a continuum of equilibria) raises :class:`SolverTimeout`. Vertex enumeration also stops
        the same way at its memory budget (:data:`gametheory.vertex.MAX_MEMORY`).
    progress:
        A tqdm progress bar of the bases visited by vertex enumeration: ``True``, ``False``, or
        ``None`` (the default) to show one only once a solve has run for 2 seconds.

    Returns
    -------
    Equilibria
        A list of :class:`Equilibrium` with attributes ``method``, ``exact``, ``degenerate``
        and ``complete``.

    Examples
    --------
    >>> import gametheory as gt
    >>> eqs = gt.equilibria(gt.Game([[1, -1], [-1, 1]]))   # matching pennies
    >>> eqs[0].strategies
    ((Fraction(1, 2), Fraction(1, 2)), (Fraction(1, 2), Fraction(1, 2)))
    """
    if not isinstance(game, Game):
        raise TypeError(f"equilibria() needs a gametheory.Game, got {type(game).__name__}")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {list(METHODS)}")
    game._require_solvable(f"equilibria(method={method!r})")
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {progress!r}")
    if method == "auto":
        if game.n_players == 2:
            return _auto_two_player(game, timeout, progress)
        else:
            reduced = _reduced_equilibria(game, "vertex_enumeration", timeout)
            if reduced is not None:
                return reduced
            method = "support_enumeration"
    if method == "pure":
        return pure_equilibria(game)
    if method == "support_enumeration":
        return _support_enumeration(game, timeout)
    if method == "vertex_enumeration":
        if game.n_players != 2:
            raise ValueError(
                "vertex_enumeration needs a two-player game; use method='pure' or "
                "'gambit.enumpoly' for N players"
            )
        return _vertex_enumeration(game, timeout, progress)
    if method == "lrsnash":
        return _lrsnash(game, timeout)
    if method == "lemke_howson":
        if game.n_players != 2:
            raise ValueError("lemke_howson needs a two-player game")
        return _lemke_howson(game, timeout)
    if method.startswith("nashpy."):
        return _nashpy(game, method)
    return _gambit(game, method, timeout)
