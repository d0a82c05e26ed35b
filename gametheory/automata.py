"""Finite-automaton strategies for infinitely repeated games and the one-shot deviation check.

A strategy of player ``i`` in the infinitely repeated game with perfect monitoring is represented by
an *automaton* ``(W_i, w_i^0, f_i, tau_i)``: a finite set of states ``W_i``, an initial state
``w_i^0``, an output function ``f_i : W_i -> A_i`` (the action played in each state) and a
transition function ``tau_i : W_i x A -> W_i`` that moves on the *observed action profile*
``a in A = A_1 x ... x A_N`` (Abreu, Pearce & Stacchetti 1990; Mailath & Samuelson 2006,
*Repeated Games and Reputations*, §2.3). A profile of automata defines a *joint automaton* on the
product ``W = W_1 x ... x W_N`` with ``f(w) = (f_1(w_1), ..., f_N(w_N))`` and
``tau(w, a) = (tau_1(w_1, a), ..., tau_N(w_N, a))``.

Values
------
The (unnormalised) continuation value of the joint state ``w`` is

    V(w) = u(f(w)) + delta * V(tau(w, f(w))),

i.e. ``V(w) = sum_t delta^t u(a^t)`` along the path generated from ``w``. Because the path from a
joint state is deterministic it ends in a cycle ``c_0, ..., c_{L-1}``, and the linear system is
solved in closed form: ``V(c_0) = sum_{t<L} delta^t u(f(c_t)) / (1 - delta^L)``, then backwards
along the path. This is exact in :class:`~fractions.Fraction` arithmetic for exact games and exact
discount factors, and in floats otherwise.

Subgame perfection (one-shot deviation principle)
-------------------------------------------------
A strategy profile given by automata is a subgame-perfect equilibrium iff no player gains from a
one-shot deviation at any joint state reachable from ``w^0`` by *some* history, i.e. iff for every
such ``w``, every player ``i`` and every action ``a_i``

    u_i(a_i, f_{-i}(w)) + delta * V_i(tau(w, (a_i, f_{-i}(w)))) <= V_i(w)

(Fudenberg & Tirole 1991, *Game Theory*, Theorem 4.2; Mailath & Samuelson 2006, Propositions
2.2.1 and 2.4.1). Reachability uses *all* action profiles, including simultaneous deviations,
because subgame perfection requires optimal play after every history.

Nash equilibrium
----------------
The profile is a Nash equilibrium of the repeated game iff, for every player ``i``, the value of
following ``f_i`` is at least the best value ``i`` can obtain against the opponents' automata.
The latter is the value of a deterministic discounted Markov decision problem on the opponents'
joint states, solved exactly by policy iteration (Howard 1960; Puterman 1994, *Markov Decision
Processes*, §6.4).

Arithmetic and tolerance
------------------------
Exact games (``game.kind == "exact"``) with an exact discount factor (int, Fraction, sympy
Rational) give exact answers and exact inequalities: a deviation is profitable iff its gain is
``> 0``. If the game or the discount factor is a float, everything is computed in float64 and a
deviation counts as profitable only when its gain exceeds
``FLOAT_TOL * max(1, max|u|) / (1 - delta)``, i.e. ``FLOAT_TOL`` relative to the largest possible
discounted payoff. Payoffs with free symbols raise :class:`~gametheory.game.UnboundParameterError`
(critical discount factors of parametric games are computed by :mod:`gametheory.repeated`).

Transition tables
-----------------
``transitions`` is either a callable ``f(state, profile) -> next_state`` (``profile`` a tuple of
action *names*, one per player) or a mapping. A mapping has keys ``(state, profile)`` or the nested
form ``{state: {profile: next_state}}``. The wildcard ``"*"`` (:data:`WILDCARD`) may stand for the
state, for the whole profile, or for single actions in the profile; e.g. for player 1 of a
prisoner's dilemma, tit-for-tat is ``{("*", ("*", "C")): "C", ("*", ("*", "D")): "D"}``. For a
pair ``(state, profile)`` the *most specific* matching key wins (the one with the fewest
wildcards, counting the state as one position); two equally specific matching keys with different
targets are an error. Completeness is checked when the automaton is bound to a stage game
(:meth:`Automaton.bind`, also done by every function here): every (state, profile) pair reachable
from the initial state needs a transition.

References
----------
Abreu, D. (1986). Extremal equilibria of oligopolistic supergames. *Journal of Economic Theory*
39(1): 191-225.
Abreu, D. (1988). On the theory of infinitely repeated games with discounting. *Econometrica*
56(2): 383-396.
Abreu, D., Pearce, D. & Stacchetti, E. (1990). Toward a theory of discounted repeated games with
imperfect monitoring. *Econometrica* 58(5): 1041-1063.
Axelrod, R. (1984). *The Evolution of Cooperation*. Basic Books.
Friedman, J. W. (1971). A non-cooperative equilibrium for supergames. *Review of Economic Studies*
38(1): 1-12.
Fudenberg, D. & Tirole, J. (1991). *Game Theory*. MIT Press, ch. 4 and 5.
Howard, R. A. (1960). *Dynamic Programming and Markov Processes*. MIT Press.
Mailath, G. J. & Samuelson, L. (2006). *Repeated Games and Reputations: Long-Run Relationships*.
Oxford University Press, ch. 2.
Osborne, M. J. (2004). *An Introduction to Game Theory*. Oxford University Press, ch. 14.
Puterman, M. L. (1994). *Markov Decision Processes*. Wiley.
"""

from __future__ import annotations

import math
import numbers
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any, NamedTuple

import numpy as np
import sympy

from .game import Game

