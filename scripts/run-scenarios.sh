#!/usr/bin/env bash
# The main job: set up, build, and run every scenario under scenarios/ with its report: one line
# per passing scenario, the details of a failing one, and the summary.
# Extra arguments go to `fixup-sim run` (e.g. -v, --json, --junit FILE, --html FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cmake --preset default >/dev/null
# The build's own progress is noise next to the report: shown only when the build fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "building build/ ..."
if ! cmake --build --preset default >"$log" 2>&1; then
  cat "$log"
  exit 2
fi
rm -f "$log"
trap - EXIT
exec build/bin/fixup-sim run scenarios/ "$@"
