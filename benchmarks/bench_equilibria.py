"""Benchmark: all extreme Nash equilibria of random bimatrix games, gametheory vs nashpy vs Gambit.

One run times five methods on the *same* random ``n x n`` games, interleaved game by game (the
order of the methods rotates from game to game), so machine noise hits every method alike:

``gametheory``
    ``gametheory.equilibria(gametheory.Game(A, B))`` -- exact vertex enumeration (also on float
    games, which are decided exactly on the binary values of the floats and reported as floats).
``nashpy.support_enumeration`` / ``nashpy.vertex_enumeration``
    ``list(nashpy.Game(A, B).support_enumeration())`` and the same for ``vertex_enumeration``.
``gambit.enummixed(rational)`` / ``gambit.enummixed(float)``
    ``pygambit.nash.enummixed_solve(pygambit.Game.from_arrays(A, B), rational=True/False)``.

Timed region (``time.perf_counter``): building the library's game object from the numpy arrays
``A, B`` plus the solve; for gametheory also the best-response verification of every equilibrium
and the construction of the ``Equilibrium`` values, which are part of ``equilibria``. Not timed:
turning a library's output into plain tuples for the correctness check. Each method runs in a
long-lived worker process (timing is measured inside the worker, so process overhead is not
included); a call that exceeds ``--timeout`` seconds is killed, counted as a timeout, and the
worker restarted. Warm-up calls (every method on a 3x3 integer and a 3x3 float game, at every
worker start) are not counted.

Per-call limits keep the run short: a method stops being run in a cell (section, n) after
``--budget`` seconds of accumulated time there or after two timeouts; the tables say how many
games were timed, timed out or skipped.

Correctness is measured against ``gambit.enummixed(rational)`` (all extreme equilibria, exact):
exact results (gametheory on integer games, Gambit rational) are compared as sets of Fraction
tuples (Gambit may list an equilibrium twice); float results are matched in the max-norm within
``1e-6``. ``missed`` counts reference equilibria a method did not return, ``extra`` returned
profiles that are not a reference equilibrium.

Run ``python benchmarks/bench_equilibria.py --help`` for the options; ``--quick`` is a smoke run.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
from _common import fmt, machine, table

METHODS = (
    "gametheory",
    "nashpy.support_enumeration",
    "nashpy.vertex_enumeration",
    "gambit.enummixed(rational)",
    "gambit.enummixed(float)",
)
OURS = "gametheory"
REFERENCE = "gambit.enummixed(rational)"
SECTIONS = ("int", "degenerate", "float")
SECTION_TITLES = {
    "int": "Random integer games (payoffs 0..9)",
    "degenerate": "Degenerate integer games (payoffs 0..2, one duplicated row and column)",
    "float": "Random float games (payoffs U[0,1))",
}
MATCH_TOL = 1e-6
SEED = 20240601

Profile = tuple[tuple[Any, ...], tuple[Any, ...]]


# --------------------------------------------------------------------------------------------
# Games
# --------------------------------------------------------------------------------------------


def make_game(section: str, n: int, index: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``index``-th benchmark game of size ``n x n`` in ``section`` (fixed seeds).

    ``int``: payoffs uniform on 0..9. ``degenerate``: payoffs uniform on 0..2 (many ties), and
    row ``i`` copied onto row ``j`` and column ``k`` onto column ``l`` in both matrices (duplicate
    strategies). ``float``: payoffs uniform on [0, 1).
    """
    rng = np.random.default_rng([SEED, SECTIONS.index(section), n, index])
    if section == "int":
        return rng.integers(0, 10, (n, n)), rng.integers(0, 10, (n, n))
    if section == "degenerate":
        A, B = rng.integers(0, 3, (n, n)), rng.integers(0, 3, (n, n))
        i, j = rng.choice(n, 2, replace=False)
        A[j], B[j] = A[i], B[i]
        k, col = rng.choice(n, 2, replace=False)
        A[:, col], B[:, col] = A[:, k], B[:, k]
        return A, B
    if section == "float":
        return rng.random((n, n)), rng.random((n, n))
    raise ValueError(f"unknown section {section!r}; choose from {SECTIONS}")


