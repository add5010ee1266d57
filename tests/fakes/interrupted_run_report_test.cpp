// A changing run whose verb returned but whose end could not be written (the backend's EndChanges
// failed: a full disk) says one outcome with one exit code, from what the backend still holds
// (fixer::Kept). Only the rewrite failed (the log holds everything): the outcome stands, with a
// warning among its messages. The end not held and no way to take the run back: "interrupted",
// exit 4, the verb's result kept for its steps (the text and the JSON's `result`, beside
// `interrupted`), but never its own outcome or exit code, which would contradict the run's.
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
  UnsavableBackend(fakes::Machine& machine, fixer::Kept kept) : fakes::MachineBackend(machine), kept_(kept) {}
  fixer::Status EndChanges() override {
    return fixer::Status(fixer::kErrorDiskFull,
                         "m.yaml: cannot write: " + fixer::Status::Win(fixer::kErrorDiskFull).ToString());
  }
  fixer::Kept KeptAfterFailedEnd() const override { return kept_; }

 private:
  fixer::Kept kept_;
};

fakes::MachineState AffectedMachineInterrupted() {
  auto loaded = fakes::LoadMachineText(test_support::kAffectedMachine, "affected.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? *loaded.value : fakes::MachineState{};
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(InterruptedRunReport, OnlyTheRewriteFailedTheOutcomeStandsWithAWarning) {
  fakes::Machine machine(AffectedMachineInterrupted());
  UnsavableBackend backend(machine, fixer::Kept::kAll);
  const app::VerbRun run = app::RunVerb(backend, app::Verb::kApply, fixer::Options{});
  EXPECT_FALSE(run.crashed) << app::RunTranscript(run);
  EXPECT_EQ(run.outcome, "fixed");
  EXPECT_EQ(run.exit_code, fixer::ExitCode::kOk);
  ASSERT_EQ(run.warnings.size(), 1u);
  EXPECT_NE(run.warnings[0].find("m.yaml: cannot write: 112: There is not enough space on the disk. The file was "
                                 "not rewritten, but its log holds every change"),
            std::string::npos)
      << run.warnings[0];
  const std::string text = app::RunText(run);
  EXPECT_EQ(Count(text, "Outcome: "), 1u) << text;
  EXPECT_NE(text.find("The file was not rewritten"), std::string::npos) << text;
  EXPECT_TRUE(text.ends_with("Outcome: fixed (exit 0)\n")) << text;
  EXPECT_EQ(text.find("Interrupted"), std::string::npos) << text;
}

TEST(InterruptedRunReport, AnEndNotHeldKeepsTheStepsButNotTheirOutcome) {
  fakes::Machine machine(AffectedMachineInterrupted());
  machine.faults().Add({.nth = 8, .error = fixer::kErrorAccessDenied});  // a step fails: the run restores
  UnsavableBackend backend(machine, fixer::Kept::kToLastRecord);         // and cannot take its records back
  const app::VerbRun run = app::RunVerb(backend, app::Verb::kApply, fixer::Options{});
  ASSERT_TRUE(run.crashed) << app::RunTranscript(run);
  EXPECT_EQ(run.outcome, "interrupted");
  EXPECT_EQ(run.exit_code, fixer::ExitCode::kNotRestored);
  ASSERT_TRUE(run.result.has_value()) << "the verb's result was dropped";
  ASSERT_FALSE(run.result->steps_done.empty());

  const nlohmann::json j = app::RunJson(run);
  EXPECT_EQ(j.value("outcome", ""), "interrupted");
  EXPECT_EQ(j.value("exit_code", -1), 4);
  const std::string why = j.value("interrupted", "");
  EXPECT_NE(why.find("m.yaml: cannot write: 112: There is not enough space on the disk."), std::string::npos) << j;
  EXPECT_EQ(Count(why, "112"), 1u) << why;
  ASSERT_TRUE(j.contains("result")) << j;
  EXPECT_EQ(j["result"]["steps_done"].size(), run.result->steps_done.size());
  EXPECT_FALSE(j["result"].contains("outcome")) << j;
  EXPECT_FALSE(j["result"].contains("exit_code")) << j;

  const std::string text = app::RunText(run);
  EXPECT_NE(text.find("  done:    " + run.result->steps_done.front() + "\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Interrupted: "), std::string::npos) << text;
  EXPECT_EQ(Count(text, "Outcome: "), 1u) << text;
  EXPECT_TRUE(text.ends_with("Outcome: interrupted (exit 4)\n")) << text;
}

}  // namespace
