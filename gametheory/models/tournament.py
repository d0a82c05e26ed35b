"""Promotion tournament: Lazear-Rosen rank-order competition between two officials.

Two officials (e.g. two prefecture party secretaries of one province) compete for one promotion.
Official ``i`` chooses effort ``e_i >= 0`` at cost ``c e_i**2 / 2``; measured performance is

    y_i = e_i + beta * e_j + eps_i,        eps_1, eps_2 iid,

and the official with the higher ``y`` is promoted (value ``W2 + V`` against ``W2``). With
``xi = eps_j - eps_i`` (CDF ``G``, density ``g``, symmetric about 0) the promotion probability is
``G((1 - beta)(e_i - e_j))`` and the symmetric Nash equilibrium effort solves the first-order
condition ``c e* = (1 - beta) V g(0)``:

    e*(beta) = (1 - beta) V g(0) / c.

The spillover ``beta < 1`` (Zhou 2004-type) measures how much one official's effort raises the
rival's measured output; ``beta -> 1`` removes all incentive. MODELS.md §1 specifies the model;
this module builds its games (the discretised effort game, the cooperate/obstruct game of the two
officials and of their regions, the same game under evaluation reform) and its closed forms.
Equilibria of the games come from :mod:`gametheory.equilibria` and conditions and thresholds from
:mod:`gametheory.symbolic`; there is no solver code here.

References
----------
Lazear, E. P. & Rosen, S. (1981). Rank-Order Tournaments as Optimum Labor Contracts. *Journal of
Political Economy* 89(5): 841-864.
Zhou, Li-An 周黎安 (2004). 晋升博弈中政府官员的激励与合作 (Incentives and cooperation of government
officials in the promotion game). *经济研究 Economic Research Journal* 2004(6).
Chen, Y., Li, H. & Zhou, L.-A. (2005). Relative performance evaluation and the turnover of
provincial leaders in China. *Economics Letters* 88(3): 421-425.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy
from scipy import optimize, special

from ..game import Game
from ..symbolic import Statics, Threshold, comparative_statics, equilibrium_conditions, threshold
from ._parameters import check_parameter as check_real

__all__ = ["ActionIncentive", "PromotionTournament", "ReformEffect"]

NOISES = ("uniform", "normal", "logistic", "gumbel")
NOISE_OF = ("official", "difference")
RULES = ("rank", "absolute")
WEIGHTS = ("lam", "mu")

#: sup |g'| of the density of eps_j - eps_i for iid standard logistic shocks (scale 1). The
#: density is g(z) = e^z ((z - 2) e^z + z + 2) / (e^z - 1)^3; |g'| is largest at
#: z = 2.1438390938..., found with sympy.nsolve at 30 digits (tests re-check it with scipy).
LOGISTIC_DIFFERENCE_SLOPE = 0.04237059058705791886


# --------------------------------------------------------------------------------------------
# Parameter checks and number handling (shared with gametheory.models.multitask)
# --------------------------------------------------------------------------------------------


def check_relation(relation: Any, message: str) -> None:
    """Raise ValueError(message) when sympy decides that ``relation`` is false.

    Relations between numbers are decided exactly; one that involves symbols is rejected only
    when the symbols' assumptions make it false (e.g. ``c > 0`` with ``c`` declared negative).
    """
    if sympy.sympify(relation) is sympy.false:
        raise ValueError(message)


def distinct_key(value: sympy.Expr) -> Any:
    """A key under which equal numbers coincide (``1`` and ``1.0``); symbols stay themselves."""
    return float(value) if value.is_number else value


def to_sympy(value: Any) -> sympy.Expr:
    """A parameter as a sympy number or expression (Fractions exactly, floats as Floats)."""
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.sympify(value)


def is_float(*values: Any) -> bool:
    """True when any value is a Python/numpy float or a sympy Float (results are then floats)."""
    return any(
        isinstance(v, float) or (isinstance(v, sympy.Basic) and v.has(sympy.Float)) for v in values
    )


def output(expr: Any, floats: bool) -> Any:
    """Return a result as a float (float inputs), a Fraction (rational) or a sympy expression."""
    expr = sympy.sympify(expr)
    if floats and not expr.free_symbols:
        return float(expr)
    if expr.is_Rational:
        return Fraction(int(expr.p), int(expr.q))
    return expr


def check_players(players: Any) -> tuple[str, str]:
    players = tuple(players)
    if len(players) != 2 or not all(isinstance(p, str) and p.strip() for p in players):
        raise ValueError(f"players must be two non-empty names, got {players!r}")
    if players[0] == players[1]:
        raise ValueError(f"players must have different names, got {players!r}")
    return players  # type: ignore[return-value]


# --------------------------------------------------------------------------------------------
# Noise of the performance difference
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Noise:
    """Distribution of ``xi = eps_j - eps_i``: CDF, density at 0, quantile, max |slope|."""

    kind: str
    of: str
    scale: sympy.Expr

    def g0(self) -> sympy.Expr:
        s = self.scale
        if self.kind == "uniform":  # U[-s, s] difference, or triangular on [-2s, 2s]
            return 1 / (2 * s)
        if self.kind == "normal":
            return (
                1 / (2 * s * sympy.sqrt(sympy.pi))
                if self.of == "official"
                else (1 / (s * sympy.sqrt(2 * sympy.pi)))
            )
        if self.kind == "logistic" and self.of == "official":
            return 1 / (6 * s)
        return 1 / (4 * s)  # logistic difference; Gumbel shocks

    def cdf(self, x: Any) -> sympy.Expr:
        x = sympy.sympify(x)
        s = self.scale
        if x.is_number and s.is_number and (x.has(sympy.Float) or s.has(sympy.Float)):
            return sympy.Float(float(self.cdf_float(np.array([float(x)]))[0]))
        half = sympy.Rational(1, 2)
        if self.kind == "uniform" and self.of == "difference":
            return sympy.Piecewise((0, x <= -s), (1, x >= s), (half + x / (2 * s), True))
        if self.kind == "uniform":
            return sympy.Piecewise(
                (0, x <= -2 * s),
                (half + x / (2 * s) + x**2 / (8 * s**2), x <= 0),
                (half + x / (2 * s) - x**2 / (8 * s**2), x < 2 * s),
                (1, True),
            )
        if self.kind == "normal":
            sd = s * sympy.sqrt(2) if self.of == "official" else s
            return (1 + sympy.erf(x / (sd * sympy.sqrt(2)))) / 2
        if self.kind == "logistic" and self.of == "official":
            z = x / s
            if z.is_zero:
                return half
            if z.is_number:
                if z.is_negative:  # symmetry keeps the exponentials small
                    return 1 - self.cdf(-x)
                return (1 - (1 + z) * sympy.exp(-z)) / (1 - sympy.exp(-z)) ** 2
            return sympy.Piecewise(
                (half, sympy.Eq(z, 0)),
                (sympy.exp(z) * (sympy.exp(z) - 1 - z) / (sympy.exp(z) - 1) ** 2, True),
            )
        return 1 / (1 + sympy.exp(-x / s))

    def cdf_float(self, x: np.ndarray) -> np.ndarray:
        """The same CDF in float64 for an array (numerically stable forms)."""
        x = np.asarray(x, dtype=float)
        s = float(self.scale)
        if self.kind == "uniform" and self.of == "difference":
            return np.clip(0.5 + x / (2 * s), 0.0, 1.0)
        if self.kind == "uniform":
            y = np.clip(x, -2 * s, 2 * s)
            return 0.5 + y / (2 * s) - y * np.abs(y) / (8 * s**2)
        if self.kind == "normal":
            sd = s * math.sqrt(2) if self.of == "official" else s
            return 0.5 * (1 + special.erf(x / (sd * math.sqrt(2))))
        if self.kind == "logistic" and self.of == "official":
            z = np.abs(x / s)
            small = z < 1e-3
            zs = np.where(small, 1.0, z)  # avoid 0/0 in the branch that is not used
            big = (-np.expm1(-zs) - zs * np.exp(-zs)) / np.expm1(-zs) ** 2
            series = 0.5 + z / 6 - z**3 / 180 + z**5 / 5040
            upper = np.where(small, series, big)
            return np.where(x >= 0, upper, 1 - upper)
        return special.expit(x / s)

    def quantile(self, p: Any) -> sympy.Expr:
        """``G^{-1}(p)`` for ``0 < p < 1`` (a float64 root for per-official logistic shocks)."""
        p = sympy.sympify(p)
        s = self.scale
        half = sympy.Rational(1, 2)
        if self.kind == "uniform" and self.of == "difference":
            return 2 * s * (p - half)
        if self.kind == "uniform":
            if p.is_number and p < half:
                return -self.quantile(1 - p)
            return 2 * s * (1 - sympy.sqrt(2 - 2 * p))
        if self.kind == "normal":
            sd = s * sympy.sqrt(2) if self.of == "official" else s
            return sd * sympy.sqrt(2) * sympy.erfinv(2 * p - 1)
        if self.kind == "logistic" and self.of == "official":
            if not (p.is_number and s.is_number):
                raise ValueError(
                    "the quantile of the difference of two logistic shocks has no closed form; "
                    "give numeric parameters"
                )
            if p == half:
                return sympy.Integer(0)
            if p < half:  # G is symmetric about 0
                return -self.quantile(1 - p)
            target = float(p)
            unit = _Noise(self.kind, self.of, sympy.Integer(1))
            bound = 1.0
            while unit.cdf_float(np.array([bound]))[0] <= target:
                bound *= 2  # bracket the root
            root = optimize.brentq(
                lambda z: unit.cdf_float(np.array([z]))[0] - target, 0.0, bound, xtol=1e-15
            )
            return sympy.Float(root) * s
        return s * sympy.log(p / (1 - p))

    def max_slope(self) -> sympy.Expr:
        """``sup |g'|`` (the largest curvature of ``G``); infinite kinks are not covered."""
        s = self.scale
        if self.kind == "uniform":
            return 1 / (4 * s**2)  # triangular density (2s - |x|) / (4 s^2)
        if self.kind == "normal":
            var = 2 * s**2 if self.of == "official" else s**2
            return 1 / (var * sympy.sqrt(2 * sympy.pi * sympy.E))
        if self.kind == "logistic" and self.of == "official":
            return sympy.Float(LOGISTIC_DIFFERENCE_SLOPE, 20) / s**2
        return sympy.sqrt(3) / (18 * s**2)


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionIncentive:
    """How a one-off action with effects (delta_own, delta_rival) looks to an official (§1.3).

    ``delta_p`` is the change of the promotion probability at a symmetric point,
    ``G(delta_own - delta_rival) - 1/2``; ``gain = V * delta_p - kappa``; ``joint_surplus`` is
    ``delta_own + delta_rival`` (what the two regions gain together); ``kind`` is
    ``"win-win"``, ``"win-lose"`` (损人利己, own gain at the rival's expense), ``"lose-win"``,
    ``"lose-lose"`` (损人不利己) or ``"neutral"``; ``taken`` is ``gain > 0`` (a sympy boolean when
    the parameters are symbolic).
    """

    delta_p: Any
    gain: Any
    joint_surplus: Any
    kind: str
    taken: Any