__all__ = [
    "FLOAT_TOL",
    "WILDCARD",
    "Automaton",
    "OneShotDeviation",
    "SimulationResult",
    "always",
    "best_response_value",
    "discounted_value",
    "grim_trigger",
    "is_nash",
    "is_subgame_perfect",
    "limited_punishment",
    "one_shot_deviations",
    "simulate",
    "stick_and_carrot",
    "tit_for_tat",
]

#: Wildcard in transition keys: any state, any profile, or any action of one player.
WILDCARD = "*"

#: Relative tolerance of float computations (see the module notes).
FLOAT_TOL = 1e-9


# --------------------------------------------------------------------------------------------
# The automaton
# --------------------------------------------------------------------------------------------


def _check_action_entry(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, str | numbers.Integral):
        raise TypeError(f"{where} must be an action name or index, got {value!r}")


def _normalise_transitions(
    transitions: Any, states: frozenset
) -> Mapping[tuple[Hashable, Any], Hashable] | Callable[..., Hashable]:
    """Validate a transition table and return it as a read-only flat mapping (or the callable)."""
    if callable(transitions) and not isinstance(transitions, Mapping):
        return transitions
    if not isinstance(transitions, Mapping):
        raise TypeError(
            "transitions must be a mapping {(state, profile): next_state}, a nested mapping "
            "{state: {profile: next_state}} or a callable f(state, profile) -> next_state, got "
            f"{type(transitions).__name__}"
        )
    if not transitions:
        raise ValueError("transitions is empty; every reachable state needs a transition")
    nested = [isinstance(v, Mapping) for v in transitions.values()]
    flat: dict[tuple[Hashable, Any], Hashable] = {}
    if all(nested):
        items = [((s, p), t) for s, inner in transitions.items() for p, t in inner.items()]
    elif any(nested):
        raise TypeError(
            "transitions mixes the flat form {(state, profile): next} with the nested form "
            "{state: {profile: next}}; use one of them"
        )
    else:
        items = list(transitions.items())
    for key, target in items:
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError(f"transition key {key!r} must be a pair (state, profile)")
        state, profile = key
        if state != WILDCARD and state not in states:
            raise ValueError(
                f"transition key {key!r} names an unknown state {state!r}; states are "
                f"{sorted(states, key=repr)}"
            )
        if profile != WILDCARD:
            if isinstance(profile, str) or not isinstance(profile, tuple):
                raise TypeError(
                    f"the profile in transition key {key!r} must be a tuple of actions (one per "
                    f"player) or {WILDCARD!r}, got {profile!r}"
                )
            for a in profile:
                _check_action_entry(a, f"action {a!r} in transition key {key!r}")
        if target not in states:
            raise ValueError(
                f"transition {key!r} -> {target!r} leads to an unknown state {target!r}; states "
                f"are {sorted(states, key=repr)}"
            )
        flat[(state, profile)] = target
    return MappingProxyType(flat)


