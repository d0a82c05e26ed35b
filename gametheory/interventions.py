"""Interventions: instruments that change a game, and the cheapest one that makes a target pay.

An *instrument* adds money to the payoffs: ``u'_i(s) = u_i(s) + D_i(s; l)``, where ``D_i`` is
player ``i``'s net receipt at profile ``s`` and ``l`` the instrument's level. Every instrument
here is linear in its level, ``D_i(s; l) = sum_j l_j C_ij(s)``, with one level slot ``j`` per
player (:class:`Subsidy`, :class:`Penalty`, :class:`Liability`) or a single slot
(:class:`Transfer`). A *uniform* level sets every slot to the same number.

* :class:`Subsidy` — the centre pays ``l_i`` to recipient ``i`` on given profiles (default: the
  target), or whenever ``i`` plays its target action (``per_action=True``: a subsidy per
  cooperator, MODELS.md §2.1, §6.2).
* :class:`Penalty` — player ``i`` pays the expected fine ``pi * l_i`` (detection probability
  ``pi``) on given profiles, by default on its unilateral deviations from the target, or whenever
  it plays an action other than its target action (``per_action=True``).
* :class:`Transfer` — a budget-balanced lateral payment ``l`` from a payer to a payee on given
  profiles (default: the target; ``per_action=True``: whenever the payee plays its target action).
* :class:`Liability` — the liability rule: when player ``i`` deviates unilaterally from the target,
  it compensates every other player with ``l_i`` (so it pays ``(N - 1) l_i`` in all); budget
  balanced. For two players the deviator pays ``l_i`` to the other.

``game + instrument.at(level)`` and ``instrument.apply(game, level, target)`` give the new game;
``instrument.payments(game, level, target, profile)`` says who pays what at a profile (expected
values for fines detected with a probability).

:func:`minimal_intervention` finds the smallest level making a pure target profile ``z`` an
equilibrium under a concept. Each incentive constraint "player ``i`` does not gain by switching
from ``z_i`` to ``a`` when the others play ``s_-i``" (``s_-i = z_-i`` for Nash concepts, every
``s_-i`` for dominance) reads

    g(l) = [u_i(z_i, s_-i) - u_i(a, s_-i)] + sum_j l_j [C_ij(z_i, s_-i) - C_ij(a, s_-i)] >= 0

(``> 0`` for strict concepts): it is *affine in the level*, ``a_k + b_k . l``.

* Uniform level, numeric game: the minimum is ``max(0, max_k -a_k / b_k)`` over the constraints
  with ``b_k > 0``, feasible when it stays below the upper bounds ``-a_k / b_k`` of the
  constraints with ``b_k < 0`` and every constraint with ``b_k = 0`` holds; computed in exact
  rational arithmetic for exact games (a one-dimensional linear program needs no solver).
* Per-player levels: the linear program ``min sum_j l_j`` s.t. ``a_k + b_k . l >= 0``,
  ``l >= 0``, solved by scipy's HiGHS; for exact games the solution is then certified exactly
  (the active constraints are solved in Fractions and Karush-Kuhn-Tucker multipliers found by an
  exact simplex), with the exact simplex of :mod:`gametheory.properties` as fallback. With
  strict inequalities the feasible set is not closed: the infimum over its closure is returned
  and ``attained`` says whether a point of the optimal face satisfies them strictly.
* Parametric games: the same bounds as sympy expressions, ``Max(0, ...)``, with the feasibility
  condition as a sympy boolean.
* ``concept="unique"``: an exact search over the finitely many levels where the equilibrium set
  of a two-player game can change (see :func:`minimal_intervention`).

Float games are solved in floating point with the tolerance of :mod:`gametheory.equilibria`
(payoff gaps within ``1e-9 * max(1, payoff range)`` are ties); a strict inequality counts as
attained only with a gap above twice that tolerance.

Every numeric answer is re-checked on the transformed game with the equilibrium and dominance
functions of the package (:func:`~gametheory.is_equilibrium`, :func:`~gametheory.best_responses`,
:func:`~gametheory.dominant_action`, :func:`~gametheory.equilibria`).

:func:`k_implementation_cost` is the cost of implementing a profile with non-negative payments
(Monderer & Tennenholtz 2004), by linear programming and by the closed form "sum of regrets".

References
----------
Coase, R. H. (1960). The problem of social cost. *Journal of Law and Economics* 3: 1-44.
Monderer, D. & Tennenholtz, M. (2004). k-Implementation. *Journal of Artificial Intelligence
Research* 21: 37-62.
von Stengel, B. (2002). Computing equilibria for two-person games. In *Handbook of Game Theory*
3, ch. 45 (best-response polytopes; nondegeneracy).
Shavell, S. (2004). *Foundations of Economic Analysis of Law*. Harvard UP (liability rules, ch. 8).
"""

from __future__ import annotations

import html
import itertools
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from scipy.optimize import linprog

from .equilibria import best_responses, equilibria, is_equilibrium
from .game import Game, format_number
from .properties import _exact_lp, dominant_action

__all__ = [
    "CONCEPTS",
    "FLOAT_RTOL",
    "INSTRUMENTS",
    "K_EPSILON",
    "MAX_UNIQUE_MINORS",
    "Intervention",
    "InterventionResult",
    "KImplementation",
    "Liability",
    "Payments",
    "Penalty",
    "Subsidy",
    "Transfer",
    "UnsupportedQuestion",
    "k_implementation_cost",
    "minimal_intervention",
]


class UnsupportedQuestion(ValueError):
    """A well-posed question outside what this module decides exactly, e.g. ``concept="unique"``
    for three or more players; the message names a sufficient alternative."""


#: Equilibrium concepts of :func:`minimal_intervention`.
CONCEPTS = ("nash", "strict", "unique", "dominant", "weakly_dominant", "ess", "unique_ess")

#: Instrument names accepted by :func:`minimal_intervention`.
INSTRUMENTS = ("subsidy", "penalty", "transfer", "liability")

#: Relative tolerance for float games: payoff gaps within ``FLOAT_RTOL * max(1, range)`` are ties.
FLOAT_RTOL = 1e-9

#: Largest number of bordered minors examined by ``concept="unique"`` (2-player games).
MAX_UNIQUE_MINORS = 4000

_LP_METHOD = "linear programming (HiGHS) + exact verification"
_LP_FLOAT_METHOD = "linear programming (HiGHS), float tolerance"
_EXACT_METHOD = "closed form (exact rational arithmetic)"
_FLOAT_METHOD = "closed form (floating point)"
_SYMBOLIC_METHOD = "closed form (sympy)"
_UNIQUE_METHOD = "exact breakpoint search (equilibria by vertex enumeration)"
_UNIQUE_ESS_METHOD = "exact search over the breakpoints of the strictness conditions"


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _amount(value: Any, what: str, *, positive: bool = False) -> Any:
    """Normalise a level (or a detection probability): Fraction, float or sympy expression.

    Raises TypeError for non-numbers and ValueError for NaN, infinite or negative numbers.
    """
    if isinstance(value, bool | np.bool_) or isinstance(value, str | bytes):
        raise TypeError(f"{what} must be a number or a sympy expression, got {value!r}")
    if isinstance(value, Fraction):
        out: Any = value
    elif isinstance(value, numbers.Integral):
        out = Fraction(int(value))
    elif isinstance(value, float | np.floating):
        f = float(value)
        if not math.isfinite(f):
            raise ValueError(f"{what} must be a finite number, got {f}")
        out = f
    elif isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(f"{what} must be a sympy expression, got {value!r}")
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise ValueError(f"{what} must be finite, got {value}")
        if value.is_Rational:
            out = Fraction(int(value.p), int(value.q))
        elif value.is_Float:
            out = float(value)
        else:
            if value.is_real is False:
                raise ValueError(f"{what} must be real, got {value}")
            if value.is_negative or (positive and value.is_zero):
                raise ValueError(f"{what} must be {'positive' if positive else 'non-negative'}")
            return value
    else:
        raise TypeError(
            f"{what} must be an int, float, Fraction or sympy expression, got "
            f"{type(value).__name__} ({value!r})"
        )
    if out < 0 or (positive and out == 0):
        raise ValueError(f"{what} must be {'positive' if positive else 'non-negative'}, got {out}")
    return out


def _is_symbolic(value: Any) -> bool:
    return isinstance(value, sympy.Basic)


def _sym(value: Any) -> sympy.Expr:
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.sympify(value)


def _kind_of(values: Any) -> str:
    kinds = set()
    for v in values:
        kinds.add("symbolic" if _is_symbolic(v) else "float" if isinstance(v, float) else "exact")
    return "symbolic" if "symbolic" in kinds else "float" if "float" in kinds else "exact"


def _convert(array: np.ndarray, kind: str) -> np.ndarray:
    out = np.empty(array.shape, dtype=object)
    for index in np.ndindex(array.shape):
        v: Any = array[index]
        if kind == "symbolic":
            out[index] = _sym(v)
        elif kind == "float":
            out[index] = float(v)
        else:
            out[index] = v if isinstance(v, Fraction) else Fraction(v)
    return out


# --------------------------------------------------------------------------------------------
# Instruments
# --------------------------------------------------------------------------------------------


def _check_profiles(profiles: Any, what: str) -> tuple | None:
    if profiles is None:
        return None
    if isinstance(profiles, str) or not isinstance(profiles, Sequence | np.ndarray):
        raise TypeError(f"{what} must be a sequence of profiles, e.g. [('C', 'C')], or None")
    out = []
    for p in profiles:
        if isinstance(p, str | numbers.Integral) or not isinstance(p, Sequence | np.ndarray):
            raise TypeError(
                f"{what} must be a sequence of profiles (one action per player each), e.g. "
                f"[('C', 'C')]; got the entry {p!r}"
            )
        out.append(tuple(p))
    if not out:
        raise ValueError(f"{what} is empty; give at least one profile or None")
    return tuple(out)


def _check_players(players: Any, what: str) -> tuple | None:
    if players is None:
        return None
    if isinstance(players, str | numbers.Integral):
        players = (players,)
    if not isinstance(players, Sequence | np.ndarray):
        raise TypeError(f"{what} must be a player (index or name), a sequence of players or None")
    out = tuple(players)
    if not out:
        raise ValueError(f"{what} is empty")
    for p in out:
        if isinstance(p, bool) or not isinstance(p, str | numbers.Integral):
            raise TypeError(f"{what} contains {p!r}; a player is an index or a name")
    return out


def _check_target(target: Any) -> tuple | None:
    if target is None:
        return None
    if isinstance(target, str) or not isinstance(target, Sequence | np.ndarray):
        raise TypeError(f"target must be a pure profile (one action per player), got {target!r}")
    return tuple(target)


def _indicator(game: Game, profiles: Sequence[Sequence[Any]]) -> np.ndarray:
    mask = np.zeros(game.shape, dtype=bool)
    for p in profiles:
        mask[game.pure_profile(p)] = True
    return mask


def _own_action_mask(game: Game, player: int, action: int, equal: bool) -> np.ndarray:
    index = np.arange(game.shape[player]).reshape(
        [-1 if k == player else 1 for k in range(game.n_players)]
    )
    mask = (index == action) if equal else (index != action)
    return np.broadcast_to(mask, game.shape)


