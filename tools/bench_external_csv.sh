#!/bin/sh
# External CSV benchmark (issue 11, "the wide-CSV import keeps its lead over pandas.read_csv, >= 2x
# in one run"): a metrics CSV of ROWS rows x 50 columns (step + 49 metrics, 5 % empty cells) and a
# RegMix-shaped per-run table (ROWS rows x index + 13 Pile losses), written by
# tools/make_wide_metrics.py into $TMPDIR/commutelab-bench, each read by CommuteLab's external
# readers (readScalarRuns) and by pandas.read_csv in this one run; prints times, ratios and
# whether both read the same points and sums.
# usage: tools/bench_external_csv.sh [ROWS]   (build dir: $COMMUTELAB_BUILD_DIR, default build/;
#        needs: apt-get install -y python3-pandas)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${COMMUTELAB_BUILD_DIR:-$here/../build}
rows=${1:-100000}
data=${TMPDIR:-/tmp}/commutelab-bench
mkdir -p "$data"
field() { echo "$1" | sed -n "s/^$2: //p"; }

for shape in metrics regmix; do
  file=$data/external-$shape-$rows.csv
  [ -f "$file" ] || /usr/bin/python3 "$here/make_wide_metrics.py" "$shape" "$file" "$rows"
  x=step; [ "$shape" = regmix ] && x=index
  ours=$("$build/bin/bench_external_csv" "$file" 3)
  theirs=$(/usr/bin/python3 "$here/reference/external_csv_pandas.py" "$file" "$x" 3)
  echo "=== $shape: $file ($(du -m "$file" | cut -f1) MB, $rows rows)"
  echo "--- commutelab readScalarRuns"; echo "$ours"
  echo "--- pandas.read_csv"; echo "$theirs"
  [ "$(field "$ours" points)" = "$(field "$theirs" points)" ] || echo "MISMATCH: point counts differ"
  awk -v a="$(field "$ours" value_sum)" -v b="$(field "$theirs" value_sum)" \
      'BEGIN { d = a - b; if (d < 0) d = -d; if (d > 1e-9 * (b < 0 ? -b : b)) print "MISMATCH: value sums differ" }'
  # Wall clock is what a user waits for; CPU time is steadier when other jobs share the cores.
  awk -v a="$(field "$ours" seconds)" -v b="$(field "$theirs" seconds)" \
      'BEGIN { printf "speedup_vs_pandas (wall): %.2fx (target >= 2x)\n", b / a }'
  awk -v a="$(field "$ours" cpu_seconds)" -v b="$(field "$theirs" cpu_seconds)" \
      'BEGIN { printf "speedup_vs_pandas (cpu): %.2fx (target >= 2x)\n", b / a }'
done
