"""The central-led urban agglomeration: a common fiscal fund and the agglomeration's surplus.

The essay's Fig. 2 ("Cooperation model of the new regional government urban agglomeration")
puts the centre above an agglomeration council of cities, with market and NGOs around them, and
proposes a common fiscal fund, tax-revenue sharing and lateral transfers. MODELS.md §9.2-9.3 and
§6.4-6.6 turn these into two models [DER]:

* :class:`UrbanAgglomeration` — N cities decide whether to pay ``g`` into a common fund; each
  yuan in the fund returns ``alpha`` to *every* city (a linear public good) and the centre
  matches contributions at the rate ``m``:

      u_i = -g 1{i contributes} + alpha_i (1 + m) g k,        k = number of contributors.

  Without a clause contributing is dominant iff ``alpha (1 + m) >= 1``: the minimal matching is
  ``m* = 1/alpha - 1``. Two unanimity clauses turn the public-goods game into a coordination
  game:

  - ``clause="all_or_nothing"`` (MODELS.md §9.2): the fund, matching included, is refunded
    unless all N cities contribute. Full contribution is an equilibrium iff
    ``N alpha (1 + m) >= 1``: with ``N alpha >= 1`` no central money is needed;
  - ``clause="conditional_matching"``: contributions are always spent, but the centre's match
    is paid only if every city contributes. Full contribution is an equilibrium iff
    ``N alpha (1 + m) - 1 >= alpha (N - 1)``, i.e. ``m >= (1 - alpha)/(N alpha)``, ``1/N`` of
    the unconditional rate.

  ``game()`` is the N-player normal form (pure equilibria by
  :func:`gametheory.pure_equilibria`), ``cooperative_game()`` the TU game of what each coalition
  of cities can secure (the max-min value of the normal form,
  :meth:`gametheory.cooperative.CooperativeGame.from_normal_form`).
* :class:`AgglomerationSurplus` — the TU game of the agglomeration's surplus given by its
  coalition values (MODELS.md §6.6 oracles C-a, C-b): Shapley value, nucleolus, least core and
  the cost of stability (the minimal central top-up that makes the grand coalition stable,
  Bachrach et al. 2009), and the lateral transfers that implement an allocation.

Tax-revenue sharing for relocated firms (§9.3) is
:class:`gametheory.models.cooperation_types.TaxRevenueSharing`. The market and the NGOs of the
essay's Fig. 2 are not players here; MODELS.md §10 maps them to monitoring and reputation
(§6.2, §7).

Oracles. F-c (§9.2): ``N = 4, alpha = 2/5``: ``m* = 3/2``; with contributions ``w`` the fund is
``10 w``, the social gain ``6 w`` (net of the centre's outlay) and the centre pays ``6 w``.
C-a (§6.6): ``v(i) = 0, v(pair) = 8, v(N) = 9``: core empty, cost of stability 3 with the
stable allocation (4, 4, 4), least-core ``epsilon = 2``, Shapley = nucleolus = (3, 3, 3).
C-b: ``v(1) = 2, v(2) = v(3) = 0, v(12) = v(13) = 6, v(23) = 1, v(123) = 10``: Shapley
(17/3, 13/6, 13/6), nucleolus (6, 2, 2), cost of stability 0 (the core is non-empty).

References
----------
Isaac, R. M. & Walker, J. M. (1988). Group size effects in public goods provision: the voluntary
contributions mechanism. *Quarterly Journal of Economics* 103(1): 179-199 (the marginal
per-capita return).
Bagnoli, M. & Lipman, B. L. (1989). Provision of public goods: fully implementing the core
through private contributions. *Review of Economic Studies* 56(4): 583-601 (refund / provision-
point clauses).
Bachrach, Y., Elkind, E., Meir, R., Pasechnik, D., Zuckerman, M., Rothe, J. & Rosenschein, J. S.
(2009). The cost of stability in coalitional games. *SAGT 2009*, LNCS 5814: 122-134.
Shapley, L. S. (1953). A value for n-person games. *Contributions to the Theory of Games II*:
307-317.
Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM Journal on Applied
Mathematics* 17(6): 1163-1170.
Monderer, D. & Tennenholtz, M. (2004). K-Implementation. *JAIR* 21: 37-62.
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..cooperative import CooperativeGame
from ..equilibria import Equilibria, pure_equilibria
from ..game import Game
from ..interventions import (
    InterventionResult,
    KImplementation,
    Subsidy,
    k_implementation_cost,
    minimal_intervention,
)
from ..symbolic import threshold
from .protectionism import (
    _check_parameter,
    _check_regions,
    _decide,
    _fails,
    _tidy,
    _values,
)

__all__ = [
    "CLAUSES",
    "MAX_CITIES",
    "AgglomerationSurplus",
    "UrbanAgglomeration",
]

#: Unanimity clauses of :class:`UrbanAgglomeration`.
CLAUSES = ("none", "all_or_nothing", "conditional_matching")

#: Largest number of cities for :meth:`UrbanAgglomeration.game` (``2**N`` profiles).
MAX_CITIES = 12

CONTRIBUTE, KEEP = "Contribute", "Keep"


def _is_symbolic(*values: Any) -> bool:
    return any(isinstance(v, sympy.Basic) for v in values)


def _check_positive(name: str, value: Any, meaning: str) -> None:
    _check_parameter(name, value)
    if _fails(sympy.sympify(value) > 0):
        raise ValueError(f"{name} = {value} must be positive ({meaning})")


def _check_nonnegative(name: str, value: Any, meaning: str) -> None:
    _check_parameter(name, value)
    if _fails(sympy.sympify(value) >= 0):
        raise ValueError(f"{name} = {value} must be non-negative ({meaning})")


def _back(value: Any, params: Sequence[Any]) -> Any:
    """A sympy number back in the parameters' arithmetic (Fraction for exact, float for floats)."""
    value = sympy.simplify(value)
    if _is_symbolic(*params):
        return value
    if any(isinstance(p, float) for p in params):
        return float(value)
    return Fraction(int(value.p), int(value.q))


