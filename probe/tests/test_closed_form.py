"""measure() against the closed form on quadratics (science page): P(L_i, L_j; L_k) =
<A_j A_i (theta - b_i) - A_i A_j (theta - b_j), A_k (theta - b_k)>, to 1e-10 relative in float64."""

import unittest
import weakref
from unittest import mock

import torch

import commutelab_probe as cp
from tests.models import Quadratics, Theta


class ClosedForm(unittest.TestCase):
    def check(self, k, n, seed, groups):
        q = Quadratics(k, n, seed)
        model = Theta(q.start)
        names = [f"d{i}" for i in range(k)]
        # Deterministic losses: every batch of a domain is the same, so each group's mean is exact.
        batches = {names[i]: [i] * groups for i in range(k)}
        m = cp.measure(model, q.loss, batches, step=0, groups=groups)
        theta = q.start
        grads = [q.grad(theta, i) for i in range(k)]
        checked = 0
        for i in range(k):
            for j in range(k):
                if i == j:
                    continue
                r = q.bracket(theta, i, j)
                truths = {names[t]: float(r @ grads[t]) for t in range(k)}
                truths[cp.MEAN] = float(r @ sum(grads) / k)
                for target, truth in truths.items():
                    got = m.p[(names[i], names[j], target)]
                    self.assertLess(abs(got - truth), 1e-10 * abs(truth), (i, j, target, got, truth))
                    checked += 1
                # Bracket RMS: one tensor, so it is |R| / sqrt(n).
                self.assertAlmostEqual(m.bracket_rms[(names[i], names[j])]["theta"],
                                       float(r.norm()) / n ** 0.5, delta=1e-10 * float(r.norm()))
        self.assertEqual(checked, k * (k - 1) * (k + 1))
        return m

    def test_two_domains(self):
        self.check(2, 7, seed=1, groups=2)

    def test_three_domains_many_groups(self):
        m = self.check(3, 5, seed=2, groups=6)
        self.assertEqual(m.replicates, 3)
        # Identical batches: every replicate agrees, so the standard error is 0 (to rounding).
        self.assertLess(max(m.stderr.values()), 1e-9)

    def test_cost_is_one_hvp_per_domain_and_target(self):
        # K domains and T domain targets: at most K*T HVPs per full pass over the data (the mean is
        # free), never K^2 per target; the RMS brackets add K(K-1) when asked for. With every domain a
        # target, group 1's batches need only K - 1 HVPs (their own domain's product cancels in P), and
        # every batch's gradient is taken once; with fewer targets, each batch's gradient twice, once
        # for its group's stored gradients and once inside a target's streamed vector (replicate_passes).
        k, groups = 4, 2
        q = Quadratics(k, 3, seed=3)
        batches = {f"d{i}": [i] * groups for i in range(k)}
        batch_total = k * groups
        per_group = batch_total // 2
        m = cp.measure(Theta(q.start), q.loss, batches, step=0, groups=groups, rms=False)
        self.assertEqual(m.hessian_vector_products, per_group * k + per_group * (k - 1))
        self.assertEqual(m.gradient_passes, batch_total)
        m = cp.measure(Theta(q.start), q.loss, batches, step=0, groups=groups, targets=["d1"], rms=False)
        self.assertEqual(m.hessian_vector_products, batch_total * 1)
        self.assertEqual(m.gradient_passes, batch_total + groups)  # + d1's batches, once per group
        m = cp.measure(Theta(q.start), q.loss, batches, step=0, groups=groups, targets=[cp.MEAN], rms=False)
        self.assertEqual(m.hessian_vector_products, batch_total * 1)
        self.assertEqual(m.gradient_passes, 2 * batch_total)  # the mean's vector takes every batch again
        m = cp.measure(Theta(q.start), q.loss, batches, step=0, groups=groups, rms=True)
        self.assertEqual(m.hessian_vector_products, per_group * (2 * k - 1) + batch_total * (k - 1))

    def test_keeps_k_plus_one_model_sized_buffers(self):
        # The probe's own model-sized vectors (all made by ParameterSpace.zeros): K stored group
        # gradients and one streamed vector at a time, for both plans and any number of groups (the
        # 2K of keeping both groups' gradients would fail). Counted at every allocation, where the
        # number alive can only have grown.
        k = 4
        q = Quadratics(k, 3, seed=5)
        original = cp.autograd_passes.ParameterSpace.zeros
        live, peak = [], [0]

        def counting_zeros(space, *leading):
            out = original(space, *leading)
            live.append((weakref.ref(out), out.numel() // space.numel))
            peak[0] = max(peak[0], sum(n for ref, n in live if ref() is not None))
            return out

        for targets in (None, ["d1"], [cp.MEAN], ["d0", "d1", cp.MEAN]):
            for groups in (2, 6):
                live.clear()
                peak[0] = 0
                batches = {f"d{i}": [i] * groups for i in range(k)}
                with mock.patch.object(cp.autograd_passes.ParameterSpace, "zeros", counting_zeros):
                    cp.measure(Theta(q.start), q.loss, batches, step=0, groups=groups, targets=targets, rms=False)
                self.assertEqual(peak[0], k + 1, (targets, groups))

    def test_skips_frozen_parameters(self):
        q = Quadratics(2, 4, seed=4)
        model = Theta(q.start)
        model.frozen = torch.nn.Parameter(torch.ones(3), requires_grad=False)
        m = cp.measure(model, q.loss, {"a": [0, 0], "b": [1, 1]}, step=0)
        self.assertEqual(list(m.bracket_rms[("a", "b")]), ["theta"])


if __name__ == "__main__":
    unittest.main()
