"""Administrative subcontracting and unfunded mandates, "上级请客, 下级买单" (MODELS.md §9.1).

Under China's administrative subcontracting system (行政发包制, Zhou 2014) a higher level assigns
tasks to the level below and leaves much of their financing to it: "the superior invites to
dinner, the subordinate pays the bill". MODELS.md §9.1 models this as a Stackelberg game in which
the centre chooses the mandate and the local government bears the unfunded part of its cost.

* :class:`UnfundedMandate` — over-mandating, dead-weight loss, crowding-out of local services,
  the effect of central funding, and (an extension marked as such) the local government's
  compliance decision under imperfect monitoring.
* :func:`pass_down_shares` / :func:`bottom_share` — a mandate passed down several levels, each
  funding a fraction of what it receives.
* :func:`vertical_fiscal_imbalance` — ``VFI = 1 - own revenue / expenditure``.

References
----------
Zhou Li-An 周黎安 (2014). 行政发包制 (Administrative subcontracting). *社会 Chinese Journal of
Sociology* 34(6).
Becker, G. S. (1968). Crime and punishment: an economic approach. *Journal of Political Economy*
76(2): 169-217.
von Stackelberg, H. (1934). *Marktform und Gleichgewicht*. Springer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

import sympy

from ..equilibria import Equilibria, pure_equilibria
from ..game import Game
from ..properties import max_welfare_profiles
from ..symbolic import Threshold, equilibrium_conditions, threshold
from .protectionism import (
    _check_nonnegative,
    _check_parameter,
    _check_probability,
    _decide,
    _players,
    _require_number,
    _tidy,
    _values,
)

__all__ = [
    "UnfundedMandate",
    "bottom_share",
    "pass_down_shares",
    "vertical_fiscal_imbalance",
]

MANDATE, NO_MANDATE = "Mandate", "No mandate"
COMPLY, SHIRK = "Comply", "Shirk"


@dataclass(frozen=True)
class UnfundedMandate:
    """The centre sets a mandate whose cost the local government largely bears (MODELS.md §9.1).

    The centre (Stackelberg leader) chooses the mandate level ``m``. Its benefit is
    ``B(m) = b m - m^2/2``; the unit cost is ``c``, of which the centre funds the fraction ``f``
    (a central transfer ``f c m``) and the local government pays ``(1 - f) c m`` out of its own
    revenue ``s Y``. Payoffs::

        centre:  B(m) - f c m
        local:   g = s Y + f c m - c m = s Y - (1 - f) c m   (discretionary local spending)

    Parameters
    ----------
    b:
        Marginal benefit of the mandate at zero (``b > 0``). Default 10.
    c:
        Unit cost of the mandate (``0 < c <= b``, so that the efficient level ``b - c`` is not
        negative; ``b < c`` — a mandate not worth its cost — is outside the model). Default 2.
    f:
        Share of the cost funded by the centre, in ``[0, 1]``. Default 1/4.
    s, Y:
        The local government's revenue share ``s`` in ``[0, 1]`` and tax base ``Y >= 0``; own
        revenue ``s Y``. Defaults 1/2 and 40 [ASM, illustrative].
    detection, sanction:
        Compliance extension only (see below): probability ``pi`` in ``[0, 1]`` that shirking is
        detected and the sanction ``F >= 0`` per unit of the mandate not delivered. Defaults 1/2
        and 2 [ASM, illustrative].
    players:
        Names of the centre and the local government.

    Defaults ``b, c, f`` are oracle F-a [ASM]. Every parameter may be a number or a sympy
    expression.

    Notes
    -----
    Closed forms (MODELS.md §9.1) [DER; concept from Zhou 2014]:

    * Centre's choice: ``B'(m) = f c``, so ``m_C = b - f c`` (:attr:`mandate_level`).
    * Efficient level (maximising ``B(m) - c m``, the sum of both payoffs): ``m_E = b - c``
      (:attr:`efficient_level`).
    * Over-mandating ``m_C - m_E = (1 - f) c``; dead-weight loss ``((1 - f) c)^2/2``.
    * Unfunded burden ``(1 - f) c m_C``, which crowds out local discretionary spending:
      ``g = s Y - (1 - f) c m_C`` (:attr:`local_spending`).
    * Funding the mandate (``f -> 1``, e.g. by "delegation of power with matching finance")
      removes the distortion: ``m_C -> m_E``, dead-weight loss ``-> 0``.

    :meth:`game` is the Stackelberg choice as a normal form on a grid of mandate levels (the
    local government has the single action Comply), so :func:`gametheory.pure_equilibria` finds
    ``m_C`` and :func:`gametheory.max_welfare_profiles` finds ``m_E``.

    **Compliance extension** [DER in this module, not in MODELS.md]. If the local government
    can shirk (deliver nothing, receive no transfer) at an expected sanction ``pi F`` per unit of
    the mandate, :meth:`compliance_game` is the 2x2 game (centre: Mandate ``m`` / No mandate;
    local: Comply / Shirk)::

                      Comply                                  Shirk
        Mandate       (b m - m^2/2 - f c m, sY - (1-f) c m)   (0, sY - pi F m)
        No mandate    (0, sY)                                 (0, sY)

    The local government moves after seeing the mandate and complies iff ``pi F >= (1 - f) c``
    (for ``m > 0``). With a strict inequality (and ``B(m) > f c m``) (Mandate, Comply) is the
    subgame-perfect outcome and the only strict equilibrium of the normal form, in which
    (No mandate, Shirk) is also a weak equilibrium (nothing is mandated, so the local government
    is indifferent). The minimal funding share that secures compliance is
    ``f* = max(0, 1 - pi F / c)`` (:attr:`minimal_funding_share`); below it the mandate is not
    delivered at all (under-provision ``m_C``).
    :meth:`compliance_threshold` solves the equilibrium conditions of the game for ``f`` with
    :func:`gametheory.symbolic.threshold`.

    Oracle F-a (defaults): ``m_C = 19/2``, ``m_E = 8``, unfunded burden ``57/4``, dead-weight loss
    ``9/8``. With the default ``pi F = 1 < (1 - f) c = 3/2`` the local government shirks;
    ``f* = 1/2``.

    References
    ----------
    Zhou Li-An (2014). 行政发包制 (Administrative subcontracting). *社会 Chinese Journal of
    Sociology* 34(6).
    von Stackelberg, H. (1934). *Marktform und Gleichgewicht*. Springer.
    Becker, G. S. (1968). Crime and punishment: an economic approach. *Journal of Political
    Economy* 76(2): 169-217 (expected sanction ``pi F``).

    Examples
    --------
    >>> from gametheory.models.fiscal import UnfundedMandate
    >>> model = UnfundedMandate()
    >>> model.mandate_level, model.efficient_level, model.deadweight_loss
    (Fraction(19, 2), Fraction(8, 1), Fraction(9, 8))
    """

    b: Any = 10
    c: Any = 2
    f: Any = Fraction(1, 4)
    s: Any = Fraction(1, 2)
    Y: Any = 40
    detection: Any = Fraction(1, 2)
    sanction: Any = 2
    players: tuple[str, str] = ("Centre", "Local government")

    def __post_init__(self) -> None:
        for name, meaning in (("b", "the marginal benefit"), ("c", "the unit cost")):
            value = getattr(self, name)
            _check_parameter(name, value)
            if _decide(sympy.sympify(value) > 0) is False:
                raise ValueError(f"{name} = {value} must be positive ({meaning} of the mandate)")
        if _decide(sympy.sympify(self.b) >= sympy.sympify(self.c)) is False:
            raise ValueError(
                f"the mandate model needs b >= c (the efficient level b - c is not negative), got "
                f"b = {self.b}, c = {self.c}"
            )
        _check_probability("f", self.f, "the centrally funded share of the cost")
        _check_probability("s", self.s, "the local revenue share")
        _check_nonnegative("Y", self.Y, "the local tax base")
        _check_probability("detection", self.detection, "the probability of detecting shirking")
        _check_nonnegative("sanction", self.sanction, "the sanction per undelivered unit")
        object.__setattr__(self, "players", _players(self.players, 2))

    def _vals(self) -> tuple[Any, ...]:
        return _values(self.b, self.c, self.f, self.s, self.Y, self.detection, self.sanction)

    # ---- closed forms ---------------------------------------------------------------------

    def benefit(self, level: Any) -> Any:
        """The centre's gross benefit ``B(m) = b m - m^2/2``."""
        _check_parameter("level", level)
        b, m = _values(self.b, level)
        return _tidy(b * m - m * m / 2)

    def centre_payoff(self, level: Any) -> Any:
        """``B(m) - f c m``."""
        _check_parameter("level", level)
        b, c, f, m = _values(self.b, self.c, self.f, level)
        return _tidy(b * m - m * m / 2 - f * c * m)

    def local_payoff(self, level: Any) -> Any:
        """Local discretionary spending ``s Y - (1 - f) c m`` when it delivers mandate ``m``."""
        _check_parameter("level", level)
        c, f, s, Y, m = _values(self.c, self.f, self.s, self.Y, level)
        return _tidy(s * Y - (1 - f) * c * m)

    def surplus(self, level: Any) -> Any:
        """Social surplus of mandate ``m``: ``B(m) - c m`` (transfers net out)."""
        _check_parameter("level", level)
        b, c, m = _values(self.b, self.c, level)
        return _tidy(b * m - m * m / 2 - c * m)

    @property
    def mandate_level(self) -> Any:
        """``m_C = b - f c``: the centre's choice, from ``B'(m) = f c``."""
        b, c, f, *_ = self._vals()
        return _tidy(b - f * c)

    @property
    def efficient_level(self) -> Any:
        """``m_E = b - c``."""
        b, c, *_ = self._vals()
        return _tidy(b - c)

    @property
    def over_mandating(self) -> Any:
        """``m_C - m_E = (1 - f) c``."""
        _b, c, f, *_ = self._vals()
        return _tidy((1 - f) * c)

    @property
    def deadweight_loss(self) -> Any:
        """``((1 - f) c)^2 / 2 = surplus(m_E) - surplus(m_C)``."""
        gap = self.over_mandating
        return _tidy(gap * gap / 2)

    @property
    def central_transfer(self) -> Any:
        """What the centre pays at its chosen mandate: ``f c m_C``."""
        _b, c, f, *_ = self._vals()
        return _tidy(f * c * self.mandate_level)

    @property
    def unfunded_burden(self) -> Any:
        """What the local government pays: ``(1 - f) c m_C``."""
        _b, c, f, *_ = self._vals()
        return _tidy((1 - f) * c * self.mandate_level)

    @property
    def own_revenue(self) -> Any:
        """``s Y``."""
        _, _, _, s, Y, _, _ = self._vals()
        return _tidy(s * Y)

    @property
    def local_spending(self) -> Any:
        """Local discretionary spending ``g = s Y - (1 - f) c m_C`` (crowded out by the burden)."""
        return _tidy(self.own_revenue - self.unfunded_burden)

    @property
    def local_vfi(self) -> Any:
        """The local level's vertical fiscal imbalance at ``m_C``.

        Its expenditure is discretionary spending plus the full cost of the mandate,
        ``g + c m_C = s Y + f c m_C``, of which ``s Y`` is own revenue, so
        ``VFI = f c m_C / (s Y + f c m_C)`` (:func:`vertical_fiscal_imbalance`).
        """
        return vertical_fiscal_imbalance(
            self.own_revenue, _tidy(self.own_revenue + self.central_transfer)
        )

    def with_funding(self, f: Any) -> UnfundedMandate:
        """The same model with the centrally funded share ``f`` (e.g. ``1``: fully funded)."""
        return replace(self, f=f)

    # ---- compliance extension -------------------------------------------------------------

    @property
    def expected_sanction(self) -> Any:
        """``pi F`` per undelivered unit."""
        *_, pi, F = self._vals()
        return _tidy(pi * F)

    @property
    def complies(self) -> Any:
        """``pi F >= (1 - f) c``: the local government delivers the mandate (bool or condition)."""
        return _decide(sympy.sympify(self.expected_sanction) >= sympy.sympify(self.over_mandating))

    @property
    def minimal_funding_share(self) -> Any:
        """``f* = max(0, 1 - pi F / c)``: the least funded share at which the local complies.

        Above 1 never happens (``pi F >= 0``); when ``f* = 0`` monitoring alone suffices.
        """
        _b, c, *_ = self._vals()
        value = 1 - self.expected_sanction / c
        if isinstance(value, sympy.Basic):
            return _tidy(sympy.Max(0, value))
        return max(value - value, value)

    @property
    def provision(self) -> Any:
        """The mandate delivered in equilibrium: ``m_C`` if the local complies, else 0."""
        complies = self.complies
        if isinstance(complies, sympy.Basic):
            return sympy.Piecewise((self.mandate_level, complies), (0, True))
        m = self.mandate_level
        return m if complies else m - m

    @property
    def under_provision(self) -> Any:
        """``m_C - provision``: the mandate imposed but not delivered."""
        return _tidy(self.mandate_level - self.provision)

    # ---- games ----------------------------------------------------------------------------

    def game(self, levels: Sequence[Any] | None = None) -> Game:
        """The Stackelberg mandate choice as a normal form on a grid of mandate levels.

        The centre chooses ``m`` in ``levels`` (default: the integers from 0 to ``b`` together
        with ``m_E`` and ``m_C``; numeric parameters only); the local government has the single
        action Comply (under administrative subcontracting the mandate is binding). Payoffs are
        ``(B(m) - f c m, s Y - (1 - f) c m)``; the centre's actions are labelled ``"m=<level>"``.
        """
        if levels is None:
            for v in (self.b, self.mandate_level, self.efficient_level):
                _require_number(v, "the default grid of game()")
            top = int(sympy.floor(sympy.sympify(self.b)))
            grid = {Fraction(k) for k in range(top + 1)}
            grid |= {self._as_number(self.mandate_level), self._as_number(self.efficient_level)}
            levels = sorted(grid)
        levels = list(levels)
        if not levels:
            raise ValueError("levels must not be empty")
        for k, m in enumerate(levels):
            _check_nonnegative(f"levels[{k}]", m, "a mandate level")
        if len(set(levels)) != len(levels):
            raise ValueError(f"levels must be distinct, got {levels!r}")
        centre = [[self.centre_payoff(m)] for m in levels]
        local = [[self.local_payoff(m)] for m in levels]
        return Game(
            centre,
            local,
            players=self.players,
            actions=[[f"m={m}" for m in levels], [COMPLY]],
            title="Unfunded mandate: the centre's choice of mandate",
        )

    @staticmethod
    def _as_number(value: Any) -> Any:
        if isinstance(value, sympy.Basic):
            return Fraction(str(value)) if value.is_Rational else float(value)
        return value

    def stackelberg(self, levels: Sequence[Any] | None = None) -> Equilibria:
        """Pure equilibria of :meth:`game` (:func:`gametheory.pure_equilibria`): the centre's
        best mandate on the grid, ``m_C`` when the grid contains it."""
        return pure_equilibria(self.game(levels))

    def efficient_profiles(self, levels: Sequence[Any] | None = None) -> tuple:
        """Welfare-maximising profiles of :meth:`game` (:func:`max_welfare_profiles`): ``m_E``."""
        return max_welfare_profiles(self.game(levels))

    def compliance_game(self, level: Any = None) -> Game:
        """The 2x2 compliance game at mandate ``level`` (default ``m_C``); see the class notes.

        Centre: ``("Mandate", "No mandate")``; local government: ``("Comply", "Shirk")``.
        """
        m = self.mandate_level if level is None else level
        _check_nonnegative("level", m, "a mandate level")
        *_, pi, F = self._vals()
        b, c, f, s, Y, pi, F, m = _values(
            self.b, self.c, self.f, self.s, self.Y, self.detection, self.sanction, m
        )
        own = s * Y
        zero = own - own
        centre = [[_tidy(b * m - m * m / 2 - f * c * m), zero], [zero, zero]]
        local = [[_tidy(own - (1 - f) * c * m), _tidy(own - pi * F * m)], [own, own]]
        return Game(
            centre,
            local,
            players=self.players,
            actions=[[MANDATE, NO_MANDATE], [COMPLY, SHIRK]],
            title="Unfunded mandate: compliance",
        )

    def compliance_threshold(self, level: Any = None) -> Threshold:
        """The funding shares ``f`` at which (Mandate, Comply) is an equilibrium.

        Builds :meth:`compliance_game` with ``f`` symbolic (the model's own symbol if ``f`` is
        one) at the fixed mandate ``level`` (default: ``m_C`` at the current ``f``; it must be
        positive), takes :func:`gametheory.symbolic.equilibrium_conditions` and solves them with
        :func:`gametheory.symbolic.threshold`: ``1 - pi F / c <= f <= (b - m/2)/c`` (the lower
        bound is the local government's compliance, the upper the centre's wish to mandate at
        that cost share).
        """
        m = self.mandate_level if level is None else level
        _check_parameter("level", m)
        if _decide(sympy.sympify(m) > 0) is False:
            raise ValueError(f"the compliance threshold needs a positive mandate level, got {m}")
        f = self.f if isinstance(self.f, sympy.Symbol) else sympy.Symbol("f", nonnegative=True)
        game = replace(self, f=f).compliance_game(m)
        condition = equilibrium_conditions(game, (MANDATE, COMPLY))
        return threshold(condition, f)

    def solvency_threshold(self, parameter: sympy.Symbol) -> Threshold:
        """Solve ``g = s Y - (1 - f) c m_C >= 0`` for a symbolic parameter of the model.

        E.g. with ``Y`` a symbol: ``Y >= (1 - f) c m_C / s``, the tax base below which the
        unfunded mandate leaves the local government no discretionary budget at all.
        :func:`gametheory.symbolic.threshold` (the condition must be linear in ``parameter``).
        """
        if not isinstance(parameter, sympy.Symbol):
            raise TypeError(f"parameter must be a sympy Symbol of the model, got {parameter!r}")
        return threshold(sympy.sympify(self.local_spending) >= 0, parameter)


