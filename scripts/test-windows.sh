#!/usr/bin/env bash
# The Windows executables under Debian's wine64, in a fresh WINEPREFIX (no display needed):
# the port contract suite (read-only tests, and the mutating ones on a test user of their own:
# the prefix is thrown away), aspnet-fixer.exe --version, capture --out (the file must load with
# the default build's fixup-sim show), and diagnose (exit 0 or 3 and a report, never a crash).
# Needs ./scripts/build-windows.sh (build-windows-x64/) and the default build (build/).
# Only the x86_64 executables run here: wine64 has no 32-bit side on this machine. The prefix is
# set to Windows XP x64 (the Version value winxp64 under HKCU\Software\Wine), the system the tool is for.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --windows
bin=build-windows-x64/bin
sim=build/bin/fixup-sim
for f in "$bin/aspnet-fixer.exe" "$bin/port_contract_tests.exe" "$sim"; do
  [[ -x "$f" || -f "$f" ]] || { echo "test-windows: $f missing (run ./scripts/build-windows.sh and the default build)" >&2; exit 2; }
done

WINEPREFIX=$(mktemp -d)
work=$(mktemp -d)
export WINEPREFIX WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wine=/usr/lib/wine/wine64  # where Debian's wine64 package puts the loader
trap '/usr/lib/wine/wineserver -k >/dev/null 2>&1 || true; rm -rf "$WINEPREFIX" "$work"' EXIT
$wine wineboot --init >/dev/null 2>&1 || true
$wine reg add 'HKCU\Software\Wine' /v Version /d winxp64 /f >/dev/null 2>&1

echo "-- port_contract_tests.exe (divergences print as [ DIVERGES ])"
set +e
FXSIM_CONTRACT_MUTATING=1 $wine "$bin/port_contract_tests.exe" 2>&1 | tr -d '\r' >"$work/contract.txt"
code=${PIPESTATUS[0]}
set -e
grep -E '^\[ *(DIVERGES|FAILED|PASSED|SKIPPED) *\]|^\[==========\] [0-9]+ tests' "$work/contract.txt" || true
if [[ $code -ne 0 ]]; then
  cat "$work/contract.txt" >&2
  echo "test-windows: the contract suite failed (exit $code)" >&2
  exit 1
fi

echo "-- aspnet-fixer.exe --version"
$wine "$bin/aspnet-fixer.exe" --version | tr -d '\r' | grep -E '^aspnet-fixer [0-9]'

echo "-- aspnet-fixer.exe capture --out"
cp "$bin/aspnet-fixer.exe" "$work/"
(cd "$work" && $wine ./aspnet-fixer.exe capture --out captured.yaml)
"$sim" show "$work/captured.yaml" | tee "$work/show.txt"
grep -q "what could not be read" "$work/show.txt"

echo "-- aspnet-fixer.exe diagnose"
set +e
$wine "$bin/aspnet-fixer.exe" diagnose | tr -d '\r' | tee "$work/diagnose.txt"
code=${PIPESTATUS[0]}
set -e
if [[ $code -ne 0 && $code -ne 3 ]]; then
  echo "test-windows: diagnose exited $code (expected 0 or 3)" >&2
  exit 1
fi
[[ -s "$work/diagnose.txt" ]] || { echo "test-windows: diagnose printed nothing" >&2; exit 1; }
echo "test-windows: ok (diagnose exit $code)"