def _unilateral_deviations(game: Game, player: int, target: tuple[int, ...]) -> list[tuple]:
    out = []
    for a in range(game.shape[player]):
        if a != target[player]:
            dev = list(target)
            dev[player] = a
            out.append(tuple(dev))
    return out


class _Instrument:
    """Shared machinery: levels, adjustment arrays, payments and ``at``."""

    per_player_levels = True  # one level slot per player (False: a single level)

    def _resolve_target(self, game: Game, target: Any) -> tuple[int, ...] | None:
        own = getattr(self, "target", None)
        given = _check_target(target)
        own_idx = None if own is None else game.pure_profile(own)
        given_idx = None if given is None else game.pure_profile(given)
        if own_idx is not None and given_idx is not None and own_idx != given_idx:
            raise ValueError(f"the instrument is set for target {own} but target {given} was given")
        return given_idx if given_idx is not None else own_idx

    def _needs_target(self, target: tuple[int, ...] | None) -> tuple[int, ...]:
        if target is None:
            raise ValueError(
                f"{type(self).__name__} needs a target profile here: pass target=... to the "
                "instrument or to this call"
            )
        return target

    def n_slots(self, game: Game) -> int:
        """Number of level slots: one per player, or one for a :class:`Transfer`."""
        return game.n_players if self.per_player_levels else 1

    def coefficients(self, game: Game, target: Any = None) -> np.ndarray:
        """``C[i, j][s]``: change of player ``i``'s payoff at ``s`` per unit of level slot ``j``.

        An object array of shape ``(n_players, n_slots, *game.shape)``.
        """
        if not isinstance(game, Game):
            raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
        return self._coefficients(game, self._resolve_target(game, target))

    def _coefficients(self, game: Game, target: tuple[int, ...] | None) -> np.ndarray:
        raise TypeError(  # pragma: no cover - every instrument overrides it
            f"{type(self).__name__} does not define its payoff coefficients"
        )

    def _zeros(self, game: Game) -> np.ndarray:
        out = np.empty((game.n_players, self.n_slots(game), *game.shape), dtype=object)
        out.fill(Fraction(0))
        return out

    def _levels(self, game: Game, level: Any) -> tuple[Any, ...]:
        """One level per slot from a uniform level or a per-player sequence."""
        slots = self.n_slots(game)
        if isinstance(level, Sequence | np.ndarray) and not isinstance(level, str | bytes):
            if not self.per_player_levels:
                raise ValueError(f"a {type(self).__name__} has a single level, got {level!r}")
            if len(level) != slots:
                raise ValueError(
                    f"per-player levels need one level per player ({slots}), got {len(level)}"
                )
            return tuple(_amount(v, f"level of {game.players[j]}") for j, v in enumerate(level))
        value = _amount(level, "level")
        return (value,) * slots

    def adjustment(self, game: Game, level: Any, target: Any = None) -> tuple[np.ndarray, ...]:
        """Payoff changes ``D_i = sum_j level_j C_ij``, one read-only array per player.

        Entries are Fractions for exact levels, floats for float levels and sympy expressions for
        symbolic ones (the same conventions as :attr:`Game.payoff_arrays`).
        """
        coef = self.coefficients(game, target)
        levels = self._levels(game, level)
        kind = _kind_of([*levels, *coef.flat])
        coef = _convert(coef, kind)
        lv = [_sym(v) if kind == "symbolic" else float(v) if kind == "float" else v for v in levels]
        arrays = []
        for i in range(game.n_players):
            total = np.empty(game.shape, dtype=object)
            for index in np.ndindex(game.shape):
                total[index] = sum(
                    (lv[j] * coef[i, j][index] for j in range(len(lv))),
                    start=sympy.Integer(0)
                    if kind == "symbolic"
                    else (0.0 if kind == "float" else Fraction(0)),
                )
            arrays.append(total)
        return Game.from_arrays(*arrays).payoff_arrays

    def apply(self, game: Game, level: Any, target: Any = None) -> Game:
        """The game with the instrument at ``level`` added to the payoffs."""
        arrays = self.adjustment(game, level, target)
        return game + Game.from_arrays(*arrays, players=game.players, actions=game.actions)

    def at(self, level: Any, target: Any = None) -> Intervention:
        """The instrument at ``level``: ``game + instrument.at(level)`` applies it."""
        if isinstance(level, Sequence | np.ndarray) and not isinstance(level, str | bytes):
            if not self.per_player_levels:
                raise ValueError(f"a {type(self).__name__} has a single level, got {level!r}")
            level = tuple(_amount(v, "level") for v in level)
        else:
            level = _amount(level, "level")
        return Intervention(self, level, _check_target(target))

    def payments(self, game: Game, level: Any, target: Any = None, profile: Any = None) -> Payments:
        """Who pays what at ``profile`` (default: the target).

        ``received[i]`` is player ``i``'s net receipt (negative when it pays; expected value for
        fines with a detection probability) and ``central`` the centre's net outlay
        ``sum_i received[i]`` (subsidies paid minus expected fines collected; zero for transfers).
        """
        resolved = self._resolve_target(game, target)
        if profile is None:
            profile = self._needs_target(resolved)
        idx = game.pure_profile(profile)
        arrays = self.adjustment(game, level, resolved)
        received = tuple(a[idx] for a in arrays)
        central = sum(received[1:], start=received[0])
        return Payments(idx, central, received)


@dataclass(frozen=True)
class Payments:
    """Money flows at one profile: ``received[i]`` per player and the centre's net ``central``."""

    profile: tuple[int, ...]
    central: Any
    received: tuple[Any, ...]

    @property
    def paid(self) -> tuple[Any, ...]:
        """What each player pays (``-received``)."""
        return tuple(-v for v in self.received)


@dataclass(frozen=True)
class Intervention:
    """An instrument at a level: ``game + Intervention`` is ``instrument.apply(game, level)``."""

    instrument: Any
    level: Any
    target: tuple | None = None

    def __radd__(self, game: Any) -> Game:
        if not isinstance(game, Game):
            return NotImplemented
        return self.instrument.apply(game, self.level, self.target)

    __add__ = __radd__


@dataclass(frozen=True)
class Subsidy(_Instrument):
    """The centre pays ``level_i`` to each recipient ``i`` on ``profiles``.

    ``recipients``: players (indices or names), default all. ``profiles``: a sequence of pure
    profiles, default ``[target]``. ``per_action=True`` pays recipient ``i`` whenever it plays its
    target action, whatever the others do (a subsidy per cooperator, MODELS.md §2.1: with it the
    cooperative action becomes dominant iff ``s >= max(T - R, P - S)``). Per-player levels:
    ``level_i`` goes to recipient ``i``; levels of non-recipients have no effect.
    """

    recipients: Any = None
    profiles: Any = None
    target: Any = None
    per_action: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "recipients", _check_players(self.recipients, "recipients"))
        object.__setattr__(self, "profiles", _check_profiles(self.profiles, "profiles"))
        object.__setattr__(self, "target", _check_target(self.target))
        if not isinstance(self.per_action, bool):
            raise TypeError("per_action must be True or False")
        if self.per_action and self.profiles is not None:
            raise ValueError("give either profiles or per_action=True, not both")

    def _coefficients(self, game: Game, target: tuple[int, ...] | None) -> np.ndarray:
        C = self._zeros(game)
        players = range(game.n_players) if self.recipients is None else self.recipients
        recipients = sorted({game.player_index(p) for p in players})
        for i in recipients:
            if self.per_action:
                mask = _own_action_mask(game, i, self._needs_target(target)[i], True)
            elif self.profiles is None:
                mask = _indicator(game, [self._needs_target(target)])
            else:
                mask = _indicator(game, self.profiles)
            C[i, i][mask] = Fraction(1)
        return C


@dataclass(frozen=True)
class Penalty(_Instrument):
    """Player ``i`` pays a fine ``level_i``, detected with probability ``detection``.

    The expected fine is ``detection * level_i``. ``payers``: players (default all). Where:
    by default on each unilateral deviation from the target (the deviator pays);
    ``per_action=True``: whenever the payer plays an action other than its target action
    (a fine per protecting region, MODELS.md §2.1); ``profiles``: on the given profiles.
    ``detection`` must lie in ``(0, 1]`` (a sympy symbol is accepted, e.g. the monitoring
    intensity ``pi`` of MODELS.md §6.2). Per-player levels: ``level_i`` is player ``i``'s fine.
    """

    payers: Any = None
    profiles: Any = None
    detection: Any = 1
    target: Any = None
    per_action: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "payers", _check_players(self.payers, "payers"))
        object.__setattr__(self, "profiles", _check_profiles(self.profiles, "profiles"))
        object.__setattr__(self, "target", _check_target(self.target))
        if not isinstance(self.per_action, bool):
            raise TypeError("per_action must be True or False")
        if self.per_action and self.profiles is not None:
            raise ValueError("give either profiles or per_action=True, not both")
        d = _amount(self.detection, "detection probability", positive=True)
        if _is_symbolic(d):
            if (d - 1).is_positive:
                raise ValueError(f"detection probability {d} exceeds 1")
        elif d > 1:
            raise ValueError(f"detection probability must be at most 1, got {d}")
        object.__setattr__(self, "detection", d)

    def _coefficients(self, game: Game, target: tuple[int, ...] | None) -> np.ndarray:
        C = self._zeros(game)
        players = range(game.n_players) if self.payers is None else self.payers
        for i in sorted({game.player_index(p) for p in players}):
            if self.per_action:
                mask = _own_action_mask(game, i, self._needs_target(target)[i], False)
            elif self.profiles is None:
                mask = _indicator(game, _unilateral_deviations(game, i, self._needs_target(target)))
            else:
                mask = _indicator(game, self.profiles)
            C[i, i][mask] = -self.detection
        return C


@dataclass(frozen=True)
class Transfer(_Instrument):
    """A budget-balanced lateral payment ``level`` from ``payer`` to ``payee`` on ``profiles``.

    ``profiles`` default ``[target]``; ``per_action=True`` pays whenever the payee plays its
    target action (a transfer conditional on the payee cooperating, MODELS.md §2.2). A transfer
    has one level (a per-player sequence is rejected).
    """

    payer: Any = 0
    payee: Any = 1
    profiles: Any = None
    target: Any = None
    per_action: bool = False

    per_player_levels = False

    def __post_init__(self) -> None:
        for name in ("payer", "payee"):
            p = getattr(self, name)
            if isinstance(p, bool) or not isinstance(p, str | numbers.Integral):
                raise TypeError(f"{name} must be a player index or name, got {p!r}")
        if self.payer == self.payee:
            raise ValueError("payer and payee must be different players")
        object.__setattr__(self, "profiles", _check_profiles(self.profiles, "profiles"))
        object.__setattr__(self, "target", _check_target(self.target))
        if not isinstance(self.per_action, bool):
            raise TypeError("per_action must be True or False")
        if self.per_action and self.profiles is not None:
            raise ValueError("give either profiles or per_action=True, not both")

    def _coefficients(self, game: Game, target: tuple[int, ...] | None) -> np.ndarray:
        C = self._zeros(game)
        payer, payee = game.player_index(self.payer), game.player_index(self.payee)
        if payer == payee:
            raise ValueError("payer and payee must be different players")
        if self.per_action:
            mask = _own_action_mask(game, payee, self._needs_target(target)[payee], True)
        elif self.profiles is None:
            mask = _indicator(game, [self._needs_target(target)])
        else:
            mask = _indicator(game, self.profiles)
        C[payer, 0][mask] = Fraction(-1)
        C[payee, 0][mask] = Fraction(1)
        return C


