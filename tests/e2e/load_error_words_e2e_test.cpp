// What the tools say of a file they cannot load, as a user sees it: no password in an error's
// excerpt however the file writes it, nor a value typed after a mistyped secret option; columns
// counted in characters (a UTF-8 file and its UTF-16 copy alike); a name too long said as Windows'
// 206 (docs/machine-format.md#what-output-never-shows, docs/scenario-format.md, "Load errors").
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

class LoadErrorWords : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
  }
  test_support::TempFolder dir_{"load_error_words_e2e"};
};

// The forms a black-box audit found printing the password (Sekrit1pw, Sekrit2pw) in `near:`.
TEST_F(LoadErrorWords, NoPasswordInAnExcerptHoweverTheFileWritesIt) {
  struct Case {
    const char* file;
    std::string text;
    std::vector<std::string> args;
  };
  const std::vector<Case> cases = {
      {"a.yaml", "accounts:\n  bob: {password:\n      Sekrit1pw, x: 1}\n", {"diagnose", "--machine", "a.yaml"}},
      {"b.yaml",
       "accounts:\n  bob: {password: \"Sekrit1pw\n  Sekrit2pw\", x: 1}\n",
       {"diagnose", "--machine", "b.yaml"}},
      {"b4.yaml",
       "accounts:\n  bob: {password: \"Sekrit1pw\n    Sekrit2pw\", x: 1}\n",
       {"plan", "--machine", "b4.yaml"}},
      {"c.yaml", "accounts:\n  bob: {? password : Sekrit1pw}\n", {"diagnose", "--machine", "c.yaml"}},
      {"d.yaml", "accounts:\n  bob: {\"pass\\x77ord\": Sekrit1pw, x: 1}\n", {"diagnose", "--machine", "d.yaml"}},
  };
  for (const Case& c : cases) {
    dir_.Write(c.file, c.text);
    for (const bool json : {false, true}) {
      std::vector<std::string> args = c.args;
      if (json) args.push_back("--json");
      const Ran r = Run(ASPNET_FIXER_BIN, args);
      EXPECT_EQ(r.exit_code, 2) << c.file << r.err;
      EXPECT_THAT(r.err + r.out, Not(HasSubstr("Sekrit"))) << c.file << "\n" << r.err << r.out;
    }
    const Ran show = Run(FIXUP_SIM_BIN, {"show", c.file});
    EXPECT_EQ(show.exit_code, 2) << c.file;
    EXPECT_THAT(show.err, Not(HasSubstr("Sekrit"))) << c.file << "\n" << show.err;
  }
  // The key at fault is still shown, and pointed at, past the masked line of the password.
  const Ran b4 = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "b4.yaml"});
  EXPECT_THAT(b4.err, HasSubstr("b4.yaml:3:15: accounts.bob: unknown key 'x'"));
  EXPECT_THAT(b4.err, HasSubstr("near: \"    ********, x: ********}\""));  // an unknown key's value: not quoted

  dir_.Write("e.yaml",
             "summary: s\nmachine:\nsteps:\n  - command: {line: \"net user bob\n      Sekrit1pw /add\", x: 1}\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", "e.yaml"}, {"run", "e.yaml", "--json"}, {"sweep", "e.yaml"}}) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args.back();
    EXPECT_THAT(r.err + r.out, Not(HasSubstr("Sekrit"))) << r.err << r.out;
  }
}

// A value typed after a secret option mistyped is no more echoed than after the option itself.
TEST_F(LoadErrorWords, AValueAfterAnUnknownOptionIsNeverEchoed) {
  const struct {
    const char* program;
    std::vector<std::string> args;
  } cases[] = {
      {ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp_password", "Sekrit3pw"}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp_password=Sekrit3pw"}},
      {FIXUP_SIM_BIN, {"legacy", "s.yaml", "--answe", "Sekrit3pw"}},
      {FIXUP_SIM_BIN, {"compare", "s.yaml", "--answers", "Sekrit3pw"}},
  };
  for (const auto& c : cases) {
    const Ran r = Run(c.program, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[2] << r.err;
    EXPECT_THAT(r.err + r.out, Not(HasSubstr("Sekrit3pw"))) << r.err;
    EXPECT_THAT(r.err, HasSubstr("--")) << "the unknown option is still named:\n" << r.err;
  }
}

// Columns count characters, as editors do: "ééé" is three columns, in UTF-8 or in UTF-16.
TEST_F(LoadErrorWords, AColumnCountsCharactersInEveryEncoding) {
  const std::string text = "accounts:\n  bob: {full_name: \"\xc3\xa9\xc3\xa9\xc3\xa9\", flags: [nope]}\n";
  std::string utf16 = "\xff\xfe";  // UTF-16 little-endian, with its byte order mark
  for (size_t i = 0; i < text.size();) {
    char16_t unit = static_cast<unsigned char>(text[i]);
    if (unit >= 0x80) {  // é: two bytes of UTF-8, one unit of UTF-16
      unit = static_cast<char16_t>(((unit & 0x1f) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3f));
      i += 2;
    } else {
      ++i;
    }
    utf16 += static_cast<char>(unit & 0xff);
    utf16 += static_cast<char>(unit >> 8);
  }
  dir_.Write("m8.yaml", text);
  dir_.Write("m16.yaml", utf16);
  for (const char* file : {"m8.yaml", "m16.yaml"}) {
    const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", file});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr(std::string(file) + ":2:35: ")) << r.err;
    const Ran show = Run(FIXUP_SIM_BIN, {"show", file});
    EXPECT_THAT(show.err, HasSubstr(std::string(file) + ":2:35: ")) << show.err;
  }
  // A scenario's too, in --json's load_error: 'bogus' is the 32nd character, the 34th byte.
  dir_.Write("s.yaml", "summary: s\nmachine: {}\nsteps:\n  - create_account: {name: \xc3\xa9\xc3\xa9, bogus: 1}\n");
  const Ran run = Run(FIXUP_SIM_BIN, {"run", "s.yaml", "--json"});
  EXPECT_THAT(run.out, HasSubstr("\"column\": 32")) << run.out;
  EXPECT_THAT(run.err, HasSubstr("s.yaml:4:32: ")) << run.err;
}

// A name too long for the file system is Windows' 206 in aspnet-fixer's words, the C library's in
// fixup-sim's, as every file error of each tool.
TEST_F(LoadErrorWords, ANameTooLongIsSaidWithItsReason) {
  const std::string name = std::string(300, 'a') + ".yaml";
  const Ran fixer = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", name});
  EXPECT_EQ(fixer.exit_code, 2);
  EXPECT_THAT(fixer.err, HasSubstr("cannot read machine state file: 206: The filename or extension is too long."));
  const Ran show = Run(FIXUP_SIM_BIN, {"show", name});
  EXPECT_EQ(show.exit_code, 2);
  EXPECT_THAT(show.err, HasSubstr("cannot read machine state file: File name too long"));
}

}  // namespace
