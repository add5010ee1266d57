// What the tests read back from a tool they ran: its exit code or the signal that ended it, and
// its output (Ran), whole files (Slurp), and the names a folder holds (NamesIn).
//
//   const std::string report = test_support::Slurp(dir / "report.html");
//   const std::vector<std::string> left = test_support::NamesIn(dir);   // no temporary file?
//   test_support::Ran r{.exit_code = 0, .out = report};
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

struct Ran {
  int exit_code = -1;  // -1 when a signal ended it
  std::string out;
  std::string err;
  bool signaled = false;  // ended by a signal, `signal`
  int signal = 0;
};

// The whole file, byte for byte ("" when it cannot be read).
inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The names of the entries directly in `dir`, sorted.
inline std::vector<std::string> NamesIn(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace test_support