@dataclass(frozen=True)
class Liability(_Instrument):
    """The liability rule: a unilateral deviator from the target compensates the others.

    When player ``i`` alone deviates from the target ``z`` (profile ``(a, z_-i)``, ``a != z_i``)
    it pays ``level_i`` to every other player, ``(N - 1) level_i`` in all; nothing is paid on the
    target or when several players deviate. Budget balanced (Coase 1960; Shavell 2004, ch. 8).
    Per-player levels: ``level_i`` is what deviator ``i`` pays to each other player.
    """

    target: Any = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "target", _check_target(self.target))

    def _coefficients(self, game: Game, target: tuple[int, ...] | None) -> np.ndarray:
        C = self._zeros(game)
        z = self._needs_target(target)
        n = game.n_players
        for i in range(n):
            for dev in _unilateral_deviations(game, i, z):
                C[i, i][dev] = Fraction(-(n - 1))
                for j in range(n):
                    if j != i:
                        C[j, i][dev] = Fraction(1)
        return C


def _default_instrument(name: str, game: Game) -> list[_Instrument]:
    if name == "subsidy":
        return [Subsidy()]
    if name == "penalty":
        return [Penalty()]
    if name == "liability":
        return [Liability()]
    return [Transfer(payer=p, payee=q) for p, q in itertools.permutations(range(game.n_players), 2)]


# --------------------------------------------------------------------------------------------
# Incentive constraints
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Constraints:
    """``a[k] + B[k] . l >= 0`` (``> 0`` when ``strict``), with who/what each row is about."""

    a: np.ndarray  # (K,) object
    B: np.ndarray  # (K, slots) object
    rows: tuple[tuple[int, int, tuple[int, ...]], ...]  # (player, deviation action, profile)
    strict: bool


def _player_matrix(array: np.ndarray, player: int) -> np.ndarray:
    return np.moveaxis(array, player, 0).reshape(array.shape[player], -1)


def _constraints(
    arrays: Sequence[np.ndarray], coef: np.ndarray, target: tuple[int, ...], concept: str
) -> _Constraints:
    shape = arrays[0].shape
    n = len(arrays)
    slots = coef.shape[1]
    strict = concept in ("strict", "dominant")
    a_rows, b_rows, rows = [], [], []
    for i in range(n):
        U = _player_matrix(arrays[i], i)
        others = [k for k in range(n) if k != i]
        columns: Sequence[int]
        if concept in ("dominant", "weakly_dominant"):
            columns = range(U.shape[1])
        else:
            columns = [
                int(np.ravel_multi_index([target[k] for k in others], [shape[k] for k in others]))
                if others
                else 0
            ]
        Cs = [_player_matrix(coef[i, j], i) for j in range(slots)]
        for col in columns:
            rest = np.unravel_index(col, [shape[k] for k in others]) if others else ()
            for act in range(shape[i]):
                if act == target[i]:
                    continue
                a_rows.append(U[target[i], col] - U[act, col])
                b_rows.append([Cs[j][target[i], col] - Cs[j][act, col] for j in range(slots)])
                profile = [0] * n
                profile[i] = act
                for k, r in zip(others, rest, strict=True):
                    profile[k] = int(r)
                rows.append((i, act, tuple(profile)))
    a = np.empty(len(a_rows), dtype=object)
    a[:] = a_rows
    B = np.empty((len(b_rows), slots), dtype=object)
    for k, row in enumerate(b_rows):
        B[k, :] = row
    return _Constraints(a, B, tuple(rows), strict)


def _describe(game: Game, target: tuple[int, ...], row: tuple[int, int, tuple[int, ...]]) -> str:
    i, act, profile = row
    others = ", ".join(
        f"{game.players[k]} plays {game.actions[k][profile[k]]}"
        for k in range(game.n_players)
        if k != i
    )
    return (
        f"{game.players[i]} switching from {game.actions[i][target[i]]} to "
        f"{game.actions[i][act]} when {others}"
    )


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InterventionResult:
    """The minimal intervention making ``target`` an equilibrium under ``concept``.

    Attributes
    ----------
    feasible:
        True/False; for parametric games possibly a sympy condition on the parameters.
    reason:
        Why no level works (empty when feasible).
    level:
        The minimal level: one number (uniform) or a tuple with one level per player
        (``per_player=True``); a sympy expression for parametric games; None when infeasible.
        When ``attained`` is False this is the infimum: the level itself fails (a strict
        inequality binds) and every level in ``(level, upper)`` works.
    attained:
        Whether ``level`` itself satisfies the concept (bool, or a sympy condition).
    upper:
        For a uniform level: every level in the open interval ``(level, upper)`` works
        (``None``: no upper limit). For the Nash and dominance concepts ``upper`` is the
        supremum of the working levels; for ``"unique"`` it is the end of the first working
        interval, or the first irrational breakpoint inside it (where the search stops).
    cost:
        The centre's net outlay on the equilibrium path (at the target) at ``level``: the
        subsidies paid there; zero for the default penalties, transfers and liability (negative
        if a penalty is set to be collected at the target itself).
    transfers:
        Each player's net receipt at the target (the lateral transfers actually paid on path).
    game:
        The transformed game at ``level`` (use :meth:`game_at` for another level, e.g. above a
        non-attained infimum; :meth:`holds_at` checks the concept there).
    concept, instrument, target, method:
        What was asked (the instrument actually used, e.g. the transfer's direction chosen for
        ``"transfer"``; the target as action indices) and how it was computed.
    original:
        The game before the intervention.
    """

    feasible: Any
    reason: str
    level: Any
    attained: Any
    cost: Any
    transfers: tuple[Any, ...] | None
    game: Game | None
    concept: str
    instrument: Any
    target: tuple[int, ...]
    method: str
    original: Game = field(repr=False)
    upper: Any = None

    def game_at(self, level: Any) -> Game:
        """The original game with the instrument at ``level``."""
        return self.instrument.apply(self.original, level, self.target)

    def holds_at(self, level: Any) -> bool:
        """Exact check that ``target`` satisfies the concept at ``level`` (numeric games)."""
        return _satisfies(self.game_at(level), self.target, self.concept)

    def _summary(self) -> list[tuple[str, str]]:
        g = self.original
        target = "(" + ", ".join(g.actions[i][a] for i, a in enumerate(self.target)) + ")"
        rows = [
            ("target", target),
            ("concept", self.concept),
            ("instrument", _instrument_text(self.instrument, g)),
            ("feasible", str(self.feasible)),
        ]
        if self.feasible is False:
            rows.append(("reason", self.reason))
        else:
            rows.append(("minimal level", _text(self.level)))
            rows.append(("attained", str(self.attained)))
            rows.append(("cost on path", _text(self.cost)))
            if self.transfers is not None:
                rows.append(
                    (
                        "receipts on path",
                        ", ".join(
                            f"{p}: {_text(v)}"
                            for p, v in zip(g.players, self.transfers, strict=True)
                        ),
                    )
                )
        rows.append(("method", self.method))
        return rows

    def __repr__(self) -> str:
        return "InterventionResult(" + "; ".join(f"{k}: {v}" for k, v in self._summary()) + ")"

    def _repr_markdown_(self) -> str:
        lines = ["| | |", "|---|---|"]
        for k, v in self._summary():
            lines.append(f"| {k} | {html.escape(v).replace('|', '&#124;')} |")
        return "\n".join(lines)


def _text(value: Any) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_text(v) for v in value) + ")"
    if value is None:
        return "-"
    return format_number(value)


def _instrument_text(instrument: Any, game: Game) -> str:
    name = type(instrument).__name__
    if isinstance(instrument, Transfer):
        return (
            f"Transfer {game.players[game.player_index(instrument.payer)]} -> "
            f"{game.players[game.player_index(instrument.payee)]}"
            + (" (per action)" if instrument.per_action else "")
        )
    if isinstance(instrument, Penalty) and instrument.detection != 1:
        return f"Penalty (detection {format_number(instrument.detection)})"
    return name + (" (per action)" if getattr(instrument, "per_action", False) else "")


# --------------------------------------------------------------------------------------------
# Checking a concept on a numeric game (independent of the constraint builder)
# --------------------------------------------------------------------------------------------


def _satisfies(game: Game, target: tuple[int, ...], concept: str) -> bool:
    if concept == "nash":
        return is_equilibrium(game, target)
    if concept in ("strict", "ess"):
        return _strict_profile(game, target)
    if concept == "unique_ess":
        return _strict_profile(game, target) and not any(
            _strict_profile(game, s)
            for s in itertools.product(*(range(k) for k in game.shape))
            if s != tuple(target)
        )
    if concept == "dominant":
        return all(
            dominant_action(game, i, strict=True) == target[i] for i in range(game.n_players)
        )
    if concept == "weakly_dominant":
        arrays = game.as_fractions() if game.is_exact else game.as_float()
        for i, u in enumerate(arrays):
            best = u.max(axis=i, keepdims=True)
            own = np.take(u, [target[i]], axis=i)
            if game.is_exact:
                if not np.all(own == best):
                    return False
            elif not np.all(own >= best - _float_tol(game)):
                return False
        return True
    return _unique(game, target)


def _strict_profile(game: Game, profile: tuple[int, ...]) -> bool:
    """Every player's action in ``profile`` is its unique best response (a strict equilibrium)."""
    return all(best_responses(game, i, profile) == (profile[i],) for i in range(game.n_players))


def _unique(game: Game, target: tuple[int, ...]) -> bool:
    """``target`` is the only Nash equilibrium (pure or mixed) of a two-player game."""
    eqs = equilibria(game)
    return len(eqs) == 1 and eqs[0].pure_profile == tuple(target)


def _float_tol(game: Game) -> float:
    arrays = game.as_float()
    spread = max(float(a.max() - a.min()) for a in arrays)
    return FLOAT_RTOL * max(1.0, spread)


# --------------------------------------------------------------------------------------------
# minimal_intervention
# --------------------------------------------------------------------------------------------


