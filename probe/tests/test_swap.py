"""The swap experiment on a small MLP with plain SGD (science page): from one state, a step on a
batch of domain 1 then one of domain 2, minus the reverse, moves the parameters by gamma^2 R(L1, L2)
and every loss L_k by gamma^2 P(L1, L2; L_k) at leading order; observed/predicted -> 1 as gamma -> 0."""

import unittest

import torch

import commutelab_probe as cp
from tests.models import mlp, mse, regression_batch


def sgd(model, batch, lr):
    grads = torch.autograd.grad(mse(model, batch), list(model.parameters()))
    with torch.no_grad():
        for p, g in zip(model.parameters(), grads):
            p.sub_(lr * g)


class Swap(unittest.TestCase):
    def test_swap_changes_losses_by_gamma_squared_p(self):
        model = mlp(seed=3)
        b1, b2 = regression_batch(3, 1), regression_batch(3, 2)
        batches = {"one": [b1, b1], "two": [b2, b2]}  # same batch in both groups: P of these batch losses
        m = cp.measure(model, mse, batches, step=0)
        start = {k: v.clone() for k, v in model.state_dict().items()}
        deviations = {}
        for lr in (1e-1, 1e-2, 1e-3, 1e-4):
            losses = {}
            for order in ((b1, b2), (b2, b1)):
                model.load_state_dict(start)
                for b in order:
                    sgd(model, b, lr)
                with torch.no_grad():
                    losses[order[0] is b1] = {"one": float(mse(model, b1)), "two": float(mse(model, b2))}
            for k in ("one", "two"):
                observed = losses[True][k] - losses[False][k]
                predicted = lr**2 * m.p[("one", "two", k)]
                deviations.setdefault(k, []).append(abs(observed / predicted - 1))
        model.load_state_dict(start)
        for k, dev in deviations.items():
            self.assertLess(dev[-1], 1e-3, (k, dev))
            for coarse, fine in zip(dev, dev[1:]):
                self.assertGreater(coarse / fine, 5, (k, dev))  # the deviation is O(gamma): ~10x per 10x smaller gamma


if __name__ == "__main__":
    unittest.main()