# --------------------------------------------------------------------------------------------
# The methods (run inside the worker process)
# --------------------------------------------------------------------------------------------


def _run_ours(A: np.ndarray, B: np.ndarray) -> tuple[float, list[Profile]]:
    import gametheory as gt

    start = time.perf_counter()
    eqs = gt.equilibria(gt.Game(A, B))
    seconds = time.perf_counter() - start
    return seconds, [(tuple(x), tuple(y)) for x, y in (eq.strategies for eq in eqs)]


def _run_nashpy(method: str, A: np.ndarray, B: np.ndarray) -> tuple[float, list[Profile]]:
    import nashpy

    start = time.perf_counter()
    game = nashpy.Game(A, B)
    raw = list(getattr(game, method)())
    seconds = time.perf_counter() - start
    out = []
    for x, y in raw:
        out.append(
            (tuple(float(v) for v in np.ravel(x)), tuple(float(v) for v in np.ravel(y)))
            if x is not None and y is not None
            else ((float("nan"),), (float("nan"),))
        )
    return seconds, out


def _run_gambit(rational: bool, A: np.ndarray, B: np.ndarray) -> tuple[float, list[Profile]]:
    import pygambit

    start = time.perf_counter()
    game = pygambit.Game.from_arrays(A, B)
    result = pygambit.nash.enummixed_solve(game, rational=rational)
    seconds = time.perf_counter() - start
    convert: Callable[[Any], Any] = (lambda v: Fraction(str(v))) if rational else float
    row, col = game.players
    out = [
        (
            tuple(convert(eq[row][s]) for s in row.strategies),
            tuple(convert(eq[col][s]) for s in col.strategies),
        )
        for eq in result.equilibria
    ]
    return seconds, out


def run_method(method: str, A: np.ndarray, B: np.ndarray) -> tuple[float, list[Profile]]:
    """Time one method on one game; return ``(seconds, profiles)``."""
    if method == OURS:
        return _run_ours(A, B)
    if method.startswith("nashpy."):
        return _run_nashpy(method.removeprefix("nashpy."), A, B)
    if method.startswith("gambit.enummixed"):
        return _run_gambit(method.endswith("(rational)"), A, B)
    raise ValueError(f"unknown method {method!r}")


def _degenerate_flag(A: np.ndarray, B: np.ndarray) -> bool:
    import gametheory as gt

    return bool(gt.is_degenerate(gt.Game(A, B)))


def _worker(conn: Any, methods: Sequence[str]) -> None:
    """Serve ``(method, A, B)`` requests; reply ``(status, seconds, profiles_or_error)``."""
    warnings.simplefilter("ignore")  # nashpy warns on degenerate games; warnings are not timed
    for A, B in _warmup_games():
        for method in methods:
            try:
                run_method(method, A, B)
            except Exception:  # warm-up failures show up in the measured calls
                pass
    conn.send(("ready", 0.0, None))
    while True:
        message = conn.recv()
        if message is None:
            return
        method, A, B = message
        try:
            if method == "degenerate?":
                conn.send(("ok", 0.0, _degenerate_flag(A, B)))
                continue
            seconds, profiles = run_method(method, A, B)
            conn.send(("ok", seconds, profiles))
        except Exception as exc:
            conn.send(("error", 0.0, f"{type(exc).__name__}: {exc}"))


def _warmup_games() -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng([SEED, 99])
    return [
        (rng.integers(0, 10, (3, 3)), rng.integers(0, 10, (3, 3))),
        (rng.random((3, 3)), rng.random((3, 3))),
    ]


