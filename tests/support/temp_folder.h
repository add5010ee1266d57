// A test's own folder for the files it writes: made fresh and empty under the system's temporary
// folder, named by the caller's prefix, the process id and the running test's name (so that no
// two tests share one, whether one binary runs them in turn or ctest -j runs them side by side),
// and removed with all it holds when the TempFolder goes. A fixture holds one as a member; a
// test, or a helper it calls, holds one as a local.
//
//   const test_support::TempFolder dir("reports_e2e");
//   const std::filesystem::path machine = dir.Write("m.yaml", "os: windows-xp-professional\n");
//   const std::string text = dir.Read("m.yaml");           // "os: windows-xp-professional\n"
//   const std::filesystem::path out = dir / "out.yaml";    // a path in it; nothing is made
//   const std::vector<std::string> names = dir.Names();    // {"m.yaml"}
//   const std::filesystem::path& where = dir.path();      // the folder itself, for a cwd
#pragma once

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>

#include "support/process_output.h"

namespace test_support {

class TempFolder {
 public:
  // `prefix` names the folder's owner (the test file, say): `<prefix>_<pid>_<Suite>.<Test>`.
  explicit TempFolder(const std::string& prefix)
      : path_(std::filesystem::temp_directory_path() /
              (prefix + "_" + std::to_string(::getpid()) + "_" + RunningTestName())) {
    std::filesystem::remove_all(path_);  // what an earlier process of the same id left
    std::filesystem::create_directories(path_);
  }
  // A folder that cannot be removed fails the running test (it would be left behind).
  ~TempFolder() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
    if (error) ADD_FAILURE() << "cannot remove " << path_ << ": " << error.message();
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // The path of `name` in the folder (whether or not it exists).
  std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

  // Writes `text` to the file `name` in the folder, byte for byte, replacing what it held; returns
  // its path. A file that cannot be written fails the running test.
  std::filesystem::path Write(const std::filesystem::path& name, std::string_view text) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) ADD_FAILURE() << "cannot write " << file;
    return file;
  }

  // The file `name` in the folder, byte for byte ("" when it cannot be read).
  std::string Read(const std::filesystem::path& name) const { return Slurp(path_ / name); }

  // The names of the entries directly in the folder, sorted.
  std::vector<std::string> Names() const { return NamesIn(path_); }

 private:
  // "Suite.Test" of the running test, a parameterised one's '/' made '_' (one folder, not two);
  // "no_test" outside any test.
  static std::string RunningTestName() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    if (test == nullptr) return "no_test";
    std::string name = std::string(test->test_suite_name()) + "." + test->name();
    std::replace(name.begin(), name.end(), '/', '_');
    return name;
  }

  std::filesystem::path path_;
};

}  // namespace test_support
