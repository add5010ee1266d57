// ReadTypedLine (app/typed_line.h): a line typed on standard input, its line end LF or CR LF.
#include "app/typed_line.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace {

TEST(TypedLine, ACrBeforeTheLineFeedIsTheLineEnds) {
  std::istringstream in("Pass-w0rd!\r\nsecond\nthird\r\n");
  EXPECT_EQ(app::ReadTypedLine(in), "Pass-w0rd!");
  EXPECT_EQ(app::ReadTypedLine(in), "second");
  EXPECT_EQ(app::ReadTypedLine(in), "third");
  EXPECT_EQ(app::ReadTypedLine(in), std::nullopt);
}

TEST(TypedLine, TheLastLineNeedsNoLineFeed) {
  std::istringstream in("last\r");
  EXPECT_EQ(app::ReadTypedLine(in), "last");
  EXPECT_EQ(app::ReadTypedLine(in), std::nullopt);
}

// Only the CR just before the line end is the line end's: one elsewhere, or a second one, is the
// line's own character (a password may hold it; app::WhyNotWindowsText lets it pass).
TEST(TypedLine, OnlyOneCrBeforeTheLineFeedGoes) {
  std::istringstream in("a\rb\r\r\n\r\n");
  EXPECT_EQ(app::ReadTypedLine(in), "a\rb\r");
  EXPECT_EQ(app::ReadTypedLine(in), "");
  EXPECT_EQ(app::ReadTypedLine(in), std::nullopt);
}

TEST(TypedLine, ClosedInputHasNoLine) {
  std::istringstream in("");
  EXPECT_EQ(app::ReadTypedLine(in), std::nullopt);
}

}  // namespace