@dataclass(frozen=True)
class ReformEffect:
    """The cooperate/obstruct game of the officials as a function of one evaluation weight.

    ``game`` is the officials' game with the weight ``symbol`` left free; ``index_game`` the game
    of the promotion index (rank rule: ``y_i - y_j``; absolute rule: ``S_i - bar``), of which the
    promotion payoff ``W2 + V G(index)`` is a strictly increasing transformation, so both games
    have the same pure equilibria and dominant actions. ``depends_on_weight`` says whether the
    weight appears in the game at all; ``condition`` is the condition (from
    :func:`gametheory.symbolic.equilibrium_conditions`, concept ``"dominant"``, strict) that
    Cooperate is strictly dominant for both officials; ``threshold`` is that condition solved for
    the weight (:func:`gametheory.symbolic.threshold`), or None when the weight does not enter it.
    """

    rule: str
    weight: str
    symbol: sympy.Symbol
    game: Game
    index_game: Game
    depends_on_weight: bool
    condition: Any
    threshold: Threshold | None


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromotionTournament:
    r"""Lazear-Rosen (1981) promotion tournament of two officials with spillover (MODELS.md §1).

    Parameters
    ----------
    V:
        Prize spread ``W1 - W2 > 0``: the value of promotion over non-promotion. Default 10
        [ASM, MODELS.md §1.5 oracles T1-a to T1-e].
    c:
        Effort cost coefficient, ``C(e) = c e**2 / 2`` with ``c > 0``. Default 1 [ASM].
    noise:
        Distribution of the performance shocks: ``"uniform"``, ``"normal"``, ``"logistic"`` or
        ``"gumbel"``. Default ``"uniform"``.
    scale:
        Scale of that distribution (``> 0``): half-width ``a`` of ``U[-a, a]``, standard
        deviation ``sigma`` of the normal, scale ``s`` of the logistic or Gumbel. Default 5.
    noise_of:
        ``"official"`` (default): each official's shock ``eps_i`` has the named distribution and
        the difference ``xi = eps_j - eps_i`` is derived exactly. ``"difference"``: ``xi`` itself
        has the named (symmetric) distribution, the shortcut MODELS.md §1.2 uses for uniform
        noise (it makes every win probability linear, hence the exact oracles T1-d, T1-e).
    beta:
        Spillover ``beta < 1``: my effort raises the rival's measured output by ``beta`` per
        unit (``beta < 0``: it lowers it). Default 0. ``beta >= 1`` is rejected: effort then
        cannot raise the win probability, the tournament gives no incentive and the optimal prize
        is infinite.
    v:
        Value of one unit of effort to the principal (marginal product), used by
        :meth:`social_optimum_effort` and :meth:`optimal_prize`. Default 1 [ASM, T1-f].
    W2:
        Value of not being promoted (the loser's prize). Default 0.
    b, s_C, a, d:
        The cooperate/obstruct stage (§1.3). Cooperate (a joint project) adds ``b`` to own GDP
        and ``b * s_C`` (``s_C >= 0``) to the rival's; Defect (protection, obstruction) adds
        ``a`` to own GDP and ``-d`` (``d >= 0``) to the rival's. Defaults ``2, 1, -1, 3``
        [ASM, oracle T1-e].
    lam, mu:
        Evaluation weights of the score ``S_i = y_i - lam y_j + mu (y_i + y_j)``: ``lam`` in
        ``[0, 1]`` on relative performance, ``mu >= 0`` on joint (agglomeration) output.
        Defaults ``1, 0`` (pure relative evaluation).
    rule:
        Promotion rule: ``"rank"`` (the higher score wins; default) or ``"absolute"``
        (promotion when the score clears the bar ``bar`` up to noise).
    bar:
        The bar of the absolute rule. Default 0 (the status-quo score, so that the rules agree at
        ``lam = 1, mu = 0``).
    players:
        Names of the two officials.

    Every numeric parameter may be an int, Fraction, float or sympy expression. Exact inputs give
    exact results (Fractions or sympy expressions such as ``5/sqrt(pi)``), floats give floats,
    symbols give formulas.

    Notes
    -----
    **Win probability.** ``Pr(i promoted) = G((1 - beta)(e_i - e_j))`` where ``G`` is the CDF of
    ``xi = eps_j - eps_i``. The density at zero, which drives every incentive, is

    * uniform: iid ``U[-a, a]`` shocks give a triangular ``xi`` on ``[-2a, 2a]`` and
      ``g(0) = 1/(2a)``; ``noise_of="difference"``, ``xi ~ U[-h, h]``: ``g(0) = 1/(2h)``.
    * normal: iid ``N(0, sigma^2)`` give ``xi ~ N(0, 2 sigma^2)`` and
      ``g(0) = 1/(2 sigma sqrt(pi))``; difference ``N(0, sigma_xi^2)``:
      ``g(0) = 1/(sigma_xi sqrt(2 pi))``.
    * logistic: iid ``Logistic(0, s)`` give a ``xi`` that is *not* logistic, with
      ``g(0) = 1/(6s)``; difference ``Logistic(0, s)``: ``g(0) = 1/(4s)``.
    * gumbel: iid ``Gumbel(s)`` give ``xi ~ Logistic(0, s)`` and ``g(0) = 1/(4s)`` (MODELS.md's
      oracle T1-c); ``noise_of="difference"`` is rejected (a difference is symmetric).

    For iid shocks with density ``f``, ``g(0) = integral f(x)**2 dx``; for the standard
    logistic this is ``integral p(1-p) dp = 1/6`` (substitute ``p = F(x)``), and the difference
    has CDF ``G(x) = e^z (e^z - 1 - z) / (e^z - 1)**2`` with ``z = x/s``.

    **Equilibrium effort** ``e* = (1 - beta) V g(0) / c`` (:meth:`equilibrium_effort`). It is an
    equilibrium when it is a global best response to itself; :meth:`equilibrium_condition` gives
    the condition: exact for uniform difference noise, ``(1 - beta)**2 V <= 4 h**2 c``
    (MODELS.md's ``(1 - beta)**2 V <= 2 h**2 c`` is sufficient but not necessary), and otherwise
    the sufficient global-concavity condition ``V (1 - beta)**2 sup|g'| <= c``.

    **Optimal prize.** A unit of ``e_i`` is worth ``v`` to region ``i`` and ``beta v`` to region
    ``j``, so the social optimum is ``e_SO = (1 + beta) v / c`` and the prize that implements it
    is ``V* = (1 + beta) v / ((1 - beta) g(0))`` (Lazear-Rosen's "spread x density = marginal
    product" at ``beta = 0``), which grows without bound as ``beta -> 1``.

    **Discretised tournament** (§1.4, :meth:`discretised_game`): efforts on a grid, payoffs
    ``W2 + V G((1 - beta)(e_i - e_j)) - c e_i**2 / 2``. With two levels ``{0, e_H}`` the high
    effort is strictly dominant iff ``beta < beta* = 1 - G^{-1}(1/2 + c e_H**2/(2V)) / e_H``,
    which is ``1 - c h e_H / V`` for uniform difference noise (:meth:`rat_race_threshold`).

    **Cooperate or obstruct** (§1.3, :meth:`game`, :meth:`region_game`). Region payoffs are the
    GDP changes ``[[b + b s_C, b - d], [a + b s_C, a - d]]``. Under the rank rule the official's
    payoff is ``W2 + V G(y_i - y_j)``: only ``Delta_i - Delta_j`` of an action matters, so win-win
    projects that help the rival more are refused and 损人不利己 (lose-lose) obstruction is
    taken; Defect is strictly dominant iff ``a + d > b (1 - s_C)`` while for the regions
    Cooperate is strictly dominant iff ``b > a``.

    **Evaluation reform** (:meth:`reform_effect`). Under the rank rule the score difference is
    ``S_i - S_j = (1 + lam)(y_i - y_j)`` for every ``lam`` and ``mu``: the ranking, hence the
    game, does not depend on the weights at all. Under the absolute rule the official's payoff is
    ``W2 + V G(S_i - bar)`` (each official is judged against the bar, with evaluation noise of
    the same distribution ``G``; both may be promoted) and Cooperate is strictly dominant iff
    ``b - lam b s_C + mu b (1 + s_C) > a + lam d + mu (a - d)``; with ``mu = 0``,
    ``lam < lam* = (b - a) / (b s_C + d)``. Reweighting works only together with a change of the
    *form* of evaluation. (A weight between two *different* measures, e.g. GDP and public
    services, does change ranks and incentives under both rules; see
    :class:`gametheory.models.MultitaskEvaluation`.)

    References
    ----------
    Lazear, E. P. & Rosen, S. (1981). Rank-Order Tournaments as Optimum Labor Contracts.
    *Journal of Political Economy* 89(5): 841-864.
    Zhou, Li-An (2004). 晋升博弈中政府官员的激励与合作. *经济研究 Economic Research Journal*
    2004(6) (the spillover and refusal-of-cooperation argument; the notation here is
    MODELS.md's reconstruction, not Zhou's equations).

    Examples
    --------
    >>> from gametheory.models.tournament import PromotionTournament
    >>> PromotionTournament(V=10, scale=5, c=1).equilibrium_effort()
    Fraction(1, 1)
    >>> PromotionTournament(noise="normal", scale=1).equilibrium_effort()
    5/sqrt(pi)
    >>> PromotionTournament(noise="logistic", scale=1).equilibrium_effort()
    Fraction(5, 3)
    >>> import gametheory as gt
    >>> m = PromotionTournament(noise_of="difference")  # MODELS.md's shortcut xi ~ U[-5, 5]
    >>> m.discretised_game([0, 1]).payoff((1, 0))
    (Fraction(11, 2), Fraction(4, 1))
    >>> [eq.pure_profile for eq in gt.equilibria(m.game())], m.optimal_prize()
    ([(1, 1)], Fraction(10, 1))
    >>> [eq.pure_profile for eq in gt.equilibria(m.region_game())]
    [(0, 0)]
    >>> m.reform_effect("lam", rule="rank").depends_on_weight
    False
    >>> m.reform_effect("lam", rule="absolute").threshold.upper
    3/5
    """

    V: Any = 10
    c: Any = 1
    noise: str = "uniform"
    scale: Any = 5
    noise_of: str = "official"
    beta: Any = 0
    v: Any = 1
    W2: Any = 0
    b: Any = 2
    s_C: Any = 1
    a: Any = -1
    d: Any = 3
    lam: Any = 1
    mu: Any = 0
    rule: str = "rank"
    bar: Any = 0
    players: tuple[str, str] = ("Official 1", "Official 2")

    def __post_init__(self) -> None:
        if self.noise not in NOISES:
            raise ValueError(f"unknown noise {self.noise!r}; choose one of {list(NOISES)}")
        if self.noise_of not in NOISE_OF:
            raise ValueError(f"unknown noise_of {self.noise_of!r}; choose one of {list(NOISE_OF)}")
        if self.noise == "gumbel" and self.noise_of == "difference":
            raise ValueError(
                "noise='gumbel' needs noise_of='official': the difference of two iid shocks is "
                "symmetric, a Gumbel variable is not (the difference of two Gumbel shocks is "
                "logistic: use noise='logistic', noise_of='difference')"
            )
        if self.rule not in RULES:
            raise ValueError(f"unknown rule {self.rule!r}; choose one of {list(RULES)}")
        for name in ("V", "c", "scale", "beta", "v", "W2", "b", "s_C", "a", "d", "lam", "mu"):
            check_real(name, getattr(self, name))
        check_real("bar", self.bar)
        s = to_sympy
        check_relation(s(self.V) > 0, f"the prize spread V must be positive, got V={self.V}")
        check_relation(s(self.c) > 0, f"the cost coefficient c must be positive, got c={self.c}")
        check_relation(
            s(self.scale) > 0, f"the noise scale must be positive, got scale={self.scale}"
        )
        check_relation(
            s(self.beta) < 1,
            f"the spillover beta must be < 1, got beta={self.beta} (at beta >= 1 effort cannot "
            "raise the win probability and the optimal prize is infinite)",
        )
        check_relation(s(self.v) >= 0, f"the value of effort v must be >= 0, got v={self.v}")
        check_relation(s(self.s_C) >= 0, f"the rival's share s_C must be >= 0, got {self.s_C}")
        check_relation(s(self.d) >= 0, f"the damage d to the rival must be >= 0, got d={self.d}")
        check_relation(
            sympy.And(s(self.lam) >= 0, s(self.lam) <= 1),
            f"the relative-performance weight lam must lie in [0, 1], got lam={self.lam}",
        )
        check_relation(s(self.mu) >= 0, f"the joint-output weight mu must be >= 0, got {self.mu}")
        object.__setattr__(self, "players", check_players(self.players))

    # ---------------------------------------------------------------- helpers

    def _floats(self) -> bool:
        return is_float(*(getattr(self, n) for n in ("V", "c", "scale", "beta", "v", "W2")))

    def _noise(self) -> _Noise:
        return _Noise(self.noise, self.noise_of, to_sympy(self.scale))

    def _p(self, name: str) -> sympy.Expr:
        return to_sympy(getattr(self, name))

    # ---------------------------------------------------------------- noise

    def density_at_zero(self) -> Any:
        """``g(0)``, the density of ``xi = eps_j - eps_i`` at 0 (table in the class notes)."""
        return output(self._noise().g0(), self._floats())

    def win_probability(self, margin: Any) -> Any:
        """``G(margin)``: the probability that ``margin + eps_i > eps_j``.

        ``margin`` is the deterministic performance lead ``y_i - y_j`` (a number or expression).
        """
        check_real("margin", margin)
        return output(self._noise().cdf(to_sympy(margin)), self._floats() or is_float(margin))

    def quantile(self, p: Any) -> Any:
        """``G^{-1}(p)`` for ``0 < p < 1``: the lead that wins with probability ``p``.

        Closed forms except for per-official logistic shocks (a float64 root by Brent's method).
        """
        check_real("p", p)
        check_relation(
            sympy.And(to_sympy(p) > 0, to_sympy(p) < 1), f"p must lie in (0, 1), got p={p}"
        )
        return output(self._noise().quantile(to_sympy(p)), self._floats() or is_float(p))

    # ---------------------------------------------------------------- continuous effort

    def payoff(self, e_i: Any, e_j: Any) -> Any:
        """Official ``i``'s expected payoff ``W2 + V G((1 - beta)(e_i - e_j)) - c e_i**2 / 2``."""
        for name, e in (("e_i", e_i), ("e_j", e_j)):
            check_real(name, e)
            check_relation(to_sympy(e) >= 0, f"effort {name} must be >= 0, got {e}")
        return output(self._payoff(to_sympy(e_i), to_sympy(e_j)), self._floats() or is_float(e_i))

    def _payoff(self, ei: sympy.Expr, ej: sympy.Expr) -> sympy.Expr:
        V, c, beta, W2 = self._p("V"), self._p("c"), self._p("beta"), self._p("W2")
        return W2 + V * self._noise().cdf((1 - beta) * (ei - ej)) - c * ei**2 / 2

    def _effort(self) -> sympy.Expr:
        return (1 - self._p("beta")) * self._p("V") * self._noise().g0() / self._p("c")

    def equilibrium_effort(self) -> Any:
        """Symmetric equilibrium effort ``e* = (1 - beta) V g(0) / c`` (MODELS.md §1.1-1.2).

        From the first-order condition ``V (1 - beta) g(0) = c e`` at ``e_i = e_j``; see
        :meth:`equilibrium_condition` for when this is a global best response.
        """
        return output(sympy.simplify(self._effort()), self._floats())

    def equilibrium_condition(self) -> Any:
        """Condition (sympy boolean) under which ``e*`` is a best response to itself.

        Uniform difference noise, exact: ``(1 - beta)**2 V <= 4 h**2 c`` (the only competing
        deviation is ``e = 0`` with a sure loss; it is worse iff ``V/2 >= c e*^2/2``). Every
        other case, sufficient: ``V (1 - beta)**2 sup|g'| <= c``, which makes the payoff concave
        in own effort (``sup|g'|`` = ``1/(4a^2)`` triangular, ``1/(2 sigma^2 sqrt(2 pi e))``
        normal, ``sqrt(3)/(18 s^2)`` logistic difference / Gumbel, ``0.0423706/s^2`` per-official
        logistic).
        """
        V, c, beta = self._p("V"), self._p("c"), self._p("beta")
        noise = self._noise()
        if self.noise == "uniform" and self.noise_of == "difference":
            lhs, rhs = (1 - beta) ** 2 * V, 4 * noise.scale**2 * c
        else:
            lhs, rhs = V * (1 - beta) ** 2 * noise.max_slope(), c
        return sympy.simplify(sympy.Le(lhs, rhs))

    def social_optimum_effort(self) -> Any:
        """``e_SO = (1 + beta) v / c``: effort that maximises the two regions' joint surplus."""
        v, c, beta = self._p("v"), self._p("c"), self._p("beta")
        return output(sympy.simplify((1 + beta) * v / c), self._floats())

    def optimal_prize(self) -> Any:
        """``V* = (1 + beta) v / ((1 - beta) g(0))``: the spread that makes ``e* = e_SO``.

        At ``beta = 0`` this is Lazear-Rosen's ``V* g(0) = v``; it grows without bound as
        ``beta -> 1``: a promotion prize cannot buy cooperation-intensive effort.
        """
        v, beta = self._p("v"), self._p("beta")
        return output(
            sympy.simplify((1 + beta) * v / ((1 - beta) * self._noise().g0())), self._floats()
        )

    def comparative_statics(self) -> dict[str, Statics]:
        """Signs of ``de*/dV, de*/dc, de*/dscale, de*/dbeta`` for the formula ``e*``.

        Computed by :func:`gametheory.symbolic.comparative_statics` on ``e*`` with ``V, c,
        scale`` positive symbols and ``beta`` a real symbol: positive, negative, negative,
        negative. Keys are the parameter names.
        """
        V, c, scale, gap = sympy.symbols("V c scale gap", positive=True)
        beta = sympy.Symbol("beta", real=True)
        g0 = _Noise(self.noise, self.noise_of, scale).g0()
        # beta < 1 cannot be declared in sympy: work with gap = 1 - beta > 0, then map back
        stats = comparative_statics(gap * V * g0 / c, [V, c, scale, gap])
        back = {gap: 1 - beta}
        out = {
            str(k): Statics(k, s.derivative.subs(back), s.sign, s.elasticity.subs(back))
            for k, s in stats.items()
            if k != gap
        }
        d = stats[gap]  # d e*/d beta = -d e*/d gap
        flip = {"positive": "negative", "negative": "positive", "zero": "zero"}
        out["beta"] = Statics(
            beta,
            sympy.simplify(-d.derivative.subs(back)),
            flip.get(d.sign, "ambiguous"),
            sympy.simplify(-d.derivative.subs(back) * beta / ((1 - beta) * V * g0 / c)),
        )
        return out

    # ---------------------------------------------------------------- discretised game

    def discretised_game(self, levels: Any) -> Game:
        """The tournament with efforts restricted to ``levels`` (MODELS.md §1.4).

        Both officials choose from ``levels`` (distinct, ``>= 0``); payoffs are
        ``W2 + V G((1 - beta)(e_i - e_j)) - c e_i**2 / 2``. Exact parameters and levels give an
        exact game (uniform noise) or one with constants such as ``erf(1/2)`` (use
        ``game.evalf()`` before solving); float inputs give a float game. As the grid refines,
        the symmetric pure equilibria approach ``e*``.
        """
        levels = list(levels)
        if len(levels) < 1:
            raise ValueError("levels must contain at least one effort level")
        for k, e in enumerate(levels):
            check_real(f"levels[{k}]", e)
            check_relation(to_sympy(e) >= 0, f"effort levels must be >= 0, got {e}")
        es = [to_sympy(e) for e in levels]
        if len(set(distinct_key(e) for e in es)) != len(es):
            raise ValueError(f"effort levels must be distinct, got {levels}")
        floats = self._floats() or is_float(*levels)
        V, c, beta, W2 = self._p("V"), self._p("c"), self._p("beta"), self._p("W2")
        noise = self._noise()
        cdf: dict[sympy.Expr, Any] = {}
        if floats and not any(x.free_symbols for x in (V, c, beta, W2, noise.scale)):
            # float game: vectorised float64 evaluation of the CDF
            e = np.array([float(x) for x in es])
            lead = (1 - float(beta)) * (e[:, None] - e[None, :])
            row = float(W2) + float(V) * noise.cdf_float(lead) - float(c) * e[:, None] ** 2 / 2
            col = row.T.copy()
        else:

            def u(ei: sympy.Expr, ej: sympy.Expr) -> Any:
                diff = ei - ej
                if diff not in cdf:
                    cdf[diff] = noise.cdf((1 - beta) * diff)
                return W2 + V * cdf[diff] - c * ei**2 / 2

            row = [[u(ei, ej) for ej in es] for ei in es]
            col = [[u(ej, ei) for ej in es] for ei in es]
        labels = [str(e) if not isinstance(e, float) else f"{e:g}" for e in levels]
        if len(set(labels)) != len(labels):
            labels = [f"e{k}" for k in range(len(levels))]
        return Game(
            row,
            col,
            players=self.players,
            actions=[labels, labels],
            title="Discretised promotion tournament",
        )

    def rat_race_threshold(self, e_H: Any) -> Any:
        """``beta*``: with efforts ``{0, e_H}``, ``e_H`` is strictly dominant iff ``beta < beta*``.

        ``e_H`` beats 0 against either rival effort iff ``V (G((1 - beta) e_H) - 1/2) >
        c e_H**2 / 2``, so ``beta* = 1 - G^{-1}(1/2 + c e_H**2 / (2 V)) / e_H``; for uniform
        difference noise ``beta* = 1 - c h e_H / V`` (MODELS.md §1.4). Returns ``-oo`` when
        ``c e_H**2 >= V`` (even a sure win does not repay the effort). Note ``(H, H)`` is then a
        "rat race": each gets ``V/2 - c e_H**2/2 < V/2``.
        """
        check_real("e_H", e_H)
        eH = to_sympy(e_H)
        check_relation(eH > 0, f"e_H must be positive, got {e_H}")
        V, c = self._p("V"), self._p("c")
        p = sympy.Rational(1, 2) + c * eH**2 / (2 * V)
        floats = self._floats() or is_float(e_H)
        if p.is_number and p >= 1:
            return -math.inf if floats else -sympy.oo
        return output(sympy.simplify(1 - self._noise().quantile(p) / eH), floats)

    # ---------------------------------------------------------------- cooperation stage

    def action_incentive(self, delta_own: Any, delta_rival: Any, kappa: Any = 0) -> ActionIncentive:
        """Would an official take an action adding ``delta_own`` to own GDP and ``delta_rival``
        to the rival's at private cost ``kappa >= 0`` (MODELS.md §1.3 classification)?

        Under rank promotion at a symmetric point the win probability changes by
        ``G(delta_own - delta_rival) - 1/2`` (``(delta_own - delta_rival)/(2h)`` with uniform
        difference noise): only the difference counts, never the joint surplus.
        """
        for name, x in (("delta_own", delta_own), ("delta_rival", delta_rival), ("kappa", kappa)):
            check_real(name, x)
        check_relation(to_sympy(kappa) >= 0, f"the cost kappa must be >= 0, got {kappa}")
        di, dj, k = to_sympy(delta_own), to_sympy(delta_rival), to_sympy(kappa)
        floats = self._floats() or is_float(delta_own, delta_rival, kappa)
        dp = sympy.simplify(self._noise().cdf(di - dj) - sympy.Rational(1, 2))
        gain = sympy.simplify(self._p("V") * dp - k)
        taken = gain > 0
        if isinstance(taken, sympy.logic.boolalg.BooleanAtom):
            taken = bool(taken)
        return ActionIncentive(
            delta_p=output(dp, floats),
            gain=output(gain, floats),
            joint_surplus=output(di + dj, floats),
            kind=_kind(di, dj),
            taken=taken,
        )

    def _effects(self) -> tuple[sympy.Expr, ...]:
        return tuple(self._p(n) for n in ("b", "s_C", "a", "d"))

    def _gdp(self) -> list[list[tuple[sympy.Expr, sympy.Expr]]]:
        """(y_row, y_col) GDP changes for the profiles (C/D x C/D)."""
        b, s_C, a, d = self._effects()
        own = {"C": b, "D": a}
        spill = {"C": b * s_C, "D": -d}
        return [[(own[r] + spill[k], own[k] + spill[r]) for k in "CD"] for r in "CD"]

    def _index(self, rule: str, lam: sympy.Expr, mu: sympy.Expr) -> list[list[tuple]]:
        """Promotion index per profile: rank ``y_i - y_j``; absolute ``S_i - bar``."""
        bar = self._p("bar")
        out = []
        for row in self._gdp():
            cells = []
            for yi, yj in row:
                if rule == "rank":
                    cells.append((yi - yj, yj - yi))
                else:
                    si = yi - lam * yj + mu * (yi + yj) - bar
                    sj = yj - lam * yi + mu * (yi + yj) - bar
                    cells.append((sympy.expand(si), sympy.expand(sj)))
            out.append(cells)
        return out

    def _official_game(self, rule: str, lam: Any, mu: Any, index: bool = False) -> Game:
        V, W2 = self._p("V"), self._p("W2")
        noise = self._noise()
        floats = self._floats() or is_float(self.b, self.s_C, self.a, self.d, self.bar)
        table = self._index(rule, to_sympy(lam), to_sympy(mu))

        def pay(x: sympy.Expr) -> Any:
            value = x if index else W2 + V * noise.cdf(x)
            value = sympy.expand(value) if index and value.free_symbols else value
            return float(value) if floats and not value.free_symbols else value

        row = [[pay(cell[0]) for cell in r] for r in table]
        col = [[pay(cell[1]) for cell in r] for r in table]
        what = "promotion index" if index else "officials"
        return Game(
            row,
            col,
            players=self.players,
            actions=[["C", "D"], ["C", "D"]],
            title=f"Cooperate or obstruct: {what}, {rule} rule",
        )

    def game(self) -> Game:
        """The officials' cooperate (C) / obstruct (D) game under ``rule`` (MODELS.md §1.3).

        Rank rule: payoff ``W2 + V G(y_i - y_j)``; absolute rule: ``W2 + V G(S_i - bar)`` with
        ``S_i = y_i - lam y_j + mu (y_i + y_j)``. GDP changes are those of
        :meth:`region_game`. With the defaults and uniform difference noise (``h = 5``):
        ``A = [[5, 3], [7, 5]]``, unique equilibrium (D, D) (oracle T1-e).
        """
        return self._official_game(self.rule, self.lam, self.mu)

    def region_game(self) -> Game:
        """The regions' game: each region's payoff is its own GDP change (MODELS.md §1.3).

        ``A = [[b + b s_C, b - d], [a + b s_C, a - d]]``, ``B = A^T``. Defaults:
        ``[[4, -1], [1, -4]]``, unique equilibrium (C, C) (oracle T1-e).
        """
        floats = is_float(self.b, self.s_C, self.a, self.d)
        gdp = self._gdp()

        def num(x: sympy.Expr) -> Any:
            return float(x) if floats and not x.free_symbols else x

        return Game(
            [[num(cell[0]) for cell in r] for r in gdp],
            [[num(cell[1]) for cell in r] for r in gdp],
            players=tuple(p.replace("Official", "Region") for p in self.players),
            actions=[["C", "D"], ["C", "D"]],
            title="Cooperate or obstruct: regions",
        )

    def reform_threshold(self) -> Any:
        """``lam*``: under the absolute rule Cooperate is strictly dominant iff ``lam < lam*``.

        ``lam* = (b - a + mu (b + b s_C - a + d)) / (b s_C + d)``; with ``mu = 0`` this is
        MODELS.md's ``(b - a) / (b s_C + d)`` (``3/5`` for oracle T1-e). Under the rank rule no
        weight matters (see :meth:`reform_effect`). Requires ``b s_C + d > 0``.
        """
        b, s_C, a, d = self._effects()
        mu = self._p("mu")
        check_relation(b * s_C + d > 0, "lam* needs b s_C + d > 0 (otherwise lam has no effect)")
        value = (b - a + mu * (b + b * s_C - a + d)) / (b * s_C + d)
        return output(sympy.simplify(value), is_float(self.b, self.s_C, self.a, self.d, self.mu))

    def reform_effect(self, weight: str = "lam", rule: str | None = None) -> ReformEffect:
        """How the evaluation ``weight`` (``"lam"`` or ``"mu"``) acts under ``rule``.

        The weight is replaced by a free symbol (``lam >= 0`` or ``mu >= 0``); the other weight
        keeps the model's value. Rank rule: the game does not contain the symbol
        (``S_i - S_j = (1 + lam)(y_i - y_j)`` and the noise enters ``y``, so the promotion
        probability is ``G(y_i - y_j)`` for every weight), ``depends_on_weight`` is False and
        the cooperation condition is a constant. Absolute rule: the game depends on the weight
        and the condition is solved for it with :func:`gametheory.symbolic.threshold` (e.g.
        ``lam < 3/5`` for oracle T1-e).

        The conditions are computed on the promotion-index game; with bounded (uniform) noise
        the method checks that the indices stay inside the noise support at the model's weights,
        where ``G`` is strictly increasing and the two games have the same dominance structure.
        """
        if weight not in WEIGHTS:
            raise ValueError(f"unknown weight {weight!r}; choose one of {list(WEIGHTS)}")
        rule = self.rule if rule is None else rule
        if rule not in RULES:
            raise ValueError(f"unknown rule {rule!r}; choose one of {list(RULES)}")
        symbol = sympy.Symbol(weight, nonnegative=True)
        lam = symbol if weight == "lam" else self.lam
        mu = symbol if weight == "mu" else self.mu
        game = self._official_game(rule, lam, mu)
        index_game = self._official_game(rule, lam, mu, index=True)
        if self.noise == "uniform":
            self._check_support(rule)
        condition = equilibrium_conditions(index_game, ("C", "C"), strict=True, concept="dominant")
        solved = threshold(condition, symbol) if symbol in condition.free_symbols else None
        return ReformEffect(
            rule=rule,
            weight=weight,
            symbol=symbol,
            game=game,
            index_game=index_game,
            depends_on_weight=symbol in set(game.parameters),
            condition=condition,
            threshold=solved,
        )

    def _check_support(self, rule: str) -> None:
        width = self._p("scale") * (1 if self.noise_of == "difference" else 2)
        for r in self._index(rule, self._p("lam"), self._p("mu")):
            for x, _ in r:
                if (x.is_number and width.is_number) and abs(x) >= width:
                    raise ValueError(
                        f"the promotion index {x} reaches the edge of the noise support "
                        f"(+-{width}): the win probability saturates and the officials' game is "
                        "not a monotone transformation of the index game; widen the noise"
                    )


def _kind(di: sympy.Expr, dj: sympy.Expr) -> str:
    if not (di.is_number and dj.is_number):
        return "symbolic"
    if di == 0 and dj == 0:
        return "neutral"
    own = "win" if di >= 0 else "lose"
    rival = "win" if dj >= 0 else "lose"
    return f"{own}-{rival}"
