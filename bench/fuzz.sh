#!/usr/bin/env bash
# The fuzzing of every form and API body (crates/web/tests/web/fuzz.rs) at length: CI runs 2,000
# cases of each; this runs FUZZ_CASES (50,000 by default) of each, on SQLite, and prints how
# long it took. Never a 5xx, never a panic: a failing case is printed with the body it sent.
#
#   bench/fuzz.sh                 (FUZZ_CASES=200000 bench/fuzz.sh for a night)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${FUZZ_CASES:-50000}
start=$(date +%s)
JURYN_FUZZ_CASES=$cases cargo test -p juryn-web --test web fuzz:: -- --test-threads 2
echo "fuzz: $cases cases of each of the two tests in $(( $(date +%s) - start )) s"
