"""measure(): P(L_a, L_b; L_k) of a PyTorch model from batches of each domain, with a standard error.

Conventions (CommuteLab's science page, which overrides the paper's printed eq. 8):
    R(L_a, L_b) = H_b g_a - H_a g_b                  (paper eq. 6)
    P(L_a, L_b; L_k) = <R(L_a, L_b), g_k>
so that from one state, SGD on a batch of a then one of b, minus the reverse, moves L_k by lr^2 P.

Estimator (docs/probe.md). Each domain's batches are dealt round robin into ``groups`` groups;
groups (2r, 2r+1) form replicate r. With g^(m), H^(m) the mean gradient / Hessian of group m and
m' the other group of the replicate,
    t_m = <g_a^(m), H_b^(m) g_k^(m')> - <g_b^(m), H_a^(m) g_k^(m')>,
by the symmetry <g_a, H_b g_k> = <H_b g_k, g_a>: one HVP u_b = H_b^(m) g_k^(m') per (domain b,
target k) gives every pair (at most; replicate_passes.py says in which order, keeping K + 1
model-sized vectors alive). Each term is unbiased: g_a^(m) and H_b^(m) come from different domains,
g_k^(m') from other batches, so the expectation of the product is the product of expectations.
Replicates ½(t_2r + t_2r+1) are independent and identically distributed: the estimate is their
mean and the standard error their standard deviation / sqrt(replicates) (NaN with one replicate).
"""

import math
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

import torch

from .autograd_passes import ParameterSpace, ProbeError, batch_loss, differentiable_gradient, hessian_vector_product
from .collective import Collective
from .replicate_passes import ReplicatePasses

MEAN = "mean"


@dataclass
class Measurement:
    """One measurement at a training step. Keys of ``p`` and ``stderr``: (a, b, k) for every ordered
    pair of domains a != b and every target k (a domain name or "mean"). ``bracket_rms[(a, b)]`` and
    ``grad_rms[(a, b)]`` map parameter-tensor names to the RMS of R(L_a, L_b) and of the pair's
    gradients (entries of g_a and g_b together); present for both orders of a pair."""

    step: float
    domains: List[str]
    targets: List[str]
    loss: Dict[str, float]
    p: Dict[Tuple[str, str, str], float]
    stderr: Dict[Tuple[str, str, str], float]
    samples: int  # batches measured, all domains and ranks together
    batches: Dict[str, int]
    groups: int
    replicates: int
    bracket_rms: Dict[Tuple[str, str], Dict[str, float]] = field(default_factory=dict)
    grad_rms: Dict[Tuple[str, str], Dict[str, float]] = field(default_factory=dict)
    hessian_vector_products: int = 0  # on this rank
    gradient_passes: int = 0  # on this rank

    @property
    def mean_loss(self):
        return sum(self.loss.values()) / len(self.loss)


def _domains_and_batches(batches):
    if not hasattr(batches, "items"):
        raise ProbeError("batches must map each domain name to an iterable of batches")
    domains, data = [], {}
    for name, iterable in batches.items():
        if not isinstance(name, str) or not name:
            raise ProbeError(f"domain names must be non-empty strings, found {name!r}")
        try:
            data[name] = list(iterable)
        except TypeError:
            raise ProbeError("expected an iterable of batches", name) from None
        domains.append(name)
    if len(domains) < 2:
        raise ProbeError(f"P needs at least two domains, found {len(domains)}")
    return domains, data


def _resolve_targets(targets, domains):
    names = list(domains) + [MEAN] if targets is None else list(targets)
    if not names:
        raise ProbeError("targets is empty")
    for t in names:
        if t != MEAN and t not in domains:
            raise ProbeError(f"unknown target '{t}'; the domains are {', '.join(domains)} (or '{MEAN}')")
    if len(set(names)) != len(names):
        raise ProbeError(f"targets repeat a name: {names}")
    # The mean's P is the mean of the domains' P (P is linear in the target): free when every domain is a target.
    hvp_targets = [t for t in names if t != MEAN]
    if MEAN in names and len(hvp_targets) != len(domains):
        hvp_targets.append(MEAN)
    return names, hvp_targets


def _group_counts(domains, data, groups, collective):
    counts = torch.zeros(len(domains), groups, dtype=torch.float64)
    for d, name in enumerate(domains):
        for i in range(len(data[name])):
            counts[d, collective.global_index(i) % groups] += 1
    collective.sum_(counts)
    for d, name in enumerate(domains):
        total = int(counts[d].sum())
        if total == 0:
            raise ProbeError("empty batch iterable: no batches", name)
        if int(counts[d].min()) == 0:
            raise ProbeError(f"{total} batches, but groups={groups} needs at least {groups}", name)
    return counts


