"""Benchmark driver for commutelab_probe.measure (issue 12; tools/bench_probe.sh runs it).

Time: in one process, for K domains on a ~10 M-parameter float32 MLP on CPU, measure() against the
bare autograd passes it is made of, written with plain torch.autograd.grad: one gradient per batch,
then per batch one differentiable gradient and one Hessian-vector product per target (K domain
targets; the mean comes free). Same batches, same order; best of `--repeat` runs each; ratio.
Memory: peak RSS (sampled every 2 ms) of a fresh process running one measure() against a fresh
process running one double-backward pass (gradient with graph + one HVP), both after the same
setup; reported as the total peak and as the increment over the RSS before the pass.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import torch

WIDTH, BATCHES_PER_DOMAIN = 2048, 2
BATCH = 64  # --batch


def model_and_data(k, seed=0):
    torch.manual_seed(seed)
    # 1024 -> 2048 -> 2048 -> 2048 -> 256: 10.9 M parameters.
    model = torch.nn.Sequential(torch.nn.Linear(1024, WIDTH), torch.nn.Tanh(), torch.nn.Linear(WIDTH, WIDTH),
                                torch.nn.Tanh(), torch.nn.Linear(WIDTH, WIDTH), torch.nn.Tanh(),
                                torch.nn.Linear(WIDTH, 256))
    data = {f"d{i}": [(torch.randn(BATCH, 1024), torch.randn(BATCH, 256)) for _ in range(BATCHES_PER_DOMAIN)]
            for i in range(k)}
    return model, data


def mse(model, batch):
    x, y = batch
    return torch.nn.functional.mse_loss(model(x), y)


def bare_passes(model, data):
    params = [p for p in model.parameters() if p.requires_grad]
    grads = {d: [torch.autograd.grad(mse(model, b), params) for b in batches] for d, batches in data.items()}
    vectors = [grads[d][0] for d in data]  # one vector per domain target
    for d, batches in data.items():
        for b in batches:
            g = torch.autograd.grad(mse(model, b), params, create_graph=True)
            for j, v in enumerate(vectors):
                dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
                torch.autograd.grad(dot, params, retain_graph=j + 1 < len(vectors))


def timed(fn, repeat):
    """Best CPU time (all threads) of `repeat` runs: on a shared machine wall time measures the
    neighbours' load more than our work."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def time_case(k, repeat):
    import commutelab_probe as cp

    model, data = model_and_data(k)
    params = sum(p.numel() for p in model.parameters())
    bare = timed(lambda: bare_passes(model, data), repeat)
    probe = timed(lambda: cp.measure(model, mse, data, step=0, groups=2, rms=False), repeat)
    return {"K": k, "params": params, "bare_s": bare, "measure_s": probe, "ratio": probe / bare}


class RssSampler:
    """Peak resident set size during a block, sampled from /proc/self/statm every 2 ms (ru_maxrss
    cannot be used: model construction already peaks above the passes)."""

    def __enter__(self):
        import threading

        self.page = os.sysconf("SC_PAGE_SIZE")
        self.before = self.peak = self.rss()
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def rss(self):
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * self.page // 1024

    def run(self):
        while self.running:
            self.peak = max(self.peak, self.rss())
            time.sleep(0.002)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, self.rss())


def memory_case(k, what):
    import commutelab_probe as cp

    model, data = model_and_data(k)
    sampler = RssSampler().__enter__()
    if what == "measure":
        cp.measure(model, mse, data, step=0, groups=2, rms=False)
    else:
        params = list(model.parameters())
        g = torch.autograd.grad(mse(model, data["d0"][0]), params, create_graph=True)
        dot = sum((gi * gi.detach()).sum() for gi in g)
        torch.autograd.grad(dot, params)
    sampler.__exit__()
    print(json.dumps({"setup_kb": sampler.before, "peak_kb": sampler.peak}))


def main():
    global BATCH
    parser = argparse.ArgumentParser()
    parser.add_argument("--domains", default="2,3,8")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--memory-child", nargs=2, metavar=("K", "WHAT"))
    args = parser.parse_args()
    BATCH = args.batch
    if args.memory_child:
        memory_case(int(args.memory_child[0]), args.memory_child[1])
        return
    torch.set_num_threads(2)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {BATCH}, "
          f"{BATCHES_PER_DOMAIN} batches per domain, groups=2, float32, CPU")
    for k in (int(x) for x in args.domains.split(",")):
        t = time_case(k, args.repeat)
        mem = {}
        for what in ("measure", "double_backward"):
            out = subprocess.run([sys.executable, __file__, "--batch", str(BATCH), "--memory-child", str(k), what], capture_output=True,
                                 text=True, check=True)
            mem[what] = json.loads(out.stdout.strip().splitlines()[-1])
        m, d = mem["measure"], mem["double_backward"]
        print(f"K={k}: {t['params'] / 1e6:.1f} M params; time measure {t['measure_s']:.2f} s vs bare passes "
              f"{t['bare_s']:.2f} s: ratio {t['ratio']:.2f} (target <= 1.5); peak RSS measure "
              f"{m['peak_kb'] / 1024:.0f} MB vs one double-backward pass {d['peak_kb'] / 1024:.0f} MB: ratio "
              f"{m['peak_kb'] / d['peak_kb']:.2f} (target <= 1.5); above setup {(m['peak_kb'] - m['setup_kb']) / 1024:.0f}"
              f" MB vs {(d['peak_kb'] - d['setup_kb']) / 1024:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
