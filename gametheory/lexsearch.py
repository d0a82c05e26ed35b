"""All vertices of a polytope ``{z >= 0 : M z <= 1}`` by exact pivoting over lexicographic bases.

The polytope of a positive integer ``k x d`` matrix ``M`` is bounded and contains the origin.
Its vertices are found by a breadth-first search of the graph of the *lexicographically
perturbed* polytope ``{z >= 0 : M z <= 1 + (eps, eps^2, ..., eps^k)}`` for a small ``eps > 0``
(Dantzig, Orden & Wolfe 1955; the perturbation lrs uses, Avis 2000, and lrsnash, Avis,
Rosenberg, Savani & von Stengel 2010, *Economic Theory* 42: 9-37). The perturbed polytope is
simple, so every lexicographically feasible basis has exactly ``d`` neighbours, one per
nonbasic variable, found by the lexicographic ratio test; its graph is connected, so the search
from the slack basis (the origin) visits every one of its vertices, and every vertex of the
original polytope is the limit ``eps -> 0`` of at least one of them. The work therefore follows
the vertices that exist, not the ``C(k + d, d)`` candidate bases.

Exact arithmetic. The dictionary of a basis is kept fraction-free, as integers over the common
denominator ``D`` (the absolute value of the basis determinant); a pivot on ``p`` replaces every
other entry ``t`` by ``(p t - a b) / D``, an exact division (Edmonds 1967; Bareiss 1968). Every
entry, ``D`` included, is a minor of ``[1 | M]`` and so bounded by Hadamard's bound ``H``.
The integers are held as residues modulo ``K`` primes below ``2**30`` whose product exceeds
``2 H`` (multi-modular arithmetic, Knuth, *TAOCP* 2, §4.3.2), in numpy ``int64`` arrays: a
pivot is then a few vectorised multiplications modulo each prime, the division by ``D`` a
multiplication by its modular inverse, and no product overflows. The signed integer is
recovered from its residues as *balanced mixed-radix digits* (Garner 1959): its sign is the
sign of the most significant nonzero digit, exactly, and its float value the sum of the digits
times the radix weights, correct to a relative ``K * 2**-52``. A basis whose ``D`` is divisible
by one of the primes (probability about ``2**-30`` per prime) is pivoted in Python integers
instead.

The perturbation is ``1 + eps w + eps^2 e_1 + ... + eps^(k+1) e_k`` with fixed positive integer
weights ``w``: ties in the right-hand side are broken first by one weighted column, which
separates almost all of them in a single vectorised step, then lexicographically (see
:meth:`Search._ratio_test`). The ratio test is run for every column of a whole batch of bases at
once, in these floats, which only *propose*: a row whose float ratio exceeds the least by a
relative ``1e-12``, far beyond the floats' error, is certainly not the least; when several rows
are within it, their perturbed ratios are compared exactly, pairwise, by the signs of ``2 x 2``
minors divided by ``D`` (integers bounded by ``H``, so their residues decide them). Memory holds
the queue of bases still to expand (their dictionaries, in batches), the set of visited bases
(one integer bit mask each) and one record per vertex: it grows with the number of lexicographic
bases.

:class:`Search` is resumable: :meth:`Search.advance` expands a given number of bases, so two
searches can be interleaved (as :mod:`gametheory.vertex` does, to finish with the polytope that
has fewer bases) and a deadline or a cap on the number of bases stops the work with
``complete=False``; :func:`search` runs one to the end.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np

__all__ = ["CHECK_EVERY", "Search", "SearchResult", "hadamard_bound", "search"]

#: Bases expanded between two looks at the clock and the basis cap.
CHECK_EVERY = 2048
#: Relative width within which float ratios are re-compared exactly.
RATIO_TOL = 1e-12
#: Floats below this magnitude (possible only when ``H > 2**1000``) are not trusted to propose.
FLOAT_FLOOR = 2.0**-900
#: Bytes of the new bases' int64 dictionaries made in one numpy pass (bounds the temporaries).
PASS_BYTES = 16 * 2**20
#: Dictionaries whose entries are all below this bound are pivoted as plain int64 integers.
DIRECT_BOUND = 2**29
#: Integers below this bound have float ratios ordered exactly (see Search._ratio_test).
EXACT_FLOAT_BOUND = 2**17
#: The perturbation's weights lie in [1, WEIGHT_BOUND) (so weighted sums of entries below
#: 2**17 stay below 2**43 and their products with entries below 2**60).
WEIGHT_BOUND = 2**16
WEIGHT_SEED = 20261208
#: Tie groups compared exactly per numpy pass (bounds the memory of the pairwise comparison).
TIE_CHUNK = 2048


class _Pass(NamedTuple):
    """One batch of dictionaries as a numpy pass sees it: residues (or, ``direct``, the int64
    integers), D, D's inverses, their floats and exact signs, the bases and cobases, and whether
    the floats decide ratios exactly (``exact``, see :meth:`Search._ratio_test`)."""

    res: np.ndarray
    dres: np.ndarray
    dinv: np.ndarray | None
    values: np.ndarray
    dvalues: np.ndarray
    signs: np.ndarray
    bases: np.ndarray
    cobases: np.ndarray
    exact: bool
    direct: bool


class _Pending(NamedTuple):
    """A vertex recorded by its digits: row ``index`` of block ``block`` (see Search.point)."""

    block: int
    index: int


@dataclass(frozen=True)
class SearchResult:
    """The vertices found by a :class:`Search`.

    ``vertices`` maps the bit mask of a vertex's *tight constraints* (variable ``t`` for
    ``z_t = 0``, ``d + r`` for row ``r`` of ``M z <= 1`` at equality) to the vertex
    ``(numerators, denominator)``, ``z = numerators / denominator`` in lowest terms, the origin
    included. ``bases`` counts the lexicographic bases visited; ``complete`` is False when the
    deadline or the basis cap stopped the search (``stopped`` says which).
    """

    vertices: dict[int, tuple[tuple[int, ...], int]]
    bases: int
    complete: bool
    stopped: str | None = None


# -- multi-modular arithmetic -------------------------------------------------------------


def _is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin for ``n < 3_215_031_751`` (bases 2, 3, 5, 7)."""
    if n < 2:
        return False
    for p in (2, 3, 5, 7):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in (2, 3, 5, 7):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@cache
