#!/usr/bin/env bash
# Builds only the tool a support engineer runs: fixer, app (aspnet-fixer's command line and
# verbs), fakes (its state-file backend) and the aspnet-fixer executable, into build-tool/,
# without the simulator, the tests or the benchmarks, so Boost is never searched for. Proves
# that the tool does not depend on the simulator. Extra arguments go to the configure step,
# e.g. -DCMAKE_DISABLE_FIND_PACKAGE_yaml-cpp=ON (CI passes it: fakes reads machine files with its
# own parser). Release flags as the `release` preset: GCC 12 gives false -Wrestrict and
# -Wmaybe-uninitialized inside std::string at -O3 (GCC bugs 105329, 105562).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-tool -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="-Wno-restrict -Wno-maybe-uninitialized" \
  -DFIXUP_BUILD_SIM=OFF -DFIXUP_BUILD_TESTS=OFF -DFIXUP_BUILD_BENCHMARKS=OFF \
  -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON "$@"
cmake --build build-tool -j "${JOBS:-2}"
build-tool/bin/aspnet-fixer --version
