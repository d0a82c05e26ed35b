"""The central government and two cities: an evolutionary game of regional cooperation.

The essay's remedy for fragmented local governments is a central-led urban agglomeration: the
centre rewards cooperation between cities and penalises defection, while cooperation itself
pays more when the neighbour cooperates too (shared infrastructure, an integrated market, the
agglomeration effect). Evolutionary games of a central government and two local governments
on a cross-boundary task (river basins, air pollution, regional integration) have this
structure (e.g. *Systems* 13(3): 153, 2025, central subsidy versus punishment policies; Huang
et al., 中国西部 2023(6): 73-85, the river-chief system). This module builds such a model
[DER: our parametrisation of the genre]:

* the **centre** intervenes (I) or not (N); intervening costs ``C`` and brings the political
  benefit ``U`` of leading the agglomeration; an intervening centre pays the reward ``R`` to
  every cooperating city and collects the fine ``F`` from every defecting one;
* **city A** (and B) cooperates (C) or defects (D); cooperating alone yields the net private gain
  ``g_A`` (negative when cooperation costs more than it brings to the city itself, as under the
  promotion tournament), and the *spillover* ``e_A`` more when the neighbour cooperates too.

Payoffs (profile order: centre, city A, city B; ``n_C`` cooperating cities)::

    centre:  I: U - C - R n_C + F (2 - n_C)          N: 0
    city A:  C: g_A + e_A [B cooperates] + R [I]     D: -F [I]

With ``x`` the share of intervening centres and ``y``, ``z`` of cooperating cities A, B::

    D_x = U - C - R (y + z) + F (2 - y - z)
    D_y = g_A + e_A z + (R + F) x,    D_z = g_B + e_B y + (R + F) x.

Cooperation without intervention, (N, C, C), is stable iff ``g_A + e_A > 0``, ``g_B + e_B > 0``
and ``U < C + 2R``: when the spillover outweighs the private loss the cities' game is a
coordination game, and a *temporary* central push can move them into the cooperative
equilibrium, which then sustains itself. Defection without intervention, (N, D, D), is stable
iff ``g_A < 0``, ``g_B < 0`` and ``U + 2F < C``; so the centre makes cooperation the unique
stable state by a fine ``F > (C - U)/2`` that it is willing to impose (its threat is credible
only if fines cover the cost of intervening), not by permanent control. Without the spillover
(``g + e < 0``) cooperation is stable only with intervention, which needs ``U > C + 2R``.

Default values are illustrative [ASM].
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ._tripartite import TripartiteModel

__all__ = ["COOPERATION", "SCENARIOS", "CentreAndTwoCities"]

#: Self-sustaining cooperation: the centre withdraws, both cities cooperate.
COOPERATION = ("not intervene", "cooperate", "cooperate")

#: Scenarios [ASM]: the tournament status quo (fines too small to be worth collecting), a
#: credible fine, a weak spillover, and a centre that values its leading role.
SCENARIOS: dict[str, dict[str, Any]] = {
    "status quo (F = 1)": {},
    "credible fine (F = 3)": {"F": 3},
    "weak spillover (e = 1, F = 3)": {"e_A": 1, "e_B": 1, "F": 3},
    "leading role valued (U = 7, e = 1)": {"U": 7, "e_A": 1, "e_B": 1},
}


@dataclass(frozen=True)
class CentreAndTwoCities(TripartiteModel):
    """The central government and two cities (see the module docstring)."""

    C: Any = 4
    U: Any = 1
    R: Any = 1
    F: Any = 1
    g_A: Any = -1
    e_A: Any = 3
    g_B: Any = -2
    e_B: Any = 3

    PLAYERS: ClassVar[tuple[str, str, str]] = ("Central government", "City A", "City B")
    ACTIONS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("intervene", "not intervene"),
        ("cooperate", "defect"),
        ("cooperate", "defect"),
    )
    TITLE: ClassVar[str] = "Central government and two cities"
    MEANINGS: ClassVar[dict[str, str]] = {
        "C": "central cost of intervening (supervision, administration)",
        "U": "central political benefit of leading the agglomeration",
        "R": "central reward per cooperating city",
        "F": "central fine per defecting city",
        "g_A": "city A's net private gain from cooperating alone",
        "e_A": "city A's extra gain when B cooperates too (spillover, agglomeration effect)",
        "g_B": "city B's net private gain from cooperating alone",
        "e_B": "city B's extra gain when A cooperates too",
    }
    NONNEGATIVE: ClassVar[tuple[str, ...]] = ("C", "U", "R", "F", "e_A", "e_B")

    @classmethod
    def symbolic(cls, **overrides: Any) -> CentreAndTwoCities:
        """Every parameter a sympy symbol (positive, except the private gains ``g_A``, ``g_B``,
        which are real), except those in ``overrides``."""
        import sympy

        values = {
            "g_A": sympy.Symbol("g_A", real=True),
            "g_B": sympy.Symbol("g_B", real=True),
        }
        values.update({k: v for k, v in overrides.items() if k in ("g_A", "g_B")})
        rest = {k: v for k, v in overrides.items() if k not in ("g_A", "g_B")}
        model = super().symbolic(**rest)
        return model.replace(**values)

    def payoffs(self, profile: tuple[int, int, int]) -> tuple[Any, Any, Any]:
        intervene, a_coop, b_coop = (k == 0 for k in profile)
        n = int(a_coop) + int(b_coop)
        centre = self.U - self.C - self.R * n + self.F * (2 - n) if intervene else 0

        def city(coop: bool, other: bool, g: Any, e: Any) -> Any:
            if coop:
                return g + (e if other else 0) + (self.R if intervene else 0)
            return -self.F if intervene else 0

        return (
            centre,
            city(a_coop, b_coop, self.g_A, self.e_A),
            city(b_coop, a_coop, self.g_B, self.e_B),
        )

    def minimal_fine(self, *, unique: bool = True) -> Any:
        """The fine ``F`` above which self-sustaining cooperation (not intervene, cooperate,
        cooperate) is the (unique) asymptotically stable state."""
        return self.threshold(COOPERATION, "F", unique=unique)