# --------------------------------------------------------------------------------------------
# Multi-level pass-down and vertical fiscal imbalance
# --------------------------------------------------------------------------------------------


def pass_down_shares(fractions: Sequence[Any]) -> tuple[Any, ...]:
    """Shares of an original mandate cost borne by each level of a chain (MODELS.md §9.1).

    Level ``k`` (from the top) funds the fraction ``f_k`` of the cost it receives and passes the
    rest down; the level below the last one bears what remains. Level ``k`` pays
    ``f_k prod_{j<k} (1 - f_j)``; the bottom level pays ``prod_k (1 - f_k)``. The returned tuple
    has ``len(fractions) + 1`` entries (the bottom level last) and sums to 1.

    >>> pass_down_shares([Fraction(1, 2), Fraction(2, 5), Fraction(1, 3)])
    (Fraction(1, 2), Fraction(1, 5), Fraction(1, 10), Fraction(1, 5))
    """
    if isinstance(fractions, str | bytes) or not isinstance(fractions, Sequence):
        raise TypeError(f"fractions must be a sequence of funding shares, got {fractions!r}")
    if not fractions:
        raise ValueError("fractions must name at least one level")
    for k, f in enumerate(fractions):
        _check_probability(f"fractions[{k}]", f, "a funding share")
    values = _values(*fractions)
    remaining: Any = values[0] ** 0
    shares = []
    for f in values:
        shares.append(_tidy(f * remaining))
        remaining = _tidy(remaining * (1 - f))
    shares.append(remaining)
    return tuple(shares)


def bottom_share(fractions: Sequence[Any]) -> Any:
    """``prod_k (1 - f_k)``: the share of the original cost the bottom level bears."""
    return pass_down_shares(fractions)[-1]


def vertical_fiscal_imbalance(own_revenue: Any, expenditure: Any) -> Any:
    """``VFI = 1 - own revenue / expenditure`` (MODELS.md §9.1).

    Positive when a level spends more than it raises ("administrative power not matched by
    fiscal power", 事权与财权不匹配). ``expenditure`` must be positive.
    """
    _check_nonnegative("own_revenue", own_revenue, "revenue")
    _check_parameter("expenditure", expenditure)
    if _decide(sympy.sympify(expenditure) > 0) is False:
        raise ValueError(f"expenditure must be positive, got {expenditure}")
    rev, exp = _values(own_revenue, expenditure)
    return _tidy(1 - rev / exp)
