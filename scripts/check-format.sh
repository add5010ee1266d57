#!/usr/bin/env bash
# Lists the C++ files that clang-format (.clang-format) would change, and exits 1 if there is
# any; exits 0 when the tree is formatted. `scripts/check-format.sh --fix` formats them instead.
# Only tracked files are checked, so build trees and generated files are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
format=${CLANG_FORMAT:-clang-format}
command -v "$format" >/dev/null || { echo "check-format: $format not found (scripts/setup.sh installs it)" >&2; exit 2; }
fix=0
[[ ${1:-} == --fix ]] && fix=1
unformatted=()
while IFS= read -r -d '' file; do
  if ((fix)); then
    "$format" -i --style=file "$file"
  elif ! "$format" --style=file --dry-run -Werror "$file" >/dev/null 2>&1; then
    unformatted+=("$file")
  fi
done < <(git ls-files -z -- '*.cpp' '*.h' '*.h.in')
if ((${#unformatted[@]})); then
  printf '%s\n' "${unformatted[@]}"
  echo "check-format: ${#unformatted[@]} file(s) not formatted; run scripts/check-format.sh --fix" >&2
  exit 1
fi
