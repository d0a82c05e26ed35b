"""The revision rules: replicator, replicator–mutator, logit and best-response dynamics.

Each rule maps the fitness ``E_{p,a}(x)`` of every action (see :mod:`.state`) to the time
derivative of the shares, ``x'_{p,a} = F_{p,a}(x)``, in the same way for every population ``p``
(one population per player, or a single population):

* **Replicator** (Taylor & Jonker 1978; Hofbauer & Sigmund 1998, ch. 7 and 10)::

      x'_a = x_a (E_a - Ebar),    Ebar = sum_b x_b E_b;

  for two actions ``x' = x (1 - x) (E_1 - E_2)``.
* **Replicator–mutator** (Page & Nowak 2002, *J. Theor. Biol.* 219: 93-98)::

      x'_a = sum_b x_b E_b Q_{ba} - x_a Ebar,

  where an agent of type ``b`` produces offspring of type ``a`` with probability ``Q_{ba}``;
  uniform mutation at rate ``mu`` is ``Q = (1 - mu) I + mu / (k - 1) (J - I)``. At ``mu = 0`` it
  is the replicator. The payoffs are read as fitness, i.e. assumed positive (add a constant to
  every payoff otherwise: unlike the replicator, this rule is not invariant to that shift).
* **Logit** (Fudenberg & Levine 1998, ch. 4; Hofbauer & Sandholm 2002, *Econometrica* 70:
  2265-2294)::

      x'_a = exp(lambda E_a) / sum_b exp(lambda E_b) - x_a,

  with precision ``lambda > 0`` (Gambit's ``lambda``, QuantEcon's ``beta``, ``1 / eta`` for the
  noise level ``eta``); its rest points are the logit quantal response equilibria.
* **Best response** (Gilboa & Matsui 1991, *Econometrica* 59: 859-867; Matsui 1992)::

      x' in BR(x) - x,

  a differential inclusion; this module uses the selection that splits the share equally among
  tied best responses. Its rest points are the Nash equilibria.

Each rule gives sympy expressions (for the equations and the Jacobian) and a vectorised numpy
right-hand side evaluating many states and parameter scenarios at once.
"""

from __future__ import annotations

import abc
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import sympy

__all__ = ["BestResponse", "Logit", "Replicator", "ReplicatorMutator", "Rule"]


@dataclass(frozen=True)
class Rule(abc.ABC):
    """A revision rule (an abstract base: each rule defines :meth:`flows` and
    :meth:`flow_arrays`); see the module docstring for the four rules."""

    name = "rule"
    differentiable = True

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Symbols of the rule itself (a symbolic mutation rate or precision)."""
        return ()

    @abc.abstractmethod
    def flows(
        self, shares: Sequence[sympy.Expr], fitness: Sequence[sympy.Expr]
    ) -> list[sympy.Expr]:
        """``F_a`` for every action of one population (sympy), from its shares and fitness."""

    @abc.abstractmethod
    def flow_arrays(
        self, shares: np.ndarray, fitness: np.ndarray, values: dict[str, np.ndarray]
    ) -> np.ndarray:
        """Vectorised ``F``: shares and fitness ``(S, B, k)`` give ``(S, B, k)``; ``values`` holds
        the rule's own parameters as arrays ``(S, 1)``."""

    def describe(self) -> str:
        """A short description for displays."""
        return self.name


@dataclass(frozen=True)
class Replicator(Rule):
    """``x'_a = x_a (E_a - Ebar)`` (Taylor & Jonker 1978)."""

    name = "replicator"

    def flows(
        self, shares: Sequence[sympy.Expr], fitness: Sequence[sympy.Expr]
    ) -> list[sympy.Expr]:
        if len(shares) == 2:
            d = _tidy(fitness[0] - fitness[1])
            return [shares[0] * shares[1] * d, -shares[0] * shares[1] * d]
        mean = sympy.expand(sum(s * e for s, e in zip(shares, fitness, strict=True)))
        return [s * _tidy(e - mean) for s, e in zip(shares, fitness, strict=True)]

    def flow_arrays(
        self, shares: np.ndarray, fitness: np.ndarray, values: dict[str, np.ndarray]
    ) -> np.ndarray:
        mean = np.sum(shares * fitness, axis=-1, keepdims=True)
        return shares * (fitness - mean)


