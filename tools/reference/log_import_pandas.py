#!/usr/bin/python3
"""Reference timing for the log import benchmark: pandas.read_csv on the same wide CSV.

Prints the best of REPEAT wall-clock times and the process's peak RSS (VmHWM), in the same
"key: value" lines as bench_log_import. usage: log_import_pandas.py FILE [REPEAT]
"""
import sys
import time

import pandas as pd


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = best_cpu = float("inf")
    rows = 0
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        frame = pd.read_csv(path, comment="#")
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
        rows = len(frame)
        del frame
    print("rows: %d" % rows)
    print("seconds: %.4f" % best)
    print("cpu_seconds: %.4f" % best_cpu)
    print("peak_rss_mb: %.1f" % peak_rss_mb())


if __name__ == "__main__":
    main()
