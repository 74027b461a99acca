"""Under torch.distributed (2 processes, gloo, CPU) each rank measures its share of the batches and
the sums are all-reduced: the Measurement equals the single-process one on the same batches to 1e-6
relative (P, standard errors, losses, RMS)."""

import os
import pickle
import tempfile
import unittest

import torch
import torch.distributed as dist
import torch.multiprocessing as mp

import commutelab_probe as cp
from tests.models import mlp, mse, regression_batch

DOMAINS = ("en", "ru", "de")
BATCHES = 8


def all_batches():
    return {d: [regression_batch(100 + i, k, size=8) for i in range(BATCHES)] for k, d in enumerate(DOMAINS)}


def summary(m):
    return {"p": m.p, "stderr": m.stderr, "loss": m.loss, "samples": m.samples,
            "rms": {k: v for k, v in m.bracket_rms.items()}, "grad_rms": m.grad_rms}


def rank_main(rank, world, init_file, out_dir):
    torch.set_default_dtype(torch.float64)
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=world)
    try:
        model = mlp(seed=7)
        # DistributedSampler's interleaving: rank r gets global batches r, r + world, ...
        shard = {d: b[rank::world] for d, b in all_batches().items()}
        m = cp.measure(model, mse, shard, step=10, groups=4)
        with open(os.path.join(out_dir, f"rank{rank}.pkl"), "wb") as f:
            pickle.dump(summary(m), f)
    finally:
        dist.destroy_process_group()


class Distributed(unittest.TestCase):
    def assert_close(self, a, b, path=""):
        if isinstance(a, dict):
            self.assertEqual(set(a), set(b), path)
            for k in a:
                self.assert_close(a[k], b[k], f"{path}/{k}")
        else:
            self.assertLessEqual(abs(a - b), 1e-6 * max(abs(a), abs(b), 1e-300), (path, a, b))

    def test_two_gloo_ranks_equal_one_process(self):
        with tempfile.TemporaryDirectory() as tmp:
            mp.spawn(rank_main, args=(2, os.path.join(tmp, "init"), tmp), nprocs=2, join=True)
            ranks = []
            for r in range(2):
                with open(os.path.join(tmp, f"rank{r}.pkl"), "rb") as f:
                    ranks.append(pickle.load(f))
        single = summary(cp.measure(mlp(seed=7), mse, all_batches(), step=10, groups=4))
        self.assertEqual(single["samples"], len(DOMAINS) * BATCHES)
        for r in ranks:
            self.assert_close(r, single)
        # Not trivially equal: a rank alone, without the all-reduce, measures something else.
        alone = cp.measure(mlp(seed=7), mse, {d: b[0::2] for d, b in all_batches().items()}, step=10, groups=4)
        key = ("en", "ru", "en")
        self.assertGreater(abs(alone.p[key] - single["p"][key]), 1e-3 * abs(single["p"][key]))


if __name__ == "__main__":
    unittest.main()
