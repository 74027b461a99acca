#!/usr/bin/env python3
"""Reference for the field-sampler benchmark: the same work as `commutelab fields`, vectorised
NumPy with hand-derived derivatives of the benchmark pair (single-threaded, as NumPy's
elementwise kernels are). Prints points per second for each grid size given."""
import sys
import time

import numpy as np


def sample(n):
    x1 = np.linspace(-3.0, 3.0, n)
    x, y = np.meshgrid(x1, x1)  # row j = y index, like CommuteLab's FieldGrid
    # L1 = 0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y
    l1 = 0.5 * (x - 1) ** 2 + 2 * (y - 0.5) ** 2 + 0.3 * x * y
    g1x = (x - 1) + 0.3 * y
    g1y = 4 * (y - 0.5) + 0.3 * x
    h1xx, h1xy, h1yy = 1.0, 0.3, 4.0
    # L2 = log(u) + 0.2*cos(2x)*sin(y), u = 1 + (x+1)^2 + 3*(y+0.5)^2
    u = 1 + (x + 1) ** 2 + 3 * (y + 0.5) ** 2
    ux, uy = 2 * (x + 1), 6 * (y + 0.5)
    c2x, s2x, cy, sy = np.cos(2 * x), np.sin(2 * x), np.cos(y), np.sin(y)
    l2 = np.log(u) + 0.2 * c2x * sy
    g2x = ux / u - 0.4 * s2x * sy
    g2y = uy / u + 0.2 * c2x * cy
    u2 = u * u
    h2xx = 2 / u - ux * ux / u2 - 0.8 * c2x * sy
    h2xy = -ux * uy / u2 - 0.4 * s2x * cy
    h2yy = 6 / u - uy * uy / u2 - 0.2 * c2x * sy
    # R = H2 g1 - H1 g2, P = <R, (g1+g2)/2>, region from <R, g1> and <R, g2>
    rx = h2xx * g1x + h2xy * g1y - (h1xx * g2x + h1xy * g2y)
    ry = h2xy * g1x + h2yy * g1y - (h1xy * g2x + h1yy * g2y)
    p = 0.5 * (rx * (g1x + g2x) + ry * (g1y + g2y))
    d1 = rx * g1x + ry * g1y
    d2 = rx * g2x + ry * g2y
    region = np.where((d1 > 0) & (d2 > 0), 1, np.where((d1 < 0) & (d2 < 0), -1, 0)).astype(np.int8)
    return l1, l2, g1x, g1y, g2x, g2y, rx, ry, p, region


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [256, 512, 1024]
    for n in sizes:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            sample(n)
            best = min(best, time.perf_counter() - t0)
        print(f"numpy grid {n}: {n * n / best / 1e6:.2f} Mpoints/s ({best * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