class Automaton:
    """A finite-automaton strategy of one player in a repeated game.

    Parameters
    ----------
    states:
        Sequence of distinct hashable state names (``"*"`` is reserved for the wildcard).
    initial:
        The initial state ``w^0``.
    actions:
        Mapping ``state -> action`` (action name or index of the player), the output ``f_i``.
    transitions:
        ``tau_i``: a mapping ``{(state, profile): next_state}``, a nested mapping
        ``{state: {profile: next_state}}`` or a callable ``f(state, profile) -> next_state``
        receiving the observed profile as a tuple of action names of *all* players. Mapping keys
        may use the wildcard ``"*"`` for the state, the whole profile, or single actions; the most
        specific matching key applies (see the module notes).
    name:
        Optional display name.

    Notes
    -----
    Automata are immutable and hashable. An automaton is *bound* to a player of a stage game by
    :meth:`bind`, which converts actions to indices, checks them against the game, and tabulates
    ``tau_i`` on every (state, profile) pair reachable from ``initial``; a missing or ambiguous
    transition raises ``ValueError`` naming the state and the profile. Every function of this
    module binds automata itself, so binding explicitly is only needed to validate early.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import gametheory as gt
    >>> from gametheory.automata import Automaton, is_subgame_perfect
    >>> pd = gt.Game([[3, 0], [5, 1]], [[3, 5], [0, 1]], actions=[["C", "D"], ["C", "D"]])
    >>> grim = Automaton(
    ...     ["coop", "punish"], "coop", {"coop": "C", "punish": "D"},
    ...     {("coop", ("C", "C")): "coop", ("coop", "*"): "punish", ("punish", "*"): "punish"},
    ... )
    >>> is_subgame_perfect(pd, [grim, grim], Fraction(1, 2))
    True
    """

    __slots__ = (
        "_act",
        "_actions",
        "_initial",
        "_name",
        "_player",
        "_reachable",
        "_stage",
        "_states",
        "_table",
        "_transitions",
    )

    def __init__(
        self,
        states: Sequence[Hashable],
        initial: Hashable,
        actions: Mapping[Hashable, int | str],
        transitions: Mapping[Any, Any] | Callable[[Hashable, tuple[str, ...]], Hashable],
        name: str | None = None,
    ) -> None:
        if isinstance(states, str | bytes) or not isinstance(states, Sequence):
            raise TypeError(f"states must be a sequence of state names, got {states!r}")
        states = tuple(states)
        if not states:
            raise ValueError("an automaton needs at least one state")
        for s in states:
            try:
                hash(s)
            except TypeError:
                raise TypeError(f"state {s!r} is not hashable") from None
            if s == WILDCARD:
                raise ValueError(f"{WILDCARD!r} is the wildcard and cannot be a state name")
        if len(set(states)) != len(states):
            dupes = sorted({repr(s) for s in states if states.count(s) > 1})
            raise ValueError(f"states has duplicates: {', '.join(dupes)}")
        state_set = frozenset(states)
        try:
            initial_known = initial in state_set
        except TypeError:
            raise TypeError(f"initial state {initial!r} is not hashable") from None
        if not initial_known:
            raise ValueError(f"initial state {initial!r} is not one of the states {list(states)}")
        if not isinstance(actions, Mapping):
            raise TypeError(
                f"actions must be a mapping state -> action, got {type(actions).__name__}"
            )
        unknown = [s for s in actions if s not in state_set]
        if unknown:
            raise ValueError(f"actions names unknown states {unknown}; states are {list(states)}")
        missing = [s for s in states if s not in actions]
        if missing:
            raise ValueError(f"actions has no action for the states {missing}")
        for s in states:
            _check_action_entry(actions[s], f"the action of state {s!r}")
        if name is not None and not isinstance(name, str):
            raise TypeError(f"name must be a string, got {type(name).__name__}")
        _set = object.__setattr__
        _set(self, "_states", states)
        _set(self, "_initial", initial)
        _set(self, "_actions", MappingProxyType({s: actions[s] for s in states}))
        _set(self, "_transitions", _normalise_transitions(transitions, state_set))
        _set(self, "_name", name)
        _set(self, "_stage", None)
        _set(self, "_player", None)
        _set(self, "_act", None)
        _set(self, "_table", None)
        _set(self, "_reachable", None)

    # ---- immutability -----------------------------------------------------------------------

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"Automaton is immutable; cannot set {key!r}")

    def __delattr__(self, key: str) -> None:
        raise AttributeError(f"Automaton is immutable; cannot delete {key!r}")

    def _key(self) -> tuple:
        trans = (
            self._transitions
            if callable(self._transitions) and not isinstance(self._transitions, Mapping)
            else frozenset(self._transitions.items())
        )
        return (
            self._states,
            self._initial,
            tuple(self._actions.items()),
            trans,
            self._name,
            self._stage,
            self._player,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Automaton):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        head = f"Automaton({self._name!r}, " if self._name else "Automaton("
        bound = f", player={self._stage.players[self._player]!r}" if self._stage is not None else ""
        return (
            f"{head}states={list(self._states)}, initial={self._initial!r}, "
            f"actions={dict(self._actions)}{bound})"
        )

    # ---- properties -------------------------------------------------------------------------

    @property
    def states(self) -> tuple[Hashable, ...]:
        """The state names."""
        return self._states

    @property
    def initial(self) -> Hashable:
        """The initial state."""
        return self._initial

    @property
    def actions(self) -> Mapping[Hashable, int | str]:
        """Read-only mapping ``state -> action`` as given."""
        return self._actions

    @property
    def transitions(self) -> Mapping[Any, Hashable] | Callable[..., Hashable]:
        """The transition table as given (flattened, read-only) or the callable."""
        return self._transitions

    @property
    def name(self) -> str | None:
        """Display name (or None)."""
        return self._name

    @property
    def stage(self) -> Game | None:
        """The stage game the automaton is bound to (None if unbound)."""
        return self._stage

    @property
    def player(self) -> int | None:
        """Index of the player the automaton is bound to (None if unbound)."""
        return self._player

    @property
    def is_bound(self) -> bool:
        """True after :meth:`bind`."""
        return self._stage is not None

    def _require_bound(self, what: str) -> None:
        if self._stage is None:
            raise ValueError(f"{what} needs a bound automaton; call .bind(stage, player) first")

    @property
    def reachable_states(self) -> tuple[Hashable, ...]:
        """States reachable from the initial state under any observed profiles (bound only)."""
        self._require_bound("reachable_states")
        return self._reachable

    def action(self, state: Hashable) -> str:
        """Name of the action played in ``state`` (bound only)."""
        self._require_bound("action()")
        if state not in self._act:
            raise ValueError(f"unknown state {state!r}; states are {list(self._states)}")
        return self._stage.actions[self._player][self._act[state]]

    def next_state(self, state: Hashable, profile: Sequence[int | str]) -> Hashable:
        """``tau_i(state, profile)`` for a reachable state and a profile (names or indices)."""
        self._require_bound("next_state()")
        idx = self._stage.pure_profile(profile)
        if (state, idx) not in self._table:
            if state not in self._act:
                raise ValueError(f"unknown state {state!r}; states are {list(self._states)}")
            raise ValueError(f"state {state!r} is not reachable from {self._initial!r}")
        return self._table[(state, idx)]

    # ---- binding ----------------------------------------------------------------------------

    def _describe(self) -> str:
        return f"automaton {self._name!r}" if self._name else "automaton"

    def bind(self, stage: Game, player: int | str) -> Automaton:
        """Return this automaton bound to ``player`` of ``stage``, checking it completely.

        Checks every state's action against the player's actions and tabulates the transition for
        every state reachable from the initial state and every action profile of ``stage``;
        raises ``ValueError`` for unknown actions, wrong profile lengths, missing or ambiguous
        transitions (naming the state and the profile).
        """
        if not isinstance(stage, Game):
            raise TypeError(f"stage must be a Game, got {type(stage).__name__}")
        p = stage.player_index(player)
        n = stage.n_players
        out = Automaton.__new__(Automaton)
        _set = object.__setattr__
        for slot in ("_states", "_initial", "_actions", "_transitions", "_name"):
            _set(out, slot, getattr(self, slot))
        _set(out, "_stage", stage)
        _set(out, "_player", p)
        who = f"{self._describe()} of {stage.players[p]}"
        act = {}
        for s in self._states:
            try:
                act[s] = stage.action_index(p, self._actions[s])
            except ValueError as exc:
                raise ValueError(f"{who}: state {s!r} plays an invalid action: {exc}") from None
        _set(out, "_act", act)
        trans = self._transitions
        if callable(trans) and not isinstance(trans, Mapping):
            patterns: Any = trans
        else:
            uses_wildcard = False
            patterns = []
            for (state, profile), target in trans.items():
                if profile == WILDCARD:
                    pat: tuple = (None,) * n
                    uses_wildcard = True
                else:
                    if len(profile) != n:
                        raise ValueError(
                            f"{who}: transition key ({state!r}, {profile!r}) has "
                            f"{len(profile)} actions but the stage game has {n} players"
                        )
                    entries = []
                    for k, a in enumerate(profile):
                        if a == WILDCARD:
                            entries.append(None)
                            uses_wildcard = True
                        else:
                            try:
                                entries.append(stage.action_index(k, a))
                            except ValueError as exc:
                                raise ValueError(
                                    f"{who}: transition key ({state!r}, {profile!r}): {exc}"
                                ) from None
                    pat = tuple(entries)
                uses_wildcard |= state == WILDCARD
                pat_state = None if state == WILDCARD else state
                specificity = (pat_state is not None) + sum(e is not None for e in pat)
                patterns.append((pat_state, pat, specificity, target))
            if uses_wildcard and any(WILDCARD in names for names in stage.actions):
                raise ValueError(
                    f"{who} uses the wildcard {WILDCARD!r} but the stage game has an action "
                    f"named {WILDCARD!r}; rename that action"
                )
        table: dict[tuple[Hashable, tuple[int, ...]], Hashable] = {}
        profiles = [tuple(int(x) for x in a) for a in np.ndindex(stage.shape)]
        labels = {a: tuple(stage.actions[k][x] for k, x in enumerate(a)) for a in profiles}
        reachable = [self._initial]
        seen = {self._initial}
        queue = deque(reachable)
        while queue:
            s = queue.popleft()
            for a in profiles:
                t = out._lookup_bound(s, a, patterns, labels[a], who)
                table[(s, a)] = t
                if t not in seen:
                    seen.add(t)
                    reachable.append(t)
                    queue.append(t)
        _set(out, "_table", table)
        _set(out, "_reachable", tuple(reachable))
        return out

    def _lookup_bound(
        self,
        state: Hashable,
        profile: tuple[int, ...],
        patterns: Any,
        names: tuple[str, ...],
        who: str,
    ) -> Hashable:
        if callable(patterns):
            try:
                target = patterns(state, names)
            except LookupError as exc:
                raise ValueError(
                    f"{who} has no transition from state {state!r} on profile {names} "
                    f"(the transition function raised {exc!r})"
                ) from exc
            try:
                known = target in self._act
            except TypeError:
                known = False
            if not known:
                raise ValueError(
                    f"{who}: the transition function maps state {state!r} and profile {names} "
                    f"to {target!r}, which is not a state ({list(self._states)})"
                )
            return target
        best: int | None = None
        targets: set = set()
        for pat_state, pat_profile, specificity, target in patterns:
            if pat_state is not None and pat_state != state:
                continue
            if any(p is not None and p != a for p, a in zip(pat_profile, profile, strict=True)):
                continue
            if best is None or specificity > best:
                best, targets = specificity, {target}
            elif specificity == best:
                targets.add(target)
        if best is None:
            raise ValueError(
                f"{who} has no transition from state {state!r} on profile {names}; add one "
                f"(or a wildcard key such as ({state!r}, {WILDCARD!r}))"
            )
        if len(targets) > 1:
            raise ValueError(
                f"{who} has ambiguous transitions from state {state!r} on profile {names}: "
                f"equally specific keys lead to {sorted(targets, key=repr)}"
            )
        return next(iter(targets))


