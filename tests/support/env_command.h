// How a test runs a tool with a changed environment: through env(1), as
// `/usr/bin/env -u NAME NAME=VALUE program args...`, never through boost::process::environment,
// whose find() (behind operator[] and erase) compares past the end of a shorter variable
// (Boost 1.74; AddressSanitizer reports a heap-buffer-overflow when the environment has one).
//
//   std::vector<std::string> argv = test_support::EnvCommand({"NO_COLOR"}, {{"LANG", "C"}}, "/bin/true", {});
//   // {"-u", "NO_COLOR", "LANG=C", "/bin/true"}: run it as bp::system(bp::exe = test_support::kEnvProgram, bp::args =
//   argv)
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace test_support {

inline constexpr const char* kEnvProgram = "/usr/bin/env";

// The arguments of env(1) that unset `unset`, set `set`, then run `program` with `args`.
inline std::vector<std::string> EnvCommand(const std::vector<std::string>& unset,
                                           const std::vector<std::pair<std::string, std::string>>& set,
                                           const std::string& program, const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  for (const std::string& name : unset) {
    argv.push_back("-u");
    argv.push_back(name);
  }
  for (const auto& [name, value] : set) argv.push_back(name + "=" + value);
  argv.push_back(program);
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace test_support
