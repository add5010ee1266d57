// fixer::WipeMemory and Secret: a wiped buffer reads as zeros, whatever its size and alignment.
#include "fixer/secret.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

namespace {

// Every size from 0 to 70 at every start in a word: the memset path covers odd sizes and
// unaligned starts as the byte loop did, and leaves the bytes around the range alone.
TEST(WipeMemory, ZeroesExactlyTheRangeItIsGiven) {
  for (size_t start = 0; start < 8; ++start) {
    for (size_t size = 0; size <= 70; ++size) {
      std::array<unsigned char, 96> buffer;
      buffer.fill(0xA5);
      fixer::WipeMemory(buffer.data() + start, size);
      for (size_t i = 0; i < buffer.size(); ++i) {
        const bool inside = i >= start && i < start + size;
        ASSERT_EQ(buffer[i], inside ? 0 : 0xA5) << "start " << start << ", size " << size << ", byte " << i;
      }
    }
  }
}

TEST(WipeMemory, WipesAPasswordsTextInPlace) {
  std::string clear = "1pass@word";
  fixer::WipeMemory(clear.data(), clear.size());
  EXPECT_EQ(clear, std::string(10, '\0'));
}

}  // namespace
