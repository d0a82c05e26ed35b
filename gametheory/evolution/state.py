"""The state space of an evolutionary system: populations, shares and their coordinates.

A *population* is a large group of agents (local governments, enterprises, ...) who each play one
action of a game; its *state* is the vector of action shares, a point of the simplex
``Delta_k = {x in R^k : x_a >= 0, sum_a x_a = 1}``. An evolutionary system has either

* one population per player (the asymmetric or multi-population view of Taylor 1979 and
  Friedman 1991): the state space is the product ``Delta_{k_1} x ... x Delta_{k_N}``; or
* a single population playing a symmetric game against itself (Maynard Smith & Price 1973;
  Taylor & Jonker 1978): the state space is one simplex.

The dynamics is written in *reduced coordinates*: the shares of the first ``k - 1`` actions of
each population are the state variables and the last share is ``1 - sum`` of them. For a
population with two actions the single variable is the share of its first action (the ``x``,
``y``, ``z`` of the applied literature), and the replicator equation takes the familiar form
``x' = x (1 - x) (E_1 - E_2)``.

This module also computes the *fitness* (expected payoff) of every pure action against the
current state, symbolically (sympy) and vectorised (numpy, many states and parameter scenarios
at once).

References
----------
Friedman, D. (1991). Evolutionary games in economics. *Econometrica* 59(3): 637-666.
Maynard Smith, J. & Price, G. R. (1973). The logic of animal conflict. *Nature* 246: 15-18.
Taylor, P. D. (1979). Evolutionarily stable strategies with two types of player. *Journal of
Applied Probability* 16(1): 76-83.
Taylor, P. D. & Jonker, L. B. (1978). Evolutionarily stable strategies and game dynamics.
*Mathematical Biosciences* 40: 145-156.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from typing import Any

import numpy as np
import sympy

from ..game import Game

__all__ = [
    "Population",
    "StateSpace",
    "check_symmetric",
    "is_symmetric",
]

#: Letters for the variables of successive populations (x, y, z, w, then u, v, ...).
_LETTERS = ("x", "y", "z", "w", "u", "v", "r", "s")


@dataclass(frozen=True)
class Population:
    """One population: its name, action names, and the state variables of its first ``k - 1``
    action shares (the share of the last action is ``1 - sum(variables)``)."""

    name: str
    actions: tuple[str, ...]
    variables: tuple[sympy.Symbol, ...]

    @property
    def size(self) -> int:
        """Number of actions ``k``."""
        return len(self.actions)

    @property
    def shares(self) -> tuple[sympy.Expr, ...]:
        """The ``k`` action shares as expressions of the variables."""
        return (*self.variables, 1 - sum(self.variables, sympy.Integer(0)))


def is_symmetric(game: Game) -> bool:
    """Whether ``game`` is symmetric: every player has the same actions and
    ``u_i(s) = u_1(s_i, s_{-i})`` with ``u_1`` invariant to permutations of the opponents.

    For two players this is ``B = A^T`` (and equal action names). Payoffs are compared exactly
    (sympy expressions after ``expand``).
    """
    return check_symmetric(game) is None


def check_symmetric(game: Game) -> str | None:
    """``None`` if ``game`` is symmetric, else a sentence saying why not."""
    n = game.n_players
    shape = game.shape
    if len(set(shape)) != 1:
        return f"the players have different numbers of actions {shape}"
    if len(set(game.actions)) != 1:
        return (
            "the players' actions have different names "
            f"({', '.join('/'.join(a) for a in game.actions)}); relabel them with "
            "game.with_labels(actions=...) if the actions correspond"
        )
    arrays = game.payoff_arrays
    u1 = arrays[0]

    def same(a: Any, b: Any) -> bool:
        if isinstance(a, sympy.Basic) or isinstance(b, sympy.Basic):
            return sympy.expand(sympy.sympify(a) - sympy.sympify(b)) == 0
        return a == b

    for s in np.ndindex(*shape):
        # u_1 must not depend on the order of the opponents' actions
        rest = s[1:]
        for k in range(1, n - 1):
            swapped = list(rest)
            swapped[k - 1], swapped[k] = swapped[k], swapped[k - 1]
            if not same(u1[s], u1[(s[0], *swapped)]):
                return (
                    f"player 1's payoff depends on which opponent plays what at profile {s}; "
                    "a symmetric game's payoff depends only on one's own action and the "
                    "multiset of the others' actions"
                )
        for i in range(1, n):
            t = list(s)
            t[0], t[i] = t[i], t[0]
            if not same(arrays[i][s], u1[tuple(t)]):
                return (
                    f"u_{i + 1}{s} = {arrays[i][s]} differs from u_1{tuple(t)} = {u1[tuple(t)]}"
                    + ("; a symmetric two-player game needs B = A^T" if n == 2 else "")
                )
    return None


def _default_names(sizes: Sequence[int], single: bool) -> list[list[str]]:
    """Default variable names: x, y, z for two-action populations, x_1, x_2 for larger ones."""
    if single:
        k = sizes[0]
        return [["x"]] if k == 2 else [[f"x_{a + 1}" for a in range(k - 1)]]
    n = len(sizes)
    if n <= len(_LETTERS):
        letters = list(_LETTERS[:n])
        return [
            [ch] if k == 2 else [f"{ch}_{a + 1}" for a in range(k - 1)]
            for ch, k in zip(letters, sizes, strict=True)
        ]
    return [
        [f"x_{i + 1}"] if k == 2 else [f"x_{i + 1}_{a + 1}" for a in range(k - 1)]
        for i, k in enumerate(sizes)
    ]


@dataclass(frozen=True)
class StateSpace:
    """The product of simplices an evolutionary system lives on.

    ``single`` is True for one population playing a symmetric game (then ``populations`` has one
    entry and the payoffs are player 1's); ``players[p]`` is the game player whose payoffs
    population ``p`` earns.
    """

    populations: tuple[Population, ...]
    single: bool

    # ---- construction ------------------------------------------------------------------------

    @classmethod
    def of(cls, game: Game, *, single: bool = False, variables: Any = None) -> StateSpace:
        """The state space of ``game`` (one population per player, or one population)."""
        if not isinstance(game, Game):
            raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
        if not isinstance(single, bool):
            raise TypeError("single must be True or False")
        if single:
            why = check_symmetric(game)
            if why is not None:
                raise ValueError(
                    "a single population needs a symmetric game, but this one is not symmetric: "
                    f"{why}; use single=False for one population per player"
                )
            sizes = [game.shape[0]]
            names = [game.title or "population"]
            actions = [game.actions[0]]
        else:
            sizes = list(game.shape)
            names = list(game.players)
            actions = list(game.actions)
        for k, name in zip(sizes, names, strict=True):
            if k < 2:
                raise ValueError(
                    f"population {name!r} has a single action; its share is always 1 and it "
                    "has no dynamics (remove the player or give it a second action)"
                )
        dim = sum(k - 1 for k in sizes)
        if variables is None:
            var_names = _default_names(sizes, single)
            symbols = [[sympy.Symbol(v, real=True) for v in vs] for vs in var_names]
        else:
            flat = _variable_symbols(variables, dim)
            symbols, start = [], 0
            for k in sizes:
                symbols.append(flat[start : start + k - 1])
                start += k - 1
        taken = {p.name for p in game.parameters}
        clash = sorted(s.name for vs in symbols for s in vs if s.name in taken)
        if clash:
            raise ValueError(
                f"state variable name(s) {clash} are also parameters of the game; choose other "
                "names with variables=, e.g. variables='p q r'"
            )
        populations = tuple(
            Population(name, tuple(acts), tuple(vs))
            for name, acts, vs in zip(names, actions, symbols, strict=True)
        )
        return cls(populations, single)

    # ---- coordinates -------------------------------------------------------------------------

    @property
    def variables(self) -> tuple[sympy.Symbol, ...]:
        """All state variables, population by population."""
        return tuple(v for p in self.populations for v in p.variables)

    @property
    def dim(self) -> int:
        """Dimension of the state space (number of variables)."""
        return sum(p.size - 1 for p in self.populations)

    @property
    def sizes(self) -> tuple[int, ...]:
        """Number of actions of each population."""
        return tuple(p.size for p in self.populations)

    def offsets(self) -> list[int]:
        """Index of each population's first variable."""
        out, start = [], 0
        for p in self.populations:
            out.append(start)
            start += p.size - 1
        return out

    def reduced(self, state: Sequence[Sequence[Any]]) -> tuple[Any, ...]:
        """Variable values of a state given as one mixed strategy per population."""
        return tuple(x for s in state for x in tuple(s)[:-1])

    def full(self, values: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
        """One mixed strategy per population from the variable values (exact when they are)."""
        out, start = [], 0
        for p in self.populations:
            part = list(values[start : start + p.size - 1])
            start += p.size - 1
            last = 1 - sum(part, sympy.Integer(0) if _any_sympy(part) else 0)
            out.append((*part, last))
        return tuple(out)

    def full_array(self, values: np.ndarray) -> list[np.ndarray]:
        """Float shares ``(..., k_p)`` of each population from variables ``(..., dim)``."""
        out = []
        for p, start in zip(self.populations, self.offsets(), strict=True):
            part = values[..., start : start + p.size - 1]
            last = 1.0 - part.sum(axis=-1, keepdims=True)
            out.append(np.concatenate([part, last], axis=-1))
        return out

    def vertex_values(self, profile: Sequence[int]) -> tuple[int, ...]:
        """Variable values (0/1) of the vertex where population ``p`` plays ``profile[p]``."""
        out: list[int] = []
        for p, a in zip(self.populations, profile, strict=True):
            out.extend(int(a == b) for b in range(p.size - 1))
        return tuple(out)

    def label(self, state: Sequence[Sequence[Any]]) -> str:
        """Readable label of a state: action names at a vertex, else the shares."""
        parts = []
        for p, s in zip(self.populations, state, strict=True):
            support = [a for a, v in enumerate(s) if not _is_zero(v)]
            if len(support) == 1 and _is_one(s[support[0]]):
                parts.append(p.actions[support[0]])
            else:
                parts.append("(" + ", ".join(_text(v) for v in s) + ")")
        return "(" + ", ".join(parts) + ")"

    # ---- validation of user states -----------------------------------------------------------

    def check_states(self, states: Any, *, tol: float = 1e-9) -> np.ndarray:
        """Validate initial states and return them as a float array ``(n, dim)``.

        Accepted: an array ``(n, dim)`` or ``(dim,)`` of variable values; or a sequence of states,
        each one mixed strategy per population (``((x, 1 - x), (y, 1 - y))``) or, for
        two-action populations, one share per population; for a single population also its
        mixed strategy without the nesting (``(0.2, 0.3, 0.5)``; with two actions only inside a
        list, ``[(0.3, 0.7)]``, since ``[0.3, 0.7]`` could also be two states). Raises
        ``ValueError`` for NaN, negative shares, shares summing to more than 1 (beyond ``tol``)
        or a wrong size.
        """
        if isinstance(states, str):
            raise TypeError("initial states must be numbers, not a string")
        arr = _as_state_rows(states, self)
        if arr.ndim != 2 or arr.shape[1] != self.dim or arr.shape[0] == 0:
            raise ValueError(
                f"initial states must have {self.dim} value(s) each (the variables "
                f"{', '.join(v.name for v in self.variables)}), got shape {arr.shape}"
            )
        if not np.all(np.isfinite(arr)):
            k = int(np.flatnonzero(~np.isfinite(arr).all(axis=1))[0])
            raise ValueError(f"initial state {k} is not finite (NaN or infinite): {arr[k]}")
        for k, row in enumerate(arr):
            for p, start in zip(self.populations, self.offsets(), strict=True):
                part = row[start : start + p.size - 1]
                shares = [*part, 1.0 - part.sum()]
                if min(shares) < -tol:
                    raise ValueError(
                        f"initial state {k} is off the simplex: population {p.name!r} has a "
                        f"negative share ({', '.join(f'{v:g}' for v in shares)})"
                    )
        return np.clip(arr, 0.0, 1.0)

    def grid(self, points: int = 5, *, margin: float | None = None) -> np.ndarray:
        """A regular grid of interior initial states, ``(n, dim)``.

        Each population's shares run over the interior grid ``{1/(m+1), ..., m/(m+1)}`` with
        ``m = points`` (so 5 points give 1/6 ... 5/6; ``margin`` sets the end points instead), and
        the grid is the product over populations (for ``k > 2`` actions, the simplex points of
        the grid with all shares at least the margin).
        """
        if isinstance(points, bool) or not isinstance(points, numbers.Integral) or points < 1:
            raise ValueError(f"points must be a positive integer, got {points!r}")
        if margin is None:
            margin = 1.0 / (points + 1)
        if not (0 < margin < 0.5):
            raise ValueError(f"margin must lie in (0, 1/2), got {margin!r}")
        axis = np.linspace(margin, 1 - margin, points) if points > 1 else np.array([0.5])
        per_population = []
        for p in self.populations:
            if p.size == 2:
                per_population.append(axis[:, None])
            else:
                rows = [c for c in product(axis, repeat=p.size - 1) if 1 - sum(c) >= margin - 1e-12]
                if not rows:
                    rows = [tuple([1.0 / p.size] * (p.size - 1))]
                per_population.append(np.array(rows))
        combos = product(*(range(len(block)) for block in per_population))
        return np.array(
            [
                np.concatenate([block[i] for block, i in zip(per_population, c, strict=True)])
                for c in combos
            ]
        )

    # ---- fitness -----------------------------------------------------------------------------

    def fitness(self, game: Game) -> tuple[tuple[sympy.Expr, ...], ...]:
        """Expected payoff ``E_{p,a}`` of every action of every population (sympy, expanded).

        Multi-population: ``E_{i,a} = sum_{s_-i} u_i(a, s_-i) prod_{j != i} x_{j,s_j}``.
        Single population (symmetric game): ``E_a = sum_{s_-1} u_1(a, s_-1) prod_{j>1} x_{s_j}``,
        which for two players is ``(A x)_a``.
        """
        arrays = _sympy_arrays(game)
        shares = [p.shares for p in self.populations]
        n = game.n_players
        out = []
        if self.single:
            x = shares[0]
            k = self.populations[0].size
            values = []
            for a in range(k):
                total = sympy.Integer(0)
                for rest in product(range(k), repeat=n - 1):
                    w = sympy.Mul(*(x[b] for b in rest))
                    total += arrays[0][(a, *rest)] * w
                values.append(sympy.expand(total))
            return (tuple(values),)
        for i in range(n):
            values = []
            others = [j for j in range(n) if j != i]
            for a in range(game.shape[i]):
                total = sympy.Integer(0)
                for rest in product(*(range(game.shape[j]) for j in others)):
                    w = sympy.Mul(*(shares[j][b] for j, b in zip(others, rest, strict=True)))
                    prof = list(rest)
                    prof.insert(i, a)
                    coeff = arrays[i][tuple(prof)]
                    if coeff != 0:
                        total += coeff * w
                values.append(sympy.expand(total))
            out.append(tuple(values))
        return tuple(out)

    def fitness_arrays(
        self, payoffs: Sequence[np.ndarray], shares: Sequence[np.ndarray]
    ) -> list[np.ndarray]:
        """Vectorised fitness: payoffs ``(S, a_1..a_N)`` per player and shares ``(S, B, k_p)``
        per population give ``(S, B, k_p)`` per population (``S`` scenarios, ``B`` states)."""
        if self.single:
            u = payoffs[0]
            x = shares[0]
            n = u.ndim - 1
            value = u
            # contract the opponents' axes (last first) with the population state
            value = np.broadcast_to(value[:, None], (u.shape[0], x.shape[1], *u.shape[1:]))
            for _ in range(n - 1):
                value = np.einsum("sb...k,sbk->sb...", value, x)
            return [value]
        out = []
        n = len(payoffs)
        S = shares[0].shape[0]
        for i in range(n):
            others = [j for j in range(n) if j != i]
            # joint distribution of the others' pure profiles, (S, B, prod k_j), C order
            joint = shares[others[0]]
            for j in others[1:]:
                joint = (joint[..., :, None] * shares[j][..., None, :]).reshape(
                    *joint.shape[:2], -1
                )
            U = np.moveaxis(payoffs[i], i + 1, 1).reshape(
                payoffs[i].shape[0], payoffs[i].shape[i + 1], -1
            )
            if U.shape[0] == 1 and S == 1:
                out.append((joint[0] @ U[0].T)[None])
            else:
                out.append(np.einsum("sbm,sam->sba", joint, np.broadcast_to(U, (S, *U.shape[1:]))))
        return out


def _variable_symbols(variables: Any, dim: int) -> list[sympy.Symbol]:
    if isinstance(variables, str):
        items: list[Any] = variables.replace(",", " ").split()
    elif isinstance(variables, Sequence):
        items = list(variables)
    else:
        raise TypeError(f"variables must be names or sympy symbols, got {variables!r}")
    if len(items) != dim:
        raise ValueError(f"the state space has {dim} variable(s), got {len(items)} name(s)")
    out = []
    for v in items:
        if isinstance(v, sympy.Symbol):
            out.append(v)
        elif isinstance(v, str) and v.isidentifier():
            out.append(sympy.Symbol(v, real=True))
        else:
            raise ValueError(f"variable names must be identifiers or symbols, got {v!r}")
    if len({s.name for s in out}) != len(out):
        raise ValueError(f"variable names must be distinct, got {[s.name for s in out]}")
    return out


def _sympy_arrays(game: Game) -> list[np.ndarray]:
    out = []
    for a in game.payoff_arrays:
        b = np.empty(a.shape, dtype=object)
        for index in np.ndindex(a.shape):
            v = a[index]
            if isinstance(v, Fraction):
                b[index] = sympy.Rational(v.numerator, v.denominator)
            elif isinstance(v, float):
                b[index] = sympy.Rational(*Fraction(v).as_integer_ratio())
            else:
                b[index] = sympy.sympify(v)
        out.append(b)
    return out


def _as_state_rows(states: Any, space: StateSpace) -> np.ndarray:
    """Rows of variable values from the accepted input forms (see ``check_states``)."""
    if isinstance(states, np.ndarray) and states.dtype != object:
        arr = np.asarray(states, dtype=float)
        return arr[None, :] if arr.ndim == 1 else arr
    items = list(states) if isinstance(states, Sequence | np.ndarray) else None
    if items is None:
        raise TypeError(f"initial states must be a sequence or an array, got {states!r}")
    if not items:
        raise ValueError("no initial states were given")
    if all(_is_number(v) for v in items):  # one state: variable values or one mixed strategy
        single = len(space.populations) == 1 and len(items) == space.populations[0].size
        if single and len(items) == 2 and abs(sum(float(v) for v in items) - 1.0) <= 1e-9:
            raise ValueError(
                f"ambiguous initial states {states!r}: this reads both as one mixed strategy "
                "and as two states of the share of the first action; write one state as "
                f"[{tuple(items)!r}] and two states as [[{items[0]!r}], [{items[1]!r}]]"
            )
        if single:
            return _float_rows([_one_state(items, space)])
        return _float_rows([items])
    if _one_state_of_mixed_strategies(items, space) and all(
        isinstance(v, Sequence) and len(v) == space.dim and all(_is_number(u) for u in v)
        for v in items
    ):
        raise ValueError(
            f"ambiguous initial states {states!r}: this reads both as one state (one mixed "
            f"strategy per population) and as {len(items)} states of variable values; wrap one "
            "state in a list, [((0.6, 0.4), (0.5, 0.5))], or pass a numpy array of variable "
            "values, one row per state"
        )
    rows = []
    for item in items:
        rows.append(_one_state(item, space))
    return _float_rows(rows)


def _one_state_of_mixed_strategies(items: Sequence[Any], space: StateSpace) -> bool:
    """Whether ``items`` is one state written as one mixed strategy per population."""
    if len(items) != len(space.populations):
        return False
    for p, s in zip(space.populations, items, strict=True):
        if not isinstance(s, Sequence) or len(s) != p.size:
            return False
        if not all(_is_number(v) for v in s) or abs(sum(float(v) for v in s) - 1.0) > 1e-9:
            return False
    return True


def _one_state(item: Any, space: StateSpace) -> list[Any]:
    if _is_number(item):
        raise ValueError("mix of numbers and states in the initial states")
    parts = list(item)
    if len(parts) == space.dim and all(_is_number(v) for v in parts):
        return parts
    if (
        len(space.populations) == 1
        and len(parts) == space.populations[0].size
        and all(_is_number(v) for v in parts)
    ):
        parts = [parts]  # one population: its mixed strategy, written without the nesting
    if len(parts) != len(space.populations):
        raise ValueError(
            f"a state needs one mixed strategy per population ({len(space.populations)}) or "
            f"{space.dim} variable values, got {len(parts)} entries"
        )
    out: list[Any] = []
    for p, s in zip(space.populations, parts, strict=True):
        if _is_number(s):
            if p.size != 2:
                raise ValueError(
                    f"population {p.name!r} has {p.size} actions; give its {p.size} shares"
                )
            out.append(s)
            continue
        shares = list(s)
        if len(shares) != p.size:
            raise ValueError(
                f"population {p.name!r} needs {p.size} shares, got {len(shares)}: {shares}"
            )
        values = [float(v) for v in shares]
        if any(math.isnan(v) for v in values):
            raise ValueError(f"a share of population {p.name!r} is NaN")
        if abs(sum(values) - 1.0) > 1e-9:
            raise ValueError(
                f"the shares of population {p.name!r} sum to {sum(values):g}, not 1: {shares}"
            )
        out.extend(shares[:-1])
    return out


def _float_rows(rows: list[list[Any]]) -> np.ndarray:
    try:
        return np.array([[float(v) for v in row] for row in rows], dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"initial states must be real numbers: {error}") from None


def _is_number(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, numbers.Real | np.floating | np.integer):
        return True
    return isinstance(v, sympy.Basic) and v.is_number


def _any_sympy(values: Sequence[Any]) -> bool:
    return any(isinstance(v, sympy.Basic) for v in values)


def _is_zero(v: Any) -> bool:
    if isinstance(v, sympy.Basic):
        return v.is_zero is True
    return v == 0


def _is_one(v: Any) -> bool:
    if isinstance(v, sympy.Basic):
        return (v - 1).is_zero is True
    return v == 1


def _text(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)
