// What the e2e and browser tests read back from a tool they ran as a real process: its exit
// code or the signal that ended it, and its output (Ran), and whole files (Slurp).
//
//   const std::string report = test_support::Slurp(dir / "report.html");
//   test_support::Ran r{.exit_code = 0, .out = report};
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

}  // namespace test_support
