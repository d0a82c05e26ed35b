"""gametheory: exact and symbolic game theory for intergovernmental cooperation.

A game is a value (:class:`Game`); everything else is a function of games (DESIGN.md).
"""

from .equilibria import (
    Equilibria,
    Equilibrium,
    MissingDependencyError,
    action_values,
    best_responses,
    equilibria,
    is_degenerate,
    is_equilibrium,
    pure_equilibria,
)
from .game import Game, UnboundParameterError

__all__ = [
    "Equilibria",
    "Equilibrium",
    "Game",
    "MissingDependencyError",
    "UnboundParameterError",
    "action_values",
    "best_responses",
    "equilibria",
    "is_degenerate",
    "is_equilibrium",
    "pure_equilibria",
]
__version__ = "0.1.0"
