"""gametheory: exact and symbolic game theory for intergovernmental cooperation.

A game is a value (:class:`Game`); everything else is a function of games (DESIGN.md).
"""

from .automata import (
    Automaton,
    always,
    discounted_value,
    grim_trigger,
    is_nash,
    is_subgame_perfect,
    limited_punishment,
    one_shot_deviations,
    simulate,
    stick_and_carrot,
    tit_for_tat,
)
from .bargaining import (
    bargaining_range,
    coasean_transfer_range,
    cooperation_type,
    nash_bargaining_share,
    nash_bargaining_transfer,
    revenue_share_range,
    self_enforcing_transfer_range,
)
from .cooperative import CooperativeGame
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
from .interventions import (
    Liability,
    Penalty,
    Subsidy,
    Transfer,
    k_implementation_cost,
    minimal_intervention,
)
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
from .repeated import (
    RepeatedGame,
    critical_discount_factor,
    effective_discount,
    equalizing_transfer,
    finite_horizon_spe,
    minimal_expected_tenure,
    minimal_reappointment_probability,
    minimal_stay_probability,
    term_incentive,
    threshold_with_penalty,
    threshold_with_transfer,
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
    "Automaton",
    "CooperativeGame",
    "Equilibria",
    "Equilibrium",
    "Game",
    "Liability",
    "MissingDependencyError",
    "Penalty",
    "RepeatedGame",
    "Subsidy",
    "Transfer",
    "UnboundParameterError",
    "action_values",
    "always",
    "bargaining_range",
    "best_responses",
    "coasean_transfer_range",
    "comparative_statics",
    "cooperation_type",
    "critical_discount_factor",
    "discounted_value",
    "dominant_action",
    "dominant_strategy_equilibrium",
    "dominated_actions",
    "dominating_strategy",
    "effective_discount",
    "equalizing_transfer",
    "equilibria",
    "equilibrium_conditions",
    "finite_horizon_spe",
    "grim_trigger",
    "is_degenerate",
    "is_equilibrium",
    "is_nash",
    "is_pareto_efficient",
    "is_subgame_perfect",
    "iterated_elimination",
    "k_implementation_cost",
    "limited_punishment",
    "max_welfare_profiles",
    "minimal_expected_tenure",
    "minimal_intervention",
    "minimal_reappointment_probability",
    "minimal_stay_probability",
    "mixed_equilibria",
    "mixed_equilibrium",
    "nash_bargaining_share",
    "nash_bargaining_transfer",
    "one_shot_deviations",
    "parameters",
    "pareto_efficient",
    "pure_equilibria",
    "regions",
    "revenue_share_range",
    "risk_dominant",
    "security_levels",
    "security_strategy",
    "self_enforcing_transfer_range",
    "simulate",
    "social_welfare",
    "stick_and_carrot",
    "summarize",
    "sweep",
    "term_incentive",
    "threshold",
    "threshold_with_penalty",
    "threshold_with_transfer",
    "tit_for_tat",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``gametheory.plot`` and ``gametheory.evolution`` are imported on first use."""
    if name in ("plot", "evolution"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
