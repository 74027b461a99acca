#!/usr/bin/env bash
# Benchmark of the PyTorch probe (issue 12): commutelab_probe.measure vs the bare gradient and
# Hessian-vector-product passes it is made of, in the same run, and its peak memory vs one
# double-backward pass, for K = 2, 3, 8 domains on a ~10 M-parameter float32 MLP on CPU.
# CPU time at one thread, alternating pairs, median [min-max]; peak RSS of fresh processes.
# Usage: bash tools/bench_probe.sh [--domains 2,3,8] [--batch 64] [--groups 2] [--repeat 3]
#                                  [--memory-repeat 2] [--threads 1] [--width 2048]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHONPATH="$here/probe" PYTHONDONTWRITEBYTECODE=1 exec /usr/bin/python3 "$here/tools/bench_probe.py" "$@"
