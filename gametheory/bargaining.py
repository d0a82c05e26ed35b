"""Bargaining over the gains from cooperation: Coasean transfers, Nash bargaining, revenue sharing.

Coase (1960): when a move from a status quo to a target outcome raises the *joint* payoff of two
parties and they can make side payments, some lateral transfer leaves both at least as well off.
With the target paying ``c_p`` to the payer and ``c_q`` to the payee, the status quo ``d_p`` and
``d_q``, and a transfer ``t`` that moves ``r`` units of utility per unit paid (``r = 1`` for money,
``r = R`` for a share of a revenue ``R``, ``r = 1 + lambda`` under relative evaluation):

    payer keeps  c_p - r t >= d_p,      payee gets  c_q + r t >= d_q
    <=>  (d_q - c_q) / r  <=  t  <=  (c_p - d_p) / r                         (Coasean range)

The range is non-empty iff the joint surplus ``S = (c_p + c_q) - (d_p + d_q) >= 0``; its width is
``S / r``. The (generalised) Nash bargaining solution with transferable utility and bargaining
weights ``(w_p, w_q)``, ``w_p + w_q = 1``, maximises
``(c_p - r t - d_p)^w_p (c_q + r t - d_q)^w_q``; the first-order condition
``w_p / (c_p - r t - d_p) = w_q / (c_q + r t - d_q)`` gives

    t* = lower + w_q S / r,    payoffs  d_p + w_p S  and  d_q + w_q S,

i.e. each party gets its disagreement payoff plus its weight's share of the surplus (equal split
for ``w = (1/2, 1/2)``, which is also the midpoint of the range).

Models (MODELS.md §2.2, §4, §9.3):

* :func:`bargaining_range` / :func:`nash_bargaining_transfer`: a target and a status-quo profile of
  a :class:`~gametheory.game.Game` (§2.2 segmentation, §4.2 profit-and-loss);
* :func:`coasean_transfer_range`: the closed form of §4.2 from gains and transaction costs;
* :func:`revenue_share_range` / :func:`nash_bargaining_share`: tax-revenue sharing (§4.2, §9.3);
* :func:`relative_evaluation_transfer_range` and :func:`joint_performance_weight`: the
  comparative-benefit type under relative performance evaluation (§4.3);
* :func:`self_enforcing_transfer_range`: transfers that also make the target a Nash equilibrium
  of the game with the transfer (§2.2 "conditional on U integrating");
* :func:`cooperation_type`: Chen, Wang & Sun's (2019) three cooperation types (§4).

Exact input (ints, Fractions) gives Fractions, floats give floats, sympy expressions give sympy
expressions; comparisons on floats use the tolerance ``tol * max(1, largest |value|)``, relative to
the payoffs as everywhere in the toolkit.

References
----------
Coase, R. H. (1960). The Problem of Social Cost. *Journal of Law and Economics* 3: 1-44.
Nash, J. F. (1950). The Bargaining Problem. *Econometrica* 18(2): 155-162.
Harsanyi, J. C. & Selten, R. (1972). A generalized Nash solution for two-person bargaining games
with incomplete information. *Management Science* 18(5): P80-P106.
Roth, A. E. (1979). *Axiomatic Models of Bargaining*. Lecture Notes in Economics and Mathematical
Systems 170, Springer.
Chen Wen, Wang Jue & Sun Wei (2019). Cost-efficiency mechanism and game-action of inter-local
governmental cooperation in the Yangtze River Delta Region. *Acta Geographica Sinica* 74(2):
312-322.
"""

from __future__ import annotations

import enum
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .game import Game, UnboundParameterError, _convert_entry, format_number

__all__ = [
    "BargainingRange",
    "CooperationKind",
    "CooperationType",
    "NashBargainingSolution",
    "Remedy",
    "TransferRange",
    "bargaining_range",
    "coasean_transfer_range",
    "cooperation_type",
    "joint_performance_weight",
    "nash_bargaining_share",
    "nash_bargaining_transfer",
    "relative_evaluation_transfer_range",
    "revenue_share_range",
    "self_enforcing_transfer_range",
]

#: Default relative tolerance for comparisons of floats: ``FLOAT_TOL * max(1, largest |value|)``
#: (exact and symbolic input ignore it).
FLOAT_TOL = 1e-9

# --------------------------------------------------------------------------------------------
# Numbers of three kinds: "exact" (Fraction), "float", "symbolic" (sympy)
# --------------------------------------------------------------------------------------------


def _combine_kinds(*kinds: str) -> str:
    return "symbolic" if "symbolic" in kinds else "float" if "float" in kinds else "exact"


def _number(value: Any, what: str) -> tuple[str, Any]:
    """Classify one real number (exact, float or sympy); reject NaN, inf, bools, strings."""
    return _convert_entry(value, f"of {what}", "value")


def _cast(value: Any, kind: str) -> Any:
    """Represent an already classified number in the arithmetic of ``kind``."""
    if kind == "symbolic":
        if isinstance(value, Fraction):
            return sympy.Rational(value.numerator, value.denominator)
        return sympy.sympify(value)
    if kind == "float":
        return float(value)
    return value if isinstance(value, Fraction) else Fraction(value)


