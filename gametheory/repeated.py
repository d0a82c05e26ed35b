"""Infinitely and finitely repeated games: critical discount factors, transfers, tenure.

A stage game ``G`` is played in periods ``t = 0, 1, 2, ...``; every player observes the past
profiles and maximises the *normalised* discounted payoff ``(1 - δ) Σ_t δ^t u_i(a^t)``. A strategy
profile is a subgame-perfect equilibrium (SPE) iff no player gains from a *one-shot deviation* at
any history (the one-shot deviation principle; Mailath & Samuelson 2006, *Repeated Games and
Reputations*, Prop. 2.2.1). Every condition below is such a one-shot deviation inequality,
written as ``g(δ) >= 0`` for a function ``g`` that is monotone on ``[0, 1]``.

Notation for a cooperative pure profile ``c``:

* ``C_i = u_i(c)`` — cooperation payoff;
* ``D_i = max_{a != c_i} u_i(a, c_-i)`` — best one-shot deviation payoff (over actions other than
  ``c_i``; a player with a single action has no deviation and no constraint);
* ``P_i = u_i(p^i)`` — payoff in the punishment profile ``p^i`` that follows a deviation by ``i``.

Strategies (:func:`critical_discount_factor`):

``"grim"`` (Nash reversion; Friedman 1971)
    Play ``c`` until someone deviates; after a deviation by player ``i`` play the stage Nash
    equilibrium ``p^i`` forever (a player-specific reversion is still an SPE because every
    ``p^i`` is a stage equilibrium). Cooperative phase: ``C_i >= (1 - δ) D_i + δ P_i``, i.e.
    ``δ (D_i - P_i) >= D_i - C_i``, so ``δ_i* = (D_i - C_i)/(D_i - P_i)``; for the prisoner's
    dilemma ``δ* = (T - R)/(T - P)`` (MODELS.md §7.1).
``"tit_for_tat"`` (2x2 games; Axelrod 1984)
    Start with ``c`` and then copy the opponent's last action. Nash conditions (best reply of a
    two-state decision problem: permanent defection and alternation are the only candidates):
    ``δ (T_i - P_i) >= T_i - R_i`` and ``δ (R_i - S_i) >= T_i - R_i``. Subgame perfection adds the
    one-shot deviations after the histories ending in (D, D), (C, D) and (D, C):
    ``δ (T_i - P_i) <= P_i - S_i``, ``δ (T_i - P_i) >= P_i - S_i`` and
    ``δ (R_i - S_i) <= T_i - R_i``, so TFT is an SPE only at
    ``δ = (T_i - R_i)/(R_i - S_i) = (P_i - S_i)/(T_i - P_i)`` (when ``R_i > S_i`` and
    ``T_i > P_i``; Mailath & Samuelson 2006, §2.4.3): in the prisoner's dilemma with
    ``T + S = R + P`` at ``δ = (T - R)/(R - S)``, otherwise never. The reported threshold is the
    Nash one (``concept == "Nash"``); ``.subgame_perfect`` is the exact set of δ at which TFT is
    an SPE.
``"limited_punishment"`` (``periods=k``)
    A deviation by ``i`` starts ``k`` periods of ``p^i`` (deviations during them are ignored),
    then cooperation resumes. Condition ``(C_i - P_i)(δ + ... + δ^k) >= D_i - C_i``; the threshold
    is the root in (0, 1) of this polynomial: ``(D - C)/(C - P)`` for ``k = 1``, an algebraic
    number (a ``sympy.CRootOf`` or radicals) for ``k >= 2``. Needs ``k (C_i - P_i) > D_i - C_i``.
``"stick_and_carrot"`` (Abreu 1986, 1988)
    A deviation starts one period of the *stick* profile ``m`` (need not be a stage equilibrium);
    if everybody plays ``m`` cooperation resumes, otherwise the stick is repeated. With
    ``M_i = u_i(m)`` and ``E_i = max_{a != m_i} u_i(a, m_-i)`` the conditions are
    ``δ (C_i - M_i) >= D_i - C_i`` (cooperative phase) and ``δ (C_i - M_i) >= E_i - M_i`` (stick
    phase).

For each strategy the *threshold* of a player is the least ``δ_0`` such that all the player's
conditions hold for every ``δ`` in ``[δ_0, 1)``; it is ``1`` when no ``δ_0 < 1`` works (the
profile is then not ``sustainable``). ``overall`` is the maximum over players; ``region`` is the
exact set of ``δ`` in ``(0, 1)`` at which every condition holds.

The rest of the module applies these thresholds to intergovernmental cooperation (MODELS.md §7):
cooperation-phase transfers that equalise two players' thresholds and the threshold under an
expected fine (:func:`equalizing_transfer`, :func:`threshold_with_transfer`,
:func:`threshold_with_penalty`); officials' tenure, geometric (:func:`effective_discount`,
:func:`minimal_stay_probability`, :func:`minimal_expected_tenure`) or in fixed terms with
reappointment (:func:`term_incentive`, :func:`minimal_reappointment_probability`); and
subgame-perfect play of finitely repeated games (:func:`finite_horizon_spe`). Numbers follow the
input: Fractions for exact games, floats for float games, sympy expressions for symbolic ones.

References
----------
Abreu, D. (1986). Extremal equilibria of oligopolistic supergames. *J. Economic Theory* 39:
191-225. Abreu, D. (1988). On the theory of infinitely repeated games with discounting.
*Econometrica* 56(2): 383-396. Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.
Benoit, J.-P. & Krishna, V. (1985). Finitely repeated games. *Econometrica* 53(4): 905-922.
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Rev. Economic Studies*
38(1): 1-12. Mailath, G. J. & Samuelson, L. (2006). *Repeated Games and Reputations*. Oxford
University Press, ch. 2. Selten, R. (1978). The chain store paradox. *Theory and Decision* 9(2):
127-159.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .game import Game, format_number

__all__ = [
    "DELTA",
    "STRATEGIES",
    "CriticalDiscount",
    "EqualizingTransfer",
    "FiniteHorizonSPE",
    "RepeatedGame",
    "TermIncentive",
    "critical_discount_factor",
    "effective_discount",
    "equalizing_transfer",
    "finite_horizon_spe",
    "minimal_expected_tenure",
    "minimal_reappointment_probability",
    "minimal_stay_probability",
    "term_incentive",
    "threshold_with_penalty",
    "threshold_with_transfer",
]

#: The discount factor in the conditions reported by :class:`CriticalDiscount`.
DELTA = sympy.Symbol("delta", positive=True)

STRATEGIES = ("grim", "tit_for_tat", "limited_punishment", "stick_and_carrot")

_UNIT = sympy.Interval.open(0, 1)

#: Conditions are simplified under the symbols' assumptions only up to this many operations.
_SIMPLIFY_OPS = 30


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _sym(value: Any) -> sympy.Expr:
    """A payoff as a sympy number: Fractions and floats exactly (binary value of the float)."""
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, float):
        return sympy.Rational(value)
    return sympy.sympify(value)


def _stage_arrays(game: Any, what: str = "stage") -> tuple[list[np.ndarray], str]:
    """The payoff arrays as sympy numbers/expressions and the game's kind."""
    if not isinstance(game, Game):
        raise TypeError(f"{what} must be a gametheory.Game, got {type(game).__name__}")
    arrays = []
    for a in game.payoff_arrays:
        b = np.empty(a.shape, dtype=object)
        for index in np.ndindex(a.shape):
            b[index] = _sym(a[index])
        arrays.append(b)
    return arrays, game.kind


def _decide(condition: Any) -> bool | sympy.Basic:
    """A sympy boolean as a Python bool when the symbols' assumptions decide it."""
    condition = sympy.sympify(condition)
    if condition is sympy.true:
        return True
    if condition is sympy.false:
        return False
    if isinstance(condition, sympy.And | sympy.Or):
        parts = [_decide(arg) for arg in condition.args]
        combined = type(condition)(*(sympy.sympify(p) for p in parts))
        return combined if combined not in (sympy.true, sympy.false) else bool(combined)
    if isinstance(condition, sympy.core.relational.Relational):
        diff = condition.lhs - condition.rhs
        if diff.has(sympy.Piecewise) or sympy.count_ops(diff) > _SIMPLIFY_OPS:
            return condition  # simplify would be slow on large expressions; leave it open
        diff = sympy.simplify(diff)
        decided = type(condition)(diff, 0)
        if decided is sympy.true:
            return True
        if decided is sympy.false:
            return False
    return condition


def _out(value: Any, kind: str) -> Any:
    """Convert an internal sympy value to the output type of a game of ``kind``."""
    if value is None:
        return None
    value = sympy.sympify(value)
    if kind == "float":
        return float(value)
    if kind == "exact" and value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return value  # symbolic, or an irrational algebraic number of an exact game


def _set_out(region: sympy.Set, kind: str) -> sympy.Set:
    """Float endpoints for float games (the set is computed exactly from the binary values)."""
    if kind != "float":
        return region
    if isinstance(region, sympy.Interval):
        return sympy.Interval(
            sympy.Float(float(region.start)),
            sympy.Float(float(region.end)),
            region.left_open,
            region.right_open,
        )
    if isinstance(region, sympy.FiniteSet):
        return sympy.FiniteSet(*(sympy.Float(float(x)) for x in region))
    return region


