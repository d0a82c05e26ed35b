"""Reading and writing games: Gambit ``.nfg`` text, JSON and LaTeX tables.

Gambit ``.nfg`` (strategic game) format
---------------------------------------
The format is specified in the Gambit manual, "Game representation formats" (McKelvey, McLennan
& Turocy, *Gambit: Software Tools for Game Theory*), and implemented by ``src/games/file.cc`` of
the Gambit sources. A file is a sequence of whitespace-separated tokens::

    NFG 1 R "title" { "Player 1" "Player 2" } <strategies> ["comment"] <body>

``<strategies>`` is either a list of counts, ``{ 3 2 }`` (strategy ``k`` is then labelled
``"k"``), or one list of labels per player, ``{ { "T" "M" "B" } { "L" "R" } }``. ``<body>`` comes
in two versions:

* **payoff version**: one number per player for every pure profile, the profiles listed with
  player 1's strategy varying fastest, then player 2's, and so on;
* **outcome version**: a list of outcomes ``{ { "label" 1, 1 } { "" 0, 2 } ... }`` (commas between
  payoffs are optional), then one outcome index per profile in the same order, ``0`` meaning
  the null outcome with zero payoffs.

Labels are double-quoted; ``\\"`` inside a label is a quote character. Numbers are integers,
rationals ``3/4``, decimals ``1.25`` and exponent notation ``1.5e3``. Every number written in a
file is read **exactly**: ``1.25`` becomes ``Fraction(5, 4)`` (the rational number the decimal
text denotes), so a game read from ``.nfg`` is always an exact game.

JSON
----
:func:`to_json` writes the object ::

    {"title": str, "players": [str, ...], "actions": [[str, ...], ...],
     "kind": "exact" | "float" | "symbolic",
     "payoffs": [array of player 1, array of player 2, ...],
     "symbols": {name: {assumption: bool}}}        # symbolic games only

where each payoff array is a nested list with one level per player (``payoffs[i][s1][s2]...``).
Exact entries are strings such as ``"3"`` or ``"-3/4"``, float entries are JSON numbers (Python
writes the shortest text that reads back to the same double) and symbolic entries are
``str(expr)`` strings parsed back with sympy (see :func:`from_json` for the safety rules).
"""

from __future__ import annotations

import itertools
import json
import keyword
import math
import numbers
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import sympy
from sympy.printing.str import StrPrinter

from .game import Game

__all__ = [
    "equilibria_to_json",
    "from_json",
    "from_nfg",
    "to_json",
    "to_latex",
    "to_nfg",
]


# --------------------------------------------------------------------------------------------
# Reading sources
# --------------------------------------------------------------------------------------------


def _read_source(source: Any, looks_like_text: re.Pattern[str], what: str) -> tuple[str, str]:
    """Return ``(text, name)`` for a path, the text itself, or a readable file object."""
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, bytes):
            data = _decode(data)
        return data, getattr(source, "name", "") or ""
    if isinstance(source, bytes):
        source = _decode(source)
    if isinstance(source, str):
        if looks_like_text.match(source):
            return source, ""
        if not source.strip():
            raise ValueError(f"empty {what} source: expected a path or the file's text")
        # A string that is not a path but clearly holds file contents (several lines, braces).
        if ("\n" in source or "{" in source) and not os.path.exists(source):
            return source, ""
        source = Path(source)
    if isinstance(source, os.PathLike):
        path = Path(source)
        if path.is_dir():
            raise IsADirectoryError(f"{what} path {str(path)!r} is not a file")
        if not path.exists():  # pipes and devices (e.g. <(...) in a shell) are readable too
            raise FileNotFoundError(f"no such {what} file: {str(path)!r}")
        return _decode(path.read_bytes()), str(path)
    raise TypeError(
        f"{what} source must be a path, the file's text or a file object, got "
        f"{type(source).__name__}"
    )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --------------------------------------------------------------------------------------------
# .nfg tokenizer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "{", "}", ",", "text" (quoted label), "word" (number or symbol), "eof"
    value: str
    line: int
    column: int

    def describe(self) -> str:
        if self.kind == "eof":
            return "the end of the file"
        if self.kind == "text":
            return f'the label "{self.value}"'
        return f"{self.value!r}"