def _bracket_sums(space, model, loss_fn, domains, data, counts, mean_grad, collective, pair_brackets):
    """pair_brackets[(lo, hi)] = R(lo, hi) = H_hi gbar_lo - H_lo gbar_hi over all batches, with gbar
    the domains' mean gradients: K - 1 HVPs per batch. Returns the number of HVPs."""
    K = len(domains)
    vectors = [space.views(mean_grad[a]) for a in range(K)]
    hvps = 0
    for b, name in enumerate(domains):
        bracket_part = space.zeros(K)  # H_b gbar_a for every a
        others = [a for a in range(K) if a != b]
        for i, batch in enumerate(data[name]):
            g = differentiable_gradient(space, batch_loss(model, loss_fn, batch, name, i))
            for j, a in enumerate(others):
                space.add_into(bracket_part[a], hessian_vector_product(space, g, vectors[a], j + 1 < len(others)))
                hvps += 1
            del g
        collective.sum_(bracket_part)
        bracket_part /= float(counts[b].sum())
        for a in others:
            lo, hi = min(a, b), max(a, b)
            into = pair_brackets.setdefault((lo, hi), space.zeros())
            into.add_(bracket_part[a], alpha=1.0 if b == hi else -1.0)  # R(lo, hi) = H_hi g_lo - H_lo g_hi
    return hvps


def measure(model, loss_fn, batches, *, step, targets=None, groups=2, rms=True, process_group=None):
    """P(L_a, L_b; L_k) at the model's current parameters.

    loss_fn(model, batch) -> scalar tensor (a batch mean). batches: {domain: iterable of batches};
    under torch.distributed, each rank passes its own share (rank r's i-th batch is global batch
    i * world_size + r) and gets the same Measurement. targets: domain names and/or "mean" (default:
    every domain and their mean). groups: an even number >= 2 of batch groups per domain; the
    standard error needs groups >= 4. rms: also measure per-tensor RMS of every bracket (K(K-1)
    extra Hessian-vector products per batch)."""
    if not isinstance(groups, int) or groups < 2 or groups % 2:
        raise ProbeError(f"groups must be an even integer >= 2, found {groups!r}")
    space = ParameterSpace(model)
    domains, data = _domains_and_batches(batches)
    target_names, hvp_targets = _resolve_targets(targets, domains)
    collective = Collective(process_group)
    counts = _group_counts(domains, data, groups, collective)
    K, G, T = len(domains), groups, len(hvp_targets)
    group_of = lambda i: collective.global_index(i) % G  # noqa: E731

    # Replicate by replicate (groups 2r and 2r+1; replicates share no batches), each by the plan of
    # replicate_passes: K stored group gradients and one streamed vector alive, whatever the groups.
    C = torch.zeros(T, G, K, K, dtype=torch.float64)
    loss_sum = torch.zeros(K, dtype=torch.float64)
    mean_grad = space.zeros(K) if rms else None  # mean over groups of the group means
    passes = ReplicatePasses(space, model, loss_fn, domains, data, counts, collective, hvp_targets, MEAN)
    for r in range(G // 2):
        in_group = [[[i for i in range(len(data[n])) if group_of(i) == 2 * r + l] for n in domains] for l in (0, 1)]
        passes.run(r, in_group, C, loss_sum, mean_grad)
    gradient_passes, hvps = passes.gradient_passes, passes.hvps
    collective.sum_(loss_sum)

    pair_brackets = {}
    if rms:
        hvps += _bracket_sums(space, model, loss_fn, domains, data, counts, mean_grad, collective, pair_brackets)
    collective.sum_(C)
    C /= counts.T.unsqueeze(0).unsqueeze(-1)  # divide by the batch count of (group m, domain b)

    terms = C - C.transpose(2, 3)  # terms[t, m, b, a] = t_m(a, b; t)
    replicate_terms = 0.5 * (terms[:, 0::2] + terms[:, 1::2])  # [t, r, b, a]
    R = G // 2
    estimate = replicate_terms.mean(1)
    stderr = replicate_terms.std(1, unbiased=True) / math.sqrt(R) if R > 1 else torch.full_like(estimate, math.nan)
    by_target = {t: (estimate[i], stderr[i]) for i, t in enumerate(hvp_targets)}
    if MEAN in target_names and MEAN not in by_target:
        # Linear in the target: replicate by replicate, so the standard error is of the same statistic.
        mean_rep = replicate_terms.mean(0)
        mean_err = mean_rep.std(0, unbiased=True) / math.sqrt(R) if R > 1 else torch.full_like(mean_rep[0], math.nan)
        by_target[MEAN] = (mean_rep.mean(0), mean_err)

    p, se = {}, {}
    for k in target_names:
        est, err = by_target[k]
        for a, an in enumerate(domains):
            for b, bn in enumerate(domains):
                if a != b:
                    p[(an, bn, k)] = float(est[b, a])
                    se[(an, bn, k)] = float(err[b, a])

    bracket_rms, grad_rms = {}, {}
    for (lo, hi), vector in pair_brackets.items():
        pair_grad = {n: math.sqrt(float(torch.cat([x.reshape(-1), y.reshape(-1)]).double().pow(2).mean()))
                     for n, x, y in zip(space.names, space.views(mean_grad[lo]), space.views(mean_grad[hi]))}
        for key in ((domains[lo], domains[hi]), (domains[hi], domains[lo])):
            bracket_rms[key] = space.tensor_rms(vector)
            grad_rms[key] = pair_grad

    totals = counts.sum(1)
    return Measurement(
        step=step,
        domains=domains,
        targets=target_names,
        loss={n: float(loss_sum[d] / totals[d]) for d, n in enumerate(domains)},
        p=p,
        stderr=se,
        samples=int(totals.sum()),
        batches={n: int(totals[d]) for d, n in enumerate(domains)},
        groups=G,
        replicates=R,
        bracket_rms=bracket_rms,
        grad_rms=grad_rms,
        hessian_vector_products=hvps,
        gradient_passes=gradient_passes,
    )
