// StoppingJournal (fixer/stopping_journal.h).
#include "fixer/stopping_journal.h"

#include <string>
#include <utility>

namespace fixer {

StoppingJournal::StoppingJournal(Journal& target, std::function<const char*()> stop_asked,
                                 std::function<bool()> changed)
    : JournalWrapper(target), stop_asked_(std::move(stop_asked)), changed_(std::move(changed)) {}

void StoppingJournal::StopIfNothingChanged() const {
  const char* stop = StopAsked();
  if (stop != nullptr && !(changed_ && changed_()))
    throw StopRequested(std::string("stopped by ") + stop + " before any change", true);
}

Status StoppingJournal::Append(JournalRecord record) {
  StopIfNothingChanged();
  if (Status st = JournalWrapper::Append(std::move(record)); !st.ok()) return st;
  const char* stop = StopAsked();
  if (stop == nullptr) return {};
  // The record's number is the journal's length, a resumed run's earlier records counted, as the
  // state-file tool numbers it; read back only now, on the way out.
  const Result<std::vector<JournalRecord>> records = target().Load();
  const std::string where =
      records.ok() ? "after journal record " + std::to_string(records->size()) : "after a journal record";
  throw StopRequested(std::string("stopped by ") + stop + " " + where, false);
}

Status StoppingJournal::Clear() {
  StopIfNothingChanged();
  return JournalWrapper::Clear();
}

}  // namespace fixer
