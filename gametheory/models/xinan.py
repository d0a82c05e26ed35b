"""Case: the Xin'an River (新安江) inter-provincial eco-compensation, Anhui -> Zhejiang.

Anhui (upstream, U) protects the river at a net annual cost ``c_U``; Zhejiang (downstream, D)
gains ``B_D`` a year from clean water. Since 2012 a compensation agreement, brokered and
(in rounds 1-2) co-funded by the central government, pays Anhui according to the water quality
measured at the Jiekou (街口) boundary section (MODELS.md §5).

Documented facts (MODELS.md §5.1) [DOCUMENTED]
----------------------------------------------
* **Round 1, 2012-2014** (财政部/环保部 implementation plan, Oct 2011): a fund of 5 亿/yr, central
  3 亿, Zhejiang 1 亿, Anhui 1 亿. If the P index at Jiekou is ``P <= 1`` Zhejiang pays Anhui 1 亿,
  if ``P > 1`` Anhui pays Zhejiang 1 亿; **the central 3 亿 goes to Anhui "不论上述何种情况" (in
  either case)** (Sina/新华 2017-10-27; Zhejiang Daily 2024-09-29; 2012 press). The water met the
  standard every year; Anhui received 15 亿 over round 1.
* **Round 2, 2015-2017**: central 9 亿 in total, tapering 4/3/2 亿; each province 2 亿/yr
  (three-year total 21 亿 = 9 + 3(2 + 2)). The conditional amount was **not verified** (one
  report still says ±1 亿).
* **Round 3**: each province 2 亿/yr for 2018-2020 (People's Daily 2018-11-05), stricter standards;
  the central government exited. A 2024 summary dates round 3 as 2018-2022.
* **June 2023**: an upgraded agreement with a "prize pool" of 10 亿 that also covers industry and
  talent cooperation.
* **Scale**: Huangshan invested 12.06 billion yuan (120.6 亿) in basin clean-up by 2018; 6.27
  billion yuan were compensated to Anhui over a decade (Xinhua 2023).

Not verified (flagged defaults, MODELS.md §5.2) [ASSUMPTION]: the P-index coefficients
(``k0 = 0.85`` in round 1, later 0.89 / 0.90; weights 1/4; 2008-2010 baseline), Anhui's cost
``c_U`` and Zhejiang's benefit ``B_D``.

The game (MODELS.md §5.3) [DER]
-------------------------------
t0 the centre commits ``G`` (unconditional in round 1) and the provinces agree the swap ``±X``;
t1 both provinces decide whether to sign (no agreement: no transfers, no ``G``); t2 Anhui chooses
Protect (net cost ``c_U``) or Lax; t3 nature draws compliance ``P <= 1`` with probability
``π_H`` under Protect and ``π_L`` under Lax. Expected payoffs under a signed agreement::

    Anhui     Protect: G + X(2π_H − 1) − c_U        Lax: G + X(2π_L − 1)
    Zhejiang  B_D π_a − X(2π_a − 1),  π_a ∈ {π_H, π_L}
    Centre    −G

(with ``G_conditional=True`` the centre pays ``G`` only on compliance: ``G`` becomes ``G π_a``).
Status quo (no agreement): Anhui Lax, payoffs Anhui 0, Zhejiang ``B_D π_0`` (= 0 with the
default ``π_0 = π_L = 0``), centre 0.

Constraints for "sign and Protect" to be the subgame-perfect outcome:

* ``IC_U`` (static): ``c_U <= 2X(π_H − π_L)``; the unconditional ``G`` drops out.
* ``IR_U``: ``G + X(2π_H − 1) − c_U >= 0``.
* ``IR_D``: ``B_D(π_H − π_0) >= X(2π_H − 1)``.
* Counterfactual, ``G`` conditional on compliance: ``c_U <= (G + 2X)(π_H − π_L)``.
* Renewal [ASSUMPTION: a measured failure ends the programme, all future ``G`` and ``X``]:
  ``c_U <= (π_H − π_L)(2X + δ(G − X)) / (1 − δ π_L)``, i.e. ``c_U <= 2X + δ(G − X)`` with
  deterministic monitoring (derived in :meth:`XinanCompensation.renewal_threshold`).

This module contains no solver code: equilibria come from :mod:`gametheory.equilibria`, the
thresholds from :func:`gametheory.symbolic.equilibrium_conditions` and
:func:`gametheory.symbolic.threshold`, the Coasean range from
:func:`gametheory.bargaining.bargaining_range`.

References
----------
MODELS.md §5 (facts, sources and the game). Coase, R. H. (1960). The Problem of Social Cost.
*Journal of Law and Economics* 3: 1-44. Mailath, G. J. & Samuelson, L. (2006). *Repeated Games
and Reputations*. Oxford University Press (one-shot deviation principle). 李肇桀, 陈博, 梁宁 (2024).
水利视角下新安江流域生态保护补偿机制改革.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from ..bargaining import bargaining_range
from ..equilibria import best_responses, is_equilibrium
from ..game import Game
from ..symbolic import equilibrium_conditions, threshold

__all__ = [
    "FLOAT_TOL",
    "HUANGSHAN_INVESTMENT",
    "PARAMETER_SOURCES",
    "P_INDEX_K0",
    "ROUNDS",
    "SwapRange",
    "XinanCompensation",
    "XinanOutcome",
    "XinanRound",
    "huangshan_annual_cost",
    "p_index",
    "p_index_compliant",
]

#: Absolute tolerance for decisions on float parameters (exact and symbolic input ignore it).
FLOAT_TOL = 1e-9

DOCUMENTED = "DOCUMENTED"
ASSUMPTION = "ASSUMPTION"
UNVERIFIED = "UNVERIFIED"
USER = "USER"

_SOURCES_ROUND1 = (
    "MODELS.md §5.1: 财政部/环保部 implementation plan (Oct 2011); Sina/新华 2017-10-27; "
    "Zhejiang Daily 2024-09-29; 2012 press"
)

#: Status and source of each parameter's default (MODELS.md §5.1-5.3).
PARAMETER_SOURCES: dict[str, tuple[str, str]] = {
    "G": (
        DOCUMENTED,
        "round-1 central money, 3 亿/yr, paid to Anhui in either case; " + _SOURCES_ROUND1,
    ),
    "X": (DOCUMENTED, "round-1 conditional swap ±1 亿; " + _SOURCES_ROUND1),
    "c_U": (
        ASSUMPTION,
        "Anhui's net annual protection cost, illustrative 3/2 (MODELS.md §5.2, X-b)",
    ),
    "B_D": (ASSUMPTION, "Zhejiang's annual benefit, illustrative 6 (MODELS.md §5.2, X-b)"),
    "pi_H": (ASSUMPTION, "compliance probability under Protect; deterministic monitoring 1"),
    "pi_L": (ASSUMPTION, "compliance probability under Lax; deterministic monitoring 0"),
    "pi_0": (ASSUMPTION, "compliance probability without agreement; default π_L (Anhui is lax)"),
    "G_conditional": (
        DOCUMENTED,
        "False: the central money is paid in either case (round 1); " + _SOURCES_ROUND1,
    ),
    "delta": (
        ASSUMPTION,
        "annual discount factor of the renewal version, illustrative 9/10 (MODELS.md §5.4)",
    ),
}

_AMOUNTS = ("G", "X", "c_U", "B_D")
_PROBABILITIES = ("pi_H", "pi_L", "pi_0")
_NUMERIC = (*_AMOUNTS, *_PROBABILITIES, "delta")

PLAYERS = ("Anhui", "Zhejiang", "Centre")
PROTECT, LAX = "Protect", "Lax"
SIGN, REFUSE = "Sign", "Refuse"
SIGNED, FUND = "Signed", "Fund G"
SIGN_PROTECT, SIGN_LAX = "Sign & Protect", "Sign & Lax"


# --------------------------------------------------------------------------------------------
# Numbers of three kinds: exact (Fraction), float, symbolic (sympy)
# --------------------------------------------------------------------------------------------


def _normalise(name: str, value: Any) -> Any:
    """One parameter as a Fraction (rational input), a float, or a sympy expression."""
    if isinstance(value, bool):
        raise TypeError(f"parameter {name} is a boolean ({value!r}); it must be a number")
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr):
            raise TypeError(f"parameter {name} is a sympy {type(value).__name__}, not a number")
        if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo) or value.is_real is False:
            raise ValueError(f"parameter {name} = {value} is not a finite real number")
        if value.is_Rational:
            return Fraction(int(value.p), int(value.q))
        if value.is_Float:
            return float(value)
        return value
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, numbers.Real):
        f = float(value)
        if not math.isfinite(f):
            raise ValueError(f"parameter {name} = {value} is not finite")
        return f
    raise TypeError(
        f"parameter {name} has type {type(value).__name__} ({value!r}); use int, float, "
        "fractions.Fraction or a sympy expression"
    )


def _kind_of(values: Sequence[Any]) -> str:
    if any(isinstance(v, sympy.Basic) for v in values):
        return "symbolic"
    if any(isinstance(v, float) for v in values):
        return "float"
    return "exact"


def _cast(value: Any, kind: str) -> Any:
    if kind == "symbolic":
        if isinstance(value, Fraction):
            return sympy.Rational(value.numerator, value.denominator)
        return sympy.sympify(value)
    if kind == "float":
        return float(value)
    return value


def _from_sympy(value: Any, kind: str) -> Any:
    """A toolkit result (sympy) back in the model's arithmetic."""
    value = sympy.sympify(value)
    if kind == "symbolic":
        return sympy.simplify(value)
    if kind == "float":
        return float(value)
    if not value.is_Rational:
        raise ValueError(f"expected a rational result, got {value}")  # pragma: no cover
    return Fraction(int(value.p), int(value.q))


