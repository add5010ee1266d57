// README's promise about a journal edited by hand, checked on the built aspnet-fixer as a support
// engineer meets it: a journal in the file that this fixer cannot resume or roll back is an input
// error of EVERY verb, said at its record (FILE:LINE:COL, exit 2), and the file is left
// byte-identical. A plan record whose SID is not ASPNET's was refused only by resume and
// rollback; diagnose, plan and apply called it a run left pending (exit 4: "run resume or
// rollback"), advice that led straight to that refusal.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "fixer/exit_code.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using test_support::Ran;
using ::testing::HasSubstr;

class JournalPromisesTest : public ::testing::Test {
 protected:
  fs::path Write(const std::string& name, const std::string& text) const { return dir_.Write(name, text); }

  const test_support::TempFolder dir_{"journal_promises"};
};

constexpr const char* kKeepSidSteps =
    "stop-services,set-temp-password,lift-restrictions,create-profile,restore-restrictions,register,start-services,"
    "verify-site";

// An affected machine (seed 1: ASPNET is ...-1003) whose journal's plan, line 8, names `sid`.
std::string MachineWithJournal(const std::string& sid) {
  return std::string(
             "# a customer's machine after someone edited the journal\n"
             "os: windows-xp-professional\n"
             "frameworks: ['1.0']\n"
             "hotfixes: [MS03-032]\n"
             "applications:\n"
             "  - path: /LM/W3SVC/1/ROOT/shop\n"
             "journal:\n"
             "  - {seq: 0, step: plan, phase: begin, data: {strategy: keep-sid, account: ASPNET, sid: ") +
         sid + ", steps: \"" + kKeepSidSteps +
         "\"}}\n"
         "  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}\n";
}

const std::vector<std::vector<std::string>> kEveryVerb = {
    {"diagnose"}, {"plan"}, {"apply", "--dry-run"}, {"apply"}, {"resume"}, {"rollback"},
};

TEST_F(JournalPromisesTest, APlanSidThatIsNotAspnetsIsAnInputErrorOfEveryVerbAtItsSid) {
  // SUPPORT_388945a0's SID: a local account's, so the journal alone reads; only the machine says
  // it is not ASPNET's.
  const std::string text = MachineWithJournal("S-1-5-21-2433363436-3203108257-4170425070-1002");
  const fs::path file = Write("m.yaml", text);
  for (std::vector<std::string> args : kEveryVerb) {
    const std::string verb = args[0] + (args.size() > 1 ? " " + args[1] : "");
    args.insert(args.begin() + 1, {"--machine", file.string()});
    const Ran r = e2e::RunAspnetFixer(args);
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << "\n" << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr(file.string() + ":8:89: journal record 1: not a journal aspnet-fixer can resume or "
                                                 "roll back: the plan's SID "
                                                 "S-1-5-21-2433363436-3203108257-4170425070-1002 is not ASPNET's"))
        << verb;
    EXPECT_EQ(test_support::Slurp(file), text) << verb << ": the file must stay byte-identical";
    EXPECT_FALSE(fs::exists(file.string() + ".log")) << verb;
  }
}

// Audit 13, item 5: resume and rollback start again exactly the services the stop-services record
// lists. A list edited to name a service the machine does not have (SMTPSVC renamed) gave exit 0
// with SMTPSVC left stopped; an empty one exit 4 for ever. Each is an input error of every verb,
// said at the record's `services` value (line 9, column 66), the file left byte-identical.
TEST_F(JournalPromisesTest, AServiceListNamingNoServiceOrOneNotInstalledIsAnInputErrorAtItsValue) {
  std::string plan = MachineWithJournal("S-1-5-21-2433363436-3203108257-4170425070-1003");
  plan.erase(plan.rfind("  - {seq: 1"));  // its stop-services record, given below
  const std::pair<std::string, std::string> cases[] = {
      {"\"W3SVC,NOSUCHSVC,IISADMIN\"",
       "stop-services names the service 'NOSUCHSVC', which is not installed on "
       "this machine (1060)"},
      {"\"\"", "stop-services lists no service"},
  };
  for (const auto& [services, why] : cases) {
    const std::string text =
        plan + "  - {seq: 1, step: stop-services, phase: begin, data: {services: " + services + "}}\n";
    const fs::path file = Write("s.yaml", text);
    for (std::vector<std::string> args : kEveryVerb) {
      const std::string verb = args[0] + (args.size() > 1 ? " " + args[1] : "");
      args.insert(args.begin() + 1, {"--machine", file.string()});
      const Ran r = e2e::RunAspnetFixer(args);
      EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << "\n" << r.out << r.err;
      EXPECT_THAT(r.err, HasSubstr(file.string() +
                                   ":9:66: journal record 2: not a journal aspnet-fixer can resume "
                                   "or roll back: " +
                                   why))
          << verb;
      EXPECT_EQ(test_support::Slurp(file), text) << verb << ": the file must stay byte-identical";
    }
  }
}

