"""Sign conditions on parameters, written simply and decided when the assumptions allow.

Stability and existence conditions are conjunctions of signs of rational functions of the
parameters. :func:`positive` and :func:`negative` write ``e > 0`` / ``e < 0`` in a canonical
form: the fraction ``num/den`` becomes ``num*den`` unless the denominator's sign is known,
factors of known sign (declared with ``positive=True`` and the like) are dropped, a squared
factor ``f**2`` becomes the requirement ``f != 0``, and the leading sign is normalised so that
``-(a - b) > 0`` reads ``a - b < 0``. :func:`conjunction` merges conjunctions of such atoms,
removing duplicates and implied ``!=`` atoms and detecting contradictions
(``e > 0`` with ``e < 0``), so that impossible candidates drop out of the tables.
"""

from __future__ import annotations

from typing import Any

import sympy

__all__ = ["conjunction", "negative", "nonzero", "positive", "sign_of_number", "simplest"]

#: Decimal digits used to read the sign of a nonzero irrational constant.
DIGITS = 60

#: Full factorisation (sympy's multivariate factoring works on dense representations and
#: becomes slow with many symbols) is tried only for expressions with at most this many
#: symbols and operations; larger ones are written with their common factors pulled out.
FACTOR_MAX_SYMBOLS = 8
FACTOR_MAX_OPS = 250
#: Expressions with more operations than this are left as they are (only numerator and
#: denominator are separated): rewriting them costs more than it helps a reader.
REWRITE_MAX_OPS = 500


def size(expr: Any, limit: int = 10**6) -> int:
    """Number of nodes of an expression tree, counting stops at ``limit``."""
    n = 0
    for _ in sympy.preorder_traversal(expr):
        n += 1
        if n >= limit:
            break
    return n


def simplest(expr: Any) -> sympy.Expr:
    """A compact form of a rational expression: factored when small, else numerator and
    denominator expanded with common factors pulled out (``sympy.factor_terms``)."""
    e = sympy.sympify(expr)
    if not e.free_symbols:
        return sympy.nsimplify(e) if e.is_Float else sympy.simplify(e) if not e.is_Rational else e
    if size(e, REWRITE_MAX_OPS + 1) > REWRITE_MAX_OPS:
        return e
    num, den = sympy.fraction(sympy.together(e))
    num, den = sympy.expand(num), sympy.expand(den)
    if len(e.free_symbols) <= FACTOR_MAX_SYMBOLS and size(num) + size(den) <= FACTOR_MAX_OPS:
        return sympy.factor(num / den)
    return sympy.factor_terms(num) / sympy.factor_terms(den)


def sign_of_number(value: sympy.Expr) -> int | None:
    """Exact sign of a real constant (``None`` if sympy cannot decide it)."""
    if value.is_Rational:
        return int(bool(value > 0)) - int(bool(value < 0))
    if value.is_zero:
        return 0
    if value.is_positive:
        return 1
    if value.is_negative:
        return -1
    try:
        if value.equals(0):
            return 0
    except (TypeError, ValueError):  # pragma: no cover - sympy internals
        return None
    v = sympy.N(value, DIGITS)
    if v.is_real and abs(v) > sympy.Float(10) ** (-40):
        return 1 if v > 0 else -1
    return None


def _canonical(expr: Any) -> tuple[sympy.Expr, int, list[sympy.Expr]]:
    """``(e, s, nz)``: ``sign(expr) = s * sign(e)`` wherever every ``f`` in ``nz`` is nonzero
    (and ``expr`` is defined); ``e`` has no factor of known sign and a positive leading term."""
    sign = 1
    nz: list[sympy.Expr] = []
    value = sympy.sympify(expr)
    if size(value, REWRITE_MAX_OPS + 1) > REWRITE_MAX_OPS:
        return value, 1, nz
    value = sympy.together(value)
    num, den = sympy.fraction(value)
    if size(num, FACTOR_MAX_OPS + 1) + size(den, FACTOR_MAX_OPS + 1) > FACTOR_MAX_OPS:
        return value, 1, nz  # too large to rewrite usefully
    if den.is_negative:
        sign = -1
    elif not den.is_positive:
        num = num * den  # same sign as num/den where den != 0
    e = simplest(num)
    factors = e.args if isinstance(e, sympy.Mul) else (e,)
    kept = []
    for f in factors:
        if f.is_positive:
            continue
        if f.is_negative:
            sign = -sign
            continue
        if isinstance(f, sympy.Pow) and f.exp.is_Integer and f.exp > 0:
            base, exp = f.base, int(f.exp)
            if exp % 2 == 0:
                if not base.is_nonzero:
                    nz.append(_monic(base))
                continue
            f = base
        kept.append(f)
    e = sympy.Mul(*kept)
    if e.could_extract_minus_sign():
        e, sign = -e, -sign
    if not (e.is_Mul and len(e.args) > 1):
        e = sympy.expand(e)
        if e.could_extract_minus_sign():
            e, sign = -e, -sign
    return e, sign, nz