# --------------------------------------------------------------------------------------------
# Builders for the standard strategies
# --------------------------------------------------------------------------------------------


def _labels(stage: Game, profile: Sequence[int | str], what: str) -> tuple[str, ...]:
    try:
        idx = stage.pure_profile(profile)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{what} is not a pure profile of the stage game: {exc}") from None
    return tuple(stage.actions[k][a] for k, a in enumerate(idx))


def always(stage: Game, player: int | str, action: int | str) -> Automaton:
    """The one-state automaton that plays ``action`` whatever happens (e.g. always defect)."""
    p = stage.player_index(player)
    label = stage.actions[p][stage.action_index(p, action)]
    return Automaton(
        ["always"],
        "always",
        {"always": label},
        {("always", WILDCARD): "always"},
        name=f"always {label}",
    ).bind(stage, p)


def grim_trigger(
    stage: Game,
    player: int | str,
    cooperate: Sequence[int | str],
    punishment: Sequence[int | str],
) -> Automaton:
    """Grim trigger: play ``cooperate`` until any other profile is observed, then ``punishment``.

    States ``"cooperate"`` and ``"punish"``; ``punish`` is absorbing (Friedman 1971; Mailath &
    Samuelson 2006, ch. 2). With a stage Nash equilibrium as punishment the profile is
    subgame perfect iff ``delta >= (d_i - r_i)/(d_i - p_i)`` for every player, with ``r_i``,
    ``p_i`` the cooperative and punishment payoffs and ``d_i`` the best deviation payoff.
    """
    p = stage.player_index(player)
    coop = _labels(stage, cooperate, "cooperate")
    pun = _labels(stage, punishment, "punishment")
    return Automaton(
        ["cooperate", "punish"],
        "cooperate",
        {"cooperate": coop[p], "punish": pun[p]},
        {
            ("cooperate", coop): "cooperate",
            ("cooperate", WILDCARD): "punish",
            ("punish", WILDCARD): "punish",
        },
        name="grim trigger",
    ).bind(stage, p)