// Audit 13, item 5 too: a record out of sequence order (a seq not greater than the record's before
// it) and a data key no record of its step holds were read as if this fixer had written them. Each
// is an input error of every verb, said at its place (the seq, the key's value), the file left
// byte-identical.
TEST_F(JournalPromisesTest, ARecordOutOfSequenceOrAnUnknownDataKeyIsAnInputErrorAtItsPlace) {
  std::string plan = MachineWithJournal("S-1-5-21-2433363436-3203108257-4170425070-1003");
  plan.erase(plan.rfind("  - {seq: 1"));  // its records, given below
  struct Case {
    std::string records;
    std::string at;  // FILE's line and column, then the message
  };
  const Case cases[] = {
      {"  - {seq: 7, step: stop-services, phase: begin, data: {services: W3SVC}}\n"
       "  - {seq: 2, step: stop-services, phase: done}\n",
       ":10:11: journal record 3: not a journal aspnet-fixer can resume or roll back: its seq 2 does not follow "
       "record 2's (7)"},
      {"  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC, extra: \"1\"}}\n",
       ":9:80: journal record 2: not a journal aspnet-fixer can resume or roll back: its data key 'extra' is none a "
       "stop-services begin record holds (its keys: services, paused)"},
  };
  for (const Case& c : cases) {
    const std::string text = plan + c.records;
    const fs::path file = Write("q.yaml", text);
    for (std::vector<std::string> args : kEveryVerb) {
      const std::string verb = args[0] + (args.size() > 1 ? " " + args[1] : "");
      args.insert(args.begin() + 1, {"--machine", file.string()});
      const Ran r = e2e::RunAspnetFixer(args);
      EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << "\n" << r.out << r.err;
      EXPECT_THAT(r.err, HasSubstr(file.string() + c.at)) << verb;
      EXPECT_EQ(test_support::Slurp(file), text) << verb << ": the file must stay byte-identical";
      EXPECT_FALSE(fs::exists(file.string() + ".log")) << verb;
    }
  }
}

// Audit 23, item 2: a plan's strategy, account, SID or steps, and a record's step or phase, edited
// by hand were said at the record (8:5, 9:5) while a malformed SID was said at its value: each is
// said at the value at fault, as README promises ("at the value at fault where there is one").
TEST_F(JournalPromisesTest, AHandEditedPlanValueOrStepIsSaidAtTheValueAtFault) {
  const std::string plan = MachineWithJournal("S-1-5-21-2433363436-3203108257-4170425070-1003");
  const std::string pending = plan.substr(0, plan.rfind("  - {seq: 1"));  // the plan record alone
  const auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = pending;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  struct Case {
    std::string text;
    std::string at;  // FILE's line and column, then the message
  };
  const Case cases[] = {
      {edited("keep-sid", "sideways"),
       ":8:57: journal record 1: not a journal aspnet-fixer can resume or roll back: "
       "unknown strategy 'sideways'"},
      {edited("account: ASPNET", "account: Guest"),
       ":8:76: journal record 1: not a journal aspnet-fixer can resume or roll back: the plan names the account "
       "'Guest'"},
      {edited("4170425070-1003", "4170425070-1002"),
       ":8:89: journal record 1: not a journal aspnet-fixer can resume or roll back: the plan's SID "
       "S-1-5-21-2433363436-3203108257-4170425070-1002 is not ASPNET's"},
      {edited("S-1-5-21-2433363436-3203108257-4170425070-1003", "S-1-5-18"),
       ":8:89: journal record 1: not a journal aspnet-fixer can resume or roll back: the SID 'S-1-5-18' cannot be"},
      {edited("verify-site", "bogus-step"),
       ":8:144: journal record 1: not a journal aspnet-fixer can resume or roll back: its steps"},
      {pending + "  - {seq: 1, step: frobnicate, phase: begin}\n",
       ":9:20: journal record 2: not a journal aspnet-fixer can resume or roll back: unknown step 'frobnicate'"},
      {pending + "  - {seq: 1, step: stop-services, phase: finished}\n",
       ":9:42: journal record 2: not a journal aspnet-fixer can resume or roll back: a step record marked finished"},
  };
  for (const Case& c : cases) {
    const fs::path file = Write("v.yaml", c.text);
    for (const char* verb : {"diagnose", "resume"}) {
      const Ran r = e2e::RunAspnetFixer({verb, "--machine", file.string()});
      EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << "\n" << r.out << r.err;
      EXPECT_THAT(r.err, HasSubstr(file.string() + c.at)) << verb;
      EXPECT_EQ(test_support::Slurp(file), c.text) << verb << ": the file must stay byte-identical";
    }
  }
}

