"""Constructors of evolutionary systems from a game: one function per revision rule.

``replicator(game)`` gives the multi-population replicator dynamics (one population per player;
Taylor 1979, Friedman 1991), ``replicator(game, single=True)`` the single-population one of a
symmetric game (Taylor & Jonker 1978). The same ``single=`` convention holds for
:func:`replicator_mutator`, :func:`logit_dynamics` and :func:`best_response_dynamics`; every
constructor returns an :class:`~gametheory.evolution.system.EvolutionarySystem`. The rules are
defined in :mod:`gametheory.evolution.dynamics`.
"""

from __future__ import annotations

from typing import Any

from ..game import Game
from .dynamics import BestResponse, Logit, Replicator, ReplicatorMutator
from .system import EvolutionarySystem

__all__ = ["best_response_dynamics", "logit_dynamics", "replicator", "replicator_mutator"]


def replicator(game: Game, single: bool = False, *, variables: Any = None) -> EvolutionarySystem:
    """The replicator dynamics ``x'_a = x_a (E_a - Ebar)`` of ``game``.

    ``single=False``: one population per player (the state is one mixed strategy per player);
    ``single=True``: one population playing the symmetric ``game`` against itself (raises
    ``ValueError`` naming the asymmetry otherwise). ``variables`` names the state variables.

    Examples
    --------
    >>> import gametheory as gt
    >>> hawk_dove = gt.Game([[-1, 4], [0, 2]], [[-1, 0], [4, 2]], actions=[["H", "D"]] * 2)
    >>> system = gt.evolution.replicator(hawk_dove, single=True)
    >>> system.equations[0]
    x*(1 - x)*(2 - 3*x)
    """
    return EvolutionarySystem(game, Replicator(), single=single, variables=variables)


def replicator_mutator(
    game: Game,
    mutation: Any = 0,
    *,
    matrix: Any = None,
    single: bool = False,
    variables: Any = None,
) -> EvolutionarySystem:
    """The replicator–mutator dynamics ``x'_a = sum_b x_b E_b Q_ba - x_a Ebar`` (Page & Nowak
    2002): uniform mutation at rate ``mutation`` in [0, 1] (a number or a sympy symbol), or a
    mutation ``matrix`` ``Q`` whose rows sum to one (every population needs as many actions)."""
    rule = ReplicatorMutator(mutation) if matrix is None else ReplicatorMutator(matrix=matrix)
    return EvolutionarySystem(game, rule, single=single, variables=variables)


def logit_dynamics(
    game: Game, precision: Any = 1, *, single: bool = False, variables: Any = None
) -> EvolutionarySystem:
    """The logit dynamics ``x' = softmax(precision * E) - x`` (Fudenberg & Levine 1998;
    Hofbauer & Sandholm 2002); ``precision`` > 0 is Gambit's ``lambda`` (QuantEcon's ``beta``)."""
    return EvolutionarySystem(game, Logit(precision), single=single, variables=variables)


def best_response_dynamics(
    game: Game, *, single: bool = False, variables: Any = None, tolerance: float = 0.0
) -> EvolutionarySystem:
    """The best-response dynamics ``x' = BR(x) - x`` (Gilboa & Matsui 1991), with tied best
    responses sharing equally; ``tolerance`` (relative) treats near-ties in the simulation as
    ties."""
    return EvolutionarySystem(game, BestResponse(tolerance), single=single, variables=variables)
