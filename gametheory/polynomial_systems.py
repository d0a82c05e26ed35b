"""Exact real solutions of zero-dimensional polynomial systems over the rationals, with FLINT.

The support enumeration of N-player games (:mod:`gametheory.nplayer`) solves one small system of
polynomial equations with integer coefficients per support profile. This module does it in
compiled code (python-flint, the Python binding of FLINT; Hart et al., https://flintlib.org):

1. **Groebner basis** of the equations in the graded reverse lexicographic order (Buchberger's
   algorithm over the integers, ``fmpz_mpoly_vec.buchberger_naive``, then autoreduction; Cox,
   Little & O'Shea, *Ideals, Varieties, and Algorithms*, ch. 2). A nonzero constant in the basis
   means no solution. The ideal ``I`` is zero-dimensional iff every unknown has a pure power among
   the leading monomials (ibid., ch. 5 §3, Finiteness theorem).
2. **Quotient algebra.** The standard monomials ``B`` (those divisible by no leading monomial)
   are a basis of ``A = Q[x]/I``; ``D = |B|`` is the number of complex solutions counted with
   multiplicity. The multiplication matrices ``M_k`` (``x_k * b`` reduced to normal form, for
   ``b`` in ``B``) are built with exact rational arithmetic (``fmpq_mat``). Normal forms come from
   FLINT's pseudo-remainder ``reduction_primitive_part``, applied to ``m - Y`` with ``Y`` an extra
   unknown that is last in the order and occurs in no basis element: the remainder is
   ``c (NF(m) - Y)`` for some ``c != 0``, so the ``Y`` coefficient recovers the scale exactly.
3. **Shape form by a Krylov basis** (the primitive element / rational univariate
   representation; Rouillier 1999, *AAECC* 9: 433-461). For a random linear form
   ``t = sum c_k x_k`` the vectors ``1, t, ..., t^(D-1)`` in ``A`` are computed by repeated
   multiplication with ``M_t = sum c_k M_k``. If they are linearly independent, ``A`` is
   isomorphic to ``Q[T]/(f)`` with ``f`` the minimal polynomial of ``M_t`` (``t^D`` expressed in the
   Krylov basis), and every unknown is a polynomial ``x_k = g_k(t)`` in ``A`` (``M_k 1`` expressed
   in the same basis). The solutions are then exactly the points ``(g_1(t0), ..., g_n(t0))`` for
   the roots ``t0`` of ``f``: an algebra homomorphism ``A -> C`` is fixed by the image of ``t``.
   If three random forms fail (the ideal is not radical and no cyclic vector exists, or the form
   does not separate the solutions), the ideal is made radical by adding the square-free parts
   of the minimal polynomials of the ``M_k`` (Seidenberg's lemma; Kreuzer & Robbiano,
   *Computational Commutative Algebra 1*, Cor. 3.7.16) and the basis recomputed.
4. **Real points.** ``f`` is factored over the rationals; every real root of every irreducible
   factor ``p`` is one point, with coordinates ``g_k`` reduced modulo ``p``. Real roots are
   isolated by FLINT/Arb (``complex_roots``: certified, disjoint balls, real roots with an exact
   zero imaginary part; Johansson 2017, *IEEE Trans. Computers* 66: 1281-1292).
5. **Exact signs.** For a polynomial ``e`` in the unknowns, ``h = e(g(t)) mod p`` has degree below
   ``deg p``; since ``p`` is irreducible, ``e`` vanishes at the point iff ``h`` is the zero
   polynomial. Otherwise the sign of ``h(t0)`` is read off a rigorous ball evaluation, with the
   root recomputed at doubled precision until the ball excludes zero. No floating tolerance
   decides anything.

:func:`solve` returns ``("empty", [])``, ``("points", [RealPoint, ...])`` or
``("positive-dimensional", [])`` (the caller then uses its own treatment of continua), or
``("unresolved", [])`` when no shape form was found (never observed; the caller falls back).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction

import flint
import numpy as np

__all__ = ["RealPoint", "Ring", "solve"]

#: Random linear forms tried for a Krylov basis, before and after making the ideal radical.
KRYLOV_ATTEMPTS = 3

#: Working precision (bits) of the first root isolation; doubled until every sign is decided.
START_PRECISION = 64

#: Precision (bits) beyond which an undecided sign is an internal error (never reached: a
#: nonzero algebraic number is separated from zero at some finite precision).
MAX_PRECISION = 2**20


class Ring:
    """Polynomials in ``n`` unknowns ``x0 .. x{n-1}`` (graded reverse lexicographic order), plus
    the helper unknown ``Y`` used for exact normal forms (see the module notes)."""

    def __init__(self, n: int) -> None:
        self.n = n
        names = (*(f"x{k}" for k in range(n)), "Y")
        self.ctx = flint.fmpz_mpoly_ctx.get(names, "degrevlex")
        gens = self.ctx.gens()
        self.gens = gens[:n]
        self.helper = gens[n]

    def constant(self, c: int) -> flint.fmpz_mpoly:
        return self.ctx.from_dict({(0,) * (self.n + 1): int(c)})


def groebner(polys: Sequence[flint.fmpz_mpoly], ring: Ring) -> list[flint.fmpz_mpoly]:
    """The reduced Groebner basis (up to integer scaling of its elements) of ``polys``."""
    nonzero = [p for p in polys if not p.is_zero()]
    if not nonzero:
        return []
    basis = flint.fmpz_mpoly_vec(nonzero, ring.ctx).buchberger_naive().autoreduction()
    return [basis[k] for k in range(len(basis)) if not basis[k].is_zero()]


def _leading(p: flint.fmpz_mpoly) -> tuple[int, ...]:
    return tuple(p.monoms()[0])


def _divides(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(x <= y for x, y in zip(a, b, strict=True))


def _standard_monomials(leads: list[tuple[int, ...]], n: int) -> list[tuple[int, ...]] | None:
    """The monomials divisible by no leading monomial (an order ideal, found breadth first), or
    None when there are infinitely many (the ideal is not zero-dimensional)."""
    for k in range(n):
        if not any(lead[k] > 0 and sum(lead) == lead[k] for lead in leads):
            return None
    zero = (0,) * (n + 1)
    found = [zero]
    seen = {zero}
    frontier = [zero]
    while frontier:
        nxt = []
        for m in frontier:
            for k in range(n):
                c = list(m)
                c[k] += 1
                c = tuple(c)
                if c in seen or any(_divides(lead, c) for lead in leads):
                    continue
                seen.add(c)
                found.append(c)
                nxt.append(c)
        frontier = nxt
    return found


@dataclass
class _Quotient:
    """The algebra ``Q[x]/I``: its monomial basis and the multiplication matrices."""

    ring: Ring
    monomials: list[tuple[int, ...]]
    matrices: list[flint.fmpq_mat] = field(default_factory=list)

    @classmethod
    def of(cls, G: list[flint.fmpz_mpoly], ring: Ring) -> _Quotient | None:
        monomials = _standard_monomials([_leading(p) for p in G], ring.n)
        if monomials is None:
            return None
        q = cls(ring, monomials)
        index = {m: j for j, m in enumerate(monomials)}
        vec = flint.fmpz_mpoly_vec(G, ring.ctx)
        D = len(monomials)
        for k in range(ring.n):
            rows = [[flint.fmpq(0)] * D for _ in range(D)]
            for j, m in enumerate(monomials):
                image = list(m)
                image[k] += 1
                image = tuple(image)
                if image in index:
                    rows[index[image]][j] = flint.fmpq(1)
                    continue
                term = ring.ctx.from_dict({image: 1})
                r = (term - ring.helper).reduction_primitive_part(vec)
                terms = r.to_dict()
                helper = (0,) * ring.n + (1,)
                scale = -terms.pop(helper)
                for mono, c in terms.items():
                    rows[index[mono]][j] = flint.fmpq(int(c), int(scale))
            q.matrices.append(flint.fmpq_mat(rows))
        return q

    @property
    def dimension(self) -> int:
        return len(self.monomials)

    def shape(self, seed: int) -> tuple[flint.fmpq_poly, list[flint.fmpq_poly]] | None:
        """``(f, [g_k])`` with ``A = Q[T]/(f)`` through ``T -> t`` and ``x_k = g_k(t)``, for a
        random form ``t`` (None if its Krylov vectors are dependent)."""
        D = self.dimension
        n = self.ring.n
        if seed == 0:
            coeffs = [0] * (n - 1) + [1]
        else:
            coeffs = [int(c) for c in np.random.default_rng(seed).integers(1, 2**15, n)]
        M = self.matrices[0] * coeffs[0]
        for c, Mk in zip(coeffs[1:], self.matrices[1:], strict=True):
            M = M + Mk * c
        v = flint.fmpq_mat(D, 1, [1] + [0] * (D - 1))  # the coordinates of 1 (first monomial)
        columns = [v]
        for _ in range(D):
            v = M * v
            columns.append(v)
        K = flint.fmpq_mat([[columns[j][i, 0] for j in range(D)] for i in range(D)])
        if K.rank() < D:
            return None
        a = K.solve(columns[D])
        f = flint.fmpq_poly([-a[j, 0] for j in range(D)] + [1])
        g = []
        for Mk in self.matrices:
            x = K.solve(Mk * columns[0])
            g.append(flint.fmpq_poly([x[j, 0] for j in range(D)]))
        return f, g

    def radical_generators(self) -> list[flint.fmpz_mpoly]:
        """Square-free parts of the minimal polynomials of the unknowns (Seidenberg's lemma)."""
        extra = []
        for k, Mk in enumerate(self.matrices):
            m = Mk.minpoly()
            s = _squarefree(m)
            if s.degree() == m.degree():
                continue
            num = s.numer()
            x = self.ring.gens[k]
            poly = self.ring.constant(0)
            for e, c in enumerate(num.coeffs()):
                if c:
                    poly += int(c) * x**e
            extra.append(poly)
        return extra


def _squarefree(p: flint.fmpq_poly) -> flint.fmpq_poly:
    g = p.gcd(p.derivative())
    return p if g.degree() < 1 else p / g


@dataclass
class RealPoint:
    """One real solution: ``t0`` is the ``index``-th real root (ascending) of the irreducible
    ``p``, and unknown ``k`` equals ``coords[k](t0)`` (polynomials reduced modulo ``p``)."""

    p: flint.fmpq_poly
    index: int
    coords: list[flint.fmpq_poly]
    _ball: flint.arb | None = None
    _precision: int = START_PRECISION
    _powers: dict = field(default_factory=dict)

    @property
    def degree(self) -> int:
        return self.p.degree()

    def rational_root(self) -> Fraction:
        c0, c1 = self.p.coeffs()
        r = -c0 / c1
        return Fraction(int(r.p), int(r.q))

    def ball(self) -> flint.arb:
        if self._ball is None:
            self._ball = _real_root(self.p, self.index, self._precision)
        return self._ball

    def refine(self) -> None:
        self._precision *= 2
        self._ball = _real_root(self.p, self.index, self._precision)

    def _power(self, k: int, e: int) -> flint.fmpq_poly:
        key = (k, e)
        if key not in self._powers:
            if e == 1:
                self._powers[key] = self.coords[k]
            else:
                self._powers[key] = (self._power(k, e - 1) * self.coords[k]) % self.p
        return self._powers[key]

    def reduce(self, e: flint.fmpz_mpoly) -> flint.fmpq_poly:
        """``e`` at the point, as a polynomial in ``t`` of degree below ``deg p``."""
        total = flint.fmpq_poly(0)
        for mono, c in e.to_dict().items():
            term = flint.fmpq_poly(int(c))
            for k, power in enumerate(mono[:-1]):
                if power:
                    term = (term * self._power(k, power)) % self.p
            total += term
        return total % self.p

    def sign(self, h: flint.fmpq_poly) -> int:
        """The exact sign of ``h(t0)`` (``h`` reduced modulo ``p``)."""
        if h.is_zero():
            return 0
        if h.degree() == 0:
            return 1 if h.coeffs()[0] > 0 else -1
        if self.degree == 1:
            v = _at_rational(h, self.rational_root())
            return (v > 0) - (v < 0)
        while True:
            value = _evaluate(h, self.ball(), self._precision)
            if value > 0:
                return 1
            if value < 0:
                return -1
            if self._precision > MAX_PRECISION:  # pragma: no cover - h(t0) != 0 is certain
                raise RuntimeError("internal error: a sign was not decided at 2**20 bits")
            self.refine()

    def approx(self, h: flint.fmpq_poly, digits: int) -> Fraction:
        """``h(t0)`` to within ``10**-digits`` (a rigorous ball, refined until narrow enough)."""
        if h.degree() <= 0 or self.degree == 1:
            return _at_rational(h, self.rational_root() if self.degree == 1 else Fraction(0))
        width = flint.arb(10) ** (-(digits + 2))
        while True:
            ball = _evaluate(h, self.ball(), self._precision)
            if ball.rad() < width:
                man, exp = ball.mid().man_exp()
                man, exp = int(man), int(exp)
                return Fraction(man * 2**exp) if exp >= 0 else Fraction(man, 2**-exp)
            self.refine()

    def minimal_polynomial(self, h: flint.fmpq_poly) -> tuple[flint.fmpq_poly, int]:
        """``(q, k)``: the monic minimal polynomial ``q`` of ``h(t0)`` over the rationals, and
        ``h(t0)`` is the ``k``-th real root of ``q`` in ascending order.

        ``q`` is the square-free part of the characteristic polynomial of multiplication by ``h``
        in ``Q[t]/(p)`` (that polynomial is a power of ``q``, as ``Q[t]/(p)`` is a field); ``k``
        is found by refining the ball of ``h(t0)`` and the isolating balls of the real roots of
        ``q`` until exactly one of them meets it.
        """
        d = self.degree
        rows = [[flint.fmpq(0)] * d for _ in range(d)]
        power = h
        t = flint.fmpq_poly([0, 1])
        for j in range(d):
            for i, c in enumerate(power.coeffs()):
                rows[i][j] = c
            power = (power * t) % self.p
        q = _squarefree(flint.fmpq_mat(rows).charpoly())
        q = q / q.leading_coefficient()
        if q.degree() == 1:
            return q, 0
        precision = self._precision
        while True:
            value = _evaluate(h, self.ball(), self._precision)
            roots = _real_roots(q, precision)
            hits = [k for k, r in enumerate(roots) if r.overlaps(value)]
            if len(hits) == 1:
                return q, hits[0]
            if precision > MAX_PRECISION:  # pragma: no cover - distinct roots separate
                raise RuntimeError("internal error: a real root was not isolated at 2**20 bits")
            precision *= 2
            if self._precision < precision:
                self.refine()


def _at_rational(h: flint.fmpq_poly, x: Fraction) -> Fraction:
    total = Fraction(0)
    for c in reversed(h.coeffs()):
        total = total * x + Fraction(int(c.p), int(c.q))
    return total


@contextmanager
def _precision(bits: int) -> Iterator[None]:
    """Ball arithmetic at ``bits`` bits of precision (FLINT's global setting, restored after)."""
    old = flint.ctx.prec
    flint.ctx.prec = bits
    try:
        yield
    finally:
        flint.ctx.prec = old


def _real_roots(p: flint.fmpq_poly, precision: int) -> list[flint.arb]:
    """Isolating balls of the real roots of ``p``, ascending (FLINT/Arb, certified)."""
    with _precision(precision):
        return [r.real for r, _ in p.complex_roots() if r.imag == 0]


def _evaluate(h: flint.fmpq_poly, x: flint.arb, precision: int) -> flint.arb:
    """A ball containing ``h(x)`` (Horner's rule in ball arithmetic at ``precision`` bits)."""
    with _precision(precision):
        acc = flint.arb(0)
        for c in reversed(h.coeffs()):
            acc = acc * x + flint.arb(c)
        return acc


def _real_root(p: flint.fmpq_poly, index: int, precision: int) -> flint.arb:
    return _real_roots(p, precision)[index]


def _points(f: flint.fmpq_poly, g: list[flint.fmpq_poly]) -> list[RealPoint]:
    points = []
    _, factors = f.factor()
    for factor, _ in factors:
        p = factor / factor.leading_coefficient()
        if p.degree() < 1:
            continue
        coords = [gk % p for gk in g]
        if p.degree() == 1:
            points.append(RealPoint(p, 0, coords))
            continue
        for index, ball in enumerate(_real_roots(p, START_PRECISION)):
            points.append(RealPoint(p, index, coords, ball))
    return points


def solve(polys: Sequence[flint.fmpz_mpoly], ring: Ring) -> tuple[str, list[RealPoint]]:
    """The real solutions of ``polys = 0`` (see the module notes for the method)."""
    G = groebner(polys, ring)
    if any(p.is_constant() for p in G):
        return "empty", []
    if not G:
        return ("positive-dimensional" if ring.n else "points"), []
    for radical in (False, True):
        quotient = _Quotient.of(G, ring)
        if quotient is None:
            return "positive-dimensional", []
        for seed in range(KRYLOV_ATTEMPTS):
            shaped = quotient.shape(seed)
            if shaped is not None:
                return "points", _points(*shaped)
        if radical:
            break
        extra = quotient.radical_generators()
        if not extra:
            break
        G = groebner([*G, *extra], ring)
    return "unresolved", []
