// The saved form (fakes::MachineToText): what its writer must quote so that every string comes
// back as it was, in block and in flow position, and that the text is a fixed point.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fakes/fresh_install.h"
#include "fakes/machine_yaml.h"

namespace {

// Strings a plain scalar would change or break: YAML syntax, null and bool spellings, edges.
fakes::MachineState FreshXp(uint64_t seed) {
  fakes::InstallOptions options;
  options.seed = seed;
  return fakes::FreshInstall(options);
}

const std::vector<std::string> kAwkward = {"",
                                           "~",
                                           "null",
                                           "NULL",
                                           "true",
                                           "no",
                                           "0x10",
                                           "-",
                                           "- x",
                                           "-x",
                                           "?",
                                           "? x",
                                           ":",
                                           "a: b",
                                           "a:b",
                                           "a #b",
                                           "#x",
                                           "x#",
                                           "'q'",
                                           "\"q\"",
                                           "it's",
                                           "[x]",
                                           "{x}",
                                           "a, b",
                                           "a,b",
                                           "x]",
                                           "&a",
                                           "*a",
                                           "!t",
                                           "|",
                                           ">",
                                           "%p",
                                           "@at",
                                           "`bt",
                                           " lead",
                                           "trail ",
                                           "tab\there",
                                           "two\nlines",
                                           "...",
                                           "---",
                                           "C:\\WINDOWS\\Temp",
                                           "C:\\x: y",
                                           "J\xc3\xbcrgen",
                                           "\xe2\x80\xa8",
                                           "back\\slash\"quote"};

TEST(MachineYamlSave, AwkwardStringsComeBackUnchanged) {
  fakes::MachineState s = FreshXp(3);
  ASSERT_FALSE(s.sam.users.empty());
  for (size_t i = 0; i < kAwkward.size(); ++i) {
    const std::string& text = kAwkward[i];
    SCOPED_TRACE("string #" + std::to_string(i));
    fakes::MachineState t = s;
    t.sam.users[0].full_name = text;                                             // block value
    t.services[0].dependencies = {text};                                         // flow list, alone
    t.journal.push_back({.seq = 1, .step = "s", .data = {{"k" + text, text}}});  // block key and value
    if (!text.empty()) t.lsa.secrets["L$" + text] = "00";                        // block key
    const std::string saved = fakes::MachineToText(t);
    const auto back = fakes::LoadMachineText(saved, "saved.yaml");
    ASSERT_TRUE(back.ok()) << back.error->ToString() << "\n" << saved.substr(0, 4000);
    EXPECT_TRUE(*back.value == t);
    EXPECT_EQ(fakes::MachineToText(*back.value), saved);
  }
}

TEST(MachineYamlSave, LayoutIsBlockWithFlowLeaves) {
  const std::string saved = fakes::MachineToText(FreshXp(1));
  EXPECT_EQ(saved.rfind("# fixup-sim machine state, full form (docs/machine-format.md)\nbase: empty\nseed: 1\n", 0), 0u)
      << saved.substr(0, 200);
  EXPECT_NE(saved.find("\nweb_server:\n  kind: iis-5.1\n"), std::string::npos);
  EXPECT_NE(saved.find("\nobjects:\n  - file: "), std::string::npos);
  EXPECT_NE(saved.find("\n    acl:\n      - {allow: "), std::string::npos);
  EXPECT_NE(saved.find("\njournal: []\n"), std::string::npos);
  EXPECT_EQ(saved.back(), '\n');
}

}  // namespace