class Worker:
    """A long-lived solver process that can be killed and restarted on a timeout."""

    def __init__(self, methods: Sequence[str]) -> None:
        self.methods = tuple(methods)
        self.ctx = mp.get_context("spawn")
        self.process: Any = None
        self.conn: Any = None
        self.start()

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=_worker, args=(child, self.methods), daemon=True)
        self.process.start()
        self.conn = parent
        status, _, _ = self.conn.recv()  # waits for the warm-up to finish
        assert status == "ready"

    def call(self, method: str, A: np.ndarray, B: np.ndarray, timeout: float) -> tuple:
        self.conn.send((method, A, B))
        if self.conn.poll(timeout):
            return self.conn.recv()
        self.process.kill()
        self.process.join()
        self.start()
        return ("timeout", timeout, None)

    def close(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.conn.send(None)
            self.process.join(5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()


# --------------------------------------------------------------------------------------------
# Correctness
# --------------------------------------------------------------------------------------------


def _flat(profile: Profile) -> np.ndarray:
    return np.array([float(v) for s in profile for v in s])


def compare(reference: list[Profile], found: list[Profile], exact: bool) -> tuple[int, int]:
    """``(missed, extra)``: reference equilibria not found, found profiles not in the reference.

    Exact: set comparison of Fraction tuples. Float: max-norm matching within ``MATCH_TOL``
    (profiles containing NaN or of the wrong shape never match).
    """
    if exact:
        ref, got = set(reference), set(found)
        return len(ref - got), len(got - ref)
    ref_vecs = _unique([_flat(p) for p in reference])
    got_vecs = _unique([_flat(p) for p in found])

    def near(v: np.ndarray, pool: list[np.ndarray]) -> bool:
        return any(w.shape == v.shape and np.max(np.abs(w - v)) <= MATCH_TOL for w in pool)

    missed = sum(not near(v, got_vecs) for v in ref_vecs)
    extra = sum(not near(v, ref_vecs) for v in got_vecs)
    return missed, extra


def _unique(vectors: list[np.ndarray]) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for v in vectors:
        if not any(w.shape == v.shape and np.max(np.abs(w - v)) <= MATCH_TOL for w in out):
            out.append(v)
    return out


# --------------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------------


@dataclass
class Cell:
    """Measurements of one method on one (section, n) group of games."""

    times: dict[int, float] = field(default_factory=dict)  # game index -> seconds
    timeouts: list[int] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)
    profiles: dict[int, list[Profile]] = field(default_factory=dict)
    spent: float = 0.0

    def stopped(self, budget: float) -> bool:
        return len(self.timeouts) >= 2 or self.spent >= budget


def games_for(n: int, games: int | None) -> int:
    if games is not None:
        return games
    return 20 if n <= 6 else 10


def measure(
    worker: Worker,
    section: str,
    n: int,
    count: int,
    methods: Sequence[str],
    timeout: float,
    budget: float,
    progress: bool,
) -> tuple[dict[str, Cell], list[bool | None]]:
    cells = {m: Cell() for m in methods}
    degenerate: list[bool | None] = []
    for g in range(count):
        A, B = make_game(section, n, g)
        shift = g % len(methods)
        order = list(methods[shift:]) + list(methods[:shift])
        for method in order:
            cell = cells[method]
            if method != REFERENCE and cell.stopped(budget):
                cell.skipped.append(g)
                continue
            status, seconds, payload = worker.call(method, A, B, timeout)
            cell.spent += seconds if status != "error" else 0.0
            if status == "ok":
                cell.times[g] = seconds
                cell.profiles[g] = payload
            elif status == "timeout":
                cell.timeouts.append(g)
            else:
                cell.errors[g] = payload
        status, _, flag = worker.call("degenerate?", A, B, timeout)
        degenerate.append(flag if status == "ok" else None)
        if progress:
            print(f"  {section} n={n} game {g + 1}/{count}", file=sys.stderr, end="\r")
    if progress:
        print(" " * 60, file=sys.stderr, end="\r")
    return cells, degenerate


def _notes(cell: Cell, count: int) -> str:
    parts = []
    if len(cell.times) < count:
        parts.append(f"({len(cell.times)})")
    if cell.timeouts:
        parts.append(f"t{len(cell.timeouts)}")
    if cell.errors:
        parts.append(f"e{len(cell.errors)}")
    if cell.skipped:
        parts.append(f"s{len(cell.skipped)}")
    return (" " + " ".join(parts)) if parts else ""


def time_cell(cell: Cell, count: int) -> str:
    if not cell.times:
        return "skip" + _notes(cell, count)
    return fmt(statistics.median(cell.times.values())) + _notes(cell, count)


def ratio_cell(cell: Cell, ours: Cell, timeout: float) -> str:
    """Median over games of (method time / gametheory time) on the same game.

    Timed-out calls count with the time limit as a lower bound of their time; the median is then
    a lower bound too and is shown with ``>=``.
    """
    ratios = [cell.times[g] / ours.times[g] for g in cell.times if g in ours.times]
    censored = [timeout / ours.times[g] for g in cell.timeouts if g in ours.times]
    if not ratios and not censored:
        return "skip"
    value = statistics.median(ratios + censored)
    prefix = ">=" if censored else ""
    k = len(ratios) + len(censored)
    suffix = f" ({k})" if k < len(ours.times) else ""
    return prefix + fmt(value) + suffix


def correctness_cell(cell: Cell, reference: Cell, exact: bool) -> tuple[str, dict]:
    compared = equal = missed_games = extra_games = missed = extra = 0
    for g, profiles in cell.profiles.items():
        if g not in reference.profiles:
            continue
        m, x = compare(reference.profiles[g], profiles, exact)
        compared += 1
        equal += m == 0 and x == 0
        missed_games += m > 0
        extra_games += x > 0
        missed += m
        extra += x
    counts = {
        "compared": compared,
        "equal": equal,
        "missed_games": missed_games,
        "missed": missed,
        "extra_games": extra_games,
        "extra": extra,
        "errors": len(cell.errors),
        "timeouts": len(cell.timeouts),
        "skipped": len(cell.skipped),
    }
    if not compared and not cell.errors and not cell.timeouts:
        return "skip", counts
    text = f"{equal}/{compared}"
    if missed:
        text += f" m{missed}({missed_games})"
    if extra:
        text += f" x{extra}({extra_games})"
    if cell.errors:
        text += f" e{len(cell.errors)}"
    if cell.timeouts:
        text += f" t{len(cell.timeouts)}"
    if cell.skipped:
        text += f" s{len(cell.skipped)}"
    return text, counts


def report_section(
    section: str,
    sizes: Sequence[int],
    results: dict[int, tuple[dict[str, Cell], list[bool | None]]],
    counts: dict[int, int],
    methods: Sequence[str],
    timeout: float,
) -> tuple[str, dict]:
    header = ["method \\ n", *[f"{n} ({counts[n]})" for n in sizes]]
    time_rows, ratio_rows, corr_rows = [], [], []
    raw: dict = {}
    for method in methods:
        time_rows.append([method] + [time_cell(results[n][0][method], counts[n]) for n in sizes])
        ratio_rows.append(
            [method]
            + [ratio_cell(results[n][0][method], results[n][0][OURS], timeout) for n in sizes]
        )
        row = [method]
        for n in sizes:
            exact = section != "float" and method in (OURS, REFERENCE)
            text, cnt = correctness_cell(results[n][0][method], results[n][0][REFERENCE], exact)
            row.append(text)
            cell = results[n][0][method]
            raw.setdefault(method, {})[n] = {
                "times": cell.times,
                "timeouts": cell.timeouts,
                "errors": cell.errors,
                "skipped": cell.skipped,
                "correctness": cnt,
            }
        corr_rows.append(row)
    ref_counts = []
    degenerate_row = []
    for n in sizes:
        ref = results[n][0][REFERENCE].profiles.values()
        ref_counts.append(fmt(statistics.median(len(set(p)) for p in ref)) if ref else "-")
        flags = [f for f in results[n][1] if f is not None]
        degenerate_row.append(f"{sum(flags)}/{len(flags)}")
    corr_rows.append(["median # extreme equilibria (reference)", *ref_counts])
    corr_rows.append(["degenerate games (gametheory.is_degenerate)", *degenerate_row])
    text = "\n\n".join(
        [
            f"### {SECTION_TITLES[section]}",
            "Median seconds per game (column header: n (games)):",
            table(header, time_rows),
            "Median over games of the per-game ratio (method time / gametheory time), "
            "> 1 = slower than gametheory:",
            table(header, ratio_rows),
            "Correctness against gambit.enummixed(rational): `equal/compared` games with the "
            "same set of extreme equilibria; `mK(G)` K reference equilibria missed in G games; "
            "`xK(G)` K returned profiles that are not reference equilibria, in G games:",
            table(header, corr_rows),
        ]
    )
    return text, raw


def environment() -> str:
    import nashpy
    import pygambit
    import scipy

    import gametheory

    return (
        f"{machine()}; "
        f"numpy {np.__version__}; scipy {scipy.__version__}; "
        f"gametheory {gametheory.__version__}; nashpy {nashpy.__version__}; "
        f"pygambit {pygambit.__version__}"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[2, 3, 4, 5, 6, 7, 8], help="values of n"
    )
    parser.add_argument(
        "--games", type=int, default=None, help="games per size (default 20 for n<=6, else 10)"
    )
    parser.add_argument(
        "--sections", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="game families"
    )
    parser.add_argument("--methods", nargs="+", choices=METHODS, default=list(METHODS))
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per call")
    parser.add_argument(
        "--budget", type=float, default=15.0, help="seconds per method and (section, n) cell"
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: n in 2 4 6, 3 games, small budgets"
    )
    parser.add_argument(
        "--blas-threads",
        type=int,
        default=1,
        help="BLAS/OpenMP threads in the solver process (default 1; 0 = library default)",
    )
    parser.add_argument("--json", help="also write the raw per-game measurements to this file")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.games, args.timeout, args.budget = [2, 4, 6], 3, 5.0, 5.0
    for m in (OURS, REFERENCE):
        if m not in args.methods:
            args.methods.insert(0 if m == OURS else len(args.methods), m)
    if min(args.sizes) < 1:
        parser.error("--sizes must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    methods = [m for m in METHODS if m in args.methods]
    started = time.perf_counter()
    print(f"Environment: {environment()}\n")
    print("Command: python " + " ".join([sys.argv[0], *(argv or sys.argv[1:])]) + "\n")
    if args.blas_threads > 0:  # inherited by the spawned worker before it imports numpy
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = str(args.blas_threads)
    worker = Worker(methods)
    raw: dict = {}
    try:
        for section in args.sections:
            results = {}
            counts = {n: games_for(n, args.games) for n in args.sizes}
            for n in args.sizes:
                results[n] = measure(
                    worker,
                    section,
                    n,
                    counts[n],
                    methods,
                    args.timeout,
                    args.budget,
                    not args.no_progress,
                )
            text, raw[section] = report_section(
                section, args.sizes, results, counts, methods, args.timeout
            )
            print(text + "\n", flush=True)
    finally:
        worker.close()
    print(
        f"Notes: `(k)` = games timed when fewer than the column's count; `tK` = K calls killed at "
        f"the {args.timeout:g} s limit (counted in ratios as >= the limit, hence `>=`); `eK` = K "
        f"calls raised an exception; `sK` = K games skipped because the method had used its "
        f"{args.budget:g} s budget or timed out twice in that cell. "
        f"BLAS threads in the solver process: "
        f"{args.blas_threads if args.blas_threads > 0 else 'library default'}. "
        f"Total wall time {time.perf_counter() - started:.0f} s; load average at the end "
        + " ".join(f"{v:.2f}" for v in os.getloadavg())
        + "."
    )
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"args": vars(args), "environment": environment(), "raw": raw}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
