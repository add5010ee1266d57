// A read can fail too: a fault plan's read rule makes one lookup answer a Windows error (access
// denied, 5), and the fixer's answer is tested for every read it makes while diagnosing: the
// diagnosis fails with that error, nothing on the machine changes, and the verb exits as
// README.md documents (diagnose and plan 1, apply 3 "refused: diagnose-failed").
#include <string>

#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "support/affected_machine.h"

namespace {

fakes::MachineState Affected() {
  auto loaded = fakes::LoadMachineText(test_support::kAffectedMachine, "affected.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

struct ReadCase {
  const char* op;  // a read of the machine ports (fakes/src/machine_ports.cpp)
  app::Verb verb;
  fixer::ExitCode exit;
};

class FailedRead : public ::testing::TestWithParam<ReadCase> {};

TEST_P(FailedRead, FailsTheDiagnosisAndChangesNothing) {
  const ReadCase& c = GetParam();
  const fakes::MachineState found = Affected();
  fakes::Machine machine(found);
  fakes::FaultPlan plan;
  plan.Add({.op = c.op, .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
  machine.set_faults(plan);
  fakes::MachineBackend backend(machine);

  const app::VerbRun run = app::RunVerb(backend, c.verb, fixer::Options{});

  EXPECT_EQ(run.exit_code, c.exit) << app::RunTranscript(run);
  EXPECT_FALSE(run.changed);
  EXPECT_TRUE(machine.state() == found) << "a failed read must leave the machine as found";
  EXPECT_EQ(machine.faults().calls(), 0u) << "no mutating call after a failed read";
  const std::string text = app::RunText(run);
  EXPECT_NE(text.find("5: Access is denied."), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(Reads, FailedRead,
                         ::testing::Values(ReadCase{"sam.lookup_user", app::Verb::kDiagnose, fixer::ExitCode::kFailed},
                                           ReadCase{"sam.lookup_user", app::Verb::kPlan, fixer::ExitCode::kFailed},
                                           ReadCase{"sam.lookup_user", app::Verb::kApply, fixer::ExitCode::kRefused},
                                           ReadCase{"aspnet.frameworks", app::Verb::kDiagnose,
                                                    fixer::ExitCode::kFailed},
                                           ReadCase{"inventory.os", app::Verb::kApply, fixer::ExitCode::kRefused},
                                           ReadCase{"inventory.caller", app::Verb::kDiagnose, fixer::ExitCode::kFailed},
                                           // Reads of one SID's data (their target is printed only for a read rule).
                                           ReadCase{"lsa.rights_of", app::Verb::kDiagnose, fixer::ExitCode::kFailed},
                                           ReadCase{"lsa.rights_of", app::Verb::kApply, fixer::ExitCode::kRefused},
                                           ReadCase{"profiles.find", app::Verb::kDiagnose, fixer::ExitCode::kFailed},
                                           ReadCase{"acl.find_aces", app::Verb::kDiagnose, fixer::ExitCode::kFailed}),
                         [](const auto& info) {
                           std::string name =
                               std::string(info.param.op) + "_" + std::string(app::ToString(info.param.verb));
                           for (char& ch : name)
                             if (ch == '.') ch = '_';
                           return name;
                         });

// Reads are counted apart from mutations: a read rule leaves a sweep's numbering as it was.
TEST(ReadFaults, AreNotCountedAmongTheMutations) {
  fakes::Machine clean(Affected());
  fakes::Machine with_rule(Affected());
  fakes::FaultPlan plan;
  plan.Add({.op = "sam.lookup_user", .nth = 1000, .read = true});  // never reached
  with_rule.set_faults(plan);
  fakes::MachineBackend a(clean), b(with_rule);
  const app::VerbRun ra = app::RunVerb(a, app::Verb::kApply, fixer::Options{});
  const app::VerbRun rb = app::RunVerb(b, app::Verb::kApply, fixer::Options{});
  EXPECT_EQ(ra.exit_code, fixer::ExitCode::kOk) << app::RunTranscript(ra);
  EXPECT_EQ(clean.faults().calls(), with_rule.faults().calls());
  EXPECT_TRUE(clean.state() == with_rule.state());
}

}  // namespace