def minimal_intervention(
    game: Game,
    target: Sequence[int | str],
    instrument: Any,
    concept: str = "nash",
    *,
    per_player: bool = False,
) -> InterventionResult:
    """The smallest level of ``instrument`` that makes ``target`` an equilibrium under ``concept``.

    Parameters
    ----------
    game:
        A numeric or parametric :class:`~gametheory.Game`.
    target:
        A pure profile (action indices or names).
    instrument:
        An instrument (:class:`Subsidy`, :class:`Penalty`, :class:`Transfer`,
        :class:`Liability`) or one of ``"subsidy"`` (the centre pays every player on the target),
        ``"penalty"`` (fines on unilateral deviations), ``"liability"`` and ``"transfer"`` (a
        lateral payment on the target: every ordered pair payer -> payee is tried and the
        smallest working level is returned; ties go to the first pair in index order).
    concept:
        ``"nash"`` (``u_i(z) >= u_i(a, z_-i)``), ``"strict"`` (``>``), ``"dominant"`` (every
        ``z_i`` strictly dominant: ``u_i(z_i, s_-i) > u_i(a, s_-i)`` for all ``s_-i``),
        ``"weakly_dominant"`` (``>=`` for all ``s_-i``: ``z_i`` is a best response to every
        profile of the others, the sense of MODELS.md §2.1 and §6.2), or ``"unique"`` (``z`` is
        the only Nash equilibrium, pure or mixed; two-player games with a uniform level, and
        parametric 2x2 games). Evolutionary concepts, one population per player (the
        multi-population replicator dynamics of :mod:`gametheory.evolution`): ``"ess"`` (``z`` is
        evolutionarily stable, i.e. a strict equilibrium, Selten 1980, which is exactly an
        asymptotically stable rest point, Ritzberger & Weibull 1995; the same constraints as
        ``"strict"``) and ``"unique_ess"`` (``z`` is the only evolutionarily stable state: a strict
        equilibrium while no other pure profile is one, so every other rest point is unstable or
        non-hyperbolic; uniform level).
    per_player:
        False: one uniform level for every slot. True: one level per player, minimising the sum
        of the levels (for a subsidy paid at the target this sum is its on-path cost).

    Returns
    -------
    InterventionResult
        With strict concepts the minimal level is an infimum that is not attained when a
        strict inequality binds (``attained=False``); every level just above it works.

    Notes
    -----
    Uniform level: each incentive constraint ``a_k + b_k l >= 0`` gives ``l >= -a_k / b_k``
    (``b_k > 0``) or ``l <= -a_k / b_k`` (``b_k < 0``); the minimal level is
    ``max(0, max_k -a_k / b_k)``, feasible when it is below every upper bound and every
    level-independent constraint (``b_k = 0``) holds. This is exact for exact games and a sympy
    ``Max`` for parametric ones (MODELS.md §6.2: ``s* = T - R``, ``pi F* = T - R``; for
    dominance ``max(T - R, P - S)`` with a subsidy per cooperator, ``Subsidy(per_action=True)``,
    or the liability rule; a subsidy paid only at the target or a fine only on unilateral
    deviations cannot make cooperation dominant in a prisoner's dilemma).

    ``"unique"`` (uniform level, two players, numeric payoffs; float games are searched on the
    exact binary values of their floats, as :func:`~gametheory.equilibria` does, and answered
    in floats): the payoffs are affine in ``l``.
    The combinatorial structure of the best-response polytopes, hence the set of equilibria, is
    fixed by the signs of the bordered minors ``det [[M_RC, -1], [1, 0]]`` (``|R| = |C|``) and
    ``det [M_RC, -1]`` (``|R| = |C| + 1``) of ``M = A`` and ``M = B^T`` (von Stengel 2002:
    supports, mixed probabilities, best-response gaps and nondegeneracy are all ratios of such
    minors; ``|C| = 1`` gives the pairwise payoff differences). Each is a polynomial in ``l``
    (computed exactly by interpolation); between consecutive real roots the structure is
    constant. The game is solved exactly (:func:`~gametheory.equilibria`, vertex enumeration)
    at each rational root and at a rational point of each interval; the target is unique iff
    the solver returns exactly one extreme equilibrium, the target (a continuum would show
    several). At an irrational root ``r`` that follows a failing interval the target is not
    unique either: if it is a strict equilibrium at ``r`` it is isolated in all nearby games,
    so by upper hemicontinuity the other equilibria just below ``r`` converge to another
    equilibrium at ``r`` (a target tied at every level is refused with UnsupportedQuestion).
    The infimum of the working levels is returned, with ``attained``. At most
    :data:`MAX_UNIQUE_MINORS` minors are examined (about 6x6 games). ``N > 2`` players:
    UnsupportedQuestion (use ``concept="dominant"``, a sufficient condition).

    Parametric 2x2 games with ``concept="unique"`` use the closed form "strict equilibrium and
    some player's action strictly dominant" (see
    :func:`gametheory.symbolic.equilibrium_conditions`), checked against the exact search on
    random parameter draws in the tests.
    """
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    if concept not in CONCEPTS:
        raise ValueError(f"unknown concept {concept!r}; choose one of {list(CONCEPTS)}")
    if not isinstance(per_player, bool):
        raise TypeError("per_player must be True or False")
    z = game.pure_profile(target)
    if isinstance(instrument, str):
        if instrument not in INSTRUMENTS:
            raise ValueError(
                f"unknown instrument {instrument!r}; choose one of {list(INSTRUMENTS)} or pass "
                "a Subsidy, Penalty, Transfer or Liability"
            )
        candidates = _default_instrument(instrument, game)
    elif isinstance(instrument, _Instrument):
        candidates = [instrument]
    else:
        raise TypeError(
            f"instrument must be a Subsidy, Penalty, Transfer, Liability or one of "
            f"{list(INSTRUMENTS)}, got {instrument!r}"
        )
    symbolic = game.kind == "symbolic" or any(
        _is_symbolic(getattr(c, "detection", 1)) for c in candidates
    )
    if symbolic and len(candidates) > 1:
        raise ValueError(
            "for a parametric game give the transfer's direction: "
            "instrument=Transfer(payer=..., payee=...)"
        )
    if per_player and concept in ("unique", "unique_ess"):
        raise UnsupportedQuestion(
            f"concept={concept!r} is supported for a uniform level only (the set of per-player "
            "levels making the target the unique equilibrium need not be convex)"
        )
    if concept == "ess":
        result = minimal_intervention(game, z, instrument, "strict", per_player=per_player)
        return replace(result, concept="ess")
    if per_player and any(not c.per_player_levels for c in candidates):
        raise ValueError("a Transfer has a single level; use per_player=False")
    results = []
    for inst in candidates:
        if concept == "unique_ess":
            results.append(_unique_ess(game, z, inst, symbolic))
        elif symbolic:
            results.append(_symbolic(game, z, inst, concept, per_player))
        elif concept == "unique":
            results.append(_unique_search(game, z, inst))
        elif per_player:
            results.append(_per_player(game, z, inst, concept))
        else:
            results.append(_uniform(game, z, inst, concept))
    if len(results) == 1:
        return results[0]
    feasible = [r for r in results if r.feasible is not False]
    if feasible:  # numeric transfers: the smallest level, an attained one first on ties
        return min(feasible, key=lambda r: (r.level, not r.attained))
    reason = "no ordered pair of players works: " + "; ".join(
        f"{_instrument_text(r.instrument, game)}: {r.reason}" for r in results
    )
    first = results[0]
    return InterventionResult(
        False,
        reason,
        None,
        False,
        None,
        None,
        None,
        concept,
        first.instrument,
        z,
        first.method,
        game,
    )


def _numeric_data(
    game: Game, z: tuple[int, ...], instrument: _Instrument, concept: str
) -> tuple[_Constraints, bool, Any]:
    game._require_solvable("minimal_intervention")
    coef = instrument.coefficients(game, z)
    kind = _kind_of([*coef.flat]) if game.kind == "exact" else "float"
    exact = game.kind == "exact" and kind == "exact"
    arrays = game.as_fractions() if exact else game.as_float()
    arrays = tuple(np.asarray(a, dtype=object) for a in arrays)
    coef = _convert(coef, "exact" if exact else "float")
    cons = _constraints(arrays, coef, z, concept)
    tol: Any = Fraction(0) if exact else _float_tol(game)
    return cons, exact, tol


def _infeasible(
    game: Game, z: tuple, instrument: Any, concept: str, reason: str, method: str
) -> InterventionResult:
    return InterventionResult(
        False, reason, None, False, None, None, None, concept, instrument, z, method, game
    )


def _finish(
    game: Game,
    z: tuple[int, ...],
    instrument: Any,
    concept: str,
    level: Any,
    attained: Any,
    method: str,
    upper: Any = None,
    verify: bool = True,
    feasible: Any = True,
) -> InterventionResult:
    new = instrument.apply(game, level, z)
    pay = instrument.payments(game, level, z, z)
    if verify:
        _verify(game, z, instrument, concept, new, level, attained, upper)
    return InterventionResult(
        feasible,
        "",
        level,
        attained,
        pay.central,
        pay.received,
        new,
        concept,
        instrument,
        z,
        method,
        game,
        upper,
    )


def _verify(
    game: Game,
    z: tuple[int, ...],
    instrument: Any,
    concept: str,
    new: Game,
    level: Any,
    attained: Any,
    upper: Any,
) -> None:
    """Re-check an answer on the transformed game with the package's solvers.

    At the level: the concept itself when attained, otherwise its closure (Nash for strict Nash,
    best response to every profile for strict dominance) and the failure of the concept. For a
    uniform level that is not attained, the concept must hold strictly between level and upper.
    """
    closures = {
        "strict": "nash",
        "dominant": "weakly_dominant",
        "ess": "nash",
        "unique_ess": "nash",
    }
    closure = closures.get(concept, concept)
    problems = []
    if new.kind == "symbolic":  # an irrational infimum (concept="unique"): check just above
        if not _satisfies(instrument.apply(game, _inside(level, upper), z), z, concept):
            problems.append(f"{concept!r} fails just above the infimum")
    elif concept != "unique" and not _satisfies(new, z, closure):
        problems.append(f"{closure!r} fails at the level")
    elif attained is True and not _satisfies(new, z, concept):
        problems.append(f"{concept!r} fails at the level")
    elif attained is False:
        if new.kind != "float" and _satisfies(new, z, concept):  # floats: a knife edge
            problems.append("the infimum is attained although reported as not attained")
        if not isinstance(level, tuple):
            inside = instrument.apply(game, _inside(level, upper), z)
            if not _satisfies(inside, z, concept):
                problems.append(f"{concept!r} fails just above the infimum")
    if problems:  # pragma: no cover - would be a bug in this module
        raise RuntimeError(f"internal error at level {level}: " + "; ".join(problems))


def _inside(level: Any, upper: Any) -> Any:
    """A level strictly between ``level`` and ``upper`` (per-player: add to each slot)."""
    if isinstance(level, tuple):
        step = Fraction(1, 10**6) if all(isinstance(v, Fraction) for v in level) else 1e-6
        return tuple(v + step for v in level)
    if upper is None:
        if _is_symbolic(level):
            return _rational_above(level)
        if isinstance(level, Fraction):
            return level + 1
        # floats: step well beyond the tie tolerance, which scales with the payoffs
        return level + max(1.0, 2 * abs(level))
    if _is_symbolic(level) or _is_symbolic(upper):
        return _rational_between(level, upper)
    return (level + upper) / 2


# ---- uniform level ---------------------------------------------------------------------------


