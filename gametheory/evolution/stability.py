"""Local stability of rest points: eigenvalues, Routh–Hurwitz conditions, exact classification.

Lyapunov's first (indirect) method: a rest point ``x*`` of ``x' = F(x)`` whose Jacobian
``J = DF(x*)`` has

* every eigenvalue with negative real part is **asymptotically stable** (``"stable"``);
* every eigenvalue with positive real part is a **source**;
* eigenvalues with positive and negative, but no zero, real parts is a **saddle** (unstable);
* some eigenvalue with zero real part is **non-hyperbolic**: the linearisation does not decide
  (a centre, a continuum of rest points, a degenerate game). It is flagged, never called
  stable (Hirsch, Smale & Devaney 2013, *Differential Equations, Dynamical Systems, and an
  Introduction to Chaos*, ch. 8; Hartman–Grobman).

**Exact decisions.** For a rational Jacobian the characteristic polynomial ``p(l) = det(l I - J)``
has rational coefficients. A zero eigenvalue is ``p(0) = 0``. Purely imaginary eigenvalues
``l = i w`` are the common real roots of ``Re p(i w)`` and ``Im p(i w)``, found exactly as the
real roots of their greatest common divisor. When there are none, the signs of the real parts
are read from exact isolating rectangles of the complex roots (sympy's ``Poly.intervals``),
refined until each excludes the imaginary axis; no floating tolerance is involved. For a
Jacobian with algebraic entries (a rest point with irrational coordinates) the same test is
applied to the norm ``N(l) = Res_t(p(l, t), m(t))`` (``m`` the minimal polynomial of the point's
primitive element): if ``N`` has no root on the imaginary axis neither has ``p``, and the signs
are then read from a 60-digit evaluation; otherwise an eigenvalue is taken as purely imaginary
when its real part is below ``1e-40`` (``exact=False``).

**Conditions for parametric games** (Routh–Hurwitz; Gantmacher 1959, *The Theory of Matrices*
II, ch. XV). The characteristic polynomial is factored over the rationals in the parameters; a
factor ``a_0 l + a_1`` has the eigenvalue ``-a_1/a_0``; a factor ``a_0 l^2 + a_1 l + a_2`` has
both roots in the open left half plane iff ``a_1/a_0 > 0`` and ``a_2/a_0 > 0``; a factor of degree
``d >= 3`` iff its Hurwitz determinants ``Delta_1, ..., Delta_d`` (of the monic polynomial) are
all positive. Friedman's (1991) test for two populations is the case ``d = 2``:
``det J > 0`` and ``tr J < 0``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy

from .conditions import conjunction, negative, positive, sign_of_number, simplest

__all__ = [
    "CLASSES",
    "Linearization",
    "Roots",
    "classify_rational",
    "friedman",
    "hurwitz_determinants",
    "plain_det",
    "symbolic_linearization",
]

#: The stability classes of a rest point (Lyapunov's first method).
CLASSES = ("stable", "saddle", "source", "non-hyperbolic")

_LAMBDA = sympy.Dummy("lambda")
_W = sympy.Symbol("omega", real=True)

#: Decimal digits of the evaluation that reads signs once hyperbolicity is proven exactly.
DIGITS = 60


@dataclass(frozen=True)
class Roots:
    """The eigenvalues of a block left unresolved: the roots of ``polynomial`` in ``variable``
    (a characteristic polynomial too large or too parametric for closed-form roots)."""

    polynomial: sympy.Expr
    variable: sympy.Symbol

    def __str__(self) -> str:
        return f"roots of {sympy.sstr(self.polynomial)} = 0 in {self.variable}"

    def _latex(self, printer: Any = None) -> str:
        return r"\text{roots of }" + sympy.latex(self.polynomial)


@dataclass(frozen=True)
class Linearization:
    """Eigenvalues and stability of one Jacobian.

    ``eigenvalues`` are exact sympy numbers when sympy finds them (radicals or ``CRootOf``),
    otherwise complex floats; ``classification`` is one of :data:`CLASSES` or ``None`` when it
    depends on the parameters; ``stable``/``unstable`` are sympy conditions (``true``/``false``
    for numeric games); ``exact`` says whether the class was decided without tolerances.
    """

    eigenvalues: tuple[Any, ...]
    classification: str | None
    stable: sympy.Basic
    unstable: sympy.Basic
    source: sympy.Basic
    exact: bool = True
    characteristic: sympy.Expr | None = None


# --------------------------------------------------------------------------------------------
# Hurwitz determinants
# --------------------------------------------------------------------------------------------


def hurwitz_determinants(coefficients: Sequence[Any]) -> list[sympy.Expr]:
    """``Delta_1 ... Delta_d`` of ``a_0 l^d + a_1 l^(d-1) + ... + a_d`` (coefficients from the
    leading one). All roots have negative real part iff ``a_0 > 0`` and every ``Delta_k > 0``
    (Routh–Hurwitz)."""
    a = [sympy.sympify(c) for c in coefficients]
    d = len(a) - 1

    def coeff(k: int) -> sympy.Expr:
        return a[k] if 0 <= k <= d else sympy.Integer(0)

    H = sympy.Matrix(d, d, lambda i, j: coeff(2 * j - i + 1))
    return [simplest(H[:k, :k].det()) for k in range(1, d + 1)]


def _factor_conditions(
    q: sympy.Poly,
) -> tuple[list[Any], sympy.Basic, sympy.Basic, sympy.Basic]:
    """Eigenvalues, (stable, unstable, source) conditions of one irreducible factor."""
    coeffs = q.all_coeffs()
    d = q.degree()
    lead = coeffs[0]
    if d == 1:
        root = sympy.cancel(-coeffs[1] / lead)
        return [root], negative(root), positive(root), positive(root)
    if d == 2:
        b = sympy.cancel(coeffs[1] / lead)
        c = sympy.cancel(coeffs[2] / lead)
        roots = sympy.roots(q.as_expr(), q.gen, multiple=True)
        stable = conjunction(positive(b), positive(c))
        unstable = sympy.Or(negative(b), negative(c))
        source = conjunction(negative(b), positive(c))
        return roots, stable, unstable, source
    monic = [sympy.cancel(c / lead) for c in coeffs]
    deltas = hurwitz_determinants(monic)
    stable = conjunction(*(positive(D) for D in deltas))
    mirrored = [c * (-1) ** k for k, c in enumerate(monic)]  # p(-l)
    mirrored = [sympy.cancel(c * (-1) ** d) for c in mirrored]
    source = conjunction(*(positive(D) for D in hurwitz_determinants(mirrored)))
    # some eigenvalue has a positive real part if a coefficient is negative or the Routh
    # array has a sign change (exact outside the parameters where a Routh entry vanishes)
    column = _routh_column(monic)
    changes = [
        sympy.Or(sympy.And(positive(u), negative(v)), sympy.And(negative(u), positive(v)))
        for u, v in itertools.pairwise(column)
    ]
    unstable = sympy.Or(*(negative(c) for c in monic[1:]), *changes)
    roots = sympy.roots(q.as_expr(), q.gen, multiple=True)
    if len(roots) != d:
        roots = [Roots(q.as_expr(), q.gen)]
    return roots, stable, unstable, source


def _routh_column(coeffs: Sequence[sympy.Expr]) -> list[sympy.Expr]:
    """First column of the Routh array of a monic polynomial (regular case)."""
    rows = [list(coeffs[0::2]), list(coeffs[1::2])]
    width = len(rows[0])
    rows[1] += [sympy.Integer(0)] * (width - len(rows[1]))
    while len(rows) < len(coeffs):
        a, b = rows[-2], rows[-1]
        if b[0] == 0:
            break
        new = [sympy.cancel((b[0] * a[j + 1] - a[0] * b[j + 1]) / b[0]) for j in range(width - 1)]
        new.append(sympy.Integer(0))
        rows.append(new)
    return [r[0] for r in rows]


# --------------------------------------------------------------------------------------------
# Symbolic (parametric) linearisation
# --------------------------------------------------------------------------------------------


def symbolic_linearization(J: sympy.Matrix) -> Linearization:
    """Eigenvalues and Routh–Hurwitz conditions of a Jacobian with symbolic entries.

    The matrix is first split into the diagonal blocks of its block-triangular form (the
    strongly connected components of its nonzero pattern, Tarjan 1972): the eigenvalues are
    those of the blocks, so a vertex of a multi-population game (a diagonal Jacobian) needs no
    factorisation. A block of size 1 is an eigenvalue; a 2x2 block is stable iff its trace is
    negative and its determinant positive; larger blocks are factored and tested with Hurwitz
    determinants.
    """
    if J.rows == 0:
        return Linearization((), "stable", sympy.true, sympy.false, sympy.false)
    lam = _LAMBDA
    eigenvalues: list[Any] = []
    stable: list[sympy.Basic] = []
    unstable: list[sympy.Basic] = []
    source: list[sympy.Basic] = []
    for block in _diagonal_blocks(J):
        B = J.extract(block, block)
        if B.rows == 1:
            e = simplest(B[0, 0])
            eigenvalues.append(e)
            stable.append(negative(e))
            unstable.append(positive(e))
            source.append(positive(e))
            continue
        if B.rows == 2:
            tr = simplest(B[0, 0] + B[1, 1])
            det = simplest(B[0, 0] * B[1, 1] - B[0, 1] * B[1, 0])
            disc = simplest(tr**2 / 4 - det)
            root = sympy.sqrt(disc)
            eigenvalues += [tr / 2 - root, tr / 2 + root]
            stable.append(conjunction(negative(tr), positive(det)))
            unstable.append(sympy.Or(positive(tr), negative(det)))
            source.append(conjunction(positive(tr), positive(det)))
            continue
        char = sympy.Poly(B.charpoly(lam).all_coeffs(), lam).as_expr()
        num, _ = sympy.fraction(sympy.together(char))
        _, factors = sympy.factor_list(sympy.expand(num), lam)
        for f, mult in factors:
            if lam not in f.free_symbols:
                continue
            q = sympy.Poly(f, lam)
            roots, st, un, so = _factor_conditions(q)
            eigenvalues += list(roots) * mult
            stable.append(st)
            unstable.append(un)
            source.append(so)
    st_all = conjunction(*stable)
    un_any = sympy.Or(*unstable)
    so_all = conjunction(*source)
    classification = _decided_class(st_all, un_any, so_all, eigenvalues)
    return Linearization(tuple(eigenvalues), classification, st_all, un_any, so_all, True, None)


def structural_linearization(J: sympy.Matrix) -> Linearization:
    """Eigenvalues of a parametric Jacobian from its block structure alone, without rewriting
    the entries (used where the linearisation cannot decide stability anyway: non-vertex rest
    points of the multi-population replicator, which are never asymptotically stable).

    1x1 blocks give their entry; a 2x2 block ``[[a, b], [c, d]]`` the roots of
    ``l^2 - (a + d) l + (ad - bc)``; larger blocks their characteristic polynomial.
    """
    eigenvalues: list[Any] = []
    unstable: list[sympy.Basic] = []
    lam = _LAMBDA
    for block in _diagonal_blocks(J):
        B = J.extract(block, block)
        if B.rows == 1:
            eigenvalues.append(B[0, 0])
            unstable.append(sympy.StrictGreaterThan(B[0, 0], 0))
        elif B.rows == 2:
            tr = B[0, 0] + B[1, 1]
            det = B[0, 0] * B[1, 1] - B[0, 1] * B[1, 0]
            root = sympy.sqrt(tr**2 / 4 - det)
            eigenvalues += [tr / 2 - root, tr / 2 + root]
            unstable.append(sympy.Or(sympy.StrictGreaterThan(tr, 0), sympy.StrictLessThan(det, 0)))
        else:
            eigenvalues.append(Roots(_principal_minor_polynomial(B, lam), lam))
    return Linearization(tuple(eigenvalues), None, sympy.false, sympy.Or(*unstable), sympy.false)


def plain_det(M: sympy.Matrix) -> sympy.Expr:
    """The determinant by cofactor expansion along the first row, without simplifying the
    entries (sympy's ``det`` rewrites them, which is slow for large parametric entries)."""
    n = M.rows
    if n == 0:
        return sympy.Integer(1)
    if n == 1:
        return M[0, 0]
    if n == 2:
        return M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
    terms = []
    for j in range(n):
        if M[0, j] == 0:
            continue
        minor = M.extract(list(range(1, n)), [c for c in range(n) if c != j])
        terms.append((-1) ** j * M[0, j] * plain_det(minor))
    return sympy.Add(*terms)


def _principal_minor_polynomial(B: sympy.Matrix, lam: sympy.Symbol) -> sympy.Expr:
    """``det(l I - B) = sum_k (-1)^k E_k l^(n-k)`` with ``E_k`` the sum of the principal
    ``k``-minors, built without expanding the entries."""
    from itertools import combinations as _comb

    n = B.rows
    terms = [lam**n]
    for k in range(1, n + 1):
        total = sympy.Add(*(plain_det(B.extract(list(c), list(c))) for c in _comb(range(n), k)))
        terms.append((-1) ** k * total * lam ** (n - k))
    return sympy.Add(*terms)


def _diagonal_blocks(J: sympy.Matrix) -> list[list[int]]:
    """Index sets of the diagonal blocks of the block-triangular form of ``J`` (strongly
    connected components of the graph ``i -> j`` for ``J[i, j] != 0``)."""
    n = J.rows
    edges = [[j for j in range(n) if j != i and J[i, j] != 0] for i in range(n)]
    index = [0]
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    blocks: list[list[int]] = []

    def visit(v: int) -> None:
        order[v] = low[v] = index[0]
        index[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in order:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], order[w])
        if low[v] == order[v]:
            block = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                block.append(w)
                if w == v:
                    break
            blocks.append(sorted(block))

    for v in range(n):
        if v not in order:
            visit(v)
    return sorted(blocks)


