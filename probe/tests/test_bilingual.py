"""The reduced bilingual experiment (probe/examples/bilingual.py --reduced, issue 13) end to end: it
trains, measures, intervenes and writes logs that `commutelab import` reads with every count as
expected; standard errors are positive and finite; every intervention is paired with its base run
at the same tokens per domain; the held-out losses of the base run fall; and a second run with the
same seed writes the identical balanced log (all but the command line in its metadata). Its figures are not compared with the paper."""

import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

import commutelab_probe as cp

PROBE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(PROBE_DIR, "examples", "bilingual.py")


@unittest.skipUnless(os.path.isdir("/usr/share/games/fortunes/ru") and os.path.isdir("/usr/share/games/fortunes/de"),
                     "fortunes-ru / fortunes-de are not installed")
class ReducedBilingual(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.first, cls.second = os.path.join(cls.dir.name, "a"), os.path.join(cls.dir.name, "b")
        run = lambda out, *extra: subprocess.run([sys.executable, SCRIPT, "--reduced", "--seed", "3", "--out", out,
                                                  *extra], check=True, timeout=900, capture_output=True, text=True)
        cls.output = run(cls.first, "--parts", "balanced,imbalanced,tournament,tournament-sgd").stdout
        run(cls.second, "--parts", "balanced")
        with open(os.path.join(cls.first, "summary.json")) as f:
            cls.summary = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def records(self, name):
        return cp.read_complete_records(os.path.join(self.first, f"{name}.jsonl"))

    def test_same_seed_same_log(self):
        with open(os.path.join(self.first, "balanced.jsonl"), "rb") as a, open(os.path.join(self.second, "balanced.jsonl"), "rb") as b:
            first, second = a.read().split(b"\n", 1), b.read().split(b"\n", 1)
        self.assertEqual(first[1], second[1])  # every record after the run line, byte for byte
        runs = [json.loads(x[0]) for x in (first, second)]
        for run in runs:
            run["metadata"].pop("command")  # names the output folder and the parts run
        self.assertEqual(runs[0], runs[1])

    def test_logs(self):
        for name in ("balanced", "imbalanced"):
            records = self.records(name)
            kinds = [r["type"] for r in records]
            # Checkpoints at 0, 12, 24; P(ru, en; en), P(ru, en; ru) at 12 and 24; 2 orders x 3 dw per checkpoint.
            self.assertEqual((kinds.count("checkpoint"), kinds.count("p"), kinds.count("intervention")), (3, 4, 12), name)
            for r in records:
                if r["type"] == "p":
                    self.assertTrue(math.isfinite(r["stderr"]) and r["stderr"] > 0, r)
            checkpoints = [r for r in records if r["type"] == "checkpoint"]
            for d in range(2):
                self.assertLess(checkpoints[-1]["loss"][d], checkpoints[0]["loss"][d], (name, d))
            by_start = {}
            for r in records:
                if r["type"] == "intervention":
                    by_start.setdefault(r["start"], []).append(r)
            self.assertEqual(sorted(by_start), [12, 24])
            for ivs in by_start.values():
                self.assertEqual(len({json.dumps(r["base_loss"]) for r in ivs}), 1)  # one base run per start
                self.assertEqual(sorted(r["delta_w"] for r in ivs if r["order"] == ["en", "ru"]),
                                 [0.15, 0.3, 0.45] if name == "balanced" else [0.03, 0.06, 0.09])
            for row in self.summary[name]["checkpoints"]:
                for sums, base in row["weight_sums"]:
                    for d in ("en", "ru"):
                        self.assertAlmostEqual(sums[d], base[d], delta=1e-9)
        self.assertGreater([r["type"] for r in self.records("balanced")].count("rms"), 0)

    def test_importer_reads_the_logs(self):
        binary = os.environ.get("COMMUTELAB_BINARY", "")
        if not binary or not os.path.exists(binary):
            self.skipTest("COMMUTELAB_BINARY is not set (run through CTest)")
        for name in ("balanced", "imbalanced"):
            done = subprocess.run([binary, "import", os.path.join(self.first, f"{name}.jsonl"), "--json"],
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 0, done.stderr)
            report = json.loads(done.stdout)
            self.assertEqual((report["checkpoints"], report["p_values"], report["interventions"], report["warnings"]),
                             (3, 4, 12, 0))
            self.assertEqual(report["cells_compared"], 24)  # 12 interventions x 2 languages, each with a P at t0

    def test_tournament_and_advice_ran(self):
        t = self.summary["tournament"]
        self.assertEqual(t["seeds"], 2)
        for run in t["runs"]:
            self.assertEqual(len(run["final_mean_loss"]), 6)
            self.assertTrue(1 <= run["rank"] <= 6)
        advice = self.summary["imbalanced"]["advice"]
        self.assertEqual(set(advice["advised_final"]), {"en", "ru"})

    def test_sgd_curricula_follow_the_second_order_prediction(self):
        """Trained by plain SGD (lr * tau = 0.1 here), each of the 3! curricula changes the mean held-out loss by
        what the bracket predicts, (lr tau)^2 / 2 * sum_{A before B} P(L_A, L_B; L_mean) up to a constant (science
        page, "N domains"): the prediction must explain the observed changes (correlation over the six orders) at
        about their size, and the planned order must be the best one. A sign or factor error in the probe, the
        planner's objective or the scaling fails this."""
        runs = self.summary["tournament_sgd"]["runs"]
        self.assertEqual(len(runs), 2)
        for run in runs:
            orders = sorted(run["predicted_mean_loss_change"])
            predicted = [run["predicted_mean_loss_change"][o] for o in orders]
            observed = [run["observed_mean_loss_change"][o] for o in orders]
            mp, mo = sum(predicted) / 6, sum(observed) / 6
            correlation = sum((p - mp) * (o - mo) for p, o in zip(predicted, observed)) / math.sqrt(
                sum((p - mp) ** 2 for p in predicted) * sum((o - mo) ** 2 for o in observed))
            slope = sum(p * o for p, o in zip(predicted, observed)) / sum(p * p for p in predicted)
            self.assertGreater(correlation, 0.95, run)
            self.assertTrue(0.5 < slope < 2.0, (slope, run))
            self.assertEqual(run["rank"], 1, run)


if __name__ == "__main__":
    unittest.main()
