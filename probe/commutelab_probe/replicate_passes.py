"""The passes over one replicate (groups 2r and 2r+1) that fill measure()'s scalar products

    C[t, m, b, a] = sum over the batches i of domain b in group m of <g_a^(m), H_i v_t^(m')>,

with g_a^(m) the mean gradient of domain a over group m, v_t^(m') target t's gradient over the other
group m' of the replicate (a domain's, or the mean of the domains'), H_i batch i's Hessian.

Memory is what this module is about (issue 12: a few model-sized buffers beyond autograd's own). A
batch's Hessian is only reachable while its differentiable gradient (its graph) is alive, so keeping
every vector of both groups at hand for one graph build per batch costs 2K buffers. Instead, one group
s's K domain gradients are *stored* and the other group's vectors are *streamed*, one buffer at a
time; each batch's graph is built once per streamed vector that meets it (one HVP per build), which
costs forward passes but no extra Hessian-vector products. By the symmetry of H_i,

    <g_a^(m), H_i v_t^(m')> = <v_t^(m'), H_i g_a^(m)>,

a streamed vector w of group q = 1 - s serves two kinds of batches:
  - as target t's vector v_t^(q), the batches i of group s: u = H_i w, dotted with the stored g_a^(s)
    gives C[t, s, b, a] for every a;
  - as domain x's gradient g_x^(q), the batches i of group q of every domain b != x: u = H_i w, dotted
    with the stored domain gradients and combined into the targets' vectors v_t^(s), gives C[t, q, b, x]
    for every t (C[t, m, b, b] cancels in the estimator and is never needed).
Plans (``replicate_plan``): with T HVP targets and K domains,
  - T >= K - 1 (the default: every domain a target, the mean free): one phase storing group 0's K
    gradients and streaming group 1's K domain gradients (+ the mean target's vector if the mean needs
    its own HVPs). HVPs per batch: T in group 0, K - 1 in group 1, so at most the K*T of one HVP per
    (batch, target); every batch's gradient is taken once (twice with a mean that needs its HVPs).
  - T < K - 1: two phases, each storing one group and streaming the T target vectors of the other:
    T HVPs per batch, each batch's gradient taken twice (stored, then inside a target's vector).
Either way K + 1 model-sized buffers (K stored, one streamed) plus autograd's own.
"""

import torch

from .autograd_passes import batch_loss, differentiable_gradient, gradient, hessian_vector_product


class StreamedVector:
    """A vector of group q to stream: sum over the domains of weights[d] * g_d^(q). ``target``: the index
    of the target whose vector it is (or None); ``domain``: the domain whose gradient it is (or None)."""

    def __init__(self, weights, target=None, domain=None):
        self.weights, self.target, self.domain = weights, target, domain


def target_weights(domains, hvp_targets, mean_name):
    """W[t, d]: target t's vector as a combination of the domains' gradients (the mean: 1/K each)."""
    K = len(domains)
    W = torch.zeros(len(hvp_targets), K, dtype=torch.float64)
    for t, name in enumerate(hvp_targets):
        if name == mean_name:
            W[t] = 1.0 / K
        else:
            W[t, domains.index(name)] = 1.0
    return W


def replicate_plan(W, target_domain):
    """[(stored local group s, [StreamedVector of group 1 - s])] for target weights W (T x K);
    target_domain[t]: the domain index of target t, None for the mean."""
    T, K = W.shape
    if T >= K - 1:
        target_of = {x: t for t, x in enumerate(target_domain) if x is not None}
        streamed = [StreamedVector(torch.eye(K, dtype=torch.float64)[x], target_of.get(x), x) for x in range(K)]
        streamed += [StreamedVector(W[t], t) for t, x in enumerate(target_domain) if x is None]
        return [(0, streamed)]
    return [(s, [StreamedVector(W[t], t) for t in range(T)]) for s in (0, 1)]


