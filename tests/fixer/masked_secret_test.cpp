// fixer::MaskedSecret, the one rule for hiding a secret in text: one of 4 bytes or more wherever it
// stands, a shorter one where it stands as a word of its own.
#include "fixer/masked_secret.h"

#include <gtest/gtest.h>

namespace {

TEST(MaskedSecret, MasksASecretWhereItStandsAsAWord) {
  EXPECT_EQ(fixer::MaskedSecret("e", "e"), "********");
  EXPECT_EQ(fixer::MaskedSecret("net user bob e /add", "e"), "net user bob ******** /add");
  EXPECT_EQ(fixer::MaskedSecret("PW=S3cret&&echo \"S3cret\".", "S3cret"), "PW=********&&echo \"********\".");
  EXPECT_EQ(fixer::MaskedSecret("got 'Wonder1and!': not a list", "Wonder1and!"), "got '********': not a list");
}

TEST(MaskedSecret, MasksALongSecretGluedInsideAWord) {
  EXPECT_EQ(fixer::MaskedSecret("echo xS3cretx", "S3cret"), "echo x********x");
  EXPECT_EQ(fixer::MaskedSecret("password", "word"), "pass********");
  EXPECT_EQ(fixer::MaskedSecret("S3cretS3cret", "S3cret"), "****************");
  EXPECT_EQ(fixer::MaskedSecret("caf\xC3\xA9s", "caf\xC3\xA9"), "********s");  // 5 bytes, 4 letters
}

TEST(MaskedSecret, MasksASecretInsideAPath) {
  EXPECT_EQ(fixer::MaskedSecret(R"(C:\Documents and Settings\S3cret\NTUSER.DAT)", "S3cret"),
            R"(C:\Documents and Settings\********\NTUSER.DAT)");
  EXPECT_EQ(fixer::MaskedSecret(R"(C:\Temp\S3cret.old)", "S3cret"), R"(C:\Temp\********.old)");
  EXPECT_EQ(fixer::MaskedSecret(R"(C:\Temp\xS3cret2)", "S3cret"), R"(C:\Temp\x********2)");
  EXPECT_EQ(fixer::MaskedSecret(R"(C:\ab\log)", "ab"), R"(C:\********\log)");  // a short one is a word there
}

TEST(MaskedSecret, AShortSecretIsMaskedOnlyAsAWordOfItsOwn) {
  EXPECT_EQ(fixer::MaskedSecret("net user bob", "e"), "net user bob");
  EXPECT_EQ(fixer::MaskedSecret("hello there, e", "e"), "hello there, ********");
  EXPECT_EQ(fixer::MaskedSecret("net localgroup", "a"), "net localgroup");
  EXPECT_EQ(fixer::MaskedSecret("echo ab, xab, abx", "ab"), "echo ********, xab, abx");
  EXPECT_EQ(fixer::MaskedSecret("Administrators", "Adm"), "Administrators");  // 3 bytes: still short
  EXPECT_EQ(fixer::MaskedSecret("caf\xC3\xA9 e", "caf"), "caf\xC3\xA9 e");    // a UTF-8 letter continues the word
  // An edge of the secret that is no letter or digit ends it wherever it stands.
  EXPECT_EQ(fixer::MaskedSecret("x-pw", "-pw"), "x********");
  EXPECT_EQ(fixer::MaskedSecret("a!b", "!"), "a********b");
}

TEST(MaskedSecret, TheSecretsCharactersAreMatchedAsTheyAreNeverAsAPattern) {
  EXPECT_EQ(fixer::MaskedSecret("echo a.b*(c)$1\\", "a.b*(c)$1\\"), "echo ********");
  EXPECT_EQ(fixer::MaskedSecret("echo axb*(c)$1\\", "a.b*(c)$1\\"), "echo axb*(c)$1\\");  // '.' is no wildcard
  EXPECT_EQ(fixer::MaskedSecret("[x]+ and [x]", "[x]+"), "******** and [x]");
  EXPECT_EQ(fixer::MaskedSecret("^.* and .*", ".*"), "^******** and ********");  // short, but its edges are no letters
  EXPECT_EQ(fixer::MaskedSecret("100% sure", "%"), "100******** sure");
}

TEST(MaskedSecret, AnEmptySecretOrOneOfStarsMasksNothingTwice) {
  EXPECT_EQ(fixer::MaskedSecret("a b", ""), "a b");
  EXPECT_EQ(fixer::MaskedSecret("** x **", "**"), "******** x ********");
  EXPECT_EQ(fixer::MaskedSecret("**** x", "****"), "******** x");
}

}  // namespace

// A position in the text (an error's column) moves with it: past a mask by what the text grew or
// lost, inside a masked secret to the mask's start.
TEST(MaskedSecret, APositionMovesWithTheMaskedText) {
  size_t after = 20;  // past a secret of 8 bytes, which its mask replaces byte for byte
  EXPECT_EQ(fixer::MaskedSecret("x 'Zebra#42' y z w v", "Zebra#42", after), "x '********' y z w v");
  EXPECT_EQ(after, 20u);  // 8 bytes for 8
  size_t past = 11;       // the space after the secret
  EXPECT_EQ(fixer::MaskedSecret("echo S3cret x", "S3cret", past), "echo ******** x");
  EXPECT_EQ(past, 13u);  // "S3cret" (6) became 8 bytes
  size_t inside = 7;
  fixer::MaskedSecret("echo S3cret x", "S3cret", inside);
  EXPECT_EQ(inside, 5u);  // the mask's start
  size_t before = 2;
  fixer::MaskedSecret("echo S3cret x", "S3cret", before);
  EXPECT_EQ(before, 2u);
}
