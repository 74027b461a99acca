#!/usr/bin/env bash
# Figure-1 rendering benchmark against its reference, in one run (issues 4, 15), for PNG, SVG and
# PDF each: `commutelab render --preset figure1 --view figure1 --out f.EXT` (sampling the preset's
# 200² grid, contours, arrows, regions, painted through QPainter) vs the same three panels with
# NumPy + Matplotlib (tools/reference/figure1_matplotlib.py, format from the suffix). Both are
# timed as whole processes (interpreter start included), best of 5 after one warm-up run each.
# Needs a Release build (COMMUTELAB_BUILD_DIR, default build/) and python3-matplotlib; no display.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${COMMUTELAB_BUILD_DIR:-$here/build}/bin/commutelab
py=/usr/bin/python3
runs=${RUNS:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Best wall time in seconds of `runs` runs of the command (after one warm-up).
best() {
  "$@" > /dev/null
  local best=1e9
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    best=$(awk -v a="$best" -v b="$(awk -v s="$start" -v e="$end" 'BEGIN{print e-s}')" 'BEGIN{print (b<a)?b:a}')
  done
  echo "$best"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if ! $py -c "import matplotlib" 2>/dev/null; then
  echo "python3-matplotlib not installed (apt-get install -y python3-matplotlib): reference skipped"
  exit 0
fi
for ext in png svg pdf; do
  ours=$(best "$bin" render --preset figure1 --view figure1 --out "$out/f.$ext")
  ref=$(best $py "$here/tools/reference/figure1_matplotlib.py" "$out/ref.$ext" 200)
  echo "$ext: commutelab render --view figure1 (1800x540, grid 200) ${ours} s; matplotlib ${ref} s;" \
    "ratio $(awk -v a="$ref" -v b="$ours" 'BEGIN{printf "%.1fx (target >= 2x)", a/b}')"
done