def _max(values: Sequence[Any]) -> Any:
    if _is_symbolic(*values):
        return sympy.simplify(sympy.Max(*values))
    return max(values)


@dataclass(frozen=True)
class UrbanAgglomeration:
    """N cities and a common fiscal fund with central matching (MODELS.md §9.2) [DER].

    Each city either contributes ``g`` to the fund (action ``"Contribute"``) or keeps it
    (``"Keep"``). Every yuan in the fund returns ``alpha_i`` to city ``i`` (its marginal
    per-capita return) and the centre adds ``m`` yuan per yuan contributed. With ``k``
    contributors, payoffs net of the endowment (MODELS.md writes ``u_i = w_i - g_i + alpha
    (1 + m) sum_j g_j``; the endowment ``w_i`` is a constant and is dropped) are

    * ``clause="none"``: ``u_i = -g c_i + alpha_i (1 + m) g k``;
    * ``clause="all_or_nothing"``: the same if ``k = N``, else everything is refunded,
      ``u_i = 0``;
    * ``clause="conditional_matching"``: ``u_i = -g c_i + alpha_i g k (1 + m 1{k = N})``

    (``c_i = 1`` if city ``i`` contributes).

    Parameters
    ----------
    N:
        Number of cities, an integer ``>= 2`` (a sympy integer symbol is accepted by the closed
        forms; :meth:`game` needs ``N <= MAX_CITIES``). Default 4 [ASM, oracle F-c].
    alpha:
        Marginal per-capita return, ``> 0``: one number, or one per city (heterogeneous cities,
        numeric ``N``). Default 2/5 [ASM, oracle F-c].
    matching:
        Central matching rate ``m >= 0``. Default 0.
    contribution:
        Each city's contribution ``g > 0`` (``w`` in oracle F-c). Default 1.
    clause:
        ``"none"``, ``"all_or_nothing"`` or ``"conditional_matching"``.

    Notes
    -----
    The gain from contributing is linear, so the thresholds are closed forms, computed here
    with :func:`gametheory.symbolic.threshold` on the incentive condition of city ``i`` and
    checked in the tests against the equilibria of :meth:`game`:

    * none (contributing is then dominant): ``alpha_i (1 + m) >= 1``, minimal matching
      ``1/alpha_i - 1``;
    * all_or_nothing: ``N alpha_i (1 + m) >= 1``, minimal matching ``1/(N alpha_i) - 1``;
    * conditional_matching: ``N alpha_i (1 + m) - 1 >= alpha_i (N - 1)``, minimal matching
      ``(1 - alpha_i)/(N alpha_i)``

    (:meth:`minimal_matching`, clipped at 0; the uniform rate is the maximum over cities,
    :meth:`city_matching` gives each city's). Efficiency needs ``sum_i alpha_i > 1``
    (``N alpha > 1``): the social gain per yuan in the fund, net of the centre's outlay, is
    ``sum_i alpha_i - 1`` (:meth:`social_gain`).

    Equilibrium structure (:meth:`equilibrium_contributor_counts`, checked against
    :func:`gametheory.pure_equilibria`): without a clause the game is an N-player prisoner's
    dilemma for ``alpha (1 + m) < 1 < N alpha (1+m)``. With ``"conditional_matching"`` and
    ``alpha < 1`` it is a stag hunt: nobody and (above the threshold) everybody contributing are
    the only pure equilibria. With ``"all_or_nothing"`` Contribute is *weakly* dominant once
    ``N alpha (1 + m) >= 1`` (any profile other than full contribution pays 0), so full
    contribution is the only equilibrium in undominated strategies, while every profile with at
    most ``N - 2`` contributors remains a (weak) equilibrium: an assurance contract in the sense
    of Bagnoli & Lipman (1989).

    Money on the path of full contribution: the fund is ``N g (1 + m)`` (:meth:`fund`), the
    centre pays ``m N g`` (:meth:`central_cost`), the cities gain
    ``sum_i alpha_i N g (1 + m) - N g`` (:meth:`cities_gain`).

    Oracle F-c (defaults with ``matching=3/2`` and ``contribution=w``): ``m* = 3/2``, fund
    ``10 w``, social gain ``6 w``, central outlay ``6 w``.

    References
    ----------
    Isaac & Walker (1988), *QJE* 103(1): 179-199. Bagnoli & Lipman (1989), *Rev. Econ. Stud.*
    56(4): 583-601. MODELS.md §9.2.

    Examples
    --------
    >>> from gametheory.models.agglomeration import UrbanAgglomeration
    >>> UrbanAgglomeration().minimal_matching()
    Fraction(3, 2)
    >>> UrbanAgglomeration(clause="all_or_nothing").minimal_matching()
    Fraction(0, 1)
    >>> UrbanAgglomeration(clause="conditional_matching").minimal_matching()
    Fraction(3, 8)
    """

    N: Any = 4
    alpha: Any = Fraction(2, 5)
    matching: Any = 0
    contribution: Any = 1
    clause: str = "none"

    def __post_init__(self) -> None:
        object.__setattr__(self, "N", _check_regions(self.N))
        if isinstance(self.alpha, str | bytes) or not isinstance(
            self.alpha, numbers.Real | sympy.Basic | Sequence | np.ndarray
        ):
            raise TypeError(
                f"alpha must be a number or a sequence of N numbers, got {self.alpha!r}"
            )
        if isinstance(self.alpha, Sequence | np.ndarray):
            alphas = tuple(self.alpha)
            if not isinstance(self.N, int):
                raise ValueError("heterogeneous alpha (one per city) needs a numeric N")
            if len(alphas) != self.N:
                raise ValueError(
                    f"alpha has {len(alphas)} values but there are N = {self.N} cities"
                )
            for i, a in enumerate(alphas):
                _check_positive(f"alpha[{i}]", a, "the marginal per-capita return")
            object.__setattr__(self, "alpha", alphas)
        else:
            _check_positive("alpha", self.alpha, "the marginal per-capita return")
        _check_nonnegative("matching", self.matching, "the central matching rate")
        _check_positive("contribution", self.contribution, "the contribution to the fund")
        if self.clause not in CLAUSES:
            raise ValueError(f"clause must be one of {list(CLAUSES)}, got {self.clause!r}")

    # ---- parameters -----------------------------------------------------------------------

    @property
    def heterogeneous(self) -> bool:
        """Whether ``alpha`` is given per city."""
        return isinstance(self.alpha, tuple)

    def _params(self) -> tuple[Any, ...]:
        raw = self.alpha if self.heterogeneous else (self.alpha,)
        return (self.N, self.matching, self.contribution, *raw)

    def _vals(self) -> tuple[Any, Any, Any, tuple[Any, ...]]:
        """``(N, m, g, alphas)`` in a common arithmetic (``alphas`` has one entry if uniform)."""
        v = _values(*self._params())
        return v[0], v[1], v[2], tuple(v[3:])

    def alphas(self) -> tuple[Any, ...]:
        """``alpha_i`` per city (numeric ``N``)."""
        _, _, _, a = self._vals()
        if not isinstance(self.N, int):
            raise ValueError("alphas() needs a numeric N")
        return a if self.heterogeneous else a * self.N

    def _sum_alpha(self) -> Any:
        N, _, _, a = self._vals()
        return _tidy(sum(a[1:], a[0])) if self.heterogeneous else _tidy(N * a[0])

    # ---- thresholds -----------------------------------------------------------------------

    @staticmethod
    def _gain_condition(N: Any, alpha: Any, m: Any, clause: str) -> Any:
        """City i's gain from contributing at full contribution (divided by ``g > 0``) ``>= 0``."""
        if clause == "none":
            return alpha * (1 + m) - 1 >= 0
        if clause == "all_or_nothing":
            return N * alpha * (1 + m) - 1 >= 0
        return N * alpha * (1 + m) - 1 - alpha * (N - 1) >= 0

    def city_matching(self, clause: str | None = None) -> tuple[Any, ...]:
        """Each city's minimal matching rate ``m_i*`` under ``clause`` (default: the model's).

        Solved for ``m`` by :func:`gametheory.symbolic.threshold` on the incentive condition
        (with ``N`` and ``alpha_i`` as positive symbols, then substituted) and clipped at 0:
        ``1/alpha_i - 1`` (none), ``1/(N alpha_i) - 1`` (all_or_nothing),
        ``(1 - alpha_i)/(N alpha_i)`` (conditional_matching).
        """
        clause = self._clause(clause)
        N, _, _, alphas = self._vals()
        m = sympy.Dummy("m", nonnegative=True)
        n_sym, a_sym = sympy.Dummy("N", positive=True), sympy.Dummy("alpha", positive=True)
        bound = threshold(self._gain_condition(n_sym, a_sym, m, clause), m).lower
        out = []
        for a in alphas:
            value = sympy.Max(0, bound.subs({n_sym: sympy.sympify(N), a_sym: sympy.sympify(a)}))
            out.append(_back(value, self._params()))
        if not self.heterogeneous and isinstance(self.N, int):
            return tuple(out) * self.N
        return tuple(out)

    def minimal_matching(self, clause: str | None = None) -> Any:
        """The smallest uniform matching rate making full contribution an equilibrium.

        The maximum of :meth:`city_matching`; for ``clause="none"`` contributing is then a
        (weakly) dominant action. Oracle F-c: ``N = 4, alpha = 2/5`` gives 3/2 (none), 0
        (all_or_nothing) and 3/8 (conditional_matching).
        """
        return _max(self.city_matching(clause))

    def _clause(self, clause: str | None) -> str:
        clause = self.clause if clause is None else clause
        if clause not in CLAUSES:
            raise ValueError(f"clause must be one of {list(CLAUSES)}, got {clause!r}")
        return clause

    def full_contribution_is_equilibrium(self, clause: str | None = None) -> Any:
        """Whether full contribution is a Nash equilibrium (bool, or a sympy condition)."""
        clause = self._clause(clause)
        N, m, _, alphas = self._vals()
        conditions = [self._gain_condition(N, a, m, clause) for a in alphas]
        if _is_symbolic(*self._params()):
            return _decide(sympy.And(*conditions))
        return all(bool(c) for c in conditions)

    def is_efficient(self) -> Any:
        """``sum_i alpha_i > 1``: full contribution beats none, net of the centre's outlay."""
        total = self._sum_alpha()
        return _decide(sympy.sympify(total) > 1) if _is_symbolic(total) else total > 1

    # ---- money on the path of full contribution ------------------------------------------

    def fund(self) -> Any:
        """``N g (1 + m)``: the fund at full contribution, matching included."""
        N, m, g, _ = self._vals()
        return _tidy(N * g * (1 + m))

    def central_cost(self) -> Any:
        """``m N g``: what the centre pays at full contribution."""
        N, m, g, _ = self._vals()
        return _tidy(m * N * g)

    def cities_gain(self) -> Any:
        """``sum_i alpha_i N g (1 + m) - N g``: the cities' total gain at full contribution."""
        N, _, g, _ = self._vals()
        return _tidy(self._sum_alpha() * self.fund() - N * g)

    def social_gain(self) -> Any:
        """``(sum_i alpha_i - 1) N g (1 + m)``: the cities' gain net of the centre's outlay."""
        return _tidy((self._sum_alpha() - 1) * self.fund())

    # ---- the normal form ------------------------------------------------------------------

    def payoff(self, city: int, profile: Sequence[int]) -> Any:
        """``u_i`` at a 0/1 profile (1 = contribute) under the model's clause (numeric ``N``)."""
        N = self._numeric_N("payoff")
        profile = tuple(profile)
        if len(profile) != N or any(c not in (0, 1) for c in profile):
            raise ValueError(f"profile must be {N} entries 0 or 1 (1 = contribute), got {profile}")
        if not (isinstance(city, numbers.Integral) and 0 <= city < N):
            raise ValueError(f"city must be an index from 0 to {N - 1}, got {city!r}")
        _, m, g, _ = self._vals()
        a = self.alphas()[city]
        k = sum(profile)
        own = profile[city]
        if self.clause == "all_or_nothing":
            value = (a * (1 + m) * g * k - g * own) if k == N else g - g
        elif self.clause == "conditional_matching":
            value = a * g * k * (1 + (m if k == N else 0)) - g * own
        else:
            value = a * (1 + m) * g * k - g * own
        return _tidy(value)

    def _numeric_N(self, what: str) -> int:
        if not isinstance(self.N, int):
            raise ValueError(f"{what} needs a numeric number of cities N, got {self.N}")
        return self.N

    def game(self) -> Game:
        """The N-player normal form, actions ``("Contribute", "Keep")`` (``N <= MAX_CITIES``).

        Cities are named ``"City 1"`` ... ``"City N"``. Parameters may be symbolic.
        """
        N = self._numeric_N("game()")
        if N > MAX_CITIES:
            raise ValueError(
                f"N = {N} cities give 2**{N} profiles; game() supports N <= {MAX_CITIES}, use "
                "the closed forms (minimal_matching, equilibrium_contributor_counts) instead"
            )
        arrays = [np.empty((2,) * N, dtype=object) for _ in range(N)]
        for index in itertools.product((0, 1), repeat=N):
            contributes = tuple(1 - a for a in index)  # action 0 = Contribute
            for i in range(N):
                arrays[i][index] = self.payoff(i, contributes)
        return Game.from_arrays(
            *arrays,
            players=[f"City {i + 1}" for i in range(N)],
            actions=[[CONTRIBUTE, KEEP]] * N,
            title=f"Common fiscal fund: {N} cities, clause {self.clause}",
        )

    def equilibria(self) -> Equilibria:
        """All pure equilibria of :meth:`game` (:func:`gametheory.pure_equilibria`)."""
        return pure_equilibria(self.game())

    def equilibrium_contributor_counts(self) -> tuple[int, ...]:
        """Numbers ``k`` of contributors at which *every* profile is a pure equilibrium.

        Closed form (homogeneous ``alpha``, numeric parameters), with ``a = alpha``:

        * none: ``(N,)`` if ``a (1+m) > 1``, ``(0,)`` if ``< 1``, all ``k`` if ``= 1``;
        * all_or_nothing: ``0..N-2`` plus ``N`` if ``N a (1+m) >= 1``, plus ``N - 1`` if
          ``N a (1+m) <= 1``;
        * conditional_matching: a contributor at ``k < N`` keeps contributing iff ``a >= 1``; a
          non-contributor at ``k < N - 1`` joins iff ``a >= 1``, at ``k = N - 1`` iff
          ``N a (1 + m) - 1 >= a (N - 1)``; at ``k = N`` nobody leaves iff that holds too.
        """
        N = self._numeric_N("equilibrium_contributor_counts")
        if self.heterogeneous or _is_symbolic(*self._params()):
            raise ValueError("the closed form needs a uniform, numeric alpha")
        counts = []
        for k in range(N + 1):
            stay = k == 0 or self.payoff(0, (1,) * k + (0,) * (N - k)) >= self.payoff(
                0, (0,) + (1,) * (k - 1) + (0,) * (N - k)
            )
            join = k == N or self.payoff(N - 1, (1,) * k + (0,) * (N - k)) >= self.payoff(
                N - 1, (1,) * k + (0,) * (N - k - 1) + (1,)
            )
            if stay and join:
                counts.append(k)
        return tuple(counts)

    def k_implementation(self) -> KImplementation:
        """k-implementation cost of full contribution (Monderer & Tennenholtz 2004).

        The sum of the cities' regrets at full contribution: 0 when it is an equilibrium, else
        ``N g (1 - alpha (1 + m))`` without a clause.
        """
        N = self._numeric_N("k_implementation")
        return k_implementation_cost(self.game(), (CONTRIBUTE,) * N)

    def contributor_subsidy(self) -> InterventionResult:
        """The alternative to matching: the smallest subsidy per contributor (paid by the centre
        to each city that contributes) that makes Contribute weakly dominant.

        :func:`gametheory.interventions.minimal_intervention` with
        ``Subsidy(per_action=True)``; without a clause and without matching it is
        ``g (1 - alpha)`` per city, ``N g (1 - alpha)`` on the path, against the matching
        outlay ``m* N g = N g (1 - alpha)/alpha``: matching costs ``1/alpha`` times more,
        because a contributor keeps only ``alpha`` of the matched money.
        """
        N = self._numeric_N("contributor_subsidy")
        return minimal_intervention(
            self.game(), (CONTRIBUTE,) * N, Subsidy(per_action=True), concept="weakly_dominant"
        )

    # ---- TU game --------------------------------------------------------------------------

    def coalition_value(self, coalition: Sequence[int]) -> Any:
        """What a coalition ``S`` of cities can secure (closed form): its members contribute iff
        that pays, the others keep their money (they cannot hurt ``S`` any more):

        * none: ``max(0, (sum_{i in S} alpha_i) (1 + m) g |S| - g |S|)``;
        * all_or_nothing: the same for ``S = N``, else 0;
        * conditional_matching: the same with ``m`` only for ``S = N``.
        """
        N = self._numeric_N("coalition_value")
        members = sorted(set(coalition))
        if not members or any(
            not (isinstance(i, numbers.Integral) and 0 <= i < N) for i in members
        ):
            raise ValueError(f"coalition must be a non-empty set of city indices 0..{N - 1}")
        _, m, g, _ = self._vals()
        a = self.alphas()
        size = len(members)
        total_alpha = sum((a[i] for i in members[1:]), a[members[0]])
        if size < N and self.clause == "all_or_nothing":
            return g - g
        rate = (1 + m) if (size == N or self.clause == "none") else 1 + m - m
        value = total_alpha * rate * g * size - g * size
        return _max([g - g, _tidy(value)])

    def cooperative_game(self) -> CooperativeGame:
        """The TU game of the agglomeration: ``v(S)`` = the pure max-min total payoff of ``S``
        in :meth:`game` (:meth:`CooperativeGame.from_normal_form`, ``kind="alpha_pure"``).

        Equals :meth:`coalition_value` (checked in the tests). Numeric ``N <= MAX_CITIES``.
        """
        return CooperativeGame.from_normal_form(self.game(), kind="alpha_pure")

    def surplus(self) -> AgglomerationSurplus:
        """:meth:`cooperative_game` as an :class:`AgglomerationSurplus`, with each city's own
        payoff at full contribution as what accrues to it before lateral transfers."""
        game = self.cooperative_game()
        N = self._numeric_N("surplus")
        full = (1,) * N
        accrued = tuple(self.payoff(i, full) for i in range(N))
        return AgglomerationSurplus(game.values(), players=game.players, accrued=accrued)