def limited_punishment(
    stage: Game,
    player: int | str,
    cooperate: Sequence[int | str],
    punishment: Sequence[int | str],
    periods: int,
) -> Automaton:
    """Cooperate; after any other profile play ``punishment`` for ``periods`` periods, then return.

    States ``"cooperate"``, ``"punish 1"``, ..., ``"punish k"``; the punishment phase runs for
    ``k`` periods whatever is played in it (Osborne 2004, ch. 14). With a stage Nash equilibrium
    as punishment the profile is subgame perfect iff
    ``d_i - r_i <= (r_i - p_i)(delta + ... + delta^k)`` for every player.
    """
    if isinstance(periods, bool) or not isinstance(periods, numbers.Integral) or periods < 1:
        raise ValueError(f"periods must be a positive integer, got {periods!r}")
    k = int(periods)
    p = stage.player_index(player)
    coop = _labels(stage, cooperate, "cooperate")
    pun = _labels(stage, punishment, "punishment")
    punish = [f"punish {j}" for j in range(1, k + 1)]
    transitions: dict = {("cooperate", coop): "cooperate", ("cooperate", WILDCARD): punish[0]}
    for j, s in enumerate(punish):
        transitions[(s, WILDCARD)] = punish[j + 1] if j + 1 < k else "cooperate"
    return Automaton(
        ["cooperate", *punish],
        "cooperate",
        {"cooperate": coop[p], **{s: pun[p] for s in punish}},
        transitions,
        name=f"limited punishment ({k})",
    ).bind(stage, p)


def stick_and_carrot(
    stage: Game,
    player: int | str,
    cooperate: Sequence[int | str],
    stick: Sequence[int | str],
) -> Automaton:
    """Abreu's stick and carrot: one period of ``stick`` after a deviation, then cooperation.

    States ``"cooperate"`` and ``"stick"``. Any profile other than ``cooperate`` in the
    cooperative state, and any profile other than ``stick`` in the stick state, leads to (another)
    stick period; playing ``stick`` as prescribed returns to cooperation (Abreu 1986, 1988;
    Mailath & Samuelson 2006, ch. 2). The profile is subgame perfect iff for every player
    ``delta (r_i - s_i) >= d_i - r_i`` and ``delta (r_i - s_i) >= e_i - s_i``, where ``s_i`` is
    the stick payoff and ``d_i``, ``e_i`` the best deviation payoffs from ``cooperate`` and
    ``stick``.
    """
    p = stage.player_index(player)
    coop = _labels(stage, cooperate, "cooperate")
    stk = _labels(stage, stick, "stick")
    transitions = {
        ("cooperate", coop): "cooperate",
        ("cooperate", WILDCARD): "stick",
        ("stick", stk): "cooperate",
        ("stick", WILDCARD): "stick",
    }
    return Automaton(
        ["cooperate", "stick"],
        "cooperate",
        {"cooperate": coop[p], "stick": stk[p]},
        transitions,
        name="stick and carrot",
    ).bind(stage, p)


def tit_for_tat(
    stage: Game,
    player: int | str,
    cooperate: Sequence[int | str] = (0, 0),
    defect: Sequence[int | str] = (1, 1),
) -> Automaton:
    """Tit-for-tat in a two-player game: cooperate first, then copy the opponent's last move.

    States ``"cooperate"`` and ``"defect"``: the player plays ``cooperate[i]`` or ``defect[i]``
    and moves to ``"cooperate"`` iff the opponent just played ``cooperate[j]`` (any other action
    of the opponent counts as a defection). Defaults: the first action of each player cooperates
    and the second defects (the C/D order of the prisoner's dilemma). In the prisoner's dilemma
    with payoffs ``T > R > P > S`` tit-for-tat is a Nash equilibrium iff
    ``delta >= max((T-R)/(T-P), (T-R)/(R-S))`` and subgame perfect iff
    ``delta = (T-R)/(R-S) = (P-S)/(T-P)`` (Axelrod 1984; Mailath & Samuelson 2006, ch. 2).
    """
    if stage.n_players != 2:
        raise ValueError(
            f"tit-for-tat is defined for two-player games; this one has {stage.n_players}"
        )
    p = stage.player_index(player)
    q = 1 - p
    coop = _labels(stage, cooperate, "cooperate")
    dfct = _labels(stage, defect, "defect")
    transitions = {}
    for b in stage.actions[q]:
        pattern = [WILDCARD, WILDCARD]
        pattern[q] = b
        transitions[(WILDCARD, tuple(pattern))] = "cooperate" if b == coop[q] else "defect"
    return Automaton(
        ["cooperate", "defect"],
        "cooperate",
        {"cooperate": coop[p], "defect": dfct[p]},
        transitions,
        name="tit-for-tat",
    ).bind(stage, p)


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _discount(discount: Any, *, optional: bool = False) -> Fraction | float | None:
    """Validate ``0 < delta < 1``; Fraction for exact input, float for floats."""
    if discount is None:
        if optional:
            return None
        raise TypeError("a discount factor delta with 0 < delta < 1 is required")
    if isinstance(discount, bool | np.bool_):
        raise TypeError(f"the discount factor must be a number, got {discount!r}")
    if isinstance(discount, sympy.Basic):
        if discount.free_symbols:
            raise TypeError(
                f"the discount factor {discount} is symbolic; these checks need a number "
                "(critical discount factors are computed by gametheory.repeated)"
            )
        if discount.is_Rational:
            value: Fraction | float = Fraction(int(discount.p), int(discount.q))
        elif discount.is_Float:
            value = float(discount)
        else:
            raise ValueError(
                f"the discount factor {discount} is irrational; pass a Fraction or a float "
                "approximation"
            )
    elif isinstance(discount, Fraction | numbers.Integral):
        value = Fraction(discount)
    elif isinstance(discount, float | np.floating):
        value = float(discount)
        if not math.isfinite(value):
            raise ValueError(f"the discount factor must be finite, got {value}")
    else:
        raise TypeError(
            f"the discount factor must be an int, Fraction, float or sympy Rational, got "
            f"{type(discount).__name__}"
        )
    if not 0 < value < 1:
        raise ValueError(f"the discount factor must satisfy 0 < delta < 1, got {discount}")
    return value


