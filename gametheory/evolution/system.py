"""An evolutionary system: a game, a revision rule and a state space, as one immutable value.

:class:`EvolutionarySystem` is what :func:`~gametheory.evolution.replicator` and the other
constructors return. It holds the symbolic system (``equations``, ``variables``, ``jacobian``,
``fitness``), evaluates its right-hand side on many states and parameter values at once
(:meth:`EvolutionarySystem.rhs`), and answers the questions of the applied literature:
:meth:`~EvolutionarySystem.rest_points`, :meth:`~EvolutionarySystem.stability_table`,
:meth:`~EvolutionarySystem.stability_condition` and :meth:`~EvolutionarySystem.simulate`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import sympy

from ..game import Game, UnboundParameterError
from .dynamics import BestResponse, Logit, Replicator, ReplicatorMutator, Rule
from .state import Population, StateSpace

__all__ = ["EvolutionarySystem"]


class EvolutionarySystem:
    """The dynamics ``x' = F(x)`` of a revision rule applied to a game.

    Parameters
    ----------
    game:
        Any :class:`~gametheory.Game` (numeric or parametric).
    rule:
        A :class:`~gametheory.evolution.dynamics.Rule` (replicator, replicator–mutator, logit,
        best response).
    single:
        False: one population per player (state space ``Delta_{k_1} x ... x Delta_{k_N}``).
        True: one population playing a symmetric game against itself (one simplex).
    variables:
        Names (or sympy symbols) of the state variables, in population order; by default
        ``x, y, z`` for two-action populations and ``x_1, x_2, ...`` otherwise.

    Attributes
    ----------
    variables:
        The state symbols (reduced coordinates: the shares of all actions but the last of each
        population).
    equations:
        ``d(variables)/dt`` as a sympy column matrix.
    jacobian:
        ``d(equations)/d(variables)``.
    fitness:
        The expected payoff of every action of every population, sympy.
    """

    def __init__(
        self, game: Game, rule: Rule, *, single: bool = False, variables: Any = None
    ) -> None:
        if not isinstance(game, Game):
            raise TypeError(f"expected a gametheory.Game, got {type(game).__name__}")
        if not isinstance(rule, Rule):
            raise TypeError(f"expected a revision rule, got {type(rule).__name__}")
        self._game = game
        self._rule = rule
        self._space = StateSpace.of(game, single=single, variables=variables)
        clash = {s.name for s in rule.parameters} & {v.name for v in self._space.variables}
        if clash:
            raise ValueError(
                f"the rule's parameter(s) {sorted(clash)} have the names of state variables; "
                "rename them or pass variables="
            )

    # ---- the pieces --------------------------------------------------------------------------

    @property
    def game(self) -> Game:
        """The game being played."""
        return self._game

    @property
    def rule(self) -> Rule:
        """The revision rule."""
        return self._rule

    @property
    def space(self) -> StateSpace:
        """The state space (populations, variables, coordinate maps)."""
        return self._space

    @property
    def single(self) -> bool:
        """True for one population playing a symmetric game."""
        return self._space.single

    @property
    def populations(self) -> tuple[Population, ...]:
        """The populations, each with its action names and variables."""
        return self._space.populations

    @property
    def variables(self) -> tuple[sympy.Symbol, ...]:
        """The state variables (sympy symbols)."""
        return self._space.variables

    @property
    def dim(self) -> int:
        """Dimension of the state space."""
        return self._space.dim

    @property
    def parameters(self) -> tuple[sympy.Symbol, ...]:
        """Free symbols of the payoffs and of the rule, sorted by name."""
        syms = set(self._game.parameters) | set(self._rule.parameters)
        return tuple(sorted(syms, key=lambda s: s.name))

    @property
    def is_parametric(self) -> bool:
        """True when payoffs or the rule contain free symbols."""
        return bool(self.parameters)

    @functools.cached_property
    def fitness(self) -> tuple[tuple[sympy.Expr, ...], ...]:
        """``E_{p,a}``: expected payoff of action ``a`` of population ``p`` (sympy, expanded)."""
        return self._space.fitness(self._game)

    @functools.cached_property
    def mean_fitness(self) -> tuple[sympy.Expr, ...]:
        """``Ebar_p = sum_a x_{p,a} E_{p,a}`` of every population."""
        return tuple(
            sympy.expand(sum(s * e for s, e in zip(p.shares, f, strict=True)))
            for p, f in zip(self.populations, self.fitness, strict=True)
        )

    @functools.cached_property
    def payoff_differences(self) -> tuple[sympy.Expr | None, ...]:
        """``D_p = E_{p,1} - E_{p,2}`` for two-action populations (``None`` for larger ones)."""
        return tuple(sympy.expand(f[0] - f[1]) if len(f) == 2 else None for f in self.fitness)

    @functools.cached_property
    def _flows(self) -> tuple[tuple[sympy.Expr, ...], ...]:
        return tuple(
            tuple(self._rule.flows(p.shares, f))
            for p, f in zip(self.populations, self.fitness, strict=True)
        )

    @functools.cached_property
    def equations(self) -> sympy.Matrix:
        """``d(variables)/dt`` as a sympy column matrix (two-action populations in the factored
        form ``x (1 - x) D`` under the replicator)."""
        rows = [flow for p, f in zip(self.populations, self._flows, strict=True) for flow in f[:-1]]
        return sympy.Matrix(rows)

    @functools.cached_property
    def jacobian(self) -> sympy.Matrix:
        """The Jacobian matrix ``dF/dx`` (sympy)."""
        if not self._rule.differentiable:
            raise ValueError(
                f"the {self._rule.name} dynamics is not differentiable (its right-hand side "
                "jumps where best responses switch), so it has no Jacobian; its rest points are "
                "the Nash equilibria (rest_points())"
            )
        expanded = sympy.Matrix([sympy.expand(e) for e in self.equations])
        return expanded.jacobian(sympy.Matrix(self.variables))

    # ---- symbolic operations -----------------------------------------------------------------

    def subs(
        self, mapping: Mapping[Any, Any] | None = None, /, **values: Any
    ) -> EvolutionarySystem:
        """The system with parameters bound, e.g. ``system.subs(F=3, C=1)``.

        Names unknown to the game and the rule raise ``ValueError``; rational values keep the
        system exact.
        """
        values = {**(mapping or {}), **values}
        values = {(k.name if isinstance(k, sympy.Symbol) else k): v for k, v in values.items()}
        known = {s.name for s in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(
                f"unknown parameter(s) {unknown}; the system's parameters are {sorted(known)}"
            )
        game_names = {s.name for s in self._game.parameters}
        game = self._game.subs({k: v for k, v in values.items() if k in game_names})
        rule = _substituted_rule(self._rule, values)
        return EvolutionarySystem(game, rule, single=self.single, variables=self.variables)

    def latex(self) -> str:
        """The equations as a LaTeX ``aligned`` block."""
        lines = [
            rf"\frac{{d{sympy.latex(v)}}}{{dt}} &= {sympy.latex(e)}"
            for v, e in zip(self.variables, self.equations, strict=True)
        ]
        return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"

    def _repr_latex_(self) -> str:
        return "$$" + self.latex() + "$$"

    def __repr__(self) -> str:
        pops = "; ".join(
            f"{p.name}: {'/'.join(p.actions)} [{', '.join(v.name for v in p.variables)}]"
            for p in self.populations
        )
        view = "single population" if self.single else f"{len(self.populations)} populations"
        lines = [f"EvolutionarySystem({self._rule.describe()}, {view}: {pops})"]
        for v, e in zip(self.variables, self.equations, strict=True):
            lines.append(f"  d{v.name}/dt = {e}")
        return "\n".join(lines)

    # ---- numeric evaluation ------------------------------------------------------------------

    def numeric(self, scenarios: Sequence[Mapping[str, Any]] | None = None) -> NumericSystem:
        """A vectorised evaluator of the right-hand side for parameter ``scenarios``.

        ``scenarios`` is a list of mappings parameter name -> value (one per scenario); a
        system without parameters needs none. Unbound parameters raise
        :class:`~gametheory.UnboundParameterError`.
        """
        return NumericSystem(self, scenarios)

    def rhs(self, state: Any, t: float = 0.0, **params: Any) -> np.ndarray:
        """``F(x)`` at one state or many: ``state`` has shape ``(dim,)`` or ``(n, dim)``.

        ``params`` binds the parameters (scalars). The time ``t`` is ignored (autonomous
        systems); it is accepted for ODE solvers.
        """
        arr = np.asarray(state, dtype=float)
        if arr.ndim not in (1, 2) or arr.shape[-1] != self.dim:
            raise ValueError(
                f"state must have shape ({self.dim},) or (n, {self.dim}), got {arr.shape}"
            )
        evaluator = self.numeric([params] if params else None)
        out = evaluator(arr.reshape(1, -1, self.dim))[0]
        return out[0] if arr.ndim == 1 else out

    # ---- analysis (implemented in sibling modules) --------------------------------------------

    def rest_points(self, *, timeout: float | None = 60.0) -> Any:
        """All rest points of the state space, with their Jacobian, eigenvalues and class.

        See :func:`gametheory.evolution.rest_points.rest_points`.
        """
        from .rest_points import rest_points

        cached = self.__dict__.get("_rest_points")
        if cached is not None:
            return cached
        found = rest_points(self, timeout=timeout)
        if (
            found.complete
            or not self._rule.differentiable
            or found.notes[:1]
            == ["logit rest points are found numerically from a grid of starting states"]
        ):
            self.__dict__["_rest_points"] = found  # complete results do not depend on timeout
        return found

    def stability_table(
        self,
        *,
        latex: bool = False,
        locations: Any = None,
        timeout: float | None = 60.0,
    ) -> Any:
        """The stability table (one row per rest point); see
        :func:`gametheory.evolution.table.stability_table`."""
        from .table import stability_table

        return stability_table(self, latex=latex, locations=locations, timeout=timeout)

    def stability_condition(
        self, profile: Sequence[int | str], *, unique: bool = False
    ) -> sympy.Basic:
        """The condition under which the vertex ``profile`` is asymptotically stable (and, with
        ``unique=True``, the only asymptotically stable rest point); see
        :func:`gametheory.evolution.table.stability_condition`."""
        from .table import stability_condition

        return stability_condition(self, profile, unique=unique)

    def simulate(self, initial_states: Any, t: Any, **options: Any) -> Any:
        """Evolution paths from many initial states and scenarios; see
        :func:`gametheory.evolution.simulate.simulate`."""
        from .simulate import simulate

        return simulate(self, initial_states, t, **options)

    def vertex(self, profile: Sequence[int | str]) -> tuple[int, ...]:
        """Action indices of a vertex given by action names or indices (one per population)."""
        if isinstance(profile, str) or not isinstance(profile, Sequence):
            raise TypeError(f"a vertex is one action per population, got {profile!r}")
        if len(profile) != len(self.populations):
            raise ValueError(
                f"a vertex needs one action per population ({len(self.populations)}), got "
                f"{len(profile)}"
            )
        out = []
        for p, a in zip(self.populations, profile, strict=True):
            if isinstance(a, str):
                if a not in p.actions:
                    raise ValueError(f"population {p.name!r} has no action {a!r}: {p.actions}")
                out.append(p.actions.index(a))
            elif isinstance(a, int | np.integer) and not isinstance(a, bool):
                if not 0 <= int(a) < p.size:
                    raise ValueError(f"population {p.name!r} has no action index {a}")
                out.append(int(a))
            else:
                raise TypeError(f"an action is a name or an index, got {a!r}")
        return tuple(out)


class NumericSystem:
    """The right-hand side of a system evaluated in floats for ``S`` parameter scenarios.

    Calling it with variable values ``(S, B, dim)`` returns ``F`` of the same shape. Payoffs are
    evaluated once per scenario (:meth:`Game.lambdify`), the fitness by ``numpy.einsum``.
    """

    def __init__(
        self, system: EvolutionarySystem, scenarios: Sequence[Mapping[str, Any]] | None
    ) -> None:
        self.system = system
        params = system.parameters
        names = [p.name for p in params]
        if scenarios is None or len(scenarios) == 0:
            scenarios = [{}]
        scenarios = [dict(s) for s in scenarios]
        for k, s in enumerate(scenarios):
            unknown = sorted(set(s) - set(names))
            if unknown:
                raise ValueError(
                    f"scenario {k}: unknown parameter(s) {unknown}; the system's parameters are "
                    f"{names}"
                )
            missing = [n for n in names if n not in s]
            if missing:
                raise UnboundParameterError(
                    f"evaluating the dynamics needs numeric values for every parameter, but "
                    f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} unbound"
                    + (f" in scenario {k}" if len(scenarios) > 1 else "")
                    + f"; give them, e.g. {missing[0]}=1"
                )
        values: dict[str, np.ndarray] = {}
        for name in names:
            column = []
            for k, s in enumerate(scenarios):
                try:
                    v = float(s[name])
                except (TypeError, ValueError):
                    raise ValueError(
                        f"scenario {k}: parameter {name} = {s[name]!r} is not a real number"
                    ) from None
                if not np.isfinite(v):
                    raise ValueError(f"scenario {k}: parameter {name} = {v} is not finite")
                column.append(v)
            values[name] = np.array(column)
        self.scenarios = scenarios
        self.n_scenarios = len(scenarios)
        game = system.game
        game_names = [p.name for p in game.parameters]
        if game_names:
            arrays = game.lambdify()(**{n: values[n] for n in game_names})
        else:
            arrays = tuple(a[None, ...] for a in game.as_float())
        arrays = tuple(
            np.ascontiguousarray(np.broadcast_to(a, (self.n_scenarios, *game.shape)))
            for a in arrays
        )
        for a in arrays:
            if not np.all(np.isfinite(a)):
                raise ValueError("the payoffs are not finite (NaN or infinite) in some scenario")
        self.payoffs = arrays
        self.values = values
        self._prepare()

    def _prepare(self) -> None:
        """Payoff matrices ``(S, k_i, prod_{j != i} k_j)`` per player, and the payoff
        differences for the two-action replicator fast path."""
        space = self.system.space
        S = self.payoffs[0].shape[0]
        if space.single:
            self.matrices = None
        else:
            self.matrices = [
                np.ascontiguousarray(np.moveaxis(U, i + 1, 1).reshape(S, U.shape[i + 1], -1))
                for i, U in enumerate(self.payoffs)
            ]
        self.two_action = (
            isinstance(self.system.rule, Replicator)
            and not space.single
            and all(k == 2 for k in space.sizes)
        )
        # replicator of a two-player game with one scenario: plain matrix products
        self.bimatrix = None
        if (
            isinstance(self.system.rule, Replicator)
            and not self.two_action
            and len(self.payoffs) == 2
            and S == 1
        ):
            A = np.ascontiguousarray(self.payoffs[0][0])
            self.bimatrix = (A.T.copy(), None if space.single else self.payoffs[1][0].copy())
        if self.two_action:
            # D_i's payoff-difference tensor over the others' actions, (S, 2, ..., 2)
            self.differences = [
                np.ascontiguousarray(np.take(U, 0, axis=i + 1) - np.take(U, 1, axis=i + 1))
                for i, U in enumerate(self.payoffs)
            ]

    def restricted(self, index: np.ndarray) -> NumericSystem:
        """The same system for the scenarios ``index`` (one entry per trajectory)."""
        new = NumericSystem.__new__(NumericSystem)
        new.system = self.system
        new.scenarios = [self.scenarios[k] for k in index]
        new.n_scenarios = len(index)
        new.payoffs = tuple(a[index] for a in self.payoffs)
        new.values = {k: v[index] for k, v in self.values.items()}
        new._prepare()
        return new

    def shares(self, x: np.ndarray) -> list[np.ndarray]:
        """Full shares per population, ``(S, B, k_p)``, from variables ``(S, B, dim)``."""
        return self.system.space.full_array(x)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        if self.two_action:
            return self._two_action(x)
        if self.bimatrix is not None:
            return self._two_player(x)
        space = self.system.space
        shares = space.full_array(x)
        if space.single:
            fitness = space.fitness_arrays(self.payoffs, shares)
        else:
            fitness = []
            for i, M in enumerate(self.matrices):
                joint = _joint([shares[j] for j in range(len(shares)) if j != i])
                fitness.append(_contract(joint, M))
        flows = [
            self.system.rule.flow_arrays(s, f, self.values)
            for s, f in zip(shares, fitness, strict=True)
        ]
        return np.concatenate([f[..., :-1] for f in flows], axis=-1)

    def columns(self, X: np.ndarray) -> np.ndarray:
        """``F`` on states stored component-major, ``X`` of shape ``(dim, n)`` (one scenario):
        the layout :func:`~gametheory.evolution.simulate.simulate` integrates in, where each
        variable is a contiguous row."""
        if self.two_action:
            return self._two_action_columns(X)
        if self.bimatrix is not None:
            return self._two_player_columns(X)
        n = X.shape[1]
        return self(np.ascontiguousarray(X.T).reshape(1, n, -1))[0].T

    def _two_player_columns(self, X: np.ndarray) -> np.ndarray:
        At, B = self.bimatrix
        A = At.T
        d, n = X.shape
        if B is None:
            full = np.empty((d + 1, n))
            full[:d] = X
            full[d] = 1.0 - X.sum(axis=0)
            fit = A @ full
            fit -= (full * fit).sum(axis=0)
            return X * fit[:-1]
        m = A.shape[0] - 1
        xs, ys = np.empty((m + 1, n)), np.empty((d - m + 1, n))
        xs[:m], ys[:-1] = X[:m], X[m:]
        xs[m] = 1.0 - X[:m].sum(axis=0)
        ys[-1] = 1.0 - X[m:].sum(axis=0)
        fx, fy = A @ ys, B.T @ xs
        fx -= (xs * fx).sum(axis=0)
        fy -= (ys * fy).sum(axis=0)
        out = np.empty_like(X)
        np.multiply(X[:m], fx[:-1], out=out[:m])
        np.multiply(X[m:], fy[:-1], out=out[m:])
        return out

    def _two_action_columns(self, X: np.ndarray) -> np.ndarray:
        """The two-action fast path on ``(dim, n)`` rows: ``D_i`` contracted one opponent at a
        time, ``T <- T[..., 1, :] + (T[..., 0, :] - T[..., 1, :]) x_j``."""
        d = X.shape[0]
        out = np.empty_like(X)
        for i, W in enumerate(self.differences):
            T = W[0][..., None]  # (2, ..., 2, 1): the others' actions, then the states
            for j in reversed([j for j in range(d) if j != i]):
                T = T[..., 1, :] + (T[..., 0, :] - T[..., 1, :]) * X[j]
            xi = X[i]
            out[i] = xi * (1.0 - xi) * T
        return out

    def _two_player(self, x: np.ndarray) -> np.ndarray:
        """Replicator of a two-player game under one scenario: fitness ``A y`` and ``B^T x``
        (``A x`` for one population), ``x_a' = x_a ((A y)_a - x.A y)``, by matrix products."""
        At, B = self.bimatrix
        if B is None:
            full = np.concatenate([x, 1.0 - x.sum(axis=-1, keepdims=True)], axis=-1)
            fit = full @ At
            fit -= (full * fit).sum(axis=-1, keepdims=True)
            return full[..., :-1] * fit[..., :-1]
        m = At.shape[1] - 1
        u, v = x[..., :m], x[..., m:]
        xs = np.concatenate([u, 1.0 - u.sum(axis=-1, keepdims=True)], axis=-1)
        ys = np.concatenate([v, 1.0 - v.sum(axis=-1, keepdims=True)], axis=-1)
        fx, fy = ys @ At, xs @ B
        gx = xs * (fx - np.sum(xs * fx, axis=-1, keepdims=True))
        gy = ys * (fy - np.sum(ys * fy, axis=-1, keepdims=True))
        return np.concatenate([gx[..., :-1], gy[..., :-1]], axis=-1)

    def _two_action(self, x: np.ndarray) -> np.ndarray:
        """Replicator, every population with two actions: ``x_i' = x_i (1 - x_i) D_i``, with
        the multilinear ``D_i`` evaluated by contracting one opponent at a time,
        ``T <- T[..., 1] + (T[..., 0] - T[..., 1]) x_j``."""
        n = x.shape[-1]
        out = np.empty_like(x)
        for i, W in enumerate(self.differences):
            T = W[:, None]  # (S, 1, 2, ..., 2)
            for j in reversed([j for j in range(n) if j != i]):
                xj = x[..., j].reshape(x.shape[0], x.shape[1], *([1] * (T.ndim - 3)))
                T = T[..., 1] + (T[..., 0] - T[..., 1]) * xj
            xi = x[..., i]
            out[..., i] = xi * (1.0 - xi) * T
        return out


