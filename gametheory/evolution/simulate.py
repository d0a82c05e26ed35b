"""Evolution paths: many initial states and parameter scenarios integrated at once.

:func:`simulate` stacks every (scenario, initial state) pair into one system of ordinary
differential equations and integrates it with :func:`scipy.integrate.solve_ivp` (default
``"DOP853"``, the explicit Runge–Kutta method of order 8 of Hairer, Nørsett & Wanner 1993,
*Solving Ordinary Differential Equations I*, §II.10) or with a fixed-step ``"rk4"`` /
``"euler"`` scheme. The right-hand side is evaluated for all trajectories in one vectorised
call (:class:`~gametheory.evolution.system.NumericSystem`), so a thousand paths cost little
more than one.

Accuracy. ``solve_ivp`` controls the root-mean-square of the scaled local error over all
components; with ``n`` stacked components one trajectory's error could hide behind the others,
so the tolerances passed to it are divided by ``sqrt(n)``: the RMS bound then implies the same
bound on every component, i.e. each path is integrated to ``rtol``/``atol`` as if alone. The
computation is deterministic (no randomness, fixed chunking).

Output. A tidy :class:`pandas.DataFrame`, one row per (scenario, run, time) with the columns
``scenario``, ``run`` (index of the initial state), ``t`` and one column per state variable;
``df.attrs`` keeps the variables, populations, scenarios and initial states for plotting.
"""

from __future__ import annotations

import math
import numbers
import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["MAX_OUTPUT_BYTES", "simulate"]

#: Largest result (bytes of float64 values) simulate() builds; beyond it a ValueError says how
#: to split the work instead of letting a MemoryError reach the user.
MAX_OUTPUT_BYTES = 4 * 2**30

#: Number of chunks above which ``progress=None`` shows a progress bar.
PROGRESS_THRESHOLD = 4

_FIXED = ("rk4", "euler")
_IVP = ("RK45", "RK23", "DOP853", "Radau", "BDF", "LSODA")