def _numeric_payoffs(stage: Game, delta: Fraction | float | None, what: str) -> tuple:
    """Payoff arrays and the discount in one arithmetic: exact if both are, else float64."""
    stage._require_numeric(what)
    if stage.kind == "exact" and not isinstance(delta, float):
        return stage.as_fractions(), delta
    arrays = tuple(a.astype(object) for a in stage.as_float())  # entries are Python floats
    return arrays, None if delta is None else float(delta)


# --------------------------------------------------------------------------------------------
# The joint automaton
# --------------------------------------------------------------------------------------------


def _bind_all(stage: Game, automata: Sequence[Automaton]) -> tuple[Automaton, ...]:
    if not isinstance(stage, Game):
        raise TypeError(f"stage must be a Game, got {type(stage).__name__}")
    if isinstance(automata, Automaton) or not isinstance(automata, Sequence):
        raise TypeError("automata must be a sequence with one Automaton per player")
    if len(automata) != stage.n_players:
        raise ValueError(
            f"the stage game has {stage.n_players} players but {len(automata)} automata were "
            "given (one per player is needed)"
        )
    bound = []
    for i, a in enumerate(automata):
        if not isinstance(a, Automaton):
            raise TypeError(f"automata[{i}] is a {type(a).__name__}, not an Automaton")
        if a.is_bound and a.player != i:
            raise ValueError(
                f"automata[{i}] is bound to player {a.player} ({a.stage.players[a.player]}) but "
                f"is given for player {i}; pass it unbound or bind it to player {i}"
            )
        bound.append(a if a.is_bound and a.stage == stage else a.bind(stage, i))
    return tuple(bound)


class _Joint:
    """Joint automaton of bound automata: f(w), tau(w, a) and the reachable joint states."""

    def __init__(self, stage: Game, automata: Sequence[Automaton]) -> None:
        self.stage = stage
        self.automata = _bind_all(stage, automata)
        self.initial = tuple(a.initial for a in self.automata)
        self.profiles = [tuple(int(x) for x in a) for a in np.ndindex(stage.shape)]

    def f(self, w: tuple) -> tuple[int, ...]:
        return tuple(a._act[s] for a, s in zip(self.automata, w, strict=True))

    def tau(self, w: tuple, profile: tuple[int, ...]) -> tuple:
        return tuple(a._table[(s, profile)] for a, s in zip(self.automata, w, strict=True))

    def reachable(self) -> list[tuple]:
        """Joint states reachable from the initial one by any sequence of profiles (BFS order)."""
        order = [self.initial]
        seen = {self.initial}
        queue = deque(order)
        while queue:
            w = queue.popleft()
            for a in self.profiles:
                v = self.tau(w, a)
                if v not in seen:
                    seen.add(v)
                    order.append(v)
                    queue.append(v)
        return order


def _path_values(
    nodes: Iterable[Hashable],
    successor: Callable[[Hashable], Hashable],
    reward: Callable[[Hashable], tuple],
    delta: Any,
) -> dict[Hashable, tuple]:
    """Solve ``V(x) = r(x) + delta V(succ(x))`` for a deterministic successor map, exactly.

    Every path ends in a cycle ``c_0 .. c_{L-1}``; ``V(c_0) = sum_t delta^t r(c_t) / (1 -
    delta^L)``, and the other values follow backwards. Vectors are tuples (one entry per player).
    """
    values: dict[Hashable, tuple] = {}
    for start in nodes:
        if start in values:
            continue
        path: list = []
        position: dict = {}
        x = start
        while x not in values and x not in position:
            position[x] = len(path)
            path.append(x)
            x = successor(x)
        if x in position:  # closed a new cycle path[j:]
            j = position[x]
            cycle = path[j:]
            total = None
            weight = 1
            for c in cycle:
                r = reward(c)
                term = tuple(weight * v for v in r)
                total = (
                    term
                    if total is None
                    else tuple(s + t for s, t in zip(total, term, strict=True))
                )
                weight = weight * delta
            values[cycle[0]] = tuple(s / (1 - weight) for s in total)
            for c in reversed(cycle[1:]):
                nxt = values[successor(c)]
                values[c] = tuple(r + delta * v for r, v in zip(reward(c), nxt, strict=True))
            path = path[:j]
        for c in reversed(path):
            nxt = values[successor(c)]
            values[c] = tuple(r + delta * v for r, v in zip(reward(c), nxt, strict=True))
    return values


def _tolerance(arrays: Sequence[np.ndarray], delta: Any) -> Any:
    """0 in exact arithmetic; FLOAT_TOL * max(1, max|u|) / (1 - delta) in floats."""
    if isinstance(delta, Fraction):
        return Fraction(0)
    scale = max([1.0] + [float(np.max(np.abs(np.asarray(a, dtype=float)))) for a in arrays])
    return FLOAT_TOL * scale / (1.0 - delta)