class ReplicatePasses:
    """Runs the plan for one replicate at a time; counts gradient passes and HVPs on this rank."""

    def __init__(self, space, model, loss_fn, domains, data, counts, collective, hvp_targets, mean_name):
        self.space, self.model, self.loss_fn = space, model, loss_fn
        self.domains, self.data, self.counts, self.collective = domains, data, counts, collective
        self.W = target_weights(domains, hvp_targets, mean_name)
        self.plan = replicate_plan(self.W, [None if t == mean_name else domains.index(t) for t in hvp_targets])
        self.gradient_passes = self.hvps = 0

    def run(self, r, in_group, C, loss_sum, mean_grad):
        """Adds replicate r's products into C; the loss of each batch into loss_sum and (if not None)
        each group's domain gradient means / groups into mean_grad, once per batch and group.
        in_group[l][d]: this rank's batch indices of domain d in group 2r + l."""
        G = self.counts.shape[1]
        stored_groups = {s for s, _ in self.plan}
        for s, streamed in self.plan:
            q = 1 - s
            stored = self.space.zeros(len(self.domains))
            for d in range(len(self.domains)):
                self._gradient_sum(stored[d], d, in_group[s][d], 1.0 / float(self.counts[d, 2 * r + s]), loss_sum)
            self.collective.sum_(stored)
            if mean_grad is not None:
                mean_grad.add_(stored, alpha=1.0 / G)
            for vector in streamed:
                # A group that is never stored is seen once, through its domains' streamed gradients.
                first_sight = vector.domain is not None and q not in stored_groups
                w = self._streamed(vector, r, q, in_group[q], loss_sum if first_sight else None)
                if mean_grad is not None and first_sight:
                    mean_grad[vector.domain].add_(w, alpha=1.0 / G)
                views = self.space.views(w)
                if vector.target is not None:  # w = v_t^(q): C[t, s, b, a] for the batches of group s
                    for b, indices in enumerate(in_group[s]):
                        for i in indices:
                            C[vector.target, 2 * r + s, b, :] += self._dots(b, i, views, stored)
                if vector.domain is not None:  # w = g_x^(q): C[t, q, b, x] for the batches of group q, b != x
                    x = vector.domain
                    for b, indices in enumerate(in_group[q]):
                        if b != x:
                            for i in indices:
                                C[:, 2 * r + q, b, x] += self.W @ self._dots(b, i, views, stored)
                del w, views
            del stored

    def _gradient_sum(self, into, d, indices, scale, loss_sum):
        """into += scale * (sum of the gradients of domain d's batches ``indices``); their losses into
        loss_sum[d] when loss_sum is not None (each batch's loss is counted once)."""
        name = self.domains[d]
        for i in indices:
            loss = batch_loss(self.model, self.loss_fn, self.data[name][i], name, i)
            self.space.add_into(into, gradient(self.space, loss), scale)
            if loss_sum is not None:
                loss_sum[d] += float(loss.detach())
            self.gradient_passes += 1

    def _streamed(self, vector, r, q, in_group_q, loss_sum):
        """The streamed vector: sum_d weights[d] * g_d^(q), all-reduced over the ranks."""
        w = self.space.zeros()
        for d, weight in enumerate(vector.weights.tolist()):
            if weight != 0.0:
                self._gradient_sum(w, d, in_group_q[d], weight / float(self.counts[d, 2 * r + q]), loss_sum)
        return self.collective.sum_(w)

    def _dots(self, b, i, vector_views, stored):
        """<stored[a], H_i w> for every a, from one graph build and one HVP of batch i of domain b."""
        name = self.domains[b]
        g = differentiable_gradient(self.space, batch_loss(self.model, self.loss_fn, self.data[name][i], name, i))
        hvp = hessian_vector_product(self.space, g, vector_views, retain_graph=False)
        del g
        self.hvps += 1
        return self.space.dot_rows(stored, hvp).double()