_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\Z")
_RATIONAL = re.compile(r"[+-]?[0-9]+/[0-9]+\Z")
_INDEX = re.compile(r"\+?[0-9]+\Z")
_MAX_EXPONENT = 10_000  # refuse 1e999999999, whose exact value would exhaust memory


class _NfgError(ValueError):
    pass


def _tokenize(text: str, fail: Callable[[int, int, str], NoReturn]) -> Iterator[_Token]:
    """The tokens of ``text``, produced as the parser asks for them (so that a file with
    trailing junk is refused at its first extra token, not after reading it all)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(offset: int) -> tuple[int, int]:
        line = bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    space = re.compile(r"\s*")
    word = re.compile(r'[^\s{}",]+')
    i, n = 0, len(text)
    while True:
        i = space.match(text, i).end()
        if i >= n:
            yield _Token("eof", "", *position(n))
            return
        c = text[i]
        if c in "{},":
            yield _Token(c, c, *position(i))
            i += 1
        elif c == '"':
            start = i
            i += 1
            buf = []
            while True:
                if i >= n:
                    line, col = position(start)
                    fail(line, col, "unterminated label: the closing double quote is missing")
                ch = text[i]
                if ch == "\\" and i + 1 < n and text[i + 1] in '"\\':
                    buf.append(text[i + 1])
                    i += 2
                elif ch == '"':
                    i += 1
                    break
                else:
                    buf.append(ch)
                    i += 1
            yield _Token("text", "".join(buf), *position(start))
        else:
            j = word.match(text, i).end()
            yield _Token("word", text[i:j], *position(i))
            i = j


def _quote(label: str) -> str:
    """Quote a label for ``.nfg``: ``"`` becomes ``\\"``; a backslash is doubled only where it
    would otherwise be read as an escape (before ``"`` or ``\\``, or at the end)."""
    out = []
    for k, c in enumerate(label):
        if c == '"':
            out.append('\\"')
        elif c == "\\" and (k + 1 == len(label) or label[k + 1] in '"\\'):
            out.append("\\\\")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


# --------------------------------------------------------------------------------------------
# .nfg parser
# --------------------------------------------------------------------------------------------


def _distinct(labels: list[str]) -> list[str]:
    """Labels made distinct as Gambit allows repeats: a repeated ``"x"`` becomes ``"x (2)"``,
    ``"x (3)"``, ... (a :class:`Game` needs distinct names to address actions by name)."""
    taken = set(labels)
    used: set[str] = set()
    out: list[str] = []
    for label in labels:
        name, k = label, 1
        while name in used or (name != label and name in taken):
            k += 1
            name = f"{label} ({k})"
        used.add(name)
        out.append(name)
    return out


class _NfgParser:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.tokens = _tokenize(text, self.fail)
        self.current = next(self.tokens)

    def fail(self, line: int, column: int, message: str) -> NoReturn:
        where = f"{self.name}: " if self.name else ""
        raise _NfgError(f"malformed .nfg file: {where}line {line}, column {column}: {message}")

    def fail_at(self, token: _Token, message: str) -> NoReturn:
        self.fail(token.line, token.column, message)

    def peek(self) -> _Token:
        return self.current

    def next(self) -> _Token:
        token = self.current
        if token.kind != "eof":
            self.current = next(self.tokens)
        return token

    def expect(self, kind: str, what: str) -> _Token:
        token = self.next()
        if token.kind != kind:
            self.fail_at(token, f"expected {what}, found {token.describe()}")
        return token

    def number(self, token: _Token, what: str) -> Fraction:
        text = token.value
        if token.kind == "word":
            m = _DECIMAL.match(text)
            if m:
                if m.group(1) is not None and abs(int(m.group(1))) > _MAX_EXPONENT:
                    self.fail_at(token, f"{what} {text!r} has an exponent beyond ±{_MAX_EXPONENT}")
                return Fraction(text)
            if _RATIONAL.match(text):
                if int(text.split("/")[1]) == 0:
                    self.fail_at(token, f"{what} {text!r} divides by zero")
                return Fraction(text)
        self.fail_at(
            token, f"{what} must be a number (like 3, -1/2, 0.25 or 1e3), found {token.describe()}"
        )

    # ---- header -----------------------------------------------------------------------------

    def parse(self) -> Game:
        first = self.next()
        if first.kind != "word" or first.value != "NFG":
            if first.kind == "word" and first.value == "EFG":
                self.fail_at(
                    first,
                    "this is an extensive-form (.efg) game; only strategic-form "
                    ".nfg games can be read",
                )
            self.fail_at(
                first,
                f"not a Gambit .nfg file: expected 'NFG' at the start, found {first.describe()}",
            )
        version = self.next()
        if version.kind != "word" or version.value != "1":
            self.fail_at(
                version, f"unsupported .nfg version {version.describe()}: only version 1 exists"
            )
        number_type = self.next()
        if number_type.kind != "word" or number_type.value not in ("R", "D"):
            self.fail_at(
                number_type,
                f"expected the number type 'R' (or the obsolete 'D') after "
                f"the version, found {number_type.describe()}",
            )
        title = self.expect("text", "the game title in double quotes").value
        players = self.players()
        strategies = self.strategies(players)
        if self.peek().kind == "text":
            self.next()  # the optional comment; Game has no field for it, so it is dropped
        shape = tuple(len(s) for s in strategies)
        body = self.peek()
        if body.kind == "{":
            self.next()
            profiles = self.outcome_body(len(players), shape)
        elif body.kind == "word":
            profiles = self.payoff_body(len(players), shape)
        else:
            self.fail_at(
                body,
                f"expected the payoffs (numbers) or the outcome list ('{{'), found "
                f"{body.describe()}",
            )
        arrays = [
            np.array([p[k] for p in profiles], dtype=object).reshape(shape, order="F")
            for k in range(len(players))
        ]
        try:
            return Game.from_arrays(*arrays, players=players, actions=strategies, title=title)
        except (TypeError, ValueError) as exc:
            where = f" {self.name}" if self.name else ""
            raise _NfgError(f"invalid game in .nfg file{where}: {exc}") from None

    def players(self) -> list[str]:
        self.expect("{", "'{' before the list of player names")
        names = []
        while self.peek().kind == "text":
            names.append(self.next().value)
        closing = self.expect("}", "a player name in double quotes or '}' after the players")
        if len(names) < 2:
            self.fail_at(closing, f"a game needs at least 2 players, the file names {len(names)}")
        return _distinct(
            [name if name.strip() else f"Player {k + 1}" for k, name in enumerate(names)]
        )

    def strategies(self, players: list[str]) -> list[list[str]]:
        self.expect("{", "'{' before the strategies")
        n = len(players)
        lists: list[list[str]] = []
        if self.peek().kind == "{":
            while self.peek().kind == "{":
                opening = self.next()
                labels = []
                while self.peek().kind == "text":
                    labels.append(self.next().value)
                self.expect("}", "a strategy label in double quotes or '}'")
                if len(lists) == n:
                    self.fail_at(opening, f"more strategy lists than the {n} players")
                if not labels:
                    self.fail_at(opening, f"{players[len(lists)]} has no strategies")
                lists.append(
                    _distinct([s if s.strip() else str(k + 1) for k, s in enumerate(labels)])
                )
        elif self.peek().kind == "word":
            while self.peek().kind == "word":
                token = self.next()
                if not _INDEX.match(token.value) or int(token.value) == 0:
                    self.fail_at(
                        token,
                        f"a strategy count must be a positive integer, found {token.describe()}",
                    )
                if len(lists) == n:
                    self.fail_at(token, f"more strategy counts than the {n} players")
                lists.append([str(k + 1) for k in range(int(token.value))])
        else:
            token = self.peek()
            self.fail_at(
                token,
                "expected strategy counts like { 2 2 } or labels like "
                f'{{ {{ "C" "D" }} {{ "C" "D" }} }}, found {token.describe()}',
            )
        closing = self.expect("}", "'}' after the strategies")
        if len(lists) != n:
            self.fail_at(
                closing, f"the strategies cover {len(lists)} player(s) but the file names {n}"
            )
        return lists

    # ---- bodies -----------------------------------------------------------------------------

    def payoff_body(self, n: int, shape: tuple[int, ...]) -> list[tuple[Fraction, ...]]:
        n_profiles = math.prod(shape)
        expected = n * n_profiles
        values: list[Fraction] = []
        while True:
            token = self.next()
            if token.kind == "eof":
                break
            if len(values) == expected:
                self.fail_at(
                    token,
                    f"too many payoffs: expected {expected} ({n} players x "
                    f"{n_profiles} profiles), found more starting at {token.describe()}",
                )
            if token.kind == ",":
                self.fail_at(
                    token,
                    "unexpected ','; payoffs in the payoff version are separated "
                    "by whitespace only",
                )
            values.append(self.number(token, f"payoff {len(values) + 1}"))
        if len(values) != expected:
            self.fail_at(
                token,
                f"too few payoffs: expected {expected} ({n} players x "
                f"{n_profiles} profiles), found {len(values)}",
            )
        return [tuple(values[k : k + n]) for k in range(0, expected, n)]

    def outcome_body(self, n: int, shape: tuple[int, ...]) -> list[tuple[Fraction, ...]]:
        outcomes: list[tuple[Fraction, ...]] = []
        while True:
            token = self.next()
            if token.kind == "}":
                break
            if token.kind != "{":
                self.fail_at(
                    token,
                    f"expected '{{' starting an outcome or '}}' ending the "
                    f"outcome list, found {token.describe()}",
                )
            self.expect("text", f"the label of outcome {len(outcomes) + 1} in double quotes")
            payoffs: list[Fraction] = []
            while True:
                item = self.next()
                if item.kind == "}":
                    break
                if item.kind == "," and payoffs:
                    continue
                if item.kind == "eof":
                    self.fail_at(item, f"outcome {len(outcomes) + 1} is not closed with '}}'")
                payoffs.append(
                    self.number(item, f"payoff {len(payoffs) + 1} of outcome {len(outcomes) + 1}")
                )
            if len(payoffs) != n:
                self.fail_at(
                    token,
                    f"outcome {len(outcomes) + 1} has {len(payoffs)} payoff(s) "
                    f"but the game has {n} players",
                )
            outcomes.append(tuple(payoffs))
        null = tuple(Fraction(0) for _ in range(n))
        n_profiles = math.prod(shape)
        profiles: list[tuple[Fraction, ...]] = []
        while True:
            token = self.next()
            if token.kind == "eof":
                break
            if len(profiles) == n_profiles:
                self.fail_at(
                    token,
                    f"too many outcome indices: the game has {n_profiles} "
                    f"profiles, found more starting at {token.describe()}",
                )
            if token.kind != "word" or not _INDEX.match(token.value):
                self.fail_at(
                    token,
                    f"an outcome index must be a non-negative integer, found {token.describe()}",
                )
            index = int(token.value)
            if index > len(outcomes):
                self.fail_at(
                    token,
                    f"outcome index {index} refers to a missing outcome (the "
                    f"file defines {len(outcomes)})",
                )
            profiles.append(outcomes[index - 1] if index else null)
        if len(profiles) != n_profiles:
            self.fail_at(
                token,
                f"too few outcome indices: the game has {n_profiles} profiles, "
                f"found {len(profiles)}",
            )
        return profiles


_NFG_TEXT = re.compile(r"\s*NFG\b")


def from_nfg(source: str | os.PathLike[str] | Any) -> Game:
    """Read a strategic game in Gambit ``.nfg`` format (payoff or outcome version).

    ``source`` is a path, the file's text, or a file object. A string is taken as text when it
    starts with ``NFG`` (after whitespace), or when it is not an existing path yet contains a
    newline or a brace (so that a malformed text reports a format error, not a missing file).

    All numbers are read exactly (``0.1`` is ``Fraction(1, 10)``), so the game is exact. Empty
    player names become ``"Player k"``, empty strategy labels ``"k"``; the optional comment and
    outcome labels are dropped (a :class:`Game` has no place for them). Besides what Gambit's
    own reader accepts, escaped backslashes ``\\\\`` in labels are read as one backslash.

    Raises ``ValueError`` naming the line, column and problem for malformed files, and
    ``FileNotFoundError`` for a missing path.

    Examples
    --------
    >>> g = from_nfg('NFG 1 R "PD" { "1" "2" } { 2 2 }  3 3  5 0  0 5  1 1')
    >>> g.payoff((1, 1))
    (Fraction(1, 1), Fraction(1, 1))
    """
    text, name = _read_source(source, _NFG_TEXT, ".nfg")
    return _NfgParser(text, name).parse()


def _check_writable(game: Game, what: str) -> None:
    if not isinstance(game, Game):
        raise TypeError(f"{what} needs a gametheory.Game, got {type(game).__name__}")
    if game.kind == "symbolic":
        if game.parameters:
            names = ", ".join(p.name for p in game.parameters)
            raise ValueError(
                f"{what} cannot write a parametric game (parameters: {names}); bind them first, "
                f"e.g. game.subs({game.parameters[0].name}=1)"
            )
        raise ValueError(
            f"{what} cannot write irrational symbolic payoffs (e.g. sqrt(2)) exactly; convert "
            "them first, e.g. Game.from_arrays(*game.as_float(), players=game.players, "
            "actions=game.actions, title=game.title)"
        )


def _nfg_number(value: Any) -> str:
    """Exact text of a payoff: ``3``, ``-3/4``; floats as positional shortest-repr decimals."""
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    x = float(value)
    if x == 0:
        return "0"
    # Gambit reads 1e-05 as an invalid value, so write the shortest round-trip digits without
    # an exponent: format(Decimal(repr(x)), "f") is exactly the decimal repr(x) denotes.
    return format(Decimal(repr(x)), "f")


def _gambit_profiles(shape: tuple[int, ...]) -> Iterable[tuple[int, ...]]:
    """Pure profiles in Gambit order: player 1's strategy varies fastest."""
    for rev in itertools.product(*(range(s) for s in reversed(shape))):
        yield rev[::-1]


def to_nfg(game: Game, outcomes: bool = False) -> str:
    """Gambit ``.nfg`` text of ``game``.

    ``outcomes=False`` writes the payoff version, ``outcomes=True`` the outcome version (one
    outcome per profile, as Gambit itself writes). Strategies are written as counts ``{ 2 2 }``
    when every player's labels are Gambit's defaults ``"1", "2", ...``, otherwise as label lists
    (which Gambit reads in both versions), so labels survive the round trip.

    Exact payoffs are written exactly (``3/4``); floats as the shortest decimal that reads back
    to the same double, in positional notation. Reading the text back with :func:`from_nfg`
    gives the same labels and the same numbers (float games come back exact, with values that
    convert back to the identical floats). Symbolic games raise ``ValueError``.
    """
    _check_writable(game, "to_nfg")
    shape = game.shape
    players = " ".join(_quote(p) for p in game.players)
    head = f"NFG 1 R {_quote(game.title)} {{ {players} }}"
    default = all(
        labels == tuple(str(k + 1) for k in range(len(labels))) for labels in game.actions
    )
    lines = []
    if default and not outcomes:
        lines.append(f"{head} {{ {' '.join(str(s) for s in shape)} }}")
    else:
        lines.append(head)
        lines.append("")
        lines.append(
            "{ "
            + "\n".join(
                "{ " + " ".join(_quote(a) for a in labels) + " }" for labels in game.actions
            )
        )
        lines.append("}")
    lines.append("")
    arrays = game.payoff_arrays
    profiles = list(_gambit_profiles(shape))
    if not outcomes:
        for profile in profiles:
            lines.append(" ".join(_nfg_number(a[profile]) for a in arrays))
    else:
        lines.append("{")
        for profile in profiles:
            lines.append('{ "" ' + ", ".join(_nfg_number(a[profile]) for a in arrays) + " }")
        lines.append("}")
        indices = [str(k + 1) for k in range(len(profiles))]
        for k in range(0, len(indices), 20):
            lines.append(" ".join(indices[k : k + 20]))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


class _ExactStrPrinter(StrPrinter):
    """``str(expr)`` except that Floats print as ``Float(p/q, precision=b)``, their exact binary
    value, so that parsing the text back gives the identical Float."""

    def _print_Float(self, expr: sympy.Float) -> str:
        r = sympy.Rational(expr)
        value = str(r.p) if r.q == 1 else f"{r.p}/{r.q}"
        return f"Float({value}, precision={expr._prec})"


_SAFE_CALLABLES = ("sqrt", "root", "cbrt", "real_root")


def _sympy_namespace() -> dict[str, Any]:
    """Names a symbolic JSON entry may use: sympy classes and constants, no Python builtins."""
    names: dict[str, Any] = {"__builtins__": {}}
    for name, obj in vars(sympy).items():
        if name.startswith("_"):
            continue
        if (
            (isinstance(obj, type) and issubclass(obj, sympy.Basic))
            or isinstance(obj, sympy.Basic)
            or name in _SAFE_CALLABLES
        ):
            names[name] = obj
    return names


_EXPR_CHARS = re.compile(r"[\w\s.+\-*/()<>=!&|~,^]*\Z")
_ATTRIBUTE = re.compile(r"\.\s*[^\W\d]")


def _parse_symbolic(text: str, symbols: Mapping[str, sympy.Symbol], where: str) -> Any:
    """Parse ``str(expr)`` text with sympy, refusing anything but arithmetic on sympy names.

    sympy's parser evaluates Python code, so the text is first checked: only word characters,
    operators and parentheses, no ``__``, no attribute access; evaluation sees only sympy classes
    and constants (no builtins).
    """
    from sympy.parsing.sympy_parser import parse_expr

    if not isinstance(text, str):
        raise ValueError(f"{where} must be a string holding a sympy expression, got {text!r}")
    local: dict[str, Any] = {}
    # Symbols whose names are not Python identifiers (or are keywords, like "lambda") are
    # replaced by stand-in names before parsing.
    for k, (name, symbol) in enumerate(sorted(symbols.items(), key=lambda kv: -len(kv[0]))):
        if name.isidentifier() and not keyword.iskeyword(name) and "__" not in name:
            local[name] = symbol
        else:
            stand_in = f"_gt_symbol_{k}"
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", stand_in, text)
            local[stand_in] = symbol
    if not _EXPR_CHARS.match(text) or "__" in text or _ATTRIBUTE.search(text):
        raise ValueError(f"{where} = {text!r} is not a plain sympy expression")
    try:
        expr = parse_expr(text, local_dict=local, global_dict=_sympy_namespace())
    except Exception as exc:  # sympy raises SyntaxError, TypeError, TokenError, ...
        raise ValueError(f"{where} = {text!r} could not be parsed: {exc}") from None
    if not isinstance(expr, sympy.Expr):
        raise ValueError(f"{where} = {text!r} is not an expression")
    return expr


def _json_entry(value: Any, kind: str) -> Any:
    if kind == "exact":
        return str(value.numerator) if value.denominator == 1 else str(value)
    if kind == "float":
        return float(value)
    return _ExactStrPrinter().doprint(value)


def _nested(array: np.ndarray, convert: Any) -> Any:
    if array.ndim == 1:
        return [convert(v) for v in array]
    return [_nested(sub, convert) for sub in array]


def to_json(game: Game) -> str:
    """JSON text of ``game`` (schema in the module docstring); :func:`from_json` inverts it.

    Exact payoffs become strings (``"3/4"``), floats JSON numbers, symbolic payoffs ``str(expr)``
    strings (sympy Floats inside them as ``Float(p/q, precision=53)``, their exact value) and
    the assumptions of each symbol are stored under ``"symbols"``.
    """
    if not isinstance(game, Game):
        raise TypeError(f"to_json needs a gametheory.Game, got {type(game).__name__}")
    kind = game.kind
    data: dict[str, Any] = {
        "title": game.title,
        "players": list(game.players),
        "actions": [list(a) for a in game.actions],
        "kind": kind,
        "payoffs": [_nested(a, lambda v: _json_entry(v, kind)) for a in game.payoff_arrays],
    }
    if kind == "symbolic":
        symbols: set[sympy.Symbol] = set()
        for a in game.payoff_arrays:
            for v in a.flat:
                symbols |= v.atoms(sympy.Symbol)
        data["symbols"] = {
            s.name: dict(sorted(getattr(s, "_assumptions_orig", s.assumptions0).items()))
            for s in sorted(symbols, key=lambda s: s.name)
        }
    return _format_json(data)


def _format_json(data: Mapping[str, Any]) -> str:
    """Compact but readable JSON: one line per key, one line per player's payoff array."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if key == "payoffs":
            rows = ",\n".join(f"  {dump(a)}" for a in value)
            lines.append(f" {dump(key)}: [\n{rows}\n ]")
        else:
            lines.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}"


_JSON_TEXT = re.compile(r"\s*\{")
_JSON_KEYS = {"title", "players", "actions", "kind", "payoffs", "symbols"}


def from_json(source: str | os.PathLike[str] | Mapping[str, Any] | Any) -> Game:
    """Read a game written by :func:`to_json` from its text, a path, a file object or a dict.

    ``kind`` selects how entries are read: ``"exact"`` -> ``Fraction(entry)`` (strings like
    ``"3/4"`` or integers), ``"float"`` -> ``float``, ``"symbolic"`` -> sympy expressions parsed
    from strings with the symbols declared under ``"symbols"``. Symbolic strings may only contain
    arithmetic, comparisons and calls of sympy functions; they are evaluated without Python
    builtins. ``title``, ``actions``, ``kind`` and ``symbols`` are optional (``kind`` is then
    inferred per entry). Raises ``ValueError`` naming the problem.
    """
    if isinstance(source, Mapping):
        data = source
    else:
        text, name = _read_source(source, _JSON_TEXT, "JSON")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f" {name}" if name else ""
            raise ValueError(f"invalid JSON{where}: {exc}") from None
    if not isinstance(data, Mapping):
        raise ValueError(f"a game in JSON is an object, got {type(data).__name__}")
    unknown = sorted(set(data) - _JSON_KEYS)
    if unknown:
        raise ValueError(f"unknown key(s) {unknown} in game JSON; known keys: {sorted(_JSON_KEYS)}")
    if "payoffs" not in data or "players" not in data:
        raise ValueError("game JSON needs at least the keys 'players' and 'payoffs'")
    kind = data.get("kind")
    if kind not in (None, "exact", "float", "symbolic"):
        raise ValueError(f"unknown kind {kind!r}; expected 'exact', 'float' or 'symbolic'")
    symbols = _json_symbols(data.get("symbols", {}))
    payoffs = data["payoffs"]
    if not isinstance(payoffs, list):
        raise ValueError("'payoffs' must be a list with one nested array per player")

    def convert(value: Any, where: str) -> Any:
        return _from_json_entry(value, kind, symbols, where)

    arrays = [_map_nested(p, convert, f"payoffs[{i}]") for i, p in enumerate(payoffs)]
    try:
        return Game.from_arrays(
            *arrays,
            players=data["players"],
            actions=data.get("actions"),
            title=data.get("title"),
        )
    except (TypeError, ValueError) as exc:
        raise ValueError(f"invalid game in JSON: {exc}") from None


def _json_symbols(spec: Any) -> dict[str, sympy.Symbol]:
    if not isinstance(spec, Mapping):
        raise ValueError("'symbols' must map symbol names to their assumptions")
    out = {}
    for name, assumptions in spec.items():
        if not isinstance(assumptions, Mapping) or not all(
            isinstance(v, bool) or v is None for v in assumptions.values()
        ):
            raise ValueError(f"assumptions of symbol {name!r} must map names to true/false")
        try:
            out[name] = sympy.Symbol(name, **assumptions)
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise ValueError(f"invalid assumptions for symbol {name!r}: {exc}") from None
    return out


def _map_nested(data: Any, convert: Any, where: str) -> Any:
    if isinstance(data, list):
        return [_map_nested(item, convert, f"{where}[{k}]") for k, item in enumerate(data)]
    return convert(data, where)


def _from_json_entry(value: Any, kind: str | None, symbols: Mapping[str, Any], where: str) -> Any:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{where} is {json.dumps(value)}, not a number")
    if kind == "float":
        if not isinstance(value, numbers.Real):
            raise ValueError(f"{where} = {value!r}: a float game stores JSON numbers")
        return float(value)
    if isinstance(value, str):
        try:
            if kind != "symbolic":
                return Fraction(value.strip())
        except ValueError:
            if kind == "exact":
                raise ValueError(
                    f'{where} = {value!r} is not an exact number like "3" or "-3/4"'
                ) from None
        except ZeroDivisionError:
            raise ValueError(f"{where} = {value!r} divides by zero") from None
        return _parse_symbolic(value, symbols, where)
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if kind == "exact":
            raise ValueError(f"{where} = {value!r}: an exact game stores numbers as strings")
        return value
    raise ValueError(f"{where} has unsupported JSON value {value!r}")


# --------------------------------------------------------------------------------------------
# LaTeX
# --------------------------------------------------------------------------------------------

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _latex_text(label: str, math_mode: bool) -> str:
    escaped = "".join(_LATEX_SPECIAL.get(c, c) for c in label)
    return rf"\text{{{escaped}}}" if math_mode else escaped


def _latex_number(value: Any) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        sign = "-" if value < 0 else ""
        return rf"{sign}\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    if isinstance(value, float | np.floating):
        text = f"{float(value):.6g}"
        if "e" in text:
            mantissa, exponent = text.split("e")
            return rf"{mantissa} \times 10^{{{int(exponent)}}}"
        return text
    return sympy.latex(value)


def to_latex(game: Game, environment: str = "tabular") -> str:
    """LaTeX table of the labelled payoff matrix: rows are player 1's actions, columns player 2's,
    each cell ``u_1, u_2, ..., u_N``.

    With N > 2 players there is one table per profile of players 3..N, its first row naming that
    profile; tables are separated by ``\\qquad``. Fractions print as ``\\frac{a}{b}``, symbolic
    payoffs with :func:`sympy.latex`. ``environment="tabular"`` gives a text-mode ``tabular``
    (math in ``$...$``); ``"array"`` a math-mode ``array`` for use inside ``$$...$$``.
    """
    if not isinstance(game, Game):
        raise TypeError(f"to_latex needs a gametheory.Game, got {type(game).__name__}")
    if environment not in ("tabular", "array"):
        raise ValueError(f"environment must be 'tabular' or 'array', got {environment!r}")
    math_mode = environment == "array"

    def text(label: str) -> str:
        return _latex_text(label, math_mode)

    def cell(values: Iterable[Any]) -> str:
        body = ", ".join(_latex_number(v) for v in values)
        return body if math_mode else f"${body}$"

    shape = game.shape
    players, actions = game.players, game.actions
    arrays = game.payoff_arrays
    corner = (
        rf"{text(players[0])} \backslash {text(players[1])}"
        if math_mode
        else rf"{text(players[0])} $\backslash$ {text(players[1])}"
    )
    tables = []
    for rest in np.ndindex(shape[2:]):
        lines = [rf"\begin{{{environment}}}{{r|{'c' * shape[1]}}}"]
        if rest:
            caption = "; ".join(
                f"{players[k + 2]}: {actions[k + 2][a]}" for k, a in enumerate(rest)
            )
            lines.append(rf"\multicolumn{{{shape[1] + 1}}}{{c}}{{{text(caption)}}} \\")
        lines.append(corner + " & " + " & ".join(text(a) for a in actions[1]) + r" \\")
        lines.append(r"\hline")
        for i, name in enumerate(actions[0]):
            cells = [cell(a[(i, j, *rest)] for a in arrays) for j in range(shape[1])]
            lines.append(text(name) + " & " + " & ".join(cells) + r" \\")
        lines.append(rf"\end{{{environment}}}")
        tables.append("\n".join(lines))
    return "\n\\qquad\n".join(tables)


# --------------------------------------------------------------------------------------------
# Equilibria
# --------------------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    """Exact values as strings (``"1/2"``), floats as JSON numbers."""
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    if isinstance(value, bool):
        raise TypeError(f"unexpected boolean {value!r} in an equilibrium")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return float(value)
    if isinstance(value, sympy.Basic):
        if value.is_Rational:
            return _json_value(Fraction(int(value.p), int(value.q)))
        if value.is_Float:
            return float(value)
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as an equilibrium value")


def _equilibrium_dict(eq: Any) -> dict[str, Any]:
    strategies = [list(vec) for vec in getattr(eq, "strategies", eq)]
    payoffs = list(eq.payoffs)
    pure = getattr(eq, "is_pure", None)
    if pure is None:
        pure = all(sum(1 for p in vec if p != 0) == 1 for vec in strategies)
    return {
        "strategies": [[_json_value(p) for p in vec] for vec in strategies],
        "payoffs": [_json_value(u) for u in payoffs],
        "pure": bool(pure),
    }


def equilibria_to_json(equilibria_list: Iterable[Any]) -> str:
    """JSON text ``{"equilibria": [{"strategies", "payoffs", "pure"}, ...], "degenerate": b}``.

    ``strategies`` holds one probability vector per player and ``payoffs`` the expected payoff of
    each player; exact values are strings like ``"3/4"``, float values JSON numbers.
    ``degenerate`` is the list's ``degenerate`` attribute (``null`` when unknown).
    """
    degenerate = getattr(equilibria_list, "degenerate", None)
    items = [json.dumps(_equilibrium_dict(eq)) for eq in equilibria_list]
    body = "[\n" + ",\n".join(f"  {item}" for item in items) + "\n ]" if items else "[]"
    flag = json.dumps(None if degenerate is None else bool(degenerate))
    return f'{{\n "equilibria": {body},\n "degenerate": {flag}\n}}'
