#!/usr/bin/env bash
# Checks fixup-sim as others use it (issue 16), on the build of a preset (default: `default`,
# the build CI has just made; FIXUP_PRESET=release for an optimised package):
#   1. the CMake package: installs the build into a temporary prefix, then configures, builds
#      and runs examples/consumer against it (find_package(fixup-sim ... COMPONENTS testing));
#   2. the Debian packages: cpack makes fixup-sim_*.deb and libfixup-sim-dev_*.deb, apt-get
#      installs fixup-sim from a clean temporary folder, and the installed tools run the installed
#      scenarios and a fixup.cmd comparison from outside the repository;
#   3. lintian on both packages: no error (the warnings left are listed in docs/library.md).
# Needs root (or sudo) for apt-get. Removes the package again if it was not installed before.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
preset=${FIXUP_PRESET:-default}
case "$preset" in
  default) build=$repo/build ;;
  *) build=$repo/build-$preset ;;
esac
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

work=$(mktemp -d "${TMPDIR:-/tmp}/fixup-sim-package.XXXXXX")
installed_before=$(dpkg-query -W -f='${Status}' fixup-sim 2>/dev/null | grep -c 'install ok installed' || true)
cleanup() {
  if [ "$installed_before" = 0 ] && dpkg-query -W -f='${Status}' fixup-sim 2>/dev/null | grep -q 'ok installed'; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get purge -y -qq fixup-sim >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
# Each step's heading ends the previous one's timing: CI's cost per step (docs/performance.md).
last=$SECONDS
step() { echo "== $* ==  (previous step: $((SECONDS - last)) s)"; last=$SECONDS; }

./scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

step "CMake package: install into $work/prefix, build and test examples/consumer against it"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S examples/consumer -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_PREFIX_PATH="$work/prefix" "${launcher[@]}" >/dev/null
cmake --build "$work/consumer"
ctest --test-dir "$work/consumer" --output-on-failure -j2 | tail -3

step "Debian packages: cpack"
cpack --config "$build/CPackConfig.cmake" -B "$work/deb" >"$work/cpack.log" || { cat "$work/cpack.log"; exit 1; }
clean=$work/clean
mkdir "$clean"
cp "$work"/deb/*.deb "$clean"/
ls -l "$clean"

step "install fixup-sim_*.deb with apt-get from $clean"
cd "$clean"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq ./fixup-sim_*.deb >/dev/null
dpkg-query -W -f='${Package} ${Version} depends on: ${Depends}\n' fixup-sim
for page in fixup-sim aspnet-fixer; do
  test -f "/usr/share/man/man1/$page.1.gz" || { echo "no man page for $page"; exit 1; }
done

step "installed tools from outside the repository ($clean)"
/usr/bin/fixup-sim run /usr/share/fixup-sim/scenarios | tail -3
# Kept whole, then cut: `| head` under pipefail would fail the stage by SIGPIPE (exit 141).
comparison=$(/usr/bin/fixup-sim compare /usr/share/fixup-sim/scenarios/legacy/fixes-default-policy.yaml)
sed -n 1,12p <<<"$comparison"
cd "$repo"

step "lintian"
lintian --fail-on error --display-level '>=warning' "$clean"/*.deb
echo "package checks passed (lintian: $((SECONDS - last)) s; total: $SECONDS s)"