def _decided_class(
    stable: sympy.Basic, unstable: sympy.Basic, source: sympy.Basic, eigenvalues: Sequence[Any]
) -> str | None:
    if stable is sympy.true:
        return "stable"
    if source is sympy.true:
        return "source"
    if unstable is sympy.true and stable is sympy.false:
        # a saddle unless some eigenvalue has zero real part
        zero = _some_zero_real_part(eigenvalues)
        if zero is False:
            return "saddle"
        if zero is True:
            return "non-hyperbolic"
        return None
    if stable is sympy.false and unstable is sympy.false:
        return "non-hyperbolic"
    return None


def _some_zero_real_part(eigenvalues: Sequence[Any]) -> bool | None:
    """Whether some eigenvalue has zero real part (``None`` if the assumptions do not tell)."""
    unknown = False
    for ev in eigenvalues:
        if isinstance(ev, Roots):
            return None
        re = sympy.re(sympy.sympify(ev))
        if re.free_symbols:
            re = simplest(re)
            if re.is_nonzero:
                continue
            if re.is_zero:
                return True
            unknown = True
            continue
        s = sign_of_number(sympy.simplify(re))
        if s == 0:
            return True
        if s is None:
            unknown = True
    return None if unknown else False


# --------------------------------------------------------------------------------------------
# Exact classification of a rational Jacobian
# --------------------------------------------------------------------------------------------