class _Analysis:
    """Values of every reachable joint state, in the arithmetic of the inputs."""

    def __init__(self, stage: Game, automata: Sequence[Automaton], discount: Any, what: str):
        delta = _discount(discount)
        self.joint = _Joint(stage, automata)
        self.arrays, self.delta = _numeric_payoffs(stage, delta, what)
        self.tol = _tolerance(self.arrays, self.delta)
        self.states = self.joint.reachable()
        joint = self.joint
        self.values = _path_values(
            self.states,
            lambda w: joint.tau(w, joint.f(w)),
            lambda w: self.u(joint.f(w)),
            self.delta,
        )

    def u(self, profile: tuple[int, ...]) -> tuple:
        return tuple(a[profile] for a in self.arrays)


# --------------------------------------------------------------------------------------------
# Public analysis functions
# --------------------------------------------------------------------------------------------


class OneShotDeviation(NamedTuple):
    """A profitable one-shot deviation: in joint ``state``, ``player`` plays ``action``.

    ``gain = u_i(a_i, f_{-i}(w)) + delta V_i(tau(w, (a_i, f_{-i}(w)))) - V_i(w) > 0``
    (unnormalised discounted payoffs).
    """

    state: tuple
    player: int
    action: str
    gain: Fraction | float


def one_shot_deviations(
    stage: Game, automata: Sequence[Automaton], discount: Any
) -> list[OneShotDeviation]:
    """All profitable one-shot deviations at joint states reachable by any history.

    For every joint state ``w`` reachable from the initial one under arbitrary action profiles,
    every player ``i`` and every action ``a_i != f_i(w)`` the gain
    ``u_i(a_i, f_{-i}(w)) + delta V_i(tau(w, (a_i, f_{-i}(w)))) - V_i(w)`` is computed (exactly
    for exact input); the deviations with a positive gain (above the float tolerance, see the
    module notes) are returned in breadth-first order of the states. The list is empty iff the
    automata form a subgame-perfect equilibrium (one-shot deviation principle; Fudenberg &
    Tirole 1991, Theorem 4.2; Mailath & Samuelson 2006, Proposition 2.4.1).
    """
    an = _Analysis(stage, automata, discount, "one_shot_deviations()")
    joint, delta = an.joint, an.delta
    out = []
    for w in an.states:
        prescribed = joint.f(w)
        value = an.values[w]
        for i in range(stage.n_players):
            for a_i in range(stage.shape[i]):
                if a_i == prescribed[i]:
                    continue
                profile = (*prescribed[:i], a_i, *prescribed[i + 1 :])
                nxt = an.values[joint.tau(w, profile)]
                gain = an.arrays[i][profile] + delta * nxt[i] - value[i]
                if gain > an.tol:
                    out.append(OneShotDeviation(w, i, stage.actions[i][a_i], gain))
    return out


def is_subgame_perfect(stage: Game, automata: Sequence[Automaton], discount: Any) -> bool:
    """True iff the automata form a subgame-perfect equilibrium of the repeated game.

    Decided by the one-shot deviation principle on every joint state reachable by any history
    (see :func:`one_shot_deviations`): exact for an exact game and an exact ``discount``;
    with floats a deviation must gain more than ``FLOAT_TOL * max(1, max|u|) / (1 - delta)``.
    """
    return not one_shot_deviations(stage, automata, discount)


def discounted_value(
    stage: Game, automata: Sequence[Automaton], discount: Any, *, normalized: bool = False
) -> tuple:
    """Payoff vector ``V(w^0) = sum_t delta^t u(a^t)`` of the play the automata generate.

    With ``normalized=True`` returns the average discounted payoff ``(1 - delta) V(w^0)``.
    Exact (Fractions) for exact input.
    """
    an = _Analysis(stage, automata, discount, "discounted_value()")
    value = an.values[an.joint.initial]
    return tuple((1 - an.delta) * v for v in value) if normalized else value


def _best_response(an: _Analysis, player: int) -> Any:
    """Optimal value of ``player`` against the others' automata (policy iteration, exact)."""
    joint, delta, stage = an.joint, an.delta, an.joint.stage
    i = player
    others = [k for k in range(stage.n_players) if k != i]

    def profile_of(s: tuple, a_i: int) -> tuple[int, ...]:
        prof = [0] * stage.n_players
        prof[i] = a_i
        for k in others:
            prof[k] = joint.automata[k]._act[s[k]]
        return tuple(prof)

    def succ(s: tuple, a_i: int) -> tuple:
        prof = profile_of(s, a_i)
        return tuple(
            None if k == i else joint.automata[k]._table[(s[k], prof)]
            for k in range(stage.n_players)
        )

    start = tuple(None if k == i else w for k, w in enumerate(joint.initial))
    order, seen, queue = [start], {start}, deque([start])
    while queue:
        s = queue.popleft()
        for a_i in range(stage.shape[i]):
            t = succ(s, a_i)
            if t not in seen:
                seen.add(t)
                order.append(t)
                queue.append(t)
    policy = {s: joint.automata[i]._act[joint.initial[i]] for s in order}
    payoff = an.arrays[i]
    while True:
        values = _path_values(
            order,
            lambda s: succ(s, policy[s]),
            lambda s: (payoff[profile_of(s, policy[s])],),
            delta,
        )
        changed = False
        for s in order:
            best_q = values[s][0]
            for a_i in range(stage.shape[i]):
                if a_i == policy[s]:
                    continue
                q = payoff[profile_of(s, a_i)] + delta * values[succ(s, a_i)][0]
                if q > best_q + an.tol:
                    best_q, policy[s], changed = q, a_i, True
        if not changed:
            return values[start][0]


