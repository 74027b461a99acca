"""Benchmark driver for commutelab_probe.measure (issue 12; tools/bench_probe.sh runs it).

Time: in one process, for K domains on a ~10 M-parameter float32 MLP on CPU, measure() against the
bare autograd passes the estimator needs, written with plain torch.autograd.grad: one gradient per
batch, then per batch one differentiable gradient and one Hessian-vector product per target (K domain
targets; the mean comes free). measure() orders its passes to keep fewer vectors alive (it builds a
batch's graph once per HVP, and needs K - 1 HVPs on half the batches: replicate_passes.py); the
reference stays the bare passes above, so those extra forward passes count against measure(). Same batches, same order; `--repeat` pairs (bare, measure) run
alternately, CPU time of each, ratio per pair; median [min-max] printed.
Memory: peak RSS (sampled every 2 ms) of a fresh process running one measure() against a fresh
process running one double-backward pass (gradient with graph + one HVP), both after the same
setup, `--memory-repeat` pairs; reported as the total peak and as the increment over the RSS
before the pass.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import torch

WIDTH, GROUPS = 2048, 2  # one batch per group and domain
BATCH = 64  # --batch


def model_and_data(k, seed=0):
    torch.manual_seed(seed)
    # 1024 -> 2048 -> 2048 -> 2048 -> 256: 10.9 M parameters.
    model = torch.nn.Sequential(torch.nn.Linear(1024, WIDTH), torch.nn.Tanh(), torch.nn.Linear(WIDTH, WIDTH),
                                torch.nn.Tanh(), torch.nn.Linear(WIDTH, WIDTH), torch.nn.Tanh(),
                                torch.nn.Linear(WIDTH, 256))
    data = {f"d{i}": [(torch.randn(BATCH, 1024), torch.randn(BATCH, 256)) for _ in range(GROUPS)]
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


def cpu_seconds(fn):
    start = time.process_time()
    fn()
    return time.process_time() - start


def spread(values):
    """median [min-max] of a list of numbers, as text."""
    return f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]"


def time_case(k, repeat):
    """`repeat` pairs (bare passes, measure()) run alternately in one process, so that a change of
    the machine's load during the run hits both sides alike; per pair the ratio, then medians."""
    import commutelab_probe as cp

    model, data = model_and_data(k)
    params = sum(p.numel() for p in model.parameters())
    bare, probe = [], []
    for _ in range(repeat):
        bare.append(cpu_seconds(lambda: bare_passes(model, data)))
        probe.append(cpu_seconds(lambda: cp.measure(model, mse, data, step=0, groups=GROUPS, rms=False)))
    return {"K": k, "params": params, "bare_s": bare, "measure_s": probe,
            "ratio": [m / b for m, b in zip(probe, bare)]}


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
        cp.measure(model, mse, data, step=0, groups=GROUPS, rms=False)
    else:
        params = list(model.parameters())
        g = torch.autograd.grad(mse(model, data["d0"][0]), params, create_graph=True)
        dot = sum((gi * gi.detach()).sum() for gi in g)
        torch.autograd.grad(dot, params)
    sampler.__exit__()
    print(json.dumps({"setup_kb": sampler.before, "peak_kb": sampler.peak}))


def memory_runs(k, repeat, threads):
    """Peak RSS of `repeat` fresh processes each for measure() and for one double-backward pass,
    alternating; per pair the ratio of total peaks."""
    runs = {"measure": [], "double_backward": []}
    for _ in range(repeat):
        for what in runs:
            command = [sys.executable, __file__, "--batch", str(BATCH), "--width", str(WIDTH), "--groups", str(GROUPS),
                       "--threads", str(threads), "--memory-child", str(k), what]
            out = subprocess.run(command, capture_output=True, text=True, check=True)
            runs[what].append(json.loads(out.stdout.strip().splitlines()[-1]))
    return runs


def main():
    global BATCH, WIDTH, GROUPS
    parser = argparse.ArgumentParser()
    parser.add_argument("--domains", default="2,3,8")
    parser.add_argument("--repeat", type=int, default=3, help="time pairs per K (0: memory only)")
    parser.add_argument("--memory-repeat", type=int, default=2, help="fresh-process pairs per K (0: time only)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--width", type=int, default=WIDTH, help="hidden width (2048: 11 M parameters)")
    parser.add_argument("--groups", type=int, default=GROUPS, help="groups of measure(), one batch each")
    parser.add_argument("--memory-child", nargs=2, metavar=("K", "WHAT"))
    args = parser.parse_args()
    BATCH, WIDTH, GROUPS = args.batch, args.width, args.groups
    # One thread by default: CPU time then counts work only, not OpenMP workers spinning at barriers,
    # which on an oversubscribed machine varies from run to run.
    torch.set_num_threads(args.threads)
    if args.memory_child:
        memory_case(int(args.memory_child[0]), args.memory_child[1])
        return
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), batch {BATCH}, "
          f"groups={GROUPS} (one batch each) per domain, rms off, float32, CPU; "
          f"time: CPU seconds, {args.repeat} alternating pairs; memory: peak RSS, {args.memory_repeat} "
          f"fresh-process pairs; figures are median [min-max]", flush=True)
    for k in (int(x) for x in args.domains.split(",")):
        if args.repeat > 0:  # --repeat 0: memory only
            t = time_case(k, args.repeat)
            print(f"K={k}: {t['params'] / 1e6:.1f} M params; CPU time measure {spread(t['measure_s'])} s, bare "
                  f"passes {spread(t['bare_s'])} s, ratio {spread(t['ratio'])} (target <= 1.5)", flush=True)
        if args.memory_repeat <= 0:  # --memory-repeat 0: time only
            continue
        mem = memory_runs(k, args.memory_repeat, args.threads)
        m, d = mem["measure"], mem["double_backward"]
        mb = lambda runs, key: [r[key] / 1024 for r in runs]  # noqa: E731
        above = lambda runs: [(r["peak_kb"] - r["setup_kb"]) / 1024 for r in runs]  # noqa: E731
        ratio = [a["peak_kb"] / b["peak_kb"] for a, b in zip(m, d)]
        print(f"K={k}: peak RSS measure {spread(mb(m, 'peak_kb'))} MB vs one double-backward pass "
              f"{spread(mb(d, 'peak_kb'))} MB, ratio {spread(ratio)} (target <= 1.5); above the RSS before "
              f"the pass {spread(above(m))} MB vs {spread(above(d))} MB", flush=True)


if __name__ == "__main__":
    main()
