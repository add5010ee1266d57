// aspnet-fixer and the file it is given, as a real process: a verb that changes nothing
// (diagnose, plan, apply --dry-run, resume and rollback with no journal, an apply that finds
// nothing to do) leaves the file byte-identical, comments and all; `--out FILE` writes the
// result there and never touches the input; an apply that fixes rewrites the input in place by
// default. A machine that cannot be written where it goes is exit 2 before anything changes.
// And `--version` names the project version and the commit.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "e2e/file_size_limit.h"
#include "fakes/machine_yaml.h"
#include "fakes/web_requests.h"
#include "fixer/exit_code.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

// A hand-written file as a support engineer would write it from a customer's description.
constexpr const char* kContosoServer =
    "# Contoso's web server, as the customer described it on the phone\n"
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]   # only 1.0 installed\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

using test_support::Ran;

using e2e::RunAspnetFixer;

using test_support::Slurp;

class FilesTest : public ::testing::Test {
 protected:
  const test_support::TempFolder dir_{"aspnet_fixer_files"};
  const fs::path input_ = dir_.Write("customer.yaml", kContosoServer);
};

struct ReadOnly {
  std::vector<std::string> args;
  fixer::ExitCode exit;
};

TEST_F(FilesTest, AVerbThatChangesNothingLeavesTheFileByteIdentical) {
  const std::vector<ReadOnly> verbs = {
      {{"diagnose"}, fixer::ExitCode::kOk},
      {{"diagnose", "--json"}, fixer::ExitCode::kOk},
      {{"plan"}, fixer::ExitCode::kOk},
      {{"plan", "--strategy", "recreate"}, fixer::ExitCode::kOk},
      {{"apply", "--dry-run"}, fixer::ExitCode::kOk},
      {{"apply", "--dry-run", "--strategy", "recreate"}, fixer::ExitCode::kOk},
      // No journal: nothing to resume or roll back, and the site still fails, so not exit 0.
      {{"resume"}, fixer::ExitCode::kRefused},
      {{"rollback"}, fixer::ExitCode::kRefused},
  };
  for (const ReadOnly& v : verbs) {
    std::vector<std::string> args = v.args;
    args.insert(args.begin() + 1, {"--machine", input_.string()});
    const Ran r = RunAspnetFixer(args);
    EXPECT_EQ(r.exit_code, fixer::ToInt(v.exit)) << v.args[0] << ":\n" << r.out;
    EXPECT_EQ(Slurp(input_), kContosoServer) << v.args[0] << " rewrote the file it was given";
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"customer.yaml"}) << v.args[0] << " left a file behind";
  }
}