def best_response_value(
    stage: Game, automata: Sequence[Automaton], discount: Any, player: int | str
) -> Any:
    """The highest ``sum_t delta^t u_i`` player ``i`` can get against the others' automata.

    Solves the deterministic discounted Markov decision problem whose states are the
    opponents' joint automaton states, whose actions are ``i``'s actions and whose rewards are
    ``u_i(a_i, f_{-i}(s))``, by policy iteration (exact in Fractions for exact input; Howard
    1960). ``automata[i]`` does not matter (its first action only seeds the iteration).
    """
    an = _Analysis(stage, automata, discount, "best_response_value()")
    return _best_response(an, stage.player_index(player))


def is_nash(stage: Game, automata: Sequence[Automaton], discount: Any) -> bool:
    """True iff the automata form a Nash equilibrium of the repeated game.

    Player ``i`` has no profitable deviation iff ``V_i(w^0)`` equals the best-response value of
    :func:`best_response_value` (the latter is never smaller); checked for every player, exactly
    for exact input and with the module's float tolerance otherwise. Unlike
    :func:`is_subgame_perfect`, only histories consistent with the opponents' strategies matter.
    """
    an = _Analysis(stage, automata, discount, "is_nash()")
    value = an.values[an.joint.initial]
    return all(_best_response(an, i) <= value[i] + an.tol for i in range(stage.n_players))


# --------------------------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SimulationResult:
    """Play of a profile of automata over a finite number of periods.

    Attributes
    ----------
    path:
        The profile played in each period ``t = 0, ..., T-1``, as tuples of action names.
    states:
        The joint state at the start of each period.
    payoffs:
        The stage payoff vector of each period.
    discounted:
        ``sum_{t<T} delta^t u_i(a^t)`` per player, or None when no discount was given.
    average:
        ``(1 - delta) * discounted`` (the normalisation of an infinite stream), or None.
    discount:
        The discount factor used (or None).
    """

    path: tuple[tuple[str, ...], ...]
    states: tuple[tuple, ...]
    payoffs: tuple[tuple, ...]
    discounted: tuple | None
    average: tuple | None
    discount: Any

    def to_frame(self) -> Any:
        """A pandas DataFrame with one row per period: actions, states and payoffs."""
        import pandas as pd

        n = len(self.path[0]) if self.path else 0
        rows = []
        for t, (prof, w, u) in enumerate(zip(self.path, self.states, self.payoffs, strict=True)):
            row: dict[str, Any] = {"period": t}
            for k in range(n):
                row[f"action {k}"] = prof[k]
            for k in range(n):
                row[f"state {k}"] = w[k]
            for k in range(n):
                row[f"payoff {k}"] = u[k]
            rows.append(row)
        return pd.DataFrame(rows)


def simulate(
    stage: Game,
    automata: Sequence[Automaton],
    periods: int,
    discount: Any = None,
    deviations: Mapping[int, Sequence[int | str | None]] | None = None,
) -> SimulationResult:
    """Play the automata for ``periods`` periods from their initial states.

    ``deviations`` maps a period ``t`` to a profile that overrides the automata's actions in that
    period (action names or indices; ``None`` entries keep the prescribed action of that player).
    The automata observe the profile actually played. Payoffs are exact Fractions for exact games
    (floats for float games, sympy expressions for symbolic ones); with a ``discount``,
    ``discounted = sum_{t<T} delta^t u(a^t)`` and ``average = (1 - delta) discounted``.
    """
    if isinstance(periods, bool) or not isinstance(periods, numbers.Integral) or periods < 1:
        raise ValueError(f"periods must be a positive integer, got {periods!r}")
    delta = _discount(discount, optional=True)
    joint = _Joint(stage, automata)
    if stage.kind == "symbolic":
        arrays = stage.payoff_arrays
        if isinstance(delta, Fraction):
            delta = sympy.Rational(delta.numerator, delta.denominator)
    else:
        arrays, delta = _numeric_payoffs(stage, delta, "simulate()")
    forced: dict[int, tuple] = {}
    for t, profile in (deviations or {}).items():
        if isinstance(t, bool) or not isinstance(t, numbers.Integral) or not 0 <= t < periods:
            raise ValueError(f"deviation period {t!r} is not a period 0..{periods - 1}")
        if isinstance(profile, str) or not isinstance(profile, Sequence):
            raise TypeError(f"the deviation in period {t} must be a profile, got {profile!r}")
        if len(profile) != stage.n_players:
            raise ValueError(
                f"the deviation in period {t} has {len(profile)} actions but the game has "
                f"{stage.n_players} players"
            )
        forced[int(t)] = tuple(
            None if a is None else stage.action_index(k, a) for k, a in enumerate(profile)
        )
    w = joint.initial
    path, states, payoffs = [], [], []
    for t in range(periods):
        prof = joint.f(w)
        if t in forced:
            prof = tuple(p if o is None else o for p, o in zip(prof, forced[t], strict=True))
        states.append(w)
        path.append(tuple(stage.actions[k][a] for k, a in enumerate(prof)))
        payoffs.append(tuple(arr[prof] for arr in arrays))
        w = joint.tau(w, prof)
    discounted = average = None
    if delta is not None:
        totals = []
        for k in range(stage.n_players):
            total, weight = 0, 1
            for u in payoffs:
                total = total + weight * u[k]
                weight = weight * delta
            totals.append(total)
        discounted = tuple(totals)
        average = tuple((1 - delta) * v for v in totals)
    return SimulationResult(tuple(path), tuple(states), tuple(payoffs), discounted, average, delta)
