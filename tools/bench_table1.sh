#!/bin/sh
# Paper Table 1 (100 trials, n = 100): CommuteLab's exact flows against the SciPy reference
# (tools/reference/table1_scipy.py, expm flows, one process), and the speed-up. Each side times
# its own computation in-process (no start-up or imports).
# Usage: tools/bench_table1.sh   (build dir: $COMMUTELAB_BUILD_DIR, default build/; needs bench_table1)
# Needs: apt-get install -y python3-scipy python3-numpy
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${COMMUTELAB_BUILD_DIR:-"$here/../build"}

echo "== CommuteLab (exact flows) =="
ours_out=$("$build/bin/bench_table1" --quick)
echo "$ours_out"
ours=$(echo "$ours_out" | sed -n 's/^exact_n100_trials100_seconds: //p')
ours_cpu=$(echo "$ours_out" | sed -n 's/^exact_n100_trials100_cpu_seconds: //p')

echo "== SciPy reference =="
ref_out=$(/usr/bin/python3 "$here/reference/table1_scipy.py" --trials 100 --dim 100)
echo "$ref_out"
ref=$(echo "$ref_out" | sed -n 's/^seconds: //p')
ref_cpu=$(echo "$ref_out" | sed -n 's/^cpu_seconds: //p')

# Wall-clock speed-up is the target; the CPU-time ratio is shown too because the cores may be shared.
awk -v ours="$ours" -v ref="$ref" -v oc="$ours_cpu" -v rc="$ref_cpu" 'BEGIN {
    printf "commutelab_seconds: %.4f (cpu %.4f)\nscipy_seconds: %.3f (cpu %.3f)\n", ours, oc, ref, rc
    printf "speedup: %.1f wall, %.1f cpu (target >= 50)\n", ref / ours, rc / oc }'