TEST_F(FilesTest, OutWritesTheResultElsewhereAndLeavesTheInputUntouched) {
  const fs::path out = dir_ / "fixed.yaml";
  const Ran r = RunAspnetFixer({"apply", "--machine", input_.string(), "--out", out.string()});
  ASSERT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.out;
  EXPECT_EQ(Slurp(input_), kContosoServer);
  auto fixed = fakes::LoadMachineFile(out.string());
  ASSERT_TRUE(fixed.ok()) << fixed.error->ToString();
  EXPECT_TRUE(fixed.value->journal.empty());
  for (const auto& [app, status] : fakes::StatusOfEveryApp(*fixed.value)) EXPECT_EQ(status, 200) << app;

  // The fixed machine again: nothing to do, so the file is left exactly as it is.
  const std::string before = Slurp(out);
  const Ran again = RunAspnetFixer({"apply", "--machine", out.string()});
  EXPECT_EQ(again.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << again.out;
  EXPECT_NE(again.out.find("nothing-to-do"), std::string::npos) << again.out;
  EXPECT_EQ(Slurp(out), before);
}

// Exit 0 promises a working site even with nothing to do: a resume or rollback with no journal
// says 0 only on a fixed machine, and 3 ("refused", nothing changed) on a broken one.
TEST_F(FilesTest, ResumeAndRollbackWithNoJournalExitZeroOnlyOnAWorkingSite) {
  for (const char* verb : {"resume", "rollback"}) {
    const Ran broken = RunAspnetFixer({verb, "--machine", input_.string()});
    EXPECT_EQ(broken.exit_code, fixer::ToInt(fixer::ExitCode::kRefused)) << verb << ":\n" << broken.out;
    EXPECT_NE(broken.out.find("There is no journal"), std::string::npos) << broken.out;
    EXPECT_NE(broken.out.find("Nothing was changed."), std::string::npos) << broken.out;
  }
  ASSERT_EQ(RunAspnetFixer({"apply", "--machine", input_.string()}).exit_code, fixer::ToInt(fixer::ExitCode::kOk));
  const std::string fixed = Slurp(input_);
  for (const char* verb : {"resume", "rollback"}) {
    const Ran working = RunAspnetFixer({verb, "--machine", input_.string()});
    EXPECT_EQ(working.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << verb << ":\n" << working.out;
    EXPECT_NE(working.out.find("every ASP.NET 1.0 application answers"), std::string::npos) << working.out;
    EXPECT_EQ(Slurp(input_), fixed) << verb << " rewrote a file it did not change";
  }
}

// Where the machine cannot be written (a folder that does not exist), every verb says so with
// the file's name and exit 2, and nothing is written: not 4, which would send the user to a
// resume with no journal.
TEST_F(FilesTest, AnOutFileThatCannotBeWrittenIsExitTwoAndChangesNothing) {
  const std::string out = (dir_ / "no-such-folder" / "fixed.yaml").string();
  for (const std::vector<std::string>& verb :
       {std::vector<std::string>{"apply"}, {"diagnose"}, {"plan"}, {"apply", "--dry-run"}, {"resume"}}) {
    std::vector<std::string> args = verb;
    args.insert(args.begin() + 1, {"--machine", input_.string(), "--out", out});
    const Ran r = RunAspnetFixer(args);
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb[0] << ":\n" << r.out << r.err;
    EXPECT_NE((r.out + r.err).find(out), std::string::npos) << "the error names the file:\n" << r.out << r.err;
    // (the error line itself begins "aspnet-fixer resume: " for the resume verb)
    EXPECT_EQ((r.out + r.err).find("un resume"), std::string::npos) << "nothing to resume:\n" << r.out;
    EXPECT_EQ(Slurp(input_), kContosoServer);
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"customer.yaml"}) << verb[0] << " left a file behind";
  }
}

// A read-only machine file (no write permission: Windows' read-only attribute) is not rewritten,
// root's run too: apply replaced a 0444 file, where Windows refuses to replace one (5). Said
// before any change, exit 2, the file and its folder as they were; a verb that changes nothing
// still reads it. An --out that is a read-only file is refused the same way, by every verb.
TEST_F(FilesTest, AReadOnlyFileIsNotRewrittenAndSaysAccessDenied) {
  const fs::perms read_only = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
  fs::permissions(input_, read_only);
  const Ran apply = RunAspnetFixer({"apply", "--machine", input_.string()});
  EXPECT_EQ(apply.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << apply.out << apply.err;
  EXPECT_THAT(apply.err, ::testing::HasSubstr("aspnet-fixer apply: " + input_.string() +
                                              ": cannot be written: 5: Access is denied."));
  EXPECT_EQ(Slurp(input_), kContosoServer);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"customer.yaml"});
  EXPECT_EQ(RunAspnetFixer({"diagnose", "--machine", input_.string()}).exit_code, fixer::ToInt(fixer::ExitCode::kOk));

  fs::permissions(input_, fs::perms::owner_write, fs::perm_options::add);
  const fs::path out = dir_.Write("kept.yaml", "# a copy kept read-only\n");
  fs::permissions(out, read_only);
  for (const std::vector<std::string>& verb :
       {std::vector<std::string>{"apply"}, {"diagnose"}, {"plan"}, {"apply", "--dry-run"}, {"capture"}}) {
    std::vector<std::string> args = verb;
    args.insert(args.begin() + 1, {"--machine", input_.string(), "--out", out.string()});
    const Ran r = RunAspnetFixer(args);
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb[0] << ":\n" << r.out << r.err;
    EXPECT_THAT(r.err, ::testing::HasSubstr(out.string() + ": cannot be written: 5: Access is denied.")) << verb[0];
    EXPECT_EQ(Slurp(out), "# a copy kept read-only\n") << verb[0];
    EXPECT_EQ(Slurp(input_), kContosoServer) << verb[0];
    EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"customer.yaml", "kept.yaml"})) << verb[0];
  }
}

