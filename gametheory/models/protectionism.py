"""Local protectionism and market segmentation (MODELS.md §2) and the Pigouvian correction (§6.3).

Regional governments in China long protected local markets (Young 2000; Bai et al. 2004), and
Lu, Chen & Yan (2004) argue that under increasing returns a lagging region may *strategically*
refuse the inter-regional division of labour. MODELS.md §2 parametrises these mechanisms as games
(its own parametrisation [DER], not the papers' models):

=================================  ======================================================  =========
class                              game                                                    MODELS.md
=================================  ======================================================  =========
:class:`MarketSegmentation`        symmetric two-region prisoner's dilemma (Open/Protect)  §2.1
:class:`AsymmetricSegmentation`    developed D vs lagging U; lateral transfer to U         §2.2
:class:`RegionalRetaliation`       N regions, protection with retaliation; tipping point   §2.3
:class:`PigouvianSpillover`        N regions choose a harmful activity; Pigouvian tax      §6.3
=================================  ======================================================  =========

Each model is a frozen dataclass of named parameters (numbers or sympy expressions) with a
``game()`` method. Closed forms are properties or methods of the model; everything that needs
solving (equilibria, minimal interventions, k-implementation, critical discount factors,
bargaining) is delegated to the toolkit's solvers, so the closed forms can be checked against
them.

References
----------
Young, A. (2000). The Razor's Edge: Distortions and Incremental Reform in the People's Republic of
China. *Quarterly Journal of Economics* 115(4): 1091-1135.
Bai, C.-E., Du, Y., Tao, Z. & Tong, S. (2004). Local protectionism and regional specialization:
evidence from China's industries. *Journal of International Economics* 63(2): 397-417.
Lu Ming, Chen Zhao & Yan Ji 陆铭, 陈钊, 严冀 (2004). 收益递增、发展战略与区域经济的分割 (Increasing
returns, development strategy and regional economic segmentation). *经济研究 Economic Research
Journal* 2004(1).
Pigou, A. C. (1920). *The Economics of Welfare*. Macmillan.
Monderer, D. & Tennenholtz, M. (2004). K-Implementation. *Journal of Artificial Intelligence
Research* 21: 37-62.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..bargaining import (
    NashBargainingSolution,
    TransferRange,
    nash_bargaining_transfer,
    self_enforcing_transfer_range,
)
from ..equilibria import Equilibria, equilibria, pure_equilibria
from ..game import Game
from ..interventions import (
    InterventionResult,
    KImplementation,
    Penalty,
    Subsidy,
    Transfer,
    k_implementation_cost,
    minimal_intervention,
)
from ..repeated import CriticalDiscount, critical_discount_factor
from ._parameters import check_parameter as _check_parameter

__all__ = [
    "MAX_GAME_PROFILES",
    "AsymmetricSegmentation",
    "MarketSegmentation",
    "PigouvianSpillover",
    "RegionalRetaliation",
]

#: Largest number of pure profiles of an N-player normal form built by ``game()`` (each of the N
#: payoff arrays holds this many exact entries).
MAX_GAME_PROFILES = 100_000

OPEN, PROTECT = "Open", "Protect"
INTEGRATE = "Integrate"


# --------------------------------------------------------------------------------------------
# Parameter checks and number handling (shared with gametheory.models.fiscal)
# --------------------------------------------------------------------------------------------


def _fails(relation: Any) -> bool:
    """True when sympy decides that ``relation`` is false (undecidable symbols pass)."""
    return sympy.sympify(relation) is sympy.false


def _check_nonnegative(name: str, value: Any, meaning: str) -> None:
    _check_parameter(name, value)
    if _fails(sympy.sympify(value) >= 0):
        raise ValueError(f"{name} = {value} must be non-negative ({meaning})")


def _check_probability(name: str, value: Any, meaning: str, *, positive: bool = False) -> None:
    _check_parameter(name, value)
    v = sympy.sympify(value)
    low = v > 0 if positive else v >= 0
    if _fails(low) or _fails(v <= 1):
        interval = "(0, 1]" if positive else "[0, 1]"
        raise ValueError(f"{name} = {value} must be a probability in {interval} ({meaning})")


def _check_chain(what: str, pairs: Sequence[tuple[str, Any, str, Any]]) -> None:
    """Require ``left > right`` for each ``(left_name, left, right_name, right)`` sympy decides."""
    for n1, v1, n2, v2 in pairs:
        if _fails(sympy.sympify(v1) > sympy.sympify(v2)):
            raise ValueError(f"{what} needs {n1} > {n2}, but {n1} = {v1} and {n2} = {v2}")


def _check_regions(N: Any, *, symbolic_ok: bool = True) -> Any:
    """``N`` must be an integer >= 2 (or, with ``symbolic_ok``, a sympy symbol not below 2)."""
    if isinstance(N, bool):
        raise TypeError(f"the number of regions N must be an integer, got {N!r}")
    if isinstance(N, sympy.Basic):
        if N.is_Integer:
            N = int(N)
        elif symbolic_ok and isinstance(N, sympy.Expr) and N.is_integer is not False:
            if _fails(N >= 2):
                raise ValueError(f"the number of regions N = {N} must be at least 2")
            return N
        else:
            raise TypeError(f"the number of regions N must be an integer, got {N!r}")
    if not isinstance(N, numbers.Integral):
        raise TypeError(f"the number of regions N must be an integer, got {N!r}")
    if N < 2:
        raise ValueError(f"the number of regions N = {N} must be at least 2")
    return int(N)


def _values(*values: Any) -> tuple[Any, ...]:
    """Convert parameters for arithmetic: all sympy if any is symbolic, ints to Fractions.

    Exact input (int, Fraction) stays exact; floats stay floats; ``Fraction`` and sympy objects do
    not mix, so a symbolic parameter turns every value into a sympy object.
    """
    if any(isinstance(v, sympy.Basic) for v in values):
        return tuple(sympy.sympify(v) for v in values)
    return tuple(Fraction(v) if isinstance(v, numbers.Integral) else v for v in values)


def _tidy(value: Any) -> Any:
    """Simplify sympy expressions; numbers are returned unchanged."""
    return sympy.simplify(value) if isinstance(value, sympy.Basic) else value


def _decide(relation: Any) -> Any:
    """A Python bool for numbers, a simplified sympy condition for symbolic input."""
    if isinstance(relation, sympy.Basic):
        relation = sympy.simplify(relation)
        if relation is sympy.true:
            return True
        if relation is sympy.false:
            return False
        return relation
    return bool(relation)


def _players(players: Any, n: int) -> tuple[str, ...]:
    players = tuple(players)
    if len(players) != n or not all(isinstance(p, str) and p.strip() for p in players):
        raise ValueError(f"players must be {n} non-empty names, got {players!r}")
    if len(set(players)) != n:
        raise ValueError(f"players must have different names, got {players!r}")
    return players


def _require_number(value: Any, what: str) -> None:
    if isinstance(value, sympy.Basic) and not value.is_number:
        raise ValueError(f"{what} needs numeric parameters, got {value}")


# --------------------------------------------------------------------------------------------
# §2.1 Symmetric two-region prisoner's dilemma
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarketSegmentation:
    """Symmetric two-region market segmentation game (MODELS.md §2.1) [DER].

    Two regions choose Open (O) or Protect (P). Region ``i`` earns ``m`` from access to the
    other region's market when that region is open, and protection brings it the local rent
    ``r`` (tax base and employment of local firms) at the efficiency cost ``e`` to its own
    consumers:

        u_i = m 1{j open} + 1{i protects} (r - e).

    Parameters
    ----------
    m:
        Value of access to the other region's market (``m >= 0``). Default 4.
    r:
        Local rent from protection (``r >= 0``). Default 3.
    e:
        Own consumers' efficiency loss from protection (``e >= 0``). Default 1.
    players:
        Names of the two regions.

    The defaults are the illustrative numbers of oracle S-a [ASM]. Parameters may be numbers or
    sympy expressions.

    Notes
    -----
    Normal form (rows: region 1, columns: region 2; ``R = m``, ``T = m + r - e``, ``P = r - e``,
    ``S = 0``)::

                  Open                   Protect
        Open      (m, m)                 (0, m + r - e)
        Protect   (m + r - e, 0)         (r - e, r - e)

    * It is a prisoner's dilemma iff ``0 < r - e < m``; then (P, P) is the unique Nash
      equilibrium, with ``r - e`` each against ``m`` each at (O, O).
    * Central fine ``F`` per protecting region, detected with probability ``pi``: Open becomes
      (weakly) dominant iff ``pi F >= r - e`` (no fine is paid on path).
    * Subsidy ``s`` per open region: Open dominant iff ``s >= max(T - R, P - S) = r - e``;
      on-path cost ``2 s``.
    * k-implementation of (O, O) with non-negative payments (Monderer & Tennenholtz 2004): cost
      ``2 (T - R) = 2 (r - e)``.
    * Repeated game with grim trigger: (O, O) is sustainable iff
      ``delta >= (T - R)/(T - P) = (r - e)/m``.

    Oracle S-a (the defaults): ``R, T, P, S = 4, 6, 2, 0``; unique NE (P, P); ``delta* = 1/2``;
    minimal fine ``pi F = 2``; k-implementation cost of (O, O) = 4.

    References
    ----------
    Young, A. (2000). The Razor's Edge. *Quarterly Journal of Economics* 115(4): 1091-1135.
    Bai, C.-E., Du, Y., Tao, Z. & Tong, S. (2004). Local protectionism and regional
    specialization. *Journal of International Economics* 63(2): 397-417.
    Monderer, D. & Tennenholtz, M. (2004). K-Implementation. *Journal of Artificial
    Intelligence Research* 21: 37-62.

    Examples
    --------
    >>> from gametheory.models.protectionism import MarketSegmentation
    >>> model = MarketSegmentation()
    >>> model.payoff_ranks
    {'R': Fraction(4, 1), 'T': Fraction(6, 1), 'P': Fraction(2, 1), 'S': Fraction(0, 1)}
    >>> [eq.pure_profile for eq in model.equilibria()]
    [(1, 1)]
    """

    m: Any = 4
    r: Any = 3
    e: Any = 1
    players: tuple[str, str] = ("Region 1", "Region 2")

    def __post_init__(self) -> None:
        _check_nonnegative("m", self.m, "the value of market access")
        _check_nonnegative("r", self.r, "the local rent from protection")
        _check_nonnegative("e", self.e, "the efficiency loss from protection")
        object.__setattr__(self, "players", _players(self.players, 2))

    @property
    def net_rent(self) -> Any:
        """``r - e``: what a region gains by protecting, whatever the other does."""
        _m, r, e = _values(self.m, self.r, self.e)
        return _tidy(r - e)

    @property
    def payoff_ranks(self) -> dict[str, Any]:
        """The prisoner's-dilemma payoffs ``{"R": m, "T": m + r - e, "P": r - e, "S": 0}``."""
        m, r, e = _values(self.m, self.r, self.e)
        zero = m - m
        return {"R": m, "T": _tidy(m + r - e), "P": _tidy(r - e), "S": zero}

    @property
    def is_prisoners_dilemma(self) -> Any:
        """``0 < r - e < m`` (a bool, or a sympy condition for symbolic parameters)."""
        m, r, e = _values(self.m, self.r, self.e)
        if isinstance(m, sympy.Basic):
            return _decide(sympy.And(r - e > 0, r - e < m))
        return bool(0 < r - e < m)

    @property
    def fine_threshold(self) -> Any:
        """Closed form: the expected fine ``pi F = max(0, r - e)`` making Open dominant."""
        net = self.net_rent
        return _tidy(sympy.Max(0, net)) if isinstance(net, sympy.Basic) else max(net - net, net)

    @property
    def critical_discount(self) -> Any:
        """Closed form ``delta* = (T - R)/(T - P) = (r - e)/m`` (grim trigger; PD case, m > 0)."""
        m, r, e = _values(self.m, self.r, self.e)
        if not isinstance(m, sympy.Basic) and m == 0:
            raise ValueError("delta* = (r - e)/m needs m > 0")
        return _tidy((r - e) / m)

    def game(self) -> Game:
        """The 2x2 game with actions ``("Open", "Protect")`` for both regions."""
        p = self.payoff_ranks
        R, T, P, S = p["R"], p["T"], p["P"], p["S"]
        return Game(
            [[R, S], [T, P]],
            [[R, T], [S, P]],
            players=self.players,
            actions=[[OPEN, PROTECT], [OPEN, PROTECT]],
            title="Market segmentation: symmetric two-region game",
        )

    def equilibria(self) -> Equilibria:
        """All (extreme) Nash equilibria, by :func:`gametheory.equilibria`."""
        return equilibria(self.game())

    def minimal_fine(self, detection: Any = 1) -> InterventionResult:
        """The smallest fine ``F`` per protecting region that makes Open weakly dominant.

        Solved by :func:`gametheory.interventions.minimal_intervention` with
        ``Penalty(per_action=True, detection=pi)``; the closed form is
        ``F* = max(0, r - e)/pi``. ``detection`` must lie in (0, 1].
        """
        _check_probability("detection", detection, "the detection probability", positive=True)
        instrument = Penalty(per_action=True, detection=detection)
        return minimal_intervention(
            self.game(), (OPEN, OPEN), instrument, concept="weakly_dominant"
        )

    def minimal_subsidy(self) -> InterventionResult:
        """The smallest subsidy per open region that makes Open weakly dominant.

        :func:`gametheory.interventions.minimal_intervention` with ``Subsidy(per_action=True)``;
        closed form ``s* = max(T - R, P - S) = r - e`` (when positive), on-path cost ``2 s*``.
        """
        return minimal_intervention(
            self.game(), (OPEN, OPEN), Subsidy(per_action=True), concept="weakly_dominant"
        )

    def k_implementation(self) -> KImplementation:
        """Cost of implementing (Open, Open) with non-negative payments: ``2 max(0, r - e)``."""
        return k_implementation_cost(self.game(), (OPEN, OPEN))

    def repeated(self, strategy: str = "grim", periods: int | None = None) -> CriticalDiscount:
        """Critical discount factor at which ``strategy`` sustains (Open, Open).

        :func:`gametheory.repeated.critical_discount_factor` (``"grim"``, ``"tit_for_tat"``,
        ``"limited_punishment"`` with ``periods``, ``"stick_and_carrot"``); grim trigger
        punishes with the stage equilibrium (Protect, Protect) and gives ``(r - e)/m`` in the
        prisoner's-dilemma case.
        """
        game = self.game()
        punishment = None
        if strategy in ("grim", "limited_punishment") and game.kind == "symbolic":
            punishment = (PROTECT, PROTECT)
        return critical_discount_factor(game, (OPEN, OPEN), punishment, strategy, periods=periods)


