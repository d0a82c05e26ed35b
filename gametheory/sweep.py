"""Vectorised parameter sweeps of parametric games.

:func:`sweep` evaluates a parametric :class:`~gametheory.Game` on the Cartesian product of
parameter grids and classifies the equilibria of every grid point in whole-array operations
(no Python loop per grid point):

* **Pure equilibria of any N-player game.** With payoffs ``u_i`` of shape
  ``(batch, a_1, ..., a_N)``, the pure profile ``s`` is a Nash equilibrium at grid point ``k`` iff
  ``u_i[k, s] >= max_{a} u_i[k, a, s_-i] - atol`` for every player ``i`` (the maximum is taken
  along axis ``i + 1``; Osborne & Rubinstein 1994, Def. 14.1). This is
  :func:`gametheory.equilibria.pure_equilibria` with a leading batch axis.
* **The fully mixed equilibrium of a 2x2 game, in closed form.** With row payoffs ``A`` and column
  payoffs ``B``, the column player's probability ``q`` of column 0 that makes the row player
  indifferent, and the row player's probability ``p`` of row 0 that makes the column player
  indifferent, are::

      q = (A11 - A01) / (A00 - A01 - A10 + A11)
      p = (B11 - B10) / (B00 - B10 - B01 + B11)

  A fully mixed equilibrium exists iff both denominators are nonzero and ``0 < p < 1`` and
  ``0 < q < 1`` (strictly interior; the boundary cases are pure or degenerate). Its payoffs are
  ``u_0 = q A00 + (1 - q) A01`` and ``u_1 = p B00 + (1 - p) B10``.
* **Degenerate 2x2 points** are those where a player is indifferent between its two actions
  against some pure action of the other: ``A00 == A10`` or ``A01 == A11`` or ``B00 == B01`` or
  ``B10 == B11`` (von Stengel 2002, Def. 3.2, specialised to 2x2). Such games can have continua
  of equilibria; they are flagged in the ``degenerate`` column, their pure equilibria are still
  listed, and the continua are not. (At a degenerate point no strictly interior mixed
  equilibrium exists: a tie makes ``p`` or ``q`` equal to 1 or its denominator 0.)

Ties are decided on the float64 values of the payoffs produced by :meth:`Game.lambdify`, exactly
(``atol=0.0``) unless a tolerance is given: with ``atol > 0`` payoff differences of at most
``atol`` count as ties, both for best responses and for degeneracy. Grids of dyadic rationals
(e.g. multiples of 1/8) keep simple payoff expressions exact in floating point, so exact ties in
the model are found as ties.

:func:`summarize` turns the tidy result into one row per grid point with a structure label
(``"(D,D)"``, ``"(C,C)+(D,D)+mixed"``) suitable for phase diagrams.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .game import Game

__all__ = ["summarize", "sweep"]

#: Number of chunks above which ``progress=None`` shows a progress bar.
PROGRESS_THRESHOLD = 10

_RESERVED = ("point", "kind", "profile", "degenerate", "n_equilibria")


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def _grid_axis(name: str, value: Any) -> np.ndarray:
    """A validated 1-D float64 axis for parameter ``name`` (a scalar becomes a length-1 axis)."""
    if isinstance(value, str | bytes):
        raise TypeError(f"grid for parameter {name!r} is a string ({value!r}); give numbers")
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"grid for parameter {name!r} is a boolean; give numbers")
    if isinstance(value, Mapping) or isinstance(value, set | frozenset):
        raise TypeError(
            f"grid for parameter {name!r} is a {type(value).__name__}; give a 1-D array or a number"
        )
    if hasattr(value, "to_numpy") and callable(value.to_numpy):  # pandas Series / Index
        value = value.to_numpy()
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"grid for parameter {name!r} could not be read as an array") from exc
    if arr.ndim > 1:
        raise ValueError(
            f"grid for parameter {name!r} has shape {arr.shape}; it must be 1-D (the sweep "
            "takes the Cartesian product of 1-D grids) or a scalar"
        )
    if arr.size == 0:
        raise ValueError(f"grid for parameter {name!r} is empty")
    if arr.dtype.kind == "b":
        raise TypeError(f"grid for parameter {name!r} is boolean; give numbers")
    if arr.dtype.kind in "iuf":
        out = arr.astype(float)
    elif arr.dtype.kind == "O":
        values = []
        for v in arr.ravel().tolist():
            if isinstance(v, str | bytes | bool | np.bool_) or not _is_real(v):
                raise TypeError(
                    f"grid for parameter {name!r} contains {v!r} of type {type(v).__name__}; "
                    "grid values must be real numbers"
                )
            values.append(float(v))
        out = np.array(values, dtype=float)
    else:
        raise TypeError(
            f"grid for parameter {name!r} has dtype {arr.dtype}; grid values must be real numbers"
        )
    out = np.atleast_1d(out)
    if not np.all(np.isfinite(out)):
        bad = out[~np.isfinite(out)][0]
        raise ValueError(f"grid for parameter {name!r} contains {bad}; values must be finite")
    return out


def _is_real(v: Any) -> bool:
    if isinstance(v, numbers.Real):
        return True
    try:
        import sympy

        return isinstance(v, sympy.Expr) and bool(v.is_number) and v.is_real is True
    except ImportError:  # pragma: no cover - sympy is a dependency
        return False


def _check_assumptions(symbol: Any, axis: np.ndarray) -> None:
    """Reject grid values outside the domain declared by the symbol's sympy assumptions."""
    checks = (
        ("positive", axis > 0),
        ("nonnegative", axis >= 0),
        ("negative", axis < 0),
        ("nonpositive", axis <= 0),
    )
    for assumption, ok in checks:
        if getattr(symbol, f"is_{assumption}") and not np.all(ok):
            bad = axis[~ok][0]
            raise ValueError(
                f"parameter {symbol.name!r} is declared {assumption} but its grid contains {bad}"
            )


