// The Windows journal file's text: one record a line,
//   seq|step|phase|key=value;key=value...
// with every field, key and value %-escaped as journal_codec escapes fields (so | ; = never
// appear bare), and a record's typed grants flattened into its data (FlattenGrants) and taken
// back on reading (TakeGrants). Pure text: tested on the host (tests/win32/).
//
//   std::string line = win32::FormatJournalLine({.seq = 1, .step = "stop-services", .phase =
//   fixer::JournalPhase::kBegin}); fixer::Result<std::vector<fixer::JournalRecord>> back = win32::ParseJournal(line);
//   // 13 if malformed
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/journal.h"
#include "fixer/result.h"

namespace win32 {

std::string FormatJournalLine(const fixer::JournalRecord& record);  // ends with "\r\n"
// Every record of `text`; 13 ERROR_INVALID_DATA on a malformed line.
fixer::Result<std::vector<fixer::JournalRecord>> ParseJournal(std::string_view text);

}  // namespace win32
