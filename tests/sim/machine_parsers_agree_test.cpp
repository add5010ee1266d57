// fakes' own YAML parser against yaml-cpp, which it replaced in the machine loader: every
// scenario's `machine:` block and every machine example in docs/machine-format.md loads to the
// same MachineState through both (sim::LoadMachineNode hands a yaml-cpp node to the machine loader).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fakes/machine_yaml.h"
#include "fakes/yaml_parse.h"
#include "sim/machine_yaml_node.h"

namespace {

const std::filesystem::path kRoot = std::filesystem::path(FIXUP_SOURCE_DIR);

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectSame(const fakes::Loaded<fakes::MachineState>& ours, const fakes::Loaded<fakes::MachineState>& theirs) {
  ASSERT_TRUE(theirs.ok()) << theirs.error->ToString();
  ASSERT_TRUE(ours.ok()) << ours.error->ToString();
  EXPECT_EQ(fakes::MachineToText(*ours.value), fakes::MachineToText(*theirs.value));
}

TEST(MachineParsersAgree, EveryScenarioMachine) {
  size_t scenarios = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    SCOPED_TRACE(entry.path().string());
    const std::string text = Read(entry.path());
    const YAML::Node theirs = YAML::Load(text)["machine"];
    const auto parsed = fakes::yaml::ParseYaml(text);
    ASSERT_FALSE(parsed.error) << parsed.error->mark.line << ":" << parsed.error->mark.column << ": "
                               << parsed.error->message;
    const fakes::yaml::Tree& tree = parsed.tree;
    const auto top = tree.children(tree.root());
    std::optional<fakes::yaml::NodeId> machine;
    for (size_t i = 0; i + 1 < top.size(); i += 2) {
      if (tree.text(top[i]) == "machine") machine = top[i + 1];
    }
    ASSERT_TRUE(machine.has_value());
    ExpectSame(fakes::LoadMachineTree(tree, *machine, "s.yaml"), sim::LoadMachineNode(theirs, "s.yaml"));
    ++scenarios;
  }
  EXPECT_GE(scenarios, 30u);
}

TEST(MachineParsersAgree, EveryMachineFormatExample) {
  const std::string doc = Read(kRoot / "docs" / "machine-format.md");
  size_t examples = 0;
  for (size_t pos = doc.find("```yaml\n"); pos != std::string::npos; pos = doc.find("```yaml\n", pos + 1)) {
    const size_t body = pos + 8;
    const std::string text = doc.substr(body, doc.find("```", body) - body);
    SCOPED_TRACE(text);
    ExpectSame(fakes::LoadMachineText(text, "m.yaml"), sim::LoadMachineNode(YAML::Load(text), "m.yaml"));
    ++examples;
  }
  EXPECT_GE(examples, 15u);
}

}  // namespace