def simulate(
    system: Any,
    initial_states: Any,
    t: Any,
    *,
    scenarios: Any = None,
    method: str | None = None,
    rtol: float = 1e-8,
    atol: float = 1e-10,
    steps: int = 10,
    chunk_size: int = 4096,
    chunks: int | None = None,
    scheduler: Any = None,
    progress: bool | None = None,
    timeout: float | None = None,
    **params: Any,
) -> pd.DataFrame:
    """Integrate ``system`` from every initial state, for every parameter scenario.

    Parameters
    ----------
    system:
        An :class:`~gametheory.evolution.system.EvolutionarySystem`.
    initial_states:
        The starting states: an array ``(n, dim)`` of variable values, a sequence of states (each
        one mixed strategy per population, or one share per two-action population), one state,
        or an integer ``m`` for the interior grid ``system.space.grid(m)``.
    t:
        Increasing time points (at least two); the first is the starting time, e.g.
        ``numpy.linspace(0, 20, 201)``.
    scenarios:
        Parameter scenarios: a mapping name -> {parameter: value}, a list of such mappings
        (named 0, 1, ...), or a DataFrame with one row per scenario (its index names them).
        ``**params`` are shared by every scenario (a scenario's own values win).
    method:
        ``"DOP853"`` (default), another :func:`scipy.integrate.solve_ivp` method, or the
        fixed-step ``"rk4"``/``"euler"`` with ``steps`` sub-steps per output interval (the
        default for the best-response dynamics, whose right-hand side jumps).
    rtol, atol:
        Tolerances of the adaptive methods, per trajectory (see the module notes).
    chunk_size:
        Trajectories integrated together (bounds memory; results do not depend on it beyond the
        tolerance).
    chunks:
        Run on Dask (``pip install 'gametheory[dask]'``) with this many trajectories per task;
        each task runs the same function as the in-memory loop with ``chunk_size=chunks``.
    scheduler:
        With ``chunks``: a Dask scheduler name or a ``distributed.Client``.
    progress:
        Show a tqdm bar over chunks (``None``: when there are more than four).
    timeout:
        Seconds; ``TimeoutError`` when exceeded (checked during the integration).

    Returns
    -------
    pandas.DataFrame
        Columns ``scenario``, ``run``, ``t`` and one per state variable.
    """
    from .system import EvolutionarySystem

    if not isinstance(system, EvolutionarySystem):
        raise TypeError(f"expected an EvolutionarySystem, got {type(system).__name__}")
    times = _time_grid(t)
    states = _initial(system, initial_states)
    names, table = _scenarios(scenarios, params)
    if method is None:
        method = "euler" if not system.rule.differentiable else "DOP853"
    if method not in _FIXED + _IVP:
        raise ValueError(f"unknown method {method!r}; choose one of {list(_FIXED + _IVP)}")
    for name, value in (("rtol", rtol), ("atol", atol)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
            raise ValueError(f"{name} must be a positive number, got {value!r}")
    for name, value in (("steps", steps), ("chunk_size", chunk_size)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if chunks is not None and (
        isinstance(chunks, bool) or not isinstance(chunks, numbers.Integral) or chunks < 1
    ):
        raise ValueError(
            f"chunks must be a positive integer (trajectories per task), got {chunks!r}"
        )
    if scheduler is not None and chunks is None:
        raise ValueError("scheduler= is for Dask runs; give chunks= (trajectories per task) too")
    if timeout is not None and (isinstance(timeout, bool) or not timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout!r}")
    numeric = system.numeric(table)  # validates the scenarios (unbound or unknown parameters)
    n_runs = len(names) * len(states)
    size = n_runs * len(times) * (system.dim + 3) * 8
    if size > MAX_OUTPUT_BYTES:
        raise ValueError(
            f"the result would hold {n_runs} paths x {len(times)} time points "
            f"({size / 2**30:.1f} GiB); use fewer time points or initial states, or run the "
            "scenarios in several calls"
        )
    deadline = None if timeout is None else time.monotonic() + float(timeout)
    options = {
        "method": method,
        "rtol": float(rtol),
        "atol": float(atol),
        "steps": int(steps),
    }
    pairs = [(s, r) for s in range(len(names)) for r in range(len(states))]
    per = int(chunks) if chunks is not None else int(chunk_size)
    blocks = [pairs[k : k + per] for k in range(0, len(pairs), per)]
    show = len(blocks) > PROGRESS_THRESHOLD if progress is None else bool(progress)
    if chunks is not None:
        paths = _dask_paths(system, table, states, times, blocks, options, scheduler, show)
    else:
        iterator: Any = blocks
        if show:
            from tqdm.auto import tqdm

            iterator = tqdm(blocks, desc="simulate", unit="chunk")
        paths = [
            _integrate_block(numeric, states, times, block, options, deadline) for block in iterator
        ]
    return _frame(system, names, table, states, times, pairs, np.concatenate(paths, axis=0))


# ---- inputs ---------------------------------------------------------------------------------


def _time_grid(t: Any) -> np.ndarray:
    if isinstance(t, numbers.Real) and not isinstance(t, bool):
        raise ValueError(
            f"t must be the time points, not a single number ({t}); e.g. "
            f"numpy.linspace(0, {t}, 201)"
        )
    try:
        times = np.asarray(t, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"t must be a 1-D array of time points, got {t!r}") from None
    if times.ndim != 1 or times.size < 2:
        raise ValueError(
            f"t must be a 1-D array of at least two time points, got shape {times.shape}"
            + ("; the time grid is empty" if times.size == 0 else "")
        )
    if not np.all(np.isfinite(times)):
        raise ValueError("t contains NaN or infinite time points")
    if not np.all(np.diff(times) > 0):
        raise ValueError("t must be strictly increasing")
    return times


def _initial(system: Any, initial_states: Any) -> np.ndarray:
    if isinstance(initial_states, numbers.Integral) and not isinstance(initial_states, bool):
        return system.space.grid(int(initial_states))
    return system.space.check_states(initial_states)


def _scenarios(scenarios: Any, params: Mapping[str, Any]) -> tuple[list[Any], list[dict]]:
    if scenarios is None:
        return ["base"], [dict(params)]
    if isinstance(scenarios, pd.DataFrame):
        names = list(scenarios.index)
        rows = [dict(row) for _, row in scenarios.iterrows()]
    elif isinstance(scenarios, Mapping):
        names = list(scenarios)
        rows = []
        for name in names:
            value = scenarios[name]
            if not isinstance(value, Mapping):
                raise TypeError(
                    f"scenario {name!r} must be a mapping of parameter names to values, got "
                    f"{value!r}"
                )
            rows.append(dict(value))
    elif isinstance(scenarios, Sequence) and not isinstance(scenarios, str):
        names = list(range(len(scenarios)))
        rows = []
        for k, value in enumerate(scenarios):
            if not isinstance(value, Mapping):
                raise TypeError(f"scenario {k} must be a mapping, got {value!r}")
            rows.append(dict(value))
    else:
        raise TypeError(
            "scenarios must be a mapping name -> parameters, a list of mappings or a DataFrame"
        )
    if not rows:
        raise ValueError("no scenarios were given")
    return names, [{**params, **row} for row in rows]


# ---- integration ----------------------------------------------------------------------------


def _integrate_block(
    numeric: Any,
    states: np.ndarray,
    times: np.ndarray,
    block: Sequence[tuple[int, int]],
    options: Mapping[str, Any],
    deadline: float | None,
) -> np.ndarray:
    """Paths ``(len(block), len(times), dim)`` of the (scenario, state) pairs in ``block``."""
    dim = states.shape[1]
    scen = np.array([s for s, _ in block])
    y0 = states[[r for _, r in block]]
    # evaluate every pair under its own scenario: index the payoff arrays by pair
    sub = _Subset(numeric, scen)
    n = len(block)

    # one scenario for the whole block: integrate in component-major order, y = X.ravel()
    # with X of shape (dim, n), so that the right-hand side works on contiguous rows
    columns = sub.numeric.columns if sub.shared else None

    def rhs(_t: float, y: np.ndarray) -> np.ndarray:
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError("simulate: the time limit expired; raise timeout= or simulate less")
        if columns is not None:
            return columns(y.reshape(dim, n)).reshape(-1)
        return sub(y.reshape(n, 1, dim)).reshape(-1)

    if columns is not None:
        y_start = np.ascontiguousarray(y0.T).reshape(-1)

        def unpack(flat: np.ndarray) -> np.ndarray:  # (dim * n, T) -> (n, T, dim)
            return flat.reshape(dim, n, -1).transpose(1, 2, 0)
    else:
        y_start = y0.reshape(-1)

        def unpack(flat: np.ndarray) -> np.ndarray:  # (n * dim, T) -> (n, T, dim)
            return flat.reshape(n, dim, -1).transpose(0, 2, 1)

    method = options["method"]
    if method in _FIXED:
        return unpack(_fixed_step(rhs, y_start, times, options["steps"], method).T)
    from scipy.integrate import solve_ivp

    scale = math.sqrt(y0.size)
    sol = solve_ivp(
        rhs,
        (times[0], times[-1]),
        y_start,
        method=method,
        t_eval=times,
        rtol=options["rtol"] / scale if method != "LSODA" else options["rtol"],
        atol=options["atol"] / scale,
    )
    if not sol.success:
        raise RuntimeError(f"the integration failed: {sol.message}")
    return unpack(sol.y)


class _Subset:
    """The numeric system with one scenario per trajectory (one shared batch when every
    trajectory of the block has the same scenario)."""

    def __init__(self, numeric: Any, scenarios: np.ndarray) -> None:
        self.shared = bool(np.all(scenarios == scenarios[0]))
        self.numeric = numeric.restricted(scenarios[:1] if self.shared else scenarios)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if self.shared:
            n, _, dim = x.shape
            return self.numeric(x.reshape(1, n, dim)).reshape(n, 1, dim)
        return self.numeric(x)


def _fixed_step(rhs: Any, y0: np.ndarray, times: np.ndarray, steps: int, method: str) -> np.ndarray:
    out = np.empty((len(times), y0.size))
    out[0] = y0
    y = y0.copy()
    for k in range(1, len(times)):
        h = (times[k] - times[k - 1]) / steps
        t = times[k - 1]
        for _ in range(steps):
            if method == "euler":
                y = y + h * rhs(t, y)
            else:
                k1 = rhs(t, y)
                k2 = rhs(t + h / 2, y + h / 2 * k1)
                k3 = rhs(t + h / 2, y + h / 2 * k2)
                k4 = rhs(t + h, y + h * k3)
                y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
            t += h
        out[k] = y
    return out


def _dask_paths(
    system: Any,
    table: list[dict],
    states: np.ndarray,
    times: np.ndarray,
    blocks: list[list[tuple[int, int]]],
    options: Mapping[str, Any],
    scheduler: Any,
    show: bool,
) -> list[np.ndarray]:
    try:
        import dask
    except ImportError as error:
        from ..equilibria import MissingDependencyError

        raise MissingDependencyError(
            "simulate(..., chunks=...) runs on Dask, which is not installed; install the extra "
            "with `pip install 'gametheory[dask]'` or leave out chunks="
        ) from error
    task = dask.delayed(_dask_block, pure=True)
    tasks = [task(system, table, states, times, block, dict(options)) for block in blocks]
    if hasattr(scheduler, "compute") and hasattr(scheduler, "gather"):  # distributed.Client
        return list(scheduler.gather(scheduler.compute(tasks)))
    if show:
        from dask.diagnostics import ProgressBar

        with ProgressBar():
            return list(dask.compute(*tasks, scheduler=scheduler))
    return list(dask.compute(*tasks, scheduler=scheduler))


def _dask_block(
    system: Any,
    table: list[dict],
    states: np.ndarray,
    times: np.ndarray,
    block: list[tuple[int, int]],
    options: dict,
) -> np.ndarray:
    return _integrate_block(system.numeric(table), states, times, block, options, None)


def _categories(names: list[Any]) -> list[Any]:
    if len(set(map(str, names))) != len(names):
        raise ValueError(f"scenario names must be distinct, got {names}")
    return names


def _frame(
    system: Any,
    names: list[Any],
    table: list[dict],
    states: np.ndarray,
    times: np.ndarray,
    pairs: list[tuple[int, int]],
    paths: np.ndarray,
) -> pd.DataFrame:
    n_t = len(times)
    np.clip(paths, 0.0, 1.0, out=paths)
    data: dict[str, Any] = {
        "scenario": pd.Categorical.from_codes(
            np.repeat(np.array([s for s, _ in pairs]), n_t), categories=_categories(names)
        ),
        "run": np.repeat(np.array([r for _, r in pairs]), n_t),
        "t": np.tile(times, len(pairs)),
    }
    flat = paths.reshape(-1, system.dim)
    for k, v in enumerate(system.variables):
        data[v.name] = flat[:, k]
    df = pd.DataFrame(data)
    df.attrs["variables"] = [v.name for v in system.variables]
    df.attrs["populations"] = [
        {"name": p.name, "actions": list(p.actions), "variables": [v.name for v in p.variables]}
        for p in system.populations
    ]
    df.attrs["scenarios"] = {str(n): dict(row) for n, row in zip(names, table, strict=True)}
    df.attrs["initial_states"] = states.tolist()
    df.attrs["rule"] = system.rule.name
    return df
