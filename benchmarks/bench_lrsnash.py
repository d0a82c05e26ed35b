"""All extreme equilibria of n x n games: gametheory's vertex enumeration against lrsnash.

lrsnash (lrslib, Avis; Avis, Rosenberg, Savani & von Stengel 2010) is the state of the art for
exact enumeration: C with GMP arithmetic. Debian's ``lrslib`` package installs it
(``apt-get install lrslib``). For each size and game family this prints the median times, the
median per-game ratio (lrsnash time / ours: > 1 means we are faster), the growth per extra
action, our peak memory (resident set of a fresh process solving the largest game of the size)
and whether the two equilibrium sets agree exactly (as Fractions).

    python benchmarks/bench_lrsnash.py                 # n = 8, 10, 12, 14; 3 games each
    python benchmarks/bench_lrsnash.py --sizes 8 16 --games 5

Both are timed from the payoff arrays: ours builds the ``Game`` and calls
``gametheory.equilibria(game, method="vertex_enumeration")`` (including the exact best-response
check of every equilibrium); lrsnash is timed as a subprocess on its input file, written before
the clock starts.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import numpy as np

Profile = tuple[tuple[Fraction, ...], tuple[Fraction, ...]]


def make_game(family: str, n: int, index: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1000 * n + index)
    high = 100 if family == "integer 0..99" else 2
    return rng.integers(0, high, (n, n)), rng.integers(0, high, (n, n))


def ours(A: np.ndarray, B: np.ndarray) -> tuple[float, set[Profile]]:
    import gametheory as gt

    start = time.perf_counter()
    found = gt.equilibria(gt.Game(A, B), method="vertex_enumeration", timeout=3600)
    elapsed = time.perf_counter() - start
    return elapsed, {tuple(tuple(s) for s in e.strategies) for e in found}


def lrsnash(A: np.ndarray, B: np.ndarray, workdir: Path) -> tuple[float, set[Profile]]:
    from gametheory import lrs

    path = workdir / "game.txt"
    path.write_text(lrs.game_file(A.tolist(), B.tolist()))
    start = time.perf_counter()
    out = subprocess.run(["lrsnash", str(path)], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    return elapsed, set(lrs.parse_output(out.stdout, *A.shape))


def quantecon_vertex(A: np.ndarray, B: np.ndarray) -> tuple[float, list] | None:
    """QuantEcon's float ``vertex_enumeration`` (numba; None when quantecon is absent)."""
    try:
        import quantecon.game_theory as qe
    except ImportError:
        return None
    start = time.perf_counter()
    game = qe.NormalFormGame((qe.Player(A.astype(float)), qe.Player(B.T.astype(float))))
    found = qe.vertex_enumeration(game)
    return time.perf_counter() - start, found


def gambit_enummixed(A: np.ndarray, B: np.ndarray, rational: bool) -> tuple[float, set] | None:
    """pygambit's ``enummixed_solve`` (None when pygambit is absent)."""
    try:
        import pygambit
    except ImportError:
        return None
    start = time.perf_counter()
    game = pygambit.Game.from_arrays(A, B)
    result = pygambit.nash.enummixed_solve(game, rational=rational)
    elapsed = time.perf_counter() - start
    convert = (lambda v: Fraction(str(v))) if rational else float
    row, col = game.players
    found = {
        (
            tuple(convert(eq[row][s]) for s in row.strategies),
            tuple(convert(eq[col][s]) for s in col.strategies),
        )
        for eq in result.equilibria
    }
    return elapsed, found


def matches(exact: set[Profile], floats: list) -> int:
    """How many of the exact equilibria a float method found (within 1e-9)."""
    hits = 0
    for x, y in exact:
        target = np.array([float(v) for v in (*x, *y)])
        if any(np.allclose(np.concatenate(p), target, atol=1e-9) for p in floats):
            hits += 1
    return hits


#: The game families: random integer payoffs, and {0,1} payoffs (highly degenerate).
FAMILIES = ("integer 0..99", "{0,1}")
#: Seconds after which nashpy's Lemke-Howson (which can cycle on degenerate games) is stopped.
NASHPY_LH_TIMEOUT = 20.0


def _nashpy_lh_worker(A: np.ndarray, B: np.ndarray, conn) -> None:
    import warnings

    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        nashpy.Game(A, B).lemke_howson(initial_dropped_label=0)
    conn.send(time.perf_counter() - start)


