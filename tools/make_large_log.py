#!/usr/bin/env python3
"""Writes a large wide-CSV experiment log for the import benchmark (tools/bench_log_import.sh).

Columns are those of the paper's Table 2 (t, L_1, L_2, EL_1^12, EL_2^12, EL_1^21, EL_2^21,
P_21_1, P_21_2); the numbers follow a plausible decaying-loss run with noise, written with
seven decimals, so 1,000,000 rows make about 92 MB. Deterministic for a given seed.

usage: make_large_log.py OUT.csv [ROWS] [SEED]
"""
import math
import random
import sys


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2501)
    gauss = rng.gauss
    with open(out, "w", newline="\n") as f:
        f.write("t,L_1,L_2,EL_1^12,EL_2^12,EL_1^21,EL_2^21,P_21_1,P_21_2\n")
        batch = []
        for i in range(rows):
            t = 2000 + 2 * i
            decay = math.exp(-t / 4.0e5)
            l1 = 3.1 + 0.4 * decay + gauss(0, 0.004)
            l2 = 2.7 + 0.4 * decay + gauss(0, 0.004)
            p1, p2 = gauss(0.002, 0.004), gauss(-0.006, 0.004)
            batch.append("%d,%.7f,%.7f,%.7f,%.7f,%.7f,%.7f,%.7f,%.7f\n" % (
                t, l1, l2, -p1 + gauss(0, 0.005), -p2 + gauss(0, 0.005), p1 + gauss(0, 0.005),
                p2 + gauss(0, 0.005), p1, p2))
            if len(batch) == 10000:
                f.write("".join(batch))
                batch.clear()
        f.write("".join(batch))


if __name__ == "__main__":
    main()
