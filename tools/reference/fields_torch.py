#!/usr/bin/env python3
"""Reference for the field-sampler benchmark: PyTorch autograd with vmap(hessian), the way an ML
researcher would compute the same fields without deriving anything by hand."""
import sys
import time

import torch

try:
    from torch.func import grad, hessian, vmap  # PyTorch >= 2.0
except ImportError:  # Debian 12 ships PyTorch 1.13 with functorch
    from functorch import grad, hessian, vmap

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def l1(t):
    x, y = t[0], t[1]
    return 0.5 * (x - 1) ** 2 + 2 * (y - 0.5) ** 2 + 0.3 * x * y


def l2(t):
    x, y = t[0], t[1]
    return torch.log(1 + (x + 1) ** 2 + 3 * (y + 0.5) ** 2) + 0.2 * torch.cos(2 * x) * torch.sin(y)


def sample(n):
    axis = torch.linspace(-3.0, 3.0, n)
    yy, xx = torch.meshgrid(axis, axis, indexing="ij")
    pts = torch.stack([xx.reshape(-1), yy.reshape(-1)], dim=1)
    v1, v2 = vmap(l1)(pts), vmap(l2)(pts)
    g1, g2 = vmap(grad(l1))(pts), vmap(grad(l2))(pts)
    h1, h2 = vmap(hessian(l1))(pts), vmap(hessian(l2))(pts)
    r = torch.einsum("nij,nj->ni", h2, g1) - torch.einsum("nij,nj->ni", h1, g2)
    p = (r * (0.5 * (g1 + g2))).sum(1)
    d1, d2 = (r * g1).sum(1), (r * g2).sum(1)
    region = torch.where((d1 > 0) & (d2 > 0), 1, torch.where((d1 < 0) & (d2 < 0), -1, 0))
    return v1, v2, g1, g2, r, p, region


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [256, 512, 1024]
    for n in sizes:
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            sample(n)
            best = min(best, time.perf_counter() - t0)
        print(f"torch grid {n}: {n * n / best / 1e6:.3f} Mpoints/s ({best * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
