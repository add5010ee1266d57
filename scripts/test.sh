#!/usr/bin/env bash
# The whole test suite: set up, build, and run every test (unit, conformance, scenarios, e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset "${FIXUP_PRESET:-default}" >/dev/null
cmake --build --preset "${FIXUP_PRESET:-default}"
exec ctest --preset "${FIXUP_PRESET:-default}" "$@"
