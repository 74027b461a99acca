#!/usr/bin/python3
"""Reference implementation of paper Table 1 (§4.1, App. D) with numpy and scipy, single process.

Protocol (docs/science.md): n = 100, λ_j = 0.7^j, A_i = C_iᵀ diag(λ) C_i with Haar C_i, b_i and θ0
standard normal. θ(t) is the flow of L = (L1 + L2)/2; from it θ12 trains domain 1 alone for Δt then
domain 2 alone for Δt, and θ_base = θ(t + 2Δt). Cell value EL¹² / (½ Δt² P(L1, L2; L)(θ(t))) with
R(L1, L2)(θ) = A2 A1 (θ - b1) - A1 A2 (θ - b2) and P = <R, ∇L>. Median and 10/90 percentiles over
trials.

Every flow is a matrix exponential: θ' = -Aθ + c is linear in (θ, 1), so
θ(s) = top rows of expm(s [[-A, c], [0, 0]]) [θ; 1] — no A⁻¹, which matters because A has
eigenvalues down to 0.7^99 ≈ 5e-16.

Usage: /usr/bin/python3 tools/reference/table1_scipy.py [--trials 100] [--dim 100] [--seed 1]
Prints the table, "seconds: S" and "cpu_seconds: S" (the computation only, not the imports).
"""

import argparse
import time

import numpy as np
from scipy.linalg import expm


def haar(n, rng):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))  # Mezzadri's sign correction makes Q Haar-distributed


def affine_flow(a, c, theta, s):
    """Flow of θ' = -Aθ + c for time s, through one expm of the augmented matrix."""
    n = len(theta)
    m = np.zeros((n + 1, n + 1))
    m[:n, :n] = -a
    m[:n, n] = c
    return (expm(s * m) @ np.append(theta, 1.0))[:n]


def trial_ratios(n, times, steps, rng):
    lam = 0.7 ** np.arange(n)
    rotations = [haar(n, rng) for _ in range(2)]
    a = [ci.T @ np.diag(lam) @ ci for ci in rotations]
    b = [rng.standard_normal(n) for _ in range(2)]
    theta0 = rng.standard_normal(n)
    c = [a[i] @ b[i] for i in range(2)]
    a_mean, c_mean = 0.5 * (a[0] + a[1]), 0.5 * (c[0] + c[1])

    def mean_loss_difference(x, y):
        # L(x) - L(y) = Σ_i ¼ (x - y)ᵀ A_i (x + y - 2 b_i): no cancellation of two large values.
        return sum(0.25 * (x - y) @ a[i] @ (x + y - 2 * b[i]) for i in range(2))

    out = np.empty((len(times), len(steps)))
    for row, t in enumerate(times):
        theta = affine_flow(a_mean, c_mean, theta0, t)
        bracket = a[1] @ a[0] @ (theta - b[0]) - a[0] @ a[1] @ (theta - b[1])
        p = bracket @ (a_mean @ theta - c_mean)
        for col, dt in enumerate(steps):
            theta12 = affine_flow(a[1], c[1], affine_flow(a[0], c[0], theta, dt), dt)
            theta_base = affine_flow(a_mean, c_mean, theta, 2 * dt)
            out[row, col] = mean_loss_difference(theta12, theta_base) / (0.5 * dt * dt * p)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    times, steps = [0.1, 0.3, 1.0], [0.001, 0.01, 0.1]

    start, cpu_start = time.perf_counter(), time.process_time()
    rng = np.random.default_rng(args.seed)
    ratios = np.array([trial_ratios(args.dim, times, steps, rng) for _ in range(args.trials)])
    median = np.median(ratios, axis=0)
    p10, p90 = np.percentile(ratios, 10, axis=0), np.percentile(ratios, 90, axis=0)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start

    print("t \\ dt    " + "".join(f"{dt:<17g}" for dt in steps).rstrip())
    for row, t in enumerate(times):
        cells = [f"{median[row, col]:.3f} ± {(p90[row, col] - p10[row, col]) / 2:.3f}" for col in range(len(steps))]
        print(f"{t:<10g}" + "    ".join(cells))
    print(f"seconds: {seconds:.3f}")
    print(f"cpu_seconds: {cpu_seconds:.3f}")


if __name__ == "__main__":
    main()
