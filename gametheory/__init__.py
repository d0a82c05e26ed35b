"""gametheory: exact and symbolic game theory for intergovernmental cooperation.

A game is a value (:class:`Game`); everything else is a function of games (DESIGN.md).

The public names are imported on first use (PEP 562), so ``import gametheory`` is cheap and
sympy, scipy and pandas are loaded only by the parts that need them.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
        IncompleteWarning,
        MissingDependencyError,
        action_values,
        best_responses,
        equilibria,
        is_degenerate,
        is_equilibrium,
        lemke_howson,
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

#: public name -> the submodule that defines it
_SOURCES = {
    "Automaton": "automata",
    "always": "automata",
    "discounted_value": "automata",
    "grim_trigger": "automata",
    "is_nash": "automata",
    "is_subgame_perfect": "automata",
    "limited_punishment": "automata",
    "one_shot_deviations": "automata",
    "simulate": "automata",
    "stick_and_carrot": "automata",
    "tit_for_tat": "automata",
    "bargaining_range": "bargaining",
    "coasean_transfer_range": "bargaining",
    "cooperation_type": "bargaining",
    "nash_bargaining_share": "bargaining",
    "nash_bargaining_transfer": "bargaining",
    "revenue_share_range": "bargaining",
    "self_enforcing_transfer_range": "bargaining",
    "CooperativeGame": "cooperative",
    "Equilibria": "equilibria",
    "Equilibrium": "equilibria",
    "IncompleteWarning": "equilibria",
    "MissingDependencyError": "equilibria",
    "action_values": "equilibria",
    "best_responses": "equilibria",
    "equilibria": "equilibria",
    "is_degenerate": "equilibria",
    "is_equilibrium": "equilibria",
    "lemke_howson": "equilibria",
    "pure_equilibria": "equilibria",
    "Game": "game",
    "UnboundParameterError": "game",
    "Liability": "interventions",
    "Penalty": "interventions",
    "Subsidy": "interventions",
    "Transfer": "interventions",
    "k_implementation_cost": "interventions",
    "minimal_intervention": "interventions",
    "dominant_action": "properties",
    "dominant_strategy_equilibrium": "properties",
    "dominated_actions": "properties",
    "dominating_strategy": "properties",
    "is_pareto_efficient": "properties",
    "iterated_elimination": "properties",
    "max_welfare_profiles": "properties",
    "pareto_efficient": "properties",
    "risk_dominant": "properties",
    "security_levels": "properties",
    "security_strategy": "properties",
    "social_welfare": "properties",
    "RepeatedGame": "repeated",
    "critical_discount_factor": "repeated",
    "effective_discount": "repeated",
    "equalizing_transfer": "repeated",
    "finite_horizon_spe": "repeated",
    "minimal_expected_tenure": "repeated",
    "minimal_reappointment_probability": "repeated",
    "minimal_stay_probability": "repeated",
    "term_incentive": "repeated",
    "threshold_with_penalty": "repeated",
    "threshold_with_transfer": "repeated",
    "summarize": "sweep",
    "sweep": "sweep",
    "comparative_statics": "symbolic",
    "equilibrium_conditions": "symbolic",
    "mixed_equilibria": "symbolic",
    "mixed_equilibrium": "symbolic",
    "parameters": "symbolic",
    "regions": "symbolic",
    "threshold": "symbolic",
}

__all__ = [
    "Automaton",
    "CooperativeGame",
    "Equilibria",
    "Equilibrium",
    "Game",
    "IncompleteWarning",
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
    "lemke_howson",
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
    """Import a public name's submodule on first use; ``gametheory.plot``,
    ``gametheory.evolution`` and the other submodules load as attributes too."""
    source = _SOURCES.get(name)
    if source is not None:
        value = getattr(importlib.import_module(f".{source}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})


_SUBMODULES = frozenset(
    {
        "automata",
        "bargaining",
        "cli",
        "complementary_pivoting",
        "cooperative",
        "equilibria",
        "evolution",
        "figures",
        "game",
        "interventions",
        "io",
        "lexsearch",
        "lrs",
        "models",
        "nplayer",
        "paper",
        "plot",
        "polynomial_systems",
        "properties",
        "repeated",
        "reproduce",
        "sweep",
        "symbolic",
        "vertex",
    }
)

#: functions named like the submodule that defines them: the function is the package attribute
_SHADOWED = frozenset({"equilibria", "sweep"})


class _Package(types.ModuleType):
    """The package module: when the import system records a submodule ``equilibria`` or
    ``sweep`` as an attribute, the function of that name is recorded instead (as an eager
    ``from .equilibria import equilibria`` would leave it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
