"""The immutable N-player normal-form game.

A finite normal-form game is a tuple ``(N, (S_i), (u_i))``: players ``i = 1..N``, a finite action
set ``S_i`` per player and a payoff function ``u_i : S_1 x ... x S_N -> R`` per player
(Osborne & Rubinstein 1994, *A Course in Game Theory*, Def. 11.1). Here each ``u_i`` is stored as
an array of shape ``(|S_1|, ..., |S_N|)``. A two-player game ``Game(A, B)`` follows nashpy: ``A``
holds the row player's payoffs and ``B`` the column player's.

Payoff entries can be

* exact numbers: ``int``, :class:`fractions.Fraction`, :class:`decimal.Decimal`, sympy
  ``Integer``/``Rational``
  (the game's ``kind`` is ``"exact"`` and every solver works in rational arithmetic);
* floats (``kind == "float"``);
* sympy expressions, possibly with free symbols (``kind == "symbolic"``); a game with free
  symbols is *parametric*: :attr:`Game.parameters` lists them and :meth:`Game.subs` binds them.

This module imports nothing else from the package (DESIGN.md, "Layout").
"""

from __future__ import annotations

import decimal
import html
import math
import numbers
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

__all__ = [
    "Game",
    "UnboundParameterError",
    "as_exact",
    "format_number",
]


class UnboundParameterError(ValueError):
    """Raised when a numeric computation meets a game whose payoffs still contain symbols."""


# --------------------------------------------------------------------------------------------
# Number handling
# --------------------------------------------------------------------------------------------


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _describe_nonfinite(f: float) -> str:
    return "NaN (not a number)" if math.isnan(f) else "infinite"


def _convert_entry(value: Any, where: str, noun: str = "payoff") -> tuple[str, Any]:
    """Classify and normalise one payoff entry.

    Returns ``(kind, value)`` with kind ``"exact"`` (value a Fraction), ``"float"`` (a Python
    float) or ``"symbolic"`` (a sympy expression). Raises TypeError/ValueError naming ``where``.
    """
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{noun} {where} is a boolean ({value!r}); {_plural(noun)} must be numbers")
    if isinstance(value, str | bytes):
        raise TypeError(f"{noun} {where} is a string ({value!r}); {_plural(noun)} must be numbers")
    if isinstance(value, Fraction):
        return "exact", value
    if isinstance(value, numbers.Integral):
        return "exact", Fraction(int(value))
    if isinstance(value, decimal.Decimal):  # exact decimal fractions stay exact
        if not value.is_finite():
            raise ValueError(f"{noun} {where} is {value}; {_plural(noun)} must be finite numbers")
        return "exact", Fraction(value)
    if isinstance(value, float | np.floating):
        f = float(value)
        if not math.isfinite(f):
            raise ValueError(
                f"{noun} {where} is {_describe_nonfinite(f)}; {_plural(noun)} must be finite"
            )
        return "float", f
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(f"{noun} {where} is a sympy {type(value).__name__}, not an expression")
        if value.is_Rational:
            return "exact", Fraction(int(value.p), int(value.q))
        if value.is_Float:
            f = float(value)
            if not math.isfinite(f):
                raise ValueError(f"{noun} {where} is {f}; {_plural(noun)} must be finite numbers")
            return "float", f
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise ValueError(f"{noun} {where} is {value}; {_plural(noun)} must be finite")
        if value.is_real is False:
            raise ValueError(f"{noun} {where} is {value}, which is not real")
        return "symbolic", value
    if isinstance(value, numbers.Complex | complex):
        raise TypeError(
            f"{noun} {where} is complex ({value!r}); {_plural(noun)} must be real numbers"
        )
    raise TypeError(
        f"{noun} {where} has unsupported type {type(value).__name__} ({value!r}); use int, "
        "float, fractions.Fraction, decimal.Decimal or a sympy expression"
    )


def as_exact(value: Any) -> Fraction:
    """Return ``value`` as a :class:`~fractions.Fraction` (exactly, floats included)."""
    kind, v = _convert_entry(value, "value")
    if kind == "exact":
        return v
    if kind == "float":
        return Fraction(v)
    raise UnboundParameterError(f"{value} is symbolic and has no exact rational value")


def format_number(value: Any) -> str:
    """Short text for a payoff or probability: ``3``, ``1/2``, ``0.25``, ``t - 1``."""
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    return str(value)


