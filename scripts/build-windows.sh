#!/usr/bin/env bash
# Builds aspnet-fixer.exe for 32-bit Windows (XP SP1 and later; preset windows-x86) and 64-bit
# Windows (preset windows-x64) with Debian's MinGW-w64, then checks each .exe's imports against
# win32/imports-allowed.txt (scripts/check-imports.sh): one function Windows XP lacks and the
# .exe does not start there. Prints where the .exe files are. ccache when it is installed.
#   scripts/build-windows.sh            both; JOBS=1 to build on one core
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --windows
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
for arch in x86 x64; do
  cmake --preset "windows-$arch" >/dev/null
  cmake --build --preset "windows-$arch" -j "${JOBS:-2}"
done
triplets=(i686-w64-mingw32 x86_64-w64-mingw32)
dirs=(build-windows-x86 build-windows-x64)
for i in 0 1; do
  ./scripts/check-imports.sh "${triplets[$i]}-objdump" "${dirs[$i]}/bin/aspnet-fixer.exe"
done
for d in "${dirs[@]}"; do echo "built: $d/bin/aspnet-fixer.exe"; done
