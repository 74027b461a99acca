#!/bin/sh
# TensorBoard benchmark (issue 11): a ~1 GB event file of 20 M scalars on 8 tags (written by
# build/bin/make_tfevents into $TMPDIR/commutelab-bench, never into the repository) read by
# CommuteLab's reader and by a Python reader on Debian's python3-protobuf (framing +
# ParseFromString, tools/reference/read_tfevents.py, on classes protoc generates from the same
# core/proto/tensorboard_event.proto), in one run. Prints both times, the ratios, and our peak RSS
# from /usr/bin/time -v, with and without wall times kept.
# Targets: at least 10x faster than the Python reader; peak memory under 1.5 x 12 bytes x scalars.
# usage: tools/bench_tfevents.sh [EVENTS]   (build dir: $COMMUTELAB_BUILD_DIR, default build/;
#        needs: apt-get install -y python3-protobuf protobuf-compiler time)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${COMMUTELAB_BUILD_DIR:-$here/../build}
events=${1:-20000000}
data=${TMPDIR:-/tmp}/commutelab-bench
file=$data/events.out.tfevents.bench-$events
mkdir -p "$data"
if [ ! -f "$file" ]; then  # written under another name first: an interrupted run leaves no half file
  "$build/bin/make_tfevents" "$file.part" "$events"
  mv "$file.part" "$file"
fi
protoc --python_out="$data" -I "$here/../core/proto" "$here/../core/proto/tensorboard_event.proto"

peak_mb() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }
field() { echo "$1" | sed -n "s/^$2: //p"; }

ours=$(/usr/bin/time -v "$build/bin/bench_tfevents" "$file" 2>"$data/time-ours.txt")
lean=$(/usr/bin/time -v "$build/bin/bench_tfevents" "$file" --no-wall-times 2>"$data/time-lean.txt")
theirs=$(/usr/bin/time -v /usr/bin/python3 "$here/reference/read_tfevents.py" "$file" "$data" 2>"$data/time-theirs.txt")

echo "file: $file ($(du -m "$file" | cut -f1) MB, $events events)"
echo "--- commutelab readTensorBoard (CRCs checked, wall times kept)"; echo "$ours"
echo "peak_rss_mb (time -v): $(peak_mb "$data/time-ours.txt")"
echo "--- commutelab readTensorBoard --no-wall-times"; echo "$lean"
echo "peak_rss_mb (time -v): $(peak_mb "$data/time-lean.txt")"
echo "--- python3-protobuf reader (CRCs not checked)"; echo "$theirs"
echo "peak_rss_mb (time -v): $(peak_mb "$data/time-theirs.txt")"
echo "---"
[ "$(field "$ours" points)" = "$(field "$theirs" points)" ] || echo "MISMATCH: point counts differ"
[ "$(field "$ours" value_sum)" = "$(field "$theirs" value_sum)" ] || echo "MISMATCH: value sums differ"
# Wall clock is what a user waits for; CPU time is steadier when other jobs share the cores.
awk -v a="$(field "$ours" seconds)" -v b="$(field "$theirs" seconds)" \
    'BEGIN { printf "speedup_vs_python_protobuf (wall): %.2fx (target >= 10x)\n", b / a }'
awk -v a="$(field "$ours" cpu_seconds)" -v b="$(field "$theirs" cpu_seconds)" \
    'BEGIN { printf "speedup_vs_python_protobuf (cpu): %.2fx (target >= 10x)\n", b / a }'
awk -v n="$events" -v p="$(peak_mb "$data/time-ours.txt")" -v q="$(peak_mb "$data/time-lean.txt")" 'BEGIN {
    t = 1.5 * 12 * n / 1048576
    printf "memory target 1.5 x 12 B x %d = %.1f MB: with wall times %.1f MB (%.2fx of 12 B/scalar), without %.1f MB (%.2fx)\n", n, t, p, p / (12 * n / 1048576), q, q / (12 * n / 1048576)
}'
