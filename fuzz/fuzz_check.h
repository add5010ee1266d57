// Shared by the fuzz targets: a property that must hold for every input. A violation aborts,
// which libFuzzer reports as a crash and saves the input (crash-<sha1>).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, what)                                                                \
  do {                                                                                        \
    if (!(cond)) {                                                                            \
      std::fprintf(stderr, "fuzz property violated: %s (%s:%d)\n", what, __FILE__, __LINE__); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)
