#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (unit, index and end-to-end
# tiers, through CTest). Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
