#!/usr/bin/env bash
# Checks that docs/library.md and README.md describe the CMake package a build installs: installs
# BUILD's `dev` component into a temporary prefix and reads its config files, then
#   - every exported target (fixup::NAME in fixup-sim*Targets.cmake) has its row in library.md's
#     Targets table and is named in README.md;
#   - every package the config file finds (find_dependency) is named where library.md says what it
#     re-finds and where README.md says what its config file finds;
#   - neither names a package the config does not find (yaml-cpp, Boost, mimalloc: the tools' and
#     the simulator's) as one a library of the package needs.
#   scripts/check-library-doc.sh build          # ctest docs.library_package
set -euo pipefail
build=${1:?usage: check-library-doc.sh BUILD_DIR}
repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(mktemp -d "${TMPDIR:-/tmp}/fixup-library-doc.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" --component dev > /dev/null
config_dir=$prefix/lib/cmake/fixup-sim
[ -d "$config_dir" ] || config_dir=$(dirname "$(find "$prefix" -name fixup-simConfig.cmake | head -1)")

library=$repo/docs/library.md
readme=$repo/README.md
# library.md: the Targets table's rows and the sentence that says what the config file re-finds.
rows=$(grep -E '^\| `fixup::' "$library" || true)
refinds=$(tr '\n' ' ' < "$library" | grep -oE 'The config file re-finds[^.]*\.' || true)
# README.md: the sentence that says what the package's config file finds.
finds=$(tr '\n' ' ' < "$readme" | grep -oE 'its config file finds[^;]*' || true)
failed=0
fail() {
  echo "check-library-doc: $*" >&2
  failed=1
}

for target in $(sed -n 's/^add_library(fixup::\([A-Za-z0-9_]*\) .*/\1/p' "$config_dir"/fixup-sim*Targets.cmake | sort -u); do
  grep -qF "| \`fixup::$target\` |" <<< "$rows" || fail "docs/library.md's Targets table has no row for fixup::$target"
  grep -qF "fixup::$target" "$readme" || fail "README.md does not name the exported target fixup::$target"
done
for dependency in $(sed -n 's/^ *find_dependency(\([A-Za-z0-9_]*\).*/\1/p' "$config_dir/fixup-simConfig.cmake" | sort -u); do
  grep -qiF "$dependency" <<< "$refinds" || fail "docs/library.md does not say the config file re-finds $dependency"
  grep -qiF "$dependency" <<< "$finds" || fail "README.md does not say the config file finds $dependency"
done
for other in yaml-cpp Boost mimalloc; do
  grep -qiE "^ *find_dependency\($other\b" "$config_dir/fixup-simConfig.cmake" && continue
  grep -qiF "$other" <<< "$rows" && fail "docs/library.md's Targets table links $other, which the config does not find"
  grep -qiF "$other" <<< "$refinds" && fail "docs/library.md says the config file re-finds $other, which it does not"
  grep -qiF "$other" <<< "${finds%%none needs*}" && fail "README.md says the config file finds $other, which it does not"
done
[ -n "$rows" ] || fail "docs/library.md has no Targets table"
[ -n "$refinds" ] || fail "docs/library.md does not say what the config file re-finds"
[ -n "$finds" ] || fail "README.md does not say what the package's config file finds"
exit $failed
