"""Benchmark: a 1000 x 1000 parameter sweep of a parametric 2x2 game (issue 3).

Game (PEERS.md §4): symmetric 2x2 with row payoffs R = 3, S = -x, T = 5 - y, P = 1 (column =
transpose); x on linspace(-3, 1, N), y on linspace(0, 4, N). Measures, in one run:

* ``gametheory.sweep`` on the whole N x N grid (pure and mixed equilibria, degenerate flags,
  tidy DataFrame) and ``gametheory.summarize`` of the result: wall time (median of --repeat runs)
  and the peak resident memory of a fresh child process that runs one sweep;
* nashpy ``support_enumeration`` in a Python loop over a random sample of the same grid points
  (building ``nashpy.Game`` per point): time per point;
* the ratio (nashpy seconds per point) / (sweep seconds per point).

Targets (issue 3): 10^6 points in under 2 s on 2 cores, at least 1000x the nashpy loop per
point, peak memory under 2 GiB.

Usage: ``python benchmarks/bench_sweep.py [--n 1000] [--sample 1000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
import warnings

import numpy as np

CHILD = """
import json, resource, sys, time
import numpy as np
import gametheory as gt
n = int(sys.argv[1])
x, y = gt.parameters("x y")
game = gt.Game([[3, -x], [5 - y, 1]], [[3, 5 - y], [-x, 1]], actions=[["C", "D"]] * 2)
start = time.perf_counter()
df = gt.sweep(game, x=np.linspace(-3, 1, n), y=np.linspace(0, 4, n), progress=False)
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "rows": len(df), "peak_mib": peak_kib / 1024}))
"""


def plain_numpy(xs: np.ndarray, ys: np.ndarray):
    """The same rows as ``gametheory.sweep`` for this game, written directly in numpy/pandas.

    The baseline of issue 13 item 6: the payoff formulas typed in by hand (no lambdify, no
    chunking, no input checks), pure equilibria by comparing with the best reply, the fully
    mixed equilibrium of a 2x2 game by its closed form, rows ordered by a stable ``lexsort``
    and the DataFrame built from a dict of columns.
    """
    import pandas as pd

    X, Y = (g.ravel() for g in np.meshgrid(xs, ys, indexing="ij"))
    n = X.size
    A = np.empty((n, 2, 2))
    A[:, 0, 0], A[:, 0, 1], A[:, 1, 0], A[:, 1, 1] = 3.0, -X, 5.0 - Y, 1.0
    B = A.transpose(0, 2, 1)
    nash = (A == A.max(axis=1, keepdims=True)) & (B == B.max(axis=2, keepdims=True))
    point, profile = np.nonzero(nash.reshape(n, 4))
    row, col = np.divmod(profile, 2)
    a00, a01, a10, a11 = A[:, 0, 0], A[:, 0, 1], A[:, 1, 0], A[:, 1, 1]
    b00, b01, b10, b11 = B[:, 0, 0], B[:, 0, 1], B[:, 1, 0], B[:, 1, 1]
    degenerate = (a00 == a10) | (a01 == a11) | (b00 == b01) | (b10 == b11)
    den_q, den_p = a00 - a01 - a10 + a11, b00 - b10 - b01 + b11
    ok = (den_q != 0) & (den_p != 0) & ~degenerate
    with np.errstate(divide="ignore", invalid="ignore"):
        q = (a11 - a01) / den_q
        p = (b11 - b10) / den_p
    m = np.flatnonzero(ok & (p > 0) & (p < 1) & (q > 0) & (q < 1))
    p, q = p[m], q[m]
    k = point.size
    kind = np.concatenate([np.zeros(k, np.int8), np.ones(m.size, np.int8)])
    pts = np.concatenate([point, m])
    order = np.lexsort((kind, pts))
    pts = pts[order]
    counts = np.bincount(pts, minlength=n)
    columns = {
        "x": X[pts],
        "y": Y[pts],
        "point": pts.astype(np.int64),
        "kind": pd.Categorical.from_codes(kind[order], ["pure", "mixed"]),
        "profile": pd.Categorical.from_codes(
            np.concatenate([profile, np.full(m.size, -1)])[order], ["C,C", "C,D", "D,C", "D,D"]
        ),
        "p_0_C": np.concatenate([(row == 0) * 1.0, p])[order],
        "p_0_D": np.concatenate([(row == 1) * 1.0, 1 - p])[order],
        "p_1_C": np.concatenate([(col == 0) * 1.0, q])[order],
        "p_1_D": np.concatenate([(col == 1) * 1.0, 1 - q])[order],
        "u_0": np.concatenate([A[point, row, col], q * a00[m] + (1 - q) * a01[m]])[order],
        "u_1": np.concatenate([B[point, row, col], p * b00[m] + (1 - p) * b10[m]])[order],
        "degenerate": pd.array(degenerate[pts], dtype="boolean"),
        "n_equilibria": counts[pts].astype(np.int64),
    }
    return pd.DataFrame(columns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="grid points per axis")
    parser.add_argument("--sample", type=int, default=1000, help="points for the nashpy loop")
    parser.add_argument("--repeat", type=int, default=3, help="in-process sweep repetitions")
    args = parser.parse_args()

    import nashpy

    import gametheory as gt

    x, y = gt.parameters("x y")
    game = gt.Game([[3, -x], [5 - y, 1]], [[3, 5 - y], [-x, 1]], actions=[["C", "D"]] * 2)
    xs = np.linspace(-3, 1, args.n)
    ys = np.linspace(0, 4, args.n)
    points = args.n * args.n

    gt.sweep(game, x=xs[:10], y=ys[:10], progress=False)  # warm-up (lambdify, imports)
    sweep_times, summarize_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = gt.sweep(game, x=xs, y=ys, progress=False)
        sweep_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        summary = gt.summarize(result)
        summarize_times.append(time.perf_counter() - start)
    plain = plain_numpy(xs, ys)
    if not plain.equals(result):
        raise SystemExit("the plain numpy baseline differs from the sweep")
    plain_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        plain_numpy(xs, ys)
        plain_times.append(time.perf_counter() - start)
    plain_s = float(np.median(plain_times))
    dask_s = None
    try:
        import dask  # noqa: F401

        gt.sweep(game, x=xs[:10], y=ys[:10], chunks=50, scheduler="threads", progress=False)
        dask_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            on_dask = gt.sweep(
                game, x=xs, y=ys, chunks=points // 4, scheduler="threads", progress=False
            )
            dask_times.append(time.perf_counter() - start)
        if not on_dask.equals(result):
            raise SystemExit("the Dask sweep differs from the in-memory sweep")
        dask_s = float(np.median(dask_times))
    except ImportError:
        pass
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(args.n)], capture_output=True, text=True, check=True
    )
    fresh = json.loads(child.stdout)

    rng = np.random.default_rng(0)
    ix = rng.integers(0, args.n, args.sample)
    iy = rng.integers(0, args.n, args.sample)
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    for i, j in zip(ix, iy, strict=True):
        xv, yv = xs[i], ys[j]
        A = np.array([[3.0, -xv], [5.0 - yv, 1.0]])
        list(nashpy.Game(A, A.T).support_enumeration())
    nashpy_per_point = (time.perf_counter() - start) / args.sample

    sweep_s = float(np.median(sweep_times))
    ours_per_point = sweep_s / points
    print(f"# Sweep benchmark ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})")
    print()
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, nashpy {nashpy.__version__},"
        f" gametheory {gt.__version__}; {args.n} x {args.n} = {points:,} games; "
        f"{len(result):,} equilibrium rows; structures: "
        f"{summary['structure'].astype(str).value_counts().to_dict()}"
    )
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| `sweep`, median of {args.repeat} (s) | {sweep_s:.3f} |")
    print(f"| plain numpy, the same rows, median of {args.repeat} (s) | {plain_s:.3f} |")
    print(f"| ratio sweep / plain numpy (target <= 1.5) | {sweep_s / plain_s:.2f} |")
    print(f"| `summarize`, median (s) | {float(np.median(summarize_times)):.3f} |")
    if dask_s is not None:
        print(
            f"| `sweep(chunks={points // 4:,}, scheduler='threads')` on Dask, median (s) | "
            f"{dask_s:.3f} |"
        )
    print(f"| `sweep` in a fresh process (s) | {fresh['seconds']:.3f} |")
    print(f"| peak RSS of that process (MiB) | {fresh['peak_mib']:.0f} |")
    print(f"| gametheory per point (us) | {ours_per_point * 1e6:.3f} |")
    print(
        f"| nashpy support_enumeration loop per point (us, {args.sample} points) | "
        f"{nashpy_per_point * 1e6:.1f} |"
    )
    print(f"| ratio nashpy / gametheory per point | {nashpy_per_point / ours_per_point:,.0f} |")
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| peak RSS of this benchmark process (MiB) | {own_peak:.0f} |")


if __name__ == "__main__":
    main()
