"""The ``gametheory`` command.

``gametheory solve FILE.nfg [--method M] [--timeout SECONDS] [--format table|json]``
    Read a Gambit ``.nfg`` game (``-`` reads standard input), compute its equilibria with
    :func:`gametheory.equilibria.equilibria` and print them as a table or as the JSON of
    :func:`gametheory.io.equilibria_to_json`.
``gametheory reproduce [--out DIR] [--check] [--quiet]``
    Regenerate (or, with ``--check``, verify) the paper's figures; see
    :mod:`gametheory.reproduce`.
``gametheory --version``
    Print the version.

Errors in the input (missing or malformed file, unknown method, a game the method cannot solve)
print one line ``gametheory: error: ...`` on standard error and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .game import Game, format_number

__all__ = ["main"]

PROG = "gametheory"


def _build_parser() -> argparse.ArgumentParser:
    from .equilibria import METHODS

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Exact and symbolic game theory: solve games, reproduce the paper's figures.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    solve = commands.add_parser(
        "solve",
        help="compute the Nash equilibria of a Gambit .nfg game",
        description="Compute the Nash equilibria of a game in Gambit .nfg format (payoff or "
        "outcome version). Exact input gives exact output.",
    )
    solve.add_argument("file", metavar="FILE.nfg", help="the game file ('-' reads standard input)")
    solve.add_argument(
        "--method",
        default="auto",
        metavar="M",
        help=f"equilibrium method (default: auto); one of {', '.join(METHODS)}",
    )
    solve.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="stop the solver after this many seconds and print what it found (default: 30)",
    )
    solve.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: table)",
    )

    reproduce = commands.add_parser(
        "reproduce",
        help="regenerate the paper's figures (PNG + CSV + manifest)",
        description="Regenerate every registered figure of the paper, or check the existing "
        "ones against a fresh run.",
    )
    reproduce.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output directory (default: paper/figures/)",
    )
    reproduce.add_argument(
        "--check",
        action="store_true",
        help="verify the figures in DIR against a fresh run instead of writing them",
    )
    reproduce.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _read_game(path: str) -> Game:
    from .io import from_nfg

    if path == "-":
        return from_nfg(sys.stdin.read())
    return from_nfg(Path(path))


def _table(game: Game, eqs: Any) -> str:
    """Readable text: the game, how it was solved, then one row per equilibrium."""
    title = game.title or "Untitled game"
    shape = " x ".join(str(s) for s in game.shape)
    degenerate = {True: "yes", False: "no", None: "not determined"}[
        getattr(eqs, "degenerate", None)
    ]
    lines = [
        f"{title} ({game.n_players} players, {shape}, {game.kind} payoffs)",
        f"method: {getattr(eqs, 'method', '?')}; "
        f"exact arithmetic: {'yes' if getattr(eqs, 'exact', False) else 'no'}; "
        f"degenerate: {degenerate}",
    ]
    count = len(eqs)
    lines.append(f"{count} equilibri{'um' if count == 1 else 'a'}")
    if not count:
        return "\n".join(lines) + "\n"
    header = ["#", *game.players, "payoffs", "type"]
    rows = []
    for k, eq in enumerate(eqs, start=1):
        strategies = [eq.strategy_text(i) for i in range(game.n_players)]
        kind = "pure" if eq.is_pure else "mixed"
        if getattr(eq, "is_strict", False):
            kind += ", strict"
        payoffs = ", ".join(format_number(u) for u in eq.payoffs)
        rows.append([str(k), *strategies, payoffs, kind])
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    lines.append("")
    for r in [header, *rows]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _solve(args: argparse.Namespace) -> int:
    import warnings

    from .equilibria import IncompleteWarning, NashpyFailure, equilibria
    from .io import equilibria_to_json

    try:
        game = _read_game(args.file)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", IncompleteWarning)
            eqs = equilibria(game, method=args.method, timeout=args.timeout)
    except (OSError, ValueError, TypeError, ImportError, NashpyFailure) as exc:
        return _error(exc)
    except MemoryError:
        return _error(MemoryError("the game is too large for the memory of this machine"))
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    for warning in caught:  # one line each, not Python's source-quoting format
        if issubclass(warning.category, IncompleteWarning):
            sys.stderr.write(f"{PROG}: warning: {warning.message}\n")
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    if args.format == "json":
        sys.stdout.write(equilibria_to_json(eqs) + "\n")
    else:
        sys.stdout.write(_table(game, eqs))
    return 0


def _reproduce(args: argparse.Namespace) -> int:
    from .reproduce import reproduce  # imported lazily: it pulls in matplotlib and the models

    return int(reproduce(out_dir=args.out, check=args.check, progress=not args.quiet))


def _error(exc: BaseException) -> int:
    message = str(exc) or type(exc).__name__
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        message = f"{exc.strerror}: {exc.filename}"
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``gametheory`` command with ``argv`` (default ``sys.argv[1:]``); return the exit
    status (0 success, 2 bad input; ``reproduce --check`` returns that command's status)."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    if args.command == "solve":
        return _solve(args)
    return _reproduce(args)


if __name__ == "__main__":
    raise SystemExit(main())