def _nested_shape(data: Any, where: str) -> tuple[int, ...]:
    """Shape of a nested list/tuple/array, raising ValueError if ragged."""
    if isinstance(data, np.ndarray):
        return data.shape
    if isinstance(data, list | tuple):
        if len(data) == 0:
            return (0,)
        shapes = {_nested_shape(item, where) for item in data}
        if len(shapes) != 1:
            raise ValueError(f"{where} is ragged: its rows have different shapes {sorted(shapes)}")
        return (len(data), *shapes.pop())
    return ()


def _to_payoff_array(data: Any, where: str, noun: str = "payoff") -> tuple[str, np.ndarray]:
    """Validate one payoff array and return ``(kind, object ndarray)`` with normalised entries."""
    if isinstance(data, np.ma.MaskedArray):
        raise TypeError(f"{where} is a masked array; fill or drop the masked values first")
    if isinstance(data, sympy.MatrixBase | sympy.NDimArray):
        data = data.tolist()
    elif hasattr(data, "to_numpy") and callable(data.to_numpy):  # pandas DataFrame / Series
        data = data.to_numpy()
    if isinstance(data, np.ndarray):
        data = np.asarray(data)  # plain ndarray (np.matrix and other subclasses)
    elif isinstance(data, Iterator):
        raise TypeError(f"{where} is an iterator; pass a list, tuple or array")
    shape = _nested_shape(data, where)
    if len(shape) == 0:
        if noun == "probability":
            raise TypeError(
                f"{where} must be an action (index or name) or a probability vector, got {data!r}"
            )
        raise ValueError(f"{where} is a scalar; a payoff array needs one axis per player")
    if any(s == 0 for s in shape):
        raise ValueError(f"{where} has shape {shape}: every player needs at least one action")
    if isinstance(data, np.ndarray):
        if data.dtype.kind in "US":
            raise TypeError(f"{where} contains strings; payoffs must be numbers")
        if data.dtype.kind == "b":
            raise TypeError(f"{where} is boolean; payoffs must be numbers")
        if data.dtype.kind == "c":
            raise TypeError(f"{where} is complex; payoffs must be real numbers")
        if data.dtype.kind in "mMV":
            raise TypeError(f"{where} has dtype {data.dtype}; {_plural(noun)} must be numbers")
        if data.dtype.kind == "f" and not np.all(np.isfinite(data)):
            bad = tuple(int(i) for i in np.argwhere(~np.isfinite(data))[0])
            raise ValueError(f"{where} has a NaN (not a number) or infinite {noun} at index {bad}")
    if isinstance(data, np.ndarray) and data.dtype.kind in "iu":  # fast path: integer arrays
        flat = np.empty(shape, dtype=object)
        flat.ravel()[:] = [Fraction(int(v)) for v in data.ravel().tolist()]
        return "exact", flat
    if isinstance(data, np.ndarray) and data.dtype.kind == "f":  # fast path: float arrays
        return "float", data.astype(float).astype(object)
    flat = np.empty(shape, dtype=object)
    kinds = set()
    arr = np.asarray(data, dtype=object) if not isinstance(data, np.ndarray) else data
    if arr.shape != shape:
        # np.asarray may have split sequences that we consider entries; rebuild manually
        raise ValueError(f"{where} could not be read as an array of shape {shape}")
    for index in np.ndindex(shape):
        kind, value = _convert_entry(arr[index], f"{where}[{', '.join(map(str, index))}]", noun)
        kinds.add(kind)
        flat[index] = value
    kind = "symbolic" if "symbolic" in kinds else "float" if "float" in kinds else "exact"
    return kind, flat


def _combine_kinds(kinds: Iterable[str]) -> str:
    kinds = set(kinds)
    return "symbolic" if "symbolic" in kinds else "float" if "float" in kinds else "exact"


def _cast(array: np.ndarray, kind: str) -> np.ndarray:
    """Cast normalised entries to the representation of ``kind``."""
    if kind == "exact":
        out = array.copy()
    elif kind == "float":
        out = array.astype(float)
    else:
        out = np.empty(array.shape, dtype=object)
        for index in np.ndindex(array.shape):
            v = array[index]
            out[index] = (
                sympy.Rational(v.numerator, v.denominator)
                if isinstance(v, Fraction)
                else sympy.sympify(v)
            )
    out.flags.writeable = False
    return out