def _primes(count: int) -> tuple[int, ...]:
    """The ``count`` largest primes below ``2**30`` (products of two residues, and the sums
    of two such products, stay inside ``int64``)."""
    found: list[int] = []
    n = 2**30 - 1
    while len(found) < count:
        if _is_prime(n):
            found.append(n)
        n -= 2
    return tuple(found)


def hadamard_bound(M: Sequence[Sequence[int]]) -> int:
    """An integer bound on the absolute value of every minor of ``[1 | M]``.

    Hadamard's inequality: a minor is at most the product of the Euclidean norms of its
    columns (or of its rows); every such norm is at most that of the full column (row), and
    at least 1 for a nonzero integer column. Returns the smaller of the two products, each
    norm rounded up to an integer.
    """
    rows = [[1, *(int(v) for v in row)] for row in M]

    def norms(vectors: list[list[int]]) -> int:
        product = 1
        for vector in vectors:
            square = sum(v * v for v in vector)
            root = math.isqrt(square)
            product *= max(1, root if root * root == square else root + 1)
        return product

    return min(norms(rows), norms([list(c) for c in zip(*rows, strict=True)]))


class _Moduli:
    """``K`` primes whose product exceeds ``2 H + 1``, with Garner's constants."""

    def __init__(self, bound: int, primes: Sequence[int] | None = None) -> None:
        count = 1
        pool = tuple(primes) if primes is not None else _primes(8)
        while True:
            if count > len(pool):
                pool = tuple(primes) if primes is not None else _primes(2 * len(pool))
                if count > len(pool):
                    raise ValueError("not enough primes for this bound")
            if math.prod(pool[:count]) > 2 * bound + 1:
                break
            count += 1
        chosen = pool[:count]
        self.primes = chosen
        self.count = count
        self.q = np.array(chosen, dtype=np.int64)
        self.half = [(p - 1) // 2 for p in chosen]
        #: inv[j][i] = p_j^{-1} mod p_i (j < i)
        self.inv = [
            [pow(chosen[j], -1, chosen[i]) if j < i else 0 for i in range(count)]
            for j in range(count)
        ]
        weights = [1]
        for p in chosen[:-1]:
            weights.append(weights[-1] * p)
        self.weights = weights
        # float weights, scaled by 2**-scale so that H stays far inside the float range
        self.scale = max(0, bound.bit_length() - 1000)
        self.float_weights = [_scaled_float(w, self.scale) for w in weights]

    def residues(self, values: np.ndarray) -> np.ndarray:
        """Residues of an object array of Python integers: shape ``(K, *values.shape)``."""
        out = np.empty((self.count, *values.shape), dtype=np.int64)
        flat = values.ravel().tolist()
        for ch, p in enumerate(self.primes):
            out[ch] = np.array([v % p for v in flat], dtype=np.int64).reshape(values.shape)
        return out

    def digits(self, res: np.ndarray) -> list[np.ndarray]:
        """Balanced mixed-radix digits (Garner) of residues ``res`` (first axis: channels)."""
        digits: list[np.ndarray] = []
        for i, p in enumerate(self.primes):
            t = res[i]
            for j in range(i):
                t = (t - digits[j] + p) * self.inv[j][i] % p
            digits.append(np.where(t > self.half[i], t - p, t))
        return digits

    def sign(self, digits: list[np.ndarray]) -> np.ndarray:
        """The exact sign: that of the most significant nonzero digit."""
        s = np.sign(digits[0])
        for digit in digits[1:]:
            s = np.where(digit != 0, np.sign(digit), s)
        return s

    def floats(self, digits: list[np.ndarray]) -> np.ndarray:
        """The values as floats (times ``2**-scale``), correct to a relative ``K * 2**-52``."""
        value = digits[-1] * self.float_weights[-1]
        for digit, weight in zip(digits[-2::-1], self.float_weights[-2::-1], strict=True):
            value = value + digit * weight
        return value

    def integer(self, digits: Sequence[int]) -> int:
        """The Python integer with these balanced digits."""
        return sum(int(a) * w for a, w in zip(digits, self.weights, strict=True))

    def inverse(self, res: np.ndarray) -> np.ndarray:
        """Modular inverses of nonzero residues (first axis: channels), by Fermat."""
        out = np.empty_like(res)
        for ch, p in enumerate(self.primes):
            base = res[ch] % p
            result = np.ones_like(base)
            e = p - 2
            while e:
                if e & 1:
                    result = result * base % p
                base = base * base % p
                e >>= 1
            out[ch] = result
        return out


# -- the search ---------------------------------------------------------------------------


class Search:
    """Breadth-first search over the lexicographic bases of ``{z >= 0 : M z <= 1}``.

    ``M`` is a ``k x d`` matrix of positive integers. Variables ``0 .. d-1`` are ``z``, variables
    ``d .. d+k-1`` the slacks of the rows. The dictionary row ``r`` of a basis reads
    ``D * basic_r = T[r, 0] - sum_c T[r, 1 + c] * nonbasic_c``.

    Bases waiting to be expanded are kept in batches: plain ``int64`` dictionaries while every
    entry is below ``direct_bound`` (at most :data:`DIRECT_BOUND`), residue dictionaries
    ``(K, N, k, d + 1)`` beyond, so the ratio tests, vertex records and pivots of a whole batch
    are a few numpy operations (per prime). ``primes`` and ``direct_bound`` override the moduli
    and the bound, so that tests reach every exact path.
    """

    def __init__(
        self,
        M: Sequence[Sequence[int]],
        *,
        primes: Sequence[int] | None = None,
        direct_bound: int = 2**29,
    ) -> None:
        self.k, self.d = len(M), len(M[0])
        k, d = self.k, self.d
        if min(int(v) for row in M for v in row) <= 0:
            raise ValueError("lexsearch needs a matrix of positive integers")
        #: weights of the perturbation's first-order term (see _ratio_test), fixed per size
        self.weights = np.random.default_rng(WEIGHT_SEED + k).integers(1, WEIGHT_BOUND, size=k)
        self.weight_list = [int(w) for w in self.weights]
        # minors of the weighted column are sums of k weighted minors: widen the moduli
        bound = hadamard_bound(M)
        self.moduli = _Moduli(bound * (1 + sum(self.weight_list)), primes)
        if not 0 <= direct_bound <= DIRECT_BOUND:
            raise ValueError(f"direct_bound must lie in [0, {DIRECT_BOUND}]")
        self.direct_bound = direct_bound
        table = np.array([[1, *(int(v) for v in row)] for row in M], dtype=object)
        basis = [d + r for r in range(k)]
        cobasis = list(range(d))
        mask = sum(1 << v for v in basis)
        self.all_vars = (1 << (d + k)) - 1
        self.small_masks = d + k <= 62  # masks fit in int64
        self.visited = {mask}
        #: tight-constraint mask -> vertex: ``(numerators, denominator)``, or where its digits
        #: are kept (:meth:`point` rebuilds the integers on demand)
        self.vertices: dict[int, tuple[tuple[int, ...], int] | _Pending] = {}
        self._blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray, bool]] = []
        #: batches, dictionaries stored as int32 (residues are below 2**30, plain entries
        #: below 2**29): (residues K x N x k x (d+1), D residues K x N, D inverses K x N,
        #: bases N x k, cobases N x d, masks, False), or (integers 1 x N x k x (d+1),
        #: D 1 x N, None, bases, cobases, masks, True) when every entry is below DIRECT_BOUND
        self.batches: deque[tuple] = deque()
        #: bytes held by the queued dictionaries (the search's memory, beside ``visited``)
        self.queued_bytes = 0
        #: bases queued in batches (the breadth-first frontier)
        self.queued = 0
        #: single bases with Python-integer dictionaries: (table, D, basis, cobasis, mask)
        self.singles: deque[tuple[np.ndarray, int, list[int], list[int], int]] = deque()
        self._queue_exact(table, 1, basis, cobasis, mask)
        self.done = False

    # -- driving ------------------------------------------------------------------------

    def advance(self, nodes: int) -> bool:
        """Expand about ``nodes`` bases (at least one); return True when the search has finished.

        Breadth first: expanding a basis pivots once to each neighbour not seen before and
        queues it with its dictionary, so every basis costs one pivot and no backtracking.
        """
        left = max(1, nodes)
        while left > 0:
            if self.batches:
                batch = self._pop()
                # parents per numpy pass: their new neighbours' dictionaries (at most d each)
                # stay within PASS_BYTES
                per_child = 8 * batch[0].shape[0] * self.k * (self.d + 1)
                chunk = max(1, PASS_BYTES // (per_child * self.d))
                take = min(left, chunk)
                # small batches of the same kind are merged, so that a pass is never tiny
                while len(batch[5]) < take and self.batches and self.batches[0][6] == batch[6]:
                    batch = _merge_batches(batch, self._pop())
                size = len(batch[5])
                if size > take:
                    rest = _slice_batch(batch, slice(take, None))
                    self.batches.appendleft(rest)
                    self.queued_bytes += rest[0].nbytes
                    self.queued += len(rest[5])
                    batch = _slice_batch(batch, slice(None, take))
                    size = take
                res, dres, dinv, bases, cobases, masks, direct = batch
                self._expand_batch(res.astype(np.int64), dres, dinv, bases, cobases, masks, direct)
                left -= size
            elif self.singles:
                self._expand_single(*self.singles.popleft())
                left -= 1
            else:
                break
        self.done = not self.batches and not self.singles
        return self.done

    def _pop(self) -> tuple:
        batch = self.batches.popleft()
        self.queued_bytes -= batch[0].nbytes
        self.queued -= len(batch[5])
        return batch

    def _queue(self, batch: tuple) -> None:
        self.batches.append(batch)
        self.queued_bytes += batch[0].nbytes
        self.queued += len(batch[5])

    def result(self, stopped: str | None = None) -> SearchResult:
        """What has been found so far (every vertex rebuilt as integers)."""
        vertices = {key: self.point(key) for key in self.vertices}
        return SearchResult(vertices, len(self.visited), self.done, stopped)

    # -- a batch of residue bases -------------------------------------------------------

    def _expand_batch(
        self,
        res: np.ndarray,
        dres: np.ndarray,
        dinv: np.ndarray,
        bases: np.ndarray,
        cobases: np.ndarray,
        masks: list[int],
        direct: bool,
    ) -> None:
        mod, d = self.moduli, self.d
        n = len(masks)
        if direct:  # the integers themselves
            digits, den_digits = [res[0]], [dres[0]]
            signs = np.sign(res[0])
            values, dvalues = res[0].astype(float), dres[0].astype(float)
        else:
            digits, den_digits = mod.digits(res), mod.digits(dres)
            signs = mod.sign(digits)
            values, dvalues = mod.floats(digits), mod.floats(den_digits)
        self._record_batch(digits, signs, den_digits, bases, masks, direct)
        # small integers: float ratios are then ordered exactly as the rationals (see
        # _ratio_test), so ties are decided by float equality
        exact = (direct or mod.scale == 0) and max(
            float(np.abs(values).max()), float(dvalues.max())
        ) < EXACT_FLOAT_BOUND - 1
        # the weighted column's int64 bounds need fewer than 1024 rows and columns
        exact = exact and max(self.k, self.d) < 1024
        leaving = self._ratio_test(
            _Pass(res, dres, dinv, values, dvalues, signs, bases, cobases, exact, direct)
        )
        # the neighbours' masks; keep those not seen before
        ar = np.arange(n)[:, None]
        leaving_var = bases[ar, leaving]  # n x d
        if self.small_masks:
            one = np.int64(1)
            new_masks = (
                np.array(masks, dtype=np.int64)[:, None] ^ (one << cobases) ^ (one << leaving_var)
            ).tolist()
        else:
            ent, lev = cobases.tolist(), leaving_var.tolist()
            new_masks = [
                [masks[i] ^ (1 << ent[i][c]) ^ (1 << lev[i][c]) for c in range(d)] for i in range(n)
            ]
        visited = self.visited
        pick_i: list[int] = []
        pick_c: list[int] = []
        fresh: list[int] = []
        for i, row in enumerate(new_masks):
            for c, new_mask in enumerate(row):
                if new_mask not in visited:
                    visited.add(new_mask)
                    pick_i.append(i)
                    pick_c.append(c)
                    fresh.append(new_mask)
        if not fresh:
            return
        ii = np.array(pick_i, dtype=np.intp)
        cc = np.array(pick_c, dtype=np.intp)
        rr = leaving[ii, cc]
        if direct:
            self._pivot_direct(res[0], dres[0], bases, cobases, ii, cc, rr, fresh)
        else:
            self._pivot_batch(res, dres, dinv, bases, cobases, ii, cc, rr, fresh)

    def _pivot_direct(self, table, den, bases, cobases, ii, cc, rr, fresh) -> None:
        """Pivots of a batch of exact int64 dictionaries (entries below ``DIRECT_BOUND``, so
        the products stay below ``2**58`` and ``(p t - a b) / D`` divides exactly)."""
        s = np.arange(len(ii))
        t = table[ii]
        piv = t[s, rr, 1 + cc]
        col = t[s, :, 1 + cc]
        row = t[s, rr, :]
        new = (piv[:, None, None] * t - col[:, :, None] * row[:, None, :]) // den[ii][:, None, None]
        new[s, :, 1 + cc] = -col
        row[s, 1 + cc] = den[ii]
        new[s, rr, :] = row
        new_bases, new_cobases = _exchange(bases[ii], cobases[ii], s, rr, cc)
        big = np.abs(new).reshape(len(s), -1).max(axis=1) >= self.direct_bound
        small = np.flatnonzero(~big)
        if len(small):
            self._queue(
                (
                    new[small][None].astype(np.int32),
                    piv[small][None],
                    None,
                    new_bases[small],
                    new_cobases[small],
                    [fresh[j] for j in small.tolist()],
                    True,
                )
            )
        large = np.flatnonzero(big)
        if len(large):  # entries grew: continue with residues
            mod = self.moduli
            q = mod.q[:, None, None, None]
            res = new[large][None] % q
            pivots = piv[large][None] % mod.q[:, None]
            self._queue_residues(
                res, pivots, new_bases[large], new_cobases[large], [fresh[j] for j in large]
            )

    def _pivot_batch(self, res, dres, dinv, bases, cobases, ii, cc, rr, fresh) -> None:
        """Pivots of a batch of residue dictionaries, modulo each prime."""
        mod = self.moduli
        s = np.arange(len(ii))
        new = np.empty((mod.count, len(ii), self.k, self.d + 1), dtype=np.int64)
        pivots = np.empty((mod.count, len(ii)), dtype=np.int64)
        for ch, p in enumerate(mod.primes):
            t = res[ch][ii]
            piv = t[s, rr, 1 + cc]
            col = t[s, :, 1 + cc]  # s x k
            row = t[s, rr, :]  # s x (d+1)
            # (p t - a b) / D as (p / D) t - (a / D) b: one reduction per entry
            inv = dinv[ch][ii]
            scaled_piv = piv * inv % p
            scaled_col = col * inv[:, None] % p
            block = (scaled_piv[:, None, None] * t - scaled_col[:, :, None] * row[:, None, :]) % p
            block[s, :, 1 + cc] = (p - col) % p
            row[s, 1 + cc] = dres[ch][ii]
            block[s, rr, :] = row
            new[ch] = block
            pivots[ch] = piv
        new_bases, new_cobases = _exchange(bases[ii], cobases[ii], s, rr, cc)
        self._queue_residues(new, pivots, new_bases, new_cobases, fresh)

    def _queue_residues(self, new, pivots, new_bases, new_cobases, fresh) -> None:
        """Queue residue dictionaries; a D divisible by a prime sends its basis to Python
        integers."""
        mod = self.moduli
        singular = (pivots == 0).any(axis=0)
        if singular.any():
            # the new D is divisible by one of the primes: continue in Python integers
            for j in np.flatnonzero(singular).tolist():
                table, den = self._exact_table(new[:, j], pivots[:, j])
                self.singles.append(
                    (table, den, new_bases[j].tolist(), new_cobases[j].tolist(), fresh[j])
                )
            keep = np.flatnonzero(~singular)
            if not len(keep):
                return
            new, pivots = new[:, keep], pivots[:, keep]
            new_bases, new_cobases = new_bases[keep], new_cobases[keep]
            fresh = [fresh[j] for j in keep.tolist()]
        self._queue(
            (
                new.astype(np.int32),
                pivots,
                mod.inverse(pivots),
                new_bases,
                new_cobases,
                fresh,
                False,
            )
        )

    def _ratio_test(self, batch: _Pass) -> np.ndarray:
        """The leaving row of every column of every basis of a batch (``n x d``).

        The perturbation is ``1 + eps w + eps**2 e_1 + ... + eps**(k+1) e_k``: a first-order
        term with fixed positive integer weights ``w`` (below :data:`WEIGHT_BOUND`), then the
        classical lexicographic terms. Rows tied in the right-hand side are first compared by
        the weighted column ``W = sum_j w_j E[:, 1 + j]``, which separates almost every tie in
        one vectorised step; the unit terms after it keep the perturbed polytope simple, so the
        rule is still exact and complete (any positive perturbation whose last terms are the
        lexicographic ones does; Dantzig, Orden & Wolfe 1955).

        ``exact``: every entry is an integer of absolute value below ``B = 2**17``. Two ratios
        ``x / a != y / b`` of such integers then differ by at least ``1 / (a b) > B**-2``, while
        each float quotient errs by at most ``2**-53 B``: the floats are ordered as the
        rationals, equal ones included, and float comparisons decide exactly; the weighted
        column is compared by int64 cross-products (below ``2**60``).
        """
        values, signs, exact = batch.values, batch.signs, batch.exact
        positive = signs[:, :, 1:] > 0
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ratios = np.where(positive, values[:, :, :1] / values[:, :, 1:], np.inf)
        ratios = np.where(positive & (signs[:, :, :1] == 0), 0.0, ratios)
        least = ratios.min(axis=1, keepdims=True)
        near = positive & ~(ratios > least * (1.0 + (0.0 if exact else RATIO_TOL)))
        leaving = np.argmax(near, axis=1)  # n x d
        untrusted = (signs != 0) & (np.abs(values) < FLOAT_FLOOR)
        if untrusted.any():
            doubtful = (untrusted[:, :, :1] | untrusted[:, :, 1:]) & positive
            near = np.where(doubtful.any(axis=1, keepdims=True), positive, near)
        tied = near.sum(axis=1) > 1
        weighted = None
        if exact and tied.any():
            # second key, the weighted column: decided here for most tie groups at once
            weighted = self._weighted_small(batch)
            best, decided = self._least_weighted(values, weighted, near)
            leaving = np.where(tied & decided, best, leaving)
            tied &= ~decided
        groups = np.argwhere(tied)
        for start in range(0, len(groups), TIE_CHUNK):
            chunk = groups[start : start + TIE_CHUNK]
            gi, gc = chunk[:, 0], chunk[:, 1]
            leaving[gi, gc] = self._lex_groups(batch, near, gi, gc, weighted)
        return leaving

    def _slack_weights(self, bases, cobases) -> tuple[np.ndarray, np.ndarray]:
        """Weight of the slack in each cobasis column and each basis row (0 for ``z``)."""
        d, w = self.d, self.weights
        wcol = np.where(cobases >= d, w[np.maximum(cobases - d, 0)], 0)
        wrow = np.where(bases >= d, w[np.maximum(bases - d, 0)], 0)
        return wcol, wrow

    def _weighted_small(self, batch: _Pass) -> np.ndarray:
        """The weighted column ``W[r] = sum_j w_j E[r, 1 + j]`` of every basis, as exact int64
        (entries below ``2**17``, weights below ``2**16``)."""
        wcol, wrow = self._slack_weights(batch.bases, batch.cobases)
        table = np.rint(batch.values[:, :, 1:]).astype(np.int64)
        den = np.rint(batch.dvalues).astype(np.int64)
        return np.einsum("nkc,nc->nk", table, wcol) + den[:, None] * wrow

    @staticmethod
    def _least_weighted(values, weighted, near) -> tuple[np.ndarray, np.ndarray]:
        """Among the tied rows of each column, the row with the least ``W[r] / T[r, c]`` and
        whether it is strictly least (exactly: int64 cross-products below ``2**60``)."""
        alpha = np.rint(values[:, :, 1:]).astype(np.int64)  # n x k x d
        with np.errstate(divide="ignore", invalid="ignore"):
            q = np.where(near, weighted[:, :, None] / alpha, np.inf)
        best = np.argmin(q, axis=1)  # n x d
        n_idx = np.arange(len(values))[:, None]
        c_idx = np.arange(alpha.shape[2])[None, :]
        w_best = weighted[n_idx, best]  # n x d
        a_best = alpha[n_idx, best, c_idx]  # n x d
        diff = weighted[:, :, None] * a_best[:, None, :] - w_best[:, None, :] * alpha
        own = np.arange(alpha.shape[1])[None, :, None] == best[:, None, :]
        decided = np.all((diff > 0) | ~near | own, axis=1)
        return best, decided

    def _lex_groups(self, batch: _Pass, near, gi, gc, weighted=None) -> np.ndarray:
        """Exact lexicographic ratio test for tie groups (basis ``gi``, column ``gc``).

        The perturbed right-hand side of row ``r`` is ``E[r, 0] = T[r, 0]``, then the weighted
        column ``W[r] = sum_j w_j E[r, 1 + j]``, then, for the slack of each row ``j`` in turn,
        ``E[r, 1 + j] = T[r, 1 + c_j]`` when that slack is nonbasic in column ``c_j``, or ``D`` in
        its own row and 0 in the others when it is basic: the right-hand side
        ``1 + eps w + eps**2 e_1 + eps**3 e_2 + ...`` (see :meth:`_ratio_test`). Column by
        column, the candidates whose float ratio ``E[r, j] / T[r, c]`` is within a relative
        ``RATIO_TOL`` of the least are kept; when several are, they are compared exactly by
        the signs of the minors ``(E[a, j] T[b, c] - E[b, j] T[a, c]) / D`` (integers, so their
        residues decide them) and only the exact minima stay. The perturbed polytope is simple,
        so one row remains.
        """
        k, d = self.k, self.d
        values, bases, cobases = batch.values, batch.bases, batch.cobases
        g = len(gi)
        cand_mask = near[gi, :, gc]  # g x k
        width = int(cand_mask.sum(axis=1).max())
        cand = np.argsort(~cand_mask, axis=1, kind="stable")[:, :width]
        remaining = np.take_along_axis(cand_mask, cand, axis=1)  # g x width
        ar = np.arange(g)[:, None]
        # where each slack sits: column of the cobasis, or row of the basis
        col_of = np.full((g, d + k), -1, dtype=np.intp)
        row_of = np.full((g, d + k), -1, dtype=np.intp)
        col_of[ar, cobases[gi]] = np.arange(d)[None, :]
        row_of[ar, bases[gi]] = np.arange(k)[None, :]
        table_col = np.concatenate([np.zeros((g, 1), dtype=np.intp), 1 + col_of[:, d:]], axis=1)
        own_row = np.concatenate([np.full((g, 1), -1, dtype=np.intp), row_of[:, d:]], axis=1)
        rows = values[gi[:, None], cand]  # g x width x (d+1)
        alpha = np.take_along_axis(rows, (1 + gc)[:, None, None].repeat(width, axis=1), axis=2)
        alpha = alpha[:, :, 0]
        den = batch.dvalues[gi]  # D as floats
        wcol, wrow = self._slack_weights(bases[gi], cobases[gi])
        if batch.exact:
            count = remaining.sum(axis=1)
            if weighted is None:
                weighted = self._weighted_small(batch)
            w_cand = np.take_along_axis(weighted[gi], cand, axis=1)
            return self._lex_small(values, den, gi, gc, cand, count, table_col, own_row, w_cand)
        for j in (0, -1, *range(1, k + 1)):  # -1: the weighted column
            active = np.flatnonzero(remaining.sum(axis=1) > 1)
            if not len(active):
                break
            if j == -1:
                w_rows = np.take_along_axis(wrow, cand, axis=1)
                column = np.einsum("gwc,gc->gw", rows[active][:, :, 1:], wcol[active].astype(float))
                column = column + w_rows[active] * den[active][:, None]
            else:
                column = self._column(rows, den, table_col, own_row, cand, active, j)
            rem = remaining[active]
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(rem, column / alpha[active], np.inf)
            least = ratio.min(axis=1, keepdims=True)
            close = rem & (ratio <= least + RATIO_TOL * np.abs(least))
            # a float below the floor is not trusted, zeros included when the floats are scaled
            # (then a nonzero integer may have underflowed to 0.0)
            tiny = np.abs(column) < FLOAT_FLOOR
            if self.moduli.scale == 0:
                tiny &= column != 0
            doubtful = rem & (tiny | (np.abs(alpha[active]) < FLOAT_FLOOR))
            close |= np.where(doubtful.any(axis=1, keepdims=True), rem, False)
            multi = np.flatnonzero(close.sum(axis=1) > 1)
            if len(multi):
                groups = active[multi]
                sign = self._minor_signs(
                    batch, gi, gc, cand, table_col, own_row, groups, j, (wcol, wrow)
                )
                sub = close[multi]
                pair = sub[:, None, :]
                minimal = sub & np.all((sign <= 0) | ~pair, axis=2)
                close[multi] = minimal
            remaining[active] = close
        return np.take_along_axis(cand, np.argmax(remaining, axis=1)[:, None], axis=1)[:, 0]

    def _lex_small(
        self, values, den, gi, gc, cand, count, table_col, own_row, w_cand
    ) -> np.ndarray:
        """The exact lexicographic ratio test when every entry is an integer below ``2**17``.

        The candidates meet in a tournament: the current least ``b`` against the next ``a``,
        ``a`` winning when the first nonzero ``E[a, j] T[b, c] - E[b, j] T[a, c]`` is negative,
        over the columns rhs, weighted, slacks. In int64 the products stay below ``2**60``.
        """
        k, d = self.k, self.d
        # widest groups first, so that the groups still playing at each round are a prefix
        order = np.argsort(-count, kind="stable")
        gi, gc, cand, count = gi[order], gc[order], cand[order], count[order]
        table_col, own_row, den = table_col[order], own_row[order], den[order]
        w_cand = w_cand[order]
        g, width = cand.shape
        flat = np.rint(values.reshape(-1)).astype(np.int64)
        den = np.rint(den).astype(np.int64)
        base = (gi[:, None] * k + cand) * (d + 1)  # g x width
        alpha = flat[base + 1 + gc[:, None]]  # g x width
        basic = table_col == 0
        basic[:, 0] = False

        def extended(n: int, position: int) -> np.ndarray:
            entries = flat[base[:n, position][:, None] + table_col[:n]]  # n x (k+1)
            own = cand[:n, position][:, None] == own_row[:n]
            entries = np.where(basic[:n], own * den[:n, None], entries)
            # the weighted column goes second, after the right-hand side
            return np.concatenate([entries[:, :1], w_cand[:n, position, None], entries[:, 1:]], 1)

        best = np.zeros(g, dtype=np.intp)
        e_best, a_best = extended(g, 0), alpha[:, 0].copy()
        for position in range(1, width):
            n = int(np.searchsorted(-count, -position, side="left"))  # groups with count > position
            if n == 0:
                break
            e_new, a_new = extended(n, position), alpha[:n, position]
            diff = e_new * a_best[:n, None] - e_best[:n] * a_new[:, None]
            first = np.argmax(diff != 0, axis=1)
            take = diff[np.arange(n), first] < 0
            best[:n] = np.where(take, position, best[:n])
            e_best[:n] = np.where(take[:, None], e_new, e_best[:n])
            a_best[:n] = np.where(take, a_new, a_best[:n])
        out = np.empty(g, dtype=np.intp)
        out[order] = cand[np.arange(g), best]
        return out

    @staticmethod
    def _column(rows, den, table_col, own_row, cand, groups, j):
        """Float column ``j`` of the perturbed right-hand side for the candidates of ``groups``."""
        col = table_col[groups, j]  # 0 (rhs), 1 + c (nonbasic slack) or 0 (basic slack)
        basic = j > 0 and (col == 0)
        taken = np.take_along_axis(
            rows[groups], np.maximum(col, 0)[:, None, None].repeat(cand.shape[1], axis=1), axis=2
        )[:, :, 0]
        if j == 0:
            return taken
        own = cand[groups] == own_row[groups, j][:, None]
        return np.where(basic[:, None], own * den[groups][:, None], taken)

    def _minor_signs(self, batch: _Pass, gi, gc, cand, table_col, own_row, groups, j, weights):
        """Exact signs of ``(E[a, j] T[b, c] - E[b, j] T[a, c]) / D`` for all candidate pairs
        (``j = -1``: the weighted column, computed modulo each prime)."""
        mod = self.moduli
        res, dres, dinv, direct = batch.res, batch.dres, batch.dinv, batch.direct
        bi = gi[groups]
        if j == -1:
            return self._weighted_minor_signs(batch, gc, cand, weights, groups, bi)
        col = table_col[groups, j]
        basic = (col == 0) if j > 0 else np.zeros(len(groups), dtype=bool)
        own = cand[groups] == own_row[groups, j][:, None]
        c_idx = cand[groups]
        channels = 1 if direct else mod.count
        minors = np.empty((channels, len(groups), c_idx.shape[1], c_idx.shape[1]), dtype=np.int64)
        for ch in range(channels):
            t = res[ch][bi[:, None], c_idx]  # groups x width x (d+1)
            alpha = np.take_along_axis(
                t, (1 + gc[groups])[:, None, None].repeat(t.shape[1], axis=1), axis=2
            )[:, :, 0]
            entry = np.take_along_axis(
                t, np.maximum(col, 0)[:, None, None].repeat(t.shape[1], axis=1), axis=2
            )[:, :, 0]
            if j > 0:
                entry = np.where(basic[:, None], own * dres[ch][bi][:, None], entry)
            minor = entry[:, :, None] * alpha[:, None, :] - entry[:, None, :] * alpha[:, :, None]
            if direct:  # exact integers below 2**59; D > 0 does not change the sign
                return np.sign(minor)
            p = mod.primes[ch]
            minors[ch] = minor % p * dinv[ch][bi][:, None, None] % p
        return mod.sign(mod.digits(minors))

    def _weighted_minor_signs(self, batch: _Pass, gc, cand, weights, groups, bi):
        mod = self.moduli
        res, dres, dinv, direct = batch.res, batch.dres, batch.dinv, batch.direct
        wcol, wrow = (w[groups] for w in weights)
        c_idx = cand[groups]
        w_rows = np.take_along_axis(wrow, c_idx, axis=1)  # groups x width
        size = c_idx.shape[1]
        minors = np.empty((mod.count, len(groups), size, size), dtype=np.int64)
        if direct:  # residues of the exact integers (D < 2**29 < every prime: invertible)
            dens = dres[0][bi][None, :] % mod.q[:, None]
            invs = mod.inverse(dens)
        for ch, p in enumerate(mod.primes):
            if direct:
                t = res[0][bi[:, None], c_idx] % p
                den, inv = dens[ch], invs[ch]
            else:
                t = res[ch][bi[:, None], c_idx]
                den, inv = dres[ch][bi], dinv[ch][bi]
            alpha = np.take_along_axis(
                t, (1 + gc[groups])[:, None, None].repeat(size, axis=1), axis=2
            )[:, :, 0]
            entry = (t[:, :, 1:] * wcol[:, None, :] % p).sum(axis=2) % p
            entry = (entry + w_rows * den[:, None] % p) % p
            minor = (
                entry[:, :, None] * alpha[:, None, :] - entry[:, None, :] * alpha[:, :, None]
            ) % p
            minors[ch] = minor * inv[:, None, None] % p
        return mod.sign(mod.digits(minors))

    def _record_batch(self, digits, signs, den_digits, bases, masks, direct) -> None:
        """Record the vertex of every basis of a batch (once per set of tight constraints)."""
        vertices, full = self.vertices, self.all_vars
        zero = signs[:, :, 0] == 0
        if self.small_masks:
            one = np.int64(1)
            tight = np.bitwise_or.reduce(np.where(zero, one << bases, 0), axis=1)
            keys = ((np.int64(full) ^ np.array(masks, dtype=np.int64)) | tight).tolist()
        else:
            keys = []
            for i, mask in enumerate(masks):
                key = full ^ mask
                for r in np.flatnonzero(zero[i]).tolist():
                    key |= 1 << int(bases[i, r])
                keys.append(key)
        new = []
        for i, key in enumerate(keys):
            if key not in vertices:
                vertices[key] = _Pending(len(self._blocks), len(new))
                new.append(i)
        if new:  # keep the digits; the integers are rebuilt on demand (see point)
            rhs = np.stack([digit[new, :, 0] for digit in digits])  # K x new x k
            dens = np.stack([digit[new] for digit in den_digits])
            self._blocks.append((rhs, dens, bases[new], direct))

    def point(self, key: int) -> tuple[tuple[int, ...], int]:
        """The vertex with tight-constraint mask ``key``: ``(numerators, denominator)`` in
        lowest terms."""
        found = self.vertices[key]
        if isinstance(found, _Pending):
            mod, d = self.moduli, self.d
            rhs, den_digits, bases, direct = self._blocks[found.block]
            j = found.index
            integer = (lambda ds: int(ds[0])) if direct else mod.integer
            den = integer(den_digits[:, j].tolist())
            nums = [0] * d
            column = rhs[:, j, :].T.tolist()  # k x K
            for r, v in enumerate(bases[j].tolist()):
                if v < d:
                    nums[v] = integer(column[r])
            g = math.gcd(den, *nums)
            found = (tuple(v // g for v in nums), den // g)
            self.vertices[key] = found
        return found

    # -- exact fallbacks -----------------------------------------------------------------

    def _exact_table(self, res: np.ndarray, dres: np.ndarray) -> tuple[np.ndarray, int]:
        """Python-integer dictionary and D from residues ``K x k x (d+1)`` and ``K``."""
        mod = self.moduli
        digits = np.stack(mod.digits(res))  # K x k x (d+1)
        flat = digits.reshape(mod.count, -1).T.tolist()
        table = np.array([mod.integer(ds) for ds in flat], dtype=object).reshape(res.shape[1:])
        den = mod.integer(np.stack(mod.digits(dres[:, None]))[:, 0].tolist())
        return table, den

    def _queue_exact(
        self, table: np.ndarray, den: int, basis: list[int], cobasis: list[int], mask: int
    ) -> None:
        """Queue a Python-integer basis: as int64 integers when they are small, as residues
        when D is invertible modulo every prime, else as it is."""
        mod = self.moduli
        bases = np.array([basis], dtype=np.int64)
        cobases = np.array([cobasis], dtype=np.int64)
        bound = self.direct_bound
        if max(abs(v) for v in table.ravel().tolist()) < bound and den < bound:
            res = np.array(table.tolist(), dtype=np.int32)[None, None]
            dres = np.array([[den]], dtype=np.int64)
            self._queue((res, dres, None, bases, cobases, [mask], True))
        elif any(den % p == 0 for p in mod.primes):
            self.singles.append((table, den, basis, cobasis, mask))
        else:
            res = mod.residues(table)[:, None].astype(np.int32)
            dres = np.array([[den % p] for p in mod.primes], dtype=np.int64)
            self._queue((res, dres, mod.inverse(dres), bases, cobases, [mask], False))

    def _expand_single(
        self, table: np.ndarray, den: int, basis: list[int], cobasis: list[int], mask: int
    ) -> None:
        d = self.d
        rhs = table[:, 0].tolist()
        key = self.all_vars ^ mask
        for r, value in enumerate(rhs):
            if value == 0:
                key |= 1 << basis[r]
        if key not in self.vertices:
            nums = [0] * d
            for r, v in enumerate(basis):
                if v < d:
                    nums[v] = int(rhs[r])
            g = math.gcd(den, *nums)
            self.vertices[key] = (tuple(v // g for v in nums), den // g)
        rows = table.tolist()
        for c in range(d):
            candidates = [r for r in range(self.k) if rows[r][1 + c] > 0]
            r = _lex_leaving(rows, basis, cobasis, d, candidates, c, self.weight_list, den)
            new_mask = mask ^ (1 << cobasis[c]) ^ (1 << basis[r])
            if new_mask in self.visited:
                continue
            self.visited.add(new_mask)
            new, new_den = _pivot_exact(table, den, r, c)
            new_basis, new_cobasis = list(basis), list(cobasis)
            new_basis[r], new_cobasis[c] = cobasis[c], basis[r]
            self._queue_exact(new, new_den, new_basis, new_cobasis, new_mask)


def _scaled_float(value: int, scale: int) -> float:
    """``value * 2**-scale`` as a float, without overflow for large ``value``."""
    if scale == 0:
        return float(value)
    shift = max(0, value.bit_length() - 60)
    return math.ldexp(float(value >> shift), shift - scale)


def _step(state: Search, max_bases: int | None) -> int:
    """Bases to expand before the next look at the clock: at most :data:`CHECK_EVERY`, and
    few enough that the cap on the visited bases is overshot by at most ``d`` per base."""
    if max_bases is None:
        return CHECK_EVERY
    return max(1, min(CHECK_EVERY, (max_bases - len(state.visited)) // max(1, state.d)))


def _merge_batches(first: tuple, second: tuple) -> tuple:
    """One batch of the bases of two batches of the same kind."""
    res = np.concatenate([first[0], second[0]], axis=1)
    dres = np.concatenate([first[1], second[1]], axis=1)
    dinv = None if first[2] is None else np.concatenate([first[2], second[2]], axis=1)
    bases = np.concatenate([first[3], second[3]])
    cobases = np.concatenate([first[4], second[4]])
    return (res, dres, dinv, bases, cobases, first[5] + second[5], first[6])


def _slice_batch(batch: tuple, part: slice) -> tuple:
    res, dres, dinv, bases, cobases, masks, direct = batch
    dinv = None if dinv is None else dinv[:, part]
    return (res[:, part], dres[:, part], dinv, bases[part], cobases[part], masks[part], direct)


def _exchange(bases, cobases, s, rr, cc):
    """The bases and cobases after the entering column ``cc`` and leaving row ``rr`` swap."""
    entering_var = cobases[s, cc].copy()
    cobases[s, cc] = bases[s, rr]
    bases[s, rr] = entering_var
    return bases, cobases


def _pivot_exact(table: np.ndarray, den: int, r: int, c: int) -> tuple[np.ndarray, int]:
    """The Python-integer dictionary after exchanging row ``r``'s basic variable with column
    ``c``'s, by the fraction-free pivot ``(p t - a b) / D`` (exact division)."""
    p = table[r, 1 + c]
    col = table[:, 1 + c].copy()
    row = table[r].copy()
    new = (p * table - np.outer(col, row)) // den
    new[:, 1 + c] = -col
    row[1 + c] = den
    new[r] = row
    return new, int(p)


def _lex_leaving(
    rows: list[list[int]],
    basis: list[int],
    cobasis: list[int],
    d: int,
    candidates: list[int],
    c: int,
    weights: Sequence[int],
    den: int,
) -> int:
    """Exact lexicographic ratio test in Python integers: the row among ``candidates`` (all
    with a positive entry in column ``c``) whose perturbed right-hand side divided by that
    entry is least (see :meth:`Search._lex_groups` for the perturbation's columns)."""
    ties = _least_rows(rows, candidates, 0, 1 + c)
    if len(ties) == 1:
        return ties[0]
    k = len(rows)
    column_of = {v: j for j, v in enumerate(cobasis)}
    row_of = {v: r for r, v in enumerate(basis)}
    # the weighted column W[r] = sum_j w_j E[r, 1 + j]
    weighted = {}
    for r in ties:
        total = 0
        for j in range(k):
            slack = d + j
            if slack in column_of:
                total += weights[j] * rows[r][1 + column_of[slack]]
            elif row_of[slack] == r:
                total += weights[j] * den
        weighted[r] = total
    best = [ties[0]]
    for r in ties[1:]:
        diff = weighted[r] * rows[best[0]][1 + c] - weighted[best[0]] * rows[r][1 + c]
        if diff < 0:
            best = [r]
        elif diff == 0:
            best.append(r)
    ties = best
    if len(ties) == 1:
        return ties[0]
    for j in range(k):
        slack = d + j
        if slack in column_of:
            ties = _least_rows(rows, ties, 1 + column_of[slack], 1 + c)
        else:  # basic slack: D in its own row, 0 in the others
            own = row_of[slack]
            if own in ties:
                ties.remove(own)
        if len(ties) == 1:
            break
    return ties[0]


def _least_rows(rows: list[list[int]], candidates: list[int], j: int, c: int) -> list[int]:
    """The candidates ``r`` with the least ratio ``rows[r][j] / rows[r][c]`` (all
    ``rows[r][c] > 0``), decided exactly by cross-multiplication."""
    best = [candidates[0]]
    x0, a0 = rows[best[0]][j], rows[best[0]][c]
    for r in candidates[1:]:
        x, a = rows[r][j], rows[r][c]
        diff = x * a0 - x0 * a
        if diff < 0:
            best, x0, a0 = [r], x, a
        elif diff == 0:
            best.append(r)
    return best


def search(
    M: Sequence[Sequence[int]],
    *,
    deadline: float | None = None,
    max_bases: int | None = None,
    primes: Sequence[int] | None = None,
    direct_bound: int = 2**29,
) -> SearchResult:
    """All vertices of ``{z >= 0 : M z <= 1}`` for a positive integer matrix ``M`` (``k x d``).

    ``deadline`` is a ``time.perf_counter()`` value and ``max_bases`` a cap on the number of
    bases; when either is reached the search returns what it has found, with
    ``complete=False``. ``primes`` and ``direct_bound`` are for tests of the exact paths (see
    :class:`Search`).
    """
    state = Search(M, primes=primes, direct_bound=direct_bound)
    while not state.advance(_step(state, max_bases)):
        if deadline is not None and time.perf_counter() > deadline:
            return state.result("deadline")
        if max_bases is not None and len(state.visited) >= max_bases:
            return state.result("max_bases")
    return state.result()
