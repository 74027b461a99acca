"""intervene() runs the paper's eqs. 9/10 from a checkpoint: (1) its excess losses equal a direct,
independent re-implementation of the weight schedule; (2) at small step size the order effect
(EL_k^{ab} - EL_k^{ba}) / 2 approaches the science page's leading term dw (gamma dt)^2 P(L_a, L_b; L_k)
(two domains, SGD, flow time gamma*dt per window), with the ratio -> 1 as gamma -> 0; (3) the model, the optimizer state and the
random state are restored."""

import unittest

import torch

import commutelab_probe as cp
from tests.models import Quadratics, Theta


def run_schedule(q, start, lr, weights_per_step):
    """Plain gradient descent on sum_k w_k L_k, written out without the probe."""
    theta = start.clone()
    for w in weights_per_step:
        theta = theta - lr * sum(w[i] * q.grad(theta, i) for i in range(len(w)))
    return theta


def loss(q, theta, i):
    d = theta - q.b[i]
    return float(0.5 * d @ q.A[i] @ d)


class Intervene(unittest.TestCase):
    def setUp(self):
        self.q = Quadratics(2, 5, seed=21)
        self.names = ["a", "b"]

    def intervene(self, lr, dt, dw, order, optimizer_kind="sgd"):
        model = Theta(self.q.start)
        optimizer = (torch.optim.SGD(model.parameters(), lr=lr) if optimizer_kind == "sgd"
                     else torch.optim.Adam(model.parameters(), lr=lr))
        step = cp.weighted_train_step(self.q.loss)
        batches = {"a": [0] * (2 * dt), "b": [1] * (2 * dt)}
        result = cp.intervene(model, optimizer, step, batches, weights={"a": 0.5, "b": 0.5}, t0_step=100,
                              delta_t=dt, delta_w=dw, order=order, loss_fn=self.q.loss,
                              eval_batches={"a": [0], "b": [1]})
        return model, optimizer, result

    def test_matches_direct_schedule(self):
        lr, dt, dw = 0.05, 4, 0.3
        for order in (("a", "b"), ("b", "a")):
            _, _, iv = self.intervene(lr, dt, dw, order)
            sign = 1 if order == ("a", "b") else -1
            early, late = (0.5 + sign * dw, 0.5 - sign * dw), (0.5 - sign * dw, 0.5 + sign * dw)
            base = run_schedule(self.q, self.q.start, lr, [(0.5, 0.5)] * (2 * dt))
            moved = run_schedule(self.q, self.q.start, lr, [early] * dt + [late] * dt)
            for i, n in enumerate(self.names):
                expected = loss(self.q, moved, i) - loss(self.q, base, i)
                self.assertAlmostEqual(iv.excess[n], expected, delta=1e-12 * max(1, abs(expected)))
                self.assertAlmostEqual(iv.base_loss[n], loss(self.q, base, i), delta=1e-12)
            self.assertEqual((iv.start, iv.length, iv.delta_w, iv.order), (100, dt, dw, order))
            # Same amount of each domain as the base run (eqs. 9/10): 2 dt * w per domain.
            for n in self.names:
                self.assertAlmostEqual(iv.weight_sums[n], 2 * dt * 0.5, delta=1e-12)
                self.assertAlmostEqual(iv.base_weight_sums[n], 2 * dt * 0.5, delta=1e-12)

    def test_leading_term_is_dw_times_flow_time_squared_times_p(self):
        # Discrete SGD adds to each one-sided EL a term dw^2 gamma^2 dt <(H_a - H_b)(g_a - g_b), g_k> that
        # the flow does not have (the diagonal of the double sum over steps) and that is the same for both
        # orders; the order effect (EL^{ab} - EL^{ba}) / 2 is the bracket's alone.
        theta = self.q.start
        r = self.q.bracket(theta, 0, 1)
        dt, dw = 3, 0.2
        deviations = []
        for lr in (1e-2, 1e-3, 1e-4, 1e-5):
            _, _, (ab, ba) = self.intervene(lr, dt, dw, [("a", "b"), ("b", "a")])
            worst = 0
            for i, n in enumerate(self.names):
                predicted = dw * (lr * dt) ** 2 * float(r @ self.q.grad(theta, i))
                worst = max(worst, abs((ab.excess[n] - ba.excess[n]) / 2 / predicted - 1))
            deviations.append(worst)
        self.assertLess(deviations[-1], 1e-3, deviations)
        for coarse, fine in zip(deviations, deviations[1:]):
            self.assertGreater(coarse / fine, 5, deviations)  # O(gamma)

    def test_restores_model_optimizer_and_random_state(self):
        model = Theta(self.q.start)
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
        step = cp.weighted_train_step(self.q.loss)
        for _ in range(3):  # give Adam some state
            step(model, optimizer, {"a": 0, "b": 1}, {"a": 0.5, "b": 0.5})
        before = model.theta.detach().clone()
        exp_avg = optimizer.state[model.theta]["exp_avg"].clone()
        torch.manual_seed(5)
        rng = torch.get_rng_state()
        cp.intervene(model, optimizer, step, {"a": [0] * 4, "b": [1] * 4}, weights={"a": 0.5, "b": 0.5}, t0_step=3,
                     delta_t=2, delta_w=[0.1, 0.4], order=[("a", "b")], loss_fn=self.q.loss,
                     eval_batches={"a": [0], "b": [1]})
        self.assertTrue(torch.equal(model.theta.detach(), before))
        self.assertTrue(torch.equal(optimizer.state[model.theta]["exp_avg"], exp_avg))
        self.assertTrue(torch.equal(torch.get_rng_state(), rng))
        # The optimizer still drives the same parameter object.
        step(model, optimizer, {"a": 0, "b": 1}, {"a": 0.5, "b": 0.5})
        self.assertFalse(torch.equal(model.theta.detach(), before))

    def test_bad_arguments(self):
        with self.assertRaisesRegex(cp.ProbeError, "unknown domain 'c'"):
            self.intervene(0.1, 2, 0.1, ("a", "c"))
        with self.assertRaisesRegex(cp.ProbeError, "makes a weight negative"):
            self.intervene(0.1, 2, 0.6, ("a", "b"))
        model = Theta(self.q.start)
        with self.assertRaisesRegex(cp.ProbeError, "domain 'b': 3 training batches, the window needs"):
            cp.intervene(model, torch.optim.SGD(model.parameters(), lr=0.1), cp.weighted_train_step(self.q.loss),
                         {"a": [0] * 4, "b": [1] * 3}, weights={"a": 0.5, "b": 0.5}, t0_step=0, delta_t=2,
                         delta_w=0.1, order=("a", "b"), loss_fn=self.q.loss, eval_batches={"a": [0], "b": [1]})


if __name__ == "__main__":
    unittest.main()
