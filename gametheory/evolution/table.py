"""The stability table of the applied literature, and stability questions as formulas.

Papers of the central–local–enterprise genre print, for every candidate rest point, its
eigenvalues (Lyapunov's first method), the sign conditions under which it is stable and its
class; for two populations also ``det J`` and ``tr J`` (Friedman 1991). :func:`stability_table`
gives that table as a tidy pandas DataFrame (one row per rest point; sympy objects in the cells)
or as LaTeX. :func:`stability_condition` answers "when is this vertex asymptotically stable
(the unique asymptotically stable state)?" as a sympy condition, and
:func:`stability_threshold` solves it for one parameter (the least central penalty that makes
cooperation the unique stable state, as a formula).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sympy

from ..symbolic import Threshold, threshold
from .conditions import _atom, size
from .stability import friedman

__all__ = [
    "LATEX_MAX_NODES",
    "LOCATIONS",
    "StabilityThreshold",
    "stability_condition",
    "stability_table",
    "stability_threshold",
    "table_of",
]


#: Where a rest point can lie: a vertex, an edge, a higher face or the interior.
LOCATIONS = ("vertex", "edge", "face", "interior")

#: A cell of the LaTeX table whose expression tree has more nodes than this is printed as a
#: short note pointing to the DataFrame: typesetting (and reading) a condition of thousands of
#: terms helps nobody, and ``sympy.latex`` on it can take minutes.
LATEX_MAX_NODES = 400


def stability_table(
    system: Any,
    *,
    latex: bool = False,
    locations: Sequence[str] | None = None,
    timeout: float | None = 60.0,
) -> Any:
    """One row per rest point: state, eigenvalues, conditions, class.

    Columns: ``point`` (a label: action names at a vertex), ``location``, one column per state
    variable (its value), ``eigenvalues`` (a tuple), ``exists`` and ``stable`` (sympy
    conditions; ``True``/``False`` for numeric games), ``unstable`` (some eigenvalue has a
    positive real part), ``classification`` (``"stable"``, ``"saddle"``, ``"source"``,
    ``"non-hyperbolic"``, or ``None`` when it depends on the parameters), ``continuum`` and, for
    two-dimensional systems, Friedman's ``det`` and ``trace``.

    ``locations`` keeps only the rest points at those locations (a subset of
    :data:`LOCATIONS`; papers of the genre print the ``("vertex",)`` rows). ``latex=True``
    returns the table as a LaTeX ``tabular`` instead; cells longer than
    :data:`LATEX_MAX_NODES` expression nodes are replaced by a note pointing to the DataFrame.
    """
    keep = _locations(locations)
    points = system.rest_points(timeout=timeout)
    chosen = [pt for pt in points if pt.location in keep]
    df = table_of(system, chosen)
    df.attrs["complete"] = getattr(points, "complete", True)
    return to_latex(df, system) if latex else df


def _locations(locations: Sequence[str] | None) -> tuple[str, ...]:
    if locations is None:
        return LOCATIONS
    if isinstance(locations, str):
        locations = (locations,)
    chosen = tuple(locations)
    unknown = [loc for loc in chosen if loc not in LOCATIONS]
    if unknown or not chosen:
        raise ValueError(
            f"locations must be a non-empty subset of {LOCATIONS}; got {tuple(locations)!r}"
        )
    return chosen


def table_of(system: Any, points: Sequence[Any]) -> pd.DataFrame:
    """The stability table of given rest points."""
    rows = []
    names = [v.name for v in system.variables]
    for pt in points:
        row: dict[str, Any] = {"point": pt.label, "location": pt.location}
        for name, value in zip(names, pt.values, strict=True):
            row[name] = value
        row["eigenvalues"] = tuple(pt.eigenvalues)
        row["exists"] = pt.exists
        row["stable"] = pt.stable
        row["unstable"] = pt.unstable
        row["classification"] = pt.classification
        row["continuum"] = pt.continuum
        if system.dim == 2 and pt.jacobian is not None and not pt.continuum:
            test = friedman(pt.jacobian)
            row["det"] = test["det"]
            row["trace"] = test["trace"]
        rows.append(row)
    columns = [
        "point",
        "location",
        *names,
        "eigenvalues",
        "exists",
        "stable",
        "unstable",
        "classification",
        "continuum",
    ]
    if system.dim == 2:
        columns += ["det", "trace"]
    df = pd.DataFrame(rows, columns=columns)
    df.attrs["complete"] = getattr(points, "complete", True)
    df.attrs["rule"] = system.rule.name
    return df


def to_latex(df: pd.DataFrame, system: Any) -> str:
    """The stability table as a LaTeX ``tabular`` (booktabs rules)."""
    names = [v.name for v in system.variables]
    parametric = system.is_parametric
    head = ["Rest point", "Eigenvalues", "Stable if" if parametric else "Class"]
    if parametric:
        head.insert(1, "Exists if")
    lines = [
        r"\begin{tabular}{" + "l" * len(head) + "}",
        r"\toprule",
        " & ".join(head) + r" \\",
        r"\midrule",
    ]
    for _, row in df.iterrows():
        state = ", ".join(_latex_value(sympy.sympify(row[n])) for n in names)
        point = f"$({state})$"
        eig = ", ".join(_latex_value(e) for e in row["eigenvalues"]) or "--"
        cells = [point, f"${eig}$" if row["eigenvalues"] else "--"]
        if parametric:
            cells.append(_latex_condition(row["exists"]))
            cells.append(_latex_condition(row["stable"]))
        else:
            cells.append(str(row["classification"]))
        lines.append(" & ".join(cells) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines)


def _latex_value(e: Any) -> str:
    if isinstance(e, sympy.Basic) and size(e, LATEX_MAX_NODES + 1) > LATEX_MAX_NODES:
        return r"\text{(long; see the DataFrame)}"
    if isinstance(e, complex):
        return f"{e.real:.4g}" if abs(e.imag) < 1e-15 else f"{e.real:.4g} {e.imag:+.4g}i"
    if hasattr(e, "_latex") and not isinstance(e, sympy.Basic):
        return e._latex()
    return sympy.latex(e)


def _latex_condition(c: Any) -> str:
    if c is sympy.true or c is True:
        return "always"
    if c is sympy.false or c is False:
        return "never"
    if size(c, LATEX_MAX_NODES + 1) > LATEX_MAX_NODES:
        return "(long; see the DataFrame)"
    return f"${sympy.latex(c)}$"


# --------------------------------------------------------------------------------------------
# Questions as formulas
# --------------------------------------------------------------------------------------------


def stability_condition(
    system: Any, profile: Sequence[int | str], *, unique: bool = False
) -> sympy.Basic:
    """When is the vertex ``profile`` asymptotically stable (and the only such rest point)?

    The condition is the conjunction of the sign conditions on the vertex's eigenvalues; with
    ``unique=True`` it adds, for every other candidate rest point ``q``,
    ``not (exists_q and stable_q)``. Under the multi-population replicator dynamics only
    vertices can be asymptotically stable (Ritzberger & Weibull 1995), so the other vertices are
    the only candidates that matter; for one population every candidate is used. Numeric
    systems give ``true``/``false``.
    """
    target = system.vertex(profile)
    points = system.rest_points()
    if not getattr(points, "complete", True):
        raise ValueError(
            "the rest points were not all found (complete=False), so uniqueness cannot be "
            "decided; see rest_points().notes"
        )
    mine = None
    others = []
    for pt in points:
        vertex = tuple(s[0] for s in pt.support) if pt.is_vertex else None
        if vertex == target:
            mine = pt
        else:
            others.append(pt)
    if mine is None:  # pragma: no cover - every vertex is a rest point of these dynamics
        raise ValueError(f"the vertex {profile} is not a rest point of this system")
    condition = _stable_condition(mine)
    if unique:
        for pt in others:
            if pt.continuum:
                continue  # a continuum of rest points is never asymptotically stable
            condition = sympy.And(condition, sympy.Not(sympy.And(pt.exists, _stable_condition(pt))))
    return _simplify(condition)


def _stable_condition(pt: Any) -> sympy.Basic:
    if pt.classification in ("non-hyperbolic", "undetermined"):
        return sympy.false
    return pt.stable


def _simplify(condition: sympy.Basic) -> sympy.Basic:
    if condition in (sympy.true, sympy.false):
        return condition
    try:
        return sympy.simplify_logic(condition) if not condition.free_symbols else condition
    except (TypeError, ValueError):  # pragma: no cover - sympy internals
        return condition


def stability_threshold(
    system: Any, profile: Sequence[int | str], symbol: sympy.Symbol, *, unique: bool = True
) -> StabilityThreshold:
    """The values of ``symbol`` for which the vertex ``profile`` is asymptotically stable (the
    unique asymptotically stable rest point with ``unique=True``), as a
    :class:`~gametheory.symbolic.Threshold` (exact bounds; ``Max``/``Min`` for parametric ones).

    Each other vertex must fail to be stable: ``not (l_1 < 0 and ... and l_n < 0)``, i.e. some
    eigenvalue ``l_k >= 0``. When the eigenvalues are affine in ``symbol`` with coefficients of
    known sign, each such disjunction is one bound (``symbol >= Min`` of the lower bounds when
    every ``l_k`` grows with ``symbol``, ``symbol <= Max`` of the upper ones when every one
    falls). A disjunction mixing both directions is not an interval and raises ``ValueError``
    (substitute the other parameters and use ``sympy.solveset`` on
    :func:`stability_condition`).
    """
    if not isinstance(symbol, sympy.Symbol):
        raise TypeError(f"symbol must be a sympy Symbol, got {symbol!r}")
    if symbol not in system.parameters:
        raise ValueError(
            f"{symbol} is not a parameter of the system; its parameters are "
            f"{[s.name for s in system.parameters]}"
        )
    target = system.vertex(profile)
    points = system.rest_points()
    mine = next(pt for pt in points if pt.is_vertex and tuple(s[0] for s in pt.support) == target)
    parts: list[sympy.Basic] = list(_conjuncts(_stable_condition(mine)))
    # conditions of the target that do not involve the symbol hold wherever it is stable; they
    # decide the matching parts of the other vertices' conditions
    assumed = {_atom(p) for p in parts if symbol not in p.free_symbols} - {None}
    if unique:
        for pt in points:
            if pt is mine or pt.continuum or not (system.single or pt.is_vertex):
                continue
            cond = _stable_condition(pt)
            if cond is sympy.false or pt.exists is sympy.false:
                continue
            if pt.exists is not sympy.true:
                raise ValueError(
                    f"the candidate {pt.label} exists only under {pt.exists}; uniqueness with "
                    "such candidates has no interval form, use stability_condition()"
                )
            negated = _negated_bound(cond, symbol, pt.label, assumed)
            if negated is not None:
                parts.append(negated)
    parts = [p for p in parts if p is not sympy.true]
    if any(p is sympy.false for p in parts):
        raise ValueError(
            f"no value of {symbol} makes {mine.label} "
            + ("the unique asymptotically stable state" if unique else "asymptotically stable")
        )
    requires = tuple(p for p in parts if symbol not in p.free_symbols)
    bounds = [p for p in parts if symbol in p.free_symbols]
    solved = threshold(sympy.And(*bounds), symbol) if bounds else threshold(sympy.true, symbol)
    return StabilityThreshold(**{**solved.__dict__, "requires": requires})


@dataclass(frozen=True)
class StabilityThreshold(Threshold):
    """A :class:`~gametheory.symbolic.Threshold` with the conditions ``requires`` that the other
    parameters must satisfy (those of the target's stability that do not involve the symbol);
    ``condition`` includes them."""

    requires: tuple[sympy.Basic, ...] = ()

    @property
    def condition(self) -> sympy.Basic:
        return sympy.And(super().condition, *self.requires)


def _negative_given(value: sympy.Expr, assumed: set) -> bool:
    """Whether ``value < 0`` follows from the symbols' assumptions and one assumed atom:
    ``value = e + rest`` with ``e < 0`` assumed (or ``-e`` with ``e > 0``) and ``rest <= 0``."""
    num, den = sympy.fraction(sympy.together(value))
    if den.is_negative:
        num = -num
    elif not den.is_positive:
        return False
    num = sympy.expand(num)
    if num.is_negative:
        return True
    for e, op in assumed:
        if (
            op in ("<", "<=")
            and sympy.expand(num - e).is_nonpositive
            and (op == "<" or sympy.expand(num - e).is_negative)
        ):
            return True
        if (
            op in (">", ">=")
            and sympy.expand(num + e).is_nonpositive
            and (op == ">" or sympy.expand(num + e).is_negative)
        ):
            return True
    return False


def _contradicts(key: tuple, assumed: set) -> bool:
    e, op = key
    opposite = {">": ("<", "<="), "<": (">", ">="), ">=": ("<",), "<=": (">",)}.get(op, ())
    return any((e, o) in assumed for o in opposite)


def _conjuncts(c: sympy.Basic) -> tuple[sympy.Basic, ...]:
    return c.args if isinstance(c, sympy.And) else (c,)


def _negated_bound(
    cond: sympy.Basic, symbol: sympy.Symbol, label: str, assumed: set = frozenset()
) -> sympy.Basic | None:
    """``not cond`` for a conjunction of strict inequalities, as one bound on ``symbol``
    (``None`` when ``cond`` already fails under the ``assumed`` atoms)."""
    if cond is sympy.true:
        return sympy.false
    lowers, uppers, constants = [], [], []
    for part in _conjuncts(cond):
        key = _atom(part)
        if key is not None and symbol not in part.free_symbols and _contradicts(key, assumed):
            return None  # this vertex is never stable where the target is
        if key is not None and key in assumed:
            continue  # holds wherever the target is stable: cannot make this vertex unstable
        neg = sympy.Not(part)
        neg = neg if isinstance(neg, sympy.core.relational.Relational) else None
        if neg is None:
            raise ValueError(f"cannot negate the condition {part} of {label}")
        expr = (
            neg.lhs - neg.rhs
            if isinstance(neg, sympy.GreaterThan | sympy.StrictGreaterThan)
            else neg.rhs - neg.lhs
        )
        strict = isinstance(neg, sympy.StrictGreaterThan | sympy.StrictLessThan)
        if symbol not in expr.free_symbols:
            constants.append(neg)
            continue
        poly = sympy.Poly(sympy.expand(expr), symbol)
        if poly.degree() != 1:
            raise ValueError(
                f"the eigenvalue condition {part} of {label} is not linear in {symbol}"
            )
        a, b = poly.all_coeffs()
        bound = sympy.simplify(-b / a)
        if a.is_positive:
            if symbol.is_nonnegative and _negative_given(bound, assumed):
                return None  # "symbol >= bound" always holds: this vertex is never stable
            lowers.append((bound, strict))
        elif a.is_negative:
            if symbol.is_nonnegative and _negative_given(bound, assumed):
                continue  # "symbol <= bound < 0" is impossible for a non-negative symbol
            uppers.append((bound, strict))
        else:
            raise ValueError(
                f"the sign of the coefficient {a} of {symbol} in {part} ({label}) is unknown; "
                "declare the symbols' signs"
            )
    if constants:
        raise ValueError(
            f"{label}: a condition without {symbol} ({constants[0]}) makes uniqueness a "
            "union of cases; use stability_condition()"
        )
    if lowers and uppers:
        raise ValueError(
            f"{label} loses stability both when {symbol} rises and when it falls; the set is "
            "not an interval, use stability_condition()"
        )
    if lowers:
        value = sympy.Min(*(b for b, _ in lowers))
        strict = all(s for _, s in lowers)
        return symbol > value if strict else symbol >= value
    value = sympy.Max(*(b for b, _ in uppers))
    strict = all(s for _, s in uppers)
    return symbol < value if strict else symbol <= value