def _check_discount(value: Any, name: str = "discount", allow_one: bool = False) -> sympy.Expr:
    """Validate a discount factor (or probability): a number in (0, 1), or (0, 1] if allowed.

    Sympy expressions with free symbols are accepted unless their assumptions contradict the
    range. Returns the value as a sympy number or expression.
    """
    upper = "1]" if allow_one else "1)"
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} is a boolean ({value!r}); it must be a number in (0, {upper}")
    if isinstance(value, str | bytes):
        raise TypeError(f"{name} is a string ({value!r}); it must be a number in (0, {upper}")
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(f"{name} is a sympy {type(value).__name__}, not a number")
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise ValueError(f"{name} = {value} is not a finite number")
        if value.is_real is False:
            raise ValueError(f"{name} = {value} is not real")
        x = value
    elif isinstance(value, numbers.Real):
        if isinstance(value, float | np.floating) and not math.isfinite(float(value)):
            raise ValueError(f"{name} is {value!r}; it must be a finite number in (0, {upper}")
        x = _sym(float(value) if isinstance(value, np.floating) else value)
        if isinstance(value, np.integer):
            x = sympy.Integer(int(value))
    else:
        raise TypeError(
            f"{name} has type {type(value).__name__} ({value!r}); use a float, a Fraction or a "
            "sympy expression"
        )
    low = _decide(x > 0)
    high = _decide(x <= 1) if allow_one else _decide(x < 1)
    if low is False:
        raise ValueError(f"{name} = {format_number(value)} must be > 0")
    if high is False:
        raise ValueError(
            f"{name} = {format_number(value)} must be < 1"
            if not allow_one
            else f"{name} = {format_number(value)} must be <= 1"
        )
    return x


def _kind_of(*values: Any) -> str:
    """Output kind of scalar inputs: symbolic if any has free symbols, float if any float."""
    kinds = set()
    for v in values:
        if isinstance(v, sympy.Basic):
            if v.free_symbols or not v.is_Rational:
                kinds.add("float" if v.is_Float else "symbolic")
        elif isinstance(v, float | np.floating):
            kinds.add("float")
    return "symbolic" if "symbolic" in kinds else "float" if "float" in kinds else "exact"


def _check_scalar(value: Any, name: str) -> sympy.Expr:
    """A finite real number or a real sympy expression, as sympy."""
    if isinstance(value, bool | np.bool_) or isinstance(value, str | bytes):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr) or value.is_real is False:
            raise ValueError(f"{name} = {value} is not a real expression")
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise ValueError(f"{name} = {value} is not finite")
        return value
    if not isinstance(value, numbers.Real):
        raise TypeError(f"{name} has type {type(value).__name__}; it must be a real number")
    if not math.isfinite(float(value)):
        raise ValueError(f"{name} = {value!r} is not finite")
    if isinstance(value, np.integer):
        return sympy.Integer(int(value))
    return _sym(float(value) if isinstance(value, np.floating) else value)


# --------------------------------------------------------------------------------------------
# Monotone conditions g(δ) >= 0 and their thresholds
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Condition:
    """``g(δ) >= 0`` for ``g`` monotone on [0, 1]; ``label`` says who and where."""

    player: int
    label: str
    g: sympy.Expr  # expression in DELTA
    shown: sympy.Basic  # the readable inequality

    def at(self, value: Any) -> sympy.Expr:
        out = sympy.expand(self.g.subs(DELTA, value))
        if out.free_symbols and not out.has(sympy.Max, sympy.Min, sympy.Piecewise):
            out = sympy.factor(sympy.cancel(out))  # e.g. b1 (a1 + a2)/(b1 + b2): signs decidable
        return out


def _root_in_unit(g: sympy.Expr, closed: bool = False) -> sympy.Expr:
    """The root in (0, 1) (``[0, 1]`` if ``closed``) of the monotone ``g``, exact."""
    poly = sympy.Poly(sympy.expand(g), DELTA)
    if poly.degree() == 1:
        a, b = poly.all_coeffs()
        return sympy.simplify(-b / a)
    if poly.free_symbols - {DELTA}:
        if poly.degree() == 2:
            a, b, c = poly.all_coeffs()
            # increasing g with g(0) = c < 0: the larger root when a > 0, the one in (0, 1) else
            disc = sympy.sqrt(b**2 - 4 * a * c)
            return sympy.simplify((-b + disc) / (2 * a))
        raise ValueError(
            f"the threshold is a root of a degree-{poly.degree()} polynomial with symbolic "
            "coefficients; bind the parameters (game.subs(...)) to get it exactly"
        )
    for root in sympy.real_roots(poly):
        if 0 < root < 1 or (closed and 0 <= root <= 1):
            return root
    raise ArithmeticError(f"no root of {g} in (0, 1)")  # pragma: no cover - guarded by caller


def _threshold(cond: _Condition) -> sympy.Expr:
    """Least δ0 in [0, 1] such that ``g >= 0`` on [δ0, 1) (1 if none).

    For monotone ``g``: 0 if ``g(0) >= 0`` and ``g(1) >= 0``; the root in (0, 1) if
    ``g(1) > 0 > g(0)``; otherwise 1. For symbolic coefficients the same rule as a Piecewise.
    """
    g0, g1 = cond.at(0), cond.at(1)
    both = (
        _decide(sympy.And(g0 >= 0, g1 >= 0))
        if not (g0.is_number and g1.is_number)
        else (bool(g0 >= 0) and bool(g1 >= 0))
    )
    up = _decide(g1 > 0) if not g1.is_number else bool(g1 > 0)
    if both is True:
        return sympy.Integer(0)
    if both is False and up is True:
        return _root_in_unit(cond.g)
    if both is False and up is False:
        return sympy.Integer(1)
    return sympy.Piecewise(
        (0, sympy.And(g0 >= 0, g1 >= 0)), (_root_in_unit(cond.g), g1 > 0), (1, True)
    )


def _sustainable_condition(conds: Sequence[_Condition]) -> bool | sympy.Basic:
    terms = []
    for c in conds:
        g0, g1 = c.at(0), c.at(1)
        terms.append(sympy.Or(sympy.And(g0 >= 0, g1 >= 0), g1 > 0))
    return _decide(sympy.And(*terms))


