// The texts a fixer run prints, pinned byte for byte: app::RunTranscript (what a scenario report
// and the sweep show) and app::RunText (what aspnet-fixer prints) of every verb, a failed read, a
// failure rolled back, a power loss, its resume and rollback, and a recreate with many items, on
// fake machines, against the files in tests/fakes/transcripts/. Scenarios and the sweep compare
// these texts, so a renderer that changes one byte must change its golden file on purpose.
//
// To write the files again after a deliberate change of the texts:
//   FIXUP_UPDATE_TRANSCRIPTS=1 build/bin/fakes_tests --gtest_filter='*TranscriptGolden*'
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"

namespace {

constexpr int kAclFolders = 12;

// An affected XP machine whose ASPNET holds ACEs on kAclFolders folders and a registry key, a SQL
// login and a database user, and is locked out (a cause the plan also repairs).
std::string RichMachineText() {
  std::string text =
      "os: windows-xp-professional\n"
      "frameworks: [\"1.0\"]\n"
      "hotfixes: [MS03-032]\n"
      "applications:\n"
      "  - path: /LM/W3SVC/1/ROOT/app\n"
      "  - path: /LM/W3SVC/1/ROOT/shop\n"
      "accounts:\n"
      "  ASPNET: {flags: [password_never_expires, cannot_change_password, locked_out]}\n"
      "sql:\n"
      "  databases: [shop]\n"
      "  logins:\n"
      "    - {name: 'XPPRO\\ASPNET', server_roles: [], default_database: shop}\n"
      "  users:\n"
      "    - {database: shop, name: ASPNET, login: 'XPPRO\\ASPNET', roles: [db_datareader, db_datawriter]}\n"
      "objects:\n"
      "  - registry: 'HKLM\\SOFTWARE\\Contoso'\n"
      "    acl: [{allow: Administrators, mask: full}, {allow: ASPNET, mask: read}]\n";
  for (int i = 0; i < kAclFolders; ++i) {
    text += "  - file: 'C:\\Inetpub\\wwwroot\\data" + std::to_string(i) + "'\n" +
            "    acl: [{allow: Administrators, mask: full}, {allow: ASPNET, mask: modify, flags: [OI, CI]}, "
            "{deny: ASPNET, mask: 0x10000}]\n";
  }
  return text;
}

// Not affected: ASP.NET 1.0 without MS03-032.
constexpr const char* kUnaffectedText =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

fakes::MachineState Load(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "golden.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? *loaded.value : fakes::MachineState{};
}

fixer::Options Strategy(fixer::Strategy strategy) {
  fixer::Options options;
  options.strategy = strategy;
  return options;
}

app::VerbRun Run(fakes::Machine& machine, app::Verb verb, const fixer::Options& options = {}, bool verbose = false) {
  fakes::MachineBackend backend(machine);
  return app::RunVerb(backend, verb, options, verbose);
}

app::VerbRun RunWithFault(fakes::Machine& machine, fakes::FaultRule rule, const fixer::Options& options) {
  fakes::FaultPlan plan;
  plan.Add(std::move(rule));
  machine.set_faults(plan);
  app::VerbRun run = Run(machine, app::Verb::kApply, options);
  machine.set_faults({});
  return run;
}

struct GoldenCase {
  const char* name;
  std::function<app::VerbRun()> run;
};
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

std::vector<GoldenCase> Cases() {
  return {
      {"diagnose-affected",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return Run(m, app::Verb::kDiagnose, {}, /*verbose=*/true);
       }},
      {"diagnose-failed-read",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         fakes::FaultPlan plan;
         plan.Add({.op = "sam.lookup_user", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
         m.set_faults(plan);
         return Run(m, app::Verb::kDiagnose);
       }},
      {"plan-keep-sid",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return Run(m, app::Verb::kPlan);
       }},
      {"plan-recreate",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return Run(m, app::Verb::kPlan, Strategy(fixer::Strategy::kRecreate));
       }},
      {"plan-refused-not-affected",
       [] {
         fakes::Machine m(Load(kUnaffectedText));
         return Run(m, app::Verb::kPlan);
       }},
      {"apply-refused-not-affected",
       [] {
         fakes::Machine m(Load(kUnaffectedText));
         return Run(m, app::Verb::kApply);
       }},
      {"apply-dry-run",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         fixer::Options options;
         options.dry_run = true;
         return Run(m, app::Verb::kApply, options);
       }},
      {"apply-keep-sid-fixed",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return Run(m, app::Verb::kApply);
       }},
      {"apply-again-nothing-to-do",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         Run(m, app::Verb::kApply);
         return Run(m, app::Verb::kApply);
       }},
      {"apply-recreate-many-items",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return Run(m, app::Verb::kApply, Strategy(fixer::Strategy::kRecreate), /*verbose=*/true);
       }},
      {"apply-recreate-fails-rolled-back",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return RunWithFault(m, {.op = "sam.create_user", .nth = 1, .error = 1316},
                             Strategy(fixer::Strategy::kRecreate));
       }},
      {"apply-keep-sid-fails-rolled-back",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return RunWithFault(m, {.nth = 4, .error = fixer::kErrorAccessDenied}, {});
       }},
      {"apply-recreate-power-lost",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return RunWithFault(m, {.nth = 9, .kind = fakes::FaultKind::kCrash}, Strategy(fixer::Strategy::kRecreate));
       }},
      {"resume-after-power-loss",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         RunWithFault(m, {.nth = 9, .kind = fakes::FaultKind::kCrash}, Strategy(fixer::Strategy::kRecreate));
         return Run(m, app::Verb::kResume);
       }},
      {"rollback-after-power-loss",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         RunWithFault(m, {.nth = 9, .kind = fakes::FaultKind::kCrash}, Strategy(fixer::Strategy::kRecreate));
         return Run(m, app::Verb::kRollback);
       }},
      {"rollback-with-nothing-to-undo",
       [] {
         fakes::Machine m(Load(RichMachineText()));
         return Run(m, app::Verb::kRollback);
       }},
  };
}

