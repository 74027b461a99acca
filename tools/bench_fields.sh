#!/usr/bin/env bash
# Field-sampler benchmark against its references, in one run (issue 2):
#   CommuteLab (all cores) vs vectorised NumPy with hand-derived derivatives (single-threaded)
#   and vs PyTorch vmap(hessian) (single-threaded), at 1024²; peak memory at 2048².
# Needs a Release build in build/ (bash tools/dev.sh test builds one) and, for the references,
# Debian's python3-numpy and python3-torch.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${COMMUTELAB_BUILD_DIR:-$here/build}/bin
py=/usr/bin/python3

ours=$("$bin/bench_fields" 256 512 1024)
echo "$ours"
"$bin/bench_fields" 2048
ours_1024=$(echo "$ours" | awk '/grid 1024:/ {print $4}')
ours_1t=$("$bin/bench_fields" 1024 --threads 1 | awk '{print $4}')
echo "commutelab grid 1024, one thread: $ours_1t Mpoints/s"

numpy=$($py "$here/tools/reference/fields_numpy.py" 256 512 1024)
echo "$numpy"
numpy_1024=$(echo "$numpy" | awk '/grid 1024:/ {print $4}')
echo "ratio at 1024² (commutelab / numpy): $(awk -v a="$ours_1024" -v b="$numpy_1024" 'BEGIN{printf "%.1fx (target >= 5x)", a/b}')"

if $py -c "import torch" 2>/dev/null; then
  torch=$($py "$here/tools/reference/fields_torch.py" 256 1024)
  echo "$torch"
  torch_1024=$(echo "$torch" | awk '/grid 1024:/ {print $4}')
  echo "ratio at 1024² (commutelab / torch): $(awk -v a="$ours_1024" -v b="$torch_1024" 'BEGIN{printf "%.1fx (target >= 30x)", a/b}')"
else
  echo "python3-torch not installed: torch reference skipped"
fi