# --------------------------------------------------------------------------------------------
# §2.2 Asymmetric segmentation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AsymmetricSegmentation:
    """Developed region D versus lagging region U (MODELS.md §2.2) [DER].

    Under increasing returns (Lu, Chen & Yan 2004) integration locks the lagging region into
    the low-value sector, so U prefers to protect, while D prefers integration. Each region
    chooses Integrate (I) or Protect (P); rows are D, columns U::

                   U: I            U: P
        D: I    (R_D, R_U)      (S_D, T_U)
        D: P    (T_D, S_U)      (P_D, P_U)

    Parameters
    ----------
    R_D, S_D, T_D, P_D:
        D's payoffs; D prefers integration whatever U does: ``R_D > T_D`` and ``S_D > P_D``.
    R_U, S_U, T_U, P_U:
        U's payoffs; U prefers protection whatever D does: ``T_U > R_U`` and ``P_U > S_U``.
    players:
        Names of D and U.

    Defaults: oracle S-b [ASM], ``D = [[10, 7], [8, 6]]``, ``U = [[3, 5], [2, 4]]``. The four
    orderings are checked whenever sympy can decide them. :meth:`from_matrices` builds the model
    from the two payoff matrices.

    Notes
    -----
    * Integrate is dominant for D and Protect for U, so (I, P) is the unique Nash equilibrium,
      although (I, I) has the larger joint payoff when ``R_D + R_U > S_D + T_U`` (integration is
      *efficient*).
    * A lateral transfer ``t`` from D to U, paid whenever U integrates, makes (I, I) an
      equilibrium that both prefer to (I, P) iff ``T_U - R_U <= t <= R_D - S_D``: U's temptation
      at (I, I) and its participation both give the lower bound, D's participation the upper
      (D keeps integrating, since it pays whatever it plays). The interval is non-empty iff
      integration is efficient.
    * The Nash bargaining transfer (disagreement point (I, P)) is the midpoint
      ``t_NB = (T_U - R_U + R_D - S_D)/2``.

    Oracle S-b: unique NE (I, P) with payoffs (7, 5); ``t`` in ``[2, 3]``; ``t_NB = 5/2``
    giving (15/2, 11/2).

    References
    ----------
    Lu Ming, Chen Zhao & Yan Ji (2004). 收益递增、发展战略与区域经济的分割. *经济研究* 2004(1).
    Coase, R. H. (1960). The Problem of Social Cost. *Journal of Law and Economics* 3: 1-44.
    Nash, J. F. (1950). The Bargaining Problem. *Econometrica* 18(2): 155-162.
    """

    R_D: Any = 10
    S_D: Any = 7
    T_D: Any = 8
    P_D: Any = 6
    R_U: Any = 3
    S_U: Any = 2
    T_U: Any = 5
    P_U: Any = 4
    players: tuple[str, str] = ("Developed D", "Lagging U")

    def __post_init__(self) -> None:
        for name in ("R_D", "S_D", "T_D", "P_D", "R_U", "S_U", "T_U", "P_U"):
            _check_parameter(name, getattr(self, name))
        _check_chain(
            "the developed region preferring integration",
            [("R_D", self.R_D, "T_D", self.T_D), ("S_D", self.S_D, "P_D", self.P_D)],
        )
        _check_chain(
            "the lagging region preferring protection",
            [("T_U", self.T_U, "R_U", self.R_U), ("P_U", self.P_U, "S_U", self.S_U)],
        )
        object.__setattr__(self, "players", _players(self.players, 2))

    @classmethod
    def from_matrices(
        cls, D: Sequence[Sequence[Any]], U: Sequence[Sequence[Any]], **kwargs: Any
    ) -> AsymmetricSegmentation:
        """Build from D's and U's 2x2 payoff matrices (rows D: I, P; columns U: I, P)."""
        D_arr, U_arr = np.asarray(D, dtype=object), np.asarray(U, dtype=object)
        if D_arr.shape != (2, 2) or U_arr.shape != (2, 2):
            raise ValueError(f"D and U must be 2x2 matrices, got {D_arr.shape} and {U_arr.shape}")
        return cls(
            R_D=D_arr[0, 0],
            S_D=D_arr[0, 1],
            T_D=D_arr[1, 0],
            P_D=D_arr[1, 1],
            R_U=U_arr[0, 0],
            T_U=U_arr[0, 1],
            S_U=U_arr[1, 0],
            P_U=U_arr[1, 1],
            **kwargs,
        )

    def _payoffs(self) -> tuple[Any, ...]:
        return _values(
            self.R_D, self.S_D, self.T_D, self.P_D, self.R_U, self.S_U, self.T_U, self.P_U
        )

    def game(self) -> Game:
        """The 2x2 game, actions ``("Integrate", "Protect")`` for both regions."""
        R_D, S_D, T_D, P_D, R_U, S_U, T_U, P_U = self._payoffs()
        return Game(
            [[R_D, S_D], [T_D, P_D]],
            [[R_U, T_U], [S_U, P_U]],
            players=self.players,
            actions=[[INTEGRATE, PROTECT], [INTEGRATE, PROTECT]],
            title="Asymmetric market segmentation: developed vs lagging region",
        )

    def equilibria(self) -> Equilibria:
        """All (extreme) Nash equilibria, by :func:`gametheory.equilibria`."""
        return equilibria(self.game())

    @property
    def integration_surplus(self) -> Any:
        """Joint gain of (I, I) over the equilibrium (I, P): ``R_D + R_U - S_D - T_U``."""
        R_D, S_D, _, _, R_U, _, T_U, _ = self._payoffs()
        return _tidy(R_D + R_U - S_D - T_U)

    @property
    def integration_efficient(self) -> Any:
        """``R_D + R_U > S_D + T_U`` (bool, or a sympy condition)."""
        return _decide(self.integration_surplus > 0)

    @property
    def transfer_bounds(self) -> tuple[Any, Any]:
        """Closed form ``(T_U - R_U, R_D - S_D)`` of the working lateral transfers D -> U.

        The lower bound is ``max(T_U - R_U, P_U - S_U)`` when the transfer must make Integrate
        *dominant* for U; MODELS.md §2.2 asks only that (I, I) be an equilibrium both prefer
        to (I, P), which gives ``T_U - R_U``.
        """
        R_D, S_D, _, _, R_U, _, T_U, _ = self._payoffs()
        return (_tidy(T_U - R_U), _tidy(R_D - S_D))

    @property
    def nash_bargaining_closed_form(self) -> Any:
        """``t_NB = (T_U - R_U + R_D - S_D)/2``."""
        lo, hi = self.transfer_bounds
        return _tidy((lo + hi) / 2)

    def transfer_range(self) -> TransferRange:
        """Transfers D -> U, paid whenever U integrates, that make (I, I) a self-enforcing deal.

        :func:`gametheory.bargaining.self_enforcing_transfer_range` with target (I, I), status
        quo (I, P) and ``conditional_on="payee"``: ``T_U - R_U <= t <= R_D - S_D``.
        """
        return self_enforcing_transfer_range(
            self.game(),
            (INTEGRATE, INTEGRATE),
            0,
            1,
            status_quo=(INTEGRATE, PROTECT),
            conditional_on="payee",
        )

    def nash_bargaining(self) -> NashBargainingSolution:
        """Equal-weight Nash bargaining over the move (I, P) -> (I, I) with transfers D -> U.

        :func:`gametheory.bargaining.nash_bargaining_transfer`; ``t_NB`` is the midpoint of
        :attr:`transfer_bounds`.
        """
        return nash_bargaining_transfer(
            self.game(), (INTEGRATE, INTEGRATE), (INTEGRATE, PROTECT), 0, 1
        )

    def game_with_transfer(self, t: Any) -> Game:
        """The game in which D pays ``t`` to U whenever U integrates (whatever D plays)."""
        _check_parameter("t", t)
        instrument = Transfer(payer=0, payee=1, per_action=True, target=(INTEGRATE, INTEGRATE))
        return instrument.apply(self.game(), t)