def classify_rational(J: sympy.Matrix) -> Linearization:
    """Exact eigenvalues and class of a Jacobian with rational entries (see the module notes)."""
    d = J.rows
    if d == 0:
        return Linearization((), "stable", sympy.true, sympy.false, sympy.false)
    lam = _LAMBDA
    p = sympy.Poly(J.charpoly(lam).all_coeffs(), lam, domain="QQ")
    eigenvalues = _exact_roots(p)
    if p.eval(0) == 0 or _imaginary_axis_roots(p):
        _, positives = _count_signs(p, allow_axis=True)
        return Linearization(
            tuple(eigenvalues),
            "non-hyperbolic",
            sympy.false,
            sympy.true if positives else sympy.false,
            sympy.false,
            True,
            p.as_expr(),
        )
    negatives, positives = _count_signs(p)
    if positives == 0:
        cls = "stable"
    elif negatives == 0:
        cls = "source"
    else:
        cls = "saddle"
    return Linearization(
        tuple(eigenvalues),
        cls,
        sympy.true if cls == "stable" else sympy.false,
        sympy.false if cls == "stable" else sympy.true,
        sympy.true if cls == "source" else sympy.false,
        True,
        p.as_expr(),
    )


def _exact_roots(p: sympy.Poly) -> list[Any]:
    """All roots with multiplicity: radicals when sympy finds them quickly, else ``CRootOf``."""
    out: list[Any] = []
    for factor, mult in p.factor_list()[1]:
        if factor.degree() <= 2:
            roots = sympy.roots(factor, multiple=True)
        else:
            roots = factor.all_roots()
        out += list(roots) * mult
    return sorted(out, key=_root_key)


