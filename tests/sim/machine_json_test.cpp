// `fixup-sim show --json` and `aspnet-fixer capture`: a machine as one JSON object whose keys keep
// the file's order. The capture is built by appending each key (app::AppendNewKey), not by
// operator[], which looks every key up and made a section of N entries cost N^2; show's is the
// machine file's JSON text with its responses added (the benchmarks BM_ShowJsonGrownMachine and
// BM_CaptureGrownMachine fit each section's cost to N).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace {

TEST(AppendNewKey, AppendsInOrderAndMakesAnObjectOfNull) {
  nlohmann::ordered_json j;
  app::AppendNewKey(j, "zeta", 1);
  app::AppendNewKey(j, "alpha", {{"nested", true}});
  app::AppendNewKey(j, "Mid", "x");
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j.dump(), R"({"zeta":1,"alpha":{"nested":true},"Mid":"x"})");
  EXPECT_EQ(j.at("alpha").at("nested"), true);  // found as any object's key is
}

// Every account of the file, in the file's order, each once; the same for services and secrets.
TEST(MachineToJsonText, EachSectionKeepsEveryEntryInTheFilesOrder) {
  std::string text = "os: windows-xp-professional\nframeworks: [1.0]\naccounts:\n";
  std::vector<std::string> names;
  for (int i = 300; i > 0; --i) {  // not in sorted order
    names.push_back("user" + std::to_string(i));
    text += "  " + names.back() + ": {password: Pw" + std::to_string(i) + "xyz!}\n";
  }
  text += "secrets:\n  Zsecret: {clear: a}\n  asecret: {clear: b}\n";
  const auto loaded = fakes::LoadMachineText(text, "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const auto j = nlohmann::ordered_json::parse(sim::MachineToJsonText(*loaded.value));
  std::vector<std::string> shown;
  for (const auto& [name, account] : j.at("accounts").items()) {
    if (name.rfind("user", 0) == 0) shown.push_back(name);
  }
  EXPECT_EQ(shown, names);
  std::vector<std::string> secrets;
  for (const auto& [name, secret] : j.at("secrets").items()) secrets.push_back(name);
  EXPECT_NE(std::find(secrets.begin(), secrets.end(), "Zsecret"), secrets.end());
  EXPECT_NE(std::find(secrets.begin(), secrets.end(), "asecret"), secrets.end());
  EXPECT_TRUE(j.contains("responses"));
}

}  // namespace

namespace {

// JSON may carry a name a batch file gave: a C1 control (U+009B is CSI) or a bidirectional
// control printed raw would command the terminal the JSON is shown on; \uXXXX is the same JSON.
TEST(JsonText, WritesC1AndBidiControlsAsUnicodeEscapes) {
  nlohmann::json j = {{"name",
                       "a\xc2\x9b[2Jb\xe2\x80\xae"
                       "c\x1b"},
                      {"bad", "\xff"}};
  const std::string text = app::JsonText(j);
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos) << text;
  EXPECT_EQ(text.find("\xe2\x80\xae"), std::string::npos) << text;
  EXPECT_NE(text.find("\\u009b"), std::string::npos) << text;
  EXPECT_NE(text.find("\\u202e"), std::string::npos) << text;
  // Still the same JSON: it parses back to the same strings (the byte that is not UTF-8 as \xff).
  const nlohmann::json back = nlohmann::json::parse(text);
  EXPECT_EQ(back["name"],
            "a\xc2\x9b[2Jb\xe2\x80\xae"
            "c\x1b");
  EXPECT_EQ(back["bad"], "\\xff");
}

}  // namespace

namespace {

// `show`'s text: status 0 is no HTTP answer (nothing listens), said as the refused connection a
// browser gets, never "answers 0" (audit 8); a served page's status as it is.
TEST(RenderMachineText, ARequestNothingListensForGetsNoAnswer) {
  const std::string app = "frameworks: [1.0]\napplications:\n  - path: /LM/W3SVC/1/ROOT/shop\n";
  const auto stopped = fakes::LoadMachineText(
      "os: windows-xp-professional\n" + app + "services:\n  W3SVC: {state: stopped}\n", "m.yaml");
  ASSERT_TRUE(stopped.ok()) << stopped.error->ToString();
  const std::string text = sim::RenderMachineText(*stopped.value);
  EXPECT_NE(text.find("a request now gets no answer (10061: No connection could be made because the target machine "
                      "actively refused it.)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("answers 0"), std::string::npos) << text;
  const auto running = fakes::LoadMachineText("os: windows-xp-professional\n" + app, "m.yaml");
  ASSERT_TRUE(running.ok()) << running.error->ToString();
  EXPECT_NE(sim::RenderMachineText(*running.value).find("a request now answers 200"), std::string::npos);
}

}  // namespace
