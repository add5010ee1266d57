// A run whose verb returned but whose end state could not be made durable (the backend's
// EndChanges failed after changes) ends "interrupted", exit 4, and keeps the verb's result: the
// steps it did are in the text and in the JSON's `result`, beside `interrupted` (why).
// docs/json-reports.md lists both keys. Before, the result was dropped: a reader saw only why.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/verbs.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fixer/win_error.h"
#include "support/affected_machine.h"

namespace {

// The machine in memory, whose end state cannot be saved: a full disk at the final write.
class UnsavableBackend : public fakes::MachineBackend {
 public:
  using fakes::MachineBackend::MachineBackend;
  fixer::Status EndChanges() override {
    return fixer::Status(fixer::kErrorDiskFull,
                         "m.yaml: cannot write: " + fixer::Status::Win(fixer::kErrorDiskFull).ToString());
  }
};

TEST(InterruptedRunReport, AnEndStateNotSavedKeepsTheStepsTheRunDid) {
  auto loaded = fakes::LoadMachineText(test_support::kAffectedMachine, "affected.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  fakes::Machine machine(*loaded.value);
  UnsavableBackend backend(machine);
  const app::VerbRun run = app::RunVerb(backend, app::Verb::kApply, fixer::Options{});
  ASSERT_TRUE(run.crashed) << app::RunTranscript(run);
  EXPECT_EQ(run.outcome, "interrupted");
  EXPECT_EQ(run.exit_code, fixer::ExitCode::kNotRestored);
  ASSERT_TRUE(run.result.has_value()) << "the verb's result was dropped";
  ASSERT_FALSE(run.result->steps_done.empty());

  const nlohmann::json j = app::RunJson(run);
  EXPECT_EQ(j.value("outcome", ""), "interrupted");
  EXPECT_EQ(j.value("exit_code", -1), 4);
  EXPECT_NE(j.value("interrupted", "").find("112: There is not enough space on the disk."), std::string::npos) << j;
  ASSERT_TRUE(j.contains("result")) << j;
  EXPECT_EQ(j["result"]["steps_done"].size(), run.result->steps_done.size());

  const std::string text = app::RunText(run);
  EXPECT_NE(text.find("  done:    " + run.result->steps_done.front() + "\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Interrupted: "), std::string::npos) << text;
}

}  // namespace
