#!/usr/bin/env bash
# The jury's pages under load: a juror's list with progress and the ranking page (bootstrap of
# 1,000 resamples), 16 concurrent clients each, over HTTP on loopback (release build, SQLite),
# for the 2019 demo and for 290 entries × 15 jurors. Goal on 2 cores: p99 under 20 ms for each.
# Prints figures; fails on nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p juryn-web --bench jury 2>/dev/null
