#!/usr/bin/python3
"""Writes the two wide CSV shapes of other tools' logs for tools/bench_external_csv.sh (never into
the repository): a metrics CSV as trackers write it (x column `step`, METRICS metric columns, some
cells empty as in Lightning's sparse rows) and a RegMix-shaped per-run table (x column `index`, 13
`metric/the_pile_<domain>_val_loss` columns). Deterministic (fixed seed).
usage: make_wide_metrics.py metrics|regmix OUT ROWS [METRICS]
"""
import random
import sys

PILE = ["arxiv", "dm_mathematics", "enron_emails", "europarl", "freelaw", "github", "gutenberg_pg_19",
        "hackernews", "nih_exporter", "philpapers", "pile_cc", "pubmed_abstracts", "wikipedia_en"]


def main():
    shape, out, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(11)
    with open(out, "w") as f:
        if shape == "metrics":
            metrics = int(sys.argv[4]) if len(sys.argv) > 4 else 49
            f.write("step," + ",".join("val/loss_%d" % m for m in range(metrics)) + "\n")
            for r in range(rows):
                cells = ["" if rng.random() < 0.05 else "%.6g" % (4.0 / (1 + r * 1e-3) + rng.random() * 0.1)
                         for _ in range(metrics)]
                f.write("%d,%s\n" % (10 * r, ",".join(cells)))
        else:
            f.write("index," + ",".join("metric/the_pile_%s_val_loss" % d for d in PILE) + "\n")
            for r in range(rows):
                f.write("%d,%s\n" % (r, ",".join("%.17g" % (2.0 + rng.random()) for _ in PILE)))


if __name__ == "__main__":
    main()
