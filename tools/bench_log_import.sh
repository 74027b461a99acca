#!/bin/sh
# Log import benchmark: a 1,000,000-row wide CSV (paper Table 2 columns, ~92 MB) read by
# CommuteLab's importer and by pandas.read_csv; prints both and the speed ratio.
# Targets: at least 2x faster than pandas; peak memory under 3x the file size.
# usage: tools/bench_log_import.sh [ROWS]   (build dir: $COMMUTELAB_BUILD_DIR, default build/;
#        needs: apt-get install -y python3-pandas)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${COMMUTELAB_BUILD_DIR:-$here/../build}
rows=${1:-1000000}
data=${TMPDIR:-/tmp}/commutelab-bench
file=$data/large-$rows.csv
mkdir -p "$data"
[ -f "$file" ] || /usr/bin/python3 "$here/make_large_log.py" "$file" "$rows"
ours=$("$build/bin/bench_log_import" "$file" 3)
theirs=$(/usr/bin/python3 "$here/reference/log_import_pandas.py" "$file" 3)
echo "file: $file ($(du -m "$file" | cut -f1) MB)"
echo "--- commutelab import"; echo "$ours"
echo "--- pandas.read_csv"; echo "$theirs"
ours_s=$(echo "$ours" | sed -n 's/^seconds: //p')
theirs_s=$(echo "$theirs" | sed -n 's/^seconds: //p')
ours_c=$(echo "$ours" | sed -n 's/^cpu_seconds: //p')
theirs_c=$(echo "$theirs" | sed -n 's/^cpu_seconds: //p')
echo "---"
# Wall clock is what a user waits for; CPU time is steadier when other jobs share the cores.
awk -v a="$ours_s" -v b="$theirs_s" 'BEGIN { printf "speedup_vs_pandas (wall): %.2fx\n", b / a }'
awk -v a="$ours_c" -v b="$theirs_c" 'BEGIN { printf "speedup_vs_pandas (cpu): %.2fx\n", b / a }'