def _uniform(game: Game, z: tuple[int, ...], instrument: Any, concept: str) -> InterventionResult:
    cons, exact, tol = _numeric_data(game, z, instrument, concept)
    method = _EXACT_METHOD if exact else _FLOAT_METHOD
    zero = Fraction(0) if exact else 0.0
    b = np.array([sum(row, start=zero) for row in cons.B], dtype=object)
    lower, lower_strict, lower_row = zero, False, None
    upper, upper_strict, upper_row = None, False, -1
    for k in range(len(cons.a)):
        a, bk = cons.a[k], b[k]
        if bk == 0:
            fails = a < -tol or (cons.strict and a <= tol)
            if fails:
                return _infeasible(
                    game,
                    z,
                    instrument,
                    concept,
                    f"{_describe(game, z, cons.rows[k])} "
                    f"{'gains' if a < 0 else 'loses nothing'} ({format_number(-a)}) whatever "
                    "the level: the instrument does not touch this incentive",
                    method,
                )
            continue
        bound = -a / bk
        if bk > 0:
            if bound > lower or (bound == lower and cons.strict):
                lower, lower_strict, lower_row = bound, cons.strict, k
        elif upper is None or bound < upper or (bound == upper and cons.strict):
            upper, upper_strict, upper_row = bound, cons.strict, k
    if upper is not None and (
        upper < lower - tol or (abs(upper - lower) <= tol and (lower_strict or upper_strict))
    ):
        need = (
            f"level {'>' if lower_strict else '>='} {format_number(lower)} for "
            f"{_describe(game, z, cons.rows[lower_row])}"
            if lower_row is not None
            else "a non-negative level"
        )
        return _infeasible(
            game,
            z,
            instrument,
            concept,
            f"the instrument helps one incentive and hurts another: {need}, but "
            f"{_describe(game, z, cons.rows[upper_row])} needs level "
            f"{'<' if upper_strict else '<='} {format_number(upper)}",
            method,
        )
    attained = not lower_strict
    if attained and cons.strict and not exact:
        attained = _float_strict_holds(game, z, instrument, cons, (lower,) * cons.B.shape[1])
    return _finish(game, z, instrument, concept, lower, attained, method, upper)


def _float_strict_holds(
    game: Game, z: tuple[int, ...], instrument: Any, cons: _Constraints, levels: tuple
) -> bool:
    """Float games: every strict constraint holds with a gap above twice the tolerance with
    which the transformed game's best responses are compared (gaps within the tolerance are
    ties; the factor 2 keeps the answer away from that knife edge)."""
    tol = _float_tol(instrument.apply(game, levels if len(levels) > 1 else levels[0], z))
    gaps = [
        cons.a[k] + sum(float(b) * float(v) for b, v in zip(cons.B[k], levels, strict=True))
        for k in range(len(cons.a))
    ]
    return all(g > 2 * tol for g in gaps)


# ---- per-player levels: linear programming ------------------------------------------------------


def _per_player(
    game: Game, z: tuple[int, ...], instrument: Any, concept: str
) -> InterventionResult:
    cons, exact, tol = _numeric_data(game, z, instrument, concept)
    slots = cons.B.shape[1]
    zero = Fraction(0) if exact else 0.0
    active = [j for j in range(slots) if any(cons.B[k, j] != 0 for k in range(len(cons.a)))]
    keep = []
    for k in range(len(cons.a)):
        if all(cons.B[k, j] == 0 for j in active):
            a = cons.a[k]
            if a < -tol or (cons.strict and a <= tol):
                return _infeasible(
                    game,
                    z,
                    instrument,
                    concept,
                    f"{_describe(game, z, cons.rows[k])} "
                    f"{'gains' if a < 0 else 'loses nothing'} ({format_number(-a)}) whatever "
                    "the levels: the instrument does not touch this incentive",
                    _LP_METHOD if exact else _LP_FLOAT_METHOD,
                )
        else:
            keep.append(k)
    # merge rows with the same coefficients (keep the tightest)
    merged: dict[tuple, Any] = {}
    for k in keep:
        key = tuple(cons.B[k, j] for j in active)
        if key not in merged or cons.a[k] < merged[key]:
            merged[key] = cons.a[k]
    G = [list(key) for key in merged]
    h = [-v for v in merged.values()]  # G l >= h
    method = _LP_METHOD if exact else _LP_FLOAT_METHOD
    if not active:
        levels = (zero,) * slots
        return _finish(game, z, instrument, concept, levels, True, method)
    status, x = _lp_min_sum(G, h, exact)
    if status == "infeasible":
        return _infeasible(
            game,
            z,
            instrument,
            concept,
            "no non-negative levels satisfy all the incentive constraints (the linear program "
            "is infeasible)",
            method,
        )
    assert x is not None  # status "optimal"
    attained = True
    if cons.strict:
        opt = sum(x, start=zero)
        slack_anywhere, _ = _max_slack(G, h, None, exact, tol)
        if slack_anywhere <= (0 if exact else tol):
            return _infeasible(
                game,
                z,
                instrument,
                concept,
                "no levels satisfy all the strict incentive constraints (they can only hold "
                "with equality)",
                method,
            )
        budget = opt if exact else opt + tol  # floats: allow the optimum's rounding
        slack, point = _max_slack(G, h, budget, exact, tol)
        attained = slack > (0 if exact else tol)
        if attained and point is not None:  # an optimal point where the strict ones hold
            x = point
        if attained and not exact:
            full = [zero] * slots
            for j, v in zip(active, x, strict=True):
                full[j] = v
            attained = _float_strict_holds(game, z, instrument, cons, tuple(full))
    levels = [zero] * slots
    for j, v in zip(active, x, strict=True):
        levels[j] = v
    return _finish(game, z, instrument, concept, tuple(levels), attained, method)


def _lp_min_sum(G: list[list[Any]], h: list[Any], exact: bool) -> tuple[str, list[Any] | None]:
    """``min sum(l)`` s.t. ``G l >= h``, ``l >= 0``: HiGHS, certified exactly for exact input."""
    n = len(G[0])
    Gf = np.array([[float(v) for v in row] for row in G])
    hf = np.array([float(v) for v in h])
    res = linprog(np.ones(n), A_ub=-Gf, b_ub=-hf, bounds=[(0, None)] * n, method="highs")
    if not exact:
        if res.status == 2:
            return "infeasible", None
        if res.status != 0:
            raise RuntimeError(f"HiGHS failed: {res.message}")
        return "optimal", [max(0.0, float(v)) for v in res.x]  # HiGHS may return -1e-17
    if res.status == 0:
        x = _certify(G, h, np.asarray(res.x, dtype=float))
        if x is not None:
            return "optimal", x
    status, xs, _ = _exact_lp([-1] * n, [[-v for v in row] for row in G], [-v for v in h])
    if status == "infeasible":
        return "infeasible", None
    return "optimal", xs


def _certify(G: list[list[Fraction]], h: list[Fraction], x: np.ndarray) -> list[Fraction] | None:
    """Exact optimal solution from a float one, with a Karush-Kuhn-Tucker certificate, or None.

    The constraints (rows of ``G l >= h`` and bounds ``l_j >= 0``) nearly tight at ``x`` are
    solved exactly; the point is accepted if it is feasible and ``1 = G_I^T lambda + mu`` has a
    solution ``lambda, mu >= 0`` on the tight rows and bounds (found by the exact simplex).
    """
    n = len(x)
    scale = 1e-7 * max(1.0, float(np.max(np.abs(x))))
    slack = np.array([sum(float(g) * v for g, v in zip(row, x, strict=True)) for row in G]) - [
        float(v) for v in h
    ]
    candidates = [(abs(s), ("row", k)) for k, s in enumerate(slack) if abs(s) <= scale]
    candidates += [(abs(v), ("bound", j)) for j, v in enumerate(x) if abs(v) <= scale]
    candidates.sort(key=lambda t: t[0])
    equations: list[tuple[list[Fraction], Fraction]] = []
    for _, (what, k) in candidates:
        row = G[k] if what == "row" else [Fraction(int(j == k)) for j in range(n)]
        rhs = h[k] if what == "row" else Fraction(0)
        trial = [*equations, (list(row), rhs)]
        if _rank([r for r, _ in trial]) == len(trial):
            equations = trial
        if len(equations) == n:
            break
    if len(equations) < n:
        return None
    point = _solve([r for r, _ in equations], [v for _, v in equations])
    if any(v < 0 for v in point):
        return None
    values = [sum((g * v for g, v in zip(row, point, strict=True)), Fraction(0)) for row in G]
    if any(val < hk for val, hk in zip(values, h, strict=True)):
        return None
    tight_rows = [k for k in range(len(G)) if values[k] == h[k]]
    tight_bounds = [j for j in range(n) if point[j] == 0]
    # find lambda >= 0 (tight rows), mu >= 0 (tight bounds) with G_I^T lambda + mu = 1
    cols = [[G[k][j] for j in range(n)] for k in tight_rows] + [
        [Fraction(int(j == b)) for j in range(n)] for b in tight_bounds
    ]
    if not cols:
        return None
    A_eq = [[c[j] for c in cols] for j in range(n)]
    status, _, _ = _exact_lp([0] * len(cols), A_eq=A_eq, b_eq=[1] * n)
    return point if status == "optimal" else None


def _rank(rows: list[list[Fraction]]) -> int:
    m = [list(r) for r in rows]
    rank, ncol = 0, len(m[0]) if m else 0
    for c in range(ncol):
        pivot = next((r for r in range(rank, len(m)) if m[r][c] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(len(m)):
            if r != rank and m[r][c] != 0:
                f = m[r][c] / m[rank][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[rank], strict=True)]
        rank += 1
    return rank


def _solve(rows: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction]:
    """Solve a square non-singular system exactly (Gauss-Jordan)."""
    n = len(rows)
    m = [[*list(r), v] for r, v in zip(rows, rhs, strict=True)]
    for c in range(n):
        pivot = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[pivot] = m[pivot], m[c]
        p = m[c][c]
        m[c] = [v / p for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c], strict=True)]
    return [m[r][n] for r in range(n)]


def _max_slack(
    G: list[list[Any]], h: list[Any], total: Any, exact: bool, tol: Any
) -> tuple[Any, list[Any] | None]:
    """``max t`` (capped at 1) s.t. ``G l >= h + t``, ``l >= 0`` (and ``sum(l) <= total``).

    Returns ``t*`` and a maximising ``l`` (exact Fractions for exact input; None if infeasible).
    """
    n = len(G[0])
    # variables (l, t); maximise t
    A_ub = [[*(-g for g in row), 1] for row in G]
    b_ub = [-v for v in h]
    if total is not None:
        A_ub.append([1] * n + [0])
        b_ub.append(total)
    A_ub.append([0] * n + [1])
    b_ub.append(1)
    c = np.zeros(n + 1)
    c[-1] = -1.0
    if exact:
        Af = np.array([[float(v) for v in row] for row in A_ub])
        bf = np.array([float(v) for v in b_ub])
        res = linprog(c, A_ub=Af, b_ub=bf, bounds=[(0, None)] * (n + 1), method="highs")
        if res.status == 0 and -res.fun > 1e-7:  # certify positivity with a rational point
            for bound in (10**3, 10**6, 10**9):
                point = [Fraction(float(v)).limit_denominator(bound) for v in res.x]
                point = [max(v, Fraction(0)) for v in point]
                if point[-1] > 0 and all(
                    sum((a * v for a, v in zip(row, point, strict=True)), Fraction(0)) <= bb
                    for row, bb in zip(A_ub, b_ub, strict=True)
                ):
                    return point[-1], point[:n]
        status, x, value = _exact_lp(
            [0] * n + [1],
            [[Fraction(v) for v in row] for row in A_ub],
            [Fraction(v) for v in b_ub],
        )
        if status != "optimal" or x is None:
            return Fraction(-1), None
        return value, x[:n]
    res = linprog(
        c,
        A_ub=np.array(A_ub, dtype=float),
        b_ub=np.array(b_ub, dtype=float),
        bounds=[(0, None)] * n + [(None, 1)],
        method="highs",
    )
    if res.status != 0:
        return -1.0, None
    return -float(res.fun), [max(0.0, float(v)) for v in res.x[:n]]