def _region(conds: Sequence[_Condition]) -> sympy.Set:
    """The set of δ in (0, 1) where every condition holds.

    Exact for numeric conditions. With symbolic coefficients, linear conditions whose
    coefficient signs the assumptions decide give an Interval with symbolic end points
    ``[Max(0, lower bounds), Min(1, upper bounds)]`` (open at 0 and 1); anything else gives a
    ``ConditionSet``.
    """
    fallback = sympy.ConditionSet(DELTA, sympy.And(*(c.g >= 0 for c in conds)), _UNIT)
    lowers: list[sympy.Expr] = []
    uppers: list[sympy.Expr] = []
    for c in conds:
        poly = sympy.Poly(sympy.expand(c.g), DELTA)
        numeric = not (poly.free_symbols - {DELTA})
        if poly.degree() <= 0:
            ok = _decide(poly.as_expr() >= 0)
            if ok is False:
                return sympy.S.EmptySet
            if ok is not True:
                return fallback
        elif poly.degree() == 1:
            a, b = poly.all_coeffs()
            root = sympy.simplify(-b / a)
            if a.is_positive:
                lowers.append(root)
            elif a.is_negative:
                uppers.append(root)
            else:
                return fallback
        elif numeric:  # monotone polynomial: g >= 0 on one side of its root in [0, 1]
            g0, g1 = c.at(0), c.at(1)
            if g0 >= 0 and g1 >= 0:
                continue
            if g0 < 0 and g1 < 0:
                return sympy.S.EmptySet
            root = _root_in_unit(c.g, closed=True)
            (lowers if g1 >= 0 else uppers).append(root)
        else:
            return fallback
    start = sympy.Max(0, *lowers)
    end = sympy.Min(1, *uppers)
    left_open = _decide(sympy.Eq(start, 0))
    right_open = _decide(sympy.Eq(end, 1))
    if left_open not in (True, False) or right_open not in (True, False):
        return fallback
    if start.is_number and end.is_number:
        if start > end or (start == end and (left_open or right_open)):
            return sympy.S.EmptySet
    elif _decide(start <= end) is not True:
        return fallback
    return sympy.Interval(start, end, left_open, right_open)


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriticalDiscount:
    """Critical discount factors of a repeated-game strategy profile.

    Attributes
    ----------
    strategy:
        One of :data:`STRATEGIES`.
    overall:
        The binding threshold ``max_i per_player[i]``: the least ``δ0`` such that the profile is an
        equilibrium (of kind ``concept``) for every ``δ`` in ``[δ0, 1)``. ``1`` when no ``δ0 < 1``
        works (then ``sustainable`` is False). A Fraction for exact games (a sympy algebraic
        number when irrational, e.g. limited punishment with ``k >= 2``), a float for float games
        (computed exactly from the floats' binary values), a sympy expression for symbolic games.
    per_player:
        One threshold per player (0 for a player without a profitable deviation).
    cooperate:
        The cooperative profile (action indices).
    punishment:
        One profile per player: the profile played after a deviation by that player (the stage
        equilibrium for ``"grim"``/``"limited_punishment"``, the stick for
        ``"stick_and_carrot"``, the profile of other actions for ``"tit_for_tat"``).
    conditions:
        ``(description, inequality in DELTA)`` pairs, one per one-shot deviation checked.
    sustainable:
        True when ``overall < 1``; for symbolic games a sympy condition on the parameters, which
        also requires the punishment to be a stage equilibrium when the assumptions leave that
        open (e.g. ``πF <= P - S`` in :func:`threshold_with_penalty`).
    region:
        The exact set of δ in (0, 1) at which every condition holds (a sympy Set;
        ``ConditionSet`` for symbolic games; for tit-for-tat the Nash conditions).
    concept:
        ``"subgame perfect"``, or ``"Nash"`` for tit-for-tat (see ``subgame_perfect``).
    periods:
        Punishment length of ``"limited_punishment"``.
    subgame_perfect:
        Tit-for-tat only: the set of δ in (0, 1) at which TFT is subgame perfect.
    """

    strategy: str
    overall: Any
    per_player: tuple[Any, ...]
    cooperate: tuple[int, ...]
    punishment: tuple[tuple[int, ...], ...]
    conditions: tuple[tuple[str, sympy.Basic], ...]
    sustainable: bool | sympy.Basic
    region: sympy.Set
    concept: str = "subgame perfect"
    periods: int | None = None
    subgame_perfect: sympy.Set | None = None
    players: tuple[str, ...] = field(default=(), repr=False)
    actions: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    @property
    def nash_threshold(self) -> Any:
        """Tit-for-tat: the Nash threshold (``overall``); other strategies: None."""
        return self.overall if self.strategy == "tit_for_tat" else None

    def _profile_text(self, profile: Sequence[int]) -> str:
        if not self.actions:
            return str(tuple(profile))
        return "(" + ", ".join(self.actions[i][a] for i, a in enumerate(profile)) + ")"

    def __repr__(self) -> str:
        names = self.players or tuple(f"Player {i + 1}" for i in range(len(self.per_player)))
        lines = [
            f"CriticalDiscount(strategy={self.strategy!r}"
            + (f", periods={self.periods}" if self.periods is not None else "")
            + f", concept={self.concept!r})",
            f"  cooperate: {self._profile_text(self.cooperate)}",
        ]
        if len(set(self.punishment)) == 1:
            lines.append(f"  punishment: {self._profile_text(self.punishment[0])}")
        else:
            for name, p in zip(names, self.punishment, strict=True):
                lines.append(f"  punishment after {name} deviates: {self._profile_text(p)}")
        for name, d in zip(names, self.per_player, strict=True):
            lines.append(f"  {name}: δ* = {format_number(d)}")
        lines.append(f"  overall: δ* = {format_number(self.overall)}")
        lines.append(f"  sustainable: {self.sustainable}")
        if self.subgame_perfect is not None:
            lines.append(f"  subgame perfect for δ in {self.subgame_perfect}")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Profiles, deviations and stage equilibria
# --------------------------------------------------------------------------------------------


def _deviation_payoff(
    arrays: Sequence[np.ndarray], shape: tuple[int, ...], i: int, profile: tuple[int, ...]
) -> sympy.Expr | None:
    """``max_{a != profile_i} u_i(a, profile_-i)``; None when player i has a single action."""
    values = []
    for a in range(shape[i]):
        if a == profile[i]:
            continue
        dev = list(profile)
        dev[i] = a
        values.append(arrays[i][tuple(dev)])
    if not values:
        return None
    return sympy.Max(*values)


def _nash_condition(
    arrays: Sequence[np.ndarray], shape: tuple[int, ...], profile: tuple[int, ...]
) -> bool | sympy.Basic:
    """Whether ``profile`` is a pure stage Nash equilibrium (a sympy condition if undecided)."""
    terms = []
    for i, u in enumerate(arrays):
        d = _deviation_payoff(arrays, shape, i, profile)
        if d is not None:
            terms.append(_decide(u[profile] >= d))
    if all(t is True for t in terms):
        return True
    if any(t is False for t in terms):
        return False
    return _decide(sympy.And(*terms))


def _pure_stage_equilibria(game: Game, arrays: Sequence[np.ndarray]) -> list[tuple[int, ...]]:
    """Pure profiles that are (provably, under the assumptions) stage Nash equilibria."""
    if game.kind in ("exact", "float"):
        from .equilibria import pure_equilibria

        return [eq.pure_profile for eq in pure_equilibria(game)]
    return [
        tuple(int(a) for a in p)
        for p in np.ndindex(game.shape)
        if _nash_condition(arrays, game.shape, tuple(int(a) for a in p)) is True
    ]


def _worst_for(
    candidates: Sequence[tuple[int, ...]], arrays: Sequence[np.ndarray], i: int, what: str
) -> tuple[int, ...]:
    """The candidate profile with the lowest payoff for player ``i`` (first one on ties)."""
    best = candidates[0]
    for p in candidates[1:]:
        lower = _decide(arrays[i][p] < arrays[i][best])
        if lower is True:
            best = p
        elif lower is not False:
            raise ValueError(
                f"cannot decide which {what} is worst for player {i + 1} under the parameters' "
                "assumptions; pass punishment= explicitly"
            )
    return best


def _punishments(
    game: Game,
    arrays: Sequence[np.ndarray],
    punishment: Any,
    *,
    require_nash: bool = True,
) -> tuple[tuple[tuple[int, ...], ...], list[Any]]:
    """Resolve ``punishment`` to one pure profile per player.

    ``None``: for each player the worst pure stage equilibrium for that player. A profile: the
    same one for every player. A mapping ``{player: profile}``: player-specific, the others
    default. Returns the profiles and the (undecided) stage-Nash conditions still to hold.
    """
    n = game.n_players
    chosen: list[tuple[int, ...] | None] = [None] * n
    if punishment is None:
        pass
    elif isinstance(punishment, Mapping):
        for key, prof in punishment.items():
            chosen[game.player_index(key)] = game.pure_profile(prof)
    else:
        p = game.pure_profile(punishment)
        chosen = [p] * n
    pending: list[Any] = []
    if any(c is None for c in chosen):
        stage_eq = _pure_stage_equilibria(game, arrays)
        if not stage_eq:
            raise ValueError(
                "the stage game has no pure Nash equilibrium (that the parameters' assumptions "
                "establish); pass punishment= with a stage equilibrium"
            )
        for i in range(n):
            if chosen[i] is None:
                chosen[i] = _worst_for(stage_eq, arrays, i, "stage equilibrium")
    if require_nash:
        for p in set(chosen):
            ok = _nash_condition(arrays, game.shape, p)
            if ok is False:
                labels = tuple(game.actions[k][a] for k, a in enumerate(p))
                raise ValueError(
                    f"the punishment profile {labels} is not a Nash equilibrium of the stage "
                    "game, so reverting to it is not credible"
                )
            if ok is not True:
                pending.append(ok)
    return tuple(chosen), pending  # type: ignore[arg-type]


def _check_strategy(strategy: Any, periods: Any) -> int | None:
    if not isinstance(strategy, str) or strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; choose one of {list(STRATEGIES)}")
    if strategy == "limited_punishment":
        if periods is None:
            raise ValueError("strategy 'limited_punishment' needs periods=k (k >= 1)")
        if isinstance(periods, bool) or not isinstance(periods, numbers.Integral):
            raise TypeError(f"periods must be a positive integer, got {periods!r}")
        if periods < 1:
            raise ValueError(f"periods must be >= 1, got {periods}")
        return int(periods)
    if periods is not None:
        raise ValueError(f"periods= applies to 'limited_punishment' only, not {strategy!r}")
    return None


# --------------------------------------------------------------------------------------------
# Conditions of each strategy
# --------------------------------------------------------------------------------------------


def _le(lhs: Any, rhs: Any) -> sympy.Basic:
    return sympy.Le(lhs, rhs, evaluate=False)


def _grim_conditions(
    arrays: Sequence[np.ndarray],
    shape: tuple[int, ...],
    coop: tuple[int, ...],
    pun: Sequence[tuple[int, ...]],
    coop_payoffs: Sequence[sympy.Expr] | None = None,
    dev_payoffs: Sequence[sympy.Expr | None] | None = None,
) -> list[_Condition]:
    conds = []
    d = DELTA
    for i, u in enumerate(arrays):
        C = u[coop] if coop_payoffs is None else coop_payoffs[i]
        D = _deviation_payoff(arrays, shape, i, coop) if dev_payoffs is None else dev_payoffs[i]
        if D is None:
            continue
        P = u[pun[i]]
        conds.append(
            _Condition(
                i,
                f"player {i + 1}, cooperative phase",
                sympy.expand(C - (1 - d) * D - d * P),
                _le((1 - d) * D + d * P, C),
            )
        )
    return conds


