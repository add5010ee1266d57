// Atomic file writes, for state files, reports and anything a killed process must never leave
// half-written: a temporary file beside the target, written, fsync'd, renamed over the target,
// then the directory fsync'd. Errors come back as the Windows error the same failure gives.
//
//   if (fixer::Status st = fakes::WriteFileAtomically("m.yaml", "os: windows-xp-professional\n"); !st.ok())
//     logger->error("{}", st);
#pragma once

#include <string>

#include "fixer/result.h"

namespace fakes {

// 3 path not found, 5 access denied, 112 disk full, 8 out of memory, 1920 anything else.
fixer::Status WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace fakes