# ---- "unique": exact breakpoint search ---------------------------------------------------------


def _unique_search(game: Game, z: tuple[int, ...], instrument: Any) -> InterventionResult:
    if game.n_players != 2:
        raise UnsupportedQuestion(
            "concept='unique' is implemented for two-player games (all equilibria, mixed ones "
            "included, are enumerated exactly only there); for more players use "
            "concept='dominant': strictly dominant actions make the target the unique "
            "equilibrium (a sufficient condition)"
        )
    game._require_solvable("minimal_intervention")
    detection = getattr(instrument, "detection", 1)
    if game.kind == "float" or isinstance(detection, float):
        return _unique_search_float(game, z, instrument)
    coef = instrument.coefficients(game, z)
    A0, B0 = game.payoff_arrays
    cA = coef[0].sum(axis=0)  # uniform level: the slots add up
    cB = coef[1].sum(axis=0)
    roots = _breakpoints(A0, cA, B0.T, cB.T)
    points: list[tuple[Any, bool]] = []  # (level, is a breakpoint)
    previous: Any = Fraction(0)
    points.append((Fraction(0), True))
    for r in roots:
        mid = _rational_between(previous, r)
        points.append((mid, False))
        points.append((r, True))
        previous = r
    points.append((_rational_above(previous), False))
    found = None
    for k, (level, is_break) in enumerate(points):
        if not isinstance(level, Fraction):  # an irrational breakpoint
            if found is not None:  # the open interval before it works; stop there
                upper = level
                break
            _irrational_breakpoint(A0, cA, B0.T, cB.T, z, level)
            continue  # the interval before it fails, and so does the breakpoint
        works = _unique(instrument.apply(game, level, z), z)
        if works and found is None:
            found = k
        elif not works and found is not None:
            upper = level if is_break else points[k - 1][0]
            break
    else:
        upper = None
    if found is not None:
        level, is_break = points[found]
        if is_break:
            return _finish(game, z, instrument, "unique", level, True, _UNIQUE_METHOD, upper)
        return _finish(
            game, z, instrument, "unique", points[found - 1][0], False, _UNIQUE_METHOD, upper
        )
    return _infeasible(
        game,
        z,
        instrument,
        "unique",
        "at no non-negative level is the target the only equilibrium (checked exactly at every "
        "level where the equilibrium structure can change and between them)",
        _UNIQUE_METHOD,
    )


def _unique_search_float(game: Game, z: tuple[int, ...], instrument: Any) -> InterventionResult:
    """``"unique"`` for float games: the exact search on the exact binary values of the floats
    (as :func:`~gametheory.equilibria` does), reported in floats."""
    exact_game = Game.from_arrays(
        *game.as_fractions(), players=game.players, actions=game.actions, title=game.title
    )
    inst = instrument
    if isinstance(instrument, Penalty) and isinstance(instrument.detection, float):
        inst = replace(instrument, detection=Fraction(instrument.detection))
    res = _unique_search(exact_game, z, inst)
    method = _UNIQUE_METHOD + ", on the exact binary values of the float payoffs"
    if res.feasible is False:
        return _infeasible(game, z, instrument, "unique", res.reason, method)

    def to_float(v: Any) -> float:
        return float(v) if isinstance(v, Fraction) else float(sympy.N(v, 17))

    upper = None if res.upper is None else to_float(res.upper)
    return _finish(
        game,
        z,
        instrument,
        "unique",
        to_float(res.level),
        res.attained,
        method,
        upper,
        verify=False,  # verified exactly on the exact game; rounding the level may break ties
    )


def _irrational_breakpoint(
    A0: np.ndarray, cA: np.ndarray, M0: np.ndarray, cM: np.ndarray, z: tuple, r: Any
) -> None:
    """Justify "not unique at the irrational level ``r``" when it fails just below ``r``.

    No payoff difference (linear in the level, rational coefficients) vanishes at ``r`` unless
    it is identically zero. If the target is a strict equilibrium at ``r``, it is isolated, also
    in all nearby games; so the other equilibria of the games just below ``r`` (or the failure
    of the target there) have a limit at ``r`` other than the target, an equilibrium at ``r``
    by upper hemicontinuity of the equilibrium correspondence: not unique at ``r`` either. If
    the target is not an equilibrium at ``r`` it is not unique there. Only a target tied with
    another action for every level is left undecided (UnsupportedQuestion).
    """
    for base, slope, own, other in ((A0, cA, z[0], z[1]), (M0, cM, z[1], z[0])):
        for a in range(base.shape[0]):
            if a == own:
                continue
            c0 = base[own, other] - base[a, other]
            c1 = slope[own, other] - slope[a, other]
            if c1 == 0 and c0 == 0:
                raise UnsupportedQuestion(
                    f"the equilibrium structure changes at the irrational level {r}, and the "
                    "target is tied with another action at every level; uniqueness there "
                    "cannot be decided exactly"
                )


def _rational_between(lo: Any, hi: Any) -> Fraction:
    if isinstance(lo, Fraction) and isinstance(hi, Fraction):
        return (lo + hi) / 2
    lo_s, hi_s = _sym(lo), _sym(hi)
    digits = 30
    while True:
        guess = sympy.Rational(str(sympy.N((lo_s + hi_s) / 2, digits)))
        if bool(guess > lo_s) and bool(guess < hi_s):
            return Fraction(int(guess.p), int(guess.q))
        digits *= 2  # pragma: no cover - only for extremely close roots


def _rational_above(value: Any) -> Fraction:
    if isinstance(value, Fraction):
        return value + 1
    return Fraction(math.floor(float(sympy.N(value)))) + 2


def _breakpoints(A0: np.ndarray, cA: np.ndarray, M0: np.ndarray, cM: np.ndarray) -> list[Any]:
    """Positive real roots of all bordered minors of ``A0 + l cA`` and ``M0 + l cM``, sorted."""
    ell = sympy.Symbol("ell")
    polys: set[tuple] = set()
    count = 0
    for base, slope in ((A0, cA), (M0, cM)):
        m, n = base.shape
        if not any(v != 0 for v in slope.flat):
            continue
        for k in range(1, min(m, n) + 1):
            for rows_extra in (0, 1):
                if k + rows_extra > m:
                    continue
                for R in itertools.combinations(range(m), k + rows_extra):
                    for C in itertools.combinations(range(n), k):
                        count += 1
                        if count > MAX_UNIQUE_MINORS:
                            raise UnsupportedQuestion(
                                f"concept='unique' examines more than {MAX_UNIQUE_MINORS} "
                                "bordered minors for a game of this size; use a smaller game"
                            )
                        touched = any(slope[r, c] != 0 for r in R for c in C)
                        if not touched:
                            continue
                        coeffs = _minor_polynomial(base, slope, R, C, rows_extra)
                        if any(c != 0 for c in coeffs[1:]):
                            polys.add(tuple(coeffs))
    roots: set[Any] = set()
    for key in polys:
        poly = sympy.Poly([sympy.Rational(c.numerator, c.denominator) for c in reversed(key)], ell)
        for r in poly.real_roots():
            if r.is_positive:
                roots.add(Fraction(int(r.p), int(r.q)) if r.is_Rational else r)
    return sorted(roots, key=lambda r: sympy.N(_sym(r), 50))


def _bordered(
    base: np.ndarray, slope: np.ndarray, R: tuple, C: tuple, extra: int, t: Fraction
) -> list[list[Fraction]]:
    """``[[M_RC, -1], [1, 0]]`` at level ``t`` (``extra=1``: with the column ``(0.., 1)``)."""
    k = len(C)
    rows = []
    for r in R:
        row = [base[r, c] + t * slope[r, c] for c in C] + [Fraction(-1)]
        if extra:
            row.append(Fraction(0))
        rows.append(row)
    last = [Fraction(1)] * k + [Fraction(0)]
    if extra:
        last.append(Fraction(1))
    rows.append(last)
    return rows


def _det(m: list[list[Fraction]]) -> Fraction:
    m = [list(r) for r in m]
    n = len(m)
    det = Fraction(1)
    for c in range(n):
        pivot = next((r for r in range(c, n) if m[r][c] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            det = -det
        det *= m[c][c]
        for r in range(c + 1, n):
            if m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c], strict=True)]
    return det


def _minor_polynomial(
    base: np.ndarray, slope: np.ndarray, R: tuple, C: tuple, extra: int
) -> list[Fraction]:
    """Coefficients (constant first) of the bordered determinant as a polynomial in the level.

    The determinant has degree at most ``len(C)`` in the level; it is interpolated exactly from
    its values at ``0, 1, ..., len(C)``.
    """
    degree = len(C)
    xs = [Fraction(t) for t in range(degree + 1)]
    ys = [_det(_bordered(base, slope, R, C, extra, t)) for t in xs]
    # Newton divided differences -> monomial coefficients
    coef = list(ys)
    for j in range(1, degree + 1):
        for i in range(degree, j - 1, -1):
            coef[i] = (coef[i] - coef[i - 1]) / (xs[i] - xs[i - j])
    out = [Fraction(0)] * (degree + 1)
    for i in range(degree, -1, -1):  # Horner on the Newton form
        out = [Fraction(0), *out[:-1]]  # multiply by x
        shifted = [-xs[i] * v for v in out[1:]] + [Fraction(0)]
        out = [a + b for a, b in zip(out, shifted, strict=True)]
        out[0] += coef[i]
    return out


# ---- parametric games: closed form -------------------------------------------------------------


def _symbolic(
    game: Game, z: tuple[int, ...], instrument: Any, concept: str, per_player: bool
) -> InterventionResult:
    if per_player:
        raise UnsupportedQuestion(
            "per-player levels are computed for numeric games only; for a parametric game use "
            "a uniform level (per_player=False) or bind the parameters with game.subs(...)"
        )
    from .symbolic import _symbolic_arrays

    arrays = tuple(_symbolic_arrays(game))
    coef = _convert(instrument.coefficients(game, z), "symbolic")
    if concept == "unique":
        return _symbolic_unique(game, z, instrument, arrays, coef)
    cons = _constraints(arrays, coef, z, concept)
    solved = _closed_form(game, z, cons)
    if isinstance(solved, str):
        return _infeasible(game, z, instrument, concept, solved, _SYMBOLIC_METHOD)
    level, feasible, attained, upper = solved
    return _finish(
        game,
        z,
        instrument,
        concept,
        level,
        attained,
        _SYMBOLIC_METHOD,
        upper,
        verify=False,
        feasible=feasible,
    )


