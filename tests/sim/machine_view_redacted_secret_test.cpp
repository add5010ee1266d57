// What a capture recorded of the LSA secret it redacted (`{redacted: true, logs_on: BOOL}`):
// `fixup-sim show`'s text says it where it lists the secrets, never a value; the forms that load
// back keep the record as the loader reads it, so a shown capture loads back with the same
// logs_on; storing the secret drops the record, as its value is then the one stored.
#include <gtest/gtest.h>

#include <string>

#include "fakes/lsa.h"
#include "fakes/machine_yaml.h"
#include "sim/machine_diff.h"
#include "sim/machine_view.h"

namespace {

// A capture of a machine with ASP.NET 1.0 whose secret is `secret` (a flow map).
fakes::MachineState CaptureWithSecret(const std::string& secret) {
  const std::string text =
      "capture: {tool: aspnet-fixer 0.1.0, accounts: [ASPNET]}\n"
      "frameworks: ['1.0']\n"
      "secrets:\n"
      "  aspnet_WP_PASSWORD: " +
      secret + "\n";
  auto loaded = fakes::LoadMachineText(text, "captured.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? *loaded.value : fakes::MachineState{};
}

// The line of `show`'s text that begins with `start`, or "".
std::string LineStarting(const std::string& text, const std::string& start) {
  for (size_t at = 0; at < text.size();) {
    const size_t end = text.find('\n', at);
    const std::string line = text.substr(at, end - at);
    if (line.rfind(start, 0) == 0) return line;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "";
}

TEST(RedactedSecret, ShowSaysWhatTheCaptureFoundNeverAValue) {
  const struct {
    const char* secret;
    const char* shown;
  } cases[] = {
      {"{redacted: true, logs_on: false}", "  aspnet_WP_PASSWORD (redacted by capture; logs ASPNET on: no)"},
      {"{redacted: true, logs_on: true}", "  aspnet_WP_PASSWORD (redacted by capture; logs ASPNET on: yes)"},
      {"{redacted: true}", "  aspnet_WP_PASSWORD (redacted by capture; logs ASPNET on: not known)"},
  };
  for (const auto& c : cases) {
    const std::string text = sim::RenderMachineText(CaptureWithSecret(c.secret));
    EXPECT_NE(text.find("LSA secrets:\n"), std::string::npos) << text;
    EXPECT_EQ(LineStarting(text, "  aspnet_WP_PASSWORD"), c.shown) << text;
    EXPECT_EQ(text.find("value not captured"), std::string::npos) << "the placeholder value is shown\n" << text;
  }
}

TEST(RedactedSecret, AMachineFileThatIsNoCaptureListsTheSecretByItsNameAlone) {
  auto loaded = fakes::LoadMachineText("frameworks: ['1.0']\nsecrets:\n  L$Other: {clear: Hidden-Pa55}\n", "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const std::string text = sim::RenderMachineText(*loaded.value);
  EXPECT_EQ(LineStarting(text, "  aspnet_WP_PASSWORD"), "  aspnet_WP_PASSWORD") << text;
  EXPECT_EQ(LineStarting(text, "  L$Other"), "  L$Other") << text;
  EXPECT_EQ(text.find("Hidden-Pa55"), std::string::npos) << text;
  EXPECT_EQ(text.find("redacted"), std::string::npos) << text;
}

// show --format yaml|json (and --json): the record beside the value standing in for the secret;
// loaded back, the same machine, the same logs_on.
TEST(RedactedSecret, TheFormsThatLoadBackKeepTheRecord) {
  for (const char* secret :
       {"{redacted: true, logs_on: false}", "{redacted: true, logs_on: true}", "{redacted: true}"}) {
    const fakes::MachineState captured = CaptureWithSecret(secret);
    ASSERT_EQ(captured.lsa.redacted_secrets.size(), 1u) << secret;
    for (const auto format : {fakes::MachineFileFormat::kYaml, fakes::MachineFileFormat::kJson}) {
      const std::string shown = sim::MachineFileText(captured, format);
      EXPECT_NE(shown.find("redacted"), std::string::npos) << shown;
      auto reloaded = fakes::LoadMachineText(shown, "shown.yaml");
      ASSERT_TRUE(reloaded.ok()) << reloaded.error->ToString();
      EXPECT_EQ(reloaded.value->lsa.redacted_secrets, captured.lsa.redacted_secrets) << shown;
      EXPECT_TRUE(reloaded.value->lsa == captured.lsa) << shown;
      EXPECT_EQ(sim::RenderMachineText(*reloaded.value), sim::RenderMachineText(captured));
    }
    const std::string json = sim::MachineToJsonText(captured);
    auto reloaded = fakes::LoadMachineText(json, "shown.json");
    ASSERT_TRUE(reloaded.ok()) << reloaded.error->ToString();
    EXPECT_EQ(reloaded.value->lsa.redacted_secrets, captured.lsa.redacted_secrets) << json;
  }
}

// The saved form's `stored` beside `redacted` is the saved form's alone: a capture gives no value.
TEST(RedactedSecret, AStoredValueBesideRedactedIsTheSavedFormsAlone) {
  auto loaded = fakes::LoadMachineText("secrets:\n  aspnet_WP_PASSWORD: {stored: '00', redacted: true}\n", "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error->ToString().find("expected exactly one of: clear, stored, redacted, absent"),
            std::string::npos)
      << loaded.error->ToString();
}

// A secret stored anew (aspnet_regiis -i, the fixer's repair) is no longer the capture's stand-in:
// the record goes, and the change log says so field by field.
TEST(RedactedSecret, StoringTheSecretDropsTheRecord) {
  fakes::Machine machine(CaptureWithSecret("{redacted: true, logs_on: false}"));
  const fakes::MachineState before = machine.state();
  ASSERT_TRUE(fakes::Lsa(machine).StoreSecret("ASPNET_WP_PASSWORD", fixer::Secret::FromString("N3w-Pa55!x")).ok());
  EXPECT_TRUE(machine.state().lsa.redacted_secrets.empty());
  const std::string text = sim::RenderMachineText(machine.state());
  EXPECT_EQ(LineStarting(text, "  aspnet_WP_PASSWORD"), "  aspnet_WP_PASSWORD") << text;
  bool said = false;
  for (const sim::Change& c : sim::DiffMachines(before, machine.state())) {
    EXPECT_EQ(c.path.find("N3w"), std::string::npos);
    if (c.path == "secrets[aspnet_WP_PASSWORD].logs_on") {
      said = true;
      EXPECT_EQ(c.before, "false");
      EXPECT_EQ(c.after, "(none)");
    }
  }
  EXPECT_TRUE(said);
}

}  // namespace
