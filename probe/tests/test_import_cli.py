"""The demo's log is read by CommuteLab's C++ importer (`commutelab import --json`, the binary CTest
passes in COMMUTELAB_BINARY) with every count equal to what Python's json reads from the same file,
and the sign agreement it reports equal to an independent count here. A log cut mid-line is read up
to its last complete record by the probe and by the importer (which warns, naming the cut line)."""

import json
import os
import resource
import subprocess
import sys
import tempfile
import unittest

import commutelab_probe as cp

PROBE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sign(x):
    return (x > 0) - (x < 0)


class ImportDemoLog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.binary = os.environ.get("COMMUTELAB_BINARY", "")
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "demo.jsonl")
        env = dict(os.environ, PYTHONPATH=PROBE_DIR)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "commutelab_probe", "demo", "--out", cls.path], env=env, check=True,
                       timeout=300, stdout=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cls.demo_cpu_seconds = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def importer(self, path):
        if not self.binary or not os.path.exists(self.binary):
            self.skipTest("COMMUTELAB_BINARY is not set (run through CTest)")
        return subprocess.run([self.binary, "import", path, "--json"], capture_output=True, text=True, timeout=60)

    def test_demo_is_quick(self):
        self.assertLess(self.demo_cpu_seconds, 60)

    def test_importer_counts_equal_the_records(self):
        done = self.importer(self.path)
        self.assertEqual(done.returncode, 0, done.stderr)
        report = json.loads(done.stdout)
        records = cp.read_complete_records(self.path)
        kinds = [r["type"] for r in records]
        self.assertEqual(report["domains"], ["waves", "ridges"])
        self.assertEqual(report["checkpoints"], kinds.count("checkpoint"))
        self.assertEqual(report["p_values"], kinds.count("p"))
        self.assertEqual(report["interventions"], kinds.count("intervention"))
        self.assertEqual(report["warnings"], 0)
        self.assertEqual((kinds.count("checkpoint"), kinds.count("p"), kinds.count("intervention")), (4, 8, 24))
        self.assertGreater(kinds.count("rms"), 0)
        rms = [r for r in records if r["type"] == "rms"]
        self.assertEqual(report["rms_records"], len(rms))
        self.assertEqual(report["rms_tensors"], len({r["tensor"] for r in rms}))
        self.assertEqual(report["rms_steps"], len({r["step"] for r in rms}))
        self.assertEqual(report["writer"], records[0]["metadata"]["writer"])
        self.assertEqual(report["p_units"], records[0].get("p_units", "lr2"))
        # Sign agreement counted independently: order ab is predicted to change L_k by P(L_a, L_b; L_k);
        # the log holds P(L_b, L_a; L_k) for one orientation (antisymmetry gives the other).
        domains = records[0]["domains"]
        p = {}
        for r in records:
            if r["type"] == "p":
                p[(r["step"], r["pair"][0], r["pair"][1], r["target"])] = r["value"]
                p[(r["step"], r["pair"][1], r["pair"][0], r["target"])] = -r["value"]
        cells = agreeing = 0
        for r in records:
            if r["type"] != "intervention":
                continue
            for k, excess in zip(domains, r["excess"]):
                predicted = p[(r["start"], r["order"][0], r["order"][1], k)]
                cells += 1
                agreeing += sign(predicted) == sign(excess)
        self.assertEqual(report["cells_compared"], cells)
        self.assertEqual(report["cells_agreeing"], agreeing)

    def test_cut_log(self):
        with open(self.path, "rb") as f:
            data = f.read()
        lines = data.count(b"\n")
        cut_path = os.path.join(self.dir.name, "cut.jsonl")
        with open(cut_path, "wb") as f:
            f.write(data[: data.rfind(b"\n", 0, len(data) - 1) + 30])
        self.assertEqual(len(cp.read_complete_records(cut_path)), lines - 1)
        done = self.importer(cut_path)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn(f"cut.jsonl:{lines}:", done.stderr)  # the warning names the cut line
        self.assertIn("last line cut", done.stderr)
        self.assertEqual(json.loads(done.stdout)["interventions"], 23)
        # What a restarted LogWriter leaves (the cut line removed) imports with one intervention fewer.
        cp.LogWriter(cut_path, ["waves", "ridges"]).close()
        done = self.importer(cut_path)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(json.loads(done.stdout)["interventions"], 23)


if __name__ == "__main__":
    unittest.main()
