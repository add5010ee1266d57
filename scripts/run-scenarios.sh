#!/usr/bin/env bash
# The main job: set up, build, and run every scenario under scenarios/ with its report.
# Extra arguments go to `fixup-sim run` (e.g. --json, --junit FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
exec build/bin/fixup-sim run scenarios/ "$@"