// ... and, as every write of a machine file, first removes what a killed write of that file left
// ("copy.yaml.tmp.PID" of a process that is gone).
TEST_F(FilesTest, AReadOnlyVerbWithOutWritesOnlyTheOutFile) {
  const fs::path out = dir_ / "copy.yaml";
  const Ran gone = test_support::RunProgram({.program = "/bin/sh", .args = {"-c", "echo $$"}});
  const fs::path left = out.string() + ".tmp." + gone.out.substr(0, gone.out.find('\n'));
  std::ofstream(left) << "half a machine";
  const Ran r = RunAspnetFixer({"diagnose", "--machine", input_.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.out;
  EXPECT_EQ(Slurp(input_), kContosoServer);
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"copy.yaml", "customer.yaml"}));
  auto copy = fakes::LoadMachineFile(out.string());
  auto original = fakes::LoadMachineFile(input_.string());
  ASSERT_TRUE(copy.ok() && original.ok());
  EXPECT_TRUE(*copy.value == *original.value) << "the out file holds the machine as the verb left it";
}

// --out naming the --machine file by another spelling (./FILE, a symbolic link) is the file
// itself: a verb that changes nothing leaves it byte-identical, comments and all. A hard link is
// another name: --out writes it, and the --machine file is left as it was.
TEST_F(FilesTest, AnOutThatIsTheInputByAnotherNameIsTheInput) {
  fs::create_symlink("customer.yaml", dir_ / "link.yaml");
  fs::create_hard_link(input_, dir_ / "hard.yaml");
  for (const fs::path& out : {dir_ / "." / "customer.yaml", dir_ / "link.yaml", dir_ / "hard.yaml"}) {
    for (const char* verb : {"diagnose", "plan"}) {
      const Ran r = RunAspnetFixer({verb, "--machine", input_.string(), "--out", out.string()});
      EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << verb << " --out " << out << ":\n" << r.out;
      EXPECT_EQ(Slurp(input_), kContosoServer) << verb << " --out " << out << " rewrote the input";
    }
  }
  const std::vector<std::string> names = {"customer.yaml", "hard.yaml", "link.yaml"};
  EXPECT_EQ(dir_.Names(), names) << "no log or temporary file left";
}

// An --out that is a hard link of the --machine file was taken for the file itself: the repair
// went to --machine by rename, and the --out name, the one asked for, kept the broken machine.
TEST_F(FilesTest, AnOutThatIsAHardLinkGetsTheRepairedMachine) {
  const fs::path hard = dir_ / "hard.yaml";
  fs::create_hard_link(input_, hard);
  const Ran r = RunAspnetFixer({"apply", "--machine", input_.string(), "--out", hard.string()});
  ASSERT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.out << r.err;
  EXPECT_EQ(Slurp(input_), kContosoServer) << "--out never writes the --machine file";
  auto fixed = fakes::LoadMachineFile(hard.string());
  ASSERT_TRUE(fixed.ok()) << fixed.error->ToString();
  for (const auto& [app, status] : fakes::StatusOfEveryApp(*fixed.value)) EXPECT_EQ(status, 200) << app;
}

TEST_F(FilesTest, AnApplyThatFixesRewritesTheInputInPlaceByDefault) {
  const Ran r = RunAspnetFixer({"apply", "--machine", input_.string()});
  ASSERT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.out;
  EXPECT_NE(Slurp(input_), kContosoServer);
  auto fixed = fakes::LoadMachineFile(input_.string());
  ASSERT_TRUE(fixed.ok()) << fixed.error->ToString();
  for (const auto& [app, status] : fakes::StatusOfEveryApp(*fixed.value)) EXPECT_EQ(status, 200) << app;
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"customer.yaml"}) << "no temporary file left";
}