def _relation(x: Any, strict: bool = False) -> Any:
    """``x >= 0`` (``> 0`` if strict): a bool for numbers (floats within :data:`FLOAT_TOL`), a
    sympy boolean (``true``/``false`` when the symbols' assumptions decide it) for expressions."""
    if isinstance(x, sympy.Basic):
        x = sympy.simplify(x)
        if (x.is_positive if strict else x.is_nonnegative) is True:
            return sympy.true
        if (x.is_nonpositive if strict else x.is_negative) is True:
            return sympy.false
        return sympy.StrictGreaterThan(x, 0) if strict else sympy.GreaterThan(x, 0)
    if isinstance(x, float):
        return bool(x > FLOAT_TOL) if strict else bool(x >= -FLOAT_TOL)
    return bool(x > 0) if strict else bool(x >= 0)


def _is_false(rel: Any) -> bool:
    return rel is False or rel is sympy.false


def _check_false(relation: Any, message: str) -> None:
    if sympy.sympify(relation) is sympy.false:
        raise ValueError(message)


def _decide(condition: Any, what: str) -> bool:
    if isinstance(condition, bool | np.bool_):
        return bool(condition)
    condition = sympy.sympify(condition)
    if condition is sympy.true:
        return True
    if condition is sympy.false:
        return False
    raise ValueError(
        f"cannot decide {what} for symbolic parameters ({condition}); substitute numbers first "
        "(XinanCompensation.subs)"
    )


def _check_delta(value: Any, name: str = "delta") -> Any:
    v = _normalise(name, value)
    inside = sympy.And(sympy.sympify(v) > 0, sympy.sympify(v) < 1)
    if inside is sympy.false:
        raise ValueError(f"{name} = {value} is a discount factor and must lie in (0, 1)")
    return v


# --------------------------------------------------------------------------------------------
# Documented rounds
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XinanRound:
    """One round of the Xin'an agreement (amounts in 亿 yuan per year unless stated).

    ``central`` holds the central amount of each year (``()`` when the centre exited);
    ``zhejiang``/``anhui`` the provinces' annual contributions; ``swap`` the conditional amount
    ``X`` used by :meth:`XinanCompensation.round` (``None`` when nothing sensible is known);
    ``fund`` the total fund (annual for rounds 1-3; the "prize pool" for 2023, period not stated).
    ``documented`` is True when every amount the model uses is documented; ``unverified`` names
    the ones that are not, ``notes`` says why, ``sources`` where the documented ones come from.
    """

    number: int
    years: tuple[int, int | None]
    central: tuple[Fraction, ...]
    zhejiang: Fraction | None
    anhui: Fraction | None
    swap: Fraction | None
    fund: Fraction | None
    documented: bool
    unverified: tuple[str, ...]
    sources: str
    notes: str = ""

    @property
    def mean_central(self) -> Fraction:
        """The mean annual central amount over the round (0 after the centre exited)."""
        if not self.central:
            return Fraction(0)
        return Fraction(sum(self.central), len(self.central))

    def central_in(self, year: int) -> Fraction:
        """The central amount of ``year`` (ValueError outside the round's documented years)."""
        first, last = self.years
        if not self.central:
            if last is not None and not first <= year <= last:
                raise ValueError(f"round {self.number} ran {first}-{last}, not {year}")
            if last is None and year < first:
                raise ValueError(f"round {self.number} started in {first}, not before ({year})")
            return Fraction(0)
        if last is None or not first <= year <= first + len(self.central) - 1:
            raise ValueError(
                f"round {self.number} has documented central amounts for "
                f"{first}-{first + len(self.central) - 1}, not {year}"
            )
        return self.central[year - first]


#: The rounds of MODELS.md §5.1 keyed by number (round 4 = the June 2023 upgraded agreement).
ROUNDS: dict[int, XinanRound] = {
    1: XinanRound(
        number=1,
        years=(2012, 2014),
        central=(Fraction(3),) * 3,
        zhejiang=Fraction(1),
        anhui=Fraction(1),
        swap=Fraction(1),
        fund=Fraction(5),
        documented=True,
        unverified=(),
        sources=_SOURCES_ROUND1,
        notes="central 3 亿/yr to Anhui in either case; ±1 亿 on P <= 1 / P > 1; water met the "
        "standard every year, Anhui received 15 亿",
    ),
    2: XinanRound(
        number=2,
        years=(2015, 2017),
        central=(Fraction(4), Fraction(3), Fraction(2)),
        zhejiang=Fraction(2),
        anhui=Fraction(2),
        swap=Fraction(2),
        fund=None,
        documented=False,
        unverified=("X",),
        sources="MODELS.md §5.1 (central 9 亿 tapering 4/3/2; provinces 2 亿/yr each; total 21 亿)",
        notes="the conditional amount was not verified: X = 2 extends round 1's rule (each "
        "province's contribution goes to the other side), one report says ±1 亿 (pass X=1)",
    ),
    3: XinanRound(
        number=3,
        years=(2018, 2020),
        central=(),
        zhejiang=Fraction(2),
        anhui=Fraction(2),
        swap=Fraction(2),
        fund=Fraction(4),
        documented=False,
        unverified=("X", "end year"),
        sources="People's Daily 2018-11-05 (provinces 2 亿/yr each, 2018-2020, centre exited)",
        notes="a 2024 summary dates round 3 as 2018-2022; the conditional amount is not "
        "verified (X = 2 extends round 1's rule)",
    ),
    4: XinanRound(
        number=4,
        years=(2023, None),
        central=(),
        zhejiang=None,
        anhui=None,
        swap=None,
        fund=Fraction(10),
        documented=False,
        unverified=("X", "G", "contributions", "period of the prize pool"),
        sources="MODELS.md §5.1 (June 2023 upgraded agreement, 'prize pool' 10 亿)",
        notes="the prize pool also covers industry and talent cooperation; its split into a "
        "conditional swap is not documented",
    ),
}