def _check_labels(labels: Any, count: int, what: str, integers: bool = True) -> tuple[str, ...]:
    """Names as strings; integers are accepted (as their decimal text) only when ``integers``
    (action labels such as 0, 1, 2), never for players."""
    if isinstance(labels, str) or not isinstance(labels, Sequence | np.ndarray):
        raise TypeError(f"{what} must be a sequence of {count} names, got {labels!r}")
    labels = tuple(labels)
    if len(labels) != count:
        raise ValueError(f"{what} has {len(labels)} names but {count} are needed")
    out = []
    for label in labels:
        allowed = str | numbers.Integral if integers else str
        if not isinstance(label, allowed) or isinstance(label, bool):
            raise TypeError(
                f"{what} contains {label!r} ({type(label).__name__}); names must be strings"
            )
        label = str(label)
        if not label.strip():
            raise ValueError(f"{what} contains an empty name")
        out.append(label)
    if len(set(out)) != len(out):
        dupes = sorted({x for x in out if out.count(x) > 1})
        raise ValueError(f"{what} has duplicate names: {dupes}")
    return tuple(out)


# --------------------------------------------------------------------------------------------
# The Game value
# --------------------------------------------------------------------------------------------


class Game:
    """An immutable N-player normal-form game.

    Parameters
    ----------
    A, B:
        Two-player form (as in ``nashpy.Game``): ``A[i, j]`` is the row player's payoff and
        ``B[i, j]`` the column player's when row ``i`` meets column ``j``. If ``B`` is omitted the
        game is zero-sum, ``B = -A``. Use :meth:`Game.from_arrays` for N players.
    players:
        Player names (default ``"Player 1"``, ``"Player 2"``, ...).
    actions:
        One sequence of action names per player (default ``"0"``, ``"1"``, ...).
    title:
        Free text shown in displays and written to ``.nfg`` files.

    Notes
    -----
    ``kind`` is ``"exact"`` when every payoff is rational (int, Fraction, sympy Rational), then
    payoffs are stored as :class:`~fractions.Fraction`; ``"float"`` when any payoff is a float;
    ``"symbolic"`` when any payoff is a non-rational sympy expression. Games are immutable and
    hashable; ``game + other`` adds payoffs entrywise.

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    >>> pd.shape
    (2, 2)
    """

    __slots__ = ("_actions", "_hash", "_kind", "_payoffs", "_players", "_title", "_views")

    def __init__(
        self,
        A: Any,
        B: Any = None,
        *,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
        title: str | None = None,
    ) -> None:
        kind_a, arr_a = _to_payoff_array(A, "A")
        if arr_a.ndim != 2:
            raise ValueError(
                f"A must be a 2-D matrix for a two-player game, got shape {arr_a.shape}; "
                "use Game.from_arrays(...) for N players"
            )
        if B is None:
            kind_b, arr_b = kind_a, np.empty(arr_a.shape, dtype=object)
            for index in np.ndindex(arr_a.shape):
                arr_b[index] = -arr_a[index]
        else:
            kind_b, arr_b = _to_payoff_array(B, "B")
            if arr_b.shape != arr_a.shape:
                raise ValueError(
                    f"A and B must have the same shape, got {arr_a.shape} and {arr_b.shape}"
                )
        self._init((arr_a, arr_b), _combine_kinds([kind_a, kind_b]), players, actions, title)

    def _init(
        self,
        arrays: Sequence[np.ndarray],
        kind: str,
        players: Sequence[str] | None,
        actions: Sequence[Sequence[str]] | None,
        title: str | None,
    ) -> None:
        n = len(arrays)
        shape = arrays[0].shape
        self._kind = kind
        self._payoffs = tuple(_cast(a, kind) for a in arrays)
        self._views: dict[str, tuple[np.ndarray, ...]] = {}  # cached read-only numeric views
        self._players = (
            tuple(f"Player {i + 1}" for i in range(n))
            if players is None
            else _check_labels(players, n, "players", integers=False)
        )
        if actions is None:
            self._actions = tuple(tuple(str(k) for k in range(s)) for s in shape)
        else:
            if isinstance(actions, str) or not isinstance(actions, Sequence | np.ndarray):
                raise TypeError("actions must be one sequence of names per player")
            if len(actions) != n:
                raise ValueError(f"actions has {len(actions)} entries but the game has {n} players")
            self._actions = tuple(
                _check_labels(a, s, f"actions of {self._players[i]}")
                for i, (a, s) in enumerate(zip(actions, shape, strict=True))
            )
        if title is not None and not isinstance(title, str):
            raise TypeError(f"title must be a string, got {type(title).__name__}")
        self._title = title or ""
        self._hash: int | None = None

    @classmethod
    def from_arrays(
        cls,
        *payoff_arrays: Any,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
        title: str | None = None,
    ) -> Game:
        """Build an N-player game from one payoff array per player.

        Each array has shape ``(a_1, ..., a_N)`` where ``N = len(payoff_arrays)``; entry
        ``payoff_arrays[i][s_1, ..., s_N]`` is player ``i``'s payoff at the pure profile ``s``.
        """
        if len(payoff_arrays) == 1 and isinstance(payoff_arrays[0], list | tuple):
            first = payoff_arrays[0]
            if first and all(isinstance(x, np.ndarray) for x in first):
                payoff_arrays = tuple(first)
        n = len(payoff_arrays)
        if n < 2:
            raise ValueError(f"a game needs at least 2 players, got {n} payoff array(s)")
        converted = [_to_payoff_array(a, f"payoff array {i}") for i, a in enumerate(payoff_arrays)]
        shape = converted[0][1].shape
        for i, (_, arr) in enumerate(converted):
            if arr.ndim != n:
                raise ValueError(
                    f"payoff array {i} has {arr.ndim} axes but there are {n} players; each array "
                    "needs one axis per player"
                )
            if arr.shape != shape:
                raise ValueError(
                    f"payoff arrays have different shapes: array 0 is {shape}, array {i} is "
                    f"{arr.shape}"
                )
        game = cls.__new__(cls)
        game._init(
            [arr for _, arr in converted],
            _combine_kinds(k for k, _ in converted),
            players,
            actions,
            title,
        )
        return game

    # ---- basic properties -------------------------------------------------------------------

    @property
    def n_players(self) -> int:
        """Number of players N."""
        return len(self._payoffs)

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of actions of each player."""
        return self._payoffs[0].shape

    @property
    def players(self) -> tuple[str, ...]:
        """Player names."""
        return self._players

    @property
    def actions(self) -> tuple[tuple[str, ...], ...]:
        """Action names, one tuple per player."""
        return self._actions

    @property
    def title(self) -> str:
        """Title of the game (may be empty)."""
        return self._title

    @property
    def kind(self) -> str:
        """``"exact"``, ``"float"`` or ``"symbolic"`` (see the class notes)."""
        return self._kind

    @property
    def is_exact(self) -> bool:
        """True when every payoff is a rational number."""
        return self._kind == "exact"

    @property
    def payoff_arrays(self) -> tuple[np.ndarray, ...]:
        """One read-only payoff array per player (Fractions, floats or sympy expressions)."""
        return self._payoffs

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free sympy symbols of the payoffs, sorted by name (empty for numeric games)."""
        if self._kind != "symbolic":
            return ()
        syms: set[sympy.Symbol] = set()
        for arr in self._payoffs:
            for v in arr.flat:
                syms |= v.free_symbols
        return tuple(sorted(syms, key=lambda s: s.name))

    @property
    def is_parametric(self) -> bool:
        """True when the payoffs contain free symbols."""
        return bool(self.parameters)

    def with_labels(
        self,
        *,
        players: Sequence[str] | None = None,
        actions: Sequence[Sequence[str]] | None = None,
        title: str | None = None,
    ) -> Game:
        """A copy with new player/action names or title (payoffs unchanged)."""
        game = Game.__new__(Game)
        game._init(
            self._payoffs,
            self._kind,
            self._players if players is None else players,
            self._actions if actions is None else actions,
            self._title if title is None else title,
        )
        return game

    # ---- numeric views ----------------------------------------------------------------------

    def _require_numeric(self, what: str = "this computation") -> None:
        params = self.parameters
        if params:
            names = ", ".join(s.name for s in params)
            raise UnboundParameterError(
                f"{what} needs numeric payoffs but the game has unbound parameters: {names}; "
                f"bind them first, e.g. game.subs({params[0].name}=1)"
            )

    def _require_solvable(self, what: str) -> None:
        """Raise unless the payoffs are rational or float numbers (what exact solvers need)."""
        self._require_numeric(what)
        if self._kind == "symbolic":
            example = next(v for a in self._payoffs for v in a.flat if not v.is_Rational)
            raise ValueError(
                f"{what} needs rational or float payoffs, but the game has irrational constants "
                f"such as {example}; solve the game of their float values with game.evalf(), or "
                "replace them by rationals (e.g. with sympy.nsimplify)"
            )

    def as_float(self) -> tuple[np.ndarray, ...]:
        """Payoff arrays as float64 (raises :class:`UnboundParameterError` if parametric)."""
        self._require_numeric("as_float()")
        cached = self._views.get("float")
        if cached is not None:
            return cached
        try:
            if self._kind == "symbolic":
                out = tuple(
                    np.array([float(sympy.N(v, 17)) for v in a.flat]).reshape(a.shape)
                    for a in self._payoffs
                )
            else:
                out = tuple(np.asarray(a, dtype=float) for a in self._payoffs)
        except OverflowError:
            out = (np.array([np.inf]),)
        if not all(np.all(np.isfinite(a)) for a in out):
            raise ValueError("some payoffs are too large to be represented as float64 numbers")
        for a in out:
            a.flags.writeable = False  # the game is immutable: its views are too
        self._views["float"] = out
        return out

    def evalf(self) -> Game:
        """The float game of the payoffs' float64 values (e.g. for irrational constants)."""
        return Game.from_arrays(
            *self.as_float(), players=self._players, actions=self._actions, title=self._title
        )

    def as_fractions(self) -> tuple[np.ndarray, ...]:
        """Payoff arrays as exact Fractions (floats converted exactly; symbolic games rejected)."""
        self._require_numeric("as_fractions()")
        if self._kind == "symbolic":
            raise ValueError(
                "the game has irrational symbolic payoffs (e.g. sqrt(2)); they have no exact "
                "rational form, use as_float()"
            )
        if self._kind == "exact":
            return self._payoffs
        cached = self._views.get("fractions")
        if cached is not None:
            return cached
        out = []
        for a in self._payoffs:
            b = np.empty(a.shape, dtype=object)
            b.ravel()[:] = [Fraction(v) for v in a.ravel().tolist()]  # exact binary values
            b.flags.writeable = False
            out.append(b)
        self._views["fractions"] = tuple(out)
        return self._views["fractions"]

    def to_nashpy(self) -> Any:
        """The same two-player game as a ``nashpy.Game`` (float payoffs)."""
        import nashpy

        if self.n_players != 2:
            raise ValueError(
                f"nashpy supports two-player games only; this one has {self.n_players}"
            )
        A, B = self.as_float()
        return nashpy.Game(A, B)

    # ---- symbolic -----------------------------------------------------------------------------

    def subs(self, mapping: Mapping[Any, Any] | None = None, /, **values: Any) -> Game:
        """Bind parameters, e.g. ``game.subs(t=2)`` or ``game.subs({t: 2})``.

        Unknown parameter names raise ``ValueError``. Rational values keep the game exact.
        """
        if self._kind != "symbolic":
            if mapping or values:
                raise ValueError("the game has no parameters to substitute")
            return self
        by_name = {s.name: s for s in self.parameters}
        subs: dict[sympy.Symbol, Any] = {}
        for key, value in {**(mapping or {}), **values}.items():
            name = key.name if isinstance(key, sympy.Symbol) else key
            if name not in by_name:
                raise ValueError(
                    f"unknown parameter {name!r}; the game's parameters are {sorted(by_name)}"
                )
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"parameter {name} = {value} is not finite")
            if isinstance(value, Fraction):
                value = sympy.Rational(value.numerator, value.denominator)
            subs[by_name[name]] = value
        arrays = []
        for a in self._payoffs:
            b = np.empty(a.shape, dtype=object)
            for index in np.ndindex(a.shape):
                b[index] = sympy.sympify(a[index]).subs(subs)
            arrays.append(b)
        return Game.from_arrays(
            *arrays, players=self._players, actions=self._actions, title=self._title
        )

    def lambdify(self) -> Callable[..., tuple[np.ndarray, ...]]:
        """A numpy-vectorised function ``f(**parameters) -> payoff arrays``.

        The returned arrays have shape ``broadcast(parameter shapes) + game.shape``.
        """
        params = self.parameters
        names = [p.name for p in params]
        flat = [sympy.sympify(v) for a in self._payoffs for v in a.flat]
        fn = sympy.lambdify(params, flat, modules="numpy")
        shape = self.shape
        n = self.n_players

        def evaluate(**kwargs: Any) -> tuple[np.ndarray, ...]:
            missing = sorted(set(names) - set(kwargs))
            extra = sorted(set(kwargs) - set(names))
            if missing or extra:
                raise ValueError(f"expected parameters {names}; missing {missing}, unknown {extra}")
            args = [np.asarray(kwargs[name], dtype=float) for name in names]
            bshape = np.broadcast_shapes(*(a.shape for a in args)) if args else ()
            values = fn(*args)
            size = math.prod(shape)
            out = []
            for i in range(n):  # one contiguous array per player
                block = np.empty((*bshape, size))
                for k, v in enumerate(values[i * size : (i + 1) * size]):
                    block[..., k] = v
                out.append(block.reshape((*bshape, *shape)))
            return tuple(out)

        evaluate.__doc__ = f"Payoff arrays of {self._title or 'the game'} for {names}."
        return evaluate

    # ---- combination ------------------------------------------------------------------------

    def __add__(self, other: Any) -> Game:
        if not isinstance(other, Game):
            return NotImplemented
        if other.shape != self.shape:
            raise ValueError(f"cannot add games of shapes {self.shape} and {other.shape}")
        if other.players != self.players or other.actions != self.actions:
            raise ValueError(
                "cannot add games with different player or action labels; relabel one with "
                "with_labels(...) first"
            )
        kind = _combine_kinds([self._kind, other._kind])
        arrays = []
        for a, b in zip(self._payoffs, other._payoffs, strict=True):
            if kind == "float":
                arrays.append(np.asarray(a, dtype=float) + np.asarray(b, dtype=float))
            else:
                arrays.append(a + b)
        game = Game.__new__(Game)
        game._init(
            [np.asarray(_to_payoff_array(a, "sum")[1]) for a in arrays],
            kind,
            self._players,
            self._actions,
            self._title,
        )
        return game

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Game):
            return NotImplemented
        return (
            self._players == other._players
            and self._actions == other._actions
            and self._title == other._title
            and self.shape == other.shape
            and all(
                np.array_equal(a, b) for a, b in zip(self._payoffs, other._payoffs, strict=True)
            )
        )

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(
                (
                    self._players,
                    self._actions,
                    self._title,
                    tuple(tuple(a.flat) for a in self._payoffs),
                )
            )
        return self._hash

    # ---- profiles and payoffs ---------------------------------------------------------------

    def action_index(self, player: int | str, action: int | str) -> int:
        """Index of ``action`` (an index or a name) of ``player`` (an index or a name)."""
        p = self.player_index(player)
        names = self._actions[p]
        if isinstance(action, numbers.Integral) and not isinstance(action, bool):
            a = int(action)
            if not 0 <= a < len(names):
                raise ValueError(
                    f"action index {a} out of range for {self._players[p]}, who has "
                    f"{len(names)} actions"
                )
            return a
        if isinstance(action, str):
            if action not in names:
                raise ValueError(
                    f"{self._players[p]} has no action {action!r}; actions are {list(names)}"
                )
            return names.index(action)
        raise TypeError(f"an action is an index or a name, got {action!r}")

    def player_index(self, player: int | str) -> int:
        """Index of a player given by index or name."""
        if isinstance(player, numbers.Integral) and not isinstance(player, bool):
            p = int(player)
            if not 0 <= p < self.n_players:
                raise ValueError(f"player index {p} out of range for {self.n_players} players")
            return p
        if isinstance(player, str) and player in self._players:
            return self._players.index(player)
        raise ValueError(f"unknown player {player!r}; players are {list(self._players)}")

    def pure_profile(self, profile: Sequence[int | str]) -> tuple[int, ...]:
        """Validate a pure profile (indices or names) and return it as indices."""
        if isinstance(profile, str) or not isinstance(profile, Sequence | np.ndarray):
            raise TypeError(f"a profile is a sequence with one action per player, got {profile!r}")
        if len(profile) != self.n_players:
            raise ValueError(
                f"a profile needs one action per player ({self.n_players}), got {len(profile)}"
            )
        return tuple(self.action_index(i, a) for i, a in enumerate(profile))

    def mixed_strategy(self, player: int, strategy: Any, *, tol: float = 1e-9) -> np.ndarray:
        """Validate a strategy of ``player`` and return it as a probability vector.

        A strategy is an action (index or name) or a probability vector. Exact vectors
        (ints, Fractions, sympy Rationals) must sum to exactly 1; float vectors to within ``tol``.
        Returns an object array of Fractions for exact input, else float64.
        """
        size = self.shape[player]
        if isinstance(strategy, numbers.Integral | str) and not isinstance(strategy, bool):
            a = self.action_index(player, strategy)
            vec = np.array([Fraction(int(k == a)) for k in range(size)], dtype=object)
            return vec
        kind, arr = _to_payoff_array(
            strategy, f"strategy of {self._players[player]}", "probability"
        )
        if arr.ndim != 1 or arr.shape[0] != size:
            raise ValueError(
                f"strategy of {self._players[player]} must have {size} probabilities, got "
                f"shape {arr.shape}"
            )
        if kind == "symbolic":
            raise TypeError(f"strategy of {self._players[player]} must be numeric")
        if kind == "float":
            vec = arr.astype(float)
            if isinstance(strategy, np.ndarray) and strategy.dtype.kind == "f":
                tol = max(tol, 16 * float(np.finfo(strategy.dtype).eps))  # float32 input
            if np.any(vec < -tol):
                raise ValueError(f"strategy of {self._players[player]} has negative probabilities")
            if abs(vec.sum() - 1.0) > tol:
                raise ValueError(
                    f"probabilities of {self._players[player]} sum to {vec.sum()!r}, not 1"
                )
            return np.clip(vec, 0.0, None) / np.clip(vec, 0.0, None).sum()  # within tol of 1
        if any(v < 0 for v in arr):
            raise ValueError(f"strategy of {self._players[player]} has negative probabilities")
        total = sum(arr, Fraction(0))
        if total != 1:
            raise ValueError(f"probabilities of {self._players[player]} sum to {total}, not 1")
        return arr

    def payoff(self, profile: Sequence[Any]) -> tuple[Any, ...]:
        """Expected payoff of every player at a pure or mixed profile.

        ``profile`` has one entry per player: an action (index or name) or a probability vector.
        Pure profiles return the stored payoffs; mixed ones return
        ``u_i(sigma) = sum_s prod_k sigma_k(s_k) u_i(s)`` (exact when the game and the
        probabilities are exact).
        """
        if isinstance(profile, str) or not isinstance(profile, Sequence | np.ndarray):
            raise TypeError(f"a profile is a sequence with one entry per player, got {profile!r}")
        if len(profile) != self.n_players:
            raise ValueError(
                f"a profile needs one entry per player ({self.n_players}), got {len(profile)}"
            )
        if all(isinstance(a, numbers.Integral | str) and not isinstance(a, bool) for a in profile):
            idx = self.pure_profile(profile)
            return tuple(a[idx] for a in self._payoffs)
        vectors = [self.mixed_strategy(i, s) for i, s in enumerate(profile)]
        return expected_payoffs(self._payoffs, vectors)

    # ---- transformations used by tests and solvers -------------------------------------------

    def permute_players(self, order: Sequence[int]) -> Game:
        """The same game with players reordered: new player k is old player ``order[k]``."""
        order = tuple(order)
        if sorted(order) != list(range(self.n_players)):
            raise ValueError(f"order must be a permutation of 0..{self.n_players - 1}")
        arrays = [np.transpose(self._payoffs[k], order) for k in order]
        return Game.from_arrays(
            *arrays,
            players=[self._players[k] for k in order],
            actions=[self._actions[k] for k in order],
            title=self._title,
        )

    def permute_actions(self, player: int | str, order: Sequence[int]) -> Game:
        """The same game with ``player``'s actions reordered: new action k is old ``order[k]``."""
        p = self.player_index(player)
        order = tuple(order)
        if sorted(order) != list(range(self.shape[p])):
            raise ValueError(f"order must be a permutation of 0..{self.shape[p] - 1}")
        arrays = [np.take(a, order, axis=p) for a in self._payoffs]
        actions = list(self._actions)
        actions[p] = tuple(self._actions[p][k] for k in order)
        return Game.from_arrays(*arrays, players=self._players, actions=actions, title=self._title)

    # ---- display -----------------------------------------------------------------------------

    def _cells(self) -> list[tuple[tuple[int, ...], list[list[str]]]]:
        """Tables for display: one per profile of players 3..N, rows x columns of cell texts."""
        shape = self.shape
        tables = []
        for rest in np.ndindex(shape[2:]):
            rows = []
            for i in range(shape[0]):
                row = []
                for j in range(shape[1]):
                    idx = (i, j, *rest)
                    row.append(", ".join(format_number(a[idx]) for a in self._payoffs))
                rows.append(row)
            tables.append((rest, rows))
        return tables

    def _table_caption(self, rest: tuple[int, ...]) -> str:
        return "; ".join(
            f"{self._players[k + 2]}: {self._actions[k + 2][a]}" for k, a in enumerate(rest)
        )

    def __repr__(self) -> str:
        head = f"Game({self._title!r}, " if self._title else "Game("
        head += f"players={list(self._players)}, shape={self.shape}, kind={self._kind!r})"
        lines = [head]
        for rest, rows in self._cells():
            if rest:
                lines.append(f"  [{self._table_caption(rest)}]")
            col_names = self._actions[1]
            width = max([len(x) for r in rows for x in r] + [len(x) for x in col_names] + [1])
            rwidth = max(len(x) for x in self._actions[0])
            lines.append(
                "  " + " " * rwidth + " | " + " | ".join(c.center(width) for c in col_names)
            )
            for name, row in zip(self._actions[0], rows, strict=True):
                lines.append(
                    "  " + name.rjust(rwidth) + " | " + " | ".join(x.center(width) for x in row)
                )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        parts = []
        if self._title:
            parts.append(f"<p><b>{esc(self._title)}</b></p>")
        for rest, rows in self._cells():
            cap = self._table_caption(rest)
            parts.append("<table>")
            if cap:
                parts.append(f"<caption>{esc(cap)}</caption>")
            parts.append(
                f"<tr><th>{esc(self._players[0])} \\ {esc(self._players[1])}</th>"
                + "".join(f"<th>{esc(c)}</th>" for c in self._actions[1])
                + "</tr>"
            )
            for name, row in zip(self._actions[0], rows, strict=True):
                parts.append(
                    f"<tr><th>{esc(name)}</th>"
                    + "".join(f"<td>({esc(x)})</td>" for x in row)
                    + "</tr>"
                )
            parts.append("</table>")
        return "\n".join(parts)

    def _repr_latex_(self) -> str:
        from .io import to_latex  # io imports game; imported lazily to keep game at the bottom

        return "$$" + to_latex(self, environment="array") + "$$"

    def to_nfg(self, *, outcomes: bool = False) -> str:
        """Gambit ``.nfg`` text (payoff version, or outcome version with ``outcomes=True``)."""
        from .io import to_nfg

        return to_nfg(self, outcomes=outcomes)

    @classmethod
    def from_nfg(cls, source: str | Any) -> Game:
        """Read a Gambit ``.nfg`` game from a path or from the file's text."""
        from .io import from_nfg

        return from_nfg(source)

    def to_json(self) -> str:
        """JSON text of the game (exact numbers as strings such as ``"3/4"``)."""
        from .io import to_json

        return to_json(self)

    @classmethod
    def from_json(cls, source: str | Any) -> Game:
        """Read a game written by :meth:`to_json` (text or path)."""
        from .io import from_json

        return from_json(source)

    def to_latex(self) -> str:
        """LaTeX table of the payoff matrix (one table per profile of players 3..N)."""
        from .io import to_latex

        return to_latex(self)


def expected_payoffs(payoffs: Sequence[np.ndarray], vectors: Sequence[np.ndarray]) -> tuple:
    """``u_i(sigma)`` for every player: contract each payoff array with every strategy vector.

    Exact (Fraction) when arrays and vectors are exact object arrays, float otherwise.
    """
    out = []
    for arr in payoffs:
        value = arr
        for vec in reversed(vectors):
            value = np.tensordot(value, vec, axes=([value.ndim - 1], [0]))
        out.append(value.item() if isinstance(value, np.ndarray) else value)
    return tuple(out)