@dataclass(frozen=True)
class ReplicatorMutator(Rule):
    """``x'_a = sum_b x_b E_b Q_ba - x_a Ebar`` (Page & Nowak 2002), uniform rate ``mutation``
    or a mutation matrix ``Q`` (rows sum to 1)."""

    mutation: Any = 0
    matrix: Any = None
    name = "replicator-mutator"

    def __post_init__(self) -> None:
        if self.matrix is None:
            mu = _rate(self.mutation, "mutation")
            object.__setattr__(self, "mutation", mu)
        else:
            object.__setattr__(self, "matrix", _mutation_matrix(self.matrix))

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        if self.matrix is not None:
            syms = set().union(*(sympy.sympify(v).free_symbols for v in self.matrix))
        else:
            syms = sympy.sympify(self.mutation).free_symbols
        return tuple(sorted(syms, key=lambda s: s.name))

    def _q(self, k: int) -> sympy.Matrix:
        if self.matrix is not None:
            if self.matrix.shape != (k, k):
                raise ValueError(
                    f"the mutation matrix is {self.matrix.shape[0]}x{self.matrix.shape[1]} but a "
                    f"population has {k} actions"
                )
            return self.matrix
        mu = sympy.sympify(self.mutation)
        off = mu / (k - 1)
        return sympy.Matrix(k, k, lambda a, b: 1 - mu if a == b else off)

    def flows(
        self, shares: Sequence[sympy.Expr], fitness: Sequence[sympy.Expr]
    ) -> list[sympy.Expr]:
        k = len(shares)
        Q = self._q(k)
        mean = sum(s * e for s, e in zip(shares, fitness, strict=True))
        out = []
        for a in range(k):
            inflow = sum(shares[b] * fitness[b] * Q[b, a] for b in range(k))
            out.append(sympy.expand(inflow - shares[a] * mean))
        return out

    def flow_arrays(
        self, shares: np.ndarray, fitness: np.ndarray, values: dict[str, np.ndarray]
    ) -> np.ndarray:
        k = shares.shape[-1]
        weighted = shares * fitness
        mean = weighted.sum(axis=-1, keepdims=True)
        if self.matrix is not None:
            Q = _numeric_matrix(self._q(k), values)
            inflow = np.einsum("sbk,skj->sbj", weighted, Q)
        else:
            mu = _numeric(self.mutation, values)[..., None]  # (S, 1, 1)
            total = weighted.sum(axis=-1, keepdims=True)
            inflow = (1 - mu) * weighted + mu / (k - 1) * (total - weighted)
        return inflow - shares * mean

    def describe(self) -> str:
        if self.matrix is not None:
            return "replicator-mutator (mutation matrix Q)"
        return f"replicator-mutator (mutation rate {self.mutation})"


@dataclass(frozen=True)
class Logit(Rule):
    """``x'_a = softmax(lambda E)_a - x_a`` with precision ``lambda > 0``."""

    precision: Any = 1
    name = "logit"

    def __post_init__(self) -> None:
        value = _positive(self.precision, "precision")
        object.__setattr__(self, "precision", value)

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        return tuple(sorted(sympy.sympify(self.precision).free_symbols, key=lambda s: s.name))

    def flows(
        self, shares: Sequence[sympy.Expr], fitness: Sequence[sympy.Expr]
    ) -> list[sympy.Expr]:
        lam = sympy.sympify(self.precision)
        k = len(shares)
        out = []
        for a in range(k):
            denominator = sum(
                sympy.exp(lam * sympy.expand(fitness[b] - fitness[a])) for b in range(k)
            )
            out.append(1 / denominator - shares[a])
        return out

    def flow_arrays(
        self, shares: np.ndarray, fitness: np.ndarray, values: dict[str, np.ndarray]
    ) -> np.ndarray:
        lam = _numeric(self.precision, values)[..., None]  # (S, 1, 1)
        z = lam * fitness
        z = z - z.max(axis=-1, keepdims=True)
        w = np.exp(z)
        return w / w.sum(axis=-1, keepdims=True) - shares

    def describe(self) -> str:
        return f"logit (precision {self.precision})"