def _limited_conditions(
    arrays: Sequence[np.ndarray],
    shape: tuple[int, ...],
    coop: tuple[int, ...],
    pun: Sequence[tuple[int, ...]],
    k: int,
) -> list[_Condition]:
    conds = []
    d = DELTA
    weight = sum(d**t for t in range(1, k + 1))
    for i, u in enumerate(arrays):
        D = _deviation_payoff(arrays, shape, i, coop)
        if D is None:
            continue
        C, P = u[coop], u[pun[i]]
        conds.append(
            _Condition(
                i,
                f"player {i + 1}, cooperative phase ({k} punishment period(s))",
                sympy.expand((C - P) * weight - (D - C)),
                _le(D - C, (C - P) * weight),
            )
        )
    return conds


def _stick_conditions(
    arrays: Sequence[np.ndarray],
    shape: tuple[int, ...],
    coop: tuple[int, ...],
    stick: Sequence[tuple[int, ...]],
) -> list[_Condition]:
    conds = []
    d = DELTA
    for i, u in enumerate(arrays):
        D = _deviation_payoff(arrays, shape, i, coop)
        if D is None:
            continue
        C, M = u[coop], u[stick[i]]
        E = _deviation_payoff(arrays, shape, i, stick[i])
        conds.append(
            _Condition(
                i,
                f"player {i + 1}, cooperative phase",
                sympy.expand(d * (C - M) - (D - C)),
                _le(D - C, d * (C - M)),
            )
        )
        conds.append(
            _Condition(
                i,
                f"player {i + 1}, stick phase",
                sympy.expand(d * (C - M) - (E - M)),
                _le(E - M, d * (C - M)),
            )
        )
    return conds


def _tft_payoffs(
    arrays: Sequence[np.ndarray], coop: tuple[int, ...], i: int
) -> tuple[sympy.Expr, sympy.Expr, sympy.Expr, sympy.Expr]:
    """(T, R, P, S) of player i in a 2x2 game with cooperative profile ``coop``."""
    j = 1 - i
    c = coop
    dfc = (1 - c[0], 1 - c[1])

    def at(own: int, other: int) -> sympy.Expr:
        prof = [0, 0]
        prof[i], prof[j] = own, other
        return arrays[i][tuple(prof)]

    R = at(c[i], c[j])
    T = at(dfc[i], c[j])
    S = at(c[i], dfc[j])
    P = at(dfc[i], dfc[j])
    return T, R, P, S


def _tft_conditions(
    arrays: Sequence[np.ndarray], coop: tuple[int, ...]
) -> tuple[list[_Condition], list[_Condition]]:
    """Nash conditions and the extra one-shot-deviation conditions of subgame perfection."""
    d = DELTA
    nash, spe = [], []
    for i in range(2):
        T, R, P, S = _tft_payoffs(arrays, coop, i)
        p = f"player {i + 1}"
        nash.append(
            _Condition(
                i,
                f"{p}: no gain from permanent defection",
                sympy.expand(d * (T - P) - (T - R)),
                _le((1 - d) * T + d * P, R),
            )
        )
        nash.append(
            _Condition(
                i,
                f"{p}: no gain from alternating (after (C, C))",
                sympy.expand(d * (R - S) - (T - R)),
                _le(T + d * S, (1 + d) * R),
            )
        )
        spe.append(
            _Condition(
                i,
                f"{p}: after (D, D), no gain from cooperating",
                sympy.expand((P - S) - d * (T - P)),
                _le(S + d * T, (1 + d) * P),
            )
        )
        spe.append(
            _Condition(
                i,
                f"{p}: after the opponent defected alone, no gain from defecting",
                sympy.expand(d * (T - P) - (P - S)),
                _le((1 + d) * P, S + d * T),
            )
        )
        spe.append(
            _Condition(
                i,
                f"{p}: after defecting alone, no gain from cooperating",
                sympy.expand((T - R) - d * (R - S)),
                _le((1 + d) * R, T + d * S),
            )
        )
    return nash, spe


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def _assemble(
    game: Game,
    strategy: str,
    coop: tuple[int, ...],
    pun: tuple[tuple[int, ...], ...],
    conds: list[_Condition],
    pending: list[Any],
    *,
    concept: str = "subgame perfect",
    periods: int | None = None,
    spe_region: sympy.Set | None = None,
    extra: Sequence[_Condition] = (),
    kind: str | None = None,
) -> CriticalDiscount:
    kind = game.kind if kind is None else kind
    per_player = []
    for i in range(game.n_players):
        mine = [c for c in conds if c.player == i]
        values = [_threshold(c) for c in mine] or [sympy.Integer(0)]
        per_player.append(values[0] if len(values) == 1 else sympy.Max(*values))
    overall = sympy.Max(*per_player) if len(per_player) > 1 else per_player[0]
    sustainable = _sustainable_condition(conds)
    if pending:
        sustainable = _decide(sympy.And(sustainable, *pending))
    region = _region(conds)
    return CriticalDiscount(
        strategy=strategy,
        overall=_out(overall, kind),
        per_player=tuple(_out(v, kind) for v in per_player),
        cooperate=coop,
        punishment=pun,
        conditions=tuple((c.label, c.shown) for c in (*conds, *extra)),
        sustainable=sustainable,
        region=_set_out(region, kind),
        concept=concept,
        periods=periods,
        subgame_perfect=None if spe_region is None else _set_out(spe_region, kind),
        players=game.players,
        actions=game.actions,
    )


def critical_discount_factor(
    stage: Game,
    cooperate: Sequence[int | str],
    punishment: Any = None,
    strategy: str = "grim",
    *,
    periods: int | None = None,
) -> CriticalDiscount:
    """Critical discount factors at which ``strategy`` sustains ``cooperate`` in every period.

    Parameters
    ----------
    stage:
        The stage game (exact, float or symbolic).
    cooperate:
        The pure profile played on the equilibrium path (action names or indices).
    punishment:
        ``"grim"``/``"limited_punishment"``: a pure stage Nash equilibrium (checked; ValueError if
        it is not one), or a mapping ``{player: profile}`` of player-specific equilibria; default:
        for each player the pure stage equilibrium that is worst for that player (Nash reversion
        chosen by the deviator's identity; it minimises every player's threshold among pure Nash
        reversions, since ``(D - C)/(D - P)`` rises with ``P``).
        ``"stick_and_carrot"``: the stick profile, common to all players (any pure profile;
        default in games where every player has two actions: everyone plays the action not in
        ``cooperate``).
        ``"tit_for_tat"``: not used (must be None).
    strategy:
        ``"grim"``, ``"tit_for_tat"`` (2x2 games), ``"limited_punishment"`` (with ``periods``) or
        ``"stick_and_carrot"``; the module docstring gives each strategy's conditions.
    periods:
        Number ``k >= 1`` of punishment periods of ``"limited_punishment"``.

    Returns
    -------
    CriticalDiscount

    Examples
    --------
    >>> import gametheory as gt
    >>> pd = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    >>> critical_discount_factor(pd, ("C", "C")).overall      # (T - R)/(T - P)
    Fraction(1, 2)
    """
    k = _check_strategy(strategy, periods)
    arrays, _ = _stage_arrays(stage)
    coop = stage.pure_profile(cooperate)
    shape = stage.shape
    if strategy in ("grim", "limited_punishment"):
        pun, pending = _punishments(stage, arrays, punishment)
        if strategy == "grim":
            conds = _grim_conditions(arrays, shape, coop, pun)
        else:
            conds = _limited_conditions(arrays, shape, coop, pun, k)  # type: ignore[arg-type]
        return _assemble(stage, strategy, coop, pun, conds, pending, periods=k)
    if strategy == "stick_and_carrot":
        if punishment is None:
            if any(s != 2 for s in shape):
                raise ValueError(
                    "the default stick (everyone plays the other action) needs two actions per "
                    f"player; this game has shape {shape}, pass punishment= (the stick profile)"
                )
            stick = tuple(1 - a for a in coop)
            pun = (stick,) * stage.n_players
        else:
            if isinstance(punishment, Mapping):
                raise ValueError(
                    "stick_and_carrot uses one stick profile for all players; pass a profile"
                )
            pun, _ = _punishments(stage, arrays, punishment, require_nash=False)
        conds = _stick_conditions(arrays, shape, coop, pun)
        return _assemble(stage, strategy, coop, pun, conds, [])
    # tit for tat
    if shape != (2, 2):
        raise ValueError(f"tit-for-tat is defined here for 2x2 games; this game is {shape}")
    if punishment is not None:
        raise ValueError("tit-for-tat has no punishment profile; leave punishment=None")
    nash, spe = _tft_conditions(arrays, coop)
    defect = tuple(1 - a for a in coop)
    spe_region = _region(nash + spe)
    return _assemble(
        stage,
        strategy,
        coop,
        (defect, defect),
        nash,
        [],
        concept="Nash",
        spe_region=spe_region,
        extra=spe,
    )


# --------------------------------------------------------------------------------------------
# The repeated game
# --------------------------------------------------------------------------------------------