// A machine file reached through a symbolic link (a support share linking each customer's file)
// is repaired where the link points: the link stays a link, the log goes beside the file it names
// (so loading either name replays it), and a resume through the link continues a killed apply.
TEST_F(FilesTest, ALinkedMachineFileIsRewrittenWhereTheLinkPoints) {
  fs::create_directories(dir_ / "share");
  fs::rename(input_, dir_ / "share" / "customer.yaml");
  fs::create_symlink(fs::path("share") / "customer.yaml", input_);  // relative, as `ln -s` makes it
  const fs::path real = dir_ / "share" / "customer.yaml";

  const Ran killed = RunAspnetFixer({"apply", "--machine", input_.string(), "--kill-at-mutation", "8"});
  ASSERT_TRUE(killed.signaled) << killed.out;
  EXPECT_TRUE(fs::is_symlink(input_));
  EXPECT_TRUE(fs::exists(real.string() + ".log")) << "the log goes beside the file the link names";
  const std::vector<std::string> link_and_share = {"customer.yaml", "share"};
  EXPECT_EQ(dir_.Names(), link_and_share);

  const Ran resumed = RunAspnetFixer({"resume", "--machine", input_.string()});
  ASSERT_EQ(resumed.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << resumed.out << resumed.err;
  EXPECT_TRUE(fs::is_symlink(input_)) << "the link was replaced by a file";
  auto fixed = fakes::LoadMachineFile(real.string());
  ASSERT_TRUE(fixed.ok()) << fixed.error->ToString();
  for (const auto& [app, status] : fakes::StatusOfEveryApp(*fixed.value)) EXPECT_EQ(status, 200) << app;
  EXPECT_EQ(test_support::NamesIn(dir_ / "share"), std::vector<std::string>{"customer.yaml"});

  // --out through a link (a report folder's link) writes the file it names, too.
  const fs::path out = dir_ / "out.yaml";
  std::ofstream(dir_ / "share" / "out-target.yaml") << "";
  fs::create_symlink(dir_ / "share" / "out-target.yaml", out);
  ASSERT_EQ(RunAspnetFixer({"diagnose", "--machine", input_.string(), "--out", out.string()}).exit_code, 0);
  EXPECT_TRUE(fs::is_symlink(out));
  EXPECT_TRUE(fakes::LoadMachineFile((dir_ / "share" / "out-target.yaml").string()).ok());
}

// The file and its log hold password hashes and stored secrets: a file only its owner reads
// stays so through a run, and the log a killed run leaves is no more readable than the file.
TEST_F(FilesTest, TheFileAndItsLogKeepTheFilesPermissions) {
  const fs::perms owner_only = fs::perms::owner_read | fs::perms::owner_write;
  fs::permissions(input_, owner_only);
  ASSERT_TRUE(RunAspnetFixer({"apply", "--machine", input_.string(), "--kill-at-mutation", "8"}).signaled);
  EXPECT_EQ(fs::status(input_.string() + ".log").permissions(), owner_only);
  const Ran resumed = RunAspnetFixer({"resume", "--machine", input_.string()});
  ASSERT_EQ(resumed.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << resumed.out << resumed.err;
  EXPECT_EQ(fs::status(input_).permissions(), owner_only);
}

// After a killed apply every verb tells the same story: the machine is half repaired by this
// fixer, so `plan` and `apply` (dry or not) refuse with exit 4 and send the user to resume or
// rollback (never exit 3 blaming the administrator for the IIS services the run itself stopped),
// the read-only verbs leave file and log as they are, and resume then finishes it once.
TEST_F(FilesTest, AfterAKilledApplyEveryVerbSaysTheRunIsPending) {
  ASSERT_TRUE(RunAspnetFixer({"apply", "--machine", input_.string(), "--kill-at-mutation", "8"}).signaled);
  const std::string log = input_.string() + ".log";
  const std::string file_before = Slurp(input_);
  const std::string log_before = Slurp(log);
  const std::vector<ReadOnly> verbs = {
      {{"plan"}, fixer::ExitCode::kNotRestored},
      {{"plan", "--strategy", "recreate"}, fixer::ExitCode::kNotRestored},
      {{"apply", "--dry-run"}, fixer::ExitCode::kNotRestored},
      {{"apply"}, fixer::ExitCode::kNotRestored},
      {{"diagnose"}, fixer::ExitCode::kNotRestored},
      {{"resume", "--dry-run"}, fixer::ExitCode::kOk},
      {{"rollback", "--dry-run"}, fixer::ExitCode::kOk},
  };
  for (const ReadOnly& v : verbs) {
    std::vector<std::string> args = v.args;
    args.insert(args.begin() + 1, {"--machine", input_.string()});
    const Ran r = RunAspnetFixer(args);
    EXPECT_EQ(r.exit_code, fixer::ToInt(v.exit)) << v.args[0] << ":\n" << r.out;
    if (v.args[0] == "diagnose") {
      EXPECT_THAT(r.out, ::testing::HasSubstr("Diagnosis: repair-pending")) << r.out;
      EXPECT_THAT(r.out, ::testing::HasSubstr("by this fixer was interrupted after")) << r.out;
      EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("-> refused"))) << r.out;
    } else if (v.exit == fixer::ExitCode::kNotRestored) {
      EXPECT_THAT(r.out, ::testing::HasSubstr("Refused (journal-pending)")) << v.args[0];
      EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("administrator's setting"))) << v.args[0];
    }
    EXPECT_EQ(Slurp(input_), file_before) << v.args[0];
    EXPECT_EQ(Slurp(log), log_before) << v.args[0];
  }
  {  // the same as JSON
    const Ran j = RunAspnetFixer({"plan", "--machine", input_.string(), "--json"});
    const nlohmann::json report = nlohmann::json::parse(j.out);
    EXPECT_EQ(report["outcome"], "not-restored");
    EXPECT_EQ(report["exit_code"], 4);
    EXPECT_EQ(report["plan"]["refusal"]["reason"], "journal-pending");
  }
  EXPECT_EQ(RunAspnetFixer({"resume", "--machine", input_.string()}).exit_code, 0);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"customer.yaml"});
  const std::string fixed = Slurp(input_);
  for (const char* verb : {"resume", "rollback", "plan", "apply"}) {
    const Ran again = RunAspnetFixer({verb, "--machine", input_.string()});
    EXPECT_EQ(again.exit_code, 0) << verb << ":\n" << again.out;
    EXPECT_EQ(Slurp(input_), fixed) << verb;
  }
}

