"""Rest points of evolutionary systems: exact, face by face, with their stability.

**Replicator dynamics.** ``x'_{p,a} = x_{p,a} (E_{p,a} - Ebar_p)`` vanishes iff every action in
the support ``S_p`` of every population earns the same: the rest points in the relative interior
of the face ``prod_p Delta(S_p)`` are the solutions of the *indifference system*

    E_{p,a}(x) = E_{p,b}(x)   for all a, b in S_p,   x_{p,a} > 0 on S_p,

(every vertex is a rest point). The faces are visited one by one, so a continuum on one face
never hides isolated rest points elsewhere (Hofbauer & Sigmund 1998, §7.2 and §10.3). For
numeric games the system is solved exactly, as in :mod:`gametheory.nplayer`: a Groebner basis,
the shape lemma and exact sign tests for isolated points (rational or algebraic); a
positive-dimensional solution set that meets the open face is reported as a **continuum**
(decided by an exact linear program when it is affine, by exact sample points otherwise). For
parametric games each face's system is solved with sympy for generic parameter values; the
candidate carries the condition ``exists`` under which it lies in the state space (positive
shares, nonzero determinant), and a face whose indifference equations do not involve its own
coordinates (an edge of a multi-population game) gives a continuum candidate that exists iff
those equations hold.

**Replicator–mutator.** The rest points solve the full polynomial system ``F(x) = 0`` on the
state space (exact, numeric games).

**Logit dynamics.** The rest points are the logit quantal response equilibria; they are found
numerically (Newton from a grid of starting states, deduplicated), ``exact=False``.

**Best-response dynamics.** The rest points are the Nash equilibria (of the game, or the
symmetric equilibria for one population), computed exactly by
:func:`gametheory.equilibria`; strict equilibria are asymptotically stable (near a strict
equilibrium the best response is constant, so ``x' = e - x``), the others are
``"undetermined"``: the linearisation does not exist.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations, product
from typing import Any

import numpy as np
import sympy

from .conditions import conjunction, nonzero, positive, simplest
from .dynamics import BestResponse, Logit, Replicator, ReplicatorMutator
from .stability import (
    Linearization,
    classify_algebraic,
    classify_rational,
    plain_det,
    structural_linearization,
    symbolic_linearization,
)

__all__ = ["NonHyperbolicError", "RestPoint", "RestPoints", "rest_points"]


class NonHyperbolicError(ValueError):
    """Raised when the stability of a non-hyperbolic rest point is asked for without a flag."""


@dataclass(frozen=True)
class RestPoint:
    """A rest point (or a continuum of rest points) of an evolutionary system.

    Attributes
    ----------
    state:
        One mixed strategy per population, a tuple of tuples of probabilities: exact
        (``sympy.Rational``, radicals or ``CRootOf``) for exact games, floats for the logit
        dynamics, sympy expressions of the parameters for parametric games. For a continuum the
        entries are expressions of its free coordinates (see ``constraints``).
    values:
        The state as values of the system's variables.
    support:
        Indices of the actions with positive share, per population.
    location:
        ``"vertex"``, ``"edge"``, ``"face"`` or ``"interior"`` (of the state space).
    jacobian:
        The Jacobian at the point (sympy; ``None`` for the best-response dynamics).
    eigenvalues:
        Its eigenvalues with multiplicity (exact where sympy finds them, else complex floats).
    classification:
        ``"stable"`` (asymptotically stable), ``"saddle"``, ``"source"`` or
        ``"non-hyperbolic"`` (a zero real part: never called stable); ``None`` when it depends
        on the parameters; ``"undetermined"`` for non-strict equilibria of the best-response
        dynamics.
    exists:
        Condition under which the point lies in the state space (``true`` for numeric games).
    stable, unstable:
        Conditions under which every eigenvalue has a negative real part, and some eigenvalue
        a positive one (``true``/``false`` for numeric games).
    continuum:
        True for a set of rest points of dimension ``dimension`` (a degenerate game).
    constraints:
        For a continuum: the equations and inequalities its free coordinates satisfy.
    exact:
        Whether the point and its class were decided without floating tolerances.
    """

    state: tuple[tuple[Any, ...], ...]
    values: tuple[Any, ...]
    support: tuple[tuple[int, ...], ...]
    location: str
    jacobian: sympy.Matrix | None
    eigenvalues: tuple[Any, ...]
    classification: str | None
    exists: sympy.Basic = sympy.true
    stable: sympy.Basic = sympy.false
    unstable: sympy.Basic = sympy.false
    continuum: bool = False
    dimension: int = 0
    constraints: tuple[sympy.Basic, ...] = ()
    exact: bool = True
    label: str = ""
    representative: tuple[tuple[Any, ...], ...] | None = None
    characteristic: sympy.Expr | None = field(default=None, repr=False)

    @property
    def is_vertex(self) -> bool:
        """True at a vertex (every population plays one action)."""
        return self.location == "vertex"

    def is_stable(self, *, allow_non_hyperbolic: bool = False) -> bool:
        """Whether the point is asymptotically stable (numeric systems).

        Raises :class:`NonHyperbolicError` for a non-hyperbolic point, whose stability the
        linearisation does not decide, unless ``allow_non_hyperbolic=True`` (then False: it
        is not known to be asymptotically stable). Raises ``ValueError`` when the class
        depends on the parameters.
        """
        if self.classification is None:
            raise ValueError(
                "the stability depends on the parameters; read .stable (a condition) or "
                "substitute values with system.subs(...)"
            )
        if self.classification in ("non-hyperbolic", "undetermined"):
            if not allow_non_hyperbolic:
                what = "a continuum of rest points" if self.continuum else "this rest point"
                raise NonHyperbolicError(
                    f"{what} {self.label} is {self.classification}: an eigenvalue has zero real "
                    "part, so the linearisation does not decide its stability; pass "
                    "allow_non_hyperbolic=True to treat it as not asymptotically stable, or "
                    "study it by simulation"
                )
            return False
        return self.classification == "stable"

    def as_float(self) -> tuple[np.ndarray, ...]:
        """The state as float arrays (the representative point of a continuum)."""
        state = self.representative if self.continuum else self.state
        if state is None:
            raise ValueError("this continuum has no known representative point")
        return tuple(np.array([complex(sympy.N(v)).real for v in s]) for s in state)

    def __repr__(self) -> str:
        cls = self.classification or "depends on parameters"
        eig = ", ".join(_short(e) for e in self.eigenvalues)
        head = "Continuum" if self.continuum else "RestPoint"
        extra = f", dimension {self.dimension}" if self.continuum else ""
        cond = "" if self.exists is sympy.true else f"; exists if {self.exists}"
        return f"{head}({self.label}; {self.location}{extra}; eigenvalues [{eig}]; {cls}{cond})"


class RestPoints(list):
    """The rest points of a system (a list of :class:`RestPoint`).

    ``complete`` is False when some face could not be decided (a nonlinear continuum without a
    sample point, an unsolved parametric system, a timeout); ``system`` is the system.
    """

    def __init__(
        self, points: Sequence[RestPoint], system: Any, complete: bool = True, notes: Any = ()
    ) -> None:
        super().__init__(points)
        self.system = system
        self.complete = complete
        self.notes = tuple(notes)

    @property
    def stable(self) -> list[RestPoint]:
        """The asymptotically stable points (numeric systems)."""
        return [p for p in self if p.classification == "stable"]

    @property
    def continua(self) -> list[RestPoint]:
        """The continua of rest points."""
        return [p for p in self if p.continuum]

    def to_dataframe(self) -> Any:
        """The stability table of these points (see :func:`~.table.stability_table`)."""
        from .table import table_of

        return table_of(self.system, self)


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def rest_points(system: Any, *, timeout: float | None = 60.0) -> RestPoints:
    """All rest points of ``system`` on its state space, each with its linearisation.

    ``timeout`` (seconds, ``None`` for no limit) bounds the search: faces left when it expires
    are not searched and the result has ``complete=False`` (with a warning). See the module
    docstring for the method of each rule.
    """
    if timeout is not None and (isinstance(timeout, bool) or not timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds or None, got {timeout!r}")
    deadline = None if timeout is None else time.monotonic() + float(timeout)
    rule = system.rule
    if isinstance(rule, Replicator):
        if system.game.kind == "symbolic":
            return _symbolic_faces(system, deadline)
        return _exact_faces(system, deadline)
    if isinstance(rule, ReplicatorMutator):
        return _mutator_points(system, deadline)
    if isinstance(rule, Logit):
        return _logit_points(system, deadline)
    if isinstance(rule, BestResponse):
        return _nash_points(system)
    raise TypeError(f"no rest-point method for the rule {rule!r}")  # pragma: no cover


# --------------------------------------------------------------------------------------------
# Faces
# --------------------------------------------------------------------------------------------


@dataclass
class _Face:
    supports: tuple[tuple[int, ...], ...]
    unknowns: list[sympy.Symbol]
    shares: list[list[sympy.Expr]]  # per population, per action (in the unknowns)
    subs: dict[sympy.Symbol, sympy.Expr]  # state variable -> expression in the unknowns
    equations: list[sympy.Expr]
    positive: list[sympy.Expr]


def _faces(system: Any) -> list[tuple[tuple[int, ...], ...]]:
    """Every support profile, by increasing face dimension."""
    choices = []
    for p in system.populations:
        subsets = [c for r in range(1, p.size + 1) for c in combinations(range(p.size), r)]
        choices.append(subsets)
    faces = list(product(*choices))
    faces.sort(key=lambda f: (sum(len(s) - 1 for s in f), f))
    return faces


def _face(system: Any, supports: tuple[tuple[int, ...], ...]) -> _Face:
    unknowns: list[sympy.Symbol] = []
    shares: list[list[sympy.Expr]] = []
    positive_: list[sympy.Expr] = []
    for k, (p, s) in enumerate(zip(system.populations, supports, strict=True)):
        vec: list[sympy.Expr] = [sympy.Integer(0)] * p.size
        if len(s) == 1:
            vec[s[0]] = sympy.Integer(1)
        else:
            # the shares of all support actions but the last are the unknowns, so that on a
            # face the unknowns are (where they can be) the state variables themselves
            us = [sympy.Dummy(f"u{k}_{j}", real=True) for j in range(len(s) - 1)]
            unknowns.extend(us)
            vec[s[-1]] = 1 - sum(us)
            for a, u in zip(s[:-1], us, strict=True):
                vec[a] = u
            positive_.extend(vec[a] for a in s)
        shares.append(vec)
    subs = {}
    for p, vec in zip(system.populations, shares, strict=True):
        for v, value in zip(p.variables, vec[:-1], strict=True):
            subs[v] = value
    equations = []
    for f, s in zip(system.fitness, supports, strict=True):
        if len(s) < 2:
            continue
        base = f[s[0]]
        for a in s[1:]:
            e = sympy.expand((f[a] - base).xreplace(subs))
            equations.append(e)
    return _Face(supports, unknowns, shares, subs, equations, positive_)


def _location(system: Any, supports: tuple[tuple[int, ...], ...]) -> str:
    d = sum(len(s) - 1 for s in supports)
    if d == 0:
        return "vertex"
    if d == system.dim:
        return "interior"
    return "edge" if d == 1 else "face"


def _values_of(system: Any, state: Sequence[Sequence[Any]]) -> tuple[Any, ...]:
    return tuple(v for s in state for v in tuple(s)[:-1])


# --------------------------------------------------------------------------------------------
# Numeric games: exact algebra
# --------------------------------------------------------------------------------------------


def _expired(deadline: float | None, notes: list[str]) -> bool:
    """Whether the face search is past its deadline (then noted and warned about)."""
    if deadline is None or time.monotonic() <= deadline:
        return False
    notes.append("timeout: not every face was searched")
    warnings.warn(
        "rest_points: the time limit expired before every face was searched; the list "
        "is incomplete (complete=False); raise timeout= to search them all",
        RuntimeWarning,
        stacklevel=4,
    )
    return True


def _exact_faces(system: Any, deadline: float | None) -> RestPoints:
    from .. import nplayer

    points: list[RestPoint] = []
    complete = True
    notes: list[str] = []
    jac = system.jacobian
    for supports in _faces(system):
        if _expired(deadline, notes):
            complete = False
            break
        face = _face(system, supports)
        location = _location(system, supports)
        if not face.unknowns:  # a vertex
            state = tuple(tuple(v for v in vec) for vec in face.shares)
            values = _values_of(system, state)
            J = jac.xreplace(dict(zip(system.variables, values, strict=True)))
            lin = classify_rational(J)
            points.append(_point(system, state, supports, location, J, lin))
            continue
        nsys = nplayer._System(
            supports,
            face.unknowns,
            [e for e in face.equations if e != 0],
            face.positive,
            [],
            face.shares,
            [],
        )
        status, data = nplayer._solve(nsys)
        if status == "empty":
            continue
        if status == "points":
            for pt in data:
                if not nplayer._feasible(pt, nsys):
                    continue
                points.append(_algebraic_point(system, face, location, pt, jac))
            continue
        if status == "unresolved":  # pragma: no cover - shape form exists for radical ideals
            complete = False
            notes.append(f"face {supports}: the polynomial system was not solved")
            continue
        cont = _exact_continuum(system, face, location, nsys, data, deadline)
        if cont is None:
            continue
        if cont.exists is not sympy.true:
            complete = False
            notes.append(f"face {supports}: a continuum that may or may not meet the open face")
        points.append(cont)
    return RestPoints(points, system, complete, notes)


def _point(
    system: Any,
    state: tuple[tuple[Any, ...], ...],
    supports: tuple[tuple[int, ...], ...],
    location: str,
    J: sympy.Matrix,
    lin: Linearization,
    *,
    exists: sympy.Basic = sympy.true,
) -> RestPoint:
    return RestPoint(
        state=state,
        values=_values_of(system, state),
        support=supports,
        location=location,
        jacobian=J,
        eigenvalues=lin.eigenvalues,
        classification=lin.classification,
        exists=exists,
        stable=lin.stable,
        unstable=lin.unstable,
        exact=lin.exact,
        label=system.space.label(state),
        characteristic=lin.characteristic,
    )


def _algebraic_point(
    system: Any, face: _Face, location: str, pt: Any, jac: sympy.Matrix
) -> RestPoint:
    gens = face.unknowns
    state = tuple(tuple(pt.value(pt.reduce(e, gens)) for e in vec) for vec in face.shares)
    values = _values_of(system, state)
    if all(sympy.sympify(v).is_Rational for v in values):
        J = jac.xreplace(dict(zip(system.variables, values, strict=True)))
        lin = classify_rational(J)
    else:
        reduced = jac.applyfunc(
            lambda e: pt.reduce(sympy.expand(e.xreplace(face.subs)), gens).as_expr()
        )
        lin = classify_algebraic(reduced, pt)
        J = jac.xreplace(dict(zip(system.variables, values, strict=True)))
    return _point(system, state, face.supports, location, J, lin)


def _exact_continuum(
    system: Any, face: _Face, location: str, nsys: Any, G: Any, deadline: float | None
) -> RestPoint | None:
    """A continuum on ``face`` (``None`` if it does not meet the open face)."""
    from .. import nplayer

    status, eq = nplayer._linear_continuum(nsys, G)
    gens = face.unknowns
    if status == "empty":
        return None
    basis = [] if G is None else list(G.exprs)
    representative = None
    exists: sympy.Basic = sympy.true
    if status == "equilibria" and eq is not None:
        representative = eq[0]
    elif status == "unknown":
        samples = nplayer._samples(nsys, deadline)
        if samples:
            representative = samples[0][0]
        else:
            exists = sympy.Symbol("undecided")
    else:  # affine, feasible, no rational representative returned
        exists = sympy.true
    linear = all(sympy.Poly(p, *gens).total_degree() <= 1 for p in basis)
    if linear:
        (solution,) = sympy.linsolve(basis, gens) if basis else [tuple(gens)]
        param_subs = dict(zip(gens, solution, strict=True))
        free = sorted(
            set().union(*(sympy.sympify(s).free_symbols for s in solution)) & set(gens),
            key=gens.index,
        )
        dimension = len(free)
        constraints: tuple[sympy.Basic, ...] = ()
    else:
        param_subs = {}
        free = list(gens)
        dimension = len(gens) - len(basis)  # an upper bound for a non-complete intersection
        dimension = max(dimension, 1)
        constraints = tuple(sympy.Eq(p, 0) for p in basis)
    names = _free_names(system, face, free)
    rename = {g: names[g] for g in free}
    state = tuple(
        tuple(sympy.expand(sympy.sympify(e).xreplace(param_subs).xreplace(rename)) for e in vec)
        for vec in face.shares
    )
    positivity = tuple(
        sympy.StrictGreaterThan(
            sympy.expand(sympy.sympify(e).xreplace(param_subs).xreplace(rename)), 0
        )
        for e in face.positive
    )
    constraints = tuple(c.xreplace(rename) for c in constraints) + tuple(
        c for c in positivity if c is not sympy.true
    )
    J = None
    lin_eigs: tuple[Any, ...] = ()
    if representative is not None:
        values = _values_of(system, representative)
        if all(sympy.sympify(v).is_Rational for v in values):
            J = system.jacobian.xreplace(dict(zip(system.variables, values, strict=True)))
            lin_eigs = classify_rational(J).eigenvalues
    label = system.space.label(state)
    return RestPoint(
        state=state,
        values=_values_of(system, state),
        support=face.supports,
        location=location,
        jacobian=J,
        eigenvalues=lin_eigs,
        classification="non-hyperbolic",
        exists=exists,
        stable=sympy.false,
        unstable=sympy.false,
        continuum=True,
        dimension=dimension,
        constraints=constraints,
        exact=True,
        label=label,
        representative=representative,
    )


def _free_names(system: Any, face: _Face, free: Sequence[sympy.Symbol]) -> dict:
    """Readable symbols for the free coordinates of a continuum: the state variable whose share
    the unknown is, when it is one (else a fresh ``s_k``)."""
    out = {}
    inverse = {}
    for var, expr in face.subs.items():
        if isinstance(expr, sympy.Symbol):
            inverse[expr] = var
    for k, g in enumerate(free):
        out[g] = inverse.get(g, sympy.Symbol(f"s_{k + 1}", real=True))
    return out


# --------------------------------------------------------------------------------------------
# Parametric games: generic solutions with their conditions
# --------------------------------------------------------------------------------------------


def _symbolic_faces(system: Any, deadline: float | None) -> RestPoints:
    points: list[RestPoint] = []
    complete = True
    notes: list[str] = []
    jac = system.jacobian
    for supports in _faces(system):
        if _expired(deadline, notes):
            complete = False
            break
        face = _face(system, supports)
        location = _location(system, supports)
        if not face.unknowns:
            state = tuple(tuple(vec) for vec in face.shares)
            points.append(_symbolic_point(system, jac, state, supports, location, sympy.true))
            continue
        eqs = [e for e in face.equations if e != 0]
        unknowns = face.unknowns
        own = [e for e in eqs if e.free_symbols & set(unknowns)]
        if not own:
            # the indifference conditions do not involve the face's own coordinates
            exists = conjunction(*(_equal_zero(e) for e in eqs))
            if exists is sympy.false:
                continue
            points.append(_symbolic_continuum(system, face, location, exists, {}, list(unknowns)))
            continue
        solved = _solve_symbolic(eqs, unknowns, deadline)
        if solved is None:
            complete = False
            notes.append(f"face {supports}: sympy could not solve the indifference system")
            continue
        for solution, condition in solved:
            free = [u for u in unknowns if u not in solution]
            if free:
                points.append(
                    _symbolic_continuum(system, face, location, condition, solution, free)
                )
                continue
            state = tuple(
                tuple(simplest(sympy.sympify(e).xreplace(solution)) for e in vec)
                for vec in face.shares
            )
            shares_positive = [positive(sympy.sympify(e).xreplace(solution)) for e in face.positive]
            exists = conjunction(condition, *shares_positive)
            if exists is sympy.false:
                continue
            points.append(_symbolic_point(system, jac, state, supports, location, exists))
    return RestPoints(points, system, complete, notes)


def _equal_zero(e: sympy.Expr) -> sympy.Basic:
    e = simplest(e)
    if e.is_zero:
        return sympy.true
    if e.is_nonzero:
        return sympy.false
    return sympy.Eq(e, 0)


def _solve_symbolic(
    eqs: list[sympy.Expr], unknowns: list[sympy.Symbol], deadline: float | None
) -> list[tuple[dict, sympy.Basic]] | None:
    """Generic solutions of the indifference system: ``[(solution, condition), ...]``.

    Linear systems (two populations, or faces where the indifference conditions are affine)
    are solved by Cramer's rule, ``u_k = det(M_k) / det(M)`` with the condition
    ``det(M) != 0``. Nonlinear ones are handed to ``sympy.solve`` in a child process bounded by
    :data:`NONLINEAR_SECONDS` (and the caller's deadline); ``None`` when it gives up.
    """
    linear = all(sympy.Poly(e, *unknowns).total_degree() <= 1 for e in eqs)
    if linear:
        M, b = sympy.linear_eq_to_matrix(eqs, unknowns)
        if M.rows == M.cols:
            det = sympy.expand(plain_det(M))
            if det != 0:
                solution = {}
                for k, u in enumerate(unknowns):
                    Mk = M.copy()
                    Mk[:, k] = b
                    solution[u] = simplest(sympy.expand(plain_det(Mk)) / det)
                return [(solution, nonzero(det))]
        solutions = sympy.linsolve((M, b), unknowns)
        out = []
        for tup in solutions:
            solution = {u: simplest(v) for u, v in zip(unknowns, tup, strict=True) if v != u}
            out.append((solution, sympy.true))
        return out
    seconds = NONLINEAR_SECONDS
    if deadline is not None:
        seconds = min(seconds, max(1.0, deadline - time.monotonic()))
    solutions = _bounded_solve(eqs, unknowns, seconds)
    if solutions is None:
        return None
    return [({u: simplest(v) for u, v in s.items()}, sympy.true) for s in solutions]


#: Seconds granted to sympy for one nonlinear parametric indifference system.
NONLINEAR_SECONDS = 20.0


def _solve_worker(eqs: list, unknowns: list, queue: Any) -> None:  # pragma: no cover - child
    try:
        queue.put(("ok", sympy.solve(eqs, unknowns, dict=True)))
    except Exception as error:
        queue.put(("error", repr(error)))


def _bounded_solve(eqs: list, unknowns: list, seconds: float) -> list[dict] | None:
    """``sympy.solve`` in a forked child process killed after ``seconds`` (``None`` then)."""
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - platforms without fork
        try:
            return sympy.solve(eqs, unknowns, dict=True)
        except (RuntimeError, ValueError):  # sympy has no method for this system
            return None
    queue = context.Queue()
    child = context.Process(target=_solve_worker, args=(eqs, unknowns, queue), daemon=True)
    child.start()
    try:
        status, value = queue.get(timeout=seconds)
    except Exception:
        status, value = "timeout", None
    child.join(timeout=1)
    if child.is_alive():
        child.kill()
        child.join()
    return value if status == "ok" else None


def _symbolic_point(
    system: Any,
    jac: sympy.Matrix,
    state: tuple[tuple[Any, ...], ...],
    supports: tuple[tuple[int, ...], ...],
    location: str,
    exists: sympy.Basic,
) -> RestPoint:
    values = _values_of(system, state)
    J = jac.xreplace(dict(zip(system.variables, values, strict=True)))
    if not system.single and location != "vertex":
        # only strict equilibria (vertices) can be asymptotically stable under the
        # multi-population replicator dynamics (Ritzberger & Weibull 1995): the block of the
        # mixed populations has zero trace, so the Hurwitz condition fails; the eigenvalues are
        # read from the block structure without rewriting the (often large) entries
        lin = structural_linearization(J)
        stable = sympy.false
    else:
        J = J.applyfunc(simplest)
        lin = symbolic_linearization(J)
        stable = lin.stable
    cls = lin.classification
    if stable is sympy.false and cls == "stable":  # pragma: no cover - contradicts the theorem
        cls = None
    if exists is not sympy.true and not system.game.parameters:
        exists = sympy.simplify(exists)
    return RestPoint(
        state=state,
        values=values,
        support=supports,
        location=location,
        jacobian=J,
        eigenvalues=lin.eigenvalues,
        classification=cls,
        exists=exists,
        stable=stable,
        unstable=lin.unstable,
        exact=True,
        label=system.space.label(state),
        characteristic=lin.characteristic,
    )


def _symbolic_continuum(
    system: Any,
    face: _Face,
    location: str,
    condition: sympy.Basic,
    solution: dict,
    free: list[sympy.Symbol],
) -> RestPoint:
    names = _free_names(system, face, free)
    state = tuple(
        tuple(simplest(sympy.sympify(e).xreplace(solution).xreplace(names)) for e in vec)
        for vec in face.shares
    )
    constraints = tuple(
        sympy.StrictGreaterThan(sympy.sympify(e).xreplace(solution).xreplace(names), 0)
        for e in face.positive
    )
    return RestPoint(
        state=state,
        values=_values_of(system, state),
        support=face.supports,
        location=location,
        jacobian=None,
        eigenvalues=(),
        classification="non-hyperbolic",
        exists=condition,
        stable=sympy.false,
        unstable=sympy.false,
        continuum=True,
        dimension=len(free),
        constraints=tuple(c for c in constraints if c is not sympy.true),
        exact=True,
        label=system.space.label(state),
    )


# --------------------------------------------------------------------------------------------
# Replicator–mutator: the full polynomial system
# --------------------------------------------------------------------------------------------


def _mutator_points(system: Any, deadline: float | None) -> RestPoints:
    from .. import nplayer

    if system.is_parametric or system.game.kind == "symbolic":
        raise ValueError(
            "rest points of a parametric replicator-mutator system are roots of a polynomial "
            "system without a closed form in general; bind the parameters first with "
            "system.subs(...)"
        )
    eqs = [sympy.expand(e) for e in system.equations]
    eqs = [sympy.nsimplify(e, rational=True) if e.has(sympy.Float) else e for e in eqs]
    gens = list(system.variables)
    shares = [list(p.shares) for p in system.populations]
    positive_ = [s for vec in shares for s in vec]
    nsys = nplayer._System(
        tuple(tuple(range(p.size)) for p in system.populations),
        gens,
        [e for e in eqs if e != 0],
        [],
        [],
        shares,
        [],
    )
    status, data = nplayer._solve(nsys)
    points: list[RestPoint] = []
    complete = True
    notes: list[str] = []
    jac = system.jacobian.applyfunc(
        lambda e: sympy.nsimplify(e, rational=True) if e.has(sympy.Float) else e
    )
    if status == "points":
        for pt in data:
            if any(pt.sign(pt.reduce(e, gens)) < 0 for e in positive_):
                continue  # outside the state space
            state = tuple(tuple(pt.value(pt.reduce(e, gens)) for e in vec) for vec in shares)
            values = _values_of(system, state)
            supports = tuple(
                tuple(a for a, v in enumerate(s) if sympy.sympify(v) != 0) for s in state
            )
            location = _location(system, supports)
            if all(sympy.sympify(v).is_Rational for v in values):
                J = jac.xreplace(dict(zip(gens, values, strict=True)))
                lin = classify_rational(J)
            else:
                reduced = jac.applyfunc(lambda e, pt=pt: pt.reduce(sympy.expand(e), gens).as_expr())
                lin = classify_algebraic(reduced, pt)
                J = jac.xreplace(dict(zip(gens, values, strict=True)))
            points.append(_point(system, state, supports, location, J, lin))
    elif status != "empty":
        complete = False
        notes.append("the rest points form a continuum or were not resolved")
        warnings.warn(
            "rest_points: the replicator-mutator system has a positive-dimensional set of rest "
            "points (or could not be solved); the list is incomplete",
            RuntimeWarning,
            stacklevel=3,
        )
    return RestPoints(points, system, complete, notes)


# --------------------------------------------------------------------------------------------
# Logit dynamics: numeric
# --------------------------------------------------------------------------------------------

#: Residual below which a numeric logit rest point is accepted, and the distance below which
#: two are merged.
LOGIT_RESIDUAL = 1e-12
LOGIT_MERGE = 1e-7


def _logit_points(system: Any, deadline: float | None) -> RestPoints:
    from scipy.optimize import root

    if system.is_parametric:
        raise ValueError(
            "the rest points of the logit dynamics are found numerically; bind the parameters "
            "first with system.subs(...)"
        )
    evaluator = system.numeric()
    jac_f = sympy.lambdify(system.variables, system.jacobian, modules="numpy")
    starts = system.space.grid(5)
    found: list[np.ndarray] = []
    dim = system.dim

    def f(x: np.ndarray) -> np.ndarray:
        return evaluator(x.reshape(1, 1, dim))[0, 0]

    def jf(x: np.ndarray) -> np.ndarray:
        return np.asarray(jac_f(*x), dtype=float)

    complete = True
    for x0 in starts:
        if deadline is not None and time.monotonic() > deadline:
            complete = False
            break
        sol = root(f, x0, jac=jf, method="hybr", tol=1e-14)
        x = sol.x
        if not np.all(np.isfinite(x)) or np.max(np.abs(f(x))) > LOGIT_RESIDUAL:
            continue
        shares = system.space.full_array(x)
        if any(np.any(s < -1e-12) for s in shares):
            continue
        if all(np.max(np.abs(x - y)) > LOGIT_MERGE for y in found):
            found.append(x)
    found.sort(key=lambda v: tuple(np.round(v, 9)))
    points = []
    for x in found:
        J = jf(x)
        eig = np.linalg.eigvals(J)
        re = eig.real
        tol = 1e-9 * max(1.0, float(np.max(np.abs(J))) if J.size else 1.0)
        if np.any(np.abs(re) <= tol):
            cls = "non-hyperbolic"
        elif np.all(re < 0):
            cls = "stable"
        elif np.all(re > 0):
            cls = "source"
        else:
            cls = "saddle"
        state = tuple(tuple(float(v) for v in s) for s in system.space.full_array(x))
        supports = tuple(tuple(range(len(s))) for s in state)
        points.append(
            RestPoint(
                state=state,
                values=tuple(float(v) for v in x),
                support=supports,
                location=_location(system, supports),
                jacobian=sympy.Matrix(J),
                eigenvalues=tuple(complex(e) for e in sorted(eig, key=lambda c: (c.real, c.imag))),
                classification=cls,
                stable=sympy.true if cls == "stable" else sympy.false,
                unstable=sympy.true if np.any(re > tol) else sympy.false,
                exact=False,
                label=system.space.label(state),
            )
        )
    notes = ["logit rest points are found numerically from a grid of starting states"]
    if not complete:
        notes.append("the search stopped at the timeout before every starting state was tried")
    return RestPoints(points, system, False, notes)


# --------------------------------------------------------------------------------------------
# Best-response dynamics: the Nash equilibria
# --------------------------------------------------------------------------------------------


def _nash_points(system: Any) -> RestPoints:
    """Nash equilibria as the rest points of the replicator that no action outside the support
    beats (the same exact face search, filtered)."""
    from .system import EvolutionarySystem

    if system.is_parametric or system.game.kind == "symbolic":
        raise ValueError(
            "the rest points of the best-response dynamics are the Nash equilibria, computed "
            "for numeric games; bind the parameters first with system.subs(...)"
        )
    twin = EvolutionarySystem(
        system.game, Replicator(), single=system.single, variables=system.variables
    )
    found = _exact_faces(twin, None)
    fitness = system.fitness
    points = []
    for pt in found:
        if pt.continuum:
            extra = []
            for f, s in zip(fitness, pt.support, strict=True):
                on = f[s[0]]
                extra += [
                    sympy.LessThan(sympy.expand((f[b] - on).xreplace(_subs(system, pt.state))), 0)
                    for b in range(len(f))
                    if b not in s
                ]
            if pt.representative is not None and not _is_nash(system, pt.representative):
                continue
            points.append(
                RestPoint(
                    **{
                        **_fields(pt),
                        "classification": "undetermined",
                        "jacobian": None,
                        "eigenvalues": (),
                        "constraints": pt.constraints + tuple(extra),
                    }
                )
            )
            continue
        if not _is_nash(system, pt.state):
            continue
        strict = pt.is_vertex and _is_nash(system, pt.state, strict=True)
        points.append(
            RestPoint(
                **{
                    **_fields(pt),
                    "classification": "stable" if strict else "undetermined",
                    "jacobian": None,
                    "eigenvalues": (),
                    "stable": sympy.true if strict else sympy.false,
                    "unstable": sympy.false,
                }
            )
        )
    return RestPoints(points, system, found.complete, found.notes)


def _fields(pt: RestPoint) -> dict[str, Any]:
    return {f: getattr(pt, f) for f in pt.__dataclass_fields__}


def _subs(system: Any, state: Sequence[Sequence[Any]]) -> dict:
    return dict(zip(system.variables, _values_of(system, state), strict=True))


def _is_nash(system: Any, state: Sequence[Sequence[Any]], strict: bool = False) -> bool:
    """Whether no population has an action earning more than its support (exact numbers)."""
    subs = _subs(system, state)
    for f, s in zip(system.fitness, state, strict=True):
        values = [sympy.sympify(e).xreplace(subs) for e in f]
        support = [a for a, v in enumerate(s) if sympy.sympify(v) != 0]
        best = values[support[0]]
        for b, v in enumerate(values):
            if b in support:
                continue
            gap = sympy.nsimplify(v - best) if not (v - best).is_Rational else v - best
            if gap > 0 or (strict and gap == 0):
                return False
    return True


def _exact(v: Any) -> Any:
    if isinstance(v, Fraction):
        return sympy.Rational(v.numerator, v.denominator)
    return v


def _short(e: Any) -> str:
    if isinstance(e, complex):
        if abs(e.imag) < 1e-15:
            return f"{e.real:.6g}"
        return f"{e.real:.6g}{e.imag:+.6g}i"
    return str(e)
