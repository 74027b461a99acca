"""LogWriter: records equal the Measurement and Intervention values bit for bit (read back with
Python's json, an independent reader), non-finite numbers are the strings the app reads, and a log
cut mid-line (a killed writer) is read up to its last complete record and continued cleanly."""

import json
import math
import os
import tempfile
import unittest

import commutelab_probe as cp
from tests.models import Quadratics, Theta


class Writer(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "run.jsonl")
        q = Quadratics(3, 4, seed=41)
        self.m = cp.measure(Theta(q.start), q.loss, {"en": [0] * 4, "ru": [1] * 4, "de": [2] * 4}, step=200, groups=4)
        self.iv = cp.Intervention(start=200, length=10, delta_w=0.15, order=("en", "ru"),
                                  excess={"en": -0.01, "ru": math.nan, "de": math.inf},
                                  loss={"en": 1.0, "ru": 2.0, "de": 3.0}, base_loss={"en": 1.01, "ru": 2.0, "de": 3.0})

    def tearDown(self):
        self.dir.cleanup()

    def write(self):
        with cp.LogWriter(self.path, ["en", "ru", "de"], learning_rate=1.5e-4, base_weights={"en": 0.5, "ru": 0.3, "de": 0.2},
                          metadata={"model": "quadratic", "batch_size": 4}) as w:
            w.measurement(self.m)
            w.intervention(self.iv)

    def test_records_hold_the_values(self):
        self.write()
        records = cp.read_complete_records(self.path)
        run = records[0]
        self.assertEqual((run["type"], run["domains"], run["learning_rate"], run["p_units"], run["base_weights"]),
                         ("run", ["en", "ru", "de"], 1.5e-4, "raw", [0.5, 0.3, 0.2]))
        self.assertEqual(run["metadata"]["batch_size"], "4")
        self.assertEqual(run["metadata"]["p_estimator"], "independent-groups")
        checkpoint = records[1]
        self.assertEqual(checkpoint["loss"], [self.m.loss[d] for d in ["en", "ru", "de"]])
        ps = [r for r in records if r["type"] == "p"]
        # One orientation per pair (P(L_b, L_a; L_k), a before b), every domain target: 3 pairs x 3 targets.
        self.assertEqual(len(ps), 9)
        for r in ps:
            key = (r["pair"][0], r["pair"][1], r["target"])
            self.assertEqual(r["value"], self.m.p[key])
            self.assertEqual(r["stderr"], self.m.stderr[key])
            self.assertEqual(r["samples"], 12)
        self.assertEqual({tuple(r["pair"]) for r in ps}, {("ru", "en"), ("de", "en"), ("de", "ru")})
        rms = [r for r in records if r["type"] == "rms"]
        self.assertEqual(len(rms), 3)
        for r in rms:
            self.assertEqual(r["bracket_rms"], self.m.bracket_rms[tuple(r["pair"])][r["tensor"]])
        iv = records[-1]
        self.assertEqual(iv["excess"], [-0.01, "NaN", "Infinity"])
        self.assertEqual(iv["order"], ["en", "ru"])

    def test_cut_log_reads_to_last_complete_record_and_continues(self):
        self.write()
        with open(self.path, "rb") as f:
            data = f.read()
        complete = data.count(b"\n")
        cut = data.rfind(b"\n", 0, len(data) - 1) + 25  # 25 bytes into the last line
        with open(self.path, "wb") as f:
            f.write(data[:cut])
        records = cp.read_complete_records(self.path)
        self.assertEqual(len(records), complete - 1)
        self.assertEqual(records[-1]["type"], "rms")
        # Reopening cuts the partial line away and appends whole records after the last complete one.
        with cp.LogWriter(self.path, ["en", "ru", "de"]) as w:
            w.intervention(self.iv)
            with self.assertRaisesRegex(cp.ProbeError, "a checkpoint at step 200 is already in"):
                w.checkpoint(200, {"en": 1, "ru": 2, "de": 3})
        with open(self.path, "rb") as f:
            lines = f.read().decode("utf-8").splitlines()
        self.assertEqual(len(lines), complete)
        for line in lines:
            json.loads(line)
        self.assertEqual(json.loads(lines[-1])["type"], "intervention")

    def test_refuses_to_append_to_another_run(self):
        self.write()
        with self.assertRaisesRegex(cp.ProbeError, "exists with another run"):
            cp.LogWriter(self.path, ["en", "ru"])


if __name__ == "__main__":
    unittest.main()