// A dry run of every verb changes nothing, so it writes into a device as `plan` does: a dry-run
// resume or rollback of a pending run was taken for a changing run (exit 2, "not a regular file").
TEST_F(FilesTest, ADryRunOfAPendingRunWritesIntoADevice) {
  ASSERT_TRUE(RunAspnetFixer({"apply", "--machine", input_.string(), "--kill-at-mutation", "8"}).signaled);
  const std::string file_before = Slurp(input_);
  const std::string log_before = Slurp(input_.string() + ".log");
  for (const char* verb : {"resume", "rollback"}) {
    const Ran r = RunAspnetFixer({verb, "--dry-run", "--machine", input_.string(), "--out", "/dev/null"});
    EXPECT_EQ(r.exit_code, 0) << verb << ":\n" << r.out << r.err;
    EXPECT_THAT(r.out, ::testing::HasSubstr("dry run: nothing was changed")) << verb;
    EXPECT_EQ(r.err, "") << verb;
    EXPECT_EQ(Slurp(input_), file_before) << verb;
    EXPECT_EQ(Slurp(input_.string() + ".log"), log_before) << verb;
  }
  EXPECT_FALSE(fs::exists("/dev/null.log"));
  const Ran changing = RunAspnetFixer({"resume", "--machine", input_.string(), "--out", "/dev/null"});
  EXPECT_EQ(changing.exit_code, 2) << changing.out;  // a run that changes the machine needs a file
}

TEST_F(FilesTest, ABadFileIsAnInputErrorWithItsPlace) {
  std::ofstream(input_, std::ios::binary) << "os: windows-xp-professional\nfrobnicate: yes\n";
  const std::string bad = Slurp(input_);
  const Ran r = RunAspnetFixer({"apply", "--machine", input_.string()});
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage));
  EXPECT_NE(r.err.find("customer.yaml:2:1:"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(input_), bad);
}

