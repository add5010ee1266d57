// RunProgram through Boost.Process, the only file of the tests that includes it (its headers
// cost seconds of compiling in every file that does).
#include "support/run_program.h"

#include <stdlib.h>
#include <sys/wait.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <vector>

#include <boost/process.hpp>

namespace test_support {
namespace {

namespace bp = boost::process;
namespace fs = std::filesystem;

// Environment changes go through env(1), as `/usr/bin/env -u NAME NAME=VALUE program args...`,
// never through boost::process::environment, whose find() (behind operator[] and erase) compares
// past the end of a shorter variable (Boost 1.74; AddressSanitizer reports a heap-buffer-overflow
// when the environment has one).
constexpr const char* kEnvProgram = "/usr/bin/env";

std::vector<std::string> EnvCommand(const Call& call, const std::string& program) {
  std::vector<std::string> argv;
  for (const std::string& name : call.unset) {
    argv.push_back("-u");
    argv.push_back(name);
  }
  for (const auto& [name, value] : call.set) argv.push_back(name + "=" + value);
  argv.push_back(program);
  argv.insert(argv.end(), call.args.begin(), call.args.end());
  return argv;
}

// A fresh folder of its own for the output files (two calls never share one), removed however
// the call ends.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (fs::temp_directory_path() / "run_program_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

Ran RunProgram(const Call& call) {
  const std::string program =
      call.program.find('/') == std::string::npos ? bp::search_path(call.program).string() : call.program;
  if (program.empty()) return {.exit_code = 127, .err = call.program + ": not found on PATH\n"};
  const bool env_changes = !call.unset.empty() || !call.set.empty();
  // Output goes to files, not pipes: a child filling one pipe while the test reads the other
  // cannot block.
  const ScratchFolder scratch;
  const fs::path out = scratch.path() / "out", err = scratch.path() / "err";
  const std::string in = call.stdin_file ? call.stdin_file->string() : "/dev/null";
  bp::child child(bp::exe = env_changes ? std::string(kEnvProgram) : program,
                  bp::args = env_changes ? EnvCommand(call, program) : call.args,
                  bp::std_in<in, bp::std_out> out.string(), bp::std_err > err.string(),
                  bp::start_dir = call.cwd.value_or(fs::current_path()).string());
  child.wait();
  const int status = child.native_exit_code();
  Ran ran{.out = Slurp(out), .err = Slurp(err)};
  if (WIFSIGNALED(status)) {
    ran.signaled = true;
    ran.signal = WTERMSIG(status);
  } else {
    ran.exit_code = WEXITSTATUS(status);
  }
  return ran;
}

}  // namespace test_support
