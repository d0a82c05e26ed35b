"""gametheory: exact and symbolic game theory for intergovernmental cooperation."""

from .game import Game, UnboundParameterError

__all__ = ["Game", "UnboundParameterError"]
__version__ = "0.1.0"