def _root_key(r: Any) -> tuple[float, float]:
    c = complex(sympy.N(r, 30))
    return (round(c.real, 12), round(c.imag, 12))


def _imaginary_axis_roots(p: sympy.Poly) -> bool:
    """Whether ``p`` has a nonzero purely imaginary root (exact)."""
    w = _W
    value = sympy.expand(p.as_expr().subs(p.gen, sympy.I * w))
    re = sympy.Poly(sympy.re(value), w, domain="QQ")
    im = sympy.Poly(sympy.im(value), w, domain="QQ")
    g = sympy.gcd(re, im)
    if g.degree() < 1:
        return False
    # remove the root w = 0 (a zero eigenvalue is tested separately)
    while g.eval(0) == 0 and g.degree() >= 1:
        g = sympy.Poly(sympy.quo(g, sympy.Poly(w, w)), w, domain="QQ")
    return g.degree() >= 1 and g.count_roots() > 0


def _count_signs(p: sympy.Poly, allow_axis: bool = False) -> tuple[int, int]:
    """Numbers of roots (with multiplicity) with negative and with positive real part.

    Exact for a polynomial without roots on the imaginary axis. With ``allow_axis`` (used only
    to tell whether a non-hyperbolic point also has an unstable direction) the real parts are
    read from a 60-digit evaluation and those below ``1e-40`` count as zero.
    """
    if allow_axis:
        negatives = positives = 0
        for factor, mult in p.factor_list()[1]:
            if factor.degree() < 1 or (factor.degree() == 1 and factor.eval(0) == 0):
                continue  # a constant, or the zero eigenvalue
            if not _imaginary_axis_roots(factor):
                n, q = _signs_squarefree(factor)
            else:  # irreducible, hence squarefree: its roots are simple and nroots converges
                tiny = sympy.Float(10) ** (-40)
                re_parts = [sympy.re(r) for r in factor.nroots(n=DIGITS, maxsteps=500)]
                n = sum(1 for v in re_parts if v < -tiny)
                q = sum(1 for v in re_parts if v > tiny)
            negatives += n * mult
            positives += q * mult
        return negatives, positives
    negatives = positives = 0
    for factor, mult in p.sqf_list()[1]:
        if factor.degree() < 1:
            continue
        n, q = _signs_squarefree(factor)
        negatives += n * mult
        positives += q * mult
    return negatives, positives


