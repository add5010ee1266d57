// A folder `run` and `sweep` scan for *.yaml may hold what cannot be read: a symbolic link that
// loops, one to nowhere, a subfolder that cannot be listed. Each is an input error said with its
// reason (exit 2, --json one object), never a std::filesystem exception that ends the tool with
// SIGABRT (exit 134) and "terminate called after throwing ... filesystem_error".
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sim/scenario.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

class ScannedFolders : public ::testing::Test {
 protected:
  Ran FixupSim(const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = dir_.path()});
  }
  // `run d`, `run d --json` and `sweep d` each say `said`, exit 2.
  void ExpectInputError(const std::string& said) const {
    const Ran run = FixupSim({"run", "d"});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_THAT(run.err, HasSubstr(said));
    EXPECT_THAT(run.err, Not(HasSubstr("terminate called")));
    const Ran json = FixupSim({"run", "d", "--json"});
    EXPECT_EQ(json.exit_code, 2) << json.err;
    ASSERT_TRUE(nlohmann::json::accept(json.out)) << json.out;
    EXPECT_THAT(nlohmann::json::parse(json.out).value("error", ""), HasSubstr(said));
    const Ran sweep = FixupSim({"sweep", "d"});
    EXPECT_EQ(sweep.exit_code, 2) << sweep.err;
    EXPECT_THAT(sweep.err, HasSubstr(said));
  }
  test_support::TempFolder dir_{"scanned_folders_e2e"};
};

TEST_F(ScannedFolders, ALinkThatLoopsIsSaidAsOne) {
  fs::create_directory(dir_ / "d");
  fs::create_symlink("x.yaml", dir_ / "d" / "x.yaml");  // ln -s x.yaml d/x.yaml
  ExpectInputError("d/x.yaml: cannot open the file: Too many levels of symbolic links");
}

TEST_F(ScannedFolders, ALinkToNowhereIsSaidAsOne) {
  fs::create_directory(dir_ / "d");
  fs::create_symlink("gone.yaml", dir_ / "d" / "x.yaml");
  ExpectInputError("d/x.yaml: cannot open the file: No such file or directory");
}

// A link to a folder is not followed (a loop of folder links would never end), as before.
TEST_F(ScannedFolders, ALinkToAFolderIsNotFollowed) {
  fs::create_directories(dir_ / "d" / "sub");
  fs::create_directory_symlink("..", dir_ / "d" / "sub" / "up");
  EXPECT_TRUE(sim::FindScenarioFiles({(dir_ / "d").string()}).empty());
}

// One file named twice (`x.yaml ./x.yaml`, a folder and a file in it) is one scenario, under the
// first of its names in order.
TEST_F(ScannedFolders, AFileNamedTwiceIsListedOnce) {
  fs::create_directory(dir_ / "d");
  const std::string x = dir_.Write("x.yaml", "summary: s\n").string();
  const std::string y = dir_.Write("d/y.yaml", "summary: s\n").string();
  EXPECT_EQ(sim::FindScenarioFiles({(dir_ / "." / "x.yaml").string(), x, (dir_ / "d").string(), y}),
            (std::vector<std::string>{(dir_ / "." / "x.yaml").string(), y}));
}

// Nested folders whose path is longer than PATH_MAX: even root cannot list the deepest (ENAMETOOLONG).
class TooDeep {
 public:
  explicit TooDeep(const fs::path& top) : top_(top) {
    const std::string name(250, 'n');
    int fd = ::open(top_.c_str(), O_RDONLY | O_DIRECTORY);
    for (int level = 0; level < 18 && fd >= 0; ++level) {
      ::mkdirat(fd, name.c_str(), 0755);
      const int inner = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
      ::close(fd);
      fd = inner;
    }
    if (fd >= 0) ::close(fd);
  }
  ~TooDeep() {
    const int fd = ::open(top_.c_str(), O_RDONLY | O_DIRECTORY);
    RemoveIn(fd, std::string(250, 'n'));
    ::close(fd);
  }

 private:
  static void RemoveIn(int fd, const std::string& name) {
    const int inner = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    if (inner < 0) return;
    RemoveIn(inner, name);
    ::close(inner);
    ::unlinkat(fd, name.c_str(), AT_REMOVEDIR);
  }
  fs::path top_;
};

TEST_F(ScannedFolders, ASubfolderThatCannotBeListedIsSaidWithWhy) {
  fs::create_directory(dir_ / "d");
  if (::geteuid() != 0) {  // a folder its user may not read
    fs::create_directory(dir_ / "d" / "locked");
    fs::permissions(dir_ / "d" / "locked", fs::perms::none);
    ExpectInputError("d/locked: cannot list the folder: Permission denied");
    fs::permissions(dir_ / "d" / "locked", fs::perms::owner_all);
  }
  const TooDeep deep(dir_ / "d");
  ExpectInputError("File name too long");
}

}  // namespace