# --------------------------------------------------------------------------------------------
# §2.3 N regions with retaliation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionalRetaliation:
    """N regions choose to open or protect, with retaliation (MODELS.md §2.3) [DER].

    Region ``i`` plays ``s_i = 0`` (Open) or ``s_i = 1`` (Protect). With ``n_O`` the number of
    *other* open regions and ``n_P = N - 1 - n_O`` the number of other protecting regions,

        u_i = m n_O + s_i (r - e + kappa n_P).

    ``kappa >= 0`` is retaliation (strategic complementarity): protecting pays more the more
    the others protect.

    Parameters
    ----------
    N:
        Number of regions, an integer ``>= 2`` (a sympy integer symbol is accepted for the closed
        forms; :meth:`game` needs a number). Default 5.
    m:
        Value of access to each other open region's market (``>= 0``). Default 1.
    r, e:
        Local rent from protection and own efficiency loss (``>= 0``). Defaults 1 and 2, so
        ``r - e = -1``.
    kappa:
        Retaliation (``>= 0``). Default 1/2.

    Defaults are oracle S-c [ASM]: ``N = 5, m = 1, r - e = -1, kappa = 1/2``.

    Notes
    -----
    The gain from protecting when ``n`` others protect is ``g(n) = r - e + kappa n``.

    * ``kappa = 0`` (linear N-player prisoner's dilemma): Protect is dominant iff ``r - e > 0``;
      it is socially harmful iff ``r - e < (N - 1) m`` (all-open beats all-protect); the
      per-region Pigouvian fine is ``r - e``.
    * ``kappa > 0`` and ``r - e < 0 < r - e + kappa (N - 1)``: a coordination game with exactly
      two pure equilibria, all-open and all-protect. Protect is a best response iff
      ``n_P >= n_P* = (e - r)/kappa`` (the **tipping point**, :meth:`tipping_point`); in terms of
      open regions, opening is a best response iff ``n_O >= N - 1 - n_P*``
      (:meth:`open_tipping_point`) and pays strictly above it. Central coordination selects
      all-open at zero cost: its k-implementation cost is 0 because it is an equilibrium.
    * In general a profile with ``k`` protecting regions is a pure equilibrium iff
      ``(k = 0 or g(k - 1) >= 0)`` and ``(k = N or g(k) <= 0)``
      (:meth:`equilibrium_protect_counts`); this closed form is checked against
      :func:`gametheory.pure_equilibria` of :meth:`game`.
    * The smallest fine per protecting region that makes Open weakly dominant is
      ``max(0, r - e + kappa (N - 1))`` (:meth:`fine_threshold`).

    Oracle S-c (the defaults): the pure equilibria are exactly (0,0,0,0,0) and (1,1,1,1,1);
    ``n_P* = 2``.

    References
    ----------
    Young, A. (2000). The Razor's Edge. *Quarterly Journal of Economics* 115(4): 1091-1135.
    Bai, C.-E., Du, Y., Tao, Z. & Tong, S. (2004). *Journal of International Economics* 63(2):
    397-417.
    Monderer, D. & Tennenholtz, M. (2004). K-Implementation. *JAIR* 21: 37-62.
    """

    N: Any = 5
    m: Any = 1
    r: Any = 1
    e: Any = 2
    kappa: Any = Fraction(1, 2)

    def __post_init__(self) -> None:
        object.__setattr__(self, "N", _check_regions(self.N))
        _check_nonnegative("m", self.m, "the value of market access")
        _check_nonnegative("r", self.r, "the local rent from protection")
        _check_nonnegative("e", self.e, "the efficiency loss from protection")
        _check_nonnegative("kappa", self.kappa, "retaliation")

    def _vals(self) -> tuple[Any, ...]:
        return _values(self.N, self.m, self.r, self.e, self.kappa)

    def protect_gain(self, n_protecting_others: Any) -> Any:
        """``g(n) = r - e + kappa n``: the gain from protecting when ``n`` others protect."""
        _check_parameter("n_protecting_others", n_protecting_others)
        _, _, r, e, kappa, n = _values(
            self.N, self.m, self.r, self.e, self.kappa, n_protecting_others
        )
        return _tidy(r - e + kappa * n)

    def payoff(self, protects: bool, n_open_others: Any) -> Any:
        """``u_i = m n_O + s_i (r - e + kappa (N - 1 - n_O))``."""
        _check_parameter("n_open_others", n_open_others)
        if isinstance(self.N, int) and not (
            isinstance(n_open_others, numbers.Integral) and 0 <= n_open_others <= self.N - 1
        ):
            raise ValueError(
                f"n_open_others must be an integer from 0 to N - 1 = {self.N - 1}, "
                f"got {n_open_others!r}"
            )
        N, m, r, e, kappa, n_open = _values(
            self.N, self.m, self.r, self.e, self.kappa, n_open_others
        )
        s = 1 if protects else 0
        return _tidy(m * n_open + s * (r - e + kappa * (N - 1 - n_open)))

    def tipping_point(self) -> Any:
        """``n_P* = (e - r)/kappa``: Protect is a best response iff ``n_P >= n_P*``.

        Raises ValueError when ``kappa = 0`` (no tipping: the sign of ``r - e`` decides).
        """
        _N, _m, r, e, kappa = self._vals()
        if (sympy.sympify(kappa) == 0) is True:
            raise ValueError(
                "kappa = 0: there is no tipping point, protection is dominant iff r - e > 0"
            )
        return _tidy((e - r) / kappa)

    def open_tipping_point(self) -> Any:
        """``n_O* = N - 1 - (e - r)/kappa``: opening is a best response iff ``n_O >= n_O*``.

        Opening strictly pays when more than ``n_O*`` other regions are open.
        """
        N, _, r, e, kappa = self._vals()
        self.tipping_point()  # rejects kappa = 0
        return _tidy(N - 1 - (e - r) / kappa)

    def is_coordination_game(self) -> Any:
        """``r - e < 0 < r - e + kappa (N - 1)``: all-open and all-protect are both equilibria."""
        N, _m, r, e, kappa = self._vals()
        return _decide(sympy.And(r - e < 0, r - e + kappa * (N - 1) > 0))

    def protection_harmful(self) -> Any:
        """All-protect pays each region less than all-open: ``r - e + kappa (N-1) < (N-1) m``."""
        N, m, r, e, kappa = self._vals()
        return _decide(sympy.sympify(r - e + kappa * (N - 1)) < sympy.sympify((N - 1) * m))

    def welfare(self, k_protecting: Any) -> Any:
        """Total payoff of all regions when ``k`` regions protect (closed form).

        ``W(k) = (N - k)(N - k - 1) m + k (N - k) m + k (r - e + kappa (k - 1))``: each open
        region gets ``m`` from the other ``N - k - 1`` open ones, each protecting region
        ``m (N - k) + g(k - 1)``.
        """
        _check_parameter("k_protecting", k_protecting)
        N, m, r, e, kappa, k = _values(self.N, self.m, self.r, self.e, self.kappa, k_protecting)
        return _tidy((N - k) * (N - k - 1) * m + k * ((N - k) * m + r - e + kappa * (k - 1)))

    def fine_threshold(self) -> Any:
        """Fine per protecting region making Open weakly dominant: ``max(0, g(N - 1))``."""
        N, _m, r, e, kappa = self._vals()
        worst = r - e + kappa * (N - 1)
        if isinstance(worst, sympy.Basic):
            return _tidy(sympy.Max(0, worst))
        return max(worst - worst, worst)

    def coordination_cost(self) -> Any:
        """k-implementation cost of all-open, ``N max(0, r - e)`` (0 when all-open is a NE)."""
        N, _m, r, e, _kappa = self._vals()
        net = r - e
        if isinstance(net, sympy.Basic):
            return _tidy(N * sympy.Max(0, net))
        return N * max(net - net, net)

    def _numeric_N(self, what: str) -> int:
        if not isinstance(self.N, int):
            raise ValueError(f"{what} needs a numeric number of regions N, got {self.N}")
        return self.N

    def equilibrium_protect_counts(self) -> tuple[int, ...]:
        """The numbers ``k`` of protecting regions at which profiles are pure equilibria.

        Closed form: every profile with ``k`` protecting regions is an equilibrium iff the
        protectors do not want to open, ``k = 0 or g(k - 1) >= 0``, and the open regions do not
        want to protect, ``k = N or g(k) <= 0``. Needs numeric parameters.
        """
        N = self._numeric_N("equilibrium_protect_counts")
        out = []
        for k in range(N + 1):
            protectors_stay = k == 0 or self._sign(self.protect_gain(k - 1)) >= 0
            openers_stay = k == N or self._sign(self.protect_gain(k)) <= 0
            if protectors_stay and openers_stay:
                out.append(k)
        return tuple(out)

    @staticmethod
    def _sign(value: Any) -> int:
        if isinstance(value, sympy.Basic):
            if not value.is_number:
                raise ValueError(f"the sign of {value} depends on the parameters")
            value = Fraction(int(value.p), int(value.q)) if value.is_Rational else float(value)
        return int(value > 0) - int(value < 0)

    def equilibrium_profiles(self) -> tuple[tuple[int, ...], ...]:
        """All pure equilibria as 0/1 profiles (1 = Protect), from the closed form, sorted."""
        N = self._numeric_N("equilibrium_profiles")
        out = []
        for k in self.equilibrium_protect_counts():
            for protectors in itertools.combinations(range(N), k):
                out.append(tuple(1 if i in protectors else 0 for i in range(N)))
        return tuple(sorted(out))

    def game(self) -> Game:
        """The N-player normal form (actions ``("Open", "Protect")``), for ``2**N`` manageable.

        Regions are named ``"Region 1"`` ... ``"Region N"``.
        """
        N = self._numeric_N("game()")
        if 2**N > MAX_GAME_PROFILES:
            raise ValueError(
                f"N = {N} regions give 2**{N} profiles (more than {MAX_GAME_PROFILES}); use the "
                "closed forms (equilibrium_protect_counts, tipping_point) instead"
            )
        _, m, r, e, kappa = self._vals()
        arrays = [np.empty((2,) * N, dtype=object) for _ in range(N)]
        for profile in itertools.product((0, 1), repeat=N):
            n_protect = sum(profile)
            for i in range(N):
                n_p = n_protect - profile[i]
                n_o = N - 1 - n_p
                arrays[i][profile] = m * n_o + profile[i] * (r - e + kappa * n_p)
        return Game.from_arrays(
            *arrays,
            players=[f"Region {i + 1}" for i in range(N)],
            actions=[[OPEN, PROTECT]] * N,
            title=f"Market segmentation with retaliation: {N} regions",
        )

    def equilibria(self) -> Equilibria:
        """All pure equilibria of :meth:`game`, by :func:`gametheory.pure_equilibria`."""
        return pure_equilibria(self.game())

    def minimal_fine(self, detection: Any = 1) -> InterventionResult:
        """Smallest fine per protecting region making Open weakly dominant (solver).

        :func:`gametheory.interventions.minimal_intervention` with
        ``Penalty(per_action=True, detection=pi)`` on :meth:`game`; closed form
        :meth:`fine_threshold` ``/ pi``.
        """
        _check_probability("detection", detection, "the detection probability", positive=True)
        N = self._numeric_N("minimal_fine")
        return minimal_intervention(
            self.game(),
            (OPEN,) * N,
            Penalty(per_action=True, detection=detection),
            concept="weakly_dominant",
        )

    def k_implementation(self) -> KImplementation:
        """k-implementation cost of all-open (solver); closed form :meth:`coordination_cost`."""
        N = self._numeric_N("k_implementation")
        return k_implementation_cost(self.game(), (OPEN,) * N)