// --json promises one JSON object on standard output: a usage or input error (a file that does
// not load, a bad option, a bad command) is one too, with exit code 2 and why; the message also
// goes to standard error, as without --json.
TEST_F(FilesTest, WithJsonAnInputErrorIsOneJsonObjectToo) {
  dir_.Write("bad.yaml", "os: [\n");
  const std::vector<std::vector<std::string>> errors = {
      {"apply", "--json", "--machine", (dir_ / "bad.yaml").string()},
      {"diagnose", "--json", "--machine", (dir_ / "missing.yaml").string()},
      {"apply", "--json", "--machine", input_.string(), "--strategy", "fast"},
      {"apply", "--json", "--machine", input_.string(), "--no-such-option"},
      {"repair", "--json", "--machine", input_.string()},
      {"plan", "--json"},
  };
  for (const std::vector<std::string>& args : errors) {
    const Ran r = RunAspnetFixer(args);
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << args[0] << ":\n" << r.out << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(j.is_object()) << args[0] << ": not one JSON object:\n" << r.out;
    EXPECT_EQ(j.value("exit_code", -1), 2) << r.out;
    EXPECT_EQ(j.value("outcome", ""), "input-error") << r.out;
    EXPECT_FALSE(j.value("error", "").empty()) << r.out;
    EXPECT_NE(r.err.find(j.value("error", "?")), std::string::npos) << r.err;
  }
  EXPECT_EQ(Slurp(input_), kContosoServer);
}

// An --out that cannot be written (a read-only file, a folder, a missing folder, a loop of links)
// is a machine not written, as a --machine that cannot be written is: `not_written` beside `error`
// in the JSON, "Not written: ..." and "Nothing was changed." in the text (README.md), exit 2.
TEST_F(FilesTest, AnOutThatCannotBeWrittenIsSaidAsAMachineNotWritten) {
  const fs::path read_only = dir_.Write("kept.yaml", "# a copy kept read-only\n");
  fs::permissions(read_only, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::create_directory(dir_ / "folder");
  fs::create_symlink("loop.yaml", dir_ / "loop.yaml");
  for (const std::string& out : {read_only.string(), (dir_ / "folder").string() + "/",
                                 (dir_ / "no-such-folder" / "x.yaml").string(), (dir_ / "loop.yaml").string()}) {
    for (const std::string& verb : {std::string("apply"), std::string("diagnose"), std::string("rollback")}) {
      SCOPED_TRACE(verb + " --out " + out);
      const Ran json = RunAspnetFixer({verb, "--machine", input_.string(), "--out", out, "--json"});
      EXPECT_EQ(json.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << json.out << json.err;
      const nlohmann::json j = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
      ASSERT_TRUE(j.is_object()) << json.out;
      EXPECT_EQ(j.value("outcome", ""), "input-error") << json.out;
      EXPECT_NE(j.value("not_written", "").find(out), std::string::npos) << json.out;
      EXPECT_EQ(j.value("not_written", "?"), j.value("error", "")) << json.out;
      const Ran text = RunAspnetFixer({verb, "--machine", input_.string(), "--out", out});
      EXPECT_EQ(text.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << text.out << text.err;
      EXPECT_THAT(text.out, ::testing::HasSubstr("Not written: " + j.value("error", "?") + "\nNothing was changed.\n"));
      EXPECT_EQ(Slurp(input_), kContosoServer);
    }
    // capture --out writes a machine file too: its JSON says it as the verbs' does.
    const Ran capture = RunAspnetFixer({"capture", "--machine", input_.string(), "--out", out, "--json"});
    EXPECT_EQ(capture.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << capture.out << capture.err;
    const nlohmann::json c = nlohmann::json::parse(capture.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(c.is_object()) << capture.out;
    EXPECT_NE(c.value("not_written", "").find(out), std::string::npos) << capture.out;
    EXPECT_EQ(c.value("not_written", "?"), c.value("error", "")) << capture.out;
  }
  EXPECT_EQ(Slurp(read_only), "# a copy kept read-only\n");
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"customer.yaml", "folder", "kept.yaml", "loop.yaml"}));
}

// A log append that fails (a file-size limit: EFBIG, 223) fails the journal's write, as a full
// disk fails a journal file's on Windows: the fixer restores what it did (exit 1, the file as
// found), and each message says why in sentences: Windows' text ends with its own full stop, never
// followed by another mark ("system.;"), and its number is said once, right before it, as every
// error is said (`N: <Windows text>. <explanation>`): never "223: the journal ...", Windows' text after.
TEST_F(FilesTest, ALogThatCannotGrowRestoresAndSaysWhyInWholeSentences) {
  for (const bool json : {true, false}) {
    const fs::path machine = dir_.Write(json ? "json.yaml" : "text.yaml", kContosoServer);
    std::vector<std::string> args = {"apply", "--machine", machine.string()};
    if (json) args.push_back("--json");
    const Ran r =
        test_support::RunProgram({.program = "/bin/sh", .args = e2e::WithFileSizeLimit(8, ASPNET_FIXER_BIN, args)});
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kFailed)) << r.out << r.err;
    EXPECT_EQ(Slurp(machine), kContosoServer);
    EXPECT_FALSE(fs::exists(machine.string() + ".log"));
    std::string why;
    if (json) {
      const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
      ASSERT_TRUE(j.is_object()) << r.out;
      EXPECT_EQ(j.value("outcome", ""), "failed-restored");
      ASSERT_TRUE(j.contains("result")) << r.out;
      ASSERT_FALSE(j["result"]["errors"].empty()) << r.out;
      why = j["result"]["errors"][0].value("message", "");
    } else {
      const size_t said = r.out.find("  error:   ");
      why = said == std::string::npos ? "" : r.out.substr(said, r.out.find('\n', said) - said);
    }
    const std::string windows = "The file size exceeds the limit allowed and cannot be saved.";
    // The step's error opens with Windows' text (after its number in the text, as its code in JSON).
    const std::string said = json ? windows : ": 223: " + windows;
    EXPECT_THAT(why, ::testing::HasSubstr(said + " The journal could not be written (")) << r.out;
    EXPECT_THAT(why, ::testing::HasSubstr("The log " + machine.string() + ".log could not take the record.")) << r.out;
    EXPECT_EQ(why.find("223: 223"), std::string::npos) << why;
    if (!json) {
      // Every line that says Windows' text says its number right before it.
      size_t texts = 0, numbered = 0;
      for (size_t at = r.out.find(windows); at != std::string::npos; at = r.out.find(windows, at + 1)) ++texts;
      for (size_t at = r.out.find("223: " + windows); at != std::string::npos;
           at = r.out.find("223: " + windows, at + 1))
        ++numbered;
      EXPECT_GT(texts, 0u) << r.out;
      EXPECT_EQ(numbered, texts) << r.out;
    }
    for (const char* doubled : {".;", ".,", "..", ".:"}) EXPECT_EQ(why.find(doubled), std::string::npos) << why;
  }
}

