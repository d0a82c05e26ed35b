"""Profile ``gametheory.equilibria`` on the benchmark games (cProfile, in-process).

Uses the same fixed-seed games as ``bench_equilibria.py``::

    python benchmarks/profile_equilibria.py --section int --n 8 --games 10
    python benchmarks/profile_equilibria.py --section degenerate --n 6 --sort cumulative

Prints the wall time per game without the profiler (first a warm-up call on every game), then
the profile of one more call on every game, sorted by ``--sort`` (default ``tottime``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_equilibria import SECTIONS, make_game

import gametheory as gt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--section", choices=SECTIONS, default="int")
    parser.add_argument("--n", type=int, default=8, help="game size n x n")
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--sort", default="tottime", help="pstats sort key")
    parser.add_argument("--top", type=int, default=20, help="rows of the profile to print")
    args = parser.parse_args(argv)

    games = [make_game(args.section, args.n, g) for g in range(args.games)]
    for A, B in games:  # warm-up
        gt.equilibria(gt.Game(A, B))
    times = []
    for A, B in games:
        start = time.perf_counter()
        gt.equilibria(gt.Game(A, B))
        times.append(time.perf_counter() - start)
    print(
        f"{args.section} {args.n}x{args.n}, {args.games} games: median "
        f"{statistics.median(times) * 1e3:.2f} ms per game without the profiler"
    )
    profile = cProfile.Profile()
    profile.enable()
    for A, B in games:
        gt.equilibria(gt.Game(A, B))
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