# --------------------------------------------------------------------------------------------
# §6.3 Pigouvian correction
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PigouvianSpillover:
    """N regions choose a harmful activity level; the Pigouvian tax (MODELS.md §6.3) [DER].

    Region ``i`` chooses the level ``e_i`` of a polluting or protectionist activity. Its private
    benefit is ``a e_i - e_i^2/2`` and each unit, by any region, harms *every* region (itself
    included) by ``d``. With a tax ``tau`` per unit,

        u_i(e) = a e_i - e_i^2/2 - d sum_j e_j - tau e_i.

    Parameters
    ----------
    a:
        Marginal private benefit at zero activity (``>= 0``). Default 10.
    d:
        Damage per unit to each region (``>= 0``). Default 1.
    N:
        Number of regions, an integer ``>= 2`` (or a sympy integer symbol). Default 4.

    Defaults: oracle P-a [ASM].

    Notes
    -----
    Levels are real numbers, as in MODELS.md (``e_i`` is measured from a baseline, so a negative
    level is abatement below it). Region ``i``'s best response does not depend on the others
    (the activity is dominant-strategy): ``a - e_i - d - tau = 0``.

    * Nash: ``e^N = a - d``.
    * Optimum (maximising ``sum_i u_i``, tax revenue returned): ``e^S = a - N d``.
    * Pigouvian tax (the marginal damage to the *other* regions): ``tau = (N - 1) d`` makes
      ``e^S`` each region's dominant choice. If levels are restricted to ``e >= 0`` the levels
      become ``max(0, .)`` and the same ``tau`` still implements the optimum.
    * Per-region welfare at a symmetric level ``x`` (before taxes, or with the tax revenue
      rebated): ``W(x) = a x - x^2/2 - N d x``; ``W(e^N) = (a - d)(a + d - 2 N d)/2``,
      ``W(e^S) = (a - N d)^2/2``, gain ``((N - 1) d)^2/2``.
    * With an upstream-downstream (unidirectional) spillover the tax is the marginal damage
      downstream only, which is the logic of the eco-compensation case of MODELS.md §5.

    Oracle P-a (the defaults ``a = 10, d = 1, N = 4``): ``e^N = 9``, ``e^S = 6``, ``tau = 3``;
    per-region welfare ``27/2 -> 18``.

    References
    ----------
    Pigou, A. C. (1920). *The Economics of Welfare*. Macmillan.
    Baumol, W. J. (1972). On taxation and the control of externalities. *American Economic
    Review* 62(3): 307-322.
    """

    a: Any = 10
    d: Any = 1
    N: Any = 4

    def __post_init__(self) -> None:
        _check_nonnegative("a", self.a, "the marginal private benefit")
        _check_nonnegative("d", self.d, "the damage per unit")
        object.__setattr__(self, "N", _check_regions(self.N))

    def _vals(self) -> tuple[Any, ...]:
        return _values(self.a, self.d, self.N)

    @property
    def nash_level(self) -> Any:
        """``e^N = a - d``."""
        a, d, _N = self._vals()
        return _tidy(a - d)

    @property
    def social_level(self) -> Any:
        """``e^S = a - N d``."""
        a, d, N = self._vals()
        return _tidy(a - N * d)

    @property
    def pigouvian_tax(self) -> Any:
        """``tau = (N - 1) d``."""
        _a, d, N = self._vals()
        return _tidy((N - 1) * d)

    def level_with_tax(self, tax: Any) -> Any:
        """Each region's (dominant) level under a unit tax: ``a - d - tax``."""
        _check_parameter("tax", tax)
        a, d, _N, t = _values(self.a, self.d, self.N, tax)
        return _tidy(a - d - t)

    def welfare(self, level: Any) -> Any:
        """Per-region welfare at the symmetric level ``x``: ``a x - x^2/2 - N d x``."""
        _check_parameter("level", level)
        a, d, N, x = _values(self.a, self.d, self.N, level)
        return _tidy(a * x - x * x / 2 - N * d * x)

    @property
    def nash_welfare(self) -> Any:
        """``W(e^N) = (a - d)(a + d - 2 N d)/2``."""
        return self.welfare(self.nash_level)

    @property
    def social_welfare(self) -> Any:
        """``W(e^S) = (a - N d)^2/2``."""
        return self.welfare(self.social_level)

    @property
    def welfare_gain(self) -> Any:
        """``W(e^S) - W(e^N) = ((N - 1) d)^2/2`` per region."""
        return _tidy(self.social_welfare - self.nash_welfare)

    def payoff(self, levels: Sequence[Any], tax: Any = 0) -> tuple[Any, ...]:
        """Every region's payoff ``a e_i - e_i^2/2 - d sum_j e_j - tax e_i`` at ``levels``."""
        N = self._numeric_N("payoff")
        if len(levels) != N:
            raise ValueError(f"levels must give one level per region ({N}), got {len(levels)}")
        for k, x in enumerate(levels):
            _check_parameter(f"levels[{k}]", x)
        _check_parameter("tax", tax)
        a, d, _, t, *xs = _values(self.a, self.d, self.N, tax, *levels)
        total = sum(xs[1:], start=xs[0])
        return tuple(_tidy(a * x - x * x / 2 - d * total - t * x) for x in xs)

    def _numeric_N(self, what: str) -> int:
        if not isinstance(self.N, int):
            raise ValueError(f"{what} needs a numeric number of regions N, got {self.N}")
        return self.N

    def game(self, levels: Sequence[Any] | None = None, tax: Any = 0) -> Game:
        """The discretised N-player normal form on a finite grid of ``levels``.

        Default grid: the integers from ``min(0, e^S)`` to ``max(a, e^N)`` (numeric parameters
        only). ``len(levels) ** N`` must not exceed :data:`MAX_GAME_PROFILES`. On a grid that
        contains ``a - d - tax`` that level is every region's strictly dominant action.
        """
        N = self._numeric_N("game()")
        if levels is None:
            bounds = [self.social_level, self.nash_level, self.a, 0]
            for v in bounds:
                _require_number(v, "the default grid")
            lo = math.floor(min(float(v) for v in bounds))
            hi = math.ceil(max(float(v) for v in bounds))
            levels = list(range(lo, hi + 1))
        levels = list(levels)
        if not levels:
            raise ValueError("levels must not be empty")
        for k, x in enumerate(levels):
            _check_parameter(f"levels[{k}]", x)
        if len(set(levels)) != len(levels):
            raise ValueError(f"levels must be distinct, got {levels!r}")
        size = len(levels) ** N
        if size > MAX_GAME_PROFILES:
            raise ValueError(
                f"{len(levels)} levels and N = {N} regions give {size} profiles (more than "
                f"{MAX_GAME_PROFILES}); use a coarser grid"
            )
        _check_parameter("tax", tax)
        a, d, _, t, *xs = _values(self.a, self.d, self.N, tax, *levels)
        own = [a * x - x * x / 2 - t * x for x in xs]
        arrays = [np.empty((len(xs),) * N, dtype=object) for _ in range(N)]
        for profile in itertools.product(range(len(xs)), repeat=N):
            damage = d * sum((xs[k] for k in profile), start=xs[0] - xs[0])
            for i in range(N):
                arrays[i][profile] = own[profile[i]] - damage
        labels = [str(x) for x in levels]
        return Game.from_arrays(
            *arrays,
            players=[f"Region {i + 1}" for i in range(N)],
            actions=[labels] * N,
            title=f"Spillover game: {N} regions, a = {self.a}, d = {self.d}, tax = {tax}",
        )
