// `aspnet-fixer capture` as a real process on a machine file: it writes the capture atomically
// to --out (exit 0) and leaves the input byte-identical, refuses an --out naming the input (exit
// 2), fails with exit 2 (as every verb's --out) naming the file and the step when --out cannot be
// written (exit 1 is "nothing could be read"), and what it
// writes loads with `fixup-sim show` (showing what could not be read) and with
// `aspnet-fixer plan --machine`, which plans the same repair as on the original.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using test_support::Ran;
using test_support::Slurp;

constexpr const char* kLockedOutCustomer =
    "# as the customer has it\n"
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "accounts:\n"
    "  ASPNET: {flags: [password_never_expires, cannot_change_password, locked_out]}\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

Ran Tool(const char* exe, const std::vector<std::string>& args) {
  return test_support::RunProgram({.program = exe, .args = args});
}

class CaptureTest : public ::testing::Test {
 protected:
  const test_support::TempFolder dir_{"aspnet_fixer_capture"};
  const fs::path input_ = dir_.Write("customer.yaml", kLockedOutCustomer);
};

TEST_F(CaptureTest, WritesALoadableFileAndLeavesTheInput) {
  const fs::path out = dir_ / "captured.yaml";
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Slurp(input_), kLockedOutCustomer);
  const std::vector<std::string> files = dir_.Names();
  EXPECT_EQ(files, (std::vector<std::string>{"captured.yaml", "customer.yaml"})) << "no temporary file is left";

  const Ran shown = Tool(FIXUP_SIM_BIN, {"show", out.string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("what could not be read:\n  nothing"), std::string::npos) << shown.out;

  const Ran plan_original = Tool(ASPNET_FIXER_BIN, {"plan", "--machine", input_.string()});
  const Ran plan_captured = Tool(ASPNET_FIXER_BIN, {"plan", "--machine", out.string()});
  EXPECT_EQ(plan_captured.exit_code, plan_original.exit_code) << plan_captured.err;
  EXPECT_EQ(plan_captured.out, plan_original.out);
}

TEST_F(CaptureTest, ToStandardOutputWithoutOut) {
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"base\": \"fresh-install\""), std::string::npos) << r.out;
}

// --json promises one JSON object on standard output: with --out the file is elsewhere, so the
// object says what was written; without --out the capture itself is that object.
TEST_F(CaptureTest, JsonPrintsOneObjectWithOrWithoutOut) {
  const fs::path out = dir_ / "captured.yaml";
  const Ran to_file =
      Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", out.string(), "--json"});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  const nlohmann::json said = nlohmann::json::parse(to_file.out);
  EXPECT_EQ(said["command"], "capture");
  EXPECT_EQ(said["outcome"], "written");
  EXPECT_EQ(said["exit_code"], 0);
  EXPECT_EQ(said["out"], out.string());
  EXPECT_TRUE(said["unreadable"].is_array());
  EXPECT_TRUE(fs::exists(out));
  // A state file reads whole: standard error says so in words, not as a count of "part(s)".
  EXPECT_NE(to_file.err.find("wrote " + out.string() + "; everything was read\n"), std::string::npos) << to_file.err;

  const Ran to_stdout = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--json"});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_EQ(nlohmann::json::parse(to_stdout.out)["base"], "fresh-install");
}

TEST_F(CaptureTest, NeverOverwritesTheInput) {
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", input_.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is the machine it reads"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(input_), kLockedOutCustomer);
}