def _signs_squarefree(f: sympy.Poly) -> tuple[int, int]:
    """Roots with negative and positive real part of a squarefree rational polynomial with no
    root on the imaginary axis (isolating boxes refined until they leave the axis)."""
    eps = sympy.Rational(1, 4)
    for _ in range(200):
        real, complex_ = f.intervals(all=True, eps=eps)
        negatives = positives = 0
        undecided = False
        for (a, b), m in real:
            if b < 0:
                negatives += m
            elif a > 0:
                positives += m
            else:
                undecided = True
        for (lo, hi), m in complex_:
            ax, bx = sympy.re(lo), sympy.re(hi)
            if bx < 0:
                negatives += m
            elif ax > 0:
                positives += m
            else:
                undecided = True
        if not undecided:
            return negatives, positives
        eps = eps / 16
    raise ArithmeticError("root isolation did not separate the roots from the imaginary axis")


# --------------------------------------------------------------------------------------------
# Algebraic Jacobians (rest points with irrational coordinates)
# --------------------------------------------------------------------------------------------


def classify_algebraic(entries: sympy.Matrix, point: Any) -> Linearization:
    """Class of a Jacobian whose entries are polynomials ``h(t)`` (reduced modulo the minimal
    polynomial of the point's primitive element ``t0``; ``point`` is a
    :class:`gametheory.nplayer._Point`)."""
    from ..nplayer import _T

    d = entries.rows
    lam = _LAMBDA
    Jt = entries.applyfunc(lambda h: h.as_expr() if hasattr(h, "as_expr") else h)
    char = sympy.expand((lam * sympy.eye(d) - Jt).det(method="berkowitz"))
    P = sympy.Poly(char, lam)
    coeffs_t = [sympy.Poly(c, _T, domain="QQ").rem(point.p) for c in P.all_coeffs()]
    zero_eigen = coeffs_t[-1].is_zero
    values = [_approx_complex(point, h) for h in coeffs_t]
    import mpmath

    with mpmath.workdps(DIGITS + 20):
        roots = mpmath.polyroots(values, maxsteps=400, extraprec=200)
    eigen = sorted((complex(r) for r in roots), key=lambda c: (round(c.real, 12), c.imag))
    norm = sympy.Poly(
        sympy.resultant(
            sum(h.as_expr() * lam ** (d - k) for k, h in enumerate(coeffs_t)),
            point.p.as_expr(),
            _T,
        ),
        lam,
        domain="QQ",
    )
    exact = True
    axis = norm.eval(0) == 0 or _imaginary_axis_roots(norm)
    if zero_eigen:
        cls = "non-hyperbolic"
    else:
        re_parts = [mpmath.re(r) for r in roots]
        tiny = mpmath.mpf(10) ** (-40)
        if axis and any(abs(v) < tiny for v in re_parts):
            cls, exact = "non-hyperbolic", False
        else:
            if axis:
                exact = False
            pos = sum(1 for v in re_parts if v > 0)
            neg = sum(1 for v in re_parts if v < 0)
            cls = "stable" if pos == 0 else "source" if neg == 0 else "saddle"
    return Linearization(
        tuple(eigen),
        cls,
        sympy.true if cls == "stable" else sympy.false,
        sympy.true if cls in ("saddle", "source") else sympy.false,
        sympy.true if cls == "source" else sympy.false,
        exact,
        None,
    )


def _approx_complex(point: Any, h: sympy.Poly) -> Any:
    import mpmath

    value = point.approx(h, digits=DIGITS + 10)
    return mpmath.mpf(value.numerator) / value.denominator


# --------------------------------------------------------------------------------------------
# Friedman's two-population test
# --------------------------------------------------------------------------------------------


def friedman(J: sympy.Matrix) -> dict[str, Any]:
    """Friedman's (1991) determinant/trace test of a 2x2 Jacobian.

    Returns ``det``, ``trace`` and the conditions ``stable`` (``det J > 0`` and ``tr J < 0``,
    an evolutionarily stable state), ``saddle`` (``det J < 0``) and ``source``
    (``det J > 0``, ``tr J > 0``).
    """
    if J.shape != (2, 2):
        raise ValueError(f"Friedman's test is for 2x2 Jacobians (two populations), got {J.shape}")
    det = simplest(J[0, 0] * J[1, 1] - J[0, 1] * J[1, 0])
    trace = simplest(J[0, 0] + J[1, 1])
    return {
        "det": det,
        "trace": trace,
        "stable": conjunction(positive(det), negative(trace)),
        "saddle": negative(det),
        "source": conjunction(positive(det), positive(trace)),
    }
