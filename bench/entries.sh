#!/usr/bin/env bash
# The call for entries under load: saving a 2,000-word answer and loading the organiser's overview
# of 290 entries, 16 concurrent clients each, over HTTP on loopback (release build, SQLite).
# Goal on 2 cores: p99 under 20 ms for each. Prints figures; fails on nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p juryn-web --bench entries 2>/dev/null
