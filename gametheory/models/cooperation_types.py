"""The three types of regional cooperation and the intervention that unlocks each (MODELS.md §4).

Chen, Wang & Sun (2019) classify inter-local cooperation in the Yangtze River Delta by how its
costs and benefits fall on the partners: **sharing** (共享型, win-win with equal gains),
**profit-and-loss** (损益型, win-lose: one side gains, the other loses) and **comparative benefit**
(比较利益型, both gain but unequally). MODELS.md §4 formalises each as a canonical two-city game
[DER] whose obstacle, and hence whose cure, differs:

* :class:`SharingCooperation` — obstacle: coordination (an assurance game). Unlocked by a
  central guarantee that reimburses a lone cooperator's cost ``t_c``: cooperating becomes weakly
  dominant at zero cost on the path.
* :class:`ProfitAndLossCooperation` — obstacle: the loser refuses. Unlocked by a Coasean lateral
  transfer ``-g_B + c_B <= t <= g_A - c_A``; :class:`TaxRevenueSharing` is the variant with a
  share ``L_B/R <= s <= 1 - C_A/R`` of a relocated firm's tax.
* :class:`ComparativeBenefitCooperation` — obstacle: relative evaluation (B joins iff
  ``lam <= g_B/g_A``). Unlocked by an equalising transfer or a weight ``mu*`` on joint
  performance.

The design choice is one frozen dataclass per type (each type has its own parameters and its own
game), plus :func:`classify`, which maps gains (and transaction costs) to a type with
:func:`gametheory.bargaining.cooperation_type`. The models contain no solver code: equilibria
come from :func:`gametheory.equilibria.equilibria`, risk dominance from
:func:`gametheory.properties.risk_dominant`, thresholds from :func:`gametheory.symbolic.threshold`,
k-implementation costs from :func:`gametheory.interventions.k_implementation_cost`, and the
transfer ranges from :mod:`gametheory.bargaining`.

Oracles (MODELS.md §4.4): K-a ``B_s = 6, t_c = 2``: equilibria (C,C), (N,N) and the mixed one with
Pr(C) = 1/3; (C,C) risk-dominant. K-b ``g = (10, -4), c = (1, 1)``: ``t in [5, 9]``, ``t_NB = 7``,
each nets 2. K-c ``R = 10, L_B = 3, C_A = 2``: ``s in [3/10, 4/5]``, ``s_NB = 11/20``. K-d
``g = (9, 3)``: at λ = 1 B refuses, ``t = 3`` exactly, ``mu* = 1/2``; at λ = 1/2 ``t in [1, 5]``,
``mu* = 1/8``; B joins without intervention iff λ <= 1/3.

References
----------
Chen Wen, Wang Jue & Sun Wei 陈雯, 王珏, 孙伟 (2019). 基于成本—收益的长三角地方政府的
区域合作行为机制案例分析 (Cost-efficiency mechanism and game-action of inter-local
governmental cooperation in the Yangtze River Delta Region). *地理学报 Acta Geographica
Sinica* 74(2): 312-322.
Coase, R. H. (1960). The Problem of Social Cost. *Journal of Law and Economics* 3: 1-44.
Nash, J. F. (1950). The Bargaining Problem. *Econometrica* 18(2): 155-162.
Harsanyi, J. C. & Selten, R. (1988). *A General Theory of Equilibrium Selection in Games*. MIT
Press (risk dominance).
Monderer, D. & Tennenholtz, M. (2004). K-Implementation. *Journal of Artificial Intelligence
Research* 21: 37-62.
Zhou Li-An 周黎安 (2004). 晋升博弈中政府官员的激励与合作. *经济研究* 2004(6) (relative evaluation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..bargaining import (
    BargainingRange,
    CooperationKind,
    CooperationType,
    NashBargainingSolution,
    Remedy,
    coasean_transfer_range,
    cooperation_type,
    joint_performance_weight,
    nash_bargaining_share,
    relative_evaluation_transfer_range,
    revenue_share_range,
)
from ..equilibria import Equilibria, equilibria, pure_equilibria
from ..game import Game
from ..interventions import KImplementation, Subsidy, Transfer, k_implementation_cost
from ..properties import dominant_action, risk_dominant
from ..symbolic import equilibrium_conditions, threshold
from .protectionism import (
    _check_parameter,
    _decide,
    _fails,
    _players,
    _tidy,
    _values,
)

__all__ = [
    "ComparativeBenefitCooperation",
    "ProfitAndLossCooperation",
    "SharingCooperation",
    "TaxRevenueSharing",
    "Unlocking",
    "classify",
]

COOPERATE, NOT = "Cooperate", "Not"
_ACTIONS = [[COOPERATE, NOT], [COOPERATE, NOT]]


def _check_order(what: str, pairs: Sequence[tuple[str, Any, str, Any]]) -> None:
    """Require ``left > right`` for each pair whenever sympy can decide it."""
    for n1, v1, n2, v2 in pairs:
        _check_parameter(n1, v1)
        _check_parameter(n2, v2)
        if _fails(sympy.sympify(v1) > sympy.sympify(v2)):
            raise ValueError(f"{what} needs {n1} > {n2}, but {n1} = {v1} and {n2} = {v2}")


def _check_nonneg(name: str, value: Any, meaning: str) -> None:
    _check_parameter(name, value)
    if _fails(sympy.sympify(value) >= 0):
        raise ValueError(f"{name} = {value} must be non-negative ({meaning})")


def _check_unit(name: str, value: Any, meaning: str) -> None:
    """``0 <= value <= 1`` whenever sympy can decide it."""
    _check_parameter(name, value)
    v = sympy.sympify(value)
    if _fails(v >= 0) or _fails(v <= 1):
        raise ValueError(f"{name} = {value} must lie in [0, 1] ({meaning})")


def _is_symbolic(*values: Any) -> bool:
    return any(isinstance(v, sympy.Basic) and not v.is_number for v in values)


@dataclass(frozen=True)
class Unlocking:
    """The intervention that unlocks a cooperation type (a summary of the model's results).

    ``kind`` and ``remedy`` are the :class:`~gametheory.bargaining.CooperationKind` and
    :class:`~gametheory.bargaining.Remedy`; ``instrument`` names the intervention; ``level`` is
    its key number (the guarantee ``t_c``, the Nash bargaining transfer, the joint-evaluation
    weight ``mu*``); ``lower``/``upper`` the feasible range of the instrument when it has one;
    ``cost_on_path`` what the centre pays when the partners cooperate (lateral transfers cost
    the centre nothing); ``game`` the game after the intervention; ``description`` one sentence.
    """

    kind: CooperationKind
    remedy: Remedy
    instrument: str
    level: Any
    lower: Any
    upper: Any
    cost_on_path: Any
    game: Game
    description: str


# --------------------------------------------------------------------------------------------
# §4.1 Sharing type: assurance game
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SharingCooperation:
    """Sharing-type cooperation (共享型, win-win, equal gains) as an assurance game (§4.1) [DER].

    Each city gains ``B_s`` when both commit; whoever commits pays the set-up / transaction cost
    ``t_c``, also when the partner does not show up::

                     Cooperate            Not
        Cooperate  (B_s-t_c, B_s-t_c)   (-t_c, 0)
        Not        (0, -t_c)            (0, 0)

    Parameters
    ----------
    B_s:
        Each city's gain from joint cooperation, ``B_s > t_c``. Default 6 [ASM, oracle K-a].
    t_c:
        Transaction cost borne by whoever commits, ``t_c > 0``. Default 2 [ASM, oracle K-a].
    players:
        Names of the two cities.

    Parameters may be numbers or sympy expressions.

    Notes
    -----
    * Equilibria: (C,C), (N,N) and the mixed equilibrium with ``Pr(C) = q* = t_c / B_s``
      (:meth:`mixed_probability`; :meth:`equilibria` solves the game).
    * (C,C) is risk-dominant (Harsanyi & Selten 1988) iff ``(B_s - t_c)^2 > t_c^2``, i.e.
      ``B_s > 2 t_c`` (:meth:`risk_dominance_condition`; :meth:`risk_dominant` uses
      :func:`gametheory.properties.risk_dominant`).
    * **Intervention** (:meth:`unlock`): a central guarantee reimbursing a lone cooperator's
      cost. With a guarantee ``G`` paid at (C,N) to the row city and at (N,C) to the column
      city, Cooperate is a best response to everything iff ``G >= t_c``
      (:meth:`minimal_guarantee`, from :func:`gametheory.symbolic.threshold`). Nothing is paid on
      the path (C,C): its k-implementation cost is 0 because (C,C) is already an equilibrium
      (Monderer & Tennenholtz 2004; :meth:`k_implementation`). Joint conferences that lower
      ``t_c`` lower ``q*``.

    Oracle K-a (defaults): ``A = [[4, -2], [0, 0]]``; equilibria (C,C), (N,N) and
    ``((1/3, 2/3), (1/3, 2/3))``; (C,C) risk-dominant since 6 > 4.

    References
    ----------
    Chen, Wang & Sun (2019), *Acta Geographica Sinica* 74(2): 312-322. Harsanyi & Selten (1988).
    Monderer & Tennenholtz (2004), *JAIR* 21: 37-62.

    Examples
    --------
    >>> from gametheory.models.cooperation_types import SharingCooperation
    >>> model = SharingCooperation()
    >>> model.mixed_probability(), model.minimal_guarantee(), model.k_implementation().cost
    (Fraction(1, 3), Fraction(2, 1), Fraction(0, 1))
    """

    B_s: Any = 6
    t_c: Any = 2
    players: tuple[str, str] = ("City A", "City B")

    def __post_init__(self) -> None:
        _check_order(
            "sharing-type cooperation",
            [("B_s", self.B_s, "t_c", self.t_c), ("t_c", self.t_c, "0", 0)],
        )
        object.__setattr__(self, "players", _players(self.players, 2))

    def _vals(self) -> tuple[Any, Any]:
        return _values(self.B_s, self.t_c)

    def game(self) -> Game:
        """The assurance game ``A = [[B_s - t_c, -t_c], [0, 0]]``, ``B = A^T``."""
        B, t = self._vals()
        zero = B - B
        return Game(
            [[B - t, -t], [zero, zero]],
            [[B - t, zero], [-t, zero]],
            players=self.players,
            actions=_ACTIONS,
            title="Sharing-type cooperation: assurance game",
        )

    def equilibria(self) -> Equilibria:
        """All equilibria of :meth:`game` (:func:`gametheory.equilibria`; numeric parameters)."""
        return equilibria(self.game())

    def mixed_probability(self) -> Any:
        """``q* = t_c / B_s``: the probability of cooperating in the mixed equilibrium."""
        B, t = self._vals()
        return _tidy(t / B)

    def risk_dominance_condition(self) -> Any:
        """``B_s > 2 t_c``: (C,C) risk-dominates (N,N) (bool, or a sympy condition)."""
        B, t = self._vals()
        return _decide(sympy.sympify(B - 2 * t) > 0) if _is_symbolic(B, t) else B > 2 * t

    def risk_dominant(self) -> tuple[str, str] | None:
        """The risk-dominant equilibrium by :func:`gametheory.properties.risk_dominant` (labels).

        None when neither risk-dominates (``B_s = 2 t_c``). Numeric parameters only.
        """
        game = self.game()
        found = risk_dominant(game)
        if found is None:
            return None
        return tuple(game.actions[i][a] for i, a in enumerate(found))  # type: ignore[return-value]

    def guarantee_game(self, level: Any = None) -> Game:
        """:meth:`game` with a central guarantee ``level`` (default ``t_c``) to a lone cooperator.

        Built with :class:`gametheory.interventions.Subsidy`: the row city receives ``level`` at
        (C,N), the column city at (N,C); nothing is paid at (C,C) or (N,N).
        """
        if level is None:
            level = self.t_c
        _check_nonneg("level", level, "a guarantee is a payment by the centre")
        game = self.game()
        game = Subsidy(recipients=[0], profiles=[(COOPERATE, NOT)]).apply(game, level)
        return Subsidy(recipients=[1], profiles=[(NOT, COOPERATE)]).apply(game, level)

    def minimal_guarantee(self) -> Any:
        """The smallest guarantee making Cooperate a best response to everything: ``t_c``.

        Solved with :func:`gametheory.symbolic.equilibrium_conditions` (``concept="dominant"``,
        weak inequalities) on :meth:`guarantee_game` with a symbolic level ``G`` and
        :func:`gametheory.symbolic.threshold` for ``G`` (the constraints that do not involve
        ``G``, ``B_s - t_c >= 0``, hold by assumption).
        """
        G = sympy.Symbol("G", nonnegative=True)
        condition = equilibrium_conditions(
            self.guarantee_game(G), (COOPERATE, COOPERATE), concept="dominant", strict=False
        )
        parts = condition.args if isinstance(condition, sympy.And) else (condition,)
        involved = [p for p in parts if G in getattr(p, "free_symbols", ())]
        bound = threshold(sympy.And(*involved), G).lower
        return _exact(bound, self._vals())

    def k_implementation(self) -> KImplementation:
        """k-implementation cost of (C,C) (Monderer & Tennenholtz 2004): 0, it is an equilibrium."""
        return k_implementation_cost(self.game(), (COOPERATE, COOPERATE))

    def unlock(self) -> Unlocking:
        """The central guarantee at ``t_c``: Cooperate weakly dominant, zero cost on path."""
        level = self.minimal_guarantee()
        game = self.guarantee_game(level)
        if not _is_symbolic(*self._vals()):
            for i in range(2):
                if dominant_action(game, i, strict=False) != 0:  # pragma: no cover - closed form
                    raise RuntimeError("internal error: the guarantee does not make C dominant")
        cost = k_implementation_cost(self.game(), (COOPERATE, COOPERATE)).cost
        return Unlocking(
            kind=CooperationKind.SHARING,
            remedy=Remedy.COORDINATION,
            instrument="central guarantee to a lone cooperator",
            level=level,
            lower=level,
            upper=None,
            cost_on_path=cost,
            game=game,
            description=(
                "the centre promises to reimburse the set-up cost t_c of a city that commits "
                "alone; Cooperate becomes weakly dominant and nothing is paid on the path (C,C)"
            ),
        )


def _exact(value: Any, params: Sequence[Any]) -> Any:
    """A sympy result back in the parameters' arithmetic (Fraction for exact, float for floats)."""
    value = sympy.simplify(value)
    if _is_symbolic(*params) or any(isinstance(p, sympy.Basic) for p in params):
        return value
    if any(isinstance(p, float) for p in params):
        return float(value)
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return value


# --------------------------------------------------------------------------------------------
# §4.2 Profit-and-loss type: Coasean transfer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfitAndLossCooperation:
    """Profit-and-loss cooperation (损益型, win-lose) and its Coasean transfer (§4.2) [DER].

    Cooperation gives city A the gain ``g_A > 0`` and city B ``g_B < 0`` (e.g. the upstream city
    pays abatement, the downstream city gains), at transaction costs ``c_A, c_B`` borne by whoever
    commits. The two-city game::

                     Cooperate                Not
        Cooperate  (g_A-c_A, g_B-c_B)      (-c_A, 0)
        Not        (0, -c_B)               (0, 0)

    B's Not is strictly dominant, so (N,N) is the unique equilibrium although cooperation is
    efficient iff ``g_A + g_B > c_A + c_B`` (:meth:`efficient`).

    Parameters
    ----------
    g_A, g_B:
        Gains of the winner A (``> 0``) and the loser B (``< 0``). Defaults 10 and -4 [ASM,
        oracle K-b].
    c_A, c_B:
        Transaction costs (``>= 0``). Defaults 1 and 1.
    players:
        Names of the two cities.

    Notes
    -----
    A lateral transfer ``t`` (A -> B) paid when both cooperate makes both accept iff

        -g_B + c_B <= t <= g_A - c_A            (:meth:`transfer_range`)

    and the Nash bargaining transfer is ``t_NB = (g_A - g_B - c_A + c_B)/2``, which gives both
    the same net gain ``(g_A + g_B - c_A - c_B)/2`` (:meth:`nash_bargaining`). Both come from
    :func:`gametheory.bargaining.coasean_transfer_range`; the range coincides with
    :func:`gametheory.bargaining.self_enforcing_transfer_range` on :meth:`game` with the status
    quo (N,N) (checked in the tests). With a transfer in the range (C,C) becomes an equilibrium
    (:meth:`transfer_game`); (N,N) remains one, as in an assurance game.

    Oracle K-b (defaults): ``t in [5, 9]``, ``t_NB = 7``, each nets 2.

    References
    ----------
    Coase (1960), *J. Law & Economics* 3: 1-44. Nash (1950), *Econometrica* 18(2): 155-162.
    Chen, Wang & Sun (2019).

    Examples
    --------
    >>> from gametheory.models.cooperation_types import ProfitAndLossCooperation
    >>> r = ProfitAndLossCooperation().transfer_range()
    >>> r.lower, r.upper, r.midpoint
    (Fraction(5, 1), Fraction(9, 1), Fraction(7, 1))
    """

    g_A: Any = 10
    g_B: Any = -4
    c_A: Any = 1
    c_B: Any = 1
    players: tuple[str, str] = ("City A", "City B")

    def __post_init__(self) -> None:
        _check_order(
            "profit-and-loss cooperation",
            [("g_A", self.g_A, "0", 0), ("0", 0, "g_B", self.g_B)],
        )
        _check_nonneg("c_A", self.c_A, "a transaction cost")
        _check_nonneg("c_B", self.c_B, "a transaction cost")
        object.__setattr__(self, "players", _players(self.players, 2))

    def _vals(self) -> tuple[Any, ...]:
        return _values(self.g_A, self.g_B, self.c_A, self.c_B)

    def game(self) -> Game:
        """The two-city game above (actions Cooperate / Not)."""
        gA, gB, cA, cB = self._vals()
        zero = gA - gA
        return Game(
            [[gA - cA, -cA], [zero, zero]],
            [[gB - cB, zero], [-cB, zero]],
            players=self.players,
            actions=_ACTIONS,
            title="Profit-and-loss cooperation",
        )

    def efficient(self) -> Any:
        """``g_A + g_B > c_A + c_B`` (bool, or a sympy condition)."""
        gA, gB, cA, cB = self._vals()
        return (
            _decide(sympy.sympify(gA + gB - cA - cB) > 0)
            if _is_symbolic(gA, gB, cA, cB)
            else (gA + gB > cA + cB)
        )

    def equilibria(self) -> Equilibria:
        """All equilibria of :meth:`game` (numeric parameters)."""
        return equilibria(self.game())

    def transfer_range(self) -> BargainingRange:
        """``-g_B + c_B <= t <= g_A - c_A`` (:func:`gametheory.bargaining.coasean_transfer_range`).

        Oracle K-b: ``[5, 9]``, midpoint (Nash bargaining) 7.
        """
        return coasean_transfer_range(self.g_A, self.g_B, self.c_A, self.c_B)

    def nash_bargaining(self, weights: Sequence[Any] | None = None) -> NashBargainingSolution:
        """The (generalised) Nash bargaining transfer; equal weights: ``(g_A-g_B-c_A+c_B)/2``."""
        return self.transfer_range().nash_bargaining(weights)

    def transfer_game(self, t: Any) -> Game:
        """:meth:`game` with the lateral transfer ``t`` (A -> B) paid at (C,C).

        Built with :class:`gametheory.interventions.Transfer`.
        """
        _check_parameter("t", t)
        return Transfer(payer=0, payee=1).apply(self.game(), t, (COOPERATE, COOPERATE))

    def unlock(self) -> Unlocking:
        """The Nash bargaining transfer in the Coasean range (no central money)."""
        rng = self.transfer_range()
        nbs = rng.nash_bargaining()
        return Unlocking(
            kind=CooperationKind.PROFIT_AND_LOSS,
            remedy=Remedy.LATERAL_TRANSFER,
            instrument="lateral transfer A -> B (Nash bargaining)",
            level=nbs.transfer,
            lower=rng.lower,
            upper=rng.upper,
            cost_on_path=nbs.transfer - nbs.transfer,
            game=self.transfer_game(nbs.transfer),
            description=(
                "the winner compensates the loser with a lateral transfer in the Coasean range; "
                "the Nash bargaining transfer splits the net surplus equally"
            ),
        )


@dataclass(frozen=True)
class TaxRevenueSharing:
    """Tax-revenue sharing for a relocated firm or enclave park (飞地经济), MODELS.md §4.2, §9.3.

    The host city A collects the tax ``R > 0`` and bears the cost ``C_A >= 0``; the origin city
    B loses the tax base ``L_B >= 0`` and receives the share ``s`` of ``R``. Net gains
    ``(1 - s) R - C_A`` (host) and ``s R - L_B`` (origin). Both agree iff

        L_B / R <= s <= 1 - C_A / R,   non-empty iff R >= L_B + C_A     (:meth:`share_range`)

    and the Nash bargaining share is ``s_NB = (R + L_B - C_A)/(2R)`` (:meth:`nash_share`). Both
    from :mod:`gametheory.bargaining`. The agreement is a profit-and-loss cooperation with the
    share as the transfer: :meth:`as_profit_and_loss` gives the equivalent
    :class:`ProfitAndLossCooperation` with ``g_A = R - C_A``, ``g_B = -L_B`` whose transfer
    range is ``R`` times the share range.

    Oracle K-c (defaults ``R = 10, L_B = 3, C_A = 2``): ``s in [3/10, 4/5]``, ``s_NB = 11/20``.

    Examples
    --------
    >>> from gametheory.models.cooperation_types import TaxRevenueSharing
    >>> TaxRevenueSharing().nash_share().transfer
    Fraction(11, 20)
    """

    R: Any = 10
    L_B: Any = 3
    C_A: Any = 2

    def __post_init__(self) -> None:
        _check_order("tax-revenue sharing", [("R", self.R, "0", 0)])
        _check_nonneg("L_B", self.L_B, "the origin city's lost tax base")
        _check_nonneg("C_A", self.C_A, "the host city's cost")

    def share_range(self) -> BargainingRange:
        """``[L_B / R, 1 - C_A / R]`` by :func:`gametheory.bargaining.revenue_share_range`."""
        return revenue_share_range(self.R, self.C_A, self.L_B)

    def nash_share(self, weights: Sequence[Any] | None = None) -> NashBargainingSolution:
        """``s_NB = (R + L_B - C_A)/(2R)`` (:func:`gametheory.bargaining.nash_bargaining_share`)."""
        return nash_bargaining_share(self.R, self.C_A, self.L_B, weights)

    def net_gains(self, share: Any) -> tuple[Any, Any]:
        """``((1 - s) R - C_A, s R - L_B)`` for a share ``s`` in [0, 1]."""
        _check_unit("share", share, "a share of the tax revenue")
        R, L, C, s = _values(self.R, self.L_B, self.C_A, share)
        return _tidy((1 - s) * R - C), _tidy(s * R - L)

    def as_profit_and_loss(self) -> ProfitAndLossCooperation:
        """The equivalent profit-and-loss cooperation ``g_A = R - C_A, g_B = -L_B``, no costs.

        Needs ``L_B > 0`` and ``R > C_A`` (a strict loser and a strict winner).
        """
        R, L, C = _values(self.R, self.L_B, self.C_A)
        return ProfitAndLossCooperation(g_A=_tidy(R - C), g_B=_tidy(-L), c_A=0, c_B=0)


# --------------------------------------------------------------------------------------------
# §4.3 Comparative-benefit type: relative evaluation blocks it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparativeBenefitCooperation:
    """Comparative-benefit cooperation (比较利益型: both gain, unequally) (§4.3) [DER].

    Cooperation gives both cities a gain, ``g_A > g_B > 0``, but their officials are evaluated
    relative to each other (Zhou 2004): official i values ``u_i = g_i - lam g_j``, where
    ``lam`` in [0, 1] is the relative-evaluation weight. The officials' game (actions
    Cooperate / Not; the project needs both)::

                     Cooperate                          Not
        Cooperate  (g_A - lam g_B, g_B - lam g_A)     (0, 0)
        Not        (0, 0)                             (0, 0)

    Parameters
    ----------
    g_A, g_B:
        Gains of the larger and the smaller gainer, ``g_A > g_B > 0``. Defaults 9 and 3 [ASM,
        oracle K-d].
    lam:
        Relative-evaluation weight in [0, 1] (``lam = 1``: pure relative evaluation). Default 1.
    players:
        Names of the two cities.

    Notes
    -----
    * B joins iff ``lam <= g_B / g_A`` (:meth:`b_joins`, :meth:`critical_weight`); under pure
      relative evaluation (``lam = 1``) B never joins. (C,C) is then an equilibrium of
      :meth:`game` (checked in the tests with :func:`gametheory.is_equilibrium`).
    * **Fix by transfer** (A -> B), counted in both measured performances:

          (lam g_A - g_B)/(1 + lam) <= t <= (g_A - lam g_B)/(1 + lam)

      (:meth:`transfer_range`, :func:`gametheory.bargaining.relative_evaluation_transfer_range`);
      at ``lam = 1`` it collapses to ``t = (g_A - g_B)/2``, full equalisation.
    * **Fix by evaluation** (:meth:`joint_weight`): with a joint (agglomeration) term,
      ``S_i = g_i - lam g_j + mu (g_i + g_j)``, B joins iff
      ``mu >= mu* = (lam g_A - g_B)/(g_A + g_B)``
      (:func:`gametheory.bargaining.joint_performance_weight`, clipped at 0);
      :meth:`joint_evaluation_game` is the officials' game under these scores.

    Oracle K-d (``g = (9, 3)``): ``lam = 1``: B refuses, ``t = 3`` exactly, ``mu* = 1/2``;
    ``lam = 1/2``: ``t in [1, 5]``, ``mu* = 1/8``; B joins without intervention iff
    ``lam <= 1/3``.

    References
    ----------
    Chen, Wang & Sun (2019). Zhou Li-An (2004), *经济研究* 2004(6). Chen, Ye, Li, H. & Zhou, L.-A.
    (2005). Relative performance evaluation and the turnover of provincial leaders in China.
    *Economics Letters* 88(3): 421-425.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from gametheory.models.cooperation_types import ComparativeBenefitCooperation
    >>> model = ComparativeBenefitCooperation(lam=Fraction(1, 2))
    >>> r = model.transfer_range()
    >>> r.lower, r.upper, model.joint_weight()
    (Fraction(1, 1), Fraction(5, 1), Fraction(1, 8))
    """

    g_A: Any = 9
    g_B: Any = 3
    lam: Any = 1
    players: tuple[str, str] = ("City A", "City B")

    def __post_init__(self) -> None:
        _check_order(
            "comparative-benefit cooperation",
            [("g_A", self.g_A, "g_B", self.g_B), ("g_B", self.g_B, "0", 0)],
        )
        _check_unit("lam", self.lam, "the relative-evaluation weight")
        object.__setattr__(self, "players", _players(self.players, 2))

    def _vals(self) -> tuple[Any, Any, Any]:
        return _values(self.g_A, self.g_B, self.lam)

    def official_utilities(self, t: Any = 0) -> tuple[Any, Any]:
        """``(g_A - t - lam (g_B + t), g_B + t - lam (g_A - t))`` after a transfer ``t``, A -> B."""
        _check_parameter("t", t)
        gA, gB, lam, t = _values(self.g_A, self.g_B, self.lam, t)
        return _tidy(gA - t - lam * (gB + t)), _tidy(gB + t - lam * (gA - t))

    def game(self) -> Game:
        """The officials' game under relative evaluation (see the class docstring)."""
        return self.joint_evaluation_game(0)

    def joint_evaluation_game(self, mu: Any) -> Game:
        """The officials' game with the scores ``S_i = g_i - lam g_j + mu (g_i + g_j)`` at (C,C)."""
        _check_nonneg("mu", mu, "the weight on joint performance")
        gA, gB, lam, mu = _values(self.g_A, self.g_B, self.lam, mu)
        zero = gA - gA
        sA = _tidy(gA - lam * gB + mu * (gA + gB))
        sB = _tidy(gB - lam * gA + mu * (gA + gB))
        return Game(
            [[sA, zero], [zero, zero]],
            [[sB, zero], [zero, zero]],
            players=self.players,
            actions=_ACTIONS,
            title="Comparative-benefit cooperation under relative evaluation",
        )

    def critical_weight(self) -> Any:
        """``g_B / g_A``: B joins iff ``lam`` is at most this."""
        gA, gB, _ = self._vals()
        return _tidy(gB / gA)

    def b_joins(self) -> Any:
        """``lam <= g_B / g_A`` (bool, or a sympy condition)."""
        gA, gB, lam = self._vals()
        if _is_symbolic(gA, gB, lam):
            return _decide(sympy.sympify(gB - lam * gA) >= 0)
        return gB - lam * gA >= 0

    def pure_equilibria(self) -> Equilibria:
        """Pure equilibria of :meth:`game` (:func:`gametheory.pure_equilibria`)."""
        return pure_equilibria(self.game())

    def transfer_range(self) -> BargainingRange:
        """The equalising transfer range (A -> B) of §4.3 (``rate = 1 + lam``)."""
        return relative_evaluation_transfer_range(self.g_A, self.g_B, self.lam)

    def joint_weight(self) -> Any:
        """``mu* = max(0, (lam g_A - g_B)/(g_A + g_B))``, the minimal joint-evaluation weight."""
        return joint_performance_weight(self.g_A, self.g_B, self.lam)

    def unlock(self, instrument: str = "evaluation") -> Unlocking:
        """The evaluation reform (``instrument="evaluation"``: weight ``mu*`` on joint
        performance) or the equalising transfer (``"transfer"``: its Nash bargaining value)."""
        if instrument == "evaluation":
            mu = self.joint_weight()
            return Unlocking(
                kind=CooperationKind.COMPARATIVE_BENEFIT,
                remedy=Remedy.EVALUATION_REFORM,
                instrument="weight mu on joint (agglomeration) performance",
                level=mu,
                lower=mu,
                upper=None,
                cost_on_path=mu - mu,
                game=self.joint_evaluation_game(mu),
                description=(
                    "adding the joint gain to both officials' scores with weight mu >= mu* "
                    "makes the smaller gainer join"
                ),
            )
        if instrument == "transfer":
            rng = self.transfer_range()
            t = rng.midpoint
            uA, uB = self.official_utilities(t)
            zero = uA - uA
            game = Game(
                [[uA, zero], [zero, zero]],
                [[uB, zero], [zero, zero]],
                players=self.players,
                actions=_ACTIONS,
                title="Comparative-benefit cooperation with an equalising transfer",
            )
            return Unlocking(
                kind=CooperationKind.COMPARATIVE_BENEFIT,
                remedy=Remedy.LATERAL_TRANSFER,
                instrument="equalising lateral transfer A -> B",
                level=t,
                lower=rng.lower,
                upper=rng.upper,
                cost_on_path=t - t,
                game=game,
                description=(
                    "a transfer from the larger to the smaller gainer, counted in both "
                    "measured performances, makes both officials' relative scores non-negative"
                ),
            )
        raise ValueError(f"instrument must be 'evaluation' or 'transfer', got {instrument!r}")


# --------------------------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------------------------


def classify(
    gains: Sequence[Any], costs: Sequence[Any] | None = None, *, tol: float = 1e-9
) -> CooperationType:
    """The cooperation type of a project from its gains (and transaction costs), MODELS.md §4.

    Delegates to :func:`gametheory.bargaining.cooperation_type`: with net gains
    ``g_i - c_i`` and surplus ``S``, ``no_gain`` if ``S <= 0``; ``sharing`` if all net gains are
    equal and positive; ``profit_and_loss`` if some net gain is negative; else
    ``comparative_benefit``. The result's ``remedy`` names the intervention that unlocks it
    (coordination / lateral transfer / evaluation reform), i.e. :class:`SharingCooperation`,
    :class:`ProfitAndLossCooperation` and :class:`ComparativeBenefitCooperation`.

    >>> classify([6, 6], [2, 2]).kind.value, classify([10, -4], [1, 1]).kind.value
    ('sharing', 'profit_and_loss')
    >>> classify([9, 3]).remedy.value
    'evaluation_reform'
    """
    return cooperation_type(list(gains), costs=None if costs is None else list(costs), tol=tol)
