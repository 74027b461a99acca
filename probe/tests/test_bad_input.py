"""Bad input gives a ProbeError naming the domain and the batch, and the log keeps only complete
records: unknown domain names, empty batch iterables, a loss that is not a scalar, NaN losses."""

import json
import math
import os
import tempfile
import unittest


import commutelab_probe as cp
from tests.models import Quadratics, Theta


class BadInput(unittest.TestCase):
    def setUp(self):
        self.q = Quadratics(2, 3, seed=31)
        self.model = Theta(self.q.start)
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "run.jsonl")
        self.writer = cp.LogWriter(self.path, ["a", "b"], learning_rate=0.1)

    def tearDown(self):
        self.writer.close()
        self.dir.cleanup()

    def assert_log_complete(self, records):
        with open(self.path, "rb") as f:
            text = f.read().decode("utf-8")
        self.assertTrue(text.endswith("\n"))
        lines = text.splitlines()
        self.assertEqual(len(lines), records)
        for line in lines:
            json.loads(line)

    def measure_and_log(self, loss_fn, batches, **kw):
        m = cp.measure(self.model, loss_fn, batches, step=1, **kw)
        self.writer.measurement(m)

    def test_unknown_target_domain(self):
        with self.assertRaisesRegex(cp.ProbeError, "unknown target 'c'; the domains are a, b"):
            self.measure_and_log(self.q.loss, {"a": [0, 0], "b": [1, 1]}, targets=["a", "c"])
        self.assert_log_complete(1)

    def test_empty_batches(self):
        with self.assertRaisesRegex(cp.ProbeError, "domain 'b': empty batch iterable"):
            self.measure_and_log(self.q.loss, {"a": [0, 0], "b": iter([])})
        with self.assertRaisesRegex(cp.ProbeError, "domain 'a': 3 batches, but groups=4 needs at least 4"):
            self.measure_and_log(self.q.loss, {"a": [0, 0, 0], "b": [1] * 4}, groups=4)
        self.assert_log_complete(1)

    def test_loss_not_scalar(self):
        def vector_loss(model, i):
            return (model.theta - self.q.b[i]) ** 2

        with self.assertRaisesRegex(cp.ProbeError, r"domain 'a', batch 0: loss is not a scalar: shape \(3,\)"):
            self.measure_and_log(vector_loss, {"a": [0, 0], "b": [1, 1]})
        with self.assertRaisesRegex(cp.ProbeError, "domain 'a', batch 0: loss_fn returned float, not a tensor"):
            self.measure_and_log(lambda model, i: 1.0, {"a": [0, 0], "b": [1, 1]})
        self.assert_log_complete(1)

    def test_nan_loss_names_domain_and_batch(self):
        def loss(model, batch):
            i, bad = batch
            value = self.q.loss(model, i)
            return value * math.nan if bad else value

        with self.assertRaisesRegex(cp.ProbeError, "domain 'b', batch 2: loss is nan"):
            self.measure_and_log(loss, {"a": [(0, False)] * 4, "b": [(1, False)] * 2 + [(1, True)] + [(1, False)]})
        self.assert_log_complete(1)
        # A good measurement afterwards appends complete records only.
        self.measure_and_log(self.q.loss, {"a": [0, 0], "b": [1, 1]})
        self.assert_log_complete(1 + 1 + 2 + 1)  # run, checkpoint, p for targets a and b, one rms tensor

    def test_writer_refuses_bad_names_and_duplicates(self):
        with self.assertRaisesRegex(cp.ProbeError, "domain name 'en ru' is not allowed"):
            cp.LogWriter(os.path.join(self.dir.name, "x.jsonl"), ["en ru", "de"])
        with self.assertRaisesRegex(cp.ProbeError, "checkpoint at step 5: no value for \\['b'\\]"):
            self.writer.checkpoint(5, {"a": 1.0})
        self.writer.checkpoint(5, {"a": 1.0, "b": 2.0})
        with self.assertRaisesRegex(cp.ProbeError, "a checkpoint at step 5 is already in"):
            self.writer.checkpoint(5, {"a": 1.0, "b": 2.0})
        self.assert_log_complete(2)

    def test_measure_needs_parameters_and_domains(self):
        with self.assertRaisesRegex(cp.ProbeError, "at least two domains"):
            cp.measure(self.model, self.q.loss, {"a": [0, 0]}, step=0)
        with self.assertRaisesRegex(cp.ProbeError, "groups must be an even integer"):
            cp.measure(self.model, self.q.loss, {"a": [0, 0], "b": [1, 1]}, step=0, groups=3)
        frozen = Theta(self.q.start)
        frozen.theta.requires_grad_(False)
        with self.assertRaisesRegex(cp.ProbeError, "no parameter that requires grad"):
            cp.measure(frozen, self.q.loss, {"a": [0, 0], "b": [1, 1]}, step=0)


if __name__ == "__main__":
    unittest.main()