def _discount_value(value: sympy.Expr, original: Any) -> Any:
    """Store a validated discount as Fraction (exact), float, or sympy (symbolic)."""
    if isinstance(original, float | np.floating) or (
        isinstance(original, sympy.Basic) and original.is_Float
    ):
        return float(value)
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return value


@dataclass(frozen=True)
class RepeatedGame:
    """The repeated game of ``stage`` with discount factor ``discount`` and a horizon.

    Parameters
    ----------
    stage:
        The stage game (a :class:`~gametheory.Game`, numeric or parametric).
    discount:
        The common discount factor δ in (0, 1) (excluded): a Fraction, float or sympy
        expression; a symbol is accepted unless its assumptions put it outside (0, 1).
    horizon:
        A positive number of periods, or None for the infinitely repeated game.

    Payoffs are normalised: a path ``a^0, a^1, ...`` is worth ``(1 - δ) Σ_t δ^t u_i(a^t)`` (over
    ``T`` periods: ``(1 - δ)/(1 - δ^T) Σ_{t<T} δ^t u_i(a^t)``).
    """

    stage: Game
    discount: Any
    horizon: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.stage, Game):
            raise TypeError(f"stage must be a gametheory.Game, got {type(self.stage).__name__}")
        value = _check_discount(self.discount)
        object.__setattr__(self, "discount", _discount_value(value, self.discount))
        h = self.horizon
        if h is not None:
            if isinstance(h, bool) or not isinstance(h, numbers.Integral):
                raise TypeError(f"horizon must be a positive integer or None, got {h!r}")
            if h < 1:
                raise ValueError(f"horizon must be a positive integer, got {h}")
            object.__setattr__(self, "horizon", int(h))

    @property
    def _delta(self) -> sympy.Expr:
        return _sym(self.discount)

    def with_tenure(self, stay_probability: Any) -> RepeatedGame:
        """The same game played by officials who stay in post each year with probability ``q``:
        the discount becomes ``δ q`` (:func:`effective_discount`, MODELS.md §7.4)."""
        q = _check_discount(stay_probability, "stay_probability", allow_one=True)
        value = self._delta * q
        if isinstance(self.discount, float) or isinstance(stay_probability, float):
            value = float(value)
        return RepeatedGame(self.stage, value, self.horizon)

    def critical_discount_factor(
        self,
        cooperate: Sequence[int | str],
        punishment: Any = None,
        strategy: str = "grim",
        *,
        periods: int | None = None,
    ) -> CriticalDiscount:
        """:func:`critical_discount_factor` of the stage game (the discount is not used)."""
        return critical_discount_factor(
            self.stage, cooperate, punishment, strategy, periods=periods
        )

    def is_cooperation_sustainable(
        self,
        profile: Sequence[int | str],
        strategy: str = "grim",
        punishment: Any = None,
        *,
        periods: int | None = None,
    ) -> bool | sympy.Basic:
        """Whether ``strategy`` sustains ``profile`` at this game's discount factor.

        Infinite horizon: δ lies in the ``region`` of :func:`critical_discount_factor` (for
        tit-for-tat the Nash region; see ``.subgame_perfect`` for subgame perfection). A sympy
        condition when δ or the payoffs are symbolic. Finite horizon (grim-style construction
        only): :func:`finite_horizon_spe` sustains ``profile`` in at least one period.
        """
        if self.horizon is not None:
            if strategy != "grim" or periods is not None:
                raise ValueError(
                    "a finitely repeated game supports only the grim-style construction of "
                    "finite_horizon_spe (strategy='grim')"
                )
            result = finite_horizon_spe(
                self.stage, self.horizon, profile, discount=self.discount, punishment=punishment
            )
            return result.cooperative_periods > 0
        result = critical_discount_factor(
            self.stage, profile, punishment, strategy, periods=periods
        )
        region = result.region
        delta = self._delta
        if isinstance(region, sympy.ConditionSet):
            return _decide(region.condition.subs(region.sym, delta))
        return _decide(region.contains(delta))

    def average_payoff(self, path: Sequence[Any]) -> tuple[Any, ...]:
        """Normalised discounted payoff of a constant or cyclic path, one value per player.

        ``path`` is a pure profile (played every period: the value is its stage payoff) or a
        list of profiles repeated cyclically, ``(1 - δ)/(1 - δ^L) Σ_{t<L} δ^t u(a^t)`` for a
        cycle of length ``L`` in the infinite game; with a finite horizon ``T`` the cycle is
        played for ``T`` periods and the value is ``(1 - δ)/(1 - δ^T) Σ_{t<T} δ^t u(a^t)``.
        """
        if isinstance(path, str) or not isinstance(path, Sequence | np.ndarray) or not path:
            raise TypeError(f"path must be a profile or a non-empty list of profiles, got {path!r}")
        first = path[0]
        cycle = (
            [self.stage.pure_profile(p) for p in path]
            if isinstance(first, Sequence | np.ndarray) and not isinstance(first, str)
            else [self.stage.pure_profile(path)]
        )
        arrays, kind = _stage_arrays(self.stage)
        d = self._delta
        length = len(cycle) if self.horizon is None else self.horizon
        periods = [cycle[t % len(cycle)] for t in range(length)]
        weight = (1 - d) / (1 - d**length)
        out = []
        for u in arrays:
            total = sum((d**t * u[p] for t, p in enumerate(periods)), sympy.Integer(0))
            value = sympy.simplify(weight * total) if not d.is_number else weight * total
            out_kind = "symbolic" if not d.is_number else kind
            if isinstance(self.discount, float) and out_kind == "exact":
                out_kind = "float"
            out.append(_out(value, out_kind))
        return tuple(out)

    def finite_horizon_spe(
        self, cooperate: Sequence[int | str] | None = None, punishment: Any = None
    ) -> FiniteHorizonSPE:
        """:func:`finite_horizon_spe` for this game's horizon and discount factor."""
        if self.horizon is None:
            raise ValueError("the game has an infinite horizon; set horizon= to a positive int")
        return finite_horizon_spe(
            self.stage, self.horizon, cooperate, discount=self.discount, punishment=punishment
        )


# --------------------------------------------------------------------------------------------
# Finite horizon
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FiniteHorizonSPE:
    """A subgame-perfect equilibrium path of the ``horizon``-fold repeated stage game.

    Attributes
    ----------
    horizon, discount:
        Number of periods ``T`` and discount factor (1 = undiscounted).
    path:
        One entry per period: a pure profile (action indices), or, when the unique stage
        equilibrium is mixed, its strategies (one probability tuple per player).
    cooperative_periods:
        Number of periods in which ``cooperate`` is played (periods ``1..m``).
    payoffs:
        Total discounted payoff ``Σ_{t=1..T} δ^{t-1} u_i(a^t)`` of each player on the path.
    unique:
        True when the stage game has a unique Nash equilibrium; the SPE is then unique and plays
        it in every period (backward induction).
    cooperate, reward, punishment:
        The cooperative profile, the stage equilibrium played in the last ``T - m`` periods and
        the stage equilibrium that follows a deviation by each player (None when unused).
    condition:
        The binding incentive constraint in words.
    """

    horizon: int
    discount: Any
    path: tuple[tuple[Any, ...], ...]
    cooperative_periods: int
    payoffs: tuple[Any, ...]
    unique: bool
    cooperate: tuple[int, ...] | None
    reward: tuple[int, ...] | None
    punishment: tuple[tuple[int, ...], ...] | None
    condition: str
    actions: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    @property
    def reward_periods(self) -> int:
        """Number of final periods in which the reward equilibrium is played."""
        return self.horizon - self.cooperative_periods

    def __repr__(self) -> str:
        def text(profile: tuple[Any, ...]) -> str:
            if all(isinstance(a, int) for a in profile) and self.actions:
                return "(" + ", ".join(self.actions[i][a] for i, a in enumerate(profile)) + ")"
            return str(profile)

        runs: list[list[Any]] = []
        for prof in self.path:
            if runs and runs[-1][0] == prof:
                runs[-1][1] += 1
            else:
                runs.append([prof, 1])
        path = ", ".join(f"{text(p)} x{n}" for p, n in runs)
        return (
            f"FiniteHorizonSPE(horizon={self.horizon}, discount={format_number(self.discount)}, "
            f"cooperative_periods={self.cooperative_periods}, unique={self.unique})\n"
            f"  path: {path}\n"
            f"  payoffs: ({', '.join(format_number(v) for v in self.payoffs)})\n"
            f"  {self.condition}"
        )


def _fraction_arrays(game: Game) -> tuple[np.ndarray, ...]:
    game._require_solvable("finite_horizon_spe")
    return game.as_fractions()


