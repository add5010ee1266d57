// ExplainedFirst: a port's error with the fixer's own words put right after Windows' text, as
// every error is said (`N: <Windows text>. <explanation>`): never the number, then the fixer's
// words, then Windows' text without it. What the port said beyond Windows' text (the state-file
// backend names its log) follows.
//
//   ExplainedFirst(append_failed, "the journal could not be written (stop-services begin)").ToString()
//   // "112: There is not enough space on the disk. The journal could not be written (stop-services
//   //  begin). The log m.yaml.log could not take the record."
#pragma once

#include <string_view>

#include "fixer/result.h"

namespace fixer {

Status ExplainedFirst(const Status& st, std::string_view explanation);

}  // namespace fixer
