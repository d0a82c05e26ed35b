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
