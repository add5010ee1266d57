#!/usr/bin/env bash
# Lists every DLL!function a Windows .exe imports (objdump -p) and fails on any that
# win32/imports-allowed.txt does not list: the allow-list holds only what Windows XP SP1 has
# (XP x64 for the 64-bit .exe), each entry with the oldest Windows that has it and the source.
#   scripts/check-imports.sh i686-w64-mingw32-objdump build-windows-x86/bin/aspnet-fixer.exe
#   scripts/check-imports.sh --built-in SOURCE_DIR   # both presets' .exe; 77 (skipped) if neither is built
set -euo pipefail
allowed="$(dirname "$0")/../win32/imports-allowed.txt"

check() {
  local objdump=$1 exe=$2 imports known unknown
  imports=$("$objdump" -p "$exe" | awk '
    /^\tDLL Name: / { dll = toupper($3); next }
    /^\tvma:/ { next }
    dll != "" && /^\t[0-9a-f]+\t +[0-9]+ +[A-Za-z_?@]/ { print dll "!" $3 }' | sort -u)
  if [ -z "$imports" ]; then
    echo "check-imports: no import table read from $exe" >&2
    return 1
  fi
  # The allow-list's first column (DLL!function), comments and blank lines left out.
  known=$(sed -e 's/#.*//' "$allowed" | awk 'NF { n = index($1, "!"); print toupper(substr($1, 1, n - 1)) substr($1, n) }' |
          sort -u)
  unknown=$(comm -23 <(echo "$imports") <(echo "$known"))
  if [ -n "$unknown" ]; then
    echo "check-imports: $exe imports what win32/imports-allowed.txt does not list (absent on XP?):" >&2
    echo "$unknown" | sed 's/^/  /' >&2
    return 1
  fi
  echo "check-imports: $exe: $(echo "$imports" | wc -l) imports, all in win32/imports-allowed.txt"
}

if [ "${1:-}" = "--built-in" ]; then
  checked=0
  for pair in i686-w64-mingw32:build-windows-x86 x86_64-w64-mingw32:build-windows-x64; do
    exe="$2/${pair#*:}/bin/aspnet-fixer.exe"
    [ -f "$exe" ] || continue
    check "${pair%%:*}-objdump" "$exe"
    checked=$((checked + 1))
  done
  [ "$checked" -gt 0 ] || { echo "check-imports: no aspnet-fixer.exe built (scripts/build-windows.sh): skipped"; exit 77; }
  exit 0
fi
check "$1" "$2"
