// The Windows journal file's text: one record a line,
//   seq|step|phase|key=value;key=value...
// with every field, key and value %-escaped as journal_codec escapes fields (so | ; = never
// appear bare), and a record's typed grants flattened into its data (FlattenGrants) and taken
// back on reading (TakeGrants). Pure text: tested on the host (tests/win32/).
//
//   std::string line = win32::FormatJournalLine({.seq = 1, .step = "stop-services", .phase =
//   fixer::JournalPhase::kBegin}); fixer::Result<std::vector<fixer::JournalRecord>> back = win32::ParseJournal(line);
//   // 87, fixer::IsUnreadableJournal, if malformed
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/journal.h"
#include "fixer/result.h"

namespace win32 {

std::string FormatJournalLine(const fixer::JournalRecord& record);  // ends with "\r\n"
// Every record of `text`; on a malformed line (edited by hand) fixer::UnreadableJournal naming its
// record: a journal this fixer will not act on (every verb's input error), not a read that failed.
fixer::Result<std::vector<fixer::JournalRecord>> ParseJournal(std::string_view text);

}  // namespace win32
