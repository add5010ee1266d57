// `fixup-sim show --format json` and `show --json` write the machine file's JSON with its one writer
// (fakes::MachineToText, through sim::MachineFileText): every scenario's machine shown either way is
// JSON, and loads back as the machine shown (its registry values' data and a processModel password
// in clear masked, as show masks them), whose JSON is the same text again.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fakes/machine_yaml.h"
#include "fakes/shown_secrets.h"
#include "fakes/yaml_parse.h"
#include "sim/machine_diff.h"
#include "sim/machine_view.h"

namespace show_json_round_trip {

const std::filesystem::path kRoot = std::filesystem::path(FIXUP_SOURCE_DIR);

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `shown` is JSON that loads back as `machine` with its secrets masked, field by field.
void ExpectLoadsBackAsShown(const std::string& shown, const fakes::MachineState& machine) {
  ASSERT_TRUE(nlohmann::json::accept(shown)) << shown.substr(0, 400);
  const auto back = fakes::LoadMachineText(shown, "shown.json");
  ASSERT_TRUE(back.ok()) << back.error->ToString();
  const fakes::MachineState masked = fakes::WithSecretsMasked(machine);
  std::string differences;
  for (const sim::Change& c : sim::DiffMachines(masked, *back.value)) differences += sim::FormatChange(c);
  EXPECT_EQ(differences, "");
  EXPECT_TRUE(*back.value == masked) << "a difference the change log does not show";
  EXPECT_EQ(sim::MachineFileText(*back.value, fakes::MachineFileFormat::kJson),
            sim::MachineFileText(machine, fakes::MachineFileFormat::kJson));
}

TEST(ShowJsonRoundTrip, EveryScenarioMachineLoadsBackAsShown) {
  size_t machines = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kRoot / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    SCOPED_TRACE(entry.path().string());
    const std::string text = Read(entry.path());
    const auto parsed = fakes::yaml::ParseYaml(text);
    ASSERT_FALSE(parsed.error) << parsed.error->message;
    const fakes::yaml::Tree& tree = parsed.tree;
    const auto top = tree.children(tree.root());
    for (size_t i = 0; i + 1 < top.size(); i += 2) {
      if (tree.text(top[i]) != "machine") continue;
      const auto loaded = fakes::LoadMachineTree(tree, top[i + 1], entry.path().string());
      ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
      ExpectLoadsBackAsShown(sim::MachineFileText(*loaded.value, fakes::MachineFileFormat::kJson), *loaded.value);
      ExpectLoadsBackAsShown(sim::MachineToJsonText(*loaded.value), *loaded.value);
      ++machines;
    }
  }
  EXPECT_GE(machines, 200u);
}

// A tab and line ends, the only controls a machine's text may hold, are JSON's short escapes (as
// nlohmann-json writes them in a capture), and read back as themselves.
TEST(ShowJsonRoundTrip, TabsAndLineEndsAreJsonsShortEscapes) {
  const auto loaded = fakes::LoadMachineText(
      "os: windows-xp-professional\n"
      "events:\n  - {source: Test, id: 1, type: error, text: \"a\\tb\\nc\\r\\nd \\\"q\\\" \\\\ caf\\u00e9\"}\n",
      "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const std::string shown = sim::MachineFileText(*loaded.value, fakes::MachineFileFormat::kJson);
  EXPECT_NE(shown.find(R"("text": "a\tb\nc\r\nd \"q\" \\ café")"), std::string::npos) << shown;
  const auto events = nlohmann::json::parse(shown).at("events");
  EXPECT_EQ(events.back().at("text"), "a\tb\nc\r\nd \"q\" \\ caf\xc3\xa9");
  ExpectLoadsBackAsShown(shown, *loaded.value);
}

// `show --json` is the same JSON with "stale_profile_entries" and "responses" as its last keys.
TEST(ShowJsonRoundTrip, ShowJsonAddsTheResponsesLast) {
  const auto loaded = fakes::LoadMachineText(
      "os: windows-xp-professional\nframeworks: [1.0]\napplications:\n  - path: /LM/W3SVC/1/ROOT/shop\n", "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const auto file = nlohmann::ordered_json::parse(sim::MachineFileText(*loaded.value, fakes::MachineFileFormat::kJson));
  auto shown = nlohmann::ordered_json::parse(sim::MachineToJsonText(*loaded.value));
  ASSERT_EQ(shown.back(), nlohmann::ordered_json({{"/LM/W3SVC/1/ROOT/shop", 200}}));
  shown.erase("responses");
  ASSERT_EQ(shown.back(), nlohmann::ordered_json::array());  // stale_profile_entries: none here
  shown.erase("stale_profile_entries");
  EXPECT_EQ(shown, file);
}

}  // namespace show_json_round_trip
