"""Multitask cadre evaluation: GDP against hard-to-measure public services (Holmström-Milgrom).

An official divides effort between a measurable task (``t1``, GDP growth) and a hard-to-measure
one (``t2``, public services, environment) with quadratic cost ``t' C t / 2``,
``C = [[c1, k], [k, c2]]``; ``k > 0`` makes the tasks substitutes (effort on one raises the
marginal cost of the other). The cadre evaluation rewards ``V [w t1 + (1 - w) lam t2]``: ``w`` is
the weight on GDP and ``lam`` in ``(0, 1]`` the measurability of public-service output. Raising
``w`` diverts effort from public services, and beyond ``w = c1 lam / (c1 lam + k)`` they are
abandoned. MODELS.md §8 specifies the model; the Holmström-Milgrom (1991) linear-quadratic-normal
contract (risk aversion ``r``, signal noise ``sigma1, sigma2``) is included as the benchmark.

References
----------
Holmström, B. & Milgrom, P. (1991). Multitask Principal-Agent Analyses: Incentive Contracts,
Asset Ownership, and Job Design. *Journal of Law, Economics, & Organization* 7 (special issue):
24-52.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from ..game import Game
from ..symbolic import Statics, comparative_statics
from .tournament import (
    check_players,
    check_real,
    check_relation,
    distinct_key,
    is_float,
    output,
    to_sympy,
)

__all__ = ["IncentiveContract", "MultitaskEvaluation"]


@dataclass(frozen=True)
class IncentiveContract:
    """A linear contract ``wage = alpha + beta1 x1 + beta2 x2`` and the efforts it induces.

    ``surplus`` is the certainty-equivalent total surplus ``b't - t'Ct/2 - r beta' Sigma beta/2``;
    ``interior`` says whether both efforts are positive (otherwise a non-negativity constraint
    binds and the matrix formula ``(I + r C Sigma)^{-1} b`` does not apply).
    """

    beta: tuple[Any, Any]
    efforts: tuple[Any, Any]
    surplus: Any
    interior: bool


@dataclass(frozen=True)
class MultitaskEvaluation:
    r"""Cadre evaluation with a measurable and a hard-to-measure task (MODELS.md §8).

    Parameters
    ----------
    V:
        Strength of the career incentive: value to the official of one unit of evaluation score
        (``V > 0``). Default 10 [ASM, MODELS.md §8.3 oracles].
    w:
        Weight on GDP in the evaluation, in ``[0, 1]``. Default ``1/2``.
    lam:
        Measurability (signal-to-noise) of public-service output, in ``(0, 1]``. Default 1.
    k:
        Cost substitutability of the two efforts (``k > 0`` substitutes, ``k < 0``
        complements); ``c1 c2 > k**2`` is required (convex cost). Default ``1/2``.
    c1, c2:
        Own cost coefficients of GDP and public-service effort (``> 0``). Default 1 (MODELS.md
        §8.2 uses ``c1 = c2 = 1``).
    b1, b2:
        The principal's (centre's) marginal value of each task (``>= 0``). Defaults 4, 6
        [ASM, oracle M-b].
    r:
        The official's CARA risk aversion for the Holmström-Milgrom contract (``>= 0``).
        Default 1 [ASM].
    sigma1, sigma2:
        Standard deviations of the performance signals ``x_j = t_j + eps_j`` (``> 0``);
        ``sigma2=None`` means the public-service task is not measured at all. Defaults 1 and
        ``None`` [ASM].
    players:
        Names of the two officials of :meth:`game`.

    Numbers (int, Fraction, float) or sympy expressions; exact inputs give exact results.

    Notes
    -----
    **Official's problem** (§8.2). Maximise ``V [w t1 + (1 - w) lam t2] - t'Ct/2``, so
    ``C t = V m`` with ``m = (w, (1 - w) lam)``; with ``c1 = c2 = 1``

        t1 = V [w - k lam (1 - w)] / (1 - k**2),     t2 = V [lam (1 - w) - k w] / (1 - k**2).

    ``dt1/dw = V (1 + k lam)/(1 - k**2) > 0`` and ``dt2/dw = -V (lam + k)/(1 - k**2) < 0``
    (effort diversion, :meth:`diversion`). With ``k > 0`` public services are abandoned
    (``t2 = 0, t1 = V w / c1``) iff ``w >= c1 lam / (c1 lam + k)``
    (:meth:`abandonment_weight`); symmetrically ``t1 = 0`` iff ``c2 w <= k lam (1 - w)``.
    :meth:`efforts` applies these corners, :meth:`interior_efforts` gives the formulas.

    **Centre's optimal weight.** Maximise ``b't - t'Ct/2`` over ``w``; the interior solution
    (``c1 = c2 = 1``) is

        w* = (V k lam + V lam**2 + b1 k lam + b1 - b2 k - b2 lam) / (V (2 k lam + lam**2 + 1)).

    :meth:`interior_optimal_weight` solves the first-order condition symbolically;
    :meth:`optimal_weight` takes the corners into account. When ``lam = 1`` and ``V`` is large
    enough the centre reaches the first best ``C^{-1} b``. ``dw*/dlam`` has the sign of
    ``(V - b1)(k lam**2 + k + 2 lam) + b2 (2 k**2 + 2 k lam + lam**2 - 1)``: lower
    measurability pushes ``w*`` down when this is positive (e.g. at the oracle values), not in
    general.

    **Holmström-Milgrom contract** (§8.1). A CARA agent with signals ``x = t + eps``,
    ``Sigma = diag(sigma1**2, sigma2**2)`` and wage ``alpha + beta'x`` chooses ``t = C^{-1}
    beta``; the optimal incentives are ``beta* = (I + r C Sigma)^{-1} b`` when the induced
    efforts are positive (:meth:`contract`). With the public-service task unmeasured
    (``beta2 = 0``) and ``k > 0`` the official puts no effort on it at all whenever ``beta1 > 0``,
    so the optimum is ``beta1 = b1 / (1 + r sigma1**2 c1)``; the interior formula
    ``(b1 c2 - b2 k)/(c2 + r sigma1**2 (c1 c2 - k**2))`` of MODELS.md §8.1 assumes a negative
    effort and holds only for complements (``k <= 0``).

    **Rank promotion does not undo task weights.** Under a rank rule between two officials with
    the same weights (:meth:`game`, :meth:`rank_efforts`), the win probability depends on
    ``S_i - S_j`` and the equilibrium efforts solve ``C t = V g(0) m``: the formulas above with
    ``V`` replaced by ``V g(0)``. Reweighting *between tasks* changes effort allocation under
    both rules, unlike reweighting own against rival output of one measure (see
    :class:`gametheory.models.PromotionTournament`).

    References
    ----------
    Holmström, B. & Milgrom, P. (1991). Multitask Principal-Agent Analyses: Incentive Contracts,
    Asset Ownership, and Job Design. *Journal of Law, Economics, & Organization* 7: 24-52.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from gametheory.models.multitask import MultitaskEvaluation
    >>> MultitaskEvaluation(V=10, lam=1, k=Fraction(1, 2), w=Fraction(1, 2)).efforts()
    (Fraction(10, 3), Fraction(10, 3))
    >>> MultitaskEvaluation(k=Fraction(1, 2)).abandonment_weight()
    Fraction(2, 3)
    >>> model = MultitaskEvaluation(b1=4, b2=6)
    >>> model.optimal_weight(), model.efforts(Fraction(2, 5)), model.first_best_efforts()
    (Fraction(2, 5), (Fraction(4, 3), Fraction(16, 3)), (Fraction(4, 3), Fraction(16, 3)))
    >>> {name: s.sign for name, s in model.diversion().items()}
    {'t1': 'positive', 't2': 'negative'}
    >>> model.contract().beta  # public services unmeasured: only GDP is paid for
    (Fraction(2, 1), Fraction(0, 1))
    """

    V: Any = 10
    w: Any = Fraction(1, 2)
    lam: Any = 1
    k: Any = Fraction(1, 2)
    c1: Any = 1
    c2: Any = 1
    b1: Any = 4
    b2: Any = 6
    r: Any = 1
    sigma1: Any = 1
    sigma2: Any = None
    players: tuple[str, str] = ("Official 1", "Official 2")

    def __post_init__(self) -> None:
        names = ("V", "w", "lam", "k", "c1", "c2", "b1", "b2", "r", "sigma1")
        for name in names:
            check_real(name, getattr(self, name))
        s = {n: to_sympy(getattr(self, n)) for n in names}
        check_relation(s["V"] > 0, f"the incentive strength V must be positive, got V={self.V}")
        check_relation(
            sympy.And(s["w"] >= 0, s["w"] <= 1),
            f"the GDP weight w must lie in [0, 1], got {self.w}",
        )
        check_relation(
            sympy.And(s["lam"] > 0, s["lam"] <= 1),
            f"the measurability lam must lie in (0, 1], got lam={self.lam}",
        )
        check_relation(s["c1"] > 0, f"the cost coefficient c1 must be positive, got {self.c1}")
        check_relation(s["c2"] > 0, f"the cost coefficient c2 must be positive, got {self.c2}")
        check_relation(
            s["c1"] * s["c2"] - s["k"] ** 2 > 0,
            f"the cost must be convex: c1 c2 > k**2 fails (c1={self.c1}, c2={self.c2}, k={self.k})",
        )
        check_relation(s["b1"] >= 0, f"the value b1 must be >= 0, got {self.b1}")
        check_relation(s["b2"] >= 0, f"the value b2 must be >= 0, got {self.b2}")
        check_relation(s["r"] >= 0, f"the risk aversion r must be >= 0, got r={self.r}")
        check_relation(s["sigma1"] > 0, f"the noise sigma1 must be positive, got {self.sigma1}")
        if self.sigma2 is not None:
            check_real("sigma2", self.sigma2)
            check_relation(
                to_sympy(self.sigma2) > 0, f"the noise sigma2 must be positive, got {self.sigma2}"
            )
        object.__setattr__(self, "players", check_players(self.players))

    # ---------------------------------------------------------------- helpers

    def _p(self, name: str) -> sympy.Expr:
        return to_sympy(getattr(self, name))

    def _floats(self, *extra: Any) -> bool:
        names = ("V", "w", "lam", "k", "c1", "c2", "b1", "b2", "r", "sigma1", "sigma2")
        return is_float(*(getattr(self, n) for n in names), *extra)

    def _weight(self, w: Any) -> sympy.Expr:
        if w is None:
            return self._p("w")
        check_real("w", w)
        check_relation(
            sympy.And(to_sympy(w) >= 0, to_sympy(w) <= 1),
            f"the weight w must lie in [0, 1], got {w}",
        )
        return to_sympy(w)

    def cost_matrix(self) -> sympy.Matrix:
        """``C = [[c1, k], [k, c2]]`` (sympy Matrix)."""
        return sympy.Matrix([[self._p("c1"), self._p("k")], [self._p("k"), self._p("c2")]])

    def _interior(self, w: sympy.Expr, prize: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr]:
        m = sympy.Matrix([w, (1 - w) * self._p("lam")]) * prize
        t = self.cost_matrix().LUsolve(m)
        return sympy.simplify(t[0]), sympy.simplify(t[1])

    def _pair(self, pair: tuple[Any, Any], floats: bool) -> tuple[Any, Any]:
        return output(pair[0], floats), output(pair[1], floats)

    # ---------------------------------------------------------------- official's efforts

    def interior_efforts(self, w: Any = None) -> tuple[Any, Any]:
        """``(t1, t2) = V C^{-1} (w, (1 - w) lam)`` ignoring ``t >= 0`` (any parameters).

        ``w`` defaults to the model's weight; pass a sympy symbol to get formulas in ``w``.
        """
        return self._pair(self._interior(self._weight(w), self._p("V")), self._floats(w))

    def efforts(self, w: Any = None) -> tuple[Any, Any]:
        """The official's optimal efforts with ``t >= 0`` (the KKT solution, MODELS.md §8.2).

        Interior when both interior formulas are ``>= 0``; else ``t2 = 0, t1 = V w / c1`` (GDP
        only) or ``t1 = 0, t2 = V (1 - w) lam / c2``. Needs the signs to be decidable (numeric
        parameters, or symbols with enough assumptions); otherwise use
        :meth:`interior_efforts`.
        """
        w_ = self._weight(w)
        return self._pair(self._kkt(w_, self._p("V")), self._floats(w))

    def _kkt(self, w_: Any, V: Any) -> tuple[Any, Any]:
        """Optimal ``t >= 0`` for prize ``V`` at weight ``w_``: interior, or a corner."""
        lam, c1, c2 = self._p("lam"), self._p("c1"), self._p("c2")
        t1, t2 = self._interior(w_, V)
        for t in (t1, t2):
            if t.is_nonnegative is None and t.is_negative is None:
                raise ValueError(
                    f"cannot decide the sign of the interior effort {t}; give numbers or use "
                    "interior_efforts()"
                )
        if t1.is_nonnegative and t2.is_nonnegative:
            return t1, t2
        if t2.is_negative:
            return V * w_ / c1, sympy.Integer(0)
        return sympy.Integer(0), V * (1 - w_) * lam / c2

    def abandonment_weight(self) -> Any:
        """``w_c = c1 lam / (c1 lam + k)``: public-service effort is zero iff ``w >= w_c``.

        Needs ``k >= 0`` (substitutes or independent tasks); with complements the official never
        abandons public services while ``w < 1``. With ``c1 = 1``: ``lam / (lam + k)``.
        """
        k = self._p("k")
        check_relation(k >= 0, f"abandonment needs substitutes (k >= 0), got k={self.k}")
        c1, lam = self._p("c1"), self._p("lam")
        return output(sympy.simplify(c1 * lam / (c1 * lam + k)), self._floats())

    def diversion(self) -> dict[str, Statics]:
        """``dt1/dw`` and ``dt2/dw`` of the interior efforts, with signs (effort diversion).

        From :func:`gametheory.symbolic.comparative_statics` with ``w`` a positive symbol and
        the other parameters as given: ``{"t1": ..., "t2": ...}``. With ``c1 = c2 = 1`` the
        derivatives are ``V (1 + k lam)/(1 - k**2) > 0`` and ``-V (lam + k)/(1 - k**2) < 0``.
        Signs are decided when the parameters are numbers or suitably declared symbols.
        """
        w = sympy.Symbol("w", positive=True)
        t1, t2 = self._interior(w, self._p("V"))
        return {
            "t1": comparative_statics(t1, [w])[w],
            "t2": comparative_statics(t2, [w])[w],
        }

    # ---------------------------------------------------------------- centre's weight

    def center_objective(self, w: Any = None) -> Any:
        """The centre's payoff ``b1 t1 + b2 t2 - t'Ct/2`` at the official's efforts for ``w``."""
        t = sympy.Matrix([to_sympy(x) for x in self.efforts(w)])
        b = sympy.Matrix([self._p("b1"), self._p("b2")])
        value = (b.T * t)[0] - (t.T * self.cost_matrix() * t)[0] / 2
        return output(sympy.simplify(value), self._floats(w))

    def interior_optimal_weight(self) -> Any:
        """``w*`` from the first-order condition of the centre with interior efforts.

        The objective is quadratic in ``w``; its stationary point is returned (a formula when
        parameters are symbols). With ``c1 = c2 = 1`` it equals the formula in the class notes.
        """
        w = sympy.Symbol("w", real=True)
        t1, t2 = self._interior(w, self._p("V"))
        t = sympy.Matrix([t1, t2])
        b = sympy.Matrix([self._p("b1"), self._p("b2")])
        objective = (b.T * t)[0] - (t.T * self.cost_matrix() * t)[0] / 2
        (root,) = sympy.solve(sympy.diff(objective, w), w)
        return output(sympy.simplify(root), self._floats())

    def optimal_weight(self) -> Any:
        """The centre's optimal ``w`` in ``[0, 1]`` with the efforts' corners (numbers only).

        The objective is continuous and concave-quadratic on each piece (``t1 = 0``, interior,
        ``t2 = 0``), so the optimum is among the pieces' stationary points and their ends.
        """
        V, lam = self._p("V"), self._p("lam")
        c1, c2, k = self._p("c1"), self._p("c2"), self._p("k")
        if not all(x.is_number for x in (V, lam, c1, c2, k, self._p("b1"), self._p("b2"))):
            raise ValueError("optimal_weight needs numbers; use interior_optimal_weight()")
        candidates = {sympy.Integer(0), sympy.Integer(1)}
        if k > 0:
            candidates.add(c1 * lam / (c1 * lam + k))  # t2 = 0 from here on
        if k * lam > 0:
            candidates.add(k * lam / (c2 + k * lam))  # t1 = 0 up to here
        candidates.add(to_sympy(self.interior_optimal_weight()))
        candidates.add(self._p("b1") / V)  # stationary point of the t2 = 0 piece
        candidates.add(1 - self._p("b2") / (V * lam))  # stationary point of the t1 = 0 piece
        best, value = None, None
        for x in sorted(c for c in candidates if 0 <= c <= 1):
            current = to_sympy(self.center_objective(x if not self._floats() else float(x)))
            if value is None or current > value:
                best, value = x, current
        return output(best, self._floats())

    def first_best_efforts(self) -> tuple[Any, Any]:
        """``C^{-1} b``: the efforts that maximise ``b't - t'Ct/2`` (the centre's first best)."""
        t = self.cost_matrix().LUsolve(sympy.Matrix([self._p("b1"), self._p("b2")]))
        return self._pair((sympy.simplify(t[0]), sympy.simplify(t[1])), self._floats())

    def comparative_statics(self, wrt: Any) -> dict[str, dict[sympy.Symbol, Statics]]:
        """Comparative statics of ``t1, t2`` (interior) and ``w*`` with respect to ``wrt``.

        ``wrt`` are sympy symbols among the model's parameters (build the model with symbols);
        returns ``{"t1": ..., "t2": ..., "w*": ...}`` from
        :func:`gametheory.symbolic.comparative_statics`.
        """
        t1, t2 = self._interior(self._p("w"), self._p("V"))
        w_star = to_sympy(self.interior_optimal_weight())
        return {
            "t1": comparative_statics(t1, wrt),
            "t2": comparative_statics(t2, wrt),
            "w*": comparative_statics(w_star, wrt),
        }

    # ---------------------------------------------------------------- Holmström-Milgrom

    def contract(self) -> IncentiveContract:
        """The Holmström-Milgrom (1991) optimal linear contract (MODELS.md §8.1).

        Both tasks measured: ``beta* = (I + r C Sigma)^{-1} b`` and ``t = C^{-1} beta*``, the
        global optimum when the tasks are complements or independent (``k <= 0``) and these
        efforts are non-negative. With substitutes (``k > 0``) the agent's constrained response
        ``t(beta) >= 0`` is piecewise linear and the surplus is not concave in ``beta``, so the
        stationary point (if both efforts are positive) is compared with the two corners, and
        the best is returned: with only task ``j`` worked on, ``beta_j = b_j / (1 + r
        sigma_j**2 c_j)``, ``t_j = beta_j / c_j`` and the other bonus 0 (it would only add
        risk). The unmeasured case (``sigma2=None``, ``beta2 = 0``) is handled likewise.
        Numbers only when a corner has to be compared.
        """
        c1, c2, k = self._p("c1"), self._p("c2"), self._p("k")
        b1, b2, r, s1 = self._p("b1"), self._p("b2"), self._p("r"), self._p("sigma1")
        C = self.cost_matrix()
        floats = self._floats()
        candidates: list[tuple[sympy.Expr, ...]] = []
        if self.sigma2 is not None:
            s2 = self._p("sigma2")
            Sigma = sympy.diag(s1**2, s2**2)
            beta = (sympy.eye(2) + r * C * Sigma).LUsolve(sympy.Matrix([b1, b2]))
            beta = sympy.Matrix([sympy.simplify(x) for x in beta])
            t = C.LUsolve(beta)
            t = [sympy.simplify(x) for x in t]
            interior = all(x.is_nonnegative for x in t)
            if interior and (k <= 0) is sympy.true:
                # complements or independent tasks: the agent's response is linear in beta and
                # the surplus concave, so the stationary point is the global optimum
                surplus = self._surplus(t, beta, [s1, s2])
                return IncentiveContract(
                    self._pair((beta[0], beta[1]), floats),
                    self._pair((t[0], t[1]), floats),
                    output(surplus, floats),
                    True,
                )
            if any(x.is_nonnegative is None for x in t) or (interior and (k > 0) is not sympy.true):
                raise ValueError(
                    f"cannot decide the signs of the efforts {t} or of k; give numbers"
                )
            # substitutes (k > 0): the response t(beta) >= 0 is only piecewise linear, the
            # surplus is not concave in beta, and paying one task alone (no risk premium on the
            # other) can beat the stationary point: compare it with both corners
            if all(x.is_positive for x in t):
                candidates.append((beta[0], beta[1], t[0], t[1]))
            beta2 = b2 / (1 + r * s2**2 * c2)
            candidates.append((sympy.Integer(0), beta2, sympy.Integer(0), beta2 / c2))
        else:
            s2 = sympy.Integer(0)  # beta2 = 0 carries no risk
            if (k <= 0) is sympy.true:  # complements: t2 = -k t1 / c2 >= 0, interior formula
                det = c1 * c2 - k**2
                beta1 = (b1 * c2 - b2 * k) / (c2 + r * s1**2 * det)
                t = [beta1 * c2 / det, -beta1 * k / det]
                return IncentiveContract(
                    self._pair((beta1, sympy.Integer(0)), floats),
                    self._pair((sympy.simplify(t[0]), sympy.simplify(t[1])), floats),
                    output(sympy.simplify(self._surplus(t, [beta1, 0], [s1, s2])), floats),
                    bool(t[0] > 0 and t[1] > 0) if all(x.is_number for x in t) else True,
                )
            if (k > 0) is not sympy.true:
                raise ValueError(f"cannot decide the sign of k={self.k}; declare it")
        beta1 = b1 / (1 + r * s1**2 * c1)
        candidates.append((beta1, sympy.Integer(0), beta1 / c1, sympy.Integer(0)))
        best = None
        for b_1, b_2, t_1, t_2 in candidates:
            surplus = sympy.simplify(self._surplus([t_1, t_2], [b_1, b_2], [s1, s2]))
            if best is None or (surplus - best[-1]).is_positive:
                best = (b_1, b_2, t_1, t_2, surplus)
            elif not (surplus - best[-1]).is_nonpositive:
                raise ValueError("cannot compare the corner contracts symbolically; give numbers")
        assert best is not None
        b_1, b_2, t_1, t_2, surplus = best
        return IncentiveContract(
            self._pair((b_1, b_2), floats),
            self._pair((t_1, t_2), floats),
            output(surplus, floats),
            bool(t_1 != 0 and t_2 != 0),
        )

    def _surplus(self, t: Any, beta: Any, sigma: Any) -> sympy.Expr:
        t = sympy.Matrix(list(t))
        b = sympy.Matrix([self._p("b1"), self._p("b2")])
        risk = sum(bj**2 * sj**2 for bj, sj in zip(beta, sigma, strict=True))
        return (b.T * t)[0] - (t.T * self.cost_matrix() * t)[0] / 2 - self._p("r") * risk / 2

    # ---------------------------------------------------------------- rank tournament

    def rank_efforts(self, h: Any) -> tuple[Any, Any]:
        """Symmetric efforts when two officials are ranked by ``S = w t1 + (1-w) lam t2``.

        Uniform difference noise on ``[-h, h]`` (``g(0) = 1/(2h)``): :meth:`efforts` with ``V``
        replaced by ``V/(2h)`` (``C t = (V/(2h)) m`` when interior, else the corner with one
        effort zero). The task weight ``w`` still moves effort between tasks.
        """
        check_real("h", h)
        check_relation(to_sympy(h) > 0, f"the noise half-width h must be positive, got {h}")
        t = self._kkt(self._p("w"), self._p("V") / (2 * to_sympy(h)))
        return self._pair(t, self._floats(h))

    def game(self, levels: Any, h: Any) -> Game:
        """Two officials ranked by the weighted score, efforts ``(t1, t2)`` on a grid.

        Each official chooses ``(t1, t2)`` with both components in ``levels``; official ``i`` is
        promoted with probability ``min(1, max(0, 1/2 + (S_i - S_j)/(2h)))`` (uniform difference
        noise on ``[-h, h]``, exact rationals) and gets ``V`` times it minus ``t'Ct/2``. While
        ``|S_i - S_j| <= h`` the effort choice is separable, so each official's best grid point
        is dominant and near :meth:`rank_efforts`.
        """
        check_real("h", h)
        hh = to_sympy(h)
        check_relation(hh > 0, f"the noise half-width h must be positive, got {h}")
        levels = list(levels)
        if not levels:
            raise ValueError("levels must contain at least one effort level")
        for n, x in enumerate(levels):
            check_real(f"levels[{n}]", x)
            check_relation(to_sympy(x) >= 0, f"effort levels must be >= 0, got {x}")
        if len({distinct_key(to_sympy(x)) for x in levels}) != len(levels):
            raise ValueError(f"effort levels must be distinct, got {levels}")
        floats = self._floats(h, *levels)
        V, w, lam = self._p("V"), self._p("w"), self._p("lam")
        C = self.cost_matrix()
        profiles = [(to_sympy(x), to_sympy(y)) for x in levels for y in levels]
        half = sympy.Rational(1, 2)

        def score(t: tuple) -> sympy.Expr:
            return w * t[0] + (1 - w) * lam * t[1]

        def cost(t: tuple) -> sympy.Expr:
            v = sympy.Matrix(t)
            return (v.T * C * v)[0] / 2

        def u(ti: tuple, tj: tuple) -> Any:
            p = half + (score(ti) - score(tj)) / (2 * hh)
            value = V * sympy.Min(1, sympy.Max(0, p)) - cost(ti)
            return float(value) if floats and not value.free_symbols else value

        row = [[u(ti, tj) for tj in profiles] for ti in profiles]
        col = [[u(tj, ti) for tj in profiles] for ti in profiles]
        labels = [f"({x}, {y})" for x in levels for y in levels]
        return Game(
            row,
            col,
            players=self.players,
            actions=[labels, labels],
            title="Multitask rank tournament",
        )
