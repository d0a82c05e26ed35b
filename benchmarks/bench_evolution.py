"""Benchmark: evolutionary dynamics (``gametheory.evolution``) against nashpy and plain numpy.

Measures, side by side in one run (methods alternate repetition by repetition):

1. **Paths, per trajectory.** nashpy's ``replicator_dynamics(A, y0, t)`` (one population: a
   generalised rock-paper-scissors 3x3 game and a random 4x4 game) and
   ``asymmetric_replicator_dynamics(A, B, x0, y0, t)`` (random 2x2 and 3x3 bimatrix games),
   called in a Python loop over the initial states, against ``system.simulate(states, t)`` of
   ``gametheory.evolution.replicator(game)`` (``single=True`` for the one-population games) on
   the same initial states and time grid (1000 points on [0, 20]) for 1, 100 and 1000
   trajectories. Timed: nashpy's loop (its outputs kept in a list); our ``simulate`` call
   (validation, integration and the tidy DataFrame). Building the system is reported apart.
2. **Agreement.** Max |difference| of the full action shares (ours reconstructed from the
   reduced variables: the last share of each population is 1 - the others) between the two
   libraries over every trajectory and time point of the 100-trajectory batch, and each
   library's max error against a tight reference (scipy DOP853, rtol 1e-13, atol 1e-15, one
   trajectory at a time) on the first 10 trajectories.
3. **The speed limit.** A plain numpy fixed-step RK4 loop written here (vectorised over the
   trajectories, the multilinear payoff differences precomputed) on a three-population 2x2x2
   game (central government / local government / enterprise, numeric values) for 1000 initial
   states (``system.space.grid(10)``) x 1000 time points, with the fewest RK4 steps per output
   interval (1, 2, 4, 8) whose max error against the reference is <= 1e-6, against our
   ``simulate`` (default DOP853, and ``method="rk4"`` with the same steps).
4. **Symbolic.** ``replicator(game).stability_table()`` of the parametric tripartite game (11
   positive symbols) and of random exact 3x3 bimatrix games (integer payoffs -5..5); every
   repetition starts from a new system with sympy's cache cleared.

Targets: >= 10x nashpy per trajectory for batches (100, 1000); max |difference| <= 1e-6;
the 2x2x2 1000 x 1000 simulation < 1 s; the tripartite table < 5 s.

Usage: ``python benchmarks/bench_evolution.py [--quick] [--repeat 3]`` (about 2 minutes on
2 cores; ``--quick`` about 20 s).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from typing import Any

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # before numpy is imported: one BLAS thread

import numpy as np  # noqa: E402
from _common import fmt, machine, table  # noqa: E402

SEED = 20261207
T_END = 20.0
N_TIMES = 1000
TARGET_RATIO = 10.0
TARGET_DIFF = 1e-6
TARGET_SIM_S = 1.0
TARGET_TABLE_S = 5.0
#: Tolerances of the reference paths, per component (see ``reference``).
REF_RTOL, REF_ATOL = 1e-11, 1e-13
#: Looser tolerances of our simulate, for errors comparable to nashpy's (odeint defaults).
LOOSE_RTOL, LOOSE_ATOL = 1e-6, 1e-8


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


# ---- games ----------------------------------------------------------------------------------


def single_population_games() -> list[tuple[str, np.ndarray]]:
    """(name, A) of the one-population games (column payoffs are A^T)."""
    rps = np.array([[0.0, -1.0, 2.0], [2.0, 0.0, -1.0], [-1.0, 2.0, 0.0]])
    rng = np.random.default_rng([SEED, 1])
    return [("RPS 3x3 (win 2, lose 1)", rps), ("random 4x4", rng.uniform(-1, 1, (4, 4)))]


def bimatrix_games() -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(name, A, B) of the two-population games."""
    out = []
    for n in (2, 3):
        rng = np.random.default_rng([SEED, 2, n])
        out.append(
            (f"random {n}x{n} bimatrix", rng.uniform(-1, 1, (n, n)), rng.uniform(-1, 1, (n, n)))
        )
    return out


