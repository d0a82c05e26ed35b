"""Central government, local governments and enterprises: a tripartite evolutionary game of
environmental regulation.

The applied literature on central–local relations in China models the enforcement of central
environmental policy as an evolutionary game of three populations with bounded rationality
(e.g. Complexity 2019: 7652430; IJERPH 17(22): 8463; *Systems* 12(12): 585; Zhang, Sun & Song,
中国管理科学 31(4): 171-182, 2023; in the same genre with the public instead of the centre:
Wang et al. 2023, :mod:`gametheory.models.air_pollution`). This module builds a model of that
structure [DER: our parametrisation of the genre, not a transcription of one paper]:

* the **central government** supervises strictly (S) or laxly (L); strict supervision costs
  ``C_c`` and earns it the political credibility ``U_c``; it detects a lax local government with
  probability ``pi`` (supervisory capacity that decays through the layers of administrative
  subcontracting, the essay §2.1) and fines it ``F_l``; it rewards a strictly enforcing local
  government with ``R_l``; when both it and the local government are lax and enterprises pollute
  it bears the accountability loss ``K``;
* a **local government** enforces strictly (E) or not (N); enforcement costs ``C_l`` and a green
  subsidy ``S_e`` per green enterprise, and collects the fine ``F_e`` from polluting ones; a lax
  government gains the extra GDP ``G_l`` from unregulated polluting production (the promotion
  tournament's growth incentive, the essay §2.2);
* an **enterprise** produces green (G) at the extra cost ``C_e``, receiving the subsidy under
  enforcement, or pollutes (P), paying ``F_e`` under enforcement.

Payoffs (profile order: centre, local, enterprise; ``[.]`` indicators)::

    centre:     S: U_c - C_c - R_l [E] + pi F_l [N]              L: -K [N][P]
    local:      E: -C_l + R_l [S] - S_e [G] + F_e [P]            N: -pi F_l [S] + G_l [P]
    enterprise: G: -C_e + S_e [E]                                P: -F_e [E]

With ``x``, ``y``, ``z`` the shares of S, E and G the payoff differences of the replicator
system ``x' = x (1 - x) D_x`` etc. are::

    D_x = U_c - C_c - R_l y + pi F_l (1 - y) + K (1 - y)(1 - z)
    D_y = (R_l + pi F_l) x + (F_e - G_l)(1 - z) - S_e z - C_l
    D_z = (S_e + F_e) y - C_e

so the cooperative state (S, E, G) is evolutionarily stable iff ``U_c > C_c + R_l``,
``R_l + pi F_l > S_e + C_l`` and ``S_e + F_e > C_e``, and the state (S, N, P) of strict
supervision with lax enforcement iff ``R_l + pi F_l + F_e < C_l + G_l`` (and
``U_c - C_c + pi F_l + K > 0``): between the two bounds on the central fine both are stable, and
the growth incentive ``G_l`` raises the fine that makes cooperation the *unique* stable state.
:meth:`CentralLocalEnterprise.minimal_fine` computes it with the toolkit.

The default values are illustrative [ASM], chosen so that the status quo fine ``F_l = 2`` leaves
(S, N, P) as the only stable state: cooperation needs ``F_l > 3`` to be stable and ``F_l > 4``
to be the unique stable state.

References
----------
Friedman, D. (1991). Evolutionary games in economics. *Econometrica* 59(3): 637-666.
Ritzberger, K. & Weibull, J. W. (1995). Evolutionary selection in normal-form games.
*Econometrica* 63(6): 1371-1399.
Zhou Li-An 周黎安 (2007). 中国地方官员的晋升锦标赛模式研究. *经济研究* 2007(7).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ._tripartite import TripartiteModel

__all__ = ["SCENARIOS", "CentralLocalEnterprise"]

#: The cooperative state: strict supervision, strict enforcement, green production.
COOPERATION = ("strict", "enforce", "green")

#: Parameter scenarios of the notebook and the paper [ASM]: the status quo, a higher central
#: fine, a fine with weak detection (many layers of subcontracting), and a growth-neutral
#: evaluation (no GDP gain from lax enforcement).
SCENARIOS: dict[str, dict[str, Any]] = {
    "status quo (F_l = 2)": {},
    "higher fine (F_l = 5)": {"F_l": 5},
    "higher fine, weak detection (F_l = 5, pi = 1/2)": {"F_l": 5, "pi": 0.5},
    "no growth incentive (G_l = 0, F_l = 7/2)": {"G_l": 0, "F_l": 3.5},
}


@dataclass(frozen=True)
class CentralLocalEnterprise(TripartiteModel):
    """The tripartite environmental-regulation game (see the module docstring)."""

    C_c: Any = 4
    U_c: Any = 6
    F_l: Any = 2
    pi: Any = 1
    R_l: Any = 1
    K: Any = 5
    C_l: Any = 3
    G_l: Any = 4
    S_e: Any = 1
    F_e: Any = 2
    C_e: Any = 2

    PLAYERS: ClassVar[tuple[str, str, str]] = (
        "Central government",
        "Local government",
        "Enterprise",
    )
    ACTIONS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("strict", "lax"),
        ("enforce", "lax"),
        ("green", "polluting"),
    )
    TITLE: ClassVar[str] = "Central government - local government - enterprise"
    MEANINGS: ClassVar[dict[str, str]] = {
        "C_c": "central cost of strict supervision",
        "U_c": "central political credibility from strict supervision",
        "F_l": "central fine on a lax local government that is detected",
        "pi": "probability that strict supervision detects a lax local government",
        "R_l": "central reward to a strictly enforcing local government",
        "K": "central accountability loss when centre and locality are lax and firms pollute",
        "C_l": "local cost of strict enforcement",
        "G_l": "extra local GDP from unregulated polluting production (tournament incentive)",
        "S_e": "green subsidy paid by an enforcing local government per green enterprise",
        "F_e": "fine an enforcing local government levies on a polluting enterprise",
        "C_e": "enterprise's extra cost of green production",
    }
    NONNEGATIVE: ClassVar[tuple[str, ...]] = (
        "C_c",
        "U_c",
        "F_l",
        "R_l",
        "K",
        "C_l",
        "G_l",
        "S_e",
        "F_e",
        "C_e",
    )
    PROBABILITIES: ClassVar[tuple[str, ...]] = ("pi",)

    def payoffs(self, profile: tuple[int, int, int]) -> tuple[Any, Any, Any]:
        strict, enforce, green = (a == 0 for a in profile)
        fine = self.pi * self.F_l
        if strict:
            centre = self.U_c - self.C_c - (self.R_l if enforce else -fine)
        else:
            centre = -self.K if (not enforce and not green) else 0
        if enforce:
            local = -self.C_l + (self.R_l if strict else 0) + (-self.S_e if green else self.F_e)
        else:
            local = (-fine if strict else 0) + (0 if green else self.G_l)
        firm = (
            (-self.C_e + (self.S_e if enforce else 0)) if green else (-self.F_e if enforce else 0)
        )
        return centre, local, firm

    def minimal_fine(self, *, unique: bool = True) -> Any:
        """The central fine ``F_l`` above which cooperation (strict, enforce, green) is the
        (unique) asymptotically stable state: a :class:`~gametheory.symbolic.Threshold` whose
        ``lower`` is the least fine (exact, a formula when other parameters are symbols)."""
        return self.threshold(COOPERATION, "F_l", unique=unique)
