#!/usr/bin/env bash
# Installs every Debian package fixup-sim needs to build and test. Idempotent: quiet and
# fast when everything is already present. Run as root on Debian 12.
#   scripts/setup.sh            the build and test packages
#   scripts/setup.sh --browser  also Chromium, for the HTML report's browser test (ctest -L browser;
#                               skipped without it). Large: about a minute and 300 MB, so only
#                               where that test runs (CI); see docs/performance.md.
#   scripts/setup.sh --windows  also MinGW-w64 and wine64, for aspnet-fixer.exe (scripts/build-windows.sh
#                               and scripts/test-windows.sh call it; docs/windows.md)
set -euo pipefail
packages=(
  build-essential cmake ninja-build clang clang-format libclang-rt-14-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  libboost-dev libboost-filesystem-dev
  libspdlog-dev libfmt-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev
  libmimalloc-dev                  # the executables' allocator (cmake/FixupAllocator.cmake)
  libre2-dev pkg-config            # output_matches: linear-time regular expressions (sim/)
  dpkg-dev file help2man lintian   # the Debian package: shlibdeps, man pages, lint
)
case "${1:-}" in
  --browser) packages+=(chromium) ;;
  # aspnet-fixer.exe: MinGW-w64 with posix threads, 32 and 64 bit; wine64 runs the x64 .exe
  --windows) packages+=(g++-mingw-w64-i686-posix g++-mingw-w64-x86-64-posix binutils-mingw-w64-i686
                        binutils-mingw-w64-x86-64 wine64) ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
