// ExitCode: the one list of process exit codes, for aspnet-fixer, fixup-sim and their tests.
// An exit code is a promise: 0 means the site works (or the run passed), 3 means nothing
// changed. README.md ("Exit codes") documents the same list.
//
//   int code = fixer::ToInt(fixer::ExitCode::kRefused);   // 3
//   if (fixer::ExitCode::kNotRestored == fixer::ExitCode{4}) logger->warn("run resume or rollback");
#pragma once

namespace fixer {

enum class ExitCode : int {
  kOk = 0,           // fixed, nothing to do, planned, rolled back; fixup-sim: all passed
  kFailed = 1,       // a step failed and the machine was restored; fixup-sim: a check failed
  kUsage = 2,        // usage or input error (bad arguments, an unreadable file or journal)
  kRefused = 3,      // refused: nothing was changed
  kNotRestored = 4,  // failed or interrupted and NOT restored: run resume or rollback
};

constexpr int ToInt(ExitCode code) { return static_cast<int>(code); }

}  // namespace fixer