def _numbers(values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Classify named numbers and cast them all to their common kind."""
    classified = {name: _number(v, name) for name, v in values.items()}
    kind = _combine_kinds(*(k for k, _ in classified.values()))
    return kind, {name: _cast(v, kind) for name, (_, v) in classified.items()}


def _tidy(value: Any, kind: str) -> Any:
    if kind == "symbolic":
        return sympy.simplify(value)
    return value


def _tol(tol: Any) -> float:
    if isinstance(tol, bool) or not isinstance(tol, numbers.Real):
        raise TypeError(f"tol must be a non-negative real number, got {tol!r}")
    tol = float(tol)
    if not math.isfinite(tol) or tol < 0:
        raise ValueError(f"tol must be a finite non-negative number, got {tol!r}")
    return tol


def _scaled(tol: float, values: Any) -> float:
    """``tol * max(1, max |v|)`` over the numeric values: float ties relative to the payoffs.

    This is the convention of the rest of the toolkit (``1e-9 * max(1, range)``), so that an
    answer does not change when every payoff is measured in yuan instead of 100 million yuan.
    """
    scale = 1.0
    for v in values:
        try:
            scale = max(scale, abs(float(v)))
        except (TypeError, ValueError):  # symbolic: no float tolerance is used
            continue
    return tol * scale


def _game_values(game: Game) -> list[Any]:
    if game.kind != "float":
        return []
    return [v for a in game.payoff_arrays for v in np.asarray(a, dtype=float).flat]


def _nonnegative(x: Any, kind: str, tol: float) -> Any:
    """``x >= 0``: a bool for numbers (``x >= -tol`` for floats), a sympy boolean for symbols."""
    if kind == "symbolic":
        x = sympy.simplify(sympy.sympify(x))
        if x.is_nonnegative:
            return sympy.true
        if x.is_negative:
            return sympy.false
        return sympy.GreaterThan(x, 0)
    if kind == "float":
        return bool(x >= -tol)
    return bool(x >= 0)


def _positive(x: Any, kind: str, tol: float) -> Any:
    """``x > 0``: a bool for numbers (``x > tol`` for floats), a sympy boolean for symbols."""
    if kind == "symbolic":
        x = sympy.simplify(sympy.sympify(x))
        if x.is_positive:
            return sympy.true
        if x.is_nonpositive:
            return sympy.false
        return sympy.StrictGreaterThan(x, 0)
    if kind == "float":
        return bool(x > tol)
    return bool(x > 0)


def _all(conditions: Sequence[Any], kind: str) -> Any:
    if kind == "symbolic":
        return sympy.And(*conditions)
    return all(bool(c) for c in conditions)


def _negate(condition: Any, kind: str) -> Any:
    if kind == "symbolic":
        return sympy.Not(condition)
    return not condition


def _require_not_false(condition: Any, message: str) -> None:
    if condition is False or condition is sympy.false:
        raise ValueError(message)


def _fmt(value: Any) -> str:
    if isinstance(value, float) and math.isinf(value):
        return "oo" if value > 0 else "-oo"
    return format_number(value)


# --------------------------------------------------------------------------------------------
# Bargaining weights
# --------------------------------------------------------------------------------------------


def _weights(weights: Any, kind: str) -> tuple[str, tuple[Any, Any], list[Any]]:
    """Validate ``(w_payer, w_payee)``: each in (0, 1), summing to 1.

    Returns the combined kind, the weights in that kind and the conditions that could not be
    decided (symbolic weights whose sign is unknown).
    """
    if weights is None:
        half = Fraction(1, 2)
        return kind, (_cast(half, kind), _cast(half, kind)), []
    if isinstance(weights, str | bytes) or not isinstance(weights, Sequence | np.ndarray):
        raise TypeError(
            f"weights must be a pair (w_payer, w_payee) of bargaining powers, got {weights!r}"
        )
    if len(weights) != 2:
        raise ValueError(f"weights must be a pair (w_payer, w_payee), got {len(weights)} value(s)")
    (k1, w1), (k2, w2) = _number(weights[0], "weights[0]"), _number(weights[1], "weights[1]")
    kind = _combine_kinds(kind, k1, k2)
    w = (_cast(w1, kind), _cast(w2, kind))
    pending: list[Any] = []
    if kind == "symbolic":
        if sympy.simplify(w[0] + w[1] - 1) != 0:
            raise ValueError(
                f"weights must sum to 1, got {w[0]} + {w[1]} = {sympy.simplify(w[0] + w[1])}"
            )
        for name, wi in zip(("weights[0]", "weights[1]"), w, strict=True):
            cond = sympy.And(_positive(wi, kind, 0.0), _positive(1 - wi, kind, 0.0))
            _require_not_false(cond, f"{name} = {wi} must lie strictly between 0 and 1")
            if cond is not sympy.true:
                pending.append(cond)
        return kind, w, pending
    for name, wi in zip(("weights[0]", "weights[1]"), w, strict=True):
        if not 0 < wi < 1:
            raise ValueError(f"{name} = {_fmt(wi)} must lie strictly between 0 and 1")
    total = w[0] + w[1]
    if (kind == "exact" and total != 1) or (kind == "float" and abs(total - 1) > FLOAT_TOL):
        raise ValueError(f"weights must sum to 1, got {_fmt(w[0])} + {_fmt(w[1])} = {_fmt(total)}")
    return kind, w, pending


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NashBargainingSolution:
    """The (generalised) Nash bargaining solution over transferable utility.

    ``transfer`` is ``t* = lower + w_payee * surplus / rate`` (for :func:`nash_bargaining_share`
    it is the share ``s*``); ``payoffs`` are the payer's and the payee's payoffs after it,
    ``disagreement + weight * surplus``; ``gains`` their gains over the disagreement point;
    ``profile_payoffs`` every player's payoff at the target after the transfer (game-based
    solutions only, else ``None``); ``condition`` is ``True`` for numbers and, for symbolic input,
    the sympy condition (``surplus >= 0`` and the weights in (0, 1)) under which it is valid.
    """

    payer: str
    payee: str
    transfer: Any
    payoffs: tuple[Any, Any]
    gains: tuple[Any, Any]
    surplus: Any
    weights: tuple[Any, Any]
    condition: Any
    kind: str
    profile_payoffs: tuple[Any, ...] | None = None

    def __repr__(self) -> str:
        cond = "" if self.kind != "symbolic" else f", valid when {self.condition}"
        return (
            f"NashBargainingSolution({self.payer} pays {self.payee} {_fmt(self.transfer)}; "
            f"payoffs {_fmt(self.payoffs[0])}, {_fmt(self.payoffs[1])}; gains "
            f"{_fmt(self.gains[0])}, {_fmt(self.gains[1])}; weights {_fmt(self.weights[0])}, "
            f"{_fmt(self.weights[1])}{cond})"
        )


@dataclass(frozen=True)
class BargainingRange:
    """The Coasean interval of lateral transfers ``lower <= t <= upper`` (payer pays payee).

    With the cooperative payoffs ``cooperative = (c_payer, c_payee)`` before any transfer, the
    disagreement (status-quo) payoffs ``disagreement = (d_payer, d_payee)`` and ``rate`` units of
    utility moved per unit of ``t``: ``lower = (d_payee - c_payee) / rate`` (the payee's
    participation) and ``upper = (c_payer - d_payer) / rate`` (the payer's). ``surplus`` is the
    joint gain ``c_payer + c_payee - d_payer - d_payee``; ``upper - lower = surplus / rate``.

    ``empty`` is a bool for numbers (``surplus < 0``, or ``< -tol`` for floats) and the sympy
    condition ``surplus < 0`` for symbolic input; ``condition`` is its negation (the range is
    non-empty), together with the parameter restrictions that cannot be decided for symbols
    (``R > 0``, ``C_A, L_B >= 0``, ``0 <= lambda <= 1``). ``others`` lists
    ``(player, gain)`` for players other than payer and payee (unaffected by the transfer),
    ``others_weakly_better`` whether all their gains are ``>= 0``. ``target``/``status_quo``
    are the profiles as action labels (``None`` for the closed-form constructors).
    """

    payer: str
    payee: str
    lower: Any
    upper: Any
    surplus: Any
    cooperative: tuple[Any, Any]
    disagreement: tuple[Any, Any]
    rate: Any
    condition: Any
    kind: str
    tol: float = FLOAT_TOL
    others: tuple[tuple[str, Any], ...] = ()
    others_weakly_better: Any = True
    target: tuple[Any, ...] | None = None
    status_quo: tuple[Any, ...] | None = None
    target_payoffs: tuple[Any, ...] | None = None
    indices: tuple[int, int] | None = None
    variable: str = "t"

    @property
    def empty(self) -> Any:
        """True when no transfer leaves both at least as well off (sympy condition if symbolic)."""
        return _negate(self.condition, self.kind)

    @property
    def midpoint(self) -> Any:
        """``(lower + upper) / 2``: the equal-split Nash bargaining transfer.

        Raises ValueError for an empty numeric range; symbolic ranges return the expression,
        meaningful where :attr:`condition` holds.
        """
        if self.empty is True or self.empty is sympy.true:
            raise ValueError(f"the range is empty (surplus {_fmt(self.surplus)} < 0): no midpoint")
        return _tidy((self.lower + self.upper) / 2, self.kind)

    def contains(self, t: Any) -> Any:
        """Whether ``lower <= t <= upper`` (floats within ``tol``; sympy condition if symbolic)."""
        kind_t, value = _number(t, f"the transfer {self.variable}")
        kind = _combine_kinds(self.kind, kind_t)
        if kind == "symbolic":
            v, lo, hi = (_cast(x, kind) for x in (value, self.lower, self.upper))
            return sympy.And(_nonnegative(v - lo, kind, 0.0), _nonnegative(hi - v, kind, 0.0))
        tol = self.tol if self.kind == "float" else 0.0
        return bool(self.lower - tol <= value <= self.upper + tol)

    def nash_bargaining(self, weights: Sequence[Any] | None = None) -> NashBargainingSolution:
        """The generalised Nash bargaining solution on this range (see the module docstring).

        ``weights = (w_payer, w_payee)`` are bargaining powers in (0, 1) summing to 1 (default
        equal). Raises ValueError when the range is empty (negative surplus: no agreement
        improves on the disagreement point for both, so the Nash problem has no solution).
        """
        kind, w, pending = _weights(weights, self.kind)
        if self.kind != "symbolic" and self.empty:
            raise ValueError(
                f"no Nash bargaining solution: the surplus {_fmt(self.surplus)} is negative, so "
                f"no transfer leaves both {self.payer} and {self.payee} at least as well off as "
                "at the disagreement point"
            )
        lower, surplus, rate = (_cast(x, kind) for x in (self.lower, self.surplus, self.rate))
        d = tuple(_cast(x, kind) for x in self.disagreement)
        condition: Any = True
        if kind == "symbolic":
            condition = sympy.And(sympy.sympify(self.condition), *pending)
            _require_not_false(condition, "no Nash bargaining solution: the surplus is negative")
        transfer = _tidy(lower + w[1] * surplus / rate, kind)
        gains = (_tidy(w[0] * surplus, kind), _tidy(w[1] * surplus, kind))
        payoffs = (_tidy(d[0] + gains[0], kind), _tidy(d[1] + gains[1], kind))
        profile_payoffs = None
        if self.target_payoffs is not None and self.indices is not None:
            i, j = self.indices
            after = [_cast(v, kind) for v in self.target_payoffs]
            after[i] = _tidy(after[i] - rate * transfer, kind)
            after[j] = _tidy(after[j] + rate * transfer, kind)
            profile_payoffs = tuple(after)
        return NashBargainingSolution(
            payer=self.payer,
            payee=self.payee,
            transfer=transfer,
            payoffs=payoffs,
            gains=gains,
            surplus=surplus,
            weights=w,
            condition=condition,
            kind=kind,
            profile_payoffs=profile_payoffs,
        )

    def __repr__(self) -> str:
        v = self.variable
        body = (
            f"{self.payer} -> {self.payee}: {_fmt(self.lower)} <= {v} <= {_fmt(self.upper)}, "
            f"surplus {_fmt(self.surplus)}"
        )
        if self.kind == "symbolic":
            body += f"; non-empty when {self.condition}"
        elif self.empty:
            body += "; empty (cooperation is not efficient for the pair)"
        if self.others:
            body += f"; others weakly better off: {self.others_weakly_better}"
        return f"BargainingRange({body})"


def _make_range(
    *,
    payer: str,
    payee: str,
    cooperative: tuple[Any, Any],
    disagreement: tuple[Any, Any],
    rate: Any,
    kind: str,
    tol: float,
    extra_conditions: Sequence[Any] = (),
    variable: str = "t",
    **fields: Any,
) -> BargainingRange:
    c_p, c_q = cooperative
    d_p, d_q = disagreement
    lower = _tidy((d_q - c_q) / rate, kind)
    upper = _tidy((c_p - d_p) / rate, kind)
    surplus = _tidy(c_p + c_q - d_p - d_q, kind)
    condition = _all([_nonnegative(surplus, kind, tol), *extra_conditions], kind)
    return BargainingRange(
        payer=payer,
        payee=payee,
        lower=lower,
        upper=upper,
        surplus=surplus,
        cooperative=(c_p, c_q),
        disagreement=(d_p, d_q),
        rate=rate,
        condition=condition,
        kind=kind,
        tol=tol,
        variable=variable,
        **fields,
    )


# --------------------------------------------------------------------------------------------
# Game-based Coasean range and Nash bargaining
# --------------------------------------------------------------------------------------------


def _is_action(a: Any) -> bool:
    return isinstance(a, numbers.Integral | str) and not isinstance(a, bool)


def _profile_payoffs(game: Game, profile: Any, what: str) -> tuple[tuple[Any, ...], tuple]:
    """Payoffs of every player at a pure (indices or labels) or mixed profile, and its label:
    action names for pure entries, probability tuples for mixed ones."""
    try:
        values = game.payoff(profile)
        label = tuple(
            game.actions[k][game.action_index(k, a)]
            if _is_action(a)
            else tuple(game.mixed_strategy(k, a))
            for k, a in enumerate(profile)
        )
    except (TypeError, ValueError) as err:
        raise type(err)(f"{what}: {err}") from err
    return values, label


def _pair(game: Game, payer: Any, payee: Any) -> tuple[int, int]:
    if not isinstance(game, Game):
        raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
    try:
        i = game.player_index(payer)
        j = game.player_index(payee)
    except (TypeError, ValueError) as err:
        raise type(err)(f"payer/payee: {err}") from err
    if i == j:
        raise ValueError(
            f"payer and payee must be different players, got {game.players[i]!r} twice"
        )
    return i, j


def bargaining_range(
    game: Game,
    target: Sequence[Any],
    status_quo: Sequence[Any],
    payer: int | str,
    payee: int | str,
    *,
    tol: float = FLOAT_TOL,
) -> BargainingRange:
    """The Coasean range of transfers that make moving from ``status_quo`` to ``target`` a
    weak Pareto improvement for ``payer`` and ``payee``.

    ``t`` is paid by ``payer`` to ``payee`` when the target is played instead of the status quo.
    Both are at least as well off iff

        u_payer(target) - t >= u_payer(status_quo)  and  u_payee(target) + t >= u_payee(status_quo)
        <=>  u_payee(sq) - u_payee(target) <= t <= u_payer(target) - u_payer(sq)

    (Coase 1960; MODELS.md §2.2, §4.2). The range is empty iff the pair's joint surplus
    ``sum u(target) - sum u(status_quo)`` is negative. Other players are unaffected by the
    transfer; their gains are reported in ``.others`` and ``.others_weakly_better``.

    This is a statement about *participation* (individual rationality against the status quo),
    not about incentives: the target need not be an equilibrium of the game with the transfer;
    see :func:`self_enforcing_transfer_range` for that.

    Profiles are pure (action indices or labels) or mixed (probability vectors; expected
    payoffs); players are indices or names. Exact games give Fractions, float games floats
    (emptiness decided with the relative tolerance ``tol``), symbolic games sympy expressions with
    ``.empty`` the sympy condition ``surplus < 0``.

    Examples
    --------
    >>> import gametheory as gt
    >>> g = gt.Game([[10, 7], [8, 6]], [[3, 5], [2, 4]])  # MODELS.md S-b
    >>> r = bargaining_range(g, (0, 0), (0, 1), payer=0, payee=1)
    >>> (r.lower, r.upper, r.midpoint)
    (Fraction(2, 1), Fraction(3, 1), Fraction(5, 2))
    """
    i, j = _pair(game, payer, payee)
    tol = _scaled(_tol(tol), _game_values(game))
    u_target, target_label = _profile_payoffs(game, target, "target")
    u_sq, sq_label = _profile_payoffs(game, status_quo, "status_quo")
    kind = _combine_kinds(game.kind, *(_number(v, "a payoff")[0] for v in (*u_target, *u_sq)))
    u_target = tuple(_cast(v, kind) for v in u_target)
    u_sq = tuple(_cast(v, kind) for v in u_sq)
    others = tuple(
        (game.players[k], _tidy(u_target[k] - u_sq[k], kind))
        for k in range(game.n_players)
        if k not in (i, j)
    )
    others_ok = _all([_nonnegative(g, kind, tol) for _, g in others], kind)
    return _make_range(
        payer=game.players[i],
        payee=game.players[j],
        cooperative=(u_target[i], u_target[j]),
        disagreement=(u_sq[i], u_sq[j]),
        rate=_cast(Fraction(1), kind),
        kind=kind,
        tol=tol,
        others=others,
        others_weakly_better=others_ok,
        target=target_label,
        status_quo=sq_label,
        target_payoffs=u_target,
        indices=(i, j),
    )


def nash_bargaining_transfer(
    game: Game,
    target: Sequence[Any],
    status_quo: Sequence[Any],
    payer: int | str,
    payee: int | str,
    weights: Sequence[Any] | None = None,
    *,
    tol: float = FLOAT_TOL,
) -> NashBargainingSolution:
    """The (asymmetric) Nash bargaining transfer from ``payer`` to ``payee`` at ``target``.

    Disagreement point ``d = u(status_quo)``, cooperative payoffs ``c = u(target)``, surplus
    ``S = c_payer + c_payee - d_payer - d_payee``. With bargaining weights
    ``(w_payer, w_payee)`` (default ``(1/2, 1/2)``) the transfer maximises
    ``(c_payer - t - d_payer)^w_payer (c_payee + t - d_payee)^w_payee`` (Nash 1950; the
    asymmetric form of Harsanyi & Selten 1972 and Roth 1979):

        t* = d_payee - c_payee + w_payee * S,   payoffs  d_payer + w_payer S,  d_payee + w_payee S.

    Raises ValueError when ``S < 0`` (no agreement improves on the status quo for both, so the
    bargaining problem has no solution). Symbolic games return expressions valid under
    ``.condition``. MODELS.md oracles: S-b gives ``t = 5/2`` and payoffs ``(15/2, 11/2)``; K-b
    gives ``t = 7`` and a net gain of 2 each.
    """
    return bargaining_range(game, target, status_quo, payer, payee, tol=tol).nash_bargaining(
        weights
    )


def coasean_transfer_range(
    gain_payer: Any,
    gain_payee: Any,
    cost_payer: Any = 0,
    cost_payee: Any = 0,
    *,
    tol: float = FLOAT_TOL,
) -> BargainingRange:
    """The profit-and-loss (损益型) transfer range of MODELS.md §4.2 from gains and costs.

    Cooperation gives ``g_A`` to the payer A and ``g_B`` to the payee B (typically
    ``g_A > 0 > g_B``) at transaction costs ``c_A``, ``c_B``; the status quo gives 0 to both.
    A transfer ``t`` (A -> B) makes both accept iff

        -g_B + c_B <= t <= g_A - c_A,

    non-empty iff ``g_A + g_B >= c_A + c_B`` (MODELS.md calls cooperation *efficient* when the
    inequality is strict). The Nash bargaining transfer (``.midpoint`` or
    ``.nash_bargaining()``) is ``t_NB = (g_A - g_B - c_A + c_B) / 2``. Oracle K-b:
    ``g = (10, -4)``, ``c = (1, 1)`` gives ``[5, 9]`` and ``t_NB = 7``.
    """
    tol = _tol(tol)
    kind, v = _numbers(
        {
            "gain_payer": gain_payer,
            "gain_payee": gain_payee,
            "cost_payer": cost_payer,
            "cost_payee": cost_payee,
        }
    )
    tol = _scaled(tol, v.values())
    zero = _cast(Fraction(0), kind)
    return _make_range(
        payer="A",
        payee="B",
        cooperative=(
            _tidy(v["gain_payer"] - v["cost_payer"], kind),
            _tidy(v["gain_payee"] - v["cost_payee"], kind),
        ),
        disagreement=(zero, zero),
        rate=_cast(Fraction(1), kind),
        kind=kind,
        tol=tol,
    )


# --------------------------------------------------------------------------------------------
# Tax-revenue sharing (MODELS.md §4.2 variant, §9.3)
# --------------------------------------------------------------------------------------------


def revenue_share_range(
    revenue: Any, host_cost: Any, origin_loss: Any, *, tol: float = FLOAT_TOL
) -> BargainingRange:
    """Feasible shares of a relocated firm's (or enclave park's) tax revenue (飞地经济).

    The host city A collects the tax ``R > 0`` and bears the cost ``C_A >= 0``; the origin city
    B loses the tax base ``L_B >= 0`` and receives the share ``s`` of ``R``. Net gains over no
    relocation are ``(1 - s) R - C_A`` for A and ``s R - L_B`` for B, so both participate iff

        L_B / R  <=  s  <=  1 - C_A / R,

    non-empty iff ``R >= L_B + C_A`` (MODELS.md §4.2, §9.3). This is the Coasean range with
    ``rate = R``: payer ``"host"``, payee ``"origin"``, ``surplus = R - L_B - C_A``. The Nash
    bargaining share is ``s_NB = (R + L_B - C_A) / (2R)``, see :func:`nash_bargaining_share`.
    Oracle K-c: ``R = 10, L_B = 3, C_A = 2`` gives ``[3/10, 4/5]`` and ``s_NB = 11/20``.

    For symbolic parameters whose signs are unknown, ``R > 0``, ``C_A >= 0`` and ``L_B >= 0``
    become part of ``.condition``.
    """
    tol = _tol(tol)
    kind, v = _numbers({"revenue": revenue, "host_cost": host_cost, "origin_loss": origin_loss})
    tol = _scaled(tol, v.values())
    R, C_A, L_B = v["revenue"], v["host_cost"], v["origin_loss"]
    checks = [
        (_positive(R, kind, 0.0), f"revenue R = {_fmt(R)} must be positive"),
        (_nonnegative(C_A, kind, 0.0), f"host_cost C_A = {_fmt(C_A)} must be non-negative"),
        (_nonnegative(L_B, kind, 0.0), f"origin_loss L_B = {_fmt(L_B)} must be non-negative"),
    ]
    for cond, message in checks:
        _require_not_false(cond, message)
    pending = [c for c, _ in checks if kind == "symbolic" and c is not sympy.true]
    zero = _cast(Fraction(0), kind)
    return _make_range(
        payer="host",
        payee="origin",
        cooperative=(_tidy(R - C_A, kind), _tidy(-L_B, kind)),
        disagreement=(zero, zero),
        rate=R,
        kind=kind,
        tol=tol,
        extra_conditions=pending,
        variable="s",
    )


def nash_bargaining_share(
    revenue: Any,
    host_cost: Any,
    origin_loss: Any,
    weights: Sequence[Any] | None = None,
    *,
    tol: float = FLOAT_TOL,
) -> NashBargainingSolution:
    """The Nash bargaining share of the revenue for the origin city (MODELS.md §4.2).

    With weights ``(w_host, w_origin)`` the origin gets ``s* R - L_B = w_origin (R - L_B - C_A)``:

        s* = (L_B + w_origin (R - L_B - C_A)) / R,   equal weights: s_NB = (R + L_B - C_A) / (2R).

    ``.transfer`` is the share ``s*``; ``.payoffs`` are the net gains (host, origin). Raises
    ValueError when ``R < L_B + C_A`` (relocation destroys value). Oracle K-c: ``s_NB = 11/20``.
    """
    return revenue_share_range(revenue, host_cost, origin_loss, tol=tol).nash_bargaining(weights)


# --------------------------------------------------------------------------------------------
# Comparative-benefit type under relative evaluation (MODELS.md §4.3)
# --------------------------------------------------------------------------------------------


def _evaluation_inputs(
    gain_a: Any, gain_b: Any, weight: Any
) -> tuple[str, Any, Any, Any, list[Any]]:
    """Classify the inputs of §4.3 and check ``0 <= lambda <= 1``; return the undecided checks."""
    kind, v = _numbers({"gain_a": gain_a, "gain_b": gain_b, "weight": weight})
    lam = v["weight"]
    checks = [
        (
            _nonnegative(lam, kind, 0.0),
            f"the relative-evaluation weight {_fmt(lam)} is negative (it must lie in [0, 1])",
        ),
        (
            _nonnegative(1 - lam, kind, 0.0),
            f"the relative-evaluation weight {_fmt(lam)} exceeds 1 (it must lie in [0, 1])",
        ),
    ]
    for cond, message in checks:
        _require_not_false(cond, message)
    pending = [c for c, _ in checks if kind == "symbolic" and c is not sympy.true]
    return kind, v["gain_a"], v["gain_b"], lam, pending


def relative_evaluation_transfer_range(
    gain_a: Any, gain_b: Any, weight: Any, *, tol: float = FLOAT_TOL
) -> BargainingRange:
    """Transfers ``t`` (A -> B) that make both officials join under relative evaluation.

    Officials value ``u_i = g_i - lambda g_j`` (MODELS.md §4.3, ``lambda = weight`` in [0, 1]);
    a transfer counts in both measured performances, so A's utility is
    ``(g_A - t) - lambda (g_B + t)`` and B's ``(g_B + t) - lambda (g_A - t)``: utility moves at
    ``rate = 1 + lambda`` per unit. Both join (utility >= 0, the no-cooperation level) iff

        (lambda g_A - g_B) / (1 + lambda)  <=  t  <=  (g_A - lambda g_B) / (1 + lambda),

    non-empty iff the joint official surplus ``(1 - lambda)(g_A + g_B) >= 0`` (always, for
    ``lambda <= 1`` and ``g_A + g_B >= 0``). At ``lambda = 1`` the range collapses to
    ``t = (g_A - g_B) / 2`` (full equalisation). Oracle K-d: ``g = (9, 3)``, ``lambda = 1``
    gives ``t = 3`` exactly. A negative ``t`` means B pays A.
    """
    tol = _tol(tol)
    kind, g_a, g_b, lam, pending = _evaluation_inputs(gain_a, gain_b, weight)
    tol = _scaled(tol, (g_a, g_b))
    zero = _cast(Fraction(0), kind)
    return _make_range(
        payer="A",
        payee="B",
        cooperative=(_tidy(g_a - lam * g_b, kind), _tidy(g_b - lam * g_a, kind)),
        disagreement=(zero, zero),
        rate=_tidy(1 + lam, kind),
        kind=kind,
        tol=tol,
        extra_conditions=pending,
    )


def joint_performance_weight(gain_a: Any, gain_b: Any, weight: Any) -> Any:
    """Minimal weight ``mu`` on joint performance that makes both officials join (MODELS.md §4.3).

    With the score ``S_i = g_i - lambda g_j + mu (g_i + g_j)`` official i joins iff
    ``S_i >= 0``; for ``g_A + g_B > 0`` this is ``mu >= (lambda g_j - g_i)/(g_A + g_B)``, so

        mu* = max(0, (lambda g_A - g_B)/(g_A + g_B), (lambda g_B - g_A)/(g_A + g_B)).

    For ``g_A > g_B`` the binding term is MODELS.md's ``(lambda g_A - g_B)/(g_A + g_B)``. Oracle
    K-d: ``g = (9, 3)``, ``lambda = 1`` gives ``mu* = 1/2``; ``mu* = 0`` iff
    ``lambda <= g_B / g_A`` (B joins without intervention). Raises ValueError when
    ``g_A + g_B <= 0`` (no weight on joint performance can make a joint loss attractive to both)
    and :class:`~gametheory.game.UnboundParameterError` when the sign of ``g_A + g_B`` depends
    on undeclared symbols. ``mu*`` is the minimal weight, so it is clipped at 0. Returns a
    Fraction, float or sympy expression (``Max`` of the terms for symbols); for symbolic
    ``lambda`` of unknown range the result assumes ``0 <= lambda <= 1``.
    """
    kind, g_a, g_b, lam, _ = _evaluation_inputs(gain_a, gain_b, weight)
    total = _tidy(g_a + g_b, kind)
    positive = _positive(total, kind, 0.0)
    _require_not_false(
        positive,
        f"the joint gain g_A + g_B = {_fmt(total)} is not positive: no weight on joint "
        "performance makes both officials join",
    )
    if kind == "symbolic":
        if positive is not sympy.true:
            raise UnboundParameterError(
                f"the sign of the joint gain g_A + g_B = {total} depends on the parameters; "
                "declare the gains' signs (e.g. positive=True) or substitute values"
            )
        return sympy.simplify(sympy.Max(0, (lam * g_a - g_b) / total, (lam * g_b - g_a) / total))
    return max(_cast(Fraction(0), kind), (lam * g_a - g_b) / total, (lam * g_b - g_a) / total)


# --------------------------------------------------------------------------------------------
# Self-enforcing transfers: participation and Nash incentives at once
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TransferRange:
    """Transfers ``lower <= t <= upper`` (payer pays payee) under which the target is a Nash
    equilibrium of the game with the transfer (and, with a status quo, both participate).

    Unbounded sides are ``-inf``/``inf`` (floats) for numeric games and ``-oo``/``oo`` for
    symbolic ones. ``constraints`` lists every constraint as ``(who, what, relation, value)``
    with relation ``">="``/``"<="`` (a bound on ``t``) or ``"holds"`` (a transfer-independent
    incentive constraint and whether it holds). ``condition`` is ``True`` when the range is
    non-empty and every transfer-independent constraint holds (a sympy condition if symbolic);
    ``empty`` is its negation.
    """

    payer: str
    payee: str
    target: tuple[str, ...]
    conditional_on: str
    lower: Any
    upper: Any
    constraints: tuple[tuple[str, str, str, Any], ...]
    condition: Any
    kind: str
    game: Game
    tol: float = FLOAT_TOL

    @property
    def empty(self) -> Any:
        return _negate(self.condition, self.kind)

    @property
    def midpoint(self) -> Any:
        """``(lower + upper)/2``; ValueError when a side is unbounded or a numeric range empty."""
        infinite = (sympy.oo, -sympy.oo, math.inf, -math.inf)
        if self.lower in infinite or self.upper in infinite:
            raise ValueError("the range is unbounded on one side: no midpoint")
        if self.empty is True or self.empty is sympy.true:
            raise ValueError("the range is empty: no midpoint")
        return _tidy((self.lower + self.upper) / 2, self.kind)

    def contains(self, t: Any) -> Any:
        """Whether ``t`` makes the target a Nash equilibrium (and, with a status quo, both
        participate): ``lower <= t <= upper`` and every transfer-independent constraint holds."""
        kind_t, value = _number(t, "the transfer t")
        kind = _combine_kinds(self.kind, kind_t)
        fixed = [c[3] for c in self.constraints if c[2] == "holds"]
        if kind == "symbolic":
            v, lo, hi = (_cast(x, kind) for x in (value, self.lower, self.upper))
            return sympy.And(
                _nonnegative(v - lo, kind, 0.0) if lo != -sympy.oo else sympy.true,
                _nonnegative(hi - v, kind, 0.0) if hi != sympy.oo else sympy.true,
                *fixed,
            )
        tol = self.tol if self.kind == "float" else 0.0
        return bool(self.lower - tol <= value <= self.upper + tol and all(fixed))

    def transfer_game(self, t: Any) -> Game:
        """The game with the transfer ``t`` paid on the profiles where it is due."""
        kind_t, value = _number(t, "the transfer t")
        i, j = self.game.player_index(self.payer), self.game.player_index(self.payee)
        z = tuple(self.game.action_index(k, a) for k, a in enumerate(self.target))
        arrays = [np.array(a, dtype=object) for a in self.game.payoff_arrays]
        kind = _combine_kinds(self.game.kind, kind_t)
        value = _cast(value, kind)
        for index in np.ndindex(self.game.shape):
            due = index == z if self.conditional_on == "target" else index[j] == z[j]
            if due:
                arrays[i][index] = _cast(arrays[i][index], kind) - value
                arrays[j][index] = _cast(arrays[j][index], kind) + value
        return Game.from_arrays(
            *arrays, players=self.game.players, actions=self.game.actions, title=self.game.title
        )

    def __repr__(self) -> str:
        fixed = [c for c in self.constraints if c[2] == "holds"]
        when = (
            "paid at the target profile"
            if self.conditional_on == "target"
            else f"paid whenever {self.payee} plays its target action"
        )
        body = (
            f"{self.payer} -> {self.payee} ({when}): {_fmt(self.lower)} <= t <= {_fmt(self.upper)}"
        )
        if fixed:
            body += (
                f"; transfer-independent constraints hold: {_all([c[3] for c in fixed], self.kind)}"
            )
        if self.kind == "symbolic":
            body += f"; non-empty when {self.condition}"
        elif self.empty:
            body += "; empty"
        return f"TransferRange({body})"


def self_enforcing_transfer_range(
    game: Game,
    target: Sequence[Any],
    payer: int | str,
    payee: int | str,
    *,
    status_quo: Sequence[Any] | None = None,
    conditional_on: str = "target",
    tol: float = FLOAT_TOL,
) -> TransferRange:
    """Lateral transfers that make the pure ``target`` a Nash equilibrium of the game with them.

    ``conditional_on`` fixes where the transfer ``t`` (payer -> payee) is paid:

    * ``"target"``: only when the target profile itself is played. Each incentive constraint is
      linear in ``t``: the payee's ``u_payee(z) + t >= u_payee(x, z_-payee)`` gives
      ``t >= max_x u_payee(x, z_-payee) - u_payee(z)`` (the payee's regret at z), the payer's
      ``u_payer(z) - t >= u_payer(x, z_-payer)`` gives ``t <= u_payer(z) - max_x u_payer(x,
      z_-payer)`` (the payer's slack), and every other player's constraint does not involve
      ``t``. So a budget-balanced transfer can only move *slack* from the payer to the payee:
      in a symmetric prisoner's dilemma the range is empty.
    * ``"payee"``: whenever the payee plays its target action, whatever the others do (MODELS.md
      §2.2 "conditional on U integrating"; §5.3's one-way payment on compliance, whose range
      without central money is ``c_U <= X <= B_D``; the symmetric ±X swap of §5 is a different
      instrument). The payee's bound is the same; the payer pays whether or not it deviates,
      so its constraint ``u_payer(z) >= u_payer(x, z_-payer)`` is transfer-independent.

    Equilibrium here is (weak) Nash: every constraint is a weak inequality.

    With ``status_quo`` (the no-agreement outcome, where no transfer is paid) the payer's and
    payee's participation constraints of :func:`bargaining_range` are added: MODELS.md §2.2
    (S-b) with ``conditional_on="payee"`` gives ``T_U - R_U <= t <= R_D - S_D = [2, 3]``.
    Bounds are exact for exact games, floats (constraints within ``tol``) for float games and
    sympy ``Max``/``Min`` for symbolic games.
    """
    i, j = _pair(game, payer, payee)
    tol = _scaled(_tol(tol), _game_values(game))
    if conditional_on not in ("target", "payee"):
        raise ValueError(f"conditional_on must be 'target' or 'payee', got {conditional_on!r}")
    try:
        z = game.pure_profile(target)
    except (TypeError, ValueError) as err:
        raise type(err)(f"target (a pure profile): {err}") from err
    kind = game.kind
    arrays = game.payoff_arrays
    names, labels = game.players, game.actions
    u = [arrays[k][z] for k in range(game.n_players)]
    lowers: list[Any] = []
    uppers: list[Any] = []
    constraints: list[tuple[str, str, str, Any]] = []

    def deviations(k: int) -> list[tuple[str, Any]]:
        out = []
        for x in range(game.shape[k]):
            if x != z[k]:
                profile = (*z[:k], x, *z[k + 1 :])
                out.append((labels[k][x], arrays[k][profile]))
        return out

    for x, value in deviations(j):
        bound = _tidy(value - u[j], kind)
        lowers.append(bound)
        constraints.append((names[j], f"deviation to {x}", ">=", bound))
    for x, value in deviations(i):
        if conditional_on == "target":
            bound = _tidy(u[i] - value, kind)
            uppers.append(bound)
            constraints.append((names[i], f"deviation to {x}", "<=", bound))
        else:
            holds = _nonnegative(u[i] - value, kind, tol)
            constraints.append((names[i], f"deviation to {x}", "holds", holds))
    for k in range(game.n_players):
        if k not in (i, j):
            for x, value in deviations(k):
                holds = _nonnegative(u[k] - value, kind, tol)
                constraints.append((names[k], f"deviation to {x}", "holds", holds))
    if status_quo is not None:
        u_sq, _ = _profile_payoffs(game, status_quo, "status_quo")
        u_sq = tuple(_cast(v, kind) for v in u_sq)
        lo = _tidy(u_sq[j] - u[j], kind)
        hi = _tidy(u[i] - u_sq[i], kind)
        lowers.append(lo)
        uppers.append(hi)
        constraints.append((names[j], "participation (status quo)", ">=", lo))
        constraints.append((names[i], "participation (status quo)", "<=", hi))

    if kind == "symbolic":
        lower = sympy.simplify(sympy.Max(*lowers)) if lowers else -sympy.oo
        upper = sympy.simplify(sympy.Min(*uppers)) if uppers else sympy.oo
    else:
        lower = max(lowers) if lowers else -math.inf
        upper = min(uppers) if uppers else math.inf
    conditions = [c[3] for c in constraints if c[2] == "holds"]
    if lowers and uppers:
        conditions.append(
            sympy.And(*(_nonnegative(b - a, kind, tol) for a in lowers for b in uppers))
            if kind == "symbolic"
            else _nonnegative(upper - lower, kind, tol)
        )
    return TransferRange(
        payer=names[i],
        payee=names[j],
        target=tuple(labels[k][a] for k, a in enumerate(z)),
        conditional_on=conditional_on,
        lower=lower,
        upper=upper,
        constraints=tuple(constraints),
        condition=_all(conditions, kind),
        kind=kind,
        game=game,
        tol=tol,
    )


# --------------------------------------------------------------------------------------------
# The three cooperation types (MODELS.md §4)
# --------------------------------------------------------------------------------------------


class CooperationKind(enum.StrEnum):
    """Chen, Wang & Sun's (2019) cooperation types, plus ``no_gain``."""

    SHARING = "sharing"  # 共享型: win-win, equal gains
    PROFIT_AND_LOSS = "profit_and_loss"  # 损益型: win-lose, positive joint surplus
    COMPARATIVE_BENEFIT = "comparative_benefit"  # 比较利益型: all gain (weakly), unequally
    NO_GAIN = "no_gain"  # no positive joint surplus


class Remedy(enum.StrEnum):
    """The intervention that unlocks each cooperation type (MODELS.md §4.1-4.3, §10)."""

    COORDINATION = "coordination"
    LATERAL_TRANSFER = "lateral_transfer"
    EVALUATION_REFORM = "evaluation_reform"
    NONE = "none"


_TYPE_TEXT = {
    CooperationKind.SHARING: (
        Remedy.COORDINATION,
        "assurance game (stag hunt)",
        "equal gains: the risk is coordination; a central guarantee reimbursing a lone "
        "cooperator's set-up cost (k-cost 0) or joint conferences lowering it (§4.1)",
    ),
    CooperationKind.PROFIT_AND_LOSS: (
        Remedy.LATERAL_TRANSFER,
        "Coasean bargaining (win-lose)",
        "winners gain more than losers lose: a lateral transfer in the Coasean range, or tax-"
        "revenue sharing, compensates the losers (§4.2)",
    ),
    CooperationKind.COMPARATIVE_BENEFIT: (
        Remedy.EVALUATION_REFORM,
        "relative performance evaluation",
        "everyone gains but unequally: relative evaluation makes the smaller gainer refuse; a "
        "weight on joint performance or an equalising transfer unlocks it (§4.3)",
    ),
    CooperationKind.NO_GAIN: (
        Remedy.NONE,
        "none",
        "cooperation does not raise the joint payoff: no intervention should induce it",
    ),
}


@dataclass(frozen=True)
class CooperationType:
    """The classification of a cooperation project by its gains (see :func:`cooperation_type`).

    ``kind`` (a :class:`CooperationKind`, equal to its string value), ``remedy`` (a
    :class:`Remedy`), ``gains`` (net of costs), ``surplus`` (their sum), ``winners`` and
    ``losers`` (indices of players with positive / negative gain), ``game_form`` (the canonical
    game of MODELS.md §4) and ``description``.
    """

    kind: CooperationKind
    remedy: Remedy
    gains: tuple[Any, ...]
    surplus: Any
    winners: tuple[int, ...]
    losers: tuple[int, ...]
    game_form: str
    description: str

    def __repr__(self) -> str:
        gains = ", ".join(_fmt(g) for g in self.gains)
        return f"CooperationType({self.kind.value}: gains ({gains}); remedy {self.remedy.value})"


def _sign(x: Any, kind: str, tol: float, what: str) -> int:
    if kind == "symbolic":
        x = sympy.simplify(x)
        if x.is_zero:
            return 0
        if x.is_positive:
            return 1
        if x.is_negative:
            return -1
        raise UnboundParameterError(
            f"the sign of {what} = {x} depends on the parameters "
            f"{', '.join(sorted(s.name for s in x.free_symbols))}; substitute values or declare "
            "their signs"
        )
    if kind == "float" and abs(x) <= tol:
        return 0
    return (x > 0) - (x < 0)


def cooperation_type(
    gains: Any,
    cooperate: Sequence[Any] | None = None,
    status_quo: Sequence[Any] | None = None,
    *,
    costs: Sequence[Any] | None = None,
    tol: float = FLOAT_TOL,
) -> CooperationType:
    """Classify cooperation by the signs and symmetry of the players' gains (MODELS.md §4).

    ``gains`` is a sequence of each player's gain from cooperation, or a
    :class:`~gametheory.game.Game` together with the ``cooperate`` and ``status_quo`` profiles
    (gain = ``u(cooperate) - u(status_quo)``). ``costs`` (transaction costs) are subtracted.
    With net gains ``g`` and surplus ``S = sum(g)``:

    * ``"no_gain"`` when ``S <= 0`` (remedy ``none``);
    * ``"sharing"`` (共享型) when all gains are equal and positive (remedy ``coordination``);
    * ``"comparative_benefit"`` (比较利益型) when all gains are ``>= 0`` but unequal (remedy
      ``evaluation_reform``);
    * ``"profit_and_loss"`` (损益型) when some gain is negative and ``S > 0`` (remedy
      ``lateral_transfer``).

    The typology is about the distribution of gains (Chen, Wang & Sun 2019), not about
    incentives: ``game_form`` names the canonical game MODELS.md uses for each type. Floats
    count as equal/zero within the relative tolerance ``tol``; symbolic gains must have
    decidable signs (else :class:`~gametheory.game.UnboundParameterError`).
    """
    tol = _tol(tol)
    if isinstance(gains, Game):
        if cooperate is None or status_quo is None:
            raise TypeError("cooperation_type(game, cooperate, status_quo) needs both profiles")
        u_c, _ = _profile_payoffs(gains, cooperate, "cooperate")
        u_s, _ = _profile_payoffs(gains, status_quo, "status_quo")
        values = [a - b for a, b in zip(u_c, u_s, strict=True)]
    else:
        if cooperate is not None or status_quo is not None:
            raise TypeError("profiles are only accepted together with a Game")
        if isinstance(gains, str | bytes) or not isinstance(gains, Sequence | np.ndarray):
            raise TypeError(f"gains must be a sequence of numbers or a Game, got {gains!r}")
        values = list(gains)
    if len(values) < 2:
        raise ValueError(f"cooperation needs at least 2 players, got {len(values)} gain(s)")
    named = {f"gains[{k}]": g for k, g in enumerate(values)}
    if costs is not None:
        if isinstance(costs, str | bytes) or not isinstance(costs, Sequence | np.ndarray):
            raise TypeError(f"costs must be a sequence of numbers, got {costs!r}")
        if len(costs) != len(values):
            raise ValueError(f"got {len(values)} gains but {len(costs)} costs")
        named |= {f"costs[{k}]": c for k, c in enumerate(costs)}
    kind, v = _numbers(named)
    tol = _scaled(tol, v.values())
    net = tuple(
        _tidy(v[f"gains[{k}]"] - (v[f"costs[{k}]"] if costs is not None else 0), kind)
        for k in range(len(values))
    )
    surplus = _tidy(sum(net[1:], net[0]), kind)
    signs = [_sign(g, kind, tol, f"gain {k}") for k, g in enumerate(net)]
    winners = tuple(k for k, s in enumerate(signs) if s > 0)
    losers = tuple(k for k, s in enumerate(signs) if s < 0)
    if _sign(surplus, kind, tol, "the joint surplus") <= 0:
        label = CooperationKind.NO_GAIN
    elif losers:
        label = CooperationKind.PROFIT_AND_LOSS
    elif all(_sign(g - net[0], kind, tol, "a gain difference") == 0 for g in net[1:]):
        label = CooperationKind.SHARING
    else:
        label = CooperationKind.COMPARATIVE_BENEFIT
    remedy, form, text = _TYPE_TEXT[label]
    return CooperationType(
        kind=label,
        remedy=remedy,
        gains=net,
        surplus=surplus,
        winners=winners,
        losers=losers,
        game_form=form,
        description=text,
    )
