// `fixup-sim show` of a capture (audit 11 item 9): what the capture could not read is shown as the
// file's default, so the text marks it where it stands, and names the accounts a fresh install
// gave the reproduction, which the capture never read.
#include <gtest/gtest.h>

#include <string>

#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace machine_view_capture {

// What aspnet-fixer.exe wrote under Wine: the OS, the caller and the policy not read.
constexpr const char* kWineCapture = R"({
  "base": "fresh-install",
  "capture": {
    "tool": "aspnet-fixer 0.1.0",
    "accounts": [],
    "unreadable": [
      {"read": "the operating system", "error": 50, "message": "The request is not supported."},
      {"read": "the calling user", "error": 2140, "message": "An internal error occurred."},
      {"read": "the console user", "error": 2140, "message": "An internal error occurred."}
    ]
  },
  "accounts": {}
})";

TEST(RenderMachineText, MarksWhatACaptureCouldNotRead) {
  const auto loaded = fakes::LoadMachineText(kWineCapture, "cap.json");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const std::string text = sim::RenderMachineText(*loaded.value);
  EXPECT_NE(text.find("Machine XPPRO: Windows XP Professional SP1 (not read: 50: The request is not supported.; "
                      "shown: the default)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Caller: Administrator (not read: 2140: An internal error occurred.; shown: the default)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("at the console: nobody (not read: 2140"), std::string::npos) << text;
  EXPECT_NE(text.find("Administrator  S-1-5-21-"), std::string::npos) << text;
  EXPECT_NE(text.find("(not captured: a fresh install's account)"), std::string::npos) << text;
}

TEST(RenderMachineText, AMachineFileThatIsNoCaptureHasNoMarks) {
  const auto loaded = fakes::LoadMachineText("os: windows-xp-professional\n", "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const std::string text = sim::RenderMachineText(*loaded.value);
  EXPECT_EQ(text.find("not read"), std::string::npos) << text;
  EXPECT_EQ(text.find("not captured"), std::string::npos) << text;
}

}  // namespace machine_view_capture