def _check_options(chunk_size: Any, atol: Any, progress: Any) -> None:
    if (
        isinstance(chunk_size, bool)
        or not isinstance(chunk_size, numbers.Integral)
        or chunk_size < 1
    ):
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if (
        isinstance(atol, bool)
        or not isinstance(atol, numbers.Real)
        or not math.isfinite(atol)
        or atol < 0
    ):
        raise ValueError(f"atol must be a finite number >= 0, got {atol!r}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {progress!r}")


# --------------------------------------------------------------------------------------------
# Batched classification
# --------------------------------------------------------------------------------------------


def _batched_pure_mask(arrays: tuple[np.ndarray, ...], atol: float) -> np.ndarray:
    """Boolean ``(batch, a_1, ..., a_N)``: profile is a pure Nash equilibrium at that point.

    The maximum along player ``i``'s axis is taken with ``np.maximum`` over its actions (a loop
    over actions, not grid points), which is much faster than ``max(axis=...)`` on short axes.
    """
    nash = np.ones(arrays[0].shape, dtype=bool)
    for i, u in enumerate(arrays):
        axis = i + 1
        best = u.take(0, axis=axis)
        for a in range(1, u.shape[axis]):
            best = np.maximum(best, u.take(a, axis=axis))
        best = np.expand_dims(best, axis)
        nash &= u >= best - atol if atol else u == best
    return nash


