#!/usr/bin/env bash
# Fuzzing (issue 6, "Bad input"): build the fuzz targets of the `asan` preset (clang, ASan,
# UBSan and libFuzzer's coverage on every library: the build the sanitizer test stage already
# made, so CI compiles the tree once for both), and run the targets side by side, each for a
# bounded time, on a seed corpus taken from scenarios/ at run time (the *.yaml files for the
# loaders, the *.cmd files for the batch interpreter). Exit 0 when no target found anything;
# otherwise 1, with the saved input and the command that replays it.
#
#   scripts/fuzz.sh                       # every target, 60 s each, all at once
#   FUZZ_SECONDS=300 scripts/fuzz.sh fuzz_scenario
#   build-asan/bin/fuzz_scenario build-asan/fuzz/artifacts/fuzz_scenario/crash-...   # replay
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
build=build-asan
work="$build/fuzz"
./scripts/setup.sh
cmake --preset asan >/dev/null
cmake --build --preset asan --target fuzz_all

targets=("$@")
if ((${#targets[@]} == 0)); then
  for t in fuzz_machine_yaml fuzz_scenario fuzz_batch; do
    [ -x "$build/bin/$t" ] && targets+=("$t")
  done
fi

# Seeds: copied fresh from scenarios/ every run, so the repo holds each file once.
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/yaml" "$seeds/cmd"
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  case "$f" in
    *.yaml|*.yml) cp "$f" "$seeds/yaml/$i-$(basename "$f")" ;;
    *.cmd|*.bat)  cp "$f" "$seeds/cmd/$i-$(basename "$f")" ;;
  esac
done < <(find scenarios -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.cmd' -o -name '*.bat' \) -print0)
# Machine and scenario files may be UTF-16 or UTF-32 (fakes/text_encoding.h): two seeds in those.
# A glob, not `find | sort | head`: under pipefail, head closing the pipe early kills sort with
# SIGPIPE (exit 141) whenever the list outgrows one write.
yaml_seeds=("$seeds"/yaml/*)
iconv -f UTF-8 -t UTF-16 "${yaml_seeds[0]}" >"$seeds/yaml/utf16le-bom.yaml"
iconv -f UTF-8 -t UTF-32BE "${yaml_seeds[0]}" >"$seeds/yaml/utf32be.yaml"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}"
# Side by side: three single-threaded fuzzers on CI's two cores take the wall time of one.
fuzz_one() {
  local t="$1" seed dict
  case "$t" in
    fuzz_batch) seed="$seeds/cmd";  dict=(-dict=fuzz/batch.dict) ;;
    *)          seed="$seeds/yaml"; dict=(-dict=fuzz/yaml.dict) ;;
  esac
  local corpus="$work/corpus/$t"       # kept between local runs; grows as the fuzzer learns
  local artifacts="$work/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  echo "== $t: ${seconds}s on $(find "$seed" -type f | wc -l) seeds from scenarios/ =="
  # -timeout=30: a hang is a failure, but a script that loops runs the batch interpreter's own
  # bound (100000 lines), which takes several seconds under ASan.
  "$build/bin/$t" "$corpus" "$seed" "${dict[@]}" -max_total_time="$seconds" -timeout=30 \
    -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts" 2> "$work/$t.log"
}
pids=()
for t in "${targets[@]}"; do
  fuzz_one "$t" &
  pids+=($!)
done
failed=()
for i in "${!targets[@]}"; do
  t="${targets[$i]}"
  if ! wait "${pids[$i]}"; then
    tail -n 40 "$work/$t.log"
    artifacts="$work/artifacts/$t/"
    echo "fuzz: $t found a failing input; replay: $build/bin/$t $(ls -t "$artifacts" | sed -n "1s|^|$artifacts|p")"
    failed+=("$t")
  else
    echo "-- $t:"
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::new_units_added)' "$work/$t.log" || true
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: failures in ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no failure"