def _monic(e: sympy.Expr) -> sympy.Expr:
    e = sympy.expand(e)
    return -e if e.could_extract_minus_sign() else e


def positive(expr: Any) -> sympy.Basic:
    """``expr > 0`` as a simplified condition (``true``/``false`` when decided)."""
    return _strict(expr, 1)


def negative(expr: Any) -> sympy.Basic:
    """``expr < 0`` as a simplified condition (``true``/``false`` when decided)."""
    return _strict(expr, -1)


def nonzero(expr: Any) -> sympy.Basic:
    """``expr != 0`` as a simplified condition."""
    value = simplest(expr)
    if value.is_number:
        s = sign_of_number(value)
        if s is not None:
            return sympy.true if s != 0 else sympy.false
    if value.is_nonzero:
        return sympy.true
    if value.is_zero:
        return sympy.false
    num, _ = sympy.fraction(value)
    factors = num.args if isinstance(num, sympy.Mul) else (num,)
    atoms = []
    for f in factors:
        if f.is_nonzero:
            continue
        if isinstance(f, sympy.Pow) and f.exp.is_Integer and f.exp > 0:
            f = f.base
        if f.is_nonzero:
            continue
        atoms.append(sympy.Ne(_monic(f), 0))
    return sympy.And(*atoms)


def _strict(expr: Any, want: int) -> sympy.Basic:
    value = sympy.sympify(expr)
    if value.is_number:
        s = sign_of_number(value)
        if s is not None:
            return sympy.true if s == want else sympy.false
    e, sign, nz = _canonical(value)
    target = want * sign
    extra = [sympy.Ne(f, 0) for f in nz]
    if e == 1:
        core = sympy.true if target > 0 else sympy.false
    elif target > 0:
        core = (
            sympy.true
            if e.is_positive
            else sympy.false
            if e.is_nonpositive
            else sympy.StrictGreaterThan(e, 0)
        )
    else:
        core = (
            sympy.true
            if e.is_negative
            else sympy.false
            if e.is_nonnegative
            else sympy.StrictLessThan(e, 0)
        )
    return conjunction(core, *extra)


def conjunction(*conditions: Any) -> sympy.Basic:
    """The conjunction of conditions, with duplicates, implied ``!=`` atoms and direct
    contradictions (``e > 0`` and ``e < 0``; ``e = 0`` and ``e != 0``) resolved."""
    atoms: list[sympy.Basic] = []
    for c in conditions:
        c = sympy.sympify(c)
        if c is sympy.false:
            return sympy.false
        if c is sympy.true:
            continue
        atoms.extend(c.args if isinstance(c, sympy.And) else (c,))
    signs: dict[sympy.Expr, set[str]] = {}
    others: list[sympy.Basic] = []
    for a in atoms:
        key = _atom(a)
        if key is None:
            if a not in others:
                others.append(a)
            continue
        e, op = key
        signs.setdefault(e, set()).add(op)
    out: list[sympy.Basic] = []
    for e, ops in signs.items():
        if (">" in ops and ("<" in ops or "<=" in ops or "=" in ops)) or (
            "<" in ops and (">=" in ops or "=" in ops)
        ):
            return sympy.false
        if "=" in ops and "!=" in ops:
            return sympy.false
        if (">=" in ops and "<=" in ops) and "!=" in ops:
            return sympy.false
        if ">" in ops:
            out.append(sympy.StrictGreaterThan(e, 0))
        elif "<" in ops:
            out.append(sympy.StrictLessThan(e, 0))
        elif "=" in ops or (">=" in ops and "<=" in ops):
            out.append(sympy.Eq(e, 0))
        else:
            if ">=" in ops:
                out.append(
                    sympy.StrictGreaterThan(e, 0) if "!=" in ops else sympy.GreaterThan(e, 0)
                )
            elif "<=" in ops:
                out.append(sympy.StrictLessThan(e, 0) if "!=" in ops else sympy.LessThan(e, 0))
            elif "!=" in ops:
                out.append(sympy.Ne(e, 0))
    out += others
    if not out:
        return sympy.true
    return sympy.And(*out)


def _atom(a: sympy.Basic) -> tuple[sympy.Expr, str] | None:
    """``(e, op)`` for a relation ``e op 0`` with ``e`` monic (``op`` in > < >= <= = !=)."""
    table = {
        sympy.StrictGreaterThan: ">",
        sympy.StrictLessThan: "<",
        sympy.GreaterThan: ">=",
        sympy.LessThan: "<=",
        sympy.Equality: "=",
        sympy.Unequality: "!=",
    }
    op = table.get(type(a))
    if op is None:
        return None
    e = a.lhs - a.rhs if a.rhs != 0 else a.lhs
    if size(e, FACTOR_MAX_OPS + 1) <= FACTOR_MAX_OPS:
        e = sympy.expand(e)
    if e.could_extract_minus_sign():
        e = -e
        op = {">": "<", "<": ">", ">=": "<=", "<=": ">=", "=": "=", "!=": "!="}[op]
    return e, op