# --------------------------------------------------------------------------------------------
# P index (MODELS.md §5.2, flagged defaults)
# --------------------------------------------------------------------------------------------

#: Reported water-quality stability coefficients k0 by round [UNVERIFIED: secondary literature].
P_INDEX_K0: dict[int, Fraction] = {1: Fraction(17, 20), 2: Fraction(89, 100), 3: Fraction(9, 10)}


def p_index(
    ratios: Sequence[Any], k0: Any = Fraction(17, 20), weights: Sequence[Any] | None = None
) -> Any:
    """The Jiekou P index ``P = k0 Σ_i w_i C_i / C_i0`` (MODELS.md §5.2) [UNVERIFIED formula].

    ``ratios`` are the concentration ratios ``C_i / C_i0`` of the indicators (permanganate
    index, NH3-N, TP and presumably TN) to their baseline (reportedly the 2008-2010 mean), each
    ``>= 0``; ``k0 > 0`` is the "water-quality stability coefficient" (reportedly 0.85 in round
    1, see :data:`P_INDEX_K0`); ``weights`` default to ``1/n`` each (``w_i = 1/4``), must be
    ``>= 0`` and sum to 1. The water is compliant iff ``P <= 1``
    (:func:`p_index_compliant`); with equal weights iff the mean ratio is ``<= 1/k0``.
    Oracle X-d: ``p_index((11/10, 6/5, 13/10, 1)) == 391/400`` (compliant).
    """
    if isinstance(ratios, str | bytes) or not isinstance(ratios, Sequence | np.ndarray):
        raise TypeError(f"ratios must be a sequence of numbers, got {type(ratios).__name__}")
    n = len(ratios)
    if n == 0:
        raise ValueError("ratios is empty: give one concentration ratio per indicator")
    values = [_normalise(f"ratios[{i}]", r) for i, r in enumerate(ratios)]
    k = _normalise("k0", k0)
    if weights is None:
        w = [Fraction(1, n)] * n
    else:
        if isinstance(weights, str | bytes) or not isinstance(weights, Sequence | np.ndarray):
            raise TypeError(f"weights must be a sequence of numbers, got {type(weights).__name__}")
        if len(weights) != n:
            raise ValueError(f"weights has {len(weights)} entries for {n} ratios")
        w = [_normalise(f"weights[{i}]", x) for i, x in enumerate(weights)]
    kind = _kind_of([*values, k, *w])
    values, w, k = [_cast(v, kind) for v in values], [_cast(x, kind) for x in w], _cast(k, kind)
    for i, v in enumerate(values):
        _check_false(_relation(v), f"ratios[{i}] = {v} is a concentration ratio, must be >= 0")
    for i, x in enumerate(w):
        _check_false(_relation(x), f"weights[{i}] = {x} must be >= 0")
    _check_false(_relation(k, strict=True), f"k0 = {k} must be > 0")
    total = sum(w[1:], w[0])
    if kind == "float":
        if abs(total - 1) > FLOAT_TOL:
            raise ValueError(f"weights must sum to 1, they sum to {total}")
    elif kind == "exact":
        if total != 1:
            raise ValueError(f"weights must sum to 1, they sum to {total}")
    elif sympy.simplify(total - 1).is_zero is False:
        raise ValueError(f"weights must sum to 1, they sum to {total}")
    value = k * sum((wi * ri for wi, ri in zip(w, values, strict=True)), _cast(Fraction(0), kind))
    return sympy.simplify(value) if kind == "symbolic" else value


def p_index_compliant(
    ratios: Sequence[Any], k0: Any = Fraction(17, 20), weights: Sequence[Any] | None = None
) -> Any:
    """``P <= 1`` (Zhejiang pays Anhui): a bool, or a sympy condition for symbolic input."""
    value = p_index(ratios, k0, weights)
    return _relation(1 - value)


#: Huangshan's reported investment in basin clean-up by 2018, in 亿 yuan (12.06 billion yuan)
#: [DOCUMENTED, MODELS.md §5.1].
HUANGSHAN_INVESTMENT = Fraction(603, 5)


def huangshan_annual_cost(years: Any = 7, total: Any = HUANGSHAN_INVESTMENT) -> Any:
    """Huangshan's investment spread evenly over ``years`` (亿/yr) [ASSUMPTION].

    The total (120.6 亿 by 2018) is documented; spreading it over 2012-2018 (``years = 7``) is an
    assumption, and so is reading an investment (partly capital, partly financed by the
    compensation itself, partly yielding Anhui's own benefits) as an annual cost ``c_U``. The
    default gives ``603/35 ≈ 17.2`` 亿/yr, against the static swap incentive ``2X = 2``.
    """
    n = _normalise("years", years)
    t = _normalise("total", total)
    kind = _kind_of([n, t])
    _check_false(_relation(_cast(n, kind), strict=True), f"years = {years} must be > 0")
    _check_false(_relation(_cast(t, kind)), f"total = {total} must be >= 0")
    return _cast(t, kind) / _cast(n, kind)


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XinanOutcome:
    """The subgame-perfect outcome of :class:`XinanCompensation` (backward induction).

    ``anhui_plan`` is Anhui's choice in the signed subgame (``"Protect"`` or ``"Lax"``, also when
    the agreement is not signed); ``signs`` whether each province signs; ``signed`` whether the
    agreement is in force; ``anhui_action`` Anhui's action on the path (``"Lax"`` in the status
    quo); ``compliance_probability`` the probability that ``P <= 1`` on the path; ``payoffs``
    the expected payoffs ``{"Anhui", "Zhejiang", "Centre"}``; ``profile`` the same outcome as a
    profile of the reduced normal form :meth:`XinanCompensation.game`; ``protect_game`` and
    ``signing_game`` are the two stages solved.
    """

    signed: bool
    signs: dict[str, bool]
    anhui_plan: str
    anhui_action: str
    compliance_probability: Any
    payoffs: dict[str, Any]
    profile: tuple[str, str, str]
    protect_game: Game = field(repr=False)
    signing_game: Game = field(repr=False)