def _decided(value: Any) -> Any:
    """A sympy condition, its inequalities decided by the symbols' assumptions where possible.

    Returns True/False when decided, otherwise the (partly reduced) condition. Uses the sign
    of ``lhs - rhs`` under the assumptions (fast) instead of a full ``simplify``.
    """
    value = _reduce(sympy.sympify(value))
    if value is sympy.true:
        return True
    if value is sympy.false:
        return False
    return value


def _reduce(value: Any) -> Any:
    if isinstance(value, sympy.And | sympy.Or):
        return type(value)(*(_reduce(arg) for arg in value.args))
    if isinstance(value, sympy.core.relational.Relational) and not isinstance(
        value, sympy.Eq | sympy.Ne
    ):
        if isinstance(value, sympy.GreaterThan | sympy.StrictGreaterThan):
            diff = sympy.simplify(value.lhs - value.rhs)
        else:
            diff = sympy.simplify(value.rhs - value.lhs)
        strict = isinstance(value, sympy.StrictGreaterThan | sympy.StrictLessThan)
        if (diff.is_positive if strict else diff.is_nonnegative) is True:
            return sympy.true
        if (diff.is_nonpositive if strict else diff.is_negative) is True:
            return sympy.false
        return (diff > 0) if strict else (diff >= 0)
    return value


def _closed_form(game: Game, z: tuple[int, ...], cons: _Constraints) -> tuple | str:
    """Solve the constraints for a uniform level in closed form.

    Returns ``(level, feasible, attained, upper)`` (sympy expressions or conditions) or the
    reason why no level works. ``level = Max(0, lower bounds)``; ``feasible`` asks it to stay
    below every upper bound and the level-free constraints to hold.
    """
    lowers, uppers, conditions = [], [], []
    for k in range(len(cons.a)):
        a = sympy.simplify(cons.a[k])
        b = sympy.simplify(sum(cons.B[k], start=sympy.Integer(0)))
        if b.is_zero:
            cond = _decided((a > 0) if cons.strict else (a >= 0))
            if cond is False:
                return (
                    f"{_describe(game, z, cons.rows[k])} gains ({-a}) whatever the level: the "
                    "instrument does not touch this incentive"
                )
            conditions.append(cond)
        elif b.is_positive:
            lowers.append(sympy.simplify(-a / b))
        elif b.is_negative:
            uppers.append(sympy.simplify(-a / b))
        else:
            raise ValueError(
                f"the sign of the level's coefficient {b} in the incentive of "
                f"{_describe(game, z, cons.rows[k])} is unknown; declare the symbols' signs "
                "(e.g. positive=True)"
            )
    level = sympy.simplify(sympy.Max(0, *lowers)) if lowers else sympy.Integer(0)
    for u in uppers:
        conditions.append((level < u) if cons.strict else (level <= u))
    feasible = _decided(sympy.And(*conditions)) if conditions else True
    if feasible is False:
        return (
            "the level needed exceeds the largest level allowed by an incentive the "
            "instrument hurts"
        )
    attained: Any = True
    if cons.strict and lowers:
        attained = _decided(sympy.And(*(lo < 0 for lo in lowers)))
    upper = sympy.simplify(sympy.Min(*uppers)) if uppers else None
    return level, feasible, attained, upper


def _symbolic_unique(
    game: Game, z: tuple[int, ...], instrument: Any, arrays: tuple, coef: np.ndarray
) -> InterventionResult:
    """Closed form for ``concept="unique"`` in a 2x2 game.

    In a 2x2 game the pure profile ``z`` is the only equilibrium (pure or mixed) iff it is a
    strict equilibrium and some player's action in ``z`` is strictly dominant (otherwise the
    opposite corner is an equilibrium too, or a player is indifferent along a continuum); see
    :func:`gametheory.symbolic.equilibrium_conditions`. Each player ``j`` gives a branch
    "strict Nash and ``z_j`` strictly dominant"; the minimal level is the smaller of the
    branches' minima (all inequalities are strict: attained only at level 0 with slack).
    """
    if game.shape != (2, 2):
        raise UnsupportedQuestion(
            "concept='unique' for parametric games is available for 2x2 games (closed form); "
            "bind the parameters with game.subs(...) to use the exact numeric search"
        )
    nash = _constraints(arrays, coef, z, "strict")
    dominant = _constraints(arrays, coef, z, "dominant")
    branches = []
    for j in range(2):
        keep = [k for k, row in enumerate(dominant.rows) if row[0] == j]
        cons = _Constraints(
            np.concatenate([nash.a, dominant.a[keep]]),
            np.vstack([nash.B, dominant.B[keep]]),
            nash.rows + tuple(dominant.rows[k] for k in keep),
            True,
        )
        solved = _closed_form(game, z, cons)
        if not isinstance(solved, str):
            branches.append(solved)
    if not branches:
        return _infeasible(
            game,
            z,
            instrument,
            "unique",
            "no level makes the target a strict equilibrium with a strictly dominant action "
            "for some player, which a 2x2 game needs for a unique equilibrium",
            _SYMBOLIC_METHOD,
        )
    if len(branches) == 1:
        level, feasible, attained, _ = branches[0]
    else:
        (l0, c0, a0, _), (l1, c1, a1, _) = branches
        feasible = _decided(sympy.Or(c0, c1))
        if c0 is True and c1 is True:
            level = sympy.simplify(sympy.Min(l0, l1))
        else:
            level = sympy.Piecewise(  # meaningful where `feasible` holds
                (sympy.Min(l0, l1), sympy.And(c0, c1)), (l0, c0), (l1, True)
            )
        attained = _decided(sympy.Or(sympy.And(c0, a0), sympy.And(c1, a1)))
    return _finish(
        game,
        z,
        instrument,
        "unique",
        level,
        attained,
        _SYMBOLIC_METHOD,
        None,
        verify=False,
        feasible=feasible,
    )


# --------------------------------------------------------------------------------------------
# The unique evolutionarily stable state (one population per player)
# --------------------------------------------------------------------------------------------


def _unique_ess(
    game: Game, z: tuple[int, ...], instrument: Any, symbolic: bool
) -> InterventionResult:
    """Least uniform level making ``z`` the only strict pure profile.

    Each pure profile ``s`` is strict iff ``a_k + b_k l > 0`` for all its deviation constraints
    ``k`` (affine in the level ``l``). ``z`` must be strict: ``l`` in an open interval
    ``(L, U)``. Every other ``s`` must not be: some ``a_k + b_k l <= 0``, a union of the
    half-lines ``l <= -a_k/b_k`` (``b_k > 0``) and ``l >= -a_k/b_k`` (``b_k < 0``). Numeric
    games: the feasible set is decided exactly at every breakpoint and between consecutive
    breakpoints (Fractions; float games on the exact values of their floats), and its infimum
    over ``l >= 0`` is returned. Parametric games: closed form ``Max(L, v_s ...)`` when every
    other profile's strictness fails along a lower half-line ``l >= v_s`` (``v_s = Min`` of its
    bounds), i.e. when raising the level only ever destabilises the other profiles; otherwise
    UnsupportedQuestion.
    """
    profiles = list(itertools.product(*(range(k) for k in game.shape)))
    if symbolic:
        return _unique_ess_symbolic(game, z, instrument, profiles)
    game._require_solvable("minimal_intervention")
    exact_game = game.kind == "exact"
    arrays = tuple(np.asarray(a, dtype=object) for a in game.as_fractions())
    coef = instrument.coefficients(game, z)
    coef = np.vectorize(lambda v: v if isinstance(v, Fraction) else Fraction(v), otypes=[object])(
        coef
    )
    rows = {}
    for s in profiles:
        cons = _constraints(arrays, coef, s, "strict")
        b = [sum(row, start=Fraction(0)) for row in cons.B]
        rows[s] = list(zip(cons.a, b, strict=True))

    def strict_at(s: tuple[int, ...], level: Fraction) -> bool:
        return all(a + bk * level > 0 for a, bk in rows[s])

    def works(level: Fraction) -> bool:
        return strict_at(z, level) and not any(strict_at(s, level) for s in profiles if s != z)

    points = {Fraction(0)}
    for s in profiles:
        for a, bk in rows[s]:
            if bk != 0:
                bound = -a / bk
                if bound >= 0:
                    points.add(bound)
    ordered = sorted(points)
    method = _UNIQUE_ESS_METHOD
    found = None
    for k, p in enumerate(ordered):
        if works(p):
            found = (p, True)
            break
        nxt = ordered[k + 1] if k + 1 < len(ordered) else p + 1
        if works((p + nxt) / 2):
            found = (p, False)
            break
    if found is None:
        reason = "no level makes the target the only strict equilibrium: " + (
            "the target is never strict"
            if not any(strict_at(z, p) for p in ordered) and not strict_at(z, ordered[-1] + 1)
            else "another pure profile stays strict at every level where the target is"
        )
        return _infeasible(game, z, instrument, "unique_ess", reason, method)
    level, attained = found
    upper, prev = None, level  # the end of the first working interval
    for p in [q for q in ordered if q > level]:
        if not works((prev + p) / 2):
            upper = prev
            break
        if not works(p):
            upper = p
            break
        prev = p
    else:
        if not works(prev + 1):
            upper = prev
    if not exact_game:
        level = float(level)
        upper = None if upper is None else float(upper)
    return _finish(
        game, z, instrument, "unique_ess", level, attained, method, upper, verify=exact_game
    )


def _below(value: Any, level: Any) -> bool:
    """Whether ``value <= level`` is decided true (also when ``value`` is one of the arguments
    of ``level = Max(...)``, or ``value = Min(...)`` has such an argument)."""
    lhs = value.args if isinstance(value, sympy.Min) else (value,)
    rhs = level.args if isinstance(level, sympy.Max) else (level,)
    if any(sympy.simplify(a - b) == 0 for a in lhs for b in rhs):
        return True
    return _decided(value <= level) is True