def _nashpy_lh_time(A: np.ndarray, B: np.ndarray, timeout: float) -> str:
    """nashpy's Lemke-Howson in a child process killed after ``timeout`` seconds."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_nashpy_lh_worker, args=(A, B, sender))
    proc.start()
    if receiver.poll(timeout + 10):  # + the child's imports
        elapsed = receiver.recv()
        proc.join()
        return f"{elapsed:.3f}"
    proc.kill()
    proc.join()
    return f"> {timeout:g} (stopped)"


def lemke_howson_table(sizes: Sequence[int]) -> None:
    """One Lemke-Howson path (label 0) on random n x n integer games: ours (exact) against
    QuantEcon's and nashpy's (floats); our equilibrium checked exactly."""
    import gametheory as gt

    try:
        import quantecon.game_theory as qe
    except ImportError:
        qe = None
    print()
    print("| n | ours exact LH (s) | QuantEcon LH (s) | nashpy LH (s) | ours verified |")
    print("|---|---|---|---|---|")
    for n in sizes:
        A, B = make_game("integer 0..99", n, 7)
        start = time.perf_counter()
        game = gt.Game(A, B)
        eq = gt.lemke_howson(game, 0)
        ours_time = time.perf_counter() - start
        ok = gt.is_equilibrium(game, eq.strategies)
        qe_time = "-"
        if qe is not None:
            players = (qe.Player(A.astype(float)), qe.Player(B.T.astype(float)))
            start = time.perf_counter()
            qe.lemke_howson(qe.NormalFormGame(players), init_pivot=0)
            qe_time = f"{time.perf_counter() - start:.3f}"
        nashpy_time = _nashpy_lh_time(A, B, NASHPY_LH_TIMEOUT)
        print(f"| {n} | {ours_time:.3f} | {qe_time} | {nashpy_time} | {ok} |", flush=True)


def _peak_worker(A: np.ndarray, B: np.ndarray, conn) -> None:
    ours(A, B)
    # VmHWM: this process's own peak (ru_maxrss would include the parent's at the fork)
    status = Path("/proc/self/status").read_text()
    line = next(row for row in status.splitlines() if row.startswith("VmHWM:"))
    conn.send(int(line.split()[1]))


def peak_memory_mb(A: np.ndarray, B: np.ndarray) -> float:
    """Peak resident set (MB) of a fresh process that imports gametheory and solves the game."""
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_peak_worker, args=(A, B, sender))
    proc.start()
    peak = receiver.recv()
    proc.join()
    return peak / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 10, 12, 14])
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--lh-sizes", type=int, nargs="*", default=[20, 30, 50, 100])
    parser.add_argument(
        "--families", nargs="+", default=["integer 0..99", "{0,1}"], choices=FAMILIES
    )
    parser.add_argument(
        "--gambit-max", type=int, default=12, help="largest n for Gambit's enummixed (default 12)"
    )
    args = parser.parse_args(argv)
    if shutil.which("lrsnash") is None:
        print("lrsnash is not installed (apt-get install lrslib); nothing to compare")
        return 1
    print(
        "| games | n | ours median (s) | lrsnash median (s) | ratio lrsnash/ours (median) "
        "| our growth per action | lrsnash growth | our peak RSS (MB) | sets agree "
        "| QuantEcon median (s) | QuantEcon found | Gambit float median (s) | Gambit float found "
        "| Gambit rational median (s) | Gambit rational sets agree |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    if quantecon_vertex(*make_game("integer 0..99", 3, 0)) is None:  # also compiles its numba
        print("(QuantEcon is not installed: its columns are empty)")
    ours(*make_game("integer 0..99", 4, 0))  # warm-up: imports and first calls
    with tempfile.TemporaryDirectory() as tmp:
        for family in args.families:
            previous: tuple[int, float, float] | None = None
            for n in args.sizes:
                times_ours, times_lrs, ratios, agree = [], [], [], 0
                times_qe, found_qe, total = [], 0, 0
                times_gf, found_gf, times_gr, agree_gr = [], 0, [], 0
                for index in range(args.games):
                    A, B = make_game(family, n, index)
                    t_ours, set_ours = ours(A, B)
                    t_lrs, set_lrs = lrsnash(A, B, Path(tmp))
                    times_ours.append(t_ours)
                    times_lrs.append(t_lrs)
                    ratios.append(t_lrs / t_ours)
                    agree += set_ours == set_lrs
                    total += len(set_ours)
                    if n <= 14:  # QuantEcon's float enumeration grows fast beyond
                        qe_result = quantecon_vertex(A, B)
                        if qe_result is not None:
                            times_qe.append(qe_result[0])
                            found_qe += matches(set_ours, qe_result[1])
                    if n <= args.gambit_max:
                        float_result = gambit_enummixed(A, B, rational=False)
                        if float_result is not None:
                            times_gf.append(float_result[0])
                            pairs = [(np.array(x), np.array(y)) for x, y in float_result[1]]
                            found_gf += matches(set_ours, pairs)
                            rational_result = gambit_enummixed(A, B, rational=True)
                            times_gr.append(rational_result[0])
                            agree_gr += rational_result[1] == set_ours
                mo, ml = statistics.median(times_ours), statistics.median(times_lrs)
                growth = "-"
                if previous is not None:
                    step = n - previous[0]
                    growth_ours = (mo / previous[1]) ** (1 / step)
                    growth_lrs = (ml / previous[2]) ** (1 / step)
                    growth = f"x{growth_ours:.2f} | x{growth_lrs:.2f}"
                else:
                    growth = "- | -"
                peak = peak_memory_mb(*make_game(family, n, 0))
                qe_cells = (
                    f"{statistics.median(times_qe):.3f} | {found_qe}/{total}"
                    if times_qe
                    else "- | -"
                )
                gambit_cells = (
                    f"{statistics.median(times_gf):.3f} | {found_gf}/{total} | "
                    f"{statistics.median(times_gr):.3f} | {agree_gr}/{args.games}"
                    if times_gf
                    else "- | - | - | -"
                )
                print(
                    f"| {family} | {n} | {mo:.3f} | {ml:.3f} | {statistics.median(ratios):.2f} "
                    f"| {growth} | {peak:.0f} | {agree}/{args.games} | {qe_cells} "
                    f"| {gambit_cells} |",
                    flush=True,
                )
                previous = (n, mo, ml)
    if args.lh_sizes:
        lemke_howson_table(args.lh_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