// ASP.NET 1.1 alone: its aspnet_regiis -i made ASPNET, but no ASP.NET 1.0 processModel names a
// worker, so none is read; the JSON says so (read false, exists null), never that ASPNET is missing.
TEST_F(FilesTest, WithoutAspNet10NoWorkerIsReadAndNoneIsSaidMissing) {
  const fs::path machine = dir_.Write("v11.yaml",
                                      "os: windows-xp-professional\n"
                                      "frameworks: ['1.1']\n"
                                      "applications: [{path: /LM/W3SVC/1/ROOT/shop, framework: '1.1'}]\n");
  const Ran r = RunAspnetFixer({"diagnose", "--machine", machine.string(), "--json"});
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(j.is_object()) << r.out;
  const nlohmann::json& worker = j["diagnosis"]["worker"];
  EXPECT_EQ(worker.value("read", true), false) << worker;
  EXPECT_TRUE(worker["exists"].is_null()) << worker;
  EXPECT_TRUE(worker["has_profile"].is_null()) << worker;
  for (const nlohmann::json& cause : j["diagnosis"]["causes"]) {
    if (cause.value("id", "") != "worker-without-profile") continue;
    EXPECT_FALSE(cause.value("met", true)) << cause;
    EXPECT_EQ(cause.value("detail", "").find("does not exist"), std::string::npos) << cause;
  }
}

TEST(Version, NamesTheProjectVersionAndTheCommit) {
  const Ran r = RunAspnetFixer({"--version"});
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk));
  // README.md: "aspnet-fixer 0.1.0 (commit <hash>)", one line; "unknown" outside a git checkout.
  EXPECT_THAT(r.out, ::testing::MatchesRegex(std::string("aspnet-fixer ") + FIXUP_PROJECT_VERSION +
                                             " \\(commit ([0-9a-f]+|unknown)\\)\n"));
}

}  // namespace