def _fh_feasible(
    arrays: Sequence[np.ndarray],
    shape: tuple[int, ...],
    coop: tuple[int, ...],
    reward: tuple[int, ...],
    pun: Sequence[tuple[int, ...]],
    horizon: int,
    m: int,
    delta: Fraction,
) -> bool:
    """Check every one-shot deviation of the path ``coop x m, reward x (T - m)``.

    A deviation by ``i`` in period ``t`` is followed by ``pun[i]`` in every later period. At
    period ``t`` the gain ``max_a u_i(a, a^t_-i) - u_i(a^t)`` must not exceed the loss
    ``Σ_{s>t} δ^{s-t} (u_i(a^s) - u_i(pun[i]))``.
    """
    for i, u in enumerate(arrays):
        P = u[pun[i]]
        future = Fraction(0)  # Σ_{s>t} δ^{s-t} (u_i(a^s) - P), built backwards
        for t in range(horizon, 0, -1):
            prof = coop if t <= m else reward
            best = max(
                u[tuple(a if k == i else prof[k] for k in range(len(shape)))]
                for a in range(shape[i])
            )
            if best - u[prof] > future:
                return False
            future = delta * (u[prof] - P + future)
    return True


def finite_horizon_spe(
    stage: Game,
    horizon: int,
    cooperate: Sequence[int | str] | None = None,
    *,
    discount: Any = 1,
    punishment: Any = None,
    reward: Sequence[int | str] | None = None,
) -> FiniteHorizonSPE:
    """Subgame-perfect play of the stage game repeated ``horizon`` times.

    *Unique stage equilibrium* (checked exactly with :func:`gametheory.equilibria.equilibria`):
    by backward induction the last period must be the stage equilibrium whatever happened
    before, hence so must the one before, and so on: the unique SPE plays it in every period
    (the unravelling of MODELS.md §7.3; Selten 1978, Benoit & Krishna 1985).

    *Several pure stage equilibria*: the construction of Benoit & Krishna (1985). Play
    ``cooperate`` in periods ``1..m`` and a *reward* stage equilibrium ``r`` in periods
    ``m+1..T``; a deviation by player ``i`` switches play to the stage equilibrium ``p^i`` that
    is worst for ``i`` (``punishment``) for the rest of the game. Each such path is an SPE iff
    no one-shot deviation pays; in the last cooperative period the condition is
    ``D_i - C_i <= Σ_{j=1..T-m} δ^j (u_i(r) - u_i(p^i))``. The reported ``m`` is the largest
    for which every condition holds, maximised over the reward equilibria (or for the given
    ``reward``); ``m = 0`` (a stage equilibrium in every period) is always an SPE.

    Parameters
    ----------
    stage:
        A numeric stage game (bind parameters first).
    horizon:
        Number of periods ``T >= 1``.
    cooperate:
        The profile to sustain (default: the first welfare-maximising pure profile).
    discount:
        δ in (0, 1]; default 1 (undiscounted).
    punishment, reward:
        Stage equilibria as in :func:`critical_discount_factor` (default: worst for each player
        / the best choice); both are checked to be stage equilibria.
    """
    from .equilibria import equilibria
    from .properties import max_welfare_profiles

    if not isinstance(stage, Game):
        raise TypeError(f"stage must be a gametheory.Game, got {type(stage).__name__}")
    if isinstance(horizon, bool) or not isinstance(horizon, numbers.Integral):
        raise TypeError(f"horizon must be a positive integer, got {horizon!r}")
    if horizon < 1:
        raise ValueError(f"horizon must be a positive integer, got {horizon}")
    horizon = int(horizon)
    d = _check_discount(discount, allow_one=True)
    if not d.is_number:
        raise TypeError("finite_horizon_spe needs a numeric discount factor")
    float_out = stage.kind == "float" or isinstance(discount, float | np.floating)
    delta = Fraction(int(sympy.Rational(d).p), int(sympy.Rational(d).q))
    arrays = _fraction_arrays(stage)
    shape = stage.shape
    coop = None if cooperate is None else stage.pure_profile(cooperate)

    def total(path: Sequence[tuple[int, ...]]) -> tuple[Any, ...]:
        values = []
        for u in arrays:
            v = sum((delta**t * u[p] for t, p in enumerate(path)), Fraction(0))
            values.append(float(v) if float_out else v)
        return tuple(values)

    stage_eqs = equilibria(stage)
    # a single listed equilibrium is the unique one only if the list is complete (with continua
    # of equilibria in N-player games it holds representatives only)
    if len(stage_eqs) == 1 and stage_eqs.complete is not False:
        eq = stage_eqs[0]
        if eq.is_pure:
            prof = eq.pure_profile
            path = (prof,) * horizon
            payoffs = total(path)
        else:
            prof = tuple(tuple(s) for s in eq.strategies)
            path = (prof,) * horizon
            values = [delta**t for t in range(horizon)]
            weight = sum(values, Fraction(0))
            payoffs = tuple(
                float(weight * v) if float_out else weight * v
                for v in (Fraction(x) for x in eq.payoffs)
            )
        n_coop = horizon if coop is not None and prof == coop else 0
        return FiniteHorizonSPE(
            horizon=horizon,
            discount=float(delta) if float_out else delta,
            path=path,
            cooperative_periods=n_coop,
            payoffs=payoffs,
            unique=True,
            cooperate=coop,
            reward=None,
            punishment=None,
            condition="the stage game has a unique Nash equilibrium: backward induction plays "
            "it in every period",
            actions=stage.actions,
        )
    sym_arrays, _ = _stage_arrays(stage)
    pun, _ = _punishments(stage, sym_arrays, punishment)
    pure = [eq.pure_profile for eq in stage_eqs if eq.is_pure]
    if reward is not None:
        r = stage.pure_profile(reward)
        if _nash_condition(sym_arrays, shape, r) is not True:
            raise ValueError(f"the reward profile {reward} is not a stage Nash equilibrium")
        rewards = [r]
    else:
        rewards = pure
    if coop is None:
        coop = max_welfare_profiles(stage)[0]
    best: tuple[int, Fraction, tuple[int, ...]] | None = None
    for r in rewards:
        m = next(
            m
            for m in range(horizon, -1, -1)
            if m == 0 or _fh_feasible(arrays, shape, coop, r, pun, horizon, m, delta)
        )
        welfare = sum((u[r] for u in arrays), Fraction(0))
        if best is None or (m, welfare) > (best[0], best[1]):
            best = (m, welfare, r)
    assert best is not None
    m, _, r = best
    path = (coop,) * m + (r,) * (horizon - m)
    gains = []
    for i in range(stage.n_players):
        dev = _deviation_payoff(sym_arrays, shape, i, coop)
        gain = 0 if dev is None else _out(dev - sym_arrays[i][coop], "exact")
        gains.append(f"D{i + 1} - C{i + 1} = {format_number(gain)}")
    condition = (
        f"{m} cooperative period(s) then {horizon - m} period(s) of the reward equilibrium; "
        "binding: the gain from deviating in the last cooperative period, "
        + ", ".join(gains)
        + f", must not exceed Σ_{{j=1..{horizon - m}}} δ^j (u_i(reward) - u_i(punishment_i))"
    )
    return FiniteHorizonSPE(
        horizon=horizon,
        discount=float(delta) if float_out else delta,
        path=path,
        cooperative_periods=m if coop != r else horizon,
        payoffs=total(path),
        unique=False,
        cooperate=coop,
        reward=r,
        punishment=pun,
        condition=condition,
        actions=stage.actions,
    )


# --------------------------------------------------------------------------------------------
# Transfers and penalties (MODELS.md §7.2)
# --------------------------------------------------------------------------------------------


def _grim_parts(
    stage: Game, cooperate: Sequence[int | str], punishment: Any
) -> tuple[list[np.ndarray], tuple[int, ...], tuple[tuple[int, ...], ...], list[Any]]:
    arrays, _ = _stage_arrays(stage)
    coop = stage.pure_profile(cooperate)
    pun, pending = _punishments(stage, arrays, punishment)
    return arrays, coop, pun, pending


def _transfer_roles(stage: Game, payer: Any, payee: Any) -> tuple[int, int]:
    a = stage.player_index(payer)
    b = stage.player_index(payee)
    if a == b:
        raise ValueError("payer and payee must be different players")
    return a, b


def threshold_with_transfer(
    stage: Game,
    cooperate: Sequence[int | str],
    transfer: Any,
    punishment: Any = None,
    payer: int | str = 0,
    payee: int | str = 1,
) -> CriticalDiscount:
    """Grim-trigger thresholds when ``payer`` pays ``transfer`` to ``payee`` in every
    cooperative period (MODELS.md §7.2).

    The transfer is paid after the payee's cooperation is observed, so the payee's deviation
    payoff ``D_payee`` excludes it, and a payer who deviates (by its best other action, or by
    withholding the transfer while playing ``c``) keeps it:
    ``δ_payer(t) = (max(D, C) - C + t)/(max(D, C) - P)`` and
    ``δ_payee(t) = (D - C - t)/(D - P)`` (the general grim formula with ``C -> C ∓ t``). A negative
    ``transfer`` flows from payee to payer (the roles are swapped, so the player who actually
    pays can withhold it). A symbolic transfer of undecided sign is taken to flow from ``payer``
    to ``payee``. Punishments are stage equilibria of the game without
    transfers, as in :func:`critical_discount_factor`.
    """
    t = _check_scalar(transfer, "transfer")
    arrays, coop, pun, pending = _grim_parts(stage, cooperate, punishment)
    a, b = _transfer_roles(stage, payer, payee)
    if _decide(t < 0) is True:  # the money flows from payee to payer: swap the roles
        a, b, t = b, a, -t
    shape = stage.shape
    coop_pay = [u[coop] for u in arrays]
    dev_pay = [_deviation_payoff(arrays, shape, i, coop) for i in range(stage.n_players)]
    if dev_pay[a] is None:
        dev_pay[a] = coop_pay[a]  # withholding the transfer is the only deviation
    else:
        dev_pay[a] = sympy.Max(dev_pay[a], coop_pay[a])
    coop_pay[a] = coop_pay[a] - t
    coop_pay[b] = coop_pay[b] + t
    conds = _grim_conditions(arrays, shape, coop, pun, coop_pay, dev_pay)
    kind = stage.kind
    if kind != "symbolic" and t.free_symbols:
        kind = "symbolic"
    elif kind == "exact" and (isinstance(transfer, float) or t.is_Float):
        kind = "float"
    return _assemble(stage, "grim", coop, pun, conds, pending, kind=kind)


