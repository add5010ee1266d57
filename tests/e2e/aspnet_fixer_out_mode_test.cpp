// Audit 10 item 7: a new --out file holds what the machine file holds (NT hashes, the LSA secret's
// stored form), so every verb that writes one makes it readable and writable by its owner alone
// (0600), whatever the umask lets others read; an --out that exists keeps its own mode.
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

using e2e::RunAspnetFixer;
using test_support::Ran;

constexpr const char* kOutModeMachine =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "accounts:\n"
    "  alice: {password: Wonder1and!, groups: [Administrators]}\n"
    "session: {caller: alice, interactive_user: alice}\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/orders\n";

unsigned OutModeOf(const fs::path& file) {
  struct stat st {};
  EXPECT_EQ(::stat(file.c_str(), &st), 0) << file;
  return st.st_mode & 0777;
}

// The umask of a shell that makes files 0644, for the test's length.
class Umask022 {
 public:
  Umask022() : was_(::umask(022)) {}
  ~Umask022() { ::umask(was_); }
  Umask022(const Umask022&) = delete;
  Umask022& operator=(const Umask022&) = delete;

 private:
  mode_t was_;
};

TEST(OutMode, ANewOutIsTheOwnersAloneWhateverTheMachineFilesMode) {
  const Umask022 shell_umask;
  const test_support::TempFolder dir("aspnet_fixer_out_mode");
  for (const unsigned machine_mode : {0600u, 0644u}) {
    const fs::path machine = dir.Write("m" + std::to_string(machine_mode) + ".yaml", kOutModeMachine);
    ASSERT_EQ(::chmod(machine.c_str(), machine_mode), 0);
    const std::vector<std::vector<std::string>> verbs = {
        {"diagnose"}, {"plan"}, {"apply", "--dry-run"}, {"apply"}, {"capture"}};
    for (const std::vector<std::string>& verb : verbs) {
      const fs::path out = dir / ("o-" + verb[0] + std::to_string(verb.size()) + "-" + std::to_string(machine_mode));
      std::vector<std::string> args = verb;
      args.insert(args.begin() + 1, {"--machine", machine.string(), "--out", out.string()});
      const Ran r = RunAspnetFixer(args);
      EXPECT_EQ(r.exit_code, 0) << verb[0] << ":\n" << r.out << r.err;
      ASSERT_TRUE(fs::exists(out)) << verb[0];
      EXPECT_EQ(OutModeOf(out), 0600u) << verb[0] << " of a " << std::oct << machine_mode << " machine file";
    }
  }
}

// The control: an --out that is there keeps who may read it, as every replaced file does.
TEST(OutMode, AnOutThatExistsKeepsItsMode) {
  const Umask022 shell_umask;
  const test_support::TempFolder dir("aspnet_fixer_out_mode");
  const fs::path machine = dir.Write("m.yaml", kOutModeMachine);
  const fs::path out = dir.Write("o.yaml", kOutModeMachine);
  ASSERT_EQ(::chmod(out.c_str(), 0640), 0);
  const Ran r = RunAspnetFixer({"apply", "--machine", machine.string(), "--out", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(OutModeOf(out), 0640u);
}

}  // namespace