TEST_F(JournalPromisesTest, TheJsonOfEveryVerbIsTheInputErrorShape) {
  const fs::path file = Write("m.yaml", MachineWithJournal("S-1-5-21-2433363436-3203108257-4170425070-1002"));
  for (std::vector<std::string> args : kEveryVerb) {
    const std::string verb = args[0];
    args.insert(args.begin() + 1, {"--machine", file.string()});
    args.push_back("--json");
    const Ran r = e2e::RunAspnetFixer(args);
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["command"], verb);
    EXPECT_EQ(j["outcome"], "input-error") << verb;
    EXPECT_EQ(j["exit_code"], 2) << verb;
    EXPECT_THAT(j["error"].get<std::string>(), HasSubstr(":8:89: journal record 1:")) << verb;
  }
}

TEST_F(JournalPromisesTest, TheSameJournalWithAspnetsSidIsARunLeftPending) {
  // The control: with ASPNET's own SID the journal is one to resume (exit 4 until then).
  const std::string text = MachineWithJournal("S-1-5-21-2433363436-3203108257-4170425070-1003");
  const fs::path file = Write("m.yaml", text);
  for (const char* verb : {"diagnose", "plan", "apply"}) {
    const Ran r = e2e::RunAspnetFixer({verb, "--machine", file.string()});
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kNotRestored)) << verb << "\n" << r.out << r.err;
    EXPECT_EQ(test_support::Slurp(file), text) << verb;
  }
  const Ran resumed = e2e::RunAspnetFixer({"resume", "--machine", file.string()});
  EXPECT_EQ(resumed.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << resumed.out << resumed.err;
}

}  // namespace

// One count for a user: a journal record, and any list entry a message names, counts from 1, as
// `journal record 1` and the line and column do. The loader's path said `journal[0]` (and
// `journal[1]` of the second record, the one `journal record 2` names).
TEST_F(JournalPromisesTest, AListEntryCountsFromOneAsAJournalRecordDoes) {
  const fs::path file = Write("m.yaml",
                              "os: windows-xp-professional\n"
                              "journal:\n"
                              "  - {seq: 0, step: plan, phase: begin}\n"
                              "  - {seq: x, step: stop-services, phase: begin}\n");
  const Ran journal = e2e::RunAspnetFixer({"diagnose", "--machine", file.string()});
  EXPECT_EQ(journal.exit_code, 2);
  // Named as every journal message names a record (audit 15): never `journal[2].seq`.
  EXPECT_THAT(journal.err, HasSubstr(":4:11: journal record 2: seq: expected an integer")) << journal.err;
  Write("m.yaml",
        "os: windows-xp-professional\n"
        "objects:\n"
        "  - {file: 'C:\\x', acl: [{allow: Administrators, mask: read}, {allow: NoSuchUser, mask: read}]}\n");
  const Ran ace = e2e::RunAspnetFixer({"diagnose", "--machine", file.string()});
  EXPECT_EQ(ace.exit_code, 2);
  EXPECT_THAT(ace.err, HasSubstr("objects[1].acl[2].allow: principal 'NoSuchUser'")) << ace.err;
  // The record the journal check names is the one the loader's path names.
  const std::string hand_edited =
      "os: windows-xp-professional\njournal:\n  - {seq: 0, step: stop-services, phase: begin}\n";
  Write("m.yaml", hand_edited);
  const Ran record = e2e::RunAspnetFixer({"diagnose", "--machine", file.string()});
  EXPECT_THAT(record.err, HasSubstr(":3:5: journal record 1: not a journal")) << record.err;
}
