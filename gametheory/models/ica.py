"""Institutional collective action: Feiock's three collaboration risks as canonical 2x2 games.

Feiock (2013) names three *collaboration risks* that stand between local governments and a joint
gain: **coordination** (each would join if the other did, but neither can be sure), **division**
(both want an agreement but disagree about which one) and **defection** (each is tempted to take
the other's contribution without paying its own). MODELS.md §3.2 maps each risk to the canonical
two-player game that isolates it:

================  ==========================  ==================================================
risk              canonical game              equilibria (closed form)
================  ==========================  ==================================================
coordination      assurance game / stag hunt  (C, C), (N, N), mixed with Pr(C) = tc/B
division          battle of the sexes         both coordinated outcomes, mixed with
                                              Pr(own site) = a/(a + b) and payoff ab/(a + b)
defection         prisoner's dilemma          (D, D), unique
================  ==========================  ==================================================

The games are built here; their equilibria come from :func:`gametheory.equilibria.equilibria`
(this module contains no solver code).

References
----------
Feiock, R. C. (2013). The Institutional Collective Action Framework. *Policy Studies Journal*
41(3): 397-425.
Feiock, R. C. (2007). Rational choice and regional governance. *Journal of Urban Affairs*
29(1): 47-63.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..game import Game
from ._parameters import check_parameter as _check_parameter

__all__ = [
    "AUTHORITY_LEVELS",
    "ILLUSTRATIVE_MECHANISMS",
    "CollaborationRisks",
    "InstitutionalCollectiveAction",
    "Mechanism",
]


def _check_chain(what: str, names: tuple[str, ...], values: tuple[Any, ...]) -> None:
    """Require ``values[0] > values[1] > ...``; comparisons sympy cannot decide are skipped.

    Numbers are compared exactly; a comparison that involves symbols is only rejected when it is
    false for every admissible value of the symbols (e.g. ``tc > 0`` with ``tc`` declared
    negative).
    """
    for name, value in zip(names, values, strict=True):
        _check_parameter(name, value)
    for (n1, v1), (n2, v2) in zip(
        zip(names, values, strict=True), zip(names[1:], values[1:], strict=True), strict=False
    ):
        relation = sympy.sympify(v1) > sympy.sympify(v2)
        if relation is sympy.false:
            chain = " > ".join(names)
            given = ", ".join(f"{n}={v}" for n, v in zip(names, values, strict=True) if n != "0")
            raise ValueError(f"{what} needs {chain}, but {n1} > {n2} fails ({given})")


@dataclass(frozen=True)
class CollaborationRisks:
    """Feiock's (2013) three collaboration risks as labelled 2x2 games between two cities.

    Parameters
    ----------
    B, tc:
        Coordination risk (assurance game / stag hunt). ``B`` is each city's gain when both
        cooperate and ``tc`` the transaction cost paid by whoever commits, with ``B > tc > 0``.
        Defaults ``B = 6, tc = 2`` [ASM, illustrative; MODELS.md §4.4 oracle K-a].
    a, b:
        Division risk (battle of the sexes). Agreeing on a city's preferred site gives that city
        ``a`` and the other ``b``; no agreement gives both 0, with ``a > b > 0``. Defaults
        ``a = 2, b = 1`` [ASM, illustrative].
    T, R, P, S:
        Defection risk (prisoner's dilemma): temptation, reward, punishment and sucker's
        payoffs with ``T > R > P > S``. Defaults ``5, 3, 1, 0`` [ASM, the textbook values of
        Axelrod 1984].
    players:
        Names of the row and column city.

    Every parameter may be a number (int, Fraction, float) or a sympy expression; games built
    from symbols are parametric (bind them with :meth:`gametheory.Game.subs`). The orderings
    above are checked whenever sympy can decide them.

    Notes
    -----
    **Coordination** (actions Cooperate, Not)::

                     Cooperate        Not
        Cooperate  (B-tc, B-tc)   (-tc, 0)
        Not        (0, -tc)       (0, 0)

    Equilibria: (C, C) with payoffs ``(B-tc, B-tc)``, (N, N) with ``(0, 0)``, and the mixed
    equilibrium in which each city cooperates with probability ``tc/B`` (payoff 0 each). With the
    defaults: Pr(C) = 1/3.

    **Division** (actions Site A, Site B; City A prefers site A, City B site B)::

                  Site A    Site B
        Site A    (a, b)    (0, 0)
        Site B    (0, 0)    (b, a)

    Equilibria: (Site A, Site A), (Site B, Site B), and the mixed equilibrium in which each city
    chooses its own preferred site with probability ``a/(a+b)``, giving each the payoff
    ``ab/(a+b)``. With the defaults: 2/3 and 2/3.

    **Defection** (actions Cooperate, Defect)::

                     Cooperate   Defect
        Cooperate    (R, R)      (S, T)
        Defect       (T, S)      (P, P)

    Defect strictly dominates Cooperate, so (D, D) with payoffs ``(P, P)`` is the unique
    equilibrium although (C, C) gives both more.

    References
    ----------
    Feiock, R. C. (2013). The Institutional Collective Action Framework. *Policy Studies
    Journal* 41(3): 397-425. Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.

    Examples
    --------
    >>> from gametheory.models import CollaborationRisks
    >>> risks = CollaborationRisks()
    >>> sorted(risks.games())
    ['coordination', 'defection', 'division']
    >>> risks.coordination_game().payoff(("Cooperate", "Cooperate"))
    (Fraction(4, 1), Fraction(4, 1))
    """

    B: Any = 6
    tc: Any = 2
    a: Any = 2
    b: Any = 1
    T: Any = 5
    R: Any = 3
    P: Any = 1
    S: Any = 0
    players: tuple[str, str] = ("City A", "City B")

    def __post_init__(self) -> None:
        _check_chain("the coordination game", ("B", "tc", "0"), (self.B, self.tc, 0))
        _check_chain("the division game", ("a", "b", "0"), (self.a, self.b, 0))
        _check_chain("the defection game", ("T", "R", "P", "S"), (self.T, self.R, self.P, self.S))
        players = tuple(self.players)
        if len(players) != 2 or not all(isinstance(p, str) and p.strip() for p in players):
            raise ValueError(f"players must be two non-empty names, got {self.players!r}")
        if players[0] == players[1]:
            raise ValueError(f"players must have different names, got {self.players!r}")
        object.__setattr__(self, "players", players)

    def coordination_game(self) -> Game:
        """Coordination risk: the assurance game (stag hunt) with gain ``B`` and cost ``tc``.

        ``A = [[B - tc, -tc], [0, 0]]`` and ``B = A^T`` (symmetric). Equilibria: (C, C), (N, N)
        and each city cooperating with probability ``tc/B``.
        """
        B, tc = _common(self.B, self.tc)
        row = [[B - tc, -tc], [0, 0]]
        col = [[B - tc, 0], [-tc, 0]]
        return Game(
            row,
            col,
            players=self.players,
            actions=[["Cooperate", "Not"], ["Cooperate", "Not"]],
            title="Coordination risk: stag hunt",
        )

    def division_game(self) -> Game:
        """Division risk: the battle of the sexes, sites A and B, preferred payoff ``a > b``.

        ``A = [[a, 0], [0, b]]``, ``B = [[b, 0], [0, a]]``. Equilibria: both coordinated
        outcomes and each city choosing its own site with probability ``a/(a+b)``.
        """
        a, b = _common(self.a, self.b)
        return Game(
            [[a, 0], [0, b]],
            [[b, 0], [0, a]],
            players=self.players,
            actions=[["Site A", "Site B"], ["Site A", "Site B"]],
            title="Division risk: battle of the sexes",
        )

    def defection_game(self) -> Game:
        """Defection risk: the prisoner's dilemma ``T > R > P > S``.

        ``A = [[R, S], [T, P]]`` and ``B = A^T``. Unique equilibrium: (Defect, Defect).
        """
        T, R, P, S = _common(self.T, self.R, self.P, self.S)
        return Game(
            [[R, S], [T, P]],
            [[R, T], [S, P]],
            players=self.players,
            actions=[["Cooperate", "Defect"], ["Cooperate", "Defect"]],
            title="Defection risk: prisoner's dilemma",
        )

    def games(self) -> dict[str, Game]:
        """The three games keyed by risk: ``"coordination"``, ``"division"``, ``"defection"``."""
        return {
            "coordination": self.coordination_game(),
            "division": self.division_game(),
            "defection": self.defection_game(),
        }


def _common(*values: Any) -> tuple[Any, ...]:
    """Return the values unchanged, or all as sympy objects when any of them is symbolic.

    Mixing :class:`fractions.Fraction` with sympy expressions in arithmetic is not supported by
    either library, so a symbolic game converts every parameter with :func:`sympy.sympify`.
    """
    if any(isinstance(v, sympy.Basic) for v in values):
        return tuple(sympy.sympify(v) for v in values)
    return values


# --------------------------------------------------------------------------------------------
# The net-benefit (participation) condition and the choice of mechanism (MODELS.md §3.1, §3.3)
# --------------------------------------------------------------------------------------------

#: Feiock's (2013) authority dimension, from least to most authoritative (MODELS.md §3.3).
AUTHORITY_LEVELS = ("embeddedness", "contracts", "delegated authority", "imposed authority")


def _exact(value: Any) -> Any:
    """Numbers as exact Fractions (floats kept as floats), sympy expressions unchanged."""
    if isinstance(value, sympy.Basic):
        return value
    if isinstance(value, float):
        return value
    return Fraction(value)


def _check_probability(name: str, value: Any) -> None:
    _check_parameter(name, value)
    inside = sympy.And(sympy.sympify(value) >= 0, sympy.sympify(value) <= 1)
    if inside is sympy.false:
        raise ValueError(f"{name} = {value} is a probability and must lie in [0, 1]")


def _check_nonnegative(name: str, value: Any) -> None:
    _check_parameter(name, value)
    if (sympy.sympify(value) >= 0) is sympy.false:
        raise ValueError(f"{name} = {value} is a cost and must be >= 0")


@dataclass(frozen=True)
class Mechanism:
    """An integrating mechanism of institutional collective action (Feiock 2007, 2013).

    Parameters
    ----------
    name:
        A label, e.g. ``"contract"``.
    risk_coordination, risk_division, risk_defection:
        The residual probabilities that the arrangement fails through each collaboration risk
        under this mechanism (in ``[0, 1]``). Assumed independent [ASM, MODELS.md §3.1], so the
        success probability is ``(1 - rho_coord)(1 - rho_div)(1 - rho_def)``.
    tc_information, tc_negotiation, tc_enforcement, tc_agency:
        The transaction costs Feiock (2007) names (each ``>= 0``), borne by every member.
    autonomy_cost:
        ``A(m)``, the cost to a member of giving up authority (``>= 0``); a number, or one per
        member (a tuple) when the members value autonomy differently.
    authority:
        Where the mechanism lies on Feiock's authority dimension (one of
        :data:`AUTHORITY_LEVELS`), or ``None``.

    All quantities may be numbers or sympy expressions.
    """

    name: str
    risk_coordination: Any = 0
    risk_division: Any = 0
    risk_defection: Any = 0
    tc_information: Any = 0
    tc_negotiation: Any = 0
    tc_enforcement: Any = 0
    tc_agency: Any = 0
    autonomy_cost: Any = 0
    authority: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"a mechanism needs a non-empty name, got {self.name!r}")
        for field in ("risk_coordination", "risk_division", "risk_defection"):
            _check_probability(f"{self.name}.{field}", getattr(self, field))
        for field in ("tc_information", "tc_negotiation", "tc_enforcement", "tc_agency"):
            _check_nonnegative(f"{self.name}.{field}", getattr(self, field))
        costs = self.autonomy_cost
        if isinstance(costs, list | tuple):
            costs = tuple(costs)
            if not costs:
                raise ValueError(f"{self.name}.autonomy_cost: give one number or one per member")
            object.__setattr__(self, "autonomy_cost", costs)
        for k, value in enumerate(costs if isinstance(costs, tuple) else (costs,)):
            _check_nonnegative(f"{self.name}.autonomy_cost[{k}]", value)
        if self.authority is not None and self.authority not in AUTHORITY_LEVELS:
            raise ValueError(
                f"authority must be one of {AUTHORITY_LEVELS} or None, got {self.authority!r}"
            )

    @property
    def success_probability(self) -> Any:
        """``1 - rho(m) = (1 - rho_coord)(1 - rho_div)(1 - rho_def)``."""
        values = _common(
            *(_exact(v) for v in (self.risk_coordination, self.risk_division, self.risk_defection))
        )
        return (1 - values[0]) * (1 - values[1]) * (1 - values[2])

    @property
    def transaction_cost(self) -> Any:
        """``TC_info + TC_neg + TC_enf + TC_agency``."""
        values = _common(
            *(
                _exact(v)
                for v in (
                    self.tc_information,
                    self.tc_negotiation,
                    self.tc_enforcement,
                    self.tc_agency,
                )
            )
        )
        return values[0] + values[1] + values[2] + values[3]

    def autonomy_cost_of(self, member: int, members: int) -> Any:
        """``A_i(m)`` of member ``member`` (of ``members``)."""
        costs = self.autonomy_cost
        if isinstance(costs, tuple):
            if len(costs) != members:
                raise ValueError(
                    f"{self.name}.autonomy_cost has {len(costs)} entries for {members} members"
                )
            return _exact(costs[member])
        return _exact(costs)

    def net_benefit(self, benefit: Any, member: int = 0, members: int = 1) -> Any:
        """``NB_i(m) = (1 - rho(m)) B_i - TC(m) - A_i(m)`` (MODELS.md §3.1)."""
        _check_parameter("benefit", benefit)
        p, tc, a, b = _common(
            self.success_probability,
            self.transaction_cost,
            self.autonomy_cost_of(member, members),
            _exact(benefit),
        )
        return p * b - tc - a


#: The illustrative mechanisms of MODELS.md §3.4 (oracle I-a) [ASM: numbers chosen to
#: illustrate Feiock's matching hypothesis, not estimates].
ILLUSTRATIVE_MECHANISMS = (
    Mechanism(
        "embedded",
        Fraction(1, 10),
        Fraction(1, 5),
        Fraction(3, 10),
        Fraction(1, 2),
        Fraction(1, 2),
        0,
        0,
        0,
        "embeddedness",
    ),
    Mechanism(
        "contract",
        Fraction(1, 20),
        Fraction(1, 20),
        Fraction(1, 10),
        Fraction(1, 2),
        1,
        Fraction(1, 2),
        Fraction(1, 2),
        Fraction(1, 2),
        "contracts",
    ),
    Mechanism(
        "delegated",
        Fraction(1, 20),
        Fraction(1, 20),
        Fraction(1, 20),
        Fraction(1, 2),
        1,
        Fraction(1, 2),
        1,
        2,
        "delegated authority",
    ),
    Mechanism("imposed", 0, 0, Fraction(1, 20), 0, 0, 1, 1, 4, "imposed authority"),
)


@dataclass(frozen=True)
class InstitutionalCollectiveAction:
    """Participation in, and choice of, an integrating mechanism (Feiock 2007, 2013).

    Member ``i`` joins mechanism ``m`` iff its net benefit is positive (MODELS.md §3.1)::

        NB_i(m) = (1 - rho(m)) B_i - [TC_info(m) + TC_neg(m) + TC_enf(m) + TC_agency(m)]
                  - A_i(m) > 0,
        1 - rho(m) = (1 - rho_coord(m)) (1 - rho_div(m)) (1 - rho_def(m))   [independence, ASM]

    Cooperation occurs iff ``max_m min_i NB_i(m) > 0``: some mechanism is joined by everyone.
    Among those mechanisms the members choose the one with the largest joint net benefit
    ``sum_i NB_i(m)`` (:meth:`chosen_mechanism`; MODELS.md §3.1 states the argmax over all
    mechanisms, which can pick one that a member refuses to join, so we restrict it to the
    mechanisms everyone joins; with the oracle numbers both rules agree). Feiock's *matching
    hypothesis*: the members pick the least authoritative mechanism that mitigates the dominant
    risk enough; in the formula, more authority lowers ``rho`` but raises ``A``, so higher stakes
    ``B`` or a higher defection risk move the choice toward more authority (see
    :meth:`choice_by_benefit`).

    Parameters
    ----------
    benefits:
        ``B_i``, each member's gain if collaboration succeeds (numbers or sympy expressions);
        default two members with ``B = 10`` (MODELS.md §3.4, oracle I-a).
    mechanisms:
        The candidate :class:`Mechanism` values; default :data:`ILLUSTRATIVE_MECHANISMS`.

    References
    ----------
    Feiock, R. C. (2007). Rational choice and regional governance. *Journal of Urban Affairs*
    29(1): 47-63. Feiock, R. C. (2013). The Institutional Collective Action Framework. *Policy
    Studies Journal* 41(3): 397-425.

    Examples
    --------
    >>> from gametheory.models import InstitutionalCollectiveAction
    >>> ica = InstitutionalCollectiveAction()
    >>> ica.chosen_mechanism().name, ica.net_benefits()["contract"]
    ('contract', (Fraction(2049, 400), Fraction(2049, 400)))
    """

    benefits: tuple[Any, ...] = (10, 10)
    mechanisms: tuple[Mechanism, ...] = ILLUSTRATIVE_MECHANISMS

    def __post_init__(self) -> None:
        if isinstance(self.benefits, str | bytes) or not isinstance(
            self.benefits, list | tuple | np.ndarray
        ):
            raise TypeError(f"benefits must be a sequence of gains, got {self.benefits!r}")
        benefits = tuple(self.benefits)
        if len(benefits) < 2:
            raise ValueError(f"benefits needs one gain per member (at least 2), got {benefits!r}")
        for k, b in enumerate(benefits):
            _check_parameter(f"benefits[{k}]", b)
        mechanisms = tuple(self.mechanisms)
        if not mechanisms or not all(isinstance(m, Mechanism) for m in mechanisms):
            raise TypeError("mechanisms must be a non-empty sequence of Mechanism values")
        names = [m.name for m in mechanisms]
        if len(set(names)) != len(names):
            raise ValueError(f"mechanism names must be distinct, got {names}")
        for m in mechanisms:
            m.autonomy_cost_of(0, len(benefits))  # checks per-member cost lengths
        object.__setattr__(self, "benefits", benefits)
        object.__setattr__(self, "mechanisms", mechanisms)

    @property
    def members(self) -> int:
        return len(self.benefits)

    def mechanism(self, name: str) -> Mechanism:
        for m in self.mechanisms:
            if m.name == name:
                return m
        raise ValueError(f"unknown mechanism {name!r}; known: {[m.name for m in self.mechanisms]}")

    def net_benefits(self) -> dict[str, tuple[Any, ...]]:
        """``{mechanism name: (NB_1(m), ..., NB_n(m))}``."""
        return {
            m.name: tuple(m.net_benefit(b, i, self.members) for i, b in enumerate(self.benefits))
            for m in self.mechanisms
        }

    def joins(self) -> dict[str, tuple[bool, ...]]:
        """Which members join each mechanism (``NB_i(m) > 0``); numbers only."""
        return {
            name: tuple(bool(_decide(v > 0, "NB > 0")) for v in values)
            for name, values in self.net_benefits().items()
        }

    def cooperation_occurs(self) -> bool:
        """``max_m min_i NB_i(m) > 0``."""
        return any(all(flags) for flags in self.joins().values())

    def chosen_mechanism(self) -> Mechanism | None:
        """The mechanism everyone joins with the largest ``sum_i NB_i(m)`` (ties: the less
        authoritative, i.e. earlier, one), or ``None`` when no mechanism is joined by all."""
        nb = self.net_benefits()
        joined = self.joins()
        best = None
        for m in self.mechanisms:
            if not all(joined[m.name]):
                continue
            total = sum(nb[m.name])
            if best is None or bool(_decide(total > best[0], "comparison")):
                best = (total, m)
        return None if best is None else best[1]

    def table(self) -> Any:
        """A pandas DataFrame: success probability, transaction cost, NB per member, joined."""
        import pandas as pd

        nb = self.net_benefits()
        rows = []
        for m in self.mechanisms:
            row = {
                "mechanism": m.name,
                "authority": m.authority,
                "success": m.success_probability,
                "transaction cost": m.transaction_cost,
            }
            for i, v in enumerate(nb[m.name]):
                row[f"NB_{i + 1}"] = v
            row["total NB"] = sum(nb[m.name])
            rows.append(row)
        return pd.DataFrame(rows)

    def minimal_benefit(self, mechanism: str | Mechanism) -> Any:
        """The common gain ``B`` above which every member joins ``mechanism``:
        ``B > (TC(m) + max_i A_i(m)) / (1 - rho(m))`` (``oo`` when it always fails)."""
        m = mechanism if isinstance(mechanism, Mechanism) else self.mechanism(mechanism)
        p = m.success_probability
        costs = [m.autonomy_cost_of(i, self.members) for i in range(self.members)]
        if any(isinstance(v, sympy.Basic) for v in (p, m.transaction_cost, *costs)):
            worst = sympy.Max(*(sympy.sympify(v) for v in costs))
            return sympy.simplify((m.transaction_cost + worst) / p)
        if p == 0:
            return sympy.oo
        return (m.transaction_cost + max(costs)) / p

    def choice_by_benefit(self) -> list[tuple[Any, Any, str | None]]:
        """The chosen mechanism as the common gain ``B`` grows from 0 (all members ``B``).

        ``sum_i NB_i(m) = n (1 - rho(m)) B - n TC(m) - sum_i A_i(m)`` is a line in ``B``; the
        choice is the highest line among the mechanisms every member joins. Returns the exact
        intervals ``[(B_from, B_to, name or None), ...]`` with ``B_to = oo`` for the last. Each
        interval is open on the left and closed on the right: at an entry point ``NB = 0`` and
        members need ``NB > 0`` to join; at a crossing of two lines the tie goes to the less
        authoritative (earlier) mechanism. Numbers only.
        """
        n = self.members
        B = sympy.Symbol("B", positive=True)
        candidates = {sympy.Integer(0)}
        lines = {}
        for m in self.mechanisms:
            slope = sympy.nsimplify(n * m.success_probability)
            intercept = sympy.nsimplify(
                -n * m.transaction_cost - sum(m.autonomy_cost_of(i, n) for i in range(n))
            )
            lines[m.name] = slope * B + intercept
            entry = self.minimal_benefit(m)
            if entry != sympy.oo:
                candidates.add(sympy.nsimplify(entry))
        for (_, l1), (_, l2) in (
            (a, b) for i, a in enumerate(lines.items()) for b in list(lines.items())[i + 1 :]
        ):
            root = sympy.solve(sympy.Eq(l1, l2), B)
            candidates |= {r for r in root if r.is_positive}
        cuts = sorted(candidates)
        out: list[tuple[Any, Any, str | None]] = []
        for k, lo in enumerate(cuts):
            hi = cuts[k + 1] if k + 1 < len(cuts) else sympy.oo
            probe = lo + 1 if hi == sympy.oo else (lo + hi) / 2
            choice = InstitutionalCollectiveAction((probe,) * n, self.mechanisms).chosen_mechanism()
            name = None if choice is None else choice.name
            if out and out[-1][2] == name:
                out[-1] = (out[-1][0], hi, name)
            else:
                out.append((lo, hi, name))
        return out


def _decide(relation: Any, what: str) -> bool:
    relation = sympy.sympify(relation)
    if relation is sympy.true:
        return True
    if relation is sympy.false:
        return False
    raise ValueError(
        f"cannot decide {what} for symbolic parameters ({relation}); substitute numbers first"
    )