def _mixed_2x2(
    A: np.ndarray, B: np.ndarray, atol: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Closed-form fully mixed equilibrium of a batch of 2x2 games.

    Returns ``(degenerate, has_mixed, p, q, u0, u1)``, each of shape ``(batch,)``; ``p`` is the
    row player's probability of row 0 and ``q`` the column player's probability of column 0.
    """
    A00, A01, A10, A11 = A[:, 0, 0], A[:, 0, 1], A[:, 1, 0], A[:, 1, 1]
    B00, B01, B10, B11 = B[:, 0, 0], B[:, 0, 1], B[:, 1, 0], B[:, 1, 1]
    degenerate = (
        (np.abs(A00 - A10) <= atol)
        | (np.abs(A01 - A11) <= atol)
        | (np.abs(B00 - B01) <= atol)
        | (np.abs(B10 - B11) <= atol)
    )
    den_q = A00 - A01 - A10 + A11
    den_p = B00 - B10 - B01 + B11
    ok = (den_q != 0) & (den_p != 0) & ~degenerate
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.where(ok, (A11 - A01) / np.where(ok, den_q, 1.0), np.nan)
        p = np.where(ok, (B11 - B10) / np.where(ok, den_p, 1.0), np.nan)
    has_mixed = ok & (p > 0) & (p < 1) & (q > 0) & (q < 1)
    u0 = q * A00 + (1 - q) * A01
    u1 = p * B00 + (1 - p) * B10
    return degenerate, has_mixed, p, q, u0, u1


def _classify_chunk(
    arrays: tuple[np.ndarray, ...], offset: int, shape: tuple[int, ...], atol: float
) -> dict[str, Any]:
    """Equilibria of one chunk of grid points (points ``offset, offset + 1, ...``), compactly.

    Returns ``pure_point`` and ``pure_profile`` (grid point and flat profile index of each pure
    equilibrium, sorted by point then profile), ``pure_u`` (``(N, n_pure)`` payoffs) and, for
    2x2 games, ``degenerate`` (per point), ``mixed_point`` and ``mixed`` (rows ``p, q, u_0,
    u_1`` of the fully mixed equilibria).
    """
    batch = arrays[0].shape[0]
    nash = _batched_pure_mask(arrays, atol).reshape(batch, -1)
    local, prof = np.nonzero(nash)  # row-major: sorted by point, then by profile
    out: dict[str, Any] = {
        "pure_point": local + offset,
        "pure_profile": prof,
        "pure_u": np.stack([u.reshape(batch, -1)[local, prof] for u in arrays]),
        "degenerate": None,
        "mixed_point": np.empty(0, dtype=np.intp),
        "mixed": np.empty((4, 0)),
    }
    if shape == (2, 2):
        degenerate, has_mixed, p, q, u0, u1 = _mixed_2x2(arrays[0], arrays[1], atol)
        m = np.flatnonzero(has_mixed)
        out["degenerate"] = degenerate
        out["mixed_point"] = m + offset
        out["mixed"] = np.stack([p[m], q[m], u0[m], u1[m]])
    return out


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def sweep(
    game: Game,
    grid: Mapping[str, Any] | None = None,
    /,
    *,
    progress: bool | None = None,
    chunk_size: int = 200_000,
    atol: float = 0.0,
    chunks: int | None = None,
    scheduler: Any = None,
    **grids: Any,
) -> pd.DataFrame:
    """Equilibria of a parametric game on every point of a parameter grid, vectorised.

    Parameters
    ----------
    game:
        A parametric :class:`~gametheory.Game` (payoffs are sympy expressions in its
        :attr:`~gametheory.Game.parameters`).
    progress:
        Show a tqdm progress bar over chunks: ``True``, ``False``, or ``None`` (the default) to
        show it when there are more than 10 chunks.
    chunk_size:
        Number of grid points evaluated at once (bounds memory: the payoff arrays of one chunk
        take ``8 * chunk_size * N * prod(game.shape)`` bytes).
    atol:
        Payoff differences of at most ``atol`` count as ties (best responses and 2x2
        degeneracy). The default ``0.0`` compares the float payoffs exactly.
    chunks:
        Run the sweep on Dask (``pip install 'gametheory[dask]'``), one task per ``chunks``
        grid points (``chunk_size`` is then not used). Each task evaluates and classifies its
        points exactly as the in-memory loop does, so the result is identical.
    scheduler:
        With ``chunks``: a Dask scheduler name (``"threads"``, ``"processes"``,
        ``"synchronous"``), or a ``distributed.Client`` to run on a (multi-machine) cluster.
        ``None`` uses Dask's default, which is the active ``distributed.Client`` if one exists.
    grid:
        The grids as one mapping (positional), e.g. for parameters whose names clash with the
        options above (``sweep(game, {"atol": [0, 1]})``); merged with ``**grids``.
    **grids:
        One entry per parameter name: a 1-D array of values (the sweep runs over the Cartesian
        product of the arrays, ``np.meshgrid(..., indexing="ij")`` in the order of
        ``game.parameters``) or a scalar (held fixed). Values must be finite real numbers and
        respect the sign assumptions of the symbols (``positive=True`` etc.).

    Returns
    -------
    pandas.DataFrame
        Tidy, one row per (grid point, equilibrium), ordered by point, pure equilibria (in
        profile order) before the mixed one. Columns: one per parameter; ``point`` (flat C-order
        index of the grid point); ``kind`` (``"pure"``/``"mixed"``); ``profile`` (action labels
        joined by commas, e.g. ``"C,D"``, for pure rows; missing for mixed); ``p_<i>_<action>``
        (probability that player ``i`` plays ``action``); ``u_<i>`` (expected payoff of player
        ``i``); ``degenerate`` (2x2 games: whether the point is degenerate; ``<NA>`` otherwise);
        ``n_equilibria`` (equilibria listed at that point). Only pure equilibria are listed for
        games that are not 2x2. Grid points without any listed equilibrium have no row;
        ``df.attrs["grid"]`` (parameter -> axis values) and ``df.attrs["shape"]`` keep the grid
        so that :func:`summarize` can report them.

    Notes
    -----
    See the module docstring for the formulas. Payoffs are evaluated with
    :meth:`Game.lambdify` on whole chunks of the flattened grid; ties are decided on the float
    values (see ``atol``).

    Examples
    --------
    >>> import sympy, gametheory as gt
    >>> s = sympy.Symbol("s", nonnegative=True)
    >>> pd_ = gt.Game([[3 + s, s], [5, 1]], [[3 + s, 5], [s, 1]],
    ...               actions=[["C", "D"], ["C", "D"]])
    >>> df = sweep(pd_, s=[0.0, 3.0])
    >>> df[["s", "profile"]].to_numpy().tolist()
    [[0.0, 'D,D'], [3.0, 'C,C']]
    """
    if not isinstance(game, Game):
        raise TypeError(f"sweep() needs a gametheory.Game, got {type(game).__name__}")
    params = game.parameters
    if not params:
        raise ValueError(
            "sweep() needs a parametric game (payoffs with free sympy symbols); this game has "
            "no parameters, solve it directly with gametheory.equilibria(game)"
        )
    _check_options(chunk_size, atol, progress)
    if chunks is not None and (
        isinstance(chunks, bool) or not isinstance(chunks, numbers.Integral) or chunks < 1
    ):
        raise ValueError(f"chunks must be a positive integer (points per task), got {chunks!r}")
    if grid is not None:
        if not isinstance(grid, Mapping):
            raise TypeError(f"grid must be a mapping of parameter names to values, got {grid!r}")
        both = sorted(set(grid) & set(grids))
        if both:
            raise ValueError(f"parameter(s) {both} given both in grid and as keywords")
        grids = {**grid, **grids}
    names = [p.name for p in params]
    unknown = sorted(set(grids) - set(names))
    if unknown:
        raise ValueError(f"unknown parameter(s) {unknown}; the game's parameters are {names}")
    missing = [name for name in names if name not in grids]
    if missing:
        raise ValueError(
            f"no grid for parameter(s) {missing}; give every parameter a 1-D array of values or "
            f"a scalar (the game's parameters are {names})"
        )
    outputs = set(_RESERVED) | {f"u_{i}" for i in range(game.n_players)}
    outputs |= {f"p_{i}_{a}" for i, acts in enumerate(game.actions) for a in acts}
    clash = sorted(set(names) & outputs)
    if clash:
        raise ValueError(f"parameter name(s) {clash} clash with the output column names")
    axes = {}
    for symbol in params:
        axis = _grid_axis(symbol.name, grids[symbol.name])
        _check_assumptions(symbol, axis)
        axes[symbol.name] = axis
    grid_shape = tuple(axis.size for axis in axes.values())
    total = math.prod(grid_shape)
    if chunks is not None:
        pieces = _dask_pieces(game, axes, chunks, float(atol), scheduler, progress)
        return _frame(game, axes, pieces)
    if scheduler is not None:
        raise ValueError("scheduler= is for Dask sweeps; give chunks= (grid points per task) too")
    n_chunks = -(-total // chunk_size)
    show = n_chunks > PROGRESS_THRESHOLD if progress is None else progress
    evaluate = game.lambdify()
    starts = range(0, total, chunk_size)
    if show:
        from tqdm.auto import tqdm

        starts = tqdm(starts, total=n_chunks, desc="sweep", unit="chunk")
    pieces = [
        _sweep_chunk(game, axes, start, min(start + chunk_size, total), float(atol), evaluate)
        for start in starts
    ]
    return _frame(game, axes, pieces)


def _sweep_chunk(
    game: Game,
    axes: dict[str, np.ndarray],
    start: int,
    stop: int,
    atol: float,
    evaluate: Any = None,
) -> dict[str, Any]:
    """Evaluate and classify grid points ``start .. stop - 1`` (flat C order of the grid).

    This is the unit of work of both the in-memory loop and the Dask tasks (which receive the
    picklable ``game`` and lambdify it themselves, once per worker process), so the two paths
    compute identical results.
    """
    if evaluate is None:
        evaluate = _lambdified(game)
    grid_shape = tuple(axis.size for axis in axes.values())
    idx = np.unravel_index(np.arange(start, stop), grid_shape)
    values = {name: axis[i] for (name, axis), i in zip(axes.items(), idx, strict=True)}
    with np.errstate(all="ignore"):
        arrays = evaluate(**values)
    arrays = tuple(np.ascontiguousarray(a) for a in arrays)
    for a in arrays:
        if not np.all(np.isfinite(a)):
            bad = ~np.isfinite(a.reshape(a.shape[0], -1))
            k = int(np.flatnonzero(bad.any(axis=1))[0])
            at = ", ".join(f"{name}={v[k]:g}" for name, v in values.items())
            raise ValueError(f"the payoffs are not finite (NaN or infinite) at {at}")
    return _classify_chunk(arrays, start, game.shape, atol)


@functools.lru_cache(maxsize=8)
def _lambdified(game: Game) -> Any:
    """``game.lambdify()``, cached per process (Dask workers evaluate many chunks of a game)."""
    return game.lambdify()


def _dask_pieces(
    game: Game,
    axes: dict[str, np.ndarray],
    chunks: Any,
    atol: float,
    scheduler: Any,
    progress: bool | None,
) -> list[dict[str, Any]]:
    """Run :func:`_sweep_chunk` as one Dask task per ``chunks`` grid points and gather them.

    ``scheduler`` is anything :func:`dask.compute` accepts (``"threads"``, ``"processes"``,
    ``"synchronous"``, ``None`` for Dask's default, which is the active ``distributed.Client``
    if there is one) or a ``distributed.Client``, whose futures are then gathered in order.
    """
    try:
        import dask
    except ImportError as error:
        from .equilibria import MissingDependencyError

        raise MissingDependencyError(
            "sweep(..., chunks=...) runs on Dask, which is not installed; install the extra "
            "with `pip install 'gametheory[dask]'` or leave out chunks= to sweep in memory"
        ) from error
    total = math.prod(axis.size for axis in axes.values())
    starts = range(0, total, int(chunks))
    task = dask.delayed(_sweep_chunk, pure=True)
    tasks = [task(game, axes, s, min(s + int(chunks), total), atol) for s in starts]
    show = len(tasks) > PROGRESS_THRESHOLD if progress is None else progress
    if hasattr(scheduler, "compute") and hasattr(scheduler, "gather"):  # distributed.Client
        futures = scheduler.compute(tasks)
        if show:
            from distributed import as_completed
            from tqdm.auto import tqdm

            for _ in tqdm(as_completed(futures), total=len(futures), desc="sweep", unit="task"):
                pass
        return list(scheduler.gather(futures))
    if show:
        with _TqdmCallback(len(tasks)):
            return list(dask.compute(*tasks, scheduler=scheduler))
    return list(dask.compute(*tasks, scheduler=scheduler))


class _TqdmCallback:
    """A Dask local-scheduler callback that advances a tqdm bar as tasks finish."""

    def __init__(self, total: int) -> None:
        from dask.callbacks import Callback
        from tqdm.auto import tqdm

        self._bar = tqdm(total=total, desc="sweep", unit="task")
        self._callback = Callback(posttask=self._posttask)

    def _posttask(self, key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
        if isinstance(result, dict) and "pure_point" in result:
            self._bar.update(1)

    def __enter__(self) -> _TqdmCallback:
        self._callback.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._callback.__exit__(*exc)
        self._bar.close()


def _frame(game: Game, axes: dict[str, np.ndarray], pieces: list[dict[str, Any]]) -> pd.DataFrame:
    """Assemble the tidy DataFrame from the chunks' results (no loop over rows).

    Rows are ordered by grid point, pure equilibria (in profile order) before the mixed one:
    a pure row ``r`` at point ``k`` goes to ``r + (mixed rows at points < k)`` and the mixed row
    of point ``k`` to ``(pure rows at points <= k) + (mixed rows at points < k)``. The float
    columns are written into one preallocated ``(n_float, rows)`` block that becomes the
    DataFrame's float block without a copy; the other columns are inserted beside it.
    """

    def join(key: str) -> np.ndarray:
        arrays = [piece[key] for piece in pieces]
        return arrays[0] if len(arrays) == 1 else np.concatenate(arrays, axis=-1)

    shape = game.shape
    grid_shape = tuple(axis.size for axis in axes.values())
    total = math.prod(grid_shape)
    pure_point, pure_profile, pure_u = join("pure_point"), join("pure_profile"), join("pure_u")
    mixed_point, mixed = join("mixed_point"), join("mixed")
    counts_pure = np.bincount(pure_point, minlength=total)
    counts_mixed = np.bincount(mixed_point, minlength=total)
    counts = counts_pure + counts_mixed
    mixed_before = np.cumsum(counts_mixed) - counts_mixed
    dest_pure = np.arange(pure_point.size) + mixed_before[pure_point]
    dest_mixed = np.cumsum(counts_pure)[mixed_point] + mixed_before[mixed_point]
    rows = pure_point.size + mixed_point.size
    point = np.repeat(np.arange(total, dtype=np.int64), counts)

    names = list(axes)
    prob_names = [f"p_{i}_{a}" for i, acts in enumerate(game.actions) for a in acts]
    payoff_names = [f"u_{i}" for i in range(game.n_players)]
    floats = np.empty((len(names) + len(prob_names) + len(payoff_names), rows))
    for j, (axis, i) in enumerate(
        zip(axes.values(), np.unravel_index(point, grid_shape), strict=True)
    ):
        np.take(axis, i, out=floats[j])
    j = len(names)
    actions = np.unravel_index(pure_profile, shape)
    for i, n in enumerate(shape):
        for a in range(n):
            floats[j, dest_pure] = actions[i] == a
            j += 1
    floats[j:, dest_pure] = pure_u
    if mixed_point.size:  # 2x2: columns p_0_*, p_1_*, u_0, u_1
        p, q, u0, u1 = mixed
        j = len(names)
        for k, v in enumerate((p, 1 - p, q, 1 - q, u0, u1)):
            floats[j + k, dest_mixed] = v
    kind = np.ones(rows, dtype=np.int8)
    kind[dest_pure] = 0
    profile = np.full(rows, -1, dtype=np.int64)
    profile[dest_pure] = pure_profile

    df = pd.DataFrame(floats.T, columns=[*names, *prob_names, *payoff_names], copy=False)
    labels = [",".join(game.actions[i][a] for i, a in enumerate(s)) for s in np.ndindex(shape)]
    at = len(names)
    df.insert(at, "point", point)
    df.insert(at + 1, "kind", pd.Categorical.from_codes(kind, ["pure", "mixed"]))
    df.insert(at + 2, "profile", pd.Categorical.from_codes(profile, labels))
    if pieces[0]["degenerate"] is not None:
        degenerate = pd.array(np.repeat(join("degenerate"), counts), dtype="boolean")
    else:
        degenerate = pd.array(np.zeros(rows, dtype=bool), dtype="boolean")
        degenerate[:] = pd.NA
    df["degenerate"] = degenerate
    df["n_equilibria"] = np.repeat(counts.astype(np.int64), counts)
    df.attrs["grid"] = {name: axis.tolist() for name, axis in axes.items()}
    df.attrs["shape"] = list(grid_shape)
    return df


def summarize(df: pd.DataFrame) -> pd.DataFrame:
    """One row per grid point of a :func:`sweep` result, for phase diagrams.

    Columns: the parameters, ``point``, ``n_pure``, ``n_mixed``, ``degenerate`` and
    ``structure``, a label listing the pure equilibria in profile order and ``mixed`` when a
    fully mixed equilibrium exists, e.g. ``"(D,D)"`` or ``"(C,C)+(D,D)+mixed"``; degenerate
    points get the suffix ``" [degenerate]"`` and points without any listed equilibrium the
    label ``"none"``. When ``df.attrs`` still holds the grid (as returned by :func:`sweep`),
    every grid point gets a row, including those without equilibria; otherwise only the points
    present in ``df``.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"summarize() needs the DataFrame returned by sweep(), got {type(df)}")
    needed = {"point", "kind", "profile", "degenerate"}
    if not needed <= set(df.columns):
        raise ValueError(
            f"summarize() needs a sweep() result with columns {sorted(needed)}; "
            f"missing {sorted(needed - set(df.columns))}"
        )
    grid = df.attrs.get("grid")
    point = df["point"].to_numpy(dtype=np.int64)
    if grid is not None:
        names = list(grid)
        grid_shape = tuple(df.attrs["shape"])
        points = np.arange(math.prod(grid_shape))
    else:
        names = [c for c in df.columns[: list(df.columns).index("point")]]
        points = np.unique(point)
    pos = np.searchsorted(points, point)
    n = points.size
    is_pure = (df["kind"] == "pure").to_numpy(dtype=bool)
    n_pure = np.bincount(pos[is_pure], minlength=n)
    n_mixed = np.bincount(pos[~is_pure], minlength=n)
    degen_col = df["degenerate"].astype("boolean")
    degenerate = pd.array([pd.NA] * n, dtype="boolean")
    known = ~degen_col.isna().to_numpy()
    if known.any():
        degenerate[pos[known]] = degen_col[known].to_numpy(dtype=bool)

    profile = df["profile"]
    if isinstance(profile.dtype, pd.CategoricalDtype):
        codes = profile.cat.codes.to_numpy(dtype=np.int64)
        categories = list(profile.cat.categories)
    else:
        codes, categories = _profile_codes(df, is_pure)
    structure = _structure_labels(
        codes[is_pure],
        pos[is_pure],
        categories,
        n_mixed > 0,
        degenerate.fillna(False).to_numpy(dtype=bool),
    )

    out: dict[str, Any] = {}
    if grid is not None:
        idx = np.unravel_index(points, grid_shape)
        for name, i in zip(names, idx, strict=True):
            out[name] = np.asarray(grid[name], dtype=float)[i]
    else:
        first_row = np.searchsorted(point, points) if np.all(np.diff(point) >= 0) else None
        for name in names:
            values = df[name].to_numpy()
            if first_row is None:
                firsts = pd.Series(values).groupby(point).first().to_numpy()
                out[name] = firsts
            else:
                out[name] = values[first_row]
    out["point"] = points
    out["n_pure"] = n_pure
    out["n_mixed"] = n_mixed
    out["degenerate"] = degenerate
    out["structure"] = structure
    return pd.DataFrame(out)