def _unique_ess_symbolic(
    game: Game, z: tuple[int, ...], instrument: Any, profiles: list[tuple[int, ...]]
) -> InterventionResult:
    from .symbolic import _symbolic_arrays

    arrays = tuple(_symbolic_arrays(game))
    coef = _convert(instrument.coefficients(game, z), "symbolic")
    target = _constraints(arrays, coef, z, "strict")
    solved = _closed_form(game, z, target)
    if isinstance(solved, str):
        return _infeasible(game, z, instrument, "unique_ess", solved, _SYMBOLIC_METHOD)
    level, feasible, _, upper = solved
    bounds = []
    for s in profiles:
        if s == z:
            continue
        cons = _constraints(arrays, coef, s, "strict")
        lower_rays, upper_rays, always = [], [], False
        for k in range(len(cons.a)):
            a = sympy.simplify(cons.a[k])
            b = sympy.simplify(sum(cons.B[k], start=sympy.Integer(0)))
            if b.is_zero:
                fails = _decided(a <= 0)
                if fails is True:
                    always = True
                    break
                if fails is not False:
                    raise UnsupportedQuestion(
                        f"whether {_describe(game, s, cons.rows[k])} is profitable depends on the "
                        "parameters but not on the level; bind the parameters with game.subs(...)"
                    )
                continue
            if b.is_negative:
                lower_rays.append(sympy.simplify(-a / b))
            elif b.is_positive:
                upper_rays.append(sympy.simplify(-a / b))
            else:
                raise ValueError(
                    f"the sign of the level's coefficient {b} in the incentive of "
                    f"{_describe(game, s, cons.rows[k])} is unknown; declare the symbols' signs"
                )
        if always:
            continue
        name = ", ".join(game.actions[i][a] for i, a in enumerate(s))
        lowest = sympy.Min(*lower_rays) if lower_rays else None
        if lowest is not None and _below(lowest, level):
            continue  # every level the target needs already destabilises s
        if upper_rays and _decided(sympy.Max(*upper_rays) < 0) is not True:
            raise UnsupportedQuestion(
                f"the profile ({name}) stops being strict both below and above some levels, so "
                "the set of working levels need not be an interval; bind the parameters with "
                "game.subs(...) for the exact numeric search"
            )
        if lowest is None:
            return _infeasible(
                game,
                z,
                instrument,
                "unique_ess",
                f"the profile ({name}) is a strict equilibrium at every non-negative level: "
                "the instrument does not reach its incentives",
                _SYMBOLIC_METHOD,
            )
        bounds.append(lowest)
    level = sympy.simplify(sympy.Max(level, *bounds)) if bounds else level
    if upper is not None:
        known = sympy.true if feasible is True else feasible
        feasible = _decided(sympy.And(known, level < upper))
    return _finish(
        game,
        z,
        instrument,
        "unique_ess",
        level,
        None,
        _SYMBOLIC_METHOD,
        upper,
        verify=False,
        feasible=feasible,
    )


# --------------------------------------------------------------------------------------------
# k-implementation (Monderer & Tennenholtz 2004)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KImplementation:
    """Cost of implementing a profile with (non-negative) payments; Monderer & Tennenholtz 2004.

    ``cost`` is the exact (or closed-form) minimal payment at the target; ``regrets[i]`` is
    ``max(0, max_x u_i(x, z_-i) - u_i(z))``; ``closed_form`` is
    ``sum_i max(0, regret_i - F)``; ``payments[i]`` is a payment array ``V_i`` that
    implements ``z`` at that cost (checked exactly for exact games); ``lp_cost`` the optimum of
    the linear program (HiGHS, floats; None for parametric games).
    """

    target: tuple[int, ...]
    cost: Any
    closed_form: Any
    regrets: tuple[Any, ...]
    payments: tuple[np.ndarray, ...]
    lp_cost: float | None
    fines: Any
    epsilon: float
    method: str

    def _repr_markdown_(self) -> str:
        rows = [
            ("target", str(self.target)),
            ("cost k(z)", _text(self.cost)),
            ("regrets", _text(self.regrets)),
            ("fines allowed", _text(self.fines)),
            ("LP optimum (HiGHS)", "-" if self.lp_cost is None else f"{self.lp_cost:.6g}"),
            ("method", self.method),
        ]
        lines = ["| | |", "|---|---|"]
        lines += [f"| {k} | {html.escape(v).replace('|', '&#124;')} |" for k, v in rows]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"KImplementation(target={self.target}, cost={_text(self.cost)}, "
            f"regrets={_text(self.regrets)}, fines={_text(self.fines)}, lp_cost="
            f"{'-' if self.lp_cost is None else f'{self.lp_cost:.6g}'}, method={self.method!r})"
        )


#: Off-path strictness margin of the k-implementation LP. Off-target payments cost nothing, so the
#: optimum does not depend on any positive value; 1 keeps the program well scaled.
K_EPSILON = 1.0


def k_implementation_cost(
    game: Game, target: Sequence[int | str], fines: Any = None
) -> KImplementation:
    """The minimal cost of implementing the pure profile ``target`` (Monderer & Tennenholtz 2004).

    An interested party commits to payments ``V_i(s)`` (``>= 0``; with ``fines=F`` payments off
    the target may go down to ``-F``, the target's own payments stay ``>= 0``). ``z`` is
    implemented when every ``z_i`` is dominant in the game ``u + V``: a best response to
    ``z_-i`` and strictly better than every other action against every other ``s_-i``. The cost
    is what is paid at ``z``. The linear program (MODELS.md §6.1)

        min  sum_i V_i(z)
        s.t. u_i(z_i, s_-i) + V_i(z_i, s_-i)
                 >= u_i(x_i, s_-i) + V_i(x_i, s_-i) + eps 1{s_-i != z_-i}

    is solved by HiGHS with ``eps = K_EPSILON`` (off-target payments cost nothing, so the optimum
    does not depend on ``eps > 0``), and compared with the closed form

        k_F(z) = sum_i max(0, max_x u_i(x, z_-i) - u_i(z) - F)

    (the sum of the regrets at ``z``; ``F = 0`` without fines): every Nash equilibrium is
    0-implementable. For exact games the payment scheme ``V_i(z) = max(0, regret_i - F)``,
    ``V_i(x_i, s_-i) = -F`` for ``x_i != z_i``, and on ``(z_i, s_-i)`` just enough (plus a margin
    of 1) to make ``z_i`` strictly better, is checked to implement ``z`` exactly. Parametric games
    get the closed form (sympy ``Max``) and the same scheme symbolically, without the LP.
    """
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    z = game.pure_profile(target)
    F = Fraction(0) if fines is None else _amount(fines, "fines")
    symbolic = game.kind == "symbolic" or _is_symbolic(F)
    if symbolic:
        from .symbolic import _symbolic_arrays

        arrays: tuple = tuple(_symbolic_arrays(game))
        F = _sym(F)
        zero: Any = sympy.Integer(0)
        pmax: Any = sympy.Max
    else:
        game._require_solvable("k_implementation_cost")
        exact = game.kind == "exact" and not isinstance(F, float)
        arrays = (
            game.as_fractions()
            if exact
            else tuple(np.asarray(a, dtype=float).astype(object) for a in game.as_float())
        )
        if not exact:
            F = float(F)
        zero = Fraction(0) if exact else 0.0
        pmax = _python_max
    n = game.n_players
    regrets = []
    for i in range(n):
        gains = [arrays[i][dev] - arrays[i][z] for dev in _unilateral_deviations(game, i, z)]
        regrets.append(_simplify(pmax(zero, *gains), symbolic))
    closed = _simplify(sum((pmax(zero, r - F) for r in regrets), start=zero), symbolic)
    payments = _k_scheme(game, arrays, z, regrets, F, zero, pmax, symbolic)
    if symbolic:
        return KImplementation(
            z, closed, closed, tuple(regrets), payments, None, F, K_EPSILON, _SYMBOLIC_METHOD
        )
    if exact and not _implements(game, arrays, payments, z):
        raise RuntimeError("internal error: the payment scheme does not implement the target")
    lp = _k_lp(game, arrays, z, float(F))
    scale = max(1.0, *(float(abs(v)) for a in arrays for v in a.flat))
    if abs(lp - float(closed)) > 1e-7 * scale:
        raise RuntimeError(  # pragma: no cover - would contradict Monderer & Tennenholtz
            f"internal error: LP value {lp} differs from the closed form {closed}"
        )
    method = (
        "closed form (sum of regrets, exact) + linear programming (HiGHS) check"
        if exact
        else "closed form (sum of regrets) + linear programming (HiGHS) check, floats"
    )
    return KImplementation(z, closed, closed, tuple(regrets), payments, lp, F, K_EPSILON, method)


def _python_max(*values: Any) -> Any:
    return max(values)


def _simplify(value: Any, symbolic: bool) -> Any:
    return sympy.simplify(value) if symbolic else value


def _k_scheme(
    game: Game, arrays: tuple, z: tuple, regrets: list, F: Any, zero: Any, pmax: Any, symbolic: bool
) -> tuple[np.ndarray, ...]:
    out = []
    for i in range(game.n_players):
        V = np.empty(game.shape, dtype=object)
        for s in np.ndindex(game.shape):
            if s == z:
                V[s] = _simplify(pmax(zero, regrets[i] - F), symbolic)
            elif s[i] != z[i]:
                V[s] = -F if F != 0 else zero
        for s in np.ndindex(game.shape):
            if s[i] == z[i] and s != z:
                others = [
                    arrays[i][dev] + V[dev]
                    for dev in ((*s[:i], x, *s[i + 1 :]) for x in range(game.shape[i]))
                    if dev[i] != z[i]
                ]
                gaps = [v - arrays[i][s] + 1 for v in others]
                V[s] = _simplify(pmax(zero, *gaps), symbolic)
        out.append(V)
    return tuple(out)


def _implements(game: Game, arrays: tuple, payments: tuple, z: tuple) -> bool:
    """Exact check: ``z_i`` is a best response to ``z_-i`` and strictly best elsewhere."""
    for i in range(game.n_players):
        total = arrays[i] + payments[i]
        for s in np.ndindex(game.shape):
            if s[i] != z[i]:
                continue
            for x in range(game.shape[i]):
                if x == z[i]:
                    continue
                dev = (*s[:i], x, *s[i + 1 :])
                if s == z:
                    if total[dev] > total[s]:
                        return False
                elif total[dev] >= total[s]:
                    return False
    return True


def _k_lp(game: Game, arrays: tuple, z: tuple, F: float) -> float:
    shape = game.shape
    size = int(np.prod(shape))
    n = game.n_players
    nvar = n * size

    def var(i: int, s: tuple) -> int:
        return i * size + int(np.ravel_multi_index(s, shape))

    rows, rhs = [], []
    for i in range(n):
        for s in np.ndindex(shape):
            if s[i] != z[i]:
                continue
            off_path = any(s[k] != z[k] for k in range(n) if k != i)
            for x in range(shape[i]):
                if x == z[i]:
                    continue
                dev = (*s[:i], x, *s[i + 1 :])
                row = np.zeros(nvar)
                # -(V(z_i,s) - V(x,s)) <= u(z_i,s) - u(x,s) - eps
                row[var(i, s)] = -1.0
                row[var(i, dev)] = 1.0
                rows.append(row)
                rhs.append(
                    float(arrays[i][s]) - float(arrays[i][dev]) - (K_EPSILON if off_path else 0.0)
                )
    c = np.zeros(nvar)
    bounds = []
    for i in range(n):
        for s in np.ndindex(shape):
            bounds.append((0.0, None) if s == z else (-F, None))
        c[var(i, z)] = 1.0
    res = linprog(
        c,
        A_ub=np.array(rows) if rows else None,
        b_ub=np.array(rhs) if rows else None,
        bounds=bounds,
        method="highs",
    )
    if res.status != 0:
        raise RuntimeError(f"HiGHS failed on the k-implementation LP: {res.message}")
    return float(res.fun)
