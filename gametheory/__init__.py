"""gametheory: exact and symbolic game theory for intergovernmental cooperation.

A game is a value (:class:`Game`); everything else is a function of games (DESIGN.md).
"""

from .bargaining import (
    bargaining_range,
    coasean_transfer_range,
    cooperation_type,
    nash_bargaining_share,
    nash_bargaining_transfer,
    revenue_share_range,
    self_enforcing_transfer_range,
)
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
from .properties import (
    dominant_action,
    dominant_strategy_equilibrium,
    dominated_actions,
    dominating_strategy,
    is_pareto_efficient,
    iterated_elimination,
    max_welfare_profiles,
    pareto_efficient,
    risk_dominant,
    security_levels,
    security_strategy,
    social_welfare,
)
from .sweep import summarize, sweep
from .symbolic import (
    comparative_statics,
    equilibrium_conditions,
    mixed_equilibria,
    mixed_equilibrium,
    parameters,
    regions,
    threshold,
)

__all__ = [
    "Equilibria",
    "Equilibrium",
    "Game",
    "MissingDependencyError",
    "UnboundParameterError",
    "action_values",
    "bargaining_range",
    "best_responses",
    "coasean_transfer_range",
    "comparative_statics",
    "cooperation_type",
    "dominant_action",
    "dominant_strategy_equilibrium",
    "dominated_actions",
    "dominating_strategy",
    "equilibria",
    "equilibrium_conditions",
    "is_degenerate",
    "is_equilibrium",
    "is_pareto_efficient",
    "iterated_elimination",
    "max_welfare_profiles",
    "mixed_equilibria",
    "mixed_equilibrium",
    "nash_bargaining_share",
    "nash_bargaining_transfer",
    "parameters",
    "pareto_efficient",
    "pure_equilibria",
    "regions",
    "revenue_share_range",
    "risk_dominant",
    "security_levels",
    "security_strategy",
    "self_enforcing_transfer_range",
    "social_welfare",
    "summarize",
    "sweep",
    "threshold",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``gametheory.plot`` is imported on first use (it pulls in matplotlib)."""
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