# --------------------------------------------------------------------------------------------
# The agglomeration's surplus as a TU game (MODELS.md §6.4-6.6, §9.3)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, init=False)
class AgglomerationSurplus:
    """The surplus of a city agglomeration as a TU game (MODELS.md §6.4-6.6, §9.3).

    ``v(S)`` is what the cities in ``S`` gain by cooperating among themselves. The questions of
    §9.3 are how to divide ``v(N)`` and how much the centre must add to keep every sub-group in:

    * Shapley value: ``phi_i = sum_{S not containing i} |S|!(n-|S|-1)!/n! [v(S+i) - v(S)]``,
      average marginal contribution (Shapley 1953);
    * nucleolus: lexicographically minimises the largest complaint ``v(S) - x(S)``
      (Schmeidler 1969), by sequential exact LPs;
    * least core: the smallest ``epsilon`` with ``x(S) >= v(S) - epsilon`` for every proper
      coalition (``epsilon > 0``: the core is empty; C-a has ``epsilon = 2``);
    * cost of stability: ``CoS = max(0, min{ x(N) : x(S) >= v(S) for all S } - v(N))``, the
      minimal central top-up that makes the grand coalition stable (Bachrach et al. 2009); the
      core is non-empty iff ``CoS = 0`` (Bondareva-Shapley);
    * lateral transfers (:meth:`lateral_transfers`): with ``accrued_i`` what city ``i`` gets
      from the joint project before any transfer (``sum = v(N)``), the transfers implementing an
      allocation ``x`` are ``x_i - accrued_i``; they sum to the central top-up ``x(N) - v(N)``.

    All computations are delegated to :class:`gametheory.cooperative.CooperativeGame` (exact
    for rational values).

    Parameters
    ----------
    values:
        Mapping from coalitions (tuples of indices or names) to values, as for
        :class:`~gametheory.cooperative.CooperativeGame`, or a ``CooperativeGame``.
    players:
        City names (default ``"City 1"``, ...).
    accrued:
        Optional: what accrues to each city at the grand coalition before transfers (must sum
        to ``v(N)``).

    Oracles (§6.6): :meth:`symmetric` ``(3, pair=8, grand=9)`` is C-a; :meth:`core_periphery`
    with its defaults is C-b.

    Examples
    --------
    >>> from gametheory.models.agglomeration import AgglomerationSurplus
    >>> ca = AgglomerationSurplus.symmetric(3, {2: 8, 3: 9})
    >>> ca.cost_of_stability(), ca.stable_allocation()
    (Fraction(3, 1), (Fraction(4, 1), Fraction(4, 1), Fraction(4, 1)))
    >>> ca.shapley_value() == ca.nucleolus() == (3, 3, 3)
    True
    """

    game: CooperativeGame
    accrued: tuple[Any, ...] | None

    def __init__(
        self,
        values: Mapping[Any, Any] | CooperativeGame,
        players: Sequence[str] | None = None,
        accrued: Sequence[Any] | None = None,
    ) -> None:
        if isinstance(values, CooperativeGame):
            game = values
            if players is not None:
                raise ValueError("players are taken from the CooperativeGame; do not pass them")
        elif isinstance(values, Mapping):
            n = max((i for key in values for i in _indices(key)), default=-1) + 1
            if n == 0 and players is None:
                raise ValueError("coalitions given by name need players=[...] (the city names)")
            names = (
                tuple(players) if players is not None else tuple(f"City {i + 1}" for i in range(n))
            )
            game = CooperativeGame(values, players=names)
        else:
            raise TypeError(
                f"values must be a mapping of coalition values or a CooperativeGame, got "
                f"{type(values).__name__}"
            )
        if game.n_players < 2:
            raise ValueError(f"an agglomeration needs at least 2 cities, got {game.n_players}")
        object.__setattr__(self, "game", game)
        if accrued is not None:
            accrued = tuple(accrued)
            if len(accrued) != game.n_players:
                raise ValueError(
                    f"accrued has {len(accrued)} entries but there are {game.n_players} cities"
                )
            for i, a in enumerate(accrued):
                _check_parameter(f"accrued[{i}]", a)
            grand = game.value(tuple(range(game.n_players)))
            total = sum(accrued[1:], accrued[0])
            diff = sympy.simplify(sympy.sympify(total) - sympy.sympify(grand))
            if diff.is_number and abs(float(diff)) > 1e-9:
                raise ValueError(f"accrued must sum to v(N) = {grand}, got {total}")
        object.__setattr__(self, "accrued", accrued)

    # ---- constructors ---------------------------------------------------------------------

    @classmethod
    def symmetric(
        cls, n: int, values_by_size: Mapping[int, Any], players: Sequence[str] | None = None
    ) -> AgglomerationSurplus:
        """A symmetric agglomeration: ``v(S)`` depends only on ``|S|`` (missing sizes are 0).

        ``symmetric(3, {2: 8, 3: 9})`` is oracle C-a.
        """
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 2:
            raise ValueError(f"the number of cities n must be an integer >= 2, got {n!r}")
        for size in values_by_size:
            if not (isinstance(size, numbers.Integral) and 1 <= size <= n):
                raise ValueError(f"coalition sizes must be integers 1..{n}, got {size!r}")
        values = {
            S: values_by_size.get(len(S), 0)
            for size in range(1, n + 1)
            for S in itertools.combinations(range(n), size)
        }
        return cls(values, players=players)

    @classmethod
    def core_periphery(
        cls,
        core: Any = 2,
        periphery: Any = 0,
        core_pair: Any = 6,
        periphery_pair: Any = 1,
        grand: Any = 10,
        players: Sequence[str] = ("Core city", "Periphery 1", "Periphery 2"),
    ) -> AgglomerationSurplus:
        """A core city (player 0) and two peripheries: oracle C-b with the defaults.

        ``v(0) = core``, ``v(1) = v(2) = periphery``, ``v(01) = v(02) = core_pair``,
        ``v(12) = periphery_pair``, ``v(012) = grand``.
        """
        return cls(
            {
                (0,): core,
                (1,): periphery,
                (2,): periphery,
                (0, 1): core_pair,
                (0, 2): core_pair,
                (1, 2): periphery_pair,
                (0, 1, 2): grand,
            },
            players=players,
        )

    # ---- solutions (delegated to CooperativeGame) -----------------------------------------

    @property
    def n_cities(self) -> int:
        """Number of cities."""
        return self.game.n_players

    def shapley_value(self) -> tuple[Any, ...]:
        """The Shapley value (exact; symbolic values allowed)."""
        return self.game.shapley_value()

    def nucleolus(self) -> tuple[Any, ...]:
        """The nucleolus (exact sequential LPs)."""
        return self.game.nucleolus()

    def least_core(self) -> tuple[Any, tuple[Any, ...]]:
        """``(epsilon, x)``: the least-core value and a least-core allocation."""
        return self.game.least_core()

    def core_is_empty(self) -> bool:
        """Whether the core is empty."""
        return self.game.core_is_empty()

    def cost_of_stability(self) -> Any:
        """The minimal central top-up making the grand coalition stable (Bachrach et al. 2009)."""
        return self.game.cost_of_stability()

    def stable_allocation(self) -> tuple[Any, ...]:
        """An allocation of ``v(N) + CoS`` in the core of the topped-up game."""
        return self.game.stable_allocation()

    def symmetric_cost_of_stability(self) -> Any:
        """Closed form for symmetric games: ``max(0, max_s n v_s / s - v_N)``.

        In a symmetric game the equal split is in the core of the topped-up game iff
        ``(v_N + Delta)/n >= v_s / s`` for every size ``s``, and by symmetry (averaging any
        stable allocation over permutations) some stable allocation of minimal total is the
        equal split. C-a: ``max(0, 3 * 8 / 2 - 9) = 3``. Raises ValueError for a non-symmetric
        game. Works with symbolic values.
        """
        n = self.n_cities
        by_size: dict[int, Any] = {}
        for S, v in self.game.values().items():
            if not S:
                continue
            s = len(S)
            if s in by_size:
                if sympy.simplify(sympy.sympify(v) - sympy.sympify(by_size[s])) != 0:
                    raise ValueError("the game is not symmetric: v(S) differs for equal sizes")
            else:
                by_size[s] = v
        grand = by_size[n]
        candidates = [n * by_size[s] / s - grand for s in range(1, n)]
        zero = grand - grand
        return _max([zero, *candidates])

    # ---- lateral transfers ----------------------------------------------------------------

    def lateral_transfers(
        self, allocation: Sequence[Any] | str = "shapley", accrued: Sequence[Any] | None = None
    ) -> tuple[Any, ...]:
        """Transfers ``x_i - accrued_i`` implementing an allocation (MODELS.md §9.3).

        ``allocation``: a sequence of numbers, or ``"shapley"``, ``"nucleolus"``, ``"stable"``
        (the cost-of-stability allocation, whose transfers sum to the central top-up).
        ``accrued`` (default: the model's) is what each city gets before transfers. Positive =
        the city receives.
        """
        if isinstance(allocation, str):
            rules = {
                "shapley": self.shapley_value,
                "nucleolus": self.nucleolus,
                "stable": self.stable_allocation,
            }
            if allocation not in rules:
                raise ValueError(
                    f"allocation must be a sequence or one of {list(rules)}, got {allocation!r}"
                )
            x = rules[allocation]()
        else:
            x = tuple(allocation)
            if len(x) != self.n_cities:
                raise ValueError(f"allocation has {len(x)} entries, expected {self.n_cities}")
        base = self.accrued if accrued is None else tuple(accrued)
        if base is None:
            raise ValueError("give accrued (what each city gets before transfers)")
        if len(base) != self.n_cities:
            raise ValueError(f"accrued has {len(base)} entries, expected {self.n_cities}")
        return tuple(_tidy(xi - ai) for xi, ai in zip(x, base, strict=True))


def _indices(key: Any) -> tuple[int, ...]:
    if isinstance(key, numbers.Integral) and not isinstance(key, bool):
        return (int(key),)
    if isinstance(key, str):
        return ()
    try:
        return tuple(int(i) for i in key if isinstance(i, numbers.Integral))
    except TypeError:
        return ()