std::string GoldenPath(const std::string& name, const char* kind) {
  return std::string(FIXUP_SOURCE_DIR) + "/tests/fakes/transcripts/" + name + "." + kind + ".txt";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "missing golden file " << path
                  << " (FIXUP_UPDATE_TRANSCRIPTS=1 writes it from the current renderers)";
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Compares `actual` with the golden file, or writes the file when asked to.
void ExpectGolden(const std::string& name, const char* kind, const std::string& actual) {
  const std::string path = GoldenPath(name, kind);
  if (std::getenv("FIXUP_UPDATE_TRANSCRIPTS")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, ReadFile(path)) << name << " " << kind << " differs from " << path;
}

class TranscriptGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(TranscriptGolden, IsByteIdenticalToTheGoldenFile) {
  const app::VerbRun run = GetParam().run();
  ExpectGolden(GetParam().name, "transcript", app::RunTranscript(run));
  ExpectGolden(GetParam().name, "text", app::RunText(run));
}

INSTANTIATE_TEST_SUITE_P(Runs, TranscriptGolden, ::testing::ValuesIn(Cases()), [](const auto& info) {
  std::string name = info.param.name;
  for (char& ch : name)
    if (ch == '-') ch = '_';
  return name;
});

// The cases cover what the renderers write: each kind of line appears in some golden file.
TEST(TranscriptGoldenCoverage, EveryKindOfLineIsPinned) {
  std::string all;
  for (const GoldenCase& c : Cases()) {
    all += ReadFile(GoldenPath(c.name, "transcript"));
    all += ReadFile(GoldenPath(c.name, "text"));
  }
  for (const char* line : {"Diagnosis: affected\n",
                           "Diagnosis failed: ",
                           "  frameworks:  ",
                           "  hotfixes:    ",
                           "    GET ",
                           "    [x] ",
                           "  missing:     ",
                           "worker start, in the order Windows checks it:",
                           "  would stop:  ",
                           "  rights:      ",
                           "  ACE:         file ",
                           "  ACE:         registry ",
                           " deny 0x",
                           "  SQL login:   ",
                           "  DB user:     shop.ASPNET",
                           "Plan (keep-sid, ",
                           "Plan (recreate, ",
                           "     undo: (irreversible",
                           "  also repairs: ",
                           "Refused (",
                           "Instead: ",
                           "Plan: nothing to do.",
                           "  done:    ",
                           "  undone:  ",
                           "  error:   ",
                           "  regrant: ace ",
                           "  regrant: sql-login ",
                           "  regrant: db-user ",
                           "Outcome: fixed (exit 0)",
                           "Outcome: failed-restored (exit 1)",
                           "Outcome: nothing-to-do",
                           "Outcome: rolled-back",
                           "Power lost: ",
                           "Interrupted: ",
                           "[debug] ",
                           "[info] "}) {
    EXPECT_NE(all.find(line), std::string::npos) << "no golden file holds \"" << line << "\"";
  }
}

}  // namespace