TRIPARTITE_NAMES = "C_c K_c F_c A_l F_l C_l L_l F_e S_e C_e R_e"

#: Numeric values of the tripartite parameters for the simulation (section 3).
TRIPARTITE_VALUES = {
    "C_c": 2.0,  # central supervision cost
    "K_c": 3.0,  # central reputation loss: no supervision and pollution
    "F_c": 1.5,  # central inspection fine on a polluting enterprise
    "A_l": 1.0,  # central reward to a strict local government
    "F_l": 2.5,  # central fine on a lax local government
    "C_l": 2.0,  # local enforcement cost
    "L_l": 1.0,  # local public loss: lax enforcement and pollution
    "F_e": 2.0,  # local fine on a polluting enterprise
    "S_e": 1.0,  # local green subsidy
    "C_e": 3.0,  # enterprise extra cost of green production
    "R_e": 0.5,  # enterprise market premium of green production
}


def tripartite_game() -> Any:
    """Central government (supervise / relax), local government (strict / lax) and enterprise
    (green / polluting), 11 positive symbols (see TRIPARTITE_VALUES for their meaning)."""
    import gametheory as gt

    Cc, Kc, Fc, Al, Fl, Cl, Ll, Fe, Se, Ce, Re = gt.parameters(TRIPARTITE_NAMES, positive=True)
    U = [np.empty((2, 2, 2), dtype=object) for _ in range(3)]
    for c, g, e in itertools.product(range(2), repeat=3):
        sup, strict, green = c == 0, g == 0, e == 0
        if sup:
            U[0][c, g, e] = -Cc + (-Al if strict else Fl) + (0 if green else Fc)
        else:
            U[0][c, g, e] = 0 if green else -Kc
        local = (-Cl + (-Se if green else Fe)) if strict else (0 if green else -Ll)
        U[1][c, g, e] = local + ((Al if strict else -Fl) if sup else 0)
        if green:
            U[2][c, g, e] = -Ce + Re + (Se if strict else 0)
        else:
            U[2][c, g, e] = -(Fe if strict else 0) - (Fc if sup else 0)
    return gt.Game.from_arrays(
        U,
        players=["central", "local", "enterprise"],
        actions=[["supervise", "relax"], ["strict", "lax"], ["green", "polluting"]],
    )


# ---- helpers --------------------------------------------------------------------------------


def initial_states(sizes: Sequence[int], n: int, seed: Sequence[int]) -> list[np.ndarray]:
    """``n`` random interior states: one (n, k) array of full shares per population."""
    rng = np.random.default_rng([SEED, *seed])
    return [rng.dirichlet(np.ones(k), n) for k in sizes]


def reduced(full: list[np.ndarray]) -> np.ndarray:
    """gametheory's variables: all shares but the last of each population, (n, dim)."""
    return np.hstack([f[:, :-1] for f in full])


def full_paths(df: Any, n: int) -> np.ndarray:
    """Full shares (n, T, sum k) from a ``simulate`` DataFrame (one scenario)."""
    parts = []
    for pop in df.attrs["populations"]:
        v = df[pop["variables"]].to_numpy().reshape(n, -1, len(pop["variables"]))
        parts += [v, 1.0 - v.sum(axis=-1, keepdims=True)]
    return np.concatenate(parts, axis=-1)


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds of this process, and the result of ``fn()``."""
    cpu = time.process_time()
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, time.process_time() - cpu, out


def reference(f: Callable[[np.ndarray], np.ndarray], y0: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Tight DOP853 paths ``(n, T, d)`` of the vectorised replicator ``f`` ((n, d) -> (n, d))
    from the states ``y0`` (n, d), all in one solve_ivp call: the tolerances are divided by
    sqrt(n d), so solve_ivp's RMS error norm bounds every component."""
    from scipy.integrate import solve_ivp

    n, d = y0.shape
    scale = np.sqrt(y0.size)
    sol = solve_ivp(
        lambda _t, y: f(y.reshape(n, d)).reshape(-1),
        (t[0], t[-1]),
        y0.reshape(-1),
        method="DOP853",
        t_eval=t,
        rtol=REF_RTOL / scale,
        atol=REF_ATOL / scale,
    )
    if not sol.success:
        raise RuntimeError(sol.message)
    return sol.y.reshape(n, d, len(t)).transpose(0, 2, 1)


