// What apply, resume and rollback say when they refuse a machine they could not read (audit 24
// items 7 and 8): the read's error number and text on standard error as diagnose and plan say it
// (ReadErrorOf, InputErrorOf: aspnet-fixer prints them there), the text once on standard output,
// and no advice to become an administrator, which a refused read's caller already is.
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fixer/ports/journal.h"
#include "support/affected_machine.h"

namespace refused_read_words {

fakes::MachineState Affected() {
  auto loaded = fakes::LoadMachineText(test_support::kAffectedMachine, "affected.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

// `verb` run on the affected machine whose first `op` read fails with `error`.
app::VerbRun RunWithFailedRead(app::Verb verb, const std::string& op, uint32_t error) {
  fakes::Machine machine(Affected());
  fakes::FaultPlan plan;
  plan.Add({.op = op, .nth = 1, .error = error, .read = true});
  machine.set_faults(plan);
  fakes::MachineBackend backend(machine);
  return app::RunVerb(backend, verb, fixer::Options{});
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class RefusedReadWords : public ::testing::TestWithParam<app::Verb> {};

// A journal read that failed (5, the journal's folder refused): diagnose-failed, said on standard error.
TEST_P(RefusedReadWords, AFailedReadIsSaidWithItsNumberAndNoAdministratorAdvice) {
  const app::VerbRun run = RunWithFailedRead(GetParam(), "journal.load", fixer::kErrorAccessDenied);
  EXPECT_EQ(app::ReadErrorOf(run), "5: Access is denied.") << app::RunText(run);
  EXPECT_EQ(app::RunText(run).find("run as an administrator"), std::string::npos) << app::RunText(run);
}

// Any other read that failed (machine.config, 13) is said as apply's refusal names it.
TEST(RefusedDiagnosisWords, AFailedDiagnosisIsSaidOnStandardErrorToo) {
  const app::VerbRun run = RunWithFailedRead(app::Verb::kApply, "aspnet.frameworks", fixer::kErrorInvalidData);
  EXPECT_NE(app::ReadErrorOf(run).find("13: The data is invalid."), std::string::npos) << app::RunText(run);
  EXPECT_EQ(app::RunText(run).find("run as an administrator"), std::string::npos) << app::RunText(run);
}

// A journal edited by hand (87): its number with its text on standard error, the text once on
// standard output (its `error:` line), as diagnose says it.
TEST_P(RefusedReadWords, AJournalEditedByHandIsSaidWithItsNumberOnce) {
  fakes::Machine machine(Affected());
  machine.set_journal_unreadable(
      fixer::UnreadableJournal({.record = 0, .why = "the line is not a record (seq|step|phase|key=value;...)"}));
  fakes::MachineBackend backend(machine);
  const app::VerbRun run = app::RunVerb(backend, GetParam(), fixer::Options{});
  const std::string said = app::InputErrorOf(run);
  EXPECT_TRUE(said.starts_with("87: The parameter is incorrect. Journal record 1: ")) << said;
  EXPECT_EQ(Count(app::RunText(run), "the line is not a record"), 1u) << app::RunText(run);
}

INSTANTIATE_TEST_SUITE_P(ChangingVerbs, RefusedReadWords,
                         ::testing::Values(app::Verb::kApply, app::Verb::kResume, app::Verb::kRollback),
                         [](const auto& info) { return std::string(app::ToString(info.param)); });

}  // namespace refused_read_words