def _joint(parts: list[np.ndarray]) -> np.ndarray:
    """Probabilities of the others' pure profiles, ``(S, B, prod k)`` in C order."""
    joint = parts[0]
    for p in parts[1:]:
        joint = (joint[..., :, None] * p[..., None, :]).reshape(*joint.shape[:-1], -1)
    return joint


def _contract(joint: np.ndarray, M: np.ndarray) -> np.ndarray:
    """``(S, B, m)`` joint probabilities times payoff matrices ``(S, k, m)``: ``(S, B, k)``."""
    S = joint.shape[0]
    if M.shape[0] == 1 and S == 1:
        return (joint[0] @ M[0].T)[None]
    return np.einsum("sbm,sam->sba", joint, np.broadcast_to(M, (S, *M.shape[1:])))


def _substituted_rule(rule: Rule, values: Mapping[str, Any]) -> Rule:
    by_name = {s.name: s for s in rule.parameters}
    subs = {
        by_name[k]: sympy.nsimplify(v) if isinstance(v, int) else v
        for k, v in values.items()
        if k in by_name
    }
    if not subs:
        return rule
    if isinstance(rule, ReplicatorMutator):
        if rule.matrix is not None:
            return ReplicatorMutator(matrix=rule.matrix.subs(subs))
        return ReplicatorMutator(sympy.sympify(rule.mutation).subs(subs))
    if isinstance(rule, Logit):
        return Logit(sympy.sympify(rule.precision).subs(subs))
    return rule  # pragma: no cover - the other rules have no parameters


__all__ += ["NumericSystem"]
_RULES = (Replicator, ReplicatorMutator, Logit, BestResponse)