def single_rhs(A: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """``x' = x (A x - x.A x)`` for states (n, k)."""

    def f(X: np.ndarray) -> np.ndarray:
        F = X @ A.T
        return X * (F - np.sum(X * F, axis=1, keepdims=True))

    return f


def bimatrix_rhs(A: np.ndarray, B: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """The two-population replicator for states (n, k1 + k2) (row shares, then column)."""
    k = A.shape[0]

    def f(Y: np.ndarray) -> np.ndarray:
        X, Z = Y[:, :k], Y[:, k:]
        F1, F2 = Z @ A.T, X @ B
        return np.hstack(
            [
                X * (F1 - np.sum(X * F1, axis=1, keepdims=True)),
                Z * (F2 - np.sum(Z * F2, axis=1, keepdims=True)),
            ]
        )

    return f


# ---- sections 1 and 2: nashpy vs simulate -----------------------------------------------------


class PathCase:
    """One game of sections 1-2: our system, nashpy's call per trajectory, the reference rhs."""

    def __init__(self, name: str, A: np.ndarray, B: np.ndarray | None, seed: Sequence[int]):
        self.name, self.A, self.B, self.seed = name, A, B, seed
        self.sizes = [A.shape[0]] if B is None else list(A.shape)
        self.rhs = single_rhs(A) if B is None else bimatrix_rhs(A, B)

    def build(self) -> Any:
        import gametheory as gt

        if self.B is None:
            return gt.evolution.replicator(gt.Game(self.A, self.A.T), single=True)
        return gt.evolution.replicator(gt.Game(self.A, self.B))

    def nashpy(self, full: list[np.ndarray], n: int, t: np.ndarray) -> list[np.ndarray]:
        """nashpy's paths (T, sum k) of the first ``n`` states, in a loop."""
        from nashpy.learning.replicator_dynamics import (
            asymmetric_replicator_dynamics,
            replicator_dynamics,
        )

        if self.B is None:
            return [replicator_dynamics(self.A, full[0][i], t) for i in range(n)]
        out = []
        for i in range(n):
            xs1, xs2 = asymmetric_replicator_dynamics(self.A, self.B, full[0][i], full[1][i], t)
            out.append(np.hstack([xs1, xs2]))
        return out


def path_cases() -> list[PathCase]:
    cases = [
        PathCase(name, A, None, (10, k)) for k, (name, A) in enumerate(single_population_games())
    ]
    cases += [PathCase(name, A, B, (20, k)) for k, (name, A, B) in enumerate(bimatrix_games())]
    return cases


def run_paths(batches: Sequence[int], repeat: int, quiet: bool) -> dict:
    t = np.linspace(0.0, T_END, N_TIMES)
    rows: list[list[str]] = []
    acc_rows: list[list[str]] = []
    ratios: dict[int, list[float]] = {n: [] for n in batches}
    diffs: list[float] = []
    errors: dict[str, list[float]] = {"nashpy": [], "gametheory": []}
    for case in path_cases():
        full = initial_states(case.sizes, max(batches), case.seed)
        states = reduced(full)
        ref = reference(case.rhs, np.hstack(full), t)  # (n_max, T, sum k), untimed
        case.build()  # warm-up (lazy imports)
        build_s, _, system = timed(case.build)
        system.simulate(states[:2], t)  # warm-up
        case.nashpy(full, 2, t)
        for n in batches:
            calls: list[Callable[[], Any]] = [
                lambda n=n, system=system, states=states: system.simulate(states[:n], t),
                lambda n=n, system=system, states=states: system.simulate(
                    states[:n], t, rtol=LOOSE_RTOL, atol=LOOSE_ATOL
                ),
                lambda n=n, case=case, full=full: case.nashpy(full, n, t),
            ]
            per: list[list[float]] = [[], [], []]
            out: list[Any] = [None, None, None]
            for rep in range(repeat + 2 if n == 1 else repeat):
                for who in (0, 1, 2)[rep % 3 :] + (0, 1, 2)[: rep % 3]:
                    s, _, out[who] = timed(calls[who])
                    per[who].append(s / n)
            ours, loose, theirs = full_paths(out[0], n), full_paths(out[1], n), np.stack(out[2])
            diff = float(np.max(np.abs(ours - theirs)))
            ratio = median([b / a for a, b in zip(per[0], per[2], strict=True)])
            ratio_loose = median([b / a for a, b in zip(per[1], per[2], strict=True)])
            ratios[n].append(ratio)
            diffs.append(diff)
            errors["nashpy"].append(float(np.max(np.abs(theirs - ref[:n]))))
            errors["gametheory"].append(float(np.max(np.abs(ours - ref[:n]))))
            acc_rows.append(
                [
                    case.name,
                    str(n),
                    f"{np.max(np.abs(theirs - ref[:n])):.1e}",
                    f"{np.max(np.abs(ours - ref[:n])):.1e}",
                    f"{np.max(np.abs(loose - ref[:n])):.1e}",
                ]
            )
            rows.append(
                [
                    case.name,
                    str(n),
                    fmt(median(per[2]) * 1e3),
                    fmt(median(per[0]) * 1e3),
                    f"**{fmt(ratio)}**" if n > 1 else fmt(ratio),
                    fmt(median(per[1]) * 1e3),
                    fmt(ratio_loose),
                    f"{diff:.1e}",
                    fmt(build_s * 1e3) if n == batches[0] else "",
                ]
            )
            if not quiet:
                print(f"  [paths] {case.name}, n = {n}: ratio {ratio:.3g}", file=sys.stderr)
    return {"rows": rows, "ratios": ratios, "diffs": diffs, "accuracy": acc_rows, "errors": errors}


# ---- section 3: the speed limit ---------------------------------------------------------------


def bilinear_coefficients(U: Sequence[np.ndarray]) -> list[tuple[float, float, float, float]]:
    """``D_i(u, v) = a + b u + c v + d u v`` of each player of a 2x2x2 game, where ``D_i`` is
    the payoff difference first minus second action and u, v the first-action shares of the
    other two players in order."""
    out = []
    for i in range(3):
        W = np.take(U[i], 0, axis=i) - np.take(U[i], 1, axis=i)  # (2, 2) over the others
        a = W[1, 1]
        out.append((a, W[0, 1] - a, W[1, 0] - a, W[0, 0] - W[0, 1] - W[1, 0] + a))
    return out


def three_population_rhs(coef: Any) -> Callable[[np.ndarray], np.ndarray]:
    """The 2x2x2 replicator on states laid out (3, n) or (n, 3) via ``axis``-0 unpacking."""
    (a1, b1, c1, d1), (a2, b2, c2, d2), (a3, b3, c3, d3) = coef

    def f(y: np.ndarray) -> np.ndarray:  # y: (3, n)
        x, yy, z = y
        out = np.empty_like(y)
        out[0] = x * (1.0 - x) * (a1 + b1 * yy + c1 * z + d1 * yy * z)
        out[1] = yy * (1.0 - yy) * (a2 + b2 * x + c2 * z + d2 * x * z)
        out[2] = z * (1.0 - z) * (a3 + b3 * x + c3 * yy + d3 * x * yy)
        return out

    return f


def numpy_rk4(coef: Any, y0: np.ndarray, t: np.ndarray, steps: int) -> np.ndarray:
    """Plain fixed-step RK4 of the 2x2x2 replicator, vectorised: y0 (n, 3) -> (n, T, 3)."""
    f = three_population_rhs(coef)
    y = np.ascontiguousarray(y0.T)  # (3, n)
    out = np.empty((len(t), *y.shape))
    out[0] = y
    for k in range(1, len(t)):
        h = (t[k] - t[k - 1]) / steps
        for _ in range(steps):
            k1 = f(y)
            k2 = f(y + 0.5 * h * k1)
            k3 = f(y + 0.5 * h * k2)
            k4 = f(y + h * k3)
            y = y + (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
        out[k] = y
    return out.transpose(2, 0, 1)


def tidy(paths: np.ndarray, t: np.ndarray, names: Sequence[str]) -> Any:
    """The same tidy DataFrame layout as ``simulate`` (scenario, run, t, variables)."""
    import pandas as pd

    n, T, _ = paths.shape
    data = {
        "scenario": pd.Categorical.from_codes(np.zeros(n * T, dtype=np.int8), ["base"]),
        "run": np.repeat(np.arange(n), T),
        "t": np.tile(t, n),
    }
    flat = paths.reshape(-1, paths.shape[-1])
    for k, name in enumerate(names):
        data[name] = flat[:, k]
    return pd.DataFrame(data)


def run_speed_limit(grid: int, repeat: int) -> dict:
    import gametheory as gt

    t = np.linspace(0.0, T_END, N_TIMES)
    game = tripartite_game()
    system = gt.evolution.replicator(game)
    coef = bilinear_coefficients(game.subs(**TRIPARTITE_VALUES).as_float())
    states = system.space.grid(grid)
    n = len(states)
    names = [v.name for v in system.variables]
    f = three_population_rhs(coef)
    ref = reference(lambda Y: f(Y.T).T, states, t)
    steps = err = None
    for steps in (1, 2, 4, 8):
        err = float(np.max(np.abs(numpy_rk4(coef, states, t, steps) - ref)))
        if err <= TARGET_DIFF:
            break
    system.simulate(states[:2], t, **TRIPARTITE_VALUES)  # warm-up
    system.simulate(states[:2], t, method="rk4", steps=steps, **TRIPARTITE_VALUES)
    methods: dict[str, Callable[[], Any]] = {
        "numpy": lambda: numpy_rk4(coef, states, t, steps),
        "numpy+df": lambda: tidy(numpy_rk4(coef, states, t, steps), t, names),
        "ours": lambda: system.simulate(states, t, **TRIPARTITE_VALUES),
        "ours_rk4": lambda: system.simulate(
            states, t, method="rk4", steps=steps, **TRIPARTITE_VALUES
        ),
    }
    times: dict[str, list[float]] = {k: [] for k in methods}
    cpu: dict[str, list[float]] = {k: [] for k in methods}
    results: dict[str, Any] = {}
    keys = list(methods)
    for rep in range(repeat):
        for key in keys[rep % len(keys) :] + keys[: rep % len(keys)]:
            s, c, results[key] = timed(methods[key])
            times[key].append(s)
            cpu[key].append(c)
    errs = {
        "numpy": err,
        "numpy+df": float(
            np.max(np.abs(results["numpy+df"][names].to_numpy().reshape(n, -1, 3) - ref))
        ),
        "ours": float(np.max(np.abs(results["ours"][names].to_numpy().reshape(n, -1, 3) - ref))),
        "ours_rk4": float(
            np.max(np.abs(results["ours_rk4"][names].to_numpy().reshape(n, -1, 3) - ref))
        ),
    }
    labels = {
        "numpy": f"plain numpy RK4, {steps} step(s) per interval (array out)",
        "numpy+df": "the same + the tidy DataFrame",
        "ours": "gametheory `simulate` (DOP853, rtol 1e-8)",
        "ours_rk4": f'gametheory `simulate(method="rk4", steps={steps})`',
    }
    base = median(times["numpy"])
    rows = [
        [
            labels[k],
            f"**{fmt(median(times[k]))}**" if k == "ours" else fmt(median(times[k])),
            fmt(median(times[k]) / n * 1e3),
            fmt(median(times[k]) / base),
            fmt(median(cpu[k])),
            f"{errs[k]:.1e}",
        ]
        for k in keys
    ]
    return {
        "rows": rows,
        "n": n,
        "ours_s": median(times["ours"]),
        "ours_cpu": median(cpu["ours"]),
        "steps": steps,
    }


# ---- section 4: symbolic ----------------------------------------------------------------------


def time_table(make_game: Callable[[], Any], repeat: int) -> tuple[list[float], list[float], Any]:
    """Wall and CPU seconds of ``replicator(game).stability_table()``, sympy's cache cleared
    before each call."""
    from sympy.core.cache import clear_cache

    import gametheory as gt

    walls, cpus, tbl = [], [], None
    for _ in range(repeat):
        game = make_game()
        clear_cache()
        s, c, tbl = timed(lambda game=game: gt.evolution.replicator(game).stability_table())
        walls.append(s)
        cpus.append(c)
    return walls, cpus, tbl


def run_symbolic(repeat: int, n_random: int) -> tuple[list[list[str]], dict]:
    import gametheory as gt

    rows = []
    seconds, cpus, tbl = time_table(tripartite_game, repeat)
    classes = tbl["classification"].fillna("None (parametric)").value_counts().to_dict()
    rows.append(
        [
            "tripartite 2x2x2, 11 positive symbols",
            "3",
            str(len(tbl)),
            str(tbl.attrs["complete"]),
            fmt(seconds[0]),
            f"**{fmt(median(seconds))}** ({len(seconds)})",
            fmt(median(cpus)),
            ", ".join(f"{k}: {v}" for k, v in classes.items()),
        ]
    )
    tripartite = (median(seconds), median(cpus))
    per_game, per_cpu, failures, counts = [], [], [], []
    for k in range(n_random):
        rng = np.random.default_rng([SEED, 4, k])
        A, B = rng.integers(-5, 6, (3, 3)), rng.integers(-5, 6, (3, 3))
        try:
            s, c, t3 = time_table(lambda A=A, B=B: gt.Game(A, B), 1)
        except Exception as error:  # reported in the table, not hidden
            failures.append(f"index {k}: {type(error).__name__}")
            continue
        per_game.append(s[0])
        per_cpu.append(c[0])
        counts.append(len(t3))
    if per_game:
        rows.append(
            [
                f"random exact 3x3 bimatrix (ints -5..5), {n_random} games",
                "4",
                f"median {median(counts):g}",
                "",
                f"max {fmt(max(per_game))}",
                f"**{fmt(median(per_game))}** ({len(per_game)} games)",
                fmt(median(per_cpu)),
                f"raised: {len(failures)}/{n_random}"
                + (f" ({'; '.join(failures)})" if failures else ""),
            ]
        )
    return rows, {"tripartite": tripartite, "failures": failures}


# ---- main -------------------------------------------------------------------------------------


def environment() -> str:
    import nashpy
    import pandas
    import scipy
    import sympy

    import gametheory

    return (
        f"{machine()}; numpy {np.__version__}; scipy {scipy.__version__}; "
        f"sympy {sympy.__version__}; pandas {pandas.__version__}; nashpy {nashpy.__version__}; "
        f"gametheory {gametheory.__version__}; BLAS threads {os.environ['OPENBLAS_NUM_THREADS']}"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run (< 30 s)")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions (default 3, quick 2)")
    parser.add_argument("--no-progress", action="store_true", help="no progress lines on stderr")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    warnings.simplefilter("ignore", RuntimeWarning)
    repeat = args.repeat or (2 if args.quick else 3)
    batches = (1, 100) if args.quick else (1, 100, 1000)
    grid = 5 if args.quick else 10
    n_random = 3 if args.quick else 10
    table_repeat = 1 if args.quick else repeat

    print(f"Environment: {environment()}\n")
    print("Command: python " + " ".join([sys.argv[0], *(argv or sys.argv[1:])]) + "\n")

    paths = run_paths(batches, repeat, args.no_progress)
    print(
        f"### 1-2. Replicator paths, {N_TIMES} time points on [0, {T_END:g}]: nashpy (loop over "
        "trajectories) vs `system.simulate` (one call)\n"
    )
    print(
        f"Median per-trajectory milliseconds ({repeat} repetitions, {repeat + 2} for one "
        "trajectory, the three calls rotating); ratio = median over repetitions of nashpy / "
        "gametheory (> 1: gametheory faster); default = `simulate(states, t)` (DOP853, rtol "
        f"1e-8, atol 1e-10); loose = `simulate(..., rtol={LOOSE_RTOL:g}, atol={LOOSE_ATOL:g})`; "
        "max abs diff = max over trajectories, times and full action shares of |nashpy - "
        "gametheory default|; setup = `replicator(game)`, once:\n"
    )
    print(
        table(
            [
                "game",
                "trajectories",
                "nashpy (ms/traj)",
                "gametheory (ms/traj)",
                "ratio",
                "loose (ms/traj)",
                "ratio loose",
                "max abs diff",
                "setup (ms)",
            ],
            paths["rows"],
        )
    )
    print(
        f"\nMax abs error of the full shares against a reference (scipy DOP853 on all the "
        f"trajectories at once, rtol {REF_RTOL:g} and atol {REF_ATOL:g} per component), over "
        "every trajectory and time point of the batch:\n"
    )
    print(
        table(
            ["game", "batch", "nashpy", "gametheory default", "gametheory loose"],
            paths["accuracy"],
        )
    )

    limit = run_speed_limit(grid, repeat)
    print(
        f"\n### 3. Speed limit: tripartite 2x2x2 game, {limit['n']} initial states "
        f"(`space.grid({grid})`) x {N_TIMES} time points\n"
    )
    print(
        f"Median wall seconds of {repeat} repetitions (methods rotating), and CPU seconds; "
        "error = max |path - reference| over every trajectory and time point; steps = the "
        f"fewest RK4 steps per output interval (of 1, 2, 4, 8) with error <= {TARGET_DIFF:g}:\n"
    )
    print(
        table(
            ["method", "seconds", "ms / trajectory", "x numpy RK4", "CPU seconds", "max error"],
            limit["rows"],
        )
    )

    rows, sym = run_symbolic(table_repeat, n_random)
    print("\n### 4. Symbolic stability tables: `replicator(game).stability_table()`\n")
    print(
        "Wall seconds (sympy's cache cleared before each call; `first` is the first call of "
        "the run, `max` the slowest game) and CPU seconds of this process (single-threaded; "
        "less disturbed than wall time by other jobs on the machine):\n"
    )
    print(
        table(
            [
                "system",
                "dim",
                "rest points",
                "complete",
                "first / max (s)",
                "median (s)",
                "median CPU (s)",
                "classes",
            ],
            rows,
        )
    )

    checks = [
        (
            f">= {TARGET_RATIO:g}x nashpy per trajectory, batches of {n}",
            min(rs) >= TARGET_RATIO,
            f"min ratio {fmt(min(rs))}, max {fmt(max(rs))}",
        )
        for n, rs in paths["ratios"].items()
        if n > 1
    ]
    checks += [
        (
            f"max abs diff nashpy vs gametheory <= {TARGET_DIFF:g}",
            max(paths["diffs"]) <= TARGET_DIFF,
            f"max {max(paths['diffs']):.1e}; against the reference: nashpy "
            f"{max(paths['errors']['nashpy']):.1e}, gametheory "
            f"{max(paths['errors']['gametheory']):.1e}",
        ),
        (
            f"2x2x2, {limit['n']} x {N_TIMES} simulate < {TARGET_SIM_S:g} s",
            limit["ours_s"] < TARGET_SIM_S,
            f"{fmt(limit['ours_s'])} s (CPU {fmt(limit['ours_cpu'])} s)",
        ),
        (
            f"tripartite stability table < {TARGET_TABLE_S:g} s",
            sym["tripartite"][0] < TARGET_TABLE_S,
            f"{fmt(sym['tripartite'][0])} s (CPU {fmt(sym['tripartite'][1])} s)",
        ),
    ]
    print("\nTargets:\n")
    print(
        table(
            ["target", "met", "measured"],
            [[a, "yes" if b else "**no**", c] for a, b, c in checks],
        )
    )
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    print(
        f"\nTotal wall time {time.perf_counter() - started:.0f} s; load average at the end {load}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
