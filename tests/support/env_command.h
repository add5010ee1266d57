// How a test runs a tool with a changed environment: through env(1), as
// `/usr/bin/env -u NAME NAME=VALUE program args...`, never through boost::process::environment,
// whose find() (behind operator[] and erase) compares past the end of a shorter variable
// (Boost 1.74; AddressSanitizer reports a heap-buffer-overflow when the environment has one).
//
//   std::vector<std::string> argv = test_support::EnvCommand({"NO_COLOR"}, {{"LANG", "C"}}, "/bin/true", {});
//   // {"-u", "NO_COLOR", "LANG=C", "/bin/true"}: run it as bp::system(bp::exe = test_support::kEnvProgram, bp::args =
//   argv)
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <boost/process.hpp>

#include "support/process_output.h"

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

// Runs `program` with `args` in `cwd` under EnvCommand(unset, set, ...); its output goes through
// files in `scratch` (removed first: the redirection does not truncate a longer earlier output).
inline Ran RunWithEnv(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& unset,
                      const std::vector<std::pair<std::string, std::string>>& set, const std::filesystem::path& cwd,
                      const std::filesystem::path& scratch) {
  namespace bp = boost::process;
  const std::filesystem::path out = scratch / ".out", err = scratch / ".err";
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  Ran r;
  r.exit_code = bp::system(bp::exe = kEnvProgram, bp::args = EnvCommand(unset, set, program, args),
                           bp::std_in<bp::null, bp::std_out> out.string(), bp::std_err > err.string(),
                           bp::start_dir = cwd.string());
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

}  // namespace test_support
