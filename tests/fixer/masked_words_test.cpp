// fixer::MaskedWords: a secret masked where it stands as a word of its own, never inside a word.
#include "fixer/masked_words.h"

#include <gtest/gtest.h>

namespace {

TEST(MaskedWords, MasksTheSecretWhereverItIsAWord) {
  EXPECT_EQ(fixer::MaskedWords("e", "e"), "********");
  EXPECT_EQ(fixer::MaskedWords("net user bob e /add", "e"), "net user bob ******** /add");
  EXPECT_EQ(fixer::MaskedWords("PW=S3cret&&echo \"S3cret\".", "S3cret"), "PW=********&&echo \"********\".");
  // An edge of the secret that is no letter or digit ends it wherever it stands.
  EXPECT_EQ(fixer::MaskedWords("Passw0rd!x", "Passw0rd!"), "********x");
  EXPECT_EQ(fixer::MaskedWords("x-pw", "-pw"), "x********");
}

TEST(MaskedWords, LeavesTheWordsThatHoldItsLettersAlone) {
  EXPECT_EQ(fixer::MaskedWords("net user bob", "e"), "net user bob");
  EXPECT_EQ(fixer::MaskedWords("hello there, e", "e"), "hello there, ********");
  EXPECT_EQ(fixer::MaskedWords("net localgroup", "a"), "net localgroup");
  EXPECT_EQ(fixer::MaskedWords("password", "word"), "password");
  EXPECT_EQ(fixer::MaskedWords("caf\xC3\xA9 e", "caf"), "caf\xC3\xA9 e");  // a UTF-8 letter continues the word
}

TEST(MaskedWords, AnEmptySecretOrOneOfStarsMasksNothingTwice) {
  EXPECT_EQ(fixer::MaskedWords("a b", ""), "a b");
  EXPECT_EQ(fixer::MaskedWords("** x **", "**"), "******** x ********");
}

}  // namespace