def _structure_labels(
    codes: np.ndarray,
    pos: np.ndarray,
    categories: list[str],
    mixed: np.ndarray,
    degenerate: np.ndarray,
) -> np.ndarray:
    """Structure label per point from its pure profiles (``codes`` at points ``pos``).

    Each point's structure is encoded as an integer key (a bitmask of its pure profiles, or a
    row of sorted profile codes when there are more than 61 profiles, plus the mixed and
    degenerate flags); labels are built once per distinct key, not once per point.
    """
    n = mixed.size
    flags = mixed.astype(np.int64) * 2 + degenerate.astype(np.int64)
    if len(categories) <= 61:
        mask = np.zeros(n, dtype=np.int64)
        np.bitwise_or.at(mask, pos, np.left_shift(np.int64(1), codes))
        keys, inverse = np.unique(mask * 4 + flags, return_inverse=True)
        sets = [[c for c in range(len(categories)) if (k >> 2) >> c & 1] for k in keys.tolist()]
        key_flags = [k & 3 for k in keys.tolist()]
    else:
        order = np.lexsort((codes, pos))
        codes, pos = codes[order], pos[order]
        width = int(np.bincount(pos, minlength=n).max()) if pos.size else 0
        table = np.full((n, width + 1), -1, dtype=np.int64)
        if pos.size:
            table[pos, np.arange(pos.size) - np.searchsorted(pos, pos)] = codes
        table[:, -1] = flags
        keys, inverse = np.unique(table, axis=0, return_inverse=True)
        sets = [[c for c in key[:-1] if c >= 0] for key in keys.tolist()]
        key_flags = [key[-1] for key in keys.tolist()]
    labels = []
    for members, flag in zip(sets, key_flags, strict=True):  # one per distinct structure
        parts = [f"({categories[c]})" for c in members]
        if flag & 2:
            parts.append("mixed")
        label = "+".join(parts) if parts else "none"
        labels.append(label + " [degenerate]" if flag & 1 else label)
    return np.asarray(labels, dtype=object)[np.ravel(inverse)]


def _profile_codes(df: pd.DataFrame, is_pure: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Flat profile indices and labels when ``profile`` is not categorical (e.g. read from CSV).

    The game's shape and action labels are read from the ``p_<i>_<action>`` columns, and each
    pure row's profile from the action with probability 1, so the profile order matches
    :func:`sweep`'s.
    """
    actions: list[list[str]] = []
    columns: list[list[str]] = []
    while True:
        prefix = f"p_{len(actions)}_"
        cols = [c for c in df.columns if isinstance(c, str) and c.startswith(prefix)]
        if not cols:
            break
        columns.append(cols)
        actions.append([c[len(prefix) :] for c in cols])
    if not actions:
        codes, uniques = pd.factorize(df["profile"], sort=True)
        return np.asarray(codes, dtype=np.int64), [str(u) for u in uniques]
    shape = tuple(len(a) for a in actions)
    chosen = [df[cols].to_numpy(dtype=float).argmax(axis=1) for cols in columns]
    codes = np.where(is_pure, np.ravel_multi_index(chosen, shape), -1).astype(np.int64)
    labels = [",".join(actions[i][a] for i, a in enumerate(s)) for s in np.ndindex(shape)]
    return codes, labels
