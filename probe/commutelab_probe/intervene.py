"""intervene(): the paper's order interventions (eqs. 9, 10) from a checkpoint, automated.

From the current state (step t0), with base weights w:
    base run:      w for 2 dt steps;
    order (a, b):  w + dw (e_a - e_b) for dt steps, then w - dw (e_a - e_b) for dt steps,
so every domain gets the same total weight (the same tokens, when weights scale the loss of one
batch per domain and step) as in the base run. The excess loss is EL_k^{ab} = L_k(theta^{ab}) -
L_k(theta_base), both after 2 dt steps (science page, "LLM logs"). At first order in the step
size gamma, EL_k^{ab} = dw (gamma dt)^2 P(L_a, L_b; L_k) for plain SGD on two domains (Corollary 3.2a
with the science page's constant); the tests check that limit.

The model, the optimizer and torch's random state are copied before and restored after, so the
caller's run continues as if nothing happened.
"""

import copy
from dataclasses import dataclass
from typing import Dict, Tuple

import torch

from .autograd_passes import ProbeError, batch_loss


@dataclass
class Intervention:
    start: float  # t0, the step of the checkpoint
    length: int  # dt in steps
    delta_w: float
    order: Tuple[str, str]
    excess: Dict[str, float]  # EL_k^{ab}
    loss: Dict[str, float]  # L_k(theta^{ab})
    base_loss: Dict[str, float]  # L_k(theta_base) at t0 + 2 dt
    weight_sums: Dict[str, float] = None  # sum over the window's steps of each domain's weight
    base_weight_sums: Dict[str, float] = None  # the same for the base run (equal: same tokens per domain)


def weighted_train_step(loss_fn):
    """A train_step for intervene(): one optimizer step on sum_k w_k loss_fn(model, batch_k)."""

    def step(model, optimizer, batches, weights):
        optimizer.zero_grad()
        total = None
        for name, batch in batches.items():
            if weights[name] != 0:
                term = weights[name] * batch_loss(model, loss_fn, batch, name, None)
                total = term if total is None else total + term
        total.backward()
        optimizer.step()

    return step


class Snapshot:
    """Model, optimizer and random state, to come back to (copied, so training on does not change it)."""

    def __init__(self, model, optimizer):
        self.model_state = copy.deepcopy(model.state_dict())
        self.optimizer_state = copy.deepcopy(optimizer.state_dict())
        self.rng = torch.get_rng_state()

    def restore(self, model, optimizer):
        model.load_state_dict(self.model_state)
        optimizer.load_state_dict(copy.deepcopy(self.optimizer_state))
        torch.set_rng_state(self.rng)


def _evaluate(model, loss_fn, eval_batches):
    out = {}
    with torch.no_grad():
        for name, batches in eval_batches.items():
            values = [float(loss_fn(model, b)) for b in batches]
            if not values:
                raise ProbeError("empty evaluation batch iterable", name)
            out[name] = sum(values) / len(values)
    return out


def _run(model, optimizer, train_step, steps, schedule):
    """schedule(s) -> weights at step s of the window. Returns each domain's summed weight."""
    names = list(steps)
    sums = dict.fromkeys(names, 0.0)
    for s in range(len(steps[names[0]])):
        weights = schedule(s)
        train_step(model, optimizer, {n: steps[n][s] for n in names}, weights)
        for n in names:
            sums[n] += weights[n]
    return sums


def intervene(model, optimizer, train_step, batches, *, weights, t0_step, delta_t, delta_w, order,
              loss_fn, eval_batches):
    """Runs the base window and the interventions for every order and delta_w from the current state.

    train_step(model, optimizer, {domain: batch}, {domain: weight}) makes one training step (see
    weighted_train_step). batches: {domain: iterable}, of which the first 2 * delta_t batches are the
    window's data, the same for the base run and every intervention. weights: the base weights
    {domain: w}. order: a pair (a, b) or a list of pairs; delta_w: a number or a list. Losses are the
    mean of loss_fn over eval_batches[domain]. Returns one Intervention, or a list (orders x delta_w)
    when order or delta_w is a list."""
    domains = list(weights)
    single = isinstance(order, tuple) and not isinstance(delta_w, (list, tuple))
    orders = [order] if isinstance(order, tuple) else list(order)
    sizes = list(delta_w) if isinstance(delta_w, (list, tuple)) else [delta_w]
    if not isinstance(delta_t, int) or delta_t < 1:
        raise ProbeError(f"delta_t must be a positive number of steps, found {delta_t!r}")
    for a, b in orders:
        for name in (a, b):
            if name not in weights:
                raise ProbeError(f"order ({a}, {b}): unknown domain '{name}'; the domains are {', '.join(domains)}")
        if a == b:
            raise ProbeError(f"order ({a}, {b}) needs two different domains")
    steps = {}
    for name in domains:
        if name not in batches:
            raise ProbeError("no training batches for this domain", name)
        it = iter(batches[name])
        steps[name] = [b for _, b in zip(range(2 * delta_t), it)]
        if len(steps[name]) < 2 * delta_t:
            raise ProbeError(f"{len(steps[name])} training batches, the window needs 2 * delta_t = {2 * delta_t}", name)
    for name in eval_batches:
        if name not in weights:
            raise ProbeError(f"evaluation batches for unknown domain '{name}'")

    snapshot = Snapshot(model, optimizer)
    try:
        base_sums = _run(model, optimizer, train_step, steps, lambda s: dict(weights))
        base = _evaluate(model, loss_fn, eval_batches)
        results = []
        for a, b in orders:
            for dw in sizes:
                early, late = dict(weights), dict(weights)
                early[a] += dw
                early[b] -= dw
                late[a] -= dw
                late[b] += dw
                if min(list(early.values()) + list(late.values())) < 0:
                    raise ProbeError(f"delta_w = {dw} makes a weight negative for order ({a}, {b})")
                snapshot.restore(model, optimizer)
                sums = _run(model, optimizer, train_step, steps, lambda s: early if s < delta_t else late)
                reached = _evaluate(model, loss_fn, eval_batches)
                results.append(Intervention(start=t0_step, length=delta_t, delta_w=float(dw), order=(a, b),
                                            excess={n: reached[n] - base[n] for n in reached}, loss=reached,
                                            base_loss=base, weight_sums=sums, base_weight_sums=base_sums))
    finally:
        snapshot.restore(model, optimizer)
    return results[0] if single else results