TEST_F(CaptureTest, AnOutFolderThatDoesNotExistIsAnErrorAndLeavesNothing) {
  const fs::path out = dir_ / "no-such-folder" / "captured.yaml";
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // Said before the machine is read, as for every verb's --out.
  EXPECT_NE(r.err.find("aspnet-fixer capture: " + out.string() +
                       ": cannot create a file beside it: 3: The system cannot find the path specified.\n"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(CaptureTest, AnOutThatIsAFolderIsAnErrorAndLeavesNoTemporaryFile) {
  const fs::path out = dir_ / "a-folder";
  fs::create_directories(out / "inside");
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("aspnet-fixer capture: " + out.string() + ": cannot be written: 5: Access is denied.\n"),
            std::string::npos)
      << r.err;
  const std::vector<std::string> files = dir_.Names();
  EXPECT_EQ(files, (std::vector<std::string>{"a-folder", "customer.yaml"}));
}

// A processModel identity kept in a registry value that is not there: that one read fails (2).
constexpr const char* kRegistryIdentityMissing =
    "os: windows-xp-professional\n"
    "frameworks:\n"
    "  - version: '1.0'\n"
    "    process_model: {userName: 'Registry:HKLM\\SOFTWARE\\Nope\\ASPNET_SETREG,userName', password: "
    "'Registry:HKLM\\SOFTWARE\\Nope\\ASPNET_SETREG,password'}\n"
    "hotfixes: [MS03-032]\n";

// Text mode says on standard output what --json says there: the file written and each read that
// failed (the JSON's `unreadable`), or that every read answered.
TEST_F(CaptureTest, TextSaysWhatWasWrittenAndWhatWasNotReadAsTheJsonDoes) {
  const fs::path machine = dir_.Write("registry.yaml", kRegistryIdentityMissing);
  const fs::path out = dir_ / "c.json";
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", machine.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string read = "the account Registry:HKLM\\SOFTWARE\\Nope\\ASPNET_SETREG,userName names";
  const std::string error = "2: The system cannot find the file specified.";
  EXPECT_EQ(r.out, "Written: " + out.string() + "\nNot read (listed in it as capture.unreadable):\n  " + read + ": " +
                       error + "\n");
  EXPECT_NE(r.err.find("aspnet-fixer capture: could not read " + read + ": " + error + "\n"), std::string::npos)
      << r.err;
  const Ran j = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", machine.string(), "--out", out.string(), "--json"});
  EXPECT_EQ(nlohmann::json::parse(j.out)["unreadable"], nlohmann::json::array({{{"read", read}, {"error", error}}}));

  const Ran whole = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", out.string()});
  EXPECT_EQ(whole.out, "Written: " + out.string() + "\nEverything was read.\n") << whole.err;
}

// An --out not written is said in text as every verb's machine not written is (the JSON's
// `not_written`), before the machine is read or after, on standard output and standard error.
TEST_F(CaptureTest, TextSaysAnOutNotWrittenAsEveryVerbDoes) {
  std::vector<std::pair<std::string, std::string>> cases = {
      {(dir_ / "no-such-folder" / "c.json").string(),
       ": cannot create a file beside it: 3: The system cannot find the path specified."}};
  if (fs::exists("/dev/full"))
    cases.push_back({"/dev/full", ": cannot write: 112: There is not enough space on the disk."});
  for (const auto& [out, why] : cases) {
    const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", input_.string(), "--out", out});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.out, "Not written: " + out + why + "\nNothing was changed.\n");
    EXPECT_NE(r.err.find("aspnet-fixer capture: " + out + why + "\n"), std::string::npos) << r.err;
  }
}

// What the fixer's folder check reads is captured: the whole DACL of each folder the worker
// needs, and a local group that puts every logon token in it. A capture then plans as the machine
// does: refused here (a deny of write on C:\WINDOWS\Temp to a group holding Authenticated Users),
// and planned for a site in C:\Sites, whose folder inherits the drive root's read (audit 7).
TEST_F(CaptureTest, AReproductionGetsTheFolderVerdictTheMachineGets) {
  const fs::path denied = dir_.Write("denied.yaml", R"(os: windows-xp-professional
frameworks: ["1.0"]
hotfixes: [MS03-032]
applications:
  - {path: /LM/W3SVC/1/ROOT/shop, physical_path: 'C:\Sites\shop'}
groups:
  Web Blocked:
    members: ['NT AUTHORITY\Authenticated Users']
objects:
  - file: 'C:\WINDOWS\Temp'
    acl:
      - {deny: Web Blocked, mask: write, flags: [OI, CI]}
      - {allow: Administrators, mask: full, flags: [OI, CI]}
)");
  const fs::path out = dir_ / "denied.json";
  ASSERT_EQ(Tool(ASPNET_FIXER_BIN, {"capture", "--machine", denied.string(), "--out", out.string()}).exit_code, 0);
  const Ran original = Tool(ASPNET_FIXER_BIN, {"plan", "--machine", denied.string()});
  const Ran captured = Tool(ASPNET_FIXER_BIN, {"plan", "--machine", out.string()});
  EXPECT_EQ(original.exit_code, 3) << original.out;
  EXPECT_EQ(captured.exit_code, 3) << captured.out << captured.err;
  EXPECT_NE(captured.out.find("C:\\WINDOWS\\Temp denies XPPRO\\Web Blocked write access"), std::string::npos)
      << captured.out;

  const fs::path sites = dir_.Write("sites.yaml", R"(os: windows-xp-professional
frameworks: ["1.0"]
hotfixes: [MS03-032]
applications:
  - {path: /LM/W3SVC/1/ROOT/shop, physical_path: 'C:\Sites\shop'}
)");
  const fs::path sites_out = dir_ / "sites.json";
  ASSERT_EQ(Tool(ASPNET_FIXER_BIN, {"capture", "--machine", sites.string(), "--out", sites_out.string()}).exit_code, 0);
  EXPECT_EQ(Tool(ASPNET_FIXER_BIN, {"plan", "--machine", sites.string()}).exit_code, 0);
  const Ran sites_captured = Tool(ASPNET_FIXER_BIN, {"plan", "--machine", sites_out.string()});
  EXPECT_EQ(sites_captured.exit_code, 0) << sites_captured.out << sites_captured.err;
}

}  // namespace

// What an earlier delete and recreate of ASPNET left naming the old SID: a SQL login named
// XPPRO\ASPNET, its database user, an ACE, a right and the profile in the folder ASPNET.
// docs/machine-format.md, "Captures": kept as the SID string. The SID is of another domain here,
// so that it names no account of the reproduction either (a fresh install of the same seed gives
// this machine's RIDs to its own accounts).
constexpr const char* kOldSidLeftovers =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/shop\n"
    "rights:\n"
    "  S-1-5-21-1-2-3-1004: [SeBatchLogonRight]\n"
    "profiles:\n"
    "  S-1-5-21-1-2-3-1004: {path: 'C:\\Documents and Settings\\ASPNET', folder: true}\n"
    "objects:\n"
    "  - file: 'C:\\Inetpub\\wwwroot\\shop\\App_Data'\n"
    "    acl: [{allow: S-1-5-21-1-2-3-1004, mask: modify, flags: [OI, CI]}]\n"
    "sql:\n"
    "  installed: true\n"
    "  databases: [shop]\n"
    "  logins:\n"
    "    - {name: 'XPPRO\\ASPNET', sid: S-1-5-21-1-2-3-1004, default_database: shop}\n"
    "  users:\n"
    "    - {database: shop, name: ASPNET, login: 'XPPRO\\ASPNET', roles: [db_datareader]}\n";

TEST_F(CaptureTest, KeepsWhatAnOldSidOfASPNETLeft) {
  const std::string old_sid = "S-1-5-21-1-2-3-1004";
  const fs::path machine = dir_.Write("old-sid.yaml", kOldSidLeftovers);
  const fs::path out = dir_ / "c.json";
  const Ran r = Tool(ASPNET_FIXER_BIN, {"capture", "--machine", machine.string(), "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json c = nlohmann::json::parse(Slurp(out));
  ASSERT_TRUE(c.contains("sql")) << "SQL Server, whose only login names the old SID: " << c.dump(1);
  EXPECT_EQ(c["sql"]["installed"], true);
  ASSERT_EQ(c["sql"]["logins"].size(), 1u) << c["sql"].dump(1);
  EXPECT_EQ(c["sql"]["logins"][0]["name"], "XPPRO\\ASPNET");
  EXPECT_EQ(c["sql"]["logins"][0]["sid"], old_sid);
  ASSERT_EQ(c["sql"]["users"].size(), 1u) << c["sql"].dump(1);
  EXPECT_EQ(c["sql"]["users"][0]["login"], "XPPRO\\ASPNET");
  EXPECT_EQ(c["rights"][old_sid], nlohmann::json::array({"SeBatchLogonRight"})) << c["rights"].dump(1);
  EXPECT_EQ(c["profiles"][old_sid]["path"], "C:\\Documents and Settings\\ASPNET") << c["profiles"].dump(1);
  bool ace_kept = false;
  for (const auto& o : c["objects"]) {
    if (o.value("file", "") != "C:\\Inetpub\\wwwroot\\shop\\App_Data") continue;
    for (const auto& ace : o["acl"]) ace_kept = ace_kept || ace.value("allow", "") == old_sid;
  }
  EXPECT_TRUE(ace_kept) << c["objects"].dump(1);

  // The reproduction is diagnosed as the machine: the same old SID, its login and the taken folder.
  const Ran original = Tool(ASPNET_FIXER_BIN, {"diagnose", "--machine", machine.string()});
  const Ran captured = Tool(ASPNET_FIXER_BIN, {"diagnose", "--machine", out.string()});
  EXPECT_NE(original.out.find("old SID " + old_sid + ": SQL login XPPRO\\ASPNET stores it"), std::string::npos)
      << original.out;
  EXPECT_EQ(captured.out, original.out);
}

namespace {

// A capture from a machine whose operating system could not be read (Windows 7 under Wine: 50).
constexpr const char* kOsUnread =
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n"
    "capture:\n"
    "  tool: aspnet-fixer 0.1.0\n"
    "  unreadable:\n"
    "    - {read: the operating system, error: 50, message: The request is not supported.}\n";

}  // namespace

// Audit 8 items 5 and 6: the defaults standing in for a read the capture could not make
// (Windows XP Professional SP1, XPPRO) are no reading of the machine: the reproduction's read
// fails as the machine's did, diagnose and plan exit 1 with it, on standard error too, and the
// JSON is the documented object of a failed read.
TEST_F(CaptureTest, AReadTheCaptureCouldNotMakeFailsInTheReproductionAsOnTheMachine) {
  const fs::path captured = dir_.Write("captured.yaml", kOsUnread);
  for (const char* verb : {"diagnose", "plan"}) {
    const Ran text = Tool(ASPNET_FIXER_BIN, {verb, "--machine", captured.string()});
    EXPECT_EQ(text.exit_code, 1) << text.out << text.err;
    EXPECT_EQ(text.out.find("Windows XP Professional"), std::string::npos) << text.out;
    EXPECT_EQ(text.err, std::string("aspnet-fixer ") + verb + ": 50: The request is not supported.\n");
    const Ran json = Tool(ASPNET_FIXER_BIN, {verb, "--machine", captured.string(), "--json"});
    EXPECT_EQ(json.exit_code, 1) << json.out;
    const nlohmann::json report = nlohmann::json::parse(json.out);
    EXPECT_EQ(report, (nlohmann::json{{"command", verb},
                                      {"outcome", "error"},
                                      {"exit_code", 1},
                                      {"error", "50: The request is not supported."}}));
    EXPECT_EQ(json.err, text.err);
  }
}
