"""The standard error is honest and the estimator unbiased, on noisy quadratics whose true P is
known in closed form: each batch of domain i is 1/2 (theta - b_i - e)^T (A_i + E) (theta - b_i - e)
with Gaussian e and symmetric Gaussian E, so gradient *and* Hessian are noisy and correlated within a
batch, while the expected loss has gradient A_i (theta - b_i) and Hessian A_i. Over 200 seeded
repetitions the +-2 se interval must cover the truth 90-98 % of the time, and the mean estimate must
sit within 4 standard errors of the truth (where the same-batch estimator would be biased)."""

import unittest

import torch

import commutelab_probe as cp
from tests.models import Quadratics, Theta

REPETITIONS = 200
GROUPS = 32  # 16 independent replicates: +-2 se of a t(15) statistic covers 93.6 %


class NoisyQuadratics(Quadratics):
    def __init__(self, seed):
        super().__init__(2, 4, seed)

    def batches(self, generator, count):
        out = {}
        for i, name in enumerate(("a", "b")):
            items = []
            for _ in range(count):
                e = 0.5 * torch.randn(4, generator=generator)
                noise = 0.4 * torch.randn(4, 4, generator=generator)
                items.append((i, e, (noise + noise.T) / 2))
            out[name] = items
        return out

    def noisy_loss(self, model, batch):
        i, e, noise = batch
        d = model.theta - self.b[i] - e
        return 0.5 * d @ (self.A[i] + noise) @ d


class StandardError(unittest.TestCase):
    def test_coverage_and_bias(self):
        q = NoisyQuadratics(seed=11)
        model = Theta(q.start)
        theta = q.start
        r = q.bracket(theta, 0, 1)
        g = [q.grad(theta, 0), q.grad(theta, 1)]
        truth = {"a": float(r @ g[0]), "b": float(r @ g[1]), cp.MEAN: float(r @ (g[0] + g[1]) / 2)}
        generator = torch.Generator().manual_seed(2024)
        covered = {k: 0 for k in truth}
        estimates = {k: [] for k in truth}
        for _ in range(REPETITIONS):
            m = cp.measure(model, q.noisy_loss, q.batches(generator, GROUPS), step=0, groups=GROUPS, rms=False)
            for k, t in truth.items():
                est, se = m.p[("a", "b", k)], m.stderr[("a", "b", k)]
                self.assertGreater(se, 0)
                covered[k] += abs(est - t) <= 2 * se
                estimates[k].append(est)
        for k, t in truth.items():
            rate = covered[k] / REPETITIONS
            self.assertGreaterEqual(rate, 0.90, (k, rate))
            self.assertLessEqual(rate, 0.98, (k, rate))
            values = torch.tensor(estimates[k])
            error_of_mean = float(values.std()) / REPETITIONS**0.5
            self.assertLess(abs(float(values.mean()) - t), 4 * error_of_mean, (k, float(values.mean()), t))
        print(f"\n+-2 se coverage over {REPETITIONS} repetitions:",
              {k: covered[k] / REPETITIONS for k in truth}, "truth:", truth)


if __name__ == "__main__":
    unittest.main()
