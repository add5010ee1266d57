#!/usr/bin/env bash
# Builds aspnet-fixer.exe for 32-bit Windows (XP SP1 and later; preset windows-x86) and 64-bit
# Windows (preset windows-x64) with Debian's MinGW-w64, then checks each .exe's imports against
# win32/imports-allowed.txt (scripts/check-imports.sh): one function Windows XP lacks and the
# .exe does not start there. Prints where the .exe files are. ccache when it is installed.
#   scripts/build-windows.sh            both .exe files, and the x64 port contract suite (the one
#                                       wine64 runs); JOBS=1 to build on one core
#   scripts/build-windows.sh --all      also the x86 contract suite, for a real 32-bit XP machine
#                                       (nothing here runs it: about a minute more)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --windows
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
x86_targets=(--target aspnet-fixer)
[ "${1:-}" = --all ] && x86_targets=()
for arch in x86 x64; do
  cmake --preset "windows-$arch" >/dev/null
  targets=()
  [ "$arch" = x86 ] && targets=("${x86_targets[@]}")
  cmake --build --preset "windows-$arch" -j "${JOBS:-2}" "${targets[@]}"
done
triplets=(i686-w64-mingw32 x86_64-w64-mingw32)
dirs=(build-windows-x86 build-windows-x64)
for i in 0 1; do
  ./scripts/check-imports.sh "${triplets[$i]}-objdump" "${dirs[$i]}/bin/aspnet-fixer.exe"
done
for d in "${dirs[@]}"; do echo "built: $d/bin/aspnet-fixer.exe"; done
