"""lrsnash as an optional backend: run Debian's ``lrsnash`` program and read its answer.

lrsnash (lrslib; Avis, Rosenberg, Savani & von Stengel 2010, *Economic Theory* 42: 9-37)
enumerates every extreme equilibrium of a bimatrix game in exact GMP arithmetic. It is not a
Python package: install it with ``apt-get install lrslib`` (Debian, Ubuntu) or from
https://cgm.cs.mcgill.ca/~avis/C/lrs.html. Its input file is ``m n``, a blank line, the ``m``
rows of ``A``, a blank line, the ``m`` rows of ``B``; its output prints, for each equilibrium
component, one or more lines ``2 y_1 .. y_n v`` and one or more lines ``1 x_1 .. x_m u``,
separated from the next component by a blank line; each ``(x, y)`` pair of a component is an
extreme equilibrium. Lines starting with ``*`` are comments.

:func:`gametheory.equilibria` (``method="lrsnash"``) feeds it the positive integer payoffs of
:func:`gametheory.vertex.integer_payoffs` (a positive affine map, so the equilibria are the
same) and verifies every pair it returns with the exact best-response check, as for every
method (PEERS.md reports wrong sets from lrsnash at near-ties of float inputs; integer input
avoids them, the check catches any). Integers of 63 bits or more are refused: lrsnash misreads
them (:data:`LARGEST_INPUT`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from fractions import Fraction

__all__ = ["LARGEST_INPUT", "executable", "parse_output", "run_lrsnash"]

#: lrsnash 7.1 reads its input integers into 64-bit words first ("hybrid arithmetic"): larger
#: ones come out wrong (a 2 x 2 game with payoffs 10**30 got a wrong equilibrium), so inputs
#: from this bound on are refused.
LARGEST_INPUT = 2**62

Pair = tuple[tuple[Fraction, ...], tuple[Fraction, ...]]


def executable() -> str | None:
    """The path of the ``lrsnash`` program, or None when it is not installed."""
    return shutil.which("lrsnash")


def game_file(a_int: Sequence[Sequence[int]], b_int: Sequence[Sequence[int]]) -> str:
    """lrsnash's input text for the integer matrices ``A`` and ``B``."""
    rows = lambda M: "\n".join(" ".join(str(int(v)) for v in row) for row in M)  # noqa: E731
    return f"{len(a_int)} {len(a_int[0])}\n\n{rows(a_int)}\n\n{rows(b_int)}\n"


def parse_output(text: str, m: int, n: int) -> list[Pair]:
    """The ``(x, y)`` pairs printed by lrsnash, in order (see the module docstring)."""
    pairs: list[Pair] = []
    xs: list[tuple[Fraction, ...]] = []
    ys: list[tuple[Fraction, ...]] = []

    def close() -> None:
        for x in xs:
            for y in ys:
                if (x, y) not in pairs:
                    pairs.append((x, y))
        xs.clear()
        ys.clear()

    for line in text.splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("*"):
            close()
            continue
        if parts[0] not in ("1", "2"):
            raise ValueError(f"unexpected lrsnash output line: {line!r}")
        values = tuple(Fraction(v) for v in parts[1:-1])
        size = m if parts[0] == "1" else n
        if len(values) != size:
            raise ValueError(f"lrsnash printed {len(values)} probabilities where {size} were due")
        (xs if parts[0] == "1" else ys).append(values)
    close()
    return pairs


def run_lrsnash(
    a_int: Sequence[Sequence[int]], b_int: Sequence[Sequence[int]], timeout: float
) -> tuple[list[Pair], bool]:
    """Run lrsnash on positive integer matrices; return the pairs it printed and whether it
    finished within ``timeout`` seconds (if not, it is killed and its output so far is read)."""
    program = executable()
    if program is None:
        raise FileNotFoundError("lrsnash")
    m, n = len(a_int), len(a_int[0])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "game.txt")
        with open(path, "w") as handle:
            handle.write(game_file(a_int, b_int))
        with subprocess.Popen(
            [program, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as proc:
            try:
                out, _ = proc.communicate(timeout=timeout)
                finished = proc.returncode == 0
            except subprocess.TimeoutExpired:
                proc.kill()
                out, _ = proc.communicate()
                finished = False
    if finished:
        return parse_output(out, m, n), True
    # the last component may have been cut: keep only the completed ones
    cut = out.rsplit("\n\n", 1)[0] if "\n\n" in out else ""
    return parse_output(cut, m, n), False
