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

import math
import numbers
from dataclasses import dataclass
from typing import Any

import sympy

from ..game import Game

__all__ = ["CollaborationRisks"]


def _check_parameter(name: str, value: Any) -> None:
    """Reject anything that is not a finite real number or a real sympy expression."""
    if isinstance(value, bool):
        raise TypeError(f"parameter {name} is a boolean ({value!r}); it must be a number")
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(
                f"parameter {name} is a sympy {type(value).__name__}, not an expression"
            )
        if value.is_real is False or value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
            raise ValueError(f"parameter {name} = {value} is not a finite real number")
        return
    if not isinstance(value, numbers.Real):
        raise TypeError(
            f"parameter {name} has type {type(value).__name__} ({value!r}); use int, float, "
            "fractions.Fraction or a sympy expression"
        )
    if not math.isfinite(float(value)):
        raise ValueError(f"parameter {name} = {value} is not finite")


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
