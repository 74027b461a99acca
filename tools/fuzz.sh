#!/usr/bin/env bash
# Runs one libFuzzer target (issue #16):
#   bash tools/fuzz.sh TARGET SECONDS      explore for a time, growing <build-fuzz>/corpus/TARGET
#                                          (a different random seed every time)
#   bash tools/fuzz.sh TARGET --runs N     reproducible: N inputs from a fixed seed (at most 60 s),
#                                          starting from the seeds only, so the same checkout gives the
#                                          same inputs on every machine (what tools/dev.sh test runs in CI)
#   bash tools/fuzz.sh list                the targets (tools/fuzz/fuzz_*.cpp)
# Builds core and the targets with clang-14 and -fsanitize=fuzzer,address,undefined in their own
# folder (COMMUTELAB_FUZZ_BUILD_DIR, default build-fuzz), seeds the corpus from resources/ and the
# tests' inputs, and exits non-zero on any finding (crash, sanitizer report, leak, timeout, OOM);
# the reproducer is left in <build-fuzz>/findings/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz_dir=${COMMUTELAB_FUZZ_BUILD_DIR:-$here/build-fuzz}
target=${1:-}
seconds=${2:-60}
runs=
if [ "$seconds" = --runs ]; then runs=${3:?--runs needs a count}; fi

if [ "$target" = list ] || [ -z "$target" ]; then
  for f in "$here"/tools/fuzz/fuzz_*.cpp; do basename "$f" .cpp; done
  [ -n "$target" ] || { echo "usage: bash tools/fuzz.sh TARGET SECONDS" >&2; exit 2; }
  exit 0
fi
[ -f "$here/tools/fuzz/$target.cpp" ] || { echo "no fuzz target '$target' (bash tools/fuzz.sh list)" >&2; exit 2; }

if [ ! -f "$fuzz_dir/build.ninja" ]; then
  cmake -S "$here/tools/fuzz" -B "$fuzz_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
fi
cmake --build "$fuzz_dir" --target "$target" -j 2 >/dev/null