@dataclass(frozen=True)
class BestResponse(Rule):
    """``x' = b(x) - x`` with ``b`` the uniform mixture over the best responses."""

    tolerance: float = 0.0
    name = "best response"
    differentiable = False

    def __post_init__(self) -> None:
        tol = self.tolerance
        if isinstance(tol, bool) or not isinstance(tol, numbers.Real) or not tol >= 0:
            raise ValueError(f"tolerance must be a non-negative number, got {tol!r}")

    def flows(
        self, shares: Sequence[sympy.Expr], fitness: Sequence[sympy.Expr]
    ) -> list[sympy.Expr]:
        k = len(shares)
        if k == 2:
            d = _tidy(fitness[0] - fitness[1])
            h = sympy.Heaviside(d, sympy.Rational(1, 2))
            return [h - shares[0], 1 - h - shares[1]]
        out = []
        for a in range(k):
            pieces = []
            others = [b for b in range(k) if b != a]
            for size in range(0, k):
                for tied in combinations(others, size):
                    cond = sympy.And(
                        *(sympy.Eq(fitness[b], fitness[a]) for b in tied),
                        *(fitness[b] < fitness[a] for b in others if b not in tied),
                    )
                    pieces.append((sympy.Rational(1, size + 1), cond))
            pieces.append((sympy.Integer(0), True))
            out.append(sympy.Piecewise(*pieces) - shares[a])
        return out

    def flow_arrays(
        self, shares: np.ndarray, fitness: np.ndarray, values: dict[str, np.ndarray]
    ) -> np.ndarray:
        best = fitness.max(axis=-1, keepdims=True)
        scale = np.maximum(1.0, np.abs(best))
        mask = (fitness >= best - self.tolerance * scale).astype(float)
        return mask / mask.sum(axis=-1, keepdims=True) - shares


# ---- helpers --------------------------------------------------------------------------------


def _tidy(expr: sympy.Expr) -> sympy.Expr:
    """A payoff difference written compactly (collected by the state variables, factored if
    that is shorter)."""
    e = sympy.expand(expr)
    if len(e.free_symbols) > 8:
        return e
    f = sympy.factor(e)
    return f if sympy.count_ops(f) < sympy.count_ops(e) else e


def _rate(value: Any, name: str) -> Any:
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number or a sympy expression, got {value!r}")
    if isinstance(value, sympy.Basic):
        if value.free_symbols:
            return value
        value = value.evalf() if not value.is_Rational else value
    if isinstance(value, numbers.Rational):
        value = sympy.Rational(value.numerator, value.denominator)
    elif isinstance(value, numbers.Real):
        if not np.isfinite(float(value)):
            raise ValueError(f"{name} must be finite, got {value!r}")
        value = sympy.Float(float(value))
    elif not isinstance(value, sympy.Basic):
        raise TypeError(f"{name} must be a number or a sympy expression, got {value!r}")
    if not (0 <= value <= 1):
        raise ValueError(f"{name} must lie in [0, 1], got {value}")
    return value


def _positive(value: Any, name: str) -> Any:
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number or a sympy expression, got {value!r}")
    if isinstance(value, sympy.Basic) and value.free_symbols:
        if value.is_positive is False:
            raise ValueError(f"{name} must be positive, got {value}")
        return value
    try:
        v = sympy.nsimplify(value) if isinstance(value, numbers.Rational) else value
        f = float(v)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number or a sympy expression, got {value!r}") from None
    if not np.isfinite(f) or f <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value!r}")
    if isinstance(value, numbers.Rational):
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.sympify(value)


def _mutation_matrix(matrix: Any) -> sympy.Matrix:
    try:
        M = sympy.Matrix(matrix)
    except (TypeError, ValueError) as error:
        raise TypeError(f"the mutation matrix must be a square matrix: {error}") from None
    if M.rows != M.cols or M.rows < 2:
        raise ValueError(f"the mutation matrix must be square (k x k, k >= 2), got {M.shape}")
    M = M.applyfunc(lambda v: sympy.nsimplify(v) if isinstance(v, float) else sympy.sympify(v))
    for r in range(M.rows):
        total = sympy.simplify(sum(M.row(r)))
        if total.is_number and total != 1:
            raise ValueError(f"row {r} of the mutation matrix sums to {total}, not 1")
        for v in M.row(r):
            if v.is_number and (v < 0 or v > 1):
                raise ValueError(f"the mutation matrix has an entry {v} outside [0, 1]")
    return M


def _numeric(value: Any, values: dict[str, np.ndarray]) -> np.ndarray:
    """A rule parameter as an array ``(S, 1)`` (S scenarios)."""
    expr = sympy.sympify(value)
    if not expr.free_symbols:
        n = next(iter(values.values())).shape[0] if values else 1
        return np.full((n, 1), float(expr))
    names = sorted(expr.free_symbols, key=lambda s: s.name)
    f = sympy.lambdify(names, expr, modules="numpy")
    out = np.asarray(f(*(values[s.name] for s in names)), dtype=float)
    return out.reshape(-1, 1)


def _numeric_matrix(M: sympy.Matrix, values: dict[str, np.ndarray]) -> np.ndarray:
    n = next(iter(values.values())).shape[0] if values else 1
    out = np.empty((n, M.rows, M.cols))
    for r in range(M.rows):
        for c in range(M.cols):
            out[:, r, c] = _numeric(M[r, c], values)[:, 0]
    return out
