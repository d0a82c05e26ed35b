"""Benchmark: all Nash equilibria of random N-player games, gametheory vs pygambit.

One run times these methods on the *same* random games, interleaved game by game (the order of
the methods rotates from game to game, so machine noise hits every method alike):

``gametheory``
    ``gametheory.equilibria(gametheory.Game.from_arrays(*arrays))`` -- the default for three or
    more players, exact support enumeration (:mod:`gametheory.nplayer`), which runs the search in
    a child process with a hard deadline and checks every equilibrium exactly.
``gametheory.nplayer(in-process)``
    ``gametheory.nplayer.support_enumeration(Game.from_arrays(*arrays))`` -- the same search
    without the child process (so the difference to ``gametheory`` is the fork and pipe cost and
    the conversion to ``Equilibrium`` values). Its result also tells which support profiles carry
    continua, used to tell isolated equilibria from representatives of continua.
``gambit.enumpoly``
    ``pygambit.nash.enumpoly_solve(pygambit.Game.from_arrays(*arrays))`` (default options),
    Gambit's polynomial support enumeration. It can run forever on games with continua of
    equilibria, so every call has a time limit.
``gambit.gnm`` / ``gambit.logit``
    ``pygambit.nash.gnm_solve`` and ``pygambit.nash.logit_solve``: path-following methods that
    return one (gnm: sometimes a few) equilibria, not all; reported as "found one" columns only.

Timed region (``time.perf_counter``): building the library's game object from the numpy arrays
plus the solve. Not timed: turning results into float tuples for the comparison. The methods run
in two long-lived worker processes (gametheory in one, pygambit in the other; the timing is
measured inside the worker), warmed up on one 2x2x2 game at every start; a call that exceeds its
time limit is killed, counted as a timeout, and the worker restarted.

Correctness, with profiles matched in the max-norm within ``1e-6``:

* ``enumpoly misses``: isolated equilibria of ours (support profile not among the continua
  ``nplayer`` reports) not near any enumpoly equilibrium. Counted separately for games whose
  equilibrium set ours reports as complete (so the missed points are isolated equilibria) and for
  games with continua (where a missed point may lie on the boundary of a continuum).
* ``we miss``: enumpoly equilibria not near any of ours. In a game ours reports complete this
  must never happen; every such case is printed with its seed. In games with continua, enumpoly
  may return points of a continuum that ours represents by other points; these are counted apart
  (with the maximal regret of the point, to show that it is an equilibrium).
* gnm / logit: games in which they returned at least one equilibrium, and their points that are
  not near any of ours (printed with the seed).

Run ``python benchmarks/bench_nplayer.py --help`` for the options; ``--quick`` is a smoke run.
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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from _common import fmt, machine, table

OURS = "gametheory"
IN_PROCESS = "gametheory.nplayer(in-process)"
ENUMPOLY = "gambit.enumpoly"
GNM = "gambit.gnm"
LOGIT = "gambit.logit"
METHODS = (OURS, IN_PROCESS, ENUMPOLY, GNM, LOGIT)
GAMBIT_METHODS = (ENUMPOLY, GNM, LOGIT)
MATCH_TOL = 1e-6
SEED = 20261128
OURS_TIMEOUT = 120.0  # passed to gametheory.equilibria; the worker waits 30 s longer

#: (kind, shape, default number of games)
DEFAULT_CELLS = (
    ("int", (2, 2, 2), 20),
    ("int", (2, 2, 3), 10),
    ("int", (2, 2, 2, 2), 10),
    ("int", (3, 3, 3), 5),
    ("float", (2, 2, 2), 20),
)
KINDS = ("int", "float")

Profile = tuple[tuple[float, ...], ...]


# --------------------------------------------------------------------------------------------
# Games
# --------------------------------------------------------------------------------------------


def make_game(kind: str, shape: tuple[int, ...], index: int) -> list[np.ndarray]:
    """The ``index``-th benchmark game of ``shape`` (fixed seeds), one payoff array per player.

    ``int``: payoffs uniform integers in -5..5. ``float``: payoffs uniform on [-5, 5).
    """
    rng = np.random.default_rng([SEED, KINDS.index(kind), *shape, index])
    if kind == "int":
        return [rng.integers(-5, 6, shape) for _ in shape]
    if kind == "float":
        return [rng.uniform(-5.0, 5.0, shape) for _ in shape]
    raise ValueError(f"unknown kind {kind!r}; choose from {KINDS}")


def label(kind: str, shape: tuple[int, ...]) -> str:
    return f"{kind} {'x'.join(map(str, shape))}"


# --------------------------------------------------------------------------------------------
# The methods (run inside the worker processes)
# --------------------------------------------------------------------------------------------


def _run_ours(arrays: list[np.ndarray]) -> tuple[float, dict]:
    import gametheory as gt

    start = time.perf_counter()
    eqs = gt.equilibria(gt.Game.from_arrays(*arrays), timeout=OURS_TIMEOUT)
    seconds = time.perf_counter() - start
    profiles = [tuple(tuple(float(p) for p in s) for s in eq.strategies) for eq in eqs]
    return seconds, {"profiles": profiles, "complete": bool(eqs.complete)}


def _run_in_process(arrays: list[np.ndarray]) -> tuple[float, dict]:
    import gametheory as gt
    from gametheory import nplayer

    start = time.perf_counter()
    result = nplayer.support_enumeration(gt.Game.from_arrays(*arrays), timeout=OURS_TIMEOUT)
    seconds = time.perf_counter() - start
    profiles = [tuple(tuple(float(p) for p in s) for s in eq) for eq in result.as_float()]
    continua = [tuple(tuple(int(a) for a in s) for s in sup) for sup in result.continua]
    return seconds, {
        "profiles": profiles,
        "complete": result.complete,
        "continua": continua,
        "timed_out": result.timed_out,
    }


def _run_gambit(method: str, arrays: list[np.ndarray]) -> tuple[float, dict]:
    import pygambit

    solve = {
        ENUMPOLY: pygambit.nash.enumpoly_solve,
        GNM: pygambit.nash.gnm_solve,
        LOGIT: pygambit.nash.logit_solve,
    }[method]
    start = time.perf_counter()
    game = pygambit.Game.from_arrays(*arrays)
    result = solve(game)
    seconds = time.perf_counter() - start
    profiles = [
        tuple(tuple(float(eq[p][s]) for s in p.strategies) for p in game.players)
        for eq in result.equilibria
    ]
    return seconds, {"profiles": profiles}


def run_method(method: str, arrays: list[np.ndarray]) -> tuple[float, dict]:
    """Time one method on one game; return ``(seconds, payload)``."""
    if method == OURS:
        return _run_ours(arrays)
    if method == IN_PROCESS:
        return _run_in_process(arrays)
    if method in GAMBIT_METHODS:
        return _run_gambit(method, arrays)
    raise ValueError(f"unknown method {method!r}")


def _worker(conn: Any, methods: Sequence[str]) -> None:
    """Serve ``(method, arrays)`` requests; reply ``(status, seconds, payload_or_error)``."""
    warnings.simplefilter("ignore")  # ours warns on time-outs; these are reported as such
    warm = make_game("int", (2, 2, 2), 10**6)
    for method in methods:
        try:
            run_method(method, warm)
        except Exception:  # warm-up failures show up in the measured calls
            pass
    conn.send(("ready", 0.0, None))
    while True:
        message = conn.recv()
        if message is None:
            return
        method, arrays = message
        try:
            seconds, payload = run_method(method, arrays)
            conn.send(("ok", seconds, payload))
        except Exception as exc:
            conn.send(("error", 0.0, f"{type(exc).__name__}: {exc}"))


class Worker:
    """A long-lived solver process that is killed and restarted on a timeout.

    Not a daemon: ``gametheory.equilibria`` starts a child process of its own.
    """

    def __init__(self, methods: Sequence[str]) -> None:
        self.methods = tuple(methods)
        self.ctx = mp.get_context("spawn")
        self.process: Any = None
        self.conn: Any = None
        self.start()

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=_worker, args=(child, self.methods))
        self.process.start()
        self.conn = parent
        status, _, _ = self.conn.recv()  # waits for the warm-up to finish
        assert status == "ready"

    def call(self, method: str, arrays: list[np.ndarray], timeout: float) -> tuple:
        self.conn.send((method, arrays))
        if self.conn.poll(timeout):
            return self.conn.recv()
        self.process.kill()
        self.process.join()
        self.start()
        return ("timeout", timeout, None)

    def close(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.conn.send(None)
            self.process.join(10)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()


# --------------------------------------------------------------------------------------------
# Correctness
# --------------------------------------------------------------------------------------------


def _flat(profile: Profile) -> np.ndarray:
    return np.array([v for s in profile for v in s], dtype=float)


def near(profile: Profile, pool: Sequence[Profile]) -> bool:
    """True when ``profile`` is within ``MATCH_TOL`` (max-norm) of some profile in ``pool``."""
    v = _flat(profile)
    return any(
        w.shape == v.shape and float(np.max(np.abs(w - v))) <= MATCH_TOL for w in map(_flat, pool)
    )


def unique(profiles: Sequence[Profile]) -> list[Profile]:
    out: list[Profile] = []
    for p in profiles:
        if not near(p, out):
            out.append(p)
    return out


def support(profile: Profile, tol: float = 0.0) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(a for a, p in enumerate(s) if p > tol) for s in profile)


def max_regret(arrays: Sequence[np.ndarray], profile: Profile) -> float:
    """``max_i (max_a u_i(a, x_-i) - u_i(x))`` in floats."""
    worst = 0.0
    for i, u in enumerate(arrays):
        values = np.asarray(u, dtype=float)
        for j, x in enumerate(profile):  # contract the other players' axes
            if j != i:
                shape = [1] * values.ndim
                shape[j] = len(x)
                values = (values * np.asarray(x).reshape(shape)).sum(axis=j, keepdims=True)
        action_values = values.reshape(-1)
        worst = max(worst, float(action_values.max() - action_values @ np.asarray(profile[i])))
    return worst


# --------------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------------


@dataclass
class Cell:
    """Measurements of one method on the games of one (kind, shape)."""

    times: dict[int, float] = field(default_factory=dict)
    timeouts: list[int] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)
    payloads: dict[int, dict] = field(default_factory=dict)


def measure(
    workers: dict[str, Worker],
    kind: str,
    shape: tuple[int, ...],
    count: int,
    methods: Sequence[str],
    timeout: float,
    max_timeouts: int,
    progress: bool,
) -> dict[str, Cell]:
    cells = {m: Cell() for m in methods}
    for g in range(count):
        arrays = make_game(kind, shape, g)
        shift = g % len(methods)
        for method in list(methods[shift:]) + list(methods[:shift]):
            cell = cells[method]
            if len(cell.timeouts) >= max_timeouts:
                cell.skipped.append(g)
                continue
            limit = OURS_TIMEOUT + 30.0 if method in (OURS, IN_PROCESS) else timeout
            worker = workers["gambit" if method in GAMBIT_METHODS else "ours"]
            status, seconds, payload = worker.call(method, arrays, limit)
            if status == "ok":
                cell.times[g] = seconds
                cell.payloads[g] = payload
            elif status == "timeout":
                cell.timeouts.append(g)
            else:
                cell.errors[g] = payload
        if progress:
            print(f"  {label(kind, shape)} game {g + 1}/{count}", file=sys.stderr, end="\r")
    if progress:
        print(" " * 60, file=sys.stderr, end="\r")
    return cells


@dataclass
class Checks:
    """Correctness counts of one (kind, shape)."""

    ours_counts: list[int] = field(default_factory=list)
    enumpoly_counts: list[int] = field(default_factory=list)
    incomplete_games: int = 0
    compared: int = 0
    enumpoly_miss_complete: tuple[int, int] = (0, 0)  # (equilibria, games)
    enumpoly_miss_continua: tuple[int, int] = (0, 0)
    we_miss_complete: tuple[int, int] = (0, 0)
    we_miss_continua: tuple[int, int] = (0, 0)
    we_miss_continua_regret: float = 0.0
    ours_vs_in_process: int = 0  # games where the two runs of ours differ
    found_one: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # k, N, outside
    loud: list[str] = field(default_factory=list)


def _add(pair: tuple[int, int], k: int) -> tuple[int, int]:
    return (pair[0] + k, pair[1] + (k > 0))


def check(kind: str, shape: tuple[int, ...], cells: dict[str, Cell], count: int) -> Checks:
    out = Checks()
    ours, inproc, enumpoly = cells[OURS], cells.get(IN_PROCESS), cells[ENUMPOLY]
    for g in range(count):
        if g not in ours.payloads:
            continue
        arrays = make_game(kind, shape, g)
        mine = unique(ours.payloads[g]["profiles"])
        complete = ours.payloads[g]["complete"]
        out.ours_counts.append(len(mine))
        out.incomplete_games += not complete
        continua: set = set()
        if inproc is not None and g in inproc.payloads:
            continua = set(inproc.payloads[g]["continua"])
            other = unique(inproc.payloads[g]["profiles"])
            if len(other) != len(mine) or not all(near(p, other) for p in mine):
                out.ours_vs_in_process += 1
                out.loud.append(f"{label(kind, shape)} game {g}: gametheory and nplayer differ")
        if g in enumpoly.payloads:
            theirs = unique(enumpoly.payloads[g]["profiles"])
            out.enumpoly_counts.append(len(theirs))
            out.compared += 1
            isolated = [p for p in mine if support(p) not in continua]
            missed_by_them = sum(not near(p, theirs) for p in isolated)
            missed_by_us = [p for p in theirs if not near(p, mine)]
            if complete:
                out.enumpoly_miss_complete = _add(out.enumpoly_miss_complete, missed_by_them)
                out.we_miss_complete = _add(out.we_miss_complete, len(missed_by_us))
                for p in missed_by_us:
                    out.loud.append(
                        f"!!! WE MISS an enumpoly equilibrium: {label(kind, shape)} game {g} "
                        f"(seed {[SEED, KINDS.index(kind), *shape, g]}): {p}, max regret "
                        f"{max_regret(arrays, p):.2g}"
                    )
            else:
                out.enumpoly_miss_continua = _add(out.enumpoly_miss_continua, missed_by_them)
                out.we_miss_continua = _add(out.we_miss_continua, len(missed_by_us))
                for p in missed_by_us:
                    regret = max_regret(arrays, p)
                    out.we_miss_continua_regret = max(out.we_miss_continua_regret, regret)
                    if support(p, 1e-9) not in continua:
                        out.loud.append(
                            f"!!! enumpoly point off our continua: {label(kind, shape)} game "
                            f"{g} (seed {[SEED, KINDS.index(kind), *shape, g]}): {p}, max "
                            f"regret {regret:.2g}"
                        )
        for method in (GNM, LOGIT):
            cell = cells.get(method)
            if cell is None:
                continue
            k, n, outside = out.found_one.get(method, (0, 0, 0))
            if g in cell.payloads:
                points = cell.payloads[g]["profiles"]
                n += 1
                k += bool(points)
                for p in points:
                    if near(p, mine):
                        continue
                    # an approximate point inside a continuum that ours reports by its extreme
                    # points (the support profile, read at the path's 1e-6 accuracy, is listed)
                    on_continuum = not complete and support(p, 1e-6) in continua
                    outside += not on_continuum
                    where = "on one of our continua" if on_continuum else "not among ours"
                    out.loud.append(
                        f"{method} point {where}: {label(kind, shape)} game {g} "
                        f"(complete={complete}): {p}, max regret {max_regret(arrays, p):.2g}"
                    )
            out.found_one[method] = (k, n, outside)
    return out


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def time_cell(cell: Cell, count: int) -> str:
    notes = []
    if len(cell.times) < count:
        notes.append(f"({len(cell.times)})")
    if cell.timeouts:
        notes.append(f"t{len(cell.timeouts)}")
    if cell.errors:
        notes.append(f"e{len(cell.errors)}")
    if cell.skipped:
        notes.append(f"s{len(cell.skipped)}")
    text = fmt(statistics.median(cell.times.values())) if cell.times else "-"
    return text + ("" if not notes else " " + " ".join(notes))


def ratio_cell(cell: Cell, ours: Cell, timeout: float) -> str:
    """Median over games of (method time / gametheory time); time-outs count as the limit."""
    ratios = [cell.times[g] / ours.times[g] for g in cell.times if g in ours.times]
    censored = [timeout / ours.times[g] for g in cell.timeouts if g in ours.times]
    if not ratios and not censored:
        return "-"
    return (">=" if censored else "") + fmt(statistics.median(ratios + censored))


def _pair(pair: tuple[int, int]) -> str:
    return "0" if pair[0] == 0 else f"{pair[0]} ({pair[1]})"


def report(
    results: list[tuple[str, tuple[int, ...], int, dict[str, Cell], Checks]],
    methods: Sequence[str],
    timeout: float,
) -> str:
    t_header = ["games", "# games", "gametheory (s)", "gametheory max (s)"]
    t_header += [f"{m} (s)" for m in methods if m != OURS]
    t_header += [f"{m} / gametheory" for m in methods if m != OURS]
    t_rows = []
    for kind, shape, count, cells, _ in results:
        ours = cells[OURS]
        row = [label(kind, shape), str(count), time_cell(ours, count)]
        row.append(fmt(max(ours.times.values())) if ours.times else "-")
        row += [time_cell(cells[m], count) for m in methods if m != OURS]
        row += [ratio_cell(cells[m], ours, timeout) for m in methods if m != OURS]
        t_rows.append(row)
    c_header = [
        "games",
        "median # eq ours / enumpoly",
        "ours complete=False (continua)",
        "enumpoly misses, complete games",
        "enumpoly misses, games with continua",
        "we miss, complete games",
        "we miss, games with continua (max regret)",
        "enumpoly compared",
    ]
    c_header += [f"{m} found one (outside ours)" for m in (GNM, LOGIT) if m in methods]
    c_rows = []
    for kind, shape, count, cells, ch in results:
        counts = (
            f"{fmt(statistics.median(ch.ours_counts)) if ch.ours_counts else '-'} / "
            f"{fmt(statistics.median(ch.enumpoly_counts)) if ch.enumpoly_counts else '-'}"
        )
        we_miss_cont = _pair(ch.we_miss_continua)
        if ch.we_miss_continua[0]:
            we_miss_cont += f" ({ch.we_miss_continua_regret:.1g})"
        enum = cells[ENUMPOLY]
        compared = f"{ch.compared}/{count}"
        if enum.timeouts:
            compared += f" t{len(enum.timeouts)}"
        if enum.errors:
            compared += f" e{len(enum.errors)}"
        if enum.skipped:
            compared += f" s{len(enum.skipped)}"
        row = [
            label(kind, shape),
            counts,
            f"{ch.incomplete_games}/{len(ch.ours_counts)}",
            _pair(ch.enumpoly_miss_complete),
            _pair(ch.enumpoly_miss_continua),
            _pair(ch.we_miss_complete),
            we_miss_cont,
            compared,
        ]
        for m in (GNM, LOGIT):
            if m in ch.found_one:
                k, n, outside = ch.found_one[m]
                row.append(f"{k}/{n}" + (f" ({outside})" if outside else ""))
        c_rows.append(row)
    return "\n\n".join(
        [
            "Median seconds per game, and median over games of the per-game ratio "
            "(method time / gametheory time; > 1 = slower than gametheory):",
            table(t_header, t_rows),
            "Correctness (profiles matched within 1e-6 in the max-norm). `K (G)` = K equilibria "
            "in G games. *enumpoly misses*: isolated equilibria of ours not returned by "
            "enumpoly; *we miss*: enumpoly equilibria not returned by ours (in games with "
            "continua: points of a continuum, with the largest max regret among them); "
            "*found one*: games with >= 1 equilibrium returned / games run, and (in brackets) "
            "returned points not among ours (points inside one of our continua, whose extreme "
            "points we list, are not counted; they are printed above):",
            table(c_header, c_rows),
        ]
    )


def environment() -> str:
    import pygambit
    import scipy
    import sympy

    import gametheory

    return (
        f"{machine()}; "
        f"numpy {np.__version__}; "
        f"scipy {scipy.__version__}; sympy {sympy.__version__}; "
        f"gametheory {gametheory.__version__}; pygambit {pygambit.__version__}"
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cells",
        nargs="+",
        default=None,
        help="kind:shape:games items, e.g. int:2x2x2:20 float:2x2x2:20 (default: the full run)",
    )
    parser.add_argument("--methods", nargs="+", choices=METHODS, default=list(METHODS))
    parser.add_argument(
        "--timeout", type=float, default=20.0, help="seconds per pygambit call (default 20)"
    )
    parser.add_argument(
        "--max-timeouts",
        type=int,
        default=3,
        help="stop running a method on a shape after this many time-outs (default 3)",
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 3 games per shape")
    parser.add_argument("--json", help="also write the raw per-game measurements to this file")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    cells = []
    if args.cells is None:
        cells = [(k, s, 3 if args.quick else n) for k, s, n in DEFAULT_CELLS]
    else:
        for item in args.cells:
            try:
                kind, shape, games = item.split(":")
                cells.append((kind, tuple(int(v) for v in shape.split("x")), int(games)))
            except ValueError:
                parser.error(f"--cells item {item!r} is not kind:shape:games (int:2x2x2:20)")
            if kind not in KINDS:
                parser.error(f"unknown kind {kind!r} in --cells; choose from {KINDS}")
    args.cells = cells
    for m in (OURS, ENUMPOLY):
        if m not in args.methods:
            args.methods.append(m)
    args.methods = [m for m in METHODS if m in args.methods]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    print(f"Environment: {environment()}\n")
    print("Command: python " + " ".join([sys.argv[0], *(argv or sys.argv[1:])]) + "\n")
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"  # inherited by the spawned workers before they import numpy
    ours_methods = [m for m in args.methods if m not in GAMBIT_METHODS]
    workers = {
        "ours": Worker(ours_methods),
        "gambit": Worker([m for m in args.methods if m in GAMBIT_METHODS]),
    }
    results = []
    raw: dict = {}
    try:
        for kind, shape, count in args.cells:
            cells = measure(
                workers,
                kind,
                shape,
                count,
                args.methods,
                args.timeout,
                args.max_timeouts,
                not args.no_progress,
            )
            checks = check(kind, shape, cells, count)
            results.append((kind, shape, count, cells, checks))
            for line in checks.loud:
                print(line, flush=True)
            raw[label(kind, shape)] = {
                m: {
                    "times": c.times,
                    "timeouts": c.timeouts,
                    "errors": c.errors,
                    "skipped": c.skipped,
                }
                for m, c in cells.items()
            }
    finally:
        for worker in workers.values():
            worker.close()
    print()
    print(report(results, args.methods, args.timeout) + "\n")
    we_miss = sum(ch.we_miss_complete[0] for *_, ch in results)
    print(
        f"Notes: `(k)` = games timed when fewer than the row's count; `tK` = K calls killed at the "
        f"{args.timeout:g} s limit (pygambit; counted in ratios as the limit, hence `>=`); `eK` = "
        f"K calls raised an exception; `sK` = K games skipped after {args.max_timeouts} time-outs. "
        f"Equilibria of enumpoly missed by gametheory in games it reports complete: {we_miss}"
        f"{'  <-- BUG, see the lines above' if we_miss else ''}. "
        f"Total wall time {time.perf_counter() - started:.0f} s; load average at the end "
        + " ".join(f"{v:.2f}" for v in os.getloadavg())
        + "."
    )
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"environment": environment(), "raw": raw}, fh, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
