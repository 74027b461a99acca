"""The demo run: a small MLP trained with SGD on two synthetic regression domains on CPU, measured
with the probe at checkpoints (P-values, standard errors, RMS), with the eq. 9/10 interventions
from every checkpoint, written to a CommuteLab log. Deterministic for a given seed."""

import time

import torch

from .intervene import intervene, weighted_train_step
from .log_writer import LogWriter
from .measure import measure

DOMAINS = ("waves", "ridges")


def _domain_data(name, count, generator):
    x = torch.randn(count, 8, generator=generator)
    if name == "waves":
        y = torch.sin(2.0 * x[:, 0]) + 0.5 * torch.cos(x[:, 1] * x[:, 2])
    else:
        y = torch.relu(x[:, 0] + x[:, 3]) - 0.5 * x[:, 1] ** 2 + 0.3 * x[:, 4]
    return x, y.unsqueeze(1) + 0.05 * torch.randn(count, 1, generator=generator)


def _batches(x, y, size):
    return [(x[i : i + size], y[i : i + size]) for i in range(0, len(x) - size + 1, size)]


def mse(model, batch):
    x, y = batch
    return torch.nn.functional.mse_loss(model(x), y)


def run_demo(out, seed=0, steps=400, checkpoints=4, delta_t=10, groups=8, log=print):
    started = time.perf_counter()
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    train = {d: _domain_data(d, 32 * steps, generator) for d in DOMAINS}
    probe = {d: _batches(*_domain_data(d, 64 * 2 * groups, generator), 64) for d in DOMAINS}
    held_out = {d: _batches(*_domain_data(d, 1024, generator), 256) for d in DOMAINS}
    train_batches = {d: _batches(*train[d], 32) for d in DOMAINS}

    model = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.Tanh(), torch.nn.Linear(32, 32), torch.nn.Tanh(),
                                torch.nn.Linear(32, 1))
    lr = 0.05
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    weights = {d: 0.5 for d in DOMAINS}
    step_fn = weighted_train_step(mse)
    every = steps // checkpoints
    with LogWriter(out, DOMAINS, learning_rate=lr, base_weights=weights,
                   metadata={"model": "MLP 8-32-32-1 tanh", "optimizer": "SGD", "batch_size": 32, "seed": seed,
                             "probe_groups": groups, "command": f"python3 -m commutelab_probe demo --seed {seed}"}) as writer:
        for s in range(1, steps + 1):
            step_fn(model, optimizer, {d: train_batches[d][s - 1] for d in DOMAINS}, weights)
            if s % every:
                continue
            m = measure(model, mse, probe, step=s, groups=groups)
            held = {d: sum(float(mse(model, b)) for b in held_out[d]) / len(held_out[d]) for d in DOMAINS}
            writer.checkpoint(s, held)
            writer.measurement(m)
            window = {d: train_batches[d][s : s + 2 * delta_t] for d in DOMAINS}
            if min(len(w) for w in window.values()) < 2 * delta_t:
                window = {d: train_batches[d][: 2 * delta_t] for d in DOMAINS}  # past the end: reuse data
            ivs = intervene(model, optimizer, step_fn, window, weights=weights, t0_step=s, delta_t=delta_t,
                            delta_w=[0.15, 0.3, 0.45], order=[tuple(DOMAINS), tuple(reversed(DOMAINS))],
                            loss_fn=mse, eval_batches=held_out)
            writer.intervention(ivs)
            a, b = DOMAINS
            log(f"step {s}: held-out loss {held[a]:.4f} / {held[b]:.4f}; "
                f"P({b},{a};{a}) = {m.p[(b, a, a)]:.4g} ± {m.stderr[(b, a, a)]:.2g}; "
                f"EL^{{21}} at dw=0.45: {ivs[-1].excess[a]:.3g} / {ivs[-1].excess[b]:.3g}")
    log(f"wrote {out} in {time.perf_counter() - started:.1f} s")
