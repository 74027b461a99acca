"""The probe's Hessian-vector products equal central finite differences of gradients on a small
MLP, with the error shrinking at the truncation order (O(eps^2): 100x per 10x smaller eps)."""

import unittest

import torch

from commutelab_probe.autograd_passes import ParameterSpace, differentiable_gradient, gradient, hessian_vector_product
from tests.models import mlp, mse, regression_batch


def flat_gradient(space, model, batch):
    return torch.cat([g.reshape(-1) for g in gradient(space, mse(model, batch))])


class FiniteDifferences(unittest.TestCase):
    def test_hvp_matches_central_differences(self):
        model = mlp(seed=5)
        batch = regression_batch(seed=5, domain=1)
        space = ParameterSpace(model)
        v = torch.randn(space.numel, generator=torch.Generator().manual_seed(9))
        g = differentiable_gradient(space, mse(model, batch))
        hv = torch.cat([h.reshape(-1) for h in hessian_vector_product(space, g, space.views(v), retain_graph=False)])
        start = [p.detach().clone() for p in space.params]
        errors = []
        for eps in (1e-2, 1e-3):
            shifted = []
            for sign in (1, -1):
                with torch.no_grad():
                    for p, s, dv in zip(space.params, start, space.views(v)):
                        p.copy_(s + sign * eps * dv)
                shifted.append(flat_gradient(space, model, batch))
            with torch.no_grad():
                for p, s in zip(space.params, start):
                    p.copy_(s)
            fd = (shifted[0] - shifted[1]) / (2 * eps)
            errors.append(float((fd - hv).norm() / hv.norm()))
        self.assertLess(errors[1], 1e-4, errors)
        ratio = errors[0] / errors[1]
        self.assertGreater(ratio, 50, errors)  # second order: 100 in the limit
        self.assertLess(ratio, 200, errors)


if __name__ == "__main__":
    unittest.main()
