#!/usr/bin/env bash
# Figure-1 rendering benchmark against its reference, in one run (issue 4):
#   `commutelab render --preset figure1 --view figure1 --out f.png` (sampling the preset's 200²
#   grid, contours, arrows, regions, off-screen OpenGL render, PNG) vs the same three panels with
#   NumPy + Matplotlib (tools/reference/figure1_matplotlib.py). Both are timed as whole processes
#   (interpreter start included), best of 5 after one warm-up run each.
# Needs a Release build (COMMUTELAB_BUILD_DIR, default build/), python3-matplotlib, and an X
# display: without one the script re-runs itself under xvfb-run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${COMMUTELAB_BUILD_DIR:-$here/build}/bin/commutelab
py=/usr/bin/python3
runs=${RUNS:-5}
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"; fi
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
ours=$(best "$bin" render --preset figure1 --view figure1 --out "$out/f.png")
echo "commutelab render --view figure1 (1800x540, grid 200): ${ours} s"
if ! $py -c "import matplotlib" 2>/dev/null; then
  echo "python3-matplotlib not installed (apt-get install -y python3-matplotlib): reference skipped"
  exit 0
fi
ref=$(best $py "$here/tools/reference/figure1_matplotlib.py" "$out/ref.png" 200)
echo "matplotlib reference (1800x540, grid 200): ${ref} s"
echo "ratio (matplotlib / commutelab): $(awk -v a="$ref" -v b="$ours" 'BEGIN{printf "%.1fx (target >= 2x)", a/b}')"
