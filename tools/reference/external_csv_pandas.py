#!/usr/bin/python3
"""Reference for tools/bench_external_csv.sh: pandas.read_csv on a wide metrics CSV or per-run
table. Prints the best of REPEAT times, the numeric cells read and their sum (to check that both
readers read the same numbers) in the same "key: value" lines as bench_external_csv.
usage: external_csv_pandas.py FILE XCOLUMN [REPEAT]
"""
import sys
import time

import pandas as pd


def main():
    path, x = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    best = best_cpu = float("inf")
    for _ in range(repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        frame = pd.read_csv(path)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
        values = frame.drop(columns=[x])
        points = int(values.count().sum())
        total = float(values.sum().sum())
        del frame, values
    print("points: %d" % points)
    print("value_sum: %.10e" % total)
    print("seconds: %.4f" % best)
    print("cpu_seconds: %.4f" % best_cpu)


if __name__ == "__main__":
    main()