@dataclass(frozen=True)
class EqualizingTransfer:
    """The per-period transfer that equalises (and so minimises the maximum of) the grim
    thresholds of two players (MODELS.md §7.2).

    ``transfer`` is paid by ``payer`` to ``payee`` in every cooperative period; ``threshold`` is
    the common threshold ``δ_eq`` after the transfer (``max(0, ·)``); ``before`` and ``after``
    are the two players' thresholds ``(payer, payee)`` without and with the transfer;
    ``sustainable`` is ``threshold < 1``.
    """

    transfer: Any
    threshold: Any
    payer: int
    payee: int
    before: tuple[Any, Any]
    after: tuple[Any, Any]
    sustainable: bool | sympy.Basic

    def __repr__(self) -> str:
        return (
            f"EqualizingTransfer(player {self.payer + 1} pays player {self.payee + 1} "
            f"t* = {format_number(self.transfer)} per cooperative period; thresholds "
            f"{format_number(self.before[0])}, {format_number(self.before[1])} -> "
            f"δ_eq = {format_number(self.threshold)})"
        )


def equalizing_transfer(
    stage: Game,
    cooperate: Sequence[int | str],
    punishment: Any = None,
    payer: int | str | None = None,
    payee: int | str | None = None,
) -> EqualizingTransfer:
    """The transfer ``t*`` that equalises the two players' grim thresholds, and ``δ_eq``.

    With ``a_i = D_i - C_i`` (one-shot gain; the payer's ``D`` is ``max(D, C)`` because it can
    also just withhold the transfer) and ``b_i = D_i - P_i``, the thresholds under a transfer
    ``t`` from payer 1 to payee 2 are ``(a_1 + t)/b_1`` and ``(a_2 - t)/b_2``; the first rises and
    the second falls with ``t``, so their maximum is least where they are equal:

    ``t* = (a_2 b_1 - a_1 b_2)/(b_1 + b_2)``,  ``δ_eq = (a_1 + a_2)/(b_1 + b_2)``

    (MODELS.md §7.2 with ``a_i = T_i - R_i`` and ``b_i = T_i - P_i``). ``δ_eq`` is the mediant of
    the two thresholds, so it lies between them; it is below 1 iff ``C_1 + C_2 > P_1 + P_2``.
    ``threshold`` is the larger of the two thresholds under ``t*`` with the conventions of
    :func:`critical_discount_factor` (``max(0, δ_eq)``; 1 when ``δ_eq >= 1``).

    By default (``payer``/``payee`` None, two-player games) the player with the higher threshold
    (the impatient one) receives and ``t* >= 0``; with explicit roles ``t*`` may be negative
    (then it flows from payee to payer). Needs ``D_i > P_i`` for both players.
    """
    arrays, coop, pun, _ = _grim_parts(stage, cooperate, punishment)
    shape = stage.shape
    kind = stage.kind
    if (payer is None) != (payee is None):
        raise ValueError("give both payer and payee, or neither")
    if payer is None and stage.n_players != 2:
        raise ValueError("in games with more than two players name the payer and the payee")

    def parts(i: int, paying: bool) -> tuple[sympy.Expr, sympy.Expr]:
        C = arrays[i][coop]
        D = _deviation_payoff(arrays, shape, i, coop)
        if D is None:
            D = C
        if paying:
            D = sympy.Max(D, C)
        b = D - arrays[i][pun[i]]
        if _decide(b > 0) is False:
            raise ValueError(
                f"player {i + 1}'s deviation payoff must exceed its punishment payoff "
                f"(D - P = {b}); the threshold formula (D - C)/(D - P) needs D > P"
            )
        return D - C, b

    plain = critical_discount_factor(stage, coop, punishment)
    if payer is None:
        higher = _decide(sympy.sympify(plain.per_player[1]) >= sympy.sympify(plain.per_player[0]))
        if higher not in (True, False):
            raise ValueError(
                "cannot decide which player has the higher threshold under the parameters' "
                "assumptions; pass payer= and payee="
            )
        i_pay, i_get = (0, 1) if higher else (1, 0)
    else:
        i_pay, i_get = _transfer_roles(stage, payer, payee)
    a_pay, b_pay = parts(i_pay, True)
    a_get, b_get = parts(i_get, False)
    t = (a_get * b_pay - a_pay * b_get) / (b_pay + b_get)
    if kind == "symbolic":
        t = sympy.simplify(t)
    paid = threshold_with_transfer(stage, coop, t, punishment, payer=i_pay, payee=i_get)
    after = (paid.per_player[i_pay], paid.per_player[i_get])
    if kind == "symbolic":  # both thresholds equal δ_eq, clipped to [0, 1]
        eq = sympy.factor(sympy.cancel((a_pay + a_get) / (b_pay + b_get)))
        threshold = sympy.Piecewise((0, eq <= 0), (eq, eq < 1), (1, True))
        sustainable = _decide(eq < 1)
    else:
        threshold = sympy.Max(*(sympy.sympify(v) for v in after))
        sustainable = _decide(threshold < 1)
    return EqualizingTransfer(
        transfer=_out(t, kind),
        threshold=_out(threshold, kind),
        payer=i_pay,
        payee=i_get,
        before=(plain.per_player[i_pay], plain.per_player[i_get]),
        after=after,
        sustainable=sustainable,
    )


def _fined_game(stage: Game, cooperate: tuple[int, ...], fines: Sequence[sympy.Expr]) -> Game:
    """The stage game in which player ``i`` pays ``fines[i]`` whenever it does not play
    ``cooperate[i]``."""
    arrays, _ = _stage_arrays(stage)
    out = []
    symbolic = stage.kind == "symbolic" or any(not f.is_Rational for f in fines)
    for i, u in enumerate(arrays):
        b = np.empty(u.shape, dtype=object)
        for idx in np.ndindex(u.shape):
            v = u[idx] - (fines[i] if idx[i] != cooperate[i] else 0)
            b[idx] = v if symbolic else Fraction(int(v.p), int(v.q))
        if stage.kind == "float":
            b = b.astype(float)
        out.append(b)
    return Game.from_arrays(*out, players=stage.players, actions=stage.actions, title=stage.title)


def threshold_with_penalty(
    stage: Game,
    cooperate: Sequence[int | str],
    expected_fine: Any,
    punishment: Any = None,
) -> CriticalDiscount:
    """Grim-trigger thresholds when every defection costs an expected fine ``πF``.

    The fine is levied in *every* period in which a player does not play its action in
    ``cooperate`` (``expected_fine``: one number for all players or one per player), so it is
    part of the stage game: the threshold is :func:`critical_discount_factor` of the fined game,
    with Nash reversion to a stage equilibrium *of the fined game*.

    For the prisoner's dilemma this gives MODELS.md §7.2, ``δ*(F) = max(0, T - R - πF)/(T - P)``,
    only while ``πF <= P - S`` (so that mutual defection stays a stage equilibrium) or
    ``πF >= T - R`` (cooperation is then a stage equilibrium, ``δ* = 0``). For
    ``P - S < πF < T - R`` the fined game is a chicken game whose equilibria are (C, D) and
    (D, C): grim reversion to (D, D) is no longer credible and the threshold is
    ``(T - R - πF)/(T - S - πF)``, higher than the §7.2 formula.
    """
    coop = stage.pure_profile(cooperate)
    n = stage.n_players
    if isinstance(expected_fine, Sequence | np.ndarray) and not isinstance(expected_fine, str):
        if len(expected_fine) != n:
            raise ValueError(f"expected_fine needs one value per player ({n})")
        fines = [_check_scalar(f, "expected_fine") for f in expected_fine]
    else:
        fines = [_check_scalar(expected_fine, "expected_fine")] * n
    for f in fines:
        if _decide(f >= 0) is False:
            raise ValueError(f"expected_fine must be non-negative, got {f}")
    fined = _fined_game(stage, coop, fines)
    raw = expected_fine if isinstance(expected_fine, Sequence | np.ndarray) else [expected_fine]
    if stage.kind == "exact" and any(isinstance(f, float) for f in raw):
        if fined.kind == "exact":  # floats give floats
            fined = Game.from_arrays(
                *fined.as_float(), players=fined.players, actions=fined.actions, title=fined.title
            )
    try:
        return critical_discount_factor(fined, coop, punishment)
    except ValueError as err:
        raise ValueError(
            "the fined stage game (each player pays the fine whenever it leaves its cooperative "
            f"action) is the one played, and for it: {err}. MODELS.md §7.2's formula assumes "
            "the fined game keeps a pure stage equilibrium to revert to"
        ) from err


