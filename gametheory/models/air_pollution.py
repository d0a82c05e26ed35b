"""Enterprises, the public and the government: the tripartite evolutionary game of Wang et al.
(2023), reproduced from its authors' code.

Wang, Jia, He, Wang & Huang (2023) study collaborative air-pollution control as an evolutionary
game of three populations: enterprises control pollution or not (share ``x``), the public
participates in supervision or not (``y``), the government regulates or not (``z``). The payoff
table, the parameter values of every scenario, the initial states (27 points
``{0.1, 0.5, 0.9}^3``), the horizon and the solver (MATLAB ``ode45``) are transcribed from the
authors' MATLAB code (GitHub ``Carl723000/A-Tripartite-Evolutionary-Game-of-Enterprises-Public-
and-Government``, files ``Evolutionary_Game.m`` and ``differential.m``, read 2026-12-07); the
parameter meanings are those of the code's comments. The replicator system derived by the
toolkit from this table equals the code's ``differential.m`` term for term (checked in the
tests), and under each scenario the unique asymptotically stable state is the one the code
names: Base -> (no control, abstain, lax); the four stages of Scenario 4 -> (no control, abstain,
regulate), (control, abstain, regulate), (control, participate, regulate), (control,
participate, lax). The environmental damage ``CE`` and the decentralisation coefficient
``kappa`` cancel out of the dynamics. See ``docs/evolution.md`` for the transcription notes (two
conditions quoted in the code's comments disagree with its own payoffs).

The model is the "typical paper of the genre" that ``notebooks/09_evolutionary_games.ipynb``
reproduces end to end. It is not a central–local model; :mod:`.environmental_regulation` and
:mod:`.regional_cooperation` are.

Reference
---------
Wang, J., Jia, L., He, P., Wang, P. & Huang, L. (2023). Engaging stakeholders in collaborative
control of air pollution: a tripartite evolutionary game of enterprises, public and government.
*Journal of Cleaner Production* 418: 138074. doi:10.1016/j.jclepro.2023.138074.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

import sympy

from ._tripartite import TripartiteModel

__all__ = ["INITIAL_STATES", "SCENARIOS", "STABLE_STATES", "EnterprisePublicGovernment"]


#: Parameter changes of the scenarios in the authors' code (from the Base values).
SCENARIOS: dict[str, dict[str, Any]] = {
    "Base": {},
    "Scenario 4, stage 1": {"eA": Fraction(2, 10), "beta": Fraction(5, 100), "G0": 20},
    "Scenario 4, stage 2": {
        "eA": Fraction(4, 10),
        "Rc": 15,
        "alpha": Fraction(6, 100),
        "beta": Fraction(2, 10),
        "G0": 20,
        "G1": 10,
    },
    "Scenario 4, stage 3": {
        "eA": Fraction(5, 10),
        "Rc": 20,
        "alpha": Fraction(1, 10),
        "beta": Fraction(2, 10),
        "delta": Fraction(7, 10),
        "epsilon": Fraction(1, 10),
        "G0": 25,
        "G1": 15,
    },
    "Scenario 4, stage 4": {
        "Pe": 10,
        "eA": Fraction(7, 10),
        "Rc": 25,
        "beta": Fraction(2, 10),
        "gamma": Fraction(3, 10),
        "delta": Fraction(5, 10),
        "zeta": Fraction(2, 10),
        "G0": 15,
    },
}

#: The state each scenario's code names as the evolutionarily stable one.
STABLE_STATES: dict[str, tuple[str, str, str]] = {
    "Base": ("no control", "abstain", "lax"),
    "Scenario 4, stage 1": ("no control", "abstain", "regulate"),
    "Scenario 4, stage 2": ("control", "abstain", "regulate"),
    "Scenario 4, stage 3": ("control", "participate", "regulate"),
    "Scenario 4, stage 4": ("control", "participate", "lax"),
}

#: The 27 initial states of the authors' figures: x, y, z in {0.1, 0.5, 0.9}.
INITIAL_STATES = [
    (x, y, z) for x in (0.1, 0.5, 0.9) for y in (0.1, 0.5, 0.9) for z in (0.1, 0.5, 0.9)
]


@dataclass(frozen=True)
class EnterprisePublicGovernment(TripartiteModel):
    """Wang et al. (2023); defaults are the Base scenario of the authors' code."""

    PA: Any = 40
    Pe: Any = 20
    CA: Any = 35
    eA: Any = Fraction(1, 10)
    Rc: Any = 10
    alpha: Any = 0
    beta: Any = 0
    gamma: Any = Fraction(1, 10)
    CH: Any = -30
    CB1: Any = 30
    delta: Any = Fraction(8, 10)
    CB0: Any = 18
    epsilon: Any = 0
    Rp: Any = 25
    zeta: Any = Fraction(1, 10)
    eta: Any = Fraction(1, 10)
    theta: Any = Fraction(1, 10)
    lambda_: Any = Fraction(1, 10)
    CG1: Any = 25
    CE: Any = 30
    gov: Any = Fraction(1, 2)
    G0: Any = 10
    kappa: Any = Fraction(8, 10)
    G1: Any = 5

    PLAYERS: ClassVar[tuple[str, str, str]] = ("Enterprise", "Public", "Government")
    ACTIONS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("control", "no control"),
        ("participate", "abstain"),
        ("regulate", "lax"),
    )
    TITLE: ClassVar[str] = "Wang et al. (2023): enterprises, public, government"
    MEANINGS: ClassVar[dict[str, str]] = {
        "PA": "enterprise's normal profit",
        "Pe": "externality profit of pollution",
        "CA": "full pollution-control cost",
        "eA": "pollution-control effort level",
        "Rc": "carbon-reduction (synergistic emission-reduction) benefit",
        "alpha": "government subsidy coefficient for a controlling enterprise",
        "beta": "penalty coefficient for a polluting enterprise",
        "gamma": "green-technology innovation capability",
        "CH": "public health loss (a negative number, as in the source)",
        "CB1": "public participation cost",
        "delta": "difficulty of the participation channels",
        "CB0": "personal protection cost of a non-participating public",
        "epsilon": "government subsidy coefficient for public participation",
        "Rp": "environmental benefit to the public",
        "zeta": "share of the professional public",
        "eta": "innovation gain of the enterprise from public participation",
        "theta": "multiplier of government reputation from public participation",
        "lambda_": "psychological-loss coefficient of the public",
        "CG1": "government's administrative cost of regulation",
        "CE": "environmental damage (cancels out of the dynamics)",
        "gov": "government's share of the externality",
        "G0": "government's reputation loss when lax",
        "kappa": "decentralisation coefficient (cancels out of the dynamics)",
        "G1": "government's reputation gain when regulating",
    }
    PROBABILITIES: ClassVar[tuple[str, ...]] = (
        "eA",
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "gov",
        "kappa",
    )

    @classmethod
    def symbolic(cls, **overrides: Any) -> EnterprisePublicGovernment:
        """Every parameter a positive symbol (``CH`` a negative one), except ``overrides``."""
        overrides = {"CH": sympy.Symbol("CH", negative=True), **overrides}
        return super().symbolic(**overrides)

    @classmethod
    def scenario(cls, name: str) -> EnterprisePublicGovernment:
        """The model with the parameters of a named scenario of :data:`SCENARIOS`."""
        if name not in SCENARIOS:
            raise ValueError(f"unknown scenario {name!r}; the scenarios are {list(SCENARIOS)}")
        return cls(**SCENARIOS[name])

    def payoffs(self, profile: tuple[int, int, int]) -> tuple[Any, Any, Any]:
        control, participate, regulate = (k == 0 for k in profile)
        PA, Pe, CA, eA, Rc = self.PA, self.Pe, self.CA, self.eA, self.Rc
        alpha, beta, gamma, gov = self.alpha, self.beta, self.gamma, self.gov
        P = PA + (1 - eA) * (1 - gov) * Pe  # the enterprise's total revenue
        if control:
            enterprise = (
                (self.eta * PA if participate else 0)
                + PA
                + (1 - eA) * (1 - gov) * Pe
                - eA * (1 - gamma) * CA
                + eA * Rc
                + (alpha * P if regulate else 0)
            )
        else:
            enterprise = PA + (1 - gov) * Pe - (beta * P if regulate else 0)
        health = (1 - eA) * self.CH if control else self.CH
        if participate:
            channel = (
                (1 - self.epsilon) * self.delta * self.CB1 if regulate else (self.delta * self.CB1)
            )
            public = (
                health
                + (self.lambda_ * self.CH if not control else 0)
                + self.zeta * self.Rp
                - channel
            )
        else:
            public = health - self.CB0
        if control:
            damage = (1 - self.kappa) * (eA - 1) * self.CE + self.kappa * (1 - eA) * gov * Pe
        else:
            damage = -(1 - self.kappa) * self.CE + self.kappa * gov * Pe
        reputation = 1 + self.theta if participate else 1
        if regulate:
            government = (
                damage
                + reputation * self.G1
                - self.CG1
                + (-alpha * P if control else beta * P)
                - (self.epsilon * self.delta * self.CB1 if participate else 0)
            )
        else:
            government = damage - reputation * self.G0
        return enterprise, public, government