@dataclass(frozen=True)
class SwapRange:
    """Swaps ``lower <= X <= upper`` that make a no-central-money agreement work.

    ``participation_lower = c_U / (2π_H − 1)`` (Anhui's IR), ``incentive_lower = c_U /
    (2(π_H − π_L))`` (Anhui's IC), ``upper = B_D(π_H − π_0)/(2π_H − 1)`` (Zhejiang's IR);
    ``lower`` is the larger lower bound. ``transfer_range`` is the
    :class:`~gametheory.bargaining.BargainingRange` of *expected* transfers
    ``t = X(2π_H − 1)`` it was computed from. ``empty`` is a bool (sympy condition if symbolic).
    """

    lower: Any
    upper: Any
    participation_lower: Any
    incentive_lower: Any
    transfer_range: Any = field(repr=False)
    empty: Any = False


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XinanCompensation:
    """The Xin'an River eco-compensation game (MODELS.md §5.3), amounts in 亿 yuan per year.

    Parameters (status: DOCUMENTED with its source, or ASSUMPTION)
    --------------------------------------------------------------
    G:
        Central money paid to Anhui when the agreement is signed. Default 3: DOCUMENTED, round 1
        (财政部/环保部 plan Oct 2011; Sina/新华 2017-10-27; Zhejiang Daily 2024-09-29).
    X:
        Conditional swap: Zhejiang pays Anhui ``X`` if ``P <= 1``, Anhui pays Zhejiang ``X``
        if ``P > 1``. Default 1: DOCUMENTED, round 1 (same sources).
    c_U:
        Anhui's net annual cost of Protect (protection cost + forgone development − own local
        benefit). Default 3/2: ASSUMPTION (illustrative, oracle X-b).
    B_D:
        Zhejiang's annual benefit from compliant water. Default 6: ASSUMPTION (X-b).
    pi_H, pi_L:
        Probability of compliance (``P <= 1``) under Protect and under Lax, ``0 <= π_L <= π_H
        <= 1``. Defaults 1 and 0: ASSUMPTION (deterministic monitoring).
    pi_0:
        Compliance probability without an agreement (Zhejiang's status quo gets ``B_D π_0``).
        Default ``None`` = ``π_L`` (without the agreement Anhui is lax): ASSUMPTION.
    G_conditional:
        False: the centre pays ``G`` in either case (DOCUMENTED for round 1, "不论上述何种情况");
        True: the counterfactual in which ``G`` is paid only on compliance.
    delta:
        Annual discount factor of the renewal version, in (0, 1). Default 9/10: ASSUMPTION.
    label:
        Free text (set by :meth:`round`); not compared.
    status:
        Optional ``{parameter: "DOCUMENTED" | "UNVERIFIED" | "ASSUMPTION" | "USER"}`` overrides
        shown by :meth:`provenance` (set by :meth:`round`); not compared.

    Every amount may be an int, Fraction, float or sympy expression (symbols give symbolic
    games, conditions and thresholds; bind them with :meth:`subs`). Amounts must be ``>= 0``,
    probabilities in ``[0, 1]`` with ``π_H >= π_L`` (Protect cannot lower compliance), ``δ`` in
    ``(0, 1)``; violations sympy can decide raise ValueError.

    Payoffs (expected, one year; MODELS.md §5.3)
    --------------------------------------------
    With ``k_a = 1`` (G unconditional) or ``k_a = π_a`` (G conditional)::

        Anhui     Protect: G k_H + X(2π_H − 1) − c_U      Lax: G k_L + X(2π_L − 1)
        Zhejiang  B_D π_a − X(2π_a − 1)
        Centre    −G k_a
        status quo (no agreement): Anhui 0, Zhejiang B_D π_0, Centre 0

    Games: :meth:`protect_game` (Anhui's choice once signed), :meth:`signing_game` (t1, with
    the continuation payoffs), :meth:`game` (the reduced normal form: Anhui {Sign & Protect,
    Sign & Lax, Refuse} × Zhejiang {Sign, Refuse} × Centre {Fund G}). The centre is a player
    with the single action "Fund G": its commitment is fixed by the parameters.
    :meth:`subgame_perfect_outcome` solves the stages backwards with
    :func:`gametheory.equilibria.best_responses`.

    Constraints and thresholds (largest ``c_U``; exact, float or symbolic)
    ----------------------------------------------------------------------
    * :meth:`incentive_threshold`: ``IC_U`` ``c_U <= 2X(π_H − π_L)`` (G drops out), or
      ``(G + 2X)(π_H − π_L)`` when ``G`` is conditional.
    * :meth:`participation_threshold`: ``IR_U`` ``c_U <= G k_H + X(2π_H − 1)``.
    * :meth:`constraints`: ``IC_U``, ``IR_U``, ``IR_D`` ``B_D(π_H − π_0) >= X(2π_H − 1)``,
      ``renewal``.
    * :meth:`renewal_threshold`: ``c_U <= (π_H − π_L)(2X + δ(G − X))/(1 − δ π_L)``
      (``2X + δ(G − X)`` deterministic; ``(π_H − π_L)(G + 2X − δX)/(1 − δ π_L)`` with G
      conditional); :meth:`renewal_limit` as ``δ -> 1``.
    * :meth:`minimal_swap` ``X* = c_U / (2(π_H − π_L))``; :meth:`minimal_central_top_up`
      ``G* = max(0, c_U − X(2π_H − 1))`` (``max(0, c_U − X)`` deterministic).
    * :meth:`coasean_swap_range`: without central money ``max(c_U/(2π_H − 1), c_U/(2(π_H −
      π_L))) <= X <= B_D(π_H − π_0)/(2π_H − 1)``; ``c_U <= X <= B_D`` deterministic.
    * :meth:`compliance_explanations`: which mechanism closes the gap between the static
      incentive and an observed annual cost (MODELS.md §5.4).

    Oracles (MODELS.md §5.4): X-a round 1: IC ``c_U <= 2``, conditional G ``<= 5``, renewal
    (δ = 9/10) ``<= 19/5``, IR ``<= 4``. X-b: ``c_U = 3/2``: both sign, Anhui protects, payoffs
    Anhui 5/2, Zhejiang 5, centre −3.

    Examples
    --------
    >>> from gametheory.models.xinan import XinanCompensation
    >>> m = XinanCompensation()
    >>> m.incentive_threshold(), m.renewal_threshold(), m.participation_threshold()
    (Fraction(2, 1), Fraction(19, 5), Fraction(4, 1))
    >>> out = m.subgame_perfect_outcome()
    >>> out.signed, out.anhui_action, out.payoffs["Anhui"], out.payoffs["Centre"]
    (True, 'Protect', Fraction(5, 2), Fraction(-3, 1))
    >>> XinanCompensation.round(2, year=2015).G
    Fraction(4, 1)
    """

    G: Any = 3
    X: Any = 1
    c_U: Any = Fraction(3, 2)
    B_D: Any = 6
    pi_H: Any = 1
    pi_L: Any = 0
    pi_0: Any = None
    G_conditional: bool = False
    delta: Any = Fraction(9, 10)
    label: str = field(default="", compare=False)
    status: Mapping[str, str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # validation; parameters are stored in one arithmetic (Fraction, float or sympy)
        if not isinstance(self.G_conditional, bool):
            raise TypeError(f"G_conditional must be True or False, got {self.G_conditional!r}")
        if not isinstance(self.label, str):
            raise TypeError(f"label must be a string, got {self.label!r}")
        given = {name: getattr(self, name) for name in _NUMERIC}
        if given["pi_0"] is None:
            given["pi_0"] = given["pi_L"]
        values = {name: _normalise(name, value) for name, value in given.items()}
        kind = _kind_of(list(values.values()))
        for name, value in values.items():
            if name != "pi_0" or self.pi_0 is not None:
                object.__setattr__(self, name, _cast(value, kind))
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_pi0", _cast(values["pi_0"], kind))
        for name in _AMOUNTS:
            v = getattr(self, name)
            _check_false(_relation(v), f"{name} = {v} is an amount and must be >= 0")
        for name in _PROBABILITIES:
            v = self.pi0 if name == "pi_0" else getattr(self, name)
            _check_false(_relation(v), f"{name} = {v} is a probability and must lie in [0, 1]")
            _check_false(_relation(1 - v), f"{name} = {v} is a probability and must lie in [0, 1]")
        _check_false(
            _relation(self.pi_H - self.pi_L),
            f"pi_H = {self.pi_H} < pi_L = {self.pi_L}: Protect cannot make compliance less "
            "likely than Lax",
        )
        d = self.delta
        inside = sympy.And(sympy.sympify(d) > 0, sympy.sympify(d) < 1)
        if inside is sympy.false:
            raise ValueError(f"delta = {d} is a discount factor and must lie in (0, 1)")
        status = dict(self.status or {})
        unknown = set(status) - set(PARAMETER_SOURCES)
        if unknown:
            raise ValueError(f"status names unknown parameters {sorted(unknown)}")
        object.__setattr__(self, "status", status)

    @property
    def kind(self) -> str:
        """``"exact"`` (Fractions), ``"float"`` or ``"symbolic"`` (sympy)."""
        return self._kind  # type: ignore[attr-defined]

    @property
    def pi0(self) -> Any:
        """The resolved ``π_0``: ``pi_0``, or ``π_L`` when ``pi_0`` is None."""
        return self._pi0  # type: ignore[attr-defined]

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """The free sympy symbols of the parameters, sorted by name."""
        free: set[sympy.Symbol] = set()
        for name in _NUMERIC:
            v = getattr(self, name)
            if isinstance(v, sympy.Basic):
                free |= v.free_symbols
        return tuple(sorted(free, key=lambda s: s.name))

    def subs(self, mapping: Mapping[Any, Any] | None = None, /, **values: Any) -> XinanCompensation:
        """Bind symbols by name or symbol, e.g. ``model.subs(c=3)``; unknown names raise."""
        by_name = {s.name: s for s in self.parameters}
        subs: dict[sympy.Symbol, Any] = {}
        for key, value in {**(mapping or {}), **values}.items():
            name = key.name if isinstance(key, sympy.Symbol) else key
            if name not in by_name:
                raise ValueError(
                    f"unknown parameter {name!r}; the model's symbols are {sorted(by_name)}"
                )
            if isinstance(value, Fraction):
                value = sympy.Rational(value.numerator, value.denominator)
            subs[by_name[name]] = value
        new = {
            name: (
                getattr(self, name).subs(subs)
                if isinstance(getattr(self, name), sympy.Basic)
                else getattr(self, name)
            )
            for name in _NUMERIC
        }
        return dataclasses.replace(self, **new)

    def provenance(self) -> Any:
        """A pandas DataFrame: parameter, value, status, source.

        Status is DOCUMENTED or ASSUMPTION for the defaults (:data:`PARAMETER_SOURCES`),
        UNVERIFIED for amounts :meth:`round` took from an unverified entry, USER for values the
        caller changed.
        """
        import pandas as pd

        defaults = XinanCompensation()
        rows = []
        for name, (status, source) in PARAMETER_SOURCES.items():
            value = getattr(self, name)
            if name == "pi_0":
                value = self.pi0
            if name in self.status:  # type: ignore[operator]
                status = self.status[name]  # type: ignore[index]
                source = self.label or source
            elif getattr(self, name) != getattr(defaults, name):
                status, source = USER, "set by the caller"
            rows.append({"parameter": name, "value": value, "status": status, "source": source})
        return pd.DataFrame(rows)

    # ---------------------------------------------------------------- payoffs
    def _c(self, value: Any) -> Any:
        return _cast(
            _normalise("value", value) if not isinstance(value, sympy.Basic) else value, self.kind
        )

    def compliance_probability(self, action: str) -> Any:
        """``π_H`` for ``"Protect"``, ``π_L`` for ``"Lax"``."""
        if action == PROTECT:
            return self.pi_H
        if action == LAX:
            return self.pi_L
        raise ValueError(f"unknown action {action!r}; use 'Protect' or 'Lax'")

    def _central_share(self, action: str) -> Any:
        return self.compliance_probability(action) if self.G_conditional else self._c(1)

    def anhui_payoff(self, action: str) -> Any:
        """Anhui's expected annual payoff under a signed agreement:
        ``G k_a + X(2π_a − 1) − c_U 1[Protect]``."""
        p = self.compliance_probability(action)
        cost = self.c_U if action == PROTECT else self._c(0)
        return self.G * self._central_share(action) + self.X * (2 * p - 1) - cost

    def zhejiang_payoff(self, action: str) -> Any:
        """Zhejiang's expected annual payoff under a signed agreement: ``B_D π_a − X(2π_a − 1)``."""
        p = self.compliance_probability(action)
        return self.B_D * p - self.X * (2 * p - 1)

    def centre_payoff(self, action: str) -> Any:
        """The centre's expected annual payoff under a signed agreement: ``−G k_a``."""
        return -self.G * self._central_share(action)

    def status_quo_payoffs(self) -> tuple[Any, Any, Any]:
        """No agreement: Anhui lax (0), Zhejiang ``B_D π_0``, centre 0."""
        zero = self._c(0)
        return (zero, self.B_D * self.pi0, zero)

    def agreement_payoffs(self, action: str) -> tuple[Any, Any, Any]:
        """(Anhui, Zhejiang, Centre) under a signed agreement and Anhui's ``action``."""
        return (self.anhui_payoff(action), self.zhejiang_payoff(action), self.centre_payoff(action))

    # ---------------------------------------------------------------- games
    def _game(self, cells: dict[tuple[int, ...], tuple[Any, Any, Any]], actions, title) -> Game:
        shape = tuple(len(a) for a in actions)
        arrays = [np.empty(shape, dtype=object) for _ in range(3)]
        for index, payoffs in cells.items():
            for k in range(3):
                arrays[k][index] = payoffs[k]
        return Game.from_arrays(*arrays, players=PLAYERS, actions=actions, title=title)

    def protect_game(self) -> Game:
        """t2, after both signed: Anhui {Protect, Lax} × Zhejiang {Signed} × Centre {Fund G}.

        Payoffs are the agreement payoffs above; only Anhui has a choice.
        """
        return self._game(
            {(0, 0, 0): self.agreement_payoffs(PROTECT), (1, 0, 0): self.agreement_payoffs(LAX)},
            ((PROTECT, LAX), (SIGNED,), (FUND,)),
            "Xin'an: Anhui's protection choice under the agreement",
        )

    def signing_game(self, anhui_plan: str | None = None) -> Game:
        """t1: Anhui {Sign, Refuse} × Zhejiang {Sign, Refuse} × Centre {Fund G}.

        (Sign, Sign) gives the agreement payoffs under ``anhui_plan`` (default: Anhui's
        subgame-perfect choice in :meth:`protect_game`); any refusal gives the status quo.
        """
        plan = self._anhui_plan() if anhui_plan is None else anhui_plan
        self.compliance_probability(plan)
        sq = self.status_quo_payoffs()
        return self._game(
            {
                (0, 0, 0): self.agreement_payoffs(plan),
                (0, 1, 0): sq,
                (1, 0, 0): sq,
                (1, 1, 0): sq,
            },
            ((SIGN, REFUSE), (SIGN, REFUSE), (FUND,)),
            f"Xin'an: signing stage (Anhui then plays {plan})",
        )

    def game(self) -> Game:
        """The reduced normal form of the whole game (t1-t3).

        Anhui {Sign & Protect, Sign & Lax, Refuse} × Zhejiang {Sign, Refuse} × Centre {Fund G};
        the agreement payoffs where both sign, the status quo elsewhere. Its Nash equilibria
        include outcomes that are not subgame perfect (both refusing, in weakly dominated
        actions; Sign & Lax when Zhejiang refuses, a plan that is never tested);
        :meth:`subgame_perfect_outcome` picks the subgame-perfect one.
        """
        sq = self.status_quo_payoffs()
        cells = {
            (0, 0, 0): self.agreement_payoffs(PROTECT),
            (1, 0, 0): self.agreement_payoffs(LAX),
        }
        for index in ((0, 1, 0), (1, 1, 0), (2, 0, 0), (2, 1, 0)):
            cells[index] = sq
        return self._game(
            cells,
            ((SIGN_PROTECT, SIGN_LAX, REFUSE), (SIGN, REFUSE), (FUND,)),
            "Xin'an River eco-compensation (reduced normal form)",
        )

    # ---------------------------------------------------------------- backward induction
    def _require_numbers(self, what: str) -> None:
        if self.kind == "symbolic":
            raise ValueError(
                f"{what} needs numbers; the parameters contain symbols "
                f"{[s.name for s in self.parameters]} (bind them with .subs(...))"
            )

    def _anhui_plan(self) -> str:
        self._require_numbers("Anhui's choice")
        stage = self.protect_game()
        best = best_responses(stage, "Anhui", (PROTECT, SIGNED, FUND))
        # ties go to Protect: the weak inequality of IC_U (the designer's preferred action)
        return PROTECT if 0 in best else LAX

    def subgame_perfect_outcome(self) -> XinanOutcome:
        """The subgame-perfect outcome by backward induction (numbers only).

        t2: Anhui's best response in :meth:`protect_game` (indifference -> Protect, so that
        ``IC_U`` is the weak inequality ``c_U <= 2X(π_H − π_L)``). t1: in :meth:`signing_game`
        each province signs iff signing is a best response to the other signing (weakly
        dominant: a refusal by the other makes signing irrelevant); this profile is a Nash
        equilibrium of the signing game (checked with :func:`gametheory.equilibria.is_equilibrium`)
        and the agreement is in force iff both sign, i.e. iff ``IR_U`` and ``IR_D`` hold.
        """
        plan = self._anhui_plan()
        signing = self.signing_game(plan)
        anhui_signs = 0 in best_responses(signing, "Anhui", (SIGN, SIGN, FUND))
        zhejiang_signs = 0 in best_responses(signing, "Zhejiang", (SIGN, SIGN, FUND))
        profile = (SIGN if anhui_signs else REFUSE, SIGN if zhejiang_signs else REFUSE, FUND)
        if not is_equilibrium(signing, profile):  # pragma: no cover - weak dominance
            raise RuntimeError(
                f"internal error: {profile} is not an equilibrium of the signing game"
            )
        signed = anhui_signs and zhejiang_signs
        payoffs = self.agreement_payoffs(plan) if signed else self.status_quo_payoffs()
        action = plan if signed else LAX
        nf = (
            (SIGN_PROTECT if plan == PROTECT else SIGN_LAX) if anhui_signs else REFUSE,
            SIGN if zhejiang_signs else REFUSE,
            FUND,
        )
        return XinanOutcome(
            signed=signed,
            signs={"Anhui": anhui_signs, "Zhejiang": zhejiang_signs},
            anhui_plan=plan,
            anhui_action=action,
            compliance_probability=self.pi_H
            if signed and plan == PROTECT
            else (self.pi_L if signed else self.pi0),
            payoffs=dict(zip(PLAYERS, payoffs, strict=True)),
            profile=nf,
            protect_game=self.protect_game(),
            signing_game=signing,
        )

    # ---------------------------------------------------------------- thresholds
    def _with_symbolic_cost(self, **changes: Any) -> tuple[XinanCompensation, sympy.Symbol]:
        c = sympy.Dummy("c_U", real=True)
        return dataclasses.replace(self, c_U=c, **changes), c

    def incentive_threshold(self, G_conditional: bool | None = None) -> Any:
        """Largest ``c_U`` at which Anhui protects once signed (static ``IC_U``).

        ``2X(π_H − π_L)`` with ``G`` unconditional (G drops out: it relaxes participation, not
        incentives); ``(G + 2X)(π_H − π_L)`` with ``G`` conditional on compliance. Computed as
        :func:`gametheory.symbolic.threshold` of the Nash condition of Protect in
        :meth:`protect_game` with ``c_U`` symbolic. ``G_conditional=None`` uses the model's.
        """
        flag = self.G_conditional if G_conditional is None else G_conditional
        model, c = self._with_symbolic_cost(G_conditional=flag)
        condition = equilibrium_conditions(model.protect_game(), (PROTECT, SIGNED, FUND))
        return _from_sympy(threshold(condition, c).upper, self.kind)

    def participation_threshold(self) -> Any:
        """Largest ``c_U`` at which Anhui signs and protects (``IR_U``): ``G k_H + X(2π_H − 1)``.

        Computed as :func:`gametheory.symbolic.threshold` of Anhui's comparison of
        (Sign & Protect, Sign) with Refuse in :meth:`game` with ``c_U`` symbolic.
        """
        model, c = self._with_symbolic_cost()
        g = model.game()
        gain = g.payoff((SIGN_PROTECT, SIGN, FUND))[0] - g.payoff((REFUSE, SIGN, FUND))[0]
        return _from_sympy(threshold(sympy.GreaterThan(gain, 0), c).upper, self.kind)

    def _delta_value(self, delta: Any) -> Any:
        if delta is None:
            return self.delta
        return _cast(
            _check_delta(delta), self.kind if not isinstance(delta, sympy.Basic) else "symbolic"
        )

    def renewal_threshold(self, delta: Any = None) -> Any:
        """Largest ``c_U`` at which Protect every year is sustained by the threat of ending the
        programme (renewal version) [ASSUMPTION: a measured failure ends the programme and all
        future ``G`` and ``X``; Anhui's outside option is 0].

        Derivation (one-shot deviation principle). Write ``u_a`` for Anhui's annual payoff of
        action ``a`` (:meth:`anhui_payoff`). Protecting every year is worth
        ``V = u_H + δ π_H V``, i.e. ``V = u_H / (1 − δ π_H)``; a one-year deviation to Lax gives
        ``u_L + δ π_L V``. Protect is optimal iff ``u_H − u_L + δ(π_H − π_L) V >= 0``, equivalently
        ``u_H/(1 − δπ_H) >= u_L/(1 − δπ_L)`` (always Protect beats always Lax); solving for
        ``c_U``::

            c_U <= (π_H − π_L)(2X + δ(G − X)) / (1 − δ π_L)      (G unconditional)
            c_U <= (π_H − π_L)(G + 2X − δX) / (1 − δ π_L)        (G conditional)

        With deterministic monitoring (``π_H = 1, π_L = 0``): ``c_U <= 2X + δ(G − X)``, i.e.
        ``(G + X − c_U)/(1 − δ) >= G − X`` (MODELS.md §5.3): static ``2X`` at ``δ = 0``,
        ``G + X`` (= ``IR_U``) as ``δ -> 1``. Participation (``V >= 0``, i.e. ``IR_U``) is a
        separate condition (:meth:`constraints` ``"renewal"`` requires both); with
        deterministic monitoring it binds first when ``G < X`` (e.g. round 3, ``G = 0``), where
        the renewal threat even lowers the incentive bound below the static ``2X``. ``delta``
        defaults to the model's ``δ``; ``delta`` outside (0, 1) raises ValueError.
        """
        d = self._delta_value(delta)
        G, X, pi_H, pi_L = self.G, self.X, self.pi_H, self.pi_L
        if isinstance(d, sympy.Basic):
            G, X, pi_H, pi_L = (_cast(v, "symbolic") for v in (G, X, pi_H, pi_L))
        central = (G + 2 * X - d * X) if self.G_conditional else (2 * X + d * (G - X))
        value = (pi_H - pi_L) * central / (1 - d * pi_L)
        return sympy.simplify(value) if isinstance(value, sympy.Basic) else value

    def renewal_limit(self) -> Any:
        """The renewal threshold as ``δ -> 1``: ``(π_H − π_L)(G + X)/(1 − π_L)`` (``G + X``
        deterministic, whether or not ``G`` is conditional)."""
        value = (self.pi_H - self.pi_L) * (self.G + self.X) / (1 - self.pi_L)
        return sympy.simplify(value) if isinstance(value, sympy.Basic) else value

    def constraints(self, delta: Any = None) -> dict[str, Any]:
        """The conditions of MODELS.md §5.3 at the model's ``c_U`` (bools, or sympy conditions).

        ``"IC_U"`` Protect is a best response once signed; ``"IR_U"`` Anhui gains from signing
        and protecting; ``"IR_D"`` ``B_D(π_H − π_0) >= X(2π_H − 1)``; ``"renewal"`` Protect is
        sustained by renewal at ``δ`` (renewal ``IC`` and ``IR_U``).
        """
        ic = _relation(self.incentive_threshold() - self.c_U)
        ir_u = _relation(self.participation_threshold() - self.c_U)
        ir_d = _relation(self.B_D * (self.pi_H - self.pi0) - self.X * (2 * self.pi_H - 1))
        renewal = _relation(self.renewal_threshold(delta) - self.c_U)
        symbolic = isinstance(renewal, sympy.Basic) or isinstance(ir_u, sympy.Basic)
        both = sympy.And(renewal, ir_u) if symbolic else (renewal and ir_u)
        return {"IC_U": ic, "IR_U": ir_u, "IR_D": ir_d, "renewal": both}

    def thresholds(self, delta: Any = None) -> dict[str, Any]:
        """Largest ``c_U`` under each condition: ``"IC_U static"`` (G unconditional),
        ``"IC_U G conditional"`` (counterfactual), ``"IR_U"``, ``"renewal"`` (at ``δ``) and
        ``"renewal δ->1"`` (oracle X-a: 2, 5, 4, 19/5, 4)."""
        return {
            "IC_U static": self.incentive_threshold(G_conditional=False),
            "IC_U G conditional": self.incentive_threshold(G_conditional=True),
            "IR_U": self.participation_threshold(),
            "renewal": self.renewal_threshold(delta),
            "renewal δ->1": self.renewal_limit(),
        }

    def protects_with_renewal(self, delta: Any = None) -> bool:
        """Whether the renewal threat sustains Protect at the model's ``c_U`` (numbers only)."""
        return _decide(self.constraints(delta)["renewal"], "the renewal condition")

    def minimal_swap(self) -> Any:
        """``X* = c_U / (2(π_H − π_L))``: the least swap with ``IC_U`` (``c_U/2`` deterministic);
        with ``G_conditional`` the constraint is ``c_U <= (G + 2X)(π_H − π_L)``, so
        ``X* = max(0, c_U / (2(π_H − π_L)) − G/2)``.

        Raises ValueError when ``π_H = π_L`` (uninformative monitoring: no swap rewards
        protection).
        """
        gap = self.pi_H - self.pi_L
        self._require_informative(gap)
        value = self.c_U / (2 * gap)
        if self.G_conditional:
            # IC_U with G paid only on compliance: c_U <= (G + 2X)(pi_H - pi_L)
            value = value - self.G / 2
            if self.kind == "symbolic":
                return sympy.simplify(sympy.Max(0, value))
            return max(self._c(0), value)
        return sympy.simplify(value) if isinstance(value, sympy.Basic) else value

    def _require_informative(self, gap: Any) -> None:
        if _is_false(_relation(gap, strict=True)):
            raise ValueError(
                f"pi_H = pi_L = {self.pi_H}: monitoring is uninformative, so no conditional "
                "payment rewards protection; the formula needs pi_H > pi_L"
            )

    def minimal_central_top_up(self) -> Any:
        """``G* = max(0, c_U − X(2π_H − 1))``: the least unconditional ``G`` with ``IR_U``
        (``max(0, c_U − X)`` deterministic, MODELS.md §5.3). With ``G_conditional`` the
        ``IR_U`` bound is ``G π_H >= c_U − X(2π_H − 1)``: ``G* = max(0, ...)/π_H``.
        """
        need = self.c_U - self.X * (2 * self.pi_H - 1)
        if self.G_conditional:
            if _is_false(_relation(self.pi_H, strict=True)):
                raise ValueError("pi_H = 0: a G paid only on compliance is never paid")
            need = need / self.pi_H
        if self.kind == "symbolic":
            return sympy.simplify(sympy.Max(0, need))
        return max(self._c(0), need)

    def coasean_swap_range(self) -> SwapRange:
        """Swaps ``X`` that make an agreement without central money (``G = 0``) work.

        :func:`gametheory.bargaining.bargaining_range` of the ``G = X = 0`` game between the
        target (Sign & Protect, Sign) and the status quo gives the Coasean range of *expected*
        transfers Zhejiang -> Anhui, ``c_U <= t <= B_D(π_H − π_0)``; the swap moves
        ``t = X(2π_H − 1)`` in expectation, so (for ``π_H > 1/2``)
        ``c_U/(2π_H − 1) <= X <= B_D(π_H − π_0)/(2π_H − 1)``. Anhui's incentive adds
        ``X >= c_U/(2(π_H − π_L))``; deterministic: ``max(c_U/2, c_U) = c_U <= X <= B_D``
        (without the centre ``IR_U`` binds before ``IC_U``). Raises ValueError when
        ``π_H <= 1/2`` (a compliant Anhui would expect to pay under the symmetric swap) or
        ``π_H = π_L``.
        """
        k = self.kind
        rate = 2 * self.pi_H - 1
        if _is_false(_relation(rate, strict=True)):
            raise ValueError(
                f"pi_H = {self.pi_H} <= 1/2: under the symmetric swap a protecting Anhui expects "
                "to pay, so no swap X buys its participation"
            )
        gap = self.pi_H - self.pi_L
        self._require_informative(gap)
        zero = self._c(0)
        bare = dataclasses.replace(self, G=zero, X=zero)
        r = bargaining_range(
            bare.game(), (SIGN_PROTECT, SIGN, FUND), (REFUSE, REFUSE, FUND), "Zhejiang", "Anhui"
        )
        ir_lower = r.lower / rate
        upper = r.upper / rate
        ic_lower = self.c_U / (2 * gap)
        if k == "symbolic":
            lower = sympy.simplify(sympy.Max(ir_lower, ic_lower))
            upper = sympy.simplify(upper)
            empty = sympy.Not(_relation(upper - lower))
            ir_lower, ic_lower = sympy.simplify(ir_lower), sympy.simplify(ic_lower)
        else:
            lower = max(ir_lower, ic_lower)
            empty = not _relation(upper - lower)
        return SwapRange(lower, upper, ir_lower, ic_lower, r, empty)

    # ---------------------------------------------------------------- the gap (MODELS.md §5.4)
    def compliance_explanations(self, annual_cost: Any = None, delta: Any = None) -> Any:
        """Which mechanism closes the gap between the static incentive and an annual cost.

        ``annual_cost`` (default ``c_U``) is the cost of protection per year to be explained,
        e.g. :func:`huangshan_annual_cost` (120.6 亿 by 2018 over 7 years [ASSUMPTION]). Rows
        (a pandas DataFrame, numbers only):

        ============================  ==========================================================
        static swap                   ``IC: 2X(π_H − π_L)``, ``IR: G + X(2π_H − 1)`` (documented)
        G conditional                 ``IC: (G + 2X)(π_H − π_L)``, ``IR: Gπ_H + X(2π_H − 1)``
                                      (counterfactual)
        renewal at δ                  ``IC: (π_H − π_L)(2X + δ(G − X))/(1 − δπ_L)`` [ASM]
        renewal δ -> 1                ``IC: (π_H − π_L)(G + X)/(1 − π_L)`` [ASM]
        own benefits inside c_U       own annual benefit needed with the static swap
        hierarchical incentive        residual annual value needed beyond renewal at δ
        ============================  ==========================================================

        Columns: ``mechanism``, ``status``, ``incentive_bound`` (largest cost with Protect once
        signed), ``participation_bound`` (largest cost with Anhui signing), ``sustains_up_to``
        (their minimum: the largest annual cost the mechanism explains), ``covers``
        (``annual_cost <= sustains_up_to``), ``needed`` (for money rows the shortfall
        ``max(0, annual_cost − sustains_up_to)``; for the last two rows the own benefit /
        political value per year that must be added, in the same units as ``c_U``; with noisy
        monitoring a sanction on *measured* failure must be ``needed/(π_H − π_L)``).
        """
        import pandas as pd

        self._require_numbers("compliance_explanations")
        cost = self.c_U if annual_cost is None else self._c(annual_cost)
        _check_false(_relation(cost), f"annual_cost = {cost} must be >= 0")
        unconditional = dataclasses.replace(self, G_conditional=False)
        conditional = dataclasses.replace(self, G_conditional=True)
        zero = self._c(0)
        rows = []

        def money(name: str, status: str, ic: Any, ir: Any) -> Any:
            sustains = min(ic, ir)
            rows.append(
                {
                    "mechanism": name,
                    "status": status,
                    "incentive_bound": ic,
                    "participation_bound": ir,
                    "sustains_up_to": sustains,
                    "covers": bool(_relation(sustains - cost)),
                    "needed": max(zero, cost - sustains),
                }
            )
            return sustains

        static = money(
            "static swap ±X (G unconditional)",
            DOCUMENTED,
            unconditional.incentive_threshold(),
            unconditional.participation_threshold(),
        )
        money(
            "central G conditional on compliance",
            "COUNTERFACTUAL",
            conditional.incentive_threshold(),
            conditional.participation_threshold(),
        )
        renewal = money(
            "renewal: failure ends the programme (at δ)",
            ASSUMPTION,
            unconditional.renewal_threshold(delta),
            unconditional.participation_threshold(),
        )
        money(
            "renewal, δ -> 1",
            ASSUMPTION,
            unconditional.renewal_limit(),
            unconditional.participation_threshold(),
        )
        for name, base in (
            ("own benefits netted inside c_U (needed with the static swap)", static),
            ("hierarchical / political incentive (residual beyond renewal at δ)", renewal),
        ):
            needed = max(zero, cost - base)
            rows.append(
                {
                    "mechanism": name,
                    "status": ASSUMPTION,
                    "incentive_bound": None,
                    "participation_bound": None,
                    "sustains_up_to": None,
                    "covers": None,
                    "needed": needed,
                }
            )
        return pd.DataFrame(rows)

    # ---------------------------------------------------------------- documented rounds
    @classmethod
    def round(cls, k: int, year: int | None = None, **overrides: Any) -> XinanCompensation:
        """The model with round ``k``'s amounts from :data:`ROUNDS` (1: 2012-2014, 2: 2015-2017,
        3: 2018-2020, 4: the June 2023 agreement).

        ``G`` is the central amount of ``year`` or, without ``year``, the round's mean annual
        amount (round 2: (4 + 3 + 2)/3 = 3); 0 once the centre exited. ``X`` is the round's swap
        (documented for round 1; for rounds 2-3 the unverified extension of round 1's rule,
        ``X = 2``; round 4 has none: pass ``X=``). ``overrides`` set any other parameter
        (``c_U``, ``B_D``, ...). :meth:`provenance` marks each amount DOCUMENTED or UNVERIFIED.
        """
        if isinstance(k, bool) or not isinstance(k, numbers.Integral) or int(k) not in ROUNDS:
            raise ValueError(f"unknown round {k!r}; known rounds: {sorted(ROUNDS)}")
        entry = ROUNDS[int(k)]
        status: dict[str, str] = {}
        if year is not None:
            g = entry.central_in(year)
            when = f"{year}"
        else:
            g = entry.mean_central
            when = "mean annual central amount" if len(set(entry.central)) > 1 else "annual"
        status["G"] = UNVERIFIED if "G" in entry.unverified else DOCUMENTED
        values: dict[str, Any] = {"G": g}
        if entry.swap is not None:
            values["X"] = entry.swap
            status["X"] = UNVERIFIED if "X" in entry.unverified else DOCUMENTED
        elif "X" not in overrides:
            raise ValueError(
                f"round {entry.number} ({entry.years[0]}-): the conditional amount is not "
                f"documented ({entry.notes}); pass X="
            )
        for name in overrides:
            if name not in PARAMETER_SOURCES:
                raise TypeError(f"unknown parameter {name!r}; known: {sorted(PARAMETER_SOURCES)}")
            status[name] = USER
        values.update(overrides)
        last = entry.years[1] if entry.years[1] is not None else ""
        label = (
            f"Xin'an round {entry.number} ({entry.years[0]}-{last}), G {when}: "
            f"{'documented' if entry.documented else 'unverified: ' + ', '.join(entry.unverified)}"
            f"; {entry.sources}"
        )
        return cls(**values, label=label, status=status)