# --------------------------------------------------------------------------------------------
# Tenure (MODELS.md §7.4 and §7.5)
# --------------------------------------------------------------------------------------------


def effective_discount(discount: Any, stay_probability: Any) -> Any:
    """``δ_eff = ρ q``: annual discount ``ρ`` in (0, 1) times the probability ``q`` in (0, 1] of
    remaining in post another year (geometric tenure with mean ``L = 1/(1 - q)``; MODELS.md
    §7.4). An official who leaves stops counting the relationship's payoffs."""
    rho = _check_discount(discount)
    q = _check_discount(stay_probability, "stay_probability", allow_one=True)
    return _out(rho * q, _kind_of(discount, stay_probability))


def _check_threshold(delta_star: Any) -> sympy.Expr:
    x = _check_scalar(delta_star, "delta_star")
    if _decide(x >= 0) is False or _decide(x < 1) is False:
        raise ValueError(f"delta_star = {x} must lie in [0, 1)")
    return x


def minimal_stay_probability(delta_star: Any, discount: Any) -> Any:
    """Least annual stay probability ``q = δ*/ρ`` at which ``ρ q >= δ*`` (MODELS.md §7.4).

    ValueError when ``δ* > ρ``: even a permanent post (``q = 1``) is not enough.
    """
    ds = _check_threshold(delta_star)
    rho = _check_discount(discount)
    q = ds / rho
    if _decide(q <= 1) is False:
        raise ValueError(
            f"δ* = {ds} exceeds the discount factor ρ = {rho}: no stay probability q <= 1 "
            "sustains cooperation"
        )
    return _out(q, _kind_of(delta_star, discount))


def minimal_expected_tenure(delta_star: Any, discount: Any) -> Any:
    """Least expected tenure ``L = 1/(1 - δ*/ρ)`` (years) at which cooperation is sustainable
    (MODELS.md §7.4); infinite (``math.inf``, or ``sympy.oo``) when ``δ* = ρ``."""
    q = _sym(minimal_stay_probability(delta_star, discount))
    kind = _kind_of(delta_star, discount)
    if q == 1:
        return math.inf if kind != "symbolic" else sympy.oo
    return _out(1 / (1 - q), kind)


@dataclass(frozen=True)
class TermIncentive:
    """Incentives of an official with a fixed term (MODELS.md §7.5).

    ``gaps[k-1] = V_k - W_k`` is the cooperative-minus-punishment continuation value at the start
    of year ``k`` of the term; ``incentives[k-1]`` is the discounted loss ``ρ (V_{k+1} - W_{k+1})``
    that a defection in year ``k`` causes (``ρ p (V_1 - W_1)`` in the last year); ``gain`` is
    ``T - R``. Cooperation holds iff every incentive is at least the gain; ``binding_year`` is the
    year with the least incentive (the last one whenever ``R >= P``) and ``margin`` the least
    incentive minus the gain.
    """

    gaps: tuple[Any, ...]
    incentives: tuple[Any, ...]
    gain: Any
    binding_year: int
    margin: Any
    cooperation: bool | sympy.Basic

    @property
    def gap(self) -> Any:
        """``V_1 - W_1``."""
        return self.gaps[0]


def _check_term(term: Any) -> int:
    if isinstance(term, bool) or not isinstance(term, numbers.Integral):
        raise TypeError(f"term must be a positive integer number of years, got {term!r}")
    if term < 1:
        raise ValueError(f"term must be >= 1 year, got {term}")
    return int(term)


def _term_values(
    T: Any, R: Any, P: Any, discount: Any, reappointment: Any, term: Any
) -> tuple[sympy.Expr, ...]:
    t, r, p_ = (_check_scalar(v, name) for v, name in ((T, "T"), (R, "R"), (P, "P")))
    rho = _check_discount(discount)
    p = _check_scalar(reappointment, "reappointment")
    if _decide(p >= 0) is False or _decide(p <= 1) is False:
        raise ValueError(f"reappointment = {p} must be a probability in [0, 1]")
    return t, r, p_, rho, p, _check_term(term)  # type: ignore[return-value]


def term_incentive(
    T: Any, R: Any, P: Any, discount: Any, reappointment: Any, term: int = 5
) -> TermIncentive:
    """Grim-trigger incentives of an official serving ``term``-year terms (MODELS.md §7.5).

    The official counts the region's stage payoffs (``R`` under cooperation, ``P`` under
    punishment, ``T`` in a period of defection) only while in office, discounts years by
    ``ρ = discount``, and after each term is reappointed with probability ``reappointment`` =
    ``p``; the rival plays grim trigger and the relationship's state outlives the official.
    With ``n = term``, ``Δ_k = V_k - W_k`` satisfies ``Δ_k = (R - P) + ρ Δ_{k+1}`` (``k < n``)
    and ``Δ_n = (R - P) + ρ p Δ_1``, so

    ``Δ_1 = (R - P)(1 - ρ^n)/((1 - ρ)(1 - ρ^n p))``,
    ``Δ_k = (R - P)(1 - ρ^{n-k+1})/(1 - ρ) + ρ^{n-k+1} p Δ_1``.

    A defection in year ``k`` gains ``T - R`` and loses ``ρ Δ_{k+1}`` (``ρ p Δ_1`` in year
    ``n``). For ``R >= P`` the ``Δ_k`` fall with ``k`` and ``p Δ_1 <= Δ_n``, so the last year
    binds: ``ρ p (R - P)(1 - ρ^n)/((1 - ρ)(1 - ρ^n p)) >= T - R``.
    """
    t, r, pp, rho, p, n = _term_values(T, R, P, discount, reappointment, term)
    kind = _kind_of(T, R, P, discount, reappointment)
    gain = t - r
    d1 = (r - pp) * (1 - rho**n) / ((1 - rho) * (1 - rho**n * p))
    gaps = [
        (r - pp) * (1 - rho ** (n - k + 1)) / (1 - rho) + rho ** (n - k + 1) * p * d1
        for k in range(1, n + 1)
    ]
    gaps[0] = d1
    incentives = [rho * gaps[k] for k in range(1, n)] + [rho * p * d1]
    if kind == "symbolic":
        gaps = [sympy.simplify(g) for g in gaps]
        incentives = [sympy.simplify(v) for v in incentives]
        binding = n
        margin = sympy.simplify(incentives[-1] - gain)
        cooperation = _decide(sympy.And(*(v >= gain for v in incentives)))
    else:
        binding = min(range(n), key=lambda k: (incentives[k], -k)) + 1
        margin = incentives[binding - 1] - gain
        cooperation = bool(margin >= 0)
    return TermIncentive(
        gaps=tuple(_out(g, kind) for g in gaps),
        incentives=tuple(_out(v, kind) for v in incentives),
        gain=_out(gain, kind),
        binding_year=binding,
        margin=_out(margin, kind),
        cooperation=cooperation,
    )


def minimal_reappointment_probability(T: Any, R: Any, P: Any, discount: Any, term: int = 5) -> Any:
    """Least reappointment probability ``p`` at which the term model sustains cooperation.

    The last-year condition ``ρ p (R - P) S >= (T - R)(1 - ρ^n p)`` with
    ``S = (1 - ρ^n)/(1 - ρ)`` is linear in ``p`` after multiplying out the positive
    ``1 - ρ^n p``: ``p [ρ (R - P) S + (T - R) ρ^n] >= T - R``, so

    ``p_min = (T - R)/(ρ (R - P)(1 - ρ^n)/(1 - ρ) + (T - R) ρ^n)``  (0 when ``T <= R``).

    The earlier years bind less when ``R >= P`` (see :func:`term_incentive`). ValueError when
    no ``p <= 1`` works.
    """
    t, r, pp, rho, _, n = _term_values(T, R, P, discount, 0, term)
    kind = _kind_of(T, R, P, discount)
    gain = t - r
    if _decide(gain <= 0) is True:
        return _out(sympy.Integer(0), kind)
    if _decide(r - pp > 0) is False:
        raise ValueError(
            f"R - P = {r - pp} <= 0 < T - R: punishment is no threat, no p sustains cooperation"
        )
    s = (1 - rho**n) / (1 - rho)
    p_min = gain / (rho * (r - pp) * s + gain * rho**n)
    if kind == "symbolic":
        p_min = sympy.simplify(p_min)
    if _decide(p_min <= 1) is False:
        raise ValueError(
            f"even certain reappointment (p = 1) does not sustain cooperation: p_min = "
            f"{format_number(_out(p_min, kind))} > 1"
        )
    return _out(p_min, kind)
