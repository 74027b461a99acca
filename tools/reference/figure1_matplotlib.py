#!/usr/bin/env python3
"""Reference for tools/bench_render.sh: the three panels of Figure 1 for the `figure1` preset
drawn with NumPy + Matplotlib, as `commutelab render --view figure1` draws them: (a), (b) level
curves at 7 quantiles and -grad arrows (24 per side, length ~ sqrt|v|), (c) region shading, both
losses' level curves and arrows of R(L1, L2) = H2 g1 - H1 g2. Derivatives are derived by hand for
the preset's two expressions.

usage: figure1_matplotlib.py OUT.png [N]   (N: grid points per axis, default 200 as the preset)
"""
import sys

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402


def fields(n):
    t = np.linspace(-3.0, 3.0, n)
    x, y = np.meshgrid(t, t)  # row j is y, column i is x, as FieldGrid
    # L1 = 0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y
    l1 = 0.5 * (x - 1) ** 2 + 2 * (y - 0.5) ** 2 + 0.3 * x * y
    g1 = np.stack([x - 1 + 0.3 * y, 4 * (y - 0.5) + 0.3 * x])
    h1 = np.array([[1.0, 0.3], [0.3, 4.0]])
    # L2 = log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)
    a, b = x + 1, y + 0.5
    u = 1 + a ** 2 + 3 * b ** 2
    s2x, c2x, sy, cy = np.sin(2 * x), np.cos(2 * x), np.sin(y), np.cos(y)
    l2 = np.log(u) + 0.2 * c2x * sy
    g2 = np.stack([2 * a / u - 0.4 * s2x * sy, 6 * b / u + 0.2 * c2x * cy])
    hxx = 2 / u - 4 * a ** 2 / u ** 2 - 0.8 * c2x * sy
    hxy = -12 * a * b / u ** 2 - 0.4 * s2x * cy
    hyy = 6 / u - 36 * b ** 2 / u ** 2 - 0.2 * c2x * sy
    # R = H2 g1 - H1 g2
    r = np.stack([hxx * g1[0] + hxy * g1[1] - (h1[0, 0] * g2[0] + h1[0, 1] * g2[1]),
                  hxy * g1[0] + hyy * g1[1] - (h1[1, 0] * g2[0] + h1[1, 1] * g2[1])])
    s1, s2 = (r * g1).sum(0), (r * g2).sum(0)
    region = np.where((s1 > 0) & (s2 > 0), 1, np.where((s1 < 0) & (s2 < 0), 2, 0))
    return t, x, y, l1, l2, g1, g2, r, region


def quantile_levels(v, count=7):
    return np.unique(np.quantile(v, (np.arange(count) + 1) / (count + 1)))


def arrows(ax, t, v, per_side=24):
    n = len(t)
    idx = np.clip(np.round((np.arange(per_side) + 0.5) / per_side * (n - 1)).astype(int), 0, n - 1)
    vx, vy = v[0][np.ix_(idx, idx)], v[1][np.ix_(idx, idx)]
    norm = np.hypot(vx, vy)
    ref = np.quantile(norm, 0.95)
    length = np.minimum(1.0, np.sqrt(norm / ref)) * 0.9 * (t[-1] - t[0]) / per_side
    with np.errstate(invalid="ignore", divide="ignore"):
        ux, uy = np.where(norm > 0, vx / norm * length, 0), np.where(norm > 0, vy / norm * length, 0)
    ax.quiver(t[idx], t[idx], ux, uy, angles="xy", scale_units="xy", scale=1, pivot="mid", width=0.004,
              color="#262626")


def loss_panel(ax, title, t, x, y, l, g, name):
    levels = quantile_levels(l)
    cs = ax.contour(x, y, l, levels=levels, cmap="viridis", linewidths=1.2)
    arrows(ax, t, -g)
    ax.set_title(title, fontweight="bold")
    handles = [Line2D([], [], color=cs.cmap(cs.norm(lv)), lw=2, label=f"{name} = {lv:.3g}") for lv in levels[::-1]]
    handles.append(Line2D([], [], color="#262626", marker=">", lw=1, label=f"-grad {name} (flow)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8, frameon=False)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "figure1_matplotlib.png"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    t, x, y, l1, l2, g1, g2, r, region = fields(n)
    fig, axes = plt.subplots(1, 3, figsize=(18, 5.4), dpi=100, constrained_layout=True)
    fig.suptitle("Figure 1 pair", fontweight="bold")
    loss_panel(axes[0], "(a) L1: level curves and -grad L1", t, x, y, l1, g1, "L1")
    loss_panel(axes[1], "(b) L2: level curves and -grad L2", t, x, y, l2, g2, "L2")
    ax = axes[2]
    shades = ListedColormap(["#f7f7f7", "#76c5ad", "#aca9d1"])
    ax.imshow(region, origin="lower", extent=(-3, 3, -3, 3), cmap=shades, vmin=0, vmax=2, interpolation="nearest")
    ax.contour(x, y, l1, levels=quantile_levels(l1), colors="#d95f02", linewidths=1.2)
    ax.contour(x, y, l2, levels=quantile_levels(l2), colors="#1f4e99", linewidths=1.2)
    arrows(ax, t, r)
    ax.set_title("(c) Lie bracket R(L1, L2) and regions", fontweight="bold")
    share = [np.mean(region == k) * 100 for k in (1, 2, 0)]
    ax.legend(handles=[Patch(color="#76c5ad", label=f"<R,g1> > 0 and <R,g2> > 0 ({share[0]:.1f} %)"),
                       Patch(color="#aca9d1", label=f"<R,g1> < 0 and <R,g2> < 0 ({share[1]:.1f} %)"),
                       Patch(color="#f7f7f7", label=f"mixed signs ({share[2]:.1f} %)"),
                       Line2D([], [], color="#d95f02", label="level curves of L1"),
                       Line2D([], [], color="#1f4e99", label="level curves of L2"),
                       Line2D([], [], color="#262626", marker=">", label="R(L1, L2)")],
              loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8, frameon=False)
    for ax in axes:
        ax.set_aspect("equal")
        ax.set_xlim(-3, 3)
        ax.set_ylim(-3, 3)
        ax.set_xlabel("theta1")
        ax.set_ylabel("theta2")
    fig.savefig(out)


if __name__ == "__main__":
    main()
