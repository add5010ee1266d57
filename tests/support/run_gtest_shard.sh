#!/bin/sh
# Runs shard INDEX of COUNT of a GoogleTest binary: every COUNT-th test of its list, by name
# (--gtest_filter), not by GTEST_TOTAL_SHARDS, which the tests' child processes (fixup-sim sweep
# and explore) would obey too. Used where a process per test costs too much (FIXUP_TEST_SHARDS).
# Usage: run_gtest_shard.sh BINARY COUNT INDEX
set -eu
binary=$1 count=$2 index=$3
# --gtest_list_tests prints "Suite." lines, each followed by its tests indented (a parameterised
# one with a "# GetParam() = ..." comment after the name).
filter=$("$binary" --gtest_list_tests | awk -v count="$count" -v index_="$index" '
  /^[^ ]/ { suite = $1; next }
  { if (n++ % count == index_) { printf "%s%s%s", separator, suite, $1; separator = ":" } }')
if [ -z "$filter" ]; then
  echo "shard $index of $count of $binary: no test falls in it"
  exit 0
fi
exec "$binary" --gtest_filter="$filter"