# Seeds: the sample logs and a few shapes from the tests, per target (the working corpus grows in
# corpus/TARGET and is not committed).
seeds="$fuzz_dir/seeds/$target"
corpus="$fuzz_dir/corpus/$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$fuzz_dir/findings"
seed() { printf '%s' "$2" >"$seeds/$1"; }
case "$target" in
  fuzz_expression)
    seed a '0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y'
    seed b 'log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)'
    seed c '(x + y)^-2 + (x*y)^0.5 - abs(x)*y + tan(y) - 2^x*log(2 + y) + e^(x*y)'
    seed d 'sqrt(x) + y^2 - 1/(x - y) + tanh(x*y)*cos(x) - -x^2*y^3'
    ;;
  fuzz_log_roundtrip)
    i=0
    for f in "$here"/resources/logs/*; do
      case "$f" in *.json) p='\x00' ;; *.jsonl) p='\x01' ;; *) p='\x02' ;; esac
      { printf "$p"; cat "$f"; } >"$seeds/sample$i"
      i=$((i + 1))
    done
    { printf '\x03'; printf '# domains: en, ru\nstep,kind,domain,order,dt,dw,value,stderr,samples\n2000,loss,en,,,,3.44,,\n2000,p,en,ru>en,,,0.0195,0.001,600\n2000,excess,ru,en>ru,4000,0.15,0.0286,,\n'; } >"$seeds/long"
    { printf '\x01'; printf '{"type": "run", "domains": ["a", "b"]}\n{"type": "checkpoint", "step": 1, "loss": [1, 2]}\n'; } >"$seeds/lines"
    ;;
  fuzz_session)
    # The sample sessions (resources/sessions/, the built-in presets as saved by the workspace),
    # one with every field set and one with a weighted target.
    cp "$here"/resources/sessions/*.json "$seeds/"
    seed full '{
    "version": 1,
    "l1": "0.5*(x-1)^2 + 2*(y-0.5)^2",
    "l2": "log(1 + (x+1)^2 + 3*(y+0.5)^2)",
    "target": "expr:0.7*L1 + 0.3*max(L1, L2)",
    "grid": {"xmin": -1.25, "xmax": 2.5, "ymin": -0.1, "ymax": 3.0000000000000004, "n": 317},
    "options": {"arrowDensity": 31, "arrowScaling": "log", "contourCount": 11, "colorMap": "magma",
                "divergingMap": "PuOr", "colorBlindRegions": false, "pLimits": "manual",
                "pManualLimit": 0.0025, "pSymLog": true},
    "points": [{"x": 0.1, "y": -0.2, "dt": 0.05}, {"x": 0.3333333333333333, "y": 0.2857142857142857, "dt": 0.3}],
    "descentL1": true, "descentL2": true,
    "layout": "single:pmap"
}'
    seed weighted '{"version": 1, "l1": "x^2", "l2": "y^2", "target": "weighted:0.25", "layout": "side-by-side"}'
    ;;
  fuzz_lab_file)
    # The sample lab (resources/labs/), and one with the editor holding what is not yet a schedule.
    cp "$here"/resources/labs/*.json "$seeds/"
    seed editing '{"format": "commutelab-lab", "version": 1,
    "model": {"domains": 2, "dimension": 10, "q": 0.5, "seed": 7},
    "editor": {"horizon": 2, "preset": "more-at-end", "domain": 2,
               "segments": [{"start": 0, "weights": ["NaN", 0.5]}, {"start": 1, "weights": [1]}]},
    "runs": [{"name": "mix", "horizon": 2, "extraStarts": 0, "visible": false,
              "segments": [{"start": 0, "weights": [0.5, 0.5]}]}],
    "views": {"pair": [2, 1], "pmatrixRun": 1, "pmatrixSample": 200}}'
    ;;
  fuzz_tfevents)
    # Real event files where ../shared is beside the checkout; otherwise the reader's own test
    # writes none here, and libFuzzer starts from nothing.
    find "$here/../shared/external-logs/tensorboard" -name 'events.out.tfevents.*' -size -1M 2>/dev/null |
      while read -r f; do cp "$f" "$seeds/$(basename "$(dirname "$f")")-$(basename "$f")"; done
    ;;
  *)
    cp "$here"/resources/logs/* "$seeds/"
    if [ "$target" = fuzz_log_sources ]; then
      find "$here/../shared/external-logs" \( -name '*.csv' -o -name 'trainer_state.json' \) -size -200k 2>/dev/null |
        while read -r f; do cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"; done
    fi
    seed long '# domains: en, ru
step,kind,domain,order,dt,dw,value,stderr,samples
2000,loss,en,,,,3.44,,
2000,p,en,ru>en,,,0.0195,0.001,600
2000,excess,ru,en>ru,4000,0.15,0.0286,,
'
    seed lines '{"type": "run", "domains": ["a", "b"], "metadata": {"k": "v"}}
{"type": "checkpoint", "step": 1, "loss": {"a": 1, "b": 2}}
{"type": "p", "step": 1, "pair": "12", "target": 1, "value": 0.5}
'
    seed strings '["\u00e9\ud83d\ude00", "\\"\/\b\f\n\r\t", -0.0e+0, 1E-300, [[{}]], null, true, false, NaN, Infinity]'
    ;;
esac

if [ -n "$runs" ]; then
  # A fresh working corpus and a fixed seed: the run depends on the checkout alone.
  corpus="$fuzz_dir/corpus-ci/$target"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  echo "fuzzing $target: $runs inputs, seed 20261206"
  # At most 60 s as well: on a slow machine the run stops early, on a prefix of the same inputs.
  limit=(-runs="$runs" -seed=20261206 -max_total_time=60)
else
  echo "fuzzing $target for ${seconds}s"
  limit=(-max_total_time="$seconds")
fi
exec "$fuzz_dir/$target" "${limit[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$fuzz_dir/findings/$target-" "$corpus" "$seeds"
